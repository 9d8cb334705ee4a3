/*
 * cmd_ingest.c - `mutu ingest LOG.csv`: load an event log into the store
 * and say what happened to every row.
 *
 * SIGINT and SIGTERM (Ctrl-C, kill, timeout, a service manager stopping
 * it) are caught for the ingest: the handler sets `interrupted`, the flag
 * this command owns and hands the library (elog_opts.cancel), which stops
 * between records and rolls the batch back.  The command then says what
 * was kept and exits 128 + the signal (130, 143) as shells expect.  Before
 * (hardening round 3) the signal killed mutu with no word; the store was
 * whole, but the user was not told so.  A second signal a second or more
 * after the first kills at once (the user insists): the transaction keeps
 * the store whole then too.  One sooner is the same request: timeout(1)
 * sends its signal twice, to mutu and to its process group, microseconds
 * apart.  With SA_RESETHAND that second copy killed the ingest halfway
 * through its rollback whenever the handler had run in between: no word,
 * and a first ingest's new store left behind with a hot journal (CI,
 * test_hardening5).
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "mutu/elog.h"
#include "mutu/store.h"

/* the help text below states the record limit */
_Static_assert(ELOG_MAX_RECORD == (16u << 20), "cmd_ingest help says 16 MiB");

static const char usage_text[] =
	"usage: mutu ingest LOG.csv|LOG.xes|LOG.xes.gz|- [--db STORE] [--sop ID | --sop-col NAME] [options]\n"
	"\n"
	"Load an event log (CSV or XES) into the store.  The store is mutu.db in the\n"
	"current directory unless --db names another (a SQLite file, or a PostgreSQL\n"
	"store: postgresql://USER@HOST/DB or postgres:///DB?host=/socket/dir); a SQLite\n"
	"file is created when missing.\n"
	"'-' reads the log from standard input (named <stdin> in the store).\n"
	"Every row ends up stored, rejected (with its line and reason: see\n"
	"'mutu db rejected') or counted as a duplicate of an event already stored.\n"
	"Loading the same file again does nothing (--force reloads it as a new batch).\n"
	"\n"
	"Columns are found by their header names, ignoring case, blanks, '_', '-'\n"
	"and '.', so these exports are read as they are:\n"
	"  mutu      case_id, sop, step, activity, actor, start, end\n"
	"  SiCANTIK  no_permohonan, jenis_izin, nama_proses, diproses_oleh,\n"
	"            start_date, end_date, status\n"
	"  PM4Py     case:concept:name, concept:name, org:resource,\n"
	"            lifecycle:transition, time:timestamp, case:* attributes; an\n"
	"            interval log (start_timestamp beside time:timestamp) gives one\n"
	"            step execution per row, time:timestamp being its completion\n"
	"  bupaR     case_id, activity_id, resource_id, lifecycle_id, timestamp\n"
	"            (eventlog); start, complete (activitylog)\n"
	"  Disco     Case ID, Activity, Resource, Start Timestamp, Complete Timestamp\n"
	"            (also Start Date, End Date); stamps like 2025/03/03 08:00:00.000\n"
	"            carry no zone: give --tz\n"
	"  Celonis   _CASE_KEY, ACTIVITY_EN, EVENTTIME\n"
	"  offices   No Permohonan (No. Berkas), Kegiatan (Tahapan), Pelaksana\n"
	"            (Petugas, Nama Petugas), Mulai, Selesai; a date and its time of\n"
	"            day in two columns (Tanggal Mulai + Jam Mulai, Date + Time) are\n"
	"            one stamp; a Status of Mulai / Selesai starts / completes a step\n"
	"Another layout: name its columns with the --*-col options below.  The\n"
	"summary says which column got which role, which time-like columns were left\n"
	"as attributes, and warns about a column of date-times that nothing uses.\n"
	"Other columns are kept as case attributes (case:* and submitted/decided/deadline\n"
	"dates) or event attributes, except personal data (NIK, KTP, NPWP, phone/HP/WA,\n"
	"contact, e-mail, address, birth date, a person's name), which is dropped and\n"
	"reported, and blanked in the raw text of rejected rows.\n"
	"XES logs (IEEE 1849: PM4Py, ProM, Disco, bupaR, Celonis), plain or .xes.gz, are\n"
	"recognised by their content: trace concept:name is the case, event concept:name\n"
	"the activity, time:timestamp, org:resource, lifecycle:transition; other trace and\n"
	"event attributes are kept with their XES type (list/container as JSON); global\n"
	"defaults fill missing attributes (not concept:name, time:timestamp, org:resource).\n"
	"The --*-col options name other XES keys (--case-col a trace key).\n"
	"Time stamps: ISO 8601, extended (2025-03-03T08:05:00+08:00) or basic\n"
	"(20250303T080500+0800), offsets from -12:00 to +14:00.  Second 60 (a leap\n"
	"second) is read as second 59 and named in the summary.  An empty line is\n"
	"skipped and counted; a line of blanks is rejected as 'blank row'; a line that\n"
	"repeats the header (exports joined into one file) is skipped and counted.  A record\n"
	"longer than 16 MiB is rejected as 'record too long' (with its line) without\n"
	"being read into memory, and the rows after it are loaded.\n"
	"\n"
	"options:\n"
	"  --db STORE           the store: a SQLite file (default: mutu.db in the current\n"
	"                       directory) or a postgresql:// location\n"
	"  --sop ID             every row belongs to SOP model ID (MODELS/ID.ini)\n"
	"  --sop-col NAME       the column that names each row's SOP (id or permit name)\n"
	"  --models DIR         where SOP models live (default: models)\n"
	"  --sep C              field separator: , ; | or tab (default: detected)\n"
	"  --date-format FMT    stamps not in ISO 8601, e.g. '%d/%m/%Y %H:%M' (%d %m %Y %y\n"
	"                       %H %I %M %S %f %p %z); day/month order is never guessed;\n"
	"                       %b a month name: '%d %b %Y %H.%M' reads 9 Mei 2025 09.00;\n"
	"                       %p AM/PM: '%m/%d/%Y %I:%M:%S %p' reads 6/3/2025 1:15:00 PM\n"
	"  --tz ZONE            zone of stamps without an offset: WIB, WITA, WIT, +08:00\n"
	"                       (default: the SOP calendar's zone), or a tzdata name\n"
	"                       with daylight saving: Europe/Amsterdam\n"
	"  --map FILE           CSV of activity,step: how the log's activities map to steps\n"
	"                       (',' ';' or tab: the step is the number after the\n"
	"                       last one; a step the SOP model does not have is refused)\n"
	"  --case-col NAME --activity-col NAME --step-col NAME --start-col NAME\n"
	"  --end-col NAME --timestamp-col NAME --resource-col NAME --lifecycle-col NAME\n"
	"                       name the columns when the header uses other names\n"
	"  --drop-col NAME      drop another personal column (repeatable)\n"
	"  --force              reload a file already ingested (replaces its earlier batch)\n"
	"  --threads N          1 = parse and write in one thread (default 2)\n"
	"  --office NAME        the office the log's cases belong to (1-100 bytes, no\n"
	"                       control characters; default: none, a store of one office)\n"
	"  --busy-timeout MS    wait up to MS milliseconds (0..600000, default 5000) when\n"
	"                       another mutu process is writing to the store\n"
	"  --quiet              no summary, only errors\n"
	"\n"
	"Exit status: 0 loaded (or already loaded), 1 failure (store untouched),\n"
	"2 bad usage or a file that cannot be an event log (nothing written),\n"
	"130 / 143 stopped by SIGINT (Ctrl-C) / SIGTERM (nothing of the batch kept).\n";

struct progress {
	int shown;
};

/* The signal that asked the ingest to stop, 0 none: the CLI's own flag
 * (a lock-free atomic, so the handler may set it and any thread read it). */
static atomic_int interrupted;
/* when it was set, in CLOCK_MONOTONIC milliseconds (the handler's own) */
static atomic_llong interrupted_ms;
_Static_assert(ATOMIC_LLONG_LOCK_FREE == 2, "the signal handler needs a lock-free 64-bit atomic");

/* the repeat within which a second signal is the first one again (timeout's
 * two copies arrive within microseconds; a person's second Ctrl-C after
 * seeing nothing happen takes longer) */
#define REPEAT_MS 1000

static void on_signal(int sig)
{
	/* clock_gettime, signal and raise are async-signal-safe (POSIX) */
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	long long now = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (atomic_load(&interrupted) == 0) {
		atomic_store(&interrupted_ms, now);
		atomic_store(&interrupted, sig);
		return;
	}
	if (now - atomic_load(&interrupted_ms) < REPEAT_MS)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* SIGINT and SIGTERM set `interrupted` from here to the end of the
 * command; no SA_RESTART, so a wait on standard input (or a write to a
 * full pipe) returns and sees it.  Not given back to the CLI's handler
 * after the ingest: that one exits at once with its "no file is left
 * half-written", so a signal just after the commit (timeout's second copy,
 * or one while the summary waited on a pipe) ended in exit 130 without the
 * word that the batch was kept -- exit 130 that the help reads as "nothing
 * of the batch kept" (test_hardening5, "a signal after the commit"). */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static void on_progress(void *ctx, uint64_t done, uint64_t total, uint64_t lines)
{
	struct progress *p = ctx;
	p->shown = 1;
	fprintf(stderr, "\ringest: %3.0f%%  %llu lines",
		total ? 100.0 * (double)done / (double)total : 0.0, (unsigned long long)lines);
	fflush(stderr);
}

int cmd_ingest(int argc, char **argv)
{
	const char *db = "mutu.db", *sep = NULL, *threads = NULL, *busy = NULL;
	int force = 0, help = 0, quiet = 0, npos = 0;
	const char *pos[1];
	struct elog_opts o;
	elog_opts_init(&o);
	struct cli_list drops = {.n = 0};
	const struct cli_opt opts[] = {
		{"db", 0, 1, &db, NULL, NULL},
		{"sop", 0, 1, &o.sop_id, NULL, NULL},
		{"sop-col", 0, 1, &o.sop_col, NULL, NULL},
		{"models", 0, 1, &o.models_dir, NULL, NULL},
		{"sep", 0, 1, &sep, NULL, NULL},
		{"date-format", 0, 1, &o.date_format, NULL, NULL},
		{"tz", 0, 1, &o.tz, NULL, NULL},
		{"map", 0, 1, &o.map_path, NULL, NULL},
		{"case-col", 0, 1, &o.col[ELOG_COL_CASE], NULL, NULL},
		{"activity-col", 0, 1, &o.col[ELOG_COL_ACTIVITY], NULL, NULL},
		{"step-col", 0, 1, &o.col[ELOG_COL_STEP], NULL, NULL},
		{"start-col", 0, 1, &o.col[ELOG_COL_START], NULL, NULL},
		{"end-col", 0, 1, &o.col[ELOG_COL_END], NULL, NULL},
		{"timestamp-col", 0, 1, &o.col[ELOG_COL_TIMESTAMP], NULL, NULL},
		{"resource-col", 0, 1, &o.col[ELOG_COL_ACTOR], NULL, NULL},
		{"lifecycle-col", 0, 1, &o.col[ELOG_COL_LIFECYCLE], NULL, NULL},
		{"drop-col", 0, 1, NULL, NULL, &drops},
		{"force", 0, 0, NULL, &force, NULL},
		{"threads", 0, 1, &threads, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{"office", 0, 1, &o.office, NULL, NULL},
		{"quiet", 'q', 0, NULL, &quiet, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse("ingest", argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (npos != 1)
		return cli_usage("ingest", "give one log file (CSV or XES), or - for standard input");
	if (cli_busy_timeout("ingest", busy, &o.busy_ms))
		return 2;
	const char *shown = strcmp(pos[0], "-") == 0 ? "<stdin>" : pos[0];
	if (sep) {
		if (strcmp(sep, "tab") == 0 || strcmp(sep, "\\t") == 0 || strcmp(sep, "TAB") == 0)
			o.sep = '\t';
		else if (strlen(sep) == 1)
			o.sep = sep[0];
		else
			return cli_usage("ingest", "--sep '%s': one character, or 'tab'", sep);
	}
	if (threads) {
		char *end;
		long t = strtol(threads, &end, 10);
		if (*end || t < 1 || t > 2)
			return cli_usage("ingest", "--threads '%s': 1 or 2", threads);
		o.threads = (int)t;
	}
	char models[4096];
	if (!o.models_dir)
		o.models_dir = cli_data_path("models", models, sizeof models);
	o.calendars_dir = cli_calendars_dir();
	o.drop_cols = drops.items;
	o.ndrop = (size_t)drops.n;
	o.force = force;
	struct progress pr = {0};
	if (cli_isatty_stderr() && !quiet) {
		o.progress = on_progress;
		o.progress_ctx = &pr;
	}

	/* process-wide settings of the store's libraries (SQLite's memory
	 * statistics off): the CLI decides them, once, before any thread */
	store_process_init();
	struct elog_result res;
	elog_result_init(&res);
	struct mutu_err err;
	mutu_err_clear(&err);
	atomic_store(&interrupted, 0);
	o.cancel = &interrupted;
	catch_signals();
	int rc = elog_ingest(db, pos[0], &o, &res, &err);
	int sig = atomic_load(&interrupted);
	if (pr.shown)
		fprintf(stderr, "\r%40s\r", "");
	if (rc && sig) {
		/* the library's word (where it stopped) when it was the stop,
		 * else what failed meanwhile; either way rolled back */
		if (rc == MUTU_ECANCEL) {
			fputs("mutu ingest: ", stderr);
			cli_print_safe(stderr, err.msg);
			fputc('\n', stderr);
		} else {
			cli_fail("ingest", &err);
		}
		fprintf(stderr, "mutu ingest: interrupted by %s: nothing of ", cli_signal_name(sig));
		cli_print_safe(stderr, shown);
		fprintf(stderr, " was kept; the store %s holds what it held before (run the same "
				"command again to ingest it)\n", db);
		elog_result_release(&res);
		return 128 + sig;
	}
	if (rc) {
		elog_result_release(&res);
		return cli_fail("ingest", &err);
	}
	if (res.noop) {
		printf("%s: already ingested as batch %lld on %s (same SHA-256 %.12s...); nothing to "
		       "do (--force reloads it)\n",
		       shown, (long long)res.batch_id, res.prev_at, res.sha256);
		elog_result_release(&res);
		return 0;
	}
	if (!quiet) {
		/* notes quote the log (activities, column names): escaped; a note
		 * that starts "warning: " is one (elog.c names idle date columns so) */
		for (size_t i = 0; i < res.notes.n; i++) {
			if (strncmp(res.notes.items[i], "warning: ", 9) != 0)
				fputs("note: ", stdout);
			cli_print_safe(stdout, res.notes.items[i]);
			fputc('\n', stdout);
		}
		if (res.dropped) {
			fputs("dropped personal columns: ", stdout);
			cli_print_safe(stdout, res.dropped);
			fputs(" (use --drop-col for more)\n", stdout);
		}
		printf("batch %lld: ", (long long)res.batch_id);
		cli_print_safe(stdout, shown);
		printf(" into %s\n", db);
		printf("  rows read       %llu\n", (unsigned long long)res.rows_read);
		printf("  events stored   %llu (%llu new cases)\n",
		       (unsigned long long)res.events_stored, (unsigned long long)res.cases_new);
		printf("  rejected        %llu\n", (unsigned long long)res.rejected);
		for (size_t i = 0; i < res.nreasons; i++)
			printf("    %-26s %llu\n", res.reasons[i].reason,
			       (unsigned long long)res.reasons[i].n);
		printf("  duplicates      %llu\n", (unsigned long long)res.duplicates);
		if (res.empty_lines)
			printf("  empty lines     %llu skipped (not rows; a line of blanks is a row, "
			       "rejected as 'blank row')\n",
			       (unsigned long long)res.empty_lines);
		if (res.header_again)
			printf("  header repeated %llu line(s) skipped (the header again: not rows)\n",
			       (unsigned long long)res.header_again);
		if (res.no_event)
			printf("  no-event lines  %llu skipped (titles, rows of separators: not rows)\n",
			       (unsigned long long)res.no_event);
		printf("  unknown activities %llu (stored, flagged)\n",
		       (unsigned long long)res.unknown_events);
		if (res.superseded_events)
			printf("  replaced        %llu events of the earlier load of this file\n",
			       (unsigned long long)res.superseded_events);
		if (res.rejected)
			printf("see them with: mutu db rejected --batch %lld --db %s\n",
			       (long long)res.batch_id, db);
	}
	long long batch = (long long)res.batch_id;
	elog_result_release(&res);
	/* the summary out now, not in exit(): a write blocked on a full pipe
	 * returns on the signal here, where it is still seen */
	fflush(stdout);
	sig = atomic_load(&interrupted);
	if (sig) {
		/* during the commit or after it: too late to stop, the batch is whole */
		fprintf(stderr, "mutu ingest: interrupted by %s after batch %lld was committed: it is "
				"kept whole\n", cli_signal_name(sig), batch);
		return 128 + sig;
	}
	return 0;
}
