#!/usr/bin/env bash
# Configures (once) and builds Tacit with Ninja (and ccache when present) into ./build.
# TACIT_BUILD_DIR, TACIT_BUILD_TYPE and TACIT_CMAKE_ARGS (extra -D options) pick another tree.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
JOBS="${TACIT_JOBS:-$(nproc)}"
# Let ccache share objects between clones in different folders (CI clones afresh each run).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${TACIT_BUILD_TYPE:-RelWithDebInfo}" \
    ${TACIT_CMAKE_ARGS:-}
fi
cmake --build "$BUILD_DIR" -j "$JOBS" "$@"
