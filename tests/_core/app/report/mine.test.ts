import { reportParams, seedCommunity, useTestApp } from '../../../support/app';

const app = useTestApp(seedCommunity);

describe('report.mine', () => {
  test('pages through all of my reports newest first, without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      // 7 minutes apart: below the 10-an-hour limit a resident may submit.
      app.setNow(new Date(Date.UTC(2026, 10, 24, 2, i * 7)));
      ids.push((await app.ok('pager', 'report.submit', reportParams({ description: `第 ${i + 1} 条` }))).ticketId);
    }
    await app.ok('someone-else', 'report.submit', reportParams());
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.ok('pager', 'report.mine', cursor ? { cursor } : {});
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      expect(page.items.every((t) => !('timeline' in t))).toBe(true);
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  test('filters by status', async () => {
    app.setNow('2026-11-25T02:00:00.000Z');
    const { ticketId } = await app.ok('filterer', 'report.submit', reportParams());
    await app.ok('filterer', 'report.submit', reportParams());
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    const accepted = await app.ok('filterer', 'report.mine', { status: 'accepted' });
    expect(accepted.items.map((t) => t.id)).toEqual([ticketId]);
    expect((await app.ok('filterer', 'report.mine', { status: 'submitted' })).items).toHaveLength(1);
  });

  test('an empty list for someone who never reported', async () => {
    expect(await app.ok('newcomer', 'report.mine', {})).toEqual({ items: [], nextCursor: null });
  });

  test.each([
    ['bad status', { status: 'lost' }],
    ['cursor as operator', { cursor: { $gt: '' } }],
    ['cursor with strange characters', { cursor: '../../etc' }],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    expect(await app.raw('pager', { action: 'report.mine', params })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
