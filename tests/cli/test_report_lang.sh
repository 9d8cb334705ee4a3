#!/usr/bin/env bash
# test_report_lang.sh - the month's notes (skipped cases, SOPs left out)
# are written in the report's language: Bahasa Indonesia by default, English
# with --lang en (they were English in every report).  The log names two
# SOPs, 'lama' and 'baru', one case each, and no model exists for either:
# each SOP gets one "skipped" note with its count 1.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/lo.csv" <<'CSV'
case_id,sop,activity,start,end
L1,lama,Terima,2009-03-02T09:00:00+07:00,2009-03-02T10:00:00+07:00
N1,baru,Terima,2011-06-06T09:00:00+07:00,2011-06-07T10:00:00+07:00
CSV
"$MUTU" ingest "$TMP/lo.csv" --db "$TMP/lo.db" --quiet 2>/dev/null
run "$MUTU" report monthly --month 2011-06 --db "$TMP/lo.db" --models "$TMP" --format md --out "$TMP/id"
expect_rc "report without models: exit 0" 0
got=$(grep -c "^> 1 kasus SOP '\(lama\|baru\)' dilewati: " "$TMP/id/report-2011-06.md")
expect_eq "Indonesian report: both skip notes in Bahasa Indonesia" "$got" "2"
got=$(grep -c "case(s) of SOP" "$TMP/id/report-2011-06.md")
expect_eq "Indonesian report: no English note" "$got" "0"
run "$MUTU" report monthly --month 2011-06 --db "$TMP/lo.db" --models "$TMP" --format json --lang en --out "$TMP/en"
got=$(python3 -c "import json,sys; n=json.load(open(sys.argv[1]))['notes']; print(sum(x.startswith(\"1 case(s) of SOP '\") and ' skipped: ' in x for x in n))" "$TMP/en/report-2011-06.json")
expect_eq "English report: both skip notes in English" "$got" "2"

# Per-pelaksana rows carry the office's own title: models/izin-insidentil.ini
# names its head of office "Kadis" (role = Kepala Dinas, steps 8 and 10);
# the synthetic log (sim --emit-log) writes the canonical "Kepala Dinas".
# The row is the model's title, as the office's SOP table writes it.
"$MUTU" ingest datasets/logs/synthetic-2025.csv --db "$TMP/syn.db" --models models --quiet 2>/dev/null
run "$MUTU" report monthly --month 2025-06 --db "$TMP/syn.db" --sop izin-insidentil --models models \
	--format json --out "$TMP/syn"
got=$(python3 -c "import json,sys; g=json.load(open(sys.argv[1]))['groups'][0]; a=[r['actor'] for r in g['actors']]; print('Kadis' in a, 'Kepala Dinas' in a)" \
	"$TMP/syn/report-2025-06-izin-insidentil.json")
expect_eq "per-pelaksana row under the model's title (Kadis, not Kepala Dinas)" "$got" "True False"
