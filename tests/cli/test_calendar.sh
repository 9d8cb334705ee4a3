#!/usr/bin/env bash
# test_calendar.sh - `mutu calendar` on the shipped calendars, expected
# values worked out by hand (office hours Mon-Thu 07:30-12:00, 13:00-16:00,
# Fri 07:30-11:30, 13:00-16:30; 1 Hari = 450 menit; 2025-01-02 is a Thursday).
. "$(dirname "$0")/lib.sh"

# Thu 07:30-16:00 = 450, Fri 07:30-10:00 = 150: 600 = 1 Hari 2 Jam 30 Menit
run "$MUTU" calendar between "2025-01-02 07:30" "2025-01-03 10:00"
expect_rc "between: ok" 0
expect_out_has "between: SOP form and minutes" "1 Hari 2 Jam 30 Menit (600 menit)"
expect_out_has "between: default calendar id-wib" "id-wib (WIB, UTC+07:00)"

# reversed: the negative
run "$MUTU" calendar between "2025-01-03 10:00" "2025-01-02 07:30"
expect_out_has "between: reversed is negative" "minus 1 Hari 2 Jam 30 Menit (-600 menit)"

# Idul Fitri 1446 H in WITA: Fri 03-28 CB, 03-31/04-01 LN, 04-02..04-07 CB,
# Tue 04-08 full day (450), Wed 04-09 07:30-10:00 (150)
run "$MUTU" calendar between 2025-03-28T10:00+08:00 2025-04-09T10:00+08:00 --calendar id-wita
expect_out_has "between: over Idul Fitri and cuti bersama" "(600 menit)"

# one UTC span, three zones: 07:00Z-10:00Z is 15:00-18:00 WITA -> 60 min
run "$MUTU" calendar between 2025-01-02T07:00:00Z 2025-01-02T10:00:00Z -c id-wita
expect_out_has "between: WITA" "1 Jam (60 menit)"
run "$MUTU" calendar between 2025-01-02T07:00:00Z 2025-01-02T10:00:00Z -c id-wit
expect_out_has "between: WIT (16:00-19:00, closed)" "0 Menit (0 menit)"

# add: work ending at closing time ends at 16:00
run "$MUTU" calendar add "2025-01-02 13:00" "3 Jam"
expect_rc "add: ok" 0
expect_out_has "add: ends at closing time" "2025-01-02T16:00:00+07:00"
# Fri 16:15 + 1 Hari (net): 15 min Fri, 435 min Mon = Mon 15:45
run "$MUTU" calendar add "2025-01-03 16:15" 1 Hari
expect_out_has "add: net reading" "hasil:       2025-01-06T15:45:00+07:00"
expect_out_has "add: duration in minutes" "1 Hari (450 menit"
# next-day reading: Mon 16:15, clamped to Monday's closing 16:00
run "$MUTU" calendar add "2025-01-03 16:15" "1 Hari" --reading next-day
expect_out_has "add: next-day reading clamps" "hasil:       2025-01-06T16:00:00+07:00"
expect_out_has "add: next-day worked 15 + 450" "1 Hari 15 Menit (465 menit)"
# 24x7: 1 Hari = 24 h
run "$MUTU" calendar add "2025-01-04 10:00" "2 Hari" --calendar 24x7
expect_out_has "add: 24x7" "2025-01-06T10:00:00+07:00"
# English
run "$MUTU" calendar add "2025-01-02 13:00" "3 Jam" --lang en
expect_out_has "add: --lang en" "result:      2025-01-02T16:00:00+07:00"

# show: 2025 has 237 working days (domain.md); 19 Ramadan days of 6.5 h and
# 218 of 7.5 h = 1758.5 h
run "$MUTU" calendar show id-wita --year 2025
expect_rc "show: ok" 0
expect_out_has "show: working days 2025" "2025          237       1758.5"
expect_out_has "show: cuti bersama 18 Aug 2025" "2025-08-18 Senin   CB  Cuti Bersama HUT ke-80 RI"
expect_out_has "show: Ramadan period" "2025-03-03 s.d. 2025-03-27  19 hari kerja"
run "$MUTU" calendar show
expect_out_has "show: all years" "2026          240"
run "$MUTU" calendar list
expect_out_has "list: id-wit" "id-wit       WIT    2024-2026"

# a local addition, in a copy of the calendars: Fri 2025-01-03 closed, so
# Thu 07:30 -> Mon 07:30 is one day (450), not two
cp -r datasets/calendars "$TMP/cals"
echo "2025-01-03,LD,Hari Jadi Kota Contoh" >>"$TMP/cals/local.csv"
MUTU_CALENDARS="$TMP/cals" run "$MUTU" calendar between "2025-01-02 07:30" "2025-01-06 07:30"
expect_out_has "local.csv: regional holiday counts" "(450 menit)"
run "$MUTU" calendar between "2025-01-02 07:30" "2025-01-06 07:30"
expect_out_has "shipped calendar unchanged" "(900 menit)"
echo "2025-01-32,LD,Oops" >>"$TMP/cals/local.csv" # line 22: 20 shipped + 2 added
MUTU_CALENDARS="$TMP/cals" run "$MUTU" calendar between "2025-01-02 07:30" "2025-01-06 07:30"
expect_rc "local.csv: bad line exits 2" 2
expect_err_has "local.csv: error names file:line and value" "local.csv:22: date \"2025-01-32\" is not a day that exists"

# errors: exit 2, saying what, where and what to do
run "$MUTU" calendar between 2025-02-30 2025-03-01
expect_rc "error: impossible date" 2
expect_err_has "error: impossible date quoted" "\"2025-02-30\": February 2025 has 28 days"
run "$MUTU" calendar between 2023-12-31 2025-01-01 --calendar id-wita
expect_rc "error: outside the years" 2
expect_err_has "error: outside the years says so" "\"2023-12-31\" is outside calendar id-wita (2024-2026)"
run "$MUTU" calendar between 2025-01-02 07:30
expect_rc "error: unquoted date and time" 2
expect_err_has "error: unquoted hint" "quote them together"
run "$MUTU" calendar between 2025-01-02
expect_rc "error: one instant" 2
expect_err_has "error: one instant message" "needs two instants"
run "$MUTU" calendar add 2025-01-02 3 jahr
expect_rc "error: bad duration" 2
expect_err_has "error: bad duration quoted" "jahr"
run "$MUTU" calendar add 2025-01-02 "1 Hari" --reading weekly
expect_rc "error: bad reading" 2
run "$MUTU" calendar between 2025-01-01 2025-01-02 --calendar mars
expect_rc "error: unknown calendar" 2
expect_err_has "error: unknown calendar lists the known ones" "id-wita"
run "$MUTU" calendar add "2026-12-31 15:00" "2 Jam"
expect_rc "error: past the end of the calendar" 2
expect_err_has "error: past the end message" "goes past the end of calendar id-wib"
run "$MUTU" calendar frob
expect_rc "error: unknown subcommand" 2
run "$MUTU" calendar show --year 2030
expect_rc "error: year outside" 2

for sub in between add show list; do
	run "$MUTU" calendar $sub --help
	expect_rc "help: $sub" 0
	expect_out_has "help: $sub usage" "usage: mutu calendar $sub"
done
run "$MUTU" calendar --help
expect_rc "help: calendar" 0
