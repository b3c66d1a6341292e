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

/*
 * Appends, each with a space before it, what else the minutes would
 * say of it: its run (words_run), how it stands against each
 * comparator's latest figure at or before its own ("It is better than
 * England (12.2% in 2020/21)"; better or worse in its polarity, higher
 * or lower where it has none), and how the gap with each moved ("Since
 * Q3 2020/21 the gap has narrowed with the North East (from 70.7 to
 * 42.9 per 10,000)").  Nothing with no value.
 */
void	words_context(struct buf *b, const struct model *m,
	    const struct indicator *ind, const struct figures *f);

/* Appends f->run as a sentence ("It has fallen in each of the last 11
 * months."); nothing when no run holds. */
void	words_run(struct buf *b, const struct indicator *ind,
	    const struct figures *f);

/* Appends "in " and the period, or "on " and a day. */
void	words_when(struct buf *b, const struct period *p);

/*
 * For an indicator with a status or a trend that is in neither list
 * (amber, unchanged, or with no better direction): appends why and
 * returns true; else appends nothing and returns false.
 */
bool	words_unlisted(struct buf *b, const struct indicator *ind,
	    const struct figures *f);

/*
 * Appends how the RAG counts moved since prev ("There are now 2 red
 * indicators, down from 4 in December 2021; 5 amber, up from 3; and 6
 * green, the same as then."); nothing when prev has no period.
 */
void	words_counts(struct buf *b, const struct figcounts *now,
	    const struct figcounts *prev);

/* Appends which indicators changed status since prev, by title, or that
 * none did; nothing when prev has no period. */
void	words_changes(struct buf *b, const struct model *m,
	    const struct figures *figs, const struct figcounts *prev);

/* Whether a committee would list it as performing well: green, or
 * improving where there is no target to judge by. */
bool	words_performing_well(const struct indicator *ind,
	    const struct figures *f);

/* Whether it is an area for focus: red, or worsening (with a target
 * or without one, wherever a direction is better). */
bool	words_area_for_focus(const struct indicator *ind,
	    const struct figures *f);

/* Appends why it is listed: "red: 44.4% against a target of 35%". */
void	words_reason(struct buf *b, const struct indicator *ind,
	    const struct figures *f);

/*
 * Appends the whole report as plain text (the text/plain part of the
 * email): title, period, the RAG counts and how they moved since prev
 * (NULL or no period: not said), the two lists and what is in neither,
 * then each indicator's figures, sentences and commentary, wrapped at
 * 72 columns.  figs[i] are the figures of m->inds[i].
 */
void	words_text_report(struct buf *b, const struct model *m,
	    const struct figures *figs, const struct figcounts *prev);

/* The status and trend as words for readers: "Green", ..., "No target";
 * "Improving", ..., "No change", "Not enough data".  Static strings. */
const char	*words_status(enum status s);
const char	*words_trend(enum trend t);

#endif
