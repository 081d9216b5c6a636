// The function instance pool: one call at a time per instance, a call waits for a free one, a
// restart (after /__reset) replaces them all and a close refuses what is left. The instances here are a stand-in worker speaking the pool's protocol (ready, call → answer) that
// takes a set time per call and answers with its thread id, so the test sees which instance
// served each call and whether calls overlapped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInstancePool, type InstancePool, type InstanceSetup } from '../../cloudfunctions/_local/instances';

const CALL_MS = 150;
const START_MS = 100;
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'instances-'));
  file = join(dir, 'stand-in.js');
  writeFileSync(
    file,
    `const { parentPort, threadId } = require('node:worker_threads');
setTimeout(() => parentPort.postMessage({ kind: 'ready' }), ${START_MS});
parentPort.on('message', (m) => {
  const from = Date.now();
  if (m.kind === 'call') setTimeout(() => parentPort.postMessage({ kind: 'answer', answer: { threadId, event: m.event, from, to: Date.now() } }), m.event.ms ?? ${CALL_MS});
});
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const setup: InstanceSetup = {
  cloudUrl: 'http://127.0.0.1:9/unused',
  baseUrl: 'http://127.0.0.1:9',
  filesDir: null,
  linkKey: new Uint8Array(32),
  superAdmins: [],
  clock: { frozenAt: null, offsetMs: 0 },
};
const save = (): Promise<string> => Promise.reject(new Error('no files here'));

interface Answer {
  threadId: number;
  event: unknown;
  /** When the instance took the call and answered it (its own clock). */
  from: number;
  to: number;
}
const callAll = (pool: InstancePool, n: number, ms = CALL_MS): Promise<Answer[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => pool.call('api', { n: i, ms }, { openid: `o${i}` }) as Promise<Answer>));

test('an instance serves one call at a time: the others wait for it', async () => {
  const pool = await startInstancePool(file, 1, setup, save);
  try {
    const answers = (await callAll(pool, 3)).sort((a, b) => a.from - b.from);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(1);
    // One after another: each began when the one before had answered.
    for (let i = 1; i < answers.length; i++) expect(answers[i]?.from).toBeGreaterThanOrEqual(answers[i - 1]?.to ?? Infinity);
  } finally {
    await pool.close();
  }
});

test('a restart replaces every instance: a call still running is refused, the ones waiting run on the fresh instances', async () => {
  const pool = await startInstancePool(file, 1, setup, save);
  try {
    const first = (await callAll(pool, 1))[0];
    const running = pool.call('api', { n: 'running', ms: 5_000 }, { openid: 'a' });
    running.catch(() => undefined); // refused during the restart: looked at below
    const queued = pool.call('api', { n: 'queued' }, { openid: 'b' }) as Promise<Answer>;
    await pool.restart();
    // The running call's instance is gone (as on a redeploy); the waiting one was not lost.
    await expect(running).rejects.toThrow(/restarted/);
    const moved = await queued;
    expect(moved.event).toEqual({ n: 'queued' });
    expect(moved.threadId).not.toBe(first?.threadId);
  } finally {
    await pool.close();
  }
});

test('closing refuses the calls still waiting', async () => {
  const pool = await startInstancePool(file, 1, setup, save);
  const running = pool.call('api', { n: 0 }, { openid: 'a' });
  const queued = pool.call('api', { n: 1 }, { openid: 'b' });
  for (const p of [running, queued]) p.catch(() => undefined); // refused by close(): looked at below
  await pool.close();
  await expect(queued).rejects.toThrow(/stopped/);
  await expect(running).rejects.toThrow(/stopped/);
  await expect(pool.call('api', {}, { openid: 'c' })).rejects.toThrow(/stopped/);
});
