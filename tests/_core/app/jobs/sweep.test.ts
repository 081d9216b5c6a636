// Clock-driven SLA scenarios: deadlines across National Day, a 调休 Saturday and an urgent
// repair at night; overdue escalation through every level; the sweep run twice and at once.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { sweep as sweepJob } from '../../../../cloudfunctions/_core/app/jobs/sweep';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { freshResidents, rows } from '../../../support/flows';

const app = useTestApp();
beforeEach(async () => {
  await app.reset();
  await seedCommunity(app);
});

const sweep = () => handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps);
const nextResident = freshResidents('sweep-resident');
const submit = (overrides: Partial<Api.ReportSubmitParams> = {}) => app.ok(nextResident(), 'report.submit', reportParams(overrides));

describe('deadlines on the calendar', () => {
  test('a report on the eve of National Day is due after the holiday, and escalates the night after', async () => {
    app.setNow('2026-09-30T20:00:00+08:00');
    const { ticketId, acceptBy } = await submit();
    expect(acceptBy).toBe('2026-10-08T15:59:59.999Z'); // 10月8日 24:00

    app.setNow('2026-10-08T23:00:00+08:00');
    expect(await sweep()).toEqual({ ok: true, data: { job: 'sweep', processed: 0 } });

    app.setNow('2026-10-09T00:30:00+08:00');
    expect(await sweep()).toEqual({ ok: true, data: { job: 'sweep', processed: 1 } });
    const view = await app.ok('community-1', 'ticket.get', { ticketId });
    expect(view).toMatchObject({ level: 'community', status: 'submitted', overdue: true });
    // the community gets a fresh day: 10/10 is a 调休 Saturday, a working day
    expect(view.acceptBy).toBe('2026-10-10T15:59:59.999Z');
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'overdue', actorRole: 'system', actorLabel: '系统', level: 'community' });
    expect(await rows(app, 'supervisions')).toHaveLength(1);
    const outbox = await rows(app, 'outbox');
    expect(outbox.filter((m) => m.template === 'staffEscalated').map((m) => m.touser)).toEqual(['community-1']);
  });

  test('a report on a 调休 Saturday counts from that working day', async () => {
    app.setNow('2026-10-10T10:00:00+08:00');
    const { acceptBy } = await submit();
    expect(acceptBy).toBe('2026-10-12T15:59:59.999Z'); // Monday 24:00
  });

  test('an urgent repair at 23:50 must be accepted by 00:20, and escalates at 00:21', async () => {
    app.setNow('2026-11-27T23:50:00+08:00');
    const { ticketId, acceptBy } = await submit({ category: 'urgent-repair' });
    expect(acceptBy).toBe('2026-11-27T16:20:00.000Z');
    app.setNow('2026-11-28T00:21:00+08:00');
    await sweep();
    const view = await app.ok('community-1', 'ticket.get', { ticketId });
    expect(view.level).toBe('community');
    expect(view.acceptBy).toBe('2026-11-27T16:51:00.000Z'); // another 30 minutes, plain time
    // accepted at 00:30, it must be resolved within 24 plain hours, Saturday or not
    app.setNow('2026-11-28T00:30:00+08:00');
    const accepted = await app.ok('community-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    expect(accepted.resolveBy).toBe('2026-11-28T16:30:00.000Z');
  });
});

describe('overdue escalation', () => {
  test('climbs grid → community → street → district, then is supervised in place once', async () => {
    app.setNow('2026-11-23T09:00:00+08:00'); // Monday
    const { ticketId } = await submit();
    const levels: string[] = [];
    // each deadline is the end of the next working day after the previous escalation
    const stamps = ['2026-11-25T00:01:00+08:00', '2026-11-27T00:01:00+08:00', '2026-12-01T00:01:00+08:00', '2026-12-03T00:01:00+08:00'];
    for (const at of stamps) {
      app.setNow(at);
      await sweep();
      levels.push((await app.ok(ADMIN, 'ticket.get', { ticketId })).level);
    }
    expect(levels).toEqual(['community', 'street', 'district', 'district']);
    const view = await app.ok('district-1', 'ticket.get', { ticketId });
    expect(view.timeline?.filter((e) => e.kind === 'overdue')).toHaveLength(4);
    expect(await rows(app, 'supervisions')).toHaveLength(4);
    // nothing new to handle: later sweeps do nothing
    app.setNow('2026-12-05T12:00:00+08:00');
    expect(await sweep()).toMatchObject({ data: { processed: 0 } });
    expect(await rows(app, 'supervisions')).toHaveLength(4);
    // staff at each level were told as it reached them; at the top the 督办 reminds the district again
    const told = (await rows(app, 'outbox')).filter((m) => m.template === 'staffEscalated').map((m) => m.touser);
    expect(told).toEqual(['community-1', 'street-1', 'district-1', 'district-1']);
  });

  test('an accepted ticket past its resolution deadline escalates with its step kept', async () => {
    app.setNow('2026-11-23T09:00:00+08:00');
    const { ticketId } = await submit();
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    app.setNow('2026-11-27T00:01:00+08:00'); // resolveBy was Thursday 24:00
    await sweep();
    const view = await app.ok('community-1', 'ticket.get', { ticketId });
    expect(view).toMatchObject({ status: 'accepted', level: 'community', overdue: true, resolveBy: '2026-12-02T15:59:59.999Z' });
    expect(view.allowedActions).toContain('resolve');
    expect((await app.call('worker-1', 'ticket.resolve', { ticketId, result: '已处理' })).ok).toBe(false);
  });

  test('run twice, and twice at once: one escalation, one 督办, one notification each', async () => {
    app.setNow('2026-11-23T09:00:00+08:00');
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push((await submit()).ticketId);
    app.setNow('2026-11-25T00:01:00+08:00');
    const [a, b] = await Promise.all([sweep(), sweep()]);
    const c = await sweep();
    const processed = [a, b, c].map((r) => (r.ok ? r.data.processed : -1));
    expect(processed.reduce((x, y) => x + y, 0)).toBe(6);
    expect(c).toMatchObject({ data: { processed: 0 } });
    expect(await rows(app, 'supervisions')).toHaveLength(6);
    const escalatedMessages = (await rows(app, 'outbox')).filter((m) => m.template === 'staffEscalated');
    expect(escalatedMessages).toHaveLength(6);
    for (const id of ids) {
      const view = await app.ok('community-1', 'ticket.get', { ticketId: id });
      expect(view.timeline?.filter((e) => e.kind === 'overdue')).toHaveLength(1);
    }
  });

  test('pages through hundreds of overdue tickets', async () => {
    app.setNow('2026-11-23T09:00:00+08:00');
    const n = 450;
    for (let i = 0; i < n; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => app.ok(`bulk-${i + j}`, 'report.submit', reportParams())));
    }
    app.setNow('2026-11-25T00:01:00+08:00');
    expect(await sweep()).toEqual({ ok: true, data: { job: 'sweep', processed: n } });
    expect(await sweep()).toEqual({ ok: true, data: { job: 'sweep', processed: 0 } });
    const page = await app.ok('community-1', 'queue.list', { overdue: true });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((t) => t.overdue && t.level === 'community')).toBe(true);
  }, 60_000);
});

describe('auto-close', () => {
  test('an unrated resolution closes after 7 days, once, and counts as unrated', async () => {
    app.setNow('2026-11-23T09:00:00+08:00');
    const { ticketId } = await submit();
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.resolve', { ticketId, result: '已处理' });
    const autoClose = () => handleJobs({ Type: 'Timer', TriggerName: 'autoClose' }, { openid: null }, app.server.deps);
    app.setNow('2026-11-30T08:59:00+08:00');
    expect(await autoClose()).toMatchObject({ data: { processed: 0 } });
    app.setNow('2026-11-30T09:01:00+08:00');
    const [first, second] = await Promise.all([autoClose(), autoClose()]);
    expect((first.ok ? first.data.processed : 0) + (second.ok ? second.data.processed : 0)).toBe(1);
    const view = await app.ok('worker-1', 'ticket.get', { ticketId });
    expect(view).toMatchObject({ status: 'closed', rating: null });
    await app.job('figures');
    const stats = await app.ok('community-1', 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
    expect(stats).toMatchObject({ received: 1, closed: 1, closureRate: 1, satisfactionRate: null });
  });
});

test('the jobs function refuses a user and unknown jobs', async () => {
  expect(await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: 'someone' }, app.server.deps)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await handleJobs({ Type: 'Timer', TriggerName: 'dropTables' }, { openid: null }, app.server.deps)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

describe('bounded runs', () => {
  test('a burst bigger than a run: each run ends within its budget, the next picks up, nothing is handled twice', async () => {
    app.setNow('2026-11-23T09:00:00+08:00');
    const n = 130;
    const ids: string[] = [];
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => submit()));
      ids.push(...batch.map((b) => b.ticketId));
    }
    app.setNow('2026-11-25T00:01:00+08:00');
    // A clock that moves 400 ms each time the job looks at it (three looks a page): the budget
    // of 2,400 ms holds two pages of 50 and not a third (pool.test.ts pins the rule itself).
    let t = 0;
    const clock = () => (t += 400);
    const runs: number[] = [];
    for (let run = 0; run < 4; run++) runs.push(await sweepJob(app.server.deps, { budgetMs: 2_400, page: 50, clock }));
    expect(runs).toEqual([100, 30, 0, 0]);
    expect(await rows(app, 'supervisions')).toHaveLength(n);
    const tickets = await rows(app, 'tickets');
    for (const id of ids) {
      const ticket = tickets.find((row) => row._id === id) as { timeline: Array<{ kind: string }>; level: string } | undefined;
      expect(ticket?.timeline.filter((e) => e.kind === 'overdue')).toHaveLength(1);
      expect(ticket?.level).toBe('community');
    }
  }, 60_000);
});
