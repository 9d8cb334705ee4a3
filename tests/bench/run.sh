#!/usr/bin/env bash
# tests/bench/run.sh BUILD - run every benchmark: the compiled BUILD/bench/bench_*
# programs and the tests/bench/bench_*.sh scripts (which compare mutu against
# peers such as a plain C floor, SimPy and the sqlite3 shell, alternating the
# two sides: tests/bench/lib.sh).  Output also goes to reports/out/bench.txt;
# it ends with one table: metric, mutu, peer, ratio (median, min-max), target,
# met.  BENCH_ONLY=NAME (e.g. sim) runs only bench_NAME*.
set -u
build=${1:-build}
mkdir -p reports/out
out=reports/out/bench.txt
export BENCH_TABLE=$PWD/reports/out/bench-table.tsv
: >"$out"
: >"$BENCH_TABLE"
only=${BENCH_ONLY:-}
for b in "$build"/bench/bench_*; do
	[ -x "$b" ] || continue
	[ -z "$only" ] || case $(basename "$b") in bench_"$only"*) ;; *) continue ;; esac
	echo "== $(basename "$b")" | tee -a "$out"
	"$b" 2>&1 | tee -a "$out"
done
for s in tests/bench/bench_*.sh; do
	[ -f "$s" ] || continue
	[ -z "$only" ] || case $(basename "$s") in bench_"$only"*) ;; *) continue ;; esac
	echo "== $(basename "$s")" | tee -a "$out"
	BUILD="$build" bash "$s" 2>&1 | tee -a "$out"
done
{
	echo
	echo "== summary (median of alternating pairs; ratio = mutu/peer as each row defines it)"
	printf '%-44s %14s %14s %26s %20s %4s\n' metric mutu peer ratio target met
	while IFS=$'\t' read -r m a b r t ok; do
		printf '%-44s %14s %14s %26s %20s %4s\n' "$m" "$a" "$b" "$r" "$t" "$ok"
	done <"$BENCH_TABLE"
} | tee -a "$out"
echo "results in $out"
