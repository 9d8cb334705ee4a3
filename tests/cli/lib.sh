# tests/cli/lib.sh - sourced by the CLI test scripts.  Each check prints
# "ok - NAME" or "not ok - NAME" plus what differed; tests/run.sh counts them.
# $MUTU is the binary under test; tests run from the repository root.
MUTU=${MUTU:-$PWD/build/mutu}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run CMD...: capture stdout, stderr and status in $OUT, $ERR, $RC
run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

expect_rc() { # NAME EXPECTED
	if [ "$RC" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $RC, expected $2" "stderr: $ERR" "stdout: ${OUT:0:400}"; fi
}
expect_out_has() { # NAME TEXT
	case "$OUT" in *"$2"*) ok "$1" ;; *) not_ok "$1" "stdout lacks: $2" "stdout: ${OUT:0:600}" "stderr: ${ERR:0:300}" ;; esac
}
expect_err_has() { # NAME TEXT
	case "$ERR" in *"$2"*) ok "$1" ;; *) not_ok "$1" "stderr lacks: $2" "stderr: ${ERR:0:600}" ;; esac
}
expect_eq() { # NAME ACTUAL EXPECTED
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:      $2" "expected: $3"; fi
}

# report_june OUT [VAR=value...]: the June 2025 monthly report, JSON, of the
# store $DB with the models ${RMODELS:-$MODELS}, written into $TMP/OUT (its
# stdout and stderr in $TMP/OUT.out and $TMP/OUT.err), the assignments in its
# environment; returns the report's status.  The tests of the hand-made log
# tests/data/logs/uji-summary.csv use it (test_report_summary.sh,
# test_report_measure_bad.sh); named apart from the rep() that
# test_report_measure.sh and test_report_open_measure.sh define their own way.
report_june() {
	local out=$1
	shift
	env "$@" "$MUTU" report monthly --month 2025-06 --db "$DB" --models "${RMODELS:-$MODELS}" --out "$TMP/$out" \
		--format json >"$TMP/$out.out" 2>"$TMP/$out.err"
}

# ---- field rounds 8 and 9 (test_field8.sh, test_field9.sh): one case's
# audit and one month's summary as one line each, models from $MD, the
# monthly summary of SOP uji-sla ----
# audit JSON of one case: working, deadline, late, then step:actual:deviation:flags
case_json() { # CASE DB
	"$MUTU" audit --case "$1" --db "$2" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['working'], c['deadline'], c['late'],
      ' '.join('%d:%d:%d:%s' % (s['step'], s['actual'], s['deviation'], ','.join(s['flags']) or '-')
               for s in c['steps']))"
}
# field rounds 12-14: the audit of one case as "working deadline late
# step:actor:actual:deviation:flags ..." (None where a step has no measure)
case_steps() { # CASE DB [more audit options]
	local c=$1 db=$2
	shift 2
	"$MUTU" audit --case "$c" --db "$db" --models $MD --format json --out - "$@" 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['working'], c['deadline'], c['late'],
      ' '.join('%s:%s:%s:%s:%s' % (s['step'], s['actor'], s['actual'], s['deviation'], ','.join(s['flags']) or '-')
               for s in c['steps']))"
}
# the monthly report's summary: finished, within, lead median, and the notes
month_json() { # MONTH DB
	"$MUTU" report monthly --month "$1" --db "$2" --models $MD --format json --out - 2>/dev/null |
		python3 -c "
import json, sys
d = json.load(sys.stdin)
s = [g for g in d['groups'] if g['id'] == 'uji-sla'][0]['summary']
print(s['finished'], s['within'], s['lead_median'], len(d['notes']))"
}

# ---- SOP field rounds (test_field5_sop.sh .. test_field9_sop.sh) ----
# steps INI KEY: the model's lines starting with KEY (a grep pattern: 'actor\|role'),
# joined by '|', each ending with one
steps() { grep "^$2" "$1" | tr '\n' '|'; }
# minutes INI: the steps' working minutes and the declared total's, as mutu model show reads them
minutes() {
	"$MUTU" model show "$1" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([s["minutes"] for s in d["steps"]], d["declared"]["minutes"] if d.get("declared") else None)'
}

# ci NAME JSON PYEXPR THEORY MAXREL (test_theory2.sh, test_theory3.sh; their
# headers say the method): a closed form inside a run's interval.  PYEXPR picks {"mean","lo","hi","n"} out of
# the run's JSON d; THEORY is a Python expression; MAXREL bounds the half-width
# relative to the theory value; $NCI, the caller's count of interval checks,
# sets the Bonferroni widening.
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
