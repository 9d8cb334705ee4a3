#!/usr/bin/env bash
# tests/run-main.sh MUTU - the main job behind `make run`: the whole story on the
# bundled data.  Check the seed SOP models, ingest the sample logs into a fresh
# store, write the monthly compliance report for the most recent full month and
# an audit, run the baseline simulation against its staffing variant, backtest
# the scenario against the synthetic log, and say where the HTML files are.  Output goes to reports/out/ (git-ignored).
set -euo pipefail
mutu=${1:-build/mutu}
out=reports/out
db=$out/mutu-run.db
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm" "$out/mutu-calib.db"

step() { printf '\n== %s\n' "$*"; }

step "1. SOP models: declared totals versus the sum of the steps"
"$mutu" model check models/*.ini

step "2. Ingest the sample logs into $db"
# a simulated year of the five seed SOPs (mutu sim --emit-log, see datasets/logs/README.md)
"$mutu" ingest datasets/logs/synthetic-2025.csv --db "$db" --quiet
# the hand-written SiCANTIK export with every defect (rows rejected, not lost)
"$mutu" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv --db "$db" --quiet
# the real WABO receipt log (no SOP model: case-level durations)
"$mutu" ingest datasets/logs/wabo-receipt.csv --db "$db" --quiet
"$mutu" db info --db "$db"

step "3. Monthly compliance report for the most recent full month"
"$mutu" report monthly --month latest --db "$db" --out "$out" >"$out/.report.txt"
# the month's answer (the office, then one sentence per SOP), not the list of chart files
sed -n '/^monthly report /q;p' "$out/.report.txt"
report=$(sed -n 's/^report: //p' "$out/.report.txt")
month=$(sed -n 's/.*report-\([0-9]\{4\}-[0-9]\{2\}\)\.html$/\1/p' <<<"$report")
rm -f "$out/.report.txt"
printf '  (%s)\n' "$report"

step "4. Audit of izin-pengumpulan-uang-barang for $month"
from="$month-01"
to=$(date -d "$from +1 month -1 day" +%Y-%m-%d)
"$mutu" audit --db "$db" --sop izin-pengumpulan-uang-barang --from "$from" --to "$to" --format text | tail -n 25
"$mutu" audit --db "$db" --sop izin-pengumpulan-uang-barang --from "$from" --to "$to" --format html \
	--out "$out/audit-izin-pengumpulan-uang-barang-$month.html" >/dev/null

step "5. Simulation: Banjarbaru baseline versus added staff (common random numbers)"
"$mutu" sim models/scenarios/banjarbaru.ini --compare models/scenarios/banjarbaru-tambah-staf.ini \
	--report "$out/sim-banjarbaru" >"$out/sim-banjarbaru.txt" 2>/dev/null
head -n 20 "$out/sim-banjarbaru.txt"
echo "  ... (all of it in $out/sim-banjarbaru.txt)"

step "6. Calibrate from the log: a scenario estimated from the simulated year"
# the officer of each step is in the log's resource column: ingest it as the actor
"$mutu" ingest datasets/logs/synthetic-2025.csv --db "$out/mutu-calib.db" --resource-col resource --quiet
"$mutu" calibrate --db "$out/mutu-calib.db" --sop izin-insidentil -o "$out/rokan-hilir-calibrated.ini" --force
# to a file, then its head: `mutu sim | head` under pipefail fails the job whenever head
# exits before mutu's last write (SIGPIPE, exit 141: `make run` saw it on a loaded machine)
"$mutu" sim "$out/rokan-hilir-calibrated.ini" --replications 5 >"$out/sim-calibrated.txt"
head -n 12 "$out/sim-calibrated.txt"
# the WABO log has no SOP model: what can and cannot be calibrated from it
"$mutu" calibrate --db "$db" --no-model
step "7. Backtest: the Banjarbaru scenario beside the synthetic log, month by month"
# the calibrated scenario when calibration wrote one, else the shipped one;
# another seed than the log's, so the log is not one of the replications
scen=models/scenarios/banjarbaru-calibrated.ini
[ -f "$scen" ] || scen=models/scenarios/banjarbaru.ini
"$mutu" backtest "$scen" --db "$db" --sop izin-pengumpulan-uang-barang --seed 1 \
	--from 2025-06 --to 2025-06
"$mutu" backtest "$scen" --db "$db" --sop izin-pengumpulan-uang-barang --seed 1 | tail -n 1
step "8. Plan: the cheapest Banjarbaru staffing for 95% and for 65% within the SOP (mutu plan)"
vary=(--vary "Front Office=1..6" --vary "Back Office=1..6" --vary "Dinas Teknis=3..8" --vary "Kepala Dinas=1..6")
"$mutu" plan models/scenarios/banjarbaru.ini --target within=0.95 "${vary[@]}" | sed -n '5,9p'
"$mutu" plan models/scenarios/banjarbaru.ini --target within=0.65 "${vary[@]}" | sed -n '5,9p'
step "9. Monday morning's forecast: which open SiCANTIK files will be late (as of Monday 2025-11-17 08:00)"
"$mutu" forecast --db "$db" --scenario models/scenarios/sicantik.ini --as-of 2025-11-17T08:00 \
	>"$out/forecast-sicantik.txt"
head -n 16 "$out/forecast-sicantik.txt"
echo "  ..."
sed -n '/^Kepatuhan/,$p' "$out/forecast-sicantik.txt"
"$mutu" forecast --db "$db" --scenario models/scenarios/sicantik.ini --as-of 2025-11-17T08:00 \
	--format html --out "$out/forecast-sicantik.html" 2>/dev/null

step "Reports (open in a browser)"
for f in "$report" "$out/audit-izin-pengumpulan-uang-barang-$month.html" "$out/sim-banjarbaru/sim-report.html" \
	"$out/forecast-sicantik.html"; do
	printf '  %s\n' "$(realpath "$f")"
done
