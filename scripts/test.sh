#!/usr/bin/env bash
# `npm test`: every package's jest suite through turbo, then one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
find apps packages sandboxes tools tests -maxdepth 2 -name .jest-results.json -delete
npx turbo run test --concurrency=1 --continue "$@"
code=$?
node scripts/test-summary.js || code=1
exit $code
