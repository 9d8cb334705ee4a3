/*
 * sim_int.h - what the simulator's files share: the compiled scenario
 * (everything in working seconds since the start of the run, so the
 * kernel never asks the calendar during a run except to map 24x7
 * arrivals), and the time conversions.
 *
 * The kernel clock (the time of an event in the event list) has two
 * readings.  When every pelaksana works the scenario's calendar it is the
 * working seconds since the start of the run (sim_work).  When some actor
 * has a calendar of its own (`calendar=` in [staff]) the scenario is
 * "multi-calendar" (sc->multi) and the kernel clock is the real instant:
 * an actor's end computed on its own calendar may fall while the office
 * is closed, where the scenario's working clock is flat and could not
 * order two such ends.  Statistics stay in the scenario's working time
 * either way (the kernel keeps both readings of "now").
 */
#ifndef MUTU_SIM_INT_H
#define MUTU_SIM_INT_H

#include <stdint.h>

#include "mutu/cal.h"
#include "mutu/sim.h"

struct sop_model;

enum sim_arrival_kind {
	SIM_ARR_WORK = 0, /* Poisson in working time */
	SIM_ARR_REAL,     /* Poisson around the clock (arrivals_24x7) */
	SIM_ARR_REPLAY    /* submission times from a CSV */
};

struct sim_step {
	int no;
	char *activity;
	int actor;               /* actor index or SIM_PEMOHON */
	char *automatic;         /* a step an information system does by
				  * itself ("Sistem OSS", role Sistem): its
				  * name; actor is SIM_PEMOHON (no staff, no
				  * queue: a delay of its service time) but the
				  * file is not with the applicant.  NULL for
				  * every other step */
	struct sim_dist service;
	double reject;           /* probability the file goes back after this step */
	int reject_to;           /* position in the SOP's steps, -1: none */
	struct sim_dist resubmit;/* delay with the applicant before it comes back */
	int stream_service;      /* stream slots of this step */
	int stream_reject;
	int gidx;                /* global step index (statistics) */
	double wait_lim;         /* its actor's wait limit (sim_actor.wait_lim),
				  * copied here because the kernel holds the step
				  * when a service begins, not the actor */
};

struct sim_sop {
	char *id;
	char *name;
	int line;                /* [sop ID] line in the scenario */
	struct sim_step *steps;
	int nsteps;
	int priority;            /* higher first */
	int plevel;              /* 0 = highest priority level in the scenario */
	enum sim_arrival_kind arr;
	double rate;             /* per working second (WORK) or per second (REAL) */
	int has_profile;
	double weekday[7];       /* Monday..Sunday factors */
	double hour[24];
	double profile_max;
	double profile_mean;     /* the factor's mean over the run's arrival clock
				  * (sim_scenario_compile): expected arrivals =
				  * rate x profile_mean x the clock's length */
	double *replay_w;        /* REPLAY: sorted working times (owned) */
	double *replay_t;        /* the same as instants (owned) */
	size_t nreplay;
	double ceiling;          /* working seconds, 0: none */
	int ceiling_days;
	int start_pos;           /* position of the step whose end starts the
				  * SLA clock (sop_clock_start_step, the
				  * Front Office's acceptance check), -1: the
				  * arrival does (no model, no such step).
				  * The lead time, within share and calendar
				  * days run from a file's first completion of
				  * it that does not send the file back; the
				  * sojourn and the work in progress from the
				  * arrival */
	int end_pos;             /* position of the office's last step
				  * (sop_office_end, sim_scenario_compile):
				  * the SLA clock stops when a file first
				  * completes it; the applicant's steps after
				  * it run on the applicant's time */
	double within_share;     /* `within_target =` of [sop ID]: the share of
				  * files the office wants within the ceiling
				  * (mutu plan's end-to-end target); 0: none */
	int stream_arrivals;
};

struct sim_staff_change {
	double w;                /* working seconds since start */
	int servers;
	double instant;          /* for messages; the event time when sc->multi */
};

struct sim_actor {
	char *name;              /* canonical role: metric keys, emitted logs */
	char *title;             /* as the [staff] line writes it ("Kadis"),
				  * shown to people; NULL: the name (owned) */
	int line;
	struct sim_staff_change *changes; /* [0] at w = 0; sorted */
	int nchanges;
	double absent;           /* share of working days a staff member is away */
	int batch;               /* works only on files waiting at batch time */
	int batch_minute;        /* minutes after local midnight */
	double *batch_w;         /* batch moments (owned) */
	int nbatch;
	int stream_absence;
	int is_pemohon_name;
	/* own calendar (`calendar=`): service is working time on it; NULL:
	 * the scenario's.  Borrowed (cal_owned when loaded from a file). */
	const struct cal *cal;
	struct cal *cal_owned;
	double *batch_t;         /* batch moments as instants (owned, nbatch) */
	/* service level (`wait_target=` in [staff], sim_scenario_set_wait_limit):
	 * count the visits that waited at most wait_lim working seconds
	 * (metric actor/NAME/wait_within); < 0: not counted, no metric.
	 * wait_share: the share the scenario asks of it (0: none), for plan */
	double wait_lim;
	double wait_share;
	int wait_line;           /* the [staff] line that set it (messages) */
};

/* A file open when the run starts (sim_scenario_add_open_file). */
struct sim_open {
	int sop, pos;             /* SOP index, step position (0-based) */
	double age;               /* working seconds already on its SLA clock */
	double in_step;           /* working seconds already in the current step */
	int in_service;           /* 1: being served; 0: waiting in the queue */
	int returned;             /* at a Pemohon step the file was sent back to */
};

struct sim_scenario {
	char *path;
	struct cal *cal_owned;
	const struct cal *cal;
	double start, end, warmup; /* instants */
	double wbase;              /* cal_work_at(start) */
	int wall;                  /* the calendar is always open (24x7): working
				    * time is wall time, no table lookups */
	double wend, wwarm;        /* working seconds since start */
	int compiled;              /* sim_scenario_compile done */
	int multi;                 /* some actor has its own calendar: the
				    * kernel clock is the real instant */
	int quantiles;             /* P-square lead-time quantiles (default on) */
	int replications;
	uint64_t seed;
	double sample_every;
	int day_minutes;
	struct sim_actor *actors;
	int nactors;
	struct sim_sop *sops;
	int nsops;
	int nsteps;                /* all SOPs */
	int nlevels;               /* distinct priorities */
	double *day_w;             /* starts of working days (absence draws) */
	double *day_t;             /* the same as instants (local midnight or start) */
	int ndays;
	/* The arrivals' day clock (sim_day_clock): where each working day of
	 * day_w starts on it and how many working seconds one of its seconds
	 * is (that day's full hours / day_minutes); NULL without a calendar.
	 * uend: the run's length on it (= wend when every day is a full
	 * standard day).  Owned. */
	double *day_u, *day_scale;
	double uend;
	int nstreams;
	char **stream_names;       /* purpose names, nstreams (owned) */
	struct sop_model **models; /* owned, nsops (NULL when built in code) */
	/* files open when the run starts (sim_backlog.c), in the order added */
	struct sim_open *open;     /* owned, nopen */
	int nopen;
	int stream_backlog;        /* remaining-service draws of those files */
};

/* Working seconds since the start of the run at instant t. */
static inline double sim_work(const struct sim_scenario *sc, double t)
{
	/* 24x7 (sc->wall) and no calendar: the same arithmetic without the
	 * tables (issue 14: 14% of an M/M/1 run went to this conversion) */
	return sc->cal && !sc->wall ? cal_work_at(sc->cal, t) - sc->wbase : t - sc->start;
}

/* Earliest instant at which w working seconds since the start are done. */
static inline double sim_instant(const struct sim_scenario *sc, double w)
{
	return sc->cal && !sc->wall ? cal_instant_at(sc->cal, w + sc->wbase) : sc->start + w;
}

/* Weekday of a local day (days since 1970-01-01), 0 = Monday: the arrival
 * profile's index (sim.c thins by it, sim_scenario.c averages over it). */
static inline int sim_weekday(int64_t local_day)
{
	int64_t wd = (local_day + 3) % 7; /* 1970-01-01 was a Thursday */
	return (int)(wd < 0 ? wd + 7 : wd);
}

/*
 * The arrivals' day clock: working-time arrivals are drawn on a clock on
 * which every working day lasts day_minutes whatever its hours (a 6.5 h
 * Ramadan day as long as a 7.5 h one), then placed on the day's own hours
 * at the same fraction of the day.  So "N per hari" brings N files to every
 * working day, and two scenarios whose calendars have the same working days
 * but other hours (Ramadan against none, a new counter timetable) draw the
 * same files on the same days: common random numbers across calendars.
 * With standard days the clock is working time itself.  u: seconds on the
 * clock since the start (< uend); *cur: a cursor into the days, 0 at the
 * start of a replication, only moving forward (u never decreases).
 */
static inline double sim_day_clock(const struct sim_scenario *sc, int *cur, double u)
{
	if (!sc->day_u)
		return u;
	int d = *cur;
	while (d + 1 < sc->ndays && sc->day_u[d + 1] <= u)
		d++;
	*cur = d;
	return sc->day_w[d] + (u - sc->day_u[d]) * sc->day_scale[d];
}

/* Register a random-stream purpose; returns its slot. */
int sim_stream_add(struct sim_scenario *sc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));


/* Copy every actor's wait limit onto its steps (sim_staff.c): the
 * compile and sim_scenario_set_wait_limit keep the two in step. */
void sim_scenario_sync_wait_limits(struct sim_scenario *sc);

/* Metric layout of a scenario (array of nmetric, caller frees). */
struct sim_metric *sim_metrics_layout(const struct sim_scenario *sc, size_t *nmetric);

#endif /* MUTU_SIM_INT_H */
