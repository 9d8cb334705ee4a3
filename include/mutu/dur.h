/*
 * dur.h - durations as Indonesian SOP tables write them.
 *
 * "30 Menit", "1 jam 30 menit", "4 Hari", "2 Minggu", "4 Hari 1 Jam 13
 * Menit (5 Hari)" and the English units.  Hari means hari kerja: a
 * duration knows no calendar, it only keeps whole working days apart from
 * the time below a day, because a table's authors never fold hours into
 * days ("4 Hari 26 Jam" does not occur, "4 Hari 1 Jam 13 Menit" does).
 * Turning a duration into instants is the calendar's job (cal_deadline).
 */
#ifndef MUTU_DUR_H
#define MUTU_DUR_H

#include <stddef.h>
#include <stdint.h>

#include "mutu/base.h"

struct dur {
	int64_t days;     /* working days; "Minggu"/weeks are 5 working days */
	int64_t minutes;  /* time below a day (Jam*60 + Menit), never folded into days */
	int rounded_days; /* the "(5 Hari)" ceiling written after a total; -1 when absent */
};

enum dur_lang { DUR_ID = 0, DUR_EN = 1 };

/* A zero duration with no rounded ceiling. */
struct dur dur_zero(void);

/*
 * Parse text into *out.  Accepted: a sequence of NUMBER UNIT parts, units
 * menit|mnt|min|mins|minute(s), jam|h|hour(s), hari|hk|day(s),
 * minggu|pekan|week(s) (any case; "hari kerja" reads as hari), joined by
 * spaces, commas, "dan" or "and", optionally followed by "(N Hari)".
 * Fractions ("1,5 Jam") are accepted where they give whole minutes.
 * On error returns MUTU_EINPUT, *out is unchanged and err quotes the token
 * that could not be read.
 */
int dur_parse(const char *text, struct dur *out, struct mutu_err *err);

/* Sum: days add, minutes add (carried into Jam when formatted, never into
 * Hari).  The sum has no rounded ceiling. */
struct dur dur_add(struct dur a, struct dur b);

/* Total minutes, counting a day as day_minutes (e.g. 450 = 7.5 h). */
int64_t dur_to_minutes(struct dur d, int day_minutes);

/* Split minutes into whole days of day_minutes and the rest. */
struct dur dur_from_minutes(int64_t minutes, int day_minutes);

/* Write "4 Hari 1 Jam 18 Menit" (or "4 days 1 hour 18 minutes") into buf,
 * with " (5 Hari)" when rounded_days >= 0; zero is "0 Menit".  Returns the
 * length it needed (snprintf-style); buf may be truncated. */
size_t dur_format(struct dur d, enum dur_lang lang, char *buf, size_t size);

/* Format a (possibly fractional or negative) count of working minutes in
 * the same form, rounding to whole minutes; days of day_minutes are split
 * off when day_minutes > 0. */
size_t dur_format_minutes(double minutes, int day_minutes, enum dur_lang lang,
			  char *buf, size_t size);

#endif /* MUTU_DUR_H */
