#!/usr/bin/env bash
# tests/cli/test_audit_view.sh - what the audit shows (issue 13): late
# files first, --late-only, start / waiting / processing per step in local
# time, and "over" only when the shown values differ.
#
# Two cases of tests/data/models/uji-sla.ini (id-wib: Mon-Thu 07:30-12:00,
# 13:00-16:00, 450 minutes a day; ceiling 3 Hari = 1350 minutes, the clock
# from the end of step 2).  19-23 May 2025 hold no holiday (Waisak is 12
# May, Ascension 29 May).
#   R1: step 1 takes 30 min 20 s (waktu 30 Menit) and step 2 15 min 25 s
#       (waktu 15 Menit): both print as their waktu ("30 menit", "15
#       menit"), so neither is over.  Clock 19 May 08:55:25 to 20 May
#       11:00 (step 4), well within 1350 minutes: in time.
#   R2: step 2 takes 17 min against 15: over ("17 menit", "lebih 2
#       menit").  Step 3 runs 19 May 09:00 to 23 May 12:00: by the end of
#       Thursday 22 May the clock (from 08:47 on the 19th) has 373 + 3 x
#       450 = 1723 working minutes > 1350: late.
. tests/cli/lib.sh

cat >"$TMP/log.csv" <<'CSV'
case_id,step,activity,actor,start,end
R1,1,Pemohon mengajukan permohonan,Pemohon,2025-05-19 08:00:00,2025-05-19 08:30:20
R1,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-19 08:40:00,2025-05-19 08:55:25
R1,3,Tim Teknis memproses dan membuat rekomendasi,Tim Teknis,2025-05-19 09:00:00,2025-05-20 10:00:00
R1,4,Kepala Dinas menandatangani SK,Kepala Dinas,2025-05-20 10:30:00,2025-05-20 11:00:00
R1,5,Pemohon menerima SK,Pemohon,2025-05-20 11:10:00,2025-05-20 11:20:00
R2,1,Pemohon mengajukan permohonan,Pemohon,2025-05-19 08:00:00,2025-05-19 08:20:00
R2,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-19 08:30:00,2025-05-19 08:47:00
R2,3,Tim Teknis memproses dan membuat rekomendasi,Tim Teknis,2025-05-19 09:00:00,2025-05-23 12:00:00
R2,4,Kepala Dinas menandatangani SK,Kepala Dinas,2025-05-23 13:00:00,2025-05-23 13:30:00
R2,5,Pemohon menerima SK,Pemohon,2025-05-23 13:40:00,2025-05-23 13:50:00
CSV
DB="$TMP/a.db"
M=tests/data/models
"$MUTU" ingest "$TMP/log.csv" --db "$DB" --sop uji-sla --models "$M" --quiet
A=(--db "$DB" --models "$M" --sop uji-sla --from 2025-05-19 --to 2025-05-23)

run "$MUTU" audit "${A[@]}" --format json
expect_rc "audit json: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c "
import json, sys
d = json.load(sys.stdin)
for c in d['cases']:
    print(c['case'], ','.join(c['flags']) or '-', ','.join(sorted(f['flag'] for f in c['findings'])) or '-',
          ','.join(s['flags'][0] if s['flags'] else '-' for s in c['steps']))
print(d['summary']['by_flag']['over'], d['summary']['by_flag']['late'])")
expect_eq "over only when shown values differ: R1 none, R2 step 2 (and late)" "$got" "R1 - - -,-,-,-,-
R2 over,late late,over,over -,over,over,-,-
1 1"

# text: the late case first, and no "30 menit > 30 menit"
run "$MUTU" audit "${A[@]}"
expect_rc "audit text: exit 0" 0
order=$(printf '%s\n' "$OUT" | sed -n 's/^== Kasus \([A-Z0-9]*\).*/\1/p' | tr '\n' ' ')
expect_eq "text: late files first" "$order" "R2 R1 "
case "$OUT" in *"30 menit > 30 menit"* | *"15 menit > 15 menit"* | *"lebih 0 menit"*)
	not_ok "text: no rounding artefact shown as over" ;;
*) ok "text: no rounding artefact shown as over" ;; esac
expect_out_has "text: R2's check is over by 2 minutes" "langkah 2 lewat waktu: 17 menit > 15 menit (lebih 2 menit)"

run "$MUTU" audit "${A[@]}" --late-only
order=$(printf '%s\n' "$OUT" | sed -n 's/^== Kasus \([A-Z0-9]*\).*/\1/p' | tr '\n' ' ')
expect_eq "--late-only: only R2" "$order" "R2 "
run "$MUTU" audit "${A[@]}" --late-only --format json
got=$(printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['summary']['cases'], [c['case'] for c in d['cases']])")
expect_eq "--late-only json: one case, R2" "$got" "1 ['R2']"
run "$MUTU" audit "${A[@]}" --save --no-store
expect_rc "--save with --no-store: exit 2" 2

# HTML: late first, start / waiting / processing columns, local times
run "$MUTU" audit "${A[@]}" --format html --out "$TMP/a.html"
expect_rc "audit html: exit 0" 0
got=$(python3 - "$TMP/a.html" <<'PY'
import re, sys
d = open(sys.argv[1]).read()
print(" ".join(re.findall(r'<h2>Kasus ([A-Z0-9]+)</h2>', d)))
head = re.search(r'<table class="t-audit"><thead><tr>(.*?)</tr>', d).group(1)
print(" ".join(re.findall(r'<th[^>]*>([^<]*)</th>', head)))
# R1's step 2 row: started 08:40 WIB, waited 9 min 40 s after step 1's
# end (08:30:20), shown rounded as 10 menit; processed 15 min 25 s -> 15
r1 = d[d.index('<h2>Kasus R1'):]
row = re.search(r'<tr[^>]*><td class="n">2</td>(.*?)</tr>', r1).group(0)
cells = re.findall(r'<td[^>]*>([^<]*)</td>', row)
print(" | ".join(cells[3:8]), "| over" if 'class="over"' in row else "| not over")
PY
)
expect_eq "html: late first; the columns; R1 step 2 in local time, waiting apart, not over" "$got" "R2 R1
No. Kegiatan Pelaksana Mulai Selesai Menunggu Proses Standar Selisih Tanda
19 Mei 2025 08:40 WIB | 19 Mei 2025 08:55 WIB | 10 menit | 15 menit | 15 menit | not over"

# Excel: read back with zipfile and the sheet XML (not libxlsxwriter)
run "$MUTU" audit "${A[@]}" --format xlsx --out "$TMP/a.xlsx"
expect_rc "audit xlsx: exit 0" 0
got=$(python3 - "$TMP/a.xlsx" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
sh = list(wb.find("m:sheets", NS))
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
shared = [si.findtext(".//m:t", "", NS) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
st = ET.fromstring(z.read("xl/styles.xml"))
fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in st.find("m:numFmts", NS)}
xfs = [int(x.get("numFmtId", 0)) for x in st.find("m:cellXfs", NS)]
def sheet(name):
    s = [x for x in sh if x.get("name") == name][0]
    root = ET.fromstring(z.read("xl/" + rels[s.get("{%s}id" % NS["r"])]))
    pane = root.find(".//m:pane", NS)
    rows = {}
    for c in root.iter("{%s}c" % NS["m"]):
        t = c.get("t", "n"); v = c.findtext("m:v", None, NS)
        rows[c.get("r")] = (t, shared[int(v)] if t == "s" else float(v), fmts.get(xfs[int(c.get("s", 0))], "General"))
    return rows, pane is not None and pane.get("state") == "frozen"
print(" ".join(x.get("name") for x in sh), all(sheet(x.get("name"))[1] for x in sh))
steps, _ = sheet("Langkah")
r = [k[1:] for k, v in steps.items() if k[0] == "A" and v[1] == "R1"][1]   # R1's second row: step 2
def show(col):
    t, v, f = steps[col + r]
    return "%s %s %s" % (t, round(v, 4) if t == "n" else v, f)
print(show("B"), "|", show("E"), "|", show("G"), "|", show("H"))
PY
)
# R1 step 2 started 19 May 2025 08:40 WIB: Excel serial 45796 (1 Jan 2025
# = 45658, + 120 days to 1 May, + 18) + 520/1440 = 45796.3611; it waited
# 9 min 40 s (9.6667) after step 1 and took 15 min 25 s (15.4167).
expect_eq "audit xlsx: summary first, frozen headers; step times as date serials, minutes as numbers" "$got" \
	"Ringkasan Kasus Langkah Temuan True
n 2.0 #,##0 | n 45796.3611 dd mmm yyyy hh:mm | n 9.6667 #,##0.0 | n 15.4167 #,##0.0"
