// Counts the document reads (database.getDocument) of one collection that reach the local cloud,
// for tests that a cache keeps reads down.
import type { TestApp } from './app';

export function countReads(app: TestApp, collection: string): { reads: () => number; stop: () => void } {
  let n = 0;
  const stop = app.server.cloud.onRequest((r) => {
    if (r.body.collectionName === collection && r.action === 'database.getDocument') n += 1;
  });
  return { reads: () => n, stop };
}
