#!/usr/bin/env bash
# tests/cli/test_report_field4.sh - fourth field test of what a manager and
# an auditor read: a June of a small WITA office (tests/data/report-field4/),
# written by hand as its SiCANTIK export writes it (';', jenis_izin naming
# the permit as the model's name does, 'Petugas Loket' and 'Kadis' for the
# SOP's Front Office and Kepala Dinas, open steps with no end_date), every
# figure worked out by hand beside its check.  Pinned here:
#   - the monthly report counts the berkas the office finished in time
#     whose applicant collected the SK after the deadline (the audit's
#     PEMOHON-LAMA): "1 berkas diambil pemohon lewat batas (bukan
#     keterlambatan kantor)" in the answer, a card, JSON/CSV
#     applicant_late, a column of the workbook's summary sheet, kept in
#     the case measure (the second report reads it from there);
#   - the HTML's summary per SOP has a late column, names its open-past
#     column so (it was headed "Lewat batas", and an SOP with a late file
#     read "Lewat batas 0") and ends with the office's row;
#   - no table of the HTML scrolls sideways on a 1280-pixel screen (the
#     step table's numeric headers did not wrap: 1074 px in a 1072 box);
#   - the daily chart's axis ends with the month (June showed a day 31).
#
# Models (tests/data/report-field4/models, calendar id-wita, Mon-Thu
# 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30, 450 min a day):
#   izin-reklame-banjar (R): 1 Pemohon 15, 2 Front Office 15 (reject_to 1:
#     the clock starts at its end), 3 Tim Teknis 2 Hari = 900, 4 Kepala
#     Dinas 30 (the office's last step: the clock stops), 5 Pemohon
#     collects 15; ceiling (3 Hari) = 1350.
#   sip-bidan-banjar (B): the same with 3 Back Office 1 Hari = 450;
#     ceiling (2 Hari) = 900.
# June 2025: Sun 1 (LN), Fri 6 (LN Idul Adha), Mon 9 (CB), Fri 27 (LN 1
# Muharam): 21 weekdays - 3 = 18 working days.
# May (last month):
#   RK/0520 accepted Tue 20 08:15 -> signed Wed 21 14:30: 225+180 + 270+90
#     = 765 within.  SB/0519 Mon 19 08:20 -> Wed 21 10:30: 400 + 450 + 180
#     = 1030 > 900, late.  Office 1 of 2; R 1 of 1; B 0 of 1.
# June:
#   RK/0602 Mon 2 08:10 -> Wed 4 10:40: 410 + 450 + 190 = 1050 within;
#     step 3 Mon 08:10 -> Wed 10:10 = 1020 (120 over its 900).
#   SB/0603 Tue 3 08:25 -> Wed 4 09:30: 395 + 120 = 515 within; step 3
#     395 + 55 = 450, exactly its waktu.
#   RK/0605 Thu 5 08:30 -> Tue 10 13:30 (Fri 6 LN, Mon 9 CB): 390 + 300 =
#     690 within; deadline 1350 on: Thu 390, Tue 840, Wed 1290, Thu 12
#     08:30.  Collected Mon 16 09:15: past it, the applicant's working
#     time from the signing Tue 13:30: 150 + 450 x 3 + 105 = 1605 (3,6
#     hari): PEMOHON-LAMA, within for the office.
#   SB/0610 Tue 10 09:30 -> Thu 12 13:30: 330 + 450 + 300 = 1080, late by
#     180 (3,0 jam); step 2 20 min (+5), step 3 330 + 450 + 120 = 900
#     (+450 = 1,0 hari): the bottleneck.
#   RK/0616 handed back at the check Mon 16 08:30, resubmitted Tue 17
#     10:00-10:15 (the applicant's 210 + 180 + 165 = 555 = 1,23 hari),
#     accepted 10:30 -> Thu 19 11:00: 270 + 450 + 210 = 930 within.
#   RK/0623 Mon 23 08:00 -> Mon 30 08:30 (Fri 27 LN): 420 + 450 x 3 + 60 =
#     1830, late by 480; step 3 Mon 08:00 -> Thu 26 15:00 = 420 + 900 +
#     390 = 1710 (+810 = 1,8 hari).
#   RK/0619 accepted Thu 19 08:30, at Tim Teknis at month end (Mon 30
#     16:00): 390 + 450 + 450 x 4 + 450 = 3090 = 6 Hari 6 Jam 30 Menit,
#     past its ceiling.  SB/0630 accepted Mon 30 08:20: 220 + 180 = 400.
# Office: 4 of 6 within; leads 515 690 930 1050 1080 1830: median 990
#   (2,20 hari), p90 (h = 4.5) 1080 + 0.5 x 750 = 1455, max 1830.
# R: 3 of 4; 690 930 1050 1830: median 990, p90 (h = 2.7) 1050 + 0.7 x
#   780 = 1596, max 1830; step 3 n 4 (600 900 1020 1710): median 960,
#   p90 1020 + 0.7 x 690 = 1503, over 2 of 4, excess 930, in late 810.
# B: 1 of 2; 515 1080: median 797.5, p90 515 + 0.9 x 565 = 1023.5.
. tests/cli/lib.sh

F=tests/data/report-field4
M=$F/models
DB=$TMP/juni.db
run "$MUTU" ingest $F/sicantik-juni-2025.csv --db "$DB" --models $M --tz WITA --quiet
expect_rc "June SiCANTIK export ingests" 0
REP=(report monthly --db "$DB" --models $M --month 2025-06)

# ---- the answer, Indonesian and English -----------------------------
run "$MUTU" "${REP[@]}" --format json --out "$TMP/o"
expect_rc "June report runs" 0
A_OFF="  Kantor (semua SOP): 4 dari 6 berkas selesai dalam batas SOP (66,7%); bulan lalu 1 dari 2 (50,0%); 2 berkas masih terbuka di akhir bulan."
A_R="  Izin Reklame: 3 dari 4 berkas selesai dalam batas SOP (75,0%); bulan lalu 1 dari 1 (100,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 3, Tim Teknis (rata-rata 1,8 hari di atas mutu baku); 1 berkas diambil pemohon lewat batas (bukan keterlambatan kantor); 1 berkas terbuka sudah lewat batas di akhir bulan (RK/0619/VI/2025)."
A_B="  Surat Izin Praktik Bidan: 1 dari 2 berkas selesai dalam batas SOP (50,0%); bulan lalu 0 dari 1 (0,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 3, Back Office (rata-rata 1,0 hari di atas mutu baku)."
expect_eq "answer: the office, this month against last" "$(sed -n 2p <<<"$OUT")" "$A_OFF"
expect_eq "answer: Izin Reklame, with the berkas collected late by the applicant" "$(sed -n 3p <<<"$OUT")" "$A_R"
expect_eq "answer: SIP Bidan, no applicant-late clause when none" "$(sed -n 4p <<<"$OUT")" "$A_B"
run "$MUTU" "${REP[@]}" --format json --out "$TMP/oen" --lang en
expect_eq "answer (en): Izin Reklame" "$(sed -n 3p <<<"$OUT")" \
	"  Izin Reklame: 3 of 4 files finished within the SOP ceiling (75.0%); last month 1 of 1 (100.0%); 1 late, losing the most time at step 3, Tim Teknis (on average 1.8 d over the mutu baku); 1 file collected by the applicant after the deadline (not the office's delay); 1 open file past its ceiling at month end (RK/0619/VI/2025)."

# ---- the JSON's figures, as worked out above --------------------------
jfig() { # FILE
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
out = []
for g in d["groups"]:
    s = g["summary"]
    out.append("%s %d/%d med %s p90 %s max %s late-coll %s ret %s resub %s open %d past %d days %d" % (
        g["id"], s["within"], s["finished"], s["lead_median"], s["lead_p90"], s["lead_max"],
        s.get("applicant_late"), s["returned_before_acceptance"], s["resubmit_median"],
        s["open_at_month_end"], s["open_past_ceiling"], s["working_days"]))
    t = g["trend"][-2]
    out.append("  may %d/%d; open %s" % (t["within"], t["finished"],
        " ".join("%s:%s:%s" % (c["case"], c["age"], c["age_text"]) for c in g["open_cases"])))
print("\n".join(out))
PY
}
WANT_J="office 4/6 med 990 p90 1455 max 1830 late-coll 1 ret 1 resub 555 open 2 past 1 days 18
  may 1/2; open RK/0619/VI/2025:3090:6 Hari 6 Jam 30 Menit SB/0630/VI/2025:400:6 Jam 40 Menit
izin-reklame-banjar 3/4 med 990 p90 1596 max 1830 late-coll 1 ret 1 resub 555 open 1 past 1 days 18
  may 1/1; open RK/0619/VI/2025:3090:6 Hari 6 Jam 30 Menit
sip-bidan-banjar 1/2 med 797.5 p90 1023.5 max 1080 late-coll 0 ret 0 resub None open 1 past 0 days 18
  may 0/1; open SB/0630/VI/2025:400:6 Jam 40 Menit"
expect_eq "JSON: shares, lead distribution, applicant_late, returns, open ages, May" \
	"$(jfig "$TMP/o/report-2025-06.json")" "$WANT_J"
# the second report reads the cases' kept measures (docs/store.md, "Case
# measures"): the applicant_late bit must come back from them
"$MUTU" "${REP[@]}" --format json --out "$TMP/o2" >/dev/null 2>&1
expect_eq "JSON from the kept measures: the same figures" "$(jfig "$TMP/o2/report-2025-06.json")" "$WANT_J"
# a range of months, from the events (no kept measures): June as above,
# May with none collected late (RK/0520 collected Wed 21 15:10, within)
MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --db "$DB" --models $M --month 2025-05..2025-06 \
	--format json --out "$TMP/rng" >/dev/null 2>&1
expect_eq "range May..June, from the events: June's figures" "$(jfig "$TMP/rng/report-2025-06.json")" "$WANT_J"
got=$(python3 -c "
import json
d = json.load(open('$TMP/rng/report-2025-05.json'))
print(' '.join('%s:%d/%d:%d' % (g['id'], g['summary']['within'], g['summary']['finished'], g['summary']['applicant_late']) for g in d['groups']))")
expect_eq "range: May, none collected late" "$got" "office:1/2:0 izin-reklame-banjar:1/1:0 sip-bidan-banjar:0/1:0"
# step 3 of each SOP and the office's pelaksana rows: no. n median p90
# share_over excess late_excess
got=$(python3 - "$TMP/o/report-2025-06.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = {x["id"]: x for x in d["groups"]}
out = []
for sid in ("izin-reklame-banjar", "sip-bidan-banjar"):
    for r in g[sid]["steps"]:
        out.append("%s %d %s n%d %s %s %s %s %s" % (sid[:3], r["no"], r["actor"], r["n"], r["median"], r["p90"],
                                               r["share_over"], r["excess"], r["late_excess"]))
for r in g["office"]["actors"]:
    out.append("office %s n%d %s %s %s" % (r["actor"], r["n"], r["median"], r["p90"], round(r["share_over"], 4)))
print("\n".join(out))
PY
)
# R step 2: 5 checks (RK/0616's check that sent it back counts), all 15;
# step 5 the collection 15 15 10 15.  B step 1 10 10, step 2 15 20
# (median 17.5, p90 15 + 0.9 x 5 = 19.5), step 3 450 900 (median 675,
# p90 855).  Office: Pemohon 12 (R 8 + B 4), Front Office 7 (six 15, one
# 20: p90 h = 5.4 -> 17), Kepala Dinas 6.
expect_eq "JSON: per step and per pelaksana against waktu" "$got" \
"izi 1 Pemohon n4 15 15 0 0 0
izi 2 Front Office n5 15 15 0 0 0
izi 3 Tim Teknis n4 960 1503 0.5 930 810
izi 4 Kepala Dinas n4 30 30 0 0 0
izi 5 Pemohon n4 15 15 0 0 0
sip 1 Pemohon n2 10 10 0 0 0
sip 2 Front Office n2 17.5 19.5 0.5 5 0
sip 3 Back Office n2 675 855 0.5 450 450
sip 4 Kepala Dinas n2 30 30 0 0 0
sip 5 Pemohon n2 10 10 0 0 0
office Pemohon n12 15 15 0
office Front Office n7 15 17 0.1429
office Tim Teknis n4 960 1503 0.5
office Kepala Dinas n6 30 30 0
office Back Office n2 675 855 0.5"

# ---- CSV and the workbook ----------------------------------------------
run "$MUTU" "${REP[@]}" --format csv --out -
expect_out_has "CSV: Izin Reklame's applicant_late" "izin-reklame-banjar,summary,,applicant_late,1"
expect_out_has "CSV: the office's applicant_late" "office,summary,,applicant_late,1"
expect_out_has "CSV: SIP Bidan's applicant_late 0" "sip-bidan-banjar,summary,,applicant_late,0"
"$MUTU" "${REP[@]}" --format xlsx --out "$TMP/x" >/dev/null 2>&1
X=$TMP/x/report-2025-06.xlsx
got=$(for c in L1 A2 L2 A3 L3 A4 E4 L4; do python3 tests/cli/xlsx_cells.py "$X" cell Ringkasan $c | cut -d' ' -f2-; done | paste -sd'|')
expect_eq "XLSX summary: the applicant-late column, per SOP and the office" "$got" \
	"Diambil pemohon lewat batas (bukan keterlambatan kantor)|Izin Reklame|1 #,##0|Surat Izin Praktik Bidan|0 #,##0|Kantor (semua SOP)|2 #,##0|1 #,##0"
# schema: the JSON (id, en) stays valid with applicant_late
if python3 -c 'import jsonschema' 2>/dev/null; then
	got=$(python3 - "$TMP/o/report-2025-06.json" "$TMP/oen/report-2025-06.json" <<'PY'
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open("docs/schema/report.schema.json")))
print(" ".join(str(len(list(v.iter_errors(json.load(open(f)))))) for f in sys.argv[1:]))
PY
)
	expect_eq "JSON schema: June report (id, en) valid" "$got" "0 0"
else
	ok "JSON schema: skipped (python3-jsonschema not installed)"
fi

# ---- HTML: the answer first, the summary per SOP ------------------------
"$MUTU" "${REP[@]}" --format html --out "$TMP/h" >/dev/null 2>&1
H=$TMP/h/report-2025-06.html
got=$(python3 - "$H" <<'PY'
import re, sys, html
d = open(sys.argv[1], encoding="utf-8").read()
def text(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s)).strip()
sec = d[d.find('id="answer"'):]
lis = re.findall(r"<li[^>]*>(.*?)</li>", sec, re.S)
out = [text(lis[1]) if len(lis) > 1 else ""]
t = d[d.find('class="t-sops"'):]
t = t[:t.find("</table>")]
out.append("|".join(text(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", t, re.S)))
for row in re.findall(r"<tr[^>]*>(.*?)</tr>", t, re.S)[1:]:
    out.append("|".join(text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)))
print("\n".join(out))
PY
)
expect_eq "HTML: the answer's second line, the summary per SOP with late and open-past columns and the office row" "$got" \
"${A_R#  }
SOP|Selesai|Dalam batas|% dalam batas|Terlambat|Median (hari)|p90 (hari)|Terbuka|Terbuka lewat batas
Izin Reklame|4|3|75,0%|1|2,20|3,55|1|1
Surat Izin Praktik Bidan|2|1|50,0%|1|1,77|2,27|1|0
Kantor (semua SOP)|6|4|66,7%|2|2,20|3,23|2|1"
case "$(grep -c 'Diambil pemohon lewat batas (bukan keterlambatan kantor)' "$H")" in
0) not_ok "HTML: a card counts the berkas collected late by the applicant" ;;
*) ok "HTML: a card counts the berkas collected late by the applicant" ;;
esac

# ---- the daily chart ends with the month --------------------------------
# June has 30 days: the x axis (ticks 1, 3, ... 29) ran on to a tick 31
# when gnuplot autoscaled it past day 30's bar (daily.gp).
if command -v gnuplot >/dev/null 2>&1; then
	"$MUTU" "${REP[@]}" --format md --out "$TMP/md" >/dev/null 2>&1
	got=$(grep -o '<tspan[^>]*> *[0-9]*</tspan>' "$TMP/md/report-2025-06-office-daily.svg" |
		sed 's/<[^>]*>//g; s/ //g' | grep -cx '31')
	expect_eq "daily chart: no day 31 in June" "$got" "0"
else
	echo "ok - SKIP daily chart: gnuplot is not installed"
fi

# ---- HTML in Debian's chromium: no table scrolls sideways at 1280 px ----
# A copy without the Content-Security-Policy (it forbids scripts) and with
# a script listing every table box (.tw) whose content is wider than the
# box: on a 1280-pixel screen a manager must not have to scroll a table
# to see its last columns.
if ! command -v chromium >/dev/null 2>&1; then
	echo "ok - SKIP chromium checks: chromium is not installed (Debian package chromium; make deps)"
else
	"$MUTU" "${REP[@]}" --format html --lang en --out "$TMP/he" >/dev/null 2>&1
	"$MUTU" audit --db "$DB" --models $M --from 2025-06-01 --to 2025-06-30 --format html \
		--out "$TMP/audit.html" >/dev/null 2>&1
	for f in "$H" "$TMP/he/report-2025-06.html" "$TMP/audit.html"; do
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
		expect_eq "browser, $(basename "$(dirname "$f")")/$(basename "$f"): no table scrolls sideways at 1280 px" "$w" "none"
	done
fi

# ---- the audit: per case and step, flags --------------------------------
# case: finished working over late flags; steps no:in_clock:flags
aud() { # CASE
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['finished'], round(c['working']), round(c['over']), c['late'], ','.join(c['flags']) or '-',
      ' '.join('%d:%d:%s' % (s['step'], s['in_clock'], ','.join(s['flags']) or '-') for s in c['steps']),
      ' '.join('%s@%d:%d' % (f['flag'], f['step'], round(f['actual'])) for f in c['findings']
               if f['flag'] in ('applicant_late', 'over')))"
}
expect_eq "audit RK/0605: in time (690), the collection PEMOHON-LAMA, 1605 min the applicant's" \
	"$(aud RK/0605/VI/2025)" \
	"True 690 0 False applicant_late 1:0:- 2:0:- 3:1:- 4:1:- 5:0:applicant_late applicant_late@5:1605"
expect_eq "audit SB/0610: late by 180, steps 2 and 3 over" "$(aud SB/0610/VI/2025)" \
	"True 1080 180 True over,late 1:0:- 2:0:over 3:1:over 4:1:- 5:0:- over@2:20 over@3:900"
expect_eq "audit RK/0602: in time though step 3 ran 120 over" "$(aud RK/0602/VI/2025)" \
	"True 1050 0 False over 1:0:- 2:0:- 3:1:over 4:1:- 5:0:- over@3:1020"
expect_eq "audit RK/0616: handed back before acceptance, steps 1 and 2 again" "$(aud RK/0616/VI/2025)" \
	"True 930 0 False rework 1:0:- 2:0:- 1:0:rework 2:0:rework 3:1:- 4:1:- 5:0:- "
run "$MUTU" audit --db "$DB" --models $M --from 2025-06-01 --to 2025-06-30
expect_out_has "text audit: the PEMOHON-LAMA finding, 3,6 hari after the office" \
	"[PEMOHON-LAMA] langkah 5 (pemohon) selesai lewat batas waktu, 3,6 hari setelah kantor selesai: waktu pemohon, bukan keterlambatan kantor"
expect_out_has "text audit: SB/0610 late by 3,0 jam" "TERLAMBAT 3,0 jam"
# the summary's labels whole (cut at 44 characters before: "bukan w…")
expect_out_has "text audit summary: one PEMOHON-LAMA case, its label whole" \
	"[PEMOHON-LAMA] pemohon lewat batas, bukan waktu kantor         1"
expect_out_has "text audit summary: ORANG-SAMA's label whole" "[ORANG-SAMA] orang yang sama memeriksa dan menyetujui    "
run "$MUTU" audit --db "$DB" --models $M --from 2025-06-01 --to 2025-06-30 --lang en
expect_out_has "text audit summary (en): APPLICANT-LATE's label whole" \
	"[APPLICANT-LATE] applicant past the deadline, not the office   1"
