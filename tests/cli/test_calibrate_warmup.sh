#!/usr/bin/env bash
# tests/cli/test_calibrate_warmup.sh - `mutu calibrate --warmup DAYS`: a log
# starts while the office is at work, so a scenario that starts empty on
# the log's first day waits too little in its first weeks (README, [run]:
# an M/M/1 at 0.95 from empty queues 8.6 files over 14 days, not 18; the
# SiCANTIK companion's Tim Teknis waits 54 min in January from empty
# against 248 min with --warmup 30).  With --warmup the scenario starts
# DAYS days earlier and measures from the period's first day.
#
# The log: three files of satu-langkah (24x7), the first arriving
# 2025-03-03, the last 2025-03-05: the period is 2025-03-03 .. 2025-03-05.
# --warmup 30: start 2025-03-03 - 30 days = 2025-02-01, warmup_until
# 2025-03-03.  Three files of satu-wib (id-wib, years 2024-2026) from
# Wednesday 2024-01-10: --warmup 30 would start on 2023-12-11, before the
# calendar's first day: cut at 2024-01-01.
. tests/cli/lib.sh

export MUTU_CALENDARS=datasets/calendars
cat >"$TMP/log.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end
A,satu-langkah,1,a,Front Office,2025-03-03T10:00:00Z,2025-03-03T11:00:00Z
B,satu-langkah,1,a,Front Office,2025-03-04T10:00:00Z,2025-03-04T10:30:00Z
C,satu-langkah,1,a,Front Office,2025-03-05T10:00:00Z,2025-03-05T12:00:00Z
CSV
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/c.db" --quiet
cal() { "$MUTU" calibrate --db "$TMP/c.db" --sop satu-langkah --models tests/data/sim-theory --min-cases 1 "$@"; }
run cal -o - 
expect_rc "no --warmup: runs" 0
expect_eq "no --warmup: [run] as before (start on the first day, no warmup_until)" \
	"$(echo "$OUT" | grep -E '^(start|warmup_until|end) =' | tr '\n' ' ')" "start = 2025-03-03 end = 2025-03-05 "
run cal --warmup 30 -o -
expect_rc "--warmup 30: runs" 0
expect_eq "--warmup 30: start 30 days before, measured from the first day" \
	"$(echo "$OUT" | grep -E '^(start|warmup_until|end) =' | tr '\n' ' ')" \
	"start = 2025-02-01 warmup_until = 2025-03-03 end = 2025-03-05 "
cal --warmup 30 -o "$TMP/w.ini" --force >/dev/null
run "$MUTU" sim "$TMP/w.ini" --format json -n 2
expect_rc "--warmup 30: the scenario runs" 0
expect_out_has "--warmup 30: the observed window is the log's period" '"warmup_until":"2025-03-03T00:00:00'
cat >"$TMP/wib.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end
D,satu-wib,1,a,Front Office,2024-01-10T09:00:00+07:00,2024-01-10T09:10:00+07:00
E,satu-wib,1,a,Front Office,2024-01-11T09:00:00+07:00,2024-01-11T09:10:00+07:00
F,satu-wib,1,a,Front Office,2024-01-12T09:00:00+07:00,2024-01-12T09:10:00+07:00
CSV
"$MUTU" ingest "$TMP/wib.csv" --db "$TMP/w.db" --quiet
run "$MUTU" calibrate --db "$TMP/w.db" --sop satu-wib --models tests/data/sim-theory --min-cases 1 --warmup 30 -o -
expect_rc "id-wib --warmup 30: runs" 0
expect_eq "id-wib --warmup 30: cut at the calendar's first day" \
	"$(echo "$OUT" | grep -E '^(start|warmup_until) =' | tr '\n' ' ')" "start = 2024-01-01 warmup_until = 2024-01-10 "
expect_out_has "id-wib --warmup 30: the cut is said" "(cut at the calendar's first day)"
for bad in -1 3651 x 1.5 ""; do
	run cal --warmup "$bad" -o -
	expect_rc "--warmup '$bad' is bad usage" 2
done
