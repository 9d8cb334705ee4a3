#!/usr/bin/env bash
# tests/cli/test_sim_calendar.sh - `mutu sim` with a pelaksana on a calendar
# of its own ([staff] NAME = N calendar=...).  Expected values are worked
# out by hand below on id-wita (Mon-Thu 07:30-12:00, 13:00-16:00; no
# holiday in 5-9 May 2025) and the test calendars in tests/data/calendars/.
. "$(dirname "$0")/lib.sh"

D=tests/data/sim-calendar
printf 'submitted\n2025-05-05 08:00\n' >"$TMP/one.csv"

# 1. Two steps, the Back Office on loket-pagi (08:00-12:00 Mon-Fri).
#    Submitted Mon 5 May 08:00 WITA.  Step 1, Front Office, 1 Jam on
#    id-wita: 08:00-09:00.  Step 2, Back Office, 6 Jam on loket-pagi:
#    Mon 09:00-12:00 = 3 h, Tue 08:00-11:00 = 3 h: ends Tue 6 May 11:00.
#    (On id-wita alone it would end Tue 08:30.)  Lead time is measured on
#    id-wita: Mon 08:00-12:00 + 13:00-16:00 = 420 min, Tue 07:30-11:00 =
#    210 min: 630 minutes.
cat >"$TMP/a.ini" <<INI
[run]
calendar = id-wita
start = 2025-05-05
end = 2025-05-16
replications = 1

[staff]
Front Office = 1
Back Office = 1 calendar=tests/data/calendars/loket-pagi.ini

[sop a]
model = $D/dua-langkah.ini
arrivals = replay $TMP/one.csv
service = fixed
INI
run "$MUTU" sim "$TMP/a.ini" --format json --emit-log "$TMP/a.csv" --force
expect_rc "loket calendar: runs" 0
got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["sops"][0]; print(s["lead_mean"]["mean"], s["finished"]["mean"])')
expect_eq "loket calendar: lead 630 minutes, 1 finished" "$got" "630 1"
expect_eq "loket calendar: step 1 on office hours" "$(sed -n 2p "$TMP/a.csv" | awk -F, '{print $(NF-2)" "$(NF-1)}')" \
	"2025-05-05T08:00:00+08:00 2025-05-05T09:00:00+08:00"
expect_eq "loket calendar: step 2 ends Tue 11:00 on the loket's hours" "$(sed -n 3p "$TMP/a.csv" | awk -F, '{print $(NF-2)" "$(NF-1)}')" \
	"2025-05-05T09:00:00+08:00 2025-05-06T11:00:00+08:00"

# 2. A 24x7 Tim Teknis between two office-hours steps; two files
#    (Mon 08:00 = A, Mon 08:30 = B), one staff each, fixed times.
#    FO 1 Jam: A 08:00-09:00, B waits 30 min, 09:00-10:00.
#    Tim Teknis 10 Jam around the clock: A 09:00-19:00 Mon; B waits
#    10:00-19:00 (300 office minutes: 10-12 and 13-16), 19:00 Mon - 05:00 Tue.
#    Both ends fall while the office is closed, where id-wita's working
#    clock stands still: they are ordered by their instants, so B starts
#    at 19:00 (not at 16:00 or 07:30).
#    Kepala Dinas 30 Menit on id-wita: both wait for Tue 07:30; A (its end
#    came first) 07:30-08:00, B 08:00-08:30 (waits 30 office minutes).
#    Lead: A Mon 08:00 -> Tue 08:00 = 420 + 30 = 450; B Mon 08:30 ->
#    Tue 08:30 = 390 + 60 = 450.  Mean waits: step 1 (0+30)/2 = 15,
#    step 2 (0+300)/2 = 150, step 3 (0+30)/2 = 15.
printf 'submitted\n2025-05-05 08:00\n2025-05-05 08:30\n' >"$TMP/two.csv"
cat >"$TMP/b.ini" <<INI
[run]
calendar = id-wita
start = 2025-05-05
end = 2025-05-16
replications = 1

[staff]
Front Office = 1
Tim Teknis = 1 calendar=24x7
Kepala Dinas = 1

[sop b]
model = $D/tiga-langkah.ini
arrivals = replay $TMP/two.csv
service = fixed
INI
run "$MUTU" sim "$TMP/b.ini" --format json --emit-log "$TMP/b.csv" --force
expect_rc "24x7 team: runs" 0
got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["sops"][0]; print(s["lead_mean"]["mean"], s["finished"]["mean"], *[st["wait_mean"]["mean"] for st in s["steps"]])')
expect_eq "24x7 team: lead 450, 2 finished, waits 15 150 15" "$got" "450 2 15 150 15"
expect_eq "24x7 team: the log, step by step" "$(tail -n +2 "$TMP/b.csv" | awk -F, '{print $1" "$3" "$(NF-2)" "$(NF-1)}' | sed 's/^sim-b-0000//')" \
"01 1 2025-05-05T08:00:00+08:00 2025-05-05T09:00:00+08:00
02 1 2025-05-05T09:00:00+08:00 2025-05-05T10:00:00+08:00
01 2 2025-05-05T09:00:00+08:00 2025-05-05T19:00:00+08:00
02 2 2025-05-05T19:00:00+08:00 2025-05-06T05:00:00+08:00
01 3 2025-05-06T07:30:00+08:00 2025-05-06T08:00:00+08:00
02 3 2025-05-06T08:00:00+08:00 2025-05-06T08:30:00+08:00"

# 3. Errors name the scenario's [staff] line (line 9 of a.ini).
sed 's#calendar=tests/data/calendars/loket-pagi.ini#calendar=loket-malam#' "$TMP/a.ini" >"$TMP/c.ini"
run "$MUTU" sim "$TMP/c.ini"
expect_rc "unknown actor calendar exits 2" 2
expect_err_has "unknown actor calendar named at file:line" "c.ini:9: Back Office: calendar loket-malam:"
expect_err_has "unknown actor calendar: says not found" "not found"

sed 's#loket-pagi.ini#loket-2024.ini#' "$TMP/a.ini" >"$TMP/d.ini"
run "$MUTU" sim "$TMP/d.ini"
expect_rc "actor calendar not covering the run exits 2" 2
expect_err_has "actor calendar years named at file:line" "d.ini:9: Back Office: calendar tests/data/calendars/loket-2024.ini covers 2024-2024, not the whole run"

sed 's#calendar=tests/data/calendars/loket-pagi.ini#calendar=24x7 calendar=24x7#' "$TMP/a.ini" >"$TMP/e.ini"
run "$MUTU" sim "$TMP/e.ini"
expect_rc "calendar= twice exits 2" 2
expect_err_has "calendar= twice named at file:line" "e.ini:9: Back Office: calendar= is given twice"
