import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, expectRefused, fileReport } from '../../../support/flows';

const app = useTestApp(async () => {
  await seedCommunity(app);
  app.setNow('2026-11-24T02:00:00.000Z');
});

async function accepted(): Promise<string> {
  const ticket = await fileReport(app, 'resident-a');
  await bringTo(app, ticket, 'accepted');
  return ticket.id;
}

describe('ticket.resolve', () => {
  test('the responsible worker resolves with a result and their own photos', async () => {
    const id = await accepted();
    const photo = `local://${app.server.deps.files.folderOf('worker-1')}/2026/11/after.jpg`;
    const view = await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已清运，并联系环卫增加清运频次。', photos: [photo] });
    expect(view.status).toBe('resolved');
    expect(view.result).toBe('已清运，并联系环卫增加清运频次。');
    expect(view.resolveBy).toBe('2026-11-27T15:59:59.999Z'); // kept, so on-time can be judged later
    expect(view.resolvedAt).toBe('2026-11-24T02:00:00.000Z');
    const last = view.timeline?.at(-1);
    expect(last).toMatchObject({ kind: 'resolve', toStatus: 'resolved', photos: [photo] });
    expect(last?.photoUrls[0]).toContain(`/__files/${app.server.deps.files.folderOf('worker-1')}/`);
    const residentView = await app.ok('resident-a', 'ticket.get', { ticketId: id });
    expect(residentView.allowedActions).toEqual(['rate']);
    // The resident sees the handler's photos through links, never their fileIDs or openid.
    expect(residentView.timeline?.at(-1)).toMatchObject({ photos: [] });
    expect(residentView.timeline?.at(-1)?.photoUrls).toHaveLength(1);
    expect(JSON.stringify(residentView)).not.toContain('worker-1');
  });

  test('a submitted ticket cannot be resolved before it is accepted', async () => {
    const { ticketId } = await app.ok('resident-a', 'report.submit', reportParams());
    expect(await app.call('worker-1', 'ticket.resolve', { ticketId, result: '已处理' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  test('resolving twice is a conflict', async () => {
    const id = await accepted();
    await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已处理' });
    expect(await app.call('community-1', 'ticket.resolve', { ticketId: id, result: '再处理' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  test.each([
    ['empty result', { result: ' ' }],
    ['result over 200 characters', { result: '好'.repeat(201) }],
    ['seven photos', { result: '已处理', photos: Array.from({ length: 7 }, (_, i) => `local://uploads/w1key/${i}.jpg`) }],
    ['a photo someone else uploaded', { result: '已处理', photos: ['local://uploads/resident-a/x.jpg'] }],
    ['operator in result', { result: { $set: { status: 'closed' } } }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const id = await accepted();
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.resolve', params: { ticketId: id, ...extra } }));
  });
});
