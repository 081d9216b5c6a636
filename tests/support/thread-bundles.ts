// The two thread entries of the local server (the local cloud's, a function instance's), bundled
// for a test the way `npm run build` bundles them for npm start, into a folder of this test
// process's own under .build/ (so the SDK resolves from node_modules, and parallel test files do
// not write over each other's files).
import { build } from 'esbuild';
import type { ThreadedCloud } from '../../cloudfunctions/_local/cloud';
import { startLocalServer, threadEntries, type LocalServer } from '../../cloudfunctions/_local/server';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ThreadBundles {
  /** The folder with the two entries, named as threadEntries expects them. */
  dir: string;
  remove(): void;
}

export async function buildThreadBundles(): Promise<ThreadBundles> {
  const dir = join(ROOT, '.build', `test-threads-${process.pid}-${Date.now()}`);
  const { cloudWorker, instances } = threadEntries(dir, 1);
  const entries: Array<[string, string]> = [
    ['cloudfunctions/_local/cloud/worker.ts', cloudWorker],
    ['cloudfunctions/_local/instance-worker.ts', instances.worker],
  ];
  await Promise.all(
    entries.map(([entry, outfile]) =>
      build({
        entryPoints: [join(ROOT, entry)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        logLevel: 'warning',
        external: ['wx-server-sdk', '@cloudbase/*', 'mingo'],
      }),
    ),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The local server as npm start runs it (an empty store, `admin` the super admin), from these bundles. */
export function startThreadedServer(bundles: ThreadBundles, admin: string, instances: number): Promise<LocalServer<ThreadedCloud>> {
  return startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [admin], ...threadEntries(bundles.dir, instances) });
}
