#!/usr/bin/env bash
# tests/cli/test_registry.sh - the one SOP registry seen from the CLI:
# ingest and report find a model by its id wherever its file is, a model
# file that does not load is an error with its line, --sop without a model
# names the file looked for, and the applicant is one test (a Pemohon step
# written "Pelaku Usaha" pauses the clock as "Pemohon" does).
#
# The log and model are test_report.sh's (tests/data/logs/uji-sla.csv,
# tests/data/models/uji-sla.ini); its hand computation for May 2025 gives
# 4 cases finished, all 4 within the ceiling (the clock stops at step 4,
# the office's last; B was late only by the applicant's receipt before),
# and case C paused at the applicant for 630 working minutes (lead 1125
# min, within; without the pause 1755 min, past the 1350-minute ceiling).
. tests/cli/lib.sh

M="$TMP/models"
mkdir -p "$M"
cp tests/data/models/uji-sla.ini "$M/"
DB="$TMP/uji.db"
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$M" --quiet
expect_rc "ingest through the registry" 0

summary() { # DIR: finished within paused_cases of uji-sla in May 2025
	python3 - "$1/report-2025-05.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = [x for x in d["groups"] if x["id"] == "uji-sla"][0]["summary"]
print(g["finished"], g["within"], g["paused_cases"])
PY
}

# 1. --sop naming no model: the flag, the file looked for, where to look
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$TMP/x.db" --sop tidak-ada --models "$M"
expect_rc "--sop without a model: exit 2" 2
expect_err_has "--sop without a model: names the file" "--sop tidak-ada: no model $M/tidak-ada.ini"

# 2. the model under another file name: found by its id, the same report
mv "$M/uji-sla.ini" "$M/nama-lain.ini"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --out "$TMP/r2" --format json
expect_rc "model found by id: exit 0" 0
# (test_report.sh: 4 finished, all 4 within since the clock stops at the
# office's last step, step 4, not the applicant's receipt; C paused)
expect_eq "model found by id: the hand-computed May" "$(summary "$TMP/r2")" "4 4 1"

# 3. a model file that does not load: an error naming its line (16: the
#    first waktu), not a report that quietly drops the SOP's cases
sed 's/^waktu = 30 Menit$/waktu = sebentar/' "$M/nama-lain.ini" >"$M/uji-sla.ini"
rm "$M/nama-lain.ini"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --out "$TMP/r3" --format json
expect_rc "broken model: exit 2" 2
expect_err_has "broken model: its file and line" "uji-sla.ini:16:"

# 4. the applicant under its OSS name: step 1 "Pelaku Usaha" pauses C
sed 's/^actor = Pemohon$/actor = Pelaku Usaha/' tests/data/models/uji-sla.ini >"$M/uji-sla.ini"
n=$(grep -c '^actor = Pelaku Usaha$' "$M/uji-sla.ini")
expect_eq "applicant alias: both Pemohon steps say Pelaku Usaha" "$n" "2"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --out "$TMP/r4" --format json
expect_rc "applicant alias: exit 0" 0
# (step 5 under its OSS name is the applicant's too: the clock stops at
# step 4 as with Pemohon, B within)
expect_eq "applicant alias: C paused, within as with Pemohon" "$(summary "$TMP/r4")" "4 4 1"
