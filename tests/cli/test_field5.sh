#!/usr/bin/env bash
# tests/cli/test_field5.sh - fifth field round of the event-log side: logs
# written by hand in other tools' export styles and as Indonesian offices
# export them (tests/data/logs/field5/), each the reproducer of a defect
# or a pin of behaviour that passed unchanged, expected values worked out
# by hand in the comments.  3 Jun 2025 00:00Z = 1748908800000 ms; 08:15
# WIB that day = 01:15Z = +4500000.
. tests/cli/lib.sh

q() { sqlite3 "$1" "$2"; }
F=tests/data/logs/field5
D0=1748908800000

# ---- invisible characters around values (U+00A0, U+200B) ----
# A value copied through Excel or a web page carries a no-break space or
# a zero-width space at its ends: line 2 is '\xa0C1\xa0', '\u200bVerifikasi
# \u200b', a stamp with a no-break space after it, 'ani\xa0'.  They are the
# same case, activity and officer as line 3's plain ones: one case, two
# events, the stamps 08:15 and 09:15 WIB (+4500000, +8100000).  Before:
# line 2's stamp a bad timestamp, and without it two cases 'C1'.
DB="$TMP/nbsp.db"
run "$MUTU" ingest $F/tak-terlihat.csv --db "$DB"
expect_out_has "invisible: both rows, one case" "events stored   2 (1 new cases)"
expect_eq "invisible: keys, activities, actors as plain text" \
	"$(q "$DB" "SELECT group_concat(hex(c.case_key) || ':' || e.activity || ':' || hex(e.actor) || ':' || (e.end_ms - $D0), ' ') FROM events e JOIN cases c ON c.id = e.case_id")" \
	"4331:Verifikasi:616E69:4500000 4331:Verifikasi:616E69:8100000"

# ---- two columns with the same header name ----
# A hand-made sheet (or a join) can repeat a header: 'catatan' three
# times.  Each value is kept, the k-th repeat named 'catatan.k' as pandas'
# read_csv names it: x, y, z under catatan, catatan.1, catatan.2.
# Before: one key per event, so y and then z overwrote x (only 'z' kept).
DB="$TMP/kembar.db"
run "$MUTU" ingest $F/kolom-kembar.csv --db "$DB"
expect_out_has "same name: said" "column 5 repeats the name 'catatan' of column 4: read as 'catatan.1'"
expect_eq "same name: every value kept" \
	"$(q "$DB" "SELECT group_concat(name || '=' || value, ' ') FROM (SELECT * FROM event_attrs ORDER BY name)")" \
	"catatan=x catatan.1=y catatan.2=z"

# ---- dates with the month by name, as Indonesian offices export them ----
# '3 Juni 2025 10.00' (the hour after a dot), 'Senin, 02 Juni 2025 08.15'
# (a weekday and a comma first), '4 Agustus 2025', '04-Agu-2025', 'Mei';
# a WIB / WITA name after the time as before.  Read with no --date-format
# (the month is a word: no day/month question).  From 3 Jun 2025 00:00Z,
# --tz WIB: 2 Jun 08:15 WIB = -86400000 + 4500000 = -81900000, 09:45 =
# -86400000 + 9900000 = -76500000; 3 Jun 10:00/10:30 WIB = 03:00Z/03:30Z
# = 10800000/12600000; 4 Aug is 62 days on (5356800000): 08:15 WIB
# 5361300000, 09:00 5364000000; 5 May is 29 days back (-2505600000):
# 08:00 WIB = 01:00Z -2502000000, 09:30 WITA = 01:30Z -2500200000.
# Before: 'no readable time stamp', give --date-format.
DB="$TMP/tgl.db"
run "$MUTU" ingest $F/tanggal-indonesia.csv --db "$DB" --tz WIB
expect_out_has "month names: every row" "events stored   4 (2 new cases)"
expect_eq "month names: the instants" \
	"$(q "$DB" "SELECT group_concat((start_ms - $D0) || '/' || (end_ms - $D0) || '@' || end_off, ' ') FROM (SELECT * FROM events ORDER BY id)")" \
	"-81900000/-76500000@420 10800000/12600000@420 5361300000/5364000000@420 -2502000000/-2500200000@480"
# a day past the month's end is no date: '32 Juni 2025 08.15'
printf 'case_id;activity;timestamp\nC1;A;32 Juni 2025 08.15\n' > "$TMP/tgl32.csv"
run "$MUTU" ingest "$TMP/tgl32.csv" --db "$TMP/tgl32.db" --tz WIB
expect_err_has "month names: 32 Juni refused" "no readable time stamp in the first 1 rows (timestamp: '32 Juni 2025 08.15')"
