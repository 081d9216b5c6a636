// The load generator of B10 and the contention row, in a process of its own (the server's process
// must not share its CPU with the clients). Open-loop streams send requests at Poisson arrival
// times of a given rate whether or not earlier answers came back, and time each from the moment it
// was due (so a slow server cannot hide its backlog); closed-loop streams keep N clients each
// sending its next request as soon as its last was answered. Each request is built per call (its
// own caller, params and request id) and every answer must be an `ok` envelope. (autocannon's
// rate option sends each connection's whole second of requests back to back at the top of the
// second — bursts, not a rate — so the bench has its own.)
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runNode } from './child';
import { percentile } from './measure';

export const LOAD_MARK = '@@bench-load ';

export interface LoadCall {
  readonly openid: string;
  readonly action: string;
  readonly params: Record<string, unknown>;
}

export interface LoadStream {
  readonly name: string;
  /** Open loop: requests a second (Poisson arrivals). */
  readonly rate?: number;
  /** Closed loop: this many clients, each sending its next request when its last is answered. */
  readonly clients?: number;
  /** What to send: `pick` names a generator below, fed with `data`. */
  readonly pick: 'submit' | 'read';
  readonly data: LoadData;
}

export interface LoadData {
  /** Report locations (submit). */
  readonly points?: ReadonlyArray<{ latitude: number; longitude: number }>;
  readonly categories?: readonly string[];
  /** Prefix of the residents that submit; each submit is a new resident (the hourly limit stays out of the way). */
  readonly residentPrefix?: string;
  /** Readers (read): grid workers, and tickets with their reporters. */
  readonly workers?: readonly string[];
  readonly tickets?: ReadonlyArray<readonly [id: string, reporter: string]>;
}

export interface LoadConfig {
  readonly url: string;
  readonly seconds: number;
  /**
   * Seconds of the same load before the measured ones, not counted: the load process's own
   * start-up (a cold JIT, reading its config) would otherwise be timed as the server's answers.
   */
  readonly warmupSeconds?: number;
  /**
   * Calls of each stream sent one at a time, answered, before any load: the database builds each
   * index a query needs on first use (TCB keeps its indexes built), and over 100,000 tickets that
   * build, under the full load, queues seconds of requests behind it.
   */
  readonly primeCalls?: number;
  readonly streams: readonly LoadStream[];
}

export interface StreamResult {
  readonly name: string;
  readonly requests: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Network errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** Answers that were not an `ok` envelope. */
  readonly notOk: number;
  readonly seconds: number;
  /** The first few answers that were not `ok`, to say why. */
  readonly failures: readonly string[];
  /** The slowest answers: when they were due (seconds into the stream) and how long they took (ms). */
  readonly slowest: ReadonlyArray<{ readonly at: number; readonly ms: number }>;
}

function generator(stream: LoadStream, seed: number): () => LoadCall {
  let n = 0;
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { data } = stream;
  if (stream.pick === 'submit') {
    const points = data.points ?? [];
    const categories = data.categories ?? ['sanitation'];
    const prefix = data.residentPrefix ?? 'load-r';
    return () => {
      n += 1;
      const at = pick(points);
      return {
        openid: `${prefix}-${process.pid}-${n}`,
        action: 'report.submit',
        params: {
          category: pick(categories),
          kind: 'complaint',
          description: '小区门口路灯不亮了，晚上出行不便。',
          photos: [],
          location: { latitude: at.latitude, longitude: at.longitude },
          clientRequestId: `load-${process.pid}-${n}-request`,
        },
      };
    };
  }
  const workers = data.workers ?? [];
  const tickets = data.tickets ?? [];
  return () => {
    const roll = random();
    if (roll < 0.5) return { openid: pick(workers), action: 'queue.list', params: {} };
    const [ticketId, reporter] = pick(tickets);
    if (roll < 0.8) return { openid: reporter, action: 'report.mine', params: {} };
    return { openid: reporter, action: 'ticket.get', params: { ticketId } };
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Outcome {
  readonly ms: number;
  /** When it was due (performance.now()). */
  readonly due: number;
  readonly kind: 'ok' | 'error' | 'non2xx' | 'notOk';
  readonly body?: string;
}

function send(url: URL, call: LoadCall, due: number): Promise<Outcome> {
  const body = JSON.stringify({ action: call.action, params: call.params });
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/functions/api',
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wx-openid': call.openid },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - due;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) resolve({ ms, due, kind: 'non2xx', body: text });
          else resolve({ ms, due, kind: text.startsWith('{"ok":true') ? 'ok' : 'notOk', body: text });
        });
        res.on('error', () => resolve({ ms: performance.now() - due, due, kind: 'error' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ ms: performance.now() - due, due, kind: 'error', body: error.message }));
    req.end(body);
  });
}

function summarise(name: string, outcomes: readonly Outcome[], seconds: number, started: number): StreamResult {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number): number => percentile(ms, q);
  const count = (kind: Outcome['kind']): number => outcomes.filter((o) => o.kind === kind).length;
  return {
    name,
    requests: outcomes.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: ms[ms.length - 1] ?? NaN,
    errors: count('error'),
    non2xx: count('non2xx'),
    notOk: count('notOk'),
    seconds,
    failures: outcomes
      .filter((o) => o.kind !== 'ok')
      .slice(0, 5)
      .map((o) => (o.body ?? o.kind).slice(0, 300)),
    slowest: [...outcomes]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((o) => ({ at: (o.due - started) / 1000, ms: o.ms })),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function runStream(
  base: string,
  seconds: number,
  warmupSeconds: number,
  stream: LoadStream,
  seed: number,
  primeCalls: number,
): Promise<StreamResult> {
  const url = new URL(base);
  const next = generator(stream, seed);
  for (let i = 0; i < primeCalls; i++) await send(url, next(), performance.now());
  const begun = performance.now();
  const started = begun + warmupSeconds * 1000;
  const end = started + seconds * 1000;
  const pending: Array<Promise<Outcome>> = [];
  if (stream.rate !== undefined) {
    // Open loop: Poisson arrivals (exponential gaps, seeded), each timed from when it was due.
    let state = seed * 7919 + 1;
    const uniform = (): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return (state + 1) / 2_147_483_649;
    };
    let due = begun;
    for (;;) {
      due += (-Math.log(uniform()) * 1000) / stream.rate;
      if (due >= end) break;
      await sleep(due - performance.now());
      pending.push(send(url, next(), due));
    }
  } else {
    // Closed loop: each client sends, waits for the answer, sends again.
    const clients = Array.from({ length: stream.clients ?? 1 }, async () => {
      while (performance.now() < end) {
        const outcome = send(url, next(), performance.now());
        pending.push(outcome);
        await outcome;
      }
    });
    await Promise.all(clients);
  }
  const outcomes = (await Promise.all(pending)).filter((o) => o.due >= started);
  return summarise(stream.name, outcomes, (performance.now() - started) / 1000, started);
}

/** In the load process: runs every stream at once and prints their results. */
export async function runLoad(configPath: string): Promise<void> {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
  const results = await Promise.all(
    config.streams.map((stream, i) =>
      runStream(config.url, config.seconds, config.warmupSeconds ?? 0, stream, 7 + i, config.primeCalls ?? 0),
    ),
  );
  agent.destroy();
  console.log(LOAD_MARK + JSON.stringify(results));
}

/**
 * In the row's process (the server's): runs the load in a child process of the bench bundle
 * (`--load <config>`) and waits for its results; the server keeps answering meanwhile.
 */
export async function loadFromChild(config: LoadConfig): Promise<StreamResult[]> {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const bundle = process.argv[1];
  if (bundle === undefined) throw new Error('the bench bundle path is unknown');
  try {
    const { code, out, err } = await runNode([bundle, '--load', file]);
    const line = out.split('\n').find((l) => l.startsWith(LOAD_MARK));
    if (line === undefined) throw new Error(`load process exited ${code}: ${err.slice(-2000)}`);
    return JSON.parse(line.slice(LOAD_MARK.length)) as StreamResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
