/*
 * test_sim_backlog.c - a run that starts from open files
 * (sim_scenario_add_open_file): where they finish, worked out by hand on
 * the id-wita calendar across a holiday weekend, and the rule for the
 * remaining service of a file already in service.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/cal.h"
#include "mutu/sim.h"

#define H 3600.0

static double at(const char *iso)
{
	double t;
	assert_int_equal(cal_parse_iso(iso, 8 * 3600, &t, NULL, NULL), 0);
	return t;
}

static void expect_instant(double got, const char *want)
{
	char b[64];
	cal_format_iso(got, 8 * 3600, b, sizeof b);
	if (fabs(got - at(want)) > 0.5)
		fail_msg("finished %s, expected %s", b, want);
}

/*
 * Four steps, every time fixed: 1 Pemohon 0, 2 Front Office 1 h,
 * 3 Back Office 4 h, 4 Kepala Dinas 1 h; one of each; no new arrivals.
 * The run starts Thursday 2025-06-05 14:00 WITA.  Friday 06-06 is Idul
 * Adha (libur nasional), then the weekend, Monday 06-09 is cuti bersama:
 * the next working day is Tuesday 06-10 (07:30-12:00, 13:00-16:00).
 *
 * File A: at step 3, in service for 2 h already (age 13 h).  Its rest is
 * 4 - 2 = 2 h: Thursday 14:00-16:00.  Step 4 (1 h): Tuesday 07:30-08:30.
 * Lead 13 + 2 + 1 = 16 h.
 * File B: waiting at step 3 (age 5 h).  The one Back Office officer is
 * A's until Thursday 16:00; B's 4 h run Tuesday 07:30-11:30; step 4
 * 11:30-12:00 and, after the break, 13:00-13:30.  Lead 5 + 2 (Thursday,
 * waiting) + 5 (Tuesday 07:30-13:30 less the break) = 12 h.
 * File C: at step 2 in service for 3 h of a 1 h step: it is past its
 * fixed time, so it ends at once (Thursday 14:00), joins step 3 behind B
 * and gets the officer after B (Tuesday 11:30): 11:30-12:00, 13:00-16:00,
 * then Wednesday 07:30-08:00 (3.5 + 0.5 = 4 h); step 4 Wednesday
 * 08:00-09:00.  Lead 0 + 2 + 7.5 + 1.5 = 11 h.
 * File D: waiting at step 4 (age 1 h) while the Kepala Dinas is idle: it
 * is served at once, 14:00-15:00 Thursday.  Lead 1 + 1 = 2 h.
 */
static void test_fixed_times_by_hand(void **state)
{
	(void)state;
	struct cal *cal = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (cal_load("id-wita", "datasets/calendars", &cal, &err))
		fail_msg("%s", err.msg);
	struct sim_scenario *sc = sim_scenario_create(cal, at("2025-06-05T14:00"), at("2025-06-30T00:00"));
	int fo = sim_scenario_add_actor(sc, "Front Office", 1);
	int bo = sim_scenario_add_actor(sc, "Back Office", 1);
	int kd = sim_scenario_add_actor(sc, "Kepala Dinas", 1);
	int s = sim_scenario_add_sop(sc, "izin", 0.0, 15 * H);
	struct sim_dist zero = {.kind = SIM_FIXED, .mean = 0};
	struct sim_dist h1 = {.kind = SIM_FIXED, .mean = H}, h4 = {.kind = SIM_FIXED, .mean = 4 * H};
	sim_scenario_add_step(sc, s, 1, "Mengajukan", SIM_PEMOHON, zero);
	sim_scenario_add_step(sc, s, 2, "Verifikasi", fo, h1);
	sim_scenario_add_step(sc, s, 3, "Proses", bo, h4);
	sim_scenario_add_step(sc, s, 4, "Tanda tangan", kd, h1);
	sim_scenario_set_replications(sc, 3);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	/* added in this order: A, B, C; results in the same columns */
	assert_int_equal(sim_scenario_add_open_file(sc, s, 2, 13 * H, 2 * H, 1), 0);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 2, 5 * H, 0, 0), 1);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 1, 0, 3 * H, 1), 2);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 3, 1 * H, 0, 0), 3);
	assert_int_equal(sim_scenario_nopen(sc), 4);
	/* out of range: no such step, a negative age */
	assert_int_equal(sim_scenario_add_open_file(sc, s, 4, 0, 0, 0), MUTU_EINPUT);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 1, -1, 0, 0), MUTU_EINPUT);

	struct sim_results *r = NULL;
	struct sim_options opt = {.threads = 2};
	if (sim_run(sc, &opt, &r, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(r->nopen, 4);
	for (int rep = 0; rep < r->nrep; rep++) {
		const double *end = &r->open_end[(size_t)rep * 4], *lead = &r->open_lead[(size_t)rep * 4];
		expect_instant(end[0], "2025-06-10T08:30");
		expect_instant(end[1], "2025-06-10T13:30");
		expect_instant(end[2], "2025-06-11T09:00");
		assert_float_equal(lead[0], 16 * H, 1e-6);
		assert_float_equal(lead[1], 12 * H, 1e-6);
		assert_float_equal(lead[2], 11 * H, 1e-6);
		expect_instant(end[3], "2025-06-05T15:00");
		assert_float_equal(lead[3], 2 * H, 1e-6);
	}
	/* A is late (16 h > 15 h), B, C and D are within: the run's share of
	 * files within the ceiling is 3 of 4 */
	int wi = sim_results_find(r, "all/within");
	assert_true(wi >= 0);
	assert_float_equal(r->values[wi], 3.0 / 4.0, 1e-9);
	sim_results_free(r);

	/* the same files with the run moved two working days on (Tuesday
	 * 06-10 07:30): everything shifts by the closed days, and C, A, B
	 * keep their relative order.  A: rest 2 h 07:30-09:30, step 4
	 * 09:30-10:30. */
	assert_int_equal(sim_scenario_set_window(sc, at("2025-06-10T07:30"), 0, at("2025-06-30T00:00"), &err), 0);
	if (sim_run(sc, &opt, &r, &err))
		fail_msg("%s", err.msg);
	expect_instant(r->open_end[0], "2025-06-10T10:30");
	assert_float_equal(r->open_lead[0], 16 * H, 1e-6);
	sim_results_free(r);
	sim_scenario_free(sc);
	cal_free(cal);
}

/*
 * The clock stops at the office's last step (sop_office_end), not at the
 * applicant's collection after it.  No calendar (working time is wall
 * time), every time fixed: 1 Front Office 1 h, 2 Kepala Dinas signs 1 h,
 * 3 Pemohon collects the SK, 48 h; ceiling 3 h; no new arrivals.
 * P: signing, in service 0.5 h (age 1.5 h): its rest 0.5 h, signed at
 *    0.5 h, lead 2 h, within (before: collected at 48.5 h, lead 50 h).
 * Q: at the loket, collecting for 10 h (age 2 h): past the office's last
 *    step, its clock has stopped: it ends at the start, lead 2 h, and
 *    counts in no finished figure of the run (it did before the run).
 * R: waiting at step 1 (age 0): Front Office 0-1 h, the Kepala Dinas is
 *    free from 0.5 h: 1-2 h, lead 2 h, within.
 * The run's share within: P and R, 2 of 2 (before 0 of 3: every lead over
 * 3 h).  Every file still collects its SK: the work in progress at 10 h
 * is 3 (Q until 38 h, P until 48.5 h, R until 50 h).
 */
static void test_collection_after_clock(void **state)
{
	(void)state;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 10 * H);
	int fo = sim_scenario_add_actor(sc, "Front Office", 1);
	int kd = sim_scenario_add_actor(sc, "Kepala Dinas", 1);
	int s = sim_scenario_add_sop(sc, "izin", 0.0, 3 * H);
	struct sim_dist h1 = {.kind = SIM_FIXED, .mean = H}, h48 = {.kind = SIM_FIXED, .mean = 48 * H};
	sim_scenario_add_step(sc, s, 1, "Verifikasi", fo, h1);
	sim_scenario_add_step(sc, s, 2, "Tanda tangan", kd, h1);
	sim_scenario_add_step(sc, s, 3, "Pengambilan izin oleh pemohon", SIM_PEMOHON, h48);
	sim_scenario_set_replications(sc, 2);
	assert_int_equal(sim_scenario_sop_end_step(sc, s), 0); /* not compiled yet */
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	assert_int_equal(sim_scenario_sop_end_step(sc, s), 2);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 1, 1.5 * H, 0.5 * H, 1), 0);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 2, 2 * H, 10 * H, 1), 1);
	assert_int_equal(sim_scenario_add_open_file(sc, s, 0, 0, 0, 0), 2);
	struct sim_results *r = NULL;
	if (sim_run(sc, NULL, &r, &err))
		fail_msg("%s", err.msg);
	for (int rep = 0; rep < r->nrep; rep++) {
		const double *end = &r->open_end[(size_t)rep * 3], *lead = &r->open_lead[(size_t)rep * 3];
		assert_float_equal(end[0], 0.5 * H, 1e-6);
		assert_float_equal(lead[0], 2 * H, 1e-6);
		assert_float_equal(end[1], 0, 1e-6);
		assert_float_equal(lead[1], 2 * H, 1e-6);
		assert_float_equal(end[2], 2 * H, 1e-6);
		assert_float_equal(lead[2], 2 * H, 1e-6);
	}
	int fi = sim_results_find(r, "all/finished"), wi = sim_results_find(r, "all/within");
	int we = sim_results_find(r, "all/wip_end");
	assert_true(fi >= 0 && wi >= 0 && we >= 0);
	assert_float_equal(r->values[fi], 2, 1e-9);
	assert_float_equal(r->values[wi], 1.0, 1e-9);
	assert_float_equal(r->values[we], 3, 1e-9);
	sim_results_free(r);
	sim_scenario_free(sc);

	/* every step the applicant's: the clock runs to the last step */
	sc = sim_scenario_create(NULL, 0, 10 * H);
	s = sim_scenario_add_sop(sc, "mandiri", 0.0, 0);
	sim_scenario_add_step(sc, s, 1, "Mengisi", SIM_PEMOHON, h1);
	sim_scenario_add_step(sc, s, 2, "Mengunduh", SIM_PEMOHON, h1);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	assert_int_equal(sim_scenario_sop_end_step(sc, s), 2);
	sim_scenario_free(sc);
}

/*
 * The remaining service of a file in service for e: S - e given S > e.
 * Exponential (mean 1 h): memoryless, so the rest has mean 1 h whatever
 * e is.  Triangular (0, 0, 4 h) with e = 2 h: S given S > 2 h has density
 * proportional to 4 h - s on (2 h, 4 h), so the rest R = S - 2 h is
 * triangular (0, 0, 2 h), mean 2/3 h.  Without calendar and queueing the
 * file's lead is age + R, so the mean lead across replications estimates
 * the mean rest: 4000 replications put the standard error at 1 h /
 * sqrt(4000) = 57 s (exponential; sd 1 h) and 0.47 h / 63 = 27 s
 * (triangle; sd 2 h / sqrt(18)); 4 standard errors are the tolerance.
 */
static void test_remaining_service(void **state)
{
	(void)state;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 1000 * H);
	int a = sim_scenario_add_actor(sc, "Back Office", 10);
	int s = sim_scenario_add_sop(sc, "x", 0.0, 0);
	struct sim_dist ex = {.kind = SIM_EXPONENTIAL, .mean = H};
	struct sim_dist tri = {.kind = SIM_TRIANGULAR, .min = 0, .mode = 0, .max = 4 * H};
	sim_scenario_add_step(sc, s, 1, "exp", a, ex);
	int t = sim_scenario_add_sop(sc, "y", 0.0, 0);
	sim_scenario_add_step(sc, t, 1, "tri", a, tri);
	sim_scenario_set_replications(sc, 4000);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	sim_scenario_add_open_file(sc, s, 0, 0, 5 * H, 1);
	sim_scenario_add_open_file(sc, t, 0, 0, 2 * H, 1);
	sim_scenario_add_open_file(sc, t, 0, 0, 5 * H, 1); /* past the maximum: ends at once */
	struct sim_results *r = NULL;
	if (sim_run(sc, NULL, &r, &err))
		fail_msg("%s", err.msg);
	double m0 = 0, m1 = 0, max2 = 0;
	for (int rep = 0; rep < r->nrep; rep++) {
		m0 += r->open_lead[(size_t)rep * 3] / r->nrep;
		m1 += r->open_lead[(size_t)rep * 3 + 1] / r->nrep;
		max2 = fmax(max2, r->open_lead[(size_t)rep * 3 + 2]);
	}
	assert_float_equal(m0, H, 4 * 57.0);
	assert_float_equal(m1, 2 * H / 3, 4 * 27.0);
	assert_float_equal(max2, 0, 1e-9);
	sim_results_free(r);
	sim_scenario_free(sc);
}

/*
 * The rest of a long Weibull service.  Shape 1/2, scale 0.5 h: mean
 * scale x Gamma(1 + 2) = 1 h, cv sqrt(Gamma(5) / Gamma(3)^2 - 1) = sqrt(5)
 * (a step whose long times grow longer: calibrate fits such shapes).  Its
 * survival is Q(s) = exp(-sqrt(s / 0.5 h)); a file in service for
 * e = 32 h has t0 = sqrt(e / scale) = 8, and given S > e, sqrt(S / scale)
 * = t0 + X with X ~ Exp(1) (memoryless in t), so the rest R = scale
 * ((t0 + X)^2 - t0^2) = scale (2 t0 X + X^2) has
 *   E[R] = scale (2 t0 + 2) = 0.5 h x 18 = 9 h,
 *   E[R^2] = scale^2 (4 t0^2 x 2 + 4 t0 x 6 + 24) = 0.25 x 728 = 182 h^2,
 *   sd = sqrt(182 - 81) = 10.05 h.
 * 4000 replications: standard error 10.05 h / 63.2 = 0.159 h = 572 s; the
 * tolerance is 4 of them.  The rest used to be drawn until a draw passed
 * e, giving up after 1000 tries (Q(e) = e^-8 = 0.000335: 72% of
 * replications gave up) and returning 0, a mean of 2.6 h.
 */
static void test_remaining_weibull(void **state)
{
	(void)state;
	struct mutu_err err;
	mutu_err_clear(&err);
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 1000 * H);
	int a = sim_scenario_add_actor(sc, "Tim Teknis", 10);
	int s = sim_scenario_add_sop(sc, "w", 0.0, 0);
	struct sim_dist wb = {.kind = SIM_WEIBULL, .mean = H, .cv = sqrt(5.0), .shape = 0.5, .scale = 0.5 * H};
	sim_scenario_add_step(sc, s, 1, "weibull", a, wb);
	sim_scenario_set_replications(sc, 4000);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	sim_scenario_add_open_file(sc, s, 0, 0, 32 * H, 1);
	struct sim_results *r = NULL;
	if (sim_run(sc, NULL, &r, &err))
		fail_msg("%s", err.msg);
	double m = 0, zeros = 0;
	for (int rep = 0; rep < r->nrep; rep++) {
		m += r->open_lead[rep] / r->nrep;
		zeros += r->open_lead[rep] <= 0;
	}
	print_message("mean rest %.4f h (9 h), %g of %d ended at once\n", m / H, zeros, r->nrep);
	assert_float_equal(m, 9 * H, 4 * 572.0);
	assert_true(zeros == 0);
	sim_results_free(r);
	sim_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_times_by_hand),
		cmocka_unit_test(test_collection_after_clock),
		cmocka_unit_test(test_remaining_service),
		cmocka_unit_test(test_remaining_weibull),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
