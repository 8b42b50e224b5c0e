#!/usr/bin/env bash
# Export throughput on the default sample (20 s, 1408x1408, 30 fps): robomimic-hdf5 at 480x640 must run
# at >= 3x real time. Reference in the same run: the ffmpeg CLI decoding the same video and scaling it
# to 640x480 (decode cost only, no undistortion, no HDF5).
# Usage: bench/export.sh [BUILD_DIR] [FORMAT]     (default build/, robomimic-hdf5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
FORMAT="${2:-robomimic-hdf5}"
cmake --build "$BUILD" --target tacit-cli bench_export >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BUILD/app/cli/tacit-cli" sample "$WORK/rec" >/dev/null
start=$(date +%s%N)
ffmpeg -v error -threads 2 -i "$WORK/rec/rgb.mp4" -vf scale=640:480 -f null -
ref=$(python3 -c "print(($(date +%s%N) - $start) / 1e9)")
out=$(/usr/bin/time -f "%U %S" -o "$WORK/cpu" "$BUILD/bench/export/bench_export" "$WORK/rec" "$WORK/bench" "$FORMAT" 480x640)
read -r cpu_user cpu_sys < "$WORK/cpu"
echo "$out"
python3 - "$out" "$ref" "$cpu_user" "$cpu_sys" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); ref = float(sys.argv[2]); cpu = float(sys.argv[3]) + float(sys.argv[4])
print(f"export {r['format']} {r['frames']} frames of {r['video_seconds']:.1f} s video in {r['seconds']:.2f} s: "
      f"{r['realtime_factor']:.2f}x real time (target >= 3x); ffmpeg decode+scale reference {ref:.2f} s "
      f"({r['video_seconds']/ref:.2f}x real time); export/reference time ratio {r['seconds']/ref:.2f}; "
      f"export CPU time {cpu:.2f} s ({r['video_seconds']/cpu:.2f}x real time per core)")
PY
