#!/usr/bin/env bash
# test_sim_golden.sh - the simulator's output does not change behind our
# back: every shipped scenario (models/scenarios/*.ini) and the M/M/1
# benchmark scenario, run with its own seed, must give byte for byte the
# text, JSON and CSV stored in tests/data/golden/ (their SHA-256 in
# tests/data/golden/sim.sha256).  Speed work (issue 14: heap layout,
# skipped calendar conversions, sampling, make pgo) must keep this green;
# a deliberate change of the output regenerates the file with
#   GOLDEN_UPDATE=1 bash tests/cli/test_sim_golden.sh
# and says why in its commit.  Run with 1 and 2 threads: the results may
# not depend on how replications are spread over threads.
# When build/pgo/mutu exists (make pgo) it is held to the same sums.
. tests/cli/lib.sh
sums=tests/data/golden/sim.sha256
scen="$(ls models/scenarios/*.ini) tests/bench/mm1/mm1.ini"
if [ -n "${GOLDEN_UPDATE:-}" ]; then
	for f in $scen; do
		for fmt in text json csv; do
			printf '%s  %s %s\n' "$("$MUTU" sim "$f" --format $fmt --threads 1 | sha256sum | cut -c1-64)" "$f" $fmt
		done
	done >"$sums"
	echo "wrote $sums"
	exit 0
fi
bins=$MUTU
[ -x build/pgo/mutu ] && [ "$MUTU" = "$PWD/build/mutu" ] && bins="$bins $PWD/build/pgo/mutu"
while read -r sum f fmt; do
	for b in $bins; do
		for th in 1 2; do
			got=$("$b" sim "$f" --format "$fmt" --threads $th | sha256sum | cut -c1-64)
			expect_eq "golden $(basename "$b") $f $fmt threads=$th" "$got" "$sum"
		done
	done
done <"$sums"
