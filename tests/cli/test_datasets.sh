#!/usr/bin/env bash
# test_datasets.sh - the bundled synthetic log is what the simulator makes:
# regenerating it gives the same bytes, and it ingests without a rejected row.
. tests/cli/lib.sh

bash datasets/make-synthetic.sh "$MUTU" "$TMP/synthetic.csv" 2>"$TMP/gen.err"
RC=$?; ERR=$(cat "$TMP/gen.err"); OUT=""
expect_rc "make-synthetic.sh runs" 0
if cmp -s "$TMP/synthetic.csv" datasets/logs/synthetic-2025.csv; then
	ok "datasets/logs/synthetic-2025.csv is reproducible to the byte"
else
	not_ok "datasets/logs/synthetic-2025.csv is reproducible to the byte" \
		"regenerate it with datasets/make-synthetic.sh after changing the simulator or scenarios"
fi

rows=$(($(wc -l <datasets/logs/synthetic-2025.csv) - 1))
run "$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/s.db"
expect_rc "synthetic log ingests" 0
expect_out_has "every row read" "rows read       $rows"
expect_out_has "nothing rejected" "rejected        0"
expect_out_has "no unknown activities" "unknown activities 0"
