#!/usr/bin/env bash
# tests/cli/test_field3_sop.sh - third field round on `mutu sop import`:
# SOP tables as other offices publish them (tests/data/sop/field3-*),
# each the reproducer of a defect found by importing it, with the model
# expected worked out by hand in the comments (id-wib: 1 Hari = 450 Menit).
. tests/cli/lib.sh

S=tests/data/sop

# ---- a markdown pipe table (pasted from a wiki, a README or a chat) ----
# | No | Kegiatan | Pemohon | Petugas Loket | Kasi | Kabid | Kadis | ... |
# with the |---| delimiter row and a **Jumlah Waktu** row.  Read like the
# same table with tabs: 6 steps, each pelaksana from its 'v'; the sum
# 15 + 30 + 60 + 60 + 450 + 15 = 630 Menit = 1 Hari 3 Jam, as declared.
# Before: "no header row found" and "no SOP table found", exit 2 (the
# pipes were no separator; with commas in cells it was read as CSV).
run "$MUTU" sop import $S/field3-markdown.txt -o "$TMP/md.ini" --calendar id-wib
expect_rc "markdown: exit 0" 0
run "$MUTU" model show "$TMP/md.ini"
expect_out_has "markdown: step 2 by Petugas Loket" "   2  Petugas Loket (Front Office)       30 Menit     Memeriksa berkas"
expect_out_has "markdown: step 5 by Kadis" "   5  Kadis (Kepala Dinas)               1 Hari       Menandatangani izin"
expect_out_has "markdown: applicant first and last" "   6  Pemohon                            15 Menit     Menerima izin"
expect_out_has "markdown: the sum 630 Menit" "total (sum of steps): 1 Hari 3 Jam = 630 Menit"
expect_out_has "markdown: declared total read from the bold row" "declared total:       1 Hari 3 Jam = 630 Menit"
# a pipe inside a cell ("\|") stays text; cells with commas are no CSV
printf '| No | Kegiatan | Front Office | Kelengkapan | Waktu | Output |\n|:--:|---|---|---|---|---|\n| 1 | Memeriksa berkas a \\| b | v | KTP, NPWP, akta | 10 Menit | Tanda terima |\n' >"$TMP/pipe.txt"
run "$MUTU" sop import "$TMP/pipe.txt" -o "$TMP/pipe.ini" --calendar id-wib
expect_rc "markdown: commas in cells, exit 0" 0
expect_eq "markdown: the escaped pipe kept in the activity" \
	"$(grep '^activity' "$TMP/pipe.ini")" "activity = Memeriksa berkas a | b"
expect_eq "markdown: the commas kept in kelengkapan" \
	"$(grep '^kelengkapan' "$TMP/pipe.ini")" "kelengkapan = KTP, NPWP, akta"


# ---- pelaksana headers in capitals: CS, KASI, TIM TEKNIS, KEPALA DPMPTSP ----
# An all-caps header gets title case, but a word without a vowel is an
# acronym and stays as written: "CS" (customer service, the front office),
# "DPMPTSP"; "KASI", "TIM" are words.  Before: actor = "Cs".
printf 'NO\tKEGIATAN\tPEMOHON\tCS\tTIM TEKNIS\tKASI\tKEPALA DPMPTSP\tWAKTU\n1\tMengajukan\tv\t\t\t\t\t5 Menit\n2\tMemeriksa\t\tv\t\t\t\t10 Menit\n3\tMeninjau\t\t\tv\t\t\t1 Hari\n4\tMemverifikasi\t\t\t\tv\t\t1 Jam\n5\tMenandatangani\t\t\t\t\tv\t30 Menit\n6\tMenerima\tv\t\t\t\t\t5 Menit\n' >"$TMP/caps.txt"
run "$MUTU" sop import "$TMP/caps.txt" -o "$TMP/caps.ini" --calendar id-wib
expect_rc "capitals: exit 0" 0
expect_eq "capitals: the pelaksana as the header names them" \
	"$(grep '^actor' "$TMP/caps.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = CS|actor = Tim Teknis|actor = Kasi|actor = Kepala DPMPTSP|actor = Pemohon|"
