/*
 * test_sim_planner.c - `mutu sim` as a planner at a DPMPTSP uses it, held
 * to queueing theory where test_sim_office.c stops: the staffing what-if
 * (a third officer at rho 0.9, compared with common random numbers), an
 * M/G/1 with lognormal service (Pollaczek-Khinchine with the lognormal's
 * second moment), rework with p = 0.9 to a step two back (traffic
 * equations), and a month of Ramadan hours (work conservation: the same
 * files on shorter days).
 *
 * Tolerance (sim_theory.h): the closed form must lie in the run's 95%
 * interval widened to the Bonferroni level 1 - 0.05/NCHECKS for this
 * file's NCHECKS interval checks, and the half-width must lie below a bound
 * about twice the one the run gives (so a vague run cannot pass).  Runs
 * are two simulated years on 24x7 with 20 replications, or one month of
 * office days with 200; the whole file takes about 0.3 s.
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

#define NCHECKS 33

#include "sim_theory.h"

#define D "tests/data/sim-theory/"

static struct sim_results *run_file(const char *path)
{
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_scenario_load(path, "datasets/calendars", &sc, &err) != 0)
		fail_msg("%s: %s", path, err.msg);
	struct sim_results *r = NULL;
	struct sim_options opt = {.threads = 2};
	if (sim_run(sc, &opt, &r, &err) != 0)
		fail_msg("sim_run: %s", err.msg);
	sim_scenario_free(sc);
	return r;
}

static double value_of(const struct sim_results *r, int rep, const char *key)
{
	int i = sim_results_find(r, key);
	if (i < 0)
		fail_msg("no metric %s", key);
	return r->values[(size_t)rep * r->nmetric + (size_t)i];
}

/*
 * The planner's what-if: Front Office from 2 to 3 officers at 1,8 files per
 * jam, exponential 1 Jam (rho(2) = 0.9).  Erlang C:
 *   c = 2, a = 1.8: sum = 1 + 1.8 = 2.8, a^2/2! x 2/0.2 = 16.2,
 *     C = 16.2/19 = 0.852632, Wq = C / (2 - 1.8) h = 4.263158 h;
 *   c = 3: sum = 1 + 1.8 + 1.62 = 4.42, a^3/3! x 3/1.2 = 2.43,
 *     C = 2.43/6.85 = 0.354745, Wq = C / 1.2 h = 0.295620 h;
 *   the difference: -3.967538 h in the wait, -0.497887 in P(wait).
 * The difference's interval is paired (common random numbers: the same
 * files in both runs): it must be the Student interval of the 20
 * per-replication differences B - A, recomputed here with t(0.975, 19) =
 * 2.093024, and the two runs' waits must be positively correlated (the
 * same bursts of arrivals load both), so pairing narrows it below the
 * unpaired sqrt(hA^2 + hB^2).
 */
static void test_third_officer(void **state)
{
	(void)state;
	double c2 = erlang_c(2, 1.8), c3 = erlang_c(3, 1.8);
	assert_true(fabs(c2 - 16.2 / 19) < 1e-12 && fabs(c3 - 2.43 / 6.85) < 1e-12);
	double w2 = c2 / 0.2 * 3600, w3 = c3 / 1.2 * 3600;
	struct sim_results *a = run_file(D "mm2-rho09-scenario.ini");
	struct sim_results *b = run_file(D "mm3-a18-scenario.ini");
	const char *wk = "step/satu-langkah/1/wait_mean", *pk = "step/satu-langkah/1/wait_share";
	expect_in_ci(a, wk, w2, 0.10);
	expect_in_ci(b, wk, w3, 0.06);
	expect_in_ci(a, pk, c2, 0.01);
	expect_in_ci(b, pk, c3, 0.02);
	expect_in_ci(a, "actor/Front Office/util", 0.9, 0.01);
	expect_in_ci(b, "actor/Front Office/util", 0.6, 0.01);

	struct sim_diff *d = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(a, b, &d, &err), 0);
	int iw = sim_results_find(a, wk), ip = sim_results_find(a, pk);
	assert_true(iw >= 0 && ip >= 0);
	const struct stats_ci *dw = &d[iw].d, *dp = &d[ip].d;
	/* the theory difference inside the Bonferroni-widened paired interval */
	double widen = gsl_cdf_tdist_Pinv(1 - 0.05 / (2 * NCHECKS), 19) / gsl_cdf_tdist_Pinv(0.975, 19);
	print_message("wait B - A: theory %.1f s, paired %.1f +- %.1f s\n", w3 - w2, dw->mean, dw->half);
	assert_true(fabs(dw->mean - (w3 - w2)) <= widen * dw->half);
	assert_true(fabs(dp->mean - (c3 - c2)) <= widen * dp->half);
	assert_true(dw->half <= 0.10 * (w2 - w3));
	/* the interval by hand from the replications */
	double x[20], y[20], m = 0, mx = 0, my = 0;
	for (int k = 0; k < 20; k++) {
		x[k] = value_of(a, k, wk);
		y[k] = value_of(b, k, wk);
		m += (y[k] - x[k]) / 20;
		mx += x[k] / 20;
		my += y[k] / 20;
	}
	double ss = 0, sxx = 0, syy = 0, sxy = 0;
	for (int k = 0; k < 20; k++) {
		double e = y[k] - x[k] - m;
		ss += e * e;
		sxx += (x[k] - mx) * (x[k] - mx);
		syy += (y[k] - my) * (y[k] - my);
		sxy += (x[k] - mx) * (y[k] - my);
	}
	double half = 2.093024 * sqrt(ss / 19) / sqrt(20);
	assert_int_equal(dw->n, 20);
	assert_true(fabs(dw->mean - m) <= 1e-9 * fabs(m));
	assert_true(fabs(dw->half - half) <= 1e-6 * half);
	double corr = sxy / sqrt(sxx * syy);
	const struct stats_ci *ca = ci_of(a, wk), *cb = ci_of(b, wk);
	print_message("corr(A, B) = %.3f; paired half %.1f, unpaired %.1f\n", corr, dw->half,
		      sqrt(ca->half * ca->half + cb->half * cb->half));
	assert_true(corr > 0.3);
	assert_true(dw->half < sqrt(ca->half * ca->half + cb->half * cb->half));
	free(d);
	sim_results_free(a);
	sim_results_free(b);
}

/*
 * M/G/1, lognormal service with mean 1 Jam and cv 1.5 (the scenario's
 * "lognormal cv=1.5" around the step's waktu), lambda = 0,5 per jam:
 *   E[S^2] = (1 + cv^2) E[S]^2 = 3.25 h^2, rho = 0.5,
 *   Wq = lambda E[S^2] / (2 (1 - rho)) = 0.5 x 3.25 / 1 = 1.625 h
 * (an exponential would give 1 h: the check tells the shapes apart).
 * P(wait) = rho = 0.5 whatever the distribution.
 */
static void test_mg1_lognormal(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "mg1-lognormal-scenario.ini");
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", 1.625 * 3600, 0.10);
	expect_in_ci(r, "step/satu-langkah/1/wait_share", 0.5, 0.02);
	expect_in_ci(r, "step/satu-langkah/1/service_mean", 3600, 0.02);
	expect_in_ci(r, "actor/Front Office/util", 0.5, 0.02);
	sim_results_free(r);
}

/*
 * P-K with the second moments of the two shapes a planner writes by hand,
 * lambda = 0,5 per jam = 1/120 per Menit, one officer:
 *   empirical quantiles=0 30 60 150 (three pieces, uniform on each, 1/3
 *   each): E[S] = (15 + 45 + 105)/3 = 55 Menit; E[S^2] = (1/3) sum
 *   (a^2 + ab + b^2)/3 = (1/3)(300 + 2100 + 11700) = 4700 Menit^2;
 *   rho = 55/120, Wq = lambda E[S^2] / (2 (1 - rho)) = (4700/120) /
 *   (2 x 65/120) = 4700/130 = 36.154 Menit.
 *   triangular min=0.5 mode=1 max=3 around the step's 1 Jam: 20, 40, 120
 *   Menit; Var = (a^2 + b^2 + c^2 - ab - ac - bc)/18 = 8400/18 = 466.67,
 *   E[S^2] = 3600 + 466.67 = 4066.67; rho = 0.5, Wq = 4066.67/120 =
 *   33.889 Menit.
 */
static void test_mg1_hand_shapes(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "mg1-empiris-scenario.ini");
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", 4700.0 / 130 * 60, 0.05);
	expect_in_ci(r, "step/satu-langkah/1/service_mean", 55 * 60, 0.01);
	sim_results_free(r);
	r = run_file(D "mg1-segitiga-scenario.ini");
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", (3600 + 8400.0 / 18) / 120 * 60, 0.05);
	expect_in_ci(r, "step/satu-langkah/1/service_mean", 3600, 0.01);
	sim_results_free(r);
}

/*
 * Rework with p = 0.9 to the step two back: step 4 (Dinas Teknis) returns
 * the file to the applicant with p 0.9, who resubmits after a fixed 1 Menit
 * to step 2 (Front Office); steps 2, 3, 4 one officer each, exponential
 * 1 Jam, lambda = 0,05 per jam.  Traffic equations: every file passes steps
 * 2-4 a geometric number of times with mean 1/(1 - 0.9) = 10, so each
 * station sees lambda_i = 0.05 / 0.1 = 0.5 per jam, rho = 0.5.  The network
 * is a Jackson network (the applicant a delay station), so each visit waits
 * as in M/M/1: Wq = rho/(1 - rho) x 1 h = 1 h, and P(wait) = 0.5.  Lead time
 * (net of the time with the applicant) = 10 passes x 3 stations x (1 h +
 * 1 h) = 60 h, plus the applicant's first step (1 Menit exponential).
 * Rejections: 9 per file, so 9 x the arrivals.  Sojourn less lead time = the
 * time with the applicant = 9 returns x 1 Menit = 540 s per file.
 */
static void test_rework_p09_two_back(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "kembali-dua-scenario.ini");
	const char *st[] = {"2", "3", "4"};
	for (int i = 0; i < 3; i++) {
		char k[96];
		snprintf(k, sizeof k, "step/kembali-dua/%s/wait_mean", st[i]);
		expect_in_ci(r, k, 3600, 0.10);
	}
	expect_in_ci(r, "actor/Front Office/util", 0.5, 0.03);
	expect_in_ci(r, "actor/Dinas Teknis/util", 0.5, 0.03);
	expect_in_ci(r, "sop/kembali-dua/lead_mean", 60 * 3600 + 60, 0.07);
	/* rejections per arrival, replication by replication: 9 */
	double q[20];
	for (int k = 0; k < 20; k++)
		q[k] = value_of(r, k, "sop/kembali-dua/rejections") / value_of(r, k, "sop/kembali-dua/arrivals");
	struct stats_ci ci;
	stats_ci_compute(q, 20, 1, 0.95, &ci);
	print_message("rejections per arrival %.4f +- %.4f (theory 9)\n", ci.mean, ci.half);
	double widen = gsl_cdf_tdist_Pinv(1 - 0.05 / (2 * NCHECKS), 19) / gsl_cdf_tdist_Pinv(0.975, 19);
	assert_true(fabs(ci.mean - 9) <= widen * ci.half && ci.half < 0.5);
	/* time with the applicant per finished file, sojourn less lead time:
	 * 9 returns x 60 s = 540 s (the geometric count's sd 9.49 over ~850
	 * files a replication: about 20 s a replication) */
	for (int k = 0; k < 20; k++)
		q[k] = value_of(r, k, "all/sojourn_mean") - value_of(r, k, "all/lead_mean");
	stats_ci_compute(q, 20, 1, 0.95, &ci);
	print_message("time with the applicant %.2f +- %.2f s (theory 540)\n", ci.mean, ci.half);
	assert_true(fabs(ci.mean - 540) <= widen * ci.half && ci.half < 30);
	sim_results_free(r);
}

/*
 * March 2025 on id-wib: Ramadan 1446H covers 1-30 March (31 March is Idul
 * Fitri), so every working day of the run has Ramadan hours, 6.5 h = 390
 * working minutes.  Working days: 3-7, 10-14, 17-21, 24-27 March (28 March
 * is cuti bersama Nyepi) = 19.  "12 per hari" brings 12 files each working
 * day whatever its length (README: Rates): 19 x 12 = 228 files.  Work
 * conservation: utilisation = offered / available = 228 x 10 / (19 x 390)
 * = 120/390 = 0.307692 (on 7.5 h days it would be 120/450 = 0.266667; the
 * work left at the end, E[V] = rho/(1-rho) x 10 Menit = 4.4 min, is 0.06%
 * of 7,410 minutes).  In working time the office is an M/M/1 with
 * lambda = 12/390 per working minute: Wq = rho/(1-rho) x 10 Menit =
 * 0.307692/0.692308 x 10 = 4.444 Menit (3.636 on 7.5 h days).
 */
static void test_ramadan_month(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "ramadan-scenario.ini");
	expect_in_ci(r, "all/arrivals", 228, 0.02);
	expect_in_ci(r, "actor/Front Office/util", 120.0 / 390, 0.03);
	expect_in_ci(r, "step/satu-wib/1/wait_mean", 120.0 / 270 * 600, 0.08);
	sim_results_free(r);
}

/*
 * No warm-up: an M/M/1 at rho 0.95 (0,95 per jam, exponential 1 Jam)
 * started empty and run 14 days (336 h).  mutu collects from the start
 * (warmup_until defaults to start, README), so it reports the office
 * filling up, not the long run: the expected time-average queue over
 * [0, T] from empty is (1/T) sum_j max(j - 1, 0) int_0^T p_j(t) dt, and the
 * utilisation (1/T) sum_{j>=1} int_0^T p_j(t) dt, both linear in the
 * transient law p(t), so the replications' means are unbiased for them.
 * p(t) by uniformization (rate L = lambda + mu, jump chain P):
 *   int_0^T p(t) dt = (1/L) sum_k pi_0 P^k  P(Poisson(L T) > k),
 * truncated at 400 customers (P(N(t) >= 400) < 1e-30 within 14 days) and at
 * the k where the Poisson tail is below 1e-16.  This gives Lq = 8.5891 and
 * util 0.9114 over the 14 days, against the steady state's
 * Lq = rho^2/(1 - rho) = 18.05 and 0.95: the run's interval must cover the
 * transient value and exclude the steady state's (a run without warm-up
 * answers "these 14 days from empty", and says so only through its
 * "diamati sejak" line: README, warmup_until).
 */
static void test_no_warmup_transient(void **state)
{
	(void)state;
	enum { K = 400 };
	const double lam = 0.95, mu = 1, T = 14 * 24, L = lam + mu, mt = L * T;
	static double pi[K], nx[K], acc[K];
	memset(pi, 0, sizeof pi);
	memset(acc, 0, sizeof acc);
	pi[0] = 1;
	double total = 0;
	for (unsigned k = 0; k < 5000; k++) {
		double q = gsl_cdf_poisson_Q(k, mt); /* P(X > k) */
		if (q < 1e-16 && k > mt)
			break;
		for (int j = 0; j < K; j++)
			acc[j] += pi[j] * q / L;
		memset(nx, 0, sizeof nx);
		for (int j = 0; j < K; j++) {
			double up = lam / L, down = j ? mu / L : 0;
			nx[j + 1 < K ? j + 1 : j] += pi[j] * up;
			if (j)
				nx[j - 1] += pi[j] * down;
			nx[j] += pi[j] * (1 - up - down);
		}
		memcpy(pi, nx, sizeof pi);
	}
	double lq = 0, util = 0;
	for (int j = 0; j < K; j++) {
		total += acc[j];
		lq += (j ? j - 1 : 0) * acc[j] / T;
		util += (j ? 1 : 0) * acc[j] / T;
	}
	/* the weights add up to T */
	assert_true(fabs(total - T) < 1e-9 * T);
	print_message("transient from empty over 14 days: Lq %.4f, util %.4f\n", lq, util);
	assert_true(fabs(lq - 8.5891) < 5e-4 && fabs(util - 0.9114) < 5e-4);
	struct sim_results *r = run_file(D "kosong-095-scenario.ini");
	expect_in_ci(r, "actor/Front Office/queue_mean", lq, 0.15);
	expect_in_ci(r, "actor/Front Office/util", util, 0.02);
	expect_in_ci(r, "all/wip_mean", lq + util, 0.15);
	/* the long run lies far outside */
	const struct stats_ci *q = ci_of(r, "actor/Front Office/queue_mean");
	assert_true(q->hi < 0.95 * 0.95 / 0.05 / 1.5);
	sim_results_free(r);
}

/*
 * The same March on 7.5 h days (id-wib-tanpa-ramadan.ini: id-wib without
 * its Ramadan hours) against Ramadan's 6.5 h, with `--compare`'s common
 * random numbers across calendars (README: the same files arrive on the
 * same working days, each step's k-th service the same draw).  So the
 * arrivals are equal in every replication, and the differences B - A are
 * those of theory:
 *   utilisation: the work arrived, 228 x 10 Menit, less the work left when
 *   the office closes on 27 March (the stationary M/M/1 unfinished work
 *   rho/(1-rho) x 10 Menit: 4.444 with Ramadan, 3.636 without), over the
 *   hours open: (2280 - 4.444)/7410 - (2280 - 3.636)/8550
 *   = 0.307092 - 0.266241 = 0.040851;
 *   P(wait) = rho: 120/390 - 120/450 = 0.041026;
 *   Wq: 4.4444 - 3.6364 Menit = 48.48 s.
 */
static void test_ramadan_paired(void **state)
{
	(void)state;
	struct sim_results *a = run_file(D "tanpa-ramadan-scenario.ini");
	struct sim_results *b = run_file(D "ramadan-scenario.ini");
	for (int k = 0; k < 200; k++)
		assert_true(value_of(a, k, "all/arrivals") == value_of(b, k, "all/arrivals"));
	struct sim_diff *d = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(a, b, &d, &err), 0);
	double widen = gsl_cdf_tdist_Pinv(1 - 0.05 / (2 * NCHECKS), 199) / gsl_cdf_tdist_Pinv(0.975, 199);
	const char *key[] = {"actor/Front Office/util", "step/satu-wib/1/wait_share", "step/satu-wib/1/wait_mean"};
	const double want[] = {0.040851, 120.0 / 390 - 120.0 / 450, (120.0 / 270 - 120.0 / 330) * 600};
	const double rel[] = {0.03, 0.08, 0.25};
	for (int i = 0; i < 3; i++) {
		const struct stats_ci *c = &d[sim_results_find(a, key[i])].d;
		print_message("%s B - A: theory %.6f, paired %.6f +- %.6f\n", key[i], want[i], c->mean, c->half);
		assert_true(fabs(c->mean - want[i]) <= widen * c->half);
		assert_true(c->half <= rel[i] * want[i]);
	}
	free(d);
	sim_results_free(a);
	sim_results_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_third_officer),
		cmocka_unit_test(test_mg1_lognormal),
		cmocka_unit_test(test_mg1_hand_shapes),
		cmocka_unit_test(test_rework_p09_two_back),
		cmocka_unit_test(test_ramadan_month),
		cmocka_unit_test(test_no_warmup_transient),
		cmocka_unit_test(test_ramadan_paired),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
