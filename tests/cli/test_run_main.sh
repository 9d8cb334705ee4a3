#!/usr/bin/env bash
# tests/cli/test_run_main.sh - the main job behind `make run` (tests/run-main.sh),
# end to end on the bundled data, in a sandbox (its own reports/out), so the
# README quick start's second half is tested by `make test` and not only by
# hand.
#
# The job once piped `mutu sim | head -n 12` under `set -o pipefail`: on a
# loaded machine head exited before mutu's last write, mutu died of SIGPIPE
# and `make run` failed with "Error 141".  The race is made certain here: the
# job runs with a mutu wrapper that writes the real mutu's standard output in
# two parts, 0.3 s apart (the state of a busy machine: the reader may be gone
# before the writer ends), so any pipe from mutu into a reader that stops
# early fails the job.
. tests/cli/lib.sh
root=$PWD
sb=$TMP/sb
mkdir -p "$sb/reports"
for d in models datasets tests; do ln -s "$root/$d" "$sb/$d"; done
for f in "$root"/reports/*; do
	[ "$(basename "$f")" = out ] || ln -s "$f" "$sb/reports/$(basename "$f")"
done
cat >"$TMP/slow-mutu" <<WRAP
#!/usr/bin/env bash
"$MUTU" "\$@" >"$TMP/wrap.out"
rc=\$?
head -n 12 "$TMP/wrap.out"
sleep 0.3
# a write into a pipe whose reader is gone ends the writer (SIGPIPE, 141), as it ends mutu
tail -n +13 "$TMP/wrap.out" || exit \$?
exit \$rc
WRAP
chmod +x "$TMP/slow-mutu"

(cd "$sb" && bash tests/run-main.sh "$TMP/slow-mutu") >"$TMP/job.out" 2>"$TMP/job.err"
RC=$? OUT=$(cat "$TMP/job.out") ERR=$(cat "$TMP/job.err")
expect_rc "the main job (tests/run-main.sh) ends with exit 0, its reader never gone before mutu's last write" 0
# what it says it wrote is there: the month's report, an audit, the simulation
# report and the forecast (the last step lists them)
for f in report-2025-12.html audit-izin-pengumpulan-uang-barang-2025-12.html \
	sim-banjarbaru/sim-report.html forecast-sicantik.html; do
	if [ -s "$sb/reports/out/$f" ]; then ok "main job wrote reports/out/$f"
	else not_ok "main job wrote reports/out/$f" "missing; stderr: ${ERR:0:400}"; fi
done
# the calibrated scenario's simulation is shown (its first lines), as the
# README's tour says
expect_out_has "the calibrated scenario's simulation is shown" "Skenario: reports/out/rokan-hilir-calibrated.ini"
