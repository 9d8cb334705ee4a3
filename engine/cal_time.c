/*
 * cal_time.c - civil dates and timestamps: days <-> year/month/day
 * (proleptic Gregorian, Howard Hinnant's algorithms, exact for any int64
 * day), ISO 8601 parsing with or without an offset, and formatting.
 *
 * The parser is strict on purpose: logs and CLI input that carry an
 * impossible date (2025-02-30) or clock time (25:00) are errors that quote
 * the text, never silently normalised to another day.
 */
#include "cal_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int64_t cal_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;                                  /* [0, 399] */
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

void cal_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int cal_days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* ---- parsing -------------------------------------------------------- */

/* Read exactly n digits at *p; -1 when they are not there. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char ch = (*p)[i];
		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	*p += n;
	return v;
}

static const char *month_name[12] = {"January", "February", "March", "April", "May", "June",
				     "July", "August", "September", "October", "November",
				     "December"};

#define ISO_HINT "expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fff]] or with T, " \
		 "optionally followed by Z or an offset like +07:00"

static int bad(struct mutu_err *err, const char *text, const char *why)
{
	return mutu_errf(err, MUTU_EINPUT, "cannot read time \"%s\": %s (%s)", text, why, ISO_HINT);
}

int cal_parse_iso(const char *text, int default_offset, double *out, int *offset,
		  struct mutu_err *err)
{
	char why[160];
	if (!text)
		return bad(err, "", "no text");
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	int y = digits(&p, 4);
	if (y < 0 || *p != '-')
		return bad(err, text, "the date must start with a 4-digit year and '-'");
	p++;
	int m = digits(&p, 2);
	if (m < 0 || *p != '-')
		return bad(err, text, "the month must have 2 digits followed by '-'");
	p++;
	int d = digits(&p, 2);
	if (d < 0)
		return bad(err, text, "the day must have 2 digits");
	if (m < 1 || m > 12) {
		snprintf(why, sizeof why, "month %02d does not exist", m);
		return bad(err, text, why);
	}
	if (d < 1 || d > cal_days_in_month(y, m)) {
		snprintf(why, sizeof why, "%s %d has %d days, not %d", month_name[m - 1], y,
			 cal_days_in_month(y, m), d);
		return bad(err, text, why);
	}
	int hh = 0, mi = 0, ss = 0;
	double frac = 0;
	int off = default_offset;
	if ((*p == 'T' || *p == 't' || *p == ' ') && p[1] >= '0' && p[1] <= '9') {
		p++;
		hh = digits(&p, 2);
		if (hh < 0 || *p != ':')
			return bad(err, text, "the time must read HH:MM");
		p++;
		mi = digits(&p, 2);
		if (mi < 0)
			return bad(err, text, "the minutes must have 2 digits");
		if (*p == ':') {
			p++;
			ss = digits(&p, 2);
			if (ss < 0)
				return bad(err, text, "the seconds must have 2 digits");
			if (*p == '.' || *p == ',') {
				p++;
				double scale = 0.1;
				if (*p < '0' || *p > '9')
					return bad(err, text, "a decimal point must be followed by digits");
				while (*p >= '0' && *p <= '9') {
					frac += (*p - '0') * scale;
					scale /= 10;
					p++;
				}
			}
		}
		if (hh > 23) {
			snprintf(why, sizeof why, "hour %02d is not a clock time (00-23)", hh);
			return bad(err, text, why);
		}
		if (mi > 59) {
			snprintf(why, sizeof why, "minute %02d is not a clock time (00-59)", mi);
			return bad(err, text, why);
		}
		if (ss == 60) {
			/* refused, not folded into :59: instants are POSIX seconds,
			 * which have no leap seconds, and a silent :59 would move it */
			return bad(err, text, "second 60 is a leap second; mutu's instants have none "
					      "(write :59 or the next minute's :00)");
		}
		if (ss > 59) {
			snprintf(why, sizeof why, "second %02d is not a clock time (00-59)", ss);
			return bad(err, text, why);
		}
		if (*p == ' ' && (p[1] == '+' || p[1] == '-' || p[1] == 'Z'))
			p++;
		if (*p == 'Z' || *p == 'z') {
			p++;
			off = 0;
		} else if (*p == '+' || *p == '-') {
			int sign = *p == '-' ? -1 : 1;
			p++;
			int oh = digits(&p, 2), om = 0;
			if (oh < 0)
				return bad(err, text, "the offset must read +HH:MM, +HHMM or +HH");
			if (*p == ':') {
				p++;
				om = digits(&p, 2);
				if (om < 0)
					return bad(err, text, "the offset must read +HH:MM");
			} else if (*p >= '0' && *p <= '9') {
				om = digits(&p, 2);
				if (om < 0)
					return bad(err, text, "the offset must read +HHMM");
			}
			if (oh > 14 || om > 59) {
				snprintf(why, sizeof why, "offset %c%02d:%02d does not exist",
					 sign < 0 ? '-' : '+', oh, om);
				return bad(err, text, why);
			}
			off = sign * (oh * 3600 + om * 60);
		}
	}
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	if (*p) {
		snprintf(why, sizeof why, "unexpected \"%.40s\"", p);
		return bad(err, text, why);
	}
	int64_t days = cal_days_from_civil(y, m, d);
	int64_t secs = days * CAL_DAY_SEC + hh * 3600 + mi * 60 + ss - off;
	*out = (double)secs + frac;
	if (offset)
		*offset = off;
	return 0;
}

int cal_parse_time(const struct cal *c, const char *text, double *out, int *offset,
		   struct mutu_err *err)
{
	double t = 0;
	int off = 0;
	int rc = cal_parse_iso(text, c->offset, &t, &off, err);
	if (rc)
		return rc;
	if (!(t >= c->first && t <= c->end))
		return mutu_errf(err, MUTU_ERANGE,
				 "\"%s\" is outside calendar %s (%d-%d); use a calendar whose "
				 "years cover it",
				 text, c->name, c->year_first, c->year_last);
	*out = t;
	if (offset)
		*offset = off;
	return 0;
}

/* ---- formatting ----------------------------------------------------- */

size_t cal_format_iso(double t, int offset, char *buf, size_t size)
{
	if (!isfinite(t)) {
		int n = snprintf(buf, size, "%s", isnan(t) ? "NaN" : (t < 0 ? "-inf" : "inf"));
		return n < 0 ? 0 : (size_t)n;
	}
	int64_t s = (int64_t)floor(t + 0.5) + offset;
	int64_t days = cal_floor_div(s, CAL_DAY_SEC);
	int64_t sod = s - days * CAL_DAY_SEC;
	int y, m, d;
	cal_civil_from_days(days, &y, &m, &d);
	int a = offset < 0 ? -offset : offset;
	int n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d,
			 (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60),
			 offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	return n < 0 ? 0 : (size_t)n;
}

size_t cal_format_time(const struct cal *c, double t, char *buf, size_t size)
{
	return cal_format_iso(t, c->offset, buf, size);
}
