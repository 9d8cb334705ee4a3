#!/usr/bin/env bash
# tests/cli/test_outputs.sh - every file mutu writes appears whole or not at
# all, and a symlink at the output name is replaced, never followed.
#
# A full disk is simulated with RLIMIT_FSIZE (`ulimit -f`, in KiB in bash)
# in a subshell that ignores SIGXFSZ, so write() past the limit fails with
# EFBIG the way it fails with ENOSPC on a full disk.  The hand-made log
# tests/data/logs/uji-sla.csv gives a report whose four charts are each
# under 30 KB (gnuplot writes them under the limit) while the HTML, which
# embeds the four SVGs in base64 (4/3 of their size), is over 100 KB: a
# 100 KiB limit therefore fails the main file after the charts were made.
. tests/cli/lib.sh

DB="$TMP/uji.db"
MODELS=tests/data/models
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$MODELS" --quiet

# names in a folder other than the expected ones ("." files are temporaries)
listing() { ls -A "$1" | tr '\n' ' '; }

# ---- 1. report monthly on a full disk: exit 1, old report kept, nothing new ----
O="$TMP/full"
mkdir -p "$O"
echo "old report" >"$O/report-2025-05.html"
(
	trap '' XFSZ
	ulimit -f 100
	"$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O" >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
RC=$(cat "$TMP/rc"); ERR=$(cat "$TMP/err"); OUT=$(cat "$TMP/out")
expect_rc "full disk, report: exit 1" 1
expect_err_has "full disk, report: names the file" "$O/report-2025-05.html"
expect_err_has "full disk, report: says why" "File too large"
expect_eq "full disk, report: old report intact" "$(cat "$O/report-2025-05.html")" "old report"
expect_eq "full disk, report: no charts, no temporary files" "$(listing "$O")" "report-2025-05.html "

# mutu ignores SIGXFSZ itself: without the shell's trap it is not killed
# half-way (which would leave its temporary file) but fails cleanly
(
	ulimit -f 100
	"$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O" >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
RC=$(cat "$TMP/rc"); ERR=$(cat "$TMP/err")
expect_rc "full disk, SIGXFSZ not trapped: exit 1, not killed" 1
expect_eq "full disk, SIGXFSZ not trapped: nothing left" "$(listing "$O")" "report-2025-05.html "

# the same report without the limit: charts and report all there
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O"
expect_rc "report after the full disk: exit 0" 0
# 4 charts (lead, steps, trend, daily) x (svg, png) + the report
expect_eq "report: 8 charts and the report, nothing else" "$(ls -A "$O" | wc -l)" "9"
tail -c 8 "$O/report-2025-05.html" | grep -q '</html>' && ok "report: complete HTML" || not_ok "report: complete HTML"

# a tiny limit: gnuplot itself cannot write; still nothing left behind
O2="$TMP/full2"
mkdir -p "$O2"
(
	trap '' XFSZ
	ulimit -f 40
	"$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O2" >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
RC=$(cat "$TMP/rc"); ERR=$(cat "$TMP/err")
expect_rc "full disk at the charts: exit 1" 1
expect_eq "full disk at the charts: folder as it was (empty)" "$(listing "$O2")" ""

# ---- 2. gnuplot fails: the message quotes gnuplot, not a log that is gone ----
cat >"$TMP/badgp" <<'SH'
#!/bin/sh
echo '"charts.gp" line 7: unknown or ambiguous terminal type' >&2
exit 1
SH
chmod +x "$TMP/badgp"
O3="$TMP/gpfail"
mkdir -p "$O3"
run env MUTU_GNUPLOT="$TMP/badgp" "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O3"
expect_rc "gnuplot fails: exit 1" 1
expect_err_has "gnuplot fails: quotes gnuplot's error" 'line 7: unknown or ambiguous terminal type'
case "$ERR" in *gnuplot.log*) not_ok "gnuplot fails: no pointer to a removed log" "$ERR" ;; *) ok "gnuplot fails: no pointer to a removed log" ;; esac
expect_eq "gnuplot fails: folder as it was" "$(listing "$O3")" ""

# gnuplot exits 0 but draws nothing: the message used to say "see
# .../gnuplot.log" after that log had been removed with the charts folder
cat >"$TMP/lazygp" <<'SH'
#!/bin/sh
echo 'warning: Skipping data file with no valid points' >&2
exit 0
SH
chmod +x "$TMP/lazygp"
run env MUTU_GNUPLOT="$TMP/lazygp" "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O3"
expect_rc "gnuplot draws nothing: exit 1" 1
expect_err_has "gnuplot draws nothing: quotes gnuplot" "gnuplot said: warning: Skipping data file with no valid points"
case "$ERR" in *gnuplot.log*) not_ok "gnuplot draws nothing: no pointer to a removed log" "$ERR" ;; *) ok "gnuplot draws nothing: no pointer to a removed log" ;; esac
expect_eq "gnuplot draws nothing: folder as it was" "$(listing "$O3")" ""

# ---- 3. a symlink at the report's name is replaced, its target untouched ----
O4="$TMP/link"
mkdir -p "$O4"
echo "precious" >"$O4/victim.txt"
ln -s victim.txt "$O4/report-2025-05.md"
ln -s victim.txt "$O4/report-2025-05-sop-uji-sla-lead.svg"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$O4" --format md
expect_rc "symlink at the name: exit 0" 0
expect_eq "symlink at the name: the target keeps its content" "$(cat "$O4/victim.txt")" "precious"
[ -f "$O4/report-2025-05.md" ] && [ ! -L "$O4/report-2025-05.md" ] && ok "symlink at the name: replaced by the report" \
	|| not_ok "symlink at the name: replaced by the report" "$(ls -l "$O4")"
head -1 "$O4/report-2025-05.md" | grep -q '^# ' && ok "symlink at the name: the report is there" || not_ok "symlink at the name: the report is there"
[ ! -L "$O4/report-2025-05-sop-uji-sla-lead.svg" ] && ok "symlink at a chart's name: replaced" || not_ok "symlink at a chart's name: replaced"

# ---- 4. audit --out: full disk and a failure half-way leave nothing ----
W="$TMP/wabo.db"
"$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$W" --quiet
# the WABO audit CSV is over 1 MB; 64 KiB is above the store's 32 KiB -shm
# file (the store is opened under the same limit) and far below the CSV
(
	trap '' XFSZ
	ulimit -f 64
	"$MUTU" audit --db "$W" --from 2010-01-01 --to 2012-12-31 --format csv --no-store --out "$TMP/a.csv" >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
RC=$(cat "$TMP/rc"); ERR=$(cat "$TMP/err")
expect_rc "full disk, audit --out: exit 1" 1
expect_err_has "full disk, audit --out: names the file" "$TMP/a.csv"
[ -e "$TMP/a.csv" ] && not_ok "full disk, audit --out: no truncated file" "$(wc -c <"$TMP/a.csv") bytes" || ok "full disk, audit --out: no truncated file"
expect_eq "full disk, audit --out: no temporary file" "$(ls -A "$TMP" | grep -c '^\.a\.csv\.')" "0"
# a missing model (the store's SOP uji-sla, models folder without it): exit 2, no file
mkdir -p "$TMP/nomodels"
run "$MUTU" audit --db "$DB" --models "$TMP/nomodels" --from 2025-05-01 --to 2025-05-31 --format csv --out "$TMP/b.csv"
expect_rc "audit, missing model: exit 2" 2
[ -e "$TMP/b.csv" ] && not_ok "audit, missing model: no file left" || ok "audit, missing model: no file left"

# ---- 5. sim --format csv: the same formula guard as report and audit CSV ----
run "$MUTU" sim tests/data/repro/sim-formula-scen.ini --format csv --threads 1
expect_rc "sim csv: exit 0" 0
# every line is parsed as CSV: no cell may start with = + - @ unless it is a
# number mutu wrote (the means, intervals and counts columns)
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, sys
bad = 0; guarded = 0; nums = 0
for row in csv.reader(sys.stdin):
    for cell in row:
        if cell[:1] in ("=", "+", "-", "@"):
            try:
                float(cell); nums += 1
            except ValueError:
                bad += 1
        if cell.startswith("\x27@SUM") or cell.startswith("\x27-2+3+cmd"):
            guarded += 1
print(bad, guarded > 0)
')
expect_eq "sim csv: no raw formula cell, the actor names guarded" "$got" "0 True"

# ---- 6. sim --emit-log --force over a symlink: the link is replaced ----
echo "precious" >"$TMP/victim.csv"
ln -s "$TMP/victim.csv" "$TMP/emitted.csv"
run "$MUTU" sim tests/data/repro/sim-formula-scen.ini --threads 1 --emit-log "$TMP/emitted.csv" --force
expect_rc "emit-log over a symlink: exit 0" 0
expect_eq "emit-log over a symlink: target untouched" "$(cat "$TMP/victim.csv")" "precious"
[ ! -L "$TMP/emitted.csv" ] && head -1 "$TMP/emitted.csv" | grep -q 'case' && ok "emit-log over a symlink: the log is there" \
	|| not_ok "emit-log over a symlink: the log is there" "$(head -2 "$TMP/emitted.csv")"
