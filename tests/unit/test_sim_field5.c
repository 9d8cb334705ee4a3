/*
 * test_sim_field5.c - `mutu sim` scenario files against queueing theory
 * where test_sim_theory.c, test_sim_office.c and test_sim_planner.c stop:
 * the lead time's distribution through a tandem (not only its mean), a
 * tandem whose second station has two officers, one officer at intake
 * and again at the SK handover of the same SOP, M/M/c at low load,
 * M/D/1 from a scenario file with its wait's law (Erlang's formula),
 * Little's law per pelaksana, and arrival profiles (a morning peak in an
 * office that opens at 07:00, a day-time peak on a 24x7 portal) with the
 * offered load the scenario check and `mutu plan` judge feasibility by.
 *
 * Erlang C (M/M/c, a = lambda/mu < c):
 *   C(c, a) = [a^c/c! * c/(c-a)] / [sum_{k<c} a^k/k! + a^c/c! * c/(c-a)],
 *   P(wait > 0) = C, Wq = C / (c mu - lambda), Lq = lambda Wq.
 *
 * Tolerance (sim_theory.h): the closed form must lie in the run's 95%
 * interval across 20 replications, widened to the Bonferroni level
 * 1 - 0.05/NCHECKS for this file's NCHECKS interval checks, and the
 * half-width must lie below a bound per check, about twice what the run
 * gives (so a vague run cannot pass).  Runs are two simulated years
 * (24x7: 8,600 to 26,000 files a replication, warm-up two weeks against a
 * relaxation time of hours); the whole file takes about 1 s.
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

#define NCHECKS 40

#include "sim_theory.h"

#define D "tests/data/sim-theory/"

/* Load a scenario of tests/data/sim-theory (calendars: cal_dir). */
static struct sim_scenario *load(const char *path, const char *cal_dir)
{
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_scenario_load(path, cal_dir, &sc, &err) != 0)
		fail_msg("%s: %s", path, err.msg);
	return sc;
}

static struct sim_results *run_file(const char *path, const char *cal_dir)
{
	struct sim_scenario *sc = load(path, cal_dir);
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_options opt = {.threads = 2};
	if (sim_run(sc, &opt, &r, &err) != 0)
		fail_msg("sim_run: %s", err.msg);
	sim_scenario_free(sc);
	return r;
}

static double mean_of(const struct sim_results *r, const char *key)
{
	return ci_of(r, key)->mean;
}

/* A lead-time quantile: as expect_in_ci, the interval widened further by
 * the histogram's promise, 2^-8 of the value (README "Lead time and the
 * ceiling"), as test_sim.c does. */
static void expect_quantile(const struct sim_results *r, const char *key, double want,
			    double max_rel_half)
{
	const struct stats_ci *ci = ci_of(r, key);
	double nu = (double)ci->n - 1;
	double widen = gsl_cdf_tdist_Pinv(1 - 0.05 / (2 * NCHECKS), nu) / gsl_cdf_tdist_Pinv(0.975, nu);
	double half = widen * ci->half + 0x1p-8 * want;
	print_message("%s: theory %.1f s, simulated %.1f +- %.1f\n", key, want, ci->mean, half);
	if (!(fabs(ci->mean - want) <= half))
		fail_msg("%s: theory %.4f, simulated %.4f +- %.4f", key, want, ci->mean, half);
	if (!(ci->half <= max_rel_half * want))
		fail_msg("%s: interval half-width %.4f too wide", key, ci->half);
}

/* The t with cdf(p, t) = q, by bisection on [0, 30] (t in hours; the
 * quantiles here are below 8, and M/D/1's alternating sum, whose terms
 * grow like e^(lambda t), keeps 9 digits up to 30 but not much beyond). */
static double quantile_of(double (*cdf)(const double *p, double t), const double *p, double q)
{
	double lo = 0, hi = 30;
	for (int i = 0; i < 200; i++) {
		double m = (lo + hi) / 2;
		if (cdf(p, m) < q)
			lo = m;
		else
			hi = m;
	}
	return lo;
}

/* P(Exp(a) + Exp(b) <= t), p = {a, b}, a != b: one minus the
 * hypoexponential tail (b e^-at - a e^-bt) / (b - a). */
static double hypoexp_cdf(const double *p, double t)
{
	double a = p[0], b = p[1];
	return 1 - (b * exp(-a * t) - a * exp(-b * t)) / (b - a);
}

/*
 * Two steps in tandem, one officer each, exponential (tandem-mm1): 0,5 per
 * jam, Front Office 1 Jam (mu1 = 1/h), Back Office 30 Menit (mu2 = 2/h).
 * Burke: the first M/M/1's departures are Poisson, so the second is an
 * M/M/1 of its own; Reich: a file's sojourns at the two stations are
 * independent.  Each M/M/1 sojourn is Exp(mu - lambda): Exp(0.5/h) and
 * Exp(1.5/h), so the lead time is their sum:
 *   mean 2 + 2/3 h = 160 Menit;  P(T > t) = 1.5 e^-0.5t - 0.5 e^-1.5t:
 *   p50 2.115154 h = 126.909 Menit, p90 5.413126 h = 324.788 Menit,
 *   p95 6.801653 h = 408.099 Menit (a single Exp(0.5) would give p90
 *   276.3 Menit, the sum of the two means' exponentials 384: neither fits).
 * Waits: Wq1 = rho1/(mu1 - lambda) = 0.5/0.5 h = 60 Menit, Wq2 = 0.25/1.5 h
 * = 10 Menit; P(wait) = rho: 0.5 and 0.25.
 * Little per pelaksana: queue_mean = lambda Wq = 0.5 and 0.5/6 = 0.083333.
 */
static void test_tandem_quantiles(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "tandem-mm1-scenario.ini", "datasets/calendars");
	const char *s = "sop/dua-langkah-pisah/";
	char key[96];
	snprintf(key, sizeof key, "%slead_mean", s);
	expect_in_ci(r, key, 160 * 60, 0.02);
	const char *qk[] = {"lead_p50", "lead_p90", "lead_p95"};
	const double q[] = {0.5, 0.9, 0.95}, max_rel[] = {0.015, 0.025, 0.035}, rates[] = {0.5, 1.5};
	double want[3];
	for (int k = 0; k < 3; k++) {
		want[k] = quantile_of(hypoexp_cdf, rates, q[k]) * 3600;
		snprintf(key, sizeof key, "%s%s", s, qk[k]);
		expect_quantile(r, key, want[k], max_rel[k]);
	}
	/* the hand values above, so the bisection is the closed form's */
	assert_true(fabs(want[1] / 60 - 324.788) < 0.01 && fabs(want[2] / 60 - 408.099) < 0.01);
	expect_in_ci(r, "step/dua-langkah-pisah/1/wait_mean", 3600, 0.05);
	expect_in_ci(r, "step/dua-langkah-pisah/2/wait_mean", 600, 0.04);
	expect_in_ci(r, "step/dua-langkah-pisah/1/wait_share", 0.5, 0.015);
	expect_in_ci(r, "step/dua-langkah-pisah/2/wait_share", 0.25, 0.02);
	expect_in_ci(r, "actor/Front Office/queue_mean", 0.5, 0.06);
	expect_in_ci(r, "actor/Back Office/queue_mean", 0.5 / 6, 0.05);
	/* Little's law on mutu's own figures: queue_mean = visits per second x
	 * wait_mean, per pelaksana (one step each here), and wip_mean =
	 * throughput x sojourn for the office; they differ only by the files
	 * at the window's edges (about 2 L W / T = 2 x 1.3 x 2.7 h / 17,200 h
	 * = 4e-4 of L), so 2% is a bound with room */
	double lam = mean_of(r, "all/throughput") / 3600;
	const char *ak[] = {"actor/Front Office/queue_mean", "actor/Back Office/queue_mean"};
	const char *wk[] = {"step/dua-langkah-pisah/1/wait_mean", "step/dua-langkah-pisah/2/wait_mean"};
	for (int k = 0; k < 2; k++) {
		double Lq = mean_of(r, ak[k]), lw = lam * mean_of(r, wk[k]);
		print_message("Little %s: queue_mean %.5f, lambda x wait %.5f\n", ak[k], Lq, lw);
		assert_true(fabs(Lq - lw) < 0.02 * Lq);
	}
	double L = mean_of(r, "all/wip_mean"), lw = lam * mean_of(r, "all/sojourn_mean");
	assert_true(fabs(L - lw) < 0.02 * L);
	sim_results_free(r);
}

/*
 * The tandem with two Back Office officers at 3 Jam (tandem-mm2): station
 * 1 is M/M/1 at rho 0.5 (Wq 1 h), station 2 by Burke an M/M/2 with
 * lambda = 0.5/h, mu = 1/3 per h, a = 1.5:
 *   sum = 1 + 1.5 = 2.5, a^2/2! x 2/0.5 = 4.5, C = 4.5/7 = 0.642857,
 *   Wq2 = C / (2/3 - 1/2) h = 3.857143 h = 231.43 Menit,
 *   lead = 1 + 1 + 3.857143 + 3 h = 8.857143 h = 531.43 Menit,
 *   Lq2 = 0.5 x 3.857143 = 1.928571, util 0.75.
 */
static void test_tandem_mm2(void **state)
{
	(void)state;
	double C = erlang_c(2, 1.5);
	assert_true(fabs(C - 4.5 / 7) < 1e-12);
	struct sim_results *r = run_file(D "tandem-mm2-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/dua-langkah-pisah/2/wait_mean", C * 6 * 3600, 0.08);
	expect_in_ci(r, "step/dua-langkah-pisah/2/wait_share", C, 0.02);
	expect_in_ci(r, "step/dua-langkah-pisah/1/wait_mean", 3600, 0.06);
	expect_in_ci(r, "sop/dua-langkah-pisah/lead_mean", (5 + C * 6) * 3600, 0.04);
	expect_in_ci(r, "actor/Back Office/queue_mean", 0.5 * C * 6, 0.09);
	expect_in_ci(r, "actor/Back Office/util", 0.75, 0.02);
	sim_results_free(r);
}

/*
 * M/M/5 at low load (mm5-rendah): 1,5 per jam, five officers, 1 Jam:
 *   sum_{k<5} 1.5^k/k! = 1 + 1.5 + 1.125 + 0.5625 + 0.2109375 = 4.3984375,
 *   1.5^5/5! x 5/3.5 = 0.0632813 x 1.428571 = 0.0904018,
 *   C = 0.0904018 / 4.4888393 = 0.020139: one file in 50 waits at all;
 *   Wq = C / 3.5 h = 20.714 s, Lq = 1.5 x C / 3.5 = 0.0086310, util 0.3.
 * A small probability: its interval is relative to a small value, so the
 * half-width bounds are relative ones of 5-8%.
 */
static void test_mm5_low_load(void **state)
{
	(void)state;
	double C = erlang_c(5, 1.5);
	assert_true(fabs(C - 0.0904018 / 4.4888393) < 1e-6);
	struct sim_results *r = run_file(D "mm5-rendah-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/satu-langkah/1/wait_share", C, 0.05);
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", C / 3.5 * 3600, 0.08);
	expect_in_ci(r, "actor/Front Office/queue_mean", 1.5 * C / 3.5, 0.08);
	expect_in_ci(r, "actor/Front Office/util", 0.3, 0.01);
	sim_results_free(r);
}

/*
 * One Front Office officer at intake (step 1) and again at the SK handover
 * (step 3), two Tim Teknis officers between (loket-sk): 1,6 per jam, both
 * Front Office visits exponential 15 Menit, Tim Teknis exponential 1 Jam.
 * The officer's arrivals are not Poisson (the second visits follow Tim
 * Teknis's departures), but a FCFS station whose service is exponential
 * with the SAME rate for every visit is a station of a Kelly network: the
 * network has product form, the station's number in system is that of an
 * M/M/1 with lambda = 2 x 1.6 = 3.2 per jam and mu = 4 per jam, and by the
 * arrival theorem each visit sees that time-average state:
 *   util = 3.2 / 4 = 0.8 (the sum of the two visits' loads, 0.4 + 0.4),
 *   P(wait) = 0.8, Wq = rho / (mu - lambda) = 0.8 / 0.8 h = 60 Menit at
 *   each visit, Lq = 3.2 x 1 h = 3.2.
 * Tim Teknis is an M/M/2 at a = 1.6: C = 6.4 / 9 = 0.711111, Wq = C / 0.4 h
 * = 106.667 Menit.  Lead = 60 + 15 + 106.667 + 60 + 60 + 15 = 316.667 Menit.
 * (With unequal means at the two visits the product form is lost; only the
 * utilisation, the sum of the loads, stays exact.)
 */
static void test_shared_officer_two_visits(void **state)
{
	(void)state;
	double C = erlang_c(2, 1.6);
	assert_true(fabs(C - 6.4 / 9) < 1e-12);
	struct sim_results *r = run_file(D "loket-sk-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/loket-sk/1/wait_mean", 3600, 0.035);
	expect_in_ci(r, "step/loket-sk/3/wait_mean", 3600, 0.035);
	expect_in_ci(r, "step/loket-sk/1/wait_share", 0.8, 0.007);
	expect_in_ci(r, "step/loket-sk/3/wait_share", 0.8, 0.007);
	expect_in_ci(r, "actor/Front Office/util", 0.8, 0.006);
	expect_in_ci(r, "actor/Front Office/queue_mean", 3.2, 0.04);
	expect_in_ci(r, "step/loket-sk/2/wait_mean", C / 0.4 * 3600, 0.08);
	/* waits 1 + 1 h, services 0.25 + 1 + 0.25 h, Tim Teknis waits C / 0.4 h */
	expect_in_ci(r, "sop/loket-sk/lead_mean", (3.5 + C / 0.4) * 3600, 0.035);
	sim_results_free(r);
}

/* P(W <= t) of M/D/1 with service 1 and p = {lambda} (Erlang):
 * (1 - lambda) sum_{k=0}^{floor t} (lambda (k - t))^k / k! e^{-lambda (k - t)};
 * t in service times. */
static double md1_wait_cdf(const double *p, double t)
{
	double lam = p[0], s = 0, f = 1; /* f = k! */
	for (int k = 0; k <= (int)floor(t); k++) {
		if (k)
			f *= k;
		s += pow(lam * (k - t), k) / f * exp(-lam * (k - t));
	}
	return (1 - lam) * s;
}

/*
 * M/D/1 through a scenario file, the step's waktu as its fixed service
 * (md1: service = fixed, the default; 1 Jam, 0,5 per jam, rho 0.5):
 *   Wq = rho / (2 mu (1 - rho)) = 0.5 / (2 x 0.5) h = 30 Menit, half
 *   M/M/1's; Lq = lambda Wq = 0.25; P(wait) = rho = 0.5;
 * and the wait's law (Erlang's M/D/1 formula, md1_wait_cdf) gives the lead
 * time (wait + 1 h): p90 at W = 1.515745 h, lead 150.945 Menit; p95 at
 * W = 2.050638 h, lead 183.038 Menit (M/M/1 at the same load: 276.3 and
 * 359.5).  The median is not checked: P(W = 0) = 1/2 exactly, so half the
 * lead times are exactly 60 Menit and the median is any value at the atom's
 * edge.
 */
static void test_md1_file(void **state)
{
	(void)state;
	const double lam = 0.5;
	assert_true(fabs(md1_wait_cdf(&lam, 0) - 0.5) < 1e-12);
	double w90 = quantile_of(md1_wait_cdf, &lam, 0.9), w95 = quantile_of(md1_wait_cdf, &lam, 0.95);
	assert_true(fabs(w90 - 1.515745) < 1e-5 && fabs(w95 - 2.050638) < 1e-5);
	struct sim_results *r = run_file(D "md1-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", 1800, 0.04);
	expect_in_ci(r, "step/satu-langkah/1/wait_share", 0.5, 0.015);
	expect_in_ci(r, "actor/Front Office/queue_mean", 0.25, 0.04);
	expect_quantile(r, "sop/satu-langkah/lead_p90", (1 + w90) * 3600, 0.02);
	expect_quantile(r, "sop/satu-langkah/lead_p95", (1 + w95) * 3600, 0.025);
	sim_results_free(r);
}

/*
 * A morning peak in an office open 07:00-15:00 (profil-pagi): 0,5 per jam,
 * profile.hour 07-09=3.  The factor over the office's own hours averages
 * (3 + 3 + 6 x 1) / 8 = 1.5, so the offered load is 0.5 x 1.5 x 1 h =
 * 0.75 (exactly: every working day is a standard one), and each working
 * day brings 0.5 x 12 = 6 files: 499 weekdays from 1 Feb 2025 to 31 Dec
 * 2026 give 2994.  Work conserving: util 0.75, and what came is finished
 * (the files at the run's edges apart).  The queue of a non-stationary
 * day has no closed form; these are what theory pins.
 * The same peak at 0,75 per jam is 1.125 loaded and must be refused.
 * (Before, the check averaged the factor over 08:00-16:00 whatever the
 * calendar: (3 + 7) / 8 = 1.25, load 0.9375, and the overloaded office ran
 * with a queue growing to hundreds of files.)
 */
static void test_profile_morning_peak(void **state)
{
	(void)state;
	struct sim_scenario *sc = load(D "profil-pagi-scenario.ini", D);
	double u[4];
	assert_true(sim_scenario_offered_load(sc, u) < 0);
	print_message("offered load %.9f (theory 0.75)\n", u[0]);
	assert_true(fabs(u[0] - 0.75) < 1e-9);
	sim_scenario_free(sc);
	struct sim_results *r = run_file(D "profil-pagi-scenario.ini", D);
	expect_in_ci(r, "sop/satu-langkah/arrivals", 499 * 6, 0.02);
	expect_in_ci(r, "actor/Front Office/util", 0.75, 0.03);
	double in = mean_of(r, "all/arrivals"), out = mean_of(r, "all/finished");
	assert_true(fabs(in - out) < 0.01 * in);
	sim_results_free(r);

	struct sim_scenario *bad = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_not_equal(sim_scenario_load(D "profil-pagi-lebih-scenario.ini", D, &bad, &err), 0);
	assert_null(bad);
	print_message("%s\n", err.msg);
	assert_non_null(strstr(err.msg, "Front Office: offered load is 112%"));
}

/*
 * Files sent around the clock to an office that closes (malam): 0,2 per
 * clock hour, kantor-8jam (08:00-16:00 Monday to Friday), one officer,
 * exponential 30 Menit.  What comes at night or at the weekend waits for
 * the next morning; nothing is lost at closing and the night is not
 * working time.  Work conservation: 699 days from 1 Feb 2025 to 31 Dec
 * 2026 x 24 h x 0.2 = 3355.2 files, all finished (the run's edges apart),
 * at 0.2 x 168 / 40 = 0.84 per working hour (a week's 168 clock hours of
 * arrivals over its 40 working hours), util 0.84 x 0.5 h = 0.42 (a count
 * of night time as working time would give 0.14).  The waits (the night's
 * batch at 08:00, the weekend's on Monday) have no closed form here.
 */
static void test_night_arrivals(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "malam-scenario.ini", D);
	expect_in_ci(r, "sop/satu-langkah/arrivals", 699 * 24 * 0.2, 0.015);
	expect_in_ci(r, "all/throughput", 0.84, 0.015);
	expect_in_ci(r, "actor/Front Office/util", 0.42, 0.02);
	double in = mean_of(r, "all/arrivals"), out = mean_of(r, "all/finished");
	assert_true(fabs(in - out) < 0.01 * in);
	sim_results_free(r);
}

/*
 * An online portal (arrivals_24x7 = yes) with a day-time peak: 0,5 per
 * clock hour, profile.hour 08-16=3, one officer on 24x7, 1 Jam.  The
 * factor averages (8 x 3 + 16 x 1) / 24 = 5/3 over the clock, so the
 * offered load is 0.5 x 5/3 = 0.833333 and every day brings 0.5 x 40 = 20
 * files: 699 days from 1 Feb 2025 to 31 Dec 2026 give 13980.  (Before,
 * the check took the factor 3 of office hours for the whole day, load
 * 1.5, and refused a portal its officer can serve.)
 */
static void test_profile_portal(void **state)
{
	(void)state;
	struct sim_scenario *sc = load(D "portal-profil-scenario.ini", "datasets/calendars");
	double u[4];
	assert_true(sim_scenario_offered_load(sc, u) < 0);
	print_message("offered load %.9f (theory 0.833333)\n", u[0]);
	assert_true(fabs(u[0] - 2.5 / 3) < 1e-9);
	sim_scenario_free(sc);
	struct sim_results *r = run_file(D "portal-profil-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "sop/satu-langkah/arrivals", 699 * 20, 0.006);
	expect_in_ci(r, "actor/Front Office/util", 2.5 / 3, 0.01);
	sim_results_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tandem_quantiles),  cmocka_unit_test(test_tandem_mm2),
		cmocka_unit_test(test_mm5_low_load),      cmocka_unit_test(test_md1_file),
		cmocka_unit_test(test_shared_officer_two_visits),
		cmocka_unit_test(test_profile_morning_peak),
		cmocka_unit_test(test_profile_portal),
		cmocka_unit_test(test_night_arrivals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
