#!/usr/bin/env bash
# tests/bench/run.sh BUILD - run every benchmark: the compiled BUILD/bench/bench_*
# programs and the tests/bench/bench_*.sh scripts (which compare against peers
# such as SimPy and the sqlite3 shell).  Output also goes to reports/out/bench.txt.
set -u
build=${1:-build}
mkdir -p reports/out
out=reports/out/bench.txt
: >"$out"
for b in "$build"/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")" | tee -a "$out"
	"$b" 2>&1 | tee -a "$out"
done
for s in tests/bench/bench_*.sh; do
	[ -f "$s" ] || continue
	echo "== $(basename "$s")" | tee -a "$out"
	BUILD="$build" bash "$s" 2>&1 | tee -a "$out"
done
echo "results in $out"
