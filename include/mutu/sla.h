/*
 * sla.h - compliance: how long each case and each step took in working
 * time, measured against the SOP's mutu baku, and what broke the SOP.
 *
 * Three layers, each usable on its own:
 *   - struct sla_sop: one SOP model with its calendar and the rules that
 *     decide when the SLA clock starts and stops (resolved once);
 *   - sla_case_compute(): one case's events in, durations, verdict, pauses
 *     and audit findings out (pure computation, no I/O);
 *   - struct sla_reader: streams cases out of the store (docs/store.md) in
 *     case order, so memory stays flat in the number of events, and
 *     sla_month_run() aggregates them into what the monthly report shows.
 *
 * The clock (domain.md: "sejak permohonan dan persyaratan diterima dengan
 * benar dan lengkap"): it starts when the front office accepts the file as
 * complete, i.e. at the end of the clock-start step (default: the first
 * step with reject_to set, the front-office check; per SOP `[sla]
 * clock_start = N` in the model file, or an option), taken at its last
 * completion before the case moves past it.  It stops when the office's
 * work ends: at the first completion, after acceptance, of the office's
 * last step (sla_sop end_step: the SOP's last step that is not the
 * applicant's, e.g. "Kepala Dinas menandatangani izin").  Pemohon steps
 * after it at the end of the SOP (collecting the SK at the counter) are
 * the applicant's time: they do not move the clock's end, and a berkas
 * signed but never collected is finished, not open.  When the log has a
 * collection but no completion of the end step (an office that logs the
 * handover but skipped the signing row), the office's work ended at its
 * latest completion (of a step not the applicant's) before the first
 * collection.  While the file is back with the applicant in the middle
 * of the SOP (a Pemohon step the case went back to, after a rejection)
 * the clock is paused.
 *
 * The ceiling is the SOP's as published, collection included: the "(N
 * Hari)" and the exact sum of every step's waktu are what the office
 * declares and what its Standar Pelayanan promises, so mutu judges
 * against the same figure the office and the Ombudsman read.  The
 * collection's few minutes of waktu are not taken out (in the seeds at
 * most 5 minutes of a multi-day ceiling; leaving them in never makes an
 * office late that met its declared standard).
 *
 * The audit shows the applicant's part on its own: a trailing Pemohon
 * step is after the clock (in_clock 0), never over its waktu as the
 * office's step (no SLA_F_OVER, no share in the office's late excess);
 * when it ended past the case's deadline while the office was in time
 * (the berkas handed over late by the applicant) it carries
 * SLA_F_APPLICANT_LATE, with the
 * applicant's working time from the office's end to it (actual_s).
 * Not every collection over its waktu: applicants come days after the
 * signing as a rule.  A finished case not yet collected has no
 * SLA_F_MISSING for it.
 * Logs without a model (e.g. WABO) are measured from their first to their
 * last event on the 24x7 calendar.
 *
 * A step's actual time runs from its start stamp to its end stamp; with
 * only completion stamps it runs from the previous event's completion
 * (but for a recheck, sla_step_time: that span is the applicant's).
 * Times are working seconds in the SOP's calendar.  Instants are seconds
 * since the epoch (UTC) as double; NAN means "not there".
 */
#ifndef MUTU_SLA_H
#define MUTU_SLA_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"
#include "mutu/cal.h"
#include "mutu/sop.h"

struct mutu_store;

/* Which ceiling decides the verdict (reports state it). */
enum sla_ceiling {
	SLA_CEIL_ROUNDED = 0, /* the "(N Hari)" ceiling, or the total rounded up */
	SLA_CEIL_EXACT = 1    /* the exact sum of the steps' waktu */
};

/* Audit flags (bit mask). */
enum sla_flag {
	SLA_F_OVER = 1 << 0,     /* step took longer than its waktu */
	SLA_F_MISSING = 1 << 1,  /* SOP step with no event in the case */
	SLA_F_ORDER = 1 << 2,    /* step done before an earlier SOP step */
	SLA_F_REWORK = 1 << 3,   /* step repeated */
	SLA_F_UNKNOWN = 1 << 4,  /* activity not in the SOP */
	SLA_F_ACTOR = 1 << 5,    /* log actor is another position than the SOP's */
	SLA_F_SOD = 1 << 6,      /* same person checked and approved */
	SLA_F_PAUSED = 1 << 7,   /* clock paused while the file was at the applicant */
	SLA_F_LATE = 1 << 8,     /* case over its ceiling */
	SLA_F_APPLICANT_LATE = 1 << 9 /* a Pemohon step after the office's end (collecting
				       * the SK) done past the deadline of a case the
				       * office finished in time: the applicant's time,
				       * not the office's */
};
#define SLA_NFLAGS 10

/* Stable machine name of the flag with bit index i ("over", "missing", ...). */
const char *sla_flag_name(int i);

struct sla_opts {
	enum sla_ceiling ceiling;
	int reading;          /* -1: the calendar's own; else enum cal_day_reading */
	int clock_start_step; /* 0: model's [sla] clock_start, else the reject_to step */
	const char *calendar; /* NULL: the model's calendar (24x7 without a model) */
	const char *calendars_dir; /* NULL: cal_load's default */
	const char *models_dir;    /* folder of *.ini models; NULL: "models" */
	/* the zone that cuts days and months of cases without a model (and
	 * without --calendar); borrowed, must outlive every sla_sop made with
	 * these options.  NULL: the offset written on the case's own stamps */
	const struct cal_tz *tz;
	const char *deadline_col;  /* planned-date attribute (sla_planned_rank); NULL: the known names */
};

void sla_opts_init(struct sla_opts *o);

/* One SOP (or "no model") resolved for measuring. */
struct sla_sop {
	char *id;                   /* SOP id; NULL for cases without a model */
	struct sop_model *model;    /* owned unless borrowed; NULL without a model */
	struct cal *cal;            /* owned unless borrowed */
	int borrowed;               /* model and cal belong to the SOP registry of an
				     * sla_env (sla_env_get), not to this sop */
	enum cal_day_reading reading;
	enum sla_ceiling ceiling;
	int clock_start_step;       /* 0 = clock starts at the first event */
	const char *clock_start_source; /* "option", "model [sla]", "reject_to", "first event" */
	int last_step;              /* 0 without a model */
	int end_step;               /* the office's last step, where the clock stops: the
				     * last step that is not the applicant's (last_step
				     * when every step is, or when it would come before
				     * the clock start); 0 without a model.  Steps after
				     * it are the applicant's (collection) */
	int day_minutes;
	int ceiling_days;           /* rounded ceiling in Hari (0 without a model) */
	struct dur exact;           /* sum of the steps' waktu */
	double rounded_s, exact_s;  /* the two ceilings as working seconds (net reading) */
	int has_ceiling;
	int zone_rule;              /* enum sla_zone_rule: how days and months are cut */
	const struct cal_tz *tz;    /* SLA_ZONE_TZ: the zone (borrowed from the options) */
	/* precomputed per step number 0..last_step (owned): */
	unsigned char *step_kind;   /* bit 1: checks the file, bit 2: approves/signs, bit 4: the applicant's step */
	const char **step_actor;    /* canonical position of the step's pelaksana */
	double *step_std;           /* waktu in working seconds, NAN when no step */
	/* log actor -> canonical position, filled as cases are read (owned).
	 * It makes an sla_sop (and its env) a one-thread-at-a-time object. */
	struct sla_actor_cache *actors;
};

/*
 * Local days and months (a report's month, its days, "latest month") are
 * cut at local midnight of the office's zone: the calendar's when the
 * case has a model (or --calendar is given); else the --tz zone, with its
 * daylight saving; else the UTC offset written on the case's own stamps
 * (a log stamped 2011-06-01T00:00:00+02:00 puts that instant in June).
 */
enum sla_zone_rule {
	SLA_ZONE_CALENDAR = 0,
	SLA_ZONE_TZ = 1,
	SLA_ZONE_STAMPS = 2
};

/* Canonical position of a log actor (sop_actor_canonical, cached in s);
 * NULL when the name is no known position. */
const char *sla_actor_canonical(const struct sla_sop *s, const char *actor);

/*
 * Resolve an SOP for measuring.  model (may be NULL) and cal are taken
 * over by s in every case (freed by sla_sop_release, also on error).
 * The model's [sla] clock_start (model->clock_start, read with the model)
 * is applied here.
 */
int sla_sop_init(struct sla_sop *s, struct sop_model *model, struct cal *cal,
		 const struct sla_opts *o, struct mutu_err *err);
void sla_sop_release(struct sla_sop *s);

/* 1 when a case whose latest completion is of step `step` is finished
 * under s (sla_case_compute's rule): the office's end step or a Pemohon
 * step after it.  0 without a model. */
int sla_sop_final_step(const struct sla_sop *s, int step);

/* Working seconds of a step's waktu (day as day_minutes: the net reading). */
double sla_step_std(const struct sla_sop *s, int step);

/*
 * Models and calendars by SOP id, loaded on first use and kept, through
 * the one SOP registry (sop_registry_get: a model is known by its `id`,
 * models_dir/ID.ini is tried first).  NULL id: the no-model SOP.
 */
struct sla_env;
struct sla_env *sla_env_create(const struct sla_opts *o); /* copies o (strings borrowed) */
void sla_env_free(struct sla_env *e);
int sla_env_get(struct sla_env *e, const char *sop_id, const struct sla_sop **out,
		struct mutu_err *err);
/* The options e was created with (strings borrowed from the caller). */
const struct sla_opts *sla_env_opts(const struct sla_env *e);
/* Every SOP resolved so far, in the order first asked for. Borrowed. */
size_t sla_env_count(const struct sla_env *e);
const struct sla_sop *sla_env_at(const struct sla_env *e, size_t i);

/* One event of a case, as read from the store.  Strings are borrowed. */
struct sla_event {
	int64_t id;
	int step;            /* SOP step number, 0 when not mapped */
	const char *activity;
	const char *actor;   /* may be NULL */
	double start, end;   /* NAN when absent */
	int unknown;         /* activity not in the SOP */
	int lifecycle;       /* enum sla_lifecycle of the row's lifecycle text */
	int start_off, end_off; /* offsets written in the log, seconds east of
				 * UTC; SLA_OFF_NONE when not known */
	const char *instance; /* execution instance id (bupaR activity_instance_id,
			       * XES concept:instance); NULL when none */
	int64_t sorting;     /* the log's order of equal stamps (Celonis _SORTING),
			      * 0 when none: events sort by time, then this,
			      * then id (file order) */
};

/* Offset not known (the event's time is shown in the calendar's zone). */
#define SLA_OFF_NONE (-1000000)

/* What a lifecycle:transition value says about the row. */
enum sla_lifecycle {
	SLA_LC_OTHER = 0,    /* none, or a value pairing leaves alone (ate_abort, ...) */
	SLA_LC_START = 1,    /* start, begin, started (case-insensitive) */
	SLA_LC_COMPLETE = 2, /* complete, completed, end, ended */
	SLA_LC_MARK = 3,     /* schedule, assign, reassign, suspend, resume (XES
			      * lifecycle model): a moment inside or before an
			      * execution, not one; sla_events_pair drops it when
			      * the activity has a start or complete row */
	SLA_LC_ABORT = 4,    /* ate_abort, withdraw (IEEE 1849 lifecycle): the
			      * execution ended without completing; it closes its
			      * open start (or the marks of a withdrawn one) */
	SLA_LC_PI_ABORT = 5, /* pi_abort: the case was cancelled; its open steps
			      * end there without completing */
	SLA_LC_SKIP = 6      /* manualskip, autoskip: the activity was skipped,
			      * never run; no step execution (its row and its
			      * activity's marks are dropped) */
};

/* The BPAF model's states (lifecycle:model "bpaf") are read as the
 * standard's: Open.Running[.InProgress] START, Closed[.Completed.*]
 * COMPLETE, Closed.Cancelled.* ABORT, other Open.* states MARK; a start
 * after a suspension of the same execution is its resume. */

/* Classify a lifecycle text (NULL: SLA_LC_OTHER). */
int sla_lifecycle_kind(const char *text);

/*
 * XES-style logs write a step as two rows, a start row (lifecycle start,
 * only a start stamp) and a complete row (only an end stamp).  Pair them:
 * each complete row takes the earliest still-unpaired start row of the
 * same activity that is not later than it (FIFO per activity; the start
 * of the same instance id first, then the complete row's own actor's;
 * never a start of another instance id) and becomes
 * one step execution with both stamps (id, step and actor of the complete
 * row; the start row's actor when the complete row has none); the start
 * row is removed.  A start row left unpaired stays: an open step.  First
 * the SLA_LC_MARK rows of an activity that has start, complete or abort
 * rows are removed (suspensions count as the step's time).  An
 * SLA_LC_ABORT row takes an open start in the same order as a complete
 * row and both are removed: an aborted or withdrawn execution is no step
 * execution (no step time, no completion, no rework); the case's clock
 * runs through it as long as the clock starts at another row (a model's
 * acceptance step; without a model a case that begins with an aborted
 * attempt begins at its next row).  An SLA_LC_PI_ABORT row removes
 * every start and mark row still open at its instant (at its own stamp:
 * the rows the sorting column puts before it, all of them without one),
 * and no completion after it takes such a start; the row itself stays
 * when it is the case's last event, and goes when the log goes on (the
 * case reopened).  Rows
 * with other lifecycles, and logs without start rows, are left as they
 * are.  ev ends sorted (sla_events_sort); returns the new count.
 */
size_t sla_events_pair(struct sla_event *ev, size_t n);

/* A finding of the audit. */
struct sla_finding {
	unsigned flag;   /* one enum sla_flag bit */
	int step;        /* SOP step it concerns, 0 none */
	long ev;         /* index into the case's events, -1 none */
	double actual_s, std_s; /* for OVER, PAUSED (actual = paused time), LATE */
	char detail[200]; /* data, not prose: e.g. "Kasi|Back Office" for ACTOR */
};

/* One event's measured time. */
struct sla_step_time {
	double from, to;    /* interval measured (NAN when not measurable) */
	int from_prev;      /* 1: no start stamp, measured from the previous completion */
	double work_s;      /* working seconds, NAN when not measurable */
	double wait_s;      /* with start stamps: working time since the previous completion */
	double std_s;       /* the step's waktu in working seconds, NAN when none */
	double excess_s;    /* max(0, work - std), 0 when either is unknown */
	int in_clock;       /* ended inside the running SLA clock */
	int paused;         /* time at the applicant (clock stopped) */
	int returned;       /* a return to the Pemohon (before or after acceptance):
			     * the applicant's fixing time, no execution of the
			     * step (std_s NAN); the month's step statistics leave it out */
	int applicant_after; /* a Pemohon step after the office's end step (the
			      * applicant collecting the SK): after the clock,
			      * never over its waktu as the office's (excess_s
			      * 0); SLA_F_APPLICANT_LATE when done past the
			      * deadline of a case in time */
	int recheck;        /* before acceptance, the check that can send the berkas
			     * back to the Pemohon (reject_to) done again with no
			     * Pemohon step between: a return the log shows only so.
			     * With completions only its time since the rejection is
			     * the applicant's, when they resubmitted unknown: not
			     * measured (work_s NAN), never over its waktu */
	const char *actor_key; /* canonical position or the log actor as written */
	unsigned flags;
};

struct sla_pause {
	double from, to;
};

struct sla_case {
	int64_t case_id;
	const char *key;         /* borrowed from the input */
	const char *office;      /* the case's office to name beside it, borrowed; NULL
				  * (as sla_case_compute leaves it): not named */
	const struct sla_sop *sop;
	const struct sla_event *ev; /* borrowed, sorted by time */
	size_t nev;
	double arrival;          /* earliest instant of the case */
	double accepted;         /* clock start; NAN: not (yet) accepted */
	double done;             /* clock end; NAN: open */
	int finished;
	double work_s;           /* working time, clock start to end (or to last event), net of pauses */
	double paused_s;         /* working time paused at the applicant */
	size_t returns_pre;      /* times the berkas went back to the applicant before
				  * acceptance (a returned Pemohon step, or a recheck) */
	double returns_pre_s;    /* working time the applicant had it in those returns,
				  * rejection to resubmission; NAN when none, or when the
				  * log does not tell one of them (a recheck) */
	double calendar_s;       /* wall-clock seconds, clock start to end */
	double pre_s;            /* working time from arrival to acceptance */
	double deadline_base;    /* clock start + the verdict's ceiling, before pauses; NAN without ceiling */
	double deadline;         /* instant of the verdict's ceiling, pauses added; NAN without ceiling */
	double deadline_exact;   /* same with the exact total */
	int late, late_exact;    /* finished (or open at the time it was computed) past the ceiling */
	int applicant_late;      /* finished in time by the office, collected by the applicant
				  * after the deadline (a step flagged SLA_F_APPLICANT_LATE):
				  * the monthly report counts such berkas apart from the late */
	double over_s;           /* working seconds past the ceiling (0 when in time) */
	double target;           /* per-case deadline attribute instant, NAN when none */
	int late_target;         /* finished after target */
	const char *target_name; /* attribute the target came from (borrowed, set by
				  * the caller from sla_case_in), NULL when none */
	long late_ev;            /* event with the largest excess in a late case, -1 */
	struct sla_step_time *st; /* nev entries, owned */
	struct sla_pause *pauses; /* owned */
	size_t npauses;
	struct sla_finding *findings; /* owned */
	size_t nfindings, capfindings;
	unsigned flags;          /* union of the findings' flags */
	double as_of;            /* instant an open case was aged to (sla_case_as_of), NAN */
};

/*
 * Measure one case.  ev must be sorted by time (sla_events_sort); target
 * is the per-case deadline instant or NAN.  c is initialised here (release
 * it with sla_case_release); it borrows ev, key and s.  Instants outside
 * the calendar's years are MUTU_ERANGE with the case and the instant.
 */
int sla_case_compute(const struct sla_sop *s, int64_t case_id, const char *key,
		     const struct sla_event *ev, size_t nev, double target,
		     struct sla_case *c, struct mutu_err *err);
void sla_case_release(struct sla_case *c);

/* The offset (seconds east of UTC) that cuts instant t of case c into its
 * local day: the calendar's, the --tz zone's at t, or the offset written
 * with the stamp at t (the case's latest stamp when none is at t; 0 when
 * the store has no offset). */
int sla_case_offset(const struct sla_case *c, double t);
/* The instant local midnight of local day `day` (days since 1970-01-01)
 * begins for case c, under the same rule (for SLA_ZONE_STAMPS: at the
 * offset of the case's latest stamp). */
double sla_case_midnight(const struct sla_case *c, int64_t day);
/* Words for the rule of s, for reports: "calendar", "tz" or "stamps". */
const char *sla_zone_rule_name(int rule);

/* Sort events into the order the case went: by start (or end when no
 * start), then end, open steps last, then id. */
void sla_events_sort(struct sla_event *ev, size_t n);

/*
 * When a berkas that has gone past its acceptance check was accepted:
 * the end of the last completion of step cs (the clock-start step,
 * sop_clock_start_step) before the first event of a later step, in ev's
 * order (sla_events_sort); the last completion before that when cs has
 * none, else arrival.  NAN while no event of a later step is in ev (the
 * berkas still at the check, or back with the applicant: sla.c's
 * stage_clock_start decides those).  cs 0: arrival.  The one rule for
 * reports and audits and for the backtest's reading of the log (bt.c),
 * so the two start the clock at the same instant; the simulator applies
 * it as it runs (sim.c: the clock starts when a file first completes the
 * check without being sent back).
 */
double sla_events_accepted(const struct sla_event *ev, size_t nev, int cs, double arrival);

/*
 * When the SLA clock of a berkas stops, from its events in ev's order
 * (sla_events_sort): the latest completion, at or after accepted, of the
 * office's last step end_step (sop_office_end) that no return follows
 * before a step after end_step (the applicant's collection) is done; a
 * return is the applicant's step done again after a later step, or a
 * step before end_step done again (m gives the steps' roles; NULL: only
 * the repeats count).  NAN when there is none (open, or back in the
 * office after a return).  *seen_end (may be NULL): 1 when some
 * completion of end_step at or after accepted is there at all.  The one
 * rule for reports and audits (sla.c) and for the backtest's reading of
 * the log (bt.c), the simulator's clock_stop_k in a log's terms.
 */
double sla_events_done(const struct sop_model *m, int end_step, const struct sla_event *ev, size_t nev,
		       double accepted, int *seen_end);

/*
 * Working age of a case at instant t (clock start to t net of pauses
 * before t), NAN when the clock had not started by t.
 */
double sla_case_age(const struct sla_case *c, double t);

/* Was the case (open at t) past its ceiling at t?  0 without a ceiling. */
int sla_case_past(const struct sla_case *c, double t);

/*
 * Age an open case to the instant t (an audit's "as of"): work_s becomes
 * its working age at t (sla_case_age), calendar_s the wall-clock time from
 * the clock start to t, and when it is past its ceiling at t (or, without
 * a model, past its planned date) it is late: late, over_s and a LATE
 * finding as for a finished case.  c->as_of = t.  Finished cases, cases
 * not yet accepted and t before the clock start leave c unchanged except
 * as_of.  Instants outside the calendar are MUTU_ERANGE.
 */
int sla_case_as_of(struct sla_case *c, double t, struct mutu_err *err);

/* ---- streaming cases out of the store ---- */

/* One case read from the store; everything borrowed until the next call. */
struct sla_case_in {
	int64_t case_id;
	const char *key;
	const char *sop;        /* NULL without a model */
	struct sla_event *ev;
	size_t nev;
	const char *target_text; /* the planned end date (sla_planned_rank), or NULL */
	const char *office;      /* cases.office ("" the default office), borrowed */
	const char *target_name; /* which attribute, its name as stored */
	int target_event;        /* 1: read from an event attribute, 0: a case attribute */
	/* the case's kept measure (sla_reader_open_measured; sla_month.c
	 * encodes it): then nev is 0 and the target fields NULL; else NULL */
	const unsigned char *measure;
	size_t measure_len;
};

struct sla_reader;

/*
 * Stream the cases of db (all, or only those of sop_id when not NULL; or
 * the one case case_key when not NULL), in case-id order, with events
 * sorted.  Three cursors merged in case order: memory holds one case.
 * db is borrowed and must outlive the reader.
 */
int sla_reader_open(struct mutu_store *db, const char *sop_id, const char *case_key,
		    struct sla_reader **out, struct mutu_err *err);
/* The same, with the planned end date read from the attribute deadline_col
 * (matched as sla_planned_rank matches it; NULL: the built-in names). */
int sla_reader_open_ex(struct mutu_store *db, const char *sop_id, const char *case_key, const char *deadline_col,
		       struct sla_reader **out, struct mutu_err *err);
/*
 * sla_reader_open_ex of the cases whose span (first to last stamp of
 * their events) overlaps [from, to), POSIX seconds (NAN: no bound on that
 * side; range of a bound: |t| < 9.2e15 s): what a month's report
 * or an audit period needs, read through the store's index on the spans,
 * so the cost follows the period, not the store.  Cases whose span the
 * store does not know (written by other tools) are read too: a superset,
 * the caller decides by the case's own stamps.
 */
int sla_reader_open_period(struct mutu_store *db, const char *sop_id, double from, double to,
			   const char *deadline_col, struct sla_reader **out, struct mutu_err *err);
/*
 * sla_reader_open_period of [from, to), plus the cases wholly before
 * `from` that may still be open (a month's backlog): of an SOP whose model
 * e gives, the cases whose latest completion is no final step
 * (sla_sop_final_step: the office's end step or a collection after it;
 * store.h, open_before: every case left out is finished before
 * `from`, sla_case_compute's rule); of an SOP without a model (or one e
 * cannot load), every case before `from`.  A store of more than
 * STORE_MAX_OPEN_SOPS SOPs reads its whole history before `to`.
 */
int sla_reader_open_backlog(struct mutu_store *db, struct sla_env *e, const char *sop_id, double from,
			    double to, const char *deadline_col, struct sla_reader **out, struct mutu_err *err);
/* sla_reader_open_backlog, yielding a case whose kept measure has one of
 * the fingerprints fps[0..nfps) (store.h, measure_fps; borrowed for the
 * call) with that measure instead of its events. */
int sla_reader_open_measured(struct mutu_store *db, struct sla_env *e, const char *sop_id, double from,
			     double to, const char *deadline_col, const char *const *fps, size_t nfps,
			     struct sla_reader **out, struct mutu_err *err);

/*
 * Planned end dates.  Case and event attributes are matched by their
 * normalised name: lower case, without a "case:" prefix and without '_',
 * '-', '.' and blanks, so "case:endDatePlanned", "endDatePlanned" and
 * "enddate_planned" are one name.  Without deadline_col the names known are,
 * most specific first: endDatePlanned, planned_end, planned_end_date,
 * due_date, tanggal_target, batas_waktu, deadline; the rank is higher for
 * earlier names, 0 for others.  With deadline_col (a --deadline-col) only
 * that name matches (rank 1).  A case attribute wins over an event attribute
 * of the same rank, and among events the earliest stored one.
 */
int sla_planned_rank(const char *name, const char *deadline_col);
/* Attribute names of db (case and event) that look like a target date but
 * are no planned-date name (they contain plan, due, target, deadline,
 * tenggat, batas, ...), comma-separated into out; returns how many, -1 on
 * a store error.  For the report's note when no planned date was found. */
int sla_planned_hints(struct mutu_store *db, char *out, size_t size);
/* The normalised form of name into out (size bytes, always terminated). */
void sla_planned_norm(const char *name, char *out, size_t size);
/* 1: *in holds the next case; 0: no more cases; <0: error. */
int sla_reader_next(struct sla_reader *r, struct sla_case_in *in, struct mutu_err *err);
void sla_reader_free(struct sla_reader *r);

/* The latest instant (start or end) of any event in db, seconds: the
 * default "as of" of an audit (reproducible, unlike today's date).
 * MUTU_ENOTFOUND when the store has no stamped event. */
int sla_store_latest(struct mutu_store *db, double *t, struct mutu_err *err);

/* The latest instant (start of an open row, or end) among the events of
 * the cases of one SOP: sop_id, or the SOP of case case_key (that wins
 * when both are given), or the whole store when both are NULL.  *off
 * (may be NULL) gets the UTC offset the log wrote with that stamp,
 * seconds, or SLA_OFF_NONE.  The default "as of" of an audit of that SOP:
 * another SOP's later data does not age its open cases.  MUTU_ENOTFOUND
 * when the scope has no stamped event. */
int sla_store_latest_of(struct mutu_store *db, const char *sop_id, const char *case_key, double *t, int *off,
			struct mutu_err *err);

/*
 * Check the options and the month against every SOP the report will
 * read (the SOPs of db's cases, or sop_id only), before any case is
 * measured: a --calendar that does not load, a --clock-start that is not
 * a step of an SOP, and a month (year, month; month 0: skip the check)
 * outside a calendar's years are MUTU_EINPUT / MUTU_ERANGE with a message
 * that names the calendar, the SOP and what is allowed; a sop_id that no
 * case names is MUTU_ENOTFOUND.  SOPs whose model
 * is missing are not an error here (the report skips them with a note).
 * *last_year (may be NULL) receives the last year every such calendar
 * covers (the smallest last year), 0 when none was resolved.
 */
int sla_env_check(struct sla_env *e, struct mutu_store *db, const char *sop_id, int year, int month,
		  int *last_year, struct mutu_err *err);

/* Parse a target attribute value in the SOP's calendar zone; NAN when
 * unreadable.  A bare date (YYYY-MM-DD) means the end of that day: a case
 * finished on its planned date is on time. */
double sla_parse_target(const struct sla_sop *s, const char *text);
/* The planned date of a case read from the store (in->target_text), as
 * sla_parse_target; without an offset it is local time under the zone
 * rule of s (for SLA_ZONE_STAMPS: the offset of the case's first stamp). */
double sla_case_target(const struct sla_sop *s, const struct sla_case_in *in);

/* Quantile (0..1) of sorted data, linear interpolation (R type 7). NAN for n = 0. */
double sla_quantile_sorted(const double *v, size_t n, double q);

/* ---- the monthly aggregation ---- */

/* Distribution summary. */
struct sla_stat {
	size_t n;
	double median, p90, max, mean;
	size_t over;        /* over the standard */
	double excess_s;    /* total excess over the standard */
	double late_excess_s; /* excess inside late cases */
	size_t late_over;   /* executions inside late cases (in the clock) over
			     * the standard: late_excess_s / late_over is the
			     * mean time lost there, the report's headline */
};

struct sla_vec {
	double *v;
	size_t n, cap;
};

struct sla_step_row {
	int no;                 /* SOP step; 0 for activities of no-model logs */
	char *activity;         /* owned copy */
	char *actor;            /* owned copy; NULL without a model */
	double std_s;
	struct sla_vec vals;    /* working seconds (month) */
	struct sla_stat st;
};

struct sla_actor_row {
	char *name;             /* owned */
	struct sla_vec vals;
	struct sla_stat st;
};

struct sla_slow {
	char *key;              /* owned */
	char *office;           /* the case's office ("" the default), owned; NULL when
				  * the run read one office (sla_month offices_many 0) */
	double lead_s, over_s, calendar_s;
	int late;
	int late_step;          /* 0 none */
	char *late_activity;    /* owned, may be NULL */
	double late_excess_s;
};

struct sla_trend {
	int year, month;
	size_t finished;
	size_t with_ceiling, within;     /* finished cases that have an SOP ceiling; in time */
	size_t with_target, within_target; /* finished cases that have a planned date; by it */
	struct sla_vec lead;
	double median_s;
};

struct sla_daily {
	int64_t day;        /* local day number */
	int kind;           /* cal_day_kind */
	size_t arrivals, completions, wip;
};

#define SLA_TREND 12
#define SLA_SLOW 10
#define SLA_OPEN_LIST 20
#define SLA_AGE_BUCKETS 5

struct sla_group {
	char *id;                 /* SOP id; "" for the office; NULL for no-model cases */
	const struct sla_sop *sop; /* NULL for the office as a whole */
	int day_minutes;
	/* month.  Shares are over the cases they concern: within and
	 * within_exact over with_ceiling (cases of an SOP with a ceiling),
	 * within_target over with_target (cases with a planned date). */
	size_t finished, with_ceiling, within, within_exact;
	size_t with_target, within_target;
	size_t paused_cases;
	/* finished cases handed back to the applicant before acceptance (at
	 * the front office's check, sla_case returns_pre), and the working
	 * time their applicants took to resubmit, per case, of those whose
	 * log tells it (returns_pre_s; the applicant's time, not the office's) */
	size_t returned_cases;
	/* finished cases the office finished in time whose applicant collected
	 * the SK after the deadline (sla_case applicant_late): not late, but a
	 * manager asked about the berkas that "took too long" must see them */
	size_t applicant_late;
	struct sla_vec returned_wait;
	struct sla_stat returned_st;
	struct sla_vec lead;       /* working seconds of cases finished in the month */
	struct sla_vec lead_cal;   /* calendar seconds */
	struct sla_stat lead_st, lead_cal_st;
	struct sla_step_row *steps; size_t nsteps;
	struct sla_step_row unmapped; /* events not mapped to a step */
	struct sla_actor_row *actors; size_t nactors, capactors;
	double late_excess_s;      /* total excess of late cases */
	struct sla_slow slow[SLA_SLOW]; size_t nslow;
	struct sla_trend trend[SLA_TREND]; /* oldest first; last = the month */
	/* open at month end */
	size_t open, open_past, open_waiting; /* waiting: not yet accepted as complete */
	size_t open_age[SLA_AGE_BUCKETS];     /* <50%, 50-80%, 80-100%, 100-200%, >200% of ceiling */
	struct sla_slow open_list[SLA_OPEN_LIST]; size_t nopen_list; /* oldest open cases */
	struct sla_daily *days; size_t ndays;
	size_t working_days, arrivals, completions;
	struct mutu_notes lint;
	size_t cases_seen, cases_skipped;
	int has_std;              /* some step has a waktu (an SOP model); for the
				   * office: some kept group has one */
};

struct sla_month {
	int year, month;
	struct sla_group *groups; size_t ngroups; /* per SOP, in SOP id order */
	struct sla_group office;                  /* all cases */
	struct mutu_notes notes;                  /* skipped cases, assumptions (English) */
	struct mutu_notes notes_id;               /* the same notes in Bahasa Indonesia, the
						   * reports' default language */
	int completion_only;                      /* some steps were measured from the previous completion */
	size_t events_read, cases_read;
	struct sla_opts opts;
	/* planned end dates among the cases read: how many had one, how many
	 * of those could not be read as a date, and the attributes they came
	 * from (the first SLA_PLANNED_SRC names; more are counted in
	 * planned_src_other) */
	size_t planned_cases, planned_bad;
	struct sla_planned_src {
		char *name;       /* owned; as stored */
		int event;        /* 1: an event attribute */
		size_t cases;
	} planned_src[4];
	size_t nplanned_src, planned_src_other;
	char planned_bad_first[160]; /* the first unreadable value, with its case */
	char planned_hints[200];     /* when none had one: attributes that look like one */
	/* per-month summaries (docs/store.md, "Reading a period"): the
	 * trend rows this run computed exactly, for sla_month_save (owned;
	 * NULL when there is nothing to keep), and whether the run took its
	 * 11 earlier trend months from the store's summaries */
	struct sla_month_sums *sums;
	int from_summaries;
	/* the cases read belong to more than one office (a province store
	 * read whole, no --office): the case lists (slow, open_list) name
	 * each case's office, since two offices' case ids can be the same */
	int offices_many;
};

/*
 * Aggregate the month (year, month) from db: every case is streamed once.
 * sop_id filters to one SOP (NULL: all).  env resolves models/calendars.
 * On success *out owns a new struct (free with sla_month_free).
 */
int sla_month_run(struct mutu_store *db, struct sla_env *env, int year, int month,
		  const char *sop_id, struct sla_month **out, struct mutu_err *err);
void sla_month_free(struct sla_month *m);
/*
 * The reports of nmonths consecutive months from (year, month), 1 ..
 * SLA_RANGE_MAX, in one read of the store: the window of the first month's
 * 12-month trend (or only from the first month when its 11 earlier trend
 * months are kept in the store's summaries) through the last month's end,
 * plus the older cases that may still be open; every case measured once
 * and given to each month it concerns.  out[0 .. nmonths) (caller's array)
 * receive one struct each, owned by the caller (sla_month_free), every
 * one equal to what sla_month_run gives for that month but for the
 * counts of what was read (cases_read, events_read, the planned-date
 * counts and the case counts in notes): here the cases of the run a
 * report of that month alone would read.  The summaries to keep are all
 * on out[0] (one sla_month_save).  On error every out[j] is NULL.
 */
#define SLA_RANGE_MAX 120
int sla_month_run_range(struct mutu_store *db, struct sla_env *env, int year, int month, int nmonths,
			const char *sop_id, struct sla_month **out, struct mutu_err *err);
/*
 * Keep in db the month summaries m computed exactly (its trend rows, per
 * SOP and for the office whole), so that a later report of a month whose
 * trend takes them reads only its own month's cases.  Call after the read
 * snapshot sla_month_run ran in has ended (store_rollback): it writes in
 * one short transaction of its own.  A read-only store, or one whose write
 * lock another process holds, is left as it is (returns 0: the report does
 * not need the cache).  <0 only on a store error.
 */
int sla_month_save(struct mutu_store *db, const struct sla_month *m, struct mutu_err *err);

/* The most recent full month in db: the month before the latest
 * completion's month (in UTC+7), or, when that month has no completion at
 * all (a log that ends in its first month), the latest completion's month.
 * MUTU_ENOTFOUND when the store has no completed events.  A quick guess
 * from the events alone, cut in WIB whatever the cases' zones: `mutu
 * report --month latest` uses sla_latest_month, which cuts months as the
 * report does. */
int sla_latest_full_month(struct mutu_store *db, int *year, int *month, struct mutu_err *err);

/*
 * The month `--month latest` reports: the latest month that holds a
 * finished case (a month still running is reported as far as it goes).  Months
 * are cut as sla_month_run cuts them (the zone rule of each case's SOP),
 * so the month found is never empty.  One pass over the cases of sop_id
 * (NULL: all).  MUTU_ENOTFOUND when no case is finished.
 */
int sla_latest_month(struct mutu_store *db, struct sla_env *env, const char *sop_id, int *year, int *month,
		     struct mutu_err *err);

/* Store the findings of c in table audit_flags (created when missing),
 * replacing earlier findings of the same case. */
int sla_store_flags(struct mutu_store *db, const struct sla_case *c, struct mutu_err *err);
/* CREATE TABLE IF NOT EXISTS audit_flags (+ index). */
int sla_flags_schema(struct mutu_store *db, struct mutu_err *err);

#endif /* MUTU_SLA_H */
