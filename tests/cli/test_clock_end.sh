#!/usr/bin/env bash
# tests/cli/test_clock_end.sh - when the SLA clock stops: at the office's
# last step, not at the applicant collecting the SK after it (sla.h).
# Every real SOP in models/ ends with a Pemohon step ("Pengambilan dokumen
# izin oleh pemohon di loket"); before, the clock ran to it, so an
# applicant who came a week late made the office late, a berkas signed
# and never collected stayed open forever, and an office that never logs
# the collection had no finished berkas at all.
#
# Model izin-reklame (tests/data/logs/clock/models): step 1 Pemohon 30
# Menit, 2 Front Office 15 Menit (the check, reject_to = 1: the clock
# starts at its end), 3 Tim Teknis 4 Hari, 4 Back Office 1 Jam, 5 Kepala
# Bidang 30 Menit, 6 Kepala Dinas menandatangani SK 30 Menit (the office's
# last step), 7 Pemohon mengambil SK 10 Menit.  Ceiling (5 Hari) = 2250
# working minutes (kept as declared, collection included: sla.h); exact
# 4 Hari 2 Jam 55 Menit = 1800 + 175 = 1975.
# Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-11:30
# 13:00-16:30 (450 a day); Sat 16, Sun 17 (LN) and Mon 18 Aug 2025 (CB,
# cuti bersama HUT RI) closed.  Working days from Wed 13 Aug: day 1 Wed
# 13, 2 Thu 14, 3 Fri 15, 4 Tue 19, 5 Wed 20, 6 Thu 21, 7 Fri 22, 8 Mon
# 25, 9 Tue 26.
# Every case is accepted Wed 13 Aug 09:00 (end of step 2): deadline 2250
# min on: Wed 09:00-12:00 180 + 13:00-16:00 180 = 360, Thu 810, Fri 1260,
# (Mon 18 closed) Tue 1710, Wed 2160, Thu 21 07:30 + 90 = 09:00.
. tests/cli/lib.sh

F=tests/data/logs/clock
M=$F/models
DB=$TMP/clock.db
run "$MUTU" ingest $F/sicantik-agustus.csv --db "$DB" --models $M --tz WIB --quiet
expect_rc "SiCANTIK export (jenis_izin izin-reklame) ingests" 0

# one case's audit, JSON: finished, finished_at, working, over, late,
# the case's flags, then per step: step:in_clock:flags
case_line() { # CASE
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['finished'], c['finished_at'], round(c['working']), round(c['over']), c['late'],
      ','.join(c['flags']) or '-',
      ' '.join('%d:%d:%s' % (s['step'], s['in_clock'], ','.join(s['flags']) or '-') for s in c['steps']))"
}
# a finding's actual minutes: CASE FLAG
finding_min() {
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(' '.join('%d:%d' % (f['step'], round(f['actual'])) for f in c['findings'] if f['flag'] == '$2') or '-')"
}

# ---- 1. signed on day 4, collected on day 9: within ------------------
# RK-001: signed Tue 19 Aug 13:30 (day 4): Wed 360 + Thu 450 + Fri 450 +
# Tue 07:30-12:00 270 + 13:00-13:30 30 = 1560 <= 2250: in time.  The
# applicant collected Tue 26 Aug 10:10 (day 9), past the deadline (Thu 21
# 09:00): the applicant's time from the signing, Tue 13:30-16:00 150 + Wed
# 450 + Thu 450 + Fri 450 + Mon 450 + Tue 07:30-10:10 160 = 2110 min,
# shown as applicant_late on step 7, off the clock, never over as the
# office's.  Before: clock to Tue 26 10:10 = 3670 min, late by 1420
# (Thu 21 09:00 -> Tue 26 10:10: 360 + 450 + 450 + 160), LEBIH on step 7.
expect_eq "day 4 signed, day 9 collected: finished at the signing, 1560 min, in time; the collection the applicant's" \
	"$(case_line RK-001/VIII/2025)" \
	"True 2025-08-19T13:30:00+07:00 1560 0 False applicant_late 1:0:- 2:0:- 3:1:- 4:1:- 5:1:- 6:1:- 7:0:applicant_late"
expect_eq "day 9 collection: the applicant's 2110 working min after the signing" \
	"$(finding_min RK-001/VIII/2025 applicant_late)" "7:2110"

# ---- 2. signed on day 6: late by the office's minutes only -----------
# RK-002: step 3 Wed 09:30 -> Tue 19 15:00 = 330 + 450 + 450 + 390 =
# 1620 (< 1800), step 4 Wed 20 13:00-15:00 = 120 (+60 over 1 Jam), step 5
# Thu 21 08:00-10:00 = 120 (+90 over 30 Menit), step 6 signed Thu 21
# 14:00-14:30 (day 6).  Working: Wed 360 + Thu 450 + Fri 450 + Tue 450 +
# Wed 450 + Thu 07:30-12:00 270 + 13:00-14:30 90 = 2520: late by 2520 -
# 2250 = 270 (Thu 09:00-12:00 180 + 13:00-14:30 90).  Collected Fri 22
# 09:05: not counted (before: 2705 min, late by 455) and no applicant_late
# (the office made it late itself).
expect_eq "day 6 signed: late by 270 working min, to the signing" \
	"$(case_line RK-002/VIII/2025)" \
	"True 2025-08-21T14:30:00+07:00 2520 270 True over,late 1:0:- 2:0:- 3:1:- 4:1:over 5:1:over 6:1:- 7:0:-"

# ---- 3. signed and never collected: finished, not open ---------------
# RK-003: signed Wed 20 Aug 10:30 (day 5), no step 7 in the log: finished
# there, Wed 360 + Thu 450 + Fri 450 + Tue 450 + Wed 07:30-10:30 180 =
# 1890 <= 2250; step 7 is not 'missing' (the applicant may still come).
# Before: open for ever, no finding.
expect_eq "signed, never collected: finished at the signing, 1890 min, no missing step" \
	"$(case_line RK-003/VIII/2025)" \
	"True 2025-08-20T10:30:00+07:00 1890 0 False - 1:0:- 2:0:- 3:1:- 4:1:- 5:1:- 6:1:-"

# ---- 4. collected, the signing row never logged ----------------------
# RK-004: steps 1-5, then the collection Mon 25 Aug 10:10, no step 6: the
# applicant had the SK, so the office's work is over, at its latest
# completion before the collection: step 5, Tue 19 09:30 = 360 + 450 +
# 450 + 120 = 1380.  Step 6 missing; the collection past the deadline, the
# applicant's Tue 09:30-12:00 150 + 180 + Wed 450 + Thu 450 + Fri 450 +
# Mon 07:30-10:10 160 = 1840 min.
expect_eq "collected without a signing row: finished at the office's last completion, step 6 missing" \
	"$(case_line RK-004/VIII/2025)" \
	"True 2025-08-19T09:30:00+07:00 1380 0 False missing,applicant_late 1:0:- 2:0:- 3:1:- 4:1:- 5:1:- 7:0:applicant_late"
expect_eq "collected without a signing row: the applicant's 1840 min" \
	"$(finding_min RK-004/VIII/2025 applicant_late)" "7:1840"

# ---- 5. the month: within share, lead times, open berkas -------------
# August 2025: finished RK-001 1560, RK-002 2520, RK-003 1890, RK-004
# 1380: 4, within 3 (75%); exact (1975): 1380, 1560, 1890 = 3.  Sorted
# 1380 1560 1890 2520: median (1560 + 1890) / 2 = 1725, p90 at rank 2.7:
# 1890 + 0.7 x 630 = 2331, max 2520.  Open at month end: none (before:
# RK-003 open; finished 2, RK-001 and RK-002, both late: 0 within).
# Slowest: RK-002, late by 270 at step 5 (+90, the largest excess on the
# clock).  Bottleneck: RK-002's excess on the clock 60 (step 4) + 90
# (step 5) = 150; step 7's time (the applicant's) is in no late excess.
run "$MUTU" report monthly --month 2025-08 --db "$DB" --models $M --format json --out "$TMP/rep"
expect_rc "report August exit 0" 0
got=$(python3 - "$TMP/rep/report-2025-08.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
g = [x for x in d["groups"] if x["id"] == "izin-reklame"][0]
s = g["summary"]
sl = g["slowest"][0]
st7 = [r for r in g["steps"] if r["no"] == 7][0]
print(s["finished"], s["within"], s["share_within_exact"], round(s["lead_median"]), round(s["lead_p90"]),
      round(s["lead_max"]), s["open_at_month_end"], s["clock_end_step"], sl["case"], sl["late_step"],
      round(sl["over"]), round(s["late_excess"]), round(st7["late_excess"]))
EOF
)
expect_eq "August: 4 finished, 3 within (exact 3), median 1725, p90 2331, max 2520, none open; RK-002 late 270 at step 5" \
	"$got" "4 3 0.75 1725 2331 2520 0 6 RK-002/VIII/2025 5 270 150 0"

# the report says where the clock stops and what it leaves out
run "$MUTU" report monthly --month 2025-08 --db "$DB" --models $M --format md --out "$TMP/rep"
expect_rc "report md exit 0" 0
grep -q "akhir langkah 6 (Kepala Dinas menandatangani SK); langkah 7 milik pemohon (pengambilan) tidak dihitung" \
	"$TMP/rep/report-2025-08.md" && ok "md: the clock stops at step 6, step 7 the applicant's" ||
	not_ok "md: clock stop" "$(grep -o 'Jam SLA berhenti[^|]*|[^|]*' "$TMP/rep/report-2025-08.md" | head -2)"

# ---- 6. the audit's other formats say the same -----------------------
run "$MUTU" audit --case RK-001/VIII/2025 --db "$DB" --models $M
expect_out_has "text: RK-001 finished at the signing" "selesai: 19 Agu 2025 13:30 WIB"
expect_out_has "text: RK-001 in time" "tepat waktu"
expect_out_has "text: the applicant's part named as such" \
	"[PEMOHON-LAMA] langkah 7 (pemohon) selesai lewat batas waktu, 4,7 hari setelah kantor selesai: waktu pemohon, bukan keterlambatan kantor"
run "$MUTU" audit --case RK-001/VIII/2025 --db "$DB" --models $M --format csv --out -
# the case row: accepted 09:00 .. done 13:30, 1560 min = 26 h of 2250 = 37.5 h
got=$(printf '%s\n' "$OUT" | python3 -c "
import csv, sys
r = [x for x in csv.DictReader(sys.stdin) if x['type'] == 'case'][0]
print(r['end'], r['actual_hours'], r['standard_hours'], r['flags'])")
expect_eq "csv: case row ends at the signing, 26 of 37.5 hours, applicant_late" "$got" \
	"2025-08-19T13:30:00+07:00 26 37.5 applicant_late"
run "$MUTU" audit --sop izin-reklame --from 2025-08-01 --to 2025-08-31 --db "$DB" --models $M --format html --out "$TMP/a.html"
expect_rc "html audit exit 0" 0
# summary: 1 late case (RK-002), 2 with applicant_late (RK-001, RK-004)
got=$(python3 - "$TMP/a.html" <<'EOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
row = lambda code: re.search(r"<b>%s</b>[^<]*</td><td class=\"n\">(\d+)" % code, h).group(1)
print(row("TERLAMBAT"), row("PEMOHON-LAMA"), h.count('class="case late"'))
EOF
)
expect_eq "html: 1 late case, 2 collected past the deadline by the applicant" "$got" "1 2 1"

# ---- 7. XES (PM4Py, completions only) --------------------------------
# X1: completions Wed 13 08:45 (1), 09:00 (2, accepted), Fri 15 15:00,
# Tue 19 09:00, 10:30, 13:30 (6, signed, day 4), Tue 26 10:10 (7, day 9).
# Done Tue 19 13:30: 1560 min, in time, as RK-001.  Step 7 measured from
# the previous completion: 13:30 -> Tue 26 10:10 = 2110, the applicant's.
# X2: signed Wed 20 10:30 (day 5), never collected: finished, Wed 360 +
# Thu 450 + Fri 450 + Tue 450 + Wed 180 = 1890.
DBX=$TMP/xes.db
run "$MUTU" ingest $F/reklame-pm4py.xes --db "$DBX" --sop izin-reklame --models $M --quiet
expect_rc "xes: ingest" 0
got=$("$MUTU" audit --sop izin-reklame --from 2025-08-01 --to 2025-08-31 --db "$DBX" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
for c in json.load(sys.stdin)['cases']:
    s7 = [s for s in c['steps'] if s['step'] == 7]
    print(c['case'], c['finished'], c['finished_at'], round(c['working']), c['late'],
          ','.join(f'{s[\"step\"]}:{round(s[\"actual\"])}:{s[\"in_clock\"]}:' + (','.join(s['flags']) or '-') for s in s7) or '-')")
expect_eq "xes: X1 finished at the signing, 1560 min; step 7 the applicant's 2110; X2 finished, 1890" "$got" \
"X1 True 2025-08-19T13:30:00+07:00 1560 False 7:2110:False:applicant_late
X2 True 2025-08-20T10:30:00+07:00 1890 False -"

# ---- 8. the store's backlog: old cases finished at the office's end --
# A report of October reads the older cases that may still be open
# through cases.last_done_step (store.h open_before): RK-003's latest
# completion is step 6 (the office's end) and RK-001's step 7 (the
# applicant's): both finished, so neither is open in October, and the
# kept measures (MUTU_REPORT_NO_MEASURES unset) agree with a cold read.
run "$MUTU" report monthly --month 2025-10 --db "$DB" --models $M --format json --out "$TMP/okt"
expect_rc "report October exit 0" 0
got=$(python3 -c "
import json
d = json.load(open('$TMP/okt/report-2025-10.json'))
s = [g for g in d['groups'] if g['id'] == 'izin-reklame'][0]['summary']
print(s['open_at_month_end'])")
expect_eq "October: none of the August berkas open" "$got" "0"
