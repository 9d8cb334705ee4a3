#!/usr/bin/env bash
# tests/cli/test_field12.sh - twelfth field round of the event-log side:
# logs written by hand as other tools and Indonesian offices export them
# (tests/data/logs/field12/), each the reproducer of a defect or a pin of
# behaviour that passed unchanged, the expected values worked out by hand
# in the comments.  Model uji-sla (tests/data/models): steps 30 Menit, 15
# Menit, 2 Hari (900), 1 Jam, 15 Menit, ceiling 3 Hari (1350 working
# minutes); the clock starts when the Front Office accepts the berkas (end
# of step 2) and stops at the end of step 4 (step 5, the applicant's
# receipt, is the applicant's time: shown, never flagged over).  Calendar
# id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30
# (450 a day).  No holiday 4 - 15 Aug 2025.
. tests/cli/lib.sh

F=tests/data/logs/field12
MD=tests/data/models

# ---- 1. Celonis: a berkas cancelled and reopened in one minute (pi_abort) --
# celonis-batal.csv is a Celonis activity table with the LIFECYCLE column
# an XES upload keeps (field round 11), rows newest first, _SORTING the
# log's order, stamps without zone (--tz WIB).  C-0804: budi opened step 3
# Mon 4 Aug 2025 09:00 (50); at 10:00 the case was cancelled (pi_abort,
# 60: the applicant's withdrawal letter was filed to the wrong berkas) and
# reopened at once, ani opening step 3 in the same minute (70); the system
# closed her task (no USER_NAME) Wed 6 Aug 10:00 (80).
# Before: the Wed close took budi's 09:00 start (FIFO) through the
# cancellation, 960 of 900 (+60, a false 'over', budi's), the cancel then
# removed ani's 10:00 start (a stamp <= its own, the sorting ignored), and
# the pi_abort row stood as a 0-minute execution of step 3 flagged rework.
# Now the cancel ends what was open before it (at its own stamp: what
# _SORTING puts before it), no completion after it takes such a start,
# and a cancel the log goes on after is no execution.  Step 3 is ani's:
# Mon 10:00-12:00 120 + 13:00-16:00 180, Tue 450, Wed 07:30-10:00 150 =
# 900 of 900 (0).  Steps 2 08:20-08:35 15, 4 Wed 10:00-11:00 60, 5 from
# 11:00 to 13:15: 60 + 15 = 75 (+60, the applicant's).  Accepted Mon
# 08:35, done Wed 11:00: Mon 08:35-12:00 205 + 180, Tue 450, Wed
# 07:30-11:00 210 = 1045; deadline 385 + 450 + 450 = 1285, 65 more on
# Thu 7 Aug from 07:30 = 08:35.
DB=$TMP/batal.db
run "$MUTU" ingest $F/celonis-batal.csv --db "$DB" --models $MD --tz WIB
expect_rc "celonis batal: ingests" 0
expect_eq "celonis batal: reopened in the cancel's minute: ani's 900, no false over, no 0-minute rework" \
	"$(case_steps C-0804 "$DB")" \
	"1045 2025-08-07T08:35:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:15:0:- 3:ani:900:0:- 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
# without _SORTING the cancel's own minute is before it (as before): both
# 10:00 rows are ended, the Wed close has no start and is measured from
# the previous completion, Mon 08:35 -> Wed 10:00 = 385 + 450 + 150 = 985
# (+85, over) -- but never from budi's start, which the cancel ended
cut -d, -f1-6 $F/celonis-batal.csv >"$TMP/batal-tanpa.csv"
run "$MUTU" ingest "$TMP/batal-tanpa.csv" --db "$TMP/batal-tanpa.db" --models $MD --tz WIB
expect_eq "celonis batal without _SORTING: step 3 from the previous completion, not through the cancel" \
	"$(case_steps C-0804 "$TMP/batal-tanpa.db" | grep -o ' 3:[^ ]*')" " 3:None:985:85:over"
# a cancel that is the case's last row stays its last event (test_field2.sh's
# A2) and ends budi's open start: the same log cut after the cancel.  The
# cancel row is step 3's last row, measured from the previous completion
# (08:35 -> 10:00 = 85), no open step.  Unchanged.
grep -v -e ',70$' -e ',80$' -e ',90$' -e ',100$' -e ',110$' $F/celonis-batal.csv >"$TMP/batal-akhir.csv"
run "$MUTU" ingest "$TMP/batal-akhir.csv" --db "$TMP/batal-akhir.db" --models $MD --tz WIB
expect_eq "celonis batal: a last cancel ends the open start, the case's last row" \
	"$(case_steps C-0804 "$TMP/batal-akhir.db" | cut -d' ' -f4-)" "1:Pemohon:None:None:- 2:Front Office:15:0:- 3:budi:85:-815:-"

# ---- 2. Disco's XES: the trace attribute "Izin" is the SOP ------------------
# disco-izin.xes is a register imported into Fluxicon Disco (its "Izin"
# and "Kecamatan" columns configured as case attributes) and exported as
# XES (OpenXES 1.0RC7, xes.version 1.0, start and complete events, the
# __INVALID__ placeholders).  Before: the CSV reader took "Izin" as the
# SOP (office names, field round 10) and the XES reader did not: the case
# had no SOP, no deadline, and the manager's report left it out.  Now an
# office's name of the SOP is the SOP in a trace too.  D-0811, Mon 11 -
# Wed 13 Aug 2025: step 1 no measure (the first event), 2 08:20-08:35 15,
# 3 Mon 09:00-12:00 180 + 13:00-16:00 180, Tue 450, Wed 07:30-10:00 150 =
# 960 of 900 (+60, over), 4 60, 5 from 11:00 to 13:15 75 (+60, the
# applicant's).  Accepted Mon 08:35, done Wed 11:00: 385 + 450 + 210 =
# 1045; deadline 385 + 450 + 450 = 1285, 65 more on Thu 14 Aug = 08:35.
DB=$TMP/disco.db
run "$MUTU" ingest $F/disco-izin.xes --db "$DB" --models $MD
expect_rc "disco izin: ingests" 0
expect_out_has "disco izin: the SOP key said" "sop=Izin"
expect_eq "disco izin: the case's SOP; Kecamatan still a case attribute" \
	"$(sqlite3 "$DB" "SELECT c.sop || ' ' || a.name || '=' || a.value FROM cases c JOIN case_attrs a ON a.case_id = c.id")" \
	"uji-sla Kecamatan=Landasan Ulin"
expect_eq "disco izin: by hand: 1045, deadline Thu 14 Aug 08:35" "$(case_steps D-0811 "$DB")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:15:0:- 3:ani:960:60:over 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
# the August report: 1 finished, within, lead 1045, no partial-data note
expect_eq "disco izin: the August report counts it" "$(month_json 2025-08 "$DB")" "1 1 1045 0"
# a tool's name written first stays the SOP, the office's an attribute
sed 's|<string key="concept:name" value="D-0811"/>|&\n\t\t<string key="sop" value="uji-sla"/>|; s|key="Izin" value="uji-sla"|key="Izin" value="Izin Uji"|' \
	$F/disco-izin.xes >"$TMP/dua.xes"
run "$MUTU" ingest "$TMP/dua.xes" --db "$TMP/dua.db" --models $MD
expect_eq "disco izin: 'sop' before 'Izin': sop the SOP, Izin kept" \
	"$(sqlite3 "$TMP/dua.db" "SELECT c.sop || ' ' || group_concat(a.name || '=' || a.value, ' ') FROM cases c JOIN case_attrs a ON a.case_id = c.id")" \
	"uji-sla Izin=Izin Uji Kecamatan=Landasan Ulin"

# ---- 3. an Excel register with merged date cells and the time apart -------
# register-tanggal-gabung.csv is an office's "Buku Register" kept in Excel
# and saved as CSV (';', CRLF, three title lines): one row per step, the
# date in Tanggal merged over the rows of one day (Excel saves it in the
# day's first row only), the time in Jam with the Indonesian dot (08.15),
# the rows of two berkas interleaved as the day went.  Before: the 7 rows
# under a day's first row were rejected "no timestamp" (3 of 10 stored),
# both berkas open with one or two steps.  Now a row with a time of day
# and no date, directly under a row with one, takes that date, said.
# Day first: 13/08/2025 can only be read so.
# B-0811: step 1 Mon 11 Aug 08:15 (the first event, no measure), 2 08:15
# -> 08:35 = 20 of 15 (+5, over), 3 Mon 08:35 -> Wed 13 Aug 10:00 = 205 +
# 180 + 450 + 150 = 985 (+85, over), 4 10:00 -> 11:00 60, 5 11:00 -> 13:15
# = 60 + 15 = 75 (+60, the applicant's).  Accepted Mon 08:35, done Wed
# 11:00: 385 + 450 + 210 = 1045; deadline 385 + 450 + 450 = 1285, 65 more
# on Thu 14 Aug from 07:30 = 08:35.
# B-0812: 2 09:10 -> 09:30 = 20 (+5, over), 3 Mon 09:30 -> Tue 12 Aug
# 14:00 = 150 + 180 + 270 + 60 = 660 (-240), 4 Tue 14:00 -> Wed 08:00 =
# 120 + 30 = 150 of 60 (+90, over), 5 08:00 -> 09:00 = 60 (+45, the
# applicant's).  Accepted Mon 09:30, done Wed 08:00: 330 + 450 + 30 = 810;
# deadline 330 + 450 + 450 = 1230, 120 more on Thu from 07:30 = 09:30.
DB=$TMP/gabung.db
run "$MUTU" ingest $F/register-tanggal-gabung.csv --db "$DB" --models $MD
expect_rc "merged dates: ingests" 0
expect_out_has "merged dates: all 10 stored" "events stored   10 (2 new cases)"
expect_out_has "merged dates: said" \
	"7 row(s) with a time of day but no date in Tanggal (first: line 6) took the date of the row above, as an Excel sheet's merged date cells leave them"
expect_eq "merged dates: B-0811 by hand: 1045, deadline Thu 14 Aug 08:35" "$(case_steps B-0811 "$DB")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:985:85:over 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
expect_eq "merged dates: B-0812 by hand: 810, deadline Thu 14 Aug 09:30" "$(case_steps B-0812 "$DB")" \
	"810 2025-08-14T09:30:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:660:-240:- 4:Kepala Dinas:150:90:over 5:Pemohon:60:45:-"
# the manager's August report: 2 finished, 2 within, lead median (810 +
# 1045) / 2 = 927.5, no partial-data note
expect_eq "merged dates: the August report" "$(month_json 2025-08 "$DB")" "2 2 927.5 0"
# the same register with the berkas' cells merged too (No, No.
# Pendaftaran, Izin in a berkas' first row only, field round 9's fill)
# and its rows grouped by berkas: B-0811's five rows, the dates in lines
# 5 and 8 only.  Before, the probe read only rows with a case id and saw
# 11/08/2025 alone: refused as ambiguous; the rows under the merged date
# had no stamp, so no case id either.  The same audit.
printf '%s\n' 'No;Tanggal;Jam;No. Pendaftaran;Izin;Tahapan;Petugas' \
	'1;11/08/2025;08.15;B-0811;uji-sla;Pemohon mengajukan permohonan;Pemohon' \
	';;08.35;;;Front Office memeriksa kelengkapan berkas;Front Office' \
	';13/08/2025;10.00;;;Tim Teknis memproses dan membuat rekomendasi;Tim Teknis' \
	';;11.00;;;Kepala Dinas menandatangani SK;Kepala Dinas' \
	';;13.15;;;Pemohon menerima SK;Pemohon' >"$TMP/gabung2.csv"
run "$MUTU" ingest "$TMP/gabung2.csv" --db "$TMP/gabung2.db" --models $MD
expect_out_has "merged dates and berkas: all 5 stored" "events stored   5 (1 new cases)"
expect_eq "merged dates and berkas: B-0811 as above" "$(case_steps B-0811 "$TMP/gabung2.db")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:985:85:over 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
# a row with neither date nor time stays rejected (no stamp), and the
# first row of the next month's block joined under a repeated header does
# not take a date from across the header
printf '%s\n' 'No;Tanggal;Jam;No. Pendaftaran;Izin;Tahapan;Petugas' \
	'1;13/08/2025;08.15;B-1;uji-sla;Pemohon mengajukan permohonan;Pemohon' \
	'2;;;B-1;uji-sla;Front Office memeriksa kelengkapan berkas;Front Office' \
	'No;Tanggal;Jam;No. Pendaftaran;Izin;Tahapan;Petugas' \
	'1;;09.00;B-2;uji-sla;Pemohon mengajukan permohonan;Pemohon' >"$TMP/gabung3.csv"
run "$MUTU" ingest "$TMP/gabung3.csv" --db "$TMP/gabung3.db" --models $MD
expect_out_has "merged dates: no time, or across a header: not filled" "no timestamp               2"

# ---- 4. OCEL: an object-centric log is refused with the way to flatten it; the
# flattened log is read -------------------------------------------------------
# An OCEL relates each event to objects of several types (berkas, pemohon,
# dokumen), not to one case: which type is the case is the analyst's
# choice, so mutu refuses it and says how to flatten it.  Before: the
# OCEL 2.0 JSON was read as a CSV ("no case id column" over a header of
# JSON text), the OCEL 2.0 XML as "a XES log with no events", PM4Py's OCEL
# CSV as "no case id column".  Now each is named, exit 2.
printf '%s\n' '{' '  "objectTypes": [{"name": "berkas", "attributes": [{"name": "izin", "type": "string"}]}],' \
	'  "eventTypes": [{"name": "Pemohon mengajukan permohonan", "attributes": []}],' \
	'  "objects": [{"id": "B-0811", "type": "berkas", "attributes": [{"name": "izin", "time": "1970-01-01T00:00:00Z", "value": "uji-sla"}]}],' \
	'  "events": [{"id": "e1", "type": "Pemohon mengajukan permohonan", "time": "2025-08-11T01:15:00Z", "attributes": [], "relationships": [{"objectId": "B-0811", "qualifier": "berkas"}]}]' \
	'}' >"$TMP/ocel2.json"
run "$MUTU" ingest "$TMP/ocel2.json" --db "$TMP/ocel.db" --models $MD
expect_rc "ocel 2.0 json: refused, bad input" 2
expect_err_has "ocel 2.0 json: named, the way out said" \
	"an object-centric event log (OCEL 2.0 JSON): its events belong to objects of several types, not to one case each, and mutu reads case logs; flatten it to the berkas' object type first, e.g. in PM4Py: log = pm4py.ocel_flattening(ocel, 'berkas')"
printf '%s\n' "<?xml version='1.0' encoding='UTF-8'?>" '<log>' \
	'  <object-types><object-type name="berkas"><attributes/></object-type></object-types>' \
	'  <event-types><event-type name="Pemohon mengajukan permohonan"><attributes/></event-type></event-types>' \
	'  <objects><object id="B-0811" type="berkas"><attributes/><objects/></object></objects>' \
	'  <events><event id="e1" type="Pemohon mengajukan permohonan" time="2025-08-11T01:15:00Z"><attributes/><objects><relationship object-id="B-0811" qualifier="berkas"/></objects></event></events>' \
	'</log>' >"$TMP/ocel2.xml"
run "$MUTU" ingest "$TMP/ocel2.xml" --db "$TMP/ocel.db" --models $MD
expect_rc "ocel 2.0 xml: refused, bad input" 2
expect_err_has "ocel 2.0 xml: named" "an object-centric event log (OCEL 2.0 XML)"
printf '%s\n' 'ocel:eid,ocel:timestamp,ocel:activity,ocel:type:berkas,ocel:type:pemohon' \
	"e1,2025-08-11 01:15:00,Pemohon mengajukan permohonan,['B-0811'],['P-77']" >"$TMP/ocel.csv"
run "$MUTU" ingest "$TMP/ocel.csv" --db "$TMP/ocel.db" --models $MD
expect_rc "ocel csv: refused, bad input" 2
expect_err_has "ocel csv: named" "an object-centric event log (OCEL CSV)"
expect_eq "ocel: nothing stored" "$(ls "$TMP/ocel.db" 2>/dev/null)" ""
# pm4py-ocel-flat.csv is what the message asks for: an OCEL flattened to
# the berkas (pm4py.ocel_flattening(ocel, 'berkas').to_csv()): the index,
# ocel:eid, concept:name, time:timestamp in UTC as pandas writes it, the
# event attribute petugas, case:concept:name and the object attribute
# case:izin.  The Kadis signed both SKs in one event (e9, Wed 13 Aug
# 11:00 WIB): flattening repeats it in each berkas.  Passed unchanged.
# B-0811 as section 3 (1045, Thu 14 Aug 08:35).  B-0812: 2 09:10 -> 09:30
# = 20 (+5, over), 3 Mon 09:30 -> Tue 14:00 = 660 (-240), 4 Tue 14:00 ->
# Wed 11:00 = 120 + 210 = 330 (+270, over), 5 11:00 -> 13:30 = 60 + 30 =
# 90 (+75, the applicant's); accepted Mon 09:30, done Wed 11:00: 330 + 450
# + 210 = 990, deadline Thu 14 Aug 09:30 (section 3).
DB=$TMP/ocel-flat.db
run "$MUTU" ingest $F/pm4py-ocel-flat.csv --db "$DB" --models $MD
expect_out_has "ocel flattened: read as a case log" \
	"case=case:concept:name sop=case:izin activity=concept:name actor=petugas timestamp=time:timestamp"
expect_out_has "ocel flattened: the shared event in each berkas" "events stored   10 (2 new cases)"
expect_eq "ocel flattened: B-0811 by hand" "$(case_steps B-0811 "$DB")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:985:85:over 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
expect_eq "ocel flattened: B-0812 by hand" "$(case_steps B-0812 "$DB")" \
	"990 2025-08-14T09:30:00+07:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:660:-240:- 4:Kepala Dinas:330:270:over 5:Pemohon:90:75:-"

# ---- 5. pinned: zone words in the cell, WIB and WITA mixed, the dot time ----
# sicantik-wib-wita.csv is a SiCANTIK-style step table of an office in
# WITA (model uji-sla-wita, calendar id-wita, the same hours on WITA's
# clock) exported through a tool that writes some stamps on the server's
# clock with "WIB" and others with "WITA" ("11/08/2025 07.15 WIB"), the
# Indonesian dot between hour and minute, ';' and CRLF.  07.15 WIB is
# 08.15 WITA: the case is section 3's B-0811 on WITA's clock (1045,
# deadline Thu 14 Aug 08:35 WITA).  Passed unchanged; the audit's text
# shows every stamp on the office's clock.
DB=$TMP/wibwita.db
run "$MUTU" ingest $F/sicantik-wib-wita.csv --db "$DB" --models $MD
expect_out_has "wib/wita words: all 5 stored" "events stored   5 (1 new cases)"
expect_eq "wib/wita words: by hand on WITA's clock" "$(case_steps 503/0811/DPMPTSP "$DB")" \
	"1045 2025-08-14T08:35:00+08:00 False 1:Pemohon:None:None:- 2:Front Office:20:5:over 3:Tim Teknis:985:85:over 4:Kepala Dinas:60:0:- 5:Pemohon:75:60:-"
run "$MUTU" audit --case 503/0811/DPMPTSP --db "$DB" --models $MD --no-store
expect_out_has "wib/wita words: 07.15 WIB shown 08:15 WITA" "11 Agu 2025 08:15 WITA"
expect_out_has "wib/wita words: 09.00 WIB shown 10:00 WITA" "13 Agu 2025 10:00 WITA"

# ---- 6. one number in two permit types' registers: warned of ---------------
# rekap-dua-jenis.csv is two registers joined with cat (the second header
# repeated), each type numbering its berkas from 001: berkas 001 of
# uji-sla (Mon 11 Aug) and berkas 001 of uji-sla-cs1 (Tue 12 Aug).  The
# store keys a case by its number (and office), so the second's three
# rows land in the first's case: its steps 1-3 again (rework), uji-sla-cs1's
# report without it.  Which it is -- one berkas re-typed or two berkas --
# the file cannot say.  Before: stored so without a word.  Now warned of,
# with the first row and what to do; 002 (one type) is not.
DB=$TMP/duajenis.db
run "$MUTU" ingest $F/rekap-dua-jenis.csv --db "$DB" --models $MD
expect_rc "two types: ingests" 0
expect_out_has "two types: warned, with the first row" \
	"warning: 3 row(s) of a case met before with another SOP (first: line 8, case '001': SOP 'uji-sla-cs1', first 'uji-sla') stored in that case"
expect_out_has "two types: ... what to do" "ingest each type's rows with its own case ids"
expect_eq "two types: what the store holds: one case 001 of uji-sla with 7 rows, 002" \
	"$(sqlite3 "$DB" "SELECT group_concat(k, ' ') FROM (SELECT c.case_key || ':' || c.sop || ':' || count(*) k FROM cases c JOIN events e ON e.case_id = c.id GROUP BY c.id ORDER BY c.case_key)")" \
	"001:uji-sla:7 002:uji-sla:1"
# one type's register: no warning
head -6 $F/rekap-dua-jenis.csv >"$TMP/satu-jenis.csv"
run "$MUTU" ingest "$TMP/satu-jenis.csv" --db "$TMP/satujenis.db" --models $MD
case "$OUT$ERR" in *"another SOP"*) not_ok "two types: one type's register not warned" "$OUT" ;;
	*) ok "two types: one type's register not warned" ;; esac

# ---- 7. UiPath Process Mining's Event_log_raw: Event_start, Event_end -------
# Event_log_raw.csv is the input UiPath Process Mining's Event log app
# takes (its documented fields: Case_ID, Activity, Event_end mandatory;
# Case, Case_type, Case_status, Event_start, User, Team, Event_detail,
# Automated optional; datetimes yyyy-mm-dd hh:mm:ss.ms; CRLF), written by
# an office's extraction for one PBG berkas.  Before: refused, exit 2, "no
# time column".  Now Event_start and Event_end are each step's start and
# end (one row, one execution).  --sop uji-sla (WIB).  Steps: 1 no start
# and the first event: no measure; 2 08:20-08:35 15; 3 Mon 09:00 -> Wed
# 10:00 = 180 + 180 + 450 + 150 = 960 (+60, over); 4 60; 5 13:00-13:15 15.
# Accepted Mon 08:35, done Wed 11:00: 1045, deadline Thu 14 Aug 08:35.
DB=$TMP/uipath.db
run "$MUTU" ingest $F/Event_log_raw.csv --db "$DB" --models $MD --sop uji-sla
expect_rc "uipath: ingests" 0
expect_out_has "uipath: Event_start and Event_end read" \
	"case=Case_ID activity=Activity actor=User start=Event_start end=Event_end"
expect_eq "uipath: by hand: 1045, deadline Thu 14 Aug 08:35" "$(case_steps U-0811 "$DB")" \
	"1045 2025-08-14T08:35:00+07:00 False 1:Pemohon:None:None:- 2:rina:15:0:- 3:ani:960:60:over 4:kadis:60:0:- 5:Pemohon:15:0:-"
