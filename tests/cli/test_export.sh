#!/usr/bin/env bash
# tests/cli/test_export.sh - `mutu db export` (XES and CSV) and `mutu sim
# --emit-log FILE.xes`: exact content on a hand-made log, well-formedness
# (xmllint), counts checked against the store by a separate XML parser
# (python3 xml.etree), the CSV round trip store -> CSV -> store on every
# shipped log, filters, errors and the atomic writer.
. "$(dirname "$0")/lib.sh"

KECIL=tests/data/logs/export-kecil.csv
DB="$TMP/k.db"
run "$MUTU" ingest "$KECIL" --db "$DB"
expect_rc "hand-made log ingested" 0

# A summary of an XES file, one line per trace/event, read with Python's own
# XML parser (not mutu's): "trace KEY | type:key=value ..." and
# "  event type:key=value ...".  A newline in a value shows as \n.
xes_summary() { # FILE
	python3 - "$1" <<'EOF'
import gzip, sys, xml.etree.ElementTree as ET
p = sys.argv[1]
f = gzip.open(p) if p.endswith('.gz') else open(p, 'rb')
root = ET.parse(f).getroot()
ns = '{http://www.xes-standard.org/}'
def attrs(el):
    out = []
    for a in el:
        tag = a.tag.replace(ns, '')
        if tag in ('event', 'trace'):
            continue
        out.append('%s:%s=%s' % (tag, a.get('key'), a.get('value').replace('\n', '\\n')))
    return ' '.join(out)
for t in root.findall(ns + 'trace'):
    print('trace ' + attrs(t))
    for e in t.findall(ns + 'event'):
        print('  event ' + attrs(e))
EOF
}

# ---- XES: exact content ---------------------------------------------------
run "$MUTU" db export --db "$DB" --out "$TMP/k.xes"
expect_rc "xes export: exit 0" 0
# 4 cases; store events: K-1 three (two with start and end, one open),
# K-2 one (completion only), K-3 one (start and end), K-4 two (start and
# end) = 7; XES events: a start/end pair is two events, so
# 2+2+1 + 1 + 2 + 2+2 = 12
expect_err_has "xes export: counts" "4 cases, 7 events (12 XES events)"
run xmllint --noout "$TMP/k.xes"
expect_rc "xes export: well-formed (xmllint)" 0
expect_eq "xes export: root element and version" \
	"$(sed -n 2p "$TMP/k.xes")" \
	'<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">'
for ext in 'name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"' \
	'name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"' \
	'name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"' \
	'name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"'; do
	if grep -qF "<extension $ext/>" "$TMP/k.xes"; then ok "xes export: extension ${ext%% *}"
	else not_ok "xes export: extension ${ext%% *}" "missing <extension $ext/>"; fi
done
expect_eq "xes export: classifier on the activity" \
	"$(grep -c '<classifier name="Activity" keys="concept:name"/>' "$TMP/k.xes")" "1"

# Worked out from export-kecil.csv by hand: times keep the offset they were
# written with and get milliseconds (xs:dateTime as OpenXES writes it); the
# step with a start and an end becomes start + complete; the open step
# (no end) only a start; the completion-only row only a complete.  Types
# from the text: 2 and 3 int, 1.50 float (as written), true/false boolean,
# the deadline (date and time with offset) date, 007 stays a string (an
# int would lose the zeros).  "selesai" is not a lifecycle transition: it
# goes to "status" on the completion.  Event attributes sit on both events
# of a pair; attributes in name order.  Events in the order they happened:
# K-4's Cek Lapangan (10:00-10:30) runs inside Cek Teknis (09:00-11:00), so
# its start and completion come between Cek Teknis's.
AT1='float:biaya=1.50 string:catatan=satu, "dua" <tiga> & empat int:jumlah=3 boolean:lunas=true'
expected="trace string:concept:name=K-1 date:deadline=2025-04-10T16:00:00.000+07:00 int:priority=2
  event string:concept:name=Pendaftaran string:lifecycle:transition=start date:time:timestamp=2025-03-31T23:30:00.000+07:00 string:org:resource=Loket $AT1
  event string:concept:name=Pendaftaran string:lifecycle:transition=complete date:time:timestamp=2025-04-01T00:15:00.000+07:00 string:org:resource=Loket $AT1
  event string:concept:name=Verifikasi string:lifecycle:transition=start date:time:timestamp=2025-04-01T08:00:00.000+07:00 string:org:resource=Kasi PP
  event string:concept:name=Verifikasi string:lifecycle:transition=complete date:time:timestamp=2025-04-01T09:00:00.000+07:00 string:org:resource=Kasi PP string:status=selesai
  event string:concept:name=Tanda Tangan string:lifecycle:transition=start date:time:timestamp=2025-04-02T10:00:00.000+07:00 string:org:resource=Kadis
trace string:concept:name=K-2
  event string:concept:name=Pendaftaran string:lifecycle:transition=complete date:time:timestamp=2025-06-01T00:00:00.000+02:00 string:catatan=baris\\ndua string:jumlah=007
trace string:concept:name=K-3 string:sop=izin-uji
  event string:concept:name=Pendaftaran string:lifecycle:transition=start date:time:timestamp=2025-05-05T09:00:00.250+08:00 string:org:resource=Loket boolean:lunas=false
  event string:concept:name=Pendaftaran string:lifecycle:transition=complete date:time:timestamp=2025-05-05T09:30:00.000+08:00 string:org:resource=Loket boolean:lunas=false
trace string:concept:name=K-4
  event string:concept:name=Cek Teknis string:lifecycle:transition=start date:time:timestamp=2025-05-06T09:00:00.000+08:00 string:org:resource=Tim Teknis
  event string:concept:name=Cek Lapangan string:lifecycle:transition=start date:time:timestamp=2025-05-06T10:00:00.000+08:00 string:org:resource=Tim Teknis
  event string:concept:name=Cek Lapangan string:lifecycle:transition=complete date:time:timestamp=2025-05-06T10:30:00.000+08:00 string:org:resource=Tim Teknis
  event string:concept:name=Cek Teknis string:lifecycle:transition=complete date:time:timestamp=2025-05-06T11:00:00.000+08:00 string:org:resource=Tim Teknis"
expect_eq "xes export: traces, events, times, types (by hand)" "$(xes_summary "$TMP/k.xes")" "$expected"

# ---- XES gzip ---------------------------------------------------------------
run "$MUTU" db export --db "$DB" --out "$TMP/k.xes.gz"
expect_rc "xes.gz export: exit 0" 0
if gzip -t "$TMP/k.xes.gz" 2>/dev/null; then ok "xes.gz: a valid gzip stream"; else not_ok "xes.gz: a valid gzip stream"; fi
expect_eq "xes.gz: the same XML as .xes" "$(gzip -dc "$TMP/k.xes.gz" | md5sum)" "$(md5sum <"$TMP/k.xes")"

# ---- CSV: exact content -----------------------------------------------------
run "$MUTU" db export --db "$DB" --out "$TMP/k.csv"
expect_rc "csv export: exit 0" 0
# header: the fixed columns (sop and step even where empty), then
# case:ATTR and the event attributes, each sorted by name
expect_eq "csv export: header" "$(head -1 "$TMP/k.csv" | tr -d '\r')" \
	"case:concept:name,sop,step,concept:name,org:resource,lifecycle:transition,start_timestamp,time:timestamp,case:deadline,case:priority,biaya,catatan,jumlah,lunas"
# RFC 4180: a field with a comma or a quote is quoted, quotes doubled; a
# line end inside a value stays inside the quotes; records end in CRLF
expect_eq "csv export: quoting of a comma and quotes" "$(sed -n 2p "$TMP/k.csv")" \
	"$(printf 'K-1,,,Pendaftaran,Loket,,2025-03-31T23:30:00+07:00,2025-04-01T00:15:00+07:00,2025-04-10T16:00:00+07:00,2,1.50,"satu, ""dua"" <tiga> & empat",3,true\r')"
expect_eq "csv export: a completion-only row, a newline inside quotes" "$(sed -n 5,6p "$TMP/k.csv")" \
	"$(printf 'K-2,,,Pendaftaran,,,,2025-06-01T00:00:00+02:00,,,,"baris\ndua",007,\r')"

# round trip of the hand-made log: every column of the store comes back
digest() { # DB: every event with its case, SOP, step, stamps, flags, attributes; every case attribute
	sqlite3 "$1" "SELECT c.case_key, quote(c.sop), quote(e.step), e.activity, quote(e.actor),
	  quote(e.lifecycle), quote(e.start_ms), quote(e.start_off), quote(e.end_ms), quote(e.end_off), e.unknown,
	  (SELECT group_concat(name || '=' || value, '|') FROM
	     (SELECT name, value FROM event_attrs WHERE event_id = e.id ORDER BY name))
	  FROM events e JOIN cases c ON c.id = e.case_id ORDER BY 1,2,3,4,5,6,7,8,9,10,11,12;
	  SELECT c.case_key, a.name, a.value FROM case_attrs a JOIN cases c ON c.id = a.case_id ORDER BY 1,2;"
}
# PM4Py interval columns (start_timestamp + time:timestamp) are found
# without flags: the export reads back as it is
READBACK=()
run "$MUTU" ingest "$TMP/k.csv" --db "$TMP/k2.db" "${READBACK[@]}"
expect_rc "csv round trip (hand-made): ingest exit 0" 0
expect_out_has "csv round trip (hand-made): all 7 rows stored" "events stored   7 (4 new cases)"
expect_eq "csv round trip (hand-made): same store content" "$(digest "$TMP/k2.db")" "$(digest "$DB")"
# the digest is not empty: 7 events + the 2 case attributes of K-1
# (deadline, priority; the others have none) = 9 lines, plus one for the
# line end inside K-2's catatan = 10
expect_eq "csv round trip (hand-made): digest covers 7 events and 2 case attributes" \
	"$(digest "$DB" | wc -l)" "10"

# ---- CSV round trip on every shipped log ------------------------------------
SHIP="$TMP/ship.db"
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$SHIP" >/dev/null
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$SHIP" >/dev/null
"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv --db "$SHIP" >/dev/null
run "$MUTU" db export --db "$SHIP" --format csv --out "$TMP/ship.csv"
expect_rc "shipped logs: csv export exit 0" 0
# WABO 8577 + synthetic 17293 data rows (wc -l less the header) + defects 19 stored = 25889 events
expect_eq "shipped logs: events in the store" "$(sqlite3 "$SHIP" 'SELECT count(*) FROM events')" "25889"
run "$MUTU" ingest "$TMP/ship.csv" --db "$TMP/ship2.db" "${READBACK[@]}"
expect_rc "shipped logs: csv read back" 0
expect_out_has "shipped logs: every row stored, none rejected" "rejected        0"
expect_eq "shipped logs: cases, events, times, offsets, resources, attributes identical" \
	"$(digest "$TMP/ship2.db" | md5sum)" "$(digest "$SHIP" | md5sum)"
expect_eq "shipped logs: offsets kept (+01:00, +02:00, +07:00, +08:00 as logged)" \
	"$(sqlite3 "$TMP/ship2.db" 'SELECT group_concat(o) FROM (SELECT DISTINCT end_off AS o FROM events WHERE end_off IS NOT NULL ORDER BY o)')" \
	"60,120,420,480"

# ---- XES of the shipped logs: counts by an independent parser -----------------
run "$MUTU" db export --db "$SHIP" --out "$TMP/ship.xes.gz"
expect_rc "shipped logs: xes.gz export" 0
run bash -c "gzip -dc '$TMP/ship.xes.gz' | xmllint --noout -"
expect_rc "shipped logs: xes well-formed (xmllint)" 0
want=$(sqlite3 "$SHIP" "SELECT (SELECT count(*) FROM cases) || ' ' ||
	(SELECT sum(CASE WHEN start_ms IS NOT NULL AND end_ms IS NOT NULL THEN 2 ELSE 1 END) FROM events)")
got=$(python3 - "$TMP/ship.xes.gz" <<'EOF'
import gzip, sys, xml.etree.ElementTree as ET
ns = '{http://www.xes-standard.org/}'
root = ET.parse(gzip.open(sys.argv[1])).getroot()
tr = root.findall(ns + 'trace')
print(len(tr), sum(len(t.findall(ns + 'event')) for t in tr))
EOF
)
expect_eq "shipped logs: traces = cases, XES events = 2 per start/end pair + 1 per single stamp" "$got" "$want"

# ---- filters ------------------------------------------------------------------
# K-1 starts 2025-03-31 23:30 at +07:00 (16:30 UTC): its day is 31 March
# where it was logged; K-2's only stamp is 2025-06-01 00:00 at +02:00 (31 May
# 22:00 UTC): 1 June.  K-3 and K-4 start 5 and 6 May.
# (XES here: the trace names are the only values "K-n")
traces() { grep -o 'value="K-[0-9]"' <<<"$OUT" | tr '\n' ' '; }
run "$MUTU" db export --db "$DB" --from 2025-06-01 --to 2025-06-30 --format xes
expect_rc "--from/--to: exit 0" 0
expect_eq "--from 2025-06-01: K-2 by its local day (UTC would say 31 May)" "$(traces)" 'value="K-2" '
run "$MUTU" db export --db "$DB" --to 2025-03-31 --format xes
expect_eq "--to 2025-03-31: K-1 only" "$(traces)" 'value="K-1" '
expect_eq "--to 2025-03-31: K-1 whole, with its April events (5 XES events)" "$(grep -c '<event>' <<<"$OUT")" "5"
run "$MUTU" db export --db "$DB" --from 2025-04-01 --to 2025-04-30
expect_rc "an empty period: exit 0" 0
expect_err_has "an empty period: says so" "no case matched --from 2025-04-01 --to 2025-04-30"
expect_eq "an empty period: header only" "$(wc -l <<<"$OUT")" "1"
run "$MUTU" db export --db "$DB" --sop izin-uji --format xes
expect_eq "--sop izin-uji: only K-3" "$(grep -c '<trace>' <<<"$OUT") $(grep -c 'value="K-3"' <<<"$OUT")" "1 1"

# ---- errors: exit 2, nothing written ------------------------------------------
run "$MUTU" db export --db "$DB" --sop no-such --out "$TMP/e1.csv"
expect_rc "unknown --sop: exit 2" 2
expect_err_has "unknown --sop: lists the SOPs there" "--sop 'no-such': no case of that SOP in the store (SOPs there: izin-uji)"
expect_eq "unknown --sop: no file" "$(ls "$TMP"/e1.csv "$TMP"/.e1.csv.* 2>/dev/null | wc -l)" "0"
run "$MUTU" db export --db "$DB" --from 2025-02-30 --out "$TMP/e2.csv"
expect_rc "--from 2025-02-30: exit 2" 2
expect_err_has "--from 2025-02-30: no such day" "--from '2025-02-30': there is no such day"
expect_eq "--from 2025-02-30: no file" "$(ls "$TMP"/e2.csv 2>/dev/null | wc -l)" "0"
run "$MUTU" db export --db "$DB" --from 2025-05-01 --to 2025-04-01
expect_rc "--to before --from: exit 2" 2
run "$MUTU" db export --db "$DB" --from 1/5/2025
expect_rc "--from 1/5/2025: exit 2" 2
expect_err_has "--from 1/5/2025: asks for YYYY-MM-DD" "give YYYY-MM-DD"
run "$MUTU" db export --db "$DB" --format json
expect_rc "--format json: exit 2" 2
run "$MUTU" db export --db "$DB" --format csv --out "$TMP/x.xes"
expect_rc "--format csv with a .xes name: exit 2" 2
run "$MUTU" db export --db "$DB" --out "$TMP/x.txt"
expect_rc "--out without a known extension or --format: exit 2" 2
run "$MUTU" db export --db "$TMP/none.db"
expect_rc "missing store: exit 2" 2
expect_eq "missing store: not created" "$(ls "$TMP"/none.db* 2>/dev/null | wc -l)" "0"
run "$MUTU" db export --help
expect_rc "db export --help: exit 0" 0
expect_out_has "db export --help: names the formats" "--format F   xes or csv"
run "$MUTU" db --help
expect_out_has "db --help: lists export" "mutu db export"

# ---- the atomic writer ----------------------------------------------------------
# a symlink at the name is replaced by the file; its target is untouched
echo "keep me" >"$TMP/target.txt"
ln -s "$TMP/target.txt" "$TMP/link.xes"
run "$MUTU" db export --db "$DB" --out "$TMP/link.xes"
expect_rc "symlink at --out: exit 0" 0
expect_eq "symlink at --out: target untouched" "$(cat "$TMP/target.txt")" "keep me"
if [ -f "$TMP/link.xes" ] && [ ! -L "$TMP/link.xes" ]; then ok "symlink at --out: replaced by the file"
else not_ok "symlink at --out: replaced by the file"; fi
# a folder that does not exist: exit 1 (cannot write), nothing anywhere
run "$MUTU" db export --db "$DB" --out "$TMP/no/such/dir/k.xes"
expect_rc "--out in a missing folder: exit 1" 1

# ---- sim --emit-log FILE.xes ------------------------------------------------------
SC=models/scenarios/rokan-hilir.ini
run "$MUTU" sim "$SC" -n 1 --seed 7 --emit-log "$TMP/sim.csv"
expect_rc "sim --emit-log csv (peer)" 0
run "$MUTU" sim "$SC" -n 1 --seed 7 --emit-log "$TMP/sim.xes"
expect_rc "sim --emit-log xes: exit 0" 0
run xmllint --noout "$TMP/sim.xes"
expect_rc "sim --emit-log xes: well-formed" 0
# the same seed gives the same log: every CSV row has a start and an end
# (steps finished before the run's end only), so XES events = 2 x rows and
# traces = distinct case ids
rows=$(($(wc -l <"$TMP/sim.csv") - 1))
cases=$(tail -n +2 "$TMP/sim.csv" | cut -d, -f1 | sort -u | wc -l)
got=$(python3 - "$TMP/sim.xes" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = '{http://www.xes-standard.org/}'
root = ET.parse(sys.argv[1]).getroot()
tr = root.findall(ns + 'trace')
print(len(tr), sum(len(t.findall(ns + 'event')) for t in tr))
EOF
)
expect_eq "sim --emit-log xes: traces = cases, events = 2 x CSV rows" "$got" "$cases $((2 * rows))"
first=$(sed -n 2p "$TMP/sim.csv")
case_id=${first%%,*}
start=$(cut -d, -f6 <<<"$first")
# the CSV start 2025-...T..:..:..+07:00 -> the XES start with .000 before the offset
xstart="${start%+07:00}.000+07:00"
if grep -qF "value=\"$xstart\"" "$TMP/sim.xes" && grep -qF "value=\"$case_id\"" "$TMP/sim.xes"; then
	ok "sim --emit-log xes: the first row's case and start time"
else
	not_ok "sim --emit-log xes: the first row's case and start time" "looked for $case_id and $xstart"
fi
run "$MUTU" sim "$SC" -n 1 --seed 7 --emit-log "$TMP/sim.xes"
expect_rc "sim --emit-log xes: an existing file needs --force" 2
run "$MUTU" sim "$SC" -n 1 --seed 7 --emit-log "$TMP/sim.xes.gz"
expect_rc "sim --emit-log xes.gz: exit 0" 0
expect_eq "sim --emit-log xes.gz: the same XML" "$(gzip -dc "$TMP/sim.xes.gz" | md5sum)" "$(md5sum <"$TMP/sim.xes")"

# ---- store_entries.py (the XES round trip's comparison) on the CSV round trip --
ENTRIES="python3 $(dirname "$0")/store_entries.py"
expect_eq "store_entries.py: the CSV round trip compares equal" \
	"$($ENTRIES "$TMP/ship2.db" | md5sum)" "$($ENTRIES "$SHIP" | md5sum)"
# a start/end row is two entries, a one-stamp row one: 2+2+1 + 1 + 2 + 4
# = 12 entries and 4 case lines for the hand-made log
expect_eq "store_entries.py: 4 cases, 12 entries" "$($ENTRIES "$DB" | cut -c1-5 | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
	" 4 case ; 12 entry;"
# and it sees a changed offset (the same instant logged at another offset)
cp "$TMP/k2.db" "$TMP/k3.db"
sqlite3 "$TMP/k3.db" "UPDATE events SET end_off = 60 WHERE end_off = 120"
if [ "$($ENTRIES "$TMP/k3.db")" != "$($ENTRIES "$DB")" ]; then ok "store_entries.py: an offset change shows"
else not_ok "store_entries.py: an offset change shows"; fi
