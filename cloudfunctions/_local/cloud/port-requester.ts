// The function instance's side of port-face.ts: a transport for @cloudbase/database's own hook,
// Db.reqClass, that posts each request the unmodified SDK built to the local cloud's thread and
// hands the answer back to the SDK as its HTTP requester would. Requests are what
// TcbDBApiHttpRequester sends (the HTTP requester adds only credentials and the environment's
// name, which the local cloud does not read); an answer with a code becomes the SDK's own error
// (node-sdk's processReturn), a silent cloud the SDK's read timeout, a closed port its reset.
import { Db } from '@cloudbase/database';
import { processReturn } from '@cloudbase/node-sdk/dist/utils/utils';
import type { MessagePort } from 'node:worker_threads';
import type { PortAnswer, PortRequest } from './port-face';

/** node-sdk's default when neither the call nor the SDK's config sets a timeout (tcbapirequester.ts). */
const SDK_DEFAULT_TIMEOUT_MS = 15_000;

/** An error shaped as node-sdk's request core makes it (a `code` node's errors carry). */
function networkError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

interface Waiter {
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

class PortLink {
  private seq = 0;
  private closed = false;
  private readonly waiting = new Map<number, Waiter>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (answer: PortAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      clearTimeout(waiter.timer);
      waiter.resolve(answer.text);
    });
    port.on('close', () => this.fail());
  }

  request(text: string, timeoutMs: number): Promise<string> {
    if (this.closed) return Promise.reject(networkError('connect ECONNREFUSED (the local cloud is closed)', 'ECONNREFUSED'));
    this.seq += 1;
    const id = this.seq;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(networkError('request timeout', 'ESOCKETTIMEDOUT'));
      }, timeoutMs);
      timer.unref();
      this.waiting.set(id, { resolve, reject, timer });
      const request: PortRequest = { id, text };
      this.port.postMessage(request);
    });
  }

  close(): void {
    this.port.close();
    this.fail();
  }

  private fail(): void {
    this.closed = true;
    for (const waiter of this.waiting.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(networkError('socket hang up', 'ECONNRESET'));
    }
    this.waiting.clear();
  }
}

let link: PortLink | null = null;
/** What Db.reqClass held before the first port: the way back. */
let httpRequester: unknown = null;

/** What @cloudbase/database constructs for each query, document, aggregate and transaction. */
class PortRequester {
  constructor(private readonly config: Record<string, unknown>) {}

  async send(api: string, data: Record<string, unknown>, opts?: { timeout?: number }): Promise<unknown> {
    const current = link;
    if (!current) throw networkError('connect ECONNREFUSED (no local cloud port)', 'ECONNREFUSED');
    const { instance, database } = this.config;
    const params = { ...data, action: api, instance, database };
    const configured = typeof this.config.timeout === 'number' ? this.config.timeout : 0;
    const timeout = opts?.timeout || configured || SDK_DEFAULT_TIMEOUT_MS;
    const text = await current.request(JSON.stringify(params), timeout);
    let result: unknown;
    try {
      result = JSON.parse(text);
    } catch {
      result = text;
    }
    if (typeof result === 'object' && result !== null && (result as { code?: unknown }).code) return processReturn(result);
    return result;
  }
}

/**
 * From now on this thread's SDK reaches the local cloud through `port` (one the cloud attached:
 * LocalCloud.attachPort, ThreadedCloud.connect). Call it after the SDK's database was made:
 * node-sdk puts its HTTP requester back in Db.reqClass each time `cloud.database()` runs.
 * Returns the way back to HTTP.
 */
export function reachCloudThrough(port: MessagePort): () => void {
  if (Db.reqClass !== PortRequester) httpRequester = Db.reqClass;
  link?.close();
  const own = new PortLink(port);
  link = own;
  Db.reqClass = PortRequester;
  return () => {
    if (link !== own) return;
    link = null;
    own.close();
    Db.reqClass = httpRequester;
  };
}
