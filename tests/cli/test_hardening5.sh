#!/usr/bin/env bash
# tests/cli/test_hardening5.sh - hardening round 5: what round 4
# (test_hardening4.sh) noticed and left, and hostile inputs of a size no
# office writes but a tool or an attacker can (README "Bounded input").
# Each case is an input a user, a tool or a signal can hand mutu, its
# fixture under tests/data/hardening5/ or generated here when only its size
# matters; each failed on the code before its fix (named in the comment)
# unless it says "pinned" (read right before, kept so it stays right).
. tests/cli/lib.sh

H=tests/data/hardening5
MD=tests/data/models
TT=tests/data/hardening2/tanda-tangan-pemeriksa.csv
ms_now() { date +%s%3N; }

# ---- 1. SIGINT while ingest waits for a lock on a PostgreSQL store
# (test_hardening4 section 1 for SQLite.)  A private server (tests/pg/pg.sh),
# a database holding uji-sla.csv (35 events, 1 batch) of the default office
# ''.  psql holds the office's ingest lock (the advisory lock the ingest
# takes, hashtextextended('mutu office ' || office, 0)) in a session of its
# own; mutu ingest waits for it (--busy-timeout 15000) and gets SIGINT at
# 1 s.  Before: libpq's PQexec blocked until the lock came or lock_timeout
# (15 s) ran out: the signal went unseen, exit 1 "locked" after 15 s.  Now
# the statement is cancelled on the server: exit 130 within a second or
# two, the store as it was.
. tests/pg/pg.sh
if pg_start_checked; then
	db=$(pg_newdb h5_lock) &&
		"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$db" --sop uji-sla --models $MD --quiet
	# the lock held 30 s at most (pg_sleep), the session ended after the test
	psql -X -q -d h5_lock -c "SELECT pg_advisory_lock(hashtextextended('mutu office ' || '', 0)); SELECT pg_sleep(30)" \
		>/dev/null 2>&1 &
	locker=$!
	i=0
	until [ "$(psql -X -A -t -d h5_lock -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] ||
		[ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
	t0=$(ms_now)
	run timeout --preserve-status -s INT 1 "$MUTU" ingest $TT --db "$db" --sop uji-sla --models $MD --tz WIB \
		--busy-timeout 15000
	t1=$(ms_now)
	psql -X -q -d h5_lock -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" \
		>/dev/null 2>&1
	wait $locker
	expect_rc "PostgreSQL: SIGINT while waiting for the office's lock: exit 130" 130
	# 1 s to the signal; 4 s leaves room for a loaded machine, far from the 15 s
	if [ $((t1 - t0)) -lt 4000 ]; then ok "PostgreSQL: SIGINT while waiting for the lock: stops at once ($((t1 - t0)) ms)"
	else not_ok "PostgreSQL: SIGINT while waiting for the lock: stops at once" "took $((t1 - t0)) ms (busy timeout 15000)"; fi
	expect_err_has "PostgreSQL: SIGINT while waiting: what it was doing" "stopped while waiting for the server"
	expect_eq "PostgreSQL: SIGINT while waiting: the store as it was (35 events, 1 batch)" \
		"$(psql -X -A -t -d h5_lock -c "SELECT count(*) FROM events" -c "SELECT count(*) FROM batches" | tr '\n' ' ')" "35 1 "
	# the lock let go, the same command ingests (11 rows: 35 + 11 = 46)
	run "$MUTU" ingest $TT --db "$db" --sop uji-sla --models $MD --tz WIB --quiet
	expect_eq "PostgreSQL: after the interrupted wait the log ingests (46 events)" \
		"$RC $(psql -X -A -t -d h5_lock -c "SELECT count(*) FROM events")" "0 46"
	pg_stop
fi
