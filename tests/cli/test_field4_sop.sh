#!/usr/bin/env bash
# tests/cli/test_field4_sop.sh - fourth field round on `mutu sop import`:
# SOP tables as other offices publish them (tests/data/sop/field4-*),
# each the reproducer of a defect found by importing it, or a form that
# already read right and is pinned here; the model expected is worked out
# by hand in the comments (id-wib: 1 Hari = 450 Menit).
. tests/cli/lib.sh

S=tests/data/sop

# ---- two SOP tables in one file (two permit types, one after the other) ----
# 'SOP IZIN REKLAME' with steps 1-4 and its Jumlah Waktu, then 'SOP IZIN
# TRAYEK' with its own header and steps 1-4.  One model cannot hold two
# permit types; mutu refuses (exit 2) naming the line where the second
# table's step 1 stands (line 11), its title and what ended the first.
# Before: one model of 8 steps, exit 0, 'Izin Reklame' with the trayek's
# steps 5-8 and a gap against the reklame's own total.
run "$MUTU" sop import $S/field4-dua-tabel.txt -o "$TMP/dua.ini" --calendar id-wib
expect_rc "two tables: refused, exit 2" 2
expect_err_has "two tables: where and why" \
	"field4-dua-tabel.txt:11: a second SOP table starts here ('SOP IZIN TRAYEK') (its steps start again at 1 after the total line)"
expect_err_has "two tables: what to do" "put each table in a file of its own"
expect_eq "two tables: no model written" "$(test -e "$TMP/dua.ini" && echo written)" ""
# each half alone imports as it should: 15 + 30 + 450 + 15 = 510 Menit
# = 1 Hari 1 Jam, as declared; 10 + 20 + 900 + 10 = 940 Menit = 2 Hari
# 40 Menit, as declared
sed -n 1,7p $S/field4-dua-tabel.txt >"$TMP/reklame.txt"
sed -n 9,15p $S/field4-dua-tabel.txt >"$TMP/trayek.txt"
run "$MUTU" sop import "$TMP/reklame.txt" -o "$TMP/reklame.ini" --calendar id-wib
expect_rc "two tables: the first alone, exit 0" 0
run "$MUTU" model check "$TMP/reklame.ini"
expect_out_has "two tables: the first sums to its total" "steps sum to 1 Hari 1 Jam, declared 1 Hari 1 Jam"
run "$MUTU" sop import "$TMP/trayek.txt" -o "$TMP/trayek.ini" --calendar id-wib
expect_rc "two tables: the second alone, exit 0" 0
run "$MUTU" model check "$TMP/trayek.ini"
expect_out_has "two tables: the second sums to its total" "steps sum to 2 Hari 40 Menit, declared 2 Hari 40 Menit"
# without total lines, the second table's header row ends the first
printf 'No\tKegiatan\tPemohon\tKabid\tWaktu\n1\tMengajukan\tv\t\t15 Menit\n2\tMenandatangani\t\tv\t1 Hari\nIZIN B\nNo\tKegiatan\tPemohon\tKabid\tWaktu\n1\tMengajukan B\tv\t\t10 Menit\n2\tMenandatangani B\t\tv\t2 Hari\n' >"$TMP/dua2.txt"
run "$MUTU" sop import "$TMP/dua2.txt" -o "$TMP/dua2.ini" --calendar id-wib
expect_rc "two tables, no totals: refused, exit 2" 2
expect_err_has "two tables, no totals: line 6 after the header" \
	"dua2.txt:6: a second SOP table starts here ('IZIN B') (its steps start again at 1 after a repeated header)"

# ---- a Waktu that sets no ceiling: 'Sesuai jadwal', 'Tentatif', '-' ----
# A step timed by a meeting's schedule has no ceiling, and a model needs
# one per step to check and simulate it: waktu = ? and exit 1 (written,
# needs editing), as before; what changed is that the warning says the
# table set no ceiling (before: 'no cell reads as a duration', as for a
# copy fault) and the step's note keeps what was written.
run "$MUTU" sop import $S/field4-tanpa-batas.txt -o "$TMP/tb.ini" --calendar id-wib
expect_rc "no ceiling: exit 1, the model needs editing" 1
expect_err_has "no ceiling: 'Sesuai jadwal' said" \
	"step 3 (line 5): waktu 'Sesuai jadwal' sets no ceiling; wrote waktu = ?: write the longest time the office allows for the step"
expect_err_has "no ceiling: 'Tentatif' said" "step 4 (line 6): waktu 'Tentatif' sets no ceiling"
expect_err_has "no ceiling: '-' said" "step 5 (line 7): waktu '-' sets no ceiling"
expect_eq "no ceiling: the three steps' waktu and notes" \
	"$(grep '^waktu\|^note = importer' "$TMP/tb.ini" | tr '\n' '|')" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = ?|note = importer: waktu 'Sesuai jadwal' sets no ceiling|waktu = ?|note = importer: waktu 'Tentatif' sets no ceiling|waktu = ?|note = importer: waktu '-' sets no ceiling|waktu = 15 Menit|"

# ---- Excel CSV of a sheet with merged cells (list layout) ----
# An Indonesian Excel's ';' CSV, CRLF, a title row of empty fields.  The
# Pelaksana column holds titles; a merged cell keeps its text in its
# first row only, so 'Mengentri data' under Front Office and 'Membuat
# rekomendasi' (its No. merged with step 4's) under Tim Teknis come out
# blank: the same pelaksana.  'Kepala Dinas memeriksa rekomendasi' also
# has a blank cell, but names its subject, which outweighs the cell above.
# Steps: 15 + 30 + 15 + 900 + 450 + 30 + 60 + 15 = 1515 Menit = 3 Hari
# 2 Jam 45 Menit, as declared.  Before: steps 3 and 5 got actor = ?.
run "$MUTU" sop import $S/field4-excel-gabung.csv -o "$TMP/gab.ini" --calendar id-wib
expect_rc "merged cells: exit 0" 0
expect_eq "merged cells: pelaksana" "$(grep '^actor' "$TMP/gab.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Front Office|actor = Front Office|actor = Tim Teknis|actor = Tim Teknis|actor = Kepala Dinas|actor = Kepala Dinas|actor = Pemohon|"
expect_err_has "merged cells: said" \
	"step 3: the Pelaksana cell is blank under Front Office's (a merged cell); took Front Office"
expect_err_has "merged cells: No. merged too" \
	"step 5: the Pelaksana cell is blank under Tim Teknis's (a merged cell); took Tim Teknis"
run "$MUTU" model check "$TMP/gab.ini"
expect_out_has "merged cells: 1515 Menit as declared" "steps sum to 3 Hari 2 Jam 45 Menit, declared 3 Hari 2 Jam 45 Menit"

# ---- a table saved as HTML (a web page's source, Word's 'Save as HTML') ----
# Read as the same table copied to the clipboard would be: <tr> a row,
# <td>/<th> a cell; rowspan/colspan leave the blank cells a copy leaves
# (No, Kegiatan and Keterangan over two header rows, Pelaksana over four
# positions, Mutu Baku over three); &nbsp; is blank, &amp; '&', &#8594;
# the arrow and &#x2713; the tick that mark the pelaksana, an <img> where
# the flowchart shape was the marker of step 1; <head> and <style> are
# skipped; the title is the body's heading ('STANDAR OPERASIONAL
# PROSEDUR' dropped).  Step 3's No. spans two rows: the second row is a
# step of its own, numbered 4 (as a tab copy reads it).
# 15 + 30 + 120 + 30 + 450 + 15 = 660 Menit = 1 Hari 3 Jam 30 Menit, as
# declared.  Before: 'no SOP table found', exit 2.
run "$MUTU" sop import $S/field4-web.html -o "$TMP/web.ini" --calendar id-wib
expect_rc "html: exit 0" 0
expect_eq "html: title" "$(grep '^name' "$TMP/web.ini")" "name = Izin Usaha Mikro dan Kecil"
expect_eq "html: pelaksana" "$(grep '^actor' "$TMP/web.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Front Office|actor = Kasi|actor = Kasi|actor = Kabid|actor = Pemohon|"
expect_eq "html: a <br> is a space, &amp; is '&'" \
	"$(grep '^activity\|^kelengkapan' "$TMP/web.ini" | head -2 | tr '\n' '|')" \
	"activity = Mengajukan permohonan secara daring|kelengkapan = KTP & NIB|"
expect_eq "html: the routing note read (reject_to 1)" "$(grep '^reject_to' "$TMP/web.ini")" "reject_to = 1"
expect_err_has "html: the merged No. said" "line 70: row has no step number; numbered it 4"
run "$MUTU" model check "$TMP/web.ini"
expect_out_has "html: 660 Menit as declared" "steps sum to 1 Hari 3 Jam 30 Menit, declared 1 Hari 3 Jam 30 Menit"
# a bare <table> of <th>/<td> cells without rowspans, a heading above it
printf '<h3>SOP Izin Usaha Mikro</h3>\n<table>\n<tr><th>No</th><th>Kegiatan</th><th>Pemohon</th><th>Kasi</th><th>Waktu</th></tr>\n<tr><td>1</td><td>Mengajukan</td><td>v</td><td></td><td>15 Menit</td></tr>\n<tr><td>2</td><td>Menerbitkan izin</td><td></td><td>v</td><td>1 Hari</td></tr>\n</table>\n' >"$TMP/bare.html"
run "$MUTU" sop import "$TMP/bare.html" -o "$TMP/bare.ini" --calendar id-wib
expect_rc "html, bare: exit 0" 0
expect_eq "html, bare: name, pelaksana, waktu" \
	"$(grep '^name\|^actor\|^waktu' "$TMP/bare.ini" | tr '\n' '|')" \
	"name = Izin Usaha Mikro|actor = Pemohon|waktu = 15 Menit|actor = Kasi|waktu = 1 Hari|"

# ---- columns in another order, a step by two positions ('Kasi / Kabid') ----
# No | Kegiatan | Waktu | Kelengkapan | Output | Pelaksana | Keterangan:
# Waktu before Kelengkapan, the Pelaksana column (titles) after the mutu
# baku; each cell lands in its own field (passed unchanged).  Step 2's
# Keterangan 'Jika berkas tidak lengkap, dikembalikan ke pemohon' sends
# the berkas back to step 1 (reject_to = 1).  Step 4's pelaksana 'Kasi /
# Kabid' names two positions; the title reads as its first (Kepala
# Seksi), so the simulator and the reports would give the step to the
# Kasi without a word: now a finding (the model still loads, exit 0).
# The total 'Total waktu penyelesaian: 3 (tiga) hari kerja' is read;
# steps: 15 + 30 + 900 + 60 + 60 + 15 = 1080 Menit = 2 Hari 3 Jam, the
# declared 3 Hari = 1350 Menit: gap minus 270 Menit = 4 Jam 30 Menit.
run "$MUTU" sop import $S/field4-urutan-kolom.txt -o "$TMP/urut.ini" --calendar id-wib
expect_rc "column order: exit 0" 0
expect_eq "column order: step 2 read by the header's columns" \
	"$(sed -n '/^\[step 2\]/,/^$/p' "$TMP/urut.ini" | tr '\n' '|')" \
	"[step 2]|activity = Memeriksa berkas|actor = Front Office|kelengkapan = Berkas|waktu = 30 Menit|output = Tanda terima|keterangan = Jika berkas tidak lengkap, dikembalikan ke pemohon|reject_to = 1||"
expect_err_has "column order: two positions, a finding" \
	"finding: step 4: pelaksana \"Kasi / Kabid\" names two positions (Kepala Seksi, Kepala Bidang); the simulator and the reports give the step to Kepala Seksi"
expect_err_has "column order: the total sentence and its gap" \
	"declared 3 Hari, steps sum to 2 Hari 3 Jam: gap minus 4 Jam 30 Menit"
# with role = written, the user has decided: no finding
sed 's/^actor = Kasi \/ Kabid$/actor = Kasi \/ Kabid\nrole = Kepala Bidang/' "$TMP/urut.ini" >"$TMP/urut2.ini"
run "$MUTU" model check "$TMP/urut2.ini"
expect_eq "column order: role = settles it" "$(grep -c 'two positions' "$TMP/out")" "0"
expect_out_has "column order: (model check's findings are on stdout)" "finding: declared 3 Hari"

# ---- the SLA clock of an imported model (domain.md: it starts when the
# front office accepts the file as complete) ----
# field4-excel-gabung.csv has no routing note, so no step has reject_to,
# and the readers would start the clock at the first event: the
# applicant's own submission.  The import now writes [sla] clock_start =
# 2, the Front Office check right after the applicant's step, and says so.
run "$MUTU" sop import $S/field4-excel-gabung.csv -o "$TMP/gab.ini" --calendar id-wib --force
expect_err_has "clock: said" \
	"the SLA clock starts at the end of step 2 (Front Office), when the file is accepted as complete: wrote [sla] clock_start = 2"
expect_eq "clock: written" "$(sed -n '/^\[sla\]/,$p' "$TMP/gab.ini" | tr '\n' '|')" "[sla]|clock_start = 2|"
# End to end: two cases (field4-excel-gabung-log.csv), July 2025 (no
# holiday), office hours Mon-Thu 07:30-16:00, break 12-13 (450 Menit a
# day).  Ceiling: the 1515 Menit of the steps rounded up, 4 Hari.
# The clock stops at the office's last step, 7 (Menandatangani izin);
# step 8 (Menerima izin, Pemohon) is the applicant's (sla.h).
#  K1: FO check ends Mon 7 Jul 09:00, izin signed Wed 9 Jul 14:30:
#      Mon 09:00-16:00 less the break 360 + Tue 450 + Wed 07:30-12:00 270
#      + 13:00-14:30 90 = 1170 Menit = 2,6 hari: on time (to the receipt
#      Thu 10 Jul 09:15 it was 1365 = 3,0 hari).
#  K2: the applicant took until Thu 10 Jul 10:00 over the form (step 1,
#      3,3 hari); FO check ends 10:30; signed Tue 15 Jul 14:30:
#      Thu 10:30-16:00 less the break 270 + Fri 450 + Mon 450 + Tue
#      07:30-14:30 less the break 360 = 1530 Menit = 3,4 hari: on time
#      (1725 = 3,8 to the receipt Wed 16 Jul 09:15).  Before [sla]
#      clock_start: counted from Mon 7 Jul 08:00, 7,2 hari, TERLAMBAT for
#      the applicant's days.
mkdir -p "$TMP/m4"
cp "$TMP/gab.ini" "$TMP/m4/reklame.ini"
run "$MUTU" ingest $S/field4-excel-gabung-log.csv --db "$TMP/gab.db" --sop pelayanan-izin-reklame --models "$TMP/m4" --quiet
expect_rc "clock: the log ingested" 0
run "$MUTU" audit --db "$TMP/gab.db" --sop pelayanan-izin-reklame --from 2025-07-01 --to 2025-07-31 --models "$TMP/m4"
expect_rc "clock: audit exit 0" 0
expect_out_has "clock: K1 from the FO check" "diterima lengkap: 7 Jul 2025 09:00 WIB; selesai: 9 Jul 2025 14:30 WIB"
expect_out_has "clock: K1 2,6 hari, on time" "waktu kerja: 2,6 hari; batas 4,0 hari (dibulatkan); tepat waktu"
expect_out_has "clock: K2 from the FO check" "diterima lengkap: 10 Jul 2025 10:30 WIB; selesai: 15 Jul 2025 14:30 WIB"
expect_out_has "clock: K2 3,4 hari, on time" "waktu kerja: 3,4 hari; batas 4,0 hari (dibulatkan); tepat waktu"
expect_out_has "clock: no case late" "[TERLAMBAT] kasus lewat batas                                  0"
# a table whose check can send the berkas back keeps the reject_to default:
# no [sla] written (field4-urutan-kolom.txt, step 2 reject_to = 1)
expect_eq "clock: none written beside reject_to" "$(grep -c '^\[sla\]' "$TMP/urut.ini")" "0"

# ==== forms that read right unchanged (pinned) ====

# ---- Waktu as offices type it (field4-waktu.txt, capital headers) ----
# '10 Mnt' 10; '5 menit/berkas' 5 (per berkas, as every waktu is);
# '2 JAM' 120; '1 x 24 jam' 1 Hari and '2x24 Jam' 2 Hari (a day of 24
# clock hours is one day: the model's day is the hari kerja; as 48
# working Jam it would be 6,4 Hari of 7,5 h, loosening the ceiling);
# '1-2 Hari' and '1 s/d 2 hari' 2 Hari (the upper bound: a ceiling is
# the longest the office allows, the lower bound is what it hopes for);
# '1 hari 2 jam' 1 Hari 120; '3 (tiga) hari kerja' 3 Hari; '14 HK' 14
# Hari; '2 jm' 120 (new this round); '10 Mnt' 10.
# Days 1+2+2+2+1+3+14 = 25, Menit 10+5+120+120+120+10 = 385 = 6 Jam 25:
# 25 Hari 6 Jam 25 Menit = 11635 Menit, ceiling 11635/450 = 25,9 -> 26
# Hari, as declared.
run "$MUTU" sop import $S/field4-waktu.txt -o "$TMP/w.ini" --calendar id-wib
expect_rc "waktu forms: exit 0" 0
expect_err_has "waktu forms: a range's upper bound" "step 6 (line 9): waktu '1-2 Hari' is a range; its upper bound 2 Hari is the ceiling"
expect_err_has "waktu forms: 's/d' too" "step 7 (line 10): waktu '1 s/d 2 hari' is a range; its upper bound 2 hari is the ceiling"
run "$MUTU" model show "$TMP/w.ini"
expect_out_has "waktu forms: the sum by hand" "total (sum of steps): 25 Hari 6 Jam 25 Menit = 11635 Menit"
expect_out_has "waktu forms: as declared" "gap:                  +0 Menit"
expect_eq "waktu forms: capital headers, pelaksana from the ticks" \
	"$(grep '^actor' "$TMP/w.ini" | sort -u | tr '\n' '|')" \
	"actor = Back Office|actor = Front Office|actor = Kabid|actor = Kadis|actor = Kasi|actor = Pemohon|actor = Tim Teknis|"

# ---- a PDF copy: the header rows again after the page break, page
# footers 'Halaman 1 dari 2' between rows.  15 + 30 + 450 + 60 + 15 =
# 570 Menit = 1 Hari 2 Jam, as declared; the footers skipped by name.
run "$MUTU" sop import $S/field4-halaman.txt -o "$TMP/hal.ini" --calendar id-wib
expect_rc "page breaks: exit 0" 0
expect_eq "page breaks: 5 steps" "$(grep -c '^\[step' "$TMP/hal.ini")" "5"
expect_err_has "page breaks: the header skipped" "skipped 2 repeated header row(s) (page breaks)"
expect_err_has "page breaks: the footer skipped" "line 8: not a step row, skipped (Halaman 1 dari 2)"
run "$MUTU" model check "$TMP/hal.ini"
expect_out_has "page breaks: 570 Menit as declared" "steps sum to 1 Hari 2 Jam, declared 1 Hari 2 Jam"

# ---- English headers: Activity | Actor | Requirements | Time | Output ----
# 15 + 30 + 60 + 15 = 120 Menit = 2 Jam as 'Total' declares; Applicant
# is the applicant, Head of Office the Kepala Dinas.
run "$MUTU" sop import $S/field4-english.txt -o "$TMP/en.ini" --calendar id-wib
expect_rc "english: exit 0" 0
run "$MUTU" model show "$TMP/en.ini"
expect_out_has "english: the head's role" "   3  Head of Office (Kepala Dinas)      1 hour       Sign the permit"
expect_out_has "english: 120 Menit as declared" "declared total:       2 hours = 120 Menit"

# ---- capital headers, sub-steps 2a/2b, a signature block ----
# 2a and 2b (done side by side, the Keterangan says) are steps 3 and 4 in
# table order: the model has no parallel steps, so their times add up
# (60 + 450), which the authors' total does too: 15 + 30 + 60 + 450 +
# 14 x 450 + 15 = 6870 Menit = 15 Hari 2 Jam.  'Ditetapkan di ...',
# 'Kepala Dinas,', 'ttd', the name and 'NIP. ...' are no steps.
run "$MUTU" sop import $S/field4-tanda-tangan.txt -o "$TMP/ttd.ini" --calendar id-wib
expect_rc "signature: exit 0" 0
expect_eq "signature: 6 steps" "$(grep -c '^\[step' "$TMP/ttd.ini")" "6"
expect_err_has "signature: 2a said" "line 5: '2a' is no whole step number (a sub-step?); numbered it 3"
expect_err_has "signature: the NIP line skipped" "line 15: not a step row, skipped (NIP. 19700101 199003 1 001)"
run "$MUTU" model check "$TMP/ttd.ini"
# (round 11: step 2b runs 'bersamaan dengan 2a', so the steps take 15 +
# 30 + max(60, 450) + 6300 + 15 = 6810 = 15 Hari 1 Jam, the critical
# path; the authors added the whole column, 6870, their own sum on the
# safe side: no finding)
expect_out_has "signature: the critical path, the column's sum declared" "steps sum to 15 Hari 1 Jam, declared 15 Hari 2 Jam"
expect_out_has "signature: no finding" "ttd.ini: ok"

# ---- only No. | Kegiatan | Waktu: no pelaksana column ----
# The actor comes from the activity's subject ('Pemohon mengajukan',
# 'Petugas loket memeriksa', 'Kepala Dinas menandatangani'); 'Memproses
# izin' names nobody: actor = ?, a finding, still exit 0 (the model
# loads; the simulator cannot staff that step until it is named).
run "$MUTU" sop import $S/field4-tiga-kolom.txt -o "$TMP/tiga.ini" --calendar id-wib
expect_rc "three columns: exit 0" 0
expect_eq "three columns: pelaksana" "$(grep '^actor' "$TMP/tiga.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Front Office|actor = ?|actor = Kepala Dinas|actor = Pemohon|"
expect_err_has "three columns: said" "the header names no actor columns; actors come from the text only"

# ---- a conditional row: 'Jika berkas tidak lengkap, dikembalikan ke
# pemohon untuk dilengkapi', numbered 3, Waktu '-' ----
# It is the decision's 'no' branch of step 2 (a flowchart draws it as an
# arrow back), not a step of the normal path: its text joins step 2's
# Keterangan, which sends the berkas back to step 1 (reject_to = 1, so
# the SLA clock starts at the end of the check).  Steps: 15 + 30 + 450 +
# 15 = 510 Menit = 1 Hari 1 Jam, as declared.  Before: a step 3 with
# waktu = ?, exit 1 (the model did not load), and had it been given a
# waktu, every case's total would have carried it.
run "$MUTU" sop import $S/field4-cabang-tolak.txt -o "$TMP/cab.ini" --calendar id-wib
expect_rc "reject branch: exit 0" 0
expect_err_has "reject branch: said" \
	"line 5: 'Jika berkas tidak lengkap, dikembalikan ke pemohon untuk dil' has no Waktu and says where the berkas goes when step 2's check fails: read as step 2's routing note (reject_to), not a step"
expect_eq "reject branch: step 2" "$(sed -n '/^\[step 2\]/,/^$/p' "$TMP/cab.ini" | tr '\n' '|')" \
	"[step 2]|activity = Memeriksa kelengkapan berkas|actor = Front Office|waktu = 30 Menit|output = Tanda terima|keterangan = Jika berkas tidak lengkap, dikembalikan ke pemohon untuk dilengkapi|reject_to = 1||"
expect_eq "reject branch: 4 steps" "$(grep -c '^\[step' "$TMP/cab.ini")" "4"
run "$MUTU" model check "$TMP/cab.ini"
expect_out_has "reject branch: 510 Menit as declared" "steps sum to 1 Hari 1 Jam, declared 1 Hari 1 Jam"

# ---- a step cut by a page break: 'Memverifikasi berkas dan' on page 1,
# then the footer 'Halaman 1 dari 2' and the header again, and 'membuat
# draft izin' with its tick under Kasi and '2 Jam' on page 2 ----
# One step: 15 + 30 + 120 + 450 + 15 = 630 Menit = 1 Hari 3 Jam, as
# declared.  Before: step 3 with waktu = ? and actor = ?, its second half
# a step 4 of its own, exit 1 (the halves were joined only when adjacent).
run "$MUTU" sop import $S/field4-putus-halaman.txt -o "$TMP/putus.ini" --calendar id-wib
expect_rc "cut by a page break: exit 0" 0
expect_err_has "cut by a page break: said" "line 5: step 3 continues on line 8 (a row broken by a page break); read as one"
expect_eq "cut by a page break: step 3" "$(sed -n '/^\[step 3\]/,/^$/p' "$TMP/putus.ini" | tr '\n' '|')" \
	"[step 3]|activity = Memverifikasi berkas dan membuat draft izin|actor = Kasi|role = Kepala Seksi|waktu = 2 Jam|output = Draft||"
run "$MUTU" model check "$TMP/putus.ini"
expect_out_has "cut by a page break: 630 Menit as declared" "steps sum to 1 Hari 3 Jam, declared 1 Hari 3 Jam"

# ---- the encodings Windows saves a table in ----
# field4-unicode-text.txt: Excel's 'Unicode Text' (UTF-16LE with its
# byte-order mark, CRLF, tabs; check marks, '±', an en dash);
# field4-ansi.csv: Excel's plain 'CSV' on Windows (';', Windows-1252:
# '±' is byte 0xB1, the en dash 0x96).  Both read as the same table:
# '± 15 Menit' 15 (the only number), '1 – 2 Hari' 2 Hari (the upper
# bound); 15 + 30 + 900 + 15 = 960 Menit = 2 Hari 1 Jam, as declared.
# Before: UTF-16 'no SOP table found', exit 2; Windows-1252 waktu = ? on
# steps 1 and 3, exit 1.  The model is written in UTF-8.
for f in field4-unicode-text.txt field4-ansi.csv; do
	run "$MUTU" sop import $S/$f -o "$TMP/$f.ini" --calendar id-wib
	expect_rc "$f: exit 0" 0
	expect_eq "$f: pelaksana and waktu" "$(grep '^actor\|^waktu' "$TMP/$f.ini" | tr '\n' '|')" \
		"actor = Pemohon|waktu = 15 Menit|actor = Petugas Loket|waktu = 30 Menit|actor = Kabid|waktu = 2 Hari|actor = Pemohon|waktu = 15 Menit|"
	expect_eq "$f: the model is UTF-8 with the '±' kept" \
		"$(iconv -f UTF-8 -t UTF-8 "$TMP/$f.ini" | grep -c "waktu '± 15 Menit' is approximate")" "1"
	run "$MUTU" model check "$TMP/$f.ini"
	expect_out_has "$f: 960 Menit as declared" "steps sum to 2 Hari 1 Jam, declared 2 Hari 1 Jam"
done
run "$MUTU" sop import $S/field4-unicode-text.txt -o "$TMP/u.ini" --calendar id-wib
expect_err_has "utf-16: said" "the file is UTF-16 (little-endian, as Windows saves 'Unicode' text); read as such"
run "$MUTU" sop import $S/field4-ansi.csv -o "$TMP/a.ini" --calendar id-wib
expect_err_has "windows-1252: said" "the file is not UTF-8; read as Windows-1252 (as Excel and Word save on Windows)"

# ---- another office's column names: 'Uraian Kegiatan | Penanggung Jawab |
# Persyaratan | Lama Waktu | Hasil Kerja | Keterangan' ----
# 'Penanggung Jawab' is the list layout's one column of titles (as
# 'Pelaksana' is); 'Lama Waktu' the Waktu and 'Hasil Kerja' the Output (a
# keyword with a word of the office's before or after it, read so only in
# the header).  Before: 'Penanggung Jawab' was taken for a position whose
# cells were debris, every step actor = ?, and 'Lama Waktu', 'Hasil
# Kerja' 'not a known position'; the Output was lost.
# 15 + 30 + 900 + 60 + 15 = 1020 Menit = 2 Hari 2 Jam, as declared.
run "$MUTU" sop import $S/field4-kata-kolom.txt -o "$TMP/kk.ini" --calendar id-wib
expect_rc "column words: exit 0" 0
expect_eq "column words: pelaksana" "$(grep '^actor' "$TMP/kk.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Petugas Loket|actor = Tim Teknis|actor = Kepala Dinas|actor = Pemohon|"
expect_eq "column words: outputs" "$(grep '^output' "$TMP/kk.ini" | tr '\n' '|')" \
	"output = Berkas|output = Tanda terima|output = BAP|output = Izin|output = Izin|"
expect_eq "column words: no column ignored" "$(grep -c 'not a known position' "$TMP/err")" "0"
run "$MUTU" model check "$TMP/kk.ini"
expect_out_has "column words: 1020 Menit as declared" "steps sum to 2 Hari 2 Jam, declared 2 Hari 2 Jam"
# 'Petugas' and 'Norma Waktu', 'Keluaran' too
printf 'No\tLangkah\tPetugas\tKelengkapan\tNorma Waktu\tKeluaran\n1\tMengajukan permohonan\tPemohon\tKTP\t15 Menit\tBerkas\n2\tMenandatangani izin\tKepala Dinas\tDraft\t1 Hari\tIzin\n' >"$TMP/petugas.txt"
run "$MUTU" sop import "$TMP/petugas.txt" -o "$TMP/petugas.ini" --calendar id-wib
expect_eq "column words: 'Petugas'" "$(grep '^actor\|^output' "$TMP/petugas.ini" | tr '\n' '|')" \
	"actor = Pemohon|output = Berkas|actor = Kepala Dinas|output = Izin|"

# ---- Waktu in Standar Pelayanan words: '3 hari kerja sejak berkas
# lengkap', '1 Hari setelah survei' (a clause saying when the time
# counts from; the time is the number's), '< 30 menit' (the ceiling), and
# the total 'Jangka waktu penyelesaian: 5 (lima) hari kerja sejak berkas
# diterima lengkap' ----
# Steps: 15 + 30 + 3 x 450 + 450 + 15 = 1860 Menit = 4 Hari 1 Jam;
# declared 5 Hari = 2250 Menit: gap minus 390 Menit = 6 Jam 30 Menit (a
# finding, as every whole-day total unequal to the sum has been).
# Before: waktu = ? on steps 2, 3 and 4, exit 1, and no declared total.
run "$MUTU" sop import $S/field4-sejak.txt -o "$TMP/sj.ini" --calendar id-wib
expect_rc "sejak: exit 0" 0
expect_err_has "sejak: the clause said" \
	"step 3 (line 5): waktu '3 hari kerja sejak berkas lengkap' says when it counts from; read as 3 hari kerja"
expect_err_has "sejak: '<' is the ceiling" "step 2 (line 4): waktu '< 30 menit' names its ceiling; read as 30 menit"
expect_eq "sejak: waktu and total" "$(grep '^waktu\|^declared' "$TMP/sj.ini" | tr '\n' '|')" \
	"declared_total = 5 (lima) hari kerja|waktu = 15 Menit|waktu = 30 menit|waktu = 3 hari kerja|waktu = 1 Hari|waktu = 15 Menit|"
expect_eq "sejak: the step keeps the clause" "$(grep -c "^note = importer: waktu '1 Hari setelah survei' says when it counts from" "$TMP/sj.ini")" "1"
expect_err_has "sejak: the gap by hand" "declared 5 Hari, steps sum to 4 Hari 1 Jam: gap minus 6 Jam 30 Menit"

# ---- '24 Jam' beside '1 x 24 Jam' ----
# 'N x 24 Jam' reads as N Hari (a day of 24 clock hours: the model's day
# is the hari kerja).  A bare '24 Jam' stays 1440 Menit of working time
# (3 Hari 1 Jam 30 Menit: the number as written), but the import now says
# both readings and the step's note keeps it; before, nothing was said,
# and a ceiling the office meant as one day was 3,2 days.
# 1 Hari + 1440 Menit = 450 + 1440 = 1890 Menit, shown '1 Hari 24 Jam'
# (the sum keeps its Hari apart from its Jam: a Hari is placed by the
# calendar).
printf 'No\tKegiatan\tKabid\tWaktu\n1\tMemproses izin\tv\t24 Jam\n2\tMenerbitkan izin\tv\t1 x 24 Jam\n' >"$TMP/24.txt"
run "$MUTU" sop import "$TMP/24.txt" -o "$TMP/24.ini" --calendar id-wib
expect_rc "24 Jam: exit 0" 0
expect_err_has "24 Jam: both readings said" \
	"step 1 (line 2): waktu '24 Jam' is 1440 Menit of working time; if the office means 1 day(s) of 24 clock hours ('1 x 24 Jam'), write 1 Hari"
expect_eq "24 Jam: said once (not for '1 x 24 Jam')" "$(grep -c '24 clock hours' "$TMP/err")" "1"
run "$MUTU" model show "$TMP/24.ini"
expect_out_has "24 Jam: 1890 Menit" "total (sum of steps): 1 Hari 24 Jam = 1890 Menit"
# the only routing note is the Kabid's (step 4 returns the draft to the
# Back Office, reject_to = 3): the readers' default would start the
# clock after the Kabid's day of verification; the check at the counter
# is step 2, written as clock_start.
run "$MUTU" sop import $S/field4-tolak-kabid.txt -o "$TMP/tk.ini" --calendar id-wib
expect_rc "clock, a later reject: exit 0" 0
expect_err_has "clock, a later reject: said" \
	"wrote [sla] clock_start = 2 (the first step that can send the berkas back is step 4, not the check at the counter"
expect_eq "clock, a later reject: reject_to and clock" \
	"$(grep '^reject_to\|^clock_start' "$TMP/tk.ini" | tr '\n' '|')" "reject_to = 3|clock_start = 2|"

# ---- the imported models drive a simulation ----
# The merged-cells model (8 steps, 1515 Menit: ceiling 4 Hari rounded up)
# and the HTML one (660 Menit: 2 Hari) in one scenario, staffed by the
# titles the tables use ('Kadis', 'Kasi', 'Kabid' staff by their roles).
cp "$TMP/web.ini" "$TMP/m4/mikro.ini"
cat >"$TMP/sc4.ini" <<EOS
[run]
calendar = id-wib
start = 2025-07-01
end = 2025-07-31
replications = 2
seed = 4

[staff]
Front Office = 1
Tim Teknis = 15
Kepala Dinas = 1
Kasi = 1
Kabid = 3

[sop reklame]
model = $TMP/m4/reklame.ini
arrivals = 3 per hari
service = exponential

[sop mikro]
model = $TMP/m4/mikro.ini
arrivals = 2 per hari
service = exponential
EOS
run "$MUTU" sim "$TMP/sc4.ini"
expect_rc "sim: exit 0" 0
expect_out_has "sim: the merged-cells model, its ceiling" "SOP pelayanan-izin-reklame: Pelayanan Izin Reklame (batas 4 Hari)"
expect_out_has "sim: the HTML model, its ceiling" "SOP izin-usaha-mikro-kecil: Izin Usaha Mikro dan Kecil (batas 2 Hari)"
expect_out_has "sim: step 5 served by Tim Teknis (the merged cell's title)" "  langkah 5 (Tim Teknis)"

# ---- model check: which pelaksana name two positions ----
# 'Kasi dan Kabid' and 'Sekretaris, Kadis' do (each part is a position);
# 'Tim Teknis (Kabid, Kasi)' is the team (the parentheses remark on it)
# and 'Pemohon / Kuasa' the applicant or a proxy (Kuasa is no position):
# two findings, steps 2 and 4.
printf '[sop]\nid = t\nname = T\ncalendar = id-wib\n\n[step 1]\nactivity = a\nactor = Tim Teknis (Kabid, Kasi)\nwaktu = 1 Jam\n\n[step 2]\nactivity = b\nactor = Kasi dan Kabid\nwaktu = 1 Jam\n\n[step 3]\nactivity = c\nactor = Pemohon / Kuasa\nwaktu = 1 Jam\n\n[step 4]\nactivity = d\nactor = Sekretaris, Kadis\nwaktu = 1 Jam\n' >"$TMP/dua-jabatan.ini"
run "$MUTU" model check "$TMP/dua-jabatan.ini"
expect_eq "two positions: steps 2 and 4 only" "$(grep -o 'step [0-9]: pelaksana "[^"]*" names two positions ([^)]*)' "$TMP/out" | tr '\n' '|')" \
	'step 2: pelaksana "Kasi dan Kabid" names two positions (Kepala Seksi, Kepala Bidang)|step 4: pelaksana "Sekretaris, Kadis" names two positions (Sekretaris, Kepala Dinas)|'

# ---- Waktu with its number in words only ----
# 'Lima belas menit' 15, 'tiga puluh menit' 30, 'Satu hari kerja' 450,
# 'sehari' 450 (se- = one), 'dua jam' 120: 1065 Menit = 2 Hari 2 Jam 45
# Menit, as the Jumlah 'Dua hari dua jam empat puluh lima menit' (2 Hari,
# 120 + 45) declares.  Before: waktu = ? on every step, exit 1, and the
# total unread.
run "$MUTU" sop import $S/field4-angka-kata.txt -o "$TMP/ak.ini" --calendar id-wib
expect_rc "numbers in words: exit 0" 0
run "$MUTU" model check "$TMP/ak.ini"
expect_out_has "numbers in words: 1065 Menit as declared" \
	"steps sum to 2 Hari 2 Jam 45 Menit, declared Dua hari dua jam empat puluh lima menit"
expect_out_has "numbers in words: no finding" "ak.ini: ok"

# ---- a No. column right of Kegiatan and a row of one cell (found by
# fuzzing; in the code since the third round) ----
# 'Kegiatan | No | Pemohon | Waktu', then 'Mengajukan' alone on a row:
# the broken-step check read the row's No. cell past its one cell (a
# segmentation fault).  Now no crash: 'Mengajukan' is skipped as no step
# row and the next row is the one step, 15 Menit, exit 0 (a No. column
# right of Kegiatan is read no better than that).
printf 'Kegiatan\tNo\tPemohon\tWaktu\nMengajukan\n\t1\tv\t15 Menit\n' >"$TMP/oob.txt"
run "$MUTU" sop import "$TMP/oob.txt" -o "$TMP/oob.ini" --calendar id-wib
expect_rc "No. right of Kegiatan: exit 0, no crash" 0
expect_eq "No. right of Kegiatan: one step of 15 Menit" "$(grep -c '^\[step' "$TMP/oob.ini") $(grep '^waktu' "$TMP/oob.ini")" "1 waktu = 15 Menit"
