#!/usr/bin/env bash
# tests/cli/test_report_field6.sh - sixth field test of what a manager reads
# in the monthly report and an auditor in the audit, on two monthly exports
# of one WIB office written by hand (tests/data/logs/report6/: agustus.csv
# taken 31 Aug with A6's step 3 still open, september.csv repeating that
# row with its end), every figure worked out by hand beside its check.
# (The brief named this file test_report_field4.sh with logs in
# tests/data/logs/report4/; that script already exists, so round 6.)
# Pinned here:
#   - the summary cards (HTML, Markdown) say the berkas received in the
#     month as a count: before, only "Masuk per hari kerja 0,2", a rate
#     rounded to one decimal (5 in 20 days = 0,25 printed 0,2: it read 4);
#   - the cards give the mean lead time beside the median (the JSON had
#     lead_mean, the page did not);
#   - English counts one holiday in the singular ("22 weekdays less 1
#     holiday: 1 national holiday"; it read "1 holidays: 1 national
#     holidays").
# The rest pins figures that were right on the old build too.
# On the old build (/tmp/p16/mutu-old-rpt16) 6 of the 25 checks fail: the
# six of section 3.
#
# Model uji-sla (tests/data/models): 1 Pemohon 30, 2 Front Office 15
# (reject_to 1: the clock starts at its end), 3 Tim Teknis 2 Hari = 900,
# 4 Kepala Dinas 60 (the clock stops), 5 Pemohon collects 15; ceiling (3
# Hari) = 1350.  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00 (270 +
# 180), Fri 07:30-11:30 13:00-16:30 (240 + 210): 450 a day.
# August 2025: 21 weekdays less Mon 18 (cuti bersama; 17 Aug LN is a
# Sunday) = 20 working days.  September: 22 weekdays less Fri 5 (LN Maulid)
# = 21.
# August:
#   A1 accepted Mon 4 08:30; step 3 budi -> Wed 6 08:30 = 390 + 450 + 60 =
#     900 (exactly its waktu, not over); step 4 08:30-09:30 60; lead 960.
#   A4 handed back at the check Tue 5 08:35, resubmitted Thu 7 09:15
#     (the applicant's 385 + 450 + 105 = 940 = 2,09 hari), accepted 09:35;
#     step 3 citra -> Fri 8 15:00 = 145 + 180 + 240 + 120 = 685; step 4 60;
#     lead 745; deadline 325 + 450 + 450 + 125 = Tue 12 09:35.
#   A2 accepted Fri 15 10:35 (the cuti bersama inside): step 3 citra ->
#     Thu 21 09:30 = 55 + 210 + (Mon 18 CB) + 450 + 450 + 120 = 1285
#     (+385); step 4 09:30-10:35 65 (+5); lead 1350: exactly the ceiling,
#     within; collected 11:00-11:15, 40 min after its deadline 10:35:
#     applicant_late.
#   A3 accepted Mon 25 08:00; step 3 budi -> Wed 27 15:00 = 420 + 450 +
#     390 = 1260 (+360); step 4 Wed 15:00 -> Thu 28 08:07 = 60 + 37 = 97
#     (+37); lead 1357, late by 7; deadline 420 + 450 + 450 + 30 = Thu
#     08:00.
#   A6 accepted Thu 28 09:00, step 3 open at month end: 360 + 450 = 810 =
#     1,80 hari (60% of the ceiling).
#   -> received 5 (A1 A2 A3 A4 A6), finished 4, open 1; within 3 of 4
#     (75,0%: the denominator is the berkas finished in the month that
#     have a ceiling; the open one has no verdict yet); leads 745 960 1350
#     1357: mean 4412 / 4 = 1103 (2,45 hari), median (960 + 1350) / 2 =
#     1155 (2,57), p90 (h = 0.9 x 3 = 2.7) 1350 + 0.7 x 7 = 1354.9 (3,01),
#     max 1357 (3,02).  Worst step in late berkas: 3 (A3's 360 = 6,0 jam)
#     against step 4's 37.  Step 3: 685 900 1260 1285, median 1080, p90
#     1260 + 0.7 x 25 = 1277.5, 2 of 4 over, excess 360 + 385 = 745, in
#     late berkas 360.  budi 900 1260: median 1080, p90 900 + 0.9 x 360 =
#     1224, excess 360 (all in A3); citra 685 1285: median 985, p90 685 +
#     0.9 x 600 = 1225, excess 385, none in a late berkas.
# September:
#   A6 step 3 -> Mon 1 Sep 14:00 = 360 + 450 + 270 + 60 = 1140; step 4
#     60; lead 1200 (finished in September, arrived in August).
#   S1 accepted Thu 4 12:00 (Fri 5 LN): step 3 budi -> Tue 9 10:00 = 180
#     + 450 + 150 = 780; step 4 60; lead 840.
#   S2 accepted Mon 15 08:00: step 3 citra -> Fri 19 10:00 = 420 + 450 x
#     3 + 150 = 1920 (+1020 = 2,27 hari); step 4 60; lead 1980, late by 630.
#   S3 handed back Mon 22 08:35, resubmitted Tue 23 10:15 (385 + 165 =
#     550), accepted 10:30: step 3 budi -> Wed 24 14:00 = 270 + 330 = 600;
#     step 4 30; lead 630; never collected: finished all the same.
#   S4 accepted Tue 23 08:30, step 3 open: 390 + 450 x 5 = 2640 at month
#     end, past its ceiling.  S5 accepted Mon 29 10:30: 270 + 450 = 720.
#   -> received 5 (S1-S5), finished 4, open 2 (1 past); within 3 of 4;
#     leads 630 840 1200 1980: mean 4650 / 4 = 1162.5 (2,58), median 1020
#     (2,27), p90 1200 + 0.7 x 780 = 1746 (3,88), max 1980 (4,40).
. tests/cli/lib.sh

F=tests/data/logs/report6
MD=tests/data/models
DB=$TMP/r6.db
for f in agustus september; do
	"$MUTU" ingest $F/$f.csv --db "$DB" --models $MD --sop uji-sla --tz WIB --quiet >/dev/null 2>&1
done
REP=(report monthly --db "$DB" --models $MD)

# the JSON summary of one month and language: one line
summ() { # MONTH [options]
	local m=$1
	shift
	"$MUTU" "${REP[@]}" --month "$m" --format json --out - "$@" 2>/dev/null | python3 -c "
import json, sys
d = json.load(sys.stdin)
g = [g for g in d['groups'] if g['id'] == 'uji-sla'][0]
s = g['summary']
print(*(s[k] for k in ('arrivals', 'finished', 'within', 'with_ceiling', 'open_at_month_end', 'open_past_ceiling',
                       'lead_mean', 'lead_median', 'lead_p90', 'lead_max', 'returned_before_acceptance',
                       'resubmit_median', 'applicant_late', 'late_excess')))
print(' '.join('%s:%s:%s' % (c['case'], c['lead'], c['over']) for c in g['slowest']))
print(' '.join('%s:%s:%s' % (c['case'], c['age'], c['past_ceiling']) for c in g['open_cases']))
print(' '.join('%s:%s:%s:%s:%s:%s:%s' % (a['actor'], a['n'], a['median'], a['p90'], a['share_over'], a['excess'],
                                          a['late_excess']) for a in g['actors'] if a['actor'] in ('budi', 'citra')))
st = g['steps'][2]
print(st['n'], st['median'], st['p90'], st['share_over'], st['excess'], st['late_excess'])"
}

# ---- 1. August: the JSON a script reads --------------------------------------
mapfile -t A < <(summ 2025-08)
expect_eq "Aug: received 5, finished 4, 3 of 4 within, open 1; mean 1103, median 1155, p90 1354.9, max 1357; A4 returned (940); A2 collected late; late excess 397" \
	"${A[0]}" "5 4 3 4 1 0 1103 1155 1354.9 1357 1 940 1 397"
expect_eq "Aug: slowest A3 late by 7, A2 exactly the ceiling" "${A[1]}" "A3:1357:7 A2:1350:0 A1:960:0 A4:745:0"
expect_eq "Aug: A6 open at 810, not past" "${A[2]}" "A6:810:0"
expect_eq "Aug: budi and citra" "${A[3]}" "budi:2:1080:1224:0.5:360:360 citra:2:985:1225:0.5:385:0"
expect_eq "Aug: step 3" "${A[4]}" "4 1080 1277.5 0.5 745 360"

# ---- 2. September ------------------------------------------------------------
mapfile -t S < <(summ 2025-09)
expect_eq "Sep: received 5, finished 4, 3 of 4 within, open 2 (1 past); mean 1162.5, median 1020, p90 1746, max 1980; S3 returned (550)" \
	"${S[0]}" "5 4 3 4 2 1 1162.5 1020 1746 1980 1 550 0 1020"
expect_eq "Sep: slowest S2 late by 630" "${S[1]}" "S2:1980:630 A6:1200:0 S1:840:0 S3:630:0"
expect_eq "Sep: S4 open past its ceiling at 2640, S5 at 720" "${S[2]}" "S4:2640:1 S5:720:0"
expect_eq "Sep: step 3 (A6 1140, S1 780, S2 1920, S3 600: median 960, p90 1140 + 0.7 x 780 = 1686; A6 +240 and S2 +1020 over: 2 of 4, 1260; in late berkas S2's 1020)" \
	"${S[4]}" "4 960 1686 0.5 1260 1020"

# ---- 3. the cards: received and mean, both languages ---------------------------
run "$MUTU" "${REP[@]}" --month 2025-08 --format md --out "$TMP/md08"
MD08=$(cat "$TMP/md08/report-2025-08.md")
OUT=$MD08
expect_out_has "Aug md: received 5 (not only the rate 0,2)" "- Berkas masuk bulan ini: **5**"
expect_out_has "Aug md: mean 1103 / 450 = 2,45" "- Rata-rata waktu penyelesaian (hari kerja): **2,45**"
run "$MUTU" "${REP[@]}" --month 2025-09 --lang en --format md --out "$TMP/md09"
OUT=$(cat "$TMP/md09/report-2025-09.md")
expect_out_has "Sep md en: received 5" "- Files received this month: **5**"
expect_out_has "Sep md en: mean 1162.5 / 450 = 2.58" "- Mean lead time (working days): **2.58**"
expect_out_has "Sep md en: one holiday in the singular" \
	"- Working days in the month: **21 (22 weekdays less 1 holiday: 1 national holiday)**"
run "$MUTU" "${REP[@]}" --month 2025-08 --out "$TMP/h08"
OUT=$(python3 -c "
import re, html, sys
t = open(sys.argv[1]).read()
t = re.sub(r'<(svg|style|script).*?</\1>', '', t, flags=re.S)
print(re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', ' ', t))))" "$TMP/h08/report-2025-08.html")
expect_out_has "Aug HTML: the cards received, finished, mean" "Berkas masuk bulan ini 5 Kasus selesai 4"

# ---- 4. what stayed right: the rest of the cards and the answer ----------------
OUT=$MD08
expect_out_has "Aug md: median 1155 / 450 = 2,57" "- Median waktu penyelesaian (hari kerja): **2,57**"
expect_out_has "Aug md: p90 1354.9 / 450 = 3,01" "- p90 (hari kerja): **3,01**"
expect_out_has "Aug md: the cuti bersama took a day" \
	"- Hari kerja dalam bulan: **20 (21 hari Senin–Jumat dikurangi 1 libur: 1 cuti bersama)**"
expect_out_has "Aug md: open 1" "- Terbuka di akhir bulan: **1**"
expect_out_has "Aug md: A3 late by 7 menit, step 3's 6,0 jam" \
	"| A3 | 3,0 hari | 3,0 hari | 7 menit | 3. Tim Teknis memproses dan membuat rekomendasi | 6,0 jam |"
run "$MUTU" "${REP[@]}" --month 2025-08 --format json --out "$TMP/j08"
expect_out_has "Aug answer" "Izin Uji SLA: 3 dari 4 berkas selesai dalam batas SOP (75,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 3, Tim Teknis (rata-rata 6,0 jam di atas mutu baku); 1 berkas diambil pemohon lewat batas (bukan keterlambatan kantor)."
run "$MUTU" "${REP[@]}" --month 2025-09 --lang en --format json --out "$TMP/j09"
expect_out_has "Sep answer en (S2's step 3 1020 = 2.3 days)" "Izin Uji SLA: 3 of 4 files finished within the SOP ceiling (75.0%); last month 3 of 4 (75.0%); 1 late, losing the most time at step 3, Tim Teknis (on average 2.3 d over the mutu baku); 1 open file past its ceiling at month end (S4)."

# ---- 5. the audit: the ceiling's edge, a few minutes over ----------------------
expect_eq "audit A2: 1350 at its deadline Thu 21 10:35, within; collected 40 min after" "$(case_steps A2 "$DB")" \
	"1350 2025-08-21T10:35:00+07:00 False 1:Pemohon:15:-15:- 2:Ani:15:0:- 3:citra:1285:385:over 4:Kepala Dinas:65:5:over 5:Pemohon:15:0:applicant_late"
expect_eq "audit A3: 1357, deadline Thu 28 08:00, late" "$(case_steps A3 "$DB")" \
	"1357 2025-08-28T08:00:00+07:00 True 1:Pemohon:15:-15:- 2:Ani:15:0:- 3:budi:1260:360:over 4:Kepala Dinas:97:37:over 5:Pemohon:15:0:-"
expect_eq "audit S1: over Fri 5 Sep LN, deadline Wed 10 12:00" "$(case_steps S1 "$DB")" \
	"840 2025-09-10T12:00:00+07:00 False 1:Pemohon:15:-15:- 2:Ani:15:0:- 3:budi:780:-120:- 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
