#!/usr/bin/env bash
# tests/cli/test_store_upgrade10.sh - schema 10 (docs/store.md): a schema 9
# store (with the events (end_ms) and cases (sop) indexes) opens, loses
# them, and reads as before: the same --month latest and the same report.
#
# Two schema 9 stores of the hand-made log tests/data/logs/uji-sla.csv: one
# made from a schema 10 store by hand (the indexes created back,
# user_version 9: schema 9 is schema 10 plus those two), and, when an older mutu is at
# hand (MUTU_OLD, default the main branch's build /work/main/build/mutu),
# one that mutu ingested, whose own report before the upgrade is compared.
# --month latest is 2025-05 (test_report.sh: the last finished case ends
# 23 May 2025).  A generated log of ~3000 events (many cases ending in the
# last days, so the latest lookups must read past their first 4 cases when
# spans tie) is compared the same way against a store made fresh.
. tests/cli/lib.sh

MODELS=tests/data/models
# an older (schema 9) mutu only when given: its reports are this code's
# only while no rule changed in between (a later rule change, e.g. the
# deadline's <= in sla.c, makes them differ for a reason that is not the
# upgrade), so a path outside the clone is never assumed
OLD=${MUTU_OLD:-}
idx() { sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name IN ('events_end', 'cases_sop')"; }
ver() { sqlite3 "$1" "PRAGMA user_version"; }

# the reference: a store made fresh by this mutu, schema 10, no end index
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$TMP/new.db" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest into a new store" 0
expect_eq "a new store is schema 11 (10, and 11's events.sorting)" "$(ver "$TMP/new.db")" "11"
expect_eq "a new store has no events_end or cases_sop" "$(idx "$TMP/new.db")" "0"
# copied before any report (a report keeps month summaries and case
# measures in the store, and the next one reads fewer cases)
cp "$TMP/new.db" "$TMP/hand.db"
run "$MUTU" report monthly --month latest --db "$TMP/new.db" --models "$MODELS" --out "$TMP/rnew" --format json
expect_out_has "new store: --month latest is 2025-05" "report-2025-05.json"

upgraded() { # NAME DB: DB (schema 9, with the index) through this mutu's report
	local name=$1 db=$2
	expect_eq "$name: schema 9 with events_end and cases_sop before" "$(ver "$db") $(idx "$db")" "9 2"
	run "$MUTU" report monthly --month latest --db "$db" --models "$MODELS" --out "$TMP/r-$name" --format json
	expect_rc "$name: report after the upgrade exit 0" 0
	expect_out_has "$name: --month latest is still 2025-05" "report-2025-05.json"
	expect_eq "$name: schema 10 (then 11), events_end and cases_sop dropped" "$(ver "$db") $(idx "$db")" "11 0"
	if cmp -s "$TMP/r-$name/report-2025-05.json" "$TMP/rnew/report-2025-05.json"; then
		ok "$name: the report is the new store's, byte for byte"
	else
		not_ok "$name: the report is the new store's, byte for byte" \
			"$(diff "$TMP/r-$name/report-2025-05.json" "$TMP/rnew/report-2025-05.json" | head -5)"
	fi
}

sqlite3 "$TMP/hand.db" "CREATE INDEX events_end ON events(end_ms); CREATE INDEX cases_sop ON cases(sop); PRAGMA user_version = 9"
upgraded hand "$TMP/hand.db"

if [ -x "$OLD" ] && "$OLD" ingest tests/data/logs/uji-sla.csv --db "$TMP/old.db" --sop uji-sla \
	--models "$MODELS" --quiet >/dev/null 2>&1 && [ "$(ver "$TMP/old.db")" = 9 ]; then
	"$OLD" report monthly --month latest --db "$TMP/old.db" --models "$MODELS" --out "$TMP/rold" \
		--format json >/dev/null 2>&1
	upgraded old "$TMP/old.db"
	if cmp -s "$TMP/rold/report-2025-05.json" "$TMP/r-old/report-2025-05.json"; then
		ok "old: the older mutu's report before the upgrade is this one's after it"
	else
		not_ok "old: the older mutu's report before the upgrade is this one's after it"
	fi
else
	ok "# skip: no schema 9 mutu at $OLD (set MUTU_OLD)"
fi

# a generated log: many cases, the latest ends close together.  The
# reference is the answer through the end index: the older mutu's report
# on its own store before the upgrade, or (without one) this mutu's on a
# store made fresh
python3 datasets/generate_log.py --events 3000 --seed 11 --out "$TMP/gen.csv" --models models >/dev/null ||
	not_ok "generate_log.py"
run "$MUTU" ingest "$TMP/gen.csv" --db "$TMP/gnew.db" --quiet
expect_rc "generated log into a new store" 0
if [ -x "$OLD" ] && "$OLD" ingest "$TMP/gen.csv" --db "$TMP/g9.db" --quiet >/dev/null 2>&1 &&
	[ "$(ver "$TMP/g9.db")" = 9 ]; then
	"$OLD" report monthly --month latest --db "$TMP/g9.db" --out "$TMP/gr1" --format json >/dev/null 2>&1
	ref="the older mutu's before the upgrade"
else
	cp "$TMP/gnew.db" "$TMP/g9.db"
	sqlite3 "$TMP/g9.db" "CREATE INDEX events_end ON events(end_ms); CREATE INDEX cases_sop ON cases(sop); PRAGMA user_version = 9"
	"$MUTU" report monthly --month latest --db "$TMP/gnew.db" --out "$TMP/gr1" --format json >/dev/null 2>&1
	ref="a new store's"
fi
m1=$(ls "$TMP/gr1")
expect_eq "generated: schema 9 with events_end and cases_sop before" "$(ver "$TMP/g9.db") $(idx "$TMP/g9.db")" "9 2"
run "$MUTU" report monthly --month latest --db "$TMP/g9.db" --out "$TMP/gr2" --format json
expect_rc "generated, upgraded store: report exit 0" 0
expect_eq "generated: upgraded, schema 10 (then 11) without events_end or cases_sop" "$(ver "$TMP/g9.db") $(idx "$TMP/g9.db")" "11 0"
expect_eq "generated: --month latest as $ref" "$(ls "$TMP/gr2")" "$m1"
if [ -n "$m1" ] && cmp -s "$TMP/gr1/$m1" "$TMP/gr2/$m1"; then
	ok "generated: the report is $ref"
else
	not_ok "generated: the report is $ref"
fi
