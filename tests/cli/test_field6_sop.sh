#!/usr/bin/env bash
# tests/cli/test_field6_sop.sh - sixth field round on `mutu sop import`:
# SOP tables as other offices publish them (tests/data/sop/field6-*),
# each the reproducer of a defect found by importing it, or a form that
# already read right and is pinned here; the model expected is worked out
# by hand in the comments (id-wib and id-wita: 1 Hari = 450 Menit).
. tests/cli/lib.sh

S=tests/data/sop

# ---- the SOP AP layout of Permenpan-RB 35/2012, shapes typed as letters ----
# Header over three lines: No | Kegiatan | Pelaksana (5 columns) | Mutu
# Baku (Kelengkapan | Waktu | Output) | Keterangan, the titles under
# them, then the column numbers '(1)' .. '(11)' as the form prints them.
# Each pelaksana's flowchart shape is typed as a letter in its column
# ('O' the terminator, 'D' the decision, 'P' a process; a symbol font's
# character that lost its font reads the same way).  The two decisions
# say in the Keterangan where a 'no' goes: 'Tidak lengkap: kembali ke
# langkah 1' (step 2), 'Tidak disetujui: kembali ke langkah 3' (step 5).
# Steps: 10 + 30 + 450 + 900 + 15 + 5 = 1410 Menit = 3 Hari 1 Jam, as
# declared on the TOTAL row.  Before: steps 2-5 actor = ? ('only a weak
# clue ... debris 'D''), no reject_to, the '(1)' row warned of as 'not a
# step row'.
run "$MUTU" sop import $S/field6-sop-ap-huruf.txt -o "$TMP/ap.ini" --calendar id-wib
expect_rc "shape letters: exit 0" 0
expect_eq "shape letters: pelaksana" "$(steps "$TMP/ap.ini" actor)" \
	"actor = Pemohon|actor = Petugas Loket|actor = Verifikator|actor = Tim Teknis|actor = Kepala DPMPTSP|actor = Pemohon|"
expect_eq "shape letters: no weak clue said" "$(grep -c 'weak clue' "$TMP/err")" 0
expect_eq "column numbers: not read, not warned of" "$(grep -c 'not a step row' "$TMP/err")" 0
expect_eq "decisions by number: reject_to" "$(steps "$TMP/ap.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|[step 5]|reject_to = 3|[step 6]|"
expect_eq "decisions by number: the clock at the check (reject_to), no clock_start" \
	"$(grep -c '^clock_start' "$TMP/ap.ini")" 0
expect_eq "waktu as written" "$(steps "$TMP/ap.ini" waktu)" \
	"waktu = 10 mnt|waktu = 0,5 Jam|waktu = 1 (satu) Hari Kerja|waktu = 2 HK|waktu = 15 Menit|waktu = 5'|"
run "$MUTU" model check "$TMP/ap.ini"
expect_out_has "shape letters: 1410 Menit as declared" "6 steps, 5 actors, steps sum to 3 Hari 1 Jam, declared 3 Hari 1 Jam (4 Hari)"
expect_out_has "shape letters: no finding" "ap.ini: ok"
# 'I' alone stays debris (a connector line read as a letter): step 2
# gets its pelaksana from its neighbours, as with any debris
printf 'No\tKegiatan\tPemohon\tFront Office\tKepala Dinas\tWaktu\n1\tMengajukan\tO\t\t\t15 Menit\n2\tMemeriksa\t\tI\t\t30 Menit\n3\tMenandatangani\t\t\tP\t1 Jam\n4\tMenerima\tO\t\t\t5 Menit\n' >"$TMP/garis.txt"
run "$MUTU" sop import "$TMP/garis.txt" -o "$TMP/garis.ini" --calendar id-wib
expect_err_has "a lone 'I' is debris" \
	"step 2: no direct clue; took Front Office from its neighbours (debris 'I' in its column, the only column between its neighbours')"

# ---- the decision's branch labels in the pelaksana columns ----
# A flowchart copied with its symbols (○ ◇ □) and the labels of the
# decision's arrows, Word text boxes: 'Tidak' in the column the 'no'
# arrow ends in (the Pemohon for the Front Office's check, the Back
# Office for the Kabid's), 'Ya' where the 'yes' arrow goes.  A WITA
# office (Banjarmasin): the same 450 Menit a day.  Steps: 15 + 15 + 120
# + 60 + 450 + 15 = 675 Menit = 1 Hari 3 Jam 45 Menit, as declared.
# Before: each label debris 'contradicting' the symbol, no reject_to, and
# clock_start = 2 written because 'no step sends the berkas back'.
run "$MUTU" sop import $S/field6-cabang-ya-tidak.txt -o "$TMP/yt.ini" --calendar id-wita
expect_rc "branch labels: exit 0" 0
expect_eq "branch labels: pelaksana" "$(steps "$TMP/yt.ini" actor)" \
	"actor = Pemohon|actor = Front Office|actor = Back Office|actor = Kabid Perizinan|actor = Kepala Dinas|actor = Pemohon|"
expect_eq "branch labels: reject_to where 'Tidak' points" "$(steps "$TMP/yt.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|reject_to = 3|[step 5]|[step 6]|"
expect_eq "branch labels: no contradiction said" "$(grep -c 'contradicts' "$TMP/err")" 0
expect_eq "branch labels: no clock_start (the check sends back)" "$(grep -c 'clock_start' "$TMP/yt.ini" "$TMP/err" | awk -F: '{s+=$2} END {print s}')" 0
run "$MUTU" model check "$TMP/yt.ini"
expect_out_has "branch labels: 675 Menit as declared" "steps sum to 1 Hari 3 Jam 45 Menit, declared 1 Hari 3 Jam 45 Menit"
# the label typed with its arrow, 'Tidak ←' / 'Ya →': the same labels
# (before: the arrow made 'Tidak ←' a marker under Pemohon, so step 2's
# clues disagreed: actor = ?)
printf 'No\tUraian Prosedur\tPemohon\tFront Office\tKepala Dinas\tWaktu\n1\tMengajukan\t\xe2\x97\x8b\t\t\t15 Menit\n2\tMemeriksa\tTidak \xe2\x86\x90\t\xe2\x97\x87\tYa \xe2\x86\x92\t15 Menit\n3\tMenandatangani\t\t\t\xe2\x96\xa1\t1 Jam\n4\tMenerima\t\xe2\x97\x8b\t\t\t15 Menit\n' >"$TMP/panah.txt"
run "$MUTU" sop import "$TMP/panah.txt" -o "$TMP/panah.ini" --calendar id-wib
expect_eq "labels with arrows: pelaksana and the way back" "$(steps "$TMP/panah.ini" 'actor\|reject_to')" \
	"actor = Pemohon|actor = Front Office|reject_to = 1|actor = Kepala Dinas|actor = Pemohon|"
# a 'Tidak' beside the decision in its own column names no one to send back to
printf 'No\tKegiatan\tPemohon\tFront Office\tKepala Dinas\tWaktu\n1\tMengajukan\tX\t\t\t15 Menit\n2\tMemeriksa\t\tX\t\t30 Menit\n3\tMenandatangani\t\tTidak\tX\t1 Jam\n4\tMenerima\tX\t\t\t5 Menit\n' >"$TMP/sendiri.txt"
run "$MUTU" sop import "$TMP/sendiri.txt" -o "$TMP/sendiri.ini" --calendar id-wib
expect_eq "a label in no one's way: step 3 sends back to the Front Office's step 2" \
	"$(steps "$TMP/sendiri.ini" '\[step\|reject_to')" "[step 1]|[step 2]|[step 3]|reject_to = 2|[step 4]|"

# ---- the step a 'no' goes back to, named by number in the Keterangan ----
# X-ticked columns; 'Tidak: kembali ke no. 1; Ya: lanjut ke no. 3' on
# the check (back to 1), 'Tidak perlu peninjauan: lanjut ke no. 5' on
# the verification (a branch forward: sends nothing back), 'Jika tidak
# disetujui dikembalikan ke langkah 3 untuk diperbaiki' on the Kabid's
# (back to 3).  Steps: 15 + 30 + 450 + 450 + 60 + 30 + 15 = 1050 Menit =
# 2 Hari 2 Jam 30 Menit, as the total sentence declares.  Before: no
# reject_to at all, 'no step sends the berkas back'.
run "$MUTU" sop import $S/field6-keterangan-nomor.txt -o "$TMP/kn.ini" --calendar id-wib
expect_rc "back by number: exit 0" 0
expect_eq "back by number: reject_to" "$(steps "$TMP/kn.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|[step 5]|reject_to = 3|[step 6]|[step 7]|"
expect_eq "back by number: no 'no step sends the berkas back'" "$(grep -c 'no step sends' "$TMP/err")" 0
run "$MUTU" model check "$TMP/kn.ini"
expect_out_has "back by number: 1050 Menit as declared" \
	"7 steps, 6 actors, steps sum to 2 Hari 2 Jam 30 Menit, declared 2 Hari 2 Jam 30 Menit"
# a number forward, or a time after 'ke', is no step to go back to
printf 'No\tKegiatan\tPelaksana\tWaktu\tKeterangan\n1\tMengajukan\tPemohon\t15 Menit\t\n2\tMemeriksa\tFront Office\t30 Menit\tTidak lengkap: ditunda ke 2 hari berikutnya\n3\tMenandatangani\tKepala Dinas\t1 Jam\tTidak: ke no. 4\n4\tMenerima\tPemohon\t5 Menit\t\n' >"$TMP/maju.txt"
run "$MUTU" sop import "$TMP/maju.txt" -o "$TMP/maju.ini" --calendar id-wib
expect_eq "forward or a time: no reject_to" "$(grep -c '^reject_to' "$TMP/maju.ini")" 0

# ---- PATEN (a kecamatan's service): column numbers 1 .. 10, the office line ----
# The header's column numbers without parentheses, '1 | 2 | ... | 10',
# under a capitals header; the title in three lines: the PATEN program,
# the office ('KECAMATAN BANTUL'), the SOP's own title.  Steps: 5 + 10 +
# 30 + 450 + 5 = 500 Menit = 1 Hari 50 Menit, as declared.  Before: the
# numbers row was step 1 (activity '2', waktu '8' without a unit: waktu
# = ?, exit 1), the steps renumbered 2..6, and the name the three lines
# run together: 'Pelayanan Administrasi Terpadu Kecamatan (Paten)
# Kecamatan Bantul SOP Surat Keterangan Ahli Waris', whose id
# (pelayanan-administrasi-terpadu-kecamatan-paten-kecamatan) every SOP of
# the kecamatan shared.
run "$MUTU" sop import $S/field6-paten-nomor-kolom.txt -o "$TMP/paten.ini" --calendar id-wib
expect_rc "PATEN: exit 0" 0
expect_eq "PATEN: five steps, none from the numbers row" "$(steps "$TMP/paten.ini" 'activity' | cut -d'|' -f1-2)" \
	"activity = Pemohon datang ke loket PATEN menyerahkan berkas|activity = Petugas loket memeriksa kelengkapan berkas"
expect_eq "PATEN: in order, no renumbering" "$(grep -c 'renumbered' "$TMP/err")" 0
expect_eq "PATEN: name, id, agency" "$(grep '^id\|^name\|^agency' "$TMP/paten.ini" | tr '\n' '|')" \
	"id = surat-keterangan-ahli-waris|name = Surat Keterangan Ahli Waris|agency = Kecamatan Bantul|"
expect_eq "PATEN: the check sends back to the applicant" "$(steps "$TMP/paten.ini" 'reject_to')" "reject_to = 1|"
# 'Petugas Loket PATEN' starts as the Front Office's title: that is the
# role to suggest (before: 'add role = Back Office' whatever the title)
expect_err_has "PATEN: the near role suggested" \
	"pelaksana 'Petugas Loket Paten' is none of the positions mutu knows (it starts as Front Office does, with more words); kept as a position of its own (mutu sim staffs it apart: [staff] Petugas Loket Paten = N); if it is one of them, add role = Front Office"
run "$MUTU" model check "$TMP/paten.ini"
expect_out_has "PATEN: 500 Menit as declared" "5 steps, 4 actors, steps sum to 1 Hari 50 Menit, declared 1 hari 50 menit"
# another SOP of the same kecamatan gets an id of its own
sed 's/^SOP SURAT KETERANGAN AHLI WARIS$/SOP SURAT KETERANGAN DOMISILI/' $S/field6-paten-nomor-kolom.txt >"$TMP/domisili.txt"
run "$MUTU" sop import "$TMP/domisili.txt" -o "$TMP/domisili.ini" --calendar id-wib
expect_eq "PATEN: the second SOP's id" "$(grep '^id' "$TMP/domisili.ini")" "id = surat-keterangan-domisili"

# ---- a table with no actor columns: the positions named in the text ----
# field4-tiga-kolom.txt (No | Kegiatan | Waktu): the pelaksana are read
# from the activity and are mutu's own positions.  Before: each said to
# be 'none of the positions mutu knows (it starts as Pemohon does, with
# more words)'.  The model is as before (field4's test).
run "$MUTU" sop import $S/field4-tiga-kolom.txt -o "$TMP/tiga.ini" --calendar id-wib
expect_eq "no actor columns: known positions not warned of" "$(grep -c 'none of the positions' "$TMP/err")" 0
expect_eq "no actor columns: pelaksana as before" "$(steps "$TMP/tiga.ini" actor)" \
	"actor = Pemohon|actor = Front Office|actor = ?|actor = Kepala Dinas|actor = Pemohon|"

# ---- OSS-RBA: the system's own steps, 'Real time' and 'Otomatis' ----
# A Sertifikat Standar SOP in the OSS-RBA list layout: the OSS forwards
# the application ('Real time') and notifies the business ('Otomatis'):
# done at once, 0 Menit, as 'Langsung' is.  'Pelaku Usaha' is the
# applicant (role Pemohon); the verifier sends the berkas back 'kepada
# pelaku usaha' (reject_to = 1).  Steps: 30 + 0 + 1350 + 2250 + 450 + 0 =
# 4080 Menit = 9 Hari 30 Menit against the declared 9 hari kerja (4050):
# gap +30 Menit, the applicant's own time, a finding.  Before: waktu = ?
# on steps 2 and 6 ('no cell reads as a duration', no reason), exit 1.
run "$MUTU" sop import $S/field6-oss-rba.txt -o "$TMP/oss.ini" --calendar id-wib
expect_rc "OSS-RBA: exit 0" 0
expect_eq "OSS-RBA: waktu" "$(steps "$TMP/oss.ini" waktu)" \
	"waktu = 30 menit|waktu = 0 Menit|waktu = 3 (tiga) hari kerja|waktu = 5 (lima) hari kerja|waktu = 1 (satu) hari kerja|waktu = 0 Menit|"
expect_err_has "OSS-RBA: 'Real time' said" "step 2 (line 8): waktu 'Real time' means done at once; read as 0 Menit"
expect_err_has "OSS-RBA: 'Otomatis' said" "step 6 (line 12): waktu 'Otomatis' means done at once; read as 0 Menit"
expect_eq "OSS-RBA: the applicant and the sending back" "$(steps "$TMP/oss.ini" 'role = Pemohon\|reject_to')" \
	"role = Pemohon|reject_to = 1|"
run "$MUTU" model check "$TMP/oss.ini"
expect_out_has "OSS-RBA: 4080 Menit against 4050" \
	"steps sum to 9 Hari 30 Menit, declared 9 (sembilan) hari kerja"
expect_out_has "OSS-RBA: the gap" "finding: declared 9 Hari, steps sum to 9 Hari 30 Menit: gap +30 Menit"

# ---- the name's acronym in parentheses, '(SIPA)', '(IUMK)' ----
# A title in capitals ends with the acronym of the name: kept in
# capitals, as 'LKS/LKSA' (no more than one vowel) already was.  Before:
# 'Surat Izin Praktik Apoteker (Sipa)'.  A word in parentheses that no
# preceding word's initial opens ('(BARU)' after 'SIP DOKTER') is a word.
run "$MUTU" sop import $S/field6-sop-ap-huruf.txt -o "$TMP/ap2.ini" --calendar id-wib
expect_eq "acronym: (SIPA)" "$(grep '^name' "$TMP/ap2.ini")" "name = Surat Izin Praktik Apoteker (SIPA)"
printf 'SOP SIP DOKTER (BARU)\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n' >"$TMP/baru.txt"
run "$MUTU" sop import "$TMP/baru.txt" -o "$TMP/baru.ini" --calendar id-wib
expect_eq "acronym: '(BARU)' is a word" "$(grep '^name' "$TMP/baru.ini")" "name = SIP Dokter (Baru)"
# a group of short words, '(PB UMKU)' (Perizinan Berusaha untuk Menunjang
# Kegiatan Usaha), each kept; '(BARU/PERPANJANGAN)' is words.  (The
# seventh round: that line over 'IZIN PENYELENGGARAAN REKLAME' names the
# programme, left out of the name, test_field7_sop.sh; alone it is the
# title.)
printf 'SOP PERIZINAN BERUSAHA UNTUK MENUNJANG KEGIATAN USAHA (PB UMKU)\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n' >"$TMP/umku.txt"
run "$MUTU" sop import "$TMP/umku.txt" -o "$TMP/umku.ini" --calendar id-wib
expect_eq "acronym: (PB UMKU)" "$(grep '^name' "$TMP/umku.ini")" \
	"name = Perizinan Berusaha untuk Menunjang Kegiatan Usaha (PB UMKU)"
printf 'SOP SIP DOKTER (BARU/PERPANJANGAN)\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n' >"$TMP/bp.txt"
run "$MUTU" sop import "$TMP/bp.txt" -o "$TMP/bp.ini" --calendar id-wib
expect_eq "acronym: '(BARU/PERPANJANGAN)' is words" "$(grep '^name' "$TMP/bp.ini")" "name = SIP Dokter (Baru/Perpanjangan)"

# ---- the total in calendar days; the letterhead in two lines ----
# A Gianyar (WITA) TDUP in the list layout, its total as a sentence:
# 'Jumlah waktu penyelesaian: 14 (empat belas) hari kalender'.  A Hari of
# the model is a hari kerja, so calendar days cannot be the declared
# total (refused as '14 hari kalender' is in a Waktu cell, since the
# second round); the line now says so, with the reason, where it stands.
# Before: 'not a step row, skipped' and 'no "Jumlah Waktu" line'.
# Steps: 15 + 15 + 1350 + 120 + 450 + 15 = 1965 Menit = 4 Hari 2 Jam 45
# Menit; no declared total.
run "$MUTU" sop import $S/field6-hari-kalender.txt -o "$TMP/hk.ini" --calendar id-wita
expect_rc "calendar-day total: exit 0" 0
expect_err_has "calendar-day total: said where and why" \
	"line 14: the total line's '14 (empat belas) hari kalender' does not read as a duration (cannot read duration \"14 (empat belas) hari kalender\": \"14 (empat belas) hari kalender\" counts calendar days, and mutu counts a Hari as a hari kerja; write the ceiling in hari kerja (e.g. 14 hari kalender ~ 10 Hari)); the model has no declared total"
expect_eq "calendar-day total: not 'no Jumlah Waktu line'" "$(grep -c 'no "Jumlah Waktu" line' "$TMP/err")" 0
expect_eq "calendar-day total: no declared_total written" "$(grep -c '^declared_total' "$TMP/hk.ini")" 0
run "$MUTU" model check "$TMP/hk.ini"
expect_out_has "calendar-day total: 1965 Menit" "6 steps, 5 actors, steps sum to 4 Hari 2 Jam 45 Menit, no declared total"
# 'PEMERINTAH KABUPATEN GIANYAR' over 'DINAS PENANAMAN MODAL ...': one
# agency, as seed 003 writes it on one line.  Before: the office line
# dropped, 'Pemerintah Kabupaten Gianyar'.
expect_eq "letterhead: government and office" "$(grep '^agency' "$TMP/hk.ini")" \
	"agency = Pemerintah Kabupaten Gianyar Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
# a line that only mentions 'jumlah' is no total line: a wrapped activity
printf 'SOP IZIN X\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n3\tMenetapkan retribusi\tKepala Dinas\t1 Hari\n\tmenurut jumlah hari Perda No. 5\n' >"$TMP/jumlah.txt"
run "$MUTU" sop import "$TMP/jumlah.txt" -o "$TMP/jumlah.ini" --calendar id-wib
expect_eq "a wrapped 'jumlah': the activity kept" "$(grep -c '^activity = Menetapkan retribusi menurut jumlah hari Perda No. 5$' "$TMP/jumlah.ini")" 1

# ---- sub-steps 2a, 2b, and a way back named by the table's number ----
# A Dinas Kesehatan list-layout SOP: steps 1, 2, 2a, 2b, 3, 4, 5, 6 are
# the model's 1..8 (the sub-steps renumbered, said since the fourth
# round); 'Apabila tidak memenuhi syarat, kembali ke no. 3' on the table's
# step 4 (model 6) is the table's step 3, the verification: model step 5,
# not the model's step 3 (2a, the register).  Step 2: 'kembali ke no. 1'.
# Steps: 15 + 15 + 5 + 5 + 120 + 900 + 450 + 10 = 1520 Menit = 3 Hari 2
# Jam 50 Menit, as declared.  Before: no reject_to.
run "$MUTU" sop import $S/field6-sub-langkah-kembali.txt -o "$TMP/sk.ini" --calendar id-wib
expect_rc "sub-steps: exit 0" 0
expect_eq "sub-steps: reject_to by the table's numbers" "$(steps "$TMP/sk.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|[step 5]|[step 6]|reject_to = 5|[step 7]|[step 8]|"
run "$MUTU" model check "$TMP/sk.ini"
expect_out_has "sub-steps: 1520 Menit as declared" "8 steps, 5 actors, steps sum to 3 Hari 2 Jam 50 Menit, declared 3 Hari 2 Jam 50 Menit"
# mutu sim takes the model's way back: 'step.6.reject = 0.2' needs no
# step.6.reject_to (before: 'model ... names no step to return to from
# step 6; add step.6.reject_to', exit 2)
mkdir -p "$TMP/mk"
cp "$TMP/sk.ini" "$TMP/mk/klinik.ini"
cat >"$TMP/sk-sc.ini" <<EOS
[run]
calendar = id-wib
start = 2025-07-01
end = 2025-07-31
replications = 2
seed = 6

[staff]
Front Office = 2
Verifikator = 1
Tim Teknis = 4
Kepala Dinas = 2

[sop klinik]
model = $TMP/mk/klinik.ini
arrivals = 1 per hari
service = exponential
step.6.reject = 0.2
EOS
run "$MUTU" sim "$TMP/sk-sc.ini"
expect_rc "sub-steps: sim with the model's reject_to, exit 0" 0
expect_out_has "sub-steps: sim's SOP line" "SOP izin-klinik-pratama: Izin Operasional Klinik Pratama (batas 4 Hari)"

# ---- an event log given to sop import by mistake: exit 2, nothing written ----
# field5-log-dagang.csv (case_id, sop, step, activity, actor, start, end):
# 12 rows numbered by the step column, no Waktu in the header, no cell a
# duration.  It cannot be an SOP table.  Before: a 12-step model written,
# every waktu = ?, 26 warnings, exit 1.
run "$MUTU" sop import $S/field5-log-dagang.csv -o "$TMP/log.ini" --calendar id-wib
expect_rc "event log: exit 2" 2
expect_err_has "event log: said why" \
	"field5-log-dagang.csv:2: no SOP table found: 12 numbered row(s), but the header names no Waktu and no cell of them reads as a duration such as \"30 Menit\" (an event log? import it with mutu ingest); nothing written"
expect_eq "event log: the error alone" "$(grep -c 'warning' "$TMP/err")" 0
expect_eq "event log: no model written" "$(test -e "$TMP/log.ini" && echo written || echo none)" "none"
# a Waktu column whose every cell the model cannot take is an SOP to
# edit: written, exit 1, each reason said (passed unchanged)
printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMemeriksa\tFront Office\t14 hari kalender\n' >"$TMP/satu.txt"
run "$MUTU" sop import "$TMP/satu.txt" -o "$TMP/satu.ini" --calendar id-wib
expect_rc "a Waktu column to edit: exit 1" 1
expect_err_has "a Waktu column to edit: the reason" "counts calendar days"

# ---- the decision's labels on a row of their own; 'ke proses sebelumnya' ----
# A Word copy of a flowchart (Balikpapan, WITA) whose 'Tidak' / 'Ya' text
# boxes fell between the rows: a row holding only 'Tidak' under the
# Pemohon and 'Ya' under the Back Office, under the Petugas Loket's check:
# that check's labels (reject_to = 1).  The Kabid's check says 'Apabila
# tidak sesuai dikembalikan ke proses sebelumnya': the step before it,
# the Back Office's draft (reject_to = 3).  Steps: 15 + 15 + 60 + 30 + 450
# + 15 = 585 Menit = 1 Hari 2 Jam 15 Menit, as declared.  Before: 'line
# 9: not a step row, skipped (Tidak)', no reject_to, clock_start = 2
# written because 'no step sends the berkas back'.
run "$MUTU" sop import $S/field6-label-baris.txt -o "$TMP/lb.ini" --calendar id-wita
expect_rc "label row: exit 0" 0
expect_eq "label row: pelaksana and the ways back" "$(steps "$TMP/lb.ini" 'actor\|reject_to')" \
	"actor = Pemohon|actor = Petugas Loket|reject_to = 1|actor = Back Office|actor = Kabid|reject_to = 3|actor = Kepala DPMPTSP|actor = Pemohon|"
expect_eq "label row: not warned of as a row" "$(grep -c 'not a step row' "$TMP/err")" 0
expect_eq "label row: no clock_start" "$(grep -c '^clock_start' "$TMP/lb.ini")" 0
run "$MUTU" model check "$TMP/lb.ini"
expect_out_has "label row: 585 Menit as declared" "steps sum to 1 Hari 2 Jam 15 Menit, declared 1 Hari 2 Jam 15 Menit"

# ---- footnote marks '*)' and '**)', office hours in parentheses ----
# A Kesbangpol SOP (list layout): '15 Menit *)', '2 Jam **)' (the second
# footnote, explained under the table), '1 Hari (08.00 - 15.30)' (the
# hours the Kepala Badan signs in: clock times, a remark).  Steps: 15 +
# 15 + 120 + 450 + 10 = 610 Menit = 1 Hari 2 Jam 40 Menit, as declared.
# Before: '**' was dropped as markdown bold, '2 Jam )' no duration, and
# '08.00' a number without a unit: waktu = ? on steps 3 and 4, exit 1.
run "$MUTU" sop import $S/field6-waktu-catatan.txt -o "$TMP/wc.ini" --calendar id-wib
expect_rc "footnotes: exit 0" 0
expect_eq "footnotes: waktu" "$(steps "$TMP/wc.ini" waktu)" \
	"waktu = 15 Menit|waktu = 15 Menit|waktu = 2 Jam|waktu = 1 Hari|waktu = 10 Menit|"
expect_err_has "footnotes: '**)' said" "step 3 (line 7): waktu '2 Jam **)' carries a footnote mark; read as 2 Jam"
expect_err_has "footnotes: office hours said" \
	"step 4 (line 8): waktu '1 Hari (08.00 - 15.30)' carries a remark in parentheses; read as 1 Hari"
expect_err_has "footnotes: the note row as written" "line 12: not a step row, skipped (**) tidak termasuk"
expect_eq "footnotes: Kasubid and Kepala Badan by role" "$(steps "$TMP/wc.ini" role)" \
	"role = Front Office|role = Kepala Seksi|role = Kepala Dinas|role = Front Office|"
run "$MUTU" model check "$TMP/wc.ini"
expect_out_has "footnotes: 610 Menit as declared" "steps sum to 1 Hari 2 Jam 40 Menit, declared 1 Hari 2 Jam 40 Menit"
# a number of hours in the parentheses is no clock time: refused as before
printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMenandatangani\tKepala Dinas\t1 Hari (7 jam)\n' >"$TMP/tujuh.txt"
run "$MUTU" sop import "$TMP/tujuh.txt" -o "$TMP/tujuh.ini" --calendar id-wib
expect_err_has "'1 Hari (7 jam)' still refused" "the part in parentheses must be whole working days"

# ---- the decision as a numbered row of its own, with no Waktu ----
# Karawang's IUI SOP draws each check as a process (□) and its outcome as
# a decision (◇) on the next row: '3 | Berkas lengkap? | ◇ | - | Tidak:
# kembali ke no. 1', '6 | Draft disetujui? | ◇ | (blank) | Tidak: kembali
# ke no. 4', each under the pelaksana of the check above it.  The check
# took the time; the decision is its outcome: its text joins the step
# above's Keterangan, where the way back is read.  Table steps 1, 2, 4, 5,
# 7, 8 are the model's 1..6: reject_to = 1 on step 2, and 'no. 4' (the
# Back Office's draft) is model step 3, on step 4.  Steps: 15 + 15 + 60 +
# 30 + 450 + 15 = 585 Menit = 1 Hari 2 Jam 15 Menit, as declared.  Before:
# steps 3 and 6 with waktu = ? (exit 1) and no reject_to at all.
run "$MUTU" sop import $S/field6-keputusan-baris.txt -o "$TMP/kb.ini" --calendar id-wib
expect_rc "decision rows: exit 0" 0
expect_eq "decision rows: steps, pelaksana, ways back" "$(steps "$TMP/kb.ini" '\[step\|^actor\|^reject_to')" \
	"[step 1]|actor = Pemohon|[step 2]|actor = Front Office|reject_to = 1|[step 3]|actor = Back Office|[step 4]|actor = Kabid Perizinan|reject_to = 3|[step 5]|actor = Kepala Dinas|[step 6]|actor = Pemohon|"
expect_err_has "decision rows: said" \
	"line 9: step 3 ('Berkas lengkap?') is step 2's decision, with no Waktu of its own: read as that step's way back (its Keterangan), not a step"
run "$MUTU" model check "$TMP/kb.ini"
expect_out_has "decision rows: 585 Menit as declared" "6 steps, 5 actors, steps sum to 1 Hari 2 Jam 15 Menit, declared 1 Hari 2 Jam 15 Menit"
# a question with a time of its own, or asked by another pelaksana, is a step
printf 'No\tKegiatan\tPemohon\tFront Office\tKepala Dinas\tWaktu\tKeterangan\n1\tMengajukan\tX\t\t\t15 Menit\t\n2\tMemeriksa\t\tX\t\t15 Menit\t\n3\tBerkas lengkap?\t\tX\t\t5 Menit\tTidak: kembali ke no. 1\n4\tDisetujui?\t\t\tX\t-\tTidak: kembali ke no. 2\n5\tMenerima\tX\t\t\t5 Menit\t\n' >"$TMP/tanya.txt"
run "$MUTU" sop import "$TMP/tanya.txt" -o "$TMP/tanya.ini" --calendar id-wib
expect_eq "questions that are steps: five steps" "$(grep -c '^\[step' "$TMP/tanya.ini")" 5
expect_err_has "questions that are steps: step 4's waktu to write" "step 4 (line 5): waktu '-' sets no ceiling"

# ---- the SOP AP form's identity block above the table ----
# The whole document copied: the letterhead, then the identity table of
# Permenpan-RB 35/2012 (Nomor SOP, Tanggal Pembuatan/Revisi/Efektif,
# Disahkan oleh, Nama SOP; Dasar Hukum, Kualifikasi Pelaksana,
# Keterkaitan, Peralatan, Peringatan, Pencatatan, two columns of numbered
# lists), then the flowchart table.  The name is the 'Nama SOP' cell.
# Before: the block's 14 lines ran together as the name, 'Nomor SOP
# 060/012/SOP/2023 Tanggal Pembuatan ...', id
# nomor-060-012-2023-tanggal-pembuatan-2-januari-2023-tanggal.  Steps: 15
# + 15 + 60 + 450 + 15 = 555 Menit = 1 Hari 1 Jam 45 Menit, as declared.
run "$MUTU" sop import $S/field6-identitas-sop.txt -o "$TMP/id.ini" --calendar id-wib
expect_rc "identity block: exit 0" 0
expect_eq "identity block: name, id, agency" "$(grep '^id\|^name\|^agency' "$TMP/id.ini" | tr '\n' '|')" \
	"id = pelayanan-izin-praktik-perawat|name = Pelayanan Izin Praktik Perawat|agency = Pemerintah Kabupaten Kulon Progo Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu|"
expect_eq "identity block: the numbered lists are no steps" "$(grep -c '^\[step' "$TMP/id.ini")" 5
run "$MUTU" model check "$TMP/id.ini"
expect_out_has "identity block: 555 Menit as declared" "5 steps, 4 actors, steps sum to 1 Hari 1 Jam 45 Menit, declared 1 Hari 1 Jam 45 Menit"
# 'Nama SOP : ...' in one cell
printf 'Nama SOP : Pelayanan Izin Reklame\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMemeriksa\tFront Office\t30 Menit\n' >"$TMP/nama.txt"
run "$MUTU" sop import "$TMP/nama.txt" -o "$TMP/nama.ini" --calendar id-wib
expect_eq "identity: 'Nama SOP :' in one cell" "$(grep '^name' "$TMP/nama.ini")" "name = Pelayanan Izin Reklame"

# ---- the way back as an arrow to a title: 'Tidak lengkap → Pemohon' ----
# A Keterangan typed with an arrow where a sentence says 'ke': 'Tidak
# lengkap → Pemohon' on the Front Office's check, 'Ditolak -> Back Office'
# on the Kabid's: reject_to = 1 and 3.  Before: no reject_to (the arrow
# was no 'ke'), clock_start = 2 written as 'no step sends the berkas back'.
printf 'SOP IZIN X\n\nNo\tKegiatan\tPelaksana\tWaktu\tKeterangan\n1\tMengajukan\tPemohon\t15 Menit\t\n2\tMemeriksa\tFront Office\t30 Menit\tTidak lengkap \xe2\x86\x92 Pemohon\n3\tMembuat draft\tBack Office\t1 Jam\t\n4\tMemaraf draft\tKabid\t30 Menit\tDitolak -> Back Office\n5\tMenandatangani\tKepala Dinas\t1 Hari\t\n6\tMenerima\tPemohon\t5 Menit\t\n' >"$TMP/ar.txt"
run "$MUTU" sop import "$TMP/ar.txt" -o "$TMP/ar.ini" --calendar id-wib
expect_eq "arrow to a title: reject_to" "$(steps "$TMP/ar.ini" '\[step\|^reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|reject_to = 3|[step 5]|[step 6]|"

# ---- each pelaksana's column marked with its own title or abbreviation ----
# An Excel-typed matrix (Cimahi): the mark in each step's column is the
# column's own name, 'CS', 'BO', 'Tim Teknis', 'Kabid', 'Kadis', 'Pemohon':
# it names the pelaksana outright, as a tick does.  Before: debris, so
# steps 2-6 actor = ?, and step 7 ('CS' under CS) went to the Pemohon by
# the last-step convention.  Steps: 15 + 15 + 30 + 900 + 30 + 450 + 10 =
# 1450 Menit = 3 Hari 1 Jam 40 Menit, as declared.
run "$MUTU" sop import $S/field6-singkatan-kolom.txt -o "$TMP/sg.ini" --calendar id-wib
expect_rc "own titles as marks: exit 0" 0
expect_eq "own titles as marks: pelaksana" "$(steps "$TMP/sg.ini" actor)" \
	"actor = Pemohon|actor = CS|actor = BO|actor = Tim Teknis|actor = Kabid|actor = Kadis|actor = CS|"
expect_eq "own titles as marks: no debris said" "$(grep -c 'debris' "$TMP/err")" 0
run "$MUTU" model check "$TMP/sg.ini"
expect_out_has "own titles as marks: 1450 Menit as declared" \
	"7 steps, 6 actors, steps sum to 3 Hari 1 Jam 40 Menit, declared 3 hari 1 jam 40 menit"

# ---- a word before the Waktu's number: 'SLA 1 hari', 'Waktu 30 menit' ----
# An OSS-RBA PB UMKU SOP (Depok) types each stage's time behind a word:
# 'Waktu 30 menit' and 'Lama 15 menit' (a label), 'SLA 1 hari' and 'Dalam
# 1 hari' (the ceiling), 'Estimasi 2 jam' (an estimate: its number is the
# ceiling, as '± 15 Menit' since the third round).  Steps: 30 + 450 + 120
# + 15 + 450 = 1065 Menit = 2 Hari 2 Jam 45 Menit, as declared.  Before:
# 'expected a number at "SLA"', waktu = ? on every step.
run "$MUTU" sop import $S/field6-waktu-kata-depan.txt -o "$TMP/kd.ini" --calendar id-wib
expect_rc "word before the number: exit 0" 0
expect_eq "word before the number: waktu" "$(steps "$TMP/kd.ini" waktu)" \
	"waktu = 30 menit|waktu = 1 hari|waktu = 2 jam|waktu = 15 menit|waktu = 1 hari|"
expect_err_has "word before the number: a label said" \
	"step 1 (line 6): waktu 'Waktu 30 menit' opens with a word before its number; read as 30 menit"
expect_err_has "word before the number: SLA said" "step 2 (line 7): waktu 'SLA 1 hari' names its ceiling; read as 1 hari"
run "$MUTU" model check "$TMP/kd.ini"
expect_out_has "word before the number: 1065 Menit as declared" \
	"steps sum to 2 Hari 2 Jam 45 Menit, declared 2 Hari 2 Jam 45 Menit"

# ---- pelaksana grouped by office over a third header line ----
# Klaten's Izin Trayek: 'Pelaksana' over 'Pemohon | DPMPTSP (3 columns) |
# Dinas Perhubungan', the DPMPTSP's positions on a third line (Front
# Office, Back Office, Kepala Dinas), the symbol legend under the table.
# Read by its lowest titles (passed unchanged, pinned).  'Dinas
# Perhubungan' is the technical office: the role to suggest is Dinas
# Teknis (before: 'add role = Back Office').  15 + 30 + 450 + 60 + 30 + 15
# = 600 Menit = 1 Hari 2 Jam 30 Menit.
run "$MUTU" sop import $S/field6-kelompok-pelaksana.txt -o "$TMP/kp.ini" --calendar id-wib
expect_rc "grouped pelaksana: exit 0" 0
expect_eq "grouped pelaksana: pelaksana" "$(steps "$TMP/kp.ini" actor)" \
	"actor = Pemohon|actor = Front Office|actor = Dinas Perhubungan|actor = Back Office|actor = Kepala Dinas|actor = Pemohon|"
expect_err_has "grouped pelaksana: the technical office's role suggested" \
	"pelaksana 'Dinas Perhubungan' is none of the positions mutu knows; kept as a position of its own (mutu sim staffs it apart: [staff] Dinas Perhubungan = N); if it is one of them, add role = Dinas Teknis"
run "$MUTU" model check "$TMP/kp.ini"
expect_out_has "grouped pelaksana: 600 Menit" "6 steps, 5 actors, steps sum to 1 Hari 2 Jam 30 Menit"

# ---- one position under two names: 'PEMOHON/PELAKU USAHA', 'FRONT OFFICE/CS' ----
# An NTB (WITA) SOP in capitals names the applicant by both its names and
# the counter by both of its: one position each (role Pemohon, Front
# Office), the titles kept and cased word by word across the slash.
# Before: 'Pemohon/pelaku Usaha' and 'Front Office/cs', no role, each
# 'none of the positions mutu knows'.  'Kasi / Kabid' (two positions)
# keeps no role (field4).  mutu sim staffs the steps by role (the sim
# read the titles' first position before too: pinned).
# Steps: 30 + 30 + 900 + 450 + 10 = 1420 Menit = 3 Hari 1 Jam 10 Menit.
run "$MUTU" sop import $S/field6-nama-ganda.txt -o "$TMP/ng.ini" --calendar id-wita
expect_rc "two names: exit 0" 0
expect_eq "two names: titles and roles" "$(steps "$TMP/ng.ini" 'actor\|^role' | cut -d'|' -f1-4)" \
	"actor = Pemohon/Pelaku Usaha|role = Pemohon|actor = Front Office/CS|role = Front Office"
expect_eq "two names: not 'none of the positions'" "$(grep -c 'none of the positions' "$TMP/err")" 0
run "$MUTU" model check "$TMP/ng.ini"
expect_out_has "two names: 1420 Menit as declared" "steps sum to 3 Hari 1 Jam 10 Menit, declared 3 Hari 1 Jam 10 Menit"
mkdir -p "$TMP/mng"
cp "$TMP/ng.ini" "$TMP/mng/listrik.ini"
cat >"$TMP/ng-sc.ini" <<EOS
[run]
calendar = id-wita
start = 2025-07-01
end = 2025-07-31
replications = 2
seed = 7

[staff]
Front Office = 1
Back Office = 3
Kepala Dinas = 2

[sop listrik]
model = $TMP/mng/listrik.ini
arrivals = 1 per hari
service = exponential
EOS
run "$MUTU" sim "$TMP/ng-sc.ini"
expect_rc "two names: sim staffs no applicant, exit 0" 0
expect_out_has "two names: the counter's pool" "langkah 2 (Front Office)"
# two nouns before the number: 'kembali ke kegiatan nomor 1', 'ke no urut 1'
for k in "Tidak: kembali ke kegiatan nomor 1" "Tidak lengkap, kembali ke no urut 1"; do
	printf 'No\tKegiatan\tPelaksana\tWaktu\tKeterangan\n1\tMengajukan\tPemohon\t15 Menit\t\n2\tMemeriksa\tFront Office\t30 Menit\t%s\n3\tMenandatangani\tKepala Dinas\t1 Jam\t\n' "$k" >"$TMP/dua-kata.txt"
	run "$MUTU" sop import "$TMP/dua-kata.txt" -o "$TMP/dua-kata.ini" --calendar id-wib
	expect_eq "two nouns: '$k'" "$(grep '^reject_to' "$TMP/dua-kata.ini")" "reject_to = 1"
done
# steps numbered in roman numerals: 'kembali ke langkah I', 'ke tahap III'
printf 'SOP IZIN ROMAWI\n\nNo\tKegiatan\tPelaksana\tWaktu\tKeterangan\nI\tMengajukan permohonan\tPemohon\t15 Menit\t\nII\tMemeriksa kelengkapan\tFront Office\t30 Menit\tTidak lengkap: kembali ke langkah I\nIII\tVerifikasi\tBack Office\t2 Jam\t\nIV\tMemaraf\tKabid\t30 Menit\tTidak disetujui: kembali ke tahap III, lalu ke proses verifikasi\nV\tMenandatangani\tKepala Dinas\t1 Hari\t\nVI\tMenerima izin\tPemohon\t5 Menit\t\n' >"$TMP/rom.txt"
run "$MUTU" sop import "$TMP/rom.txt" -o "$TMP/rom.ini" --calendar id-wib
expect_eq "roman numerals: reject_to" "$(steps "$TMP/rom.ini" '\[step\|^reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|reject_to = 3|[step 5]|[step 6]|"

# ---- a Standar Pelayanan given for an SOP: exit 2, with what to use ----
# Malang's Standar Pelayanan of the Izin Reklame (PermenPANRB 15/2014):
# No | Komponen | Uraian, 14 numbered components, one of them a duration
# ('Jangka waktu penyelesaian | 5 (lima) hari kerja').  No SOP table.
# Before: a 14-step model, 13 waktu = ?, 29 warnings, exit 1.
run "$MUTU" sop import $S/field6-standar-pelayanan.txt -o "$TMP/sp.ini" --calendar id-wib
expect_rc "Standar Pelayanan: exit 2" 2
expect_err_has "Standar Pelayanan: said what it is and what to do" \
	"field6-standar-pelayanan.txt:5: a Standar Pelayanan (PermenPANRB 15/2014: 14 of its 14 rows are its components, Dasar Hukum, Persyaratan, ...), not an SOP table; its Jangka waktu penyelesaian (line 8: '5 (lima) hari kerja') is the SOP's declared total; import the SOP's own table of steps; nothing written"
expect_eq "Standar Pelayanan: no model written" "$(test -e "$TMP/sp.ini" && echo written || echo none)" "none"
# the same in a table without a No. column: the decision row has no number
# but its labels ('Tidak' under the Pemohon): read the same way (before:
# 'not a step row, skipped (Berkas lengkap?)', the way back lost)
printf 'SOP IZIN X\n\nKegiatan\tPemohon\tFront Office\tKepala Dinas\tWaktu\tKeterangan\nMengajukan permohonan\tX\t\t\t15 Menit\t\nMemeriksa berkas\t\tX\t\t30 Menit\t\nBerkas lengkap?\tTidak\tX\tYa\t\t\nMenandatangani\t\t\tX\t1 Hari\t\nMenerima\tX\t\t\t5 Menit\t\n' >"$TMP/tanpa-no.txt"
run "$MUTU" sop import "$TMP/tanpa-no.txt" -o "$TMP/tanpa-no.ini" --calendar id-wib
expect_eq "decision without a number: steps and the way back" "$(steps "$TMP/tanpa-no.ini" '\[step\|^reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|"
expect_err_has "decision without a number: said" "line 6: 'Berkas lengkap?' is step 2's decision"
