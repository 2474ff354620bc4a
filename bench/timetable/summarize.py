#!/usr/bin/env python3
"""summarize.py — the medians of bench.sh's log (bench/timetable/README.md): per
instance and solver, the times to a timetable with 0 hard violations (as check_nis.py
counts it), the teacher gaps, and how many seeds reached 0. usage: summarize.py bench.log"""
import re, statistics, sys, collections

runs = collections.defaultdict(list)  # (instance, solver) -> [(seed, time or None, gaps, hard)]
for line in open(sys.argv[1]):
    chk = re.search(r'check_nis hard,gaps=(\d+) (\d+)', line)
    ver = re.search(r'sv_verify: hard=(\d+) teacher_gaps=(\d+)', line)
    if line.startswith('FET '):
        m = re.match(r'FET (\S+)\.fet seed=(\d+) wall=([\d.]+) (.*?) \|', line)
        inst, seed, wall, res = m.group(1), int(m.group(2)), float(m.group(3)), m.group(4)
        ok = 'successful' in res
        key = (inst, 'FET 6.8.5')
        t = wall if ok else None
    else:
        m = re.match(r'OURS (\S+) threads=(\d+) seed=(\d+) .*?time_to_feasible=(-?[\d.]+)', line)
        inst, seed, ttf = m.group(1), int(m.group(3)), float(m.group(4))
        key = (inst, 'ours, %s thread%s' % (m.group(2), 's' if m.group(2) != '1' else ''))
        t = ttf if ttf >= 0 else None
    runs[key].append((seed, t, int(ver.group(2)) if ver else None, int(ver.group(1)) if ver else None,
                      (int(chk.group(1)), int(chk.group(2))) if chk else None))

for (inst, solver), rs in sorted(runs.items()):
    rs.sort()
    times = [t for _, t, _, _, _ in rs]
    # a seed that never reached 0 counts as slower than any that did (for the median)
    key = sorted((t is None, t or 0) for t in times)
    med = key[len(key) // 2]
    med_s = ('>' + 'limit') if med[0] else '%.1f' % med[1]
    gaps = [g for _, t, g, _, _ in rs if t is not None and g is not None]
    print('%-7s %-16s times %-40s median %-7s solved %d/%d  gaps %s  check_nis %s' % (
        inst, solver, ', '.join('%.1f' % t if t is not None else '-' for t in times), med_s,
        sum(t is not None for t in times), len(rs),
        ('%d (median; %d-%d)' % (statistics.median(gaps), min(gaps), max(gaps))) if gaps else '-',
        ' '.join('%d/%d' % c for *_, c in rs if c)))
