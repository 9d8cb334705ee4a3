#!/usr/bin/env bash
# tests/cli/test_field.sh - field tests: inputs written by hand in the style
# of real tools and offices (tests/data/logs/field/, tests/data/sop/field-*),
# each the reproducer of a defect found by running it, with expected values
# worked out by hand in the comments (id-wib calendar: Mon-Thu 07:30-16:00
# break 12:00-13:00, Fri 07:30-16:30 break 11:30-13:00, 7.5 working hours a
# day; 2025-05-12 Waisak (LN) and 2025-05-13 cuti bersama).
. tests/cli/lib.sh

q() { sqlite3 "$1" "$2"; }
M=tests/data/models
F=tests/data/logs/field

# ---- Excel-saved CSV of an Indonesian office: BOM, CRLF, ';', decimal comma,
# stamps "9 Mei 2025 08.00" (month name, '.' between hour and minute) ----
# Case F1 of uji-sla: accepted at step 2's end, Fri 9 May 08:45; finished
# Wed 14 May 14:15.  Working time: Fri 08:45-16:30 less the 11:30-13:00
# break = 375 min; Mon 12 (LN) and Tue 13 (CB) closed; Wed 07:30-14:15 less
# 12:00-13:00 = 345 min; 720 min = 1.6 hari (of 450 min), within 3 Hari.
# Step 3: Fri 09:00-16:30 = 360 min + Wed 07:30-10:00 = 150 min = 510 min
# against 2 Hari = 900 min: 390 min (6.5 jam) under.
DB="$TMP/f.db"
COLS=(--case-col "No Permohonan" --step-col Langkah --activity-col Kegiatan
	--resource-col Pelaksana --start-col Mulai --end-col Selesai)
# The header is the office's own Indonesian wording: Mulai / Selesai are
# found as start / end without flags, as Kegiatan, Pelaksana, Langkah were.
run "$MUTU" ingest $F/excel-bulan.csv --db "$DB" --sop uji-sla --models $M \
	--date-format '%d %b %Y %H.%M'
expect_rc "month names: exit 0" 0
expect_out_has "Indonesian header: every role found" \
	"case=No Permohonan step=Langkah activity=Kegiatan actor=Pelaksana start=Mulai end=Selesai"
expect_out_has "month names: all 5 rows stored" "events stored   5 (1 new cases)"
# 9 Mei 2025 08:00 WIB = 01:00Z; day 20217 (2025-05-09) * 86400000 + 3600000
expect_eq "month names: first start instant" \
	"$(q "$DB" "SELECT min(start_ms) FROM events")" "1746752400000"
expect_eq "month names: decimal comma attribute kept as written" \
	"$(q "$DB" "SELECT value FROM event_attrs WHERE name = 'Biaya' AND value <> '0'")" "1.234,50"
run "$MUTU" audit --case F1 --db "$DB" --models $M --no-store
expect_out_has "month names: audit accepted/finished" \
	"diterima lengkap: 9 Mei 2025 08:45 WIB; selesai: 14 Mei 2025 14:00 WIB"
# (to step 4's end, the office's last step; step 5 Pemohon menerima SK at
# 14:15 is the applicant's: Fri 9 08:45-11:30 165 + 13:00-16:30 210, Mon
# 12 LN, Tue 13 CB, Wed 14 07:30-12:00 270 + 13:00-14:00 60 = 705 min;
# 720 to 14:15 before the clock stopped at the office's last step)
expect_out_has "month names: 705 working minutes = 1,6 hari" "waktu kerja: 1,6 hari; batas 3,0 hari"
expect_out_has "month names: step 3 510 min against 900" "1,1 hari   2,0 hari   -6,5 jam"

# an unknown directive is refused before anything is written, naming it
run "$MUTU" ingest $F/excel-bulan.csv --db "$TMP/g.db" --sop uji-sla --models $M "${COLS[@]}" \
	--date-format '%d %h %Y %H.%M'
expect_rc "date-format: unknown directive exit 2" 2
expect_err_has "date-format: names the directive" "--date-format '%d %h %Y %H.%M': %h is not a directive"
[ -e "$TMP/g.db" ] && not_ok "date-format: no store left behind" || ok "date-format: no store left behind"
# a format that matches no stamp says which format it tried, not "give --date-format"
run "$MUTU" ingest $F/excel-bulan.csv --db "$TMP/g.db" --sop uji-sla --models $M "${COLS[@]}" \
	--date-format '%d/%m/%Y %H:%M'
expect_rc "date-format: no stamp matches exit 2" 2
expect_err_has "date-format: message names file, line, value and the format" \
	"excel-bulan.csv:2: no readable time stamp in the first 5 rows (Mulai: '9 Mei 2025 08.00'); expected the --date-format '%d/%m/%Y %H:%M'"

# ---- PM4Py / ProM XES with stamps in UTC ('Z', +00:00, milliseconds) beside
# +07:00 ones, a list attribute and a nested (meta) attribute ----
# Case X1 of uji-sla (id-wib).  Step 2 ends 02:40:00.123Z = 09:40 WIB
# (clock start), step 4 (the office's last step, Kepala Dinas signs) ends
# 14:00+07:00 on Mon 19 May, where the clock stops; step 5 (the
# applicant's receipt) ends 07:45Z = 14:45 WIB.  The text audit shows the
# office's clock: 09:40 WIB and 14:00 WIB, never "02:40 +00:00".  Working
# time Thu 15 May 09:40-16:00 less the break = 320 min, Fri 16 May 450,
# Mon 19 May 07:30-14:00 less the break = 330: 1100 min = 2.4 hari (1145
# = 2.5 to 14:45 before).  Completion-only events: step 3 runs from step 2's
# end to Mon 11:00: 320 + 450 + 210 = 980 min, 80 min (1,3 jam) over 2 Hari.
DB="$TMP/x.db"
run "$MUTU" ingest $F/pm4py-utc.xes --db "$DB" --models $M
expect_rc "xes utc: exit 0" 0
expect_out_has "xes utc: 6 events" "events stored   6 (1 new cases)"
expect_eq "xes utc: list kept as JSON, nested attribute as PARENT/CHILD" \
	"$(q "$DB" "SELECT value FROM case_attrs WHERE name = 'dokumen'") $(q "$DB" "SELECT value FROM event_attrs WHERE name = 'catatan/oleh'")" \
	'[{"jenis":"KTP"},{"jenis":"NPWP"}] ani'
expect_eq "xes utc: milliseconds kept (02:40:00.123Z)" \
	"$(q "$DB" "SELECT max(end_ms) % 86400000 FROM events WHERE step = 2")" "$(( (2 * 60 + 40) * 60000 + 123 ))"
run "$MUTU" audit --case X1 --db "$DB" --models $M --no-store
expect_out_has "xes utc: accepted and finished on the office's clock" \
	"diterima lengkap: 15 Mei 2025 09:40 WIB; selesai: 19 Mei 2025 14:00 WIB"
expect_out_has "xes utc: 1100 working minutes" "waktu kerja: 2,4 hari"
expect_out_has "xes utc: step 2's end in WIB" "15 Mei 2025 09:40 WIB       10 menit"
expect_out_has "xes utc: step 3 980 min, 80 over" "2,2 hari   2,0 hari   +1,3 jam  LEBIH"
expect_out_has "xes utc: the summary's as-of on the office's clock" "kasus X1; per 19 Mei 2025 14:45 WIB"
case "$OUT" in *"+00:00"*) not_ok "xes utc: no UTC instant in the text audit" "$OUT" ;; *) ok "xes utc: no UTC instant in the text audit" ;; esac
run "$MUTU" audit --case X1 --db "$DB" --models $M --no-store --format csv
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, sys
rows = [r for r in csv.DictReader(sys.stdin) if r["type"] == "step" and r["step"] == "5"]
print(rows[0]["end"], "|", rows[0]["end_local"])')
expect_eq "xes utc: CSV keeps the log's ISO stamp, local form on the office's clock" \
	"$got" "2025-05-19T07:45:00+00:00 | 19 Mei 2025 14:45 WIB"

# ---- SOP tables of other offices ----
# A header in another office's wording: "Persyaratan/Perlengkapan" (two
# names for Kelengkapan), "Waktu Penyelesaian", "Hasil / Output".  Each is
# its mutu baku column, not a pelaksana: the cells under it are the step's
# kelengkapan and output, not debris in an actor's column.
S=tests/data/sop
run "$MUTU" sop import $S/field-header-garis-miring.txt -o "$TMP/obat.ini" --calendar id-wib
expect_rc "header wording: exit 0" 0
got=$(grep -E '^(actor|kelengkapan|waktu|output) = ' "$TMP/obat.ini" | sed -n 1,4p | tr '\n' '|')
expect_eq "header wording: step 1 read by its columns" "$got" \
	"actor = Pemohon|kelengkapan = Formulir|waktu = 15 Menit|output = Berkas|"
expect_eq "header wording: 4 kelengkapan, 4 outputs" \
	"$(grep -c '^kelengkapan = ' "$TMP/obat.ini") $(grep -c '^output = ' "$TMP/obat.ini")" "4 4"
case "$ERR" in *"contradicts"*) not_ok "header wording: no column taken for a pelaksana" "$ERR" ;;
	*) ok "header wording: no column taken for a pelaksana" ;; esac
# 15 + 30 Menit + 1 Hari (450) + 15 Menit = 510 = 1 Hari 1 Jam, as declared
run "$MUTU" model check "$TMP/obat.ini"
expect_out_has "header wording: the steps sum to the declared total" \
	"steps sum to 1 Hari 1 Jam, declared 1 Hari 1 Jam"

# A table typed as a matrix: the pelaksana of each step ticked with v, X, x
# or √ alone in its column, no flowchart.  A tick names the pelaksana
# outright: step 2 Front Office, step 3 Verifikator, and step 4 Kepala
# Dinas although SOPs usually end with the applicant (before: '?' for all
# three, a lone X read as debris and √ outweighed by the convention).
run "$MUTU" sop import $S/field-centang.txt -o "$TMP/mikro.ini" --calendar id-wib
expect_rc "ticks: exit 0 (a model that loads)" 0
expect_eq "ticks: the ticked pelaksana" "$(grep '^actor = ' "$TMP/mikro.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Front Office|actor = Verifikator|actor = Kepala Dinas|"
case "$ERR" in *"actor = ?"*|*"wrote ?"*) not_ok "ticks: no step left unknown" "$ERR" ;;
	*) ok "ticks: no step left unknown" ;; esac

# Waktu written as ranges ("30 Menit - 1 Jam", "1-3 Hari Kerja", "2 s/d 4
# Jam") and a total "3 - 5 Hari Kerja": the ceiling of a range is its upper
# bound ("paling lama"), said in a warning and the step's note.  Steps:
# 15 Menit + 1 Jam + 3 Hari + 4 Jam + 1 Hari + 15 Menit = 4 Hari 5 Jam 30
# Menit = 4 x 450 + 330 = 2130 min; declared 5 Hari = 2250 min: gap minus 2 Jam.
run "$MUTU" sop import $S/field-rentang.txt -o "$TMP/reklame.ini" --calendar id-wib
expect_rc "ranges: exit 0 (a model that loads)" 0
expect_eq "ranges: upper bounds" "$(grep '^waktu = ' "$TMP/reklame.ini" | tr '\n' '|')" \
	"waktu = 15 Menit|waktu = 1 Jam|waktu = 3 Hari Kerja|waktu = 4 Jam|waktu = 1 Hari Kerja|waktu = 15 Menit|"
expect_eq "ranges: declared total" "$(grep '^declared_total' "$TMP/reklame.ini")" "declared_total = 5 Hari Kerja"
expect_err_has "ranges: warned with the line" \
	"step 3 (line 9): waktu '1-3 Hari Kerja' is a range; its upper bound 3 Hari Kerja is the ceiling"
expect_eq "ranges: noted in the model" "$(grep -c "^note = importer: waktu '.*' is a range" "$TMP/reklame.ini")" "3"
run "$MUTU" model check "$TMP/reklame.ini"
expect_out_has "ranges: sum and gap" "declared 5 Hari, steps sum to 4 Hari 5 Jam 30 Menit: gap minus 2 Jam"

# The unit in the header, bare numbers below: "Waktu (Menit)" over 15, 30,
# 60, 15 and a total 120.  Each reads as Menit: 15 + 30 + 60 + 15 = 120
# Menit = 2 Jam, as declared (before: waktu = ? on every step, exit 1).
run "$MUTU" sop import $S/field-waktu-menit.txt -o "$TMP/trayek.ini" --calendar id-wib
expect_rc "unit in header: exit 0 (a model that loads)" 0
expect_eq "unit in header: waktu per step" "$(grep '^waktu = ' "$TMP/trayek.ini" | tr '\n' '|')" \
	"waktu = 15 Menit|waktu = 30 Menit|waktu = 60 Menit|waktu = 15 Menit|"
expect_err_has "unit in header: said so" "the Waktu header names the unit: 5 bare number(s) read in Menit"
run "$MUTU" model check "$TMP/trayek.ini"
expect_out_has "unit in header: sum equals the declared total" "steps sum to 2 Jam, declared 120 Menit"
expect_out_has "unit in header: no finding" "trayek.ini: ok"

# Another office's titles: "Petugas Front Office", "Kasubid Perizinan",
# "Tim Teknis OPD", "Kepala DPMPTSP" (the head named by the office's own
# acronym), Waktu before Kelengkapan, a wrapped activity text on a row of
# its own.  Each title keeps the table's spelling with its canonical role,
# so a scenario's "Kepala Dinas = 1" staffs step 5 (before: no role).
run "$MUTU" sop import $S/field-lingkungan.txt -o "$TMP/lingkungan.ini" --calendar id-wib
expect_rc "titles: exit 0" 0
run "$MUTU" model show "$TMP/lingkungan.ini"
expect_out_has "titles: Kepala DPMPTSP is the Kepala Dinas" "Kepala DPMPTSP (Kepala Dinas)"
expect_out_has "titles: Kasubid is a Kepala Seksi" "Kasubid Perizinan (Kepala Seksi Perizinan)"
# the wrapped text: line 9 holds only "menugaskan Tim Teknis" under Kegiatan
expect_eq "wrapped activity: joined to step 3" \
	"$(grep '^activity = Kasubid' "$TMP/lingkungan.ini")" \
	"activity = Kasubid Perizinan memverifikasi dan menugaskan Tim Teknis"
run "$MUTU" sop import $S/field-lingkungan.txt -o "$TMP/lingkungan.ini" --calendar id-wib --force
expect_err_has "wrapped activity: said so with the line" \
	"line 9: continues the activity of step 3 (menugaskan Tim Teknis)"
# the authors' total is off: 10 + 20 Menit + 1 + 3 + 1 Hari + 10 Menit =
# 5 Hari 40 Menit against the declared 5 Hari 20 Menit
expect_err_has "authors' total checked" "declared 5 Hari 20 Menit, steps sum to 5 Hari 40 Menit: gap +20 Menit"

# ---- bupaR eventlog: two officers on the same activity at once ----
# ani starts Verifikasi 08:00 (instance 1), budi 08:10 (instance 2), budi
# completes 08:20, ani 09:00.  Each completion closes its own actor's start:
# ani 08:00-09:00 = 60 min, budi 08:10-08:20 = 10 min (before: FIFO gave
# budi ani's 08:00 start, 20 min, and ani 08:10-09:00, 50 min).
DB="$TMP/b.db"
run "$MUTU" ingest $F/bupar-dua-petugas.csv --db "$DB"
expect_rc "two officers: exit 0" 0
run "$MUTU" audit --case B1 --db "$DB" --no-store
expect_out_has "two officers: ani 60 min" "ani                3 Mar 2025 09:00 +07:00      1,0 jam"
expect_out_has "two officers: budi 10 min" "budi               3 Mar 2025 08:20 +07:00     10 menit"

# Waktu with the number spelled out as official texts write it, "2 (dua)
# Hari Kerja", and a total "2 (dua) Hari 1 (satu) Jam (3 (tiga) Hari)":
# 15 + 30 Menit + 2 Hari + 15 Menit = 2 Hari 1 Jam, as declared (before:
# no cell read as a duration, waktu = ?, exit 1).
run "$MUTU" sop import $S/field-terbilang.txt -o "$TMP/bidan.ini" --calendar id-wib
expect_rc "spelled numbers: exit 0" 0
run "$MUTU" model check "$TMP/bidan.ini"
expect_out_has "spelled numbers: sum and total" "steps sum to 2 Hari 1 Jam, declared 2 (dua) Hari 1 (satu) Jam (3 (tiga) Hari)"
expect_out_has "spelled numbers: no finding" "bidan.ini: ok"
printf '[sop]\nid = salah-eja\nname = Salah Eja\ncalendar = id-wib\n\n[step 1]\nactivity = Memeriksa\nactor = Front Office\nwaktu = 5 (empat) Hari\n' > "$TMP/salah.ini"
run "$MUTU" model check "$TMP/salah.ini"
expect_rc "spelled numbers: digits and words differ: exit 2" 2
expect_err_has "spelled numbers: names file, line and both values" \
	"salah.ini:9: bad waktu in [step 1] (cannot read duration \"5 (empat) Hari\": the number \"5\" is spelled \"(empat)\" (4)"

# ---- PM4Py / XES standard lifecycle: schedule, assign, suspend, resume ----
# Verifikasi: schedule 08:00, assign 08:10, start 08:30, complete 09:00;
# Tanda tangan: start 10:00, suspend 10:10, resume 10:40, complete 11:00.
# Two step executions: Verifikasi 30 min, Tanda tangan 60 min (the
# suspension inside it counted), the case finished at 11:00.  Before: the
# schedule and assign rows were two open steps (the case never finished)
# and suspend/resume two 0-minute repeats flagged ULANG.
DB="$TMP/lc.db"
run "$MUTU" ingest $F/pm4py-lifecycle.csv --db "$DB"
expect_rc "lifecycle: exit 0" 0
expect_out_has "lifecycle: every row stored" "events stored   8 (1 new cases)"
run "$MUTU" audit --case L1 --db "$DB" --no-store
expect_out_has "lifecycle: finished at the last complete" "selesai: 3 Mar 2025 11:00 +07:00"
expect_out_has "lifecycle: Verifikasi 08:30-09:00" "ani                3 Mar 2025 09:00 +07:00     30 menit"
expect_out_has "lifecycle: Tanda tangan 10:00-11:00" "kadis              3 Mar 2025 11:00 +07:00      1,0 jam"
case "$OUT" in *"aktivitas diulang"*|*"(terbuka)"*) not_ok "lifecycle: no phantom step" "$OUT" ;; *) ok "lifecycle: no phantom step" ;; esac

# The list layout: one Pelaksana column holding each step's title as text
# (No | Kegiatan | Pelaksana | Waktu | Output), as simpler SOPs and
# Standar Pelayanan write it.  Each step's pelaksana is that title: steps
# 2 and 5 Petugas Loket (role Front Office), 3 Tim Teknis, 4 Kepala Dinas.
# Before: "the header names no actor columns", steps 2-4 actor = ? and the
# last step given to the applicant by convention although the table names
# Petugas Loket.
run "$MUTU" sop import $S/field-daftar-pelaksana.txt -o "$TMP/perikanan.ini" --calendar id-wib
expect_rc "list layout: exit 0" 0
expect_eq "list layout: the titles of the column" "$(grep '^actor = ' "$TMP/perikanan.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Petugas Loket|actor = Tim Teknis|actor = Kepala Dinas|actor = Petugas Loket|"
expect_eq "list layout: roles" "$(grep -c '^role = Front Office' "$TMP/perikanan.ini")" "2"
run "$MUTU" model check "$TMP/perikanan.ini"
# 15 + 30 Menit + 3 Hari + 1 Hari + 15 Menit = 4 Hari 1 Jam, as declared
expect_out_has "list layout: sum" "steps sum to 4 Hari 1 Jam, declared 4 Hari 1 Jam"

# Waktu split over unit columns under it, "Hari | Jam | Menit" on a third
# header row: step 2 "| 1 | 30" is 1 Jam 30 Menit, step 3 "2 | |" 2 Hari.
# 15 Menit + 1 Jam 30 Menit + 2 Hari + 15 Menit = 2 Hari 2 Jam, as the
# Jumlah row "2 | 2 | 0" declares (before: the unit row was "not a step
# row", every step waktu = ?, exit 1).
run "$MUTU" sop import $S/field-waktu-terpisah.txt -o "$TMP/gangguan.ini" --calendar id-wib
expect_rc "split Waktu: exit 0" 0
expect_eq "split Waktu: per step" "$(grep '^waktu = ' "$TMP/gangguan.ini" | tr '\n' '|')" \
	"waktu = 15 Menit|waktu = 1 Jam 30 Menit|waktu = 2 Hari|waktu = 15 Menit|"
expect_eq "split Waktu: output still read by its column" "$(grep -c '^output = ' "$TMP/gangguan.ini")" "4"
run "$MUTU" model check "$TMP/gangguan.ini"
expect_out_has "split Waktu: sum equals the Jumlah row" "steps sum to 2 Hari 2 Jam, declared 2 Hari 2 Jam 0 Menit"
expect_out_has "split Waktu: no finding" "gangguan.ini: ok"

# An SOP table kept in Excel and saved as CSV: BOM, CRLF, ';' between
# cells, quoted cells holding ';', ',', a line break ("Memeriksa
# kelengkapan / dan mencetak tanda terima") and "" quotes.  Read like the
# tab-separated copy: 4 steps, their ticked pelaksana, 15 + 30 Menit +
# 1 Hari + 15 Menit = 1 Hari 1 Jam as declared (before: "no SOP table
# found", exit 2).
run "$MUTU" sop import $S/field-excel.csv -o "$TMP/pariwisata.ini" --calendar id-wib
expect_rc "Excel CSV table: exit 0" 0
expect_err_has "Excel CSV table: 4 steps" "wrote $TMP/pariwisata.ini (izin-usaha-pariwisata, 4 steps)"
expect_eq "Excel CSV table: quoted cells" \
	"$(grep -E '^(activity|kelengkapan|output) = ' "$TMP/pariwisata.ini" | sed -n '1,2p;4,6p' | tr '\n' '|')" \
	'activity = Mengajukan permohonan; mengisi formulir|kelengkapan = Formulir, KTP|activity = Memeriksa kelengkapan dan mencetak tanda terima|kelengkapan = Berkas|output = Tanda "terima"|'
expect_eq "Excel CSV table: pelaksana" "$(grep '^actor = ' "$TMP/pariwisata.ini" | tr '\n' '|')" \
	"actor = Pemohon|actor = Petugas Loket|actor = Kepala Dinas|actor = Pemohon|"
run "$MUTU" model check "$TMP/pariwisata.ini"
expect_out_has "Excel CSV table: sum as declared" "steps sum to 1 Hari 1 Jam, declared 1 Hari 1 Jam"

# ---- a CSV saved by Excel on Windows in its ANSI code page (cp1252) ----
# "café" and "José" as single bytes 0xE9: refused before anything is
# written, naming the file, the line and the row with the bytes shown
# (before: the file only, no line, no value).
run "$MUTU" ingest $F/excel-cp1252.csv --db "$TMP/w.db"
expect_rc "cp1252: exit 2" 2
expect_err_has "cp1252: file, line, value" \
	"excel-cp1252.csv:2: not UTF-8 text ('W1,Pendaftaran caf\\xe9,Jos\\xe9 FO,"
[ -e "$TMP/w.db" ] && not_ok "cp1252: no store left behind" || ok "cp1252: no store left behind"

# ---- a store of several offices read whole: each case names its office ----
# The same Excel log ingested for two offices (--office); the text audit
# of case F1 without --office shows both blocks, each with its office;
# with --office only that office's block, without the name (it is the
# audit's own scope).
DB="$TMP/prov.db"
for o in "DPMPTSP Kota Contoh" "DPMPTSP Kabupaten Contoh"; do
	"$MUTU" ingest $F/excel-bulan.csv --db "$DB" --sop uji-sla --models $M \
		--date-format '%d %b %Y %H.%M' --office "$o" --quiet
done
run "$MUTU" audit --case F1 --db "$DB" --models $M --no-store
expect_eq "offices: each block names its office" \
	"$(printf '%s\n' "$OUT" | grep '^== Kasus' | sort | tr '\n' '|')" \
	"== Kasus F1   SOP uji-sla   kantor DPMPTSP Kabupaten Contoh|== Kasus F1   SOP uji-sla   kantor DPMPTSP Kota Contoh|"
run "$MUTU" audit --case F1 --db "$DB" --models $M --no-store --office "DPMPTSP Kota Contoh" --lang en
expect_eq "offices: --office: its block only, unnamed" \
	"$(printf '%s\n' "$OUT" | grep '^== Case' | tr '\n' '|')" "== Case F1   SOP uji-sla|"

# ---- one --format helper for sim, forecast and backtest (cli_format) ----
# the same wording from each, with the command's own list
run "$MUTU" sim models/scenarios/banjarbaru.ini --format bogus
expect_err_has "format: sim lists its formats" "mutu sim: --format is text, json, csv or xlsx (got 'bogus')"
run "$MUTU" forecast --scenario models/scenarios/banjarbaru.ini --format pdf
expect_err_has "format: forecast lists its formats" "mutu forecast: --format is text, json, csv, html or xlsx (got 'pdf')"
run "$MUTU" backtest models/scenarios/banjarbaru.ini --sop izin-pengumpulan-uang-barang --format csv
expect_err_has "format: backtest lists its formats" "mutu backtest: --format is text, json or xlsx (got 'csv')"
expect_rc "format: bad usage exit 2" 2
for c in "sim models/scenarios/banjarbaru.ini" "forecast --scenario models/scenarios/banjarbaru.ini" \
	"backtest models/scenarios/banjarbaru.ini --sop izin-pengumpulan-uang-barang"; do
	run "$MUTU" $c --format xlsx --out -
	expect_err_has "format: ${c%% *} xlsx never to stdout" "--format xlsx writes an Excel workbook: give --out FILE.xlsx"
done
