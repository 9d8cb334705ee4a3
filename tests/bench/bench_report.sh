#!/usr/bin/env bash
# tests/bench/bench_report.sh - time `mutu report monthly` on a generated
# store of 1,000,000 cases / 9,990,000 events, with its peak
# memory, alternating with the same report on a store 10x smaller (A B A B,
# tests/bench/lib.sh; no core pinning).  Targets: HTML under 10 s (issue 5),
# the month as JSON under 1 s (issue 10: cost follows the period asked).
# Then the month's window read against the whole-history read it replaced
# (MUTU_REPORT_FULL_READ=1, same binary, same store), and the 12 months
# July 2025 .. June 2026 as 12 processes one after another (issue 10: under
# 5 s together).
#
# Month summaries (schema 8, docs/store.md "Reading a period"): a report
# keeps the trend rows it computed in the store, and the next report of a
# month whose 11 earlier trend months are kept reads only its own month.
# The timed reports are the warm case (summaries present: each side runs
# once untimed first); the cold first report (summaries deleted before each
# run) is timed against the warm one, and the 12 months run twice: from a
# store without summaries (the first month computes and keeps its window,
# the 11 after it use them) and again warm.
#
# Kept case measures (schema 9): the warm month reading its finished cases'
# measures against the same report reading their events.
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
nosum() { sqlite3 "$1" "DELETE FROM month_summary" || exit 1; } # the cold store: no month summaries
# the warm case: one untimed report of each store keeps its summaries
for db in "$big" "$small"; do
	"$MUTU" report monthly --month 2025-06 --db "$db" --format json --out "$BUILD/bench-report-warm" >/dev/null 2>&1 ||
		{ echo "warm-up report failed" >&2; exit 1; }
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

side_window_json() { one_json "$big"; }
side_full_json() { bench_time env MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-06 --db "$big" \
	--format json --out "$BUILD/bench-report.json" || return 1; BV=$BT; }
echo "the month as JSON: window + possibly-open read (A) vs the whole history before the month's end (B)"
bench_pairs side_window_json side_full_json || exit 1
bench_row "report month JSON, window read vs whole history, s" "$AMED" "$BMED (full)" "$RMED ($RMIN-$RMAX)" "< 1" \
	"$( [ "$(bench_cmp "$RMED" '<' 1)" = 1 ] && echo yes || echo no)"
# kept case measures (schema 9, docs/store.md "Case measures"): the warm
# month reads its finished cases' measures, kept by the reports before it,
# against the same report reading every case's events
# (MUTU_REPORT_NO_MEASURES=1: neither read nor kept)
side_meas_json() { one_json "$big"; }
side_nomeas_json() { bench_time env MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --month 2025-06 --db "$big" \
	--format json --out "$BUILD/bench-report.json" || return 1; BV=$BT; }
echo "the month as JSON, warm: finished cases from their kept measures (A) vs from their events (B)"
bench_pairs side_meas_json side_nomeas_json || exit 1
bench_row "report month JSON warm, measures vs events, s" "$AMED" "$BMED (events)" "$RMED ($RMIN-$RMAX)" "< 1 s" \
	"$( [ "$(bench_cmp "$AMED" '<' 1)" = 1 ] && echo yes || echo no)"
side_cold_json() { nosum "$big"; one_json "$big"; }
side_warm_json() { one_json "$big"; }
echo "the month as JSON: the cold first report (no summaries: the 12-month window read) (A) vs warm (B)"
bench_pairs side_cold_json side_warm_json || exit 1
bench_row "report month JSON, cold (first) vs warm, s" "$AMED" "$BMED (warm)" "$RMED ($RMIN-$RMAX)" "-" "-"

twelve() { # LABEL: the 12 months one after another; wall and CPU (user + system) seconds into T12, C12
	local t0=$EPOCHREALTIME tf
	tf=$(mktemp "${TMPDIR:-/tmp}/bench12.XXXXXX")
	for m in 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06; do
		/usr/bin/time -a -o "$tf" -f '%U %S' "$MUTU" report monthly --month "$m" --db "$big" --format json \
			--out "$BUILD/bench-report-12" >/dev/null 2>&1 || { echo "report $m failed" >&2; exit 1; }
	done
	T12=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	C12=$(awk '{ c += $1 + $2 } END { printf "%.2f", c }' "$tf")
	rm -f "$tf"
	echo "  12 months, $1: $T12 s wall, $C12 s CPU (user + system)"
}
echo "12 months as JSON, 2025-07 .. 2026-06, 12 processes one after another (large store)"
nosum "$big"
twelve "from a store without summaries"
bench_row "report 12 months JSON, cold store, s (CPU $C12 s)" "$T12" "-" "-" "< 5 s" \
	"$( [ "$(bench_cmp "$T12" '<' 5)" = 1 ] && echo yes || echo no)"
twelve "warm (summaries kept)"
bench_row "report 12 months JSON, warm, s (CPU $C12 s)" "$T12" "-" "-" "< 5 s" \
	"$( [ "$(bench_cmp "$T12" '<' 5)" = 1 ] && echo yes || echo no)"

# the 12 months in one run: CPU (user + system) and wall of one process
one_run() { # LABEL: wall into BV, CPU into BC
	local tf t0=$EPOCHREALTIME
	tf=$(mktemp "${TMPDIR:-/tmp}/benchrun.XXXXXX")
	/usr/bin/time -o "$tf" -f '%U %S' "$MUTU" report monthly --month 2025-07..2026-06 --db "$big" --format json \
		--out "$BUILD/bench-report-12r" >/dev/null 2>&1 || { echo "range report failed" >&2; rm -f "$tf"; return 1; }
	BV=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	BC=$(awk '{ printf "%.2f", $1 + $2 }' "$tf")
	rm -f "$tf"
	echo "  12 months in one run, $1: $BV s wall, $BC s CPU (user + system)"
}
echo "12 months as JSON, 2025-07 .. 2026-06, one run (--month 2025-07..2026-06, large store)"
nosum "$big"
one_run "from a store without summaries (reads the 23-month window once)"
bench_row "report 12 months JSON, one run, cold store, s (CPU $BC s)" "$BV" "-" "-" "< 5 s" \
	"$( [ "$(bench_cmp "$BV" '<' 5)" = 1 ] && echo yes || echo no)"
side_run12() { one_run "warm"; RC1+=("$BC"); }
side_proc12() { twelve "warm"; BV=$T12; RC12+=("$C12"); }
RC1=() RC12=()
echo "12 months warm: one run (A) against 12 processes (B), alternating"
bench_pairs side_run12 side_proc12 || exit 1
c1=$(bench_median "${RC1[@]}") c12=$(bench_median "${RC12[@]}")
echo "  CPU medians: one run $c1 s, 12 processes $c12 s"
bench_row "report 12 months JSON, one run, warm, s (CPU $c1 s vs $c12 s)" "$AMED" "$BMED (12 proc)" \
	"$RMED ($RMIN-$RMAX)" "< 5 s" "$( [ "$(bench_cmp "$AMED" '<' 5)" = 1 ] && echo yes || echo no)"
