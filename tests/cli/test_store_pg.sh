#!/usr/bin/env bash
# tests/cli/test_store_pg.sh - the PostgreSQL store against a real server
# (tests/pg/pg.sh: initdb in a temporary folder, Unix socket only, stopped on
# exit).  Without the server binaries this FAILS and says to run `make deps`:
# a province deployment must not lose its tests silently.
#   1. the store contract suite (tests/unit/test_store_contract.c) on PostgreSQL
#      (run.sh already runs it on SQLite);
#   2. the shipped logs ingested into SQLite and into PostgreSQL give the same
#      report (json) and audit (json): the backends are interchangeable; the
#      same per-case markers (schema 6 / PG 2), the window read equal to the
#      whole-history read, a version 1 database upgraded;
#   3. four ingests of different offices at once into one store, with reports
#      read during them: every row accounted for, every report a consistent
#      snapshot (a whole number of offices' batches, never part of one);
#   4. connection failures named clearly (socket, database), exit 1.
. tests/cli/lib.sh
. tests/pg/pg.sh

pg_start_checked || exit 1
ok "a private PostgreSQL server starts (tests/pg/pg.sh)"
PG=$MUTU_PG_LOCATION
BUILD=$(dirname "$MUTU")

# psql on the test's own database, for checks the CLI does not print
pq() { psql -X -q -tA -d "$MUTU_PG_DB" -c "$1"; }

# ---- 1. the contract suite on PostgreSQL ----------------------------------
contract=$BUILD/tests/test_store_contract
if [ -x "$contract" ]; then
	out=$(MUTU_STORE_LOCATION=$(pg_newdb mutu_contract) "$contract" 2>&1)
	while IFS= read -r l; do
		case "$l" in
		"[       OK ] "*) ok "contract on PostgreSQL: ${l#\[       OK \] }" ;;
		"[  FAILED  ] test_"*) not_ok "contract on PostgreSQL: ${l#\[  FAILED  \] }" "$(printf '%s\n' "$out" | grep -B3 "${l#\[  FAILED  \] }" | head -8)" ;;
		esac
	done <<<"$out"
	printf '%s\n' "$out" | grep -q '^\[  PASSED  \]' || not_ok "contract suite ran" "$(printf '%s\n' "$out" | tail -15)"
	nok=$(printf '%s\n' "$out" | grep -c '^\[       OK \]')
else
	not_ok "contract suite built" "$contract missing: make unit"
fi
# a failing contract test must fail fast, not hang the suite: the test
# that fails on purpose inside an open write transaction (MUTU_CONTRACT_FAIL)
# is reported and all the others still run and pass (as many as above).
# Before, its connection stayed open holding its locks and the next test's
# DROP SCHEMA waited forever (killed here by the timeout: rc 124).  It
# takes ~3 s; 30 s is the bound.
if [ -x "$contract" ]; then
	t0=$(date +%s)
	out=$(MUTU_CONTRACT_FAIL=1 MUTU_STORE_LOCATION=$(pg_newdb mutu_contract_fail) timeout 120 "$contract" 2>&1)
	rc=$?
	t=$(($(date +%s) - t0))
	expect_eq "a deliberately failing contract test: exit 1 (one failure, no hang)" "$rc" 1
	expect_eq "  ... reported, and the $nok others pass" \
		"$(printf '%s\n' "$out" | grep '^\[  FAILED  \] test_' | sort -u | tr '\n' '|')$(printf '%s\n' "$out" | grep -c '^\[       OK \]')" \
		"[  FAILED  ] test_deliberate_failure|$nok"
	expect_eq "  ... within 30 s" "$((t <= 30))" 1
fi
# and under ASan+UBSan when make test built that too (store_pg.c's buffers,
# cursors and hash tables are exercised only against a server)
asan=$BUILD/asan/tests/test_store_contract
if [ -x "$asan" ]; then
	out=$(MUTU_STORE_LOCATION=$(pg_newdb mutu_contract_asan) ASAN_OPTIONS=detect_leaks=1 "$asan" 2>&1)
	# as many tests as the plain run passed (the suite grows), none failed, no sanitizer report
	nplain=$(MUTU_STORE_LOCATION=$(pg_newdb mutu_contract_n) "$contract" 2>&1 | grep -c '^\[       OK \]')
	if printf '%s\n' "$out" | grep -q "^\[  PASSED  \] $nplain test" && ! printf '%s\n' "$out" | grep -q 'FAILED' &&
		! printf '%s\n' "$out" | grep -qE 'Sanitizer|runtime error'; then
		ok "contract on PostgreSQL under ASan+UBSan: $nplain tests, no sanitizer report"
	else
		not_ok "contract on PostgreSQL under ASan+UBSan" "$(printf '%s\n' "$out" | grep -E 'FAIL|ERROR|Sanitizer|runtime error' | head -8)"
	fi
fi

# ---- 2. same reports and audits from both backends ------------------------
sq=$TMP/s.db
pgdb=$(pg_newdb mutu_same)
ingest_all() { # DB
	"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$1" --quiet &&
		"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv \
			--db "$1" --quiet &&
		"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$1" --quiet
}
run ingest_all "$sq"
expect_rc "the shipped logs ingest into SQLite" 0
run ingest_all "$pgdb"
expect_rc "the shipped logs ingest into PostgreSQL" 0
# the same counts, store against store: cases, events, rejected
run "$MUTU" db info --db "$sq"
sq_info=$(printf '%s\n' "$OUT" | grep -Ei '^ *(cases|events|rejected)' | sed "s|$sq||")
run "$MUTU" db info --db "$pgdb"
pg_info=$(printf '%s\n' "$OUT" | grep -Ei '^ *(cases|events|rejected)' | sed "s|$pgdb||")
expect_eq "db info counts equal on both backends" "$pg_info" "$sq_info"
# a second ingest of the same file is a no-op on PostgreSQL as on SQLite
run "$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$pgdb"
expect_rc "re-ingest of the same file on PostgreSQL: exit 0" 0
case "$OUT$ERR" in *"already ingested"*|*"no-op"*|*"nothing to do"*) ok "re-ingest on PostgreSQL is a no-op" ;;
*) not_ok "re-ingest on PostgreSQL is a no-op" "out: ${OUT:0:300}" "err: ${ERR:0:300}" ;; esac
# reports, json, written to the same folder in turn so the chart paths
# inside agree: two months of the synthetic year (SOP models), and WABO
# (no model, its own stores: the models' calendars end before 2011)
wsq=$TMP/w.db
wpg=$(pg_newdb mutu_wabo)
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$wsq" --quiet >/dev/null 2>&1
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$wpg" --quiet >/dev/null 2>&1
for m in 2025-06 2025-12 2011-06; do
	args=(report monthly --month "$m" --format json --out "$TMP/rep")
	a=$sq b=$pgdb
	case $m in 2011-*) args+=(--tz Europe/Amsterdam) a=$wsq b=$wpg ;; esac
	"$MUTU" "${args[@]}" --db "$a" >/dev/null 2>"$TMP/e1" && cp "$TMP/rep/report-$m.json" "$TMP/sq-$m.json"
	r1=$?
	"$MUTU" "${args[@]}" --db "$b" >/dev/null 2>"$TMP/e2" && cp "$TMP/rep/report-$m.json" "$TMP/pg-$m.json"
	r2=$?
	if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
		not_ok "report $m from both backends" "sqlite exit $r1: $(head -3 "$TMP/e1")" "pg exit $r2: $(head -3 "$TMP/e2")"
	elif cmp -s "$TMP/sq-$m.json" "$TMP/pg-$m.json"; then
		ok "report $m: identical json from SQLite and PostgreSQL"
	else
		not_ok "report $m: identical json from SQLite and PostgreSQL" \
			"$(diff <(tr ',' '\n' <"$TMP/sq-$m.json") <(tr ',' '\n' <"$TMP/pg-$m.json") | head -10)"
	fi
done
# the per-case marker (cases.last_done_step, the step of the latest
# completion) kept by both writers: the same values, case by case
marks="SELECT case_key || '=' || coalesce(last_done_step, -1) FROM cases ORDER BY case_key"
expect_eq "last_done_step equal on both backends" "$(psql -X -tA "$pgdb" -c "$marks" 2>&1 | md5sum)" \
	"$(sqlite3 "$sq" "$marks" 2>&1 | md5sum)"
# the PostgreSQL writer sets a new case's marker from its events in memory
# and reads the stored events only for cases that existed before the batch
# (store_pg.c, pg_writer_finish): both must agree with the marker's
# definition (schema_pg: the step of the latest end, the greater step on a
# tie) evaluated by the server over the stored events, for every case; the
# cases with a marker counted so that an empty store cannot pass
defn="SELECT count(*) FILTER (WHERE c.last_done_step IS DISTINCT FROM d.s) || ' ' || (count(d.s) > 1000)
	FROM cases c LEFT JOIN (SELECT DISTINCT ON (office, case_id) office, case_id, coalesce(step, 0) AS s
	FROM events WHERE end_ms IS NOT NULL ORDER BY office, case_id, end_ms DESC, coalesce(step, 0) DESC) d
	ON c.office = d.office AND c.id = d.case_id"
expect_eq "PostgreSQL writer: every case's last_done_step = its definition over the stored events" \
	"$(psql -X -tA "$pgdb" -c "$defn" 2>&1)" "0 true"
# cases carries the four indexes its readers need and no more (every index
# costs each new case on ingest): the two keys, the period's (office, last_ms,
# first_ms) and the open-case marker's, which also serves lookups by SOP
# (it starts with office, sop; the former (office, sop) index is gone); the
# marker's carries id and case_key (schema 7: the period read's old-case
# arms are index-only).  PostgreSQL schema 8: cases partitioned by office,
# office last in the keys and out of the other two (a partition holds one
# office; store_pg.c, schema_pg)
expect_eq "PostgreSQL cases: four indexes, none redundant" \
	"$(psql -X -tA "$pgdb" -c "SELECT string_agg(regexp_replace(indexdef, '^.* USING btree ', ''), ' '
		ORDER BY regexp_replace(indexdef, '^.* USING btree ', '') COLLATE \"C\") FROM pg_indexes WHERE tablename = 'cases'" 2>&1)" \
	"(case_key, office) (id, office) (last_ms, first_ms) (sop, last_done_step, last_ms) INCLUDE (id, case_key, office)"
# the month's window read gives what the whole history gives on PostgreSQL too
# (tests/cli/test_report_window.sh proves it on SQLite by hand)
MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-12 --format json --out "$TMP/full" --db "$pgdb" >/dev/null 2>&1
strip() { sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$1"; }
if [ -s "$TMP/full/report-2025-12.json" ] && cmp -s <(strip "$TMP/full/report-2025-12.json") <(strip "$TMP/pg-2025-12.json"); then
	ok "report 2025-12 on PostgreSQL: window read = whole-history read"
else
	not_ok "report 2025-12 on PostgreSQL: window read = whole-history read"
fi
# the period read's plan as the cursor is planned (auto_explain, server log):
# the old cases that may be open come from cases_open alone (index-only: it
# covers id and case_key, schema 7; before, every such case was a fetch of
# its heap page: this half fails on schema 6), and no sequential scan of
# cases (store_pg.c, case_source; the misestimates that chose one on the
# 10^7-event store do not arise on a store this small, so this half only
# pins that the setting does not make things worse).  Schema 8: the scans
# are of the office's partition and its copy of cases_open, named by
# PostgreSQL (cases_<hash>_sop_last_done_step_...)
lines=$(wc -l <"$MUTU_PG_DIR/server.log")
PGOPTIONS="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0" \
	"$MUTU" report monthly --month 2025-06 --format json --out "$TMP/plan" --db "$pgdb" >/dev/null 2>&1
tail -n +"$((lines + 1))" "$MUTU_PG_DIR/server.log" |
	awk 'function out() { if (p && b ~ /DECLARE mutu_cur/ && b ~ /FROM cases WHERE/) print b; p = 0 }
		/plan:/ {out(); p = 1; b = ""; next} p && /^\t/ {b = b "\n" $0; next} {out()} END {out()}' >"$TMP/plans"
expect_eq "the period cursor's plans: cases read through their indexes (seq scans, index-only scans of cases_open > 0)" \
	"$(grep -c 'Seq Scan on cases' "$TMP/plans") $([ "$(grep -cE 'Index Only Scan using cases_(open|[0-9a-f]{16}_sop_last_done_step)' "$TMP/plans")" -gt 0 ] && echo yes)" \
	"0 yes"
# a version 1 database (no marker) is brought up to date when opened, the
# marker filled from the events there
psql -X -q "$pgdb" -c "DROP INDEX cases_open; ALTER TABLE cases DROP COLUMN last_done_step;
	UPDATE mutu_meta SET value = '1' WHERE key = 'schema_version'" >/dev/null 2>&1
run "$MUTU" db info --db "$pgdb"
expect_rc "a version 1 PostgreSQL store opens (and is upgraded)" 0
expect_eq "upgraded: last_done_step filled as the writer keeps it" "$(psql -X -tA "$pgdb" -c "$marks" 2>&1 | md5sum)" \
	"$(sqlite3 "$sq" "$marks" 2>&1 | md5sum)"
# a version 2 store (office first in the events key and end index, an
# (office, sop) index on cases) is rebuilt to version 4 when opened: office
# last in both events indexes, on the parent and on every partition (an
# index of a partition that matched no parent index would be built again
# at ATTACH), cases_sop gone.  A store of its own: the audits below read
# the one above.
upg=$(pg_newdb mutu_upgrade)
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$upg" --quiet >/dev/null 2>&1
urep=(report monthly --month 2011-06 --tz Europe/Amsterdam --format json --db "$upg")
"$MUTU" "${urep[@]}" --out "$TMP/u1" >/dev/null 2>&1
evidx="SELECT string_agg(regexp_replace(indexdef, '^.* USING btree ', ''), ' ' ORDER BY indexdef COLLATE \"C\")
	FROM pg_indexes WHERE tablename = 'events'"
attached="SELECT (SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent
	WHERE c.relname = 'events_pkey') = count(*) AND count(*) > 0
	FROM pg_inherits WHERE inhparent = 'events'::regclass"
psql -X -q "$upg" -c "ALTER TABLE events DROP CONSTRAINT events_pkey;
	ALTER TABLE events ADD PRIMARY KEY (office, case_id, dkey); DROP INDEX IF EXISTS events_end;
	CREATE INDEX events_end ON events (office, end_ms); CREATE INDEX cases_sop ON cases (office, sop);
	DROP INDEX cases_open; CREATE INDEX cases_open ON cases (office, sop, last_done_step, last_ms);
	UPDATE mutu_meta SET value = '2' WHERE key = 'schema_version'" >/dev/null 2>&1
expect_eq "a version 2 store: the old events keys in place" "$(psql -X -tA "$upg" -c "$evidx" 2>&1)" \
	"(office, end_ms) (office, case_id, dkey)"
run "$MUTU" db info --db "$upg"
expect_rc "a version 2 PostgreSQL store opens (and is upgraded)" 0
# 7: cases_open rebuilt with the columns a period read takes (INCLUDE), so
# its arms are index-only scans (store_pg.c, case_source)
expect_eq "upgraded to 10 (5: events key office last, no end index, cases_sop gone, every partition's key attached; 6: case_measure; 7: cases_open covering; 8: cases partitioned; 9: labels; 10: events.sorting)" \
	"$(psql -X -tA "$upg" -c "$evidx" -c "SELECT value FROM mutu_meta WHERE key = 'schema_version'" \
		-c "SELECT count(*) FROM pg_indexes WHERE indexname = 'cases_sop'" -c "$attached" \
		-c "SELECT indexdef LIKE '%(office, sop, last_done_step, last_ms) INCLUDE (id, case_key)' FROM pg_indexes WHERE indexname = 'cases_open'" 2>&1 | tr '\n' ' ')" \
	"(case_id, dkey, office) 10 0 t t "
"$MUTU" "${urep[@]}" --out "$TMP/u2" >/dev/null 2>&1
if [ -s "$TMP/u1/report-2011-06.json" ] && cmp -s "$TMP/u1/report-2011-06.json" "$TMP/u2/report-2011-06.json"; then
	ok "upgraded store: the same report as before the upgrade"
else
	not_ok "upgraded store: the same report as before the upgrade"
fi
# an office's first batch into the upgraded store: its partition's key
# becomes the parent's (not built a second time at ATTACH), and it has no
# other index (schema 5: no events (end_ms))
run "$MUTU" ingest datasets/logs/wabo-receipt.csv --office upgraded --db "$upg" --quiet
expect_rc "ingest of a new office into the upgraded store" 0
expect_eq "the new office's partition: one index, the key, attached" \
	"$(psql -X -tA "$upg" -c "SELECT count(*) FROM pg_indexes WHERE tablename = 'events_' || substr(md5('upgraded'), 1, 16)" \
		-c "$attached" 2>&1 | tr '\n' ' ')" "1 t "
# a version 4 store (the same tables plus the end index events (end_ms) on
# the parent and every partition) is brought to version 5 when opened: the
# end index dropped everywhere; the same report, and the latest month
# (found through the cases' spans now, not the end index) the same as
# SQLite's for the same log
v4=$(pg_newdb mutu_v4)
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$v4" --quiet >/dev/null 2>&1
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$TMP/v4.db" --quiet >/dev/null 2>&1
psql -X -q "$v4" -c "CREATE INDEX events_end ON events (end_ms);
	UPDATE mutu_meta SET value = '4' WHERE key = 'schema_version'" >/dev/null 2>&1
endidx="SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%(end_ms)'"
expect_eq "a version 4 store: the end index on the parent and its one partition" \
	"$(psql -X -tA "$v4" -c "$endidx" 2>&1)" "2"
latest=(report monthly --month latest --tz Europe/Amsterdam --format json --out "$TMP/v4r")
"$MUTU" "${latest[@]}" --db "$v4" >/dev/null 2>&1 && cp "$TMP"/v4r/report-*.json "$TMP/v4-before.json"
expect_eq "upgraded (to 10) when opened: no end index left" \
	"$(psql -X -tA "$v4" -c "SELECT value FROM mutu_meta WHERE key = 'schema_version'" -c "$endidx" 2>&1 | tr '\n' ' ')" "10 0 "
rm -rf "$TMP/v4r"
"$MUTU" "${latest[@]}" --db "$v4" >/dev/null 2>&1 && cp "$TMP"/v4r/report-*.json "$TMP/v4-after.json"
rm -rf "$TMP/v4r"
"$MUTU" "${latest[@]}" --db "$TMP/v4.db" >/dev/null 2>&1 && cp "$TMP"/v4r/report-*.json "$TMP/v4-sqlite.json"
nogen() { grep -v '"generated' "$1" | sed 's/"generated":"[^"]*",//'; }
if [ -s "$TMP/v4-after.json" ] && cmp -s <(nogen "$TMP/v4-before.json") <(nogen "$TMP/v4-after.json") &&
	cmp -s <(nogen "$TMP/v4-after.json") <(nogen "$TMP/v4-sqlite.json"); then
	ok "upgraded version 4 store: --month latest gives the same report, and the same as SQLite's ($(ls "$TMP"/v4r))"
else
	not_ok "upgraded version 4 store: --month latest gives the same report, and the same as SQLite's" \
		"$(diff <(nogen "$TMP/v4-after.json" | tr ',' '\n') <(nogen "$TMP/v4-sqlite.json" | tr ',' '\n') | head -8)"
fi
# a version 8 store (an event's activity, actor and lifecycle as text in
# its row; no labels) is brought to version 9 when opened: each office's
# distinct texts numbered in labels, the rows' texts turned into those ids
# in place.  Two offices (the ids are an office's own), one with an actor
# and lifecycle on every row (wabo-receipt: XES names), one with actors and
# no lifecycle.  The version 8 shape is made from a version 9 store by the
# reverse conversion (texts back from the labels, table labels dropped).
# Then: the same export of each office as before, the same report, and the
# same file ingested again meets every row as a duplicate (dedup compares
# ids: the migrated ids must be the ones the writer finds in labels).
# (the second report reads fewer cases: the month's summaries are kept)
nocount() { sed -E 's/"(cases|events)_read":[0-9]+,?//g'; }
v8=$(pg_newdb mutu_v8)
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$v8" --quiet >/dev/null 2>&1
"$MUTU" ingest datasets/logs/synthetic-2025.csv --office kota --db "$v8" --quiet >/dev/null 2>&1
"$MUTU" db export --db "$v8" --out "$TMP/v8-a.csv" >/dev/null 2>&1
"$MUTU" report monthly --month 2025-06 --office kota --format json --out "$TMP/v8r1" --db "$v8" >/dev/null 2>&1
psql -X -q "$v8" -c "CREATE FUNCTION pg_temp.lab(o text, i integer) RETURNS text LANGUAGE sql STABLE
	AS \$\$ SELECT label FROM labels WHERE office = o AND id = i \$\$;
	ALTER TABLE events ALTER COLUMN activity_id TYPE text USING pg_temp.lab(office, activity_id),
		ALTER COLUMN actor_id TYPE text USING pg_temp.lab(office, actor_id),
		ALTER COLUMN lifecycle_id TYPE text USING pg_temp.lab(office, lifecycle_id);
	ALTER TABLE events RENAME COLUMN activity_id TO activity; ALTER TABLE events RENAME COLUMN actor_id TO actor;
	ALTER TABLE events RENAME COLUMN lifecycle_id TO lifecycle; DROP TABLE labels;
	UPDATE mutu_meta SET value = '8' WHERE key = 'schema_version'" >/dev/null 2>&1
expect_eq "a version 8 store: texts in the events, no labels" \
	"$(psql -X -tA "$v8" -c "SELECT count(*) FROM events WHERE activity = 'Confirmation of receipt'" \
		-c "SELECT to_regclass('labels') IS NULL" 2>&1 | tr '\n' ' ')" "$(grep -c ',Confirmation of receipt,' datasets/logs/wabo-receipt.csv) t "
run "$MUTU" db info --db "$v8"
expect_rc "a version 8 PostgreSQL store opens (and is upgraded)" 0
# labels an office: its distinct activities, actors and lifecycles, counted
# from the files by Python's CSV reader (wabo-receipt: concept:name,
# org:resource, lifecycle:transition; synthetic-2025: activity, actor)
nla=$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(len({x["concept:name"] for x in r} | {x["org:resource"] for x in r if x["org:resource"]} | {x["lifecycle:transition"] for x in r if x["lifecycle:transition"]}))' datasets/logs/wabo-receipt.csv)
nlb=$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(len({x["activity"] for x in r} | {x["actor"] for x in r if x["actor"]}))' datasets/logs/synthetic-2025.csv)
expect_eq "upgraded to 10: ids in the events, each office's texts once in labels" \
	"$(psql -X -tA "$v8" -c "SELECT value FROM mutu_meta WHERE key = 'schema_version'" \
		-c "SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'activity_id'" \
		-c "SELECT count(*) FROM labels WHERE office = ''" -c "SELECT count(*) FROM labels WHERE office = 'kota'" 2>&1 | tr '\n' ' ')" \
	"10 integer $nla $nlb "
"$MUTU" db export --db "$v8" --out "$TMP/v9-a.csv" >/dev/null 2>&1
"$MUTU" report monthly --month 2025-06 --office kota --format json --out "$TMP/v8r2" --db "$v8" >/dev/null 2>&1
if [ -s "$TMP/v8-a.csv" ] && cmp -s "$TMP/v8-a.csv" "$TMP/v9-a.csv" &&
	[ -s "$TMP/v8r1/report-2025-06.json" ] &&
	cmp -s <(nogen "$TMP/v8r1/report-2025-06.json" | nocount) <(nogen "$TMP/v8r2/report-2025-06.json" | nocount); then
	ok "upgraded version 8 store: the export (both offices) and the report as before"
else
	not_ok "upgraded version 8 store: the export (both offices) and the report as before" \
		"$(diff "$TMP/v8-a.csv" "$TMP/v9-a.csv" | head -4)"
fi
# the file's first 300 rows as a new batch: every one a duplicate of a
# migrated row, no new label
head -n 301 datasets/logs/wabo-receipt.csv >"$TMP/wabo300.csv"
"$MUTU" ingest "$TMP/wabo300.csv" --db "$v8" --quiet >/dev/null 2>&1
expect_eq "upgraded store: a batch into it meets the migrated rows as duplicates, adds no label" \
	"$(psql -X -tA "$v8" -c "SELECT events_stored || ' ' || duplicates FROM batches WHERE office = '' ORDER BY id DESC LIMIT 1" \
		-c "SELECT count(*) FROM labels WHERE office = ''" 2>&1 | tr '\n' ' ')" "0 300 $nla "
# a damaged store: an event names a label that table labels does not hold
# (deleted by hand): the export stops with exit 2 and says which event,
# which ids and what is wrong, instead of writing an event without its
# activity
psql -X -q "$v8" -c "DELETE FROM labels WHERE office = 'kota' AND id = (SELECT min(activity_id) FROM events WHERE office = 'kota')" >/dev/null 2>&1
run "$MUTU" db export --db "$v8" --out "$TMP/damaged.csv"
expect_rc "an event naming a missing label: export fails with exit 2" 2
expect_eq "... and says so, naming the office and that the store is damaged" \
	"$(grep -c "of office 'kota' names label .*that table labels does not hold: the store is damaged" <<<"$ERR")" "1"
expect_eq "... and writes no file" "$([ -e "$TMP/damaged.csv" ] && echo written || echo none)" "none"
# an activity longer than a B-tree key may be (2,704 bytes): 3,000
# characters typed into a log's activity go in through labels (which has
# no index on the text for that reason) and come back out whole
# (letters drawn at random, seeded: a run of one letter would compress
# under the limit and prove nothing)
long=$(python3 -c 'import random; r = random.Random(7); print("Catatan petugas " + "".join(r.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(2984)))')
printf 'case_id,activity,start,end\nL1,%s,2025-03-03T09:00:00+07:00,2025-03-03T10:00:00+07:00\nL1,Selesai,2025-03-03T10:00:00+07:00,2025-03-03T11:00:00+07:00\n' "$long" >"$TMP/long.csv"
lpg=$(pg_newdb mutu_long)
run "$MUTU" ingest "$TMP/long.csv" --db "$lpg" --quiet
expect_rc "a 3,000-character activity: ingest into PostgreSQL, exit 0" 0
"$MUTU" db export --db "$lpg" --out "$TMP/long-out.csv" >/dev/null 2>&1
expect_eq "... and the export gives it back whole (its length)" \
	"$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1]))); i=r[0].index("concept:name", 1); print(max(len(x[i]) for x in r[1:]))' "$TMP/long-out.csv" 2>&1)" "3000"
# audits (json; --save writes the flags into each store)
for a in "--sop izin-pengumpulan-uang-barang --from 2025-11-01 --to 2025-11-30" \
	"--from 2011-06-01 --to 2011-06-30 --tz Europe/Amsterdam"; do
	# shellcheck disable=SC2086
	"$MUTU" audit $a --as-of 2026-01-01 --format json --save --db "$sq" >"$TMP/a1" 2>"$TMP/e1"
	r1=$?
	# shellcheck disable=SC2086
	"$MUTU" audit $a --as-of 2026-01-01 --format json --save --db "$pgdb" >"$TMP/a2" 2>"$TMP/e2"
	r2=$?
	if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ -s "$TMP/a1" ] && cmp -s "$TMP/a1" "$TMP/a2"; then
		ok "audit $a: identical json from both backends"
	else
		not_ok "audit $a: identical json from both backends" "exit $r1 / $r2: $(head -2 "$TMP/e2")" \
			"$(diff <(tr ',' '\n' <"$TMP/a1") <(tr ',' '\n' <"$TMP/a2") | head -10)"
	fi
done
# flags written: the same number in both stores
nf_pg=$(psql -X -tA "$pgdb" -c "SELECT count(*) FROM audit_flags" 2>&1)
nf_sq=$(sqlite3 "$sq" "SELECT count(*) FROM audit_flags" 2>&1)
expect_eq "audit flags stored: as many in PostgreSQL as in SQLite" "$nf_pg" "$nf_sq"

# an overlapping re-export (issue 10): the first 6,000 rows, then the whole
# file: the second batch meets the stored events of the cases it shares
# (read per case while its own events stream through an open COPY) and
# stores only the rows it does not have.  The log has no duplicate row, so
# exactly k duplicates and nrows - k new events, k and nrows counted by
# Python's CSV reader (not mutu).
ovl=$(pg_newdb mutu_overlap)
head -n 6001 datasets/logs/synthetic-2025.csv >"$TMP/first.csv"
k=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1)' "$TMP/first.csv")
n=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1)' datasets/logs/synthetic-2025.csv)
"$MUTU" ingest "$TMP/first.csv" --db "$ovl" --quiet >/dev/null 2>&1
run "$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$ovl" --quiet
expect_rc "overlapping batch on PostgreSQL: exit 0" 0
got=$(psql -X -q -tA "$ovl" -c "SELECT events_stored || ' ' || duplicates FROM batches ORDER BY id DESC LIMIT 1" 2>&1)
expect_eq "overlapping batch: $((n - k)) new events stored, $k duplicates" "$got" "$((n - k)) $k"
got=$(psql -X -q -tA "$ovl" -c "SELECT count(*) FROM events" 2>&1)
expect_eq "overlapping batch: the store holds each of the $n rows once" "$got" "$n"
# duplicates inside one batch, where the writer keeps a new case's keys
# (apart while its rows are consecutive, in the hash set once it is met
# again after another case or passes 64 rows): D1's first row again after
# D2's, a new D1 row, D2's row again, D1's second row again, and L1's first
# row again after its 70 others: 3 + 1 + 70 = 74 distinct rows stored,
# 4 duplicates, on both backends.
{
	echo "case_id,activity,start,end"
	echo "D1,Terima,2025-03-03T08:00:00+07:00,2025-03-03T08:10:00+07:00"
	echo "D1,Periksa,2025-03-03T09:00:00+07:00,2025-03-03T09:10:00+07:00"
	echo "D2,Terima,2025-03-03T08:00:00+07:00,2025-03-03T08:10:00+07:00"
	echo "D1,Terima,2025-03-03T08:00:00+07:00,2025-03-03T08:10:00+07:00"
	echo "D1,Cetak,2025-03-03T10:00:00+07:00,2025-03-03T10:10:00+07:00"
	echo "D2,Terima,2025-03-03T08:00:00+07:00,2025-03-03T08:10:00+07:00"
	echo "D1,Periksa,2025-03-03T09:00:00+07:00,2025-03-03T09:10:00+07:00"
	for i in $(seq 0 69); do
		printf 'L1,Langkah %d,2025-03-04T08:%02d:%02d+07:00,2025-03-04T09:%02d:%02d+07:00\n' \
			"$i" $((i / 10)) $((i % 10 * 5)) $((i / 10)) $((i % 10 * 5))
	done
	echo "L1,Langkah 0,2025-03-04T08:00:00+07:00,2025-03-04T09:00:00+07:00"
} >"$TMP/dups.csv"
dpg=$(pg_newdb mutu_dups)
for d in "$dpg" "$TMP/dups.db"; do
	"$MUTU" ingest "$TMP/dups.csv" --db "$d" >"$TMP/dups.out" 2>&1
	got=$(grep -E '^ *(events stored|duplicates)' "$TMP/dups.out" | awk '{ print $NF == "cases)" ? $3 : $2 }' | tr '\n' ' ')
	expect_eq "duplicates in one batch ($( [ "$d" = "$dpg" ] && echo PostgreSQL || echo SQLite )): 74 stored, 4 duplicates" "$got" "74 4 "
done
# that was the office's first batch: its duplicate checks had the new
# partition's key index built early, which must end as the partition's
# primary key (the parent's key needs it to attach): one per partition
got=$(psql -X -q -tA "$dpg" -c "SELECT count(*) FROM pg_inherits i JOIN pg_constraint c ON c.conrelid = i.inhrelid
	AND c.contype = 'p' WHERE i.inhparent = 'events'::regclass" 2>&1)
expect_eq "first batch with duplicates: the office's partition attached with its primary key" "$got" "1"
# what the binary COPY carries: offsets west and east of UTC (negative
# and odd minutes), an open row (no end), no step (unknown activity), an
# actor left empty, a non-ASCII office.  SQLite's store is the reference:
# both exports must be byte for byte the same.
cat >"$TMP/zones.csv" <<'CSV'
case_id,activity,actor,start,end
Z1,Terima berkas,Petugas A,2025-03-03T08:00:00-05:00,2025-03-03T08:30:00-05:00
Z1,Periksa berkas,,2025-03-03T09:00:00+05:45,
Z2,Cetak izin,Petugas é,2025-03-04T10:00:00+07:00,2025-03-04T10:05:00+07:00
CSV
zpg=$(pg_newdb mutu_zones)
"$MUTU" ingest "$TMP/zones.csv" --office "kantor ü" --db "$zpg" --quiet >/dev/null 2>"$TMP/ez1"
r1=$?
"$MUTU" ingest "$TMP/zones.csv" --office "kantor ü" --db "$TMP/z.db" --quiet >/dev/null 2>"$TMP/ez2"
r2=$?
"$MUTU" db export --db "$zpg" --out "$TMP/z-pg.csv" >/dev/null 2>&1
"$MUTU" db export --db "$TMP/z.db" --out "$TMP/z-sq.csv" >/dev/null 2>&1
if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ "$(wc -l <"$TMP/z-sq.csv")" -eq 4 ] && cmp -s "$TMP/z-pg.csv" "$TMP/z-sq.csv"; then
	ok "offsets -05:00 and +05:45, an open row, no actor: the same export from both backends"
else
	not_ok "offsets, open row, no actor: the same export from both backends" "exit $r1 / $r2: $(head -2 "$TMP/ez1")" \
		"$(diff "$TMP/z-sq.csv" "$TMP/z-pg.csv" | head -8)"
fi

# text through the writer's UTF-8 check, which takes eight ASCII bytes at
# a time: a multibyte character just before, at and after an 8-byte
# boundary, one of 2, 3 and 4 bytes, and a text all ASCII of 16 bytes --
# every one stored as it was (SQLite's export is the reference).
printf '%s\n' 'case_id,activity,actor,start,end' \
	'U1,ABCDEFGé,ABCDEFGHé,2025-03-03T08:00:00+07:00,2025-03-03T08:30:00+07:00' \
	'U1,ABCDEFGHIJKLMNOPé€𝄞,ABCDEFGHIJKLMNOP,2025-03-03T09:00:00+07:00,2025-03-03T09:30:00+07:00' \
	'U2,€ABCDEFGHIJKLMNO𝄞,ABCDEFG€,2025-03-04T09:00:00+07:00,' >"$TMP/utf.csv"
upg=$(pg_newdb mutu_utf)
"$MUTU" ingest "$TMP/utf.csv" --db "$upg" --quiet >/dev/null 2>"$TMP/eu1"
r1=$?
"$MUTU" ingest "$TMP/utf.csv" --db "$TMP/u.db" --quiet >/dev/null 2>"$TMP/eu2"
r2=$?
"$MUTU" db export --db "$upg" --out "$TMP/u-pg.csv" >/dev/null 2>&1
"$MUTU" db export --db "$TMP/u.db" --out "$TMP/u-sq.csv" >/dev/null 2>&1
if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ "$(wc -l <"$TMP/u-sq.csv")" -eq 4 ] && cmp -s "$TMP/u-pg.csv" "$TMP/u-sq.csv" &&
	grep -q 'ABCDEFGHIJKLMNOPé€𝄞' "$TMP/u-pg.csv"; then
	ok "multibyte text around the UTF-8 check's 8-byte steps: the same export from both backends"
else
	not_ok "multibyte text around 8-byte steps: the same export from both backends" "exit $r1 / $r2: $(head -2 "$TMP/eu1")" \
		"$(diff "$TMP/u-sq.csv" "$TMP/u-pg.csv" | head -8)"
fi

# an XES log's attribute types (attr_types) on both backends.  The XES
# reader knows a key's type only once the whole file is read, so the ingest
# gives them after store_writer_finish; the PostgreSQL writer wrote them
# only inside finish, and a PostgreSQL store had none (0 rows against
# SQLite's 10).  By hand from tests/data/logs/xes-openxes.xes (as
# test_xes.sh): trace keys biaya <int>, deadline <date>, berkas
# <container>, lampiran <list>, kanal <string> (global), nama_pemohon
# personal (dropped, no row); event keys identity:id <id>, skor <float>,
# lengkap <boolean> (global), kegiatan <string>, and org:role nested in
# org:resource as org:resource/org:role <string>.  concept:name, time:,
# lifecycle: and org:resource itself are columns, not attributes.
xtypes="case:berkas:container case:biaya:int case:deadline:date case:kanal:string case:lampiran:list event:identity:id:id event:kegiatan:string event:lengkap:boolean event:org:resource/org:role:string event:skor:float"
xpg=$(pg_newdb mutu_xes)
"$MUTU" ingest tests/data/logs/xes-openxes.xes --db "$xpg" --quiet >/dev/null 2>"$TMP/ex1"
r1=$?
"$MUTU" ingest tests/data/logs/xes-openxes.xes --db "$TMP/x.db" --quiet >/dev/null 2>"$TMP/ex2"
r2=$?
expect_eq "XES types on PostgreSQL: the 10 keys' attr_types rows (exit $r1)" \
	"$(psql -X -q -tA "$xpg" -c "SELECT string_agg(scope || ':' || name || ':' || type, ' ' ORDER BY scope, name COLLATE \"C\") FROM attr_types" 2>&1)" \
	"$xtypes"
expect_eq "XES types on SQLite: the same rows (exit $r2)" \
	"$(sqlite3 "$TMP/x.db" "SELECT group_concat(scope || ':' || name || ':' || type, ' ') FROM (SELECT * FROM attr_types ORDER BY scope, name)")" \
	"$xtypes"
# the export reads them back: an <id> stays an <id> (its text alone would
# read as a string), and the two backends write the same XES
"$MUTU" db export --db "$xpg" --format xes --out "$TMP/x-pg.xes" >/dev/null 2>&1
"$MUTU" db export --db "$TMP/x.db" --format xes --out "$TMP/x-sq.xes" >/dev/null 2>&1
if cmp -s "$TMP/x-pg.xes" "$TMP/x-sq.xes" && grep -q '<id key="identity:id"' "$TMP/x-pg.xes"; then
	ok "XES export from both backends the same, declared types kept (<id key=\"identity:id\">)"
else
	not_ok "XES export from both backends the same, declared types kept" \
		"$(diff "$TMP/x-sq.xes" "$TMP/x-pg.xes" | head -8)"
fi

# the batch's month-summary marks (batch_touch): per SOP the earliest
# first stamp of the cases the batch created or gave an event.  The
# writer takes the created cases' from memory and asks the server only for
# the cases that existed before; both land in one row per SOP (least).
# Stamps +07:00, so UTC is 7 h earlier; ms = days since 1970-01-01 x
# 86,400,000 + time of day: 2025-01-01 is day 20,089 (55 years, 14 leap
# days 1972..2024), 2025-03-02 day 20,149.
#   batch 1: izin-a: A1 (03-03), A2 start 03-02 10:00 -> 03:00Z = 20149 d + 3 h
#            = 1740884400000; izin-b: B1 start 03-05 08:00 -> 01:00Z (day
#            20152) = 1741136400000; no SOP (''): N1 has only an end, 03-04
#            08:00 -> 01:00Z (day 20151) = 1741050000000
#   batch 2: izin-a: only A3 (new, 03-08 09:00 -> 02:00Z, day 20155) =
#            1741399200000 -- A1/A2 are not touched, so not 1740884400000;
#            izin-b: B1 (existing, given an event: first stays 1741136400000)
#            and B2 (new, 03-07 08:00) -> the least, 1741136400000;
#            izin-c: C1 (new, 03-09 13:00 -> 06:00Z, day 20156) = 1741500000000
tpg=$(pg_newdb mutu_touch)
"$MUTU" ingest tests/data/logs/marks/t1.csv --office k1 --db "$tpg" --quiet >/dev/null 2>"$TMP/et1" &&
	"$MUTU" ingest tests/data/logs/marks/t2.csv --office k1 --db "$tpg" --quiet >/dev/null 2>>"$TMP/et1"
RC=$? ERR=$(cat "$TMP/et1") OUT=""
expect_rc "two batches into one office" 0
marks() { psql -X -q -tA "$tpg" -c "SELECT string_agg(sop || '=' || low_ms, ' ' ORDER BY sop) FROM batch_touch
	WHERE office = 'k1' AND batch_id = (SELECT id FROM batches WHERE office = 'k1' AND file LIKE '%$1')" 2>&1; }
expect_eq "batch marks of a first batch (created cases, one per SOP, no SOP as '')" "$(marks t1.csv)" \
	"=1741050000000 izin-a=1740884400000 izin-b=1741136400000"
expect_eq "batch marks of a second batch (new and existing cases, same SOP merged)" "$(marks t2.csv)" \
	"izin-a=1741399200000 izin-b=1741136400000 izin-c=1741500000000"

# ---- 3. four offices at once ----------------------------------------------
prov=$(pg_newdb mutu_province)
# the schema first, so the four do not all start by creating it (they would
# serialise on the schema lock: correct, but not the race this tests)
"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv \
	--office seed --db "$prov" --quiet >/dev/null 2>&1
offices="banjarbaru rokan-hilir kota-a kota-b"
# the synthetic log's rows, counted by a CSV reader of its own (not mutu)
nrows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1)' datasets/logs/synthetic-2025.csv)
pids=()
for o in $offices; do
	"$MUTU" ingest datasets/logs/synthetic-2025.csv --office "$o" --db "$prov" >"$TMP/ing-$o.out" 2>&1 &
	pids+=($!)
done
# reports while they run: the province (every office) for June, each
# reading the whole history (MUTU_REPORT_FULL_READ=1: no month summaries,
# whose use would make cases_read depend on the reports before it)
nrep=0 bad=""
while kill -0 "${pids[@]}" 2>/dev/null; do
	MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-06 --format json --out "$TMP/prov" --db "$prov" >/dev/null 2>>"$TMP/prov.err" &&
		{ nrep=$((nrep + 1)); grep -o '"cases_read":[0-9]*' "$TMP/prov/report-2025-06.json" | head -1 >>"$TMP/reads"; }
done
rc_all=0
for p in "${pids[@]}"; do wait "$p" || rc_all=1; done
expect_eq "four concurrent ingests of four offices all succeed" "$rc_all" "0"
# every row accounted for, and the store holds exactly what the batches say
mism=$(psql -X -q -tA "$prov" -c "SELECT count(*) FROM batches b WHERE b.events_stored <> (SELECT count(*)
	FROM events e WHERE e.office = b.office AND e.batch_id = b.id) OR b.rejected <> (SELECT count(*)
	FROM rejected r WHERE r.office = b.office AND r.batch_id = b.id)" 2>&1)
expect_eq "events and rejected rows in the store equal the batches' counts" "$mism" "0"
acc=$(psql -X -q -tA "$prov" -c "SELECT count(*) FROM batches WHERE office IN ('banjarbaru','rokan-hilir',
	'kota-a','kota-b') AND rows_read = events_stored + rejected + duplicates AND rows_read = $nrows" 2>&1)
expect_eq "each office's batch: $nrows rows read = stored + rejected + duplicates" "$acc" "4"
per=$(psql -X -q -tA "$prov" -c "SELECT string_agg(office || '=' || n, ' ' ORDER BY office) FROM (SELECT
	office, count(*) n FROM events WHERE office <> 'seed' GROUP BY office) x" 2>&1)
# the synthetic log has no duplicate and no rejected row (test_datasets.sh):
# all its rows are stored for each office, none shared between offices
expect_eq "events per office" "$per" "banjarbaru=$nrows kota-a=$nrows kota-b=$nrows rokan-hilir=$nrows"
# ids are reserved several blocks a round trip while the four ingests take
# them at once: blocks never overlap, so every id is distinct
dup=$(psql -X -q -tA "$prov" -c "SELECT (SELECT count(*) - count(DISTINCT id) FROM events) || ' ' ||
	(SELECT count(*) - count(DISTINCT id) FROM cases)" 2>&1)
expect_eq "event and case ids distinct across the concurrent ingests" "$dup" "0 0"
# consistent reads: one office's June is N cases; a snapshot holds 0..4
# whole offices, so every province report read a multiple of N (plus the
# seed office's, read first)
MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-06 --format json --out "$TMP/one" --office banjarbaru --db "$prov" >/dev/null 2>&1
n1=$(grep -o '"cases_read":[0-9]*' "$TMP/one/report-2025-06.json" | head -1 | cut -d: -f2)
MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-06 --format json --out "$TMP/one" --office seed --db "$prov" >/dev/null 2>&1
n0=$(grep -o '"cases_read":[0-9]*' "$TMP/one/report-2025-06.json" | head -1 | cut -d: -f2)
bad=""
while IFS=: read -r _ n; do
	[ -n "$n1" ] && [ "$n1" -gt 0 ] && [ $(((n - n0) % n1)) -eq 0 ] || bad="$bad $n"
done <"$TMP/reads"
if [ -z "$n1" ] || [ "$n1" -eq 0 ]; then
	not_ok "one office's June report" "cases_read '$n1'"
elif [ "$nrep" -eq 0 ]; then
	not_ok "reports read during the ingests" "none completed: $(head -3 "$TMP/prov.err")"
elif [ -z "$bad" ]; then
	ok "$nrep province reports during the ingests: each a whole number of offices ($n1 cases each)"
else
	not_ok "reports during the ingests are consistent snapshots" "cases_read not seed($n0) + k x $n1:$bad"
fi

# ---- 4. connection failures ----------------------------------------------
run "$MUTU" db info --db "postgres:///mutu_test?host=$TMP/nosuchdir"
expect_rc "no server at that socket: exit 1" 1
expect_err_has "no server: names the socket folder" "$TMP/nosuchdir"
expect_err_has "no server: says what to check" "is the server running"
run "$MUTU" db info --db "postgres:///no_such_db?host=$MUTU_PG_DIR"
expect_rc "missing database: exit 1" 1
expect_err_has "missing database: named" "no_such_db"
expect_err_has "missing database: says to create it" "createdb"
run "$MUTU" report monthly --month 2025-06 --db "postgresql://someone:s3cret@localhost:1/x?host=$TMP/nosuchdir"
expect_rc "a location with a password: exit 1" 1
case "$ERR" in *s3cret*) not_ok "the password is never printed" "$ERR" ;; *) ok "the password is never printed" ;; esac
