#!/usr/bin/env bash
# tests/cli/test_field10.sh - tenth field round of the event-log side: logs
# written by hand as other tools and Indonesian offices export them
# (tests/data/logs/field10/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2).  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri
# 07:30-11:30 13:00-16:30 (450 a day).
. tests/cli/lib.sh

F=tests/data/logs/field10
MD=tests/data/models

# the audit of one case as "working deadline late step:actual:deviation:flags
# ..." (None where a completion-only log has no measure) and the case's flags
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

# ---- 1. Celonis: _SORTING orders equal EVENTTIMEs; "Izin" is the SOP ------
# celonis-urut.csv is a Celonis activity table (EVENTTIME in Celonis' own
# "2025-07-16 11:00:00.000", no zone: --tz WIB) joined with the case
# table's permit type, a column headed "Izin", its rows in reverse order
# (newest first, as an analyst's table sorted descending).  Two pairs of
# steps share a stamp: the applicant's submission and the Front Office's
# acceptance (Mon 14 Jul 2025 08:35, _SORTING 10, 20), the Kadis' signature
# and the hand-over (Wed 16 Jul 11:00, 40, 50); the Tim Teknis finished Wed
# 10:00 (30).  Before: "Izin" stayed an attribute (sop null: no SOP, no
# deadline); read with --sop-col Izin, the equal stamps kept file order
# (2 before 1, 5 before 4): steps 1 and 4 flagged 'order', step 5 charged
# step 4's 10:00-11:00 = 60 of 15 (+45, a false 'over'), step 4 0.  Now by
# time, then _SORTING: 1, 2, 3, 4, 5.  No holiday Mon 14 - Thu 17 Jul.
# Accepted Mon 08:35, done Wed 11:00.  Lead: Mon 08:35-12:00 205 + 13:00-
# 16:00 180 = 385, Tue 450, Wed 07:30-11:00 210: 1045, within 1350.
# Deadline: 385 + 450 + 450 = 1285, 65 more on Thu 17 Jul from 07:30 =
# 08:35.  Steps (each from the previous completion): 1 no measure (the
# first event), 2 08:35 -> 08:35 = 0 of 15 (-15), 3 Mon 08:35 -> Wed 10:00
# = 385 + 450 + 150 = 985 of 900 (+85, over: true), 4 10:00-11:00 60 of
# 60, 5 11:00 -> 11:00 = 0 of 15 (-15).
DB=$TMP/celonis.db
run "$MUTU" ingest $F/celonis-urut.csv --db "$DB" --models $MD --tz WIB
expect_rc "celonis: the table ingests" 0
expect_out_has "celonis: Izin is the SOP column" \
	"case=_CASE_KEY sop=Izin activity=ACTIVITY_EN actor=USER_NAME timestamp=EVENTTIME"
expect_eq "celonis: the case has its SOP" "$(sqlite3 "$DB" "SELECT sop FROM cases")" "uji-sla"
expect_eq "celonis: events.sorting in file order" \
	"$(sqlite3 "$DB" "SELECT group_concat(sorting, ' ') FROM (SELECT sorting FROM events ORDER BY id)")" \
	"50 40 30 20 10"
expect_eq "celonis: _SORTING is still an event attribute" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM event_attrs WHERE name = '_SORTING'")" "5"
expect_eq "celonis: working 1045, deadline Thu 17 Jul 08:35, steps 1-5 in order, no false flags" \
	"$(aud C-0714 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:None:None:- 2:0:-15:- 3:985:85:over 4:60:0:- 5:0:-15:-"
expect_eq "celonis: the July report: 1 finished, 1 within, lead 1045, no note" \
	"$(month_json 2025-07 "$DB")" "1 1 1045 0"
expect_eq "celonis: the export writes the events in step order" \
	"$("$MUTU" db export --format csv --db "$DB" --out - 2>/dev/null | python3 -c "
import csv, sys
print(' '.join(r['step'] for r in csv.DictReader(sys.stdin)))")" "1 2 3 4 5"
expect_eq "celonis: the XES export too (each event's step)" \
	"$("$MUTU" db export --format xes --db "$DB" --out - 2>/dev/null | python3 -c "
import sys, xml.etree.ElementTree as ET
ns = {'x': 'http://www.xes-standard.org/'}
t = ET.parse(sys.stdin).getroot()
ev = [e for e in t.iter() if e.tag.split('}')[-1] == 'event']
print(' '.join(a.get('value') for e in ev for a in e if a.get('key') == 'step'))")" "1 2 3 4 5"
# a _SORTING cell that is no whole number leaves that event without one
# (NULL, read as 0): 'x' on the hand-over puts it before the signature (0 <
# 40), as the file order did before: step 5 10:00-11:00 60 (+45, over),
# step 4 0 (-60) and 'order' (step 5, the applicant's receipt after
# the office's last step, is shown against its waktu but never flagged over:
# test_clock_end.sh).  Said here so nobody takes it for a bug: the
# column's numbers are what orders, and a cell without one gives none.
sed 's/,Pemohon,50\r$/,Pemohon,x\r/' $F/celonis-urut.csv >"$TMP/celonis-x.csv"
run "$MUTU" ingest "$TMP/celonis-x.csv" --db "$TMP/celonis-x.db" --models $MD --tz WIB
expect_eq "celonis: a sorting cell that is no number is NULL" \
	"$(sqlite3 "$TMP/celonis-x.db" "SELECT group_concat(ifnull(sorting, 'NULL'), ' ') FROM (SELECT sorting FROM events ORDER BY id)")" \
	"NULL 40 30 20 10"
expect_eq "celonis: ... and that event sorts as 0" "$(aud C-0714 "$TMP/celonis-x.db")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:None:None:- 2:0:-15:- 3:985:85:over 5:60:45:- 4:0:-60:order"
# a log without such a column stores none
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$TMP/plain.db" --sop uji-sla --models $MD
expect_eq "a log without _SORTING: every sorting NULL" \
	"$(sqlite3 "$TMP/plain.db" "SELECT count(*) FROM events WHERE sorting IS NOT NULL")" "0"

# ---- 2. the same on PostgreSQL ------------------------------------------
# the PostgreSQL store reads a case's events back in another way (one
# joined cursor, binary rows) and its writer streams them by binary COPY:
# the same audit, report and export as on SQLite
if [ "${MUTU_TEST_PG:-1}" != 0 ] && grep -q pg_start tests/pg/pg.sh 2>/dev/null; then
	. tests/pg/pg.sh
	pg_start_checked || exit 1
	PG=$(pg_newdb mutu_field10)
	run "$MUTU" ingest $F/celonis-urut.csv --db "$PG" --models $MD --tz WIB
	expect_rc "pg: the table ingests" 0
	expect_eq "pg: events.sorting stored" \
		"$(psql -X -q -tA -d "$PG" -c "SELECT string_agg(sorting::text, ' ' ORDER BY id) FROM events")" \
		"50 40 30 20 10"
	expect_eq "pg: the audit as on SQLite" "$(aud C-0714 "$PG")" \
		"1045 2025-07-17T08:35:00+07:00 False 1:None:None:- 2:0:-15:- 3:985:85:over 4:60:0:- 5:0:-15:-"
	expect_eq "pg: the July report as on SQLite" "$(month_json 2025-07 "$PG")" "1 1 1045 0"
	expect_eq "pg: the export in step order" \
		"$("$MUTU" db export --format csv --db "$PG" --out - 2>/dev/null | python3 -c "
import csv, sys
print(' '.join(r['step'] for r in csv.DictReader(sys.stdin)))")" "1 2 3 4 5"
fi

# ---- 1b. the same order from XES: _SORTING as an event <int> -------------
# celonis-urut.xes is the table as Celonis' XES export writes it: one
# trace, the events newest first, _SORTING an <int> of each event, stamps
# with their offset.  The reader takes the key as the CSV column: the same
# audit as section 1.  (Before: the file order, as in section 1.)
DB=$TMP/celonis-xes.db
run "$MUTU" ingest $F/celonis-urut.xes --db "$DB" --models $MD
expect_rc "celonis xes: ingests" 0
expect_eq "celonis xes: events.sorting from the <int> key" \
	"$(sqlite3 "$DB" "SELECT group_concat(sorting, ' ') FROM (SELECT sorting FROM events ORDER BY id)")" \
	"50 40 30 20 10"
expect_eq "celonis xes: the audit as the table's" "$(aud C-0714 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:None:None:- 2:0:-15:- 3:985:85:over 4:60:0:- 5:0:-15:-"

# ---- 1c. "Izin" is the SOP only when no column has a name for it ----------
# an office sheet with both "Jenis Izin" (the id) and "Izin" (a remark, as
# some registers keep "Izin: baru / perpanjangan") keeps "Jenis Izin", as
# before; and --sop names every row's SOP whatever the header says
printf '%s\n' 'No Permohonan;Izin;Jenis Izin;Kegiatan;Selesai' \
	'0715;baru;uji-sla;Pemohon mengajukan permohonan;15/07/2025 08.00' >"$TMP/dua-izin.csv"
run "$MUTU" ingest "$TMP/dua-izin.csv" --db "$TMP/dua-izin.db" --models $MD --tz WIB
expect_out_has "izin: Jenis Izin kept as the SOP beside Izin" "sop=Jenis Izin"
expect_eq "izin: the case's SOP from Jenis Izin" "$(sqlite3 "$TMP/dua-izin.db" "SELECT sop FROM cases")" "uji-sla"
run "$MUTU" ingest $F/celonis-urut.csv --db "$TMP/izin-sop.db" --models $MD --tz WIB --sop uji-sla
expect_out_has "izin: with --sop the column stays an attribute" "case=_CASE_KEY activity=ACTIVITY_EN"

# ---- 3. Disco CSV from a Dutch-locale Excel: "3-mrt-2025 08:10" -----------
# disco-mrt.csv is Disco's CSV export (Case ID, Activity, Resource, Start
# Timestamp, Complete Timestamp, Variant, Variant index) opened and saved
# by an Excel in the Dutch locale (';', CRLF, the stamps as its d-mmm-jjjj
# u:mm shows them).  "mrt" is March in Dutch and the short form many
# Indonesian offices write too (Mrt).  Before: refused, exit 2 ("no readable
# time stamp in the first 5 rows ... '3-mrt-2025 08:10'"), as "jul" was
# read.  Now "mrt", "maart", "augustus", "agst" are month names.  Case
# 0303 (--sop uji-sla, WIB), in Ramadan 1446 H: Mon-Thu 08:00-12:00
# 12:30-15:00 (390 a day); no holiday Mon 3 - Thu 6 Mar 2025.  Accepted Mon
# 08:40 (step 2 08:25-08:40), done Wed 11:00 (step 4, the signing: step 5,
# the applicant's receipt at 13:15, is the applicant's time, test_clock_end.sh).
# Lead: Mon 08:40-12:00 200 + 12:30-15:00 150 = 350, Tue 390, Wed
# 08:00-11:00 180: 920, within 1350.  Deadline: 350 + 390 + 390 = 1130, 220 more on
# Thu 6 Mar from 08:00 = 11:40.  Steps: 1 08:10-08:25 15 of 30 (-15), 2 15
# of 15, 3 Mon 09:00-12:00 180 + 150, Tue 390, Wed 08:00-10:00 120 = 840 of
# 900 (-60), 4 10:00-11:00 60, 5 13:00-13:15 15.
DB=$TMP/disco-mrt.db
run "$MUTU" ingest $F/disco-mrt.csv --db "$DB" --models $MD --sop uji-sla
expect_rc "disco mrt: the export ingests" 0
expect_out_has "disco mrt: all 5 stored" "events stored   5 (1 new cases)"
expect_eq "disco mrt: working 920 (Ramadan hours), deadline Thu 6 Mar 11:40, steps by hand" \
	"$(aud 0303 "$DB")" \
	"920 2025-03-06T11:40:00+07:00 False 1:15:-15:- 2:15:0:- 3:840:-60:- 4:60:0:- 5:15:0:-"
expect_eq "disco mrt: the March report: 1 finished, 1 within, lead 920" \
	"$(month_json 2025-03 "$DB")" "1 1 920 0"
# the other names: 3 maart 2025 08:10 WIB = 3 Mar 01:10Z; 4 Agst 2025 09:00
# WIB = 4 Aug 02:00Z; 5 augustus 2025 = 5 Aug.  2025-03-03 is day 20150
# since 1970: 20150 * 86400000 + 4200000 = 1740964200000; 2025-08-04 is day
# 20304: 20304 * 86400000 + 7200000 = 1754272800000
printf '%s\n' 'case_id,activity,end' 'N1,A,3 maart 2025 08:10' 'N1,B,4 Agst 2025 09:00' \
	'N1,C,5 augustus 2025 09:00' >"$TMP/nama.csv"
run "$MUTU" ingest "$TMP/nama.csv" --db "$TMP/nama.db" --tz WIB
expect_eq "month names: maart, Agst, augustus" \
	"$(sqlite3 "$TMP/nama.db" "SELECT group_concat(end_ms, ' ') FROM (SELECT end_ms FROM events ORDER BY id)")" \
	"1740964200000 1754272800000 1754359200000"

# ---- 4. a SiCANTIK report saved from Excel: BOM, CRLF, total rows below --
# sicantik-jumlah.csv is a SiCANTIK process report as an office saves it
# from Excel (UTF-8 with BOM, ';', CRLF, dd/mm/yyyy), the table followed by
# an empty sheet row and the report's footer: "Jumlah Berkas;1", "Total
# Proses;5", "Rata-rata Waktu (Jam);...;18,7".  Before: the footer rows
# were rejected ("missing activity" 3), and the July report said "data
# tidak lengkap: 3 baris log ... ditolak" for a complete export.  Now a row
# whose first cell is a total label (Jumlah, Total, Sub Total, Grand Total,
# Rata-rata) and whose other cells are empty or numbers is no event:
# skipped, counted with the no-event lines, said.  Case 503/0714, Mon 14 -
# Wed 16 Jul 2025, no holiday: accepted Mon 08:35, done Wed 11:00 (the
# signing; the receipt at 13:15 is the applicant's).  Lead: Mon 08:35-12:00
# 205 + 13:00-16:00 180 = 385, Tue 450, Wed 07:30-11:00 210: 1045, within
# 1350.  Deadline: 385 + 450 + 450 =
# 1285, 65 more on Thu 17 Jul from 07:30 = 08:35.  Steps: 1 08:15-08:20 5
# of 30 (-25), 2 15, 3 Mon 09:00-12:00 180 + 180, Tue 450, Wed 07:30-10:00
# 150 = 960 of 900 (+60, over), 4 60, 5 15.
DB=$TMP/sicantik.db
run "$MUTU" ingest $F/sicantik-jumlah.csv --db "$DB" --models $MD
expect_rc "sicantik: the report ingests" 0
expect_out_has "sicantik: 5 rows, 5 stored" "events stored   5 (1 new cases)"
expect_out_has "sicantik: none rejected" "rejected        0"
expect_out_has "sicantik: the footer skipped" "no-event lines  4 skipped"
expect_out_has "sicantik: the total rows said" \
	"3 of them a report's total row (first on line 8: 'Jumlah Berkas'): no event, not a rejected row"
expect_eq "sicantik: working 1045, deadline Thu 17 Jul 08:35, steps by hand" \
	"$(aud 503/0714/DPMPTSP/VII/2025 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:5:-25:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
expect_eq "sicantik: the July report: 1 finished, 1 within, lead 1045, no partial-data note" \
	"$(month_json 2025-07 "$DB")" "1 1 1045 0"
# a row that only looks like one stays a row: a label with a stamp beside
# it (an activity named "Total ..."? a case "Jumlah" with a date) is
# rejected or read as before, never skipped
{ cat $F/sicantik-jumlah.csv
  printf '%s\r\n' 'Jumlah;503/0715;uji-sla;Pemohon mengajukan permohonan;Pemohon;15/07/2025 08:15;15/07/2025 08:20;Selesai'; } >"$TMP/jumlah-baris.csv"
run "$MUTU" ingest "$TMP/jumlah-baris.csv" --db "$TMP/jumlah-baris.db" --models $MD
expect_out_has "sicantik: a row with a total word and stamps stays a row" "events stored   6 (2 new cases)"

# ---- 5. bupaR's write_xes (R's xesreadR): Time under "concept", +00:00 ----
# bupar-write-xes.xes is written as xesreadR's createXES (which bupaR's
# write_xes calls) writes a log: no XML encoding, xes.version 2.0, the
# Time extension declared under the prefix "concept" (its typo), <global>
# defaults "default" and 1970, concept:instance from activity_instance_id,
# the .order column, R's NA written as "NA" (the applicant's steps have no
# resource), and every date written by strftime(..., "%Y-%m-%dT%H:%M:%S.000
# +00:00"): the wall clock of the eventlog (here an office's WIB times)
# labelled +00:00 whatever its zone.  Before: the Time alias made every
# concept:* key a time:* one (concept:name read as time:name, dropped as
# a person's name): 10 events, 10 rejected ("missing case id"), nothing
# stored.  Now a prefix that is another standard extension's own is no
# alias, and in a log with that signature "+00:00" stamps are read as
# local times (--sop uji-sla: WIB) and "NA" as no value, said in a note.
# The case is section 4's timeline: 1045, deadline Thu 17 Jul 08:35.
# (Read as UTC, 08:15+00:00 would be 15:15 WIB, past office hours.)
DB=$TMP/bupar-xes.db
run "$MUTU" ingest $F/bupar-write-xes.xes --db "$DB" --models $MD --sop uji-sla
expect_rc "bupaR xes: ingests" 0
expect_out_has "bupaR xes: all 10 stored" "events stored   10 (1 new cases)"
expect_out_has "bupaR xes: the Time alias refused" "Time (concept: another extension's own prefix, ignored)"
expect_out_has "bupaR xes: the stamps and NA said" \
	"10 stamp(s) read as local times (at --tz or the SOP calendar's zone; --tz UTC if they really are UTC), 4 'NA' value(s) as R's missing values"
expect_eq "bupaR xes: 08:15 WIB (01:15Z), no actor for NA" \
	"$(sqlite3 "$DB" "SELECT min(start_ms) || ' ' || count(*) FILTER (WHERE actor IS NULL) FROM events")" \
	"1752455700000 4"
expect_eq "bupaR xes: working 1045, deadline Thu 17 Jul 08:35, steps by hand" \
	"$(aud R-0714 "$DB")" \
	"1045 2025-07-17T08:35:00+07:00 False 1:5:-25:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
# without a zone (no --sop, no --tz) the local stamps are refused as any
# log of local stamps is, exit 2, with the way out named
run "$MUTU" ingest $F/bupar-write-xes.xes --db "$TMP/bupar-nozone.db"
expect_rc "bupaR xes: no zone: refused" 2
expect_err_has "bupaR xes: no zone: not read as UTC, the way out named" \
	"time stamps have no UTC offset (time:timestamp: '2025-07-14T08:15:00.000') and no zone is known; give --tz"
# a log that declares an extension under another extension's prefix
# without being xesreadR's keeps its +00:00 (UTC) stamps: Lifecycle under
# "org" is ignored, org:resource stays the actor
sed -e 's|<extension name="Time" prefix="concept"|<extension name="Time" prefix="time"|' \
	-e 's|uri="http://www.xes-standard.org/concept.xesext" />|&\n<extension name="Lifecycle" prefix="org" uri="http://www.xes-standard.org/lifecycle.xesext" />|' \
	$F/bupar-write-xes.xes >"$TMP/org-lc.xes"
run "$MUTU" ingest "$TMP/org-lc.xes" --db "$TMP/org-lc.db" --sop uji-sla --models $MD
expect_eq "another prefix clash: UTC kept (08:15Z), org:resource the actor" \
	"$(sqlite3 "$TMP/org-lc.db" "SELECT min(start_ms) || ' ' || count(*) FILTER (WHERE actor = 'Tim Teknis') FROM events")" \
	"1752480900000 2"

# ---- 6. the permit named as its model names it: "Izin Uji Nama Berkas" ----
# sicantik-nama-izin.csv is section 4's SiCANTIK report a week later whose
# Jenis Izin holds the permit's name, as SiCANTIK writes it, not mutu's id;
# the model (field10/models/uji-nama.ini, uji-sla's steps) has the id
# uji-nama and that name: an id need not be its name's slug (the shipped
# perizinan-sicantik-cloud is named "Perizinan melalui Aplikasi Sicantik
# Cloud").  Before: "no model .../izin-uji-nama-berkas.ini", no zone
# either, so the whole log was refused (exit 2: give --tz); with --tz the
# case had no steps, no ceiling and no deadline.  Now the model is found by
# its name, said.  Mon 21 - Wed 23 Jul 2025, no holiday: section 4's times
# a week later: 1045, within; deadline Thu 24 Jul 08:35.
M10=$F/models
DB=$TMP/nama-izin.db
run "$MUTU" ingest $F/sicantik-nama-izin.csv --db "$DB" --models $M10
expect_rc "nama izin: ingests (the model's calendar gives the zone)" 0
expect_out_has "nama izin: the model found by its name" "SOP 'Izin Uji Nama Berkas': the model uji-nama, by its name"
expect_eq "nama izin: the case's SOP is the model's id" "$(sqlite3 "$DB" "SELECT sop FROM cases")" "uji-nama"
expect_eq "nama izin: working 1045, deadline Thu 24 Jul 08:35, steps by hand" \
	"$("$MUTU" audit --case 503/0721/DPMPTSP/VII/2025 --db "$DB" --models $M10 --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(c['working'], c['deadline'], c['late'],
      ' '.join('%s:%s:%s' % (s['step'], s['actual'], s['deviation']) for s in c['steps']))")" \
	"1045 2025-07-24T08:35:00+07:00 False 1:5:-25 2:15:0 3:960:60 4:60:0 5:15:0"
# two models of one name: no guess, said (tests/data/models has uji-sla and
# uji-sla-cs1, both "Izin Uji SLA")
sed 's/;Izin Uji Nama Berkas;/;Izin Uji SLA;/' $F/sicantik-nama-izin.csv >"$TMP/dua-nama.csv"
run "$MUTU" ingest "$TMP/dua-nama.csv" --db "$TMP/dua-nama.db" --models $MD --tz WIB
expect_out_has "nama izin: two models of the name: not guessed" \
	"SOP 'Izin Uji SLA': two models in 'tests/data/models' are named 'Izin Uji SLA' (uji-sla-cs1, uji-sla): name the SOP by its id"
expect_eq "nama izin: ... the case keeps the name as written" "$(sqlite3 "$TMP/dua-nama.db" "SELECT sop FROM cases")" "Izin Uji SLA"

# ---- 7. an office's web application: JavaScript dates, WITA and WIB -------
# webapp-js-date.csv is the history a Banjarbaru office's own web app
# exports (id_berkas, jenis_layanan, tahapan, petugas, waktu_mulai,
# waktu_selesai), each stamp as JavaScript's Date.toString() writes it in
# the browser's zone: "Mon Jul 28 2025 08:00:00 GMT+0800 (Waktu Indonesia
# Tengah)"; the last step was recorded on a server in Jakarta, "GMT+0700
# (Western Indonesia Time)".  Before: "no case id column" (id_berkas), and
# with the header renamed every stamp was unreadable (the month first, the
# offset after GMT, the zone's name in parentheses).  Now "ID Berkas" is an
# office's case column and those stamps are read at their offsets.  Model
# uji-sla-wita (id-wita: the same hours, WITA).  Mon 28 - Thu 31 Jul 2025,
# no holiday.  Accepted Mon 08:30 (step 2 08:10-08:30), done Wed 15:30
# WITA (the signing; the receipt Thu 07:20 WIB = 08:20 WITA is the
# applicant's).  Lead: Mon 08:30-12:00 210 + 13:00-16:00 180 = 390, Tue
# 450, Wed 07:30-12:00 270 + 13:00-15:30 150 = 420: 1260, within 1350.
# Deadline: 390 + 450 + 450 = 1290, 60 more on Thu from 07:30 = 08:30
# WITA: the office done the day before.  Steps: 1 08:00-08:10 10 of 30 (-20), 2 20 of 15 (+5), 3 Mon
# 08:45-12:00 195 + 180, Tue 450, Wed 07:30-12:00 270 + 13:00-14:00 60 =
# 1155 of 900 (+255), 4 Wed 14:00-15:30 90 of 60 (+30), 5 Thu 08:00-08:20
# WITA 20 of 15 (+5: the applicant's, shown, not flagged over).
DB=$TMP/webapp.db
run "$MUTU" ingest $F/webapp-js-date.csv --db "$DB" --models $MD
expect_rc "webapp: ingests" 0
expect_out_has "webapp: id_berkas is the case column" \
	"case=id_berkas sop=jenis_layanan activity=tahapan actor=petugas start=waktu_mulai end=waktu_selesai"
expect_eq "webapp: offsets as written (+08:00, the last step +07:00)" \
	"$(sqlite3 "$DB" "SELECT group_concat(end_off, ' ') FROM (SELECT end_off FROM events ORDER BY id)")" \
	"480 480 480 480 420"
expect_eq "webapp: working 1260, deadline Thu 31 Jul 08:30 WITA, in time; steps by hand" \
	"$(aud BJB-0728 "$DB")" \
	"1260 2025-07-31T08:30:00+08:00 False 1:10:-20:- 2:20:5:over 3:1155:255:over 4:90:30:over 5:20:5:-"
# the stamps alone (the header an old mutu knows): read the same way.
# 28 Jul 2025 is day 20297: 08:00 WITA = 00:00Z = 1753660800000
sed '1s/^id_berkas/no_berkas/' $F/webapp-js-date.csv >"$TMP/webapp-no.csv"
run "$MUTU" ingest "$TMP/webapp-no.csv" --db "$TMP/webapp-no.db" --models $MD
expect_eq "webapp: JavaScript dates read (no_berkas header)" \
	"$(sqlite3 "$TMP/webapp-no.db" "SELECT min(start_ms) || ' ' || count(*) FROM events")" "1753660800000 5"
# the other GMT / UTC forms: GMT+07:00, UTC+8, the month first with a
# comma as an en-US "mmm d, yyyy" writes it, and java.util.Date.toString()
# (the year last, after the zone: "Mon Jul 14 08:15:00 WIB 2025", as a Java
# system writes a date): 14 Jul 2025 08:15 WIB = 01:15Z (day 20283:
# 1752455700000), 09:15 WITA = 01:15Z too.  A zone nobody knows stays a bad
# stamp (rejected, its line named)
printf '%s\n' 'case_id,activity,end' 'a,b,2025-07-14 08:15:00 GMT+07:00' 'a,c,2025-07-14 09:15:00 UTC+8' \
	'a,d,"Jul 14, 2025 08:15:00"' 'a,e,Mon Jul 14 08:15:00 WIB 2025' 'a,f,Mon Jul 14 09:15:00 WITA 2025' \
	'a,g,Mon Jul 14 08:15:00 XYZ 2025' >"$TMP/gmt.csv"
run "$MUTU" ingest "$TMP/gmt.csv" --db "$TMP/gmt.db" --tz WIB
expect_eq "GMT+07:00, UTC+8, Jul 14, 2025, Java's Date" \
	"$(sqlite3 "$TMP/gmt.db" "SELECT group_concat(end_ms || '@' || end_off, ' ') FROM (SELECT * FROM events ORDER BY id)")" \
	"1752455700000@420 1752455700000@480 1752455700000@420 1752455700000@420 1752455700000@480"
expect_eq "an unknown zone after a Java date: rejected with its line" \
	"$(sqlite3 "$TMP/gmt.db" "SELECT line || ' ' || reason FROM rejected")" \
	"7 bad timestamp in end: 'Mon Jul 14 08:15:00 XYZ 2025'"

# ---- 8. pinned: a WITA office's SiCANTIK stamping everything in WIB -------
# sicantik-wib-di-wita.csv: an office in Banjarbaru (model uji-sla-wita,
# id-wita) whose SiCANTIK writes every stamp in WIB with the zone's name
# ("14/07/2025 07:20 WIB" = 08:20 WITA), as domain.md says some do.  Passed
# unchanged: each stamp is read at WIB and measured on the WITA calendar.
# Section 4's clock times one hour later in WIB are its times in WITA: 1045,
# deadline Thu 17 Jul 08:35 WITA; the offsets stored are WIB's (420).
DB=$TMP/wib-di-wita.db
run "$MUTU" ingest $F/sicantik-wib-di-wita.csv --db "$DB" --models $MD
expect_rc "wib in wita: ingests" 0
expect_eq "wib in wita: the offsets as written" \
	"$(sqlite3 "$DB" "SELECT group_concat(DISTINCT end_off) FROM events")" "420"
expect_eq "wib in wita: working 1045, deadline Thu 17 Jul 08:35 WITA" \
	"$(aud W-0714 "$DB")" \
	"1045 2025-07-17T08:35:00+08:00 False 1:5:-25:- 2:15:0:- 3:960:60:over 4:60:0:- 5:15:0:-"
