#!/usr/bin/env bash
# tests/bench/bench_ingest.sh - `mutu ingest` of a generated 1,000,000-event
# canonical CSV against the sqlite3 shell's `.import` of the same file into a
# plain table (no validation, no time parsing, no indexes), same run, same
# disk.  Reports wall time, events/s and peak RSS (/usr/bin/time -v, Debian
# package `time`) for each, and the ratio mutu/.import.
# Targets (issue 14): >= 1,000,000 events/s and at most the .import time
# (median ratio <= 1.0).
# Each side's CPU seconds (user + system, from the shell's `times`) are
# reported too: on a machine other work keeps busy, the wall ratio follows
# the ratio of CPU the two sides need more than the use of two cores.
# Then bench_ingest_ceiling on the same file: what any ingest into this
# store could reach on this machine (docs/store.md, "Ingest speed").
# EVENTS and BENCH_PAIRS override the defaults (1000000, 5 alternating
# pairs; the verdict is on the median ratio: tests/bench/lib.sh).
# MUTU_BASE=PATH adds pairs of MUTU against that other build (e.g. the main
# branch's) on the same log: wall ratio and each side's CPU.
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_ingest.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$work/log.csv
. tests/bench/lib.sh
bench_load

python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$log" --models models || exit 1
size=$(stat -c %s "$log")
echo "log: $EVENTS events, $((size / 1000000)) MB, canonical form ($(head -1 "$log"))"

# CPU into CPU: seconds (user + system) of every child this shell has
# waited for so far, the second line of the builtin `times` (run in this
# shell, never in $(...), whose subshell counts from zero)
children_cpu() { bench_cpu; }
IMP_CPU=() MUTU_CPU=()

side_import() {
	rm -f "$work"/imp.db*
	local c0
	children_cpu
	c0=$CPU
	bench_time sqlite3 "$work/imp.db" ".import --csv $log events" || return 1
	children_cpu
	IMP_CPU+=("$(awk -v a="$c0" -v b="$CPU" 'BEGIN { printf "%.2f", b - a }')")
	local rows
	rows=$(sqlite3 "$work/imp.db" 'SELECT count(*) FROM events')
	[ "$rows" = "$EVENTS" ] || { echo "FAIL: .import stored $rows rows, not $EVENTS"; return 1; }
	IMP_KB=$BM BV=$BT
	rm -f "$work"/imp.db*
}
# BIN: one ingest of the log by BIN into a fresh store, checked; its CPU
# seconds into C1, wall into BV, peak RSS into BM
ingest_one() {
	rm -f "$work"/m.db*
	local c0 bt bm
	children_cpu
	c0=$CPU
	bench_time "$1" ingest "$log" --db "$work/m.db" --quiet || return 1
	bt=$BT bm=$BM
	children_cpu
	C1=$(awk -v a="$c0" -v b="$CPU" 'BEGIN { printf "%.2f", b - a }')
	local stored
	stored=$("$1" db info --db "$work/m.db" | sed -n 's/^total: [0-9]* cases, \([0-9]*\) events.*/\1/p')
	[ "$stored" = "$EVENTS" ] || { echo "FAIL: $1 stored $stored events, not $EVENTS"; return 1; }
	BV=$bt BM=$bm
	rm -f "$work"/m.db*
}
side_mutu() {
	ingest_one "$MUTU" || return 1
	MUTU_CPU+=("$C1") MUTU_KB=$BM
}
# MUTU_BASE (optional): another mutu, e.g. the main branch's build, whose
# ingest of the same log alternates with MUTU's after the .import pairs
side_base() {
	ingest_one "$MUTU_BASE" || return 1
	BASE_CPU+=("$C1") BASE_KB=$BM
}

echo "mutu ingest vs sqlite3 .import, wall seconds per whole process (ratio = mutu/.import)"
bench_pairs side_mutu side_import || exit 1
eps_m=$(awk -v n="$EVENTS" -v t="$AMED" 'BEGIN { printf "%.0f", n / t }')
eps_i=$(awk -v n="$EVENTS" -v t="$BMED" 'BEGIN { printf "%.0f", n / t }')
cpu_i=$(bench_median "${IMP_CPU[@]}")
cpu_m=$(bench_median "${MUTU_CPU[@]}")
printf '  sqlite3 .import   median %6.2f s  %10s rows/s    peak %6s KB  CPU %s s (median; runs %s)\n' \
	"$BMED" "$eps_i" "$IMP_KB" "$cpu_i" "${IMP_CPU[*]}"
printf '  mutu ingest       median %6.2f s  %10s events/s  peak %6s KB  CPU %s s (median; runs %s)\n' \
	"$AMED" "$eps_m" "$MUTU_KB" "$cpu_m" "${MUTU_CPU[*]}"
bench_row "ingest 10^6 events, s vs sqlite3 .import" "$AMED" "$BMED" "$RMED ($RMIN-$RMAX)" "<= 1.0" \
	"$( [ "$(bench_cmp "$RMED" '<=' 1.0)" = 1 ] && echo yes || echo no)"
bench_row "ingest CPU s (user+sys, median)" "$cpu_m" "$cpu_i" \
	"$(awk -v a="$cpu_m" -v b="$cpu_i" 'BEGIN { printf "%.3g", (b > 0) ? a / b : 0 }')" "-" "-"
bench_row "ingest events/s (median run)" "$eps_m" "-" "-" ">= 1000000" \
	"$( [ "$(bench_cmp "$eps_m" '>=' 1000000)" = 1 ] && echo yes || echo no)"

if [ -n "${MUTU_BASE:-}" ]; then
	echo
	echo "mutu ingest ($MUTU) vs ($MUTU_BASE), the same log, fresh store each run (ratio = this/base)"
	MUTU_CPU=() BASE_CPU=()
	bench_pairs side_mutu side_base || exit 1
	cpu_m=$(bench_median "${MUTU_CPU[@]}")
	cpu_b=$(bench_median "${BASE_CPU[@]}")
	printf '  this  median %6.2f s  %10s events/s  peak %6s KB  CPU %s s (median; runs %s)\n' \
		"$AMED" "$(awk -v n="$EVENTS" -v t="$AMED" 'BEGIN { printf "%.0f", n / t }')" "$MUTU_KB" "$cpu_m" "${MUTU_CPU[*]}"
	printf '  base  median %6.2f s  %10s events/s  peak %6s KB  CPU %s s (median; runs %s)\n' \
		"$BMED" "$(awk -v n="$EVENTS" -v t="$BMED" 'BEGIN { printf "%.0f", n / t }')" "$BASE_KB" "$cpu_b" "${BASE_CPU[*]}"
	bench_load
fi

# The ceiling: the same rows, already split in memory, written with
# prepared statements into mutu's store (and into a plain table), no
# parsing or validation at all (tests/bench/bench_ingest_ceiling.c).
ceiling=$BUILD/bench/bench_ingest_ceiling
if [ -x "$ceiling" ]; then
	echo
	"$ceiling" "$log"
	rm -f "$log".ceiling.db*
else
	echo "(build $ceiling with 'make bench' for the ceiling)"
fi
