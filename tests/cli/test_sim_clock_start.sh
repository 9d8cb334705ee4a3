#!/usr/bin/env bash
# tests/cli/test_sim_clock_start.sh - the simulator's SLA clock starts where
# the reports' does: at the end of the Front Office's acceptance check
# (sla.c stage_clock_start, the step sop_clock_start names), not at the
# berkas's arrival.  The total time in the office (waktu tinggal, work in
# progress, Little's law) still runs from the arrival.
#
# tests/data/sim-clock-start/models/terima-lengkap.ini on kantor-8jam
# (Mon-Fri 08:00-16:00, 480 working minutes a day, no holidays):
#   1 Pemohon registers and uploads   1 Hari  (480, no queue: the applicant)
#   2 Front Office checks             30 Menit, reject_to = 1: the clock start
#   3 Back Office                     2 Hari  (960)
#   4 Kepala Dinas signs              1 Jam   (60): the office's last step
#   5 Pemohon collects                30 Menit
# ceiling "(3 Hari)" = 1440.  One officer each, every time fixed, three
# submissions replayed (pengajuan.csv), worked by hand:
#   A Mon 3 Feb 08:00: step 1 to Tue 08:00, check 08:00-08:30 (accepted
#     Tue 4 Feb 08:30), Back Office to Thu 6 08:30, signed 09:30.
#     From acceptance 960 + 60 = 1020; from arrival 480 + 30 + 1020 = 1530.
#   B Thu 6 Feb 08:00: step 1 to Fri 08:00, check 08:00-08:30 (accepted
#     Fri 08:30), Back Office (free since A left it Thu 08:30) Fri 08:30 ..
#     Tue 11 08:30 (450 + 480 + 30), signed 09:30.  1020; from arrival 1530.
#   C Thu 6 Feb 08:00 with B: step 1 to Fri 08:00, waits 30 for B's check,
#     check 08:30-09:00 (accepted Fri 7 09:00), waits at Back Office until
#     Tue 11 08:30, there to Thu 13 08:30, signed 09:30.  From acceptance
#     Fri 420 + Mon 480 + Tue 480 + Wed 480 + Thu 90 = 1950; from arrival
#     Thu 480 + 1950 + 30 (step 1) + 30 (its wait) = 2490.
# So the report's measure: leads 1020, 1020, 1950, mean 1330, two of three
# within 1440 (C is late).  Before, the simulator said 1530, 1530, 2490:
# mean 1850, none within: the 480 + 30 of steps 1-2 and C's 30 of waiting
# counted (1850 - 1330 = 520 = the mean of the steps before acceptance,
# 510, plus their mean wait, 10).
# Calendar days, acceptance to signing: A Tue 08:30 .. Thu 09:30 = 2 days
# 1 h, B Fri 08:30 .. Tue 09:30 = 4 d 1 h, C Fri 09:00 .. Thu 09:30 = 6 d
# 30 min: mean (2 + 4 + 6 + (1 + 1 + 0,5)/24)/3 = 4,034722 (before, from
# the arrival: 3,0625, 5,0625, 7,0625, mean 5,0625).
# The waktu tinggal (arrival to the collection's end, 30 after the
# signing): 1560, 1560, 2520, mean 1880, the same before and after.
. tests/cli/lib.sh

export MUTU_CALENDARS=tests/data/sim-theory
D=tests/data/sim-clock-start
S=$D/terima-lengkap-scenario.ini

run "$MUTU" sim "$S" --format json
expect_rc "sim: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
s, a = d["sops"][0], d["all"]
print("%g %g" % (s["finished"]["mean"], s["within"]["mean"]))
print("%g" % s["lead_mean"]["mean"])
print("%.4f" % s["lead_days_mean"]["mean"])
print("%g" % a["sojourn_mean"]["mean"])
')
expect_eq "sim: 3 finished, 2 of 3 within the 1440 of (3 Hari) (before 0)" "$(echo "$got" | sed -n 1p)" "3 0.666667"
expect_eq "sim: lead mean 1330 from acceptance (before 1850 from arrival)" "$(echo "$got" | sed -n 2p)" "1330"
expect_eq "sim: calendar days from acceptance 4,034722 (before 5,0625)" "$(echo "$got" | sed -n 3p)" "4.0347"
expect_eq "sim: the waktu tinggal keeps the arrival: 1880" "$(echo "$got" | sed -n 4p)" "1880"

run "$MUTU" sim "$S"
expect_rc "sim text: exit 0" 0
expect_out_has "sim text: where the SLA clock starts and stops" \
	"jam SLA: dari akhir langkah 2 (Front Office, berkas diterima lengkap) s.d. akhir langkah 4 (Kepala Dinas)"
expect_out_has "sim text: the waktu tinggal from the arrival" "waktu tinggal: dari berkas masuk (langkah 1)"

# The report's own measure of the same berkas (a SiCANTIK export with the
# stamps above): the audit must say 1020, 1020, 1950, C late.  TL-004
# (March) fails the check on Tue 4 Mar 08:30 (status Ditolak), the
# applicant resubmits Wed 5 Mar 10:00, the second check ends 10:30: the
# clock starts at that last check, Back Office to Fri 7 Mar 10:30, signed
# 11:30: 960 + 60 = 1020, the applicant's round before acceptance not in it.
DB=$TMP/ss.db
run "$MUTU" ingest $D/sicantik-februari-maret.csv --db "$DB" --models $D/models --tz WIB --quiet
expect_rc "ingest the SiCANTIK export" 0
for c in TL-001/II TL-002/II TL-003/II TL-004/III; do
	"$MUTU" audit --case "$c/2025" --db "$DB" --models $D/models --format json --out - 2>/dev/null |
		python3 -c 'import json, sys; c = json.load(sys.stdin)["cases"][0]; print(c["accepted"], round(c["working"]), c["late"])'
done >"$TMP/audit.txt"
expect_eq "audit: leads from the end of the check, as the simulator now measures" "$(cat "$TMP/audit.txt")" \
"2025-02-04T08:30:00+07:00 1020 False
2025-02-07T08:30:00+07:00 1020 False
2025-02-07T09:00:00+07:00 1950 True
2025-03-05T10:30:00+07:00 1020 False"

# backtest, February: the log measured as the simulator measures, both
# from acceptance: within 2/3, median 1020, p90 1020 + 0,8 x 930 = 1764
# (gsl's interpolation at 0,9 x 2 = 1,8).  Before, both from the arrival:
# within 0 in the log although the report had two of three in time.
run "$MUTU" backtest "$S" --sop terima-lengkap --db "$DB" --from 2025-02 --to 2025-02 --format json
expect_rc "backtest: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for r in d["rows"]:
    if r["measure"] in ("finished", "within", "lead_p50", "lead_p90"):
        print(r["measure"], "%g" % r["observed"], r["inside"])
')
expect_eq "backtest: the log's within, median and p90 from acceptance, inside the simulator's" "$got" \
"finished 3 True
within 0.666667 True
lead_p50 1020 True
lead_p90 1764 True"

# Rework before acceptance (terima-lengkap-kembali-scenario.ini): half the
# berkas fail the check and come back after 1 Hari, staff enough that no
# file waits.  The clock starts at the check that lets the berkas through
# (sla.c: the last check before the case moved on), so every file's lead
# is 960 + 60 = 1020 whatever its rounds: mean, median and p95 1020, all
# within 1440.  Before, from the arrival with the applicant's time after a
# rejection paused: 480 + 30 + 30 x the repeated checks (one on average) +
# 1020, about 1560, none within.
run "$MUTU" sim $D/terima-lengkap-kembali-scenario.ini --format json
expect_rc "sim rework: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
s = json.load(sys.stdin)["sops"][0]
print("%g %g %g %g" % (s["lead_mean"]["mean"], s["lead_p50"]["mean"], s["lead_p95"]["mean"], s["within"]["mean"]),
      "rejections" if s["rejections"]["lo"] > 0 else "no rejections")
')
expect_eq "sim rework: lead 1020 from the last check for every file, all within (before ~1560, none)" "$got" \
	"1020 1020 1020 1 rejections"

# One stop rule for reports, the backtest and the simulator
# (sla_events_done): the clock stops at the office's last step's latest
# completion after acceptance that no return follows before the applicant
# collects the SK.  sicantik-april.csv, same model and calendar:
#   TL-005  accepted Tue 8 Apr 08:30; Back Office to Thu 10 08:30; the
#           Kepala Dinas's row Thu 08:30-09:30 (status Dikembalikan) sends
#           it back: Back Office again Thu 09:30 .. Fri 11 09:30, signed
#           Fri 09:30-10:30, collected 11:00-11:30.  The izin was issued
#           Fri 10:30: Tue 450 + Wed 480 + Thu 480 + Fri 150 = 1560 > 1440,
#           late.  Before, reports stopped at the first signing (Thu 09:30:
#           1020, in time) though the berkas came back, while the simulator
#           never stops the clock on a completion that sends the file back.
#   TL-006  accepted Tue 15 Apr 08:30, the signing row Tue 09:00-10:00
#           before the Back Office's row (10:00 .. Thu 17 10:00, a first
#           execution logged out of order, URUTAN), collected Thu 10:30:
#           finished at the signing, 90, in time, as the audit always said.
#           Before, the backtest read any later row of an earlier step as
#           a return and left it unfinished.
# backtest, April (the run of terima-lengkap-kembali-scenario.ini covers
# it): 2 finished, within 1 of 2, median (1560 + 90)/2 = 825.  Before: 1
# finished (TL-006 lost), within 0.
DBA=$TMP/april.db
run "$MUTU" ingest $D/sicantik-april.csv --db "$DBA" --models $D/models --tz WIB --quiet
expect_rc "ingest the April export" 0
for c in TL-005 TL-006; do
	"$MUTU" audit --case "$c/IV/2025" --db "$DBA" --models $D/models --format json --out - 2>/dev/null |
		python3 -c 'import json, sys; c = json.load(sys.stdin)["cases"][0]; print(c["finished_at"], round(c["working"]), c["late"])'
done >"$TMP/audit-april.txt"
expect_eq "audit: TL-005 finished at the second signing, late (before: the first, in time); TL-006 at its signing" \
	"$(cat "$TMP/audit-april.txt")" \
"2025-04-11T10:30:00+07:00 1560 True
2025-04-15T10:00:00+07:00 90 False"
run "$MUTU" backtest $D/terima-lengkap-kembali-scenario.ini --sop terima-lengkap --db "$DBA" --from 2025-04 --to 2025-04 --format json
expect_rc "backtest April: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join("%s=%g" % (r["measure"], r["observed"]) for r in d["rows"]
               if r["measure"] in ("finished", "within", "lead_p50") and not r.get("step")))
')
expect_eq "backtest April: the log read by the reports' stop rule (before: finished 1, within 0)" "$got" \
	"finished=2 within=0.5 lead_p50=825"
