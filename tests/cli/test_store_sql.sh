#!/usr/bin/env bash
# tests/cli/test_store_sql.sh - no SQL outside the store module
# (tests/check_store_sql.sh on this tree), and the check itself can fail:
# a planted violation of each kind in a scratch tree is named.
. "$(dirname "$0")/lib.sh"
check=$PWD/tests/check_store_sql.sh

run bash "$check" .
expect_rc "no SQL, no database call or type outside engine/store*" 0
expect_eq "the clean tree prints nothing" "$OUT" ""

# a scratch tree: a clean module, then one violation per rule
mk() { rm -rf "$TMP/t"; mkdir -p "$TMP/t/engine" "$TMP/t/include/mutu"
	printf '/* SELECT in a comment is no SQL */\nint ok(void) { return 0; }\n' >"$TMP/t/engine/fine.c"
	printf '#include <sqlite3.h>\nstatic sqlite3 *db;\n' >"$TMP/t/engine/store_x.c"
	printf 'struct mutu_store;\n' >"$TMP/t/include/mutu/store.h"; }

mk
run bash "$check" "$TMP/t"
expect_rc "comments, and the store's own files, are allowed" 0

mk
printf 'const char *q = "SELECT id FROM cases WHERE sop = ?1";\n' >"$TMP/t/engine/report.c"
run bash "$check" "$TMP/t"
expect_rc "a SELECT in a string literal outside the store fails the check" 1
expect_out_has "... and names the file and line" "SQL outside the store: engine/report.c:1:"

mk
printf 'void f(void *db) { exec(db, "BEGIN IMMEDIATE"); }\n' >"$TMP/t/engine/cli_tx.c"
run bash "$check" "$TMP/t"
expect_rc "a BEGIN outside the store fails the check" 1

mk
printf 'int g(void *h) { return sqlite3_changes(h); }\n' >"$TMP/t/engine/other.c"
run bash "$check" "$TMP/t"
expect_out_has "an sqlite3_ call outside the store is named" "database call or type outside the store: engine/other.c:1:"

mk
printf 'int p(void *c) { return PQstatus(c); }\n' >"$TMP/t/engine/pgthing.c"
run bash "$check" "$TMP/t"
expect_out_has "a libpq call outside the store is named" "engine/pgthing.c:1:"

mk
printf 'struct sqlite3;\nint sla_x(struct sqlite3 *db);\n' >"$TMP/t/include/mutu/sla.h"
run bash "$check" "$TMP/t"
expect_out_has "an sqlite3 type in a public header other than store.h is named" "database type in a public header: include/mutu/sla.h:1:"
