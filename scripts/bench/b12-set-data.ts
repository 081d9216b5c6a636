// B12: the largest setData payload any page test sends. The page tests run again here (jest's
// miniprogram project) with SETDATA_REPORT set: the render helper records every payload and each
// test file appends its largest; BENCH_SETDATA_REPORT=<file> reads an earlier run's file instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kb, ratio } from './measure';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '..');
const AUDIT_LIMIT = 256 * 1024;
const TARGET = 50 * 1024;

interface FileRecord {
  file: string;
  bytes: number;
  keys: string[];
  test: string;
  calls: number;
}

export const b12: BenchRow = {
  id: 'B12',
  what: 'largest setData payload in the page tests',
  baseline: '256 KB platform audit',
  target: '≤ 50 KB',
  async run() {
    let report = process.env.BENCH_SETDATA_REPORT;
    if (report === undefined || !existsSync(report)) {
      report = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-setdata-')), 'setdata.jsonl');
      if (!existsSync(path.join(ROOT, 'miniprogram/miniprogram_npm'))) spawnSync(process.execPath, ['scripts/pack-npm.mjs'], { cwd: ROOT });
      const jest = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--selectProjects', 'miniprogram'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, SETDATA_REPORT: report },
        },
      );
      if (jest.status !== 0) throw new Error(`the page tests failed:\n${jest.stderr.slice(-2000)}`);
    }
    const records = readFileSync(report, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as FileRecord);
    const largest = records.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const calls = records.reduce((n, r) => n + r.calls, 0);
    const keys =
      largest.keys.length > 4 ? `${largest.keys.slice(0, 4).join(', ')} … (${largest.keys.length} keys)` : largest.keys.join(', ');
    return {
      figure: `${kb(largest.bytes)} (${keys})`,
      versus: `${ratio(largest.bytes / AUDIT_LIMIT)} of 256 KB`,
      meets: largest.bytes <= TARGET,
      notes: [`${calls} setData calls in ${records.length} test files; largest in ${path.basename(largest.file)}: “${largest.test}”`],
    };
  },
};
