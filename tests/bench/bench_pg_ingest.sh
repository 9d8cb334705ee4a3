#!/usr/bin/env bash
# tests/bench/bench_pg_ingest.sh - `mutu ingest` of a generated 1,000,000-event
# canonical CSV into a PostgreSQL store against psql's `\copy` of the same file
# into a plain table (text columns, no index, no validation, no time parsing),
# on one private server (tests/pg/pg.sh, default settings: fsync on), same
# disk.  Alternated A B A B ... RUNS times (default 3) so the machine's load
# falls on both alike; reports each pair and the median of the ratios
# mutu / \copy.  Target (issue 10): at most 1.5x.
# EVENTS and RUNS override the defaults (1000000, 3).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-3}
. tests/pg/pg.sh
pg_start || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_pg.XXXXXX")
trap 'pg_stop; rm -rf "$work"' EXIT
chmod 755 "$work"
log=$work/log.csv
python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$log" --models models || exit 1
chmod 644 "$log"
size=$(stat -c %s "$log")
echo "log: $EVENTS events, $((size / 1000000)) MB, canonical form; server: $(psql -X -tA -c 'SHOW server_version')"

secs() { date +%s.%N; }
ratios=()
for r in $(seq 1 "$RUNS"); do
	# A: psql \copy into a plain table of text columns, in a fresh database
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy" || exit 1
	psql -X -q -d bench_copy -c "CREATE TABLE events (case_id text, sop text, step text, activity text,
		actor text, start text, \"end\" text)" || exit 1
	t0=$(secs)
	psql -X -q -d bench_copy -c "\\copy events FROM '$log' WITH (FORMAT csv, HEADER true)" || exit 1
	t1=$(secs)
	rows=$(psql -X -tA -d bench_copy -c "SELECT count(*) FROM events")
	# B: mutu ingest into a fresh store
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS bench_mutu" -c "CREATE DATABASE bench_mutu" || exit 1
	t2=$(secs)
	"$MUTU" ingest "$log" --db "postgres:///bench_mutu?host=$MUTU_PG_DIR" --quiet || exit 1
	t3=$(secs)
	stored=$(psql -X -tA -d bench_mutu -c "SELECT events_stored FROM batches")
	a=$(awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }')
	b=$(awk -v x="$t2" -v y="$t3" 'BEGIN { print y - x }')
	q=$(awk -v a="$a" -v b="$b" 'BEGIN { print b / a }')
	ratios+=("$q")
	printf 'pair %d: psql \\copy %.2f s (%s rows)   mutu ingest %.2f s (%s events)   ratio %.2f\n' \
		"$r" "$a" "$rows" "$b" "$stored" "$q"
	if [ "$stored" != "$EVENTS" ] || [ "$rows" != "$EVENTS" ]; then
		echo "FAIL: row counts differ from $EVENTS"
		exit 1
	fi
done
med=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
printf 'median ratio mutu/\\copy over %d pairs: %.2f (target <= 1.5: %s)\n' "$RUNS" "$med" \
	"$(awk -v m="$med" 'BEGIN { print (m <= 1.5) ? "met" : "NOT met" }')"
