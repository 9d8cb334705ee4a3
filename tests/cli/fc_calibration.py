#!/usr/bin/env python3
"""fc_calibration.py MUTU DB SCENARIO AUDIT.csv OUT.txt - backtest of `mutu forecast`.

Forecasts are made at past instants of a store whose log came from the
scenario itself (`sim --emit-log`), and compared with what then happened:
each open file's verdict once finished, read from `mutu audit` on the whole
log (a case row's flags hold `late`).  Files are grouped by predicted
probability (0-20%, 20-40%, ..., 80-100%); in each group the observed late
share should be near the group's mean prediction.  Prints the table to
OUT.txt and one `ok`/`not ok` line per group with at least 20 files.

Tolerance: a group of n files with mean prediction p has, if the
predictions are right, an observed late share with standard error
sqrt(p(1-p)/n) (binomial; files of one instant are not independent, and
the same file appears at several instants, so this understates the noise);
3 standard errors, plus 0.05 for what the forecast cannot see in a log
(a file whose check failed is placed at the next step while it is back
with the applicant; files not yet accepted are aged from the as-of).
"""
import csv
import subprocess
import sys
from datetime import date, timedelta

mutu, db, scen, audit, out = sys.argv[1:6]

truth = {}
with open(audit, newline="") as f:
    for row in csv.DictReader(f):
        if row["type"] == "case" and row["activity"] == "finished":
            truth[row["case"]] = "late" in row["flags"].split(";")  # e.g. "over;late"

preds = []
d = date(2025, 2, 5)
while d <= date(2025, 11, 26):
    asof = f"{d.isoformat()}T10:00"
    r = subprocess.run([mutu, "forecast", "--db", db, "--scenario", scen, "--as-of", asof,
                        "--format", "csv", "-n", "40"], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"not ok - forecast at {asof} failed: {r.stderr.strip()}")
        sys.exit(0)
    for row in csv.DictReader(r.stdout.splitlines()):
        if row["case"] in truth and row["p_late"] != "":
            preds.append((float(row["p_late"]), truth[row["case"]]))
    d += timedelta(days=14)

bins = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0001)]
lines = ["predicted   files  mean predicted  observed late  tolerance"]
results = []
for lo, hi in bins:
    g = [(p, t) for p, t in preds if lo <= p < hi]
    if not g:
        lines.append(f"{lo:.0%}-{min(hi, 1):.0%}   0")
        continue
    n = len(g)
    mp = sum(p for p, _ in g) / n
    obs = sum(1 for _, t in g if t) / n
    tol = 3 * (mp * (1 - mp) / n) ** 0.5 + 0.05
    lines.append(f"{lo:.0%}-{min(hi, 1):.0%}  {n:6d}  {mp:14.3f}  {obs:13.3f}  {tol:9.3f}")
    results.append((lo, hi, n, mp, obs, tol))
with open(out, "w") as f:
    f.write(f"{len(preds)} forecasts of files open at 22 instants, 2025-02-05 .. 2025-11-26\n")
    f.write("\n".join(lines) + "\n")
for lo, hi, n, mp, obs, tol in results:
    name = f"forecast calibrated: files given {lo:.0%}-{min(hi, 1):.0%} were late {obs:.0%} (mean prediction {mp:.0%}, n={n})"
    if n < 20:
        continue
    print(("ok - " if abs(obs - mp) <= tol else "not ok - ") + name)
