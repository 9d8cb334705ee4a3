/*
 * stats.h - statistics on GSL for the simulator and the reports.
 *
 * Three kinds of accumulator, all constant memory whatever the run length:
 *  - struct stats_dist: a running distribution (count, mean, variance,
 *    min, max, and any quantile) for values where exact quantiles would
 *    need every value kept: quantiles come from a histogram of exact
 *    counts in buckets 1/256 of an octave wide, within 0.39% of the exact
 *    sample quantile for values from 2^-10 to 2^40 (stats.c shows why);
 *  - struct stats_tw: a time-weighted level (queue length, busy servers,
 *    work in progress), inline because it sits on the simulator's hot path;
 *  - struct stats_ci: mean and Student-t confidence interval of a sample
 *    of replication values (or of paired differences).
 */
#ifndef MUTU_STATS_H
#define MUTU_STATS_H

#include <stddef.h>

struct stats_dist; /* opaque */

/* New empty distribution (aborts on out-of-memory); free with stats_dist_free. */
struct stats_dist *stats_dist_create(void);
void stats_dist_free(struct stats_dist *d); /* NULL-safe */
void stats_dist_reset(struct stats_dist *d);
/* Add one value; NaN is ignored (GSL would reject it). */
void stats_dist_add(struct stats_dist *d, double x);
size_t stats_dist_n(const struct stats_dist *d);
/* Mean, standard deviation, min, max; NaN when empty (sd: fewer than 2). */
double stats_dist_mean(const struct stats_dist *d);
double stats_dist_sd(const struct stats_dist *d);
double stats_dist_min(const struct stats_dist *d);
double stats_dist_max(const struct stats_dist *d);
/* Estimate of the sample quantile p (0..1; rank p (n - 1) interpolated, as
 * GSL's gsl_stats_quantile_from_sorted_data) within 2^-8 of its value,
 * never outside [min, max]; exact when all values are equal.  NaN when
 * empty or p is outside [0, 1]. */
double stats_dist_quantile(const struct stats_dist *d, double p);

/*
 * Time-weighted level.  Call stats_tw_set at every change with the time of
 * the change; the mean is area / elapsed.  stats_tw_restart starts a new
 * observation window at t keeping the current level (end of warm-up).
 */
struct stats_tw {
	double t0;    /* start of the observation window */
	double last;  /* time of the last change */
	double level; /* current level */
	double area;  /* integral of level over [t0, last] */
	double max;   /* highest level seen in the window */
};

static inline void stats_tw_init(struct stats_tw *w, double t, double level)
{
	w->t0 = w->last = t;
	w->level = w->max = level;
	w->area = 0.0;
}

static inline void stats_tw_set(struct stats_tw *w, double t, double level)
{
	w->area += w->level * (t - w->last);
	w->last = t;
	w->level = level;
	if (level > w->max)
		w->max = level;
}

static inline void stats_tw_restart(struct stats_tw *w, double t)
{
	stats_tw_init(w, t, w->level);
}

/* Area up to t (>= last) without changing the level. */
static inline double stats_tw_area(const struct stats_tw *w, double t)
{
	return w->area + w->level * (t - w->last);
}

/* Mean level over [t0, t]; NaN for an empty window. */
double stats_tw_mean(const struct stats_tw *w, double t);

/* Mean and confidence interval of a sample. */
struct stats_ci {
	size_t n;     /* values used (NaN values are skipped) */
	double mean;  /* NaN when n == 0 */
	double sd;    /* NaN when n < 2 */
	double half;  /* half-width: t(1-(1-level)/2, n-1) * sd / sqrt(n); NaN when n < 2 */
	double lo, hi;/* mean -/+ half (both = mean when half is NaN) */
};

/*
 * Mean and Student-t interval at level (e.g. 0.95) of n values read at
 * x[0], x[stride], ... (stride in elements, so a column of a row-major
 * matrix works).  NaN values are skipped.  The sum runs in index order, so
 * the result is the same bit for bit however the values were produced.
 */
void stats_ci_compute(const double *x, size_t n, size_t stride, double level,
		      struct stats_ci *out);

/* Same for the paired differences b[i] - a[i] (common random numbers);
 * pairs with a NaN on either side are skipped. */
void stats_ci_paired(const double *a, const double *b, size_t n, size_t stride,
		     double level, struct stats_ci *out);

#endif /* MUTU_STATS_H */
