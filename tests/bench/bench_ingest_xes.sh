#!/usr/bin/env bash
# tests/bench/bench_ingest_xes.sh - `mutu ingest` of a generated
# 1,000,000-event .xes.gz against the same log as a flattened CSV (PM4Py
# column names), same run, same disk, runs alternated XES CSV XES CSV ...
# Reports wall time, events/s and peak RSS (/usr/bin/time, Debian package
# `time`) of each run, and the median of the per-pair ratios XES/CSV rate.
# Then one XES ingest of a quarter of the log: peak RSS must not grow with
# the file (the reader streams: libxml2's SAX2 callbacks build no tree, zlib
# inflates in 256 KiB blocks).
# Target (issue 8): XES at least half the CSV rate, memory flat.
# EVENTS and RUNS override the defaults (1000000, 5 pairs; never fewer).
set -u
BUILD=${BUILD:-build}
MUTU=${MUTU:-$PWD/$BUILD/mutu}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-5}
[ "$RUNS" -ge 5 ] || RUNS=5
. tests/bench/lib.sh
bench_load
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_xes.XXXXXX")
trap 'rm -rf "$work"' EXIT

# gen N OUT.xes.gz OUT.csv: cases of 10 events (10 activities, 20
# resources), one trace attribute and one int event attribute, stamps
# every 7 minutes at +07:00 with milliseconds: the same events in both.
gen() {
	python3 - "$1" "$2" "$3" <<'PY'
import gzip, sys, datetime
n, xes, csvp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
acts = ["Pendaftaran", "Verifikasi berkas", "Survei lapangan", "Rapat teknis", "Perhitungan retribusi",
        "Pembayaran", "Validasi", "Paraf kasi", "Tanda tangan kadis", "Penyerahan SK"]
tz = datetime.timezone(datetime.timedelta(hours=7))
t0 = datetime.datetime(2024, 1, 1, 8, 0, tzinfo=tz)
with gzip.open(xes, "wt", compresslevel=6, encoding="utf-8") as x, open(csvp, "w") as c:
    x.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n'
            '\t<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n'
            '\t<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n'
            '\t<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n'
            '\t<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n')
    c.write("case:concept:name,case:kanal,concept:name,time:timestamp,org:resource,lifecycle:transition,biaya\n")
    xb, cb = [], []
    for i in range(n):
        case, k = divmod(i, 10)
        cid = "C%07d" % case
        kanal = "online" if case % 3 else "loket"
        if k == 0:
            if i:
                xb.append("\t</trace>\n")
            xb.append('\t<trace>\n\t\t<string key="concept:name" value="%s"/>\n\t\t<string key="kanal" value="%s"/>\n' % (cid, kanal))
        ts = (t0 + datetime.timedelta(minutes=7 * i, milliseconds=(i * 37) % 1000)).isoformat(timespec="milliseconds")
        res = "petugas-%02d" % (i % 20)
        xb.append('\t\t<event>\n\t\t\t<string key="concept:name" value="%s"/>\n\t\t\t<date key="time:timestamp" value="%s"/>\n'
                  '\t\t\t<string key="org:resource" value="%s"/>\n\t\t\t<string key="lifecycle:transition" value="complete"/>\n'
                  '\t\t\t<int key="biaya" value="%d"/>\n\t\t</event>\n' % (acts[k], ts, res, i % 1000))
        cb.append("%s,%s,%s,%s,%s,complete,%d\n" % (cid, kanal, acts[k], ts, res, i % 1000))
        if len(cb) >= 10000:
            x.write("".join(xb)); c.write("".join(cb)); xb, cb = [], []
    xb.append("\t</trace>\n</log>\n")
    x.write("".join(xb)); c.write("".join(cb))
PY
}

# CMD...: wall seconds, CPU seconds (user + system, both threads) and peak
# RSS (KB) into $T, $CPU and $M.  On a shared machine the wall time is what
# the other jobs leave; the CPU time says what the ingest itself costs.
measure() {
	/usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; return 1; }
	read -r T U S M <"$work/time.txt"
	CPU=$(awk -v u="$U" -v s="$S" 'BEGIN { print u + s }')
}

gen "$EVENTS" "$work/log.xes.gz" "$work/log.csv" || exit 1
echo "log: $EVENTS events; XES gzip $(($(stat -c %s "$work/log.xes.gz") / 1000000)) MB" \
	"($(($(gzip -dc "$work/log.xes.gz" | wc -c) / 1000000)) MB of XML), CSV $(($(stat -c %s "$work/log.csv") / 1000000)) MB"

ratios=() cratios=()
for r in $(seq 1 "$RUNS"); do
	for f in xes csv; do
		file=$work/log.csv
		[ "$f" = xes ] && file=$work/log.xes.gz
		rm -f "$work"/m.db*
		measure "$MUTU" ingest "$file" --db "$work/m.db" --quiet || exit 1
		stored=$(sqlite3 "$work/m.db" 'SELECT events_stored FROM batches')
		if [ "$stored" != "$EVENTS" ]; then
			echo "FAIL: $f stored $stored events, expected $EVENTS"
			exit 1
		fi
		eps=$(awk -v n="$EVENTS" -v t="$T" 'BEGIN { printf "%.0f", n / t }')
		cps=$(awk -v n="$EVENTS" -v t="$CPU" 'BEGIN { printf "%.0f", n / t }')
		printf 'run %d %-3s %6.2f s wall %8s events/s   %6.2f s CPU %8s events/CPU-s   peak %6s KB\n' \
			"$r" "$f" "$T" "$eps" "$CPU" "$cps" "$M"
		eval "eps_$f=$eps cps_$f=$cps mem_$f=$M"
	done
	rm -f "$work"/m.db*
	ratios+=("$(awk -v a="$eps_xes" -v b="$eps_csv" 'BEGIN { printf "%.3f", a / b }')")
	cratios+=("$(awk -v a="$cps_xes" -v b="$cps_csv" 'BEGIN { printf "%.3f", a / b }')")
done
bench_spread "${ratios[@]}"
m=$RMED rmin=$RMIN rmax=$RMAX
cm=$(bench_median "${cratios[@]}")
printf '\nXES/CSV events per wall second, per pair: %s; median %.3f (target >= 0.5: %s)\n' \
	"${ratios[*]}" "$m" "$(awk -v m="$m" 'BEGIN { print (m >= 0.5) ? "met" : "NOT met" }')"
printf 'XES/CSV events per CPU second, per pair: %s; median %.3f\n' "${cratios[*]}" "$cm"
bench_row "ingest XES.gz events/s vs same log as CSV" "$eps_xes" "$eps_csv" "$m ($rmin-$rmax)" ">= 0.5" \
	"$( [ "$(bench_cmp "$m" '>=' 0.5)" = 1 ] && echo yes || echo no)"

# memory flat: the same log at a quarter of the size
q=$((EVENTS / 4))
gen "$q" "$work/q.xes.gz" "$work/q.csv" || exit 1
rm -f "$work"/m.db*
measure "$MUTU" ingest "$work/q.xes.gz" --db "$work/m.db" --quiet || exit 1
qx=$M
rm -f "$work"/m.db*
measure "$MUTU" ingest "$work/q.csv" --db "$work/m.db" --quiet || exit 1
printf 'peak RSS, XES: %s KB at %d events, %s KB at %d events (flat when about equal)\n' \
	"$qx" "$q" "$mem_xes" "$EVENTS"
printf 'peak RSS, CSV: %s KB at %d events, %s KB at %d events (the same SQLite page cache)\n' \
	"$M" "$q" "$mem_csv" "$EVENTS"
