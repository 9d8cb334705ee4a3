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
# Each run also reports its CPU: the client's (mutu or psql: user + sys of
# the process) and the server's (the postmaster's cutime + cstime: every
# backend, parallel worker or autovacuum worker that ended during the run).
# MUTU_BASE=PATH adds pairs of MUTU against that other build (e.g. the main
# branch's /work/main/build/mutu), same log, fresh database each run, and
# checks that both stored the same rows: md5 of every row of cases, events
# and batch_touch in order (outside the timed part), the last run of each.
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
# the server's CPU so far (seconds) into SCPU: the postmaster's children
# that ended; a pause first, so the backend of the last psql or mutu has
# ended and been counted
pm=$(head -1 "$MUTU_PG_DIR/data/postmaster.pid")
tck=$(getconf CLK_TCK)
server_cpu() {
	sleep 0.3
	SCPU=$(awk -v t="$tck" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$pm/stat")
}
# CMD... timed (bench_time) with its CPU and the server's: RUN_C, RUN_S
timed_run() {
	local c0 s0
	server_cpu
	s0=$SCPU
	bench_cpu
	c0=$CPU
	bench_time "$@" || return 1
	bench_cpu
	server_cpu
	RUN_C=$(awk -v a="$c0" -v b="$CPU" 'BEGIN { printf "%.2f", b - a }')
	RUN_S=$(awk -v a="$s0" -v b="$SCPU" 'BEGIN { printf "%.2f", b - a }')
}
COPY_C=() COPY_S=() MUTU_C=() MUTU_S=() BASE_C=() BASE_S=()
side_copy() {
	fresh_db bench_copy || return 1
	psql -X -q -d bench_copy -c "CREATE TABLE events (case_id text, sop text, step text, activity text,
		actor text, start text, \"end\" text)" || return 1
	timed_run psql -X -q -d bench_copy -c "\\copy events FROM '$log' WITH (FORMAT csv, HEADER true)" || return 1
	COPY_C+=("$RUN_C") COPY_S+=("$RUN_S")
	local rows
	rows=$(psql -X -tA -d bench_copy -c "SELECT count(*) FROM events")
	[ "$rows" = "$EVENTS" ] || { echo "FAIL: \\copy stored $rows rows, not $EVENTS"; return 1; }
	BV=$BT
}
# one mutu ($1) ingest into a fresh database, checked
mutu_one() {
	fresh_db bench_mutu || return 1
	timed_run "$1" ingest "$log" --db "postgres:///bench_mutu?host=$MUTU_PG_DIR" --quiet || return 1
	local stored
	stored=$(psql -X -tA -d bench_mutu -c "SELECT events_stored FROM batches")
	[ "$stored" = "$EVENTS" ] || { echo "FAIL: $1 stored $stored events, not $EVENTS"; return 1; }
	# the events' texts as stored before schema 9 (PostgreSQL) or through
	# labels (schema 9 on), so two builds of either schema compare
	local ev="SELECT e.office, e.id, e.case_id, e.batch_id, e.line, e.step, e.activity, e.actor, e.lifecycle,
		e.start_ms, e.start_off, e.end_ms, e.end_off, e.unknown, e.dkey FROM events e"
	[ "$(psql -X -tA -d bench_mutu -c "SELECT to_regclass('labels') IS NOT NULL")" = t ] &&
		ev="SELECT e.office, e.id, e.case_id, e.batch_id, e.line, e.step, a.label, r.label, l.label,
		e.start_ms, e.start_off, e.end_ms, e.end_off, e.unknown, e.dkey FROM events e
		JOIN labels a ON a.office = e.office AND a.id = e.activity_id
		LEFT JOIN labels r ON r.office = e.office AND r.id = e.actor_id
		LEFT JOIN labels l ON l.office = e.office AND l.id = e.lifecycle_id"
	[ -z "${CHECK_ROWS:-}" ] || ROWS=$(psql -X -tA -d bench_mutu -c "SELECT
		(SELECT md5(string_agg(c::text, ',' ORDER BY office, id)) FROM cases c),
		(SELECT md5(string_agg(e::text, ',' ORDER BY office, id)) FROM ($ev) e),
		(SELECT md5(string_agg(concat_ws('|', office, batch_id, sop, low_ms), ',' ORDER BY office, batch_id, sop))
		 FROM batch_touch)")
	BV=$BT
}
side_mutu() {
	mutu_one "$MUTU" || return 1
	MUTU_C+=("$RUN_C") MUTU_S+=("$RUN_S") ROWS_THIS=${ROWS:-}
}
side_base() {
	mutu_one "$MUTU_BASE" || return 1
	BASE_C+=("$RUN_C") BASE_S+=("$RUN_S") ROWS_BASE=${ROWS:-}
}
# "median m s (runs ...)" of a side's CPU
cpu_line() {
	printf 'median %s s (runs %s)' "$(bench_median "$@")" "$*"
}

echo "mutu ingest (PostgreSQL) vs psql \\copy, wall seconds per whole process (ratio = mutu/\\copy)"
bench_pairs side_mutu side_copy || exit 1
printf '  psql \\copy        median %6.2f s  client CPU %s  server CPU %s\n' "$BMED" \
	"$(cpu_line "${COPY_C[@]}")" "$(cpu_line "${COPY_S[@]}")"
printf '  mutu ingest       median %6.2f s  client CPU %s  server CPU %s\n' "$AMED" \
	"$(cpu_line "${MUTU_C[@]}")" "$(cpu_line "${MUTU_S[@]}")"
bench_load
bench_row "pg ingest 10^6 events, s vs psql \\copy" "$AMED" "$BMED" "$RMED ($RMIN-$RMAX)" "<= 1.5" \
	"$( [ "$(bench_cmp "$RMED" '<=' 1.5)" = 1 ] && echo yes || echo no)"
# the server's CPU, the steady part on a shared machine (docs/store.md,
# "Where the server's time goes")
srv_m=$(bench_median "${MUTU_S[@]}") srv_c=$(bench_median "${COPY_S[@]}")
bench_row "pg ingest server CPU s (median)" "$srv_m" "$srv_c" \
	"$(awk -v a="$srv_m" -v b="$srv_c" 'BEGIN { printf "%.3g", (b > 0) ? a / b : 0 }')" "-" "-"

if [ -n "${MUTU_BASE:-}" ]; then
	echo
	echo "mutu ingest ($MUTU) vs ($MUTU_BASE), PostgreSQL, the same log (ratio = this/base)"
	MUTU_C=() MUTU_S=() CHECK_ROWS=1
	bench_pairs side_mutu side_base || exit 1
	printf '  this  median %6.2f s  client CPU %s  server CPU %s\n' "$AMED" \
		"$(cpu_line "${MUTU_C[@]}")" "$(cpu_line "${MUTU_S[@]}")"
	printf '  base  median %6.2f s  client CPU %s  server CPU %s\n' "$BMED" \
		"$(cpu_line "${BASE_C[@]}")" "$(cpu_line "${BASE_S[@]}")"
	if [ -n "$ROWS_THIS" ] && [ "$ROWS_THIS" = "$ROWS_BASE" ]; then
		echo "  rows stored: the same (md5 of cases, events, batch_touch: $ROWS_THIS)"
	else
		echo "FAIL: rows stored differ: this $ROWS_THIS, base $ROWS_BASE"
		exit 1
	fi
	bench_load
fi
