#!/usr/bin/env bash
# Makes the 2-hour recording of issue 13 from a 20 s sample: video and depth concatenated N times by
# stream copy (ffmpeg -f concat -c copy), each sensor CSV tiled N times with its timestamps shifted by
# the sample's duration per copy (IMU and trajectory at 1 kHz: 7.2 M rows each for N = 360).
# Usage: bench/make_long_recording.sh SAMPLE_DIR OUT_DIR [N=360]
#   SAMPLE_DIR: a recording from `tacit-cli sample` (made there when missing; env TACIT_CLI).
set -euo pipefail
SAMPLE=${1:?usage: make_long_recording.sh SAMPLE_DIR OUT_DIR [N]}
OUT=${2:?usage: make_long_recording.sh SAMPLE_DIR OUT_DIR [N]}
N=${3:-360}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLI="${TACIT_CLI:-$ROOT/build/app/cli/tacit-cli}"
AWK="$(command -v mawk || command -v awk)"
if [[ ! -f "$SAMPLE/recording.json" ]]; then
  [[ -x "$CLI" ]] || { echo "no sample at $SAMPLE and no tacit-cli at $CLI" >&2; exit 2; }
  "$CLI" sample "$SAMPLE" > /dev/null
fi
mkdir -p "$OUT"
# The copies follow each other: one sample duration apart (the container duration the concat
# demuxer uses for the video), in ns.
DUR_S=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$SAMPLE/rgb.mp4")
DUR_NS=$(printf '%.0f' "$(echo "$DUR_S * 1000000000" | bc -l)")

for media in rgb.mp4 depth.mkv; do
  [[ -f "$SAMPLE/$media" ]] || continue
  list="$OUT/.concat-$media.txt"
  abs="$(cd "$SAMPLE" && pwd)/$media"
  : > "$list"
  for ((i = 0; i < N; i++)); do echo "file '$abs'" >> "$list"; done
  ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$list" -c copy "$OUT/$media"
  rm -f "$list"
done

# Tiles one CSV: the header once, then N copies with the first *timestamp* column shifted by
# i * duration in that column's unit (_us or _ns).
tile() {
  local in=$1 out=$2
  "$AWK" -F, -v OFS=, -v n="$N" -v durns="$DUR_NS" -v file="$in" '
    NR == 1 {
      header = $0
      for (c = 1; c <= NF; c++) if (col == 0 && $c ~ /timestamp/) col = c
      if (col == 0) { print file ": no timestamp column" > "/dev/stderr"; exit 2 }
      unit = ($col ~ /_us$/) ? 1000 : 1
      next
    }
    NF == 0 { next }
    {
      # Split once: the text before the timestamp, the timestamp, the text after it.
      ++count
      pre[count] = ""; post[count] = ""
      for (c = 1; c < col; c++) pre[count] = pre[count] $c ","
      ts[count] = $col
      for (c = col + 1; c <= NF; c++) post[count] = post[count] "," $c
    }
    END {
      if (col == 0) exit 2
      print header
      if (count > 0 && ts[count] + (n - 1) * (durns / unit) > 4e15) {
        print file ": timestamps too large to shift exactly" > "/dev/stderr"; exit 3
      }
      for (i = 0; i < n; i++) {
        shift = i * (durns / unit)
        for (r = 1; r <= count; r++) printf "%s%.0f%s\n", pre[r], ts[r] + shift, post[r]
      }
    }' "$in" > "$out"
}
for csv in "$SAMPLE"/*.csv; do
  tile "$csv" "$OUT/$(basename "$csv")"
done
cp "$SAMPLE/recording.json" "$OUT/"
[[ -f "$SAMPLE/calibration.json" ]] && cp "$SAMPLE/calibration.json" "$OUT/"
echo "$OUT: $(du -sh "$OUT" | cut -f1), video $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/rgb.mp4") s"
for csv in "$OUT"/*.csv; do echo "  $(basename "$csv"): $(($(wc -l < "$csv") - 1)) rows"; done
