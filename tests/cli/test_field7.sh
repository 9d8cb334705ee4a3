#!/usr/bin/env bash
# tests/cli/test_field7.sh - seventh field round: defects a real user hits
# with logs of other tools, each with its fixture under
# tests/data/logs/field7/ and the expected values worked out by hand in the
# comments.  Calendar id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-
# 11:30 13:00-16:30 (450 working minutes a day); no holiday in 7-18 Jul 2025.
. tests/cli/lib.sh

F=tests/data/logs/field7
M=tests/data/report-field/models
M6=tests/data/logs/field6/models

# ---- 2. a pelaksana named by an alias of the SOP's position is no finding
# f6-jabatan (field6/models): step 2 Front Office, 3 Kasi Pelayanan, 4
# Kepala Bidang Perizinan, 5 Kepala Dinas.  jabatan-alias.csv:
#   J1 names them Petugas Loket (Front Office, domain.md), Sub Koordinator
#   (the post-2021 name of the Kasi), Koordinator Perizinan (of the Kabid),
#   Kadis: every one the SOP's position, so no 'actor' finding;
#   J2 names Back Office for step 2, Kabid for step 3 (the Kasi's step) and
#   Sekretaris for step 5: three other positions, three findings; Kabid on
#   step 4 is its alias (Kepala Bidang, the generic of Kepala Bidang
#   Perizinan): none there.
# The audit asks sop_actor_match (the importer's alias table), as the
# simulator's [staff] does.  Before: its own prefix comparison flagged J1's
# steps 3 and 4 ('Sub Koordinator' is no prefix of 'Kasi Pelayanan').
DB=$TMP/alias.db
run "$MUTU" ingest $F/jabatan-alias.csv --db "$DB" --models $M6 --tz WIB --quiet
expect_rc "alias: the log ingests" 0
actor_steps() { # CASE -> the steps with an 'actor' finding, or '-'
	"$MUTU" audit --case "$1" --db "$DB" --models $M6 --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(' '.join(str(f['step']) for f in c['findings'] if f['flag'] == 'actor') or '-')"
}
expect_eq "alias: J1's pelaksana named by aliases (Petugas Loket, Sub Koordinator, Koordinator Perizinan, Kadis): no finding" \
	"$(actor_steps J1)" "-"
expect_eq "alias: J2's other positions (Back Office, Kabid on the Kasi's step, Sekretaris): steps 2 3 5" \
	"$(actor_steps J2)" "2 3 5"
run "$MUTU" audit --case J2 --db "$DB" --models $M6
expect_out_has "alias: the text audit names the position found and the SOP's" \
	"[PELAKSANA] langkah 3 dikerjakan oleh Kepala Bidang, menurut SOP oleh Kasi Pelayanan"
