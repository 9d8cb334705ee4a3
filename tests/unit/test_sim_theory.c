/*
 * test_sim_theory.c - the simulation kernel against closed-form queueing
 * results that tests/unit/test_sim.c does not cover (it has M/M/1 and
 * M/M/c against Erlang C in steady state):
 *
 *   M/D/1 and M/G/1 (Pollaczek-Khinchine):  Wq = lambda E[S^2] / (2 (1 - rho)),
 *     E[S^2] = (1 + cv^2) E[S]^2, so M/D/1 (cv 0) has half M/M/1's wait;
 *   a two-station tandem of single servers with exponential service (a
 *     Jackson network): by Burke's theorem the first station's departures
 *     are Poisson, so each station is an M/M/1 of its own and the mean time
 *     in the system is 1/(mu1 - lambda) + 1/(mu2 - lambda);
 *   M/M/1 over a finite horizon from empty, no warm-up: the expected
 *     time-average queue, number in system and finished count over [0, T]
 *     are integrals of the transient state probabilities, solved here from
 *     the Kolmogorov forward equations (birth-death chain, RK4);
 *   files open at the start (sim_scenario_add_open_file): the remaining
 *     service of one already in service is the mean residual life of its
 *     law (gamma, lognormal, Weibull, triangular, empirical, fixed).
 *
 * Time runs without a calendar (every second is working time), so theory
 * applies as is.  Expected values come from these formulas, never from the
 * program.  Tolerance: the theory must lie inside the program's 95%
 * interval across replications, widened to the Bonferroni level
 * 1 - 0.05/NCHECKS so that the family of NCHECKS checks fails by chance at
 * most 5% of the time for a correct kernel; and the interval must be tight
 * (a relative half-width bound per check), so a vague run cannot pass.
 * Steady-state runs also carry the initial-transient bias of a finite run;
 * the warm-up (1/50 of the horizon) and horizons of 10^5 mean service times
 * keep it far below the interval's width (relaxation time of M/M/1 at
 * rho 0.8 is about 1/(sqrt(mu) - sqrt(lambda))^2 = 90 s).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <gsl/gsl_cdf.h>

#include "mutu/sim.h"

#define NCHECKS 14

#include "sim_theory.h"

static struct sim_results *run(struct sim_scenario *sc)
{
	assert_int_equal(sim_scenario_compile(sc, NULL), 0);
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.threads = 2};
	if (sim_run(sc, &opt, &r, &err) != 0)
		fail_msg("sim_run: %s", err.msg);
	return r;
}

/* One server, one SOP with one step of distribution d, Poisson arrivals. */
static struct sim_results *mg1(double lambda, struct sim_dist d, double horizon, int reps)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, horizon);
	int a = sim_scenario_add_actor(sc, "Server", 1);
	int s = sim_scenario_add_sop(sc, "mg1", lambda, 0);
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	sim_scenario_set_warmup(sc, horizon / 50);
	sim_scenario_set_replications(sc, reps);
	sim_scenario_set_seed(sc, 20251201);
	struct sim_results *r = run(sc);
	sim_scenario_free(sc);
	return r;
}

/* P-K: Wq = lambda (1 + cv^2) E[S]^2 / (2 (1 - rho)) */
static double pk_wq(double lambda, double es, double cv)
{
	double rho = lambda * es;
	return lambda * (1 + cv * cv) * es * es / (2 * (1 - rho));
}

static void test_md1(void **state)
{
	(void)state;
	/* lambda 0.8, D = 1 s: rho 0.8, Wq = 0.8 * 1 / (2 * 0.2) = 2.0 s
	 * (M/M/1 at the same load: 4.0), Lq = lambda Wq = 1.6 */
	assert_true(fabs(pk_wq(0.8, 1, 0) - 2.0) < 1e-12);
	struct sim_dist d = {.kind = SIM_FIXED, .mean = 1};
	struct sim_results *r = mg1(0.8, d, 200000, 20);
	expect_in_ci(r, "step/mg1/1/wait_mean", 2.0, 0.05);
	expect_in_ci(r, "actor/Server/queue_mean", 1.6, 0.06);
	/* a fixed service time is served exactly: the sojourn is Wq + 1 */
	expect_in_ci(r, "sop/mg1/lead_mean", 3.0, 0.04);
	sim_results_free(r);
}

static void test_mg1_gamma(void **state)
{
	(void)state;
	/* gamma, mean 1 s, cv 0.5: E[S^2] = 1.25, Wq = 0.8 * 1.25 / 0.4 = 2.5 s */
	assert_true(fabs(pk_wq(0.8, 1, 0.5) - 2.5) < 1e-12);
	struct sim_dist d = {.kind = SIM_GAMMA, .mean = 1, .cv = 0.5};
	struct sim_results *r = mg1(0.8, d, 200000, 20);
	expect_in_ci(r, "step/mg1/1/wait_mean", 2.5, 0.06);
	expect_in_ci(r, "step/mg1/1/service_mean", 1.0, 0.01);
	/* P(wait > 0) = rho in every M/G/1 (PASTA: an arrival finds the server busy) */
	expect_in_ci(r, "step/mg1/1/wait_share", 0.8, 0.02);
	sim_results_free(r);
}

/* Two single servers in tandem, exponential service: mu1 = 1, mu2 = 0.8,
 * lambda 0.5.  rho1 = 0.5: Wq1 = rho1/(mu1 - lambda) = 1.0;
 * rho2 = 0.625: Wq2 = 0.625/0.3 = 2.08333; time in system
 * 1/0.5 + 1/0.3 = 5.33333; utilisations 0.5 and 0.625. */
static void test_jackson_tandem(void **state)
{
	(void)state;
	double horizon = 200000;
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, horizon);
	int a = sim_scenario_add_actor(sc, "A", 1);
	int b = sim_scenario_add_actor(sc, "B", 1);
	int s = sim_scenario_add_sop(sc, "jn", 0.5, 0);
	struct sim_dist d1 = {.kind = SIM_EXPONENTIAL, .mean = 1.0};
	struct sim_dist d2 = {.kind = SIM_EXPONENTIAL, .mean = 1.25};
	sim_scenario_add_step(sc, s, 1, "one", a, d1);
	sim_scenario_add_step(sc, s, 2, "two", b, d2);
	sim_scenario_set_warmup(sc, horizon / 50);
	sim_scenario_set_replications(sc, 20);
	sim_scenario_set_seed(sc, 7);
	struct sim_results *r = run(sc);
	expect_in_ci(r, "step/jn/1/wait_mean", 1.0, 0.05);
	expect_in_ci(r, "step/jn/2/wait_mean", 0.625 / 0.3, 0.06);
	expect_in_ci(r, "sop/jn/lead_mean", 1 / 0.5 + 1 / 0.3, 0.04);
	expect_in_ci(r, "actor/B/util", 0.625, 0.01);
	sim_results_free(r);
	sim_scenario_free(sc);
}

/*
 * M/M/1 from empty over [0, T], no warm-up: lambda 0.8, mu 1, T 10 s.
 * p_n(t) from dp_0/dt = -lambda p_0 + mu p_1,
 * dp_n/dt = lambda p_{n-1} - (lambda + mu) p_n + mu p_{n+1}, cut at n = K
 * (K = 80: P(N(10) >= 80) is below 10^-20, at most 8 arrivals on average).
 * Expected values over the run:
 *   time-average queue   (1/T) int_0^T sum_n (n-1)^+ p_n(t) dt
 *   time-average in system (1/T) int_0^T sum_n n p_n(t) dt
 *   finished             mu int_0^T (1 - p_0(t)) dt
 *   arrivals             lambda T = 8 exactly.
 * A steady-state formula would be wrong here (Lq = 3.2 at rho 0.8; from
 * empty the queue has barely started to build in 10 s).
 */
#define K 80
static void mm1_transient(double lambda, double mu, double T, double *q, double *l, double *fin)
{
	double p[K + 1] = {1}, k1[K + 1], k2[K + 1], k3[K + 1], k4[K + 1], y[K + 1];
	const int steps = 20000;
	double h = T / steps, iq = 0, il = 0, ib = 0;
	double *ks[4] = {k1, k2, k3, k4};
	for (int it = 0; it <= steps; it++) {
		double eq = 0, el = 0;
		for (int n = 1; n <= K; n++) {
			eq += (n - 1) * p[n];
			el += n * p[n];
		}
		double w = (it == 0 || it == steps) ? 0.5 : 1; /* trapezoid */
		iq += w * eq * h;
		il += w * el * h;
		ib += w * (1 - p[0]) * h;
		if (it == steps)
			break;
		for (int st = 0; st < 4; st++) {
			const double c = st == 0 ? 0 : st == 3 ? 1 : 0.5;
			for (int n = 0; n <= K; n++)
				y[n] = p[n] + (st ? c * h * ks[st - 1][n] : 0);
			for (int n = 0; n <= K; n++) {
				double in = (n > 0 ? lambda * y[n - 1] : 0) + (n < K ? mu * y[n + 1] : 0);
				double out = (n < K ? lambda : 0) + (n > 0 ? mu : 0);
				ks[st][n] = in - out * y[n];
			}
		}
		for (int n = 0; n <= K; n++)
			p[n] += h / 6 * (k1[n] + 2 * k2[n] + 2 * k3[n] + k4[n]);
	}
	*q = iq / T;
	*l = il / T;
	*fin = mu * ib;
}

static void test_mm1_finite_horizon(void **state)
{
	(void)state;
	double q, l, fin;
	/* the solver against a value known by hand: with mu = 0 nothing leaves,
	 * N(t) is Poisson(lambda t), so the time-average of E[N] is lambda T / 2 */
	mm1_transient(0.8, 0, 10, &q, &l, &fin);
	assert_true(fabs(l - 4.0) < 1e-6 && fin == 0);
	mm1_transient(0.8, 1.0, 10, &q, &l, &fin);
	/* sanity: below the steady state (L = 4, Lq = 3.2) and positive */
	assert_true(q > 0.2 && q < 3.2 && l > q && l < 4 && fin > 4 && fin < 8);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 10);
	int a = sim_scenario_add_actor(sc, "Server", 1);
	int s = sim_scenario_add_sop(sc, "fh", 0.8, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 1.0};
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	sim_scenario_set_replications(sc, 4000);
	sim_scenario_set_seed(sc, 11);
	struct sim_results *r = run(sc);
	expect_in_ci(r, "sop/fh/arrivals", 8.0, 0.03);
	expect_in_ci(r, "actor/Server/queue_mean", q, 0.08);
	expect_in_ci(r, "all/wip_mean", l, 0.05);
	expect_in_ci(r, "sop/fh/finished", fin, 0.03);
	sim_results_free(r);
	sim_scenario_free(sc);
}

/*
 * Files open at the start (`mutu forecast`, `sim --from-db`): a file that
 * has been in service for e already finishes after R = S - e with S drawn
 * given S > e, so E[R] = int_e^inf Q(s) ds / Q(e), Q the survival function
 * (mean residual life).  One officer, no arrivals, file 1 in service for
 * e = 1.5 h (fixed: 0.25 h) at a step of mean 1 h, file 2 waiting behind it:
 *   gamma cv 0.5 (k 4, theta 0.25 h): E[S | S > e] = k theta Q(5, 6) / Q(4, 6)
 *     = (1 + 6 + 18 + 36 + 54) / (1 + 6 + 18 + 36) = 115/61 h, E[R] = 0.385246 h;
 *   lognormal cv 1 (sigma^2 = ln 2, mu = -sigma^2/2): E[S | S > e] =
 *     e^(mu + sigma^2/2) Phi((mu + sigma^2 - ln e)/sigma) / Phi((mu - ln e)/sigma)
 *     = 2.575548 h, E[R] = 1.075548 h;
 *   Weibull shape 0.5, scale 0.5 h (mean 1 h, cv sqrt 5): Q(s) = e^-(s/0.5)^0.5,
 *     int_e^inf Q = 0.5/0.5 Gamma(2, x) = (1 + x) e^-x, x = sqrt 3: E[R] = 1 + sqrt 3
 *     = 2.732051 h (the longer it has lasted, the longer it lasts);
 *   triangular 0 / 0.5 / 2.5 h (mean 1 h), e past the mode: Q(s) = (b - s)^2 /
 *     ((b - a)(b - c)), E[R] = (b - e)/3 = 0.333333 h;
 *   uniform 0.5 .. 1.5 h (empirical, two quantiles), e = 1 h: E[R] = 0.25 h;
 *   fixed 1 h, e = 0.25 h: R = 0.75 h exactly.
 * File 2 is then served in full: E[end2] = E[R] + 1 h.  20,000 replications;
 * the mean must lie within 4.5 standard errors (a correct kernel misses one
 * of these twelve checks with probability below 1e-4) and the standard error
 * below 2% of the value.
 */
static void residual_case(struct sim_dist d, double e, double want_r)
{
	const double H = 3600;
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 1000 * H);
	int a = sim_scenario_add_actor(sc, "Server", 1);
	int s = sim_scenario_add_sop(sc, "bl", 0, 0);
	sim_scenario_add_step(sc, s, 1, "serve", a, d);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 0, 2 * H, e * H, 1), 0);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 0, 2 * H, 0, 0), 1);
	sim_scenario_set_replications(sc, 20000);
	sim_scenario_set_seed(sc, 33);
	struct sim_results *r = run(sc);
	assert_int_equal(r->nopen, 2);
	for (int f = 0; f < 2; f++) {
		double want = (want_r + f * d.mean / H) * H, sum = 0, sq = 0;
		for (int k = 0; k < r->nrep; k++)
			sum += r->open_end[(size_t)k * 2 + f];
		double mean = sum / r->nrep;
		for (int k = 0; k < r->nrep; k++) {
			double x = r->open_end[(size_t)k * 2 + f] - mean;
			sq += x * x;
		}
		double se = sqrt(sq / (r->nrep - 1) / r->nrep);
		print_message("kind %d file %d: theory %.6f h, simulated %.6f h (se %.6f)\n", d.kind,
			      f + 1, want / H, mean / H, se / H);
		if (!(fabs(mean - want) <= 4.5 * se + 1e-9 * want))
			fail_msg("kind %d file %d: theory %.6f h outside %.6f +- 4.5 x %.6f h", d.kind,
				 f + 1, want / H, mean / H, se / H);
		if (!(se <= 0.02 * want))
			fail_msg("kind %d file %d: standard error %.6f h too wide", d.kind, f + 1, se / H);
	}
	sim_results_free(r);
	sim_scenario_free(sc);
}

static void test_backlog_residual(void **state)
{
	(void)state;
	const double H = 3600;
	residual_case((struct sim_dist){.kind = SIM_GAMMA, .mean = H, .cv = 0.5}, 1.5, 115.0 / 61 - 1.5);
	residual_case((struct sim_dist){.kind = SIM_LOGNORMAL, .mean = H, .cv = 1}, 1.5, 1.075548);
	residual_case((struct sim_dist){.kind = SIM_WEIBULL, .mean = H, .shape = 0.5, .scale = 0.5 * H},
		      1.5, 1 + sqrt(3));
	residual_case((struct sim_dist){.kind = SIM_TRIANGULAR, .mean = H, .min = 0, .mode = 0.5 * H,
					.max = 2.5 * H},
		      1.5, 1.0 / 3);
	residual_case((struct sim_dist){.kind = SIM_EMPIRICAL, .mean = H, .nq = 2, .q = {0.5 * H, 1.5 * H}},
		      1.0, 0.25);
	residual_case((struct sim_dist){.kind = SIM_FIXED, .mean = H}, 0.25, 0.75);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md1),
		cmocka_unit_test(test_mg1_gamma),
		cmocka_unit_test(test_jackson_tandem),
		cmocka_unit_test(test_mm1_finite_horizon),
		cmocka_unit_test(test_backlog_residual),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
