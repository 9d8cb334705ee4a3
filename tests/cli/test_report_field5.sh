#!/usr/bin/env bash
# tests/cli/test_report_field5.sh - fifth field test of what a manager and
# an auditor read (fixtures in tests/data/report-field5/), every figure
# worked out by hand beside its check:
#   - a store of two offices read whole: the monthly report's slowest and
#     oldest-open lists, and the audit's CSV, HTML and XLSX, name each
#     case's office (two offices' "K1" were indistinguishable);
#   - the answer names the berkas open past their ceiling (the oldest
#     three, "(tertua K2, K5, K7 dan 4 lainnya)"): it gave only a count;
#   - 1.999 of 2.000 is 99,95%, never 100,0% (answer, cards, workbook);
#   - a Lebaran month's working-days card says which libur took the days;
#   - a month that finished nothing says last month's share;
#   - long berkas ids and a long office name fit a 1280-pixel screen;
#   - --office with a name no batch was ingested for is refused with the
#     store's offices listed, exit 2 (report, audit, db info, db rejected,
#     db export gave an empty result with exit 0).
#
# The model (models/r5-izin.ini, calendar id-wib, as test_report_field.sh's
# rf-izin): steps 30 Menit (Pemohon), 30 Menit (Front Office, the check
# that can reject: the clock starts at its end), 1 Hari = 450 (Tim
# Teknis), 1 Jam (Kepala Dinas: the clock stops); ceiling (2 Hari) = 900
# working minutes.  Hours Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-11:30
# 13:00-16:30 (450 a day).  June 2025: 21 weekdays less Fri 6 (Idul Adha),
# Mon 9 (cuti bersama), Fri 27 (1 Muharam) = 18 working days.
#
# kota.csv (--office kota):
#   K1 accepted Mon 2 Jun 08:00; step 3 to Wed 4 Jun 08:00 = Mon 240 + 180
#      + Tue 450 + Wed 30 = 900 (over 1 Hari by 450); step 4 08:00-09:00
#      (60).  Lead 960: late by 60 = 1,0 jam; calendar 2 d 1 h = 2,0 hari.
#   K2 accepted Tue 24 Jun 08:00, step 3 open at month end (Mon 30 16:00):
#      Tue 420 + Wed 450 + Thu 450 + (Fri 27 LN) + Mon 450 = 1770 = 3,93
#      hari kerja, past its ceiling.
# kab.csv (--office kab):
#   K1 accepted Tue 3 Jun 08:00; step 3 to Wed 08:00 = 420 + 30 = 450,
#      step 4 60: lead 510 = 1,1 hari, within.
#   K2 accepted Mon 23 Jun 08:00, open: 420 + 450 x 3 + 450 = 2220 = 4,93
#      hari kerja, past.
. tests/cli/lib.sh

F=tests/data/report-field5
M=$F/models
DB=$TMP/p.db
run "$MUTU" ingest $F/kota.csv --office kota --db "$DB" --models $M --quiet
expect_rc "kota's log ingests" 0
run "$MUTU" ingest $F/kab.csv --office kab --db "$DB" --models $M --quiet
expect_rc "kab's log ingests" 0
REP=(report monthly --db "$DB" --models $M --month 2025-06)

# ---- two offices read whole: every case list names the office ----------
run "$MUTU" "${REP[@]}" --format md --out "$TMP/md"
expect_rc "June of both offices as Markdown: exit 0" 0
md=$TMP/md/report-2025-06.md
# the SOP's slowest list: kota's K1 (2,1 hari, late 1,0 jam) above kab's K1
# (1,1 hari, in time); the oldest open: kab's K2 (4,93) above kota's (3,93)
got=$(sed -n '/^## Izin Uji Kantor/,/^## Metode/p' "$md" | grep -E '^\| K[12] \|' | tr -s ' ')
expect_eq "Markdown: the slowest and oldest-open rows name the office" "$got" \
"| K1 | kota | 2,1 hari | 2,0 hari | 1,0 jam | 3. Tim Teknis memeriksa lapangan dan membuat rekomendasi | 1,0 hari |
| K1 | kab | 1,1 hari | 1,0 hari | tidak | | |
| K2 | kab | 4,93 | ya |
| K2 | kota | 3,93 | ya |"
# one SOP: no section of the office whole, so the SOP's two lists
expect_eq "Markdown: the office column is headed Kantor" "$(grep -c '^| Kasus | Kantor |' "$md")" "2"
run "$MUTU" "${REP[@]}" --format json --out -
expect_rc "June of both offices as JSON: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
g = [g for g in d["groups"] if g["id"] == "r5-izin"][0]
print(" ".join("%s@%s:%d" % (s["case"], s.get("office"), s["lead"]) for s in g["slowest"]),
      "|", " ".join("%s@%s:%d" % (s["case"], s.get("office"), s["age"]) for s in g["open_cases"]))')
expect_eq "JSON: slowest and open_cases carry office (leads 960, 510; ages 2220, 1770)" "$got" \
	"K1@kota:960 K1@kab:510 | K2@kab:2220 K2@kota:1770"
run "$MUTU" "${REP[@]}" --format csv --out -
got=$(printf '%s\n' "$OUT" | grep -E '^r5-izin,(slowest|open_cases),' | cut -d, -f2-5 | tr -d '\r' | grep -E ',(case|office),' | tr '\n' ' ')
expect_eq "CSV: the item is OFFICE/CASE, two rows apart, with an office key" "$got" \
	"slowest,kota/K1,case,K1 slowest,kota/K1,office,kota slowest,kab/K1,case,K1 slowest,kab/K1,office,kab open_cases,kab/K2,case,K2 open_cases,kab/K2,office,kab open_cases,kota/K2,case,K2 open_cases,kota/K2,office,kota "
run "$MUTU" "${REP[@]}" --format xlsx --out "$TMP/x"
expect_rc "June of both offices as XLSX: exit 0" 0
x=$TMP/x/report-2025-06.xlsx
got=$(for c in B1 C1 B2 C2 B3 C3; do python3 tests/cli/xlsx_cells.py "$x" cell "Kasus terlama" $c; done | tr '\n' ' ')
expect_eq "XLSX: the slowest sheet has a Kantor column (kota's K1, then kab's)" "$got" \
	"s Kasus s Kantor s K1 s kota s K1 s kab "
got=$(for c in C1 C2 C3 D2; do python3 tests/cli/xlsx_cells.py "$x" cell "Terbuka" $c; done | tr '\n' ' ')
expect_eq "XLSX: the open sheet too, the age after it (2220 / 450 = 4,93)" "$got" \
	"s Kantor s kab s kota n 4.9333 #,##0.00 "
# the answer names the berkas open past their ceiling, the oldest first,
# each with its office.  At July's end (23 working days, no libur):
# kab's K2 2220 + 23 x 450 = 12570 old, kota's 1770 + 10350 = 12120
run "$MUTU" report monthly --db "$DB" --models $M --month 2025-07 --format md --out "$TMP/m7" --lang en
expect_eq "July of both offices: the open berkas past their ceiling by name and office" \
	"$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"  Izin Uji Kantor: no file finished this month; last month 1 of 2 (50.0%); 2 open files past their ceiling at month end (oldest K2 at kab; K2 at kota)."
# one office asked: its own report, no office column (nothing to tell apart)
run "$MUTU" "${REP[@]}" --office kab --format md --out "$TMP/kab"
expect_eq "--office kab: its K1 and K2 only, without an office column" \
	"$(grep -E '^\| (Kasus|K[12]) \|' "$TMP/kab/report-2025-06.md" | cut -d'|' -f2,3 | tr -s ' ' | tr '\n' ' ')" \
	" Kasus | Waktu kerja   K1 | 1,1 hari   Kasus | Umur (hari kerja)   K2 | 4,93  "

# ---- the audit of both offices: each case's office in every format ------
AUD=(audit --db "$DB" --models $M --from 2025-06-01 --to 2025-06-30)
run "$MUTU" "${AUD[@]}" --format csv --out -
expect_rc "audit CSV of both offices: exit 0" 0
# the office is the last column, after end_local (scripts reading by
# position find the earlier ones where they were)
got=$(printf '%s\n' "$OUT" | tr -d '\r' | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(list(rows[0].keys())[-3:], " ".join("%s:%s:%s:%s" % (r["type"], r["case"], r["office"], r["actual_hours"])
      for r in rows if r["type"] == "case"), len({len(r) for r in rows}))')
# case rows in the store's order (kota ingested first): K1 of kota 960
# min = 16 h; the open K2s aged to the store's latest event (kota's K2
# step 3 start, Tue 24 Jun 08:00): kota's 0, kab's Mon 23 08:00-16:00 420
# + Tue 07:30-08:00 30 = 450 = 7.5 h; K1 of kab 510 = 8.5 h
expect_eq "audit CSV: an office column, the case rows' offices; every row as wide" "$got" \
	"['start_local', 'end_local', 'office'] case:K1:kota:16 case:K2:kota:0 case:K1:kab:8.5 case:K2:kab:7.5 1"
run "$MUTU" "${AUD[@]}" --format html --out "$TMP/a.html"
got=$(grep -o '<p class="sub">Izin Uji Kantor · kantor [a-z]*' "$TMP/a.html" | sed 's/.*kantor //' | tr '\n' ' ')
# late first (kota's K1), then the store's order: kota's K2, kab's K1, K2
expect_eq "audit HTML: each case's line names its office" "$got" "kota kota kab kab "
run "$MUTU" "${AUD[@]}" --format xlsx --out "$TMP/a.xlsx"
got=$(for c in K1 A2 K2 A4 K4; do python3 tests/cli/xlsx_cells.py "$TMP/a.xlsx" cell Kasus $c; done | tr '\n' ' ')
expect_eq "audit XLSX: the cases sheet ends with Kantor" "$got" "s Kantor s K1 s kota s K1 s kab "  # rows 2 and 4: kota's K1, kab's K1
# one office asked: the column stays (one CSV layout), empty
run "$MUTU" "${AUD[@]}" --office kab --format csv --out -
got=$(printf '%s\n' "$OUT" | tr -d '\r' | grep '^case,' | awk -F, '{print $2 ":" $NF ":" NF}' | tr '\n' ' ')
expect_eq "audit CSV --office kab: its two cases, the office column empty" "$got" "K1::17 K2::17 "

# ---- --office that names no office of the store -------------------------
# kab and kota were ingested; "kabb" is a typo, "" the default office no
# log was ingested for.  Each command refuses with the offices listed,
# exit 2, and writes nothing.
for c in "report monthly --month 2025-06 --models $M --format json --out $TMP/no" \
	"audit --from 2025-06-01 --to 2025-06-30 --models $M" "db info" "db rejected" "db export"; do
	run "$MUTU" $c --db "$DB" --office kabb
	expect_eq "${c%% --*} --office kabb: exit 2, the store's offices named" \
		"$RC $(printf '%s' "$ERR" | grep -c "\-\-office 'kabb': no such office in .*p.db; its offices: 'kab', 'kota': give one of them")" "2 1"
done
[ ! -e "$TMP/no" ] && ok "a refused --office writes no report" || not_ok "a refused --office writes no report"
run "$MUTU" report monthly --month latest --db "$DB" --models $M --office kabb --format json --out -
expect_eq "report --month latest --office kabb: the same refusal (was 'no events ... for the store')" \
	"$RC $(printf '%s' "$ERR" | grep -c "no such office")" "2 1"
run "$MUTU" db info --db "$DB" --office ''
expect_eq "db info --office '': no default office in this store, exit 2" \
	"$RC $(printf '%s' "$ERR" | grep -c "has no default office (every log was ingested with --office NAME); its offices: 'kab', 'kota'")" "2 1"
# the offices that are there still read: kab's batch only
run "$MUTU" db info --db "$DB" --office kab
expect_eq "db info --office kab: exit 0, its batch" "$RC $(printf '%s\n' "$OUT" | grep -c 'kab.csv (--office kab)')" "0 1"

# ---- 1.999 of 2.000: thousands points, and 99,95% is not 100,0% ----------
# July 2025 (23 working days: no libur on a weekday), 2.000 berkas written
# as an office's export writes them, IZN/0001/VII/2025 .. IZN/2000/VII/2025,
# one accepted each working day in turn at 08:00: step 3 08:00-12:00 (240),
# step 4 13:00-13:30 (30): lead 270, within.  IZN/0001 is late: step 3
# Tue 1 Jul 08:00 -> Thu 3 Jul 12:00 = 420 + 450 + 270 = 1140 (690 over 1
# Hari = 1,5 hari), step 4 13:00-13:30: lead 1170 > 900.  1.999 / 2.000 =
# 99,95% (rounded to one decimal it read "100,0%" beside "1 terlambat").
python3 - >"$TMP/juli.csv" <<'PY'
import datetime
days = [datetime.date(2025, 7, d) for d in range(1, 32) if datetime.date(2025, 7, d).weekday() < 5]
acts = [(1, "Pemohon mengajukan permohonan", "Pemohon"), (2, "Front Office memeriksa kelengkapan berkas", "Front Office"),
        (3, "Tim Teknis memeriksa lapangan dan membuat rekomendasi", "Tim Teknis"), (4, "Kepala Dinas menandatangani izin", "Kepala Dinas")]
print("no_permohonan,sop,step,activity,actor,start,end")
for i in range(2000):
    d = days[i % len(days)]
    e3 = datetime.date(2025, 7, 3) if i == 0 else d
    spans = [(d, "07:30", d, "07:40"), (d, "07:40", d, "08:00"), (d, "08:00", e3, "12:00"), (e3, "13:00", e3, "13:30")]
    for (no, act, who), (a, t0, b, t1) in zip(acts, spans):
        print("IZN/%04d/VII/2025,r5-izin,%d,%s,%s,%s %s,%s %s" % (i + 1, no, act, who, a, t0, b, t1))
PY
DB2=$TMP/juli.db
run "$MUTU" ingest "$TMP/juli.csv" --db "$DB2" --models $M --quiet
expect_rc "2.000 berkas of July ingest" 0
run "$MUTU" report monthly --db "$DB2" --models $M --month 2025-07 --format md --out "$TMP/j"
expect_out_has "the answer: 1.999 dari 2.000 (99,95%)" \
	"Izin Uji Kantor: 1.999 dari 2.000 berkas selesai dalam batas SOP (99,95%); 1 terlambat, paling banyak kehilangan waktu di langkah 3, Tim Teknis (rata-rata 1,5 hari di atas mutu baku)."
expect_eq "Markdown card: 99,95% (1.999 dari 2.000)" \
	"$(grep -m1 'Selesai dalam batas SOP:' "$TMP/j/report-2025-07.md")" "- Selesai dalam batas SOP: **99,95% (1.999 dari 2.000)**"
run "$MUTU" report monthly --db "$DB2" --models $M --month 2025-07 --format md --out "$TMP/je" --lang en
expect_out_has "--lang en: 1,999 of 2,000 (99.95%)" \
	"Izin Uji Kantor: 1,999 of 2,000 files finished within the SOP ceiling (99.95%); 1 late"
run "$MUTU" report monthly --db "$DB2" --models $M --month 2025-07 --format html --out "$TMP/jh"
got=$(grep -o '<td[^>]*>99,95%</td>' "$TMP/jh/report-2025-07.html" | head -1)
expect_eq "HTML summary per SOP: 99,95%" "$got" '<td class="n">99,95%</td>'
# 100,0% only where it is whole: the bottleneck table's shares (all the
# late berkas's excess is step 3's, Tim Teknis's)
expect_eq "HTML: 100,0% only in the bottleneck table's two rows" \
	"$(grep '100,0%' "$TMP/jh/report-2025-07.html" | sed 's/<td>\([^<]*\)<.*/\1/' | tr '\n' '|')" \
	"<tr>3. Tim Teknis memeriksa lapangan dan membuat rekomendasi|<tr>Tim Teknis|"
run "$MUTU" report monthly --db "$DB2" --models $M --month 2025-07 --format xlsx --out "$TMP/jx"
# the share is the number 0.9995 in a cell whose format shows two decimals
# (0.0% showed 100,0% in Excel)
expect_eq "XLSX summary: 0.9995 as 0.00% (not 0.0%)" \
	"$(python3 tests/cli/xlsx_cells.py "$TMP/jx/report-2025-07.xlsx" cell Ringkasan D2)" "n 0.9995 0.00%"

# ---- a Lebaran month says its working days, and why so few ---------------
# April 2025: 22 weekdays less Tue 1 (Idul Fitri, LN), Wed 2, Thu 3, Fri 4,
# Mon 7 (cuti bersama), Fri 18 (Wafat Yesus Kristus, LN) = 16 working days.
# lebaran.csv: L1 accepted Mon 14 Apr 08:00, step 3 to Tue 15 08:00 (420 +
# 30), step 4 60: lead 510, within.  L2 accepted Thu 17 Apr 08:00, step 3
# to Tue 22 08:00 = Thu 420 + (Fri 18 LN, weekend) + Mon 450 + Tue 30 =
# 900, step 4 60: lead 960, late by 60 -- 5 calendar days for 2,1 working.
DB3=$TMP/lebaran.db
run "$MUTU" ingest $F/lebaran.csv --db "$DB3" --models $M --quiet
run "$MUTU" report monthly --db "$DB3" --models $M --month 2025-04 --format md --out "$TMP/l"
expect_out_has "April: 1 dari 2 (50,0%)" "Izin Uji Kantor: 1 dari 2 berkas selesai dalam batas SOP (50,0%); 1 terlambat"
expect_eq "April card: 16 working days, the libur that took the other 6" \
	"$(grep 'Hari kerja dalam bulan' "$TMP/l/report-2025-04.md" | head -1)" \
	"- Hari kerja dalam bulan: **16 (22 hari Senin–Jumat dikurangi 6 libur: 2 libur nasional, 4 cuti bersama)**"
run "$MUTU" report monthly --db "$DB3" --models $M --month 2025-04 --format md --out "$TMP/le" --lang en
expect_eq "April card in English" "$(grep 'Working days in the month' "$TMP/le/report-2025-04.md" | head -1)" \
	"- Working days in the month: **16 (22 weekdays less 6 holidays: 2 national holidays, 4 cuti bersama)**"
# July 2025 had no libur on a weekday: the count alone
expect_eq "July card: 23, nothing to explain" "$(grep 'Hari kerja dalam bulan' "$TMP/j/report-2025-07.md" | head -1)" \
	"- Hari kerja dalam bulan: **23**"
# the HTML card: the count large, the reason on its smaller line
run "$MUTU" report monthly --db "$DB3" --models $M --month 2025-04 --format html --out "$TMP/lh"
expect_eq "April HTML card" "$(grep -o '<dt>Hari kerja dalam bulan</dt><dd>[^/]*</small>' "$TMP/lh/report-2025-04.html" | head -1)" \
	"<dt>Hari kerja dalam bulan</dt><dd>16 <small>(22 hari Senin–Jumat dikurangi 6 libur: 2 libur nasional, 4 cuti bersama)</small>"

# ---- a month with no finished berkas still compares with last month -----
# One office, two SOPs: kab.csv (r5-izin) and tanpa.csv (r5-tanpa, the same
# SOP without a declared total: the ceiling is the steps' 1 Hari 2 Jam
# rounded up, 2 Hari = 900).  June: K1 and T1 both lead 510, within: 2 of
# 2.  July: nothing finished; K2 and T2 (accepted Mon 23 Jun 08:00) still
# open, each 2220 + 23 x 450 old, past 900.  The office's sentence read "0
# berkas selesai, tanpa batas SOP untuk menilainya" (both SOPs have a
# ceiling), and neither sentence said last month's 2 of 2.
DB4=$TMP/dua.db
run "$MUTU" ingest $F/kab.csv --db "$DB4" --models $M --quiet
run "$MUTU" ingest $F/tanpa.csv --db "$DB4" --models $M --quiet
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-07 --format md --out "$TMP/d"
expect_rc "July of two SOPs, nothing finished: exit 0" 0
expect_eq "July: the answer, office first, each beside June's share (SOPs in id order)" \
	"$(printf '%s\n' "$OUT" | sed -n '2,4p')" \
"  Kantor (semua SOP): belum ada berkas yang selesai bulan ini; bulan lalu 2 dari 2 (100,0%); 2 berkas masih terbuka di akhir bulan.
  Izin Uji Kantor: belum ada berkas yang selesai bulan ini; bulan lalu 1 dari 1 (100,0%); 1 berkas terbuka sudah lewat batas di akhir bulan (K2).
  Izin Tanpa Batas Dinyatakan: belum ada berkas yang selesai bulan ini; bulan lalu 1 dari 1 (100,0%); 1 berkas terbuka sudah lewat batas di akhir bulan (T2)."
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-07 --format md --out "$TMP/de" --lang en
expect_eq "July in English" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"  Office (all SOPs): no file finished this month; last month 2 of 2 (100.0%); 2 files still open at month end."
# a whole 100%: June, both in time
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-06 --format md --out "$TMP/d6"
expect_eq "June: 100,0% where it is whole, none late" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"  Kantor (semua SOP): 2 dari 2 berkas selesai dalam batas SOP (100,0%); 2 berkas masih terbuka di akhir bulan."
# the SOP without a declared total says where its ceiling came from
expect_eq "r5-tanpa: the ceiling is the steps' sum rounded up, said so" \
	"$(sed -n '/^## Izin Tanpa/,$p' "$TMP/d6/report-2025-06.md" | grep -m1 'Batas yang dipakai')" \
	"- Batas yang dipakai: **2 hari kerja (jumlah langkah dibulatkan ke atas)**"

# ---- long berkas ids and a long office name on a 1280-pixel screen -------
# panjang.csv is kota.csv with ids as a regency's agenda numbers write them
# (503/0001/IZIN-REKLAME-INSIDENTIL/DPMPTSP-KAB-SITARO/VI/2025-REVISI-KE-2),
# ingested for an office named in full; kab.csv beside it.  The slowest and
# open lists carry both (Kantor column): no table box may scroll sideways.
DB5=$TMP/panjang.db
LONG="DPMPTSP Kabupaten Kepulauan Siau Tagulandang Biaro (Sitaro), Provinsi Sulawesi Utara"
"$MUTU" ingest $F/panjang.csv --db "$DB5" --models $M --quiet --office "$LONG"
"$MUTU" ingest $F/kab.csv --db "$DB5" --models $M --quiet --office kab
run "$MUTU" report monthly --db "$DB5" --models $M --month 2025-06 --format html --out "$TMP/p"
# June: kab's K2 2220 old, the long office's K2 (kota's) 1770
expect_out_has "the long office in the answer's open-past names, '; ' between offices" \
	"(tertua K2 di kab; 503/0002/IZIN-REKLAME-INSIDENTIL/DPMPTSP-KAB-SITARO/VI/2025 di $LONG)."
# the report and the audit in Debian's chromium: a copy without the CSP
# and with a script listing the table boxes (.tw) wider than their box
# (test_report_field4.sh's measure)
if ! command -v chromium >/dev/null 2>&1; then
	echo "ok - SKIP chromium checks: chromium is not installed (Debian package chromium; make deps)"
else
	"$MUTU" audit --db "$DB5" --models $M --from 2025-06-01 --to 2025-06-30 --format html \
		--out "$TMP/pa.html" >/dev/null 2>&1
	for f in "$TMP/p/report-2025-06.html" "$TMP/pa.html"; do
		python3 - "$f" "$TMP/measure.html" <<'PY'
import re, sys
d = open(sys.argv[1], encoding="utf-8").read()
d = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', '', d)
js = """<script>
var out = [];
document.querySelectorAll('.tw').forEach(function (e) {
  if (e.scrollWidth > e.clientWidth + 1) {
    var t = e.querySelector('table');
    out.push((t ? t.className : '?') + ' ' + e.scrollWidth + '>' + e.clientWidth);
  }
});
if (document.documentElement.scrollWidth > 1280) out.push('page ' + document.documentElement.scrollWidth);
var p = document.createElement('pre'); p.id = 'measured';
p.textContent = out.length ? out.join('; ') : 'none';
document.body.appendChild(p);
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(d.replace("</body>", js + "</body>"))
PY
		rm -rf "$TMP/ud"
		mkdir "$TMP/ud"
		timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$TMP/ud" --window-size=1280,900 --dump-dom "file://$TMP/measure.html" \
			>"$TMP/m.html" 2>/dev/null
		w=$(sed -n 's/.*<pre id="measured">\([^<]*\)<\/pre>.*/\1/p' "$TMP/m.html")
		expect_eq "browser, $(basename "$f"): long ids and office, nothing scrolls sideways at 1280 px" "$w" "none"
	done
	# the Kantor column is there, with the long name
	expect_eq "HTML: the slowest list's Kantor cell holds the long name" \
		"$(grep -c "<td>$LONG</td>" "$TMP/p/report-2025-06.html")" "2"
fi

# ---- a month before the log begins --------------------------------------
# dua.db's first berkas arrived in June 2025: May's 12 months hold none.
# The report printed the title "Mei 2025:" with no answer under it, and its
# working-days card read 31 (no SOP to take a calendar from: every day a
# working day); May 2025 has 17 (22 weekdays less 1, 12, 29 May LN and
# 13, 30 May CB).  Now it says there is nothing, and no day count it
# cannot know.
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-05 --format md --out "$TMP/e"
expect_eq "May 2025, before the log: the answer says there is nothing" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"  Tidak ada berkas di penyimpanan yang masuk, selesai atau terbuka dalam 12 bulan sampai bulan ini: periksa bulan yang diminta, atau ingest lognya."
expect_eq "May 2025, before the log: no working-day count from no calendar" \
	"$(grep 'Hari kerja dalam bulan' "$TMP/e/report-2025-05.md")" "- Hari kerja dalam bulan: **–**"
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-05 --format md --out "$TMP/ee" --lang en
expect_eq "May 2025 in English" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"  No file in the store arrived, finished or was open in the 12 months up to this month: check the month asked for, or ingest its log."
# a month with berkas counts its days from the SOP's calendar: June 18
run "$MUTU" report monthly --db "$DB4" --models $M --month 2025-06 --format md --out "$TMP/e6"
expect_eq "June 2025: the office's card counts 18 (Fri 6, Fri 27 LN; Mon 9 CB)" \
	"$(grep -m1 'Hari kerja dalam bulan' "$TMP/e6/report-2025-06.md")" \
	"- Hari kerja dalam bulan: **18 (21 hari Senin–Jumat dikurangi 3 libur: 2 libur nasional, 1 cuti bersama)**"

# ---- the summary's note on planned dates only where a row uses them -------
# "Untuk kasus tanpa model, "dalam batas" = selesai sebelum tanggal rencana
# per kasus." stood under every summary per SOP, even of SOP models alone
expect_eq "July's 2.000 berkas (one SOP model): no planned-date note" \
	"$(grep -c 'tanggal rencana per kasus\.' "$TMP/jh/report-2025-07.html")" "0"
# cases of no SOP (a log without the sop column): the row is judged by
# planned dates, and the note is there
sed -e 's/,r5-izin,/,/' -e 's/^case_id,sop,/case_id,/' -e 's/^K/L/' $F/kab.csv >"$TMP/lain.csv"
DB6=$TMP/lain.db
"$MUTU" ingest $F/kota.csv --db "$DB6" --models $M --quiet
"$MUTU" ingest "$TMP/lain.csv" --db "$DB6" --models $M --quiet --tz +07:00 2>/dev/null
run "$MUTU" report monthly --db "$DB6" --models $M --month 2025-06 --format html --out "$TMP/lh6"
expect_eq "a row without a model: the planned-date note stays" \
	"$(grep -c 'tanggal rencana per kasus\.' "$TMP/lh6/report-2025-06.html")" "1"
