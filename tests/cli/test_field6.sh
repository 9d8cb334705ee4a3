#!/usr/bin/env bash
# tests/cli/test_field6.sh - sixth field round: defects a real user hits
# with inputs mutu had not seen (logs of other tools, SOP tables of other
# offices), each with its fixture under tests/data/logs/field6/ and the
# expected values worked out by hand in the comments.
. tests/cli/lib.sh

F=tests/data/logs/field6

# ---- 1. the applicant's fixing time is no step's excess ----------------
# Model rf-izin (tests/data/report-field/models: Pemohon 30 Menit, Front
# Office 30 Menit -- the check, the clock starts at its end --, Tim Teknis
# 1 Hari = 450, Kepala Dinas 1 Jam; ceiling (2 Hari) = 900), calendar
# id-wib: Mon-Thu 07:30-12:00 13:00-16:00, Fri 07:30-11:30 13:00-16:30, no
# holiday in 7-11 Jul 2025.  K1, completions only:
#   Mon 7 Jul 08:00 step 1 (first event: no measure), 08:30 step 2 rejects;
#   Tue 8 Jul 10:00 step 1 again: the applicant's fixing time, Mon 08:30-
#     16:00 = 210 + 180 = 390, Tue 07:30-10:00 = 150 -> 540, before
#     acceptance; 10:30 step 2 (30): accepted, the clock starts;
#   Wed 9 Jul 10:30 step 3: Tue 90 + 180 + Wed 180 = 450 (its 1 Hari);
#   Thu 10 Jul 14:00 step 1 again: back at the applicant Wed 10:30 -> Thu
#     14:00 = 90 + 180 + 270 + 60 = 600, a pause; 14:30 step 2 (30);
#   Fri 11 Jul 10:30 step 3: Thu 90 + Fri 180 = 270; 11:30 step 4 (60).
# Working time Tue 10:30 -> Fri 11:30 = 270 + 450 + 450 + 240 = 1410 less
# the pause 600 = 810 (= 450 + 30 + 270 + 60), within 900; the deadline
# Tue 10:30 + 900 = Thu 10:30, moved on by 600: Thu 270 + Fri 240 + 90 ->
# Fri 13:00 + 90 = 14:30.  The two returns to the Pemohon (540, 600) are
# the applicant's time: no mutu baku judges them (standard null, no
# 'over').  Before: both flagged LEBIH (540 > 30, 600 > 30), and the
# monthly report's step 1 had share_over 1, excess 1080.
M=tests/data/report-field/models
DB=$TMP/jeda.db
run "$MUTU" ingest $F/jeda-pemohon.csv --db "$DB" --models $M --tz WIB --quiet
expect_rc "pause: the log ingests" 0
got=$("$MUTU" audit --case K1 --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
c = json.load(sys.stdin)['cases'][0]
print(' '.join('%d:%s/%s' % (s['step'], s['actual'], s['standard']) for s in c['steps']),
      c['working'], c['paused'], c['deadline'], c['late'], ','.join(c['flags']))")
expect_eq "pause: per step actual/standard, working, paused, deadline, verdict, flags" "$got" \
	"1:None/30 2:30/30 1:540/None 2:30/30 3:450/450 1:600/None 2:30/30 3:270/450 4:60/60 810 600 2025-07-11T14:30:00+07:00 False rework,paused"
run "$MUTU" audit --case K1 --db "$DB" --models $M
case "$OUT" in *"[LEBIH] langkah 1"*) not_ok "pause: text audit has no LEBIH finding" "$OUT" ;;
*) ok "pause: text audit has no LEBIH finding" ;; esac
expect_out_has "pause: text audit, the pause shown" "jeda di pemohon 1,3 hari"
# the monthly report agrees: step 1 never over its waktu (its share over
# is None: no office execution of step 1 is measured, see below)
got=$("$MUTU" report monthly --month 2025-07 --db "$DB" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
g = [g for g in json.load(sys.stdin)['groups'] if g['id'] == 'rf-izin'][0]
print(g['summary']['finished'], g['summary']['within'], ' '.join('%d:%s:%s' % (s['no'], s['share_over'], s['excess']) for s in g['steps']))")
expect_eq "pause: the report agrees (1 finished, within; no step over)" "$got" "1 1 1:None:0 2:0:0 3:0:0 4:0:0"

# ---- 1b. ... nor part of step 1's figures in the monthly report ----------
# Step 1 ("Pemohon", waktu 30 Menit) in the per-step table is the first
# submission measured against its waktu; the applicant's fixing time (the
# returns, 540 and 600 above) is no execution of it and is left out of
# its n, median, p90, max, and of the Pemohon actor row (README, "Returns
# to the applicant").  K1's first step 1 is its first event, completions
# only: no measure.  So K1 alone: step 1 n 0, median/max None.  Before:
# n 2, median (540 + 600) / 2 = 570, max 600 -- a p90 of 594 beside
# "0 over".
step1() { # DB -> "n median max share_over" of rf-izin's step 1, minutes
	"$MUTU" report monthly --month 2025-07 --db "$1" --models $M --format json --out - 2>/dev/null | python3 -c "
import json, sys
g = [g for g in json.load(sys.stdin)['groups'] if g['id'] == 'rf-izin'][0]
s = g['steps'][0]
print(s['n'], s['median'], s['max'], s['share_over'], 'Pemohon' in [a['actor'] for a in g['actors']])"
}
expect_eq "returns: K1's step 1 has no office execution (n 0, no median/max)" "$(step1 "$DB")" "0 None None None False"
# jeda-pemohon-lurus.csv, start and end stamps, no return: L1 step 1 Mon
# 14 Jul 08:00-08:20 = 20, L2 Wed 16 Jul 08:00-08:40 = 40 (both inside
# 07:30-12:00).  With K1 in the same store step 1 has n 2, median
# (20 + 40) / 2 = 30, max 40, and 1 of 2 over its 30 (L2) = 0.5; the
# Pemohon actor row is back (L1, L2).  Before: n 4 = {20, 40, 540, 600},
# median (40 + 540) / 2 = 290, max 600, share over 1/4 = 0.25.
run "$MUTU" ingest $F/jeda-pemohon-lurus.csv --db "$DB" --models $M --tz WIB --quiet
expect_rc "returns: the straight cases ingest" 0
expect_eq "returns: step 1 = the first submissions only (n 2, median 30, max 40, 1 of 2 over)" "$(step1 "$DB")" "2 30 40 0.5 True"

# ---- 2. Markdown is written with Markdown's escapes, not HTML's ---------
# f6-amp (tests/data/logs/field6/models) is rf-izin under the name
# 'Izin Reklame & Papan <Nama> | "Toko" '\''Kios'\''', office 'DPMPTSP Kota
# A&B', step 3 'Tim Teknis & Kasi | cek <lapangan>'; nama-simbol.csv is K1
# above under it.  In Markdown '&' before a space is a plain '&', '<' and
# '>' need a backslash (else '<Nama>' is an HTML tag, dropped by the
# renderer), '|' needs one inside a table (else it splits the cell), quotes
# need nothing.  Before: '&amp;', '&lt;Nama&gt;' in the .md (HTML entities
# the reader of the raw file sees as such).
M6=$F/models
DB=$TMP/simbol.db
"$MUTU" ingest $F/nama-simbol.csv --db "$DB" --models $M6 --tz WIB --quiet --office 'Kota A&B | <Barat>' >/dev/null 2>&1
run "$MUTU" report monthly --month 2025-07 --db "$DB" --models $M6 --format md --out "$TMP/md"
MD=$TMP/md/report-2025-07.md
expect_rc "md: written" 0
expect_eq "md: no HTML entity anywhere" "$(grep -c '&amp;\|&lt;\|&gt;\|&quot;\|&#39;' "$MD")" "0"
expect_eq "md: the SOP's heading as written, '<' '>' '|' with a backslash" \
	"$(grep '^## Izin' "$MD")" "## Izin Reklame & Papan \\<Nama\\> \\| \"Toko\" 'Kios'"
expect_eq "md: the office's name, '&' plain" "$(sed -n 3p "$MD")" "**DPMPTSP Kota A&B**"
# the step table: 10 columns, so 11 unescaped '|' on the header and on step
# 3's row, whose activity's own '|' is escaped
row=$(grep '^| 3 | Tim Teknis' "$MD")
expect_eq "md: step 3's activity in its cell" "$(cut -d'|' -f3 <<<"${row//\\|/#}")" " Tim Teknis & Kasi # cek \\<lapangan\\> "
expect_eq "md: step 3's row has the header's cells" "$(tr -cd '|' <<<"${row//\\|/}" | wc -c)" \
	"$(grep -B2 '^| 3 | Tim Teknis' "$MD" | head -1 | tr -cd '|' | wc -c)"
# the province report (--by-office), the office named '<Barat>' with a '|'
run "$MUTU" report monthly --by-office --month 2025-07 --db "$DB" --models $M6 --format md --out "$TMP/pmd"
PMD=$TMP/pmd/province-2025-07.md
expect_eq "province md: no HTML entity" "$(grep -c '&amp;\|&lt;\|&gt;\|&quot;\|&#39;' "$PMD")" "0"
prow=$(grep -F 'Kota A&B' "$PMD")
expect_eq "province md: the office's cell, '|' escaped" "$(cut -d'|' -f3 <<<"${prow//\\|/#}")" " Kota A&B # \\<Barat\\> "
expect_eq "province md: the office's row, 8 cells" "$(tr -cd '|' <<<"${prow//\\|/}" | wc -c)" "9"

# ---- 3. the province report gives each office's partial-data notes ------
# kantor-parsial.csv (office kota-x) is K1 above plus: step 4's row twice
# (1 duplicate), 'Arsip berkas' (an activity not in rf-izin: 1 event of
# July outside the SOP), K2 with the stamp '2025-07-1x 08:00' (1 row
# rejected), L1 with no SOP (1 file finished without a model);
# jeda-pemohon.csv again as office kota-y (clean: no note).  The monthly
# report of kota-x says these four; the province report must say them
# for kota-x (and nothing of the kind for kota-y), in JSON, CSV, Markdown
# and English.  Before: only the calendar notes, none of the four.
DB=$TMP/parsial.db
"$MUTU" ingest $F/kantor-parsial.csv --db "$DB" --models $M --tz WIB --office kota-x --quiet >/dev/null 2>&1
"$MUTU" ingest $F/jeda-pemohon.csv --db "$DB" --models $M --tz WIB --office kota-y --quiet >/dev/null 2>&1
Q_ID="kota-x: data tidak lengkap: 1 baris log di penyimpanan ditolak saat ingest (lihat mutu db rejected); angka laporan ini tanpa baris itu|kota-x: 1 kejadian bulan ini dengan aktivitas di luar SOP: tidak dihitung di langkah SOP mana pun|kota-x: 1 berkas selesai tanpa model SOP: tanpa batas waktu, tidak masuk persentase dalam batas SOP|kota-x: 1 baris log ganda dilewati saat ingest (dihitung sekali)"
Q_EN="kota-x: partial data: 1 log row(s) in the store were rejected at ingest (see mutu db rejected); the figures leave them out|kota-x: 1 event(s) of the month with an activity not in the SOP: counted in no step of the SOP|kota-x: 1 file(s) finished without an SOP model: no ceiling, so not in the share within the SOP ceiling|kota-x: 1 duplicate log row(s) skipped at ingest (each counted once)"
qnotes() { # LANG -> the province JSON's notes but those on mixed calendars, '|'-joined
	"$MUTU" report monthly --by-office --month 2025-07 --db "$DB" --models $M --format json --out - --lang "$1" 2>/dev/null |
		python3 -c "import json, sys; print('|'.join(n for n in json.load(sys.stdin)['notes'] if 'kalender' not in n and 'calendars' not in n))"
}
expect_eq "province: kota-x's four notes, none for kota-y (JSON)" "$(qnotes id)" "$Q_ID"
expect_eq "province: the same in English (JSON)" "$(qnotes en)" "$Q_EN"
run "$MUTU" report monthly --by-office --month 2025-07 --db "$DB" --models $M --format csv --out -
expect_out_has "province CSV: a note row, its office beside it" \
	",data tidak lengkap: 1 baris log di penyimpanan ditolak saat ingest (lihat mutu db rejected); angka laporan ini tanpa baris itu,kota-x,kota-x,note,,,,,,,,,"
expect_eq "province CSV: no note row of kota-y" "$(grep -c ',kota-y,kota-y,note,' <<<"$OUT")" "0"
run "$MUTU" report monthly --by-office --month 2025-07 --db "$DB" --models $M --format md --out "$TMP/pq" --lang en
expect_eq "province md: the duplicate rows said" "$(grep -c '^> kota-x: 1 duplicate log row(s) skipped at ingest (each counted once)$' "$TMP/pq/province-2025-07.md")" "1"

# ---- 4. org:role / org:group as the pelaksana when org:resource is missing
# org-role.xes (its header comment): the actors by hand are Verifikasi
# 'Front Office' (its org:role), Penerbitan 'Kepala Dinas' (its org:group),
# Arsip 'ani' (org:resource, the performer, wins over its org:role 'Back
# Office'), Catat none (the <global> org:role UNKNOWN is ProM's
# placeholder).  Before: only Arsip had an actor.
acts() { sqlite3 "$1" "SELECT group_concat(activity || '=' || coalesce(actor, '-'), ' ') FROM (SELECT * FROM events ORDER BY id)"; }
DB=$TMP/role-xes.db
run "$MUTU" ingest $F/org-role.xes --db "$DB"
expect_eq "xes org:role: the actors" "$(acts "$DB")" "Verifikasi=Front Office Penerbitan=Kepala Dinas Arsip=ani Catat=-"
expect_out_has "xes org:role: said" "1 event(s) without org:resource: the pelaksana (actor) read from their org:role"
# the role stays an attribute too; Penerbitan and Catat get the <global>
# default UNKNOWN there, as any attribute's default
expect_eq "xes org:role: the role stays an attribute too" \
	"$(sqlite3 "$DB" "SELECT group_concat(value, ',') FROM (SELECT value FROM event_attrs WHERE name = 'org:role' ORDER BY event_id)")" \
	"Front Office,UNKNOWN,Back Office,UNKNOWN"
# --resource-col org:role: the role is the actor for every event (Arsip
# 'Back Office'; Penerbitan has none, Catat only the placeholder default,
# which a named actor key never takes)
DB=$TMP/role-xes2.db
run "$MUTU" ingest $F/org-role.xes --db "$DB" --resource-col org:role
expect_eq "xes --resource-col org:role: the role is the actor" "$(acts "$DB")" "Verifikasi=Front Office Penerbitan=- Arsip=Back Office Catat=-"
# a flattened CSV (PM4Py) with org:role and org:group, no org:resource:
# org:role is the actor
DB=$TMP/role-csv.db
run "$MUTU" ingest $F/org-role.csv --db "$DB"
expect_eq "csv org:role: the actor" "$(acts "$DB")" "Verifikasi=Front Office Penerbitan=Kepala Dinas"
# a performer column wins over a role column written before it
printf 'case_id,activity,timestamp,role,resource\nR1,Verifikasi,2025-06-03T08:15:00+07:00,Front Office,ani\n' > "$TMP/both.csv"
run "$MUTU" ingest "$TMP/both.csv" --db "$TMP/both.db"
expect_eq "csv role and resource: the performer is the actor" "$(acts "$TMP/both.db")" "Verifikasi=ani"

# ---- 5. [staff] short forms serve steps written with full titles --------
# f6-jabatan (models/): steps 3 'Kasi Pelayanan', 4 'Kepala Bidang
# Perizinan', 5 'Kepala Dinas'; sim/jabatan.ini staffs 'Kasi', 'Kabid',
# 'Kadis'.  Through the alias table (sop_actor_match): Kasi is the Kepala
# Seksi, the generic form of 'Kasi Pelayanan' (also Kepala Seksi); Kabid the
# Kepala Bidang, generic of 'Kepala Bidang Perizinan'.  So the steps are
# served by Kepala Seksi, Kepala Bidang, Kepala Dinas.  Before: refused,
# 'actor "Kepala Bidang Perizinan" has no staff'.
S=$F/sim
simsteps() { # SCENARIO -> "no:actor ..." of its one SOP
	"$MUTU" sim "$1" --format json --out - 2>"$TMP/sim.err" |
		python3 -c "import json, sys; print(' '.join('%d:%s' % (t['no'], t['actor']) for t in json.load(sys.stdin)['sops'][0]['steps']))" 2>/dev/null
}
expect_eq "staff: Kasi and Kabid serve 'Kasi Pelayanan' and 'Kepala Bidang Perizinan'" "$(simsteps $S/jabatan.ini)" \
	"1:Pemohon 2:Front Office 3:Kepala Seksi 4:Kepala Bidang 5:Kepala Dinas"
# staff under the post-2021 name: 'Koordinator Perizinan' is the Kepala
# Bidang's rung (domain.md), so it serves step 4 when no line names a
# Kepala Bidang
sed -e "s|^model = .*|model = $PWD/$F/models/f6-jabatan.ini|" -e 's/^Kabid = 1/Koordinator Perizinan = 1/' $S/jabatan.ini > "$TMP/koord.ini"
expect_eq "staff: Koordinator Perizinan serves the Kepala Bidang Perizinan's step" "$(simsteps "$TMP/koord.ini")" \
	"1:Pemohon 2:Front Office 3:Kepala Seksi 4:Koordinator Perizinan 5:Kepala Dinas"
# two lines as close to step 4 as each other (both the rung, neither its
# generic form): refused, both named
sed -e "s|^model = .*|model = $PWD/$F/models/f6-jabatan.ini|" -e 's/^Kabid = 1/Koordinator = 1\nKepala Bidang Pelayanan Perizinan = 1/' $S/jabatan.ini > "$TMP/dua.ini"
run "$MUTU" sim "$TMP/dua.ini"
expect_rc "staff: two lines for one step: exit 2" 2
expect_err_has "staff: two lines for one step: said" \
	"step 4: actor \"Kepala Bidang Perizinan\" could be [staff] \"Koordinator\" or \"Kepala Bidang Pelayanan Perizinan\""
# a line that no step names is refused, the model's pelaksana listed
sed -e "s|^model = .*|model = $PWD/$F/models/f6-jabatan.ini|" -e 's/^Kadis = 1/Kadis = 1\nKabag Umum = 1/' $S/jabatan.ini > "$TMP/kabag.ini"
run "$MUTU" sim "$TMP/kabag.ini"
expect_rc "staff: a name no step has: exit 2" 2
expect_err_has "staff: a name no step has: said" \
	"unknown actor \"Kabag Umum\": no step of the SOPs names it (actors: Pemohon, Front Office, Kasi Pelayanan, Kepala Bidang Perizinan, Kepala Dinas)"

# ---- 6. Celonis _SORTING: the order of equal stamps ---------------------
# celonis-sorting.csv: C1's Verifikasi (_SORTING 20) and Pendaftaran (10)
# share the stamp 08:00, written in that file order; Penerbitan 09:00.
# Pinned in round 6 as "kept, not yet an order" (equal stamps in file
# order); since round 10 (test_field10.sh, schema 11's events.sorting) a
# case's events are ordered by time, then _SORTING, then file order.  So
# the export lists Pendaftaran before Verifikasi, and the audit measures
# Verifikasi 08:00 -> 08:00 = 0 (from Pendaftaran's completion), Penerbitan
# 08:00 -> 09:00 = 60 minutes.  _SORTING stays an event attribute too.
DB=$TMP/celonis.db
run "$MUTU" ingest $F/celonis-sorting.csv --db "$DB" --tz WIB
expect_out_has "celonis: the roles found" "case=_CASE_KEY activity=ACTIVITY_EN actor=USER_NAME timestamp=EVENTTIME"
expect_eq "celonis: _SORTING kept as an attribute" \
	"$(sqlite3 "$DB" "SELECT group_concat(value, ' ') FROM (SELECT value FROM event_attrs WHERE name = '_SORTING' ORDER BY event_id)")" "20 10 30"
expect_eq "celonis: equal stamps in _SORTING order" \
	"$("$MUTU" db export --format csv --db "$DB" --out - 2>/dev/null | cut -d, -f4 | tail -n +2 | tr '\n' ' ')" "Pendaftaran Verifikasi Penerbitan "
expect_eq "celonis: the audit in _SORTING order (activity:actual minutes)" \
	"$("$MUTU" audit --case C1 --db "$DB" --tz WIB --format json --out - 2>/dev/null | python3 -c "
import json, sys
print(' '.join('%s:%s' % (s['activity'], s['actual']) for s in json.load(sys.stdin)['cases'][0]['steps']))")" \
	"Pendaftaran:None Verifikasi:0 Penerbitan:60"
