/*
 * test_elog_field.c - elog_parse_time on stamps as Indonesian offices'
 * exports write them (field tests: month names, "09.00" clock times) and
 * the --date-format check.  Expected instants worked out by hand from
 * day numbers: 2025-01-01 is day 20089 since 1970-01-01.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/elog.h"

static int64_t parse(const char *s, const char *fmt, int off)
{
	int64_t ms = 0;
	int o = 0;
	if (elog_parse_time(s, strlen(s), fmt, off, &ms, &o) != ELOG_TS_OK)
		return INT64_MIN;
	return ms;
}

static void test_month_names(void **state)
{
	(void)state;
	/* 9 May 2025: day 20089 + 31 + 28 + 31 + 30 + 8 = 20217; 09:00 WIB is
	 * 02:00Z: 20217 * 86400000 + 2 * 3600000 */
	const int64_t may9 = 20217LL * 86400000 + 2 * 3600000;
	assert_true(parse("9 Mei 2025 09.00", "%d %b %Y %H.%M", 420) == may9);
	assert_true(parse("09 MEI 2025 09.00", "%d %b %Y %H.%M", 420) == may9);
	assert_true(parse("9 May 2025 09.00", "%d %B %Y %H.%M", 420) == may9);
	/* 17 Aug 2025: day 20089 + 212 + 16 = 20317; a date alone is local
	 * midnight, at WITA 16:00Z the day before */
	const int64_t aug17 = 20317LL * 86400000 - 8 * 3600000;
	const char *aug[] = {"17 Agustus 2025", "17 Agt 2025", "17 Agt. 2025", "17 Agu 2025",
			     "17 Aug 2025", "17 august 2025"};
	for (size_t i = 0; i < sizeof aug / sizeof aug[0]; i++)
		assert_true(parse(aug[i], "%d %b %Y", 480) == aug17);
	/* Nopember and Pebruari are the older spellings still seen */
	assert_true(parse("1 Nopember 2025", "%d %b %Y", 0) == parse("1 November 2025", "%d %b %Y", 0));
	assert_true(parse("1 Pebruari 2025", "%d %b %Y", 0) == (20089LL + 31) * 86400000);
	/* not a month: a prefix, a name run into digits, digits */
	assert_true(parse("9 Ma 2025", "%d %b %Y", 0) == INT64_MIN);
	assert_true(parse("9 Mei2025", "%d %b %Y", 0) == INT64_MIN);
	assert_true(parse("9 05 2025", "%d %b %Y", 0) == INT64_MIN);
	assert_true(parse("9 Meikarta 2025", "%d %b %Y", 0) == INT64_MIN);
}

/* The 12-hour clock of an en-US Excel / Windows export: %p with %I (or %H). */
static void test_am_pm(void **state)
{
	(void)state;
	/* 3 Jun 2025: day 20089 + 31 + 28 + 31 + 30 + 31 + 2 = 20242; WIB is
	 * UTC+7, so h:mm WIB is (h - 7):mm Z on that day */
	const int64_t jun3 = 20242LL * 86400000;
	const char *f = "%m/%d/%Y %I:%M:%S %p";
	assert_true(parse("6/3/2025 1:15:00 PM", f, 420) == jun3 + (6 * 60 + 15) * 60000LL);
	assert_true(parse("6/3/2025 8:15:00 am", f, 420) == jun3 + 75 * 60000LL);
	/* 12:05 PM is noon, 12:30 AM half past midnight (17:30Z the day before) */
	assert_true(parse("6/3/2025 12:05:00 PM", f, 420) == jun3 + (5 * 60 + 5) * 60000LL);
	assert_true(parse("6/3/2025 12:30:00 a.m.", f, 420) == jun3 - (6 * 60 + 30) * 60000LL);
	assert_true(parse("6/3/2025 1:15:00 PM", "%m/%d/%Y %H:%M:%S %p", 420) ==
		    jun3 + (6 * 60 + 15) * 60000LL);
	/* an hour outside 1-12 with AM/PM, no marker, another word: refused */
	assert_true(parse("6/3/2025 13:00:00 PM", f, 420) == INT64_MIN);
	assert_true(parse("6/3/2025 0:30:00 AM", f, 420) == INT64_MIN);
	assert_true(parse("6/3/2025 1:15:00", f, 420) == INT64_MIN);
	assert_true(parse("6/3/2025 1:15:00 XM", f, 420) == INT64_MIN);
	assert_int_equal(elog_date_format_check(f), 0);
}

/* A zone named after the stamp: "... WIB", "... UTC", RFC 9557 "[Asia/Jakarta]". */
static void test_zone_names(void **state)
{
	(void)state;
	/* 3 Jun 2025 08:15 on the clock: day 20242; WIB (UTC+7) is 01:15Z,
	 * WITA (UTC+8) 00:15Z, UTC 08:15Z, WIT (UTC+9) 23:15Z the day before */
	const int64_t day = 20242LL * 86400000, m815 = (8 * 60 + 15) * 60000LL;
	assert_true(parse("2025-06-03 08:15:00 WIB", NULL, 0) == day + m815 - 7 * 3600000LL);
	assert_true(parse("2025-06-03 08:15:00 wita", NULL, 0) == day + m815 - 8 * 3600000LL);
	assert_true(parse("2025-06-03 08:15:00 UTC", NULL, 420) == day + m815);
	assert_true(parse("03/06/2025 08:15 WIT", "%d/%m/%Y %H:%M", 420) == day + m815 - 9 * 3600000LL);
	/* the offset fixes the instant; the bracket's zone is read when alone */
	assert_true(parse("2025-06-03T08:15:00+07:00[Asia/Jakarta]", NULL, ELOG_NO_ZONE) ==
		    day + m815 - 7 * 3600000LL);
	assert_true(parse("2025-06-03T08:15:00+07:00[!Asia/Jakarta]", NULL, ELOG_NO_ZONE) ==
		    day + m815 - 7 * 3600000LL);
	assert_true(parse("2025-06-03T08:15[Asia/Makassar]", NULL, ELOG_NO_ZONE) ==
		    day + m815 - 8 * 3600000LL);
	/* names mutu does not know, and a name run into the time: refused */
	assert_true(parse("2025-06-03 08:15:00 CET", NULL, 420) == INT64_MIN);
	assert_true(parse("2025-06-03T08:15:00+07:00[Europe/Paris]", NULL, 420) == INT64_MIN);
	assert_true(parse("2025-06-03 08:15:00WIB", NULL, 420) == INT64_MIN);
	assert_true(parse("WIB", NULL, 420) == INT64_MIN);
}

/* A month by name, day first, read with no format (fifth field round). */
static void test_named_month(void **state)
{
	(void)state;
	/* 3 Jun 2025 = day 20242; 08:15 WIB = 01:15Z */
	const int64_t day = 20242LL * 86400000, wib815 = (1 * 60 + 15) * 60000LL;
	assert_true(parse("3 Juni 2025 08.15", NULL, 420) == day + wib815);
	assert_true(parse("03 juni 2025 08:15:00", NULL, 420) == day + wib815);
	assert_true(parse("Selasa, 03 Juni 2025 08.15", NULL, 420) == day + wib815);
	assert_true(parse("03-Jun-2025 08:15", NULL, 420) == day + wib815);
	assert_true(parse("3 Juni 2025 08.15 WITA", NULL, 420) == day + wib815 - 3600000LL);
	assert_true(parse("3 Juni 2025 8:15 +0700", NULL, ELOG_NO_ZONE) == day + wib815);
	/* 'Agustus' 62 days on, 'Mei' 29 days back; a date alone is midnight */
	assert_true(parse("4 Agustus 2025 08.15", NULL, 420) == day + 62 * 86400000LL + wib815);
	assert_true(parse("5 Mei 2025", NULL, 0) == day - 29 * 86400000LL);
	/* no zone and none given; no such day; no such month */
	assert_true(parse("3 Juni 2025 08.15", NULL, ELOG_NO_ZONE) == INT64_MIN);
	assert_true(parse("31 Juni 2025 08.15", NULL, 420) == INT64_MIN);
	assert_true(parse("3 Juno 2025 08.15", NULL, 420) == INT64_MIN);
	/* the month first: refused until field round 10; the name says which
	 * part is the month, so nothing is ambiguous (JavaScript's
	 * Date.toString, an en-US "mmm d, yyyy"); a year of two digits or a
	 * day of three is still no stamp */
	assert_true(parse("Juni 3, 2025 08.15", NULL, 420) == day + wib815);
	assert_true(parse("Tue Jun 03 2025 08:15:00 GMT+0700 (Western Indonesia Time)", NULL,
			  ELOG_NO_ZONE) == day + wib815);
	assert_true(parse("Tue Jun 03 08:15:00 WIB 2025", NULL, ELOG_NO_ZONE) == day + wib815);
	assert_true(parse("Tue Jun 03 08:15:00 XYZ 2025", NULL, 420) == INT64_MIN);
	assert_true(parse("Juni 3, 25 08.15", NULL, 420) == INT64_MIN);
	assert_true(parse("Juni 103 2025 08.15", NULL, 420) == INT64_MIN);
	/* field round 8: the hour's word ("pukul", "pkl.", "jam") and a comma
	 * after the year; the dashed date with the hour after a dot; Excel's
	 * d-mmm-yy; "Ags" (Agustus) */
	assert_true(parse("Selasa, 03 Juni 2025 pukul 08.15 WIB", NULL, ELOG_NO_ZONE) == day + wib815);
	assert_true(parse("3 Juni 2025 Pukul 08:15", NULL, 420) == day + wib815);
	assert_true(parse("3 Juni 2025, pkl. 08.15", NULL, 420) == day + wib815);
	assert_true(parse("3 JUNI 2025 jam 8.15", NULL, 420) == day + wib815);
	assert_true(parse("03-Jun-2025 08.15", NULL, 420) == day + wib815);
	assert_true(parse("03-Jun-2025 08.15.00", NULL, 420) == day + wib815);
	assert_true(parse("03-Jun-25 08.15", NULL, 420) == day + wib815);
	assert_true(parse("4 Ags 2025 08.15", NULL, 420) == day + 62 * 86400000LL + wib815);
	/* the word with no hour, twice, or inside the date: no stamp */
	assert_true(parse("3 Juni 2025 pukul", NULL, 420) == INT64_MIN);
	assert_true(parse("3 Juni 2025 pukul pukul 08.15", NULL, 420) == INT64_MIN);
	assert_true(parse("3 Juni pukul 2025 08.15", NULL, 420) == INT64_MIN);
	assert_true(parse("pukul 08.15", NULL, 420) == INT64_MIN);
	/* a weekday without its comma; another word is no weekday */
	assert_true(parse("Selasa 03 Juni 2025 pukul 08.15", NULL, 420) == day + wib815);
	assert_true(parse("Tuesday 3 June 2025 08:15", NULL, 420) == day + wib815);
	assert_true(parse("Tanggal 03 Juni 2025 08.15", NULL, 420) == INT64_MIN);
	/* an ISO date, the clock as an id-ID Excel writes it */
	assert_true(parse("2025-06-03 08.15", NULL, 420) == day + wib815);
	assert_true(parse("2025-06-03 8.15.00", NULL, 420) == day + wib815);
	assert_true(parse("2025-06-03 8:15", NULL, 420) == day + wib815);
	assert_true(parse("2025-06-03 8:15 WITA", NULL, 0) == day + wib815 - 3600000LL);
	assert_true(parse("2025-06-03 24.15", NULL, 420) == INT64_MIN);
}

/* POSIX time in seconds or milliseconds, UTC by definition. */
static void test_epoch(void **state)
{
	(void)state;
	/* 3 Jun 2025 01:15:00Z = day 20242 * 86400 + 4500 s = 1748913300 s */
	const int64_t t = 1748913300000LL;
	assert_true(parse("1748913300", NULL, ELOG_NO_ZONE) == t);
	assert_true(parse("1748913300000", NULL, ELOG_NO_ZONE) == t);
	assert_true(parse("1748913300.25", NULL, 420) == t + 250);
	int64_t ms = 0;
	int off = 99;
	assert_int_equal(elog_parse_time("1748913300", 10, NULL, 420, &ms, &off), ELOG_TS_OK);
	assert_int_equal(off, 0); /* UTC, whatever the default zone */
	/* before 2000, after 2100, other lengths, a --date-format: not epoch */
	assert_true(parse("946684799", NULL, 0) == INT64_MIN);
	assert_true(parse("0946684799", NULL, 0) == INT64_MIN);
	assert_true(parse("4102444800", NULL, 0) == INT64_MIN);
	assert_true(parse("17489133000", NULL, 0) == INT64_MIN);
	assert_true(parse("174891330000", NULL, 0) == INT64_MIN);
	assert_true(parse("1748913300000.5", NULL, 0) == INT64_MIN);
	assert_true(parse("1748913300", "%d/%m/%Y", 0) == INT64_MIN);
	assert_true(parse("-1748913300", NULL, 0) == INT64_MIN);
}

static void test_format_check(void **state)
{
	(void)state;
	assert_int_equal(elog_date_format_check("%d/%m/%Y %H:%M"), 0);
	assert_int_equal(elog_date_format_check("%d %b %Y %H.%M:%S.%f%z %%"), 0);
	assert_int_equal(elog_date_format_check("%d %h %Y"), 'h');
	assert_int_equal(elog_date_format_check("%Y-%m-%dT%T"), 'T');
	assert_int_equal(elog_date_format_check("%d/%m/%Y %"), '%');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_format_check),
		cmocka_unit_test(test_am_pm),
		cmocka_unit_test(test_zone_names),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_named_month),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
