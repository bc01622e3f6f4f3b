#!/usr/bin/env bash
# Wall time of a D0-delta 20x20 scan (crdl scan, in process on all cores, and on Spark local[*])
# against the same grid through separate `crdl run` calls (timed on RUNS calls, scaled to 400).
# Run from the repository root: benchmarks/scan-vs-run.sh [RUNS]
set -euo pipefail
runs="${1:-10}"
model=models/reference/flat_halo.crdl
tmp="$(mktemp -d)"
./crdl check "$model"                       # build once, outside the timings
now() { date +%s.%N; }
t0=$(now)
./crdl scan "$model" --vary D0=8e27:1.3e28:20 --vary delta=0.42:0.56:20 --against B/C --out "$tmp/scan" >/dev/null 2>&1
t1=$(now)
./crdl scan "$model" --vary D0=8e27:1.3e28:20 --vary delta=0.42:0.56:20 --against B/C --out "$tmp/spark" --spark >/dev/null 2>&1
t2=$(now)
for i in $(seq 1 "$runs"); do
  d=$(awk -v i="$i" 'BEGIN { printf "%.4g", 8e27 + (i % 20) * 2.6e26 }')
  ./crdl run "$model" --set "D0=${d}[cm^2/s]" --out "$tmp/run" >/dev/null 2>&1
done
t3=$(now)
cmp -s "$tmp/scan/scan.csv" "$tmp/spark/scan.csv" && same=yes || same=NO
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$runs" -v same="$same" 'BEGIN {
  scan = b - a; spark = c - b; run = (d - c) / n * 400;
  printf "crdl scan 20x20 in process: %.1f s\ncrdl scan 20x20 --spark local[*]: %.1f s (%.2fx the in-process wall time; identical scan.csv: %s)\n", scan, spark, spark / scan, same;
  printf "400 crdl run calls (from %d timed): %.0f s\nscan speed-up over crdl run calls: %.0fx\n", n, run, run / scan }'
rm -rf "$tmp"
