#!/usr/bin/env bash
# Quick start: installs, migrates, seeds the demo tenant, builds the portal, and runs the API
# and the worker until Ctrl-C, restarting either when it crashes.
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
# Where the API's and the worker's current process ids are written (api.pid, worker.pid).
RUN_DIR="${IDLIFE_RUN_DIR:-$ROOT/.run}"
mkdir -p "$RUN_DIR"
# A process that crashes this many times within a minute is not restarted again.
MAX_CRASHES_PER_MINUTE=10

# Runs one app (api or worker) and starts it again when it exits while nobody asked it to stop,
# after a short pause that grows with repeated crashes. On SIGTERM (which start.sh sends on
# Ctrl-C) it stops its app and does not start it again.
supervise() {
  local name="$1" child="" stopping=0 status crashes=() kept now delay
  trap 'stopping=1; if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null; fi' TERM
  while :; do
    (cd "$ROOT/apps/$name" && exec node --no-node-snapshot --import tsx src/main.ts) &
    child=$!
    echo "$child" > "$RUN_DIR/$name.pid"
    status=0
    wait "$child" || status=$?
    # A signal to this loop ends `wait` early: wait until the app has really exited.
    while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
    if [ "$stopping" = 1 ]; then exit 0; fi
    now="$(date +%s)"
    kept=()
    for crash in ${crashes[@]+"${crashes[@]}"}; do
      if [ $((now - crash)) -lt 60 ]; then kept+=("$crash"); fi
    done
    crashes=(${kept[@]+"${kept[@]}"} "$now")
    if [ "${#crashes[@]}" -ge "$MAX_CRASHES_PER_MINUTE" ]; then
      printf '\033[31mError: the %s crashed %s times within a minute; not restarting it again. See its messages above, fix the cause and run ./scripts/start.sh again.\033[0m\n' "$name" "${#crashes[@]}" >&2
      exit 1
    fi
    delay=$(( ${#crashes[@]} < 5 ? ${#crashes[@]} : 5 ))
    printf '\033[33m==> The %s stopped unexpectedly (exit status %s); restarting it in %ss\033[0m\n' "$name" "$status" "$delay" >&2
    sleep "$delay" &
    wait $! || true
    if [ "$stopping" = 1 ]; then exit 0; fi
  done
}

say "Starting the API and the worker"
supervise api &
API_SUPERVISOR=$!
supervise worker &
WORKER_SUPERVISOR=$!
stop_all() {
  trap - INT TERM EXIT
  kill -TERM "$API_SUPERVISOR" "$WORKER_SUPERVISOR" 2>/dev/null || true
  wait || true
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then break; fi
  kill -0 "$API_SUPERVISOR" 2>/dev/null || fail "The API did not start; see the messages above."
  sleep 0.5
done

cat <<INFO

  idlife is running.
    Portal:    http://localhost:$PORT/
    API:       http://localhost:$PORT/api/v1
    API docs:  http://localhost:$PORT/api/docs

$SEED_OUTPUT

  Ctrl-C stops the API and the worker; either is restarted if it crashes.
INFO
# Runs until Ctrl-C, or until the API or the worker crashed too often (its supervisor gave up).
status=0
wait -n "$API_SUPERVISOR" "$WORKER_SUPERVISOR" || status=$?
exit "$status"
