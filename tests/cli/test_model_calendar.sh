#!/usr/bin/env bash
# test_model_calendar.sh - a model whose calendar cannot be loaded is a broken
# model (exit 2 with file:line), not a note: a typo like "id-wlta" would
# otherwise pass `model check` and fail only later, in sim or report.
. tests/cli/lib.sh

# line 10 of the shipped model is "calendar = id-wita"
expect_eq "fixture: calendar is on line 10" "$(sed -n 10p models/tanda-daftar-lks-lksa.ini)" "calendar = id-wita"
sed 's/^calendar = id-wita$/calendar = id-wlta/' models/tanda-daftar-lks-lksa.ini >"$TMP/typo.ini"

run "$MUTU" model check "$TMP/typo.ini" models/izin-insidentil.ini
expect_rc "check: unknown calendar is a broken model" 2
expect_err_has "check: names file and line" "$TMP/typo.ini:10: calendar = id-wlta"
expect_err_has "check: lists the calendars there are" "id-wita"
expect_out_has "check: the other model is still checked" "models/izin-insidentil.ini: ok"

run "$MUTU" model show "$TMP/typo.ini"
expect_rc "show: unknown calendar exits 2" 2
expect_err_has "show: names file and line" "$TMP/typo.ini:10:"
