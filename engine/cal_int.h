/*
 * cal_int.h - the built calendar, shared by the calendar sources only:
 * cal.c (queries), cal_load.c (INI/CSV reading and the build) and
 * cal_time.c (civil dates, parsing and formatting of timestamps).
 *
 * Layout chosen for the hot path (cal_work_at, called tens of millions of
 * times): a day is one byte (the index of its hours pattern) plus one
 * double of cumulative work, so a query touches two short arrays and one
 * pattern of at most CAL_MAX_IV intervals.
 */
#ifndef MUTU_CAL_INT_H
#define MUTU_CAL_INT_H

#include <stdint.h>

#include "mutu/cal.h"

#define CAL_DAY_SEC 86400
#define CAL_MAX_IV 4        /* working intervals per day (cal.h: "at most a few") */
#define CAL_MAX_PATTERNS 250 /* distinct day patterns (uint8_t index, 255 = none) */

/* One day's working intervals, seconds after local midnight, sorted and
 * disjoint; s[i] < e[i] <= 86400. */
struct cal_pattern {
	int n;
	int32_t s[CAL_MAX_IV];
	int32_t e[CAL_MAX_IV];
	int32_t total; /* sum of e[i] - s[i] */
	/* the same as doubles, padded to CAL_MAX_IV with empty intervals at
	 * midnight's end, so cal_work_at runs a fixed, branch-free loop */
	double fs[CAL_MAX_IV], flen[CAL_MAX_IV];
};

/* Kinds returned by cal_day_kind. */
enum {
	CAL_KIND_WORK = 0,
	CAL_KIND_WEEKEND = 1,
	CAL_KIND_LN = 2,
	CAL_KIND_CB = 3,
	CAL_KIND_OTHER = 4
};

struct cal {
	char *name;
	char *zone;          /* "WIB", or "+07:00" when the file names none */
	int offset;          /* seconds east of UTC */
	int day_minutes;
	enum cal_day_reading reading;
	int year_first, year_last;

	int64_t day0;        /* local day number (days since 1970-01-01) of day index 0 */
	int32_t ndays;
	double first, end;   /* UTC instants of the range [first, end] */

	int npat;
	struct cal_pattern *pat;  /* npat patterns; pattern 0 has no work */
	uint8_t *day_pat;         /* ndays */
	uint8_t *kind;            /* ndays, CAL_KIND_* */
	const char **hname;       /* ndays, holiday name or NULL (into names) */
	double *cum;              /* ndays + 1: working seconds before day i */
	int32_t *wcount;          /* ndays + 1: working days before day i */
	int32_t *wday;            /* nwork: day index of the k-th working day */
	int32_t nwork;
	int always;               /* every day worked whole (24x7): work = wall time */
	/* Index for cal_instant_at: wcum[k] = cum[wday[k]]; bucket j covers
	 * cumulative work [j*bucket, (j+1)*bucket) and bidx[j] is the last
	 * working day starting before it.  bucket <= the shortest working
	 * day, so a lookup ends after at most a step or two. */
	double *wcum;             /* nwork */
	double bucket;
	int32_t *bidx;            /* nbuckets */
	int64_t nbuckets;

	char **names;             /* owned holiday names */
	int nnames, cap_names;
};

/* Allocate an empty calendar covering local days [day0, day0 + ndays). */
struct cal *cal_alloc(const char *name, const char *zone, int offset, int64_t day0,
		      int32_t ndays);
/* Add a pattern (deduplicated); returns its index or -1 when full. */
int cal_add_pattern(struct cal *c, const struct cal_pattern *p);
/* Keep a copy of a holiday name; returns the borrowed copy. */
const char *cal_keep_name(struct cal *c, const char *name);
/* After day_pat is filled: compute prefix sums, first and end. */
void cal_finish(struct cal *c);

/* Floor division for day numbers of instants before 1970. */
static inline int64_t cal_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

#endif /* MUTU_CAL_INT_H */
