#!/usr/bin/env bash
# tests/cli/test_report_field2.sh - second field test of the manager's and
# the auditor's outputs on small hand-written logs (tests/data/report-field2/)
# whose every figure is worked out below by hand:
#   - the verdict's boundaries: a berkas finished in exactly its waktu, one
#     minute over, at 16:01 after closing on its last day, at 08:01 the
#     next working day; 23:59 WITA on the month's last day;
#   - data quality stated beside the answer (rejected rows, an activity
#     not in the SOP, duplicates), in both languages and every format;
#   - the audit of rework (ULANG), a missing step (HILANG), steps out of
#     SOP order (URUTAN) and --from/--to at their boundaries;
#   - CSV for an Indonesian Excel, the XLSX's cells, the JSON against its
#     schema in edge months, the HTML printed to PDF and on a 390 px phone;
#   - the province report with one office on a regional holiday.
#
# Models (tests/data/report-field2/models): r2-izin (id-wib) and r2-wita
# (id-wita), as test_report_field.sh's rf-izin: steps 30 Menit (Pemohon),
# 30 Menit (Front Office, the check that can reject: the SLA clock starts
# at its end), 1 Hari = 450 min (Tim Teknis), 1 Jam (Kepala Dinas: the clock
# stops at its end); ceiling (2 Hari) = 900 working minutes.  Hours Mon-Thu
# 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30 (450 min a day).
# r2-izin's name carries an e-acute, an ampersand and an en dash.
#
# August 2025 (id-wib and id-wita: 21 weekdays less Mon 18 Aug, cuti
# bersama; 17 Aug is a Sunday) = 20 working days.  kantor.csv, r2-izin:
#   E1 accepted Thu 31 Jul 15:30: Thu 30 + Fri 07:30-10:00 150 = step 3
#      180, step 4 30: lead 210, within (finished in August).
#   B1 accepted Mon 4 Aug 07:30, step 3 to Tue 15:00 (840), step 4
#      15:00-16:00 (60): lead 900, exactly the ceiling: within (<=).
#   B2 accepted Mon 11 Aug 07:30, step 3 to Tue 07:30 (450), step 4 Tue
#      07:30 -> Wed 13 Aug 07:31 (451): lead 901, late by one minute.
#   B3 accepted Tue 19 Aug 07:30, step 3 to Wed 15:00 (840), step 4 Wed
#      15:00 -> Thu 21 Aug 08:01 (60 + 31 = 91): lead 931, late by 31.
#   B4 as B1 from Mon 25 Aug but step 4 ends Tue 26 Aug 16:01, a minute
#      after closing: no working minute after 16:00, lead 900: within.
#   F1 accepted Fri 29 Aug 15:30: open at August's end, age 60 (Fri to
#      16:30); done Mon 1 Sep 15:30 = 60 + 270 + 90 + 60 = 480.
#   -> 5 finished, 3 within (60,0%), 2 late; leads 210 900 900 901 931:
#      median 900, p90 (h = 0.9 x 4 = 3.6) 901 + 0.6 x 30 = 919, max 931.
#      Late files' excess: step 4 391 (B2) + 31 (B3) = 422 over 2
#      executions = 211 min = 3,5 jam; step 3 390 (B3) only: step 4 named.
# r2-wita (WITA, stamps in local time):
#   W1 accepted Fri 29 Aug 08:30: step 3 to 15:00 (180 + 120), step 4 to
#      Sun 31 Aug 23:59 WITA (15:00-16:30 = 90): lead 390, an August case
#      (31 Aug 15:59 UTC).
#   W2 the same from 09:30 (lead 120 + 120 + 90 = 330) but done Mon 1 Sep
#      00:30 WITA = 31 Aug 16:30 UTC: a September case, open at August's
#      end with age 330.
. tests/cli/lib.sh

F=tests/data/report-field2
M=$F/models
DB=$TMP/k.db
run "$MUTU" ingest $F/kantor.csv --db "$DB" --models $M --quiet
expect_rc "the field log ingests" 0
REP=(report monthly --db "$DB" --models $M)

jfig() { # JSON SOP -> finished within share median p90 max open past_ceiling working_days
	python3 - "$1" "$2" <<'PY'
import json, sys
g = [g for g in json.load(open(sys.argv[1]))["groups"] if g["id"] == sys.argv[2]][0]["summary"]
f = lambda k: "null" if g[k] is None else ("%g" % g[k])
print(" ".join(f(k) for k in ("finished", "within", "share_within", "lead_median", "lead_p90", "lead_max",
                              "open_at_month_end", "open_past_ceiling", "working_days")))
PY
}

# ---- the verdict's boundaries -------------------------------------------
ANS_ID="Izin Usaha Café & Resto – Uji Lapangan: 3 dari 5 berkas selesai dalam batas SOP (60,0%); 2 terlambat, paling banyak kehilangan waktu di langkah 4, Kepala Dinas (rata-rata 3,5 jam di atas mutu baku)."
ANS_EN="Izin Usaha Café & Resto – Uji Lapangan: 3 of 5 files finished within the SOP ceiling (60.0%); 2 late, losing the most time at step 4, Kepala Dinas (on average 3.5 h over the mutu baku)."
run "$MUTU" "${REP[@]}" --month 2025-08 --format json --out "$TMP/j"
expect_rc "August 2025 as json: exit 0" 0
expect_out_has "August 2025: the answer (B1 and B4 at exactly 900 within, B2 901 and B3 931 late)" "  $ANS_ID"
run "$MUTU" "${REP[@]}" --month 2025-08 --format json --out "$TMP/je" --lang en
expect_out_has "August 2025 --lang en: the same answer in English" "  $ANS_EN"
expect_eq "August 2025, r2-izin: figures worked out at the top" \
	"$(jfig "$TMP/j/report-2025-08.json" r2-izin)" "5 3 0.6 900 919 931 1 0 20"
# W1 (23:59 WITA on 31 Aug) is August's; W2 (00:30 WITA on 1 Sep, still
# 31 Aug in UTC) is September's: open at August's end
expect_eq "August 2025, r2-wita: W1 at 23:59 WITA counted, W2 (1 Sep 00:30 WITA) open" \
	"$(jfig "$TMP/j/report-2025-08.json" r2-wita)" "1 1 1 390 390 390 1 0 20"
got=$(python3 -c "
import json; d = json.load(open('$TMP/j/report-2025-08.json'))
print(' '.join('%s:%d' % (c['case'], c['age']) for g in d['groups'] if g['id'] != 'office' for c in g['open_cases']))")
expect_eq "August 2025: open cases' ages (F1 60, W2 330)" "$got" "F1:60 W2:330"
run "$MUTU" "${REP[@]}" --month 2025-09 --format json --out "$TMP/j"
# September: F1 480 (r2-izin), W2 330 (r2-wita); 22 weekdays less Fri 5
# Sep (Maulid Nabi, LN) = 21 working days
expect_eq "September 2025, r2-izin: F1 480" "$(jfig "$TMP/j/report-2025-09.json" r2-izin)" "1 1 1 480 480 480 0 0 21"
expect_eq "September 2025, r2-wita: W2 330, finished on 1 Sep WITA" "$(jfig "$TMP/j/report-2025-09.json" r2-wita)" "1 1 1 330 330 330 0 0 21"
# the audit of each boundary case: working minutes, late, over
aud() { # CASE -> working late over
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null |
		python3 -c "import json, sys; c = json.load(sys.stdin)['cases'][0]; print(c['working'], c['late'], c['over'])"
}
expect_eq "audit B1: 900 of 900, in time" "$(aud B1)" "900 False 0"
# the defect: B4 was judged late (done 16:01 > deadline 16:00) with 0
# minutes over; no working time passed after the deadline, 900 <= 900
expect_eq "audit B4 (done 16:01, after closing): 900 of 900, in time" "$(aud B4)" "900 False 0"
expect_eq "audit B2: one minute over, late by 1" "$(aud B2)" "901 True 1"
expect_eq "audit B3: 08:01 the next working day, late by 31" "$(aud B3)" "931 True 31"

# ---- data quality beside the answer --------------------------------------
# kotor.csv: B1 (900, within) and its step 4 row twice (1 duplicate); Q1's
# one row has the date 2025-08-32 (rejected); Q2 (07:30 -> 16:00 = 450,
# within) with one activity not in the SOP ("Rapat koordinasi"); Q3 of an
# SOP without a model whose stamps have no zone (2 rows rejected); Q4 of
# that SOP with offsets (stored, skipped by the report: no model).
# -> 2 of 2 within; 3 rows rejected, 1 duplicate, 1 unknown activity.
QDB=$TMP/q.db
"$MUTU" ingest $F/kotor.csv --db "$QDB" --models $M --quiet >/dev/null 2>&1
N_ID="data tidak lengkap: 3 baris log di penyimpanan ditolak saat ingest (lihat mutu db rejected); angka laporan ini tanpa baris itu"
N_EN="partial data: 3 log row(s) in the store were rejected at ingest (see mutu db rejected); the figures leave them out"
U_ID="1 kejadian bulan ini dengan aktivitas di luar SOP: tidak dihitung di langkah SOP mana pun"
U_EN="1 event(s) of the month with an activity not in the SOP: counted in no step of the SOP"
D_ID="1 baris log ganda dilewati saat ingest (dihitung sekali)"
D_EN="1 duplicate log row(s) skipped at ingest (each counted once)"
for l in id en; do
	run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format html --lang $l --out "$TMP/q$l"
	expect_rc "dirty store, html $l: exit 0" 0
	[ $l = id ] && n=$N_ID u=$U_ID d=$D_ID || n=$N_EN u=$U_EN d=$D_EN
	expect_err_has "dirty store, $l: the rejected rows noted on stderr" "partial data: 3 log row(s)"
	# in the page: right after the answer, before the navigation
	got=$(python3 - "$TMP/q$l/report-2025-08.html" "$n" "$u" "$d" <<'PY'
import html, sys
d = open(sys.argv[1]).read()
a, nav = d.index('id="answer"'), d.index("<nav>")
print(" ".join(str(a < d.find(html.escape(t, quote=True)) < nav) for t in sys.argv[2:]))
PY
)
	expect_eq "dirty store, html $l: rejected rows, unknown activity, duplicate between the answer and the sections" "$got" "True True True"
	run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format md --lang $l --out "$TMP/q$l"
	expect_out_has "dirty store, $l: the answer itself (B1 900 and Q2 450 within)" "2 "
	grep -qF "> $n" "$TMP/q$l/report-2025-08.md" && ok "dirty store, md $l: the rejected rows noted" ||
		not_ok "dirty store, md $l: the rejected rows noted" "$(sed -n 1,12p "$TMP/q$l/report-2025-08.md")"
	got=$("$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format json --lang $l --out - 2>/dev/null |
		python3 -c "import json, sys; n = json.load(sys.stdin)['notes']; print(sum(1 for x in sys.argv[1:] if x in n))" "$n" "$u" "$d")
	expect_eq "dirty store, json $l: the three notes" "$got" 3
	got=$("$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format csv --lang $l --out - 2>/dev/null | grep -c '^report,meta,[0-9]*,note,')
	# 4 notes: Q4's SOP skipped (no model), and the three above
	expect_eq "dirty store, csv $l: the notes as numbered rows" "$got" 4
done
run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format json --out -
got=$(python3 -c "import json, sys; g = [g for g in json.loads(sys.argv[1])['groups'] if g['id'] == 'r2-izin'][0]['summary']; print(g['finished'], g['within'], g['lead_median'])" "$OUT")
expect_eq "dirty store: B1 (900) and Q2 (450) within, median 675" "$got" "2 2 675"
# a clean store says nothing of the kind (the note is not always there)
got=$(python3 -c "import json; print(json.load(open('$TMP/j/report-2025-08.json'))['notes'])")
expect_eq "clean store: no note" "$got" "[]"

# ---- audit: rework, a missing step, steps out of order, --from/--to ------
# audit.csv, r2-izin:
#   R1 accepted Wed 6 Aug 07:30; step 3 07:30-09:30 (120) sends it back;
#      the Pemohon fixes it 09:30 -> Thu 7 Aug 08:30 (Wed 150 + 180 + Thu
#      60 = 390, paused, off the clock, the applicant's time: no standard); step 2 again 08:30-09:00 (30),
#      step 3 again 09:00-11:00 (120), step 4 11:00-11:30 (30).  On the
#      clock 120 + 30 + 120 + 30 = 300; step 3 in total 240 against 2 x
#      450.  The first step 1 and step 2 are before the clock (0).
#   H1 accepted Thu 7 Aug 07:30, step 3 missing, step 4 07:30-08:30: 60.
#   O1 accepted Fri 8 Aug 07:30, step 4 07:30-08:30 then step 3 08:30-10:30:
#      out of order; the clock stops at step 4's end: 60.
ADB=$TMP/a.db
"$MUTU" ingest $F/kantor.csv --db "$ADB" --models $M --quiet >/dev/null 2>&1
"$MUTU" ingest $F/audit.csv --db "$ADB" --models $M --quiet >/dev/null 2>&1
audx() { # CASE -> "step:actual/standard ..." working paused late flags; total of step 3
	"$MUTU" audit --case "$1" --db "$ADB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
s3 = [s for s in c['steps'] if s['step'] == 3]
print(' '.join('%d:%d/%s' % (s['step'], s['actual'], s['standard']) for s in c['steps']), c['working'], c['paused'],
      c['late'], ','.join(sorted({f['flag'] + str(f['step']) for f in c['findings'] if f['flag'] != 'over'})),
      'step3=%d/%d' % (sum(s['actual'] for s in s3), sum(s['standard'] for s in s3)),
      'clock=%d' % sum(s['actual'] for s in c['steps'] if s['in_clock']))"
}
expect_eq "audit R1 (rework): per execution, 300 on the clock, 390 paused, step 3 240 of 900" "$(audx R1)" \
	"1:0/30 2:0/30 3:120/450 1:390/None 2:30/30 3:120/450 4:30/60 300 390 False paused1,rework1,rework2,rework3 step3=240/900 clock=300"
expect_eq "audit H1: step 3 HILANG, 60 on the clock" "$(audx H1)" "1:0/30 2:0/30 4:60/60 60 0 False missing3 step3=0/0 clock=60"
expect_eq "audit O1: step 3 after step 4 (URUTAN), 60 on the clock" "$(audx O1)" \
	"1:0/30 2:0/30 4:60/60 3:120/450 60 0 False order3 step3=120/450 clock=60"
run "$MUTU" audit --case R1 --db "$ADB" --models $M
expect_out_has "audit R1 text: step 3's second execution 2,0 jam of 1,0 hari, ULANG" "2,0 jam   1,0 hari   -5,5 jam  ULANG"
expect_out_has "audit R1 text: the pause, 390 min = 6,5 jam" "jeda di pemohon 6,5 jam"
audr() { # FROM TO [ARGS] -> the cases audited
	"$MUTU" audit --from "$1" --to "$2" --db "$ADB" --models $M --format json --out - "${@:3}" 2>/dev/null |
		python3 -c "import json, sys; print(' '.join(sorted(c['case'] for c in json.load(sys.stdin)['cases'])))"
}
# E1 arrived Thu 31 Jul 15:00 (before --from), F1 Fri 29 Aug 15:00 (on
# --to, inclusive), W1/W2 29 Aug in WITA
expect_eq "audit --from 2025-08-01 --to 2025-08-29 --sop r2-izin: E1 (31 Jul) out, F1 (29 Aug) in" \
	"$(audr 2025-08-01 2025-08-29 --sop r2-izin)" "B1 B2 B3 B4 F1 H1 O1 R1"
expect_eq "audit --from 2025-07-31 --to 2025-08-28 --sop r2-izin: E1 in, F1 out" \
	"$(audr 2025-07-31 2025-08-28 --sop r2-izin)" "B1 B2 B3 B4 E1 H1 O1 R1"
expect_eq "audit of one day, 29 Aug, every SOP: F1 and W1, W2 (WITA)" "$(audr 2025-08-29 2025-08-29)" "F1 W1 W2"

# ---- CSV for an Indonesian Excel -----------------------------------------
"$MUTU" "${REP[@]}" --month 2025-08 --format csv --csv-dialect excel-id --out - >"$TMP/x.csv" 2>/dev/null
expect_eq "CSV excel-id: starts with the UTF-8 BOM" "$(head -c 3 "$TMP/x.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
# share 3/5 = 0,6; the SOP's name in UTF-8 (é = c3 a9, – = e2 80 93)
got=$(grep -a -E '^r2-izin;summary;;(share_within|sop_name);' "$TMP/x.csv" | cut -d';' -f5 | tr -d '\r' | tr '\n' '|')
expect_eq "CSV excel-id: ';', decimal comma, é and – intact" "$got" "Izin Usaha Café & Resto – Uji Lapangan|0,6|"
# the default dialect is for scripts: ',' and no BOM (README: use excel-id
# for a double-click in Excel)
got=$("$MUTU" "${REP[@]}" --month 2025-08 --format csv --out - 2>/dev/null | head -c 5)
expect_eq "CSV rfc: no BOM, ',' between fields" "$got" "group"

# ---- XLSX: numbers are numbers, shares formatted as per cent ------------
"$MUTU" "${REP[@]}" --month 2025-08 --format xlsx --out "$TMP/x" >/dev/null 2>&1
got=$(python3 - "$TMP/x/report-2025-08.xlsx" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.iter("{%s}sheet" % NS["m"])]
ok_names = all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
sh = [si.findtext(".//m:t", "", NS) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
st = ET.fromstring(z.read("xl/styles.xml"))
fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in st.iter("{%s}numFmt" % NS["m"])}
xfs = [int(x.get("numFmtId", 0)) for x in st.find("m:cellXfs", NS).findall("m:xf", NS)]
def code(s):
    n = xfs[int(s or 0)]
    return fmts.get(n, {9: "0%", 10: "0.00%"}.get(n, "builtin%d" % n))
rows = {}
head = {}
for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % NS["m"]):
    r, col = int(re.sub("[A-Z]", "", c.get("r"))), re.sub(r"\d", "", c.get("r"))
    v = c.findtext("m:v", None, NS)
    rows.setdefault(r, {})[col] = (sh[int(v)] if c.get("t") == "s" else v, c.get("t"), c.get("s"))
row = [r for r in rows.values() if r.get("A", ("",))[0] == "Izin Usaha Café & Resto – Uji Lapangan"][0]
fin, wit, share = row["B"], row["C"], row["D"]
print(ok_names, fin[1] is None and fin[0], wit[1] is None and wit[0], share[1] is None and share[0], "%" in code(share[2]))
PY
)
# 5 finished, 3 within, share 0.6 as a number shown with a '%' format
expect_eq "XLSX: sheet names valid, the long SOP name whole, 5 / 3 / 0.6 as numbers, the share as per cent" "$got" "True 5 3 0.6 True"

# ---- JSON against its schema in edge months ------------------------------
# 2025-07: only E1, open at the month's end; 2025-08: the month above;
# 2025-10: nothing at all; and the dirty store's August
if python3 -c 'import jsonschema' 2>/dev/null; then
	for m in 2025-07 2025-08 2025-10; do
		"$MUTU" "${REP[@]}" --month $m --format json --out "$TMP/s" >/dev/null 2>&1
	done
	"$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format json --out - >"$TMP/s/dirty.json" 2>/dev/null
	got=$(python3 - docs/schema/report.schema.json "$TMP"/s/report-2025-07.json "$TMP"/s/report-2025-08.json "$TMP"/s/report-2025-10.json "$TMP/s/dirty.json" <<'PY'
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
out = []
for f in sys.argv[2:]:
    d = json.load(open(f))
    errs = list(v.iter_errors(d))
    g = [g for g in d["groups"] if g["id"] == "r2-izin"]
    s = g[0]["summary"] if g else {}
    out.append("%d:%s:%s" % (len(errs), s.get("finished"), s.get("open_at_month_end")))
print(" ".join(out))
PY
)
	# July: E1 open (0 finished, 1 open); August 5 finished, F1 open;
	# October: no r2-izin case at all in 12 months' reach of F1? F1 is
	# finished in September: 0 finished, 0 open; dirty: 2 finished
	expect_eq "JSON schema: July (only open), August, October (empty), the dirty store: valid" "$got" \
		"0:0:1 0:5:1 0:0:0 0:2:0"
else
	not_ok "python3-jsonschema is installed (make deps)"
fi

# ---- the HTML printed to PDF and on a phone (Debian's chromium) ---------
H=$TMP/h/report-2025-08.html
"$MUTU" "${REP[@]}" --month 2025-08 --format html --out "$TMP/h" >/dev/null 2>&1
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
	chrome "$H" --print-to-pdf="$TMP/r.pdf" --no-pdf-header-footer >/dev/null
	# the PDF's text per page, through its fonts' ToUnicode maps
	python3 tests/cli/pdf_text.py "$TMP/r.pdf" >"$TMP/pdf.txt" 2>"$TMP/pdf.err"
	p1=$(awk '/^=== page 2$/ { exit } { print }' "$TMP/pdf.txt" | tr '\n' ' ')
	case "$p1" in *"Jawaban bulan ini"*"3 dari 5 berkas selesai dalam batas SOP (60,0%)"*"Izin Uji Lapangan (WITA): 1 dari 1"*)
		ok "PDF: the answer on page 1" ;;
	*) not_ok "PDF: the answer on page 1" "${p1:0:400}" "$(cat "$TMP/pdf.err")" ;; esac
	# the charts printed: each SVG's axis label is text in the PDF (the
	# office and each SOP's histogram: 3 of "Jumlah kasus")
	n=$(grep -c '^Jumlah kasus$' "$TMP/pdf.txt")
	[ "$n" -ge 3 ] && ok "PDF: the charts are drawn ($n count axes)" || not_ok "PDF: the charts are drawn" "$n"
	# rows kept whole: B4's row of the slowest cases (id, then its lead
	# 2,00) on one page
	got=$(python3 - "$TMP/pdf.txt" <<'PY'
import re, sys
pages = re.split(r"^=== page \d+$", open(sys.argv[1]).read(), flags=re.M)[1:]
# every table row holds a case id; the row's cells follow it on the same page
cut = 0
for p in pages:
    lines = p.strip().split("\n")
    if lines and re.fullmatch(r"[BEFW][1-4]", lines[-1]):
        cut += 1
print(cut)
PY
)
	expect_eq "PDF: no page ends on a case id whose row goes on the next page" "$got" 0
	# a 390 px phone: the page itself does not scroll sideways (wide
	# tables scroll inside their own box) and the answer fits the width.
	# Headless chromium lays out at least 500 px whatever --window-size
	# says, so a copy of the page is held to 390 px (html { width: 390px };
	# the page's only media query is min-width: 800px, as false at 390 as
	# at 500) and, without its CSP, measured by a script: the body's
	# scroll width and the answer's right edge.
	sed -e '/Content-Security-Policy/d' -e 's#</head>#<style>html { width: 390px }</style></head>#' \
		-e 's#</body>#<script>document.title = [document.body.scrollWidth, Math.ceil(document.getElementById("answer").getBoundingClientRect().right)].join(" ")</script></body>#' \
		"$H" >"$TMP/h/phone.html"
	got=$(chrome "$TMP/h/phone.html" --window-size=390,844 --dump-dom | sed -n 's#.*<title>\([0-9]* [0-9]*\)</title>.*#\1#p')
	read -r sw ar <<<"$got"
	[ -n "$sw" ] && [ "$sw" -le 390 ] && [ "$ar" -le 390 ] && ok "phone 390 px: no sideways scroll ($sw px), the answer inside ($ar px)" ||
		not_ok "phone 390 px: no sideways scroll, the answer inside" "body scroll width, answer right: '$got'"
fi

# ---- province: one office on a regional holiday --------------------------
# kantor-a (r2-izin, id-wib) and kantor-b (r2-daerah, id-wib-daerah: id-wib
# plus Tue 5 Aug 2025 as libur daerah, calendars/daerah.csv) log the same
# case P1: accepted Mon 4 Aug 07:30, done Wed 6 Aug 10:00.  kantor-a: 450 +
# 450 + 150 = 1050 = 2,33 d, late; kantor-b (5 Aug off): 450 + 150 = 600 =
# 1,33 d, within.  Every SOP: median (600 + 1050) / 2 = 825 = 1,83, p90
# 600 + 0.9 x 450 = 1005 = 2,23.
CAL=$TMP/cal
mkdir -p "$CAL"
cp datasets/calendars/* $F/calendars/* "$CAL/"
PDB=$TMP/p.db
for o in a b; do
	MUTU_CALENDARS=$CAL "$MUTU" ingest $F/provinsi/kantor-$o.csv --db "$PDB" --office kantor-$o --models $M --quiet >/dev/null ||
		not_ok "ingest kantor-$o"
done
got=$(MUTU_CALENDARS=$CAL "$MUTU" report monthly --month 2025-08 --by-office --db "$PDB" --models $M --format text --out - | sed -n '4,8p' | tr -s ' ')
expect_eq "province August 2025: the regional holiday counts in kantor-b only" "$got" \
"Izin Uji Lapangan (Daerah) kantor-b 1 1 dari 1 (100,0%) 0 0 1,33 1,33
Izin Uji Lapangan (Daerah) Total provinsi 1 1 dari 1 (100,0%) 0 0 1,33 1,33
Izin Usaha Café & Resto – Uji Lapangan kantor-a 1 0 dari 1 (0,0%) 1 0 2,33 2,33
Izin Usaha Café & Resto – Uji Lapangan Total provinsi 1 0 dari 1 (0,0%) 1 0 2,33 2,33
Semua SOP Total provinsi 2 1 dari 2 (50,0%) 1 0 1,83 2,23"
# and kantor-b's own month: 20 working days of id-wib less 5 Aug = 19, for
# the office as for its one SOP
got=$(MUTU_CALENDARS=$CAL "$MUTU" report monthly --month 2025-08 --office kantor-b --db "$PDB" --models $M --format json --out - 2>/dev/null |
	python3 -c "import json, sys; print(' '.join('%s:%s' % (g['id'], g['summary']['working_days']) for g in json.load(sys.stdin)['groups']))")
expect_eq "kantor-b's August: 19 working days (5 Aug libur daerah)" "$got" "office:19 r2-daerah:19"

# ---- XLSX sheet names cut between characters ------------------------------
# mutu sim's workbook has one sheet per SOP, "1 " + its name, cut to
# Excel's 31 characters.  "1 Izin Uji Lapangan Kabupaten" is 29 bytes, the
# en dash that follows 3 (e2 80 93): a cut at 31 bytes left "\xe2\x80", not
# UTF-8, and a workbook Excel calls unreadable.  31 characters keep the dash
# and the "S" after it.
printf 'submitted\n2025-05-05 08:00\n' >"$TMP/one.csv"
cat >"$TMP/np.ini" <<INI
[run]
calendar = id-wita
start = 2025-05-05
end = 2025-05-16
replications = 3

[staff]
Front Office = 1
Back Office = 1

[sop a]
model = $F/sim/nama-panjang.ini
arrivals = replay $TMP/one.csv
service = fixed
INI
run "$MUTU" sim "$TMP/np.ini" --format xlsx --out "$TMP/np.xlsx"
expect_rc "sim xlsx with a long SOP name: exit 0" 0
got=$(python3 - "$TMP/np.xlsx" <<'PY'
import re, sys, zipfile
w = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml")
try:
    names = re.findall(r'<sheet name="([^"]*)"', w.decode("utf-8"))
    print(names[1], len(names[1]))
except UnicodeDecodeError as e:
    print("not UTF-8:", e)
PY
)
expect_eq "sim xlsx: the SOP's sheet name cut at 31 characters, the en dash whole" "$got" "1 Izin Uji Lapangan Kabupaten–S 31"
