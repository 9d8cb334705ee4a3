/*
 * test_sim_ci.c - the 95% confidence intervals `mutu sim` prints, held to
 * what they promise, on quantities whose mean is known exactly:
 *
 *   arrivals of an SOP over [0, T] without warm-up: Poisson, mean
 *     lambda T = 0.8 x 100 = 80;
 *   the mean service time of a Pemohon step: every applicant is their own
 *     server and draws at arrival, so the draws are independent of how
 *     many files came, and the replication's mean has expectation 1/mu =
 *     1 s exactly (a staffed step's count of services begun depends on the
 *     draws themselves, which biases its ratio by O(1/n): not used here).
 *
 * Coverage: 60 runs with seeds 1..60, 10 replications each; a correct 95%
 * interval covers the mean in X ~ Binomial(60, 0.95) of them (mean 57).
 * P(X <= 50) = 0.00074 (sum_{k<=50} C(60,k) 0.95^k 0.05^(60-k)), so
 * "at least 51 of 60" fails a correct interval about once in 1400 runs
 * per quantity; an interval of z = 1.96 instead of t(9) = 2.262 covers
 * about 92%, a mean over 6 instead of 10 replications much less.
 * Coverage alone cannot see an interval too wide (60 of 60 happens 4.6%
 * of the time for a correct one), so the width is held too: for
 * arrivals, sd = sqrt(80), the expected half-width is
 *   t(0.975, 9) c4(10) sqrt(80) / sqrt(10) = 2.262157 x 0.972659 x 8.944272
 *   / 3.162278 = 6.2233,
 * and the half-width of one run has sd about t(9) sqrt(1 - c4^2) sd /
 * sqrt(10) = 2.262157 x 0.232237 x 8.944272 / 3.162278 = 1.4859, its mean
 * over 60 runs 0.1919; 4 of those (0.77, 12%) is the bound: a correct
 * interval fails it about once in 16,000; z instead of t (5.392, -13%) fails.
 *
 * One interval worked by hand: from the replication values of a run
 * (results->values, row per replication), mean, sample sd with n - 1 and
 * t(0.975, 4) = 2.776445 (Student's t table, 4 d.f.) for n = 5.  For
 * the record, seed 20251201 drew 69, 73, 78, 90 and 94 files: mean 80.8,
 * squared deviations 139.24 + 60.84 + 7.84 + 84.64 + 174.24 = 466.8,
 * s = sqrt(466.8 / 4) = 10.8028, half-width 2.776445 x 10.8028 / sqrt(5)
 * = 13.4134, interval [67.387, 94.213]; the test recomputes this from
 * whatever values the run gives, so it pins the arithmetic, not the draws.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/sim.h"

/* One SOP: a Pemohon step (exponential, mean 1 s) then a staffed one. */
static struct sim_results *run(uint64_t seed, int reps)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 100);
	int a = sim_scenario_add_actor(sc, "Server", 1);
	int s = sim_scenario_add_sop(sc, "ci", 0.8, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 1.0};
	sim_scenario_add_step(sc, s, 1, "apply", SIM_PEMOHON, d);
	sim_scenario_add_step(sc, s, 2, "serve", a, d);
	sim_scenario_set_replications(sc, reps);
	sim_scenario_set_seed(sc, seed);
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.threads = 2};
	if (sim_run(sc, &opt, &r, &err) != 0)
		fail_msg("sim_run: %s", err.msg);
	sim_scenario_free(sc);
	return r;
}

static const struct stats_ci *ci_of(const struct sim_results *r, const char *key, int *idx)
{
	int i = sim_results_find(r, key);
	if (i < 0)
		fail_msg("no metric %s", key);
	if (idx)
		*idx = i;
	return &r->ci[i];
}

static void test_coverage(void **state)
{
	(void)state;
	int cover_arr = 0, cover_svc = 0;
	double half_sum = 0;
	for (uint64_t seed = 1; seed <= 60; seed++) {
		struct sim_results *r = run(seed, 10);
		const struct stats_ci *a = ci_of(r, "sop/ci/arrivals", NULL);
		const struct stats_ci *s = ci_of(r, "step/ci/1/service_mean", NULL);
		assert_int_equal(a->n, 10);
		cover_arr += a->lo <= 80 && 80 <= a->hi;
		cover_svc += s->lo <= 1 && 1 <= s->hi;
		half_sum += a->half;
		sim_results_free(r);
	}
	print_message("coverage: arrivals %d/60, service %d/60; mean half-width %.4f (theory 6.2233)\n",
		      cover_arr, cover_svc, half_sum / 60);
	assert_true(cover_arr >= 51);
	assert_true(cover_svc >= 51);
	assert_true(fabs(half_sum / 60 - 6.2233) <= 0.77);
}

static void test_interval_by_hand(void **state)
{
	(void)state;
	struct sim_results *r = run(20251201, 5);
	int k;
	const struct stats_ci *ci = ci_of(r, "sop/ci/arrivals", &k);
	double x[5], mean = 0, ss = 0;
	for (int i = 0; i < 5; i++) {
		x[i] = r->values[(size_t)i * r->nmetric + (size_t)k];
		mean += x[i] / 5;
	}
	for (int i = 0; i < 5; i++)
		ss += (x[i] - mean) * (x[i] - mean);
	double sd = sqrt(ss / 4), half = 2.776445 * sd / sqrt(5);
	print_message("arrivals %g %g %g %g %g: mean %.4f sd %.4f, %.4f +- %.4f; mutu %.4f +- %.4f\n",
		      x[0], x[1], x[2], x[3], x[4], mean, sd, mean, half, ci->mean, ci->half);
	/* the replications differ (else the check below says nothing) */
	assert_true(sd > 1);
	assert_int_equal(ci->n, 5);
	assert_true(fabs(ci->mean - mean) < 1e-9 * mean);
	assert_true(fabs(ci->sd - sd) < 1e-9 * sd);
	/* t(0.975, 4) to the table's 7 digits */
	assert_true(fabs(ci->half - half) < 1e-6 * half);
	assert_true(fabs(ci->lo - (mean - half)) < 1e-6 * half && fabs(ci->hi - (mean + half)) < 1e-6 * half);
	sim_results_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_interval_by_hand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
