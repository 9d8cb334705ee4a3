#!/usr/bin/env bash
# tests/cli/test_store_location.sh - where a store is (--db PATH,
# sqlite:PATH, postgresql://...) and the office its cases belong to
# (ingest --office, shown by db info, kept per case).
. tests/cli/lib.sh

MODELS=tests/data/models
LOG=tests/data/logs/uji-sla.csv

# sqlite:PATH is the file PATH
run "$MUTU" ingest "$LOG" --db "sqlite:$TMP/a.db" --sop uji-sla --models "$MODELS" --office "Kab. Banjar" --quiet
expect_rc "ingest into sqlite:PATH" 0
[ -f "$TMP/a.db" ] && ok "sqlite:PATH made the file PATH" || not_ok "sqlite:PATH made the file PATH" "no $TMP/a.db"
run "$MUTU" db info --db "$TMP/a.db"
expect_out_has "db info names the batch's office" "(--office Kab. Banjar)"
expect_out_has "db info: schema version 11" "(schema version 11)"
# every case of the batch carries the office
n=$(sqlite3 "$TMP/a.db" "SELECT count(*) FROM cases WHERE office = 'Kab. Banjar'")
all=$(sqlite3 "$TMP/a.db" "SELECT count(*) FROM cases")
expect_eq "every case of the batch is the office's" "$n" "$all"
# and a span: first <= last for each case that has events
bad=$(sqlite3 "$TMP/a.db" "SELECT count(*) FROM cases c WHERE first_ms IS NULL OR first_ms > last_ms
	OR first_ms <> (SELECT min(coalesce(start_ms, end_ms)) FROM events WHERE case_id = c.id)
	OR last_ms <> (SELECT max(coalesce(end_ms, start_ms)) FROM events WHERE case_id = c.id)")
expect_eq "each case's span is the min/max of its events' stamps" "$bad" "0"
# a first batch is larger than the store: cases_span is dropped for the
# load and built after it, inside the batch; events_end is never built
# (schema 10)
idx=$(sqlite3 "$TMP/a.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE name IN ('cases_span', 'events_end') ORDER BY name)")
expect_eq "the deferred index is there after the batch, no events_end" "$idx" "cases_span"

# an office name with a control character, or too long, is bad input; nothing written
run "$MUTU" ingest "$LOG" --db "$TMP/b.db" --sop uji-sla --models "$MODELS" --office $'a\tb' --quiet
expect_rc "--office with a tab: exit 2" 2
expect_err_has "--office with a tab: says what to give" "without control"
long=$(printf 'x%.0s' $(seq 101))
run "$MUTU" ingest "$LOG" --db "$TMP/b.db" --sop uji-sla --models "$MODELS" --office "$long" --quiet
expect_rc "--office of 101 bytes: exit 2" 2
[ ! -e "$TMP/b.db" ] && ok "a refused --office writes no store" || not_ok "a refused --office writes no store"

# PostgreSQL in a build without it: bad input, the password never echoed
if [ ! -f engine/store_pg.c ]; then
	run "$MUTU" db info --db "postgresql://mutu:rahasia@db.example/prov"
	expect_rc "postgresql:// without PostgreSQL built in: exit 2" 2
	expect_err_has "... says so" "without PostgreSQL"
	case "$ERR" in *rahasia*) not_ok "the password is not echoed" "$ERR" ;; *) ok "the password is not echoed" ;; esac
fi
