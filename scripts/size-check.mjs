#!/usr/bin/env node
// npm run size: every package must stay under WeChat's 2 MB limit with room to spare, so we hold
// the main package to 1 MB and each subpackage to 1.5 MB. It counts what an upload with
// "过滤无依赖文件" ships: app.*, the pages, every component they use (TDesign's included) and
// everything those files import (JS/TS modules, WXSS @import, WXML import/include, WXS). A file a
// subpackage page reaches outside the subpackage's root ships in the main package. TypeScript is
// counted as written (the compiled JS is smaller). Exits 1 over a limit; `--json` prints the
// figures as JSON (for `npm run bench`, B11). Run scripts/pack-npm.mjs first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_KB = 1024;
const SUBPACKAGE_LIMIT_KB = 1536;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mp = path.join(root, 'miniprogram');

let files = new Set();
let seenComponents = new Set();

const exists = (f) => fs.existsSync(f) && fs.statSync(f).isFile();
const read = (f) => fs.readFileSync(f, 'utf8');

function add(file) {
  if (!exists(file) || files.has(file)) return false;
  files.add(file);
  return true;
}

/** A module as the runtime resolves it: relative, absolute from the root, or miniprogram_npm. */
function resolveModule(from, spec) {
  const candidates = [];
  const withExts = (base) => [base, `${base}.js`, `${base}.ts`, path.join(base, 'index.js'), path.join(base, 'index.ts')];
  if (spec.startsWith('.')) candidates.push(...withExts(path.resolve(path.dirname(from), spec)));
  else if (spec.startsWith('/')) candidates.push(...withExts(path.join(mp, spec)));
  else {
    for (let dir = path.dirname(from); dir.startsWith(mp); dir = path.dirname(dir)) {
      candidates.push(...withExts(path.join(dir, 'miniprogram_npm', spec)));
    }
  }
  return candidates.find(exists) ?? null;
}

function visitScript(file) {
  if (!add(file)) return;
  const text = read(file);
  const specs = [
    ...text.matchAll(/(?:^|[^.\w])import\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']/g),
    ...text.matchAll(/(?:^|[^.\w])(?:export\s*[\w*{}\s,]+from\s*)["']([^"']+)["']/g),
    ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  for (const spec of specs) {
    if (/^(import|type)\b/.test(spec)) continue;
    const target = resolveModule(file, spec);
    if (target) visitScript(target);
  }
}

function visitWxss(file) {
  if (!add(file)) return;
  for (const m of read(file).matchAll(/@import\s+["']([^"']+)["']/g)) visitWxss(path.resolve(path.dirname(file), m[1]));
}

function visitWxs(file) {
  if (!add(file)) return;
  for (const m of read(file).matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) visitWxs(path.resolve(path.dirname(file), m[1]));
}

function visitWxml(file) {
  if (!add(file)) return;
  const text = read(file);
  for (const m of text.matchAll(/<(?:import|include)\s+src="([^"]+)"/g)) {
    const target = path.resolve(path.dirname(file), m[1]);
    visitWxml(target.endsWith('.wxml') ? target : `${target}.wxml`);
  }
  for (const m of text.matchAll(/<wxs\s+[^>]*src="([^"]+)"/g)) {
    const target = m[1].startsWith('/') ? path.join(mp, m[1]) : path.resolve(path.dirname(file), m[1]);
    visitWxs(target.endsWith('.wxs') ? target : `${target}.wxs`);
  }
}

/** A page or component: its four files and the components it uses. */
function visitComponent(base) {
  if (seenComponents.has(base)) return;
  seenComponents.add(base);
  const json = `${base}.json`;
  if (!exists(json)) throw new Error(`找不到组件 ${path.relative(mp, base)}（先运行 node scripts/pack-npm.mjs？）`);
  add(json);
  const script = [`${base}.ts`, `${base}.js`].find(exists);
  if (script) visitScript(script);
  visitWxml(`${base}.wxml`);
  visitWxss(`${base}.wxss`);
  const using = JSON.parse(read(json)).usingComponents ?? {};
  for (const ref of Object.values(using)) {
    if (ref.startsWith('plugin://')) continue;
    if (ref.startsWith('/')) visitComponent(path.join(mp, ref));
    else if (ref.startsWith('.')) visitComponent(path.resolve(path.dirname(base), ref));
    else visitComponent(resolveNpmComponent(base, ref));
  }
}

function resolveNpmComponent(from, ref) {
  for (let dir = path.dirname(from); dir.startsWith(mp); dir = path.dirname(dir)) {
    const base = path.join(dir, 'miniprogram_npm', ref);
    if (exists(`${base}.json`)) return base;
    if (exists(path.join(base, 'index.json'))) return path.join(base, 'index');
  }
  throw new Error(`找不到 npm 组件 ${ref}`);
}

/** Every file reached from `visit`, with a fresh walk. */
function reach(visit) {
  files = new Set();
  seenComponents = new Set();
  visit();
  return files;
}

const app = JSON.parse(read(path.join(mp, 'app.json')));
const subpackages = (app.subpackages ?? app.subPackages ?? []).map((sub) => ({ root: sub.root.replace(/\/+$/, ''), pages: sub.pages }));
const rootOf = (file) => subpackages.find((sub) => file.startsWith(path.join(mp, sub.root) + path.sep))?.root ?? null;

const mainFiles = new Set(
  reach(() => {
    add(path.join(mp, 'app.json'));
    for (const f of ['app.ts', 'app.js']) if (exists(path.join(mp, f))) visitScript(path.join(mp, f));
    visitWxss(path.join(mp, 'app.wxss'));
    if (app.sitemapLocation) add(path.join(mp, app.sitemapLocation));
    for (const ref of Object.values(app.usingComponents ?? {})) visitComponent(path.join(mp, ref));
    for (const page of app.pages) visitComponent(path.join(mp, page));
  }),
);
const subFiles = subpackages.map((sub) => {
  const reached = reach(() => {
    for (const page of sub.pages) visitComponent(path.join(mp, sub.root, page));
  });
  const own = new Set();
  for (const file of reached) {
    if (rootOf(file) === sub.root) own.add(file);
    else if (rootOf(file) === null) mainFiles.add(file);
  }
  return { root: sub.root, files: own };
});

const bytesOf = (set) => [...set].reduce((n, f) => n + fs.statSync(f).size, 0);
const kbOf = (set) => bytesOf(set) / 1024;
const figures = {
  main: { kb: kbOf(mainFiles), files: mainFiles.size, limitKb: LIMIT_KB },
  subpackages: subFiles.map((sub) => ({ root: sub.root, kb: kbOf(sub.files), files: sub.files.size, limitKb: SUBPACKAGE_LIMIT_KB })),
  platformLimitKb: 2048,
};
const over = [
  ...(figures.main.kb > LIMIT_KB ? [`主包 ${figures.main.kb.toFixed(1)} KB 超过 ${LIMIT_KB} KB 上限`] : []),
  ...figures.subpackages
    .filter((sub) => sub.kb > sub.limitKb)
    .map((sub) => `分包 ${sub.root} ${sub.kb.toFixed(1)} KB 超过 ${sub.limitKb} KB 上限`),
];

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures));
} else {
  const groups = new Map();
  for (const file of mainFiles) {
    const rel = path.relative(mp, file);
    const key = rel.startsWith('miniprogram_npm') ? rel.split(path.sep).slice(0, 3).join('/') : rel.split(path.sep)[0];
    groups.set(key, (groups.get(key) ?? 0) + fs.statSync(file).size);
  }
  const top = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  for (const [key, bytes] of top) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${key}`);
  console.log(`main package: ${figures.main.kb.toFixed(1)} KB in ${figures.main.files} files (limit ${LIMIT_KB} KB)`);
  for (const sub of figures.subpackages)
    console.log(`subpackage ${sub.root}: ${sub.kb.toFixed(1)} KB in ${sub.files} files (limit ${sub.limitKb} KB)`);
}
if (over.length > 0) {
  for (const line of over) console.error(`size: ${line}`);
  process.exit(1);
}
