#!/usr/bin/env bash
# `npm test`: the whole gate, in the order that fails fastest — types, lint and architecture
# boundaries, the function bundles, the test suites (all of them under UTC, the time-bound ones
# under Asia/Shanghai as well), the package size.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "pack mini program npm (miniprogram_npm, as 构建npm does)"
node scripts/pack-npm.mjs

step "typecheck (cloud, tests, mini program)"
npx tsc -p tsconfig.json
npx tsc -p tests/tsconfig.json
npx tsc -p miniprogram/tsconfig.json

step "format, lint and architecture boundaries"
npx prettier --check .
npx eslint .
npx depcruise cloudfunctions miniprogram scripts --config .dependency-cruiser.cjs

step "bundle cloud functions"
node scripts/build.mjs

step "deploy dry run: the plan for the demo configuration, checked against the code"
node .build/deploy.js --dry-run --env-file deploy.env.example > /dev/null

RESULTS="$(mktemp -d)"
TESTS_OK=1
step "tests, TZ=UTC (all suites)"
TZ=UTC npx jest --ci --json --outputFile="$RESULTS/utc.json" || TESTS_OK=0

# The second zone runs only where time matters: the domain's calendar and deadline rules, the use
# cases, end to end, and the mini program suites that pin the clock or test the time formats (those
# importing support/clock or utils/time, or opening their page with support/page's pageUnderTest,
# which fixes the clock unless given { realClock: true }: the time views). The rest — the local
# cloud's contract, geometry, services, components without times — does not read the zone. (The two
# runs stay one after the other: side by side, the contention suites' wall-clock retry budgets run out.)
mapfile -t TIME_VIEWS < <(grep -lE "support/clock|utils/time|pageUnderTest\('[^']+'\)" tests/miniprogram/*.test.ts)
step "tests, TZ=Asia/Shanghai (domain, use cases, end to end, ${#TIME_VIEWS[@]} mini program time views)"
TZ=Asia/Shanghai npx jest --ci --json --outputFile="$RESULTS/shanghai.json" \
  tests/_core/domain/calendar tests/_core/domain/*.test.ts tests/_core/app tests/e2e "${TIME_VIEWS[@]}" || TESTS_OK=0

# Issue 10's suite: the authorization matrix, hostile input, the lifecycle model, faults, privacy,
# configuration as code and the timeline verifier, with its table of figures (non-zero on a miss).
step "verify (npm run verify: the suite that keeps finding what a hostile tester found)"
node scripts/verify.mjs --json-out "$RESULTS/verify.json" || TESTS_OK=0

if [ "$TESTS_OK" = 1 ]; then
  step "mini program package sizes (main ≤ 1 MB, each subpackage ≤ 1.5 MB)"
  node scripts/size-check.mjs
fi

# One plain closing line for all runs together (a run that could not report counts as failed).
node -e '
const fs = require("fs");
const runs = process.argv.slice(1).map((f) => (fs.existsSync(f) ? require(f) : { numPassedTests: 0, numFailedTests: 1 }));
const passed = runs.reduce((n, r) => n + r.numPassedTests, 0);
const failed = runs.reduce((n, r) => n + r.numFailedTests, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$RESULTS/utc.json" "$RESULTS/shanghai.json" "$RESULTS/verify.json"
[ "$TESTS_OK" = 1 ]
