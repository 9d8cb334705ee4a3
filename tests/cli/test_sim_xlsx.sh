#!/usr/bin/env bash
# tests/cli/test_sim_xlsx.sh - `mutu sim --format xlsx` and `mutu forecast
# --format xlsx` read back by another reader than the writer
# (tests/cli/xlsx_cells.py: zipfile + the sheet XML).  Cells holding
# figures must be numbers (t="n") with a number format, instants Excel
# date serials with a date format, the summary sheet first, every header
# row frozen.  Expected values are worked out by hand below.
. tests/cli/lib.sh
X="python3 tests/cli/xlsx_cells.py"

run "$MUTU" sim --help
expect_out_has "sim --help names xlsx" "xlsx: an Excel workbook"
run "$MUTU" forecast --help
expect_out_has "forecast --help names xlsx" "xlsx: an Excel workbook"

# ---- sim ----
# One file, submitted Mon 5 May 2025 08:00 WITA, two steps with fixed
# times (tests/data/sim-calendar/dua-langkah.ini: 1 Jam Front Office,
# 6 Jam Back Office; ceiling 1 + 6 = 7 Jam = 420 min), 3 replications that
# are all the same (replayed arrival, fixed service): every interval is
# its mean, bounds included.
#   A: Back Office on loket-pagi (08:00-12:00): lead 630 working minutes
#      of id-wita (hand-worked in tests/cli/test_sim_calendar.sh): late.
#   B: Back Office on id-wita: step 2 Mon 09:00-12:00 + 13:00-16:00, done
#      Mon 16:00: lead 240 + 180 = 420 min = the ceiling: within.
#   B - A = -210 min, significant (the interval is [-210, -210]).
D=tests/data/sim-calendar
printf 'submitted\n2025-05-05 08:00\n' >"$TMP/one.csv"
for v in a b; do
	cal=""
	[ "$v" = a ] && cal=" calendar=tests/data/calendars/loket-pagi.ini"
	cat >"$TMP/$v.ini" <<INI
[run]
calendar = id-wita
start = 2025-05-05
end = 2025-05-16
replications = 3

[staff]
Front Office = 1
Back Office = 1$cal

[sop a]
model = $D/dua-langkah.ini
arrivals = replay $TMP/one.csv
service = fixed
INI
done

run "$MUTU" sim "$TMP/a.ini" --format xlsx
expect_rc "sim --format xlsx without --out: bad usage" 2
expect_err_has "sim xlsx without --out says what to give" "give --out FILE.xlsx"
run "$MUTU" sim "$TMP/a.ini" --format xlsx --out -
expect_rc "sim --format xlsx --out -: bad usage (no workbook on stdout)" 2

# a folder that does not exist: failure (exit 1), named, nothing left
run "$MUTU" sim "$TMP/a.ini" --format xlsx --out "$TMP/nodir/s.xlsx"
expect_rc "sim xlsx into a missing folder: exit 1" 1
expect_err_has "sim xlsx into a missing folder: names the path" "$TMP/nodir/s.xlsx"

# a full disk (RLIMIT_FSIZE, as tests/cli/test_outputs.sh): the workbook
# (about 12 KB) cannot be written under 4 KiB: exit 1, the old file kept,
# no temporary left
echo old >"$TMP/keep.xlsx"
(
	trap '' XFSZ
	ulimit -f 4
	"$MUTU" sim "$TMP/a.ini" --compare "$TMP/b.ini" --format xlsx --out "$TMP/keep.xlsx" >/dev/null 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
expect_eq "sim xlsx on a full disk: exit 1" "$(cat "$TMP/rc")" "1"
expect_eq "sim xlsx on a full disk: the message names the user's file, not the temporary" \
	"$(grep -c "^mutu sim: $TMP/keep.xlsx: writing the Excel workbook failed" "$TMP/err")" "1"
expect_eq "sim xlsx on a full disk: the old file kept" "$(cat "$TMP/keep.xlsx")" "old"
expect_eq "sim xlsx on a full disk: no temporary left" "$(ls -A "$TMP" | grep -c '^\.keep\.xlsx\.')" "0"

run "$MUTU" sim "$TMP/a.ini" --compare "$TMP/b.ini" --format xlsx --out "$TMP/s.xlsx"
expect_rc "sim --compare --format xlsx: exit 0" 0
expect_eq "sim xlsx: nothing on stdout" "$OUT" ""
expect_eq "sim xlsx: summary first, then differences, the SOP (by name), pelaksana" \
	"$($X "$TMP/s.xlsx" sheets)" "Ringkasan
Selisih B-A
1 Uji Dua Langkah
Pelaksana"
expect_eq "sim xlsx: every header row frozen" "$($X "$TMP/s.xlsx" frozen)" "True"
S="B=Uji Dua Langkah"
L="C=waktu penyelesaian rata-rata"
expect_eq "sim xlsx: A's lead mean 630 working minutes, a number" \
	"$($X "$TMP/s.xlsx" num Ringkasan A=a.ini "$S" "$L" E)" "n 630 #,##0.0"
expect_eq "sim xlsx: its 95% lower bound a number too (all replications alike)" \
	"$($X "$TMP/s.xlsx" num Ringkasan A=a.ini "$S" "$L" F)" "n 630 #,##0.0"
expect_eq "sim xlsx: B's upper bound 420" \
	"$($X "$TMP/s.xlsx" num Ringkasan A=b.ini "$S" "$L" G)" "n 420 #,##0.0"
expect_eq "sim xlsx: the display column words it in one unit (630 min = 1,4 hari of 450)" \
	"$($X "$TMP/s.xlsx" num Ringkasan A=a.ini "$S" "$L" H)" "s 1,4 hari [1,4 hari – 1,4 hari]"
expect_eq "sim xlsx: within the ceiling, B: 1 as a share with a percent format" \
	"$($X "$TMP/s.xlsx" num Ringkasan A=b.ini "$S" "C=selesai dalam batas SOP" E)" "n 1 0.0%"
expect_eq "sim xlsx: the summary names what B changes" \
	"$($X "$TMP/s.xlsx" num Ringkasan "A=Yang berbeda B dari A" B)" \
	"s [staff] Back Office: 1 calendar=tests/data/calendars/loket-pagi.ini → 1"
SD="Selisih B-A"
expect_eq "sim xlsx: difference B - A of the lead mean -210 min" \
	"$($X "$TMP/s.xlsx" num "$SD" "A=Uji Dua Langkah" "B=waktu penyelesaian rata-rata" F)" "n -210 #,##0.0"
expect_eq "sim xlsx: its bounds -210 and -210" \
	"$($X "$TMP/s.xlsx" num "$SD" "A=Uji Dua Langkah" "B=waktu penyelesaian rata-rata" G) $($X "$TMP/s.xlsx" num "$SD" "A=Uji Dua Langkah" "B=waktu penyelesaian rata-rata" H)" \
	"n -210 #,##0.0 n -210 #,##0.0"
expect_eq "sim xlsx: significant" \
	"$($X "$TMP/s.xlsx" num "$SD" "A=Uji Dua Langkah" "B=waktu penyelesaian rata-rata" I)" "s ya"
# step 1's service is 60 min in both runs: a zero difference is not significant
expect_eq "sim xlsx: a difference printed as zero is not significant" \
	"$($X "$TMP/s.xlsx" num "$SD" "A=Uji Dua Langkah, langkah 1" "B=layanan rata-rata" I)" "s tidak"
expect_eq "sim xlsx: the SOP sheet's step 2, Back Office, 6 Jam = 360 min of service" \
	"$($X "$TMP/s.xlsx" num "1 Uji Dua Langkah" A=a.ini "C=Back Office" "D=layanan rata-rata" F)" "n 360 #,##0.0"
expect_eq "sim xlsx: the step number is a number" \
	"$($X "$TMP/s.xlsx" num "1 Uji Dua Langkah" A=a.ini "C=Back Office" "D=layanan rata-rata" B)" "n 2 #,##0"
# utilisation is a share: its unit says so (its value is pinned by test_sim*.sh)
expect_eq "sim xlsx: pelaksana utilisation is a share" \
	"$($X "$TMP/s.xlsx" num Pelaksana A=a.ini "B=Front Office" C=utilisasi D)" "s bagian (%)"
run "$MUTU" sim "$TMP/a.ini" --format xlsx --out "$TMP/e.xlsx" --lang en
expect_eq "sim xlsx --lang en: English sheet names" "$($X "$TMP/e.xlsx" sheets)" "Summary
1 Uji Dua Langkah
Pelaksana"
expect_eq "sim xlsx --lang en: English words" "$($X "$TMP/e.xlsx" cell Summary D1)" "s Unit"

# --by month: a sheet per period, the month as an Excel date (May 2025 =
# 45658 + 31 + 28 + 31 + 30 = 45778); B's one file finishes in May, lead 420
run "$MUTU" sim "$TMP/b.ini" --by month --format xlsx --out "$TMP/p.xlsx"
expect_eq "sim xlsx --by month: May as a date shown as a month" \
	"$($X "$TMP/p.xlsx" cell "Per periode" B2)" "n 45778 mmm yyyy"
expect_eq "sim xlsx --by month: May's lead mean 420 working minutes" \
	"$($X "$TMP/p.xlsx" num "Per periode" B=45778 "C=Uji Dua Langkah" "D=waktu penyelesaian rata-rata" F)" "n 420 #,##0.0"
# --by week: an ISO week has no Excel date form: its label (5 May 2025 is
# the Monday of ISO week 19)
run "$MUTU" sim "$TMP/b.ini" --by week --format xlsx --out "$TMP/w.xlsx"
expect_eq "sim xlsx --by week: the week's label" "$($X "$TMP/w.xlsx" cell "Per periode" B2)" "s 2025-W19"

# --out for the text forms too: the JSON document goes to the file, not stdout
run "$MUTU" sim "$TMP/b.ini" --format json --out "$TMP/b.json"
expect_eq "sim --format json --out: nothing on stdout" "$OUT" ""
expect_eq "sim --format json --out: B's lead mean 420 min in the file" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sops"][0]["lead_mean"]["mean"])' "$TMP/b.json")" "420"

# ---- forecast ----
# The fixture of tests/cli/test_forecast.sh (hand-worked there): as of
# Thu 2025-06-05 14:00 WITA, Y (P(late) 1) finishes Thu 06-05 14:25, X
# (P(late) 0) Tue 06-10 09:15 (the Kepala Dinas's signature, step 8: the
# SLA clock's end, the applicant's 3 minutes of step 9 after it are not the
# office's); June expects 2 of 3 within (Z observed).
# Excel serials: 2025-01-01 is 45658, so 06-01 is 45658 + 151 = 45809,
# 06-05 is 45813, 06-10 is 45818; 14:25 is 865/1440 of a day = 0.600694,
# 09:15 is 555/1440 = 0.385417.
sed -n '/^cat >"$TMP\/log.csv"/,/^CSV$/p' tests/cli/test_forecast.sh | sed '1d;$d' >"$TMP/log.csv"
sed -n '/^cat >"$TMP\/scen.ini"/,/^INI$/p' tests/cli/test_forecast.sh | sed '1d;$d' >"$TMP/scen.ini"
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/h.db" --quiet
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format xlsx
expect_rc "forecast --format xlsx without --out: bad usage" 2
run "$MUTU" forecast --db "$TMP/h.db" --scenario "$TMP/scen.ini" --as-of 2025-06-05T14:00 --format xlsx --out "$TMP/f.xlsx"
expect_rc "forecast --format xlsx: exit 0" 0
F="$TMP/f.xlsx"
expect_eq "forecast xlsx: summary first, then the open files" "$($X "$F" sheets)" "Ringkasan
Berkas terbuka"
expect_eq "forecast xlsx: header rows frozen" "$($X "$F" frozen)" "True"
expect_eq "forecast xlsx: June as a date serial shown as a month" "$($X "$F" cell Ringkasan B2)" "n 45809 mmm yyyy"
expect_eq "forecast xlsx: as-of 06-05 14:00 as a date-time (45813 + 840/1440 = 45813.5833)" \
	"$($X "$F" cell Ringkasan A2)" "n 45813.5833 dd mmm yyyy hh:mm"
expect_eq "forecast xlsx: June's expected share within 2/3, percent format" "$($X "$F" cell Ringkasan F2)" "n 0.6667 0.0%"
expect_eq "forecast xlsx: highest risk first (Y)" "$($X "$F" cell "Berkas terbuka" A2)" "s Y"
expect_eq "forecast xlsx: Y's P(late) 1" "$($X "$F" cell "Berkas terbuka" J2)" "n 1 0.0%"
expect_eq "forecast xlsx: Y's age 2960 working minutes" "$($X "$F" cell "Berkas terbuka" G2)" "n 2960 #,##0.0"
expect_eq "forecast xlsx: Y's median finish Thu 06-05 14:25 as a date" \
	"$($X "$F" cell "Berkas terbuka" M2)" "n 45813.6007 dd mmm yyyy hh:mm"
expect_eq "forecast xlsx: X's 10% and 90% finish Tue 06-10 09:15 (45818.3854)" \
	"$($X "$F" num "Berkas terbuka" A=X L) $($X "$F" num "Berkas terbuka" A=X N)" \
	"n 45818.3854 dd mmm yyyy hh:mm n 45818.3854 dd mmm yyyy hh:mm"

# ---- backtest ----
# B's log (one file, deterministic: lead 420 min, worked out above),
# backtested against B itself: every replication equals the log, so every
# row lies inside.  Rows for May 2025: arrivals, finished, within, lead
# p50, p90, step 1 service (its wait is not in a log: nothing before the
# first stamp), step 2 wait and service = 8.  May 2025 is Excel serial
# 45658 + 31 + 28 + 31 + 30 = 45778.
"$MUTU" sim "$TMP/b.ini" --emit-log "$TMP/b.csv" --force >/dev/null
"$MUTU" ingest "$TMP/b.csv" --db "$TMP/bt.db" --quiet
run "$MUTU" backtest "$TMP/b.ini" --sop uji-dua-langkah --db "$TMP/bt.db" --format xlsx
expect_rc "backtest --format xlsx without --out: bad usage" 2
run "$MUTU" backtest "$TMP/b.ini" --sop uji-dua-langkah --db "$TMP/bt.db" --format xlsx --out "$TMP/bt.xlsx"
expect_rc "backtest --format xlsx: exit 0" 0
B="$TMP/bt.xlsx"
expect_eq "backtest xlsx: summary first, then by month" "$($X "$B" sheets)" "Ringkasan
Per bulan"
expect_eq "backtest xlsx: header rows frozen" "$($X "$B" frozen)" "True"
expect_eq "backtest xlsx: 8 rows, 8 inside, as numbers" \
	"$($X "$B" cell Ringkasan E2) / $($X "$B" cell Ringkasan F2)" "n 8 #,##0 / n 8 #,##0"
expect_eq "backtest xlsx: the month is a date shown as a month" "$($X "$B" cell "Per bulan" A2)" "n 45778 mmm yyyy"
expect_eq "backtest xlsx: observed median lead 420 working minutes" \
	"$($X "$B" num "Per bulan" "B=waktu penyelesaian median" E)" "n 420 #,##0.0"
expect_eq "backtest xlsx: step 2's service 360 min, step as a number" \
	"$($X "$B" num "Per bulan" "B=layanan rata-rata" C=2 H) $($X "$B" num "Per bulan" "B=layanan rata-rata" E=360 C)" \
	"n 360 #,##0.0 n 2 #,##0"
