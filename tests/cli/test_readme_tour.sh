#!/usr/bin/env bash
# tests/cli/test_readme_tour.sh - the README's tour runs as written.
#
# Every command of README.md's "## A tour of the commands" section (the
# lines of its ```sh blocks that start with build/mutu or mutu, backslash
# continuations joined) is run verbatim, in README order (ingest makes the
# store later commands read), with bash, from a scratch folder that holds
# what a fresh clone has: build/mutu (a link to $MUTU), datasets/ (a link:
# the tour only reads it) and a copy of models/ and reports/ (so nothing
# the tour writes, such as mutu.db, reports/out/ or wabo.xes.gz, lands in
# the repository).
# Each must exit 0: the tour states no other status for its commands, so a
# failing command is a wrong README (fix the README, not this test).
. tests/cli/lib.sh

# tour_commands README: one command per line, in README order
tour_commands() {
	awk '
		/^## A tour of the commands/ { intour = 1; next }
		intour && /^## /              { intour = 0 }
		!intour                        { next }
		/^```sh[ \t]*$/                { insh = 1; next }
		/^```/                         { insh = 0; next }
		!insh                          { next }
		{
			this = $0
			if (cont != "") sub(/^[ \t]+/, "", this)
			line = (cont != "") ? cont " " this : this
			if (line ~ /\\[ \t]*$/) { sub(/[ \t]*\\[ \t]*$/, "", line); cont = line; next }
			cont = ""
			sub(/^[ \t]+/, "", line)
			if (line ~ /^(build\/)?mutu /) print line
		}' "$1"
}

mapfile -t CMDS < <(tour_commands README.md)

# The extraction itself: a tour with no commands, or one that lost its
# continued lines, would pass every check below vacuously.  The README's
# tour has 26 commands (counted by hand: 3 calendar, 3 model/sop, 3 sim,
# 1 plan, 6 ingest/db, 7 report/audit (one a range of 12 months), 3 wabo
# ingest/report/audit) and one continued command (sim --compare ... --report).
expect_eq "the tour has 26 commands" "${#CMDS[@]}" 26
joined=no
for c in "${CMDS[@]}"; do
	case "$c" in *"--compare models/scenarios/banjarbaru-tambah-staf.ini --report reports/out/sim"*) joined=yes ;; esac
done
expect_eq "a backslash-continued command is read whole" "$joined" yes

# A fresh clone's user has not pointed mutu at other calendars.
unset MUTU_CALENDARS
W="$TMP/clone"
mkdir -p "$W/build"
ln -s "$MUTU" "$W/build/mutu"
ln -s "$PWD/datasets" "$W/datasets"
# models/ and reports/ (chart templates, CSS) as a clone has them: the
# tracked files only, so a local reports/out/ cannot help a command pass.
# Outside a git checkout (an unpacked tarball) copy the folders and drop
# the generated reports/out/.
if [ -n "$(git ls-files -- models reports 2>/dev/null | head -1)" ]; then
	git ls-files -z -- models reports | tar -cf - --null -T - | tar -xf - -C "$W"
else
	cp -r models reports "$W" && rm -rf "$W/reports/out"
fi

n=0
for c in "${CMDS[@]}"; do
	n=$((n + 1))
	case "$c" in mutu\ *) c="build/$c" ;; esac	# "mutu CMD" in prose means the built program
	(cd "$W" && bash -c "$c") >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(head -c 400 "$TMP/out"); ERR=$(head -c 800 "$TMP/err")
	expect_rc "tour $n: $c" 0
	# What the tour's comments promise about a command's output.
	case "$c" in
	*"calendar show id-wita --year 2025"*)
		# "237 working days": 2025's Mondays-Fridays (261) less the libur
		# nasional and cuti bersama on weekdays (docs/domain.md: 237).
		if grep -Eq '^2025 +237 ' "$TMP/out"; then ok "tour $n: 2025 has 237 working days"
		else not_ok "tour $n: 2025 has 237 working days" "stdout: $OUT"; fi ;;
	*"--format json --out -"*)
		# "the document on stdout": the JSON document itself, named by kind.
		case "$(head -c 26 "$TMP/out")" in
		'{"schema":"mutu.report/2",') ok "tour $n: the JSON document is on stdout" ;;
		*) not_ok "tour $n: the JSON document is on stdout" "stdout: $OUT" ;;
		esac ;;
	esac
done

# What the tour says it makes is there.
# (reports/out/report-2025-12.html: --month latest is the last month of
# the simulated year 2025, the latest month of the three logs ingested.)
for f in mutu.db wabo.db new-permit.ini wabo.xes.gz reports/out/sim/sim-report.html \
	reports/out/rokan-hilir-log.csv reports/out/report-2025-12.html reports/out/report-2025-11.xlsx; do
	if [ -e "$W/$f" ]; then ok "the tour made $f"; else not_ok "the tour made $f" "missing: $f"; fi
done
