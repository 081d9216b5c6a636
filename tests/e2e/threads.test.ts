// npm start's shape of the local server: the local cloud and the function instances in threads of
// their own. What crosses a thread must still work: the settable clock reaches every instance and
// the cloud, each instance reaches the cloud through its own port, a file an instance makes (an
// invite's 小程序码) is served by the server with a link the instance signed, and a reset starts
// every instance afresh (nothing cached survives it).
import type { ThreadedCloud } from '../../cloudfunctions/_local/cloud';
import { demoGeoJson, demoPointIn } from '../../cloudfunctions/_local/demo/grids';
import type { LocalServer } from '../../cloudfunctions/_local/server';
import { httpApi } from '../support/http-api';
import { buildThreadBundles, startThreadedServer, type ThreadBundles } from '../support/thread-bundles';

const ADMIN = 'local-admin';
let bundles: ThreadBundles;
let server: LocalServer<ThreadedCloud>;

const { post, ok } = httpApi(() => server.url);

let requestNo = 0;
const report = (n: number): Api.ReportSubmitParams => ({
  category: 'sanitation',
  kind: 'complaint',
  description: '楼道里堆满了杂物',
  photos: [],
  location: demoPointIn(n),
  clientRequestId: `threads-${(requestNo += 1)}-request`,
});

beforeAll(async () => {
  bundles = await buildThreadBundles();
  server = await startThreadedServer(bundles, ADMIN, 3);
}, 60_000);
afterAll(async () => {
  await server.close();
  bundles.remove();
});

test('every instance runs on the clock set through /__clock', async () => {
  await post('/__clock', { now: '2026-11-23T09:00:00+08:00' });
  await ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  // Three at once land on three instances: each answers the end of the next working day after the set clock.
  const answers = await Promise.all([1, 2, 3].map((n) => ok(`threads-resident-${n}`, 'report.submit', report(n))));
  for (const a of answers) expect(a.acceptBy).toBe('2026-11-24T15:59:59.999Z');
  await post('/__clock', { now: '2026-11-24T09:00:00+08:00' });
  const later = await Promise.all([4, 5, 6].map((n) => ok(`threads-resident-${n}`, 'report.submit', report(n))));
  for (const a of later) expect(a.acceptBy).toBe('2026-11-25T15:59:59.999Z');
}, 60_000);

test('the instances reach the local cloud through ports of their own: none of their requests goes over HTTP', async () => {
  const seen: string[] = [];
  const stop = server.cloud.onRequest((r) => seen.push(r.via));
  // The thread answers its parent in order: once this is answered, it shows every request to the listener.
  await server.cloud.transactionStats();
  const submitted = await Promise.all([7, 8, 9].map((n) => ok(`threads-port-${n}`, 'report.submit', report(n))));
  await ok('threads-port-7', 'ticket.get', { ticketId: submitted[0]?.ticketId ?? '' });
  await ok(ADMIN, 'queue.list', {});
  await server.cloud.transactionStats();
  stop();
  expect(seen.length).toBeGreaterThan(10);
  expect(new Set(seen)).toEqual(new Set(['port']));
}, 60_000);

test("an invite's 小程序码 made by an instance is served by the server, through the link the instance signed", async () => {
  const invite = await ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01'] } });
  const qr = await ok(ADMIN, 'admin.invites.qr', { code: invite.code });
  const image = await fetch(qr.url);
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(100);
}, 60_000);

test('after /__reset no instance routes by the grids that are gone', async () => {
  expect((await ok('threads-before-reset', 'report.submit', report(2))).gridCode).toBe('ZD-CZ-HG-02');
  await post('/__reset', { seed: false });
  const answers = await Promise.all([1, 2, 3].map((n) => ok(`threads-after-reset-${n}`, 'report.submit', report(n))));
  for (const a of answers) expect(a.gridCode).toBeNull();
  expect(Object.values(await server.cloud.snapshot()).reduce((n, docs) => n + docs.length, 0)).toBeGreaterThan(0);
}, 60_000);
