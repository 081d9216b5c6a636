// Which preview spec each page of app.json needs (see tests/miniprogram/preview-specs.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { MP_ROOT } from './render';

interface AppJson {
  pages: string[];
  subpackages?: Array<{ root: string; pages: string[] }>;
  subPackages?: Array<{ root: string; pages: string[] }>;
}

export interface ExpectedSpec {
  /** The page path as app.json lists it, with its subpackage root. */
  page: string;
  file: string;
}

/** pages/<x>/<x> → <x>.preview.ts; in subpackage <root>: <root>-<x>.preview.ts. */
export function specFileOf(page: string, root: string | null): string {
  const m = /^pages\/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(page);
  if (!m || m[1] !== m[2]) throw new Error(`页面路径 ${page} 不是 pages/<x>/<x> 的形式`);
  return `${root ? `${root.replace(/\/$/, '')}-` : ''}${m[1]}.preview.ts`;
}

export function expectedSpecs(): ExpectedSpec[] {
  const app = JSON.parse(fs.readFileSync(path.join(MP_ROOT, 'app.json'), 'utf8')) as AppJson;
  const main = app.pages.map((p) => ({ page: p, file: specFileOf(p, null) }));
  const subs = [...(app.subpackages ?? []), ...(app.subPackages ?? [])].flatMap((s) =>
    s.pages.map((p) => ({ page: `${s.root}/${p}`, file: specFileOf(p, s.root) })),
  );
  return [...main, ...subs];
}
