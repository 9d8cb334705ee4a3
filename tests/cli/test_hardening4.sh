#!/usr/bin/env bash
# tests/cli/test_hardening4.sh - hardening round 4: signals while mutu
# waits or writes, and stores and outputs in odd states.  Each case is an
# input a user, a tool or a signal can hand mutu, its fixture under
# tests/data/hardening4/ or generated here; each failed on the code before
# its fix (named in the comment).
. tests/cli/lib.sh

H=tests/data/hardening4
MD=tests/data/models
TT=tests/data/hardening2/tanda-tangan-pemeriksa.csv
ms_now() { date +%s%3N; }

# ---- 1. SIGINT while ingest waits for another process's write lock
# A store holding uji-sla.csv (35 events, batch 1).  A second process, the
# sqlite3 shell, holds the write lock (BEGIN IMMEDIATE) until told to
# let go; mutu ingest waits for it (--busy-timeout 15000) and gets SIGINT
# at 1 s.  Before: SQLite's busy timeout slept through the signal: mutu
# went on waiting until the lock went or the 15 s ran out (then "locked").
# Now the wait ends at the signal: exit 130 within a second or two, what
# it was doing said, the store as it was (35 events, 1 batch, whole).
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$TMP/int.db" --sop uji-sla --models $MD --quiet
mkfifo "$TMP/ctl"
sqlite3 "$TMP/int.db" <"$TMP/ctl" >/dev/null 2>&1 &
locker=$!
exec 7>"$TMP/ctl"
printf 'BEGIN IMMEDIATE;\n.system touch %s/locked\n' "$TMP" >&7
while [ ! -e "$TMP/locked" ]; do sleep 0.1; done
t0=$(ms_now)
run timeout --preserve-status -s INT 1 "$MUTU" ingest $TT --db "$TMP/int.db" --sop uji-sla --models $MD --tz WIB \
	--busy-timeout 15000
t1=$(ms_now)
printf 'ROLLBACK;\n' >&7
exec 7>&-
wait $locker
expect_rc "SIGINT while waiting for the lock: exit 130" 130
# 1 s to the signal; 4 s leaves room for a loaded machine, far from the 15 s
if [ $((t1 - t0)) -lt 4000 ]; then ok "SIGINT while waiting for the lock: stops at once ($((t1 - t0)) ms)"
else not_ok "SIGINT while waiting for the lock: stops at once" "took $((t1 - t0)) ms (busy timeout 15000)"; fi
expect_err_has "SIGINT while waiting for the lock: what it was doing" \
	"int.db: stopped while waiting for another process's lock on the store (taking the write lock): nothing was written"
expect_err_has "SIGINT while waiting for the lock: what was kept" \
	"interrupted by SIGINT: nothing of $TT was kept; the store $TMP/int.db holds what it held before"
expect_eq "SIGINT while waiting for the lock: the store as it was" \
	"$(sqlite3 "$TMP/int.db" "PRAGMA integrity_check; SELECT count(*) FROM events; SELECT count(*) FROM batches" | tr '\n' ' ')" \
	"ok 35 1 "
# the lock let go, the same command ingests (11 rows: 35 + 11 = 46, batch 2)
run "$MUTU" ingest $TT --db "$TMP/int.db" --sop uji-sla --models $MD --tz WIB --quiet
expect_eq "after the interrupted wait: the log ingests" \
	"$RC $(sqlite3 "$TMP/int.db" "SELECT count(*) FROM events; SELECT max(id) FROM batches" | tr '\n' ' ')" "0 46 2 "

# ---- 2. SIGINT while report and sim write their files
# The store of section 1 (uji-sla, May 2025).  A report of 2025-05 is
# written once; then written again with a gnuplot that takes 4 s
# (gnuplot-lambat.sh), and SIGINT at 1 s.  Before: mutu died without a
# word (exit 130 from the signal itself) and left its temporary folder
# .report-2025-05-charts.XXXXXX in the output folder.  Now: one line
# saying so, exit 130, no temporary file or folder, the report written
# before unchanged (same bytes).
run "$MUTU" report monthly --month 2025-05 --db "$TMP/int.db" --models $MD --out "$TMP/rep"
expect_rc "report 2025-05 written" 0
old=$(cat "$TMP"/rep/* | cksum)
run env MUTU_GNUPLOT="$PWD/$H/gnuplot-lambat.sh" timeout --preserve-status -s INT 1 \
	"$MUTU" report monthly --month 2025-05 --db "$TMP/int.db" --models $MD --out "$TMP/rep"
expect_rc "SIGINT while report draws its charts: exit 130" 130
expect_eq "SIGINT while report draws its charts: one line, saying so" "$ERR" \
	"mutu report: interrupted by SIGINT: nothing of the report for 2025-05 was written; files at its names are as they were"
expect_eq "SIGINT while report draws its charts: no temporary file or folder left" \
	"$(ls -A "$TMP/rep" | grep -c '^\.')" "0"
expect_eq "SIGINT while report draws its charts: the old report unchanged" "$(cat "$TMP"/rep/* | cksum)" "$old"
# the same in a new folder: it is not left behind, empty
run env MUTU_GNUPLOT="$PWD/$H/gnuplot-lambat.sh" timeout --preserve-status -s INT 1 \
	"$MUTU" report monthly --month 2025-05 --db "$TMP/int.db" --models $MD --out "$TMP/rep-baru"
expect_eq "SIGINT while report draws its charts: no new folder left" "$RC $(ls -d "$TMP/rep-baru" 2>/dev/null | wc -l)" "130 0"
# sim: results to --out, then the HTML report (--report) with the slow
# gnuplot, SIGINT at 1 s: the results file is written whole (said), the
# report's old files unchanged, no temporary folder (the shipped
# banjarbaru.ini scenario).
S=models/scenarios/banjarbaru.ini
run "$MUTU" sim $S --format json --out "$TMP/sim.json" --report "$TMP/simrep"
expect_rc "sim with --report written" 0
old=$(cat "$TMP"/simrep/* | cksum)
run env MUTU_GNUPLOT="$PWD/$H/gnuplot-lambat.sh" timeout --preserve-status -s INT 1 \
	"$MUTU" sim $S --format json --out "$TMP/sim.json" --report "$TMP/simrep"
expect_rc "SIGINT while sim draws its report's charts: exit 130" 130
expect_err_has "SIGINT while sim draws its report's charts: said in one line" \
	"mutu sim: interrupted by SIGINT: the HTML report was not written; files at its names are as they were"
expect_eq "SIGINT while sim draws its report's charts: no temporary folder, the old report unchanged" \
	"$(ls -A "$TMP/simrep" | grep -c '^\.') $(cat "$TMP"/simrep/* | cksum)" "0 $old"
expect_eq "SIGINT while sim draws its report's charts: the results file whole (JSON)" \
	"$(python3 -c "import json,sys; json.load(open('$TMP/sim.json')); print('json')")" "json"
# SIGINT while sim computes (5000 replications: tens of seconds): nothing
# is being written; said at once, the old results file unchanged.
# Before: died without a word.
cp "$TMP/sim.json" "$TMP/sim.keep"
run timeout --preserve-status -s INT 1 "$MUTU" sim $S --replications 5000 --threads 1 \
	--format json --out "$TMP/sim.json"
expect_rc "SIGINT while sim computes: exit 130" 130
expect_eq "SIGINT while sim computes: one line, saying so" "$ERR" \
	"mutu sim: interrupted by SIGINT: no file is left half-written (an output not yet written keeps its old content)"
expect_eq "SIGINT while sim computes: the old results unchanged" "$(cmp "$TMP/sim.json" "$TMP/sim.keep" && echo same)" "same"
