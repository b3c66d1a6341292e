/*
 * summary: summary.json, written by hand so that its bytes are fixed:
 * two-space indentation, one key per line, keys in the order of
 * scorecard(1), SUMMARY, strings through buf_putjson(), counts with
 * "%zu" and other numbers through buf_putnum() ("%.15g": exact for any
 * value of up to 15 significant digits).  That does not hide binary
 * noise: figures.c snaps each change to 12 significant digits first, so
 * 9.8 - 10 (-0.19999999999999929) is written -0.2.  Periods are echoed
 * as the input wrote them, but for counts_previous' period (worked out
 * from the series, or the snapshot's), which is written in its
 * canonical form (period_canon()).  No JSON library is involved, so
 * nothing here can fail.
 *
 *	{
 *	  "report": {
 *	    "title": "...",
 *	    ...
 *	  },
 *	  "indicators": [
 *	    {
 *	      "id": "cla-count",
 *	      ...
 *	      "highest": {
 *	        "period": "2020-09",
 *	        "value": 702,
 *	        "change": -202,
 *	        "change_pct": -28.8
 *	      },
 *	      ...
 *	    }
 *	  ]
 *	}
 */
#include <math.h>
#include <stddef.h>

#include "buf.h"
#include "figures.h"
#include "model.h"
#include "period.h"
#include "summary.h"

/* Ends an object or array opened at level - 1. */
static void
end(struct buf *b, int level, char c)
{
	buf_putc(b, '\n');
	buf_jsonindent(b, level - 1);
	buf_putc(b, c);
}

static void
str_or_null(struct buf *b, const char *s)
{
	if (s == NULL)
		BUF_PUTSL(b, "null");
	else
		buf_putjson(b, s);
}

static void
num_or_null(struct buf *b, double v)
{
	if (isfinite(v))
		buf_putnum(b, v);
	else
		BUF_PUTSL(b, "null");
}

/* { "period", "value" } of pt, or null. */
static void
put_point(struct buf *b, int level, const struct point *pt)
{
	int	 n = 0;

	if (pt == NULL) {
		BUF_PUTSL(b, "null");
		return;
	}
	buf_putc(b, '{');
	buf_jsonkey(b, level, "period", &n);
	str_or_null(b, pt->pstr);
	buf_jsonkey(b, level, "value", &n);
	num_or_null(b, pt->value);
	end(b, level, '}');
}

/* { "period", "value", "change", "change_pct" }, or null. */
static void
put_cmp(struct buf *b, int level, const struct figcmp *c)
{
	int	 n = 0;

	if (c->pt == NULL) {
		BUF_PUTSL(b, "null");
		return;
	}
	buf_putc(b, '{');
	buf_jsonkey(b, level, "period", &n);
	str_or_null(b, c->pt->pstr);
	buf_jsonkey(b, level, "value", &n);
	num_or_null(b, c->pt->value);
	buf_jsonkey(b, level, "change", &n);
	num_or_null(b, c->change);
	buf_jsonkey(b, level, "change_pct", &n);
	if (c->has_pct)
		num_or_null(b, c->change_pct);
	else
		BUF_PUTSL(b, "null");
	end(b, level, '}');
}

/* "comparators": [ { "id", "label", "period", "value", "difference",
 * "gap_before" } ], those with a value to compare with. */
static void
put_comparators(struct buf *b, int level, const struct model *m,
    const struct indicator *ind, const struct figures *f)
{
	struct figcomp	 c;
	size_t		 i, k = 0;
	int		 n, ng;

	buf_putc(b, '[');
	for (i = 0; i < ind->ncs; i++) {
		if (!figures_comparator(ind, f, i, &c))
			continue;
		if (k++ > 0)
			buf_putc(b, ',');
		buf_putc(b, '\n');
		buf_jsonindent(b, level);
		buf_putc(b, '{');
		n = 0;
		buf_jsonkey(b, level + 1, "id", &n);
		buf_putjson(b, m->comps[c.comp].id);
		buf_jsonkey(b, level + 1, "label", &n);
		buf_putjson(b, m->comps[c.comp].label);
		buf_jsonkey(b, level + 1, "period", &n);
		buf_putjson(b, c.pt->pstr);
		buf_jsonkey(b, level + 1, "value", &n);
		num_or_null(b, c.pt->value);
		buf_jsonkey(b, level + 1, "difference", &n);
		num_or_null(b, c.difference);
		buf_jsonkey(b, level + 1, "gap_before", &n);
		if (c.before == NULL)
			BUF_PUTSL(b, "null");
		else {
			ng = 0;
			buf_putc(b, '{');
			buf_jsonkey(b, level + 2, "period", &ng);
			buf_putjson(b, c.before->pstr);
			buf_jsonkey(b, level + 2, "difference", &ng);
			num_or_null(b, c.gap_before);
			end(b, level + 2, '}');
		}
		end(b, level + 1, '}');
	}
	if (k > 0)
		end(b, level, ']');
	else
		buf_putc(b, ']');
}

/* "run": null or { "kind", "length", "since" }. */
static void
put_run(struct buf *b, int level, const struct figrun *r)
{
	int	 n = 0;

	if (r->kind == RUN_NONE) {
		BUF_PUTSL(b, "null");
		return;
	}
	buf_putc(b, '{');
	buf_jsonkey(b, level, "kind", &n);
	buf_putjson(b, figures_run_str(r->kind));
	buf_jsonkey(b, level, "length", &n);
	buf_printf(b, "%zu", r->length);
	buf_jsonkey(b, level, "since", &n);
	buf_putjson(b, r->since->pstr);
	end(b, level, '}');
}

/* { "period", "red", "amber", "green", "none" }, or null. */
static void
put_counts(struct buf *b, int level, const struct figcounts *c)
{
	char	 tmp[32];
	int	 n = 0;

	if (c == NULL || !c->set) {
		BUF_PUTSL(b, "null");
		return;
	}
	buf_putc(b, '{');
	buf_jsonkey(b, level, "period", &n);
	buf_putjson(b, period_canon(&c->period, tmp, sizeof(tmp)));
	buf_jsonkey(b, level, "red", &n);
	buf_printf(b, "%zu", c->n[STATUS_RED]);
	buf_jsonkey(b, level, "amber", &n);
	buf_printf(b, "%zu", c->n[STATUS_AMBER]);
	buf_jsonkey(b, level, "green", &n);
	buf_printf(b, "%zu", c->n[STATUS_GREEN]);
	buf_jsonkey(b, level, "none", &n);
	buf_printf(b, "%zu", c->n[STATUS_NONE]);
	end(b, level, '}');
}

static void
put_indicator(struct buf *b, int level, const struct model *m,
    const struct indicator *ind, const struct figures *f)
{
	int	 n = 0;

	buf_putc(b, '{');
	buf_jsonkey(b, level, "id", &n);
	str_or_null(b, ind->id);
	buf_jsonkey(b, level, "unit", &n);
	buf_putjson(b, model_unit_str(ind->unit));
	buf_jsonkey(b, level, "latest", &n);
	put_point(b, level + 1, f->latest);
	buf_jsonkey(b, level, "previous", &n);
	put_point(b, level + 1, f->previous);
	buf_jsonkey(b, level, "trend", &n);
	buf_putjson(b, figures_trend_str(f->trend));
	buf_jsonkey(b, level, "status", &n);
	buf_putjson(b, figures_status_str(f->status));
	buf_jsonkey(b, level, "year_ago", &n);
	put_cmp(b, level + 1, &f->year_ago);
	buf_jsonkey(b, level, "highest", &n);
	put_cmp(b, level + 1, &f->highest);
	buf_jsonkey(b, level, "lowest", &n);
	put_cmp(b, level + 1, &f->lowest);
	buf_jsonkey(b, level, "comparators", &n);
	put_comparators(b, level + 1, m, ind, f);
	buf_jsonkey(b, level, "run", &n);
	put_run(b, level + 1, &f->run);
	buf_jsonkey(b, level, "previous_status", &n);
	if (f->has_prev_status)
		buf_putjson(b, figures_status_str(f->prev_status));
	else
		BUF_PUTSL(b, "null");
	end(b, level, '}');
}

void
summary_write(struct buf *out, const struct model *m,
    const struct figures *figs, const struct figcounts *prev)
{
	struct figcounts now;
	size_t	 i;
	int	 n = 0, nr = 0;

	buf_putc(out, '{');
	buf_jsonkey(out, 1, "report", &n);
	buf_putc(out, '{');
	buf_jsonkey(out, 2, "title", &nr);
	str_or_null(out, m->report.title);
	buf_jsonkey(out, 2, "organisation", &nr);
	str_or_null(out, m->report.organisation);
	buf_jsonkey(out, 2, "period", &nr);
	str_or_null(out, m->report.pstr);
	end(out, 2, '}');

	figures_counts(m, figs, &now);
	buf_jsonkey(out, 1, "counts", &n);
	put_counts(out, 2, &now);
	buf_jsonkey(out, 1, "counts_previous", &n);
	put_counts(out, 2, prev);

	buf_jsonkey(out, 1, "indicators", &n);
	buf_putc(out, '[');
	for (i = 0; i < m->ninds; i++) {
		if (i > 0)
			buf_putc(out, ',');
		buf_putc(out, '\n');
		buf_jsonindent(out, 2);
		put_indicator(out, 3, m, &m->inds[i], &figs[i]);
	}
	if (m->ninds > 0)
		end(out, 2, ']');
	else
		buf_putc(out, ']');
	end(out, 1, '}');
	buf_putc(out, '\n');
}
