/*
 * sla_measure.c - the encoding of a kept case measure (docs/store.md,
 * "Case measures"; what a measure holds and when it is kept: sla_month.c).
 *
 * Compact because a month's report reads tens of thousands of them and,
 * on PostgreSQL, every page they sit on (docs/store.md, "Reading a period
 * on PostgreSQL"): the fixed-width encoding before it (MEASURE_CODE 4)
 * took ~670 bytes a case, most of it the per-step actor and activity
 * texts and 8-byte numbers of a few significant digits.  Here:
 *  - integers are LEB128 varints (signed ones zigzagged);
 *  - a number (double) is one varint whose low two bits are a tag:
 *    0 a whole number of seconds, 1 a whole number of milliseconds, both
 *    as the difference from a base (the case's arrival for instants, 0
 *    for durations); 3 the same milliseconds and a second varint, the
 *    ulps the double is off that (a working time between two instants
 *    stamped in ms: their difference is seldom a double of whole ms);
 *    2 with nothing above it: the 8 bytes of the double follow; 2 with 1
 *    above it (6): NAN.  A tag is taken only when decoding gives back the
 *    same bits (checked here as the decoder computes it), so -0.0, other
 *    NaNs, infinities and whatever else go as 8 bytes: every number comes
 *    back bit for bit;
 *  - a step's waktu (std_s) and excess are left out when the SOP gives
 *    them again (stage_step_times: the model's waktu, excess work - std
 *    above it, 0 otherwise and for the applicant's step after the
 *    office's end, whose applicant_after the step number gives), again
 *    checked bit for bit, else written;
 *  - a string is a reference: 0 NULL, 1 a new text added to the
 *    measure's table, 2 + 2j the table's j-th, 3 + 2j the model's j-th
 *    (its steps' pelaksana, then their activities), so a pelaksana the
 *    office's table names is one byte and a log's own actor text is
 *    written once a case.  A new text is 0, its length and its bytes; or
 *    j + 1 for the table's j-th, the p bytes it starts with and the q it
 *    ends with, then the length and bytes of its middle: a log without a
 *    model keeps each step's activity, and its activities share most of
 *    their words ("T02 Check confirmation of receipt", "T04 Determine
 *    confirmation of receipt");
 *  - the planned date's text only when it did not parse: count_planned
 *    quotes only that one; of a date that parsed the decoder gives "".
 * The decoder checks every length, tag and index against the bytes it has
 * and rejects anything else (sla_month_run_range then runs again from the
 * cases' events, keeping their measures anew); it never reads past the
 * blob.
 */
#include "sla_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

static void mb_put(struct sla_mbuf *b, const void *v, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = b->cap ? 2 * b->cap : 512;
		while (b->cap < b->n + n)
			b->cap *= 2;
		b->p = mutu_realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static void mb_uv(struct sla_mbuf *b, uint64_t v)
{
	unsigned char t[10];
	size_t n = 0;
	do {
		t[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			t[n] |= 0x80;
		n++;
	} while (v);
	mb_put(b, t, n);
}

static uint64_t zz(int64_t v)
{
	return v < 0 ? 2 * ((uint64_t)-(v + 1)) + 1 : 2 * (uint64_t)v;
}
static int64_t unzz(uint64_t u)
{
	return u & 1 ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
}

static void mb_sv(struct sla_mbuf *b, int64_t v) { mb_uv(b, zz(v)); }

/* the base instants are taken against: a number's, 0 when it is none */
static double base_of(double v)
{
	return isfinite(v) ? v : 0.0;
}

/* the largest |difference| a tag 0 or 1 takes (the varint then fits in 64 bits) */
#define NUM_SPAN 9007199254740992.0 /* 2^53 */
/* the ulps a tag 3 takes at most either way */
#define ULPS_MAX ((int64_t)1 << 20)

static unsigned uv_len(uint64_t v)
{
	unsigned n = 1;
	while (v >>= 7)
		n++;
	return n;
}

static uint64_t bits_of(double v)
{
	uint64_t u;
	memcpy(&u, &v, sizeof u);
	return u;
}
static double of_bits(uint64_t u)
{
	double v;
	memcpy(&v, &u, sizeof v);
	return v;
}

static void mb_num(struct sla_mbuf *b, double v, double base)
{
	if (same_bits(v, NAN)) {
		mb_uv(b, 1 << 2 | 2);
		return;
	}
	double d = v - base;
	if (isfinite(d) && fabs(d) <= NUM_SPAN) {
		if (d == floor(d)) {
			int64_t k = (int64_t)d;
			if (same_bits(base + (double)k, v)) {
				mb_uv(b, zz(k) << 2);
				return;
			}
		}
		double x = d * 1000.0;
		if (fabs(x) <= NUM_SPAN) {
			int64_t k = (int64_t)llround(x);
			double y = base + (double)k / 1000.0;
			if (same_bits(y, v)) {
				mb_uv(b, zz(k) << 2 | 1);
				return;
			}
			/* a difference of two millisecond instants (a working
			 * time of a log stamped in ms) is a few ulps off the
			 * nearest whole ms: that ms and the ulps */
			int64_t e = (int64_t)(bits_of(v) - bits_of(y));
			if (isfinite(y) && signbit(y) == signbit(v) && e > -ULPS_MAX && e < ULPS_MAX &&
			    uv_len(zz(k) << 2 | 3) + uv_len(zz(e)) < 1 + sizeof v &&
			    same_bits(of_bits(bits_of(y) + (uint64_t)e), v)) {
				mb_uv(b, zz(k) << 2 | 3);
				mb_uv(b, zz(e));
				return;
			}
		}
	}
	mb_uv(b, 2);
	mb_put(b, &v, sizeof v);
}

/* The model's strings a reference may name: its steps' pelaksana, then
 * their activities (j < 2 * nsteps); NULL past them. */
static const char *model_str(const struct sla_sop *s, uint64_t j)
{
	const struct sop_model *m = s->model;
	if (!m || j >= 2 * (uint64_t)m->nsteps)
		return NULL;
	return j < m->nsteps ? m->steps[j].actor : m->steps[j - m->nsteps].activity;
}

/* the strings this measure wrote so far (the encoder's table) */
struct stab {
	const char **v;
	size_t n, cap;
};

static void mb_ref(struct sla_mbuf *b, struct stab *t, const struct sla_sop *s, const char *v)
{
	if (!v) {
		mb_uv(b, 0);
		return;
	}
	for (size_t j = 0; j < t->n; j++)
		if (strcmp(t->v[j], v) == 0) {
			mb_uv(b, 2 + 2 * (uint64_t)j);
			return;
		}
	const char *ms;
	for (uint64_t j = 0; (ms = model_str(s, j)) != NULL; j++)
		if (strcmp(ms, v) == 0) {
			mb_uv(b, 3 + 2 * j);
			return;
		}
	/* a new text: the earlier one it shares most of its start and end
	 * with (a log's activities: "T02 Check confirmation of receipt",
	 * "T04 Determine confirmation of receipt"), and what is between */
	size_t n = strlen(v), best = 0, bp = 0, bq = 0, bj = 0;
	for (size_t j = 0; j < t->n; j++) {
		const char *a = t->v[j];
		size_t na = strlen(a), lim = na < n ? na : n, p = 0, q = 0;
		while (p < lim && a[p] == v[p])
			p++;
		while (q < lim - p && a[na - 1 - q] == v[n - 1 - q])
			q++;
		if (p + q > best) {
			best = p + q;
			bp = p;
			bq = q;
			bj = j;
		}
	}
	mb_uv(b, 1);
	if (best >= 4) {
		mb_uv(b, bj + 1);
		mb_uv(b, bp);
		mb_uv(b, bq);
	} else {
		mb_uv(b, 0);
		bp = bq = 0;
	}
	mb_uv(b, n - bp - bq);
	mb_put(b, v + bp, n - bp - bq);
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = mutu_realloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = v;
}

/* a case-level text: its length + 2 and its bytes; 0 for NULL, 1 for a
 * text not kept (keep 0: sla_measure_decode gives "" for it) */
static void mb_text(struct sla_mbuf *b, const char *v, int keep)
{
	size_t n = v && keep ? strlen(v) : 0;
	mb_uv(b, !v ? 0 : keep ? n + 2 : 1);
	mb_put(b, v ? v : "", n);
}

/* What stage_step_times gives step execution t (step `step`) of SOP s
 * for its waktu and its excess: written only when the step differs. */
static double derived_std(const struct sla_sop *s, int step, int returned)
{
	return s->model && !returned ? sla_step_std(s, step) : NAN;
}
/* the applicant's step after the office's end (stage_step_times'
 * applicant_after): a function of the step, so never written */
static int derived_after(const struct sla_sop *s, int step, int returned)
{
	return s->model && !returned && step > s->end_step && step <= s->last_step;
}
static double derived_excess(double work, double std, int after)
{
	return !isnan(work) && !isnan(std) && work > std && !after ? work - std : 0.0;
}

enum {
	MF_CLOCK = 1,    /* in_clock */
	MF_PREV = 2,     /* from_prev */
	MF_RETURNED = 4, /* returned */
	MF_STD = 8,      /* std_s written */
	MF_EXCESS = 16   /* excess_s written */
};

void sla_measure_encode(struct sla_mbuf *b, const struct sla_case *c, const struct case_zone *z,
			const struct sla_case_in *in, double first, double lastt)
{
	const struct sla_sop *s = c->sop;
	b->n = 0;
	mb_num(b, c->arrival, 0.0);
	double t0 = base_of(c->arrival);
	const double at[] = {c->accepted, c->done, c->deadline_base, c->target, first, lastt};
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
		mb_num(b, at[i], t0);
	const double du[] = {c->work_s, c->calendar_s, c->over_s, c->returns_pre_s};
	for (size_t i = 0; i < sizeof du / sizeof du[0]; i++)
		mb_num(b, du[i], 0.0);
	mb_sv(b, z->da);
	mb_sv(b, (int64_t)((uint64_t)z->dd - (uint64_t)z->da));
	/* the step executions a month takes: measured ones and the late one */
	int64_t kept = 0, late_ev = -1;
	size_t nev = c->finished ? c->nev : 0;
	for (size_t i = 0; i < nev; i++)
		if (!isnan(c->st[i].work_s) || (long)i == c->late_ev) {
			if ((long)i == c->late_ev)
				late_ev = kept;
			kept++;
		}
	const int64_t v[] = {z->moff,	      z->tz,	     c->late,	      c->late_exact,
			     c->late_target,  c->finished,   (int64_t)c->npauses, (int64_t)in->nev,
			     in->target_event, kept,	     late_ev, (int64_t)c->returns_pre,
			     c->applicant_late};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		mb_sv(b, v[i]);
	/* the planned date's text is quoted only when it did not parse
	 * (count_planned); that it was there is all the rest need */
	mb_text(b, in->target_text, isnan(c->target));
	mb_text(b, in->target_name, 1);
	for (size_t i = 0; i < c->npauses; i++) {
		mb_num(b, c->pauses[i].from, t0);
		mb_num(b, c->pauses[i].to, t0);
	}
	struct stab tab = {NULL, 0, 0};
	int need_act = !s->model;
	for (size_t i = 0; i < nev; i++) {
		const struct sla_step_time *t = &c->st[i];
		if (isnan(t->work_s) && (long)i != c->late_ev)
			continue;
		int step = c->ev[i].step;
		double std = derived_std(s, step, t->returned != 0);
		int fl = (t->in_clock ? MF_CLOCK : 0) | (t->from_prev ? MF_PREV : 0) | (t->returned ? MF_RETURNED : 0);
		if (!same_bits(t->std_s, std))
			fl |= MF_STD;
		if (!same_bits(t->excess_s, derived_excess(t->work_s, t->std_s, t->applicant_after)))
			fl |= MF_EXCESS;
		mb_sv(b, step);
		mb_uv(b, (uint64_t)fl);
		mb_num(b, t->work_s, 0.0);
		if (fl & MF_STD)
			mb_num(b, t->std_s, 0.0);
		if (fl & MF_EXCESS)
			mb_num(b, t->excess_s, 0.0);
		mb_ref(b, &tab, s, need_act || (long)i == c->late_ev ? c->ev[i].activity : NULL);
		mb_ref(b, &tab, s, t->actor_key);
	}
	free(tab.v);
}

void sla_mscratch_release(struct sla_mscratch *m)
{
	free(m->ev);
	free(m->st);
	free(m->pauses);
	free(m->text);
	free(m->tname);
	for (size_t i = 0; i < m->scap; i++)
		free(m->str[i]);
	free(m->str);
	free(m->tab);
	memset(m, 0, sizeof *m);
}

struct mread {
	const unsigned char *p;
	size_t n, at;
	int bad;
};

static uint64_t mr_uv(struct mread *r)
{
	uint64_t v = 0;
	for (unsigned sh = 0; !r->bad; sh += 7) {
		if (r->at >= r->n || sh > 63) {
			r->bad = 1;
			break;
		}
		unsigned char x = r->p[r->at++];
		if (sh == 63 && x > 1) { /* bits past the 64th */
			r->bad = 1;
			break;
		}
		v |= (uint64_t)(x & 0x7f) << sh;
		if (!(x & 0x80))
			return v;
	}
	return 0;
}
static int64_t mr_sv(struct mread *r) { return unzz(mr_uv(r)); }

/* a varint that must fit an int (the encoder wrote one) */
static int mr_int(struct mread *r)
{
	int64_t v = mr_sv(r);
	if (v < INT32_MIN || v > INT32_MAX) {
		r->bad = 1;
		return 0;
	}
	return (int)v;
}

static double mr_num(struct mread *r, double base)
{
	uint64_t u = mr_uv(r);
	if (r->bad)
		return NAN;
	switch (u & 3) {
	case 0:
		return base + (double)unzz(u >> 2);
	case 1:
		return base + (double)unzz(u >> 2) / 1000.0;
	case 3: {
		double y = base + (double)unzz(u >> 2) / 1000.0;
		return of_bits(bits_of(y) + (uint64_t)unzz(mr_uv(r)));
	}
	default:
		if (u == (1 << 2 | 2))
			return NAN;
		if (u != 2 || r->n - r->at < sizeof(double)) {
			r->bad = 1;
			return NAN;
		}
		double v;
		memcpy(&v, r->p + r->at, sizeof v);
		r->at += sizeof v;
		return v;
	}
}

/* n bytes into *slot as a NUL-terminated copy (grown, owned by the scratch) */
static const char *mr_bytes(struct mread *r, char **slot, uint64_t n)
{
	if (r->bad || n > r->n - r->at) {
		r->bad = 1;
		return NULL;
	}
	*slot = mutu_realloc(*slot, (size_t)n + 1);
	memcpy(*slot, r->p + r->at, (size_t)n);
	(*slot)[n] = '\0';
	r->at += (size_t)n;
	return *slot;
}

static const char *mr_text(struct mread *r, char **slot)
{
	uint64_t n = mr_uv(r);
	return n ? mr_bytes(r, slot, n - 1 ? n - 2 : 0) : NULL;
}

/* a reference (mb_ref): m->tab holds *ntab strings so far, room for m->scap */
static const char *mr_ref(struct mread *r, const struct sla_sop *s, struct sla_mscratch *m, size_t *ntab)
{
	uint64_t u = mr_uv(r);
	if (r->bad || u == 0)
		return NULL;
	if (u == 1) {
		uint64_t from = mr_uv(r), p = 0, q = 0;
		const char *a = "";
		if (from) {
			p = mr_uv(r);
			q = mr_uv(r);
			a = from - 1 < *ntab ? m->tab[from - 1] : NULL;
			if (!a || p + q < p || p + q > strlen(a))
				r->bad = 1;
		}
		uint64_t mid = mr_uv(r);
		if (r->bad || *ntab >= m->scap || mid > r->n - r->at) {
			r->bad = 1;
			return NULL;
		}
		size_t na = strlen(a), n = (size_t)(p + mid + q);
		char *v = m->str[*ntab] = mutu_realloc(m->str[*ntab], n + 1);
		memcpy(v, a, (size_t)p);
		memcpy(v + p, r->p + r->at, (size_t)mid);
		memcpy(v + p + mid, a + na - q, (size_t)q);
		v[n] = '\0';
		r->at += (size_t)mid;
		m->tab[(*ntab)++] = v;
		return v;
	}
	uint64_t j = (u - 2) / 2;
	const char *v = u & 1 ? model_str(s, j) : j < *ntab ? m->tab[j] : NULL;
	if (!v)
		r->bad = 1;
	return v;
}

int sla_measure_decode(const struct sla_sop *s, struct sla_case_in *in, struct sla_mscratch *m,
		       struct sla_case *c, struct case_zone *z, double *first, double *lastt,
		       struct mutu_err *err)
{
	struct mread r = {in->measure, in->measure_len, 0, 0};
	memset(c, 0, sizeof *c);
	c->case_id = in->case_id;
	c->key = in->key;
	c->sop = s;
	c->as_of = NAN;
	c->arrival = mr_num(&r, 0.0);
	double t0 = base_of(c->arrival);
	c->accepted = mr_num(&r, t0);
	c->done = mr_num(&r, t0);
	c->deadline_base = mr_num(&r, t0);
	c->target = mr_num(&r, t0);
	*first = mr_num(&r, t0);
	*lastt = mr_num(&r, t0);
	c->work_s = mr_num(&r, 0.0);
	c->calendar_s = mr_num(&r, 0.0);
	c->over_s = mr_num(&r, 0.0);
	c->returns_pre_s = mr_num(&r, 0.0);
	c->deadline = c->deadline_exact = c->paused_s = c->pre_s = NAN;
	z->da = mr_sv(&r);
	z->dd = (int64_t)((uint64_t)z->da + (uint64_t)mr_sv(&r));
	z->moff = mr_int(&r);
	z->tz = mr_int(&r);
	c->late = mr_int(&r);
	c->late_exact = mr_int(&r);
	c->late_target = mr_int(&r);
	c->finished = mr_int(&r);
	int np = mr_int(&r), nin = mr_int(&r), tev = mr_int(&r), kept = mr_int(&r), late_ev = mr_int(&r);
	int nret = mr_int(&r);
	c->returns_pre = nret > 0 ? (size_t)nret : 0;
	int al = mr_int(&r);
	c->applicant_late = al == 1;
	/* finished exactly when it has a completion (stage_clock_end); a
	 * pause takes at least 2 bytes and a step execution 5, so neither
	 * count asks for more memory than the blob's size says */
	if (r.bad || c->finished != !isnan(c->done) || np < 0 || nin < 0 || kept < 0 || late_ev < -1 ||
	    late_ev >= kept || nret < 0 || nret > nin || al < 0 || al > 1 || (size_t)np > in->measure_len / 2 ||
	    (size_t)kept > in->measure_len / 5)
		goto bad;
	in->target_text = mr_text(&r, &m->text);
	in->target_name = mr_text(&r, &m->tname);
	in->target_event = tev;
	in->nev = (size_t)nin;
	if ((size_t)np > m->pcap) {
		m->pcap = (size_t)np;
		m->pauses = mutu_realloc(m->pauses, m->pcap * sizeof *m->pauses);
	}
	for (int i = 0; i < np; i++) {
		m->pauses[i].from = mr_num(&r, t0);
		m->pauses[i].to = mr_num(&r, t0);
	}
	c->pauses = m->pauses;
	c->npauses = (size_t)np;
	if ((size_t)kept > m->cap) {
		m->cap = (size_t)kept;
		m->ev = mutu_realloc(m->ev, m->cap * sizeof *m->ev);
		m->st = mutu_realloc(m->st, m->cap * sizeof *m->st);
	}
	/* at most two new strings a step execution */
	if (2 * (size_t)kept > m->scap) {
		m->str = mutu_realloc(m->str, 2 * (size_t)kept * sizeof *m->str);
		memset(m->str + m->scap, 0, (2 * (size_t)kept - m->scap) * sizeof *m->str);
		m->tab = mutu_realloc(m->tab, 2 * (size_t)kept * sizeof *m->tab);
		m->scap = 2 * (size_t)kept;
	}
	size_t ntab = 0;
	for (int i = 0; i < kept && !r.bad; i++) {
		struct sla_event *e = &m->ev[i];
		struct sla_step_time *t = &m->st[i];
		memset(e, 0, sizeof *e);
		memset(t, 0, sizeof *t);
		e->start = e->end = NAN;
		e->start_off = e->end_off = SLA_OFF_NONE;
		e->step = mr_int(&r);
		uint64_t fl = mr_uv(&r);
		if (fl > (MF_CLOCK | MF_PREV | MF_RETURNED | MF_STD | MF_EXCESS))
			goto bad;
		t->in_clock = (fl & MF_CLOCK) != 0;
		t->from_prev = (fl & MF_PREV) != 0;
		t->returned = (fl & MF_RETURNED) != 0;
		t->work_s = mr_num(&r, 0.0);
		t->std_s = fl & MF_STD ? mr_num(&r, 0.0) : derived_std(s, e->step, t->returned);
		t->applicant_after = derived_after(s, e->step, t->returned);
		t->excess_s = fl & MF_EXCESS ? mr_num(&r, 0.0) : derived_excess(t->work_s, t->std_s, t->applicant_after);
		t->from = t->to = t->wait_s = NAN;
		e->activity = mr_ref(&r, s, m, &ntab);
		t->actor_key = mr_ref(&r, s, m, &ntab);
	}
	if (r.bad || r.at != r.n)
		goto bad;
	c->ev = m->ev;
	c->st = m->st;
	c->nev = (size_t)kept;
	c->late_ev = late_ev;
	return 0;
bad:
	return mutu_errf(err, MUTU_EFAIL,
			 "case %.80s: its kept measure is not one this mutu wrote (%zu bytes); report with "
			 "MUTU_REPORT_NO_MEASURES=1, or ingest the case again, which drops it",
			 in->key, in->measure_len);
}
