/*
 * test_sim_period.c - the simulator's time axis: rates "per bulan" (and
 * per minggu, per tahun) as per calendar month (week, year) of the run,
 * results per calendar month and ISO week (sim_options.by), lead time in
 * calendar days, and paired comparisons across calendars (Ramadan hours
 * against none) with the same arrivals.  Every expected value is worked
 * out by hand in the comment above it.  Runs from the repository root
 * (datasets/calendars, models/).
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

#include "mutu/cal.h"
#include "mutu/sim.h"

#include "sim_fixture.h"

/* One Front Office step of 1 Hari: the SOP ceiling is 1 Hari = 450
 * working minutes (the rounded-up sum of the steps). */
#define MODEL1 "[sop]\nid = satu\nname = Satu Langkah\ncalendar = id-wita\n" \
	"[step 1]\nactivity = periksa\nactor = Front Office\nwaktu = 1 Hari\n"

static struct sim_results *run_ok(const struct sim_scenario *sc, int reps, enum sim_by by)
{
	struct sim_options o = {.replications = reps, .threads = 2, .by = by};
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_run(sc, &o, &r, &err))
		fail_msg("sim_run: %s", err.msg);
	return r;
}

static double mean_of(const struct sim_results *r, const char *key)
{
	int i = sim_results_find(r, key);
	if (i < 0)
		fail_msg("no metric %s", key);
	return r->ci[i].mean;
}

/*
 * "N per bulan" is N files in every calendar month of the run, whatever
 * the run's length: a run of only March 2025 (31 days, Ramadan and Nyepi
 * in it) and a run of only February (28 days) each expect exactly 100
 * files from "100 per bulan"; so does a two-week run from "50 per minggu"
 * (14 days = 2 weeks) and March from "1200 per tahun" (1 month = 1/12
 * year).  The count over a replication is Poisson, sd 10; over 400
 * replications the mean's 95% interval is about +-1, so 100 must lie in
 * it and the interval must be that narrow.  The old conversion (an average
 * month of 30.44 days) gave 101.8 for March and 92.0 for February, both
 * outside such an interval.
 */
static void expect_100(const char *name, const char *start, const char *end, const char *rate)
{
	char text[1024];
	write_tmp("satu.ini", MODEL1);
	snprintf(text, sizeof text,
		 "[run]\ncalendar = id-wita\nstart = %s\nend = %s\nreplications = 400\nseed = 7\n"
		 "[staff]\nFront Office = 50\n"
		 "[sop satu]\nmodel = satu.ini\narrivals = %s\nservice = exponential\n",
		 start, end, rate);
	struct sim_scenario *sc = load_ok(write_tmp(name, text));
	struct sim_results *r = run_ok(sc, 400, SIM_BY_NONE);
	int i = sim_results_find(r, "all/arrivals");
	assert_true(i >= 0);
	if (!(r->ci[i].lo <= 100 && 100 <= r->ci[i].hi && r->ci[i].half < 1.5))
		fail_msg("%s (%s .. %s, %s): %.2f [%.2f .. %.2f] files, want 100", name, start, end,
			 rate, r->ci[i].mean, r->ci[i].lo, r->ci[i].hi);
	sim_results_free(r);
	sim_scenario_free(sc);
}

static void test_per_bulan(void **state)
{
	(void)state;
	expect_100("march.ini", "2025-03-01", "2025-03-31", "100 per bulan");
	expect_100("feb.ini", "2025-02-01", "2025-02-28", "100 per bulan");
	expect_100("weeks.ini", "2025-03-03", "2025-03-16", "50 per minggu");
	expect_100("year.ini", "2025-03-01", "2025-03-31", "1200 per tahun");
}

/*
 * Results per month and per ISO week, with fixed times worked out on the
 * id-wita calendar (Mon-Thu 07:30-12:00, 13:00-16:00; Fri 07:30-11:30,
 * 13:00-16:30; no holiday between 30 Jan and 4 Feb 2025).  One Front
 * Office, service fixed at 1 Hari = 450 minutes, ceiling 1 Hari.  Files
 * (replayed): A and B at Thu 2025-01-30 08:00, C at Mon 2025-02-03 08:00.
 *   A: served Thu 08:00-12:00 (4 h), 13:00-16:00 (3 h), Fri 07:30-08:00
 *      (0.5 h): ends Fri 31 Jan 08:00.  Lead 450 min (within), 1.0 day.
 *   B: waits 450 min, served Fri 08:00-11:30 (3.5 h), 13:00-16:30
 *      (3.5 h), Mon 07:30-08:00: ends Mon 3 Feb 08:00.  Lead 900 min (over
 *      the ceiling), 4.0 calendar days.
 *   C: arrives as B ends (ends run before arrivals at equal times), served
 *      at once: ends Tue 4 Feb 08:00.  Lead 450 min (within), 1.0 day.
 * January: arrivals 2, finished 1 (A), within 1 = 100%, lead 450 min,
 *   1.0 day; services begun: A (wait 0), B (wait 450): wait mean 225 min.
 * February: arrivals 1, finished 2 (B, C), within 1 = 50%, lead mean
 *   (900 + 450) / 2 = 675 min, (4 + 1) / 2 = 2.5 days; C's wait 0.
 * Whole run: lead in calendar days (1 + 4 + 1) / 3 = 2.0.
 * ISO weeks: Thu 30 Jan is in 2025-W05 (Mon 27 Jan), Mon 3 Feb starts
 * 2025-W06; the run from Wed 1 Jan (in 2025-W01, which began Mon 30 Dec
 * 2024) to Fri 28 Feb (2025-W09) has 9 weeks.  W05: arrivals 2, finished
 * 1; W06: arrivals 1, finished 2.
 */
static struct sim_scenario *fixed_scenario(void)
{
	write_tmp("satu.ini", MODEL1);
	const char *arr = write_tmp("arr.csv", "submitted\n2025-01-30 08:00\n2025-01-30 08:00\n"
					       "2025-02-03 08:00\n");
	char text[1024];
	snprintf(text, sizeof text,
		 "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-02-28\nreplications = 2\n"
		 "[staff]\nFront Office = 1\n"
		 "[sop satu]\nmodel = satu.ini\narrivals = replay %s\nservice = fixed\n",
		 arr);
	return load_ok(write_tmp("fixed.ini", text));
}

static void test_by_month_fixed(void **state)
{
	(void)state;
	struct sim_scenario *sc = fixed_scenario();
	struct sim_results *r = run_ok(sc, 2, SIM_BY_MONTH);
	assert_int_equal(r->nperiods, 2);
	assert_string_equal(r->periods[0].label, "2025-01");
	assert_string_equal(r->periods[1].label, "2025-02");
	/* Feb 2025 begins at local midnight WITA: 2025-01-31T16:00Z */
	double feb;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(cal_parse_iso("2025-02-01T00:00:00+08:00", 0, &feb, NULL, &err), 0);
	assert_true(r->periods[1].start == feb && r->periods[0].end == feb);

	assert_true(mean_of(r, "month/2025-01/all/arrivals") == 2);
	assert_true(mean_of(r, "month/2025-01/sop/satu/finished") == 1);
	assert_true(mean_of(r, "month/2025-01/sop/satu/within_n") == 1);
	assert_true(mean_of(r, "month/2025-01/sop/satu/within") == 1.0);
	assert_true(fabs(mean_of(r, "month/2025-01/sop/satu/lead_mean") - 450 * 60) < 1e-3);
	assert_true(fabs(mean_of(r, "month/2025-01/sop/satu/lead_days_mean") - 1.0) < 1e-9);
	assert_true(fabs(mean_of(r, "month/2025-01/step/satu/1/wait_mean") - 225 * 60) < 1e-3);

	assert_true(mean_of(r, "month/2025-02/sop/satu/arrivals") == 1);
	assert_true(mean_of(r, "month/2025-02/all/finished") == 2);
	assert_true(mean_of(r, "month/2025-02/all/within_n") == 1);
	assert_true(fabs(mean_of(r, "month/2025-02/all/within") - 0.5) < 1e-12);
	assert_true(fabs(mean_of(r, "month/2025-02/all/lead_mean") - 675 * 60) < 1e-3);
	assert_true(fabs(mean_of(r, "month/2025-02/sop/satu/lead_days_mean") - 2.5) < 1e-9);
	assert_true(fabs(mean_of(r, "month/2025-02/step/satu/1/wait_mean")) < 1e-3);

	assert_true(fabs(mean_of(r, "sop/satu/lead_days_mean") - 2.0) < 1e-9);
	assert_true(fabs(mean_of(r, "all/lead_days_mean") - 2.0) < 1e-9);
	/* fixed times: both replications agree, so the interval has no width */
	int i = sim_results_find(r, "month/2025-02/all/finished");
	assert_true(r->ci[i].lo == 2 && r->ci[i].hi == 2);
	sim_results_free(r);

	r = run_ok(sc, 2, SIM_BY_WEEK);
	assert_int_equal(r->nperiods, 9);
	assert_string_equal(r->periods[0].label, "2025-W01");
	assert_string_equal(r->periods[8].label, "2025-W09");
	assert_true(mean_of(r, "week/2025-W05/all/arrivals") == 2);
	assert_true(mean_of(r, "week/2025-W05/all/finished") == 1);
	assert_true(mean_of(r, "week/2025-W06/all/arrivals") == 1);
	assert_true(mean_of(r, "week/2025-W06/all/finished") == 2);
	assert_true(mean_of(r, "week/2025-W07/all/finished") == 0);
	sim_results_free(r);
	sim_scenario_free(sc);
}

/*
 * ISO week labels across a year's end, without a calendar (UTC days):
 * Mon 2024-12-23 is in 2024-W52; Mon 2024-12-30 starts 2025-W01 (its
 * Thursday, 2 Jan 2025, is in 2025); Mon 2025-01-06 starts 2025-W02.  The
 * run 2024-12-23 .. 2025-01-13 (exclusive) is those three weeks.
 */
static void test_week_labels(void **state)
{
	(void)state;
	double t0 = (double)cal_days_from_civil(2024, 12, 23) * 86400.0;
	double t1 = (double)cal_days_from_civil(2025, 1, 13) * 86400.0;
	struct sim_scenario *sc = sim_scenario_create(NULL, t0, t1);
	int a = sim_scenario_add_actor(sc, "Front Office", 1);
	int s = sim_scenario_add_sop(sc, "x", 1.0 / 3600, 0);
	sim_scenario_add_step(sc, s, 1, "a", a, (struct sim_dist){.kind = SIM_FIXED, .mean = 60});
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_scenario_compile(sc, &err), 0);
	struct sim_results *r = run_ok(sc, 2, SIM_BY_WEEK);
	assert_int_equal(r->nperiods, 3);
	assert_string_equal(r->periods[0].label, "2024-W52");
	assert_string_equal(r->periods[1].label, "2025-W01");
	assert_string_equal(r->periods[2].label, "2025-W02");
	/* a week is 7 x 24 h of working time here at 1 file an hour: the
	 * three weeks' arrivals add up to the run's */
	double sum = 0;
	for (int k = 0; k < 3; k++) {
		char key[64];
		snprintf(key, sizeof key, "week/%s/all/arrivals", r->periods[k].label);
		sum += mean_of(r, key);
	}
	assert_true(fabs(sum - mean_of(r, "all/arrivals")) < 1e-9);
	sim_results_free(r);
	sim_scenario_free(sc);
}

/*
 * Paired comparison across calendars: the same scenario on id-wita
 * (Ramadan hours 6.5 h a day, 3-27 March 2025) and on a copy of it
 * without the Ramadan hours (7.5 h every day).  Both have the same working
 * days, so the day clock gives the same files on the same days: the
 * arrivals differ by exactly 0 in every replication.  The run is 3-27
 * March, all Ramadan days; 6 files a working day of 60 minutes each on one
 * Front Office load it 6 h a day: 6/6.5 = 92% in Ramadan hours against
 * 6/7.5 = 80% without, so the mean lead time is longer with Ramadan
 * hours: B (no Ramadan) - A (Ramadan) must be significantly negative, in
 * working time and in calendar days.
 */
static void test_compare_calendars(void **state)
{
	(void)state;
	/* the calendar without Ramadan: id-wita's file up to its [hours ramadan] */
	FILE *in = fopen("datasets/calendars/id-wita.ini", "r");
	assert_non_null(in);
	char cpath[160], line[512], cwd[512];
	snprintf(cpath, sizeof cpath, "%s/tanpa-ramadan.ini", tmpdir);
	FILE *out = fopen(cpath, "w");
	assert_non_null(out);
	assert_non_null(getcwd(cwd, sizeof cwd));
	while (fgets(line, sizeof line, in)) {
		if (!strncmp(line, "[hours ramadan]", 15))
			break;
		if (!strncmp(line, "name =", 6))
			fputs("name = id-wita-tanpa-ramadan\n", out);
		else if (!strncmp(line, "holidays =", 10))
			fprintf(out, "holidays = %s/datasets/calendars/id-holidays-2024-2026.csv\n", cwd);
		else if (!strncmp(line, "local =", 7))
			fprintf(out, "local = %s/datasets/calendars/local.csv\n", cwd);
		else
			fputs(line, out);
	}
	fclose(in);
	fclose(out);

	write_tmp("satu.ini", MODEL1);
	char text[1024];
	const char *fmt = "[run]\ncalendar = %s\nstart = 2025-03-03\nend = 2025-03-27\n"
			  "replications = 40\nseed = 11\n[staff]\nFront Office = 1\n"
			  "[sop satu]\nmodel = satu.ini\narrivals = 6 per hari\n"
			  "service = exponential mean=60 Menit\n";
	snprintf(text, sizeof text, fmt, "id-wita");
	struct sim_scenario *a = load_ok(write_tmp("ramadan.ini", text));
	snprintf(text, sizeof text, fmt, cpath);
	struct sim_scenario *b = load_ok(write_tmp("biasa.ini", text));
	struct sim_results *ra = run_ok(a, 40, SIM_BY_NONE), *rb = run_ok(b, 40, SIM_BY_NONE);
	struct sim_diff *d = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_compare(ra, rb, &d, &err))
		fail_msg("sim_compare: %s", err.msg);
	int ia = sim_results_find(ra, "all/arrivals"), ib = sim_results_find(rb, "all/arrivals");
	for (int k = 0; k < 40; k++)
		assert_true(ra->values[(size_t)k * ra->nmetric + (size_t)ia] ==
			    rb->values[(size_t)k * rb->nmetric + (size_t)ib]);
	/* 19 working days x 6 = 114 files expected (3-27 March less none) */
	assert_true(fabs(ra->ci[ia].mean - 114) < 3 * ra->ci[ia].half + 1e-9);
	int il = sim_results_find(ra, "all/lead_mean");
	assert_true(d[il].d.hi < 0);
	int id = sim_results_find(ra, "all/lead_days_mean");
	assert_true(d[id].d.hi < 0);
	char *what = sim_compare_calendars(ra, rb);
	assert_non_null(what);
	assert_string_equal(what, "id-wita vs id-wita-tanpa-ramadan");
	free(what);
	assert_null(sim_compare_calendars(ra, ra));
	free(d);

	/* still refused: a different run period */
	snprintf(text, sizeof text,
		 "[run]\ncalendar = id-wita\nstart = 2025-03-03\nend = 2025-03-26\nreplications = 40\n"
		 "seed = 11\n[staff]\nFront Office = 1\n[sop satu]\nmodel = satu.ini\n"
		 "arrivals = 6 per hari\nservice = exponential mean=60 Menit\n");
	struct sim_scenario *c = load_ok(write_tmp("pendek.ini", text));
	struct sim_results *rc = run_ok(c, 40, SIM_BY_NONE);
	mutu_err_clear(&err);
	assert_int_equal(sim_compare(ra, rc, &d, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "run period"));
	sim_results_free(rc);
	sim_scenario_free(c);

	sim_results_free(ra);
	sim_results_free(rb);
	sim_scenario_free(a);
	sim_scenario_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_per_bulan),
		cmocka_unit_test(test_by_month_fixed),
		cmocka_unit_test(test_week_labels),
		cmocka_unit_test(test_compare_calendars),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
