#!/usr/bin/env bash
# tests/cli/test_ingest.sh - mutu ingest and mutu db on the real sample logs,
# refusals, re-ingest, and a SIGKILL in the middle of a large ingest.
# Expected figures: the WABO README (1434 cases, 8577 events) and
# datasets/logs/README.md (defect log: 29 rows = 19 + 9 rejected + 1 duplicate).
. tests/cli/lib.sh

WABO=datasets/logs/wabo-receipt.csv
DEF=datasets/logs/banjarbaru-sicantik-defects.csv
DB=$TMP/s.db

run "$MUTU" ingest --help
expect_rc "ingest --help exits 0" 0
expect_out_has "ingest --help names the default store" "mutu.db in the"

run "$MUTU" ingest "$WABO" --db "$DB"
expect_rc "WABO ingests" 0
expect_out_has "WABO rows read" "rows read       8577"
expect_out_has "WABO events stored" "events stored   8577 (1434 new cases)"

run "$MUTU" ingest "$WABO" --db "$DB"
expect_rc "re-ingest exits 0" 0
expect_out_has "re-ingest is a no-op that says so" "already ingested as batch 1"
expect_eq "re-ingest adds no batch" "$(sqlite3 "$DB" 'SELECT count(*) FROM batches')" "1"

run "$MUTU" db info --db "$DB"
expect_rc "db info" 0
expect_out_has "db info totals" "total: 1434 cases, 8577 events"
expect_out_has "db info date range (first and last stamp of the log)" "2010-10-02T09:20:39.266+02:00  2012-01-23T15:42:54.644+01:00"

run "$MUTU" ingest "$DEF" --db "$DB" --map datasets/logs/sicantik-map.csv
expect_rc "defect log ingests" 0
expect_out_has "defect log rows" "rows read       29"
expect_out_has "defect log stored" "events stored   19"
expect_out_has "defect log rejected" "rejected        9"
expect_out_has "defect log duplicates" "duplicates      1"
expect_out_has "defect log reasons" "broken quoting             1"
expect_out_has "personal columns reported" "dropped personal columns: nik,no_hp,alamat,nama_pemohon"

run "$MUTU" db rejected --batch 2 --db "$DB"
expect_rc "db rejected" 0
expect_out_has "rejected: broken quote at line 28" "batch 2 line 28: broken quoting"
expect_out_has "rejected: missing case id at line 21" "batch 2 line 21: missing case id in no_permohonan"
expect_out_has "rejected: count" "9 rejected rows"

# the invariant over every batch: rows read = stored + rejected + duplicates
expect_eq "invariant holds for every batch" \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM batches WHERE rows_read <> events_stored + rejected + duplicates')" "0"

# files that cannot be a log: exit 2, nothing written
printf 'hello\nworld\n' >"$TMP/notcsv.txt"
run "$MUTU" ingest "$TMP/notcsv.txt" --db "$TMP/none.db"
expect_rc "not a CSV: exit 2" 2
expect_err_has "not a CSV: says why" "not a CSV event log"
expect_eq "not a CSV: no store created" "$(ls "$TMP"/none.db* 2>/dev/null | wc -l)" "0"
: >"$TMP/empty.csv"
run "$MUTU" ingest "$TMP/empty.csv" --db "$TMP/none.db"
expect_rc "empty file: exit 2" 2
printf 'case_id,activity,end\nK1,A,01/02/2025 08:00\n' >"$TMP/ambig.csv"
run "$MUTU" ingest "$TMP/ambig.csv" --db "$TMP/none.db"
expect_rc "ambiguous dates: exit 2" 2
expect_err_has "ambiguous dates: asks for --date-format" "--date-format"
run "$MUTU" ingest "$TMP/ambig.csv" --db "$TMP/none.db" --date-format '%d/%m/%Y %H:%M' --tz WIB
expect_rc "ambiguous dates with --date-format load" 0
run "$MUTU" ingest "$WABO" --db "$TMP/x.db" --sop no-such-sop
expect_rc "unknown --sop: exit 2" 2

# SIGKILL in the middle of a large ingest leaves the store as before the batch
python3 datasets/generate_log.py --events 400000 --out "$TMP/big.csv" --models models
before=$(sqlite3 "$DB" 'SELECT count(*) FROM events; SELECT count(*) FROM batches' | tr '\n' ' ')
"$MUTU" ingest "$TMP/big.csv" --db "$DB" --quiet &
pid=$!
killed=0
for _ in $(seq 1 400); do
	# kill once the batch is writing: the WAL has grown past 4 MB
	sz=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
	if [ "$sz" -gt 4000000 ] && kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" && killed=1
		break
	fi
	sleep 0.02
done
wait "$pid" 2>/dev/null
expect_eq "kill -9 landed in the middle of the ingest" "$killed" "1"
after=$(sqlite3 "$DB" 'SELECT count(*) FROM events; SELECT count(*) FROM batches' | tr '\n' ' ')
expect_eq "after SIGKILL: the store holds what it held before" "$after" "$before"
expect_eq "after SIGKILL: integrity_check" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok"
run "$MUTU" ingest "$TMP/big.csv" --db "$DB"
expect_rc "after SIGKILL: the same file loads (no stale batch)" 0
expect_out_has "after SIGKILL: all rows" "rows read       400000"
