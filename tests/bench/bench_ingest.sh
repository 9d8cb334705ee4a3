#!/usr/bin/env bash
# tests/bench/bench_ingest.sh - `mutu ingest` of a generated 1,000,000-event
# canonical CSV against the sqlite3 shell's `.import` of the same file into a
# plain table (no validation, no time parsing, no indexes), same run, same
# disk.  Reports wall time, events/s and peak RSS (/usr/bin/time -v, Debian
# package `time`) for each, and the ratio mutu/.import.
# Targets (issue 14): >= 1,000,000 events/s and at most the .import time
# (median ratio <= 1.0).
# Then bench_ingest_ceiling on the same file: what any ingest into this
# store could reach on this machine (docs/store.md, "Ingest speed").
# EVENTS and BENCH_PAIRS override the defaults (1000000, 5 alternating
# pairs; the verdict is on the median ratio: tests/bench/lib.sh).
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

side_import() {
	rm -f "$work"/imp.db*
	bench_time sqlite3 "$work/imp.db" ".import --csv $log events" || return 1
	local rows
	rows=$(sqlite3 "$work/imp.db" 'SELECT count(*) FROM events')
	[ "$rows" = "$EVENTS" ] || { echo "FAIL: .import stored $rows rows, not $EVENTS"; return 1; }
	IMP_KB=$BM BV=$BT
	rm -f "$work"/imp.db*
}
side_mutu() {
	rm -f "$work"/m.db*
	bench_time "$MUTU" ingest "$log" --db "$work/m.db" --quiet || return 1
	local stored
	stored=$("$MUTU" db info --db "$work/m.db" | sed -n 's/^total: [0-9]* cases, \([0-9]*\) events.*/\1/p')
	[ "$stored" = "$EVENTS" ] || { echo "FAIL: mutu stored $stored events, not $EVENTS"; return 1; }
	MUTU_KB=$BM BV=$BT
	rm -f "$work"/m.db*
}

echo "mutu ingest vs sqlite3 .import, wall seconds per whole process (ratio = mutu/.import)"
bench_pairs side_mutu side_import || exit 1
eps_m=$(awk -v n="$EVENTS" -v t="$AMED" 'BEGIN { printf "%.0f", n / t }')
eps_i=$(awk -v n="$EVENTS" -v t="$BMED" 'BEGIN { printf "%.0f", n / t }')
printf '  sqlite3 .import   median %6.2f s  %10s rows/s    peak %6s KB\n' "$BMED" "$eps_i" "$IMP_KB"
printf '  mutu ingest       median %6.2f s  %10s events/s  peak %6s KB\n' "$AMED" "$eps_m" "$MUTU_KB"
bench_row "ingest 10^6 events, s vs sqlite3 .import" "$AMED" "$BMED" "$RMED ($RMIN-$RMAX)" "<= 1.0" \
	"$( [ "$(bench_cmp "$RMED" '<=' 1.0)" = 1 ] && echo yes || echo no)"
bench_row "ingest events/s (median run)" "$eps_m" "-" "-" ">= 1000000" \
	"$( [ "$(bench_cmp "$eps_m" '>=' 1000000)" = 1 ] && echo yes || echo no)"

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
