#!/usr/bin/env bash
# tests/cli/test_sim_limits.sh - runs that would not fit are refused up
# front, exit 2, with the number needed, the limit and what to change
# (sim.h, "limits"); a normal scenario still runs.
. "$(dirname "$0")/lib.sh"
S=models/scenarios

# The shared reproducer (../shared/repro/sample-every-oom.ini, shortened to
# what matters): 100 years on 24x7 sampled every minute.  36,524 days
# (100 x 365 + 24 leap days: 2028..2124 less 2100) x 1,440 minutes + 1 =
# 52,594,561 samples for each of 7 pelaksana = 368,161,927 values; 37 Menit
# is the least interval within 10 million values (52,594,560 x 7 / 1e7 =
# 36.8 minutes).  Before: 5.8 GB allocated, then an out-of-memory abort.
cat >"$TMP/oom.ini" <<'INI'
[run]
sample_every = 1 Menit
calendar = 24x7
start = 2025-01-01
end = 2124-12-31
warmup_until = 2025-02-28
replications = 2
seed = 20250102

[staff]
Front Office = 1
Back Office = 1
Tim Teknis = 8
Sub Koordinator Perizinan = 1
Koordinator Perizinan = 1
Sekretaris = 1
Kadis = 1 absent=0.25

[sop izin-insidentil]
model = models/izin-insidentil.ini
arrivals = 1 per hari
step.2.reject = 0.10
INI
run "$MUTU" sim "$TMP/oom.ini" --threads 1 --format json
expect_rc "sample_every = 1 Menit over 100 years: exit 2" 2
expect_err_has "sample_every: the line, the samples and the limit" \
	"oom.ini:2: sample_every = 1 Menit over the run's 876576 working hours needs 52594561 queue samples for each of 7 pelaksana (368161927 values, 5.9 GB per thread); the limit is 10000000: give sample_every = 37 Menit or more"
expect_eq "sample_every: nothing on stdout" "$OUT" ""

# Replications x years through --replications (the scenario's own 30 are
# fine): banjarbaru runs 2025-01-01..2025-12-31, 365 days = 365/365.2425 =
# 0.99934 years; 1,000,000 replications are 999,336 replication-years, and
# floor(10,000 / 0.99934) = 10,006 is the most that fits.
run "$MUTU" sim "$S/banjarbaru.ini" --replications 1000000
expect_rc "--replications 1000000 on a year: exit 2" 2
expect_err_has "--replications 1000000: the numbers and the limit" \
	"1000000 replications x 1.00 years of run = 999336 replication-years; the limit is 10000: give at most 10006 replications"

# A model of 1001 one-minute steps and no rework: the steps alone pass
# SIM_MAX_VISITS (1000 step executions per file).  Before: "the rework
# probabilities make a file pass 1001 steps on average ... lower the
# step.N.reject values" -- there were none.  Now the steps are named.  A
# model of exactly 1000 steps is within the limit and runs.
for n in 1000 1001; do
	awk -v n=$n 'BEGIN { print "[sop]\nid = langkah-" n "\nname = Banyak\nagency = X\ncalendar = id-wib\n"
		for (i = 1; i <= n; i++) print "[step " i "]\nactivity = Langkah " i "\nactor = Front Office\nwaktu = 1 Menit\n" }' \
		>"$TMP/langkah-$n.ini"
	printf '[run]\ncalendar = id-wib\nstart = 2025-01-01\nend = 2025-01-31\nreplications = 2\nseed = 1\n\n[staff]\nFront Office = 1\n\n[sop langkah-%s]\nmodel = %s\narrivals = 1 per bulan\n' \
		$n "$TMP/langkah-$n.ini" >"$TMP/langkah-$n-sc.ini"
done
run "$MUTU" sim "$TMP/langkah-1001-sc.ini" --threads 1 --format json
expect_rc "1001 steps, no rework: exit 2" 2
expect_err_has "1001 steps, no rework: the steps named, not rework" \
	"SOP langkah-1001: 1001 steps, and the simulator runs at most 1000 step executions per file"
case "$ERR" in *step.N.reject*) not_ok "1001 steps, no rework: no word of reject values" "stderr: $ERR" ;;
*) ok "1001 steps, no rework: no word of reject values" ;; esac
run "$MUTU" sim "$TMP/langkah-1000-sc.ini" --threads 1 --format json
expect_rc "1000 steps: within the limit, runs" 0

# A normal scenario still runs, and its limits are far away.
run "$MUTU" sim "$S/rokan-hilir.ini" -n 2 --format json
expect_rc "rokan-hilir, 2 replications: exit 0" 0
expect_out_has "rokan-hilir: results" '"replications":2,'
