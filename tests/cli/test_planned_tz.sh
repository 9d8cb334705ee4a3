#!/usr/bin/env bash
# tests/cli/test_planned_tz.sh - issue 8: planned end dates under every
# spelling logs use, shares over the cases they concern, and days and months
# cut at local midnight (the stamps' own offset, or --tz with daylight
# saving), --month latest in that same zone.  Hand-made logs without a
# model (24x7 calendar: a case runs from its first stamp to its last); the
# expected figures are worked out by hand in the comments.
. tests/cli/lib.sh

# json FILE EXPR: evaluate a Python expression over the report's JSON;
# g = the no-model group's summary, t = its trend rows by month,
# dly = its daily rows by date
json() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
grp = [x for x in d["groups"] if x["id"] == "no-sop"][0]
g = grp["summary"]
t = {r["month"]: r for r in grp["trend"]}
dly = {r["date"]: r for r in grp["daily"]}
print(eval(sys.argv[2]))
EOF
}

# ---- 1. planned dates under each spelling ----
# Three cases finished in May 2024 (WIB stamps):
#   A  6 May 09:00 -> 10 May 10:00, planned 8 May 17:00: late
#   B  6 May 09:00 ->  7 May 10:00, planned 8 May 17:00: on time
#   C 13 May 09:00 -> 14 May 10:00, no planned date (empty cell)
# By planned date: 1 of the 2 cases that have one = 0.5; C is in neither
# count (it would make 2/3 if counted as on time).  The column is a case
# attribute when written with "case:", else an event attribute.
planned_log() { # COLUMN-HEADER
	cat <<CSV
case_id,activity,start,end,$1
A,Terima,2024-05-06T09:00:00+07:00,2024-05-06T09:30:00+07:00,2024-05-08T17:00:00+07:00
A,Selesai,2024-05-10T09:00:00+07:00,2024-05-10T10:00:00+07:00,2024-05-08T17:00:00+07:00
B,Terima,2024-05-06T09:00:00+07:00,2024-05-06T09:30:00+07:00,2024-05-08T17:00:00+07:00
B,Selesai,2024-05-07T09:00:00+07:00,2024-05-07T10:00:00+07:00,2024-05-08T17:00:00+07:00
C,Terima,2024-05-13T09:00:00+07:00,2024-05-13T09:30:00+07:00,
C,Selesai,2024-05-14T09:00:00+07:00,2024-05-14T10:00:00+07:00,
CSV
}
n=0
for col in case:endDatePlanned endDatePlanned case:enddate_planned enddate_planned case:planned_end \
	   planned_end deadline case:deadline due_date case:dueDate dueDate tanggal_target \
	   case:batas_waktu batas_waktu "Due Date"; do
	n=$((n + 1))
	planned_log "$col" >"$TMP/p$n.csv"
	"$MUTU" ingest "$TMP/p$n.csv" --db "$TMP/p$n.db" --quiet 2>/dev/null
	# the report for a few spellings (it runs gnuplot: slow); the audit,
	# which reads the planned date the same way, for every one
	case $n in 1 | 2 | 15)
		run "$MUTU" report monthly --month 2024-05 --db "$TMP/p$n.db" --out "$TMP/po$n" --format json
		got=$(json "$TMP/po$n/report-2024-05.json" \
			'(g["finished"], g["with_planned_date"], g["within_planned_date"], g["share_by_planned_date"], t["2024-05"]["share_by_planned_date"], d["planned_dates"]["cases"])')
		expect_eq "report, planned date spelled '$col': 2 of 3 cases have one, 1 on time" "$got" "(3, 2, 1, 0.5, 0.5, 2)"
		;;
	esac
	run "$MUTU" audit --db "$TMP/p$n.db" --from 2024-05-01 --to 2024-05-31 --format json --no-store
	got=$(echo "$OUT" | python3 -c "
import json, sys
d = json.load(sys.stdin)
late = sorted(c['case'] for c in d['cases'] if c['late_planned'])
print(late, d['summary']['with_planned_date'], d['summary']['late_planned'], sum(d['summary']['planned_date_columns'].values()))")
	expect_eq "audit, '$col': A late by its planned date, 2 cases have one" "$got" "['A'] 2 1 2"
done
# the report names the column (as stored: without the case: prefix)
got=$(json "$TMP/po1/report-2024-05.json" '[(c["name"], c["level"]) for c in d["planned_dates"]["columns"]]')
expect_eq "the report names the planned-date column and its level" "$got" "[('endDatePlanned', 'case')]"
got=$(json "$TMP/po2/report-2024-05.json" '[(c["name"], c["level"]) for c in d["planned_dates"]["columns"]]')
expect_eq "an event attribute is named as one" "$got" "[('endDatePlanned', 'event')]"
run "$MUTU" report monthly --month 2024-05 --db "$TMP/p1.db" --out "$TMP/po1m" --format md --lang en
expect_rc "markdown report exit 0" 0
grep -q "Per-case planned date: 2 of 3 cases have one, from column endDatePlanned (case attribute, 2)" \
	"$TMP/po1m/report-2024-05.md" && ok "markdown: how many cases had a planned date, from which column" ||
	not_ok "markdown: how many cases had a planned date, from which column" "$(grep -i planned "$TMP/po1m/report-2024-05.md")"
run "$MUTU" audit --db "$TMP/p1.db" --from 2024-05-01 --to 2024-05-31 --no-store --lang en
expect_out_has "audit text: cases with a planned date and the column" "column: endDatePlanned (2)"

# --deadline-col: a name mutu does not know is not a planned date ...
planned_log "case:Zieldatum" >"$TMP/z.csv"
"$MUTU" ingest "$TMP/z.csv" --db "$TMP/z.db" --quiet 2>/dev/null
run "$MUTU" report monthly --month 2024-05 --db "$TMP/z.db" --out "$TMP/zo" --format json
got=$(json "$TMP/zo/report-2024-05.json" '(g["with_planned_date"], g["share_by_planned_date"], g["share_within"], d["planned_dates"]["cases"])')
# no planned date and no model (no ceiling): both shares absent, never 0% or 100%
expect_eq "unknown column: no planned date, shares null" "$got" "(0, None, None, 0)"
# ... until --deadline-col names it (case and prefix ignored)
run "$MUTU" report monthly --month 2024-05 --db "$TMP/z.db" --out "$TMP/zo2" --format json --deadline-col zieldatum
got=$(json "$TMP/zo2/report-2024-05.json" '(g["with_planned_date"], g["share_by_planned_date"], d["planned_dates"]["deadline_col"])')
expect_eq "--deadline-col zieldatum: 2 cases, 0.5" "$got" "(2, 0.5, 'zieldatum')"
run "$MUTU" audit --db "$TMP/z.db" --from 2024-05-01 --to 2024-05-31 --format json --no-store --deadline-col Zieldatum
got=$(echo "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['summary']['with_planned_date'], d['summary']['late_planned'])")
expect_eq "audit --deadline-col: 2 with a planned date, 1 late" "$got" "2 1"
# a name with a quote is matched as data (bound, never pasted into SQL)
planned_log "case:it's due" >"$TMP/q.csv"
"$MUTU" ingest "$TMP/q.csv" --db "$TMP/q.db" --quiet 2>/dev/null
run "$MUTU" audit --db "$TMP/q.db" --from 2024-05-01 --to 2024-05-31 --format json --no-store --deadline-col "it's due"
got=$(echo "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['summary']['with_planned_date'], d['summary']['planned_date_columns'])")
expect_eq "--deadline-col with a quote in the name" "$got" "2 {\"it's due\": 2}"
# the CSV report carries the same planned-date facts as the JSON
run "$MUTU" report monthly --month 2024-05 --db "$TMP/z.db" --out "$TMP/zc" --format csv --deadline-col Zieldatum
got=$(python3 - "$TMP/zc/report-2024-05.csv" <<'EOF'
import csv, sys
rows = {(r["group"], r["section"], r["metric"]): r["value"] for r in csv.DictReader(open(sys.argv[1], newline=""))}
print(rows[("report", "meta", "planned_date_cases")], rows[("report", "meta", "planned_date_columns")])
EOF
)
expect_eq "csv meta: planned-date cases and column" "$got" "2 Zieldatum (case, 2)"
# --deadline-col replaces the known names: with it, endDatePlanned is not read
run "$MUTU" report monthly --month 2024-05 --db "$TMP/p1.db" --out "$TMP/po1z" --format json --deadline-col Zieldatum
got=$(json "$TMP/po1z/report-2024-05.json" '(g["with_planned_date"], g["share_by_planned_date"])')
expect_eq "--deadline-col names the only column read" "$got" "(0, None)"
run "$MUTU" report monthly --month 2024-05 --db "$TMP/z.db" --out "$TMP/zo3" --deadline-col ""
expect_rc "--deadline-col empty: exit 2" 2
# markdown without any planned date: the share shows as a dash, and a note says none was found
run "$MUTU" report monthly --month 2024-05 --db "$TMP/z.db" --out "$TMP/zo4" --format md --lang en
grep -q "Finished by the per-case planned date: \*\*–\*\*" "$TMP/zo4/report-2024-05.md" &&
	ok "markdown: no planned date shows –" ||
	not_ok "markdown: no planned date shows –" "$(grep -i 'planned' "$TMP/zo4/report-2024-05.md" | head -5)"
grep -q "Per-case planned date: no case has one" "$TMP/zo4/report-2024-05.md" &&
	ok "markdown: says no case has a planned date" || not_ok "markdown: says no case has a planned date"

# no planned date, but an attribute whose name looks like one: the report
# names it and says how to use it
planned_log "case:Target Selesai" >"$TMP/h.csv"
"$MUTU" ingest "$TMP/h.csv" --db "$TMP/h.db" --quiet 2>/dev/null
run "$MUTU" report monthly --month 2024-05 --db "$TMP/h.db" --out "$TMP/ho" --format json
got=$(json "$TMP/ho/report-2024-05.json" '(g["with_planned_date"], d["planned_dates"]["unused_lookalikes"])')
expect_eq "a look-alike column is named, not used" "$got" "(0, 'Target Selesai')"
run "$MUTU" report monthly --month 2024-05 --db "$TMP/h.db" --out "$TMP/ho" --format md --lang en
grep -q "Attributes that look like a planned date but were not used: Target Selesai (give --deadline-col NAME" \
	"$TMP/ho/report-2024-05.md" && ok "markdown: the look-alike column and --deadline-col" ||
	not_ok "markdown: the look-alike column and --deadline-col"

# ---- 2. a trend month mixing cases with and without a planned date ----
# The issue's example: in June 2024, D has a planned date and is late, E and
# F have none.  By planned date: 0 of 1 = 0.0 in the summary AND in the
# trend (the trend divided by all 3 finished cases before: 2/3 = 66.7%).
cat >"$TMP/mix.csv" <<'CSV'
case_id,activity,start,end,case:deadline
D,Terima,2024-06-03T09:00:00+07:00,2024-06-03T10:00:00+07:00,2024-06-04T12:00:00+07:00
D,Selesai,2024-06-05T09:00:00+07:00,2024-06-05T10:00:00+07:00,2024-06-04T12:00:00+07:00
E,Terima,2024-06-03T09:00:00+07:00,2024-06-03T10:00:00+07:00,
E,Selesai,2024-06-04T09:00:00+07:00,2024-06-04T10:00:00+07:00,
F,Terima,2024-06-10T09:00:00+07:00,2024-06-10T10:00:00+07:00,
F,Selesai,2024-06-11T09:00:00+07:00,2024-06-11T10:00:00+07:00,
CSV
"$MUTU" ingest "$TMP/mix.csv" --db "$TMP/mix.db" --quiet 2>/dev/null
run "$MUTU" report monthly --month 2024-06 --db "$TMP/mix.db" --out "$TMP/mo" --format json
got=$(json "$TMP/mo/report-2024-06.json" \
	'(g["share_by_planned_date"], t["2024-06"]["finished"], t["2024-06"]["with_planned_date"], t["2024-06"]["share_by_planned_date"], t["2024-05"]["share_by_planned_date"])')
expect_eq "trend month mixing dated and undated cases: 0.0 in summary and trend, null in an empty month" \
	"$got" "(0, 3, 1, 0, None)"
run "$MUTU" report monthly --month 2024-06 --db "$TMP/mix.db" --out "$TMP/mo" --format csv
got=$(python3 - "$TMP/mo/report-2024-06.csv" <<'EOF'
import csv, sys
rows = {(r["group"], r["section"], r["item"], r["metric"]): r["value"] for r in csv.DictReader(open(sys.argv[1], newline=""))}
print(repr(rows[("no-sop", "trend", "2024-06", "share_by_planned_date")]), repr(rows[("no-sop", "trend", "2024-05", "share_by_planned_date")]))
EOF
)
expect_eq "csv trend: 0 where 0 of 1, empty where no case has a date" "$got" "'0' ''"

# ---- 3. local midnight from the stamps' own offset ----
# G ends at 2011-06-01T00:00:00+02:00 (= 31 May 22:00 UTC): local June.
# H ends 2011-07-05 (July).  Cut in UTC (before), G landed in May and the
# June report was empty although --month latest chose it.
cat >"$TMP/g.csv" <<'CSV'
case_id,activity,start,end
G,Ontvangst,2011-05-31T10:00:00+02:00,2011-05-31T11:00:00+02:00
G,Besluit,2011-05-31T23:00:00+02:00,2011-06-01T00:00:00+02:00
H,Ontvangst,2011-07-04T10:00:00+02:00,2011-07-04T11:00:00+02:00
H,Besluit,2011-07-05T09:00:00+02:00,2011-07-05T10:00:00+02:00
CSV
"$MUTU" ingest "$TMP/g.csv" --db "$TMP/g.db" --quiet 2>/dev/null
run "$MUTU" report monthly --month 2011-06 --db "$TMP/g.db" --out "$TMP/go" --format json
got=$(json "$TMP/go/report-2011-06.json" '(g["finished"], g["completions"], dly["2011-06-01"]["completions"], g["zone_rule"], t["2011-05"]["finished"])')
expect_eq "+02:00 local midnight on the 1st: the case lands in June, on 1 June" "$got" "(1, 1, 1, 'stamps', 0)"
# months with a finished case: June (G), July (H): --month latest is the
# latest month that holds a finished case (issue 8) = July, holding H
run "$MUTU" report monthly --month latest --db "$TMP/g.db" --out "$TMP/gl" --format json
expect_out_has "--month latest in the stamps' zone: 2011-07" "report-2011-07.json"
got=$(json "$TMP/gl/report-2011-07.json" 'g["finished"]')
expect_eq "--month latest opens a month that holds the finished case" "$got" "1"
run "$MUTU" report monthly --month 2011-06 --db "$TMP/g.db" --out "$TMP/gm" --format md --lang en
grep -q "local midnight at the UTC offset written on the case's own stamps" "$TMP/gm/report-2011-06.md" &&
	ok "the report states the zone rule (stamps)" || not_ok "the report states the zone rule (stamps)"

# ---- 4. --tz Europe/Amsterdam across the daylight-saving changes ----
# Stamps in UTC ("Z"), so only --tz makes them local.  Amsterdam: CET
# (+01:00) until 31 March 2024 01:00 UTC, CEST (+02:00) until 27 October
# 2024 01:00 UTC, then CET again (EU rule: last Sundays of March/October).
#   P ends 2024-03-31T22:30Z = 1 Apr 00:30 CEST: April  (UTC: March;
#     a zone stuck on CET would give 31 Mar 23:30: March)
#   Q ends 2024-10-31T22:30Z = 31 Oct 23:30 CET: October (a zone stuck on
#     CEST would give 1 Nov 00:30: November)
#   R ends 2024-10-31T23:30Z =  1 Nov 00:30 CET: November (UTC: October)
cat >"$TMP/ams.csv" <<'CSV'
case_id,activity,start,end
P,Ontvangst,2024-03-29T10:00:00Z,2024-03-29T11:00:00Z
P,Besluit,2024-03-31T22:00:00Z,2024-03-31T22:30:00Z
Q,Ontvangst,2024-10-14T10:00:00Z,2024-10-14T11:00:00Z
Q,Besluit,2024-10-31T22:00:00Z,2024-10-31T22:30:00Z
R,Ontvangst,2024-10-30T10:00:00Z,2024-10-30T11:00:00Z
R,Besluit,2024-10-31T23:00:00Z,2024-10-31T23:30:00Z
CSV
"$MUTU" ingest "$TMP/ams.csv" --db "$TMP/ams.db" --quiet 2>/dev/null
for mo in 2024-03:0 2024-04:1 2024-10:1 2024-11:1; do
	run "$MUTU" report monthly --month "${mo%:*}" --db "$TMP/ams.db" --out "$TMP/ao" --format json --tz Europe/Amsterdam
	got=$(json "$TMP/ao/report-${mo%:*}.json" '(g["finished"], g["zone_rule"], g["zone_name"])')
	expect_eq "--tz Europe/Amsterdam: ${mo%:*} has ${mo#*:} finished" "$got" "(${mo#*:}, 'tz', 'Europe/Amsterdam')"
done
run "$MUTU" report monthly --month 2024-04 --db "$TMP/ams.db" --out "$TMP/ao" --format json --tz Europe/Amsterdam
got=$(json "$TMP/ao/report-2024-04.json" '(dly["2024-04-01"]["completions"], t["2024-03"]["finished"], t["2024-04"]["finished"])')
expect_eq "--tz: P completes on 1 April local (CEST), trend March 0, April 1" "$got" "(1, 0, 1)"
# the same store without --tz: the stamps say UTC, P is March, Q and R October
run "$MUTU" report monthly --month 2024-10 --db "$TMP/ams.db" --out "$TMP/au" --format json
got=$(json "$TMP/au/report-2024-10.json" '(g["finished"], t["2024-03"]["finished"], t["2024-04"]["finished"], g["zone_rule"])')
expect_eq "no --tz: UTC stamps cut in UTC (Oct 2, Mar 1, Apr 0)" "$got" "(2, 1, 0, 'stamps')"
# --month latest under --tz: months with a finished case April, October,
# November: the latest is November.  Without --tz (cut in UTC): March and
# October: October.  The two differ only through the zone rule.
run "$MUTU" report monthly --month latest --db "$TMP/ams.db" --out "$TMP/al" --format json --tz Europe/Amsterdam
expect_out_has "--month latest --tz Europe/Amsterdam: 2024-11" "report-2024-11.json"
run "$MUTU" report monthly --month latest --db "$TMP/ams.db" --out "$TMP/al" --format json
expect_out_has "--month latest without --tz: 2024-10" "report-2024-10.json"
run "$MUTU" report monthly --month 2024-04 --db "$TMP/ams.db" --out "$TMP/ah" --format md --lang en --tz Europe/Amsterdam
grep -q "local midnight of zone Europe/Amsterdam (--tz; daylight saving followed)" "$TMP/ah/report-2024-04.md" &&
	ok "the report states the zone rule (--tz)" || not_ok "the report states the zone rule (--tz)"
# audit --from/--to cut the arrival day in the --tz zone: R arrives 30 Oct 11:00 CET
run "$MUTU" audit --db "$TMP/ams.db" --from 2024-10-30 --to 2024-10-30 --format json --no-store --tz Europe/Amsterdam
got=$(echo "$OUT" | python3 -c "import json,sys; print([c['case'] for c in json.load(sys.stdin)['cases']])")
expect_eq "audit --tz: arrivals of 30 October local" "$got" "['R']"
# bad zones are bad input
run "$MUTU" report monthly --month 2024-04 --db "$TMP/ams.db" --out "$TMP/ax" --tz Mars/Olympus
expect_rc "--tz unknown zone: exit 2" 2
expect_err_has "--tz unknown zone: says what is wanted" "IANA name"
run "$MUTU" report monthly --month 2024-04 --db "$TMP/ams.db" --out "$TMP/ax" --tz ../../etc/passwd
expect_rc "--tz path outside the zoneinfo folder: exit 2" 2
[ -e "$TMP/ax" ] && not_ok "--tz bad: nothing written" || ok "--tz bad: nothing written"
run "$MUTU" report --help
expect_out_has "report --help documents --tz" "--tz ZONE"
expect_out_has "report --help documents --deadline-col" "--deadline-col NAME"
run "$MUTU" audit --help
expect_out_has "audit --help documents --tz" "--tz ZONE"
