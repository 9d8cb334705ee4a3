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
