/*
 * jsonout: a model back into indicator JSON, in one normal form: what
 * `scorecard convert` prints and what an archive keeps beside a
 * spreadsheet.  Two-space indentation, keys in the order of the input
 * contract, fields at their defaults left out, a point or a breakdown
 * item on one line, series in time order (as the model holds them),
 * periods as the input wrote them.  Read back with json.c, the text
 * gives the same model, so the same report.
 *
 * It deliberately writes no JSON library's output and reads nothing:
 * strings through buf_putjson(), numbers through put_num() below, which
 * writes the shortest of "%.15g" and "%.17g" that reads back as the
 * same double (so nothing is rounded away, and 9.8 stays "9.8").
 *
 * The model must be as json_load() left it: before model_suppress(),
 * which hides values.
 */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "jsonout.h"
#include "model.h"

static void
put_num(struct buf *b, double v)
{
	char	 s[40];

	if (v == 0)
		v = 0;			/* -0 as 0 */
	snprintf(s, sizeof(s), "%.15g", v);
	if (strtod(s, NULL) != v)
		snprintf(s, sizeof(s), "%.17g", v);
	buf_puts(b, s);
}

static void
str_member(struct buf *b, int level, const char *k, const char *v, int *n)
{
	if (v == NULL)
		return;
	buf_jsonkey(b, level, k, n);
	buf_putjson(b, v);
}

/* A point on one line. */
static void
put_point(struct buf *b, const struct point *p)
{
	BUF_PUTSL(b, "{\"period\": ");
	buf_putjson(b, p->pstr);
	BUF_PUTSL(b, ", \"value\": ");
	if (p->has_value)
		put_num(b, p->value);
	else
		BUF_PUTSL(b, "null");
	if (p->has_numerator)
		buf_printf(b, ", \"numerator\": %lld", p->numerator);
	if (p->has_denominator)
		buf_printf(b, ", \"denominator\": %lld", p->denominator);
	if (p->note != NULL) {
		BUF_PUTSL(b, ", \"note\": ");
		buf_putjson(b, p->note);
	}
	if (p->provisional)
		BUF_PUTSL(b, ", \"provisional\": true");
	buf_putc(b, '}');
}

static void
put_series(struct buf *b, int level, const struct series *s)
{
	size_t	 i;

	buf_putc(b, '[');
	for (i = 0; i < s->npts; i++) {
		if (i > 0)
			buf_putc(b, ',');
		buf_putc(b, '\n');
		buf_jsonindent(b, level + 1);
		put_point(b, &s->pts[i]);
	}
	buf_putc(b, '\n');
	buf_jsonindent(b, level);
	buf_putc(b, ']');
}

static void
put_breakdown(struct buf *b, int level, const struct breakdown *bd)
{
	size_t	 i;
	int	 n = 0;

	buf_putc(b, '{');
	str_member(b, level + 1, "title", bd->title, &n);
	str_member(b, level + 1, "period", bd->pstr, &n);
	if (bd->unit != UNIT_COUNT)
		str_member(b, level + 1, "unit", model_unit_str(bd->unit), &n);
	buf_jsonkey(b, level + 1, "items", &n);
	buf_putc(b, '[');
	for (i = 0; i < bd->nitems; i++) {
		if (i > 0)
			buf_putc(b, ',');
		buf_putc(b, '\n');
		buf_jsonindent(b, level + 2);
		BUF_PUTSL(b, "{\"label\": ");
		buf_putjson(b, bd->items[i].label);
		BUF_PUTSL(b, ", \"value\": ");
		if (bd->items[i].has_value)
			put_num(b, bd->items[i].value);
		else
			BUF_PUTSL(b, "null");
		buf_putc(b, '}');
	}
	buf_putc(b, '\n');
	buf_jsonindent(b, level + 1);
	BUF_PUTSL(b, "]\n");
	buf_jsonindent(b, level);
	buf_putc(b, '}');
}

static void
put_indicator(struct buf *b, const struct model *m,
    const struct indicator *ind)
{
	size_t	 i;
	int	 n = 0, k;

	buf_jsonindent(b, 2);
	buf_putc(b, '{');
	str_member(b, 3, "id", ind->id, &n);
	str_member(b, 3, "code", ind->code, &n);
	str_member(b, 3, "title", ind->title, &n);
	str_member(b, 3, "section", ind->section, &n);
	str_member(b, 3, "unit", model_unit_str(ind->unit), &n);
	if (ind->better != BETTER_NEITHER)
		str_member(b, 3, "better", model_better_str(ind->better), &n);
	if (ind->target.set) {
		buf_jsonkey(b, 3, "target", &n);
		if (ind->target.has_amber) {
			BUF_PUTSL(b, "{\"value\": ");
			put_num(b, ind->target.value);
			BUF_PUTSL(b, ", \"amber\": ");
			put_num(b, ind->target.amber);
			buf_putc(b, '}');
		} else
			put_num(b, ind->target.value);
	}
	buf_jsonkey(b, 3, "series", &n);
	put_series(b, 3, &ind->series);
	if (ind->ncs > 0) {
		buf_jsonkey(b, 3, "comparators", &n);
		buf_putc(b, '{');
		k = 0;
		for (i = 0; i < ind->ncs; i++) {
			buf_jsonkey(b, 4, m->comps[ind->cs[i].comp].id, &k);
			put_series(b, 4, &ind->cs[i].s);
		}
		buf_putc(b, '\n');
		buf_jsonindent(b, 3);
		buf_putc(b, '}');
	}
	if (ind->breakdown != NULL) {
		buf_jsonkey(b, 3, "breakdown", &n);
		put_breakdown(b, 3, ind->breakdown);
	}
	str_member(b, 3, "commentary", ind->commentary, &n);
	if (ind->chart != CHART_AUTO)
		str_member(b, 3, "chart", model_chart_str(ind->chart), &n);
	buf_putc(b, '\n');
	buf_jsonindent(b, 2);
	buf_putc(b, '}');
}

void
jsonout_model(struct buf *b, const struct model *m)
{
	size_t	 i;
	int	 n = 0, k = 0;

	buf_putc(b, '{');
	buf_jsonkey(b, 1, "report", &n);
	buf_putc(b, '{');
	str_member(b, 2, "title", m->report.title, &k);
	str_member(b, 2, "organisation", m->report.organisation, &k);
	str_member(b, 2, "period", m->report.pstr, &k);
	str_member(b, 2, "published", m->report.published, &k);
	str_member(b, 2, "introduction", m->report.introduction, &k);
	str_member(b, 2, "contact", m->report.contact, &k);
	buf_putc(b, '\n');
	buf_jsonindent(b, 1);
	buf_putc(b, '}');
	if (!m->suppress) {
		buf_jsonkey(b, 1, "suppression", &n);
		BUF_PUTSL(b, "false");
	} else if (m->threshold != MODEL_THRESHOLD) {
		buf_jsonkey(b, 1, "suppression", &n);
		buf_printf(b, "{\"threshold\": %d}", m->threshold);
	}
	if (m->ncomps > 0) {
		buf_jsonkey(b, 1, "comparators", &n);
		buf_putc(b, '{');
		k = 0;
		for (i = 0; i < m->ncomps; i++)
			str_member(b, 2, m->comps[i].id, m->comps[i].label,
			    &k);
		buf_putc(b, '\n');
		buf_jsonindent(b, 1);
		buf_putc(b, '}');
	}
	buf_jsonkey(b, 1, "indicators", &n);
	buf_putc(b, '[');
	for (i = 0; i < m->ninds; i++) {
		buf_puts(b, i > 0 ? ",\n" : "\n");
		put_indicator(b, m, &m->inds[i]);
	}
	BUF_PUTSL(b, "\n  ]\n}\n");
}
