#!/usr/bin/env bash
# tests/cli/test_field2.sh - second field round: inputs in other tools' and
# offices' styles (tests/data/sop/field-waktu-*.txt, tests/data/logs/field2/),
# each the reproducer of a defect, expected values worked out by hand in the
# comments (id-wib: Mon-Thu 07:30-16:00 break 12:00-13:00, Fri 07:30-16:30
# break 11:30-13:00, 450 working minutes a day).
. tests/cli/lib.sh

S=tests/data/sop

# ---- Waktu as SOP tables write it: "15 menit." (a full stop), "1/2 Jam",
# "2 x 24 Jam", and a total "2 Hari 1 Jam." ----
# 15 + 30 + 2 x 450 (2 x 24 Jam read as 2 Hari: a day of 24 clock hours is
# one day; the model's day is the hari kerja) + 15 = 960 min = 2 Hari 60
# min = 2 Hari 1 Jam, the declared total (before: waktu = ? on steps 1-3).
run "$MUTU" sop import $S/field-waktu-pecahan.txt -o "$TMP/pen.ini" --calendar id-wib
expect_rc "waktu forms: exit 0 (a model that loads)" 0
case "$ERR" in *"waktu = ?"*) not_ok "waktu forms: every step has a waktu" "$ERR" ;;
	*) ok "waktu forms: every step has a waktu" ;; esac
run "$MUTU" model check "$TMP/pen.ini"
expect_out_has "waktu forms: 960 min = 2 Hari 1 Jam, as declared" "steps sum to 2 Hari 1 Jam, declared 2 Hari 1 Jam"
expect_out_has "waktu forms: no finding" "pen.ini: ok"
run "$MUTU" model show "$TMP/pen.ini"
# the cells stay as written; the sum is 15 + 30 + 900 + 15 = 960
expect_out_has "waktu forms: the steps' sum in Menit" "total (sum of steps): 2 Hari 1 Jam = 960 Menit"

# "3 hari kalender": calendar time, which a Hari (a hari kerja) cannot
# hold.  Kept an error, now saying why instead of only "no cell reads as a
# duration".
run "$MUTU" sop import $S/field-waktu-kalender.txt -o "$TMP/kal.ini" --calendar id-wib
expect_rc "hari kalender: the model does not load, exit 1" 1
expect_err_has "hari kalender: the warning says why" \
	"step 3 (line 7): no cell reads as a duration: cannot read duration \"3 hari kalender\": \"3 hari kalender\" counts calendar days"


# ---- XES standard lifecycle (IEEE 1849): ate_abort, withdraw, pi_abort ----
F=tests/data/logs/field2
DB="$TMP/ab.db"
run "$MUTU" ingest $F/pm4py-abort.csv --db "$DB"
expect_rc "abort: exit 0" 0
expect_out_has "abort: every row stored" "events stored   12 (2 new cases)"
# A1: Verifikasi started 08:00, aborted 08:20 (no completion: no step time,
# no repeat), started again 09:00, completed 09:30: one execution of 30 min
# (before: 08:00-09:30 = 1,5 jam by FIFO, a 0-minute ULANG for the abort
# and the 09:00 start left open, the case never finished).  Survei was
# scheduled 09:40 and withdrawn 09:50 before any start: no step (before:
# an open step and a 20-minute one).  Tanda tangan 10:00-11:00 ends it.
run "$MUTU" audit --case A1 --db "$DB" --no-store
expect_out_has "abort: the re-run's 30 min" "ani                3 Mar 2025 09:30 +07:00     30 menit"
expect_out_has "abort: finished at the last complete" "selesai: 3 Mar 2025 11:00 +07:00"
case "$OUT" in *"aktivitas diulang"*|*Survei*|*"(terbuka)"*) not_ok "abort: no repeat, no withdrawn or open step" "$OUT" ;;
	*) ok "abort: no repeat, no withdrawn or open step" ;; esac
# A2: Tanda tangan started 09:00, the case cancelled (pi_abort) 09:15: the
# open step ends there without completing (before: open, the case never
# finished); the pi_abort row is the case's last event.
run "$MUTU" audit --case A2 --db "$DB" --no-store
expect_out_has "pi_abort: the case ends at the abort" "selesai: 3 Mar 2025 09:15 +07:00"
case "$OUT" in *"(terbuka)"*) not_ok "pi_abort: no open step" "$OUT" ;; *) ok "pi_abort: no open step" ;; esac

# ---- bupaR eventlog: ONE officer, two executions of one activity at once ----
# activity_instance_id pairs a start with its complete: ani starts
# Verifikasi 08:00 (instance 1) and 08:10 (2), completes 2 at 08:20 and 1
# at 09:00: 08:00-09:00 = 1,0 jam and 08:10-08:20 = 10 menit (before:
# pairing by actor alone, FIFO, gave 08:00-08:20 = 20 and 08:10-09:00 = 50).
DB="$TMP/bi.db"
run "$MUTU" ingest $F/bupar-satu-petugas.csv --db "$DB"
expect_rc "instance id: exit 0" 0
run "$MUTU" audit --case B2 --db "$DB" --no-store
expect_out_has "instance id: instance 1 60 min" "ani                3 Mar 2025 09:00 +07:00      1,0 jam"
expect_out_has "instance id: instance 2 10 min" "ani                3 Mar 2025 08:20 +07:00     10 menit"

# XES with concept:instance (the same two overlapping executions), cost:*
# and identity:id extensions, and an event outside any trace: the instance
# pairs as in bupaR (60 and 10 min); cost:total and identity:id kept as
# attributes; the stray event has no case: rejected and counted, not stored.
DB="$TMP/xi.db"
run "$MUTU" ingest $F/xes-instance.xes --db "$DB"
expect_rc "xes instance: exit 0" 0
expect_out_has "xes instance: 4 events of the trace stored" "events stored   4 (1 new cases)"
expect_out_has "xes instance: the stray event rejected" "missing case id            1"
expect_eq "xes instance: cost and identity kept" \
	"$(sqlite3 "$DB" "SELECT value FROM event_attrs WHERE name = 'cost:total'") $(sqlite3 "$DB" "SELECT value FROM case_attrs WHERE name = 'identity:id'")" \
	"15000.5 7f0c5a1e-0000-4000-8000-000000000001"
run "$MUTU" audit --case X2 --db "$DB" --no-store
expect_out_has "xes instance: instance 1 60 min" "ani                3 Mar 2025 09:00 +07:00      1,0 jam"
expect_out_has "xes instance: instance 2 10 min" "ani                3 Mar 2025 08:20 +07:00     10 menit"

# ---- a WITA office (id-wita), CSV stamps without a zone ----
# W1: 08:00 on Fri 9 May 2025 read as WITA (UTC+8) = 00:00Z = day 20217 *
# 86400000.  Accepted at step 2's end, Fri 08:45; finished Wed 14 May
# 14:00 (step 4, the office's last step; step 5, the applicant's receipt
# at 14:15, is not counted): Fri 08:45-16:30 less the Friday prayer break
# 11:30-13:00 = 375 min; Mon 12 (LN Waisak) and Tue 13 (cuti bersama)
# closed; Wed 07:30-14:00 less 12:00-13:00 = 330: 705 min = 1,6 hari of
# 450 (720 to 14:15 before).  Step 3 Fri
# 11:00-16:30 less the break = 240 + Wed 07:30-10:00 = 150: 390 min = 6,5
# jam.  W2 in Ramadan 1446H (1-30 Mar 2025: Fri 08:00-15:30, break
# 11:30-12:30; Mon 08:00-15:00): step 3 Fri 11:00-15:30 less the break =
# 210 + Mon 08:00-10:00 = 120: 330 min = 5,5 jam; the case Fri 09:00-15:30
# less the break = 330 + Mon 08:00-11:00 (step 4) = 180: 510 min = 1,1
# hari (525 = 1,2 to step 5's 11:15 before).
# Passed unchanged: --tz WITA and the calendar's own zone agree.
for tz in "--tz WITA" ""; do
	DB="$TMP/wita$tz.db"
	run "$MUTU" ingest $F/wita-tanpa-zona.csv --db "$DB" --sop uji-sla-wita --models tests/data/models $tz
	expect_rc "wita ${tz:-default zone}: exit 0" 0
	expect_eq "wita ${tz:-default zone}: 08:00 WITA is 00:00Z" \
		"$(sqlite3 "$DB" "SELECT min(start_ms) FROM events WHERE case_id = (SELECT id FROM cases WHERE case_key = 'W1')")" "1746748800000"
done
run "$MUTU" audit --case W1 --db "$DB" --models tests/data/models --no-store
expect_out_has "wita: accepted and finished on the WITA clock" \
	"diterima lengkap: 9 Mei 2025 08:45 WITA; selesai: 14 Mei 2025 14:00 WITA"
expect_out_has "wita: 705 min over Waisak and cuti bersama" "waktu kerja: 1,6 hari"
expect_out_has "wita: step 3 across the Friday prayer break" "14 Mei 2025 10:00 WITA       6,5 jam"
run "$MUTU" audit --case W2 --db "$DB" --models tests/data/models --no-store
expect_out_has "ramadan: 510 min" "waktu kerja: 1,1 hari"
expect_out_has "ramadan: step 3 on Ramadan hours" "10 Mar 2025 10:00 WITA       5,5 jam"

# Two XES logs concatenated in one file (two exports pasted together): no
# well-formed XML document; refused naming the line where the second log
# starts (48: the first document is 47 lines), nothing written.
run "$MUTU" ingest $F/xes-dua-log.xes --db "$TMP/dua.db"
expect_rc "two logs: exit 2" 2
expect_err_has "two logs: names file and line" "xes-dua-log.xes:48: malformed XML: Extra content at the end of the document"
[ -e "$TMP/dua.db" ] && not_ok "two logs: no store left behind" || ok "two logs: no store left behind"

# The same CSV read as WIT (--tz WIT, UTC+9) by the WITA office: 08:00 WIT
# = 23:00Z the day before (1746748800000 - 3600000), offset +540 min kept;
# the audit shows the office's clock, one hour earlier: accepted 07:45
# WITA, finished 13:00 WITA (step 4).  Fri 07:45-16:30 less 11:30-13:00 =
# 435 + Wed 07:30-13:00 less 12:00-13:00 = 270: 705 min, 1,6 hari again.
DB="$TMP/wit.db"
run "$MUTU" ingest $F/wita-tanpa-zona.csv --db "$DB" --sop uji-sla-wita --models tests/data/models --tz WIT
expect_eq "wit stamps: instant and offset" \
	"$(sqlite3 "$DB" "SELECT min(start_ms), min(start_off) FROM events WHERE case_id = (SELECT id FROM cases WHERE case_key = 'W1')")" "1746745200000|540"
run "$MUTU" audit --case W1 --db "$DB" --models tests/data/models --no-store
expect_out_has "wit stamps: on the WITA clock" "diterima lengkap: 9 Mei 2025 07:45 WITA; selesai: 14 Mei 2025 13:00 WITA"
expect_out_has "wit stamps: 705 min" "waktu kerja: 1,6 hari"

# the same pairing through the PostgreSQL store (its events query reads the
# instance id too): a private server from tests/pg/pg.sh
. tests/pg/pg.sh
if pg_start 2>"$TMP/pg.err"; then
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS mutu_field2" >/dev/null 2>&1
	psql -X -q -d postgres -c "CREATE DATABASE mutu_field2" >/dev/null
	PGDB="postgres:///mutu_field2?host=$MUTU_PG_DIR"
	run "$MUTU" ingest $F/bupar-satu-petugas.csv --db "$PGDB"
	expect_rc "instance id (pg): exit 0" 0
	run "$MUTU" audit --case B2 --db "$PGDB" --no-store
	expect_out_has "instance id (pg): instance 1 60 min" "ani                3 Mar 2025 09:00 +07:00      1,0 jam"
	expect_out_has "instance id (pg): instance 2 10 min" "ani                3 Mar 2025 08:20 +07:00     10 menit"
else
	not_ok "a private PostgreSQL server starts (tests/pg/pg.sh)" "$(cat "$TMP/pg.err")" \
		"run 'make deps' (Debian packages postgresql, libpq-dev)"
fi
