#!/usr/bin/env bash
# tests/cli/test_sim_profile_week.sh - a weekday profile (Monday twice the
# rest) across the holiday weeks of Lebaran 2025 on id-wib, by ISO week
# (tests/data/sim-theory/minggu-profil-scenario.ini: 10 per hari, profile.weekday
# 2 1 1 1 1).  "per hari" is per working day, every working day alike
# (Ramadan's shorter days too), times that weekday's factor, so a week brings
# 10 x the sum of its working days' factors (holidays from
# datasets/calendars/id-holidays-2024-2026.csv):
#   W12 (17-21 Mar, Ramadan hours): Mon-Fri 2+1+1+1+1 = 6 -> 60
#   W13: Fri 28 Mar cuti bersama Nyepi: Mon-Thu 5 -> 50
#   W14: 31 Mar - 4 Apr Idul Fitri and its cuti bersama: 0
#   W15: Mon 7 Apr cuti bersama: Tue-Fri 4 -> 40 (the Monday peak falls away)
#   W16: Fri 18 Apr Wafat Yesus Kristus: Mon-Thu 5 -> 50
#   the run (to Sunday 20 April): 200.
# Arrivals are Poisson: the mean of 200 replications within 3.5 standard
# errors sqrt(m / 200) (a correct run misses one of the five with probability
# about 0.2%); W14 exactly 0.  Passed unchanged.
. tests/cli/lib.sh

run "$MUTU" sim tests/data/sim-theory/minggu-profil-scenario.ini --by week --format csv
expect_rc "sim --by week: exit 0" 0
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, math, sys
want = {"": 200, "2025-W12": 60, "2025-W13": 50, "2025-W14": 0, "2025-W15": 40, "2025-W16": 50}
seen, bad = set(), []
for r in csv.reader(sys.stdin):
    if r[0] != "sop" or r[4] != "arrivals":
        continue
    p, m = r[-1], float(r[6])
    seen.add(p)
    w = want.get(p)
    if w is None or abs(m - w) > max(3.5 * math.sqrt(w / 200), 1e-9):
        bad.append((p, w, m))
print(sorted(seen) == sorted(want) and not bad and "ok" or (sorted(seen), bad))')
expect_eq "arrivals per ISO week: 10 x the week's working-day factors" "$got" "ok"
