// Entry of one function instance's thread (instances.ts starts it; bundled to
// .build/local-instance-worker.js): the deps the local server builds for itself, with this
// thread's own stores, caches and SDK, serving one call at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { settableClock } from '../_core/adapters/runtime/clock';
import { handleApi } from '../_core/app/handle-api';
import { handleJobs } from '../_core/app/jobs/handle-jobs';
import { pointSdkAt, reachCloudThrough } from './cloud';
import type { FromInstance, InstanceSetup, ToInstance } from './instances';
import { localDeps } from './local-deps';
import { LocalFileStore } from './twins/files';
import { LocalMessageSender } from './twins/message-sender';

/** Files this instance makes are kept by the server's twin (its /__files route serves them). */
class InstanceFileStore extends LocalFileStore {
  constructor(
    setup: InstanceSetup,
    now: () => Date,
    private readonly forward: (path: string, content: Uint8Array) => Promise<string>,
  ) {
    super(() => setup.baseUrl, setup.filesDir, now, undefined, Buffer.from(setup.linkKey));
  }

  override saveServerFile(path: string, content: Uint8Array): Promise<string> {
    return this.forward(path, content);
  }
}

function run(port: NonNullable<typeof parentPort>): void {
  const setup = workerData as InstanceSetup;
  pointSdkAt(setup.cloudUrl);
  const clock = settableClock();
  clock.restore(setup.clock);
  const post = (message: FromInstance): void => port.postMessage(message);
  const saving = new Map<number, { resolve: (fileId: string) => void; reject: (error: Error) => void }>();
  let saves = 0;
  const forward = (path: string, content: Uint8Array): Promise<string> =>
    new Promise((resolve, reject) => {
      saves += 1;
      saving.set(saves, { resolve, reject });
      post({ kind: 'saveServerFile', id: saves, path, content });
    });
  const deps = localDeps({
    clock,
    files: new InstanceFileStore(setup, () => clock.now(), forward),
    sender: new LocalMessageSender(),
    superAdmins: setup.superAdmins,
  });
  // After the deps: making the SDK's database puts its HTTP requester back (port-requester.ts).
  if (setup.cloudPort) reachCloudThrough(setup.cloudPort);

  port.on('message', (message: ToInstance) => {
    if (message.kind === 'clock') clock.restore(message.state);
    else if (message.kind === 'saved') {
      const waiter = saving.get(message.id);
      saving.delete(message.id);
      if (message.ok) waiter?.resolve(message.fileId);
      else waiter?.reject(new Error(message.message));
    } else {
      const answering =
        message.fn === 'api' ? handleApi(message.event, message.caller, deps) : handleJobs(message.event, message.caller, deps);
      // handleApi answers every failure as an envelope; should it ever throw, the instance still answers.
      void answering
        .catch((error: unknown): Api.Envelope<unknown> => {
          console.error(`[instance] ${message.fn} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
          return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
        })
        .then((answer) => post({ kind: 'answer', answer }));
    }
  });
  post({ kind: 'ready' });
}

if (parentPort) run(parentPort);
