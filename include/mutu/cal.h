/*
 * cal.h - working calendars: office hours, breaks, weekends, libur
 * nasional, cuti bersama, special periods (Ramadan hours) and a time zone.
 *
 * A calendar is data (an INI file plus CSV holiday lists under
 * datasets/calendars/), read once into its rules per day, from which
 * tables of cumulative working seconds are built for the years a caller
 * touches (on first use, or up front with cal_prepare).  With its tables
 * every operation is O(1) (between) or O(log days) (add, deadline): no
 * loop over minutes or days.
 *
 * Threads: a loaded calendar's answers never change, so threads and
 * simulations may share one calendar and call everything here on it at
 * once.  The only state that changes is the table cache inside it: a
 * lookup outside the years built so far builds a wider table under a
 * lock inside the calendar and publishes it atomically; readers take no
 * lock, and a replaced table stays valid until cal_free.  Callers that
 * know their span (the simulator: start to end of the run) call
 * cal_prepare before starting threads, so no thread builds during a run.
 *
 * Instants are seconds since 1970-01-01T00:00:00Z (UTC), as double so the
 * simulator can use fractions; whole seconds are exact.  Indonesia has no
 * daylight saving, so a calendar has one fixed UTC offset.  Instants
 * outside the calendar's years are an error (MUTU_ERANGE), never a guess;
 * the "24x7" calendar covers 1970-2199.
 */
#ifndef MUTU_CAL_H
#define MUTU_CAL_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"
#include "mutu/dur.h"

struct cal; /* opaque */

/* How "N Hari" becomes a deadline (domain.md: a setting reports state). */
enum cal_day_reading {
	CAL_DAY_NET = 0,      /* 1 Hari = day_minutes of working time (7.5 h) */
	CAL_DAY_NEXT_DAY = 1  /* 1 Hari = the same clock time on the next working day */
};

/*
 * Load and build a calendar.  name_or_path is a calendar name ("id-wita",
 * "24x7"), looked up as DIR/NAME.ini, or a path to an .ini file.  dir is
 * the calendars folder (NULL: cal_dir_default).  The
 * file's holidays, special periods and local additions (the user-edited
 * file named by `local =`) are read relative to the .ini file.
 * On success *out owns a new calendar (free with cal_free).  On error
 * returns MUTU_EINPUT / MUTU_ENOTFOUND and err names file, line and value.
 * The file format is documented in datasets/calendars/id-wib.ini:
 * [calendar] name, zone, utc_offset, years, day_minutes, day_reading,
 * holidays (CSV date,type,name; LN, CB, LK, LD, TUTUP, HK), local;
 * [hours] mon..sun = "07:30-12:00, 13:00-16:00"; [hours NAME] with
 * periods = CSV (period,start,end) for special hours such as Ramadan.
 */
int cal_load(const char *name_or_path, const char *dir, struct cal **out,
	     struct mutu_err *err);

/*
 * The calendars folder when none is given, the one rule for the CLI and
 * the library: $MUTU_CALENDARS; else datasets/calendars under the working
 * directory; else datasets/calendars beside the running program (up to
 * three folders above it: build/asan/mutu); else the installed data dir
 * (MUTU_DATADIR/calendars).  Written into buf (size bytes); returns buf.
 */
const char *cal_dir_default(char *buf, size_t size);

/* The calendars in folder dir: the names of its *.ini files without
 * ".ini", in byte order (readdir's order is the file system's).  Returns
 * their count and sets *names to a new array of new strings (the caller
 * frees each and the array; NULL when none), or -1 when dir cannot be
 * opened (*names NULL). */
long cal_dir_names(const char *dir, char ***names);

/* The built-in always-working calendar at a UTC offset (seconds). Never fails. */
struct cal *cal_create_24x7(int utc_offset_seconds);

void cal_free(struct cal *c); /* NULL-safe */

const char *cal_name(const struct cal *c);      /* borrowed, lives with c */
int cal_utc_offset(const struct cal *c);        /* seconds east of UTC */
const char *cal_zone_label(const struct cal *c);/* "WITA", "+08:00", ... */
int cal_day_minutes(const struct cal *c);
/* 1 when every day of the calendar's range is worked whole (24x7): its
 * working time is wall time, and callers may skip the conversion. */
int cal_always_open(const struct cal *c);       /* net minutes of one working day */
enum cal_day_reading cal_reading(const struct cal *c);
/* First and last instant (exclusive) the calendar covers. */
void cal_range(const struct cal *c, double *first, double *end);

/*
 * Build the tables for the whole years holding instants a..b now, rather
 * than on first use (a lookup outside them still works: it builds them
 * then).  Both must lie in the calendar's range (cal_range), a <= b;
 * otherwise MUTU_ERANGE and err names the span and the calendar's years.
 * Safe to call from several threads (see the top of this file).
 */
int cal_prepare(const struct cal *c, double a, double b, struct mutu_err *err);

/* The years whose tables are built so far, [*first_year, *last_year];
 * returns how many (0: none yet, and the two are then unspecified). */
int cal_prepared_years(const struct cal *c, int *first_year, int *last_year);

/*
 * Working seconds between a and b (negative when b < a).  Both must lie
 * in the calendar's range, first <= t <= end.  O(1).
 */
int cal_between(const struct cal *c, double a, double b, double *out,
		struct mutu_err *err);

/*
 * The instant reached by adding work_seconds (>= 0) of working time to t:
 * the moment the last working second is done (so work that ends exactly
 * at closing time ends at 16:00, not the next morning).  Adding 0 gives t.
 * O(log days).
 */
int cal_add(const struct cal *c, double t, double work_seconds, double *out,
	    struct mutu_err *err);

/*
 * Deadline of a duration started at t: Hari per the given reading, then
 * Jam/Menit added as working time.  Under CAL_DAY_NEXT_DAY a start outside
 * office hours counts from the next working instant, and a clock time the
 * target day does not reach (a shorter Friday or Ramadan day) is clamped
 * to that day's closing time.
 *   CAL_DAY_NET:      cal_add(t, (days * day_minutes + minutes) * 60).
 *                     Fri 16:15 + 1 Hari = Mon 15:45 (15 + 435 minutes).
 *   CAL_DAY_NEXT_DAY: start -> next working instant; the same clock time
 *                     `days` working days later (clamped to closing); then
 *                     + minutes of working time.  Fri 16:15 + 1 Hari = Mon
 *                     16:00; Sat 10:00 + 1 Hari = Tue 07:30 (net: Mon 16:00).
 * A calendar names its own reading (cal_reading, `day_reading =` in its
 * file); reports must state which one they used.  O(log days).
 */
int cal_deadline(const struct cal *c, double t, struct dur d,
		 enum cal_day_reading reading, double *out, struct mutu_err *err);

/*
 * Unchecked fast path for the simulator (the caller keeps t inside the
 * range, e.g. by checking cal_range once).  cal_work_at(t) is the
 * cumulative working seconds from the start of the range to t;
 * cal_instant_at(w) the earliest instant whose cumulative work is w.
 * cal_between(a,b) == work_at(b) - work_at(a).
 */
double cal_work_at(const struct cal *c, double t);
double cal_instant_at(const struct cal *c, double w);

/* Is t inside working hours (start inclusive, end exclusive)? */
int cal_is_working(const struct cal *c, double t);

/*
 * Parse a timestamp: ISO 8601 with an offset or Z ("2025-01-02T07:30:00+08:00",
 * "2025-01-02 07:30Z", fractions allowed), or local time in the calendar's
 * zone without an offset ("2025-01-02 07:30", "2025-01-02" = 00:00).
 * Out of range is MUTU_ERANGE, unreadable MUTU_EINPUT; err quotes the text.
 * If offset is not NULL it receives the offset written (or the calendar's).
 */
int cal_parse_time(const struct cal *c, const char *text, double *out,
		   int *offset, struct mutu_err *err);

/* Parse without a calendar: local stamps take default_offset (seconds).
 * No range check. */
int cal_parse_iso(const char *text, int default_offset, double *out,
		  int *offset, struct mutu_err *err);

/*
 * The one ISO 8601 reader, shared by cal_parse_iso (CLI and scenario
 * input, strict, messages) and the ingest's elog_parse_time (millions of
 * log stamps, length-delimited).  It reads the syntax only, from p up to
 * at most e, and stops where the stamp ends (o->end); ranges (month 13,
 * hour 25, second 60, offset +15:00) and what follows are the caller's,
 * because the two callers rightly differ there (a log's 24:00 and :60
 * are read, a person's are refused).
 *
 *   YYYY-MM-DD[(T|t|' ')HH:MM[:SS[(.|,)F+]]][[' ']Z|z|+HH[[:]MM]|-HH[[:]MM]]
 *
 * Flags widen it for logs: CAL_ISO_SLASH also 2025/05/05 (one separator
 * throughout); CAL_ISO_BASIC also 20250505[T1000[00[.F]]][offset] (basic
 * and extended never mixed, ISO 8601-1 5.4.2); CAL_ISO_SPACES any number
 * of blanks after the T or space and before the offset (without it: a
 * time only when a digit follows the separator, one blank before an
 * offset written + - or Z).
 * Returns 0 when the syntax holds (o->end may still be before e), -1 when
 * it does not: o->why says what was expected (a static string) and
 * o->stage where it failed.  Fields not reached stay 0.
 */
enum { CAL_ISO_SLASH = 1, CAL_ISO_BASIC = 2, CAL_ISO_SPACES = 4 };
enum { CAL_ISO_AT_DATE = 0, CAL_ISO_AT_TIME = 1, CAL_ISO_AT_OFFSET = 2 };
struct cal_iso {
	int y, mo, d, h, mi, s;
	int has_time, has_off;
	int off_sign, off_h, off_m;   /* as written: sign +1/-1 (0 for Z), hours, minutes */
	const char *frac;             /* the fraction's digits (frac_n of them), NULL when none */
	size_t frac_n;
	const char *end;              /* first byte after the stamp */
	const char *why;              /* on failure */
	int stage;                    /* on failure: CAL_ISO_AT_* */
};
int cal_iso_scan(const char *p, const char *e, unsigned flags, struct cal_iso *o);
/* The offset alone at *p (Z, z, +HH:MM, +HHMM, +HH): the same syntax, for
 * readers of explicit formats (--date-format %z).  *p moves past it. */
int cal_iso_scan_offset(const char **p, const char *e, struct cal_iso *o);

/* Format t in the calendar's zone: "2025-01-02T07:30:00+08:00" (whole
 * seconds; fractions are rounded).  Returns snprintf-style length. */
size_t cal_format_time(const struct cal *c, double t, char *buf, size_t size);
/* Same at an explicit offset (seconds). */
size_t cal_format_iso(double t, int offset, char *buf, size_t size);

/* Civil-date helpers shared with ingest and reports (proleptic Gregorian). */
int64_t cal_days_from_civil(int y, int m, int d);   /* days since 1970-01-01 */
void cal_civil_from_days(int64_t z, int *y, int *m, int *d);

/* Kind of day at local date (days since 1970-01-01): 0 working day,
 * 1 weekend, 2 libur nasional, 3 cuti bersama, 4 other holiday / local
 * closure; -1 when the day is outside the calendar's years.  name (may be
 * NULL) receives the holiday name, borrowed (NULL when none). */
int cal_day_kind(const struct cal *c, int64_t local_day, const char **name);

/* The holiday type of a local day as its list wrote it: "LN", "CB", "LK",
 * "LD" or "TUTUP" (kind 4 is any of the last three); NULL on a day that is
 * no holiday or outside the calendar's years.  Static storage. */
const char *cal_day_type(const struct cal *c, int64_t local_day);

/* Days in month m (1-12) of year y; 0 for a month that does not exist. */
int cal_days_in_month(int y, int m);

/* First and last year the calendar covers; returns the number of years. */
int cal_year_range(const struct cal *c, int *first_year, int *last_year);

/* Working intervals of a local day, seconds after local midnight, into
 * starts/ends (at most max).  Returns the interval count (0 on a day off),
 * -1 outside the calendar's years. */
int cal_day_hours(const struct cal *c, int64_t local_day, int *starts, int *ends, int max);

/*
 * Time zones with daylight saving (cal_tz.c), for logs of offices outside
 * Indonesia whose days and months are cut at local midnight.  name is an
 * IANA name read from the system's tzdata (dir/NAME; dir NULL: $TZDIR,
 * else /usr/share/zoneinfo), or a fixed zone: UTC, WIB, WITA, WIT, or an
 * offset -12:00..+14:00 ("+02:00", "+0530", "-3").  A loaded zone is
 * immutable (no TZ variable, no tzset): threads may share it.  On success
 * *out owns a new zone (free with cal_tz_free); MUTU_EINPUT names the zone
 * and what was wrong (not a name, no such file, not a TZif file).
 */
struct cal_tz;
int cal_tz_load(const char *name, const char *dir, struct cal_tz **out, struct mutu_err *err);
void cal_tz_free(struct cal_tz *z); /* NULL-safe */
const char *cal_tz_name(const struct cal_tz *z); /* as given, borrowed */
/* Offset (seconds east of UTC) in force at instant t. */
int cal_tz_offset(const struct cal_tz *z, double t);
/* The instant whose local wall time is `local` (seconds since 1970-01-01
 * 00:00 read as local time), e.g. local midnight of a day. */
double cal_tz_from_local(const struct cal_tz *z, double local);

#endif /* MUTU_CAL_H */
