#!/usr/bin/env bash
# tests/cli/test_field_store.sh - a field round of the store: the same
# hand-written exports (tests/data/field-store/) ingested in the same order
# into an SQLite file and a PostgreSQL database (tests/pg/pg.sh), and what a
# manager and an auditor see (mutu report monthly, mutu audit, mutu db info,
# db rejected, db export) compared between the two and with values worked
# out by hand.  Without the server binaries the PostgreSQL half FAILS and
# says to run `make deps` (as test_store_pg.sh).
#
# Model uji-sla (tests/data/models): steps 30 Menit, 15 Menit, 2 Hari, 1 Jam,
# 15 Menit, ceiling 3 Hari = 1350 working minutes; the clock runs from the
# Front Office's acceptance (end of step 2) to the Kepala Dinas' signature
# (end of step 4: step 5, the applicant collecting the SK, is not the
# office's time).  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri
# 07:30-11:30 13:00-16:30 (450 a day); Ramadan 1446 H (1-30 Mar 2025):
# Mon-Thu 08:00-12:00 12:30-15:00, Fri 08:00-11:30 12:30-15:30 (390 a day).
# No holiday in 17 Feb - 14 Mar 2025.  Local stamps are read at +07:00.
#
# The exports (an office exporting its register as it goes):
#   ekspor-1.csv (exported Fri 28 Feb), 15 rows, K1-K4:
#     K1 accepted Mon 24 Feb 09:00, signed Wed 26 Feb 08:30: Mon 09:00-12:00
#        180 + 13:00-16:00 180, Tue 450, Wed 07:30-08:30 60 = 870, within.
#     K2 accepted Thu 27 Feb 08:30, step 3 open (no end): open at the end of
#        February, aged Thu 390 + Fri 450 = 840 of 1350 (62%: 50-80%).
#     K3 accepted Mon 17 Feb 13:30, signed Fri 28 Feb 08:30: Mon 150, Tue-Thu
#        3 x 450, Fri 21 450, Mon-Thu 24-27 4 x 450, Fri 07:30-08:30 60 =
#        3810, late by 2460.
#     K4 only steps 3-5 (its first rows come in the next export): the
#        arrival Fri 21 Feb 08:00 stands for the acceptance, signed Mon 24
#        Feb 13:30: Fri 08:00-11:30 210 + 13:00-16:30 210, Mon 270 + 30 = 720.
#     February: 3 finished (870, 3810, 720), 2 within, median 870, mean
#     (870 + 3810 + 720) / 3 = 1800, 1 open at month end.
#   ekspor-2.csv (exported Tue 4 Mar), 12 rows in another order (every line
#     number differs from the first export's):
#     K4 steps 1-2 (Thu 20 Feb, earlier than what the store holds: a case's
#        events in two batches out of time order): accepted Thu 20 Feb 14:30,
#        so K4 is Thu 14:30-16:00 90 + Fri 21 450 + Mon 300 = 840; its steps
#        1 14:00-14:10 = 10, 2 14:10-14:30 = 20 (over 15), 3 Fri 08:00 - Mon
#        10:00 = 420 + 150 = 570, 4 30, 5 10;
#     K2 step 1 the same row (duplicate), step 2 the same but the actor typed
#        "Budi" for "budi" (stored: the duplicate rule compares the actor
#        exactly, in both stores alike), step 3 now closed Mon 3 Mar 10:00
#        (a new row: its end differs), steps 4-5; K2 signed Mon 3 Mar 11:30:
#        Thu 27 390 + Fri 450 + Mon 3 Mar (Ramadan) 08:00-11:30 210 = 1050;
#     K3 step 5 (collected Mon 3 Mar: the lead stays 3810);
#     K1 steps 4-5 again (duplicates);
#     K5 new, steps 1-2 Mon 3 Mar: accepted 09:45, open at the end of March.
#     So 12 rows = 9 stored (1 new case) + 3 duplicates.  February now: 3
#     finished (870, 3810, 840), 2 within, median 870, mean 5520 / 3 = 1840:
#     the month's kept summary must not be served (K4's first stamp moved
#     into February); March: 1 finished (K2 1050), 1 within, 1 open (K5).
#   ekspor-3.csv: case:batas_waktu (a planned date) empty on K6's first row
#     and filled from its second: K6's planned date is 2025-03-07 (the
#     first row with a value; the case attribute was lost before).
#   tolak.csv: 7 rows, 4 rejected (bad timestamp, end before start, wrong
#     number of fields, broken quoting), 3 stored; no_hp dropped.
#   putus.xes: cut off in its second trace: exit 2, nothing written.
#   pm4py-sama.csv / celonis-sama.csv: equal stamps, file order / _SORTING.
#   batas-bulan.csv: UTC stamps either side of the WIB month's end.
#   sop-huruf.csv: SOPs and attribute names in mixed case (a locale's order).
. tests/cli/lib.sh
. tests/pg/pg.sh

F=tests/data/field-store
MD=tests/data/models
SQ=$TMP/field.db

if pg_start_checked; then
	ok "a private PostgreSQL server starts (tests/pg/pg.sh)"
	PG=$(pg_newdb mutu_field)
	STORES="sq pg"
else
	PG=
	STORES="sq"
fi
loc() { if [ "$1" = pg ]; then echo "$PG"; else echo "$SQ"; fi; }

# ingest into each store; $OUT_sq / $OUT_pg, $RC_sq / $RC_pg
ing() {
	local b
	for b in $STORES; do
		run "$MUTU" ingest "$@" --db "$(loc $b)" --models $MD
		printf -v "RC_$b" '%s' "$RC"
		printf -v "OUT_$b" '%s' "$OUT$ERR"
	done
}
# one month's office summary as "finished within median mean open", JSON
month() { # STORE MONTH [options]
	local b=$1 m=$2
	shift 2
	"$MUTU" report monthly --month "$m" --db "$(loc $b)" --models $MD --format json --out - "$@" 2>/dev/null |
		python3 -c "
import json, sys
s = json.load(sys.stdin)['groups'][0]['summary']
print(s['finished'], s['within'], s['lead_median'], s['lead_mean'], s['open_at_month_end'])"
}
# one case's audit: working late planned_date step:actual:flags ...
aud() { # STORE CASE [options]
	local b=$1 c=$2
	shift 2
	"$MUTU" audit --case "$c" --db "$(loc $b)" --models $MD --format json --out - "$@" 2>/dev/null |
		python3 -c "
import json, sys
for c in json.load(sys.stdin)['cases']:
    print(c['working'], c['late'], c['planned_date'],
          ' '.join('%s:%s:%s' % (s['step'], s['actual'], ','.join(s['flags']) or '-') for s in c['steps']))"
}
# everything a manager and an auditor see, with the store's own name and
# the times of ingest taken out, into $TMP/STORE.TAG.*
snap() { # STORE TAG
	local b=$1 t=$2 db
	db=$(loc $b)
	"$MUTU" db info --db "$db" 2>&1 | sed -e 's/  20[0-9-]*T[0-9:]*Z / TIME /' -e 1d >"$TMP/$b.$t.info"
	"$MUTU" db rejected --db "$db" >"$TMP/$b.$t.rej" 2>&1
	"$MUTU" db export --format csv --out - --db "$db" >"$TMP/$b.$t.export" 2>&1
	for m in 2025-02 2025-03; do
		"$MUTU" report monthly --month $m --db "$db" --models $MD --format json --out - 2>/dev/null |
			python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("generated",None); print(json.dumps(d,indent=1,sort_keys=True))' \
				>"$TMP/$b.$t.$m.json"
	done
	"$MUTU" audit --sop uji-sla --from 2025-01-01 --to 2025-12-31 --db "$db" --models $MD --format json --out - \
		>"$TMP/$b.$t.audit.json" 2>&1
}
# the same in both stores (when PostgreSQL runs)
same() { # TAG
	local f d=""
	snap sq "$1"
	[ -n "$PG" ] || return 0
	snap pg "$1"
	for f in info rej export 2025-02.json 2025-03.json audit.json; do
		cmp -s "$TMP/sq.$1.$f" "$TMP/pg.$1.$f" || d="$d $f: $(diff "$TMP/sq.$1.$f" "$TMP/pg.$1.$f" | head -6 | tr '\n' '|')"
	done
	expect_eq "$1: SQLite and PostgreSQL show the same (db info, rejected, export, reports, audit)" "$d" ""
}

# ---- 1. the first export ---------------------------------------------------
ing $F/ekspor-1.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: ekspor-1 stored: 15 rows, 15 events, 4 new cases" \
		"$(eval echo \$RC_$b)$(eval echo \"\$OUT_$b\" | grep -E 'rows read|events stored' | tr -s ' ' | tr '\n' '|')" \
		"0 rows read 15| events stored 15 (4 new cases)|"
	expect_eq "$b: February after ekspor-1: 3 finished, 2 within, median 870, mean 1800, 1 open" \
		"$(month $b 2025-02)" "3 2 870 1800 1"
	expect_eq "$b: K4 without its first steps: 720 from its arrival" "$(aud $b K4 | cut -d' ' -f1-2)" "720 False"
done
same ekspor-1

# ---- 2. the same file again: nothing to do -----------------------------------
ing $F/ekspor-1.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: ekspor-1 again: exit 0, already ingested as batch 1" \
		"$(eval echo \$RC_$b) $(eval echo \"\$OUT_$b\" | grep -o 'already ingested as batch 1')" \
		"0 already ingested as batch 1"
done
same again
expect_eq "the same file again adds no batch" "$(cmp -s "$TMP/sq.ekspor-1.info" "$TMP/sq.again.info" && echo same)" same

# ---- 3. the overlapping second export ---------------------------------------
ing $F/ekspor-2.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: ekspor-2: 12 rows = 9 stored (1 new case) + 3 duplicates" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'rows read|events stored|duplicates' | tr -s ' ' | tr '\n' '|')" \
		" rows read 12| events stored 9 (1 new cases)| duplicates 3|"
	expect_eq "$b: February again: K4 now 840 (the kept month not served): mean 1840" \
		"$(month $b 2025-02)" "3 2 870 1840 1"
	expect_eq "$b:   ... the same as a read of the whole history" \
		"$(MUTU_REPORT_FULL_READ=1 month $b 2025-02)" "3 2 870 1840 1"
	expect_eq "$b: March: K2 finished in 1050, within; K5 open" "$(month $b 2025-03)" "1 1 1050 1050 1"
	expect_eq "$b: K4 whole: steps 1-5, 840" "$(aud $b K4)" \
		"840 False None 1:10:- 2:20:over 3:570:- 4:30:- 5:10:-"
	expect_eq "$b: K3: collected in March, still signed Fri 28 Feb: 3810, late" \
		"$(aud $b K3 | cut -d' ' -f1-2)" "3810 True"
done
same ekspor-2

# ---- 4. --force reloads the second export -------------------------------------
ing $F/ekspor-2.csv --sop uji-sla --force
for b in $STORES; do
	expect_eq "$b: --force: 9 events of the earlier load replaced, 9 stored, 3 duplicates" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'events stored|duplicates|replaced' | tr -s ' ' | tr '\n' '|')" \
		" events stored 9 (0 new cases)| duplicates 3| replaced 9 events of the earlier load of this file|"
	expect_eq "$b: --force: the store holds 5 cases and 15 + 9 events" \
		"$("$MUTU" db info --db "$(loc $b)" | grep -o 'total: [0-9]* cases, [0-9]* events')" \
		"total: 5 cases, 24 events"
	expect_eq "$b: --force: February and March unchanged" "$(month $b 2025-02) / $(month $b 2025-03)" \
		"3 2 870 1840 1 / 1 1 1050 1050 1"
done
same force

# ---- 5. a second office with the same case keys --------------------------------
# kota-b loads the first export as its own: a new batch of 4 new cases (the
# same keys are kota-b's K1..K4), kota-b's February is ekspor-1's (3 2 870
# 1800 1), the office's own (--office '') keeps 3 2 870 1840 1, and every
# office together: 6 finished (870 3810 840 870 3810 720), 4 within, median
# of 720 840 870 870 3810 3810 = 870, mean 10920 / 6 = 1820, 2 open (K2 twice).
ing $F/ekspor-1.csv --sop uji-sla --office kota-b
for b in $STORES; do
	expect_eq "$b: kota-b's ekspor-1: a new batch of 15 events, 4 new cases" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'events stored' | tr -s ' ')" " events stored 15 (4 new cases)"
	expect_eq "$b: kota-b's February is ekspor-1's" "$(month $b 2025-02 --office kota-b)" "3 2 870 1800 1"
	expect_eq "$b: the first office's February is unchanged" "$(month $b 2025-02 --office '')" "3 2 870 1840 1"
	expect_eq "$b: both offices' February: 6 finished, 4 within, median 870, mean 1820, 2 open" \
		"$(month $b 2025-02)" "6 4 870 1820 2"
	expect_eq "$b: audit --case K4 --office kota-b: the 720 of its three steps" \
		"$(aud $b K4 --office kota-b | cut -d' ' -f1)" "720"
	# without --office both K4s, one block each: the text says "kantor
	# kota-b"; the JSON said nothing of the office (two "K4" an auditor's
	# tool cannot tell apart), now "office" for every office but the default
	expect_eq "$b: audit --case K4 JSON: each K4 with its office (none for the default office)" \
		"$("$MUTU" audit --case K4 --db "$(loc $b)" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys
print(' '.join('%s@%s:%s' % (c['case'], c.get('office', '-'), c['working']) for c in json.load(sys.stdin)['cases']))")" \
		"K4@-:840 K4@kota-b:720"
	expect_eq "$b:   ... valid against docs/schema/audit.schema.json" \
		"$("$MUTU" audit --case K4 --db "$(loc $b)" --models $MD --format json --out - 2>/dev/null | python3 -c "
import json, sys, jsonschema
jsonschema.Draft202012Validator(json.load(open('docs/schema/audit.schema.json'))).validate(json.load(sys.stdin))
print('valid')" 2>&1 | tail -1)" "valid"
done
same office

# ---- 6. a case attribute empty on the case's first row ---------------------------
# K6's batas_waktu is empty on its first row, 2025-03-07 on the second and
# 2025-03-10 on the third: the first value written is its planned date, the
# end of 7 Mar (2025-03-08T00:00+07:00).  K6 accepted Wed 5 Mar 08:30, signed
# Fri 7 Mar 14:30 (Ramadan): Wed 08:30-12:00 210 + 12:30-15:00 150, Thu 390,
# Fri 08:00-11:30 210 + 12:30-14:30 120 = 1080, within the ceiling and by the
# planned date.  Before: the case had no planned date at all.  K5 existed
# before this batch: a case's attributes come with its first batch only, so
# its batas_waktu here is not taken (docs/store.md) and it has none.  The
# last row repeats K6's step 2 (a duplicate: its catatan is not stored).
ing $F/ekspor-3.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: ekspor-3: 7 rows = 6 stored + 1 duplicate" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'rows read|events stored|duplicates' | tr -s ' ' | tr '\n' '|')" \
		" rows read 7| events stored 6 (1 new cases)| duplicates 1|"
	expect_eq "$b: K6's planned date from its first row that has one" "$(aud $b K6 | cut -d' ' -f1-3)" \
		"1080 False 2025-03-08T00:00:00+07:00"
	expect_eq "$b: K5 keeps no planned date (its case came with ekspor-2)" "$(aud $b K5 | cut -d' ' -f3)" "None"
done
same attrs

# ---- 7. rows rejected, personal data dropped ---------------------------------------
# tolak.csv: line 4 a bad start (31/03/2025 10:00, no --date-format), line 5
# an end before its start, line 6 has no case id under K7's rows (a merged
# cell: K7's, stored), line 7 one field short, line 8 a quote never closed:
# 7 rows = 3 stored + 4 rejected, each with no_hp shown as [dropped] (line 7
# stops before that column and is kept whole).
ing $F/tolak.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: tolak: 7 rows = 3 stored + 4 rejected" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'rows read|events stored|rejected  ' | tr -s ' ' | tr '\n' '|')" \
		" rows read 7| events stored 3 (1 new cases)| rejected 4|"
	run "$MUTU" db rejected --db "$(loc $b)"
	expect_eq "$b: db rejected: lines 4 5 7 8, the phone number never shown" \
		"$(echo "$OUT" | grep -o '^batch [0-9]* line [0-9]*: [a-z ]*' | tr '\n' '|')$(echo "$OUT" | grep -c 081234567890)" \
		"batch 6 line 4: bad timestamp in start|batch 6 line 5: end before start|batch 6 line 7: wrong number of fields|batch 6 line 8: broken quoting|0"
done
same rejected

# ---- 8. a batch that fails half way --------------------------------------------------
# putus.xes ends inside its second trace: the first trace was read, but
# nothing of the batch is kept, in either store.
for b in $STORES; do
	before=$("$MUTU" db info --db "$(loc $b)" 2>&1)
	run "$MUTU" ingest $F/putus.xes --sop uji-sla --db "$(loc $b)" --models $MD
	expect_eq "$b: a XES cut off: exit 2, 'nothing was written'" "$RC $(echo "$ERR" | grep -o 'malformed XML.*nothing was written' | cut -c1-13)" \
		"2 malformed XML"
	expect_eq "$b:   ... and the store is as before" "$("$MUTU" db info --db "$(loc $b)" 2>&1)" "$before"
done

# ---- 9. equal stamps: the file's order, or _SORTING ------------------------------------
# pm4py-sama.csv (completion times only): U1 steps 1 and 2 at Mon 10 Mar
# 08:35, 3 Wed 12 10:00, 4 and 5 at 11:00: accepted 08:35, signed Wed 11:00:
# Mon 08:35-12:00 205 + 12:30-15:00 150, Tue 390, Wed 08:00-11:00 180 = 925;
# step 3 865 (355 + 390 + 120), 4 60, 5 0.  U2 steps 3, 4 and 5 all at Tue
# 11 Mar 09:00, in that order in the file: 330 + 60 = 390, no 'order' flag.
# celonis-sama.csv: U3 as U1 a day later, its rows newest first, _SORTING
# 10..50: the same 925 and steps.  PostgreSQL sends a case's rows in key
# order; the ids must still follow the file.
ing $F/pm4py-sama.csv --sop uji-sla
ing $F/celonis-sama.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: U1 equal stamps in file order" "$(aud $b U1)" "925 False None 1:None:- 2:0:- 3:865:- 4:60:- 5:0:-"
	expect_eq "$b: U2 three steps at one instant" "$(aud $b U2)" "390 False None 1:None:- 2:0:- 3:390:- 4:0:- 5:0:-"
	expect_eq "$b: U3 by _SORTING" "$(aud $b U3)" "925 False None 1:None:- 2:0:- 3:865:- 4:60:- 5:0:-"
done
same sorting

# ---- 9b. a month's end in UTC stamps ----------------------------------------------------
# batas-bulan.csv (office kota-c), stamps in UTC ('Z'), the office in WIB:
# B2 signed 2025-02-28T16:59Z = Fri 28 Feb 23:59 WIB: February; accepted Thu
# 27 Feb 09:30 WIB: Thu 09:30-12:00 150 + 13:00-16:00 180, Fri 450 = 780.
# B1 signed 2025-02-28T17:30Z = Sat 1 Mar 00:30 WIB: open at the end of
# February (accepted Thu 08:30: Thu 390 + Fri 450 = 840 of 1350, 62%),
# finished in March with 840 (Saturday is no working time).
ing $F/batas-bulan.csv --sop uji-sla --office kota-c
for b in $STORES; do
	expect_eq "$b: kota-c February: B2 finished (780), B1 open at the month's end" \
		"$(month $b 2025-02 --office kota-c)" "1 1 780 780 1"
	expect_eq "$b: kota-c March: B1 finished in 840" "$(month $b 2025-03 --office kota-c)" "1 1 840 840 0"
done
same boundary

# ---- 9c. db info and db rejected of one office ------------------------------------------
# --office kota-b: only its batch (4, ekspor-1 for kota-b), its 4 cases and
# 15 events, 5 activities and 4 actors (Pemohon, budi, Tim Teknis, Kepala
# Dinas: "Budi" is the first office's), its SOP's span from K3's first stamp
# (17 Feb 13:00) to K3's signature (28 Feb 08:30); no rejected row (tolak.csv
# was the first office's: --office '' lists its 4).  PostgreSQL filtered by
# office; SQLite listed and counted every office whatever --office said.
for b in $STORES; do
	run "$MUTU" db info --office kota-b --db "$(loc $b)"
	expect_eq "$b: db info --office kota-b: batch 4 only, 4 cases, 15 events, 4 actors, its span" \
		"$(echo "$OUT" | grep -E '^ +[0-9]+  20' | awk '{print $1}' | tr '\n' ' ')| $(echo "$OUT" | grep '^total')| $(echo "$OUT" | grep '^  uji-sla' | tr -s ' ')" \
		"4 | total: 4 cases, 15 events (0 flagged unknown), 0 rejected rows, 5 activities, 4 actors|  uji-sla 4 15 2025-02-17T13:00:00+07:00 2025-02-28T08:30:00+07:00"
	expect_eq "$b: db rejected --office kota-b: none; --office '': the 4 of tolak.csv" \
		"$("$MUTU" db rejected --office kota-b --db "$(loc $b)" | tail -1) / $("$MUTU" db rejected --office '' --db "$(loc $b)" | tail -1)" \
		"0 rejected rows / 4 rejected rows"
	# batch 6 is the first office's: for kota-b there is no batch 6 (exit 2,
	# as PostgreSQL said; SQLite listed "0 rejected rows")
	run "$MUTU" db rejected --batch 6 --office kota-b --db "$(loc $b)"
	expect_eq "$b: db rejected --batch 6 --office kota-b: no such batch of kota-b, exit 2" \
		"$RC $(echo "$ERR" | grep -c 'no batch 6 in')" "2 1"
	expect_eq "$b: db rejected --batch 6 --office '': its 4 rows" \
		"$("$MUTU" db rejected --batch 6 --office '' --db "$(loc $b)" | tail -1)" "4 rejected rows"
	run "$MUTU" db rejected --batch 99999999999999999999 --db "$(loc $b)"
	expect_eq "$b: --batch past 64 bits: exit 2, the number as written (not 9223372036854775807)" \
		"$RC $(echo "$ERR" | grep -c "batch '99999999999999999999': a batch number") $(echo "$ERR" | grep -c 9223372036854775807)" "2 1 0"
done
if [ -n "$PG" ]; then
	expect_eq "db info --office kota-b: the same in both stores" \
		"$("$MUTU" db info --office kota-b --db "$SQ" | sed -e 1d -e 's/  20[0-9-]*T[0-9:]*Z / TIME /')" \
		"$("$MUTU" db info --office kota-b --db "$PG" | sed -e 1d -e 's/  20[0-9-]*T[0-9:]*Z / TIME /')"
fi

# ---- 9d. db export of a province store -------------------------------------------------------
# K1..K4 are case ids of both the first office and kota-b, and a CSV or XES
# log has no field for the office: exported together they read back as one
# case each (a PM4Py or mutu ingest of the file merges them).  db export
# refused --office; now it takes it (kota-b: its 4 cases, ekspor-1's 15
# rows), and without it, on a store of 3 offices, warns and names them.
for b in $STORES; do
	run "$MUTU" db export --office kota-b --format csv --out - --db "$(loc $b)"
	expect_eq "$b: db export --office kota-b: its 15 events, cases K1-K4 once each" \
		"$RC $(echo "$OUT" | sed 1d | wc -l) $(echo "$OUT" | sed 1d | cut -d, -f1 | sort -u | tr '\n' ' ')" \
		"0 15 K1 K2 K3 K4 "
	run "$MUTU" db export --format csv --out - --db "$(loc $b)"
	expect_eq "$b: db export of every office: exit 0, warns that the 3 offices' ids may meet" \
		"$RC $(echo "$ERR" | grep -c "warning: the store holds 3 offices ('', 'kota-b', ...) and the log does not name a case's office.*--office NAME")" \
		"0 1"
done
if [ -n "$PG" ]; then
	expect_eq "db export --office kota-b: the same from both stores" \
		"$("$MUTU" db export --office kota-b --format csv --out - --db "$SQ" 2>/dev/null | md5sum)" \
		"$("$MUTU" db export --office kota-b --format csv --out - --db "$PG" 2>/dev/null | md5sum)"
fi

# ---- 9e. a database made with a locale's collation -------------------------------------------
# Debian's default cluster takes the system's locale (en_US.UTF-8,
# id_ID.UTF-8): text compares case-blind there, so 'amdal' < 'IMB' <
# 'Reklame' and 'alasan' < 'Catatan', where SQLite (and a C database)
# orders bytes: 'IMB' < 'Reklame' < 'amdal', 'Catatan' < 'alasan'.
# sop-huruf.csv: SOPs IMB, amdal, Reklame (no models: kept as written) and
# event attributes Catatan, alasan.  db info's per-SOP rows and the export's
# columns came in the database's order on PostgreSQL; now in bytes, as
# SQLite.  (An ICU en-US database: the machine has no en_US libc locale.)
if [ -n "$PG" ]; then
	if psql -X -q -d postgres -c "CREATE DATABASE mutu_icu TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.utf8'" >"$TMP/icu.err" 2>&1; then
		ICU="postgres:///mutu_icu?host=$MUTU_PG_DIR"
		for d in "$TMP/huruf.db" "$ICU"; do
			"$MUTU" ingest $F/sop-huruf.csv --tz WIB --db "$d" --quiet 2>/dev/null
		done
		for d in "$TMP/huruf.db" "$ICU"; do
			n=SQLite
			[ "$d" = "$ICU" ] && n="PostgreSQL (ICU en-US)"
			expect_eq "$n: db info lists the SOPs in byte order: IMB, Reklame, amdal" \
				"$("$MUTU" db info --db "$d" | sed -n '/^per SOP/,$p' | awk 'NR > 2 { print $1 }' | tr '\n' ' ')" "IMB Reklame amdal "
			expect_eq "$n: the export's attribute columns in byte order: Catatan, alasan" \
				"$("$MUTU" db export --format csv --out - --db "$d" 2>/dev/null | head -1 | tr -d "\r" | cut -d, -f9-)" "Catatan,alasan"
		done
		expect_eq "ICU database: the CSV export equals SQLite's" \
			"$("$MUTU" db export --format csv --out - --db "$ICU" 2>/dev/null | md5sum)" \
			"$("$MUTU" db export --format csv --out - --db "$TMP/huruf.db" 2>/dev/null | md5sum)"
	else
		not_ok "an ICU en-US database can be made (PostgreSQL built with ICU)" "$(cat "$TMP/icu.err")"
	fi
fi

# ---- 10. a store that is not there, a server that cannot be reached -------------------------
for sub in info rejected export; do
	run "$MUTU" db $sub --db "$TMP/nowhere.db"
	expect_eq "db $sub on a missing store: exit 2, says to ingest first, creates nothing" \
		"$RC $(echo "$ERR" | grep -c "no such store (run 'mutu ingest LOG.csv --db $TMP/nowhere.db' first)") $(ls "$TMP"/nowhere.db* 2>/dev/null | wc -l)" \
		"2 1 0"
done
# nothing listens on port 1 of 127.0.0.1: exit 1, host and port named, what
# to check said, the password never printed
run "$MUTU" db info --db 'postgresql://budi:Rahasia99@127.0.0.1:1/mutu'
expect_eq "a refused connection: exit 1, names host and port, the password shown as ***" \
	"$RC $(echo "$ERR" | grep -c 'store postgresql://budi:\*\*\*@127.0.0.1:1/mutu: cannot connect to PostgreSQL at host 127.0.0.1, port 1, database mutu, user budi: .*is the server running') $(echo "$ERR" | grep -c Rahasia)" \
	"1 1 0"
# a password pasted with its '@' (p@ss:w0rd): libpq ends the user part at
# the first '@' and read host "ss", port "w0rd@127.0.0.1:1"; the message
# named those as the host and port -- the password's pieces.  Now refused
# before anything is sent (exit 2), saying to percent-encode it.  The same
# for a '/' in it (libpq: host "budi", port "ra").
for u in 'postgresql://budi:p@ss:w0rd@127.0.0.1:1/mutu' 'postgresql://budi:ra/has@127.0.0.1:1/mutu'; do
	for sub in "db info" "report monthly --month 2025-02" "ingest $F/ekspor-1.csv --sop uji-sla --models $MD"; do
		run "$MUTU" $sub --db "$u"
		expect_eq "${sub%% --*} --db ${u%%@1*}...: exit 2, says %40 / %2F, shows no piece of the password" \
			"$RC $(echo "$ERR" | grep -c 'store postgresql://budi:\*\*\*@127.0.0.1:1/mutu: the user and password part of the location holds a .* percent-encoded') $(echo "$ERR" | grep -cE 'w0rd|ss,|has|\"ra\"|host budi')" \
			"2 1 0"
	done
done
# the same password percent-encoded is read: the connection is tried (and refused)
run "$MUTU" db info --db 'postgresql://budi:p%40ss%3Aw0rd@127.0.0.1:1/mutu'
expect_eq "p%40ss%3Aw0rd: the connection is tried: exit 1, host 127.0.0.1 port 1" \
	"$RC $(echo "$ERR" | grep -c 'at host 127.0.0.1, port 1, database mutu, user budi') $(echo "$ERR" | grep -c w0rd)" "1 1 0"
# a query option libpq does not know ('PassWord' for 'password'): the value
# was echoed, and the message named the default socket, database and user
# ("through the socket in /var/run/postgresql (default) ... database
# (default)") instead of the host the location gave.  Now exit 2, libpq's
# reason, the value hidden.
run "$MUTU" db info --db 'postgresql://budi@127.0.0.1:1/mutu?sslmode=disable&PassWord=Rahasia99'
expect_eq "PassWord=...: exit 2, libpq's reason, the value hidden, no default socket named" \
	"$RC $(echo "$ERR" | grep -c 'mutu?sslmode=disable&PassWord=\*\*\*: not a PostgreSQL location libpq can read: invalid URI query parameter: "PassWord"') $(echo "$ERR" | grep -cE 'Rahasia|default')" \
	"2 1 0"
# a '@' in a query value is no password: shown as written, the connection tried
run "$MUTU" db info --db 'postgresql://127.0.0.1:1/mutu?user=budi@kantor'
expect_eq "user=budi@kantor in the query: shown whole, exit 1" \
	"$RC $(echo "$ERR" | grep -c 'store postgresql://127.0.0.1:1/mutu?user=budi@kantor: cannot connect')" "1 1"
# mutu db's help: --db takes a PostgreSQL location too (it said FILE), and
# --office is there for info, rejected and export
run "$MUTU" db --help
expect_eq "db --help: exit 0, --db STORE with postgresql://, --office on each subcommand's line" \
	"$RC $(echo "$OUT" | grep -c '^  --db STORE  the store: an SQLite file') $(echo "$OUT" | grep -c 'postgresql://USER@HOST/DB') $(echo "$OUT" | grep -E '^ *(usage: )?mutu db (info|rejected)|^ +\[--office' | grep -c -- '--office NAME')" \
	"0 1 1 3"
run "$MUTU" db export --help
expect_eq "db export --help: --office NAME and --db STORE" \
	"$RC $(echo "$OUT" | grep -c '^  --office NAME  only this office') $(echo "$OUT" | grep -c '^  --db STORE')" "0 1 1"

# ---- 11. a Latin-1 byte and an escape sequence (passed unchanged: a pin) ------------------------
# latin1.csv: line 3 has "Ren\xe9" (Latin-1 é) in the actor and "Caf\xe9" in
# alamat (personal: dropped): rejected as not UTF-8, its raw row with the
# byte escaped and the address [dropped]; line 4's actor holds ESC [2J,
# stored as written and printed escaped.  2 stored + 1 rejected; the same
# bytes from both stores (PostgreSQL keeps raw as bytea).
ing $F/latin1.csv --sop uji-sla
for b in $STORES; do
	expect_eq "$b: latin1: 3 rows = 2 stored + 1 rejected" \
		"$(eval echo \"\$OUT_$b\" | grep -E 'rows read|events stored|rejected  ' | tr -s ' ' | tr '\n' '|')" \
		" rows read 3| events stored 2 (1 new cases)| rejected 1|"
	run "$MUTU" db rejected --db "$(loc $b)"
	expect_eq "$b: the Latin-1 row: not UTF-8, the byte shown as \\xe9, the address dropped" \
		"$(echo "$OUT" | grep -A1 'line 3: not UTF-8 text' | tail -1)" \
		'    L1,2,Front Office memeriksa kelengkapan berkas,Ren\xe9,2025-03-17 08:10,2025-03-17 08:30,[dropped]'
done
same latin1
