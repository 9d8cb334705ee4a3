#!/usr/bin/env bash
# tests/cli/test_sim_report_units.sh - the simulation report's intervals
# read in one unit each ("-4,8 jam [-1,0 hari - -1,9 jam]" mixed hari
# and jam), nothing is marked significant whose interval prints a zero
# bound ("ya" beside "0 menit [0 menit - 0 menit]"), and no raw metric
# key (staff_mean) shows.  Checked on the shipped Banjarbaru pair.
. tests/cli/lib.sh

run "$MUTU" sim models/scenarios/banjarbaru.ini --compare models/scenarios/banjarbaru-tambah-staf.ini \
	--report "$TMP/sim"
expect_rc "sim report written" 0
got=$(python3 - "$TMP/sim/sim-report.html" <<'PY'
import html, re, sys
d = open(sys.argv[1]).read()
val = r"(-?[0-9][0-9.]*(?:,[0-9]+)?) (menit|jam|hari)"
intervals = mixed = sig_zero = 0
for label, rest in re.findall(r"<tr><td>(.*?)</td>(.*?)</tr>", d):
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", rest)]
    for c in cells:
        m = re.findall(val, c)
        if len(m) == 3:
            intervals += 1
            mixed += len({u for _, u in m}) > 1
    if len(cells) >= 4 and cells[-1] == "ya":
        m = re.findall(val, cells[-2]) or [(x, "") for x in re.findall(r"(-?[0-9][0-9.]*(?:,[0-9]+)?)", cells[-2])]
        bounds = [float(x.replace(".", "").replace(",", ".")) for x, _ in m[1:3]]
        sig_zero += any(b == 0 for b in bounds)
raw = [k for k in ("staff_mean", "lead_mean", "wait_share", "queue_max") if ">" + k in d or ": " + k + "<" in d]
print(intervals > 50, mixed, sig_zero, raw)
PY
)
expect_eq "time intervals in one unit, no zero-bound interval marked significant, no raw keys" "$got" "True 0 0 []"

# a comparison opens with what differs: the scenario keys that changed.
# By hand (diff of the two files without comments): three [staff] lines.
got=$(python3 - "$TMP/sim/sim-report.html" <<'PY'
import html, re, sys
d = open(sys.argv[1]).read()
i = d.index('<section class="answer" id="changes">')
first_section = d.index("<section") == i
print(first_section, [html.unescape(x) for x in re.findall(r"<li><code>(.*?)</code></li>", d[i:d.index("</section>", i)])])
PY
)
expect_eq "sim comparison: opens with the changed scenario keys" "$got" \
	"True ['[staff] Front Office: 1 → 1, 2 from 2025-07-01', '[staff] Dinas Teknis: 5 → 5, 7 from 2025-04-01', '[staff] Kepala Dinas: 1 absent=0.2 → 1 absent=0.2 batch=daily at 15:00']"
