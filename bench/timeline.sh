#!/usr/bin/env bash
# Timeline paint at scale: 100 000 segments in one recording (the worst case of the 100k-over-200-recordings
# target: every segment on screen at once), ms per paint at zooms from the whole recording down to ten
# frames. Target < 16 ms at every zoom. Reference in the same run: the same timeline with no annotations.
# Usage: bench/timeline.sh [BUILD_DIR] [SEGMENTS] [WxH]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
cmake --build "$BUILD" --target bench_timeline >/dev/null
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$BUILD/bench/timeline/bench_timeline" "${2:-100000}" "${3:-1600x260}"
