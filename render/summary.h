/*
 * summary: summary.json (scorecard(1), SUMMARY) from the model and its derived
 * figures.  Writes JSON by hand into a buf (two-space indent, keys in
 * the contract's order, numbers through buf_putnum) so that output is
 * stable byte for byte and reviewable with diff.
 */
#ifndef SUMMARY_H
#define SUMMARY_H

#include "buf.h"
#include "figures.h"
#include "model.h"

/*
 * Appends summary.json for m; figs[i] are the figures of m->inds[i];
 * prev the counts of the last report ("counts_previous": null when
 * prev is NULL or has no period).
 */
void	summary_write(struct buf *out, const struct model *m,
	    const struct figures *figs, const struct figcounts *prev);

#endif
