/*
 * chart: lays an indicator out into a scene (scene.h): a trend chart
 * (line or columns) or breakdown bars, with their axes, ticks, labels
 * and line-end legend.  Renderers (draw.c for PNG and PDF, svg.c for
 * SVG) take the scene from there and decide nothing.  Text widths come
 * through struct measure, so layout is testable without Cairo or fonts
 * (as Vega's scenegraph and matplotlib's backends separate layout from
 * drawing).  chart.c includes no library header.
 */
#ifndef CHART_H
#define CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "figures.h"
#include "model.h"
#include "scene.h"

/* What the chart should be.  Set with chart_defaults(), then edit. */
struct chart_opts {
	double		 w, h;		/* line/column chart size, px */
	double		 font;		/* base font size, px */
	const char	*ownlabel;	/* the authority's series label */
};

/* Sets the defaults: 800 x 450, 14 px. */
void	chart_defaults(struct chart_opts *o);

/* The chart kind an indicator gets: CHART_NONE when it has no chart. */
enum chart_kind chart_kind_for(const struct indicator *ind,
	    const struct figures *f);

/*
 * Lays out the indicator's trend chart (line or column, per
 * chart_kind_for()) into s, which must be empty.  Returns false (and
 * leaves s empty) when the indicator gets no trend chart.
 */
bool	chart_trend(struct scene *s, const struct model *m,
	    const struct indicator *ind, const struct figures *f,
	    const struct measure *ms, const struct chart_opts *o);

/*
 * Lays out the indicator's breakdown as horizontal bars, in the order
 * given, each with its value at the bar's end.  Returns false (s empty)
 * when the indicator has no breakdown.
 */
bool	chart_breakdown(struct scene *s, const struct indicator *ind,
	    const struct measure *ms, const struct chart_opts *o);

/* Colours of the Government Analysis Function palette, in order. */
extern const uint32_t chart_palette[6];

#endif
