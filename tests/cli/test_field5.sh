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
