// The local cloud's face for function instances in threads of their own (npm start, the bench's
// load rows): the same database API as POST /admin, over a MessagePort instead of loopback HTTP.
// The instance's SDK reaches it through @cloudbase/database's own transport hook, Db.reqClass
// (port-requester.ts): every query is still built by the unmodified SDK and answered by the same
// `answer` with the same limits and errors; only the HTTP round trip is left out — on a two-core
// machine it was half of each call's time (its signing, the client, the server's parsing).
import type { MessagePort } from 'node:worker_threads';
import { answerText, MAX_BODY_BYTES, type Answering } from './server';

/** A request as the instance's requester posts it: the body's JSON text, as HTTP would carry it. */
export interface PortRequest {
  readonly id: number;
  readonly text: string;
}

/** The answer's JSON text, as HTTP would carry it. */
export interface PortAnswer {
  readonly id: number;
  readonly text: string;
}

/** Answers the requests arriving on `port` until it closes. */
export function servePort(answering: Answering, port: MessagePort, url: string): void {
  port.on('message', (request: PortRequest) => {
    const text = Buffer.byteLength(request.text, 'utf8') > MAX_BODY_BYTES ? undefined : request.text;
    void answerText(answering, text, { url, headers: {}, via: 'port' }).then((response) => {
      const reply: PortAnswer = { id: request.id, text: JSON.stringify(response) };
      port.postMessage(reply);
    });
  });
}
