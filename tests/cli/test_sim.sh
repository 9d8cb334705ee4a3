#!/usr/bin/env bash
# tests/cli/test_sim.sh - `mutu sim` on the shipped scenarios and on small
# scenarios whose answers are worked out by hand below.
. "$(dirname "$0")/lib.sh"

S=models/scenarios

run "$MUTU" sim --help
expect_rc "sim --help exits 0" 0
expect_out_has "sim --help shows usage" "usage: mutu sim SCENARIO.ini"

run "$MUTU" sim
expect_rc "sim without a scenario is bad usage" 2

run "$MUTU" sim "$S/banjarbaru.ini" --format xml
expect_rc "unknown --format is bad usage" 2
expect_err_has "unknown --format names the value" "xml"

run "$MUTU" sim "$S/banjarbaru.ini" --replications 0
expect_rc "--replications 0 is bad usage" 2

run "$MUTU" sim "$TMP/none.ini"
expect_rc "missing scenario exits 2" 2
expect_err_has "missing scenario named" "none.ini"

run "$MUTU" sim "$S/banjarbaru.ini" -n 4
expect_rc "banjarbaru runs" 0
expect_out_has "text in Indonesian" "selesai dalam batas SOP"
expect_out_has "seed printed" "seed 20250101"
expect_out_has "shared staff: Dinas Teknis listed once under Pelaksana" "Dinas Teknis"
expect_out_has "ceiling shown" "(batas 5 Hari)"

# the same seed gives the same bytes with one thread and with two
run "$MUTU" sim "$S/sicantik.ini" -n 5 --threads 1 --format json
one=$OUT
run "$MUTU" sim "$S/sicantik.ini" -n 5 --threads 2 --format json
expect_eq "json identical with 1 and 2 threads" "$OUT" "$one"
run "$MUTU" sim "$S/sicantik.ini" -n 5 --threads 2 --format json --seed 99
if [ "$OUT" != "$one" ]; then ok "another seed gives other numbers"; else not_ok "another seed gives other numbers"; fi
if printf '%s' "$one" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["seed"]==20250103 and d["replications"]==5 and d["sops"][0]["id"]=="perizinan-sicantik-cloud"' 2>"$TMP/pyerr"; then
	ok "json parses and carries seed, replications, SOP id"
else
	not_ok "json parses and carries seed, replications, SOP id" "$(cat "$TMP/pyerr")"
fi

run "$MUTU" sim "$S/rokan-hilir.ini" -n 3 --format csv
expect_rc "csv runs" 0
expect_eq "csv header" "$(printf '%s\n' "$OUT" | head -1)" "scope,sop,step,actor,metric,unit,mean,ci_low,ci_high,n"

run "$MUTU" sim "$S/rokan-hilir.ini" --compare "$S/rokan-hilir-tambah-tim.ini" -n 6
expect_rc "compare runs" 0
expect_out_has "compare shows differences" "selisih"
# common random numbers: both see the same arrivals, so their difference is exactly 0
expect_out_has "compare: same arrivals in both" "berkas masuk"
if printf '%s\n' "$OUT" | grep -m1 "berkas masuk" | grep -q "selisih 0,0$"; then ok "CRN: arrivals differ by exactly 0"; else not_ok "CRN: arrivals differ by exactly 0" "$(printf '%s\n' "$OUT" | grep -m1 'berkas masuk')"; fi

# paired differences only between scenarios of the same files: Banjarbaru
# (WITA, three SOPs) against Rokan Hilir (WIB) is refused, naming why.  The
# calendars may differ (pairs across calendars: test_sim_period.sh), but the
# same dates at +08:00 and +07:00 are another run period
run "$MUTU" sim "$S/banjarbaru.ini" --compare "$S/rokan-hilir.ini" -n 2
expect_rc "compare of unrelated scenarios is refused" 2
expect_err_has "refusal names the run periods" 'A has "run 2025-01-01T00:00:00+08:00 .. 2026-01-01T00:00:00+08:00'
expect_err_has "refusal names B's run period" 'where B has "run 2025-01-01T00:00:00+07:00'

# One file, fixed times (the waktu of each step), submitted Monday
# 2025-05-05 08:00 WITA, no other work: it needs 30+10+10+10+5+5+5+3 Menit
# plus 4 Hari = 4 x 450 + 78 = 1878 working minutes.  Mon from 08:00:
# 08:00-12:00 and 13:00-16:00 = 420 (1458 left); Tue, Wed, Thu 450 each
# (108 left); Fri from 07:30, 108 minutes = 09:18.  The last step ends
# 2025-05-09T09:18:00+08:00.  The SLA clock stops at the office's last step,
# step 8 (the Kepala Dinas signs, 09:15), as in reports: step 9 (Menerima
# Surat Izin / SK, Pemohon, 3 Menit) is the applicant's; and it starts, as
# in reports, at the end of step 2, the Front Office's check (reject_to = 1,
# sop_clock_start_step): step 1 (the applicant's online submission, 30
# Menit) and the check (10) are before it.  So the lead time is
# 1878 - 3 - 30 - 10 = 1835 minutes, within 5 Hari; the log still shows
# steps 1 and 9.
printf 'submitted\n2025-05-05 08:00\n' >"$TMP/one.csv"
cat >"$TMP/one.ini" <<INI
[run]
calendar = id-wita
start = 2025-05-01
end = 2025-05-31
replications = 2

[staff]
Front Office = 1
Back Office = 1
Dinas Teknis = 1
Kabid Perizinan = 1
Sekretaris = 1
Kepala Dinas = 1

[sop kbm]
model = models/izin-penyelenggaraan-kegiatan-belajar-mengajar.ini
arrivals = replay $TMP/one.csv
service = fixed
INI
run "$MUTU" sim "$TMP/one.ini" --format json --emit-log "$TMP/log.csv"
expect_rc "single file runs" 0
lead=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["sops"][0]["lead_mean"]["mean"], d["sops"][0]["within"]["mean"], d["sops"][0]["finished"]["mean"])')
expect_eq "single file: lead 1835 minutes (check's end to the signing), within, 1 finished" "$lead" "1835 1 1"
expect_eq "log header" "$(head -1 "$TMP/log.csv")" "case_id,sop,step,activity,actor,start,end,resource"
expect_eq "log: 9 steps" "$(tail -n +2 "$TMP/log.csv" | wc -l | tr -d ' ')" "9"
expect_eq "log: first step starts at submission" "$(sed -n 2p "$TMP/log.csv" | awk -F, '{print $(NF-2)}')" "2025-05-05T08:00:00+08:00"
expect_eq "log: last step ends Friday 09:18 WITA" "$(tail -1 "$TMP/log.csv" | awk -F, '{print $(NF-1)}')" "2025-05-09T09:18:00+08:00"
expect_eq "log: step 4 is Dinas Teknis, served by its first officer (resource column)" "$(sed -n 5p "$TMP/log.csv" | awk -F, '{print $3","$(NF-3)","$NF}')" "4,Dinas Teknis,Dinas Teknis 1"

# errors name file and line
cat >"$TMP/bad.ini" <<'INI'
[run]
calendar = id-wita
start = 2025-01-01
end = 2025-06-30
[staff]
Front Office = 1
Satpam = 1
INI
printf '[sop a]\nmodel = models/izin-insidentil.ini\narrivals = 1 per hari\n' >>"$TMP/bad.ini"
run "$MUTU" sim "$TMP/bad.ini"
expect_rc "bad scenario exits 2" 2
expect_err_has "error names file:line" "bad.ini:"
cat >"$TMP/over.ini" <<'INI'
[run]
calendar = id-wib
start = 2025-01-01
end = 2025-06-30
[staff]
Front Office = 1
Back Office = 1
Tim Teknis = 2
Sub Koordinator Perizinan = 1
Koordinator Perizinan = 1
Sekretaris = 1
Kepala Dinas = 1
[sop x]
model = models/izin-insidentil.ini
arrivals = 1 per hari
INI
# 1 file a working day x 6 Hari at Tim Teknis = 6 staff busy on average > 2
run "$MUTU" sim "$TMP/over.ini"
expect_rc "overloaded scenario exits 2" 2
expect_err_has "overload named at the staff line" "over.ini:8: Tim Teknis"

# QA: a replay file's line numbers count empty lines: header 1, 09:00 on 2,
# empty line 3, the bad 25:00 on 4
printf 'waktu\n2025-02-03 09:00\n\n2025-02-04 25:00\n' >"$TMP/gap.csv"
sed "s|$TMP/one.csv|$TMP/gap.csv|" "$TMP/one.ini" >"$TMP/gap.ini"
run "$MUTU" sim "$TMP/gap.ini"
expect_rc "replay bad time after an empty line: exit 2" 2
expect_err_has "replay bad time after an empty line: line 4" "gap.csv:4:"

# QA: queue samples start at the run's start, not before it.  rokan-hilir
# starts 2025-01-01T00:00 WIB, a holiday (Tahun Baru): the earliest instant
# with zero work done is the closing time of 2024-12-31 (16:00), before the
# run.  The sample at w = 0 is the state at the start, so its time is the
# start itself.
run "$MUTU" sim "$S/rokan-hilir.ini" --format json -n 2
first=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["start"], d["queue_samples"]["time"][0])')
expect_eq "queue samples: the first is at the run's start" "$first" "2025-01-01T00:00:00+07:00 2025-01-01T00:00:00+07:00"

# QA: an absurd rate is refused at its line (line 15 of over.ini's copy), not
# reported as "offered load is inf%"; a rejection back to the step itself too
sed 's/^arrivals = 1 per hari/arrivals = 1e308 per hari/' "$TMP/over.ini" >"$TMP/huge.ini"
run "$MUTU" sim "$TMP/huge.ini"
expect_rc "arrivals 1e308 per hari: exit 2" 2
expect_err_has "arrivals 1e308 per hari: names the line" "huge.ini:15: arrivals: 1e308 per hari would bring more files over the run than a number holds"
case "$ERR" in *inf*) not_ok "arrivals 1e308 per hari: no inf" "$ERR" ;; *) ok "arrivals 1e308 per hari: no inf" ;; esac
sed 's/^arrivals = 1 per hari/arrivals = 0.5 per hari\nstep.2.reject = 0.1\nstep.2.reject_to = 2/' "$TMP/over.ini" >"$TMP/self.ini"
run "$MUTU" sim "$TMP/self.ini"
expect_rc "step.2.reject_to = 2: exit 2" 2
expect_err_has "step.2.reject_to = 2: names the line" "self.ini:17: step.2.reject_to: a rejection must return to an earlier step than 2"
