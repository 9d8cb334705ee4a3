/*
 * main.c - the mutu binary: git-style subcommands dispatched from one table.
 */
#include <gsl/gsl_errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__ /* defined by the headers above */
#include <malloc.h>
#endif

#include "cli/cli.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} commands[] = {
	{"calendar", cmd_calendar, "working time: between two instants, add a duration, show or list calendars"},
	{"model", cmd_model, "show or check SOP models (declared versus computed totals)"},
	{"sop", cmd_sop, "import an SOP table copied out of Word/PDF into a model"},
	{"sim", cmd_sim, "simulate a staffing scenario (queues, office hours, rework)"},
	{"plan", cmd_plan, "the cheapest staffing that meets a target (share within the SOP, p90, wait)"},
	{"ingest", cmd_ingest, "load an event log (CSV, XES, .xes.gz) into the store (SQLite or PostgreSQL)"},
	{"db", cmd_db, "look inside the store: batches, counts, rejected rows; export it as XES or CSV"},
	{"report", cmd_report, "monthly compliance report (HTML, Markdown, CSV, JSON, XLSX)"},
	{"audit", cmd_audit, "actual versus standard per case and step, with flags"},
	{"calibrate", cmd_calibrate, "estimate a simulation scenario from the store's event log"},
	{"backtest", cmd_backtest, "a scenario beside the log, month by month, inside its 95% range?"},
	{"forecast", cmd_forecast, "which open files will be late: risk, finish date, this month's compliance"},
	{"help", cmd_help, "list the subcommands"},
	{"version", cmd_version, "print the version"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fprintf(f, "usage: mutu <command> [options]   (mutu <command> --help for each)\n\n"
		   "SLA analytics and simulation for DPMPTSP permit SOPs.\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
}

/* `mutu help` lists the commands; `mutu help CMD` is `mutu CMD --help`. */
static int cmd_help(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "help") != 0) {
		for (size_t i = 0; i < NCOMMANDS; i++)
			if (strcmp(commands[i].name, argv[1]) == 0) {
				char *hargv[] = {argv[1], "--help", NULL};
				return commands[i].fn(2, hargv);
			}
		fprintf(stderr, "mutu help: '%s' is not a mutu command. See 'mutu help'.\n", argv[1]);
		return 2;
	}
	usage(stdout);
	return 0;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("mutu %s\n", MUTU_VERSION);
	return 0;
}

int main(int argc, char **argv)
{
	/* Past a file-size limit (ulimit -f) write() then fails with EFBIG,
	 * like ENOSPC on a full disk, and the atomic writer removes its
	 * temporary file; by default SIGXFSZ would kill mutu and leave it. */
	signal(SIGXFSZ, SIG_IGN);
#ifdef __GLIBC__
	/* freed memory stays with the process up to 64 MB instead of going
	 * back to the system at once: a PostgreSQL read frees each fetched
	 * block of rows (megabytes) and allocates the next, and giving the
	 * heap's top back then taking it again (brk, page faults, TLB
	 * flushes) was half the client's CPU of a warm month report of the
	 * 10^7-event store (perf: system time 0.22-0.30 s, 0.08-0.15 s with
	 * this; docs/store.md, "PostgreSQL reading") */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	/* GSL's default error handler aborts the process; the library checks
	 * what GSL returns instead (a crash on bad input loses the user's
	 * work and says nothing useful).  Once, here, for every subcommand:
	 * calibrate had been left out and died in GSL's incomplete gamma. */
	gsl_set_error_handler_off();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		return cmd_help(argc - 1, argv + 1);
	if (strcmp(name, "--version") == 0)
		return cmd_version(argc - 1, argv + 1);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0) {
			/* Ctrl-C / SIGTERM said in one line, never a file left
			 * half-written (cli.h) */
			cli_stop_init(commands[i].name);
			return commands[i].fn(argc - 1, argv + 1);
		}
	fprintf(stderr, "mutu: '%s' is not a mutu command. See 'mutu help'.\n", name);
	return 2;
}
