#!/usr/bin/env bash
# tests/cli/test_report_field3.sh - third field test of what a manager and
# an auditor read (fixtures in tests/data/report-field2/field3/), figures
# worked out by hand beside each check:
#   - mutu sim's JSON writes lead_days_mean (calendar days of 24 h) the way
#     its text output does, "8,7 hari kalender", never "8 Hari 17 Jam":
#     Hari is a working day everywhere else in mutu;
#   - a staffing that changes over the run ("1, 3 from 2025-07-01") whose
#     first months are overloaded is run (leave months and hires are a
#     documented use) but warned about, naming the months.
. tests/cli/lib.sh

D=tests/data/report-field2/field3

# ---- sim JSON: calendar days are not Hari ---------------------------------
# banjarbaru.ini is a shipped scenario; whatever its numbers, every
# lead_days_mean text must read "<n>,<d> hari kalender", and agree with the
# value to one decimal (8.73246 -> "8,7 hari kalender").
run "$MUTU" sim models/scenarios/banjarbaru.ini --format json --threads 1
expect_rc "sim JSON runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
bad = []
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "lead_days_mean" and isinstance(v, dict):
                for b in ("mean", "lo", "hi"):
                    if v.get(b) is None:
                        continue
                    want = ("%.1f" % v[b]).replace(".", ",") + " hari kalender"
                    if v.get(b + "_text") != want:
                        bad.append("%s_text=%r want %r" % (b, v.get(b + "_text"), want))
            else:
                walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(d)
print("ok" if not bad else "; ".join(bad[:3]))')
expect_eq "sim JSON: lead_days_mean texts in hari kalender, as the text output" "$got" "ok"
# the text output says the same for the run's mean
txt=$("$MUTU" sim models/scenarios/banjarbaru.ini --threads 1 | grep -m1 'rata-rata (hari kalender)' | sed 's/.*kalender) *//; s/ \[.*//')
jtx=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["all"]["lead_days_mean"]["mean_text"])')
expect_eq "sim JSON lead_days_mean.mean_text = the text output's value" "$jtx" "$txt"

# ---- sim: a staffing that changes over the run ---------------------------
# staf-berubah.ini: 585 working minutes a day offered to Tim Teknis (1,3 x
# 450): 1 officer Jan-Jun = 130%, 3 from July = 43%.  The run goes on (exit
# 0), stderr names Tim Teknis, 1 staff and 2025-01 to 2025-06, and not the
# July period.
run "$MUTU" sim $D/staf-berubah.ini --threads 1
expect_rc "sim with an overloaded first half still runs" 0
expect_err_has "sim warns of the overloaded months" "Tim Teknis: 1 staff in 2025-01 to 2025-06 carry an offered load of 13"
case "$ERR" in *"3 staff in"*) not_ok "sim does not warn of the July period (43%)" "$ERR" ;; *) ok "sim does not warn of the July period (43%)" ;; esac
# the results still come out on stdout
expect_out_has "sim results still written" "Tim Teknis"
# 2 officers from January (65%, then 43%): nothing to say
run "$MUTU" sim $D/staf-cukup.ini --threads 1
expect_rc "sim with enough staff in every period runs" 0
case "$ERR" in *warning*) not_ok "no overload warning at 65% / 43%" "$ERR" ;; *) ok "no overload warning at 65% / 43%" ;; esac
