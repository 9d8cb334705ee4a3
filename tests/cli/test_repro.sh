#!/usr/bin/env bash
# test_repro.sh - the reproducers in tests/data/repro/ (copied from
# ../shared/repro; its README lists command and expected result) that
# concern durations: huge waktu, a declared_total ceiling of 2^64, an
# over-limit SOP table cell, `calendar add` with 10^20 Hari and the
# minimized fuzz crashers.  Before the range check they crashed (dur_format
# recursing on INT64_MIN), wrapped (2^64 Hari -> ceiling 0) or printed
# -9223372036854775808 Hari.  Each must now be refused with a message that
# names the limit (36500 Hari, dur.h), exit 2, and no sanitizer report.
# The other reproducers (sample-every-oom, sim-formula, term-escape) are
# checked at the end against the README's expected behaviour.
#
# Every command runs on $MUTU and, when it exists, on the ASan+UBSan build
# build/asan/mutu (`make test` builds it), so the crash class is caught
# where it shows.
. "$(dirname "$0")/lib.sh"

R=tests/data/repro
BINS=("$MUTU")
ASAN_MUTU=${MUTU_ASAN:-$PWD/build/asan/mutu}
[ -x "$ASAN_MUTU" ] && BINS+=("$ASAN_MUTU")
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# refused NAME TEXT-IN-STDERR CMD...: exit 2, the text in stderr, nothing
# from a sanitizer; run on every binary in BINS.
refused() {
	local name=$1 want=$2 bin label
	shift 2
	for bin in "${BINS[@]}"; do
		label=$name
		[ "$bin" = "$ASAN_MUTU" ] && label="$name [asan]"
		run "$bin" "$@"
		case "$ERR" in
		*Sanitizer* | *"runtime error"*)
			not_ok "$label" "sanitizer report: ${ERR:0:600}"
			continue ;;
		esac
		if [ "$RC" -ne 2 ]; then
			not_ok "$label" "exit $RC, expected 2" "stderr: ${ERR:0:600}"
		else
			case "$ERR" in
			*"$want"*) ok "$label" ;;
			*) not_ok "$label" "stderr lacks: $want" "stderr: ${ERR:0:600}" ;;
			esac
		fi
	done
}

LIMIT="above the limit of"

# the crash: model show/check recursed in dur_format; line 9 is the waktu
for sub in show check; do
	refused "dur-huge-waktu: model $sub names line and limit" \
		"dur-huge-waktu.ini:9: bad waktu in [step 1]" model $sub $R/dur-huge-waktu.ini
	refused "dur-huge-waktu: model $sub names the limit" "$LIMIT 36500 Hari" \
		model $sub $R/dur-huge-waktu.ini
done
# 2^64 in the ceiling wrapped to "(0 Hari)"; line 5 is declared_total
refused "dur-huge-ceiling: model check" \
	"dur-huge-ceiling.ini:5: bad declared_total" model check $R/dur-huge-ceiling.ini
refused "dur-huge-ceiling: the value is named" "\"18446744073709551616 Hari\" is $LIMIT 36500 Hari" \
	model check $R/dur-huge-ceiling.ini

# the importer refuses the cell (table line 5, the Waktu column is the 8th)
# and writes nothing
refused "dur-huge-table: sop import refuses the cell" \
	"dur-huge-table.txt:5: column 8: cannot read duration \"99999999999999999999 Hari\"" \
	sop import $R/dur-huge-table.txt -o "$TMP/imported.ini"
if [ -e "$TMP/imported.ini" ]; then not_ok "dur-huge-table: no model written"; else ok "dur-huge-table: no model written"; fi

# calendar add printed "-9223372036854775808 Hari"
refused "calendar add 10^20 Hari" "\"99999999999999999999 Hari\" is $LIMIT 36500 Hari" \
	calendar add "2025-03-27 14:00" "99999999999999999999 Hari" --calendar id-wita
# the limit itself is a valid duration: 36500 Hari only runs past the
# calendar's years (an ERANGE from the calendar, not from the parser)
run "$MUTU" calendar add "2025-03-27 14:00" "36500 Hari" --calendar id-wita
expect_rc "calendar add 36500 Hari: past the calendar, exit 2" 2
expect_err_has "calendar add 36500 Hari: the calendar says why" "goes past the end of calendar id-wita"

# the fuzz crashers, as dur_parse text (calendar add) and as a model's waktu
for f in $R/dur-fuzz-*.txt; do
	n=$(basename "$f" .txt)
	text=$(tr -d '\000' <"$f")
	refused "$n: calendar add" "$LIMIT" calendar add "2025-03-27 14:00" "$text" --calendar id-wita
	printf '[sop]\nid = fz\nname = Fuzz\ncalendar = id-wita\n\n[step 1]\nactivity = A\nactor = Pemohon\nwaktu = %s\n' \
		"$text" >"$TMP/$n.ini"
	refused "$n: model check (waktu, line 9)" "$n.ini:9: bad waktu in [step 1]" model check "$TMP/$n.ini"
done

# the fuzz crashers found through the model loader: each names its line
refused "model-fuzz-1: waktu line 11" "model-fuzz-1.ini:11: bad waktu in [step 1]" model check $R/model-fuzz-1.ini
refused "model-fuzz-2: waktu line 38" "model-fuzz-2.ini:38: bad waktu in [step 5]" model check $R/model-fuzz-2.ini
refused "model-fuzz-3: declared_total line 7" "model-fuzz-3.ini:7: bad declared_total" model check $R/model-fuzz-3.ini
refused "model-fuzz-4: declared_total line 11" "model-fuzz-4.ini:11: bad declared_total" model check $R/model-fuzz-4.ini
refused "model-fuzz-5: waktu line 64" "model-fuzz-5.ini:64: bad waktu in [step 8]" model check $R/model-fuzz-5.ini
# model-fuzz-6's mangled bytes leave a duplicate [step 6] header first
refused "model-fuzz-6: duplicate step" "model-fuzz-6.ini:64: duplicate step ([step 6]" model check $R/model-fuzz-6.ini
for f in $R/model-fuzz-*.ini; do
	refused "$(basename "$f"): model show refused too" "$(basename "$f"):" model show "$f"
done

# each waktu within the limit, their sum above: the loader names the total
printf '[sop]\nid = sum\nname = Sum\ncalendar = id-wita\n\n[step 1]\nactivity = A\nactor = Pemohon\nwaktu = 36500 Hari\n\n[step 2]\nactivity = B\nactor = Pemohon\nwaktu = 1 Hari\n' >"$TMP/sum.ini"
refused "steps' sum over the limit" "36501 Hari 0 Menit is $LIMIT 36500 Hari" model check "$TMP/sum.ini"

# a fraction below a minute is refused, not rounded (1.0000000000001 Menit
# would have been read as 1 Menit)
refused "13 decimals refused" "has 13 decimals" calendar add "2025-03-27 14:00" "1.0000000000001 Menit" --calendar id-wita

# the scenario loader: a duration above the limit in a scenario (here the
# resubmit time of models/scenarios/sicantik.ini, line 40) names the line,
# the value and the limit
sed 's/^step.2.resubmit = .*/step.2.resubmit = 99999999999999999999 Hari/' \
	models/scenarios/sicantik.ini >"$TMP/huge-resubmit.ini"
refused "scenario: resubmit above the limit" \
	"huge-resubmit.ini:40: step.2.resubmit: a duration (\"2 Hari\", at most 36500 Hari" \
	sim "$TMP/huge-resubmit.ini" --replications 1
refused "scenario: the value is quoted" "(99999999999999999999 Hari)" sim "$TMP/huge-resubmit.ini" --replications 1
sed 's/^step.2.resubmit = .*/step.2.resubmit = exponential mean=36501 Hari/' \
	models/scenarios/sicantik.ini >"$TMP/huge-mean.ini"
refused "scenario: mean= one Hari above the limit" "at most 36500 Hari" \
	sim "$TMP/huge-mean.ini" --replications 1

# a leap second in an instant the calendar reads (CLI, scenarios) is
# refused with that reason rather than moved to :59 without a word
refused "leap second refused with the reason" "second 60 is a leap second" \
	calendar add "2016-12-31 23:59:60Z" "1 Menit" --calendar 24x7

# ---- the other reproducers of ../shared/repro, on both binaries ----
for bin in "${BINS[@]}"; do
	sfx=""
	[ "$bin" = "$ASAN_MUTU" ] && sfx=" [asan]"
	# sample_every = 1 Menit over 100 years: 36524 days x 1440 min + 1 =
	# 52,594,561 samples per pelaksana, over the 10,000,000 limit (sim.h):
	# refused up front, exit 2, nothing on stdout
	run "$bin" sim $R/sample-every-oom.ini --threads 1 --format json
	expect_rc "sample-every-oom: refused up front$sfx" 2
	expect_err_has "sample-every-oom: the samples needed and the limit$sfx" "needs 52594561 queue samples"
	expect_eq "sample-every-oom: nothing on stdout$sfx" "$OUT" ""
	# sim --format csv: the two formula cells of the scenario's titles get
	# a leading ' (the report and audit guard), no cell starts with @ or -2+
	run "$bin" sim $R/sim-formula-scen.ini --format csv --replications 2
	expect_rc "sim-formula: exit 0$sfx" 0
	expect_out_has "sim-formula: @SUM guarded$sfx" "\"'@SUM(1+1)*cmd|' /C calc'!A0\""
	expect_out_has "sim-formula: -2+3+cmd guarded$sfx" "\"'-2+3+cmd|' /C calc'!A0\""
	bad=$(printf '%s\n' "$OUT" | grep -c -E '(^|,)"?[@=+]|(^|,)"?-[0-9]+\+' || true)
	expect_eq "sim-formula: no unguarded formula cell$sfx" "$bad" "0"
	# term-escape.csv: the rejected row's raw text holds ESC and BEL; db
	# rejected shows them as \x1b and \x07, no raw control byte reaches the
	# terminal
	rm -f "$TMP/esc.db"
	"$bin" ingest $R/term-escape.csv --db "$TMP/esc.db" >/dev/null 2>&1
	run "$bin" db rejected --db "$TMP/esc.db"
	expect_rc "term-escape: db rejected exit 0$sfx" 0
	expect_out_has "term-escape: ESC shown escaped$sfx" '\x1b]0;PWNED-TITLE\x07'
	raw=$(printf '%s' "$OUT$ERR" | LC_ALL=C tr -d '\n\t' | LC_ALL=C grep -c '[[:cntrl:]]' || true)
	expect_eq "term-escape: no raw control byte in the output$sfx" "$raw" "0"
done
