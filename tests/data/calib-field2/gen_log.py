#!/usr/bin/env python3
"""gen_log.py - SiCANTIK-style logs of SOP izin-uji-lapangan2
(izin-uji-lapangan2.ini) whose generating process is known, for
tests/cli/test_calib_field2.sh (mutu calibrate, second field round).

Run once to write the fixtures beside it (they are committed; the test reads
the CSV files and truth.json, not this script):  python3 gen_log.py

Time is generated on the working-minute clock of id-wib (Mon-Thu 07:30-12:00,
13:00-16:00; Fri 07:30-11:30, 13:00-16:30; 450 a day; weekends and the
holidays of datasets/calendars/id-holidays-2024-2026.csv are no working
days) and then mapped to wall-clock stamps, so a service over the lunch break
or the night lasts its working minutes.  Every log has a fixed seed.

The office (every log, unless its line below says otherwise):
  arrivals  Poisson, RATE per working day, uniform over the day's working minutes
  step 1    Pendaftaran Online, Pemohon: uniform 5..15 min, no queue
  step 2    Verifikasi Berkas, Front Office, 2 officers (rina, sari), FIFO,
            exponential mean 20 min
  step 3    Peninjauan Lapangan, Tim Teknis: a delay of exactly 6 Hari (2700
            working min) for every file, no queue; NOT in the log (SiCANTIK
            does not log the site visit)
  step 4    Entri Data Teknis, Back Office, 1 officer (budi), FIFO,
            exponential mean 40 min
  step 5    Penandatanganan Izin, Kepala Dinas, 1 (hendra), FIFO,
            exponential mean 10 min
Period: Mon 8 September to Fri 31 October 2025, 40 working days (no holiday:
Maulid is Fri 5 September).  RATE 4.5.

The logs (rows start_date and end_date, unless said):
  tim-teknis.csv   the office as above: 4.5 a day, step 3 never logged.
  dua-nama.csv     the same office, two monthly exports joined: September's
                   names its officers by NIP (user id), October's by name
                   (rina = 198503122010012001, sari = 199001052015022002,
                   budi = 198807202012011003, hendra = 197502141998031004).
  renovasi.csv     the office shut for renovation Mon 6 - Fri 17 October
                   (10 working days, no arrivals, nobody works); RATE 6.
  juli.csv         Tue 1 July - Fri 29 August 2025 (holidays: 17 Aug is a
                   Sunday, 18 Aug cuti bersama): RATE 4 in August, 8 in July.
  rework.csv       after the signature (step 5) the Kepala Dinas sends 30%
                   of the drafts back to the Back Office (step 4) for
                   correction, then signs again, each signing independently;
                   RATE 4.5.
  batch.csv        the Kepala Dinas signs once a day at 15:00: the files
                   ready by then, one after another (exponential mean 3 min);
                   later ones the next day at 15:00.
  lognormal.csv    Entri lognormal, mean 40 min, cv 2 (sigma^2 = ln 5,
                   mu = ln 40 - ln 5 / 2); RATE 4.5.
  empat-puluh.csv  40 berkas only over the 40 working days (a Poisson process
                   given its count: uniform over the period), 1 a day.
truth.json: per log what the generator realised (files, working days, per step
the mean service and the executions, the rework share, the log's own mean
lead from step 1's start to step 5's end in working minutes), with the
parameters above, so the test compares mutu's estimates with both.
"""
import datetime as dt, heapq, json, math, os, random

here = os.path.dirname(os.path.abspath(__file__))
hol = set()
with open(os.path.join(here, "../../../datasets/calendars/id-holidays-2024-2026.csv")) as f:
    next(f)
    for line in f:
        hol.add(line.split(",")[0])

DAY = 450


def working_days(first, last, closed=()):
    out, d = [], first
    while d <= last:
        if d.weekday() < 5 and d.isoformat() not in hol and d not in closed:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def segs(d):
    return [(450, 240), (780, 210)] if d.weekday() == 4 else [(450, 270), (780, 180)]


class Clock:
    """Working minute W >= 0 on the listed days -> a wall stamp."""

    def __init__(self, days):
        self.days = days

    def day(self, i):
        if i < len(self.days):
            return self.days[i]
        d = self.days[-1]                 # past the period: the days after it
        extra = i - len(self.days) + 1
        while extra:
            d += dt.timedelta(days=1)
            if d.weekday() < 5 and d.isoformat() not in hol:
                extra -= 1
        return d

    def stamp(self, w):
        i = int(w // DAY)
        r = w - i * DAY
        d = self.day(i)
        for a, n in segs(d):
            if r <= n:
                m = a + r
                break
            r -= n
        sec = int(round(m * 60))
        return "%s %02d:%02d:%02d" % (d.isoformat(), sec // 3600, sec // 60 % 60, sec % 60)


def batch_minute(d):
    """The working minute of 15:00 in day d."""
    return 270 + 120 if d.weekday() < 4 else 240 + 120


def run(name, days, rate, seed, rework=0.0, batch=False, entri=None, max_files=None,
        names=None, ext_days=None, rate_of=None, who=None, selesai=False):
    """Simulate the office on the working-minute clock of `days` (closed days
    are absent from it and so are simply not there); write NAME.csv."""
    rnd = random.Random(seed)
    clock = Clock(ext_days or days)
    # arrivals: Poisson per day, uniform over its working minutes
    arr = []
    for i, d in enumerate(days):
        lam = rate_of(d) if rate_of else rate
        # Poisson by inversion
        k, p, L = 0, rnd.random(), math.exp(-lam)
        while p > L:
            k += 1
            p *= rnd.random()
        for _ in range(k):
            arr.append((i * DAY + rnd.random() * DAY))
    if max_files:
        # N files of a Poisson process on an interval, given N, lie
        # uniformly on it: exactly max_files, rate max_files / days
        arr = [rnd.random() * len(days) * DAY for _ in range(max_files)]
    arr.sort()
    entri = entri or (lambda: rnd.expovariate(1 / 40.0))
    # officers by pelaksana; one officer named at two is one person (one
    # file at a time, wherever): free[name] is when she is free
    who = who or {"Front Office": ["rina", "sari"], "Back Office": ["budi"], "Kepala Dinas": ["hendra"]}
    free = {o: 0.0 for v in who.values() for o in v}
    rows, leads = [], []
    stats = {k: [] for k in (1, 2, 4, 5)}
    bo_exec = bo_back = 0
    # Files are served FIFO in the order they reach a pelaksana; process by
    # an event queue of (time ready, seq, case, step).
    ev = []
    seq = 0
    cases = {}
    for n, t in enumerate(arr, 1):
        cid = "503/UL/2025/%04d" % n
        s1 = 5 + 10 * rnd.random()
        rows.append((cid, "Pendaftaran Online", "pemohon", t, t + s1))
        stats[1].append(s1)
        cases[cid] = t
        heapq.heappush(ev, (t + s1, seq, cid, 2))
        seq += 1
    while ev:
        t, _, cid, step = heapq.heappop(ev)
        if step == 3:               # the site visit: 6 Hari, not logged
            heapq.heappush(ev, (t + 6 * DAY, seq, cid, 4))
            seq += 1
            continue
        p = {2: "Front Office", 4: "Back Office", 5: "Kepala Dinas"}[step]
        srv = [free[o] for o in who[p]]
        j = min(range(len(srv)), key=lambda x: srv[x])
        start = max(t, srv[j])
        if batch and step == 5:
            # waiting at 15:00 (ready by then): today's batch, else the next
            i = int(t // DAY)
            bm = i * DAY + batch_minute(clock.day(i))
            if t > bm:
                i += 1
                bm = i * DAY + batch_minute(clock.day(i))
            start = max(bm, srv[j])
        svc = {2: lambda: rnd.expovariate(1 / 20.0), 4: entri,
               5: (lambda: rnd.expovariate(1 / 3.0)) if batch else (lambda: rnd.expovariate(1 / 10.0))}[step]()
        end = start + svc
        free[who[p][j]] = end
        stats[step].append(svc)
        officer = who[p][j]
        if names:
            officer = names(officer, start)
        act = {2: "Verifikasi Berkas", 4: "Entri Data Teknis", 5: "Penandatanganan Izin"}[step]
        rows.append((cid, act, officer, start, end))
        if step == 2:
            nxt = 4 if any(r[0] == cid and r[1] == "Entri Data Teknis" for r in rows) else 3
        elif step == 4:
            rnd.random()                  # (a draw every log's stream keeps)
            nxt = 5
        else:
            bo_exec += 1
            if rework and rnd.random() < rework:  # the draft back to the Back Office
                bo_back += 1
                heapq.heappush(ev, (end, seq, cid, 4))
                seq += 1
                continue
            leads.append(end - cases[cid])
            continue
        heapq.heappush(ev, (end, seq, cid, nxt))
        seq += 1
    rows.sort(key=lambda r: (r[0], r[3]))
    with open(os.path.join(here, name + ".csv"), "w") as f:
        f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;start_date;end_date;status\n")
        for cid, act, o, t0, t1 in rows:
            f.write("%s;Izin Uji Lapangan Dua;%s;%s;%s;%s;Selesai\n"
                    % (cid, act, o, clock.stamp(t0), clock.stamp(t1)))
    if selesai:                          # the same rows, end_date only
        with open(os.path.join(here, name + "-selesai.csv"), "w") as f:
            f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;end_date;status\n")
            for cid, act, o, t0, t1 in rows:
                f.write("%s;Izin Uji Lapangan Dua;%s;%s;%s;Selesai\n" % (cid, act, o, clock.stamp(t1)))
    per_officer = {}
    for cid, act, o, t0, t1 in rows:
        per_officer.setdefault(act + "/" + o, []).append(t1 - t0)
    mean = lambda v: sum(v) / len(v) if v else None
    return {"files": len(arr), "working_days": len(days),
            "service_mean": {str(k): mean(v) for k, v in stats.items()},
            "service_n": {str(k): len(v) for k, v in stats.items()},
            "sign_executions": bo_exec, "sign_back": bo_back,
            "lead_mean": mean(leads),
            "service_mean_by_officer": {k: mean(v) for k, v in sorted(per_officer.items())
                                        if not k.startswith("Pendaftaran")}}


sep_oct = working_days(dt.date(2025, 9, 8), dt.date(2025, 10, 31))
NIP = {"rina": "198503122010012001", "sari": "199001052015022002",
       "budi": "198807202012011003", "hendra": "197502141998031004"}
truth = {}
truth["tim-teknis"] = run("tim-teknis", sep_oct, 4.5, 11, selesai=True)
# completion-only, sari at two pelaksana: she checks at the Front Office
# (alone) and enters at the Back Office beside budi, one file at a time;
# RATE 5: Front Office load 5 x 20 / 450 = 0.22 on sari, Back Office
# 5 x 40 / 450 = 0.44 shared
truth["dua-pelaksana"] = run("dua-pelaksana", sep_oct, 5.0, 20, selesai=True,
                             who={"Front Office": ["sari"], "Back Office": ["budi", "sari"],
                                  "Kepala Dinas": ["hendra"]})
# September's export names officers by NIP: the day index of 1 October is 17
oct1 = sep_oct.index(dt.date(2025, 10, 1)) * DAY
truth["dua-nama"] = run("dua-nama", sep_oct, 4.5, 12,
                        names=lambda o, t: NIP[o] if t < oct1 else o)
reno = [dt.date(2025, 10, 6) + dt.timedelta(days=k) for k in range(12)]
open_days = working_days(dt.date(2025, 9, 8), dt.date(2025, 10, 31), closed=set(reno))
truth["renovasi"] = run("renovasi", open_days, 6.0, 13)
truth["renovasi"]["closed_working_days"] = 10
jul_aug = working_days(dt.date(2025, 7, 1), dt.date(2025, 8, 29))
truth["juli"] = run("juli", jul_aug, None, 14, rate_of=lambda d: 8.0 if d.month == 7 else 4.0)
truth["juli"]["july_days"] = sum(d.month == 7 for d in jul_aug)
truth["rework"] = run("rework", sep_oct, 4.5, 15, rework=0.3)
truth["batch"] = run("batch", sep_oct, 4.5, 16, batch=True)
sig2 = math.log(5.0)
rl = random.Random(17)
truth["lognormal"] = run("lognormal", sep_oct, 4.5, 18,
                         entri=lambda: rl.lognormvariate(math.log(40) - sig2 / 2, math.sqrt(sig2)))
truth["empat-puluh"] = run("empat-puluh", sep_oct, 1.0, 19, max_files=40)
with open(os.path.join(here, "truth.json"), "w") as f:
    json.dump(truth, f, indent=1, sort_keys=True)
    f.write("\n")
