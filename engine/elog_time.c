/*
 * elog_time.c - the ingest's own time-stamp reader, zone names and
 * formatting.
 *
 * The ISO 8601 syntax is read by the one reader, cal_iso_scan (cal_time.c),
 * with the log's widenings as flags (2025/05/05, the basic format, extra
 * blanks); what stays here is the log's own reading of the values: from a
 * length-delimited field (no copy to a NUL-terminated string), into
 * integer milliseconds (no double rounding of .788 fractions), 24:00 as
 * the end of the day and :60 read as :59 and named, offsets -12:00..
 * +14:00; and the explicit --date-format orders (dd/mm/yyyy) that the
 * calendar module rightly refuses to guess.  Pure integer arithmetic, no
 * locale, no libc time functions (timegm is not POSIX and mktime reads TZ).
 */
#include "mutu/cal.h"
#include "mutu/elog.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int isdig(char c) { return c >= '0' && c <= '9'; }

/* Read exactly k digits at *p (bounded by e). */
static int digits(const char **p, const char *e, int k, int *out)
{
	int v = 0;
	if (e - *p < k)
		return -1;
	for (int i = 0; i < k; i++) {
		char c = (*p)[i];
		if (!isdig(c))
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += k;
	*out = v;
	return 0;
}

/* 1 or 2 digits (for d/m/H in --date-format). */
static int digits12(const char **p, const char *e, int *out)
{
	if (*p >= e || !isdig(**p))
		return -1;
	int v = **p - '0';
	(*p)++;
	if (*p < e && isdig(**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return 0;
}

/* Milliseconds from a fraction ".788000" (p after the dot); rounds down. */
static int fraction(const char **p, const char *e, int *ms)
{
	int v = 0, k = 0;
	if (*p >= e || !isdig(**p))
		return -1;
	while (*p < e && isdig(**p)) {
		if (k < 3) {
			v = v * 10 + (**p - '0');
			k++;
		}
		(*p)++;
	}
	while (k < 3) {
		v *= 10;
		k++;
	}
	*ms = v;
	return 0;
}

/* Minutes east of an offset as written, -1 when no zone uses it: offsets
 * in use run from -12:00 (Baker Island) to +14:00 (Line Islands); anything
 * beyond is a typo, not a zone. */
static int offset_minutes(const struct cal_iso *o, int *off)
{
	int h = o->off_h, m = o->off_m;
	if (m > 59 || h * 60 + m > (o->off_sign < 0 ? 12 * 60 : 14 * 60))
		return -1;
	*off = (o->off_sign < 0 ? -1 : 1) * (h * 60 + m);
	return 0;
}

/* "Z", "+08:00", "+0800", "+08", "-03:30" at *p (cal_iso_scan_offset);
 * minutes east. */
static int offset(const char **p, const char *e, int *off)
{
	struct cal_iso o;
	memset(&o, 0, sizeof o);
	if (cal_iso_scan_offset(p, e, &o))
		return -1;
	return offset_minutes(&o, off);
}

/* Set by finish() when the second was 60; the parse functions pass it on. */
struct tsx {
	int leap;
};

static int finish(int y, int mo, int d, int h, int mi, int s, int ms, int have_off, int off,
		  int default_off, int64_t *out, int *out_off, struct tsx *x)
{
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > cal_days_in_month(y, mo))
		return ELOG_TS_BAD;
	/* 24:00:00 is the end of the day (ISO 8601).  Second 60 is a leap
	 * second (or an exporter's rounding): read as :59, and said so through
	 * x->leap (elog_parse_time_ex), so the ingest can name it. */
	if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi || s || ms)))
		return ELOG_TS_BAD;
	if (s == 60) {
		s = 59;
		x->leap = 1;
	}
	if (!have_off) {
		if (default_off == ELOG_NO_ZONE)
			return ELOG_TS_NOZONE;
		off = default_off;
	}
	int64_t days = cal_days_from_civil(y, mo, d);
	int64_t t = ((days * 24 + h) * 60 + mi) * 60 + s;
	*out = (t - (int64_t)off * 60) * 1000 + ms;
	*out_off = off;
	return ELOG_TS_OK;
}

/* Skip trailing blanks; libcsv already trims unquoted fields. */
static const char *rtrim(const char *s, const char *e)
{
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	return e;
}

/* Milliseconds of a fraction's digits ("788000" -> 788); rounds down. */
static int frac_ms(const char *f, size_t n)
{
	int v = 0;
	for (size_t k = 0; k < 3; k++)
		v = v * 10 + (k < n ? f[k] - '0' : 0);
	return v;
}

/* ISO 8601 as logs write it: extended or basic, '-' or '/', blanks
 * between the parts (cal_iso_scan); nothing may follow the stamp. */
static int parse_iso(const char *p, const char *e, int default_off, int64_t *ms, int *off,
		     struct tsx *x)
{
	struct cal_iso o;
	int o_min = 0;
	if (cal_iso_scan(p, e, CAL_ISO_SLASH | CAL_ISO_BASIC | CAL_ISO_SPACES, &o) || o.end != e)
		return ELOG_TS_BAD;
	if (o.has_off && offset_minutes(&o, &o_min))
		return ELOG_TS_BAD;
	return finish(o.y, o.mo, o.d, o.h, o.mi, o.s, o.frac ? frac_ms(o.frac, o.frac_n) : 0,
		      o.has_off, o_min, default_off, ms, off, x);
}

/* A month by name at *p, as Indonesian, English and Dutch exports write it,
 * any case: "Mei", "Agustus", "Agt", "Nopember", "Oct", "December", and
 * "Mrt" (Maret, as Indonesian and Dutch abbreviate it: a Dutch-locale Excel
 * or Disco writes "14-mrt-2025"), "maart", "Agst".  Dutch shares the other
 * names with these two (mei, okt, augustus aside, added).  The whole run
 * of letters must be one of the names (so "Ma" or "Maret2" is no month). */
static int month_name(const char **p, const char *e, int *mo)
{
	static const struct { const char *name; int mo; } names[] = {
		{"jan", 1}, {"januari", 1}, {"january", 1}, {"feb", 2}, {"februari", 2},
		{"february", 2}, {"peb", 2}, {"pebruari", 2}, {"mar", 3}, {"maret", 3}, {"march", 3},
		{"mrt", 3}, {"maart", 3},
		{"apr", 4}, {"april", 4}, {"mei", 5}, {"may", 5}, {"jun", 6}, {"juni", 6}, {"june", 6},
		{"jul", 7}, {"juli", 7}, {"july", 7}, {"agu", 8}, {"agt", 8}, {"ags", 8}, {"agus", 8},
		{"agustus", 8}, {"aug", 8}, {"august", 8}, {"agst", 8}, {"augustus", 8}, {"sep", 9}, {"sept", 9}, {"september", 9},
		{"okt", 10}, {"oktober", 10}, {"oct", 10}, {"october", 10}, {"nov", 11},
		{"nop", 11}, {"november", 11}, {"nopember", 11}, {"des", 12}, {"desember", 12},
		{"dec", 12}, {"december", 12},
	};
	char w[12];
	size_t n = 0;
	const char *q = *p;
	while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) {
		if (n + 1 >= sizeof w)
			return -1;
		w[n++] = (char)(*q >= 'A' && *q <= 'Z' ? *q - 'A' + 'a' : *q);
		q++;
	}
	w[n] = 0;
	if (q < e && *q == '.') /* "Agt." "Des." */
		q++;
	for (size_t i = 0; n && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(w, names[i].name) == 0) {
			*mo = names[i].mo;
			*p = q;
			return 0;
		}
	return -1;
}

/*
 * %p: AM or PM in any case, with or without dots ("AM", "pm", "a.m."), as
 * an en-US Excel or Windows export writes its 12-hour clock (6/3/2025
 * 1:15:00 PM).  *pm 0 for AM, 1 for PM.
 */
static int am_pm(const char **p, const char *e, int *pm)
{
	const char *q = *p;
	if (q >= e || (*q != 'A' && *q != 'a' && *q != 'P' && *q != 'p'))
		return -1;
	int v = *q == 'P' || *q == 'p';
	q++;
	if (q < e && *q == '.')
		q++;
	if (q >= e || (*q != 'M' && *q != 'm'))
		return -1;
	q++;
	if (q < e && *q == '.')
		q++;
	*pm = v;
	*p = q;
	return 0;
}

int elog_date_format_check(const char *fmt)
{
	for (const char *f = fmt; *f; f++) {
		if (*f != '%')
			continue;
		f++;
		if (!*f)
			return '%';
		if (!strchr("dmbBHIpMSYyfz%", *f))
			return (unsigned char)*f;
	}
	return 0;
}

static int parse_fmt(const char *p, const char *e, const char *f, int default_off, int64_t *ms,
		     int *off, struct tsx *x)
{
	int y = -1, mo = -1, d = -1, h = 0, mi = 0, s = 0, frac = 0, have_off = 0, o = 0;
	int ampm = -1, timed = 0; /* %p: 0 AM, 1 PM; an hour was read */
	const char *fmt = f;
	for (; *f; f++) {
		if (p == e && y >= 0 && mo >= 0 && d >= 0)
			break; /* date-only value against a date-time format */
		if (*f == ' ') {
			if (p >= e || *p != ' ')
				return ELOG_TS_BAD;
			while (p < e && *p == ' ')
				p++;
			continue;
		}
		if (*f != '%') {
			if (p >= e || *p != *f)
				return ELOG_TS_BAD;
			p++;
			continue;
		}
		f++;
		int v = 0;
		switch (*f) {
		case 'd': if (digits12(&p, e, &d)) return ELOG_TS_BAD; break;
		case 'm': if (digits12(&p, e, &mo)) return ELOG_TS_BAD; break;
		case 'b': /* fall through: %B as strptime, either form of the name */
		case 'B': if (month_name(&p, e, &mo)) return ELOG_TS_BAD; break;
		case 'H': /* fall through: %I, the 12-hour clock, read alike; %p checks it */
		case 'I': if (digits12(&p, e, &h)) return ELOG_TS_BAD; timed = 1; break;
		case 'p': if (am_pm(&p, e, &ampm)) return ELOG_TS_BAD; break;
		case 'M': if (digits(&p, e, 2, &mi)) return ELOG_TS_BAD; break;
		case 'S': if (digits(&p, e, 2, &s)) return ELOG_TS_BAD; break;
		case 'Y': if (digits(&p, e, 4, &y)) return ELOG_TS_BAD; break;
		case 'y':
			if (digits(&p, e, 2, &v))
				return ELOG_TS_BAD;
			y = 2000 + v; /* exports from permit systems start after 2000 */
			break;
		case 'f': if (fraction(&p, e, &frac)) return ELOG_TS_BAD; break;
		case 'z':
			while (p < e && *p == ' ')
				p++;
			if (p < e) {
				if (offset(&p, e, &o))
					return ELOG_TS_BAD;
				have_off = 1;
			}
			break;
		case '%':
			if (p >= e || *p != '%')
				return ELOG_TS_BAD;
			p++;
			break;
		default:
			return ELOG_TS_BAD;
		}
	}
	/* an optional offset after a format that has none: still honour it */
	if (p < e && !have_off && (*p == 'Z' || *p == '+' || *p == '-' || *p == ' ')) {
		while (p < e && *p == ' ')
			p++;
		if (offset(&p, e, &o))
			return ELOG_TS_BAD;
		have_off = 1;
	}
	if (p != e || y < 0 || mo < 0 || d < 0)
		return ELOG_TS_BAD;
	if (ampm < 0 && timed && strstr(fmt, "%p"))
		return ELOG_TS_BAD; /* 1:15 without AM/PM is 01:15 or 13:15 */
	if (ampm >= 0) { /* 12:xx AM is 00:xx, 12:xx PM noon; hours 1-12 only */
		if (h < 1 || h > 12)
			return ELOG_TS_BAD;
		h = h % 12 + 12 * ampm;
	}
	return finish(y, mo, d, h, mi, s, frac, have_off, o, default_off, ms, off, x);
}

/*
 * POSIX time as JSON-to-CSV and database exports write it: 10 digits of
 * seconds (a fraction allowed) or 13 of milliseconds since 1970-01-01
 * UTC, between 2000-01-01 and 2100-01-01 (946684800 .. 4102444800 s);
 * other digit runs stay bad stamps.  UTC by definition: no zone needed,
 * offset 0.  Before, such a log was refused with "give --date-format",
 * which no format could satisfy.
 */
static int parse_epoch(const char *p, const char *e, int64_t *ms, int *off)
{
	int64_t v = 0;
	int n = 0, frac = 0;
	for (; p < e && isdig(*p) && n < 14; p++, n++)
		v = v * 10 + (*p - '0');
	if (n == 10 && p < e && *p == '.') {
		p++;
		if (fraction(&p, e, &frac))
			return ELOG_TS_BAD;
	}
	if (p != e || (n != 10 && n != 13))
		return ELOG_TS_BAD;
	int64_t t = n == 10 ? v * 1000 + frac : v;
	if (t < 946684800000LL || t >= 4102444800000LL)
		return ELOG_TS_BAD;
	*ms = t;
	*off = 0;
	return ELOG_TS_OK;
}

/*
 * Is p..q (letters) a weekday's name?  Indonesian (Jumat also as Jum'at,
 * its common spelling; Ahad beside Minggu), the short forms of an id-ID
 * Excel's "ddd" (Sen, Sel, Rab, Kam, Jum, Sab, Min), English full and
 * short (JavaScript's Date.toString(): "Mon Jul 14 2025 08:15:00").
 */
static int weekday_name(const char *p, const char *q)
{
	static const char *const days[] = {
		"senin",   "selasa",   "rabu",    "kamis",  "jumat",    "jum'at", "sabtu",
		"minggu",  "ahad",     "sen",     "sel",    "rab",      "kam",    "jum",
		"sab",     "min",      "monday",  "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday",  "mon",     "tue",    "wed",      "thu",    "fri",
		"sat",     "sun"};
	return q > p && mutu_word_among(p, (size_t)(q - p), days, sizeof days / sizeof days[0]);
}

/* The length of a weekday's name before a date's digits at the start of s
 * ("Senin, ", "Jum'at ", "Mon, ", "Sen. "; blanks before it included),
 * or 0. */
static size_t weekday_skip(const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	while (p < e && *p == ' ')
		p++;
	const char *q = p;
	while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			 (*q == '\'' && q > p)))
		q++;
	if (!weekday_name(p, q))
		return 0;
	int sep = 0;
	if (q < e && *q == '.') /* "Sen." */
		q++, sep = 1;
	if (q < e && *q == ',')
		q++, sep = 1;
	const char *d = q;
	while (d < e && *d == ' ')
		d++;
	/* a separator after the name, and a date's digits after it */
	if ((!sep && d == q) || d >= e || !isdig(*d))
		return 0;
	return (size_t)(d - s);
}

/* the hour's word Indonesian text writes between a date and its clock
 * (EYD's "pukul"; "pkl.", "jam") */
static const char *const hour_words[] = {"pukul", "pkl.", "pkl", "jam"};

static int hour_word(const char *w, size_t wl)
{
	return mutu_word_among(w, wl, hour_words, sizeof hour_words / sizeof hour_words[0]);
}

size_t elog_stamp_clean(const char *s, size_t n, char *buf, size_t size)
{
	const char *e = s + n, *p = s + weekday_skip(s, n);
	int changed = p != s;
	while (p < e && *p == ' ')
		p++;
	if (p >= e || !isdig(*p))
		return 0;
	const char *de = p; /* the date: one word of digits and separators */
	while (de < e && *de != ' ')
		de++;
	const char *w = de;
	if (de - p > 1 && de[-1] == ',') /* "13/08/2025, 10.00" */
		de--, changed = 1;
	while (w < e && *w == ' ')
		w++;
	const char *we = w;
	while (we < e && *we != ' ')
		we++;
	const char *rest = w;
	if (we > w && hour_word(w, (size_t)(we - w))) {
		for (rest = we; rest < e && *rest == ' '; rest++)
			;
		if (rest == e)
			return 0; /* "13/08/2025 pukul": the word, no hour: stays bad */
		changed = 1;
	}
	size_t dn = (size_t)(de - p), rn = (size_t)(e - rest);
	if (!changed || dn + 1 + rn >= size)
		return 0;
	memcpy(buf, p, dn);
	if (rn) {
		buf[dn++] = ' ';
		memcpy(buf + dn, rest, rn);
	}
	buf[dn + rn] = '\0';
	return dn + rn;
}

/*
 * A date with its month by name, day first, as Indonesian office systems
 * and Excel's long date formats write it: "3 Juni 2025 08.15" (the hour
 * after a dot, Indonesian usage), "03 Agustus 2025 08:15:00", "Senin,
 * 02 Juni 2025 08:15" (a weekday and a comma before it, not checked
 * against the date), "3-Jun-2025 08:15", "03-Mei-2025 08.15", Excel's
 * "d-mmm-yy" "03-Mei-25 08.15" (two-digit year: 2000-2099, as %y).
 * Month names as month_name reads them (Indonesian or English, full or
 * short).  No day/month question arises: the month is a word.
 *
 * Between the date and the time, Indonesian text writes the hour's word:
 * "Senin, 03 Maret 2025 pukul 08.15 WIB" (EYD: "pukul" before a clock
 * time; letters, web pages and SiCANTIK's printed receipts), "pkl.",
 * "Pkl", "jam", and a comma after the year ("3 Maret 2025, 08.15"); a
 * weekday may stand without its comma ("Senin 03 Maret 2025 08.15").
 * They are left out before the formats are tried: they say nothing the
 * digits do not (field round 8; before, every such stamp was a bad
 * timestamp and no --date-format could read "pukul" in some rows only).
 */
static int parse_named(const char *p, const char *e, int default_off, int64_t *ms, int *off,
		       struct tsx *x)
{
	/* with seconds and without (an offset may follow only the last
	 * field parse_fmt reads) */
	static const char *const fmts[] = {
		"%d %b %Y %H:%M:%S", "%d %b %Y %H.%M.%S", "%d %b %Y %H:%M",    "%d %b %Y %H.%M",
		"%d-%b-%Y %H:%M:%S", "%d-%b-%Y %H.%M.%S", "%d-%b-%Y %H:%M",    "%d-%b-%Y %H.%M",
		"%d-%b-%y %H:%M:%S", "%d-%b-%y %H.%M.%S", "%d-%b-%y %H:%M",    "%d-%b-%y %H.%M",
	};
	/* a weekday written without its comma ("Senin 03 Maret 2025"): only
	 * weekday_name's names, so another word before the date is still no
	 * stamp */
	const char *q = p;
	while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
		q++;
	int weekday = weekday_name(p, q);
	if (q > p && q < e && (*q == ',' || (weekday && *q == ' '))) { /* "Senin," "Mon," */
		p = q + 1;
		while (p < e && *p == ' ')
			p++;
	}
	/* the month first ("Jul 14 2025 08:15:00" as JavaScript's
	 * Date.toString() writes it, "Jul 14, 2025 08:15" as an en-US "mmm d,
	 * yyyy"): a name, a day of one or two digits, a year of four, so no
	 * day/month question; rewritten day first for the forms below */
	char mf[96];
	if (p < e && !isdig(*p)) {
		const char *m = p, *d, *de, *y, *ye;
		int mo;
		if (month_name(&m, e, &mo) == 0 && m < e && *m == ' ') {
			for (d = m; d < e && *d == ' '; d++)
				;
			for (de = d; de < e && isdig(*de); de++)
				;
			y = de < e && *de == ',' ? de + 1 : de;
			if (de > d && de - d <= 2 && y < e && *y == ' ') {
				while (y < e && *y == ' ')
					y++;
				for (ye = y; ye < e && isdig(*ye); ye++)
					;
				int k = ye - y == 4 && (ye == e || *ye == ' ')
						? snprintf(mf, sizeof mf, "%.*s %.*s %.*s", (int)(de - d), d,
							   (int)(m - p), p, (int)(e - y), y)
						: -1;
				if (k > 0 && (size_t)k < sizeof mf) {
					p = mf;
					e = mf + k;
				}
			}
		}
	}
	if (p >= e || !isdig(*p))
		return ELOG_TS_BAD;
	/* the stamp without the hour's word and the comma after the year:
	 * words are cut at blanks; only a word after the date's third part
	 * (day, month, year) is dropped, and only one of hour_words */
	char buf[96];
	size_t n = 0;
	int word = 0, dropped = 0;
	for (const char *w = p; w < e;) {
		const char *we = w;
		while (we < e && *we != ' ')
			we++;
		size_t wl = (size_t)(we - w);
		int dash = memchr(w, '-', wl) != NULL; /* "03-Mei-2025": the date in one word */
		word += dash && word == 0 ? 3 : 1;
		if (word == 3 && wl > 1 && w[wl - 1] == ',')
			wl--; /* "2025," */
		int drop = word == 4 && hour_word(w, wl);
		dropped |= drop;
		if (!drop) {
			if (n + wl + 1 >= sizeof buf)
				return ELOG_TS_BAD;
			if (n)
				buf[n++] = ' ';
			memcpy(buf + n, w, wl);
			n += wl;
		}
		w = we;
		while (w < e && *w == ' ')
			w++;
	}
	if (dropped && word < 5)
		return ELOG_TS_BAD; /* "3 Maret 2025 pukul": the hour's word, no hour */
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		int rc = parse_fmt(buf, buf + n, fmts[i], default_off, ms, off, x);
		if (rc != ELOG_TS_BAD)
			return rc;
	}
	return ELOG_TS_BAD;
}

/*
 * A zone named after the stamp: "2025-06-03 08:15:00 WIB" (Indonesian
 * systems; R's format(x, usetz = TRUE)), "... UTC", or RFC 9557's
 * "+07:00[Asia/Jakarta]" (java.time's ZonedDateTime.toString).  Returns
 * where the stamp ends without it and sets *zone, or returns e when there
 * is none.  Only names elog_parse_tz knows are taken (WIB, WITA, WIT, UTC,
 * GMT, Z, Asia/Jakarta ...): another word stays and the stamp is bad, as
 * before.  An offset written in the stamp wins over the name (RFC 9557:
 * the offset fixes the instant).
 */
static const char *zone_suffix(const char *s, const char *e, int *zone)
{
	char name[40];
	const char *e0 = e;
	/* JavaScript's Date.toString() ends "GMT+0700 (Western Indonesia
	 * Time)": the zone's name in parentheses is a label of the offset
	 * before it, any language; left out when that offset is there */
	if (e > s && e[-1] == ')') {
		const char *o = e - 1;
		while (o > s && o[-1] != '(')
			o--;
		if (o > s + 1 && o[-2] == ' ')
			e = o - 2;
	}
	/* "GMT+07:00", "GMT+0700", "UTC+7" (JavaScript, Java's
	 * SimpleDateFormat "z", Windows' zone list) after the time */
	{
		/* from the end over the offset's digits and colons to its
		 * sign, then "GMT"/"UTC" after a space: an ISO stamp
		 * ("...T14:38:37+07:00") stops at once, every stamp of a
		 * canonical log passes here */
		const char *t = e;
		while (t > s && ((t[-1] >= '0' && t[-1] <= '9') || t[-1] == ':'))
			t--;
		t -= 4; /* "GMT+" */
		if (t > s && t[-1] == ' ' && e - t > 4 && (t[3] == '+' || t[3] == '-') &&
		    (mutu_strncasecmp(t, "GMT", 3) == 0 || mutu_strncasecmp(t, "UTC", 3) == 0) &&
		    (size_t)(e - t - 3) < sizeof name) {
			memcpy(name, t + 3, (size_t)(e - t - 3));
			name[e - t - 3] = '\0';
			if (elog_parse_tz(name, zone) == 0) {
				while (t > s && t[-1] == ' ')
					t--;
				return t;
			}
		}
	}
	e = e0;
	const char *a = e, *end = e;
	if (e > s && e[-1] == ']') {
		end = e - 1;
		a = end;
		while (a > s && a[-1] != '[')
			a--;
		if (a == s)
			return e;
		if (a < end && *a == '!') /* RFC 9557's critical flag */
			a++;
	} else {
		while (a > s && ((a[-1] >= 'A' && a[-1] <= 'Z') || (a[-1] >= 'a' && a[-1] <= 'z') ||
				 a[-1] == '/' || a[-1] == '_'))
			a--;
		if (a == e || a == s || a[-1] != ' ')
			return e;
	}
	size_t n = (size_t)(end - a);
	if (n == 0 || n >= sizeof name)
		return e;
	memcpy(name, a, n);
	name[n] = '\0';
	if (elog_parse_tz(name, zone))
		return e;
	const char *c = a;
	while (c > s && (c[-1] == '[' || c[-1] == '!'))
		c--;
	while (c > s && c[-1] == ' ')
		c--;
	return c;
}

/*
 * java.util.Date.toString(), as a Java system writes a date into its
 * export: "Mon Jul 14 08:15:00 WIB 2025", the year last, after the zone.
 * Six words: a weekday, a month, a day, a clock, a zone, a year of four
 * digits.  Written to buf as "Jul 14 2025 08:15:00 WIB" (the month-first
 * form parse_named reads, the zone where zone_suffix looks for it); 0 and
 * *len, or -1 when s is not of that form.
 */
static int java_date(const char *s, const char *e, char *buf, size_t size, size_t *len)
{
	const char *w[7], *we[7];
	int k = 0;
	for (const char *p = s; p < e && k < 7;) {
		while (p < e && *p == ' ')
			p++;
		if (p >= e)
			break;
		w[k] = p;
		while (p < e && *p != ' ')
			p++;
		we[k++] = p;
	}
	if (k != 6 || we[5] - w[5] != 4 || !isdig(w[5][0]) || !isdig(w[5][3]) || !isdig(w[2][0]) ||
	    we[2] - w[2] > 2 || !memchr(w[3], ':', (size_t)(we[3] - w[3])) || isdig(w[4][0]) ||
	    isdig(w[0][0]) || isdig(w[1][0]))
		return -1;
	int n = snprintf(buf, size, "%.*s %.*s %.*s %.*s %.*s", (int)(we[1] - w[1]), w[1],
			 (int)(we[2] - w[2]), w[2], 4, w[5], (int)(we[3] - w[3]), w[3],
			 (int)(we[4] - w[4]), w[4]);
	if (n < 0 || (size_t)n >= size)
		return -1;
	*len = (size_t)n;
	return 0;
}

/*
 * The part of the day Indonesian text writes after a 12-hour clock:
 * "08.00 pagi", "01.30 siang", "03.15 sore", "07.00 malam" (a register
 * typed by hand, a letter's "pukul 2.00 siang").  The word is cut from
 * the end of [s, *e) when a clock time stands right before it (h.mm or
 * h:mm, seconds allowed: "11 Agustus 2025 pagi" is no clock), and *lo,
 * *hi set to the 24-hour hours the word covers: pagi 00-11, siang 11-17
 * (midday into the early afternoon: "11.00 siang" is 11:00, "01.00 siang"
 * 13:00), sore and petang 13-19, malam 18-23.  Returns 1 when cut.  The
 * hour read is then kept when inside, moved by 12 when that puts it
 * inside, or the stamp is bad (day_part_hour): "12.00 malam" (midnight,
 * of which day?) and "01.00 malam" (dini hari, the next day's) are not
 * guessed.  Before (field round 13) such a stamp was unreadable and a
 * register written so was refused whole.
 */
static int day_part(const char *s, const char **e, int *lo, int *hi)
{
	static const struct { const char *w; int lo, hi; } parts[] = {
		{"pagi", 0, 11}, {"siang", 11, 17}, {"sore", 13, 19}, {"petang", 13, 19},
		{"malam", 18, 23},
	};
	const char *w = *e;
	while (w > s && ((w[-1] >= 'a' && w[-1] <= 'z') || (w[-1] >= 'A' && w[-1] <= 'Z')))
		w--;
	if (w == *e || w == s || w[-1] != ' ')
		return 0;
	size_t wl = (size_t)(*e - w);
	size_t i = 0;
	while (i < sizeof parts / sizeof parts[0] &&
	       !(strlen(parts[i].w) == wl && mutu_strncasecmp(w, parts[i].w, wl) == 0))
		i++;
	if (i == sizeof parts / sizeof parts[0])
		return 0;
	const char *t = w;
	while (t > s && t[-1] == ' ')
		t--;
	/* the clock before it: digits and '.' or ':' back to a blank, with
	 * one or two separators and two digits after the first */
	const char *c = t;
	int seps = 0;
	while (c > s && (isdig(c[-1]) || c[-1] == '.' || c[-1] == ':')) {
		seps += c[-1] == '.' || c[-1] == ':';
		c--;
	}
	const char *h = c;
	while (h < t && isdig(*h))
		h++;
	if (seps < 1 || seps > 2 || h == c || h - c > 2 || h >= t || t - h < 3 || !isdig(h[1]) ||
	    !isdig(h[2]) || (c > s && c[-1] != ' '))
		return 0;
	*lo = parts[i].lo;
	*hi = parts[i].hi;
	*e = t;
	return 1;
}

/* The instant of a stamp read without its day-part word, moved into the
 * word's hours (day_part): ELOG_TS_OK or ELOG_TS_BAD. */
static int day_part_hour(int lo, int hi, int64_t *ms, int off)
{
	int64_t local = *ms + (int64_t)off * 60000;
	int64_t rem = local % 86400000;
	if (rem < 0)
		rem += 86400000;
	int h = (int)(rem / 3600000);
	if (h >= lo && h <= hi)
		return ELOG_TS_OK;
	if (h < 12 && h + 12 >= lo && h + 12 <= hi) {
		*ms += 12 * 3600000LL;
		return ELOG_TS_OK;
	}
	return ELOG_TS_BAD;
}

/*
 * The stamp nearly every row of a log writes, "2024-01-02T14:38:37+07:00"
 * (the canonical CSV), "...Z", or "2024-01-02 14:38:37" with no zone, read
 * by position.  Every byte of these forms is fixed, so cal_iso_scan's
 * general path (memset of its result, one call per part, the zone-name and
 * day-part looks from the end) reads them to the same fields; the values
 * then pass the same checks (offset_minutes, finish).  Returns
 * ELOG_TS_BAD for anything else, and for a value those checks refuse:
 * the caller then reads the stamp by the general path, which says the
 * same or finds another reading.  Two stamps a row of a 10^6-event ingest
 * took ~700 instructions each before (issue 14).
 */
/* One word of parse_iso_fixed's shape test: 8 bytes at s against the
 * same 8 of want and add; a high bit set marks a byte out of shape. */
static uint64_t shape_word(const char *s, const unsigned char *want, const unsigned char *add)
{
	uint64_t w, wa, wb;
	memcpy(&w, s, 8);
	memcpy(&wa, want, 8);
	memcpy(&wb, add, 8);
	uint64_t x = w ^ wa;
	return (x + wb) | x;
}

static int parse_iso_fixed(const char *s, const char *e, int default_off, int64_t *ms, int *off,
			   struct tsx *x)
{
	/*
	 * The shape of the first 19 bytes, 8 at a time (bytes 0-7, 8-15,
	 * 11-18): x = the bytes XOR want, then x + add per byte.  A digit
	 * place wants '0' and adds 0x76, so x (0-9 for a digit) stays below
	 * 0x80 only for a digit; a separator's place wants the separator
	 * and adds 0x7F, below 0x80 only when x is 0; byte 10 ('T' or ' ',
	 * tested apart) only must not have its high bit.  A byte that
	 * carries into the next has its own high bit set in x + add or x, so
	 * the word is refused whatever the carry does.  Both arrays are read
	 * into words the way the stamp is, so the byte order does not matter.
	 */
	static const unsigned char want[19] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 0,
					       '0', '0', ':', '0', '0', ':', '0', '0'};
	static const unsigned char add[19] = {0x76, 0x76, 0x76, 0x76, 0x7F, 0x76, 0x76, 0x7F,
					      0x76, 0x76, 0,    0x76, 0x76, 0x7F, 0x76, 0x76,
					      0x7F, 0x76, 0x76};
	const uint64_t hi = 0x8080808080808080ULL;
	size_t n = (size_t)(e - s);
	if ((n != 19 && n != 20 && n != 25) || (s[10] != 'T' && s[10] != ' '))
		return ELOG_TS_BAD;
	if ((shape_word(s, want, add) | shape_word(s + 8, want + 8, add + 8) |
	     shape_word(s + 11, want + 11, add + 11)) & hi)
		return ELOG_TS_BAD;
#define TWO(i) ((s[i] - '0') * 10 + (s[(i) + 1] - '0'))
	int have_off = n != 19, o_min = 0;
	if (n == 20 && s[19] != 'Z')
		return ELOG_TS_BAD;
	if (n == 25) {
		const char *z = s + 19;
		if ((z[0] != '+' && z[0] != '-') || !isdig(z[1]) || !isdig(z[2]) || z[3] != ':' ||
		    !isdig(z[4]) || !isdig(z[5]))
			return ELOG_TS_BAD;
		struct cal_iso o;
		o.off_sign = z[0] == '-' ? -1 : 1;
		o.off_h = TWO(20);
		o.off_m = TWO(23);
		if (offset_minutes(&o, &o_min))
			return ELOG_TS_BAD;
	}
	return finish(TWO(0) * 100 + TWO(2), TWO(5), TWO(8), TWO(11), TWO(14), TWO(17), 0, have_off,
		      o_min, default_off, ms, off, x);
#undef TWO
}

int elog_parse_time_ex(const char *s, size_t n, const char *fmt, int default_off, int64_t *ms,
		       int *off, int *leap)
{
	struct tsx x = {0};
	const char *e = rtrim(s, s + n);
	while (s < e && *s == ' ')
		s++;
	if (!fmt) {
		int rc = parse_iso_fixed(s, e, default_off, ms, off, &x);
		if (rc != ELOG_TS_BAD) {
			if (leap)
				*leap = rc == ELOG_TS_OK && x.leap;
			return rc;
		}
	}
	/* a weekday before a date of digits ("Senin, 11/08/2025 08:00",
	 * "Jum'at 15-08-2025 8:15", an office system's long date): said by the
	 * digits, not checked against them, as parse_named's "Senin, 11
	 * Agustus 2025" (field round 14; before, every such stamp was bad and
	 * no --date-format could read it) */
	char cb[96];
	size_t cn = elog_stamp_clean(s, (size_t)(e - s), cb, sizeof cb);
	if (cn) {
		s = cb;
		e = cb + cn;
	}
	char jd[96];
	size_t jn;
	/* a weekday's letters first: the rest of the stamps never are one */
	if (!fmt && e - s < 64 && s < e && ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) &&
	    java_date(s, e, jd, sizeof jd, &jn) == 0) {
		s = jd;
		e = jd + jn;
	}
	int zone;
	const char *ze = zone_suffix(s, e, &zone);
	if (ze != e) {
		e = ze;
		default_off = zone;
	}
	int dp_lo = 0, dp_hi = 0;
	int dp = day_part(s, &e, &dp_lo, &dp_hi);
	int rc = ELOG_TS_BAD;
	if (s < e)
		rc = fmt ? parse_fmt(s, e, fmt, default_off, ms, off, &x)
			 : parse_iso(s, e, default_off, ms, off, &x);
	if (rc == ELOG_TS_BAD && !fmt)
		rc = parse_epoch(s, e, ms, off);
	if (rc == ELOG_TS_BAD && !fmt && s < e)
		rc = parse_named(s, e, default_off, ms, off, &x);
	/* an ISO date with the clock as an id-ID Excel writes it: the hour
	 * after a dot ("2025-06-25 08.15", "2025-06-25 8.15.30") or of one
	 * digit ("2025-06-25 8:15"); year first, so no day/month question
	 * (field round 8; before, refused unless --date-format was given) */
	static const char *const ymd[] = {"%Y-%m-%d %H.%M.%S", "%Y-%m-%d %H.%M", "%Y-%m-%d %H:%M:%S",
					  "%Y-%m-%d %H:%M"};
	for (size_t i = 0; rc == ELOG_TS_BAD && !fmt && s < e && i < sizeof ymd / sizeof ymd[0]; i++)
		if (e - s > 10 && s[10] == ' ')
			rc = parse_fmt(s, e, ymd[i], default_off, ms, off, &x);
	if (rc == ELOG_TS_OK && dp)
		rc = day_part_hour(dp_lo, dp_hi, ms, *off);
	if (leap)
		*leap = rc == ELOG_TS_OK && x.leap;
	return rc;
}

int elog_parse_time(const char *s, size_t n, const char *fmt, int default_off, int64_t *ms,
		    int *off)
{
	return elog_parse_time_ex(s, n, fmt, default_off, ms, off, NULL);
}

int elog_date_order_needed(const char *s, size_t n)
{
	char cb[96];
	size_t cn = elog_stamp_clean(s, n, cb, sizeof cb);
	const char *p = cn ? cb : s, *e = cn ? cb + cn : s + n;
	int a, b;
	while (p < e && *p == ' ')
		p++;
	if (digits12(&p, e, &a) || p >= e || (*p != '/' && *p != '-' && *p != '.'))
		return 0;
	char sep = *p++;
	if (digits12(&p, e, &b) || p >= e || *p != sep)
		return 0;
	p++;
	int k = 0;
	while (p < e && isdig(*p)) {
		p++;
		k++;
	}
	if (k != 2 && k != 4)
		return 0;
	if (a >= 1 && a <= 12 && b >= 1 && b <= 12)
		return 1;
	if (a > 12 && a <= 31 && b >= 1 && b <= 12)
		return 2;
	if (b > 12 && b <= 31 && a >= 1 && a <= 12)
		return 3;
	return 4;
}

int elog_parse_tz(const char *text, int *off_min)
{
	static const struct { const char *name; int off; } zones[] = {
		{"WIB", 420}, {"WITA", 480}, {"WIT", 540}, {"UTC", 0}, {"GMT", 0}, {"Z", 0},
		{"Asia/Jakarta", 420}, {"Asia/Pontianak", 420}, {"Asia/Makassar", 480},
		{"Asia/Jayapura", 540}, {"Etc/UTC", 0},
	};
	if (!text || !*text)
		return MUTU_EINPUT;
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (mutu_strcasecmp(text, zones[i].name) == 0) {
			*off_min = zones[i].off;
			return 0;
		}
	const char *p = text, *e = text + strlen(text);
	if ((*p == '+' || *p == '-') && e - p == 2 && isdig(p[1])) { /* "+8" */
		*off_min = (*p == '-' ? -1 : 1) * (p[1] - '0') * 60;
		return 0;
	}
	int o;
	if ((*p == '+' || *p == '-') && offset(&p, e, &o) == 0 && p == e) {
		*off_min = o;
		return 0;
	}
	return MUTU_EINPUT;
}

size_t elog_format_time(int64_t ms, int off_min, char *buf, size_t size)
{
	if (ms < ELOG_MS_MIN || ms > ELOG_MS_MAX || off_min < -ELOG_OFF_MAX || off_min > ELOG_OFF_MAX) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	int64_t local = ms + (int64_t)off_min * 60000;
	int64_t days = local >= 0 ? local / 86400000 : -((-local + 86399999) / 86400000);
	int64_t rem = local - days * 86400000;
	int y, mo, d;
	cal_civil_from_days(days, &y, &mo, &d);
	int h = (int)(rem / 3600000), mi = (int)(rem / 60000 % 60), s = (int)(rem / 1000 % 60);
	int frac = (int)(rem % 1000);
	int a = off_min < 0 ? -off_min : off_min;
	char fr[8] = "";
	if (frac)
		snprintf(fr, sizeof fr, ".%03d", frac);
	int n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%s%c%02d:%02d", y, mo, d, h, mi, s,
			 fr, off_min < 0 ? '-' : '+', a / 60, a % 60);
	return n < 0 ? 0 : (size_t)n;
}
