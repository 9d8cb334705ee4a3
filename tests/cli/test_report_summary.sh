#!/usr/bin/env bash
# tests/cli/test_report_summary.sh - per-month summaries (schema 8,
# docs/store.md "Reading a period"): a monthly report keeps the trend rows it
# computed exactly; a later report whose 11 earlier trend months are kept and
# still valid reads only its own month (plus the possibly-open old cases),
# and gives the same report as a read of the whole window.
#
# The hand-made log tests/data/logs/uji-summary.csv (model uji-sla: the clock
# runs from step 2's end to step 4's end -- the office's last step; step 5,
# Pemohon menerima SK, is the applicant's --, ceiling 3 Hari = 3 x 450 = 1350
# working minutes; calendar id-wib, Mon-Thu 07:30-16:00 and Fri 07:30-16:30
# with a 1-hour (Fri 1.5-hour) break), reported for June 2025 (trend July
# 2024 .. June 2025):
#   A1  Mon 2 Sep 2024 09:00 -> Tue 3 Sep 14:00: 6 + 4.5 + 1 h = 690 min, within
#   H1  Tue 1 Oct 2024 09:00 -> Thu 3 Oct 14:00: 6 + 7.5 + 5.5 h = 1140 min, within
#   P1  Mon 4 Nov 2024, steps 1-3 only: open (its marker is step 3)
#   M1  Mon 19 May 2025 09:00 -> Tue 20 May 14:00: 690 min, within
#   J1  Mon 2 Jun 2025 09:00 -> Tue 3 Jun 14:00: 690 min, within
# (to the receipt, step 5, they were 1200, 1410 late, 1200, 1200)
# The window read takes the 5 cases (23 events); the month's own read,
# [31 May 2025, 2 Jul 2025) plus the possibly-open P1, takes J1 and P1 (2
# cases, 8 events): A1, H1 and M1 are in the trend only, from the summaries.
. tests/cli/lib.sh

DB="$TMP/s.db"
MODELS=tests/data/models
LOG=tests/data/logs/uji-summary.csv
run "$MUTU" ingest "$LOG" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest the summary log" 0

reads() { grep -o '"cases_read":[0-9]*,"events_read":[0-9]*' "$TMP/$1/report-2025-06.json"; }
# the two counts of what was read are the only difference allowed
strip() { sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/$1/report-2025-06.json"; }
same() { # NAME A B: byte-identical but for the read counts
	if [ -s "$TMP/$2/report-2025-06.json" ] && cmp -s <(strip "$2") <(strip "$3"); then
		ok "$1"
	else
		not_ok "$1" "$(diff <(strip "$2" | tr ',' '\n') <(strip "$3" | tr ',' '\n') | head -10)"
	fi
}
# trend rows month:finished/within/median minutes, for the months asked
trend() { # OUT MONTH...
	local out=$1
	shift
	python3 - "$TMP/$out/report-2025-06.json" "$@" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]
rows = {t["month"]: t for t in g["trend"]}
print(" ".join("%s:%d/%d/%s" % (m, rows[m]["finished"], rows[m]["within"], rows[m]["lead_median"])
               for m in sys.argv[2:]))
PY
}
nsum() { sqlite3 "$DB" "SELECT count(*) FROM month_summary"; }

# ---- (a) the second report uses the summaries ----
report_june r1
expect_eq "first report: the window read, 5 cases, 23 events" "$(reads r1)" '"cases_read":5,"events_read":23'
expect_eq "first report: trend Sep 1 within (690 min), Oct 1 within (1140), Nov none, May and Jun 1 within" \
	"$(trend r1 2024-09 2024-10 2024-11 2025-05 2025-06)" \
	"2024-09:1/1/690 2024-10:1/1/1140 2024-11:0/0/None 2025-05:1/1/690 2025-06:1/1/690"
# 12 months x (the SOP + the office whole)
expect_eq "first report kept 24 summaries (12 months, SOP and office)" "$(nsum)" "24"
report_june r2
expect_eq "second report: only the month and P1, 2 cases, 8 events" "$(reads r2)" '"cases_read":2,"events_read":8'
same "second report byte-identical to the first (but for the read counts)" r1 r2
report_june full MUTU_REPORT_FULL_READ=1
expect_eq "whole-history read: 5 cases" "$(reads full)" '"cases_read":5,"events_read":23'
same "second report byte-identical to the whole-history read" r2 full

# ---- (b) a batch that changes an old case of a trend month ----
# P1 signed Thu 7 Nov 2024 14:00 (received Fri 8 Nov 09:15, the
# applicant's): Mon 6 + Tue, Wed 2 x 7.5 + Thu 5.5 h = 1590 min, late;
# November now has 1 finished.  Its first instant (4 Nov
# 2024) is before the end of November .. May: those summaries are stale.
# Read from them, November would still say 0 (P1's marker is now final,
# so the month's own read leaves it out).
printf 'case_id,step,activity,actor,start,end\nP1,4,Kepala Dinas menandatangani SK,Kepala Dinas,2024-11-07 13:00,2024-11-07 14:00\nP1,5,Pemohon menerima SK,Pemohon,2024-11-08 09:00,2024-11-08 09:15\n' >"$TMP/p1.csv"
run "$MUTU" ingest "$TMP/p1.csv" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest P1's completion" 0
expect_eq "the batch marks (uji-sla, P1's first instant 2024-11-04 08:00 WIB)" \
	"$(sqlite3 "$DB" "SELECT sop || ' ' || low_ms FROM batch_touch WHERE batch_id = 2")" "uji-sla 1730682000000"
report_june r3
expect_eq "after the batch: the window read again (5 cases, 25 events)" "$(reads r3)" '"cases_read":5,"events_read":25'
expect_eq "after the batch: November 1 finished, late (1590 min)" "$(trend r3 2024-11)" "2024-11:1/0/1590"
report_june full3 MUTU_REPORT_FULL_READ=1
same "after the batch: the same report as the whole-history read" r3 full3
report_june r4
expect_eq "then summaries again: only J1 (P1 finished), 1 case, 5 events" "$(reads r4)" '"cases_read":1,"events_read":5'
same "then summaries again: the same report" r3 r4

# a batch of only a new case in July 2025 (after every trend month): the
# summaries stay valid
printf 'case_id,step,activity,actor,start,end\nL1,1,Pemohon mengajukan permohonan,Pemohon,2025-07-07 08:00,2025-07-07 08:30\nL1,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-07-07 08:30,2025-07-07 09:00\n' >"$TMP/l1.csv"
run "$MUTU" ingest "$TMP/l1.csv" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest a new July case" 0
report_june r5
expect_eq "a later new case leaves the summaries valid: 1 case read" "$(reads r5)" '"cases_read":1,"events_read":5'
same "a later new case: the same report" r4 r5

# ---- (c) a changed model or calendar is not served from old summaries ----
# the ceiling 3 Hari -> 4 Hari (1800 min): H1 (1140) within as before, P1
# (1590) now within: November's row must be recomputed, not read
mkdir -p "$TMP/m2"
sed 's/(3 Hari)/(4 Hari)/' "$MODELS/uji-sla.ini" >"$TMP/m2/uji-sla.ini"
RMODELS=$TMP/m2 report_june c1
expect_eq "changed ceiling: the window read (5 cases)" "$(reads c1)" '"cases_read":5,"events_read":25'
expect_eq "changed ceiling: October within, November within now" "$(RMODELS=$TMP/m2 trend c1 2024-10 2024-11)" \
	"2024-10:1/1/1140 2024-11:1/1/1590"
RMODELS=$TMP/m2 report_june c1full MUTU_REPORT_FULL_READ=1
same "changed ceiling: the same report as the whole-history read" c1 c1full
RMODELS=$TMP/m2 report_june c2
expect_eq "changed ceiling, again: its own summaries (1 case)" "$(reads c2)" '"cases_read":1,"events_read":5'
# a calendar copied unchanged: the same figures, the summaries serve
cp -r datasets/calendars "$TMP/cal"
report_june k0 MUTU_CALENDARS="$TMP/cal"
expect_eq "calendar copied unchanged: summaries used (1 case)" "$(reads k0)" '"cases_read":1,"events_read":5'
# an office closure on Wed 2 Oct 2024 (local.csv): H1 loses a 7.5-hour day,
# 1140 - 450 = 690 min, within
printf '2024-10-02,TUTUP,Kantor tutup (uji)\n' >>"$TMP/cal/local.csv"
report_june k1 MUTU_CALENDARS="$TMP/cal"
expect_eq "added closure: the window read (5 cases)" "$(reads k1)" '"cases_read":5,"events_read":25'
expect_eq "added closure: October within at 690 min" "$(trend k1 2024-10)" "2024-10:1/1/690"
report_june k1full MUTU_CALENDARS="$TMP/cal" MUTU_REPORT_FULL_READ=1
same "added closure: the same report as the whole-history read" k1 k1full

# ---- other shapes: cases without an SOP, --sop, --by-office ----
# N1 (Oct 2024) and N2 (Jun 2025) have no SOP: no model, so every old case
# of theirs is read as possibly open.  The window read takes A1, H1, P1,
# M1, J1, N1, N2 (7); from the summaries J1, P1, N1, N2 (4); the rows
# kept are of the SOP, of the cases without one ("n") and of the office.
DB="$TMP/n.db"
run "$MUTU" ingest "$LOG" --db "$DB" --sop uji-sla --models "$MODELS" --quiet
printf 'case_id,activity,actor,start,end
N1,Terima,Loket,2024-10-07T08:00:00+07:00,2024-10-07T09:00:00+07:00
N1,Selesai,Loket,2024-10-08T08:00:00+07:00,2024-10-08T10:00:00+07:00
N2,Terima,Loket,2025-06-10T08:00:00+07:00,2025-06-10T09:00:00+07:00
N2,Selesai,Loket,2025-06-11T08:00:00+07:00,2025-06-11T10:00:00+07:00
' >"$TMP/n.csv"
run "$MUTU" ingest "$TMP/n.csv" --db "$DB" --models "$MODELS" --quiet
expect_rc "ingest cases without an SOP" 0
report_june n1
report_june n2
report_june nfull MUTU_REPORT_FULL_READ=1
expect_eq "without an SOP: 7 cases, then 4" "$(reads n1 | cut -d, -f1) $(reads n2 | cut -d, -f1)" \
	'"cases_read":7 "cases_read":4'
same "without an SOP: the same report from the summaries" n1 n2
same "without an SOP: the same report as the whole-history read" n2 nfull
expect_eq "without an SOP: rows of the SOP, of no SOP and of the office" \
	"$(sqlite3 "$DB" "SELECT group_concat(sop, ' ') FROM (SELECT DISTINCT sop FROM month_summary ORDER BY sop)")" "n o s:uji-sla"
# one SOP: its own rows serve (the office whole is that SOP's cases)
"$MUTU" report monthly --month 2025-06 --sop uji-sla --db "$DB" --models "$MODELS" --out "$TMP/so" --format json \
	>/dev/null 2>&1
MUTU_REPORT_FULL_READ=1 "$MUTU" report monthly --month 2025-06 --sop uji-sla --db "$DB" --models "$MODELS" \
	--out "$TMP/sofull" --format json >/dev/null 2>&1
expect_eq "--sop: J1 and P1 read (2 cases)" "$(grep -o '"cases_read":[0-9]*' "$TMP/so/report-2025-06-uji-sla.json")" \
	'"cases_read":2'
if cmp -s <(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*//' "$TMP/so/report-2025-06-uji-sla.json") \
	<(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*//' "$TMP/sofull/report-2025-06-uji-sla.json"); then
	ok "--sop: the same report as the whole-history read"
else
	not_ok "--sop: the same report as the whole-history read"
fi
# --by-office: each office keeps its own rows (tests/data/logs/province-keys)
PDB="$TMP/p.db"
for o in kota-a kota-b; do
	"$MUTU" ingest tests/data/logs/province-keys/$o.csv --db "$PDB" --office $o --sop uji-sla --models "$MODELS" --quiet
done
prov() { # OUT [env...]
	local out=$1
	shift
	env "$@" "$MUTU" report monthly --month 2025-11 --models "$MODELS" --by-office --format json --db "$PDB" \
		--out "$TMP/$out" >/dev/null 2>&1
}
prov pv1
prov pv2
prov pvfull MUTU_REPORT_FULL_READ=1
pstrip() { sed 's/"cases_read":[0-9]*,"events_read":[0-9]*//g' "$TMP/$1/province-2025-11.json"; }
if [ -s "$TMP/pv2/province-2025-11.json" ] && cmp -s <(pstrip pv1) <(pstrip pv2) && cmp -s <(pstrip pv2) <(pstrip pvfull); then
	ok "--by-office: the same province report from the summaries and from the whole history"
else
	not_ok "--by-office: the same province report" "$(diff <(pstrip pv2 | tr ',' '\n') <(pstrip pvfull | tr ',' '\n') | head)"
fi
expect_eq "--by-office: 24 rows per office" \
	"$(sqlite3 "$PDB" "SELECT group_concat(office || '=' || n, ' ') FROM (SELECT office, count(*) n FROM month_summary GROUP BY office ORDER BY office)")" \
	"kota-a=24 kota-b=24"
DB="$TMP/s.db"

# ---- quantiles of vectors over 256 values (sla_month.c sorts those by radix) ----
# 301 cases finished on Tue 10 Jun 2025, measured in the 24x7 calendar (work
# time = wall time): case j's clock runs from step 2's end (08:20) to step
# 4's end (the office's last step), i - 1 with i = (2j mod 301) + 3 minutes
# (a permutation of 3..303, so the values come unsorted; step 5, the
# applicant's receipt, is its last minute); step 3 (Tim Teknis) takes i - 2
# (1..301), step 1 10 and step 5 1 minute (both Pemohon).  Type-7
# quantiles of n sorted values, h = (n - 1) p: lead (2..302) median 152,
# p90 2 + 270 = 272, max 302, mean 152 (153/273/303/153 to step 5 before); Tim Teknis median 151, p90 271; Pemohon's 602 values (301 ones, 301
# tens) median (1 + 10) / 2 = 5.5, p90 10.
python3 - >"$TMP/r.csv" <<'PY'
import datetime
print("case_id,step,activity,actor,start,end")
acts = ["Pemohon mengajukan permohonan", "Front Office memeriksa kelengkapan berkas",
        "Tim Teknis memproses dan membuat rekomendasi", "Kepala Dinas menandatangani SK", "Pemohon menerima SK"]
actors = ["Pemohon", "Front Office", "Tim Teknis", "Kepala Dinas", "Pemohon"]
b = datetime.datetime(2025, 6, 10, 8, 0)
f = lambda m: (b + datetime.timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%M:00+07:00")
for j in range(301):
    i = (2 * j) % 301 + 3
    t = [(0, 10), (10, 20), (20, 18 + i), (18 + i, 19 + i), (19 + i, 20 + i)]
    for k in range(5):
        print("R%03d,%d,%s,%s,%s,%s" % (j, k + 1, acts[k], actors[k], f(t[k][0]), f(t[k][1])))
PY
"$MUTU" ingest "$TMP/r.csv" --db "$TMP/r.db" --sop uji-sla --models "$MODELS" --quiet
"$MUTU" report monthly --month 2025-06 --calendar 24x7 --db "$TMP/r.db" --models "$MODELS" --format json \
	--out "$TMP/rq" >/dev/null 2>&1
got=$(python3 - "$TMP/rq/report-2025-06.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]
s = g["summary"]
a = {r["actor"]: r for r in g["actors"]}
print(s["lead_median"], s["lead_p90"], s["lead_max"], s["lead_mean"], a["Tim Teknis"]["median"], a["Tim Teknis"]["p90"],
      a["Pemohon"]["median"], a["Pemohon"]["p90"])
PY
)
expect_eq "301 values: lead 152/272/302/152, Tim Teknis 151/271, Pemohon 5.5/10" "$got" "152 272 302 152 151 271 5.5 10"

# ---- (d) a read-only store: the report works and writes nothing ----
# chmod does not stop root: a read-only bind mount in a private mount
# namespace (as tests/cli/test_store.sh); skipped where not permitted
mkdir -p "$TMP/rw" "$TMP/ro"
"$MUTU" ingest "$LOG" --db "$TMP/rw/s.db" --sop uji-sla --models "$MODELS" --quiet
cat >"$TMP/ro.sh" <<EOF
mount --bind "$TMP/rw" "$TMP/ro" && mount -o remount,bind,ro "$TMP/ro" || exit 99
"$MUTU" report monthly --month 2025-06 --db "$TMP/ro/s.db" --models "$MODELS" --out "$TMP/rorep" --format json \
	>"$TMP/ro.out" 2>&1; echo \$? >"$TMP/ro.rc"
EOF
if unshare -m bash "$TMP/ro.sh" 2>/dev/null; then
	expect_eq "read-only store: report exit 0" "$(cat "$TMP/ro.rc")" "0"
	expect_eq "read-only store: the window read" \
		"$(grep -o '"cases_read":[0-9]*' "$TMP/rorep/report-2025-06.json")" '"cases_read":5'
	expect_eq "read-only store: no summary written" "$(sqlite3 "$TMP/rw/s.db" "SELECT count(*) FROM month_summary")" "0"
	if cmp -s <(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/rorep/report-2025-06.json") <(strip r1); then
		ok "read-only store: the same report"
	else
		not_ok "read-only store: the same report"
	fi
else
	echo "ok - read-only store # SKIP unshare -m / mount not permitted here"
fi

# ---- (e) PostgreSQL: the same, on a private server ----
if [ -r tests/pg/pg.sh ] && . tests/pg/pg.sh && pg_start 2>"$TMP/pg.err"; then
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS mutu_summary" >/dev/null 2>&1
	psql -X -q -d postgres -c "CREATE DATABASE mutu_summary" >/dev/null
	PGDB="postgres:///mutu_summary?host=$MUTU_PG_DIR"
	pgq() { psql -X -q -tA -d mutu_summary -c "$1"; }
	run "$MUTU" ingest "$LOG" --db "$PGDB" --sop uji-sla --models "$MODELS" --quiet
	expect_rc "PostgreSQL: ingest" 0
	DB=$PGDB report_june p1
	expect_eq "PostgreSQL: first report, the window read" "$(reads p1)" '"cases_read":5,"events_read":23'
	expect_eq "PostgreSQL: 24 summaries kept" "$(pgq "SELECT count(*) FROM month_summary")" "24"
	DB=$PGDB report_june p2
	expect_eq "PostgreSQL: second report, 2 cases" "$(reads p2)" '"cases_read":2,"events_read":8'
	same "PostgreSQL: second report = first = SQLite's first" p1 p2
	same "PostgreSQL: the same report as SQLite" r1 p2
	run "$MUTU" ingest "$TMP/p1.csv" --db "$PGDB" --sop uji-sla --models "$MODELS" --quiet
	expect_eq "PostgreSQL: the batch marks" \
		"$(pgq "SELECT sop || ' ' || low_ms FROM batch_touch WHERE batch_id = (SELECT max(batch_id) FROM batch_touch)")" \
		"uji-sla 1730682000000"
	DB=$PGDB report_june p3
	expect_eq "PostgreSQL: after the batch, the window read" "$(reads p3)" '"cases_read":5,"events_read":25'
	same "PostgreSQL: after the batch, as SQLite's" r3 p3
	DB=$PGDB report_june p4
	expect_eq "PostgreSQL: then summaries again (1 case)" "$(reads p4)" '"cases_read":1,"events_read":5'
	same "PostgreSQL: then the same report" r3 p4
else
	echo "ok - PostgreSQL # SKIP no private server ($(head -1 "$TMP/pg.err" 2>/dev/null))"
fi
