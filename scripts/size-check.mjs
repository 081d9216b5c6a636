#!/usr/bin/env node
// npm run size: the main package must stay under WeChat's 2 MB limit with room to spare, so we
// hold it to 1 MB; each subpackage (staff/, admin/) to 1.5 MB. A subpackage counts the files under
// its root its pages reach; a file outside every subpackage root ships in the main package, even
// when only a subpackage uses it, so it is counted there. It counts what an upload with "过滤无依赖文件" ships in the main package: app.*,
// the main-package pages, every component they use (TDesign's included) and everything those
// files import (JS/TS modules, WXSS @import, WXML import/include, WXS). TypeScript is counted as
// written (the compiled JS is smaller). Exits 1 over the limit; run scripts/pack-npm.mjs first.
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

const app = JSON.parse(read(path.join(mp, 'app.json')));
add(path.join(mp, 'app.json'));
for (const f of ['app.ts', 'app.js']) if (exists(path.join(mp, f))) visitScript(path.join(mp, f));
visitWxss(path.join(mp, 'app.wxss'));
if (app.sitemapLocation) add(path.join(mp, app.sitemapLocation));
for (const ref of Object.values(app.usingComponents ?? {})) visitComponent(path.join(mp, ref));
for (const page of app.pages) visitComponent(path.join(mp, page));

// What the subpackages reach: their own files, and main-package files only they use.
const mainFiles = files;
const subpackages = (app.subpackages ?? app.subPackages ?? []).map((sub) => {
  files = new Set();
  seenComponents = new Set();
  const root = path.join(mp, sub.root);
  for (const page of sub.pages) visitComponent(path.join(root, page));
  const inRoot = (f) => f.startsWith(`${root}${path.sep}`);
  const own = [...files].filter(inRoot);
  return { root: sub.root, own, reached: [...files] };
});
const subRoots = subpackages.map((s) => path.join(mp, s.root));
for (const sub of subpackages) {
  for (const f of sub.reached) if (!subRoots.some((r) => f.startsWith(`${r}${path.sep}`))) mainFiles.add(f);
}
files = mainFiles;

const sizes = [...files].map((f) => ({ file: path.relative(mp, f), bytes: fs.statSync(f).size }));
const total = sizes.reduce((s, x) => s + x.bytes, 0);
const kb = total / 1024;
const groups = new Map();
for (const { file, bytes } of sizes) {
  const key = file.startsWith('miniprogram_npm') ? file.split(path.sep).slice(0, 3).join('/') : file.split(path.sep)[0];
  groups.set(key, (groups.get(key) ?? 0) + bytes);
}
const top = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
for (const [key, bytes] of top) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${key}`);
console.log(`main package: ${kb.toFixed(1)} KB in ${files.size} files (limit ${LIMIT_KB} KB)`);
let over = kb > LIMIT_KB;
if (over) console.error(`size: 主包 ${kb.toFixed(1)} KB 超过 ${LIMIT_KB} KB 上限`);
for (const sub of subpackages) {
  const subKb = sub.own.reduce((n, f) => n + fs.statSync(f).size, 0) / 1024;
  console.log(`subpackage ${sub.root}/: ${subKb.toFixed(1)} KB in ${sub.own.length} files (limit ${SUBPACKAGE_LIMIT_KB} KB)`);
  if (subKb > SUBPACKAGE_LIMIT_KB) {
    console.error(`size: 分包 ${sub.root}/ ${subKb.toFixed(1)} KB 超过 ${SUBPACKAGE_LIMIT_KB} KB 上限`);
    over = true;
  }
}
if (over) process.exit(1);
