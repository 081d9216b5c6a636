#!/usr/bin/env bash
# `npm test`: the whole gate, in the order that fails fastest — types, lint and architecture
# boundaries, the function bundles, the test suites (all of them under UTC, the time-bound ones
# under Asia/Shanghai as well), the package size.
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

RESULTS="$(mktemp -d)"
step "tests, TZ=UTC"
TZ=UTC npx jest --ci --json --outputFile="$RESULTS/utc.json"

# The second zone runs only where time matters: the domain (calendar, deadlines), the use cases,
# end to end, and the mini program suites that pin the clock or test the time formats (those that
# import support/clock or utils/time: the time views). The rest (the local cloud's contract,
# geometry, services, components without times) does not read the zone; running it twice cost minutes.
mapfile -t TIME_VIEWS < <(grep -lE "support/clock|utils/time" tests/miniprogram/*.test.ts)
step "tests, TZ=Asia/Shanghai (domain, use cases, end to end, ${#TIME_VIEWS[@]} mini program time views)"
TZ=Asia/Shanghai npx jest --ci --json --outputFile="$RESULTS/shanghai.json" tests/_core/domain tests/_core/app tests/e2e "${TIME_VIEWS[@]}"

if [ -f scripts/size-check.mjs ]; then
  step "mini program main package size"
  node scripts/size-check.mjs
fi

# One plain closing line for both runs together.
node -e '
const runs = process.argv.slice(1).map((f) => require(f));
const passed = runs.reduce((n, r) => n + r.numPassedTests, 0);
const failed = runs.reduce((n, r) => n + r.numFailedTests, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$RESULTS/utc.json" "$RESULTS/shanghai.json"
