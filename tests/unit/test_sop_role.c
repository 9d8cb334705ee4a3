/*
 * test_sop_role.c - an office's own pelaksana titles and their canonical
 * roles: the importer keeps the title the table's header writes ("Customer
 * Service", "Kasi PP", "Kadis") and records the role it matched; the model
 * file carries both (role optional, derived when absent) and round-trips;
 * the simulator staffs a step by its role and knows the applicant by role,
 * whatever the office calls them.  Expected titles and roles are read off
 * the hand-written table below.  Runs from the repository root
 * (datasets/calendars).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mutu/sim.h"
#include "mutu/sop.h"

#include "sim_fixture.h"

/* Another office's table: its header names the front desk "Customer
 * Service", the section head "Kasi PP" and the head of office "Kadis";
 * an arrow marks each step's column. */
static const char table_titles[] =
	"SOP Izin Contoh Gelar\n"
	"No\tKegiatan\tPemohon\tCustomer Service\tBack Office\tKasi PP\tKadis\tKelengkapan\tWaktu\tOutput\n"
	"1\tPemohon mengajukan\t\xE2\x86\x92\t\t\t\t\tKTP\t15 Menit\tBerkas\n"
	"2\tMemeriksa berkas\t\t\xE2\x86\x92\t\t\t\tBerkas\t20 Menit\tTanda terima\n"
	"3\tMembuat draft\t\t\t\xE2\x86\x92\t\t\tBerkas\t1 Jam\tDraft\n"
	"4\tMemverifikasi draft\t\t\t\t\xE2\x86\x92\t\tDraft\t15 Menit\tParaf\n"
	"5\tMenandatangani izin\t\t\t\t\t\xE2\x86\x92\tDraft\t10 Menit\tIzin\n"
	"6\tMenerima izin\t\xE2\x86\x92\t\t\t\t\tIzin\t5 Menit\tIzin diterima\n";

/* Per step, read off the header: the title, and the role it is
 * (domain.md's aliases: Customer Service is the Front Office, Kasi PP the
 * Kepala Seksi Pelayanan Perizinan, Kadis the Kepala Dinas).  NULL role:
 * the title is already the canonical name, so the model writes no role. */
static const struct {
	const char *actor, *role_key, *role;
} want[] = {
	{"Pemohon", NULL, "Pemohon"},
	{"Customer Service", "Front Office", "Front Office"},
	{"Back Office", NULL, "Back Office"},
	{"Kasi PP", "Kepala Seksi Pelayanan Perizinan", "Kepala Seksi Pelayanan Perizinan"},
	{"Kadis", "Kepala Dinas", "Kepala Dinas"},
	{"Pemohon", NULL, "Pemohon"},
};

static void check_titles(const struct sop_model *m)
{
	assert_int_equal(m->nsteps, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct sop_step *s = &m->steps[i];
		if (strcmp(s->actor, want[i].actor))
			fail_msg("step %zu: actor \"%s\", want \"%s\"", i + 1, s->actor, want[i].actor);
		if (want[i].role_key)
			assert_string_equal(s->role, want[i].role_key);
		else
			assert_null(s->role);
		assert_string_equal(sop_step_role(s), want[i].role);
	}
	/* distinct pelaksana are the office's titles, in step order */
	assert_int_equal(m->nactors, 5);
	assert_string_equal(m->actors[1], "Customer Service");
	assert_string_equal(m->actors[3], "Kasi PP");
	assert_string_equal(m->actors[4], "Kadis");
}

static void test_import_keeps_titles(void **state)
{
	(void)state;
	struct sop_import_opts o = {NULL, "id-wita", 0};
	struct sop_model *m = NULL;
	struct mutu_notes w;
	mutu_notes_init(&w);
	struct mutu_err e;
	mutu_err_clear(&e);
	if (sop_import_with(table_titles, strlen(table_titles), "gelar.txt", &o, &m, &w, &e))
		fail_msg("%s", e.msg);
	check_titles(m);

	/* the model file writes the role beside the title, only where they
	 * differ, and reads back the same */
	struct mutu_buf b;
	mutu_buf_init(&b);
	sop_model_to_ini(m, &b);
	assert_non_null(strstr(b.s, "actor = Customer Service\nrole = Front Office\n"));
	assert_non_null(strstr(b.s, "actor = Kadis\nrole = Kepala Dinas\n"));
	assert_null(strstr(b.s, "role = Pemohon"));
	assert_null(strstr(b.s, "role = Back Office"));
	struct sop_model *back = NULL;
	if (sop_model_parse(b.s, b.len, "gelar.ini", &back, &e))
		fail_msg("%s", e.msg);
	check_titles(back);

	/* JSON shows both for every step */
	mutu_buf_release(&b);
	mutu_buf_init(&b);
	sop_model_to_json(back, 450, &b);
	assert_non_null(strstr(b.s, "\"actor\": \"Kasi PP\", \"role\": \"Kepala Seksi Pelayanan Perizinan\""));
	assert_non_null(strstr(b.s, "\"actor\": \"Pemohon\", \"role\": \"Pemohon\""));
	mutu_buf_release(&b);
	sop_model_free(back);
	sop_model_free(m);
	mutu_notes_release(&w);
}

/* The loader: role is optional; absent, it is derived from the title
 * ("Kadis" -> Kepala Dinas; an unknown title stays itself); given, it
 * wins, so an office can name a title no alias list knows ("Meja Satu")
 * and say what it is; an empty role is an error at its line. */
#define MHEAD "[sop]\nid = x\nname = X\ncalendar = id-wita\n"
static void test_loader_role(void **state)
{
	(void)state;
	static const char text[] = MHEAD
		"[step 1]\nactivity = a\nactor = Kadis\nwaktu = 5 Menit\n"
		"[step 2]\nactivity = b\nactor = Meja Satu\nrole = Front Office\nwaktu = 5 Menit\n"
		"[step 3]\nactivity = c\nactor = Juru Sita\nwaktu = 5 Menit\n"
		"[step 4]\nactivity = d\nactor = ?\nwaktu = 5 Menit\n";
	struct sop_model *m = NULL;
	struct mutu_err e;
	mutu_err_clear(&e);
	if (sop_model_parse(text, strlen(text), "r.ini", &m, &e))
		fail_msg("%s", e.msg);
	assert_null(m->steps[0].role);
	assert_string_equal(sop_step_role(&m->steps[0]), "Kepala Dinas");
	/* no alias names "Meja Satu": only its role key says what it is */
	assert_null(sop_actor_canonical("Meja Satu"));
	assert_null(sop_actor_canonical("Wajib Retribusi"));
	assert_string_equal(m->steps[1].actor, "Meja Satu");
	assert_string_equal(sop_step_role(&m->steps[1]), "Front Office");
	assert_string_equal(sop_step_role(&m->steps[2]), "Juru Sita");
	assert_string_equal(sop_step_role(&m->steps[3]), "?");
	/* no finding: every role agrees with its title, or the title reads
	 * as nothing known */
	struct mutu_notes f;
	mutu_notes_init(&f);
	assert_int_equal(sop_model_check(m, 450, &f), 1); /* only step 4's "?" */
	mutu_notes_release(&f);
	sop_model_free(m);

	/* "Kadis" with role Front Office contradicts itself: one finding */
	static const char slip[] = MHEAD "[step 1]\nactivity = a\nactor = Kadis\nrole = Front Office\n"
				   "waktu = 5 Menit\n";
	mutu_err_clear(&e);
	if (sop_model_parse(slip, strlen(slip), "s.ini", &m, &e))
		fail_msg("%s", e.msg);
	mutu_notes_init(&f);
	assert_int_equal(sop_model_check(m, 450, &f), 1);
	assert_string_equal(f.items[0], "step 1: pelaksana \"Kadis\" reads as Kepala Dinas but role says "
					"Front Office: fix one of them");
	mutu_notes_release(&f);
	sop_model_free(m);

	/* line 8 is "role =" in [step 1] */
	static const char empty[] = MHEAD "[step 1]\nactivity = a\nactor = Loket\nrole =\nwaktu = 5 Menit\n";
	mutu_err_clear(&e);
	assert_int_not_equal(sop_model_parse(empty, strlen(empty), "e.ini", &m, &e), 0);
	assert_null(m);
	if (!strstr(e.msg, "e.ini:8:") || !strstr(e.msg, "empty role in [step 1]"))
		fail_msg("got \"%s\"", e.msg);
}

/*
 * The simulator goes by role.  Model A calls its steps "Wajib Retribusi"
 * (role Pemohon), "Meja Satu" (role Front Office) and "Kadis"; model
 * B "Pemohon", "Front Office" and "Kepala Dinas".  [staff] names Front
 * Office and the Kepala Dinas (as "Kadis") once each: the applicant step needs no staff
 * (it is the applicant by role), and each office step of both SOPs joins
 * the one queue of its role -- two actors, not four.  Offered load of the
 * shared Front Office: both SOPs at 1 file per working day, 10 Menit
 * each = 20 minutes a day (20/450 of a standard day; Ramadan days below);
 * Kepala Dinas 5 Menit each = 10 minutes a day.
 */
#define MODEL_A "[sop]\nid = a\nname = A\ncalendar = id-wita\n" \
	"[step 1]\nactivity = daftar\nactor = Wajib Retribusi\nrole = Pemohon\nwaktu = 10 Menit\n" \
	"[step 2]\nactivity = periksa\nactor = Meja Satu\nrole = Front Office\nwaktu = 10 Menit\n" \
	"[step 3]\nactivity = tanda tangan\nactor = Kadis\nwaktu = 5 Menit\n"
#define MODEL_B "[sop]\nid = b\nname = B\ncalendar = id-wita\n" \
	"[step 1]\nactivity = daftar\nactor = Pemohon\nwaktu = 10 Menit\n" \
	"[step 2]\nactivity = periksa\nactor = Front Office\nwaktu = 10 Menit\n" \
	"[step 3]\nactivity = tanda tangan\nactor = Kepala Dinas\nwaktu = 5 Menit\n"
#define SCEN "[run]\ncalendar = id-wita\nstart = 2025-01-01\nend = 2025-03-31\nreplications = 2\n" \
	"[staff]\nFront Office = 1\nKadis = 1\n" \
	"[sop a]\nmodel = a.ini\narrivals = 1 per hari\n" \
	"[sop b]\nmodel = b.ini\narrivals = 1 per hari\n"

static void test_sim_by_role(void **state)
{
	(void)state;
	write_tmp("a.ini", MODEL_A);
	write_tmp("b.ini", MODEL_B);
	struct sim_scenario *sc = load_ok(write_tmp("roles.ini", SCEN));
	assert_int_equal(sim_scenario_nactors(sc), 2);
	int fo = strcmp(sim_scenario_actor_name(sc, 0), "Front Office") == 0 ? 0 : 1;
	assert_string_equal(sim_scenario_actor_name(sc, (size_t)fo), "Front Office");
	assert_string_equal(sim_scenario_actor_name(sc, (size_t)!fo), "Kepala Dinas");
	/* shown as the [staff] line writes it; keyed by the canonical name */
	assert_string_equal(sim_scenario_actor_title(sc, (size_t)!fo), "Kadis");
	assert_string_equal(sim_scenario_actor_title(sc, (size_t)fo), "Front Office");
	double u[2];
	assert_int_equal(sim_scenario_offered_load(sc, u), -1);
	/* "1 per hari" is one file every working day, Ramadan's 6.5 h days as
	 * much as 7.5 h ones: 2025-01-01..03-31 on id-wita has 58 working days
	 * (weekdays less the listed LN/CB days), 19 of them Ramadan days
	 * (03-03..03-27) of 390 minutes, so each SOP brings 58 files over
	 * 58 x 450 - 19 x 60 = 24,960 working minutes (1/450 a minute of
	 * service per file without Ramadan) */
	assert_true(fabs(u[fo] - 20.0 * 58 / 24960) < 1e-12);
	assert_true(fabs(u[!fo] - 10.0 * 58 / 24960) < 1e-12);
	/* it runs, and the applicant's step is served by the applicant */
	struct sim_options o = {.replications = 2, .threads = 1};
	struct sim_results *r = NULL;
	struct mutu_err err;
	mutu_err_clear(&err);
	assert_int_equal(sim_run(sc, &o, &r, &err), 0);
	assert_true(r->customers > 0);
	assert_true(sim_results_find(r, "actor/Kepala Dinas/util") >= 0);
	struct mutu_buf b;
	mutu_buf_init(&b);
	sim_results_format(sc, r, NULL, NULL, NULL, SIM_TEXT, &b);
	/* step 3 of both SOPs and the Pelaksana block name the title */
	assert_non_null(strstr(b.s, "langkah 3 (Kadis)"));
	assert_non_null(strstr(b.s, "\nPelaksana\n"));
	assert_non_null(strstr(strstr(b.s, "\nPelaksana\n"), "\n  Kadis\n"));
	assert_null(strstr(b.s, "(Kepala Dinas)"));
	mutu_buf_release(&b);
	mutu_buf_init(&b);
	sim_results_format(sc, r, NULL, NULL, NULL, SIM_JSON, &b);
	assert_non_null(strstr(b.s, "{\"name\":\"Kepala Dinas\",\"title\":\"Kadis\","));
	mutu_buf_release(&b);
	sim_results_free(r);
	sim_scenario_free(sc);

	/* without Front Office in [staff], the step titled "Meja Satu" has no
	 * staff: the message names the title, its role and the staff line to
	 * add (by role), at the section's model line (8) */
	const char *path = write_tmp("nofo.ini", "[run]\ncalendar = id-wita\nstart = 2025-01-01\n"
						 "end = 2025-03-31\n[staff]\nKadis = 1\n"
						 "[sop a]\nmodel = a.ini\narrivals = 1 per hari\n");
	sc = NULL;
	mutu_err_clear(&err);
	assert_int_not_equal(sim_scenario_load(path, "datasets/calendars", &sc, &err), 0);
	assert_null(sc);
	if (!strstr(err.msg, "nofo.ini:8:") ||
	    !strstr(err.msg, "actor \"Meja Satu\" (role Front Office) has no staff; add \"Front Office = 1\""))
		fail_msg("got \"%s\"", err.msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_keeps_titles),
		cmocka_unit_test(test_loader_role),
		cmocka_unit_test(test_sim_by_role),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
