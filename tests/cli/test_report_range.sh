#!/usr/bin/env bash
# tests/cli/test_report_range.sh - `mutu report monthly --month A..B`: one
# report per month from one read of the store, each the file the month
# alone gives (sla_month_run_range), on SQLite and on PostgreSQL.
#
# The hand-made log tests/data/logs/uji-range.csv (model uji-sla: steps 1-5,
# the clock from the end of step 2 -- the file check, reject_to -- to the
# end of step 5, ceiling 3 Hari; calendar id-wib: Mon-Thu 07:30-16:00 with a
# 12:00-13:00 break, 7.5 net hours a day), reported for 2025-01..2025-03:
#   F0  2024-02-05 .. 2024-02-06, finished (within): only January's 12-month
#       window (Feb 2024 .. Jan 2025) holds it
#   O1  2024-03-04, steps 1-3, never finished: open (past the ceiling) at
#       every month's end; before February's and March's windows, read as
#       the backlog (its marker, step 3, is no final step: 4, the office's
#       last, or 5, the applicant's receipt after it)
#   A1  2025-01-06 .. 01-07, within: clock Mon 6 Jan 09:00 .. Tue 7 Jan
#       09:30 (step 4; the receipt at 10:15 is the applicant's) = 09:00-16:00
#       less the hour's break (360 min) + 07:30-09:30 (120 min) = 480
#       working minutes (525 to 10:15 before)
#   A2  2025-01-13 .. 02-05: late (three weeks); open at January's end
#   A3  2025-01-20, steps 1-2 only: accepted, open at every month's end
#   B1  2025-02-03 .. 02-04, within
#   B2  2025-02-17 .. 03-06: late; open at February's end
#   C1  2025-03-10 .. 03-11, within
#   C2  2025-03-17, step 1 only: not accepted at March's end
# So, per month (finished / within the ceiling / open at the end, all past
# the ceiling / open not accepted / arrivals):
#   January  1 / 1 / 3 (O1 A2 A3) / 0 / 3 (A1 A2 A3)
#   February 2 / 1 / 3 (O1 A3 B2) / 0 / 2 (B1 B2)
#   March    2 / 1 / 2 (O1 A3)    / 1 (C2) / 2 (C1 C2)
# January's trend row 2024-02 holds F0 (1 finished); March's last three
# rows are 1, 2, 2 finished.  The cases a report of the month alone reads
# from a store without summaries: January F0 O1 A1 A2 A3 = 5 cases,
# 5+3+5+5+2 = 20 events; February O1 A1 A2 A3 B1 B2 = 6, 25; March those
# and C1 C2 = 8, 31 -- and the range reports say the same.
# Kept measures (measure_suite below): a range keeps the measure of every
# case a report of one of its months reads again -- its span reaches the
# first month's 1st less a day (31 Dec 2024), or it is not finished at its
# model's final step -- so all but F0 (finished 6 Feb 2024, read only by
# January's cold window): A1 A2 A3 B1 B2 C1 C2 O1 = 8.  Keeping only those
# reaching the last month (1 Mar less a day: B2 C1) and the open ones (O1
# A3 C2) gave 5, and a second range read A1 A2 B1 from their events again.
. tests/cli/lib.sh

MODELS=tests/data/models
LOG=tests/data/logs/uji-range.csv
DB="$TMP/r.db"
run "$MUTU" ingest "$LOG" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest the range log" 0
cp "$DB" "$TMP/pristine.db" # without summaries: a copy per report of a month alone
for m in 01 02 03; do cp "$DB" "$TMP/c$m.db"; done

run "$MUTU" report monthly --month 2025-01..2025-03 --db "$DB" --models "$MODELS" --out "$TMP/range" --format json
expect_rc "range 2025-01..2025-03: exit 0" 0
expect_eq "range: one report per month, named as the month alone names it" \
	"$(cd "$TMP/range" 2>/dev/null && ls)" "report-2025-01.json
report-2025-02.json
report-2025-03.json"
expect_eq "range: each month's answer and files on standard output" \
	"$(grep -c '^monthly report 2025-0[123]: ' "$TMP/out")" "3"

facts() { # FILE -> the hand-worked figures of its one group
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = d["groups"][0]
s = g["summary"]
t = [x["finished"] for x in g["trend"]]
print(d["cases_read"], d["events_read"], s["finished"], s["within"], s["open_at_month_end"],
      s["open_past_ceiling"], s["open_not_accepted"], s["arrivals"], g["trend"][0]["month"], t[0], t[-3:])
PY
}
expect_eq "January: 5 cases/20 events read, 1 finished within, 3 open past the ceiling, 3 arrivals, trend 2024-02 = 1 (F0)" \
	"$(facts "$TMP/range/report-2025-01.json")" "5 20 1 1 3 3 0 3 2024-02 1 [0, 0, 1]"
expect_eq "February: 6/25 read, 2 finished 1 within, 3 open past, 2 arrivals, trend .. 1 1" \
	"$(facts "$TMP/range/report-2025-02.json")" "6 25 2 1 3 3 0 2 2024-03 0 [0, 1, 2]"
expect_eq "March: 8/31 read, 2 finished 1 within, 2 open past, 1 not accepted, 2 arrivals, trend .. 1 2 2" \
	"$(facts "$TMP/range/report-2025-03.json")" "8 31 2 1 2 2 1 2 2024-04 0 [1, 2, 2]"
expect_eq "January: A1's lead time 480 working minutes (360 + 120)" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["groups"][0]["summary"]["lead_median"])' \
		"$TMP/range/report-2025-01.json")" "480"

# each month alone, from a store without summaries: the same file, byte
# for byte (the JSON carries no generation time, and the read counts are
# those of the month alone)
for m in 01 02 03; do
	run "$MUTU" report monthly --month 2025-$m --db "$TMP/c$m.db" --models "$MODELS" --out "$TMP/single" --format json
	if [ -s "$TMP/range/report-2025-$m.json" ] && cmp -s "$TMP/range/report-2025-$m.json" "$TMP/single/report-2025-$m.json"; then
		ok "2025-$m: the range's report = the month alone's, byte for byte"
	else
		not_ok "2025-$m: the range's report = the month alone's" \
			"$(diff <(tr ',' '\n' <"$TMP/range/report-2025-$m.json") <(tr ',' '\n' <"$TMP/single/report-2025-$m.json") | head -8)"
	fi
done
# the range kept the months' summaries: March alone now reads only its own
# month -- the spans that reach 28 Feb 2025 (its 1st less a day) or later,
# B2 C1 C2, and the backlog before it, O1 A3: 5 cases, 5+5+1+3+2 = 16
# events -- and everything else is the same
strip() { sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$1"; }
run "$MUTU" report monthly --month 2025-03 --db "$DB" --models "$MODELS" --out "$TMP/warm" --format json
expect_eq "after the range, March alone reads its month: 5 cases, 16 events" \
	"$(grep -o '"cases_read":[0-9]*,"events_read":[0-9]*' "$TMP/warm/report-2025-03.json")" '"cases_read":5,"events_read":16'
if cmp -s <(strip "$TMP/warm/report-2025-03.json") <(strip "$TMP/range/report-2025-03.json"); then
	ok "warm March alone = the range's March (but for cases_read/events_read)"
else
	not_ok "warm March alone = the range's March"
fi

# csv in English: the same files as the months alone
cp "$TMP/pristine.db" "$TMP/x.db"
run "$MUTU" report monthly --month 2025-01..2025-03 --db "$TMP/x.db" --models "$MODELS" --out "$TMP/rcsv" --format csv --lang en
expect_rc "range as csv, English: exit 0" 0
for m in 01 03; do
	cp "$TMP/pristine.db" "$TMP/x.db"
	run "$MUTU" report monthly --month 2025-$m --db "$TMP/x.db" --models "$MODELS" --out "$TMP/scsv" --format csv --lang en
	if [ -s "$TMP/rcsv/report-2025-$m.csv" ] && cmp -s "$TMP/rcsv/report-2025-$m.csv" "$TMP/scsv/report-2025-$m.csv"; then
		ok "csv 2025-$m: the range's = the month alone's"
	else
		not_ok "csv 2025-$m: the range's = the month alone's" "$(diff "$TMP/rcsv/report-2025-$m.csv" "$TMP/scsv/report-2025-$m.csv" | head -6)"
	fi
done

# --sop: the month alone's file name (report-YYYY-MM-SOP) and content
cp "$TMP/pristine.db" "$TMP/x.db"
run "$MUTU" report monthly --month 2025-02..2025-03 --sop uji-sla --db "$TMP/x.db" --models "$MODELS" --out "$TMP/rsop" --format json
expect_eq "range with --sop: report-2025-02-uji-sla.json, report-2025-03-uji-sla.json" \
	"$(cd "$TMP/rsop" 2>/dev/null && ls)" "report-2025-02-uji-sla.json
report-2025-03-uji-sla.json"
cp "$TMP/pristine.db" "$TMP/x.db"
run "$MUTU" report monthly --month 2025-03 --sop uji-sla --db "$TMP/x.db" --models "$MODELS" --out "$TMP/ssop" --format json
if [ -s "$TMP/rsop/report-2025-03-uji-sla.json" ] && cmp -s "$TMP/rsop/report-2025-03-uji-sla.json" "$TMP/ssop/report-2025-03-uji-sla.json"; then
	ok "range with --sop, March = March alone with --sop"
else
	not_ok "range with --sop, March = March alone with --sop"
fi

# what a range refuses, with nothing written (exit 2)
run "$MUTU" report monthly --month 2026-11..2027-02 --db "$DB" --models "$MODELS" --out "$TMP/bad5" --format json
expect_rc "a range past the calendar's years (id-wib: 2024-2026, the range reaches 2027): exit 2" 2
expect_err_has "  ... names the month outside the calendar" "2027-01 is outside"
run "$MUTU" report monthly --month 2025-03..2025-01 --db "$DB" --models "$MODELS" --out "$TMP/bad1" --format json
expect_rc "a range that runs backwards: exit 2" 2
expect_err_has "  ... says it must run forward" "must run forward"
run "$MUTU" report monthly --month 2015-01..2025-01 --db "$DB" --models "$MODELS" --out "$TMP/bad2" --format json
expect_rc "121 months (more than 120): exit 2" 2
run "$MUTU" report monthly --month 2025-01..2025-13 --db "$DB" --models "$MODELS" --out "$TMP/bad3" --format json
expect_rc "month 13 in a range: exit 2" 2
run "$MUTU" report monthly --month 2025-01..2025-03 --by-office --db "$DB" --models "$MODELS" --out "$TMP/bad4" --format json
expect_rc "a range with --by-office: exit 2" 2
expect_err_has "  ... says --by-office reports one month" "by-office reports one month"
run "$MUTU" report monthly --month 2025-01..2025-03 --db "$DB" --models "$MODELS" --out - --format json
expect_rc "a range to standard output: exit 2" 2
expect_eq "  ... nothing written by the refused ranges" "$(ls -d "$TMP"/bad? 2>/dev/null)" ""

# measure_suite NAME DB QUERY-COMMAND: on a store without summaries or
# measures, a range keeps the 8 measures (header) and a second range reads
# them: with A1's, A2's and B1's event rows deleted behind mutu's back (only
# their measures know them now) every month is the first range's, and
# January reads 4 cases / 15 events (O1 3 + A1 5 + A2 5 + A3 2: F0 is
# before the read, its 11 earlier trend months come from the summaries;
# a measure carries its case's event count).  Read from their events, A1
# and A2 would have none: January would finish nothing.
measure_suite() {
	local name=$1 db=$2 q=$3
	run "$MUTU" report monthly --month 2025-01..2025-03 --db "$db" --models "$MODELS" --out "$TMP/$name-m1" --format json
	expect_rc "$name: range on a fresh store: exit 0" 0
	expect_eq "$name: the range kept 8 measures: every case but F0" \
		"$($q "SELECT k.case_key FROM case_measure m JOIN cases k ON k.id = m.case_id ORDER BY k.case_key" | tr '\n' ' ')" \
		"A1 A2 A3 B1 B2 C1 C2 O1 "
	$q "DELETE FROM events WHERE case_id IN (SELECT id FROM cases WHERE case_key IN ('A1', 'A2', 'B1'))" >/dev/null
	expect_eq "$name: A1's, A2's and B1's events deleted behind mutu's back" \
		"$($q "SELECT count(*) FROM events WHERE case_id IN (SELECT id FROM cases WHERE case_key IN ('A1', 'A2', 'B1'))")" "0"
	run "$MUTU" report monthly --month 2025-01..2025-03 --db "$db" --models "$MODELS" --out "$TMP/$name-m2" --format json
	expect_rc "$name: the second range: exit 0" 0
	expect_eq "$name: January reads 4 cases, 15 events (F0 left to the summaries)" \
		"$(grep -o '"cases_read":[0-9]*,"events_read":[0-9]*' "$TMP/$name-m2/report-2025-01.json")" '"cases_read":4,"events_read":15'
	for m in 01 02 03; do
		if [ -s "$TMP/$name-m2/report-2025-$m.json" ] &&
			cmp -s <(strip "$TMP/$name-m2/report-2025-$m.json") <(strip "$TMP/$name-m1/report-2025-$m.json"); then
			ok "$name 2025-$m: the second range (A1 A2 B1 from their measures) = the first"
		else
			not_ok "$name 2025-$m: the second range = the first" \
				"$(diff <(tr ',' '\n' <"$TMP/$name-m2/report-2025-$m.json") <(tr ',' '\n' <"$TMP/$name-m1/report-2025-$m.json") | head -8)"
		fi
	done
	expect_eq "$name: February and March read as before (6/25, 8/31: the months alone's counts)" \
		"$(cat "$TMP/$name-m2/report-2025-02.json" "$TMP/$name-m2/report-2025-03.json" | grep -o '"cases_read":[0-9]*,"events_read":[0-9]*' | tr '\n' ' ')" \
		'"cases_read":6,"events_read":25 "cases_read":8,"events_read":31 '
}
cp "$TMP/pristine.db" "$TMP/meas.db"
measure_suite sqlite "$TMP/meas.db" "sqlite3 $TMP/meas.db"

# ---- PostgreSQL: the same range from the other backend --------------------
. tests/pg/pg.sh
pg_start_checked || exit 1
pgdb=$MUTU_PG_LOCATION
run "$MUTU" ingest "$LOG" --db "$pgdb" --sop uji-sla --models "$MODELS" --quiet
expect_rc "PostgreSQL: ingest the range log" 0
run "$MUTU" report monthly --month 2025-01..2025-03 --db "$pgdb" --models "$MODELS" --out "$TMP/pg" --format json
expect_rc "PostgreSQL: range 2025-01..2025-03: exit 0" 0
for m in 01 02 03; do
	if [ -s "$TMP/pg/report-2025-$m.json" ] && cmp -s "$TMP/pg/report-2025-$m.json" "$TMP/range/report-2025-$m.json"; then
		ok "PostgreSQL 2025-$m: the range's report = SQLite's, byte for byte"
	else
		not_ok "PostgreSQL 2025-$m: the range's report = SQLite's" \
			"$(diff <(tr ',' '\n' <"$TMP/pg/report-2025-$m.json") <(tr ',' '\n' <"$TMP/range/report-2025-$m.json") | head -8)"
	fi
done
run "$MUTU" report monthly --month 2025-02 --db "$pgdb" --models "$MODELS" --out "$TMP/pg1" --format json
if cmp -s <(strip "$TMP/pg1/report-2025-02.json") <(strip "$TMP/pg/report-2025-02.json"); then
	ok "PostgreSQL: February alone (summaries kept) = the range's February (but for the read counts)"
else
	not_ok "PostgreSQL: February alone = the range's February"
fi
pq() { psql -X -q -tA -d "$1" -c "$2"; }
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS mutu_range_measure" >/dev/null 2>&1
psql -X -q -d postgres -c "CREATE DATABASE mutu_range_measure" >/dev/null
PGM="postgres:///mutu_range_measure?host=$MUTU_PG_DIR"
run "$MUTU" ingest "$LOG" --db "$PGM" --sop uji-sla --models "$MODELS" --quiet
expect_rc "PostgreSQL: ingest the range log into a second database" 0
measure_suite pg "$PGM" "pq $PGM"
