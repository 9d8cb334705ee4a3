#!/usr/bin/env bash
# test_model.sh - `mutu model show|check` on the shipped models and `mutu sop
# import` on the seed tables (tests/data/sop).  Expected totals are the
# tables' Waktu columns summed by hand (1 Hari = 450 menit on id-wita):
# 001: 30+10+10+10+5+5+5+3 Menit + 4 Hari = 4 Hari 1 Jam 18 Menit = 1878
# menit; declared 4 Hari 1 Jam 13 Menit = 1873; gap +5.
. "$(dirname "$0")/lib.sh"

M=models

run "$MUTU" model check $M/tanda-daftar-lks-lksa.ini $M/izin-insidentil.ini
expect_rc "check: findings only exit 0" 0
expect_out_has "check: gap as a finding" \
	"finding: declared 4 Hari 1 Jam 13 Menit, steps sum to 4 Hari 1 Jam 18 Menit: gap +5 Menit"
expect_out_has "check: 003 total" "izin-insidentil, 11 steps, 8 actors, steps sum to 6 Hari 2 Jam 5 Menit, no declared total"
expect_out_has "check: 003 ok" "$M/izin-insidentil.ini: ok"

run "$MUTU" model check --strict $M/tanda-daftar-lks-lksa.ini
expect_rc "check --strict: findings exit 1" 1
run "$MUTU" model check --strict $M/izin-pengumpulan-uang-barang.ini $M/perizinan-sicantik-cloud.ini
expect_rc "check --strict: clean models exit 0" 0

run "$MUTU" model show $M/tanda-daftar-lks-lksa.ini
expect_rc "show: ok" 0
expect_out_has "show: total in minutes" "total (sum of steps): 4 Hari 1 Jam 18 Menit = 1878 Menit"
expect_out_has "show: declared" "declared total:       4 Hari 1 Jam 13 Menit (5 Hari) = 1873 Menit"
expect_out_has "show: gap" "gap:                  +5 Menit"
expect_out_has "show: calendar day" "id-wita (1 Hari = 450 Menit)"
expect_out_has "show: routing" "[ditolak -> langkah 1]"
# the table's header says "Kabid Perizinan": the office's title, with the
# canonical role it matched beside it
expect_out_has "show: actors" "pelaksana (7): Pemohon, Front Office, Back Office, Dinas Teknis, Kabid Perizinan (Kepala Bidang Perizinan), Sekretaris, Kepala Dinas"
expect_out_has "show: step title and role" "   6  Kabid Perizinan (Kepala Bidang Perizinan)"
# JSON: step 8 of Rokan Hilir's table is "Kadis" (its header), a Kepala Dinas
run "$MUTU" model show models/izin-insidentil.ini --format json
expect_out_has "show json: title and role" '"actor": "Kadis", "role": "Kepala Dinas"'
expect_out_has "show json: a title that is its own role" '"actor": "Sekretaris", "role": "Sekretaris"'

run "$MUTU" model show --format json $M/tanda-daftar-lks-lksa.ini
expect_rc "show json: ok" 0
expect_out_has "show json: gap" '"gap_minutes": 5'
expect_out_has "show json: total" '"text": "4 Hari 1 Jam 18 Menit", "days": 4, "minutes_below_day": 78, "minutes": 1878'
expect_out_has "show json: step" '"no": 9, "activity": "Menerima Surat Izin / SK", "actor": "Pemohon"'
if command -v python3 >/dev/null; then
	if printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["steps"])==9 and d["declared"]["minutes"]==1873'; then
		ok "show json: parses as JSON"
	else
		not_ok "show json: parses as JSON" "${OUT:0:300}"
	fi
fi

# a broken model: exit 2, file:line and the value
cat >"$TMP/bad.ini" <<'EOF'
[sop]
id = contoh
name = Izin Contoh
calendar = id-wib
[step 1]
activity = Mengajukan permohonan
actor = Pemohon
waktu = 30 Mnit
EOF
run "$MUTU" model check "$TMP/bad.ini" $M/izin-insidentil.ini
expect_rc "check: broken model exit 2" 2
expect_err_has "check: file:line and value" "$TMP/bad.ini:8: bad waktu in [step 1] (cannot read duration \"30 Mnit\""
expect_out_has "check: the other file is still checked" "$M/izin-insidentil.ini: ok"
run "$MUTU" model show "$TMP/bad.ini"
expect_rc "show: broken model exit 2" 2

# an unknown calendar
sed 's/calendar = id-wib/calendar = id-mars/; s/30 Mnit/1 Hari/' "$TMP/bad.ini" >"$TMP/mars.ini"
run "$MUTU" model show --format json "$TMP/mars.ini"
# a calendar that cannot be loaded makes the model broken (no silent 450-minute day)
expect_rc "show: unknown calendar is a broken model" 2
expect_err_has "show: unknown calendar names file:line" "mars.ini:4: calendar = id-mars cannot be loaded"
expect_eq "show: nothing on stdout for a broken model" "$OUT" ""

run "$MUTU" model show --format yaml $M/izin-insidentil.ini
expect_rc "show: bad --format exit 2" 2
run "$MUTU" model --help
expect_rc "model --help" 0
run "$MUTU" model show --help
expect_out_has "model show --help" "usage: mutu model show FILE"

# --- sop import ---------------------------------------------------------
D=tests/data/sop
run "$MUTU" sop import $D/000_3ae3fa83f8592f61.txt --calendar id-wita
expect_rc "import 000: ok" 0
expect_out_has "import 000: id" "id = izin-pengumpulan-uang-barang"
expect_out_has "import 000: step 5 unknown" "actor = ?"
expect_err_has "import 000: warns about step 5" "warning: step 5: no clue for the pelaksana; wrote ?"
expect_err_has "import 000: finding for the ?" "finding: step 5: pelaksana unknown (actor = ?)"

run "$MUTU" sop import $D/001_9fc801d6d8f230d2.txt --calendar id-wita -o "$TMP/lks.ini"
expect_rc "import 001 -o: ok" 0
expect_err_has "import 001: the gap" "finding: declared 4 Hari 1 Jam 13 Menit, steps sum to 4 Hari 1 Jam 18 Menit: gap +5 Menit"
expect_err_has "import 001: wrote" "wrote $TMP/lks.ini (tanda-daftar-lks-lksa, 9 steps)"
run "$MUTU" model check "$TMP/lks.ini"
expect_rc "import 001: the written model loads" 0
run "$MUTU" sop import $D/001_9fc801d6d8f230d2.txt -o "$TMP/lks.ini"
expect_rc "import: refuses to overwrite" 2
run "$MUTU" sop import $D/001_9fc801d6d8f230d2.txt -o "$TMP/lks.ini" --force --id lks
expect_rc "import: --force overwrites" 0
expect_err_has "import: no --calendar warns" "names no time zone"
expect_eq "import: --id" "$(grep '^id = ' "$TMP/lks.ini")" "id = lks"

run "$MUTU" sop import $D/003_e8a2893e05b1aba2.txt --calendar id-wib
expect_out_has "import 003: Sub Koordinator" "actor = Sub Koordinator Perizinan"
expect_err_has "import 003: debris reported" "debris 'H 05' in the Koordinator Perizinan column"

# mutu baku columns left of Waktu (tables from other offices, QA repros)
run "$MUTU" sop import $D/qa-x1-output-before-waktu.txt --calendar id-wib
expect_rc "import Output before Waktu: ok" 0
expect_out_has "import Output before Waktu: output read" "waktu = 20 Menit
output = Tanda terima"
run "$MUTU" sop import $D/qa-x2-keterangan-first.txt --calendar id-wib
expect_out_has "import Keterangan first: keterangan and reject_to" "keterangan = terouting ke pemohon apabila ditolak
reject_to = 1"
# the header names the position "Kadis": kept, with its canonical role
expect_out_has "import Keterangan first: routed to Kadis" "activity = Menandatangani izin
actor = Kadis
role = Kepala Dinas"
run "$MUTU" sop import $D/qa-reklame-makassar.txt --calendar id-wita
expect_out_has "import Makassar: ragged row's output" "waktu = 15 Menit
output = Draft izin"
{ printf 'No\tKegiatan\tPemohon'; for i in $(seq 1 70); do printf '\tA%d' $i; done
  printf '\tWaktu\n1\tPemohon mendaftar\t->'; for i in $(seq 1 70); do printf '\t'; done
  printf '\t5 Menit\n'; } >"$TMP/wide.txt"
run "$MUTU" sop import "$TMP/wide.txt"
expect_rc "import: too wide exit 2" 2
expect_err_has "import: too wide message" "wide.txt:1: the table is wider than supported: text in column 65 ('A62')"

printf 'Surat biasa, tanpa tabel.\n' >"$TMP/surat.txt"
run "$MUTU" sop import "$TMP/surat.txt"
expect_rc "import: no table exit 2" 2
expect_err_has "import: no table message" "no SOP table found"
run "$MUTU" sop import $D/000_3ae3fa83f8592f61.txt --calendar id-venus
expect_rc "import: unknown calendar exit 2" 2
run "$MUTU" sop import $D/000_3ae3fa83f8592f61.txt --id "Bad Id"
expect_rc "import: bad --id exit 2" 2
run "$MUTU" sop import "$TMP/tidak-ada.txt"
expect_rc "import: missing file exit 2" 2
run "$MUTU" sop --help
expect_rc "sop --help" 0
