// The two thread entries of the local server (the local cloud's, a function instance's), bundled
// for a test the way `npm run build` bundles them for npm start, into a folder of this test
// process's own under .build/ (so the SDK resolves from node_modules, and parallel test files do
// not write over each other's files).
import { build } from 'esbuild';
import type { ThreadedCloud } from '../../cloudfunctions/_local/cloud';
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ThreadBundles {
  cloudWorker: string;
  instanceWorker: string;
  remove(): void;
}

export async function buildThreadBundles(): Promise<ThreadBundles> {
  const dir = join(ROOT, '.build', `test-threads-${process.pid}-${Date.now()}`);
  const entries: Array<[string, string]> = [
    ['cloudfunctions/_local/cloud/worker.ts', 'local-cloud-worker.js'],
    ['cloudfunctions/_local/instance-worker.ts', 'local-instance-worker.js'],
  ];
  await Promise.all(
    entries.map(([entry, out]) =>
      build({
        entryPoints: [join(ROOT, entry)],
        outfile: join(dir, out),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        logLevel: 'warning',
        external: ['wx-server-sdk', '@cloudbase/*', 'mingo'],
      }),
    ),
  );
  return {
    cloudWorker: join(dir, 'local-cloud-worker.js'),
    instanceWorker: join(dir, 'local-instance-worker.js'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The local server as npm start runs it (an empty store, `admin` the super admin), from these bundles. */
export function startThreadedServer(bundles: ThreadBundles, admin: string, instances: number): Promise<LocalServer<ThreadedCloud>> {
  return startLocalServer({
    port: 0,
    dataDir: null,
    seed: false,
    superAdmins: [admin],
    cloudWorker: bundles.cloudWorker,
    instances: { worker: bundles.instanceWorker, count: instances },
  });
}
