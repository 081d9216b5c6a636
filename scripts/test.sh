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

step "deploy dry run: the plan for the demo configuration, checked against the code"
node .build/deploy.js --dry-run --env-file deploy.env.example > /dev/null

RESULTS="$(mktemp -d)"
step "tests, TZ=UTC"
TZ=UTC npx jest --ci --json --outputFile="$RESULTS/utc.json"

step "tests, TZ=Asia/Shanghai"
TZ=Asia/Shanghai npx jest --ci --json --outputFile="$RESULTS/shanghai.json"

if [ -f scripts/size-check.mjs ]; then
  step "mini program package sizes (main ≤ 1 MB, each subpackage ≤ 1.5 MB)"
  node scripts/size-check.mjs
fi

# One plain closing line for both runs together.
node -e '
const runs = process.argv.slice(1).map((f) => require(f));
const passed = runs.reduce((n, r) => n + r.numPassedTests, 0);
const failed = runs.reduce((n, r) => n + r.numFailedTests, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$RESULTS/utc.json" "$RESULTS/shanghai.json"
