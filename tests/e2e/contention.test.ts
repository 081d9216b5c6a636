// Contention through the local server, under TCB's transaction rules (a write to a document
// another transaction holds fails at once; nothing queues): the product retries what is only
// contention and answers CONFLICT only to a move that really lost. Nowhere INTERNAL.
// Twice: the functions and the local cloud in this thread, and as npm start runs them — the cloud
// and four function instances in threads of their own, each instance with its own caches.
import type { CloudAdmin } from '../../cloudfunctions/_local/cloud';
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { buildThreadBundles, startThreadedServer, type ThreadBundles } from '../support/thread-bundles';
import { demoGeoJson, demoPointIn } from '../../cloudfunctions/_local/demo/grids';

let server: LocalServer<CloudAdmin>;
const ADMIN = 'local-admin';
const GRID = 'ZD-CZ-HG-01';
const WORKERS = ['w-1', 'w-2', 'w-3', 'w-4', 'w-5'];

async function api<A extends Api.ActionName>(openid: string | null, action: A, params: Api.Params<A>): Promise<Api.Response<A>> {
  const res = await fetch(`${server.url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify({ action, params }),
  });
  return (await res.json()) as Api.Response<A>;
}

async function ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> {
  const answer = await api(openid, action, params);
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

async function job(name: Api.JobName): Promise<Api.JobResponse> {
  const res = await fetch(`${server.url}/functions/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Type: 'Timer', TriggerName: name }),
  });
  return (await res.json()) as Api.JobResponse;
}

const setNow = (now: string) =>
  fetch(`${server.url}/__clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });

const codes = (answers: ReadonlyArray<Api.Envelope<unknown>>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = a.ok ? 'OK' : a.error.code;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

let requestNo = 0;
const report = (overrides: Partial<Api.ReportSubmitParams> = {}): Api.ReportSubmitParams => ({
  category: 'sanitation',
  kind: 'complaint',
  description: '垃圾桶满了没人清运',
  photos: [],
  location: demoPointIn(1),
  clientRequestId: `contention-${(requestNo += 1)}-request`,
  ...overrides,
});

describe.each(['in this thread', 'in threads of their own'] as const)('functions and cloud %s', (mode) => {
  let bundles: ThreadBundles | null = null;
  beforeAll(async () => {
    if (mode === 'in this thread') {
      server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [ADMIN] });
    } else {
      bundles = await buildThreadBundles();
      server = await startThreadedServer(bundles, ADMIN, 4);
    }
    await setNow('2026-11-23T09:00:00+08:00');
    await ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
    for (const worker of [...WORKERS, 'community']) {
      const invite = await ok(
        ADMIN,
        'admin.invites.create',
        worker === 'community'
          ? { role: 'communityAdmin', scope: { community: '华光社区' } }
          : { role: 'gridWorker', scope: { grids: [GRID] } },
      );
      await ok(worker, 'staff.bind', { inviteCode: invite.code, displayName: `工作人员 ${worker}` });
    }
  }, 60_000);
  afterAll(async () => {
    await server.close();
    bundles?.remove();
  });

  test('50 parallel accepts of one ticket by five grid workers: exactly 1 OK and 49 CONFLICT', async () => {
    const { ticketId } = await ok('resident-accept', 'report.submit', report());
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api(WORKERS[i % WORKERS.length] ?? 'w-1', 'ticket.accept', { ticketId, complexity: 'normal' })),
    );
    expect(codes(answers)).toEqual({ OK: 1, CONFLICT: 49 });
    const view = await ok('community', 'ticket.get', { ticketId });
    expect(view.timeline?.filter((e) => e.kind === 'accept')).toHaveLength(1);
  }, 60_000);

  test('100 residents submitting at once into one grid and category: 100 tickets, 100 distinct numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => api(`crowd-${i}`, 'report.submit', report())));
    expect(codes(answers)).toEqual({ OK: 100 });
    const numbers = answers.map((a) => (a.ok ? a.data.no : ''));
    expect(new Set(numbers).size).toBe(100);
    expect(answers.every((a) => a.ok && a.data.gridCode === GRID)).toBe(true);
  }, 120_000);

  test('25 parallel submits by one resident: 10 OK and 15 RATE_LIMITED', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => api('eager-resident', 'report.submit', report())));
    expect(codes(answers)).toEqual({ OK: 10, RATE_LIMITED: 15 });
    expect((await ok('eager-resident', 'report.mine', {})).items).toHaveLength(10);
  }, 60_000);

  test('30 tickets accepted and then resolved at once, by the workers sharing the grid', async () => {
    const ids = (await Promise.all(Array.from({ length: 30 }, (_, i) => ok(`busy-${i}`, 'report.submit', report())))).map(
      (d) => d.ticketId,
    );
    const accepted = await Promise.all(
      ids.map((ticketId, i) => api(WORKERS[i % WORKERS.length] ?? 'w-1', 'ticket.accept', { ticketId, complexity: 'normal' })),
    );
    expect(codes(accepted)).toEqual({ OK: 30 });
    const resolved = await Promise.all(
      ids.map((ticketId, i) => api(WORKERS[(i + 1) % WORKERS.length] ?? 'w-1', 'ticket.resolve', { ticketId, result: '已清运' })),
    );
    expect(codes(resolved)).toEqual({ OK: 30 });
  }, 120_000);

  test('four sweeps at once: every job answers ok, each overdue ticket is escalated once; figures equal a recount', async () => {
    // Everything still waiting from the tests above (and 20 more) goes overdue by Wednesday.
    await Promise.all(Array.from({ length: 20 }, (_, i) => ok(`late-${i}`, 'report.submit', report())));
    await setNow('2026-11-25T10:00:00+08:00');
    const sweeps = await Promise.all([job('sweep'), job('sweep'), job('sweep'), job('sweep')]);
    for (const s of sweeps) expect(s).toMatchObject({ ok: true, data: { job: 'sweep' } });
    const escalated = sweeps.reduce((n, s) => n + (s.ok ? s.data.processed : 0), 0);

    const tickets = (await server.cloud.snapshot()).tickets ?? [];
    const overdueEntries = tickets.map((t) => (t.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'overdue').length);
    expect(overdueEntries.every((n) => n <= 1)).toBe(true);
    const waiting = tickets.filter((t) => t.status === 'submitted').length;
    expect(escalated).toBe(waiting);
    expect(overdueEntries.filter((n) => n === 1)).toHaveLength(waiting);
    expect((await job('sweep')).ok && (await job('sweep'))).toMatchObject({ ok: true, data: { processed: 0 } });

    // Figures, after the figures job, equal a recount of the tickets.
    const jobs = await Promise.all([job('figures'), job('figures')]);
    for (const j of jobs) expect(j.ok).toBe(true);
    await job('figures');
    const stats = await ok(ADMIN, 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
    const count = (pred: (t: Record<string, unknown>) => boolean): number => tickets.filter(pred).length;
    expect(stats).toMatchObject({
      received: tickets.length,
      accepted: count((t) => t.acceptedAt !== null),
      resolved: count((t) => t.status === 'resolved'),
      closed: count((t) => t.status === 'closed'),
      rejected: count((t) => t.status === 'rejected'),
      escalated: count((t) => (t.timeline as Array<{ kind: string }>).some((e) => e.kind === 'overdue' || e.kind === 'escalate')),
      openOverdue: count((t) => (t.status === 'submitted' || t.status === 'accepted') && t.overdue === true),
    });
  }, 120_000);
});
