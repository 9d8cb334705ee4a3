#!/usr/bin/env bash
# tests/cli/test_backtest_rework.sh - `mutu backtest` measures a hand log
# as the simulator measures: a file sent back straight to a staffed step.
#
# tests/data/sim-theory/kembali-dua-bt-scenario.ini: steps 1 (Pemohon),
# 2 Front Office, 3 Back Office, 4 Dinas Teknis; step 4 returns the file to
# step 2 after a fixed 1 Jam with the applicant; 24x7, March 2025.
# The log (times 2025-03-03, +07:00... the calendar is 24x7, UTC):
#   X: 1 00:00-00:01, 2 00:01-01:01, 3 01:01-02:01, 4 02:01-03:01, sent
#      back; the applicant's hour 03:01-04:01 (scenario: fixed 1 Jam), then
#      it queues at Front Office until 05:01: 2 05:01-06:01, 3 06:01-07:01,
#      4 07:01-08:01.  Lead = 8 h 01 less the applicant's 1 h = 421 min
#      (the simulator counts the queue after the return as waiting, not as
#      time with the applicant).  Step 2 waits 0 and 60 min: mean 30.
#   Y: 1 10:00-10:01, 2 10:01-11:01, 3 11:01-12:01, 4 12:01-13:01: lead
#      181 min, step 2 waits 0.
# March: 2 arrived, 2 finished; median lead (181 + 421)/2 = 301 min; p90
# by linear interpolation between the two (gsl, Hyndman-Fan 7) 181 + 0.9 x
# 240 = 397 min; step 2 mean wait (0 + 60 + 0)/3 = 20 min; step 4 mean
# service 60 min.
. tests/cli/lib.sh

D=tests/data/sim-theory
export MUTU_CALENDARS=datasets/calendars
cat >"$TMP/log.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end
X,kembali-dua,1,a,Pemohon,2025-03-03T00:00:00Z,2025-03-03T00:01:00Z
X,kembali-dua,2,b,Front Office,2025-03-03T00:01:00Z,2025-03-03T01:01:00Z
X,kembali-dua,3,c,Back Office,2025-03-03T01:01:00Z,2025-03-03T02:01:00Z
X,kembali-dua,4,d,Dinas Teknis,2025-03-03T02:01:00Z,2025-03-03T03:01:00Z
X,kembali-dua,2,b,Front Office,2025-03-03T05:01:00Z,2025-03-03T06:01:00Z
X,kembali-dua,3,c,Back Office,2025-03-03T06:01:00Z,2025-03-03T07:01:00Z
X,kembali-dua,4,d,Dinas Teknis,2025-03-03T07:01:00Z,2025-03-03T08:01:00Z
Y,kembali-dua,1,a,Pemohon,2025-03-03T10:00:00Z,2025-03-03T10:01:00Z
Y,kembali-dua,2,b,Front Office,2025-03-03T10:01:00Z,2025-03-03T11:01:00Z
Y,kembali-dua,3,c,Back Office,2025-03-03T11:01:00Z,2025-03-03T12:01:00Z
Y,kembali-dua,4,d,Dinas Teknis,2025-03-03T12:01:00Z,2025-03-03T13:01:00Z
CSV
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/b.db" --quiet
run "$MUTU" backtest $D/kembali-dua-bt-scenario.ini --db "$TMP/b.db" --sop kembali-dua --format json
expect_rc "backtest runs" 0
printf '%s\n' "$OUT" >"$TMP/b.json"
obs() { # MEASURE STEP
	python3 - "$TMP/b.json" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["rows"]:
    if r["period"] == "2025-03" and r["measure"] == sys.argv[2] and str(r.get("step") or 0) == sys.argv[3]:
        v = r["observed"]
        print("%g" % v if v is not None else "null")
PY
}
expect_eq "arrived 2" "$(obs arrivals 0)" "2"
expect_eq "finished 2" "$(obs finished 0)" "2"
expect_eq "median lead (181 + 421)/2 = 301 min" "$(obs lead_p50 0)" "301"
expect_eq "p90 lead 181 + 0.9 x 240 = 397 min" "$(obs lead_p90 0)" "397"
expect_eq "step 2 mean wait (0 + 60 + 0)/3 = 20 min" "$(obs wait_mean 2)" "20"
expect_eq "step 4 mean service 60 min" "$(obs service_mean 4)" "60"

# Back to the applicant's own step, which the log does not show (many
# logs carry no row for the applicant).  umpan-balik-bt-scenario.ini: step
# 1 Pemohon 1 Menit, step 2 Front Office, rejected back to step 1 after a
# fixed 2 Jam.  Z: 1 00:00-00:01, 2 00:01-01:01, sent back; the applicant's
# 2 h (01:01-03:01) and their step 1 (03:01-03:02, no row), then the
# queue at Front Office until 04:02: 2 04:02-05:02.  With the applicant:
# 2 h + 1 min; lead 5 h 02 - 2 h 01 = 181 min; step 2 waits 0 and 60 min.
cat >"$TMP/ub.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end
Z,umpan-balik,1,a,Pemohon,2025-03-03T00:00:00Z,2025-03-03T00:01:00Z
Z,umpan-balik,2,b,Front Office,2025-03-03T00:01:00Z,2025-03-03T01:01:00Z
Z,umpan-balik,2,b,Front Office,2025-03-03T04:02:00Z,2025-03-03T05:02:00Z
CSV
"$MUTU" ingest "$TMP/ub.csv" --db "$TMP/u.db" --quiet
run "$MUTU" backtest $D/umpan-balik-bt-scenario.ini --db "$TMP/u.db" --sop umpan-balik --format json
expect_rc "backtest (back to the applicant's step) runs" 0
printf '%s\n' "$OUT" >"$TMP/b.json"
expect_eq "lead 5 h 02 less the applicant's 2 h + their 1 min step = 181 min" "$(obs lead_p50 0)" "181"
expect_eq "step 2 mean wait (0 + 60)/2 = 30 min" "$(obs wait_mean 2)" "30"
