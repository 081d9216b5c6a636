// `npm start`: both cloud functions on this machine, against the embedded local cloud, over
// HTTP on 127.0.0.1. The caller's openid comes per request from the x-wx-openid header (local
// mode only); the functions see a settable clock; uploads and "sent" messages stay local.
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseOpenidList } from '../_core/adapters/cloudbase';
import { settableClock, type ClockSetting, type SettableClock } from '../_core/adapters/runtime/clock';
import { handleApi } from '../_core/app/handle-api';
import { handleJobs } from '../_core/app/jobs/handle-jobs';
import type { Deps } from '../_core/ports';
import { pointSdkAt, startLocalCloud, startLocalCloudThread, type CloudAdmin, type LocalCloud, type ThreadedCloud } from './cloud';
import { createCollections } from './collections';
import { startInstancePool, type InstancePool } from './instances';
import { localDeps } from './local-deps';
import { parseMultipart } from './multipart';
import { seedDemo } from './demo/seed';
import { FilePathError, LocalFileStore } from './twins/files';
import { LocalMessageSender } from './twins/message-sender';

export interface LocalServerOptions {
  port?: number;
  /** Folder for the store and uploads; null keeps everything in memory (tests). */
  dataDir?: string | null;
  /** Seed the demo community when the store has no grids. */
  seed?: boolean;
  superAdmins?: readonly string[];
  /**
   * Runs the local cloud in a thread of its own, from this bundled worker file (cloud/worker.ts,
   * built to .build/local-cloud-worker.js): the database as a separate service, as on CloudBase.
   * Without it the cloud shares this thread and `cloud` is the synchronous in-process handle.
   */
  cloudWorker?: string;
  /**
   * Serves /functions/* from function instances in threads of their own (instance-worker.ts,
   * built to .build/local-instance-worker.js), one request at a time each, as CloudBase does.
   * Needs `cloudWorker`. Without it the functions run in this thread on `deps`.
   */
  instances?: { worker: string; count: number };
}

export interface LocalServer<C extends CloudAdmin = LocalCloud> {
  url: string;
  port: number;
  cloud: C;
  deps: Deps;
  clock: SettableClock;
  /** The local subscribeMessage twin: what was "sent", and fault injection for tests. */
  sender: LocalMessageSender;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** WeChat openids are 28 characters of [A-Za-z0-9_-]; the local header allows that set only. */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8')) as unknown;
}

const header = (req: http.IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

/** The caller of a local request: an openid of WeChat's character set, else nobody. */
function callerOf(req: http.IncomingMessage): { openid: string | null; bad: boolean } {
  const value = header(req, 'x-wx-openid');
  if (value === null) return { openid: null, bad: false };
  return OPENID_PATTERN.test(value) ? { openid: value, bad: false } : { openid: null, bad: true };
}

/**
 * Function instances npm start runs unless LOCAL_INSTANCES says otherwise (B10 runs as many): one
 * per core, at least two (a slow call — an export, a year's figures — leaves one free for
 * reports). More instances than cores only compete for them with the cloud's thread and the
 * HTTP front: on two cores, 30-second B10 runs interleaved four against two answered submits at
 * p99 in 18.9 ms against 13.1 ms on average (four runs each; two was faster in three of the four
 * pairs) with the server's CPU 47–59 % against 46–56 % of a core (2026-12-03).
 */
export const DEFAULT_INSTANCES = Math.min(16, Math.max(2, availableParallelism()));

/**
 * npm start's shape from the bundled thread entries in `dir` (`npm run build` writes them to
 * .build/, beside the server): the local cloud in a thread and `count` function instances.
 */
export function threadEntries(dir: string, count: number): { cloudWorker: string; instances: { worker: string; count: number } } {
  return { cloudWorker: join(dir, 'local-cloud-worker.js'), instances: { worker: join(dir, 'local-instance-worker.js'), count } };
}

/** Threads that keep a clock of their own (the cloud, the function instances) follow every change of this one. */
function mirroredClock(clock: SettableClock, sinks: Array<(setting: ClockSetting) => void>): SettableClock {
  const mirror = (): void => {
    const setting = clock.setting();
    for (const sink of sinks) sink(setting);
  };
  return {
    ...clock,
    set(at, mode) {
      clock.set(at, mode);
      mirror();
    },
    reset() {
      clock.reset();
      mirror();
    },
    restore(setting) {
      clock.restore(setting);
      mirror();
    },
  };
}

export function startLocalServer(options: LocalServerOptions & { cloudWorker: string }): Promise<LocalServer<ThreadedCloud>>;
export function startLocalServer(options?: LocalServerOptions & { cloudWorker?: undefined }): Promise<LocalServer>;
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer<LocalCloud | ThreadedCloud>> {
  const dataDir = options.dataDir === undefined ? null : options.dataDir;
  const ownClock = settableClock();
  const cloudOptions = {
    port: 0,
    ...(dataDir ? { dataDir: join(dataDir, 'db') } : {}),
    // As strict as TCB or stricter: collections must exist, and every query needs an index.
    requireCollections: true,
    enforceIndexes: true,
  };
  let cloud: LocalCloud | ThreadedCloud;
  let clock: SettableClock;
  const clockSinks: Array<(setting: ClockSetting) => void> = [];
  if (options.instances && !options.cloudWorker) throw new Error('function instances in threads need the cloud in a thread (cloudWorker)');
  if (options.cloudWorker) {
    const threaded = await startLocalCloudThread(options.cloudWorker, cloudOptions);
    cloud = threaded;
    clockSinks.push((state) => {
      threaded.setClock(state).catch(() => undefined);
    });
    clock = mirroredClock(ownClock, clockSinks);
  } else {
    cloud = await startLocalCloud({ ...cloudOptions, now: () => ownClock.now() });
    clock = ownClock;
  }
  await createCollections(cloud);
  pointSdkAt(cloud.url);

  let baseUrl = '';
  const files = new LocalFileStore(
    () => baseUrl,
    dataDir ? join(dataDir, 'files') : null,
    () => clock.now(),
  );
  const superAdmins =
    options.superAdmins ??
    (parseOpenidList(process.env.SUPER_ADMIN_OPENIDS).length > 0 ? parseOpenidList(process.env.SUPER_ADMIN_OPENIDS) : ['local-admin']);
  const sender = new LocalMessageSender();
  // The server's own function instance (the functions run on it unless `instances` is set). A
  // reset replaces it, as a redeploy would: nothing it cached of the data that is gone survives.
  const newDeps = (): Deps => localDeps({ clock, files, sender, superAdmins });
  let deps = newDeps();
  const firstAdmin = superAdmins[0] ?? 'local-admin';

  const seedIfEmpty = async (): Promise<void> => {
    if (options.seed === false) return;
    const version = await deps.grids.version();
    if (version === 'none') await seedDemo(deps, firstAdmin);
  };
  await seedIfEmpty();

  let pool: InstancePool | null = null;

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'POST' && (path === '/functions/api' || path === '/functions/jobs')) {
      let event: unknown;
      try {
        event = parseJson(await readBody(req));
      } catch {
        send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } });
        return;
      }
      const caller = callerOf(req);
      if (caller.bad) {
        send(res, 400, { ok: false, error: { code: 'UNAUTHENTICATED', message: '用户标识不正确' } });
        return;
      }
      const fn = path === '/functions/api' ? 'api' : 'jobs';
      const answer = pool
        ? await pool.call(fn, event, caller)
        : fn === 'api'
          ? await handleApi(event, caller, deps)
          : await handleJobs(event, caller, deps);
      send(res, 200, answer);
      return;
    }
    if (path === '/__clock') {
      if (req.method === 'POST') {
        const body = parseJson(await readBody(req)) as { now?: unknown; reset?: unknown; running?: unknown };
        if (body.reset === true) clock.reset();
        else {
          const at = typeof body.now === 'string' || typeof body.now === 'number' ? new Date(body.now) : null;
          if (!at || Number.isNaN(at.getTime())) {
            send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'now 应为 ISO 时间' } });
            return;
          }
          clock.set(at, body.running === true ? 'running' : 'frozen');
        }
      }
      send(res, 200, { ok: true, data: { now: clock.now().toISOString() } });
      return;
    }
    if (req.method === 'GET' && path === '/__outbox') {
      const rows = await deps.outbox.list(1000);
      const items = rows.map((r) => ({ touser: r.touser, template: r.template, data: r.data, page: r.page, state: r.state }));
      send(res, 200, { items });
      return;
    }
    if (req.method === 'POST' && path === '/__reset') {
      const body = parseJson(await readBody(req)) as { seed?: unknown };
      await cloud.reset();
      clock.reset();
      sender.reset();
      deps = newDeps();
      if (body.seed !== false) await seedDemo(deps, firstAdmin);
      await pool?.restart();
      send(res, 200, { ok: true, data: { seeded: body.seed !== false } });
      return;
    }
    if (req.method === 'POST' && path === '/__files') {
      const { openid, bad } = callerOf(req);
      if (!openid) {
        send(res, bad ? 400 : 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: bad ? '用户标识不正确' : '请先登录' } });
        return;
      }
      const form = parseMultipart(await readBody(req), header(req, 'content-type') ?? '');
      if (!form?.file) {
        send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '没有收到文件' } });
        return;
      }
      try {
        // The name under the caller's own folder (the folder is the server's, never the client's).
        send(res, 200, { fileID: files.save(openid, form.fields.cloudPath ?? '', form.file.content) });
      } catch (error) {
        if (!(error instanceof FilePathError)) throw error;
        send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '文件路径不正确' } });
      }
      return;
    }
    if (req.method === 'GET' && path.startsWith('/__files/')) {
      let filePath: string;
      try {
        filePath = decodeURIComponent(path.slice('/__files/'.length));
      } catch {
        send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '文件路径不正确' } });
        return;
      }
      const content = files.read(filePath, url.searchParams.get('expires'), url.searchParams.get('sign'));
      if (!content) {
        send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或链接已过期' } });
        return;
      }
      res.writeHead(200, { 'content-type': filePath.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': content.length });
      res.end(content);
      return;
    }
    send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } });
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`[local] ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  baseUrl = `http://127.0.0.1:${port}`;
  if (options.instances) {
    pool = await startInstancePool(
      options.instances.worker,
      options.instances.count,
      { cloudUrl: cloud.url, baseUrl, filesDir: files.dir, linkKey: files.linkKey, superAdmins, clock: ownClock.setting() },
      (path, content) => files.saveServerFile(path, content),
      () => cloud.connect(),
    );
    const started = pool;
    clockSinks.push((state) => started.setClock(state));
  }
  return {
    url: baseUrl,
    port,
    cloud,
    get deps() {
      return deps;
    },
    clock,
    sender,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool?.close();
      await cloud.close();
    },
  };
}
