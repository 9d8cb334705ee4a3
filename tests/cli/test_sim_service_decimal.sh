#!/usr/bin/env bash
# tests/cli/test_sim_service_decimal.sh - service means to 0.1 Menit, from
# `mutu calibrate` to `mutu sim`.
#
# Why it matters.  A scenario's service mean drives the waits through the
# load: M/M/1 Wq = rho / (mu - lambda) = rho S / (1 - rho).  The shipped
# banjarbaru-calibrated.ini, step 2 of izin-pengumpulan-uang-barang (Front
# Office), measured 9.5 Menit over n=60 and was written as mean=9 Menit.
# Were that office at utilisation 0.9 (lambda = 0.9 / 9.5 per Menit):
#   true     S = 9.5: rho = 0.9,               Wq = 0.9 x 9.5 / 0.1          = 85.5 Menit
#   written  S = 9:   rho = 9 x 0.9 / 9.5 = 0.85263, Wq = 0.85263 x 9 / 0.14737 = 52.07 Menit
# a mean 5.3% too small waits 39% too little (the truth is 64% above it).
# So the scenario's service spec takes a decimal mean (sim_scenario.c,
# parse_svc_seconds) and calibrate writes the sample mean to 0.1 Menit.
#
# 1. Hand logs (satu-langkah, 24x7, one file a day so nobody queues: the
#    service time is end - start) -> calibrate -> the scenario's mean.
# 2. An M/M/1 with mean=9.5 Menit against theory.
# 3. Decimal min/mode/max and Jam; bad values refused with exit 2.
. tests/cli/lib.sh

export MUTU_CALENDARS=datasets/calendars

# hand_log FILE X1 X2 ...: case Ci starts 2025-03-i 10:00 UTC, ends Xi Menit later
hand_log() {
	local f=$1 i=0 x
	shift
	echo "case_id,sop,step,activity,actor,start,end" >"$f"
	for x in "$@"; do
		i=$((i + 1))
		printf 'C%d,satu-langkah,1,a,Front Office,2025-03-%02dT10:00:00Z,2025-03-%02dT%02d:%02d:00Z\n' \
			$i $i $i $((10 + x / 60)) $((x % 60)) >>"$f"
	done
}
calib() { # DB: the scenario on stdout
	"$MUTU" calibrate --db "$1" --sop satu-langkah --models tests/data/sim-theory --min-cases 1 -o -
}

# ---- 1a. twelve times 7 8 8 9 9 9 10 10 10 11 11 12: sum 114, mean 9.5 --
# Before: lround(9.5) wrote "mean=10 Menit" (rounded to whole minutes).
hand_log "$TMP/a.csv" 7 8 8 9 9 9 10 10 10 11 11 12
"$MUTU" ingest "$TMP/a.csv" --db "$TMP/a.db" --quiet
run calib "$TMP/a.db"
expect_rc "hand log 1: calibrate runs" 0
expect_out_has "hand log 1: the comment's sample mean is 114/12 = 9.5" "service n=12, mean 9.5 Menit"
expect_eq "hand log 1: the scenario carries 9.5 Menit (not 10)" \
	"$(echo "$OUT" | grep '^step.1.service' | sed 's/.*mean=//')" "9.5 Menit"

# ---- 1b. a lognormal sample: the sample mean, not the fitted one ---------
# 1 2 3 3 4 4 5 5 6 7 7 8 9 10 11 13 15 18 22 37: n = 20, sum 190, mean
# 9.5.  Its logs: mean(ln x) = 1.92039, sd (divisor n) = 0.83688, so the
# fitted lognormal's mean is exp(1.92039 + 0.83688^2 / 2) = 9.685 Menit
# (to 0.1: 9.7; lround: 10).  The lognormal wins by AIC (the family is the
# fit's).  The scenario carries 9.5: the sample mean makes the simulated
# officer do the log's total work (20 x 9.5 = 190 Menit), which is what the
# load rho = lambda E[S] counts; the fitted mean would add 2%.
hand_log "$TMP/b.csv" 1 2 3 3 4 4 5 5 6 7 7 8 9 10 11 13 15 18 22 37
"$MUTU" ingest "$TMP/b.csv" --db "$TMP/b.db" --quiet
run calib "$TMP/b.db"
expect_rc "hand log 2: calibrate runs" 0
line=$(echo "$OUT" | grep '^step.1.service')
case "$line" in
"step.1.service = lognormal cv="*" mean=9.5 Menit") ok "hand log 2: lognormal with the sample mean 9.5 (not its own 9.7)" ;;
*) not_ok "hand log 2: lognormal with the sample mean 9.5 (not its own 9.7)" "got: $line" ;;
esac
run "$MUTU" calibrate --db "$TMP/b.db" --sop satu-langkah --models tests/data/sim-theory --min-cases 1 \
	-o "$TMP/b.ini" --format json
expect_rc "hand log 2: calibrate --format json runs" 0
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
st = d["sops"][0]["steps"][0]
ln = [f for f in st["service"]["fits"] if f["family"] == "lognormal"][0]
def check(name, cond, detail):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else "\n#   " + str(detail)))
check("hand log 2: JSON service_mean_min 190/20 = 9.5", abs(st["service_mean_min"] - 9.5) < 1e-9, st["service_mean_min"])
check("hand log 2: JSON lognormal fit mean exp(mu + s^2/2) = 9.685 (not what the scenario carries)",
      abs(ln["mean_min"] - 9.685) < 0.001, ln["mean_min"])
'

# ---- 2. M/M/1 with mean=9.5 Menit against theory ---------------------------
# lambda = 5.4 per jam = 0.09 per Menit, S = 9.5 Menit: rho = 0.855,
# Wq = rho S / (1 - rho) = 0.855 x 9.5 / 0.145 = 56.017 Menit.  With S = 9
# (the old rounding): rho = 0.81, Wq = 0.81 x 9 / 0.19 = 38.368 Menit.
# 24x7, one year (about 47,000 arrivals a replication), 20 replications:
# the replications' 95% interval must hold 56.017 and be at most +-10% of
# it (at rho 0.855 one year's mean wait varies by a few percent between
# replications), and must not hold 38.368; the mean=9 run's interval must
# hold 38.368.  The service mean's interval must hold 9.5 and not 9.
mm1() { # MEAN
	cat <<INI
[run]
calendar = 24x7
start = 2025-01-01
end = 2025-12-31
replications = 20
seed = 7

[staff]
Front Office = 1

[sop satu-langkah]
model = tests/data/sim-theory/satu-langkah.ini
arrivals = 5.4 per jam
step.1.service = exponential mean=$1
INI
}
mm1 "9.5 Menit" >"$TMP/mm1.ini"
mm1 "9 Menit" >"$TMP/mm1-9.ini"
run "$MUTU" sim "$TMP/mm1.ini" --format json
expect_rc "M/M/1 mean=9.5 Menit: runs" 0
printf '%s' "$OUT" >"$TMP/mm1.json"
run "$MUTU" sim "$TMP/mm1-9.ini" --format json
expect_rc "M/M/1 mean=9 Menit: runs" 0
printf '%s' "$OUT" >"$TMP/mm1-9.json"
python3 - "$TMP/mm1.json" "$TMP/mm1-9.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["sops"][0]["steps"][0]
b = json.load(open(sys.argv[2]))["sops"][0]["steps"][0]
def check(name, cond, detail):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else "\n#   " + str(detail)))
w, s, w9 = a["wait_mean"], a["service_mean"], b["wait_mean"]
check("M/M/1 9.5: Wq 56.017 inside the 95% interval", w["lo"] <= 56.017 <= w["hi"], w)
check("M/M/1 9.5: interval within +-10% of 56.017", w["lo"] >= 0.9 * 56.017 and w["hi"] <= 1.1 * 56.017, w)
check("M/M/1 9.5: 38.368 (mean 9) outside the interval", w["lo"] > 38.368, w)
check("M/M/1 9.5: service mean interval holds 9.5, not 9", s["lo"] <= 9.5 <= s["hi"] and s["lo"] > 9, s)
check("M/M/1 9: Wq 38.368 inside its interval", w9["lo"] <= 38.368 <= w9["hi"], w9)
PY

# ---- 3. decimals elsewhere in the spec, bad values refused ------------------
# fixed mean=0.125 Jam = 7.5 Menit exactly; triangular 7.5/9/12 Menit has
# mean (7.5 + 9 + 12) / 3 = 9.5; fixed mean=9.5 Menit is 9.5 every time.
one() { # SPEC: a short run of satu-langkah at 1 per jam (load 0.16 at most)
	cat <<INI
[run]
calendar = 24x7
start = 2025-01-01
end = 2025-01-31
replications = 2
seed = 1

[staff]
Front Office = 1

[sop satu-langkah]
model = tests/data/sim-theory/satu-langkah.ini
arrivals = 1 per jam
step.1.service = $1
INI
}
svc_mean() { python3 -c 'import json,sys; print(json.load(sys.stdin)["sops"][0]["steps"][0]["service_mean"]["mean"])'; }
one "fixed mean=9.5 Menit" >"$TMP/f.ini"
expect_eq "fixed mean=9.5 Menit: every service 9.5" "$("$MUTU" sim "$TMP/f.ini" --format json | svc_mean)" "9.5"
one "fixed mean=0.125 Jam" >"$TMP/j.ini"
expect_eq "fixed mean=0.125 Jam: 7.5 Menit" "$("$MUTU" sim "$TMP/j.ini" --format json | svc_mean)" "7.5"
one "fixed mean=9.50000 Menit" >"$TMP/z.ini"
expect_eq "fixed mean=9.50000 Menit (trailing zeros round nothing): 9.5" "$("$MUTU" sim "$TMP/z.ini" --format json | svc_mean)" "9.5"
one "fixed mean=9,5 Menit" >"$TMP/c.ini"
expect_eq "fixed mean=9,5 Menit (decimal comma): 9.5" "$("$MUTU" sim "$TMP/c.ini" --format json | svc_mean)" "9.5"
one "triangular min=7.5 Menit mode=9 Menit max=12 Menit" >"$TMP/t.ini"
run "$MUTU" sim "$TMP/t.ini" --format json
expect_rc "triangular 7.5/9/12 Menit: runs" 0
printf '%s' "$OUT" | python3 -c '
import json, sys
s = json.load(sys.stdin)["sops"][0]["steps"][0]["service_mean"]
ok = abs(s["mean"] - 9.5) < 0.3  # about 1,500 draws of sd 1.86: the mean s sd is 0.05
print(("ok - " if ok else "not ok - ") + "triangular 7.5/9/12 Menit: mean near (7.5+9+12)/3 = 9.5" + ("" if ok else "\n#   %s" % s))'
for bad in "9.5.1 Menit" "-1 Menit" "1e400 Menit" "9.5001 Menit" "9.5Menit" "9.5 Parsec" ".5 Menit" \
	"52560001 Menit"; do
	one "exponential mean=$bad" >"$TMP/bad.ini"
	run "$MUTU" sim "$TMP/bad.ini"
	expect_rc "mean=$bad refused: exit 2" 2
	expect_err_has "mean=$bad: says what a mean= is, with the line" \
		"bad.ini:14: step.1.service: expected mean= as a duration (\"2 Jam\", \"30 Menit\", \"9.5 Menit\""
done
one "exponential mean=0.0 Menit" >"$TMP/bad.ini"
run "$MUTU" sim "$TMP/bad.ini"
expect_rc "mean=0.0 Menit refused: exit 2" 2
expect_err_has "mean=0.0 Menit: above 0" "expected mean= above 0"
one "triangular min=7.5.1 Menit mode=9 Menit max=12 Menit" >"$TMP/bad.ini"
run "$MUTU" sim "$TMP/bad.ini"
expect_rc "triangular min=7.5.1 Menit refused: exit 2" 2
expect_err_has "triangular min=7.5.1 Menit: says what min/mode/max are" "expected min <= mode <= max as durations"
