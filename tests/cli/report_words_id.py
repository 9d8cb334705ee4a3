"""report_words_id.py DATA FILE... - the report's own Indonesian words left in
an English report (tests/cli/test_report_field.sh).

The Indonesian words are those of the Indonesian side of the TR(o, "id",
"en") pairs in the report renderers, less the words their English side
uses too and less the domain words every report keeps (langkah,
pelaksana, berkas, hari kerja, libur nasional, cuti bersama, mutu baku,
waktu).  Words of DATA (the log and the models: SOP titles, activities)
are the office's own text, not the report's.  For each FILE (html: its
text, alt/title attributes and inline SVG charts; xlsx: its strings;
other: as is) prints "NAME N FOUND..." where N is the size of the word
list and FOUND the Indonesian words left (none: nothing after N).
"""
import base64, re, sys, zipfile
from html.parser import HTMLParser
pair = re.compile(r'TR\(\s*o\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"', re.S)
words = lambda s: set(w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"%[-0-9.]*[a-z]+", " ", s)))
en, idw = set(), set()
for src in ["engine/rpt_month.c", "engine/rpt_answer.c", "engine/rpt_chart.c", "engine/rpt_xlsx.c", "engine/rpt_fmt.c"]:
    for a, b in pair.findall(open(src).read()):
        idw |= words(a); en |= words(b)
domain = {"langkah", "pelaksana", "berkas", "hari", "kerja", "libur", "nasional", "cuti", "bersama", "mutu", "baku", "waktu"}
indo = idw - en - domain
data = open(sys.argv[1]).read()  # the log and models: their words are data
dwords = words(data)
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.text = []; s.skip = 0
    def handle_starttag(s, tag, attrs):
        if tag in ("style", "script"): s.skip += 1
        for k, v in attrs:
            if k in ("alt", "title") and v: s.text.append(v)
            if k == "src" and v and v.startswith("data:image/svg+xml;base64,"):
                svg = base64.b64decode(v.split(",", 1)[1]).decode()
                s.text += re.findall(r">([^<>]+)<", svg)
    def handle_endtag(s, tag):
        if tag in ("style", "script"): s.skip -= 1
    def handle_data(s, d):
        if not s.skip: s.text.append(d)
for f in sys.argv[2:]:
    if f.endswith(".html"):
        p = P(); p.feed(open(f).read()); t = " ".join(p.text)
    elif f.endswith(".xlsx"):
        z = zipfile.ZipFile(f); t = " ".join(re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode()))
    else:
        t = open(f).read()
    # the SOP's own declared total is quoted as its table writes it
    t = re.sub(r"\d+ (Hari|Jam|Menit)\b", " ", t)
    found = sorted((words(t) - dwords) & indo)
    print(f.rsplit("/", 1)[-1], len(indo), " ".join(found))
