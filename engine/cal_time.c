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

/* Read exactly n digits at *p, not past e; -1 when they are not there. */
static int digits(const char **p, const char *e, int n)
{
	int v = 0;
	if (e - *p < n)
		return -1;
	for (int i = 0; i < n; i++) {
		char ch = (*p)[i];
		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	*p += n;
	return v;
}

static int isdig(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

static int iso_fail(struct cal_iso *o, int stage, const char *why)
{
	o->stage = stage;
	o->why = why;
	return -1;
}

int cal_iso_scan_offset(const char **pp, const char *e, struct cal_iso *o)
{
	const char *p = *pp;
	if (p < e && (*p == 'Z' || *p == 'z')) {
		o->has_off = 1;
		o->off_sign = o->off_h = o->off_m = 0;
		*pp = p + 1;
		return 0;
	}
	if (p >= e || (*p != '+' && *p != '-'))
		return iso_fail(o, CAL_ISO_AT_OFFSET, "the offset must read +HH:MM, +HHMM or +HH");
	int sign = *p == '-' ? -1 : 1;
	p++;
	int oh = digits(&p, e, 2), om = 0;
	if (oh < 0)
		return iso_fail(o, CAL_ISO_AT_OFFSET, "the offset must read +HH:MM, +HHMM or +HH");
	if (p < e && *p == ':') {
		p++;
		om = digits(&p, e, 2);
		if (om < 0)
			return iso_fail(o, CAL_ISO_AT_OFFSET, "the offset must read +HH:MM");
	} else if (isdig(p, e)) {
		om = digits(&p, e, 2);
		if (om < 0)
			return iso_fail(o, CAL_ISO_AT_OFFSET, "the offset must read +HHMM");
	}
	o->has_off = 1;
	o->off_sign = sign;
	o->off_h = oh;
	o->off_m = om;
	*pp = p;
	return 0;
}

/* SS[(.|,)F+] after the minutes. */
static int scan_seconds(const char **pp, const char *e, struct cal_iso *o)
{
	const char *p = *pp;
	o->s = digits(&p, e, 2);
	if (o->s < 0) {
		o->s = 0;
		return iso_fail(o, CAL_ISO_AT_TIME, "the seconds must have 2 digits");
	}
	if (p < e && (*p == '.' || *p == ',')) {
		p++;
		if (!isdig(p, e))
			return iso_fail(o, CAL_ISO_AT_TIME, "a decimal point must be followed by digits");
		o->frac = p;
		while (isdig(p, e))
			p++;
		o->frac_n = (size_t)(p - o->frac);
	}
	*pp = p;
	return 0;
}

/* 20250505[T1000[00[.F]]][offset], p after the year (logs only). */
static int scan_basic(const char *p, const char *e, struct cal_iso *o)
{
	static const char why[] = "a basic-format date must read YYYYMMDD[THHMM[SS]]";
	if ((o->mo = digits(&p, e, 2)) < 0 || (o->d = digits(&p, e, 2)) < 0)
		return iso_fail(o, CAL_ISO_AT_DATE, why);
	if (p < e && (*p == 'T' || *p == 't')) {
		p++;
		if ((o->h = digits(&p, e, 2)) < 0 || (o->mi = digits(&p, e, 2)) < 0)
			return iso_fail(o, CAL_ISO_AT_TIME, why);
		if (isdig(p, e) && scan_seconds(&p, e, o))
			return -1;
		o->has_time = 1;
		if (p < e && cal_iso_scan_offset(&p, e, o))
			return -1;
	}
	o->end = p;
	return 0;
}

int cal_iso_scan(const char *p, const char *e, unsigned flags, struct cal_iso *o)
{
	memset(o, 0, sizeof *o);
	o->end = p;
	if ((o->y = digits(&p, e, 4)) < 0)
		return iso_fail(o, CAL_ISO_AT_DATE, "the date must start with a 4-digit year and '-'");
	if ((flags & CAL_ISO_BASIC) && isdig(p, e))
		return scan_basic(p, e, o);
	char sep = p < e ? *p : 0;
	if (sep != '-' && !(sep == '/' && (flags & CAL_ISO_SLASH)))
		return iso_fail(o, CAL_ISO_AT_DATE, "the date must start with a 4-digit year and '-'");
	p++;
	if ((o->mo = digits(&p, e, 2)) < 0 || p >= e || *p != sep)
		return iso_fail(o, CAL_ISO_AT_DATE, "the month must have 2 digits followed by '-'");
	p++;
	if ((o->d = digits(&p, e, 2)) < 0)
		return iso_fail(o, CAL_ISO_AT_DATE, "the day must have 2 digits");
	o->end = p;
	int spaces = (flags & CAL_ISO_SPACES) != 0;
	if (!(p < e && (*p == 'T' || *p == 't' || *p == ' ')))
		return 0;
	if (!spaces && !isdig(p + 1, e))
		return 0; /* a date alone; what follows is the caller's */
	p++;
	while (spaces && p < e && *p == ' ')
		p++;
	if ((o->h = digits(&p, e, 2)) < 0 || p >= e || *p != ':')
		return iso_fail(o, CAL_ISO_AT_TIME, "the time must read HH:MM");
	p++;
	if ((o->mi = digits(&p, e, 2)) < 0)
		return iso_fail(o, CAL_ISO_AT_TIME, "the minutes must have 2 digits");
	if (p < e && *p == ':') {
		p++;
		if (scan_seconds(&p, e, o))
			return -1;
	}
	o->has_time = 1;
	o->end = p;
	if (spaces) {
		while (p < e && *p == ' ')
			p++;
	} else if (p + 1 < e && *p == ' ' && (p[1] == '+' || p[1] == '-' || p[1] == 'Z')) {
		p++;
	}
	if (p < e && (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-')) {
		if (cal_iso_scan_offset(&p, e, o))
			return -1;
		o->end = p;
	}
	return 0;
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

/*
 * The strict reading for people: the syntax by cal_iso_scan, then the
 * ranges, in the order a reader fixes them (the date, the clock time, the
 * offset), each refused with the reason.  A leap second is refused, not
 * folded into :59: instants are POSIX seconds.
 */
int cal_parse_iso(const char *text, int default_offset, double *out, int *offset,
		  struct mutu_err *err)
{
	char why[160];
	if (!text)
		return bad(err, "", "no text");
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	struct cal_iso o;
	int failed = cal_iso_scan(p, p + strlen(p), 0, &o) != 0;
	if (failed && o.stage == CAL_ISO_AT_DATE)
		return bad(err, text, o.why);
	int y = o.y, m = o.mo, d = o.d;
	if (m < 1 || m > 12) {
		snprintf(why, sizeof why, "month %02d does not exist", m);
		return bad(err, text, why);
	}
	if (d < 1 || d > cal_days_in_month(y, m)) {
		snprintf(why, sizeof why, "%s %d has %d days, not %d", month_name[m - 1], y,
			 cal_days_in_month(y, m), d);
		return bad(err, text, why);
	}
	if (failed && o.stage == CAL_ISO_AT_TIME)
		return bad(err, text, o.why);
	int hh = o.h, mi = o.mi, ss = o.s;
	if (o.has_time) {
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
	}
	if (failed)
		return bad(err, text, o.why); /* the offset */
	int off = default_offset;
	if (o.has_off) {
		if (o.off_h > 14 || o.off_m > 59) {
			snprintf(why, sizeof why, "offset %c%02d:%02d does not exist",
				 o.off_sign < 0 ? '-' : '+', o.off_h, o.off_m);
			return bad(err, text, why);
		}
		off = (o.off_sign < 0 ? -1 : 1) * (o.off_h * 3600 + o.off_m * 60);
	}
	double frac = 0, scale = 0.1;
	for (size_t i = 0; i < o.frac_n; i++, scale /= 10)
		frac += (o.frac[i] - '0') * scale;
	p = o.end;
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

/* Two decimal digits of 0 <= v <= 99. */
static void put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

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
	if (y >= 0 && y <= 9999 && a < 100 * 3600 && size > 25) {
		/* the same 25 characters as the snprintf below, digit by digit:
		 * a simulation's JSON carries thousands of these (queue sample
		 * times), and snprintf was half the cost of writing it */
		put2(buf, y / 100);
		put2(buf + 2, y % 100);
		buf[4] = '-';
		put2(buf + 5, m);
		buf[7] = '-';
		put2(buf + 8, d);
		buf[10] = 'T';
		put2(buf + 11, (int)(sod / 3600));
		buf[13] = ':';
		put2(buf + 14, (int)(sod / 60 % 60));
		buf[16] = ':';
		put2(buf + 17, (int)(sod % 60));
		buf[19] = offset < 0 ? '-' : '+';
		put2(buf + 20, a / 3600);
		buf[22] = ':';
		put2(buf + 23, a / 60 % 60);
		buf[25] = '\0';
		return 25;
	}
	int n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d,
			 (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60),
			 offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	return n < 0 ? 0 : (size_t)n;
}

size_t cal_format_time(const struct cal *c, double t, char *buf, size_t size)
{
	return cal_format_iso(t, c->offset, buf, size);
}
