/*
 * bookhead: periods and dates in cells (a date cell, a year typed as a
 * number, the contract's forms and "Jan 2022", "Q2 2021/22", "2021-22"
 * typed as text), the rows of a sheet, and a table sheet's heading row:
 * which column is which field, which columns are periods.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book.h"
#include "book-int.h"
#include "buf.h"
#include "diag.h"
#include "period.h"
#include "util.h"

static int
month_word(const char *s, size_t n)
{
	int	 m;

	for (m = 1; m <= 12; m++)
		if ((n == 3 && strncasecmp(s, period_month_abbr(m), 3) == 0) ||
		    (n == strlen(period_month_name(m)) &&
		    strncasecmp(s, period_month_name(m), n) == 0) ||
		    (n == 4 && m == 9 && strncasecmp(s, "Sept", 4) == 0))
			return m;
	return 0;
}

/*
 * A heading or cell text as a period: the contract's forms, and "Jan
 * 2022", "January 2022", "Jan-22", "Q2 2021/22", "2021-22".
 */
static bool
text_period(const char *t, struct period *p)
{
	char	 s[64], canon[40];
	size_t	 n, w;
	int	 y, y2, q, m;
	char	 c;

	while (isspace((unsigned char)*t))
		t++;
	n = strlen(t);
	while (n > 0 && isspace((unsigned char)t[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(s))
		return false;
	memcpy(s, t, n);
	s[n] = '\0';
	if (period_parse(s, p))
		return true;
	/* Q2 2021/22 */
	if ((s[0] == 'Q' || s[0] == 'q') && sscanf(s + 1, "%1d %4d/%2d%c",
	    &q, &y, &y2, &c) == 3) {
		snprintf(canon, sizeof(canon), "%04d/%02d Q%d", y, y2, q);
		return period_parse(canon, p);
	}
	/* 2021-22 */
	if (n == 7 && s[4] == '-' && sscanf(s, "%4d-%2d%c", &y, &y2,
	    &c) == 2 && y2 == (y + 1) % 100) {
		snprintf(canon, sizeof(canon), "%04d/%02d", y, y2);
		return period_parse(canon, p);
	}
	/* Jan 2022, January 2022, Jan-22 */
	for (w = 0; w < n && isalpha((unsigned char)s[w]); w++)
		continue;
	if (w == 0 || w >= n || (s[w] != ' ' && s[w] != '-') ||
	    (m = month_word(s, w)) == 0)
		return false;
	t = s + w + 1;
	while (*t == ' ')
		t++;
	if (strlen(t) == 4 && sscanf(t, "%4d%c", &y, &c) == 1)
		;
	else if (strlen(t) == 2 && isdigit((unsigned char)t[0]) &&
	    isdigit((unsigned char)t[1]))
		y = 2000 + atoi(t);
	else
		return false;
	if (!isdigit((unsigned char)t[0]))
		return false;
	snprintf(canon, sizeof(canon), "%04d-%02d", y, m);
	return period_parse(canon, p);
}

/* A cell as a period (a date cell, a year typed as a number, text). */
bool
bk_cell_period(struct gen *g, const struct cell *c, struct period *p)
{
	int	 y, mo, d;

	if (c == NULL)
		return false;
	if (c->type == CELL_NUMBER && (c->fmt == FMT_MONTH ||
	    c->fmt == FMT_DAY)) {
		if (!book_serial_date(c->num, g->b->date1904, &y, &mo, &d))
			return false;
		memset(p, 0, sizeof(*p));
		p->kind = c->fmt == FMT_MONTH ? PERIOD_MONTH : PERIOD_DAY;
		p->year = y;
		p->month = mo;
		p->day = c->fmt == FMT_MONTH ? 0 : d;
		return true;
	}
	if (c->type == CELL_NUMBER && c->fmt == FMT_PLAIN &&
	    c->num == floor(c->num) && c->num >= PERIOD_YEAR_MIN &&
	    c->num <= PERIOD_YEAR_MAX) {
		memset(p, 0, sizeof(*p));
		p->kind = PERIOD_YEAR;
		p->year = (int)c->num;
		return true;
	}
	return c->type == CELL_TEXT && text_period(c->text, p);
}

/* Writes a period cell: canonical, or its text for the json module. */
void
bk_put_periodcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	struct period	 p;
	char		 s[32];

	const char	*t;

	if (c != NULL && bk_cell_period(g, c, &p))
		buf_putjson(&g->j, period_canon(&p, s, sizeof(s)));
	else if ((t = bk_date_shown(g, c)) != NULL)
		buf_putjson(&g->j, t);	/* the json module says why not */
	else
		bk_put_textcell(g, sh, c);
}

/*
 * The date a date cell shows, as the contract writes dates (2022-02 for
 * a month, 2022-02-15 for a day), into g->s; NULL if c is not a date
 * cell or its serial is outside what Excel shows (1900-01-01, or
 * 1904-01-01, to 9999-12-31).  Unlike book_serial_date(), it shows the
 * dates a period cannot be (years outside 1900 to 2199, and 29 February
 * 1900, which Excel shows after Lotus and which is shown with its day
 * whatever the format, being the day that never was), so that a message
 * about one names the date, not its serial number.
 */
const char *
bk_date_shown(struct gen *g, const struct cell *c)
{
	long	 days;
	int	 y, mo, d;

	if (c == NULL || c->type != CELL_NUMBER || (c->fmt != FMT_MONTH &&
	    c->fmt != FMT_DAY) || !isfinite(c->num) ||
	    c->num < (g->b->date1904 ? 0 : 1) || c->num > 2958466)
		return NULL;
	days = (long)floor(c->num);
	if (!g->b->date1904 && days == 60) {
		y = 1900, mo = 2, d = 29;
	} else {
		if (g->b->date1904)
			days += period_days(1904, 1, 1);
		else
			days += period_days(1899, 12, 31) - (days > 60);
		period_civil(days, &y, &mo, &d);
		if (y > 9999)
			return NULL;
	}
	buf_reset(&g->s);
	if (c->fmt == FMT_MONTH && !(y == 1900 && mo == 2 && d == 29))
		buf_printf(&g->s, "%04d-%02d", y, mo);
	else
		buf_printf(&g->s, "%04d-%02d-%02d", y, mo, d);
	return g->s.data;
}

/*
 * Rows and headings.
 */

/* The cells of row r of sh from index *i on: [*i, end). */
size_t
bk_row_end(const struct sheet *sh, size_t i)
{
	size_t	 e = i;

	while (e < sh->ncells && sh->cells[e].row == sh->cells[i].row)
		e++;
	return e;
}

/*
 * The cell of column col in [i, e) of sh, or NULL: a binary search, the
 * cells of a row being sorted by column (a row of 16,384 cells is
 * searched once for each period column).
 */
const struct cell *
bk_row_cell(const struct sheet *sh, size_t i, size_t e, uint32_t col)
{
	size_t	 m;

	while (i < e) {
		bk_ncmp++;
		m = i + (e - i) / 2;
		if (sh->cells[m].col == col)
			return &sh->cells[m];
		if (sh->cells[m].col < col)
			i = m + 1;
		else
			e = m;
	}
	return NULL;
}

bool
bk_row_blank(const struct sheet *sh, size_t i, size_t e)
{
	for (; i < e; i++)
		if (!bk_blank(&sh->cells[i]))
			return false;
	return true;
}

/* A hash of period p, for the table of period columns seen. */
static size_t
period_hash(const struct period *p)
{
	size_t	 h = (size_t)p->kind;

	h = h * 1000003u + (size_t)(unsigned)p->year;
	h = h * 31u + (size_t)(unsigned)p->month;
	h = h * 37u + (size_t)(unsigned)p->day;
	h = h * 5u + (size_t)(unsigned)p->quarter;
	return h * 2654435761u;
}

/*
 * Reads the heading row of a table sheet (the first non-blank row):
 * sets col[k] to the column named names[k] (0 if none).  Headings not
 * named are warned about unless period columns are wanted (pc != NULL),
 * where they are periods or errors.  Returns the index of the first
 * cell after the heading row.  A period given twice is found in a hash
 * table of the periods seen (16,384 columns compared pairwise took
 * 134 million comparisons).
 */
size_t
bk_headings(struct gen *g, const struct sheet *sh, const char *const *names,
    size_t nnames, uint32_t *col, struct pcol **pc, size_t *npc)
{
	size_t		 i = 0, e, k, j, cap, h;
	size_t		*seen;		/* [hash]: index in *pc + 1, or 0 */
	const struct cell *c;
	struct period	 p;
	struct buf	 shown;
	const char	*t;

	memset(col, 0, nnames * sizeof(*col));
	while (i < sh->ncells && bk_row_blank(sh, i, bk_row_end(sh, i)))
		i = bk_row_end(sh, i);
	if (i == sh->ncells)
		return i;
	e = bk_row_end(sh, i);
	for (cap = 16; pc != NULL && cap < 2 * (e - i + *npc); cap *= 2)
		continue;
	seen = xcalloc(cap, sizeof(*seen));
	for (j = 0; pc != NULL && j < *npc; j++) {
		for (h = period_hash(&(*pc)[j].p) & (cap - 1); seen[h] != 0;
		    h = (h + 1) & (cap - 1))
			continue;
		seen[h] = j + 1;
	}
	for (; i < e; i++) {
		c = &sh->cells[i];
		if (bk_blank(c))
			continue;
		t = c->type == CELL_TEXT ? c->text : NULL;
		for (k = 0; t != NULL && k < nnames; k++)
			if (bk_same_name(t, names[k]))
				break;
		if (t != NULL && k < nnames) {
			if (col[k] != 0)
				bk_msg(g, DIAG_ERROR, sh, c, 0, "a second "
				    "\"%s\" column", names[k]);
			else
				col[k] = c->col;
			continue;
		}
		if (pc == NULL) {
			bk_msg(g, DIAG_WARN, sh, c, 0, "column heading not "
			    "known, column ignored");
			continue;
		}
		if (bk_bad_cell(g, sh, c))
			continue;
		if (!bk_cell_period(g, c, &p) &&
		    (t = bk_date_shown(g, c)) != NULL) {
			bk_msg(g, DIAG_ERROR, sh, c, 0, "heading %s is a date "
			    "no period can be: periods run from %d to %d, and "
			    "29 February 1900 (which Excel shows) never was",
			    t, PERIOD_YEAR_MIN, PERIOD_YEAR_MAX);
			continue;
		}
		if (!bk_cell_period(g, c, &p)) {
			buf_reset(&g->s);
			t = bk_cell_text(g, c);
			buf_init(&shown);
			if (t != NULL)
				bk_show(&shown, t);
			bk_msg(g, DIAG_ERROR, sh, c, 0, "heading %s%s%s is "
			    "neither a field (id, code, title, section, "
			    "unit, better, target, amber, commentary, chart, "
			    "comparator) nor a period (2022-01, Jan 2022, "
			    "2021/22 Q2, 2021/22, 2020, 2022-02-15, or a "
			    "date)", t != NULL ? "\"" : "", shown.data,
			    t != NULL ? "\"" : "");
			buf_release(&shown);
			continue;
		}
		for (h = period_hash(&p) & (cap - 1); seen[h] != 0;
		    h = (h + 1) & (cap - 1)) {
			bk_ncmp++;
			if (period_eq(&(*pc)[seen[h] - 1].p, &p))
				break;
		}
		if (seen[h] != 0) {
			j = seen[h] - 1;
			buf_reset(&g->s);
			book_colname(&g->s, (*pc)[j].col);
			bk_msg(g, DIAG_ERROR, sh, c, 0, "a second column for "
			    "the period %s (the first is column %s)",
			    period_canon(&p, (char[32]){ 0 }, 32),
			    g->s.data);
			continue;
		}
		/* Doubled at each power of two: one copy a column is
		   quadratic where realloc() always moves (ASan). */
		if ((*npc & (*npc - 1)) == 0)
			*pc = xreallocarray(*pc, *npc == 0 ? 1 : *npc * 2,
			    sizeof(**pc));
		(*pc)[*npc].col = c->col;
		(*pc)[*npc].p = p;
		(*pc)[*npc].head = c;
		period_canon(&p, (*pc)[*npc].canon, sizeof((*pc)[*npc].canon));
		(*npc)++;
		seen[h] = *npc;
	}
	free(seen);
	return e;
}
