#!/usr/bin/env bash
# tests/cli/test_report.sh - mutu report monthly and mutu audit on real files:
# the hand-made log tests/data/logs/uji-sla.csv (model tests/data/models/
# uji-sla.ini, calendar id-wib) and the real WABO log.
#
# Hand computation for May 2025 (id-wib: Mon-Thu 07:30-12:00, 13:00-16:00,
# Fri 07:30-11:30, 13:00-16:30, 450 min a day; 1, 12 (LN), 13 (CB), 29 (LN),
# 30 (CB) May closed: 17 working days).  The clock runs from the end of
# step 2 (front-office check) to the end of step 4 (Kepala Dinas signs the
# SK, the office's last step); step 5 (Pemohon menerima SK) is the
# applicant's and not counted (sla.h).  Ceiling (3 Hari) = 1350 min; exact
# sum 2 Hari 2 Jam = 1020 min.
#   A  Thu 15 09:40 -> Mon 19 14:00: 320 + 450 + 330        = 1100 min  in time (exact: late)
#   B  Fri 9 09:00 -> Thu 15 15:00 (Mon 12 LN, Tue 13 CB):
#      360 + 450 + 390                                      = 1200 min  in time (exact: late);
#      the applicant came for the SK Fri 16 10:30, past the deadline (Fri
#      09:00): applicant_late, not the office's (until the clock stopped
#      at the office's last step B ran to 10:30, 1440 min, late by 90)
#   C  Mon 19 09:15 -> Fri 23 08:30 = 1755, paused at the applicant
#      Tue 20 10:00 -> Wed 21 14:00 = 630                   = 1125 min  in time (exact: late)
#   G  (id "<script>...") Tue 20 08:45 -> Thu 22 08:30:
#      375 + 450 + 60                                       =  885 min  in time (exact too)
#   D, E open at month end (E accepted 2 May: 7530 min, past the ceiling).
#   F finished in April (Tue 22 08:20 -> Thu 24 08:30: 910, in time).
# So: finished 4, within 4 (100,0%), within exact 1 (25,0%); lead times
# 885, 1100, 1125, 1200: median (1100 + 1125) / 2 = 1112.5 min = 2.4722 Hari,
# p90 at rank 2.7: 1125 + 0.7 x 75 = 1177.5 min = 2.6167 Hari, max 1200 =
# 2.6667 Hari.
# Arrivals (first event) in May: E 2, B 9, A 15, C 19, G 20, D 28 = 6.
. tests/cli/lib.sh

DB="$TMP/uji.db"
RD="$TMP/rep"
MODELS=tests/data/models
run "$MUTU" ingest tests/data/logs/uji-sla.csv --db "$DB" --sop uji-sla --models "$MODELS" --quiet
expect_rc "ingest the hand-made log" 0

run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --format json
expect_rc "report json exit 0" 0
J="$RD/report-2025-05.json"
got=$(python3 - "$J" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
g = [x for x in d["groups"] if x["id"] == "uji-sla"][0]["summary"]
print(g["finished"], g["within"], round(g["share_within"], 4), round(g["share_within_exact"], 4),
      round(g["lead_median"] / 450, 4), round(g["lead_p90"] / 450, 4), round(g["lead_max"] / 450, 4),
      g["open_at_month_end"], g["open_past_ceiling"], g["working_days"], g["arrivals"], g["completions"],
      g["ceiling_rounded"] / 450, g["clock_start_step"])
EOF
)
# (JSON durations are working minutes since mutu.report/2: divided by the
# 450-minute working day they give the working days worked out by hand)
expect_eq "monthly numbers (hand-computed)" "$got" "4 4 1 0.25 2.4722 2.6167 2.6667 2 1 17 6 4 3.0 2"
got=$(python3 - "$J" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
g = [x for x in d["groups"] if x["id"] == "uji-sla"][0]
s = g["slowest"][0]
t = {r["month"]: (r["finished"], r["within"]) for r in g["trend"]}
print(s["case"], s["late_step"], round(s["over"]), t["2025-04"], t["2025-05"], len(g["trend"]))
EOF
)
# B is the slowest (1200 min), in time: no late step, nothing over
expect_eq "slowest case, its late step, trend" "$got" "B None 0 (1, 1) (4, 4) 12"

# CSV carries the same numbers as JSON
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --format csv
expect_rc "report csv exit 0" 0
got=$(python3 - "$J" "$RD/report-2025-05.csv" <<'EOF'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
have = {}
for r in rows:
    have[(r["group"], r["section"], r["item"], r["metric"])] = r["value"]
bad = n = 0
for g in d["groups"]:
    for sec, val in g.items():
        items = [("", val)] if isinstance(val, dict) else []
        if isinstance(val, list):
            for r in val:
                key = {"steps": "no", "actors": "actor", "slowest": "case", "trend": "month",
                       "open_cases": "case", "daily": "date"}.get(sec)
                if key:
                    it = r[key]
                    items.append(("?" if it is None else str(int(it)) if isinstance(it, (int, float)) else it, r))
        for item, obj in items:
            dm = g["summary"].get("day_minutes", 450)
            for k, v in obj.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    n += 1
                    # JSON durations are minutes (mutu.report/2); CSV keeps
                    # its /1 keys and units: hours, working days, calendar days
                    cands = [(k, 1), (k + "_hours", 60), (k + "_minutes", 1),
                             (k + "_days", 1440 if k.startswith("calendar") else dm)]
                    if k == "calendar_lead":
                        cands = [("calendar_days", 1440)]
                    for ck, div in cands:
                        c = have.get((g["id"], sec, item, ck))
                        if c is not None:
                            break
                    if c is None or abs(float(c) - v / div) > 1e-9 * max(1, abs(v / div)):
                        bad += 1
print(n > 200, bad)
EOF
)
expect_eq "csv and json carry the same numbers" "$got" "True 0"
case "$(head -1 "$RD/report-2025-05.csv")" in group,section,item,metric,value*) ok "csv header" ;; *) not_ok "csv header" ;; esac
# the case id that looks like markup stays data, readable by a CSV reader
got=$(python3 -c "
import csv
rows=list(csv.DictReader(open('$RD/report-2025-05.csv', newline='')))
print(sum(1 for r in rows if r['group']=='uji-sla' and r['section']=='slowest' and r['metric']=='case' and r['value']==\"<script>document.title='pwned'</script>\"))")
expect_eq "csv keeps the odd case id as text" "$got" "1"

# HTML (default), Indonesian numbers, charts written next to it
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD"
expect_rc "report html exit 0" 0
H="$RD/report-2025-05.html"
got=$(grep -c "100,0%" "$H")
[ "$got" -ge 1 ] && ok "html: share in Indonesian style (100,0%)" || not_ok "html: 100,0%" "$(grep -o 'dalam batas[^<]*' "$H" | head -3)"
grep -q "Laporan Kepatuhan SOP Mei 2025" "$H" && ok "html: Indonesian title" || not_ok "html: Indonesian title"
grep -q "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" "$H" && ok "html: case id escaped" || not_ok "html: case id escaped"
grep -q "<script" "$H" && not_ok "html: no script element" || ok "html: no script element"
grep -q "Content-Security-Policy" "$H" && ok "html: CSP forbids scripts" || not_ok "html: CSP"
n=$(grep -o 'src="data:image/svg+xml;base64,' "$H" | wc -l)
expect_eq "html: 4 charts inline (one SOP)" "$n" "4"
n=0
for k in lead steps trend daily; do
	for e in svg png; do
		[ -s "$RD/report-2025-05-sop-uji-sla-$k.$e" ] && n=$((n + 1))
	done
done
expect_eq "charts as SVG and PNG next to the report" "$n" "8"
python3 - "$RD"/report-2025-05-sop-uji-sla-*.svg <<'EOF' && ok "chart SVGs are well-formed XML" || not_ok "chart SVGs are well-formed XML"
import sys, xml.etree.ElementTree as ET
for p in sys.argv[1:]:
    ET.parse(p)
EOF
head -c 8 "$RD/report-2025-05-sop-uji-sla-lead.png" | od -An -c | grep -q "P   N   G" && ok "chart PNG is a PNG" || not_ok "chart PNG is a PNG"
# no late case this month (B was late only by the applicant's receipt):
# the summary says so
grep -q "tidak ada yang terlambat" "$H" && ok "html: no late case, said so" || not_ok "html: no late case"

run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --lang en
expect_rc "report --lang en exit 0" 0
grep -q "SOP Compliance Report May 2025" "$H" && grep -q "100.0%" "$H" && ok "html --lang en: English labels, 100.0%" || not_ok "html --lang en"

run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --format md
expect_rc "report md exit 0" 0
M="$RD/report-2025-05.md"
grep -q "^| No. |" "$M" && grep -q "100,0%" "$M" && ok "markdown tables" || not_ok "markdown tables" "$(head -20 "$M")"
# Markdown's own escape (a backslash), not HTML's entities: G's id reads
# \<script\>document.title='pwned'\</script\> and no raw tag is left
grep -qF "\\<script\\>document.title='pwned'\\</script\\>" "$M" && ! grep -q "[^\\]<script" "$M" &&
	ok "markdown escapes markup" || not_ok "markdown escapes markup" "$(grep script "$M")"

# --ceiling exact: 1 of 4 within the 1020-minute sum
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$TMP/ex" --format json --ceiling exact
got=$(python3 -c "import json,sys; d=json.load(open('$TMP/ex/report-2025-05.json')); g=[x for x in d['groups'] if x['id']=='uji-sla'][0]['summary']; print(g['within'], g['ceiling_used'])")
expect_eq "--ceiling exact" "$got" "1 exact"

# --month latest is the latest month that holds a finished case (issue 8):
# the latest completion is 23 May: 2025-05
run "$MUTU" report monthly --month latest --db "$DB" --models "$MODELS" --out "$TMP/la" --format json
expect_out_has "--month latest is the latest month with a finished case" "report-2025-05.json"

# errors
run "$MUTU" report monthly --month 2025-13 --db "$DB" --models "$MODELS" --out "$RD"
expect_rc "bad month: exit 2" 2
expect_err_has "bad month: says the form" "YYYY-MM"
run "$MUTU" report monthly --month 2025-05 --db "$TMP/none.db" --out "$RD"
expect_rc "missing store: exit 2" 2
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --sop tidak-ada
expect_rc "unknown SOP: exit 2" 2
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --format pdf
expect_rc "bad format: exit 2" 2
run env MUTU_GNUPLOT=/nonexistent/gnuplot "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$TMP/ng"
expect_rc "no gnuplot: exit 1" 1
expect_err_has "no gnuplot: names the package" "gnuplot-nox"
[ -e "$TMP/ng/report-2025-05.html" ] && not_ok "no gnuplot: no report without charts" || ok "no gnuplot: no report without charts"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --out "$RD" --models "$TMP"
expect_rc "no model for the store's SOP: still a report" 0
expect_err_has "no model: says which SOP was skipped" "uji-sla"

# ---- audit ----
run "$MUTU" audit --db "$DB" --models "$MODELS" --case B
expect_rc "audit --case B exit 0" 0
expect_out_has "audit B: in time (the office signed Thu 15:00)" "tepat waktu"
expect_out_has "audit B: the applicant's receipt past the deadline, not the office's" \
	"[PEMOHON-LAMA] langkah 5 (pemohon) selesai lewat batas waktu, 4,0 jam setelah kantor selesai"
expect_out_has "audit B: same person checked and approved" "orang yang sama (budi) memeriksa (langkah 2) dan menyetujui (langkah 4)"
expect_out_has "audit B: step 4 over its waktu" "langkah 4 lewat waktu: 2,0 jam > 1,0 jam"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case C --lang en
expect_out_has "audit C: paused at the applicant (630 min = 1,4 d)" "clock paused 1.4 d"
expect_out_has "audit C: rework" "step 2 repeated"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case A
expect_out_has "audit A: actor other than the SOP's" "langkah 3 dikerjakan oleh Kepala Bidang, menurut SOP oleh Tim Teknis"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case nope
expect_rc "audit unknown case: exit 2" 2
run "$MUTU" audit --db "$DB" --models "$MODELS" --sop uji-sla --from 2025-05-31 --to 2025-05-01
expect_rc "audit --to before --from: exit 2" 2
run "$MUTU" audit --db "$DB" --models "$MODELS" --case A --sop uji-sla
expect_rc "audit --case with --sop: exit 2" 2

# Cases that arrived in May: A B C D E G.  Flags by hand: late E
# (open, aged to the store's latest event, D's step 3 start Wed 28 May
# 10:00: 7230 min > the 1350-min ceiling; D, accepted 28 May 09:30, is 30
# min old), not B (in time to the signing); applicant_late B; paused C;
# same person B; rework C (steps 1-3 twice); not in the SOP G (the <img>
# activity); actor A (Kabid at step 3); over A (step 3), B, C (the
# resubmission and the second check), D and E (check 30 min against 15).
# an audit only reads unless --save (issue 13): every audit above ran
# without it, so the store has no flags table yet
got=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'audit_flags'")
expect_eq "audit without --save writes nothing to the store" "$got" "0"
run "$MUTU" audit --db "$DB" --models "$MODELS" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format json --save
expect_rc "audit json exit 0" 0
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
d=json.load(sys.stdin); f=d['summary']['by_flag']
print(d['summary']['cases'], f['late'], f['paused'], f['same_person'], f['rework'], f['unknown'], f['actor'], f['over'], f['missing'], f['order'], f['applicant_late'])")
expect_eq "audit summary by flag (hand-counted)" "$got" "6 1 1 1 1 1 1 5 0 0 1"
got=$(sqlite3 "$DB" "SELECT count(DISTINCT case_id), sum(flag = 'late'), sum(flag = 'paused'), sum(flag = 'applicant_late') FROM audit_flags")
expect_eq "flags stored in audit_flags" "$got" "6|1|1|1"
run "$MUTU" audit --db "$DB" --models "$MODELS" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format csv --no-store
got=$(printf '%s\n' "$OUT" | python3 -c "
import csv,sys
rows=list(csv.DictReader(sys.stdin))
c=[r for r in rows if r['type']=='case' and r['case']=='B'][0]
print(c['actual_hours'], c['standard_hours'], c['flags'])")
# B: 1200 min = 20 h against 1350 min = 22.5 h (to the signing)
expect_eq "audit csv: case B hours and flags" "$got" "20 22.5 over;same_person;applicant_late"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case B --format html --out "$TMP/a.html"
expect_rc "audit html exit 0" 0
grep -q "<script" "$TMP/a.html" && not_ok "audit html: no script" || ok "audit html: no script"

# ---- the real WABO log: case durations (24x7) against an independent scan ----
W="$TMP/wabo.db"
run "$MUTU" ingest datasets/logs/wabo-receipt.csv --db "$W" --quiet
expect_rc "ingest WABO" 0
"$MUTU" audit --db "$W" --from 2010-01-01 --to 2012-12-31 --format csv --no-store >"$TMP/wabo.csv" 2>"$TMP/err"
got=$(python3 - datasets/logs/wabo-receipt.csv "$TMP/wabo.csv" <<'EOF'
# Independent: per case, last time:timestamp minus first, in hours; and the
# share of cases whose last event is at or before case:enddate_planned.
import csv, sys
from datetime import datetime
first, last, planned = {}, {}, {}
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    c = r["case:concept:name"]
    t = datetime.fromisoformat(r["time:timestamp"])
    first[c] = min(first.get(c, t), t)
    last[c] = max(last.get(c, t), t)
    planned[c] = datetime.fromisoformat(r["case:enddate_planned"])
mine = {}
for r in csv.DictReader(open(sys.argv[2], newline="")):
    if r["type"] == "case":
        mine[r["case"]] = float(r["actual_hours"])
bad = sum(1 for c in first if abs((last[c] - first[c]).total_seconds() / 3600 - mine.get(c, -1)) > 1e-3)
ontime = sum(1 for c in first if last[c] <= planned[c])
print(len(first), len(mine), bad, ontime)
EOF
)
set -- $got
expect_eq "WABO: 1434 cases, durations match the independent scan" "$1 $2 $3" "1434 1434 0"
ONTIME=$4
"$MUTU" audit --db "$W" --from 2010-01-01 --to 2012-12-31 --format json --no-store >"$TMP/wabo.json" 2>/dev/null
got=$(python3 -c "
import json; d=json.load(open('$TMP/wabo.json'))
print(sum(1 for c in d['cases'] if c['finished'] and not c['late_planned']))")
expect_eq "WABO: cases finished by their planned end date" "$got" "$ONTIME"
echo "# WABO: $ONTIME of 1434 cases ($(python3 -c "print(f'{100*$ONTIME/1434:.1f}')")%) finished by case:enddate_planned"
# one month: June 2011 at the offset the stamps carry (WABO: +01:00/+02:00,
# issue 8: a log without a model is cut at its own stamps' local midnight,
# no longer in UTC), finished = cases whose last event falls in it
run "$MUTU" report monthly --month 2011-06 --db "$W" --out "$TMP/wo" --format json
got=$(python3 - datasets/logs/wabo-receipt.csv "$TMP/wo/report-2011-06.json" <<'EOF'
import csv, json, sys
from datetime import datetime, timezone
first, last, planned = {}, {}, {}
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    c = r["case:concept:name"]
    t = datetime.fromisoformat(r["time:timestamp"])  # aware: compared as instants, month as written
    first[c] = min(first.get(c, t), t)
    last[c] = max(last.get(c, t), t)
    planned[c] = datetime.fromisoformat(r["case:enddate_planned"])
june = [c for c in last if last[c].year == 2011 and last[c].month == 6]
ontime = sum(1 for c in june if last[c] <= planned[c])
durs = sorted((last[c] - first[c]).total_seconds() / 86400 for c in june)
g = [x for x in json.load(open(sys.argv[2]))["groups"] if x["id"] == "no-sop"][0]["summary"]
print(len(june) == g["finished"], ontime == round(g["share_by_planned_date"] * g["with_planned_date"]),
      abs(durs[-1] * 1440 - g["lead_max"]) < 1e-3, len(june) > 0)
EOF
)
expect_eq "WABO June 2011: finished, by planned date, max lead (independent)" "$got" "True True True True"

# ==== QA defects (issue 5 review) ====

# 1. XES start/complete rows are one step execution each (tests/data/logs/
# uji-xes.csv, model uji-sla, id-wib).  Case X by hand: step 1 08:00-08:20 =
# 20 min, 2 08:30-08:40 = 10, 3 Mon 5 May 09:00 -> Tue 6 10:00 = 180 + 180 +
# 150 = 510 min = 8.5 h, 4 10:30-11:30 = 60, 5 13:00-13:15 = 15; clock Mon
# 08:40 -> Tue 11:30 (step 4, the office's last; step 5 the applicant's):
# 200 + 180 + 240 = 620 min; none over, none repeated.  Case Y: step 2 started, never completed: one open step.
X="$TMP/xes.db"
run "$MUTU" ingest tests/data/logs/uji-xes.csv --db "$X" --sop uji-sla --models "$MODELS" --quiet
expect_rc "xes: ingest" 0
run "$MUTU" audit --db "$X" --models "$MODELS" --sop uji-sla --from 2025-05-01 --to 2025-05-31 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
d=json.load(sys.stdin); c={x['case']:x for x in d['cases']}
x=c['X']; y=c['Y']
print(len(x['steps']), [round(s['actual']) for s in x['steps']], round(x['working']),
      any(s['from_previous_completion'] for s in x['steps']), x['flags'],
      len(y['steps']), y['steps'][1]['end'], y['steps'][1]['start'])")
expect_eq "xes: start/complete paired (hand-computed)" "$got" \
	"5 [20, 10, 510, 60, 15] 620 False [] 2 None 2025-05-07T08:15:00+07:00"
run "$MUTU" report monthly --month 2025-05 --db "$X" --models "$MODELS" --out "$TMP/xr" --format json
got=$(python3 -c "import json; d=json.load(open('$TMP/xr/report-2025-05.json')); print(d['completion_only'])")
expect_eq "xes: report not marked completion-only" "$got" "False"

# 2. audit of an open case ages it to an as-of instant.  E accepted Fri 2
# May 09:30, step 3 open.  As of 1 Jun 00:00: 7530 min = 125.5 h (see the
# header), past the 1350-min ceiling by 6180 min = 103 h.  Default as-of =
# the store's latest event, D's step 3 start Wed 28 May 10:00: 7530 - (28
# May 10:00-12:00 120 + 13:00-16:00 180) = 7230 min = 120.5 h.
run "$MUTU" audit --db "$DB" --models "$MODELS" --case E --as-of 2025-06-01 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
d=json.load(sys.stdin); c=d['cases'][0]
print(c['working'], c['late'], c['over'], c['as_of'], c['flags'])")
expect_eq "audit --as-of: open case aged and late (and its check over, as before)" "$got" "7530 True 6180 2025-06-01T00:00:00+07:00 ['over', 'late']"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case E --no-store
# (shown in the office's local form, as the HTML audit: 28 Mei 2025 10:00 WIB)
expect_out_has "audit: default as-of is the latest event" "per 28 Mei 2025 10:00 WIB"
expect_out_has "audit: open case age to the as-of" "16,1 hari"
expect_out_has "audit: open case flagged late" "[TERLAMBAT]"
run "$MUTU" audit --db "$DB" --models "$MODELS" --case E --as-of yesterday
expect_rc "audit --as-of bad: exit 2" 2

# 3. a month outside the calendar's years (id-wib covers 2024-2026)
run "$MUTU" report monthly --month 2027-01 --db "$DB" --models "$MODELS" --out "$TMP/o27"
expect_rc "month outside the calendar: exit 2" 2
expect_err_has "month outside the calendar: says the years" "calendar id-wib covers 2024-2026; 2027-01 is outside it"
[ -e "$TMP/o27" ] && not_ok "month outside the calendar: nothing written" || ok "month outside the calendar: nothing written"
L="$TMP/late.db"
cat >"$TMP/l27.csv" <<'CSV'
case_id,step,activity,actor,start,end
Z,1,Pemohon mengajukan permohonan,Pemohon,2027-03-01T08:00:00+07:00,2027-03-01T08:20:00+07:00
Z,1,Pemohon mengajukan permohonan,Pemohon,2027-04-01T08:00:00+07:00,2027-04-01T08:20:00+07:00
CSV
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$L" --sop uji-sla --models "$MODELS" --quiet
"$MUTU" ingest "$TMP/l27.csv" --db "$L" --sop uji-sla --models "$MODELS" --quiet 2>/dev/null
# --month latest is the latest month that holds a finished case (issue 8):
# Z never finishes (step 1 only, twice) and lies past the calendar, so it
# cannot make 'latest' a month past the calendars (that was 2026-12 before,
# an empty month); the month is May 2025 as for the store without Z
# (last finished case 23 May).
run "$MUTU" report monthly --month latest --db "$L" --models "$MODELS" --out "$TMP/ol" --format json
expect_rc "latest past the calendars: exit 0" 0
expect_out_has "latest with an unfinished case past the calendars: the latest month with a finished case" "report-2025-05.json"

# 4. bad report options
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --calendar nope
expect_rc "--calendar nope: exit 2" 2
expect_err_has "--calendar nope: lists the calendars" "id-wib"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$RD" --clock-start 99
expect_rc "--clock-start 99: exit 2" 2
expect_err_has "--clock-start 99: names the SOP and its steps" "SOP 'uji-sla': it has 5 steps"

# 5. the SOP lint in the report's language (uji-lint: declared 2 Hari 1 Jam
# 55 Menit, steps 2 Hari 2 Jam: gap +5 Menit)
LD="$TMP/lint.db"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$LD" --sop uji-lint --models tests/data/models-lint --quiet
run "$MUTU" report monthly --month 2025-05 --db "$LD" --models tests/data/models-lint --out "$TMP/li" --format md
grep -q "^- jumlah yang dinyatakan 2 Hari 1 Jam 55 Menit, jumlah waktu langkah 2 Hari 2 Jam: selisih +5 Menit$" "$TMP/li/report-2025-05.md" \
	&& ok "lint in Indonesian" || not_ok "lint in Indonesian" "$(grep -A3 'Pemeriksaan SOP' "$TMP/li/report-2025-05.md")"
grep -q "declared" "$TMP/li/report-2025-05.md" && not_ok "lint: no English in the Indonesian report" || ok "lint: no English in the Indonesian report"
run "$MUTU" report monthly --month 2025-05 --db "$LD" --models tests/data/models-lint --out "$TMP/li" --format md --lang en
grep -q "^- declared 2 days 1 hour 55 minutes, the steps sum to 2 days 2 hours: gap +5 minutes$" "$TMP/li/report-2025-05.md" \
	&& ok "lint in English" || not_ok "lint in English"
run "$MUTU" report monthly --month 2025-05 --db "$LD" --models tests/data/models-lint --out "$TMP/li" --format json
got=$(python3 -c "
import json; g=[x for x in json.load(open('$TMP/li/report-2025-05.json'))['groups'] if x['id']=='uji-lint'][0]['summary']
print(g['steps_total'], g['declared_total'], g['lint_gap'])")
# 2 Hari 2 Jam = 2 x 450 + 120 = 1020; declared 900 + 115 = 1015
expect_eq "lint numbers in json" "$got" "1020 1015 5"

# 6. audit of an SOP no case names
run "$MUTU" audit --db "$DB" --models "$MODELS" --sop nosuch --from 2025-05-01 --to 2025-05-31
expect_rc "audit --sop nosuch: exit 2" 2
expect_err_has "audit --sop nosuch: says so" "no cases of SOP 'nosuch'"

# 7a. gnuplot missing or failing: nothing left behind
[ -e "$TMP/ng" ] && not_ok "no gnuplot: no folder left" "$(ls -R "$TMP/ng")" || ok "no gnuplot: no folder left"
mkdir -p "$TMP/ng2"
run env MUTU_GNUPLOT=/bin/false "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$TMP/ng2"
expect_rc "gnuplot fails: exit 1" 1
expect_eq "gnuplot fails: the charts folder is removed, --out kept" "$(ls -A "$TMP/ng2")" ""
# 7b. office share within the exact sum: the only SOP's 1 of 4 = 0.25
got=$(python3 -c "import json; print(json.load(open('$J'))['office']['summary']['share_within_exact'] if 'office' in json.load(open('$J')) else [x for x in json.load(open('$J'))['groups'] if x['id']=='office'][0]['summary']['share_within_exact'])" 2>&1)
expect_eq "office share_within_exact computed" "$got" "0.25"
# 7c. CSV formula injection: text cells starting with = + - @ get a leading '
I="$TMP/inj.db"
cat >"$TMP/inj.csv" <<'CSV'
case_id,activity,resource,start_date,end_date
=HYPERLINK("x"),@SUM(A1),+62811,2025-05-05T08:00:00+02:00,2025-05-05T09:00:00+02:00
=HYPERLINK("x"),-cmd,r2,2025-05-06T08:00:00+02:00,2025-05-06T09:00:00+02:00
CSV
"$MUTU" ingest "$TMP/inj.csv" --db "$I" --quiet
run "$MUTU" report monthly --month 2025-05 --db "$I" --out "$TMP/inj" --format csv
got=$(python3 -c "
import csv
vals=[r['value'] for r in csv.DictReader(open('$TMP/inj/report-2025-05.csv', newline=''))]+[r['item'] for r in csv.DictReader(open('$TMP/inj/report-2025-05.csv', newline=''))]
bad=[v for v in vals if v and (v[0] in '=+@' or (v[0]=='-' and not v.lstrip('-').replace('.','').replace('e','').isdigit()))]
print(len(bad), \"'@SUM(A1)\" in vals, \"'+62811\" in vals, \"'-cmd\" in vals, '1' in vals)")
expect_eq "report csv: formula-like text prefixed with ', numbers not" "$got" "0 True True True True"
# 7d. no model: no '% over waktu' or excess columns (there is no waktu)
run "$MUTU" report monthly --month 2011-06 --db "$W" --out "$TMP/wh"
grep -q "lewat waktu\|kelebihan" "$TMP/wh/report-2011-06.html" && not_ok "WABO html: no over/excess columns" || ok "WABO html: no over/excess columns"
run "$MUTU" report monthly --month 2025-05 --db "$DB" --models "$MODELS" --out "$TMP/mh"
grep -q "lewat waktu" "$TMP/mh/report-2025-05.html" && ok "model report keeps the over column" || not_ok "model report keeps the over column"
# 7e. WABO audit times at the offset the log wrote (+02:00 for case-10011)
run "$MUTU" audit --db "$W" --case case-10011 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['cases'][0]['steps'][0]['end'])")
expect_eq "WABO audit: event time at the log's offset" "$got" "2011-10-11T13:45:40+02:00"
# 8. a case whose last event is the end of the clock-start check (step 2):
# accepted there (a completion-only log shows nothing while the file sits
# in step 3).  H: step 2 ends Fri 2 May 09:30, as E: as of 1 Jun 00:00 7530
# min = 125.5 h, late by 6180 min = 103 h (section 2).  R: rejected at the
# check (step 1 again after it): with the applicant, not accepted.  May
# report: H open at month end and past the ceiling; R arrived, not accepted.
K="$TMP/chk.db"
cat >"$TMP/chk.csv" <<'CSV'
case_id,step,activity,actor,start,end
H,1,Pemohon mengajukan permohonan,Pemohon,2025-05-02 08:00,2025-05-02 08:30
H,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-02 09:00,2025-05-02 09:30
R,1,Pemohon mengajukan permohonan,Pemohon,2025-05-05 08:00,2025-05-05 08:30
R,2,Front Office memeriksa kelengkapan berkas,Front Office,2025-05-05 09:00,2025-05-05 09:30
R,1,Pemohon mengajukan permohonan,Pemohon,2025-05-06 08:00,2025-05-06 08:30
CSV
"$MUTU" ingest "$TMP/chk.csv" --db "$K" --sop uji-sla --models "$MODELS" --quiet
run "$MUTU" audit --db "$K" --models "$MODELS" --case H --as-of 2025-06-01 --format json --no-store
got=$(printf '%s' "$OUT" | python3 -c "
import json,sys
c=json.load(sys.stdin)['cases'][0]
print(c['accepted'], c['working'], c['late'], c['over'])")
expect_eq "audit: the check's end is the acceptance of a case with nothing after it" "$got" \
	"2025-05-02T09:30:00+07:00 7530 True 6180"
run "$MUTU" audit --db "$K" --models "$MODELS" --case R --as-of 2025-06-01 --no-store
expect_out_has "audit: a case sent back at the check is not accepted" "diterima lengkap: -"
run "$MUTU" report monthly --month 2025-05 --db "$K" --models "$MODELS" --out "$TMP/chk" --format json
got=$(python3 -c "
import json; d=json.load(open('$TMP/chk/report-2025-05.json'))
g=[x for x in d['groups'] if x['id']=='uji-sla'][0]['summary'] if 'groups' in d else d['summary']
print(g['open_at_month_end'], g['open_past_ceiling'], g['open_not_accepted'])" 2>&1)
expect_eq "report: checked case open and past the ceiling, rejected one not accepted" "$got" "1 1 1"
# 9. the audit header shows the end at the offset the log wrote for it
# (case-10011's last event 2011-11-24 15:37:17+01:00, its first +02:00),
# and the default as-of is the latest event of the audited SOP's cases
# (WABO: none), at its logged offset, even when the store holds later data
# of another SOP (uji-sla, May 2025).
W2="$TMP/wabo2.db"
cp "$W" "$W2"
"$MUTU" ingest tests/data/logs/uji-sla.csv --db "$W2" --sop uji-sla --models "$MODELS" --quiet
want=$(python3 - datasets/logs/wabo-receipt.csv <<'EOF'
# Independent: the latest time:timestamp of the log at the offset written
# with it, in the audit's local form: the minute it falls in (seconds cut,
# as a clock shows it), Indonesian month, the logged offset (no zone name
# without a model).
import csv, sys
from datetime import datetime
rows = [r["time:timestamp"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"))]
d = max((datetime.fromisoformat(t) for t in rows))
mon = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"][d.month - 1]
off = d.utcoffset().total_seconds() / 60
print("%d %s %d %02d:%02d %s%02d:%02d" % (d.day, mon, d.year, d.hour, d.minute, "-" if off < 0 else "+",
                                          abs(off) // 60, abs(off) % 60))
EOF
)
run "$MUTU" audit --db "$W2" --case case-10011 --no-store
expect_out_has "WABO audit: the end at the offset logged for it" "selesai: 24 Nov 2011 15:37 +01:00"
expect_out_has "WABO audit: default as-of = the SOP's latest event ($want)" "per $want"
