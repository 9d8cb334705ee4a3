/*
 * fuzz_scenario.c - libFuzzer harness for the simulation scenario loader
 * (sim_scenario_load, the INI form of models/scenarios/<name>.ini).
 *
 * The loader takes a path, so the input is written to a file in a
 * scratch folder under FUZZ_ROOT/build: a scenario's "model =
 * models/x.ini" is then found through the folders above it, as for the
 * shipped scenarios.  A scenario that loads is only inspected (offered
 * load, accessors), never run: a run's cost is the scenario's business
 * and the simulator's own limits.  An error must come with a message.
 */
#include "fuzz_util.h"

#include "mutu/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[1024], cals[1024];
	fuzz_write(fuzz_path(path, fuzz_dir(1), "scenario.ini"), data, size);
	FUZZ_FMT(cals, "%s/datasets/calendars", FUZZ_ROOT);
	struct sim_scenario *sc = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sim_scenario_load(path, cals, &sc, &err) != 0) {
		if (sc || !err.msg[0])
			abort();
		fuzz_done();
		return 0;
	}
	(void)sim_scenario_replications(sc);
	(void)sim_scenario_day_minutes(sc);
	double a, b, c;
	sim_scenario_window(sc, &a, &b, &c);
	size_t n = sim_scenario_nactors(sc);
	double *util = calloc(n ? n : 1, sizeof *util);
	if (!util)
		abort();
	(void)sim_scenario_offered_load(sc, util);
	for (size_t i = 0; i < sim_scenario_nsops(sc); i++)
		(void)sim_scenario_sop_id(sc, i);
	free(util);
	sim_scenario_free(sc);
	fuzz_done();
	return 0;
}
