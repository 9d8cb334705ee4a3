#!/usr/bin/env bash
# tests/cli/test_report_measure.sh - kept case measures (schema 9 / PG 6,
# docs/store.md "Case measures"): a monthly report keeps each finished case's
# measure it computed, and a later report reads the measure instead of the
# case's events.  On SQLite, and on PostgreSQL (a private server, tests/pg/pg.sh)
# when MUTU_TEST_PG is not 0:
#   (a) the report with measures kept and read is byte-identical to one that
#       neither reads nor keeps them (MUTU_REPORT_NO_MEASURES=1) and to the
#       whole-history read; and the measures are really read: with J1's event
#       rows removed behind mutu's back the report still shows J1 as measured;
#   (b) staleness: a row ingested into the finished, kept case J1 deletes its
#       measure in the ingest's transaction and the next report counts J1 late;
#   (c) a changed model (step 3's waktu) is another fingerprint: the kept
#       measures are not read and the step figures are recomputed;
#   (d) a store of the previous schema (8 / PG 5) opens, is migrated, and
#       reports the same.
#
# The hand-made log tests/data/logs/uji-summary.csv (model uji-sla: the clock
# runs from step 2's end to step 4's end, the office's last step -- step 5,
# Pemohon menerima SK, is the applicant's --, ceiling 3 Hari = 1350 working
# minutes; calendar id-wib, Mon-Thu 07:30-16:00 with a 1-hour break),
# reported for June 2025.  Its June case J1: accepted Mon 2 Jun 2025 09:00,
# signed Tue 3 Jun 14:00: 6 + 4.5 + 1 h = 690 min, within (1200 to the
# receipt Wed 4 Jun 15:00 when the clock ran to step 5).  Finished cases:
# A1, H1, M1, J1 (P1 is open); a report keeps the measures of those whose span
# reaches its (last) month, the ones a later report reads again, and of the
# open ones (every later report reads them among the possibly-open old cases):
# for June J1 and P1 (M1 ended 21 May, before 31 May, the month's 1st less a
# day).  tests/cli/test_report_open_measure.sh tests the open cases' measures.
. tests/cli/lib.sh

MODELS=tests/data/models
LOG=tests/data/logs/uji-summary.csv

# (b)'s row: J1's step 4 again, Tue 3 Jun 11:00 -> Thu 5 Jun 15:00 (a
# correction of the signing; before, a row of step 5, the receipt, which
# no longer moves the office's clock).  It starts before the first step-4
# row, so it sorts first and its end is the clock's end: Mon 09:00-16:00
# 6 h (break 12-13) + Tue 7.5 + Wed 7.5 + Thu 07:30-15:00 6.5 h = 27.5 h =
# 1650 min > 1350: late (Thu 5 Jun 2025 is a working day; Idul Adha is
# Fri 6 Jun).
printf 'case_id,step,activity,actor,start,end\nJ1,4,Kepala Dinas menandatangani SK,Kepala Dinas,2025-06-03 11:00,2025-06-05 15:00\n' \
	>"$TMP/j1.csv"
# (c)'s model: uji-sla with step 3's waktu 1 Jam instead of 2 Hari.  J1's
# step 3 (Tim Teknis) ran Mon 2 Jun 09:30 -> Tue 3 Jun 10:00: Mon 6.5 - 1 =
# 5.5 h + Tue 07:30-10:00 2.5 h = 480 min: over 60 by 420 (under 2 Hari =
# 900 it was not over).
mkdir -p "$TMP/models2"
sed 's/^waktu = 2 Hari$/waktu = 1 Jam/' "$MODELS/uji-sla.ini" >"$TMP/models2/uji-sla.ini"

suite() { # NAME LOCATION Q  (Q: a command that runs one SQL statement on the store)
	local name=$1 db=$2 q=$3
	rep() { # OUT [env...]
		local out=$1
		shift
		env "$@" "$MUTU" report monthly --month 2025-06 --db "$db" --models "${RMODELS:-$MODELS}" \
			--out "$TMP/$name-$out" --format json >"$TMP/$name-$out.out" 2>"$TMP/$name-$out.err"
	}
	js() { cat "$TMP/$name-$1/report-2025-06.json"; }
	# the two counts of what was read are the only difference a summary makes
	strip() { js "$1" | sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/'; }
	same() { # WHAT A B
		if [ -s "$TMP/$name-$2/report-2025-06.json" ] && cmp -s <(js "$2") <(js "$3"); then
			ok "$name: $1"
		else
			not_ok "$name: $1" "$(diff <(js "$2" | tr ',' '\n') <(js "$3" | tr ',' '\n') | head -10)"
		fi
	}
	fig() { # OUT: J1's group summary finished/within/median, Tim Teknis n/share_over/excess
		python3 - "$TMP/$name-$1/report-2025-06.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]
s = g["summary"]
t = [a for a in g["actors"] if a["actor"] == "Tim Teknis"][0]
print("%d/%d/%s tt:%d/%s/%s" % (s["finished"], s["within"], s["lead_median"], t["n"], t["share_over"], t["excess"]))
PY
	}
	nmeas() { $q "SELECT count(*) FROM case_measure"; }

	run "$MUTU" ingest "$LOG" --db "$db" --sop uji-sla --models "$MODELS" --quiet
	expect_rc "$name: ingest the log" 0
	sameb() { # WHAT A B: but for the read counts (a report that found the month
		# summaries kept reads only its month)
		if [ -s "$TMP/$name-$2/report-2025-06.json" ] && cmp -s <(strip "$2") <(strip "$3"); then
			ok "$name: $1"
		else
			not_ok "$name: $1" "$(diff <(strip "$2" | tr ',' '\n') <(strip "$3" | tr ',' '\n') | head -10)"
		fi
	}
	# ---- (a) ----
	rep nom0 MUTU_REPORT_NO_MEASURES=1 MUTU_REPORT_FULL_READ=1
	expect_eq "$name: a report without measures keeps none" "$(nmeas)" "0"
	# the first report reads the 12-month window (5 cases), the later ones
	# the month (J1, and P1 that may be open) with the month summaries
	rep r1
	expect_eq "$name: the first report keeps J1's and open P1's measures (A1, H1, M1 end before June)" "$(nmeas)" "2"
	rep r2
	expect_eq "$name: the second report keeps the same two" "$(nmeas)" "2"
	rep nom MUTU_REPORT_NO_MEASURES=1
	same "report reading measures == report without them" r2 nom
	sameb "first report (computing them) == second (reading them)" r1 r2
	sameb "== the whole-history read without measures" r2 nom0
	expect_eq "$name: J1 within, 690 min; Tim Teknis 480 min, not over (2 Hari)" "$(fig r2)" "1/1/690 tt:1/0/0"

	# ---- (b) staleness ----
	run "$MUTU" ingest "$TMP/j1.csv" --db "$db" --sop uji-sla --models "$MODELS" --quiet
	expect_rc "$name: ingest J1's correction row" 0
	expect_eq "$name: the ingest deleted J1's measure (P1's stays)" "$(nmeas)" "1"
	rep r3
	expect_eq "$name: J1 now late: 1650 min > 1350" "$(fig r3)" "1/0/1650 tt:1/0/0"
	expect_eq "$name: the report kept J1's new measure (and P1's)" "$(nmeas)" "2"
	rep r4
	expect_eq "$name: read back from the new measure, still late" "$(fig r4)" "1/0/1650 tt:1/0/0"
	rep nom2 MUTU_REPORT_NO_MEASURES=1
	same "after the correction: with measures == without" r4 nom2

	# ---- (c) a changed model ----
	RMODELS="$TMP/models2" rep m1
	expect_eq "$name: step 3 at 1 Jam: Tim Teknis over by 420 min (recomputed)" "$(fig m1)" "1/0/1650 tt:1/1/420"
	RMODELS="$TMP/models2" rep m2 MUTU_REPORT_NO_MEASURES=1
	sameb "changed model: with measures == without" m1 m2
	rep r5
	expect_eq "$name: the first model's figures again" "$(fig r5)" "1/0/1650 tt:1/0/0"
	same "first model again == without measures" r5 nom2

	# ---- an earlier month: October 2024 keeps H1's (done 4 Oct); A1
	# ended 4 Sep; J1 and P1 are after it: 3 measures then ----
	"$MUTU" report monthly --month 2024-10 --db "$db" --models "$MODELS" --out "$TMP/$name-oct1" --format json \
		>/dev/null 2>&1
	expect_eq "$name: October 2024 keeps H1's measure (J1's, P1's and H1's now)" "$(nmeas)" "3"
	"$MUTU" report monthly --month 2024-10 --db "$db" --models "$MODELS" --out "$TMP/$name-oct2" --format json \
		>/dev/null 2>&1
	MUTU_REPORT_NO_MEASURES=1 "$MUTU" report monthly --month 2024-10 --db "$db" --models "$MODELS" \
		--out "$TMP/$name-oct3" --format json >/dev/null 2>&1
	if [ -s "$TMP/$name-oct2/report-2024-10.json" ] && cmp -s "$TMP/$name-oct2/report-2024-10.json" "$TMP/$name-oct3/report-2024-10.json"; then
		ok "$name: October from H1's measure == without measures"
	else
		not_ok "$name: October from H1's measure == without measures"
	fi
	# ---- a run of several months (one read, each case to every month it
	# concerns, from its measure's span) ----
	for v in 0 1 0; do
		MUTU_REPORT_NO_MEASURES=$v "$MUTU" report monthly --month 2024-09..2025-06 --db "$db" --models "$MODELS" \
			--out "$TMP/$name-range$v" --format json >/dev/null 2>&1
	done
	if [ -s "$TMP/$name-range0/report-2024-10.json" ] && diff -r "$TMP/$name-range0" "$TMP/$name-range1" >/dev/null; then
		ok "$name: 10 months in one run (2024-09..2025-06): the same with measures as without"
	else
		not_ok "$name: 10 months in one run: the same with measures as without"
	fi

	# ---- the measures are what is read ----
	# J1's rows removed behind mutu's back (no store operation does this):
	# read from its measure J1 is still measured; without measures it has
	# no events and is no finished case
	rep pre
	$q "DELETE FROM events WHERE case_id = (SELECT id FROM cases WHERE case_key = 'J1')" >/dev/null
	rep t1
	expect_eq "$name: J1's events gone, its measure still read: J1 late, 1650 min" "$(fig t1)" "1/0/1650 tt:1/0/0"
	same "the report from measures does not read J1's events" pre t1
	rep t2 MUTU_REPORT_NO_MEASURES=1
	if grep -q '"finished": *0\|"finished":0' <(js t2 | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["groups"][0]["summary"]))'); then
		ok "$name: without measures the event-less J1 is not finished (so the measure was what the other read used)"
	else
		not_ok "$name: without measures J1 is no finished case" "$(js t2 | head -c 600)"
	fi
}

# ---- SQLite ----
SQ="$TMP/m.db"
suite sqlite "$SQ" "sqlite3 $SQ"

# (d) a schema 8 store: schema 9 less case_measure, user_version 8
UP="$TMP/up.db"
run "$MUTU" ingest "$LOG" --db "$UP" --sop uji-sla --models "$MODELS" --quiet
sqlite3 "$UP" "DROP TABLE case_measure; PRAGMA user_version = 8"
expect_eq "sqlite: the store made a schema 8 one" "$(sqlite3 "$UP" 'PRAGMA user_version')" "8"
"$MUTU" report monthly --month 2025-06 --db "$UP" --models "$MODELS" --out "$TMP/up1" --format json >/dev/null 2>&1
expect_eq "sqlite: opened, migrated to the current schema (11: schema 9 added case_measure)" "$(sqlite3 "$UP" 'PRAGMA user_version')" "11"
expect_eq "sqlite: the migrated store's report kept J1's and P1's measures" "$(sqlite3 "$UP" 'SELECT count(*) FROM case_measure')" "2"
if cmp -s <(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/up1/report-2025-06.json") \
	<(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/sqlite-nom/report-2025-06.json"); then
	ok "sqlite: the migrated store reports the same"
else
	not_ok "sqlite: the migrated store reports the same"
fi

# ---- PostgreSQL ----
if [ "${MUTU_TEST_PG:-1}" != 0 ] && grep -q pg_start tests/pg/pg.sh 2>/dev/null; then
	. tests/pg/pg.sh
	pg_start_checked || exit 1
	pq() { psql -X -q -tA -d "$1" -c "$2"; }
	PGL=$(pg_newdb mutu_measure)
	suite pg "$PGL" "pq $PGL"
	# (d) a PG schema 5 store: 6 less case_measure
	PGU=$(pg_newdb mutu_measure_up)
	run "$MUTU" ingest "$LOG" --db "$PGU" --sop uji-sla --models "$MODELS" --quiet
	pq "$PGU" "DROP TABLE case_measure; UPDATE mutu_meta SET value = '5' WHERE key = 'schema_version'" >/dev/null
	"$MUTU" report monthly --month 2025-06 --db "$PGU" --models "$MODELS" --out "$TMP/pgup1" --format json >/dev/null 2>&1
	expect_eq "pg: opened, migrated to PG schema 10 (6: case_measure; 7: cases_open covering; 8: cases partitioned; 9: labels; 10: events.sorting)" "$(pq "$PGU" "SELECT value FROM mutu_meta WHERE key = 'schema_version'")" "10"
	expect_eq "pg: the migrated store's report kept J1's and P1's measures" "$(pq "$PGU" 'SELECT count(*) FROM case_measure')" "2"
	if cmp -s <(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/pgup1/report-2025-06.json") \
		<(sed 's/"cases_read":[0-9]*,"events_read":[0-9]*/READ/' "$TMP/sqlite-nom/report-2025-06.json"); then
		ok "pg: the migrated store reports as the SQLite one"
	else
		not_ok "pg: the migrated store reports as the SQLite one"
	fi
	pg_stop
fi
