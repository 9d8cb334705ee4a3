/*
 * test_dur_field.c - durations as official Indonesian texts write them
 * (field tests): the number spelled out in parentheses after the digits,
 * "5 (lima) hari kerja", which Standar Pelayanan and SOP tables use.  The
 * words must say what the digits say; a mismatch is an error that names
 * both, never a silent choice of one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mutu/dur.h"

static void expect(const char *text, long long days, long long minutes, int rounded)
{
	struct dur d;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (dur_parse(text, &d, &e) != 0)
		fail_msg("%s: %s", text, e.msg);
	if (d.days != days || d.minutes != minutes || d.rounded_days != rounded)
		fail_msg("%s: got %lld Hari %lld Menit (%d), expected %lld Hari %lld Menit (%d)", text,
			 (long long)d.days, (long long)d.minutes, d.rounded_days, days, minutes, rounded);
}

static void refuse(const char *text, const char *why)
{
	struct dur d;
	struct mutu_err e;
	mutu_err_clear(&e);
	assert_int_equal(dur_parse(text, &d, &e), MUTU_EINPUT);
	if (!strstr(e.msg, why))
		fail_msg("%s: message '%s' lacks '%s'", text, e.msg, why);
}

static void test_spelled(void **state)
{
	(void)state;
	expect("5 (lima) hari kerja", 5, 0, -1);
	expect("1 (satu) Hari Kerja", 1, 0, -1);
	expect("14 (empat belas) hari", 14, 0, -1);
	expect("11 (sebelas) Hari", 11, 0, -1);
	expect("10 (Sepuluh) Hari", 10, 0, -1);
	/* 20 + 5 */
	expect("25 (dua puluh lima) Menit", 0, 25, -1);
	/* 100 + 20 + 5 */
	expect("125 (seratus dua puluh lima) menit", 0, 125, -1);
	/* 2 x 100 + 30 */
	expect("230 (dua ratus tiga puluh) Menit", 0, 230, -1);
	/* 1 Jam = 60 Menit, the ceiling spells its own number */
	expect("4 (empat) Hari 1 (satu) Jam (5 (lima) Hari)", 4, 60, 5);
	/* the usual ceiling is untouched */
	expect("4 Hari 1 Jam 13 Menit (5 Hari)", 4, 73, 5);
}

static void test_spelled_refused(void **state)
{
	(void)state;
	refuse("5 (empat) Hari", "the number \"5\" is spelled \"(empat)\" (4)");
	refuse("1,5 (satu) Jam", "is spelled");
	/* not a number in words: as before, text after the ceiling */
	refuse("1 (x) Hari", "unexpected");
	refuse("(lima) Hari", "expected a number at \"(lima)\"");
	refuse("2 (dua tiga) Hari", "unexpected");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spelled),
		cmocka_unit_test(test_spelled_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
