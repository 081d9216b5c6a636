// Entry of the local cloud's own thread (thread.ts starts it; bundled to
// .build/local-cloud-worker.js). It serves the /admin face on loopback and answers its parent's
// administration, one message at a time, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { collectAndCompact } from './heap';
import { startLocalCloud, type LocalCloud } from './index';
import type { ClockState, ThreadedCloudOptions, ThreadMessage, ThreadOp } from './thread';

async function run(port: NonNullable<typeof parentPort>): Promise<void> {
  let clock: ClockState = { frozenAt: null, offsetMs: 0 };
  const now = (): Date => new Date(clock.frozenAt ?? Date.now() + clock.offsetMs);
  const post = (message: ThreadMessage): void => port.postMessage(message);
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({ ...(workerData as ThreadedCloudOptions), now });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  let unlisten: (() => void) | null = null;

  const perform = async (message: ThreadOp): Promise<unknown> => {
    switch (message.op) {
      case 'createCollection':
        return cloud.createCollection(message.name);
      case 'ensureUniqueIndex':
        return cloud.ensureUniqueIndex(message.collection, message.fields);
      case 'declareIndex':
        return cloud.declareIndex(message.collection, message.fields);
      case 'reset':
        return cloud.reset();
      case 'snapshot':
        return cloud.snapshot();
      case 'collectionNames':
        return cloud.collectionNames();
      case 'transactionStats':
        return cloud.transactionStats();
      case 'queryStats':
        return cloud.queryStats();
      case 'importDocuments':
        return cloud.importDocuments(message.collection, message.docs);
      case 'useQueryIndexes':
        return cloud.useQueryIndexes(message.on);
      case 'listen':
        unlisten?.();
        unlisten = message.on
          ? cloud.onRequest((record) => post({ kind: 'request', record: { ...record, headers: { ...record.headers } } }))
          : null;
        return undefined;
      case 'connect':
        cloud.attachPort(message.port);
        return undefined;
      case 'setClock':
        clock = message.state;
        return undefined;
      case 'flush':
        return cloud.flush();
      case 'collectGarbage':
        collectAndCompact();
        return undefined;
      case 'close':
        return cloud.close();
    }
  };

  // One at a time, in the order sent: a declareIndex is in place before the import after it.
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', (message: ThreadOp & { id: number }) => {
    chain = chain.then(async () => {
      try {
        post({ kind: 'answer', id: message.id, ok: true, value: await perform(message) });
      } catch (error) {
        post({ kind: 'answer', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  post({ kind: 'ready', url: cloud.url, port: cloud.port });
}

if (parentPort) void run(parentPort);
