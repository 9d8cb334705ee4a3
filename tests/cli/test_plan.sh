#!/usr/bin/env bash
# tests/cli/test_plan.sh - `mutu plan` on the scenarios in tests/data/plan/:
# usage errors, the answer against an independent brute force (every
# staffing run with `mutu sim`, the cheapest whose mean p90 is within the
# limit picked here), overloaded staffings reported, an unreachable target
# with its cause worked out from the service-time distribution.
. "$(dirname "$0")/lib.sh"

D=tests/data/plan

run "$MUTU" plan --help
expect_rc "plan --help exits 0" 0
expect_out_has "plan --help shows usage" "usage: mutu plan SCENARIO.ini [--target TARGET ...]"

run "$MUTU" plan $D/dua.ini --vary "Tim Teknis=1..3"
expect_rc "no --target is bad usage" 2
expect_err_has "no --target says so" "needs --target"

run "$MUTU" plan $D/dua.ini --target within=0.9
expect_rc "no --vary is bad usage" 2

run "$MUTU" plan $D/dua.ini --target within=0.9 --vary "Satpam=1..3"
expect_rc "unknown pelaksana is bad input" 2
expect_err_has "unknown pelaksana named with the known ones" "Satpam: no pelaksana of that name in the scenario's [staff] (pelaksana: Front Office, Tim Teknis)"

run "$MUTU" plan $D/dua.ini --target within=0.9 --vary "Tim Teknis=0..3"
expect_rc "range from 0 is bad input" 2
expect_err_has "range error states the range" "1 <= LO <= HI <= 1000"

run "$MUTU" plan $D/dua.ini --target "lead<=3 Hari" --vary "Tim Teknis=1..3"
expect_rc "unknown target is bad input" 2
expect_err_has "unknown target lists the forms" "wait_mean(PELAKSANA)<=DURATION"

run "$MUTU" plan $D/dua.ini --target within=0.9 --vary "Tim Teknis=2..3" --cost "Front Office=2"
expect_rc "--cost of a pelaksana not varied is bad usage" 2

# ---- brute force, independently -----------------------------------------
# Every staffing of Front Office 1..3 x Tim Teknis 1..3 (cost 1 and 2 a
# head) run by `mutu sim` with 40 replications; the cheapest whose mean p90
# lead time is at most 8 Jam (480 minutes) is the answer.  The scenario
# keeps the answer clear of noise: at Front Office 2, Tim Teknis 3 the p90
# is about 6 h, at each cheaper feasible staffing 13 h or more.
best=""
bestcost=999
infeasible=0
for fo in 1 2 3; do
	for tt in 1 2 3; do
		sed -e "s/^Front Office = .*/Front Office = $fo/" -e "s/^Tim Teknis = .*/Tim Teknis = $tt/" \
			$D/dua.ini >"$TMP/c.ini"
		if ! "$MUTU" sim "$TMP/c.ini" --replications 40 --format json >"$TMP/c.json" 2>"$TMP/c.err"; then
			grep -q "offered load" "$TMP/c.err" && infeasible=$((infeasible + 1))
			continue
		fi
		p90=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sops"][0]["lead_p90"]["mean"])' "$TMP/c.json")
		cost=$((fo + 2 * tt))
		if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= 480 else 1)' "$p90" && [ "$cost" -lt "$bestcost" ]; then
			best="$fo,$tt"
			bestcost=$cost
		fi
	done
done
expect_eq "brute force: Tim Teknis = 1 overloaded for every Front Office" "$infeasible" "3"

for mode in search exhaustive; do
	extra=""
	[ "$mode" = exhaustive ] && extra=--exhaustive
	run "$MUTU" plan $D/dua.ini --target "p90_lead<=8 Jam" --vary "Front Office=1..3" --vary "Tim Teknis=1..3" \
		--cost "Tim Teknis=2" --format json $extra
	expect_rc "plan ($mode) exits 0" 0
	got=$(python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); s=j["staffing"]; print("%d,%d" % (s["Front Office"], s["Tim Teknis"]))' <<<"$OUT")
	expect_eq "plan ($mode) equals the brute force of mutu sim" "$got" "$best"
	fields=$(python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); print(j["reachable"], j["cost"], sorted(j["value"]), j["candidates"] > 0, j["replications"] > 0)' <<<"$OUT")
	expect_eq "plan ($mode) JSON carries reachable, cost, value interval, counts" "$fields" "True $bestcost ['hi', 'hi_text', 'lo', 'lo_text', 'mean', 'mean_text'] True True"
	# the target "8 Jam" is 480 working minutes, worded back as the SOP tables write it
	got=$(python3 -c 'import json,sys; t=json.loads(sys.stdin.read())["target"]; print(t["value"], t["unit"], t["value_text"])' <<<"$OUT")
	expect_eq "plan ($mode) JSON: target in minutes with its text" "$got" "480 minutes 8 Jam"
done
# brute force in plan itself reports the three overloaded staffings, not an error
inf=$(python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); print(j["infeasible"], sum(1 for c in j["judged"] if c["status"] == "infeasible"))' <<<"$OUT")
expect_eq "plan --exhaustive reports overloaded staffings as infeasible" "$inf" "3 3"

run "$MUTU" plan $D/dua.ini --target "p90_lead<=8 Jam" --vary "Front Office=1..3" --vary "Tim Teknis=1..3" \
	--cost "Tim Teknis=2"
expect_out_has "text answer names the staffing" "Jawaban: Front Office = 2, Tim Teknis = 3 (biaya 8)"
expect_out_has "text names the busiest pelaksana" "pelaksana tersibuk: Tim Teknis"
run "$MUTU" plan $D/dua.ini --target "p90_lead<=8 Jam" --vary "Front Office=1..3" --vary "Tim Teknis=1..3" \
	--cost "Tim Teknis=2" --lang en
expect_out_has "--lang en answers in English" "Answer: Front Office = 2, Tim Teknis = 3 (cost 8)"

# ---- unreachable, with its cause -----------------------------------------
# batas.ini: no queue at all leaves 30 Menit + Exp(8 Jam) against the
# 24-hour ceiling: within with probability 1 - exp(-23.5/8) = 0.947, below
# the 0.97 asked; one Tim Teknis pass alone exceeds 24 h with probability
# exp(-3) = 0.0498.
run "$MUTU" plan $D/batas.ini --target within=0.97 --vary "Tim Teknis=1..4" --format json
expect_rc "unreachable target exits 0 (an answer, not an error)" 0
chk=$(python3 -c '
import json, math, sys
j = json.loads(sys.stdin.read())
b = j["bound"]; c = b["cause"]
want = 1 - math.exp(-23.5 / 8)
print(j["reachable"], j["reachable_with_unlimited_staff"], j["staffing"], c["step"], c["pelaksana"],
      abs(c["share_alone_over"] - math.exp(-3)) < 1e-6, abs(b["value_unlimited_staff"]["mean"] - want) < 0.01,
      j["candidates"])' <<<"$OUT")
expect_eq "unreachable: the bound and its cause (step 2, Tim Teknis, 4.98% alone over)" "$chk" \
	"False False None 2 Tim Teknis True True 1"
run "$MUTU" plan $D/batas.ini --target within=0.97 --vary "Tim Teknis=1..4"
expect_out_has "unreachable text says no staffing reaches it" "target tidak tercapai dengan jumlah staf berapa pun"
expect_out_has "unreachable text names the share and the step" "waktu langkah saja sudah melewati batas SOP pada 5% berkas: langkah 2, Tim Teknis"

# a target that more staff would reach: "widen the range", not "no staffing"
run "$MUTU" plan $D/dua.ini --target "p90_lead<=8 Jam" --vary "Tim Teknis=2..2" --lang en
expect_out_has "reachable beyond the range says to widen it" "without queues the target is met: widen the --vary ranges"

# names as people write them: an alias of the [staff] line's pelaksana
# (README "[staff]": Kadis is Kepala Dinas), and the same pelaksana twice
run "$MUTU" plan models/scenarios/banjarbaru.ini --target within=0.5 --vary "Kadis=1..2" \
	--sop izin-pengumpulan-uang-barang
expect_rc "alias Kadis is accepted" 0
expect_out_has "alias Kadis is Kepala Dinas" "rentang: Kepala Dinas 1..2"
run "$MUTU" plan models/scenarios/banjarbaru.ini --target within=0.5 --vary "Kadis=1..2" --vary "kepala dinas=1..2"
expect_rc "one pelaksana varied twice is bad input" 2
expect_err_has "varied twice names both spellings" "kepala dinas: the pelaksana is varied twice (also as Kadis)"

# an overloaded office as written cannot be the starting point: the
# loader's refusal, and what to write instead
sed 's/^Tim Teknis = 2/Tim Teknis = 1/' $D/dua.ini >"$TMP/over.ini"
run "$MUTU" plan "$TMP/over.ini" --target within=0.5 --vary "Tim Teknis=1..3"
expect_rc "an overloaded scenario file is bad input" 2
expect_err_has "overloaded scenario: says what to write" "write a staffing that copes in [staff]"
