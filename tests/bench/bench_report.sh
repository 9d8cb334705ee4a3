#!/usr/bin/env bash
# tests/bench/bench_report.sh - time `mutu report monthly` on a generated
# store of 1,000,000 cases / 9,990,000 events, with its peak
# memory, alternating with the same report on a store 10x smaller (A B A B,
# tests/bench/lib.sh; no core pinning).  Targets: HTML under 10 s (issue 5),
# the month as JSON under 1 s (issue 10: cost follows the period asked).
#
# The store is made by tests/bench/gen_report_store.sh straight into the
# schema of docs/store.md (SQL, not through ingest: the ingest has its own
# benchmark) and cached under build/ (rebuilt when the generator changes).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$BUILD/mutu}
CASES=${BENCH_REPORT_CASES:-1000000}
SMALL=$((CASES / 10))
gen=tests/bench/gen_report_store.sh
. tests/bench/lib.sh
bench_load
ver=$(sha256sum "$gen" | cut -c1-12)

store() { # N -> path, generating when missing
	local n=$1 db="$BUILD/bench-report-$1-$ver.db"
	if [ ! -s "$db" ]; then
		rm -f "$BUILD"/bench-report-"$n"-*.db
		local t0=$(date +%s.%N)
		bash "$gen" "$MUTU" "$db" "$n" >&2 || { echo "generator failed" >&2; return 1; }
		echo "generated $db in $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s" >&2
	fi
	echo "$db"
}

one() { # DB: time one monthly report (HTML with its 12 charts) of DB
	local db=$1 out="$BUILD/bench-report-out"
	rm -rf "$out"
	bench_time "$MUTU" report monthly --month 2025-06 --db "$db" --out "$out" || return 1
	BV=$BT
}
one_json() { # DB: the same month as JSON only (no charts, no gnuplot)
	bench_time "$MUTU" report monthly --month 2025-06 --db "$1" --format json --out "$BUILD/bench-report.json" || return 1
	BV=$BT
}

big=$(store "$CASES") || exit 1
small=$(store "$SMALL") || exit 1
for db in "$big" "$small"; do
	echo "$db: $(sqlite3 "$db" "SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM events) || ' events'")"
	cat "$db" >/dev/null # a report runs on a store in use: warm the page cache once
done
side_large() { one "$big"; LARGE_KB=$BM; }
side_small() { one "$small"; }
side_large_json() { one_json "$big"; }
side_small_json() { one_json "$small"; }
echo "mutu report monthly --month 2025-06, HTML with charts (gnuplot): large store vs a store 10x smaller"
bench_pairs side_large side_small || exit 1
echo "  peak RSS on the large store: $((LARGE_KB / 1024)) MB (SQLite's page cache is capped at 64 MB)"
bench_row "report month HTML, 10^7-event store, s" "$AMED" "$BMED (1/10)" "$RMED ($RMIN-$RMAX)" "< 10 s" \
	"$( [ "$(bench_cmp "$AMED" '<' 10)" = 1 ] && echo yes || echo no)"
echo "the same month as JSON (no charts)"
bench_pairs side_large_json side_small_json || exit 1
bench_row "report month JSON, 10^7-event store, s" "$AMED" "$BMED (1/10)" "$RMED ($RMIN-$RMAX)" "< 1 s" \
	"$( [ "$(bench_cmp "$AMED" '<' 1)" = 1 ] && echo yes || echo no)"
