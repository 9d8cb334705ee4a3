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

/*
 * The range of a duration: 0 to 100 years, counted generously as 365
 * working days a year (36500 Hari; a year has about 250 hari kerja) and,
 * for the Jam/Menit part kept apart from the days, as round-the-clock
 * minutes (36500 * 1440 = 52,560,000 Menit).  Real SOP steps take minutes
 * to weeks, so anything near this is a typo or a hostile file.  dur_parse
 * checks every number against it before multiplying (so "99999999999999999999
 * Hari" is an error naming the value and the limit, never a wrapped
 * integer), and dur_check checks sums.  A duration inside the range turns
 * into minutes (days * day_minutes + minutes, day_minutes <= 1440) far
 * below 2^53: exact as int64 and as double.
 */
#define DUR_MAX_DAYS 36500
#define DUR_MAX_MINUTES ((int64_t)DUR_MAX_DAYS * 1440)
#define DUR_LIMIT_TEXT "100 years; mutu's maximum duration"
/* The limit as text for messages that cannot format numbers. */
#define DUR_STR_(x) #x
#define DUR_STR(x) DUR_STR_(x)
#define DUR_LIMIT_HINT "at most " DUR_STR(DUR_MAX_DAYS) " Hari (" DUR_LIMIT_TEXT ")"

/* A zero duration with no rounded ceiling. */
struct dur dur_zero(void);

/*
 * Parse text into *out.  Accepted: a sequence of NUMBER UNIT parts, units
 * menit|mnt|min|mins|minute(s)|m, jam|jm|j|h|hrs|hour(s), hari|hk|day(s),
 * minggu|mg|mgg|pekan|week(s) (any case; "hari kerja", "working days"
 * read as hari, "jam kerja", "menit kerja" as jam and menit; "hr",
 * months and seconds are refused with the reason), the number in digits
 * or in Indonesian words ("lima belas menit", "sehari", "setengah jam",
 * "seperempat jam", "tiga perempat jam"), a prime right after the
 * number as Menit ("60'", U+2032, U+2019, U+00B4), joined by
 * spaces, commas, "dan" or "and", optionally followed by "(N Hari)".
 * Fractions ("1,5 Jam", "0,25 Jam") are read exactly, as hundredths:
 * a number may have at most two decimals once trailing zeros are dropped
 * ("1.0000000000001 Menit" is refused, not rounded), Hari and Minggu take
 * no fraction, and the Jam/Menit total must be whole minutes.  Nothing is
 * ever rounded.  Every number and the running sums must stay within
 * DUR_MAX_DAYS / DUR_MAX_MINUTES.
 * On error *out is unchanged and err quotes the text (cut at 80 bytes)
 * and the token that could not be read or the limit.  Returns MUTU_ERANGE
 * when the text is a duration but above the limit (the importer refuses
 * such a cell instead of skipping it), MUTU_EINPUT when it is no duration.
 */
int dur_parse(const char *text, struct dur *out, struct mutu_err *err);

/*
 * 0 when d lies in the range (0 <= days, rounded_days <= DUR_MAX_DAYS,
 * 0 <= minutes <= DUR_MAX_MINUTES); else MUTU_EINPUT (negative) or
 * MUTU_ERANGE (above the limit) with err naming
 * what (e.g. "model.ini line 12: the steps' total"; NULL: "duration"),
 * the value and the limit.  For sums and durations not from dur_parse.
 */
int dur_check(struct dur d, const char *what, struct mutu_err *err);

/* Sum: days add, minutes add (carried into Jam when formatted, never into
 * Hari).  The sum has no rounded ceiling.  Never overflows: a field is
 * held at the int64 bound instead (then dur_check refuses it); sums of
 * durations inside the range are exact. */
struct dur dur_add(struct dur a, struct dur b);

/* Total minutes, counting a day as day_minutes (e.g. 450 = 7.5 h); exact
 * inside the range, held at the int64 bound instead of overflowing. */
int64_t dur_to_minutes(struct dur d, int day_minutes);

/* Split minutes into whole days of day_minutes and the rest. */
struct dur dur_from_minutes(int64_t minutes, int day_minutes);

/* Write "4 Hari 1 Jam 18 Menit" (or "4 days 1 hour 18 minutes") into buf,
 * with " (5 Hari)" when rounded_days >= 0; zero is "0 Menit"; a negative
 * duration is "minus 1 Hari 4 Jam 30 Menit" (the sign covers the whole;
 * "-1 Hari 4 Jam" read as -1 Hari + 4 Jam).  Any int64 values format (INT64_MIN
 * too).  Returns the length it needed (snprintf-style); buf may be
 * truncated. */
size_t dur_format(struct dur d, enum dur_lang lang, char *buf, size_t size);

/* Format a (possibly fractional or negative) count of working minutes in
 * the same form, rounding to whole minutes; days of day_minutes are split
 * off when day_minutes > 0.  Beyond +-2^62 minutes or NaN it writes the
 * plain number ("1e+20 Menit" style via %.0f) instead of casting. */
size_t dur_format_minutes(double minutes, int day_minutes, enum dur_lang lang,
			  char *buf, size_t size);

/* Append the display text of a count of minutes as a JSON string, in the
 * form of dur_format_minutes ("2 Hari 4 Jam 30 Menit"), or null when
 * minutes is NaN or infinite: the "<name>_text" every JSON document
 * writes beside a duration in minutes, so a script can show the number
 * the way the reports do without its own formatter. */
void dur_json_text(struct mutu_buf *b, double minutes, int day_minutes, enum dur_lang lang);

/* The same for wall-clock minutes (days of 24 h): "7 hari kalender 4 Jam
 * 20 Menit" / "7 calendar days 4 hours 20 minutes", never "7 Hari", which
 * in every mutu text is a working day (hari kerja).  Under a day it is
 * the plain "4 Jam 20 Menit"; null for NaN or infinite minutes. */
void dur_json_text_calendar(struct mutu_buf *b, double minutes, enum dur_lang lang);

#endif /* MUTU_DUR_H */
