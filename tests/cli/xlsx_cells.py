#!/usr/bin/env python3
# tests/cli/xlsx_cells.py - read an .xlsx as a reader other than mutu's
# writer (Python's zipfile and the sheet XML, Office Open XML ECMA-376
# part 1: 18.3 worksheets, 18.8 styles) and print what a test checks:
#   sheets                  the sheet names in order, one a line
#   frozen                  "True" when every sheet's header row is frozen
#   cell SHEET REF          type, value and number format of one cell:
#                           "n 630 #,##0.0", numbers rounded to 4 decimals
#                           (a minute is 0.000694 of an Excel day); t="s"
#                           cells print "s TEXT"
#   row SHEET C=TEXT..      the row numbers whose columns C hold TEXT (all)
#   num SHEET C=TEXT.. COL  "t value format" of column COL in that one row
import sys, zipfile
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

def load(name):
    root = ET.fromstring(z.read(paths[sheets.index(name)]))
    out = {}
    for c in root.iter("{%s}c" % NS["m"]):
        t = c.get("t", "n"); v = c.findtext("m:v", None, NS)
        code = fmts.get(xfs[int(c.get("s", 0))], "General")
        out[c.get("r")] = (t, shared[int(v)] if t == "s" else v, code)
    pane = root.find(".//m:pane", NS)
    return out, pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"

cmd = sys.argv[2]
if cmd == "sheets":
    print("\n".join(sheets))
elif cmd == "frozen":
    print(all(load(n)[1] for n in sheets))
elif cmd == "cell":
    t, v, code = load(sys.argv[3])[0].get(sys.argv[4], ("-", "-", "-"))
    if t == "n":
        v = "%.10g" % round(float(v), 4)
    print(t, v, code) if t == "n" else print(t, v)
elif cmd in ("row", "num"):
    cells = load(sys.argv[3])[0]
    conds = [a.split("=", 1) for a in sys.argv[4:] if "=" in a]
    rows = sorted({int(r.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for r in cells})
    hit = [n for n in rows if all(cells.get("%s%d" % (c, n), ("", None, ""))[1] == t for c, t in conds)]
    if cmd == "row":
        print(" ".join(map(str, hit)))
    else:
        t, v, code = cells.get("%s%d" % (sys.argv[-1], hit[0]), ("-", "-", "-")) if len(hit) == 1 else ("-", "%d rows" % len(hit), "-")
        print(t, "%.10g" % round(float(v), 4), code) if t == "n" else print(t, v)
