#!/usr/bin/env python3
"""gen_log.py - an event log whose generating process is known, for
tests/cli/test_field_plan.sh (mutu calibrate against theory).

Office: SOP uji-lapangan (uji-lapangan.ini) on id-wib, 2025-04-14 (Mon) to
2025-10-31 (Fri).  Time is counted in working minutes: Mon-Thu 07:30-12:00,
13:00-16:00; Fri 07:30-11:30, 13:00-16:30 (450 a day); weekends and the
libur nasional / cuti bersama of datasets/calendars/id-holidays-2024-2026.csv
are not working days.  Everything is generated on that working-time clock and
then mapped to wall-clock stamps, so a service that runs over the lunch
break, the night, a weekend or a holiday still lasts its working minutes.

  arrivals  Poisson, RATE per working day (RATE/450 per working minute)
  step 1    Pemohon, fixed 10 minutes, no queue (the applicant)
  step 2    Front Office, 2 officers FO1 FO2, FIFO, exponential mean 30 min
  step 3    Back Office, 4 officers BO1..BO4, FIFO, fixed 60 min

usage: gen_log.py FORMAT OUT [--seed S] [--rate R] [--gap YYYY-MM]
  FORMAT plain     case_id,sop,step,activity,actor,start,end,resource
         pm4py     PM4Py flattened CSV: one row per start and per complete
         xes       XES with start/complete lifecycle events
  --gap M  no arrivals in month M (the office's system was down)
  --stats F  write the realised sample to F as JSON: cases in the log, working days,
           per step the executions written with both stamps, their mean
           service and mean wait (start less the case's previous end), in
           working minutes before the stamps are rounded to seconds
  --cut    the log ends at 2025-10-31 12:00: steps still running then have
           no end (plain) / no complete event, later steps are not there
"""
import datetime as dt, math, random, sys

args = sys.argv[1:]
fmt, out = args[0], args[1]
seed, rate, gap, cut, stats = 7, 20.0, None, False, None
i = 2
while i < len(args):
    if args[i] == "--seed": seed = int(args[i + 1]); i += 2
    elif args[i] == "--rate": rate = float(args[i + 1]); i += 2
    elif args[i] == "--gap": gap = args[i + 1]; i += 2
    elif args[i] == "--cut": cut = True; i += 1
    elif args[i] == "--stats": stats = args[i + 1]; i += 2
    else: sys.exit("gen_log.py: unknown option " + args[i])

import os
here = os.path.dirname(os.path.abspath(__file__))
hol = set()
with open(here + "/../../../datasets/calendars/id-holidays-2024-2026.csv") as f:
    next(f)
    for line in f:
        hol.add(line.split(",")[0])

TZ = dt.timezone(dt.timedelta(hours=7))
first, last = dt.date(2025, 4, 14), dt.date(2025, 10, 31)
days = []                      # (date, [(wall start minute of day, length)])
d = first
while d <= last:
    if d.weekday() < 5 and d.isoformat() not in hol:
        if d.weekday() == 4: segs = [(450, 240), (780, 210)]
        else: segs = [(450, 270), (780, 180)]
        days.append((d, segs))
    d += dt.timedelta(days=1)
DAY = 450.0

def wall(w, is_end):
    """working minute w (from the first day's opening) -> aware datetime;
    an instant on a boundary is the segment's end for an end stamp, the
    next opening for a start stamp."""
    k = int(w // DAY)
    off = w - k * DAY
    if is_end and off == 0 and k > 0: k, off = k - 1, DAY
    if k >= len(days): return None
    date, segs = days[k]
    for j, (s, n) in enumerate(segs):
        if off < n or (is_end and off == n) or j == len(segs) - 1:
            m = s + off
            break
        off -= n
    t = dt.datetime(date.year, date.month, date.day, tzinfo=TZ) + dt.timedelta(minutes=m)
    return t.replace(microsecond=0) + dt.timedelta(seconds=round(t.microsecond / 1e6))

rng = random.Random(seed)
horizon = len(days) * DAY
arr, t = [], 0.0
while True:
    t += rng.expovariate(rate / DAY)
    if t >= horizon: break
    if gap and wall(t, False).strftime("%Y-%m") == gap: continue
    arr.append(t)

cut_w = None
if cut:   # 2025-10-31 (Fri) 12:00 = the last day's opening + 240 minutes
    cut_w = (len(days) - 1) * DAY + 240

execs = []   # (case, step, activity, actor, resource, start_w, end_w)
fo, bo = [0.0, 0.0], [0.0] * 4
acts = {1: ("Pemohon mendaftar", "Pemohon"), 2: ("Front Office memeriksa kelengkapan berkas", "Front Office"),
        3: ("Back Office mengentri data", "Back Office")}
cases = []
for n, a in enumerate(arr):
    cases.append(["f%05d" % n, a])
# step 1: no queue; step 2 and 3: FIFO multi-server, served in arrival order
ready = []
for cid, a in cases:
    execs.append((cid, 1, "Pemohon", a, a + 10.0))
    ready.append((a + 10.0, cid))
nxt = []
for r, cid in sorted(ready):
    j = min(range(2), key=lambda x: (fo[x], x))
    s = max(r, fo[j]); e = s + rng.expovariate(1 / 30.0); fo[j] = e
    execs.append((cid, 2, "FO%d" % (j + 1), s, e)); nxt.append((e, cid))
for r, cid in sorted(nxt):
    j = min(range(4), key=lambda x: (bo[x], x))
    s = max(r, bo[j]); e = s + 60.0; bo[j] = e
    execs.append((cid, 3, "BO%d" % (j + 1), s, e))

rows = []
prev_end = {}
acc = {}
for cid, step, res, s, e in execs:
    pe = prev_end.get(cid)
    prev_end[cid] = e
    if cut_w is not None and s >= cut_w: continue
    ws = wall(s, False)
    we = None if (cut_w is not None and e > cut_w) else wall(e, True)
    if ws is None: continue                       # beyond the last day
    if we is None and cut_w is None: continue     # ends after the period: left out
    if we is not None:
        a = acc.setdefault(step, [0, 0.0, 0.0])
        a[0] += 1; a[1] += e - s; a[2] += (s - pe) if pe is not None else 0.0
    rows.append((cid, step, acts[step][0], acts[step][1], res, ws, we))

iso = lambda t: t.isoformat() if t else ""
with open(out, "w") as f:
    if fmt == "plain":
        f.write("case_id,sop,step,activity,actor,start,end,resource\n")
        for cid, step, act, actor, res, ws, we in rows:
            f.write("%s,uji-lapangan,%d,%s,%s,%s,%s,%s\n" % (cid, step, act, res, iso(ws), iso(we), res))
    elif fmt == "pm4py":
        f.write("case:concept:name,case:sop,concept:name,org:resource,lifecycle:transition,time:timestamp\n")
        ev = []
        for cid, step, act, actor, res, ws, we in rows:
            ev.append((ws, cid, act, res, "start"))
            if we: ev.append((we, cid, act, res, "complete"))
        for t, cid, act, res, lc in sorted(ev, key=lambda x: (x[0], x[1], x[4] != "complete")):
            f.write("%s,uji-lapangan,%s,%s,%s,%s\n" % (cid, act, res, lc, iso(t)))
    elif fmt == "xes":
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n')
        f.write('<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n')
        f.write('<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n')
        f.write('<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n')
        f.write('<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n')
        bycase = {}
        for r in rows: bycase.setdefault(r[0], []).append(r)
        for cid in sorted(bycase):
            f.write('<trace><string key="concept:name" value="%s"/><string key="sop" value="uji-lapangan"/>\n' % cid)
            for _, step, act, actor, res, ws, we in bycase[cid]:
                for t, lc in ((ws, "start"), (we, "complete")):
                    if t is None: continue
                    f.write('<event><string key="concept:name" value="%s"/><string key="org:resource" value="%s"/>'
                            '<string key="lifecycle:transition" value="%s"/><date key="time:timestamp" value="%s"/></event>\n'
                            % (act, res, lc, iso(t)))
            f.write('</trace>\n')
        f.write('</log>\n')
    else:
        sys.exit("gen_log.py: unknown format " + fmt)
if stats:
    import json
    with open(stats, "w") as f:
        json.dump({"cases": len(set(r[0] for r in rows)), "working_days": len(days),
                   "steps": {str(k): {"n": v[0], "service_mean": v[1] / v[0], "wait_mean": v[2] / v[0]}
                             for k, v in sorted(acc.items())}}, f)
