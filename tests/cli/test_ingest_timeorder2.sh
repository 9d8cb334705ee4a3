#!/usr/bin/env bash
# tests/cli/test_ingest_timeorder2.sh - an office register in time order
# (every case's rows apart) through the SQLite writer's paths of commits
# 7227eff, 4a348fe and 6e4c0af (engine/store_sqlite.c: the marker from the
# writer's memory, the month marks lowered in memory, the (case, key)
# filter that sends a split case's events into blocks), against values
# worked out by hand and against the same rows in case order, and the
# same batches in PostgreSQL.  tests/data/logs/timeorder/d1.csv, d2.csv
# (SOP izin-insidentil of models/, steps given, so no activity is unknown).
. tests/cli/lib.sh
. tests/pg/pg.sh
D=tests/data/logs/timeorder
MD=models
# case key, first, last (MM-DD HH:MM, UTC), marker
spans() {
	sqlite3 "$1" "SELECT group_concat(k, ' | ') FROM (SELECT case_key || ' ' ||
		strftime('%m-%d %H:%M', first_ms / 1000, 'unixepoch') || '-' ||
		strftime('%m-%d %H:%M', last_ms / 1000, 'unixepoch') || ' ' || ifnull(last_done_step, 'NULL') k
		FROM cases ${2:-} ORDER BY case_key, office)"
}
# the same log with each case's rows together (stable: time order within)
bycase() {
	head -1 "$1"
	tail -n +2 "$1" | sort -s -t, -k1,1
}
rep() { # MONTH DB: the monthly report, JSON
	"$MUTU" report monthly --month "$1" --db "$2" --models $MD --format json --out - 2>/dev/null
}
aud() { # DB: the audit of every izin-insidentil case, JSON
	"$MUTU" audit --sop izin-insidentil --from 2025-03-01 --to 2025-06-01 --db "$1" --models $MD \
		--format json --out - 2>/dev/null
}
exp_sorted() { "$MUTU" db export --format csv --db "$1" --out - 2>/dev/null | sort; }
same() { # NAME A B: two outputs, non-empty and byte for byte equal
	if [ -n "$2" ] && [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "$(diff <(echo "$2") <(echo "$3") | head -6)"; fi
}

# ---- batch 1: d1.csv, 26 rows in time order ----------------------------
# Rows 1-20 are the register (by start); rows 21-26 come late, as a
# re-sent page does:
#   21 K2 periksa, the stamps and officer of row 7 but instance i9 (row 7:
#      i2): another execution, stored (README: the instance tells them apart)
#   22 = row 8 (K3 verifikasi)      duplicate
#   23 = row 1 (K1 daftar)          duplicate (K1 was made before the rows
#                                   came apart: one by one)
#   24 = row 17 (K6 daftar)         duplicate of a row still waiting in the
#                                   writer's block (K6 came after the filter
#                                   started at row 3)
#   25 = row 11 (K5 periksa)        duplicate, its twin in the block too
#   26 K4 periksa, row 9's stamps, officer sari (row 9: rina): stored
# 26 read, 4 duplicates, 22 stored, 6 cases.
run "$MUTU" ingest "$D/d1.csv" --db "$TMP/t.db"
expect_rc "d1 (time order): exit 0" 0
expect_out_has "d1: 26 rows read" "rows read       26"
expect_out_has "d1: 22 events stored, 6 cases" "events stored   22 (6 new cases)"
expect_out_has "d1: 4 duplicates" "duplicates      4"
# K1: ends 08:10, 09:20, 10:00, 11:00 (step 4): 08:00-11:00, marker 4
# K2: cetak (step 4) is open (no end): last_ms its start 10:45; the latest
#     end is verifikasi's 10:40: marker 3
# K3: verifikasi (step 3, ends 10:50) is logged before periksa (step 2,
#     ends 09:50): the marker is 3, not the last row's 2; 08:20-10:50
# K4: periksa by rina (_SORTING 20), by sari, and verifikasi (_SORTING 10)
#     all end 10:20: the greatest step, 3 (the sorting column orders a
#     case's events, it does not choose the marker); 08:25-10:20
# K5: periksa, verifikasi and cetak all end 11:30, rows apart: 4
# K6: 10:15-11:05, marker 2
D1="K1 04-01 08:00-04-01 11:00 4 | K2 04-01 08:05-04-01 10:45 3 | K3 04-01 08:20-04-01 10:50 3 | K4 04-01 08:25-04-01 10:20 3 | K5 04-01 08:30-04-01 11:30 4 | K6 04-01 10:15-04-01 11:05 2"
expect_eq "d1: spans and markers" "$(spans "$TMP/t.db")" "$D1"
expect_eq "d1: K2's periksa twice (instances i2, i9), K4's twice (rina, sari)" \
	"$(sqlite3 "$TMP/t.db" "SELECT group_concat(x, ' ') FROM (SELECT c.case_key || ':' || count(*) x FROM events e
		JOIN cases c ON c.id = e.case_id WHERE e.activity = 'periksa' GROUP BY c.case_key ORDER BY c.case_key)")" \
	"K1:1 K2:2 K3:1 K4:2 K5:1 K6:1"
expect_eq "d1: K4's _SORTING kept (periksa 20, verifikasi 10)" \
	"$(sqlite3 "$TMP/t.db" "SELECT group_concat(activity || '=' || sorting, ' ') FROM (SELECT activity, sorting FROM events
		WHERE sorting IS NOT NULL ORDER BY sorting DESC)")" "periksa=20 verifikasi=10"
# batch_touch: one SOP; its mark the earliest first_ms, K1's 08:00
expect_eq "d1: the month-summary mark" "$(sqlite3 "$TMP/t.db" "SELECT group_concat(batch_id || ' ' || sop || ' ' ||
	datetime(low_ms / 1000, 'unixepoch'), ' | ') FROM batch_touch")" "1 izin-insidentil 2025-04-01 08:00:00"

# the same rows in case order go by the old block path: the same store
bycase "$D/d1.csv" >"$TMP/d1c.csv"
run "$MUTU" ingest "$TMP/d1c.csv" --db "$TMP/c.db"
expect_out_has "d1 in case order: 22 events stored, 4 duplicates" "events stored   22 (6 new cases)"
expect_eq "d1 in case order: the same spans and markers" "$(spans "$TMP/c.db")" "$D1"
same "d1: the export in time order equals the one in case order" "$(exp_sorted "$TMP/t.db")" "$(exp_sorted "$TMP/c.db")"

# April's report before batch 2: it keeps month summaries (month_summary)
# that batch 2's marks must make stale
rep 2025-04 "$TMP/t.db" >"$TMP/t4a.json"
expect_eq "d1: April reads 6 cases, 22 events" \
	"$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['cases_read'], r['events_read'])" "$TMP/t4a.json")" "6 22"

# ---- batch 2: d2.csv, earlier cases get rows, in time order ------------
#   K1 cetak = d1 row 18                duplicate
#   K3 arsip (step 5) ends 10:50, as verifikasi (step 3): the tie goes to
#      the greater step: 5 (an earlier batch's case: from the store)
#   K2 cetak closed 04-02 09:00: a new event (its open row stays); K2
#      04-01 08:05 - 04-02 09:00, marker 4
#   K7 new, May: 05-02 07:00-07:30, marker 1
#   K5 arsip (step 5) in May: 04-01 08:30 - 05-02 08:30, marker 5
#   K4 daftar = d1 row 5                duplicate
# 6 read, 2 duplicates, 4 stored.  Its mark: the earliest first_ms of the
# cases it created or gave an event (K2 08:05, K3, K5, K7): 04-01 08:05.
run "$MUTU" ingest "$D/d2.csv" --db "$TMP/t.db"
expect_rc "d2: exit 0" 0
expect_out_has "d2: 4 events stored, 1 case" "events stored   4 (1 new cases)"
expect_out_has "d2: 2 duplicates" "duplicates      2"
D2="K1 04-01 08:00-04-01 11:00 4 | K2 04-01 08:05-04-02 09:00 4 | K3 04-01 08:20-04-01 10:50 5 | K4 04-01 08:25-04-01 10:20 3 | K5 04-01 08:30-05-02 08:30 5 | K6 04-01 10:15-04-01 11:05 2 | K7 05-02 07:00-05-02 07:30 1"
expect_eq "d2: spans and markers" "$(spans "$TMP/t.db")" "$D2"
expect_eq "d2: the month-summary marks" "$(sqlite3 "$TMP/t.db" "SELECT group_concat(batch_id || ' ' ||
	datetime(low_ms / 1000, 'unixepoch'), ' | ') FROM (SELECT * FROM batch_touch ORDER BY batch_id)")" \
	"1 2025-04-01 08:00:00 | 2 2025-04-01 08:05:00"
bycase "$D/d2.csv" >"$TMP/d2c.csv"
run "$MUTU" ingest "$TMP/d2c.csv" --db "$TMP/c.db"
expect_eq "d2 in case order: the same spans and markers" "$(spans "$TMP/c.db")" "$D2"
same "d2: the export in time order equals the one in case order" "$(exp_sorted "$TMP/t.db")" "$(exp_sorted "$TMP/c.db")"
# April again from the store that kept April's summary: batch 2's mark
# (April) makes it stale; it equals April of the case-order store (whose
# April was never summarised before batch 2) and reads K3's arsip and
# K2's closed cetak: 24 events (K5's arsip is May's)
rep 2025-04 "$TMP/t.db" >"$TMP/t4.json"
rep 2025-04 "$TMP/c.db" >"$TMP/c4.json"
expect_eq "d2: April reads 6 cases, 24 events" \
	"$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['cases_read'], r['events_read'])" "$TMP/t4.json")" "6 24"
same "d2: April's report equals the case-order store's" "$(cat "$TMP/t4.json")" "$(cat "$TMP/c4.json")"
same "d2: May's report equals the case-order store's" "$(rep 2025-05 "$TMP/t.db")" "$(rep 2025-05 "$TMP/c.db")"
same "d2: the audit equals the case-order store's" "$(aud "$TMP/t.db")" "$(aud "$TMP/c.db")"

# ---- --force: d1 again, as a new batch replacing batch 1 ----------------
# batch 1's events go, d1's 22 come back as batch 3, batch 2's stay: the
# same events as before, so the same spans and markers (every case now an
# earlier batch's: the markers from the store's events)
run "$MUTU" ingest "$D/d1.csv" --db "$TMP/t.db" --force
expect_rc "d1 --force: exit 0" 0
expect_out_has "d1 --force: 22 events stored again" "events stored   22 (0 new cases)"
expect_eq "d1 --force: spans and markers as after d2" "$(spans "$TMP/t.db")" "$D2"
expect_eq "d1 --force: 26 events in the store" "$(sqlite3 "$TMP/t.db" "SELECT count(*) FROM events")" "26"
expect_eq "d1 --force: integrity_check" "$(sqlite3 "$TMP/t.db" 'PRAGMA integrity_check')" "ok"

# ---- two offices with the same case keys --------------------------------
# the same register from two offices: 12 cases, each office's six with
# d1's spans and markers; 44 events
run "$MUTU" ingest "$D/d1.csv" --db "$TMP/o.db" --office kab-a
expect_out_has "office kab-a: 22 events, 6 cases" "events stored   22 (6 new cases)"
run "$MUTU" ingest "$D/d1.csv" --db "$TMP/o.db" --office kab-b
expect_out_has "office kab-b: 22 events, 6 cases (kab-a's keys are not its cases)" "events stored   22 (6 new cases)"
expect_eq "office kab-a: d1's spans and markers" "$(spans "$TMP/o.db" "WHERE office = 'kab-a'")" "$D1"
expect_eq "office kab-b: d1's spans and markers" "$(spans "$TMP/o.db" "WHERE office = 'kab-b'")" "$D1"
expect_eq "two offices: 44 events" "$(sqlite3 "$TMP/o.db" "SELECT count(*) FROM events")" "44"

# ---- PostgreSQL: the same two batches, the same answers ----------------
if pg_start_checked; then
	trap 'pg_stop; rm -rf "$TMP"' EXIT
	pgdb=$(pg_newdb mutu_timeorder2)
	"$MUTU" ingest "$D/d1.csv" --db "$pgdb" --quiet && "$MUTU" ingest "$D/d2.csv" --db "$pgdb" --quiet
	expect_eq "PostgreSQL: d1 and d2 ingested" "$?" "0"
	# a store made from the time-order files only (t.db had --force since)
	"$MUTU" ingest "$D/d1.csv" --db "$TMP/s.db" --quiet && "$MUTU" ingest "$D/d2.csv" --db "$TMP/s.db" --quiet
	expect_eq "PostgreSQL: spans and markers" "$(psql -X -q -tA -d "$pgdb" -c "SELECT string_agg(case_key || ' ' ||
		to_char(to_timestamp(first_ms / 1000) AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || '-' ||
		to_char(to_timestamp(last_ms / 1000) AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || ' ' ||
		coalesce(last_done_step::text, 'NULL'), ' | ' ORDER BY case_key) FROM cases" 2>&1)" "$D2"
	same "PostgreSQL: db export equals SQLite's" "$(exp_sorted "$TMP/s.db")" "$(exp_sorted "$pgdb")"
	same "PostgreSQL: the audit equals SQLite's" "$(aud "$TMP/s.db")" "$(aud "$pgdb")"
	same "PostgreSQL: April's report equals SQLite's" "$(rep 2025-04 "$TMP/s.db")" "$(rep 2025-04 "$pgdb")"
	same "PostgreSQL: May's report equals SQLite's" "$(rep 2025-05 "$TMP/s.db")" "$(rep 2025-05 "$pgdb")"
fi

# ---- a register's ties: the report's case lists by key, not by file order
# tie.csv lists B-2 before A-1 (both received 04-07 08:00, checked 09:00-
# 09:30 WIB: open at April's end with the same age) and E-5 before D-4
# (the same stamps: finished with the same lead).  A case list among equal
# leads or ages was in the order the cases were read (their ids: the
# file's row order), so the register by date said B-2, A-1 and E-5, D-4,
# the same rows sorted by case A-1, B-2 and D-4, E-5.  Now by key both
# ways: slowest D-4, E-5; open A-1, B-2, then C-3 (accepted a day later:
# younger).
lists() { # DB: slowest and open cases of April, with their lead / age
	rep 2025-04 "$1" | python3 -c "import json, sys
g = json.load(sys.stdin)['groups'][0]
print(' '.join(c['case'] for c in g['slowest']), '/', ' '.join(c['case'] for c in g['open_cases']),
      '/', len({c['lead'] for c in g['slowest']}), len({c['age'] for c in g['open_cases'][:2]}))"
}
"$MUTU" ingest "$D/tie.csv" --db "$TMP/tie-t.db" --quiet
bycase "$D/tie.csv" >"$TMP/tie-c.csv"
"$MUTU" ingest "$TMP/tie-c.csv" --db "$TMP/tie-c.db" --quiet
# the two leads equal (one value), the two first ages equal (one value)
expect_eq "tie.csv in time order: slowest and open cases by key among equals" "$(lists "$TMP/tie-t.db")" \
	"D-4 E-5 / A-1 B-2 C-3 / 1 1"
expect_eq "tie.csv in case order: the same lists" "$(lists "$TMP/tie-c.db")" "D-4 E-5 / A-1 B-2 C-3 / 1 1"

# ---- a second batch into an existing store under `ulimit -f` -------------
# A register of 20,000 cases, three steps each, in time order (step 1 of
# every case, then step 2, ...); the first 30,000 rows go in, the other
# 30,000 stop at the file size limit (half the store's size: the batch's
# WAL passes it).  Nothing of the batch is kept, the message names the
# cause (it said "store: disk I/O error": SQLite's errno, read after the
# failed COMMIT's rollback, was 0), and the same command then stores all.
python3 - "$TMP/reg.csv" <<'PY'
import sys, datetime
t0 = datetime.datetime(2025, 1, 6, tzinfo=datetime.timezone.utc)
with open(sys.argv[1], 'w') as f:
    f.write('case_id,step,activity,actor,start,end\n')
    for k, act in enumerate(('daftar', 'periksa', 'cetak')):
        for i in range(20000):
            s = t0 + datetime.timedelta(days=20 * k, seconds=60 * i)
            e = s + datetime.timedelta(minutes=30)
            f.write('R%05d,%d,%s,budi,%s,%s\n' % (i, k + 1, act, s.strftime('%Y-%m-%dT%H:%M:%SZ'), e.strftime('%Y-%m-%dT%H:%M:%SZ')))
PY
head -30001 "$TMP/reg.csv" >"$TMP/reg1.csv"
{ head -1 "$TMP/reg.csv"; tail -n +30002 "$TMP/reg.csv"; } >"$TMP/reg2.csv"
"$MUTU" ingest "$TMP/reg1.csv" --db "$TMP/u.db" --quiet
lim=$(($(stat -c %s "$TMP/u.db") / 2048))
( ulimit -f $lim; "$MUTU" ingest "$TMP/reg2.csv" --db "$TMP/u.db" --quiet ) >"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "ulimit -f on a second batch: exit 1" 1
expect_err_has "ulimit -f on a second batch: the cause named" "the file size limit is reached (ulimit -f)"
expect_eq "ulimit -f on a second batch: the store holds batch 1 only (30000 events, 1 batch)" \
	"$(sqlite3 "$TMP/u.db" "SELECT count(*) || ' ' || (SELECT count(*) FROM batches) FROM events")" "30000 1"
run "$MUTU" ingest "$TMP/reg2.csv" --db "$TMP/u.db" --quiet
expect_rc "ulimit -f: the same command again: exit 0" 0
# every case: 01-06 + i minutes .. its cetak 40 days later + 30 min, marker 3
expect_eq "ulimit -f, then again: 60000 events, 20000 cases, every marker 3, R19999's span" \
	"$(sqlite3 "$TMP/u.db" "SELECT (SELECT count(*) FROM events) || ' ' || count(*) || ' ' || sum(last_done_step = 3) || ' ' ||
		(SELECT datetime(first_ms / 1000, 'unixepoch') || ' ' || datetime(last_ms / 1000, 'unixepoch') FROM cases WHERE case_key = 'R19999')
		FROM cases")" "60000 20000 20000 2025-01-19 21:19:00 2025-02-28 21:49:00"
