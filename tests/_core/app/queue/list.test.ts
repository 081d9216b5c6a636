import { reportParams, seedCommunity, useTestApp } from '../../../support/app';

const app = useTestApp(seedCommunity);

const GRID_3 = { latitude: 36.8134, longitude: 118.0463 };

describe('queue.list', () => {
  test('a grid worker sees the open tickets of their grids, soonest deadline first', async () => {
    app.setNow('2026-11-24T02:00:00.000Z');
    const normal = (await app.ok('r1', 'report.submit', reportParams())).ticketId;
    app.setNow('2026-11-24T03:00:00.000Z');
    const urgent = (await app.ok('r1', 'report.submit', reportParams({ category: 'urgent-repair' }))).ticketId;
    const elsewhere = (await app.ok('r1', 'report.submit', reportParams({ location: GRID_3 }))).ticketId;
    const page = await app.ok('worker-1', 'queue.list', {});
    const ids = page.items.map((t) => t.id);
    expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(normal));
    expect(ids).not.toContain(elsewhere);
    expect((await app.ok('worker-2', 'queue.list', {})).items.map((t) => t.id)).toContain(elsewhere);
    // the community admin works every grid of the community
    const community = (await app.ok('community-1', 'queue.list', {})).items.map((t) => t.id);
    expect(community).toEqual(expect.arrayContaining([normal, urgent, elsewhere]));
    // street staff are not responsible for grid-level tickets
    expect((await app.ok('street-1', 'queue.list', {})).items).toEqual([]);
  });

  test('pages by cursor through a long queue in deadline order', async () => {
    await app.reset();
    await seedCommunity(app);
    for (let i = 0; i < 25; i += 1) {
      app.setNow(new Date(Date.UTC(2026, 10, 24, 1, i)));
      await app.ok(`r2-${i}`, 'report.submit', reportParams({ category: i % 5 === 0 ? 'urgent-repair' : 'sanitation' }));
    }
    const first = await app.ok('worker-1', 'queue.list', {});
    expect(first.items).toHaveLength(20);
    const second = await app.ok('worker-1', 'queue.list', { cursor: first.nextCursor ?? '' });
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((t) => t.id)).size).toBe(25);
    const deadlines = all.map((t) => t.acceptBy ?? '');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  test('status filter shows every ticket of that status in the area; overdue filter', async () => {
    app.setNow('2026-11-24T02:00:00.000Z');
    const { ticketId } = await app.ok('r3', 'report.submit', reportParams());
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.resolve', { ticketId, result: '已处理' });
    const resolved = await app.ok('worker-1', 'queue.list', { status: 'resolved' });
    expect(resolved.items.map((t) => t.id)).toContain(ticketId);
    expect((await app.ok('worker-2', 'queue.list', { status: 'resolved' })).items.map((t) => t.id)).not.toContain(ticketId);
    expect((await app.ok('worker-1', 'queue.list', { overdue: true })).items).toEqual([]);
  });

  test('duty: with a status, only what the caller must act on now (the workbench tabs)', async () => {
    // A fresh store: earlier tests filled the first page of these lists.
    await app.reset();
    await seedCommunity(app);
    app.setNow('2026-11-24T02:00:00.000Z');
    const { ticketId } = await app.ok('r4', 'report.submit', reportParams());
    await app.ok('worker-1', 'ticket.escalate', { ticketId, reason: '需要社区协调' });
    // The worker still sees it in their area, but it is the community's to accept now.
    expect((await app.ok('worker-1', 'queue.list', { status: 'submitted' })).items.map((t) => t.id)).toContain(ticketId);
    expect((await app.ok('worker-1', 'queue.list', { status: 'submitted', duty: true })).items.map((t) => t.id)).not.toContain(ticketId);
    expect((await app.ok('community-1', 'queue.list', { status: 'submitted', duty: true })).items.map((t) => t.id)).toContain(ticketId);
    // The street sees every submitted ticket of its street, and holds none of them.
    expect((await app.ok('street-1', 'queue.list', { status: 'submitted' })).items.map((t) => t.id)).toContain(ticketId);
    expect((await app.ok('street-1', 'queue.list', { status: 'submitted', duty: true })).items).toEqual([]);
  });

  test('residents have no queue', async () => {
    expect(await app.call('r1', 'queue.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test.each([
    ['status operator', { status: { $in: ['submitted'] } }],
    ['overdue as string', { overdue: 'yes' }],
    ['duty as string', { duty: 'true' }],
    ['unknown field', { grid: 'ZD-CZ-HG-03' }],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    expect(await app.raw('worker-1', { action: 'queue.list', params })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
