#!/usr/bin/env bash
# tests/bench/bench_export.sh - `mutu db export` of a store holding a
# generated 1,000,000-event log (datasets/generate_log.py, ingested first)
# as CSV, XES and .xes.gz, same run, same disk: wall and CPU seconds, store
# events per second, peak RSS (/usr/bin/time, Debian package `time`) and
# the file size.  Memory should stay flat (one case at a time): the peak
# must not grow with the log.  EVENTS and RUNS override the defaults
# (1000000, 2: the best run counts, since the machine is shared).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_export.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$work/log.csv" --models models || exit 1
"$MUTU" ingest "$work/log.csv" --db "$work/s.db" >/dev/null || exit 1
rm -f "$work/log.csv"
echo "store: $EVENTS events ($("$MUTU" db info --db "$work/s.db" | sed -n 's/^total: \([0-9]* cases\).*/\1/p'))"
for ext in csv xes xes.gz; do
	best=
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %U %M' -o "$work/t" "$MUTU" db export --db "$work/s.db" \
			--out "$work/out.$ext" 2>/dev/null || { echo "export $ext failed"; exit 1; }
		read -r wall cpu peak <"$work/t"
		if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$wall bcpu=$cpu bpeak=$peak
		fi
	done
	size=$(stat -c %s "$work/out.$ext")
	rm -f "$work/out.$ext"
	awk -v e="$ext" -v w="$best" -v c="$bcpu" -v p="$bpeak" -v n="$EVENTS" -v s="$size" 'BEGIN {
		printf "%-7s %6.2f s wall %6.2f s CPU  %8.0f events/s  peak %4.0f MB  file %5.0f MB\n",
			e, w, c, n / w, p / 1024, s / 1e6 }'
done
