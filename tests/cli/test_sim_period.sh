#!/usr/bin/env bash
# tests/cli/test_sim_period.sh - `mutu sim --by month|week` (figures per
# calendar month / ISO week in text, JSON, CSV and the report), lead time
# in calendar days, and `--compare` across calendars.  Expected values are
# worked out by hand below on id-wita (Mon-Thu 07:30-12:00, 13:00-16:00;
# Fri 07:30-11:30, 13:00-16:30; no holiday 30 Jan - 4 Feb 2025).
. "$(dirname "$0")/lib.sh"

cat >"$TMP/satu.ini" <<'INI'
[sop]
id = satu
name = Satu Langkah
calendar = id-wita
[step 1]
activity = periksa
actor = Front Office
waktu = 1 Hari
INI
printf 'submitted\n2025-01-30 08:00\n2025-01-30 08:00\n2025-02-03 08:00\n' >"$TMP/arr.csv"

# One Front Office, 1 Hari (450 min) fixed, ceiling 1 Hari.  A and B come
# Thu 30 Jan 08:00, C Mon 3 Feb 08:00.  A ends Fri 31 Jan 08:00 (Thu
# 08:00-12:00, 13:00-16:00 = 7 h, Fri 07:30-08:00), lead 450 min, 1.0
# calendar day.  B waits for A, then Fri 08:00-11:30, 13:00-16:30, Mon
# 07:30-08:00: ends Mon 3 Feb 08:00, lead 900 min (over), 4.0 days.  C
# starts as B ends: ends Tue 4 Feb 08:00, lead 450 min, 1.0 day.
# January: 2 came, 1 finished (A), within 100%, lead 450 min.
# February: 1 came, 2 finished (B, C), 1 within = 50%, lead 675 min,
# 2.5 calendar days.  Whole run: (1 + 4 + 1) / 3 = 2.0 calendar days.
cat >"$TMP/fixed.ini" <<INI
[run]
calendar = id-wita
start = 2025-01-01
end = 2025-02-28
replications = 2

[staff]
Front Office = 1

[sop satu]
model = $TMP/satu.ini
arrivals = replay $TMP/arr.csv
service = fixed
INI

run "$MUTU" sim "$TMP/fixed.ini" --by month --format json
expect_rc "by month json: runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin)
p={x["period"]: x for x in d["periods"]}
j, f = p["2025-01"]["sops"][0], p["2025-02"]["sops"][0]
print(d["by"], len(d["periods"]), j["arrivals"]["mean"], j["finished"]["mean"], j["within"]["mean"],
      f["arrivals"]["mean"], f["finished"]["mean"], f["within_n"]["mean"], f["within"]["mean"],
      f["lead_mean"]["mean"], f["lead_days_mean"]["mean"], d["all"]["lead_days_mean"]["mean"],
      p["2025-02"]["start"])')
expect_eq "by month json: per-month figures by hand" "$got" \
	"month 2 2 1 1 1 2 1 0.5 675 2.5 2 2025-02-01T00:00:00+08:00"

run "$MUTU" sim "$TMP/fixed.ini" --by month --format csv
expect_rc "by month csv: runs" 0
expect_eq "by month csv: a period column" "$(printf '%s\n' "$OUT" | head -1)" \
	"scope,sop,step,actor,metric,unit,mean,ci_low,ci_high,n,period"
expect_eq "by month csv: February's lead in calendar days" \
	"$(printf '%s\n' "$OUT" | grep ',lead_days_mean,' | grep ',2025-02$' | grep '^sop,' | cut -d, -f7)" "2.5"
run "$MUTU" sim "$TMP/fixed.ini" --format csv
expect_eq "without --by: the CSV keeps its columns" "$(printf '%s\n' "$OUT" | head -1)" \
	"scope,sop,step,actor,metric,unit,mean,ci_low,ci_high,n"

run "$MUTU" sim "$TMP/fixed.ini" --by week
expect_rc "by week text: runs" 0
expect_out_has "by week text: ISO week of 30 Jan" "2025-W05"
expect_out_has "by week text: calendar days" "hari kalender"
expect_out_has "by week text: heading" "Per minggu (ISO)"

run "$MUTU" sim "$TMP/fixed.ini" --by year
expect_rc "by: a wrong period is bad usage" 2
expect_err_has "by: says what is allowed" "month or week"

if command -v gnuplot >/dev/null; then
	run "$MUTU" sim "$TMP/fixed.ini" --by month --report "$TMP/rep"
	expect_rc "by month report: runs" 0
	if [ -s "$TMP/rep/sim-report-periods.svg" ] && grep -q "Per bulan" "$TMP/rep/sim-report.html"; then
		ok "by month report: the per-month chart"
	else
		not_ok "by month report: the per-month chart" "$(ls "$TMP/rep" 2>&1)"
	fi
fi

# --compare across calendars: id-wita against a copy without Ramadan hours,
# 3-27 March 2025 (19 working days, all Ramadan days).  Same working
# days, so the same files: the arrivals differ by exactly 0 (interval
# [0, 0]); 6 files a day of 60 minutes on one Front Office is 92% of a
# 6.5 h day against 80% of a 7.5 h one, so lead time falls without Ramadan.
sed '/^\[hours ramadan\]/,$d' datasets/calendars/id-wita.ini |
	sed "s/^name = id-wita/name = id-wita-tanpa-ramadan/; s|^holidays = .*|holidays = $PWD/datasets/calendars/id-holidays-2024-2026.csv|; s|^local = .*|local = $PWD/datasets/calendars/local.csv|" \
		>"$TMP/tanpa.ini"
for c in id-wita "$TMP/tanpa.ini"; do
	n=$([ "$c" = id-wita ] && echo ramadan || echo biasa)
	cat >"$TMP/$n.ini" <<INI
[run]
calendar = $c
start = 2025-03-03
end = 2025-03-27
replications = 30
seed = 5

[staff]
Front Office = 1

[sop satu]
model = $TMP/satu.ini
arrivals = 6 per hari
service = exponential mean=60 Menit
INI
done
run "$MUTU" sim "$TMP/ramadan.ini" --compare "$TMP/biasa.ini" --format json
expect_rc "compare across calendars: runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin)
k={x["key"]: x["b_minus_a"] for x in d["diff"]}
a=k["all/arrivals"]; l=k["all/lead_mean"]
print(d["paired_across"]["calendar"], a["mean"], a["lo"], a["hi"], "lead_down" if l["hi"] < 0 else "lead_not_down")')
expect_eq "compare across calendars: same arrivals, shorter lead, calendars named" "$got" \
	"id-wita vs id-wita-tanpa-ramadan 0 0 0 lead_down"
run "$MUTU" sim "$TMP/ramadan.ini" --compare "$TMP/biasa.ini"
expect_out_has "compare across calendars: text names what is paired" "Dipasangkan lintas kalender (id-wita vs id-wita-tanpa-ramadan)"
