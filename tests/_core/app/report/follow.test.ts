// report.follow ("我也遇到了"): a neighbour follows an open ticket report.nearby offered them, by
// its opaque ref, instead of filing it again. They see its progress in 我的上报 and its detail —
// never the reporter's name, phone, photos or unmasked words — hear its accepted/resolved messages,
// and the ticket counts them as affected.
import { seedCommunity, useTestApp } from '../../../support/app';
import { expectNoneOf, expectRefused, fileReport, freshResidents, ids, messagesOf, told, TUESDAY } from '../../../support/flows';

const app = useTestApp(seedCommunity);
const nextResident = freshResidents('follow-resident');
let spot = 0;
/** A fresh spot per test (≥ 150 m apart) inside the demo community. */
const place = () => ({ latitude: 36.811 + 0.0015 * Math.floor((spot % 12) / 4), longitude: 118.04 + 0.002 * ((spot += 1) % 4) });

async function offered(): Promise<{ ticket: { id: string; resident: string }; ref: string; neighbour: string }> {
  const location = place();
  const ticket = await fileReport(app, nextResident(), {
    location: { ...location, address: '华光路 8 号' },
    description: '我是王建国，电话13812345678，3号楼门口垃圾没人清运',
    contactPhone: '13812345678',
  });
  const neighbour = nextResident();
  const { items } = await app.ok(neighbour, 'report.nearby', { category: 'sanitation', location });
  const ref = items[0]?.ref;
  if (!ref) throw new Error('nothing offered');
  return { ticket, ref, neighbour };
}

describe('report.follow', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the neighbour follows: the ticket opens for them with their relation, the reporter’s details left out', async () => {
    const { ticket, ref, neighbour } = await offered();
    const view = await app.ok(neighbour, 'report.follow', { ref });
    expect(view).toMatchObject({ id: ticket.id, relation: 'follower', affectedCount: 2, status: 'submitted' });
    expect(view.photos).toEqual([]);
    expect(view.photoUrls).toEqual([]);
    expect(view.contactPhoneMasked).toBeUndefined();
    expect(view.allowedActions).toEqual([]);
    expectNoneOf(view, [ticket.resident, '13812345678', '王建国', '3号楼']);
    // It is in their 我的上报 now, and the reporter's view counts them.
    expect(ids(await app.ok(neighbour, 'report.mine', {}))).toContain(ticket.id);
    expect((await app.ok(neighbour, 'ticket.get', { ticketId: ticket.id })).relation).toBe('follower');
    expect(await app.ok(ticket.resident, 'ticket.get', { ticketId: ticket.id })).toMatchObject({ relation: 'reporter', affectedCount: 2 });
    expect((await app.ok('community-1', 'ticket.get', { ticketId: ticket.id })).affectedCount).toBe(2);
  });

  test('staff never follow: a ref report.nearby gave them opens nothing outside their scope, and nothing changes', async () => {
    const location = place();
    const ticket = await fileReport(app, nextResident(), {
      location: { ...location, address: '华光路 9 号' },
      description: '我是王建国，3号楼门口垃圾没人清运',
    });
    for (const staff of ['worker-3', 'district-1']) {
      const { items } = await app.ok(staff, 'report.nearby', { category: 'sanitation', location });
      const ref = items[0]?.ref;
      if (!ref) throw new Error('nothing offered');
      await expectRefused(app, 'FORBIDDEN', () => app.raw(staff, { action: 'report.follow', params: { ref } }));
    }
    expect((await app.server.deps.tickets.get(ticket.id))?.followers).toEqual([]);
  });

  test('following twice is the same as once', async () => {
    const { ticket, ref, neighbour } = await offered();
    await app.ok(neighbour, 'report.follow', { ref });
    expect((await app.ok(neighbour, 'report.follow', { ref })).affectedCount).toBe(2);
    expect(ids(await app.ok(neighbour, 'report.mine', {})).filter((id) => id === ticket.id)).toHaveLength(1);
  });

  test('followers hear accepted and resolved like the reporter; staff moves are not lost to a follow at the same time', async () => {
    const { ticket, ref, neighbour } = await offered();
    const [followed, accepted] = await Promise.all([
      app.ok(neighbour, 'report.follow', { ref }),
      app.ok('community-1', 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' }),
    ]);
    expect(followed.relation).toBe('follower');
    expect(accepted.status).toBe('accepted');
    const now = await app.ok('community-1', 'ticket.get', { ticketId: ticket.id });
    expect(now).toMatchObject({ status: 'accepted', affectedCount: 2 });
    await app.ok('community-1', 'ticket.resolve', { ticketId: ticket.id, result: '已清运' });
    const heard = told(await messagesOf(app, ticket.id));
    expect(heard).toEqual(expect.arrayContaining([`ticketResolved→${ticket.resident}`, `ticketResolved→${neighbour}`]));
    // A follower does not rate: that is the reporter's.
    await expectRefused(app, 'FORBIDDEN', () => app.call(neighbour, 'report.rate', { ticketId: ticket.id, rating: 'satisfied' }));
  });

  test("the reporter's rating comment reaches a follower masked, like the description", async () => {
    const { ticket, ref, neighbour } = await offered();
    await app.ok(neighbour, 'report.follow', { ref });
    await app.ok('community-1', 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' });
    await app.ok('community-1', 'ticket.resolve', { ticketId: ticket.id, result: '已清运' });
    await app.ok(ticket.resident, 'report.rate', { ticketId: ticket.id, rating: 'basic', comment: '我是王建国，电话13812345678' });
    const seen = await app.ok(neighbour, 'ticket.get', { ticketId: ticket.id });
    expect(seen.ratingComment).toBeTruthy();
    expect(seen.ratingComment).not.toContain('王建国');
    expect(seen.ratingComment).not.toContain('13812345678');
    expect((await app.ok(ticket.resident, 'ticket.get', { ticketId: ticket.id })).ratingComment).toBe('我是王建国，电话13812345678');
  });

  test('a ref works only for whom it was given, unaltered, for half an hour, and only while the ticket is open', async () => {
    const { ticket, ref } = await offered();
    await expectRefused(app, 'NOT_FOUND', () => app.call('someone-else', 'report.follow', { ref }));
    await expectRefused(app, 'NOT_FOUND', () => app.call('someone-else', 'report.follow', { ref: `${ref.slice(0, -2)}AA` }));
    const late = await offered();
    app.setNow(new Date(new Date(TUESDAY).getTime() + 31 * 60_000));
    await expectRefused(app, 'NOT_FOUND', () => app.call(late.neighbour, 'report.follow', { ref: late.ref }));
    app.setNow(TUESDAY);
    const closed = await offered();
    await app.ok('community-1', 'ticket.reject', { ticketId: closed.ticket.id, reason: '不属于受理范围' });
    const error = await expectRefused(app, 'CONFLICT', () => app.call(closed.neighbour, 'report.follow', { ref: closed.ref }));
    expect(error.message).toMatch(/处理完/);
    expect(ticket.id).toBeTruthy();
  });

  test.each([
    ['no ref', {}],
    ['a ticket id instead of a ref', { ticketId: 'a'.repeat(32) }],
    ['a short ref', { ref: 'abc' }],
    ['an operator', { ref: { $ne: null } }],
  ])('%s → INVALID_INPUT, nothing changed', async (_what, params) => {
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('someone', { action: 'report.follow', params }));
  });
});
