/*
 * cli.c - option parsing, error reporting and data paths for subcommands.
 */
#include "cli/cli.h"
#include "mutu/elog.h"
#include "mutu/sla.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>

static const struct cli_opt *find_long(const struct cli_opt *opts, const char *name, size_t n)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

static const struct cli_opt *find_short(const struct cli_opt *opts, char c)
{
	for (; opts && opts->name; opts++)
		if (opts->shortname && opts->shortname == c)
			return opts;
	return NULL;
}

static int set_opt(const char *cmd, const struct cli_opt *o, const char *value)
{
	if (o->repeat) {
		if (o->repeat->n >= (int)(sizeof o->repeat->items / sizeof o->repeat->items[0]))
			return cli_usage(cmd, "too many --%s options", o->name);
		o->repeat->items[o->repeat->n++] = value;
	}
	if (o->value)
		*o->value = value;
	if (o->flag)
		*o->flag = 1;
	return 0;
}

int cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int maxpos, int *npos, int *help)
{
	int n = 0, only_pos = 0;
	*help = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!only_pos && strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (!only_pos && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
			*help = 1;
			continue;
		}
		if (!only_pos && a[0] == '-' && a[1] != '\0' && !(a[1] >= '0' && a[1] <= '9')) {
			const struct cli_opt *o;
			const char *value = NULL;
			if (a[1] == '-') {
				const char *eq = strchr(a + 2, '=');
				size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
				o = find_long(opts, a + 2, len);
				if (!o)
					return cli_usage(cmd, "unknown option '%s'", a);
				if (eq)
					value = eq + 1;
			} else {
				o = a[2] == '\0' ? find_short(opts, a[1]) : NULL;
				if (!o)
					return cli_usage(cmd, "unknown option '%s'", a);
			}
			if (o->takes_value) {
				if (!value) {
					if (i + 1 >= argc)
						return cli_usage(cmd, "option '%s' needs a value", a);
					value = argv[++i];
				}
			} else if (value) {
				return cli_usage(cmd, "option '--%s' takes no value", o->name);
			}
			if (set_opt(cmd, o, value))
				return 2;
			continue;
		}
		if (n >= maxpos)
			return cli_usage(cmd, "unexpected argument '%s'", a);
		pos[n++] = a;
	}
	*npos = n;
	return 0;
}

void cli_print_safe(FILE *f, const char *s)
{
	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_put_safe(&b, s);
	fwrite(b.s, 1, b.len, f);
	mutu_buf_release(&b);
}

/* ---- SIGINT / SIGTERM (cli.h, cli_stop_init) ----
 * The CLI's own state, set once by main() and by the signal handler: the
 * pending signal, the depth of writing sections, and the two lines the
 * handler writes (made beforehand: it may only call write and _exit). */
static atomic_int stop_sig;
static atomic_int writing;
static char stop_line[2][200];
static size_t stop_len[2];

const char *cli_signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}

static void on_stop(int sig)
{
	if (atomic_load(&writing) == 0) {
		int k = sig == SIGTERM;
		ssize_t w = write(STDERR_FILENO, stop_line[k], stop_len[k]);
		(void)w;
		_exit(128 + sig);
	}
	atomic_store(&stop_sig, sig);
}

void cli_stop_init(const char *cmd)
{
	for (int k = 0; k < 2; k++) {
		int n = snprintf(stop_line[k], sizeof stop_line[k],
				 "mutu %.40s: interrupted by %s: no file is left half-written (an output "
				 "not yet written keeps its old content)\n",
				 cmd, k ? "SIGTERM" : "SIGINT");
		stop_len[k] = n < 0 ? 0 : (size_t)n < sizeof stop_line[k] ? (size_t)n : sizeof stop_line[k] - 1;
	}
	atomic_store(&stop_sig, 0);
	atomic_store(&writing, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a wait (gnuplot, standard input) returns to look */
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void cli_write_begin(void)
{
	atomic_fetch_add(&writing, 1);
}

int cli_write_end(void)
{
	atomic_fetch_sub(&writing, 1);
	return atomic_load(&stop_sig);
}

const atomic_int *cli_stop_flag(void)
{
	return &stop_sig;
}

int cli_stopped(const char *cmd, int sig, const char *what)
{
	fprintf(stderr, "mutu %s: interrupted by %s: %s\n", cmd, cli_signal_name(sig), what);
	return 128 + sig;
}

int cli_emit(const char *cmd, const char *out_path, const struct mutu_buf *b, int text)
{
	if (out_path && strcmp(out_path, "-")) {
		struct mutu_err err;
		mutu_err_clear(&err);
		cli_write_begin();
		int rc = mutu_write_file(out_path, b->s, b->len, &err);
		int sig = cli_write_end();
		if (rc)
			return sig ? (cli_fail(cmd, &err), cli_stopped(cmd, sig, "nothing was written"))
				   : cli_fail(cmd, &err);
		fprintf(stderr, "mutu %s: wrote %s\n", cmd, out_path);
		if (sig)
			return cli_stopped(cmd, sig, "after the file was written: it is whole");
		return 0;
	}
	/* text is for a terminal: names from a scenario or a log have their
	 * control characters escaped (json and csv quote their own) */
	if (text)
		cli_print_safe(stdout, b->s ? b->s : "");
	else
		fwrite(b->s, 1, b->len, stdout);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "mutu %s: cannot write the results: %s\n", cmd, strerror(errno));
		return 1;
	}
	return 0;
}

int cli_busy_timeout(const char *cmd, const char *s, int *ms)
{
	*ms = 0;
	if (!s)
		return 0;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > ELOG_BUSY_MAX_MS)
		return cli_usage(cmd, "--busy-timeout '%s': milliseconds from 0 to %d", s, ELOG_BUSY_MAX_MS);
	*ms = v == 0 ? -1 : (int)v;
	return 0;
}

int cli_count(const char *cmd, const char *opt, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return cli_usage(cmd, "%s needs a whole number %d..%d (got '%s')", opt, lo, hi, s);
	*out = (int)v;
	return 0;
}

int cli_fail(const char *cmd, const struct mutu_err *err)
{
	/* messages quote file names, cells and values: escape what a terminal
	 * would act on */
	fprintf(stderr, "mutu %s: ", cmd);
	cli_print_safe(stderr, err && err->msg[0] ? err->msg : "failed");
	fputc('\n', stderr);
	if (!err)
		return 1;
	switch (err->code) {
	case MUTU_EINPUT:
	case MUTU_ENOTFOUND:
	case MUTU_ERANGE:
		return 2;
	default:
		return 1;
	}
}

int cli_format(const char *cmd, const char *given, const char *const *names, int dflt,
	       const char *out_path)
{
	int k = dflt;
	if (given) {
		for (k = 0; names[k] && strcmp(names[k], given); k++)
			;
		if (!names[k]) {
			fprintf(stderr, "mutu %s: --format is ", cmd);
			for (int i = 0; names[i]; i++)
				fprintf(stderr, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ", names[i]);
			fprintf(stderr, " (got '");
			cli_print_safe(stderr, given);
			fprintf(stderr, "')\nTry 'mutu %s --help'.\n", cmd);
			return -1;
		}
	}
	/* --out a folder: said before the run, not by the rename after it
	 * (sim, backtest, forecast; hardening round 4) */
	struct stat st;
	if (out_path && strcmp(out_path, "-") &&
	    ((*out_path && out_path[strlen(out_path) - 1] == '/') || (stat(out_path, &st) == 0 && S_ISDIR(st.st_mode)))) {
		cli_usage(cmd, "--out %s: a folder, not a file: give a file name", out_path);
		return -1;
	}
	/* a workbook is binary: never sent to a terminal or a pipe by default */
	if (!strcmp(names[k], "xlsx") && (!out_path || !strcmp(out_path, "-"))) {
		cli_usage(cmd, "--format xlsx writes an Excel workbook: give --out FILE.xlsx");
		return -1;
	}
	return k;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "mutu %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'mutu %s --help'.\n", cmd);
	return 2;
}

static int exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

const char *cli_data_path(const char *rel, char *buf, size_t size)
{
	if (exists(rel)) {
		snprintf(buf, size, "%s", rel);
		return buf;
	}
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* build/mutu or build/asan/mutu: walk up until REL exists */
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			snprintf(buf, size, "%s/%s", exe, rel);
			if (exists(buf))
				return buf;
		}
	}
	snprintf(buf, size, "%s", rel);
	return buf;
}

const char *cli_calendars_dir(void)
{
	static char buf[4096]; /* CLI-only state: one process, one answer */
	return cal_dir_default(buf, sizeof buf); /* the library's one rule */
}

int cli_dispatch(const char *cmd, int argc, char **argv, const struct cli_sub *subs,
		 void (*usage)(FILE *f))
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
		usage(stdout);
		return 0;
	}
	for (const struct cli_sub *s = subs; s->name; s++)
		if (strcmp(s->name, sub) == 0)
			return s->fn(argc - 1, argv + 1);
	fprintf(stderr, "mutu %s: '%s' is not a %s command (", cmd, sub, cmd);
	for (const struct cli_sub *s = subs; s->name; s++)
		fprintf(stderr, "%s%s", s == subs ? "" : ", ", s->name);
	fprintf(stderr, ")\nTry 'mutu %s --help'.\n", cmd);
	return 2;
}

int cli_isatty_stderr(void)
{
	return isatty(2);
}

int cli_sla_opts(const char *cmd, const char *ceiling, const char *reading, const char *clock_start,
		 const char *models, const char *calendar, struct sla_opts *so)
{
	static char models_buf[4096]; /* CLI-only state: one process, one answer */
	so->models_dir = models ? models : cli_data_path("models", models_buf, sizeof models_buf);
	so->calendars_dir = cli_calendars_dir();
	so->calendar = calendar;
	if (ceiling) {
		if (strcmp(ceiling, "rounded") == 0)
			so->ceiling = SLA_CEIL_ROUNDED;
		else if (strcmp(ceiling, "exact") == 0)
			so->ceiling = SLA_CEIL_EXACT;
		else
			return cli_usage(cmd, "--ceiling must be 'rounded' or 'exact' (got '%s')", ceiling);
	}
	if (reading) {
		if (strcmp(reading, "net") == 0)
			so->reading = CAL_DAY_NET;
		else if (strcmp(reading, "next-day") == 0)
			so->reading = CAL_DAY_NEXT_DAY;
		else
			return cli_usage(cmd, "--day-reading must be 'net' or 'next-day' (got '%s')", reading);
	}
	if (clock_start) {
		char *end;
		long n = strtol(clock_start, &end, 10);
		if (*clock_start == '\0' || *end || n < 1 || n > 100000)
			return cli_usage(cmd, "--clock-start must be a step number (got '%s')", clock_start);
		so->clock_start_step = (int)n;
	}
	return 0;
}

const char *cli_assets_dir(const char *dir)
{
	static char buf[4096]; /* CLI-only state */
	return dir ? dir : cli_data_path("reports", buf, sizeof buf);
}
