// report.claim (认领代报): the resident a grid worker filed a report for claims it with the code the
// worker is shown; from then on they follow it, hear its messages and rate it — the worker never
// can. Until claimed it counts as unrated.
import { bringTo, expectRefused, ids, messagesOf, told, TUESDAY } from '../../../support/flows';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';

const app = useTestApp(seedCommunity);

async function proxyReport(): Promise<{ id: string; code: string }> {
  const { ticketId } = await app.ok('worker-1', 'report.submit', reportParams({ onBehalfOf: { name: '王大爷', phone: '13812345678' } }));
  const view = await app.ok('worker-1', 'ticket.get', { ticketId });
  if (!view.claimCode) throw new Error('no claim code for the worker');
  return { id: ticketId, code: view.claimCode };
}

describe('report.claim', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the worker who filed it sees the code; the resident claims it, follows it, hears it and rates it', async () => {
    const { id, code } = await proxyReport();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    // Nobody else is shown the code.
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).claimCode).toBeUndefined();
    const claimed = await app.ok('wang-daye', 'report.claim', { code: code.toLowerCase() });
    expect(claimed).toMatchObject({ id, relation: 'claimant', source: 'proxy', affectedCount: 1 });
    expect(claimed.timeline?.at(-1)).toMatchObject({ kind: 'claim', actorRole: 'resident' });
    expect(ids(await app.ok('wang-daye', 'report.mine', {}))).toContain(id);
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).claimCode).toBeUndefined();

    await bringTo(app, { id, resident: 'worker-1' }, 'resolved');
    expect(told(await messagesOf(app, id))).toEqual(expect.arrayContaining(['ticketAccepted→wang-daye', 'ticketResolved→wang-daye']));
    await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'report.rate', { ticketId: id, rating: 'satisfied' }));
    expect((await app.ok('wang-daye', 'report.rate', { ticketId: id, rating: 'basic' })).status).toBe('closed');
  });

  test('unclaimed, a 代报 tells no resident anything and stays unrated', async () => {
    const { id } = await proxyReport();
    await bringTo(app, { id, resident: 'worker-1' }, 'resolved');
    expect(told(await messagesOf(app, id)).filter((m) => m.startsWith('ticket'))).toEqual([]);
  });

  test('a code works once; staff cannot claim; an unknown code is NOT_FOUND; wrong guesses run out', async () => {
    const { code } = await proxyReport();
    await expectRefused(app, 'FORBIDDEN', () => app.call('worker-2', 'report.claim', { code }));
    await app.ok('first-claimant', 'report.claim', { code });
    expect(await app.call('second-claimant', 'report.claim', { code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Each wrong guess is counted (that is the point), so these are refusals that do record.
    for (let i = 0; i < 10; i += 1)
      expect(await app.call('guesser', 'report.claim', { code: `ZZZZ${String(2222 + i)}` })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    expect(await app.call('guesser', 'report.claim', { code })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  test('a resident’s own report or a patrol find has no code', async () => {
    const mine = await app.ok('resident-own', 'report.submit', reportParams());
    expect((await app.ok('resident-own', 'ticket.get', { ticketId: mine.ticketId })).claimCode).toBeUndefined();
    const patrol = await app.ok('worker-1', 'report.submit', reportParams({ patrol: true }));
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: patrol.ticketId })).claimCode).toBeUndefined();
  });

  test.each([
    ['no code', {}],
    ['too short', { code: 'AB1' }],
    ['symbols', { code: 'ABCD-123' }],
    ['an operator', { code: { $regex: '.*' } }],
  ])('%s → INVALID_INPUT, nothing changed', async (_what, params) => {
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('someone', { action: 'report.claim', params }));
  });
});
