#!/usr/bin/env bash
# tests/pg/pg.sh - a real, private PostgreSQL server for the tests and
# benchmarks: initdb into a fresh temporary folder, no TCP (listen_addresses
# empty), the Unix socket in that folder, trust authentication for the one
# superuser, stopped and removed on exit -- also when a test fails.
#
# Two ways to use it:
#   tests/pg/pg.sh CMD ARGS...     start a server, run CMD with the variables
#                                  below exported, stop it; exit status of CMD
#   . tests/pg/pg.sh; pg_start     from a bash script: start, export, and stop
#                                  from an EXIT trap (chained before any trap
#                                  the script had); pg_stop stops it earlier
#   pg_start_checked               pg_start from a test script (after
#                                  tests/cli/lib.sh): on failure prints the
#                                  'not ok' line with the server's error and
#                                  what to do, and returns 1
# Exported: MUTU_PG_DIR (the folder: data/, server.log, the socket),
# MUTU_PG_DB (mutu_test), MUTU_PG_LOCATION (postgres:///mutu_test?host=DIR,
# what mutu's --db takes), PGHOST/PGDATABASE for psql, MUTU_PG_BIN.
#
# Why a server of its own: the tests must not depend on (or disturb) a
# server the machine may run, and need none to be configured.  initdb
# refuses to run as root (the CI runs as root): then the server runs as the
# system user "postgres" (Debian's package creates it), else "nobody", with
# the folder given to that user; the client (mutu, psql) stays root and
# connects through the socket.  Run as a normal user, everything is that user's.
#
# The server binaries are Debian's (package postgresql, in `make deps`),
# found as the newest /usr/lib/postgresql/*/bin/initdb, or initdb on PATH,
# or PG_BINDIR.  Missing: pg_start fails and says to run `make deps`.
# PG_SERVER_OPTS adds server settings (e.g. "-c fsync=off" for tests).

pg_find_bin() {
	local d
	if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; return 0; fi
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
	d=$(command -v initdb 2>/dev/null) && { dirname "$d"; return 0; }
	return 1
}

# run the server-side tools as the server's user
pg_as() {
	if [ -n "$_PG_RUNAS" ]; then (cd / && "$_PG_RUNUSER" -u "$_PG_RUNAS" -- "$@"); else (cd / && "$@"); fi
}

pg_start() {
	local bin dir me
	if ! bin=$(pg_find_bin); then
		echo "pg.sh: PostgreSQL server binaries (initdb, pg_ctl) not found:" \
			"run 'make deps' (Debian package postgresql), or set PG_BINDIR" >&2
		return 1
	fi
	if ! command -v psql >/dev/null 2>&1 && [ ! -x "$bin/psql" ]; then
		echo "pg.sh: psql not found: run 'make deps' (Debian package postgresql-client)" >&2
		return 1
	fi
	_PG_RUNAS=""
	if [ "$(id -u)" = 0 ]; then
		if id postgres >/dev/null 2>&1; then _PG_RUNAS=postgres; else _PG_RUNAS=nobody; fi
		# runuser is in /usr/sbin (util-linux), which a PATH made for a
		# non-login shell or a CI job may lack (env -i PATH=/usr/bin:/bin:
		# "runuser: command not found", every PostgreSQL test failed)
		_PG_RUNUSER=$(command -v runuser || { [ -x /usr/sbin/runuser ] && echo /usr/sbin/runuser; } ||
			{ [ -x /sbin/runuser ] && echo /sbin/runuser; })
		if [ -z "$_PG_RUNUSER" ]; then
			echo "pg.sh: runuser not found (util-linux; needed to run the server as $_PG_RUNAS when root)" >&2
			return 1
		fi
	fi
	# /tmp, not $TMPDIR: a Unix socket path must stay under 108 bytes
	dir=$(mktemp -d /tmp/mutu-pg.XXXXXX) || return 1
	_PG_DIR=$dir
	if [ -z "${_PG_TRAP_SET:-}" ]; then
		# chain: stop the server first, then whatever the script's trap did
		local prev
		prev=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
		# shellcheck disable=SC2064
		trap "pg_stop; $prev" EXIT
		_PG_TRAP_SET=1
	fi
	[ -n "$_PG_RUNAS" ] && chown "$_PG_RUNAS" "$dir"
	me=$(id -un)
	if ! pg_as "$bin/initdb" -D "$dir/data" -U "$me" --auth=trust -E UTF8 --locale=C -N \
		>"$dir/initdb.log" 2>&1; then
		echo "pg.sh: initdb failed (as ${_PG_RUNAS:-$me}):" >&2; tail -5 "$dir/initdb.log" >&2
		return 1
	fi
	# shellcheck disable=SC2086
	if ! pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' ${PG_SERVER_OPTS:-}" \
		start >"$dir/pg_ctl.log" 2>&1; then
		echo "pg.sh: the server did not start:" >&2; tail -5 "$dir/server.log" >&2
		return 1
	fi
	export MUTU_PG_BIN=$bin MUTU_PG_DIR=$dir MUTU_PG_DB=mutu_test
	export PGHOST=$dir PGDATABASE=mutu_test
	export MUTU_PG_LOCATION="postgres:///mutu_test?host=$dir"
	local psqlbin=psql; command -v psql >/dev/null 2>&1 || psqlbin=$bin/psql
	if ! "$psqlbin" -X -q -d postgres -c "CREATE DATABASE mutu_test" >"$dir/createdb.log" 2>&1; then
		echo "pg.sh: CREATE DATABASE failed:" >&2; cat "$dir/createdb.log" >&2
		return 1
	fi
	return 0
}

# pg_stop: stop the server (immediate: test data need no clean shutdown)
# and remove its folder.  Safe to call twice.
pg_stop() {
	[ -n "${_PG_DIR:-}" ] || return 0
	local bin
	bin=$(pg_find_bin) && [ -f "$_PG_DIR/data/postmaster.pid" ] &&
		pg_as "$bin/pg_ctl" -D "$_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$_PG_DIR"
	_PG_DIR=""
}

# pg_newdb NAME: a fresh, empty database NAME on the running server (an
# older one of that name dropped): a test's parts must not see each
# other's rows.  Prints its location for mutu's --db; fails (status of
# CREATE DATABASE, psql's message on stderr) when it cannot be made.
pg_newdb() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
	psql -X -q -d postgres -c "CREATE DATABASE $1" >/dev/null && echo "postgres:///$1?host=$MUTU_PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	# wrapper mode: tests/pg/pg.sh CMD ARGS...
	[ $# -gt 0 ] || { echo "usage: tests/pg/pg.sh CMD [ARGS...]" >&2; exit 2; }
	pg_start || exit 1
	"$@"
	rc=$?
	pg_stop
	exit $rc
fi

# the one "server did not start" check every PostgreSQL test makes
pg_start_checked() {
	local e=${TMP:-${TMPDIR:-/tmp}}/pg.err
	pg_start 2>"$e" && return 0
	not_ok "a private PostgreSQL server starts (tests/pg/pg.sh)" "$(cat "$e")" \
		"run 'make deps' (Debian packages postgresql, libpq-dev)"
	return 1
}
