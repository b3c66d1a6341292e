/*
 * xlsxwrite: a model as a workbook in the sheet layout of scorecard(1)
 * (SPREADSHEETS), with libxlsxwriter, the only module that includes
 * <xlsxwriter.h>.  Read back by xlsx.c and book.c, the workbook gives
 * the same model, so the same report.
 *
 * Report (field, value); Comparators (id, label); Indicators (the
 * fields, then one column a period in time order: months as date cells
 * shown mmm-yy, other periods as their text, then commentary; a value
 * as a plain number, "N [p]" when provisional, "[x]" when not
 * available; one row an indicator, then one row for each of its
 * comparators); Breakdowns (id, title, period, label, value, and unit
 * when an indicator has one); Details (id, comparator, period, note,
 * numerator, denominator: the point fields the Indicators sheet has no
 * cell for).  Document properties carry a fixed date, so the same
 * model gives the same parts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "period.h"
#include "utf8.h"
#include "util.h"
#include "xlsxwrite.h"

/* Excel's limit on the characters of a cell (libxlsxwriter's too). */
#define	XLSX_CELL_MAX	32767

struct w {
	lxw_workbook	*wb;
	lxw_format	*bold, *month, *wrap;
	const struct model *m;
	size_t		 nnote, nnum, nden;	/* in the Details sheet */
};

/* The shortest text that reads back as v. */
static void
numtext(char *s, size_t sz, double v)
{
	if (v == 0)
		v = 0;
	snprintf(s, sz, "%.15g", v);
	if (strtod(s, NULL) != v)
		snprintf(s, sz, "%.17g", v);
}

/*
 * A number in a cell that reads back as exactly v: libxlsxwriter writes
 * 16 significant digits (0.30000000000000004 would come back as 0.3), so
 * a number that needs 17 is written as its text, which the reader takes
 * as that number.
 */
static void
put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
    lxw_format *f)
{
	char	 s[64];

	snprintf(s, sizeof(s), "%.16G", v);
	if (strtod(s, NULL) == v) {
		worksheet_write_number(ws, r, c, v, f);
		return;
	}
	numtext(s, sizeof(s), v);
	worksheet_write_string(ws, r, c, s, f);
}

static int
pcmp(const void *a, const void *b)
{
	return period_cmp(*(const struct period *const *)a,
	    *(const struct period *const *)b);
}

/* Every period of every series, each once, in time order. */
static const struct period **
all_periods(const struct model *m, size_t *n)
{
	const struct period **p = NULL;
	size_t		 np = 0, i, k, j, o;

	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];

		for (k = 0; k <= ind->ncs; k++) {
			const struct series *s = k == 0 ? &ind->series :
			    &ind->cs[k - 1].s;

			p = xreallocarray(p, np + s->npts + 1, sizeof(*p));
			for (j = 0; j < s->npts; j++)
				p[np++] = &s->pts[j].period;
		}
	}
	if (np > 1)
		qsort(p, np, sizeof(*p), pcmp);
	for (i = o = 0; i < np; i++)
		if (o == 0 || !period_eq(p[o - 1], p[i]))
			p[o++] = p[i];
	*n = o;
	return p;
}

static void
heading(struct w *w, lxw_worksheet *ws, lxw_col_t col, const char *s)
{
	worksheet_write_string(ws, 0, col, s, w->bold);
}

static void
put_value(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct point *p)
{
	char	 s[64];

	if (!p->has_value)
		worksheet_write_string(ws, r, c, "[x]", NULL);
	else if (p->provisional) {
		numtext(s, sizeof(s) - 4, p->value);
		strcat(s, " [p]");
		worksheet_write_string(ws, r, c, s, NULL);
	} else
		put_number(ws, r, c, p->value, NULL);
}

static void
sheet_report(struct w *w)
{
	const struct report_meta *r = &w->m->report;
	lxw_worksheet	*ws;
	lxw_row_t	 row = 0;
	const char	*k[6], *v[6];
	char		 t[16];
	int		 i;

	ws = workbook_add_worksheet(w->wb, "Report");
	worksheet_set_column(ws, 0, 0, 14, w->bold);
	worksheet_set_column(ws, 1, 1, 80, w->wrap);
	k[0] = "title", v[0] = r->title;
	k[1] = "organisation", v[1] = r->organisation;
	k[2] = "period", v[2] = r->pstr;
	k[3] = "published", v[3] = r->published;
	k[4] = "introduction", v[4] = r->introduction;
	k[5] = "contact", v[5] = r->contact;
	for (i = 0; i < 6; i++) {
		if (v[i] == NULL)
			continue;
		worksheet_write_string(ws, row, 0, k[i], NULL);
		worksheet_write_string(ws, row++, 1, v[i], NULL);
	}
	if (!w->m->suppress || w->m->threshold != MODEL_THRESHOLD) {
		worksheet_write_string(ws, row, 0, "suppression", NULL);
		if (!w->m->suppress)
			worksheet_write_string(ws, row, 1, "off", NULL);
		else {
			snprintf(t, sizeof(t), "%d", w->m->threshold);
			worksheet_write_number(ws, row, 1, w->m->threshold,
			    NULL);
		}
	}
}

static void
sheet_comparators(struct w *w)
{
	lxw_worksheet	*ws;
	size_t		 i;

	if (w->m->ncomps == 0)
		return;
	ws = workbook_add_worksheet(w->wb, "Comparators");
	worksheet_set_column(ws, 1, 1, 30, NULL);
	heading(w, ws, 0, "id");
	heading(w, ws, 1, "label");
	for (i = 0; i < w->m->ncomps; i++) {
		worksheet_write_string(ws, (lxw_row_t)i + 1, 0,
		    w->m->comps[i].id, NULL);
		worksheet_write_string(ws, (lxw_row_t)i + 1, 1,
		    w->m->comps[i].label, NULL);
	}
}

/* The metadata columns of the Indicators sheet, before the periods. */
enum { C_ID, C_COMPARATOR, C_CODE, C_TITLE, C_SECTION, C_UNIT, C_BETTER,
    C_TARGET, C_AMBER, C_CHART, C__N };

static void
series_row(lxw_worksheet *ws, lxw_row_t row, const struct series *s,
    const struct period **ps, size_t nps)
{
	size_t	 i, k = 0;

	for (i = 0; i < s->npts; i++) {
		while (k < nps && !period_eq(ps[k], &s->pts[i].period))
			k++;
		if (k < nps)
			put_value(ws, row, (lxw_col_t)(C__N + k), &s->pts[i]);
	}
}

static void
sheet_indicators(struct w *w)
{
	static const char *const names[C__N] = { "id", "comparator", "code",
	    "title", "section", "unit", "better", "target", "amber",
	    "chart" };
	const struct period **ps;
	lxw_worksheet	*ws;
	lxw_datetime	 dt;
	lxw_row_t	 row = 1;
	lxw_col_t	 c;
	size_t		 nps, i, k;
	char		 s[32];

	ws = workbook_add_worksheet(w->wb, "Indicators");
	ps = all_periods(w->m, &nps);
	for (c = 0; c < C__N; c++)
		heading(w, ws, c, names[c]);
	worksheet_set_column(ws, C_TITLE, C_TITLE, 40, NULL);
	worksheet_set_column(ws, C_SECTION, C_SECTION, 16, NULL);
	for (k = 0; k < nps; k++) {
		c = (lxw_col_t)(C__N + k);
		if (ps[k]->kind == PERIOD_MONTH) {
			memset(&dt, 0, sizeof(dt));
			dt.year = ps[k]->year;
			dt.month = (uint8_t)ps[k]->month;
			dt.day = 1;
			worksheet_write_datetime(ws, 0, c, &dt, w->month);
		} else
			heading(w, ws, c, period_canon(ps[k], s, sizeof(s)));
	}
	heading(w, ws, (lxw_col_t)(C__N + nps), "commentary");
	worksheet_set_column(ws, (lxw_col_t)(C__N + nps),
	    (lxw_col_t)(C__N + nps), 60, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	for (i = 0; i < w->m->ninds; i++) {
		const struct indicator *ind = &w->m->inds[i];

		worksheet_write_string(ws, row, C_ID, ind->id, NULL);
		if (ind->code != NULL)
			worksheet_write_string(ws, row, C_CODE, ind->code,
			    NULL);
		worksheet_write_string(ws, row, C_TITLE, ind->title, NULL);
		if (ind->section != NULL)
			worksheet_write_string(ws, row, C_SECTION,
			    ind->section, NULL);
		worksheet_write_string(ws, row, C_UNIT,
		    model_unit_str(ind->unit), NULL);
		if (ind->better != BETTER_NEITHER)
			worksheet_write_string(ws, row, C_BETTER,
			    model_better_str(ind->better), NULL);
		if (ind->target.set) {
			put_number(ws, row, C_TARGET,
			    ind->target.value, NULL);
			if (ind->target.has_amber)
				put_number(ws, row, C_AMBER,
				    ind->target.amber, NULL);
		}
		if (ind->chart != CHART_AUTO)
			worksheet_write_string(ws, row, C_CHART,
			    model_chart_str(ind->chart), NULL);
		series_row(ws, row, &ind->series, ps, nps);
		if (ind->commentary != NULL)
			worksheet_write_string(ws, row,
			    (lxw_col_t)(C__N + nps), ind->commentary, NULL);
		row++;
		for (k = 0; k < ind->ncs; k++) {
			worksheet_write_string(ws, row, C_ID, ind->id, NULL);
			worksheet_write_string(ws, row, C_COMPARATOR,
			    w->m->comps[ind->cs[k].comp].id, NULL);
			series_row(ws, row, &ind->cs[k].s, ps, nps);
			row++;
		}
	}
	free(ps);
}

static void
sheet_breakdowns(struct w *w)
{
	lxw_worksheet	*ws = NULL;
	lxw_row_t	 row = 1;
	size_t		 i, k;
	bool		 unit = false;

	for (i = 0; i < w->m->ninds; i++)
		if (w->m->inds[i].breakdown != NULL &&
		    w->m->inds[i].breakdown->unit != UNIT_COUNT)
			unit = true;
	for (i = 0; i < w->m->ninds; i++) {
		const struct breakdown *b = w->m->inds[i].breakdown;

		if (b == NULL)
			continue;
		if (ws == NULL) {
			ws = workbook_add_worksheet(w->wb, "Breakdowns");
			heading(w, ws, 0, "id");
			heading(w, ws, 1, "title");
			heading(w, ws, 2, "period");
			heading(w, ws, 3, "label");
			heading(w, ws, 4, "value");
			if (unit)
				heading(w, ws, 5, "unit");
			worksheet_set_column(ws, 1, 1, 40, NULL);
			worksheet_set_column(ws, 3, 3, 30, NULL);
		}
		for (k = 0; k < b->nitems; k++, row++) {
			worksheet_write_string(ws, row, 0, w->m->inds[i].id,
			    NULL);
			if (b->title != NULL)
				worksheet_write_string(ws, row, 1, b->title,
				    NULL);
			if (b->pstr != NULL)
				worksheet_write_string(ws, row, 2, b->pstr,
				    NULL);
			worksheet_write_string(ws, row, 3, b->items[k].label,
			    NULL);
			if (b->items[k].has_value)
				put_number(ws, row, 4,
				    b->items[k].value, NULL);
			else
				worksheet_write_string(ws, row, 4, "[x]",
				    NULL);
			if (unit)
				worksheet_write_string(ws, row, 5,
				    model_unit_str(b->unit), NULL);
		}
	}
}

static void
details_series(struct w *w, lxw_worksheet **ws, lxw_row_t *row,
    const char *id, const char *comp, const struct series *s)
{
	const struct point *p;
	size_t		 i;

	for (i = 0; i < s->npts; i++) {
		p = &s->pts[i];
		if (p->note == NULL && !p->has_numerator &&
		    !p->has_denominator)
			continue;
		if (*ws == NULL) {
			*ws = workbook_add_worksheet(w->wb, "Details");
			heading(w, *ws, 0, "id");
			heading(w, *ws, 1, "comparator");
			heading(w, *ws, 2, "period");
			heading(w, *ws, 3, "note");
			heading(w, *ws, 4, "numerator");
			heading(w, *ws, 5, "denominator");
			worksheet_set_column(*ws, 3, 3, 60, NULL);
		}
		worksheet_write_string(*ws, *row, 0, id, NULL);
		if (comp != NULL)
			worksheet_write_string(*ws, *row, 1, comp, NULL);
		worksheet_write_string(*ws, *row, 2, p->pstr, NULL);
		if (p->note != NULL) {
			worksheet_write_string(*ws, *row, 3, p->note, NULL);
			w->nnote++;
		}
		if (p->has_numerator) {
			put_number(*ws, *row, 4,
			    (double)p->numerator, NULL);
			w->nnum++;
		}
		if (p->has_denominator) {
			put_number(*ws, *row, 5,
			    (double)p->denominator, NULL);
			w->nden++;
		}
		(*row)++;
	}
}

static void
sheet_details(struct w *w)
{
	lxw_worksheet	*ws = NULL;
	lxw_row_t	 row = 1;
	size_t		 i, k;

	for (i = 0; i < w->m->ninds; i++) {
		const struct indicator *ind = &w->m->inds[i];

		details_series(w, &ws, &row, ind->id, NULL, &ind->series);
		for (k = 0; k < ind->ncs; k++)
			details_series(w, &ws, &row, ind->id,
			    w->m->comps[ind->cs[k].comp].id, &ind->cs[k].s);
	}
}

/*
 * Whether text s (NULL: none) fits a cell; if not, says so once, naming
 * what holds it.  libxlsxwriter leaves a longer text out with no word.
 */
static bool
fits(struct diag *d, const char *name, const char *s, const char *what,
    const char *id, const char *field)
{
	size_t	 n;

	if (s == NULL || (n = utf8_count(s, strlen(s))) <= XLSX_CELL_MAX)
		return true;
	if (id != NULL)
		diag_msg(d, DIAG_ERROR, name, 0, 0, "%s \"%s\": its %s has "
		    "%zu characters, more than a workbook cell holds "
		    "(Excel's limit is 32767); shorten it, or keep this "
		    "report in JSON", what, id, field, n);
	else
		diag_msg(d, DIAG_ERROR, name, 0, 0, "%s: its %s has %zu "
		    "characters, more than a workbook cell holds (Excel's "
		    "limit is 32767); shorten it, or keep this report in "
		    "JSON", what, field, n);
	return false;
}

static bool
series_fits(struct diag *d, const char *name, const struct series *s,
    const char *id)
{
	size_t	 i;

	for (i = 0; i < s->npts; i++)
		if (!fits(d, name, s->pts[i].note, "indicator", id,
		    "note of a point"))
			return false;
	return true;
}

bool
xlsxwrite_fits(const struct model *m, const char *name, struct diag *d)
{
	const struct report_meta *r = &m->report;
	size_t	 i, k;

	if (!fits(d, name, r->title, "report", NULL, "title") ||
	    !fits(d, name, r->organisation, "report", NULL, "organisation") ||
	    !fits(d, name, r->introduction, "report", NULL, "introduction") ||
	    !fits(d, name, r->contact, "report", NULL, "contact"))
		return false;
	for (i = 0; i < m->ncomps; i++)
		if (!fits(d, name, m->comps[i].label, "comparator",
		    m->comps[i].id, "label"))
			return false;
	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];

		if (!fits(d, name, ind->code, "indicator", ind->id, "code") ||
		    !fits(d, name, ind->title, "indicator", ind->id, "title") ||
		    !fits(d, name, ind->section, "indicator", ind->id,
		    "section") ||
		    !fits(d, name, ind->commentary, "indicator", ind->id,
		    "commentary") ||
		    !series_fits(d, name, &ind->series, ind->id))
			return false;
		for (k = 0; k < ind->ncs; k++)
			if (!series_fits(d, name, &ind->cs[k].s, ind->id))
				return false;
		if (ind->breakdown == NULL)
			continue;
		if (!fits(d, name, ind->breakdown->title, "indicator",
		    ind->id, "breakdown title"))
			return false;
		for (k = 0; k < ind->breakdown->nitems; k++)
			if (!fits(d, name, ind->breakdown->items[k].label,
			    "indicator", ind->id, "breakdown label"))
				return false;
	}
	return true;
}

/*
 * What went wrong, in our words: libxlsxwriter's own ("Zip generic
 * error ZIP_ERRNO while creating the xlsx file.") name its insides.
 */
static void
close_failed(struct diag *d, const char *name, lxw_error err, int errnum)
{
	const char	*what;

	switch (err) {
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		what = "out of memory";
		break;
	case LXW_ERROR_CREATING_XLSX_FILE:
		what = "the file cannot be created";
		break;
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
		what = "a temporary file cannot be used (is the temporary "
		    "folder full or not writable?)";
		break;
	default:
		what = "writing the file failed";
		break;
	}
	if (errnum != 0)
		diag_msg(d, DIAG_ERROR, name, 0, 0, "cannot write the "
		    "workbook: %s (%s); check that the disk has room and "
		    "that a file of this size is allowed there", what,
		    strerror(errnum));
	else
		diag_msg(d, DIAG_ERROR, name, 0, 0, "cannot write the "
		    "workbook: %s", what);
}

/*
 * workbook_close(), which writes the file, with standard error sent
 * elsewhere: libxlsxwriter prints its own "[ERROR]" lines there, and
 * the user is told once, by close_failed().  Sets *errnum to errno as
 * the failure left it.
 */
static lxw_error
close_quietly(lxw_workbook *wb, int *errnum)
{
	lxw_error	 err;
	int		 saved, fd;

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	if (saved != -1 && (fd = open("/dev/null", O_WRONLY)) != -1) {
		(void)dup2(fd, STDERR_FILENO);
		close(fd);
	}
	errno = 0;
	err = workbook_close(wb);
	*errnum = errno;
	fflush(stderr);
	if (saved != -1) {
		(void)dup2(saved, STDERR_FILENO);
		close(saved);
	}
	return err;
}

bool
xlsxwrite_model(const struct model *m, const char *path, const char *name,
    struct diag *d)
{
	lxw_workbook_options	 opts;
	lxw_doc_properties	 props;
	struct w		 w;
	lxw_error		 err;
	int			 errnum;

	if (!xlsxwrite_fits(m, name, d))
		return false;
	memset(&w, 0, sizeof(w));
	memset(&opts, 0, sizeof(opts));
	w.m = m;
	if ((w.wb = workbook_new_opt(path, &opts)) == NULL) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "cannot create the "
		    "workbook");
		return false;
	}
	memset(&props, 0, sizeof(props));
	props.title = m->report.title;
	props.company = m->report.organisation;
	props.created = 1577836800;	/* 2020-01-01: fixed, not the clock */
	workbook_set_properties(w.wb, &props);
	w.bold = workbook_add_format(w.wb);
	format_set_bold(w.bold);
	w.month = workbook_add_format(w.wb);
	format_set_bold(w.month);
	format_set_num_format(w.month, "mmm-yy");
	w.wrap = workbook_add_format(w.wb);
	format_set_text_wrap(w.wrap);
	format_set_align(w.wrap, LXW_ALIGN_VERTICAL_TOP);
	sheet_report(&w);
	sheet_comparators(&w);
	sheet_indicators(&w);
	sheet_breakdowns(&w);
	sheet_details(&w);
	if ((err = close_quietly(w.wb, &errnum)) != LXW_NO_ERROR) {
		close_failed(d, name, err,
		    err == LXW_ERROR_MEMORY_MALLOC_FAILED ? 0 : errnum);
		return false;
	}
	/* The contract's layout has no cell for these: say where they are. */
	if (w.nnote + w.nnum + w.nden > 0)
		diag_msg(d, DIAG_WARN, name, 0, 0, "the Indicators sheet has "
		    "no cell for a point's note, numerator or denominator: "
		    "%zu notes, %zu numerators and %zu denominators are in "
		    "the Details sheet, which scorecard reads back and other "
		    "programs show as an ordinary sheet", w.nnote, w.nnum,
		    w.nden);
	return true;
}
