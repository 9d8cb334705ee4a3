/*
 * cal_int.h - the built calendar, shared by the calendar sources only:
 * cal.c (queries), cal_load.c (INI/CSV reading and the build) and
 * cal_time.c (civil dates, parsing and formatting of timestamps).
 *
 * Layout chosen for the hot path (cal_work_at, called tens of millions of
 * times): a day is one byte (the index of its hours pattern) plus one
 * double of cumulative work, so a query touches two short arrays and one
 * pattern of at most CAL_MAX_IV intervals.
 *
 * The per-day rules (pattern, kind, holiday name) are read for every year
 * at load: they are one byte a day and the holiday lists need them.  The
 * lookup tables derived from them (cumulative work, working-day numbers,
 * the index of cal_instant_at) are built only for the years a caller
 * touches (issue 14: the 24x7 calendar's 230 years took 10 ms to build
 * when a run needed two): see struct cal_tab.
 */
#ifndef MUTU_CAL_INT_H
#define MUTU_CAL_INT_H

#include <pthread.h>
#include <stdatomic.h>
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

/* The type column of a holiday as written (cal_day_type): LK, LD and TUTUP
 * all count as CAL_KIND_OTHER, but `calendar show` says which it was. */
enum cal_type { CAL_TYPE_NONE = 0, CAL_TYPE_LN, CAL_TYPE_CB, CAL_TYPE_LK, CAL_TYPE_LD, CAL_TYPE_TUTUP };

/*
 * Lookup tables for the whole years [ya, yb] of a calendar: day indices
 * [lo, hi), working-day numbers [klo, khi), buckets [jlo, jhi).  Every
 * value is the one a table of the whole range would hold (cum counts the
 * work since the calendar's first day, wcount the working days since
 * then), so results do not depend on which years were built, and the sums
 * are of whole seconds, exact in a double.  A table never changes once
 * published; a wider one replaces it (struct cal.tab) and the old one is
 * kept on the `older` list until cal_free, because another thread may
 * still be reading it.
 */
struct cal_tab {
	int ya, yb;               /* years covered; yb < ya: none (empty table) */
	int32_t lo, hi;           /* day indices [lo, hi) */
	int32_t klo, khi;         /* working-day numbers [klo, khi) */
	int64_t jlo, jhi;         /* buckets [jlo, jhi) */
	double wlo, whi;          /* cumulative work at day lo and at day hi */
	double *cum;              /* hi - lo + 1: working seconds before day lo + i */
	int32_t *wcount;          /* hi - lo + 1: working days before day lo + i */
	int32_t *wday;            /* khi - klo: day index of working day klo + i */
	/* Index for cal_instant_at: wcum[i] = cum of working day klo + i;
	 * bucket j covers cumulative work [j*bucket, (j+1)*bucket) and
	 * bidx[j - jlo] is the last working day starting before it (klo at
	 * least).  bucket <= the shortest working day, so a lookup ends after
	 * at most a step or two. */
	double *wcum;             /* khi - klo */
	int32_t *bidx;            /* jhi - jlo */
	struct cal_tab *older;    /* the table this one replaced */
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
	uint8_t *htype;           /* ndays, the type written for a holiday: CAL_TYPE_* */
	int always;               /* every day worked whole (24x7): work = wall time */

	/* Per year y (index y - year_first, nyears + 1 entries, cal_finish):
	 * the day index of its 1 January, the working seconds and working
	 * days before it.  The last entry is the end of the range, so
	 * ycum[nyears] is the range's total work and ywork[nyears] = nwork. */
	int nyears;
	int32_t *yday;
	double *ycum;
	int32_t *ywork;
	int32_t nwork;
	double bucket;            /* see struct cal_tab; one for all years */
	int64_t nbuckets;

	/* The tables built so far (never NULL after cal_finish: an empty one
	 * at first).  Read with one acquire load; replaced, under `lock`,
	 * by a table that also covers the years a lookup needs. */
	_Atomic(struct cal_tab *) tab;
	pthread_mutex_t lock;

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
/* After day_pat is filled: per-year sums, first and end (the lookup
 * tables come later, per year, on first use). */
void cal_finish(struct cal *c);

/* Floor division for day numbers of instants before 1970. */
static inline int64_t cal_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

#endif /* MUTU_CAL_INT_H */
