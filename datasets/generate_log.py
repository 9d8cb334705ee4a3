#!/usr/bin/env python3
"""generate_log.py - a synthetic event log in mutu's canonical CSV form.

    python3 datasets/generate_log.py --events 1000000 --out big.csv [--seed 1] [--models models]

Writes `case_id,sop,step,activity,actor,start,end`, one row per executed SOP
step, for cases of every model under models/ (round robin), arriving on
working days (07:30-16:00 local) from 2024-01-02.  All stamps stay inside
2024-2026, the years datasets/calendars covers (holidays and cuti bersama):
cases arrive every ~4 minutes of office time, closer together when the
event count would otherwise run past 2026-11-30 (the last month is left for
the cases that are still running), and should even that not fit (a gap of
one second), arrivals start again at 2024-01-02 with new case ids.
Stamps carry the offset of the model's calendar zone (id-wib +07:00,
id-wita +08:00, id-wit +09:00).  Each step takes its mutu baku waktu times a
random factor (0.5-2.0; "Hari" counted as 7.5 working hours, crudely placed
in wall-clock time: this is load for the ingest, not a calibrated process),
and a step with `reject_to` sends 10% of berkas back (rework).  The same
seed gives the same file.  Stops at exactly --events rows.

Until the simulator's --emit-log exists this is the larger synthetic log the
issue asks for; tests/bench/bench_ingest.sh uses it.
"""
import argparse
import configparser
import glob
import os
import random
import re
import sys
import time

ZONES = {"id-wib": 7, "id-wita": 8, "id-wit": 9}
UNIT = {"menit": 60, "jam": 3600, "hari": int(7.5 * 3600)}


def waktu_seconds(text):
    total = 0
    for n, unit in re.findall(r"(\d+)\s*(menit|jam|hari)", text.lower()):
        total += int(n) * UNIT[unit]
    return total or 600


def load_models(folder):
    models = []
    for path in sorted(glob.glob(os.path.join(folder, "*.ini"))):
        cp = configparser.ConfigParser(interpolation=None, strict=False,
                                       comment_prefixes=(";", "#"), inline_comment_prefixes=None)
        cp.read(path, encoding="utf-8")
        if "sop" not in cp:
            continue
        steps = []
        for sec in cp.sections():
            m = re.match(r"step (\d+)$", sec)
            if m:
                s = cp[sec]
                steps.append((int(m.group(1)), s.get("activity", "").replace("\n", " "),
                              s.get("actor", "?"), waktu_seconds(s.get("waktu", "")),
                              int(s.get("reject_to", "0") or 0)))
        steps.sort()
        if steps:
            models.append((cp["sop"].get("id"), ZONES.get(cp["sop"].get("calendar", ""), 8), steps))
    return models


def csv_field(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--models", default="models")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    models = load_models(a.models)
    if not models:
        sys.exit("generate_log.py: no models in %s" % a.models)
    rnd = random.Random(a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8", newline="")
    out.write("case_id,sop,step,activity,actor,start,end\n")
    # The calendars cover 2024-2026: arrivals from 2024-01-02 07:30 local
    # (t0 is 07:30 UTC; the zone is added per model) up to 2026-11-30, which
    # leaves December 2026 for the longest cases to finish (a case spans at
    # most its steps' waktu x 2 plus 30 min waits and 10% rework: days, not
    # weeks).  Mean gap: the office seconds of the window over the cases
    # the event count needs, at most 240 s (the old density).
    t0 = 1704180600                      # 2024-01-02T07:30:00Z
    t_last = 1780185600                  # 2026-11-30T00:00:00Z
    workdays = sum(1 for d in range((t_last - t0) // 86400)
                   if time.gmtime(t0 + d * 86400).tm_wday < 5)
    steps_per_case = sum(len(m[2]) for m in models) / len(models) * 1.1
    cases_needed = max(1, int(a.events / steps_per_case))
    # 0.85: the mean is an estimate (rework, round robin); keep a margin so
    # the wrap below stays a fallback
    gap = max(1, min(240, int(0.85 * workdays * 8.5 * 3600) // cases_needed))
    n = 0
    case = 0
    rows = []
    fmt_cache = {}

    def stamp(t, zone):
        local = t + zone * 3600
        day = local // 86400
        d = fmt_cache.get((day, zone))
        if d is None:
            d = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
            fmt_cache[(day, zone)] = d
        s = local % 86400
        return "%sT%02d:%02d:%02d+%02d:00" % (d, s // 3600, s // 60 % 60, s % 60, zone)

    arrival = t0
    while n < a.events:
        sop_id, zone, steps = models[case % len(models)]
        case += 1
        arrival += rnd.randint(max(1, gap // 4), max(1, gap * 7 // 4))
        if arrival >= t_last:
            arrival = t0  # wrap: the stamps repeat, the case ids do not
        # keep arrivals inside 07:30-16:00 local on weekdays
        local = arrival + zone * 3600
        if local % 86400 > 16 * 3600:
            arrival += 86400 - (local % 86400) + 7 * 3600 + 1800
        while time.gmtime(arrival + zone * 3600).tm_wday >= 5:
            arrival += 86400
        t = arrival
        cid = "C%07d" % case
        i = 0
        while i < len(steps) and n < a.events:
            no, act, actor, secs, reject_to = steps[i]
            wait = rnd.randint(0, 1800)
            dur = int(secs * rnd.uniform(0.5, 2.0))
            start = t + wait
            end = start + dur
            rows.append("%s,%s,%d,%s,%s,%s,%s\n" % (cid, sop_id, no, csv_field(act), csv_field(actor),
                                                    stamp(start, zone), stamp(end, zone)))
            n += 1
            t = end
            if reject_to and rnd.random() < 0.10:
                i = next((k for k, s in enumerate(steps) if s[0] == reject_to), i + 1)
            else:
                i += 1
        if len(rows) >= 10000:
            out.write("".join(rows))
            rows.clear()
    out.write("".join(rows))
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
