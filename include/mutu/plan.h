/*
 * plan.h - answers for planners: the cheapest staffing whose simulated
 * results meet every target asked (share within the SOP ceiling, p90 lead
 * time, the mean wait at one pelaksana, or a service level there: the share
 * of visits that wait at most t), searched over ranges of staff on a
 * loaded scenario with common random numbers, or the statement that no
 * staffing in range (or at all) meets it, with the cause.
 *
 * How a candidate is judged (the sequential check, plan.c explains why):
 * it is first screened with a few replications; replications are doubled
 * only while the interval of its target value still straddles the target,
 * up to a maximum.  It meets when the interval lies on the right side of
 * the target, at a level adjusted for the repeated looks (Bonferroni), so
 * that the stated confidence holds for each candidate.  Still straddling
 * at the maximum it is "undecided", which counts as a miss: a staffing is
 * recommended only when the simulation shows it meets with that confidence.
 *
 * How the candidates are searched: more staff never makes the target
 * worse (monotone), so the most staff in range is tried first (if it
 * misses, the answer is "unreachable"); then, for each pelaksana, the
 * fewest staff that meet with every other pelaksana at its most; then the
 * candidates above those in order of cost, skipping any that has no more
 * staff than a candidate that missed.  plan_opts.exhaustive simulates
 * every candidate instead (for checking the search).
 */
#ifndef MUTU_PLAN_H
#define MUTU_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"
#include "mutu/stats.h"

struct sim_scenario;

enum plan_target_kind {
	PLAN_T_WITHIN = 0, /* share of files within the SOP ceiling >= value */
	PLAN_T_P90_LEAD,   /* p90 lead time <= value (working seconds) */
	PLAN_T_WAIT_MEAN,  /* mean wait at one pelaksana <= value (working seconds) */
	PLAN_T_WAIT_SHARE  /* share of visits to one pelaksana that wait at most
			    * limit >= value: a service level, P(wait <= t) >= p */
};

struct plan_target {
	enum plan_target_kind kind;
	double value;    /* WITHIN, WAIT_SHARE: 0 < share <= 1; else working seconds, 0..DUR_MAX */
	double limit;    /* WAIT_SHARE: the wait allowed, working seconds */
	char actor[128]; /* WAIT_MEAN, WAIT_SHARE: the pelaksana as written */
	char sop[128];   /* WITHIN: an SOP id judged alone (a scenario's
			  * within_target); "": plan_opts.sop, or the office */
	int line;        /* the scenario line it came from, 0: the command line */
};

/* Most targets one plan meets at once. */
#define PLAN_MAX_TARGETS 8

/*
 * Parse a target: "within=0.95" (or "within=95%"), "p90_lead<=5 Hari",
 * "wait_mean(Front Office)<=1 Menit", "wait_share(Front Office, 1 Jam)>=80%".
 * Durations are working time read by dur_parse, a Hari being day_minutes
 * (the scenario's working day).  Returns 0 or MUTU_EINPUT with err naming
 * the text and the forms known.
 */
int plan_target_parse(const char *text, int day_minutes, struct plan_target *t,
		      struct mutu_err *err);

/*
 * The targets a scenario file states: each [staff] line's
 * `wait_target=SHARE <= DURATION` (a WAIT_SHARE) in [staff] order, then
 * each [sop ID]'s `within_target = SHARE` (a WITHIN of that SOP) in SOP
 * order.  Fills t[0..*n), at most max; MUTU_EINPUT when there are more.
 */
int plan_targets_from_scenario(const struct sim_scenario *sc, struct plan_target *t, size_t max,
			       size_t *n, struct mutu_err *err);

/* Ranges of staff: 1 <= lo <= hi <= PLAN_MAX_STAFF; at most PLAN_MAX_VARS
 * pelaksana, at most PLAN_MAX_GRID candidates in all; cost per head
 * 0 < cost <= PLAN_MAX_COST. */
#define PLAN_MAX_STAFF 1000
#define PLAN_MAX_VARS 8
#define PLAN_MAX_GRID 1000000
#define PLAN_MAX_COST 1e9

struct plan_var {
	char name[128]; /* pelaksana as written (name or [staff] title) */
	int lo, hi;
	double cost;    /* per head, default 1 */
	int actor;      /* filled by plan_run: the scenario's actor index */
};

/* Parse "NAME=LO..HI" (cost 1).  Returns 0 or MUTU_EINPUT. */
int plan_var_parse(const char *text, struct plan_var *v, struct mutu_err *err);
/* Parse "NAME=C" into name (size n) and *cost.  Returns 0 or MUTU_EINPUT. */
int plan_cost_parse(const char *text, char *name, size_t n, double *cost, struct mutu_err *err);

struct plan_opts {
	struct plan_target target;  /* the first target */
	struct plan_target more[PLAN_MAX_TARGETS - 1]; /* nmore further ones: a
				     * staffing meets when it meets every one */
	size_t nmore;
	const char *sop;          /* SOP id, or NULL for the whole office (borrowed) */
	const struct plan_var *vars; /* nvar (borrowed; copied into the result) */
	size_t nvar;
	double confidence;        /* 0.5 .. 0.999, default 0.95 */
	int screen_reps;          /* replications of the first look, 2..1000, default 10 */
	int max_reps;             /* most replications of one candidate, screen..10000, default 80 */
	int threads;              /* sim_run's threads, 0: every core */
	uint64_t seed;            /* used when has_seed, else the scenario's */
	int has_seed;
	int exhaustive;           /* simulate every candidate (checks the search) */
};

void plan_opts_init(struct plan_opts *o);

enum plan_status {
	PLAN_MEETS = 0,
	PLAN_MISSES,      /* the interval lies on the wrong side */
	PLAN_UNDECIDED,   /* still straddling at max_reps: counted as a miss */
	PLAN_INFEASIBLE   /* some pelaksana's offered load >= 100%: not simulated */
};

struct plan_cand {
	int staff[PLAN_MAX_VARS]; /* per plan_var */
	double cost;
	enum plan_status status;  /* over every target: meets when all meet,
				   * misses when one misses */
	int nrep;                 /* replications simulated (0: infeasible) */
	struct stats_ci value;    /* the first target's value at the stated confidence */
	struct stats_ci values[PLAN_MAX_TARGETS]; /* every target's (values[0] = value) */
	enum plan_status tstatus[PLAN_MAX_TARGETS]; /* every target's verdict */
	int bottleneck;           /* actor with the highest utilisation (or the
				   * overloaded one when infeasible), -1 */
	double util;              /* its utilisation (offered load when infeasible) */
};

/* Why even unlimited staff misses: the target's value with no waiting at
 * all (every pelaksana staffed without limit), and the step whose service
 * times weigh most against the threshold (the ceiling, or the p90 limit). */
struct plan_cause {
	int computed;
	int target;               /* the target it explains: the first that
				   * misses with unlimited staff, else 0 */
	struct stats_ci bound;    /* that target's value with unlimited staff */
	struct stats_ci bounds[PLAN_MAX_TARGETS]; /* every target's */
	int sop;                  /* the step's SOP index, -1 when none */
	int step_no;
	int actor;                /* actor index or SIM_PEMOHON */
	double step_time;         /* mean working seconds per file (rework included) */
	double step_over;         /* share of passes of that step alone longer than the
				   * threshold (from its distribution), NaN when unknown */
	double threshold;         /* working seconds */
};

struct plan_result {
	struct plan_target target;  /* targets[0] */
	struct plan_target targets[PLAN_MAX_TARGETS];
	size_t ntarget;
	int tsop[PLAN_MAX_TARGETS]; /* each target's SOP index, -1: the whole office */
	int sop;                  /* SOP index or -1 (whole office) */
	double confidence;
	struct plan_var vars[PLAN_MAX_VARS];
	size_t nvar;
	int reachable;            /* some candidate meets */
	int unlimited_misses;     /* unreachable whatever the staffing (cause.bound misses) */
	int chosen, runner_up;    /* indices into cands, -1.  The runner-up is the
				   * next cheapest staffing that meets and is not the
				   * answer plus more staff; when every other one that
				   * meets is, the cheapest of those (runner_up_more) */
	int runner_up_more;
	struct plan_cand *cands;  /* every candidate judged, in the order judged (owned) */
	size_t ncand;
	size_t grid;              /* candidates in the ranges */
	size_t simulated;         /* candidates simulated */
	long replications;        /* replications run in all (bound run included) */
	size_t infeasible;        /* candidates found overloaded */
	struct plan_cause cause;  /* when not reachable */
	uint64_t seed;
	double wall_seconds;
};

/*
 * Search the cheapest staffing of o->vars meeting o->target and every one
 * of o->more (all from the same replications) on sc.  Each
 * var's name must be an actor of sc (sim_scenario_find_actor) and appear
 * once.  sc is borrowed but changed: the varied pelaksana's staffing is
 * set for each candidate (sim_scenario_set_servers) and every pelaksana's
 * for the unlimited-staff bound, and stays at whatever was tried last;
 * every pelaksana's wait limit (sim_scenario_set_wait_limit) is cleared
 * and set again for the wait_share targets only;
 * load the scenario again to run it as written.  On success *out owns the
 * result (plan_result_free).  Returns 0, MUTU_EINPUT (unknown pelaksana
 * or SOP, a target the scenario cannot measure, two wait_share limits at
 * one pelaksana), MUTU_ERANGE (ranges too large) or sim_run's error.
 */
int plan_run(struct sim_scenario *sc, const struct plan_opts *o, struct plan_result **out,
	     struct mutu_err *err);
void plan_result_free(struct plan_result *r); /* NULL-safe */

enum plan_format { PLAN_TEXT = 0, PLAN_JSON };
enum plan_lang { PLAN_ID = 0, PLAN_EN = 1 };

/* Render a result (sc: the scenario it ran on, for names and the working
 * day).  Text is Bahasa Indonesia (PLAN_ID) or English; JSON opens with
 * "schema": "mutu.plan/1" (docs/schema/plan.schema.json). */
void plan_result_format(const struct sim_scenario *sc, const struct plan_result *r,
			enum plan_format fmt, enum plan_lang lang, struct mutu_buf *out);

#endif /* MUTU_PLAN_H */
