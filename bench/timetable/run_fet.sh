#!/bin/sh
# run_fet.sh — runs Debian's fet-cl (FET 6.8.5) once on a .fet file with one seed and a
# time limit, for the benchmark against Mektep's solver (bench/timetable/README.md).
# Prints one line: instance, seed, wall seconds, FET's result sentence; the timetable
# is left in OUTDIR/timetables/<name>/<name>_activities.xml for check_nis.py.
# Usage: run_fet.sh IN.fet SEED LIMIT_SECONDS OUTDIR
set -eu
in=$1 seed=$2 limit=$3 out=$4
rm -rf "$out"; mkdir -p "$out"
t0=$(date +%s.%N)
fet-cl --inputfile="$in" --outputdir="$out" --timelimitseconds="$limit" \
  --randomseeds10="$seed" --randomseeds11=$((seed + 1)) --randomseeds12=$((seed + 2)) \
  --randomseeds20=$((seed + 3)) --randomseeds21=$((seed + 4)) --randomseeds22=$((seed + 5)) \
  --htmllevel=0 --warnifusingnotperfectconstraints=false >"$out/stdout.txt" 2>&1 || true
t1=$(date +%s.%N)
res=$(sed -n "4,\$p" "$out/logs/result.txt" 2>/dev/null | grep -v "^$" | tr "\n" " " | cut -c1-200)
printf '%s seed=%s wall=%.1f %s\n' "$(basename "$in")" "$seed" "$(echo "$t1 - $t0" | bc)" "$res"
