#!/usr/bin/env bash
# `npm test`: the whole gate, in the order that fails fastest — types, lint and architecture
# boundaries, the function bundles, the test suites under both time zones, the package size.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

if [ -f scripts/pack-npm.mjs ]; then
  step "pack mini program npm (miniprogram_npm, as 构建npm does)"
  node scripts/pack-npm.mjs
fi

step "typecheck (cloud, tests, mini program)"
npx tsc -p tsconfig.json
npx tsc -p tests/tsconfig.json
if [ -f miniprogram/tsconfig.json ]; then npx tsc -p miniprogram/tsconfig.json; fi

step "lint and architecture boundaries"
npx eslint .
npx depcruise cloudfunctions miniprogram --config .dependency-cruiser.cjs

step "bundle cloud functions"
node scripts/build.mjs

step "tests, TZ=UTC"
TZ=UTC npx jest --ci

step "tests, TZ=Asia/Shanghai"
TZ=Asia/Shanghai npx jest --ci

if [ -f scripts/size-check.mjs ]; then
  step "mini program main package size"
  node scripts/size-check.mjs
fi
