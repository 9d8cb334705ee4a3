#!/usr/bin/env bash
# tests/cli/test_report_province.sh - `mutu report monthly --by-office`: the
# offices of one store side by side, from hand-written logs whose figures are
# worked out below, in every format, identical from SQLite and PostgreSQL
# (tests/pg/pg.sh: a private server), and the HTML table inside 1280 px in
# chromium.  Also `--month latest` per office and the same-file rule of
# ingest (a batch is its file's sha256 AND its office).
#
# The logs (tests/data/logs/province/, SOP model tests/data/models/uji-sla.ini:
# calendar id-wib, 450-minute working days Mon-Fri, ceiling 3 Hari net, the
# clock from the end of step 2, the file check, to the end of step 5).  Every
# finished case has step 2 end at 07:30 on a Monday (the office opens at
# 07:30) and step 5 end at 07:30 N working days later, so its lead time is
# exactly N working days; November 2025 has no holiday (id-holidays).  A case
# is within the ceiling when N <= 3.
#   kota-a (--office kota-a): A1 1 day, A2 2, A3 5 (Mon 3 -> Mon 10 Nov), A4
#     stops after step 2 on 24 Nov: open at month end.
#     -> 3 finished, 2 within (66,7%), 1 late, 1 open; leads 1 2 5: median 2,
#        p90 (R type 7, h = 2 x 0.9 = 1.8) 2 + 0.8 x (5 - 2) = 4.4
#   kota-b: B1 1, B2 1, B3 2, B4 2 -> 4 of 4 (100%), median (1+2)/2 = 1.5,
#     p90 h = 2.7: 2 + 0.7 x 0 = 2; and D1 of SOP uji-sla-cs1 (same steps,
#     clock from step 1's end, 07:00, before opening: the same 1 day)
#   the default office (no --office): C1 4 days (Mon 3 -> Fri 7 Nov 07:30),
#     C2 6 (Mon 10 -> Tue 18) -> 0 of 2 (0%), 2 late, median 5, p90 4 + 0.9 x 2
#     = 5.8
#   uji-sla, province: 9 finished, 6 within (66,7%), 3 late, 1 open; leads
#     A 1 2 5, B 1 1 2 2, C 4 6 sorted: 1 1 1 2 2 2 4 5 6, median h = 4 -> 2,
#     p90 h = 7.2 -> 5 + 0.2 x 1 = 5.2
#   every SOP: 10 finished, 7 within (70%), 3 late, 1 open; leads plus D1's 1:
#     1 1 1 1 2 2 2 4 5 6, median h = 4.5 -> 2, p90 h = 8.1 -> 5 + 0.1 = 5.1
# Worst share first: the default office (0%), kota-a (66,7%), kota-b (100%).
. tests/cli/lib.sh

D=tests/data/logs/province
M=tests/data/models
ingest_all() { # DB
	"$MUTU" ingest $D/kota-a.csv --db "$1" --office kota-a --sop uji-sla --models $M --quiet &&
		"$MUTU" ingest $D/kota-b.csv --db "$1" --office kota-b --sop uji-sla --models $M --quiet &&
		"$MUTU" ingest $D/utama.csv --db "$1" --sop uji-sla --models $M --quiet &&
		"$MUTU" ingest $D/kota-b-cs1.csv --db "$1" --office kota-b --sop uji-sla-cs1 --models $M --quiet
}
SQ=$TMP/p.db
run ingest_all "$SQ"
expect_rc "three offices' logs ingest into one SQLite store" 0
REP=(report monthly --month 2025-11 --models $M --by-office)

# ---- the table, as text -------------------------------------------------
run "$MUTU" "${REP[@]}" --db "$SQ" --format text --out -
expect_rc "province report as text to stdout: exit 0" 0
got=$(printf '%s\n' "$OUT" | sed -n '3,10p' | tr -s ' ')
want="SOP Kantor Selesai Dalam batas SOP Terlambat Terbuka akhir bulan Median (hari) p90 (hari)
Izin Uji SLA (uji-sla) (kantor bawaan) 2 0 dari 2 (0,0%) 2 0 5,00 5,80
Izin Uji SLA (uji-sla) kota-a 3 2 dari 3 (66,7%) 1 1 2,00 4,40
Izin Uji SLA (uji-sla) kota-b 4 4 dari 4 (100,0%) 0 0 1,50 2,00
Izin Uji SLA (uji-sla) Total provinsi 9 6 dari 9 (66,7%) 3 1 2,00 5,20
Izin Uji SLA (uji-sla-cs1) kota-b 1 1 dari 1 (100,0%) 0 0 1,00 1,00
Izin Uji SLA (uji-sla-cs1) Total provinsi 1 1 dari 1 (100,0%) 0 0 1,00 1,00
Semua SOP Total provinsi 10 7 dari 10 (70,0%) 3 1 2,00 5,10"
expect_eq "text: offices worst first, counts, shares, median and p90 as worked out" "$got" "$want"
run "$MUTU" "${REP[@]}" --db "$SQ" --format text --out - --lang en
got=$(printf '%s\n' "$OUT" | sed -n '4p;6p;10p' | tr -s ' ')
want="Izin Uji SLA (uji-sla) (default office) 2 0 of 2 (0.0%) 2 0 5.00 5.80
Izin Uji SLA (uji-sla) kota-b 4 4 of 4 (100.0%) 0 0 1.50 2.00
Every SOP Province total 10 7 of 10 (70.0%) 3 1 2.00 5.10"
expect_eq "text --lang en: English words, decimal points" "$got" "$want"

# ---- JSON: the same figures, the schema ---------------------------------
J=$TMP/j
mkdir -p "$J"
"$MUTU" "${REP[@]}" --db "$SQ" --format json --out "$J/sq" >/dev/null 2>"$TMP/e"
[ -f "$J/sq/province-2025-11.json" ] && ok "json written as province-2025-11.json" ||
	not_ok "json written as province-2025-11.json" "$(ls "$J/sq" 2>&1)" "$(cat "$TMP/e")"
got=$(python3 - "$J/sq/province-2025-11.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sops"][0]
print(next(iter(d)), d["schema"], d["month"], [o["office"] for o in d["offices"]])
print(d["units"]["duration"], [(r["office"], r["finished"], r["within"], r["late"], r["open_at_month_end"], r["lead_median"], r["lead_p90"]) for r in s["rows"]])
print(s["rows"][0]["lead_median_text"], "|", s["rows"][0]["lead_p90_text"])
t = s["total"]; g = d["total"]
print(t["office"], t["finished"], t["within"], round(t["share_within"], 4), t["lead_median"], t["lead_p90"])
print(g["finished"], g["within"], g["share_within"], g["lead_median"], g["lead_p90"], [x["id"] for x in d["sops"]])
EOF
)
# JSON durations are working minutes (mutu.report/2's one unit): the
# tables' working days times the 450-minute day, e.g. 5.8 days = 2610
# minutes = "5 Hari 6 Jam" (2250 + 360)
want="schema mutu.province/1 2025-11 ['', 'kota-a', 'kota-b']
minutes [('', 2, 0, 2, 0, 2250, 2610), ('kota-a', 3, 2, 1, 1, 900, 1980), ('kota-b', 4, 4, 0, 0, 675, 900)]
5 Hari | 5 Hari 6 Jam
None 9 6 0.6667 900 2340
10 7 0.7 900 2295 ['uji-sla', 'uji-sla-cs1']"
expect_eq "json: schema first, offices as stored, rows and totals as worked out" "$got" "$want"
if python3 -c 'import jsonschema' 2>/dev/null; then
	# errors FILE...: validation errors per document against the schema
	errors() {
		python3 - docs/schema/province.schema.json "$@" <<'EOF'
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(s)
v = jsonschema.Draft202012Validator(s)
print(" ".join(str(len(list(v.iter_errors(json.load(open(f)))))) for f in sys.argv[2:]))
EOF
	}
	"$MUTU" "${REP[@]}" --db "$SQ" --format json --out - --lang en >"$J/en.json" 2>/dev/null
	"$MUTU" "${REP[@]}" --db "$SQ" --format json --out - --sop uji-sla-cs1 >"$J/one.json" 2>/dev/null
	expect_eq "json (id, en, one SOP) valid against docs/schema/province.schema.json" \
		"$(errors "$J/sq/province-2025-11.json" "$J/en.json" "$J/one.json")" "0 0 0"
	# the schema can fail: a share above 1, a total row naming an office
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['sops'][0]['rows'][0]['share_within']=1.5; json.dump(d,open(sys.argv[2],'w'))" \
		"$J/en.json" "$J/bad1.json"
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['total']['office']='x'; json.dump(d,open(sys.argv[2],'w'))" \
		"$J/en.json" "$J/bad2.json"
	expect_eq "the schema refuses a share of 1.5 and a total with an office" "$(errors "$J/bad1.json" "$J/bad2.json")" "1 1"
else
	not_ok "python3-jsonschema is installed (make deps)"
fi
got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([s["id"] for s in d["sops"]], [r["office"] for r in d["sops"][0]["rows"]])' "$J/one.json")
expect_eq "--sop uji-sla-cs1: that SOP only, its one office" "$got" "['uji-sla-cs1'] ['kota-b']"

# ---- CSV, Markdown, xlsx --------------------------------------------------
run "$MUTU" "${REP[@]}" --db "$SQ" --format csv --out -
got=$(printf '%s\n' "$OUT" | sed -n '1p;3p;8p' | tr -d '\r')
want="sop,sop_name,office,office_label,row,finished,with_ceiling,within,share_within,late,open_at_month_end,lead_median_days,lead_p90_days,day_minutes
uji-sla,Izin Uji SLA (uji-sla),kota-a,kota-a,office,3,3,2,0.6666666667,1,1,2,4.4,450
*,Semua SOP,,Total provinsi,province,10,10,7,0.7,3,1,2,5.1,450"
expect_eq "csv: header, an office row, the province row" "$got" "$want"
run "$MUTU" "${REP[@]}" --db "$SQ" --format csv --csv-dialect excel-id --out -
case "$OUT" in *"uji-sla;Izin Uji SLA (uji-sla);kota-a;kota-a;office;3;3;2;0,6666666667;1;1;2;4,4;450"*)
	ok "csv excel-id: semicolons and decimal commas" ;;
*) not_ok "csv excel-id: semicolons and decimal commas" "${OUT:0:400}" ;; esac
run "$MUTU" "${REP[@]}" --db "$SQ" --format md --out "$TMP/md"
expect_rc "markdown written" 0
grep -qF '| **Semua SOP** | **Total provinsi** | **10** | **7 dari 10 (70,0%)** | **3** | **1** | **2,00** | **5,10** |' \
	"$TMP/md/province-2025-11.md" 2>/dev/null && ok "markdown: the province row in bold" ||
	not_ok "markdown: the province row in bold" "$(grep -F 'Semua' "$TMP/md/province-2025-11.md" 2>&1)"
run "$MUTU" "${REP[@]}" --db "$SQ" --format xlsx --out "$TMP/x"
expect_rc "xlsx written" 0
X=$TMP/x/province-2025-11.xlsx
XC="python3 tests/cli/xlsx_cells.py $X"
expect_eq "xlsx: one sheet, Provinsi" "$($XC sheets 2>&1)" "Provinsi"
expect_eq "xlsx: kota-a's share a number with a percent format" \
	"$($XC num Provinsi 'A=Izin Uji SLA (uji-sla)' B=kota-a F 2>&1)" "n 0.6667 0.0%"
expect_eq "xlsx: the default office's p90 in days" \
	"$($XC num Provinsi 'A=Izin Uji SLA (uji-sla)' 'B=(kantor bawaan)' J 2>&1)" "n 5.8 #,##0.00"
expect_eq "xlsx: the province's finished over every SOP" "$($XC num Provinsi 'A=Semua SOP' C 2>&1)" "n 10 #,##0"

# ---- the options --------------------------------------------------------
run "$MUTU" report monthly --month 2025-11 --db "$SQ" --by-office --office kota-a
expect_rc "--by-office with --office: bad usage, exit 2" 2
expect_err_has "--by-office with --office: says to leave one out" "leave out --office"
run "$MUTU" report monthly --month 2025-11 --db "$SQ" --format text
expect_rc "--format text without --by-office: exit 2 (the monthly report has no text form)" 2
run "$MUTU" report monthly --month latest --db "$SQ" --models $M --by-office --format json --out -
got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["month"])' 2>&1)
expect_eq "--month latest --by-office: November 2025, the month of the last finished case (B4, 26 Nov)" "$got" "2025-11"

# ---- --month latest: per office, from the store's latest instant ----------
# kota-a's last stamp is A4's step 2 (24 Nov, open) and its last finished
# case A2 (12 Nov): November.  A later office must not move it: a case of
# office kota-c finished in January 2026 makes the store's latest month
# 2026-01, kota-a's stays 2025-11.
cat >"$TMP/kota-c.csv" <<'EOF'
case_id,step,activity,actor,start,end
E1,1,Pemohon mengajukan permohonan,Pemohon,2026-01-05 06:30,2026-01-05 07:00
E1,2,Front Office memeriksa kelengkapan berkas,Front Office,2026-01-05 07:00,2026-01-05 07:30
E1,3,Tim Teknis memproses dan membuat rekomendasi,Tim Teknis,2026-01-05 07:30,2026-01-06 07:00
E1,4,Kepala Dinas menandatangani SK,Kepala Dinas,2026-01-06 07:00,2026-01-06 07:15
E1,5,Pemohon menerima SK,Pemohon,2026-01-06 07:15,2026-01-06 07:30
EOF
cp "$SQ" "$TMP/late.db"
"$MUTU" ingest "$TMP/kota-c.csv" --db "$TMP/late.db" --office kota-c --sop uji-sla --models $M --quiet
latest_of() { # DB [--office NAME]: the month --month latest reports
	"$MUTU" report monthly --month latest --db "$@" --models $M --format json --out - 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["month"])' 2>&1
}
expect_eq "--month latest, whole store: 2026-01 (kota-c's case)" "$(latest_of "$TMP/late.db")" "2026-01"
expect_eq "--month latest --office kota-a: 2025-11, not moved by kota-c" \
	"$(latest_of "$TMP/late.db" --office kota-a)" "2025-11"
expect_eq "--month latest --office kota-c: 2026-01" "$(latest_of "$TMP/late.db" --office kota-c)" "2026-01"
# The month of the latest instant need not hold a finished case: kota-a's
# open case F1 gets a step 1 stamp in March 2026.  Its latest instant is then
# in 2026-03, and the window goes back from there (Mar, Feb, Jan, Nov: each
# window starts 2 days before a month's 1st) until it meets A2's 12 Nov.
printf '%s\n' 'case_id,step,activity,actor,start,end' \
	'F1,1,Pemohon mengajukan permohonan,Pemohon,2026-03-02 06:30,2026-03-02 07:00' >"$TMP/kota-a-late.csv"
"$MUTU" ingest "$TMP/kota-a-late.csv" --db "$TMP/late.db" --office kota-a --sop uji-sla --models $M --quiet
expect_eq "--month latest --office kota-a, an open case in March 2026: still 2025-11" \
	"$(latest_of "$TMP/late.db" --office kota-a)" "2025-11"
expect_eq "--month latest --office kota-a --sop uji-sla: 2025-11" \
	"$(latest_of "$TMP/late.db" --office kota-a --sop uji-sla)" "2025-11"
run "$MUTU" report monthly --month latest --db "$TMP/late.db" --office kota-a --sop uji-sla-cs1 --models $M \
	--format json --out -
expect_rc "--month latest --office kota-a --sop uji-sla-cs1 (kota-b's SOP only): not found, exit 2" 2
expect_err_has "--month latest: says what is missing" "uji-sla-cs1"

# ---- the HTML: in a browser, inside 1280 px -------------------------------
run "$MUTU" "${REP[@]}" --db "$SQ" --out "$TMP/h"
expect_rc "html written" 0
H=$TMP/h/province-2025-11.html
expect_out_has "the CLI names the file" "province-2025-11.html"
grep -q '<td>(kantor bawaan)</td>' "$H" && ok "html: the default office by its shown name" ||
	not_ok "html: the default office by its shown name"
grep -q '<td class="n">2 dari 3 (66,7%)</td>' "$H" && ok "html: kota-a's count beside its share" ||
	not_ok "html: kota-a's count beside its share"
# no English in the Indonesian page: the English side of rpt_province.c's
# TR(o, "id", "en") pairs, less the words the Indonesian side uses too
# (SOP, Median, p90 ...), must not show in its text
got=$(python3 - "$H" engine/rpt_province.c <<'EOF'
import re, sys
from html.parser import HTMLParser
pair = re.compile(r'TR\(\s*o\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*(?:[^"]*\?\s*)?"((?:[^"\\]|\\.)*)"', re.S)
words = lambda s: set(w.lower() for w in re.findall(r"[A-Za-z]{4,}", s))
en, idw = set(), set()
for a, b in pair.findall(open(sys.argv[2]).read()):
    idw |= words(a); en |= words(b)
english = en - idw
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.text = []; s.skip = 0
    def handle_starttag(s, tag, attrs):
        if tag in ("style", "script"): s.skip += 1
    def handle_endtag(s, tag):
        if tag in ("style", "script"): s.skip -= 1
    def handle_data(s, d):
        if not s.skip: s.text.append(d)
p = P(); p.feed(open(sys.argv[1]).read())
print(len(english) > 40, sorted(words(" ".join(p.text)) & english))
EOF
)
expect_eq "html: no English word of the renderer in the Indonesian page (over 40 checked)" "$got" "True []"
if command -v chromium >/dev/null 2>&1; then
	python3 - "$H" "$TMP/measure.html" <<'EOF'
import re, sys
d = open(sys.argv[1]).read()
# the report forbids scripts (Content-Security-Policy): the copy drops that
# one tag to measure, the layout is the same
d = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', '', d)
js = """<script>
var w = 0, who = '';
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  var x = Math.max(r.right, e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX != 'visible' ? r.left + e.scrollWidth : 0);
  if (x > w) { w = x; who = e.tagName + '.' + e.className; }
});
var p = document.createElement('pre'); p.id = 'measured';
p.textContent = Math.ceil(Math.max(w, document.documentElement.scrollWidth)) + ' ' + who +
  ' rows=' + document.querySelectorAll('table.t-province tbody tr').length;
document.body.appendChild(p);
</script>"""
open(sys.argv[2], "w").write(d.replace("</body>", js + "</body>"))
EOF
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$TMP/prof.XXXXXX")" --window-size=1280,900 --dump-dom \
		"file://$TMP/measure.html" >"$TMP/m.html" 2>"$TMP/chrome.err"
	w=$(sed -n 's/.*<pre id="measured">\([^<]*\)<\/pre>.*/\1/p' "$TMP/m.html")
	# 3 SOP heads (2 SOPs and "Semua SOP") + 3 + 1 office rows + 3 totals = 10
	case "$w" in *" rows=10") ok "chromium renders the table: 10 rows (3 heads, 4 offices, 3 totals)" ;;
	*) not_ok "chromium renders the table with 10 rows" "measured: ${w:-nothing}" "$(tail -3 "$TMP/chrome.err")" ;; esac
	if [ -n "$w" ] && [ "${w%% *}" -le 1280 ]; then
		ok "province html: no element wider than 1280 px (widest right edge ${w%% *})"
	else
		not_ok "province html: no element wider than 1280 px" "widest: ${w:-not measured}"
	fi
else
	not_ok "chromium is installed (Debian package chromium; make deps)"
fi

# ---- the same file for two offices (SQLite) -------------------------------
# A batch is the file's sha256 AND its office: kota-a's file again for
# kota-a is a no-op, for office kota-x it is loaded (a new batch)
run "$MUTU" ingest $D/kota-a.csv --db "$SQ" --office kota-a --sop uji-sla --models $M
expect_rc "SQLite: the same file again for the same office: exit 0" 0
expect_out_has "SQLite: the same file for the same office is a no-op" "already ingested"
run "$MUTU" ingest $D/kota-a.csv --db "$SQ" --office kota-x --sop uji-sla --models $M
expect_rc "SQLite: the same file for another office: exit 0" 0
case "$OUT" in *"already ingested"*) not_ok "SQLite: the same file for another office is loaded" "${OUT:0:300}" ;;
*"batch 5:"*) ok "SQLite: the same file for another office is loaded (batch 5)" ;;
*) not_ok "SQLite: the same file for another office is loaded (batch 5)" "${OUT:0:300}" ;; esac
run "$MUTU" db info --db "$SQ"
expect_out_has "SQLite: db info shows the batch for kota-x" "(--office kota-x)"
run "$MUTU" ingest $D/kota-a.csv --db "$SQ" --office kota-x --sop uji-sla --models $M
expect_out_has "SQLite: and a third time for kota-x it is a no-op" "already ingested as batch 5"

# ---- PostgreSQL: the same figures, and the same-file rule -----------------
. tests/pg/pg.sh
pg_start_checked || exit 1
PG=$MUTU_PG_LOCATION
run ingest_all "$PG"
expect_rc "the same logs ingest into PostgreSQL" 0
"$MUTU" "${REP[@]}" --db "$PG" --format json --out "$J/pg" >/dev/null 2>&1
if cmp -s "$J/sq/province-2025-11.json" "$J/pg/province-2025-11.json"; then
	ok "json: identical from SQLite and PostgreSQL"
else
	not_ok "json: identical from SQLite and PostgreSQL" \
		"$(diff <(tr ',' '\n' <"$J/sq/province-2025-11.json") <(tr ',' '\n' <"$J/pg/province-2025-11.json") | head -10)"
fi
# text, csv and html against a fresh SQLite store of the same ingests ($SQ
# has kota-x by now)
run ingest_all "$TMP/p2.db"
for f in text csv; do
	a=$("$MUTU" "${REP[@]}" --db "$TMP/p2.db" --format $f --out - 2>&1)
	b=$("$MUTU" "${REP[@]}" --db "$PG" --format $f --out - 2>&1)
	expect_eq "$f: identical from SQLite and PostgreSQL" "$b" "$a"
done
# html: the same apart from the footer's store and generation time
"$MUTU" "${REP[@]}" --db "$TMP/p2.db" --out "$TMP/hs" >/dev/null 2>&1
"$MUTU" "${REP[@]}" --db "$PG" --out "$TMP/hp" >/dev/null 2>&1
strip() { sed 's|<p>mutu [^<]*</p>|<p>mutu</p>|' "$1"; }
if [ -s "$TMP/hs/province-2025-11.html" ] && diff -q <(strip "$TMP/hs/province-2025-11.html") \
	<(strip "$TMP/hp/province-2025-11.html") >/dev/null; then
	ok "html: identical from SQLite and PostgreSQL apart from the footer's store and time"
else
	not_ok "html: identical from both backends" "$(diff <(strip "$TMP/hs/province-2025-11.html") \
		<(strip "$TMP/hp/province-2025-11.html") 2>&1 | head -6)"
fi
# the same file for another office: loaded, and its cases are kota-x's
# (PostgreSQL keys cases by office): kota-x's row equals kota-a's
run "$MUTU" ingest $D/kota-a.csv --db "$PG" --office kota-a --sop uji-sla --models $M
expect_out_has "PostgreSQL: the same file for the same office is a no-op" "already ingested"
run "$MUTU" ingest $D/kota-a.csv --db "$PG" --office kota-x --sop uji-sla --models $M
case "$OUT" in *"already ingested"*) not_ok "PostgreSQL: the same file for another office is loaded" "${OUT:0:300}" ;;
*) ok "PostgreSQL: the same file for another office is loaded" ;; esac
run "$MUTU" "${REP[@]}" --db "$PG" --format text --out -
got=$(printf '%s\n' "$OUT" | grep -E '^Izin Uji SLA \(uji-sla\) +kota-[ax] ' | tr -s ' ')
want="Izin Uji SLA (uji-sla) kota-a 3 2 dari 3 (66,7%) 1 1 2,00 4,40
Izin Uji SLA (uji-sla) kota-x 3 2 dari 3 (66,7%) 1 1 2,00 4,40"
expect_eq "PostgreSQL: kota-x has kota-a's figures (ties by name)" "$got" "$want"
