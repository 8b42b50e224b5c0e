#!/usr/bin/env bash
# Taxonomy import must be linear (issue #14: 20 k labels took 13-17 s, 100 k did not finish in 60 s).
# Times `tacit-cli labels taxonomy import` of 20 000 and 100 000 labels (1 000 groups of 20 / 100) and
# prints the time ratio: about 5 when linear, about 25 when quadratic. Reference: the 20 k run itself.
# Usage: bench/taxonomy_import.sh [BUILD_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
cmake --build "$BUILD" --target tacit-cli >/dev/null
CLI="$BUILD/app/cli/tacit-cli"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import json, sys
for n in (20, 100):
    labels = [{"name": f"group{g}", "children": [{"name": f"l{i}"} for i in range(n - 1)]} for g in range(1000)]
    json.dump({"format": "tacit-taxonomy", "version": 1, "labels": labels}, open(f"{sys.argv[1]}/tax{n}.json", "w"))
PY
declare -A secs
for n in 20 100; do
  "$CLI" project create "$WORK/p$n.tacit" >/dev/null
  start=$(date +%s%N)
  "$CLI" labels taxonomy import "$WORK/p$n.tacit" "$WORK/tax$n.json" >/dev/null
  secs[$n]=$(python3 -c "print(($(date +%s%N) - $start) / 1e9)")
done
python3 - "${secs[20]}" "${secs[100]}" <<'PY'
import sys
a, b = float(sys.argv[1]), float(sys.argv[2])
print(f"taxonomy import: 20000 labels {a:.2f} s, 100000 labels {b:.2f} s; ratio {b / a:.1f} "
      f"(linear ~5, quadratic ~25)")
PY
