#!/usr/bin/env bash
# tests/cli/test_report_xlsx.sh - `mutu report --format xlsx` read back by
# another reader than the writer: Python's zipfile and the sheet XML
# (Office Open XML, ECMA-376 part 1, 18.3 worksheets and 18.8 styles).
# Cells must be Excel numbers and dates (no t="s"/"str" for them, a
# number format with a year for dates), the summary sheet first, every
# sheet's header row frozen, and no chart files (a workbook shows none).
. tests/cli/lib.sh

DB="$TMP/d.db"
"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv \
	--db "$DB" --quiet 2>/dev/null
# no gnuplot anywhere on PATH: the workbook must not need it
run env MUTU_GNUPLOT=/nonexistent/gnuplot "$MUTU" report monthly --month 2025-03 --db "$DB" --out "$TMP/x" --format xlsx
expect_rc "xlsx report written without gnuplot" 0
X="$TMP/x/report-2025-03.xlsx"
n=$(ls -A "$TMP/x" | wc -l)
expect_eq "only the workbook is written (no chart files)" "$n" "1"

got=$(python3 - "$X" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
sheets = [s.get("name") for s in wb.find("m:sheets", NS)]
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
paths = ["xl/" + rels[s.get("{%s}id" % NS["r"])] for s in wb.find("m:sheets", NS)]
shared = [si.findtext(".//m:t", "", NS) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
st = ET.fromstring(z.read("xl/styles.xml"))
fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in st.find("m:numFmts", NS)}
xfs = [int(x.get("numFmtId", 0)) for x in st.find("m:cellXfs", NS)]
def cells(path):
    root = ET.fromstring(z.read(path))
    out = {}
    for c in root.iter("{%s}c" % NS["m"]):
        t = c.get("t", "n"); v = c.findtext("m:v", None, NS)
        code = fmts.get(xfs[int(c.get("s", 0))], "General")
        out[c.get("r")] = (t, shared[int(v)] if t == "s" else v, code)
    frozen = root.find(".//m:pane", NS)
    return out, frozen is not None and frozen.get("state") == "frozen" and frozen.get("ySplit") == "1"
print(sheets[0])
print(all(cells(p)[1] for p in paths))
summ, _ = cells(paths[0])
row = [r for r, (t, v, c) in summ.items() if v == "Izin Pengumpulan Uang dan Barang"][0][1:]
print([(summ[c + row][0], summ[c + row][1], summ[c + row][2]) for c in "BCDE"])
daily, _ = cells(paths[sheets.index("Harian")])
print(daily["B2"][0], daily["B2"][1], "yy" in daily["B2"][2])
PY
)
# IPUB in March 2025: one file finished (case 001), in time (the hand
# count of tests/cli/test_report_answer.sh): 1 of 1, share 1 (100%),
# 0 late.  The daily sheet's first date is 1 March 2025 = Excel serial
# 45717 (1 Jan 2025 is 45658, plus 31 + 28 days).
expect_eq "xlsx: summary first, headers frozen, numbers as numbers, dates as serials with a date format" "$got" "Ringkasan
True
[('n', '1', '#,##0'), ('n', '1', '#,##0'), ('n', '1', '0.0%'), ('n', '0', '#,##0')]
n 45717 True"


# ---- CSV for an Indonesian Excel: --csv-dialect excel-id ----
# Case 001's SLA clock ran 1761 working minutes (3 Mar 09:12 - 7 Mar
# 13:33, the signature, in Ramadan hours, worked out in
# test_report_answer.sh; 1881 to the applicant's receipt 10 Mar 08:03
# before) = 29.35 h against 5 x 450 = 2250 min = 37.5 h: the audit's case
# row must read 29,35 and 37,5 with ';' between fields and a UTF-8 BOM
# first.
run "$MUTU" audit --db "$DB" --case 503/IPUB/2025/001 --format csv --csv-dialect excel-id
expect_rc "audit csv excel-id: exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c "
import csv, sys
raw = sys.stdin.buffer.read()
rows = list(csv.reader(raw.decode('utf-8-sig').splitlines(), delimiter=';'))
c = [r for r in rows if r[0] == 'case'][0]
print(raw[:3] == b'\xef\xbb\xbf', rows[0][:3], c[9], c[10])")
expect_eq "audit csv excel-id: BOM, ';' fields, decimal commas" "$got" "True ['type', 'case', 'sop'] 29,35 37,5"
run "$MUTU" report monthly --month 2025-03 --db "$DB" --format csv --csv-dialect excel-id --out -
got=$(printf '%s' "$OUT" | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin.read().lstrip('\ufeff').splitlines(), delimiter=';'))
print([r[4] for r in rows if r[0] == 'izin-pengumpulan-uang-barang' and r[1] == 'summary' and r[3] == 'lead_median_days'])")
# the one finished file's 1761 minutes at 450 a day: 3.913333333 working days
expect_eq "report csv excel-id: the median lead time with a decimal comma" "$got" "['3,913333333']"
run "$MUTU" audit --db "$DB" --case 503/IPUB/2025/001 --format csv --csv-dialect semicolon
expect_rc "--csv-dialect unknown: exit 2" 2
