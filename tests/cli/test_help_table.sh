#!/usr/bin/env bash
# tests/cli/test_help_table.sh - `mutu help`'s one-line summaries say what
# the subcommands' own usage says (engine/cli/main.c's table).  Before:
# ingest read "(CSV) into the SQLite store" though its usage takes
# LOG.xes / LOG.xes.gz and --db takes a postgres:// store; report listed
# four formats, its --format five (xlsx); calendar named no 'list'; db no
# 'export'.  Each check reads the subcommand's usage, so a format or
# subcommand added there without the summary fails here.
. tests/cli/lib.sh

run "$MUTU" help
expect_rc "help: exit 0" 0
H=$OUT
line() { printf '%s\n' "$H" | grep "^  $1 "; }

# ingest: every input its usage names, and both backends
expect_eq "ingest: inputs of its usage named" \
	"$("$MUTU" ingest --help | head -1 | grep -o 'LOG\.[a-z.]*' | sed 's/^LOG//' | while read -r x; do line ingest | grep -qi -- "${x#.}" && echo "$x"; done | tr '\n' ' ')" \
	".csv .xes .xes.gz "
expect_eq "ingest: SQLite and PostgreSQL" "$(line ingest | grep -c 'SQLite or PostgreSQL')" 1

# report: every --format of its usage (md = Markdown)
expect_eq "report: every format of --format named" \
	"$("$MUTU" report --help | grep -o -- '--format [a-z|]*' | head -1 | cut -d' ' -f2 | tr '|' '\n' | sed 's/^md$/markdown/' | while read -r f; do line report | grep -qi -- "$f" || echo "missing $f"; done)" ""

# calendar, db: every subcommand of their usage
expect_eq "calendar: between, add, show, list" \
	"$("$MUTU" calendar --help | head -1 | grep -o '<[a-z|]*>' | tr -d '<>' | tr '|' '\n' | while read -r c; do line calendar | grep -q "$c" || echo "missing $c"; done)" ""
expect_eq "db: info (batches, counts), rejected, export" \
	"$(for w in batches counts rejected export; do line db | grep -q "$w" || echo "missing $w"; done)" ""
# and db export's formats
expect_eq "db: export formats" "$(line db | grep -c 'XES or CSV')" 1
