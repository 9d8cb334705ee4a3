/*
 * calib.h - calibration: a simulation scenario estimated from an office's
 * own event log, in working time, every value with where it came from.
 *
 * Fed the cases of one or more SOPs (struct sla_case_in, what the store's
 * reader yields) with their resolved SOP (struct sla_sop: model and
 * calendar), it estimates per SOP:
 *   - arrivals: files per working day from each case's first event (an
 *     arrival outside office hours counts at the next working minute, as
 *     the office first sees it), or per calendar day with arrivals_24x7
 *     when most arrivals fall outside office hours (online submissions);
 *     every working day one whatever its hours (a Ramadan day too, as the
 *     simulator's day clock draws them); the dispersion of the daily
 *     counts against Poisson (Pearson chi-square over working days, each
 *     whole day expecting the same count) and weekday factors when they
 *     differ;
 *   - step times in working seconds on the SOP's calendar: service = end -
 *     start with start stamps; in completion-only logs the start is
 *     rebuilt as the later of the case's previous completion and the same
 *     officer's previous completion (one officer works one file at a
 *     time); without an officer the step is a delay from the previous
 *     completion.  Fitted by fit_choose (fit.h); the mutu baku waktu is
 *     kept beside the fitted mean;
 *   - staff per pelaksana: distinct officers (the event's actor when it
 *     names a person, "Front Office 2", not the position), per working
 *     day median and range, absence from busy days an officer is missing;
 *   - rework per step: the share of executions after which the file went
 *     back (to the applicant or an earlier step) and how long it was away;
 *   - batches: a pelaksana whose first start of the day is nearly always
 *     the same clock time (a Kepala Dinas who signs at 15:00);
 *   - what could not be calibrated (unmapped activities, steps never seen,
 *     pelaksana without officers), keeping the model's mutu baku.
 *
 * Memory: per step at most opts.max_samples times (a reservoir, fixed
 * seed), per SOP one instant per case, per officer one counter per day;
 * completion-only events are kept (two instants each) until
 * calib_finish, because the officer's previous completion needs every
 * event of that officer in time order.
 *
 * The module knows no SQL: calib_read_store is the one place that reads
 * the store, through sla_reader_open_ex / sla_reader_next.
 */
#ifndef MUTU_CALIB_H
#define MUTU_CALIB_H

#include <stddef.h>

#include "mutu/base.h"
#include "mutu/fit.h"
#include "mutu/sla.h"

struct mutu_store;

struct calib_opts {
	double from, to;     /* period as instants [from, to); NAN: local midnight of the
			      * first arrival's day to the end of the last one's */
	double alpha;        /* level of the KS test of the chosen family (0.01) */
	size_t max_samples;  /* times kept per step for the fit (20000) */
	size_t min_cases;    /* fewer cases in the period: refused (30) */
	int warmup_days;     /* 0..3650 (0): the scenario starts this many days
			      * before the period, at the fitted rates, and
			      * measures from the period's first day
			      * (warmup_until), so the simulated office is not
			      * empty on it; cut at the calendar's first day */
};

void calib_opts_init(struct calib_opts *o);

struct calib; /* opaque */

/* New calibration; o copied (NULL: defaults).  Free with calib_free. */
struct calib *calib_create(const struct calib_opts *o);
void calib_free(struct calib *c); /* NULL-safe */

/*
 * Calibrate this SOP (s borrowed, must outlive c; it must have a model).
 * Cases of SOPs not added are counted and skipped.  Returns 0, or
 * MUTU_EINPUT for an SOP without a model or added twice.
 */
int calib_add_sop(struct calib *c, const struct sla_sop *s, struct mutu_err *err);

/* Feed one case (events sorted, as sla_reader_next yields them; the
 * events may be reordered in place).  Cases whose first event falls
 * outside the period are counted and skipped. */
int calib_add_case(struct calib *c, const struct sla_case_in *in, struct mutu_err *err);

/*
 * Read every case of the added SOPs from db (borrowed) and feed them:
 * the one function of this module that reads the store.
 */
int calib_read_store(struct calib *c, struct mutu_store *db, struct mutu_err *err);

/*
 * Fit everything.  MUTU_EINPUT when an SOP has no case in the period
 * ("no data") or fewer than min_cases (the message names the SOP, how
 * many it has and how many are needed).  Call once, after the last case.
 */
int calib_finish(struct calib *c, struct mutu_err *err);

enum calib_lang { CALIB_ID = 0, CALIB_EN = 1 };

/*
 * The scenario: INI text `mutu sim` runs as it is, every value preceded
 * by a comment with its source (n, the fit and its test, the period, the
 * mutu baku).  source names the store in the header comment (borrowed,
 * may be NULL).  After calib_finish.
 */
void calib_write_scenario(const struct calib *c, const char *source, struct mutu_buf *out);
/* The fitted parameters as one JSON object (times in working minutes), first
 * key "schema": "mutu.calibrate/1" (docs/schema/calibrate.schema.json). */
void calib_format_json(const struct calib *c, struct mutu_buf *out);
/* A summary for people: what was calibrated, from what, and what was not. */
void calib_format_text(const struct calib *c, enum calib_lang lang, struct mutu_buf *out);

#endif /* MUTU_CALIB_H */
