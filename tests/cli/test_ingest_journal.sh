#!/usr/bin/env bash
# tests/cli/test_ingest_journal.sh - the first batch of a new store is
# written under SQLite's rollback journal (once, not WAL + checkpoint;
# docs/store.md, "Ingest speed"), and the store is WAL from its close on.
# A SIGKILL in the middle of that batch leaves a hot journal; the next open
# rolls it back, so the store is as before the batch: empty, intact, and
# the same file loads.  (test_ingest.sh kills a batch into a store that
# already holds one: the WAL case.)
. tests/cli/lib.sh

N=300000
python3 datasets/generate_log.py --events "$N" --out "$TMP/big.csv" --models models

# a finished first batch: no journal left, and the store is WAL from now on
head -2001 "$TMP/big.csv" >"$TMP/small.csv"
run "$MUTU" ingest "$TMP/small.csv" --db "$TMP/s.db" --quiet
expect_rc "new store, small batch: exit 0" 0
expect_eq "new store: WAL once the ingest has closed it" "$(sqlite3 "$TMP/s.db" 'PRAGMA journal_mode')" "wal"
expect_eq "new store: no rollback journal left" "$(ls "$TMP" | grep -c 's.db-journal')" "0"
expect_eq "new store: its 2000 rows" "$(sqlite3 "$TMP/s.db" 'SELECT count(*) FROM events')" "2000"

# SIGKILL during the first batch of a new store
DB=$TMP/fresh.db
"$MUTU" ingest "$TMP/big.csv" --db "$DB" --quiet &
pid=$!
killed=0
for _ in $(seq 1 500); do
	# kill once the batch is writing: the file has grown past 4 MB
	# (the schema alone is under 1 MB) and its journal is there
	sz=$(stat -c %s "$DB" 2>/dev/null || echo 0)
	if [ "$sz" -gt 4000000 ] && [ -e "$DB-journal" ] && kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" && killed=1
		break
	fi
	sleep 0.02
done
wait "$pid" 2>/dev/null
expect_eq "kill -9 landed in the middle of the first batch" "$killed" "1"
expect_eq "after SIGKILL: a hot journal is left" "$([ -s "$DB-journal" ] && echo yes)" "yes"
run "$MUTU" db info --db "$DB"
expect_rc "after SIGKILL: db info opens the store" 0
# the batch never committed: no case, no event (the journal rolled back)
expect_out_has "after SIGKILL: the store is empty, as before the batch" "total: 0 cases, 0 events"
expect_eq "after SIGKILL: no batch row" "$(sqlite3 "$DB" 'SELECT count(*) FROM batches')" "0"
expect_eq "after SIGKILL: integrity_check" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok"
run "$MUTU" ingest "$TMP/big.csv" --db "$DB"
expect_rc "after SIGKILL: the same file loads" 0
expect_out_has "after SIGKILL: all rows" "rows read       $N"
expect_out_has "after SIGKILL: all events stored" "events stored   $N"
# a second load of overlapping rows (the first 2000) adds nothing: dedup
# across batches holds for a store whose first batch was journalled
run "$MUTU" ingest "$TMP/small.csv" --db "$DB"
expect_rc "overlapping batch: exit 0" 0
expect_out_has "overlapping batch: no event added" "events stored   0"
expect_out_has "overlapping batch: all 2000 duplicates" "duplicates      2000"
expect_eq "after both: still $N events" "$(sqlite3 "$DB" 'SELECT count(*) FROM events')" "$N"
