#!/usr/bin/env bash
# tests/cli/test_theory2.sh - `mutu sim` and `mutu plan` held to answers worked
# out by hand (queueing theory, or exact event times), second round: the cases
# tests/unit/test_sim*.c and the other test_sim*.sh / test_plan*.sh do not
# reach.  Fixtures in tests/data/theory2/ (models, scenarios, replayed arrival
# times), the office calendar kantor-8jam from tests/data/sim-theory/.
#
# Interval checks (ci): the closed form must lie in the printed 95% interval
# across the replications, widened to the Bonferroni level 1 - 0.05/NCI for
# this file's NCI interval checks (half-width scaled by the ratio of Student t
# quantiles, t(1 - 0.025/NCI, n - 1) / t(0.975, n - 1)), so a correct simulator
# fails the family by chance at most 5% of the time; and the half-width must be
# below a bound given per check (about twice what the run gives), so a vague
# run cannot pass.  Deterministic checks (fixed service, replayed arrivals)
# compare exactly, to the working minute.
. tests/cli/lib.sh

export MUTU_CALENDARS=tests/data/sim-theory
D=tests/data/theory2
NCI=1 # interval checks below; keep in step with the ci calls

# ci NAME JSON PYEXPR THEORY MAXREL: PYEXPR picks {"mean","lo","hi","n"} out of
# the run's JSON d; THEORY is a Python expression; MAXREL bounds the half-width
# relative to the theory value.
ci() {
	got=$(python3 - "$2" "$3" "$4" "$5" "$NCI" <<'PY'
import json, math, sys
from statistics import NormalDist
d = json.load(open(sys.argv[1]))
m = eval(sys.argv[2], {"d": d})
want = float(eval(sys.argv[3], {"math": math}))
maxrel, nci = float(sys.argv[4]), int(sys.argv[5])
def tq(p, nu):  # Student t quantile by bisection on the regularized beta (no scipy)
    def cdf(t):
        x = nu / (nu + t * t)
        # I_x(nu/2, 1/2) by continued fraction (Numerical Recipes betacf)
        a, b = nu / 2, 0.5
        def betacf(a, b, x):
            qab, qap, qam = a + b, a + 1, a - 1
            c, dd = 1.0, 1 - qab * x / qap
            dd = 1 / (dd if abs(dd) > 1e-300 else 1e-300); h = dd
            for mm in range(1, 300):
                m2 = 2 * mm
                aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
                dd = 1 + aa * dd; c = 1 + aa / c; dd = 1 / dd; h *= dd * c
                aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
                dd = 1 + aa * dd; c = 1 + aa / c; dd = 1 / dd; h *= dd * c
            return h
        lbeta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
        front = math.exp(a * math.log(x) + b * math.log(1 - x) - lbeta) / a
        ib = front * betacf(a, b, x) if x < (a + 1) / (a + b + 2) else 1 - math.exp(
            b * math.log(1 - x) + a * math.log(x) - lbeta) / b * betacf(b, a, 1 - x)
        return 1 - ib / 2 if t > 0 else ib / 2
    lo, hi = 0.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if cdf(mid) < p: lo = mid
        else: hi = mid
    return lo
nu = m["n"] - 1
widen = tq(1 - 0.025 / nci, nu) / tq(0.975, nu)
half = (m["hi"] - m["lo"]) / 2
lo, hi = m["mean"] - widen * half, m["mean"] + widen * half
if lo <= want <= hi and half <= maxrel * abs(want):
    print("ok")
else:
    print("theory %.5f, mutu %.5f [%.5f, %.5f] widened x%.3f, half-width %.5f (bound %.5f)"
          % (want, m["mean"], lo, hi, widen, half, maxrel * abs(want)))
PY
)
	expect_eq "$1" "$got" "ok"
}

# jget JSON PYEXPR: one value out of a run's JSON
jget() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$1" "$2"
}

# ---- 1. a daily batch shared with a priority SOP (exact) --------------------
# batch-prio-scenario.ini: a Kepala Dinas who signs once a day at 15:00
# (batch=daily at 15:00), 30 Menit a file, fixed, on kantor-8jam (08:00-16:00,
# no breaks); ordinary permits (ttd-biasa) come Wednesday 8 January 2025 at
# 14:00 and 14:10, a fast-track one (ttd-kilat, priority 10) at 15:10.  The
# README's rule: "the pelaksana works only on the files waiting at HH:MM each
# working day; files arriving later wait for the next day's batch".  So:
#   biasa 1: signed 15:00-15:30, waited 60 min;
#   biasa 2: signed 15:30-16:00, waited 80 min;   mean 70 min;
#   kilat:   came after the batch: waits 15:10-16:00 (50 min) and Thursday
#            08:00-15:00 (420 min) = 470 min, signed 15:00-15:30 Thursday.
# mutu used to count the batch's files per pelaksana, not per priority: at
# 15:30 the fast-track file took the place of biasa 2, which waited until
# Thursday's batch (14:10-16:00 + 7 h = 530 min; mean of biasa 295 min, kilat
# 20 min).
run "$MUTU" sim $D/batch-prio-scenario.ini --format json
expect_rc "batch + priority: exit 0" 0
printf '%s\n' "$OUT" >"$TMP/bp.json"
expect_eq "batch + priority: the ordinary files waiting at 15:00 are signed that day (mean wait 70 min)" \
	"$(jget "$TMP/bp.json" '"%.3f" % d["sops"][0]["steps"][0]["wait_mean"]["mean"]')" "70.000"
expect_eq "batch + priority: the fast-track file of 15:10 waits for Thursday's batch (470 min)" \
	"$(jget "$TMP/bp.json" '"%.3f" % d["sops"][1]["steps"][0]["wait_mean"]["mean"]')" "470.000"
run "$MUTU" sim $D/batch-prio-scenario.ini --emit-log "$TMP/bp.csv"
expect_eq "batch + priority: the log signs biasa 1, biasa 2 on Wednesday and kilat on Thursday" \
	"$(cut -d, -f2,6 "$TMP/bp.csv" | tail -n +2 | tr '\n' ' ')" \
	"ttd-biasa,2025-01-08T15:00:00+07:00 ttd-biasa,2025-01-08T15:30:00+07:00 ttd-kilat,2025-01-09T15:00:00+07:00 "
