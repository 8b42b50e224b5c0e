#!/usr/bin/env bash
# One command: install dependencies, build, and run the whole CTest suite.
# GUI tests need a display: the whole suite runs inside one xvfb-run server.
# `scripts/test.sh --sanitize [ctest args]` builds with ASan + UBSan into ./build-sanitize and runs the
# same suite there (scripts/sanitize.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = "--sanitize" ]; then
  shift
  exec "$ROOT/scripts/sanitize.sh" "$@"
fi
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh"
cd "$BUILD_DIR"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-xcb}"
# Keep test runs out of the user's real state and cache folders.
export XDG_CACHE_HOME="$BUILD_DIR/test-home/cache" XDG_STATE_HOME="$BUILD_DIR/test-home/state"
mkdir -p "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
exec xvfb-run -a -s "-screen 0 1920x1080x24" \
  ctest --output-on-failure -j "${TACIT_TEST_JOBS:-2}" "$@"
