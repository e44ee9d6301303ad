#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL, Redis and Chromium.
source "$(dirname "$0")/lib/toolchain.sh"
ensure_node
install_dependencies
check_services
ensure_chromium
ensure_directory_peers
build_web
say "Type-checking"
(cd "$ROOT" && pnpm --silent typecheck)
say "Running the tests"
mkdir -p "$ROOT/.run"
cd "$ROOT"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.run/test-results.json "$@" || status=$?
stop_directory_peers
node -e '
  const results = require(process.argv[1]);
  console.log(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`);
' "$ROOT/.run/test-results.json" 2>/dev/null || true
exit $status
