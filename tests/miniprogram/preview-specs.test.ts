// Every page in app.json has a preview spec (npm run preview draws every page state from them):
// main-package pages/<x>/<x> → tests/miniprogram/preview/<x>.preview.ts, subpackage page
// <root>/pages/<x>/<x> → <root>-<x>.preview.ts. Runs without Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { expectedSpecs, specFileOf } from './support/preview-specs';

const SPEC_DIR = path.resolve(__dirname, 'preview');

test('every page listed in app.json (main package and subpackages) has a preview spec', () => {
  const expected = expectedSpecs();
  expect(expected.length).toBeGreaterThan(0);
  const missing = expected
    .filter((s) => !fs.existsSync(path.join(SPEC_DIR, s.file)))
    .map((s) => `${s.page} → tests/miniprogram/preview/${s.file}`);
  expect(missing).toEqual([]);
});

test('no spec is left for a page that app.json no longer lists', () => {
  const wanted = new Set(expectedSpecs().map((s) => s.file));
  const stale = fs.readdirSync(SPEC_DIR).filter((f) => f.endsWith('.preview.ts') && !wanted.has(f));
  expect(stale).toEqual([]);
});

test('the naming rule', () => {
  expect(specFileOf('pages/report-success/report-success', null)).toBe('report-success.preview.ts');
  expect(specFileOf('pages/home/home', 'staff')).toBe('staff-home.preview.ts');
  expect(specFileOf('pages/queue/queue', 'admin')).toBe('admin-queue.preview.ts');
  expect(() => specFileOf('pages/a/b', null)).toThrow();
});
