/*
 * cmd_db.c - `mutu db info|rejected|export`: look inside the store without
 * SQL, and write it back out as an event log (XES or CSV).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cli/cli.h"
#include "mutu/elog.h"
#include "mutu/store.h"

static int db_export(int argc, char **argv);

static const char usage_text[] =
	"usage: mutu db info [--office NAME] [--db STORE]\n"
	"       mutu db rejected [--batch N] [--office NAME] [--db STORE]\n"
	"       mutu db export [--format xes|csv] [--sop ID] [--from DATE --to DATE]\n"
	"                      [--office NAME] [--out FILE|-] [--db STORE]   (mutu db export --help)\n"
	"\n"
	"info      batches (file, time, rows read, stored, rejected, duplicates),\n"
	"          counts, and per SOP the cases, events and date range\n"
	"rejected  the rows an ingest could not read: batch, line, reason, raw row\n"
	"export    the cases as an event log: XES or CSV (options: mutu db export --help)\n"
	"\n"
	"options:\n"
	"  --db STORE  the store: an SQLite file (default: mutu.db in the current\n"
	"              directory) or postgresql://USER@HOST/DB (a password in PGPASSWORD\n"
	"              or ~/.pgpass; written in the location, its @ / ? # : as %40 %2F ...)\n"
	"  --batch N   only the rejected rows of batch N (exit 2 when there is no such batch)\n"
	"  --office NAME  only this office (a province store; default: every office)\n"
	"  --busy-timeout MS  wait up to MS milliseconds (0..600000, default 5000) when\n"
	"              another mutu process is writing to the store\n"
	"\n"
	"Log text (reasons, raw rows) is printed with control characters escaped\n"
	"(ESC as \\x1b), so a log cannot move the cursor or retitle the terminal.\n";

static int sqlfail(const struct mutu_err *err)
{
	/* the store's message already names the store ("store: ...") */
	fprintf(stderr, "mutu db: %s\n", err->msg);
	return 1;
}

static void stamp(int has, int64_t ms, int off, char *buf, size_t size)
{
	if (!has) {
		snprintf(buf, size, "-");
		return;
	}
	elog_format_time(ms, off == STORE_OFF_NONE ? 0 : off, buf, size);
}

static int batch_row(void *ctx, const struct store_batch *b)
{
	int *n = ctx;
	(*n)++;
	printf("  %4lld  %-20s  %9llu %9llu %8llu %8llu %8llu  ", (long long)b->id,
	       b->ingested_at ? b->ingested_at : "", (unsigned long long)b->rows_read,
	       (unsigned long long)b->events_stored, (unsigned long long)b->rejected,
	       (unsigned long long)b->duplicates, (unsigned long long)b->unknown_activities);
	cli_print_safe(stdout, b->file ? b->file : ""); /* file and SOP names come from the user */
	if (b->sop) {
		fputs(" (--sop ", stdout);
		cli_print_safe(stdout, b->sop);
		fputc(')', stdout);
	}
	if (b->office && *b->office) {
		fputs(" (--office ", stdout);
		cli_print_safe(stdout, b->office);
		fputc(')', stdout);
	}
	if (b->superseded_by)
		printf(" [reloaded as batch %lld]", (long long)b->superseded_by);
	printf("\n");
	return 0;
}

static int span_row(void *ctx, const struct store_sop_span *sp)
{
	(void)ctx;
	char a[48], b[48];
	stamp(sp->has_first, sp->first_ms, sp->first_off, a, sizeof a);
	stamp(sp->has_last, sp->last_ms, sp->last_off, b, sizeof b);
	/* the SOP id is the log's (--sop-col): escaped, then padded */
	struct mutu_buf id;
	mutu_buf_init(&id);
	mutu_buf_put_safe(&id, sp->sop ? sp->sop : "(no SOP)");
	printf("  %-36s %7llu %9llu  %-25s  %s\n", id.s, (unsigned long long)sp->cases,
	       (unsigned long long)sp->events, a, b);
	mutu_buf_release(&id);
	return 0;
}

static int info(struct mutu_store *db, const char *path)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	printf("store %s (schema version %d)\n\nbatches:\n", path, store_schema_version(db));
	printf("  %4s  %-20s  %9s %9s %8s %8s %8s  %s\n", "id", "ingested (UTC)", "rows", "stored",
	       "rejected", "dups", "unknown", "file");
	int n = 0;
	if (store_batch_list(db, batch_row, &n, &err) < 0)
		return sqlfail(&err);
	if (!n)
		printf("  (none yet: mutu ingest LOG.csv --db %s)\n", path);

	struct store_counts c;
	if (store_count(db, &c, &err))
		return sqlfail(&err);
	printf("\ntotal: %llu cases, %llu events (%llu flagged unknown), %llu rejected rows, "
	       "%llu activities, %llu actors\n",
	       (unsigned long long)c.cases, (unsigned long long)c.events, (unsigned long long)c.unknown,
	       (unsigned long long)c.rejected, (unsigned long long)c.activities,
	       (unsigned long long)c.actors);

	printf("\nper SOP:\n  %-36s %7s %9s  %-25s  %s\n", "sop", "cases", "events", "first",
	       "last");
	if (store_sop_spans(db, span_row, NULL, &err) < 0)
		return sqlfail(&err);
	return 0;
}

static int rejected_row(void *ctx, const struct store_rejected_row *r)
{
	int *n = ctx;
	(*n)++;
	/* reason and raw row are the log's text: escaped for the terminal */
	printf("batch %lld line %lld: ", (long long)r->batch_id, (long long)r->line);
	cli_print_safe(stdout, r->reason);
	fputs("\n    ", stdout);
	cli_print_safe(stdout, r->raw);
	fputc('\n', stdout);
	return 0;
}

static int rejected(struct mutu_store *db, const char *path, const char *batch)
{
	struct mutu_err err;
	mutu_err_clear(&err);
	int64_t id = batch ? strtoll(batch, NULL, 10) : 0;
	if (batch) {
		/* a batch that does not exist is a user's mistake, not "0 rows" */
		int found = store_batch_exists(db, id, &err);
		if (found < 0)
			return sqlfail(&err);
		if (!found) {
			fprintf(stderr, "mutu db: no batch %lld in %s (see mutu db info)\n", (long long)id, path);
			return 2;
		}
	}
	int n = 0;
	if (store_rejected_list(db, id, rejected_row, &n, &err) < 0)
		return sqlfail(&err);
	printf("%d rejected row%s\n", n, n == 1 ? "" : "s");
	return 0;
}

int cmd_db(int argc, char **argv)
{
	const char *dbpath = "mutu.db", *batch = NULL, *busy = NULL, *office = NULL;
	int help = 0, npos = 0;
	const char *pos[1];
	const struct cli_opt opts[] = {
		{"db", 0, 1, &dbpath, NULL, NULL},
		{"batch", 0, 1, &batch, NULL, NULL},
		{"busy-timeout", 0, 1, &busy, NULL, NULL},
		{"office", 0, 1, &office, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (argc > 1 && strcmp(argv[1], "export") == 0)
		return db_export(argc - 1, argv + 1);
	if (cli_parse("db", argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (npos != 1 || (strcmp(pos[0], "info") != 0 && strcmp(pos[0], "rejected") != 0))
		return cli_usage("db", "give 'info', 'rejected' or 'export'");
	if (batch) {
		char *end;
		errno = 0;
		long long b = strtoll(batch, &end, 10);
		/* ERANGE: 99999999999999999999 read as INT64_MAX was "no batch
		 * 9223372036854775807", a number the user never wrote */
		if (*end || b < 1 || errno == ERANGE || end == batch)
			return cli_usage("db", "--batch '%s': a batch number (see 'mutu db info')", batch);
	}
	int busy_ms = 0;
	if (cli_busy_timeout("db", busy, &busy_ms))
		return 2;
	struct mutu_store *db;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (store_open(dbpath, STORE_READ, busy_ms, &db, &err))
		return cli_fail("db", &err);
	if (store_set_office(db, office, &err) || store_office_check(db, office, &err)) {
		store_close(db);
		return cli_fail("db", &err);
	}
	int rc = strcmp(pos[0], "info") == 0 ? info(db, store_where(db)) : rejected(db, store_where(db), batch);
	store_close(db);
	return rc;
}

/* ---- mutu db export ---------------------------------------------------- */

static const char export_usage[] =
	"usage: mutu db export [--format xes|csv] [--sop ID] [--from DATE --to DATE]\n"
	"                      [--office NAME] [--out FILE|-] [--db STORE]\n"
	"\n"
	"Write the store's cases back out as an event log:\n"
	"  xes  XES (IEEE 1849-2016) with the concept, time, org and lifecycle\n"
	"       extensions: a trace per case, a step with a start and an end as two\n"
	"       events (lifecycle start, complete), every time with the offset it was\n"
	"       logged at; gzip-compressed when FILE ends in .xes.gz\n"
	"  csv  a PM4Py-style flattened CSV (case:concept:name, concept:name,\n"
	"       org:resource, lifecycle:transition, start_timestamp, time:timestamp =\n"
	"       the end, case:ATTR and event attribute columns), RFC 4180 quoting,\n"
	"       values exact (no spreadsheet formula guard: this is input for programs)\n"
	"\n"
	"options:\n"
	"  --format F   xes or csv (default: from the --out name, .xes/.xes.gz/.csv;\n"
	"               csv when writing to standard output)\n"
	"  --sop ID     only the cases of this SOP (as `mutu db info` lists them)\n"
	"  --from DATE  only cases whose first stamp falls on DATE (YYYY-MM-DD) or later,\n"
	"  --to DATE    ... or on DATE or earlier; the day is read at the offset written\n"
	"               on that stamp.  A case is exported whole or not at all, so\n"
	"               consecutive periods split a store without overlap\n"
	"  --office NAME  only this office's cases (a province store; default: every\n"
	"               office, with a warning when there are several: two offices'\n"
	"               case ids may be the same, and the log does not say the office)\n"
	"  --out FILE   where to write (default '-': standard output); the file\n"
	"               appears whole or not at all\n"
	"  --db STORE   the store: an SQLite file (default: mutu.db in the current\n"
	"               directory) or postgresql://USER@HOST/DB\n"
	"\n"
	"What maps to what: README.md, section \"Export\".  Read a CSV export back with\n"
	"  mutu ingest FILE.csv --start-col start_timestamp --end-col time:timestamp\n";

/* the store's offices as store_offices lists them: how many, the first two */
struct offices {
	size_t n;
	char *name[2];
};

static int office_seen(void *ctx, const char *name)
{
	struct offices *o = ctx;
	if (o->n < 2)
		o->name[o->n] = mutu_strdup(name ? name : "");
	o->n++;
	return 0;
}

static void offices_free(struct offices *o)
{
	free(o->name[0]);
	free(o->name[1]);
	o->name[0] = o->name[1] = NULL;
}

static int db_export(int argc, char **argv)
{
	const char *cmd = "db export";
	const char *dbpath = "mutu.db", *format = NULL, *sop = NULL, *from = NULL, *to = NULL;
	const char *out_path = "-", *office = NULL;
	int help = 0, npos = 0;
	const char *pos[1];
	const struct cli_opt opts[] = {
		{"db", 0, 1, &dbpath, NULL, NULL},
		{"office", 0, 1, &office, NULL, NULL},
		{"format", 'f', 1, &format, NULL, NULL},
		{"sop", 0, 1, &sop, NULL, NULL},
		{"from", 0, 1, &from, NULL, NULL},
		{"to", 0, 1, &to, NULL, NULL},
		{"out", 'o', 1, &out_path, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 0, &npos, &help))
		return 2;
	if (help) {
		fputs(export_usage, stdout);
		return 0;
	}
	struct elog_export_opts eo;
	elog_export_opts_init(&eo);
	enum elog_export_format by_name = ELOG_EXPORT_CSV;
	int gz = 0;
	int named = strcmp(out_path, "-") != 0 && elog_export_format_for(out_path, &by_name, &gz);
	if (format) {
		if (strcmp(format, "xes") == 0)
			eo.format = ELOG_EXPORT_XES;
		else if (strcmp(format, "csv") == 0)
			eo.format = ELOG_EXPORT_CSV;
		else
			return cli_usage(cmd, "--format is xes or csv (got '%s')", format);
		if (named && by_name != eo.format)
			return cli_usage(cmd, "--out %s names another format than --format %s", out_path,
					 format);
	} else if (named) {
		eo.format = by_name;
	} else if (strcmp(out_path, "-") != 0) {
		return cli_usage(cmd, "--out %s: give --format xes or csv (the name does not end in "
				 ".xes, .xes.gz or .csv)", out_path);
	}
	eo.gzip = gz && eo.format == ELOG_EXPORT_XES;
	eo.sop = sop;
	eo.from = from;
	eo.to = to;

	struct mutu_store *db;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (store_open(dbpath, STORE_READ, 0, &db, &err))
		return cli_fail(cmd, &err);
	/* every office's cases in one log: the cases' offices are not written
	 * (XES and PM4Py's CSV have no such field), so two offices' K1 read
	 * back as one case; say so, and how to export them apart */
	struct offices offs = {0, {NULL, NULL}};
	if (store_set_office(db, office, &err) || store_office_check(db, office, &err) || (!office && store_offices(db, office_seen, &offs, &err) < 0)) {
		store_close(db);
		offices_free(&offs);
		return cli_fail(cmd, &err);
	}
	struct mutu_out out;
	struct elog_export_result res;
	/* a writing section (cli.h): a Ctrl-C stops the export between cases
	 * and the temporary file is removed */
	eo.cancel = cli_stop_flag();
	cli_write_begin();
	int rc = mutu_out_open(&out, out_path, &err);
	if (!rc) {
		rc = elog_export(db, &eo, out.f, &res, &err);
		if (rc)
			mutu_out_abort(&out);
		else
			rc = mutu_out_commit(&out, &err);
	}
	int sig = cli_write_end();
	store_close(db);
	if (sig) {
		offices_free(&offs);
		return cli_stopped(cmd, sig, rc ? "nothing was written; a file at the output's name is as it was"
						: "after the export was written: it is whole");
	}
	if (rc) {
		offices_free(&offs);
		return cli_fail(cmd, &err);
	}
	/* stdout may carry the log itself: the summary goes to stderr */
	fprintf(stderr, "mutu db export: %llu cases, %llu events (%llu %s) -> %s\n",
		(unsigned long long)res.cases, (unsigned long long)res.events,
		(unsigned long long)res.entries, eo.format == ELOG_EXPORT_XES ? "XES events" : "rows",
		strcmp(out_path, "-") == 0 ? "standard output" : out_path);
	if (!res.cases)
		fprintf(stderr, "mutu db export: warning: no case matched%s%s%s%s%s%s%s%s; the log is empty\n",
			sop ? " --sop " : "", sop ? sop : "", from ? " --from " : "", from ? from : "",
			to ? " --to " : "", to ? to : "", office ? " --office " : "", office ? office : "");
	if (offs.n > 1) {
		fprintf(stderr, "mutu db export: warning: the store holds %zu offices ('", offs.n);
		cli_print_safe(stderr, offs.name[0]);
		fputs("', '", stderr);
		cli_print_safe(stderr, offs.name[1]);
		fprintf(stderr, "'%s) and the log does not name a case's office: a case id two offices "
			"share reads back as one case; export each office with --office NAME\n",
			offs.n > 2 ? ", ..." : "");
	}
	offices_free(&offs);
	if (res.replaced_chars)
		fprintf(stderr, "mutu db export: warning: %llu control characters XML cannot hold written "
			"as U+FFFD\n", (unsigned long long)res.replaced_chars);
	if (res.skipped_attrs)
		fprintf(stderr, "mutu db export: warning: %llu stored attributes not written: their key "
			"(concept:name, time:timestamp, org:resource, lifecycle:transition, step, status, sop) "
			"is one mutu writes from the event itself\n", (unsigned long long)res.skipped_attrs);
	return 0;
}
