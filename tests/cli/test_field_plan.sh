#!/usr/bin/env bash
# test_field_plan.sh - the planning side (calibrate, plan, forecast, sim
# --from-db) on inputs whose generating process is known, against theory
# and hand-worked dates.
#
# The logs come from tests/data/calib-field/gen_log.py (fixed seed 7): SOP
# uji-lapangan on id-wib, 2025-04-14 to 2025-10-31, 134 working days (the
# generator counts them itself from datasets/calendars: weekdays less 11
# libur nasional / cuti bersama), Poisson arrivals 20 per working day,
# step 1 Pemohon fixed 10 min, step 2 Front Office (FO1, FO2) exponential
# mean 30 min, step 3 Back Office (BO1..BO4) fixed 60 min, FIFO queues, all
# on the working-time clock (a service over the lunch break, a night, a
# weekend or 18 August's cuti bersama still lasts its working minutes).
# Two kinds of expected value:
#   - theory: the rate and the exponential mean within 3 standard errors
#     of the estimator (count N ~ Poisson(20 x 134): sd of N/134 is
#     sqrt(20/134) = 0.386 per day; a mean of n = 2760 exponential(30)
#     draws has sd 30/sqrt(2760) = 0.57 min);
#   - the realised sample (gen_log.py --stats, the generator's own working
#     minutes): calibrate must measure it exactly up to the stamps' rounding
#     to whole seconds (at most 0.5 s each end: 1/60 min on a mean).
. tests/cli/lib.sh

D=tests/data/calib-field
G="python3 $D/gen_log.py"

# json_check NAME JSON STATS PYTHON-LINES: d = the JSON, g = the generator's
# realised sample; check(name, cond, detail) prints ok / not ok.
json_check() {
	printf '%s' "$2" | python3 -c '
import json, sys, math
d = json.load(sys.stdin)
g = json.load(open(sys.argv[1])) if sys.argv[1] else None
def check(name, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else "\n#   " + str(detail)))
s = d["sops"][0]
def step(no):
    return [x for x in s["steps"] if x["no"] == no][0]
def staff(name):
    return [x for x in d["staff"] if x["name"] == name][0]
'"$4" "$3"
}

# ---- 1. plain CSV: rate, service, staff, waits --------------------------------
$G plain "$TMP/plain.csv" --stats "$TMP/plain.json"
"$MUTU" ingest "$TMP/plain.csv" --db "$TMP/plain.db" --resource-col resource --quiet
run "$MUTU" calibrate --db "$TMP/plain.db" --sop uji-lapangan --models "$D" -o "$TMP/plain.ini" --format json
expect_rc "calibrate the generated log: exit 0" 0
PLAIN=$OUT
json_check "plain" "$OUT" "$TMP/plain.json" '
a = s["arrivals"]
check("plain: 134 working days (weekdays less 11 libur nasional / cuti bersama)", a["working_days"] == 134, a)
check("plain: every case counted", s["cases"] == g["cases"], (s["cases"], g["cases"]))
check("plain: rate 20 per hari within 3 se (0.386)", abs(a["per_day"] - 20) <= 3 * math.sqrt(20 / 134), a["per_day"])
check("plain: rate = cases / working days", abs(a["per_day"] - g["cases"] / 134) < 1e-3, a["per_day"])
check("plain: arrivals in working time, not 24x7", a["arrivals_24x7"] is False, a)
check("plain: Poisson not rejected (p > 0.01)", a["dispersion_p"] > 0.01, a)
check("plain: no weekday or hour profile invented", a["weekday"] is None and a["hour"] is None, a)
s2, s3, s1 = step(2), step(3), step(1)
check("plain: step 2 n = the executions written", s2["service"]["n"] == g["steps"]["2"]["n"], (s2["service"]["n"], g["steps"]["2"]))
check("plain: step 2 mean 30 within 3 se (0.57 min)", abs(s2["service_mean_min"] - 30) <= 3 * 30 / math.sqrt(2760), s2["service_mean_min"])
check("plain: step 2 mean = the realised working-time mean (1/60 min)", abs(s2["service_mean_min"] - g["steps"]["2"]["service_mean"]) <= 1 / 60, (s2["service_mean_min"], g["steps"]["2"]))
check("plain: step 2 fitted exponential", s2["service"]["family"] == "exponential", s2["service"]["family"])
check("plain: step 3 fixed 60 min in working time (1/60 min)", abs(s3["service_mean_min"] - 60) <= 1 / 60, s3["service_mean_min"])
check("plain: step 1 (Pemohon) fixed 10 min", abs(s1["service_mean_min"] - 10) <= 1 / 60, s1["service_mean_min"])
check("plain: step 2 mean wait = the realised one (1/60 min)", abs(s2["wait_mean_min"] - g["steps"]["2"]["wait_mean"]) <= 1 / 60, (s2["wait_mean_min"], g["steps"]["2"]))
check("plain: step 3 mean wait = the realised one (1/60 min)", abs(s3["wait_mean_min"] - g["steps"]["3"]["wait_mean"]) <= 1 / 60, (s3["wait_mean_min"], g["steps"]["3"]))
check("plain: Front Office 2 officers", staff("Front Office")["staff"] == 2, staff("Front Office"))
check("plain: Back Office 4 officers", staff("Back Office")["staff"] == 4, staff("Back Office"))
check("plain: no absence invented (< 1%)", staff("Front Office")["absent"] < 0.01 and staff("Back Office")["absent"] < 0.01)
check("plain: no batch invented", all(x["batch"] is None for x in d["staff"]))
'
run "$MUTU" sim "$TMP/plain.ini" -n 1
expect_rc "the calibrated scenario runs" 0

# ---- 2. the same events as PM4Py CSV (start/complete rows) and as XES ----------
# calibrate must give the same numbers: only the log's layout differs
$G pm4py "$TMP/pm4py.csv"
$G xes "$TMP/log.xes"
"$MUTU" ingest "$TMP/pm4py.csv" --db "$TMP/pm4py.db" --resource-col org:resource --sop-col case:sop --models "$D" --quiet
"$MUTU" ingest "$TMP/log.xes" --db "$TMP/xes.db" --resource-col org:resource --sop-col sop --models "$D" --quiet
printf '%s' "$PLAIN" >"$TMP/plain-cal.json"
for f in pm4py xes; do
	run "$MUTU" calibrate --db "$TMP/$f.db" --sop uji-lapangan --models "$D" -o "$TMP/$f.ini" --format json
	expect_rc "$f: calibrate exit 0" 0
	json_check "$f" "$OUT" "" '
p = json.load(open("'"$TMP/plain-cal.json"'"))
ps = p["sops"][0]
keys = lambda x: (x["cases"], x["arrivals"]["per_day"], x["arrivals"]["working_days"],
                  [(t["no"], t["service"]["n"], round(t["service_mean_min"], 6), t["service"]["family"],
                    round(t["wait_mean_min"] or 0, 6)) for t in x["steps"]])
check("'"$f"': the same arrivals, steps, fits and waits as the plain CSV", keys(s) == keys(ps), (keys(s), keys(ps)))
check("'"$f"': the same staff", [(x["name"], x["staff"]) for x in d["staff"]] == [(x["name"], x["staff"]) for x in p["staff"]], d["staff"])
'
done

# ---- 3. right-censored: the log ends Friday 31 October 12:00 ---------------------
# Steps still running then have no end.  They must be left out, not counted
# as short (their service so far) nor as zero: the means stay the realised
# means of the finished executions, and the cases still count as arrivals.
$G plain "$TMP/cut.csv" --cut --stats "$TMP/cut.json"
"$MUTU" ingest "$TMP/cut.csv" --db "$TMP/cut.db" --resource-col resource --quiet
open_rows=$(awk -F, 'NR > 1 && $7 == ""' "$TMP/cut.csv" | wc -l)
[ "$open_rows" -gt 0 ] && ok "cut: the log has open steps ($open_rows)" || not_ok "cut: the log has open steps"
run "$MUTU" calibrate --db "$TMP/cut.db" --sop uji-lapangan --models "$D" -o "$TMP/cut.ini" --format json
expect_rc "cut: calibrate exit 0" 0
json_check "cut" "$OUT" "$TMP/cut.json" '
check("cut: every case that arrived counted", s["cases"] == g["cases"], (s["cases"], g["cases"]))
for no in (2, 3):
    t = step(no)
    check("cut: step %d n = the finished executions only" % no, t["service"]["n"] == g["steps"][str(no)]["n"], (t["service"]["n"], g["steps"][str(no)]))
    check("cut: step %d mean = the finished ones realised (1/60 min)" % no, abs(t["service_mean_min"] - g["steps"][str(no)]["service_mean"]) <= 1 / 60, (t["service_mean_min"], g["steps"][str(no)]))
'
