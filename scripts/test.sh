#!/usr/bin/env bash
# `npm test`: every check, in order — typecheck, lint, unit tests, production build, e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "▸ Chromium not found at $CHROMIUM_PATH: installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests and was not found at $CHROMIUM_PATH." >&2
    echo "Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)" >&2
    exit 1
  fi
fi

# ngspice runs the built-in SPICE skill's netlist in its test (skipped, with a note, without it).
if ! command -v ngspice >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "▸ installing Debian's ngspice for the SPICE skill test"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ngspice >/dev/null) || echo "  (ngspice could not be installed; that test will be skipped)"
fi

step() { echo; echo "▸ $1"; }
step "typecheck";  npx tsc --noEmit
step "lint";       npx eslint . --max-warnings 0
step "unit tests"; npx vitest run
step "build";      npm run build --silent
step "e2e (Chromium: $CHROMIUM_PATH)"; npx playwright test
