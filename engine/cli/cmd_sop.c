/*
 * cmd_sop.c - `mutu sop import`: an SOP table copied out of Word or PDF
 * (tab-separated text) into a model INI file.
 *
 *   mutu sop import TABLE.txt [-o MODEL.ini] [--id ID] [--calendar NAME] [--force]
 *
 * Warnings (an actor written as ?, debris that contradicts the text, a
 * missing total line) go to stderr; so do the model's findings (declared
 * total versus the sum of the steps).  The model goes to stdout or -o.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "mutu/cal.h"
#include "mutu/sop.h"

static void usage_main(FILE *f)
{
	fprintf(f,
		"usage: mutu sop import TABLE.txt [-o MODEL.ini] [--id ID] [--calendar NAME]\n"
		"\n"
		"Turn an SOP table copied out of a Word or PDF document (tab-separated,\n"
		"as it comes out of the clipboard), saved from a spreadsheet as CSV\n"
		"(';' or ','), or saved as HTML (a web page, Word's 'Save as HTML'),\n"
		"into a model (see 'mutu model --help').  UTF-16 ('Unicode Text') and\n"
		"Windows-1252 files are read as such.  One SOP table per file.\n"
		"\n"
		"The importer finds the header rows (actor names), the Waktu of each row\n"
		"(the cell that reads as a duration), the \"Jumlah Waktu\" line (the\n"
		"declared total), and weighs every clue for each step's pelaksana: the\n"
		"marker in its column, the actor named in the activity, routing notes in\n"
		"the row before (\"Berkas dirouting ke Kabid\"), and the applicant at both\n"
		"ends.  When the clues are missing or disagree it writes actor = ? and\n"
		"says so: review those steps before using the model.\n"
		"\n"
		"  -o, --output FILE     write the model here (default: stdout)\n"
		"      --force           overwrite FILE if it exists\n"
		"      --id ID           model id (default: from the title, e.g. izin-insidentil)\n"
		"  -c, --calendar NAME   the office's calendar: id-wib, id-wita or id-wit\n"
		"                        (default id-wib, with a warning: tables name no zone)\n"
		"\n"
		"exit: 0 written, 1 written but it needs edits before it loads (e.g. a\n"
		"step with no Waktu), 2 bad usage or no SOP table in the file\n"
		"example: mutu sop import sop-izin.txt --calendar id-wita -o models/izin.ini\n");
}

static int write_file(const char *path, const char *text, struct mutu_err *err)
{
	/* atomic: a failed write never leaves half a model behind; a
	 * writing section (cli.h): a Ctrl-C meanwhile comes after it */
	cli_write_begin();
	int rc = mutu_write_file(path, text, strlen(text), err);
	int sig = cli_write_end();
	if (sig)
		exit(cli_stopped("sop import", sig, rc ? "nothing was written" : "after the model was written: it is whole"));
	return rc;
}

static int cmd_import(int argc, char **argv)
{
	const char *cmd = "sop import";
	const char *output = NULL, *id = NULL, *calendar = NULL, *pos[1];
	int npos = 0, help = 0, force = 0;
	struct cli_opt opts[] = {
		{"output", 'o', 1, &output, NULL, NULL},
		{"id", 0, 1, &id, NULL, NULL},
		{"calendar", 'c', 1, &calendar, NULL, NULL},
		{"force", 0, 0, NULL, &force, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		usage_main(stdout);
		return 0;
	}
	if (npos != 1)
		return cli_usage(cmd, "needs one table file (tab-separated text copied out of the SOP document)");
	if (id && !sop_id_valid(id))
		return cli_usage(cmd, "--id %s: use lowercase letters, digits and '-'", id);
	struct mutu_err err;
	mutu_err_clear(&err);
	/* the calendar's net day: what "½ hari" in the table is half of */
	int day_minutes = 0;
	if (calendar) {
		struct cal *c = NULL;
		if (cal_load(calendar, cli_calendars_dir(), &c, &err))
			return cli_usage(cmd, "--calendar %s: %s", calendar, err.msg);
		day_minutes = cal_day_minutes(c);
		cal_free(c);
	}
	if (output && !force && access(output, F_OK) == 0)
		return cli_usage(cmd, "%s exists; use --force to overwrite it (a reviewed model would be lost)",
				 output);
	size_t len;
	char *text = mutu_read_file(pos[0], &len, &err);
	if (!text)
		return cli_fail(cmd, &err);
	const char *base = strrchr(pos[0], '/');
	base = base ? base + 1 : pos[0];
	struct sop_import_opts io = {id, calendar, day_minutes};
	struct mutu_notes warn;
	mutu_notes_init(&warn);
	struct sop_model *m = NULL;
	int rc = sop_import_with(text, len, base, &io, &m, &warn, &err);
	free(text);
	for (size_t i = 0; i < warn.n; i++)
		fprintf(stderr, "mutu %s: warning: %s\n", cmd, warn.items[i]);
	mutu_notes_release(&warn);
	if (rc)
		return cli_fail(cmd, &err);

	struct mutu_buf b;
	mutu_buf_init(&b);
	mutu_buf_printf(&b, "; SOP model imported by 'mutu sop import' from %s.\n"
			    "; Review every actor = ? and the notes, then run 'mutu model check'.\n",
			base);
	sop_model_to_ini(m, &b);

	/* does what we write load back?  (a step with no Waktu does not) */
	int status = 0;
	struct sop_model *back = NULL;
	struct mutu_err lerr;
	mutu_err_clear(&lerr);
	if (sop_model_parse(b.s, b.len, output ? output : "(stdout)", &back, &lerr)) {
		fprintf(stderr, "mutu %s: the model needs editing before it loads: %s\n", cmd, lerr.msg);
		status = 1;
	} else {
		struct cal *c = NULL;
		int dm = 450;
		struct mutu_err cerr;
		mutu_err_clear(&cerr);
		if (cal_load(back->calendar, cli_calendars_dir(), &c, &cerr) == 0) {
			dm = cal_day_minutes(c);
			cal_free(c);
		}
		struct mutu_notes f;
		mutu_notes_init(&f);
		sop_model_check(back, dm, &f);
		for (size_t i = 0; i < f.n; i++)
			fprintf(stderr, "mutu %s: finding: %s\n", cmd, f.items[i]);
		mutu_notes_release(&f);
		sop_model_free(back);
	}
	if (output) {
		if (write_file(output, b.s, &err)) {
			mutu_buf_release(&b);
			sop_model_free(m);
			return cli_fail(cmd, &err);
		}
		fprintf(stderr, "mutu %s: wrote %s (%s, %zu steps)\n", cmd, output, m->id, m->nsteps);
	} else {
		fputs(b.s, stdout);
	}
	mutu_buf_release(&b);
	sop_model_free(m);
	return status;
}

int cmd_sop(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{"import", cmd_import},
		{NULL, NULL},
	};
	return cli_dispatch("sop", argc, argv, subs, usage_main);
}
