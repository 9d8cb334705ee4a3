/*
 * test_sop_registry.c - the one SOP registry (SOP id -> model, clock
 * start, ceiling, calendar), the one applicant test and the [sla]
 * clock_start read with the model.  Models are real files written into a
 * fresh folder; calendars are the shipped ones in datasets/calendars.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mutu/cal.h"
#include "mutu/sla.h"
#include "mutu/sop.h"

static char dir[64];

static void put(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A two-step model: 1 Jam + 7 Jam = 480 minutes. */
#define STEPS                                                                                   \
	"[step 1]\nactivity = Menerima berkas\nactor = Front Office\nwaktu = 1 Jam\nreject_to = 0\n" \
	"[step 2]\nactivity = Menandatangani izin\nactor = Kepala Dinas\nwaktu = 7 Jam\n"

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/mutu-reg-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* found by its file name; a declared ceiling and a clock start */
	put("uji-a.ini", "[sop]\nid = uji-a\nname = A\ncalendar = id-wita\n"
			 "declared_total = 1 Hari 1 Jam (3 Hari)\n" STEPS
			 "\n[sla]\nclock_start = langkah 2\n");
	/* its file name is not its id: found by the scan */
	put("nama-lain.ini", "[sop]\nid = uji-b\nname = B\ncalendar = id-wib\n" STEPS);
	/* the file uji-c.ini declares uji-d: the id wins */
	put("uji-c.ini", "[sop]\nid = uji-d\nname = D\ncalendar = id-wit\n" STEPS
			 "[sla]\nclock_start = first\n");
	/* a broken [sla] rule, on line 15 (4 [sop] lines, 5 + 4 step lines,
	 * [sla] on 14) */
	put("uji-rusak.ini", "[sop]\nid = uji-rusak\nname = R\ncalendar = id-wib\n" STEPS
			     "[sla]\nclock_start = besok\n");
	/* a calendar that does not exist */
	put("uji-nocal.ini", "[sop]\nid = uji-nocal\nname = N\ncalendar = tidak-ada\n" STEPS);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_applicant(void **state)
{
	(void)state;
	/* the applicant as the seeds' tables, the logs and the OSS system
	 * write it: every spelling is the same pelaksana */
	const char *yes[] = {"Pemohon", "pemohon", "PEMOHON", "Applicant", "applicant",
			     "Pemohon Izin", "Pemohon/Pelaku Usaha", "Pelaku Usaha", " pemohon "};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(sop_actor_is_applicant(yes[i]));
	/* office positions (and nothing) are not */
	const char *no[] = {"Front Office", "Petugas Loket", "Kadis", "Kepala Dinas", "Back Office",
			    "Dinas Teknis", "Sekretaris", "", "?"};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(sop_actor_is_applicant(no[i]));
	assert_false(sop_actor_is_applicant(NULL));
}

static void test_registry(void **state)
{
	(void)state;
	struct sop_registry *r = sop_registry_create(dir, "datasets/calendars");
	const struct sop_entry *e = NULL, *again = NULL;
	struct mutu_err err;

	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "uji-a", &e, &err), 0);
	assert_string_equal(e->id, "uji-a");
	assert_int_equal(e->clock_start, 2);       /* "langkah 2" */
	assert_int_equal(e->ceiling_days, 3);      /* the declared "(3 Hari)" */
	assert_non_null(e->cal);
	assert_int_equal(cal_utc_offset(e->cal), 8 * 3600); /* id-wita is UTC+8 */
	/* cached: the same entry, not a second load */
	assert_int_equal(sop_registry_get(r, "uji-a", &again, &err), 0);
	assert_ptr_equal(e, again);

	/* by id through the folder scan; no declared total: 480 minutes
	 * of steps on 450-minute days rounds up to 2 Hari */
	assert_int_equal(sop_registry_get(r, "uji-b", &e, &err), 0);
	assert_string_equal(e->model->name, "B");
	assert_int_equal(e->clock_start, 0);
	assert_int_equal(e->ceiling_days, 2);

	/* the file name is not an id: uji-c.ini holds uji-d */
	assert_int_equal(sop_registry_get(r, "uji-c", &e, &err), MUTU_ENOTFOUND);
	assert_null(e);
	assert_non_null(strstr(err.msg, "'uji-c'"));
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "uji-d", &e, &err), 0);
	assert_int_equal(e->clock_start, -1); /* "first" */

	/* unknown: the id and the folder, twice the same */
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "tidak-ada", &e, &err), MUTU_ENOTFOUND);
	assert_non_null(strstr(err.msg, "no model with id 'tidak-ada'"));
	assert_non_null(strstr(err.msg, dir));
	char first[MUTU_ERR_MAX];
	snprintf(first, sizeof first, "%s", err.msg);
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "tidak-ada", &e, &err), MUTU_ENOTFOUND);
	assert_string_equal(err.msg, first);
	/* a permit's name as a log writes it: no model can have that id */
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "Izin Reklame", &e, &err), MUTU_ENOTFOUND);

	/* a model file that does not load is an error with its line, not
	 * "no model" (that would drop its cases from a report quietly) */
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "uji-rusak", &e, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "uji-rusak.ini:15:"));
	assert_non_null(strstr(err.msg, "besok"));

	/* a model whose calendar is missing: the model, and why no calendar */
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "uji-nocal", &e, &err), 0);
	assert_null(e->cal);
	assert_non_null(strstr(e->cal_err.msg, "tidak-ada"));
	assert_int_equal(e->ceiling_days, 2); /* 450-minute days without a calendar */

	/* a file named directly: its own entry, even beside an indexed uji-a */
	char path[256];
	snprintf(path, sizeof path, "%s/uji-a.ini", dir);
	const struct sop_entry *f = NULL;
	assert_int_equal(sop_registry_add_file(r, path, &f, &err), 0);
	assert_int_equal(sop_registry_get(r, "uji-a", &e, &err), 0);
	assert_ptr_not_equal(e, f);
	assert_string_equal(f->id, "uji-a");
	sop_registry_free(r);
	sop_registry_free(NULL);
}

static void test_registry_no_folder(void **state)
{
	(void)state;
	struct sop_registry *r = sop_registry_create("/nonexistent/models", "datasets/calendars");
	const struct sop_entry *e = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sop_registry_get(r, "uji-a", &e, &err), MUTU_ENOTFOUND);
	assert_non_null(strstr(err.msg, "cannot open models folder '/nonexistent/models'"));
	sop_registry_free(r);
}

/* The calendars folder: one rule.  $MUTU_CALENDARS wins over the
 * checkout's datasets/calendars (the test runs at the repository root). */
static void test_cal_dir_default(void **state)
{
	(void)state;
	char buf[4096];
	const char *old = getenv("MUTU_CALENDARS");
	char *keep = old ? strdup(old) : NULL;
	setenv("MUTU_CALENDARS", "/srv/kalender", 1);
	assert_string_equal(cal_dir_default(buf, sizeof buf), "/srv/kalender");
	unsetenv("MUTU_CALENDARS");
	assert_string_equal(cal_dir_default(buf, sizeof buf), "datasets/calendars");
	if (keep) {
		setenv("MUTU_CALENDARS", keep, 1);
		free(keep);
	}
}

/* [sla] clock_start is part of the model: read by the parser, applied
 * by sla_sop_init even for a model that never was a file (before, sla.c
 * re-read the file and ignored it for models built in memory). */
static void test_clock_start_in_model(void **state)
{
	(void)state;
	const char *text = "[sop]\nid = uji-mem\nname = M\ncalendar = 24x7\n" STEPS
			   "[sla]\nclock_start = step 1\nother = ignored\n";
	struct sop_model *m = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sop_model_parse(text, strlen(text), NULL, &m, &err), 0);
	assert_int_equal(m->clock_start, 1);
	assert_int_equal(m->clock_start_line, 15); /* 4 + 9 step lines + [sla] */
	/* written back by sop_model_to_ini, so a saved model keeps it */
	struct mutu_buf b;
	mutu_buf_init(&b);
	sop_model_to_ini(m, &b);
	assert_non_null(strstr(b.s, "\n[sla]\nclock_start = 1\n"));
	mutu_buf_release(&b);

	struct sla_sop s;
	struct sla_opts o;
	sla_opts_init(&o);
	assert_int_equal(sla_sop_init(&s, m, cal_create_24x7(0), &o, &err), 0);
	assert_int_equal(s.clock_start_step, 1);
	assert_string_equal(s.clock_start_source, "model [sla]");
	sla_sop_release(&s);

	/* step 0 and out-of-range numbers are refused where they are written */
	const char *bad = "[sop]\nid = x\nname = X\ncalendar = 24x7\n" STEPS "[sla]\nclock_start = 0\n";
	mutu_err_clear(&err);
	assert_int_equal(sop_model_parse(bad, strlen(bad), "x.ini", &m, &err), MUTU_EINPUT);
	assert_non_null(strstr(err.msg, "x.ini:15: [sla] clock_start"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_applicant),
		cmocka_unit_test_setup_teardown(test_registry, setup, teardown),
		cmocka_unit_test(test_registry_no_folder),
		cmocka_unit_test(test_cal_dir_default),
		cmocka_unit_test(test_clock_start_in_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
