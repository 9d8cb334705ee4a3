#!/usr/bin/env bash
# tests/cli/test_audit_nomodel.sh - the audit of a case without an SOP
# model: no calendar is known, so its times are measured 24 hours a day
# (sla.c) and must be labelled calendar time, never "waktu kerja" /
# "working time".  Before: "waktu kerja: 1,0 hari" for 25 wall-clock hours
# spanning the night.
#   N1: 19 May 2025 08:00 +07:00 to 20 May 09:00 +07:00 = 25 h = 1500
#       minutes; at 1440 minutes a day "1 Hari 1 Jam" (1,0 hari shown).
#       On id-wib it would be 19 May 08:00-16:00 less the hour's break
#       (420) + 20 May 07:30-09:00 (90) = 510 working minutes: 1500 is
#       only the wall-clock count.
#   N2: open, first stamp 19 May 08:00 +07:00, aged to 21 May 08:00
#       +07:00 = 48 h = 2880 minutes = 2 Hari.
. tests/cli/lib.sh

cat >"$TMP/log.csv" <<'CSV'
case_id,step,activity,actor,start,end
N1,1,Pemohon mengajukan permohonan,Pemohon,2025-05-19 08:00:00+07:00,2025-05-19 08:30:00+07:00
N1,2,Front Office memeriksa,Front Office,2025-05-19 09:00:00+07:00,2025-05-20 09:00:00+07:00
N2,1,Pemohon mengajukan permohonan,Pemohon,2025-05-19 08:00:00+07:00,
CSV
DB="$TMP/n.db"
"$MUTU" ingest "$TMP/log.csv" --db "$DB" --quiet
A=(--db "$DB" --from 2025-05-01 --to 2025-05-31 --as-of 2025-05-21T08:00:00+07:00)

run "$MUTU" audit "${A[@]}"
expect_rc "no model: exit 0" 0
expect_out_has "no model: finished case labelled calendar time" "   waktu kalender (tanpa model: 24 jam sehari): 1,0 hari"
expect_out_has "no model: open case's age labelled calendar time" \
	"   umur (waktu kalender, tanpa model: 24 jam sehari) per 21 Mei 2025 08:00 +07:00: 2,0 hari"
expect_eq "no model: never called waktu kerja" "$(printf '%s' "$OUT" | grep -c 'waktu kerja')" 0

run "$MUTU" audit "${A[@]}" --lang en
expect_out_has "no model, en: calendar time" "   calendar time (no model: 24 h a day): 1.0 d"
expect_eq "no model, en: never called working time" "$(printf '%s' "$OUT" | grep -c 'working time')" 0

run "$MUTU" audit "${A[@]}" --format html --out "$TMP/a.html"
expect_eq "no model, html: calendar time, not waktu kerja" \
	"$(grep -c 'waktu kalender (tanpa model' "$TMP/a.html") $(grep -c 'waktu kerja' "$TMP/a.html")" "1 0"

run "$MUTU" audit "${A[@]}" --format json
got=$(printf '%s' "$OUT" | python3 -c "
import json, sys
d = json.load(sys.stdin)
print('no working calendar' in d['units']['duration_kind'], *[(c['case'], c['sop'], c['working']) for c in d['cases']])")
expect_eq "no model, json: the units say so; 1500 and 2880 wall-clock minutes" "$got" \
	"True ('N1', None, 1500) ('N2', None, 2880)"

# a case with a model keeps its label: working time on its calendar
M=tests/data/models
printf 'case_id,step,activity,actor,start,end\nR1,1,Pemohon mengajukan permohonan,Pemohon,2025-05-19 08:00:00,2025-05-19 08:30:00\n' >"$TMP/m.csv"
"$MUTU" ingest "$TMP/m.csv" --db "$TMP/m.db" --sop uji-sla --models "$M" --quiet
run "$MUTU" audit --db "$TMP/m.db" --models "$M" --case R1
expect_out_has "with a model: still waktu kerja" "   umur (waktu kerja)"
