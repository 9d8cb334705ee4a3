/*
 * test_cal.c - the working calendar against values worked out by hand from
 * the shipped data (datasets/calendars) and domain.md:
 *   Mon-Thu 07:30-12:00, 13:00-16:00 (450 min); Fri 07:30-11:30,
 *   13:00-16:30 (450 min); Ramadan Mon-Thu 08:00-12:00, 12:30-15:00,
 *   Fri 08:00-11:30, 12:30-15:30 (390 min); Ramadan 1446 H = 2025-03-01 ..
 *   2025-03-30; holidays from id-holidays-2024-2026.csv.
 * Days of the week used below: 2025-01-01 Wed (LN), 01-02 Thu, 01-03 Fri,
 * 01-04 Sat, 01-06 Mon; 2024-12-31 Tue; 2025-03-10 Mon, 03-27 Thu,
 * 03-28 Fri (CB Nyepi), 04-08 Tue.  Tests run from the repository root.
 */
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

#define DIR "datasets/calendars"

static struct cal *wib, *wita, *wit, *all;

static struct cal *load(const char *name)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	struct cal *c = NULL;
	if (cal_load(name, DIR, &c, &e))
		fail_msg("cal_load(%s): %s", name, e.msg);
	return c;
}

static int setup(void **state)
{
	(void)state;
	wib = load("id-wib");
	wita = load("id-wita");
	wit = load("id-wit");
	all = load("24x7");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	cal_free(wib);
	cal_free(wita);
	cal_free(wit);
	cal_free(all);
	return 0;
}

#include "cal_fixture.h"

#define EXPECT_MIN(c, a, b, want)                                                           \
	do {                                                                                \
		double got_ = M(c, a, b);                                                   \
		if (got_ != (double)(want))                                                 \
			fail_msg("%s: %s -> %s: got %g min, want %g", cal_name(c), a, b, got_, \
				 (double)(want));                                           \
	} while (0)

static void expect_time(const struct cal *c, double got, const char *want)
{
	char buf[64];
	cal_format_time(c, got, buf, sizeof buf);
	if (strcmp(buf, want) != 0)
		fail_msg("got %s, want %s", buf, want);
}

static void expect_add(const struct cal *c, const char *from, double minutes, const char *want)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	double r;
	if (cal_add(c, T(c, from), minutes * 60, &r, &e))
		fail_msg("cal_add(%s, %g): %s", from, minutes, e.msg);
	expect_time(c, r, want);
}

static void expect_deadline(const struct cal *c, const char *from, int64_t days, int64_t min,
			    enum cal_day_reading rd, const char *want)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	struct dur d = dur_zero();
	d.days = days;
	d.minutes = min;
	double r;
	if (cal_deadline(c, T(c, from), d, rd, &r, &e))
		fail_msg("cal_deadline(%s): %s", from, e.msg);
	expect_time(c, r, want);
}

/* ---- between ---------------------------------------------------------- */

static void test_ordinary_days(void **state)
{
	(void)state;
	EXPECT_MIN(wib, "2025-01-02 07:30", "2025-01-02 16:00", 450); /* 270 + 180 */
	EXPECT_MIN(wib, "2025-01-02 00:00", "2025-01-03 00:00", 450); /* night counts 0 */
	EXPECT_MIN(wib, "2025-01-02 07:30", "2025-01-03 10:00", 600); /* 450 + 07:30-10:00 */
	/* Mon 01-06 .. Mon 01-13: five ordinary days, no holiday in between */
	EXPECT_MIN(wib, "2025-01-06 00:00", "2025-01-13 00:00", 5 * 450);
	EXPECT_MIN(wib, "2025-01-02 10:00", "2025-01-02 10:00", 0);
	/* reversed order gives the negative */
	EXPECT_MIN(wib, "2025-01-03 10:00", "2025-01-02 07:30", -600);
}

static void test_weekend(void **state)
{
	(void)state;
	/* Fri 16:00-16:30 (30) + Sat, Sun (0) + Mon 07:30-08:00 (30) */
	EXPECT_MIN(wib, "2025-01-03 16:00", "2025-01-06 08:00", 60);
	EXPECT_MIN(wib, "2025-01-04 08:00", "2025-01-05 17:00", 0);
	int64_t sat = cal_days_from_civil(2025, 1, 4);
	assert_int_equal(cal_day_kind(wib, sat, NULL), 1);
	assert_int_equal(cal_day_kind(wib, sat + 1, NULL), 1);
	assert_int_equal(cal_day_kind(wib, sat + 2, NULL), 0);
}

static void test_lunch_break(void **state)
{
	(void)state;
	EXPECT_MIN(wib, "2025-01-02 11:00", "2025-01-02 14:00", 120); /* 11-12 + 13-14 */
	EXPECT_MIN(wib, "2025-01-02 12:15", "2025-01-02 12:45", 0);
	EXPECT_MIN(wib, "2025-01-02 12:30", "2025-01-02 13:10", 10);
	/* break starts at 12:00 (end exclusive), work resumes at 13:00 */
	assert_true(cal_is_working(wib, T(wib, "2025-01-02 11:59:59")));
	assert_false(cal_is_working(wib, T(wib, "2025-01-02 12:00")));
	assert_true(cal_is_working(wib, T(wib, "2025-01-02 13:00")));
	assert_true(cal_is_working(wib, T(wib, "2025-01-02 07:30")));
	assert_false(cal_is_working(wib, T(wib, "2025-01-02 07:29:59")));
	assert_false(cal_is_working(wib, T(wib, "2025-01-02 16:00")));
}

static void test_friday_hours(void **state)
{
	(void)state;
	/* Friday break 11:30-13:00: 11:00-11:30 (30) + 13:00-13:30 (30) */
	EXPECT_MIN(wib, "2025-01-03 11:00", "2025-01-03 13:30", 60);
	/* Friday closes 16:30, Thursday 16:00 */
	EXPECT_MIN(wib, "2025-01-03 16:00", "2025-01-03 17:00", 30);
	EXPECT_MIN(wib, "2025-01-02 15:30", "2025-01-02 17:00", 30);
	/* a whole Friday is 240 + 210 = 450 */
	EXPECT_MIN(wib, "2025-01-03 00:00", "2025-01-04 00:00", 450);
	assert_false(cal_is_working(wib, T(wib, "2025-01-03 11:45")));
	assert_true(cal_is_working(wib, T(wib, "2025-01-03 16:15")));
}

static void test_holidays_and_cuti_bersama(void **state)
{
	(void)state;
	/* Idul Fitri 1446 H block: Thu 03-27 is Ramadan (closes 15:00):
	 * 14:00-15:00 = 60; 03-28 CB Nyepi; 03-29/30 weekend; 03-31, 04-01 LN;
	 * 04-02, 03, 04 CB; 04-05/06 weekend; 04-07 CB; Tue 04-08 ordinary
	 * (Ramadan ended 03-30): 07:30-09:00 = 90.  Total 150. */
	EXPECT_MIN(wib, "2025-03-27 14:00", "2025-04-08 09:00", 150);
	const char *name;
	assert_int_equal(cal_day_kind(wib, cal_days_from_civil(2025, 3, 31), &name), 2);
	assert_string_equal(name, "Idul Fitri 1446 H");
	assert_int_equal(cal_day_kind(wib, cal_days_from_civil(2025, 4, 2), &name), 3);
	assert_string_equal(name, "Cuti Bersama Idul Fitri 1446 H");
	/* the 2025 amendment's cuti bersama on Mon 18 Aug */
	assert_int_equal(cal_day_kind(wib, cal_days_from_civil(2025, 8, 18), NULL), 3);
	EXPECT_MIN(wib, "2025-08-18 00:00", "2025-08-19 00:00", 0);
	/* election day 2024-02-14 (Wed), LK: a non-working day of kind 4 */
	assert_int_equal(cal_day_kind(wib, cal_days_from_civil(2024, 2, 14), NULL), 4);
	EXPECT_MIN(wib, "2024-02-13 15:00", "2024-02-15 08:00", 60 + 30);
	/* outside the years */
	assert_int_equal(cal_day_kind(wib, cal_days_from_civil(2023, 12, 31), NULL), -1);
}

static void test_ramadan_hours(void **state)
{
	(void)state;
	/* Mon 2025-03-10: 08:00-12:00 (240) + 12:30-15:00 (150) = 390 */
	EXPECT_MIN(wib, "2025-03-10 00:00", "2025-03-11 00:00", 390);
	/* Fri 2025-03-14: 08:00-11:30 (210) + 12:30-15:30 (180) = 390 */
	EXPECT_MIN(wib, "2025-03-14 00:00", "2025-03-15 00:00", 390);
	EXPECT_MIN(wib, "2025-03-10 07:30", "2025-03-10 08:30", 30); /* opens 08:00 */
	EXPECT_MIN(wib, "2025-03-10 12:15", "2025-03-10 12:45", 15); /* break 12:00-12:30 */
	EXPECT_MIN(wib, "2025-03-10 14:30", "2025-03-10 16:00", 30); /* closes 15:00 */
	/* the day before Ramadan (Fri 02-28) has ordinary hours */
	EXPECT_MIN(wib, "2025-02-28 00:00", "2025-03-01 00:00", 450);
	/* whole Ramadan 1446 H week Mon 03-03 .. Fri 03-07: 5 x 390 */
	EXPECT_MIN(wib, "2025-03-03 00:00", "2025-03-08 00:00", 5 * 390);
}

static void test_year_boundary(void **state)
{
	(void)state;
	/* Tue 2024-12-31 whole day (450), Wed 2025-01-01 LN (0) */
	EXPECT_MIN(wib, "2024-12-31 07:30", "2025-01-02 07:30", 450);
	/* 12-24 Tue 16:00; 12-25 LN; 12-26 CB; Fri 12-27 07:30-08:00 = 30 */
	EXPECT_MIN(wib, "2024-12-24 16:00", "2024-12-27 08:00", 30);
	/* 2025-12-31 (Wed) 15:00 to 2026-01-02 (Fri) 08:00: 60 + 0 (LN) + 30 */
	EXPECT_MIN(wib, "2025-12-31 15:00", "2026-01-02 08:00", 90);
}

static void test_time_zones(void **state)
{
	(void)state;
	/* 07:00Z..10:00Z = 14:00-17:00 WIB, 15:00-18:00 WITA, 16:00-19:00 WIT */
	EXPECT_MIN(wib, "2025-01-02T07:00:00Z", "2025-01-02T10:00:00Z", 120);
	EXPECT_MIN(wita, "2025-01-02T07:00:00Z", "2025-01-02T10:00:00Z", 60);
	EXPECT_MIN(wit, "2025-01-02T07:00:00Z", "2025-01-02T10:00:00Z", 0);
	/* local stamps are read in the calendar's zone:
	 * 2025-01-02 = day 20090; 07:30 WITA = 20090*86400 + 27000 - 28800 */
	assert_true(T(wita, "2025-01-02 07:30") == 1735774200.0);
	assert_true(T(wib, "2025-01-02 07:30") == 1735774200.0 + 3600); /* UTC+7: 1 h later */
	assert_true(T(wit, "2025-01-02 07:30") == 1735774200.0 - 3600); /* UTC+9: 1 h earlier */
	/* 08:30 WITA is 07:30 WIB: opening time in Jakarta */
	assert_true(cal_is_working(wib, T(wib, "2025-01-02T08:30:00+08:00")));
	assert_false(cal_is_working(wib, T(wib, "2025-01-02T08:29:00+08:00")));
	assert_int_equal(cal_utc_offset(wita), 8 * 3600);
	assert_string_equal(cal_zone_label(wit), "WIT");
	expect_time(wita, 1735774200.0, "2025-01-02T07:30:00+08:00");
	expect_time(wib, 1735774200.0, "2025-01-02T06:30:00+07:00");
}

/* ---- add and deadline ------------------------------------------------- */

static void test_add(void **state)
{
	(void)state;
	expect_add(wib, "2025-01-02 10:00", 0, "2025-01-02T10:00:00+07:00");
	/* adding 0 to a closed time gives the same instant, not the opening */
	expect_add(wib, "2025-01-04 10:00", 0, "2025-01-04T10:00:00+07:00");
	/* work that ends at closing time ends at 16:00, not Fri 07:30 */
	expect_add(wib, "2025-01-02 13:00", 180, "2025-01-02T16:00:00+07:00");
	/* ... and at the start of the break, not at 13:00 */
	expect_add(wib, "2025-01-02 11:00", 60, "2025-01-02T12:00:00+07:00");
	expect_add(wib, "2025-01-02 11:00", 61, "2025-01-02T13:01:00+07:00");
	/* from Sat: Mon 07:30 + 450 = Mon 16:00 */
	expect_add(wib, "2025-01-04 10:00", 450, "2025-01-06T16:00:00+07:00");
	/* Fri 16:15 + 30: 15 on Fri, 15 on Mon */
	expect_add(wib, "2025-01-03 16:15", 30, "2025-01-06T07:45:00+07:00");
	/* over the Idul Fitri block: Thu 03-27 14:00 + 150 = Tue 04-08 09:00 */
	expect_add(wib, "2025-03-27 14:00", 150, "2025-04-08T09:00:00+07:00");
	/* 24x7: plain clock arithmetic */
	expect_add(all, "2025-01-04 10:00", 1440 * 3 + 1, "2025-01-07T10:01:00+07:00");
}

static void test_deadline_net(void **state)
{
	(void)state;
	/* 1 Hari = 450 min: Thu 10-12 (120) + 13-16 (180) = 300; Fri +150 = 10:00 */
	expect_deadline(wib, "2025-01-02 10:00", 1, 0, CAL_DAY_NET, "2025-01-03T10:00:00+07:00");
	/* Fri 16:15: 15 on Fri, Mon 07:30 + 435: 270 to 12:00, 165 from 13:00 = 15:45 */
	expect_deadline(wib, "2025-01-03 16:15", 1, 0, CAL_DAY_NET, "2025-01-06T15:45:00+07:00");
	/* from Sat: all of Mon, ending at its closing time */
	expect_deadline(wib, "2025-01-04 10:00", 1, 0, CAL_DAY_NET, "2025-01-06T16:00:00+07:00");
	/* Ramadan Mon 03-10 10:00: 120 + 150 = 270; Tue 08:00 + 180 = 11:00 */
	expect_deadline(wib, "2025-03-10 10:00", 1, 0, CAL_DAY_NET, "2025-03-11T11:00:00+07:00");
	/* 2 Hari 1 Jam = 960 min from Thu 15:30: 30 + 450 (Fri) + 450 (Mon) + 30 = Tue 08:00 */
	expect_deadline(wib, "2025-01-02 15:30", 2, 60, CAL_DAY_NET, "2025-01-07T08:00:00+07:00");
	/* Jam/Menit only */
	expect_deadline(wib, "2025-01-02 11:30", 0, 45, CAL_DAY_NET, "2025-01-02T13:15:00+07:00");
}

static void test_deadline_next_day(void **state)
{
	(void)state;
	expect_deadline(wib, "2025-01-02 10:00", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-01-03T10:00:00+07:00");
	/* Fri 16:15 -> Mon 16:15, but Monday closes 16:00: clamped */
	expect_deadline(wib, "2025-01-03 16:15", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-01-06T16:00:00+07:00");
	/* from Sat: counts from Mon 07:30, so Tue 07:30 (net gives Mon 16:00) */
	expect_deadline(wib, "2025-01-04 10:00", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-01-07T07:30:00+07:00");
	/* in the lunch break: counts from 13:00 */
	expect_deadline(wib, "2025-01-02 12:30", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-01-03T13:00:00+07:00");
	/* Ramadan Mon 10:00 -> Tue 10:00 (only 390 working minutes later) */
	expect_deadline(wib, "2025-03-10 10:00", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-03-11T10:00:00+07:00");
	/* Fri 02-28 16:00 (ordinary) -> Mon 03-03, a Ramadan day closing 15:00 */
	expect_deadline(wib, "2025-02-28 16:00", 1, 0, CAL_DAY_NEXT_DAY,
			"2025-03-03T15:00:00+07:00");
	/* 2 Hari 1 Jam from Thu 15:30: Fri, Mon -> Mon 15:30; + 60: 30 Mon, 30 Tue */
	expect_deadline(wib, "2025-01-02 15:30", 2, 60, CAL_DAY_NEXT_DAY,
			"2025-01-07T08:00:00+07:00");
	/* 5 Hari from Thu 03-27 10:00 (Ramadan) over the Idul Fitri block:
	 * working days after it: 04-08 Tue, 09, 10, 11, 14 -> Mon 04-14 10:00 */
	expect_deadline(wib, "2025-03-27 10:00", 5, 0, CAL_DAY_NEXT_DAY,
			"2025-04-14T10:00:00+07:00");
}

/* ---- add and between are inverse ---------------------------------------- */

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void check_inverse(const struct cal *c, int n)
{
	double first, end;
	cal_range(c, &first, &end);
	struct mutu_err e;
	mutu_err_clear(&e);
	for (int i = 0; i < n; i++) {
		/* whole seconds, so every sum below is exact in a double */
		double a = first + (double)(next_rand() % (uint64_t)(end - first - 90 * 86400));
		double w = (double)(next_rand() % (30 * 450 * 60));
		double r, back, b, r2, back2;
		assert_int_equal(cal_add(c, a, w, &r, &e), 0);
		assert_true(r >= a);
		assert_int_equal(cal_between(c, a, r, &back, &e), 0);
		if (back != w)
			fail_msg("%s: between(a, add(a, %g)) = %g", cal_name(c), w, back);
		/* the other way round: add(a, between(a, b)) has b's work and is
		 * the earliest such instant, so it is <= b and equals b when the
		 * second before b is working too (at an opening, 13:00, the
		 * earliest instant with the same work is the closing before, 12:00) */
		b = a + (double)(next_rand() % (20 * 86400));
		assert_int_equal(cal_between(c, a, b, &back, &e), 0);
		assert_int_equal(cal_add(c, a, back, &r2, &e), 0);
		assert_true(r2 <= b);
		assert_int_equal(cal_between(c, a, r2, &back2, &e), 0);
		assert_true(back2 == back);
		if (cal_is_working(c, b) && cal_is_working(c, b - 1) && back > 0)
			assert_true(r2 == b);
	}
}

static void test_inverse_property(void **state)
{
	(void)state;
	check_inverse(wib, 20000);
	check_inverse(wita, 5000);
	check_inverse(all, 5000);
}

static void test_earliest_instant(void **state)
{
	(void)state;
	/* Fri 20:00 has the same cumulative work as Fri 16:30 and as Sat and
	 * Mon 07:30; the earliest instant with that work is Fri 16:30 */
	double w = cal_work_at(wib, T(wib, "2025-01-04 12:00"));
	expect_time(wib, cal_instant_at(wib, w), "2025-01-03T16:30:00+07:00");
	assert_true(cal_work_at(wib, T(wib, "2025-01-06 07:30")) == w);
	double first, end;
	cal_range(wib, &first, &end);
	/* range: 2024-01-01 00:00 WIB .. 2027-01-01 00:00 WIB */
	assert_true(first == (double)(cal_days_from_civil(2024, 1, 1) * 86400 - 7 * 3600));
	assert_true(end == (double)(cal_days_from_civil(2027, 1, 1) * 86400 - 7 * 3600));
	assert_true(cal_work_at(wib, first) == 0);
	/* the whole range: 238 + 237 + 240 days minus Ramadan's shorter days;
	 * at least check it equals between(first, end) */
	double total;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(cal_between(wib, first, end, &total, &e), 0);
	assert_true(total == cal_work_at(wib, end));
}

/* ---- day counts (domain.md) ------------------------------------------ */

static void test_working_days_per_year(void **state)
{
	(void)state;
	/* domain.md: working days Mon-Fri net of LN, CB, LK: 238, 237, 240 */
	const int want[3] = {238, 237, 240};
	const struct cal *cals[3] = {wib, wita, wit};
	for (int k = 0; k < 3; k++)
		for (int y = 2024; y <= 2026; y++) {
			int n = 0;
			for (int64_t d = cal_days_from_civil(y, 1, 1);
			     d < cal_days_from_civil(y + 1, 1, 1); d++)
				n += cal_day_kind(cals[k], d, NULL) == 0;
			if (n != want[y - 2024])
				fail_msg("%s %d: %d working days, want %d", cal_name(cals[k]), y,
					 n, want[y - 2024]);
		}
}

/* ---- errors --------------------------------------------------------------- */

static void test_range_errors(void **state)
{
	(void)state;
	struct mutu_err e;
	double t, r;
	mutu_err_clear(&e);
	assert_int_equal(cal_parse_time(wita, "2023-12-31", &t, NULL, &e), MUTU_ERANGE);
	assert_non_null(strstr(e.msg, "2023-12-31"));
	assert_non_null(strstr(e.msg, "id-wita (2024-2026)"));
	mutu_err_clear(&e);
	assert_int_equal(cal_parse_time(wib, "2027-01-01 00:00:01", &t, NULL, &e), MUTU_ERANGE);
	/* between with an instant outside the range */
	mutu_err_clear(&e);
	assert_int_equal(cal_between(wib, T(wib, "2025-01-02 10:00"),
				     (double)cal_days_from_civil(2030, 1, 1) * 86400, &r, &e),
			 MUTU_ERANGE);
	assert_non_null(strstr(e.msg, "2030-01-01"));
	/* adding past the last working second of 2026: Thu 12-31 15:00 has
	 * 60 min left (12-24 CB, 12-25 LN before it), so 61 min fails */
	mutu_err_clear(&e);
	assert_int_equal(cal_add(wib, T(wib, "2026-12-31 15:00"), 60 * 60, &r, &e), 0);
	expect_time(wib, r, "2026-12-31T16:00:00+07:00");
	assert_int_equal(cal_add(wib, T(wib, "2026-12-31 15:00"), 61 * 60, &r, &e), MUTU_ERANGE);
	assert_non_null(strstr(e.msg, "id-wib"));
	struct dur d = dur_zero();
	d.days = 1;
	mutu_err_clear(&e);
	assert_int_equal(cal_deadline(wib, T(wib, "2026-12-31 10:00"), d, CAL_DAY_NEXT_DAY, &r, &e),
			 MUTU_ERANGE);
	mutu_err_clear(&e);
	assert_int_equal(cal_add(wib, T(wib, "2025-01-02 10:00"), -60, &r, &e), MUTU_EINPUT);
}

static void expect_parse(const char *s, int def, double want, int want_off)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	double t;
	int off;
	if (cal_parse_iso(s, def, &t, &off, &e))
		fail_msg("cal_parse_iso(%s): %s", s, e.msg);
	if (t != want || off != want_off)
		fail_msg("%s: got %.3f (offset %d), want %.3f (%d)", s, t, off, want, want_off);
}

static void expect_bad(const char *s, const char *part)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	double t;
	assert_int_equal(cal_parse_iso(s, 0, &t, NULL, &e), MUTU_EINPUT);
	if (!strstr(e.msg, s) || (part && !strstr(e.msg, part)))
		fail_msg("%s: message \"%s\" lacks the text or \"%s\"", s, e.msg, part ? part : "");
}

static void test_parse(void **state)
{
	(void)state;
	/* 2025-01-02 07:30 +08:00 = 2025-01-01 23:30Z = 20090*86400 - 1800 */
	const double t0 = 1735774200.0;
	expect_parse("2025-01-02T07:30:00+08:00", 0, t0, 28800);
	expect_parse("2025-01-02 07:30:00.123+0800", 0, t0 + 0.123, 28800);
	expect_parse("2025-01-01T23:30:00Z", 28800, t0, 0);
	expect_parse("2025-01-01T23:30Z", 28800, t0, 0);
	expect_parse("2025-01-02T07:30+08", 0, t0, 28800);
	expect_parse("2025-01-02 07:30:00 +08:00", 0, t0, 28800);
	expect_parse("2025-01-02 07:30", 28800, t0, 28800);   /* local, default offset */
	expect_parse("2025-01-02", 28800, t0 - 27000, 28800); /* date only = 00:00 */
	expect_parse("1970-01-01T00:00:00Z", 3600, 0, 0);
	expect_parse("2024-02-29", 0, (double)cal_days_from_civil(2024, 2, 29) * 86400, 0);
	expect_parse("2025-01-02T06:30:00-01:00", 0, t0 + 8 * 3600, -3600); /* 07:30Z */
	expect_bad("2025-02-30", "February 2025 has 28 days");
	expect_bad("2025-02-29", "28 days");
	expect_bad("2100-02-29", "28 days");
	expect_bad("2025-13-01", "month 13");
	expect_bad("2025-01-02 25:00", "hour 25");
	expect_bad("2025-01-02 07:60", "minute 60");
	expect_bad("2025-01-02T07:30+15:00", "offset");
	expect_bad("garbage", NULL);
	expect_bad("2025-1-2", NULL);
	expect_bad("2025-01-02 07:30 tomorrow", "tomorrow");
	expect_bad("", NULL);
}

static void test_civil_and_format(void **state)
{
	(void)state;
	assert_int_equal(cal_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cal_days_from_civil(2000, 3, 1), 10957 + 31 + 29); /* 2000-01-01 = 10957 */
	assert_int_equal(cal_days_from_civil(1969, 12, 31), -1);
	for (int64_t z = -800000; z < 800000; z += 37) {
		int y, m, d;
		cal_civil_from_days(z, &y, &m, &d);
		assert_true(d >= 1 && d <= cal_days_in_month(y, m));
		assert_int_equal(cal_days_from_civil(y, m, d), z);
	}
	char buf[64];
	cal_format_iso(1735774200.0, 28800, buf, sizeof buf);
	assert_string_equal(buf, "2025-01-02T07:30:00+08:00");
	cal_format_iso(1735774200.4, 0, buf, sizeof buf);
	assert_string_equal(buf, "2025-01-01T23:30:00+00:00");
	cal_format_iso(1735774199.6, 0, buf, sizeof buf); /* rounded to the second */
	assert_string_equal(buf, "2025-01-01T23:30:00+00:00");
	cal_format_iso(0, -(3 * 3600 + 1800), buf, sizeof buf);
	assert_string_equal(buf, "1969-12-31T20:30:00-03:30");
	assert_int_equal(cal_format_iso(0, 0, buf, 5), 25); /* snprintf-style length */
	assert_string_equal(buf, "1970");
	/* the digit-by-digit path (4-digit years, offsets below 100 h) at its
	 * edges: 999-12-31T23:59:59Z is 30,610,224,001 s before the epoch
	 * (1000-01-01 is day -354,285: 354,285 x 86,400 s), and 2130-06-30
	 * 18:15 UTC at +05:45 is local midnight of 1 July */
	assert_int_equal(cal_format_iso(-30610224001.0, 0, buf, sizeof buf), 25);
	assert_string_equal(buf, "0999-12-31T23:59:59+00:00");
	cal_format_iso(5064747300.0, 5 * 3600 + 2700, buf, sizeof buf);
	assert_string_equal(buf, "2130-07-01T00:00:00+05:45");
	assert_int_equal(cal_format_iso(0, 0, buf, 26), 25); /* room for exactly 25 + NUL */
	assert_string_equal(buf, "1970-01-01T00:00:00+00:00");
	cal_format_iso(0, 0, buf, 25); /* one short: cut as snprintf cuts */
	assert_string_equal(buf, "1970-01-01T00:00:00+00:0");
}

/* ---- loading: files written on the fly ------------------------------------ */

static char tmpdir[256];

static void write_file(const char *name, const char *text)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int load_tmp(const char *ini_text, struct cal **out, struct mutu_err *e)
{
	write_file("t.ini", ini_text);
	char p[512];
	snprintf(p, sizeof p, "%s/t.ini", tmpdir);
	mutu_err_clear(e);
	return cal_load(p, NULL, out, e);
}

static void expect_load_error(const char *ini_text, const char *part)
{
	struct cal *c = NULL;
	struct mutu_err e;
	int rc = load_tmp(ini_text, &c, &e);
	cal_free(c);
	if (rc == 0)
		fail_msg("loaded, expected an error with \"%s\"", part);
	if (!strstr(e.msg, part))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, part);
}

#define HEAD "[calendar]\nutc_offset = +08:00\nyears = 2025-2025\n"
#define WEEK "[hours]\nmon = 07:30-12:00, 13:00-16:00\ntue = 07:30-12:00, 13:00-16:00\n" \
	     "wed = 07:30-12:00, 13:00-16:00\nthu = 07:30-12:00, 13:00-16:00\n"          \
	     "fri = 07:30-11:30, 13:00-16:30\n"

static void test_load_errors(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/mutu-test-cal-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	write_file("h.csv", "date,type,name\n2025-01-01,LN,Tahun Baru\n2025-02-30,LN,Bad\n");
	write_file("h2.csv", "date,type,name\n2025-01-01,XX,Tahun Baru\n");
	write_file("ok.csv", "# comment\ndate,type,name\n2025-01-01,LN,Tahun Baru\n");
	write_file("local.csv", "# my closures\ndate,type,name\n"
				"2025-01-06,LD,\"Hari Jadi, Kota\"\n2025-01-01,HK,moved\n");

	char path[300];
	snprintf(path, sizeof path, "%s/t.ini", tmpdir);
	expect_load_error("[calendar]\nutc_offset = +7 hours\n", "t.ini:2: utc_offset = +7 hours");
	expect_load_error(HEAD "day_minutes = lots\n" WEEK, "t.ini:4: day_minutes = lots");
	expect_load_error(HEAD "day_reading = weekly\n" WEEK, "t.ini:4: day_reading = weekly");
	expect_load_error(HEAD "colour = red\n" WEEK, "t.ini:4: unknown key 'colour'");
	expect_load_error(HEAD "[hours]\nmon = 07:30-12:00, 11:00-16:00\n", "t.ini:5: mon = ");
	expect_load_error(HEAD "[hours]\nmon = 7.30 to 12\n", "t.ini:5: mon = 7.30 to 12");
	expect_load_error(HEAD "[hours]\nfunday = 08:00-09:00\n", "t.ini:5: unknown key 'funday'");
	expect_load_error(HEAD "[breaks]\nmon = 12:00-13:00\n", "t.ini:5: unknown section [breaks]");
	expect_load_error(HEAD, "no [hours] section");
	expect_load_error("[calendar]\nutc_offset = +08:00\n" WEEK, "needs years");
	expect_load_error(HEAD "holidays = h.csv\n" WEEK, "h.csv:3: date \"2025-02-30\"");
	expect_load_error(HEAD "holidays = h2.csv\n" WEEK, "h2.csv:2: type \"XX\"");
	expect_load_error(HEAD "holidays = none.csv\n" WEEK, "t.ini:4: holidays = none.csv");
	expect_load_error(HEAD "local = none.csv\n" WEEK, "t.ini:4: local = none.csv");
	/* holiday lists that do not cover every year are refused */
	expect_load_error("[calendar]\nutc_offset = +08:00\nyears = 2025-2026\nholidays = ok.csv\n" WEEK,
			  "t.ini:3: years = 2025-2026, but the holiday lists name no holiday in 2026");
	expect_load_error(HEAD WEEK "[hours ramadan]\nmon = 08:00-15:00\n", "needs periods");

	/* a good one, with a local file: LD closes Mon 01-06, HK reopens 01-01 */
	struct cal *c = NULL;
	struct mutu_err e;
	assert_int_equal(load_tmp(HEAD "holidays = ok.csv\nlocal = local.csv\n" WEEK, &c, &e), 0);
	assert_string_equal(cal_name(c), "t");
	assert_string_equal(cal_zone_label(c), "+08:00");
	const char *name;
	assert_int_equal(cal_day_kind(c, cal_days_from_civil(2025, 1, 6), &name), 4);
	assert_string_equal(name, "Hari Jadi, Kota");
	assert_int_equal(cal_day_kind(c, cal_days_from_civil(2025, 1, 1), NULL), 0);
	EXPECT_MIN(c, "2025-01-06 00:00", "2025-01-07 00:00", 0);
	EXPECT_MIN(c, "2025-01-01 00:00", "2025-01-02 00:00", 450);
	cal_free(c);

	/* not found: names the folder's calendars */
	c = NULL;
	mutu_err_clear(&e);
	assert_int_equal(cal_load("id-nowhere", DIR, &c, &e), MUTU_ENOTFOUND);
	assert_null(c);
	assert_non_null(strstr(e.msg, "id-wita"));

	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
}

static void test_24x7(void **state)
{
	(void)state;
	struct cal *c = cal_create_24x7(8 * 3600);
	double first, end;
	cal_range(c, &first, &end);
	assert_true(first == -8 * 3600.0); /* 1970-01-01 00:00 +08:00 */
	assert_true(end == (double)cal_days_from_civil(2200, 1, 1) * 86400 - 8 * 3600);
	EXPECT_MIN(c, "2025-01-04 10:00", "2025-01-06 10:00", 2 * 1440);
	EXPECT_MIN(c, "2199-12-31 00:00", "2199-12-31 23:59", 1439);
	assert_int_equal(cal_day_minutes(c), 1440);
	/* every day worked whole: the simulator may skip the conversion */
	assert_int_equal(cal_always_open(c), 1);
	cal_free(c);
	/* the shipped file agrees */
	assert_string_equal(cal_name(all), "24x7");
	EXPECT_MIN(all, "1970-01-01 07:00", "2025-01-01T00:00:00Z",
		   (double)cal_days_from_civil(2025, 1, 1) * 1440);
	assert_int_equal(cal_day_minutes(wib), 450);
	assert_int_equal(cal_reading(wib), CAL_DAY_NET);
	/* the shipped 24x7 file is always open; an office calendar (nights,
	 * weekends, holidays) is not */
	assert_int_equal(cal_always_open(all), 1);
	assert_int_equal(cal_always_open(wib), 0);
	assert_int_equal(cal_always_open(wita), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ordinary_days),
		cmocka_unit_test(test_weekend),
		cmocka_unit_test(test_lunch_break),
		cmocka_unit_test(test_friday_hours),
		cmocka_unit_test(test_holidays_and_cuti_bersama),
		cmocka_unit_test(test_ramadan_hours),
		cmocka_unit_test(test_year_boundary),
		cmocka_unit_test(test_time_zones),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_deadline_net),
		cmocka_unit_test(test_deadline_next_day),
		cmocka_unit_test(test_inverse_property),
		cmocka_unit_test(test_earliest_instant),
		cmocka_unit_test(test_working_days_per_year),
		cmocka_unit_test(test_range_errors),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_civil_and_format),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_24x7),
	};
	return cmocka_run_group_tests_name("cal", tests, setup, teardown);
}
