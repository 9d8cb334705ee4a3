/*
 * test_iso.c - the one ISO 8601 reader (cal_iso_scan) through its two
 * callers: cal_parse_iso (people's input: strict, reasons) and
 * elog_parse_time (log stamps: wider syntax, integer milliseconds, 24:00
 * and :60 read).  Expected instants worked by hand: 2025-01-01 is day
 * 20089 after 1970-01-01 (55 years, 14 of them leap: 55*365+14), so its
 * midnight UTC is 20089 * 86400 = 1735689600.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "mutu/cal.h"
#include "mutu/elog.h"

#define JAN1 1735689600.0 /* 2025-01-01T00:00:00Z */

static void cal_ok(const char *text, double want, int want_off)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	double t = 0;
	int off = -1;
	assert_int_equal(cal_parse_iso(text, 0, &t, &off, &err), 0);
	assert_true(t == want);
	assert_int_equal(off, want_off);
}

static void cal_bad(const char *text, const char *reason)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	double t = 0;
	assert_int_equal(cal_parse_iso(text, 0, &t, NULL, &err), MUTU_EINPUT);
	if (!strstr(err.msg, reason))
		fail_msg("'%s': got \"%s\", want \"%s\"", text, err.msg, reason);
}

static void test_cal_strict(void **state)
{
	(void)state;
	/* 2025-01-02 07:30 at +08:00 is 23:30 UTC the day before */
	cal_ok("2025-01-02T07:30:00+08:00", JAN1 + 23.5 * 3600, 8 * 3600);
	cal_ok("2025-01-02 07:30 +07:00", JAN1 + 86400 + 0.5 * 3600, 7 * 3600); /* one blank before it */
	cal_ok("2025-01-01T10:00:00.25Z", JAN1 + 10 * 3600 + 0.25, 0);
	cal_ok("  2025-01-01  ", JAN1, 0); /* blanks around a date */
	cal_ok("2025-01-01t10:00-0330", JAN1 + 13.5 * 3600, -(3 * 3600 + 1800));
	/* the reasons, in the order a reader fixes them */
	cal_bad("2025/01/02", "4-digit year and '-'");          /* a log's slash: not for people */
	cal_bad("20250102", "4-digit year and '-'");            /* nor the basic format */
	cal_bad("2025-01-02  07:30", "unexpected \"07:30\""); /* two blanks: not a time (blanks skipped before the rest is quoted) */
	cal_bad("2025-13-01T25:00", "month 13 does not exist"); /* the date before the time */
	cal_bad("2025-02-29", "February 2025 has 28 days, not 29");
	cal_bad("2025-02-30T1x", "February 2025 has 28 days");  /* range before a later syntax slip */
	cal_bad("2025-01-01T1x", "the time must read HH:MM");
	cal_bad("2025-01-01T25:61", "hour 25 is not a clock time");
	cal_bad("2025-01-01T10:00:60", "second 60 is a leap second");
	cal_bad("2025-01-01T10:00:5", "the seconds must have 2 digits");
	cal_bad("2025-01-01T10:00:00.", "a decimal point must be followed by digits");
	cal_bad("2025-01-01T25:00+9", "hour 25");               /* the clock before the offset */
	cal_bad("2025-01-01T10:00+9", "the offset must read +HH:MM, +HHMM or +HH");
	cal_bad("2025-01-01T10:00+09:5", "the offset must read +HH:MM");
	cal_bad("2025-01-01T10:00+15:00", "offset +15:00 does not exist");
	cal_bad("2025-01-01Z", "unexpected \"Z\"");
}

static int64_t log_ms(const char *text, int default_off, int want_rc, int *leap)
{
	int64_t ms = 0;
	int off = 0;
	assert_int_equal(elog_parse_time_ex(text, strlen(text), NULL, default_off, &ms, &off, leap),
			 want_rc);
	return ms;
}

static void test_log_wide(void **state)
{
	(void)state;
	const int64_t jan1 = (int64_t)JAN1 * 1000;
	int leap = 0;
	/* local stamps at the default zone (+07:00, minutes east) */
	assert_true(log_ms("2025/01/01 10:00", 420, 0, NULL) == jan1 + 3 * 3600000);
	assert_true(log_ms("2025-01-01   10:00   +07:00", ELOG_NO_ZONE, 0, NULL) == jan1 + 3 * 3600000);
	/* basic format, a fraction cut (not rounded) to milliseconds */
	assert_true(log_ms("20250101T100000.7889+0800", ELOG_NO_ZONE, 0, NULL) ==
		    jan1 + 2 * 3600000 + 788);
	assert_true(log_ms("20250101", 0, 0, NULL) == jan1);
	/* 24:00 is the end of the day; :60 is read as :59 and said so */
	assert_true(log_ms("2025-01-01T24:00:00Z", 0, 0, NULL) == jan1 + 86400000);
	assert_true(log_ms("2025-01-01T10:00:60Z", 0, 0, &leap) == jan1 + 36059000);
	assert_int_equal(leap, 1);
	/* offsets in use: -12:00 .. +14:00 */
	assert_true(log_ms("2025-01-01T10:00+14:00", 0, 0, NULL) == jan1 - 4 * 3600000);
	log_ms("2025-01-01T10:00-12:30", 0, ELOG_TS_BAD, NULL);
	/* refused: mixed basic and extended, a date with an offset and no
	 * time, one separator of each kind, 24:01 */
	log_ms("20250101T10:00", 0, ELOG_TS_BAD, NULL);
	log_ms("2025-01-01Z", 0, ELOG_TS_BAD, NULL);
	log_ms("2025-01/01", 0, ELOG_TS_BAD, NULL);
	log_ms("2025-01-01T24:01", 0, ELOG_TS_BAD, NULL);
	log_ms("2025-01-01 10:00", ELOG_NO_ZONE, ELOG_TS_NOZONE, NULL);
}

/* The scanner alone: where it stops and what it saw. */
static void test_scan(void **state)
{
	(void)state;
	struct cal_iso o;
	const char *t = "2025-05-05T10:00:00,5+0730 rest";
	assert_int_equal(cal_iso_scan(t, t + strlen(t), 0, &o), 0);
	assert_int_equal(o.y, 2025);
	assert_int_equal(o.h, 10);
	assert_int_equal(o.frac_n, 1);
	assert_int_equal(o.off_sign * (o.off_h * 60 + o.off_m), 450);
	assert_string_equal(o.end, " rest");
	assert_int_equal(cal_iso_scan(t, t + 4, 0, &o), -1); /* bounded by e */
	assert_int_equal(o.stage, CAL_ISO_AT_DATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cal_strict),
		cmocka_unit_test(test_log_wide),
		cmocka_unit_test(test_scan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
