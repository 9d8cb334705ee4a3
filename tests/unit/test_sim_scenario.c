/*
 * test_sim_scenario.c - the scenario loader's rules that a QA review found
 * missing, each pinned: triangular service around the step's waktu (or
 * mean=), repeated keys and options refused, messages that name the right
 * thing, replays and batch times that cannot work refused, comparisons of
 * unrelated scenarios refused, and text output whose digits and units say
 * what the numbers say.  Runs from the repository root (models/,
 * datasets/calendars).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mutu/sim.h"

#include "sim_fixture.h"

static void expect_error(const char *name, const char *text, int line, const char *what)
{
	const char *path = write_tmp(name, text);
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	int rc = sim_scenario_load(path, "datasets/calendars", &sc, &err);
	if (rc == 0)
		fail_msg("%s: loaded, want \"%s\" at line %d", name, what, line);
	assert_null(sc);
	char where[256];
	snprintf(where, sizeof where, "%s:%d:", path, line);
	if (!strstr(err.msg, where) || !strstr(err.msg, what))
		fail_msg("want \"%s ... %s\", got \"%s\"", where, what, err.msg);
}

/* Lines 1-4 [run], 5-11 [staff] (Front Office on line 6), 12-13 [sop a]. */
#define HEAD "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-06-30\n"
#define STAFF_REST "Back Office = 1\nDinas Teknis = 5\nKabid Perizinan = 1\nSekretaris = 1\n" \
		   "Kepala Dinas = 1\n"
#define STAFF "[staff]\nFront Office = 1\n" STAFF_REST
#define SOP "[sop a]\nmodel = models/izin-pengumpulan-uang-barang.ini\n"
#define SOPID "izin-pengumpulan-uang-barang"

static int actor_index(const struct sim_scenario *sc, const char *name)
{
	for (size_t a = 0; a < sim_scenario_nactors(sc); a++)
		if (!strcmp(sim_scenario_actor_name(sc, a), name))
			return (int)a;
	fail_msg("no actor %s", name);
	return -1;
}

#define RAMADAN_LOAD (109.0 / 47910.0)

/* Offered load of Front Office, the only user of step 2's mean service. */
static double front_office_load(const char *name, const char *service)
{
	char text[1024];
	snprintf(text, sizeof text, HEAD STAFF SOP "arrivals = 1 per hari\nstep.2.service = %s\n",
		 service);
	struct sim_scenario *sc = load_ok(write_tmp(name, text));
	double u[16];
	assert_true(sim_scenario_nactors(sc) <= 16);
	sim_scenario_offered_load(sc, u);
	double v = u[actor_index(sc, "Front Office")];
	sim_scenario_free(sc);
	return v;
}

/*
 * Triangular keeps the waktu-as-mean rule.  Step 2 of the model is Front
 * Office, waktu 10 Menit, visited once (no rework): its offered load is
 * rate x mean.  The rate: "1 per hari" is one file every working day, a
 * 6.5 h Ramadan day as much as a 7.5 h one; 2025-01-01..06-30 on id-wita
 * has 109 working days (weekdays less the listed LN/CB days), 19 of them
 * Ramadan days of 390 minutes (2025-03-03..03-27), so 109 files over
 * 109 x 450 - 19 x 60 = 47,910 working minutes: RAMADAN_LOAD per minute
 * of mean service (1/450 = 0.002222 with standard days only).
 *   fixed (mean = waktu = 10 Menit):              10 x RAMADAN_LOAD
 *   triangular factors 0.5/1/2 (rescaled, mean 10): 10 x RAMADAN_LOAD
 *     (before the fix: 10 x (0.5+1+2)/3 = 11.67 Menit)
 *   the same with mean=20 Menit:                  20 x RAMADAN_LOAD
 *     (before: 23.33 Menit)
 *   durations 5/10/30 Menit, absolute:            (5+10+30)/3 = 15 -> 0.033333
 */
static void test_triangular_mean(void **state)
{
	(void)state;
	assert_true(fabs(front_office_load("f.ini", "fixed") - 10.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(front_office_load("t1.ini", "triangular min=0.5 mode=1 max=2") - 10.0 * RAMADAN_LOAD) <
		    1e-12);
	assert_true(fabs(front_office_load("t2.ini", "triangular min=0.5 mode=1 max=2 mean=20 Menit") -
			 20.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(front_office_load("t3.ini", "triangular mean=20 Menit min=0.5 mode=1 max=2") -
			 20.0 * RAMADAN_LOAD) < 1e-12);
	assert_true(fabs(front_office_load("t4.ini",
					   "triangular min=5 Menit mode=10 Menit max=30 Menit") -
			 15.0 * RAMADAN_LOAD) < 1e-12);

	/* And the draws: the simulated mean service of step 2 must hold the
	 * theoretical 10 Menit = 600 s in its 95% interval (the old 700 s far
	 * outside: the triangle 4.29/8.57/17.14 Menit has sd
	 * sqrt((a^2+b^2+c^2-ab-ac-bc)/18) = 2.75 Menit, about 130 files a
	 * replication x 40 replications, so the interval is about +-5 s). */
	struct sim_scenario *sc =
		load_ok(write_tmp("t5.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
					    "step.2.service = triangular min=0.5 mode=1 max=2\n"));
	struct sim_options o = {.replications = 40, .threads = 2};
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_run(sc, &o, &r, &err), 0);
	int i = sim_results_find(r, "step/" SOPID "/2/service_mean");
	assert_true(i >= 0);
	if (!(r->ci[i].lo <= 600 && 600 <= r->ci[i].hi))
		fail_msg("mean service %.1f [%.1f .. %.1f] s, want 600", r->ci[i].mean, r->ci[i].lo,
			 r->ci[i].hi);
	assert_true(r->ci[i].hi < 650);
	sim_results_free(r);
	sim_scenario_free(sc);
}

static void test_dist_errors(void **state)
{
	(void)state;
	/* line 15: durations and mean= contradict each other */
	expect_error("d1.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
					      "service = triangular min=5 Menit mode=10 Menit max=30 Menit mean=1 Jam\n",
		     15, "not both");
	/* line 15: factors and durations mixed */
	expect_error("d2.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
					      "service = triangular min=5 Menit mode=1 max=2\n",
		     15, "not mixed");
	/* line 15: a repeated option, one value would win silently */
	expect_error("d3.ini", HEAD STAFF SOP "arrivals = 1 per hari\nservice = lognormal cv=0.5 cv=2\n",
		     15, "at most once");
	expect_error("d4.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
					      "step.2.service = exponential mean=1 Menit mean=2 Menit\n",
		     15, "at most once");
	/* line 15: a mean of zero is no exponential distribution */
	expect_error("d5.ini", HEAD STAFF SOP "arrivals = 1 per hari\nservice = exponential mean=0 Menit\n",
		     15, "mean= above 0");
	/* line 16: a key given twice in a section (first on line 15) */
	expect_error("d6.ini", HEAD STAFF SOP "arrivals = 1 per hari\nservice = fixed\nservice = exponential\n",
		     16, "first on line 15");
	/* line 15: min= with a distribution that has none */
	expect_error("d7.ini", HEAD STAFF SOP "arrivals = 1 per hari\nservice = exponential min=0.5\n", 15,
		     "only with triangular");
}

static void test_staff_errors(void **state)
{
	(void)state;
	/* line 6: repeated absent= */
	expect_error("s1.ini", HEAD "[staff]\nFront Office = 2 absent=0.2 absent=0.3\n" STAFF_REST SOP
				   "arrivals = 1 per hari\n",
		     6, "absent= is given twice");
	expect_error("s2.ini", HEAD "[staff]\nFront Office = 1 absent=0.1, 2 from 2025-03-01 absent=0.2\n"
				   STAFF_REST SOP "arrivals = 1 per hari\n",
		     6, "absent= is given twice");
	expect_error("s3.ini", HEAD "[staff]\nFront Office = 1\n" "Back Office = 1\nDinas Teknis = 5\n"
				   "Kabid Perizinan = 1\nSekretaris = 1\n"
				   "Kepala Dinas = 1 batch=daily at 10:00 batch=daily at 14:00\n" SOP
				   "arrivals = 1 per hari\n",
		     11, "batch= is given twice");
	/* line 6: a fraction of a person */
	expect_error("s4.ini", HEAD "[staff]\nFront Office = 2.5\n" STAFF_REST SOP "arrivals = 1 per hari\n",
		     6, "must be a whole number");
	expect_error("s5.ini", HEAD "[staff]\nFront Office = 2,5\n" STAFF_REST SOP "arrivals = 1 per hari\n",
		     6, "must be a whole number");
	/* line 11: WITA offices close at 16:00 (Friday 16:30); no working day
	 * is open at 20:00, so the batch would never run at its time */
	expect_error("s6.ini", HEAD "[staff]\nFront Office = 1\n" "Back Office = 1\nDinas Teknis = 5\n"
				   "Kabid Perizinan = 1\nSekretaris = 1\n"
				   "Kepala Dinas = 1 batch=daily at 20:00\n" SOP "arrivals = 1 per hari\n",
		     11, "outside office hours");
	/* 12:15 is inside the break on every day of id-wita: 12:00-13:00
	 * Monday-Thursday, 11:30-13:00 Friday, 12:00-12:30 (Friday
	 * 11:30-12:30) in Ramadan.  (12:30 would be fine: Ramadan days open
	 * again then.) */
	expect_error("s7.ini", HEAD "[staff]\nFront Office = 1\n" "Back Office = 1\nDinas Teknis = 5\n"
				   "Kabid Perizinan = 1\nSekretaris = 1\n"
				   "Kepala Dinas = 1 batch=daily at 12:15\n" SOP "arrivals = 1 per hari\n",
		     11, "outside office hours");
	/* a 2,3 staffing change keeps working ("2, 3 from DATE") */
	struct sim_scenario *sc = load_ok(write_tmp(
		"s8.ini", HEAD "[staff]\nFront Office = 2,3 from 2025-03-01\n" STAFF_REST SOP
			  "arrivals = 1 per hari\n"));
	sim_scenario_free(sc);
}

static void test_sop_and_replay_errors(void **state)
{
	(void)state;
	/* the same model twice: both sections named, the first with the line
	 * of its first key (13; inih reports no line for a section header),
	 * the error at the first key of the second (16) */
	expect_error("p1.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
				   "[sop again]\nmodel = models/izin-pengumpulan-uang-barang.ini\n"
				   "arrivals = 1 per hari\n",
		     16, "sections [sop a] on line 13 and [sop again]");
	/* a replay file with a header and no times: nothing would arrive */
	char text[1024];
	const char *csv = write_tmp("empty.csv", "submitted\n\n");
	snprintf(text, sizeof text, HEAD STAFF SOP "arrivals = replay %s\n", csv);
	expect_error("p2.ini", text, 14, "no submission times found");
	/* times, but all after the run (which ends 2025-06-30) */
	csv = write_tmp("late.csv", "submitted\n2025-08-01 09:00\n2025-08-02 10:00\n");
	snprintf(text, sizeof text, HEAD STAFF SOP "arrivals = replay %s\n", csv);
	expect_error("p3.ini", text, 14, "none of the 2 submission times");
	/* an absurd rate: 1e308 files a working day over half a year is far
	 * beyond 1e8 files (and overflows to inf in the offered load); line 14
	 * is the arrivals line (HEAD 1-4, STAFF 5-11, SOP 12-13) */
	expect_error("r1.ini", HEAD STAFF SOP "arrivals = 1e308 per hari\n", 14,
		     "arrivals: 1e308 per hari would bring more files");
	/* 1e6 a day over ~120 working days = 1.2e8 > 1e8: refused too */
	expect_error("r2.ini", HEAD STAFF SOP "arrivals = 1000000 per hari\n", 14,
		     "is not a permit office's load");
	/* step.2.reject_to = 2 returns to the step itself (line 16; 14
	 * arrivals, 15 reject) and 3 is a later step: both refused */
	expect_error("j1.ini", HEAD STAFF SOP "arrivals = 1 per hari\nstep.2.reject = 0.1\n"
				   "step.2.reject_to = 2\n",
		     16, "step.2.reject_to: a rejection must return to an earlier step than 2");
	expect_error("j2.ini", HEAD STAFF SOP "arrivals = 1 per hari\nstep.2.reject = 0.1\n"
				   "step.2.reject_to = 3\n",
		     16, "an earlier step than 2 (3)");
	/* and to step 1 (the applicant) it loads */
	sim_scenario_free(load_ok(write_tmp("j3.ini", HEAD STAFF SOP "arrivals = 1 per hari\n"
								 "step.2.reject = 0.1\nstep.2.reject_to = 1\n")));
	/* a bad time after an empty line: header 1, 09:00 on 2, empty 3, the
	 * bad 25:00 on 4; the message names the replay file's line 4 */
	csv = write_tmp("gap.csv", "waktu\n2025-02-03 09:00\n\n2025-02-04 25:00\n");
	snprintf(text, sizeof text, HEAD STAFF SOP "arrivals = replay %s\n", csv);
	const char *ini = write_tmp("p4.ini", text);
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_not_equal(sim_scenario_load(ini, "datasets/calendars", &sc, &err), 0);
	assert_null(sc);
	char where[256];
	snprintf(where, sizeof where, "%s:4:", csv);
	if (!strstr(err.msg, where))
		fail_msg("want \"%s\", got \"%s\"", where, err.msg);
	/* empty lines before the header: the first line with text is the header */
	csv = write_tmp("lead.csv", "\n\nwaktu\n2025-02-03 09:00\n");
	snprintf(text, sizeof text, HEAD STAFF SOP "arrivals = replay %s\n", csv);
	sim_scenario_free(load_ok(write_tmp("p5.ini", text)));
}

/* A run of 2 replications of a scenario built in code: one SOP "s" whose
 * steps are numbered nos[0..n), ending at end. */
static struct sim_results *code_run(const int *nos, int n, double end)
{
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, end);
	int a = sim_scenario_add_actor(sc, "A", 1);
	int s = sim_scenario_add_sop(sc, "s", 1.0 / 100, 0);
	struct sim_dist d = {.kind = SIM_EXPONENTIAL, .mean = 10};
	for (int k = 0; k < n; k++)
		sim_scenario_add_step(sc, s, nos[k], "x", a, d);
	sim_scenario_set_replications(sc, 2);
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	struct sim_results *r = NULL;
	assert_int_equal(sim_run(sc, NULL, &r, &err), 0);
	sim_scenario_free(sc);
	return r;
}

/* Paired differences only between runs of the same files. */
static void test_compare_refuses_unrelated(void **state)
{
	(void)state;
	int one[] = {1}, two[] = {1, 2};
	struct sim_results *a = code_run(one, 1, 10000), *a2 = code_run(one, 1, 10000);
	struct sim_results *b = code_run(two, 2, 10000), *c = code_run(one, 1, 20000);
	struct sim_diff *d = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(a, a2, &d, &err), 0);
	free(d);
	d = NULL;
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(a, b, &d, &err), MUTU_EINPUT);
	assert_null(d);
	assert_non_null(strstr(err.msg, "SOP s steps 1,2"));
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(a, c, &d, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "run 0 .. 20000"));
	sim_results_free(a);
	sim_results_free(a2);
	sim_results_free(b);
	sim_results_free(c);

	/* two shipped offices: WITA against WIB.  Their calendars may differ
	 * (sim_compare pairs across calendars), but the same dates at +08:00
	 * and +07:00 are different instants: the run periods differ */
	struct sim_scenario *x = load_ok("models/scenarios/banjarbaru.ini");
	struct sim_scenario *y = load_ok("models/scenarios/rokan-hilir.ini");
	struct sim_options o = {.replications = 2, .has_seed = 1, .seed = 5};
	struct sim_results *rx = NULL, *ry = NULL;
	assert_int_equal(sim_run(x, &o, &rx, &err), 0);
	assert_int_equal(sim_run(y, &o, &ry, &err), 0);
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(rx, ry, &d, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "run 2025-01-01T00:00:00+08:00"));
	assert_non_null(strstr(err.msg, "run 2025-01-01T00:00:00+07:00"));
	sim_results_free(rx);
	sim_results_free(ry);
	sim_scenario_free(x);
	sim_scenario_free(y);
}

/* Text output of hand-made results: a rate difference and time values. */
static void test_text_digits_units(void **state)
{
	(void)state;
	struct sim_scenario *sc = sim_scenario_create(NULL, 0, 1000);
	struct sim_metric m[2] = {
		{SIM_S_ALL, -1, 0, -1, "throughput", SIM_K_RATE, "all/throughput", 0, 0},
		{SIM_S_ALL, -1, 0, -1, "lead_mean", SIM_K_TIME, "all/lead_mean", 0, 0},
	};
	/* A: throughput 0.5000/jam; lead mean 0.3 s with interval
	 * [-0.2 .. 0.8] s, shown clamped at 0 */
	struct stats_ci ca[2] = {{.mean = 0.5, .lo = 0.49, .hi = 0.51, .half = 0.01, .n = 4},
				 {.mean = 0.3, .lo = -0.2, .hi = 0.8, .half = 0.5, .n = 4}};
	struct stats_ci cb[2] = {{.mean = 0.501, .lo = 0.49, .hi = 0.51, .half = 0.01, .n = 4},
				 {.mean = 12.3, .lo = 3.1, .hi = 21.5, .half = 9.2, .n = 4}};
	struct sim_results ra = {.nrep = 4, .seed = 1, .nmetric = 2, .metrics = m, .ci = ca};
	struct sim_results rb = {.nrep = 4, .seed = 1, .nmetric = 2, .metrics = m, .ci = cb};

	struct mutu_buf out;
	mutu_buf_init(&out);
	sim_results_format(sc, &ra, NULL, NULL, NULL, SIM_TEXT, &out);
	/* 0.3 s, [0 .. 0.8 s] all under half a minute: one unit, seconds,
	 * whole (the old form: "0 detik [0 Menit .. 1 detik]") */
	if (!strstr(out.s, "0 detik [0 detik .. 1 detik]\n"))
		fail_msg("%s", out.s);
	assert_null(strstr(out.s, "Menit"));
	mutu_buf_release(&out);

	/* Differences B - A: throughput +0.001/jam [0.0004 .. 0.0016]: at the
	 * usual 2 decimals all three print 0,00 (the old "+0,00/jam [0,00/jam
	 * .. 0,00/jam] *"); 3 decimals make the ends 0,000 and 0,002, the
	 * lower end still printing as zero; 4 decimals show 0,0010 [0,0004 ..
	 * 0,0016], clear of zero, and the star is earned.
	 * Lead time +12 s [3.1 .. 20.9] s: seconds throughout, whole, the
	 * ends 3 and 21 clear of zero: starred. */
	struct sim_diff diffs[2] = {
		{0, 0, {.mean = 0.001, .lo = 0.0004, .hi = 0.0016, .half = 0.0006, .n = 4}},
		{1, 1, {.mean = 12.0, .lo = 3.1, .hi = 20.9, .half = 8.9, .n = 4}},
	};
	mutu_buf_init(&out);
	sim_results_format(sc, &ra, sc, &rb, diffs, SIM_TEXT, &out);
	if (!strstr(out.s, "selisih +0,0010/jam [0,0004/jam .. 0,0016/jam] *\n"))
		fail_msg("%s", out.s);
	if (!strstr(out.s, "selisih +12 detik [3 detik .. 21 detik] *\n"))
		fail_msg("%s", out.s);
	mutu_buf_release(&out);

	/* An interval excluding zero only below what minutes can show:
	 * +40 s [1 .. 79] s is printed in minutes (79 s is over half a
	 * minute): "+1 Menit [0 Menit .. 1 Menit]" touches 0 as printed, so
	 * no star. */
	diffs[1].d = (struct stats_ci){.mean = 40, .lo = 1, .hi = 79, .half = 39, .n = 4};
	mutu_buf_init(&out);
	sim_results_format(sc, &ra, sc, &rb, diffs, SIM_TEXT, &out);
	if (!strstr(out.s, "selisih +1 Menit [0 Menit .. 1 Menit]\n"))
		fail_msg("%s", out.s);
	mutu_buf_release(&out);
	sim_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_triangular_mean),
		cmocka_unit_test(test_dist_errors),
		cmocka_unit_test(test_staff_errors),
		cmocka_unit_test(test_sop_and_replay_errors),
		cmocka_unit_test(test_compare_refuses_unrelated),
		cmocka_unit_test(test_text_digits_units),
	};
	return cmocka_run_group_tests_name("sim_scenario", tests, setup, teardown);
}
