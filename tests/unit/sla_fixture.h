/*
 * sla_fixture.h - shared by the compliance unit tests (test_sla.c,
 * test_sla_measure.c): a WIB time as an instant, a case's events written
 * as a table of (step, pelaksana, start, end, activity), the options that
 * find the test models and the shipped calendars, and a model fetched or
 * the test failed with the library's message, and a case's events made
 * and measured in one call (the set-up nearly every case test repeats),
 * and case C, which both measure.
 * Test-only code; include after cmocka.h, mutu/cal.h and mutu/sla.h.
 */
#ifndef MUTU_TEST_SLA_FIXTURE_H
#define MUTU_TEST_SLA_FIXTURE_H

/* An ISO instant; a text without an offset is WIB (UTC+7), as every
 * wall-clock time in these tests: "2025-05-15 09:00". */
static double T(const char *s)
{
	double t = NAN;
	assert_int_equal(cal_parse_iso(s, 7 * 3600, &t, NULL, NULL), 0);
	return t;
}

/* one event of a case; a table of them ends with step -1 */
struct ev_spec {
	int step;
	const char *actor;
	const char *start, *end; /* NULL = absent */
	const char *activity;    /* NULL: "kegiatan" */
};

/* spec's events into ev (room for all of them), sorted as the reader
 * gives them; returns how many */
static size_t mk_events(const struct ev_spec *spec, struct sla_event *ev)
{
	size_t n = 0;
	for (; spec[n].step >= 0; n++) {
		memset(&ev[n], 0, sizeof ev[n]);
		ev[n].id = (int64_t)n + 1;
		ev[n].step = spec[n].step;
		ev[n].activity = spec[n].activity ? spec[n].activity : "kegiatan";
		ev[n].actor = spec[n].actor;
		ev[n].start = spec[n].start ? T(spec[n].start) : NAN;
		ev[n].end = spec[n].end ? T(spec[n].end) : NAN;
		ev[n].unknown = spec[n].step == 0;
		ev[n].lifecycle = SLA_LC_OTHER;
		ev[n].start_off = ev[n].end_off = SLA_OFF_NONE;
	}
	sla_events_sort(ev, n);
	return n;
}

/* the test models (tests/data/models) and the shipped calendars */
static void opts(struct sla_opts *o)
{
	sla_opts_init(o);
	o->models_dir = "tests/data/models";
	o->calendars_dir = "datasets/calendars";
}

/* model id from env; fails the test with the library's message */
static const struct sla_sop *get_sop(struct sla_env *env, const char *id)
{
	const struct sla_sop *s = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sla_env_get(env, id, &s, &err))
		fail_msg("sla_env_get(%s): %s", id, err.msg);
	return s;
}

/* Case C, which both files measure: returned to the applicant by step 3
 * (Tue 20 May 10:00), resubmitted Wed 21 May 14:00, done Fri 23 May. */
static const struct ev_spec case_c[] = {
	{1, "Pemohon", "2025-05-19 08:00", "2025-05-19 08:30", NULL},
	{2, "Front Office", "2025-05-19 09:00", "2025-05-19 09:15", NULL},
	{3, "Tim Teknis", "2025-05-19 10:00", "2025-05-20 10:00", NULL},
	{1, "Pemohon", "2025-05-20 10:00", "2025-05-21 14:00", NULL},
	{2, "Front Office", "2025-05-21 14:00", "2025-05-21 14:30", NULL},
	{3, "Tim Teknis", "2025-05-21 14:30", "2025-05-22 15:00", NULL},
	{4, "Kepala Dinas", "2025-05-23 08:00", "2025-05-23 08:30", NULL},
	{5, "Pemohon", "2025-05-23 09:00", "2025-05-23 09:15", NULL},
	{-1, NULL, NULL, NULL, NULL},
};

/* spec's events into ev (room for all of them), measured as case (id,
 * key) of model s into c, no per-case deadline; the test fails with the
 * library's message if the case cannot be measured.  c borrows ev and
 * key (sla_case_compute); release it with sla_case_release.  Returns the
 * number of events. */
static size_t compute(const struct sla_sop *s, int64_t id, const char *key, const struct ev_spec *spec,
		      struct sla_event *ev, struct sla_case *c)
{
	size_t n = mk_events(spec, ev);
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sla_case_compute(s, id, key, ev, n, NAN, c, &err))
		fail_msg("sla_case_compute(%s): %s", key, err.msg);
	return n;
}

#endif
