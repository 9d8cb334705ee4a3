#!/usr/bin/env bash
# tests/cli/test_ingest_blocks.sh - the SQLite writer's two ways of storing
# an event (engine/store_sqlite.c, struct sqw): the events of a case this
# batch created, while its rows come together and their keys differ, go in
# blocks of 32 rows by one multi-row INSERT; every other event (a duplicate
# key within the run, a run longer than 64 keys, a case met again after
# others, a case of an earlier batch) goes one by one through INSERT OR
# IGNORE and the exact duplicate check.  The same rows must come out either
# way: counts worked out by hand below, each event's attribute on its own
# event (ids are given ahead while the event waits in its block), and the
# export of a store loaded in case order (blocks) equal to that of the same
# rows shuffled (cases come apart: one by one).
. tests/cli/lib.sh

# row LINE CASE ACTIVITY MINUTE ACTOR: one event of 2025-03-03, starting
# MINUTE minutes after 08:00Z and ending 5 minutes later; the note column
# (an event attribute) names the event as "CASE/ACTIVITY/ACTOR"
row() {
	local s=$(( $4 )) e=$(( $4 + 5 ))
	printf '%s,%s,%s,2025-03-03T%02d:%02d:00Z,2025-03-03T%02d:%02d:00Z,%s\n' \
		"$2" "$3" "$5" $(( 8 + s / 60 )) $(( s % 60 )) $(( 8 + e / 60 )) $(( e % 60 )) "$2/$3/$5"
}
LOG=$TMP/log.csv
{
	echo "case_id,activity,actor,start,end,note"
	# case A: 40 different events -- a full block of 32 and 8 more
	for i in $(seq 1 40); do row 0 A "a$i" "$i" budi; done
	# the same event as A's 5th: a key the run has had -> one by one, a duplicate
	row 0 A a5 5 budi
	# a new event after it (the run is one by one from here on): stored
	row 0 A a41 41 budi
	# case B: 70 different events, more keys than a run checks (64)
	for i in $(seq 1 70); do row 0 B "b$i" "$i" rina; done
	# B's first event again: a duplicate
	row 0 B b1 1 rina
	# case A met again after B: one new event, one duplicate of A's first
	row 0 A a42 42 budi
	row 0 A a1 1 budi
	# case C: the same activity and times under two actors and with none:
	# three different events (a NULL actor is not the empty string's twin)
	row 0 C c1 1 budi
	row 0 C c1 1 rina
	row 0 C c1 1 ""
	# case D: the same fields as A's 2nd event, but another case: stored
	row 0 D a2 2 budi
} >"$LOG"
# 40 + 1 + 1 + 70 + 1 + 2 + 3 + 1 = 119 rows; duplicates: A's a5, B's b1, A's a1
run "$MUTU" ingest "$LOG" --db "$TMP/a.db"
expect_rc "ingest in case order: exit 0" 0
expect_out_has "in case order: all rows read" "rows read       119"
expect_out_has "in case order: 116 events stored" "events stored   116"
expect_out_has "in case order: the 3 duplicates found" "duplicates      3"
expect_eq "in case order: 4 cases" "$(sqlite3 "$TMP/a.db" 'SELECT count(*) FROM cases')" "4"
expect_eq "in case order: per case A 42, B 70, C 3, D 1" \
	"$(sqlite3 "$TMP/a.db" "SELECT group_concat(k || ' ' || n, ', ') FROM (SELECT c.case_key k, count(*) n FROM events e JOIN cases c ON c.id = e.case_id GROUP BY k ORDER BY k)")" \
	"A 42, B 70, C 3, D 1"
# every event's note sits on that event (its id was given while it waited
# in a block): the note is CASE/ACTIVITY/ACTOR of its own row
expect_eq "in case order: each note on its own event" \
	"$(sqlite3 "$TMP/a.db" "SELECT count(*) FROM event_attrs a JOIN events e ON e.id = a.event_id JOIN cases c ON c.id = e.case_id WHERE a.name = 'note' AND a.value = c.case_key || '/' || e.activity || '/' || ifnull(e.actor, '')")" \
	"116"
expect_eq "in case order: no note elsewhere" "$(sqlite3 "$TMP/a.db" 'SELECT count(*) FROM event_attrs')" "116"
# ids in row order: the event ids rise with the line (blocks and single
# rows interleave in the order the rows came)
expect_eq "in case order: ids follow the lines" \
	"$(sqlite3 "$TMP/a.db" 'SELECT count(*) FROM events e1 JOIN events e2 ON e2.id = e1.id + 1 WHERE e2.line <= e1.line')" "0"
expect_eq "in case order: ids 1..116 without a gap" "$(sqlite3 "$TMP/a.db" 'SELECT min(id) || ".." || max(id) FROM events')" "1..116"
expect_eq "in case order: integrity_check" "$(sqlite3 "$TMP/a.db" 'PRAGMA integrity_check')" "ok"

# the same rows shuffled: cases come apart, so their events go one by one
{
	head -1 "$LOG"
	tail -n +2 "$LOG" | awk 'BEGIN { srand(14) } { print rand() "\t" $0 }' | sort -k1,1 | cut -f2-
} >"$TMP/shuf.csv"
run "$MUTU" ingest "$TMP/shuf.csv" --db "$TMP/b.db"
expect_rc "ingest shuffled: exit 0" 0
expect_out_has "shuffled: 116 events stored" "events stored   116"
expect_out_has "shuffled: the 3 duplicates found" "duplicates      3"
"$MUTU" db export --format csv --db "$TMP/a.db" --out - 2>/dev/null | sort >"$TMP/a.exp"
"$MUTU" db export --format csv --db "$TMP/b.db" --out - 2>/dev/null | sort >"$TMP/b.exp"
expect_eq "export of the case-order store = export of the shuffled store" \
	"$(cmp -s "$TMP/a.exp" "$TMP/b.exp" && echo same || diff "$TMP/a.exp" "$TMP/b.exp" | head -4)" "same"
expect_eq "the export holds the 116 events" "$(($(wc -l <"$TMP/a.exp") - 1))" "116"

# the shuffled file into the first store: every case is an earlier batch's,
# every row one by one, all of them duplicates
run "$MUTU" ingest "$TMP/shuf.csv" --db "$TMP/a.db"
expect_rc "second batch: exit 0" 0
expect_out_has "second batch: nothing stored" "events stored   0"
expect_out_has "second batch: all 119 rows duplicates" "duplicates      119"
expect_eq "second batch: still 116 events" "$(sqlite3 "$TMP/a.db" 'SELECT count(*) FROM events')" "116"

# The indexes a batch larger than the store drops and builds after the
# load (cases_span, cases_open: docs/store.md,
# "Ingest speed") against the same rows written into a store big enough
# that the batch keeps them and each row goes into them as it comes
# (bytes / 128 > events stored decides: the log's ~8 KB against 200 events)
{
	echo "case_id,activity,actor,start,end,note"
	for i in $(seq 1 200); do row 0 "Z$((i % 20))" "z$i" "$i" ani; done
} >"$TMP/other.csv"
run "$MUTU" ingest "$TMP/other.csv" --db "$TMP/c.db"
expect_out_has "store of 200 other events" "events stored   200"
run "$MUTU" ingest "$LOG" --db "$TMP/c.db"
expect_out_has "the log into the bigger store: 116 events stored" "events stored   116"
expect_out_has "the log into the bigger store: the 3 duplicates found" "duplicates      3"
idx="SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('events_end', 'cases_span', 'cases_sop', 'cases_open') ORDER BY name)"
# (events_end and cases_sop are asked for too: schema 10 dropped them,
# neither path may build them)
expect_eq "built after the load: cases_open and cases_span, no events_end or cases_sop" "$(sqlite3 "$TMP/a.db" "$idx")" "cases_open cases_span"
expect_eq "kept during the load: cases_open and cases_span, no events_end or cases_sop" "$(sqlite3 "$TMP/c.db" "$idx")" "cases_open cases_span"
"$MUTU" db export --format csv --db "$TMP/c.db" --out - 2>/dev/null | grep -v '^Z' | sort >"$TMP/c.exp"
expect_eq "export: indexes built after the load = kept row by row" \
	"$(cmp -s "$TMP/a.exp" "$TMP/c.exp" && echo same || diff "$TMP/a.exp" "$TMP/c.exp" | head -4)" "same"
# the readers go through these indexes: the same cases and spans either way
span="SELECT group_concat(case_key || ':' || first_ms || '-' || last_ms || '/' || ifnull(last_done_step, '-'), ' ') FROM (SELECT * FROM cases INDEXED BY cases_span WHERE last_ms >= 0 AND case_key NOT LIKE 'Z%' ORDER BY case_key)"
expect_eq "cases_span: the same spans either way" "$(sqlite3 "$TMP/a.db" "$span")" "$(sqlite3 "$TMP/c.db" "$span")"
expect_eq "integrity_check after the rebuild" "$(sqlite3 "$TMP/a.db" 'PRAGMA integrity_check')" "ok"
# case D by hand: one event, 2025-03-03T08:02Z to 08:07Z (epoch seconds
# 1740988920 and 1740989220), no step column (its marker: step 0)
expect_eq "cases_span: case D's span and marker" \
	"$(sqlite3 "$TMP/a.db" "SELECT first_ms || '-' || last_ms || '/' || last_done_step FROM cases WHERE case_key = 'D'")" \
	"1740988920000-1740989220000/0"
