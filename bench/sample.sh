#!/usr/bin/env bash
# Synthetic-sample generation speed (issue "Foundation": a 20 s 1408x1408 30 fps sample must be
# written in under 20 s on a 2-core machine). Prints wall and CPU time of `tacit-cli sample` with
# the default options, next to a reference measured in the same run on the same machine:
#   ffmpeg -f lavfi testsrc2 1408x1408 600 frames -> libx264 veryfast (encode-only cost of a
#   video of the same size and length, no rendering, no other streams).
# Usage: bench/sample.sh [WORK_DIR]   (env: TACIT_BUILD_DIR, TACIT_CLI)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
CLI="${TACIT_CLI:-$BUILD_DIR/app/cli/tacit-cli}"
WORK="${1:-$(mktemp -d /tmp/tacit-sample-bench.XXXXXX)}"
[ -x "$CLI" ] || { echo "tacit-cli not found at $CLI (build it or set TACIT_CLI)" >&2; exit 2; }
mkdir -p "$WORK"

measure() { # prints "wall user+sys"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" '{ printf "%.2f %.2f\n", e - s, $1 + $2 }' "$WORK/time.txt"
}

read -r ref_wall ref_cpu < <(measure ffmpeg -y -v error -f lavfi -i testsrc2=size=1408x1408:rate=30 -frames:v 600 \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -threads 2 "$WORK/reference.mp4")
read -r wall cpu < <(measure "$CLI" sample "$WORK/sample")
echo "tacit-cli sample (20 s, 1408x1408, 30 fps): wall ${wall} s, cpu ${cpu} s"
echo "reference ffmpeg testsrc2 -> x264 veryfast:  wall ${ref_wall} s, cpu ${ref_cpu} s"
awk -v a="$wall" -v b="$ref_wall" 'BEGIN { printf "ratio sample/reference (wall): %.2f; budget 20 s: %s\n", a / b, (a < 20 ? "met" : "MISSED") }'
