#!/usr/bin/env bash
# tests/cli/test_sim_clock_end.sh - the simulator's SLA clock stops where the
# reports' does: at the office's last step (sop_office_end, the rule sla.c
# uses), not at the applicant's collection of the SK after it.
#
# tests/data/sim-clock/models/ambil-sk.ini: Front Office 1 Jam, Tim Teknis
# 1 Hari, Kepala Dinas signs 1 Jam, then the Pemohon collects the izin at the
# loket, waktu 2 Hari; declared "(2 Hari)": the ceiling, 960 working minutes
# on kantor-8jam (Mon-Fri 08:00-16:00, 480 minutes a day, no holidays).  The
# scenario keeps every service fixed at its waktu with staff enough that no
# file waits (Erlang C below 1e-9), so by hand every file's lead time is
# 60 + 480 + 60 = 600 working minutes (1 Hari 2 Jam), within the ceiling.
# Before, the simulator measured to the collection: 600 + 2 x 480 = 1560
# (3 Hari 2 Jam), over the 960 of the ceiling in every file: within 0%.
# The sojourn ("waktu tinggal ... termasuk di pemohon") keeps the collection:
# 1560, as before, and so does the work in progress.
#
# sicantik-februari.csv: a SiCANTIK export of five February 2025 berkas of
# that SOP, each with no wait and every office step at its waktu (so 600 to
# the signing, worked from the stamps below):
#   RKL-001  Mon 3 Feb 09:00 .. signed Tue 4 Feb 11:00; collected Thu 6 Feb
#            11:00 (2 days: 960 after the signing)
#   RKL-002  Wed 5 Feb 08:00 .. signed Thu 6 Feb 10:00; collected Wed 12 Feb
#            14:00 (late: Thu 6 + Fri 8 + Mon 8 + Tue 8 + Wed 6 h = 2160)
#   RKL-003  Mon 10 Feb 13:00 .. signed Tue 11 Feb 15:00; at the loket, not
#            collected (end_date empty, status Proses)
#   RKL-004  Wed 19 Feb 10:00 .. signed Thu 20 Feb 12:00; no collection row
#   RKL-005  Mon 24 Feb 08:30 .. signed Tue 25 Feb 10:30; collected Thu 27
#            Feb 10:30 (960)
# backtest, February: the log's leads to the signing are 600 x 5 (finished
# 5, within 100%), the simulator's [600, 600]: median and p90 inside.
# Before: only RKL-001, 002, 005 finished (3), leads 1560, 2760, 1560, the
# p90 2520 (gsl's interpolation at 0.9 x 2 = 1.8) outside the simulator's
# [1560, 1560]: the applicant's late collection read as the office's.
# forecast at Tue 11 Feb 14:30: RKL-003 is 30 minutes into its signing
# (age 570 from 13:00 Mon: 3 + 6.5 h); it finishes at 15:00 the same day,
# p_late 0 (before: Thu 13 Feb 15:00 after two days of collection, p_late 1).
. tests/cli/lib.sh

export MUTU_CALENDARS=tests/data/sim-theory
D=tests/data/sim-clock
S=$D/ambil-sk-scenario.ini

run "$MUTU" sim "$S" --format json
expect_rc "sim: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
s, a = d["sops"][0], d["all"]
def rng(m): return "%g %g %g" % (m["mean"], m["lo"], m["hi"])
print(rng(s["lead_mean"]), "|", rng(s["lead_p50"]), "|", rng(s["lead_p90"]))
print(rng(s["within"]))
print(rng(a["sojourn_mean"]))
')
expect_eq "sim: lead mean, median, p90 600 minutes (to the signing, not 1560)" "$(echo "$got" | sed -n 1p)" \
	"600 600 600 | 600 600 600 | 600 600 600"
expect_eq "sim: every file within the 960 of (2 Hari) (before 0%)" "$(echo "$got" | sed -n 2p)" "1 1 1"
expect_eq "sim: the sojourn keeps the applicant's collection (1560)" "$(echo "$got" | sed -n 3p)" "1560 1560 1560"

run "$MUTU" sim "$S"
expect_out_has "sim text: selesai dalam batas SOP 100%" "selesai dalam batas SOP                        100,0%"
expect_out_has "sim text: waktu penyelesaian 1 Hari 2 Jam" "waktu penyelesaian median                      1 Hari 2 Jam [1 Hari 2 Jam .. 1 Hari 2 Jam]"

# the emitted log still holds the collection (the applicant's step runs)
run "$MUTU" sim "$S" --replications 1 --emit-log "$TMP/e.csv"
expect_rc "sim --emit-log: exit 0" 0
n4=$(awk -F, 'NR > 1 && $3 == 4' "$TMP/e.csv" | wc -l)
n3=$(awk -F, 'NR > 1 && $3 == 3' "$TMP/e.csv" | wc -l)
if [ "$n4" -gt 0 ] && [ "$n4" -le "$n3" ]; then ok "emitted log: step 4 (collection) rows still written ($n4 of $n3)"
else not_ok "emitted log: step 4 rows" "step 3: $n3, step 4: $n4"; fi

DB=$TMP/bt.db
run "$MUTU" ingest $D/sicantik-februari.csv --db "$DB" --models $D/models --tz WIB --quiet
expect_rc "ingest the SiCANTIK export" 0
run "$MUTU" backtest "$S" --sop ambil-sk --db "$DB" --from 2025-02 --to 2025-02 --format json
expect_rc "backtest: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for r in d["rows"]:
    if r["measure"] in ("finished", "within", "lead_p50", "lead_p90"):
        s = r["sim"]
        print(r["measure"], "%g" % r["observed"], "%g %g" % (s["lo"], s["hi"]) if r["measure"] != "finished" else "", r["inside"])
')
expect_eq "backtest: 5 finished in the log (to the signing; before 3)" "$(echo "$got" | grep '^finished' | cut -d' ' -f2)" "5"
expect_eq "backtest: within 100% in the log and the simulator" "$(echo "$got" | grep '^within')" "within 1 1 1 True"
expect_eq "backtest: median 600 against [600, 600], inside" "$(echo "$got" | grep '^lead_p50')" "lead_p50 600 600 600 True"
expect_eq "backtest: p90 600 against [600, 600], inside (before 2520 against 1560)" "$(echo "$got" | grep '^lead_p90')" \
	"lead_p90 600 600 600 True"

run "$MUTU" forecast --scenario "$S" --db "$DB" --as-of 2025-02-11T14:30 --format csv
expect_rc "forecast: exit 0" 0
expect_eq "forecast: RKL-003 signed at 15:00 the same day, p_late 0 (before Thu 13 Feb, 1)" \
	"$(printf '%s\n' "$OUT" | awk -F, '$1 == "RKL-003/II/2025" { print $3, $7, $9, $13, $14, $15 }')" \
	"3 570.0 0 2025-02-11T15:00:00+07:00 2025-02-11T15:00:00+07:00 2025-02-11T15:00:00+07:00"

# plan, within >= 90%: the target counts the office's time.  Before, every
# file was over the ceiling whatever the staff (1560 > 960), and plan
# answered "target tidak tercapai dengan jumlah staf berapa pun", blaming
# step 4, the Pemohon's collection.  Now a file is late only when it waits
# more than 960 - 600 = 360 minutes at Tim Teknis (0,1 files an hour, 8 h
# each: a = 0,8): with 1 officer (M/D/1, rho 0,8) P(W <= 360) = (1 - rho)
# e^(lambda t) = 0,2 e^0,6 = 36% in steady state, short of 90% (the run
# starts empty, so more, but far from 90%); with 2, M/M/2's Erlang C 0,229
# x e^-(2/480 - 0,1/60) 360 = 9,3% late bounds the fixed-time M/D/2's
# (less variable) from above: over 90% within.  The answer: Tim Teknis = 2.
run "$MUTU" plan "$S" --target within=0.9 --vary "Tim Teknis=1..3"
expect_rc "plan within: exit 0" 0
expect_out_has "plan within: Tim Teknis = 2 (before: unreachable, blaming the Pemohon's step 4)" \
	"Jawaban: Tim Teknis = 2 (biaya 2)"
if printf '%s\n' "$OUT" | grep -q "Tim Teknis = 1  biaya 1: .* tidak memenuhi"; then ok "plan within: 1 officer misses"
else not_ok "plan within: 1 officer misses" "$OUT"; fi
