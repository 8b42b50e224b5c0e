#!/usr/bin/env bash
# kill -9 safety at scale: runs `tacit-cli project stress` (each edit acknowledged on stdout after
# its commit), SIGKILLs it at a random point, then checks PRAGMA integrity_check and that every
# acknowledged segment/flag is in the file. Usage: bench/project_kill.sh [BUILD_DIR] [ITERATIONS=1000]
set -euo pipefail
BUILD=${1:-build}
N=${2:-1000}
CLI=$(find "$BUILD" -name tacit-cli -type f -perm -u+x | head -1)
[ -x "$CLI" ] || { echo "tacit-cli not found under $BUILD" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/rec"
echo '{"format":"tacit-recording","version":1,"id":"kill-rec","streams":[{"id":"imu","kind":"imu","path":"imu.csv"}]}' \
  > "$WORK/rec/recording.json"
echo "timestamp_ns" > "$WORK/rec/imu.csv"
P="$WORK/k.tacit"
"$CLI" project create "$P" > /dev/null
"$CLI" project add "$P" "$WORK/rec" > /dev/null
: > "$WORK/acked"
lost=0 corrupt=0 midburst=0
start=$(date +%s)
for i in $(seq 1 "$N"); do
  "$CLI" project stress "$P" --edits 1000000 --seed "$i" > "$WORK/out" 2> /dev/null &
  pid=$!
  # Wait for the first acknowledged edit (startup is slow on a loaded machine), then a random delay.
  for _ in $(seq 1 500); do [ -s "$WORK/out" ] && break; sleep 0.01; done
  sleep "0.$(printf '%03d' $((RANDOM % 100)))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  [ -s "$WORK/out" ] && midburst=$((midburst + 1))
  awk '$2=="segment"||$2=="flag"{print $2, $3}' "$WORK/out" >> "$WORK/acked"
  if [ "$(sqlite3 "$P" 'PRAGMA integrity_check')" != ok ]; then corrupt=$((corrupt + 1)); fi
  sqlite3 "$P" "SELECT 'segment', id FROM segments; SELECT 'flag', id FROM quality_flags" | tr '|' ' ' | sort -u > "$WORK/present"
  missing=$(sort -u "$WORK/acked" | comm -23 - "$WORK/present" | wc -l)
  [ "$missing" -gt 0 ] && { lost=$((lost + missing)); echo "iteration $i: $missing acknowledged edits lost" >&2; }
  sort -u "$WORK/present" -o "$WORK/acked"
done
elapsed=$(( $(date +%s) - start ))
"$CLI" project check "$P" > /dev/null && check=ok || check=FAILED
echo "iterations: $N (killed mid-burst: $midburst) in ${elapsed}s"
echo "acknowledged edits on disk: $(wc -l < "$WORK/acked"), lost: $lost, corrupt checks: $corrupt, project check: $check"
echo "survival ratio: $(echo "scale=4; ($N - $corrupt) / $N" | bc) (reference: 1.0000)"
[ "$lost" -eq 0 ] && [ "$corrupt" -eq 0 ] && [ "$check" = ok ]
