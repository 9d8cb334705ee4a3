#!/usr/bin/env bash
# tests/bench/bench_calibrate.sh - `mutu calibrate` of one SOP from a
# 1,000,000-event store, and from a quarter of it: wall and CPU time and
# peak RSS (/usr/bin/time, Debian package `time`) of each.
# Target (issue 11): one SOP from 1,000,000 events under 5 s on one core,
# memory flat in the number of events (what grows is one instant per case
# and SQLite's page cache, not the events: step times are kept in
# reservoirs of at most 20,000 per step).
# The log is emitted by `mutu sim --emit-log` (izin-insidentil, 11 steps,
# officers named) over 2024-2026, ingested with --resource-col resource.
# EVENTS overrides the default 1000000 (the quarter run uses EVENTS/4).
# Measured (2-core machine shared by eight builds, pinned to core 0):
# 250,482 events 0.60 s CPU, 29.2 MB; 1,001,930 events 1.49 s CPU
# (5.85 s wall on the loaded core), 30.2 MB.
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_calib.XXXXXX")
trap 'rm -rf "$work"' EXIT

# arrivals per working day so that 2024-2026 (about 715 working days on
# id-wib) brings EVENTS events of about 11.1 rows a case (10% rework)
rate=$(python3 -c "print(round($EVENTS / 11.1 / 715, 2))")
staff() { python3 -c "import math; print(max(1, math.ceil($rate * $1 / 450 / 0.7)))"; }
cat >"$work/big.ini" <<INI
[run]
calendar = id-wib
start = 2024-01-01
end = 2026-12-31
replications = 1
seed = 5
[staff]
Front Office = $(staff 15)
Tim Teknis = $(staff 60)
Back Office = $(staff 30)
Sub Koordinator Perizinan = $(staff 10)
Koordinator Perizinan = $(staff 10)
Sekretaris = $(staff 10)
Kadis = $(staff 15)
[sop izin-insidentil]
model = $PWD/models/izin-insidentil.ini
arrivals = $rate per hari
service = gamma cv=0.5
step.3.service = gamma cv=0.6 mean=60 Menit
step.2.reject = 0.10
INI
"$MUTU" sim "$work/big.ini" --emit-log "$work/big.csv" >/dev/null || { echo "sim failed"; exit 1; }
rows=$(($(wc -l <"$work/big.csv") - 1))
head -n $((rows / 4 + 1)) "$work/big.csv" >"$work/quarter.csv"
for n in quarter big; do
	"$MUTU" ingest "$work/$n.csv" --db "$work/$n.db" --resource-col resource --quiet >/dev/null ||
		{ echo "ingest $n failed"; exit 1; }
done
for n in quarter big; do
	ev=$(($(wc -l <"$work/$n.csv") - 1))
	/usr/bin/time -f "%e %U %S %M" -o "$work/time" taskset -c 0 "$MUTU" calibrate --db "$work/$n.db" \
		--sop izin-insidentil -o "$work/$n.ini" --force >/dev/null || { echo "calibrate $n failed"; exit 1; }
	read -r wall usr sys rss <"$work/time"
	awk -v ev="$ev" -v w="$wall" -v u="$usr" -v s="$sys" -v r="$rss" 'BEGIN {
		printf "calibrate %8d events: %5.2f s wall, %5.2f s CPU, peak RSS %6.1f MB\n", ev, w, u + s, r / 1024 }'
done
