#!/usr/bin/env bash
# tests/cli/test_plan_bound.sh - `mutu plan`'s "unreachable" answer against
# theory.  tests/data/forecast/satu-hari-scenario.ini: one Front Office
# step, exponential with mean 1 Hari (480 working minutes on kantor-8jam),
# the SOP ceiling 1 Hari.  With unlimited staff no file waits, so a file is
# within the ceiling when its service is: P(S <= 1 Hari) = 1 - e^-1 =
# 0.632121, and 95% is out of reach however many staff.  The step alone
# exceeds the ceiling for e^-1 = 0.367879 of files (from the distribution,
# exactly).  Tolerance: 1 - e^-1 inside the printed interval of the 80
# replications widened to twice its half-width (a correct run misses that
# with probability about 1e-4), and the half-width under 0.005.  With 1..3
# Front Office staff the most staff is still overloaded (offered load 200
# files a month x 1 Hari on 3 staff, above 100%).
. tests/cli/lib.sh

export MUTU_CALENDARS=tests/data/sim-theory
run "$MUTU" plan tests/data/forecast/satu-hari-scenario.ini --target within=0.95 --vary "Front Office=1..3" --format json
expect_rc "plan answers (unreachable is an answer)" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, math, sys
d = json.load(sys.stdin)
b = d["bound"]
v = b["value_unlimited_staff"]
half = (v["hi"] - v["lo"]) / 2
p = 1 - math.exp(-1)
print("reachable" if d["reachable"] else "unreachable")
print("ok" if v["lo"] - half <= p <= v["hi"] + half and half < 0.005 else "theory %.6f, mutu %s" % (p, v))
print("ok" if abs(b["cause"]["share_alone_over"] - math.exp(-1)) < 1e-6 else b["cause"])
print(b["cause"]["step"], b["cause"]["pelaksana"])')
expect_eq "95% within 1 Hari is unreachable" "$(echo "$got" | sed -n 1p)" "unreachable"
expect_eq "with unlimited staff: 1 - e^-1 within the ceiling" "$(echo "$got" | sed -n 2p)" "ok"
expect_eq "the step alone over the ceiling for e^-1 of files" "$(echo "$got" | sed -n 3p)" "ok"
expect_eq "the cause: step 1, Front Office" "$(echo "$got" | sed -n 4p)" "1 Front Office"
