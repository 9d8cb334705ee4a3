#!/usr/bin/env bash
# test_sim_report.sh - `mutu sim --report DIR` and the CLI's output rules: the report is written
# next to the results without disturbing them (stdout stays pure JSON), and
# holds the charts the issue asks for (queues over time, utilisation, lead
# time against the ceiling), for one scenario and for a comparison.
. tests/cli/lib.sh

run "$MUTU" sim models/scenarios/rokan-hilir.ini --replications 4 --format json --report "$TMP/one"
expect_rc "sim --report exits 0" 0
printf '%s' "$OUT" > "$TMP/one.json"
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/one.json" 2>/dev/null; then
	ok "stdout is still valid JSON with --report"
else
	not_ok "stdout is still valid JSON with --report" "${OUT:0:200}"
fi
expect_err_has "the files written are listed on stderr" "sim-report.html"
for f in sim-report.html sim-report-queues.svg sim-report-queues.png sim-report-util.svg sim-report-lead.svg; do
	if [ -s "$TMP/one/$f" ]; then ok "wrote $f"; else not_ok "wrote $f" "$(ls "$TMP/one" 2>&1)"; fi
done
# charts are inlined as data: URIs, so the HTML is one self-contained file
n=$(grep -o 'src="data:image/svg+xml;base64,' "$TMP/one/sim-report.html" | wc -l)
if [ "$n" -ge 3 ]; then ok "HTML has the three charts inline ($n)"; else not_ok "HTML has the charts inline" "found $n data: images"; fi

run "$MUTU" sim models/scenarios/rokan-hilir.ini --compare models/scenarios/rokan-hilir-tambah-tim.ini \
	--replications 4 --report "$TMP/two" --lang en
expect_rc "sim --compare --report exits 0" 0
if [ -s "$TMP/two/sim-report-queues-b.svg" ]; then ok "comparison has the second run's queue chart"; else not_ok "comparison has the second run's queue chart" "$(ls "$TMP/two")"; fi
if grep -q "rokan-hilir-tambah-tim" "$TMP/two/sim-report.html"; then ok "comparison names both scenarios"; else not_ok "comparison names both scenarios"; fi

run "$MUTU" sim models/scenarios/rokan-hilir.ini --replications 2 --report "$TMP/x" --lang fr
expect_rc "unknown --lang is bad usage" 2

# --emit-log never silently replaces an existing file (a mistyped path could be a model)
printf 'keep me\n' >"$TMP/existing.ini"
run "$MUTU" sim models/scenarios/rokan-hilir.ini --replications 1 --emit-log "$TMP/existing.ini"
expect_rc "--emit-log onto an existing file is refused" 2
expect_err_has "the refusal says how to proceed" "--force"
expect_eq "the existing file is untouched" "$(cat "$TMP/existing.ini")" "keep me"
run "$MUTU" sim models/scenarios/rokan-hilir.ini --replications 1 --emit-log "$TMP/existing.ini" --force
expect_rc "--force replaces it" 0
expect_eq "the replaced file is the log" "$(head -1 "$TMP/existing.ini")" "case_id,sop,step,activity,actor,start,end,resource"

run "$MUTU" sim --help
case "$OUT" in *"95%%"*) not_ok "--help prints a plain percent sign" "${OUT:0:300}" ;; *) ok "--help prints a plain percent sign" ;; esac
