#!/usr/bin/env bash
# tests/cli/test_field5_sop.sh - fifth field round on `mutu sop import`:
# SOP tables as other offices publish them (tests/data/sop/field5-*),
# each the reproducer of a defect found by importing it, or a form that
# already read right and is pinned here; the model expected is worked out
# by hand in the comments (id-wib: 1 Hari = 450 Menit).
. tests/cli/lib.sh

S=tests/data/sop

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

# ---- Excel cells copied as tab-separated text: a quoted cell with line breaks ----
# Excel (and Google Sheets' TSV) quotes a cell that holds Alt+Enter
# lines: '"Formulir<LF>KTP<LF>NPWP"', a quote inside doubled ('""lengkap""').
# Each is one cell, its lines joined by a space.  Steps: 15 + 30 + 900
# + 60 = 1005 Menit = 2 Hari 1 Jam 45 Menit, as declared.  Before: the
# lines 'KTP', 'NPWP"' read as rows of their own, step 1's Kelengkapan
# '"Formulir' and its Waktu lost (waktu = ?), exit 1.
run "$MUTU" sop import $S/field5-excel-tab-kutip.txt -o "$TMP/kutip.ini" --calendar id-wib
expect_rc "Excel tab quotes: exit 0" 0
expect_eq "Excel tab quotes: the cells joined" "$(steps "$TMP/kutip.ini" 'kelengkapan\|output\|activity' | cut -d'|' -f1-6)" \
	"activity = Mengajukan permohonan|kelengkapan = Formulir KTP NPWP|output = Berkas|activity = Memeriksa kelengkapan|kelengkapan = Berkas|output = Tanda terima (\"lengkap\")"
expect_eq "Excel tab quotes: step 3's activity" "$(grep -c '^activity = Verifikasi dan peninjauan lapangan$' "$TMP/kutip.ini")" 1
expect_eq "Excel tab quotes: waktu" "$(steps "$TMP/kutip.ini" waktu)" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = 2 Hari|waktu = 1 Jam|"
run "$MUTU" model check "$TMP/kutip.ini"
expect_out_has "Excel tab quotes: 1005 Menit as declared" \
	"steps sum to 2 Hari 1 Jam 45 Menit, declared 2 Hari 1 Jam 45 Menit"
# a Word copy quotes nothing: a cell that opens with a quote mark and
# closes it on its own line stays one cell of its row (line by line)
printf 'No\tKegiatan\tPelaksana\tWaktu\n1\t"Izin" diajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n3\tMenandatangani\tKepala Dinas\t1 Jam\n' >"$TMP/petik.txt"
run "$MUTU" sop import "$TMP/petik.txt" -o "$TMP/petik.ini" --calendar id-wib
expect_rc "quote marks on one line: exit 0" 0
expect_eq "quote marks on one line: the activity keeps them" "$(steps "$TMP/petik.ini" "activity\\|waktu" | cut -d"|" -f1-2)" \
	"activity = \"Izin\" diajukan|waktu = 15 Menit"

# ---- the list layout without a Kelengkapan column ----
# No | Kegiatan | Pelaksana | Waktu | Output: nothing heads a Kelengkapan,
# and the cell left of Waktu is the Pelaksana's.  Before: every step's
# kelengkapan repeated its pelaksana ('kelengkapan = Petugas Loket').
run "$MUTU" sop import $S/field5-nama-jabatan.txt -o "$TMP/nj.ini" --calendar id-wib
expect_rc "list without Kelengkapan: exit 0" 0
expect_eq "list without Kelengkapan: no kelengkapan written" "$(grep -c '^kelengkapan' "$TMP/nj.ini")" 0
expect_eq "list without Kelengkapan: the Output kept" "$(steps "$TMP/nj.ini" output | cut -d'|' -f1-2)" \
	"output = Berkas|output = Tanda terima"
# 15 + 30 + 15 + 120 + 900 + 60 + 60 + 60 + 15 = 1275 Menit = 2 Hari 6 Jam
# 15 Menit, as declared
run "$MUTU" model check "$TMP/nj.ini"
expect_out_has "list without Kelengkapan: 1275 Menit as declared" \
	"steps sum to 2 Hari 6 Jam 15 Menit, declared 2 Hari 6 Jam 15 Menit"

# ---- the office's own titles and the roles the simulator shares staff by ----
# 'Petugas Loket' and 'CS' are the Front Office (one pool in mutu sim),
# 'Kabid Perizinan' the Kepala Bidang Perizinan, 'Kadis' the Kepala Dinas
# (aliases since the first rounds, pinned here); 'Tim Teknis OPD' is the
# Tim Teknis of the technical office (OPD = Organisasi Perangkat Daerah).
# Before: 'Tim Teknis OPD' had no role, a position of its own.
run "$MUTU" model show "$TMP/nj.ini"
expect_out_has "titles: pelaksana and their roles" \
	"pelaksana (8): Pemohon, Petugas Loket (Front Office), CS (Front Office), Verifikator, Tim Teknis OPD (Tim Teknis), Operator (Back Office), Kabid Perizinan (Kepala Bidang Perizinan), Kadis (Kepala Dinas)"
# 'Verifikator' is no position mutu knows (Back Office in one office, a
# front-desk clerk in another): kept as a position of its own, said with
# the step and what to write.  Before: silent.  'Operator' was one too
# until round 9: a DPMPTSP's operator enters the application and drafts
# the permit, the Back Office (role = Back Office, said).
run "$MUTU" sop import $S/field5-nama-jabatan.txt -o "$TMP/nj.ini" --calendar id-wib --force
# (round 10: the warning says why, as for the Kasubag and the Kaur)
expect_err_has "titles: Verifikator said" \
	"step 4: pelaksana 'Verifikator' is none of the positions mutu knows (a verifikator checks the berkas: at the counter in one office (Front Office), behind it in another (Back Office)); kept as a position of its own (mutu sim staffs it apart: [staff] Verifikator = N)"
expect_err_has "titles: Operator said" "step 6: pelaksana 'Operator' read as role = Back Office"
expect_eq "titles: said once each, known titles not" "$(grep -c 'none of the positions' "$TMP/err")" 1
# a title that opens as a known one and says more is said with the near one
# (round 11: 'Tim Teknis Dinas PUPR', the permit's technical team named by
# its office, is now the Tim Teknis, test_field11_sop.sh; a Kabid of
# another office stays near)
printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n3\tMeninjau\tKabid Tata Ruang Dinas PUPR\t1 Hari\n' >"$TMP/pupr.txt"
run "$MUTU" sop import "$TMP/pupr.txt" -o "$TMP/pupr.ini" --calendar id-wib
expect_err_has "titles: a longer title, the near one named" \
	"step 3: pelaksana 'Kabid Tata Ruang Dinas PUPR' is none of the positions mutu knows (it starts as Kepala Bidang does, with more words)"

# ---- the flowchart layout (Permenpan-RB 35/2012): a column per pelaksana ----
# The marks offices put in the actor's column: '●' (Pemohon), '✓' (Petugas
# Loket), 'v' (Verifikator), '√' (Kasi), 'x' (Kepala Dinas), 'V'; each is
# that column's step (passed unchanged, pinned).  Step 5 ('Memaraf draft
# izin bersama') is marked under Kasi and under Kabid: two positions do
# it, and a model step has one pelaksana, so actor = ? said as such.
# Before: 'clues disagree', or, with a marked step on each side, Kabid
# taken as 'the only column between its neighbours' (a guess over two
# marks) with 'no direct clue'.  Steps: 15 + 10 + 60 + 30 + 30 + 450 + 5
# = 600 Menit = 1 Hari 2 Jam 30 Menit, as declared.
run "$MUTU" sop import $S/field5-flowchart-tanda.txt -o "$TMP/ft.ini" --calendar id-wib
expect_rc "flowchart marks: exit 0 (written; review step 5)" 0
expect_eq "flowchart marks: pelaksana" "$(steps "$TMP/ft.ini" actor)" \
	"actor = Pemohon|actor = Petugas Loket|actor = Verifikator|actor = Kasi|actor = ?|actor = Kepala Dinas|actor = Pemohon|"
expect_err_has "flowchart marks: two columns said" \
	"step 5: marked in two pelaksana columns ('X' under Kasi, 'X' under Kabid): a model step has one pelaksana; wrote ?"
expect_eq "flowchart marks: step 5's note" "$(grep -c '^note = importer: marked in two pelaksana columns (Kasi and Kabid)$' "$TMP/ft.ini")" 1
run "$MUTU" model check "$TMP/ft.ini"
expect_out_has "flowchart marks: 600 Menit as declared" \
	"steps sum to 1 Hari 2 Jam 30 Menit, declared 1 Hari 2 Jam 30 Menit"
# The same table copied out of Word with its flowchart symbols (drawings,
# not text) lost: every pelaksana column blank.  The first and last steps
# are the applicant's (the convention), the rest actor = ?, as before;
# new is one warning saying why.  Before: only 'no clue' per step.
run "$MUTU" sop import $S/field5-flowchart-kosong.txt -o "$TMP/fk.ini" --calendar id-wib
expect_err_has "flowchart without symbols: said once" \
	"no step has a mark in any of the 6 pelaksana columns (Pemohon ... Kepala Dinas): a flowchart's symbols drawn in Word do not survive a copy as text"
expect_eq "flowchart without symbols: pelaksana" "$(steps "$TMP/fk.ini" actor)" \
	"actor = Pemohon|actor = ?|actor = ?|actor = ?|actor = ?|actor = ?|actor = Pemohon|"
# the marked table says nothing of the kind
run "$MUTU" sop import $S/field5-flowchart-tanda.txt -o "$TMP/ft2.ini" --calendar id-wib
expect_eq "flowchart marks: no 'no mark' warning" "$(grep -c 'no step has a mark' "$TMP/err")" 0

# ---- half a working day without a digit: '½ hari', 'setengah hari' ----
# Refused from the second round to the seventh (a Hari's length is the
# calendar's setting).  Since the eighth (test_field8_sop.sh) a fraction
# of a hari kerja is read at 450 Menit a day (7.5 net hours, Perpres
# 21/2023), written as Jam and Menit with a warning and a note: half a
# day = 225 Menit = 3 Jam 45 Menit.  Exit 0, the model loads.
run "$MUTU" sop import $S/field5-setengah-hari.txt -o "$TMP/sh.ini" --calendar id-wib
expect_rc "half a day: exit 0, read" 0
expect_err_has "half a day: '½ hari' said" \
	"step 3 (line 6): waktu '½ hari' is a fraction of a hari kerja, which a model holds in Jam and Menit (a Hari as 450 Menit); read as 3 Jam 45 Menit"
expect_err_has "half a day: 'setengah hari' said" \
	"step 4 (line 7): waktu 'setengah hari' is a fraction of a hari kerja"
expect_eq "half a day: waktu" "$(steps "$TMP/sh.ini" waktu)" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = 3 Jam 45 Menit|waktu = 3 Jam 45 Menit|waktu = 1 Jam|"

# ---- LibreOffice CSV: ';', every field quoted, Waktu | Satuan ----
# '"30";"Menit"' under the headers Waktu and Satuan is one Waktu (read as
# a Waktu split over two cells since the third round: passed unchanged);
# quoted line breaks in Kelengkapan and Output join with a space (pinned).
# New: the 'Satuan' header is the Waktu's unit column; before, it was
# also warned of as 'header column 6 (Satuan) is not a known position'.
# Steps: 15 + 30 + 120 + 450 + 10 = 625 Menit = 1 Hari 2 Jam 55 Menit,
# as declared ('1' | 'Hari 2 Jam 55 Menit' on the Jumlah line).
run "$MUTU" sop import $S/field5-libreoffice-satuan.csv -o "$TMP/lo.ini" --calendar id-wib
expect_rc "Waktu | Satuan: exit 0" 0
expect_eq "Waktu | Satuan: waktu" "$(steps "$TMP/lo.ini" waktu)" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = 2 Jam|waktu = 1 Hari|waktu = 10 Menit|"
expect_eq "Waktu | Satuan: no warning of Satuan as a position" "$(grep -c 'Satuan' "$TMP/err")" 0
expect_eq "Waktu | Satuan: quoted line breaks joined" \
	"$(grep -c '^kelengkapan = Formulir KTP NPWP$\|^output = BA verifikasi$' "$TMP/lo.ini")" 2
run "$MUTU" model check "$TMP/lo.ini"
expect_out_has "Waktu | Satuan: 625 Menit as declared" \
	"steps sum to 1 Hari 2 Jam 55 Menit, declared 1 Hari 2 Jam 55 Menit"

# ---- the imported models end to end: mutu sim ----
# The toko-modern model (field5-nama-jabatan.txt, 1275 Menit: batas 3 Hari
# rounded up) and the web copy's (field5-web-zwsp.txt, 690 Menit: 2 Hari)
# in one scenario, staffed by role: 'Petugas Loket' and 'CS' are served
# by the Front Office pool, 'Tim Teknis OPD' by Tim Teknis, 'Operator' by
# the Back Office; 'Verifikator' by a pool of its own name, as the import
# said.
mkdir -p "$TMP/m5"
"$MUTU" sop import $S/field5-nama-jabatan.txt -o "$TMP/m5/toko.ini" --calendar id-wib 2>/dev/null
"$MUTU" sop import $S/field5-web-zwsp.txt -o "$TMP/m5/dagang.ini" --calendar id-wib 2>/dev/null
sc5() { # KABID_STAFF
	cat <<EOS
[run]
calendar = id-wib
start = 2025-07-01
end = 2025-07-31
replications = 2
seed = 5

[staff]
Front Office = 2
Back Office = 1
Tim Teknis = 10
Kepala Bidang Perizinan = $1
Kepala Dinas = 1
Verifikator = 1

[sop toko]
model = $TMP/m5/toko.ini
arrivals = 2 per hari
service = exponential

[sop dagang]
model = $TMP/m5/dagang.ini
arrivals = 2 per hari
service = exponential
EOS
}
# One Kabid Perizinan serves toko's step 7 (1 Jam) and dagang's step 4 (1
# Hari): 2 x 60 + 2 x 450 = 1020 Menit a day against 450: 227%, refused.
sc5 1 >"$TMP/sc5a.ini"
run "$MUTU" sim "$TMP/sc5a.ini"
expect_rc "sim: one Kabid Perizinan, refused" 2
expect_err_has "sim: the load by hand" "Kepala Bidang Perizinan: offered load is 227% of the staff present"
sc5 3 >"$TMP/sc5.ini"
run "$MUTU" sim "$TMP/sc5.ini"
expect_rc "sim: exit 0" 0
expect_out_has "sim: toko's ceiling" "SOP izin-usaha-toko-modern: Izin Usaha Toko Modern (batas 3 Hari)"
expect_out_has "sim: dagang's ceiling" "SOP izin-usaha-perdagangan: Izin Usaha Perdagangan (batas 2 Hari)"
expect_eq "sim: toko's steps by pool" "$(grep -o '^  langkah [0-9] ([^)]*)' "$TMP/out" | head -9 | tr '\n' '|')" \
	"  langkah 1 (Pemohon)|  langkah 2 (Front Office)|  langkah 3 (Front Office)|  langkah 4 (Verifikator)|  langkah 5 (Tim Teknis)|  langkah 6 (Back Office)|  langkah 7 (Kepala Bidang Perizinan)|  langkah 8 (Kepala Dinas)|  langkah 9 (Front Office)|"

# ---- the imported model end to end: mutu audit of two cases by hand ----
# dagang (clock_start = 2, batas 2 Hari = 900 Menit; id-wib Mon-Thu
# 07:30-12:00, 13:00-16:00), week of Mon 7 Jul 2025 (no holiday).
# The clock stops at step 5 (Menandatangani izin, the office's last
# step); step 6 (Menerima izin, Pemohon) is the applicant's (sla.h).
# A1: accepted Mon 08:45, signed Tue 11:00: Mon 195 + 180, Tue 210 = 585
# Menit = 1,3 hari, in time; deadline Mon 08:45 + 900 = Wed 08:45 (685 =
# 1,5 hari to the receipt Tue 13:40 before).
# Step 4 Mon 13:00 - Tue 10:00 = 180 + 150 = 330 against 450: -2,0 jam.
# A2: accepted Mon 10:30 (step 2 took 60 against 30: LEBIH), signed Thu
# 15:00: Mon 90 + 180, Tue 450, Wed 450, Thu 270 + 120 = 1560 Menit = 3,5
# hari, late by Wed 10:30-16:00 less the break 270 + Thu 390 = 660 = 1,5
# hari; deadline Mon 10:30 + 900 = Wed 10:30 (1605 and 705 to the receipt
# Thu 15:45 before).
# Step 3 Mon 13:00 - Tue 12:00 = 450 (+330 = 5,5 jam), step 4 Tue 13:00 -
# Thu 11:00 = 180 + 450 + 210 = 840 (1,9 hari, +6,5 jam), step 5 120
# (+1,0 jam).  A2's step 2 is logged by 'Front Office', the model's
# 'Petugas Loket' (role Front Office): no PELAKSANA flag.
mkdir -p "$TMP/md5"
cp "$TMP/m5/dagang.ini" "$TMP/md5/"
DB="$TMP/dagang.db"
run "$MUTU" ingest $S/field5-log-dagang.csv --db "$DB" --models "$TMP/md5"
expect_out_has "audit: the log stored" "events stored   12 (2 new cases)"
run "$MUTU" audit --case A1 --db "$DB" --models "$TMP/md5"
expect_out_has "audit A1: accepted, finished" "diterima lengkap: 7 Jul 2025 08:45 WIB; selesai: 8 Jul 2025 11:00 WIB"
expect_out_has "audit A1: 585 Menit in time" "waktu kerja: 1,3 hari; batas 2,0 hari (dibulatkan); tepat waktu"
expect_out_has "audit A1: step 4" "8 Jul 2025 10:00 WIB         5,5 jam   1,0 hari   -2,0 jam"
run "$MUTU" audit --case A2 --db "$DB" --models "$TMP/md5"
expect_out_has "audit A2: 1560 Menit, late" "waktu kerja: 3,5 hari; batas 2,0 hari (dibulatkan); TERLAMBAT 1,5 hari"
expect_out_has "audit A2: step 4" "10 Jul 2025 11:00 WIB       1,9 hari   1,0 hari   +6,5 jam  LEBIH"
expect_out_has "audit A2: no PELAKSANA flag" "[PELAKSANA] pelaksana berbeda dari SOP                         0"
run "$MUTU" audit --sop izin-usaha-perdagangan --from 2025-07-01 --to 2025-07-31 --db "$DB" --models "$TMP/md5" --format json
expect_eq "audit json: both cases in minutes" "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["cases"]:
    s = {x["step"]: x for x in c["steps"]}
    print(c["working"], c["ceiling"], c["late"], c["over"], c["deadline"], [s[k]["actual"] for k in sorted(s)])')" \
	"585 900 False 0 2025-07-09T08:45:00+07:00 [10, 25, 120, 330, 30, 10]
1560 900 True 660 2025-07-09T10:30:00+07:00 [15, 60, 450, 840, 120, 15]"

# ---- steps numbered in roman numerals or letters ----
# 'I' .. 'V' and 'a.' .. 'e.' in the No. column are the steps 1..5 in
# order: read so without a word.  Before: each row warned as "'IV' is no
# whole step number (a sub-step?)" (the steps were right).  A label out
# of place ('1.1', 'c.' as the second row) keeps the warning.
# 15 + 30 + 120 + 450 + 5 = 620 Menit = 1 Hari 2 Jam 50 Menit.
for f in romawi huruf; do
	run "$MUTU" sop import $S/field5-nomor-$f.txt -o "$TMP/$f.ini" --calendar id-wib
	expect_rc "numbered $f: exit 0" 0
	expect_eq "numbered $f: no sub-step warning" "$(grep -c 'no whole step number' "$TMP/err")" 0
	expect_eq "numbered $f: five steps in order" "$(steps "$TMP/$f.ini" '\[step')" \
		"[step 1]|[step 2]|[step 3]|[step 4]|[step 5]|"
	run "$MUTU" model check "$TMP/$f.ini"
	expect_out_has "numbered $f: 620 Menit" "steps sum to 1 Hari 2 Jam 50 Menit"
done
printf 'No\tKegiatan\tPelaksana\tWaktu\na.\tMengajukan\tPemohon\t15 Menit\nc.\tMemeriksa\tFront Office\t30 Menit\n' >"$TMP/huruf-loncat.txt"
run "$MUTU" sop import "$TMP/huruf-loncat.txt" -o "$TMP/hl.ini" --calendar id-wib
expect_err_has "a letter out of place still said" "line 3: 'c.' is no whole step number (a sub-step?); numbered it 2"

# ---- 60 steps, a Google Sheets TSV; a total in other units than the steps ----
# 60 steps of 10 Menit: 600 Menit, written by the steps as '10 Jam'; the
# total '1 Hari 2 Jam 30 Menit' is 450 + 150 = 600 at 450 Menit a day,
# but not on a Ramadan day of 390 (540) nor by the next-day reading: a
# finding, said as such.  Before: 'gap +0 Menit', a finding that named
# no difference.  Step 30's Kelengkapan is a quoted two-line cell (the
# tab-quote fix above).  60 steps, alternating titles: passed unchanged.
run "$MUTU" sop import $S/field5-enam-puluh.tsv -o "$TMP/e60.ini" --calendar id-wib
expect_rc "60 steps: exit 0" 0
expect_eq "60 steps: all read" "$(grep -c '^\[step' "$TMP/e60.ini")" 60
expect_eq "60 steps: no actor = ?" "$(grep -c '^actor = ?' "$TMP/e60.ini")" 0
expect_eq "60 steps: step 30's two-line cell" "$(grep -c '^kelengkapan = Berkas lengkap$' "$TMP/e60.ini")" 1
run "$MUTU" model check "$TMP/e60.ini"
expect_out_has "units differ: the finding says why" \
	"finding: declared 1 Hari 2 Jam 30 Menit, steps sum to 10 Jam: equal only at 450 Menit a day (a Hari is shorter in Ramadan)"
expect_eq "units differ: no 'gap +0'" "$(grep -c 'gap +0' "$TMP/out")" 0

# ---- what passed unchanged (pinned) ----
# A Markdown table pasted from a wiki (| No | Kegiatan | ... | and its
# |---| rule) with the Waktu forms of this round: NBSP in '15 Menit',
# decimal commas '0,5 Jam' (30) and '1,5 Jam' (90), an en dash range
# '1–2 hari' (its upper bound, 900), 'paling lama 1 hari' (450), words
# 'tiga puluh menit' (30) and 'sepuluh menit' (10), '≤ 2 jam' (120),
# 'maks. 1 hari' (450), '0 menit' (0).  15 + 30 + 90 + 900 + 450 + 30 +
# 120 + 450 + 0 + 10 = 2095 Menit = 4 Hari 4 Jam 55 Menit, as declared.
run "$MUTU" sop import $S/field5-markdown-waktu.md -o "$TMP/mdw.ini" --calendar id-wib
expect_rc "markdown waktu: exit 0" 0
expect_eq "markdown waktu: each step's" "$(steps "$TMP/mdw.ini" waktu)" \
	"waktu = 15 Menit|waktu = 0,5 Jam|waktu = 1,5 Jam|waktu = 2 hari|waktu = 1 hari|waktu = tiga puluh menit|waktu = 2 jam|waktu = 1 hari|waktu = 0 menit|waktu = sepuluh menit|"
expect_err_has "markdown waktu: the range said" "waktu '1–2 hari' is a range; its upper bound 2 hari is the ceiling"
run "$MUTU" model check "$TMP/mdw.ini"
expect_out_has "markdown waktu: 2095 Menit as declared" \
	"steps sum to 4 Hari 4 Jam 55 Menit, declared 4 Hari 4 Jam 55 Menit"
expect_out_has "markdown waktu: no finding" "mdw.ini: ok"

# The total written below the table as a sentence, 'Jangka waktu
# penyelesaian: 5 (lima) hari kerja sejak berkas diterima lengkap': the
# declared total (5 Hari), its clause agreeing with the clock the import
# writes (the end of step 2, the Front Office's check).  Sub-steps '1.1'
# .. '2.2' are steps 1..4 in order, each said.  15 + 30 + 120 + 450 = 615
# Menit against 2250: gap minus 1635 = 3 Hari 4 Jam 45 Menit (a finding:
# the Standar Pelayanan's ceiling is looser than the steps).
run "$MUTU" sop import $S/field5-total-kalimat.txt -o "$TMP/tk5.ini" --calendar id-wib
expect_rc "total in a sentence: exit 0" 0
expect_eq "total in a sentence: declared and clock" "$(grep '^declared_total\|^clock_start' "$TMP/tk5.ini" | tr '\n' '|')" \
	"declared_total = 5 (lima) hari kerja|clock_start = 2|"
expect_err_has "total in a sentence: the gap" \
	"declared 5 Hari, steps sum to 1 Hari 2 Jam 45 Menit: gap minus 3 Hari 4 Jam 45 Menit"
expect_err_has "total in a sentence: sub-steps said" "line 6: '2.1' is no whole step number (a sub-step?); numbered it 3"

# HTML with <br> inside cells (Word's 'Save as HTML', a portal's page):
# each <br> a space, '15<br>Menit' one Waktu, '1&nbsp;Hari'.  15 + 30 +
# 450 = 495 Menit = 1 Hari 45 Menit, as declared.
run "$MUTU" sop import $S/field5-html-br.html -o "$TMP/br.ini" --calendar id-wib
expect_rc "html br: exit 0" 0
expect_eq "html br: cells" "$(steps "$TMP/br.ini" 'activity\|kelengkapan\|waktu' | cut -d'|' -f1-3)" \
	"activity = Mengajukan permohonan|kelengkapan = Formulir KTP NPWP|waktu = 15 Menit"
run "$MUTU" model check "$TMP/br.ini"
expect_out_has "html br: 495 Menit as declared" "steps sum to 1 Hari 45 Menit, declared 1 Hari 45 Menit"

# ---- the agency line in capitals with the office's acronym ----
# 'DPMPTSP KABUPATEN CONTOH' under the title: 'DPMPTSP' has no vowel, an
# acronym kept in capitals (as 'LKS/LKSA' of the seeds, up to four
# letters, was).  Before: 'Dpmptsp Kabupaten Contoh'.
run "$MUTU" sop import $S/field5-nama-jabatan.txt -o "$TMP/nj2.ini" --calendar id-wib
expect_eq "agency: the acronym in capitals" "$(grep '^agency' "$TMP/nj2.ini")" "agency = DPMPTSP Kabupaten Contoh"

# ---- the same invisible characters written as HTML entities ----
# A page's source writes them '&#8203;' (a zero-width space), '&shy;' (a
# soft hyphen inside 'Menit'), '&#x200B;'; '&#xA0;' a no-break space.
# 15 + 30 + 60 = 105 Menit.  Before: waktu = ? on all three steps (the
# entity decoded into the cell, or '&shy;' left as text: 'Me&shy;nit').
run "$MUTU" sop import $S/field5-web-entitas.html -o "$TMP/ent.ini" --calendar id-wib
expect_rc "entities: exit 0" 0
expect_eq "entities: waktu" "$(steps "$TMP/ent.ini" waktu)" "waktu = 15 Menit|waktu = 30 Menit|waktu = 1 Jam|"
