/*
 * sim_fixture.h - shared by the simulator's unit tests: a temporary folder
 * for scenario files written by the test, and a loader that fails the test
 * with the loader's message.  Test-only code, included by test_sim_*.c.
 */
#ifndef MUTU_TEST_SIM_FIXTURE_H
#define MUTU_TEST_SIM_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "mutu/sim.h"

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/mutu-test-sim-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write text to tmpdir/name; the path stays valid for the next 7 calls. */
static const char *write_tmp(const char *name, const char *text)
{
	static char path[8][160];
	static int k;
	char *p = path[k++ % 8];
	snprintf(p, 160, "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static struct sim_scenario *load_ok(const char *path)
{
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_scenario_load(path, "datasets/calendars", &sc, &err))
		fail_msg("%s: %s", path, err.msg);
	return sc;
}

#endif /* MUTU_TEST_SIM_FIXTURE_H */
