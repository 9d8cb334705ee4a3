#!/usr/bin/env bash
# tests/cli/test_backtest.sh - `mutu backtest`: a scenario beside a log in
# the store, month by month.  The log is emitted from a known scenario
# (`mutu sim --emit-log`, another seed than the backtest's) and ingested
# into a temporary store.
#
# Why at least 90% of rows inside for the true scenario: each month's
# observed value is then one more draw from the very distribution the
# replications sample, and the range runs between the replications' 2.5%
# and 97.5% quantiles; a fresh draw falls between those positions of n
# sorted values with probability about 95% x (n-1)/(n+1) = 93% for the
# 100 replications a backtest runs (order statistics: it falls in each of
# the n+1 gaps alike), more for counts, whose range is inclusive.  Over
# 34 months x 10 measures = 340 rows the share inside has a standard
# deviation of about sqrt(0.93 x 0.07 / 340) = 1.4 points, so 90% is more
# than two below what is expected.
# Why most rows outside for double service times: every service row is
# twice the truth (ranges of a monthly mean of ~20 lognormal cv 0.3 draws
# are +-15% wide), the lead time quantiles roughly double and the share
# within the 2-Hari ceiling collapses, and the waits grow with the load;
# only arrivals and finished (2 of 10 measures) stay as they were.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/bt-model.ini" <<'INI'
[sop]
id = bt
name = Backtest
calendar = id-wita
[step 1]
activity = ajukan
actor = Pemohon
waktu = 30 Menit
[step 2]
activity = periksa
actor = Front Office
waktu = 2 Jam
[step 3]
activity = proses
actor = Back Office
waktu = 1 Hari
INI
for v in true wrong; do
	cat >"$TMP/$v.ini" <<INI
[run]
calendar = id-wita
start = 2024-02-01
end = 2026-11-30
replications = 10
seed = 3

[staff]
Front Office = 1
Back Office = 3

[sop bt]
model = $TMP/bt-model.ini
arrivals = 1 per hari
service = lognormal cv=0.3
INI
done
# the same SOP with every service time doubled
printf 'step.1.service = lognormal cv=0.3 mean=1 Jam\nstep.2.service = lognormal cv=0.3 mean=4 Jam\nstep.3.service = lognormal cv=0.3 mean=2 Hari\n' >>"$TMP/wrong.ini"

run "$MUTU" sim "$TMP/true.ini" --seed 8 --replications 1 --emit-log "$TMP/log.csv"
expect_rc "backtest: emit the log" 0
run "$MUTU" ingest "$TMP/log.csv" --db "$TMP/s.db"
expect_rc "backtest: ingest the log" 0

run "$MUTU" backtest "$TMP/true.ini" --db "$TMP/s.db" --sop bt --format json
expect_rc "backtest true scenario: runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin); s=d["summary"]
rows=d["rows"]; ms=sorted(set(r["measure"] for r in rows))
print(d["replications"], s["rows"], len(set(r["period"] for r in rows)), ",".join(ms),
      "ge90" if s["inside"] >= 0.9 * s["rows"] else "lt90 %d/%d" % (s["inside"], s["rows"]),
      s["inside"] == sum(1 for r in rows if r["inside"]))')
expect_eq "backtest true scenario: 100 replications, 34 months x 10 rows, >= 90% inside" "$got" \
	"100 340 34 arrivals,finished,lead_p50,lead_p90,service_mean,wait_mean,within ge90 True"

run "$MUTU" backtest "$TMP/wrong.ini" --db "$TMP/s.db" --sop bt --format json
expect_rc "backtest double service: runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin); s=d["summary"]
svc=[r for r in d["rows"] if r["measure"] == "service_mean"]
print("most_outside" if s["inside"] < 0.5 * s["rows"] else "inside %d/%d" % (s["inside"], s["rows"]),
      "services_outside" if all(not r["inside"] for r in svc) else "some_service_inside")')
expect_eq "backtest double service: most rows outside, every service row" "$got" "most_outside services_outside"

run "$MUTU" backtest "$TMP/true.ini" --db "$TMP/s.db" --sop bt --from 2025-03 --to 2025-05 --lang en
expect_rc "backtest months: runs" 0
expect_out_has "backtest months: March" "2025-03"
expect_out_has "backtest months: summary line" "rows inside the simulated 95% range"
case "$OUT" in *2025-06*|*2025-02*) not_ok "backtest months: only March to May" "${OUT:0:600}" ;; *) ok "backtest months: only March to May" ;; esac
got=$(printf '%s\n' "$OUT" | grep -c '^2025-')
expect_eq "backtest months: three month blocks" "$got" "3"

run "$MUTU" backtest "$TMP/true.ini" --db "$TMP/s.db" --sop nope
expect_rc "backtest: an SOP the scenario lacks is bad input" 2
expect_err_has "backtest: names the SOP" "nope"
run "$MUTU" backtest "$TMP/true.ini" --db "$TMP/s.db"
expect_rc "backtest: --sop is required" 2
run "$MUTU" backtest "$TMP/true.ini" --db "$TMP/s.db" --sop bt --from 2027-01
expect_rc "backtest: months outside the run are bad input" 2
expect_err_has "backtest: says which months the run has" "2024-02 .. 2026-11"
run "$MUTU" backtest --help
expect_rc "backtest --help" 0
