#!/usr/bin/env bash
# tests/cli/test_audit_local.sh - the text and CSV audits and the audit's
# title show instants in the office's local form, as the HTML body does
# ("27 Nov 2025 14:43 WITA"; English month names with --lang en), not ISO
# stamps; the CSV keeps start/end in ISO 8601 for scripts and adds
# start_local/end_local.  Expected strings are written by hand from
# tests/data/logs/uji-sla.csv (WIB, UTC+7): case B is accepted Fri 9 May
# 2025 09:00 (step 2's end), finished Thu 15 May 15:00 (step 4's end, the
# office's last step; the applicant's receipt, step 5, Fri 16 10:30, is
# not the office's time: test_clock_end.sh); the
# store's latest event is D's step 3 start, Wed 28 May 10:00.
. tests/cli/lib.sh

M=tests/data/models
DB="$TMP/u.db"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$M" --quiet

run "$MUTU" audit --db "$DB" --models "$M" --case B --no-store
expect_out_has "text: accepted and finished in local form" \
	"diterima lengkap: 9 Mei 2025 09:00 WIB; selesai: 15 Mei 2025 15:00 WIB"
expect_out_has "text: a step's end in local form (step 4, 15 Mei 15:00)" "15 Mei 2025 15:00 WIB"
case "$OUT" in *T0[0-9]:*|*T1[0-9]:*|*T2[0-3]:*) not_ok "text: no ISO stamp left" "$OUT" ;; *) ok "text: no ISO stamp left" ;; esac

run "$MUTU" audit --db "$DB" --models "$M" --case B --no-store --lang en
expect_out_has "text --lang en: English month names" \
	"accepted as complete: 9 May 2025 09:00 WIB; finished: 15 May 2025 15:00 WIB"

# E is open: aged to the latest event, which the header names
run "$MUTU" audit --db "$DB" --models "$M" --case E --no-store --lang en
expect_out_has "text: the as-of in local form" "as of 28 May 2025 10:00 WIB"

run "$MUTU" audit --db "$DB" --models "$M" --case B --format csv --no-store --lang en
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
c = [r for r in rows if r["type"] == "case"][0]
s4 = [r for r in rows if r["type"] == "step" and r["step"] == "4"][0]
print(c["start"], c["end"], "|", c["start_local"], "|", c["end_local"], "|", s4["start"], "|", s4["start_local"], "|", s4["end_local"])')
expect_eq "csv: ISO start/end kept, local form beside them (step 4: 13:00-15:00)" "$got" \
	"2025-05-09T09:00:00+07:00 2025-05-15T15:00:00+07:00 | 9 May 2025 09:00 WIB | 15 May 2025 15:00 WIB | 2025-05-15T13:00:00+07:00 | 15 May 2025 13:00 WIB | 15 May 2025 15:00 WIB"
got=$(printf '%s\n' "$OUT" | python3 -c '
import csv, sys
print(sorted({len(r) for r in csv.reader(sys.stdin)}))')
expect_eq "csv: every row has the header's 17 fields (office last: test_report_field5.sh)" "$got" "[17]"

run "$MUTU" audit --db "$DB" --models "$M" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format html \
	--out "$TMP/a.html" --no-store --lang en
got=$(grep -o '<title>[^<]*</title>' "$TMP/a.html")
expect_eq "html --lang en: the title's as-of in local form" "$got" \
	"<title>SOP audit: SOP uji-sla, 2025-05-01 .. 2025-05-31; as of 28 May 2025 10:00 WIB</title>"
