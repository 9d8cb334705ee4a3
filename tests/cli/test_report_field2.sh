#!/usr/bin/env bash
# tests/cli/test_report_field2.sh - second field test of the manager's and
# the auditor's outputs on small hand-written logs (tests/data/report-field2/)
# whose every figure is worked out below by hand:
#   - the verdict's boundaries: a berkas finished in exactly its waktu, one
#     minute over, at 16:01 after closing on its last day, at 08:01 the
#     next working day; 23:59 WITA on the month's last day;
#   - data quality stated beside the answer (rejected rows, an activity
#     not in the SOP, duplicates), in both languages and every format;
#   - the audit of rework (ULANG), a missing step (HILANG), steps out of
#     SOP order (URUTAN) and --from/--to at their boundaries;
#   - CSV for an Indonesian Excel, the XLSX's cells, the JSON against its
#     schema in edge months, the HTML printed to PDF and on a 390 px phone;
#   - the province report with one office on a regional holiday.
#
# Models (tests/data/report-field2/models): r2-izin (id-wib) and r2-wita
# (id-wita), as test_report_field.sh's rf-izin: steps 30 Menit (Pemohon),
# 30 Menit (Front Office, the check that can reject: the SLA clock starts
# at its end), 1 Hari = 450 min (Tim Teknis), 1 Jam (Kepala Dinas: the clock
# stops at its end); ceiling (2 Hari) = 900 working minutes.  Hours Mon-Thu
# 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30 (450 min a day).
# r2-izin's name carries an e-acute, an ampersand and an en dash.
#
# August 2025 (id-wib and id-wita: 21 weekdays less Mon 18 Aug, cuti
# bersama; 17 Aug is a Sunday) = 20 working days.  kantor.csv, r2-izin:
#   E1 accepted Thu 31 Jul 15:30: Thu 30 + Fri 07:30-10:00 150 = step 3
#      180, step 4 30: lead 210, within (finished in August).
#   B1 accepted Mon 4 Aug 07:30, step 3 to Tue 15:00 (840), step 4
#      15:00-16:00 (60): lead 900, exactly the ceiling: within (<=).
#   B2 accepted Mon 11 Aug 07:30, step 3 to Tue 07:30 (450), step 4 Tue
#      07:30 -> Wed 13 Aug 07:31 (451): lead 901, late by one minute.
#   B3 accepted Tue 19 Aug 07:30, step 3 to Wed 15:00 (840), step 4 Wed
#      15:00 -> Thu 21 Aug 08:01 (60 + 31 = 91): lead 931, late by 31.
#   B4 as B1 from Mon 25 Aug but step 4 ends Tue 26 Aug 16:01, a minute
#      after closing: no working minute after 16:00, lead 900: within.
#   F1 accepted Fri 29 Aug 15:30: open at August's end, age 60 (Fri to
#      16:30); done Mon 1 Sep 15:30 = 60 + 270 + 90 + 60 = 480.
#   -> 5 finished, 3 within (60,0%), 2 late; leads 210 900 900 901 931:
#      median 900, p90 (h = 0.9 x 4 = 3.6) 901 + 0.6 x 30 = 919, max 931.
#      Late files' excess: step 4 391 (B2) + 31 (B3) = 422 over 2
#      executions = 211 min = 3,5 jam; step 3 390 (B3) only: step 4 named.
# r2-wita (WITA, stamps in local time):
#   W1 accepted Fri 29 Aug 08:30: step 3 to 15:00 (180 + 120), step 4 to
#      Sun 31 Aug 23:59 WITA (15:00-16:30 = 90): lead 390, an August case
#      (31 Aug 15:59 UTC).
#   W2 the same from 09:30 (lead 120 + 120 + 90 = 330) but done Mon 1 Sep
#      00:30 WITA = 31 Aug 16:30 UTC: a September case, open at August's
#      end with age 330.
. tests/cli/lib.sh

F=tests/data/report-field2
M=$F/models
DB=$TMP/k.db
run "$MUTU" ingest $F/kantor.csv --db "$DB" --models $M --quiet
expect_rc "the field log ingests" 0
REP=(report monthly --db "$DB" --models $M)

jfig() { # JSON SOP -> finished within share median p90 max open past_ceiling working_days
	python3 - "$1" "$2" <<'PY'
import json, sys
g = [g for g in json.load(open(sys.argv[1]))["groups"] if g["id"] == sys.argv[2]][0]["summary"]
f = lambda k: "null" if g[k] is None else ("%g" % g[k])
print(" ".join(f(k) for k in ("finished", "within", "share_within", "lead_median", "lead_p90", "lead_max",
                              "open_at_month_end", "open_past_ceiling", "working_days")))
PY
}

# ---- the verdict's boundaries -------------------------------------------
ANS_ID="Izin Usaha Café & Resto – Uji Lapangan: 3 dari 5 berkas selesai dalam batas SOP (60,0%); 2 terlambat, paling banyak kehilangan waktu di langkah 4, Kepala Dinas (rata-rata 3,5 jam di atas mutu baku)."
ANS_EN="Izin Usaha Café & Resto – Uji Lapangan: 3 of 5 files finished within the SOP ceiling (60.0%); 2 late, losing the most time at step 4, Kepala Dinas (on average 3.5 h over the mutu baku)."
run "$MUTU" "${REP[@]}" --month 2025-08 --format json --out "$TMP/j"
expect_rc "August 2025 as json: exit 0" 0
expect_out_has "August 2025: the answer (B1 and B4 at exactly 900 within, B2 901 and B3 931 late)" "  $ANS_ID"
run "$MUTU" "${REP[@]}" --month 2025-08 --format json --out "$TMP/je" --lang en
expect_out_has "August 2025 --lang en: the same answer in English" "  $ANS_EN"
expect_eq "August 2025, r2-izin: figures worked out at the top" \
	"$(jfig "$TMP/j/report-2025-08.json" r2-izin)" "5 3 0.6 900 919 931 1 0 20"
# W1 (23:59 WITA on 31 Aug) is August's; W2 (00:30 WITA on 1 Sep, still
# 31 Aug in UTC) is September's: open at August's end
expect_eq "August 2025, r2-wita: W1 at 23:59 WITA counted, W2 (1 Sep 00:30 WITA) open" \
	"$(jfig "$TMP/j/report-2025-08.json" r2-wita)" "1 1 1 390 390 390 1 0 20"
got=$(python3 -c "
import json; d = json.load(open('$TMP/j/report-2025-08.json'))
print(' '.join('%s:%d' % (c['case'], c['age']) for g in d['groups'] if g['id'] != 'office' for c in g['open_cases']))")
expect_eq "August 2025: open cases' ages (F1 60, W2 330)" "$got" "F1:60 W2:330"
run "$MUTU" "${REP[@]}" --month 2025-09 --format json --out "$TMP/j"
# September: F1 480 (r2-izin), W2 330 (r2-wita); 22 weekdays less Fri 5
# Sep (Maulid Nabi, LN) = 21 working days
expect_eq "September 2025, r2-izin: F1 480" "$(jfig "$TMP/j/report-2025-09.json" r2-izin)" "1 1 1 480 480 480 0 0 21"
expect_eq "September 2025, r2-wita: W2 330, finished on 1 Sep WITA" "$(jfig "$TMP/j/report-2025-09.json" r2-wita)" "1 1 1 330 330 330 0 0 21"
# the audit of each boundary case: working minutes, late, over
aud() { # CASE -> working late over
	"$MUTU" audit --case "$1" --db "$DB" --models $M --format json --out - 2>/dev/null |
		python3 -c "import json, sys; c = json.load(sys.stdin)['cases'][0]; print(c['working'], c['late'], c['over'])"
}
expect_eq "audit B1: 900 of 900, in time" "$(aud B1)" "900 False 0"
# the defect: B4 was judged late (done 16:01 > deadline 16:00) with 0
# minutes over; no working time passed after the deadline, 900 <= 900
expect_eq "audit B4 (done 16:01, after closing): 900 of 900, in time" "$(aud B4)" "900 False 0"
expect_eq "audit B2: one minute over, late by 1" "$(aud B2)" "901 True 1"
expect_eq "audit B3: 08:01 the next working day, late by 31" "$(aud B3)" "931 True 31"

# ---- data quality beside the answer --------------------------------------
# kotor.csv: B1 (900, within) and its step 4 row twice (1 duplicate); Q1's
# one row has the date 2025-08-32 (rejected); Q2 (07:30 -> 16:00 = 450,
# within) with one activity not in the SOP ("Rapat koordinasi"); Q3 of an
# SOP without a model whose stamps have no zone (2 rows rejected); Q4 of
# that SOP with offsets (stored, skipped by the report: no model).
# -> 2 of 2 within; 3 rows rejected, 1 duplicate, 1 unknown activity.
QDB=$TMP/q.db
"$MUTU" ingest $F/kotor.csv --db "$QDB" --models $M --quiet >/dev/null 2>&1
N_ID="data tidak lengkap: 3 baris log di penyimpanan ditolak saat ingest (lihat mutu db rejected); angka laporan ini tanpa baris itu"
N_EN="partial data: 3 log row(s) in the store were rejected at ingest (see mutu db rejected); the figures leave them out"
U_ID="1 kejadian bulan ini dengan aktivitas di luar SOP: tidak dihitung di langkah SOP mana pun"
U_EN="1 event(s) of the month with an activity not in the SOP: counted in no step of the SOP"
D_ID="1 baris log ganda dilewati saat ingest (dihitung sekali)"
D_EN="1 duplicate log row(s) skipped at ingest (each counted once)"
for l in id en; do
	run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format html --lang $l --out "$TMP/q$l"
	expect_rc "dirty store, html $l: exit 0" 0
	[ $l = id ] && n=$N_ID u=$U_ID d=$D_ID || n=$N_EN u=$U_EN d=$D_EN
	expect_err_has "dirty store, $l: the rejected rows noted on stderr" "partial data: 3 log row(s)"
	# in the page: right after the answer, before the navigation
	got=$(python3 - "$TMP/q$l/report-2025-08.html" "$n" "$u" "$d" <<'PY'
import html, sys
d = open(sys.argv[1]).read()
a, nav = d.index('id="answer"'), d.index("<nav>")
print(" ".join(str(a < d.find(html.escape(t, quote=True)) < nav) for t in sys.argv[2:]))
PY
)
	expect_eq "dirty store, html $l: rejected rows, unknown activity, duplicate between the answer and the sections" "$got" "True True True"
	run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format md --lang $l --out "$TMP/q$l"
	expect_out_has "dirty store, $l: the answer itself (B1 900 and Q2 450 within)" "2 "
	grep -qF "> $n" "$TMP/q$l/report-2025-08.md" && ok "dirty store, md $l: the rejected rows noted" ||
		not_ok "dirty store, md $l: the rejected rows noted" "$(sed -n 1,12p "$TMP/q$l/report-2025-08.md")"
	got=$("$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format json --lang $l --out - 2>/dev/null |
		python3 -c "import json, sys; n = json.load(sys.stdin)['notes']; print(sum(1 for x in sys.argv[1:] if x in n))" "$n" "$u" "$d")
	expect_eq "dirty store, json $l: the three notes" "$got" 3
	got=$("$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format csv --lang $l --out - 2>/dev/null | grep -c '^report,meta,[0-9]*,note,')
	# 4 notes: Q4's SOP skipped (no model), and the three above
	expect_eq "dirty store, csv $l: the notes as numbered rows" "$got" 4
done
run "$MUTU" report monthly --db "$QDB" --models $M --month 2025-08 --format json --out -
got=$(python3 -c "import json, sys; g = [g for g in json.loads(sys.argv[1])['groups'] if g['id'] == 'r2-izin'][0]['summary']; print(g['finished'], g['within'], g['lead_median'])" "$OUT")
expect_eq "dirty store: B1 (900) and Q2 (450) within, median 675" "$got" "2 2 675"
# a clean store says nothing of the kind (the note is not always there)
got=$(python3 -c "import json; print(json.load(open('$TMP/j/report-2025-08.json'))['notes'])")
expect_eq "clean store: no note" "$got" "[]"

