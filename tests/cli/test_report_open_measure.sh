#!/usr/bin/env bash
# tests/cli/test_report_open_measure.sh - kept measures of OPEN cases
# (docs/store.md, "Case measures"): a monthly report keeps an open case's
# measure too, with its clock (acceptance, deadline base, pauses) and no
# month-end value, and a later report of any month computes the case's age,
# past-the-ceiling verdict and place among the oldest at its own month's end
# from it.  On SQLite, and on PostgreSQL (a private server, tests/pg/pg.sh)
# when MUTU_TEST_PG is not 0:
#   (1) reports of May, June and July 2025, each with measures read, are
#       byte-identical to the reports without measures, and the ages at each
#       month's end are the ones worked out by hand below;
#   (2) a batch adds an open, measured case's final steps: its measure is
#       deleted in the ingest, and August counts it finished, late, at its
#       by-hand working time (a stale measure would have it open);
#   (3) a case at the Pemohon (clock stopped) at June's end: its age stops at
#       the rejection and it is not past its ceiling, which the pause moved;
#   (4) a run of May..August in one read, the same with measures as without;
#   and the open case's measure is what is read: with its event rows removed
#   behind mutu's back its age is still there.
#
# Model uji-sla (the clock runs from step 2's end to step 5's end; ceiling 3
# Hari = 1350 working minutes), calendar id-wib: every working day is 7.5 h =
# 450 min (Mon-Thu 07:30-16:00, break 12-13; Fri 07:30-16:30, break
# 11:30-13:00).  Holidays on weekdays (shared/calendars): Thu 29 May 2025 libur
# nasional, Fri 30 May cuti bersama, Fri 6 Jun LN, Mon 9 Jun CB, Fri 27 Jun LN,
# Mon 18 Aug CB (17 Aug is a Sunday).  Working days: June 21 weekdays - 3 = 18,
# July 23, August 21 - 1 = 20.  A month's end is the 1st of the next, 00:00 WIB.
#
# O1: accepted Wed 28 May 12:00 (step 2's end), then waits: 13:00-16:00 = 180
#     min on Wed 28 May; 29 (LN), 30 (CB), 31 May, 1 Jun (weekend) add nothing.
#       end of May:  180 min, not past (< 1350);
#       end of June: 180 + 18 x 450 = 8280, past;
#       end of July: 8280 + 23 x 450 = 18630, past.
#     Batch 2 adds steps 4 and 5, done Mon 4 Aug 09:00 (step 4, the office's
#     last step; step 5, the applicant's receipt at 10:00, is not counted):
#     18630 + Fri 1 Aug 450 + Mon 4 Aug 07:30-09:00 90 = 19170 min, late
#     (19230 to 10:00 before).
# Q1: accepted Mon 23 Jun 09:00; Tim Teknis sends it back Tue 24 Jun 12:00 and
#     the Pemohon resubmits Thu 3 Jul 10:00 (step 1 again: a pause, the clock
#     stopped over it).  Age: Mon 23 09:00-16:00 less the break 360 + Tue 24
#     07:30-12:00 270 = 630 min.
#       end of June: 630 (paused since Tue 24 12:00), 630/1350 < 0.5; not past:
#         the deadline base is Thu 26 Jun 09:00 (360 + 450 + 450 + 90), moved
#         by the 1530 min paused before 1 Jul (Tue 180 + Wed, Thu, Mon 30 450
#         each) to Wed 2 Jul 12:00, after the month's end.  Without the pause
#         it would be 2160 and past.
#       end of July: 630 + Thu 3 Jul 10:00-16:00 less the break 300 + Fri 4 Jul
#         450 + 19 x 450 = 9930, past;
#       end of August: 9930 + 20 x 450 = 18930.
. tests/cli/lib.sh

MODELS=tests/data/models
LOG="$TMP/open.csv"
cat >"$LOG" <<'EOF'
case_id,step,activity,actor,start,end
O1,1,Pemohon mengajukan permohonan,Pemohon,2025-05-28 08:00,2025-05-28 08:30
O1,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-28 08:30,2025-05-28 12:00
O1,3,Tim Teknis memproses dan membuat rekomendasi,Tim Teknis,2025-05-28 13:00,2025-06-03 10:00
Q1,1,Pemohon mengajukan permohonan,Pemohon,2025-06-23 08:00,2025-06-23 08:30
Q1,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-06-23 08:30,2025-06-23 09:00
Q1,3,Tim Teknis memproses dan membuat rekomendasi,Tim Teknis,2025-06-23 09:00,2025-06-24 12:00
Q1,1,Pemohon mengajukan permohonan,Pemohon,2025-06-24 12:00,2025-07-03 10:00
EOF
FIN="$TMP/o1-final.csv"
cat >"$FIN" <<'EOF'
case_id,step,activity,actor,start,end
O1,4,Kepala Dinas menandatangani SK,Kepala Dinas,2025-08-04 08:00,2025-08-04 09:00
O1,5,Pemohon menerima SK,Pemohon,2025-08-04 09:00,2025-08-04 10:00
EOF

suite() { # NAME LOCATION Q  (Q: a command that runs one SQL statement on the store)
	local name=$1 db=$2 q=$3
	rep() { # MONTH OUT [env...]
		local mo=$1 out=$2
		shift 2
		env "$@" "$MUTU" report monthly --month "$mo" --db "$db" --models "$MODELS" \
			--out "$TMP/$name-$out" --format json >"$TMP/$name-$out.out" 2>"$TMP/$name-$out.err"
	}
	js() { cat "$TMP/$name-$2/report-$1.json"; }
	same() { # WHAT MONTH A B
		if [ -s "$TMP/$name-$3/report-$2.json" ] && cmp -s <(js "$2" "$3") <(js "$2" "$4"); then
			ok "$name: $1"
		else
			not_ok "$name: $1" "$(diff <(js "$2" "$3" | tr ',' '\n') <(js "$2" "$4" | tr ',' '\n') | head -10)"
		fi
	}
	# MONTH OUT: the open cases at the month's end (case:age:past ...), then
	# finished/within/median of the month
	fig() {
		python3 - "$TMP/$name-$2/report-$1.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]
s = g["summary"]
o = " ".join("%s:%s:%s" % (c["case"], c["age"], c["past_ceiling"]) for c in g["open_cases"])
print("%s | open %s past %s lt50 %s | fin %s/%s/%s" % (o, s["open_at_month_end"], s["open_past_ceiling"],
      s["open_age_lt50"], s["finished"], s["within"], s["lead_median"]))
PY
	}
	nmeas() { $q "SELECT count(*) FROM case_measure${1:+ WHERE case_id = (SELECT id FROM cases WHERE case_key = '$1')}"; }

	run "$MUTU" ingest "$LOG" --db "$db" --sop uji-sla --models "$MODELS" --quiet
	expect_rc "$name: ingest the log" 0

	# ---- (1) (3) May, June, July: the first report keeps, the second reads ----
	rep 2025-06 k6
	expect_eq "$name: June keeps the measures of the open O1 and Q1" "$(nmeas)" "2"
	for mo in 2025-05 2025-06 2025-07; do
		rep $mo m$mo
		rep $mo m$mo
		rep $mo n$mo MUTU_REPORT_NO_MEASURES=1
		same "$mo from the open cases' measures == without measures" $mo m$mo n$mo
	done
	expect_eq "$name: end of May: O1 180 min, not past; Q1 not arrived" "$(fig 2025-05 m2025-05)" \
		"O1:180:0 | open 1 past 0 lt50 1 | fin 0/0/None"
	# (3): Q1 paused at the Pemohon at June's end: 630 min, not past
	expect_eq "$name: end of June: O1 8280 past; Q1 paused at 630, not past (deadline moved to 2 Jul)" \
		"$(fig 2025-06 m2025-06)" "O1:8280:1 Q1:630:0 | open 2 past 1 lt50 1 | fin 0/0/None"
	expect_eq "$name: end of July: O1 18630, Q1 9930, both past" "$(fig 2025-07 m2025-07)" \
		"O1:18630:1 Q1:9930:1 | open 2 past 2 lt50 0 | fin 0/0/None"
	expect_eq "$name: the reports keep the same two measures" "$(nmeas)" "2"

	# ---- (2) O1's final steps: its measure goes, August counts it finished ----
	run "$MUTU" ingest "$FIN" --db "$db" --sop uji-sla --models "$MODELS" --quiet
	expect_rc "$name: ingest O1's final steps" 0
	expect_eq "$name: the ingest deleted O1's measure" "$(nmeas O1)" "0"
	expect_eq "$name: Q1's stays" "$(nmeas Q1)" "1"
	rep 2025-08 a1
	rep 2025-08 a2
	rep 2025-08 a3 MUTU_REPORT_NO_MEASURES=1
	expect_eq "$name: August: O1 finished late at 19170 min; Q1 open at 18930" "$(fig 2025-08 a2)" \
		"Q1:18930:1 | open 1 past 1 lt50 0 | fin 1/0/19170"
	same "August from measures == without measures" 2025-08 a2 a3
	expect_eq "$name: August kept O1's finished measure again" "$(nmeas O1)" "1"
	# July again: O1 was open at July's end, read now from its finished measure
	rep 2025-07 j2
	rep 2025-07 j3 MUTU_REPORT_NO_MEASURES=1
	same "July again, O1 now finished in August: from measures == without" 2025-07 j2 j3
	expect_eq "$name: July still has O1 open at 18630" "$(fig 2025-07 j2)" \
		"O1:18630:1 Q1:9930:1 | open 2 past 2 lt50 0 | fin 0/0/None"

	# ---- (4) a run of several months ----
	for v in 0 0 1; do
		MUTU_REPORT_NO_MEASURES=$v "$MUTU" report monthly --month 2025-05..2025-08 --db "$db" --models "$MODELS" \
			--out "$TMP/$name-range$v" --format json >/dev/null 2>&1
	done
	if [ -s "$TMP/$name-range0/report-2025-06.json" ] && diff -r "$TMP/$name-range0" "$TMP/$name-range1" >/dev/null; then
		ok "$name: May..August in one run: the same with measures as without"
	else
		not_ok "$name: May..August in one run: the same with measures as without" \
			"$(diff -r "$TMP/$name-range0" "$TMP/$name-range1" | head -5)"
	fi

	# ---- the open case's measure is what is read ----
	# Q1's rows removed behind mutu's back (no store operation does this):
	# from its measure Q1 is still open at 630 at June's end; without measures
	# it has no events and is no open case
	rep 2025-06 g0
	$q "DELETE FROM events WHERE case_id = (SELECT id FROM cases WHERE case_key = 'Q1')" >/dev/null
	rep 2025-06 g1
	same "Q1's events gone: June from its measure unchanged" 2025-06 g0 g1
	rep 2025-06 g2 MUTU_REPORT_NO_MEASURES=1
	expect_eq "$name: without measures the event-less Q1 is not open (so its measure was read)" \
		"$(fig 2025-06 g2)" "O1:8280:1 | open 1 past 1 lt50 0 | fin 0/0/None"
}

# ---- SQLite ----
SQ="$TMP/o.db"
suite sqlite "$SQ" "sqlite3 $SQ"

# ---- PostgreSQL ----
if [ "${MUTU_TEST_PG:-1}" != 0 ] && grep -q pg_start tests/pg/pg.sh 2>/dev/null; then
	. tests/pg/pg.sh
	pg_start_checked || exit 1
	pq() { psql -X -q -tA -d "$1" -c "$2"; }
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS mutu_open_measure" >/dev/null 2>&1
	psql -X -q -d postgres -c "CREATE DATABASE mutu_open_measure" >/dev/null
	PGL="postgres:///mutu_open_measure?host=$MUTU_PG_DIR"
	suite pg "$PGL" "pq $PGL"
	pg_stop
fi
