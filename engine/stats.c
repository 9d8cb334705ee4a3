/*
 * stats.c - running distributions (gsl_rstat + P-square quantiles),
 * time-weighted means and Student-t intervals across replications.
 */
#include "mutu/stats.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rstat.h>

#include "mutu/base.h"

struct stats_dist {
	gsl_rstat_workspace *rs; /* n, mean, variance, min, max, median (P-square) */
	gsl_rstat_quantile_workspace *q90, *q95;
};

static void *checked(void *p)
{
	if (!p) /* GSL allocation failure is out-of-memory: abort in one place */
		mutu_malloc((size_t)-1 / 2);
	return p;
}

struct stats_dist *stats_dist_create(void)
{
	struct stats_dist *d = mutu_calloc(1, sizeof *d);
	d->rs = checked(gsl_rstat_alloc());
	d->q90 = checked(gsl_rstat_quantile_alloc(0.90));
	d->q95 = checked(gsl_rstat_quantile_alloc(0.95));
	return d;
}

void stats_dist_free(struct stats_dist *d)
{
	if (!d)
		return;
	gsl_rstat_free(d->rs);
	gsl_rstat_quantile_free(d->q90);
	gsl_rstat_quantile_free(d->q95);
	free(d);
}

void stats_dist_reset(struct stats_dist *d)
{
	gsl_rstat_reset(d->rs);
	gsl_rstat_quantile_reset(d->q90);
	gsl_rstat_quantile_reset(d->q95);
}

void stats_dist_add(struct stats_dist *d, double x)
{
	gsl_rstat_add(x, d->rs);
	gsl_rstat_quantile_add(x, d->q90);
	gsl_rstat_quantile_add(x, d->q95);
}

size_t stats_dist_n(const struct stats_dist *d)
{
	return gsl_rstat_n(d->rs);
}

double stats_dist_mean(const struct stats_dist *d)
{
	return gsl_rstat_n(d->rs) ? gsl_rstat_mean(d->rs) : NAN;
}

double stats_dist_sd(const struct stats_dist *d)
{
	return gsl_rstat_n(d->rs) > 1 ? gsl_rstat_sd(d->rs) : NAN;
}

double stats_dist_min(const struct stats_dist *d)
{
	return gsl_rstat_n(d->rs) ? gsl_rstat_min(d->rs) : NAN;
}

double stats_dist_max(const struct stats_dist *d)
{
	return gsl_rstat_n(d->rs) ? gsl_rstat_max(d->rs) : NAN;
}

double stats_dist_quantile(struct stats_dist *d, double p)
{
	if (!gsl_rstat_n(d->rs))
		return NAN;
	if (p == 0.5)
		return gsl_rstat_median(d->rs);
	if (p == 0.9)
		return gsl_rstat_quantile_get(d->q90);
	if (p == 0.95)
		return gsl_rstat_quantile_get(d->q95);
	return NAN;
}

double stats_tw_mean(const struct stats_tw *w, double t)
{
	double span = t - w->t0;
	return span > 0 ? stats_tw_area(w, t) / span : NAN;
}

static void ci_finish(double sum, double sumsq_dev, size_t n, double level,
		      struct stats_ci *out)
{
	out->n = n;
	out->mean = n ? sum / (double)n : NAN;
	out->sd = n > 1 ? sqrt(sumsq_dev / (double)(n - 1)) : NAN;
	if (n > 1) {
		double t = gsl_cdf_tdist_Pinv(1.0 - (1.0 - level) / 2.0, (double)(n - 1));
		out->half = t * out->sd / sqrt((double)n);
	} else {
		out->half = NAN;
	}
	out->lo = isnan(out->half) ? out->mean : out->mean - out->half;
	out->hi = isnan(out->half) ? out->mean : out->mean + out->half;
}

/* Two passes (mean, then squared deviations) in index order: stable and
 * reproducible to the bit. */
void stats_ci_compute(const double *x, size_t n, size_t stride, double level,
		      struct stats_ci *out)
{
	double sum = 0.0, dev = 0.0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			sum += x[i * stride];
			k++;
		}
	double mean = k ? sum / (double)k : 0.0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i * stride])) {
			double e = x[i * stride] - mean;
			dev += e * e;
		}
	ci_finish(sum, dev, k, level, out);
}

void stats_ci_paired(const double *a, const double *b, size_t n, size_t stride,
		     double level, struct stats_ci *out)
{
	double sum = 0.0, dev = 0.0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		double d = b[i * stride] - a[i * stride];
		if (!isnan(d)) {
			sum += d;
			k++;
		}
	}
	double mean = k ? sum / (double)k : 0.0;
	for (size_t i = 0; i < n; i++) {
		double d = b[i * stride] - a[i * stride];
		if (!isnan(d))
			dev += (d - mean) * (d - mean);
	}
	ci_finish(sum, dev, k, level, out);
}
