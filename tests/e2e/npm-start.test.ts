// `npm start` as a person runs it: the bundled local server seeds the demo community on first
// run, serves the functions over HTTP, and keeps its data across a restart.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
let dataDir: string;

beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  dataDir = mkdtempSync(join(tmpdir(), 'yjsb-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string; banner: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('node', ['.build/local-server.js'], { cwd: ROOT, env: { ...process.env, PORT: '0', DATA_DIR: dataDir } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1] && out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], banner: out });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    child.on('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

async function api(url: string, openid: string, action: string, params: unknown): Promise<{ ok: boolean; data?: { items?: unknown[] } }> {
  const res = await fetch(`${url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, params }),
  });
  return (await res.json()) as { ok: boolean; data?: { items?: unknown[] } };
}

test('seeds the demo, prints how to try it, and keeps data across a restart', async () => {
  const first = await start();
  try {
    expect(first.banner).toContain('curl -s');
    expect(first.banner).toContain('demo-grid-1');
    const grids = await api(first.url, 'local-admin', 'admin.grids.list', {});
    expect(grids.data?.items).toHaveLength(6);
    const mine = await api(first.url, 'demo-resident-1', 'report.mine', {});
    expect(mine.data?.items).toHaveLength(3);
    const submitted = await api(first.url, 'demo-resident-2', 'report.submit', {
      category: 'other',
      kind: 'question',
      description: '重启以后还在吗？',
      photos: [],
      location: { latitude: 36.8135, longitude: 118.0406 },
      clientRequestId: 'npm-start-persist-1',
    });
    expect(submitted.ok).toBe(true);
  } finally {
    await stop(first.child);
  }
  const second = await start();
  try {
    // not seeded twice, and the report made before the restart is still there
    expect((await api(second.url, 'demo-resident-1', 'report.mine', {})).data?.items).toHaveLength(3);
    expect((await api(second.url, 'demo-resident-2', 'report.mine', {})).data?.items).toHaveLength(1);
  } finally {
    await stop(second.child);
  }
}, 60_000);
