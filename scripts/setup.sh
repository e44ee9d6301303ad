#!/usr/bin/env bash
# Set-up helper: Node 24 (from the npm registry when the machine's Node is older than 22),
# pnpm, the dependencies, the Prisma client, Chromium for the browser tests, and OpenLDAP + Samba AD for the
# target-system tests.
# start.sh and test.sh call the same steps; run this alone to prepare a machine.
source "$(dirname "$0")/lib/toolchain.sh"
ensure_node
install_dependencies
ensure_chromium
ensure_directory_peers
say "Ready: Node $(node --version), pnpm $(pnpm --version). Put $NODE_PREFIX/bin on your PATH to use them directly."
