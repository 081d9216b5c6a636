// Bundles the deployable cloud functions (api, jobs: one self-contained index.js each, the pinned
// wx-server-sdk inside) and the local tools. `--functions-to DIR` writes only the two function
// bundles, under DIR/api and DIR/jobs (tests and the bench build their own copies there).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

// @cloudbase/node-sdk reads its version from its own package.json at run time (for the
// User-Agent and X-SDK-Version headers); inside a bundle that file is not beside it, so the
// version is written in at build time instead — the same value the installed package reports.
const nodeSdkVersion = {
  name: 'node-sdk-version',
  setup(b) {
    b.onLoad({ filter: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => {
      const { version } = JSON.parse(readFileSync('node_modules/@cloudbase/node-sdk/package.json', 'utf8'));
      return {
        contents: `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.version = ${JSON.stringify(version)};\n`,
        loader: 'js',
      };
    });
  },
};

const args = process.argv.slice(2);
const to = args.indexOf('--functions-to');
const functionsDir = to >= 0 ? args[to + 1] : null;

// CloudBase offers Node.js 16.13 / 18.15 runtimes; bundle for the older one. wx-server-sdk is
// bundled too (the version package.json pins): a cold instance then reads one file instead of
// resolving and compiling some 400 modules from node_modules (bench B5). Whitespace and syntax
// are minified; names are kept, so stack traces in the function logs stay readable.
for (const fn of ['api', 'jobs']) {
  await build({
    ...common,
    entryPoints: [`cloudfunctions/${fn}/index.ts`],
    outfile: functionsDir ? `${functionsDir}/${fn}/index.js` : `cloudfunctions/${fn}/index.js`,
    target: 'node16',
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [nodeSdkVersion],
  });
}
if (functionsDir) {
  console.log(`built: ${functionsDir}/api/index.js, ${functionsDir}/jobs/index.js`);
  process.exit(0);
}

const local = [
  ['cloudfunctions/_local/main.ts', '.build/local-server.js'],
  // The local cloud's own thread (npm start and the bench's load rows start it from this file).
  ['cloudfunctions/_local/cloud/worker.ts', '.build/local-cloud-worker.js'],
  // A function instance's own thread (npm start and the load rows run four).
  ['cloudfunctions/_local/instance-worker.ts', '.build/local-instance-worker.js'],
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
