#!/usr/bin/env bash
# tests/cli/test_report_field3.sh - third field test of what a manager and
# an auditor read (fixtures in tests/data/report-field2/field3/), figures
# worked out by hand beside each check:
#   - mutu sim's JSON writes lead_days_mean (calendar days of 24 h) the way
#     its text output does, "8,7 hari kalender", never "8 Hari 17 Jam":
#     Hari is a working day everywhere else in mutu;
#   - a staffing that changes over the run ("1, 3 from 2025-07-01") whose
#     first months are overloaded is run (leave months and hires are a
#     documented use) but warned about, naming the months.
. tests/cli/lib.sh

D=tests/data/report-field2/field3

# ---- sim JSON: calendar days are not Hari ---------------------------------
# banjarbaru.ini is a shipped scenario; whatever its numbers, every
# lead_days_mean text must read "<n>,<d> hari kalender", and agree with the
# value to one decimal (8.73246 -> "8,7 hari kalender").
run "$MUTU" sim models/scenarios/banjarbaru.ini --format json --threads 1
expect_rc "sim JSON runs" 0
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
bad = []
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "lead_days_mean" and isinstance(v, dict):
                for b in ("mean", "lo", "hi"):
                    if v.get(b) is None:
                        continue
                    want = ("%.1f" % v[b]).replace(".", ",") + " hari kalender"
                    if v.get(b + "_text") != want:
                        bad.append("%s_text=%r want %r" % (b, v.get(b + "_text"), want))
            else:
                walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(d)
print("ok" if not bad else "; ".join(bad[:3]))')
expect_eq "sim JSON: lead_days_mean texts in hari kalender, as the text output" "$got" "ok"
# the text output says the same for the run's mean
txt=$("$MUTU" sim models/scenarios/banjarbaru.ini --threads 1 | grep -m1 'rata-rata (hari kalender)' | sed 's/.*kalender) *//; s/ \[.*//')
jtx=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["all"]["lead_days_mean"]["mean_text"])')
expect_eq "sim JSON lead_days_mean.mean_text = the text output's value" "$jtx" "$txt"

# ---- sim: a staffing that changes over the run ---------------------------
# staf-berubah.ini: 585 working minutes a day offered to Tim Teknis (1,3 x
# 450): 1 officer Jan-Jun = 130%, 3 from July = 43%.  The run goes on (exit
# 0), stderr names Tim Teknis, 1 staff and 2025-01 to 2025-06, and not the
# July period.
run "$MUTU" sim $D/staf-berubah.ini --threads 1
expect_rc "sim with an overloaded first half still runs" 0
expect_err_has "sim warns of the overloaded months" "Tim Teknis: 1 staff in 2025-01 to 2025-06 carry an offered load of 13"
case "$ERR" in *"3 staff in"*) not_ok "sim does not warn of the July period (43%)" "$ERR" ;; *) ok "sim does not warn of the July period (43%)" ;; esac
# the results still come out on stdout
expect_out_has "sim results still written" "Tim Teknis"
# 2 officers from January (65%, then 43%): nothing to say
run "$MUTU" sim $D/staf-cukup.ini --threads 1
expect_rc "sim with enough staff in every period runs" 0
case "$ERR" in *warning*) not_ok "no overload warning at 65% / 43%" "$ERR" ;; *) ok "no overload warning at 65% / 43%" ;; esac

# ---- a month by hand: May 2025 at a WITA office ---------------------------
# mei.csv: Banjarbaru's two SOPs from models/ (id-wita): tanda-daftar-lks-
# lksa (ceiling "(5 Hari)" = 2250 working minutes) and izin-pengumpulan-
# uang-barang (no declared total: the steps' sum 4 Hari 1 Jam 18 Menit
# rounded up, 5 Hari = 2250).  The clock runs from the end of step 2 (the
# Front Office's check) to the end of step 8 (the Kepala Dinas signs the
# SK, the office's last step); step 9 (the applicant receives the SK on
# the portal, 3 minutes after the signature) is the applicant's and not
# counted (sla.h).  Every lead is 3 minutes under what it was when the
# clock ran to step 9; LKS/0509/01's signing was moved 3 minutes later in
# mei.csv (07:55-08:00, receipt 08:00-08:03) to keep it exactly at its
# ceiling, the boundary this month pins.  Hours Mon-Thu
# 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30: 450 min a day.
# May 2025: 22 weekdays less Thu 1 (LN), Mon 12 (LN Waisak), Tue 13 (CB),
# Thu 29 (LN), Fri 30 (CB) = 17 working days.
# April 2025 (last month):
#   LKS/0421/01 Mon 21 08:00 -> Thu 24 07:57: 420+450+450+27 = 1347 within
#   LKS/0414/01 Mon 14 07:30 -> Tue 22 09:57: 4 x 450 (Fri 18 LN) + 450
#     + 147 = 2397, late by 147
#   PUB/0422/01 Tue 22 08:00 -> Wed 23 07:57: 420 + 27 = 447 within
#   -> office 2 of 3 (66,7%); LKS 1 of 2 (50,0%); PUB 1 of 1 (100,0%).
# May 2025:
#   PUB/0430/01 Wed 30 Apr 15:00 -> Mon 5 May 09:27: 60 + (1 May LN) 450
#     + 117 = 627 within
#   LKS/0505/01 Mon 5 07:40 -> Wed 14 08:37: 440+450x4 = 2240 by Fri 9,
#     (12 LN, 13 CB), Wed 14 67 = 2307, late by 57
#   LKS/0509/01 Fri 9 08:00 -> Tue 20 08:00: 420 + 450 x 4 (14,15,16,19)
#     + 30 = 2250: exactly the ceiling, within (<=)
#   PUB/0514/01 Wed 14 07:30 -> Wed 21 11:47: 450 x 5 + 257 = 2507, late
#     by 257 (4,3 jam); step 7 (Sekretaris) never logged: HILANG
#   LKS/0520/01 sent back by the Front Office Tue 20 08:30, resubmitted
#     Wed 21 09:15 (the applicant's 390 + 105 = 495 min, not the office's),
#     accepted 09:25 -> Mon 26 09:57: 335 + 450 + 450 + 147 = 1382 within
#   LKS/0527/01 accepted Tue 27 10:00, at Dinas Teknis at month end: age
#     300 + 450 (28) = 750 = 1 Hari 5 Jam (29 LN, 30 CB), under the ceiling
#   -> office 3 of 5 within (60,0%); leads 627 1382 2250 2307 2507: median
#      2250, p90 (h = 0.9 x 4 = 3.6) 2307 + 0.6 x 200 = 2427, max 2507.
#      LKS 2 of 3 (66,7%): 1382 2250 2307, median 2250, p90 (h = 1.8)
#      2250 + 0.8 x 57 = 2295.6, max 2307; its late file's step 4 ran
#      2307 - 10 - 20 = 2277 against 1800: 477 over = 1,1 hari.
#      PUB 1 of 2 (50,0%): 627 2507, median 1567, p90 627 + 0.9 x 1880 =
#      2319; step 4 2507 - 10 - 15 = 2482, 682 over = 1,5 hari.
DB=$TMP/mei.db
run "$MUTU" ingest $D/mei.csv --db "$DB" --models models --quiet
expect_rc "May 2025 log ingests" 0
REP=(report monthly --db "$DB" --models models --month 2025-05)
run "$MUTU" "${REP[@]}" --format json --out "$TMP/o"
expect_rc "May 2025 report runs" 0
# The answer first: the office as a whole against last month, then per SOP
# against theirs.
A_OFF="  Kantor (semua SOP): 3 dari 5 berkas selesai dalam batas SOP (60,0%); bulan lalu 2 dari 3 (66,7%); 1 berkas masih terbuka di akhir bulan."
A_PUB="  Izin Pengumpulan Uang dan Barang: 1 dari 2 berkas selesai dalam batas SOP (50,0%); bulan lalu 1 dari 1 (100,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 4, Dinas Teknis (rata-rata 1,5 hari di atas mutu baku)."
# LKS/0509/01, signed at exactly its deadline (Tue 20 08:00) and received
# by the applicant 08:00-08:03, is the audit's PEMOHON-LAMA (3 minutes
# past the deadline, the applicant's): since the fourth round the answer
# counts it (test_report_field4.sh)
A_LKS="  Tanda Daftar LKS/LKSA: 2 dari 3 berkas selesai dalam batas SOP (66,7%); bulan lalu 1 dari 2 (50,0%); 1 terlambat, paling banyak kehilangan waktu di langkah 4, Dinas Teknis (rata-rata 1,1 hari di atas mutu baku); 1 berkas diambil pemohon lewat batas (bukan keterlambatan kantor)."
expect_eq "answer: the office first, this month against last" "$(sed -n 2p <<<"$OUT")" "$A_OFF"
expect_eq "answer: izin-pengumpulan-uang-barang against last month" "$(sed -n 3p <<<"$OUT")" "$A_PUB"
expect_eq "answer: tanda-daftar-lks-lksa against last month" "$(sed -n 4p <<<"$OUT")" "$A_LKS"
run "$MUTU" "${REP[@]}" --format json --out "$TMP/oen" --lang en
expect_eq "answer (en): the office first, this month against last" "$(sed -n 2p <<<"$OUT")" \
	"  Office (all SOPs): 3 of 5 files finished within the SOP ceiling (60.0%); last month 2 of 3 (66.7%); 1 file still open at month end."
expect_out_has "answer (en): tanda-daftar against last month" "Tanda Daftar LKS/LKSA: 2 of 3 files finished within the SOP ceiling (66.7%); last month 1 of 2 (50.0%); 1 late"
# the JSON's figures, as worked out above
got=$(python3 - "$TMP/o/report-2025-05.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
out = []
for g in d["groups"]:
    s = g["summary"]
    out.append("%s %d %d %s %s %s" % (g["id"], s["finished"], s["within"], s["lead_median"], s["lead_p90"], s["lead_max"]))
o = d["groups"][0]
out.append("open " + " ".join("%s:%s:%s" % (c["case"], c["age"], c["age_text"]) for c in o["open_cases"]))
t = o["trend"][-2]
out.append("april %s %d %d" % (t["month"], t["finished"], t["within"]))
out.append("days %d" % o["summary"]["working_days"])
print("\n".join(out))
PY
)
expect_eq "JSON: counts, median, p90, max per group, open case and its age, April, working days" "$got" \
"office 5 3 2250 2427 2507
izin-pengumpulan-uang-barang 2 1 1567 2319 2507
tanda-daftar-lks-lksa 3 2 2250 2295.6 2307
open LKS/0527/01:750:1 Hari 5 Jam
april 2025-04 3 2
days 17"
# calendar durations in the JSON say hari kalender: the office's calendar
# median is the third of
# five calendar spans (PUB/0430 4d18h27, LKS/0520 5d0h32, PUB/0514 7d4h17,
# LKS/0505 9d0h57, LKS/0509 11d0h) = PUB/0514/01 Wed 14 07:30 -> Wed 21
# 11:47 = 7 days 4 h 17 min; max LKS/0509/01 Fri 9 08:00 -> Tue 20 08:00 = 11 days.
got=$(python3 -c "
import json; s=json.load(open('$TMP/o/report-2025-05.json'))['groups'][0]['summary']
print(s['calendar_median'], s['calendar_median_text'], '|', s['calendar_max_text'])")
expect_eq "JSON: calendar median and max written in hari kalender, not Hari" "$got" "10337 7 hari kalender 4 Jam 17 Menit | 11 hari kalender"
# the HTML answers first too: its first answer line is the office's
"$MUTU" "${REP[@]}" --format html --out "$TMP/h" >/dev/null 2>&1
got=$(python3 - "$TMP/h/report-2025-05.html" <<'PY'
import re, sys, html
d = open(sys.argv[1], encoding="utf-8").read()
sec = d[d.find('id="answer"'):]
lis = re.findall(r"<li[^>]*>(.*?)</li>", sec, re.S)
print(html.unescape(re.sub(r"<[^>]+>", "", lis[0])).strip() if lis else "")
PY
)
expect_eq "HTML: the answer's first line is the office against last month" "$got" "${A_OFF#  }"
# the audit: PUB/0514/01 lost step 7 (HILANG), LKS/0509/01 is on time at
# exactly its ceiling
run "$MUTU" audit --db "$DB" --models models --sop izin-pengumpulan-uang-barang --from 2025-05-01 --to 2025-05-31
expect_out_has "audit: PUB/0514/01's missing Sekretaris step" "[HILANG] langkah 7 tidak ada di log"
expect_out_has "audit: PUB/0514/01 late by 4,3 jam (257 min)" "TERLAMBAT 4,3 jam"
run "$MUTU" audit --db "$DB" --models models --case LKS/0509/01 --format json
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = (d.get("cases") or [d])[0]
print(c.get("calendar_text"))' 2>&1)
expect_eq "audit JSON: LKS/0509/01's calendar time in hari kalender" "$got" "11 hari kalender"
# the May JSON and the audit's stay valid against their schemas with the
# calendar texts ("7 hari kalender 4 Jam 20 Menit")
if python3 -c 'import jsonschema' 2>/dev/null; then
	"$MUTU" audit --db "$DB" --models models --sop tanda-daftar-lks-lksa --from 2025-05-01 --to 2025-05-31 \
		--format json >"$TMP/audit.json" 2>/dev/null
	got=$(python3 - <<PY
import json, jsonschema
out = []
for sch, f in (("docs/schema/report.schema.json", "$TMP/o/report-2025-05.json"),
               ("docs/schema/report.schema.json", "$TMP/oen/report-2025-05.json"),
               ("docs/schema/audit.schema.json", "$TMP/audit.json")):
    v = jsonschema.Draft202012Validator(json.load(open(sch)))
    out.append(str(len(list(v.iter_errors(json.load(open(f)))))))
print(" ".join(out))
PY
)
	expect_eq "JSON schema: May report (id, en) and the audit valid" "$got" "0 0 0"
else
	ok "JSON schema: skipped (python3-jsonschema not installed)"
fi
# the workbook's summary sheet: one row per SOP, then the office as a
# whole (row 4): 5 finished, 3 within (60%), 2 late, median 2250/450 =
# 5 hari kerja, p90 2427/450 = 5,3933, 1 open, 1 handed back before acceptance
"$MUTU" "${REP[@]}" --format xlsx --out "$TMP/x" >/dev/null 2>&1
X=$TMP/x/report-2025-05.xlsx
got=$(for c in A4 B4 C4 D4 E4 F4 G4 H4 J4; do python3 tests/cli/xlsx_cells.py "$X" cell Ringkasan $c | cut -d' ' -f2-; done | paste -sd'|')
expect_eq "XLSX: the summary's office row" "$got" \
	"Kantor (semua SOP)|5 #,##0|3 #,##0|0.6 0.0%|2 #,##0|5 #,##0.00|5.3933 #,##0.00|1 #,##0|1 #,##0"
# a wall-clock duration is written in hari kalender, a working one in Hari,
# also on a 24x7 calendar, whose working day is 1440 minutes too: the
# konstan scenario's office runs on 24x7 (satu-langkah's calendar) and its
# one step's waktu is 1 Jam, so the SOP's ceiling rounds up to 1 Hari (a
# hari kerja of 24 h), never "1 hari kalender" (it had been, when the text
# was chosen by the day's 1440 minutes); the case's calendar time, 1 Jam
# of service begun at once (20 officers, no queue), is under a day
mkdir -p "$TMP/cal24"
cp datasets/calendars/24x7.ini tests/data/sim-theory/kantor-8jam.ini "$TMP/cal24/"
MUTU_CALENDARS=$TMP/cal24 "$MUTU" sim tests/data/plan/konstan-scenario.ini --replications 1 \
	--emit-log "$TMP/k24.csv" >/dev/null 2>&1
MUTU_CALENDARS=$TMP/cal24 "$MUTU" ingest "$TMP/k24.csv" --db "$TMP/k24.db" --resource-col resource \
	--models tests/data/sim-theory --quiet >/dev/null 2>&1
k24=$(sed -n '2s/,.*//p' "$TMP/k24.csv")
got=$(MUTU_CALENDARS=$TMP/cal24 "$MUTU" audit --case "$k24" --db "$TMP/k24.db" --models tests/data/sim-theory \
	--format json --out - 2>/dev/null | python3 -c '
import json, sys
c = json.load(sys.stdin)["cases"][0]
print(c["ceiling_text"], "|", c["calendar_text"])' 2>&1)
expect_eq "audit JSON on 24x7: the ceiling in Hari, the calendar time as it is" "$got" "1 Hari | 1 Jam"
