#!/usr/bin/env bash
# tests/bench/bench_report.sh - time `mutu report monthly` on a generated
# store of 1,000,000 cases / 9,990,000 events, on one core, with its peak
# memory; and the same on a store 10x smaller, to show that memory does not
# follow the number of events.  Target (issue 5): under 10 s.
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

one() { # DB LABEL
	local db=$1 label=$2 out="$BUILD/bench-report-out"
	rm -rf "$out"
	local ev
	ev=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM events) || ' events'")
	# warm the page cache once (a report is run on a store in use), then time
	cat "$db" >/dev/null
	/usr/bin/time -f "%e %M" -o "$BUILD/bench-report.time" taskset -c 0 \
		"$MUTU" report monthly --month 2025-06 --db "$db" --out "$out" >"$BUILD/bench-report.log" 2>&1
	local rc=$?
	read -r secs kb <"$BUILD/bench-report.time"
	printf '%-8s %-36s %6.2f s  peak RSS %6.1f MB  exit %d\n' "$label" "$ev" "$secs" "$(echo "$kb / 1024" | bc -l)" "$rc" >&2
	[ "$rc" -eq 0 ] || tail -5 "$BUILD/bench-report.log" >&2
	echo "$secs $kb"
}

big=$(store "$CASES") || exit 1
small=$(store "$SMALL") || exit 1
echo "mutu report monthly --month 2025-06 (one core: taskset -c 0; includes gnuplot for 12 charts)"
rs=$(one "$small" "small" 2>"$BUILD/bench-report.line"); cat "$BUILD/bench-report.line"
rb=$(one "$big" "large" 2>"$BUILD/bench-report.line"); cat "$BUILD/bench-report.line"
echo "(peak RSS includes SQLite's page cache, capped at 64 MB by the store; the month's"
echo " per-case values grow with the cases finished in the month, not with the events)"
read -r ts ks <<<"$rs"
read -r tb kbig <<<"$rb"
printf 'events x10: time x%.1f, peak memory x%.2f  (target: under 10 s for the large store: %s)\n' \
	"$(echo "$tb / $ts" | bc -l)" "$(echo "$kbig / $ks" | bc -l)" \
	"$(echo "$tb < 10" | bc -l | sed 's/1/met/; s/0/MISSED/')"
