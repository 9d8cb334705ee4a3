/*
 * sim.h - discrete-event simulation of permit offices: files (berkas)
 * flow through the steps of one or more SOPs, queue for the staff of each
 * actor (shared across SOPs by name), are served in working time on the
 * scenario's calendar (or the actor's own, sim_scenario_set_actor_calendar),
 * may be rejected back to the applicant, and are
 * measured against the SOP ceiling.
 *
 * Time inside the kernel is cumulative working time (cal_work_at): a
 * service of s working seconds started at instant t ends at
 * cal_instant_at(cal_work_at(t) + s), so work stops at closing time,
 * breaks, weekends and holidays and resumes on the next working minute.
 *
 * A scenario is built once (from an INI file with sim_scenario_load, or
 * in code with the sim_scenario_create/add_* builder) and is read-only
 * afterwards: replications run in parallel threads against it.  Each
 * replication draws from its own GSL random streams, one per purpose
 * (arrivals of an SOP, service of a step, rework of a step, absence of an
 * actor), seeded from (seed, replication, purpose name); two scenarios
 * that name the same purposes therefore run with common random numbers.
 * Results are the same bit for bit for a seed whatever the thread count.
 */
#ifndef MUTU_SIM_H
#define MUTU_SIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mutu/base.h"
#include "mutu/stats.h"

struct cal;
struct sop_model;
struct sim_scenario; /* opaque */

/* Service-time (or resubmission-delay) distributions.  All times are
 * working seconds. */
enum sim_dist_kind {
	SIM_FIXED = 0,
	SIM_EXPONENTIAL,
	SIM_LOGNORMAL,  /* mean, cv */
	SIM_GAMMA,      /* mean, cv */
	SIM_TRIANGULAR, /* min, mode, max (mean = (min+mode+max)/3) */
	SIM_WEIBULL,    /* mean, cv (shape solved from cv, scale from the mean) */
	SIM_EMPIRICAL   /* q[0..nq): quantiles at equally spaced probabilities
			 * 0, 1/(nq-1), .., 1; inverse CDF linear between them */
};

/* Most quantiles an empirical distribution holds (q0, q5, .., q100). */
#define SIM_EMP_MAXQ 21

struct sim_dist {
	enum sim_dist_kind kind;
	double mean;
	double cv;
	double min, mode, max;
	double shape, scale;     /* SIM_WEIBULL */
	int nq;                  /* SIM_EMPIRICAL: 2..SIM_EMP_MAXQ */
	double q[SIM_EMP_MAXQ];  /* SIM_EMPIRICAL, working seconds, non-decreasing */
};

/* The step's actor when it is the applicant: no queue, every applicant is
 * their own server. */
#define SIM_PEMOHON (-1)
/* (while a scenario loads: a step of the information system, which the
 * kernel runs as SIM_PEMOHON with sim_step.automatic set) */
#define SIM_SISTEM_STEP (-3)

/* ---- scenario ---------------------------------------------------------- */

/*
 * Load a scenario INI file (keys in README.md, "Scenario files").  cal_dir is the
 * calendars folder for cal_load (NULL: its default).  SOP models are read
 * relative to the working directory, else relative to the scenario's
 * folder and the folders above it.  On success *out owns the scenario with
 * its calendar and models.  On error returns MUTU_EINPUT / MUTU_ENOTFOUND
 * and err reads "FILE:LINE: what is wrong (value)".
 */
int sim_scenario_load(const char *path, const char *cal_dir,
		      struct sim_scenario **out, struct mutu_err *err);

/*
 * Build a scenario in code.  cal is borrowed and must outlive the
 * scenario; NULL means "time is working time" (every second works, no
 * offset), which is what queueing-theory tests want.  start and end are
 * instants (seconds since the epoch; with cal NULL any origin works).
 * Warm-up defaults to none, replications to 10, seed to 1.
 */
struct sim_scenario *sim_scenario_create(const struct cal *cal, double start, double end);
void sim_scenario_free(struct sim_scenario *sc); /* NULL-safe */

void sim_scenario_set_warmup(struct sim_scenario *sc, double warmup_until);
void sim_scenario_set_replications(struct sim_scenario *sc, int n);
void sim_scenario_set_seed(struct sim_scenario *sc, uint64_t seed);
/* Lead-time quantiles (median, p90, p95 by P-square) on or off (default
 * on).  Off, lead_p50/p90/p95 are NaN and a file costs about 40% less:
 * for long runs where only means matter. */
void sim_scenario_set_quantiles(struct sim_scenario *sc, int on);
/* Queue-length sampling interval in working seconds (default: one working
 * day, 8 h without a calendar); 0 turns sampling off. */
void sim_scenario_set_sample_every(struct sim_scenario *sc, double work_seconds);

/* An actor with `servers` staff (>= 1).  Returns its index. */
int sim_scenario_add_actor(struct sim_scenario *sc, const char *name, int servers);
/*
 * Give an actor a calendar of its own (the `calendar=` staff option; cal
 * borrowed, must outlive the scenario; NULL: the scenario's).  Its steps
 * take their service as working time on that calendar: a service of s
 * started at instant t ends at cal_instant_at(cal, cal_work_at(cal, t) + s)
 * (and never before t).  Waiting, lead times and the SLA ceiling stay in
 * the scenario's working time.  Must cover the whole run (checked by
 * sim_scenario_compile).
 */
void sim_scenario_set_actor_calendar(struct sim_scenario *sc, int actor, const struct cal *cal);
/* An SOP (flow) with Poisson arrivals at rate per working second and its
 * ceiling in working seconds (0: none).  Returns its index. */
int sim_scenario_add_sop(struct sim_scenario *sc, const char *id, double rate,
			 double ceiling_seconds);
/* Append a step to an SOP: actor index or SIM_PEMOHON.  Returns the
 * step's position (0-based) in the SOP. */
int sim_scenario_add_step(struct sim_scenario *sc, int sop, int no, const char *activity,
			  int actor, struct sim_dist service);

/*
 * Finish a scenario built in code (sim_scenario_load does this itself):
 * dates become working seconds, priorities levels, days and batch moments
 * are laid out.  Call after the last add_* and before sim_run; calling it
 * again after more changes is fine.  Returns 0 or MUTU_EINPUT/MUTU_ERANGE.
 */
int sim_scenario_compile(struct sim_scenario *sc, struct mutu_err *err);

int sim_scenario_replications(const struct sim_scenario *sc);
uint64_t sim_scenario_seed(const struct sim_scenario *sc);
const char *sim_scenario_path(const struct sim_scenario *sc); /* NULL when built in code */
const struct cal *sim_scenario_cal(const struct sim_scenario *sc); /* may be NULL */
int sim_scenario_day_minutes(const struct sim_scenario *sc);
/* Observation window (after warm-up) and end, as instants. */
void sim_scenario_window(const struct sim_scenario *sc, double *start, double *warmup,
			 double *end);

size_t sim_scenario_nsops(const struct sim_scenario *sc);
const char *sim_scenario_sop_id(const struct sim_scenario *sc, size_t i);
const char *sim_scenario_sop_name(const struct sim_scenario *sc, size_t i);
/* The SOP model SOP i was loaded from (borrowed: the scenario owns it);
 * NULL for a scenario built in code. */
const struct sop_model *sim_scenario_sop_model(const struct sim_scenario *sc, size_t i);
/* The SOP's ceiling in working seconds of the scenario's calendar (its
 * rounded days x day_minutes), 0 when it has none. */
double sim_scenario_sop_ceiling(const struct sim_scenario *sc, size_t i);
size_t sim_scenario_nactors(const struct sim_scenario *sc);
/* The actor's canonical name (metric keys "actor/NAME/...", emitted logs). */
const char *sim_scenario_actor_name(const struct sim_scenario *sc, size_t i);
/* The actor as the scenario's [staff] line names it, the office's own title
 * ("Kadis", "Kasi PP"): what output shows people.  The name when the
 * scenario was built in code or the line writes the canonical name.
 * Borrowed from the scenario. */
const char *sim_scenario_actor_title(const struct sim_scenario *sc, size_t i);

/*
 * Offered load of every actor: sum over SOPs of arrival rate x expected
 * visits (rework loops included) x mean service, divided by the mean staff
 * present.  util receives nactors values.  Returns the index of the first
 * actor at or above 1, or -1.
 */
int sim_scenario_offered_load(const struct sim_scenario *sc, double *util);

/*
 * Staffing that changes over the run ("1, 3 from 2025-07-01"): one note
 * (English, for stderr) per period whose own staff would carry 100% or
 * more of the run's mean offered load, naming the actor, the staff, the
 * months and both loads; sim_scenario_offered_load averages staff over
 * the run and so passes such a scenario.  Also one note per run of five
 * or more consecutive working days shorter than day_minutes (Ramadan
 * hours) in which an actor on the scenario's calendar carries 100% or more
 * at the staff scheduled then: such days get as many files a day as full
 * ones.  Actors already at or above 1 over the whole run are left to that
 * check.  Returns the notes added.
 */
size_t sim_scenario_overload_periods(const struct sim_scenario *sc, struct mutu_notes *notes);

/*
 * Expected visits of each step of SOP sop (0-based, < nsops) per file, from
 * the routing matrix: after step k a file goes back to its reject_to step
 * with the step's reject probability, else on to step k+1 (or out).  v
 * receives the SOP's step count of values, solving v = e1 + P'v exactly
 * (overlapping loops included).  Pemohon steps count like any other:
 * their visits cost events even though they load no staff.  Returns 0, or
 * MUTU_EINPUT when a loop never ends (v is then +inf where it matters).
 */
int sim_scenario_expected_visits(const struct sim_scenario *sc, size_t sop, double *v);

/* ---- staffing in code (engine/sim_staff.c) ------------------------------ */

/*
 * Index of the actor a person would name: its canonical name or its
 * [staff] title, case-insensitive ("front office"), else an alias of the
 * canonical name (sop_actor_canonical: "Kadis").  -1 when none matches.
 */
int sim_scenario_find_actor(const struct sim_scenario *sc, const char *name);
/* Staff of actor at the start of the run. */
int sim_scenario_servers(const struct sim_scenario *sc, size_t actor);
/*
 * Give actor `servers` staff (>= 1) for the whole run: every period of a
 * staffing over time ("2, 3 from 2025-07-01") takes that number, so the
 * dates stay but the count no longer changes.  For planners (mutu plan)
 * trying staffings on one loaded scenario; call between runs, never while
 * sim_run runs on sc.  The offered-load check of sim_scenario_compile is
 * not repeated: ask sim_scenario_offered_load.
 */
void sim_scenario_set_servers(struct sim_scenario *sc, size_t actor, int servers);

/*
 * A service level at one pelaksana: count the visits (services begun after
 * warm-up at any of its steps) that waited at most `limit` working seconds
 * in its queue, and report their share as the metric
 * "actor/NAME/wait_within" (a SIM_K_SHARE, after the actor's others).
 * limit < 0 (or NaN) turns it off, the default: the kernel then keeps no
 * count and the metric is absent, so results are those of a scenario
 * without it, to the byte.  A scenario sets it with the [staff] option
 * `wait_target=80% <= 1 Jam`; mutu plan sets it for its wait targets.
 * A wait of exactly the limit counts as within (1e-6 s of slack, as the
 * SOP ceiling's check).
 */
void sim_scenario_set_wait_limit(struct sim_scenario *sc, size_t actor, double limit);
/* The actor's limit in working seconds, or -1 when none. */
double sim_scenario_wait_limit(const struct sim_scenario *sc, size_t actor);
/* The share the scenario's `wait_target=` asks at the actor (0 < p <= 1),
 * 0 when it sets none; *line (may be NULL) receives its [staff] line. */
double sim_scenario_wait_target(const struct sim_scenario *sc, size_t actor, int *line);
/* The share `within_target =` of [sop ID] asks within the SOP's ceiling
 * (0 < p <= 1), 0 when none. */
double sim_scenario_sop_within_target(const struct sim_scenario *sc, size_t sop);

/* The steps of SOP sop as the kernel runs them (read-only view). */
size_t sim_scenario_nsteps(const struct sim_scenario *sc, size_t sop);
/* The number of SOP sop's office's last step (sop_office_end; known after
 * sim_scenario_compile, 0 before): a file's SLA clock stops when it
 * completes that step, as in reports; the applicant's steps after it
 * (collecting the SK) still run, and keep the file in the work in
 * progress and its sojourn, but not in its lead time. */
int sim_scenario_sop_end_step(const struct sim_scenario *sc, size_t sop);
/* The number of the step whose end starts SOP sop's SLA clock (the
 * acceptance check, sop_clock_start_step; known after
 * sim_scenario_compile), 0 when the arrival starts it: a file's lead
 * time runs from its first completion of that step that does not send
 * it back, as in reports; its sojourn from the arrival. */
int sim_scenario_sop_start_step(const struct sim_scenario *sc, size_t sop);
/* Step k (0-based position) of SOP sop: its number as the model writes it,
 * its actor (index or SIM_PEMOHON) and service distribution (copied). */
void sim_scenario_step(const struct sim_scenario *sc, size_t sop, size_t k, int *no,
		       int *actor, struct sim_dist *service);
/* The name to show for step step_no of SOP sop when it has no staff
 * (actor SIM_PEMOHON): the information system's ("Sistem OSS") for a step
 * it does by itself, else "Pemohon" (also for an unknown sop or step).
 * Borrowed from sc. */
const char *sim_scenario_unstaffed_name(const struct sim_scenario *sc, int sop, int step_no);
/* Rework after step k (0-based position) of SOP sop: the probability the
 * file goes back to the applicant, the position it comes back to (-1:
 * none) and the applicant's delay, working time (copied).  Any pointer may
 * be NULL. */
void sim_scenario_step_rework(const struct sim_scenario *sc, size_t sop, size_t k, double *reject,
			      int *reject_to, struct sim_dist *resubmit);

/* ---- limits ------------------------------------------------------------ */

/*
 * What one run may cost, checked before anything is allocated
 * (sim_scenario_load names the scenario's line; sim_run checks again
 * with the replications it was given), so that a typo is refused with the
 * numbers instead of allocating until the process is killed.  README.md
 * ("Limits of a run") lists the same numbers.
 *
 * SIM_MAX_SAMPLES: queue-length samples kept, pelaksana x sample points
 *   (`sample_every` over the run).  Each costs 16 bytes per worker thread
 *   and 16 more in the results: 10 million is 160 MB a thread.  The shipped
 *   scenarios keep about 2,000 (7 pelaksana, one a working day for a year).
 * SIM_MAX_REPLICATION_YEARS: replications x run length in calendar years
 *   (shipped: 30 x 1).  10,000 is 100 replications of 100 years.
 * SIM_MAX_VISITS: expected step executions of one file, rework included
 *   (1/(1-p) passes of a loop rejected with probability p).  A 10-step
 *   SOP rejected at its end with p = 0.9 makes 100; 1,000 means a typo
 *   (0.999 for 0.0999), even when the loop holds only Pemohon steps and so
 *   loads no staff.
 * SIM_MAX_EVENTS: expected events over all replications (arrivals, step
 *   ends, resubmissions, one office event per working day and pelaksana).
 *   The kernel runs about 7 million a second on one core: 1e10 is about
 *   25 minutes.
 * SIM_MAX_RESULT_VALUES: replications x metrics kept for the intervals,
 *   8 bytes each: 20 million is 160 MB.
 */
#define SIM_MAX_SAMPLES 10000000.0
#define SIM_MAX_REPLICATION_YEARS 10000.0
#define SIM_MAX_VISITS 1000.0
#define SIM_MAX_EVENTS 1e10
#define SIM_MAX_RESULT_VALUES 20000000.0

/* Which limit a check found exceeded (SIM_LIMIT_NONE: within all). */
enum sim_limit {
	SIM_LIMIT_NONE = 0,
	SIM_LIMIT_SAMPLES,
	SIM_LIMIT_REPLICATION_YEARS,
	SIM_LIMIT_VISITS,
	SIM_LIMIT_EVENTS,
	SIM_LIMIT_RESULT_VALUES
};

/*
 * Check a compiled scenario run with `replications` (< 1: the scenario's)
 * against the limits above.  Returns 0, or MUTU_ERANGE with err naming
 * the number needed, the limit and what to change; *which (may be NULL)
 * says which limit, *sop (may be NULL) the SOP for SIM_LIMIT_VISITS.
 */
int sim_scenario_check_limits(const struct sim_scenario *sc, int replications,
			      enum sim_limit *which, int *sop, struct mutu_err *err);

/* ---- running ----------------------------------------------------------- */

/* Per-period results (see "results per period" below). */
enum sim_by { SIM_BY_NONE = 0, SIM_BY_MONTH, SIM_BY_WEEK };

struct sim_options {
	int replications;  /* 0: the scenario's */
	uint64_t seed;     /* used when has_seed */
	int has_seed;
	int threads;       /* 0: every core */
	enum sim_by by;    /* per-period results too (default SIM_BY_NONE) */
	/* Called from worker threads, serialised by the runner, after each
	 * replication.  May be NULL. */
	void (*progress)(void *ctx, int done, int total);
	void *progress_ctx;
};

/*
 * Results per period (sim_options.by): every calendar month or ISO week
 * of the observed window (warm-up to end; a period the window cuts is kept
 * with the part observed), cut at local midnight in the scenario
 * calendar's zone (UTC without a calendar).  Each period adds metrics with
 * sim_metric.period set to its index in sim_results.periods plus 1 and keys
 * prefixed "month/2025-03/" or "week/2025-W10/" (then the whole run's form:
 * "month/2025-03/sop/ID/within", "month/2025-03/step/ID/2/wait_mean",
 * "month/2025-03/all/arrivals").  Per period and per SOP (and for all
 * SOPs): arrivals (files that came in the period), finished, within_n and
 * within (files finished in the period within the ceiling: count and
 * share), lead_mean, lead_p50, lead_p90 (per SOP, with quantiles on) and
 * lead_days_mean of the files finished in the period; per step wait_mean
 * and service_mean of the services begun in the period.  Like every
 * metric they carry the 95% interval across replications and pair in
 * sim_compare by key.
 */
struct sim_period {
	char label[16];      /* "2025-03", "2025-W10" */
	double start, end;   /* instants: local midnight, cut to the window */
};

/* What a metric measures, and so how it is shown. */
/* Lead time is also given in calendar days (SIM_K_DAYS): "lead_days_mean"
 * for all SOPs and per SOP (and per period): wall-clock days from the
 * start of a file's SLA clock (its acceptance, sim_scenario_sop_start_step;
 * the arrival where the clock starts there) to its finish (weekends,
 * holidays and time with the applicant after acceptance included), as
 * reports count a case's calendar time.  A mean only: a quantile histogram
 * of its own would cost each file about a fifth more. */
enum sim_kind {
	SIM_K_COUNT = 0, /* a number of files */
	SIM_K_SHARE,     /* 0..1 */
	SIM_K_TIME,      /* working seconds (JSON: minutes) */
	SIM_K_LEVEL,     /* a time-averaged or maximum count (queue length, WIP) */
	SIM_K_RATE,      /* files per working hour */
	SIM_K_DAYS       /* calendar (wall-clock) days, fractional */
};

enum sim_scope { SIM_S_ALL = 0, SIM_S_SOP, SIM_S_STEP, SIM_S_ACTOR };

struct sim_metric {
	enum sim_scope scope;
	int sop;            /* SOP index (SOP and STEP scope), else -1 */
	int step_no;        /* step number as the model writes it (STEP scope), else 0 */
	int actor;          /* actor index (ACTOR and STEP scope; SIM_PEMOHON), else -1 */
	const char *field;  /* "finished", "within", "lead_mean", ... (static) */
	enum sim_kind kind;
	char key[160];      /* "sop/ID/lead_mean", "step/ID/2/wait_mean",
			       "actor/NAME/util", "all/finished": matches across scenarios */
	int period;         /* 0: the whole run; p > 0: sim_results.periods[p - 1] */
	double limit;       /* wait_within: the wait limit it counts against (working
			       seconds); 0 for every other metric.  sim_compare pairs
			       two wait_within only when their limits are equal */
};

struct sim_results {
	int nrep;
	uint64_t seed;
	size_t nmetric;
	struct sim_metric *metrics;  /* nmetric */
	double *values;              /* nrep x nmetric, row per replication */
	struct stats_ci *ci;         /* nmetric: mean and 95% interval across replications */
	/* Queue length over time per actor, sampled every sample_every working
	 * seconds from the start (time of sample k: sample_time[k], an instant).
	 * queue_mean / queue_max: nactors x nsamples, row per actor, mean and
	 * maximum over replications of the queue length at that moment. */
	size_t nactors, nsamples;
	double sample_every;
	double *sample_time;
	double *queue_mean;
	double *queue_max;
	/* Cost of the run. */
	uint64_t events;             /* events executed, all replications */
	uint64_t customers;          /* files that finished, all replications */
	double wall_seconds;
	int threads;
	/* What a paired comparison needs both runs to share, one fact a line
	 * (calendar, run period, each SOP with its steps); owned. */
	char *shape;
	/* Periods of the per-period metrics (SIM_BY_NONE: none); owned. */
	enum sim_by by;
	size_t nperiods;
	struct sim_period *periods;
	/* files open at the start (sim_scenario_add_open_file): nrep x nopen */
	size_t nopen;
	double *open_end, *open_lead;
};

/*
 * Run the scenario's replications (options may be NULL).  On success *out
 * owns the results (free with sim_results_free).  Fails only on bad
 * options or a thread that cannot start (MUTU_EFAIL).
 */
int sim_run(const struct sim_scenario *sc, const struct sim_options *opt,
	    struct sim_results **out, struct mutu_err *err);
void sim_results_free(struct sim_results *r); /* NULL-safe */

/* Index of the metric with key, or -1. */
int sim_results_find(const struct sim_results *r, const char *key);

/* Paired comparison of two runs with common random numbers (same seed and
 * replication count): for every key present in both, the interval of
 * b - a.  *out receives a new array (caller frees) of a->nmetric entries
 * in a's order; ib is -1 where b lacks the key.  Fails (MUTU_EINPUT) when
 * the seeds or replication counts differ, or when the runs do not share
 * their run period, SOPs and steps (results->shape): only then do the
 * same random streams drive the same files, and the pairs mean
 * something.  The calendars may differ (Ramadan hours against none, a new
 * counter timetable): arrivals are drawn on the day clock (sim_int.h), so
 * calendars with the same working days get the same files on the same
 * days, whatever their hours; each step's service and rework draws come
 * from that step's own stream (the k-th service begun at a step gets the
 * same draw in both runs).  sim_compare_calendars says so. */
struct sim_diff {
	int ia, ib;          /* metric index in a and b (ib -1: missing) */
	struct stats_ci d;   /* b - a */
};
int sim_compare(const struct sim_results *a, const struct sim_results *b,
		struct sim_diff **out, struct mutu_err *err);

/* "CAL_A vs CAL_B" when a and b were run on different calendars (what a
 * comparison pairs across), else NULL.  New string, caller frees. */
char *sim_compare_calendars(const struct sim_results *a, const struct sim_results *b);

/*
 * Run one replication and write its event log in the canonical ingest
 * form (case_id,sop,step,activity,actor,start,end,resource; ISO 8601 with
 * the calendar's offset; resource names the staff member, "Front Office
 * 2", or "Pemohon"), one row per step execution, rework repeating steps,
 * steps finished before the end of the run only.  Case ids are
 * "sim-<scenario file stem>-NNNNNN" (e.g. sim-banjarbaru-000001), so logs of
 * several scenarios can share a store.  Returns 0, MUTU_ERANGE when one
 * replication exceeds the limits below (sim_scenario_check_limits), or
 * MUTU_EFAIL on a write error.
 */
int sim_write_log(const struct sim_scenario *sc, uint64_t seed, int replication,
		  FILE *out, struct mutu_err *err);

/* ---- backlog: files already open when the run starts ------------------- */

/*
 * Move a scenario's run to [start, end) with statistics from warmup (an
 * instant inside the run; start: none), and compile it again: a forecast
 * runs from "now" (an as-of instant) instead of the scenario's [run]
 * dates.  Arrival rates keep their value per working second (a "per
 * bulan" rate stays what the scenario's own run made of it); staffing
 * changes at or before the new start become the staffing at the start.
 * MUTU_EINPUT for a window that is empty or an SOP whose arrivals are
 * replayed from a file (those are dates of the old run); MUTU_ERANGE when
 * the calendar does not cover it.
 */
int sim_scenario_set_window(struct sim_scenario *sc, double start, double warmup, double end,
			    struct mutu_err *err);

/* Index of the SOP with id, or -1. */
int sim_scenario_find_sop(const struct sim_scenario *sc, const char *id);
/* Position (0-based) of step number no of SOP sop, or -1 (the number of
 * steps: sim_scenario_nsteps above). */
int sim_scenario_step_pos(const struct sim_scenario *sc, size_t sop, int no);
/* Step at position pos: its number, activity (borrowed, may be NULL) and
 * actor index (SIM_PEMOHON for the applicant). */
void sim_scenario_step_info(const struct sim_scenario *sc, size_t sop, int pos, int *no,
			    const char **activity, int *actor);

/*
 * Place a file that is open when the run starts (a backlog file: `mutu
 * forecast`, `mutu sim --from-db`).  It enters SOP sop at step position
 * pos at the start of the run, with age_s working seconds already on its
 * SLA clock (its lead time at the end is age_s plus the working time from
 * the start, net of time back with the applicant) and in_step_s working
 * seconds already spent in that step.  A file at or before the acceptance
 * check (sim_scenario_sop_start_step) with age_s 0 is not accepted yet:
 * its clock starts when the check lets it through, as a new file's does;
 * any other file is on the clock from the start.
 *
 * in_service 1: it is being served.  It holds one of the actor's staff
 * from the start (if all are held by earlier files, it waits at the head
 * of the queue and is served in full, as a new file), and its remaining
 * service is R = S - in_step_s with S drawn from the step's distribution
 * conditioned on S > in_step_s (inverse survival function: the file has
 * survived in_step_s, so the service times it can still have are the
 * longer ones; for the exponential that is a fresh draw, for a fixed time
 * the rest of it, max(0, S - in_step_s)).  A file past every service time
 * its distribution allows (survival below 1e-300) ends at once.  A Pemohon
 * step is with the applicant: the remaining time is drawn the same way,
 * and is on the SLA clock unless in_service is SIM_OPEN_RETURNED: the file
 * went back to the applicant after a later step (melengkapi berkas), so
 * the clock waits for the rest of it, as it waits in the run after a
 * rejection (a forward Pemohon step, paying a fee, stays on the clock).
 * in_service 0: it waits in the step's queue, behind the files placed
 * before it (add them longest waiting first); its service is drawn in full.
 *
 * Files keep the order they were added: file i (from 0) is case number
 * i + 1 of every replication, and its result is column i of
 * results->open_end / open_lead.  The draws of remaining service come
 * from their own random stream ("backlog"), so files arriving during the
 * run keep their common random numbers.  Returns the file's index, or
 * MUTU_EINPUT for an SOP, step or time out of range (ages 0..SIM_MAX_AGE,
 * finite).  Call before sim_run; no compile needed.
 */
#define SIM_MAX_AGE (36500.0 * 24 * 3600) /* 100 years of working seconds */
#define SIM_OPEN_RETURNED 2 /* in_service: at a Pemohon step after a return */
int sim_scenario_add_open_file(struct sim_scenario *sc, int sop, int pos, double age_s,
			       double in_step_s, int in_service);
size_t sim_scenario_nopen(const struct sim_scenario *sc);

/*
 * What sim_run adds to struct sim_results when the scenario has open
 * files: results->nopen, and per replication r and file i
 *   open_end[r * nopen + i]   the instant it finished: completed the
 *                             office's last step, its SLA clock's end
 *                             (sim_scenario_sop_end_step; a file placed
 *                             after that step, at the applicant's
 *                             collection, ends at the start), INFINITY:
 *                             not by the end of the run,
 *   open_lead[r * nopen + i]  its lead time in working seconds (age +
 *                             working time after the start - time with
 *                             the applicant; INFINITY when not finished).
 * Both owned by the results; NULL when nopen is 0.
 */

/* ---- output ------------------------------------------------------------ */

enum sim_format { SIM_TEXT = 0, SIM_JSON, SIM_CSV };

/* Render results (and, with b and diffs non-NULL, the comparison b - a).
 * JSON opens with "schema": "mutu.sim/1" (docs/schema/sim.schema.json). */
void sim_results_format(const struct sim_scenario *sc, const struct sim_results *r,
			const struct sim_scenario *scb, const struct sim_results *rb,
			const struct sim_diff *diffs, enum sim_format fmt,
			struct mutu_buf *out);

#endif /* MUTU_SIM_H */
