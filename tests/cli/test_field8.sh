#!/usr/bin/env bash
# tests/cli/test_field8.sh - eighth field round of the event-log side: logs
# written by hand as Indonesian offices and other tools export them
# (tests/data/logs/field8/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2).  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri
# 07:30-11:30 13:00-16:30 (450 a day); in Ramadan 1446 H (1-30 Mar 2025)
# Mon-Thu 08:00-12:00 12:30-15:00, Fri 08:00-11:30 12:30-15:30 (390 a day).
. tests/cli/lib.sh

F=tests/data/logs/field8
MD=tests/data/models


# ---- 1. "pukul" between the date and the time (SiCANTIK's printed form) ----
# An Indonesian report or web page writes a time as the EYD spells it:
# "Rabu, 26 Maret 2025 pukul 08.45 WIB" (also "pkl."), the zone after
# the time.  sicantik-pukul.csv is SiCANTIK's step table in that form, one
# case over Nyepi and Lebaran 1446 H.  Before: every stamp a bad
# timestamp, the file refused ("no readable time stamp"), and no
# --date-format reads "pukul" (nor the weekday before it).
# Case 503/0412/DPMPTSP/III/2025, accepted Wed 26 Mar 08:45 (Ramadan
# hours), finished Tue 8 Apr 11:30 (step 4, the office's last step; the
# applicant's receipt, step 5, at 13:15 is not counted).  Closed: Fri 28 Mar (CB Nyepi), Sat 29
# (LN Nyepi), Mon 31 Mar and Tue 1 Apr (LN Idul Fitri), Wed 2 - Fri 4 and
# Mon 7 Apr (CB Idul Fitri).  Working: Wed 08:45-12:00 195 + 12:30-15:00
# 150 = 345; Thu 27 Mar 240 + 150 = 390; Tue 8 Apr (Ramadan over) 07:30-
# 11:30 240: lead 975 min (2,2 hari of 450) for 13 calendar days, within
# 1350 (1020 to 13:15 before).  Deadline: 345 + 390 = 735, + Tue 450 =
# 1185, 165 more on Wed 9 Apr from 07:30 = 10:15.  Step 3 Wed 09:00-12:00
# 180 + 150, Thu 390, Tue 07:30-10:00 150 = 870 against 900: -30; step 4
# 10:00-11:30 = 90 of 60: +30, over; steps 1, 2, 5: 20, 15, 15 minutes.
DB=$TMP/pukul.db
run "$MUTU" ingest $F/sicantik-pukul.csv --db "$DB" --models $MD
expect_rc "pukul: the log ingests" 0
expect_out_has "pukul: 5 rows stored, one case" "events stored   5 (1 new cases)"
expect_out_has "pukul: none rejected" "rejected        0"
expect_eq "pukul: working 975, deadline Wed 9 Apr 10:15, in time; steps by hand" \
	"$(case_json 503/0412/DPMPTSP/III/2025 "$DB")" \
	"975 2025-04-09T10:15:00+07:00 False 1:20:-10:- 2:15:0:- 3:870:-30:- 4:90:30:over 5:15:0:-"
run "$MUTU" audit --case 503/0412/DPMPTSP/III/2025 --db "$DB" --models $MD
expect_out_has "pukul: the text audit's span" \
	"diterima lengkap: 26 Mar 2025 08:45 WIB; selesai: 8 Apr 2025 11:30 WIB"
expect_eq "pukul: the April report: 1 finished, 1 within, lead 975, no note" \
	"$(month_json 2025-04 "$DB")" "1 1 975 0"
# the hour's word with no hour after it is no time (not midnight), and
# the same word inside the date is no date: bad timestamps, with the line
printf '%s\n' 'no_permohonan,nama_proses,start_date,end_date' \
	'A1,Verifikasi,"26 Maret 2025 pukul 08.00 WIB","26 Maret 2025 pukul WIB"' \
	'A2,Verifikasi,"26 Maret pukul 2025 08.00 WIB","26 Maret 2025 pukul 09.00 WIB"' >"$TMP/pukul-bad.csv"
run "$MUTU" ingest "$TMP/pukul-bad.csv" --db "$TMP/pukul-bad.db"
expect_out_has "pukul: no hour after it, or inside the date: 2 bad stamps" "bad timestamp              2"

# ---- 2. an Indonesian Excel's dd-mmm-yyyy hh.mm, and two exports joined ----
# excel-gabung.csv is two exports of an office's Excel sheet (BOM, CRLF,
# ';', two empty trailing columns, stamps "28-Mei-2025 09.30": the
# dd-mmm-yyyy custom format with an Indonesian month, the hour after a
# dot as an id-ID Excel writes it) pasted into one file with `cat`: the
# second export's BOM and header on line 5.  Before: every stamp a bad
# timestamp (only "28-Mei-2025 09:30" with a colon was read; "28 Mei 2025
# 09.30" with blanks was), and once the stamps were read, the header on
# line 5 a row rejected as "bad timestamp in Mulai: 'Mulai'", so the
# monthly report said its figures rested on partial data.  Now it is no
# row: skipped and counted (5 rows read, 5 stored, 0 rejected).
# Case 0587, accepted Wed 28 May 10:00, finished Tue 3 Jun 08:45 (step 4;
# the applicant's receipt at 09:15 is not counted).  Closed:
# Thu 29 May (LN Kenaikan), Fri 30 May (CB), Sun 1 Jun (LN Pancasila).
# Working: Wed 10:00-12:00 120 + 13:00-16:00 180 = 300; Mon 2 Jun 450; Tue
# 07:30-08:45 75: lead 825 (1,8 hari), within (855 to 09:15 before).  Deadline: 300 + 450 + 450
# = 1200, 150 more on Wed 4 Jun from 07:30 = 10:00.  Step 3 Wed 10:15-
# 12:00 105 + 180, Mon 450, Tue 07:30-08:00 30 = 765 of 900: -135; step 1
# 20 of 30 (-10), step 2 10 of 15 (-5), step 4 45 of 60 (-15), step 5 15.
DB=$TMP/gabung.db
run "$MUTU" ingest $F/excel-gabung.csv --db "$DB" --models $MD
expect_rc "gabung: the log ingests" 0
expect_out_has "gabung: 5 rows read" "rows read       5"
expect_out_has "gabung: 5 stored" "events stored   5 (1 new cases)"
expect_out_has "gabung: none rejected" "rejected        0"
expect_out_has "gabung: the repeated header said, with its line" \
	"1 line(s) repeat the header (first on line 5: exports joined into one file): skipped, not rows"
expect_eq "gabung: working 825, deadline Wed 4 Jun 10:00, in time; steps by hand" \
	"$(case_json 0587 "$DB")" \
	"825 2025-06-04T10:00:00+07:00 False 1:20:-10:- 2:10:-5:- 3:765:-135:- 4:45:-15:- 5:15:0:-"
expect_eq "gabung: the June report: 1 finished, 1 within, lead 825, no partial-data note" \
	"$(month_json 2025-06 "$DB")" "1 1 825 0"
# the same with the format given (the stamps were readable so before this
# round): the repeated header alone made the rejected row and the note
DB=$TMP/gabung-fmt.db
run "$MUTU" ingest $F/excel-gabung.csv --db "$DB" --models $MD --date-format '%d-%b-%Y %H.%M'
expect_out_has "gabung --date-format: none rejected" "rejected        0"
expect_eq "gabung --date-format: the June report has no partial-data note" \
	"$(month_json 2025-06 "$DB")" "1 1 825 0"
# a line like the header but with a named column less is no repeat: still
# a row with the wrong number of fields.  (One trailing empty cell less,
# "...;Selesai;", is the header again since hardening round 3: the header's
# trailing empty cells hold nothing; tests/cli/test_hardening3.sh.)
{ cat $F/excel-gabung.csv; printf 'No Permohonan;Jenis Izin;Kegiatan;Pelaksana;Mulai\r\n'; } >"$TMP/gabung-kurang.csv"
run "$MUTU" ingest "$TMP/gabung-kurang.csv" --db "$TMP/gabung-kurang.db" --models $MD
expect_out_has "gabung: a shorter header line is a row with the wrong number of fields" \
	"wrong number of fields     1"

# ---- 3. a step open in one month's export, closed in the next ----------
# SiCANTIK's step table exported month by month (an office in WITA whose
# SiCANTIK stamps everything in WIB, zoneless: --tz WIB; the personal
# columns nama_pemohon and no_hp dropped).  sicantik-juni.csv, exported
# at the end of June, holds B7's step 3 running: a start, no end, status
# Proses.  sicantik-juli.csv holds all of B7 again (steps 1 and 2 are
# duplicates; step 3 now with its end) and B8.  The June row of step 3 is
# the same execution seen before it ended: no second execution.  Before:
# step 3 twice in the audit, the open one "(terbuka)" and flagged ULANG
# (rework) in a finished case.
# Model uji-sla-wita (the uji-sla steps on id-wita; 2025-06-27 LN 1
# Muharam).  B7 in WITA: step 1 08:10-08:25, step 2 08:25-08:40 (accepted
# Wed 25 Jun 08:40), step 3 Wed 09:00 - Tue 1 Jul 10:00, step 4 11:00-
# 12:00, step 5 14:00-14:15.  Lead: Wed 08:40-12:00 200 + 13:00-16:00 180
# = 380, Thu 26 450, Fri 27 closed, Mon 30 450, Tue 07:30-12:00 270 (to
# step 4's end, the office's last step; step 5 14:00-14:15 is the
# applicant's): 1550, over 1350 by 200, late (1625 and 275 to 14:15
# before).  Deadline 380 + 450
# + 450 = 1280, 70 more on Tue from 07:30 = 08:40.  Step 3: 180 + 180 +
# 450 + 450 + Tue 07:30-10:00 150 = 1410, +510 over; steps 1 15 (-15), 2
# 15, 4 60, 5 15.  B8 Wed 2 Jul accepted 08:30 WITA, done Thu 10:45 (step
# 4): 210 + 180 + Thu 07:30-10:45 195 = 585, within (615 to 11:15 before); deadline 390 + 450 + Fri 450
# = 1290, Mon 7 Jul 08:30.  Step 3 08:45 - Thu 09:45: 195 + 180 + 135 =
# 510 (-390); step 4 10:00-10:45 = 45 (-15).
MW=tests/data/models
DB=$TMP/bulanan.db
run "$MUTU" ingest $F/sicantik-juni.csv --db "$DB" --models $MW --tz WIB
expect_out_has "bulanan: June export, 3 stored" "events stored   3 (1 new cases)"
run "$MUTU" ingest $F/sicantik-juli.csv --db "$DB" --models $MW --tz WIB
expect_out_has "bulanan: July export, 8 stored, 2 duplicates" "events stored   8 (1 new cases)"
expect_eq "bulanan: B7 1550 min, deadline Tue 1 Jul 08:40 WITA, late; step 3 once, no rework" \
	"$(case_json B7/2025 "$DB")" \
	"1550 2025-07-01T08:40:00+08:00 True 1:15:-15:- 2:15:0:- 3:1410:510:over 4:60:0:- 5:15:0:-"
expect_eq "bulanan: B8 585 min, deadline Mon 7 Jul 08:30 WITA, in time" \
	"$(case_json B8/2025 "$DB")" \
	"585 2025-07-07T08:30:00+08:00 False 1:15:-15:- 2:15:0:- 3:510:-390:- 4:45:-15:- 5:15:0:-"
run "$MUTU" audit --case B7/2025 --db "$DB" --models $MW
expect_out_has "bulanan: the text audit counts no rework" "[ULANG] langkah diulang (rework)                               0"
case "$OUT" in *terbuka*) not_ok "bulanan: no open step in the finished case" "$OUT" ;; *) ok "bulanan: no open step in the finished case" ;; esac
# the monthly reports: June sees B7 open at its end, aged 1280 of 1350
# (80-100% of the ceiling); July 2 finished, 1 within, median (1550 +
# 585) / 2 = 1067.5
got=$("$MUTU" report monthly --month 2025-06 --db "$DB" --models $MW --format json --out - 2>/dev/null |
	python3 -c "
import json, sys
g = [g for g in json.load(sys.stdin)['groups'] if g['id'] == 'uji-sla-wita'][0]
print(g['summary']['open_at_month_end'], g['summary']['open_age_80_100'], g['open_cases'][0]['age'])")
expect_eq "bulanan: June report: B7 open, age 1280 (80-100%)" "$got" "1 1 1280"
got=$("$MUTU" report monthly --month 2025-07 --db "$DB" --models $MW --format json --out - 2>/dev/null |
	python3 -c "
import json, sys
g = [g for g in json.load(sys.stdin)['groups'] if g['id'] == 'uji-sla-wita'][0]
print(g['summary']['finished'], g['summary']['within'], g['summary']['lead_median'], g['summary']['open_at_month_end'])")
expect_eq "bulanan: July report: 2 finished, 1 within, median 1067.5, none open" "$got" "2 1 1067.5 0"

# ---- 4. the date and the time of day in two columns --------------------
# An office's own Excel recap keeps them apart: Tanggal Mulai | Jam Mulai
# | Tanggal Selesai | Jam Selesai (BOM, ';', CRLF, day-first dates, the
# hour after a dot as an id-ID Excel writes it, a row-number column No).
# Each pair is one stamp.  Before: the dates alone were the stamps, every
# step at midnight and 0 minutes long, the times kept as attributes, and
# no word said so: R1, late by 310 minutes, was reported within the SOP.
# R1 (Idul Adha 1446 H: Fri 6 Jun LN, Mon 9 Jun CB): accepted Tue 3 Jun
# 08:35, done Tue 10 Jun 14:00 (step 4; the applicant's receipt 14:30-
# 14:45 is not counted).  Lead: Tue 08:35-12:00 205 + 180 = 385, Wed 450,
# Thu 450, Tue 10 07:30-12:00 270 + 13:00-14:00 60 = 330: 1615, over 1350
# by 265 (1660 and 310 to 14:45 before).  Deadline 385 + 450 + 450 = 1285, 65 more on Tue 10
# Jun = 08:35.  Step 3 Tue 09:00 - Tue 10 Jun 11:00: 360 + 450 + 450 +
# 210 = 1470, +570; step 1 20 (-10), 2 15, 4 60, 5 15.  R2 accepted Mon 16
# Jun 08:25, done Tue 17 Jun 10:45 (step 4): 215 + 180 + 195 = 590,
# within (620 to 11:15 before);
# deadline 395 + 450 + 450 = 1295, 55 more on Thu 19 Jun = 08:25.  Step 3
# Mon 08:30 - Tue 10:00 = 390 + 150 = 540 (-360); step 1 10 (-20), 4 45.
# The June report: 2 finished, 1 within, median (1615 + 590) / 2 = 1102.5.
DB=$TMP/tanggal-jam.db
run "$MUTU" ingest $F/rekap-tanggal-jam.csv --db "$DB" --models $MD
expect_rc "tanggal+jam: the log ingests" 0
expect_out_has "tanggal+jam: the pairing is said" \
	"start: the date in Tanggal Mulai, its time of day in Jam Mulai"
expect_out_has "tanggal+jam: 10 stored" "events stored   10 (2 new cases)"
expect_eq "tanggal+jam: R1 1615 min, deadline Tue 10 Jun 08:35, late by 265" \
	"$(case_json R1 "$DB")" \
	"1615 2025-06-10T08:35:00+07:00 True 1:20:-10:- 2:15:0:- 3:1470:570:over 4:60:0:- 5:15:0:-"
expect_eq "tanggal+jam: R2 590 min, deadline Thu 19 Jun 08:25, in time" \
	"$(case_json R2 "$DB")" \
	"590 2025-06-19T08:25:00+07:00 False 1:10:-20:- 2:15:0:- 3:540:-360:- 4:45:-15:- 5:15:0:-"
expect_eq "tanggal+jam: the June report: 2 finished, 1 within, median 1102.5" \
	"$(month_json 2025-06 "$DB")" "2 1 1102.5 0"
# English names, the role taken by the time column first (Time is a
# timestamp name, Date none): Date + Time, a zone after the time, a date
# that has its own time keeps it, a date alone beside a whole date-time
# takes that, a time of day that is none is a bad stamp naming both.
# 3 Jun 2025 00:00Z = 1748908800000: 08:15 WIB = +4500000, 09:15 WITA =
# 01:15Z = +4500000, 10:00 WIB = +10800000, 11:00 WIB = +14400000.
printf '%s\r\n' 'Case ID,Activity,Time,Date' 'T1,A,08:15,2025-06-03' 'T1,B,09.15 WITA,2025-06-03' \
	'T1,C,07:00,2025-06-03 10:00' 'T1,D,2025-06-03 11:00,2025-06-03' 'T1,E,jam 8,2025-06-03' \
	>"$TMP/date-time.csv"
run "$MUTU" ingest "$TMP/date-time.csv" --db "$TMP/date-time.db" --tz WIB
expect_out_has "date+time: Time joined to Date" "timestamp: the date in Date, its time of day in Time"
expect_eq "date+time: the stamps by hand" \
	"$(sqlite3 "$TMP/date-time.db" "SELECT activity, end_ms - 1748908800000 FROM events ORDER BY activity" | tr '\n' ' ')" \
	"A|4500000 B|4500000 C|10800000 D|14400000 "
run "$MUTU" db rejected --db "$TMP/date-time.db"
expect_out_has "date+time: a time of day that is none, both named" \
	"bad timestamp in Date + Time: '2025-06-03' 'jam 8'"
# one stamp column named "Tanggal" beside "Jam" and a Status in Bahasa
# (before: refused, no time column): 14 Jul 2025 08:00 WIB = 01:00Z = day
# 20283 * 86400000 + 3600000 = 1752454800000; Verifikasi 08:00-09:30
printf '%s\n' 'No Permohonan;Kegiatan;Status;Tanggal;Jam' 'Q1;Verifikasi;Mulai;14/07/2025;08.00' \
	'Q1;Verifikasi;Selesai;14/07/2025;09.30' 'Q1;Tanda tangan;Selesai;15/07/2025;10.00' >"$TMP/tanggal.csv"
run "$MUTU" ingest "$TMP/tanggal.csv" --db "$TMP/tanggal.db" --tz WIB
expect_out_has "tanggal: the one stamp column, its time beside it" "timestamp: the date in Tanggal, its time of day in Jam"
expect_eq "tanggal: Verifikasi's start and end" \
	"$(sqlite3 "$TMP/tanggal.db" "SELECT start_ms FROM events WHERE activity = 'Verifikasi' AND start_ms IS NOT NULL")" \
	"1752454800000"
# dates alone (no time column to join): read as 00:00, which makes a step
# done within one day 0 minutes; the summary says so, with how many of
# the probed stamps (2 of 4 here: line 3's carry a time; the d/m order is
# decided by 25/06 after the probe).  Before: not a word.  The recap
# above, whose dates are joined to their times, gets no such warning.
printf '%s\n' 'case;activity;start;end' 'c1;A;25/06/2025;25/06/2025' 'c1;B;25/06/2025 08.00;27/06/2025 10.00' \
	>"$TMP/tanggal-saja.csv"
run "$MUTU" ingest "$TMP/tanggal-saja.csv" --db "$TMP/tanggal-saja.db" --tz WIB
expect_out_has "dates alone: a warning with the count and the first" \
	"warning: 2 of 4 time stamps probed are a date without a time of day (start '25/06/2025', line 2): read as 00:00"
run "$MUTU" ingest $F/rekap-tanggal-jam.csv --db "$TMP/tanggal-jam2.db" --models $MD
case "$OUT" in *"without a time of day"*) not_ok "tanggal+jam: no dates-alone warning" "$OUT" ;; *) ok "tanggal+jam: no dates-alone warning" ;; esac

# ---- 5. the officer's column of an office's own sheet: "Nama Petugas" ----
# rekap-petugas.csv is an office recap: No. Berkas (the case), Tahapan
# (the activity), Nama Petugas (who did the step), date and time apart;
# the Pemohon steps have no officer.  Before: "No. Berkas" and "Tahapan"
# were no known names (the file refused), and with the known ones
# (No Permohonan, Kegiatan; the sheet below) "Nama Petugas" was dropped
# as a person's name: no pelaksana, and Rina Susanti checking the berkas
# (step 2) and approving it (step 4) went unseen.  Now the column is the
# actor and the audit flags ORANG-SAMA on step 4.
# Mon 14 Jul 2025 accepted 08:30, done Tue 15 Jul 15:30 (step 4; the
# applicant's receipt Wed 16 Jul 08:10 is not counted): 210 + 180 + Tue
# 07:30-15:30 less the break 420 = 810, within (880 to Wed 08:10 before); deadline 390 + 450 + 450 =
# 1290, 60 more on Thu 17 Jul = 08:30.  Step 3 Mon 09:00 - Tue 15:00 =
# 360 + 270 + 120 = 750 (-150); step 4 15:00-15:30 = 30 (-30).
DB=$TMP/petugas.db
run "$MUTU" ingest $F/rekap-petugas.csv --db "$DB" --models $MD --sop uji-sla
expect_out_has "petugas: the columns found" \
	"case=No. Berkas activity=Tahapan actor=Nama Petugas start=Tanggal Mulai end=Tanggal Selesai"
expect_eq "petugas: 810 min, deadline Thu 17 Jul 08:30, in time; ORANG-SAMA on step 4" \
	"$(case_json 0099/VII/2025 "$DB")" \
	"810 2025-07-17T08:30:00+07:00 False 1:15:-15:- 2:15:0:- 3:750:-150:- 4:30:-30:same_person 5:10:-5:-"
run "$MUTU" audit --case 0099/VII/2025 --db "$DB" --models $MD
expect_out_has "petugas: the text audit names the officer" \
	"[ORANG-SAMA] orang yang sama (Rina Susanti) memeriksa (langkah 2) dan menyetujui (langkah 4)"
sed -e '1s/No. Berkas;Tahapan/No Permohonan;Kegiatan/' $F/rekap-petugas.csv >"$TMP/petugas-lama.csv"
run "$MUTU" ingest "$TMP/petugas-lama.csv" --db "$TMP/petugas-lama.db" --models $MD --sop uji-sla
expect_out_has "petugas: with the older header names Nama Petugas is the actor too" "actor=Nama Petugas"
case "$OUT" in *"dropped personal columns"*) not_ok "petugas: not dropped as personal data" "$OUT" ;; *) ok "petugas: not dropped as personal data" ;; esac

# ---- 6. transitions in Bahasa: Status "Mulai" / "Selesai" ---------------
# riwayat-status.csv is an office system's history (riwayat) of a berkas:
# one row per transition, one stamp (Waktu), the Status column saying
# Mulai (start) or Selesai (complete), as such a system writes them in
# Indonesian.  Before: the words were no lifecycle: every row a
# completion, each step twice and flagged ULANG, each start an execution
# from the step before.  Now Mulai / Dimulai start, Selesai /
# Diselesaikan complete, as start / complete do.
# H1 (uji-sla): step 1 a completion only (07:50, the first event: no
# measure); accepted Fri 18 Jul 08:15, done Mon 21 Jul 14:30 (step 4; the
# applicant's step 5 14:45-15:00 is not counted): Fri 08:15-11:30 195 +
# 13:00-16:30 210 = 405, Mon 07:30-12:00 270 + 13:00-14:30 90 = 360: 765,
# within (795 to 15:00 before); deadline 405 + 450 + 450 = 1305, 45 more on Wed
# 23 Jul = 08:15.  Step 3 Fri 09:00 - Mon 11:00 = 150 + 210 + 210 = 570
# (-330); step 4 13:00-14:30 = 90 of 60, +30 over; step 5 14:45-15:00.
DB=$TMP/riwayat.db
run "$MUTU" ingest $F/riwayat-status.csv --db "$DB" --models $MD
expect_out_has "riwayat: 9 rows stored" "events stored   9 (1 new cases)"
got=$("$MUTU" audit --case H1 --db "$DB" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['working'], c['deadline'], c['late'],
      ' '.join('%d:%s:%s' % (s['step'], s['actual'], ','.join(s['flags']) or '-') for s in c['steps']))")
expect_eq "riwayat: 765 min, deadline Wed 23 Jul 08:15; one execution per step, step 4 over" "$got" \
	"765 2025-07-23T08:15:00+07:00 False 1:None:- 2:15:- 3:570:- 4:90:over 5:15:-"

# ---- 7. an ISO date with an id-ID Excel's clock: "2025-06-25 08.15" ------
# Excel under Indonesian regional settings writes a yyyy-mm-dd h.mm cell
# with a dot (and a one-digit hour).  Before: refused, "no readable time
# stamp", unless --date-format was given.  Year first: no day/month
# question.  25 Jun 2025 = day 20264: 08:15 WIB = 01:15Z =
# 20264 * 86400000 + 4500000 = 1750814100000; 08:15:30 = + 30000.
printf '%s\n' 'case;activity;time' 'c1;A;2025-06-25 08.15' 'c1;B;2025-06-25 8.15.30' 'c1;C;2025-06-25 8:15' \
	>"$TMP/iso-titik.csv"
run "$MUTU" ingest "$TMP/iso-titik.csv" --db "$TMP/iso-titik.db" --tz WIB
expect_out_has "iso-titik: all 3 stored" "events stored   3 (1 new cases)"
expect_eq "iso-titik: the stamps by hand" \
	"$(sqlite3 "$TMP/iso-titik.db" "SELECT activity, end_ms FROM events ORDER BY activity" | tr '\n' ' ')" \
	"A|1750814100000 B|1750814130000 C|1750814100000 "
