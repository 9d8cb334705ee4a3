#!/usr/bin/env bash
# tests/cli/test_schema.sh - every JSON document of `mutu report` and
# `mutu audit` names its kind ("schema": "mutu.report/2", "mutu.audit/2")
# and validates against docs/schema/<kind>.schema.json (JSON Schema
# 2020-12, Debian's python3-jsonschema).  Also: csv and json need no
# gnuplot and write no chart files; --out - puts the document on stdout.
. tests/cli/lib.sh

PY=/usr/bin/python3
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	not_ok "python3-jsonschema is installed (make deps)"
	exit 0
fi
validate() { # NAME SCHEMA FILE...: every file valid
	local name=$1 schema=$2
	shift 2
	local got
	got=$($PY - "$schema" "$@" <<'PY'
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(s)
v = jsonschema.Draft202012Validator(s)
bad = []
for f in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(f))):
        bad.append("%s: %s: %s" % (f.rsplit("/", 1)[-1], list(e.path)[:5], e.message[:160]))
print("\n".join(bad[:5]) or "valid")
PY
)
	expect_eq "$name" "$got" "valid"
}

M=tests/data/models
DB="$TMP/u.db"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$M" --quiet
D="$TMP/d.db"
"$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv --db "$D" --quiet 2>/dev/null
W="$TMP/w.db"
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$W" --quiet

# reports: one SOP with a model, three SOPs, a log without a model; both languages;
# --out - with no gnuplot reachable: the document on stdout, nothing else
export MUTU_GNUPLOT=/nonexistent/gnuplot
mkdir -p "$TMP/j"
"$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --format json --out - >"$TMP/j/r1.json" 2>"$TMP/err"
RC=$?
expect_rc "json report to stdout, without gnuplot: exit 0" 0
"$MUTU" report monthly --month 2025-03 --db "$D" --format json --lang en --out - >"$TMP/j/r2.json" 2>/dev/null
"$MUTU" report monthly --month 2011-06 --db "$W" --format json --out - >"$TMP/j/r3.json" 2>/dev/null
got=$($PY -c "import json,sys; print(*[json.load(open(f))['schema'] for f in sys.argv[1:]])" "$TMP"/j/r[123].json)
expect_eq "every report document names its schema" "$got" "mutu.report/2 mutu.report/2 mutu.report/2"
validate "report JSON valid against docs/schema/report.schema.json" docs/schema/report.schema.json "$TMP"/j/r[123].json
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --format csv --out "$TMP/c"
expect_rc "csv report without gnuplot: exit 0" 0
expect_eq "csv report: the document only, no chart files" "$(ls -A "$TMP/c")" "report-2025-05.csv"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --out -
expect_rc "html to --out -: refused as bad usage (exit 2)" 2
unset MUTU_GNUPLOT

# audits: one SOP (late, paused, rework ...), a case, an empty period, no model
"$MUTU" audit --db "$DB" --models "$M" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format json >"$TMP/j/a1.json"
"$MUTU" audit --db "$DB" --models "$M" --case E --format json --lang en >"$TMP/j/a2.json"
"$MUTU" audit --db "$DB" --models "$M" --sop uji-sla --from 2024-01-01 --to 2024-01-31 --format json >"$TMP/j/a3.json"
"$MUTU" audit --db "$W" --from 2011-01-01 --to 2011-01-31 --format json >"$TMP/j/a4.json"
"$MUTU" audit --db "$D" --from 2025-03-01 --to 2025-03-31 --format json --late-only >"$TMP/j/a5.json" 2>/dev/null
got=$($PY -c "import json,sys; print(*[json.load(open(f))['schema'] for f in sys.argv[1:]])" "$TMP"/j/a[1-5].json)
expect_eq "every audit document names its schema" "$got" "mutu.audit/2 mutu.audit/2 mutu.audit/2 mutu.audit/2 mutu.audit/2"
validate "audit JSON valid against docs/schema/audit.schema.json" docs/schema/audit.schema.json "$TMP"/j/a[1-5].json

# units named once: durations are minutes in every report and audit document
got=$($PY -c "import json,sys; print(sorted({json.load(open(f))['units']['duration'] for f in sys.argv[1:]}))" \
	"$TMP"/j/r[123].json "$TMP"/j/a[1-5].json)
expect_eq "every report and audit document: units.duration is minutes" "$got" "['minutes']"

# the check can fail: a document with a share above 1 and a wrong kind is refused
$PY - "$TMP/j/r1.json" "$TMP/j/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["groups"][0]["summary"]["share_within"] = 1.5
d["schema"] = "mutu.audit/1"
json.dump(d, open(sys.argv[2], "w"))
PY
got=$($PY - docs/schema/report.schema.json "$TMP/j/bad.json" <<'PY'
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
print(len(list(v.iter_errors(json.load(open(sys.argv[2]))))))
PY
)
expect_eq "the schema refuses a share of 1.5 and the wrong kind (2 errors)" "$got" "2"
