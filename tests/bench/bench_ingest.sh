#!/usr/bin/env bash
# tests/bench/bench_ingest.sh - `mutu ingest` of a generated 1,000,000-event
# canonical CSV against the sqlite3 shell's `.import` of the same file into a
# plain table (no validation, no time parsing, no indexes), same run, same
# disk.  Reports wall time, events/s and peak RSS (/usr/bin/time -v, Debian
# package `time`) for each, and the ratio mutu/.import.
# Targets (issue 4): >= 1,000,000 events/s and <= 1.5x the .import time.
# Then bench_ingest_ceiling on the same file: what any ingest into this
# store could reach on this machine (docs/store.md, "Ingest speed").
# EVENTS and RUNS override the defaults (1000000, 3: the best run counts,
# since the machine is shared).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_ingest.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$work/log.csv

python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$log" --models models || exit 1
size=$(stat -c %s "$log")
echo "log: $EVENTS events, $((size / 1000000)) MB, canonical form ($(head -1 "$log"))"

# run NAME CMD...: wall seconds and peak RSS (KB) of CMD into $T and $M
measure() {
	local out=$work/time.txt
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; return 1; }
		read -r T M <"$out"
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>"$work/err" || { cat "$work/err"; return 1; }
		t1=$(date +%s.%N)
		T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
		M=0
	fi
}

best_i=999 best_m=999 mem_i=0 mem_m=0
for r in $(seq 1 "$RUNS"); do
	rm -f "$work"/imp.db*
	measure sqlite3 "$work/imp.db" ".import --csv $log events" || exit 1
	ti=$T mi=$M
	rows=$(sqlite3 "$work/imp.db" 'SELECT count(*) FROM events')
	rm -f "$work"/imp.db*
	rm -f "$work"/m.db*
	measure "$MUTU" ingest "$log" --db "$work/m.db" --quiet || exit 1
	tm=$T mm=$M
	stored=$(sqlite3 "$work/m.db" 'SELECT events_stored FROM batches')
	rm -f "$work"/m.db*
	printf 'run %d: .import %.2f s (%s rows, %s KB)   mutu ingest %.2f s (%s events, %s KB)\n' \
		"$r" "$ti" "$rows" "$mi" "$tm" "$stored" "$mm"
	if [ "$stored" != "$EVENTS" ] || [ "$rows" != "$EVENTS" ]; then
		echo "FAIL: row counts differ from $EVENTS"
		exit 1
	fi
	best_i=$(awk -v a="$ti" -v b="$best_i" 'BEGIN { print (a < b) ? a : b }')
	best_m=$(awk -v a="$tm" -v b="$best_m" 'BEGIN { print (a < b) ? a : b }')
	mem_i=$mi mem_m=$mm
done

eps_m=$(awk -v n="$EVENTS" -v t="$best_m" 'BEGIN { print n / t }')
eps_i=$(awk -v n="$EVENTS" -v t="$best_i" 'BEGIN { print n / t }')
ratio=$(awk -v a="$best_m" -v b="$best_i" 'BEGIN { print a / b }')
printf '\nbest of %d:\n' "$RUNS"
printf '  sqlite3 .import   %6.2f s  %10.0f rows/s    peak %6d KB\n' "$best_i" "$eps_i" "$mem_i"
printf '  mutu ingest       %6.2f s  %10.0f events/s  peak %6d KB\n' "$best_m" "$eps_m" "$mem_m"
printf '  ratio mutu/.import %.2f (target <= 1.5); events/s target >= 1000000: %s\n' "$ratio" \
	"$(awk -v e="$eps_m" 'BEGIN { print (e >= 1000000) ? "met" : "NOT met" }')"

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
