#!/usr/bin/env bash
# tests/cli/test_report_field.sh - a field test of the manager's and the
# auditor's outputs on small hand-written logs (tests/data/report-field/)
# whose every figure is worked out below by hand:
#   - one month's figures agree across HTML, Markdown, CSV, JSON, XLSX and
#     the CLI's answer, and in English;
#   - edge months: an SOP with no case, every berkas late, only open cases,
#     Idul Fitri's cuti bersama, December -> January, February of the leap
#     years 2024 (in the calendars) and 2028 (outside them);
#   - the HTML in Debian's chromium (headless): answer first, charts inline,
#     a long SOP and pelaksana title inside 1280 px, offline, UTF-8;
#   - the audit of three cases (a weekend, a libur nasional, a pause at
#     the Pemohon) step by step;
#   - the province report of three offices in WIB, WITA and WIT.
#
# The model (tests/data/report-field/models/rf-izin.ini, calendar id-wib):
# steps 30 Menit (Pemohon), 30 Menit (Front Office, the check that can
# reject: the SLA clock starts at its end), 1 Hari = 450 min (Tim Teknis),
# 1 Jam (Kepala Dinas; the clock stops at its end).  Ceiling (2 Hari) =
# 900 working minutes.  Office hours Mon-Thu 07:30-12:00 13:00-16:00, Fri
# 07:30-11:30 13:00-16:30: 450 minutes a day; holidays from
# datasets/calendars/id-holidays-2024-2026.csv.
#
# June 2025 (18 working days: 21 weekdays less 6 Jun Idul Adha, 9 Jun cuti
# bersama, 27 Jun 1 Muharam):
#   J1 (a weekend): accepted Thu 12 Jun 14:00; step 3 to Mon 16 Jun 10:00 =
#      Thu 120 + Fri 450 + Mon 150 = 720 (over 1 Hari by 270); step 4
#      10:00-10:30 = 30.  Lead 750 <= 900: within.
#   J2 (a libur nasional and a cuti bersama): accepted Thu 5 Jun 10:00;
#      step 3 to Tue 10 Jun 13:30 = Thu 300 + (Fri 6 LN, weekend, Mon 9 CB)
#      + Tue 270 + 30 = 600 (over by 150); step 4 Tue 13:30 -> Wed 11 Jun
#      11:00 = 150 + 210 = 360 (over 1 Jam by 300).  Lead 960: late by 60;
#      the step that lost the most time is step 4 (300 > 150).
#   J3 (a pause at the Pemohon): accepted Mon 16 Jun 09:00; step 3 sends it
#      back Tue 17 Jun 09:00 (450); the Pemohon resubmits Thu 19 Jun 10:00:
#      paused Tue 09:00 -> Thu 10:00 = 360 + 450 + 150 = 960; step 2 again
#      10:00-10:30 (30), step 3 10:30 -> Fri 20 Jun 09:00 = 270 + 90 = 360,
#      step 4 09:00-10:00 (60).  Lead 450 + 30 + 360 + 60 = 900: exactly
#      the ceiling, within ("paling lama" is at most).
#   J5: accepted Wed 25 Jun 10:00, step 3 open: age at month end Wed 300 +
#      Thu 450 + (Fri 27 LN) + Mon 30 450 = 1200 > 900: open past ceiling.
#   -> 3 finished, 2 within (66,7%), 1 late; leads 750 900 960: median 900
#      = 2,00 hari kerja, p90 (linear, h = 0.9 x 2 = 1.8) 900 + 0.8 x 60 =
#      948 = 2,11; max 960 = 2,13; the worst step 4, Kepala Dinas, 300 min
#      = 5,0 jam on average per late execution (one: J2).
. tests/cli/lib.sh

F=tests/data/report-field
M=$F/models
DB=$TMP/k.db
run "$MUTU" ingest $F/kantor.csv --db "$DB" --models $M --quiet
expect_rc "the field log ingests" 0
REP=(report monthly --db "$DB" --models $M)

# ---- June 2025: the same figures in every format ------------------------
ANS_ID="Izin Uji Lapangan: 2 dari 3 berkas selesai dalam batas SOP (66,7%); 1 terlambat, paling banyak kehilangan waktu di langkah 4, Kepala Dinas (rata-rata 5,0 jam di atas mutu baku); 1 berkas terbuka sudah lewat batas di akhir bulan (J5)."
ANS_EN="Izin Uji Lapangan: 2 of 3 files finished within the SOP ceiling (66.7%); 1 late, losing the most time at step 4, Kepala Dinas (on average 5.0 h over the mutu baku); 1 open file past its ceiling at month end (J5)."
for f in html md csv json xlsx; do
	run "$MUTU" "${REP[@]}" --month 2025-06 --format $f --out "$TMP/id"
	expect_rc "June 2025 as $f: exit 0" 0
	expect_out_has "June 2025 as $f: the CLI prints the answer" "  $ANS_ID"
	run "$MUTU" "${REP[@]}" --month 2025-06 --format $f --out "$TMP/en" --lang en
	expect_out_has "June 2025 as $f, --lang en: the CLI's answer in English" "  $ANS_EN"
done
# every format read back by a reader of its own, the five figures side by
# side: finished, within, share (per cent, one decimal), median and p90 in
# working minutes, and the worst step with its excess in minutes
WANT="3 2 66.7 900 948 4:300"
figs=$(python3 - "$TMP/id/report-2025-06" "$TMP/en/report-2025-06" <<'EOF'
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET
out = []
for base in sys.argv[1:]:
    # JSON: minutes
    g = [g for g in json.load(open(base + ".json"))["groups"] if g["id"] == "rf-izin"][0]
    s = g["summary"]
    w = max(g["steps"], key=lambda t: t["late_excess"])
    out.append("json %d %d %.1f %d %d %d:%d" % (s["finished"], s["within"], 100 * s["share_within"],
               s["lead_median"], s["lead_p90"], w["no"], w["late_excess"]))
    # CSV (long form): days and hours, 450 minutes to the day
    rows = {(r["group"], r["section"], r["item"], r["metric"]): r["value"] for r in csv.DictReader(open(base + ".csv"))}
    v = lambda sec, item, m: rows[("rf-izin", sec, item, m)]
    steps = sorted({k[2] for k in rows if k[0] == "rf-izin" and k[1] == "steps"})
    ws = max(steps, key=lambda n: float(v("steps", n, "late_excess_hours")))
    out.append("csv %s %s %.1f %d %d %s:%d" % (v("summary", "", "finished"), v("summary", "", "within"),
               100 * float(v("summary", "", "share_within")), round(450 * float(v("summary", "", "lead_median_days"))),
               round(450 * float(v("summary", "", "lead_p90_days"))), ws, round(60 * float(v("steps", ws, "late_excess_hours")))))
    # XLSX: the summary sheet (days) and the steps sheet (hours)
    NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(base + ".xlsx")
    sh = [si.findtext(".//m:t", "", NS) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    def sheet(n):
        rs = {}
        for c in ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % n)).iter("{%s}c" % NS["m"]):
            val = c.findtext("m:v", None, NS)
            r = int(re.sub("[A-Z]", "", c.get("r")))
            rs.setdefault(r, {})[re.sub(r"\d", "", c.get("r"))] = sh[int(val)] if c.get("t") == "s" else val
        return rs
    r = [r for r in sheet(1).values() if r.get("A") == "Izin Uji Lapangan"][0]
    st = [r for r in sheet(2).values() if r.get("A") == "Izin Uji Lapangan"]
    wx = max(st, key=lambda r: float(r["K"]))
    out.append("xlsx %s %s %.1f %d %d %s:%d" % (r["B"], r["C"], 100 * float(r["D"]), round(450 * float(r["F"])),
               round(450 * float(r["G"])), wx["B"], round(60 * float(wx["K"]))))
    # Markdown and HTML: the SOP's section, as the page shows it (2,00 / 2.00 days)
    for ext in ("md", "html"):
        d = open(base + "." + ext).read()
        i = d.index("## Izin Uji Lapangan") if ext == "md" else d.index('id="sop-rf-izin"')
        d = re.sub(r"<[^>]+>", " ", d[i:i + 6000]).replace("*", "")
        num = lambda t: float(t.replace(",", ".")) if "," in t else float(t)
        fin = re.search(r"(?:Kasus selesai|Cases finished):?\s+(\d+)", d)[1]
        share = re.search(r"(?:Selesai dalam batas SOP|Finished within the SOP ceiling):?\s+([\d.,]+)%\s+\((\d+) (?:dari|of) (\d+)\)", d)
        med = re.search(r"(?:Median waktu penyelesaian \(hari kerja\)|Median lead time \(working days\)):?\s+([\d.,]+)", d)[1]
        p90 = re.search(r"p90 \((?:hari kerja|working days)\):?\s+([\d.,]+)", d)[1]
        # shown in days with two decimals: compared as days
        out.append("%s %s %s %.1f %.2f %.2f" % (ext, fin, share[2], num(share[1]), num(med), num(p90)))
print("\n".join(out))
EOF
)
while read -r fmt rest; do
	case $fmt in
	# 900 / 450 = 2.00 and 948 / 450 = 2.1067 working days, two decimals
	md | html) expect_eq "June 2025, $fmt: finished, within, share, median, p90 as by hand" "$rest" "3 2 66.7 2.00 2.11" ;;
	*) expect_eq "June 2025, $fmt: finished, within, share, median, p90, worst step as by hand" "$rest" "$WANT" ;;
	esac
done <<<"$figs"
[ "$(wc -l <<<"$figs")" -eq 10 ] && ok "five readers x two languages read the figures" || not_ok "ten rows of figures" "$figs"

# ---- edge months, from the JSON (minutes) and the CLI's answer ----------
# figures: SOP month -> finished within share median p90 max open past_ceiling working_days
jfig() { # MONTH SOP
	python3 - "$TMP/j/report-$1.json" "$2" <<'PY'
import json, sys
g = [g for g in json.load(open(sys.argv[1]))["groups"] if g["id"] == sys.argv[2]][0]["summary"]
f = lambda k: "null" if g[k] is None else ("%g" % g[k])
print(" ".join(f(k) for k in ("finished", "within", "share_within", "lead_median", "lead_p90", "lead_max",
                              "open_at_month_end", "open_past_ceiling", "working_days")))
PY
}
for m in 2024-02 2025-04 2025-05 2025-06 2025-07 2026-01; do
	run "$MUTU" "${REP[@]}" --month $m --format json --out "$TMP/j"
	expect_rc "$m as json: exit 0" 0
	eval "ANS_$(tr -d - <<<$m)=\$OUT"
done
# May 2025, every berkas late (rf-panjang, ceiling (1 Hari) = 450; 17
# working days: 22 weekdays less 1 May, 12 May, 29 May (LN), 13 and 30 May
# (CB)): P1 accepted Fri 2 May 08:30, done Mon 5 May 10:30 = Fri 180 + 210
# + Mon 180 = 570; P2 Tue 6 May 09:00 -> Wed 7 May 10:00 = 360 + 150 = 510.
# Both late: 0 of 2, median 540, p90 510 + 0.9 x 60 = 564, max 570; step 3
# (waktu 2 Jam) over by 450 and 390: 420 min = 7,0 jam on average.
expect_eq "May 2025, every berkas late: 0 of 2, share 0 (not absent), leads by hand" \
	"$(jfig 2025-05 rf-panjang)" "2 0 0 540 564 570 0 0 17"
case "$ANS_202505" in *"Kabupaten: 0 dari 2 berkas selesai dalam batas SOP (0,0%); 2 terlambat, paling banyak kehilangan waktu di langkah 3, Kepala Seksi Pelayanan Perizinan dan Non Perizinan Bidang Penanaman Modal Terpadu (rata-rata 7,0 jam di atas mutu baku)."*)
	ok "May 2025: the answer names step 3 and its long pelaksana, 7,0 jam" ;;
*) not_ok "May 2025: the answer names step 3, 7,0 jam" "$ANS_202505" ;; esac
# no case of an SOP in the month: no share at all (null), never 0% or 100%
expect_eq "May 2025, rf-izin has no case: finished 0, no share, no median" \
	"$(jfig 2025-05 rf-izin)" "0 0 null null null null 0 0 17"
expect_eq "June 2025, rf-panjang has no case: no share, no median" \
	"$(jfig 2025-06 rf-panjang)" "0 0 null null null null 0 0 18"
expect_eq "June 2025, rf-izin: the figures worked out at the top" \
	"$(jfig 2025-06 rf-izin)" "3 2 0.666667 900 948 960 1 1 18"
# ... beside May's share, 0 of 2 (both late: the every-late month above;
# test_report_field5.sh: an empty month says last month's share)
case "$ANS_202506" in *"Kabupaten: belum ada berkas yang selesai bulan ini; bulan lalu 0 dari 2 (0,0%)."*) ok "June 2025: the SOP without a case says so" ;;
*) not_ok "June 2025: the SOP without a case says so" "$ANS_202506" ;; esac
# July 2025, only open cases (23 working days, no holiday): J5 (accepted
# Wed 25 Jun 10:00) is 1200 + 23 x 450 = 11550 old at 31 Jul 24:00, J6
# (accepted Mon 14 Jul 09:00) 360 + 13 x 450 = 6210; both past 900
expect_eq "July 2025, only open cases: none finished, 2 open past the ceiling" \
	"$(jfig 2025-07 rf-izin)" "0 0 null null null null 2 2 23"
got=$(python3 -c "import json; g=[g for g in json.load(open('$TMP/j/report-2025-07.json'))['groups'] if g['id']=='rf-izin'][0]; print(' '.join('%s:%d' % (c['case'], c['age']) for c in g['open_cases']))")
expect_eq "July 2025: the open cases' ages in working minutes" "$got" "J5:11550 J6:6210"
case "$ANS_202507" in *"Izin Uji Lapangan: belum ada berkas yang selesai bulan ini; bulan lalu 2 dari 3 (66,7%); 2 berkas terbuka sudah lewat batas di akhir bulan (tertua J5, J6)."*)
	ok "July 2025: the answer names the two open files past the ceiling" ;;
*) not_ok "July 2025: the answer names the open files" "$ANS_202507" ;; esac
# April 2025, Idul Fitri: I1 accepted Thu 27 Mar 14:00 (Ramadan hours, to
# 15:00: 60), then 28 Mar CB, 31 Mar and 1 Apr LN, 2-4 and 7 Apr CB, done
# Tue 8 Apr 11:00 (07:30-10:00 = 150, step 4 60): lead 270, within; a count
# of weekends only would add 7 x 450.  April: 22 weekdays less 1 Apr, 18 Apr
# (LN), 2, 3, 4, 7 Apr (CB) = 16 working days.  Calendar time 27 Mar 14:00
# -> 8 Apr 11:00 = 11 d 21 h = 17100 min.
expect_eq "April 2025 (Idul Fitri, cuti bersama): lead 270, within, 16 working days" \
	"$(jfig 2025-04 rf-izin)" "1 1 1 270 270 270 0 0 16"
got=$(python3 -c "import json; g=[g for g in json.load(open('$TMP/j/report-2025-04.json'))['groups'] if g['id']=='rf-izin'][0]; print(g['summary']['calendar_median'])")
expect_eq "April 2025: calendar time 11 d 21 h" "$got" "17100"
# December -> January: D1 accepted Wed 24 Dec 14:00 (120), 25 Dec LN, 26
# Dec CB, Mon 29 Dec to 14:00 (330), step 4 60: 510, within; N1 accepted
# Wed 31 Dec 10:00 (300), 1 Jan LN, Fri 2 Jan 450, Mon 5 Jan to 11:00
# (210): 960, late, step 3 over by 450 = 1,0 hari.  January 2026: 22
# weekdays less 1 and 16 Jan (LN) = 20 working days.
expect_eq "January 2026: N1 across the year's end, 960, late" \
	"$(jfig 2026-01 rf-izin)" "1 0 0 960 960 960 2 2 20"
got=$(python3 -c "
import json; g=[g for g in json.load(open('$TMP/j/report-2026-01.json'))['groups'] if g['id']=='rf-izin'][0]
print(' '.join('%s:%d:%s:%s' % (t['month'], t['finished'], t['share_within'], t['lead_median']) for t in g['trend'][-3:]))")
expect_eq "January 2026: the trend across the year boundary" "$got" "2025-11:0:None:None 2025-12:1:1:510 2026-01:1:0:960"
case "$ANS_202601" in *"Izin Uji Lapangan: 0 dari 1 berkas selesai dalam batas SOP (0,0%); bulan lalu 1 dari 1 (100,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 3, Tim Teknis (rata-rata 1,0 hari di atas mutu baku)"*)
	ok "January 2026: the answer names step 3, 1,0 hari" ;;
*) not_ok "January 2026: the answer names step 3" "$ANS_202601" ;; esac
# February 2024, a leap year in the calendars: L1 accepted Tue 27 Feb 10:00
# (300), Wed 28 450, Thu 29 Feb to 10:30 (180): 930, late by 30.  29 days,
# 21 weekdays less 8 Feb (LN), 9 Feb (CB), 14 Feb (election day) = 18.
expect_eq "February 2024 (leap year): 29 Feb counted, 930, 18 working days" \
	"$(jfig 2024-02 rf-izin)" "1 0 0 930 930 930 0 0 18"
# the range mode gives each month the file the month alone gives (but for
# the counts of what was read), across the year boundary too
run "$MUTU" "${REP[@]}" --month 2025-04..2026-01 --format json --out "$TMP/range"
expect_rc "range 2025-04..2026-01: exit 0" 0
n=0
for m in 2025-04 2025-05 2025-06 2025-07 2026-01; do
	a=$(sed -E 's/"(cases_read|events_read)": *[0-9]+//g' "$TMP/range/report-$m.json")
	b=$(sed -E 's/"(cases_read|events_read)": *[0-9]+//g' "$TMP/j/report-$m.json")
	[ "$a" = "$b" ] && n=$((n + 1))
done
expect_eq "range: the edge months' files equal the single months'" "$n" 5
[ "$(ls "$TMP/range" | wc -l)" -eq 10 ] && ok "range: ten files, 2025-04 .. 2026-01" ||
	not_ok "range: ten files" "$(ls "$TMP/range")"
# February 2028 is past the calendars (2024-2026): refused with the reason,
# exit 2, from a store with and without a case in it
run "$MUTU" "${REP[@]}" --month 2028-02 --format json --out -
expect_rc "February 2028: exit 2" 2
expect_err_has "February 2028: the calendar's years named" "calendar id-wib covers 2024-2026; 2028-02 is outside it"
DBX=$TMP/x.db
"$MUTU" ingest $F/kabisat-2028.csv --db "$DBX" --models $M --quiet
run "$MUTU" report monthly --db "$DBX" --models $M --month 2028-02 --format json --out -
expect_rc "February 2028 with its case in the store: exit 2" 2
expect_err_has "February 2028 with its case: the calendar's years named" "covers 2024-2026"
# --month latest on a store whose one finished case (X1, 29 Feb 2028) lies
# past the calendar: the case cannot be measured, and the message must say
# so (the calendar's years), not that the store has no finished case
run "$MUTU" report monthly --db "$DBX" --models $M --month latest --format json --out -
expect_rc "latest, the one case past the calendar: exit 2" 2
expect_err_has "latest, the one case past the calendar: the reason named" "outside calendar id-wib (2024-2026)"
case "$ERR" in *"no finished case"*) not_ok "latest: not 'the store has no finished case' (X1 is finished)" "$ERR" ;;
*) ok "latest: not 'the store has no finished case' (X1 is finished)" ;; esac

# ---- audit: three cases step by step (JSON minutes, text as shown) ------
# J1 across a weekend, J2 across a libur nasional and a cuti bersama, J3
# paused at the Pemohon: per step, actual working minutes and the standard
# (worked out at the top of this file)
aud() { # CASE -> "step:actual/standard ..." then working paused ceiling late over
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(' '.join('%d:%d/%s' % (s['step'], s['actual'], s['standard']) for s in c['steps']),
      c['working'], c['paused'], c['ceiling'], c['late'], c['over'])"
}
expect_eq "audit J1 (weekend): step 3 Thu 14:00 -> Mon 10:00 = 720 of 450; lead 750, within" \
	"$(aud J1)" "1:30/30 2:30/30 3:720/450 4:30/60 750 0 900 False 0"
expect_eq "audit J2 (6 Jun LN, 9 Jun CB): step 3 600, step 4 360 of 60; lead 960, late by 60" \
	"$(aud J2)" "1:30/30 2:30/30 3:600/450 4:360/60 960 0 900 True 60"
# (the return to the Pemohon is the applicant's time: no standard judges it)
expect_eq "audit J3 (at the Pemohon Tue 09:00 -> Thu 10:00 = 960, off the clock): lead 900, within" \
	"$(aud J3)" "1:30/30 2:30/30 3:450/450 1:960/None 2:30/30 3:360/450 4:60/60 900 960 900 False 0"
run "$MUTU" audit --case J2 --db "$DB" --models $M
# what breaks the SOP in J2: step 4 (300 over its waktu) more than step 3 (150)
expect_out_has "audit J2: late, the biggest cause step 4" "kasus lewat batas: 2,1 hari > 2,0 hari; penyebab terbesar langkah 4"
expect_out_has "audit J2: step 4 6,0 jam against 1,0 jam" "langkah 4 lewat waktu: 6,0 jam > 1,0 jam (lebih 5,0 jam)"
expect_out_has "audit J2: local times in WIB" "diterima lengkap: 5 Jun 2025 10:00 WIB; selesai: 11 Jun 2025 11:00 WIB"
run "$MUTU" audit --case J3 --db "$DB" --models $M --lang en
expect_out_has "audit J3 --lang en: the pause, 960 min = 2.1 d" "paused at the applicant 2.1 d"
expect_out_has "audit J3 --lang en: on time at exactly the ceiling" "working time: 2.0 d; ceiling 2.0 d (rounded); in time"
# a case that is in the store but past the calendar: the audit gives the
# reason and must not then say the case is not in the store
run "$MUTU" audit --case X1 --db "$DBX" --models $M
expect_rc "audit of X1 (2028, past the calendar): exit 2" 2
expect_err_has "audit of X1: the reason" "outside calendar id-wib (2024-2026)"
case "$ERR" in *"no case 'X1'"*) not_ok "audit of X1: not 'no case X1' (the case is there)" "$ERR" ;;
*) ok "audit of X1: not 'no case X1' (the case is there)" ;; esac
run "$MUTU" audit --case nope --db "$DBX" --models $M
expect_err_has "audit of a case that is not there: still 'no case'" "no case 'nope'"

# ---- charts: numbers in the report's language ---------------------------
# the tick labels of June's lead-time histogram (x: 0 .. 2,5 working days
# in steps of 0,5): "0,5" in Bahasa Indonesia as every other number of the
# page ("batas SOP 2,00"), "0.5" in English
ticks() { # SVG -> its numeric tick labels
	python3 - "$1" <<'PY'
import re, sys, html
t = [html.unescape(x).strip() for x in re.findall(r"<tspan[^>]*>(.*?)</tspan>", open(sys.argv[1]).read(), re.S)]
print(" ".join(x for x in t if re.fullmatch(r"[\d.,]+", x)))
PY
}
got=$(ticks "$TMP/id/report-2025-06-sop-rf-izin-lead.svg")
case " $got " in *" 0,5 "*" 1,5 "*) case "$got" in *.*) not_ok "Indonesian chart ticks with a decimal comma" "$got" ;; *) ok "Indonesian chart ticks with a decimal comma ($got)" ;; esac ;;
*) not_ok "Indonesian chart ticks with a decimal comma" "$got" ;; esac
got=$(ticks "$TMP/en/report-2025-06-sop-rf-izin-lead.svg")
case " $got " in *" 0.5 "*" 1.5 "*) case "$got" in *,*) not_ok "English chart ticks with a decimal point" "$got" ;; *) ok "English chart ticks with a decimal point ($got)" ;; esac ;;
*) not_ok "English chart ticks with a decimal point" "$got" ;; esac
# the histogram against its ceiling: J1 (750 = 1,67 d) and J3 (900 = 2,00
# d, exactly the ceiling, within) stand left of the ceiling's dashed line,
# J2 (960 = 2,13 d, late) right of it: 2 cases left, 1 right, as the cards
# say (2 within, 1 late).  Bars read from the SVG: gnuplot fills each box
# with the series colour; the key's sample is the one short box.
bars() { # SVG -> "cases left of the ceiling, cases right of it"
	python3 - "$1" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
cx = [float(a) for a, c in re.findall(r"stroke='rgb\(192,  57,  43\)' stroke-dasharray='[^']*'  d='M([\d.]+),[\d.]+ L([\d.]+),", s) if a == c]
bars = []
for pts in re.findall(r"fill = 'rgb\( 46, 134, 193\)' fill-opacity = '[\d.]+' points = '([^']*)'", s):
    xy = [tuple(map(float, p.split(","))) for p in pts.split()]
    xs, ys = [x for x, y in xy], [y for x, y in xy]
    if max(ys) - min(ys) > 20:
        bars.append(((min(xs) + max(xs)) / 2, max(ys) - min(ys)))
unit = min(h for x, h in bars)   # one case: some bar holds exactly one
print(sum(round(h / unit) for x, h in bars if x < cx[0]), sum(round(h / unit) for x, h in bars if x > cx[0]))
PY
}
expect_eq "histogram: the case at exactly the ceiling stands left of its line (2 left, 1 right)" \
	"$(bars "$TMP/id/report-2025-06-sop-rf-izin-lead.svg")" "2 1"

# ---- the HTML in a real browser (Debian's chromium, headless) -----------
H=$TMP/id/report-2025-06.html
# offline and UTF-8, read from the file itself: no address outside the
# page (the charts are data: URIs), the charset declared first
grep -Eq '(src|href)="(https?:)?//' "$H" && not_ok "the page fetches nothing (no src/href to another host)" \
	"$(grep -Eo '(src|href)="(https?:)?//[^"]*' "$H" | head -3)" || ok "the page fetches nothing (no src/href to another host)"
grep -Eiq 'url\(|@import' "$H" && not_ok "the CSS loads nothing (no url(), no @import)" || ok "the CSS loads nothing (no url(), no @import)"
[ "$(sed -n 4p "$H")" = '<meta charset="utf-8">' ] && ok "the charset is declared (utf-8) before any text" ||
	not_ok "the charset is declared before any text" "$(sed -n 1,5p "$H")"
if ! command -v chromium >/dev/null 2>&1; then
	echo "ok - SKIP chromium checks: chromium is not installed (Debian package chromium; make deps)"
else
	chrome() { # FILE ARGS...: one headless run with a fresh profile, offline
		local f=$1
		shift
		timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$(mktemp -d "$TMP/prof.XXXXXX")" "$@" "file://$f" 2>"$TMP/chrome.err"
	}
	chrome "$H" --dump-dom >"$TMP/dom.html"
	got=$(python3 - "$TMP/dom.html" <<'PY'
import base64, re, sys
from html.parser import HTMLParser
order, imgs, lis = [], [], []
class P(HTMLParser):
    li = None
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2") or (tag == "section" and a.get("id") == "answer"):
            order.append(tag + ("#" + a["id"] if "id" in a else ""))
        if tag == "img":
            imgs.append(a.get("src", ""))
        if tag == "section":
            s.ans = a.get("id") == "answer"
        if tag == "li" and getattr(s, "ans", False):
            s.li = ""
    def handle_data(s, d):
        if s.li is not None: s.li += d
    def handle_endtag(s, tag):
        if tag == "li" and s.li is not None:
            lis.append(s.li.strip()); s.li = None
d = open(sys.argv[1]).read()
P().feed(d)
svg = [base64.b64decode(i.split(",", 1)[1]).decode() for i in imgs if i.startswith("data:image/svg+xml;base64,")]
drawn = sum(1 for x in svg if "<svg" in x and "gnuplot_plot_1" in x)
print(" ".join(order[:3]))
print(len(imgs), len(svg), drawn)
print(lis[1] if len(lis) > 1 else "")  # lis[0]: the office as a whole (two SOPs)
print("\ufffd" in d, "Baliho dan Videotron pada Ruang Milik Jalan Kabupaten" in d)
PY
)
	expect_eq "browser: the office (h1), then the answer, then the sections" "$(sed -n 1p <<<"$got")" "h1 section#answer h2"
	# 11 charts: the office (lead, trend, daily) and 4 per SOP (lead,
	# steps, trend, daily), each an inline gnuplot SVG that plots data
	expect_eq "browser: 11 charts, all inline SVG, all with a plot" "$(sed -n 2p <<<"$got")" "11 11 11"
	expect_eq "browser: the answer's line after the office's is June's sentence" "$(sed -n 3p <<<"$got")" "$ANS_ID"
	expect_eq "browser: no broken character, the long title whole" "$(sed -n 4p <<<"$got")" "False True"
	# nothing wider than a 1280-pixel screen, with the long SOP title and
	# the long pelaksana title (May: their steps table and audit); a copy
	# with a measuring script (the page's CSP forbids scripts)
	"$MUTU" "${REP[@]}" --month 2025-05 --out "$TMP/id" >/dev/null 2>&1
	"$MUTU" audit --db "$DB" --models $M --sop rf-panjang --from 2025-05-01 --to 2025-05-31 --format html \
		--out "$TMP/id/audit.html" 2>/dev/null
	for f in report-2025-06 report-2025-05 audit; do
		python3 - "$TMP/id/$f.html" "$TMP/$f-measure.html" <<'PY'
import re, sys
d = open(sys.argv[1]).read()
d = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', '', d)
js = """<script>
var w = 0, who = '';
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  var x = Math.max(r.right, e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX != 'visible' ? r.left + e.scrollWidth : 0);
  if (x > w) { w = x; who = e.tagName + '.' + e.className; }
});
var p = document.createElement('pre'); p.id = 'measured';
p.textContent = Math.ceil(Math.max(w, document.documentElement.scrollWidth)) + ' ' + who;
document.body.appendChild(p);
</script>"""
open(sys.argv[2], "w").write(d.replace("</body>", js + "</body>"))
PY
		chrome "$TMP/$f-measure.html" --window-size=1280,900 --dump-dom >"$TMP/m.html"
		w=$(sed -n 's/.*<pre id="measured">\([0-9]*\) \(.*\)<\/pre>.*/\1 \2/p' "$TMP/m.html")
		if [ -n "$w" ] && [ "${w%% *}" -le 1280 ]; then
			ok "browser, $f: nothing wider than 1280 px with the long titles (widest ${w%% *})"
		else
			not_ok "browser, $f: nothing wider than 1280 px" "widest: ${w:-not measured}"
		fi
	done
	# real pixels: the first screen is not blank
	chrome "$H" --window-size=1280,900 --screenshot="$TMP/first.png" >/dev/null
	got=$(python3 - "$TMP/first.png" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
w, h = struct.unpack(">II", d[16:24])
idat = b"".join(d[i + 8:i + 8 + struct.unpack(">I", d[i:i + 4])[0]] for i in range(8, len(d)) if d[i + 4:i + 8] == b"IDAT")
raw = zlib.decompress(idat)
print(w, h, len(set(raw[::97])) > 8)
PY
)
	expect_eq "browser: the first screen (1280x900) has content" "$got" "1280 900 True"
fi

# ---- --lang en: none of the report's Indonesian left; month names -------
cat $F/kantor.csv $M/*.ini >"$TMP/data.txt"
while read -r name n found; do
	if [ "${n:-0}" -gt 100 ] && [ -z "$found" ]; then
		ok "English $name: none of the report's $n Indonesian words"
	else
		not_ok "English $name: none of the report's Indonesian words" "found: $found (list of ${n:-0})"
	fi
done < <(python3 tests/cli/report_words_id.py "$TMP/data.txt" "$TMP/en/report-2025-06."{html,md,xlsx})
# the checker itself finds them in the Indonesian report (it can fail)
read -r _ _ found < <(python3 tests/cli/report_words_id.py "$TMP/data.txt" "$TMP/id/report-2025-06.html")
case " $found " in *" bulan "*" dalam "*) ok "the word check finds the Indonesian report's words" ;;
*) not_ok "the word check finds the Indonesian report's words" "$found" ;; esac
# month names: the title and the trend's last rows, in each language
expect_eq "month names: Juni 2025 / June 2025 in the titles" \
	"$(grep -c '^# Laporan Kepatuhan SOP Juni 2025$' "$TMP/id/report-2025-06.md") $(grep -c '^# SOP Compliance Report June 2025$' "$TMP/en/report-2025-06.md")" "1 1"
"$MUTU" "${REP[@]}" --month 2026-01 --format md --out "$TMP/id" >/dev/null 2>&1
"$MUTU" "${REP[@]}" --month 2026-01 --format md --out "$TMP/en" --lang en >/dev/null 2>&1
# the trend rows of December (D1: 510 = 1,13 d, within) and January (N1:
# 960 = 2,13 d, late)
sop_md() { awk '/^## /{on = ($0 == "## Izin Uji Lapangan")} on' "$1"; } # the SOP's section
got=$(sop_md "$TMP/id/report-2026-01.md" | grep -E '^\| (Desember 2025|Januari 2026) \|' | tr -s ' ')
expect_eq "trend in Bahasa Indonesia: Desember 2025, Januari 2026 with decimal commas" "$got" \
"| Desember 2025 | 1 | 100,0% | 1,13 |
| Januari 2026 | 1 | 0,0% | 2,13 |"
got=$(sop_md "$TMP/en/report-2026-01.md" | grep -E '^\| (December 2025|January 2026) \|' | tr -s ' ')
expect_eq "trend in English: December 2025, January 2026 with decimal points" "$got" \
"| December 2025 | 1 | 100.0% | 1.13 |
| January 2026 | 1 | 0.0% | 2.13 |"

# ---- province: three offices in WIB, WITA and WIT -----------------------
# tests/data/report-field/provinsi/: the same UTC instants in three offices
# (SOP rf-izin on id-wib, rf-izin-wita on id-wita, rf-izin-wit on id-wit;
# same steps, 900-minute ceiling).  Each office's hours are its own zone's:
#   case 1: accepted 2025-11-03 01:30Z (Mon 08:30 WIB, 09:30 WITA, 10:30
#     WIT), done 2025-11-04 09:00Z (Tue 16:00 WIB, 17:00 WITA, 18:00 WIT,
#     both after closing at 16:00): WIB 210 + 180 + 450 = 840, WITA 150 +
#     180 + 450 = 780, WIT 90 + 180 + 450 = 720 working minutes.
#   case 2: accepted Fri 2025-11-28 01:30Z, done 2025-11-30 16:30Z: Sun 30
#     Nov 23:30 WIB (a November case), Mon 1 Dec 00:30 WITA and 01:30 WIT
#     (December cases: open at November's end).  Fri 08:30-16:30 WIB = 180
#     + 210 = 390; WITA from 09:30: 120 + 210 = 330; WIT from 10:30: 270.
# November: WIB 2 finished (390, 840: median 615 = 1,37 d, p90 390 + 0.9 x
# 450 = 795 = 1,77); WITA 1 (780 = 1,73) and 1 open; WIT 1 (720 = 1,60)
# and 1 open; every SOP: 390 720 780 840, median 750 = 1,67, p90 (h = 2.7)
# 780 + 0.7 x 60 = 822 = 1,83.  December: WITA 330 = 0,73, WIT 270 = 0,60.
P=$F/provinsi
PDB=$TMP/p.db
for z in wib wita wit; do
	"$MUTU" ingest $P/kantor-$z.csv --db "$PDB" --office kantor-$z --models $M --quiet || not_ok "ingest kantor-$z"
done
prov() { # MONTH [ARGS]: the table's rows, blanks squeezed
	"$MUTU" report monthly --month "$1" --by-office --db "$PDB" --models $M --format text --out - "${@:2}" |
		sed -n '4,10p' | tr -s ' '
}
expect_eq "province November 2025: each office's lead in its own zone's hours" "$(prov 2025-11)" \
"Izin Uji Lapangan kantor-wib 2 2 dari 2 (100,0%) 0 0 1,37 1,77
Izin Uji Lapangan Total provinsi 2 2 dari 2 (100,0%) 0 0 1,37 1,77
Izin Uji Lapangan (WIT) kantor-wit 1 1 dari 1 (100,0%) 0 1 1,60 1,60
Izin Uji Lapangan (WIT) Total provinsi 1 1 dari 1 (100,0%) 0 1 1,60 1,60
Izin Uji Lapangan (WITA) kantor-wita 1 1 dari 1 (100,0%) 0 1 1,73 1,73
Izin Uji Lapangan (WITA) Total provinsi 1 1 dari 1 (100,0%) 0 1 1,73 1,73
Semua SOP Total provinsi 4 4 dari 4 (100,0%) 0 2 1,67 1,83"
expect_eq "province December 2025 (en): case 2 of WITA and WIT finished on 1 Dec local" "$(prov 2025-12 --lang en | sed -n '3,7p')" \
"Izin Uji Lapangan (WIT) kantor-wit 1 1 of 1 (100.0%) 0 0 0.60 0.60
Izin Uji Lapangan (WIT) Province total 1 1 of 1 (100.0%) 0 0 0.60 0.60
Izin Uji Lapangan (WITA) kantor-wita 1 1 of 1 (100.0%) 0 0 0.73 0.73
Izin Uji Lapangan (WITA) Province total 1 1 of 1 (100.0%) 0 0 0.73 0.73
Every SOP Province total 2 2 of 2 (100.0%) 0 0 0.67 0.72"
# the same rows in the province JSON (minutes), one office at a time
got=$("$MUTU" report monthly --month 2025-11 --by-office --db "$PDB" --models $M --format json --out - | python3 -c "
import json, sys
d = json.load(sys.stdin)
out = []
def walk(x):
    if isinstance(x, dict):
        if x.get('office') and 'lead_median' in x: out.append('%s:%s' % (x['office'], x['lead_median']))
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(d)
print(' '.join(sorted(out)))")
expect_eq "province JSON: median minutes per office (WIB 615, WITA 780, WIT 720)" "$got" \
	"kantor-wib:615 kantor-wit:720 kantor-wita:780"

# ---- --sop ID for a month without any of its cases in 12 months ---------
# rf-panjang's only cases are of May 2025; January 2025's window (Feb 2024
# .. Jan 2025) holds none.  The manager asked about that SOP: the report
# answers for it (nothing finished) under the office's name, on its
# calendar: January 2025 in id-wib = 23 weekdays less 1 Jan, 27 Jan, 29 Jan
# (LN) and 28 Jan (CB) = 19 working days (not the month's 31 days).
run "$MUTU" "${REP[@]}" --month 2025-01 --sop rf-panjang --format json --out "$TMP/s"
expect_rc "--sop rf-panjang, January 2025: exit 0" 0
expect_out_has "--sop rf-panjang, January 2025: the office and the month" "DPMPTSP Kabupaten Uji Lapangan, Januari 2025:"
expect_out_has "--sop rf-panjang, January 2025: the answer names the SOP" \
	"  Izin Penyelenggaraan Reklame Insidentil, Spanduk, Umbul-Umbul, Baliho dan Videotron pada Ruang Milik Jalan Kabupaten: belum ada berkas yang selesai bulan ini."
got=$(python3 -c "
import json; d = json.load(open('$TMP/s/report-2025-01-rf-panjang.json'))
print(' '.join('%s:%s:%s' % (g['id'], g['summary']['finished'], g['summary']['working_days']) for g in d['groups']))")
expect_eq "--sop rf-panjang, January 2025: its group, 0 finished, 19 working days" "$got" "office:0:19 rf-panjang:0:19"
# and the province table with --sop lists only the offices with its cases
got=$("$MUTU" report monthly --month 2025-11 --by-office --sop rf-izin-wita --db "$PDB" --models $M --format text --out - |
	sed -n '4,5p' | tr -s ' ')
expect_eq "province --sop rf-izin-wita: only kantor-wita (780 = 1,73 d) and its total" "$got" \
"Izin Uji Lapangan (WITA) kantor-wita 1 1 dari 1 (100,0%) 0 1 1,73 1,73
Izin Uji Lapangan (WITA) Total provinsi 1 1 dari 1 (100,0%) 0 1 1,73 1,73"

# ---- CSV for an Indonesian Excel: the same figures, decimal commas ------
# share 2/3, median 900 / 450 = 2 and p90 948 / 450 = 2,10666... days
got=$("$MUTU" "${REP[@]}" --month 2025-06 --format csv --csv-dialect excel-id --out - 2>/dev/null |
	grep -E '^rf-izin;summary;;(finished|within|share_within|lead_median_days|lead_p90_days);' | cut -d';' -f4,5 | tr -d '\r' | tr '\n' ' ')
expect_eq "CSV excel-id: ';' and decimal commas, the June figures" "$got" \
	"finished;3 within;2 share_within;0,6666666667 lead_median_days;2 lead_p90_days;2,106666667 "

# ---- count axes count whole cases ----------------------------------------
# June's histogram holds one case per bar (J1, J3, J2 in three bins) and
# the daily chart at most 1 arrival and 1 in progress a day: their count
# axes tick 0 1 (and 2), never "0,5" of a case.  The y ticks are the
# labels left of the plot (text-anchor end); the x axis keeps its halves
# of a working day.
yticks() { # SVG -> the left axis' numeric labels, bottom to top
	python3 - "$1" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
t = re.findall(r'<g transform="translate\(([\d.]+),([\d.]+)\)"[^>]*text-anchor="end">\s*<text><tspan[^>]*>\s*([\d.,]+)\s*</tspan>', s)
xs = min(float(x) for x, y, v in t)
print(" ".join(v for x, y, v in sorted(t, key=lambda a: -float(a[1])) if float(x) == xs))
PY
}
expect_eq "lead histogram: the count axis ticks whole cases" "$(yticks "$TMP/id/report-2025-06-sop-rf-izin-lead.svg")" "0 1"
expect_eq "daily chart: the count axis ticks whole cases" "$(yticks "$TMP/id/report-2025-06-sop-rf-izin-daily.svg")" "0 1 2"
