#!/usr/bin/env bash
# Quick start: installs, migrates, seeds the demo tenant, builds the portal, and runs the API
# and the worker until Ctrl-C.
source "$(dirname "$0")/lib/toolchain.sh"
ensure_node
# IDLIFE_SKIP_SETUP=1 skips install and build when they were just done (the test of this script).
if [ "${IDLIFE_SKIP_SETUP:-0}" != 1 ]; then install_dependencies; fi
check_services
say "Migrating the database"
(cd "$ROOT" && pnpm --silent db:migrate)
say "Seeding the demo tenant"
SEED_OUTPUT="$(cd "$ROOT" && pnpm --silent db:seed)"
if [ "${IDLIFE_SKIP_SETUP:-0}" != 1 ]; then build_web; fi

PORT="${PORT:-3000}"
export PORT
mkdir -p "$ROOT/.run"
say "Starting the API and the worker"
(cd "$ROOT/apps/api" && exec node --no-node-snapshot --import tsx src/main.ts) &
API_PID=$!
(cd "$ROOT/apps/worker" && exec node --no-node-snapshot --import tsx src/main.ts) &
WORKER_PID=$!
trap 'kill -TERM $API_PID $WORKER_PID 2>/dev/null; wait' INT TERM EXIT

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then break; fi
  kill -0 $API_PID 2>/dev/null || fail "The API did not start; see the messages above."
  sleep 0.5
done

cat <<INFO

  idlife is running.
    Portal:    http://localhost:$PORT/
    API:       http://localhost:$PORT/api/v1
    API docs:  http://localhost:$PORT/api/docs

$SEED_OUTPUT

  Ctrl-C stops the API and the worker.
INFO
wait
