#!/usr/bin/env bash
# tests/cli/test_field3.sh - third field round of the event-log side: logs
# written by hand in other tools' export styles (tests/data/logs/field3/),
# each the reproducer of a defect or a pin of behaviour that passed
# unchanged, expected values worked out by hand in the comments (id-wib:
# Mon-Thu 07:30-16:00 break 12:00-13:00, Fri 07:30-16:30 break 11:30-13:00,
# 450 working minutes a day; 2025-05-29 LN Kenaikan, 2025-05-30 cuti
# bersama, 2025-06-01 LN Pancasila on a Sunday).
. tests/cli/lib.sh

q() { sqlite3 "$1" "$2"; }
F=tests/data/logs/field3
M=tests/data/models

# ---- bupaR (R's write.csv): NA for a missing value ----
# An activitylog: Verifikasi has no resource (NA), Survei started 13:00
# and is not complete (NA).  NA is R's missing value, not text: no
# officer named NA, and Survei is an open step, so the case is open
# (before: actor 'NA', the Survei row rejected as a bad stamp and the
# case read as finished at 10:30).  Survei's start 13:00 WIB on Tue 3 Jun
# 2025 = 06:00Z: day 20242 * 86400000 + 6 * 3600000 = 1748930400000.
DB="$TMP/na.db"
run "$MUTU" ingest $F/bupar-activitylog-na.csv --db "$DB" --tz WIB
expect_rc "R NA: exit 0" 0
expect_out_has "R NA: all 3 rows stored" "events stored   3 (1 new cases)"
expect_out_has "R NA: said so" "NA: 2 row(s) (first: line 3) with NA in a role column, read as missing"
expect_eq "R NA: no officer named NA, one event without an actor" \
	"$(q "$DB" "SELECT count(*) FROM events WHERE actor = 'NA'") $(q "$DB" "SELECT count(*) FROM events WHERE actor IS NULL")" "0 1"
expect_eq "R NA: the open step's start, no end" \
	"$(q "$DB" "SELECT start_ms, quote(end_ms) FROM events WHERE activity = 'Survei'")" "1748930400000|NULL"
run "$MUTU" audit --case B3 --db "$DB" --no-store
expect_out_has "R NA: the case is open" "selesai: masih terbuka"
expect_out_has "R NA: Survei open" "budi               (terbuka)"
# An eventlog: NA resource on both rows of Verifikasi, NA timestamp on a
# row: that row has no stamp ("no timestamp", as an empty one), not a bad
# one; 4 of 5 rows stored.
DB="$TMP/na2.db"
run "$MUTU" ingest $F/bupar-eventlog-na.csv --db "$DB" --tz WIB
expect_out_has "R NA eventlog: 4 stored" "events stored   4 (1 new cases)"
expect_eq "R NA eventlog: NA stamp is a missing stamp" \
	"$(q "$DB" "SELECT reason FROM rejected")" "no timestamp: timestamp empty"
expect_eq "R NA eventlog: Verifikasi without actor" \
	"$(q "$DB" "SELECT count(*) FROM events WHERE activity = 'Verifikasi' AND actor IS NULL")" "2"

# ---- an en-US Excel / Disco export on the 12-hour clock (AM/PM) ----
# '%m/%d/%Y %I:%M:%S %p' reads it (before: %p and %I were refused, and no
# other format could read '1:15:00 PM').  On Tue 3 Jun 2025 (day 20242,
# 00:00Z = 1748908800000) h:mm WIB is (h-7):mm Z: 8:15 AM = 01:15Z =
# +4500000; 1:15 PM = 13:15 WIB = 06:15Z = +22500000; 12:05 PM is noon:
# 05:05Z = +18300000; 12:30 AM on 4 Jun is 00:30 WIB = 17:30Z on 3 Jun =
# +63000000.  '13:00:00 PM' is no 12-hour time: rejected.
DB="$TMP/ampm.db"
run "$MUTU" ingest $F/excel-ampm.csv --db "$DB" --tz WIB --date-format '%m/%d/%Y %I:%M:%S %p'
expect_rc "AM/PM: exit 0" 0
expect_out_has "AM/PM: 2 stored, 1 rejected" "events stored   2 (1 new cases)"
expect_eq "AM/PM: the instants" \
	"$(q "$DB" "SELECT group_concat((start_ms - 1748908800000) || '/' || (end_ms - 1748908800000), ' ') FROM (SELECT * FROM events ORDER BY id)")" \
	"4500000/22500000 18300000/63000000"
expect_eq "AM/PM: 13 PM refused" "$(q "$DB" "SELECT reason FROM rejected")" \
	"bad timestamp in Complete Timestamp: '6/4/2025 13:00:00 PM' (does not match --date-format)"

# ---- Excel serial day numbers as stamps (a date column saved as General) ----
# Refused, not read: the CSV does not say whether the workbook counted from
# 1900 or 1904.  The message gives both readings so the user sees the
# stakes: 45446 = 45292 (2024-01-01) + 154 = 3 Jun 2024 (31 + 29 + 31 +
# 30 + 31 = 152 days to 1 Jun); ,34375 x 1440 = 495 min = 08:15; from 1904
# it is 1462 days later, 4 Jun 2028.  Before: "expected ISO 8601 ... or
# give --date-format", and no --date-format reads a serial.
run "$MUTU" ingest $F/excel-serial.csv --db "$TMP/serial.db" --tz WIB
expect_rc "Excel serial: exit 2" 2
expect_err_has "Excel serial: says what it is, both readings, what to do" \
	"excel-serial.csv:2: the time stamps are Excel serial day numbers, a date column saved as General (45446,34375 would be 2024-06-03 08:15 counted from 1900, 2028-06-04 08:15 from 1904); not read"
expect_err_has "Excel serial: the fix" "format the column as a date and time (yyyy-mm-dd hh:mm:ss)"
[ -e "$TMP/serial.db" ] && not_ok "Excel serial: no store left behind" || ok "Excel serial: no store left behind"

# ---- Celonis activity table: USER_NAME is who did the step ----
# _CASE_KEY, ACTIVITY_EN, EVENTTIME, USER_NAME, USER_TYPE as Celonis
# writes them: USER_NAME is the officer (the actor), as org:resource in
# XES; before, it was dropped as a personal column and every step had no
# pelaksana.  USER_TYPE stays an attribute.  08:15 WIB on 3 Jun 2025 =
# 01:15Z = 1748908800000 + 4500000.
DB="$TMP/celonis.db"
run "$MUTU" ingest $F/celonis-user.csv --db "$DB" --tz WIB
expect_rc "Celonis: exit 0" 0
expect_out_has "Celonis: USER_NAME is the actor" "case=_CASE_KEY activity=ACTIVITY_EN actor=USER_NAME timestamp=EVENTTIME"
case "$OUT" in *"dropped personal columns"*) not_ok "Celonis: nothing dropped" "$OUT" ;; *) ok "Celonis: nothing dropped" ;; esac
expect_eq "Celonis: actors and first instant" \
	"$(q "$DB" "SELECT group_concat(actor, ' ') FROM (SELECT actor FROM events ORDER BY id)") $(q "$DB" "SELECT min(end_ms) FROM events")" \
	"ani budi 1748913300000"

# ---- the --date-format suggested for a day/month stamp is the stamp's own
# shape: separator, seconds, AM/PM ----
# Disco / a European Excel writes '28.05.2025 08:00:00'; the refusal
# suggested '%d/%m/%Y %H:%M' (before), which fails on every row of this
# log; now '%d.%m.%Y %H:%M:%S', which reads it (the audit below).  The
# en-US AM/PM log gets '%m/%d/%Y %I:%M:%S %p' offered.
run "$MUTU" ingest $F/disco-titik.csv --db "$TMP/titik.db" --sop uji-sla --models $M
expect_rc "suggested format: exit 2" 2
expect_err_has "suggested format: dots and seconds" \
	"give --date-format, e.g. --date-format '%d.%m.%Y %H:%M:%S' (day first) or '%m.%d.%Y %H:%M:%S'"
run "$MUTU" ingest $F/excel-ampm.csv --db "$TMP/ampm2.db" --tz WIB
expect_err_has "suggested format: the 12-hour clock" \
	"e.g. --date-format '%d/%m/%Y %I:%M:%S %p' (day first) or '%m/%d/%Y %I:%M:%S %p'"

# ---- XES: standard extensions declared under the exporter's own prefixes ----
# IEEE 1849 names an extension by its URI; the prefix is the log's.  Here
# Concept is "cn", Lifecycle "lc", Org "o" (the older deckfour.org URI),
# Time "t"; the global lc:transition = complete and the classifier use them
# too.  Read as concept:/lifecycle:/org:/time: (before: refused, "none of
# the first 3 events has time:timestamp").  Verifikasi start 08:00,
# complete 09:00 (ani): 1,0 jam; Tanda tangan has no lc:transition: the
# global's complete, from the previous end 09:00 to 10:00: 1,0 jam.
DB="$TMP/prefix.db"
run "$MUTU" ingest $F/xes-prefix.xes --db "$DB"
expect_rc "XES prefixes: exit 0" 0
expect_out_has "XES prefixes: said so" "Lifecycle (lc: its keys read as lifecycle)"
expect_eq "XES prefixes: case, actors, lifecycles" \
	"$(q "$DB" "SELECT group_concat(c.case_key || '/' || e.actor || '/' || e.lifecycle, ' ') FROM events e JOIN cases c ON c.id = e.case_id")" \
	"P1/ani/start P1/ani/complete P1/kadis/complete"
run "$MUTU" audit --case P1 --db "$DB" --no-store
expect_out_has "XES prefixes: Verifikasi 08:00-09:00" "ani                3 Mar 2025 09:00 +07:00      1,0 jam"
expect_out_has "XES prefixes: Tanda tangan 09:00-10:00" "kadis              3 Mar 2025 10:00 +07:00      1,0 jam"


# ---- the audit JSON's time unit says whose offset an instant carries ----
# A log in UTC keeps +00:00 on its instants (test_field.sh, pm4py-utc.xes)
# while the deadline mutu computes is on the office's clock; the unit
# said "with the office's UTC offset" for all of them (before).
DB="$TMP/unit.db"
"$MUTU" ingest tests/data/logs/field/pm4py-utc.xes --db "$DB" --models $M --quiet
run "$MUTU" audit --case X1 --db "$DB" --models $M --no-store --format json
expect_eq "audit json: the time unit says whose offset" \
	"$(printf '%s\n' "$OUT" | python3 -c 'import json, sys; d = json.load(sys.stdin); c = d["cases"][0]; print(d["units"]["time"], "|", c["finished_at"], c["deadline"])')" \
	"ISO 8601; instants read from the log keep the UTC offset the log wrote, a deadline has the office's | 2025-05-19T07:45:00+00:00 2025-05-20T09:40:00+07:00"

# ---- XES: a huge attribute value ----
# 3 MiB in a trace attribute and in an event attribute: stored whole (the
# bound is 16 MiB of one trace's or event's values).  11,000,000 bytes in
# one value: over libxml2's 10,000,000-byte bound for one value; the log is
# refused naming the line and that bound (before: "malformed XML: internal
# error: Huge input lookup", which sent the user hunting for an XML error).
# Written here, not kept as fixtures of 3 and 11 MB.
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
def log(name, trace_val, ev_val):
    with open(f"{d}/{name}", "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n'
                f'<trace><string key="concept:name" value="H1"/><string key="besar" value="{trace_val}"/>\n'
                f'<event><string key="concept:name" value="A"/><string key="isi" value="{ev_val}"/>'
                '<date key="time:timestamp" value="2025-03-03T09:00:00+07:00"/></event>\n</trace>\n</log>\n')
log("besar.xes", "x" * (3 << 20), "y" * (3 << 20))
log("terlalu.xes", "x", "y" * 11000000)
PY
DB="$TMP/besar.db"
run "$MUTU" ingest "$TMP/besar.xes" --db "$DB"
expect_rc "huge value: 3 MiB read, exit 0" 0
expect_eq "huge value: both stored whole" \
	"$(q "$DB" "SELECT length(value) FROM case_attrs") $(q "$DB" "SELECT length(value) FROM event_attrs")" \
	"$((3 << 20)) $((3 << 20))"
run "$MUTU" ingest "$TMP/terlalu.xes" --db "$TMP/terlalu.db"
expect_rc "huge value: 11 MB refused, exit 2" 2
expect_err_has "huge value: the line and the bound, not 'malformed'" \
	"terlalu.xes:4: an attribute value or text over 10000000 bytes, the most the XML reader takes in one value"
[ -e "$TMP/terlalu.db" ] && not_ok "huge value: no store left behind" || ok "huge value: no store left behind"
