/*
 * test_rpt_answer.c - the month's answer (rpt_month_headlines), the
 * office name, local times and the excel-id CSV rewrite.  The groups are
 * built by hand, so every expected sentence follows from the numbers
 * written here and the wording rules in rpt.h.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mutu/rpt.h"

/* One SOP group: 143 finished with a ceiling, 95 in time, so 48 late;
 * step 3 (Tim Teknis) lost 48 x 2.1 days of 450 minutes in late cases
 * (48 executions over its waktu), step 2 lost less. */
struct fixture {
	struct sop_model model;
	struct sla_sop sop;
	struct sla_step_row steps[3];
	struct sla_group g[2];
	struct sla_month m;
};

static void build(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->model.name = "Izin Pengumpulan Uang dan Barang";
	f->model.agency = "Pemerintah Kota Banjarbaru";
	f->sop.model = &f->model;
	f->sop.id = "izin-pengumpulan-uang-barang";
	const double day = 450 * 60.0;
	for (int i = 0; i < 3; i++) {
		f->steps[i].no = i + 1;
		f->steps[i].std_s = 600;
	}
	f->steps[1].actor = "Front Office";
	f->steps[1].st.late_excess_s = 10 * 3600.0;
	f->steps[1].st.late_over = 40;
	f->steps[2].actor = "Tim Teknis";
	f->steps[2].st.late_excess_s = 48 * 2.1 * day;
	f->steps[2].st.late_over = 48;
	struct sla_group *g = &f->g[0];
	g->id = "izin-pengumpulan-uang-barang";
	g->sop = &f->sop;
	g->day_minutes = 450;
	g->finished = 143;
	g->with_ceiling = 143;
	g->within = 95;
	g->steps = f->steps;
	g->nsteps = 3;
	/* the second group: a log without a model, 12 finished, 9 of the 10
	 * with a planned date by it, 2 open past it */
	struct sla_group *h = &f->g[1];
	h->id = NULL;
	h->day_minutes = 1440;
	h->finished = 12;
	h->with_target = 10;
	h->within_target = 9;
	h->open_past = 2;
	/* last month (the trend's second last row): 65 of 130 in time */
	g->trend[SLA_TREND - 2].with_ceiling = 130;
	g->trend[SLA_TREND - 2].within = 65;
	/* the office as a whole: 155 finished, 143 with a ceiling, 95 in
	 * time; last month 60 of 120; 2 open at month end */
	struct sla_group *of = &f->m.office;
	of->id = "";
	of->day_minutes = 450;
	of->finished = 155;
	of->with_ceiling = 143;
	of->within = 95;
	of->open = 2;
	of->trend[SLA_TREND - 2].with_ceiling = 120;
	of->trend[SLA_TREND - 2].within = 60;
	f->m.groups = f->g;
	f->m.ngroups = 2;
	f->m.year = 2025;
	f->m.month = 11;
}

static void test_headlines(void **state)
{
	(void)state;
	struct fixture f;
	build(&f);
	struct rpt_opts o;
	rpt_opts_init(&o);
	struct mutu_notes n;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_int_equal(n.n, 3);
	/* two groups: the office first, 95/143 = 66.4% against 60/120 = 50.0% */
	assert_string_equal(n.items[0], "Kantor (semua SOP): 95 dari 143 berkas selesai dalam batas SOP (66,4%); "
					"bulan lalu 60 dari 120 (50,0%); 2 berkas masih terbuka di akhir bulan.");
	/* 95/143 = 66.43%, last month 65/130 = 50.0%; 143 - 95 = 48 late;
	 * step 3 has the largest late excess, 48 x 2.1 days over 48
	 * executions = 2.1 days each */
	assert_string_equal(n.items[1], "Izin Pengumpulan Uang dan Barang: 95 dari 143 berkas selesai dalam batas SOP "
					"(66,4%); bulan lalu 65 dari 130 (50,0%); 48 terlambat, paling banyak kehilangan "
					"waktu di langkah 3, Tim Teknis (rata-rata 2,1 hari di atas mutu baku).");
	/* no model: judged by the planned date, 9 of 10 = 90.0% */
	assert_string_equal(n.items[2], "Kasus tanpa model SOP: 12 berkas selesai; 9 dari 10 sebelum tanggal rencana "
					"(90,0%); 2 berkas terbuka sudah lewat batas di akhir bulan.");
	mutu_notes_release(&n);

	o.lang = RPT_EN;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_string_equal(n.items[0], "Office (all SOPs): 95 of 143 files finished within the SOP ceiling (66.4%); "
					"last month 60 of 120 (50.0%); 2 files still open at month end.");
	assert_string_equal(n.items[1], "Izin Pengumpulan Uang dan Barang: 95 of 143 files finished within the SOP "
					"ceiling (66.4%); last month 65 of 130 (50.0%); 48 late, losing the most time at "
					"step 3, Tim Teknis (on average 2.1 d over the mutu baku).");
	mutu_notes_release(&n);

	/* nobody late, and a month with nothing finished */
	f.g[0].within = 143;
	f.g[1].finished = 0;
	f.g[1].open_past = 0;
	f.g[0].trend[SLA_TREND - 2].with_ceiling = 0; /* last month: nothing to compare */
	o.lang = RPT_ID;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_string_equal(n.items[1], "Izin Pengumpulan Uang dan Barang: 143 dari 143 berkas selesai dalam batas SOP "
					"(100,0%); tidak ada yang terlambat.");
	assert_string_equal(n.items[2], "Kasus tanpa model SOP: belum ada berkas yang selesai bulan ini.");
	mutu_notes_release(&n);
}

/* Which berkas are open past their ceiling: the oldest three of the open
 * list (sorted by age) that are past, with their office when the report
 * read several, and how many more (test_report_field5.sh runs it whole). */
static void test_open_past_names(void **state)
{
	(void)state;
	struct fixture f;
	build(&f);
	struct rpt_opts o;
	rpt_opts_init(&o);
	struct sla_group *g = &f.g[0];
	struct sla_slow *l = g->open_list; /* the fixture's, borrowed strings: cleared at the end */
	memset(l, 0, 6 * sizeof *l);
	const char *keys[6] = {"A", "B", "C", "D", "E", "F"};
	const int past[6] = {1, 0, 1, 1, 1, 1};
	for (int i = 0; i < 6; i++) {
		l[i].key = (char *)keys[i];
		l[i].late = past[i];
		l[i].lead_s = (6 - i) * 27000.0;
	}
	g->nopen_list = 6;
	g->open_past = 5; /* A C D E F: three named, 2 more */
	struct mutu_notes n;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_non_null(strstr(n.items[1], "; 5 berkas terbuka sudah lewat batas di akhir bulan (tertua A, C, D dan 2 lainnya)."));
	mutu_notes_release(&n);
	/* several offices: each with its office, the default one named so */
	l[0].office = (char *)"kab";
	l[2].office = (char *)"";
	l[3].office = (char *)"kota";
	o.lang = RPT_EN;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_non_null(strstr(n.items[1], "; 5 open files past their ceiling at month end (oldest A at kab; C at the default office; D at kota and 2 more)."));
	mutu_notes_release(&n);
	/* one past: no "oldest" */
	g->open_past = 1;
	g->nopen_list = 2;
	l[0].office = NULL;
	o.lang = RPT_ID;
	mutu_notes_init(&n);
	rpt_month_headlines(&f.m, &o, &n);
	assert_non_null(strstr(n.items[1], "; 1 berkas terbuka sudah lewat batas di akhir bulan (A)."));
	mutu_notes_release(&n);
	memset(l, 0, 6 * sizeof *l);
	g->nopen_list = 0;
}

static void test_office_name(void **state)
{
	(void)state;
	struct fixture f;
	build(&f);
	struct rpt_opts o;
	rpt_opts_init(&o);
	char *s = rpt_office_name(&f.m, &o);
	assert_string_equal(s, "Pemerintah Kota Banjarbaru"); /* the model's agency */
	free(s);
	o.office_name = "DPMPTSP Kota Banjarbaru";
	s = rpt_office_name(&f.m, &o);
	assert_string_equal(s, "DPMPTSP Kota Banjarbaru"); /* --office-name wins */
	free(s);
	o.office_name = NULL;
	f.model.agency = NULL;
	assert_null(rpt_office_name(&f.m, &o)); /* neither: none */
}

static void test_local_time(void **state)
{
	(void)state;
	struct mutu_buf b;
	mutu_buf_init(&b);
	/* 2025-11-27T14:43:41+08:00 = 06:43:41 UTC; 2025-11-27 is day 20419
	 * since 1970 (2025-01-01 is 20089, + 304 days to 1 Nov, + 26) */
	double t = 20419 * 86400.0 + 6 * 3600 + 43 * 60 + 41;
	rpt_fmt_local(&b, t, 8 * 3600, "WITA", RPT_ID);
	assert_string_equal(b.s, "27 Nov 2025 14:43 WITA");
	mutu_buf_reset(&b);
	/* the same instant at +01:00 without a name: 07:43, offset shown */
	rpt_fmt_local(&b, t, 3600, NULL, RPT_EN);
	assert_string_equal(b.s, "27 Nov 2025 07:43 +01:00");
	mutu_buf_reset(&b);
	/* Indonesian month: Agustus -> Agu; 2025-08-17 00:00 WIB = 16 Aug
	 * (day 20316: 1 Aug is 20089 + 212 = 20301) 17:00 UTC */
	rpt_fmt_local(&b, 20316 * 86400.0 + 17 * 3600, 7 * 3600, "WIB", RPT_ID);
	assert_string_equal(b.s, "17 Agu 2025 00:00 WIB");
	mutu_buf_release(&b);
}

static void test_csv_excel_id(void **state)
{
	(void)state;
	struct mutu_buf b;
	mutu_buf_init(&b);
	/* numbers get a decimal comma; text with ';' or ',' is quoted; a
	 * quoted number stays text; the formula guard stays; empty fields */
	const char *in = "a,b,c,d,e\r\n-2.5,\"x;y\",\"1.5\",\"'=1+1\",\r\n1e-05,\"p,q\",0.1.0,7,\"say \"\"hi\"\"\"\r\n";
	rpt_csv_excel_id(in, strlen(in), 1, &b);
	assert_string_equal(b.s, "\xef\xbb\xbf" "a;b;c;d;e\r\n-2,5;\"x;y\";1.5;'=1+1;\r\n1e-05;\"p,q\";0.1.0;7;\"say \"\"hi\"\"\"\r\n");
	mutu_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headlines),
		cmocka_unit_test(test_open_past_names),
		cmocka_unit_test(test_office_name),
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_csv_excel_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
