/*
 * cal_fixture.h - shared by the calendar's unit tests (test_cal.c,
 * test_cal_lazy.c): a local time read in a calendar's zone, and the
 * working minutes between two local times, each failing the test with the
 * library's message.  Test-only code; include after cmocka.h and
 * mutu/cal.h.
 */
#ifndef MUTU_TEST_CAL_FIXTURE_H
#define MUTU_TEST_CAL_FIXTURE_H

/* local time in c's zone (or with an explicit offset) -> instant */
static double T(const struct cal *c, const char *s)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	double t;
	if (cal_parse_time(c, s, &t, NULL, &e))
		fail_msg("cal_parse_time(%s): %s", s, e.msg);
	return t;
}

/* working minutes between two local times */
static double M(const struct cal *c, const char *a, const char *b)
{
	struct mutu_err e;
	mutu_err_clear(&e);
	double w;
	if (cal_between(c, T(c, a), T(c, b), &w, &e))
		fail_msg("cal_between(%s, %s): %s", a, b, e.msg);
	return w / 60.0;
}

#endif
