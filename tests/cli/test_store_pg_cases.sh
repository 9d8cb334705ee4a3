#!/usr/bin/env bash
# tests/cli/test_store_pg_cases.sh - PostgreSQL schema 8: `cases`
# partitioned by office (engine/store_pg.c, schema_pg and pg_writer_finish;
# docs/store.md, "PostgreSQL ingest"), against a private server
# (tests/pg/pg.sh).
#   1. a new store: one partition per office, named as the events' are
#      (cases_ + 16 hex digits of md5(office)), each with the parent's four
#      indexes attached (an office's first batch fills a table without
#      indexes and ATTACH PARTITION builds them);
#   2. a batch into an office that already has its partition (the rows go
#      to the existing partition; the spans of cases the first batch made
#      are widened there): the cases' rows equal those of one batch of the
#      whole file;
#   3. a version 7 store (one plain `cases` table, office first in its four
#      indexes) is moved into partitions when opened: every row the same
#      (md5 of all rows in order), the same report, and the next batch of
#      a new office gets a partition of its own.
# The four-ingests-at-once test (new offices attaching partitions of both
# tables at once) is in test_store_pg.sh.
set -u
. tests/cli/lib.sh
. tests/pg/pg.sh

pg_start_checked || exit 1
LOG=datasets/logs/synthetic-2025.csv
# the log's rows and distinct case ids, counted from the file itself
read -r nrows ncases < <(python3 -c 'import csv,sys
r = list(csv.reader(open(sys.argv[1])))[1:]
print(len(r), len({x[0] for x in r}))' "$LOG")
# every case row, ordered, without the ids and batch (which depend on the
# order batches ran in): what a reader can see of a case
caserows="SELECT md5(string_agg(concat_ws('|', office, case_key, sop, first_ms, last_ms, last_done_step), ',' ORDER BY office, case_key)) FROM cases"
# every row of cases and events exactly, ids included
allrows="SELECT (SELECT md5(string_agg(c::text, ',' ORDER BY office, id)) FROM cases c),
	(SELECT md5(string_agg(e::text, ',' ORDER BY office, id)) FROM events e)"
# per partition of cases: its name and how many of its indexes are attached
# to one of the parent's (4: the two keys, cases_last, cases_open)
parts="SELECT string_agg(p.relname || ':' || (SELECT count(*) FROM pg_index x JOIN pg_inherits ii ON ii.inhrelid = x.indexrelid
	JOIN pg_index px ON px.indexrelid = ii.inhparent WHERE x.indrelid = p.oid AND px.indrelid = 'cases'::regclass), ' '
	ORDER BY p.relname) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = 'cases'::regclass"
# the expected name of OFFICE's partition, from md5 in python (not the server)
pname() { python3 -c 'import hashlib,sys; print("cases_" + hashlib.md5(sys.argv[1].encode()).hexdigest()[:16])' "$1"; }

# ---- 1. a new store, two offices -------------------------------------------
db1=$(pg_newdb mutu_parts)
run "$MUTU" ingest "$LOG" --office kota-a --db "$db1" --quiet
expect_rc "office kota-a: first batch" 0
run "$MUTU" ingest "$LOG" --office kota-b --db "$db1" --quiet
expect_rc "office kota-b: first batch" 0
expect_eq "cases is partitioned by list (office), schema 8 (and 10 since)" \
	"$(psql -X -tA "$db1" -c "SELECT pg_get_partkeydef('cases'::regclass)" \
		-c "SELECT value FROM mutu_meta WHERE key = 'schema_version'" | tr '\n' ' ')" "LIST (office) 10 "
# sorted by name as the server sorts (C locale)
want=$(printf '%s:4\n' "$(pname kota-a)" "$(pname kota-b)" | LC_ALL=C sort | tr '\n' ' ')
expect_eq "one partition per office, named by md5(office), the four indexes attached" \
	"$(psql -X -tA "$db1" -c "$parts") " "$want"
# each office holds every case of the file once (the same file twice, two
# offices: the offices do not share cases)
expect_eq "each partition holds the file's $ncases cases" \
	"$(psql -X -tA "$db1" -c "SELECT count(*) FROM $(pname kota-a)" -c "SELECT count(*) FROM $(pname kota-b)" \
		-c "SELECT count(*) FROM cases WHERE office = 'kota-a'" | tr '\n' ' ')" "$ncases $ncases $ncases "
# the unique key still refuses a second row of a case key in an office
# (through the parent, as any writer would insert)
psql -X -q "$db1" -c "INSERT INTO cases (office, id, case_key, batch_id) SELECT office, -1, case_key, batch_id
	FROM cases WHERE office = 'kota-a' LIMIT 1" >/dev/null 2>"$TMP/dup.err"
expect_eq "UNIQUE (case_key, office) holds across the partition" \
	"$(grep -c 'duplicate key value violates unique constraint' "$TMP/dup.err")" 1

# ---- 2. a second batch into an existing partition --------------------------
# the first 6,000 rows, then the whole file: the 6,000 are duplicates, the
# cases they began are found in the partition and their spans widened
one=$(pg_newdb mutu_one)
two=$(pg_newdb mutu_two)
head -n 6001 "$LOG" >"$TMP/first.csv"
"$MUTU" ingest "$LOG" --db "$one" --quiet >/dev/null 2>&1
"$MUTU" ingest "$TMP/first.csv" --db "$two" --quiet >/dev/null 2>&1
run "$MUTU" ingest "$LOG" --db "$two" --quiet
expect_rc "second batch into the office's partition: exit 0" 0
expect_eq "second batch: $((nrows - 6000)) new events, 6000 duplicates; $ncases cases in all" \
	"$(psql -X -tA "$two" -c "SELECT events_stored, duplicates FROM batches ORDER BY id DESC LIMIT 1" \
		-c "SELECT count(*) FROM cases" | tr '\n' ' ')" "$((nrows - 6000))|6000 $ncases "
expect_eq "the cases (key, SOP, span, marker) equal one batch of the whole file's" \
	"$(psql -X -tA "$two" -c "$caserows")" "$(psql -X -tA "$one" -c "$caserows")"
expect_eq "still one partition, its four indexes attached" \
	"$(psql -X -tA "$two" -c "$parts")" "$(pname ''):4"

# ---- 3. a version 7 store moved into partitions ----------------------------
v7=$(pg_newdb mutu_v7)
"$MUTU" ingest "$LOG" --office kota-a --db "$v7" --quiet >/dev/null 2>&1
"$MUTU" ingest "$LOG" --office kota-b --db "$v7" --quiet >/dev/null 2>&1
# version 7's cases: one plain table, office first in its four indexes
psql -X -q "$v7" -c "BEGIN; ALTER TABLE cases RENAME TO cases_p;
	CREATE TABLE cases (office text NOT NULL DEFAULT '', id bigint NOT NULL, case_key text NOT NULL,
	 sop text, batch_id bigint NOT NULL, first_ms bigint, last_ms bigint, last_done_step integer,
	 PRIMARY KEY (office, id), UNIQUE (office, case_key));
	INSERT INTO cases SELECT * FROM cases_p ORDER BY id; DROP TABLE cases_p;
	CREATE INDEX cases_last ON cases (office, last_ms, first_ms);
	CREATE INDEX cases_open ON cases (office, sop, last_done_step, last_ms) INCLUDE (id, case_key);
	UPDATE mutu_meta SET value = '7' WHERE key = 'schema_version'; COMMIT" >/dev/null 2>&1
expect_eq "a version 7 store: cases a plain table" "$(psql -X -tA "$v7" -c "SELECT relkind FROM pg_class WHERE relname = 'cases'")" "r"
before=$(psql -X -tA "$v7" -c "$allrows")
rep=(report monthly --month 2025-03 --format json --db "$v7")
"$MUTU" "${rep[@]}" --office kota-a --out "$TMP/r7" >/dev/null 2>&1
run "$MUTU" db info --db "$v7"
expect_rc "the version 7 store opens (and is upgraded)" 0
expect_eq "upgraded to 10 (8: cases partitioned, two partitions, four indexes each; 9: labels; 10: events.sorting)" \
	"$(psql -X -tA "$v7" -c "SELECT value FROM mutu_meta WHERE key = 'schema_version'" \
		-c "SELECT relkind FROM pg_class WHERE relname = 'cases'" -c "$parts" | tr '\n' ' ')" "10 p $want"
expect_eq "upgraded: every row of cases and events the same (md5 of all rows in id order)" \
	"$(psql -X -tA "$v7" -c "$allrows")" "$before"
"$MUTU" "${rep[@]}" --office kota-a --out "$TMP/r8" >/dev/null 2>&1
# (the counts of rows read aside: the first run kept its case measures,
# the second reads fewer)
strip() { grep -v '"generated' "$1" | sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/'; }
if [ -s "$TMP/r7/report-2025-03.json" ] && cmp -s <(strip "$TMP/r7/report-2025-03.json") \
	<(strip "$TMP/r8/report-2025-03.json"); then
	ok "upgraded: the same report as before"
else
	not_ok "upgraded: the same report as before" "$(ls "$TMP/r7" "$TMP/r8" 2>&1)"
fi
run "$MUTU" ingest "$LOG" --office kota-c --db "$v7" --quiet
expect_rc "upgraded: a new office's first batch" 0
want3=$(printf '%s:4\n' "$(pname kota-a)" "$(pname kota-b)" "$(pname kota-c)" | LC_ALL=C sort | tr '\n' ' ')
expect_eq "upgraded: the new office has a partition of its own, its four indexes attached" \
	"$(psql -X -tA "$v7" -c "$parts") " "$want3"
# (the first 6,000 rows: another file, so not skipped as already ingested)
run "$MUTU" ingest "$TMP/first.csv" --office kota-a --db "$v7" --quiet
expect_rc "upgraded: rows already stored, into a migrated office: exit 0" 0
expect_eq "  ... every row a duplicate, no case added" \
	"$(psql -X -tA "$v7" -c "SELECT events_stored, duplicates FROM batches WHERE office = 'kota-a' ORDER BY id DESC LIMIT 1" \
		-c "SELECT count(*) FROM cases WHERE office = 'kota-a'" | tr '\n' ' ')" "0|6000 $ncases "

