#!/usr/bin/env bash
# tests/cli/test_xes_roundtrip.sh - store -> XES (`mutu db export`) -> store
# (`mutu ingest LOG.xes`) gives back the same cases, events, times with their
# offsets, resources and attributes, on the hand-made log and every shipped
# log, plain and gzip; and the WABO log read back from XES gives the same
# monthly report as from CSV.
#
. "$(dirname "$0")/lib.sh"

ENTRIES="python3 $(dirname "$0")/store_entries.py"

# the smallest XES, written by hand: the reader must take it
cat >"$TMP/probe.xes" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
<trace><string key="concept:name" value="T1"/>
<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2025-01-02T08:00:00.000+07:00"/></event>
</trace>
</log>
EOF
run "$MUTU" ingest "$TMP/probe.xes" --db "$TMP/probe.db"
expect_rc "the smallest hand-written XES is read" 0
"$MUTU" ingest tests/data/logs/export-kecil.csv --db "$TMP/k.db" >/dev/null

roundtrip() { # NAME DB EXT: export DB as XES (EXT xes or xes.gz), ingest it, compare
	local name=$1 db=$2 ext=$3 back="$TMP/$1-$3.db"
	run "$MUTU" db export --db "$db" --out "$TMP/$name.$ext"
	expect_rc "$name ($ext): export" 0
	run "$MUTU" ingest "$TMP/$name.$ext" --db "$back"
	expect_rc "$name ($ext): ingest of the export" 0
	# store_entries.py: one line per case and per start/complete entry, so
	# the comparison does not depend on whether the reader pairs them
	local a b
	a=$($ENTRIES "$db")
	b=$($ENTRIES "$back")
	expect_eq "$name ($ext): same cases, events, times, offsets, resources, attributes" \
		"$(md5sum <<<"$b")" "$(md5sum <<<"$a")"
	if [ "$a" != "$b" ]; then diff <(echo "$a") <(echo "$b") | head -10 | sed 's/^/#   /'; fi
}

roundtrip kecil "$TMP/k.db" xes
roundtrip kecil "$TMP/k.db" xes.gz

"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$TMP/wabo.db" >/dev/null
roundtrip wabo "$TMP/wabo.db" xes.gz
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/syn.db" >/dev/null
roundtrip synthetic "$TMP/syn.db" xes
"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv \
	--db "$TMP/def.db" >/dev/null
roundtrip defects "$TMP/def.db" xes

# the WABO report from the XES store is the report from the CSV store
# (markdown: no paths in it; 24x7 because WABO has no model)
for s in wabo wabo-xes.gz; do
	db="$TMP/wabo.db"
	[ "$s" = wabo ] || db="$TMP/wabo-xes.gz.db"
	"$MUTU" report monthly --month 2011-11 --db "$db" --format md --calendar 24x7 \
		--out "$TMP/rep-$s" >/dev/null 2>&1
done
if [ -s "$TMP/rep-wabo/report-2011-11.md" ] &&
	cmp -s "$TMP/rep-wabo/report-2011-11.md" "$TMP/rep-wabo-xes.gz/report-2011-11.md"; then
	ok "WABO from XES: the same November 2011 report as from CSV"
else
	not_ok "WABO from XES: the same November 2011 report as from CSV" \
		"$(diff "$TMP/rep-wabo/report-2011-11.md" "$TMP/rep-wabo-xes.gz/report-2011-11.md" 2>&1 | head -6)"
fi

# Declared XES types survive XES -> store -> XES: a <string> that looks like
# a number stays a string, an <id> an id, a <date> a date, an <int> an int
# (store keeps text; attr_types keeps the type).  By hand, from the input.
cat >"$TMP/typed.xes" <<'XES'
<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
<trace><string key="concept:name" value="T1"/><string key="nomor_sk" value="70714"/><int key="biaya" value="150000"/>
<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2025-01-02T08:00:00.000+07:00"/><id key="berkas" value="42"/><string key="flag" value="true"/></event>
</trace>
</log>
XES
"$MUTU" ingest "$TMP/typed.xes" --db "$TMP/typed.db" >/dev/null 2>&1
run "$MUTU" db export --db "$TMP/typed.db" --format xes --out "$TMP/typed-out.xes"
expect_rc "typed: export exit 0" 0
got=$(python3 - "$TMP/typed-out.xes" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"x": "http://www.xes-standard.org/"}
t = ET.parse(sys.argv[1]).getroot().find("x:trace", ns)
want = {"nomor_sk", "biaya", "berkas", "flag"}
out = []
for el in t.iter():
    k = el.get("key")
    if k in want:
        out.append("%s=%s:%s" % (k, el.get("value"), el.tag.split("}")[1]))
print(" ".join(sorted(out)))
PY
)
expect_eq "typed: declared XES types kept on export" "$got" "berkas=42:id biaya=150000:int flag=true:string nomor_sk=70714:string"
