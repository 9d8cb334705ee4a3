#!/usr/bin/env bash
# tests/bench/bench_pg_report.sh - one month's report (`mutu report monthly
# --month 2025-06 --format json`) on the 10,000,000-event store in
# PostgreSQL, alternating with the same report of the same store in SQLite
# (A B A B, tests/bench/lib.sh).  Target (issue 10): under 1 s on either
# backend.
#
# The store: tests/bench/gen_report_store.sh makes the SQLite one (1,000,000
# cases / 9,960,000 events, cached under build/ as bench_report.sh caches
# it, the same file); its cases go into a private PostgreSQL server
# (tests/pg/pg.sh, default settings, fsync on) the way a province's would:
# `mutu db export` piped into `mutu ingest` of one office, one batch.  So the
# PostgreSQL store is what a real ingest makes -- its cases' spans and
# markers (first_ms, last_ms, last_done_step) and the batch's marks
# (batch_touch) written by the writer -- not a copy of the SQLite tables.
# The load is timed and printed (a first load of 10^7 events, no peer).
#
# Then both backends' reports of the month must be the same JSON (apart from
# the generation time), and five rows are timed:
#  - warm: the month summaries kept by an untimed first report of each store
#    (docs/store.md "Reading a period"), PostgreSQL (A) against SQLite (B);
#  - cold: the summaries deleted before each run (the first report of a
#    month: the 12-month window read), PostgreSQL against SQLite;
#  - the client's CPU (user + system, /usr/bin/time) of one warm PostgreSQL
#    report, printed: the rest of its wall time is the server's and the
#    round trips';
#  - warm with the finished cases' kept measures (schema 9 / PG 6) against
#    the same report reading every case's events (MUTU_REPORT_NO_MEASURES=1),
#    on PostgreSQL and on SQLite.
#  - a report for each of 12 months (--month 2025-01..2025-12, one run),
#    warm, PostgreSQL against SQLite, each month's JSON the same from both;
#    target (issue 10): under 5 s.
# BENCH_REPORT_CASES overrides the number of cases (default 1000000).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
CASES=${BENCH_REPORT_CASES:-1000000}
MONTH=2025-06
gen=tests/bench/gen_report_store.sh
. tests/bench/lib.sh
. tests/pg/pg.sh
bench_load
ver=$(sha256sum "$gen" | cut -c1-12)
sq="$BUILD/bench-report-$CASES-$ver.db"
if [ ! -s "$sq" ]; then
	rm -f "$BUILD"/bench-report-"$CASES"-*.db
	t0=$EPOCHREALTIME
	bash "$gen" "$MUTU" "$sq" "$CASES" || { echo "generator failed" >&2; exit 1; }
	echo "generated $sq in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
fi
pg_start || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_pgr.XXXXXX")
trap 'pg_stop; rm -rf "$work"' EXIT
pg=$MUTU_PG_LOCATION
echo "server: $(psql -X -tA -c 'SHOW server_version')"

# the load: export | ingest, one batch
t0=$EPOCHREALTIME
set -o pipefail
"$MUTU" db export --db "$sq" --format csv --out - |
	/usr/bin/time -f '%U %S %M' -o "$work/ingest.time" "$MUTU" ingest - --db "$pg" \
		--start-col start_timestamp --end-col time:timestamp --quiet ||
	{ echo "FAIL: export | ingest into PostgreSQL" >&2; exit 1; }
set +o pipefail
read -r iu is im <"$work/ingest.time"
echo "loaded into PostgreSQL (export | ingest): $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s wall;" \
	"ingest client CPU $(awk -v u="$iu" -v s="$is" 'BEGIN { printf "%.1f", u + s }') s, peak RSS $((im / 1024)) MB"
psql -X -q -c "VACUUM ANALYZE" || exit 1
counts() { echo "$1 cases, $2 events"; }
sqc=$(sqlite3 "$sq" "SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM events) || ' events'")
pgc=$(psql -X -tA -c "SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM events) || ' events'")
echo "SQLite $sqc; PostgreSQL $pgc"
[ "$sqc" = "$pgc" ] || { echo "FAIL: the stores differ"; exit 1; }
cat "$sq" >/dev/null # a report runs on a store in use: warm the page cache once

report() { # DB OUT
	"$MUTU" report monthly --month "$MONTH" --db "$1" --format json --out "$2" >/dev/null 2>&1
}
nosum_sq() { sqlite3 "$sq" "DELETE FROM month_summary" || exit 1; }
nosum_pg() { psql -X -q -c "DELETE FROM month_summary" || exit 1; }

# the same JSON from both (cold, then warm)
nosum_sq
nosum_pg
for pass in cold warm; do
	report "$sq" "$work/sq-$pass" && report "$pg" "$work/pg-$pass" || { echo "FAIL: report"; exit 1; }
	if ! diff <(grep -v '"generated' "$work/sq-$pass/report-$MONTH.json") \
		<(grep -v '"generated' "$work/pg-$pass/report-$MONTH.json") >"$work/diff"; then
		echo "FAIL: the $pass reports differ (SQLite <, PostgreSQL >):"
		head -20 "$work/diff"
		exit 1
	fi
	echo "the month's JSON, $pass: the same from both backends ($(grep -o '"cases_read": *[0-9]*' "$work/pg-$pass/report-$MONTH.json"))"
done

one() { # DB
	bench_time "$MUTU" report monthly --month "$MONTH" --db "$1" --format json --out "$work/bench" || return 1
	BV=$BT
}
side_pg() { one "$pg"; }
side_sq() { one "$sq"; }
echo "the month as JSON, warm (11 trend months from the summaries): PostgreSQL (A) vs SQLite (B), wall s"
bench_pairs side_pg side_sq || exit 1
bench_row "report month JSON warm, PostgreSQL 10^7, s" "$AMED" "$BMED (SQLite)" "$RMED ($RMIN-$RMAX)" "< 1 s" \
	"$( [ "$(bench_cmp "$AMED" '<' 1)" = 1 ] && echo yes || echo no)"
/usr/bin/time -f '%U %S' -o "$work/cpu" "$MUTU" report monthly --month "$MONTH" --db "$pg" --format json \
	--out "$work/bench" >/dev/null 2>&1
echo "  one warm PostgreSQL report: client CPU $(awk '{ printf "%.2f", $1 + $2 }' "$work/cpu") s (user + system)"

# kept case measures (docs/store.md "Case measures"): the warm reports above
# read the month's finished cases from their measures, kept by the first
# reports; against the same report reading every case's events
# (MUTU_REPORT_NO_MEASURES=1: neither read nor kept), same store, same binary
side_pg_nom() { bench_time env MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --month "$MONTH" --db "$pg" \
	--format json --out "$work/bench" || return 1; BV=$BT; }
side_sq_nom() { bench_time env MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --month "$MONTH" --db "$sq" \
	--format json --out "$work/bench" || return 1; BV=$BT; }
echo "kept measures: $(psql -X -tA -c 'SELECT count(*) FROM case_measure') in PostgreSQL," \
	"$(sqlite3 "$sq" 'SELECT count(*) FROM case_measure') in SQLite"
echo "the month as JSON, warm, PostgreSQL: measures read (A) vs every case's events (B), wall s"
bench_pairs side_pg side_pg_nom || exit 1
bench_row "report month JSON warm, PostgreSQL 10^7, measures vs events, s" "$AMED" "$BMED (events)" \
	"$RMED ($RMIN-$RMAX)" "< 1 s" "$( [ "$(bench_cmp "$AMED" '<' 1)" = 1 ] && echo yes || echo no)"
/usr/bin/time -f '%U %S' -o "$work/cpu" env MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --month "$MONTH" \
	--db "$pg" --format json --out "$work/bench" >/dev/null 2>&1
echo "  one warm PostgreSQL report without measures: client CPU $(awk '{ printf "%.2f", $1 + $2 }' "$work/cpu") s"
echo "the month as JSON, warm, SQLite: measures read (A) vs every case's events (B), wall s"
bench_pairs side_sq side_sq_nom || exit 1
bench_row "report month JSON warm, SQLite 10^7, measures vs events, s" "$AMED" "$BMED (events)" \
	"$RMED ($RMIN-$RMAX)" "< 1 s" "$( [ "$(bench_cmp "$AMED" '<' 1)" = 1 ] && echo yes || echo no)"

# a report for each of 12 months (issue 10: under 5 s together), as one run
# of the range (`--month 2025-01..2025-12`: one read of the store, one file a
# month), warm: two untimed runs first on each backend -- the first reads the
# first month's 12-month window and keeps the summaries and the measures of
# every case a month of the range reads again (at most 192 MiB a run:
# MEASURE_KEEP_MAX), the second keeps the rest -- then each month's JSON the
# same from both backends, then PostgreSQL (A) against SQLite (B)
RANGE=2025-01..2025-12
range_run() { # DB OUT
	"$MUTU" report monthly --month "$RANGE" --db "$1" --format json --out "$2" >/dev/null 2>&1
}
for pass in 1 2; do
	range_run "$sq" "$work/sq-range" && range_run "$pg" "$work/pg-range" || { echo "FAIL: range report"; exit 1; }
done
for f in "$work"/sq-range/report-2025-*.json; do
	if ! diff <(grep -v '"generated' "$f") <(grep -v '"generated' "$work/pg-range/${f##*/}") >"$work/diff"; then
		echo "FAIL: the range's ${f##*/} differs (SQLite <, PostgreSQL >):"
		head -20 "$work/diff"
		exit 1
	fi
done
echo "the range's 12 JSON files: the same from both backends;" \
	"kept measures: $(psql -X -tA -c 'SELECT count(*) FROM case_measure') in PostgreSQL," \
	"$(sqlite3 "$sq" 'SELECT count(*) FROM case_measure') in SQLite"
side_pg_range() { bench_time "$MUTU" report monthly --month "$RANGE" --db "$pg" --format json --out "$work/bench" ||
	return 1; BV=$BT; }
side_sq_range() { bench_time "$MUTU" report monthly --month "$RANGE" --db "$sq" --format json --out "$work/bench" ||
	return 1; BV=$BT; }
echo "12 months as JSON, one run of the range, warm: PostgreSQL (A) vs SQLite (B), wall s"
bench_pairs side_pg_range side_sq_range || exit 1
bench_row "report 12 months (range) JSON warm, PostgreSQL 10^7, s" "$AMED" "$BMED (SQLite)" "$RMED ($RMIN-$RMAX)" \
	"< 5 s" "$( [ "$(bench_cmp "$AMED" '<' 5)" = 1 ] && [ "$(bench_cmp "$BMED" '<' 5)" = 1 ] && echo yes || echo no)"
/usr/bin/time -f '%U %S' -o "$work/cpu" "$MUTU" report monthly --month "$RANGE" --db "$pg" --format json \
	--out "$work/bench" >/dev/null 2>&1
echo "  one warm PostgreSQL range: client CPU $(awk '{ printf "%.2f", $1 + $2 }' "$work/cpu") s (user + system)"

side_pg_cold() { nosum_pg; one "$pg"; }
side_sq_cold() { nosum_sq; one "$sq"; }
echo "the month as JSON, cold (no summaries: the 12-month window read): PostgreSQL (A) vs SQLite (B), wall s"
bench_pairs side_pg_cold side_sq_cold || exit 1
bench_row "report month JSON cold, PostgreSQL 10^7, s" "$AMED" "$BMED (SQLite)" "$RMED ($RMIN-$RMAX)" "-" "-"
# leave the SQLite store warm, as bench_report.sh expects to find it
report "$sq" "$work/sq-after" || true
