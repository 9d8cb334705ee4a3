#!/usr/bin/env bash
# tests/cli/test_field5_sop.sh - fifth field round on `mutu sop import`:
# SOP tables as other offices publish them (tests/data/sop/field5-*),
# each the reproducer of a defect found by importing it, or a form that
# already read right and is pinned here; the model expected is worked out
# by hand in the comments (id-wib: 1 Hari = 450 Menit).
. tests/cli/lib.sh

S=tests/data/sop
steps() { grep "^$2" "$1" | tr '\n' '|'; }

# ---- a table copied out of a web page: invisible characters ----
# The portal's HTML carries zero-width spaces (U+200B) before and after
# Waktu cells and inside an activity, a byte-order mark (U+FEFF) opening
# a cell, a soft hyphen (U+00AD) inside 'Menit' and NBSP between number
# and unit.  None shows; each cell reads as it shows on the page.
# Steps: 15 + 30 + 120 + 450 + 60 + 15 = 690 Menit = 1 Hari 4 Jam, as
# declared.  Before: waktu = ? on steps 2-6 ("expected a number at
# '\u200b30'"), no declared total, exit 1.
run "$MUTU" sop import $S/field5-web-zwsp.txt -o "$TMP/zw.ini" --calendar id-wib
expect_rc "web copy: exit 0" 0
expect_eq "web copy: waktu" "$(steps "$TMP/zw.ini" waktu)" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = 2 Jam|waktu = 1 Hari|waktu = 1 Jam|waktu = 15 Menit|"
expect_eq "web copy: the activity without its zero-width space" \
	"$(grep -c '^activity = Verifikasi data$' "$TMP/zw.ini")" 1
expect_err_has "web copy: said" "the table holds 8 invisible characters"
run "$MUTU" model check "$TMP/zw.ini"
expect_out_has "web copy: 690 Menit as declared" "steps sum to 1 Hari 4 Jam, declared 1 Hari 4 Jam"
