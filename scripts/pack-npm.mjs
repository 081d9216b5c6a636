#!/usr/bin/env node
// Produces miniprogram/miniprogram_npm/ the way the devtools' "构建 npm" does for this project
// (packNpmRelationList: ./package.json → ./miniprogram/): every root `dependencies` package that
// ships a mini program build (its package.json `miniprogram` field, default miniprogram_dist) is
// copied to miniprogram_npm/<name>/. Tests and the preview render against this folder; it is
// git-ignored. Idempotent and fast: a stamp records what was copied, and an unchanged stamp
// skips the copy.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'miniprogram', 'miniprogram_npm');
const stampFile = path.join(distDir, '.pack-npm.json');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function resolvePackageDir(name) {
  const dir = path.join(root, 'node_modules', name);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`${name} 未安装：请先运行 npm ci`);
  }
  return dir;
}

function plan() {
  const deps = Object.keys(readJson(path.join(root, 'package.json')).dependencies ?? {}).sort();
  return deps.map((name) => {
    const dir = resolvePackageDir(name);
    const pkg = readJson(path.join(dir, 'package.json'));
    const source = path.join(dir, pkg.miniprogram ?? 'miniprogram_dist');
    if (!fs.existsSync(source)) {
      // 构建 npm would bundle a plain npm package's main entry; nothing here needs that yet.
      throw new Error(`${name} 没有小程序构建目录（package.json 的 miniprogram 字段）；pack-npm 只支持小程序组件包`);
    }
    return { name, version: pkg.version, source, target: path.join(distDir, name) };
  });
}

function main() {
  const started = Date.now();
  const packages = plan();
  const stamp = JSON.stringify(packages.map(({ name, version }) => ({ name, version })));
  const upToDate =
    fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && packages.every((p) => fs.existsSync(p.target));
  if (upToDate && !process.argv.includes('--force')) {
    console.log(`pack-npm: miniprogram_npm 已是最新（${packages.map((p) => `${p.name}@${p.version}`).join(', ')}）`);
    return;
  }
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.mkdirSync(distDir, { recursive: true });
  for (const p of packages) {
    fs.cpSync(p.source, p.target, { recursive: true });
  }
  fs.writeFileSync(stampFile, stamp);
  console.log(
    `pack-npm: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')} → miniprogram/miniprogram_npm（${Date.now() - started} ms）`,
  );
}

main();
