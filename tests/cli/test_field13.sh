#!/usr/bin/env bash
# tests/cli/test_field13.sh - thirteenth field round of the event-log side:
# registers written by hand as Indonesian offices keep them
# (tests/data/logs/field13/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2) and stops at the end of step 4 (step 5, the applicant's
# receipt, is the applicant's time).  Calendar id-wib: Mon-Thu 07:30-12:00
# 13:00-16:00, Fri 07:30-11:30 13:00-16:30 (450 a day).  Mon 18 Aug 2025
# is a holiday (cuti bersama added by the 2025 amendment); 17 Aug is a
# Sunday.
. tests/cli/lib.sh

F=tests/data/logs/field13
MD=tests/data/models

# ---- 1. the part of the day after a 12-hour clock: pagi, siang, sore, malam --
# register-pagi-siang.csv is a register typed by hand in Excel (';',
# CRLF): "Senin, 11 Agustus 2025 01.00 siang", the hour of a 12-hour clock
# and the part of the day after it, as Indonesian text writes a time.
# pagi 00-11, siang 11-17 (01.00 siang = 13:00), sore 13-19 (03.00 sore =
# 15:00), malam 18-23 (07.30 malam = 19:30), any case ("Pagi").
# Before: 'no readable time stamp in the first 5 rows', the register
# refused whole, exit 2.
# B-01: 1 Mon 08:00-08:15 15 (-15); 2 08:20-08:35 15; 3 Mon 13:00 -> Wed
# 10:00 = 180 + 450 + 150 = 780 (-120); 4 Wed 13:30-14:30 60; 5 15:00-
# 15:15 15.  Accepted Mon 08:35, done Wed 14:30: Mon 205 + 180 = 385, Tue
# 450, Wed 270 + 90 = 360: 1195; deadline 385 + 450 + 450 = 1285, 65 more
# on Thu 14 Aug from 07:30 = 08:35.
# B-02 filed online Tue 12 Aug 19:15-19:30 (malam: outside office hours, 0
# working minutes, -30); 2 Wed 08:00-08:15 15; 3 Wed 08:30 -> Fri 11:00
# siang = 210 + 180 + 450 + 210 = 1050 (+150, over); 4 Fri 13:30-14:15 45
# (-15); 5 Tue 19 Aug 09:00-09:10 10 (-5).  Accepted Wed 08:15, done Fri
# 14:15: 225 + 180 + 450 + 240 + 75 = 1170, within; deadline: Wed 405 +
# Thu 450 + Fri 450 = 1305, 45 more after Sat, Sun and the Mon 18 Aug
# holiday: Tue 19 Aug 08:15; the receipt at 09:10 is after it, the
# applicant's lateness (applicant_late), not the office's.
DB=$TMP/pagi.db
run "$MUTU" ingest $F/register-pagi-siang.csv --db "$DB" --models $MD --tz WIB
expect_rc "pagi/siang: the register ingests" 0
expect_out_has "pagi/siang: every row stored" "events stored   10 (2 new cases)"
expect_eq "pagi/siang: B-01 1195, 01.00 siang is 13:00" "$(case_steps B-01 "$DB")" \
	"1195 2025-08-14T08:35:00+07:00 False 1:Pemohon:15:-15:- 2:Front Office:15:0:- 3:budi:780:-120:- 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
expect_eq "pagi/siang: B-02 1170, filed 07.15 malam, over the holiday" "$(case_steps B-02 "$DB")" \
	"1170 2025-08-19T08:15:00+07:00 False 1:Pemohon:0:-30:- 2:Front Office:15:0:- 3:ani:1050:150:over 4:Kepala Dinas:45:-15:- 5:Pemohon:10:-5:applicant_late"
# the August report: 2 finished, both within, median (1170 + 1195) / 2
expect_eq "pagi/siang: the August report" "$(month_json 2025-08 "$DB")" "2 2 1182.5 0"
# the instants: 13 Aug 2025 00:00 WIB = 12 Aug 17:00Z = 1755018000000.
# 13/08 day first (13 > 12); "02.00 siang" 14:00 = +50400000; a 24-hour
# hour with its word ("13.00 siang") stays 13:00 = +46800000; "11.00
# siang" is 11:00 = +39600000; "08.00 malam" 20:00 = +72000000.  Hours
# outside the word are bad stamps, rejected with the value, never
# guessed: "12.15 malam" (midnight of which day?), "01.00 malam" (dini
# hari, the next day's), "14.00 pagi", "09.00 sore".
printf '%s\n' 'case;activity;timestamp' 'K1;A;13/08/2025 02.00 siang' 'K1;B;13/08/2025 13.00 siang' \
	'K1;C;13/08/2025 11.00 siang' 'K1;D;13/08/2025 08.00 malam' 'K1;E;13/08/2025 12.15 malam' \
	'K1;F;13/08/2025 01.00 malam' 'K1;G;13/08/2025 14.00 pagi' 'K1;H;13/08/2025 09.00 sore' >"$TMP/jam.csv"
run "$MUTU" ingest "$TMP/jam.csv" --db "$TMP/jam.db" --tz WIB
expect_out_has "day part: 4 stored, 4 rejected" "events stored   4 (1 new cases)"
expect_eq "day part: the instants by hand" \
	"$(sqlite3 "$TMP/jam.db" "SELECT activity || ':' || (end_ms - 1755018000000) FROM events ORDER BY activity" | tr '\n' ' ')" \
	"A:50400000 B:46800000 C:39600000 D:72000000 "
run "$MUTU" db rejected --db "$TMP/jam.db"
expect_out_has "day part: 12.15 malam refused, named" "bad timestamp in timestamp: '13/08/2025 12.15 malam'"
expect_out_has "day part: 14.00 pagi refused, named" "bad timestamp in timestamp: '13/08/2025 14.00 pagi'"

# ---- 2. a signature block under the register: Mengetahui, the NIP ---------
# rekap-tanda-tangan.csv is an office's monthly recap as printed for the
# head's signature, saved from Excel (';', CRLF): a title, the table, the
# "Jumlah Berkas;2" total, then the place and date, "Mengetahui," and
# "Yang membuat," side by side (columns B and F: the first under the case
# column), the positions, the names, the rank, the NIPs, and the print
# footer "Dicetak pada: ... oleh admin".  Before: the 7 lines of the block
# were rejected rows (one 'missing case id', six with their words taken as
# a case id, 'missing activity') and the August report said its figures
# rested on partial data.  Now they are no-event lines, said apart; the
# print footer stays a title line; the rows are read as before.
# C-01: 1 Tue 19 Aug 08:00-08:20 20 (-10); 2 08:20-08:35 15; 3 Tue 09:00
# -> Thu 21 10:00 = 180 + 180 + 450 + 150 = 960 (+60, over); 4 10:00-11:00
# 60; 5 11:00-11:15 15.  Accepted Tue 08:35, done Thu 11:00: 385 + 450 +
# 210 = 1045; deadline 385 + 450 + 450 = 1285, 65 more on Fri 22 Aug =
# 08:35.  C-02: 1 Wed 20 08:00-08:10 10 (-20); 2 08:10-08:25 15; 3 Wed
# 08:30 -> Thu 10:00 = 210 + 180 + 150 = 540 (-360); 4 10:00-10:45 45
# (-15); 5 11:00-11:15 15.  Accepted Wed 08:25, done Thu 10:45: 215 + 180
# + 195 = 590; deadline Wed 395 + Thu 450 + Fri 450 = 1295, 55 more on Mon
# 25 Aug = 08:25.  August: 2 finished, 2 within, median (1045 + 590) / 2 =
# 817.5, no note.
DB=$TMP/ttd.db
run "$MUTU" ingest $F/rekap-tanda-tangan.csv --db "$DB" --models $MD --tz WIB
expect_rc "signature: ingests" 0
expect_out_has "signature: every row stored, nothing rejected" "events stored   10 (2 new cases)
  rejected        0"
expect_out_has "signature: the block said apart, from its place and date" \
	"7 of them a signature block under the table (first on line 17: 'Rokan Hilir, 29 Agustus 2025'): no event, not a rejected row"
expect_eq "signature: no signature word became a case" \
	"$(sqlite3 "$DB" "SELECT group_concat(case_key, ' ') FROM cases")" "C-01 C-02"
expect_eq "signature: C-01" "$(case_steps C-01 "$DB")" \
	"1045 2025-08-22T08:35:00+07:00 False 1:Pemohon:20:-10:- 2:Front Office:15:0:- 3:budi:960:60:over 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
expect_eq "signature: C-02" "$(case_steps C-02 "$DB")" \
	"590 2025-08-25T08:25:00+07:00 False 1:Pemohon:10:-20:- 2:Front Office:15:0:- 3:ani:540:-360:- 4:Kepala Dinas:45:-15:- 5:Pemohon:15:0:-"
expect_eq "signature: the August report, no partial-data note" "$(month_json 2025-08 "$DB")" "2 2 817.5 0"
# a line of three cells or more stays a row, in the block or not: a
# berkas pasted under the signature with its stamp missing is rejected
# as before, and one with its stamps is stored
{ cat $F/rekap-tanda-tangan.csv; printf '%s\r\n' '11;C-03;uji-sla;Pemohon mengajukan permohonan;Pemohon;;;' \
	'12;C-03;uji-sla;Pemohon mengajukan permohonan;Pemohon;22/08/2025 08.00;22/08/2025 08.10;Selesai'; } >"$TMP/ttd-lagi.csv"
run "$MUTU" ingest "$TMP/ttd-lagi.csv" --db "$TMP/ttd-lagi.db" --models $MD --tz WIB
expect_out_has "signature: rows under it still rows" "events stored   11 (3 new cases)
  rejected        1"

# ---- 3. the date and the time in two columns, some time cells empty -------
# rekap-jam-kosong.csv is an office's recap (BOM, ';', CRLF) kept as
# Tanggal Mulai | Jam Mulai | Tanggal Selesai | Jam Selesai (field round 8
# joins each pair), where the officer left two time cells empty: R1's step
# 3 start (line 4) and R2's step 4 end (line 10).  Before, the date alone
# was read as 00:00: R1's step 3 started at midnight before steps 1 and 2
# (two false order findings, the berkas 'accepted' at 13 Aug 00:00, step 3
# 3.5 hours over from midnight), and R2's step 4 ended at 00:00 before its
# own start ('end before start', naming the dates only).  The moment in
# the day is unknown: a start without its time is left out (said in the
# summary; the step measured from the previous completion, as any step
# without a start), an end without its time is rejected naming both
# columns (never a guessed 00:00).
# R1: 1 Wed 13 Aug 08:00-08:20 20 (-10); 2 08:20-08:35 15; 3 from 08:35 to
# Fri 11:00 = 205 + 180 + 450 + 210 = 1045 (+145, over); 4 Fri 13:00-14:00
# 60; 5 Tue 19 Aug 09:00-09:10 10 (-5).  Accepted Wed 08:35, done Fri
# 14:00: 385 + 450 + 240 + 60 = 1135; deadline 385 + 450 + 450 = 1285, 65
# more after Sat, Sun and Mon 18 Aug (holiday): Tue 19 Aug 08:35, which
# the receipt at 09:10 passes (applicant_late, the applicant's).
# R2: step 4 rejected, so R2 is open (no end of step 4): 1 10 (-20), 2 15,
# 3 Thu 08:30 -> Fri 10:00 = 390 + 150 = 540 (-360).  Accepted Thu 08:25;
# its age at the store's last stamp (Tue 19 Aug 09:10): 395 + 450 + 100 =
# 945; deadline 395 + 450 + 450 = 1295, 55 more on Wed 20 Aug = 08:25.
# August: 1 finished (R1), within, median 1135, one note (the rejected row:
# partial data).
DB=$TMP/jam-kosong.db
run "$MUTU" ingest $F/rekap-jam-kosong.csv --db "$DB" --models $MD --tz WIB
expect_rc "empty time: ingests" 0
expect_out_has "empty time: 8 stored, 1 rejected" "events stored   8 (2 new cases)
  rejected        1"
expect_out_has "empty time: the start left out, said with its line and columns" \
	"1 start(s) with a date and no time of day (first: line 4, Tanggal Mulai '13/08/2025', Jam Mulai empty): left out, not read as 00:00"
run "$MUTU" db rejected --db "$DB"
expect_out_has "empty time: the end rejected, both columns named" \
	"batch 1 line 10: no time of day in Jam Selesai beside Tanggal Selesai '15/08/2025': the date alone would read as 00:00 (fill in the time)"
expect_eq "empty time: R1 accepted 08:35, step 3 from step 2's end, no order finding" "$(case_steps R1 "$DB")" \
	"1135 2025-08-19T08:35:00+07:00 False 1:Pemohon:20:-10:- 2:Front Office:15:0:- 3:Tim Teknis:1045:145:over 4:Kepala Dinas:60:0:- 5:Pemohon:10:-5:applicant_late"
expect_eq "empty time: R2 open at step 4" "$(case_steps R2 "$DB")" \
	"945 2025-08-20T08:25:00+07:00 False 1:Pemohon:10:-20:- 2:Front Office:15:0:- 3:Tim Teknis:540:-360:-"
expect_eq "empty time: the August report" "$(month_json 2025-08 "$DB")" "1 1 1135 1"

# ---- 4. an Excel serial day number among the text dates of a column -------
# register-serial-campur.csv: a register typed in an Indonesian Excel
# (';', CRLF, day-first dates with the hour after a dot) where four cells
# were re-typed into cells Excel held as General and saved as serials
# with a decimal comma.  1900 system: 45658 = 1 Jan 2025, + 222 days = 11
# Aug 2025 = 45880; 45882 = 13 Aug.  0,3472222222 x 86400 = 30000 s =
# 08:20, 0,3576388889 -> 30900 s = 08:35, 0,5416666667 -> 46800 s =
# 13:00, 0,6041666667 -> 52200 s = 14:30.  The 1904 reading is 1462 days
# later (2029), far from the dates beside them; the 1900 one is within
# the text dates read before.  Before: the three rows with a serial were
# rejected ('bad timestamp'), S-01 lost steps 2-4 (no acceptance, no
# finish).  Now read from 1900, said in a note.  S-01 is section 1's B-01
# to the minute: 1195, deadline Thu 14 Aug 08:35, steps 15 / 15 / 780 /
# 60 / 15.  A whole column of serials stays refused (test_field3.sh).
DB=$TMP/serial.db
run "$MUTU" ingest $F/register-serial-campur.csv --db "$DB" --models $MD --tz WIB
expect_out_has "serial among dates: every row stored" "events stored   5 (1 new cases)
  rejected        0"
expect_out_has "serial among dates: said, both readings" \
	"4 stamp(s) written as Excel serial day numbers among text dates (first: line 3, 45880,3472222222 would be 2025-08-11 08:20 counted from 1900, 2029-08-12 08:20 from 1904): read counted from 1900"
expect_eq "serial among dates: S-01 as B-01" "$(case_steps S-01 "$DB")" \
	"1195 2025-08-14T08:35:00+07:00 False 1:Pemohon:15:-15:- 2:Front Office:15:0:- 3:budi:780:-120:- 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
# a serial before any date was read has nothing to agree with: rejected,
# its two readings and the fix in the reason (the row after it is read)
printf '%s\n' 'case;activity;timestamp' 'K1;A;45880,3472222222' 'K1;B;13/08/2025 08.35' 'K1;C;45880,5416666667' >"$TMP/serial-awal.csv"
run "$MUTU" ingest "$TMP/serial-awal.csv" --db "$TMP/serial-awal.db" --tz WIB
expect_out_has "serial first: 2 stored, 1 rejected" "events stored   2 (1 new cases)
  rejected        1"
run "$MUTU" db rejected --db "$TMP/serial-awal.db"
expect_out_has "serial first: the reason names both readings and the fix" \
	"bad timestamp in timestamp: an Excel serial day number (45880,3472222222 would be 2025-08-11 08:20 counted from 1900, 2029-08-12 08:20 from 1904), and no date read before it tells which; format the column as a date and time (yyyy-mm-dd hh:mm:ss)"

# ======== what passed unchanged (pins) ========
# ---- 5. PM4Py's format_dataframe output, Disco's CSV, XES concept:instance --
# pm4py-format-dataframe.csv: pandas' to_csv of a frame after
# pm4py.format_dataframe (the unnamed index column, @@index,
# @@case_index), stamps in UTC with '+00:00' and microseconds, the
# interval columns start_timestamp / time:timestamp, "case:Izin" the SOP.
# B-01's timeline (section 1) 7 hours earlier in UTC, but step 2 from
# 01:20:00.123456 to 01:35:00.654321: stored to the millisecond (.123,
# .654), so step 2 is 15 min + 0.531 s = 15.00885 min and the lead from
# 08:35:00.654 is 1195 - 0.654 / 60 = 1194.9891; the deadline 08:35:00.654
# shown to the second as 08:35:01.
DB=$TMP/pm4py.db
run "$MUTU" ingest $F/pm4py-format-dataframe.csv --db "$DB" --models $MD
expect_out_has "pm4py format_dataframe: every row" "events stored   5 (1 new cases)"
expect_eq "pm4py format_dataframe: microseconds kept to the millisecond" "$(case_steps P-0811 "$DB")" \
	"1194.9891 2025-08-14T08:35:01+07:00 False 1:Pemohon:15:-15:- 2:Front Office:15.00885:0.008850002289:- 3:budi:780:-120:- 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
# disco-export.csv: Fluxicon Disco's "Export to CSV" (every field quoted,
# CRLF, "2025/08/11 08:00:00.000", Variant columns, the "Izin" attribute
# the SOP), local stamps at --tz WIB: B-01 exactly (1195).
DB=$TMP/disco.db
run "$MUTU" ingest $F/disco-export.csv --db "$DB" --models $MD --tz WIB
expect_eq "disco export: B-01's figures" "$(case_steps D-01 "$DB")" \
	"1195 2025-08-14T08:35:00+07:00 False 1:Pemohon:15:-15:- 2:Front Office:15:0:- 3:budi:780:-120:- 4:Kepala Dinas:60:0:- 5:Pemohon:15:0:-"
# xes-concept-instance.xes (XES 1849-2016, start/complete): step 3 run by
# two instances at once, concept:instance 1 (budi, Mon 09:00 -> Wed 10:00)
# and 2 (ani, Mon 10:00 -> Tue 10:00), their completes in the other order.
# Each complete takes its own instance's start: budi 180 + 180 + 450 +
# 150 = 960 (+60, over), ani 120 + 180 + 150 = 450 (-450; the second
# execution of the step: 'rework', as field round 11 reads a second
# instance).  Step 4 complete only, from the previous completion (Wed
# 10:00) to 11:00 = 60.  Accepted Mon 08:35, done Wed 11:00: 1045.
DB=$TMP/instance.db
run "$MUTU" ingest $F/xes-concept-instance.xes --db "$DB" --models $MD
expect_eq "xes concept:instance: each complete its own start" "$(case_steps P-01 "$DB")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:15:-15:- 2:Front Office:15:0:- 3:budi:960:60:over 3:ani:450:-450:rework 4:Kepala Dinas:60:0:-"
