/*
 * test_dur.c - durations: every Waktu form in the seeds, sums, formatting
 * and the errors for tokens that are not durations.  Expected values are
 * the tables' own text read by hand (1 Jam = 60 Menit; Minggu = 5 Hari).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

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
	expect_error("4 Hari 1 Jm", "\"Jm\"");
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
	assert_string_equal(buf, "-1 Jam 15 Menit");
	assert_int_equal(dur_to_minutes(P("4 Hari 1 Jam 13 Menit"), 450), 1873);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_forms),
		cmocka_unit_test(test_field_forms),
		cmocka_unit_test(test_bad_tokens),
		cmocka_unit_test(test_sum_keeps_days),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests_name("dur", tests, NULL, NULL);
}
