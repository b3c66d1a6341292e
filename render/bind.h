/*
 * bind: a report's model and derived figures into the template context
 * (struct tmpl_ctx), under the names scorecard(1), TEMPLATES documents, and
 * every chart laid out and made into files on the way (chartfiles).
 */
#ifndef BIND_H
#define BIND_H

#include <stdbool.h>
#include <stddef.h>

#include "chartfiles.h"
#include "diag.h"
#include "figures.h"
#include "model.h"
#include "ofiles.h"
#include "tmpl.h"

/*
 * Binds the whole of m into root: the report's fields, the rows,
 * sections and lists, each indicator's words, facts, table and charts,
 * and the counts, which move against prev (the last report).  figs are
 * m's figures as figures_all() makes them.  Each chart's files go into
 * of through ch (their PNGs and PDFs are drawn on its worker:
 * chartfiles_collect() reports a chart that could not be).
 */
void	bind_report(struct tmpl_ctx *root, const struct model *m,
	    const struct figures *figs, const struct figcounts *prev,
	    struct chartfiles *ch, struct ofiles *of);

/*
 * Sets n_red, n_amber, n_green and n_none in c from counts by status
 * (n indexed by enum status).
 */
void	bind_counts(struct tmpl_ctx *c, const size_t n[4]);

#endif
