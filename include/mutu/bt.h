/*
 * bt.h - backtest: a simulation scenario laid beside what the event log
 * shows, month by month, for one SOP.  The scenario is simulated over its
 * own run (replications, sim_options.by = SIM_BY_MONTH) and each month's
 * observed figures are read from the store: files that arrived, files
 * finished, share finished within the SOP ceiling, median and p90 lead
 * time, and per step the mean waiting and service.  Each row says whether
 * the observed value lies inside the simulated 95% range.
 *
 * The simulated range is the middle 95% of the replications' values for
 * that month (the 2.5% and 97.5% quantiles across replications): where
 * one real month could fall if the scenario were true, not the interval
 * of the mean, which shrinks as replications grow and would reject every
 * real month.  If the log came from the scenario itself, about 93% of the
 * rows lie inside with 100 replications (BT_MIN_REPLICATIONS), more for
 * counts, whose range is inclusive.
 *
 * The observed figures are measured the way the simulator measures
 * (sim.h), in working time on the scenario's calendar, months cut at its
 * local midnight: a case arrives at its first stamp and is accepted at
 * the end of its acceptance check (sla_events_accepted, the step
 * sim_scenario_sop_start_step names); it is finished when the office's
 * last step has ended and stood (sla_events_done: no return before the
 * collection), at that end; its lead time is acceptance to finish less
 * the time with the applicant after acceptance (from the end
 * of a step after which the case went back to an earlier step, until the
 * next step that is not the applicant's, Pemohon steps included); within:
 * lead <= the SOP ceiling.  A step's service is end - start; its wait is
 * start - the end of the case's previous execution (the first execution of
 * a case has none: its queue before the first stamp is not in the log).
 * Times are rounded to whole seconds in a log, so a time inside the range
 * within 1 s (or 0.5%, the quantile histogram's resolution) counts inside.
 *
 * The store is read only through sla_reader_open / sla_reader_next (the
 * one function bt_observe in bt.c), never with SQL.
 */
#ifndef MUTU_BT_H
#define MUTU_BT_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"
#include "mutu/sim.h"
#include "mutu/stats.h"

struct mutu_store;

/* Replications a backtest runs at least unless told otherwise.  The ends
 * of the range are the replications' 2.5% and 97.5% quantiles
 * (interpolated, GSL's gsl_stats_quantile_from_sorted_data); between those
 * positions of n sorted values lies a fresh value from the same model with
 * probability about 95% x (n-1)/(n+1) (order statistics: a new value falls
 * in each of the n+1 gaps alike): 90% from 40 replications, 93% from 100,
 * more for counts, whose range is inclusive. */
#define BT_MIN_REPLICATIONS 100

struct bt_opts {
	const char *sop_id;      /* the SOP to compare (must be in the scenario); borrowed */
	const char *from, *to;   /* first and last month compared, "YYYY-MM" (a
				  * "YYYY-MM-DD" reads as its month); NULL: the
				  * scenario's observed window */
	struct sim_options sim;  /* replications (0: the scenario's, at least
				  * BT_MIN_REPLICATIONS), seed, threads; by is
				  * set to months */
};

/* One row: one measure of one month. */
struct bt_row {
	char period[16];         /* "2025-03" */
	const char *measure;     /* "arrivals", "finished", "within", "lead_p50",
				  * "lead_p90", "wait_mean", "service_mean" (static) */
	int step_no;             /* for wait_mean and service_mean, else 0 */
	enum sim_kind kind;      /* how the values read (SIM_K_TIME: working seconds) */
	double observed;
	double sim_mean, sim_lo, sim_hi; /* mean and the middle 95% across replications */
	int inside;              /* the observed value lies in [sim_lo, sim_hi] */
};

struct bt_result {
	char *sop_id;            /* owned */
	char *scenario;          /* the scenario's path, owned ("" when built in code) */
	int nrep;
	uint64_t seed;
	size_t nrows;
	struct bt_row *rows;     /* owned */
	size_t inside;           /* rows inside */
	size_t cases;            /* cases of the SOP read from the store */
	size_t skipped;          /* measures left out: no observation, or no simulated value */
};

/*
 * Simulate sc (compiled, e.g. by sim_scenario_load) and compare it with
 * the cases of o->sop_id in db (borrowed, open for reading).  On success
 * *out owns the result (bt_result_free).  Errors: MUTU_EINPUT when the SOP
 * is not in the scenario or a month is unreadable or outside the run,
 * MUTU_ENOTFOUND when the store has no case of the SOP, store and
 * simulation errors as their functions return them; err names the value.
 */
int bt_run(const struct sim_scenario *sc, struct mutu_store *db, const struct bt_opts *o,
	   struct bt_result **out, struct mutu_err *err);
void bt_result_free(struct bt_result *r); /* NULL-safe */

enum bt_format { BT_TEXT = 0, BT_JSON };

/* Render r: text (Indonesian; lang_en: English) or JSON (times in working
 * minutes; "summary": {"inside", "rows"}; first key "schema": "mutu.backtest/1",
 * docs/schema/backtest.schema.json). */
void bt_format(const struct bt_result *r, enum bt_format fmt, int lang_en, int day_minutes,
	       struct mutu_buf *out);

#endif /* MUTU_BT_H */
