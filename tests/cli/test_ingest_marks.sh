#!/usr/bin/env bash
# tests/cli/test_ingest_marks.sh - the SQLite writer's month-summary marks
# (batch_touch, schema 8): per (office, SOP) the earliest first stamp of
# the cases a batch created or gave an event.  The writer takes the
# created cases written with their span from memory as each goes in
# (mark_new_case) and reads from the store only the cases whose span the
# finish widened (an earlier batch's case, or a new case whose rows came
# apart); both land in one row per (office, SOP) with min().  The same
# logs (tests/data/logs/marks/) and values as test_store_pg.sh's PostgreSQL marks, plus a batch
# whose case comes apart and a second office.
#
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
#   batch 3: izin-d: D1's rows come apart: 03-11 09:00, then D2 (03-11
#            10:00), then D1 again at 03-10 13:00 -> 06:00Z (day 20157)
#            = 1741586400000.  D1's first run went into its row (03-11
#            02:00Z = 1741658400000); the later, earlier row widens it in
#            the finish, and the mark must be the widened one.
#   batch 4 (office k2, the same rows as batch 1): its own row per SOP,
#            the same stamps; office k1's marks unchanged.
. tests/cli/lib.sh

DB=$TMP/m.db
cat >"$TMP/t3.csv" <<'CSV'
case_id,sop,activity,actor,start,end
D1,izin-d,Terima berkas,P,2025-03-11T09:00:00+07:00,2025-03-11T09:30:00+07:00
D2,izin-d,Terima berkas,P,2025-03-11T10:00:00+07:00,2025-03-11T10:30:00+07:00
D1,izin-d,Periksa berkas,P,2025-03-10T13:00:00+07:00,2025-03-10T13:30:00+07:00
CSV
cp tests/data/logs/marks/t1.csv "$TMP/t1.csv"
cp tests/data/logs/marks/t2.csv "$TMP/t2.csv"
cp tests/data/logs/marks/t1.csv "$TMP/t4.csv"

marks() {
	sqlite3 "$DB" "SELECT group_concat(sop || '=' || low_ms, ' ') FROM (SELECT sop, low_ms FROM batch_touch
		WHERE office = '$2' AND batch_id = (SELECT id FROM batches WHERE file LIKE '%$1') ORDER BY sop)" 2>&1
}
for b in 1 2 3; do
	run "$MUTU" ingest "$TMP/t$b.csv" --office k1 --db "$DB" --quiet
	expect_rc "batch $b into office k1" 0
done
expect_eq "batch 1: created cases, one mark per SOP, no SOP as ''" "$(marks t1.csv k1)" \
	"=1741050000000 izin-a=1740884400000 izin-b=1741136400000"
expect_eq "batch 2: new and existing cases, the same SOP merged" "$(marks t2.csv k1)" \
	"izin-a=1741399200000 izin-b=1741136400000 izin-c=1741500000000"
expect_eq "batch 3: a new case whose rows came apart gives its widened first stamp" \
	"$(marks t3.csv k1)" "izin-d=1741586400000"
expect_eq "batch 3: D1's first stamp in its row is the widened one" \
	"$(sqlite3 "$DB" "SELECT first_ms FROM cases WHERE case_key = 'D1'")" "1741586400000"
run "$MUTU" ingest "$TMP/t4.csv" --office k2 --db "$DB" --quiet
expect_rc "batch 4 into office k2" 0
expect_eq "batch 4: office k2's own marks" "$(marks t4.csv k2)" \
	"=1741050000000 izin-a=1740884400000 izin-b=1741136400000"
expect_eq "batch 4: nothing marked under office k1" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM batch_touch WHERE office = 'k1' AND batch_id = 4")" "0"
expect_eq "every batch's marks: 3 + 3 + 1 + 3 rows" "$(sqlite3 "$DB" "SELECT count(*) FROM batch_touch")" "10"

# A new store is made in one transaction: every version's schema, one
# commit.  Its version is the newest and it holds every table.
# (10: include/mutu/store.h's STORE_SCHEMA_VERSION, which this must follow)
expect_eq "a new store is at schema 11" "$(sqlite3 "$DB" "PRAGMA user_version")" "11"
expect_eq "a new store's tables" \
	"$(sqlite3 "$DB" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")" \
	"attr_types batch_touch batches case_attrs case_measure cases event_attrs events month_summary rejected"
