#!/usr/bin/env bash
# tests/bench/bench_pg_ingest.sh - `mutu ingest` of a generated 1,000,000-event
# canonical CSV into a PostgreSQL store against psql's `\copy` of the same file
# into a plain table (text columns, no index, no validation, no time parsing),
# on one private server (tests/pg/pg.sh, default settings: fsync on), same
# disk.  Each side starts from a fresh database after a CHECKPOINT (so one
# side's dirty pages are not written during the other's run) and is timed
# as a whole process; the sides alternate, BENCH_PAIRS pairs (default and
# minimum 5), verdict on the median ratio mutu / \copy with its min and max
# (tests/bench/lib.sh).  Target (issue 10): at most 1.5x.
# EVENTS and BENCH_PAIRS override the defaults (1000000, 5).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
. tests/bench/lib.sh
. tests/pg/pg.sh
bench_load
pg_start || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_pg.XXXXXX")
trap 'pg_stop; rm -rf "$work"' EXIT
chmod 755 "$work"
log=$work/log.csv
python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$log" --models models || exit 1
chmod 644 "$log"
size=$(stat -c %s "$log")
echo "log: $EVENTS events, $((size / 1000000)) MB, canonical form; server: $(psql -X -tA -c 'SHOW server_version')"

fresh_db() {
	psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" -c "CHECKPOINT" || return 1
}
side_copy() {
	fresh_db bench_copy || return 1
	psql -X -q -d bench_copy -c "CREATE TABLE events (case_id text, sop text, step text, activity text,
		actor text, start text, \"end\" text)" || return 1
	bench_time psql -X -q -d bench_copy -c "\\copy events FROM '$log' WITH (FORMAT csv, HEADER true)" || return 1
	local rows
	rows=$(psql -X -tA -d bench_copy -c "SELECT count(*) FROM events")
	[ "$rows" = "$EVENTS" ] || { echo "FAIL: \\copy stored $rows rows, not $EVENTS"; return 1; }
	BV=$BT
}
side_mutu() {
	fresh_db bench_mutu || return 1
	bench_time "$MUTU" ingest "$log" --db "postgres:///bench_mutu?host=$MUTU_PG_DIR" --quiet || return 1
	local stored
	stored=$(psql -X -tA -d bench_mutu -c "SELECT events_stored FROM batches")
	[ "$stored" = "$EVENTS" ] || { echo "FAIL: mutu stored $stored events, not $EVENTS"; return 1; }
	BV=$BT
}

echo "mutu ingest (PostgreSQL) vs psql \\copy, wall seconds per whole process (ratio = mutu/\\copy)"
bench_pairs side_mutu side_copy || exit 1
printf '  psql \\copy        median %6.2f s\n  mutu ingest       median %6.2f s\n' "$BMED" "$AMED"
bench_row "pg ingest 10^6 events, s vs psql \\copy" "$AMED" "$BMED" "$RMED ($RMIN-$RMAX)" "<= 1.5" \
	"$( [ "$(bench_cmp "$RMED" '<=' 1.5)" = 1 ] && echo yes || echo no)"
