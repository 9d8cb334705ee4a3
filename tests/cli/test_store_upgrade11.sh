#!/usr/bin/env bash
# tests/cli/test_store_upgrade11.sh - schema 11 (docs/store.md): events.sorting,
# the log's order of a case's equal stamps (Celonis _SORTING).  A schema 10
# store that kept _SORTING only as an event attribute (made by hand from a
# schema 11 one: the column dropped, user_version 10, which is schema 10
# exactly) opens, gets the column filled from the attribute, drops the kept
# measures of those cases and the month summaries (computed in file
# order), keeps the other cases' measures, and its audit and report are a
# new store's (tests/cli/test_field10.sh works the case out by hand).
. tests/cli/lib.sh

MD=tests/data/models
ver() { sqlite3 "$1" "PRAGMA user_version"; }
DB=$TMP/s10.db
run "$MUTU" ingest tests/data/logs/field10/celonis-urut.csv --db "$DB" --models $MD --tz WIB --quiet
expect_rc "the Celonis table into a new store" 0
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models $MD --quiet
expect_rc "a log without _SORTING into the same store" 0
# the reports of July 2025 (the Celonis case) and May 2025 (uji-sla.csv)
# keep each case's measure and their months' summaries
"$MUTU" report monthly --month 2025-07 --db "$DB" --models $MD --format json --out "$TMP/r0" >/dev/null 2>&1
"$MUTU" report monthly --month 2025-05 --db "$DB" --models $MD --format json --out "$TMP/r0" >/dev/null 2>&1
cel=$(sqlite3 "$DB" "SELECT id FROM cases WHERE case_key = 'C-0714'")
kept_other=$(sqlite3 "$DB" "SELECT count(*) FROM case_measure WHERE case_id <> $cel")
expect_eq "measures kept: the Celonis case's and others" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM case_measure WHERE case_id = $cel") $([ "$kept_other" -gt 0 ] && echo some)" "1 some"
sqlite3 "$DB" "ALTER TABLE events DROP COLUMN sorting; PRAGMA user_version = 10"
expect_eq "schema 10 by hand: no events.sorting" \
	"$(ver "$DB") $(sqlite3 "$DB" "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'sorting'")" "10 0"
expect_eq "summaries before the upgrade" "$([ "$(sqlite3 "$DB" "SELECT count(*) FROM month_summary")" -gt 0 ] && echo some)" "some"

# an ingest of another case upgrades it (and touches no case above)
printf 'case_id,activity,end\nZ-1,Pemohon mengajukan permohonan,2025-08-04T08:00:00+07:00\n' >"$TMP/z.csv"
run "$MUTU" ingest "$TMP/z.csv" --db "$DB" --quiet
expect_rc "an ingest opens and upgrades the store: exit 0" 0
expect_eq "upgraded to schema 11" "$(ver "$DB")" "11"
expect_eq "the Celonis case's measure dropped (computed in file order)" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM case_measure WHERE case_id = $cel")" "0"
expect_eq "the month summaries dropped" "$(sqlite3 "$DB" "SELECT count(*) FROM month_summary")" "0"
run "$MUTU" report monthly --month 2025-07 --db "$DB" --models $MD --format json --out "$TMP/r1"
expect_rc "report after the upgrade: exit 0" 0
expect_eq "sorting filled from the kept _SORTING, in file order" \
	"$(sqlite3 "$DB" "SELECT group_concat(ifnull(sorting, 'NULL'), ' ') FROM (SELECT sorting FROM events WHERE case_id = $cel ORDER BY id)")" \
	"50 40 30 20 10"
expect_eq "events of the other log: none" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE case_id <> $cel AND sorting IS NOT NULL")" "0"
expect_eq "the other cases' measures kept" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM case_measure WHERE case_id <> $cel")" "$kept_other"
expect_eq "the July report after the upgrade: 1 finished, within, lead 1045" \
	"$(python3 -c "
import json, glob
d = json.load(open(glob.glob('$TMP/r1/report-2025-07.json')[0]))
s = [g for g in d['groups'] if g['id'] == 'uji-sla'][0]['summary']
print(s['finished'], s['within'], s['lead_median'])")" "1 1 1045"
expect_eq "the audit after the upgrade: steps in _SORTING order (step:actual:flags)" \
	"$("$MUTU" audit --case C-0714 --db "$DB" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
print(' '.join('%s:%s:%s' % (s['step'], s['actual'], ','.join(s['flags']) or '-') for s in json.load(sys.stdin)['cases'][0]['steps']))")" \
	"1:None:- 2:0:- 3:985:over 4:60:- 5:0:-"
# a store at schema 11 already opens as it is (no second column, no error)
run "$MUTU" db info --db "$DB"
expect_rc "schema 11 opens again" 0
