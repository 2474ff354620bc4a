#!/bin/sh
# bench.sh — the benchmark of issue 9, ours and FET's interleaved so both see the same
# load: for each instance and seed, fet-cl (run_fet.sh) and then Mektep's solver
# (`mektep timetable solve --fet`, build/mektep), each result counted by check_nis.py and
# by sv_verify (check_fet). Usage: bench.sh OUTDIR [INSTANCES…] (default: nis1w3 vmg
# nis1w1; SEEDS="1 2 3 4 5"), from the repository root after a build; needs Debian's fet
# and fet-data, and python3. One line per run goes to OUTDIR/bench.log. ONLY=fet or
# ONLY=ours runs one side (FET's 300 s runs of nis1w1 in the background while ours are
# measured; both append to the same log).
set -eu
out=$1
shift
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED_BENCH:-$here/../../../shared/bench/timetable}
[ -d "$shared" ] || shared=/work/shared/bench/timetable
cc -O2 -std=c17 -D_GNU_SOURCE -I src "$here/check_fet.c" src/solver/model.c src/solver/search.c \
   src/solver/fet.c src/solver/explain.c src/util/buf.c -lm -lpthread -o "$out/check_fet"
python3 "$shared/gen_nis.py" --out "$out/nis1w3.fet" --seed 1 --rooms 1 \
   --teacher-max-gaps-week 3 --teacher-max-gaps-day 1 >/dev/null
python3 "$shared/gen_nis.py" --out "$out/nis1w1.fet" --seed 1 --rooms 1 \
   --teacher-max-gaps-week 1 --teacher-max-gaps-day 1 >/dev/null
cp "$(dpkg -L fet-data | grep 'vmg-20180901b-2.fet$')" "$out/vmg.fet"
log=$out/bench.log
count() { # INSTANCE RESULT -> "check_nis: hard=… gaps=…; sv_verify: …"
	c=$(python3 "$shared/check_nis.py" "$1" "$2" 2>&1 | sed -n 's/^hard_total = \([0-9]*\)/\1/p; s/^QUALITY: teacher_gaps_total = \([0-9]*\).*/\1/p' | tr '\n' ' ')
	v=$("$out/check_fet" "$1" "$2" 2>/dev/null || true)
	echo "check_nis hard,gaps=$c sv_verify: $v"
}
for inst in ${*:-nis1w3 vmg nis1w1}; do
	for seed in ${SEEDS:-1 2 3 4 5}; do
		f=$out/$inst.fet
		if [ "${ONLY:-}" != ours ]; then
			r=$("$here/run_fet.sh" "$f" "$seed" 300 "$out/fet-$inst-$seed")
			x=$(ls "$out/fet-$inst-$seed"/timetables/$inst/${inst}_activities.xml \
			       "$out/fet-$inst-$seed"/timetables/$inst-highest/${inst}_activities.xml 2>/dev/null | head -1)
			echo "FET $r load=$(cut -d' ' -f1 /proc/loadavg) | $(count "$f" "$x")" >>"$log"
		fi
		[ "${ONLY:-}" = fet ] && continue
		limit=20
		[ "$inst" = vmg ] && limit=60
		[ "$inst" = nis1w1 ] && limit=60
		for threads in 2 1; do
			[ "$threads" = 1 ] && [ "$inst" != nis1w3 ] && continue
			r=$out/ours-$inst-$seed-$threads.xml
			o=$(build/mektep timetable solve --fet "$f" --out "$r" --seed "$seed" --time-limit "$limit" \
			    --threads "$threads" 2>/dev/null || true)
			# "… 0 hard violations in T s (searched S s, M moves); G teacher gaps …"
			t=$(echo "$o" | sed -n 's/.*0 hard violations in \([0-9.]*\) s.*/\1/p')
			echo "OURS $inst threads=$threads seed=$seed time_to_feasible=${t:--1} load=$(cut -d' ' -f1 /proc/loadavg) | $(count "$f" "$r")" >>"$log"
		done
	done
done
