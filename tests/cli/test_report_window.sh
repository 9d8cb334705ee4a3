#!/usr/bin/env bash
# tests/cli/test_report_window.sh - the monthly report reads its 12-month
# window plus the old cases that may still be open (cases.last_done_step,
# schema 6), and gives the report a read of the whole history gives.
#
# The hand-made log tests/data/logs/uji-window.csv (model uji-sla, calendar
# id-wib 2024-2026; its final steps are 4, the office's last step, where
# the clock stops, and 5, the applicant's receipt after it: a case whose
# latest completion is either is finished), reported for June 2025: the
# window is July 2024 .. June 2025, read from 30 June 2024 00:00 UTC (a
# day's margin).  Cases wholly before it, with their marker (step of the
# latest completion):
#   OF1  finished Jan 2024, marker 5 = final: left out
#   OO2  steps 1-3 done Feb 2024, open: marker 3, read (the backlog)
#   OR3  finished Mar 2024 then step 3 again (rework after the final step):
#        marker 3, read; finished at step 4's end, so counted nowhere
#   OF4  signed Apr 2024 (step 4), the applicant's step 5 started and
#        never ended: marker 4 = final, finished, left out (before, when
#        the clock ran to step 5: read, and open for ever)
#   OO5  step 1 only, May 2024: marker 1, read, open but not accepted
#   OP6  finished 27 Jun 2024, before the margin: marker 5, left out
# In the window: W5 (arrived Jun 2024, finished 3 Jul 2024), W1 (Sep 2024),
# W2 (finished 5 Jun 2025), W3 (open, accepted 10 Jun 2025), W4 (finished
# 19 Jun 2025, rework after).
# So the window read takes 11 - 3 = 8 cases and 48 - 5 - 5 - 5 = 33 events;
# the whole history (MUTU_REPORT_FULL_READ=1) 11 and 48; June: finished
# W2, W4; open at month end OO2, W3 (2, both past the 3-day ceiling), not
# accepted OO5 (1).  Every other byte of the JSON is the same.
. tests/cli/lib.sh

DB="$TMP/w.db"
MODELS=tests/data/models
run "$MUTU" ingest tests/data/logs/uji-window.csv --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest the window log" 0

run "$MUTU" report monthly --month 2025-06 --db "$DB" --models "$MODELS" --out "$TMP/win" --format json
expect_rc "window read: report exit 0" 0
MUTU_REPORT_FULL_READ=1 run "$MUTU" report monthly --month 2025-06 --db "$DB" --models "$MODELS" --out "$TMP/full" --format json
expect_rc "full read: report exit 0" 0
W="$TMP/win/report-2025-06.json" F="$TMP/full/report-2025-06.json"
reads() { grep -o '"cases_read":[0-9]*,"events_read":[0-9]*' "$1"; }
expect_eq "window read: 8 cases, 33 events" "$(reads "$W")" '"cases_read":8,"events_read":33'
expect_eq "full read: 11 cases, 48 events" "$(reads "$F")" '"cases_read":11,"events_read":48'
# the two counts of what was read are the only difference
strip() { sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$1"; }
if [ -s "$W" ] && cmp -s <(strip "$W") <(strip "$F"); then
	ok "window and full reads give byte-identical reports (but for cases_read/events_read)"
else
	not_ok "window and full reads give byte-identical reports" "$(diff <(strip "$W" | tr ',' '\n') <(strip "$F" | tr ',' '\n') | head -10)"
fi
got=$(python3 - "$W" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]["summary"]
print(g["finished"], g["open_at_month_end"], g["open_past_ceiling"], g["open_not_accepted"])
PY
)
expect_eq "June: 2 finished, 2 open (both past the ceiling), 1 not accepted" "$got" "2 2 2 1"

# a second batch that completes OO2 in March 2024: its marker becomes 5,
# so the window read leaves it out (7 cases; 50 - 5 - 5 - 5 - 5 = 30 events)
# and the backlog is one case smaller
printf 'case_id,step,activity,actor,start,end\nOO2,4,Kepala Dinas menandatangani SK,Kepala Dinas,2024-02-08 13:00,2024-02-08 14:00\nOO2,5,Pemohon menerima SK,Pemohon,2024-03-01 09:00,2024-03-01 09:15\n' >"$TMP/more.csv"
run "$MUTU" ingest "$TMP/more.csv" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest OO2's completion" 0
run "$MUTU" report monthly --month 2025-06 --db "$DB" --models "$MODELS" --out "$TMP/win2" --format json
MUTU_REPORT_FULL_READ=1 run "$MUTU" report monthly --month 2025-06 --db "$DB" --models "$MODELS" --out "$TMP/full2" --format json
expect_eq "after the batch: window read 7 cases (OO2 finished, left out)" "$(reads "$TMP/win2/report-2025-06.json")" \
	'"cases_read":7,"events_read":30'
if cmp -s <(strip "$TMP/win2/report-2025-06.json") <(strip "$TMP/full2/report-2025-06.json"); then
	ok "after the batch: window and full reads still agree"
else
	not_ok "after the batch: window and full reads agree"
fi
got=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1]))["groups"][0]["summary"]; print(g["open_at_month_end"])' "$TMP/win2/report-2025-06.json")
expect_eq "after the batch: 1 open at month end (W3)" "$got" "1"
