#!/usr/bin/env bash
# tests/cli/test_field3.sh - third field round of the event-log side: logs
# written by hand in other tools' export styles (tests/data/logs/field3/),
# each the reproducer of a defect or a pin of behaviour that passed
# unchanged, expected values worked out by hand in the comments (id-wib:
# Mon-Thu 07:30-16:00 break 12:00-13:00, Fri 07:30-16:30 break 11:30-13:00,
# 450 working minutes a day; 2025-05-29 LN Kenaikan, 2025-05-30 cuti
# bersama, 2025-06-01 LN Pancasila on a Sunday).
. tests/cli/lib.sh

q() { sqlite3 "$1" "$2"; }
F=tests/data/logs/field3
M=tests/data/models

# ---- bupaR (R's write.csv): NA for a missing value ----
# An activitylog: Verifikasi has no resource (NA), Survei started 13:00
# and is not complete (NA).  NA is R's missing value, not text: no
# officer named NA, and Survei is an open step, so the case is open
# (before: actor 'NA', the Survei row rejected as a bad stamp and the
# case read as finished at 10:30).  Survei's start 13:00 WIB on Tue 3 Jun
# 2025 = 06:00Z: day 20242 * 86400000 + 6 * 3600000 = 1748930400000.
DB="$TMP/na.db"
run "$MUTU" ingest $F/bupar-activitylog-na.csv --db "$DB" --tz WIB
expect_rc "R NA: exit 0" 0
expect_out_has "R NA: all 3 rows stored" "events stored   3 (1 new cases)"
expect_out_has "R NA: said so" "NA: 2 row(s) (first: line 3) with NA in a role column, read as missing"
expect_eq "R NA: no officer named NA, one event without an actor" \
	"$(q "$DB" "SELECT count(*) FROM events WHERE actor = 'NA'") $(q "$DB" "SELECT count(*) FROM events WHERE actor IS NULL")" "0 1"
expect_eq "R NA: the open step's start, no end" \
	"$(q "$DB" "SELECT start_ms, quote(end_ms) FROM events WHERE activity = 'Survei'")" "1748930400000|NULL"
run "$MUTU" audit --case B3 --db "$DB" --no-store
expect_out_has "R NA: the case is open" "selesai: masih terbuka"
expect_out_has "R NA: Survei open" "budi               (terbuka)"
# An eventlog: NA resource on both rows of Verifikasi, NA timestamp on a
# row: that row has no stamp ("no timestamp", as an empty one), not a bad
# one; 4 of 5 rows stored.
DB="$TMP/na2.db"
run "$MUTU" ingest $F/bupar-eventlog-na.csv --db "$DB" --tz WIB
expect_out_has "R NA eventlog: 4 stored" "events stored   4 (1 new cases)"
expect_eq "R NA eventlog: NA stamp is a missing stamp" \
	"$(q "$DB" "SELECT reason FROM rejected")" "no timestamp: timestamp empty"
expect_eq "R NA eventlog: Verifikasi without actor" \
	"$(q "$DB" "SELECT count(*) FROM events WHERE activity = 'Verifikasi' AND actor IS NULL")" "2"
