#!/usr/bin/env bash
# tests/cli/test_fc_xlsx_labels.sh - the forecast workbook names its bounds
# as the text and HTML forecast do (engine/fc_format.c): the range is where
# the month itself will end ("rentang 95% hasil bulan itu" / "95% range of
# the month's outcome", a prediction interval), not a 95% interval of the
# mean, which the old headers "95% lower/upper" suggested.  The fixture is
# tests/cli/test_forecast.sh's (as tests/cli/test_sim_xlsx.sh uses it);
# headers are row 1 of Ringkasan/Summary, columns D E (finished) and G H
# (within the ceiling), read back by tests/cli/xlsx_cells.py.
. tests/cli/lib.sh
X="python3 tests/cli/xlsx_cells.py"
sed -n '/^cat >"$TMP\/log.csv"/,/^CSV$/p' tests/cli/test_forecast.sh | sed '1d;$d' >"$TMP/log.csv"
sed -n '/^cat >"$TMP\/scen.ini"/,/^INI$/p' tests/cli/test_forecast.sh | sed '1d;$d' >"$TMP/scen.ini"
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/h.db" --quiet
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format xlsx --out "$TMP/id.xlsx"
expect_rc "forecast xlsx (id): exit 0" 0
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format xlsx --lang en --out "$TMP/en.xlsx"
expect_rc "forecast xlsx (en): exit 0" 0
hdr() { # FILE SHEET: columns D E G H of row 1, one a line
	for c in D E G H; do $X "$1" cell "$2" ${c}1; done
}
expect_eq "forecast xlsx (id): bounds named as the month's outcome range" "$(hdr "$TMP/id.xlsx" Ringkasan)" \
"s Selesai: rentang 95% hasil bulan itu, bawah
s Selesai: rentang 95% hasil bulan itu, atas
s Dalam batas SOP: rentang 95% hasil bulan itu, bawah
s Dalam batas SOP: rentang 95% hasil bulan itu, atas"
expect_eq "forecast xlsx (en): bounds named as the month's outcome range" "$(hdr "$TMP/en.xlsx" Summary)" \
"s Finished: 95% range of the month's outcome, low
s Finished: 95% range of the month's outcome, high
s Within the ceiling: 95% range of the month's outcome, low
s Within the ceiling: 95% range of the month's outcome, high"
# the text forecast words the same range (so the sheet and the text agree)
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00
expect_out_has "forecast text (id) says the same words" "rentang 95% hasil bulan itu"
