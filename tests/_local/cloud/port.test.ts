// The port transport's own failures next to the HTTP requester's: a cloud that never answers
// times out the same way, a closed cloud refuses at once, and the way back is HTTP again.
import net from 'node:net';
import { MessageChannel } from 'node:worker_threads';
import { pointSdkAt, reachCloudThrough, startLocalCloud } from '../../../cloudfunctions/_local/cloud';
import { failure, startHarness, type Harness } from './sdk';

const TIMEOUT_MS = 150;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ collections: ['items'], sdkTimeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await h.cloud.close();
});

/** A server that takes the connection and never answers. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/silent/admin`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

test('a cloud that never answers: the same timeout error over a port as over HTTP, after the SDK’s configured timeout', async () => {
  const db = h.db;
  const silent = await silentServer();
  pointSdkAt(silent.url);
  // node-sdk leaves its 3 s "slow request" warning timer running after a timeout; it would log after the tests.
  const silence = process.env.SILENCE;
  process.env.SILENCE = 'true';
  const overHttp = await failure(db.collection('items').get());
  if (silence === undefined) delete process.env.SILENCE;
  else process.env.SILENCE = silence;

  const { port1, port2 } = new MessageChannel();
  const back = reachCloudThrough(port2);
  const started = Date.now();
  const overPort = await failure(db.collection('items').get());
  const waited = Date.now() - started;
  back();
  port1.close();
  pointSdkAt(h.cloud.url);
  await silent.close();

  expect(overHttp.message).toMatch(/request timeout/);
  expect({ errCode: overPort.errCode, message: overPort.message }).toEqual({ errCode: overHttp.errCode, message: overHttp.message });
  expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
  expect(waited).toBeLessThan(5_000);
});

test('a closed cloud: calls over its port fail at once, as a refused connection does, and nothing is left waiting', async () => {
  const other = await startLocalCloud();
  other.createCollection('items');
  const back = reachCloudThrough(await other.connect());
  try {
    await h.db.collection('items').add({ data: { _id: 'a' } });
    await other.close();
    const err = await failure(h.db.collection('items').get());
    expect(err.message).toMatch(/ECONNRE(FUSED|SET)|socket hang up/);
  } finally {
    back();
  }
  // The way back is the SDK's HTTP requester, to the cloud it points at.
  expect((await h.db.collection('items').get()).data).toEqual([]);
  expect(h.cloud.snapshot()).toEqual({ items: [] });
});

test('requests over a port reach the same listeners, marked as such', async () => {
  const seen: string[] = [];
  const stop = h.cloud.onRequest((r) => seen.push(`${r.via} ${r.action}`));
  const back = reachCloudThrough(await h.cloud.connect());
  try {
    await h.db.collection('items').add({ data: { _id: 'p' } });
  } finally {
    back();
  }
  await h.db.collection('items').doc('p').remove();
  stop();
  expect(seen).toEqual(['port database.insertDocument', 'http database.removeDocument']);
});
