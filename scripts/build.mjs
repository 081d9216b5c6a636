// Bundles the deployable cloud functions (api, jobs: one index.js each, wx-server-sdk left
// external as the runtime installs it from their package.json) and the local tools.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

// CloudBase offers Node.js 16.13 / 18.15 runtimes; bundle for the older one.
for (const fn of ['api', 'jobs']) {
  await build({
    ...common,
    entryPoints: [`cloudfunctions/${fn}/index.ts`],
    outfile: `cloudfunctions/${fn}/index.js`,
    target: 'node16',
    external: ['wx-server-sdk'],
  });
}

const local = [
  ['cloudfunctions/_local/main.ts', '.build/local-server.js'],
  ['scripts/bench.ts', '.build/bench.js'],
  ['scripts/deploy/cli.ts', '.build/deploy.js'],
  ['scripts/admin/cli.ts', '.build/admin.js'],
];
for (const [entry, outfile] of local) {
  if (!existsSync(entry)) continue;
  await build({
    ...common,
    entryPoints: [entry],
    outfile,
    target: 'node18',
    // The SDK stays a real node_modules package locally too: the code that runs is the pinned release.
    external: ['wx-server-sdk', '@cloudbase/*', 'mingo', 'esbuild', 'typescript', 'miniprogram-ci', 'qrcode'],
  });
}
console.log(
  [
    'built: cloudfunctions/api/index.js',
    'cloudfunctions/jobs/index.js',
    ...local.filter(([entry]) => existsSync(entry)).map(([, out]) => out),
  ].join(', '),
);
