// B11: mini program package sizes, as scripts/size-check.mjs counts them (the files an upload with
// "过滤无依赖文件" ships; a subpackage page's files outside its root count in the main package).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { num, ratio } from './measure';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '..');

interface Figures {
  main: { kb: number; files: number; limitKb: number };
  subpackages: { root: string; kb: number; files: number; limitKb: number }[];
  platformLimitKb: number;
}

export const b11: BenchRow = {
  id: 'B11',
  what: 'mini program main package / each subpackage',
  baseline: '2 MB platform limit',
  target: '≤ 1 MB / ≤ 1.5 MB',
  async run() {
    if (!existsSync(path.join(ROOT, 'miniprogram/miniprogram_npm'))) {
      const packed = spawnSync(process.execPath, ['scripts/pack-npm.mjs'], { cwd: ROOT, encoding: 'utf8' });
      if (packed.status !== 0) throw new Error(`pack-npm: ${packed.stderr}`);
    }
    const run = spawnSync(process.execPath, ['scripts/size-check.mjs', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const figures = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Figures;
    const limit = figures.platformLimitKb;
    const subs = figures.subpackages.map((s) => `${s.root} ${num(s.kb)} KB (${ratio(s.kb / limit)})`).join(', ');
    const meets = figures.main.kb <= figures.main.limitKb && figures.subpackages.every((s) => s.kb <= s.limitKb);
    return {
      figure: `main ${num(figures.main.kb)} KB; ${subs}`,
      versus: `main = ${ratio(figures.main.kb / limit)} of ${num(limit)} KB`,
      meets,
      notes: [`main package: ${figures.main.files} files; TypeScript counted as written (compiled JS is smaller)`],
    };
  },
};
