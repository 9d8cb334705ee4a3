/*
 * test_sim_office.c - `mutu sim` scenario files (tests/data/sim-theory/)
 * against queueing theory where test_sim.c and test_sim_theory.c stop:
 * staff through [staff], rates "per jam", steps from SOP models, a pool of
 * staff shared by two steps or two SOPs, an office that closes at night,
 * and the confidence intervals themselves.
 *
 * Erlang C (M/M/c, offered load a = lambda/mu, rho = a/c < 1):
 *   C(c, a) = [a^c/c! * c/(c-a)] / [sum_{k<c} a^k/k! + a^c/c! * c/(c-a)],
 *   P(wait > 0) = C, Wq = C / (c mu - lambda), Lq = lambda Wq, util = rho.
 *
 * Tolerance (sim_theory.h): the closed form must lie in the run's 95%
 * interval across its 20 replications, widened to the Bonferroni level
 * 1 - 0.05/NCHECKS for the file's NCHECKS interval checks (so a correct
 * kernel fails the family by chance at most 5% of the time), and the
 * interval's half-width must be below a bound per check (about twice the
 * half-width the run gives, so a vague or mis-sized run cannot pass).
 * Runs are two simulated years on 24x7 (about 40,000 files a replication
 * at 2,4 per jam, warm-up two weeks against a relaxation time of hours),
 * or ten years of office days for the office that closes.
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

/* Load and run a scenario of tests/data/sim-theory (calendars: cal_dir). */
static struct sim_results *run_file(const char *path, const char *cal_dir)
{
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_scenario_load(path, cal_dir, &sc, &err) != 0)
		fail_msg("%s: %s", path, err.msg);
	struct sim_results *r = NULL;
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

/*
 * M/M/3 at rho 0.8 through a scenario file: 2,4 per jam, 3 staff, 1 Jam.
 * a = 2.4: sum = 1 + 2.4 + 2.88 = 6.28, a^3/3! * 3/0.6 = 11.52,
 * C = 11.52 / 17.8 = 0.647191, Wq = C / 0.6 h = 1.078652 h = 3883.1 s,
 * Lq = 2.4 x 1.078652 = 2.588764, util = 2.4 / 3 = 0.8.
 */
static void test_mm3_file(void **state)
{
	(void)state;
	double C = erlang_c(3, 2.4);
	assert_true(fabs(C - 11.52 / 17.8) < 1e-12);
	struct sim_results *r = run_file(D "mmc3-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", C / 0.6 * 3600, 0.06);
	expect_in_ci(r, "step/satu-langkah/1/wait_share", C, 0.02);
	expect_in_ci(r, "actor/Front Office/util", 0.8, 0.01);
	expect_in_ci(r, "actor/Front Office/queue_mean", 2.4 * C / 0.6, 0.06);
	sim_results_free(r);
}

/*
 * Two steps of one SOP served by one pool of 6 Front Office staff, each
 * step exponential 1 Jam, files at 2,4 per jam.  Is the pool an M/M/6 on
 * the pooled work?  Each file visits it twice, so its arrivals (new files
 * plus files back from step 1) are not Poisson.  But the pool is a FCFS
 * station of an open multi-class (Kelly) network whose service law is
 * exponential with the SAME rate for both visits: such a network has
 * product form, the station's number in system is that of an M/M/6 with
 * lambda = 2 x 2,4 = 4.8 per jam, and by the arrival theorem a visit sees
 * that time-average state.  So each step waits Wq of M/M/6, a = 4.8:
 *   sum_{k<6} 4.8^k/k! = 1 + 4.8 + 11.52 + 18.432 + 22.1184 + 21.233664
 *     = 79.104064;  4.8^6/6! x 6/1.2 = 16.986931 x 5 = 84.934656;
 *   C = 84.934656 / 164.03872 = 0.517772, Wq = C / 1.2 h = 0.431477 h.
 * (With unequal rates at a FCFS station the product form is lost and no
 * closed form holds; test_shared_officer_unequal takes the case where one
 * does: Poisson streams from two SOPs.)
 */
static void test_pool_two_steps(void **state)
{
	(void)state;
	double C = erlang_c(6, 4.8);
	assert_true(fabs(C - 84.934656 / (79.104064 + 84.934656)) < 1e-7);
	struct sim_results *r = run_file(D "gabung-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/dua-langkah-sama/1/wait_mean", C / 1.2 * 3600, 0.08);
	expect_in_ci(r, "step/dua-langkah-sama/2/wait_mean", C / 1.2 * 3600, 0.08);
	expect_in_ci(r, "step/dua-langkah-sama/1/wait_share", C, 0.03);
	/* 4.8 hours of work per hour on 6 staff */
	expect_in_ci(r, "actor/Front Office/util", 0.8, 0.01);
	sim_results_free(r);
}

/*
 * The same two steps with separate staff, 3 each: step 1 is an M/M/3 fed
 * by the Poisson files; its departures are Poisson too (Burke), so step 2
 * is another M/M/3.  Both wait Wq = 0.647191 / 0.6 h = 1.078652 h: the
 * pool of six above waits 0.431 h, 2.5 times less, for the same staff.
 */
static void test_separate_staff(void **state)
{
	(void)state;
	double wq = erlang_c(3, 2.4) / 0.6 * 3600;
	struct sim_results *r = run_file(D "pisah-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/dua-langkah-pisah/1/wait_mean", wq, 0.06);
	expect_in_ci(r, "step/dua-langkah-pisah/2/wait_mean", wq, 0.06);
	expect_in_ci(r, "actor/Front Office/util", 0.8, 0.01);
	expect_in_ci(r, "actor/Back Office/util", 0.8, 0.01);
	sim_results_free(r);
}

/*
 * One Front Office officer shared by two SOPs: 0,3 per jam of each,
 * exponential 30 and 90 Menit.  The two Poisson streams merge into one
 * (rate 0.6), and the service is a 50/50 mixture: an M/G/1, FCFS, so
 * every file waits the same Pollaczek-Khinchine
 *   E[S] = 1 h, E[S^2] = 0.5 x 2 x 0.5^2 + 0.5 x 2 x 1.5^2 = 2.5 h^2,
 *   rho = 0.6, Wq = lambda E[S^2] / (2 (1 - rho)) = 0.6 x 2.5 / 0.8
 *   = 1.875 h = 6750 s.
 */
static void test_shared_officer_unequal(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "campur-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/langkah-30/1/wait_mean", 6750, 0.06);
	expect_in_ci(r, "step/langkah-90/1/wait_mean", 6750, 0.06);
	expect_in_ci(r, "actor/Front Office/util", 0.6, 0.02);
	sim_results_free(r);
}

/*
 * An office open 08:00-16:00 Monday to Friday (kantor-8jam.ini), arrivals
 * 0,6 per working hour, one officer, exponential 1 Jam, service paused at
 * night.  mutu keeps time as working time, and on its clock arrivals are
 * Poisson and service exponential: the working-time process is an M/M/1,
 * rho = 0.6, Wq = 0.6 / 0.4 h = 1.5 h = 5400 working seconds (the night
 * between is no waiting on the SLA clock).  Arrivals come only in office
 * hours: 2585 weekdays from 1 Feb 2025 to 31 Dec 2034 x 8 h x 0.6
 * = 12408 files (24 h a day would be three times that).  Work conserving:
 * util = offered load / capacity = 0.6 x 1 h / 1 staff.  Little's law on
 * mutu's own outputs: wip_mean = throughput x sojourn_mean, both in
 * working time; they differ only by the files present at the window's
 * two edges, about 2 L W / T = 2 x 1.5 x 2.5 h / 20,680 h = 4e-4 of L,
 * so 1% is a bound with room, and a wip averaged over wall-clock time
 * (nights included: a third of L) could not pass.
 */
static void test_office_hours(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "kantor-scenario.ini", D);
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", 5400, 0.06);
	expect_in_ci(r, "actor/Front Office/util", 0.6, 0.02);
	expect_in_ci(r, "sop/satu-langkah/arrivals", 2585 * 8 * 0.6, 0.01);
	/* FIFO M/M/1: the time in the system is exponential with rate
	 * mu - lambda = 0.4 per hour, and the ceiling of a 1 Jam SOP is 1 Hari
	 * = 8 working hours on this calendar: P(lead <= 8 h) = 1 - e^-3.2
	 * = 0.959238 */
	expect_in_ci(r, "sop/satu-langkah/within", 1 - exp(-3.2), 0.01);
	double L = mean_of(r, "all/wip_mean");
	double lw = mean_of(r, "all/throughput") / 3600 * mean_of(r, "all/sojourn_mean");
	print_message("Little: wip_mean %.5f, throughput x sojourn %.5f\n", L, lw);
	assert_true(fabs(L - lw) < 0.01 * L);
	sim_results_free(r);
}

/*
 * The same office with two officers and 1,6 per jam: an M/M/2 at rho 0.8
 * in working time.  a = 1.6: C = [1.6^2/2 x 2/0.4] / [1 + 1.6 + 6.4]
 * = 6.4 / 9 = 0.711111, Wq = C / (2 - 1.6) h = 1.777778 h = 6400 s.
 */
static void test_office_hours_two(void **state)
{
	(void)state;
	double C = erlang_c(2, 1.6);
	assert_true(fabs(C - 6.4 / 9) < 1e-12);
	struct sim_results *r = run_file(D "kantor2-scenario.ini", D);
	expect_in_ci(r, "step/satu-langkah/1/wait_mean", C / 0.4 * 3600, 0.06);
	expect_in_ci(r, "step/satu-langkah/1/wait_share", C, 0.02);
	sim_results_free(r);
}

/*
 * Work conservation with staff away: the officer is absent on a share 0.2
 * of working days (drawn each day), so the capacity available is 0.8 of
 * the office hours (staff_mean 0.8), and every file's hour of work is
 * still done: util = busy / present = offered load / capacity available
 * = 0.6 x 1 h / 0.8 = 0.75.  (Queueing on absent days has no closed form.)
 */
static void test_office_absent(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "kantor-absen-scenario.ini", D);
	expect_in_ci(r, "actor/Front Office/staff_mean", 0.8, 0.01);
	expect_in_ci(r, "actor/Front Office/util", 0.75, 0.02);
	sim_results_free(r);
}

/*
 * "per jam" on id-wib: per working hour of a standard day, so every
 * working day brings 1.6 x 7.5 = 12 files, a 6.5 h Ramadan day too
 * (README "Rates").  Working days from 1 Feb 2024 to 31 Dec 2026: 238 +
 * 237 + 240 in the three years (domain.md, SKB 3 Menteri) less January
 * 2024's 22 (23 weekdays, 1 January LN) = 693; 693 x 12 = 8316 files.
 * Counting Ramadan days by their hours instead (308,550 working minutes,
 * `mutu calendar between`) would give 8228, 88 fewer: more than the
 * widened half-width (about 45), so the rule is what is tested.
 */
static void test_wib_per_jam(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "wib-per-jam-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "sop/satu-langkah/arrivals", 693 * 12, 0.01);
	sim_results_free(r);
}

/*
 * Priorities: two SOPs at 0,3 per jam each share one officer, exponential
 * 1 Jam (E[S^2] = 2 h^2); prio-a goes first, without preempting a file
 * being served.  Cobham's formula for the non-preemptive priority M/G/1:
 *   W0 = sum_i lambda_i E[S_i^2] / 2 = 0.6 x 2 / 2 = 0.6 h (the work left
 *   of the file in service, seen by an arrival),
 *   W_a = W0 / (1 - rho_a) = 0.6 / 0.7 = 0.857143 h = 3085.71 s,
 *   W_b = W0 / ((1 - rho_a)(1 - rho_a - rho_b)) = 0.6 / (0.7 x 0.4)
 *   = 2.142857 h = 7714.29 s;
 * their rho-weighted mean is 1.5 h, FIFO's M/M/1 wait (conservation).
 */
static void test_priority(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "prio-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/prio-a/1/wait_mean", 0.6 / 0.7 * 3600, 0.04);
	expect_in_ci(r, "step/prio-b/1/wait_mean", 0.6 / (0.7 * 0.4) * 3600, 0.07);
	sim_results_free(r);
}

/*
 * A network with a shared pool and rework: steps 1 and 3 by a pool of 2
 * Front Office staff, step 2 by 1 Back Office officer, all exponential
 * 1 Jam (one rate per station: FCFS stations keep the product form), files
 * at 0,4 per jam; after step 3 a file goes back to the applicant with
 * p = 0.2 and returns to step 1 after an exponential 3 Jam (an
 * infinite-server node).  Traffic equations: each step is visited
 * 1/(1-p) = 1.25 times, so the Back Office sees 0.5 per hour (M/M/1,
 * rho 0.5: Wq = 0.5/0.5 = 1 h) and the pool 2 x 0.5 = 1.0 per hour
 * (M/M/2, a = 1: C = [1/2 x 2/1] / [1 + 1 + 1] = 1/3, Wq = (1/3)/(2 - 1)
 * = 1/3 h = 1200 s), each visit of step 1 or 3 waiting that (arrival
 * theorem).  Rejections: p/(1-p) = 0.25 per arrival (checked by
 * test_sim_feedback.sh for one server).  1000 replications: 19.99,
 * 59.98 and 20.01 min against 20, 60 and 20.
 */
static void test_network_pool_rework(void **state)
{
	(void)state;
	assert_true(fabs(erlang_c(2, 1.0) - 1.0 / 3) < 1e-12);
	struct sim_results *r = run_file(D "jaringan-scenario.ini", "datasets/calendars");
	expect_in_ci(r, "step/jaringan/1/wait_mean", 1200, 0.06);
	expect_in_ci(r, "step/jaringan/3/wait_mean", 1200, 0.06);
	expect_in_ci(r, "step/jaringan/2/wait_mean", 3600, 0.06);
	/* 2 visits x 1.25 x 0.4 per hour x 1 h on 2 staff */
	expect_in_ci(r, "actor/Front Office/util", 0.5, 0.01);
	sim_results_free(r);
}

/*
 * A daily batch: the Kepala Dinas signs at 15:00 the files waiting then
 * (batch=daily at 15:00), 1 Menit each, fixed; office 08:00-16:00, files
 * at 0,5 per working hour.  On the working-time clock the batches are 8 h
 * apart and arrivals uniform between them, so the wait to the next batch
 * averages half a cycle: a file of 08:00-15:00 waits 15:00 - t, one of
 * 15:00-16:00 waits (16:00 - t) + 7 h, and over the 8 h
 *   (int_8^15 (15 - t) dt + int_15^16 (23 - t) dt) / 8 = (24.5 + 7.5) / 8
 *   = 4 h;
 * then it waits for the files of its batch signed before it, those that
 * came earlier in the same cycle: Poisson, lambda x (mean age 4 h) = 2
 * files, 1 Menit each.  Wq = 240 + 2 = 242 Menit = 14520 s.  Busy share
 * 0.5 x 1/60 = 0.008333.
 */
static void test_daily_batch(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "batch-scenario.ini", D);
	expect_in_ci(r, "step/tanda-tangan/1/wait_mean", 14520, 0.01);
	expect_in_ci(r, "actor/Kepala Dinas/util", 0.5 / 60, 0.02);
	sim_results_free(r);
}

/*
 * Staffing over time: one officer, two from 1 July 2025, office days of
 * 8 h.  Weekdays January-June 2025: 23 + 20 + 21 + 22 + 22 + 21 = 129,
 * July-December: 23 + 21 + 22 + 23 + 20 + 23 = 132, so the staff present
 * on average is (129 x 1 + 132 x 2) / 261 = 393/261 = 1.505747 (no
 * randomness: every replication the same), and work conservation gives
 * util = offered / present = 0.4 x 1 h x 261 days / 393 staff-days
 * = 0.265649.
 */
static void test_staffing_over_time(void **state)
{
	(void)state;
	struct sim_results *r = run_file(D "kantor-staf-scenario.ini", D);
	const struct stats_ci *st = ci_of(r, "actor/Front Office/staff_mean");
	print_message("staff_mean %.6f, want %.6f\n", st->mean, 393.0 / 261);
	assert_true(fabs(st->mean - 393.0 / 261) < 1e-9 && st->half < 1e-9);
	expect_in_ci(r, "actor/Front Office/util", 0.4 * 261 / 393, 0.03);
	sim_results_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mm3_file),
		cmocka_unit_test(test_pool_two_steps),
		cmocka_unit_test(test_separate_staff),
		cmocka_unit_test(test_shared_officer_unequal),
		cmocka_unit_test(test_office_hours),
		cmocka_unit_test(test_office_hours_two),
		cmocka_unit_test(test_office_absent),
		cmocka_unit_test(test_wib_per_jam),
		cmocka_unit_test(test_priority),
		cmocka_unit_test(test_network_pool_rework),
		cmocka_unit_test(test_daily_batch),
		cmocka_unit_test(test_staffing_over_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
