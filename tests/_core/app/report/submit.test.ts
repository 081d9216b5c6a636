import { ticketNo } from '../../../../cloudfunctions/_core/domain/ticket-no';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused } from '../../../support/flows';
import { countReads } from '../../../support/count-reads';

const app = useTestApp(seedCommunity);
const folder = (openid: string): string => app.server.deps.files.folderOf(openid);

// Tuesday 2026-11-24 10:00 in Shanghai.
const TUESDAY_10AM = '2026-11-24T02:00:00.000Z';

describe('report.submit', () => {
  beforeEach(() => app.setNow(TUESDAY_10AM));

  test('routes into the grid that contains the point and sets the acceptance deadline', async () => {
    const data = await app.ok('resident-a', 'report.submit', reportParams());
    expect(data.gridCode).toBe('ZD-CZ-HG-01');
    expect(data.status).toBe('submitted');
    expect(data.no).toMatch(/^20261124-\d{6}$/);
    // 1 working day: by 24:00 Wednesday 11-25 Shanghai.
    expect(data.acceptBy).toBe('2026-11-25T15:59:59.999Z');
    // …and says so in words, as 24:00 of that day (never 23:59).
    expect(data.deadline).toEqual({ kind: 'accept', at: '2026-11-25T15:59:59.999Z', label: '11月25日 24:00 前受理', overdue: false });
    const view = await app.ok('resident-a', 'ticket.get', { ticketId: data.ticketId });
    expect(view.level).toBe('grid');
    expect(view.timeline).toHaveLength(1);
  });

  test('the same clientRequestId twice makes one ticket', async () => {
    const params = reportParams();
    const first = await app.ok('resident-b', 'report.submit', params);
    const again = await app.ok('resident-b', 'report.submit', params);
    const concurrent = await Promise.all([1, 2, 3].map(() => app.ok('resident-b', 'report.submit', params)));
    for (const answer of [again, ...concurrent]) expect(answer).toEqual(first);
    const mine = await app.ok('resident-b', 'report.mine', {});
    expect(mine.items.filter((t) => t.id === first.ticketId)).toHaveLength(1);
  });

  test('a first submit reads no ticket before writing it (a taken id fails the insert instead)', async () => {
    const counted = countReads(app, 'tickets');
    try {
      await app.ok('resident-first', 'report.submit', reportParams());
      expect(counted.reads()).toBe(0);
    } finally {
      counted.stop();
    }
  });

  test("a resident's first submit is no transaction: one call each for the limit, the ticket and its message", async () => {
    const seen: string[] = [];
    const stop = app.server.cloud.onRequest((r) => seen.push(`${r.action} ${String(r.body.collectionName ?? '')}`.trim()));
    try {
      const made = await app.ok('resident-quick', 'report.submit', reportParams());
      expect(seen.filter((a) => a.includes('Transaction'))).toEqual([]);
      expect(seen.filter((a) => a.endsWith(' tickets'))).toEqual(['database.insertDocument tickets']);
      expect(seen.filter((a) => a.endsWith(' outbox'))).toEqual(['database.insertDocument outbox']);
      // The limit's window: its insert beside the conditional update of an existing one.
      expect(seen.filter((a) => a.endsWith(' rateLimits')).sort()).toEqual([
        'database.insertDocument rateLimits',
        'database.modifyDocument rateLimits',
      ]);
      seen.length = 0;
      await app.ok('resident-quick', 'report.submit', reportParams());
      expect(seen.filter((a) => a.includes('Transaction'))).toEqual([]);
      const rows = (await app.server.deps.outbox.list(100)).filter((r) => r.ticketId === made.ticketId);
      expect(rows).toMatchObject([{ template: 'staffNewTicket', confirmNo: made.no, state: 'pending' }]);
    } finally {
      stop();
    }
  });

  test('the same clientRequestId with different content → CONFLICT, not the old ticket; nothing stored', async () => {
    const params = reportParams();
    await app.ok('resident-b', 'report.submit', params);
    for (const changed of [{ description: '另一件事' }, { category: 'dispute' }, { location: { ...params.location, latitude: 36.8136 } }]) {
      const error = await expectRefused(app, 'CONFLICT', () => app.call('resident-b', 'report.submit', { ...params, ...changed }));
      expect(error.message).toMatch(/提交编号/);
    }
  });

  test("another resident reusing someone else's clientRequestId gets their own ticket", async () => {
    const params = reportParams();
    const a = await app.ok('resident-c', 'report.submit', params);
    const b = await app.ok('resident-d', 'report.submit', params);
    expect(b.ticketId).not.toBe(a.ticketId);
  });

  test('parallel submits get distinct numbers of the day, from no shared counter', async () => {
    app.setNow('2026-11-26T03:00:00.000Z');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => app.ok(`parallel-${i}`, 'report.submit', reportParams())));
    const numbers = answers.map((a) => a.no);
    expect(new Set(numbers).size).toBe(12);
    for (const no of numbers) expect(no).toMatch(/^20261126-\d{6}$/);
    expect(app.server.cloud.collectionNames()).not.toContain('counters');
  });

  test("a number that clashes with another ticket's is drawn again (the unique index on the number)", async () => {
    app.setNow('2026-11-26T03:00:00.000Z');
    const first = await app.ok('clash-a', 'report.submit', reportParams());
    // Give the next ticket's first draw the number the first one holds.
    const params = reportParams();
    const nextId = app.server.deps.ids.idFromKey(`ticket|clash-b|${params.clientRequestId}`);
    const db = (await import('wx-server-sdk')).database();
    await db
      .collection('tickets')
      .doc(first.ticketId)
      .update({ data: { no: ticketNo(new Date('2026-11-26T03:00:00.000Z'), nextId, 0) } });
    const second = await app.ok('clash-b', 'report.submit', params);
    expect(second.no).toBe(ticketNo(new Date('2026-11-26T03:00:00.000Z'), nextId, 1));
  });

  test('an urgent category must be accepted within 30 minutes', async () => {
    const data = await app.ok('resident-a', 'report.submit', reportParams({ category: 'urgent-repair' }));
    expect(data.acceptBy).toBe('2026-11-24T02:30:00.000Z');
    expect(data.deadline?.label).toBe('11月24日 10:30 前受理');
  });

  test('a point just outside every grid goes to the nearest grid within 200 m', async () => {
    // ~90 m north of grid 1's top edge (latitude 36.8146).
    const data = await app.ok('resident-a', 'report.submit', reportParams({ location: { latitude: 36.8154, longitude: 118.0405 } }));
    expect(data.gridCode).toBe('ZD-CZ-HG-01');
  });

  test('far from every grid goes to the triage queue of the nearest community', async () => {
    // ~900 m east of the community.
    const data = await app.ok('resident-a', 'report.submit', reportParams({ location: { latitude: 36.812, longitude: 118.058 } }));
    expect(data.gridCode).toBeNull();
    const view = await app.ok('community-1', 'ticket.get', { ticketId: data.ticketId });
    expect(view.level).toBe('community');
    expect(view.allowedActions).toContain('accept');
    // and not any grid worker's
    expect((await app.call('worker-1', 'ticket.get', { ticketId: data.ticketId })).ok).toBe(false);
  });

  test('very far from every grid: triage that belongs to the super admins, not to any district admin', async () => {
    const data = await app.ok('resident-b', 'report.submit', reportParams({ location: { latitude: 36.9, longitude: 118.2 } }));
    expect(data.gridCode).toBeNull();
    const view = await app.ok(ADMIN, 'ticket.get', { ticketId: data.ticketId });
    expect(view.level).toBe('district');
    expect(view.allowedActions).toContain('accept');
    expect(await app.call('district-1', 'ticket.get', { ticketId: data.ticketId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('district-1', 'ticket.accept', { ticketId: data.ticketId, complexity: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await app.ok('district-1', 'queue.list', {})).items.map((t) => t.id)).not.toContain(data.ticketId);
    expect((await app.ok(ADMIN, 'queue.list', {})).items.map((t) => t.id)).toContain(data.ticketId);
  });

  test('a grid worker files on behalf of a resident (代报); staff see the phone masked', async () => {
    const data = await app.ok('worker-1', 'report.submit', reportParams({ onBehalfOf: { name: '王大爷', phone: '13812341234' } }));
    const view = await app.ok('community-1', 'ticket.get', { ticketId: data.ticketId });
    expect(view.source).toBe('proxy');
    expect(view.contactPhoneMasked).toBe('138****1234');
    expect(view.reporterName).toBe('王大爷');
    expect(JSON.stringify(view)).not.toContain('13812341234');
  });

  test('residents may not file patrol finds or on behalf of others', async () => {
    const answer = await app.call('resident-a', 'report.submit', reportParams({ patrol: true }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('without an openid the call is refused', async () => {
    const answer = await app.call(null, 'report.submit', reportParams());
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  const bad: Array<[string, (p: Api.ReportSubmitParams) => unknown]> = [
    ['description missing', ({ description: _d, ...rest }) => rest],
    ['empty description', (p) => ({ ...p, description: '   ' })],
    ['description over 500 characters', (p) => ({ ...p, description: '很'.repeat(501) })],
    ['description of the wrong type', (p) => ({ ...p, description: 42 })],
    ['unknown field', (p) => ({ ...p, admin: true })],
    ['$-operator inside location', (p) => ({ ...p, location: { latitude: { $gt: 0 }, longitude: 118.04 } })],
    ['$-operator as a field', (p) => ({ ...p, $where: 'sleep(1000)' })],
    ['operator object as category', (p) => ({ ...p, category: { $ne: null } })],
    ['unknown category', (p) => ({ ...p, category: 'no-such-thing' })],
    ['kind outside the list', (p) => ({ ...p, kind: 'praise' })],
    ['coordinates outside China', (p) => ({ ...p, location: { latitude: 48.85, longitude: 2.35 } })],
    ['latitude not a number', (p) => ({ ...p, location: { latitude: NaN, longitude: 118.04 } })],
    ['seven photos', (p) => ({ ...p, photos: Array.from({ length: 7 }, (_, i) => `local://${folder('resident-a')}/p${i}.jpg`) })],
    ["someone else's photo", (p) => ({ ...p, photos: [`local://${folder('resident-z')}/p.jpg`] })],
    ['a photo in a folder named by the openid (the old, leaky scheme)', (p) => ({ ...p, photos: ['local://uploads/resident-a/p.jpg'] })],
    [
      'a photo path climbing out of the own folder',
      (p) => ({ ...p, photos: [`local://${folder('resident-a')}/../${folder('resident-z').slice(8)}/p.jpg`] }),
    ],
    ['photo that is not a fileID', (p) => ({ ...p, photos: ['https://evil.example/p.jpg'] })],
    ['bad phone', (p) => ({ ...p, contactPhone: '12345' })],
    ['a description of only zero-width spaces', (p) => ({ ...p, description: '\u200b\u200b\u200b' })],
    ['a description of only braille blanks', (p) => ({ ...p, description: '\u2800\u2800' })],
    ['a description of only hangul fillers', (p) => ({ ...p, description: '\u3164' })],
    ['a NUL inside the description', (p) => ({ ...p, description: '垃圾\u0000没人收' })],
    ['a bidi override inside the description', (p) => ({ ...p, description: '垃圾\u202e收人没' })],
    ['a lone surrogate inside the description', (p) => ({ ...p, description: '垃圾\ud83d没人收' })],
    ['501 characters', (p) => ({ ...p, description: '垃'.repeat(501) })],
    ['an invisible address', (p) => ({ ...p, location: { ...p.location, address: '\u202e华光路' } })],
    ['an invisible 代报 name', (p) => ({ ...p, onBehalfOf: { name: '\u200b', phone: '13812345678' } })],
    ['short clientRequestId', (p) => ({ ...p, clientRequestId: 'x' })],
    ['params not an object', () => 'report'],
  ];
  test.each(bad)('%s → INVALID_INPUT and nothing stored', async (_name, mutate) => {
    const error = await expectRefused(app, 'INVALID_INPUT', () =>
      app.raw('resident-a', { action: 'report.submit', params: mutate(reportParams()) }),
    );
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('own uploaded photos are accepted; staff get links only, and no fileID or link names an openid', async () => {
    const photo = `local://${folder('resident-a')}/2026/11/a.jpg`;
    const data = await app.ok('resident-a', 'report.submit', reportParams({ photos: [photo] }));
    const view = await app.ok('resident-a', 'ticket.get', { ticketId: data.ticketId });
    expect(view.photos).toEqual([photo]);
    expect(view.photoUrls[0]).toMatch(new RegExp(`/__files/${folder('resident-a')}/2026/11/a\\.jpg\\?expires=\\d+&sign=[0-9a-f]{32}$`));
    const staffView = await app.ok('worker-1', 'ticket.get', { ticketId: data.ticketId });
    expect(staffView.photos).toEqual([]);
    expect(staffView.photoUrls).toHaveLength(1);
    expect(JSON.stringify(staffView)).not.toContain('resident-a');
  });
});
