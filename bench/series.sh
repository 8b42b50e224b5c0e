#!/usr/bin/env bash
# Sensor-series load benchmark (issue "Must show"): generates a 2-hour recording folder with a
# 7.2 M-row imu.csv (1 kHz) and a 216 k-row hands.csv (30 Hz, hand_tracking_results v2, some frames
# with a missing hand), runs `tacit-cli bench series DIR --json`, and prints load rows/s, peak RSS
# and window-query cost next to references measured in the same run on the same file:
#   wc -l        (counting lines only: a floor no parser can beat)
#   python3 csv  (csv.reader + int/float conversion, the usual quick-and-dirty loader)
# Usage: bench/series.sh [WORK_DIR]   (env: TACIT_BUILD_DIR, TACIT_CLI, SERIES_HOURS=2, SKIP_PYTHON=1)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${TACIT_BUILD_DIR:-$ROOT/build}"
CLI="${TACIT_CLI:-$BUILD_DIR/app/cli/tacit-cli}"
WORK="${1:-$(mktemp -d /tmp/tacit-series-bench.XXXXXX)}"
HOURS="${SERIES_HOURS:-2}"
mkdir -p "$WORK"
[ -x "$CLI" ] || { echo "tacit-cli not found at $CLI (build it or set TACIT_CLI)" >&2; exit 2; }
AWK="$(command -v mawk || command -v awk)"

IMU_ROWS=$((HOURS * 3600 * 1000))
HAND_ROWS=$((HOURS * 3600 * 30))
if [ ! -s "$WORK/imu.csv" ] || [ "$(tail -c 200 "$WORK/imu.csv" | tail -1 | cut -d, -f1)" != "$((1000000000 + (IMU_ROWS - 1) * 1000000))" ]; then
  echo "generating $IMU_ROWS IMU rows in $WORK/imu.csv ..."
  "$AWK" -v n="$IMU_ROWS" 'BEGIN {
    srand(1); print "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z"
    for (i = 0; i < n; i++)
      printf "%.0f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", 1000000000 + i * 1000000, sin(i * 0.001) + rand() * 0.1,
             -9.81 + rand() * 0.2, 0.3 * cos(i * 0.0007), rand() * 0.01, rand() * 0.01 - 0.005, 0.02 * sin(i * 0.0001)
  }' > "$WORK/imu.csv"
fi
if [ ! -s "$WORK/hands.csv" ]; then
  echo "generating $HAND_ROWS hand rows in $WORK/hands.csv ..."
  "$AWK" -v n="$HAND_ROWS" 'BEGIN {
    h = "tracking_timestamp_us"
    split("left right", side, " ")
    for (s = 1; s <= 2; s++) {
      h = h "," side[s] "_tracking_confidence"
      for (l = 0; l < 21; l++) h = h ",tx_" side[s] "_landmark_" l "_device,ty_" side[s] "_landmark_" l "_device,tz_" side[s] "_landmark_" l "_device"
    }
    for (s = 1; s <= 2; s++) h = h ",tx_" side[s] "_device_wrist,ty_" side[s] "_device_wrist,tz_" side[s] "_device_wrist,qx_" side[s] "_device_wrist,qy_" side[s] "_device_wrist,qz_" side[s] "_device_wrist,qw_" side[s] "_device_wrist"
    for (s = 1; s <= 2; s++) h = h ",nx_" side[s] "_palm_device,ny_" side[s] "_palm_device,nz_" side[s] "_palm_device,nx_" side[s] "_wrist_device,ny_" side[s] "_wrist_device,nz_" side[s] "_wrist_device"
    print h
    for (i = 0; i < n; i++) {
      ts = 1000000 + i * 33333; b = 0.1 * sin(i * 0.01)
      row = sprintf("%.0f", ts)
      for (s = 1; s <= 2; s++) {
        if (s == 1 && i % 50 == 7) { row = row ",-1"; for (k = 0; k < 63; k++) row = row ",0"; continue }
        row = row sprintf(",%.6f", 0.9 + 0.001 * (i % 97))
        for (l = 0; l < 21; l++) row = row sprintf(",%.6f,%.6f,%.6f", b + 0.01 * l, -0.25 + 0.002 * l, 0.3 - b)
      }
      for (s = 1; s <= 2; s++) row = row sprintf(",%.6f,%.6f,%.6f,0,0,%.6f,%.6f", b, -0.3, 0.25, sin(b / 2), cos(b / 2))
      for (s = 1; s <= 2; s++) row = row ",0,0,1,0,1,0"
      print row
    }
  }' > "$WORK/hands.csv"
fi

echo "reference: wc -l imu.csv"
WC_START=$(date +%s.%N); wc -l < "$WORK/imu.csv" > /dev/null; WC_END=$(date +%s.%N)
WC_S=$(echo "$WC_END - $WC_START" | bc -l)

PY_S=""
if [ -z "${SKIP_PYTHON:-}" ] && command -v python3 > /dev/null; then
  echo "reference: python3 csv.reader + float() over imu.csv ..."
  PY_S=$(python3 - "$WORK/imu.csv" <<'PYEOF'
import csv, sys, time
t = time.perf_counter()
n = 0
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f)
    next(r)
    for row in r:
        int(row[0]); [float(x) for x in row[1:]]
        n += 1
print(f"{time.perf_counter() - t:.3f}")
PYEOF
)
fi

echo "tacit-cli bench series $WORK --json"
JSON="$WORK/bench-series.json"
"$CLI" bench series "$WORK" --json > "$JSON"

python3 - "$JSON" "$WC_S" "${PY_S:-0}" <<'PYEOF'
import json, sys
j = json.load(open(sys.argv[1]))
wc_s, py_s = float(sys.argv[2]), float(sys.argv[3])
imu = j["files"][0]
print()
for f in j["files"]:
    print(f"{f['kind']:<6} {f['rows']:>10,} rows  {f['bytes']/1e6:8.1f} MB  load {f['seconds']:6.3f} s wall "
          f"({f['cpu_seconds']:.3f} s CPU)  {f['rows_per_second']/1e6:5.2f} M rows/s "
          f"({f['rows_per_cpu_second']/1e6:5.2f} M rows/s CPU)  {f['memory_bytes']/2**20:6.1f} MiB")
print(f"peak RSS of tacit-cli bench series: {j['peak_rss_mib']:.1f} MiB (limit: well under 1024 MiB)")
print(f"IMU load vs wc -l     : {imu['seconds']:.3f} s vs {wc_s:.3f} s  -> ratio {imu['seconds']/wc_s:.2f}x of a line count")
if py_s > 0:
    print(f"IMU load vs python csv: {imu['seconds']:.3f} s vs {py_s:.3f} s  -> {py_s/imu['seconds']:.1f}x faster")
print("window query (6 channels, %d buckets max):" % j["window_query_points"])
for q in j["window_query"]:
    print(f"  zoom {q['zoom']:<8} {q['samples']:>9,} samples -> {q['buckets']:>5} buckets  {q['median_us']:8.1f} us median, {q['max_us']:8.1f} us max")
ok = imu["rows_per_second"] >= 2e6 or imu["rows_per_cpu_second"] >= 2e6
print("PASS" if ok and j["peak_rss_mib"] < 1024 else "CHECK", ": target >= 2 M IMU rows/s, RSS < 1 GiB")
PYEOF
echo "(files kept in $WORK)"
