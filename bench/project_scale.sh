#!/usr/bin/env bash
# Project scale: 100 000 segments over 200 recordings. Targets: open (project info) < 1 s,
# labels export < 2 s. Reference in the same run: the sqlite3 CLI dumping the segments table.
# Usage: bench/project_scale.sh [BUILD_DIR]   (needs tacit-cli built there, python3, sqlite3)
set -euo pipefail
BUILD=${1:-build}
CLI=$(find "$BUILD" -name tacit-cli -type f -perm -u+x | head -1)
[ -x "$CLI" ] || { echo "tacit-cli not found under $BUILD" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RECS=200 PER=500

for i in $(seq 1 $RECS); do
  d="$WORK/recs/rec$i"; mkdir -p "$d"
  printf '{"format":"tacit-recording","version":1,"id":"rec-%d","worker":{"id":"w%d","name":"W"},"task":"t%d","streams":[{"id":"imu","kind":"imu","path":"imu.csv"}]}' \
    "$i" $((i % 7)) $((i % 5)) > "$d/recording.json"
  echo "timestamp_ns" > "$d/imu.csv"
done
P="$WORK/scale.tacit"
"$CLI" project create "$P" > /dev/null
"$CLI" project add "$P" "$WORK"/recs/* > /dev/null

python3 - "$WORK/labels.json" $RECS $PER <<'PY'
import json, sys
out, recs, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tax = [{"name": f"l{i}", "colour": "#336699", "key": (i % 9) + 1, "description": "",
        "children": [{"name": f"c{j}", "colour": "#993366", "key": 0, "description": ""} for j in range(3)]}
       for i in range(9)]
recordings = []
for r in range(1, recs + 1):
    segs = []
    for k in range(per):
        track = "task" if k % 2 == 0 else "step"
        start = (k // 2) * 40_000_000
        segs.append({"track": track, "label": f"l{k % 9}/c{k % 3}", "start_ns": start, "end_ns": start + 33_000_000,
                     "note": "", "author": "bench", "created_at_ms": 1, "modified_at_ms": 1})
    flags = [{"reason": "motion_blur", "severity": 2, "start_ns": 0, "end_ns": 1_000_000, "note": "", "author": "b",
              "created_at_ms": 1, "modified_at_ms": 1}]
    recordings.append({"id": f"rec-{r}", "path": "", "review": {"status": "unreviewed", "history": []},
                       "segments": segs, "flags": flags})
json.dump({"format": "tacit-labels", "version": 1, "tracks": [], "taxonomy": tax, "recordings": recordings},
          open(out, "w"))
PY

t() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
IMPORT=$(t "$CLI" labels import "$P" "$WORK/labels.json" --replace)
SEGS=$(sqlite3 "$P" "SELECT count(*) FROM segments")
OPEN=$(t "$CLI" project info "$P" --json)
EXPORT_JSON=$(t "$CLI" labels export "$P" --format json --out "$WORK/out.json")
EXPORT_CSV=$(t "$CLI" labels export "$P" --format csv --out "$WORK/out.csv")
REF=$(t sqlite3 "$P" "SELECT * FROM segments")
printf 'segments: %s over %d recordings (%s MB project)\n' "$SEGS" $RECS "$(du -m "$P" | cut -f1)"
printf 'import  (labels import --replace): %.3f s\n' "$IMPORT"
printf 'open    (project info --json):     %.3f s   target < 1 s\n' "$OPEN"
printf 'export  (labels export json):      %.3f s   target < 2 s\n' "$EXPORT_JSON"
printf 'export  (labels export csv):       %.3f s\n' "$EXPORT_CSV"
printf 'reference sqlite3 segment dump:    %.3f s   (json export / reference = %.1fx)\n' "$REF" \
  "$(echo "$EXPORT_JSON / $REF" | bc -l)"
cmp -s <("$CLI" labels export "$P" --format json) "$WORK/out.json" && echo "export is deterministic: yes"
