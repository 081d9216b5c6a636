// The local photo store (/__files) as a hostile client meets it: openids of WeChat's character
// set only, every write confined to the caller's own folder under the data folder, downloads
// only through the short-lived signed links views hand out, and bad paths answered 4xx.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { LINK_MS } from '../../cloudfunctions/_local/twins/files';

let server: LocalServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'local-files-'));
  server = await startLocalServer({ port: 0, dataDir: dir, seed: false, superAdmins: ['local-admin'] });
  server.clock.set(new Date('2026-11-24T02:00:00Z'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function upload(openid: string | null, cloudPath: string | null): Promise<Response> {
  const form = new FormData();
  if (cloudPath !== null) form.append('cloudPath', cloudPath);
  form.append('file', new Blob([Buffer.from('photo')], { type: 'image/jpeg' }), 'p.jpg');
  return fetch(`${server.url}/__files`, { method: 'POST', body: form, headers: openid ? { 'x-wx-openid': openid } : {} });
}

/** Every file under the data folder, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    return statSync(full).isDirectory() ? filesUnder(full).map((f) => path.join(name, f)) : [name];
  });
}

test('an upload lands in the caller’s opaque folder; a fileID names no openid', async () => {
  const res = await upload('resident-files', '2026/11/a.jpg');
  expect(res.status).toBe(200);
  const { fileID } = (await res.json()) as { fileID: string };
  expect(fileID).toBe(`local://${server.deps.files.folderOf('resident-files')}/2026/11/a.jpg`);
  expect(fileID).not.toContain('resident-files');
});

test.each([
  ['an openid climbing out of the data folder', '../../x', '2026/a.jpg', 400],
  ['an openid naming another folder', 'a/../b', '2026/a.jpg', 400],
  ['an openid with spaces', 'a b', '2026/a.jpg', 400],
  ['no openid', null, '2026/a.jpg', 401],
  ['an empty cloudPath', 'resident-files', '', 400],
  ['no cloudPath', 'resident-files', null, 400],
  ['a cloudPath climbing out', 'resident-files', '../../../etc/x.jpg', 400],
  ['a cloudPath with .. inside', 'resident-files', '2026/../../other/x.jpg', 400],
  ['an absolute cloudPath', 'resident-files', '/tmp/x.jpg', 400],
  ['a cloudPath with a backslash', 'resident-files', '..\\..\\x.jpg', 400],
])('%s (openid %j, cloudPath %j) → %i, nothing written outside the caller’s folder', async (_what, openid, cloudPath, status) => {
  const res = await upload(openid, cloudPath);
  expect(res.status).toBe(status);
  const written = filesUnder(path.join(dir, 'files'));
  expect(
    written.every((f) => f.startsWith(path.join('uploads', server.deps.files.folderOf('resident-files').slice('uploads/'.length)))),
  ).toBe(true);
  expect(filesUnder(dir).every((f) => f.startsWith('db') || f.startsWith('files'))).toBe(true);
});

test('the API refuses an openid header outside WeChat’s character set', async () => {
  const res = await fetch(`${server.url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': '../../admin' },
    body: JSON.stringify({ action: 'staff.me', params: {} }),
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('downloads need a link the server handed out, and the link expires', async () => {
  const { fileID } = (await (await upload('resident-files', '2026/11/b.jpg')).json()) as { fileID: string };
  const [link] = await server.deps.files.tempUrls([fileID]);
  expect(link).toMatch(/\?expires=\d+&sign=[0-9a-f]{32}$/);
  expect((await fetch(link ?? '')).status).toBe(200);
  const bare = (link ?? '').replace(/\?.*$/, '');
  for (const url of [
    bare,
    `${bare}?expires=9999999999999&sign=${'0'.repeat(32)}`,
    (link ?? '').replace(/sign=[0-9a-f]+/, `sign=${'a'.repeat(32)}`),
    `${server.url}/__files/uploads`,
    `${server.url}/__files/uploads/`,
    `${server.url}/__files/%E0%A4%A`,
    `${server.url}/__files/..%2F..%2Fdb%2Flocal-cloud.json`,
    `${server.url}/__files/`,
  ]) {
    const res = await fetch(url);
    expect([400, 404]).toContain(res.status);
  }
  server.clock.set(new Date(new Date('2026-11-24T02:00:00Z').getTime() + LINK_MS + 1000));
  expect((await fetch(link ?? '')).status).toBe(404);
  server.clock.set(new Date('2026-11-24T02:00:00Z'));
});
