#!/usr/bin/env bash
# tests/cli/test_hardening3.sh - hardening round 3: what round 2
# (test_hardening2.sh) noticed and left.  Each case is an input a user, a
# tool or a signal can hand mutu, its fixture under tests/data/hardening3/
# or generated here; each failed on the code before its fix (named in the
# comment).
. tests/cli/lib.sh

H=tests/data/hardening3
MD=tests/data/models

# ---- 1. a header with trailing empty cells (Excel: "a;b;c;;;")
# excel-kolom-kosong.csv: an Indonesian Excel's CSV (';', CRLF) whose
# header is case_id..end, catatan and three empty cells (columns once
# filled, then cleared); its rows as Excel and hand edits leave them:
#   line 2  A1  10 fields (the header's width)          stored
#   line 3  A2   7 fields (no trailing empty cells)     stored, catatan 'lengkap'
#   line 4  A3   7 fields, catatan quoted over 2 lines  stored, catatan 'cek lapangan\r\nhari Senin'
#   line 6  A4  13 fields, 3 empty past the header      stored
#   line 7  B1  11 fields, 'x' past the header          rejected: text where the header has no column
#   line 8  B2   5 fields, no end nor catatan           rejected: a named column missing
# So 6 rows read, 4 stored, 2 rejected.  Before: every row not 10 fields
# wide was rejected as "wrong number of fields" (1 stored, 5 rejected).
run "$MUTU" ingest $H/excel-kolom-kosong.csv --db "$TMP/kk.db" --sop uji-sla --models $MD --tz WIB
expect_rc "header with trailing empty cells: exit 0" 0
expect_eq "header with trailing empty cells: 6 read, 4 stored, 2 rejected" \
	"$(printf '%s\n' "$OUT" | awk '/rows read/ { r = $3 } /events stored/ { s = $3 } /^  rejected/ { j = $2 } END { print r, s, j }')" \
	"6 4 2"
expect_eq "header with trailing empty cells: A1..A4 stored, steps 1-4" \
	"$(sqlite3 "$TMP/kk.db" "SELECT group_concat(e.step, ' ') FROM (SELECT step FROM events ORDER BY step) e")" "1 2 3 4"
expect_eq "header with trailing empty cells: catatan of A2 and A3 (multi-line) kept" \
	"$(sqlite3 "$TMP/kk.db" "SELECT group_concat(hex(value), ' ') FROM (SELECT value FROM event_attrs WHERE name = 'catatan' ORDER BY event_id)")" \
	"$(printf 'lengkap' | xxd -p -u) $(printf 'cek lapangan\r\nhari Senin' | xxd -p -u | tr -d '\n')"
run "$MUTU" db rejected --db "$TMP/kk.db"
expect_out_has "header with trailing empty cells: text past the header rejected, widths said" \
	"batch 1 line 7: wrong number of fields: 11, the header has 10 (7 named, the rest empty: a row holds 7 to 10, or empty cells past them)"
expect_out_has "header with trailing empty cells: a named column missing rejected" \
	"batch 1 line 8: wrong number of fields: 5, the header has 10"
# a header written again with one trailing empty cell less ("...;Selesai;"
# under field8's excel-gabung.csv, whose header ends ";;") is the header
# again: skipped (before: a row with the wrong number of fields)
{ cat tests/data/logs/field8/excel-gabung.csv; printf 'No Permohonan;Jenis Izin;Kegiatan;Pelaksana;Mulai;Selesai;\r\n'; } >"$TMP/gabung.csv"
run "$MUTU" ingest "$TMP/gabung.csv" --db "$TMP/gabung.db" --models $MD
expect_out_has "header again, one trailing empty cell less: skipped as a repeat" \
	"2 line(s) repeat the header (first on line 5"
expect_out_has "header again, one trailing empty cell less: nothing rejected" "rejected        0"
# The same for a --map file saved by Excel (peta-excel.csv: the shipped
# datasets/logs/sicantik-map.csv, every line with two empty cells after
# the step, and a row of separators at the end).  The step is read after
# the last separator: before, "peta-excel.csv:2: step '' is not a number",
# exit 2.  Now read as the shipped map: banjarbaru-sicantik-defects.csv
# gives the same counts with either (19 stored, 9 rejected, 1 unknown).
counts() { printf '%s\n' "$OUT" | awk '/events stored/ { s = $3 } /^  rejected/ { j = $2 } /unknown activities/ { u = $3 } END { print s, j, u }'; }
run "$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map datasets/logs/sicantik-map.csv --db "$TMP/peta1.db"
want=$(counts)
expect_eq "the shipped map: 19 stored, 9 rejected, 1 unknown" "$want" "19 9 1"
run "$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map $H/peta-excel.csv --db "$TMP/peta2.db"
expect_rc "--map with trailing empty cells: exit 0" 0
expect_eq "--map with trailing empty cells: read as the shipped map" "$(counts)" "$want"
# A ';' map whose activity holds a comma (peta-titik-koma.csv: the shipped
# map with ';', a header "Nama Proses;Langkah", and one more line
# "Verifikasi, cetak tanda terima;2" that the log does not use).  Before:
# the step was looked for after the last ',' ("peta-titik-koma.csv:11:
# step 'cetak tanda terima;2' is not a number", exit 2).  Now the
# separator is the one followed by the step: the same counts.
run "$MUTU" ingest datasets/logs/banjarbaru-sicantik-defects.csv --map $H/peta-titik-koma.csv --db "$TMP/peta3.db"
expect_rc "--map with ';' and a comma in an activity: exit 0" 0
expect_eq "--map with ';' and a comma in an activity: read as the shipped map" "$(counts)" "$want"

# ---- 2. report monthly --month out of range
# Months run 1970-01 .. 2199-12 (the calendars' span, cal.h).  Before,
# "9999-12" and "2025-13" were told "must be YYYY-MM", which they are;
# now the reason is said.  Exit 2 as before (bad usage).  The store is
# section 1's.
month_err() { run "$MUTU" report monthly --month "$1" --db "$TMP/kk.db" --models $MD --out "$TMP/r" --format json; }
month_err 9999-12
expect_rc "--month 9999-12: exit 2" 2
expect_err_has "--month 9999-12: the range is said" \
	"--month '9999-12': year 9999 is out of range: mutu reports months 1970-01 .. 2199-12"
month_err 1969-12
expect_err_has "--month 1969-12: the range is said" "year 1969 is out of range"
month_err 2025-13
expect_rc "--month 2025-13: exit 2" 2
expect_err_has "--month 2025-13: the month is said" "--month '2025-13': month 13 is not 01..12"
month_err 2024-12..9999-01
expect_err_has "--month 2024-12..9999-01: the range is said, with the bad end" \
	"--month 2024-12..9999-01: '9999-01': year 9999 is out of range"
# pinned: a month of the wrong form is told the form
month_err 2025-3
expect_rc "--month 2025-3: exit 2" 2
expect_err_has "--month 2025-3: the form" "--month must be YYYY-MM, e.g. 2025-03 (got '2025-3')"
month_err 2199-12
expect_err_has "--month 2199-12: in range, past the SOP calendar: that is said instead" \
	"calendar id-wib covers 2024-2026; 2199-12 is outside it"
month_err 2025-05
expect_rc "--month 2025-05: reported" 0

# ---- 3. calendar show prints a local holiday's type as written
# local-jenis.csv: LD (Fri 14 Feb), 'tutup' (Mon 10 Mar), LK (Mon 7 Jul),
# 'ld' (Mon 20 Oct), all weekdays.  Before, every one was printed LK; now
# as its list wrote it (upper case), the column as wide as TUTUP.  All
# four still count as "lain" (other): 2025 has 237 working days in id-wib
# with the shipped local.csv, which holds none of these dates: 233.
C="$TMP/cal"
mkdir -p "$C"
cp datasets/calendars/* "$C/"
cp $H/local-jenis.csv "$C/local.csv"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_rc "local holiday types: exit 0" 0
expect_out_has "local holiday types: LD printed LD" "2025-02-14 Jumat   LD    Hari Jadi Kota Contoh ke-27"
expect_out_has "local holiday types: tutup printed TUTUP" "2025-03-10 Senin   TUTUP Kantor tutup: pindah gedung"
expect_out_has "local holiday types: LK printed LK" "2025-07-07 Senin   LK    Libur pilkada ulang"
expect_out_has "local holiday types: ld printed LD" "2025-10-20 Senin   LD    Hari Jadi Provinsi"
expect_out_has "local holiday types: a national one in the same column" "2025-08-17 Minggu  LN    Proklamasi Kemerdekaan"
expect_eq "local holiday types: 233 working days, 4 other" \
	"$(printf '%s\n' "$OUT" | awk '$1 == "2025" && NF == 6 { print $2, $6 }')" "233 4"

# ---- 4. holiday names whole; calendars, holiday lists and scenarios UTF-8
# local-nama-panjang.csv: one LD closure (Mon 21 Jul 2025) whose name is
# 289 bytes, an em dash (E2 80 94) at bytes 254-256.  Before: cut at 255
# bytes without a word, inside the dash (the line printed was not UTF-8).
# Now kept whole: show prints "  2025-07-21 Senin   LD  " and the name.
cp datasets/calendars/* "$C/"
cp $H/local-nama-panjang.csv "$C/local.csv"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_rc "holiday name of 289 bytes: exit 0" 0
expect_eq "holiday name of 289 bytes: printed whole" \
	"$(printf '%s\n' "$OUT" | grep -a '^  2025-07-21 ' | python3 -c "
import csv, sys
line = sys.stdin.buffer.read().rstrip(b'\n')
want = [r for r in csv.reader(open('$H/local-nama-panjang.csv', encoding='utf-8')) if r and r[0] == '2025-07-21'][0][2]
print(line == ('  2025-07-21 Senin   LD  ' + want).encode(), len(want.encode()))")" "True 289"
# local-cp1252.csv: a local.csv an Indonesian Excel saved as plain "CSV"
# (Windows-1252, ';', CRLF): line 3's "Kantor tutup - banjir" holds an en
# dash as byte 0x96.  Before: read, exit 0, the byte went into every
# report.  Now refused with its line and what to do, as a model is.
cp $H/local-cp1252.csv "$C/local.csv"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_rc "local.csv in Windows-1252: exit 2 (was 0)" 2
expect_err_has "local.csv in Windows-1252: its line, what to do" \
	"local.csv:3: not UTF-8 text (saved as Windows-1252 or Latin-1, Excel's plain \"CSV\"?): save it as \"CSV UTF-8\""
cp datasets/calendars/local.csv "$C/"
# id-wib.ini with line 6's "Mon-Thu" dash as 0x96 (edited in Notepad)
python3 -c "
s = open('$C/id-wib.ini', 'rb').read()
assert b'(Mon-Thu' in s
open('$C/id-wib.ini', 'wb').write(s.replace(b'(Mon-Thu', b'(Mon\x96Thu', 1))"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_rc "calendar in Windows-1252: exit 2 (was 0)" 2
expect_err_has "calendar in Windows-1252: its line" \
	"id-wib.ini:6: not UTF-8 text (saved as Windows-1252 or Latin-1?): save the calendar as UTF-8"
cp datasets/calendars/id-wib.ini "$C/"
# Found on the way: a calendar .ini line over inih's 200-byte buffer was
# handed over in pieces, each parsed as a line.  A long comment (a note of
# the office's history, 216 bytes) whose tail, from byte 200, reads
# "day_minutes = 480" set 1 Hari to 480 minutes without a word (a plain
# long comment was refused as "unknown key" or "cannot read this line").
# Now the rest of a long comment is skipped; any other long line refused.
python3 -c "
s = open('$C/id-wib.ini').read()
c = '; Catatan bagian umum: sebelum Perpres 21/2023 kantor ini bekerja 8 jam sehari (07:30-16:30 dengan istirahat satu jam) dan kalender lama memakai nilai '
line = c.ljust(199) + 'day_minutes = 480'
assert len(line) == 216
open('$C/id-wib.ini', 'w').write(s.replace('day_reading = net\n', 'day_reading = net\n' + line + '\n', 1))"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_eq "calendar: a 216-byte comment is a comment (1 Hari 450 minutes, was 480)" \
	"$RC $(printf '%s\n' "$OUT" | sed -n 4p)" "0 1 Hari     450 menit kerja (bacaan hari: net)"
# a holidays = line of 205 bytes (two lists, long names): refused with its line
cp datasets/calendars/id-wib.ini "$C/"
python3 -c "
s = open('$C/id-wib.ini').read()
v = 'holidays = id-holidays-2024-2026.csv, ' + 'daftar-libur-daerah-kabupaten-contoh-provinsi-contoh-tahun-2024-sampai-2026-sesuai-keputusan-bupati-nomor-100-tahun-2023-tentang-hari-libur-daerah-dan-cuti-bersama.csv'
assert len(v) == 205
open('$C/id-wib.ini', 'w').write(s.replace('holidays = id-holidays-2024-2026.csv\n', v + '\n', 1))"
run env MUTU_CALENDARS="$C" "$MUTU" calendar show id-wib --year 2025
expect_rc "calendar: a 205-byte holidays line: exit 2" 2
expect_err_has "calendar: a 205-byte holidays line: its line, what to do" \
	"id-wib.ini:27: line too long (at most 198 characters): shorten it, or split a list of holiday files over two 'holidays =' lines"
cp datasets/calendars/id-wib.ini "$C/"
# skenario-cp1252.ini: models/scenarios/banjarbaru.ini with line 7's
# "- Arrival rates" dash as 0x96.  Before: run, exit 0.
run "$MUTU" sim $H/skenario-cp1252.ini --replications 1
expect_rc "scenario in Windows-1252: exit 2 (was 0)" 2
expect_err_has "scenario in Windows-1252: its line, what to do" \
	"skenario-cp1252.ini:7: not UTF-8 text (saved as Windows-1252 or Latin-1?): save the scenario as UTF-8"

# ---- 5. a PostgreSQL store that lost a table (as section 2 of
# test_hardening2.sh for SQLite).  A private server (tests/pg/pg.sh); each
# case a database of its own holding uji-sla.csv, one table dropped.
# Before: ingest "relation \"events\" does not exist" exit 1, a report
# without batches likewise, and an audit without month_summary ran on
# (exit 0).  Now every open checks the tables: exit 2, named, what to do.
. tests/pg/pg.sh
if pg_start_checked; then
	pgdamaged() { # NAME SQL: a database holding uji-sla.csv, SQL run on it; prints --db
		local db
		db=$(pg_newdb "$1") &&
			"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$db" --sop uji-sla --models $MD --quiet &&
			psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$2" >/dev/null && echo "$db"
	}
	db=$(pgdamaged h3_noevents "DROP TABLE events CASCADE")
	run "$MUTU" ingest tests/data/hardening2/tanda-tangan-pemeriksa.csv --db "$db" --sop uji-sla --models $MD --tz WIB
	expect_rc "PostgreSQL store without events: ingest exit 2" 2
	expect_err_has "PostgreSQL store without events: the table is named, what to do" \
		"the store is damaged: its table 'events' is missing; restore it from a backup (pg_dump) or ingest the logs again into a new database"
	db=$(pgdamaged h3_nobatches "DROP TABLE batches CASCADE")
	run "$MUTU" report monthly --month 2025-05 --db "$db" --models $MD --out "$TMP/r" --format json
	expect_rc "PostgreSQL store without batches: report exit 2" 2
	expect_err_has "PostgreSQL store without batches: the table is named" "its table 'batches' is missing"
	db=$(pgdamaged h3_nomonth "DROP TABLE month_summary CASCADE")
	run "$MUTU" audit --case A --db "$db" --models $MD
	expect_rc "PostgreSQL store without month_summary: audit exit 2" 2
	expect_err_has "PostgreSQL store without month_summary: the table is named" "its table 'month_summary' is missing"
	# pinned: the whole store opens and audits
	db=$(pgdamaged h3_whole "SELECT 1")
	run "$MUTU" audit --case A --db "$db" --models $MD
	expect_rc "PostgreSQL store whole: audit exit 0" 0
	pg_stop
fi

# ---- 6. SIGINT / SIGTERM during an ingest: said, rolled back, 130 / 143
# test_hardening2 section 7 pinned that the store stays whole; but mutu
# died without a word.  Now the CLI catches the signal, hands the library
# its flag (elog_opts.cancel), which stops between records and rolls the
# batch back; mutu says where it stopped and what was kept, and exits
# 128 + the signal.  (timeout --preserve-status passes the status on: a
# process killed by the signal gives the same number, so the message and
# the store are what tell the two apart.)
# A store holding uji-sla.csv (35 events, batch 1).  To interrupt at a
# known point, whatever the machine's speed, another process holds the
# store's write lock for 3 s: mutu ingest waits on it (--busy-timeout),
# SIGINT comes at 1 s, the lock goes at 3 s, and the parse sees the flag
# at its first record, the header (line 1).  (Timed on a big log, the
# interrupt came after the commit on a quiet machine: 300000 rows in < 1 s.)
# Since hardening round 4 the wait itself ends at the SIGINT, at 1 s
# (test_hardening4.sh section 1); the parse's stop at line 1 is
# tests/unit/test_elog.c's test_cancel.
TT=tests/data/hardening2/tanda-tangan-pemeriksa.csv
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$TMP/int.db" --sop uji-sla --models $MD --quiet
python3 -c "
import sqlite3, time
c = sqlite3.connect('$TMP/int.db', isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open('$TMP/locked', 'w').close()
time.sleep(3)
c.execute('ROLLBACK')" &
locker=$!
while [ ! -e "$TMP/locked" ]; do sleep 0.1; done
run timeout --preserve-status -s INT 1 "$MUTU" ingest $TT --db "$TMP/int.db" --sop uji-sla --models $MD --tz WIB \
	--busy-timeout 20000
wait $locker
expect_rc "SIGINT during an ingest: exit 130" 130
expect_err_has "SIGINT during an ingest: where it stopped" "int.db: stopped while waiting for another process's lock on the store"
expect_err_has "SIGINT during an ingest: what was kept" \
	"interrupted by SIGINT: nothing of $TT was kept; the store $TMP/int.db holds what it held before"
expect_eq "SIGINT during an ingest: the store holds batch 1 alone, whole" \
	"$(sqlite3 "$TMP/int.db" "PRAGMA integrity_check; SELECT count(*) FROM events; SELECT count(*) FROM batches" | tr '\n' ' ')" \
	"ok 35 1 "
# standard input that stalls (a pipe from a slow export): SIGTERM while
# mutu waits on it.  The wait is interrupted and the flag seen; the
# spooled copy is removed.
run bash -c "{ head -n 5 tests/data/logs/uji-sla.csv; sleep 3; } |
	TMPDIR='$TMP' timeout --preserve-status -s TERM 1 '$MUTU' ingest - --db '$TMP/int.db' --sop uji-sla --models $MD"
expect_rc "SIGTERM while reading standard input: exit 143" 143
expect_err_has "SIGTERM while reading standard input: said" \
	"<stdin>: stopped while reading it: nothing of it is stored"
expect_err_has "SIGTERM while reading standard input: what was kept" \
	"interrupted by SIGTERM: nothing of <stdin> was kept"
expect_eq "SIGTERM while reading standard input: no spooled copy left, the store as before" \
	"$(ls "$TMP" | grep -c '^mutu-stdin-') $(sqlite3 "$TMP/int.db" "SELECT count(*) FROM events")" "0 35"
# and afterwards the log ingests, all of it, as batch 2: its 11 rows,
# 11 events (35 + 11 = 46)
run "$MUTU" ingest $TT --db "$TMP/int.db" --sop uji-sla --models $MD --tz WIB --quiet
expect_eq "after the interrupts: the log ingests whole" \
	"$RC $(sqlite3 "$TMP/int.db" "SELECT count(*) FROM events; SELECT max(id) FROM batches" | tr '\n' ' ')" "0 46 2 "
