// B5: what a cold `api` instance pays before its first answer — require, SDK init, the first call
// (report.mine by a resident, through the local cloud) — in a fresh node process each time. The
// deployed bundle (scripts/build.mjs: one file, the pinned wx-server-sdk inside) against the same
// handler unbundled: every source file compiled on its own, zod, wx-server-sdk and their
// dependencies resolved from node_modules as a plain `tsc` build would deploy them. Alternating
// pairs, timed in the child's CPU time from before the require to the answer.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startLocalCloud } from '../../cloudfunctions/_local/cloud';
import { createCollections } from '../../cloudfunctions/_local/collections';
import { median, num, ratio } from './measure';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.build', 'b5');
const TARGET = 0.7;
const PAIRS = Number(process.env.BENCH_B5_PAIRS ?? 9);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== '_local' && name !== 'node_modules') sources(full, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

async function buildAll(): Promise<{ bundle: string; unbundled: string; sdkOutside: string }> {
  rmSync(OUT, { recursive: true, force: true });
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--functions-to', path.join(OUT, 'bundle')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build: ${built.stderr}`);
  const { build } = await import('esbuild');
  await build({
    entryPoints: sources(path.join(ROOT, 'cloudfunctions')),
    outdir: path.join(OUT, 'unbundled'),
    outbase: path.join(ROOT, 'cloudfunctions'),
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    logLevel: 'warning',
  });
  // How the functions were bundled before: everything but wx-server-sdk, which came from node_modules.
  await build({
    entryPoints: [path.join(ROOT, 'cloudfunctions', 'api', 'index.ts')],
    outfile: path.join(OUT, 'sdk-outside', 'api', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  });
  return {
    bundle: path.join(OUT, 'bundle', 'api', 'index.js'),
    unbundled: path.join(OUT, 'unbundled', 'api', 'index.js'),
    sdkOutside: path.join(OUT, 'sdk-outside', 'api', 'index.js'),
  };
}

interface Cold {
  cpuMs: number;
  wallMs: number;
  requireMs: number;
}

function coldStart(file: string, cloudUrl: string): Promise<Cold> {
  const script = [
    'const c0 = process.cpuUsage(); const w0 = performance.now();',
    `const fn = require(${JSON.stringify(file)});`,
    'const c1 = process.cpuUsage(c0);',
    "fn.main({ action: 'report.mine', params: {} }).then((answer) => {",
    '  const c2 = process.cpuUsage(c0);',
    '  if (!answer.ok) { console.error(JSON.stringify(answer)); process.exit(2); }',
    '  process.stdout.write(JSON.stringify({ cpuMs: (c2.user + c2.system) / 1000, wallMs: performance.now() - w0, requireMs: (c1.user + c1.system) / 1000 }));',
    '  process.exit(0);',
    '});',
  ].join('\n');
  const env = {
    ...process.env,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloudUrl }),
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'bench-secret-id',
    TENCENTCLOUD_SECRETKEY: 'bench-secret-key',
    WX_CONTEXT_KEYS: 'WX_OPENID',
    WX_OPENID: 'bench-cold-resident',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: path.dirname(file), env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Cold) : reject(new Error(`cold start of ${file}: exit ${code} ${err.slice(-1000)}`)),
    );
  });
}

export const b05: BenchRow = {
  id: 'B5',
  what: 'cloud function cold init (fresh process: require + init + first call)',
  baseline: 'the same handler from unbundled node_modules',
  target: `≤ ${TARGET}×`,
  async run() {
    const { bundle, unbundled, sdkOutside } = await buildAll();
    const cloud = await startLocalCloud({ enforceIndexes: true });
    try {
      await createCollections(cloud);
      await coldStart(bundle, cloud.url); // the page cache warm for both
      await coldStart(unbundled, cloud.url);
      const b: Cold[] = [];
      const u: Cold[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        const ub = await coldStart(unbundled, cloud.url);
        const bb = await coldStart(bundle, cloud.url);
        u.push(ub);
        b.push(bb);
        ratios.push(bb.cpuMs / ub.cpuMs);
      }
      const before: number[] = [];
      for (let i = 0; i < Math.min(PAIRS, 5); i++) before.push((await coldStart(sdkOutside, cloud.url)).cpuMs);
      const r = median(ratios);
      const med = (list: Cold[], key: keyof Cold): number => median(list.map((c) => c[key]));
      const size = (file: string): number => statSync(file).size / 1024;
      return {
        figure: `${num(med(b, 'cpuMs'))} ms CPU to the first answer (require ${num(med(b, 'requireMs'))} ms; wall ${num(med(b, 'wallMs'))} ms), one ${num(size(bundle))} KB file`,
        versus: `unbundled ${num(med(u, 'cpuMs'))} ms (require ${num(med(u, 'requireMs'))} ms; wall ${num(med(u, 'wallMs'))} ms) → ${ratio(r)}`,
        meets: r <= TARGET,
        notes: [
          `${PAIRS} alternating pairs of fresh processes; the first call is report.mine by a resident through the local cloud; the ratio is the median of the pairs' CPU ratios`,
          `the bundle as it was before (wx-server-sdk left to node_modules): ${num(median(before))} ms → ${ratio(median(before) / med(u, 'cpuMs'))}`,
        ],
      };
    } finally {
      await cloud.close();
    }
  },
};
