#!/usr/bin/env bash
# tests/cli/test_backtest_konstan.sh - mutu backtest on a series with a known
# answer: tests/data/plan/konstan-scenario.ini has no queue (20 officers at 0,5
# files per working hour) and a fixed 1 Jam service, so every file's lead time
# is exactly 60 working minutes, in the log its replication 1 emits and in each
# of the 100 replications: median, p90 and the step's service are 60 with a
# range of zero width [60, 60], observed 60, inside (a range made by
# interpolation or a histogram could miss it by a hair); within 100%.  The
# simulated arrivals of a month are Poisson with mean 0.5 x 8 h x its weekdays
# (kantor-8jam has no holidays): January 23 -> 92, February 20 -> 80, March
# 21 -> 84, April 22 -> 88, May 22 -> 88, June 21 -> 84 (the run's last day
# 30 June counts); the mean of 100 replications within 3.5 standard errors
# sqrt(m/100) (a correct run misses one of the six with probability 0.3%).
# The observed arrivals are the log's own, counted here by month.  Passed
# unchanged.
. tests/cli/lib.sh

export MUTU_CALENDARS=tests/data/sim-theory
S=tests/data/plan/konstan-scenario.ini
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$MUTU" sim "$S" --replications 1 --emit-log "$TMP/k.csv" >/dev/null
"$MUTU" ingest "$TMP/k.csv" --db "$TMP/k.db" --resource-col resource --models tests/data/sim-theory --quiet
awk -F, 'NR > 1 { print substr($6, 1, 7) }' "$TMP/k.csv" | sort | uniq -c | awk '{ print $2, $1 }' >"$TMP/obs.txt"
run "$MUTU" backtest "$S" --sop satu-langkah --db "$TMP/k.db" --format json
expect_rc "backtest: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, math, sys
d = json.load(sys.stdin)
obs = dict(l.split() for l in open(sys.argv[1]))
want = {"2025-01": 92, "2025-02": 80, "2025-03": 84, "2025-04": 88, "2025-05": 88, "2025-06": 84}
bad_t, bad_a, bad_o, n_t = [], [], [], 0
for r in d["rows"]:
    m, s = r["measure"], r["sim"]
    if m in ("lead_p50", "lead_p90", "service_mean"):
        n_t += 1
        if not (r["observed"] == 60 and s["lo"] == s["hi"] == s["mean"] == 60 and r["inside"]):
            bad_t.append(r)
    if m == "within" and not (r["observed"] == 1 and s["lo"] == 1 and r["inside"]):
        bad_t.append(r)
    if m == "arrivals":
        w = want[r["period"]]
        if abs(s["mean"] - w) > 3.5 * math.sqrt(w / 100):
            bad_a.append((r["period"], w, s["mean"]))
        if r["observed"] != int(obs[r["period"]]):
            bad_o.append((r["period"], obs[r["period"]], r["observed"]))
print(n_t)
print(bad_t or "ok")
print(bad_a or "ok")
print(bad_o or "ok")
' "$TMP/obs.txt")
expect_eq "18 time rows (6 months x median, p90, service)" "$(echo "$got" | sed -n 1p)" "18"
expect_eq "every time: observed 60, range [60, 60], inside; within 100%" "$(echo "$got" | sed -n 2p)" "ok"
expect_eq "simulated arrivals: 4 a weekday" "$(echo "$got" | sed -n 3p)" "ok"
expect_eq "observed arrivals: the log's own count by month" "$(echo "$got" | sed -n 4p)" "ok"
