#!/usr/bin/env bash
# tests/cli/test_ingest_tools.sh - mutu ingest on the exports of process-mining
# tools read as they are (PM4Py interval logs, bupaR, Disco, Celonis), idle
# date columns named, standard input, bounded records and the leap second.
#
# The logs are hand-written in tests/data/logs/tools/ (one per tool's style);
# every expected figure below is worked out from those few rows by hand.
# Instants: 2025-03-03 is day 20150 since 1970-01-01 (20089 for 2025-01-01,
# + 31 + 28 + 2), so 2025-03-03T00:00Z = 1740960000000 ms.
. tests/cli/lib.sh

D=tests/data/logs/tools
DAY=1740960000000 # 2025-03-03T00:00:00Z in ms
q() { sqlite3 "$1" "$2"; }

run "$MUTU" ingest --help
expect_out_has "ingest --help names the tools read as they are" "Disco     Case ID, Activity"
expect_out_has "ingest --help says - is standard input" "'-' reads the log from standard input"

# ---- PM4Py interval log: start_timestamp + time:timestamp (the completion) ----
# 3 rows, cases P1 and P2; each row one step with both stamps:
# P1 Pendaftaran 08:00-08:30 (30 min), P1 Verifikasi 09:00-11:15 (135 min),
# P2 Pendaftaran 10:00-10:45 (45 min).
DB=$TMP/pm4py.db
run "$MUTU" ingest "$D/pm4py-interval.csv" --db "$DB"
expect_rc "pm4py interval: exit 0" 0
expect_out_has "pm4py interval: rows" "rows read       3"
expect_out_has "pm4py interval: events and cases" "events stored   3 (2 new cases)"
expect_out_has "pm4py interval: time:timestamp is the end" "start=start_timestamp end=time:timestamp"
expect_out_has "pm4py interval: said so" "interval log: start_timestamp is each step's start and time:timestamp its completion"
expect_eq "pm4py interval: step minutes" \
	"$(q "$DB" "SELECT group_concat((end_ms - start_ms) / 60000, ' ') FROM (SELECT * FROM events ORDER BY line)")" \
	"30 135 45"
expect_eq "pm4py interval: no open step (every row has an end)" \
	"$(q "$DB" "SELECT count(*) FROM events WHERE end_ms IS NULL OR start_ms IS NULL")" "0"
# 08:00+07:00 = 01:00Z
expect_eq "pm4py interval: first start instant and offset" \
	"$(q "$DB" "SELECT start_ms, start_off FROM events WHERE line = 2")" "$((DAY + 3600000))|420"
expect_eq "pm4py interval: endDatePlanned kept per case under its own name" \
	"$(q "$DB" "SELECT count(*) FROM case_attrs WHERE name = 'endDatePlanned'")" "2"
case "$OUT" in *warning:*) not_ok "pm4py interval: no warning for endDatePlanned" "$OUT" ;;
	*) ok "pm4py interval: no warning for endDatePlanned" ;; esac
# the audit sees done steps: P1 ends with Verifikasi at 11:15 (before: every step open),
# Pendaftaran 08:00-08:30 on Monday 2025-03-03, inside office hours: 30 minutes
run "$MUTU" audit --case P1 --db "$DB"
expect_out_has "pm4py interval: audit sees P1 finished" "selesai: 3 Mar 2025 11:15 +07:00"
expect_out_has "pm4py interval: audit step time" "3 Mar 2025 08:30 +07:00     30 menit"
# the same steps in mutu's own start/end form give the same stored events
DB2=$TMP/canon.db
run "$MUTU" ingest "$D/pm4py-interval-canonical.csv" --db "$DB2"
ev="SELECT group_concat(activity || '|' || actor || '|' || start_ms || '|' || end_ms || '|' || end_off, ';') FROM (SELECT * FROM events ORDER BY line)"
expect_eq "pm4py interval: stored as the canonical start/end form is" "$(q "$DB" "$ev")" "$(q "$DB2" "$ev")"

# ---- bupaR eventlog: one row per lifecycle transition ----
# 5 rows: 3 'start' rows fill start_ms, 2 'complete' rows fill end_ms (paired by
# the readers, docs/store.md); activity_instance_id and .order are attributes.
DB=$TMP/bupar.db
run "$MUTU" ingest "$D/bupar-eventlog.csv" --db "$DB"
expect_rc "bupaR eventlog: exit 0" 0
expect_out_has "bupaR eventlog: columns" "case=case_id activity=activity_id actor=resource_id timestamp=timestamp lifecycle=lifecycle_id"
expect_out_has "bupaR eventlog: events and cases" "events stored   5 (2 new cases)"
expect_eq "bupaR eventlog: start rows / complete rows" \
	"$(q "$DB" "SELECT sum(start_ms IS NOT NULL AND end_ms IS NULL) || '/' || sum(end_ms IS NOT NULL AND start_ms IS NULL) FROM events")" "3/2"
expect_eq "bupaR eventlog: activity_instance_id kept" \
	"$(q "$DB" "SELECT count(*) FROM event_attrs WHERE name = 'activity_instance_id'")" "5"
# the audit pairs start and complete: B1 Pendaftaran 08:00-08:20 = 20 minutes, B1 done at 10:00
run "$MUTU" audit --case B1 --db "$DB"
expect_out_has "bupaR eventlog: audit pairs start/complete" "3 Mar 2025 08:20 +07:00     20 menit"
expect_out_has "bupaR eventlog: audit sees B1 finished" "selesai: 3 Mar 2025 10:00 +07:00"

# R's write.csv of the same kind of log: quoted names, the row numbers under an
# unnamed first column (kept as attribute column_1), stamps without a zone (--tz UTC):
# B1 Pendaftaran 01:00-01:20Z, B2 opened 2025-03-04 02:00Z.
DB=$TMP/bupar-r.db
run "$MUTU" ingest "$D/bupar-eventlog-writecsv.csv" --db "$DB" --tz UTC
expect_rc "bupaR write.csv: exit 0" 0
expect_out_has "bupaR write.csv: events and cases" "events stored   3 (2 new cases)"
expect_eq "bupaR write.csv: stamps (start, end, start)" \
	"$(q "$DB" "SELECT group_concat(coalesce(start_ms, '-') || '/' || coalesce(end_ms, '-'), ' ') FROM (SELECT * FROM events ORDER BY line)")" \
	"$((DAY + 3600000))/- -/$((DAY + 4800000)) $((DAY + 86400000 + 7200000))/-"
expect_eq "bupaR write.csv: row numbers under column_1" \
	"$(q "$DB" "SELECT group_concat(value, ' ') FROM event_attrs WHERE name = 'column_1'")" "1 2 3"

# ---- bupaR activitylog: lifecycle columns start, complete; local stamps, --tz WIB ----
# A1 Pendaftaran 08:00-08:20 WIB (20 min), Verifikasi 09:00-10:30 (90 min);
# 08:00 WIB = 01:00Z.
DB=$TMP/bupar-act.db
run "$MUTU" ingest "$D/bupar-activitylog.csv" --db "$DB" --tz WIB
expect_rc "bupaR activitylog: exit 0" 0
expect_out_has "bupaR activitylog: start and complete columns" "start=start end=complete"
expect_eq "bupaR activitylog: steps" \
	"$(q "$DB" "SELECT group_concat(start_ms || ',' || start_off || ',' || ((end_ms - start_ms) / 60000), ' ') FROM (SELECT * FROM events ORDER BY line)")" \
	"$((DAY + 3600000)),420,20 $((DAY + 7200000)),420,90"

# ---- Disco export: Case ID, Start Timestamp, Complete Timestamp, 2025/03/03 stamps ----
# --tz WITA: D1 Pendaftaran 08:00 WITA = 00:00Z; steps 25, 40 and 5 minutes.
DB=$TMP/disco.db
run "$MUTU" ingest "$D/disco.csv" --db "$DB" --tz WITA
expect_rc "Disco: exit 0" 0
expect_out_has "Disco: columns" "case=Case ID activity=Activity actor=Resource start=Start Timestamp end=Complete Timestamp"
expect_out_has "Disco: events and cases" "events stored   3 (2 new cases)"
expect_eq "Disco: first start, step minutes" \
	"$(q "$DB" "SELECT min(start_ms) || ' ' || group_concat((end_ms - start_ms) / 60000, ' ') FROM (SELECT * FROM events ORDER BY line)")" \
	"$DAY 25 40 5"
expect_eq "Disco: Variant kept as an event attribute" \
	"$(q "$DB" "SELECT value FROM event_attrs WHERE name = 'Variant' LIMIT 1")" "Variant 1"

# ---- Celonis-style export: _CASE_KEY, ACTIVITY_EN, EVENTTIME ----
# one completion stamp per row; C1 Approve Application 2025-03-05 14:00+08:00 = 06:00Z
# on day 20152.
DB=$TMP/celonis.db
run "$MUTU" ingest "$D/celonis.csv" --db "$DB"
expect_rc "Celonis: exit 0" 0
expect_out_has "Celonis: columns" "case=_CASE_KEY activity=ACTIVITY_EN timestamp=EVENTTIME"
expect_out_has "Celonis: events and cases" "events stored   3 (2 new cases)"
expect_eq "Celonis: completion stamp" \
	"$(q "$DB" "SELECT end_ms FROM events WHERE activity = 'Approve Application'")" "$((DAY + 2 * 86400000 + 6 * 3600000))"

# ---- header names: any case, '-' '_' ' ' '.' ignored, case: prefix for case-level roles ----
printf 'CASE:Case-Id;ACTIVITY;Time:Timestamp;Case:SOP\nK1;A;2025-03-03T08:00:00+07:00;x\n' >"$TMP/names.csv"
run "$MUTU" ingest "$TMP/names.csv" --db "$TMP/names.db"
expect_rc "header spelling: exit 0" 0
expect_out_has "header spelling: roles found" "case=CASE:Case-Id sop=Case:SOP activity=ACTIVITY timestamp=Time:Timestamp"

# ---- time-like columns: which is used, which are left, and an idle date column ----
# registered_at holds dates nobody reads: one warning; endDatePlanned and
# due_date are planned dates (read by the reports): named, not warned about.
printf '%s\n' 'case_id,activity,time:timestamp,registered_at,case:endDatePlanned,due_date,note' \
	'K1,A,2025-03-03T08:00:00+07:00,2025-03-01 10:00,2025-03-10,2025-03-12,ok' \
	'K2,A,2025-03-04T08:00:00+07:00,2025-03-02 11:00,2025-03-11,2025-03-12,2 pages' >"$TMP/idle.csv"
run "$MUTU" ingest "$TMP/idle.csv" --db "$TMP/idle.db"
expect_rc "idle date column: exit 0" 0
expect_out_has "idle date column: used and left named" \
	"time columns: used time:timestamp (timestamp); left as attributes: registered_at, case:endDatePlanned (planned date: read by the reports), due_date (planned date: read by the reports)"
expect_out_has "idle date column: warned" "warning: column registered_at holds date-times (e.g. '2025-03-01 10:00') that nothing uses"
expect_eq "idle date column: exactly one warning" "$(printf '%s\n' "$OUT" | grep -c '^warning:')" "1"

# ---- standard input ----
DB=$TMP/stdin.db
mkdir -p "$TMP/tmpdir"
TMPDIR=$TMP/tmpdir run "$MUTU" ingest - --db "$DB" <"$D/pm4py-interval.csv"
expect_rc "stdin: exit 0" 0
expect_out_has "stdin: named <stdin>" "batch 1: <stdin> into"
expect_out_has "stdin: rows" "events stored   3 (2 new cases)"
expect_eq "stdin: batch file and SHA-256 of the bytes read" \
	"$(q "$DB" "SELECT file || ' ' || sha256 || ' ' || size FROM batches")" \
	"<stdin> $(sha256sum "$D/pm4py-interval.csv" | cut -d' ' -f1) $(wc -c <"$D/pm4py-interval.csv")"
expect_eq "stdin: temporary copy removed" "$(ls "$TMP/tmpdir" | wc -l)" "0"
run "$MUTU" ingest "$D/pm4py-interval.csv" --db "$DB"
expect_out_has "stdin: the same bytes as a file are a no-op" "already ingested as batch 1"
cat "$D/pm4py-interval.csv" | { run "$MUTU" ingest - --db "$DB"; expect_out_has "stdin: piped again is a no-op" "<stdin>: already ingested as batch 1"; }
run "$MUTU" ingest - --db "$TMP/empty.db" </dev/null
expect_rc "stdin: empty input is bad input" 2
expect_err_has "stdin: empty input named" "<stdin>: empty file"

# ---- a first row of 2 MiB: the probe reads records, not 1 MiB ----
{
	printf 'case_id,activity,end,note\nK1,A,2025-03-03T08:00:00+07:00,'
	head -c 2097152 /dev/zero | tr '\0' x
	printf '\nK2,A,2025-03-03T09:00:00+07:00,short\n'
} >"$TMP/wide.csv"
run "$MUTU" ingest "$TMP/wide.csv" --db "$TMP/wide.db"
expect_rc "2 MiB first row: exit 0 (not 'only a header line')" 0
expect_out_has "2 MiB first row: both rows stored" "events stored   2 (2 new cases)"
expect_eq "2 MiB first row: its note kept whole" \
	"$(q "$TMP/wide.db" "SELECT length(value) FROM event_attrs WHERE name = 'note' ORDER BY event_id LIMIT 1")" "2097152"

# ---- a record over the 16 MiB limit between good rows ----
# line 3 = "K2,A,2025-03-03T09:00:00+07:00," (31 bytes) + 17000000 x = 17000031 bytes.
{
	printf 'case_id,activity,end,note\nK1,A,2025-03-03T08:00:00+07:00,a\nK2,A,2025-03-03T09:00:00+07:00,'
	head -c 17000000 /dev/zero | tr '\0' x
	printf '\nK3,A,2025-03-03T10:00:00+07:00,b\nK4,A,2025-03-03T11:00:00+07:00,c\n'
} >"$TMP/long.csv"
DB=$TMP/long.db
run "$MUTU" ingest "$TMP/long.csv" --db "$DB"
expect_rc "over-long record: exit 0" 0
expect_out_has "over-long record: rows read 4" "rows read       4"
expect_out_has "over-long record: the 3 good rows stored" "events stored   3 (3 new cases)"
expect_out_has "over-long record: counted by reason" "record too long            1"
expect_eq "over-long record: rejected with its line and length" \
	"$(q "$DB" "SELECT line || ' ' || substr(reason, 1, 47) || ' ' || length(raw) FROM rejected")" \
	"3 record too long: 17000031 bytes on line 3, over 256"
expect_eq "over-long record: cases stored" "$(q "$DB" "SELECT group_concat(case_key, ' ') FROM (SELECT case_key FROM cases ORDER BY case_key)")" "K1 K3 K4"
expect_eq "over-long record: rows read = stored + rejected + duplicates" \
	"$(q "$DB" "SELECT rows_read = events_stored + rejected + duplicates FROM batches")" "1"

# ---- a 150 MB line without a newline at the end: never buffered whole ----
# Buffered whole it would cost several times 150 MB; bounded, the ingest stays
# under 100 MB of peak memory (its own buffers are at most 16 MiB each).
{
	printf 'case_id,activity,end\nK1,A,2025-03-03T08:00:00+07:00\n'
	head -c 150000000 /dev/zero | tr '\0' x
} >"$TMP/huge.csv"
DB=$TMP/huge.db
/usr/bin/time -v "$MUTU" ingest "$TMP/huge.csv" --db "$DB" >"$TMP/huge.out" 2>"$TMP/huge.err"
expect_eq "150 MB line: exit 0" "$?" "0"
OUT=$(cat "$TMP/huge.out")
expect_out_has "150 MB line: rejected, the good row stored" "events stored   1 (1 new cases)"
expect_eq "150 MB line: its length" "$(q "$DB" "SELECT substr(reason, 1, 38) FROM rejected")" "record too long: 150000000 bytes on li"
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/huge.err")
if [ -n "$rss" ] && [ "$rss" -lt 100000 ]; then ok "150 MB line: peak memory ${rss} kB < 100 MB"
else not_ok "150 MB line: peak memory" "peak ${rss:-?} kB, expected < 100000"; fi
rm -f "$TMP/huge.csv" "$TMP/long.csv"

# ---- leap second: second 60 read as 59, named; 61 rejected ----
# L1 ends 08:00:60+07:00 -> read as 08:00:59+07:00 = 01:00:59Z = DAY + 3659000 ms.
printf '%s\n' 'case_id,activity,start,end' \
	'L1,A,2025-03-03T08:00:00+07:00,2025-03-03T08:00:60+07:00' \
	'L2,A,2025-03-03T08:00:00+07:00,2025-03-03T08:00:61+07:00' >"$TMP/leap.csv"
DB=$TMP/leap.db
run "$MUTU" ingest "$TMP/leap.csv" --db "$DB"
expect_rc "leap second: exit 0" 0
expect_out_has "leap second: named in the summary" "leap second: 1 row(s) with second 60 (first: line 2, end '2025-03-03T08:00:60+07:00') read as second 59"
expect_eq "leap second: stored as :59" "$(q "$DB" "SELECT end_ms FROM events")" "$((DAY + 3659000))"
expect_eq "leap second: :61 is a bad timestamp" "$(q "$DB" "SELECT line || ' ' || reason FROM rejected")" \
	"3 bad timestamp in end: '2025-03-03T08:00:61+07:00'"
