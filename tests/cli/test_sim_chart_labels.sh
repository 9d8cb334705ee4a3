#!/usr/bin/env bash
# tests/cli/test_sim_chart_labels.sh - the simulation report's charts have
# no overlapping labels (issue 13): tick labels, axis labels and keys are
# read back from the SVGs gnuplot writes (tests/cli/svg_labels.py: each
# text's box from its position, rotation, anchor and length) and no two
# may intersect, nor leave the canvas.  A comparison with three long SOP
# ids (lead), six pelaksana (util) and 49 weeks (--by week) are the
# crowded cases; before the fix the SOP ids and the weeks ran into each
# other, and the check is shown to catch exactly that on a made-up SVG.
. tests/cli/lib.sh

if ! command -v gnuplot >/dev/null 2>&1; then
	ok "# SKIP gnuplot not installed"
	exit 0
fi
S=models/scenarios
run "$MUTU" sim $S/banjarbaru.ini --compare $S/banjarbaru-tambah-staf.ini -n 3 --report "$TMP/c"
expect_rc "sim --compare --report exits 0" 0
run "$MUTU" sim $S/banjarbaru.ini -n 2 --by week --report "$TMP/w" --lang en
expect_rc "sim --by week --report exits 0" 0
n=$(ls "$TMP"/c/*.svg "$TMP"/w/*.svg | wc -l)
expect_eq "the charts under test (queues x2, util, lead; queues, util, lead, periods)" "$n" "8"
got=$(python3 tests/cli/svg_labels.py "$TMP"/c/*.svg "$TMP"/w/*.svg)
case "$got" in clean*) ok "no two labels overlap, none leaves the canvas ($got)" ;;
*) not_ok "no two labels overlap, none leaves the canvas" "$got" ;; esac

# by week after the January warm-up: 2025-W05 .. 2026-W01, 49 periods; at
# most 24 labels are written, every ceil(49 / 24) = 3rd from the first:
# periods 0, 3, ..., 48 = 17 labels (W05, W08, ..., 2026-W01), the rest empty
got=$(python3 -c '
import re, sys
t = re.findall(r"<text>(20[0-9][0-9]-W[0-9][0-9])</text>", open(sys.argv[1]).read())
print(len(t), t[0], t[1], t[-1])' "$TMP/w/sim-report-periods.svg")
expect_eq "weekly chart: every 3rd of 49 week labels" "$got" "17 2025-W05 2025-W08 2026-W01"
# the longest SOP id, 46 characters, is cut to 23 and an ellipsis
if grep -q "<text>izin-penyelenggaraan-ke…</text>" "$TMP/c/sim-report-lead.svg"; then
	ok "lead chart: a long SOP id is cut to 24 characters with an ellipsis"
else
	not_ok "lead chart: a long SOP id is cut to 24 characters with an ellipsis" \
		"$(grep -o '<text>izin-penyelenggaraan[^<]*' "$TMP/c/sim-report-lead.svg")"
fi

# the check can fail: two labels 10 px apart on one line, and one past the
# right edge of an 820 px canvas
cat >"$TMP/bad.svg" <<'SVG'
<svg width="820" height="400">
<g transform="translate(100.00,380.00)" stroke="none" font-size="11.00"  text-anchor="middle">
	<text>2025-W01</text>
</g>
<g transform="translate(110.00,380.00)" stroke="none" font-size="11.00"  text-anchor="middle">
	<text>2025-W02</text>
</g>
<g transform="translate(815.00,200.00) rotate(-30)" stroke="none" font-size="11.00"  text-anchor="start">
	<text>izin-penyelenggaraan</text>
</g>
</svg>
SVG
got=$(python3 tests/cli/svg_labels.py "$TMP/bad.svg")
expect_eq "the check finds the overlap and the label off the canvas" "$got" \
	"bad.svg: '2025-W01' overlaps '2025-W02'
bad.svg: 'izin-penyelenggaraan' leaves the 820x400 canvas (3 texts)"
