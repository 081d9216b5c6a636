// stats.summary reads the rollups the figures job keeps from the tickets' own facts; these tests
// check the figures against hand-computed values, against a recount from the tickets after
// random moves across days, and that they lag the tickets only until the job has run.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, displayNameOf, seedCommunity, useTestApp } from '../../../support/app';
import { fileReport, freshResidents } from '../../../support/flows';

const app = useTestApp();
beforeEach(async () => {
  await app.reset();
  await seedCommunity(app);
});

const nextResident = freshResidents('stats-resident');
const submit = async (overrides: Partial<Api.ReportSubmitParams> = {}) => (await fileReport(app, nextResident(), overrides)).id;
const ownerOf = new Map<string, string>();

test('figures for a small, known set of tickets', async () => {
  app.setNow('2026-11-23T09:00:00+08:00');
  // A: accepted 30 min later, resolved 2 h after that, rated 满意
  const a = await submit();
  // B: accepted 60 min later, resolved late (after its deadline), rated 不满意
  const b = await submit({ category: 'facilities' });
  // C: rejected
  const c = await submit();
  // D: still waiting (and will be overdue)
  await submit({ location: { latitude: 36.8134, longitude: 118.0463 } }); // grid 03
  app.setNow('2026-11-23T09:30:00+08:00');
  await app.ok('worker-1', 'ticket.accept', { ticketId: a, complexity: 'normal' });
  app.setNow('2026-11-23T10:00:00+08:00');
  await app.ok('worker-1', 'ticket.accept', { ticketId: b, complexity: 'normal' });
  await app.ok('worker-1', 'ticket.reject', { ticketId: c, reason: '不属于受理范围' });
  app.setNow('2026-11-23T11:30:00+08:00');
  await app.ok('worker-1', 'ticket.resolve', { ticketId: a, result: '已处理' });
  app.setNow('2026-11-27T10:00:00+08:00'); // after B's Thursday 24:00 deadline
  await app.ok('community-1', 'ticket.resolve', { ticketId: b, result: '已处理' });
  await app.ok('stats-resident-1', 'report.rate', { ticketId: a, rating: 'satisfied' });
  await app.ok('stats-resident-2', 'report.rate', { ticketId: b, rating: 'unsatisfied' });
  // the waiting one goes overdue
  await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps);
  await app.job('figures');

  const stats = await app.ok('community-1', 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
  expect(stats).toMatchObject({
    received: 4,
    accepted: 2,
    resolved: 0,
    closed: 2,
    rejected: 1,
    closureRate: 1,
    onTimeRate: 0.5,
    satisfactionRate: 0.5,
    medianAcceptMinutes: 45,
    openOverdue: 1,
    // A was resolved the day it arrived; B four days later (of 4 received, none withdrawn).
    sameDayRate: 0.25,
    // D went overdue and rose to the community.
    escalated: 1,
    // Both resolutions happened at grid level (the community admin acting for the grid).
    gridResolvedRate: 1,
  });
  expect(stats.bySource.map((x) => [x.source, x.received])).toEqual([['resident', 4]]);
  // By the staff member who handled it (resolved it, else accepted it): worker-1 resolved A,
  // community-1 resolved B; C was rejected unaccepted and D waits. Display names, never openids.
  expect(JSON.stringify(stats)).not.toMatch(/worker-1|community-1/);
  expect(stats.byStaff.map((x) => [x.name, x.role, x.received, x.closed])).toHaveLength(2);
  expect(stats.byStaff.map((x) => [x.name, x.role, x.received, x.closed])).toEqual(
    expect.arrayContaining([
      [displayNameOf('worker-1'), 'gridWorker', 1, 1],
      [displayNameOf('community-1'), 'communityAdmin', 1, 1],
    ]),
  );
  expect(stats.medianResolveMinutes).toBe((120 + (4 * 24 * 60 - 0)) / 2);
  expect(stats.byCategory.map((c) => [c.category, c.received])).toEqual([
    ['sanitation', 3],
    ['facilities', 1],
  ]);
  expect(stats.byGrid.map((g) => [g.gridCode, g.received, g.rankable])).toEqual([
    ['ZD-CZ-HG-01', 3, false],
    ['ZD-CZ-HG-03', 1, false],
  ]);
  expect(stats.byDay.map((d) => d.day)).toEqual(['2026-11-23']);
  // a grid worker sees their own grids; another period is empty
  const mine = await app.ok('worker-2', 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
  expect(mine.received).toBe(1);
  const empty = await app.ok('community-1', 'stats.summary', { from: '2026-12-01', to: '2026-12-31' });
  expect(empty).toMatchObject({ received: 0, closureRate: null, onTimeRate: null, satisfactionRate: null, medianAcceptMinutes: null });
});

test('rollups always equal a recount from the tickets, after a random life of many tickets', async () => {
  let seed = 20261123;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  app.setNow('2026-11-23T09:00:00+08:00');
  const ids: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const { id, resident } = await fileReport(app, nextResident(), { category: random() < 0.5 ? 'sanitation' : 'dispute' });
    ownerOf.set(id, resident);
    ids.push(id);
  }
  const moves: Array<(id: string) => Promise<unknown>> = [
    (id) => app.call('community-1', 'ticket.accept', { ticketId: id, complexity: random() < 0.5 ? 'normal' : 'complex' }),
    (id) => app.call('community-1', 'ticket.resolve', { ticketId: id, result: '已处理' }),
    (id) => app.call(ownerOf.get(id) ?? '', 'report.rate', { ticketId: id, rating: random() < 0.6 ? 'satisfied' : 'unsatisfied' }),
    (id) => app.call(ownerOf.get(id) ?? '', 'report.reopen', { ticketId: id, reason: '没有修好' }),
    (id) => app.call('community-1', 'ticket.reject', { ticketId: id, reason: '重复' }),
    (id) =>
      app.call('community-1', 'ticket.transfer', {
        ticketId: id,
        toGridCode: random() < 0.5 ? 'ZD-CZ-HG-05' : 'ZD-CZ-HG-02',
        reason: '属地',
      }),
    (id) => app.call('community-1', 'ticket.escalate', { ticketId: id, reason: '需要街道协调' }),
  ];
  for (let step = 0; step < 200; step += 1) {
    app.setNow(new Date(Date.parse('2026-11-23T01:00:00Z') + step * 20 * 60 * 1000));
    const id = ids[Math.floor(random() * ids.length)] ?? '';
    const move = moves[Math.floor(random() * moves.length)];
    if (move) await move(id);
    // The job runs now and then, in the middle of the moves, as its timer would.
    if (step % 37 === 0) await app.job('figures');
  }
  await app.job('figures');
  const snapshot = (await app.snapshot()) as Record<string, Array<Record<string, unknown>>>;
  const tickets = snapshot.tickets ?? [];
  const accepted = tickets.filter((t) => t.acceptedAt !== null).length;
  const resolved = tickets.filter((t) => t.status === 'resolved').length;
  const closed = tickets.filter((t) => t.status === 'closed').length;
  const rejected = tickets.filter((t) => t.status === 'rejected').length;
  const rated = tickets.filter((t) => t.status === 'closed' && t.rating !== null);
  const satisfied = rated.filter((t) => t.rating === 'satisfied' || t.rating === 'basic').length;
  const stats = await app.ok(ADMIN, 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
  expect(stats).toMatchObject({ received: 30, accepted, resolved, closed, rejected });
  expect(stats.satisfactionRate).toBe(rated.length ? satisfied / rated.length : null);
  expect(stats.closureRate).toBe(accepted ? (resolved + closed) / accepted : null);
  const byCategory = Object.fromEntries(stats.byCategory.map((c) => [c.category, c.received]));
  expect(byCategory).toEqual({
    ...(tickets.some((t) => t.category === 'sanitation') ? { sanitation: tickets.filter((t) => t.category === 'sanitation').length } : {}),
    ...(tickets.some((t) => t.category === 'dispute') ? { dispute: tickets.filter((t) => t.category === 'dispute').length } : {}),
  });
  const byGrid = Object.fromEntries(stats.byGrid.map((g) => [g.gridCode, g.received]));
  const recount: Record<string, number> = {};
  for (const t of tickets) if (typeof t.gridCode === 'string') recount[t.gridCode] = (recount[t.gridCode] ?? 0) + 1;
  expect(byGrid).toEqual(recount);
}, 60_000);

test('figures lag the tickets until the figures job runs, then match them; a second run changes nothing', async () => {
  app.setNow('2026-11-24T09:00:00+08:00');
  const first = await submit();
  await app.job('figures');
  const range = { from: '2026-11-24', to: '2026-11-24' };
  expect((await app.ok('community-1', 'stats.summary', range)).received).toBe(1);
  await submit();
  await app.ok('worker-1', 'ticket.accept', { ticketId: first, complexity: 'normal' });
  // Not counted yet: the figures may lag by one run.
  expect(await app.ok('community-1', 'stats.summary', range)).toMatchObject({ received: 1, accepted: 0 });
  expect(await app.job('figures')).toBe(2);
  expect(await app.ok('community-1', 'stats.summary', range)).toMatchObject({ received: 2, accepted: 1 });
  expect(await app.job('figures')).toBe(0);
});

test('one figures run at a time: a second run while the first holds the lease counts nothing', async () => {
  app.setNow('2026-11-24T09:00:00+08:00');
  for (let i = 0; i < 5; i += 1) await submit();
  const [a, b] = await Promise.all([app.job('figures'), app.job('figures')]);
  expect([a, b].sort()).toEqual([0, 5]);
  expect((await app.ok('community-1', 'stats.summary', { from: '2026-11-24', to: '2026-11-24' })).received).toBe(5);
});

test('over days and a holiday: each ticket counts on the Shanghai day it arrived; the sum of days is the period', async () => {
  // 2026-10-01 (National Day holiday) 23:30 Shanghai is still October 1st there, 15:30 UTC.
  const arrivals = [
    '2026-09-30T10:00:00+08:00',
    '2026-10-01T23:30:00+08:00',
    '2026-10-02T00:10:00+08:00',
    '2026-10-08T08:00:00+08:00',
    '2026-10-08T09:00:00+08:00',
  ];
  for (const at of arrivals) {
    app.setNow(at);
    await submit();
  }
  app.setNow('2026-10-09T10:00:00+08:00');
  await app.job('figures');
  const period = await app.ok('district-1', 'stats.summary', { from: '2026-09-30', to: '2026-10-08' });
  expect(period.byDay.map((d) => [d.day, d.received])).toEqual([
    ['2026-09-30', 1],
    ['2026-10-01', 1],
    ['2026-10-02', 1],
    ['2026-10-08', 2],
  ]);
  expect(period.received).toBe(5);
  expect((await app.ok('district-1', 'stats.summary', { from: '2026-10-01', to: '2026-10-01' })).received).toBe(1);
  expect((await app.ok('street-1', 'stats.summary', { from: '2026-10-02', to: '2026-10-08' })).received).toBe(3);
});

test('scope rules: inside your own area only; residents none; bad dates refused', async () => {
  expect(
    await app.call('worker-1', 'stats.summary', { scope: { community: '华光社区' }, from: '2026-11-01', to: '2026-11-30' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect((await app.call('street-1', 'stats.summary', { scope: { community: '华光社区' }, from: '2026-11-01', to: '2026-11-30' })).ok).toBe(
    true,
  );
  expect(
    (await app.call('community-1', 'stats.summary', { scope: { grids: ['ZD-CZ-HG-01'] }, from: '2026-11-01', to: '2026-11-30' })).ok,
  ).toBe(true);
  expect(await app.call('resident', 'stats.summary', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  for (const bad of [
    { from: '2026-13-01', to: '2026-11-30' },
    { from: '2026-11-30', to: '2026-11-01' },
    { from: { $gt: '' }, to: '2026-11-30' },
    { from: '2020-01-01', to: '2026-11-30' },
  ]) {
    expect(await app.raw('community-1', { action: 'stats.summary', params: bad })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  }
});

test('grids are named from the routing index: a summary reads no grid document', async () => {
  app.setNow('2026-11-24T09:00:00+08:00');
  await submit();
  await submit({ location: { latitude: 36.8134, longitude: 118.0463 } }); // grid 03
  await app.job('figures');
  let gridReads = 0;
  const stop = app.server.cloud.onRequest((r) => {
    if (r.body.collectionName === 'grids' && r.action === 'database.getDocument') gridReads += 1;
  });
  const stats = await app.ok('community-1', 'stats.summary', { from: '2026-11-24', to: '2026-11-24' });
  stop();
  const named = await Promise.all(stats.byGrid.map(async (g) => [g.gridCode, g.name, (await app.server.deps.grids.get(g.gridCode))?.name]));
  expect(named.map(([code]) => code)).toEqual(['ZD-CZ-HG-01', 'ZD-CZ-HG-03']);
  for (const [, name, stored] of named) expect(name).toBe(stored);
  expect(gridReads).toBe(0);
});

test('staff are named as the timeline recorded them (their display names, their role when none): a summary reads no staff but the caller', async () => {
  app.setNow('2026-11-25T09:00:00+08:00');
  const a = await submit();
  const b = await submit({ location: { latitude: 36.8134, longitude: 118.0463 } }); // grid 03
  app.setNow('2026-11-25T09:30:00+08:00');
  await app.ok('worker-1', 'ticket.accept', { ticketId: a, complexity: 'normal' });
  await app.ok('worker-2', 'ticket.accept', { ticketId: b, complexity: 'normal' });
  await app.job('figures');
  let staffReads = 0;
  const stop = app.server.cloud.onRequest((r) => {
    if (r.body.collectionName === 'staff' && r.action === 'database.getDocument') staffReads += 1;
  });
  const stats = await app.ok('community-1', 'stats.summary', { from: '2026-11-25', to: '2026-11-25' });
  stop();
  expect(stats.byStaff.map((s) => [s.name, s.role, s.received]).sort()).toEqual(
    [
      [displayNameOf('worker-1'), 'gridWorker', 1],
      [displayNameOf('worker-2'), 'gridWorker', 1],
    ].sort(),
  );
  // The caller's own staff record only: the figures carry the handlers' names.
  expect(staffReads).toBeLessThanOrEqual(1);
});

test('across month boundaries: whole months read from month rollups, edge days from days; every period equals the sum of its days', async () => {
  const days = ['2026-09-30', '2026-10-01', '2026-10-15', '2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01', '2026-12-02'];
  const ids: string[] = [];
  // Late in the Shanghai evening: the day (and month) a ticket counts in is Shanghai's, not UTC's.
  for (const d of days) {
    app.setNow(`${d}T23:30:00+08:00`);
    ids.push(await submit());
  }
  // Moves in a later month: a ticket stays in the month it arrived.
  app.setNow('2026-12-02T23:40:00+08:00');
  await app.ok('worker-1', 'ticket.accept', { ticketId: ids[0] ?? '', complexity: 'normal' });
  await app.job('figures');
  // A later run rewrites one October day: October's month rollup is recomputed from its days.
  app.setNow('2026-12-03T09:00:00+08:00');
  await app.ok('worker-1', 'ticket.resolve', { ticketId: ids[0] ?? '', result: '已处理' });
  await app.ok('worker-1', 'ticket.accept', { ticketId: ids[2] ?? '', complexity: 'normal' });
  await app.job('figures');

  const one = new Map<string, Api.StatsSummary>();
  for (const d of days) one.set(d, await app.ok('district-1', 'stats.summary', { from: d, to: d }));
  expect([...one.values()].map((s) => [s.received, s.accepted, s.resolved])).toEqual([
    [1, 1, 1],
    [1, 0, 0],
    [1, 1, 0],
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
  ]);
  const periods: Array<[string, string]> = [
    ['2026-09-30', '2026-12-02'], // edge day, two whole months, edge days
    ['2026-10-01', '2026-11-30'], // whole months only
    ['2026-10-02', '2026-11-30'], // a partial month, then a whole one
    ['2026-10-01', '2026-11-29'], // a whole month, then a partial one
    ['2026-10-15', '2026-10-31'], // inside one month
    ['2026-10-31', '2026-11-01'], // two edge days across a boundary
  ];
  for (const [from, to] of periods) {
    const inside = days.filter((d) => d >= from && d <= to);
    const sum = (key: 'received' | 'accepted' | 'resolved'): number => inside.reduce((n, d) => n + (one.get(d)?.[key] ?? 0), 0);
    const stats = await app.ok('district-1', 'stats.summary', { from, to });
    expect([from, to, stats.received, stats.accepted, stats.resolved]).toEqual([
      from,
      to,
      sum('received'),
      sum('accepted'),
      sum('resolved'),
    ]);
    expect(stats.byDay.map((d) => [d.day, d.received, d.accepted])).toEqual(inside.map((d) => [d, 1, one.get(d)?.accepted]));
    expect(stats.byStaff.map((s) => [s.name, s.received])).toEqual(
      sum('accepted') > 0 ? [[displayNameOf('worker-1'), sum('accepted')]] : [],
    );
  }

  // Two whole months: two month rollups read, no day rollup.
  const read: string[] = [];
  const stop = app.server.cloud.onRequest((r) => {
    const list = (r.response.data as { list?: unknown[] } | undefined)?.list;
    if (r.action === 'database.getDocument' && r.body.collectionName === 'rollups' && Array.isArray(list)) {
      for (const d of list) read.push(String((typeof d === 'string' ? (JSON.parse(d) as { _id: string }) : (d as { _id: string }))._id));
    }
  });
  await app.ok('district-1', 'stats.summary', { from: '2026-10-01', to: '2026-11-30' });
  stop();
  expect(read.sort()).toEqual(['month|district|张店区|2026-10|000', 'month|district|张店区|2026-11|000']);
}, 60_000);
