#!/usr/bin/env bash
# Runs the test suites (default: unit, integration and e2e) and prints one closing line
# "tests: N passed, N failed, N skipped". Any skipped test fails the run: CI has root and BPF,
# so a kernel test that did not run is a failure, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(test/unit test/integration test/e2e)
# Unit tests need no privileges; the others create namespaces and load BPF programs.
if [ "$(id -u)" -ne 0 ] && [ "${suites[*]}" != "test/unit" ]; then
  echo "test: ${suites[*]} create network namespaces and load BPF programs: run as root (or 'make test-unit')" >&2
  exit 1
fi

mkdir -p build
report=build/test-report.json
rm -f "$report"
vitest run --reporter=default --reporter=json --outputFile.json="$report" "${suites[@]}"
status=$?

if [ ! -s "$report" ]; then
  echo "test: vitest wrote no report ($report)" >&2
  exit 1
fi
node -e '
const r = require(process.argv[1]);
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
if (skipped > 0) { console.error("test: skipped tests count as failures"); process.exit(1); }
if (r.numTotalTests === 0) { console.error("test: no test ran"); process.exit(1); }
' "$PWD/$report" || exit 1
exit $status
