#!/usr/bin/env bash
# kill -9 during real user operations: N times (default 200) one of `labels import --replace`
# (alternating a 1 500- and a 2 500-segment file), `export --force` (robomimic HDF5, always to the same
# folder) and `consent grant` is started and SIGKILLed at a random moment inside its own measured
# run time. After each kill: PRAGMA integrity_check and `tacit-cli project check` (corrupt projects),
# the segment count is the old or the new file's, never in between (partial imports), the export
# folder is absent or a complete dataset whose manifest hash the project recorded (partial datasets,
# unrecorded datasets), and everything a command acknowledged (exit 0) before is still there (lost
# edits). Usage: bench/project_kill_ops.sh [BUILD_DIR] [KILLS=200] [SEED=1]
set -euo pipefail
BUILD=${1:-build}
N=${2:-200}
RANDOM=${3:-1}
CLI=$(find "$BUILD" -name tacit-cli -type f -perm -u+x | head -1)
[ -x "$CLI" ] || { echo "tacit-cli not found under $BUILD" >&2; exit 2; }
command -v sqlite3 > /dev/null && command -v h5ls > /dev/null || { echo "needs sqlite3 and h5ls" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
P=p.tacit
"$CLI" sample rec --duration 4 --size 256x192 > /dev/null
"$CLI" project create "$P" > /dev/null
"$CLI" project add "$P" rec > /dev/null
"$CLI" review set "$P" --recording 1 --status approved > /dev/null
"$CLI" consent grant "$P" --recording 1 --by "Ada Worker" --scope model_training > /dev/null
UUID=$(sqlite3 "$P" 'SELECT uuid FROM recordings WHERE id = 1')
read -r BEGIN END < <("$CLI" info rec --json | python3 -c 'import json,sys; r=json.load(sys.stdin)["time_range_ns"]; print(r[0], r[1])')
# Labels files: n contiguous segments inside the recording (track "task", no label), approved.
labels_file() {
  python3 - "$1" "$2" "$UUID" "$BEGIN" "$END" << 'PY'
import json, sys
out, n, uuid, begin, end = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
step = (end - begin) // n
segs = [{"track": "task", "label": "", "start_ns": begin + i * step, "end_ns": begin + (i + 1) * step, "note": f"s{i}"}
        for i in range(n)]
# --replace also replaces the review history: keep the recording approved so exports have an episode.
review = {"status": "approved", "history": [{"status": "approved", "reason": "", "author": "bench", "at_ms": 1}]}
json.dump({"format": "tacit-labels", "version": 1,
           "recordings": [{"id": uuid, "review": review, "segments": segs, "flags": []}]}, open(out, "w"))
PY
}
labels_file a.json 1500
labels_file b.json 2500
declare -A SEGS=([a.json]=1500 [b.json]=2500)

segments() { sqlite3 "$P" 'SELECT count(*) FROM segments'; }
events() { sqlite3 "$P" 'SELECT count(*) FROM consent_events'; }
recorded() { sqlite3 "$P" "SELECT count(*) FROM exports WHERE manifest_hash = '$1'"; }
EXPORT=(export "$P" --format robomimic-hdf5 --out ds --whole-recordings --size 96x128 --force)
IMPORT=(labels import "$P")
CONSENT=(consent grant "$P" --recording 1 --by "Ada Worker" --scope model_training)

# Uninterrupted run time of each operation (ms): kills land uniformly inside it (+20 %).
ms() { local s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
T_IMPORT=$(ms "$CLI" "${IMPORT[@]}" a.json --replace)
T_EXPORT=$(ms "$CLI" "${EXPORT[@]}")
T_CONSENT=$(ms "$CLI" "${CONSENT[@]}")
echo "uninterrupted: labels import ${T_IMPORT} ms, export ${T_EXPORT} ms, consent grant ${T_CONSENT} ms"
seg_now=$(segments) ev_now=$(events) ds_hash=$(sha256sum ds/tacit_export.json | cut -d' ' -f1)
next_file=b.json

corrupt=0 partial_imports=0 partial_datasets=0 lost_datasets=0 unrecorded=0 lost=0 completed=0 killed=0
declare -A RUNS=([import]=0 [export]=0 [consent]=0)
start=$(date +%s)
for i in $(seq 1 "$N"); do
  case $((RANDOM % 3)) in
  0) op=import args=("${IMPORT[@]}" "$next_file" --replace) t=$T_IMPORT ;;
  1) op=export args=("${EXPORT[@]}") t=$T_EXPORT ;;
  *) op=consent args=("${CONSENT[@]}") t=$T_CONSENT ;;
  esac
  RUNS[$op]=$((RUNS[$op] + 1))
  delay=$(( RANDOM * (t * 12 / 10 + 1) / 32768 ))
  "$CLI" "${args[@]}" > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2> /dev/null && killed=$((killed + 1)) || true
  rc=0
  wait "$pid" 2> /dev/null || rc=$?
  [ "$rc" -eq 0 ] && completed=$((completed + 1))

  if [ "$(sqlite3 "$P" 'PRAGMA integrity_check' 2>&1)" != ok ] || ! "$CLI" project check "$P" > /dev/null 2>&1; then
    corrupt=$((corrupt + 1))
    echo "kill $i ($op, ${delay} ms): project check fails" >&2
  fi
  case $op in
  import)
    n=$(segments) want=${SEGS[$next_file]}
    if [ "$rc" -eq 0 ] && [ "$n" -ne "$want" ]; then
      lost=$((lost + 1)); echo "kill $i: import exited 0 but $n segments, not $want" >&2
    elif [ "$n" -ne "$want" ] && [ "$n" -ne "$seg_now" ]; then
      partial_imports=$((partial_imports + 1)); echo "kill $i: $n segments after a killed import ($seg_now or $want)" >&2
    fi
    seg_now=$n
    [ "$n" -eq "$want" ] && { [ "$next_file" = a.json ] && next_file=b.json || next_file=a.json; }
    ;;
  export)
    if [ ! -e ds ]; then
      lost_datasets=$((lost_datasets + 1)); echo "kill $i (${delay} ms): the committed dataset is gone" >&2
    elif [ ! -f ds/tacit_export.json ] || ! h5ls -r ds/*.hdf5 > /dev/null 2>&1; then
      partial_datasets=$((partial_datasets + 1)); echo "kill $i (${delay} ms): ds is not a complete dataset" >&2
    else
      h=$(sha256sum ds/tacit_export.json | cut -d' ' -f1)
      if [ "$(recorded "$h")" -eq 0 ]; then
        unrecorded=$((unrecorded + 1)); echo "kill $i (${delay} ms): dataset in ds is not recorded in the project" >&2
      fi
      [ "$rc" -eq 0 ] && [ "$h" = "$ds_hash" ] && [ "$(sqlite3 "$P" 'SELECT count(*) FROM exports')" -lt 2 ] &&
        { lost=$((lost + 1)); echo "kill $i: export exited 0 but ds was not replaced" >&2; }
      ds_hash=$h
    fi
    ;;
  consent)
    n=$(events)
    if [ "$rc" -eq 0 ] && [ "$n" -ne $((ev_now + 1)) ]; then
      lost=$((lost + 1)); echo "kill $i: consent grant exited 0 but $n events, not $((ev_now + 1))" >&2
    elif [ "$n" -lt "$ev_now" ] || [ "$n" -gt $((ev_now + 1)) ]; then
      lost=$((lost + 1)); echo "kill $i: $n consent events, expected $ev_now or $((ev_now + 1))" >&2
    fi
    "$CLI" consent status "$P" > /dev/null 2>&1 || { corrupt=$((corrupt + 1)); echo "kill $i: consent ledger broken" >&2; }
    ev_now=$n
    ;;
  esac
done
elapsed=$(( $(date +%s) - start ))
leftovers=$(find . -maxdepth 1 -name '.*tacit-export*' | wc -l)
echo "kills: $N in ${elapsed}s (import ${RUNS[import]}, export ${RUNS[export]}, consent grant ${RUNS[consent]}); killed mid-run: $killed, finished before the kill: $completed"
echo "corrupt projects: $corrupt, partial imports: $partial_imports, partial datasets: $partial_datasets, lost datasets: $lost_datasets, unrecorded datasets: $unrecorded, lost committed edits: $lost"
echo "hidden staging folders left after the run: $leftovers (removed by the next export to ds)"
echo "survival ratio: $(echo "scale=4; ($N - $corrupt - $partial_imports - $partial_datasets - $lost_datasets - $unrecorded - $lost) / $N" | bc) (reference: 1.0000)"
[ $((corrupt + partial_imports + partial_datasets + lost_datasets + unrecorded + lost)) -eq 0 ]
