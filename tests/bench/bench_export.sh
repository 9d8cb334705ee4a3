#!/usr/bin/env bash
# tests/bench/bench_export.sh - `mutu db export` of a store holding a
# generated 1,000,000-event log (datasets/generate_log.py, ingested first)
# as CSV, XES and .xes.gz, same run, same disk: wall and CPU seconds, store
# events per second, peak RSS (/usr/bin/time, Debian package `time`) and
# the file size.  Memory should stay flat (one case at a time): the peak
# must not grow with the log.  EVENTS and RUNS override the defaults
# (1000000, 5 runs of each format, alternated csv xes xes.gz csv ...; the
# median run counts, since the machine is shared).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-5}
[ "$RUNS" -ge 5 ] 2>/dev/null || RUNS=5
. tests/bench/lib.sh
bench_load
declare -A S
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_export.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 datasets/generate_log.py --events "$EVENTS" --seed 7 --out "$work/log.csv" --models models || exit 1
"$MUTU" ingest "$work/log.csv" --db "$work/s.db" >/dev/null || exit 1
rm -f "$work/log.csv"
echo "store: $EVENTS events ($("$MUTU" db info --db "$work/s.db" | sed -n 's/^total: \([0-9]* cases\).*/\1/p'))"
declare -A W C P
for r in $(seq "$RUNS"); do
	for ext in csv xes xes.gz; do
		/usr/bin/time -f '%e %U %M' -o "$work/t" "$MUTU" db export --db "$work/s.db" \
			--out "$work/out.$ext" 2>/dev/null || { echo "export $ext failed"; exit 1; }
		read -r wall cpu peak <"$work/t"
		W[$ext]+="$wall " C[$ext]+="$cpu " P[$ext]=$peak
		S[$ext]=$(stat -c %s "$work/out.$ext")
		rm -f "$work/out.$ext"
	done
done
for ext in csv xes xes.gz; do
	# shellcheck disable=SC2086
	w=$(bench_median ${W[$ext]}) c=$(bench_median ${C[$ext]})
	eval "med_${ext//./_}=$w"
	awk -v e="$ext" -v w="$w" -v c="$c" -v p="${P[$ext]}" -v n="$EVENTS" -v s="${S[$ext]}" -v all="${W[$ext]}" 'BEGIN {
		printf "%-7s median %6.2f s wall (runs: %s) %6.2f s CPU  %8.0f events/s  peak %4.0f MB  file %5.0f MB\n",
			e, w, all, c, n / w, p / 1024, s / 1e6 }'
done
# the verdict on the median of the per-run ratios XES/CSV (each run's two
# exports one after the other), with its min and max (tests/bench/lib.sh)
read -r -a wc_ <<<"${W[csv]}"
read -r -a wx_ <<<"${W[xes]}"
R=()
for i in "${!wc_[@]}"; do
	R+=("$(awk -v a="${wx_[$i]}" -v b="${wc_[$i]}" 'BEGIN { printf "%.3f", a / b }')")
done
bench_spread "${R[@]}"
printf 'XES/CSV wall per run: %s; median %s (min %s, max %s)\n' "${R[*]}" "$RMED" "$RMIN" "$RMAX"
bench_row "export 10^6 events as XES, s (peer: CSV)" "$med_xes" "$med_csv" "$RMED ($RMIN-$RMAX)" "-" "-"
