/*
 * fit.h - maximum-likelihood fits of service-time distributions to a
 * sample of positive durations, the choice among them by AIC, a
 * Kolmogorov-Smirnov test of that choice, and an empirical fallback
 * (quantiles) when no family passes.  Used by the calibration
 * (calib.h) to turn a log's step times into scenario keys.
 *
 * Families and their parameters (p1, p2):
 *   exponential  p1 = mean                      (1 parameter)
 *   gamma        p1 = shape k, p2 = scale theta  (mean k theta)
 *   lognormal    p1 = mu, p2 = sigma of ln x     (MLE divisor n)
 *   weibull      p1 = shape k, p2 = scale lambda
 * Every function is pure: no globals, nothing printed, GSL special
 * functions only with arguments inside their domains.
 */
#ifndef MUTU_FIT_H
#define MUTU_FIT_H

#include <stddef.h>

#include "mutu/base.h"

enum fit_family {
	FIT_EXPONENTIAL = 0,
	FIT_GAMMA,
	FIT_LOGNORMAL,
	FIT_WEIBULL,
	FIT_NFAMILY
};

/* "exponential", "gamma", "lognormal", "weibull" (static). */
const char *fit_family_name(enum fit_family f);

/* Quantiles kept for the empirical fallback: probabilities 0, 0.1, ..., 1. */
#define FIT_NQ 11

struct fit_result {
	enum fit_family family;
	int ok;            /* 1: the fit converged and its values are finite */
	double p1, p2;     /* parameters as listed above */
	double mean, cv;   /* of the fitted distribution */
	double loglik;     /* log-likelihood at the estimate */
	double aic;        /* 2 k - 2 loglik */
	double ks_d;       /* Kolmogorov-Smirnov distance to the sample */
	double ks_p;       /* its p-value (Kolmogorov's limit with Stephens'
			    * small-n correction; parameters estimated from the
			    * same sample make it conservative) */
};

/*
 * Fit one family to x[0..n) (every value > 0, n >= 2, not all equal).
 * Returns 0, or MUTU_EINPUT with err naming what is wrong (a value <= 0
 * or not finite with its index, too few values, no spread).
 */
int fit_one(enum fit_family f, const double *x, size_t n, struct fit_result *out,
	    struct mutu_err *err);

/* CDF of a fitted distribution at x. */
double fit_cdf(const struct fit_result *r, double x);

/* P(D_n > d) for the one-sample Kolmogorov-Smirnov statistic d of n values. */
double fit_ks_pvalue(double d, size_t n);

/* Minimum sample for fit_choose: fewer positive values are "too few to fit". */
#define FIT_MIN_N 10

struct fit_choice {
	size_t n;          /* values given */
	size_t npos;       /* of which > 0 (the ones fitted) */
	double mean, sd;   /* of all n values (zeros included) */
	double q[FIT_NQ];  /* sample quantiles at 0, 0.1, .., 1 (R type 7), all values */
	struct fit_result fam[FIT_NFAMILY];
	int best;          /* index into fam of the smallest AIC; -1 when none fitted */
	int passes;        /* 1: the best family's KS p-value >= alpha */
	double alpha;
};

/*
 * Fit every family to the positive values of x[0..n) (zeros are counted
 * in n, kept in the quantiles and left out of the fits: a step done in
 * the same second it began), choose the smallest AIC and test it at
 * level alpha (e.g. 0.01).  x is not changed.  Returns 0 (best may be -1
 * when fewer than FIT_MIN_N values are positive or they have no spread:
 * then use the quantiles), or MUTU_EINPUT for a negative or non-finite
 * value (err names its index and value).
 */
int fit_choose(const double *x, size_t n, double alpha, struct fit_choice *out,
	       struct mutu_err *err);

#endif /* MUTU_FIT_H */
