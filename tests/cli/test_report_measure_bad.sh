#!/usr/bin/env bash
# tests/cli/test_report_measure_bad.sh - a kept case measure the decoder
# rejects (engine/sla_measure.c: truncated, or a byte too many) is never read
# past and never fails the report: the run is done again from every case's
# events (sla_month_run_range), so the report is the one without measures,
# and the run keeps the case's measure anew, whole.  So is a value of
# another type than BLOB in the row (store_sqlite.c hands any value to the
# decoder: it was read as no measure, the case then as one without events).
#
# The hand-made log tests/data/logs/uji-summary.csv (model uji-sla) reported
# for June 2025, as tests/cli/test_report_measure.sh does (its header works
# the cases out by hand): the June report keeps J1's (finished 4 Jun) and
# P1's (open) measures.  The report it must equal is the one that neither
# reads nor keeps measures (MUTU_REPORT_NO_MEASURES=1), which that test shows
# equal to the whole-history read.
. tests/cli/lib.sh

MODELS=tests/data/models
LOG=tests/data/logs/uji-summary.csv
DB=$TMP/a.db
run "$MUTU" ingest "$LOG" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest" 0
js() { grep -v '"generated' "$TMP/$1/report-2025-06.json"; }
j1() { sqlite3 "$DB" "SELECT $1 FROM case_measure m JOIN cases c ON c.id = m.case_id WHERE c.case_key = 'J1'"; }

report_june first
len=$(j1 'length(m.blob)')
if [ -n "$len" ] && [ "$len" -gt 8 ]; then ok "J1's measure kept ($len bytes)"; else not_ok "J1's measure kept" "length: '$len'"; fi
whole=$(j1 'hex(m.blob)')

bad() { # NAME SQL-EXPR (J1's blob becomes it)
	sqlite3 "$DB" "UPDATE case_measure SET blob = $2 WHERE case_id = (SELECT id FROM cases WHERE case_key = 'J1')"
	report_june "none-$1" MUTU_REPORT_NO_MEASURES=1 # the same store: its summaries kept
	RC=0
	report_june "bad-$1" || RC=$?
	ERR=$(cat "$TMP/bad-$1.err")
	OUT=$(cat "$TMP/bad-$1.out")
	expect_rc "$1: the report runs" 0
	if [ -s "$TMP/bad-$1/report-2025-06.json" ] && cmp -s <(js "none-$1") <(js "bad-$1"); then
		ok "$1: the report is the one without measures"
	else
		not_ok "$1: the report is the one without measures" "$(diff <(js "none-$1") <(js "bad-$1") 2>&1 | cut -c1-300 | head -6)"
	fi
	expect_eq "$1: J1's measure kept anew, whole" "$(j1 'hex(m.blob)')" "$whole"
}
bad truncated "substr(blob, 1, 7)"
bad "a byte too many" "x'${whole}00'"
bad empty "x''"
bad "a text value" "CAST(x'${whole}' AS TEXT)"
