#!/usr/bin/env bash
# tests/run.sh BUILD [ASAN_BUILD] - run every unit test binary (plain and
# sanitized) and every CLI test script, then print one line
# "N passed, N failed" counting individual test cases.  FUZZ_BUILD names
# the build whose fuzz replays run (default ASAN_BUILD).
set -u
build=${1:-build}
asan=${2:-}
pass=0 fail=0
failed_names=()

run_unit() { # $1 = binary, $2 = label
	local out rc p f
	out=$("$1" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	p=${p:-0}; f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed or sanitizer abort
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed_names+=("$2")
		printf '%s\n' "$out" | grep -E 'FAIL|ERROR|error|Sanitizer|runtime error' | head -20 | sed "s|^|  $2: |"
	fi
	printf '%-34s %4d passed %3d failed\n' "$2" "$p" "$f"
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] && run_unit "$t" "unit/$(basename "$t")"
done
if [ -n "$asan" ]; then
	for t in "$asan"/tests/test_*; do
		[ -x "$t" ] && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
			run_unit "$t" "asan/$(basename "$t")"
	done
fi

# every fuzz corpus file and reproducer, replayed once under ASan+UBSan
# ($FUZZ_BUILD/fuzz/replay_NAME is tests/fuzz/fuzz_NAME.c + replay_main.c;
# `make test` sets FUZZ_BUILD to its clang build, build/clang-san: clang's
# UBSan catches what gcc's misses); one case per harness
fuzz_build=${FUZZ_BUILD:-$asan}
if [ -n "$fuzz_build" ]; then
	for t in "$fuzz_build"/fuzz/replay_*; do
		[ -x "$t" ] || continue
		n=${t##*/replay_}
		out=$(ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
			"$t" "tests/fuzz/corpus/$n" tests/data/repro 2>&1); rc=$?
		if [ "$rc" -eq 0 ]; then
			pass=$((pass + 1)); f=0
		else
			fail=$((fail + 1)); f=1; failed_names+=("fuzz/$n")
			printf '%s\n' "$out" | tail -20 | sed "s|^|  fuzz/$n: |"
		fi
		printf '%-34s %4d passed %3d failed (%s)\n' "fuzz/$n" $((1 - f)) "$f" \
			"$(printf '%s\n' "$out" | grep -c '^replay: ') inputs"
	done
fi

export MUTU="$PWD/$build/mutu"
for s in tests/cli/test_*.sh; do
	[ -f "$s" ] || continue
	out=$(bash "$s" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$out" | tail -5; fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed_names+=("cli/$(basename "$s")")
		printf '%s\n' "$out" | grep -A6 '^not ok ' | head -40 | sed 's|^|  |'
	fi
	printf '%-34s %4d passed %3d failed\n' "cli/$(basename "$s")" "$p" "$f"
done

if [ "${#failed_names[@]}" -ne 0 ]; then
	echo "failing: ${failed_names[*]}"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
