#!/usr/bin/env python3
"""tests/cli/store_entries.py DB - print a store's content as sorted lines
that do not depend on how a log format spells it, so two stores loaded from
the same cases through different formats (CSV, XES) compare equal:

  case KEY | sop | case attributes
  entry KEY | activity | actor | step | start|complete | UTC ms | offset | event attributes

A stored step execution with a start and an end is two entries (start,
complete), as XES writes it; a row with one stamp is one.  So a reader that
pairs XES start/complete events into one row and one that stores them as
two rows give the same lines.  The SOP and the step may live in their
columns or in attributes named sop/step.  Attribute values that are a date
and time with an offset are compared as instants at that offset
(2011-12-06 13:41:31.788000+01:00 = 2011-12-06T13:41:31.788+01:00).  Left
out: the lifecycle text and the "status" attribute (XES moves a status that
is no lifecycle transition into "status"), line numbers, batches, the
unknown flag (it depends on the models at hand).
"""
import datetime
import sqlite3
import sys


def norm(v):
    if v is None:
        return ''
    if len(v) >= 16 and v[4] == '-' and v[7] == '-' and v[10] in 'T ':
        try:
            d = datetime.datetime.fromisoformat(v)
            if d.tzinfo is not None:
                return 'date:' + d.isoformat(timespec='milliseconds')
        except ValueError:
            pass
    return v.replace('\n', '\\n')


db = sqlite3.connect(sys.argv[1])
out = []
cattrs = {}
for cid, name, value in db.execute('SELECT case_id, name, value FROM case_attrs'):
    cattrs.setdefault(cid, {})[name] = value
keys = {}
for cid, key, sop in db.execute('SELECT id, case_key, sop FROM cases'):
    keys[cid] = key
    a = dict(cattrs.get(cid, {}))
    sop = sop if sop is not None else a.get('sop')
    a.pop('sop', None)
    out.append('case %s | %s | %s' % (key, sop or '', ' '.join(
        '%s=%s' % (k, norm(a[k])) for k in sorted(a))))
eattrs = {}
for eid, name, value in db.execute('SELECT event_id, name, value FROM event_attrs'):
    eattrs.setdefault(eid, {})[name] = value
for (eid, cid, step, act, actor, sms, soff, ems, eoff) in db.execute(
        'SELECT id, case_id, step, activity, actor, start_ms, start_off, end_ms, end_off FROM events'):
    a = dict(eattrs.get(eid, {}))
    st = step if step is not None else a.get('step')
    for k in ('step', 'status'):
        a.pop(k, None)
    at = ' '.join('%s=%s' % (k, norm(a[k])) for k in sorted(a))
    for kind, ms, off in (('start', sms, soff), ('complete', ems, eoff)):
        if ms is not None:
            out.append('entry %s | %s | %s | %s | %s | %d | %d | %s' % (
                keys[cid], act, actor or '', '' if st is None else st, kind, ms, off, at))
for line in sorted(out):
    print(line)
