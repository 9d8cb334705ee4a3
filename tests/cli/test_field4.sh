#!/usr/bin/env bash
# tests/cli/test_field4.sh - fourth field round of the event-log side: logs
# written by hand in other tools' export styles (tests/data/logs/field4/),
# each the reproducer of a defect or a pin of behaviour that passed
# unchanged, expected values worked out by hand in the comments (id-wib:
# Mon-Thu 07:30-16:00 break 12:00-13:00, Fri 07:30-16:30 break 11:30-13:00,
# 450 working minutes a day).  3 Mar 2025 00:00Z = day 20150 =
# 1740960000000 ms; 08:00 WIB that day = 01:00Z = +3600000.
. tests/cli/lib.sh

q() { sqlite3 "$1" "$2"; }
F=tests/data/logs/field4
M=tests/data/models
D0=1740960000000

# ---- Excel's "sep=;" first line ----
# Excel (and export scripts written for it) put "sep=;" on line 1 so the
# file opens split at ';' in any locale.  It names the separator and is
# no row; the header is line 2.  Before: read as the header, refused with
# "no case id column (... header: sep=)".  The ',' inside "Tanda tangan,
# paraf" stays in the activity (';' separates).  Rows on lines 3 and 4;
# 08:00 WIB = +3600000, 11:00 WIB = 04:00Z = +14400000.
DB="$TMP/sep.db"
run "$MUTU" ingest $F/excel-sep.csv --db "$DB" --tz WIB
expect_rc "sep= line: exit 0" 0
expect_out_has "sep= line: both rows" "events stored   2 (1 new cases)"
expect_eq "sep= line: lines, activities, first start, last end" \
	"$(q "$DB" "SELECT group_concat(line || ':' || activity, '|') FROM (SELECT * FROM events ORDER BY id)") $(q "$DB" "SELECT min(start_ms) - $D0, max(end_ms) - $D0 FROM events")" \
	"3:Verifikasi|4:Tanda tangan, paraf 3600000|14400000"

# ---- a case in a year past the shipped calendars (2027) ----
# id-wib covers 2024-2026 (its holiday lists); 2027 has no listed holiday,
# so mutu refuses to count it rather than count a holiday-free year.  The
# ingest stores the rows (a log is a log); the audit of the case says why
# it cannot be measured and exits 2.  Before: the reason, then "no case
# 'Y1' in ... ('mutu db info' shows what the store holds)", although the
# store holds it.  A period audit of March 2027 audits 0 cases and names
# the skipped one on stderr (passed unchanged), and the monthly report
# refuses the month (passed unchanged).
DB="$TMP/y27.db"
run "$MUTU" ingest $F/tahun-2027.csv --db "$DB" --models $M
expect_out_has "2027: stored" "events stored   3 (1 new cases)"
run "$MUTU" audit --case Y1 --db "$DB" --models $M --no-store
expect_rc "2027 audit --case: exit 2" 2
expect_err_has "2027 audit --case: the reason" "2027-03-01T08:00:00+07:00 is outside calendar id-wib (2024-2026); use a calendar whose years cover it"
expect_err_has "2027 audit --case: not audited, not 'no case'" "case 'Y1' not audited: it cannot be measured (the reason above)"
case "$ERR" in *"no case 'Y1'"*) not_ok "2027 audit --case: the store holds the case" "$ERR" ;; *) ok "2027 audit --case: the store holds the case" ;; esac
run "$MUTU" audit --sop uji-sla --from 2027-03-01 --to 2027-03-31 --db "$DB" --models $M --no-store
expect_eq "2027 period audit: 0 audited, 1 skipped said" \
	"$RC $(printf '%s\n' "$OUT" | grep -c 'kasus diaudit *0$') $(printf '%s\n' "$ERR" | grep -c '1 case(s) skipped')" "0 1 1"
run "$MUTU" report monthly --month 2027-03 --db "$DB" --models $M --format json --out -
expect_rc "2027 report: exit 2" 2
expect_err_has "2027 report: the calendar's years" "calendar id-wib covers 2024-2026; 2027-03 is outside it"
