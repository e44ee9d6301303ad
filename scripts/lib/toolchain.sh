# Sourced by the other scripts: puts Node >= 22 and pnpm on PATH and installs dependencies.
# Machines that ship an older Node (Debian's images ship Node 20) get Node 24 from the npm
# registry into .cache/node24, without root and without touching the system's Node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_PREFIX="$ROOT/.cache/node24"
PNPM_VERSION="10.34.9"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$NODE_PREFIX/bin/node" ]; then export PATH="$NODE_PREFIX/bin:$PATH"; fi
  if [ "$(node_major)" -lt 22 ]; then
    command -v npm >/dev/null || fail "Node.js and npm are needed (any version): install them, then run this again."
    say "Node $(node --version 2>/dev/null || echo none) is too old; installing Node 24 into .cache/node24"
    npm install --global --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error node@24 >/dev/null
    export PATH="$NODE_PREFIX/bin:$PATH"
    [ "$(node_major)" -ge 22 ] || fail "Node 24 did not install into $NODE_PREFIX"
  fi
  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    say "Installing pnpm $PNPM_VERSION into .cache/node24"
    npm install --global --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$NODE_PREFIX/bin:$PATH"
  fi
}

install_dependencies() {
  say "Installing dependencies"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent)
  (cd "$ROOT" && pnpm --silent db:generate)
}

# PostgreSQL and Redis: DATABASE_URL / REDIS_URL when set, otherwise the local defaults.
check_services() {
  (cd "$ROOT" && pnpm --silent --filter @idlife/api exec tsx scripts/check-services.ts)
}

build_web() {
  say "Building the web portal"
  (cd "$ROOT" && pnpm --silent --filter @idlife/web build >/dev/null)
}

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Chromium for the browser tests (Debian package)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    fail "The browser tests need Chromium at $chromium: install it (apt-get install chromium) or set CHROMIUM_PATH."
  fi
}

# The directory servers the target-system tests run against: OpenLDAP's slapd (a throwaway server
# per test file) and a Samba AD domain controller (one per machine, started by the first test that
# needs it). Debian packages; installed when missing and apt-get is usable.
ensure_directory_peers() {
  local missing=()
  [ -x /usr/sbin/slapd ] || missing+=(slapd ldap-utils)
  [ -x /usr/sbin/samba ] && [ -x /usr/bin/samba-tool ] || missing+=(samba-ad-dc samba-ad-provision)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing the directory servers for the target-system tests: ${missing[*]} (Debian packages)"
    # slapd's package configuration would ask questions and start a system-wide server: neither is wanted.
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # The packages start system services where an init system runs them; the tests start their own.
    (service slapd stop || true; service samba-ad-dc stop || true) >/dev/null 2>&1
  else
    fail "The target-system tests need OpenLDAP and Samba AD: apt-get install slapd ldap-utils samba-ad-dc samba-ad-provision (as root)."
  fi
}

# Stops the shared Samba AD domain controller the tests started (its state lives in the temp folder).
stop_directory_peers() {
  local pid_file="${TMPDIR:-/tmp}/idlife-samba-dc/samba.pid"
  if [ -f "$pid_file" ]; then kill -TERM -- "-$(cat "$pid_file")" 2>/dev/null || true; fi
}
