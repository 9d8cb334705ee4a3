/*
 * cmd_calendar.c - `mutu calendar`: working time on the calendars under
 * datasets/calendars.
 *
 *   mutu calendar between FROM TO [--calendar NAME]
 *   mutu calendar add FROM DURATION [--calendar NAME] [--reading net|next-day]
 *   mutu calendar show [NAME] [--year Y]
 *   mutu calendar list
 *
 * Output is in Bahasa Indonesia (--lang en for English).  Durations come
 * back in the SOP tables' own form ("1 Hari 2 Jam 30 Menit") with 1 Hari
 * = the calendar's day_minutes, and in minutes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/cal.h"
#include "mutu/dur.h"

#define DEFAULT_CAL "id-wib"

static const char *const wd_id[7] = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
static const char *const wd_en[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
				     "Saturday", "Sunday"};

static void usage_main(FILE *f)
{
	fprintf(f,
		"usage: mutu calendar <between|add|show|list> [options]\n"
		"\n"
		"Working time on a calendar: office hours with breaks, weekends, libur\n"
		"nasional, cuti bersama, Ramadan hours and a time zone (WIB/WITA/WIT).\n"
		"\n"
		"  between FROM TO            working time between two instants\n"
		"  add FROM DURATION          the instant a working duration ends\n"
		"  show [NAME] [--year Y]     hours, holidays and working days of a calendar\n"
		"  list                       the calendars available\n"
		"\n"
		"Times: ISO 8601 with an offset (2025-01-02T07:30+08:00, ...Z) or local\n"
		"time in the calendar's zone (\"2025-01-02 07:30\", 2025-01-02 = 00:00).\n"
		"Calendars live in %s (set MUTU_CALENDARS to use another folder).\n"
		"Each subcommand has --help.\n",
		cli_calendars_dir());
}

static void usage_between(FILE *f)
{
	fprintf(f,
		"usage: mutu calendar between FROM TO [--calendar NAME] [--lang id|en]\n"
		"\n"
		"Print the working time from FROM to TO (negative when TO is earlier): in\n"
		"the SOP form \"1 Hari 2 Jam 30 Menit\" (1 Hari = the calendar's net day,\n"
		"450 menit for the id-* calendars) and in minutes.\n"
		"\n"
		"  -c, --calendar NAME   calendar name or .ini path (default " DEFAULT_CAL ")\n"
		"      --lang id|en      output language (default id)\n"
		"\n"
		"example: mutu calendar between \"2025-01-02 07:30\" \"2025-01-03 10:00\"\n");
}

static void usage_add(FILE *f)
{
	fprintf(f,
		"usage: mutu calendar add FROM DURATION [--calendar NAME]\n"
		"                         [--reading net|next-day] [--lang id|en]\n"
		"\n"
		"Print the instant a working DURATION started at FROM ends (a deadline):\n"
		"DURATION as SOPs write it (\"30 Menit\", \"1 jam 30 menit\", \"4 Hari\",\n"
		"\"2 Minggu\"; quote it or give it as several words).\n"
		"\n"
		"  -c, --calendar NAME   calendar name or .ini path (default " DEFAULT_CAL ")\n"
		"  -r, --reading R       how \"N Hari\" reads (default: the calendar's setting)\n"
		"                        net:      N x the net day of working time (450 menit)\n"
		"                        next-day: the same clock time N working days later\n"
		"                        (clamped to closing time on a shorter day)\n"
		"      --lang id|en      output language (default id)\n"
		"\n"
		"Work that ends exactly at closing time ends at closing time (16:00), not at\n"
		"the next opening.\n"
		"\n"
		"example: mutu calendar add \"2025-01-03 16:15\" \"1 Hari\" --reading next-day\n");
}

static void usage_show(FILE *f)
{
	fprintf(f,
		"usage: mutu calendar show [NAME] [--year Y] [--lang id|en]\n"
		"\n"
		"Show a calendar (default " DEFAULT_CAL "): zone, years, the net day, weekly\n"
		"office hours, periods with special hours (Ramadan) and, per year, the\n"
		"working days and hours.  With --year, also every holiday of that year.\n"
		"Holidays come from the national list plus the local file (local.csv) you\n"
		"edit for regional holidays and closures.\n");
}

static void usage_list(FILE *f)
{
	fprintf(f, "usage: mutu calendar list\n\nList the calendars in %s.\n",
		cli_calendars_dir());
}

static int parse_lang(const char *cmd, const char *v, enum dur_lang *out)
{
	if (!v || strcmp(v, "id") == 0)
		*out = DUR_ID;
	else if (strcmp(v, "en") == 0)
		*out = DUR_EN;
	else
		return cli_usage(cmd, "--lang %s: use id or en", v);
	return 0;
}

static int load(const char *cmd, const char *name, struct cal **c)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	if (cal_load(name ? name : DEFAULT_CAL, cli_calendars_dir(), c, &err))
		return cli_fail(cmd, &err);
	return 0;
}

/* "1 Hari 2 Jam 30 Menit"; negative time is dur_format's "minus 1 Hari
 * 2 Jam 30 Menit" (a leading '-' read as -1 Hari + 2 Jam 30 Menit) */
static void format_work(const struct cal *c, double seconds, enum dur_lang lang, char *buf,
			size_t size)
{
	dur_format_minutes(seconds / 60.0, cal_day_minutes(c), lang, buf, size);
}

static void format_minutes(double seconds, char *buf, size_t size)
{
	double m = seconds / 60.0;
	if (m == (double)(long long)m)
		snprintf(buf, size, "%lld", (long long)m);
	else
		snprintf(buf, size, "%.2f", m);
}

/* Parse a time argument; a bare clock time usually means the shell split
 * "2025-01-02 07:30" in two, so say how to quote it. */
static int parse_arg(const struct cal *c, const char *text, double *t, struct mutu_err *err)
{
	int rc = cal_parse_time(c, text, t, NULL, err);
	if (rc == MUTU_EINPUT && strchr(text, ':') && !strchr(text, '-')) {
		char msg[MUTU_ERR_MAX];
		snprintf(msg, sizeof msg, "%.600s; to give a date and a time, quote them "
			 "together (\"2025-01-02 07:30\") or write 2025-01-02T07:30", err->msg);
		mutu_err_clear(err);
		mutu_errf(err, rc, "%s", msg);
	}
	return rc;
}

static void print_calendar_line(const struct cal *c, enum dur_lang lang)
{
	int off = cal_utc_offset(c), a = off < 0 ? -off : off;
	printf("%-12s %s (%s, UTC%c%02d:%02d), %s %d %s\n", lang == DUR_EN ? "calendar:" : "kalender:",
	       cal_name(c), cal_zone_label(c), off < 0 ? '-' : '+', a / 3600, a / 60 % 60,
	       lang == DUR_EN ? "1 Hari =" : "1 Hari =", cal_day_minutes(c),
	       lang == DUR_EN ? "working minutes" : "menit kerja");
}

static int cmd_between(int argc, char **argv)
{
	const char *cmd = "calendar between";
	const char *calname = NULL, *lang_s = NULL, *pos[2];
	int npos = 0, help = 0;
	struct cli_opt opts[] = {
		{"calendar", 'c', 1, &calname, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 2, &npos, &help))
		return 2;
	if (help) {
		usage_between(stdout);
		return 0;
	}
	enum dur_lang lang = DUR_ID;
	if (parse_lang(cmd, lang_s, &lang))
		return 2;
	if (npos != 2)
		return cli_usage(cmd, "needs two instants, FROM and TO (e.g. \"2025-01-02 07:30\" "
				      "\"2025-01-03 10:00\")");
	struct cal *c = NULL;
	int rc = load(cmd, calname, &c);
	if (rc)
		return rc;
	struct mutu_err err;
	mutu_err_clear(&err);
	double a, b, w;
	if (parse_arg(c, pos[0], &a, &err) || parse_arg(c, pos[1], &b, &err) ||
	    cal_between(c, a, b, &w, &err)) {
		rc = cli_fail(cmd, &err);
		cal_free(c);
		return rc;
	}
	char ta[64], tb[64], form[96], mins[32];
	cal_format_time(c, a, ta, sizeof ta);
	cal_format_time(c, b, tb, sizeof tb);
	format_work(c, w, lang, form, sizeof form);
	format_minutes(w, mins, sizeof mins);
	int en = lang == DUR_EN;
	printf("%-12s %s\n", en ? "from:" : "dari:", ta);
	printf("%-12s %s\n", en ? "to:" : "sampai:", tb);
	printf("%-12s %s (%s %s)\n", en ? "working:" : "waktu kerja:", form, mins,
	       en ? "minutes" : "menit");
	print_calendar_line(c, lang);
	cal_free(c);
	return 0;
}

static int cmd_add(int argc, char **argv)
{
	const char *cmd = "calendar add";
	const char *calname = NULL, *lang_s = NULL, *reading_s = NULL, *pos[16];
	int npos = 0, help = 0;
	struct cli_opt opts[] = {
		{"calendar", 'c', 1, &calname, NULL, NULL},
		{"reading", 'r', 1, &reading_s, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 16, &npos, &help))
		return 2;
	if (help) {
		usage_add(stdout);
		return 0;
	}
	enum dur_lang lang = DUR_ID;
	if (parse_lang(cmd, lang_s, &lang))
		return 2;
	if (npos < 2)
		return cli_usage(cmd, "needs an instant and a duration (e.g. \"2025-01-02 07:30\" "
				      "\"1 Hari 2 Jam\")");
	int have_reading = reading_s != NULL;
	enum cal_day_reading reading = CAL_DAY_NET;
	if (reading_s) {
		if (strcmp(reading_s, "net") == 0)
			reading = CAL_DAY_NET;
		else if (strcmp(reading_s, "next-day") == 0)
			reading = CAL_DAY_NEXT_DAY;
		else
			return cli_usage(cmd, "--reading %s: use net or next-day", reading_s);
	}
	/* the duration may come as one quoted argument or as several words */
	struct mutu_buf text;
	mutu_buf_init(&text);
	for (int i = 1; i < npos; i++) {
		if (i > 1)
			mutu_buf_putc(&text, ' ');
		mutu_buf_puts(&text, pos[i]);
	}
	struct mutu_err err;
	mutu_err_clear(&err);
	struct dur d;
	if (dur_parse(text.s, &d, &err)) {
		mutu_buf_release(&text);
		return cli_fail(cmd, &err);
	}
	mutu_buf_release(&text);
	struct cal *c = NULL;
	int rc = load(cmd, calname, &c);
	if (rc)
		return rc;
	if (!have_reading)
		reading = cal_reading(c);
	double t, r, w;
	if (parse_arg(c, pos[0], &t, &err) || cal_deadline(c, t, d, reading, &r, &err) ||
	    cal_between(c, t, r, &w, &err)) {
		rc = cli_fail(cmd, &err);
		cal_free(c);
		return rc;
	}
	int en = lang == DUR_EN;
	char tt[64], tr[64], form[96], mins[32], worked[96], wmins[32];
	cal_format_time(c, t, tt, sizeof tt);
	cal_format_time(c, r, tr, sizeof tr);
	d.rounded_days = -1;
	dur_format(d, lang, form, sizeof form);
	int64_t dm = dur_to_minutes(d, cal_day_minutes(c));
	snprintf(mins, sizeof mins, "%lld", (long long)dm);
	format_work(c, w, lang, worked, sizeof worked);
	format_minutes(w, wmins, sizeof wmins);
	printf("%-12s %s\n", en ? "result:" : "hasil:", tr);
	printf("%-12s %s\n", en ? "from:" : "dari:", tt);
	if (reading == CAL_DAY_NET || d.days == 0)
		printf("%-12s %s (%s %s; %s)\n", en ? "duration:" : "durasi:", form, mins,
		       en ? "minutes" : "menit", en ? "reading net: 1 Hari = the net day"
						    : "bacaan net: 1 Hari = hari kerja bersih");
	else
		printf("%-12s %s (%s: %s)\n", en ? "duration:" : "durasi:", form,
		       en ? "reading next-day" : "bacaan next-day",
		       en ? "1 Hari = the same clock time on the next working day"
			  : "1 Hari = jam yang sama pada hari kerja berikutnya");
	printf("%-12s %s (%s %s)\n", en ? "working:" : "waktu kerja:", worked, wmins,
	       en ? "minutes" : "menit");
	print_calendar_line(c, lang);
	cal_free(c);
	return 0;
}

static int weekday(int64_t day)
{
	return (int)(((day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday; Monday = 0 */
}

static void format_hours(const int *s, const int *e, int n, enum dur_lang lang, char *buf,
			 size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (n == 0) {
		snprintf(buf, size, "%s", lang == DUR_EN ? "closed" : "libur");
		return;
	}
	for (int i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%02d:%02d-%02d:%02d", i ? ", " : "",
				 s[i] / 3600, s[i] / 60 % 60, e[i] / 3600, e[i] / 60 % 60);
		if (w > 0)
			len += (size_t)w;
	}
}

static int same_hours(const int *s1, const int *e1, int n1, const int *s2, const int *e2, int n2)
{
	if (n1 != n2)
		return 0;
	for (int i = 0; i < n1; i++)
		if (s1[i] != s2[i] || e1[i] != e2[i])
			return 0;
	return 1;
}

#define MAXI 8

struct hours {
	int s[MAXI], e[MAXI], n;
};

static int cmd_show(int argc, char **argv)
{
	const char *cmd = "calendar show";
	const char *year_s = NULL, *lang_s = NULL, *calname = NULL, *pos[1];
	int npos = 0, help = 0;
	struct cli_opt opts[] = {
		{"year", 'y', 1, &year_s, NULL, NULL},
		{"calendar", 'c', 1, &calname, NULL, NULL},
		{"lang", 0, 1, &lang_s, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		usage_show(stdout);
		return 0;
	}
	enum dur_lang lang = DUR_ID;
	if (parse_lang(cmd, lang_s, &lang))
		return 2;
	int en = lang == DUR_EN;
	if (npos == 1)
		calname = pos[0];
	struct cal *c = NULL;
	int rc = load(cmd, calname, &c);
	if (rc)
		return rc;
	int y0, y1;
	cal_year_range(c, &y0, &y1);
	int year = 0;
	if (year_s) {
		char *end;
		long v = strtol(year_s, &end, 10);
		if (*end || end == year_s || v < y0 || v > y1) {
			rc = cli_usage(cmd, "--year %s: calendar %s covers %d-%d", year_s,
				       cal_name(c), y0, y1);
			cal_free(c);
			return rc;
		}
		year = (int)v;
	}
	int64_t d0 = cal_days_from_civil(year ? year : y0, 1, 1);
	int64_t d1 = cal_days_from_civil((year ? year : y1) + 1, 1, 1);

	/* usual hours per weekday: the hours most working days of that weekday
	 * have (the first seen wins a tie); days with other hours are special */
	struct hours usual[7];
	for (int wd = 0; wd < 7; wd++) {
		struct hours cand[16];
		int count[16] = {0}, ncand = 0, best = -1;
		for (int64_t d = d0 + ((wd - weekday(d0)) % 7 + 7) % 7; d < d1; d += 7) {
			struct hours h;
			h.n = cal_day_hours(c, d, h.s, h.e, MAXI);
			if (h.n <= 0)
				continue;
			int k;
			for (k = 0; k < ncand; k++)
				if (same_hours(h.s, h.e, h.n, cand[k].s, cand[k].e, cand[k].n))
					break;
			if (k == ncand && ncand < 16)
				cand[ncand++] = h;
			if (k < ncand)
				count[k]++;
		}
		for (int k = 0; k < ncand; k++)
			if (best < 0 || count[k] > count[best])
				best = k;
		if (best >= 0)
			usual[wd] = cand[best];
		else
			usual[wd].n = 0;
	}

	int off = cal_utc_offset(c), a = off < 0 ? -off : off;
	printf("%-10s %s\n", en ? "calendar" : "kalender", cal_name(c));
	printf("%-10s %s (UTC%c%02d:%02d)\n", en ? "zone" : "zona", cal_zone_label(c),
	       off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	printf("%-10s %d-%d\n", en ? "years" : "tahun", y0, y1);
	printf("%-10s %d %s (%s: %s)\n", "1 Hari", cal_day_minutes(c),
	       en ? "working minutes" : "menit kerja", en ? "deadline reading" : "bacaan hari",
	       cal_reading(c) == CAL_DAY_NET ? "net" : "next-day");
	printf("\n%s:\n", en ? "office hours" : "jam kerja");
	for (int wd = 0; wd < 7; wd++) {
		char hb[160], tot[64];
		format_hours(usual[wd].s, usual[wd].e, usual[wd].n, lang, hb, sizeof hb);
		int total = 0;
		for (int i = 0; i < usual[wd].n; i++)
			total += usual[wd].e[i] - usual[wd].s[i];
		if (total)
			dur_format_minutes(total / 60.0, 0, lang, tot, sizeof tot);
		else
			tot[0] = '\0';
		if (tot[0])
			printf("  %-9s %-32s %s\n", en ? wd_en[wd] : wd_id[wd], hb, tot);
		else
			printf("  %-9s %s\n", en ? wd_en[wd] : wd_id[wd], hb);
	}

	/* periods of special hours: runs of working days whose hours differ
	 * from their weekday's usual hours (non-working days do not break a run) */
	printf("\n%s:\n", en ? "special hours (e.g. Ramadan)" : "jam khusus (mis. Ramadan)");
	int64_t run_a = -1, run_b = -1;
	int run_n = 0, nruns = 0;
	for (int64_t d = d0; d <= d1; d++) {
		int special = 0, working = 0;
		if (d < d1) {
			struct hours h;
			h.n = cal_day_hours(c, d, h.s, h.e, MAXI);
			working = h.n > 0;
			const struct hours *u = &usual[weekday(d)];
			special = working && !same_hours(h.s, h.e, h.n, u->s, u->e, u->n);
		}
		if (special) {
			if (run_a < 0)
				run_a = d;
			run_b = d;
			run_n++;
		} else if (run_a >= 0 && (working || d == d1 || d - run_b > 7)) {
			int ya, ma, da, yb, mb, db;
			cal_civil_from_days(run_a, &ya, &ma, &da);
			cal_civil_from_days(run_b, &yb, &mb, &db);
			printf("  %04d-%02d-%02d %s %04d-%02d-%02d  %d %s", ya, ma, da,
			       en ? "to" : "s.d.", yb, mb, db, run_n,
			       en ? "working days" : "hari kerja");
			struct hours h;
			h.n = cal_day_hours(c, run_a, h.s, h.e, MAXI);
			char hb[160];
			format_hours(h.s, h.e, h.n, lang, hb, sizeof hb);
			printf(" (%s %s)\n", en ? "first day" : "hari pertama", hb);
			run_a = -1;
			run_n = 0;
			nruns++;
		}
	}
	if (nruns == 0)
		printf("  %s\n", en ? "none" : "tidak ada");

	/* per year: working days, hours and holidays by kind */
	printf("\n%-6s %10s %12s %8s %8s %8s\n", en ? "year" : "tahun",
	       en ? "work days" : "hari kerja", en ? "work hours" : "jam kerja", "LN", "CB",
	       en ? "other" : "lain");
	for (int y = year ? year : y0; y <= (year ? year : y1); y++) {
		int n[5] = {0};
		double secs = 0;
		for (int64_t d = cal_days_from_civil(y, 1, 1); d < cal_days_from_civil(y + 1, 1, 1);
		     d++) {
			int k = cal_day_kind(c, d, NULL);
			if (k >= 0 && k < 5)
				n[k]++;
			struct hours h;
			h.n = cal_day_hours(c, d, h.s, h.e, MAXI);
			for (int i = 0; i < h.n; i++)
				secs += h.e[i] - h.s[i];
		}
		printf("%-6d %10d %12.1f %8d %8d %8d\n", y, n[0], secs / 3600.0, n[2], n[3], n[4]);
	}
	printf("(%s)\n", en ? "LN libur nasional, CB cuti bersama, other: LK/LD/closures; "
			      "holidays on weekends included"
			    : "LN libur nasional, CB cuti bersama, lain: LK/LD/tutup; termasuk "
			      "yang jatuh pada akhir pekan");

	if (year) {
		printf("\n%s %d:\n", en ? "holidays" : "hari libur", year);
		/* the type as the list wrote it (LD and TUTUP were all printed LK
		 * before hardening round 3); the column as wide as the widest */
		int tw = 3;
		for (int64_t d = d0; d < d1; d++) {
			const char *t = cal_day_kind(c, d, NULL) >= 2 ? cal_day_type(c, d) : NULL;
			if (t && (int)strlen(t) > tw)
				tw = (int)strlen(t);
		}
		for (int64_t d = d0; d < d1; d++) {
			const char *name;
			int k = cal_day_kind(c, d, &name);
			if (k < 2)
				continue;
			const char *t = cal_day_type(c, d);
			int y, m, dd;
			cal_civil_from_days(d, &y, &m, &dd);
			printf("  %04d-%02d-%02d %-7s %-*s %s\n", y, m, dd,
			       en ? wd_en[weekday(d)] : wd_id[weekday(d)], tw,
			       t ? t : k == 2 ? "LN" : k == 3 ? "CB" : "LK", name ? name : "");
		}
	}
	cal_free(c);
	return 0;
}

static int cmd_list(int argc, char **argv)
{
	const char *cmd = "calendar list";
	const char *pos[1];
	int npos = 0, help = 0;
	struct cli_opt opts[] = {{NULL, 0, 0, NULL, NULL, NULL}};
	if (cli_parse(cmd, argc, argv, opts, pos, 0, &npos, &help))
		return 2;
	if (help) {
		usage_list(stdout);
		return 0;
	}
	const char *dir = cli_calendars_dir();
	char **names;
	long n = cal_dir_names(dir, &names);
	if (n < 0) {
		fprintf(stderr, "mutu %s: cannot open the calendars folder %s; set MUTU_CALENDARS\n",
			cmd, dir);
		return 1;
	}
	int rc = 0;
	for (long i = 0; i < n; i++) {
		struct mutu_err err;
		mutu_err_clear(&err);
		struct cal *c = NULL;
		if (cal_load(names[i], dir, &c, &err)) {
			printf("%-12s (%s)\n", names[i], err.msg);
			rc = 1;
		} else {
			int y0, y1;
			cal_year_range(c, &y0, &y1);
			printf("%-12s %-6s %d-%d  1 Hari = %d menit\n", cal_name(c), cal_zone_label(c),
			       y0, y1, cal_day_minutes(c));
			cal_free(c);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int cmd_calendar(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{"between", cmd_between},
		{"add", cmd_add},
		{"show", cmd_show},
		{"list", cmd_list},
		{NULL, NULL},
	};
	return cli_dispatch("calendar", argc, argv, subs, usage_main);
}
