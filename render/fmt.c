/*
 * fmt: numbers for people.  Everything funnels through numstr(), which
 * rounds in decimal, not in binary: the value is first written with 15
 * significant digits ("%.14e", which every double survives unchanged
 * in its meaningful digits) and that digit string is then rounded half
 * away from zero at the wanted place.  So 28.75 gives 28.8, 0.05 gives
 * 0.1 and 1.005 gives 1.01, as a person reading the input would expect,
 * although 0.05 and 1.005 are not exactly representable; and noise
 * from arithmetic (9.8 - 10 = -0.19999999999999929) disappears.  The
 * cost is that digits past the 15th of huge numbers print as zeros.
 *
 * snprintf is used only with "%.14e", whose output does not depend on
 * LC_NUMERIC's grouping (and scorecard never changes LC_NUMERIC from
 * "C").  Grouping, signs and unit words are added here by hand.
 */
#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fmt.h"
#include "model.h"

#define	FMT_MAXDEC	20	/* most decimal places fmt_num() takes */
#define	FMT_SIG		15	/* significant digits rounding starts from */
#define	FMT_NUMSZ	512	/* 309 integer digits, 102 commas, 20
				   decimals, sign, point, NUL */
#define	FMT_AXISDEC	10	/* most decimals an axis label gets */

/*
 * Writes v rounded half away from zero to d decimal places into dst
 * (FMT_NUMSZ bytes): an optional "-", the integer part grouped with
 * commas, then "." and the decimals unless trimmed away.  Returns true
 * if the rounded value is zero, which is then written without a sign.
 */
static bool
numstr(char *dst, double v, int d, bool trim)
{
	char	 e[32];			/* "d.ddddddddddddddde+XXX" */
	char	 m[FMT_SIG];		/* significant digits of |v| */
	char	 dig[FMT_NUMSZ];	/* carry slot, integer, decimals, guard */
	int	 ex, hi, n, i, p, k, len;
	size_t	 o = 0;
	bool	 zero = true;

	assert(isfinite(v));
	assert(d >= 0 && d <= FMT_MAXDEC);

	snprintf(e, sizeof(e), "%.*e", FMT_SIG - 1, fabs(v));
	assert(e[1] == '.' && e[FMT_SIG + 1] == 'e');
	m[0] = e[0];
	memcpy(m + 1, e + 2, FMT_SIG - 1);
	ex = (int)strtol(e + FMT_SIG + 2, NULL, 10);

	/*
	 * dig[0] is a carry slot; dig[1..] hold the digits for the powers
	 * of ten from hi down to -d, then the guard digit at -d-1.
	 */
	hi = ex > 0 ? ex : 0;
	n = 1;
	dig[0] = '0';
	for (p = hi; p >= -d - 1; p--) {
		i = ex - p;
		dig[n++] = i >= 0 && i < FMT_SIG ? m[i] : '0';
	}
	n--;				/* drop the guard digit */
	if (dig[n] >= '5') {
		for (k = n - 1; k >= 0; k--) {
			if (dig[k] != '9') {
				dig[k]++;
				break;
			}
			dig[k] = '0';
		}
	}
	for (k = 0; k < n; k++)
		if (dig[k] != '0')
			zero = false;

	if (v < 0 && !zero)
		dst[o++] = '-';

	/* Integer part: dig[0 .. hi+1], leading zeros dropped. */
	len = hi + 2;
	for (k = 0; k < len - 1 && dig[k] == '0'; k++)
		continue;
	for (i = k; i < len; i++) {
		if (i > k && (len - i) % 3 == 0)
			dst[o++] = ',';
		dst[o++] = dig[i];
	}

	/* Decimals: dig[len .. n-1]. */
	if (trim)
		while (n > len && dig[n - 1] == '0')
			n--;
	if (n > len) {
		dst[o++] = '.';
		for (i = len; i < n; i++)
			dst[o++] = dig[i];
	}
	assert(o < FMT_NUMSZ);
	dst[o] = '\0';
	return zero;
}

void
fmt_num(struct buf *b, double v, int d, bool trim)
{
	char	 s[FMT_NUMSZ];

	numstr(s, v, d, trim);
	buf_puts(b, s);
}

int
fmt_decimals(enum unit u)
{
	switch (u) {
	case UNIT_COUNT:
	case UNIT_DAYS:
		return 0;
	case UNIT_PERCENT:
	case UNIT_RATE10K:
	case UNIT_WEEKS:
		return 1;
	case UNIT_NUMBER:
		return 2;
	}
	abort();	/* not a unit */
}

/*
 * Decimal places for v in unit u: fmt_decimals(u), except that a count
 * which is not a whole number (an average, say) gets one.
 */
static int
places(double v, enum unit u)
{
	if (u == UNIT_COUNT && v != trunc(v))
		return 1;
	return fmt_decimals(u);
}

/* Writes v as fmt_value() does, without the unit; returns numstr's. */
static bool
valstr(char *dst, double v, enum unit u)
{
	return numstr(dst, v, places(v, u), true);
}

void
fmt_value(struct buf *b, double v, enum unit u)
{
	char	 s[FMT_NUMSZ];

	valstr(s, v, u);
	buf_puts(b, s);
	if (u == UNIT_PERCENT)
		buf_putc(b, '%');
}

void
fmt_cell(struct buf *b, double v, enum unit u)
{
	char	 s[FMT_NUMSZ];

	numstr(s, v, places(v, u), false);
	buf_puts(b, s);
	if (u == UNIT_PERCENT)
		buf_putc(b, '%');
}

/* True if the written number s reads as one (so "day", not "days"). */
static bool
is_one(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return strcmp(s, "1") == 0;
}

void
fmt_value_unit(struct buf *b, double v, enum unit u)
{
	char	 s[FMT_NUMSZ];

	valstr(s, v, u);
	buf_puts(b, s);
	switch (u) {
	case UNIT_COUNT:
	case UNIT_NUMBER:
		break;
	case UNIT_PERCENT:
		buf_putc(b, '%');
		break;
	case UNIT_RATE10K:
		BUF_PUTSL(b, " per 10,000");
		break;
	case UNIT_DAYS:
		buf_puts(b, is_one(s) ? " day" : " days");
		break;
	case UNIT_WEEKS:
		buf_puts(b, is_one(s) ? " week" : " weeks");
		break;
	}
}

void
fmt_change(struct buf *b, double change, enum unit u)
{
	char	 s[FMT_NUMSZ];
	bool	 zero;

	zero = valstr(s, change, u);
	if (!zero && change > 0)
		buf_putc(b, '+');
	buf_puts(b, s);
	if (u == UNIT_PERCENT)
		buf_puts(b, is_one(s) ? " pt" : " pts");
}

void
fmt_pct(struct buf *b, double pct)
{
	char	 s[FMT_NUMSZ];
	bool	 zero;

	zero = numstr(s, pct, 1, true);
	if (!zero && pct > 0)
		buf_putc(b, '+');
	buf_puts(b, s);
	buf_putc(b, '%');
}

/*
 * Decimal places that step needs: the fewest d (up to FMT_AXISDEC)
 * for which step * 10^d is a whole number, allowing for binary noise
 * (0.1 * 10 is not quite 1 in every computation).
 */
static int
step_places(double step)
{
	double	 x;
	int	 d;

	for (d = 0; d < FMT_AXISDEC; d++) {
		x = step * pow(10, d);
		if (fabs(x - round(x)) <= 1e-9 * fmax(1, fabs(x)))
			return d;
	}
	return FMT_AXISDEC;
}

void
fmt_axis(struct buf *b, double v, double step, enum unit u)
{
	char	 s[FMT_NUMSZ];

	if (isfinite(step) && step > 0)
		numstr(s, v, step_places(step), false);
	else
		valstr(s, v, u);	/* no step (one tick): as a value */
	buf_puts(b, s);
	if (u == UNIT_PERCENT)
		buf_putc(b, '%');
}
