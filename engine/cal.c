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
	c->cum = mutu_calloc((size_t)ndays + 1, sizeof *c->cum);
	c->wcount = mutu_calloc((size_t)ndays + 1, sizeof *c->wcount);
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
	double w = 0;
	int32_t k = 0;
	c->wday = mutu_malloc(sizeof *c->wday * ((size_t)c->ndays + 1));
	for (int32_t d = 0; d < c->ndays; d++) {
		c->cum[d] = w;
		c->wcount[d] = k;
		const struct cal_pattern *p = &c->pat[c->day_pat[d]];
		w += p->total;
		if (p->n > 0)
			c->wday[k++] = d;
	}
	c->cum[c->ndays] = w;
	c->wcount[c->ndays] = k;
	c->nwork = k;
	c->always = k == c->ndays && w == (double)c->ndays * CAL_DAY_SEC;

	c->wcum = mutu_malloc(sizeof *c->wcum * ((size_t)k + 1));
	double shortest = CAL_DAY_SEC;
	for (int32_t i = 0; i < k; i++) {
		c->wcum[i] = c->cum[c->wday[i]];
		double len = c->pat[c->day_pat[c->wday[i]]].total;
		if (len < shortest)
			shortest = len;
	}
	/* keep the index small even for a calendar of very short days */
	double floor_b = w / (4.0 * (double)c->ndays + 1024);
	c->bucket = shortest > floor_b ? shortest : floor_b;
	if (!(c->bucket > 0))
		c->bucket = 1;
	c->nbuckets = (int64_t)(w / c->bucket) + 1;
	c->bidx = mutu_malloc(sizeof *c->bidx * (size_t)c->nbuckets);
	int32_t kk = 0;
	for (int64_t j = 0; j < c->nbuckets; j++) {
		double lo = (double)j * c->bucket;
		while (kk + 1 < k && c->wcum[kk + 1] < lo)
			kk++;
		c->bidx[j] = kk;
	}
	c->first = (double)(c->day0 * CAL_DAY_SEC - c->offset);
	c->end = c->first + (double)c->ndays * CAL_DAY_SEC;
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
	free(c->cum);
	free(c->wcount);
	free(c->wday);
	free(c->wcum);
	free(c->bidx);
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
		return c->cum[c->ndays];
	double sec;
	int32_t d = day_of(c, t, &sec);
	const struct cal_pattern *p = &c->pat[c->day_pat[d]];
	double w = c->cum[d];
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
	if (w > c->cum[c->ndays])
		return c->end;
	/* the last working day starting with less work than w holds the last
	 * second of that work: bucket lookup, then a step or two forward */
	int64_t j = (int64_t)(w / c->bucket);
	if (j >= c->nbuckets)
		j = c->nbuckets - 1;
	int32_t k = c->bidx[j];
	while (k + 1 < c->nwork && c->wcum[k + 1] < w)
		k++;
	int32_t lo = c->wday[k];
	const struct cal_pattern *p = &c->pat[c->day_pat[lo]];
	double rem = w - c->cum[lo];
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
	if (w > c->cum[c->ndays])
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
		int32_t k = c->wcount[day + 1];
		if (k >= c->nwork)
			return past_end(c, t, (double)d.days * c->day_minutes * 60.0, err);
		day = c->wday[k];
		clock = c->pat[c->day_pat[day]].s[0];
	}
	int64_t k = (int64_t)c->wcount[day] + d.days;
	if (k >= c->nwork)
		return past_end(c, t, (double)d.days * c->day_minutes * 60.0, err);
	int32_t target = c->wday[k];
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
