#!/usr/bin/env bash
# Video decode / seek benchmark (issue "Must show", core/media):
#   1. sequential decode to RGB of a 1408x1408 30 fps H.264 file (GOP 30, 2 B-frames):
#      `tacit-cli bench decode` vs `ffmpeg -threads 2 -i F -pix_fmt rgb24 -f null -`, same run,
#      interleaved, best of ROUNDS wall times; prints the throughput ratio (target >= 0.9).
#   2. random exact-frame seek: `tacit-cli bench seek F --random K` (cold process, index built):
#      median (target <= 40 ms) and p95 (target <= 100 ms).
#   3. step back one frame during playback (through media::FrameEngine): median (target <= 33 ms).
#   4. index size on disk (bytes per frame, extrapolated to a 2-hour 30 fps file).
# Usage: bench/media.sh [WORK_DIR]   (env: TACIT_BUILD_DIR, TACIT_CLI, ROUNDS=3, SEEKS=100)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
CLI="${TACIT_CLI:-$BUILD_DIR/app/cli/tacit-cli}"
WORK="${1:-/tmp/tacit-media-bench}"
ROUNDS="${ROUNDS:-3}"
SEEKS="${SEEKS:-100}"
[ -x "$CLI" ] || { echo "tacit-cli not found at $CLI (build it or set TACIT_CLI)" >&2; exit 2; }
mkdir -p "$WORK"
export XDG_CACHE_HOME="$WORK/cache"
F="$WORK/bench_1408.mp4"
if [ ! -s "$F" ]; then
  echo "generating $F (20 s, 1408x1408, 30 fps, GOP 30, 2 B-frames) ..."
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1408x1408:rate=30 -t 20 \
    -c:v libx264 -g 30 -bf 2 -pix_fmt yuv420p "$F"
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$CLI" index "$F" # builds the frame index cache (the seek bench is "cold process, index built")

now() { date +%s.%N; }
best_ff=""; best_tc=""
for r in $(seq "$ROUNDS"); do
  t0=$(now); /usr/bin/time -f "%U %S" -o "$WORK/ff.cpu" ffmpeg -hide_banner -loglevel error -nostdin -threads 2 -i "$F" -pix_fmt rgb24 -f null -; t1=$(now)
  /usr/bin/time -f "%U %S" -o "$WORK/tc.cpu" "$CLI" bench decode "$F" --json > "$WORK/decode.json"; t2=$(now)
  ff=$(echo "$t1 - $t0" | bc -l); tc=$(echo "$t2 - $t1" | bc -l)
  ffc=$(awk '{print $1 + $2}' "$WORK/ff.cpu"); tcc=$(awk '{print $1 + $2}' "$WORK/tc.cpu")
  # On a shared machine wall time mostly measures the scheduler; CPU seconds show the work done.
  printf "round %d: ffmpeg %.2f s wall %.2f s CPU, tacit-cli %.2f s wall %.2f s CPU (CPU ratio ffmpeg/tacit %.2f)\n" \
    "$r" "$ff" "$ffc" "$tc" "$tcc" "$(echo "$ffc / $tcc" | bc -l)"
  if [ -z "$best_ff" ] || (( $(echo "$ff < $best_ff" | bc -l) )); then best_ff=$ff; fi
  if [ -z "$best_tc" ] || (( $(echo "$tc < $best_tc" | bc -l) )); then best_tc=$tc; fi
done
frames=$(jq .frames "$WORK/decode.json")
printf "decode: %d frames; ffmpeg %.1f fps, tacit %.1f fps (whole process); inside tacit: %.1f fps\n" "$frames" \
  "$(echo "$frames / $best_ff" | bc -l)" "$(echo "$frames / $best_tc" | bc -l)" "$(jq .fps "$WORK/decode.json")"
printf "decode ratio tacit/ffmpeg: %.2f (target >= 0.90)\n" "$(echo "$best_ff / $best_tc" | bc -l)"

"$CLI" bench seek "$F" --random "$SEEKS" --seed 7 --json > "$WORK/seek.json"
printf "random seek (%d requests): median %.1f ms (target <= 40), p95 %.1f ms (target <= 100), max %.1f ms\n" \
  "$SEEKS" "$(jq .median_ms "$WORK/seek.json")" "$(jq .p95_ms "$WORK/seek.json")" "$(jq .max_ms "$WORK/seek.json")"

"$CLI" bench seek "$F" --step-back 10 --seed 7 --json > "$WORK/stepback.json"
printf "step back during playback (10 times): median %.2f ms (target <= 33), p95 %.2f ms, cache %.0f MiB\n" \
  "$(jq .median_ms "$WORK/stepback.json")" "$(jq .p95_ms "$WORK/stepback.json")" "$(jq .cache_mib "$WORK/stepback.json")"

idx=$(ls -S "$XDG_CACHE_HOME"/tacit/index/*.idx | head -1)
bytes=$(stat -c %s "$idx")
printf "index: %d bytes for %d frames (%.1f B/frame) -> 2 h at 30 fps: %.1f MiB on disk\n" "$bytes" "$frames" \
  "$(echo "$bytes / $frames" | bc -l)" "$(echo "$bytes / $frames * 216000 / 1048576" | bc -l)"
