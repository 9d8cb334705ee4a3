#!/usr/bin/env bash
# tests/bench/bench_sim.sh - M/M/c in mutu and in SimPy side by side, same
# parameters, same run: c = 3 servers, lambda = 2.4, mu = 1 (rho = 0.8).
# SimPy is Debian's python3-simpy 2.3 (SimPy 2 API, tests/bench/simpy_mmc.py),
# run by /usr/bin/python3 (the Debian interpreter that has the package).
# Both report customers per second on one core; both mean waits are shown
# beside Erlang C's Wq = 1.07865 to show they simulate the same system.
set -u
BUILD=${BUILD:-build}
B="$BUILD/bench/bench_sim"
PY=/usr/bin/python3
C=3 L=2.4 M=1
H_PEER=200000      # ~480 k customers: a few seconds of SimPy
H_MUTU=2000000     # ~4.8 M customers: long enough to time mutu well

get() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

if ! "$PY" -c 'import SimPy.Simulation' 2>/dev/null; then
	echo "SimPy 2 (python3-simpy) not importable by $PY: install it (make deps)"; exit 1
fi
peer=$("$PY" tests/bench/simpy_mmc.py $C $L $M $H_PEER 1) || exit 1
same=$("$B" mmc $C $L $M $H_PEER 1) || exit 1
# mutu's runs take a fraction of a second, so another process on the
# machine can skew one: take the run with the median rate of three.
median_run() {
	local a b c
	a=$("$B" mmc $C $L $M $H_MUTU "$1") && b=$("$B" mmc $C $L $M $H_MUTU "$1") &&
		c=$("$B" mmc $C $L $M $H_MUTU "$1") || return 1
	printf '%s\n%s\n%s\n' "$a" "$b" "$c" |
		awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^customers_per_s=/) { split($i, kv, "="); print kv[2], $0 } }' |
		sort -g | sed -n '2s/^[^ ]* //p'
}
full=$(median_run 1) || exit 1
means=$(median_run 0) || exit 1

printf 'M/M/%s lambda=%s mu=%s, one core\n' $C $L $M
printf '  %-50s %12s %12s %10s\n' "" "customers/s" "events/s" "mean wait"
printf '  %-50s %12.0f %12.0f %10s\n' "SimPy 2.3 (horizon $H_PEER)" "$(get "$peer" customers_per_s)" \
	"$(echo "$(get "$peer" events) / $(get "$peer" wall)" | bc -l)" "$(get "$peer" wait_mean)"
printf '  %-50s %12.0f %12.0f %10s\n' "mutu, same horizon, full statistics" "$(get "$same" customers_per_s)" \
	"$(get "$same" events_per_s)" "$(get "$same" wait_mean)"
printf '  %-50s %12.0f %12.0f %10s\n' "mutu (horizon $H_MUTU, median of 3), full stats" "$(get "$full" customers_per_s)" \
	"$(get "$full" events_per_s)" "$(get "$full" wait_mean)"
printf '  %-50s %12.0f %12.0f %10s\n' "mutu (horizon $H_MUTU, median of 3), means only" "$(get "$means" customers_per_s)" \
	"$(get "$means" events_per_s)" "$(get "$means" wait_mean)"
printf '  Erlang C mean wait: 1.07865\n'
rf=$(echo "$(get "$full" customers_per_s) / $(get "$peer" customers_per_s)" | bc -l)
rm=$(echo "$(get "$means" customers_per_s) / $(get "$peer" customers_per_s)" | bc -l)
printf '  ratio mutu/SimPy customers per second: %.0fx with full statistics (lead-time mean, median,\n' "$rf"
printf '  p90, p95, waits, utilisation, queues), %.0fx with means only (what the SimPy peer computes);\n' "$rm"
printf '  target 100x (issue 3): %s with full statistics\n' "$(echo "$rf >= 100" | bc -l | sed 's/1/met/; s/0/NOT met/')"
printf '  mutu peak memory %s KB (horizon %s) vs %s KB (horizon %s)\n' "$(get "$same" peak_kb)" $H_PEER "$(get "$full" peak_kb)" $H_MUTU
