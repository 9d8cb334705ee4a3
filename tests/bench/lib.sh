# tests/bench/lib.sh - what every benchmark script shares (sourced).
#
# Why this exists: on a shared 2-core machine one timing proves nothing (the
# scripts used to read 93x, 118x and 128x SimPy on three runs).  So every
# comparison here runs the two sides as whole processes, alternating
# A B B A A B ... at least BENCH_PAIRS times (default 5, never fewer; the
# order within a pair flips so that neither side always runs second), and the
# verdict is on the MEDIAN of the per-pair ratios, printed with its min and
# max.  Nothing is pinned to a core: pinning to core 0 while another process
# held it once doubled a run.  Each script states the machine's load first.
#
#   bench_load                 print cores and load average (call first)
#   bench_time CMD...          run CMD (stdout to $BENCH_OUT), wall seconds
#                              into BT, peak RSS KB into BM; fails with CMD
#   bench_pairs SIDE_A SIDE_B  call the functions SIDE_A and SIDE_B
#                              alternately BENCH_PAIRS times (pair 1 A
#                              first, pair 2 B first, ...); each sets
#                              BV (the value compared: seconds or a rate);
#                              per-pair ratios A/B; sets RMED RMIN RMAX and
#                              AMED BMED (medians of each side)
#   bench_spread RATIO...      the median, min and max of per-pair ratios
#                              into RMED RMIN RMAX (bench_pairs' verdict;
#                              for scripts that pair their sides by hand)
#   bench_row METRIC MUTU PEER RATIO TARGET MET
#                              one line of the final table (make bench)
#   bench_cmp VALUE OP LIMIT   1 when VALUE OP LIMIT (awk), else 0
#   bench_cpu                  user+sys seconds of every child this shell
#                              has waited for so far, into CPU (a run's CPU:
#                              the difference around its bench_time)

BENCH_PAIRS=${BENCH_PAIRS:-5}
[ "$BENCH_PAIRS" -ge 5 ] 2>/dev/null || BENCH_PAIRS=5
BENCH_OUT=${BENCH_OUT:-/dev/null}

bench_load() {
	local l1 l5 l15 procs _
	read -r l1 l5 l15 procs _ </proc/loadavg
	echo "machine: $(nproc) cores, load average $l1 $l5 $l15 (1/5/15 min), runnable/all $procs at start"
}

bench_time() {
	local tf t0 t1 rc
	tf=$(mktemp "${TMPDIR:-/tmp}/bench_time.XXXXXX")
	t0=$EPOCHREALTIME
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M' -o "$tf" "$@" >"$BENCH_OUT" 2>"$tf.err"
	else
		"$@" >"$BENCH_OUT" 2>"$tf.err"
	fi
	rc=$?
	t1=$EPOCHREALTIME
	BT=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
	BM=$(tail -1 "$tf" 2>/dev/null)
	[ -n "$BM" ] || BM=0
	if [ $rc -ne 0 ]; then
		echo "FAILED ($rc): $*" >&2
		tail -5 "$tf.err" >&2
	fi
	rm -f "$tf" "$tf.err"
	return $rc
}

# median of the numbers given as arguments
bench_median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_spread() {
	RMED=$(bench_median "$@")
	RMIN=$(printf '%s\n' "$@" | sort -g | head -1)
	RMAX=$(printf '%s\n' "$@" | sort -g | tail -1)
}

bench_pairs() {
	local a=$1 b=$2 i va vb
	local -a A=() B=() R=()
	for i in $(seq 1 "$BENCH_PAIRS"); do
		# A B, then B A: a side that always runs second inherits the
		# first's page cache, CPU frequency and neighbours' rhythm (the
		# ingest's A-then-B pairs read 1.08 where ABBA read 0.98)
		if [ $((i % 2)) -eq 1 ]; then
			"$a" || return 1
			va=$BV
			"$b" || return 1
			vb=$BV
		else
			"$b" || return 1
			vb=$BV
			"$a" || return 1
			va=$BV
		fi
		A+=("$va") B+=("$vb")
		R+=("$(awk -v x="$va" -v y="$vb" 'BEGIN { printf "%.6g", (y > 0) ? x / y : 0 }')")
		printf '  pair %d: %s %s  %s %s  ratio %s\n' "$i" "$a" "$va" "$b" "$vb" "${R[-1]}"
	done
	bench_spread "${R[@]}"
	AMED=$(bench_median "${A[@]}")
	BMED=$(bench_median "${B[@]}")
	printf '  median ratio %s (min %s, max %s) over %d pairs\n' "$RMED" "$RMIN" "$RMAX" "$BENCH_PAIRS"
}

bench_cmp() {
	awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
		r = (op == "<=") ? v <= l : (op == ">=") ? v >= l : (op == "<") ? v < l : v > l
		print r ? 1 : 0 }'
}

bench_row() {
	[ -n "${BENCH_TABLE:-}" ] || return 0
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >>"$BENCH_TABLE"
}

bench_cpu() {
	local f
	f=$(mktemp "${TMPDIR:-/tmp}/bench_cpu.XXXXXX")
	times >"$f" # bash: line 1 the shell's own, line 2 its children's
	CPU=$(awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] }
		printf "%.2f", s }' "$f")
	rm -f "$f"
}
