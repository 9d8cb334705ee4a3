/*
 * test_cal_lazy.c - a calendar's lookup tables are built only for the
 * years a caller touches (cal.h: on first use, or cal_prepare), and the
 * answers across the edge of the years built so far are the ones worked
 * out by hand from the shipped id-wib calendar (datasets/calendars):
 *   Mon-Thu 07:30-12:00, 13:00-16:00; Fri 07:30-11:30, 13:00-16:30;
 *   2024-12-31 Tue, 2025-01-01 Wed (LN Tahun Baru), 2025-01-02 Thu;
 *   2025-12-31 Wed, 2026-01-01 Thu (LN Tahun Baru), 2026-01-02 Fri.
 * Every test starts from a freshly loaded calendar, so the first lookup
 * is the one that builds (or extends) the tables.  Tests run from the
 * repository root.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/cal.h"

#define DIR "datasets/calendars"

static struct cal *load(const char *name)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	struct cal *c = NULL;
	if (cal_load(name, DIR, &c, &e))
		fail_msg("cal_load(%s): %s", name, e.msg);
	return c;
}

#include "cal_fixture.h"

static void prepare(const struct cal *c, const char *a, const char *b)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	if (cal_prepare(c, T(c, a), T(c, b), &e))
		fail_msg("cal_prepare(%s, %s): %s", a, b, e.msg);
}

static void expect_years(const struct cal *c, int n, int y0, int y1)
{
	int a = 0, b = 0;
	assert_int_equal(cal_prepared_years(c, &a, &b), n);
	if (n > 0) {
		assert_int_equal(a, y0);
		assert_int_equal(b, y1);
	}
}

/* Loading builds no tables; the first lookup builds its year only. */
static void test_built_on_first_use(void **state)
{
	(void)state;
	struct cal *c = load("id-wib");
	expect_years(c, 0, 0, 0);
	/* Thu 2025-01-02 07:30-12:00 = 270 min */
	assert_float_equal(M(c, "2025-01-02 07:30", "2025-01-02 12:00"), 270, 1e-9);
	expect_years(c, 1, 2025, 2025);
	cal_free(c);

	/* 24x7 covers 1970-2199 (84,006 days): still nothing built at load */
	struct cal *all = load("24x7");
	expect_years(all, 0, 0, 0);
	/* 2025-01-01 .. 2025-03-01: 59 whole days */
	assert_float_equal(M(all, "2025-01-01", "2025-03-01"), 59 * 1440, 1e-9);
	expect_years(all, 1, 2025, 2025);
	cal_free(all);
}

/*
 * Only 2025 built; 2025-12-31 Wed 14:00 .. 2026-01-02 Fri 09:00 is
 * Wed 14:00-16:00 (120) + Thu LN (0) + Fri 07:30-09:00 (90) = 210 min.
 * The lookup of 2026 extends the tables, and 2025's answers stay.
 */
static void test_between_across_the_edge_upward(void **state)
{
	(void)state;
	struct cal *c = load("id-wib");
	prepare(c, "2025-06-01", "2025-06-02");
	expect_years(c, 1, 2025, 2025);
	assert_float_equal(M(c, "2025-12-31 14:00", "2026-01-02 09:00"), 210, 1e-9);
	expect_years(c, 2, 2025, 2026);
	assert_float_equal(M(c, "2025-12-31 14:00", "2026-01-02 09:00"), 210, 1e-9);
	cal_free(c);
}

/*
 * Only 2025 built, then a span ending in 2024: 2024-12-31 Tue 15:00 ..
 * 2025-01-02 Thu 08:00 is Tue 15:00-16:00 (60) + Wed LN (0) + Thu
 * 07:30-08:00 (30) = 90 min.  The year before extends the tables
 * downward (cumulative work then starts at 2024, the calendar's first).
 */
static void test_between_across_the_edge_downward(void **state)
{
	(void)state;
	struct cal *c = load("id-wib");
	prepare(c, "2025-03-01", "2025-03-01");
	assert_float_equal(M(c, "2024-12-31 15:00", "2025-01-02 08:00"), 90, 1e-9);
	expect_years(c, 2, 2024, 2025);
	cal_free(c);
}

/*
 * The work before a year whose tables are built alone must count the
 * years before it: with only 2026 built, work_at(2026-01-02 09:00) -
 * work_at(2025-12-31 14:00) is still 210 min, and the work of 2025 is
 * the same whether 2025's table or 2026's answers it.
 */
static void test_base_of_a_later_year(void **state)
{
	(void)state;
	struct cal *c = load("id-wib"), *full = load("id-wib");
	prepare(full, "2024-01-01", "2026-12-31");
	expect_years(full, 3, 2024, 2026);
	prepare(c, "2026-06-01", "2026-06-01");
	expect_years(c, 1, 2026, 2026);
	double a = T(c, "2026-01-02 09:00");
	double w_lazy = cal_work_at(c, a), w_full = cal_work_at(full, a);
	assert_true(w_lazy == w_full); /* exact: both are sums of whole seconds */
	expect_years(c, 1, 2026, 2026);
	/* 2026-01-01 00:00 lies on day 0 of 2026: 2026's table answers it,
	 * and it must equal the full build's count of 2024 and 2025 */
	double j = T(c, "2026-01-01 00:00");
	assert_true(cal_work_at(c, j) == cal_work_at(full, j));
	expect_years(c, 1, 2026, 2026);
	assert_float_equal((w_lazy - cal_work_at(c, T(c, "2025-12-31 14:00"))) / 60.0, 210, 1e-9);
	cal_free(c);
	cal_free(full);
}

static void expect_time(const struct cal *c, double got, const char *want)
{
	char buf[64];
	cal_format_time(c, got, buf, sizeof buf);
	assert_string_equal(buf, want);
}

/*
 * cal_add and cal_deadline whose answer lies past the years built:
 *   Wed 2025-12-31 14:00 + 360 min = 120 on Wed, Thu is LN, then Fri
 *   07:30 + 240 = 11:30 (the earliest instant with that work: Friday's
 *   morning ends at 11:30).
 *   Wed 2025-12-31 10:00 + 1 Hari next-day = Fri 2026-01-02 10:00 (the
 *   next working day after Thursday's LN, same clock time).
 */
static void test_add_and_deadline_across_the_edge(void **state)
{
	(void)state;
	struct mutu_err e;
	mutu_err_clear(&e);
	struct cal *c = load("id-wib");
	prepare(c, "2025-12-01", "2025-12-01");
	double out;
	assert_int_equal(cal_add(c, T(c, "2025-12-31 14:00"), 360 * 60.0, &out, &e), 0);
	expect_time(c, out, "2026-01-02T11:30:00+07:00");
	cal_free(c);

	c = load("id-wib");
	prepare(c, "2025-12-01", "2025-12-01");
	struct dur d = {.days = 1, .minutes = 0};
	assert_int_equal(cal_deadline(c, T(c, "2025-12-31 10:00"), d, CAL_DAY_NEXT_DAY, &out, &e), 0);
	expect_time(c, out, "2026-01-02T10:00:00+07:00");
	cal_free(c);

	/* going back: instant_at of 2024's last working second with only
	 * 2026 built is Tue 2024-12-31 16:00 (closing, not next opening) */
	c = load("id-wib");
	prepare(c, "2026-03-01", "2026-03-01");
	double w = cal_work_at(c, T(c, "2025-01-01 12:00")); /* Wed LN: flat all day */
	expect_time(c, cal_instant_at(c, w), "2024-12-31T16:00:00+07:00");
	expect_years(c, 3, 2024, 2026);
	cal_free(c);
}

/* A span outside the calendar's years is refused, naming them. */
static void test_prepare_out_of_range(void **state)
{
	(void)state;
	struct cal *c = load("id-wib");
	struct mutu_err e;
	mutu_err_clear(&e);
	double first, end;
	cal_range(c, &first, &end);
	assert_int_equal(cal_prepare(c, first - 86400, first + 86400, &e), MUTU_ERANGE);
	assert_non_null(strstr(e.msg, "2024-2026"));
	mutu_err_clear(&e);
	assert_int_equal(cal_prepare(c, first + 86400, first, &e), MUTU_ERANGE);
	expect_years(c, 0, 0, 0);
	/* the whole range, end included, is fine */
	mutu_err_clear(&e);
	assert_int_equal(cal_prepare(c, first, end, &e), 0);
	expect_years(c, 3, 2024, 2026);
	cal_free(c);
}

/* Walking year by year widens the tables at least by their own width, so
 * a walk through 1970-2199 builds a handful of tables, not 230. */
static void test_growth(void **state)
{
	(void)state;
	struct cal *all = load("24x7");
	char buf[32];
	int builds = 0, last = 0;
	for (int y = 2000; y <= 2199; y++) {
		snprintf(buf, sizeof buf, "%d-06-01", y);
		/* 24x7: work since 1970-01-01 00:00 WIB is wall time */
		double t = T(all, buf);
		double first;
		cal_range(all, &first, NULL);
		assert_true(cal_work_at(all, t) == t - first);
		int n = cal_prepared_years(all, NULL, NULL);
		if (n != last)
			builds++;
		last = n;
	}
	expect_years(all, 200, 2000, 2199);
	assert_true(builds <= 9); /* 1, 2, 4, ... 128, then the rest */
	cal_free(all);
}

/* Threads sharing a fresh calendar each touch other years at once. */
struct job {
	const struct cal *c;
	const char *a, *b;
	double want, got;
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	struct mutu_err e;
	mutu_err_clear(&e);
	double ta, tb, w = -1;
	if (cal_parse_time(j->c, j->a, &ta, NULL, &e) == 0 &&
	    cal_parse_time(j->c, j->b, &tb, NULL, &e) == 0 && cal_between(j->c, ta, tb, &w, &e) == 0)
		j->got = w / 60.0;
	return NULL;
}

static void test_threads_share_a_calendar(void **state)
{
	(void)state;
	for (int round = 0; round < 20; round++) {
		struct cal *c = load("id-wib");
		struct job jobs[3] = {
			{c, "2024-12-31 15:00", "2025-01-02 08:00", 90, -1},
			{c, "2025-12-31 14:00", "2026-01-02 09:00", 210, -1},
			{c, "2025-01-02 07:30", "2025-01-02 12:00", 270, -1},
		};
		pthread_t th[3];
		for (int i = 0; i < 3; i++)
			assert_int_equal(pthread_create(&th[i], NULL, run_job, &jobs[i]), 0);
		for (int i = 0; i < 3; i++)
			pthread_join(th[i], NULL);
		for (int i = 0; i < 3; i++)
			assert_float_equal(jobs[i].got, jobs[i].want, 1e-9);
		expect_years(c, 3, 2024, 2026);
		cal_free(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_built_on_first_use),
		cmocka_unit_test(test_between_across_the_edge_upward),
		cmocka_unit_test(test_between_across_the_edge_downward),
		cmocka_unit_test(test_base_of_a_later_year),
		cmocka_unit_test(test_add_and_deadline_across_the_edge),
		cmocka_unit_test(test_prepare_out_of_range),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_threads_share_a_calendar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
