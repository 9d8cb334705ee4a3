#!/usr/bin/env bash
# tests/cli/test_field11_sop.sh - eleventh field round on `mutu sop import`:
# what round 10 left (a technical team named by its dinas, the Bupati /
# Walikota / Gubernur signing outside the office, the jabatan fungsional of
# licensing, Waktu "1 Hari / 8 Jam" and "1 hari 2 jam (10 jam)", a declared
# "40 jam (5 hari)", "¼ hari" + "¾ hari" against a declared "1 hari"), then
# SOP tables as other offices publish them (tests/data/sop/field11/*), with
# the expected values worked out by hand in the comments (id-wib: 450 Menit
# a day, 7.5 net hours, Perpres 21/2023).
. tests/cli/lib.sh

S=tests/data/sop/field11

# ---- 1. a kabupaten's PKKPR signed by the Bupati ----
# Klaten, ticks (√) in one column per pelaksana.  The decree is signed by
# the Bupati, outside the DPMPTSP: no one the office staffs, nor its
# Kepala Dinas (who initials the draft in step 5: two people).  The
# berkas is not with the applicant there, so the SLA clock runs: role =
# Kepala Daerah, which mutu sim runs as a delay of its waktu with no queue
# (as the Sistem OSS's steps) and no [staff] line.  'Analis Perizinan' (a
# jabatan fungsional of licensing, behind the counter) is the Back Office;
# 'Tim Teknis Dinas PUPR' (the permit's technical team, named by the
# office its members come from) the Tim Teknis.
# Waktu on id-wib:
#   1 '15 menit' 15; 2 '30 menit' 30
#   3 '1 Hari / 8 Jam'         the Hari glossed at the nominal 8 Jam with a
#                              slash, as '1 hari (8 jam)' is: 1 Hari = 450
#   4 '1 hari 2 jam (10 jam)'  1 Hari at 8 Jam + 2 Jam = 10 Jam: the gloss
#                              agrees, read as 1 Hari 2 Jam = 450 + 120 = 570
#   5 '1 jam' 60; 6 '1 Hari / 8 Jam' 450; 7 '15 menit' 15
# Sum 15 + 30 + 450 + 570 + 60 + 450 + 15 = 1590 = 3 x 450 + 240 = 3 Hari
# 4 Jam.  Declared '40 jam (5 hari)': 5 Hari of the nominal 8 Jam (5 x 8
# = 40), so 5 Hari = 2250 (read as 2400 working Menit it was 5,33 Hari
# beside its own '(5 hari)'); gap 1590 - 2250 = -660 = minus 1 Hari 3 Jam
# 30 Menit; ceiling 5 Hari.
# Before: steps 3, 4, 6 waktu = ? (the model did not load), the total 2400;
# 'Analis Perizinan', 'Tim Teknis Dinas PUPR', 'Bupati' none of the
# positions, each with 'add role = Back Office' suggested.
run "$MUTU" sop import $S/pkkpr-bupati-klaten.txt -o "$TMP/pk.ini" --calendar id-wib
expect_rc "PKKPR: exit 0" 0
expect_eq "PKKPR: minutes and the declared total" "$(minutes "$TMP/pk.ini")" \
	"[15, 30, 450, 570, 60, 450, 15] 2250"
expect_eq "PKKPR: waktu read" "$(steps "$TMP/pk.ini" 'waktu\|declared_total')" \
	"declared_total = 5 Hari|waktu = 15 menit|waktu = 30 menit|waktu = 1 Hari|waktu = 1 hari 2 jam|waktu = 1 jam|waktu = 1 Hari|waktu = 15 menit|"
expect_err_has "PKKPR: the slash gloss said" \
	"step 3 (line 10): waktu '1 Hari / 8 Jam' glosses its Hari as 8 Jam, the nominal working day, not the calendar's (a Hari as 450 Menit); read as 1 Hari"
# (the hint names the gloss's own Jam: 10, not the 8 of a lone Hari)
expect_err_has "PKKPR: the mixed gloss said, its 10 Jam in the hint" \
	"step 4 (line 11): waktu '1 hari 2 jam (10 jam)' glosses its Hari as 8 Jam, the nominal working day, not the calendar's (a Hari as 450 Menit); read as 1 hari 2 jam; if the step takes 10 working hours, write 10 Jam"
expect_err_has "PKKPR: the total's gloss said" \
	"line 15: the total '40 jam (5 hari)' glosses its Hari as 8 Jam, the nominal working day, not the calendar's (a Hari as 450 Menit); read as 5 Hari"
expect_eq "PKKPR: pelaksana and roles" "$(steps "$TMP/pk.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Petugas Loket|role = Front Office|actor = Analis Perizinan|role = Back Office|actor = Tim Teknis Dinas PUPR|role = Tim Teknis|actor = Kepala Dinas|actor = Bupati|role = Kepala Daerah|actor = Pemohon|"
expect_err_has "PKKPR: the Bupati said" \
	"step 6: pelaksana 'Bupati' read as role = Kepala Daerah (the regional head signs outside the office: the SLA clock runs, the berkas is not with the applicant); mutu sim runs the step as a delay of its waktu, with no queue and no [staff] line"
expect_eq "PKKPR: none left unknown" "$(grep -c 'none of the positions' "$TMP/err")" 0
run "$MUTU" model check "$TMP/pk.ini"
expect_out_has "PKKPR: the gap against 5 Hari" "declared 5 Hari, steps sum to 3 Hari 4 Jam: gap minus 1 Hari 3 Jam 30 Menit"
# mutu sim with no Bupati line: the clock runs from the end of step 2
# (the counter's check, reject_to = 1) to the end of step 6 (the
# Bupati's signature, the office's last step): 450 + 570 + 60 + 450 =
# 1530 = 3 Hari 3 Jam with fixed service and one berkas a week (no
# queue).  Before: "actor "Bupati" has no staff", exit 2.
cat >"$TMP/pk-sim.ini" <<EOS
[run]
calendar = id-wib
start = 2025-02-03
end = 2025-02-28
replications = 2
seed = 9

[staff]
Front Office = 1
Back Office = 1
Tim Teknis = 1
Kepala Dinas = 1

[sop pk]
model = $TMP/pk.ini
arrivals = 1 per minggu
service = fixed
EOS
run "$MUTU" sim "$TMP/pk-sim.ini"
expect_rc "PKKPR: sim runs the Bupati's step without staff" 0
expect_out_has "PKKPR: sim: the clock to the Bupati's signature" "s.d. akhir langkah 6 (Bupati)"
expect_eq "PKKPR: sim: lead 1530 = 3 Hari 3 Jam" "$(echo "$OUT" | grep -c '^  waktu penyelesaian median                      3 Hari 3 Jam$')" 1

# ---- 2. the regional head and the fungsional titles one by one ----
# 'Walikota Magelang', 'Wali Kota', 'Gubernur Jawa Tengah': the regional
# head (Kepala Daerah), with the region's name.  'Penata Perizinan Ahli
# Muda' is not read (more words than the title: said as none, the
# suggestion the Back Office); 'Pengelola Perizinan', 'Penata
# Perizinan': the Back Office.
for t in 'Walikota Magelang' 'Wali Kota' 'Gubernur Jawa Tengah' 'Pengelola Perizinan' 'Penata Perizinan' \
	'Pengadministrasi Perizinan'; do
	printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t5 Menit\n2\tMemproses\t%s\t5 Menit\n3\tMenerima\tPemohon\t5 Menit\n' "$t" >"$TMP/r.txt"
	run "$MUTU" sop import "$TMP/r.txt" -o "$TMP/r.ini" --calendar id-wib --force
	case $t in Wali* | Gub*) want="Kepala Daerah" ;; *) want="Back Office" ;; esac
	expect_eq "title '$t': role" "$(steps "$TMP/r.ini" 'role')" "role = $want|"
done
# beside a Back Office column the fungsional is another desk: apart, said
printf 'No\tKegiatan\tPemohon\tBack Office\tPenata Perizinan\tWaktu\n1\tMengajukan\tv\t\t\t5 Menit\n2\tMengentri\t\tv\t\t5 Menit\n3\tMemverifikasi\t\t\tv\t5 Menit\n4\tMenerima\tv\t\t\t5 Menit\n' >"$TMP/tw.txt"
run "$MUTU" sop import "$TMP/tw.txt" -o "$TMP/tw.ini" --calendar id-wib
expect_eq "fungsional beside a Back Office: no role written" "$(steps "$TMP/tw.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Back Office|actor = Penata Perizinan|actor = Pemohon|"
expect_err_has "fungsional beside a Back Office: said" \
	"step 3: pelaksana 'Penata Perizinan' would be role = Back Office, but another pelaksana of the table is that position"
# 'Verifikator Teknis': the Tim Teknis's work in one office, a clerk's in
# another: kept apart, the suggestion the Tim Teknis (before: Back Office)
printf 'No\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t5 Menit\n2\tMemverifikasi persyaratan teknis\tVerifikator Teknis\t5 Menit\n3\tMenerima\tPemohon\t5 Menit\n' >"$TMP/vt.txt"
run "$MUTU" sop import "$TMP/vt.txt" -o "$TMP/vt.ini" --calendar id-wib
expect_eq "Verifikator Teknis: no role" "$(steps "$TMP/vt.ini" 'role')" ""
expect_err_has "Verifikator Teknis: why, and the Tim Teknis suggested" \
	"pelaksana 'Verifikator Teknis' is none of the positions mutu knows (a verifikator teknis checks the technical requirements"
expect_err_has "Verifikator Teknis: the suggestion" "add role = Tim Teknis (or the position it is)"
# two teams of two offices stay two positions
printf 'No\tKegiatan\tPemohon\tTim Teknis DKP\tTim Teknis Dinas PUPR\tWaktu\n1\tMengajukan\tv\t\t\t5 Menit\n2\tMenilai perikanan\t\tv\t\t5 Menit\n3\tMenilai bangunan\t\t\tv\t5 Menit\n4\tMenerima\tv\t\t\t5 Menit\n' >"$TMP/tt.txt"
run "$MUTU" sop import "$TMP/tt.txt" -o "$TMP/tt.ini" --calendar id-wib
expect_eq "two Tim Teknis: apart" "$(steps "$TMP/tt.ini" 'role')" ""
# 'atas nama Bupati' in the Kepala Dinas's activity names no Bupati:
# the Kepala Dinas signs on the Bupati's behalf
printf 'No\tKegiatan\tWaktu\n1\tPemohon mengajukan permohonan\t15 Menit\n2\tPetugas loket memeriksa berkas\t15 Menit\n3\tKepala Dinas menandatangani izin a.n. Bupati\t1 Jam\n4\tPemohon menerima izin\t15 Menit\n' >"$TMP/an.txt"
run "$MUTU" sop import "$TMP/an.txt" -o "$TMP/an.ini" --calendar id-wib
expect_eq "a.n. Bupati: the Kepala Dinas signs" "$(steps "$TMP/an.ini" 'actor')" \
	"actor = Pemohon|actor = Front Office|actor = Kepala Dinas|actor = Pemohon|"

# ---- 3. '¼ hari' + '¾ hari' against a declared '1 hari' ----
# 112,5 rounded up to 113 and 337,5 to 338 (round 10: a waktu is a
# ceiling): 451 against the declared 450.  The author's sum is exact
# (¼ + ¾ = 1); the one Menit is the two roundings (each under one Menit),
# no finding; nor is 'equal only at 450 Menit a day': the steps were
# fractions of the Hari, read at this day.  Before: "gap +1 Menit".
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMemeriksa berkas\tFront Office\t\xc2\xbc hari\n2\tMemproses\tBack Office\t\xc2\xbe hari\nJumlah Waktu\t\t\t1 hari\n' >"$TMP/q.txt"
run "$MUTU" sop import "$TMP/q.txt" -o "$TMP/q.ini" --calendar id-wib
expect_eq "¼ + ¾: minutes and the declared total" "$(minutes "$TMP/q.ini")" "[113, 338] 450"
expect_eq "¼ + ¾: no finding at import" "$(grep -c 'finding' "$TMP/err")" 0
run "$MUTU" model check "$TMP/q.ini"
expect_out_has "¼ + ¾: model check ok" "q.ini: ok"
# ½ + ½ against '1 hari': 225 + 225 = 450, read at this day: no finding
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMemeriksa berkas\tFront Office\t\xc2\xbd hari\n2\tMemproses\tBack Office\t\xc2\xbd hari\nJumlah Waktu\t\t\t1 hari\n' >"$TMP/h.txt"
run "$MUTU" sop import "$TMP/h.txt" -o "$TMP/h.ini" --calendar id-wib
run "$MUTU" model check "$TMP/h.ini"
expect_out_has "½ + ½: model check ok" "h.ini: ok"
# a real gap stays one: ¼ + ¾ + 2 Menit against '1 hari': 453, gap 3 >=
# the two roundings' < 2
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMemeriksa berkas\tFront Office\t\xc2\xbc hari\n2\tMemproses\tBack Office\t\xc2\xbe hari\n3\tMencatat\tBack Office\t2 menit\nJumlah Waktu\t\t\t1 hari\n' >"$TMP/g.txt"
run "$MUTU" sop import "$TMP/g.txt" -o "$TMP/g.ini" --calendar id-wib
run "$MUTU" model check "$TMP/g.ini"
expect_out_has "¼ + ¾ + 2: the gap a finding" "gap +3 Menit"

# ---- 4. a provincial IUP: Dasar Hukum, Biaya, a range, steps in parallel ----
# Jawa Tengah's DPMPTSP (a provinsi issues the IUP for batuan, Perpres
# 55/2022): the title, then the SOP form's Dasar Hukum block with its
# three regulations, then the table with a 'Biaya' column between
# Persyaratan and Waktu.  Waktu on id-wib:
#   1 '30 menit' 30; 2 '1 jam' 60 (the counter's check, back to step 1)
#   3 '1 - 3 hari'  a range: its upper bound, the ceiling, 3 Hari = 1350
#   4 '3 hari' 1350, 'bersamaan dengan langkah 3': the Tim Teknis ESDM
#     reviews while the Penata Perizinan verifies: parallel_with = 3
#   5 'Survei lapangan (jika diperlukan)' '2 hari' 900: done only for the
#     berkas that need it; the ceiling counts it (such a berkas must be
#     done in time too): kept in the model and its sum, said
#   6 '1 hari' 450; 7 '½ hari' 225 (back to step 6); 8 '1 hari' 450,
#     'atas nama Gubernur': the Kepala DPMPTSP signs, no Gubernur;
#   9 '15 menit' 15
# Critical path 30 + 60 + max(1350, 1350) + 900 + 450 + 225 + 450 + 15 =
# 3480 = 7 x 450 + 330 = 7 Hari 5 Jam 30 Menit; declared '8 (delapan)
# hari kerja' = 3600 (the path rounded up to whole days: 7,73 -> 8), gap
# minus 120 = minus 2 Jam.  Before: the SOP was named 'Dasar Hukum: 1.
# Undang-Undang Nomor 3 Tahun 2020 ...', and the sum of every step, 4830
# = 10 Hari 5 Jam 30 Menit, was a finding of +2 Hari 5 Jam 30 Menit.
run "$MUTU" sop import $S/iup-provinsi.txt -o "$TMP/iup.ini" --calendar id-wib
expect_rc "IUP: exit 0" 0
expect_eq "IUP: the name, not the Dasar Hukum" "$(steps "$TMP/iup.ini" 'name =\|id =')" \
	"id = izin-usaha-pertambangan-iup-operasi-produksi-mineral-bukan|name = Izin Usaha Pertambangan (IUP) Operasi Produksi Mineral Bukan Logam dan Batuan|"
expect_err_has "IUP: the block said" "line 7: the SOP form's Dasar Hukum (or a like block) above the table is no title"
expect_err_has "IUP: the Biaya column said" "header column 10 (Biaya) is what the applicant pays, which a model does not hold; ignored"
expect_eq "IUP: minutes and the declared total" "$(minutes "$TMP/iup.ini")" \
	"[30, 60, 1350, 1350, 900, 450, 225, 450, 15] 3600"
expect_eq "IUP: parallel and the ways back" "$(steps "$TMP/iup.ini" '\[step\|reject_to\|parallel_with')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|parallel_with = 3|[step 5]|[step 6]|[step 7]|reject_to = 6|[step 8]|[step 9]|"
expect_err_has "IUP: the parallel step said" "step 4 runs alongside step 3 (the table says so): wrote parallel_with = 3"
expect_err_has "IUP: the optional step said" "step 5 is done only when needed (the table says so): kept in the model and in the steps' sum"
expect_eq "IUP: pelaksana" "$(steps "$TMP/iup.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Petugas Loket|role = Front Office|actor = Penata Perizinan|role = Back Office|actor = Tim Teknis ESDM|role = Tim Teknis|actor = Tim Teknis ESDM|role = Tim Teknis|actor = Penata Perizinan|role = Back Office|actor = Kepala Bidang|actor = Kepala DPMPTSP|role = Kepala Dinas|actor = Pemohon|"
run "$MUTU" model check "$TMP/iup.ini"
expect_out_has "IUP: the critical path against 8 Hari" "declared 8 Hari, steps sum to 7 Hari 5 Jam 30 Menit: gap minus 2 Jam"
# model show's JSON carries it
expect_eq "IUP: JSON parallel_with" "$("$MUTU" model show "$TMP/iup.ini" --format json | python3 -c 'import json,sys; print([s.get("parallel_with") for s in json.load(sys.stdin)["steps"]])')" \
	"[None, None, None, 3, None, None, None, None, None]"
# ... and stays valid against docs/schema/model.schema.json (the key
# only where set)
"$MUTU" model show "$TMP/iup.ini" --format json >"$TMP/iup.json"
expect_eq "IUP: JSON valid against the model schema" "$(/usr/bin/python3 -c '
import json, sys, jsonschema
s = json.load(open("docs/schema/model.schema.json")); d = json.load(open(sys.argv[1]))
print(len(list(jsonschema.Draft202012Validator(s).iter_errors(d))))' "$TMP/iup.json" 2>&1)" "0"
# the Biaya column between Kegiatan and the mutu baku: no pelaksana, its
# 'Rp 0,-' cells no markers (before: a pelaksana column 'Biaya', its
# cells debris that "contradicts the other clues", said for every step)
awk -F'\t' 'BEGIN { OFS = "\t" } NF >= 12 { t = $9; $9 = $10; $10 = t } { print }' $S/iup-provinsi.txt |
	cat >"$TMP/iupb.txt"
run "$MUTU" sop import "$TMP/iupb.txt" -o "$TMP/iupb.ini" --calendar id-wib
expect_eq "IUP, Biaya first: pelaksana unchanged" "$(steps "$TMP/iupb.ini" 'actor')" \
	"actor = Pemohon|actor = Petugas Loket|actor = Penata Perizinan|actor = Tim Teknis ESDM|actor = Tim Teknis ESDM|actor = Penata Perizinan|actor = Kepala Bidang|actor = Kepala DPMPTSP|actor = Pemohon|"
expect_eq "IUP, Biaya first: no marker said" "$(grep -c 'under no actor column\|in the Biaya column' "$TMP/err")" 0
# a model written by hand: parallel_with must name an earlier step
printf '[sop]\nid = p\nname = P\ncalendar = id-wib\n\n[step 1]\nactivity = A\nactor = Front Office\nwaktu = 1 Jam\n\n[step 2]\nactivity = B\nactor = Back Office\nwaktu = 2 Jam\nparallel_with = 2\n' >"$TMP/pw.ini"
run "$MUTU" model check "$TMP/pw.ini"
expect_rc "parallel_with to itself: refused" 2
expect_err_has "parallel_with to itself: said" "bad parallel_with in [step 2] (2): write the number of an earlier step"

# ---- 5. a provincial izin trayek with 'Waktu (Jam)' ----
# Jawa Timur: the Waktu header names the unit, the cells are bare numbers
# of Jam: 0,5 / 0,5 / 24 / 72 / 2 / 1 / 0,25, the total '5 hari kerja' =
# 2250.  24 and 72 are whole days of 24 clock hours ('1 x 24 Jam') or
# 24 and 72 working Jam?  As working Jam the steps sum to 30 + 30 + 1440
# + 4320 + 120 + 60 + 15 = 6015 = 13 Hari 2 Jam 45 Menit, 8 days over the
# office's own total; as days 30 + 30 + 450 + 1350 + 120 + 60 + 15 = 2055
# = 4 Hari 4 Jam 15 Menit, within it (rounded up, the 5 Hari declared).
# Only the second fits: 1 Hari and 3 Hari, said with the evidence.  Gap
# 2055 - 2250 = minus 195 = 3 Jam 15 Menit.  Before: 1440 and 4320, a
# finding of +8 Hari 2 Jam 45 Menit.  'Tim Teknis Dishub' is the Tim
# Teknis; 'Pengelola Perizinan' the Back Office.
run "$MUTU" sop import $S/trayek-akdp-jam.txt -o "$TMP/tr.ini" --calendar id-wib
expect_rc "trayek: exit 0" 0
expect_eq "trayek: minutes and the declared total" "$(minutes "$TMP/tr.ini")" \
	"[30, 30, 450, 1350, 120, 60, 15] 2250"
expect_err_has "trayek: 72 read as days, with why" \
	"step 4 (line 11): waktu '72 Jam' read as 3 Hari, 3 day(s) of 24 clock hours ('3 x 24 Jam'): so the steps sum to 4 Hari 4 Jam 15 Menit, within the declared total (5 Hari); as working Jam they would sum to 13 Hari 2 Jam 45 Menit"
run "$MUTU" model check "$TMP/tr.ini"
expect_out_has "trayek: the gap" "declared 5 Hari, steps sum to 4 Hari 4 Jam 15 Menit: gap minus 3 Jam 15 Menit"
# without the total nothing tells them apart: working Jam, both said
grep -v 'Jumlah' $S/trayek-akdp-jam.txt >"$TMP/tr2.txt"
run "$MUTU" sop import "$TMP/tr2.txt" -o "$TMP/tr2.ini" --calendar id-wib
expect_eq "trayek, no total: working Jam" "$(minutes "$TMP/tr2.ini")" "[30, 30, 1440, 4320, 120, 60, 15] None"
expect_err_has "trayek, no total: both readings said" \
	"waktu '24 Jam' is 1440 Menit of working time; if the office means 1 day(s) of 24 clock hours ('1 x 24 Jam'), write 1 Hari"

# ---- 6. a bilingual table (Bahasa Indonesia / English) ----
# A tourism office's table with each cell in both languages: 'Waktu /
# Time' '15 menit / 15 minutes' (15), '30 menit / 30 minutes' (30), '1
# hari / 1 working day' (450), '2 jam / 2 hours' (120), '15 menit / 15
# minutes' (15); total '2 hari kerja / 2 working days' = 900.  Sum 630 =
# 1 Hari 3 Jam; gap minus 270 = 4 Jam 30 Menit.  'Pemohon / Applicant'
# and 'Kepala Dinas / Head of Agency' name one position each (round 5).
# Before: '1 hari / 1 working day' and the total were refused (expected a
# number at '/'), the model did not load.
run "$MUTU" sop import $S/pariwisata-dwibahasa.txt -o "$TMP/pw2.ini" --calendar id-wita
expect_rc "bilingual: exit 0" 0
expect_eq "bilingual: minutes and the declared total" "$(minutes "$TMP/pw2.ini")" "[15, 30, 450, 120, 15] 900"
expect_eq "bilingual: roles" "$(steps "$TMP/pw2.ini" 'role')" "role = Pemohon|role = Kepala Dinas|role = Pemohon|"
expect_eq "bilingual: the way back" "$(steps "$TMP/pw2.ini" 'reject_to')" "reject_to = 1|"
run "$MUTU" model check "$TMP/pw2.ini"
expect_out_has "bilingual: the gap" "declared 2 Hari, steps sum to 1 Hari 3 Jam: gap minus 4 Jam 30 Menit"

# ---- 7. an SOP in English only ----
# Some offices publish the English version alone: 'Applicant', 'Technical
# Team', 'Head of Agency' (round 4's aliases), 'If incomplete, return to
# step 1' in Remarks, 'In parallel with step 3', 'Site inspection (if
# required)'.  Time: 15 + 30 + max(120, 450) + 900 + 60 + 15 = 1470 = 3
# Hari 2 Jam (the critical path); declared '4 working days' = 1800, gap
# minus 330 = 5 Jam 30 Menit.  The counter's check returns to step 1, so
# it starts the clock itself: no clock_start.  Before: no reject_to ('return
# to step 1' was not read; the import wrote clock_start = 2 saying no step
# sends the berkas back), the sum 2490 = 5 Hari 2 Jam 30 Menit.
run "$MUTU" sop import $S/pbg-english.txt -o "$TMP/en.ini" --calendar id-wib
expect_rc "English: exit 0" 0
expect_eq "English: ways back, parallel, clock" "$(steps "$TMP/en.ini" '\[step\|reject_to\|parallel_with\|clock_start')" \
	"[step 1]|[step 2]|reject_to = 1|[step 3]|[step 4]|parallel_with = 3|[step 5]|[step 6]|[step 7]|"
expect_eq "English: roles" "$(steps "$TMP/en.ini" 'role')" \
	"role = Pemohon|role = Tim Teknis|role = Tim Teknis|role = Kepala Dinas|role = Pemohon|"
expect_err_has "English: the optional step said" "step 5 is done only when needed"
run "$MUTU" model check "$TMP/en.ini"
expect_out_has "English: the gap" "declared 4 Hari, steps sum to 3 Hari 2 Jam: gap minus 5 Jam 30 Menit"

# ---- 8. 'bersamaan dengan' as Keterangan cells word it ----
# Step 4 (Tim Teknis, 2 Jam) alongside step 3 (Back Office, 1 Jam): each
# wording names step 3; the total 5 + 5 + max(60, 120) + 5 = 135 Menit.
# 'bersamaan dengan langkah 3 hari' is a time, no step.
for k in 'Dilaksanakan bersamaan dengan kegiatan nomor 3' 'Paralel dengan no. 3' \
	'bersamaan dengan langkah ke-3' 'Simultan dengan tahap 3' 'bersamaan dengan langkah 3 hari'; do
	printf 'No\tKegiatan\tPelaksana\tWaktu\tKeterangan\n1\tMengajukan\tPemohon\t5 Menit\t\n2\tMenerima\tFront Office\t5 Menit\t\n3\tMemverifikasi\tBack Office\t1 Jam\t\n4\tMenilai\tTim Teknis\t2 Jam\t%s\n5\tMenandatangani\tKepala Dinas\t5 Menit\t\n' "$k" >"$TMP/k.txt"
	run "$MUTU" sop import "$TMP/k.txt" -o "$TMP/k.ini" --calendar id-wib --force
	case $k in *hari) want="" total="195" ;; *) want="parallel_with = 3|" total="135" ;; esac
	expect_eq "parallel: '$k'" "$(steps "$TMP/k.ini" 'parallel_with')" "$want"
	expect_eq "parallel: '$k': total" "$("$MUTU" model show "$TMP/k.ini" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["minutes"])')" "$total"
done

# ---- 9. under 'Waktu (Jam)': a fraction and a product without the unit ----
# '0,25' 15, '½' ½ Jam = 30, '1 x 24' 1 x 24 Jam = 1 Hari = 450 (the
# idiom, as '1 x 24 Jam' is read), '1' 60.  Before: '½' and '1 x 24'
# were given no unit ("number '½' has no unit", "'1 x 24' is a
# product"), waktu = ?, the model did not load.
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu (Jam)\n1\tMengajukan\tPemohon\t0,25\n2\tMenerima\tFront Office\t\xc2\xbd\n3\tMemeriksa\tTim Teknis\t1 x 24\n4\tMenandatangani\tKepala Dinas\t1\n' >"$TMP/wj.txt"
run "$MUTU" sop import "$TMP/wj.txt" -o "$TMP/wj.ini" --calendar id-wib
expect_rc "Waktu (Jam): exit 0" 0
expect_eq "Waktu (Jam): minutes" "$(minutes "$TMP/wj.ini")" "[15, 30, 450, 60] None"
expect_err_has "Waktu (Jam): said" "the Waktu header names the unit: 4 bare number(s) read in Jam"

# ---- 10. the Dasar Hukum right under the title, no blank line ----
# The title's paragraph ends where 'Dasar Hukum:' starts; the regulations
# and the 'Kualifikasi Pelaksana' block under it are no title either.
printf 'STANDAR OPERASIONAL PROSEDUR\nIZIN TRAYEK ANGKUTAN PERDESAAN\nDasar Hukum:\n1. Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan;\n2. Peraturan Menteri Perhubungan Nomor 15 Tahun 2019.\nKualifikasi Pelaksana:\n1. Memahami tugas pokok dan fungsi\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMenerima\tFront Office\t15 Menit\n' >"$TMP/dh.txt"
run "$MUTU" sop import "$TMP/dh.txt" -o "$TMP/dh.ini" --calendar id-wib
expect_eq "Dasar Hukum under the title: the name" "$(steps "$TMP/dh.ini" 'name =')" "name = Izin Trayek Angkutan Perdesaan|"
# as the identity table's rows (label | value), with 'Nama SOP' (round 6)
printf 'Nomor SOP\t060/12/SOP/2024\nDasar Hukum\t1. Undang-Undang Nomor 22 Tahun 2009\n\t2. Peraturan Bupati Klaten Nomor 5 Tahun 2020\nNama SOP\tIzin Trayek Perdesaan\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMenerima\tFront Office\t15 Menit\n' >"$TMP/dh2.txt"
run "$MUTU" sop import "$TMP/dh2.txt" -o "$TMP/dh2.ini" --calendar id-wib
expect_eq "identity table: the Nama SOP" "$(steps "$TMP/dh2.ini" 'name =')" "name = Izin Trayek Perdesaan|"

# ---- 11. a Biaya column in a list layout, saved from Excel (';') ----
# No | Kegiatan | Pelaksana | Biaya | Waktu | Output: the pelaksana are
# the Pelaksana column's titles, 'Rp 50.000' is what the applicant pays
# (no Kelengkapan, no pelaksana); the Gubernur signs (Kepala Daerah).
# 15 + 30 + 450 + 15 = 510 = 1 Hari 1 Jam; declared 2 Hari = 900, gap
# minus 390 = 6 Jam 30 Menit.  Before: 'Biaya' was the pelaksana column,
# its 'Rp 50.000' and '-' debris, every step actor = ?.
run "$MUTU" sop import $S/air-permukaan-biaya.csv -o "$TMP/ap.ini" --calendar id-wib
expect_rc "Biaya list: exit 0" 0
expect_eq "Biaya list: pelaksana and roles" "$(steps "$TMP/ap.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Petugas Loket|role = Front Office|actor = Gubernur|role = Kepala Daerah|actor = Pemohon|"
expect_eq "Biaya list: no Kelengkapan from the Biaya" "$(steps "$TMP/ap.ini" 'kelengkapan')" ""
expect_eq "Biaya list: minutes and the declared total" "$(minutes "$TMP/ap.ini")" "[15, 30, 450, 15] 900"

# ---- 12. Waktu as a range: the upper bound is the ceiling ----
# "paling lama": a step that may take 1 to 3 days is held to 3.  On
# id-wib: '1 - 3 hari', '1 – 3 hari kerja', '1 s.d. 3 hari', '1-3 working
# days', '2 sampai 3 hari', '1 s/d 3 Hari Kerja' are 3 Hari = 1350; '1
# hingga 2 jam' 120; '30 menit – 1 jam' 60; '1 atau 2 hari' (1 or 2
# days) 2 Hari = 900; '3 (tiga) - 5 (lima) hari kerja' 5 Hari = 2250.
# Before: the last two refused ("unknown unit 'atau'", "number '3' has
# no unit"); the others were read (pinned).
printf 'No\tKegiatan\tPelaksana\tWaktu\n' >"$TMP/rg.txt"
i=1
for w in '1 - 3 hari' $'1 \xe2\x80\x93 3 hari kerja' '1 s.d. 3 hari' '1-3 working days' '2 sampai 3 hari' \
	'1 hingga 2 jam' $'30 menit \xe2\x80\x93 1 jam' '1 atau 2 hari' '3 (tiga) - 5 (lima) hari kerja' '1 s/d 3 Hari Kerja'; do
	printf '%d\tMemproses berkas\tFront Office\t%s\n' $i "$w" >>"$TMP/rg.txt"
	i=$((i + 1))
done
run "$MUTU" sop import "$TMP/rg.txt" -o "$TMP/rg.ini" --calendar id-wib
expect_rc "ranges: exit 0" 0
expect_eq "ranges: the upper bounds" "$(minutes "$TMP/rg.ini")" \
	"[1350, 1350, 1350, 1350, 1350, 120, 60, 900, 2250, 1350] None"
expect_err_has "ranges: 'atau' said" "waktu '1 atau 2 hari' is a range; its upper bound 2 hari is the ceiling"

# ---- 13. a cell a line (a PDF viewer's copy) with a Biaya column ----
# The header run No / Kegiatan / Pelaksana / Biaya / Waktu / Output: the
# Biaya is a column (its 'Rp 0', '-' cells no Kelengkapan), the Bupati
# signs.  15 + 30 + 450 = 495 = 1 Hari 45 Menit, as declared.  Before:
# 'Biaya' broke the run of header words, "no SOP table found", exit 2.
printf 'SOP IZIN TRAYEK\n\nNo\nKegiatan\nPelaksana\nBiaya\nWaktu\nOutput\n1\nMengajukan permohonan\nPemohon\nRp 0\n15 menit\nBerkas\n2\nMemeriksa berkas\nPetugas Loket\n-\n30 menit\nTanda terima\n3\nMenandatangani izin\nBupati\n-\n1 hari\nIzin\nJumlah Waktu\n1 Hari 45 Menit\n' >"$TMP/pdf.txt"
run "$MUTU" sop import "$TMP/pdf.txt" -o "$TMP/pdf.ini" --calendar id-wib
expect_rc "cell a line, Biaya: exit 0" 0
expect_eq "cell a line, Biaya: pelaksana, outputs" "$(steps "$TMP/pdf.ini" 'actor\|role\|kelengkapan\|output')" \
	"actor = Pemohon|output = Berkas|actor = Petugas Loket|role = Front Office|output = Tanda terima|actor = Bupati|role = Kepala Daerah|output = Izin|"
expect_eq "cell a line, Biaya: minutes and the declared total" "$(minutes "$TMP/pdf.ini")" "[15, 30, 450] 495"

# ---- 14. the Setda's initials before the Bupati's signature ----
# A Bupati's decree is initialled at the Sekretariat Daerah first: the
# Kepala Bagian Hukum (its legal check) and the Sekda.  Both outside the
# office, as the Bupati is: role = Sekretariat Daerah, a delay in mutu
# sim (no [staff] line), two people, not kept apart as twins.  Before:
# none of the positions, 'add role = Back Office' suggested.  The clock
# runs from the end of step 2 (the counter; no step sends back, so
# clock_start = 2) to the end of step 5 (the Bupati, the office's last):
# 450 + 450 + 450 = 1350 = 3 Hari, one berkas a week, fixed service.
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMenerima berkas\tFront Office\t15 Menit\n3\tMemaraf draft SK\tKabag Hukum\t1 Hari\n4\tMemaraf draft SK\tSekda\t1 Hari\n5\tMenandatangani SK\tBupati\t1 Hari\n6\tMenerima SK\tPemohon\t15 Menit\n' >"$TMP/sk.txt"
run "$MUTU" sop import "$TMP/sk.txt" -o "$TMP/sk.ini" --calendar id-wib
expect_eq "Setda: roles" "$(steps "$TMP/sk.ini" 'actor\|role')" \
	"actor = Pemohon|actor = Front Office|actor = Kabag Hukum|role = Sekretariat Daerah|actor = Sekda|role = Sekretariat Daerah|actor = Bupati|role = Kepala Daerah|actor = Pemohon|"
expect_err_has "Setda: the Sekda said" \
	"step 4: pelaksana 'Sekda' read as role = Sekretariat Daerah (the regional secretariat initials the decree outside the office"
cat >"$TMP/sk-sim.ini" <<EOS
[run]
calendar = id-wib
start = 2025-02-03
end = 2025-02-28
replications = 2
seed = 9

[staff]
Front Office = 1

[sop sk]
model = $TMP/sk.ini
arrivals = 1 per minggu
service = fixed
EOS
run "$MUTU" sim "$TMP/sk-sim.ini"
expect_rc "Setda: sim without their staff" 0
expect_out_has "Setda: sim: lead 1350 = 3 Hari" "waktu penyelesaian median                      3 Hari [3 Hari .. 3 Hari]"

# ---- 15. parallel_with in a model written by hand: a group of three ----
# Steps 2 and 3 run alongside step 1 (1 Jam, 2 Jam, 30 Menit): the group
# takes max(60, 120, 30) = 120; with step 4's 1 Hari the total is 120 +
# 450 = 570 = 1 Hari 2 Jam, as declared.  Step 5 runs alongside step 4
# (1 Jam, shorter): nothing added.
printf '[sop]\nid = grup\nname = Grup\ncalendar = id-wib\ndeclared_total = 1 Hari 2 Jam\n\n[step 1]\nactivity = A\nactor = Front Office\nwaktu = 1 Jam\n\n[step 2]\nactivity = B\nactor = Back Office\nwaktu = 2 Jam\nparallel_with = 1\n\n[step 3]\nactivity = C\nactor = Tim Teknis\nwaktu = 30 Menit\nparallel_with = 1\n\n[step 4]\nactivity = D\nactor = Kepala Dinas\nwaktu = 1 Hari\n\n[step 5]\nactivity = E\nactor = Kepala Bidang\nwaktu = 1 Jam\nparallel_with = 4\n' >"$TMP/grup.ini"
run "$MUTU" model check "$TMP/grup.ini"
expect_rc "parallel group: exit 0" 0
expect_out_has "parallel group: the critical path as declared" "grup.ini: ok"
expect_eq "parallel group: total" "$("$MUTU" model show "$TMP/grup.ini" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["minutes"])')" "570"

# ---- 16. what the new rules leave alone ----
# 'PENCATATAN KELAHIRAN' (a Disdukcapil SOP's title) is a title, not the
# form's 'Pencatatan dan Pendataan:' block
printf 'PENCATATAN KELAHIRAN\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMengajukan\tPemohon\t15 Menit\n2\tMenerima\tFront Office\t15 Menit\n' >"$TMP/pc.txt"
run "$MUTU" sop import "$TMP/pc.txt" -o "$TMP/pc.ini" --calendar id-wib
expect_eq "title 'Pencatatan Kelahiran' kept" "$(steps "$TMP/pc.ini" 'name =')" "name = Pencatatan Kelahiran|"
# '½ hari' + '3 Jam 45 Menit' against '1 hari': equal at 450 only (on a
# 390-Menit day 195 + 225 = 420, not 390): the finding stays
printf 'SOP IZIN UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\n1\tMemeriksa berkas\tFront Office\t\xc2\xbd hari\n2\tMemproses\tBack Office\t3 Jam 45 Menit\nJumlah Waktu\t\t\t1 hari\n' >"$TMP/hj.txt"
run "$MUTU" sop import "$TMP/hj.txt" -o "$TMP/hj.ini" --calendar id-wib
run "$MUTU" model check "$TMP/hj.ini"
expect_out_has "½ hari + 3 Jam 45 Menit: still equal only at 450" "equal only at 450 Menit a day"

# ---- 17. pdftotext -layout with a Biaya column, the Walikota signing ----
# Columns from the header's spaces; 'Rp 0' and '-' under Biaya no
# Kelengkapan; 15 + 30 + 450 + 15 = 510 = 1 Hari 1 Jam against 2 Hari
# (900): gap minus 390 = 6 Jam 30 Menit.  Before this round's Biaya rule:
# 'Biaya' the pelaksana column, every step actor = ?.
cat >"$TMP/lay.txt" <<'EOT'
                         STANDAR OPERASIONAL PROSEDUR
                         IZIN TRAYEK ANGKUTAN KOTA

No   Kegiatan                      Pelaksana          Biaya        Waktu        Output
1    Mengajukan permohonan         Pemohon            Rp 0         15 menit     Berkas
2    Memeriksa berkas              Petugas Loket      -            30 menit     Tanda terima
3    Menandatangani izin           Walikota           -            1 hari       Izin
4    Menerima izin                 Pemohon            -            15 menit     Izin
     Jumlah Waktu                                                  2 hari kerja
EOT
run "$MUTU" sop import "$TMP/lay.txt" -o "$TMP/lay.ini" --calendar id-wib
expect_eq "layout, Biaya: pelaksana, kelengkapan" "$(steps "$TMP/lay.ini" 'actor\|role\|kelengkapan')" \
	"actor = Pemohon|actor = Petugas Loket|role = Front Office|actor = Walikota|role = Kepala Daerah|actor = Pemohon|"
expect_eq "layout, Biaya: minutes and the declared total" "$(minutes "$TMP/lay.ini")" "[15, 30, 450, 15] 900"
