#!/usr/bin/env bash
# Review-window benchmark under Xvfb (issue 5 "Must show"), all five views visible:
#  1. playback of the default 1408x1408 20 s 30 fps sample at 1x and 2x: presented fps (distinct video
#     frames painted per wall second; target >= 29 at 1x, >= 59 at 2x), dropped frames (frames due at the
#     playhead that were never painted), p50/p95 frame latency, the longest GUI stall while playing,
#     then random seeks and a 3 s scrub with their own longest GUI stall (target < 50 ms everywhere).
#  2. the 2-hour recording (bench/long_recording.sh): open to first frame without and with the caches,
#     peak RSS while playing and scrubbing, tacit-cli info.
# The machine may be shared: compare figures of one run, not across runs.
# Usage: bench/playback.sh [BUILD_DIR] [WORK_DIR] [SECONDS]   (env: SKIP_OPEN=1, SKIP_PLAY=1)
set -euo pipefail
BUILD=${1:-build}
WORK=${2:-/tmp/tacit-playback-bench}
SECONDS_RUN=${3:-20}
TACIT="$BUILD/app/gui/tacit"
CLI="$BUILD/app/cli/tacit-cli"
[[ -x "$TACIT" ]] || { echo "build first: scripts/build.sh --target tacit tacit-cli ($TACIT missing)" >&2; exit 2; }
mkdir -p "$WORK"
SAMPLE="$WORK/sample"
if [[ ! -f "$SAMPLE/recording.json" ]]; then
  [[ -x "$CLI" ]] || { echo "build first: scripts/build.sh --target tacit-cli ($CLI missing)" >&2; exit 2; }
  "$CLI" sample "$SAMPLE" > /dev/null
fi
export XDG_CACHE_HOME="$WORK/cache"
gui() { xvfb-run -a -s "-screen 0 1920x1080x24" "$TACIT" --size 1600x1000 --bench-playback "$@" 2> "$WORK/stderr.log"; }
now() { date +%s.%N; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [[ -z "${SKIP_PLAY:-}" ]]; then
  for speed in 1 2; do
    echo "== playback ${SECONDS_RUN} s at ${speed}x, then 20 seeks and a 3 s scrub =="
    gui --seconds "$SECONDS_RUN" --speed "$speed" "$SAMPLE"
  done
fi

if [[ -z "${SKIP_OPEN:-}" ]]; then
  # The 2-hour recording with its sensor CSVs (issue 13): open, play/scrub RSS, tacit-cli info.
  "$(dirname "$0")/long_recording.sh" "$BUILD" "$WORK"
fi
