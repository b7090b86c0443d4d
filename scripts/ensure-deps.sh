#!/usr/bin/env bash
# Installs what the project needs where it is missing: npm packages, and Debian's Chromium for the
# browser tests (only when asked with --browser). Safe to run again; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
{ [ -f build/cli/main.js ] && [ -f build/cli/update-main.js ]; } || npm run --silent build:cli

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
