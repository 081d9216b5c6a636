// The deployable bundles as the cloud runs them: one self-contained index.js per function (the
// pinned wx-server-sdk inside, nothing required from node_modules), loaded in a fresh process with
// the identity the runtime puts in the environment, answering through the local cloud — and
// sending the SDK's real version in its headers, as the installed package would.
import { execFileSync, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalCloud, type LocalCloud, type RequestRecord } from '../../cloudfunctions/_local/cloud';
import { createCollections } from '../../cloudfunctions/_local/collections';

const ROOT = resolve(__dirname, '../..');
const SDK_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string })
  .version;
let out: string;
let cloud: LocalCloud;
const seen: RequestRecord[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'yjsb-bundle-'));
  execFileSync('node', ['scripts/build.mjs', '--functions-to', out], { cwd: ROOT, stdio: 'pipe' });
  cloud = await startLocalCloud({ enforceIndexes: true });
  await createCollections(cloud);
  cloud.onRequest((r) => seen.push(r));
}, 60_000);
afterAll(async () => {
  await cloud.close();
  rmSync(out, { recursive: true, force: true });
});

/** Loads a bundle in a fresh node process (no node_modules reachable from its folder) and calls main(event). */
function callBundle(fn: 'api' | 'jobs', event: unknown, openid: string | null): Promise<unknown> {
  const script = `require(${JSON.stringify(join(out, fn, 'index.js'))}).main(${JSON.stringify(event)}).then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });`;
  // What pointSdkAt sets, for the child: the local cloud's URL, no metadata probing, fake keys.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_PATH: '',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.url }),
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'bundle-test-id',
    TENCENTCLOUD_SECRETKEY: 'bundle-test-key',
    ...(openid ? { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: openid } : {}),
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: out, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolvePromise(JSON.parse(stdout) as unknown) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

test('each bundle carries the SDK: no require of wx-server-sdk or anything else from node_modules', () => {
  for (const fn of ['api', 'jobs']) {
    const text = readFileSync(join(out, fn, 'index.js'), 'utf8');
    const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
    const builtins = new Set(builtinModules);
    expect(required.filter((name) => !builtins.has(name.replace(/^node:/, '')) && !builtins.has(name.split('/')[0] ?? ''))).toEqual([]);
  }
});

test('the api bundle answers a resident, with the real SDK version in its headers', async () => {
  seen.length = 0;
  const answer = (await callBundle('api', { action: 'categories.list', params: {} }, 'bundle-resident')) as {
    ok: boolean;
    data?: { items: unknown[] };
  };
  expect(answer.ok).toBe(true);
  expect(answer.data?.items.length).toBeGreaterThan(5);
  expect(seen.length).toBeGreaterThan(0);
  for (const r of seen) expect(r.headers['user-agent']).toBe(`tcb-node-sdk/${SDK_VERSION}`);
}, 60_000);

test('the api bundle refuses a call without a user, and the jobs bundle runs its timer', async () => {
  expect(await callBundle('api', { action: 'categories.list', params: {} }, null)).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect(await callBundle('jobs', { Type: 'Timer', TriggerName: 'deliver' }, null)).toMatchObject({ ok: true, data: { job: 'deliver' } });
  expect(await callBundle('jobs', { Type: 'Timer', TriggerName: 'deliver' }, 'someone')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
}, 60_000);
