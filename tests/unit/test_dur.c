/*
 * test_dur.c - durations: every Waktu form in the seeds, sums, formatting
 * and the errors for tokens that are not durations.  Expected values are
 * the tables' own text read by hand (1 Jam = 60 Menit; Minggu = 5 Hari).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/cal.h"
#include "mutu/dur.h"

static struct dur P(const char *s)
{
	struct dur d;
	struct mutu_err e;
	mutu_err_clear(&e);
	int rc = dur_parse(s, &d, &e);
	if (rc)
		fail_msg("dur_parse(\"%s\"): %s", s, e.msg);
	return d;
}

static void expect(const char *s, int64_t days, int64_t minutes, int rounded)
{
	struct dur d = P(s);
	if (d.days != days || d.minutes != minutes || d.rounded_days != rounded)
		fail_msg("\"%s\": got %lld days %lld min (%d), want %lld days %lld min (%d)", s,
			 (long long)d.days, (long long)d.minutes, d.rounded_days,
			 (long long)days, (long long)minutes, rounded);
}

static void test_seed_forms(void **state)
{
	(void)state;
	/* every Waktu cell that occurs in ../shared/seeds */
	expect("30 Menit", 0, 30, -1);
	expect("10 Menit", 0, 10, -1);
	expect("10 menit", 0, 10, -1);
	expect("5 Menit", 0, 5, -1);
	expect("3 Menit", 0, 3, -1);
	expect("15 Menit", 0, 15, -1);
	expect("4 Hari", 4, 0, -1);
	expect("6 Hari", 6, 0, -1);
	expect("3 hari", 3, 0, -1);
	expect("30 menit", 0, 30, -1);
	expect("4 Hari 1 Jam 13 Menit (5 Hari)", 4, 73, 5);
}

static void test_field_forms(void **state)
{
	(void)state;
	expect("15 mnt", 0, 15, -1);
	expect("1 Jam", 0, 60, -1);
	expect("1 jam 30 menit", 0, 90, -1);
	expect("4 Hari 1 Jam 13 Menit", 4, 73, -1);
	expect("2 Minggu", 10, 0, -1); /* working weeks: 5 hari kerja each */
	expect("1 pekan", 5, 0, -1);
	expect("14 hari kerja", 14, 0, -1);
	expect("5 HK", 5, 0, -1);
	expect("2 Jam dan 15 Menit", 0, 135, -1);
	expect("1,5 Jam", 0, 90, -1);
	expect("  30\xC2\xA0Menit ", 0, 30, -1); /* no-break space from Word */
	expect("30Menit", 0, 30, -1);
	/* English */
	expect("45 min", 0, 45, -1);
	expect("1 minute", 0, 1, -1);
	expect("20 minutes", 0, 20, -1);
	expect("2 hours", 0, 120, -1);
	expect("1 hour", 0, 60, -1);
	expect("3 h", 0, 180, -1);
	expect("1 day", 1, 0, -1);
	expect("3 days", 3, 0, -1);
	expect("1 week", 5, 0, -1);
	expect("2 weeks", 10, 0, -1);
	expect("2 days, 3 hours and 4 minutes", 2, 184, -1);
}

static void expect_error(const char *s, const char *quoted)
{
	struct dur d = {7, 7, 7};
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(dur_parse(s, &d, &e), MUTU_EINPUT);
	if (!strstr(e.msg, quoted))
		fail_msg("error for \"%s\" should quote \"%s\": %s", s, quoted, e.msg);
	/* *out unchanged on error */
	assert_int_equal(d.days, 7);
	assert_int_equal(d.minutes, 7);
}

static void test_bad_tokens(void **state)
{
	(void)state;
	expect_error("30 Mnitt", "\"Mnitt\"");
	expect_error("Menit", "\"Menit\"");
	expect_error("", "empty");
	expect_error("-", "\"-\"");
	expect_error("4 Hari 1 Jn", "\"Jn\""); /* "Jm" is jam since the fourth field round (test_dur_field) */
	expect_error("30", "\"30\"");
	expect_error("0,5 Hari", "\"0,5 Hari\"");
	expect_error("1 Hari (5 Hari", "(");
	expect_error("1 Hari (2 Jam)", "whole working days");
	expect_error("4 Hari x", "\"x\"");
}

static void test_sum_keeps_days(void **state)
{
	(void)state;
	/* the Banjarbaru table (seed 001): 30+10+10+4 Hari+10+5+5+5+3 Menit */
	const char *col[] = {"30 Menit", "10 Menit", "10 Menit", "4 Hari", "10 menit",
			     "5 Menit", "5 Menit", "5 Menit", "3 Menit"};
	struct dur s = dur_zero();
	for (size_t i = 0; i < sizeof col / sizeof col[0]; i++)
		s = dur_add(s, P(col[i]));
	assert_int_equal(s.days, 4);
	assert_int_equal(s.minutes, 78); /* 1 Jam 18 Menit, never folded into Hari */
	assert_int_equal(s.rounded_days, -1);
	char buf[64];
	dur_format(s, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "4 Hari 1 Jam 18 Menit");

	/* minutes carry into Jam, but 26 Jam stay Jam */
	struct dur h = dur_add(P("20 Jam"), P("6 Jam 45 Menit"));
	dur_format(h, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "26 Jam 45 Menit");
}

static void test_format(void **state)
{
	(void)state;
	char buf[64];
	dur_format(P("4 Hari 1 Jam 13 Menit (5 Hari)"), DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "4 Hari 1 Jam 13 Menit (5 Hari)");
	dur_format(dur_zero(), DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "0 Menit");
	dur_format(P("90 Menit"), DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "1 Jam 30 Menit");
	dur_format(P("2 Hari"), DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "2 Hari");
	dur_format(P("1 Hari 1 Jam 1 Menit"), DUR_EN, buf, sizeof buf);
	assert_string_equal(buf, "1 day 1 hour 1 minute");
	dur_format(P("2 Hari 2 Jam 2 Menit (3 Hari)"), DUR_EN, buf, sizeof buf);
	assert_string_equal(buf, "2 days 2 hours 2 minutes (3 days)");
	/* truncation is snprintf-like: length needed is returned */
	char small[6];
	size_t need = dur_format(P("4 Hari 1 Jam"), DUR_ID, small, sizeof small);
	assert_int_equal(need, strlen("4 Hari 1 Jam"));
	assert_string_equal(small, "4 Har");
	/* minutes -> days at 450 per day (7.5 h): 1873 = 4*450 + 73 */
	dur_format_minutes(1873, 450, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "4 Hari 1 Jam 13 Menit");
	dur_format_minutes(-75, 450, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "minus 1 Jam 15 Menit");
	/* -720 at 450 a day = -(450 + 270) = -(1 Hari 4 Jam 30 Menit): the
	 * sign is a word over the whole; "-1 Hari 4 Jam 30 Menit" read as
	 * -1 Hari + 4 Jam 30 Menit = -180 */
	dur_format_minutes(-720, 450, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "minus 1 Hari 4 Jam 30 Menit");
	dur_format_minutes(-720, 450, DUR_EN, buf, sizeof buf);
	assert_string_equal(buf, "minus 1 day 4 hours 30 minutes");
	/* a negative with a rounded ceiling: the ceiling stays after it */
	struct dur r = {-1, 0, 2};
	dur_format(r, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "minus 1 Hari (2 Hari)");
	assert_int_equal(dur_to_minutes(P("4 Hari 1 Jam 13 Menit"), 450), 1873);
}

/* Expect an over-limit error (MUTU_ERANGE) whose message names the value
 * and the limit. */
static void expect_limit(const char *s, const char *value, const char *limit)
{
	struct dur d = {7, 7, 7};
	struct mutu_err e;
	mutu_err_clear(&e);
	int rc = dur_parse(s, &d, &e);
	if (rc != MUTU_ERANGE)
		fail_msg("\"%s\": want MUTU_ERANGE, got %d (%s)", s, rc, e.msg);
	if (!strstr(e.msg, value) || !strstr(e.msg, limit))
		fail_msg("error for \"%s\" should name \"%s\" and \"%s\": %s", s, value, limit, e.msg);
	assert_int_equal(d.days, 7);
}

static void test_limit(void **state)
{
	(void)state;
	/* the limit itself is accepted: 36500 Hari = 100 * 365; weeks are 5
	 * Hari so 7300 Minggu = 36500 Hari; 876000 Jam = 52,560,000 Menit =
	 * 36500 * 1440 */
	expect("36500 Hari", 36500, 0, -1);
	expect("7300 Minggu", 36500, 0, -1);
	expect("876000 Jam", 0, 52560000, -1);
	expect("52560000 Menit", 0, 52560000, -1);
	expect("1 Hari (36500 Hari)", 1, 0, 36500);
	/* one above, in each unit */
	expect_limit("36501 Hari", "\"36501 Hari\"", "36500 Hari");
	expect_limit("7301 Minggu", "\"7301 Minggu\"", "7300 Minggu");
	expect_limit("876001 Jam", "\"876001 Jam\"", "876000 Jam");
	expect_limit("876000,5 Jam", "\"876000,5 Jam\"", "876000 Jam");
	expect_limit("52560001 Menit", "\"52560001 Menit\"", "52560000 Menit");
	/* the repro cases: 20 digits wrap int64 (2^63 = 9.2e18); 2^64 wrapped
	 * the ceiling to 0 */
	expect_limit("99999999999999999999 Hari", "\"99999999999999999999 Hari\"", "36500 Hari");
	expect_limit("2 Hari (18446744073709551616 Hari)", "\"18446744073709551616 Hari\"",
		     "36500 Hari");
	/* each part below the limit, the sum above */
	expect_limit("36500 Hari 1 Hari", "36501", "36500 Hari");
	expect_limit("876000 Jam 1 Menit", "52560000 Menit", "\"876000 Jam 1 Menit\"");
	/* a very long number is quoted cut, not whole */
	char big[400];
	memset(big, '9', 300);
	strcpy(big + 300, " Menit");
	struct dur d;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(dur_parse(big, &d, &e), MUTU_ERANGE);
	assert_true(strstr(e.msg, "52560000 Menit") != NULL);
	assert_true(strstr(e.msg, "...") != NULL);
}

static void test_exact_fractions(void **state)
{
	(void)state;
	/* 1,5 Jam = 90; 0,25 Jam = 15; 0,05 Jam = 3; 1,50 Jam: trailing zero */
	expect("1,5 Jam", 0, 90, -1);
	expect("0,25 Jam", 0, 15, -1);
	expect("0.05 jam", 0, 3, -1);
	expect("1,50 Jam", 0, 90, -1);
	expect("2,000000 Menit", 0, 2, -1);
	/* two halves of a minute make one: the total is what must be whole */
	expect("0,5 Menit 0,5 Menit", 0, 1, -1);
	/* more than two significant decimals: refused, never rounded to 1 */
	expect_error("1.0000000000001 Menit", "13 decimals");
	expect_error("0,125 Jam", "3 decimals");
	/* 0,01 Jam = 0.6 Menit; 1,5 Menit: not whole minutes */
	expect_error("0,01 Jam", "not a whole number of minutes");
	expect_error("1,5 Menit", "not a whole number of minutes");
}

static void test_format_extremes(void **state)
{
	(void)state;
	char buf[128];
	/* INT64_MIN recursed forever before; its magnitude is 2^63 */
	struct dur m = {INT64_MIN, 0, -1};
	dur_format(m, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "minus 9223372036854775808 Hari");
	/* -61 minutes: one "minus", then 1 Jam 1 Menit */
	struct dur g = {0, -61, -1};
	dur_format(g, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "minus 1 Jam 1 Menit");
	/* truncation still reports the full length: "minus 2 Hari" is 12 */
	char small[3];
	struct dur n2 = {-2, 0, -1};
	assert_int_equal(dur_format(n2, DUR_ID, small, sizeof small), 12);
	assert_string_equal(small, "mi");
	/* 1e20 minutes (above 2^62) cannot be cast to int64: printed as a number */
	dur_format_minutes(1e20, 450, DUR_ID, buf, sizeof buf);
	assert_string_equal(buf, "100000000000000000000 Menit");
}

static void test_check_and_saturation(void **state)
{
	(void)state;
	struct mutu_err e;
	mutu_err_clear(&e);
	struct dur ok = {DUR_MAX_DAYS, DUR_MAX_MINUTES, DUR_MAX_DAYS};
	assert_int_equal(dur_check(ok, "x", &e), 0);
	struct dur over = {DUR_MAX_DAYS + 1, 0, -1};
	assert_int_equal(dur_check(over, "the total", &e), MUTU_ERANGE);
	assert_true(strstr(e.msg, "the total: 36501 Hari") != NULL);
	assert_true(strstr(e.msg, "36500 Hari") != NULL);
	mutu_err_clear(&e);
	struct dur neg = {0, -1, -1};
	assert_int_equal(dur_check(neg, NULL, &e), MUTU_EINPUT);
	/* sums and conversions hold at the int64 bounds instead of wrapping */
	struct dur huge = {INT64_MAX, INT64_MAX, -1};
	struct dur s = dur_add(huge, huge);
	assert_true(s.days == INT64_MAX && s.minutes == INT64_MAX);
	assert_true(dur_to_minutes(huge, 450) == INT64_MAX);
	struct dur low = {INT64_MIN, 0, -1};
	assert_true(dur_to_minutes(low, 450) == INT64_MIN);
	/* the largest duration in range converts exactly:
	 * 36500 * 1440 + 52560000 = 105,120,000 */
	assert_int_equal(dur_to_minutes(ok, 1440), 105120000);
}

/* cal_deadline takes a struct dur from anywhere (not only dur_parse): a
 * day count near INT64_MAX made "working day k + days" wrap (signed
 * overflow) under the next-day reading.  It is refused by range now. */
static void test_deadline_range(void **state)
{
	(void)state;
	struct cal *c = cal_create_24x7(8 * 3600);
	double t = 1743055200.0; /* 2025-03-27T14:00:00+08:00 */
	double r;
	struct mutu_err e;
	struct dur huge = {INT64_MAX, 0, -1};
	mutu_err_clear(&e);
	assert_int_equal(cal_deadline(c, t, huge, CAL_DAY_NEXT_DAY, &r, &e), MUTU_ERANGE);
	assert_true(strstr(e.msg, "36500 Hari") != NULL);
	mutu_err_clear(&e);
	assert_int_equal(cal_deadline(c, t, huge, CAL_DAY_NET, &r, &e), MUTU_ERANGE);
	/* inside the range it works: on 24x7 one Hari is 1440 minutes, so
	 * 2 Hari next-day is exactly 2 * 86400 s later */
	struct dur two = {2, 0, -1};
	mutu_err_clear(&e);
	assert_int_equal(cal_deadline(c, t, two, CAL_DAY_NEXT_DAY, &r, &e), 0);
	assert_true(r == t + 2 * 86400.0);
	cal_free(c);
}

/* dur_json_text: the "<name>_text" of every JSON document.  Worked by
 * hand at a 450-minute (7,5 h) working day: 1157.5 min rounds to 1158 =
 * 2 x 450 + 258 = 2 Hari 4 Jam 18 Menit; 1440 min of wall clock at 1440 a
 * day is 1 Hari; -90 is minus 1 Jam 30 Menit; NaN (no value) is JSON null. */
static void test_json_text(void **state)
{
	(void)state;
	struct mutu_buf b;
	mutu_buf_init(&b);
	dur_json_text(&b, 1157.5, 450, DUR_ID);
	mutu_buf_putc(&b, ' ');
	dur_json_text(&b, 1440, 1440, DUR_ID);
	mutu_buf_putc(&b, ' ');
	dur_json_text(&b, -90, 450, DUR_ID);
	mutu_buf_putc(&b, ' ');
	dur_json_text(&b, NAN, 450, DUR_ID);
	mutu_buf_putc(&b, ' ');
	dur_json_text(&b, 1440, 450, DUR_EN);
	assert_string_equal(b.s, "\"2 Hari 4 Jam 18 Menit\" \"1 Hari\" \"minus 1 Jam 30 Menit\" null "
				 "\"3 days 1 hour 30 minutes\"");
	mutu_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_forms),
		cmocka_unit_test(test_field_forms),
		cmocka_unit_test(test_bad_tokens),
		cmocka_unit_test(test_sum_keeps_days),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_exact_fractions),
		cmocka_unit_test(test_format_extremes),
		cmocka_unit_test(test_check_and_saturation),
		cmocka_unit_test(test_deadline_range),
		cmocka_unit_test(test_json_text),
	};
	return cmocka_run_group_tests_name("dur", tests, NULL, NULL);
}
