#!/usr/bin/env bash
# tests/cli/test_store_office_keys.sh - two offices whose case ids overlap
# (both number their berkas K1, K2, ...) in one SQLite store (issue 10,
# schema 7: a case is its key within its office).  Before schema 7 the
# second office's rows were filed under the first office's case: kota-b's
# K1, the same five rows as kota-a's K1, counted as 5 duplicates and lost,
# its K2 stored into kota-a's K2.
#
# The logs (tests/data/logs/province-keys/, SOP model
# tests/data/models/uji-sla.ini as in test_report_province.sh: 450-minute
# working days Mon-Fri, ceiling 3 hari kerja, the clock from the end of step
# 2 to the end of step 5, both at 07:30, so a case's lead time is the number
# of working days between them; November 2025 has no holiday):
#   kota-a (10 rows): K1 1 day (Mon 3 -> Tue 4 Nov), K2 5 days (Mon 3 ->
#     Mon 10) -> 2 finished, 1 within (50,0%), 1 late, 0 open; median
#     (1+5)/2 = 3, p90 (R type 7, h = 1 x 0.9) 1 + 0.9 x 4 = 4,6
#   kota-b (12 rows): K1 the same 5 rows as kota-a's K1 (1 day), K2 steps 1-2
#     on Mon 24 Nov only (open at month end), K3 2 days (Mon 10 -> Wed 12)
#     -> 2 finished, 2 within (100,0%), 0 late, 1 open; median 1,5, p90
#     1 + 0.9 x 1 = 1,9
#   province: leads 1 1 2 5, 4 finished, 3 within (75,0%), 1 late, 1 open;
#     median h = 1.5 -> 1,5; p90 h = 2.7 -> 2 + 0.7 x 3 = 4,1
. tests/cli/lib.sh

D=tests/data/logs/province-keys
M=tests/data/models
DB=$TMP/prov.db
ING=(--sop uji-sla --models $M)

run "$MUTU" ingest $D/kota-a.csv --db "$DB" --office kota-a "${ING[@]}"
expect_rc "kota-a ingests" 0
expect_out_has "kota-a: 10 rows, 2 cases" "events stored   10 (2 new cases)"
run "$MUTU" ingest $D/kota-b.csv --db "$DB" --office kota-b "${ING[@]}"
expect_rc "kota-b ingests into the same store" 0
# K1, K2 exist in kota-a, but not in kota-b: all three cases are new
expect_out_has "kota-b: all 12 rows stored, 3 new cases (K1, K2 are not kota-a's)" "events stored   12 (3 new cases)"
expect_out_has "kota-b: no row counted as a duplicate of kota-a's" "duplicates      0"

run "$MUTU" db info --db "$DB"
expect_out_has "db info: 5 cases, 22 events (10 + 12)" "total: 5 cases, 22 events"
got=$(sqlite3 "$DB" "SELECT office || ':' || group_concat(case_key || '=' || n, ',') FROM (SELECT c.office, c.case_key, count(e.id) AS n FROM cases c LEFT JOIN events e ON e.case_id = c.id GROUP BY c.office, c.case_key ORDER BY c.office, c.case_key) GROUP BY office ORDER BY office")
expect_eq "events per office and case as in the logs" "$got" "kota-a:K1=5,K2=5
kota-b:K1=5,K2=2,K3=5"

REP=(report monthly --month 2025-11 --models $M --by-office --format text --out -)
run "$MUTU" "${REP[@]}" --db "$DB"
expect_rc "report --by-office: exit 0" 0
got=$(printf '%s\n' "$OUT" | sed -n '3,6p' | tr -s ' ')
want="SOP Kantor Selesai Dalam batas SOP Terlambat Terbuka akhir bulan Median (hari) p90 (hari)
Izin Uji SLA kota-a 2 1 dari 2 (50,0%) 1 0 3,00 4,60
Izin Uji SLA kota-b 2 2 dari 2 (100,0%) 0 1 1,50 1,90
Izin Uji SLA Total provinsi 4 3 dari 4 (75,0%) 1 1 1,50 4,10"
expect_eq "report --by-office: each office its own figures, as worked out" "$got" "$want"

# the same file again for the same office: nothing added
run "$MUTU" ingest $D/kota-b.csv --db "$DB" --office kota-b "${ING[@]}"
expect_rc "kota-b's file again: exit 0" 0
run "$MUTU" db info --db "$DB"
expect_out_has "kota-b's file again adds nothing: still 5 cases, 22 events" "total: 5 cases, 22 events"
# --force reloads it as a new batch of kota-b: its 3 cases found (0 new),
# only its own 12 events replaced; kota-a's figures untouched
run "$MUTU" ingest $D/kota-b.csv --db "$DB" --office kota-b "${ING[@]}" --force
expect_out_has "--force: kota-b's cases found, none new" "events stored   12 (0 new cases)"
expect_out_has "--force: kota-b's 12 events replaced, not kota-a's" "replaced        12 events"
run "$MUTU" "${REP[@]}" --db "$DB"
expect_eq "after --force: the same report" "$(printf '%s\n' "$OUT" | sed -n '3,6p' | tr -s ' ')" "$want"

# an audit of one key: with --office that office's case only (kota-b's K2
# open after steps 1-2; kota-a's K2 5 days against 3: late by 2,0 hari);
# without it every office's case of that key (docs/store.md)
run "$MUTU" audit --case K2 --db "$DB" --models $M --office kota-b
expect_rc "audit --case K2 --office kota-b: exit 0" 0
expect_out_has "kota-b's K2: open" "selesai: masih terbuka"
expect_eq "kota-b's K2 only: one case audited" "$(printf '%s\n' "$OUT" | grep -c '^== Kasus K2')" "1"
run "$MUTU" audit --case K2 --db "$DB" --models $M --office kota-a
expect_out_has "kota-a's K2: late by 2 working days" "TERLAMBAT 2,0 hari"
run "$MUTU" audit --case K2 --db "$DB" --models $M
expect_eq "no --office: K2 of both offices" "$(printf '%s\n' "$OUT" | grep -c '^== Kasus K2')" "2"

# ---- a schema 6 store (case_key unique on its own) with kota-a in it ----
# migrates on the next open and then takes kota-b's rows
V6=$TMP/v6.db
"$MUTU" ingest $D/kota-a.csv --db "$V6" --office kota-a "${ING[@]}" --quiet
sqlite3 "$V6" "BEGIN; CREATE TABLE c6 (id INTEGER PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, sop TEXT,
 batch_id INTEGER NOT NULL REFERENCES batches(id), office TEXT NOT NULL DEFAULT '', first_ms INTEGER,
 last_ms INTEGER, last_done_step INTEGER); INSERT INTO c6 SELECT id, case_key, sop, batch_id, office,
 first_ms, last_ms, last_done_step FROM cases; DROP TABLE cases; ALTER TABLE c6 RENAME TO cases;
 CREATE INDEX cases_sop ON cases(sop); CREATE INDEX cases_span ON cases(last_ms, first_ms);
 CREATE INDEX cases_open ON cases(sop, last_done_step, last_ms); DROP TABLE month_summary; DROP TABLE batch_touch;
 DROP TABLE case_measure;
 PRAGMA user_version = 6; COMMIT;"
expect_eq "hand-made store at schema 6" "$(sqlite3 "$V6" "PRAGMA user_version")" "6"
before=$(sqlite3 "$V6" "SELECT group_concat(id || case_key || office || last_ms || last_done_step, ';') FROM cases ORDER BY id")
run "$MUTU" ingest $D/kota-b.csv --db "$V6" --office kota-b "${ING[@]}"
expect_rc "ingest into the schema 6 store: exit 0" 0
expect_out_has "migrated store: kota-b's 12 rows stored, 3 new cases" "events stored   12 (3 new cases)"
expect_eq "migrated to the current schema (11)" "$(sqlite3 "$V6" "PRAGMA user_version")" "11"
expect_eq "kota-a's cases kept with their ids and columns" \
	"$(sqlite3 "$V6" "SELECT group_concat(id || case_key || office || last_ms || last_done_step, ';') FROM cases WHERE office = 'kota-a' ORDER BY id")" "$before"
run "$MUTU" "${REP[@]}" --db "$V6"
got=$(printf '%s\n' "$OUT" | sed -n '3,6p' | tr -s ' ')
expect_eq "migrated store: the same province report as a new one" "$got" "$want"
