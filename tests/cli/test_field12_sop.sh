#!/usr/bin/env bash
# tests/cli/test_field12_sop.sh - twelfth field round on `mutu sop import`:
# SOP tables in styles the earlier rounds did not cover (tests/data/sop/
# field12/*): a Perbup annex whose steps are grouped under numbered
# headings ('1. | Pendaftaran', then 1.a, 1.b), a provincial SOP of a WITA
# office saved from Excel with a decision row 'Ya / Tidak ke no. 3' in the
# pelaksana's cell, a Mal Pelayanan Publik's gerai, a PBG through SIMBG
# with its Tim Profesi Ahli, an OSS-RBA verification of a WIT office,
# Waktu in words and ranges, Waktu before Kelengkapan with the actor
# written in the cell, an Excel sheet whose merged cells were filled, a
# decision's Ya | Tidak columns, a PDF copy whose cells broke over lines.
# Expected values worked out by hand in the comments (id-wib, id-wita,
# id-wit: 450 Menit a day, 7.5 net hours, Perpres 21/2023).
# On the build before this round (e539e35) 37 of the 68 checks fail.
. tests/cli/lib.sh

S=tests/data/sop/field12

# ---- 1. a Perbup annex: numbered headings over sub-steps 1.a, 1.b ----
# 'LAMPIRAN II PERATURAN BUPATI ...', then the table.  Rows '1. |
# Pendaftaran' and '2. | Pemeriksaan berkas' hold only a title: the
# headings of the sub-steps 1.a, 1.b and 2.a, 2.b under them, which have
# the marks and the times.  Steps in table order: 1.a (1), 1.b (2), 2.a
# (3), 2.b (4), 3 (5), 4 (6), 5 (7).  Waktu: 10 + 5 + 15 + 15 + 1 Hari
# (450) + 1 Jam (60) + 5 = 560 = 1 Hari 1 Jam 50 Menit, as declared.
# 2.a's 'Tidak lengkap kembali ke 1.b' goes back to 1.b, step 2.
# Before: each heading a step of waktu = ? and actor = ? (exit 1, the
# model did not load), and 'kembali ke 1.b' read as step 1.
run "$MUTU" sop import $S/perbup-sub-titik.txt -o "$TMP/pb.ini" --calendar id-wib
expect_rc "Perbup sub-steps: exit 0" 0
expect_eq "Perbup sub-steps: minutes and the declared total" "$(minutes "$TMP/pb.ini")" \
	"[10, 5, 15, 15, 450, 60, 5] 560"
expect_eq "Perbup sub-steps: pelaksana" "$(steps "$TMP/pb.ini" 'actor')" \
	"actor = Pemohon|actor = Pemohon|actor = Petugas Loket|actor = Petugas Loket|actor = Petugas Teknis|actor = Kepala Dinas|actor = Pemohon|"
expect_eq "Perbup sub-steps: 'kembali ke 1.b' is step 2" "$(steps "$TMP/pb.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|[step 3]|reject_to = 2|[step 4]|[step 5]|[step 6]|[step 7]|"
expect_err_has "Perbup sub-steps: the heading said" \
	"line 10: '1. Pendaftaran' heads the sub-steps under it (1.a, 1.b ...), with no pelaksana or Waktu of its own: a heading, not a step"
expect_err_has "Perbup sub-steps: the second heading said" "line 13: '2. Pemeriksaan berkas' heads the sub-steps"
run "$MUTU" model check "$TMP/pb.ini"
expect_out_has "Perbup sub-steps: model check ok" "pb.ini: ok"
# numeric sub-steps 1.1, 1.2 under '1.': the same; 10 + 20 + 60 = 90
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPemohon\tFront Office\tBack Office\tWaktu\n1.\tPendaftaran\t\t\t\t\n1.1\tMengajukan\tv\t\t\t10 Menit\n1.2\tMemeriksa\t\tv\t\t20 Menit\n2.\tMemproses\t\t\tv\t1 Jam\n' >"$TMP/n.txt"
run "$MUTU" sop import "$TMP/n.txt" -o "$TMP/n.ini" --calendar id-wib
expect_eq "1.1, 1.2 under '1.': minutes" "$(minutes "$TMP/n.ini")" "[10, 20, 60] None"
# what the rule leaves alone: a '1.' row with a pelaksana's mark is a
# step even over '1.a' (10 + 20 + 30 = three steps); a bare '1.' row
# followed by step 2 (no sub-step of it) stays a step with waktu = ?
printf 'No\tKegiatan\tPemohon\tFront Office\tWaktu\n1.\tMengajukan\tv\t\t10 Menit\n1.a\tMelengkapi\tv\t\t20 Menit\n2.\tMemeriksa\t\tv\t30 Menit\n' >"$TMP/m.txt"
run "$MUTU" sop import "$TMP/m.txt" -o "$TMP/m.ini" --calendar id-wib
expect_eq "a marked '1.' over '1.a' stays a step" "$(minutes "$TMP/m.ini")" "[10, 20, 30] None"
printf 'No\tKegiatan\tPemohon\tFront Office\tWaktu\n1.\tMengajukan\t\t\t\n2.\tMemeriksa\t\tv\t30 Menit\n' >"$TMP/m2.txt"
run "$MUTU" sop import "$TMP/m2.txt" -o "$TMP/m2.ini" --calendar id-wib
expect_rc "a bare '1.' over step 2 stays a step (exit 1)" 1
expect_eq "a bare '1.' over step 2: waktu = ?" "$(steps "$TMP/m2.ini" 'waktu')" "waktu = ?|waktu = 30 Menit|"

# ---- 2. a provincial SOP (WITA) from Excel: the decision in a cell ----
# DPMPTSP Provinsi Sulawesi Selatan, ';'-separated, headers in capitals,
# Waktu before Kelengkapan.  Row 5 'Rekomendasi memenuhi syarat?' is the
# Tim Teknis's decision with no Waktu; its cell under TIM TEKNIS OPD
# reads 'Ya / Tidak ke no. 3': step 4 (the Tim Teknis) sends the berkas
# back to step 3 (Back Office).  'PETUGAS MPP' is the counter of the Mal
# Pelayanan Publik: the Front Office, whose check (step 2) starts the
# clock (step 4's return is no acceptance check): clock_start = 2.
# Steps after the decision renumbered: 15 + 30 + 2 Jam (120) + 3 Hari
# (1350) + 120 + 60 + 15 = 1710 = 3 Hari 6 Jam; declared '5 Hari Kerja' =
# 2250, gap 1710 - 2250 = -540 = minus 1 Hari 1 Jam 30 Menit.
# Before: no reject_to (the cell dropped), 'Petugas MPP' none of the
# positions (Back Office suggested) and no clock_start.
run "$MUTU" sop import $S/sulsel-wita.csv -o "$TMP/ss.ini" --calendar id-wita
expect_rc "Sulsel: exit 0" 0
expect_eq "Sulsel: minutes and the declared total" "$(minutes "$TMP/ss.ini")" \
	"[15, 30, 120, 1350, 120, 60, 15] 2250"
expect_eq "Sulsel: the way back from the decision's cell" "$(steps "$TMP/ss.ini" '\[step\|reject_to\|clock_start')" \
	"[step 1]|[step 2]|[step 3]|[step 4]|reject_to = 3|[step 5]|[step 6]|[step 7]|clock_start = 2|"
expect_eq "Sulsel: pelaksana and roles" "$(steps "$TMP/ss.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Petugas MPP|role = Front Office|actor = Back Office|actor = Tim Teknis OPD|role = Tim Teknis|actor = Back Office|actor = Kepala Dinas|actor = Pemohon|"
expect_eq "Sulsel: WITA calendar" "$(steps "$TMP/ss.ini" 'calendar')" "calendar = id-wita|"
run "$MUTU" model check "$TMP/ss.ini"
expect_out_has "Sulsel: the gap" "declared 5 Hari, steps sum to 3 Hari 6 Jam: gap minus 1 Hari 1 Jam 30 Menit"
# the label with a step word: 'Tidak: kembali ke langkah 2' in the cell
printf 'No\tKegiatan\tFront Office\tBack Office\tWaktu\n1\tMenerima\tv\t\t10 Menit\n2\tMemeriksa\t\tv\t20 Menit\n3\tLengkap?\t\tTidak: kembali ke langkah 1\t\n4\tMemproses\t\tv\t30 Menit\n' >"$TMP/d.txt"
run "$MUTU" sop import "$TMP/d.txt" -o "$TMP/d.ini" --calendar id-wib
expect_eq "decision cell 'Tidak: kembali ke langkah 1'" "$(steps "$TMP/d.ini" '\[step\|reject_to')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|"

# ---- 3. a Mal Pelayanan Publik's gerai, the total as a sentence ----
# 'Petugas Gerai' (the DPMPTSP's counter at the MPP) and 'Loket MPP'
# (where the permit is handed over): the Front Office.  10 + 20 + 60 +
# 30 + 10 = 130 = 2 Jam 10 Menit; declared 'Waktu penyelesaian: 1 hari
# kerja' = 450, gap 130 - 450 = -320 = minus 5 Jam 20 Menit.  Before:
# both none of the positions, the Back Office suggested, no clock_start.
run "$MUTU" sop import $S/mpp-gerai.txt -o "$TMP/mpp.ini" --calendar id-wib
expect_eq "MPP: roles" "$(steps "$TMP/mpp.ini" 'role\|clock_start')" \
	"role = Front Office|role = Kepala Dinas|role = Front Office|clock_start = 2|"
expect_eq "MPP: minutes and the declared total" "$(minutes "$TMP/mpp.ini")" "[10, 20, 60, 30, 10] 450"
expect_eq "MPP: none left unknown" "$(grep -c 'none of the positions' "$TMP/err")" 0
run "$MUTU" model check "$TMP/mpp.ini"
expect_out_has "MPP: the gap" "declared 1 Hari, steps sum to 2 Jam 10 Menit: gap minus 5 Jam 20 Menit"

# ---- 4. PBG through SIMBG: the Tim Profesi Ahli and the people around it ----
# Columns Pemohon, Petugas SIMBG, Sekretariat TPA, Tim Profesi Ahli, Tim
# Penilai Teknis, Kepala Dinas PUPR, Kepala DPMPTSP.  'Petugas SIMBG' is
# the officer who checks the documents in SIMBG: a person with a queue,
# not the system (role = Sistem would run the step with no staff in
# mutu sim); 'Sekretariat TPA' schedules the TPA's consultations (not
# the Dinas's Sekretaris); 'Kepala Dinas PUPR' signs the PPST for
# another office (not this office's Kepala Dinas, who is 'Kepala
# DPMPTSP' here).  Waktu: 60, 450, 450, '± 5 hari kerja' 2250, 'maks. 5
# hari kerja' 2250, 450, 450, 'sesuai jadwal pemohon' ?, 450: step 8
# sets no ceiling, exit 1.  Before: role = Sistem for the Petugas SIMBG;
# 'it starts as Sekretaris does' and 'as Kepala Dinas does' with role =
# Sekretaris / Kepala Dinas suggested.
run "$MUTU" sop import $S/pbg-simbg-tpa.txt -o "$TMP/pbg.ini" --calendar id-wib
expect_rc "PBG: exit 1 (step 8 sets no ceiling)" 1
expect_eq "PBG: pelaksana and roles" "$(steps "$TMP/pbg.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Petugas SIMBG|actor = Sekretariat TPA|actor = Tim Profesi Ahli|role = Tim Teknis|actor = Pemohon|actor = Kepala Dinas PUPR|actor = Tim Penilai Teknis|role = Tim Teknis|actor = Pemohon|actor = Kepala DPMPTSP|role = Kepala Dinas|"
expect_eq "PBG: waktu" "$(steps "$TMP/pbg.ini" 'waktu')" \
	"waktu = 1 Jam|waktu = 1 Hari|waktu = 1 Hari|waktu = 5 hari kerja|waktu = 5 hari kerja|waktu = 1 Hari|waktu = 1 Hari|waktu = ?|waktu = 1 Hari|"
expect_err_has "PBG: the Petugas SIMBG said" \
	"pelaksana 'Petugas SIMBG' is none of the positions mutu knows (an officer who works the information system, a person with a desk and a queue, not the system's own step"
expect_err_has "PBG: the Sekretariat TPA said" \
	"add role = Tim Teknis (or the position it is)"
expect_err_has "PBG: the Kepala Dinas PUPR said" \
	"pelaksana 'Kepala Dinas PUPR' is none of the positions mutu knows (the head of another office"
expect_eq "PBG: no Sekretaris or Kepala Dinas suggested" "$(grep -c 'add role = Sekretaris\|add role = Kepala Dinas' "$TMP/err")" 0
# The total's line says '(di luar waktu pemohon)': the applicant's steps
# (1: 1 Jam, 5: the correction, 8: the payment) are not in it.  The
# office's steps: 450 + 450 + 2250 + 450 + 450 + 450 = 4500 = 10 Hari, as
# declared; every step with step 8 given 1 Hari: 4500 + 60 + 2250 + 450 =
# 7260 = 16 Hari 1 Jam.  Before: compared with every step, a finding of
# 'gap +6 Hari 1 Jam' the table never had.
expect_eq "PBG: the total's scope written" "$(steps "$TMP/pbg.ini" 'declared')" \
	"declared_total = 10 hari kerja|declared_scope = office|"
expect_err_has "PBG: the scope said" \
	"line 13: the total leaves the applicant's time out (its line says so): wrote declared_scope = office"
sed 's/^waktu = ?$/waktu = 1 Hari/' "$TMP/pbg.ini" >"$TMP/pbg2.ini"
run "$MUTU" model check "$TMP/pbg2.ini"
expect_out_has "PBG: both sums shown" "steps sum to 16 Hari 1 Jam, declared 10 hari kerja (the applicant's steps left out: 10 Hari)"
expect_out_has "PBG: no gap against the office's steps" "pbg2.ini: ok"
"$MUTU" model show "$TMP/pbg2.ini" --format json >"$TMP/pbg2.json"
expect_eq "PBG: JSON scope and gap, valid against the schema" "$(/usr/bin/python3 -c '
import json, sys, jsonschema
s = json.load(open("docs/schema/model.schema.json")); d = json.load(open(sys.argv[1]))
print(len(list(jsonschema.Draft202012Validator(s).iter_errors(d))), d["declared_scope"], d["gap_minutes"])' "$TMP/pbg2.json" 2>&1)" "0 office 0"
# a model by hand: Pemohon 1 Hari, Front Office 1 Jam, Back Office 2 Jam
# against '2 Jam' of the office: 60 + 120 = 180, gap +60 = +1 Jam
printf '[sop]\nid = lingkup\nname = Lingkup\ncalendar = id-wib\ndeclared_total = 2 Jam\ndeclared_scope = office\n\n[step 1]\nactivity = A\nactor = Pemohon\nwaktu = 1 Hari\n\n[step 2]\nactivity = B\nactor = Front Office\nwaktu = 1 Jam\n\n[step 3]\nactivity = C\nactor = Back Office\nwaktu = 2 Jam\n' >"$TMP/sc.ini"
run "$MUTU" model check "$TMP/sc.ini"
expect_out_has "declared_scope = office: the gap against the office's steps" \
	"declared 2 Jam, the office's steps (the applicant's left out, as the total says) sum to 3 Jam: gap +1 Jam"
sed 's/^declared_scope = office/declared_scope = kantor/' "$TMP/sc.ini" >"$TMP/sc2.ini"
run "$MUTU" model check "$TMP/sc2.ini"
expect_rc "declared_scope = kantor: refused" 2
expect_err_has "declared_scope = kantor: said" "sc2.ini:6: bad declared_scope (kantor): use office"
# the wordings: a sentence under the table, 'tidak termasuk waktu
# perbaikan oleh pemohon' (office), 'di luar jam istirahat' and
# 'termasuk waktu pemohon' (every step)
for tl in 'Jumlah waktu: 1 hari kerja (tidak termasuk waktu perbaikan oleh pemohon)' \
	'Jumlah waktu: 1 hari kerja di luar jam istirahat' 'Jumlah waktu: 1 hari kerja (termasuk waktu pemohon)'; do
	printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t1 Jam\n2\tMemproses\tBack Office\t1 Hari\n\n%s\n' "$tl" >"$TMP/tl.txt"
	run "$MUTU" sop import "$TMP/tl.txt" -o "$TMP/tl.ini" --calendar id-wib --force
	case $tl in *perbaikan*) want="declared_scope = office|" ;; *) want="" ;; esac
	expect_eq "total '$tl': scope" "$(steps "$TMP/tl.ini" 'declared_scope')" "$want"
done
# 'Staf OSS' is a person too; 'Sistem SIMBG' is the system (round 8)
for t in 'Staf OSS' 'Sistem SIMBG'; do
	printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t5 Menit\n2\tMemproses\t%s\t5 Menit\n3\tMenerima\tPemohon\t5 Menit\n' "$t" >"$TMP/r.txt"
	run "$MUTU" sop import "$TMP/r.txt" -o "$TMP/r.ini" --calendar id-wib --force
	case $t in Sistem*) want="role = Sistem|" ;; *) want="" ;; esac
	expect_eq "'$t': role" "$(steps "$TMP/r.ini" 'role')" "$want"
done

# ---- 5. OSS-RBA verification of a WIT office (pinned) ----
# DPMPTSP Provinsi Papua, id-wit.  30 + 'Real time' 0 + 1 Hari 450 + 3
# Hari 1350 + 450 + 'Otomatis' 0 = 2280 = 5 Hari 30 Menit; declared 5
# hari kerja = 2250: gap +30 Menit (the applicant's own 30 Menit).
run "$MUTU" sop import $S/oss-umku-wit.txt -o "$TMP/oss.ini" --calendar id-wit
expect_eq "OSS WIT: minutes and the declared total" "$(minutes "$TMP/oss.ini")" "[30, 0, 450, 1350, 450, 0] 2250"
expect_eq "OSS WIT: roles and the way back" "$(steps "$TMP/oss.ini" 'role\|reject_to')" \
	"role = Pemohon|role = Sistem|reject_to = 1|role = Kepala Dinas|role = Sistem|"
run "$MUTU" model check "$TMP/oss.ini"
expect_out_has "OSS WIT: the gap" "declared 5 Hari, steps sum to 5 Hari 30 Menit: gap +30 Menit"

# ---- 6. Waktu in words and ranges (pinned) ----
# 'sepuluh menit' 10, 'setengah jam' 30, 'satu jam' 60, '1-2 Hari' its
# upper bound 2 Hari, 'sesuai jadwal' ?, 'maks. 3 hari' 3 hari,
# 'setengah hari' 225 = 3 Jam 45 Menit, 'paling lama 2 (dua) jam' 2 jam,
# '2 (dua) hari kerja', 'menyesuaikan' ?: two steps set no ceiling, exit 1.
run "$MUTU" sop import $S/waktu-kata-rentang.txt -o "$TMP/wk.ini" --calendar id-wib
expect_rc "words and ranges: exit 1" 1
expect_eq "words and ranges: waktu" "$(steps "$TMP/wk.ini" 'waktu')" \
	"waktu = sepuluh menit|waktu = setengah jam|waktu = satu jam|waktu = 2 Hari|waktu = ?|waktu = 3 hari|waktu = 3 Jam 45 Menit|waktu = 2 (dua) jam|waktu = 2 (dua) hari kerja|waktu = ?|"
expect_err_has "words and ranges: 'menyesuaikan' said" "step 10 (line 14): waktu 'menyesuaikan' sets no ceiling"
# with the two steps given 1 Hari each: 10 + 30 + 60 + 900 + 450 + 1350
# + 225 + 120 + 900 + 450 = 4495 = 9 Hari 445 Menit = 9 Hari 7 Jam 25
# Menit; declared 8 hari kerja = 3600, gap +895 = 1 Hari 7 Jam 25 Menit
sed 's/^waktu = ?$/waktu = 1 Hari/' "$TMP/wk.ini" >"$TMP/wk2.ini"
run "$MUTU" model check "$TMP/wk2.ini"
expect_out_has "words and ranges: the gap" "declared 8 Hari, steps sum to 9 Hari 7 Jam 25 Menit: gap +1 Hari 7 Jam 25 Menit"

# ---- 7. Waktu before Kelengkapan, the actor written in the cell (pinned) ----
# Step 4 'Peninjauan lapangan bersama' is marked under Back Office and
# Tim Teknis: a model step has one pelaksana, actor = ?, said.  15 + 15
# + 30 + 2 Hari 900 + 60 + 30 + 15 = 1065 = 2 Hari 2 Jam 45 Menit, as
# declared; Kelengkapan read from its column after the Waktu.
run "$MUTU" sop import $S/waktu-dulu-nama-sel.txt -o "$TMP/wd.ini" --calendar id-wib
expect_eq "Waktu first: minutes and the declared total" "$(minutes "$TMP/wd.ini")" "[15, 15, 30, 900, 60, 30, 15] 1065"
expect_eq "Waktu first: pelaksana" "$(steps "$TMP/wd.ini" 'actor')" \
	"actor = Pemohon|actor = Front Office|actor = Back Office|actor = ?|actor = Back Office|actor = Kepala Dinas|actor = Front Office|"
expect_eq "Waktu first: kelengkapan" "$(steps "$TMP/wd.ini" 'kelengkapan')" \
	"kelengkapan = Formulir, KTP|kelengkapan = Berkas|kelengkapan = Tanda terima|kelengkapan = Data|kelengkapan = BA Peninjauan|kelengkapan = Draft|kelengkapan = SPPL|"
expect_err_has "Waktu first: two pelaksana said" \
	"step 4: marked in two pelaksana columns ('Back Office' under Back Office, 'Tim Teknis' under Tim Teknis)"

# ---- 8. Excel with its merged cells filled (pinned) ----
# 'Unmerge and fill' repeats PELAKSANA and MUTU BAKU over their columns,
# NO and KEGIATAN over both header rows, JUMLAH WAKTU over the total's
# row.  15 + 15 + 450 + 30 + 15 = 525 = 1 Hari 1 Jam 15 Menit, as declared.
run "$MUTU" sop import $S/excel-isi-gabung.csv -o "$TMP/xl.ini" --calendar id-wib
expect_eq "Excel filled: minutes and the declared total" "$(minutes "$TMP/xl.ini")" "[15, 15, 450, 30, 15] 525"
expect_eq "Excel filled: pelaksana" "$(steps "$TMP/xl.ini" 'actor')" \
	"actor = Pemohon|actor = Front Office|actor = Back Office|actor = Kepala Dinas|actor = Front Office|"

# ---- 9. a decision's 'Ya' | 'Tidak' columns: the step each goes to ----
# Kota Balikpapan (WITA), list layout: Pelaksana, then 'Keputusan'
# merged over two columns with 'Ya' | 'Tidak' on the row under it, the
# step number each branch goes to.  Step 2 (the counter): Ya 3, Tidak 1
# -> reject_to = 1; step 4 (the Kepala Dinas): Ya 5, Tidak 3 -> reject_to
# = 3; the Ya numbers are the next steps.  The counter's check is the
# first way back: no clock_start needed.  10 + 20 + 60 + 30 + 10 = 130 =
# 2 Jam 10 Menit, as declared.  Before: 'Keputusan' read as a position
# column, so no list layout: every step actor = ?, no reject_to.
run "$MUTU" sop import $S/keputusan-ya-tidak.txt -o "$TMP/kp.ini" --calendar id-wita
expect_rc "Ya | Tidak: exit 0" 0
expect_eq "Ya | Tidak: pelaksana and the ways back" "$(steps "$TMP/kp.ini" 'actor\|reject_to\|clock_start')" \
	"actor = Pemohon|actor = Petugas Loket|reject_to = 1|actor = Back Office|actor = Kepala Dinas|reject_to = 3|actor = Pemohon|"
expect_eq "Ya | Tidak: minutes and the declared total" "$(minutes "$TMP/kp.ini")" "[10, 20, 60, 30, 10] 130"
expect_err_has "Ya | Tidak: said" "header column 4 (Keputusan) is the decision's column, not a position"
# one header row 'Ya' | 'Tidak' between Pelaksana and Waktu; 'Keputusan'
# after the Waktu with its labels under it; one 'Keputusan' column with
# 'Ya: 3, Tidak: 1' in words: the same ways back (2 -> 1, 4 -> 3)
printf 'No\tKegiatan\tPelaksana\tYa\tTidak\tWaktu\n1\tMengajukan\tPemohon\t\t\t10 Menit\n2\tMemeriksa\tFront Office\t3\t1\t20 Menit\n3\tMemproses\tBack Office\t4\t\t1 Jam\n4\tMenandatangani\tKepala Dinas\t5\t3\t30 Menit\n5\tMenerima\tPemohon\t\t\t10 Menit\n' >"$TMP/k1.txt"
printf 'No\tKegiatan\tPelaksana\tWaktu\tKeputusan\t\n\t\t\t\tYa\tTidak\n1\tMengajukan\tPemohon\t10 Menit\t\t\n2\tMemeriksa\tFront Office\t20 Menit\t3\t1\n3\tMemproses\tBack Office\t1 Jam\t4\t\n4\tMenandatangani\tKepala Dinas\t30 Menit\t5\t3\n5\tMenerima\tPemohon\t10 Menit\t\t\n' >"$TMP/k2.txt"
printf 'No\tKegiatan\tPelaksana\tWaktu\tKeputusan\n1\tMengajukan\tPemohon\t10 Menit\t\n2\tMemeriksa\tFront Office\t20 Menit\tYa: 3, Tidak: 1\n3\tMemproses\tBack Office\t1 Jam\tYa: 4\n4\tMenandatangani\tKepala Dinas\t30 Menit\tYa: 5, Tidak: 3\n5\tMenerima\tPemohon\t10 Menit\t\n' >"$TMP/k3.txt"
for k in 1 2 3; do
	run "$MUTU" sop import "$TMP/k$k.txt" -o "$TMP/k$k.ini" --calendar id-wib
	expect_eq "decision columns ($k): pelaksana and the ways back" "$(steps "$TMP/k$k.ini" 'actor\|reject_to')" \
		"actor = Pemohon|actor = Front Office|reject_to = 1|actor = Back Office|actor = Kepala Dinas|reject_to = 3|actor = Pemohon|"
done

# ---- 10. a PDF copy whose cells broke over two lines ----
# Row 2's Kegiatan 'Memeriksa kelengkapan dan' / 'mencetak tanda terima'
# and Output 'Tanda' / 'terima' on the next line (blank No.); row 3's
# Waktu '2 (dua)' / 'hari kerja'.  '1 HK' is 1 hari kerja, "15'" 15
# Menit.  15 + 30 + 900 + 450 + 15 = 1410 = 3 Hari 1 Jam, as declared
# ('3 HK 1 jam').  Before: both lines 'not a step row, skipped': the
# activity and output cut, step 3 waktu = ?, exit 1.
run "$MUTU" sop import $S/pdf-baris-patah.txt -o "$TMP/pp.ini" --calendar id-wib
expect_rc "PDF broken lines: exit 0" 0
expect_eq "PDF broken lines: step 2's text joined" "$(sed -n '/^\[step 2\]/,/^output/p' "$TMP/pp.ini" | grep '^activity\|^output' | tr '\n' '|')" \
	"activity = Memeriksa kelengkapan dan mencetak tanda terima|output = Tanda terima|"
expect_eq "PDF broken lines: minutes and the declared total" "$(minutes "$TMP/pp.ini")" "[15, 30, 900, 450, 15] 1410"
expect_err_has "PDF broken lines: the Waktu said" "line 7: waktu '2 (dua) hari kerja' was cut by a line break (line 8); read as one"
expect_err_has "PDF broken lines: the row said" "line 6: continues the text of step 2 (a line break inside its cells); joined"
# what the rule leaves alone: a row with a title under Pelaksana (and a
# Rp amount in its Kegiatan) is a step without its number, no continuation
printf 'No\tKegiatan\tPelaksana\tWaktu\tOutput\n1\tMengajukan\tPemohon\t15 menit\tBerkas\n\tMembayar retribusi Rp 50.000\tPemohon\t\tBukti\n2\tMenerima\tFront Office\t15 menit\tIzin\n' >"$TMP/nc.txt"
run "$MUTU" sop import "$TMP/nc.txt" -o "$TMP/nc.ini" --calendar id-wib
expect_eq "a row with a pelaksana is no continuation" "$(grep -c 'continues the text' "$TMP/err")" 0
