#!/usr/bin/env bash
# tests/cli/test_json_units.sh - durations in the JSON documents are
# minutes with their display text beside them (issue 13: "units are one per
# document and named, durations in minutes plus their display text").
# Every value below is worked out by hand from tests/data/logs/uji-sla.csv
# and the models, at the uji-sla calendar's 450-minute (7,5 h) working day.
. tests/cli/lib.sh

M=tests/data/models
DB="$TMP/u.db"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$M" --quiet

# Case B: accepted Fri 9 May 09:00, finished Thu 15 May 15:00 (WIB; the
# end of step 4, the office's last step: the applicant's receipt on Fri
# 16 May 10:30 is not the office's time, test_clock_end.sh).  Working
# time 1200 min (test_report.sh) = 2 x 450 + 300 = 2 Hari 5 Jam; its
# ceiling is 3 Hari = 1350 min: in time, 0 min over, no late step.  Wall
# clock: 6 days and 6 h = 6 x 1440 + 360 = 9000 min, worded "6 hari
# kalender 6 Jam" (days of 24 h).  Its step 4 took 2 h against the 1 Jam
# of the SOP: 60 min over.  The applicant came Thu 15:00 -> Fri 10:30 =
# 60 + 180 = 240 working min after the signing, past the deadline: its
# applicant_late finding holds 240 = "4 Jam".  (Before: 1440 "3 Hari 1
# Jam 30 Menit", 10170, 90 over, late step 4 with 60.)
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --format json --out -
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
b = [s for g in d["groups"] if g["id"] == "uji-sla" for s in g["slowest"] if s["case"] == "B"][0]
print(d["schema"], d["units"]["duration"], "|", b["lead"], b["lead_text"], "|", b["calendar_lead"], b["calendar_lead_text"],
      "|", b["over"], b["over_text"], "|", b["late_step_excess"], b["late_step_excess_text"])')
expect_eq "report: case B lead, wall clock, over and late step in minutes with their text" "$got" \
	"mutu.report/2 minutes | 1200 2 Hari 5 Jam | 9000 6 hari kalender 6 Jam | 0 0 Menit | None None"
# the uji-sla summary's rounded ceiling: 3 Hari = 1350 working minutes
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
s = [g for g in json.load(sys.stdin)["groups"] if g["id"] == "uji-sla"][0]["summary"]
print(s["ceiling_rounded"], s["ceiling_rounded_text"])')
expect_eq "report: the rounded ceiling 3 Hari is 1350 minutes" "$got" "1350 3 Hari"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$M" --format json --lang en --out -
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
b = [s for g in d["groups"] if g["id"] == "uji-sla" for s in g["slowest"] if s["case"] == "B"][0]
print(b["lead"], b["lead_text"])')
expect_eq "report --lang en: the text in English, the minutes the same" "$got" "1200 2 days 5 hours"

run "$MUTU" audit --db "$DB" --models "$M" --case B --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = d["cases"][0]
s4 = [s for s in c["steps"] if s["step"] == 4][0]
print(d["schema"], d["units"]["duration"], "|", c["working"], c["working_text"], "|", c["ceiling"], c["ceiling_text"],
      "|", c["over"], c["over_text"], "|", s4["actual"], s4["actual_text"], s4["standard"], s4["standard_text"],
      s4["deviation"], s4["deviation_text"], "|",
      " ".join("%s %s" % (f["actual"], f["actual_text"]) for f in c["findings"] if f["flag"] == "applicant_late"))')
expect_eq "audit: case B working time, ceiling, over, step 4 and the applicant's time in minutes with their text" "$got" \
	"mutu.audit/2 minutes | 1200 2 Hari 5 Jam | 1350 3 Hari | 0 0 Menit | 120 2 Jam 60 1 Jam 60 1 Jam | 240 4 Jam"
# the audit CSV keeps its hours (scripts that read it are unchanged)
run "$MUTU" audit --db "$DB" --models "$M" --case B --format csv --no-store
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, sys
r = [x for x in csv.DictReader(sys.stdin) if x["type"] == "case"][0]
print(r["actual_hours"], r["standard_hours"])')
expect_eq "audit csv: still hours (1200 min = 20 h, 1350 min = 22.5 h)" "$got" "20 22.5"

# Tanda Daftar LKS/LKSA: the steps sum to 4 Hari 1 Jam 18 Menit = 4 x 450 +
# 78 = 1878 min; the table declares 4 Hari 1 Jam 13 Menit: a 5-minute gap.
run "$MUTU" model show models/tanda-daftar-lks-lksa.ini --format json
got=$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["units"]["duration"], d["total"]["minutes"], d["total"]["text"], d["gap_minutes"], d["gap_minutes_text"])')
expect_eq "model: total 1878 minutes, gap 5 minutes with its text" "$got" "minutes 1878 4 Hari 1 Jam 18 Menit 5 5 Menit"
