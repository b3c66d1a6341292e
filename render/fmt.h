/*
 * fmt: numbers and changes written for people, in GOV.UK style:
 * thousands separated by commas (9,000), percentages with % (7.4%),
 * at most one decimal place unless the unit needs more.  Appends to a
 * caller's buf.  Pure: no locale (LC_NUMERIC stays "C").
 *
 *	unit	 value	 fmt_value	 fmt_axis (tick step 0.5)
 *	count	 9000	 "9,000"	 -
 *	percent	 7.4	 "7.4%"		 "7.5%"
 *	rate10k	 16.66	 "16.7"
 *	days	 412	 "412"		 (fmt_unit_word adds "days")
 *	number	 0.345	 "0.35"
 */
#ifndef FMT_H
#define FMT_H

#include <stdbool.h>

#include "buf.h"
#include "model.h"

/*
 * Appends v with grouping and d decimal places, rounding half away
 * from zero; trailing zero decimals are dropped if trim is set
 * ("10" rather than "10.0").  "-0" is never written.  Rounding is done
 * in decimal on v's first 15 significant digits, so 0.05 gives "0.1"
 * and 9.8 - 10 gives "-0.2"; digits past the 15th print as 0.  v must
 * be finite and d from 0 to 20 (both asserted).
 */
void	 fmt_num(struct buf *b, double v, int d, bool trim);

/* Decimal places fmt_value uses for unit u: 0, 1 or 2. */
int	 fmt_decimals(enum unit u);

/*
 * Appends v as a reader sees it for unit u ("9,000", "9.8%", "16.7"):
 * fmt_decimals(u) places, trailing zeros trimmed ("10%"); a count that
 * is not a whole number gets one place ("2.5").
 */
void	 fmt_value(struct buf *b, double v, enum unit u);

/*
 * Appends v as fmt_value() does but with trailing zeros kept ("12.0%",
 * "16.0"): for the cells of a table, where the figures of a column
 * should have the same number of decimal places to be read and
 * compared down it, as in published statistical tables.
 */
void	 fmt_cell(struct buf *b, double v, enum unit u);

/*
 * Appends v with its unit as words where the unit has them:
 * "9,000", "9.8%", "16.7 per 10,000", "412 days", "1 day", "12 weeks".
 */
void	 fmt_value_unit(struct buf *b, double v, enum unit u);

/*
 * Appends a signed change: "+12", "-202", "0", "+1.5 pts" for percent
 * (a change between percentages is in percentage points; "+1 pt",
 * "0 pts").  Decimals as fmt_value; a change that rounds to zero has
 * no sign.
 */
void	 fmt_change(struct buf *b, double change, enum unit u);

/*
 * Appends a signed percentage change, one decimal at most: "+3.2%",
 * "-28.8%", "+3%"; "0%" for anything that rounds to zero.
 */
void	 fmt_pct(struct buf *b, double pct);

/*
 * Appends an axis label for tick value v given the tick step: as many
 * decimals as step needs (0.5 and 2.5: one, 0.25: two; at most 10),
 * kept even when zero so labels line up ("7.0%", "7.5%"), grouped,
 * with "%" for percent.  A step that is not positive (a single tick)
 * formats v as fmt_value() would.
 */
void	 fmt_axis(struct buf *b, double v, double step, enum unit u);

#endif
