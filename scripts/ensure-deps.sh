#!/usr/bin/env bash
# Installs what the project needs where it is missing: npm packages; Debian's Chromium for the browser tests
# (--browser); Debian's LibreOffice Writer (no GUI) and poppler-utils for the test that opens what scrutiny-update
# writes in a real word processor (--libreoffice). Safe to run again; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installed = every package the lock file names is in node_modules at that version (optional ones may be
# absent: other platforms' binaries). Compared by content, not by file times, which a git checkout or merge resets.
installed() {
  [ -f node_modules/.package-lock.json ] && node -e '
    const want = require("./package-lock.json").packages || {};
    const have = require("./node_modules/.package-lock.json").packages || {};
    for (const [path, entry] of Object.entries(want)) {
      if (path === "") continue;
      const found = have[path];
      if (found ? found.version !== entry.version : !entry.optional) process.exit(1);
    }'
}
if ! installed; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
{ [ -f build/cli/main.js ] && [ -f build/cli/update-main.js ]; } || npm run --silent build:cli

PACKAGES=()
for flag in "$@"; do
  case "$flag" in
    --browser) [ -x /usr/bin/chromium ] || PACKAGES+=(chromium) ;;
    --libreoffice)
      [ -x /usr/bin/soffice ] || PACKAGES+=(libreoffice-writer-nogui)
      [ -x /usr/bin/pdftoppm ] || PACKAGES+=(poppler-utils)
      ;;
  esac
done

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  echo "Installing Debian packages for the tests: ${PACKAGES[*]}…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # A machine without apt or sudo cannot install them; the tests that need them then say so and fail.
  if command -v apt-get >/dev/null && { [ -z "$SUDO" ] || command -v sudo >/dev/null; }; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
  else
    echo "Cannot install ${PACKAGES[*]} here (no apt-get or sudo): the tests that need them will fail and say why." >&2
  fi
fi
