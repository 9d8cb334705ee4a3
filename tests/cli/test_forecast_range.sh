#!/usr/bin/env bash
# tests/cli/test_forecast_range.sh - what the interval of `mutu forecast`'s
# monthly compliance covers.  "How will this month end?" asks where one
# real month will fall: the range of the month's outcome (a prediction
# interval), not the interval of the mean over replications, which narrows
# as replications grow (with 200 replications it is sqrt(200) = 14 times
# too narrow, and a real month would fall outside it nearly always).
#
# tests/data/forecast/satu-hari-scenario.ini: 200 files per bulan, one step
# exponential with mean 1 Hari (8 working hours on kantor-8jam), the
# ceiling 1 Hari, 60 staff so that no file waits (an M/G/inf office).  The
# store holds one file finished in April; the forecast is made as of
# Thursday 2025-05-01 08:00, and its second month, June 2025, is checked:
#   - files finished in June: the departures of an M/G/inf queue fed by a
#     Poisson stream are a Poisson process (from an empty start too), so
#     the count is Poisson: its 95% range is mean +- 1.96 sqrt(mean);
#   - within the ceiling: each departure is within with p = P(S <= 8 h) =
#     1 - e^-1 = 0.632121 independently (a marked Poisson process), so the
#     share is Binomial(N, p)/N: range p +- 1.96 sqrt(p (1 - p) / N).
# Tolerance: the range's width from 200 replications is t(0.975, 199)
# sqrt(1 + 1/200) sd; sd's relative standard error is 1/sqrt(2 x 199) =
# 5%, so the width must lie within 15% (3 standard errors, plus the
# t-and-1/n factor 1.0085) of the theory's; the mean within 3 standard
# errors of p (sd/sqrt(200)).
. tests/cli/lib.sh

D=tests/data/forecast
export MUTU_CALENDARS=tests/data/sim-theory
cat >"$TMP/log.csv" <<'CSV'
case_id,sop,step,activity,actor,start,end
A,satu-hari,1,Memproses berkas,Front Office,2025-04-30T08:00:00+07:00,2025-04-30T10:00:00+07:00
CSV
"$MUTU" ingest "$TMP/log.csv" --db "$TMP/f.db" --quiet
run "$MUTU" forecast --db "$TMP/f.db" --scenario $D/satu-hari-scenario.ini --as-of 2025-05-01T08:00 --format json
expect_rc "forecast runs" 0
printf '%s\n' "$OUT" >"$TMP/f.json"
got=$(python3 - "$TMP/f.json" <<'PY'
import json, math, sys
d = json.load(open(sys.argv[1]))
m = [x for x in d["months"] if x["month"] == "2025-06"][0]
out = []
f, w = m["finished"], m["within"]
n = f["mean"]
want = 2 * 1.96 * math.sqrt(n)
got = f["hi"] - f["lo"]
out.append("finished: %s (range %.1f .. %.1f, width %.2f, Poisson %.2f)"
           % ("ok" if abs(got / want - 1) <= 0.15 else "bad", f["lo"], f["hi"], got, want))
p = 1 - math.exp(-1)
sd = math.sqrt(p * (1 - p) / n)
want = 2 * 1.96 * sd
got = w["hi"] - w["lo"]
out.append("within: %s (range %.4f .. %.4f, width %.4f, binomial %.4f)"
           % ("ok" if abs(got / want - 1) <= 0.15 else "bad", w["lo"], w["hi"], got, want))
out.append("within mean: %s (%.4f, theory %.4f)"
           % ("ok" if abs(w["mean"] - p) <= 3 * sd / math.sqrt(200) else "bad", w["mean"], p))
print("\n".join(out))
PY
)
echo "$got" | sed 's/^/# /'
expect_eq "June's files finished: the range of a Poisson count" "$(echo "$got" | sed -n 1p | cut -d' ' -f2)" "ok"
expect_eq "June's share within: the range of a binomial share" "$(echo "$got" | sed -n 2p | cut -d' ' -f2)" "ok"
expect_eq "June's share within: mean 1 - e^-1" "$(echo "$got" | sed -n 3p | cut -d' ' -f3)" "ok"
run "$MUTU" forecast --db "$TMP/f.db" --scenario $D/satu-hari-scenario.ini --as-of 2025-05-01T08:00 --lang en
expect_out_has "the text says what the range covers" "range of the month's outcome"
