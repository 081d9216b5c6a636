// Function instances in threads of their own, as CloudBase runs them: each instance serves one
// request at a time and keeps its own caches (categories, grid version, routing index) and its
// own SDK, and a request waits for a free instance. (CloudBase would start more instances under
// load instead, each a cold start; on a two-core machine that was a storm of cold starts: B10's
// minute timed out with 16.) The local server hands /functions/api and
// /functions/jobs to this pool when it runs with `instanceWorker` (npm start, the bench's load
// rows); a slow read then never holds up a report in the same event loop, and caches diverge
// between instances exactly as they do in production.
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Caller } from '../_core/app/handle-api';
import type { ClockSetting } from '../_core/adapters/runtime/clock';

/** Everything an instance needs to build its deps like the server's own (instance-worker.ts). */
export interface InstanceSetup {
  readonly cloudUrl: string;
  readonly baseUrl: string;
  readonly filesDir: string | null;
  readonly linkKey: Uint8Array;
  readonly superAdmins: readonly string[];
  readonly clock: ClockSetting;
  /** The instance's own port to the local cloud (ThreadedCloud.connect), else it reaches cloudUrl over HTTP. */
  readonly cloudPort?: MessagePort;
}

export type FunctionName = 'api' | 'jobs';

export type ToInstance =
  | { kind: 'call'; fn: FunctionName; event: unknown; caller: Caller }
  | { kind: 'clock'; state: ClockSetting }
  | { kind: 'saved'; id: number; ok: true; fileId: string }
  | { kind: 'saved'; id: number; ok: false; message: string };

export type FromInstance =
  { kind: 'ready' } | { kind: 'answer'; answer: unknown } | { kind: 'saveServerFile'; id: number; path: string; content: Uint8Array };

/** Where instances put the files they make (invite codes, exports): the server's file twin. */
export type SaveServerFile = (path: string, content: Uint8Array) => Promise<string>;

interface Call {
  fn: FunctionName;
  event: unknown;
  caller: Caller;
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

class Instance {
  readonly worker: Worker;
  busy: Call | null = null;
  private readonly ready: Promise<void>;

  constructor(
    file: string,
    setup: InstanceSetup,
    save: SaveServerFile,
    onFree: (instance: Instance) => void,
    onGone: (instance: Instance, error: Error) => void,
  ) {
    this.worker = new Worker(file, { workerData: setup, transferList: setup.cloudPort ? [setup.cloudPort] : [] });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (message: FromInstance) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'answer') {
          const call = this.busy;
          this.busy = null;
          call?.resolve(message.answer);
          onFree(this);
        } else {
          save(message.path, message.content).then(
            (fileId) => this.post({ kind: 'saved', id: message.id, ok: true, fileId }),
            (error: unknown) =>
              this.post({ kind: 'saved', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
          );
        }
      });
    });
    this.worker.on('error', (error) => onGone(this, error));
    this.worker.on('exit', (code) => onGone(this, new Error(`function instance exited (${code})`)));
  }

  started(): Promise<void> {
    return this.ready;
  }

  post(message: ToInstance): void {
    this.worker.postMessage(message);
  }

  /** An instance serves one call at a time: the next answer it sends is this call's. */
  run(call: Call): void {
    this.busy = call;
    this.post({ kind: 'call', fn: call.fn, event: call.event, caller: call.caller });
  }
}

export interface InstancePool {
  /** Runs one function call on a free instance (waiting for one if all are busy). */
  call(fn: FunctionName, event: unknown, caller: Caller): Promise<unknown>;
  /** Mirrors the server's clock into every instance. */
  setClock(state: ClockSetting): void;
  /** Replaces every instance with a fresh one (after a reset: nothing cached survives). */
  restart(): Promise<void>;
  close(): Promise<void>;
  readonly size: number;
}

/**
 * Starts `size` instances from the bundled entry `file` (instance-worker.ts) and waits until each
 * is up. With `connect`, each instance gets a port of its own to the local cloud.
 */
export async function startInstancePool(
  file: string,
  size: number,
  setup: InstanceSetup,
  save: SaveServerFile,
  connect?: () => Promise<MessagePort>,
): Promise<InstancePool> {
  let clock = setup.clock;
  let instances: Instance[] = [];
  const waiting: Call[] = [];
  let closed = false;
  /** While fresh instances start for a restart, calls wait for them. */
  let restarting = false;

  const dispatch = (instance: Instance): void => {
    if (restarting || !instances.includes(instance)) return;
    const next = waiting.shift();
    if (next) instance.run(next);
  };
  const gone = (instance: Instance, error: Error): void => {
    if (!instances.includes(instance)) return;
    instances = instances.filter((i) => i !== instance);
    instance.busy?.reject(error);
    instance.busy = null;
    if (!closed) console.error(`[local] a function instance stopped: ${error.message}`);
  };
  const spawn = async (): Promise<Instance[]> => {
    const ports = connect ? await Promise.all(Array.from({ length: size }, () => connect())) : [];
    const fresh = Array.from(
      { length: size },
      (_, i) => new Instance(file, { ...setup, clock, ...(ports[i] ? { cloudPort: ports[i] } : {}) }, save, dispatch, gone),
    );
    await Promise.all(fresh.map((i) => i.started()));
    return fresh;
  };
  instances = await spawn();

  return {
    size,
    call(fn, event, caller) {
      if (closed) return Promise.reject(new Error('the function instances are stopped'));
      return new Promise((resolve, reject) => {
        const call: Call = { fn, event, caller, resolve, reject };
        if (restarting) {
          waiting.push(call);
          return;
        }
        const idle = instances.find((i) => i.busy === null);
        if (idle) idle.run(call);
        else waiting.push(call);
      });
    },
    setClock(state) {
      clock = state;
      for (const instance of instances) instance.post({ kind: 'clock', state });
    },
    async restart() {
      const old = instances;
      restarting = true;
      try {
        instances = await spawn();
      } finally {
        restarting = false;
      }
      // A call still running on an old instance is answered with an error (its instance is gone,
      // as on a redeploy); the calls waiting meanwhile run on the fresh ones.
      for (const instance of old) {
        instance.busy?.reject(new Error('the function instances were restarted'));
        instance.busy = null;
      }
      await Promise.all(old.map((i) => i.worker.terminate()));
      for (const instance of instances) if (instance.busy === null) dispatch(instance);
    },
    async close() {
      closed = true;
      for (const call of waiting.splice(0)) call.reject(new Error('the function instances are stopped'));
      const all = instances;
      instances = [];
      for (const instance of all) instance.busy?.reject(new Error('the function instances are stopped'));
      await Promise.all(all.map((i) => i.worker.terminate()));
    },
  };
}
