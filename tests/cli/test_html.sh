#!/usr/bin/env bash
# tests/cli/test_html.sh - the HTML reports opened in a real browser
# (Debian's chromium, headless): they render, the charts are there and
# decode, and nothing from the data executes.  The hand-made log holds a
# case id "<script>document.title='pwned'</script>", an activity
# "<img src=x onerror=\"document.title='pwned2'\">" and an actor
# "<b>Front Office</b>": if any of them ran or became markup, the title or
# the DOM would show it.
. tests/cli/lib.sh

if ! command -v chromium >/dev/null 2>&1; then
	not_ok "chromium is installed (Debian package chromium; make deps)"
	exit 0
fi

chrome() { # FILE ARGS...: one headless run with a fresh profile
	local f=$1
	shift
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$TMP/prof.XXXXXX")" "$@" "file://$f" 2>"$TMP/chrome.err"
}

DB="$TMP/uji.db"
R="$TMP/rep"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models tests/data/models --quiet
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models tests/data/models --out "$R"
expect_rc "monthly report written" 0
H="$R/report-2025-05.html"

chrome "$H" --dump-dom >"$TMP/dom.html"
[ -s "$TMP/dom.html" ] && ok "chromium renders the monthly report" || not_ok "chromium renders the report" "$(tail -3 "$TMP/chrome.err")"
got=$(python3 - "$TMP/dom.html" <<'EOF'
import base64, sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.title = None; s.intitle = False; s.tags = {}; s.imgs = []; s.onattrs = 0
    def handle_starttag(s, tag, attrs):
        s.tags[tag] = s.tags.get(tag, 0) + 1
        s.onattrs += sum(1 for k, _ in attrs if k.startswith("on"))
        if tag == "title": s.intitle = True
        if tag == "img": s.imgs.append(dict(attrs))
    def handle_endtag(s, tag):
        if tag == "title": s.intitle = False
    def handle_data(s, d):
        if s.intitle: s.title = (s.title or "") + d
p = P(); p.feed(open(sys.argv[1]).read())
charts = 0
for i in p.imgs:
    src = i.get("src", "")
    pre = "data:image/svg+xml;base64,"
    if src.startswith(pre):
        root = ET.fromstring(base64.b64decode(src[len(pre):]))
        if root.tag.endswith("svg"): charts += 1
print(repr(p.title), p.tags.get("script", 0), p.tags.get("b", 0), p.onattrs, charts, len(p.imgs))
EOF
)
expect_eq "DOM: title unchanged, no script, no injected markup, 4 SVG charts" "$got" "'Laporan Kepatuhan SOP Mei 2025' 0 0 0 4 4"
grep -q "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "$TMP/dom.html" && ok "the case id shows as text" || not_ok "the case id shows as text"
grep -q "&lt;b&gt;Front Office&lt;/b&gt;" "$TMP/dom.html" && ok "the actor with markup shows as text" || not_ok "actor shown as text"

# screenshots, desktop and phone: real pixels, not a blank page
chrome "$H" --window-size=1200,2600 --screenshot="$TMP/desk.png" >/dev/null
chrome "$H" --window-size=390,2400 --screenshot="$TMP/phone.png" >/dev/null
got=$(python3 - "$TMP/desk.png" "$TMP/phone.png" <<'EOF'
import struct, sys, zlib
def info(p):
    b = open(p, "rb").read()
    assert b[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", b[16:24])
    # count distinct bytes in the decompressed image data: a blank page has ~1
    idat = b"".join(b[i + 8:i + 8 + struct.unpack(">I", b[i:i + 4])[0]]
                    for i in range(8, len(b)) if b[i + 4:i + 8] == b"IDAT")
    raw = zlib.decompress(idat)
    return w, h, len(set(raw[:2000000]))
for p in sys.argv[1:]:
    w, h, k = info(p)
    print(w, h, k > 50, end=" ")
EOF
)
expect_eq "screenshots (desktop 1200, phone 390) have content" "$got" "1200 2600 True 390 2400 True "
mkdir -p reports/out
cp "$TMP/desk.png" reports/out/test-html-desktop.png 2>/dev/null
cp "$TMP/phone.png" reports/out/test-html-phone.png 2>/dev/null

# the phone layout: the page itself never scrolls sideways (wide tables
# scroll inside their box), checked on the DOM the browser laid out
chrome "$H" --window-size=390,2400 --dump-dom >"$TMP/dom2.html"
grep -q 'class="tw"' "$TMP/dom2.html" && ok "tables sit in scroll boxes for phones" || not_ok "tables in scroll boxes"
grep -q '@media print' "$H" && ok "print stylesheet present" || not_ok "print stylesheet"

# print: a PDF comes out of the browser's print path
chrome "$H" --print-to-pdf="$TMP/r.pdf" --no-pdf-header-footer >/dev/null
head -c 5 "$TMP/r.pdf" 2>/dev/null | grep -q "%PDF" && ok "prints to PDF" || not_ok "prints to PDF" "$(tail -3 "$TMP/chrome.err")"

# the audit page: the <img onerror> activity must stay text
"$MUTU" audit --db "$DB" --models tests/data/models --sop uji-sla --from 2025-05-01 --to 2025-05-31 \
	--format html --out "$TMP/audit.html" --no-store 2>/dev/null
chrome "$TMP/audit.html" --dump-dom >"$TMP/adom.html"
got=$(python3 - "$TMP/adom.html" <<'EOF'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.title = ""; s.t = False; s.n = {}; s.on = 0
    def handle_starttag(s, tag, attrs):
        s.n[tag] = s.n.get(tag, 0) + 1; s.on += sum(1 for k, _ in attrs if k.startswith("on"))
        s.t = tag == "title"
    def handle_endtag(s, tag): s.t = False
    def handle_data(s, d):
        if s.t: s.title += d
p = P(); p.feed(open(sys.argv[1]).read())
print(repr(p.title), p.n.get("script", 0), p.n.get("img", 0), p.on, p.n.get("section", 0))
EOF
)
# the title as mutu wrote it, with the as-of instant (the store's latest
# event, D's step 3 start 28 May 10:00 WIB) in the local form of the body
expect_eq "audit DOM: title unchanged, no script/img/on* from data, 7 sections" "$got" \
	"'Audit SOP: SOP uji-sla, 2025-05-01 .. 2025-05-31; per 28 Mei 2025 10:00 WIB' 0 0 0 7"
grep -q "&lt;img src=x onerror=" "$TMP/adom.html" && ok "audit: the img activity shows as text" || not_ok "audit: img as text"
