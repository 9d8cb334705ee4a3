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

# The list in "not found" is in byte order, the same on every machine.
# Before: readdir's order, which is the file system's (ext4: a hash of the
# names seeded per file system; tmpfs: newest first): the shipped folder
# read "id-wib, 24x7, id-wita, id-wit" here, another order elsewhere.
# Six calendars made in byte order (tmpfs would list them reversed, ext4
# in its hash order: sorted by chance once in 720).
mkdir "$TMP/kal"
for n in a-wib b-wita c-wit d-24x7 e-lokal f-uji; do cp datasets/calendars/id-wib.ini "$TMP/kal/$n.ini"; done
run env MUTU_CALENDARS="$TMP/kal" "$MUTU" calendar between 2025-05-19T07:30+07:00 2025-05-21T07:30+07:00 --calendar tidak-ada
expect_err_has "calendar not found: the folder's calendars in byte order" \
	"calendars there: a-wib, b-wita, c-wit, d-24x7, e-lokal, f-uji"
# the shipped folder by hand: '2' (0x32) before 'i'; id-wib before id-wit
# ('b' < 't'); id-wit before id-wita (a prefix first)
run "$MUTU" model check "$TMP/typo.ini"
expect_err_has "check: the shipped calendars in byte order" "calendars there: 24x7, id-wib, id-wit, id-wita"
