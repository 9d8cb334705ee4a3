/*
 * cmd_model.c - `mutu model`: show and check SOP models (models/NAME.ini).
 *
 *   mutu model show FILE [--format text|json]
 *   mutu model check FILE... [--strict]
 *
 * Both validate the file (errors name file and line; exit 2), list the
 * steps and actors, sum the steps' waktu and compare the sum with the
 * declared total.  A difference is a finding, not an error: exit 0, or 1
 * with --strict.  Minutes of a Hari come from the model's calendar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mutu/cal.h"
#include "mutu/dur.h"
#include "mutu/sop.h"


static void usage_main(FILE *f)
{
	fprintf(f,
		"usage: mutu model <show|check> [options] FILE...\n"
		"\n"
		"SOP models are INI files (models/*.ini): a [sop] section (id, name,\n"
		"agency, source, calendar, declared_total, declared_scope, note) and one\n"
		"[step N] per row of the SOP table (activity, actor, role, kelengkapan,\n"
		"waktu, output, keterangan, reject_to, note).  actor is the pelaksana as\n"
		"the office's table names it (Kadis, Petugas Loket); role, optional, the\n"
		"canonical position it is (Kepala Dinas, Front Office), used to compare\n"
		"offices, staff a scenario and spot the applicant (default: derived from\n"
		"actor).  declared_scope = office: the declared total leaves the\n"
		"applicant's steps out (\"di luar waktu pemohon\").\n"
		"\n"
		"  show FILE [--format text|json]   steps, actors, totals and findings\n"
		"  check FILE... [--strict]         validate; report declared vs computed totals\n"
		"\n"
		"Each subcommand has --help.\n");
}

static void usage_show(FILE *f)
{
	fprintf(f,
		"usage: mutu model show FILE [--format text|json]\n"
		"\n"
		"Validate the model and print its steps (no, pelaksana with its role\n"
		"when the title differs, e.g. \"Kadis (Kepala Dinas)\", waktu, activity),\n"
		"its actors, the sum of the steps' waktu, the declared total and the gap.\n"
		"1 Hari counts as the net working day of the model's calendar.\n"
		"\n"
		"  -f, --format F   text (default) or json: id, name, every step (no,\n"
		"                   activity, actor, role, waktu text, minutes), computed and\n"
		"                   declared totals as text and minutes, gap_minutes\n"
		"\n"
		"exit: 0 ok, 2 the model is broken (the message names file and line)\n"
		"example: mutu model show models/izin-insidentil.ini\n");
}

static void usage_check(FILE *f)
{
	fprintf(f,
		"usage: mutu model check FILE... [--strict]\n"
		"\n"
		"Validate each model and compare the declared total (\"Jumlah Waktu\") with\n"
		"the sum of its steps.  A difference, an unknown actor (?), a bad\n"
		"reject_to or a role that contradicts its title (actor = Kadis,\n"
		"role = Front Office) is a finding, printed with both values.\n"
		"\n"
		"      --strict     exit 1 when there are findings\n"
		"\n"
		"exit: 0 ok or findings only, 1 findings with --strict, 2 a broken model\n"
		"(including a calendar that cannot be loaded)\n"
		"example: mutu model check models/*.ini\n");
}

/* Line of the first "key =" in the model file, for messages; 0 if not found. */
static int key_line(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[4096];
	size_t klen = strlen(key);
	int no = 0, found = 0;
	while (!found && fgets(line, sizeof line, f)) {
		no++;
		const char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, key, klen) == 0) {
			p += klen;
			while (*p == ' ' || *p == '\t')
				p++;
			found = *p == '=';
		}
	}
	fclose(f);
	return found ? no : 0;
}

/* Net minutes of one Hari on the model's calendar.  A model naming a
 * calendar that cannot be loaded is broken: a typo like "id-wlta" would
 * otherwise pass the check and fail only later, in sim or report.
 * Returns -1 after printing the error. */
static int day_minutes_for(const char *cmd, const struct sop_model *m)
{
	struct cal *c = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (cal_load(m->calendar, cli_calendars_dir(), &c, &err)) {
		fprintf(stderr, "mutu %s: %s:%d: calendar = %s cannot be loaded: %s\n",
			cmd, m->path ? m->path : "model", key_line(m->path ? m->path : "", "calendar"),
			m->calendar, err.msg);
		return -1;
	}
	int d = cal_day_minutes(c);
	cal_free(c);
	return d;
}

static void fmt(struct dur d, char *buf, size_t size)
{
	dur_format(d, DUR_ID, buf, size);
}

/* Print at most max bytes of s without cutting a UTF-8 sequence. */
static void print_clipped(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		fputs(s, stdout);
		return;
	}
	size_t k = max - 3;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	printf("%.*s...", (int)k, s);
}

static void show_text(const struct sop_model *m, int day_minutes, const struct mutu_notes *findings)
{
	char a[96], b[96];
	printf("SOP %s: %s\n", m->id, m->name);
	if (m->agency && *m->agency)
		printf("agency:    %s\n", m->agency);
	if (m->source && *m->source)
		printf("source:    %s\n", m->source);
	printf("calendar:  %s (1 Hari = %d Menit)\n", m->calendar, day_minutes);
	if (m->note)
		printf("note:      %s\n", m->note);
	printf("\n  no  %-34s %-12s %s\n", "pelaksana", "waktu", "activity");
	for (size_t i = 0; i < m->nsteps; i++) {
		const struct sop_step *s = &m->steps[i];
		/* the office's title, and the canonical role when it differs:
		 * "Kadis (Kepala Dinas)" */
		char who[160];
		const char *role = sop_step_role(s);
		if (strcmp(role, s->actor))
			snprintf(who, sizeof who, "%s (%s)", s->actor, role);
		else
			snprintf(who, sizeof who, "%s", s->actor);
		printf("  %2d  %-34s %-12s ", s->no, who, s->waktu_text);
		print_clipped(s->activity, 70);
		if (s->reject_to)
			printf("  [ditolak -> langkah %d]", s->reject_to);
		putchar('\n');
		if (s->note)
			printf("      note: %s\n", s->note);
	}
	printf("\npelaksana (%zu):", m->nactors);
	for (size_t i = 0; i < m->nactors; i++) {
		printf("%s %s", i ? "," : "", m->actors[i]);
		for (size_t k = 0; k < m->nsteps; k++)
			if (m->steps[k].actor == m->actors[i]) {
				const char *role = sop_step_role(&m->steps[k]);
				if (strcmp(role, m->actors[i]))
					printf(" (%s)", role);
				break;
			}
	}
	putchar('\n');
	struct dur total = sop_model_total(m);
	fmt(total, a, sizeof a);
	printf("total (sum of steps): %s = %lld Menit\n", a,
	       (long long)dur_to_minutes(total, day_minutes));
	if (m->has_declared) {
		printf("declared total:       %s = %lld Menit\n", m->declared_text,
		       (long long)dur_to_minutes(m->declared, day_minutes));
		if (m->declared_office)
			printf("declared scope:       office (the applicant's steps left out: %lld Menit)\n",
			       (long long)dur_to_minutes(sop_model_declared_sum(m), day_minutes));
		printf("gap:                  %+lld Menit\n",
		       (long long)(dur_to_minutes(sop_model_declared_sum(m), day_minutes) -
				   dur_to_minutes(m->declared, day_minutes)));
	} else {
		printf("declared total:       none in the table\n");
	}
	snprintf(b, sizeof b, "%d Hari", sop_model_ceiling_days(m, day_minutes));
	enum sop_ceiling_from from = sop_model_ceiling_from(m);
	printf("ceiling:              %s%s\n", b,
	       from == SOP_CEIL_DECLARED_ROUNDED ? " (declared)"
	       : from == SOP_CEIL_DECLARED_TOTAL ? " (declared total rounded up to whole days)"
						   : " (sum rounded up to whole days)");
	if (findings->n) {
		printf("\nfindings (%zu):\n", findings->n);
		for (size_t i = 0; i < findings->n; i++)
			printf("  %s\n", findings->items[i]);
	}
}

static int cmd_show(int argc, char **argv)
{
	const char *cmd = "model show";
	const char *format = NULL, *pos[1];
	int npos = 0, help = 0;
	struct cli_opt opts[] = {
		{"format", 'f', 1, &format, NULL, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 1, &npos, &help))
		return 2;
	if (help) {
		usage_show(stdout);
		return 0;
	}
	int json = 0;
	if (format && strcmp(format, "json") == 0)
		json = 1;
	else if (format && strcmp(format, "text") != 0)
		return cli_usage(cmd, "--format %s: use text or json", format);
	if (npos != 1)
		return cli_usage(cmd, "needs one model file (e.g. models/izin-insidentil.ini)");
	struct sop_model *m;
	struct mutu_err err;
	mutu_err_clear(&err);
	if (sop_model_load(pos[0], &m, &err))
		return cli_fail(cmd, &err);
	int dm = day_minutes_for(cmd, m);
	if (dm < 0) {
		sop_model_free(m);
		return 2;
	}
	if (json) {
		struct mutu_buf b;
		mutu_buf_init(&b);
		sop_model_to_json(m, dm, &b);
		fputs(b.s, stdout);
		mutu_buf_release(&b);
	} else {
		struct mutu_notes notes;
		mutu_notes_init(&notes);
		sop_model_check(m, dm, &notes);
		show_text(m, dm, &notes);
		mutu_notes_release(&notes);
	}
	sop_model_free(m);
	return 0;
}

static int cmd_check(int argc, char **argv)
{
	const char *cmd = "model check";
	const char *pos[64];
	int npos = 0, help = 0, strict = 0;
	struct cli_opt opts[] = {
		{"strict", 0, 0, NULL, &strict, NULL},
		{NULL, 0, 0, NULL, NULL, NULL},
	};
	if (cli_parse(cmd, argc, argv, opts, pos, 64, &npos, &help))
		return 2;
	if (help) {
		usage_check(stdout);
		return 0;
	}
	if (npos < 1)
		return cli_usage(cmd, "needs at least one model file (e.g. models/*.ini)");
	int broken = 0, nfind = 0;
	for (int i = 0; i < npos; i++) {
		struct sop_model *m;
		struct mutu_err err;
		mutu_err_clear(&err);
		if (sop_model_load(pos[i], &m, &err)) {
			cli_fail(cmd, &err);
			broken++;
			continue;
		}
		int dm = day_minutes_for(cmd, m);
		if (dm < 0) {
			broken++;
			sop_model_free(m);
			continue;
		}
		struct mutu_notes notes;
		mutu_notes_init(&notes);
		int n = sop_model_check(m, dm, &notes);
		char t[96];
		fmt(sop_model_total(m), t, sizeof t);
		char o[128] = "";
		if (m->has_declared && m->declared_office) {
			/* the total leaves the applicant's steps out: the
			 * sum it is compared with, beside every step's */
			char os[64];
			fmt(sop_model_declared_sum(m), os, sizeof os);
			snprintf(o, sizeof o, " (the applicant's steps left out: %s)", os);
		}
		printf("%s: %s, %zu steps, %zu actors, steps sum to %s%s%s%s\n", pos[i], m->id, m->nsteps,
		       m->nactors, t, m->has_declared ? ", declared " : ", no declared total",
		       m->has_declared ? m->declared_text : "", o);
		for (size_t k = 0; k < notes.n; k++)
			printf("%s: finding: %s\n", pos[i], notes.items[k]);
		if (n == 0)
			printf("%s: ok\n", pos[i]);
		nfind += n;
		mutu_notes_release(&notes);
		sop_model_free(m);
	}
	if (broken)
		return 2;
	return strict && nfind ? 1 : 0;
}

int cmd_model(int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{"show", cmd_show},
		{"check", cmd_check},
		{NULL, NULL},
	};
	return cli_dispatch("model", argc, argv, subs, usage_main);
}
