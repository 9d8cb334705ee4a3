/*
 * fit.c - maximum-likelihood fits (exponential, gamma, lognormal,
 * Weibull), AIC choice, Kolmogorov-Smirnov test and the empirical
 * quantiles of a sample of durations (fit.h).
 *
 * The estimators are the textbook ones: the exponential's mean; the
 * lognormal's mean and standard deviation (divisor n) of ln x; the
 * gamma's shape from ln k - psi(k) = ln(mean) - mean(ln x) by Newton
 * (Minka 2002's start value, which is within 1.5% of the root), scale
 * mean / k; the Weibull's shape from
 *   sum x^k ln x / sum x^k - 1/k - mean(ln x) = 0
 * (increasing in k) by Newton kept inside a bracket that bisection
 * shrinks, scale (sum x^k / n)^(1/k).  x is divided by its largest
 * value first so x^k cannot overflow for any shape.
 */
#include "mutu/fit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>

const char *fit_family_name(enum fit_family f)
{
	static const char *const names[FIT_NFAMILY] = {"exponential", "gamma", "lognormal",
							"weibull"};
	return (unsigned)f < FIT_NFAMILY ? names[f] : "?";
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/*
 * The gamma CDF.  GSL's incomplete gamma fails for very large shapes: from
 * k ~ 1e6 its upper tail reports "error in large x asymptotic" (through
 * GSL's error handler, which aborts the process unless the program turned
 * it off: `mutu calibrate` died on a step whose 10,092 times were all one
 * working day, 27000 s, but for a few at 27001 s: k = 7e12), and from
 * k ~ 1e8 it returns values off by up to 0.15 (P = 0.988 at one standard
 * deviation above the mean, where the answer is 0.841).  Such a shape is
 * a sample with almost no spread (cv = 1/sqrt(k) under 0.3%), where the
 * gamma is normal in the cube root (Wilson and Hilferty 1931):
 * (x / (k theta))^(1/3) ~ N(1 - 1/(9k), 1/(9k)).  Checked against GSL
 * where GSL is sound: within 5e-8 at k = 1e5 for z in [-8, 8], 5e-9 at
 * 1e6 (tests/unit/test_fit.c pins points).
 */
static double gamma_cdf(double x, double k, double theta)
{
	if (k < 1e5)
		return gsl_cdf_gamma_P(x, k, theta);
	double z = (cbrt(x / (k * theta)) - (1 - 1 / (9 * k))) * sqrt(9 * k);
	return gsl_cdf_ugaussian_P(z);
}

double fit_cdf(const struct fit_result *r, double x)
{
	if (!(x > 0))
		return 0.0;
	switch (r->family) {
	case FIT_EXPONENTIAL:
		return gsl_cdf_exponential_P(x, r->p1);
	case FIT_GAMMA:
		return gamma_cdf(x, r->p1, r->p2);
	case FIT_LOGNORMAL:
		return gsl_cdf_lognormal_P(x, r->p1, r->p2);
	case FIT_WEIBULL:
		return gsl_cdf_weibull_P(x, r->p2, r->p1);
	default:
		return NAN;
	}
}

/*
 * Kolmogorov's limiting distribution Q(l) = 2 sum_{j>=1} (-1)^(j-1)
 * exp(-2 j^2 l^2) at l = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) d (Stephens
 * 1970; Numerical Recipes 14.3), good to a few per cent for n >= 4.
 */
double fit_ks_pvalue(double d, size_t n)
{
	if (n == 0 || !(d > 0))
		return 1.0;
	double en = sqrt((double)n);
	double l = (en + 0.12 + 0.11 / en) * d;
	if (l < 0.2)
		return 1.0; /* the series converges slowly here and Q is 1 to 1e-9 */
	double a2 = -2.0 * l * l, sum = 0.0, sign = 2.0, prev = 0.0;
	for (int j = 1; j <= 100; j++) {
		double term = sign * exp(a2 * j * j);
		sum += term;
		if (fabs(term) <= 1e-10 * prev || fabs(term) <= 1e-12 * sum)
			return sum < 0 ? 0 : sum > 1 ? 1 : sum;
		sign = -sign;
		prev = fabs(term);
	}
	return 1.0;
}

/* KS distance of the sorted sample s to the fitted r. */
static double ks_distance(const struct fit_result *r, const double *s, size_t n)
{
	double d = 0;
	for (size_t i = 0; i < n; i++) {
		double F = fit_cdf(r, s[i]);
		double a = F - (double)i / n, b = (double)(i + 1) / n - F;
		if (a > d)
			d = a;
		if (b > d)
			d = b;
	}
	return d;
}

static int fit_gamma(const double *x, size_t n, double mean, double mlog, struct fit_result *r)
{
	double s = log(mean) - mlog;
	if (!(s > 0))
		return -1;
	/* Minka's start, then Newton on f(k) = ln k - psi(k) - s (convex,
	 * decreasing: Newton from the left converges monotonically) */
	double k = (3 - s + sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
	for (int it = 0; it < 100; it++) {
		double f = log(k) - gsl_sf_psi(k) - s;
		double fp = 1.0 / k - gsl_sf_psi_1(k);
		double step = f / fp;
		double kn = k - step;
		if (!(kn > 0))
			kn = k / 2;
		if (fabs(kn - k) <= 1e-12 * k) {
			k = kn;
			break;
		}
		k = kn;
	}
	if (!(k > 0) || !isfinite(k))
		return -1;
	double th = mean / k;
	double sl = 0, sx = 0;
	for (size_t i = 0; i < n; i++) {
		sl += log(x[i]);
		sx += x[i];
	}
	r->p1 = k;
	r->p2 = th;
	r->mean = k * th;
	r->cv = 1.0 / sqrt(k);
	r->loglik = (k - 1) * sl - sx / th - (double)n * (k * log(th) + gsl_sf_lngamma(k));
	return 0;
}

/* g(k) of the Weibull shape equation and its derivative on y = x / max. */
static void weib_g(const double *y, const double *ly, size_t n, double mlog_y, double k,
		   double *g, double *gp)
{
	double s0 = 0, s1 = 0, s2 = 0;
	for (size_t i = 0; i < n; i++) {
		double p = exp(k * ly[i]);
		s0 += p;
		s1 += p * ly[i];
		s2 += p * ly[i] * ly[i];
	}
	(void)y;
	double m1 = s1 / s0;
	*g = m1 - 1.0 / k - mlog_y;
	*gp = s2 / s0 - m1 * m1 + 1.0 / (k * k);
}

static int fit_weibull(const double *x, size_t n, double mlog, double sdlog, double xmax,
		       struct fit_result *r)
{
	double *ly = mutu_malloc(n * sizeof *ly);
	double lmax = log(xmax);
	for (size_t i = 0; i < n; i++)
		ly[i] = log(x[i]) - lmax; /* <= 0: exp(k ly) <= 1 */
	double my = mlog - lmax;
	/* start: the shape whose log-sd matches (sd of ln x = pi / (k sqrt 6)) */
	double k = sdlog > 0 ? 1.2825 / sdlog : 1.0;
	double lo = 1e-3, hi = 1e3, g, gp;
	if (k < lo || k > hi)
		k = 1.0;
	int okk = 0;
	for (int it = 0; it < 200; it++) {
		weib_g(x, ly, n, my, k, &g, &gp);
		if (g > 0)
			hi = k;
		else
			lo = k;
		double kn = k - g / gp;
		if (!(kn > lo && kn < hi) || !isfinite(kn))
			kn = (lo + hi) / 2; /* Newton left the bracket: bisect */
		if (fabs(kn - k) <= 1e-10 * k) {
			k = kn;
			okk = 1;
			break;
		}
		k = kn;
	}
	if (!okk || !(k > 1e-3 && k < 1e3)) {
		free(ly);
		return -1;
	}
	double s0 = 0;
	for (size_t i = 0; i < n; i++)
		s0 += exp(k * ly[i]);
	double lam = xmax * pow(s0 / (double)n, 1.0 / k);
	/* loglik = n ln k - n k ln lam + (k-1) sum ln x - sum (x/lam)^k;
	 * at the estimate sum (x/lam)^k = n */
	double sl = mlog * (double)n;
	r->p1 = k;
	r->p2 = lam;
	double g1 = gsl_sf_gamma(1 + 1 / k), g2 = gsl_sf_gamma(1 + 2 / k);
	r->mean = lam * g1;
	r->cv = sqrt(fmax(g2 / (g1 * g1) - 1, 0));
	r->loglik = (double)n * (log(k) - k * log(lam)) + (k - 1) * sl - (double)n;
	free(ly);
	return 0;
}

/* The fit of family f on positive x with precomputed sums; s sorted copy for KS. */
static int fit_with(enum fit_family f, const double *x, const double *s, size_t n, double mean,
		    double mlog, double sdlog, double xmax, struct fit_result *r)
{
	memset(r, 0, sizeof *r);
	r->family = f;
	int rc = 0, k = 2;
	switch (f) {
	case FIT_EXPONENTIAL: {
		k = 1;
		double sum = mean * (double)n;
		r->p1 = mean;
		r->mean = mean;
		r->cv = 1.0;
		r->loglik = -(double)n * log(mean) - sum / mean;
		break;
	}
	case FIT_GAMMA:
		rc = fit_gamma(x, n, mean, mlog, r);
		break;
	case FIT_LOGNORMAL:
		if (!(sdlog > 0))
			return -1;
		r->p1 = mlog;
		r->p2 = sdlog;
		r->mean = exp(mlog + sdlog * sdlog / 2);
		r->cv = sqrt(expm1(sdlog * sdlog));
		/* -sum ln x - n ln sigma - n/2 ln 2pi - n/2 (sigma the MLE) */
		r->loglik = -mlog * (double)n - (double)n * log(sdlog) -
			    (double)n / 2 * log(2 * 3.14159265358979323846) - (double)n / 2;
		break;
	case FIT_WEIBULL:
		rc = fit_weibull(x, n, mlog, sdlog, xmax, r);
		break;
	default:
		return -1;
	}
	if (rc || !isfinite(r->loglik) || !isfinite(r->mean) || !isfinite(r->cv))
		return -1;
	r->aic = 2.0 * k - 2.0 * r->loglik;
	r->ks_d = ks_distance(r, s, n);
	r->ks_p = fit_ks_pvalue(r->ks_d, n);
	r->ok = 1;
	return 0;
}

struct moments {
	double mean, mlog, sdlog, xmax;
};

static int positive_moments(const double *x, size_t n, struct moments *m, struct mutu_err *err)
{
	double sum = 0, sl = 0, xmax = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(x[i] > 0) || !isfinite(x[i]))
			return mutu_errf(err, MUTU_EINPUT,
					 "fit: value %zu is %g; every value must be a finite number above 0",
					 i, x[i]);
		sum += x[i];
		sl += log(x[i]);
		if (x[i] > xmax)
			xmax = x[i];
	}
	m->mean = sum / (double)n;
	m->mlog = sl / (double)n;
	double v = 0;
	for (size_t i = 0; i < n; i++) {
		double d = log(x[i]) - m->mlog;
		v += d * d;
	}
	m->sdlog = sqrt(v / (double)n);
	m->xmax = xmax;
	return 0;
}

int fit_one(enum fit_family f, const double *x, size_t n, struct fit_result *out,
	    struct mutu_err *err)
{
	if (n < 2)
		return mutu_errf(err, MUTU_EINPUT, "fit: %zu value(s); at least 2 are needed", n);
	struct moments m;
	int rc = positive_moments(x, n, &m, err);
	if (rc)
		return rc;
	if (!(m.sdlog > 0))
		return mutu_errf(err, MUTU_EINPUT,
				 "fit: all %zu values are equal (%g); no distribution to fit", n, x[0]);
	double *s = mutu_malloc(n * sizeof *s);
	memcpy(s, x, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	rc = fit_with(f, x, s, n, m.mean, m.mlog, m.sdlog, m.xmax, out);
	free(s);
	if (rc)
		return mutu_errf(err, MUTU_EINPUT, "fit: the %s fit did not converge on %zu values",
				 fit_family_name(f), n);
	return 0;
}

int fit_choose(const double *x, size_t n, double alpha, struct fit_choice *out,
	       struct mutu_err *err)
{
	memset(out, 0, sizeof *out);
	out->best = -1;
	out->alpha = alpha;
	out->n = n;
	for (int q = 0; q < FIT_NQ; q++)
		out->q[q] = NAN;
	out->mean = out->sd = NAN;
	if (n == 0)
		return 0;
	double *s = mutu_malloc(n * sizeof *s);
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(x[i] >= 0) || !isfinite(x[i])) {
			free(s);
			return mutu_errf(err, MUTU_EINPUT,
					 "fit: value %zu is %g; durations must be finite and >= 0", i,
					 x[i]);
		}
		s[i] = x[i];
		sum += x[i];
	}
	qsort(s, n, sizeof *s, cmp_double);
	out->mean = sum / (double)n;
	double v = 0;
	for (size_t i = 0; i < n; i++)
		v += (s[i] - out->mean) * (s[i] - out->mean);
	out->sd = n > 1 ? sqrt(v / (double)(n - 1)) : NAN;
	for (int q = 0; q < FIT_NQ; q++) {
		double h = (double)q / (FIT_NQ - 1) * (double)(n - 1);
		size_t lo = (size_t)floor(h);
		size_t hi = lo + 1 < n ? lo + 1 : lo;
		out->q[q] = s[lo] + (h - (double)lo) * (s[hi] - s[lo]);
	}
	size_t z = 0;
	while (z < n && s[z] == 0)
		z++;
	const double *pos = s + z; /* sorted positive values */
	out->npos = n - z;
	struct moments m;
	if (out->npos >= FIT_MIN_N && positive_moments(pos, out->npos, &m, NULL) == 0 &&
	    m.sdlog > 0) {
		for (int f = 0; f < FIT_NFAMILY; f++) {
			if (fit_with((enum fit_family)f, pos, pos, out->npos, m.mean, m.mlog, m.sdlog,
				     m.xmax, &out->fam[f]) == 0 &&
			    (out->best < 0 || out->fam[f].aic < out->fam[out->best].aic))
				out->best = f;
			out->fam[f].family = (enum fit_family)f;
		}
		if (out->best >= 0)
			out->passes = out->fam[out->best].ks_p >= alpha;
	}
	free(s);
	return 0;
}
