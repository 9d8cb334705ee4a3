#!/usr/bin/env bash
# tests/check_store_sql.sh [ROOT] - the store module is the only code that
# holds SQL (issue 10).  Prints one line per violation and exits 1 when
# there is any, 0 when ROOT (default: the repository root) is clean:
#  1. no call into a database library (sqlite3_*, PQ*(), the types sqlite3,
#     sqlite3_stmt, PGconn, PGresult) and no #include of <sqlite3.h> or
#     <libpq-fe.h> in engine/ or include/ outside engine/store*.[ch];
#  2. no SQL in a string literal outside engine/store*.c: a literal holding
#     SELECT, INSERT, UPDATE ... SET, DELETE FROM, CREATE/DROP TABLE|INDEX,
#     ALTER TABLE, BEGIN, COMMIT, ROLLBACK, PRAGMA, COPY ... FROM/TO;
#  3. no sqlite3 or PGconn type named in a public header other than
#     include/mutu/store.h (and that one keeps them opaque too).
# Comments are not code: lines that are only a comment are skipped.
# tests/cli/test_store_sql.sh runs it (and checks that it can fail).
set -u
root=${1:-.}
cd "$root" || exit 2
bad=0
say() { echo "$1"; bad=1; }

files=$(find engine include -name '*.[ch]' ! -path 'engine/store*' 2>/dev/null | sort)
[ -n "$files" ] || { echo "check_store_sql: no sources under $root/engine, $root/include"; exit 2; }

# drop comment-only lines (/* ... */ blocks and // lines), keep file:line
code() { # FILE -> "FILE:LINE:text" for lines outside comments
	awk -v f="$1" '
		{ line = $0; out = ""; i = 1
		  while (i <= length(line)) {
			if (inc) { j = index(substr(line, i), "*/"); if (!j) { i = length(line) + 1; break }
				   i += j + 1; inc = 0; continue }
			two = substr(line, i, 2)
			if (two == "/*") { inc = 1; i += 2; continue }
			if (two == "//") break
			out = out substr(line, i, 1); i++
		  }
		  if (out ~ /[^ \t]/) print f ":" NR ":" out }' "$1"
}

for f in $files; do
	src=$(code "$f")
	hits=$(printf '%s\n' "$src" |
		grep -E '\bsqlite3(_[a-z0-9_]+)?\b|\bPQ[a-z][A-Za-z]*[[:space:]]*\(|\bPG(conn|result)\b|#[[:space:]]*include[[:space:]]*<(sqlite3|libpq-fe)\.h>')
	[ -n "$hits" ] && while IFS= read -r h; do say "database call or type outside the store: $h"; done <<<"$hits"
	case "$f" in *.c)
		hits=$(printf '%s\n' "$src" | grep -E '"[^"]*\b(SELECT [^"]*|INSERT (OR [A-Z]+ )?INTO|UPDATE [a-z_]+ SET|DELETE FROM|(CREATE|DROP) (TEMP |UNIQUE )?(TABLE|INDEX)|ALTER TABLE|BEGIN( IMMEDIATE| TRANSACTION)?"|COMMIT"|ROLLBACK"|PRAGMA [a-z_]+|COPY [a-z_]+ (FROM|TO))')
		[ -n "$hits" ] && while IFS= read -r h; do say "SQL outside the store: $h"; done <<<"$hits"
		;;
	esac
done

for h in include/mutu/*.h; do
	[ "$h" = include/mutu/store.h ] && continue
	hits=$(code "$h" | grep -E '\bsqlite3\b|\bPGconn\b')
	[ -n "$hits" ] && while IFS= read -r x; do say "database type in a public header: $x"; done <<<"$hits"
done
exit $bad
