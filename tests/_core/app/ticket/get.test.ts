import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';

let ticketId: string;
const app = useTestApp(async () => {
  await seedCommunity(app);
  app.setNow('2026-11-24T02:00:00.000Z');
  ({ ticketId } = await app.ok('resident-a', 'report.submit', reportParams({ contactPhone: '13912345678' })));
});

describe('ticket.get', () => {
  test('the reporter sees their ticket with its timeline and what they may do', async () => {
    const view = await app.ok('resident-a', 'ticket.get', { ticketId });
    expect(view).toMatchObject({
      id: ticketId,
      status: 'submitted',
      category: 'sanitation',
      categoryName: '环境卫生',
      gridCode: 'ZD-CZ-HG-01',
    });
    expect(view.timeline).toEqual([
      expect.objectContaining({ kind: 'submit', actorRole: 'resident', actorLabel: '居民', fromStatus: null, toStatus: 'submitted' }),
    ]);
    expect(view.allowedActions).toEqual(['withdraw']);
    expect(view.contactPhoneMasked).toBe('139****5678');
  });

  test('staff in scope see it with the phone masked and their next moves', async () => {
    for (const staff of ['worker-1', 'community-1', 'street-1', 'district-1', ADMIN]) {
      const view = await app.ok(staff, 'ticket.get', { ticketId });
      expect(view.contactPhoneMasked).toBe('139****5678');
      expect(JSON.stringify(view)).not.toContain('13912345678');
    }
    expect((await app.ok('worker-1', 'ticket.get', { ticketId })).allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);
    // street staff watch grid-level tickets and may supervise them, nothing more
    expect((await app.ok('street-1', 'ticket.get', { ticketId })).allowedActions).toEqual(['supervise']);
  });

  test('anyone else gets NOT_FOUND, the same as for a ticket that does not exist', async () => {
    for (const other of ['resident-b', 'worker-2', 'worker-3']) {
      expect(await app.call(other, 'ticket.get', { ticketId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await app.call('resident-a', 'ticket.get', { ticketId: 'does-not-exist' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('the deadline comes with its words, and says when it has passed', async () => {
    // Submitted Tuesday 10:00: to be accepted by Wednesday 24:00 (the last millisecond of that day).
    const due = { kind: 'accept', at: '2026-11-25T15:59:59.999Z', label: '11月25日 24:00 前受理' };
    expect((await app.ok('resident-a', 'ticket.get', { ticketId })).deadline).toEqual({ ...due, overdue: false });
    app.setNow('2026-11-25T15:59:59.999Z');
    expect((await app.ok('worker-1', 'ticket.get', { ticketId })).deadline).toEqual({ ...due, overdue: false });
    app.setNow('2026-11-25T16:00:00.000Z');
    expect((await app.ok('resident-a', 'ticket.get', { ticketId })).deadline).toEqual({ ...due, overdue: true });
    const mine = await app.ok('resident-a', 'report.mine', {});
    expect(mine.items.find((t) => t.id === ticketId)?.deadline).toEqual({ ...due, overdue: true });
    app.setNow('2026-11-24T02:00:00.000Z');
  });

  test('bad ids are refused as input errors', async () => {
    for (const bad of [{ $gt: '' }, '', 'a'.repeat(65), 12]) {
      expect(await app.raw('resident-a', { action: 'ticket.get', params: { ticketId: bad } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
