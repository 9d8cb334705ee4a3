#!/usr/bin/env bash
# tests/cli/test_schema_all.sh - the JSON of sim (one run and --compare),
# plan, forecast, backtest, calibrate and model show names its kind as its
# FIRST key ("schema": "mutu.<kind>/1") and validates against
# docs/schema/<kind>.schema.json (JSON Schema 2020-12, Debian's
# python3-jsonschema), on shipped data.  Report and audit: test_schema.sh.
# Each schema also refuses one broken document, so the check can fail.
. tests/cli/lib.sh

PY=/usr/bin/python3
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	not_ok "python3-jsonschema is installed (make deps)"
	exit 0
fi
# errors SCHEMA FILE...: the number of validation errors of every file
# (top-level errors: a failed oneOf counts once), "0 0 ..." when all valid
errors() {
	$PY - "$@" <<'PY'
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(s)
v = jsonschema.Draft202012Validator(s)
n = []
for f in sys.argv[2:]:
    errs = list(v.iter_errors(json.load(open(f))))
    for e in errs[:3]:
        print("# %s: %s: %s" % (f.rsplit("/", 1)[-1], list(e.path)[:5], e.message[:160]), file=sys.stderr)
    n.append(str(len(errs)))
print(" ".join(n))
PY
}
first_keys() { # FILE...: the first key of each document
	$PY -c 'import json,sys; print(*[next(iter(json.load(open(f), object_pairs_hook=lambda p: dict(p)))) for f in sys.argv[1:]])' "$@"
}
# mutate IN OUT PYTHON: OUT is IN with the statement applied to d
mutate() {
	$PY -c "import json,sys; d=json.load(open(sys.argv[1])); $3; json.dump(d, open(sys.argv[2], 'w'))" "$1" "$2"
}
J=$TMP/j
mkdir -p "$J"
S=models/scenarios

# --- sim: one run (with queue samples), per week, a 24x7 M/M/1, and --compare
# twice: same calendar, and across calendars (id-wib against a copy without
# Ramadan hours: paired_across appears)
"$MUTU" sim $S/rokan-hilir.ini -n 2 --format json >"$J/s1.json"
"$MUTU" sim $S/rokan-hilir.ini -n 2 --by week --format json >"$J/s2.json"
"$MUTU" sim tests/bench/mm1/mm1.ini -n 2 --format json >"$J/s3.json"
"$MUTU" sim $S/rokan-hilir.ini --compare $S/rokan-hilir-tambah-tim.ini -n 3 --format json >"$J/s4.json"
sed '/^\[hours ramadan\]/,$d' datasets/calendars/id-wib.ini |
	sed "s/^name = id-wib/name = id-wib-tanpa-ramadan/; s|^holidays = .*|holidays = $PWD/datasets/calendars/id-holidays-2024-2026.csv|; s|^local = .*|local = $PWD/datasets/calendars/local.csv|" \
		>"$TMP/tanpa.ini"
sed "s|^calendar = id-wib|calendar = $TMP/tanpa.ini|; s|^model = |model = $PWD/|" $S/rokan-hilir.ini >"$TMP/rh-tanpa.ini"
"$MUTU" sim $S/rokan-hilir.ini --compare "$TMP/rh-tanpa.ini" -n 3 --format json >"$J/s5.json"
expect_eq "sim: schema is the first key of every document" "$(first_keys "$J"/s[1-5].json)" \
	"schema schema schema schema schema"
got=$($PY -c 'import json,sys; print(*[json.load(open(f))["schema"] for f in sys.argv[1:]])' "$J"/s[1-5].json)
expect_eq "sim: every document is mutu.sim/1" "$got" "mutu.sim/1 mutu.sim/1 mutu.sim/1 mutu.sim/1 mutu.sim/1"
got=$($PY -c 'import json,sys; d=[json.load(open(f)) for f in sys.argv[1:]]; print(d[0]["by"], "paired_across" in d[1])' "$J/s2.json" "$J/s5.json")
expect_eq "sim: the shapes under test are there (periods by week; paired_across)" "$got" "week True"
expect_eq "sim JSON valid against docs/schema/sim.schema.json" "$(errors docs/schema/sim.schema.json "$J"/s[1-5].json)" "0 0 0 0 0"

# --- plan: reachable with a runner-up; unreachable with a bound; a p90 target in minutes
D=tests/data/plan
"$MUTU" plan $D/dua.ini --target within=0.9 --vary "Tim Teknis=1..3" --format json >"$J/p1.json"
"$MUTU" plan $D/batas.ini --target within=0.97 --vary "Tim Teknis=1..4" --format json >"$J/p2.json"
"$MUTU" plan $D/dua.ini --target "p90_lead<=8 Jam" --vary "Front Office=1..3" --vary "Tim Teknis=1..3" \
	--format json >"$J/p3.json"
"$MUTU" plan $D/dua.ini --target "wait_mean(Tim Teknis)<=2 Jam" --vary "Tim Teknis=1..3" --format json >"$J/p4.json"
expect_eq "plan: schema is the first key" "$(first_keys "$J"/p[1-4].json)" "schema schema schema schema"
got=$($PY -c 'import json,sys; print(*[json.load(open(f))["reachable"] for f in sys.argv[1:]])' "$J"/p[12].json)
expect_eq "plan: one reachable, one not (both branches validated)" "$got" "True False"
expect_eq "plan JSON valid against docs/schema/plan.schema.json" "$(errors docs/schema/plan.schema.json "$J"/p[1-4].json)" "0 0 0 0"

# --- backtest, forecast, calibrate on the shipped synthetic log
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/syn.db" --resource-col resource --quiet
# sim started from the files open in the store (--from-db): the same document
"$MUTU" sim $S/banjarbaru-calibrated.ini --from-db "$TMP/syn.db" --as-of 2025-06-05 -n 2 --format json \
	>"$J/s6.json" 2>/dev/null
expect_eq "sim --from-db: schema first, valid against sim.schema.json" \
	"$(first_keys "$J/s6.json") $(errors docs/schema/sim.schema.json "$J/s6.json")" "schema 0"
"$MUTU" backtest $S/rokan-hilir-calibrated.ini --db "$TMP/syn.db" --sop izin-insidentil --seed 1 --format json >"$J/b1.json"
"$MUTU" backtest $S/sicantik-calibrated.ini --db "$TMP/syn.db" --sop perizinan-sicantik-cloud --seed 1 \
	--replications 20 --format json >"$J/b2.json"
expect_eq "backtest: schema is the first key" "$(first_keys "$J"/b[12].json)" "schema schema"
expect_eq "backtest JSON valid against docs/schema/backtest.schema.json" \
	"$(errors docs/schema/backtest.schema.json "$J"/b[12].json)" "0 0"

"$MUTU" forecast --db "$TMP/syn.db" --scenario $S/banjarbaru-calibrated.ini --as-of 2025-06-05T14:00 --format json >"$J/f1.json"
"$MUTU" forecast --db "$TMP/syn.db" --scenario $S/rokan-hilir-calibrated.ini --as-of 2025-11-20T10:00 --format json >"$J/f2.json"
expect_eq "forecast: schema is the first key" "$(first_keys "$J"/f[12].json)" "schema schema"
got=$($PY -c 'import json,sys; print(*[len(json.load(open(f))["files"]) > 0 for f in sys.argv[1:]])' "$J"/f[12].json)
expect_eq "forecast: both have open files to validate" "$got" "True True"
expect_eq "forecast JSON valid against docs/schema/forecast.schema.json" \
	"$(errors docs/schema/forecast.schema.json "$J"/f[12].json)" "0 0"

"$MUTU" calibrate --db "$TMP/syn.db" --sop izin-insidentil -o "$TMP/c1.ini" --format json >"$J/c1.json"
"$MUTU" calibrate --db "$TMP/syn.db" --sop izin-pengumpulan-uang-barang --sop tanda-daftar-lks-lksa \
	-o "$TMP/c2.ini" --format json >"$J/c2.json"
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$TMP/w.db" --quiet
"$MUTU" calibrate --db "$TMP/w.db" --no-model --format json >"$J/c3.json"
expect_eq "calibrate: schema is the first key" "$(first_keys "$J"/c[1-3].json)" "schema schema schema"
expect_eq "calibrate JSON valid against docs/schema/calibrate.schema.json" \
	"$(errors docs/schema/calibrate.schema.json "$J"/c[1-3].json)" "0 0 0"

# --- model show: every shipped model
for f in models/*.ini; do
	"$MUTU" model show "$f" --format json >"$J/m-$(basename "$f" .ini).json"
done
n=$(ls models/*.ini | wc -l)
expect_eq "model: schema is the first key of all $n" "$(first_keys "$J"/m-*.json | tr ' ' '\n' | sort -u)" "schema"
expect_eq "model JSON valid against docs/schema/model.schema.json" \
	"$(errors docs/schema/model.schema.json "$J"/m-*.json | tr ' ' '\n' | sort -u)" "0"

# --- each schema refuses a broken document (the count is the number of
# top-level violations the mutation makes, worked out from the schema)
# sim, one run without its kind: "schema" required (1) and neither oneOf
# branch matches (1) = 2
mutate "$J/s1.json" "$J/x-s1.json" 'del d["schema"]'
# sim --compare: a difference whose interval [0, 0] is marked significant:
# the compare branch fails, the run branch fails too: one oneOf error
mutate "$J/s4.json" "$J/x-s4.json" 'd["diff"][0]["b_minus_a"].update(mean=0, lo=0, hi=0); d["diff"][0]["significant"] = True'
expect_eq "sim schema refuses a run without its kind (2) and a zero interval marked significant (1)" \
	"$(errors docs/schema/sim.schema.json "$J/x-s1.json" "$J/x-s4.json" 2>/dev/null)" "2 1"
# plan: an hour unit (enum) is 1 error; a staffing of "two" officers (integer) is 1
mutate "$J/p1.json" "$J/x-p1.json" 'd["target"]["unit"] = "hours"'
mutate "$J/p1.json" "$J/x-p2.json" 'd["staffing"]["Tim Teknis"] = "two"'
expect_eq "plan schema refuses an unknown unit (1) and a staff count as text (1)" \
	"$(errors docs/schema/plan.schema.json "$J/x-p1.json" "$J/x-p2.json" 2>/dev/null)" "1 1"
# backtest: a step measure without its step (if/then) is 1; the wrong kind (const) is 1
mutate "$J/b1.json" "$J/x-b1.json" 'r = [x for x in d["rows"] if x["measure"] == "wait_mean"][0]; del r["step"]'
mutate "$J/b1.json" "$J/x-b2.json" 'd["schema"] = "mutu.sim/1"'
expect_eq "backtest schema refuses a step row without its step (1) and the wrong kind (1)" \
	"$(errors docs/schema/backtest.schema.json "$J/x-b1.json" "$J/x-b2.json" 2>/dev/null)" "1 1"
# forecast: a probability of 1.5 (at most 1) is 1; an as_of without its offset (pattern) is 1
mutate "$J/f1.json" "$J/x-f1.json" 'd["files"][0]["p_late"] = 1.5'
mutate "$J/f1.json" "$J/x-f2.json" 'd["as_of"] = d["as_of"][:19]'
expect_eq "forecast schema refuses p_late 1.5 (1) and an instant without offset (1)" \
	"$(errors docs/schema/forecast.schema.json "$J/x-f1.json" "$J/x-f2.json" 2>/dev/null)" "1 1"
# calibrate: no kind (required) is 1; 11 quantiles cut to 10 (minItems) is 1
mutate "$J/c1.json" "$J/x-c1.json" 'del d["schema"]'
mutate "$J/c1.json" "$J/x-c2.json" 'q = d["sops"][0]["steps"][0]["service"]["quantiles_min"]; q.pop()'
expect_eq "calibrate schema refuses a document without kind (1) and 10 quantiles (1)" \
	"$(errors docs/schema/calibrate.schema.json "$J/x-c1.json" "$J/x-c2.json" 2>/dev/null)" "1 1"
# model: minutes as text is 1; an extra key (additionalProperties) is 1
mutate "$J/m-izin-insidentil.json" "$J/x-m1.json" 'd["steps"][0]["minutes"] = "30 Menit"'
mutate "$J/m-izin-insidentil.json" "$J/x-m2.json" 'd["waktu_total"] = 1'
expect_eq "model schema refuses minutes as text (1) and an unknown key (1)" \
	"$(errors docs/schema/model.schema.json "$J/x-m1.json" "$J/x-m2.json" 2>/dev/null)" "1 1"

# --- units named once: every document of these kinds says its durations are
# minutes (the "units" object after "schema"), and a time measure carries its
# text.  The texts' words are checked by hand in test_json_units.sh.
got=$($PY -c 'import json,sys; print(sorted({json.load(open(f))["units"]["duration"] for f in sys.argv[1:]}))' \
	"$J"/[spbfc][0-9].json "$J"/m-*.json)
expect_eq "every sim, plan, backtest, forecast, calibrate and model document: units.duration is minutes" \
	"$got" "['minutes']"
# sim without the texts of a time measure is refused: the whole run's
# lead_mean loses mean_text (1: the run branch fails, the compare one too)
mutate "$J/s1.json" "$J/x-s5.json" 'del d["all"]["lead_mean"]["mean_text"]'
expect_eq "sim schema refuses a time measure without its text (1)" \
	"$(errors docs/schema/sim.schema.json "$J/x-s5.json" 2>/dev/null)" "1"
