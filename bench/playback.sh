#!/usr/bin/env bash
# Playback benchmark of the review window (all five views visible) under Xvfb, at 1x and 2x.
# Prints presented fps, dropped frames, p50/p95 frame latency and the longest GUI-thread stall.
# Usage: bench/playback.sh [BUILD_DIR] [RECORDING] [SECONDS]
#   RECORDING defaults to the bundled 1408x1408 sample (generated on first use).
set -euo pipefail
BUILD=${1:-build}
REC=${2:-}
SECONDS_RUN=${3:-20}
TACIT="$BUILD/app/gui/tacit"
if [[ ! -x "$TACIT" ]]; then
  echo "build the GUI first: cmake --build $BUILD --target tacit" >&2
  exit 2
fi
run() {
  local speed=$1
  echo "== ${SECONDS_RUN} s at ${speed}x =="
  xvfb-run -a -s "-screen 0 1920x1080x24" "$TACIT" --size 1600x1000 --bench-playback \
    --seconds "$SECONDS_RUN" --speed "$speed" ${REC:+"$REC"}
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
run 1
run 2
