// The faces of the local cloud: POST /admin answered like the CloudBase API endpoint the SDK
// reaches through TCB_CONTEXT_CNFG.URL (loopback only), and the message ports of function
// instances in threads of their own (port-face.ts). Every failure becomes an error answer, never
// a crash. Listeners see each request body and answer (for golden tests and debugging).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, type Answer, type Body } from './protocol';
import type { LocalDatabase } from './database';

export interface RequestRecord {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** How it came: the SDK's own requester over HTTP, or a function instance's port (port-face.ts). */
  readonly via: 'http' | 'port';
  readonly action: string;
  readonly body: Body;
  readonly response: Answer;
}

export type RequestListener = (record: RequestRecord) => void;

/** A request body over this many bytes is refused, whichever face it came through. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** What answering a request needs, whichever face it came through. */
export interface Answering {
  readonly db: LocalDatabase;
  readonly now: () => Date;
  readonly listeners: Set<RequestListener>;
}

/**
 * One request to the database API: its body's text (undefined when it was over MAX_BODY_BYTES)
 * parsed — a body that is not JSON is answered as a bad parameter, as an empty one is — then
 * answered and shown to the listeners.
 */
export async function answerText(
  answering: Answering,
  text: string | undefined,
  from: { readonly url: string; readonly headers: http.IncomingHttpHeaders; readonly via: 'http' | 'port' },
): Promise<Answer> {
  let body: unknown;
  try {
    body = text === undefined ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const response = await answer(answering.db, body, answering.now);
  if (answering.listeners.size === 0) return response;
  const record: RequestRecord = {
    ...from,
    action: typeof body === 'object' && body !== null && typeof (body as Body).action === 'string' ? String((body as Body).action) : '',
    body: typeof body === 'object' && body !== null ? (body as Body) : {},
    response,
  };
  for (const listener of answering.listeners) {
    try {
      listener(record);
    } catch (error) {
      console.error('[local-cloud] a request listener failed:', error);
    }
  }
  return response;
}

export interface HttpFace {
  readonly server: http.Server;
  readonly port: number;
  close(): Promise<void>;
}

export async function serve(answering: Answering, port: number, token: string): Promise<HttpFace> {
  // Loopback is shared by every process of the machine: only holders of this process's token
  // (the URL handed to pointSdkAt) reach the data.
  const endpoint = `/${token}/admin`;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (!(url === endpoint || url.startsWith(`${endpoint}?`))) {
      send(res, 403, { code: 'INVALID_PARAM', message: 'the local cloud answers only its own token URL' });
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      send(res, 404, { code: 'INVALID_PARAM', message: `the local cloud only answers POST, not ${req.method ?? '?'}` });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const text = size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
      void answerText(answering, text, { url, headers: req.headers, via: 'http' }).then((response) => send(res, 200, response));
    });
    req.on('error', () => res.destroy());
  });
  // No idle timeout of the server's own: the SDK's keep-alive agent drops an idle socket after
  // 4.8 s (freeSocketTimeout). A server-side timeout races that client when both share one
  // event loop (the one-thread shape): after a long synchronous stretch (seeding, an index
  // build over 900,000 documents) the server's expired timer closes a socket the SDK has just
  // written a request into (ECONNRESET). Across machines, as in production, that race cannot
  // arise from one blocked loop; close() still ends every connection.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets of the SDK's agent would hold close() open; requests still running
        // get a moment to finish before their sockets are cut.
        const force = setTimeout(() => server.closeAllConnections(), 1_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
