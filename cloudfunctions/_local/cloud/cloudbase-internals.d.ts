// node-sdk 3.17.2 (pinned) ships no declaration beside this file: the one function of it the
// port requester uses to turn an error answer into the SDK's own error, as its HTTP requester does.
declare module '@cloudbase/node-sdk/dist/utils/utils' {
  /** Throws node-sdk's TcbError for an answer with a code (or returns it, when the SDK was told not to throw). */
  export function processReturn(result: unknown): unknown;
}
