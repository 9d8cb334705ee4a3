#!/usr/bin/env bash
# tests/cli/test_field11.sh - eleventh field round of the event-log side:
# logs written by hand as other tools and Indonesian offices export them
# (tests/data/logs/field11/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2) and stops at the end of step 4 (step 5, the applicant's
# receipt, is the applicant's time: shown, never flagged over,
# test_clock_end.sh).  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00,
# Fri 07:30-11:30 13:00-16:30 (450 a day).
. tests/cli/lib.sh

F=tests/data/logs/field11
MD=tests/data/models

# the audit of one case as "working deadline late step:actual:deviation:flags
# ..." (None where a step has no measure)
aud() { # CASE DB [more audit options]
	local c=$1 db=$2
	shift 2
	"$MUTU" audit --case "$c" --db "$db" --models $MD --format json --out - "$@" 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['working'], c['deadline'], c['late'],
      ' '.join('%s:%s:%s:%s' % (s['step'], s['actual'], s['deviation'], ','.join(s['flags']) or '-')
               for s in c['steps']))"
}
# the same case's steps as "step:actor:actual ..."
who() { # CASE DB
	"$MUTU" audit --case "$1" --db "$2" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(' '.join('%s:%s:%s' % (s['step'], s['actor'], s['actual']) for s in c['steps']))"
}
# one month's report of SOP uji-sla: step N's "n median p90 max share_over"
# and each actor's "actor:n:max:share_over"
month_steps() { # MONTH DB STEP
	"$MUTU" report monthly --month "$1" --db "$2" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
g = [g for g in json.load(sys.stdin)['groups'] if g['id'] == 'uji-sla'][0]
s = [s for s in g['steps'] if s['no'] == $3][0]
print(s['n'], s['median'], s['p90'], s['max'], s['share_over'], '|',
      ' '.join('%s:%s:%s:%s' % (a['actor'], a['n'], a['max'], a['share_over']) for a in sorted(g['actors'], key=lambda a: a['actor'])))"
}

# ---- 1. Celonis: _SORTING pairs a start and a complete of one second -----
# celonis-serah.csv is a Celonis activity table with a lifecycle column
# (LIFECYCLE start / complete, as an XES log uploaded to Celonis keeps
# lifecycle:transition), stamps to the minute as the office's system
# wrote them (EVENTTIME "2025-07-21 09:00:00.000", no zone: --tz WIB), the
# rows newest first, _SORTING the log's order.
# C-0721: budi opened step 3 Mon 21 Jul 09:00 (50) and fell ill; ani
# closed his task Tue 10:00 (60) and opened her own in the same minute
# (70), closed Wed 10:00 (80).  Before: ani's Tue close took ani's Tue
# start (the actor matched; its second is the close's, the sorting
# ignored): 0 minutes, and budi's Mon start went to ani's Wed close: 960
# of 900, a false 'over'.  Now a start that the sorting puts after a
# completion of the same second is no start of it.  Step 3: Mon
# 09:00-12:00 180 + 13:00-16:00 180 + Tue 07:30-10:00 150 = 510 of 900
# (-390); Tue 10:00-12:00 120 + 180 + Wed 150 = 450 (-450, rework).  Step
# 2 08:20-08:35 15, step 4 Wed 10:00-11:00 60, step 5 from 11:00 to 13:15:
# 60 + 15 = 75 (+60, the applicant's).  Accepted Mon 08:35, done Wed
# 11:00: Mon 08:35-12:00 205 + 180, Tue 450, Wed 07:30-11:00 210 = 1045,
# within 1350; deadline 385 + 450 + 450 = 1285, 65 more on Thu 24 Jul
# from 07:30 = 08:35.  No holiday 21 Jul - 1 Aug 2025.
DB=$TMP/serah.db
run "$MUTU" ingest $F/celonis-serah.csv --db "$DB" --models $MD --tz WIB
expect_rc "celonis serah: ingests" 0
expect_out_has "celonis serah: LIFECYCLE and _SORTING read" \
	"case=_CASE_KEY sop=Izin activity=ACTIVITY_EN actor=USER_NAME timestamp=EVENTTIME lifecycle=LIFECYCLE"
expect_eq "celonis serah: handed over and reopened in one minute: 510 and 450, no false over" \
	"$(aud C-0721 "$DB")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:15:0:- 3:510:-390:- 3:450:-450:rework 4:60:0:- 5:75:60:-"
# C-0728: the disposition opened step 3 for budi (40) and ani (50) in the
# same minute, Mon 28 Jul 09:00; the system closed the two tasks (no
# USER_NAME) Tue 10:00 (60) and Wed 10:00 (70).  The earliest completion
# takes the earliest start (FIFO), and of two starts of one minute the
# first in the log's order: budi's.  Before, the file's order (ani's row
# is above budi's in a newest-first table): ani 510, budi 960 and over.
# budi: Mon 09:00 -> Tue 10:00 = 510 (as C-0721); ani: Mon 09:00 -> Wed
# 10:00 = 360 + 450 + 150 = 960 (+60, over; the second execution: rework).
expect_eq "celonis serah: two starts of one minute: the first by _SORTING closes first" \
	"$(who C-0728 "$DB")" \
	"1:Pemohon:None 2:Front Office:15 3:budi:510 3:ani:960 4:Kepala Dinas:60 5:Pemohon:75"
# the manager's July report: step 3's executions 510, 450 (C-0721), 510,
# 960 (C-0728): n 4, median (510 + 510) / 2 = 510, p90 at rank 0.9 * 3 =
# 2.7: 510 + 0.7 * (960 - 510) = 825, max 960, over 1 of 4.  Actors (by
# name): ani 510, 450, 960 (max 960, over 1 of 3), budi 510.
expect_eq "celonis serah: the July report's step 3 and actors" \
	"$(month_steps 2025-07 "$DB" 3)" \
	"4 510 825 960 0.25 | Front Office:2:15:0 Kepala Dinas:2:60:0 Pemohon:2:75:1 ani:3:960:0.3333333333 budi:1:510:0"
expect_eq "celonis serah: both finished within, lead 1045" "$(month_json 2025-07 "$DB")" "2 2 1045 0"
# without _SORTING nothing changes: equal stamps keep pairing as before
# (the file's order is not trusted for it: a newest-first export lists a
# 0-minute execution's complete above its start).  A start and complete
# of one minute, the complete first in the file: 0 minutes, paired.
printf '%s\n' 'case_id,sop,activity,actor,lifecycle,timestamp' \
	'Z1,uji-sla,Front Office memeriksa kelengkapan berkas,Front Office,complete,2025-07-21 08:35' \
	'Z1,uji-sla,Front Office memeriksa kelengkapan berkas,Front Office,start,2025-07-21 08:35' \
	'Z1,uji-sla,Pemohon mengajukan permohonan,Pemohon,complete,2025-07-21 08:15' >"$TMP/nol.csv"
run "$MUTU" ingest "$TMP/nol.csv" --db "$TMP/nol.db" --models $MD --tz WIB
expect_eq "no sorting column: a 0-minute execution listed complete-first still pairs" \
	"$(who Z1 "$TMP/nol.db")" "1:Pemohon:None 2:Front Office:0"

# ---- 2. Excel's text formula ="000123": a web application's export -------
# webapp-teks-juli.csv is the July register as an office's web application
# (PHP) exports it for Excel: the nomor registrasi, the NIK and the stamps
# written ="000123" so that Excel keeps the leading zeros and leaves the
# dates alone; CRLF, no zone (the model's calendar: WIB).  The berkas'
# step 3 is still open at the export.  webapp-teks-agustus-excel.csv is
# the August register opened in an id-ID Excel and saved (';', the values
# plain: 000123); it closes step 3 and holds a second berkas 123 (another
# berkas: the zeros are part of the number).  Before: the July file was
# refused (exit 2, "no readable time stamp ... '=\"2025-07-31 08:00:00\"'");
# with plain stamps its case was '="000123"', apart from August's 000123.
# Now the text inside is the value, said.
# 000123, Thu 31 Jul - Mon 4 Aug 2025, no holiday: accepted Thu 08:35, done
# Mon 11:00.  Lead: Thu 08:35-12:00 205 + 13:00-16:00 180 = 385, Fri
# 07:30-11:30 240 + 13:00-16:30 210 = 450, Mon 07:30-11:00 210: 1045.
# Deadline: 385 + 450 + 450 = 1285, 65 more on Tue 5 Aug from 07:30 =
# 08:35.  Steps: 1 08:00-08:15 15 of 30 (-15), 2 08:20-08:35 15, 3 Thu
# 09:00-12:00 180 + 180, Fri 450, Mon 07:30-10:00 150 = 960 (+60, over;
# the July row open, closed by August's: one execution, test_field8.sh),
# 4 60, 5 13:00-13:15 15.
# 123, Fri 1 Aug - Mon 4 Aug: accepted Fri 08:30, done Mon 10:00: Fri
# 08:30-11:30 180 + 210 = 390, Mon 07:30-10:00 150: 540.  Deadline: 390 +
# 450 + 450 = 1290, 60 more on Wed 6 Aug = 08:30.  Steps: 1 10 (-20), 2 20
# (+5, over), 3 390 + Mon 07:30-09:30 120 = 510 (-390), 4 30 (-30), 5
# 15 (its 10:30-10:45 start and end: 15).
DB=$TMP/teks.db
run "$MUTU" ingest $F/webapp-teks-juli.csv --db "$DB" --models $MD
expect_rc "excel text: the July export ingests" 0
expect_out_has "excel text: said" \
	"11 value(s) written as Excel's text formula (=\"000123\", as an application's export keeps leading zeros for Excel): read as the text inside (000123)"
expect_out_has "excel text: the NIK still dropped" "dropped personal columns: nik_pemohon"
run "$MUTU" ingest $F/webapp-teks-agustus-excel.csv --db "$DB" --models $MD
expect_rc "excel text: the August export ingests" 0
expect_eq "excel text: 000123 one berkas over both exports, 123 another" \
	"$(sqlite3 "$DB" "SELECT group_concat(case_key || ':' || n, ' ') FROM (SELECT c.case_key, count(*) n FROM cases c JOIN events e ON e.case_id = c.id GROUP BY c.id ORDER BY c.case_key)")" \
	"000123:6 123:5"
expect_eq "excel text: 000123 by hand: 1045, deadline Tue 5 Aug 08:35" "$(aud 000123 "$DB")" \
	"1045 2025-08-05T08:35:00+07:00 False 1:15:-15:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
expect_eq "excel text: 123 by hand: 540, deadline Wed 6 Aug 08:30" "$(aud 123 "$DB")" \
	"540 2025-08-06T08:30:00+07:00 False 1:10:-20:- 2:20:5:over 3:510:-390:- 4:30:-30:- 5:15:0:-"
# the August report: both finished, both within, lead median (540 +
# 1045) / 2 = 792.5
expect_eq "excel text: the August report" "$(month_json 2025-08 "$DB")" "2 2 792.5 0"
# only the whole form is unwrapped: a formula that computes stays as written
printf '%s\n' 'case_id,activity,end' '="A"&"1",x,2025-07-21 08:15' '=B2+1,x,2025-07-21 08:16' \
	'"=""0042""",x,2025-07-21 08:17' >"$TMP/rumus.csv"
run "$MUTU" ingest "$TMP/rumus.csv" --db "$TMP/rumus.db" --tz WIB
expect_eq "excel text: '=\"A\"&\"1\"' and '=B2+1' kept, a quoted '=\"\"0042\"\"' read" \
	"$(sqlite3 "$TMP/rumus.db" "SELECT group_concat(case_key, ' ') FROM (SELECT case_key FROM cases ORDER BY id)")" \
	'="A"&"1" =B2+1 0042'

# ---- 3. bupaR: two executions started in one second differ by instance ----
# bupar-instance.csv is a bupaR eventlog written by readr's write_csv
# (case_id, activity, activity_instance_id, lifecycle_id, resource_id,
# timestamp in UTC with 'Z', .order).  budi opened two executions of step 3
# in the same second, Mon 21 Jul 2025 09:00 WIB (02:00Z): the berkas needs
# two recommendations, instances 3 and 4; 4 completed Tue 10:00, 3 Wed
# 10:00.  The two start rows differ only in activity_instance_id.
# Before: the second was a duplicate of the first (same activity, stamp
# and officer): 9 stored, 1 'duplicate', and instance 4's complete paired
# with nothing (0 minutes from the latest completion, 'rework').  Now the
# instance id is part of what makes an event the same.  --sop uji-sla
# (WIB).  Step 3: instance 4 Mon 09:00 -> Tue 10:00 = 180 + 180 + 150 =
# 510 (-390); instance 3 -> Wed 10:00 = 360 + 450 + 150 = 960 (+60, over;
# the second execution: rework).  Steps 2 (08:20-08:35) 15, 4 60, 5 from
# 11:00 to 13:15 75 (the applicant's).  Accepted Mon 08:35, done Wed
# 11:00: 1045, deadline Thu 24 Jul 08:35 (section 1).
DB=$TMP/instance.db
run "$MUTU" ingest $F/bupar-instance.csv --db "$DB" --models $MD --sop uji-sla
expect_rc "bupaR instance: ingests" 0
expect_out_has "bupaR instance: all 10 stored" "events stored   10 (1 new cases)"
expect_out_has "bupaR instance: no duplicate" "duplicates      0"
expect_eq "bupaR instance: by hand: 510 and 960 (over), 1045" "$(aud R-0721 "$DB")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:15:0:- 3:510:-390:- 3:960:60:over,rework 4:60:0:- 5:75:60:-"
# the next export overlaps: the same 10 rows and a new berkas.  Each row
# met again is a duplicate (the instance too is the same), the new one
# stored: 10 duplicates, 1 stored
{ cat $F/bupar-instance.csv; echo "R-0722,Pemohon mengajukan permohonan,7,complete,Pemohon,2025-07-22T01:15:00Z,11"; } >"$TMP/bupar-lagi.csv"
run "$MUTU" ingest "$TMP/bupar-lagi.csv" --db "$DB" --models $MD --sop uji-sla
expect_out_has "bupaR instance: the overlap: 10 duplicates" "duplicates      10"
expect_out_has "bupaR instance: ... 1 new" "events stored   1 (1 new cases)"
# rows the same in everything, the instance too, are one event as before
{ cat $F/bupar-instance.csv; tail -1 $F/bupar-instance.csv; } >"$TMP/bupar-dua.csv"
run "$MUTU" ingest "$TMP/bupar-dua.csv" --db "$TMP/bupar-dua.db" --models $MD --sop uji-sla
expect_out_has "bupaR instance: a row written twice is one event" "duplicates      1"
# the same on PostgreSQL: its writer keeps the keys in memory (this
# batch's events, the stored events of the cases it meets)
if [ "${MUTU_TEST_PG:-1}" != 0 ] && grep -q pg_start tests/pg/pg.sh 2>/dev/null; then
	. tests/pg/pg.sh
	pg_start_checked || exit 1
	PG=$(pg_newdb mutu_field11)
	run "$MUTU" ingest $F/bupar-instance.csv --db "$PG" --models $MD --sop uji-sla
	expect_out_has "pg: bupaR instance: all 10 stored" "events stored   10 (1 new cases)"
	expect_eq "pg: bupaR instance: the audit as on SQLite" "$(aud R-0721 "$PG")" \
		"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:15:0:- 3:510:-390:- 3:960:60:over,rework 4:60:0:- 5:75:60:-"
	run "$MUTU" ingest "$TMP/bupar-lagi.csv" --db "$PG" --models $MD --sop uji-sla
	expect_out_has "pg: bupaR instance: the overlap: 10 duplicates" "duplicates      10"
	expect_out_has "pg: bupaR instance: ... 1 new" "events stored   1 (1 new cases)"
	PG2=$(pg_newdb mutu_field11b)
	run "$MUTU" ingest "$TMP/bupar-dua.csv" --db "$PG2" --models $MD --sop uji-sla
	expect_out_has "pg: a row written twice is one event" "duplicates      1"
	expect_out_has "pg: ... the other 10 stored" "events stored   10 (1 new cases)"
fi

# ---- 4. pinned: ProM 6's XES 1.0 (OpenXES 1.0RC7) with the MXML lifecycle -
# prom-xes10.xes is written as ProM 6 writes a log converted from MXML:
# xes.version 1.0, xes.features nested-attributes, the namespace
# http://www.xes-standard.org/, <global> placeholders (__INVALID__) and a
# default lifecycle:transition 'complete', the "MXML Legacy Classifier",
# a nested attribute (org:role under org:resource), a <list> and a
# <container>.  Step 3: budi assigned 08:40, started Mon 21 Jul 09:00,
# suspended 15:00, reassigned to ani Tue 08:00, resumed 09:00, completed
# Wed 10:00 by ani; the Kadis' completion has no transition (the global
# default: complete).  Passed unchanged.  What is the working time of a
# suspended step?  The SOP's waktu is how long the berkas may stay at the
# step, and a suspension keeps it there (the clock stops only while the
# berkas is back with the applicant: domain.md), so the execution runs
# start to complete, suspensions included (as field round 1 read it):
# Mon 09:00-12:00 180 + 13:00-16:00 180, Tue 450, Wed 07:30-10:00 150 =
# 960 of 900 (+60, over), the pelaksana the one who completed it (ani).
# Without the suspension (Mon 15:00-16:00 60 + Tue 07:30-09:00 90 = 150)
# it would be 810: a process-mining tool's "working time", not the SOP's.
# Steps 2 15, 4 60, 5 75; 1045, deadline Thu 24 Jul 08:35.
DB=$TMP/prom10.db
run "$MUTU" ingest $F/prom-xes10.xes --db "$DB" --models $MD
expect_rc "prom xes 1.0: ingests" 0
expect_out_has "prom xes 1.0: all 12 stored" "events stored   12 (1 new cases)"
expect_eq "prom xes 1.0: by hand, the suspension inside step 3" "$(aud P-0721 "$DB")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:15:0:- 3:960:60:over 4:60:0:- 5:75:60:-"
expect_eq "prom xes 1.0: step 3's pelaksana, the one who completed it" "$(who P-0721 "$DB" | grep -o "3:[^ ]*")" "3:ani:960"
expect_eq "prom xes 1.0: the nested attribute, the list and the container kept" \
	"$(sqlite3 "$DB" "SELECT group_concat(name || '=' || value, ' | ') FROM (SELECT name, value FROM event_attrs ORDER BY event_id, name)")" \
	'org:resource/org:role=Tim Teknis | dokumen=[{"dokumen":"KTP"},{"dokumen":"NPWP"}] | catatan={"isi":"rekomendasi disetujui","halaman":3}'

# ---- 5. PM4Py's flattened log: "case:Izin" is the SOP as "Izin" is -------
# pm4py-case-izin.csv is pm4py.convert_to_dataframe(log).to_csv() of an XES
# log whose traces carry the permit type as "Izin" (a Celonis-style case
# table exported to XES): PM4Py writes it "case:Izin", beside the index
# column, case:kecamatan, @@index and @@case_index; stamps with their
# offset; completions only.  Before: "case:Izin" was a case attribute and
# the case had no SOP (no deadline, left out of the SOP's report), while
# a bare "Izin" column was the SOP (field round 10) and "case:" is allowed
# before the SOP's other names.  Now "case:" before an office's name of
# the case id or SOP is allowed too.  Mon 21 - Wed 23 Jul 2025: step 1 no
# measure (the first event), 2 08:15 -> 08:35 = 20 of 15 (+5, over), 3
# Mon 08:35 -> Wed 10:00 = 385 + 450 + 150 = 985 of 900 (+85, over), 4
# 60, 5 11:00 -> 13:15 = 75 (+60, the applicant's).  Accepted Mon 08:35,
# done Wed 11:00: 1045, deadline Thu 24 Jul 08:35 (section 1).
DB=$TMP/case-izin.db
run "$MUTU" ingest $F/pm4py-case-izin.csv --db "$DB" --models $MD
expect_rc "case:Izin: ingests" 0
expect_out_has "case:Izin: the SOP column" "case=case:concept:name sop=case:Izin activity=concept:name"
expect_eq "case:Izin: the case's SOP; kecamatan still a case attribute" \
	"$(sqlite3 "$DB" "SELECT c.sop || ' ' || a.name || '=' || a.value FROM cases c JOIN case_attrs a ON a.case_id = c.id WHERE a.name = 'kecamatan'")" \
	"uji-sla kecamatan=Banjarbaru Utara"
expect_eq "case:Izin: by hand: 1045, deadline Thu 24 Jul 08:35" "$(aud 503/0721 "$DB")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:20:5:over 3:985:85:over 4:60:0:- 5:75:60:-"
expect_eq "case:Izin: the July report counts it: 1 finished, within, 1045, no partial-data note" "$(month_json 2025-07 "$DB")" "1 1 1045 0"
# ... and PM4Py's write_xes of a register formatted from an office's
# sheet: the trace attribute "Jenis Izin" (pm4py-jenis-izin.xes, the same
# events).  Before: only sop, sop_id, jenis_izin, jenis_layanan as written
# named a trace's SOP; "Jenis Izin" was a case attribute, no SOP.  Now a
# trace key is compared as a CSV header is.  The same audit.
DB=$TMP/jenis-izin-xes.db
run "$MUTU" ingest $F/pm4py-jenis-izin.xes --db "$DB" --models $MD
expect_out_has "xes Jenis Izin: the SOP key" "sop=Jenis Izin"
expect_eq "xes Jenis Izin: by hand, as the CSV" "$(aud 503/0721 "$DB")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:None:None:- 2:20:5:over 3:985:85:over 4:60:0:- 5:75:60:-"

# ---- 6. PyCelonis + pandas: _SORTING written as floats ("50.0") --------
# pycelonis-float.csv is test_field10.sh's Celonis table (C-0714, rows
# newest first, two pairs of equal stamps) pulled into pandas with
# PyCelonis and saved with to_csv: the index column, EVENTTIME as pandas
# writes a datetime, and _SORTING as floats because one row's is NULL
# (the Tim Teknis row, not at a tie: written empty).  Before: "50.0" was
# no whole number, every event had none, and the equal stamps kept the
# file's (reversed) order: steps 1 and 4 flagged 'order', step 5 charged
# step 4's hour (60 of 15, +45), step 4 0 (field10's "x" check).  Now a
# fraction of zeros is read as the whole number.  The audit is field10's,
# worked out there: 1045, deadline Thu 17 Jul 08:35, steps 1 none, 2 0 of
# 15, 3 985 of 900 (over), 4 60 of 60, 5 0 of 15.
DB=$TMP/pycelonis.db
run "$MUTU" ingest $F/pycelonis-float.csv --db "$DB" --models $MD --tz WIB
expect_rc "pycelonis: ingests" 0
expect_eq "pycelonis: '50.0' is 50, the empty cell none" \
	"$(sqlite3 "$DB" "SELECT group_concat(ifnull(sorting, 'NULL'), ' ') FROM (SELECT sorting FROM events ORDER BY id)")" \
	"50 40 NULL 20 10"
expect_eq "pycelonis: the audit in the log's order" "$(aud C-0714 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:None:None:- 2:0:-15:- 3:985:85:over 4:60:0:- 5:0:-15:-"
# a fraction that is not zeros stays no number (as 'x' in field10)
printf '%s\n' 'case_id,activity,end,_SORTING' 'S,a,2025-07-14 08:35,10.5' 'S,b,2025-07-14 08:35,1.' 'S,c,2025-07-14 08:35,7.00' >"$TMP/pecahan.csv"
run "$MUTU" ingest "$TMP/pecahan.csv" --db "$TMP/pecahan.db" --tz WIB
expect_eq "pycelonis: 10.5 and '1.' none, 7.00 is 7" \
	"$(sqlite3 "$TMP/pecahan.db" "SELECT group_concat(ifnull(sorting, 'NULL'), ' ') FROM (SELECT sorting FROM events ORDER BY id)")" \
	"NULL NULL 7"
