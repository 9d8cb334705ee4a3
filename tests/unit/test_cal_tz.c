/*
 * test_cal_tz.c - time zones with daylight saving (cal_tz.c) and the
 * planned-date name matching (sla_planned_rank), against values from the
 * rules themselves:
 *   - EU summer time (Europe/Amsterdam): from the last Sunday of March
 *     01:00 UTC to the last Sunday of October 01:00 UTC, CEST +02:00,
 *     otherwise CET +01:00;
 *   - the footer rule of a TZif file (RFC 8536 section 3.3, POSIX TZ) used
 *     after the last transition, checked with files written here: one
 *     with no transitions at all ("slim" tzdata), one southern zone whose
 *     summer spans the new year.
 * Reads the system's tzdata (Debian package tzdata) and files in a temp dir.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mutu/cal.h"
#include "mutu/sla.h"

static double U(const char *iso)
{
	double t = NAN;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (cal_parse_iso(iso, 0, &t, NULL, &e))
		fail_msg("parse %s: %s", iso, e.msg);
	return t;
}

static struct cal_tz *load(const char *name, const char *dir)
{
	struct cal_tz *z = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (cal_tz_load(name, dir, &z, &e))
		fail_msg("cal_tz_load(%s): %s", name, e.msg);
	return z;
}

static void test_amsterdam_2024(void **state)
{
	(void)state;
	struct cal_tz *z = load("Europe/Amsterdam", NULL);
	/* 31 March 2024 is the last Sunday of March: 01:00 UTC is 02:00 CET -> 03:00 CEST */
	assert_int_equal(cal_tz_offset(z, U("2024-03-31T00:59:59Z")), 3600);
	assert_int_equal(cal_tz_offset(z, U("2024-03-31T01:00:00Z")), 7200);
	/* 27 October 2024 is the last Sunday of October: 01:00 UTC is 03:00 CEST -> 02:00 CET */
	assert_int_equal(cal_tz_offset(z, U("2024-10-27T00:59:59Z")), 7200);
	assert_int_equal(cal_tz_offset(z, U("2024-10-27T01:00:00Z")), 3600);
	assert_int_equal(cal_tz_offset(z, U("2024-01-15T12:00:00Z")), 3600);
	assert_int_equal(cal_tz_offset(z, U("2024-07-15T12:00:00Z")), 7200);
	/* local midnight of 1 April 2024 (CEST) is 31 March 22:00 UTC; of 1
	 * November (CET) 31 October 23:00 UTC */
	assert_true(cal_tz_from_local(z, (double)cal_days_from_civil(2024, 4, 1) * 86400) == U("2024-03-31T22:00:00Z"));
	assert_true(cal_tz_from_local(z, (double)cal_days_from_civil(2024, 11, 1) * 86400) == U("2024-10-31T23:00:00Z"));
	/* 2040 lies past the transitions tzdata lists (to 2037): the footer
	 * rule decides.  25 March 2040 and 28 October 2040 are the last
	 * Sundays (31 March 2040 is a Saturday). */
	assert_int_equal(cal_tz_offset(z, U("2040-03-25T00:59:59Z")), 3600);
	assert_int_equal(cal_tz_offset(z, U("2040-03-25T01:00:00Z")), 7200);
	assert_int_equal(cal_tz_offset(z, U("2040-10-28T00:59:59Z")), 7200);
	assert_int_equal(cal_tz_offset(z, U("2040-10-28T01:00:00Z")), 3600);
	assert_string_equal(cal_tz_name(z), "Europe/Amsterdam");
	cal_tz_free(z);
	/* Jakarta: WIB all year */
	z = load("Asia/Jakarta", NULL);
	assert_int_equal(cal_tz_offset(z, U("2025-01-01T00:00:00Z")), 7 * 3600);
	assert_int_equal(cal_tz_offset(z, U("2025-07-01T00:00:00Z")), 7 * 3600);
	cal_tz_free(z);
}

static void test_fixed(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int off;
	} ok[] = {{"UTC", 0}, {"WIB", 25200}, {"WITA", 28800}, {"WIT", 32400}, {"+02:00", 7200},
		  {"-03:30", -12600}, {"+0530", 19800}, {"+14:00", 50400}, {"-7", -25200}};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		struct cal_tz *z = load(ok[i].name, NULL);
		assert_int_equal(cal_tz_offset(z, U("2024-06-01T00:00:00Z")), ok[i].off);
		cal_tz_free(z);
	}
	/* not zones: beyond +14:00, a path out of the zoneinfo folder, a
	 * name tzdata does not have, nothing */
	const char *bad[] = {"+14:30", "../../etc/passwd", "/etc/passwd", "Mars/Olympus", "", "Europe/"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct cal_tz *z = NULL;
		struct mutu_err e;
		mutu_err_clear(&e);
		assert_int_equal(cal_tz_load(bad[i], NULL, &z, &e), MUTU_EINPUT);
		assert_null(z);
		assert_true(strlen(e.msg) > 0);
	}
}

/* Write a TZif v2 file with no transitions, one type (offset off) and the
 * given footer rule, as tzdata's "slim" files do for simple zones. */
static void write_tzif(const char *path, int off, const char *rule)
{
	unsigned char h[44];
	memset(h, 0, sizeof h);
	memcpy(h, "TZif2", 5);
	h[39] = 1; /* typecnt = 1 */
	h[43] = 4; /* charcnt = 4 */
	unsigned char body[10] = {(unsigned char)((uint32_t)off >> 24), (unsigned char)((uint32_t)off >> 16),
				  (unsigned char)((uint32_t)off >> 8), (unsigned char)off, 0, 0, 'S', 'T', 'D', 0};
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(h, 1, sizeof h, f);    /* v1 header and data */
	fwrite(body, 1, sizeof body, f);
	fwrite(h, 1, sizeof h, f);    /* v2 header and data (no 64-bit times either) */
	fwrite(body, 1, sizeof body, f);
	fprintf(f, "\n%s\n", rule);
	fclose(f);
}

static void test_footer_rules(void **state)
{
	(void)state;
	char dir[] = "/tmp/mutu-tz-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/Slim", dir);
	write_tzif(path, 3600, "CET-1CEST,M3.5.0,M10.5.0/3");
	struct cal_tz *z = load("Slim", dir);
	/* the same EU changes as above, from the rule alone */
	assert_int_equal(cal_tz_offset(z, U("2024-03-31T00:59:59Z")), 3600);
	assert_int_equal(cal_tz_offset(z, U("2024-03-31T01:00:00Z")), 7200);
	assert_int_equal(cal_tz_offset(z, U("2024-10-27T00:59:59Z")), 7200);
	assert_int_equal(cal_tz_offset(z, U("2024-10-27T01:00:00Z")), 3600);
	cal_tz_free(z);
	/* Sydney: AEST +10, AEDT +11 from the first Sunday of October 02:00
	 * standard time to the first Sunday of April 03:00 daylight time.
	 * 2024: 7 April (03:00 AEDT = 6 April 16:00 UTC) and 6 October
	 * (02:00 AEST = 5 October 16:00 UTC); summer spans the new year. */
	snprintf(path, sizeof path, "%s/South", dir);
	write_tzif(path, 36000, "AEST-10AEDT,M10.1.0,M4.1.0/3");
	z = load("South", dir);
	assert_int_equal(cal_tz_offset(z, U("2024-01-15T00:00:00Z")), 39600);
	assert_int_equal(cal_tz_offset(z, U("2024-04-06T15:59:59Z")), 39600);
	assert_int_equal(cal_tz_offset(z, U("2024-04-06T16:00:00Z")), 36000);
	assert_int_equal(cal_tz_offset(z, U("2024-07-01T00:00:00Z")), 36000);
	assert_int_equal(cal_tz_offset(z, U("2024-10-05T15:59:59Z")), 36000);
	assert_int_equal(cal_tz_offset(z, U("2024-10-05T16:00:00Z")), 39600);
	cal_tz_free(z);
	/* a file that is not TZif, and a truncated one */
	snprintf(path, sizeof path, "%s/Text", dir);
	FILE *f = fopen(path, "w");
	fputs("Europe/Amsterdam\n", f);
	fclose(f);
	struct cal_tz *bad = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(cal_tz_load("Text", dir, &bad, &e), MUTU_EINPUT);
	assert_non_null(strstr(e.msg, "not a TZif"));
	snprintf(path, sizeof path, "%s/Short", dir);
	f = fopen(path, "wb");
	fwrite("TZif2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x05\0\0\0\0", 1, 44, f);
	fclose(f);
	mutu_err_clear(&e);
	assert_int_equal(cal_tz_load("Short", dir, &bad, &e), MUTU_EINPUT);
	assert_non_null(strstr(e.msg, "truncated"));
	unlink(path);
	snprintf(path, sizeof path, "%s/Text", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/Slim", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/South", dir);
	unlink(path);
	rmdir(dir);
}

static void test_planned_names(void **state)
{
	(void)state;
	/* every spelling the issue lists is a planned date ... */
	const char *yes[] = {"endDatePlanned", "case:endDatePlanned", "enddate_planned", "case:enddate_planned",
			     "planned_end", "deadline", "case:deadline", "due_date", "dueDate", "Due Date",
			     "tanggal_target", "batas_waktu", "CASE:BATAS_WAKTU"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_true(sla_planned_rank(yes[i], NULL) > 0);
	/* ... the other dates of a case are not */
	const char *no[] = {"enddate", "startdate", "case:startdate", "submitted", "time:timestamp", "planned", ""};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_int_equal(sla_planned_rank(no[i], NULL), 0);
	/* endDatePlanned beats deadline when a log has both (WABO writes both) */
	assert_true(sla_planned_rank("endDatePlanned", NULL) > sla_planned_rank("deadline", NULL));
	/* --deadline-col: only that name, however spelled */
	assert_int_equal(sla_planned_rank("case:Ziel_Datum", "zieldatum"), 1);
	assert_int_equal(sla_planned_rank("endDatePlanned", "zieldatum"), 0);
	char n[32];
	sla_planned_norm("case:End-Date.Planned ", n, sizeof n);
	assert_string_equal(n, "enddateplanned");
	sla_planned_norm("endDatePlanned", n, 4);
	assert_string_equal(n, "end");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amsterdam_2024),
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_footer_rules),
		cmocka_unit_test(test_planned_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
