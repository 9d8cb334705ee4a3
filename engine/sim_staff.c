/*
 * sim_staff.c - a loaded scenario's staffing changed in code, and a
 * read-only view of its steps: what a planner (mutu plan, engine/plan.c)
 * needs to try one staffing after another on one scenario under common
 * random numbers, and to explain from the service times alone why no
 * staffing reaches a target.  Kept apart from sim_scenario.c (the loader)
 * and sim.c (the kernel) so that neither grows for this.
 */
#include <string.h>

#include "mutu/base.h"
#include "mutu/sop.h"
#include "sim_int.h"

int sim_scenario_find_actor(const struct sim_scenario *sc, const char *name)
{
	for (int a = 0; a < sc->nactors; a++) {
		const struct sim_actor *ac = &sc->actors[a];
		if (!mutu_strcasecmp(ac->name, name) || (ac->title && !mutu_strcasecmp(ac->title, name)))
			return a;
	}
	/* an alias, as [staff] lines may write it ("Kadis", "Kabid Perizinan") */
	const char *canon = sop_actor_canonical(name);
	for (int a = 0; canon && a < sc->nactors; a++)
		if (!mutu_strcasecmp(sc->actors[a].name, canon))
			return a;
	return -1;
}

int sim_scenario_servers(const struct sim_scenario *sc, size_t actor)
{
	return sc->actors[actor].changes[0].servers;
}

void sim_scenario_set_servers(struct sim_scenario *sc, size_t actor, int servers)
{
	struct sim_actor *ac = &sc->actors[actor];
	/* every period the same: the kernel's staff-change events then change
	 * nothing, and the offered load is the one of `servers` staff */
	for (int c = 0; c < ac->nchanges; c++)
		ac->changes[c].servers = servers;
}

void sim_scenario_sync_wait_limits(struct sim_scenario *sc)
{
	for (int s = 0; s < sc->nsops; s++)
		for (int k = 0; k < sc->sops[s].nsteps; k++) {
			struct sim_step *st = &sc->sops[s].steps[k];
			st->wait_lim = st->actor >= 0 ? sc->actors[st->actor].wait_lim : -1;
		}
}

void sim_scenario_set_wait_limit(struct sim_scenario *sc, size_t actor, double limit)
{
	/* NaN or negative: off (the kernel then skips the count, and the
	 * metric is absent, so the output is what it was without it) */
	sc->actors[actor].wait_lim = limit >= 0 ? limit : -1;
	sim_scenario_sync_wait_limits(sc);
}

double sim_scenario_wait_limit(const struct sim_scenario *sc, size_t actor)
{
	return sc->actors[actor].wait_lim;
}

double sim_scenario_wait_target(const struct sim_scenario *sc, size_t actor, int *line)
{
	if (line)
		*line = sc->actors[actor].wait_line;
	return sc->actors[actor].wait_lim >= 0 ? sc->actors[actor].wait_share : 0;
}

double sim_scenario_sop_within_target(const struct sim_scenario *sc, size_t sop)
{
	return sc->sops[sop].within_share;
}

size_t sim_scenario_nsteps(const struct sim_scenario *sc, size_t sop)
{
	return (size_t)sc->sops[sop].nsteps;
}

void sim_scenario_step(const struct sim_scenario *sc, size_t sop, size_t k, int *no,
		       int *actor, struct sim_dist *service)
{
	const struct sim_step *st = &sc->sops[sop].steps[k];
	if (no)
		*no = st->no;
	if (actor)
		*actor = st->actor;
	if (service)
		*service = st->service;
}

const char *sim_scenario_unstaffed_name(const struct sim_scenario *sc, int sop, int step_no)
{
	if (sop < 0 || sop >= sc->nsops)
		return "Pemohon";
	const struct sim_sop *so = &sc->sops[sop];
	for (int k = 0; k < so->nsteps; k++)
		if (so->steps[k].no == step_no)
			return so->steps[k].automatic ? so->steps[k].automatic : "Pemohon";
	return "Pemohon";
}

void sim_scenario_step_rework(const struct sim_scenario *sc, size_t sop, size_t k, double *reject,
			      int *reject_to, struct sim_dist *resubmit)
{
	const struct sim_step *st = &sc->sops[sop].steps[k];
	if (reject)
		*reject = st->reject;
	if (reject_to)
		*reject_to = st->reject_to;
	if (resubmit)
		*resubmit = st->resubmit;
}
