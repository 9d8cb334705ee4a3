/*
 * cli.h - what the subcommands share: option parsing, turning library
 * errors into messages and exit codes, and finding the bundled data.
 * Only the CLI prints; exit status 0 ok, 1 failure, 2 bad usage or input.
 */
#ifndef MUTU_CLI_H
#define MUTU_CLI_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>

#include "mutu/base.h"

/* The version `mutu version` prints and reports carry in their footer. */
#define MUTU_VERSION "0.1.0"

/* Subcommand entry points: argv[0] is the subcommand name. */
int cmd_calendar(int argc, char **argv);
int cmd_model(int argc, char **argv);
int cmd_sop(int argc, char **argv);
int cmd_sim(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_calibrate(int argc, char **argv);
int cmd_backtest(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_forecast(int argc, char **argv);

/* One option: "--name" (or "-n" when shortname set).  With a value
 * (takes_value) *value receives argv's borrowed string; a flag sets *flag = 1.
 * repeat: when not NULL, every occurrence is appended (borrowed strings). */
struct cli_opt {
	const char *name;   /* without the leading "--" */
	char shortname;     /* 0 when none */
	int takes_value;
	const char **value;
	int *flag;
	struct cli_list *repeat;
};

struct cli_list {
	const char *items[64];
	int n;
};

/*
 * Parse argv[1..] against opts.  Positional arguments go to pos (at most
 * maxpos; *npos receives the count).  "--help"/"-h" sets *help.  Returns 0,
 * or 2 after printing "mutu CMD: ..." for an unknown option, a missing
 * value or too many arguments.
 */
int cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int maxpos, int *npos, int *help);

/* Print "mutu CMD: MESSAGE" and return the exit code for err (2 for
 * MUTU_EINPUT / MUTU_ENOTFOUND / MUTU_ERANGE, 1 otherwise). */
int cli_fail(const char *cmd, const struct mutu_err *err);

/* Print "mutu CMD: MESSAGE\nTry 'mutu CMD --help'." and return 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Path of bundled data: REL (e.g. "datasets/calendars") relative to the
 * working directory when it exists there, else relative to the folder
 * above the binary (build/mutu -> repo root).  Returns buf. */
const char *cli_data_path(const char *rel, char *buf, size_t size);

/* Calendars folder: cal_dir_default (one rule for the CLI and the library). */
const char *cli_calendars_dir(void);

/* A group's sub-subcommands ("calendar between", "model check", ...). */
struct cli_sub {
	const char *name;
	int (*fn)(int argc, char **argv); /* argv[0] is the sub-subcommand */
};

/*
 * Run the entry of subs (terminated by a NULL name) named by argv[1].
 * "--help", "-h" and "help" print usage to stdout and return 0; a missing
 * or unknown name prints usage (or the known names) to stderr and returns 2.
 */
int cli_dispatch(const char *cmd, int argc, char **argv, const struct cli_sub *subs,
		 void (*usage)(FILE *f));

struct sla_opts;

/* The SLA options shared by `report` and `audit` (--ceiling rounded|exact,
 * --day-reading net|next-day, --clock-start N, --models DIR, --calendar
 * NAME); NULL strings keep *so's defaults, except that the models and
 * calendars folders default to the bundled ones.  The strings are
 * borrowed: they must outlive *so.  Returns 0, or 2 after printing the
 * usage error. */
int cli_sla_opts(const char *cmd, const char *ceiling, const char *reading,
		 const char *clock_start, const char *models, const char *calendar,
		 struct sla_opts *so);

/* The report assets folder (report.css, gnuplot/): dir when given, else
 * the bundled reports/ (cli_data_path). */
const char *cli_assets_dir(const char *dir);

/* --busy-timeout MS (commands that open the store): 0..ELOG_BUSY_MAX_MS
 * (600000, ten minutes); NULL keeps the default (5000).  *ms receives
 * the value elog_store_open_ex takes (0 default, -1 for "do not wait").
 * Returns 0, or 2 after printing the usage error. */
int cli_busy_timeout(const char *cmd, const char *s, int *ms);

/* A whole-number option (--replications, --threads, --screen ...): s must be
 * a decimal integer in lo..hi (the caller states the range; hi fits an
 * int).  *out receives it.  Returns 0, or 2 after printing "OPT needs a
 * whole number LO..HI (got 'S')" with the usage hint. */
int cli_count(const char *cmd, const char *opt, const char *s, int lo, int hi, int *out);

/* The help line shared by the commands that take --busy-timeout. */
#define CLI_BUSY_HELP \
	"  --busy-timeout MS  wait up to MS milliseconds (0..600000, default 5000) when\n" \
	"                   another mutu process is writing to the store\n"

/* Print s to f with control characters escaped (mutu_buf_put_safe): for
 * any text that comes from a log, a file or the user. */
void cli_print_safe(FILE *f, const char *s);

/* Send a command's document where it goes: to out_path through the
 * atomic writer ("mutu CMD: wrote PATH" on stderr), or, when out_path is
 * NULL or "-", to stdout -- text (text != 0) with control characters
 * escaped as cli_print_safe does, json/csv as they are -- and flushed.
 * Returns 0, or the exit status after saying what failed (128 + the
 * signal when SIGINT / SIGTERM came while the file was written: it is
 * then whole at its name, and said so). */
int cli_emit(const char *cmd, const char *out_path, const struct mutu_buf *b, int text);

/*
 * --format: the index of given in names (NULL-terminated, borrowed), or
 * dflt when given is NULL.  "xlsx" (a binary workbook) needs --out FILE:
 * never a terminal or a pipe.  Returns -1 after the usage message
 * ("--format is text, json or xlsx (got 'x')"); the caller returns 2.
 */
int cli_format(const char *cmd, const char *given, const char *const *names, int dflt,
	       const char *out_path);

/*
 * SIGINT and SIGTERM (Ctrl-C, kill, timeout, a service manager).  main()
 * calls cli_stop_init for every command (ingest puts its own handler in
 * place for the ingest itself).  Outside a writing section nothing of
 * mutu's is half-done -- files appear at their names only whole (the
 * atomic writer), store writes are transactions -- so the handler says
 * so in one line and exits 128 + the signal at once.  Between
 * cli_write_begin and cli_write_end temporary files exist: the signal is
 * only noted in cli_stop_flag(), which the library reads where it can
 * stop early (a report's gnuplot, elog_opts.cancel) and then removes what
 * it began; cli_write_end returns the signal (0 none), and the command
 * says what it wrote and returns 128 + it (cli_stopped).  Before
 * (hardening round 4) `report` and `sim` died without a word and left
 * their temporary files and folders beside the outputs.
 */
void cli_stop_init(const char *cmd);
void cli_write_begin(void);
int cli_write_end(void);
/* The noted signal, 0 none: a flag a signal handler sets (elog_opts.cancel,
 * rpt_opts.cancel take it). */
const atomic_int *cli_stop_flag(void);
/* Print "mutu CMD: interrupted by SIGINT: WHAT" and return 128 + sig. */
int cli_stopped(const char *cmd, int sig, const char *what);
/* "SIGINT", "SIGTERM", else "a signal": the name the stop messages give. */
const char *cli_signal_name(int sig);

/* Is the stream a terminal (for progress output)? */
int cli_isatty_stderr(void);

struct sim_scenario;
struct fc_forecast;

/* The files of sc's SOPs open at --as-of (as_of_s; NULL: the latest event
 * of those SOPs in the store) in the store db_path (cmd_forecast.c): for
 * `mutu forecast` and `mutu sim --from-db`.  *out owns them (free with
 * fc_forecast_free).  Returns 0, or the exit code after printing why. */
int cli_backlog_read(const char *cmd, const char *db_path, const char *as_of_s, int busy_ms,
		     const struct sim_scenario *sc, struct fc_forecast **out);

#endif /* MUTU_CLI_H */
