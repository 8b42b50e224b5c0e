#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, clang, ASan + UBSan) into ./build-fuzz and runs each for
# SECONDS (default 60), two at a time, seeded with tests/data, fuzz/seeds and media the ffmpeg CLI
# makes. Prints executions and corpus size per harness; exits 1 on any crash, leak, timeout or OOM
# (inputs in build-fuzz/artifacts/). Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER=${1:-60}
shift || true
BUILD="${TACIT_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
JOBS="${TACIT_FUZZ_JOBS:-2}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DTACIT_FUZZ=ON -DTACIT_BUILD_GUI=OFF -DTACIT_BUILD_TESTS=OFF
fi
cmake --build "$BUILD" -j "${TACIT_JOBS:-2}" --target fuzzers

HARNESSES=("$@")
if [ "${#HARNESSES[@]}" -eq 0 ]; then
  HARNESSES=(recording_json calibration_json labels_json labels_csv taxonomy_json aria_calibration
    egodex_hdf5 vrs series_csv frame_index frame_index_cache)
fi

# Seeds: committed ones (fuzz/seeds/<harness>), real files from tests/data, generated media.
SEEDS="$BUILD/seeds"
DATA="$ROOT/tests/data"
rm -rf "$SEEDS"
for h in "${HARNESSES[@]}"; do
  mkdir -p "$SEEDS/$h"
  [ -d "$ROOT/fuzz/seeds/$h" ] && cp "$ROOT/fuzz/seeds/$h"/* "$SEEDS/$h/"
done
add() { [ -d "$SEEDS/$1" ] && cp "$2" "$SEEDS/$1/${3:-$(basename "$2")}" || true; }
add aria_calibration "$DATA/aria/sample_calib.json"
[ -d "$SEEDS/aria_calibration" ] && head -n 2 "$DATA/aria/mps_sample/trajectory/online_calibration.jsonl" \
  > "$SEEDS/aria_calibration/online_calibration.jsonl"
for f in "$DATA"/vrs/*.vrs; do add vrs "$f"; done
[ -d "$SEEDS/vrs" ] && head -c 65536 "$DATA/aria/aea/recording.vrs" > "$SEEDS/vrs/aria-head.vrs"
if [ -d "$SEEDS/series_csv" ]; then
  find "$DATA/aria" -name '*.csv' | while read -r f; do
    head -n 40 "$f" > "$SEEDS/series_csv/$(echo "${f#"$DATA"/}" | tr / _)"
  done
fi
# EgoDex inputs steer a structure-aware writer whose empty input is a valid episode: start there.
[ -d "$SEEDS/egodex_hdf5" ] && : > "$SEEDS/egodex_hdf5/empty"
# Damaged media starts from small valid files of several containers and codecs (ffmpeg CLI).
if [ -d "$SEEDS/frame_index" ] || [ -d "$SEEDS/frame_index_cache" ]; then
  M="$BUILD/media"
  mkdir -p "$M"
  gen() { [ -f "$M/$1" ] || ffmpeg -v error -y -f lavfi -i "testsrc2=size=64x48:rate=10:duration=1" "${@:2}" "$M/$1"; }
  gen h264-b.mp4 -c:v libx264 -g 4 -bf 2 -pix_fmt yuv420p
  gen hevc.mkv -c:v libx265 -x265-params log-level=none -g 4 -pix_fmt yuv420p
  gen mjpeg.avi -c:v mjpeg
  gen mpeg2.ts -c:v mpeg2video -g 3
  gen ffv1-gray16.mkv -c:v ffv1 -pix_fmt gray16le
  gen vp9.webm -c:v libvpx-vp9 -g 4 -deadline realtime
  gen h264-bf1.mov -c:v libx264 -g 5 -bf 1 -pix_fmt yuv420p
  [ -d "$SEEDS/frame_index" ] && cp "$M"/*.* "$SEEDS/frame_index/"
  # Real index cache files, written by a normal build's tacit-cli when there is one.
  CLI="${TACIT_CLI:-$ROOT/build/app/cli/tacit-cli}"
  if [ -d "$SEEDS/frame_index_cache" ] && [ -x "$CLI" ]; then
    for f in "$M"/*.*; do XDG_CACHE_HOME="$M/cache" "$CLI" index "$f" --json > /dev/null 2>&1 || true; done
    find "$M/cache" -name '*.idx' -exec cp {} "$SEEDS/frame_index_cache/" \; 2>/dev/null || true
  fi
fi

ARTIFACTS="$BUILD/artifacts"
LOGS="$BUILD/logs"
mkdir -p "$ARTIFACTS" "$LOGS"
run_one() {
  local h=$1 corpus="$BUILD/corpus/$1"
  mkdir -p "$corpus"
  "$BUILD/fuzz/fuzz_$h" -max_total_time="$SECONDS_PER" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$ARTIFACTS/$h-" "$corpus" "$SEEDS/$h" > "$LOGS/$h.log" 2>&1 || true
}
export -f run_one
export BUILD SEEDS SECONDS_PER ARTIFACTS LOGS
start=$(date +%s)
rm -f "$ARTIFACTS"/*
printf '%s\n' "${HARNESSES[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one {}'

printf '\n%-20s %12s %9s %8s %10s %7s %6s %8s %4s\n' harness executions exec/s corpus corpus_kB crashes leaks timeouts ooms
fail=0
for h in "${HARNESSES[@]}"; do
  log="$LOGS/$h.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  files=$(find "$BUILD/corpus/$h" -type f | wc -l)
  kb=$(du -sk "$BUILD/corpus/$h" | cut -f1)
  crashes=$(find "$ARTIFACTS" -name "$h-crash-*" -o -name "$h-deadly-*" | wc -l)
  leaks=$(find "$ARTIFACTS" -name "$h-leak-*" | wc -l)
  timeouts=$(find "$ARTIFACTS" -name "$h-timeout-*" -o -name "$h-slow-unit-*" | wc -l)
  ooms=$(find "$ARTIFACTS" -name "$h-oom-*" | wc -l)
  [ -n "$execs" ] || { crashes=$((crashes + 1)); execs="(no stats: see $log)"; }
  printf '%-20s %12s %9s %8s %10s %7s %6s %8s %4s\n' "$h" "$execs" "${rate:--}" "$files" "$kb" "$crashes" "$leaks" \
    "$timeouts" "$ooms"
  [ $((crashes + leaks + timeouts + ooms)) -eq 0 ] || fail=1
done
echo "fuzz: ${#HARNESSES[@]} harnesses x ${SECONDS_PER}s, $JOBS at a time, $(( $(date +%s) - start ))s wall; load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$fail" -eq 0 ] && echo "fuzz: 0 crashes, 0 leaks, 0 timeouts, 0 OOMs" || echo "fuzz: findings in $ARTIFACTS (logs in $LOGS)"
exit "$fail"
