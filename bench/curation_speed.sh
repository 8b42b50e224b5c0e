#!/usr/bin/env bash
# Curation speed (issue #18 "Must show"):
#  1. integrity, metrics and suggestions on a 2-hour recording (video + 7.2 M IMU rows at 1 kHz):
#     `tacit-cli curate integrity|suggest|metrics` wall time, next to `tacit-cli info` on the same
#     folder (which reads every stream once: the loading floor) measured in the same run. Budget 30 s.
#  2. the worst-first queue of a 200-recording project opens (`curate queue --no-analyse --json`,
#     stored analyses only) in under 1 s; reference: `tacit-cli project info` on the same project.
# Usage: bench/curation_speed.sh [WORK_DIR]   (env: TACIT_BUILD_DIR, TACIT_CLI, HOURS=2, SIZE=256x192)
# The 2-hour sample takes a while to generate (kept in WORK_DIR for the next run).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
CLI="${TACIT_CLI:-$BUILD_DIR/app/cli/tacit-cli}"
WORK="${1:-/tmp/tacit-curation-speed}"
HOURS="${HOURS:-2}"
SIZE="${SIZE:-256x192}"
[ -x "$CLI" ] || { echo "tacit-cli not found at $CLI (build it or set TACIT_CLI)" >&2; exit 2; }
mkdir -p "$WORK"
echo "load: $(uptime)"

wall() { # prints wall seconds of the command (output discarded)
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

LONG="$WORK/long-${HOURS}h"
if [ ! -f "$LONG/recording.json" ]; then
  echo "generating a ${HOURS} h sample ($SIZE) in $LONG ..."
  "$CLI" sample "$LONG" --duration "$((HOURS * 3600))" --size "$SIZE" --seed 1 > /dev/null
fi
rows=$(($(wc -l < "$LONG/imu.csv") - 1))
echo "recording: $LONG  (imu rows: $rows)"
ref=$(wall "$CLI" info "$LONG" --json)
integrity=$(wall "$CLI" curate integrity "$LONG" --json)
suggest=$(wall "$CLI" curate suggest "$LONG" --json)
metrics=$(wall "$CLI" curate metrics "$LONG" --json)
echo "tacit-cli info (reads every stream, reference): ${ref} s"
for pair in "integrity:$integrity" "suggest:$suggest" "metrics:$metrics"; do
  name=${pair%%:*}; t=${pair#*:}
  awk -v n="$name" -v t="$t" -v r="$ref" 'BEGIN { printf "curate %-10s %7.2f s  ratio to info %.2f  budget 30 s: %s\n", n, t, t / r, (t < 30 ? "met" : "MISSED") }'
done

# 200 recordings: copies of one short sample with their own ids, analysed once.
PROJ="$WORK/queue200.tacit"
if [ ! -f "$PROJ" ]; then
  "$CLI" sample "$WORK/q/base" --duration 2 --size 256x192 --seed 3 > /dev/null
  for i in $(seq 1 200); do
    d="$WORK/q/r$i"
    mkdir -p "$d"
    for f in "$WORK/q/base"/*; do ln -sf "$f" "$d/$(basename "$f")"; done
    rm -f "$d/recording.json"
    python3 - "$WORK/q/base/recording.json" "$d/recording.json" "$i" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
j["id"] = "00000000-0000-4000-8000-%012d" % int(sys.argv[3])
json.dump(j, open(sys.argv[2], "w"), indent=2)
PY
  done
  "$CLI" project create "$PROJ" > /dev/null
  "$CLI" project add "$PROJ" "$WORK"/q/r* > /dev/null
  echo "analysing 200 recordings once: $(wall "$CLI" curate queue "$PROJ" --json) s"
fi
qref=$(wall "$CLI" project info "$PROJ" --json)
queue=$(wall "$CLI" curate queue "$PROJ" --no-analyse --json)
items=$("$CLI" curate queue "$PROJ" --no-analyse --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['items']))")
awk -v q="$queue" -v r="$qref" -v n="$items" 'BEGIN { printf "curate queue (%d items, stored analyses): %.3f s  (project info: %.3f s)  budget 1 s: %s\n", n, q, r, (q < 1 ? "met" : "MISSED") }'
