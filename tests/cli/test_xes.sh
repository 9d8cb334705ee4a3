#!/usr/bin/env bash
# tests/cli/test_xes.sh - `mutu ingest` of XES logs (IEEE 1849-2016), plain and
# gzip, detected by content.  Expected figures are worked out by hand in the
# comments at the top of each log under tests/data/logs/ and below.
. tests/cli/lib.sh
MODELS=tests/data/models
q() { sqlite3 "$1" "$2"; }

# ---- ProM / OpenXES style: globals, classifier, typed and nested attributes
# (tests/data/logs/xes-openxes.xes: 8 events = 4 stored + 3 rejected + 1 duplicate)
D="$TMP/openxes.db"
run "$MUTU" ingest tests/data/logs/xes-openxes.xes --db "$D"
expect_rc "openxes: ingest exit 0" 0
expect_eq "openxes: read/stored/rejected/duplicates (by hand: 8 = 4 + 3 + 1)" \
	"$(q "$D" 'SELECT rows_read, events_stored, rejected, duplicates FROM batches')" "8|4|3|1"
expect_eq "openxes: 2 cases (the third trace has no concept:name)" \
	"$(q "$D" 'SELECT group_concat(case_key) FROM (SELECT case_key FROM cases ORDER BY 1)')" "A-1,A-2"
expect_out_has "openxes: extensions named" "extensions: Lifecycle (lifecycle), Organizational (org), Time (time), Concept (concept)"
expect_out_has "openxes: classifier named" "XES classifier 'Aktivitas'"
# events.line is the line of the <event> tag: A-1's events start on lines 48,
# 58, 63 (68 is rejected, 71 the duplicate), A-2's first on line 80.
expect_eq "openxes: stored events, lines, lifecycles, actors" \
	"$(q "$D" "SELECT group_concat(line || ':' || activity || ':' || ifnull(lifecycle,'-') || ':' || ifnull(actor,'-'), ' ') FROM (SELECT * FROM events ORDER BY line)")" \
	"48:Pendaftaran:start:Petugas Loket 58:Pendaftaran:complete:Petugas Loket 63:Verifikasi:complete:- 80:Pendaftaran:complete:Petugas Loket"
# 2025-05-05T08:00+07:00 = 01:00Z: 2025-05-05 is day 20213 since 1970
# (1735689600 s at 2025-01-01 + 124 days) -> 1746403200 + 3600 s.  The start
# event fills start_ms; the others end_ms.  A-2: 09:15:30.250+07:00 = 02:15:30.250Z.
expect_eq "openxes: start stamp and offset" \
	"$(q "$D" "SELECT start_ms, start_off, end_ms FROM events WHERE line = 48")" "1746406800000|420|"
expect_eq "openxes: fractional seconds kept" \
	"$(q "$D" "SELECT end_ms FROM events WHERE line = 80")" "$(( (1746403200 + 2*86400 + 2*3600 + 15*60 + 30) * 1000 + 250 ))"
expect_eq "openxes: case attributes with their XES types; list and container as JSON; global default kanal" \
	"$(q "$D" "SELECT group_concat(x, ' | ') FROM (SELECT a.name || '=' || value || ':' || t.type AS x FROM case_attrs a JOIN cases c ON c.id = a.case_id JOIN attr_types t ON t.scope = 'case' AND t.name = a.name WHERE c.case_key = 'A-1' ORDER BY a.name)")" \
	'berkas={"halaman":12,"lengkap":true}:container | biaya=150000:int | deadline=2025-05-09T16:00:00.000+07:00:date | kanal=loket:string | lampiran=[{"dok":"KTP"},{"dok":"NPWP"}]:list'
expect_eq "openxes: a trace's own value wins over the global default" \
	"$(q "$D" "SELECT value FROM case_attrs a JOIN cases c ON c.id = a.case_id WHERE c.case_key = 'A-2' AND name = 'kanal'")" "online"
expect_eq "openxes: event attributes typed; meta-attribute as PARENT/CHILD; global boolean" \
	"$(q "$D" "SELECT group_concat(x, ' | ') FROM (SELECT a.name || '=' || value || ':' || t.type AS x FROM event_attrs a JOIN events e ON e.id = a.event_id JOIN attr_types t ON t.scope = 'event' AND t.name = a.name WHERE e.line = 48 ORDER BY a.name)")" \
	'identity:id=5c1e0a2e-7d1b-4b8e-9f3a-2a6c1d0e9b11:id | lengkap=true:boolean | org:resource/org:role=Front Office:string | skor=0.75:float'
# one type per batch, scope and key (attr_types); kegiatan is a string
# event attribute as well as the classifier's key; nama_pemohon is not stored
expect_eq "openxes: attr_types: 5 case and 5 event keys with their types (nama_pemohon dropped)" \
	"$(q "$D" "SELECT group_concat(scope || ':' || name || ':' || type, ' ') FROM (SELECT * FROM attr_types ORDER BY scope, name)")" \
	"case:berkas:container case:biaya:int case:deadline:date case:kanal:string case:lampiran:list event:identity:id:id event:kegiatan:string event:lengkap:boolean event:org:resource/org:role:string event:skor:float"
expect_eq "openxes: the event's own boolean wins over the global" \
	"$(q "$D" "SELECT value FROM event_attrs a JOIN events e ON e.id = a.event_id WHERE e.line = 80 AND name = 'lengkap'")" "false"
expect_eq "openxes: personal attribute never stored, named as dropped" \
	"$(q "$D" "SELECT (SELECT count(*) FROM case_attrs WHERE name LIKE '%pemohon%') || '|' || dropped_columns FROM batches")" "0|nama_pemohon"
# (event 4 of A-1 has no time:timestamp key at all: said so since field round 9)
expect_eq "openxes: rejected events keep line, trace, event index and reason" \
	"$(q "$D" "SELECT group_concat(line || ' ' || substr(raw, 1, instr(raw, ':') - 1) || ' / ' || reason, ' # ') FROM (SELECT * FROM rejected ORDER BY line)")" \
	"68 trace 1 'A-1' event 4 / no timestamp: the event has no time:timestamp key # 86 trace 2 'A-2' event 2 / bad timestamp in time:timestamp: '2025-13-07T10:00:00.000+07:00' # 92 trace 3 '' event 1 / missing case id in concept:name"
expect_eq "openxes: personal value blanked in rejected raw" \
	"$(q "$D" "SELECT count(*) FROM rejected WHERE raw LIKE '%Budi%'") $(q "$D" "SELECT count(*) FROM rejected WHERE raw LIKE '%nama_pemohon=[dropped]%'")" "0 1"
run "$MUTU" ingest tests/data/logs/xes-openxes.xes --db "$D"
expect_out_has "openxes: the same file again is a no-op" "already ingested"

# ---- PM4Py style: tests/data/logs/uji-xes.xes holds the rows of uji-xes.csv.
# The audit must give test_report.sh's hand-computed figures for the CSV:
# case X steps 20, 10, 510, 60, 15 min, 620 working min (to step 4, the
# office's last step; 665 to the applicant's step 5 before); Y's step 2 open.
P="$TMP/pm4py.db"
run "$MUTU" ingest tests/data/logs/uji-xes.xes --db "$P" --sop uji-sla --models "$MODELS" --quiet
expect_rc "pm4py: ingest exit 0" 0
expect_eq "pm4py: 13 events stored, 0 rejected" \
	"$(q "$P" 'SELECT rows_read, events_stored, rejected, duplicates FROM batches')" "13|13|0|0"
run "$MUTU" audit --db "$P" --models "$MODELS" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
d=json.load(sys.stdin); c={x['case']:x for x in d['cases']}
x=c['X']; y=c['Y']
print(len(x['steps']), [round(s['actual']) for s in x['steps']], round(x['working']),
      x['flags'], len(y['steps']), y['steps'][1]['end'], y['steps'][1]['start'])")
expect_eq "pm4py: start/complete pairs give the CSV's hand-computed audit" "$got" \
	"5 [20, 10, 510, 60, 15] 620 [] 2 None 2025-05-07T08:15:00+07:00"
C="$TMP/csv.db"
"$MUTU" ingest tests/data/logs/uji-xes.csv --db "$C" --sop uji-sla --models "$MODELS" --quiet
ev='SELECT group_concat(c.case_key||activity||ifnull(step,0)||ifnull(actor,"")||ifnull(lifecycle,"")||ifnull(start_ms,"")||ifnull(start_off,"")||ifnull(end_ms,"")||ifnull(end_off,""), ",") FROM (SELECT e.*, c.case_key FROM events e JOIN cases c ON c.id = e.case_id ORDER BY c.case_key, coalesce(start_ms, end_ms)) e JOIN cases c ON c.id = e.case_id'
expect_eq "pm4py: the same events as the CSV (steps, actors, stamps, offsets)" "$(q "$P" "$ev")" "$(q "$C" "$ev")"

# ---- Disco style, gzipped: tests/data/logs/xes-disco.xes (by hand in its
# header: steps 25, 15 and 510 working minutes; steps found by the model's
# activity texts)
gzip -c tests/data/logs/xes-disco.xes >"$TMP/disco.xes.gz"
run "$MUTU" ingest "$TMP/disco.xes.gz" --db "$TMP/disco.db" --sop uji-sla --models "$MODELS"
expect_rc "disco: ingest exit 0" 0
expect_out_has "disco: the first event classifier named" "XES classifier 'MXML Legacy Classifier'"
expect_eq "disco: 6 read, 6 stored, steps 1 1 2 2 3 3, none unknown" \
	"$(q "$TMP/disco.db" "SELECT rows_read || '|' || events_stored || '|' || unknown_activities FROM batches") $(q "$TMP/disco.db" "SELECT group_concat(step, ' ') FROM (SELECT step FROM events ORDER BY coalesce(start_ms, end_ms))")" \
	"6|6|0 1 1 2 2 3 3"
run "$MUTU" audit --db "$TMP/disco.db" --models "$MODELS" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
d=json.load(sys.stdin); c={x['case']:x for x in d['cases']}['D-1']
print(len(c['steps']), [round(s['actual']) for s in c['steps']])")
expect_eq "disco: start/complete pairs give the hand-computed step durations" "$got" "3 [25, 15, 510]"
expect_eq "disco: trace attributes typed (variant string, variant-index int)" \
	"$(q "$TMP/disco.db" "SELECT group_concat(name || ':' || type, ' ') FROM (SELECT * FROM attr_types ORDER BY name)")" \
	"variant:string variant-index:int"

# ---- gzip, detected by content (the name says nothing)
gzip -c tests/data/logs/uji-xes.xes >"$TMP/log.dat"
G="$TMP/gz.db"
run "$MUTU" ingest "$TMP/log.dat" --db "$G" --sop uji-sla --models "$MODELS"
expect_rc "gzip: ingest exit 0" 0
expect_out_has "gzip: said" "XES log (gzip)"
expect_eq "gzip: the same events as the plain file" "$(q "$G" "$ev")" "$(q "$P" "$ev")"
expect_eq "gzip: sha256 is of the file's bytes" "$(q "$G" 'SELECT sha256 FROM batches')" "$(sha256sum "$TMP/log.dat" | cut -c1-64)"
# two gzip members one after the other (gzip allows it; `cat a.gz b.gz`)
head -c 300 tests/data/logs/uji-xes.xes | gzip -c >"$TMP/two.xes.gz"
tail -c +301 tests/data/logs/uji-xes.xes | gzip -c >>"$TMP/two.xes.gz"
run "$MUTU" ingest "$TMP/two.xes.gz" --db "$TMP/two.db" --sop uji-sla --models "$MODELS" --quiet
expect_eq "gzip: two members read as one stream" "$RC $(q "$TMP/two.db" 'SELECT events_stored FROM batches')" "0 13"

# ---- broken input: exit 2, the line or byte named, nothing written
cp "$P" "$TMP/keep.db"
before=$(q "$TMP/keep.db" 'SELECT count(*) FROM batches; SELECT count(*) FROM events')
# line 37 of the copy: </event> replaced by </evnt> (mismatched tag: libxml2
# names the line of the end tag)
sed "37s|</event>|</evnt>|" tests/data/logs/uji-xes.xes >"$TMP/broken.xes"
run "$MUTU" ingest "$TMP/broken.xes" --db "$TMP/keep.db" --sop uji-sla --models "$MODELS"
expect_rc "broken XML: exit 2" 2
expect_err_has "broken XML: line named" "broken.xes:37: malformed XML"
expect_eq "broken XML: store untouched" "$(q "$TMP/keep.db" 'SELECT count(*) FROM batches; SELECT count(*) FROM events')" "$before"
# the same defect near the end, after the probe's events: found in the
# batch's transaction, which is rolled back
{ sed '$d' tests/data/logs/uji-xes.xes; echo '</lgo>'; } >"$TMP/late.xes"
run "$MUTU" ingest "$TMP/late.xes" --db "$TMP/new.db" --sop uji-sla --models "$MODELS"
expect_rc "broken at the end: exit 2" 2
expect_err_has "broken at the end: line named" "late.xes:$(wc -l <"$TMP/late.xes"): malformed XML"
[ -e "$TMP/new.db" ] && not_ok "broken at the end: no store created" "$(ls "$TMP")" || ok "broken at the end: no store created"
run "$MUTU" ingest "$TMP/late.xes" --db "$TMP/keep.db" --sop uji-sla --models "$MODELS"
expect_eq "broken at the end: existing store untouched" "$RC $(q "$TMP/keep.db" 'SELECT count(*) FROM batches; SELECT count(*) FROM events')" "2 $before"
# a truncated .xes.gz: the gzip stream stops before its end
gzip -c tests/data/logs/xes-openxes.xes >"$TMP/full.xes.gz"
n=$(stat -c %s "$TMP/full.xes.gz")
head -c $((n - 20)) "$TMP/full.xes.gz" >"$TMP/cut.xes.gz"
run "$MUTU" ingest "$TMP/cut.xes.gz" --db "$TMP/cut.db"
expect_rc "truncated gzip: exit 2" 2
expect_err_has "truncated gzip: byte offset named" "truncated gzip: the compressed data ends at byte $((n - 20))"
[ -e "$TMP/cut.db" ] && not_ok "truncated gzip: nothing written" || ok "truncated gzip: nothing written"
# only the 8-byte gzip trailer (CRC, size) missing: the XML is whole, the file is not
head -c $((n - 8)) "$TMP/full.xes.gz" >"$TMP/cut8.xes.gz"
run "$MUTU" ingest "$TMP/cut8.xes.gz" --db "$TMP/cut.db"
expect_eq "truncated gzip trailer: exit 2, nothing written" "$RC $([ -e "$TMP/cut.db" ] && echo db)" "2 "
printf '<?xml version="1.0"?>\n<html>\n<body/>\n</html>\n' >"$TMP/page.xml"
run "$MUTU" ingest "$TMP/page.xml" --db "$TMP/x.db"
expect_rc "not XES: exit 2" 2
expect_err_has "not XES: root named" "page.xml:2: not a XES log: the root element is <html>, XES (IEEE 1849) has <log>"
printf '<log xes.version="1.0">\n</log>\n' >"$TMP/empty.xes"
run "$MUTU" ingest "$TMP/empty.xes" --db "$TMP/x.db"
expect_err_has "no events: exit 2, said" "a XES log with no events"
{ echo '<log><trace><string key="concept:name" value="D"/><event>'
  for i in $(seq 70); do echo '<container key="c">'; done
  for i in $(seq 70); do echo '</container>'; done
  echo '</event></trace></log>'; } >"$TMP/deep.xes"
run "$MUTU" ingest "$TMP/deep.xes" --db "$TMP/x.db"
expect_rc "nesting deeper than 64: exit 2" 2
expect_err_has "nesting deeper than 64: said" "nested deeper than 64 levels"
[ -e "$TMP/x.db" ] && not_ok "refused XES: no store created" || ok "refused XES: no store created"

# events directly under <log> (outside any trace) have no case: rejected,
# counted, numbered among themselves; the trace between them keeps its number 1
printf '<log><event><string key="concept:name" value="y"/></event><trace><string key="concept:name" value="T"/><event><string key="concept:name" value="y"/></event></trace><event><string key="concept:name" value="z"/><date key="time:timestamp" value="2025-01-01T00:00:00Z"/></event></log>\n' >"$TMP/out.xes"
run "$MUTU" ingest "$TMP/out.xes" --db "$TMP/out.db" --quiet
expect_eq "events outside traces: 3 read, 3 rejected, positions kept" \
	"$RC $(q "$TMP/out.db" 'SELECT rows_read, rejected FROM batches') $(q "$TMP/out.db" "SELECT group_concat(substr(raw, 1, instr(raw, ':') - 1), ', ') FROM (SELECT raw FROM rejected ORDER BY id)")" \
	"0 3|3 event 1 outside any trace, trace 1 'T' event 1, event 2 outside any trace"

# bytes that are not the declared encoding: libxml2 reports them through its
# generic handler, which would print to stderr; mutu prints one message
printf '<?xml version="1.0" encoding="ISO-2022-JP"?>\n<log><trace>\033$B\377\377</trace></log>' >"$TMP/enc.xes"
run "$MUTU" ingest "$TMP/enc.xes" --db "$TMP/enc.db"
expect_eq "bad encoding: exit 2, one line on stderr, no store" \
	"$RC $(printf '%s\n' "$ERR" | wc -l) $([ -e "$TMP/enc.db" ] && echo db)" "2 1 "
expect_err_has "bad encoding: line and libxml2's reason" "enc.xes:2: malformed XML: input conversion failed"

# no event has time:timestamp (another key holds the time): refused as a CSV
# without a time column is, nothing written; --timestamp-col names the key
sed 's/time:timestamp/time:stamp/' tests/data/logs/uji-xes.xes >"$TMP/nots.xes"
run "$MUTU" ingest "$TMP/nots.xes" --db "$TMP/nots.db"
expect_rc "no time:timestamp: exit 2" 2
expect_err_has "no time:timestamp: keys seen and the option named" "none of the first 13 events has time:timestamp (event keys: concept:name, org:resource, lifecycle:transition, time:stamp); name the time key with --timestamp-col"
run "$MUTU" ingest "$TMP/nots.xes" --db "$TMP/nots.db" --timestamp-col time:stamp --quiet
expect_eq "--timestamp-col names a XES key" "$RC $(q "$TMP/nots.db" 'SELECT events_stored FROM batches')" "0 13"

# ---- local stamps (no offset): refused without a zone, read at --tz
sed 's/\.000+07:00//' tests/data/logs/uji-xes.xes >"$TMP/local.xes"
run "$MUTU" ingest "$TMP/local.xes" --db "$TMP/l.db"
expect_rc "local stamps without a zone: exit 2" 2
expect_err_has "local stamps without a zone: says --tz" "give --tz"
run "$MUTU" ingest "$TMP/local.xes" --db "$TMP/l.db" --tz WIB --quiet
expect_eq "local stamps at --tz WIB: same instants as +07:00" \
	"$RC $(q "$TMP/l.db" 'SELECT sum(coalesce(start_ms, end_ms)) FROM events')" "0 $(q "$P" 'SELECT sum(coalesce(start_ms, end_ms)) FROM events')"

# ---- a real log: WABO receipt (datasets/logs/wabo-receipt.csv, 8577 events),
# written as XES by an independent converter (Python's xml.sax.saxutils, as
# PM4Py lays it out: case:* -> trace attributes, the rest event attributes,
# stamps as xs:dateTime).  Ingested from XES it must give the CSV's events,
# attributes and monthly report.
python3 - datasets/logs/wabo-receipt.csv "$TMP/wabo.xes" <<'PY'
import csv, sys
from xml.sax.saxutils import quoteattr as qa
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
out = open(sys.argv[2], "w")
out.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n')
cur = None
for r in rows:
    cid = r["case:concept:name"]
    if cid != cur:
        if cur is not None:
            out.write("</trace>\n")
        cur = cid
        out.write("<trace>\n")
        for k, v in r.items():
            if k.startswith("case:") and v != "":
                out.write("<string key=%s value=%s/>\n" % (qa(k[5:]), qa(v)))
    out.write("<event>\n")
    for k, v in r.items():
        if k.startswith("case:") or v == "":
            continue
        if k == "time:timestamp":
            out.write("<date key=%s value=%s/>\n" % (qa(k), qa(v.replace(" ", "T"))))
        else:
            out.write("<string key=%s value=%s/>\n" % (qa(k), qa(v)))
    out.write("</event>\n")
out.write("</trace>\n</log>\n")
PY
W1="$TMP/wabo-csv.db" W2="$TMP/wabo-xes.db"
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$W1" --quiet
run "$MUTU" ingest "$TMP/wabo.xes" --db "$W2" --quiet
expect_rc "wabo XES: ingest exit 0" 0
expect_eq "wabo XES: every event stored, as from the CSV" \
	"$(q "$W2" 'SELECT rows_read, events_stored, rejected, duplicates FROM batches')" \
	"$(q "$W1" 'SELECT rows_read, events_stored, rejected, duplicates FROM batches')"
wev='SELECT count(*), sum(ifnull(end_ms,0) % 1000003), sum(ifnull(end_off,0)), sum(ifnull(start_ms,0) % 1000003), sum(length(activity)), sum(length(ifnull(actor,""))), sum(length(ifnull(lifecycle,"")))  FROM events'
expect_eq "wabo XES: same events (stamps, offsets, activities, actors)" "$(q "$W2" "$wev")" "$(q "$W1" "$wev")"
wat='SELECT group_concat(x, "|") FROM (SELECT c.case_key || a.name || a.value AS x FROM case_attrs a JOIN cases c ON c.id = a.case_id ORDER BY 1)'
expect_eq "wabo XES: same case attributes" "$(q "$W2" "$wat" | sha256sum)" "$(q "$W1" "$wat" | sha256sum)"
wea='SELECT count(*), sum(length(name || value)) FROM event_attrs'
expect_eq "wabo XES: same event attributes" "$(q "$W2" "$wea")" "$(q "$W1" "$wea")"
# same --out as given (the JSON lists its chart files by that path), two folders
mkdir -p "$TMP/r1" "$TMP/r2"
(cd "$TMP/r1" && "$MUTU" report monthly --month 2011-06 --db "$W1" --out wr --format json >/dev/null 2>&1)
(cd "$TMP/r2" && "$MUTU" report monthly --month 2011-06 --db "$W2" --out wr --format json >/dev/null 2>&1)
strip() { python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items() if k not in ('generated', 'generated_at', 'db', 'store', 'batches')}
    if isinstance(o, list):
        return [clean(v) for v in o]
    return o
print(json.dumps(clean(d), sort_keys=True))" "$1"; }
R1=$TMP/r1/wr/report-2011-06.json R2=$TMP/r2/wr/report-2011-06.json
if [ -f "$R1" ] && [ -f "$R2" ]; then
	expect_eq "wabo XES: the same June 2011 report as from the CSV" \
		"$(strip "$R2" | sha256sum)" "$(strip "$R1" | sha256sum)"
	expect_eq "wabo XES: the report is not empty (1434 cases read)" \
		"$(python3 -c "import json,sys; print(len(json.dumps(json.load(open(sys.argv[1])))) > 1000)" "$R2")" "True"
else
	not_ok "wabo XES: the same June 2011 report as from the CSV" "no report written: $(ls -R "$TMP/r1" "$TMP/r2" 2>&1)"
fi

# ---- events.line past line 65535, and DTD entities in values
# 10,000 events of 7 lines each, 10 per trace, after a 2-line head: a trace
# takes 73 lines (<trace>, its concept:name, 70 event lines, </trace>), so
# event k (0-based) has its <event> tag on line 5 + 73 (k // 10) + 7 (k % 10);
# the last (k = 9999) on 72995, past 65535, the most a tree node of
# libxml2 keeps (every later event was stored as line 65535).  The expected
# lines are counted with grep, not by mutu.
python3 - "$TMP/lang.xes" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n')
    for k in range(10000):
        if k % 10 == 0:
            if k:
                f.write('</trace>\n')
            f.write('<trace>\n<string key="concept:name" value="L%05d"/>\n' % (k // 10))
        f.write('<event>\n<string key="concept:name" value="A%d"/>\n'
                '<date key="time:timestamp" value="2025-03-03T%02d:%02d:00+07:00"/>\n'
                '<string key="org:resource" value="r"/>\n<string key="lifecycle:transition" value="complete"/>\n'
                '<int key="n" value="%d"/>\n</event>\n' % (k % 10, 8 + k % 10, k % 60, k))
    f.write('</trace>\n</log>\n')
PY
D="$TMP/lang.db"
run "$MUTU" ingest "$TMP/lang.xes" --db "$D" --quiet
expect_rc "long log: ingest exit 0" 0
expect_eq "long log: every event's line is its <event> tag's line (last past 65535)" \
	"$(q "$D" "SELECT group_concat(line) FROM (SELECT line FROM events ORDER BY id)")" \
	"$(grep -n '^<event>$' "$TMP/lang.xes" | cut -d: -f1 | paste -sd,)"
expect_eq "long log: the last event's line, by the formula above" \
	"$(q "$D" "SELECT max(line) FROM events")" "$((5 + 73 * (9999 / 10) + 7 * (9999 % 10)))"

# An internal DTD's entities in attribute values read as a tree gave them:
# &org; is 'Dinas & Kantor' (its "&amp;" read again), &nest; is "&org; X
# <" ("&#38;#60;" declared is "&#60;", read again '<'); &amp; and &#38;
# are '&'.  &ev;, an entity whose text is a whole <event>, is not an event
# (no entity is expanded into elements): 2 events, not 3.
cat >"$TMP/ent.xes" <<'X'
<?xml version="1.0"?>
<!DOCTYPE log [ <!ENTITY org "Dinas &amp; Kantor"> <!ENTITY nest "&org; X &#38;#60;"> <!ENTITY ev '<event><string key="concept:name" value="HIDDEN"/><date key="time:timestamp" value="2025-03-03T09:00:00+07:00"/></event>'> ]>
<log><trace><string key="concept:name" value="C&amp;1 &#38; &org;|&nest;"/>
<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2025-03-03T09:00:00+07:00"/></event>
&ev;
<event><string key="concept:name" value="B &org;"/><date key="time:timestamp" value="2025-03-03T10:00:00+07:00"/></event>
</trace></log>
X
D="$TMP/ent.db"
run "$MUTU" ingest "$TMP/ent.xes" --db "$D" --quiet
expect_rc "DTD entities: ingest exit 0" 0
expect_eq "DTD entities: case id and activities expanded; the entity's <event> not read" \
	"$(q "$D" "SELECT (SELECT case_key FROM cases) || '/' || group_concat(activity || '@' || line, '/') FROM (SELECT * FROM events ORDER BY id)")" \
	"C&1 & Dinas & Kantor|Dinas & Kantor X </A@4/B Dinas & Kantor@6"
