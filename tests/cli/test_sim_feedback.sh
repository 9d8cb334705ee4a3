#!/usr/bin/env bash
# tests/cli/test_sim_feedback.sh - mutu sim against an open Jackson network
# with feedback, through the scenario file (rework: step.N.reject with its
# resubmit time), which tests/unit/test_sim*.c do not reach.
#
# tests/data/sim-theory/: Poisson arrivals lambda = 0.5 per hour on 24x7,
# a Front Office with one server, exponential service mean 1 hour
# (mu = 1), rejected back to the applicant with p = 0.2, who returns after
# an exponential 2 hours (an infinite-server node: BCMP, any service law).
# The Front Office is then an M/M/1 in product form with the traffic
# equation's rate lambda_eff = lambda / (1 - p) = 0.625 per hour:
#   rho = 0.625, Wq per visit = rho / (mu - lambda_eff) = 0.625/0.375 h
#   = 100 minutes; P(wait > 0) = rho (arrival theorem of open product-form
#   networks); rejections per file p/(1-p) = 0.25 of the arrivals.
# Tolerance: the theory inside the program's 95% interval across 20
# replications, widened to the Bonferroni level 1 - 0.05/3 for the 3
# checks (t quantiles, 19 d.f.), and the interval must be tight (half-width
# under 5% of the value) so a vague run cannot pass.
. tests/cli/lib.sh

D=tests/data/sim-theory
run "$MUTU" sim $D/umpan-balik-scenario.ini --format json
expect_rc "feedback: exit 0" 0
printf '%s\n' "$OUT" >"$TMP/out.json"
check() { # NAME EXPR_FOR_METRIC THEORY
	got=$(python3 - "$TMP/out.json" "$2" "$3" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = eval(sys.argv[2], {"d": d})
want = float(eval(sys.argv[3]))
widen = 2.6251 / 2.0930  # t(1 - 0.05/6, 19) / t(0.975, 19)
half = (m["hi"] - m["lo"]) / 2
lo, hi = m["mean"] - widen * half, m["mean"] + widen * half
ok = lo <= want <= hi and half <= 0.05 * want
print("ok" if ok else "theory %.4f, simulated %.4f [%.4f, %.4f]" % (want, m["mean"], lo, hi))
PY
)
	expect_eq "$1" "$got" "ok"
}
check "feedback: Front Office wait per visit = 100 min" 'd["sops"][0]["steps"][1]["wait_mean"]' '0.625 / 0.375 * 60'
check "feedback: P(wait) = rho = 0.625" 'd["sops"][0]["steps"][1]["wait_share"]' '0.625'
# rejections against 0.25 x the arrivals of the same run (their ratio is
# the quantity with a closed form; arrivals vary by Poisson noise)
n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["sops"][0]["arrivals"]["mean"])' "$TMP/out.json")
check "feedback: rejections = p/(1-p) of the arrivals" 'd["sops"][0]["rejections"]' "0.25 * $n"
