/*
 * sim_backlog.c - a run that starts from today's open files: moving a
 * scenario's run to another window (a forecast runs from its as-of
 * instant) and placing the files that are open then.  The kernel's side
 * (placing them when a replication starts, recording when they finish)
 * is the "backlog" section at the end of sim.c.  Nothing here reads a
 * store: the caller (the forecast module, `mutu sim --from-db`) hands the
 * files over.
 */
#include "sim_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int sim_scenario_set_window(struct sim_scenario *sc, double start, double warmup, double end,
			    struct mutu_err *err)
{
	if (!(isfinite(start) && isfinite(end) && end > start))
		return mutu_errf(err, MUTU_EINPUT, "the run must end after it starts (%.0f..%.0f)", start, end);
	if (!(warmup >= start && warmup < end))
		warmup = start;
	for (int s = 0; s < sc->nsops; s++)
		if (sc->sops[s].arr == SIM_ARR_REPLAY)
			return mutu_errf(err, MUTU_EINPUT,
					 "%s%sSOP %s replays its arrivals from a file: those dates belong to "
					 "the scenario's own run and cannot be moved to another window "
					 "(use arrivals = N per bulan for a forecast)",
					 sc->path ? sc->path : "", sc->path ? ": " : "", sc->sops[s].id);
	/* staffing changes at or before the new start: the last one is the
	 * staffing at the start (changes are sorted by instant) */
	for (int a = 0; a < sc->nactors; a++) {
		struct sim_actor *ac = &sc->actors[a];
		int keep = 0;
		for (int c = 1; c < ac->nchanges; c++)
			if (ac->changes[c].instant <= start)
				keep = c;
		if (keep > 0) {
			ac->changes[0].servers = ac->changes[keep].servers;
			memmove(&ac->changes[1], &ac->changes[keep + 1],
				(size_t)(ac->nchanges - keep - 1) * sizeof *ac->changes);
			ac->nchanges -= keep;
		}
		ac->changes[0].instant = start;
		ac->changes[0].w = 0;
	}
	sc->start = start;
	sc->end = end;
	sc->warmup = warmup;
	sc->wbase = 0;
	return sim_scenario_compile(sc, err);
}

int sim_scenario_find_sop(const struct sim_scenario *sc, const char *id)
{
	for (int s = 0; s < sc->nsops; s++)
		if (id && !strcmp(sc->sops[s].id, id))
			return s;
	return -1;
}

int sim_scenario_step_pos(const struct sim_scenario *sc, size_t sop, int no)
{
	if (sop >= (size_t)sc->nsops)
		return -1;
	for (int k = 0; k < sc->sops[sop].nsteps; k++)
		if (sc->sops[sop].steps[k].no == no)
			return k;
	return -1;
}

void sim_scenario_step_info(const struct sim_scenario *sc, size_t sop, int pos, int *no,
			    const char **activity, int *actor)
{
	const struct sim_step *st = &sc->sops[sop].steps[pos];
	if (no)
		*no = st->no;
	if (activity)
		*activity = st->activity;
	if (actor)
		*actor = st->actor;
}

int sim_scenario_add_open_file(struct sim_scenario *sc, int sop, int pos, double age_s,
			       double in_step_s, int in_service)
{
	if (sop < 0 || sop >= sc->nsops || pos < 0 || pos >= sc->sops[sop].nsteps)
		return MUTU_EINPUT;
	if (!(age_s >= 0 && age_s <= SIM_MAX_AGE && in_step_s >= 0 && in_step_s <= SIM_MAX_AGE))
		return MUTU_EINPUT;
	/* a case id is 24 bits in the kernel's events */
	if (sc->nopen >= 1 << 23)
		return MUTU_EINPUT;
	if (sc->nopen == 0)
		sc->stream_backlog = sim_stream_add(sc, "backlog");
	sc->open = mutu_realloc(sc->open, (size_t)(sc->nopen + 1) * sizeof *sc->open);
	struct sim_open *o = &sc->open[sc->nopen];
	o->sop = sop;
	o->pos = pos;
	o->age = age_s;
	o->in_step = in_step_s;
	o->in_service = in_service != 0;
	o->returned = in_service == SIM_OPEN_RETURNED;
	return sc->nopen++;
}

size_t sim_scenario_nopen(const struct sim_scenario *sc)
{
	return (size_t)sc->nopen;
}
