#!/usr/bin/env bash
# test_backtest_calibrated.sh - issue 11's loop closed on the shipped data:
# the calibrated companions (models/scenarios/*-calibrated.ini, written by
# `mutu calibrate` from datasets/logs/synthetic-2025.csv) backtested against
# that same log.  For every SOP, the months whose observed share within the
# SOP ceiling and median lead time lie inside the simulated 95% range must
# be at least 90% of the months.  Why 90%: a row of a scenario that is right
# falls inside its replications' middle 95% with probability about 93% at
# 100 replications (test_backtest.sh explains); calibration error costs a
# little more, and 90% is the issue's bar.  A scenario calibrated wrongly
# (service times doubled, say) lands far below (test_backtest.sh shows 34%).
. "$(dirname "$0")/lib.sh"
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/syn.db" --resource-col resource --quiet
for pair in banjarbaru:izin-pengumpulan-uang-barang banjarbaru:tanda-daftar-lks-lksa \
	banjarbaru:izin-penyelenggaraan-kegiatan-belajar-mengajar rokan-hilir:izin-insidentil \
	sicantik:perizinan-sicantik-cloud; do
	scen=models/scenarios/${pair%%:*}-calibrated.ini sop=${pair#*:}
	run "$MUTU" backtest "$scen" --db "$TMP/syn.db" --sop "$sop" --seed 1 --format json
	expect_rc "backtest $sop with its calibrated scenario" 0
	got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
sel = [r for r in d["rows"] if r.get("measure") in ("within", "lead_p50")]
ins = sum(1 for r in sel if r.get("inside"))
print("ok" if sel and ins >= 0.9 * len(sel) else "only %d of %d" % (ins, len(sel)))')
	expect_eq "$sop: share within and median lead inside the simulated range in >= 90% of months" "$got" "ok"
done
