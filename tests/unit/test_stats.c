/*
 * test_stats.c - the running distribution (stats_dist) against exact
 * quantiles, and the confidence intervals.
 *
 * The quantile estimate comes from a histogram with buckets 2^-8 of an
 * octave wide (engine/stats.c).  Its promise, derived there: within 2^-8
 * (0.39%) of the exact sample quantile (rank p (n - 1), interpolated, as
 * gsl_stats_quantile_from_sorted_data) for values in [2^-10, 2^40), never
 * outside [min, max], and independent of the order of the values.  Each
 * test below checks that promise against the exact quantile of the same
 * values, sorted; one also ties the sample to theory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "mutu/stats.h"

#define BOUND 0x1p-8 /* relative error promised against the sample quantile */

static const double ps[] = {0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0};
#define NPS (sizeof ps / sizeof ps[0])

/* Feed v[0..n) to a fresh distribution and check every quantile in ps
 * against the exact sample quantile within BOUND (relative).  Returns the
 * distribution (caller frees). */
static struct stats_dist *check_against_exact(const double *v, size_t n)
{
	struct stats_dist *d = stats_dist_create();
	for (size_t i = 0; i < n; i++)
		stats_dist_add(d, v[i]);
	assert_int_equal(stats_dist_n(d), n);
	double *s = malloc(n * sizeof *s);
	memcpy(s, v, n * sizeof *s);
	gsl_sort(s, 1, n);
	for (size_t k = 0; k < NPS; k++) {
		double exact = gsl_stats_quantile_from_sorted_data(s, 1, n, ps[k]);
		double est = stats_dist_quantile(d, ps[k]);
		if (!(fabs(est - exact) <= BOUND * fabs(exact)))
			fail_msg("p %.2f: estimate %.9g, exact %.9g (n %zu)", ps[k], est, exact, n);
		assert_true(est >= s[0] && est <= s[n - 1]);
	}
	/* the ends are the exact min and max */
	assert_true(stats_dist_quantile(d, 0.0) == s[0]);
	assert_true(stats_dist_quantile(d, 1.0) == s[n - 1]);
	assert_true(stats_dist_min(d) == s[0] && stats_dist_max(d) == s[n - 1]);
	/* mean and sd against GSL's two-pass versions */
	double m = gsl_stats_mean(v, 1, n);
	assert_true(fabs(stats_dist_mean(d) - m) <= 1e-12 * fabs(m));
	if (n > 1) {
		double sd = gsl_stats_sd(v, 1, n);
		assert_true(fabs(stats_dist_sd(d) - sd) <= 1e-9 * sd + 1e-300);
	}
	free(s);
	return d;
}

/*
 * Exponential with rate mu = 2: quantile q_p = -ln(1 - p) / mu, so the
 * median is ln 2 / 2, p90 ln 10 / 2 and p95 ln 20 / 2.  The sample
 * quantile of n values has standard error sqrt(p (1 - p) / n) / f(q_p)
 * with density f(q_p) = mu (1 - p), i.e. sqrt(p / ((1 - p) n)) / mu; for
 * n = 10^6 and p = 0.95 that is 0.0022.  The estimate must be within 5
 * standard errors (sampling; a false alarm once in 1.7 million) plus the
 * estimator's 2^-8 of the theoretical value.
 */
static void test_exponential(void **state)
{
	(void)state;
	const size_t n = 1000000;
	const double mu = 2.0;
	double *v = malloc(n * sizeof *v);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	gsl_rng_set(r, 20250101);
	for (size_t i = 0; i < n; i++)
		v[i] = gsl_ran_exponential(r, 1.0 / mu);
	struct stats_dist *d = check_against_exact(v, n);
	const double tp[] = {0.5, 0.9, 0.95};
	const double theory[] = {log(2.0) / mu, log(10.0) / mu, log(20.0) / mu};
	for (int k = 0; k < 3; k++) {
		double se = sqrt(tp[k] / ((1 - tp[k]) * (double)n)) / mu;
		double est = stats_dist_quantile(d, tp[k]);
		if (!(fabs(est - theory[k]) <= 5 * se + BOUND * theory[k]))
			fail_msg("p %.2f: %.6f, theory %.6f (se %.6f)", tp[k], est, theory[k], se);
	}
	/* mean 1/mu: standard error 1/(mu sqrt(n)) = 0.0005 */
	assert_true(fabs(stats_dist_mean(d) - 1.0 / mu) < 5 * 0.0005);
	stats_dist_free(d);
	gsl_rng_free(r);
	free(v);
}

/* Lead times of files with rework: two far-apart humps (days apart),
 * lognormal bodies; and values spread over many octaves. */
static void test_mixtures(void **state)
{
	(void)state;
	const size_t n = 200000;
	double *v = malloc(n * sizeof *v);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	gsl_rng_set(r, 7);
	for (size_t i = 0; i < n; i++)
		v[i] = gsl_rng_uniform(r) < 0.8 ? gsl_ran_lognormal(r, log(86400.0), 0.4)
						 : 5 * 86400.0 + gsl_ran_gamma(r, 3, 20000);
	stats_dist_free(check_against_exact(v, n));
	for (size_t i = 0; i < n; i++) /* 2^-9 .. 2^39: nearly the whole range */
		v[i] = exp2(-9 + 48 * gsl_rng_uniform(r));
	stats_dist_free(check_against_exact(v, n));
	gsl_rng_free(r);
	free(v);
}

/* A gap between two groups: the median of 500 ones and 500 thousands is
 * (1 + 1000) / 2 = 500.5 (ranks 499 and 500 straddle the gap). */
static void test_gap(void **state)
{
	(void)state;
	double v[1000];
	for (int i = 0; i < 1000; i++)
		v[i] = i < 500 ? 1.0 : 1000.0;
	struct stats_dist *d = check_against_exact(v, 1000);
	assert_true(fabs(stats_dist_quantile(d, 0.5) - 500.5) <= BOUND * 500.5);
	stats_dist_free(d);
}

/* Equal values (fixed service times) give the value exactly; so do one
 * value, and the empty distribution gives NaN. */
static void test_exact_cases(void **state)
{
	(void)state;
	struct stats_dist *d = stats_dist_create();
	assert_true(isnan(stats_dist_quantile(d, 0.5)) && isnan(stats_dist_mean(d)));
	assert_true(isnan(stats_dist_min(d)) && isnan(stats_dist_sd(d)));
	stats_dist_add(d, 6780.0); /* 1 Jam 53 Menit */
	assert_true(stats_dist_quantile(d, 0.5) == 6780.0 && stats_dist_quantile(d, 0.95) == 6780.0);
	assert_true(isnan(stats_dist_sd(d)));
	for (int i = 0; i < 999; i++)
		stats_dist_add(d, 6780.0);
	assert_true(stats_dist_quantile(d, 0.9) == 6780.0 && stats_dist_mean(d) == 6780.0);
	assert_true(stats_dist_sd(d) == 0.0);
	assert_true(isnan(stats_dist_quantile(d, 1.5)));
	stats_dist_add(d, NAN); /* ignored */
	assert_int_equal(stats_dist_n(d), 1000);
	/* reset forgets everything */
	stats_dist_reset(d);
	assert_int_equal(stats_dist_n(d), 0);
	stats_dist_add(d, 2.0);
	stats_dist_add(d, 4.0);
	/* two values: median (2 + 4) / 2 = 3, p90 = 2 + 0.9 * 2 = 3.8 */
	assert_true(fabs(stats_dist_quantile(d, 0.5) - 3.0) <= BOUND * 3.0);
	assert_true(fabs(stats_dist_quantile(d, 0.9) - 3.8) <= BOUND * 3.8);
	stats_dist_free(d);
	/* beyond the histogram's range: huge values and zeros stay within
	 * [min, max], and all-equal ones are exact */
	d = stats_dist_create();
	stats_dist_add(d, 1e13);
	stats_dist_add(d, 1e13);
	assert_true(stats_dist_quantile(d, 0.5) == 1e13);
	stats_dist_reset(d);
	for (int i = 0; i < 10; i++)
		stats_dist_add(d, i < 5 ? 0.0 : -1.0);
	double m = stats_dist_quantile(d, 0.5); /* exact -0.5, first bucket */
	assert_true(m >= -1.0 && m <= 0.0 && fabs(m + 0.5) <= 0x1p-10 + 1.0);
	assert_true(stats_dist_quantile(d, 0.0) == -1.0 && stats_dist_quantile(d, 1.0) == 0.0);
	stats_dist_free(d);
}

/* Reset clears every bucket a value went to, from the minimum's bucket to
 * the maximum's (engine/stats_int.h works that range out of min and max
 * instead of keeping it).  The values 1, 1.001, 5, 10, 10.02 go in twice,
 * with a reset between: the second time the histogram must read as if
 * the first never happened.  1 and 10 are bucket edges (mantissas 1 and
 * 1.25; a bucket is 2^-8 of an octave: 1/256 wide at 1, 1/32 at 10), and
 * each shares its bucket with the next value.  p25 is rank 1, the second
 * of the two in bucket [1, 1 + 1/256): 1 + (1 + 0.5) / 2 / 256 =
 * 1.0029296875.  p75 is rank 3, the first of the two in [10, 10 + 1/32):
 * 10 + 0.5 / 2 / 32 = 10.0078125.  A count left over in the first bucket
 * or the last moves them (to 1 + 1.5 / 4 / 256, to 10 + 0.5 / 4 / 32). */
static void test_reset_clears(void **state)
{
	(void)state;
	const double v[] = {10.02, 1.0, 10.0, 5.0, 1.001};
	struct stats_dist *d = stats_dist_create();
	for (int pass = 0; pass < 2; pass++) {
		stats_dist_reset(d);
		for (int i = 0; i < 5; i++)
			stats_dist_add(d, v[i]);
	}
	assert_int_equal(stats_dist_n(d), 5);
	assert_true(stats_dist_quantile(d, 0.25) == 1.0029296875);
	assert_true(stats_dist_quantile(d, 0.75) == 10.0078125);
	assert_true(stats_dist_quantile(d, 0.0) == 1.0 && stats_dist_quantile(d, 1.0) == 10.02);
	stats_dist_free(d);
}

/* The order of the values does not matter, to the bit: the counts are
 * exact.  (P-square, which this replaced, depends on the order; the lead
 * times of a queue come in long runs of similar values.) */
static void test_order_free(void **state)
{
	(void)state;
	const size_t n = 100000;
	double *v = malloc(n * sizeof *v);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	for (size_t i = 0; i < n; i++)
		v[i] = gsl_ran_gamma(r, 2, 3600);
	struct stats_dist *a = stats_dist_create(), *b = stats_dist_create();
	for (size_t i = 0; i < n; i++)
		stats_dist_add(a, v[i]);
	gsl_sort(v, 1, n);
	for (size_t i = 0; i < n; i++)
		stats_dist_add(b, v[n - 1 - i]);
	for (size_t k = 0; k < NPS; k++)
		assert_true(stats_dist_quantile(a, ps[k]) == stats_dist_quantile(b, ps[k]));
	stats_dist_free(a);
	stats_dist_free(b);
	gsl_rng_free(r);
	free(v);
}

/* Student t interval: values 1..5, mean 3, sd sqrt(2.5), t(0.975, 4) =
 * 2.776445, half = 2.776445 * 1.581139 / sqrt(5) = 1.963243. */
static void test_ci(void **state)
{
	(void)state;
	const double x[] = {1, 2, NAN, 3, 4, 5};
	struct stats_ci ci;
	stats_ci_compute(x, 6, 1, 0.95, &ci);
	assert_int_equal(ci.n, 5);
	assert_true(fabs(ci.mean - 3) < 1e-12 && fabs(ci.sd - sqrt(2.5)) < 1e-12);
	assert_true(fabs(ci.half - 1.963243) < 1e-6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exponential),
		cmocka_unit_test(test_mixtures),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_exact_cases),
		cmocka_unit_test(test_reset_clears),
		cmocka_unit_test(test_order_free),
		cmocka_unit_test(test_ci),
	};
	return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
