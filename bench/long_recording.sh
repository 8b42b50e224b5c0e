#!/usr/bin/env bash
# The 2-hour recording of issue 13 (bench/make_long_recording.sh: video and depth 7200 s, IMU and
# trajectory 7.2 M rows at 1 kHz, hands and gaze 216 k rows), opened as a user would:
#  1. `tacit --bench-open` with no caches (first open: frame index + series cache built), then with
#     them: first frame presented (targets < 3 s / < 1 s) and the series loaded after it;
#  2. `tacit --bench-playback`: play, 20 random seeks and a scrub over the whole 2 h, with the peak RSS
#     of that phase (target < 1 GB);
#  3. `tacit-cli info` without and with caches (target < 1 s with), with its peak RSS.
# Reference measured in the same run: `ffmpeg -i rgb.mp4 -frames:v 1 -f null -` (open + first decoded
# frame of the same 2 h file). The machine may be shared: compare figures of one run (uptime printed).
# Usage: bench/long_recording.sh [BUILD_DIR] [WORK_DIR] [PLAY_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD=${1:-$ROOT/build}
WORK=${2:-/tmp/tacit-long-bench}
PLAY=${3:-10}
TACIT="$BUILD/app/gui/tacit"
CLI="$BUILD/app/cli/tacit-cli"
[[ -x "$TACIT" && -x "$CLI" ]] || { echo "build first: scripts/build.sh --target tacit tacit-cli" >&2; exit 2; }
mkdir -p "$WORK"
LONG="$WORK/long2h"
if [[ ! -f "$LONG/recording.json" ]]; then
  echo "building the 2-hour recording in $LONG ..."
  TACIT_CLI="$CLI" "$ROOT/bench/make_long_recording.sh" "$WORK/sample" "$LONG" 360
fi
export XDG_CACHE_HOME="$WORK/cache"
gui() { xvfb-run -a -s "-screen 0 1920x1080x24" "$TACIT" --size 1600x1000 "$@" 2> "$WORK/stderr.log"; }
now() { date +%s.%N; }
ms() { echo "($2 - $1) * 1000" | bc -l; }
peak() { grep -o 'Maximum resident set size (kbytes): [0-9]*' "$1" | awk '{printf "%.0f", $NF / 1024}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "recording: $(du -sh "$LONG" | cut -f1); $(for f in "$LONG"/*.csv; do printf '%s %s rows; ' "$(basename "$f")" $(($(wc -l < "$f") - 1)); done)"
t0=$(now); ffmpeg -nostdin -v error -i "$LONG/rgb.mp4" -frames:v 1 -f null -; t1=$(now)
printf "reference ffmpeg open + first frame: %.0f ms\n" "$(ms "$t0" "$t1")"

rm -rf "$XDG_CACHE_HOME/tacit"
echo "== tacit --bench-open, no caches =="
gui --bench-open "$LONG"
echo "== tacit --bench-open, caches built =="
gui --bench-open "$LONG"
echo "== tacit --bench-playback ${PLAY} s, seeks, scrub over 2 h (caches) =="
gui --bench-playback --seconds "$PLAY" "$LONG" | grep -E "open_to|peak_rss|presented_fps|dropped|seek_ms|scrub"

rm -rf "$XDG_CACHE_HOME/tacit"
for run in "no caches" "caches"; do
  t0=$(now); /usr/bin/time -v "$CLI" info "$LONG" --json > "$WORK/info.json" 2> "$WORK/info.time"; t1=$(now)
  printf "tacit-cli info (%s): %.0f ms, peak RSS %s MB\n" "$run" "$(ms "$t0" "$t1")" "$(peak "$WORK/info.time")"
done
