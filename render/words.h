/*
 * words: plain-English sentences from the derived figures, in the manner
 * of committee minutes ("The latest figure, for January 2022, is 500:
 * 161 fewer (24.4%) than in January 2021 ...").  Only what the figures
 * support: every clause is computed from figures.c, with units, periods
 * and numbers written as fmt.c and period.c write them.  Pure: appends
 * to a caller's buf.
 */
#ifndef WORDS_H
#define WORDS_H

#include <stdbool.h>

#include "buf.h"
#include "figures.h"
#include "model.h"

/*
 * Appends the summary of one indicator: its latest value and period,
 * the change on a year before (or on the previous figure), its place
 * against the series' highest or lowest, and its place against the
 * target.  Appends "No figures are available yet." with no value.
 */
void	words_indicator(struct buf *b, const struct indicator *ind,
	    const struct figures *f);

/* Whether a committee would list it as performing well: green, or
 * improving where there is no target to judge by. */
bool	words_performing_well(const struct indicator *ind,
	    const struct figures *f);

/* Whether it is an area for focus: red, or worsening against a target. */
bool	words_area_for_focus(const struct indicator *ind,
	    const struct figures *f);

/* Appends why it is listed: "red: 44.4% against a target of 35%". */
void	words_reason(struct buf *b, const struct indicator *ind,
	    const struct figures *f);

/*
 * Appends the whole report as plain text (the text/plain part of the
 * email): title, period, the RAG counts, the two lists, then each
 * indicator's figures, sentence and commentary, wrapped at 72 columns.
 * figs[i] are the figures of m->inds[i].
 */
void	words_text_report(struct buf *b, const struct model *m,
	    const struct figures *figs);

/* The status and trend as words for readers: "Green", ..., "No target";
 * "Improving", ..., "No change", "Not enough data".  Static strings. */
const char	*words_status(enum status s);
const char	*words_trend(enum trend t);

#endif
