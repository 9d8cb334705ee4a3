#!/usr/bin/env python3
"""gen_field.py - the hand-designed SiCANTIK-style logs of
tests/cli/test_calib_field.sh, written from each officer's own ordered list
of work so that the true service times are known exactly.

Run once to write the fixtures beside it (they are committed; the test reads
the CSV files, not this script):  python3 gen_field.py

Office: SOP izin-uji-kalibrasi (izin-uji-kalibrasi.ini) on id-wib.  Working day Mon-Thu
07:30-12:00, 13:00-16:00.  Every officer works the files of its list in
order, each as soon as both the officer is free and the file's previous step
has ended (one officer, one file at a time) - the very assumption mutu's
completion-only rebuild makes, so a right rebuild recovers the service
times exactly.

dua-pelaksana.csv  completion-only (end_date, no start_date), 2 days
  (Tue 3 and Wed 4 June 2025), 8 berkas a day submitted online the evening
  before (Pendaftaran Online ends 19:00 + 5 min x k).  Front Office:
  sari, Verifikasi Berkas 20 min.  Back Office: budi, Entri Data Teknis
  60 min; sari also enters two files a day (she helps the Back Office):
    sari: FO c1 c2 c3 c4, BO c2, FO c5 c6 c7 c8, BO c6
    budi: BO c1 c3 c4 c5 c7 c8
  True service: every Verifikasi 20 min (n=16), every Entri 60 min (n=16).

ramadan-lebaran.csv  start and end stamps, 3 March to 30 April 2025: 10
  berkas at the counter every working day (08:10 08:40 09:10 09:40 10:10
  10:40 11:10 13:10 13:40 14:10, inside both the Ramadan hours and the
  usual ones), Pendaftaran 10 min, then Verifikasi by rina 20 min.
  Working days: March 19 (weekdays less 28 Mar cuti bersama and 31 Mar
  Idul Fitri), all in Ramadan 1446H (1-30 March: 390 working minutes a
  day); April 16 (22 weekdays less 1 Apr Idul Fitri, 2, 3, 4, 7 Apr cuti
  bersama, 18 Apr Wafat Yesus Kristus), 450 minutes a day.  350 berkas.

perbaikan.csv  start and end stamps, Mon 14 July to Fri 8 August 2025 (20
  working days, no holiday): 3 berkas a day at 08:00, 09:00, 10:00:
  Pendaftaran Online (pemohon) 10 min, Verifikasi (rina) 20 min, Entri
  (budi) 60 min.  The 09:00 file of every day is sent back to the
  applicant after Entri ("Ditolak", 10:30): Perbaikan Berkas (pemohon,
  mapped to step 1, the applicant's step) from 10:30 to 10:30 the next
  working day, 450 working minutes (Mon-Thu 10:30-16:00 = 270, next day
  07:30-10:30 = 180; Friday's file comes back on Monday: Fri 10:30-11:30
  and 13:00-16:30 = 270, Mon 180), then Verifikasi again (rina, 20 min)
  and Entri again (andi, 60 min).  60 berkas, 20 returns.

oss-loket.csv  completion-only, Mon 14 July to Sun 10 August 2025 (4 weeks,
  no holiday): 6 berkas a working day at the counter (Pendaftaran ends
  08:10 09:10 10:10 13:10 14:10 15:10) and 2 every calendar day from the
  OSS portal at night (21:00 and 21:30, weekends too); only the
  registration (the arrival) is written.  120 counter + 56 online.
"""
import datetime as dt, os

here = os.path.dirname(os.path.abspath(__file__))
SEGS = [(450, 720), (780, 960)]          # Mon-Thu, minutes of the day


def wall(day, w):
    """Working minute w (>= 0) of day -> (date, minute of day); w == 450
    is the closing minute itself (an end exactly at 16:00)."""
    for a, b in SEGS:
        if w <= b - a:
            return a + w
        w -= b - a
    raise ValueError("past closing")


def stamp(day, minute):
    return "%s %02d:%02d:00" % (day.isoformat(), minute // 60, minute % 60)


def dua_pelaksana():
    rows = []
    for day in (dt.date(2025, 6, 3), dt.date(2025, 6, 4)):
        ready = {}                        # case -> working minute its last step ended
        prev = day - dt.timedelta(days=1)
        for k in range(1, 9):
            cid = "503/UK/%s/%02d" % (day.strftime("%m%d"), k)
            rows.append((cid, "Pendaftaran Online", "pemohon", stamp(prev, 19 * 60 + 5 * k)))
            ready[k] = 0
        plan = {
            "sari": [("FO", 1), ("FO", 2), ("FO", 3), ("FO", 4), ("BO", 2),
                     ("FO", 5), ("FO", 6), ("FO", 7), ("FO", 8), ("BO", 6)],
            "budi": [("BO", 1), ("BO", 3), ("BO", 4), ("BO", 5), ("BO", 7), ("BO", 8)],
        }
        free = {o: 0 for o in plan}
        pos = {o: 0 for o in plan}
        done = set()
        # advance whichever officer can start its next file earliest
        while any(pos[o] < len(plan[o]) for o in plan):
            best = None
            for o in plan:
                if pos[o] >= len(plan[o]):
                    continue
                kind, k = plan[o][pos[o]]
                if kind == "BO" and ("FO", k) not in done:
                    continue
                st = max(free[o], ready[k])
                if best is None or st < best[0]:
                    best = (st, o, kind, k)
            st, o, kind, k = best
            end = st + (20 if kind == "FO" else 60)
            free[o] = end
            ready[k] = end
            done.add((kind, k))
            pos[o] += 1
            cid = "503/UK/%s/%02d" % (day.strftime("%m%d"), k)
            act = "Verifikasi Berkas" if kind == "FO" else "Entri Data Teknis"
            rows.append((cid, act, o, stamp(day, wall(day, end))))
    rows.sort(key=lambda r: (r[0], r[3]))
    with open(os.path.join(here, "dua-pelaksana.csv"), "w") as f:
        f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;end_date;status\n")
        for cid, act, who, t in rows:
            f.write("%s;Izin Uji Kalibrasi;%s;%s;%s;Selesai\n" % (cid, act, who, t))


def working_day(d, hol):
    return d.weekday() < 5 and d.isoformat() not in hol


def ramadan_lebaran():
    hol = set()
    with open(os.path.join(here, "../../../../datasets/calendars/id-holidays-2024-2026.csv")) as f:
        next(f)
        for line in f:
            hol.add(line.split(",")[0])
    slots = [8 * 60 + 10, 8 * 60 + 40, 9 * 60 + 10, 9 * 60 + 40, 10 * 60 + 10,
             10 * 60 + 40, 11 * 60 + 10, 13 * 60 + 10, 13 * 60 + 40, 14 * 60 + 10]
    rows, n = [], 0
    d = dt.date(2025, 3, 3)
    while d <= dt.date(2025, 4, 30):
        if working_day(d, hol):
            for m in slots:
                n += 1
                cid = "503/UK/2025/%04d" % n
                rows.append((cid, "Pendaftaran Online", "pemohon", stamp(d, m), stamp(d, m + 10)))
                rows.append((cid, "Verifikasi Berkas", "rina", stamp(d, m + 10), stamp(d, m + 30)))
        d += dt.timedelta(days=1)
    with open(os.path.join(here, "ramadan-lebaran.csv"), "w") as f:
        f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;start_date;end_date;status\n")
        for cid, act, who, t0, t1 in rows:
            f.write("%s;Izin Uji Kalibrasi;%s;%s;%s;%s;Selesai\n" % (cid, act, who, t0, t1))


def perbaikan():
    rows, n = [], 0
    days = []
    d = dt.date(2025, 7, 14)
    while d <= dt.date(2025, 8, 8):
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    for i, d in enumerate(days):
        nxt = days[i + 1] if i + 1 < len(days) else dt.date(2025, 8, 11)
        for j, m in enumerate((8 * 60, 9 * 60, 10 * 60)):
            n += 1
            cid = "503/UK/2025/P%03d" % n
            rows.append((cid, "Pendaftaran Online", "pemohon", stamp(d, m), stamp(d, m + 10), "Selesai"))
            rows.append((cid, "Verifikasi Berkas", "rina", stamp(d, m + 10), stamp(d, m + 30), "Selesai"))
            if j != 1:
                rows.append((cid, "Entri Data Teknis", "budi", stamp(d, m + 30), stamp(d, m + 90), "Selesai"))
                continue
            rows.append((cid, "Entri Data Teknis", "budi", stamp(d, m + 30), stamp(d, m + 90), "Ditolak"))
            rows.append((cid, "Perbaikan Berkas", "pemohon", stamp(d, m + 90), stamp(nxt, m + 90), "Selesai"))
            rows.append((cid, "Verifikasi Berkas", "rina", stamp(nxt, m + 90), stamp(nxt, m + 110), "Selesai"))
            rows.append((cid, "Entri Data Teknis", "andi", stamp(nxt, m + 110), stamp(nxt, m + 170), "Selesai"))
    with open(os.path.join(here, "perbaikan.csv"), "w") as f:
        f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;start_date;end_date;status\n")
        for r in rows:
            f.write("%s;Izin Uji Kalibrasi;%s;%s;%s;%s;%s\n" % r)


def oss_loket():
    rows, n = [], 0
    d = dt.date(2025, 7, 14)
    while d <= dt.date(2025, 8, 10):
        slots = []
        if d.weekday() < 5:
            slots += [("loket", m) for m in (490, 550, 610, 790, 850, 910)]
        slots += [("oss", 21 * 60), ("oss", 21 * 60 + 30)]
        for kind, m in slots:
            n += 1
            cid = "503/UK/2025/O%03d" % n
            rows.append((cid, "Pendaftaran Online", "pemohon" if kind == "oss" else "loket", stamp(d, m)))
        d += dt.timedelta(days=1)
    with open(os.path.join(here, "oss-loket.csv"), "w") as f:
        f.write("no_permohonan;jenis_izin;nama_proses;diproses_oleh;end_date;status\n")
        for r in rows:
            f.write("%s;Izin Uji Kalibrasi;%s;%s;%s;Selesai\n" % r)


dua_pelaksana()
ramadan_lebaran()
perbaikan()
oss_loket()
