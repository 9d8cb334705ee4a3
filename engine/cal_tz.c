/*
 * cal_tz.c - time zones with daylight saving, read from the system's
 * tzdata (TZif files, RFC 8536, under /usr/share/zoneinfo), for logs of
 * offices outside Indonesia (BPIC, WABO: Europe/Amsterdam) whose months
 * and days must be cut at local midnight.
 *
 * Why a reader of our own rather than localtime_r: the C library takes
 * the zone from the process-wide TZ variable (setenv + tzset), a mutable
 * global the library must not touch and that is not safe beside other
 * threads.  A loaded zone here is an immutable table (transitions and
 * their offsets) plus the footer rule (the POSIX TZ string that gives the
 * offsets after the last transition, "CET-1CEST,M3.5.0,M10.5.0/3"), so
 * any number of threads can ask it for offsets.
 */
#include "mutu/cal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cal_tz {
	char *name;
	size_t n;           /* transitions */
	int64_t *at;        /* transition instants, UTC seconds, increasing */
	int *off_after;     /* offset (seconds east) from at[i] on */
	int off_before;     /* offset before the first transition */
	/* footer rule (has_rule): std/dst offsets and the two changes */
	int has_rule, rule_fixed;
	int std_off, dst_off;
	int rm[2], rw[2], rd[2], rt[2]; /* month, week (5 = last), weekday, local time (s) of start/end */
};

/* ---- fixed offsets ---- */

/* "UTC", "Z", "WIB", "WITA", "WIT", "+07:00", "-0300", "+7": 0 with *off set. */
static int fixed_offset(const char *s, int *off)
{
	static const struct {
		const char *n;
		int off;
	} names[] = {{"UTC", 0}, {"Z", 0}, {"GMT", 0}, {"WIB", 7 * 3600}, {"WITA", 8 * 3600}, {"WIT", 9 * 3600}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].n) == 0) {
			*off = names[i].off;
			return 0;
		}
	if (s[0] != '+' && s[0] != '-')
		return -1;
	int h = 0, m = 0;
	const char *p = s + 1;
	if (!isdigit((unsigned char)p[0]))
		return -1;
	h = p[0] - '0';
	p++;
	if (isdigit((unsigned char)p[0]))
		h = h * 10 + (*p++ - '0');
	if (*p == ':')
		p++;
	if (*p) {
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2])
			return -1;
		m = (p[0] - '0') * 10 + (p[1] - '0');
	}
	/* the offsets in use lie within -12:00..+14:00 (as for stamps) */
	if (m > 59 || h * 60 + m > (s[0] == '+' ? 14 * 60 : 12 * 60))
		return -1;
	*off = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
	return 0;
}

/* ---- the POSIX TZ footer ---- */

static const char *rule_name(const char *p)
{
	if (*p == '<') {
		while (*p && *p != '>')
			p++;
		return *p ? p + 1 : NULL;
	}
	const char *q = p;
	while (isalpha((unsigned char)*p))
		p++;
	return p - q >= 3 ? p : NULL;
}

/* [+-]hh[:mm[:ss]] -> seconds; NULL when malformed. */
static const char *rule_time(const char *p, int *secs)
{
	int sign = 1;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (!isdigit((unsigned char)*p))
		return NULL;
	int v[3] = {0, 0, 0};
	for (int k = 0; k < 3; k++) {
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			v[k] = v[k] * 10 + (*p++ - '0');
		if (v[k] > 167)
			return NULL;
		if (*p != ':' || k == 2)
			break;
		p++;
	}
	*secs = sign * (v[0] * 3600 + v[1] * 60 + v[2]);
	return p;
}

/* ",Mm.w.d[/time]" into z->r*[i]; only the M form (every zone in use). */
static const char *rule_change(const char *p, struct cal_tz *z, int i)
{
	if (*p++ != ',' || *p++ != 'M')
		return NULL;
	int v[3];
	for (int k = 0; k < 3; k++) {
		if (!isdigit((unsigned char)*p))
			return NULL;
		v[k] = 0;
		while (isdigit((unsigned char)*p))
			v[k] = v[k] * 10 + (*p++ - '0');
		if (k < 2 && *p++ != '.')
			return NULL;
	}
	if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 5 || v[2] > 6)
		return NULL;
	z->rm[i] = v[0];
	z->rw[i] = v[1];
	z->rd[i] = v[2];
	z->rt[i] = 2 * 3600;
	if (*p == '/' && !(p = rule_time(p + 1, &z->rt[i])))
		return NULL;
	return p;
}

/* Parse the footer; 0 on success (z->has_rule set), -1 when not understood. */
static int parse_rule(const char *s, struct cal_tz *z)
{
	const char *p = rule_name(s);
	int std;
	if (!p || !(p = rule_time(p, &std)))
		return -1;
	z->std_off = -std; /* POSIX offsets are west of Greenwich */
	if (!*p) {
		z->has_rule = z->rule_fixed = 1;
		return 0;
	}
	if (!(p = rule_name(p)))
		return -1;
	z->dst_off = z->std_off + 3600;
	if (*p && *p != ',') {
		int dst;
		if (!(p = rule_time(p, &dst)))
			return -1;
		z->dst_off = -dst;
	}
	if (!(p = rule_change(p, z, 0)) || !(p = rule_change(p, z, 1)) || *p)
		return -1;
	z->has_rule = 1;
	return 0;
}

/* Local day (days since 1970-01-01) of weekday wd (0 = Sunday), week w
 * (5 = the last) of month m of year y. */
static int64_t rule_day(int y, int m, int w, int wd)
{
	int64_t first = cal_days_from_civil(y, m, 1);
	int wd1 = (int)(((first % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
	int64_t d = first + (wd - wd1 + 7) % 7 + 7 * (w - 1);
	int len = cal_days_in_month(y, m);
	while (d >= first + len)
		d -= 7;
	return d;
}

static int rule_offset(const struct cal_tz *z, int64_t t)
{
	if (z->rule_fixed)
		return z->std_off;
	int y, m, d;
	cal_civil_from_days((t + z->std_off) / 86400 - ((t + z->std_off) % 86400 < 0), &y, &m, &d);
	/* the change instants of year y: the start is written in standard
	 * time, the end in daylight time */
	int64_t s = rule_day(y, z->rm[0], z->rw[0], z->rd[0]) * 86400 + z->rt[0] - z->std_off;
	int64_t e = rule_day(y, z->rm[1], z->rw[1], z->rd[1]) * 86400 + z->rt[1] - z->dst_off;
	int dst = s < e ? (t >= s && t < e) : !(t >= e && t < s); /* southern zones: dst spans new year */
	return dst ? z->dst_off : z->std_off;
}

/* ---- TZif ---- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static int tzif_parse(const unsigned char *b, size_t len, struct cal_tz *z, const char *path, struct mutu_err *err)
{
	if (len < 44 || memcmp(b, "TZif", 4) != 0)
		return mutu_errf(err, MUTU_EINPUT, "%s: not a TZif time-zone file (no 'TZif' header)", path);
	int v2 = b[4] >= '2';
	const unsigned char *h = b;
	size_t tsize = 4;
	for (int pass = 0; pass < (v2 ? 2 : 1); pass++) {
		if ((size_t)(h - b) + 44 > len)
			return mutu_errf(err, MUTU_EINPUT, "%s: truncated TZif header at byte %zu", path, (size_t)(h - b));
		uint32_t isut = be32(h + 20), isstd = be32(h + 24), leap = be32(h + 28), tcnt = be32(h + 32),
			 tycnt = be32(h + 36), chcnt = be32(h + 40);
		if (tcnt > 100000 || tycnt == 0 || tycnt > 256 || chcnt > 100000 || leap > 100000 || isut > 256 ||
		    isstd > 256)
			return mutu_errf(err, MUTU_EINPUT, "%s: implausible TZif counts (%u transitions, %u types)", path,
					 tcnt, tycnt);
		size_t body = tcnt * tsize + tcnt + tycnt * 6 + chcnt + leap * (tsize + 4) + isstd + isut;
		const unsigned char *d = h + 44;
		if ((size_t)(d - b) + body > len)
			return mutu_errf(err, MUTU_EINPUT, "%s: truncated TZif data (%zu bytes, needs %zu)", path, len,
					 (size_t)(d - b) + body);
		if (pass == (v2 ? 1 : 0)) {
			const unsigned char *idx = d + tcnt * tsize, *ty = idx + tcnt;
			z->n = tcnt;
			z->at = mutu_calloc(tcnt ? tcnt : 1, sizeof *z->at);
			z->off_after = mutu_calloc(tcnt ? tcnt : 1, sizeof *z->off_after);
			for (uint32_t i = 0; i < tcnt; i++) {
				z->at[i] = tsize == 8 ? be64(d + 8 * i) : (int64_t)(int32_t)be32(d + 4 * i);
				if (idx[i] >= tycnt)
					return mutu_errf(err, MUTU_EINPUT, "%s: transition %u names type %u of %u", path, i,
							 idx[i], tycnt);
				z->off_after[i] = (int32_t)be32(ty + 6 * idx[i]);
			}
			z->off_before = (int32_t)be32(ty);
			const unsigned char *end = d + body;
			if (v2 && (size_t)(end - b) < len && *end == '\n') {
				const unsigned char *nl = memchr(end + 1, '\n', len - (size_t)(end - b) - 1);
				if (nl && nl > end + 1) {
					char rule[128];
					size_t rl = (size_t)(nl - end - 1);
					if (rl < sizeof rule) {
						memcpy(rule, end + 1, rl);
						rule[rl] = '\0';
						parse_rule(rule, z); /* not understood: the last transition's offset stays */
					}
				}
			}
		}
		h = d + body;
		tsize = 8;
	}
	return 0;
}

int cal_tz_load(const char *name, const char *dir, struct cal_tz **out, struct mutu_err *err)
{
	*out = NULL;
	if (!name || !*name)
		return mutu_errf(err, MUTU_EINPUT, "empty time-zone name (give an IANA name such as Europe/Amsterdam)");
	struct cal_tz *z = mutu_calloc(1, sizeof *z);
	z->name = mutu_strdup(name);
	int off;
	if (fixed_offset(name, &off) == 0) {
		z->off_before = off;
		*out = z;
		return 0;
	}
	/* an IANA name: letters, digits, '_', '-', '+', '/', no ".." and no
	 * leading '/', so it stays inside the zoneinfo folder */
	int ok = strlen(name) < 128 && name[0] != '/' && !strstr(name, "..");
	for (const char *p = name; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || strchr("_-+/", *p);
	if (!ok) {
		cal_tz_free(z);
		return mutu_errf(err, MUTU_EINPUT,
				 "time zone '%s': not a zone name (an IANA name such as Europe/Amsterdam or "
				 "Asia/Jakarta, WIB/WITA/WIT, UTC, or an offset such as +02:00)", name);
	}
	if (!dir)
		dir = getenv("TZDIR");
	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t len = 0;
	struct mutu_err e2;
	mutu_err_clear(&e2);
	char *buf = mutu_read_file(path, &len, &e2);
	if (!buf) {
		cal_tz_free(z);
		return mutu_errf(err, MUTU_EINPUT,
				 "time zone '%s': %s: is it an IANA name (Europe/Amsterdam)? is the tzdata package "
				 "installed?", name, e2.msg);
	}
	int rc = tzif_parse((const unsigned char *)buf, len, z, path, err);
	free(buf);
	if (rc) {
		cal_tz_free(z);
		return rc;
	}
	*out = z;
	return 0;
}

void cal_tz_free(struct cal_tz *z)
{
	if (!z)
		return;
	free(z->name);
	free(z->at);
	free(z->off_after);
	free(z);
}

const char *cal_tz_name(const struct cal_tz *z)
{
	return z->name;
}

int cal_tz_offset(const struct cal_tz *z, double t)
{
	int64_t s = (int64_t)(t < 0 ? t - 1 : t);
	if (z->n == 0 || s < z->at[0])
		return z->n == 0 && z->has_rule ? rule_offset(z, s) : z->off_before;
	if (s >= z->at[z->n - 1] && z->has_rule)
		return rule_offset(z, s);
	size_t lo = 0, hi = z->n; /* at[lo] <= s < at[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->at[mid] <= s)
			lo = mid;
		else
			hi = mid;
	}
	return z->off_after[lo];
}

double cal_tz_from_local(const struct cal_tz *z, double local)
{
	/* t + offset(t) = local: two rounds settle it (in a spring-forward
	 * gap the later offset wins, a time that does not exist moves on) */
	double t = local - cal_tz_offset(z, local);
	return local - cal_tz_offset(z, t);
}
