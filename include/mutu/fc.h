/*
 * fc.h - forecast of the files open at an instant: which will be late,
 * and where they are stuck (`mutu forecast`, `mutu sim --from-db`).
 *
 * Three steps, each usable on its own:
 *   - fc_forecast_read(): the open files of the scenario's SOPs at as-of,
 *     read from the store (the only function here that touches it), each
 *     at its current step with its age on the SLA clock;
 *   - fc_forecast_place() / fc_forecast_run(): the files handed to the
 *     simulator (sim_scenario_add_open_file), replications run forward
 *     with new arrivals, and per file the probability of finishing past
 *     the SOP ceiling (and past its planned date) and its finish date;
 *   - fc_forecast_format(): text, JSON, CSV or HTML.
 *
 * Current step (the rule): events are cut at as-of (a step that started
 * by as-of and ended after it is open at as-of).  A file with an open
 * step of the model is in service there since that step's start (the
 * latest such step when there are several), unless a later step of the
 * model completed after that start (its end never logged: passed).  A
 * Pemohon step it went back to after a later step is marked returned: its
 * clock is paused (SIM_OPEN_RETURNED).  Otherwise it waits for the
 * step after its latest completed step, since that completion (a
 * rejection that sends it back cannot be seen before the next event: the
 * forward step is assumed).  Age: the case's working time on the SLA
 * clock at as-of (sla_case_age; 0 when the front office has not accepted
 * it yet, so the clock starts in the run); calendar days from the clock
 * start (from the first event when not accepted).
 */
#ifndef MUTU_FC_H
#define MUTU_FC_H

#include <stddef.h>

#include "mutu/base.h"
#include "mutu/sim.h"
#include "mutu/stats.h"

struct mutu_store;
struct sla_env;

/* Finish dates are given as the 10%, 50% and 90% points across
 * replications. */
#define FC_LO 0.10
#define FC_HI 0.90

struct fc_file {
	char *key;            /* case id as the log writes it (owned) */
	char *sop_id;         /* owned */
	int sop;              /* the scenario's SOP index */
	int step_no, pos;     /* current step: number and position in the SOP */
	int in_service;       /* 1: in the step since `since`; 0: waiting for it */
	int returned;         /* at a Pemohon step after a later step: back with
			       * the applicant, the SLA clock paused */
	double since;         /* instant it entered that state (queue order) */
	double age_s;         /* working seconds on the SLA clock at as-of */
	double age_days;      /* calendar days, clock start (or first event) to as-of */
	double in_step_s;     /* working seconds since `since` */
	double ceiling_s;     /* the SOP's ceiling in the scenario, working seconds (0: none) */
	double planned;       /* planned end date (instant), NAN when the log has none */
	/* filled by fc_forecast_run */
	double p_late;        /* share of replications past the ceiling (NAN: no ceiling) */
	double p_late_planned;/* past the planned date (NAN: none) */
	double p_open;        /* not finished by the end of the run */
	double finish_lo, finish_mid, finish_hi; /* instants (FC_LO, 50%, FC_HI); INFINITY: after the run */
	double lead_mid;      /* median lead time, working seconds */
};

/* The office's compliance in one calendar month: files finished in it
 * (those finished before as-of as the store has them, plus the simulated
 * rest) and the share within the ceiling, across replications.  mean is
 * the expected value; lo..hi (half) the 95% range where the month itself
 * will end, the prediction interval mean +- t(0.975, n-1) sd sqrt(1+1/n)
 * cut to what is possible (a share in 0..1, no fewer files than have
 * finished), not the interval of the mean. */
struct fc_month {
	int year, month;
	double start, end;        /* instants of the month in the calendar's zone */
	double obs_finished, obs_within; /* finished before as-of (store) */
	struct stats_ci finished; /* all finished in the month */
	struct stats_ci within;   /* share within the ceiling */
};

struct fc_forecast {
	double as_of;
	int utc_offset;           /* of the scenario's calendar: how dates are shown */
	int day_minutes;
	struct fc_file *files;    /* owned; sorted by risk after fc_forecast_run */
	size_t nfiles, capfiles;
	size_t cases_read, finished_before; /* cases of the scenario's SOPs; finished by as-of */
	struct fc_month month[2]; /* as-of's month and the next */
	double horizon;           /* end of the per-file run (instant) */
	int nrep;
	uint64_t seed;
	struct mutu_notes notes;  /* files left out and why (English) */
};

/*
 * Read the files of sc's SOPs open at as_of from db through the sla
 * reader.  The SLA clock (start step, ceiling, planned date) comes from
 * the model sc loaded, on sc's calendar; env gives the options, and
 * resolves models and calendars as for an audit only for a scenario
 * built in code (no model).  Files of
 * other SOPs are not read.  On success *out owns a new forecast (free
 * with fc_forecast_free) with its files in placing order: in service
 * first, then waiting, each longest waiting first.  Errors of the store
 * or a model: MUTU_E* with err.
 */
int fc_forecast_read(struct mutu_store *db, struct sla_env *env, const struct sim_scenario *sc,
		     double as_of, struct fc_forecast **out, struct mutu_err *err);
void fc_forecast_free(struct fc_forecast *f); /* NULL-safe */

/* Hand the files to sc (sim_scenario_add_open_file), in fc's order;
 * file i becomes the run's open file i.  sc must have none yet. */
int fc_forecast_place(const struct fc_forecast *f, struct sim_scenario *sc, struct mutu_err *err);

/*
 * Run the forecast: sc is moved to start at as-of (sim_scenario_set_window)
 * and given the files; three runs with the same seed: until the horizon
 * (the later of the end of next month and as-of + 180 days, within the
 * calendar) for the files, until the end of as-of's month, and over the
 * next month (statistics from its first day) for the office's
 * compliance.  sc is changed (window, open files): load it afresh for
 * anything else.  opt may be NULL.  Fills the results of f and sorts its
 * files by p_late (then planned-date risk, then age), highest first.
 */
int fc_forecast_run(struct fc_forecast *f, struct sim_scenario *sc, const struct sim_options *opt,
		    struct mutu_err *err);

enum fc_format { FC_TEXT = 0, FC_JSON, FC_CSV, FC_HTML };

/* Render f (after fc_forecast_run) into out; lang_en 0: Bahasa Indonesia.
 * JSON opens with "schema": "mutu.forecast/1" (docs/schema/forecast.schema.json). */
void fc_forecast_format(const struct fc_forecast *f, const struct sim_scenario *sc,
			enum fc_format fmt, int lang_en, struct mutu_buf *out);

#endif /* MUTU_FC_H */
