#!/usr/bin/env bash
# tests/cli/test_field9.sh - ninth field round of the event-log side: logs
# written by hand as Indonesian offices and other tools export them
# (tests/data/logs/field9/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2).  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri
# 07:30-11:30 13:00-16:30 (450 a day); in Ramadan 1446 H (1-30 Mar 2025)
# Mon-Thu 08:00-12:00 12:30-15:00, Fri 08:00-11:30 12:30-15:30 (390 a day).
. tests/cli/lib.sh

F=tests/data/logs/field9
MD=tests/data/models

# ---- 1. title lines and rows of separators between joined exports ------
# laporan-gabung.csv is an office's May and June reports saved from Excel
# (';', CRLF) and joined with `cat`: each opens with its title lines
# ("Laporan Berkas Bulan Juni 2025;;;;;", "Dicetak: 01/07/2025", the one
# typed without separators) and an empty sheet row (";;;;;"), and the
# file ends with one.  Lines 1-3 sit above the header (skipped as before);
# lines 8, 9, 10, 11 and 15 sit between and after the blocks.  Before:
# rejected ("blank row" 3, "missing activity" 1, "wrong number of fields"
# 1: rows read 10, rejected 5), so the June report called its figures
# partial.  Now no rows: 5 read, 5 stored, 0 rejected, 5 skipped lines.
# Case 0612 (the case of field8's excel-gabung.csv in dd/mm/yyyy, day
# first since 28/05 can only be read so), accepted Wed 28 May 10:00,
# finished Tue 3 Jun 08:45 (step 4, the office's last step; the
# applicant's receipt at 09:15 is not counted).  Closed: Thu 29 May (LN
# Kenaikan), Fri 30 May (CB), Sun 1 Jun (LN Pancasila).  Working: Wed
# 10:00-12:00 120 + 13:00-16:00 180 = 300; Mon 2 Jun 450; Tue 07:30-08:45
# 75: lead 825 (855 to 09:15 before), within
# 1350.  Deadline: 300 + 450 + 450 = 1200, 150 more on Wed 4 Jun from
# 07:30 = 10:00.  Step 3 Wed 10:15-12:00 105 + 180, Mon 450, Tue 07:30-
# 08:00 30 = 765 of 900: -135; step 1 20 of 30 (-10), step 2 10 of 15
# (-5), step 4 45 of 60 (-15), step 5 15.
DB=$TMP/gabung.db
run "$MUTU" ingest $F/laporan-gabung.csv --db "$DB" --models $MD
expect_rc "gabung: the log ingests" 0
expect_out_has "gabung: 5 rows read" "rows read       5"
expect_out_has "gabung: 5 stored" "events stored   5 (1 new cases)"
expect_out_has "gabung: none rejected" "rejected        0"
expect_out_has "gabung: the skipped lines counted" "no-event lines  5 skipped"
expect_out_has "gabung: the note names the first" \
	"5 line(s) hold no event (first on line 8: a title line or a row of separators between joined exports): skipped, not rows"
expect_eq "gabung: working 825, deadline Wed 4 Jun 10:00, in time; steps by hand" \
	"$(case_json 0612 "$DB")" \
	"825 2025-06-04T10:00:00+07:00 False 1:20:-10:- 2:10:-5:- 3:765:-135:- 4:45:-15:- 5:15:0:-"
expect_eq "gabung: the June report: 1 finished, 1 within, lead 825, no partial-data note" \
	"$(month_json 2025-06 "$DB")" "1 1 825 0"
# a real bad row between the blocks stays a rejected row: a case id with a
# broken stamp (two fields), a case id alone (one token, no prose), and a
# title-like text in another column than the first (no title: a sheet's
# title sits in its first cell)
{ cat $F/laporan-gabung.csv
  printf '%s\r\n' '0613;uji-sla;Pemohon mengajukan permohonan;Pemohon;31/06/2025 09:30;' \
	'0614;;;;;' ';;Berkas Ditolak Pemohon;;;'; } >"$TMP/gabung-buruk.csv"
run "$MUTU" ingest "$TMP/gabung-buruk.csv" --db "$TMP/gabung-buruk.db" --models $MD
expect_out_has "gabung: bad rows still rows: 8 read" "rows read       8"
expect_out_has "gabung: bad rows still rejected: 3" "rejected        3"
expect_out_has "gabung: the broken stamp named" "bad timestamp              1"
expect_out_has "gabung: the skipped lines unchanged" "no-event lines  5 skipped"

# ---- 2. ProM's .xes.gz: <global> placeholders, org:group, a stampless event
# prom-juli.xes.gz is written as ProM 6 (OpenXES 1.0RC7) saves a log:
# gzip, the OpenXES comments, <global> defaults with its placeholders
# (concept:name "__INVALID__", org:resource "UNKNOWN", time:timestamp
# 1970-01-01T01:00+01:00), the MXML Legacy Classifier, start/complete
# pairs, each event's performer only in org:group, and the archive
# clerk's last event written with no time:timestamp key at all.  Before:
# that event was rejected as "time:timestamp empty", as if the key were
# written with no value; now "the event has no time:timestamp key".
# Case P-0701 (trace attribute sop from the trace <global>), Mon 7 - Wed 9
# Jul 2025, no holiday.  Accepted Mon 08:35 (step 2 08:20-08:35), done Wed
# 11:00 (step 4, the office's last step; the receipt at 13:15 is the
# applicant's).  Lead: Mon 08:35-12:00 205 + 13:00-16:00 180 = 385, Tue
# 450, Wed 07:30-11:00 210: 1045, within 1350 (1120 to 13:15 before).  Deadline:
# 385 + 450 + 450 = 1285, 65 more on Thu 10 Jul from 07:30 = 08:35.  Step
# 3 Mon 09:00-12:00 180 + 180, Tue 450, Wed 07:30-10:00 150 = 960 of 900:
# +60, over; step 1 08:00-08:20 20 (-10), step 2 15, step 4 10:00-11:00
# 60, step 5 13:00-13:15 15.  The actor of each is its org:group (the
# UNKNOWN default not applied).
DB=$TMP/prom.db
run "$MUTU" ingest $F/prom-juli.xes.gz --db "$DB" --models $MD
expect_rc "prom: the log ingests" 0
expect_out_has "prom: 10 of 11 events stored" "events stored   10 (1 new cases)"
expect_out_has "prom: the stampless event rejected" "no timestamp               1"
expect_eq "prom: the reject says the key is missing, with the event's line" \
	"$(sqlite3 "$DB" "SELECT line, reason FROM rejected")" \
	"89|no timestamp: the event has no time:timestamp key"
expect_eq "prom: the actors from org:group" \
	"$(sqlite3 "$DB" "SELECT DISTINCT actor FROM events ORDER BY actor" | tr '\n' ' ')" \
	"Front Office Kepala Dinas Pemohon Tim Teknis "
expect_eq "prom: working 1045, deadline Thu 10 Jul 08:35, in time; steps by hand" \
	"$(case_json P-0701 "$DB")" \
	"1045 2025-07-10T08:35:00+07:00 False 1:20:-10:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
# a time:timestamp written with no value is still "empty"
gzip -dc $F/prom-juli.xes.gz | sed 's|<string key="org:group" value="Arsip"/>|&<date key="time:timestamp" value=""/>|' >"$TMP/prom-kosong.xes"
run "$MUTU" ingest "$TMP/prom-kosong.xes" --db "$TMP/prom-kosong.db" --models $MD
expect_eq "prom: a key with no value is 'empty'" \
	"$(sqlite3 "$TMP/prom-kosong.db" "SELECT reason FROM rejected")" \
	"no timestamp: time:timestamp empty"

# ---- 3. dotted dates with every day 12 or lower: day first -------------
# register-titik.csv is an office register saved from Excel (';', CRLF)
# whose stamps are written with dots, "05.06.2025 08.00", as Indonesian
# (and German, Russian) custom formats write them; every day of the case
# is 12 or lower.  Before: refused as ambiguous ("01/02 can be 1 Feb or 2
# Jan") though nobody writes a month-first date with dots.  Now read day
# first, said in a note.  Case D-0605: accepted Thu 5 Jun 2025 08:35,
# finished Wed 11 Jun 11:00 (step 4; the receipt at 13:15 is the
# applicant's).  Closed: Fri 6 Jun (LN Idul Adha), Mon 9 Jun (CB Idul
# Adha).  Lead: Thu 08:35-12:00 205 + 13:00-16:00 180 = 385, Tue 10 Jun
# 450, Wed 07:30-11:00 210: 1045, within 1350 (1120 to 13:15 before).  Deadline: 385 + 450 + 450 = 1285, 65 more on Thu 12 Jun from
# 07:30 = 08:35.  Step 3 Thu 09:00-12:00 180 + 180, Tue 450, Wed 07:30-
# 10:00 150 = 960 of 900: +60, over; steps 1 20 (-10), 2 15, 4 60, 5 15.
DB=$TMP/titik.db
run "$MUTU" ingest $F/register-titik.csv --db "$DB" --models $MD
expect_rc "titik: the log ingests" 0
expect_out_has "titik: all 5 stored" "events stored   5 (1 new cases)"
expect_out_has "titik: the reading said" \
	"dotted dates read day first (--date-format '%d.%m.%Y %H.%M'): '05.06.2025 08.00' (line 2)"
expect_eq "titik: working 1045, deadline Thu 12 Jun 08:35, in time; steps by hand" \
	"$(case_json D-0605 "$DB")" \
	"1045 2025-06-12T08:35:00+07:00 False 1:20:-10:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
expect_eq "titik: the June report: 1 finished, 1 within, lead 1045" \
	"$(month_json 2025-06 "$DB")" "1 1 1045 0"
# dotted with a colon clock and seconds: 04.03.2025 08:00:00 WIB = 4 Mar
# 01:00Z: 2025-03-04 is day 20151 since 1970, 20151 * 86400000 + 3600000
# = 1741050000000 (read month first it would be 3 April)
printf '%s\n' 'case_id,activity,timestamp' 'T1,A,03.03.2025 07:45:00' 'T1,B,04.03.2025 08:00:00' >"$TMP/titik2.csv"
run "$MUTU" ingest "$TMP/titik2.csv" --db "$TMP/titik2.db" --tz WIB
expect_out_has "titik: seconds, both stored" "events stored   2 (1 new cases)"
expect_eq "titik: 04.03.2025 08:00:00 WIB is 4 March" \
	"$(sqlite3 "$TMP/titik2.db" "SELECT end_ms FROM events WHERE activity = 'B'")" "1741050000000"
# slashes and dashes keep the refusal: 05/06/2025 is 5 June in Jakarta and
# May 6 in an en-US Excel
sed 's|\([0-9][0-9]\)\.\([0-9][0-9]\)\.2025|\1/\2/2025|g' $F/register-titik.csv >"$TMP/garis.csv"
run "$MUTU" ingest "$TMP/garis.csv" --db "$TMP/garis.db" --models $MD
expect_rc "titik: the same with slashes stays refused" 2
expect_err_has "titik: slashes ambiguous" "ambiguous (01/02 can be 1 Feb or 2 Jan)"
sed 's|\([0-9][0-9]\)\.\([0-9][0-9]\)\.2025|\1-\2-2025|g' $F/register-titik.csv >"$TMP/strip.csv"
run "$MUTU" ingest "$TMP/strip.csv" --db "$TMP/strip.db" --models $MD
expect_rc "titik: the same with dashes stays refused" 2

# ---- 4. an Excel register with the case's cells merged over its steps --
# sicantik-gabung-sel.csv is an office's register (No, No Permohonan,
# Jenis Izin, Nama Pemohon merged over each case's rows) saved as CSV:
# Excel writes a merged cell's value in its first row only.  Before: every
# row but the first of a case rejected as "missing case id" (5 of 7).
# Now a row without a case id right under a row with one, whose SOP and
# No cells are empty too and which has an activity and a stamp, takes the
# case id and SOP of the row above, said in a note.  Case 0701, Mon 14 -
# Wed 16 Jul 2025, no holiday: accepted Mon 08:35, done Wed 11:00 (step
# 4; the receipt at 13:15 is the applicant's).  Lead: Mon 08:35-12:00 205
# + 180 = 385, Tue 450, Wed 07:30-11:00 210: 1045 (1120 before), within.  Deadline 385 + 450 + 450 = 1285, 65 more Thu 17 Jul from 07:30
# = 08:35.  Step 3 Mon 09:00-12:00 180 + 180, Tue 450, Wed 07:30-10:00
# 150 = 960: +60, over; steps 1 20 (-10), 2 15, 4 60, 5 15.  Case 0702
# (Tue 15 Jul) has steps 1 (09:00-09:25, 25: -5) and 2 (15), still open.
DB=$TMP/sel.db
run "$MUTU" ingest $F/sicantik-gabung-sel.csv --db "$DB" --models $MD
expect_rc "sel: the log ingests" 0
expect_out_has "sel: all 7 stored, 2 cases" "events stored   7 (2 new cases)"
expect_out_has "sel: none rejected" "rejected        0"
expect_out_has "sel: the filled rows said" \
	"5 row(s) without a case id (first: line 3) took the case id of the row above, as an Excel sheet's merged cells leave them"
expect_eq "sel: 0701 working 1045, deadline Thu 17 Jul 08:35; steps by hand" \
	"$(case_json 0701 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:20:-10:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
expect_eq "sel: the events per case, the SOP of each" \
	"$(sqlite3 "$DB" "SELECT c.case_key || ':' || count(*) || ':' || c.sop FROM events e JOIN cases c ON c.id = e.case_id GROUP BY c.id ORDER BY c.case_key" | tr '\n' ' ')" \
	"0701:5:uji-sla 0702:2:uji-sla "
# a row that lost only its case id (its No and Jenis Izin written) stays a
# rejected row, and so does one under a rejected-free gap (a title line)
{ cat $F/sicantik-gabung-sel.csv
  printf '%s\r\n' '3;;uji-sla;Ani;Pemohon mengajukan permohonan;Pemohon;17/07/2025 09:00;17/07/2025 09:20' \
	'Laporan Berkas Bulan Juli 2025;;;;;;;' \
	';;;;Front Office memeriksa kelengkapan berkas;Front Office;17/07/2025 09:20;17/07/2025 09:40'; } >"$TMP/sel-buruk.csv"
run "$MUTU" ingest "$TMP/sel-buruk.csv" --db "$TMP/sel-buruk.db" --models $MD
expect_out_has "sel: a lost case id still rejected: 2" "missing case id            2"
expect_out_has "sel: the 5 merged rows still filled" "5 row(s) without a case id"

# ---- 5. pinned: bupaR's eventlog with status words in other case -------
# bupar-status-huruf.csv is write.csv of a bupaR eventlog (quoted fields,
# activity_instance_id, lifecycle_id "Start" / "COMPLETE" as a hand-edited
# sheet capitalises them, stamps without a zone: the SOP's WIB).  Read
# right before this round; pinned.  Case B1 is the case of section 4 one
# instance per step: lead 1045, deadline Thu 17 Jul 08:35, step 3 over.
DB=$TMP/bupar.db
run "$MUTU" ingest $F/bupar-status-huruf.csv --db "$DB" --models $MD
expect_out_has "bupar: 10 rows stored" "events stored   10 (1 new cases)"
expect_eq "bupar: start/complete paired by instance; values by hand" \
	"$(case_json B1 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:20:-10:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
