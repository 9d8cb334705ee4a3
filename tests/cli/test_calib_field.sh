#!/usr/bin/env bash
# test_calib_field.sh - mutu calibrate (and forecast) on hand-made logs in
# the shapes offices export (SiCANTIK rows with end_date only or both
# stamps, OSS files sent at night), whose true times are known:
# tests/data/calib/field/.
#
# Model izin-uji-kalibrasi (tests/data/calib/field/izin-uji-kalibrasi.ini),
# id-wib: Mon-Thu 07:30-12:00, 13:00-16:00 (450 working minutes).  The
# expected values are worked out by hand in the comments beside each check
# (gen_field.py writes dua-pelaksana, ramadan-lebaran, perbaikan and
# oss-loket from each officer's ordered work list and says the same in its
# header; senin-idul-adha and lima-berkas are written by hand).  Sections:
#   1 an officer at two pelaksana, completion-only (the rebuilt starts)
#   2 Ramadan hours and the Lebaran cluster (the rate per hari; a step the
#     log never shows and the staff its mutu baku needs)
#   3 forecast on the morning after a long weekend (a file that ends at once)
#   4 rework back to the applicant (Perbaikan Berkas: time away, not service)
#   5 OSS arrivals at night beside the counter (seen at the next opening)
#   6 five berkas (the interval of the mean instead of a confident fit)
. tests/cli/lib.sh

D=tests/data/calib/field

# jcheck NAME JSON PYTHON-LINES: d = the calibrate JSON; check(name, cond,
# detail) prints ok / not ok.
jcheck() {
	printf '%s' "$2" | python3 -c '
import json, sys, math
d = json.load(sys.stdin)
def check(name, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else "\n#   " + str(detail)))
s = d["sops"][0]
def step(no):
    return [x for x in s["steps"] if x["no"] == no][0]
def staff(name):
    return [x for x in d["staff"] if x["name"] == name][0]
'"$3"
}

# ingest LOG DB [ARGS...]: a SiCANTIK-style export, its nama_proses mapped
ingest() {
	local log=$1 db=$2
	shift 2
	"$MUTU" ingest "$D/$log" --db "$TMP/$db" --map "$D/kalib-map.csv" --models "$D" --quiet "$@" \
		>"$TMP/ingest.out" 2>&1 || { echo "not ok - ingest $log"; sed 's/^/#   /' "$TMP/ingest.out"; }
}

# ---- 1. an officer who works at two pelaksana (completion-only) -------------
# dua-pelaksana.csv: SiCANTIK end_date only, 16 berkas on Tue 3 and Wed 4
# June 2025.  sari verifies every file (Front Office, 20 min each) and also
# enters two a day for the Back Office (60 min each); budi enters the rest.
# One day, working minutes from 07:30 (the same both days):
#   sari  FO c1 0-20, c2 20-40, c3 40-60, c4 60-80, BO c2 80-140,
#         FO c5 140-160, c6 160-180, c7 180-200, c8 200-220, BO c6 220-280
#   budi  BO c1 20-80, c3 80-140, c4 140-200, c5 200-260, c7 260-320, c8 320-380
# The rebuilt start is the later of the file's previous completion and the
# officer's previous completion, wherever she made it: every Verifikasi 20
# and every Entri 60 (n = 16 each).  Taking the officer's previous
# completion at the same pelaksana only gives FO c5 = 160 - 80 = 80 (her
# entry of c2 counted as checking) and BO c2 = 140 - 40 = 100, BO c6 =
# 280 - 180 = 100 (entries begun at the check, before she was free): means
# (7 x 20 + 80) / 8 = 27.5 and (6 x 60 + 200) / 8 = 70.  Waits at the Front
# Office: 0 20 40 60 140 160 180 200, mean 100 min.
ingest dua-pelaksana.csv dua.db
run "$MUTU" calibrate --db "$TMP/dua.db" --sop izin-uji-kalibrasi --models "$D" --min-cases 10 \
	-o "$TMP/dua.ini" --format json
expect_rc "dua-pelaksana: calibrate exit 0" 0
jcheck "dua" "$OUT" '
s2, s3 = step(2), step(3)
check("dua-pelaksana: 16 berkas", s["cases"] == 16, s["cases"])
check("dua-pelaksana: Verifikasi completion-only, n=16", s2["completion_only"] == 16 and s2["service"]["n"] == 16, s2)
check("dua-pelaksana: Verifikasi mean 20 min (not 27.5: the helper entry counted as checking)",
      abs(s2["service_mean_min"] - 20) < 0.01, s2["service_mean_min"])
check("dua-pelaksana: Entri mean 60 min (not 70: entries begun before the helper was free)",
      abs(s3["service_mean_min"] - 60) < 0.01, s3["service_mean_min"])
check("dua-pelaksana: Verifikasi wait mean 100 min", abs(s2["wait_mean_min"] - 100) < 0.01, s2["wait_mean_min"])
check("dua-pelaksana: sari counts at the Front Office and helps the Back Office",
      staff("Front Office")["staff"] == 1 and staff("Back Office")["officers_elsewhere"] == ["sari"],
      d["staff"])
'

# ---- 2. Ramadan hours and the Lebaran cluster in the sample ------------------
# ramadan-lebaran.csv: start and end stamps, 10 berkas at the counter every
# working day from Mon 3 March to Wed 30 April 2025 (08:10 .. 14:10, inside
# both the Ramadan hours and the usual ones).  Working days (id-wib,
# datasets/calendars): March 21 weekdays less 28 Mar (cuti bersama) and
# 31 Mar (Idul Fitri) = 19, all in Ramadan 1446H (1-30 March, 390 working
# minutes a day); April 22 weekdays less 1 Apr (Idul Fitri), 2, 3, 4, 7 Apr
# (cuti bersama) and 18 Apr (Wafat Yesus Kristus) = 16, 450 minutes.
# 35 working days, 350 berkas: 10 per hari, since `mutu sim` draws `per
# hari` on a day clock where a Ramadan day is a whole day (README, Rates).
# Counting the working minutes / 450 instead gives (19 x 390 + 16 x 450) /
# 450 = 32.47 days and 10.78 per hari: 8% more files in the simulated
# office.  A naive rate per calendar day (350 / 59 days = 5.9) would be
# worse; the Lebaran days are not working days and count for nothing.
ingest ramadan-lebaran.csv ram.db
run "$MUTU" calibrate --db "$TMP/ram.db" --sop izin-uji-kalibrasi --models "$D" -o "$TMP/ram.ini" --format json
expect_rc "ramadan-lebaran: calibrate exit 0" 0
jcheck "ram" "$OUT" '
a = s["arrivals"]
check("ramadan-lebaran: 350 berkas", s["cases"] == 350, s["cases"])
check("ramadan-lebaran: 35 working days (19 in Ramadan count whole)", abs(a["working_days"] - 35) < 1e-9, a["working_days"])
check("ramadan-lebaran: 10 per hari (not 10.78)", abs(a["per_day"] - 10) < 1e-4, a["per_day"])
check("ramadan-lebaran: counter arrivals, not 24x7", a["arrivals_24x7"] is False, a)
check("ramadan-lebaran: no gap in the Lebaran cluster (its days are not working days)", a["gap"] is None, a["gap"])
check("ramadan-lebaran: every working day the same count: no weekday profile, dispersion 0",
      a["weekday"] is None and a["dispersion"] < 1e-9, a)
'
# The log never shows step 3 (Entri Data Teknis, Back Office, 1 Jam in the
# model): the scenario keeps the model's 60 min, so the Back Office carries
# 350 x 60 min over 19 x 390 + 16 x 450 = 14610 working minutes, a load of
# 1.437 officers: one assumed officer (the old scenario) made `mutu sim`
# refuse it (143%); at most 90% needs ceil(1.437 / 0.9) = 2.
jcheck "ram-staff" "$OUT" '
b = staff("Back Office")
check("ramadan-lebaran: Back Office never logged: load 1.437 from the model (60 min per file)",
      abs(b["load"] - 350 * 60 / 14610) < 1e-3 and b["seen"] is False, b)
check("ramadan-lebaran: Back Office staff raised to 2 so that the scenario runs", b["staff"] == 2, b)
'
grep -q '^arrivals = 10 per hari$' "$TMP/ram.ini" && ok "ramadan-lebaran: the scenario says arrivals = 10 per hari" ||
	not_ok "ramadan-lebaran: the scenario says arrivals = 10 per hari" "$(grep '^arrivals' "$TMP/ram.ini")"
# the scenario runs as it is, and its run of those months brings 350 files
# (the day clock: 35 days x 10)
run "$MUTU" sim "$TMP/ram.ini" --format json --replications 20
expect_rc "ramadan-lebaran: mutu sim runs the scenario" 0
printf '%s' "$OUT" | python3 -c '
import json, sys
try:
    a = json.load(sys.stdin)["all"]["arrivals"]
except ValueError:
    a = {"mean": float("nan")}   # no run: not ok below
# 20 replications of Poisson(350): the mean has sd sqrt(350/20) = 4.2; 4 sd
ok = abs(a["mean"] - 350) <= 4 * (350 / 20) ** 0.5
print(("ok - " if ok else "not ok - ") + "ramadan-lebaran: the simulated months bring 350 files (within 4 sd)" + ("" if ok else "\n#   %s" % a))
'

# ---- 3. forecast on the morning after a long weekend ----------------------------
# senin-idul-adha.csv: the Back Office's desk on Tuesday 10 June 2025 07:30,
# the first working day after Idul Adha (Fri 6 June), the weekend and the
# cuti bersama of Mon 9 June, forecast with the scenario of section 2
# (Back Office 2 officers, Entri the model's fixed 1 Jam; ceiling 1 Hari =
# 450 min from the end of Verifikasi, clock_start = 2):
#   9000  finished Tue 3 June 09:30, 60 min after acceptance: June's one
#         observed file, within the ceiling;
#   9001  accepted Wed 4 June 10:00, Entri begun Thu 5 June 08:00 and not
#         ended: age 120 + 180 (Wed) + 450 (Thu) = 750 min, 5.9 calendar
#         days; already past the ceiling (P late 1); in the step 450 min of
#         a fixed 60: it ends at once, at as-of (10 June 07:30).  Before,
#         the finish printed was the earliest instant with that working
#         time, the closing of Thursday 5 June 16:00: a forecast dated
#         after the finish it predicts;
#   9002  accepted Thu 5 June 15:00, waiting for Entri: age 60 min; the
#         second officer takes it at 07:30, done 08:30, lead 120 < 450.
ingest senin-idul-adha.csv senin.db
run "$MUTU" forecast --db "$TMP/senin.db" --scenario "$TMP/ram.ini" --as-of 2025-06-10T07:30 --format json
expect_rc "senin: forecast exit 0" 0
printf '%s' "$OUT" | python3 -c '
import json, sys
def check(name, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else "\n#   " + str(detail)))
d = json.load(sys.stdin)
f = {x["case"]: x for x in d["files"]}
a, b = f.get("503/UK/2025/9001"), f.get("503/UK/2025/9002")
check("senin: two open files, 9000 finished", sorted(f) == ["503/UK/2025/9001", "503/UK/2025/9002"], sorted(f))
check("senin: 9001 aged 750 working min, 5.9 calendar days",
      a["age_work_minutes"] == 750 and abs(a["age_days"] - 5.9) < 0.05, a)
check("senin: 9001 past its ceiling: P(late) 1", a["p_late"] == 1, a["p_late"])
check("senin: 9001 ends at as-of, not at Thursday closing before it",
      a["finish"]["p10"] == a["finish"]["p50"] == "2025-06-10T07:30:00+07:00", a["finish"])
check("senin: no file finishes before as-of",
      all(x["finish"]["p10"] >= d["as_of"] for x in d["files"]), [x["finish"] for x in d["files"]])
check("senin: 9002 aged 60 min, done 08:30, P(late) 0",
      b["age_work_minutes"] == 60 and b["finish"]["p50"] == "2025-06-10T08:30:00+07:00" and b["p_late"] == 0, b)
m = d["months"][0]
check("senin: June observed 1 finished, 1 within", m["month"] == "2025-06" and m["observed_finished"] == 1
      and m["observed_within"] == 1, m)
'

# ---- 4. rework that goes back to the applicant ----------------------------------
# perbaikan.csv: start and end stamps, 14 July - 8 August 2025 (20 working
# days, no holiday), 3 berkas a day; the 09:00 file of each day is refused
# after Entri (10:30) and goes back to the applicant: Perbaikan Berkas
# (pemohon, mapped to step 1, the SOP's applicant step) runs to 10:30 the
# next working day, 450 working minutes (270 + 180; Friday 10:30-11:30,
# 13:00-16:30 is 270 too), then Verifikasi and Entri again.
#   step 1 service: the 60 registrations, 10 min each.  Before, the 20
#     repairs counted as its service too: (60 x 10 + 20 x 450) / 80 =
#     120 min for every new file's registration in the scenario;
#   step 3: 80 executions, 20 went back: reject 0.25, to step 1; away
#     (step.3.resubmit) 450 min, the applicant's time until the file is
#     handed in again (before: 0, the repair's start);
#   step 3 service (59.0): 76 of 60 min and the 4 Thursday files entered
#     again on Friday 10:50-11:50, 40 working min (Friday's break from
#     11:30): (76 x 60 + 4 x 40) / 80.
ingest perbaikan.csv perb.db
run "$MUTU" calibrate --db "$TMP/perb.db" --sop izin-uji-kalibrasi --models "$D" -o "$TMP/perb.ini" --format json
expect_rc "perbaikan: calibrate exit 0" 0
jcheck "perb" "$OUT" '
s1, s3 = step(1), step(3)
check("perbaikan: 60 berkas", s["cases"] == 60, s["cases"])
check("perbaikan: registration n=60, mean 10 min (the repairs are time away, not its service)",
      s1["service"]["n"] == 60 and abs(s1["service_mean_min"] - 10) < 0.01, s1)
check("perbaikan: Entri reject 0.25 (20 of 80), back to step 1",
      s3["rejected"] == 20 and s3["decided"] == 80 and abs(s3["reject"] - 0.25) < 1e-9 and s3["reject_to"] == 1, s3)
check("perbaikan: time away 450 min (to the applicant handing it in again)",
      abs(s3["away_mean_min"] - 450) < 0.01, s3["away_mean_min"])
check("perbaikan: Entri mean 59.0 min", abs(s3["service_mean_min"] - 59) < 0.01, s3["service_mean_min"])
'
grep -q '^step.3.resubmit = empirical quantiles=450.0 ' "$TMP/perb.ini" && ok "perbaikan: the scenario writes step.3.resubmit of 450 min" ||
	not_ok "perbaikan: the scenario writes step.3.resubmit of 450 min" "$(grep -A3 'rework' "$TMP/perb.ini")"

# ---- 5. OSS arrivals at night beside the counter ----------------------------------
# oss-loket.csv: completion-only, Mon 14 July - Sun 10 August 2025 (20
# working days, no holiday): 6 berkas a working day at the counter (08:10
# 09:10 10:10 13:10 14:10 15:10) and 2 every night from the OSS portal
# (21:00, 21:30, weekends too): 120 + 56 = 176, 32% outside office hours,
# so per working day: 176 / 20 = 8.8 per hari.  The office first sees a
# night's files at the next opening (07:30), so the hour profile is, with
# e(h) = 8.8 x 20 days x (working minutes of hour h in a day) / 450:
#   07:00  56 / (8.8 x 20 x 30 / 450) = 56 / 11.733 = 4.7727
#   16:00  0 (working only on Fridays 16:00-16:30; nothing arrives then)
# Before, a night's files counted at the last closing (the earliest
# instant with that working time): hour 16 got all 56 (factor 23.86),
# hour 7 none, and the simulated office a rush at closing time.
ingest oss-loket.csv oss.db
run "$MUTU" calibrate --db "$TMP/oss.db" --sop izin-uji-kalibrasi --models "$D" -o "$TMP/oss.ini" --format json
expect_rc "oss-loket: calibrate exit 0" 0
jcheck "oss" "$OUT" '
a = s["arrivals"]
check("oss-loket: 176 berkas, 56 outside office hours, not 24x7",
      s["cases"] == 176 and a["outside_hours"] == 56 and a["arrivals_24x7"] is False, a)
check("oss-loket: 8.8 per hari over 20 working days", abs(a["per_day"] - 8.8) < 1e-9 and a["working_days"] == 20, a)
check("oss-loket: night files seen at the 07:30 opening: hour 7 factor 4.7727",
      a["hour"] is not None and abs(a["hour"][7] - 56 / 11.7333333) < 1e-3, a["hour"])
check("oss-loket: nothing at the closing hour (16:00)", a["hour"] is not None and a["hour"][16] == 0, a["hour"])
'

# ---- 6. five berkas: an interval and a warning, not a confident fit -------------
# lima-berkas.csv: one file a day, Mon 21 - Fri 25 July 2025, start/end.
# Verifikasi 20 30 40 50 10 min: mean 30, sd sqrt(1000 / 4) = 15.811; the
# 95% t interval 30 -+ t(0.975, 4) 15.811 / sqrt 5 = 30 -+ 2.7764 x 7.0711 =
# 30 -+ 19.632: 10.37 .. 49.63 (the mutu baku, 20, inside).  Entri 150 130
# 140 160 120: mean 140, the same sd, 120.37 .. 159.63: the mutu baku (60)
# outside, the log and the SOP disagree.  Fewer than 10 times: no family is
# fitted and the model's mutu baku is kept, said so.
ingest lima-berkas.csv lima.db
run "$MUTU" calibrate --db "$TMP/lima.db" --sop izin-uji-kalibrasi --models "$D" --min-cases 5 -o "$TMP/lima.ini" --format json
expect_rc "lima-berkas: calibrate exit 0" 0
jcheck "lima" "$OUT" '
s2, s3 = step(2)["service"], step(3)["service"]
check("lima-berkas: Verifikasi n=5, mean 30, 95% interval 10.37 .. 49.63",
      s2["n"] == 5 and abs(s2["mean_min"] - 30) < 1e-6 and abs(s2["mean_ci_min"][0] - 10.368) < 0.01
      and abs(s2["mean_ci_min"][1] - 49.632) < 0.01, s2)
check("lima-berkas: Entri mean 140, 95% interval 120.37 .. 159.63",
      abs(s3["mean_ci_min"][0] - 120.368) < 0.01 and abs(s3["mean_ci_min"][1] - 159.632) < 0.01, s3)
check("lima-berkas: no family fitted on 5 times", s2["family"] is None and s3["family"] is None, (s2["family"], s3["family"]))
'
grep -q '^;   few times (n=5): the mean is only known to lie in 120.4 to 159.6 Menit (95%); the mutu baku lies outside it' "$TMP/lima.ini" &&
	ok "lima-berkas: the scenario warns that the Entri mutu baku lies outside the interval" ||
	not_ok "lima-berkas: the scenario warns that the Entri mutu baku lies outside the interval" "$(grep -A4 'step 3' "$TMP/lima.ini")"
# the summary writes the reports' Indonesian numbers (120,4); the scenario above keeps 120.4
run "$MUTU" calibrate --db "$TMP/lima.db" --sop izin-uji-kalibrasi --models "$D" --min-cases 5 -o "$TMP/lima2.ini"
expect_out_has "lima-berkas: the summary gives the interval and the disagreement" \
	"sedikit data: rata-rata antara 120,4 dan 159,6 Menit (95%); mutu baku di luarnya"
