#!/usr/bin/env bash
# tests/cli/test_store.sh - each way a store can be unusable gets its own
# message and exit status (2 bad input: not a store, damaged; 1 failure:
# locked, read-only), on real SQLite files; and log text reaches the
# terminal with its control characters escaped.
. tests/cli/lib.sh

DB="$TMP/uji.db"
MODELS=tests/data/models
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$MODELS" --quiet

# ---- not a store ----
echo "case_id,activity" >"$TMP/text.db"
run "$MUTU" db info --db "$TMP/text.db"
expect_rc "text file as store: exit 2" 2
expect_err_has "text file as store: says not SQLite" "$TMP/text.db: not a mutu store (not an SQLite file)"

sqlite3 "$TMP/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
run "$MUTU" report monthly --month 2025-05 --db "$TMP/other.db" --models "$MODELS" --out "$TMP/o"
expect_rc "SQLite without mutu's schema: exit 2" 2
expect_err_has "SQLite without mutu's schema: says so" "$TMP/other.db: an SQLite file that is not a mutu store"

# ---- damaged: page 1 past the 100-byte file header is the schema table's
# b-tree page; 60 bytes of 0xFF there make its page header invalid, which
# SQLite reports as SQLITE_CORRUPT on the first read of sqlite_master ----
cp "$DB" "$TMP/bad.db"
printf '\377%.0s' $(seq 60) | dd of="$TMP/bad.db" bs=1 seek=100 conv=notrunc 2>/dev/null
run "$MUTU" db info --db "$TMP/bad.db"
expect_rc "damaged store: exit 2" 2
expect_err_has "damaged store: says damaged, names the file" "$TMP/bad.db: the store is damaged"
expect_err_has "damaged store: quick_check named" "PRAGMA quick_check"
expect_err_has "damaged store: what to do" "restore it from a backup"

# ---- locked: a second process (python's sqlite3) holds the write lock ----
# It takes BEGIN IMMEDIATE, touches $TMP/ready, and holds the lock until
# $TMP/done appears (at most 20 s), so the timing does not depend on load.
python3 - "$DB" "$TMP" <<'EOF' &
import os, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO batches(file, size, sha256, ingested_at) VALUES ('lock', 0, 'x', 'now')")
open(os.path.join(sys.argv[2], "ready"), "w").close()
for _ in range(200):
    if os.path.exists(os.path.join(sys.argv[2], "done")):
        break
    time.sleep(0.1)
con.execute("ROLLBACK")
EOF
LOCKER=$!
for _ in $(seq 100); do [ -e "$TMP/ready" ] && break; sleep 0.1; done
[ -e "$TMP/ready" ] && ok "locker holds the write lock" || not_ok "locker holds the write lock"
start=$(date +%s%N)
run "$MUTU" ingest tests/data/repro/term-escape.csv --db "$DB" --busy-timeout 300
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_rc "locked store, ingest: exit 1" 1
expect_err_has "locked store, ingest: names the file" "$DB: the store is locked"
expect_err_has "locked store, ingest: says who" "another mutu process"
expect_err_has "locked store, ingest: the wait" "waited 300 ms"
# it waited the 300 ms asked for (and did not hang for the 5 s default)
[ "$ms" -ge 300 ] && [ "$ms" -lt 4000 ] && ok "locked store: waited about --busy-timeout" || not_ok "locked store: waited about --busy-timeout" "$ms ms"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case A --busy-timeout 0 --save
expect_rc "locked store, audit (stores flags): exit 1" 1
expect_err_has "locked store, audit: says locked" "the store is locked"
# readers are not blocked by a writer (WAL)
run "$MUTU" audit --db "$DB" --models "$MODELS" --case A --no-store
expect_rc "locked store, audit --no-store reads: exit 0" 0
run "$MUTU" db info --db "$DB"
expect_rc "locked store, db info reads: exit 0" 0
touch "$TMP/done"
wait "$LOCKER"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case A
expect_rc "lock released, audit: exit 0" 0

run "$MUTU" report monthly --month 2025-05 --db "$DB" --busy-timeout 600001
expect_rc "--busy-timeout over the range: exit 2" 2
expect_err_has "--busy-timeout over the range: states it" "0 to 600000"
run "$MUTU" db info --db "$DB" --busy-timeout 5s
expect_rc "--busy-timeout not a number: exit 2" 2
run "$MUTU" ingest --help
expect_out_has "ingest --help: --busy-timeout" "--busy-timeout MS"
run "$MUTU" db --help
expect_out_has "db --help: --busy-timeout" "--busy-timeout MS"

# ---- read-only: a real read-only location ----
# chmod does not stop root, so the store is put on a read-only bind mount
# in a private mount namespace (unshare -m): writes fail with EROFS as on a
# read-only share.  Where namespaces are not allowed the cases are skipped.
mkdir -p "$TMP/rw" "$TMP/ro"
cp "$DB" "$TMP/rw/uji.db"
cat >"$TMP/ro.sh" <<EOF
mount --bind "$TMP/rw" "$TMP/ro" && mount -o remount,bind,ro "$TMP/ro" || exit 99
R="$TMP/ro/uji.db"
"$MUTU" ingest tests/data/repro/term-escape.csv --db "\$R" >"$TMP/ro-ingest.out" 2>&1; echo \$? >"$TMP/ro-ingest.rc"
"$MUTU" audit --db "\$R" --models "$MODELS" --case A --save >"$TMP/ro-audit.out" 2>&1; echo \$? >"$TMP/ro-audit.rc"
"$MUTU" audit --db "\$R" --models "$MODELS" --case A --no-store >"$TMP/ro-audit2.out" 2>&1; echo \$? >"$TMP/ro-audit2.rc"
"$MUTU" report monthly --month 2025-05 --db "\$R" --models "$MODELS" --out "$TMP/ro-rep" --format json >"$TMP/ro-rep.out" 2>&1; echo \$? >"$TMP/ro-rep.rc"
"$MUTU" db info --db "\$R" >"$TMP/ro-info.out" 2>&1; echo \$? >"$TMP/ro-info.rc"
ls -A "$TMP/ro" >"$TMP/ro-ls"
EOF
if unshare -m bash "$TMP/ro.sh" 2>/dev/null; then
	RC=$(cat "$TMP/ro-ingest.rc"); ERR=$(cat "$TMP/ro-ingest.out")
	expect_rc "read-only store, ingest: exit 1" 1
	expect_err_has "read-only store, ingest: says read-only" "$TMP/ro/uji.db: the store is read-only"
	expect_err_has "read-only store, ingest: why" "read-only file system"
	expect_err_has "read-only store, ingest: what still works" "report monthly, audit --no-store, db info"
	RC=$(cat "$TMP/ro-audit.rc"); ERR=$(cat "$TMP/ro-audit.out")
	expect_rc "read-only store, audit (stores flags): exit 1" 1
	expect_err_has "read-only store, audit: says read-only" "the store is read-only"
	RC=$(cat "$TMP/ro-audit2.rc"); ERR=$(cat "$TMP/ro-audit2.out")
	expect_rc "read-only store, audit --no-store: exit 0" 0
	RC=$(cat "$TMP/ro-rep.rc"); ERR=$(cat "$TMP/ro-rep.out")
	expect_rc "read-only store, report monthly: exit 0" 0
	RC=$(cat "$TMP/ro-info.rc"); ERR=$(cat "$TMP/ro-info.out")
	expect_rc "read-only store, db info: exit 0" 0
	# nothing was created beside the store (no -wal, no -shm)
	expect_eq "read-only store: folder unchanged" "$(cat "$TMP/ro-ls")" "uji.db"
else
	echo "ok - read-only store # SKIP unshare -m / mount not permitted here"
fi

# ---- control characters in a log never reach the terminal ----
E="$TMP/esc.db"
run "$MUTU" ingest tests/data/repro/term-escape.csv --db "$E"
expect_rc "escape log: ingested" 0
run "$MUTU" db rejected --db "$E"
expect_rc "db rejected: exit 0" 0
# the raw row starts with OSC 0 (set the window title, ended by BEL), then
# "clear screen" and "red": shown as \x1b ... text, no ESC or BEL byte left
expect_out_has "db rejected: ESC and BEL shown escaped" '\x1b]0;PWNED-TITLE\x07\x1b[2J\x1b[31mK1'
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$TMP/out"; then
	not_ok "db rejected: no raw control character" "$(od -c "$TMP/out" | head -5)"
else
	ok "db rejected: no raw control character"
fi
# an error message quoting a value: a --db name with an ESC in it
run "$MUTU" db info --db "$TMP/$(printf 'x\033[2Jy').db"
expect_rc "error quoting an ESC: exit 2" 2
expect_err_has "error quoting an ESC: escaped" 'x\x1b[2Jy.db'
# db info shows SOP ids and file names from the log: an ESC in a SOP id
# (column sop of a canonical log) is shown escaped too
printf 'case_id,sop,step,activity,actor,start,end\nK9,s\033[2Jx,1,a,b,2025-03-03T08:00:00+08:00,2025-03-03T09:00:00+08:00\n' >"$TMP/esc-sop.csv"
"$MUTU" ingest "$TMP/esc-sop.csv" --db "$TMP/esc2.db" --quiet
run "$MUTU" db info --db "$TMP/esc2.db"
expect_rc "db info: exit 0" 0
expect_out_has "db info: SOP id escaped" 's\x1b[2Jx'
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/out"; then not_ok "db info: no raw ESC"; else ok "db info: no raw ESC"; fi
