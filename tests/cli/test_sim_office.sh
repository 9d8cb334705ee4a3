#!/usr/bin/env bash
# tests/cli/test_sim_office.sh - `mutu sim` on an office that closes at
# night, through the command line (the calendar found by MUTU_CALENDARS,
# times printed in working minutes), against the closed forms that
# tests/unit/test_sim_office.c checks through the library.
#
# tests/data/sim-theory/kantor-scenario.ini: office 08:00-16:00 Mon-Fri
# (kantor-8jam.ini), Poisson 0,6 per working hour, one Front Office
# officer, exponential 1 Jam, service paused at night.  On mutu's
# working-time clock that is an M/M/1 at rho 0.6:
#   Wq = rho / (mu - lambda) = 0.6 / 0.4 h = 90 working minutes;
#   the sojourn is exponential with rate 0.4 per hour, and the ceiling of
#   a 1 Jam SOP is 1 Hari = 480 working minutes: within = 1 - e^-3.2
#   = 0.959238;
#   util = 0.6 (offered load / one officer).
# Tolerance: the theory inside the printed 95% interval across the 20
# replications, widened to the Bonferroni level 1 - 0.05/3 for the 3
# checks (t(1 - 0.05/6, 19) / t(0.975, 19) = 2.6251 / 2.0930), and the
# interval tight (half-width under 5% of the value).
. tests/cli/lib.sh

D=tests/data/sim-theory
MUTU_CALENDARS=$D run "$MUTU" sim $D/kantor-scenario.ini --format json
expect_rc "office hours: exit 0" 0
printf '%s\n' "$OUT" >"$TMP/out.json"
expect_eq "office hours: the calendar from MUTU_CALENDARS" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["calendar"])' "$TMP/out.json")" "kantor-8jam"
check() { # NAME EXPR_FOR_METRIC THEORY
	got=$(python3 - "$TMP/out.json" "$2" "$3" <<'PY'
import json, math, sys
d = json.load(open(sys.argv[1]))
m = eval(sys.argv[2], {"d": d})
want = float(eval(sys.argv[3], {"math": math}))
widen = 2.6251 / 2.0930
half = (m["hi"] - m["lo"]) / 2
lo, hi = m["mean"] - widen * half, m["mean"] + widen * half
ok = lo <= want <= hi and half <= 0.05 * want
print("ok" if ok else "theory %.4f, simulated %.4f [%.4f, %.4f]" % (want, m["mean"], lo, hi))
PY
)
	expect_eq "$1" "$got" "ok"
}
check "office hours: wait 90 working minutes" 'd["sops"][0]["steps"][0]["wait_mean"]' '0.6 / 0.4 * 60'
check "office hours: within 1 Hari = 1 - e^-3.2" 'd["sops"][0]["within"]' '1 - math.exp(-3.2)'
check "office hours: utilisation 0.6" 'd["actors"][0]["util"]' '0.6'
