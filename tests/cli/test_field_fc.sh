#!/usr/bin/env bash
# test_field_fc.sh - forecasts and backtests, a field round: small offices
# whose future is deterministic (fixed service times, five officers per
# position so no file waits, no new files), every date and probability
# worked out by hand on the office calendar (datasets/calendars, id-wib:
# Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30, 450 min).
#
# tests/data/field-fc/izin-uji-fc.ini: 1 Pemohon 30 m, 2 Front Office 30 m
# (reject_to 1: the clock starts at its end), 3 Tim Teknis 2 Hari = 900 m
# (reject_to 1), 4 Back Office 60 m, 5 Kepala Dinas 30 m (the office's last
# step: the clock stops), 6 Pemohon collects 10 m; ceiling (3 Hari) = 1350 m.
. tests/cli/lib.sh

D=tests/data/field-fc
SC=$D/uji-fc-wib.ini
"$MUTU" ingest $D/log-agustus.csv --db "$TMP/a.db" --models $D --quiet
fc_csv() { # AS_OF: the forecast's CSV rows, without the header
	"$MUTU" forecast --db "$TMP/a.db" --scenario $SC --as-of "$1" --format csv 2>"$TMP/fc.err" | tail -n +2
}
# one file's age (working min), P(late) and p50 finish from the CSV:
# case,...,in_service,age_work_minutes,age_days,p_late,planned,p_late_planned,p_unfinished,p10,p50,p90
row() { echo "$1" | grep "^$2," | rev | cut -d, -f1-9 | rev | awk -F, '{print $1, $3, $8}'; }
lead() { # AS_OF CASE: the median lead time in working minutes (JSON)
	"$MUTU" forecast --db "$TMP/a.db" --scenario $SC --as-of "$1" --format json | python3 -c "
import json, sys
print([f for f in json.load(sys.stdin)['files'] if f['case'] == '$2'][0]['lead_p50_work_minutes'])"
}

# ---- as of Thursday 2025-08-07 10:00 WIB ----
# P-001: accepted Mon 08-04 09:00 (end of step 2); Tim Teknis returned it at
#   11:00 (2 h = 120 m on the clock); since then step 1 again, "melengkapi
#   berkas", open: with the applicant, the clock stopped.  Age 120 m (not
#   120 + Mon 11:00-16:00 240 + Tue 450 + Wed 450 + Thu 150 = 1410).  Its
#   30 m are used up: it resubmits at once (Thu 10:00), FO 10:30, Tim
#   Teknis 900 m: Thu 10:30-12:00 90 + 13:00-16:00 180, Fri 450 (720),
#   Mon 08-11 07:30-10:30 180; BO 11:30, KD 12:00.  Lead 120 + 30 + 900
#   + 60 + 30 = 1140 <= 1350: P(late) 0.
# N-003: step 1 done 09:50, the FO's check starts 10:20 (after as-of): not
#   accepted, age 0; FO 10:00-10:30 and the same path: Mon 12:00, P 0.
# L-004: accepted Mon 07-28 09:00, the Kadis's signature open since Fri
#   08-01 14:00, far past 30 m: ends at once, at as-of (not before it).
#   Age Mon 07-28 360 + Tue-Fri 1800 + Mon-Wed 1350 + Thu 150 = 3660: P 1.
# S-002: signed Wed 08-06 13:30, not collected: finished for the office
#   (not open), within (Tue 09:00-16:00 360 + Wed 07:30-13:30 less the
#   break 300 = 660 m).
OUT=$(fc_csv 2025-08-07T10:00)
expect_eq "P-001 back with the applicant: age 120 m (clock paused), P(late) 0, signed Mon 12:00" \
	"$(row "$OUT" P-001)" "120.0 0 2025-08-11T12:00:00+07:00"
expect_eq "N-003 not yet accepted: age 0, P 0, signed Mon 12:00" \
	"$(row "$OUT" N-003)" "0.0 0 2025-08-11T12:00:00+07:00"
expect_eq "L-004 past the ceiling: P 1, signature at as-of, not before it" \
	"$(row "$OUT" L-004)" "3660.0 1 2025-08-07T10:00:00+07:00"
expect_eq "S-002 signed, not collected: not open" "$(echo "$OUT" | grep -c '^S-002,')" "0"
# August: S (observed, within), L (late), P and N (within): 3 of 4
run "$MUTU" forecast --db "$TMP/a.db" --scenario $SC --as-of 2025-08-07T10:00 --format json
expect_out_has "August: S-002 observed finished and within" '"month": "2025-08", "observed_finished": 1, "observed_within": 1'
expect_out_has "August: 3 of 4 within (S observed, P and N simulated; L late)" '"within": {"mean": 0.75, "lo": 0.75, "hi": 0.75}'

# ---- as of Monday 2025-08-04 11:10: P-001 10 m into melengkapi berkas ----
# 20 m left with the applicant (off the clock): resubmitted 11:30, FO
# 12:00, Tim Teknis 900 m: Mon 13:00-16:00 180, Tue 450, Wed 07:30-12:00
# 270; BO 13:00-14:00, KD 14:30 Wed 08-06.  Lead 120 + 30 + 900 + 60 + 30
# = 1140 m (not 1160: the applicant's 20 m are not the office's).
OUT=$(fc_csv 2025-08-04T11:10)
expect_eq "P-001 mid-melengkapi: age 120, P 0, signed Wed 14:30" \
	"$(row "$OUT" P-001)" "120.0 0 2025-08-06T14:30:00+07:00"
expect_eq "P-001: the applicant's rest is off the clock (lead 1140 m)" "$(lead 2025-08-04T11:10 P-001)" "1140"
