/*
 * rpt_xlsx.c - Excel workbooks (libxlsxwriter) for the reports: the
 * monthly report's tables and the audit, one sheet per table.
 *
 * Government offices keep their monthly reporting in Excel, so the cells
 * are what Excel computes with: numbers as numbers, instants as Excel
 * date serials with a date format (never text), shares as fractions with
 * a percent format.  Number formats are written in Excel's neutral codes
 * ("#,##0.0", "0.0%"), which an Indonesian Excel shows as "1.234,5" and
 * "66,4%".  Every sheet's header row is frozen.  libxlsxwriter writes to
 * a path when the workbook is closed: callers give it the temporary name
 * of a struct mutu_out, so the file appears whole or not at all.
 */
#include "rpt_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

struct rpt_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;         /* the sheet written now */
	lxw_worksheet *sheet[RPT_XLSX_SHEETS];
	lxw_row_t sheet_row[RPT_XLSX_SHEETS]; /* next row of each sheet */
	lxw_format *fmt[RPT_XF_N];
	lxw_format *head;
	lxw_row_t row;
	lxw_col_t col;
	lxw_error first;  /* first error of a write, reported by close */
	int nsheets, cur;
	char *path;
};

int rpt_xlsx_open(struct rpt_xlsx **out, const char *path, struct mutu_err *err)
{
	*out = NULL;
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return mutu_errf(err, MUTU_EFAIL, "%s: cannot start an Excel workbook (libxlsxwriter: out of memory "
				 "or no temporary folder); check that $TMPDIR is writable", path);
	struct rpt_xlsx *x = mutu_calloc(1, sizeof *x);
	x->wb = wb;
	x->path = mutu_strdup(path);
	static const char *codes[RPT_XF_N] = {NULL, "#,##0", "#,##0.0", "#,##0.00", "0.0%",
					      "dd mmm yyyy hh:mm", "dd mmm yyyy", "mmm yyyy", "0.00%", "0.000%", "0.0000%"};
	for (int i = 1; i < RPT_XF_N; i++) {
		x->fmt[i] = workbook_add_format(wb);
		format_set_num_format(x->fmt[i], codes[i]);
	}
	x->head = workbook_add_format(wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xEAF2F8);
	format_set_text_wrap(x->head);
	*out = x;
	return 0;
}

static void keep(struct rpt_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->first == LXW_NO_ERROR)
		x->first = e;
}

int rpt_xlsx_sheet(struct rpt_xlsx *x, const char *name, int ncol, const char *const *head,
		   const double *widths)
{
	if (x->nsheets >= RPT_XLSX_SHEETS) {
		keep(x, LXW_ERROR_PARAMETER_VALIDATION);
		x->ws = NULL;
		return -1;
	}
	if (x->ws && x->nsheets > 0)
		x->sheet_row[x->cur] = x->row;
	/* Excel's sheet names: at most 31 characters (UTF-16 units, as Excel
	 * counts: 2 for a character past U+FFFF), none of []:*?/\.  Cut
	 * between characters: 31 bytes could end inside an "–" or "é", and
	 * a name that is not UTF-8 makes the workbook unreadable. */
	char nm[4 * 31 + 1];
	size_t k = 0;
	int units = 0;
	for (const char *p = name; *p && k < sizeof nm - 1; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c & 0xC0) != 0x80 && (units += c >= 0xF0 ? 2 : 1) > 31)
			break;
		nm[k++] = strchr("[]:*?/\\", c) ? '-' : (char)c;
	}
	nm[k] = '\0';
	x->ws = workbook_add_worksheet(x->wb, nm);
	if (!x->ws) {
		keep(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return -1;
	}
	x->cur = x->nsheets;
	x->sheet[x->nsheets++] = x->ws;
	for (int c = 0; c < ncol; c++) {
		keep(x, worksheet_write_string(x->ws, 0, (lxw_col_t)c, head[c], x->head));
		if (widths)
			keep(x, worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	x->col = 0;
	return x->cur;
}

void rpt_xlsx_use(struct rpt_xlsx *x, int sheet)
{
	if (sheet < 0 || sheet >= x->nsheets)
		return;
	if (x->ws)
		x->sheet_row[x->cur] = x->row;
	x->cur = sheet;
	x->ws = x->sheet[sheet];
	x->row = x->sheet_row[sheet];
	x->col = 0;
}

void rpt_xlsx_str(struct rpt_xlsx *x, const char *s)
{
	if (x->ws && s && *s)
		keep(x, worksheet_write_string(x->ws, x->row, x->col, s, NULL));
	x->col++;
}

void rpt_xlsx_num(struct rpt_xlsx *x, double v, enum rpt_xfmt f)
{
	/* a share that is not whole shown as 100,0% (or one that is not
	 * nothing as 0,0%): more decimals, as rpt_fmt_pct writes it */
	if (f == RPT_XF_PCT && !isnan(v))
		for (int d = 1; d < 4; d++) {
			double k = pow(10, d + 2), r = round(v * k);
			if (!((v < 1.0 && r >= k) || (v > 0.0 && r <= 0.0)))
				break;
			f = d == 1 ? RPT_XF_PCT2 : d == 2 ? RPT_XF_PCT3 : RPT_XF_PCT4;
		}
	if (x->ws && !isnan(v) && !isinf(v))
		keep(x, worksheet_write_number(x->ws, x->row, x->col, v, f > 0 && f < RPT_XF_N ? x->fmt[f] : NULL));
	x->col++;
}

/* Excel's serial: days since 1899-12-30 (1970-01-01 is 25569). */
void rpt_xlsx_time(struct rpt_xlsx *x, double t, int offset)
{
	rpt_xlsx_num(x, isnan(t) ? NAN : (t + offset) / 86400.0 + 25569.0, RPT_XF_DATETIME);
}

void rpt_xlsx_day(struct rpt_xlsx *x, int64_t day, enum rpt_xfmt f)
{
	rpt_xlsx_num(x, (double)day + 25569.0, f);
}

void rpt_xlsx_nl(struct rpt_xlsx *x)
{
	x->row++;
	x->col = 0;
}

int rpt_xlsx_close(struct rpt_xlsx *x, struct mutu_err *err)
{
	if (!x)
		return 0;
	lxw_error e = workbook_close(x->wb);
	int rc = 0;
	if (x->first != LXW_NO_ERROR || e != LXW_NO_ERROR)
		rc = mutu_errf(err, MUTU_EFAIL, "%s: writing the Excel workbook failed: %s; check the disk space and "
			       "the folder's permissions", x->path, lxw_strerror(x->first != LXW_NO_ERROR ? x->first : e));
	free(x->path);
	free(x);
	return rc;
}

void rpt_xlsx_discard(struct rpt_xlsx *x)
{
	if (!x)
		return;
	/* libxlsxwriter frees only by closing, which writes the file: the
	 * caller's mutu_out_abort removes it again */
	workbook_close(x->wb);
	free(x->path);
	free(x);
}
