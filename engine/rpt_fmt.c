/*
 * rpt_fmt.c - numbers, durations and escapes for the reports.
 *
 * Indonesian style by default: decimal comma, thousands point ("1.234,5",
 * "95,3%"); English with --lang en ("1,234.5", "95.3%").  Escapes are per
 * target format, applied to every value that comes from data.
 */
#include "mutu/rpt.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rpt_opts_init(struct rpt_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = RPT_ID;
	o->format = RPT_HTML;
	o->out_dir = "reports/out";
}

int rpt_lang_parse(const char *s)
{
	if (!s)
		return -1;
	if (mutu_strcasecmp(s, "id") == 0 || mutu_strcasecmp(s, "in") == 0)
		return RPT_ID;
	if (mutu_strcasecmp(s, "en") == 0)
		return RPT_EN;
	return -1;
}

int rpt_format_parse(const char *s)
{
	static const char *names[] = {"html", "md", "csv", "json", "text"};
	if (!s)
		return -1;
	for (int i = 0; i < 5; i++)
		if (mutu_strcasecmp(s, names[i]) == 0)
			return i;
	if (mutu_strcasecmp(s, "markdown") == 0)
		return RPT_MD;
	if (mutu_strcasecmp(s, "xlsx") == 0)
		return RPT_XLSX;
	return -1;
}

void rpt_fmt_num(struct mutu_buf *b, double x, int decimals, enum rpt_lang lang)
{
	mutu_fmt_num(b, x, decimals, lang == RPT_EN); /* the one formatter (base.c) */
}

void rpt_fmt_pct(struct mutu_buf *b, double share, enum rpt_lang lang)
{
	if (isnan(share)) {
		mutu_buf_puts(b, "\xe2\x80\x93");
		return;
	}
	/* one decimal, unless it would round a share that is not whole to
	 * 100,0% or one that is not nothing to 0,0%: 1.999 of 2.000 is 99,95%,
	 * never "100,0%" beside "1 terlambat" (a manager reads 100,0% as no
	 * late berkas).  Up to four decimals, then cut (floored) there. */
	double p = share * 100.0;
	int d = 1;
	while (d < 4 && ((share < 1.0 && round(p * pow(10, d)) >= 100.0 * pow(10, d)) ||
			 (share > 0.0 && round(p * pow(10, d)) <= 0.0)))
		d++;
	if (share < 1.0 && round(p * pow(10, d)) >= 100.0 * pow(10, d))
		p = floor(p * pow(10, d)) / pow(10, d);
	rpt_fmt_num(b, p, d, lang);
	mutu_buf_putc(b, '%');
}

void rpt_fmt_dur(struct mutu_buf *b, double s, int day_minutes, enum rpt_lang lang)
{
	if (isnan(s)) {
		mutu_buf_puts(b, "\xe2\x80\x93");
		return;
	}
	double day_s = (day_minutes > 0 ? day_minutes : 450) * 60.0;
	double a = fabs(s);
	if (a < 3600.0) {
		rpt_fmt_num(b, s / 60.0, 0, lang);
		mutu_buf_puts(b, lang == RPT_EN ? " min" : " menit");
	} else if (a < day_s) {
		rpt_fmt_num(b, s / 3600.0, 1, lang);
		mutu_buf_puts(b, lang == RPT_EN ? " h" : " jam");
	} else {
		rpt_fmt_num(b, s / day_s, 1, lang);
		mutu_buf_puts(b, lang == RPT_EN ? " d" : " hari");
	}
}

int rpt_html_head(struct mutu_buf *b, const char *assets_dir, enum rpt_lang lang, const char *title_lead,
		  const char *title, const char *extra_css, struct mutu_err *err)
{
	char css_path[4096];
	snprintf(css_path, sizeof css_path, "%s/report.css", assets_dir ? assets_dir : "reports");
	char *css = mutu_read_file(css_path, NULL, err);
	if (!css && err)
		return MUTU_EFAIL;
	mutu_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
			"<title>%s", lang == RPT_EN ? "en" : "id", title_lead ? title_lead : "");
	rpt_html_escape(b, title);
	mutu_buf_puts(b, "</title>\n<style>\n");
	if (css)
		mutu_buf_puts(b, css);
	free(css);
	if (extra_css)
		mutu_buf_puts(b, extra_css);
	mutu_buf_puts(b, "</style>\n</head>\n<body>\n");
	return 0;
}

void rpt_html_escape(struct mutu_buf *b, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		switch (*s) {
		case '<': mutu_buf_puts(b, "&lt;"); break;
		case '>': mutu_buf_puts(b, "&gt;"); break;
		case '&': mutu_buf_puts(b, "&amp;"); break;
		case '"': mutu_buf_puts(b, "&quot;"); break;
		case '\'': mutu_buf_puts(b, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
				mutu_buf_putc(b, ' ');
			else
				mutu_buf_putc(b, *s);
		}
	}
}

/* Does s (at a '&') read as an entity reference in Markdown ("&amp;",
 * "&#39;", "&#x27;")?  Only then does '&' need its backslash. */
static int md_entity_at(const char *s)
{
	const char *p = s + 1;
	if (*p == '#')
		p++;
	const char *q = p;
	while (isalnum((unsigned char)*q))
		q++;
	return q > p && *q == ';';
}

/* Markdown, not HTML: a reader of the .md file sees the text as written
 * (an SOP named "Izin A & B" stays so), so the characters CommonMark
 * would read as markup get a backslash (its escape for any ASCII
 * punctuation: "\<" is a literal '<', not a tag; "\|" a '|' inside a
 * table cell), '&' only where it would start an entity. */
void rpt_md_escape(struct mutu_buf *b, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		switch (*s) {
		case '&':
			if (md_entity_at(s))
				mutu_buf_putc(b, '\\');
			mutu_buf_putc(b, '&');
			break;
		case '\n': case '\r': mutu_buf_putc(b, ' '); break;
		case '|': case '\\': case '*': case '_': case '`': case '[': case ']':
		case '#': case '!': case '<': case '>':
			mutu_buf_putc(b, '\\');
			mutu_buf_putc(b, *s);
			break;
		default:
			if ((unsigned char)*s < 0x20)
				mutu_buf_putc(b, ' ');
			else
				mutu_buf_putc(b, *s);
		}
	}
}

void rpt_csv_field(struct mutu_buf *b, const char *s)
{
	/* the one CSV writer with the formula guard (base.c) */
	mutu_csv_field(b, s);
}

const char *rpt_month_name(int month, enum rpt_lang lang)
{
	static const char *id[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
				   "Agustus", "September", "Oktober", "November", "Desember"};
	static const char *en[] = {"January", "February", "March", "April", "May", "June", "July",
				   "August", "September", "October", "November", "December"};
	if (month < 1 || month > 12)
		return "?";
	return lang == RPT_EN ? en[month - 1] : id[month - 1];
}
