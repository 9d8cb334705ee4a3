#!/usr/bin/env bash
# test_forecast.sh - `mutu forecast` and `mutu sim --from-db`: open files
# placed at their current step finish where a hand computation puts them
# (fixed service times on id-wita, across Idul Adha and its cuti bersama),
# and the forecast's probabilities are calibrated on the synthetic log's
# history (tests/cli/fc_calibration.py says how and why the tolerance).
. tests/cli/lib.sh

run "$MUTU" forecast --help
expect_rc "forecast --help exits 0" 0
expect_out_has "forecast --help names --as-of" "--as-of"
run "$MUTU" forecast --db "$TMP/none.db"
expect_rc "forecast without --scenario is bad usage" 2
run "$MUTU" sim models/scenarios/banjarbaru.ini --as-of 2025-06-01
expect_rc "sim --as-of without --from-db is bad usage" 2

# Model izin-pengumpulan-uang-barang (ceiling 5 Hari = 37.5 h, clock from
# the end of step 2), every step its waktu exactly (service = fixed), no
# new arrivals.  As of Thursday 2025-06-05 14:00 WITA:
#   X: step 4 (Dinas Teknis, 4 Hari = 30 h) since Monday 06-02 08:50:
#      used Mon 08:50-16:00 less the break 6 h 10, Tue 7 h 30, Wed 7 h 30,
#      Thu 07:30-14:00 less the break 5 h 30 = 26 h 40; 3 h 20 left:
#      Thu 14:00-16:00, then Fri 06-06 (Idul Adha), the weekend and Mon 06-09
#      (cuti bersama) are closed: Tue 06-10 07:30-08:50; steps 5-8 (10, 5,
#      5, 5 minutes) end 09:15, the Kepala Dinas's signature: the office's
#      last step, where the SLA clock stops (step 9, the applicant taking
#      the SK, 3 minutes, is the applicant's time, as in reports).  Age:
#      clock from Mon 08:40, 26 h 50 = 1610 min; lead 1610 + 120 + 105 =
#      1835 min < 2250: P(late) 0.  Its planned date 2025-06-05 (end of
#      that day) is passed: P 1.
#   Y: step 4 since Monday 05-26, more than 30 h ago: its fixed time is
#      used up, so it ends at once: steps 5-8 end Thu 14:25; age 2960 min >
#      2250: P(late) 1; planned 2025-06-30 met: P 0.
#   Z: finished 06-03 within the ceiling: June counts Z, Y (late), X
#      (within): 2 of 3 within.  July: no file finishes.
cat >"$TMP/log.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end,endDatePlanned
X,izin-pengumpulan-uang-barang,1,a,Pemohon,2025-06-02T08:00:00+08:00,2025-06-02T08:30:00+08:00,2025-06-05
X,izin-pengumpulan-uang-barang,2,b,Front Office,2025-06-02T08:30:00+08:00,2025-06-02T08:40:00+08:00,2025-06-05
X,izin-pengumpulan-uang-barang,3,c,Back Office,2025-06-02T08:40:00+08:00,2025-06-02T08:50:00+08:00,2025-06-05
X,izin-pengumpulan-uang-barang,4,d,Dinas Teknis,2025-06-02T08:50:00+08:00,2025-06-10T08:50:00+08:00,2025-06-05
Y,izin-pengumpulan-uang-barang,1,a,Pemohon,2025-05-26T08:00:00+08:00,2025-05-26T08:30:00+08:00,2025-06-30
Y,izin-pengumpulan-uang-barang,2,b,Front Office,2025-05-26T08:30:00+08:00,2025-05-26T08:40:00+08:00,2025-06-30
Y,izin-pengumpulan-uang-barang,3,c,Back Office,2025-05-26T08:40:00+08:00,2025-05-26T08:50:00+08:00,2025-06-30
Y,izin-pengumpulan-uang-barang,4,d,Dinas Teknis,2025-05-26T08:50:00+08:00,,2025-06-30
Z,izin-pengumpulan-uang-barang,1,a,Pemohon,2025-06-03T07:30:00+08:00,2025-06-03T08:00:00+08:00,
Z,izin-pengumpulan-uang-barang,2,b,Front Office,2025-06-03T08:00:00+08:00,2025-06-03T08:10:00+08:00,
Z,izin-pengumpulan-uang-barang,3,c,Back Office,2025-06-03T08:10:00+08:00,2025-06-03T08:20:00+08:00,
Z,izin-pengumpulan-uang-barang,4,d,Dinas Teknis,2025-06-03T08:20:00+08:00,2025-06-03T14:00:00+08:00,
Z,izin-pengumpulan-uang-barang,5,e,Back Office,2025-06-03T14:00:00+08:00,2025-06-03T14:10:00+08:00,
Z,izin-pengumpulan-uang-barang,6,f,Kabid Perizinan,2025-06-03T14:10:00+08:00,2025-06-03T14:15:00+08:00,
Z,izin-pengumpulan-uang-barang,7,g,Sekretaris,2025-06-03T14:15:00+08:00,2025-06-03T14:20:00+08:00,
Z,izin-pengumpulan-uang-barang,8,h,Kepala Dinas,2025-06-03T14:20:00+08:00,2025-06-03T14:25:00+08:00,
Z,izin-pengumpulan-uang-barang,9,i,Pemohon,2025-06-03T14:25:00+08:00,2025-06-03T14:28:00+08:00,
CSV
cat >"$TMP/scen.ini" <<'INI'
[run]
calendar = id-wita
start = 2025-01-01
end = 2025-12-31
replications = 4
seed = 7

[staff]
Front Office = 1
Back Office = 1
Dinas Teknis = 5
Kabid Perizinan = 1
Sekretaris = 1
Kepala Dinas = 1

[sop izin-pengumpulan-uang-barang]
model = models/izin-pengumpulan-uang-barang.ini
arrivals = 0 per bulan
service = fixed
INI
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/h.db" --quiet
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format csv
expect_rc "forecast csv runs" 0
expect_eq "X finishes (signed) Tue 06-10 09:15 after Idul Adha and cuti bersama, P(late) 0, planned date missed" \
	"$(echo "$OUT" | grep '^X,' | rev | cut -d, -f1-10 | rev)" \
	"1,1610.0,3.22,0,2025-06-06T00:00:00+08:00,1,0,2025-06-10T09:15:00+08:00,2025-06-10T09:15:00+08:00,2025-06-10T09:15:00+08:00"
expect_eq "Y, past its fixed time, ends at once: steps 5-8 by 14:25, P(late) 1" \
	"$(echo "$OUT" | grep '^Y,' | rev | cut -d, -f1-10 | rev)" \
	"1,2960.0,10.22,1,2025-07-01T00:00:00+08:00,0,0,2025-06-05T14:25:00+08:00,2025-06-05T14:25:00+08:00,2025-06-05T14:25:00+08:00"
expect_eq "sorted by risk: Y first" "$(echo "$OUT" | sed -n 2p | cut -d, -f1)" "Y"
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format json
expect_out_has "June: Z observed within" '"month": "2025-06", "observed_finished": 1, "observed_within": 1'
expect_out_has "June: 2 of 3 within" '"within": {"mean": 0.6667, "lo": 0.6667, "hi": 0.6667}'
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format html --lang en --out "$TMP/f.html"
expect_rc "forecast html --out" 0
if grep -q "Open files, by risk" "$TMP/f.html" 2>/dev/null; then ok "html in English with --lang en"; else not_ok "html in English with --lang en"; fi
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00
expect_out_has "text is Indonesian by default" "berkas terbuka"
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of yesterday
expect_rc "a bad --as-of is bad usage" 2
# default as-of: the latest event of the scenario's SOPs, X's end of step 4
# (06-10 08:50); X then waits for step 5 (Back Office)
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --format json
expect_out_has "default as-of is the store's latest event" '"as_of": "2025-06-10T08:50:00+08:00"'
expect_out_has "X waits for step 5 after its step 4 ended" '"case": "X", "sop": "izin-pengumpulan-uang-barang", "sop_name": "Izin Pengumpulan Uang dan Barang", "step": 5,'

# the same files in `mutu sim`: both finish (2), 1 of 2 within, lead to
# the signing: Y 2960 + 25 = 2985, X 1835; mean (2985 + 1835) / 2 = 2410 min
run "$MUTU" sim "$TMP/scen.ini" --from-db "$TMP/h.db" --as-of 2025-06-05T14:00 --format csv
expect_err_has "sim --from-db says what it placed" "2 open files placed"
expect_out_has "sim --from-db: both open files finish" "all,,,,finished,berkas,2,2,2,4"
expect_out_has "sim --from-db: one of two within" "all,,,,within,share,0.5,0.5,0.5,4"
expect_out_has "sim --from-db: lead mean by hand" "all,,,,lead_mean,minutes,2410,2410,2410,4"

# calibration on history: the synthetic log's SiCANTIK year came from
# models/scenarios/sicantik.ini (datasets/make-synthetic.sh)
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/s.db" --quiet
"$MUTU" audit --db "$TMP/s.db" --sop perizinan-sicantik-cloud --from 2025-01-01 --to 2025-12-31 \
	--format csv --no-store >"$TMP/audit.csv"
python3 tests/cli/fc_calibration.py "$MUTU" "$TMP/s.db" models/scenarios/sicantik.ini "$TMP/audit.csv" "$TMP/cal.txt"
sed 's/^/# /' "$TMP/cal.txt"
