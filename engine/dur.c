/*
 * dur.c - parsing, summing and formatting SOP durations (see dur.h).
 *
 * The parser is a small hand-written scanner: number, unit, repeat.  It
 * knows no calendar; a day stays a day until cal_deadline() places it.
 * All arithmetic is in integers and range-checked before it happens
 * (dur.h: DUR_MAX_DAYS), because the text comes from tables and files
 * anyone can write: no float is cast, no int64 can wrap.
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
	/* "1j 30m": the short forms a table typed in a hurry uses, j for
	 * jam and m for menit (no month: a month is "bln", refused below) */
	{"m", U_MIN}, {"j", U_HOUR},
	{"jam", U_HOUR}, {"jm", U_HOUR}, {"h", U_HOUR}, {"hour", U_HOUR}, {"hours", U_HOUR},
	{"hrs", U_HOUR},
	{"hari", U_DAY}, {"hk", U_DAY}, {"day", U_DAY}, {"days", U_DAY},
	{"minggu", U_WEEK}, {"mg", U_WEEK}, {"mgg", U_WEEK}, {"pekan", U_WEEK}, {"week", U_WEEK},
	{"weeks", U_WEEK},
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

/* Bytes of a prime at p: "'", U+2032 or U+2019 (Word's apostrophe), or
 * U+00B4 (the acute accent: what a US-International keyboard types for
 * the apostrophe, and what a Windows-1252 copy's 0xB4 becomes; before,
 * "90´" was no duration); else 0. */
static size_t prime_len(const char *p, const char *end)
{
	if (p < end && *p == '\'')
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB4)
		return 2;
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xB2 || (unsigned char)p[2] == 0x99))
		return 3;
	return 0;
}

static enum unit find_unit(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == n && mutu_strncasecmp(w, units[i].name, n) == 0)
			return units[i].unit;
	return U_NONE;
}

/*
 * A whole number spelled out in Indonesian words from p: "lima", "empat
 * belas", "tiga puluh", "dua ratus", "sepuluh", "sebelas", "seratus", up
 * to 999,999.  Reads the number words up to the first other word (or
 * ")" or end): returns the position after the last number word and the
 * value in *v, or NULL when p starts with no number word or the words do
 * not make a number ("dua tiga").
 */
static const char *spelled_words(const char *p, const char *end, int64_t *v)
{
	static const struct { const char *w; int val; } digit[] = {
		{"satu", 1}, {"dua", 2}, {"tiga", 3}, {"empat", 4}, {"lima", 5},
		{"enam", 6}, {"tujuh", 7}, {"delapan", 8}, {"sembilan", 9}, {"nol", 0},
	};
	const char *q = p, *last = NULL;
	int64_t total = 0, cur = 0, pending = -1;
	int words = 0;
	for (;;) {
		const char *ws = q;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		const char *w = q;
		while (q < end && is_alpha((unsigned char)*q))
			q++;
		size_t n = (size_t)(q - w);
		if (n == 0) {
			q = ws;
			break;
		}
		int d = -1;
		for (size_t i = 0; i < sizeof digit / sizeof digit[0] && d < 0; i++)
			if (strlen(digit[i].w) == n && mutu_strncasecmp(w, digit[i].w, n) == 0)
				d = digit[i].val;
#define IS(word) (n == strlen(word) && mutu_strncasecmp(w, word, n) == 0)
		if (d >= 0) {
			if (pending >= 0)
				return NULL; /* "dua tiga" */
			pending = d;
		} else if (IS("sepuluh")) {
			cur += 10;
		} else if (IS("sebelas")) {
			cur += 11;
		} else if (IS("seratus")) {
			cur += 100;
		} else if (IS("seribu")) {
			total += 1000;
		} else if (IS("belas") && pending > 0) {
			cur += 10 + pending, pending = -1;
		} else if (IS("puluh") && pending > 0) {
			cur += 10 * pending, pending = -1;
		} else if (IS("ratus") && pending > 0) {
			cur += 100 * pending, pending = -1;
		} else if (IS("ribu") && (pending > 0 || cur > 0)) {
			total += (cur + (pending > 0 ? pending : 0)) * 1000, cur = 0, pending = -1;
		} else {
			q = ws; /* another word: the number ends before it */
			break;
		}
#undef IS
		words++;
		last = q;
		if (total > 999999)
			return NULL;
	}
	if (words == 0)
		return NULL;
	*v = total + cur + (pending > 0 ? pending : 0);
	if (pending == 0 && words == 1)
		*v = 0;
	return last;
}

/*
 * A number spelled out in Indonesian, as official texts write it after
 * the digits: "5 (lima) Hari Kerja", "14 (empat belas) hari", "30 (tiga
 * puluh) menit".  At p an opening parenthesis whose words, up to the
 * closing one before end, spell a whole number up to 999,999: returns the
 * position after ")" and the value in *v; else NULL (letters that are no
 * number, digits inside: "(5 Hari)" is a ceiling, not a spelling).
 */
static const char *spelled_paren(const char *p, const char *end, int64_t *v)
{
	if (p >= end || *p != '(')
		return NULL;
	const char *q = spelled_words(p + 1, end, v);
	if (!q)
		return NULL;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	return q < end && *q == ')' ? q + 1 : NULL;
}

/*
 * The digits written after a number spelled out, as some offices put the
 * words first: "dua (2) hari", "lima belas (15) menit".  At p "(" digits
 * ")" (blanks allowed inside): returns the position after ")" and the
 * value in *v, else NULL ("(5 Hari)" has a unit: a ceiling, not this).
 */
static const char *digits_paren(const char *p, const char *end, int64_t *v)
{
	if (p >= end || *p != '(')
		return NULL;
	const char *q = p + 1;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	int64_t n = 0;
	const char *d0 = q;
	while (q < end && *q >= '0' && *q <= '9') {
		if (n < 1000000)
			n = n * 10 + (*q - '0');
		q++;
	}
	if (q == d0)
		return NULL;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q >= end || *q != ')')
		return NULL;
	*v = n;
	return q + 1;
}

/* The text of a duration as quoted in an error: at most 80 bytes, so a
 * fuzzed megabyte of digits does not push the reason out of the message. */
#define QUOTE_MAX 80
#define QUOTE(s) (int)(strlen(s) > QUOTE_MAX ? QUOTE_MAX : strlen(s)), (s), \
	(strlen(s) > QUOTE_MAX ? "..." : "")
#define TOKEN_MAX 40
#define TOK(n) (int)((n) > TOKEN_MAX ? TOKEN_MAX : (n))
#define TOKDOTS(n) ((n) > TOKEN_MAX ? "..." : "")

/* "hari kalender", bare or in parentheses: a ceiling in calendar time,
 * which the model (Hari = hari kerja, placed by cal_deadline) cannot
 * hold; refused rather than read as hari kerja.  tok, n: the words to
 * quote from text. */
static int refuse_calendar_days(const char *text, const char *tok, size_t n, struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EINPUT,
			 "cannot read duration \"%.*s%s\": \"%.*s%s\" counts calendar days, and "
			 "mutu counts a Hari as a hari kerja; write the ceiling in hari kerja "
			 "(e.g. 14 hari kalender ~ 10 Hari)",
			 QUOTE(text), TOK(n), tok, TOKDOTS(n));
}

/* The vulgar fractions SOP tables write after an hour count ("1½ Jam"):
 * the byte length of U+00BD, U+00BC or U+00BE at p (0 for none), and in
 * *quarters (when not NULL) 2, 1 or 3: the half is two quarters. */
static size_t vulgar_half(const char *p, const char *end, int *quarters)
{
	if (end - p < 2 || (unsigned char)p[0] != 0xC2)
		return 0;
	int q = (unsigned char)p[1] == 0xBD ? 2 : (unsigned char)p[1] == 0xBC ? 1 : (unsigned char)p[1] == 0xBE ? 3 : 0;
	if (!q)
		return 0;
	if (quarters)
		*quarters = q;
	return 2;
}

/* Digits beyond this are not accumulated: the value is already far above
 * every limit, and stopping here keeps the integer from overflowing. */
#define NUM_CAP 1000000000000000LL /* 10^15 */

/*
 * Parse the parts of a duration up to end (exclusive).  Arithmetic is
 * exact and in integers: every number is read as whole hundredths, each is
 * checked against the limit of its unit BEFORE it is multiplied, and the
 * running sums are checked after each part, so nothing can overflow and
 * no float is ever cast.  Minutes are summed as hundredths of a minute
 * and must come out whole.
 */
static int parse_parts(const char *text, const char *p, const char *end,
		       struct dur *d, struct mutu_err *err)
{
	int nparts = 0;
	int64_t days = 0;
	int64_t centi = 0; /* hundredths of a minute */
	p = skip_sep(p);
	while (p < end) {
		const char *tok = p;
		/* the number in words only, as a Standar Pelayanan may write it:
		 * "Satu Hari", "lima belas menit", "tiga puluh menit"; "sehari",
		 * "sejam", "seminggu" (se- = one); "setengah jam" (a half);
		 * "seperempat jam", "tiga perempat jam" (quarters): half is the
		 * denominator those words give, 2 or 4 (0: none) */
		int64_t said = -1;
		int half = 0;
		if (is_alpha((unsigned char)*p)) {
			const char *w = p;
			while (w < end && is_alpha((unsigned char)*w))
				w++;
			const char *after = spelled_words(p, end, &said);
			if (after) {
				p = after;
				/* "satu setengah jam", "dua setengah hari": the number
				 * and a half, as a sentence says an hour and a half */
				const char *q = p;
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				if (said > 0 && end - q > 8 && mutu_strncasecmp(q, "setengah", 8) == 0 &&
				    !is_alpha((unsigned char)q[8]) && said < NUM_CAP)
					said = said * 2 + 1, half = 2, p = q + 8;
				/* "satu seperempat jam" (1 1/4), "tiga perempat jam"
				 * (3/4): quarters in words, as "½" and "¾" in signs */
				else if (said > 0 && end - q > 10 && mutu_strncasecmp(q, "seperempat", 10) == 0 &&
					 !is_alpha((unsigned char)q[10]) && said < NUM_CAP)
					said = said * 4 + 1, half = 4, p = q + 10;
				else if (said > 0 && said < 4 && end - q > 8 &&
					 mutu_strncasecmp(q, "perempat", 8) == 0 && !is_alpha((unsigned char)q[8]))
					half = 4, p = q + 8;
			} else if (w - p == 8 && mutu_strncasecmp(p, "setengah", 8) == 0) {
				said = 1, half = 2, p = w;
			} else if (w - p == 10 && mutu_strncasecmp(p, "seperempat", 10) == 0) {
				/* "seperempat jam": a quarter of an hour, 15 Menit
				 * (before, "expected a number") */
				said = 1, half = 4, p = w;
			} else if (w - p > 3 && mutu_strncasecmp(p, "se", 2) == 0 &&
				   find_unit(p + 2, (size_t)(w - p - 2)) != U_NONE) {
				said = 1, p += 2; /* the unit is read below */
			}
		}
		if (said < 0 && !is_digit((unsigned char)*p) && !vulgar_half(p, end, NULL)) {
			const char *q = p;
			while (q < end && !is_space((unsigned char)*q) && (*q != '(' || q == tok))
				q++;
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": expected a number at \"%.*s%s\"",
					 QUOTE(text), TOK(q - tok), tok, TOKDOTS(q - tok));
		}
		int64_t whole = said > 0 ? said : 0;
		const char *num0 = p;
		while (said < 0 && p < end && is_digit((unsigned char)*p)) {
			if (whole < NUM_CAP)
				whole = whole * 10 + (*p - '0');
			p++;
		}
		/* "1.410 Menit", "1.000 Jam", "12.500 Hari": the thousands grouped
		 * by dots, as an id-ID spreadsheet shows them (its decimal mark is
		 * the comma, "1,5 Jam").  One rule for every unit: one to three
		 * digits (not opening with 0) and then groups of exactly three
		 * are a whole number; a dot before one or two digits ("1.5 Jam",
		 * "0.25 Jam", an English-locale copy) is a decimal point, and so
		 * is any dot after a leading 0 ("0.250 Jam").  Before (round 7)
		 * only Menit grouped, and "1.000 Jam" was 1 Jam without a word.
		 * "1.500 Jam" is ambiguous (1500 Jam in id-ID, 1,5 Jam in an
		 * English copy): dur_parse cannot say so, it has no file or line;
		 * the importer warns (sop_import.c, ambiguous_dot).  A comma after
		 * the groups is the decimal mark ("1.000,5 Jam"). */
		int64_t grouped = -1;
		const char *grouped_end = NULL;
		if (said < 0 && p - num0 >= 1 && p - num0 <= 3 && *num0 != '0' && p < end && *p == '.') {
			const char *q = p;
			int64_t g = whole;
			while (q + 3 < end && *q == '.' && is_digit((unsigned char)q[1]) &&
			       is_digit((unsigned char)q[2]) && is_digit((unsigned char)q[3]) &&
			       (q + 4 >= end || !is_digit((unsigned char)q[4]))) {
				if (g < NUM_CAP)
					g = g * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
				q += 4;
			}
			if (q > p && (q >= end || *q != '.') &&
			    (q >= end || *q != ',' || (q + 1 < end && is_digit((unsigned char)q[1]))))
				grouped = g, grouped_end = q;
		}
		/* decimals: keep the significant ones (trailing zeros dropped);
		 * more than two can never be read exactly in hundredths */
		int frac = 0, ndec = 0, hundredths = 0;
		if (grouped >= 0) {
			/* the groups are the whole number: "1.000" is 1000 */
			whole = grouped;
			p = grouped_end;
		}
		if (p + 1 < end && (*p == ',' || *p == '.') && is_digit((unsigned char)p[1])) {
			p++;
			const char *f0 = p;
			while (p < end && is_digit((unsigned char)*p))
				p++;
			const char *f1 = p;
			while (f1 > f0 && f1[-1] == '0')
				f1--;
			ndec = (int)(f1 - f0);
			if (ndec > 2) {
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%.*s%s\": \"%.*s%s\" has %d decimals; "
						 "write at most two (\"1,5 Jam\", \"0,25 Jam\") or whole Menit",
						 QUOTE(text), TOK(p - tok), tok, TOKDOTS(p - tok), ndec);
			}
			for (int i = 0; i < 2; i++)
				hundredths = hundredths * 10 + (i < ndec ? f0[i] - '0' : 0);
			frac = 1;
		}
		/* "1/2 Jam": a fraction of a Jam or Menit, read exactly (1/2
		 * Jam = 30 Menit); the denominator in 1..100 */
		int64_t den = 1;
		if (half)
			den = half, frac = 1;
		if (!frac && said < 0 && p + 1 < end && *p == '/' && is_digit((unsigned char)p[1])) {
			den = 0;
			for (p++; p < end && is_digit((unsigned char)*p); p++)
				if (den <= 100)
					den = den * 10 + (*p - '0');
			if (den < 1 || den > 100)
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%.*s%s\": the fraction \"%.*s%s\" needs a "
						 "denominator from 1 to 100 (\"1/2 Jam\", \"3/4 Jam\")",
						 QUOTE(text), TOK(p - tok), tok, TOKDOTS(p - tok));
			frac = 1;
		}
		/* "1 1/2 Jam", "1½ Jam", "½ Jam": a whole number and a fraction
		 * (a mixed number, as SOP tables write an hour and a half),
		 * read as one fraction: numerator whole x den + its own */
		if (!frac && said < 0) {
			const char *q = p;
			int vn = 0, vd = 0;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			size_t vl = vulgar_half(q, end, &vn);
			if (vl) {
				vd = vn == 2 ? 2 : 4;
				vn = vn == 2 ? 1 : vn;
				whole = whole * vd + vn;
				den = vd;
				frac = 1;
				p = q + vl;
			} else if (q > p && q < end && is_digit((unsigned char)*q)) {
				int64_t num = 0, dd = 0;
				const char *r = q;
				while (r < end && is_digit((unsigned char)*r) && num <= 100)
					num = num * 10 + (*r++ - '0');
				if (r + 1 < end && *r == '/' && is_digit((unsigned char)r[1])) {
					for (r++; r < end && is_digit((unsigned char)*r); r++)
						if (dd <= 100)
							dd = dd * 10 + (*r - '0');
					if (dd < 2 || dd > 100 || num < 1 || num >= dd)
						return mutu_errf(err, MUTU_EINPUT,
								 "cannot read duration \"%.*s%s\": \"%.*s%s\" is no mixed number; "
								 "write the fraction below one with a denominator from 2 to 100 "
								 "(\"1 1/2 Jam\")",
								 QUOTE(text), TOK(r - tok), tok, TOKDOTS(r - tok));
					whole = whole * dd + num;
					den = dd;
					frac = 1;
					p = r;
				}
			}
		}
		const char *numend = p;
		for (int spelled = 0;;) {
			int64_t sv;
			const char *after;
			if (p < end && (*p == ' ' || *p == '\t'))
				p++;
			else if (p + 1 < end && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
				p += 2;
			else if (!spelled && (after = spelled_paren(p, end, &sv)) != NULL) {
				/* "5 (lima) Hari": the words must say what the digits say */
				if (frac || sv != whole)
					return mutu_errf(err, MUTU_EINPUT,
							 "cannot read duration \"%.*s%s\": the number \"%.*s%s\" is spelled "
							 "\"%.*s\" (%lld); correct one of them",
							 QUOTE(text), TOK(numend - tok), tok, TOKDOTS(numend - tok),
							 TOK(after - p), p, (long long)sv);
				p = after;
				spelled = 1;
			} else if (!spelled && said >= 0 && !half &&
				   (after = digits_paren(p, end, &sv)) != NULL) {
				/* "dua (2) hari": the words first, the digits after */
				if (sv != whole)
					return mutu_errf(err, MUTU_EINPUT,
							 "cannot read duration \"%.*s%s\": the number \"%.*s\" (%lld) is "
							 "written \"%.*s\" in digits; correct one of them",
							 QUOTE(text), TOK(numend - tok), tok, (long long)whole,
							 TOK(after - p), p);
				p = after;
				spelled = 1;
			} else
				break;
		}
		/* "2 x 24 Jam" (also X, *, U+00D7): N days of 24 clock hours,
		 * as SOPs write a deadline counted in days.  Read as N Hari:
		 * the model's only day is the hari kerja, and reading it as 48
		 * working Jam (6.4 Hari of 7.5 h) would loosen the ceiling more
		 * than threefold.  "1 x 60 Menit", "2 x 30 menit", "3 x 1 Jam"
		 * (a whole count of a time in Menit or Jam, as tables write a
		 * step done once or per round) are the product, 60, 60 and 180
		 * Menit: no day is in them, so no calendar question; before
		 * (round 10), refused.  A product of Hari, or with a decimal
		 * count, is still refused, and so is "N x 8 Jam": 8 Jam is the
		 * nominal working day (UU 13/2003), so it can mean N Hari as
		 * well as 8N working Jam (3 x 8 Jam: 3 Hari, or 3,2 Hari of
		 * 7,5 Jam), which only the office can say. */
		int x24 = 0;
		{
			const char *q = p;
			if (q < end && (*q == 'x' || *q == 'X' || *q == '*'))
				q++;
			else if (q + 1 < end && (unsigned char)q[0] == 0xC3 && (unsigned char)q[1] == 0x97)
				q += 2;
			else
				q = NULL;
			while (q && q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (q && q < end && is_digit((unsigned char)*q)) {
				int64_t f = 0;
				while (q < end && is_digit((unsigned char)*q)) {
					if (f < NUM_CAP)
						f = f * 10 + (*q - '0');
					q++;
				}
				while (q < end && (*q == ' ' || *q == '\t'))
					q++;
				const char *u0 = q;
				while (q < end && is_alpha((unsigned char)*q))
					q++;
				enum unit fu = find_unit(u0, (size_t)(q - u0));
				if (f == 8 && fu == U_HOUR)
					return mutu_errf(err, MUTU_EINPUT,
							 "cannot read duration \"%.*s%s\": \"%.*s%s\" can be %lld Hari of the "
							 "nominal 8 Jam or %lld working Jam; write N Hari or the Jam",
							 QUOTE(text), TOK(q - tok), tok, TOKDOTS(q - tok), (long long)whole,
							 (long long)(whole > NUM_CAP / 8 ? NUM_CAP : whole * 8));
				if ((f != 24 || fu != U_HOUR) && (fu == U_MIN || fu == U_HOUR) && !frac && f > 0) {
					/* (capped, not wrapped: the unit's limit below
					 * refuses it) */
					whole = whole > NUM_CAP / f ? NUM_CAP : whole * f;
					p = u0;
					numend = p;
				} else {
					if (f != 24 || fu != U_HOUR)
						return mutu_errf(err, MUTU_EINPUT,
								 "cannot read duration \"%.*s%s\": \"%.*s%s\" is a product; only "
								 "\"N x 24 Jam\" (N Hari) and whole counts of Menit or Jam "
								 "(\"1 x 60 Menit\") are read, write other times as Jam and Menit",
								 QUOTE(text), TOK(q - tok), tok, TOKDOTS(q - tok));
					if (frac)
						return mutu_errf(err, MUTU_EINPUT,
								 "cannot read duration \"%.*s%s\": \"%.*s%s\" is a fraction of a working day; write it in Jam and Menit",
								 QUOTE(text), TOK(q - tok), tok, TOKDOTS(q - tok));
					p = u0;
					x24 = 1;
				}
			}
		}
		/* "60'", "15\u2032": the prime, the minute sign tables write
		 * right after the number (also the typographic apostrophe Word
		 * turns it into).  Two primes are seconds, which a Waktu of
		 * whole minutes cannot hold: refused, not read as minutes. */
		size_t prime = !x24 && p == numend ? prime_len(p, end) : 0;
		if (prime && prime_len(p + prime, end))
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": \"%.*s%s\" is in seconds (two "
					 "primes); write the Waktu in whole Menit",
					 QUOTE(text), TOK(numend - tok), tok, TOKDOTS(numend - tok));
		p += prime;
		const char *w = p;
		while (!prime && p < end && is_alpha((unsigned char)*p))
			p++;
		if (p == w && !prime) {
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": number \"%.*s%s\" has no unit (Menit, Jam, Hari, Minggu)",
					 QUOTE(text), TOK(numend - tok), tok, TOKDOTS(numend - tok));
		}
		enum unit u = prime ? U_MIN : find_unit(w, (size_t)(p - w));
		if (x24)
			u = U_DAY;
		/* "3 working days", "5 business days": the English "hari kerja" */
		if (u == U_NONE && (((size_t)(p - w) == 7 && mutu_strncasecmp(w, "working", 7) == 0) ||
				    ((size_t)(p - w) == 8 && mutu_strncasecmp(w, "business", 8) == 0))) {
			const char *q = p;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			const char *u0 = q;
			while (q < end && is_alpha((unsigned char)*q))
				q++;
			if (q > u0 && find_unit(u0, (size_t)(q - u0)) == U_DAY)
				u = U_DAY, p = q;
		}
		/* "hr" abbreviates hari in Indonesian and hour in English: the
		 * two readings differ 7.5-fold, so neither is taken -- unless
		 * "kerja" follows ("3 hr kerja", "1 HR. KERJA"): no hour is a
		 * "working" one in these tables, so it is the hari kerja */
		if (u == U_NONE && (size_t)(p - w) == 2 && mutu_strncasecmp(w, "hr", 2) == 0) {
			const char *dot = p < end && *p == '.' ? p + 1 : p;
			const char *q = skip_sep(dot);
			if (mutu_strncasecmp(q, "kerja", 5) == 0 && !is_alpha((unsigned char)q[5]))
				u = U_DAY, p = dot;
		}
		if (u == U_NONE && (size_t)(p - w) == 2 && mutu_strncasecmp(w, "hr", 2) == 0)
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": \"%.*s\" can be hari (Indonesian) or "
					 "hour (English); write Hari or Jam",
					 QUOTE(text), (int)(p - w), w);
		/* months: no fixed number of hari kerja (19 to 23, less the
		 * holidays), so no exact ceiling */
		if (u == U_NONE && (((size_t)(p - w) == 5 && mutu_strncasecmp(w, "bulan", 5) == 0) ||
				    ((size_t)(p - w) == 3 && mutu_strncasecmp(w, "bln", 3) == 0) ||
				    ((size_t)(p - w) == 5 && mutu_strncasecmp(w, "month", 5) == 0) ||
				    ((size_t)(p - w) == 6 && mutu_strncasecmp(w, "months", 6) == 0)))
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": a month (\"%.*s\") is no fixed number "
					 "of hari kerja; write the ceiling in Hari (1 bulan ~ 20 Hari)",
					 QUOTE(text), (int)(p - w), w);
		/* seconds: a Waktu holds whole Menit */
		if (u == U_NONE && (((size_t)(p - w) == 5 && mutu_strncasecmp(w, "detik", 5) == 0) ||
				    ((size_t)(p - w) == 3 && mutu_strncasecmp(w, "dtk", 3) == 0) ||
				    ((size_t)(p - w) == 7 && mutu_strncasecmp(w, "seconds", 7) == 0)))
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": \"%.*s\" is in seconds; write the "
					 "Waktu in whole Menit",
					 QUOTE(text), (int)(p - w), w);
		if (u == U_NONE) {
			const char *q = p;
			while (q < end && !is_space((unsigned char)*q))
				q++;
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": unknown unit \"%.*s%s\"",
					 QUOTE(text), TOK(q - w), w, TOKDOTS(q - w));
		}
		/* the limit of this part in its own unit, checked before any
		 * multiplication */
		int64_t limit = u == U_DAY ? DUR_MAX_DAYS : u == U_WEEK ? DUR_MAX_DAYS / 5
			      : u == U_HOUR ? DUR_MAX_MINUTES / 60 : DUR_MAX_MINUTES;
		if (whole / den > limit || (whole == limit && hundredths > 0)) {
			return mutu_errf(err, MUTU_ERANGE,
					 "cannot read duration \"%.*s%s\": \"%.*s%s\" is above the limit "
					 "of %lld %.*s (" DUR_LIMIT_TEXT ")",
					 QUOTE(text), TOK(p - tok), tok, TOKDOTS(p - tok), (long long)limit,
					 (int)(p - w), w);
		}
		if (u == U_DAY || u == U_WEEK) {
			if (frac) {
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%.*s%s\": \"%.*s%s\" is a fraction of a working day; write it in Jam and Menit",
						 QUOTE(text), TOK(p - tok), tok, TOKDOTS(p - tok));
			}
			days += whole * (u == U_WEEK ? 5 : 1);
			if (days > DUR_MAX_DAYS) {
				return mutu_errf(err, MUTU_ERANGE,
						 "cannot read duration \"%.*s%s\": its Hari add up to %lld, above the limit "
						 "of %d Hari (" DUR_LIMIT_TEXT ")",
						 QUOTE(text), (long long)days, DUR_MAX_DAYS);
			}
			/* "hari kerja": the qualifier is the default reading */
			const char *q = skip_sep(p);
			if (mutu_strncasecmp(q, "kerja", 5) == 0 && !is_alpha((unsigned char)q[5]))
				p = q + 5;
			if (mutu_strncasecmp(q, "kalender", 8) == 0 && !is_alpha((unsigned char)q[8]))
				return refuse_calendar_days(text, tok, (size_t)(q + 8 - tok), err);
		} else if (den > 1) {
			/* whole / den <= limit above (den <= 100), so whole * 6000 stays far in range */
			int64_t c = whole * 100 * (u == U_HOUR ? 60 : 1);
			if (c % den != 0)
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%.*s%s\": \"%.*s%s\" is not a whole number of "
						 "minutes; nothing is rounded",
						 QUOTE(text), TOK(p - tok), tok, TOKDOTS(p - tok));
			centi += c / den;
		} else {
			int64_t c = whole * 100 + hundredths;
			centi += u == U_HOUR ? c * 60 : c;
		}
		/* "3 jam kerja", "1 jam 30 menit kerja": working hours, the
		 * model's only kind (as "hari kerja" is its day); before, "kerja"
		 * after an hour or a minute was "expected a number" */
		if (u == U_HOUR || u == U_MIN) {
			const char *q = skip_sep(p);
			if (mutu_strncasecmp(q, "kerja", 5) == 0 && !is_alpha((unsigned char)q[5]))
				p = q + 5;
		}
		/* the running sum, after a fraction's part as after a whole one
		 * ("876000 Jam 1/2 Jam" passed every part's own limit) */
		if (u != U_DAY && u != U_WEEK) {
			if (centi > (int64_t)DUR_MAX_MINUTES * 100) {
				return mutu_errf(err, MUTU_ERANGE,
						 "cannot read duration \"%.*s%s\": its Jam and Menit add up to more "
						 "than the limit of %lld Menit (" DUR_LIMIT_TEXT ")",
						 QUOTE(text), (long long)DUR_MAX_MINUTES);
			}
		}
		nparts++;
		p = skip_sep(p);
	}
	if (nparts == 0)
		return mutu_errf(err, MUTU_EINPUT, "cannot read duration \"%.*s%s\": it is empty",
				 QUOTE(text));
	if (centi % 100 != 0)
		return mutu_errf(err, MUTU_EINPUT,
				 "cannot read duration \"%.*s%s\": it is not a whole number of minutes "
				 "(%lld.%02lld Menit); nothing is rounded",
				 QUOTE(text), (long long)(centi / 100), (long long)(centi % 100));
	d->days += days;
	d->minutes += centi / 100;
	return 0;
}

int dur_parse(const char *text, struct dur *out, struct mutu_err *err)
{
	if (!text)
		return mutu_errf(err, MUTU_EINPUT, "cannot read duration: no text");
	struct dur d = dur_zero();
	const char *end = text + strlen(text);
	/* a sentence's full stop after the last word or ")" ("15 menit.",
	 * "5 Hari Kerja.", "(5 Hari)."): a table cell typed as prose */
	while (end > text && is_space((unsigned char)end[-1]))
		end--;
	if (end - text >= 2 && end[-1] == '.' && (is_alpha((unsigned char)end[-2]) || end[-2] == ')'))
		end--;
	/* the ceiling's parentheses, past any spelled-out number ("5 (lima)") */
	const char *open = strchr(text, '(');
	int64_t sv;
	for (const char *after; open; open = strchr(after, '(')) {
		after = spelled_paren(open, end, &sv);
		if (!after) {
			/* "dua (2) hari": digits alone after a word are the
			 * number's, not a ceiling (parse_parts checks them) */
			const char *b = open;
			while (b > text && is_space((unsigned char)b[-1]))
				b--;
			if (b > text && is_alpha((unsigned char)b[-1]))
				after = digits_paren(open, end, &sv);
		}
		if (!after)
			break;
	}
	int rc;
	if (open) {
		/* the last ")": the ceiling may spell its own number, "(5 (lima) Hari)" */
		const char *close = strrchr(open, ')');
		if (!close)
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": \"(\" without \")\"", QUOTE(text));
		for (const char *q = close + 1; q < end; q++)
			if (!is_space((unsigned char)*q))
				return mutu_errf(err, MUTU_EINPUT,
						 "cannot read duration \"%.*s%s\": unexpected \"%.*s%s\" after \")\"",
						 QUOTE(text), QUOTE(q));
		/* "3 Hari (hari kalender)", "(kalender)": the parentheses say
		 * the days are calendar days, refused as "3 hari kalender" is
		 * (parse_parts), with the same reason rather than "expected a
		 * number" */
		const char *k = open + 1;
		while (k < close && is_space((unsigned char)*k))
			k++;
		if (mutu_strncasecmp(k, "hari", 4) == 0 && !is_alpha((unsigned char)k[4]))
			k = skip_sep(k + 4);
		if (mutu_strncasecmp(k, "kalender", 8) == 0 && !is_alpha((unsigned char)k[8]))
			return refuse_calendar_days(text, open, (size_t)(close + 1 - open), err);
		rc = parse_parts(text, text, open, &d, err);
		if (rc)
			return rc;
		struct dur r = dur_zero();
		rc = parse_parts(text, open + 1, close, &r, err);
		if (rc)
			return rc;
		/* parse_parts kept r.days <= DUR_MAX_DAYS, so the int holds it */
		if (r.minutes != 0)
			return mutu_errf(err, MUTU_EINPUT,
					 "cannot read duration \"%.*s%s\": the part in parentheses must be whole working days, like \"(5 Hari)\"",
					 QUOTE(text));
		d.rounded_days = (int)r.days;
	} else {
		rc = parse_parts(text, text, end, &d, err);
		if (rc)
			return rc;
	}
	*out = d;
	return 0;
}

int dur_check(struct dur d, const char *what, struct mutu_err *err)
{
	if (d.days < 0 || d.minutes < 0)
		return mutu_errf(err, MUTU_EINPUT, "%s: a duration cannot be negative (%lld Hari %lld Menit)",
				 what ? what : "duration", (long long)d.days, (long long)d.minutes);
	if (d.days > DUR_MAX_DAYS || d.minutes > DUR_MAX_MINUTES || d.rounded_days > DUR_MAX_DAYS)
		return mutu_errf(err, MUTU_ERANGE,
				 "%s: %lld Hari %lld Menit is above the limit of %d Hari and %lld Menit ("
				 DUR_LIMIT_TEXT ")",
				 what ? what : "duration", (long long)d.days, (long long)d.minutes,
				 DUR_MAX_DAYS, (long long)DUR_MAX_MINUTES);
	return 0;
}

/* a + b, held at the int64 bounds instead of overflowing (no UB); the
 * result is then far above the limit and dur_check refuses it */
static int64_t sat_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return a < 0 ? INT64_MIN : INT64_MAX;
	return r;
}

static int64_t sat_mul(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) != (b < 0) ? INT64_MIN : INT64_MAX;
	return r;
}

struct dur dur_add(struct dur a, struct dur b)
{
	struct dur s = {sat_add(a.days, b.days), sat_add(a.minutes, b.minutes), -1};
	return s;
}

int64_t dur_to_minutes(struct dur d, int day_minutes)
{
	return sat_add(sat_mul(d.days, day_minutes), d.minutes);
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

/* Append "N unit", after a space unless it is the first part (len ==
 * start, which is 6 after a leading "minus "). */
static void put_part(char *buf, size_t size, size_t *len, size_t start, uint64_t n,
		     const char *id, const char *en1, const char *enn, enum dur_lang lang)
{
	const char *unit = lang == DUR_EN ? (n == 1 ? en1 : enn) : id;
	int w = snprintf(*len < size ? buf + *len : NULL, *len < size ? size - *len : 0,
			 "%s%llu %s", *len > start ? " " : "", (unsigned long long)n, unit);
	if (w > 0)
		*len += (size_t)w;
}

/* |v| as unsigned: exact for INT64_MIN too, where llabs is undefined */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

size_t dur_format(struct dur d, enum dur_lang lang, char *buf, size_t size)
{
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	/* a negative duration (a gap) is written once as "minus " and its
	 * magnitudes: "-1 Hari 4 Jam 30 Menit" read as -1 Hari + 4 Jam 30
	 * Menit, so the sign is a word that covers the whole; "minus" is the
	 * same word in Bahasa Indonesia and English.  No recursion, so
	 * INT64_MIN is just a number */
	if (d.days < 0 || d.minutes < 0) {
		int w = snprintf(size ? buf : NULL, size, "minus ");
		len = w > 0 ? (size_t)w : 0;
	}
	size_t start = len;
	uint64_t days = magnitude(d.days), mins = magnitude(d.minutes);
	if (days)
		put_part(buf, size, &len, start, days, "Hari", "day", "days", lang);
	if (mins / 60)
		put_part(buf, size, &len, start, mins / 60, "Jam", "hour", "hours", lang);
	if (mins % 60 || (!days && !(mins / 60)))
		put_part(buf, size, &len, start, mins % 60, "Menit", "minute", "minutes", lang);
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
	/* outside +-2^62 (or NaN) the cast to int64 would be undefined; such
	 * a value is no duration anyone wrote, so print the number as is */
	if (!(fabs(r) < 4611686018427387904.0)) {
		int n = snprintf(buf, size, "%.0f %s", r, lang == DUR_EN ? "minutes" : "Menit");
		return n < 0 ? 0 : (size_t)n;
	}
	int64_t m = (int64_t)r;
	struct dur d = dur_from_minutes(m, day_minutes);
	return dur_format(d, lang, buf, size);
}

void dur_json_text(struct mutu_buf *b, double minutes, int day_minutes, enum dur_lang lang)
{
	char buf[128];
	if (isnan(minutes) || isinf(minutes)) {
		mutu_buf_puts(b, "null");
		return;
	}
	dur_format_minutes(minutes, day_minutes, lang, buf, sizeof buf);
	mutu_buf_json_str(b, buf);
}

void dur_json_text_calendar(struct mutu_buf *b, double minutes, enum dur_lang lang)
{
	char rest[96], buf[160];
	double r = floor(minutes + 0.5);
	if (isnan(minutes) || !(fabs(r) < 4611686018427387904.0)) {
		mutu_buf_puts(b, "null");
		return;
	}
	int64_t m = (int64_t)fabs(r), days = m / 1440;
	if (days == 0) {
		dur_json_text(b, r, 1440, lang);
		return;
	}
	int64_t left = m % 1440;
	if (left)
		dur_format_minutes((double)left, 1440, lang, rest, sizeof rest);
	snprintf(buf, sizeof buf, "%s%lld %s%s%s", r < 0 ? "minus " : "", (long long)days,
		 lang == DUR_EN ? (days == 1 ? "calendar day" : "calendar days") : "hari kalender",
		 left ? " " : "", left ? rest : "");
	mutu_buf_json_str(b, buf);
}
