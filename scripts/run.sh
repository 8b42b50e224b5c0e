#!/usr/bin/env bash
# One command for a newcomer: install dependencies, build, generate the bundled sample if absent,
# and start Tacit on it. Extra arguments are passed to `tacit` (e.g. a recording folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh"
CACHE_HOME="${XDG_CACHE_HOME:-$HOME/.cache}"
SAMPLE="$CACHE_HOME/tacit/sample"
if [ "$#" -eq 0 ]; then
  if [ ! -f "$SAMPLE/recording.json" ]; then
    echo "run: generating the bundled sample recording in $SAMPLE"
    "$BUILD_DIR/app/cli/tacit-cli" sample "$SAMPLE"
  fi
  set -- "$SAMPLE"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting under xvfb-run (set DISPLAY to see the window)"
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$BUILD_DIR/app/gui/tacit" "$@"
fi
exec "$BUILD_DIR/app/gui/tacit" "$@"
