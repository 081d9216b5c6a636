// Suite 6, configuration as code: what protects the data outside the functions is kept as files
// and checked here — the database security rule of every collection (collections.ts: clients
// denied, all access through the functions), the storage rule (scripts/deploy/storage-rules.json:
// no client reads a photo, a client writes only its own files), the timer triggers of `jobs`
// (cloudfunctions/jobs/config.json) — and what the running stack does with them: no collection
// outside the list, `jobs` refused to every user, the embedded database refusing callers without
// its per-process token.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION, COLLECTIONS } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { database } from '../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { handleJobs, JOBS } from '../../cloudfunctions/_core/app/jobs/handle-jobs';
import { aclOf } from '../../scripts/deploy/diff';
import { readStorageRule } from '../../scripts/deploy/plan';
import { n, recordFigure } from './support/report';
import { freshResident, reportParams, seedWorld, STAFF, startWorld, SUPER, type World } from './support/world';

const ROOT = join(__dirname, '../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
let world: World;
let misses = 0;
let checks = 0;
const check = (ok: boolean): boolean => {
  checks += 1;
  if (!ok) misses += 1;
  return ok;
};

beforeAll(async () => {
  world = await startWorld();
  world.setNow('2026-11-24T02:00:00.000Z');
  await seedWorld(world);
  // Some traffic, so every collection the functions write has been written.
  const resident = freshResident('config');
  await world.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept' } });
  const { ticketId } = await world.ok(resident, 'report.submit', reportParams());
  await world.ok(STAFF.street.openid, 'ticket.supervise', { ticketId, note: '请尽快处理' });
  await world.ok(STAFF.grid.openid, 'ticket.accept', { ticketId, complexity: 'normal' });
  await world.job('deliver');
  await world.job('figures');
});
afterAll(async () => {
  recordFigure({
    section: 'config',
    figure: 'configuration checks (security rules, storage rule, triggers, jobs refusals, database token)',
    value: `${n(checks - misses)} of ${n(checks)}`,
    target: 'all',
    met: misses === 0 && checks > 0,
  });
  await world?.close();
});

test('every collection the code names has a closed security rule: clients neither read nor write, the functions do it all', () => {
  const names = Object.values(COLLECTION);
  const specs = new Map(COLLECTIONS.map((c) => [c.name, c]));
  for (const name of names) {
    const spec = specs.get(name);
    expect(check(spec !== undefined)).toBe(true);
    expect(check(spec?.rule.read === false && spec.rule.write === false)).toBe(true);
    // As deploy writes it to CloudBase: the simple 仅管理端可读写 permission.
    expect(check(spec !== undefined && aclOf(spec.rule).aclTag === 'ADMINONLY')).toBe(true);
  }
  expect(COLLECTIONS.map((c) => c.name).sort()).toEqual([...names].sort());
  recordFigure({
    section: 'config',
    figure: 'collections with a closed database security rule',
    value: `${COLLECTIONS.filter((c) => !c.rule.read && !c.rule.write).length} of ${names.length}`,
    target: 'all',
    met: COLLECTIONS.every((c) => !c.rule.read && !c.rule.write),
  });
});

test('the running stack uses no collection outside the list, and the database refuses one that is not there', async () => {
  const declared = new Set(COLLECTIONS.map((c) => c.name));
  const used = Object.entries(world.server.cloud.snapshot())
    .filter(([, docs]) => docs.length > 0)
    .map(([name]) => name);
  expect(check(used.every((name) => declared.has(name)))).toBe(true);
  expect(used).toEqual(expect.arrayContaining(['tickets', 'staff', 'grids', 'outbox', 'supervisions']));
  await expect(
    database()
      .collection('notDeclared')
      .add({ data: { x: 1 } }),
  ).rejects.toThrow();
  check(true);
  // No code names a collection by a literal: every name goes through COLLECTION (collections.ts).
  const literal = /\.collection\(\s*['"`]/;
  const files = readdirSync(join(ROOT, 'cloudfunctions/_core'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('cloudfunctions/_core', f));
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((f) => literal.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(check(offenders.length === 0) ? [] : offenders).toEqual([]);
});

test('the storage rule file: no client reads a file (photos go out as short-lived links), a client writes only its own', () => {
  const file = readJson('scripts/deploy/storage-rules.json') as Record<string, unknown>;
  expect(Object.keys(file).sort()).toEqual(['read', 'write']);
  expect(check(file.read === false)).toBe(true);
  expect(
    check(typeof file.write === 'string' && /resource\.openid\s*==\s*auth\.openid/.test(file.write) && !/\|\||true/.test(file.write)),
  ).toBe(true);
  // Deploy applies exactly this file.
  expect(readStorageRule(ROOT)).toEqual(file);
});

test('jobs: its timers are exactly its jobs, the api has none, and its entry takes the caller from the WeChat context', () => {
  const jobsConfig = readJson('cloudfunctions/jobs/config.json') as { triggers?: Array<{ name: string; type: string }> };
  const apiConfig = readJson('cloudfunctions/api/config.json') as { triggers?: unknown };
  expect(check(apiConfig.triggers === undefined)).toBe(true);
  expect((jobsConfig.triggers ?? []).every((t) => t.type === 'timer')).toBe(true);
  expect(check(JSON.stringify((jobsConfig.triggers ?? []).map((t) => t.name).sort()) === JSON.stringify(Object.keys(JOBS).sort()))).toBe(
    true,
  );
  const entry = readFileSync(join(ROOT, 'cloudfunctions/jobs/index.ts'), 'utf8');
  expect(check(/handleJobs\(event, \{ openid: openidFromContext\(\) \}/.test(entry))).toBe(true);
});

test('jobs refuses every user — resident, each kind of staff, the super admin — whatever it is asked, and changes nothing', async () => {
  const users = [freshResident('jobsCaller'), ...Object.values(STAFF).map((s) => s.openid), SUPER];
  const events = [
    ...Object.keys(JOBS).map((name) => ({ Type: 'Timer', TriggerName: name })),
    { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-24T02:00:00Z' },
    {},
    null,
  ];
  let refused = 0;
  let tried = 0;
  const before = world.snapshot();
  for (const openid of users) {
    for (const event of events) {
      tried += 1;
      const answer = await handleJobs(event, { openid }, world.server.deps);
      if (!answer.ok && answer.error.code === 'FORBIDDEN') refused += 1;
    }
  }
  expect(world.snapshot()).toBe(before);
  // Nor does the api run a job by its name.
  for (const name of ['jobs', 'sweep', 'jobs.sweep', 'deliver', 'figures', 'autoClose']) {
    const answer = await world.call(SUPER, name, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }
  check(refused === tried);
  recordFigure({
    section: 'config',
    figure: 'jobs called by a user: refused',
    value: `${n(refused)} of ${n(tried)}`,
    target: 'all',
    met: refused === tried,
  });
  expect(refused).toBe(tried);
});

test('the embedded database answers only its own token URL', async () => {
  const port = world.server.cloud.port;
  for (const path of ['/admin', '/', '/0000/admin', `/${'0'.repeat(32)}/admin`]) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(check(res.status === 403)).toBe(true);
  }
});
