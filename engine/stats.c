/*
 * stats.c - running distributions (Welford mean and variance, P-square
 * quantiles), time-weighted means and Student-t intervals across
 * replications.
 */
#include "mutu/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "mutu/base.h"

/*
 * P-square (R. Jain and I. Chlamtac, "The P^2 algorithm for dynamic
 * calculation of quantiles and histograms without storing observations",
 * CACM 28(10), 1985): five markers per quantile p at the minimum, p/2, p,
 * (1+p)/2 and the maximum; each new value moves the positions of the
 * markers above it, and a marker whose position is a whole step away from
 * where it should be moves by a piecewise-parabolic (else linear) step.
 *
 * This is the algorithm of GSL's rstat/rquantile.c with the same
 * arithmetic in the same order, so the estimates are those of
 * gsl_rstat_quantile to the bit; what changes is the cost.  GSL runs one
 * workspace per quantile (the median inside gsl_rstat_add, which also
 * updates third and fourth moments nobody reads), each with its own
 * search and loops behind a library call.  Here the three estimators
 * (QN) share the value's comparison against the extreme markers, which
 * are the same in all three (the minimum and the maximum, at positions 1
 * and n), marker positions are kept as doubles (whole numbers, so exact)
 * to avoid conversions, the marker search becomes one comparison per
 * interior marker (the heights never decrease, so "markers above x" is
 * "x < q"), and the height adjustment, needed for a marker only when it
 * has drifted a whole position, runs out of line.
 */
#define QN 3
static const double quantile_p[QN] = {0.5, 0.9, 0.95};

struct stats_dist {
	size_t n;
	double mean, m2;      /* Welford, as gsl_rstat_add */
	double q[QN][5];      /* marker heights; [j][0] min and [j][4] max */
	double pos[QN][5];    /* marker positions 1..n */
	double want[QN][5];   /* desired positions */
	double dwant[QN][5];  /* their increments per value */
};

struct stats_dist *stats_dist_create(void)
{
	struct stats_dist *d = mutu_calloc(1, sizeof *d);
	stats_dist_reset(d);
	return d;
}

void stats_dist_free(struct stats_dist *d)
{
	free(d);
}

void stats_dist_reset(struct stats_dist *d)
{
	d->n = 0;
	d->mean = d->m2 = 0.0;
	for (int j = 0; j < QN; j++) {
		double p = quantile_p[j];
		for (int i = 0; i < 5; i++) {
			d->q[j][i] = 0.0;
			d->pos[j][i] = i + 1;
		}
		d->want[j][0] = 1.0;
		d->want[j][1] = 1.0 + 2.0 * p;
		d->want[j][2] = 1.0 + 4.0 * p;
		d->want[j][3] = 3.0 + 2.0 * p;
		d->want[j][4] = 5.0;
		d->dwant[j][0] = 0.0;
		d->dwant[j][1] = 0.5 * p;
		d->dwant[j][2] = p;
		d->dwant[j][3] = 0.5 * (1.0 + p);
		d->dwant[j][4] = 1.0;
	}
}

static double calc_psq(double qp1, double q, double qm1, double d, double np1, double n,
		       double nm1)
{
	double outer = d / (np1 - nm1);
	double inner_left = (n - nm1 + d) * (qp1 - q) / (np1 - n);
	double inner_right = (np1 - n - d) * (q - qm1) / (n - nm1);
	return q + outer * (inner_left + inner_right);
}

/* Step B3 for marker i (1..3) of one estimator, once it has drifted by a
 * whole position (dd = desired - actual, |dd| >= 1). */
static void psq_adjust(double *q, double *pos, int i, double dd)
{
	double ni = pos[i];
	if (!((dd >= 1.0 && pos[i + 1] - ni > 1) || (dd <= -1.0 && pos[i - 1] - ni < -1)))
		return; /* no room between the neighbours */
	int dsign = dd > 0.0 ? 1 : -1;
	double qp1 = q[i + 1], qi = q[i], qm1 = q[i - 1];
	double qp = calc_psq(qp1, qi, qm1, (double)dsign, pos[i + 1], ni, pos[i - 1]);
	if (qm1 < qp && qp < qp1)
		q[i] = qp;
	else /* linear formula */
		q[i] += dsign * (q[i + dsign] - qi) / (pos[i + dsign] - ni);
	pos[i] += dsign;
}

void stats_dist_add(struct stats_dist *d, double x)
{
	if (isnan(x))
		return;
	/* Welford, the operations of gsl_rstat_add */
	double delta = x - d->mean;
	size_t old = d->n;
	double n = (double)++d->n;
	double delta_n = delta / n;
	d->mean += delta_n;
	d->m2 += delta * delta_n * (n - 1.0);

	if (old < 5) {
		for (int j = 0; j < QN; j++)
			d->q[j][old] = x;
		return;
	}
	if (old == 5) /* the first five values become the five markers */
		for (int j = 0; j < QN; j++)
			gsl_sort(d->q[j], 1, 5);
	/* B1: a new extreme moves the shared end markers */
	if (x < d->q[0][0]) {
		for (int j = 0; j < QN; j++)
			d->q[j][0] = x;
	} else if (x >= d->q[0][4]) {
		for (int j = 0; j < QN; j++)
			d->q[j][4] = x;
	}
	for (int j = 0; j < QN; j++) {
		double *q = d->q[j], *pos = d->pos[j], *want = d->want[j];
		const double *dw = d->dwant[j];
		/* B2: markers above x move up one position; desired positions
		 * advance (the interior ones are the only ones read) */
		pos[1] += x < q[1];
		pos[2] += x < q[2];
		pos[3] += x < q[3];
		pos[4] += 1.0;
		want[1] += dw[1];
		want[2] += dw[2];
		want[3] += dw[3];
		/* B3, in marker order: an adjusted marker is the next one's
		 * neighbour */
		for (int i = 1; i <= 3; i++) {
			double dd = want[i] - pos[i];
			if (fabs(dd) >= 1.0)
				psq_adjust(q, pos, i, dd);
		}
	}
}

size_t stats_dist_n(const struct stats_dist *d)
{
	return d->n;
}

double stats_dist_mean(const struct stats_dist *d)
{
	return d->n ? d->mean : NAN;
}

double stats_dist_sd(const struct stats_dist *d)
{
	return d->n > 1 ? sqrt(d->m2 / ((double)d->n - 1.0)) : NAN;
}

/* The first n (<= 5) values, sorted. */
static size_t first_sorted(const struct stats_dist *d, double v[5])
{
	size_t n = d->n < 5 ? d->n : 5;
	memcpy(v, d->q[0], n * sizeof *v);
	gsl_sort(v, 1, n);
	return n;
}

double stats_dist_min(const struct stats_dist *d)
{
	if (!d->n)
		return NAN;
	if (d->n > 5)
		return d->q[0][0];
	double v[5];
	first_sorted(d, v);
	return v[0];
}

double stats_dist_max(const struct stats_dist *d)
{
	if (!d->n)
		return NAN;
	if (d->n > 5)
		return d->q[0][4];
	double v[5];
	return v[first_sorted(d, v) - 1];
}

double stats_dist_quantile(const struct stats_dist *d, double p)
{
	int j = p == 0.5 ? 0 : p == 0.9 ? 1 : p == 0.95 ? 2 : -1;
	if (!d->n || j < 0)
		return NAN;
	if (d->n > 5)
		return d->q[j][2];
	/* up to five values: interpolated from the sorted values, as GSL */
	double v[5];
	size_t n = first_sorted(d, v);
	return gsl_stats_quantile_from_sorted_data(v, 1, n, p);
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
