/*
 * dur.c - parsing, summing and formatting SOP durations (see dur.h).
 *
 * The parser is a small hand-written scanner: number, unit, repeat.  It
 * knows no calendar; a day stays a day until cal_deadline() places it.
 */
#include "mutu/dur.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dur dur_zero(void)
{
	struct dur d = {0, 0, -1};
	return d;
}

enum unit { U_NONE, U_MIN, U_HOUR, U_DAY, U_WEEK };

static const struct {
	const char *name;
	enum unit unit;
} units[] = {
	{"menit", U_MIN}, {"mnt", U_MIN}, {"min", U_MIN}, {"mins", U_MIN},
	{"minute", U_MIN}, {"minutes", U_MIN},
	{"jam", U_HOUR}, {"h", U_HOUR}, {"hour", U_HOUR}, {"hours", U_HOUR},
	{"hari", U_DAY}, {"hk", U_DAY}, {"day", U_DAY}, {"days", U_DAY},
	{"minggu", U_WEEK}, {"pekan", U_WEEK}, {"week", U_WEEK}, {"weeks", U_WEEK},
};

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Skip white space, commas, UTF-8 no-break spaces and the joiners
 * "dan" / "and" (whole words only). */
static const char *skip_sep(const char *p)
{
	for (;;) {
		if (is_space((unsigned char)*p)) {
			p++;
		} else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			p += 2;
		} else if ((mutu_strncasecmp(p, "dan", 3) == 0 && !is_alpha((unsigned char)p[3])) ||
			   (mutu_strncasecmp(p, "and", 3) == 0 && !is_alpha((unsigned char)p[3]))) {
			p += 3;
		} else {
			return p;
		}
	}
}

static enum unit find_unit(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == n && mutu_strncasecmp(w, units[i].name, n) == 0)
			return units[i].unit;
	return U_NONE;
}

/* Parse the parts of a duration up to end (exclusive). */
static int parse_parts(const char *text, const char *p, const char *end,
		       struct dur *d, struct mutu_err *err)
{
	int nparts = 0;
	double minutes = 0;
	p = skip_sep(p);
	while (p < end) {
		const char *tok = p;
		if (!is_digit((unsigned char)*p)) {
			const char *q = p;
			while (q < end && !is_space((unsigned char)*q) && *q != '(')
				q++;
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%s\": expected a number at \"%.*s\"",
					 text, (int)(q - tok), tok);
		}
		double num = 0;
		while (p < end && is_digit((unsigned char)*p))
			num = num * 10 + (*p++ - '0');
		int frac = 0;
		if (p + 1 < end && (*p == ',' || *p == '.') && is_digit((unsigned char)p[1])) {
			double scale = 0.1;
			p++;
			while (p < end && is_digit((unsigned char)*p)) {
				num += (*p++ - '0') * scale;
				scale /= 10;
			}
			frac = 1;
		}
		for (;;) {
			if (p < end && (*p == ' ' || *p == '\t'))
				p++;
			else if (p + 1 < end && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
				p += 2;
			else
				break;
		}
		const char *w = p;
		while (p < end && is_alpha((unsigned char)*p))
			p++;
		if (p == w) {
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%s\": number \"%.*s\" has no unit (Menit, Jam, Hari, Minggu)",
					 text, (int)(p - tok), tok);
		}
		enum unit u = find_unit(w, (size_t)(p - w));
		if (u == U_NONE) {
			const char *q = p;
			while (q < end && !is_space((unsigned char)*q))
				q++;
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%s\": unknown unit \"%.*s\"",
					 text, (int)(q - w), w);
		}
		if (u == U_DAY || u == U_WEEK) {
			if (frac) {
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%s\": \"%.*s\" is a fraction of a working day; write it in Jam and Menit",
						 text, (int)(p - tok), tok);
			}
			d->days += (int64_t)num * (u == U_WEEK ? 5 : 1);
			/* "hari kerja": the qualifier is the default reading */
			const char *q = skip_sep(p);
			if (mutu_strncasecmp(q, "kerja", 5) == 0 && !is_alpha((unsigned char)q[5]))
				p = q + 5;
		} else {
			minutes += u == U_HOUR ? num * 60 : num;
		}
		nparts++;
		p = skip_sep(p);
	}
	if (nparts == 0)
		return mutu_errf(err, MUTU_EINPUT, "cannot read duration \"%s\": it is empty", text);
	double whole = floor(minutes + 0.5);
	if (fabs(minutes - whole) > 1e-9)
		return mutu_errf(err, MUTU_EINPUT,
				 "cannot read duration \"%s\": it is not a whole number of minutes", text);
	d->minutes += (int64_t)whole;
	return 0;
}

int dur_parse(const char *text, struct dur *out, struct mutu_err *err)
{
	if (!text)
		return mutu_errf(err, MUTU_EINPUT, "cannot read duration: no text");
	struct dur d = dur_zero();
	const char *end = text + strlen(text);
	const char *open = strchr(text, '(');
	int rc;
	if (open) {
		const char *close = strchr(open, ')');
		if (!close)
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%s\": \"(\" without \")\"", text);
		for (const char *q = close + 1; q < end; q++)
			if (!is_space((unsigned char)*q))
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%s\": unexpected \"%s\" after \")\"",
						 text, q);
		rc = parse_parts(text, text, open, &d, err);
		if (rc)
			return rc;
		struct dur r = dur_zero();
		rc = parse_parts(text, open + 1, close, &r, err);
		if (rc)
			return rc;
		if (r.minutes != 0 || r.days > 1000000)
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%s\": the part in parentheses must be whole working days, like \"(5 Hari)\"",
					 text);
		d.rounded_days = (int)r.days;
	} else {
		rc = parse_parts(text, text, end, &d, err);
		if (rc)
			return rc;
	}
	*out = d;
	return 0;
}

struct dur dur_add(struct dur a, struct dur b)
{
	struct dur s = {a.days + b.days, a.minutes + b.minutes, -1};
	return s;
}

int64_t dur_to_minutes(struct dur d, int day_minutes)
{
	return d.days * day_minutes + d.minutes;
}

struct dur dur_from_minutes(int64_t minutes, int day_minutes)
{
	struct dur d = dur_zero();
	if (day_minutes > 0) {
		d.days = minutes / day_minutes;
		d.minutes = minutes % day_minutes;
	} else {
		d.minutes = minutes;
	}
	return d;
}

static void put_part(char *buf, size_t size, size_t *len, int64_t n,
		     const char *id, const char *en1, const char *enn, enum dur_lang lang)
{
	const char *unit = lang == DUR_EN ? (n == 1 ? en1 : enn) : id;
	int w = snprintf(*len < size ? buf + *len : NULL, *len < size ? size - *len : 0,
			 "%s%lld %s", *len ? " " : "", (long long)n, unit);
	if (w > 0)
		*len += (size_t)w;
}

size_t dur_format(struct dur d, enum dur_lang lang, char *buf, size_t size)
{
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	int neg = d.days < 0 || d.minutes < 0;
	int64_t days = llabs(d.days), mins = llabs(d.minutes);
	if (neg) {
		struct dur pos = {days, mins, d.rounded_days};
		size_t rest = dur_format(pos, lang, size > 1 ? buf + 1 : NULL, size > 1 ? size - 1 : 0);
		if (size > 1)
			buf[0] = '-';
		return rest + 1;
	}
	if (days)
		put_part(buf, size, &len, days, "Hari", "day", "days", lang);
	if (mins / 60)
		put_part(buf, size, &len, mins / 60, "Jam", "hour", "hours", lang);
	if (mins % 60 || (!days && !(mins / 60)))
		put_part(buf, size, &len, mins % 60, "Menit", "minute", "minutes", lang);
	if (d.rounded_days >= 0) {
		int w = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
				 " (%d %s)", d.rounded_days,
				 lang == DUR_EN ? (d.rounded_days == 1 ? "day" : "days") : "Hari");
		if (w > 0)
			len += (size_t)w;
	}
	return len;
}

size_t dur_format_minutes(double minutes, int day_minutes, enum dur_lang lang,
			  char *buf, size_t size)
{
	double r = floor(minutes + 0.5);
	int64_t m = (int64_t)r;
	struct dur d = dur_from_minutes(m, day_minutes);
	return dur_format(d, lang, buf, size);
}
