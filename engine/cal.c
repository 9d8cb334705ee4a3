/*
 * cal.c - working-time arithmetic on a built calendar: between, add,
 * deadline, is_working, day kinds, plus the 24x7 calendar.
 *
 * Everything rests on two monotone functions.  work_at(t) is the working
 * seconds from the start of the range to t: the day of t is found by one
 * integer division (no daylight saving, so every local day is 86400 s),
 * then cum[day] plus the part of that day's few intervals before t.
 * instant_at(w) is its inverse: a binary search for the day over cum[],
 * then a walk through that day's intervals.  Because work_at is flat over
 * nights, weekends and holidays, instant_at returns the EARLIEST instant
 * with that much work: work that ends at closing time ends at 16:00, not
 * at 07:30 the next working morning.
 *
 * Loading and building the tables lives in cal_load.c, timestamps in
 * cal_time.c.
 */
#include "cal_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building blocks shared with cal_load.c ------------------------ */

struct cal *cal_alloc(const char *name, const char *zone, int offset, int64_t day0,
		      int32_t ndays)
{
	struct cal *c = mutu_calloc(1, sizeof *c);
	c->name = mutu_strdup(name);
	c->zone = mutu_strdup(zone);
	c->offset = offset;
	c->day0 = day0;
	c->ndays = ndays;
	c->pat = mutu_calloc(CAL_MAX_PATTERNS, sizeof *c->pat);
	c->npat = 1; /* pattern 0: no work */
	c->day_pat = mutu_calloc((size_t)ndays, 1);
	c->kind = mutu_calloc((size_t)ndays, 1);
	c->hname = mutu_calloc((size_t)ndays, sizeof *c->hname);
	c->htype = mutu_calloc((size_t)ndays, 1);
	c->day_minutes = 450;
	c->reading = CAL_DAY_NET;
	return c;
}

int cal_add_pattern(struct cal *c, const struct cal_pattern *p)
{
	if (p->n == 0)
		return 0;
	for (int i = 1; i < c->npat; i++) {
		const struct cal_pattern *q = &c->pat[i];
		if (q->n == p->n && memcmp(q->s, p->s, sizeof(int32_t) * (size_t)p->n) == 0 &&
		    memcmp(q->e, p->e, sizeof(int32_t) * (size_t)p->n) == 0)
			return i;
	}
	if (c->npat >= CAL_MAX_PATTERNS)
		return -1;
	struct cal_pattern *q = &c->pat[c->npat];
	memset(q, 0, sizeof *q);
	q->n = p->n;
	q->total = 0;
	for (int i = 0; i < p->n; i++) {
		q->s[i] = p->s[i];
		q->e[i] = p->e[i];
		q->total += p->e[i] - p->s[i];
	}
	for (int i = 0; i < CAL_MAX_IV; i++) {
		q->fs[i] = i < q->n ? q->s[i] : CAL_DAY_SEC;
		q->flen[i] = i < q->n ? q->e[i] - q->s[i] : 0;
	}
	return c->npat++;
}

const char *cal_keep_name(struct cal *c, const char *name)
{
	for (int i = 0; i < c->nnames; i++)
		if (strcmp(c->names[i], name) == 0)
			return c->names[i];
	if (c->nnames == c->cap_names) {
		c->cap_names = c->cap_names ? 2 * c->cap_names : 32;
		c->names = mutu_realloc(c->names, sizeof *c->names * (size_t)c->cap_names);
	}
	c->names[c->nnames] = mutu_strdup(name);
	return c->names[c->nnames++];
}

void cal_finish(struct cal *c)
{
	/* One pass over the day bytes: per-year sums, the shortest working
	 * day (for the bucket) and whether every day is worked whole.  The
	 * tables themselves wait for the years a caller touches. */
	c->nyears = c->year_last - c->year_first + 1;
	c->yday = mutu_malloc(sizeof *c->yday * ((size_t)c->nyears + 1));
	c->ycum = mutu_malloc(sizeof *c->ycum * ((size_t)c->nyears + 1));
	c->ywork = mutu_malloc(sizeof *c->ywork * ((size_t)c->nyears + 1));
	/* Integer sums (a day's work is whole seconds), so the loop carries
	 * no floating-point chain; the doubles they give are exact, as the
	 * running double sum was (below 2^53), so nothing changes but time:
	 * 230 years of 24x7 are 84,006 days, read on every `mutu sim`. */
	int64_t day_total[256] = {0}; /* every uint8_t index */
	int32_t worked[256] = {0};
	uint8_t seen[256] = {0};
	for (int i = 0; i < c->npat; i++) {
		day_total[i] = c->pat[i].total;
		worked[i] = c->pat[i].total > 0;
	}
	int64_t ws = 0;
	int32_t k = 0, d = 0;
	for (int y = 0; y < c->nyears; y++) {
		int32_t next = (int32_t)(cal_days_from_civil(c->year_first + y + 1, 1, 1) - c->day0);
		if (next > c->ndays)
			next = c->ndays;
		c->yday[y] = d;
		c->ycum[y] = (double)ws;
		c->ywork[y] = k;
		for (; d < next; d++) {
			uint8_t p = c->day_pat[d];
			ws += day_total[p];
			k += worked[p];
			seen[p] = 1;
		}
	}
	double shortest = CAL_DAY_SEC; /* the shortest working day that occurs */
	for (int i = 0; i < c->npat; i++)
		if (seen[i] && worked[i] && day_total[i] < shortest)
			shortest = (double)day_total[i];
	double w = (double)ws;
	c->yday[c->nyears] = c->ndays;
	c->ycum[c->nyears] = w;
	c->ywork[c->nyears] = k;
	c->nwork = k;
	c->always = k == c->ndays && w == (double)c->ndays * CAL_DAY_SEC;

	/* keep the index small even for a calendar of very short days */
	double floor_b = w / (4.0 * (double)c->ndays + 1024);
	c->bucket = shortest > floor_b ? shortest : floor_b;
	if (!(c->bucket > 0))
		c->bucket = 1;
	c->nbuckets = (int64_t)(w / c->bucket) + 1;
	c->first = (double)(c->day0 * CAL_DAY_SEC - c->offset);
	c->end = c->first + (double)c->ndays * CAL_DAY_SEC;

	struct cal_tab *t = mutu_calloc(1, sizeof *t);
	t->ya = c->year_first;
	t->yb = c->year_first - 1; /* no years yet */
	atomic_init(&c->tab, t);
	pthread_mutex_init(&c->lock, NULL);
}

static void tab_free(struct cal_tab *t)
{
	while (t) {
		struct cal_tab *o = t->older;
		free(t->cum);
		free(t->wcount);
		free(t->wday);
		free(t->wcum);
		free(t->bidx);
		free(t);
		t = o;
	}
}

/* The tables of years [ya, yb] (within the calendar's), the values a
 * build of the whole range would give (cal_int.h). */
static struct cal_tab *tab_build(const struct cal *c, int ya, int yb)
{
	struct cal_tab *t = mutu_calloc(1, sizeof *t);
	int ia = ya - c->year_first, ib = yb - c->year_first + 1;
	t->ya = ya;
	t->yb = yb;
	t->lo = c->yday[ia];
	t->hi = c->yday[ib];
	t->klo = c->ywork[ia];
	t->khi = c->ywork[ib];
	t->wlo = c->ycum[ia];
	t->whi = c->ycum[ib];
	size_t n = (size_t)(t->hi - t->lo), nk = (size_t)(t->khi - t->klo);
	t->cum = mutu_malloc(sizeof *t->cum * (n + 1));
	t->wcount = mutu_malloc(sizeof *t->wcount * (n + 1));
	t->wday = mutu_malloc(sizeof *t->wday * (nk + 1));
	t->wcum = mutu_malloc(sizeof *t->wcum * (nk + 1));
	double w = t->wlo;
	int32_t k = t->klo;
	for (size_t i = 0; i < n; i++) {
		int32_t d = t->lo + (int32_t)i;
		const struct cal_pattern *p = &c->pat[c->day_pat[d]];
		t->cum[i] = w;
		t->wcount[i] = k;
		if (p->n > 0) {
			t->wday[k - t->klo] = d;
			t->wcum[k - t->klo] = w;
			k++;
		}
		w += p->total;
	}
	t->cum[n] = w;
	t->wcount[n] = k;
	t->jlo = (int64_t)(t->wlo / c->bucket);
	t->jhi = (int64_t)(t->whi / c->bucket) + 1;
	if (t->jhi > c->nbuckets)
		t->jhi = c->nbuckets;
	if (t->jlo > t->jhi)
		t->jlo = t->jhi;
	t->bidx = mutu_malloc(sizeof *t->bidx * ((size_t)(t->jhi - t->jlo) + 1));
	int32_t kk = t->klo;
	for (int64_t j = t->jlo; j < t->jhi; j++) {
		double lo = (double)j * c->bucket;
		while (kk + 1 < t->khi && t->wcum[kk + 1 - t->klo] < lo)
			kk++;
		t->bidx[j - t->jlo] = kk;
	}
	return t;
}

static inline const struct cal_tab *tab_now(const struct cal *c)
{
	return atomic_load_explicit((_Atomic(struct cal_tab *) *)&c->tab, memory_order_acquire);
}

/*
 * The tables with years [ya, yb] (clamped to the calendar's), built now
 * if the current ones lack any of them.  The lock serialises builders;
 * readers never take it (they load c->tab and find what they need, or
 * come here).  A table grows at least by its own width, so a caller
 * walking year by year through the range builds O(log years) tables.
 * c is const to callers because its answers never change; only this
 * cache does, and struct cal is always allocated writable (cal_alloc).
 */
static const struct cal_tab *tab_need(const struct cal *cc, int ya, int yb)
{
	struct cal *c = (struct cal *)cc;
	if (ya < c->year_first)
		ya = c->year_first;
	if (yb > c->year_last)
		yb = c->year_last;
	pthread_mutex_lock(&c->lock);
	struct cal_tab *t = atomic_load_explicit(&c->tab, memory_order_relaxed);
	if (t->yb >= t->ya && ya >= t->ya && yb <= t->yb) {
		pthread_mutex_unlock(&c->lock);
		return t; /* another thread built them meanwhile */
	}
	if (t->yb >= t->ya) {
		int width = t->yb - t->ya + 1;
		if (yb > t->yb && yb < t->yb + width)
			yb = t->yb + width;
		if (ya < t->ya && ya > t->ya - width)
			ya = t->ya - width;
		if (ya > t->ya)
			ya = t->ya;
		if (yb < t->yb)
			yb = t->yb;
		if (ya < c->year_first)
			ya = c->year_first;
		if (yb > c->year_last)
			yb = c->year_last;
	}
	struct cal_tab *nt = tab_build(c, ya, yb);
	nt->older = t;
	atomic_store_explicit(&c->tab, nt, memory_order_release);
	pthread_mutex_unlock(&c->lock);
	return nt;
}

static int year_of_index(const struct cal *c, int32_t d)
{
	int y, m, dd;
	cal_civil_from_days(c->day0 + d, &y, &m, &dd);
	return y;
}

/* Tables holding day index d (0 <= d < ndays). */
static __attribute__((noinline)) const struct cal_tab *tab_day_slow(const struct cal *c, int32_t d)
{
	int y = year_of_index(c, d);
	return tab_need(c, y, y);
}

static inline const struct cal_tab *tab_day(const struct cal *c, int32_t d)
{
	const struct cal_tab *t = tab_now(c);
	if ((uint32_t)(d - t->lo) < (uint32_t)(t->hi - t->lo))
		return t;
	return tab_day_slow(c, d);
}

/* Tables holding the answer of instant_at(w), 0 < w <= total: the year
 * of the last working day that starts with less work than w. */
static __attribute__((noinline)) const struct cal_tab *tab_work_slow(const struct cal *c, double w)
{
	int lo = 0, hi = c->nyears - 1; /* last y with ycum[y] < w */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (c->ycum[mid] < w)
			lo = mid;
		else
			hi = mid - 1;
	}
	return tab_need(c, c->year_first + lo, c->year_first + lo);
}

/* Tables holding working day number k (0 <= k < nwork). */
static const struct cal_tab *tab_work_day(const struct cal *c, int32_t k)
{
	const struct cal_tab *t = tab_now(c);
	if (k >= t->klo && k < t->khi)
		return t;
	int lo = 0, hi = c->nyears - 1; /* last y with ywork[y] <= k */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (c->ywork[mid] <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return tab_need(c, c->year_first + lo, c->year_first + lo);
}

/* Working days before day index d (0 <= d <= ndays). */
static int32_t wcount_at(const struct cal *c, int32_t d)
{
	if (d >= c->ndays)
		return c->nwork;
	const struct cal_tab *t = tab_day(c, d);
	return t->wcount[d - t->lo];
}

/* Day index of working day number k (0 <= k < nwork). */
static int32_t wday_at(const struct cal *c, int32_t k)
{
	const struct cal_tab *t = tab_work_day(c, k);
	return t->wday[k - t->klo];
}

int cal_prepare(const struct cal *c, double a, double b, struct mutu_err *err)
{
	if (!(a >= c->first && a <= c->end) || !(b >= c->first && b <= c->end) || b < a)
		return mutu_errf(err, MUTU_ERANGE,
				 "cannot prepare calendar %s for %.0f..%.0f: it covers %d-%d "
				 "(instants %.0f..%.0f); use a calendar whose years cover the span",
				 c->name, a, b, c->year_first, c->year_last, c->first, c->end);
	int64_t da = (int64_t)((a - c->first) / CAL_DAY_SEC), db = (int64_t)((b - c->first) / CAL_DAY_SEC);
	if (da >= c->ndays)
		da = c->ndays - 1;
	if (db >= c->ndays)
		db = c->ndays - 1;
	int ya = year_of_index(c, (int32_t)da), yb = year_of_index(c, (int32_t)db);
	const struct cal_tab *t = tab_now(c);
	if (t->yb >= t->ya && ya >= t->ya && yb <= t->yb)
		return 0;
	tab_need(c, ya, yb);
	return 0;
}

int cal_prepared_years(const struct cal *c, int *first_year, int *last_year)
{
	const struct cal_tab *t = tab_now(c);
	if (first_year)
		*first_year = t->ya;
	if (last_year)
		*last_year = t->yb;
	return t->yb >= t->ya ? t->yb - t->ya + 1 : 0;
}

void cal_free(struct cal *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	free(c->name);
	free(c->zone);
	free(c->pat);
	free(c->day_pat);
	free(c->kind);
	free(c->hname);
	free(c->htype);
	free(c->yday);
	free(c->ycum);
	free(c->ywork);
	if (c->yday) { /* cal_finish ran: the tables and the lock exist */
		tab_free(atomic_load_explicit(&c->tab, memory_order_relaxed));
		pthread_mutex_destroy(&c->lock);
	}
	free(c);
}

struct cal *cal_create_24x7(int utc_offset_seconds)
{
	char zone[16];
	int a = utc_offset_seconds < 0 ? -utc_offset_seconds : utc_offset_seconds;
	snprintf(zone, sizeof zone, "%c%02d:%02d", utc_offset_seconds < 0 ? '-' : '+',
		 (a / 3600) % 100, (a / 60) % 60);
	int64_t d0 = cal_days_from_civil(1970, 1, 1);
	int64_t d1 = cal_days_from_civil(2200, 1, 1);
	struct cal *c = cal_alloc("24x7", zone, utc_offset_seconds, d0, (int32_t)(d1 - d0));
	struct cal_pattern all = {.n = 1, .s = {0}, .e = {CAL_DAY_SEC}};
	int pi = cal_add_pattern(c, &all);
	memset(c->day_pat, pi, (size_t)c->ndays);
	c->day_minutes = 1440;
	c->year_first = 1970;
	c->year_last = 2199;
	cal_finish(c);
	return c;
}

/* ---- accessors ------------------------------------------------------ */

const char *cal_name(const struct cal *c) { return c->name; }
int cal_always_open(const struct cal *c) { return c->always; }
int cal_utc_offset(const struct cal *c) { return c->offset; }
const char *cal_zone_label(const struct cal *c) { return c->zone; }
int cal_day_minutes(const struct cal *c) { return c->day_minutes; }
enum cal_day_reading cal_reading(const struct cal *c) { return c->reading; }

void cal_range(const struct cal *c, double *first, double *end)
{
	if (first)
		*first = c->first;
	if (end)
		*end = c->end;
}

/* ---- the two monotone functions -------------------------------------- */

/* Day index and seconds into that local day of t (first <= t < end).
 * Integer division on the whole seconds keeps day boundaries exact. */
static inline int32_t day_of(const struct cal *c, double t, double *sec)
{
	double x = t - c->first;
	int64_t whole = (int64_t)x;
	int64_t d = whole / CAL_DAY_SEC;
	*sec = (double)(whole - d * CAL_DAY_SEC) + (x - (double)whole);
	return (int32_t)d;
}

double cal_work_at(const struct cal *c, double t)
{
	if (!(t > c->first)) /* also NaN */
		return 0;
	if (t >= c->end)
		return c->ycum[c->nyears];
	double sec;
	int32_t d = day_of(c, t, &sec);
	const struct cal_pattern *p = &c->pat[c->day_pat[d]];
	const struct cal_tab *tb = tab_day(c, d);
	double w = tb->cum[d - tb->lo];
	/* branch-free: the part of each interval before sec, clamped to
	 * [0, length]; random instants would mispredict an early exit */
	for (int i = 0; i < CAL_MAX_IV; i++) {
		double v = sec - p->fs[i];
		v = v > 0 ? v : 0;
		v = v < p->flen[i] ? v : p->flen[i];
		w += v;
	}
	return w;
}

double cal_instant_at(const struct cal *c, double w)
{
	if (!(w > 0))
		return c->first;
	if (w > c->ycum[c->nyears])
		return c->end;
	/* the last working day starting with less work than w holds the last
	 * second of that work: bucket lookup, then a step or two forward */
	const struct cal_tab *tb = tab_now(c);
	if (!(w > tb->wlo && w <= tb->whi))
		tb = tab_work_slow(c, w);
	int64_t j = (int64_t)(w / c->bucket);
	if (j >= tb->jhi)
		j = tb->jhi - 1;
	if (j < tb->jlo)
		j = tb->jlo;
	int32_t k = tb->bidx[j - tb->jlo];
	while (k + 1 < tb->khi && tb->wcum[k + 1 - tb->klo] < w)
		k++;
	int32_t lo = tb->wday[k - tb->klo];
	const struct cal_pattern *p = &c->pat[c->day_pat[lo]];
	double rem = w - tb->wcum[k - tb->klo];
	double base = c->first + (double)lo * CAL_DAY_SEC;
	for (int i = 0; i < p->n; i++) {
		double len = p->e[i] - p->s[i];
		if (rem <= len)
			return base + p->s[i] + rem;
		rem -= len;
	}
	/* only reachable through rounding: the day's closing time */
	return p->n ? base + p->e[p->n - 1] : base + CAL_DAY_SEC;
}

/* ---- checked operations ------------------------------------------- */

static int range_error(const struct cal *c, double t, struct mutu_err *err)
{
	char buf[64];
	if (isnan(t))
		return mutu_errf(err, MUTU_EINPUT, "instant is not a number (calendar %s)", c->name);
	cal_format_time(c, t, buf, sizeof buf);
	return mutu_errf(err, MUTU_ERANGE,
			 "%s is outside calendar %s (%d-%d); use a calendar whose years cover it",
			 buf, c->name, c->year_first, c->year_last);
}

static inline int in_range(const struct cal *c, double t)
{
	return t >= c->first && t <= c->end;
}

int cal_between(const struct cal *c, double a, double b, double *out, struct mutu_err *err)
{
	if (!in_range(c, a))
		return range_error(c, a, err);
	if (!in_range(c, b))
		return range_error(c, b, err);
	*out = cal_work_at(c, b) - cal_work_at(c, a);
	return 0;
}

static int past_end(const struct cal *c, double t, double work_seconds, struct mutu_err *err)
{
	char buf[64];
	cal_format_time(c, t, buf, sizeof buf);
	return mutu_errf(err, MUTU_ERANGE,
			 "adding %.0f working minutes to %s goes past the end of calendar %s "
			 "(%d-%d); extend the calendar's years",
			 work_seconds / 60.0, buf, c->name, c->year_first, c->year_last);
}

int cal_add(const struct cal *c, double t, double work_seconds, double *out,
	    struct mutu_err *err)
{
	if (!in_range(c, t))
		return range_error(c, t, err);
	if (!(work_seconds >= 0) || isinf(work_seconds))
		return mutu_errf(err, MUTU_EINPUT,
				 "working time to add must be zero or positive, got %g seconds",
				 work_seconds);
	if (work_seconds == 0) {
		*out = t;
		return 0;
	}
	double w = cal_work_at(c, t) + work_seconds;
	if (w > c->ycum[c->nyears])
		return past_end(c, t, work_seconds, err);
	*out = cal_instant_at(c, w);
	return 0;
}

/*
 * CAL_DAY_NEXT_DAY: "N Hari" is the same clock time N working days later.
 *  1. The start is moved to the next working instant (a file accepted at
 *     17:00 or on Sunday counts from the next opening, 07:30).
 *  2. The day of that instant is working day number k (wcount); the target
 *     is working day k + N (wday[]), both O(1).
 *  3. The target keeps the start's clock time, clamped to the target day's
 *     closing time when that day closes earlier (Friday 16:30 -> a Ramadan
 *     Thursday closing 15:00).  A clock time before the target day opens is
 *     kept: in working time it equals the previous closing.
 *  4. The Jam/Menit part is then added as working time (cal_add).
 * CAL_DAY_NET: N Hari = N * day_minutes of working time, plus Jam/Menit.
 */
int cal_deadline(const struct cal *c, double t, struct dur d, enum cal_day_reading reading,
		 double *out, struct mutu_err *err)
{
	if (!in_range(c, t))
		return range_error(c, t, err);
	if (d.days < 0 || d.minutes < 0)
		return mutu_errf(err, MUTU_EINPUT,
				 "a deadline needs a duration of zero or more, got %lld Hari %lld Menit",
				 (long long)d.days, (long long)d.minutes);
	/* a duration built in memory may be anything; inside dur.h's range
	 * the day arithmetic below (wcount + days, days * day_minutes) is exact */
	int rc = dur_check(d, "deadline", err);
	if (rc)
		return rc;
	if (reading == CAL_DAY_NET || d.days == 0) {
		double ws = ((double)d.days * c->day_minutes + (double)d.minutes) * 60.0;
		return cal_add(c, t, ws, out, err);
	}
	if (reading != CAL_DAY_NEXT_DAY)
		return mutu_errf(err, MUTU_EINPUT, "unknown day reading %d", (int)reading);

	if (t >= c->end)
		return past_end(c, t, (double)d.days * c->day_minutes * 60.0, err);
	double sec;
	int32_t day = day_of(c, t, &sec);
	const struct cal_pattern *p = &c->pat[c->day_pat[day]];
	double clock = -1;
	for (int i = 0; i < p->n; i++) {
		if (sec < p->e[i]) {
			clock = sec > p->s[i] ? sec : p->s[i];
			break;
		}
	}
	if (clock < 0) { /* closed for the rest of the day: next opening */
		int32_t k = wcount_at(c, day + 1);
		if (k >= c->nwork)
			return past_end(c, t, (double)d.days * c->day_minutes * 60.0, err);
		day = wday_at(c, k);
		clock = c->pat[c->day_pat[day]].s[0];
	}
	int64_t k = (int64_t)wcount_at(c, day) + d.days;
	if (k >= c->nwork)
		return past_end(c, t, (double)d.days * c->day_minutes * 60.0, err);
	int32_t target = wday_at(c, (int32_t)k);
	const struct cal_pattern *tp = &c->pat[c->day_pat[target]];
	if (clock > tp->e[tp->n - 1])
		clock = tp->e[tp->n - 1];
	double r = c->first + (double)target * CAL_DAY_SEC + clock;
	if (d.minutes == 0) {
		*out = r;
		return 0;
	}
	return cal_add(c, r, (double)d.minutes * 60.0, out, err);
}

int cal_is_working(const struct cal *c, double t)
{
	if (!(t >= c->first) || t >= c->end)
		return 0;
	double sec;
	int32_t d = day_of(c, t, &sec);
	const struct cal_pattern *p = &c->pat[c->day_pat[d]];
	for (int i = 0; i < p->n; i++)
		if (sec >= p->s[i] && sec < p->e[i])
			return 1;
	return 0;
}

int cal_day_kind(const struct cal *c, int64_t local_day, const char **name)
{
	int64_t i = local_day - c->day0;
	if (name)
		*name = NULL;
	if (i < 0 || i >= c->ndays)
		return -1;
	if (name)
		*name = c->hname[i];
	return c->kind[i];
}

const char *cal_day_type(const struct cal *c, int64_t local_day)
{
	static const char *const names[] = {NULL, "LN", "CB", "LK", "LD", "TUTUP"};
	int64_t i = local_day - c->day0;
	if (i < 0 || i >= c->ndays || c->htype[i] >= sizeof names / sizeof names[0])
		return NULL;
	return names[c->htype[i]];
}

int cal_year_range(const struct cal *c, int *first_year, int *last_year)
{
	if (first_year)
		*first_year = c->year_first;
	if (last_year)
		*last_year = c->year_last;
	return c->year_last - c->year_first + 1;
}

int cal_day_hours(const struct cal *c, int64_t local_day, int *starts, int *ends, int max)
{
	int64_t i = local_day - c->day0;
	if (i < 0 || i >= c->ndays)
		return -1;
	const struct cal_pattern *p = &c->pat[c->day_pat[i]];
	for (int k = 0; k < p->n && k < max; k++) {
		starts[k] = p->s[k];
		ends[k] = p->e[k];
	}
	return p->n;
}
