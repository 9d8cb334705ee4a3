/*
 * cal_load.c - read a calendar's files and build its tables.
 *
 * A calendar is an INI file (libinih) naming its zone, years, net day,
 * weekly hours, special-hours periods (Ramadan) and holiday CSV files
 * (libcsv, "date,type,name").  The build lays the rules over every local
 * day of the years in this order: weekly hours, special periods, the
 * holiday lists, then the user's local file, so a local line always has
 * the last word (type HK even turns a listed holiday back into a working
 * day, for moon-dependent dates that move).
 *
 * Every error names the file, the line and the value, and says what to do.
 */
#include "cal_int.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MUTU_DATADIR
#define MUTU_DATADIR "/usr/local/share/mutu"
#endif

#define MAX_SETS 8     /* [hours] plus special sections */
#define MAX_FILES 8    /* holiday files */

static const char *const wd_en[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const wd_id[7] = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"};

struct hourset {
	char *label;          /* "" for [hours], "ramadan" for [hours ramadan] */
	char *periods;        /* CSV of periods (special sets only) */
	int periods_line;
	int line;             /* line of the section's first key */
	int have[7];
	struct cal_pattern day[7];
};

struct ini_state {
	FILE *f;
	const char *path;
	int line, next_line;
	struct mutu_err *err;

	char *name, *zone, *local;
	char *holidays[MAX_FILES];
	int nholidays, holidays_line, local_line;
	int too_long;         /* the first line over inih's buffer that is no comment */
	int line_max;         /* the characters a line may hold (reader) */
	int offset, have_offset;
	int y0, y1, years_line;
	int day_minutes;
	enum cal_day_reading reading;
	struct hourset set[MAX_SETS];
	int nsets;
};

/* fgets-style reader that counts lines, so handler errors can name them. */
/*
 * One line for inih, into its buffer of num bytes (INI_MAX_LINE).  A
 * longer line was handed over in pieces, each read as a line of its own:
 * the tail of a long comment became a key ("unknown key 'xxx'", or, had it
 * read "day_minutes = 480", a setting nobody wrote), and a long value was
 * cut (hardening round 3).  Now the rest of a long line is skipped: a
 * comment keeps its start (it says nothing to mutu), any other line is
 * refused after the parse with its number (s->too_long).
 */
static char *reader(char *str, int num, void *stream)
{
	struct ini_state *s = stream;
	char *r = fgets(str, num, s->f);
	s->line = s->next_line;
	if (r) {
		size_t n = strlen(r);
		if (n > 0 && r[n - 1] == '\n') {
			s->next_line++;
		} else if (!feof(s->f)) {
			int c;
			while ((c = getc(s->f)) != EOF && c != '\n')
				;
			s->next_line++;
			size_t i = strspn(r, " \t");
			if (r[i] != ';' && r[i] != '#' && !s->too_long) {
				s->too_long = s->line;
				s->line_max = num - 2; /* fgets keeps one for the NUL, one for '\n' */
			}
		}
	}
	return r;
}

/* "+07:00", "+0700", "+7", "UTC+7", "-03:30" -> seconds */
static int parse_offset(const char *v, int *out)
{
	const char *p = v;
	if (mutu_strncasecmp(p, "UTC", 3) == 0 || mutu_strncasecmp(p, "GMT", 3) == 0)
		p += 3;
	int sign = 1;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	else
		return -1;
	int h = 0, m = 0, nd = 0;
	while (*p >= '0' && *p <= '9' && nd < 2) {
		h = h * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0)
		return -1;
	if (*p == ':')
		p++;
	if (*p) {
		if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') || p[2])
			return -1;
		m = (p[0] - '0') * 10 + (p[1] - '0');
	}
	if (h > 14 || m > 59)
		return -1;
	*out = sign * (h * 3600 + m * 60);
	return 0;
}

/* "HH:MM" (24:00 allowed as an end) -> seconds after midnight; advances *pp */
static int parse_clock(const char **pp, int *out)
{
	const char *p = *pp;
	int h = 0, m = 0, nd = 0;
	while (*p >= '0' && *p <= '9' && nd < 2) {
		h = h * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || (*p != ':' && *p != '.'))
		return -1;
	p++;
	if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9'))
		return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (m > 59 || h > 24 || (h == 24 && m > 0))
		return -1;
	*out = h * 3600 + m * 60;
	*pp = p;
	return 0;
}

/* "07:30-12:00, 13:00-16:00" (empty, "-" or "libur" = no work) */
static int parse_hours(struct ini_state *s, const char *key, const char *value,
		       struct cal_pattern *out)
{
	memset(out, 0, sizeof *out);
	const char *p = value;
	while (*p == ' ')
		p++;
	if (*p == '\0' || strcmp(p, "-") == 0 || mutu_strcasecmp(p, "libur") == 0 ||
	    mutu_strcasecmp(p, "closed") == 0)
		return 0;
	for (;;) {
		int a, b;
		while (*p == ' ')
			p++;
		if (parse_clock(&p, &a))
			goto bad;
		while (*p == ' ')
			p++;
		if (*p != '-')
			goto bad;
		p++;
		while (*p == ' ')
			p++;
		if (parse_clock(&p, &b))
			goto bad;
		if (b <= a)
			return mutu_errf(s->err, MUTU_EINPUT,
					 "%s:%d: %s = %s: an interval must end after it starts", s->path,
					 s->line, key, value);
		if (out->n > 0 && a < out->e[out->n - 1])
			return mutu_errf(s->err, MUTU_EINPUT,
					 "%s:%d: %s = %s: intervals must be in order and must not overlap",
					 s->path, s->line, key, value);
		if (out->n == CAL_MAX_IV)
			return mutu_errf(s->err, MUTU_EINPUT,
					 "%s:%d: %s = %s: at most %d intervals a day", s->path, s->line,
					 key, value, CAL_MAX_IV);
		if (out->n > 0 && a == out->e[out->n - 1]) { /* 08:00-12:00, 12:00-13:00 */
			out->e[out->n - 1] = b;
		} else {
			out->s[out->n] = a;
			out->e[out->n] = b;
			out->n++;
		}
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (*p != ',' && *p != ';')
			goto bad;
		p++;
	}
	out->total = 0;
	for (int i = 0; i < out->n; i++)
		out->total += out->e[i] - out->s[i];
	return 0;
bad:
	return mutu_errf(s->err, MUTU_EINPUT,
			 "%s:%d: %s = %s: cannot read the hours at \"%s\"; write intervals like "
			 "\"07:30-12:00, 13:00-16:00\" (empty for a day off)",
			 s->path, s->line, key, value, p);
}

static int parse_years(const char *v, int *y0, int *y1)
{
	char *end;
	long a = strtol(v, &end, 10), b = a;
	while (*end == ' ')
		end++;
	if (*end == '-') {
		b = strtol(end + 1, &end, 10);
		while (*end == ' ')
			end++;
	}
	if (*end || end == v || a < 1900 || b > 2399 || b < a)
		return -1;
	*y0 = (int)a;
	*y1 = (int)b;
	return 0;
}

static struct hourset *get_set(struct ini_state *s, const char *label)
{
	for (int i = 0; i < s->nsets; i++)
		if (strcmp(s->set[i].label, label) == 0)
			return &s->set[i];
	if (s->nsets == MAX_SETS)
		return NULL;
	struct hourset *h = &s->set[s->nsets++];
	memset(h, 0, sizeof *h);
	h->label = mutu_strdup(label);
	h->line = s->line;
	return h;
}

static int weekday_key(const char *name)
{
	for (int i = 0; i < 7; i++)
		if (mutu_strcasecmp(name, wd_en[i]) == 0 || mutu_strcasecmp(name, wd_id[i]) == 0)
			return i;
	if (mutu_strcasecmp(name, "jum'at") == 0)
		return 4;
	return -1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct ini_state *s = user;
	struct mutu_err *err = s->err;
	if (err->code)
		return 1; /* first error wins; keep inih quiet */
	if (mutu_strcasecmp(section, "calendar") == 0) {
		if (strcmp(name, "name") == 0) {
			free(s->name);
			s->name = mutu_strdup(value);
		} else if (strcmp(name, "zone") == 0) {
			free(s->zone);
			s->zone = mutu_strdup(value);
		} else if (strcmp(name, "utc_offset") == 0) {
			if (parse_offset(value, &s->offset))
				return mutu_errf(err, MUTU_EINPUT,
						 "%s:%d: utc_offset = %s: write the offset like +07:00 "
						 "(WIB), +08:00 (WITA) or +09:00 (WIT)",
						 s->path, s->line, value), 1;
			s->have_offset = 1;
		} else if (strcmp(name, "years") == 0) {
			if (parse_years(value, &s->y0, &s->y1))
				return mutu_errf(err, MUTU_EINPUT,
						 "%s:%d: years = %s: write a range like 2024-2026 "
						 "(within 1900-2399)",
						 s->path, s->line, value), 1;
			s->years_line = s->line;
		} else if (strcmp(name, "day_minutes") == 0) {
			char *end;
			long v = strtol(value, &end, 10);
			if (*end || end == value || v < 1 || v > 1440)
				return mutu_errf(err, MUTU_EINPUT,
						 "%s:%d: day_minutes = %s: the net minutes of one working "
						 "day, 1-1440 (450 = 7.5 h)",
						 s->path, s->line, value), 1;
			s->day_minutes = (int)v;
		} else if (strcmp(name, "day_reading") == 0) {
			if (strcmp(value, "net") == 0)
				s->reading = CAL_DAY_NET;
			else if (strcmp(value, "next-day") == 0)
				s->reading = CAL_DAY_NEXT_DAY;
			else
				return mutu_errf(err, MUTU_EINPUT,
						 "%s:%d: day_reading = %s: use net (1 Hari = day_minutes "
						 "of working time) or next-day (same clock time on the "
						 "next working day)",
						 s->path, s->line, value), 1;
		} else if (strcmp(name, "holidays") == 0) {
			/* comma-separated list; the key may also repeat */
			char *copy = mutu_strdup(value), *save = NULL;
			for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
				mutu_trim(tok);
				if (!*tok)
					continue;
				if (s->nholidays == MAX_FILES) {
					free(copy);
					return mutu_errf(err, MUTU_EINPUT,
							 "%s:%d: holidays: at most %d files", s->path,
							 s->line, MAX_FILES), 1;
				}
				s->holidays[s->nholidays++] = mutu_strdup(tok);
			}
			free(copy);
			s->holidays_line = s->line;
		} else if (strcmp(name, "local") == 0) {
			free(s->local);
			s->local = *value ? mutu_strdup(value) : NULL;
			s->local_line = s->line;
		} else if (strcmp(name, "description") == 0 || strcmp(name, "source") == 0) {
			/* documentation only */
		} else {
			return mutu_errf(err, MUTU_EINPUT,
					 "%s:%d: unknown key '%s' in [calendar]; known: name, zone, "
					 "utc_offset, years, day_minutes, day_reading, holidays, local, "
					 "description, source",
					 s->path, s->line, name), 1;
		}
		return 1;
	}
	if (mutu_strncasecmp(section, "hours", 5) == 0 &&
	    (section[5] == '\0' || section[5] == ' ')) {
		const char *label = section + 5;
		while (*label == ' ')
			label++;
		struct hourset *h = get_set(s, label);
		if (!h)
			return mutu_errf(err, MUTU_EINPUT, "%s:%d: [%s]: at most %d [hours] sections",
					 s->path, s->line, section, MAX_SETS), 1;
		if (strcmp(name, "periods") == 0) {
			if (!*label)
				return mutu_errf(err, MUTU_EINPUT,
						 "%s:%d: periods belongs in a special section such as "
						 "[hours ramadan], not in [hours]",
						 s->path, s->line), 1;
			free(h->periods);
			h->periods = mutu_strdup(value);
			h->periods_line = s->line;
			return 1;
		}
		int wd = weekday_key(name);
		if (wd < 0)
			return mutu_errf(err, MUTU_EINPUT,
					 "%s:%d: unknown key '%s' in [%s]; use mon tue wed thu fri sat "
					 "sun%s",
					 s->path, s->line, name, section, *label ? " or periods" : ""), 1;
		if (parse_hours(s, name, value, &h->day[wd]))
			return 1;
		h->have[wd] = 1;
		return 1;
	}
	return mutu_errf(err, MUTU_EINPUT,
			 "%s:%d: unknown section [%s]; use [calendar], [hours] or [hours NAME]",
			 s->path, s->line, section), 1;
}

/* ---- CSV files: "date,type,name" and "period,start,end" ------------- */

/* A row's fields, whole: a holiday name was cut at 255 bytes without a
 * word, possibly inside a UTF-8 character (hardening round 3).  The
 * buffers are kept from row to row and freed by read_csv. */
struct row {
	char *field[3];
	size_t cap[3];
	int nf;
	int overflow;
};

static void cb_field(void *data, size_t len, void *user)
{
	struct row *r = user;
	if (r->nf >= 3) {
		r->overflow = 1;
		return;
	}
	if (r->cap[r->nf] < len + 1) {
		r->cap[r->nf] = len + 1 > 64 ? len + 1 : 64;
		r->field[r->nf] = mutu_realloc(r->field[r->nf], r->cap[r->nf]);
	}
	memcpy(r->field[r->nf], data ? data : "", len);
	r->field[r->nf][len] = '\0';
	mutu_trim(r->field[r->nf]);
	r->nf++;
}

static void cb_row(int c, void *user)
{
	(void)c;
	(void)user;
}

typedef int (*row_fn)(void *ctx, const char *path, int line, struct row *r,
		      struct mutu_err *err);

/* Read a CSV file line by line (so '#' comments and line numbers work)
 * through libcsv, calling fn for every data row after the header. */
static int read_csv(const char *path, const char *header0, row_fn fn, void *ctx,
		    struct mutu_err *err)
{
	size_t len;
	char *text = mutu_read_file(path, &len, err);
	if (!text)
		return err->code ? err->code : MUTU_EFAIL;
	/* the lines are cut with strchr: every holiday after a NUL byte was
	 * dropped without a word, exit 0 (hardening round 2) */
	int nul = mutu_nul_line(text, len);
	if (nul) {
		free(text);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s:%d: a NUL byte (a binary file, or saved as UTF-16, Excel's \"Unicode "
				 "Text\"): save it as CSV UTF-8",
				 path, nul);
	}
	/* a list saved by Excel as plain "CSV" is Windows-1252: its names went
	 * into every report as bytes no JSON or xlsx reader takes (hardening
	 * round 3; models are refused so since round 2) */
	int bad = mutu_utf8_bad_line(text, len);
	if (bad) {
		free(text);
		return mutu_errf(err, MUTU_EINPUT,
				 "%s:%d: not UTF-8 text (saved as Windows-1252 or Latin-1, Excel's plain "
				 "\"CSV\"?): save it as \"CSV UTF-8\", or convert it with iconv -f "
				 "WINDOWS-1252 -t UTF-8",
				 path, bad);
	}
	int rc = 0, line = 0, seen_header = 0;
	/* The separator of the first line that is not a comment: ',' as
	 * written by hand, ';' as an Indonesian Excel saves "CSV" (the list
	 * separator of id-ID), a tab as "Text (Tab delimited)".  Before
	 * (hardening round 2) a local.csv saved from Excel was refused at its
	 * header, "expected 3 columns (date,type,name), found 1; quote a name
	 * that holds a comma". */
	unsigned char sep = ',';
	for (char *q = text; *q;) {
		size_t n = strcspn(q, "\n");
		size_t i = strspn(q, " \t");
		if (i < n && q[i] != '#' && q[i] != '\r') {
			int comma = 0, semi = 0, tab = 0;
			for (size_t k = i; k < n; k++) {
				comma += q[k] == ',';
				semi += q[k] == ';';
				tab += q[k] == '\t';
			}
			if (!comma && semi)
				sep = ';';
			else if (!comma && tab)
				sep = '\t';
			break;
		}
		q += n + (q[n] == '\n');
	}
	struct row r;
	memset(&r, 0, sizeof r);
	char *p = text;
	while (*p && rc == 0) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		line++;
		char *l = p;
		p = nl ? nl + 1 : p + n;
		/* blanks around the line are no fields; tabs are when they separate */
		while (n > 0 && (l[n - 1] == '\r' || l[n - 1] == ' ' || (l[n - 1] == '\t' && sep != '\t')))
			n--;
		size_t i = 0;
		while (i < n && (l[i] == ' ' || (l[i] == '\t' && sep != '\t')))
			i++;
		if (i == n || l[i] == '#')
			continue;
		if (line == 1 && n >= 3 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB &&
		    (unsigned char)l[2] == 0xBF)
			i += 3;
		struct csv_parser cp;
		r.nf = 0;
		r.overflow = 0;
		if (csv_init(&cp, CSV_APPEND_NULL) != 0) {
			rc = mutu_errf(err, MUTU_EFAIL, "%s: cannot start the CSV reader", path);
			break;
		}
		csv_set_delim(&cp, sep);
		if (csv_parse(&cp, l + i, n - i, cb_field, cb_row, &r) != n - i ||
		    csv_fini(&cp, cb_field, cb_row, &r) != 0) {
			rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: cannot read the CSV line: %s", path,
				       line, csv_strerror(csv_error(&cp)));
			csv_free(&cp);
			break;
		}
		csv_free(&cp);
		if (!seen_header) {
			seen_header = 1;
			if (r.nf && mutu_strcasecmp(r.field[0], header0) == 0)
				continue; /* the header row is optional */
		}
		if (r.overflow || r.nf != 3) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s:%d: expected 3 columns (%s), found %d%s; quote a name "
				       "that holds a comma",
				       path, line,
				       strcmp(header0, "date") == 0 ? "date,type,name" : "period,start,end",
				       r.overflow ? 4 : r.nf, r.overflow ? " or more" : "");
			break;
		}
		rc = fn(ctx, path, line, &r, err);
	}
	for (int k = 0; k < 3; k++)
		free(r.field[k]);
	free(text);
	return rc;
}

/* Strict YYYY-MM-DD -> local day number */
static int parse_date(const char *v, int64_t *day)
{
	int y, m, d;
	char tail;
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || v[4] != '-' ||
	    v[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return -1;
	if (m < 1 || m > 12 || d < 1 || d > cal_days_in_month(y, m))
		return -2;
	*day = cal_days_from_civil(y, m, d);
	return 0;
}

static int date_error(const char *path, int line, const char *what, const char *v, int why,
		      struct mutu_err *err)
{
	return mutu_errf(err, MUTU_EINPUT, "%s:%d: %s \"%s\" %s", path, line, what, v,
			 why == -2 ? "is not a day that exists; check the month and the day"
				   : "is not a date; write YYYY-MM-DD");
}

struct holiday_ctx {
	struct cal *c;
	int is_local;
	int *per_year; /* holidays seen per year of the range */
};

static int holiday_row(void *vctx, const char *path, int line, struct row *r, struct mutu_err *err)
{
	struct holiday_ctx *h = vctx;
	struct cal *c = h->c;
	int64_t day;
	int rc = parse_date(r->field[0], &day);
	if (rc)
		return date_error(path, line, "date", r->field[0], rc, err);
	const char *type = r->field[1];
	int kind, typed = CAL_TYPE_NONE;
	if (mutu_strcasecmp(type, "LN") == 0)
		kind = CAL_KIND_LN, typed = CAL_TYPE_LN;
	else if (mutu_strcasecmp(type, "CB") == 0)
		kind = CAL_KIND_CB, typed = CAL_TYPE_CB;
	else if (mutu_strcasecmp(type, "LK") == 0)
		kind = CAL_KIND_OTHER, typed = CAL_TYPE_LK;
	else if (mutu_strcasecmp(type, "LD") == 0)
		kind = CAL_KIND_OTHER, typed = CAL_TYPE_LD;
	else if (mutu_strcasecmp(type, "TUTUP") == 0)
		kind = CAL_KIND_OTHER, typed = CAL_TYPE_TUTUP;
	else if (mutu_strcasecmp(type, "HK") == 0)
		kind = -1; /* working day after all */
	else
		return mutu_errf(err, MUTU_EINPUT,
				 "%s:%d: type \"%s\" is unknown; use LN (libur nasional), CB (cuti "
				 "bersama), LK (other holiday), LD (libur daerah), TUTUP (office "
				 "closed) or HK (a working day after all)",
				 path, line, type);
	if (!r->field[2][0])
		return mutu_errf(err, MUTU_EINPUT, "%s:%d: the holiday on %s needs a name", path,
				 line, r->field[0]);
	int64_t i = day - c->day0;
	if (i < 0 || i >= c->ndays)
		return 0; /* lists may cover more years than the calendar */
	int y, m, d;
	cal_civil_from_days(day, &y, &m, &d);
	if (h->per_year && kind >= 0)
		h->per_year[y - c->year_first]++;
	if (kind < 0) {
		c->kind[i] = 0xFF; /* marker: restore the weekly pattern (see apply) */
		c->htype[i] = CAL_TYPE_NONE;
		c->hname[i] = cal_keep_name(c, r->field[2]);
		return 0;
	}
	/* a day in two lists keeps the stronger kind: LN over CB over others */
	int old = c->kind[i];
	int rank_new = kind == CAL_KIND_LN ? 3 : kind == CAL_KIND_CB ? 2 : 1;
	int rank_old = old == CAL_KIND_LN ? 3 : old == CAL_KIND_CB ? 2 : old == CAL_KIND_OTHER ? 1 : 0;
	if (h->is_local || rank_new > rank_old) {
		c->kind[i] = (uint8_t)kind;
		c->htype[i] = (uint8_t)typed;
		c->hname[i] = cal_keep_name(c, r->field[2]);
	}
	return 0;
}

struct period_ctx {
	struct cal *c;
	const uint8_t *week_pat; /* 7 pattern indices of this special set */
	const int *have;
};

static int period_row(void *vctx, const char *path, int line, struct row *r, struct mutu_err *err)
{
	struct period_ctx *pc = vctx;
	struct cal *c = pc->c;
	int64_t a, b;
	int rc = parse_date(r->field[1], &a);
	if (rc)
		return date_error(path, line, "start", r->field[1], rc, err);
	rc = parse_date(r->field[2], &b);
	if (rc)
		return date_error(path, line, "end", r->field[2], rc, err);
	if (b < a)
		return mutu_errf(err, MUTU_EINPUT, "%s:%d: period %s ends (%s) before it starts (%s)",
				 path, line, r->field[0], r->field[2], r->field[1]);
	for (int64_t day = a; day <= b; day++) {
		int64_t i = day - c->day0;
		if (i < 0 || i >= c->ndays)
			continue;
		int wd = (int)((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday; Monday = 0 */
		if (pc->have[wd])
			c->day_pat[i] = pc->week_pat[wd];
	}
	return 0;
}

/* ---- locating the file ---------------------------------------------- */

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cal_dir_default(char *buf, size_t size)
{
	/* The one rule (it was two: the CLI looked beside the program, the
	 * library at the installed data dir).  A user's setting first, then
	 * the checkout being worked in, then the data beside the program
	 * (build/mutu, build/asan/mutu: up to three folders up), then the
	 * installed data. */
	const char *env = getenv("MUTU_CALENDARS");
	if (env && *env) {
		snprintf(buf, size, "%s", env);
		return buf;
	}
	if (is_dir("datasets/calendars")) {
		snprintf(buf, size, "%s", "datasets/calendars");
		return buf;
	}
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			snprintf(buf, size, "%s/datasets/calendars", exe);
			if (is_dir(buf))
				return buf;
		}
	}
	snprintf(buf, size, "%s", MUTU_DATADIR "/calendars");
	return buf;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* In byte order: readdir's order is the file system's (ext4's is a hash
 * of the names with a seed of each file system's own), so the same folder
 * was listed in another order on another machine (test_model_calendar.sh). */
long cal_dir_names(const char *dir, char ***out)
{
	*out = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	char **names = NULL;
	size_t nn = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".ini") == 0) {
			names = mutu_realloc(names, (nn + 1) * sizeof *names);
			names[nn++] = mutu_strndup(e->d_name, n - 4);
		}
	}
	closedir(d);
	if (nn > 1)
		qsort(names, nn, sizeof *names, name_cmp);
	*out = names;
	return (long)nn;
}

/* Names of the calendars in dir, for "not found" messages (cal_dir_names). */
static void list_names(const char *dir, char *buf, size_t size)
{
	buf[0] = '\0';
	char **names;
	long nn = cal_dir_names(dir, &names);
	size_t len = 0;
	for (long i = 0; i < nn; i++) {
		size_t n = strlen(names[i]);
		if (len + n + 2 < size) {
			int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", names[i]);
			if (w > 0)
				len += (size_t)w;
		}
		free(names[i]);
	}
	free(names);
}

/* Path relative to the folder of the .ini file (absolute paths kept). */
static char *relative_to(const char *ini, const char *file)
{
	if (file[0] == '/')
		return mutu_strdup(file);
	const char *slash = strrchr(ini, '/');
	if (!slash)
		return mutu_strdup(file);
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_add(&b, ini, (size_t)(slash - ini) + 1);
	mutu_buf_puts(&b, file);
	char *r = mutu_buf_detach(&b);
	mutu_buf_release(&b); /* detach leaves b initialised */
	return r;
}

static void state_release(struct ini_state *s)
{
	free(s->name);
	free(s->zone);
	free(s->local);
	for (int i = 0; i < s->nholidays; i++)
		free(s->holidays[i]);
	for (int i = 0; i < s->nsets; i++) {
		free(s->set[i].label);
		free(s->set[i].periods);
	}
}

static int build(struct ini_state *s, const char *path, struct cal **out, struct mutu_err *err)
{
	if (!s->have_offset)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: [calendar] needs utc_offset (e.g. utc_offset = +07:00 for WIB)",
				 path);
	if (!s->years_line)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: [calendar] needs years, the range the holiday lists cover "
				 "(e.g. years = 2024-2026)",
				 path);
	struct hourset *week = NULL;
	for (int i = 0; i < s->nsets; i++)
		if (!s->set[i].label[0])
			week = &s->set[i];
	if (!week)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s: no [hours] section; give the weekly office hours, e.g. "
				 "mon = 07:30-12:00, 13:00-16:00",
				 path);

	char zone[16];
	if (!s->zone) {
		int a = s->offset < 0 ? -s->offset : s->offset;
		snprintf(zone, sizeof zone, "%c%02d:%02d", s->offset < 0 ? '-' : '+', a / 3600,
			 a / 60 % 60);
	}
	if (!s->name) { /* the file's base name, as cal_load found it */
		const char *sl = strrchr(path, '/');
		s->name = mutu_strdup(sl ? sl + 1 : path);
		char *dot = strrchr(s->name, '.');
		if (dot)
			*dot = '\0';
	}
	const char *name = s->name;
	int64_t d0 = cal_days_from_civil(s->y0, 1, 1);
	int64_t d1 = cal_days_from_civil(s->y1 + 1, 1, 1);
	struct cal *c = cal_alloc(name, s->zone ? s->zone : zone, s->offset, d0, (int32_t)(d1 - d0));
	c->day_minutes = s->day_minutes;
	c->reading = s->reading;
	c->year_first = s->y0;
	c->year_last = s->y1;
	int rc = 0;

	/* weekly hours */
	uint8_t week_pat[7];
	for (int wd = 0; wd < 7; wd++)
		week_pat[wd] = (uint8_t)cal_add_pattern(c, &week->day[wd]);
	/* one weekday counter instead of a division per day (230 years of
	 * 24x7 are 84,006 days) */
	int wd0 = (int)((d0 % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday; Monday = 0 */
	for (int32_t i = 0; i < c->ndays && i < 7; i++) {
		c->day_pat[i] = week_pat[wd0];
		if (++wd0 == 7)
			wd0 = 0;
	}
	/* the rest by doubling copies of whole weeks (84,006 days for 24x7
	 * on every `mutu sim`: a byte loop was a tenth of its start-up) */
	for (int32_t n = 7; n < c->ndays; n *= 2)
		memcpy(c->day_pat + n, c->day_pat, (size_t)(n < c->ndays - n ? n : c->ndays - n));

	/* special periods: each day it lists takes the section's hours (a
	 * weekday the section leaves out keeps the weekly hours) */
	for (int k = 0; k < s->nsets && rc == 0; k++) {
		struct hourset *h = &s->set[k];
		if (!h->label[0])
			continue;
		if (!h->periods) {
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s:%d: [hours %s] needs periods = FILE.csv (period,start,end)",
				       path, h->line, h->label);
			break;
		}
		uint8_t sp[7];
		for (int wd = 0; wd < 7; wd++) {
			int pi = h->have[wd] ? cal_add_pattern(c, &h->day[wd]) : 0;
			if (pi < 0) {
				rc = mutu_errf(err, MUTU_EINPUT, "%s: too many different day patterns",
					       path);
				break;
			}
			sp[wd] = (uint8_t)pi;
		}
		if (rc)
			break;
		struct period_ctx pc = {c, sp, h->have};
		char *pp = relative_to(path, h->periods);
		if (!is_file(pp))
			rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: periods = %s: no such file %s", path,
				       h->periods_line, h->periods, pp);
		else
			rc = read_csv(pp, "period", period_row, &pc, err);
		free(pp);
	}

	/* holiday lists, then the user's local file */
	int *per_year = mutu_calloc((size_t)(s->y1 - s->y0 + 1), sizeof *per_year);
	for (int k = 0; k < s->nholidays && rc == 0; k++) {
		struct holiday_ctx hc = {c, 0, per_year};
		char *hp = relative_to(path, s->holidays[k]);
		if (!is_file(hp))
			rc = mutu_errf(err, MUTU_EINPUT, "%s:%d: holidays = %s: no such file %s", path,
				       s->holidays_line, s->holidays[k], hp);
		else
			rc = read_csv(hp, "date", holiday_row, &hc, err);
		free(hp);
	}
	/* A year without a single listed holiday means the lists do not cover
	 * it: refuse rather than count Idul Fitri as working days. */
	for (int y = s->y0; y <= s->y1 && rc == 0 && s->nholidays > 0; y++)
		if (per_year[y - s->y0] == 0)
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s:%d: years = %d-%d, but the holiday lists name no holiday "
				       "in %d; add that year's holidays or shorten years",
				       path, s->years_line, s->y0, s->y1, y);
	free(per_year);
	if (rc == 0 && s->local) {
		struct holiday_ctx hc = {c, 1, NULL};
		char *lp = relative_to(path, s->local);
		if (!is_file(lp))
			rc = mutu_errf(err, MUTU_EINPUT,
				       "%s:%d: local = %s: no such file %s; create it (it may hold only "
				       "the header line date,type,name) or remove the key",
				       path, s->local_line, s->local, lp);
		else
			rc = read_csv(lp, "date", holiday_row, &hc, err);
		free(lp);
	}
	if (rc) {
		cal_free(c);
		return rc;
	}
	/* a day still marked a working day (or HK: a working day after all)
	 * is one when its hours have work, else a weekend day; a holiday
	 * loses its hours.  off[] spares a load through the pattern per day. */
	uint8_t off[256];
	for (int p = 0; p < 256; p++)
		off[p] = p < c->npat && c->pat[p].n ? CAL_KIND_WORK : CAL_KIND_WEEKEND;
	for (int32_t i = 0; i < c->ndays; i++) {
		uint8_t k = c->kind[i];
		if (k == CAL_KIND_WORK || k == 0xFF)
			c->kind[i] = off[c->day_pat[i]];
		else
			c->day_pat[i] = 0;
	}
	cal_finish(c);
	*out = c;
	return 0;
}

int cal_load(const char *name_or_path, const char *dir, struct cal **out, struct mutu_err *err)
{
	char path[4096], dbuf[4096];
	const char *dirs = dir;
	*out = NULL;
	if (!name_or_path || !*name_or_path)
		return mutu_errf(err, MUTU_EINPUT, "no calendar named");
	size_t n = strlen(name_or_path);
	if (strchr(name_or_path, '/') || (n > 4 && strcmp(name_or_path + n - 4, ".ini") == 0)) {
		snprintf(path, sizeof path, "%s", name_or_path);
		if (!is_file(path))
			return mutu_errf(err, MUTU_ENOTFOUND, "calendar file %s not found", path);
	} else {
		if (!dirs)
			dirs = cal_dir_default(dbuf, sizeof dbuf);
		snprintf(path, sizeof path, "%s/%s.ini", dirs, name_or_path);
		if (!is_file(path)) {
			char names[512];
			list_names(dirs, names, sizeof names);
			return mutu_errf(err, MUTU_ENOTFOUND,
					 "calendar '%s' not found (no file %s); %s%s", name_or_path,
					 path, names[0] ? "calendars there: " : "the folder has no calendars",
					 names);
		}
	}
	struct ini_state s;
	memset(&s, 0, sizeof s);
	s.path = path;
	s.next_line = 1;
	s.err = err;
	s.day_minutes = 450;
	s.reading = CAL_DAY_NET;
	/* fgets hands inih each line as a C string: "mon = 07:30-12:00<NUL>,
	 * 13:00-16:00" lost its afternoon without a word (hardening round 2) */
	size_t flen;
	char *ftext = mutu_read_file(path, &flen, err);
	if (!ftext)
		return err->code ? err->code : MUTU_EFAIL;
	int nul = mutu_nul_line(ftext, flen);
	int bad = nul ? 0 : mutu_utf8_bad_line(ftext, flen);
	free(ftext);
	if (nul)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s:%d: a NUL byte in the calendar (a binary file, or saved as UTF-16): "
				 "save it as UTF-8 text",
				 path, nul);
	/* as a model (sop.c): its name and labels go into reports */
	if (bad)
		return mutu_errf(err, MUTU_EINPUT,
				 "%s:%d: not UTF-8 text (saved as Windows-1252 or Latin-1?): save the "
				 "calendar as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8",
				 path, bad);
	s.f = fopen(path, "r");
	if (!s.f)
		return mutu_errf(err, MUTU_EFAIL, "cannot open %s: %s", path, strerror(errno));
	/* errors are gathered in a record of our own, so a caller's stale
	 * error cannot hide ours (first error wins) */
	struct mutu_err e;
	mutu_err_clear(&e);
	s.err = &e;
	int line = ini_parse_stream(reader, &s, handler, &s);
	fclose(s.f);
	if (s.too_long) {
		/* the cut line is the cause of whatever its piece did */
		mutu_err_clear(&e);
		mutu_errf(&e, MUTU_EINPUT,
			  "%s:%d: line too long (at most %d characters): shorten it, or split a "
			  "list of holiday files over two 'holidays =' lines",
			  path, s.too_long, s.line_max);
	}
	int rc = e.code;
	if (rc == 0 && line != 0)
		rc = mutu_errf(&e, MUTU_EINPUT,
			       "%s:%d: cannot read this line; write key = value, [section] or a "
			       "; comment",
			       path, line);
	if (rc == 0)
		rc = build(&s, path, out, &e);
	state_release(&s);
	if (rc)
		mutu_errf(err, rc, "%s", e.msg);
	return rc;
}
