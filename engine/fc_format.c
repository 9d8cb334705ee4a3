/*
 * fc_format.c - how a forecast of open files is shown: text for the
 * terminal, JSON for scripts, CSV for spreadsheets, and one small
 * self-contained HTML page (its own writer here, so the report styling
 * of rpt_ can change without touching it).  Bahasa Indonesia by default,
 * English on request; domain words (berkas, SOP, pelaksana) stay.
 */
#include "mutu/fc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mutu/cal.h"
#include "mutu/rpt.h"

/* Instant at the calendar's offset, "2025-06-10 08:30"; after the run:
 * "> 2025-12-31" (the horizon's date). */
static void put_when(struct mutu_buf *b, const struct fc_forecast *f, double t, int iso)
{
	char s[64];
	if (isinf(t)) {
		cal_format_iso(f->horizon, f->utc_offset, s, sizeof s);
		s[10] = '\0';
		mutu_buf_printf(b, iso ? "" : "> %s", s);
		return;
	}
	cal_format_iso(t, f->utc_offset, s, sizeof s);
	if (!iso) {
		s[10] = ' ';
		s[16] = '\0';
	}
	mutu_buf_puts(b, s);
}

static const char *actor_of(const struct sim_scenario *sc, const struct fc_file *x, const char **activity)
{
	int actor, no = 0;
	sim_scenario_step_info(sc, (size_t)x->sop, x->pos, &no, activity, &actor);
	return actor == SIM_PEMOHON ? sim_scenario_unstaffed_name(sc, x->sop, no)
				    : sim_scenario_actor_title(sc, (size_t)actor);
}

/* A share as a number for JSON/CSV (null / empty when NAN). */
static void put_num(struct mutu_buf *b, double v, int json)
{
	if (isnan(v) || isinf(v))
		mutu_buf_puts(b, json ? "null" : "");
	else
		mutu_buf_printf(b, "%.4g", v);
}

static const char *month_label(const struct fc_month *m, int en, char *buf, size_t n)
{
	snprintf(buf, n, "%s %d", rpt_month_name(m->month, en ? RPT_EN : RPT_ID), m->year);
	return buf;
}

static void text(const struct fc_forecast *f, const struct sim_scenario *sc, int en, struct mutu_buf *b)
{
	enum rpt_lang L = en ? RPT_EN : RPT_ID;
	const struct cal *cal = sim_scenario_cal(sc);
	mutu_buf_puts(b, en ? "Forecast of open files as of " : "Prakiraan berkas terbuka per ");
	put_when(b, f, f->as_of, 0);
	mutu_buf_printf(b, " %s\n", cal ? cal_zone_label(cal) : "");
	mutu_buf_printf(b, en ? "scenario %s, %d replications, seed %llu; %zu open files, sorted by risk\n"
			      : "skenario %s, %d replikasi, seed %llu; %zu berkas terbuka, urut menurut risiko\n",
			sim_scenario_path(sc) ? sim_scenario_path(sc) : "-", f->nrep,
			(unsigned long long)f->seed, f->nfiles);
	mutu_buf_puts(b, en ? "P(late): share of replications finishing past the SOP ceiling; "
			      "finish: median (10%-90%)\n\n"
			    : "P(terlambat): bagian replikasi yang selesai melewati batas waktu SOP; "
			      "selesai: median (10%-90%)\n\n");
	mutu_buf_printf(b, "%-24s %-28s %5s  %-18s %-20s %8s %8s  %s\n", en ? "file" : "berkas", "SOP",
			en ? "step" : "langkah", "pelaksana", en ? "age (work / days)" : "umur (kerja / hari)",
			en ? "P(late)" : "P(telat)", en ? "P(plan)" : "P(renc.)", en ? "finish" : "selesai");
	for (size_t i = 0; i < f->nfiles; i++) {
		const struct fc_file *x = &f->files[i];
		struct mutu_buf c;
		mutu_buf_init(&c);
		rpt_fmt_dur(&c, x->age_s, f->day_minutes, L);
		mutu_buf_puts(&c, " / ");
		rpt_fmt_num(&c, x->age_days, 1, L);
		struct mutu_buf p, q;
		mutu_buf_init(&p);
		mutu_buf_init(&q);
		rpt_fmt_pct(&p, x->p_late, L);
		rpt_fmt_pct(&q, x->p_late_planned, L);
		const char *act = actor_of(sc, x, NULL);
		mutu_buf_printf(b, "%-24.24s %-28.28s %5d%c %-18.18s %-20s %8s %8s  ", x->key, x->sop_id,
				x->step_no, x->in_service ? (x->returned ? '^' : ' ') : '*', act, c.s, p.s, q.s);
		put_when(b, f, x->finish_mid, 0);
		mutu_buf_puts(b, " (");
		put_when(b, f, x->finish_lo, 0);
		mutu_buf_puts(b, " .. ");
		put_when(b, f, x->finish_hi, 0);
		mutu_buf_puts(b, ")\n");
		mutu_buf_release(&c);
		mutu_buf_release(&p);
		mutu_buf_release(&q);
	}
	mutu_buf_puts(b, en ? "* waiting for the step (not started yet)\n"
			    : "* menunggu langkah itu (belum dimulai)\n");
	/* a file at 1 Pemohon with a few hours of age reads as new: say that
	 * it went back to the applicant and its clock waits */
	for (size_t i = 0; i < f->nfiles; i++)
		if (f->files[i].returned) {
			mutu_buf_puts(b, en ? "^ back with the applicant to complete the file: the SLA clock is stopped\n"
					    : "^ dikembalikan ke pemohon untuk dilengkapi: jam SLA berhenti\n");
			break;
		}
	mutu_buf_putc(b, '\n');
	mutu_buf_puts(b, en ? "Office compliance (finished within the SOP ceiling, 95% range of the month's outcome):\n"
			    : "Kepatuhan kantor (selesai dalam batas waktu SOP, rentang 95% hasil bulan itu):\n");
	for (int k = 0; k < 2; k++) {
		const struct fc_month *m = &f->month[k];
		char lab[64];
		mutu_buf_printf(b, "  %-16s ", month_label(m, en, lab, sizeof lab));
		rpt_fmt_pct(b, m->within.mean, L);
		mutu_buf_puts(b, " (");
		rpt_fmt_pct(b, m->within.lo, L);
		mutu_buf_puts(b, " - ");
		rpt_fmt_pct(b, m->within.hi, L);
		mutu_buf_puts(b, "), ");
		rpt_fmt_num(b, m->finished.mean, 1, L);
		mutu_buf_puts(b, en ? " files finished" : " berkas selesai");
		if (k == 0)
			mutu_buf_printf(b, en ? " (%.0f of them before as-of, %.0f within)"
					      : " (%.0f di antaranya sebelum tanggal prakiraan, %.0f dalam batas)",
					m->obs_finished, m->obs_within);
		mutu_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->notes.n; i++)
		mutu_buf_printf(b, "%s: %s\n", en ? "note" : "catatan", f->notes.items[i]);
}

/* ", \"<name>_text\": ..." beside a working time of s seconds: as the text
 * output words it (dur_json_text, working days of day_minutes) */
static void put_text(struct mutu_buf *b, const char *name, double s, const struct fc_forecast *f, int en)
{
	mutu_buf_printf(b, ", \"%s_text\": ", name);
	dur_json_text(b, s / 60.0, f->day_minutes, en ? DUR_EN : DUR_ID);
}

static void json(const struct fc_forecast *f, const struct sim_scenario *sc, int en, struct mutu_buf *b)
{
	/* the kind first, as every mutu JSON document (docs/schema/forecast.schema.json);
	 * then the units, named once: times in working minutes (the _minutes
	 * in their names), each with its text; age_days alone in calendar days */
	mutu_buf_puts(b, "{\"schema\": \"mutu.forecast/1\",\n \"units\": {\"duration\": \"minutes\", "
			 "\"duration_kind\": \"working minutes of the scenario's calendar\", "
			 "\"duration_text\": \"<name>_text: the same duration as the text output shows it\", "
			 "\"calendar_days\": \"age_days: calendar days of 24 h, clock start to as_of\", "
			 "\"probability\": \"fraction 0..1\", \"count\": \"berkas\", "
			 "\"time\": \"ISO 8601 with the office's UTC offset\"},\n \"as_of\": \"");
	put_when(b, f, f->as_of, 1);
	mutu_buf_puts(b, "\", \"scenario\": ");
	mutu_buf_json_str(b, sim_scenario_path(sc) ? sim_scenario_path(sc) : "");
	mutu_buf_printf(b, ", \"replications\": %d, \"seed\": %llu, \"horizon\": \"", f->nrep,
			(unsigned long long)f->seed);
	put_when(b, f, f->horizon, 1);
	mutu_buf_printf(b, "\", \"cases_read\": %zu, \"open\": %zu,\n \"files\": [", f->cases_read, f->nfiles);
	for (size_t i = 0; i < f->nfiles; i++) {
		const struct fc_file *x = &f->files[i];
		const char *activity = NULL, *act = actor_of(sc, x, &activity);
		mutu_buf_puts(b, i ? ",\n  {\"case\": " : "\n  {\"case\": ");
		mutu_buf_json_str(b, x->key);
		mutu_buf_puts(b, ", \"sop\": ");
		mutu_buf_json_str(b, x->sop_id);
		mutu_buf_puts(b, ", \"sop_name\": ");
		mutu_buf_json_str(b, sim_scenario_sop_name(sc, (size_t)x->sop) ? sim_scenario_sop_name(sc, (size_t)x->sop) : "");
		mutu_buf_printf(b, ", \"step\": %d, \"activity\": ", x->step_no);
		mutu_buf_json_str(b, activity ? activity : "");
		mutu_buf_puts(b, ", \"pelaksana\": ");
		mutu_buf_json_str(b, act);
		mutu_buf_printf(b, ", \"in_service\": %s, \"with_applicant\": %s, \"age_work_minutes\": %.1f",
				x->in_service ? "true" : "false", x->returned ? "true" : "false", x->age_s / 60);
		put_text(b, "age_work_minutes", x->age_s, f, en);
		mutu_buf_printf(b, ", \"age_days\": %.2f, \"in_step_work_minutes\": %.1f", x->age_days, x->in_step_s / 60);
		put_text(b, "in_step_work_minutes", x->in_step_s, f, en);
		mutu_buf_printf(b, ", \"ceiling_work_minutes\": %.1f", x->ceiling_s / 60);
		put_text(b, "ceiling_work_minutes", x->ceiling_s, f, en);
		mutu_buf_puts(b, ", \"p_late\": ");
		put_num(b, x->p_late, 1);
		mutu_buf_puts(b, ", \"planned\": ");
		if (isnan(x->planned)) {
			mutu_buf_puts(b, "null");
		} else {
			mutu_buf_putc(b, '"');
			put_when(b, f, x->planned, 1);
			mutu_buf_putc(b, '"');
		}
		mutu_buf_puts(b, ", \"p_late_planned\": ");
		put_num(b, x->p_late_planned, 1);
		mutu_buf_puts(b, ", \"p_unfinished\": ");
		put_num(b, x->p_open, 1);
		mutu_buf_puts(b, ", \"finish\": {");
		const double q[3] = {x->finish_lo, x->finish_mid, x->finish_hi};
		const char *qn[3] = {"p10", "p50", "p90"};
		for (int k = 0; k < 3; k++) {
			mutu_buf_printf(b, "%s\"%s\": ", k ? ", " : "", qn[k]);
			if (isinf(q[k])) {
				mutu_buf_puts(b, "null");
			} else {
				mutu_buf_putc(b, '"');
				put_when(b, f, q[k], 1);
				mutu_buf_putc(b, '"');
			}
		}
		mutu_buf_printf(b, "}, \"lead_p50_work_minutes\": ");
		put_num(b, x->lead_mid / 60, 1);
		put_text(b, "lead_p50_work_minutes", x->lead_mid, f, en);
		mutu_buf_putc(b, '}');
	}
	mutu_buf_puts(b, "],\n \"months\": [");
	for (int k = 0; k < 2; k++) {
		const struct fc_month *m = &f->month[k];
		mutu_buf_printf(b, "%s{\"month\": \"%04d-%02d\", \"observed_finished\": %.0f, "
				   "\"observed_within\": %.0f, \"finished\": {\"mean\": ",
				k ? ", " : "", m->year, m->month, m->obs_finished, m->obs_within);
		put_num(b, m->finished.mean, 1);
		mutu_buf_puts(b, ", \"lo\": ");
		put_num(b, m->finished.lo, 1);
		mutu_buf_puts(b, ", \"hi\": ");
		put_num(b, m->finished.hi, 1);
		mutu_buf_puts(b, "}, \"within\": {\"mean\": ");
		put_num(b, m->within.mean, 1);
		mutu_buf_puts(b, ", \"lo\": ");
		put_num(b, m->within.lo, 1);
		mutu_buf_puts(b, ", \"hi\": ");
		put_num(b, m->within.hi, 1);
		mutu_buf_puts(b, "}}");
	}
	mutu_buf_puts(b, "],\n \"notes\": [");
	for (size_t i = 0; i < f->notes.n; i++) {
		if (i)
			mutu_buf_puts(b, ", ");
		mutu_buf_json_str(b, f->notes.items[i]);
	}
	mutu_buf_puts(b, "]}\n");
}

static void csv(const struct fc_forecast *f, const struct sim_scenario *sc, struct mutu_buf *b)
{
	mutu_buf_puts(b, "case,sop,step,activity,pelaksana,in_service,age_work_minutes,age_days,"
			 "p_late,planned,p_late_planned,p_unfinished,finish_p10,finish_p50,finish_p90\n");
	for (size_t i = 0; i < f->nfiles; i++) {
		const struct fc_file *x = &f->files[i];
		const char *activity = NULL, *act = actor_of(sc, x, &activity);
		rpt_csv_field(b, x->key);
		mutu_buf_putc(b, ',');
		rpt_csv_field(b, x->sop_id);
		mutu_buf_printf(b, ",%d,", x->step_no);
		rpt_csv_field(b, activity ? activity : "");
		mutu_buf_putc(b, ',');
		rpt_csv_field(b, act);
		mutu_buf_printf(b, ",%d,%.1f,%.2f,", x->in_service, x->age_s / 60, x->age_days);
		put_num(b, x->p_late, 0);
		mutu_buf_putc(b, ',');
		if (!isnan(x->planned))
			put_when(b, f, x->planned, 1);
		mutu_buf_putc(b, ',');
		put_num(b, x->p_late_planned, 0);
		mutu_buf_putc(b, ',');
		put_num(b, x->p_open, 0);
		const double q[3] = {x->finish_lo, x->finish_mid, x->finish_hi};
		for (int k = 0; k < 3; k++) {
			mutu_buf_putc(b, ',');
			put_when(b, f, q[k], 1);
		}
		mutu_buf_putc(b, '\n');
	}
}

static void html(const struct fc_forecast *f, const struct sim_scenario *sc, int en, struct mutu_buf *b)
{
	enum rpt_lang L = en ? RPT_EN : RPT_ID;
	mutu_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n<title>%s</title>\n",
			en ? "en" : "id", en ? "Forecast of open files" : "Prakiraan berkas terbuka");
	mutu_buf_puts(b, "<style>body{font-family:sans-serif;margin:2em;color:#222}"
			 "table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;"
			 "text-align:left}td.n{text-align:right}tr.hi td{background:#fde8e8}"
			 "tr.mid td{background:#fff6dd}</style></head><body>\n");
	mutu_buf_puts(b, en ? "<h1>Forecast of open files</h1>\n<p>As of " : "<h1>Prakiraan berkas terbuka</h1>\n<p>Per ");
	put_when(b, f, f->as_of, 0);
	mutu_buf_printf(b, en ? "; %zu open files, %d replications, seed %llu. Scenario "
			      : "; %zu berkas terbuka, %d replikasi, seed %llu. Skenario ",
			f->nfiles, f->nrep, (unsigned long long)f->seed);
	rpt_html_escape(b, sim_scenario_path(sc) ? sim_scenario_path(sc) : "-");
	mutu_buf_puts(b, en ? ".</p>\n<h2>Office compliance</h2>\n<table><tr><th>month</th><th>within the SOP ceiling</th>"
			      "<th>95% range of the month's outcome</th><th>files finished</th></tr>\n"
			    : ".</p>\n<h2>Kepatuhan kantor</h2>\n<table><tr><th>bulan</th><th>dalam batas waktu SOP</th>"
			      "<th>rentang 95% hasil bulan itu</th><th>berkas selesai</th></tr>\n");
	for (int k = 0; k < 2; k++) {
		const struct fc_month *m = &f->month[k];
		char lab[64];
		mutu_buf_printf(b, "<tr><td>%s</td><td class=\"n\">", month_label(m, en, lab, sizeof lab));
		rpt_fmt_pct(b, m->within.mean, L);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_pct(b, m->within.lo, L);
		mutu_buf_puts(b, " – ");
		rpt_fmt_pct(b, m->within.hi, L);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_num(b, m->finished.mean, 1, L);
		mutu_buf_puts(b, "</td></tr>\n");
	}
	mutu_buf_puts(b, en ? "</table>\n<h2>Open files, by risk</h2>\n<table><tr><th>file</th><th>SOP</th><th>step</th>"
			      "<th>pelaksana</th><th>age (working)</th><th>calendar days</th><th>P(late)</th>"
			      "<th>P(past planned date)</th><th>finish (median)</th><th>10%–90%</th></tr>\n"
			    : "</table>\n<h2>Berkas terbuka, menurut risiko</h2>\n<table><tr><th>berkas</th><th>SOP</th>"
			      "<th>langkah</th><th>pelaksana</th><th>umur (kerja)</th><th>hari kalender</th>"
			      "<th>P(terlambat)</th><th>P(lewat tanggal rencana)</th><th>selesai (median)</th>"
			      "<th>10%–90%</th></tr>\n");
	for (size_t i = 0; i < f->nfiles; i++) {
		const struct fc_file *x = &f->files[i];
		const char *activity = NULL, *act = actor_of(sc, x, &activity);
		const char *cls = x->p_late >= 0.5 ? " class=\"hi\"" : x->p_late >= 0.2 ? " class=\"mid\"" : "";
		mutu_buf_printf(b, "<tr%s><td>", cls);
		rpt_html_escape(b, x->key);
		mutu_buf_puts(b, "</td><td>");
		const char *name = sim_scenario_sop_name(sc, (size_t)x->sop);
		rpt_html_escape(b, name ? name : x->sop_id);
		mutu_buf_printf(b, "</td><td>%d%s ", x->step_no, x->in_service ? (x->returned ? "^" : "") : "*");
		rpt_html_escape(b, activity ? activity : "");
		mutu_buf_puts(b, "</td><td>");
		rpt_html_escape(b, act);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_dur(b, x->age_s, f->day_minutes, L);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_num(b, x->age_days, 1, L);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_pct(b, x->p_late, L);
		mutu_buf_puts(b, "</td><td class=\"n\">");
		rpt_fmt_pct(b, x->p_late_planned, L);
		mutu_buf_puts(b, "</td><td>");
		put_when(b, f, x->finish_mid, 0);
		mutu_buf_puts(b, "</td><td>");
		put_when(b, f, x->finish_lo, 0);
		mutu_buf_puts(b, " – ");
		put_when(b, f, x->finish_hi, 0);
		mutu_buf_puts(b, "</td></tr>\n");
	}
	mutu_buf_puts(b, en ? "</table>\n<p>* waiting for the step. ^ back with the applicant to complete the file "
			      "(the SLA clock is stopped). P(late): share of replications in which the file "
			      "finishes past the SOP ceiling (working time on the SLA clock).</p>\n"
			    : "</table>\n<p>* menunggu langkah itu. ^ dikembalikan ke pemohon untuk dilengkapi (jam SLA "
			      "berhenti). P(terlambat): bagian replikasi di mana berkas "
			      "selesai melewati batas waktu SOP (waktu kerja sejak berkas diterima lengkap).</p>\n");
	for (size_t i = 0; i < f->notes.n; i++) {
		mutu_buf_puts(b, "<p class=\"note\">");
		rpt_html_escape(b, f->notes.items[i]);
		mutu_buf_puts(b, "</p>\n");
	}
	mutu_buf_puts(b, "</body></html>\n");
}

void fc_forecast_format(const struct fc_forecast *f, const struct sim_scenario *sc,
			enum fc_format fmt, int lang_en, struct mutu_buf *out)
{
	switch (fmt) {
	case FC_TEXT: text(f, sc, lang_en, out); break;
	case FC_JSON: json(f, sc, lang_en, out); break;
	case FC_CSV: csv(f, sc, out); break;
	case FC_HTML: html(f, sc, lang_en, out); break;
	}
}
