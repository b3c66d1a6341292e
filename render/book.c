/*
 * book: the sheet layout of scorecard(1) (SPREADSHEETS) mapped into
 * indicator JSON, checked by json.c.  xlsx.c and csv.c only turn bytes
 * into cells; everything about what the cells mean is here, once.
 *
 * IMPLEMENTATION NOTES
 *
 * 1. Cells are sorted by row and column, sheets found by name (case and
 *    surrounding spaces ignored).
 * 2. Each sheet is read into JSON text, in the order of the contract,
 *    one value to a line.  What only a spreadsheet can get wrong (a
 *    heading that is neither a field nor a period, a value cell that is
 *    not a number, [x] or empty, a formula with no cached value, a
 *    comparator row with no indicator row above it) is reported here,
 *    at its cell, and the cell left out.
 * 3. The JSON text goes through json_load_where(), the same checks as
 *    any JSON file.  Beside the text a table gives, for each of its
 *    lines, the cell (or CSV line and column) the line came from, so
 *    json.c's messages name the cell, not the JSON path.
 *
 * Nothing here knows zip, XML or CSV quoting.
 */
#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "period.h"
#include "util.h"

/* Where one line of the JSON text came from. */
struct loc {
	const struct sheet	*sh;	/* NULL: nowhere in particular */
	uint32_t		 row, col;	/* col 0: the whole row */
	int			 line, lcol;	/* CSV */
};

/* The fields of the Indicators sheet, and of the others. */
enum field {
	F_ID, F_CODE, F_TITLE, F_SECTION, F_UNIT, F_BETTER, F_COMMENTARY,
	F_CHART, F_TARGET, F_AMBER, F_COMPARATOR,
	F__MAX
};
static const char *const fields[F__MAX] = {
	"id", "code", "title", "section", "unit", "better", "commentary",
	"chart", "target", "amber", "comparator"
};

/* A column of the Indicators sheet that is a period. */
struct pcol {
	uint32_t	 col;
	struct period	 p;
	char		 canon[32];
	const struct cell *head;
};

/* One row of the Indicators sheet. */
struct irow {
	uint32_t	 row;
	size_t		 first, n;	/* its cells in the sheet */
	const struct cell *f[F__MAX];
	size_t		 nextcomp;	/* next comparator row of the same
					   indicator, or SIZE_MAX */
	size_t		 lastcomp;	/* (own rows) the last one */
	bool		 percent;	/* unit is percent */
	bool		 skip;		/* reported: left out */
};

/* One row of the Details sheet (an extension: point fields). */
struct drow {
	const struct cell *id, *comp, *period, *note, *num, *den, *first;
	struct period	 p;
	bool		 has_p, used;
	char		*idt, *compt;	/* own: id and comparator texts */
};

/* One row of the Breakdowns sheet. */
struct brow {
	const struct cell *id, *title, *period, *label, *value, *unit, *first;
	char		*idt;		/* own: the id's text, or NULL */
};

/* A row found by its id: one entry of a sorted index. */
struct idix {
	const char	*id;
	size_t		 i;		/* the row's index */
};

struct gen {
	const char	*name;
	struct book	*b;
	struct diag	*d;
	size_t		 nerr;		/* our own errors */
	struct buf	 j;		/* the JSON text */
	struct loc	*locs;		/* [line - 1] */
	size_t		 nlocs, maxlocs;
	struct buf	 s;		/* scratch */
	const struct sheet *report, *comps, *inds, *bds, *details;
	struct drow	*dr;
	size_t		 ndr;
	struct drow	**dix;		/* dr looked up: sorted by dkey_cmp() */
	size_t		 ndix;
	struct brow	*br;
	size_t		 nbr;
	struct idix	*bix;		/* br by id, then sheet order */
	size_t		 nbix;
};

void
book_init(struct book *b)
{
	memset(b, 0, sizeof(*b));
}

void
book_release(struct book *b)
{
	size_t	 i, k;

	if (b == NULL)
		return;
	for (i = 0; i < b->nsheets; i++) {
		for (k = 0; k < b->sheets[i].ncells; k++)
			free(b->sheets[i].cells[k].text);
		free(b->sheets[i].cells);
		free(b->sheets[i].name);
	}
	free(b->sheets);
	memset(b, 0, sizeof(*b));
}

struct sheet *
book_sheet(struct book *b, const char *name, bool hidden)
{
	struct sheet	*s;

	if (b->nsheets == b->maxsheets) {
		b->maxsheets = b->maxsheets == 0 ? 4 : b->maxsheets * 2;
		b->sheets = xreallocarray(b->sheets, b->maxsheets,
		    sizeof(*b->sheets));
	}
	s = &b->sheets[b->nsheets++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->hidden = hidden;
	return s;
}

struct cell *
book_cell(struct book *b, struct sheet *s, uint32_t row, uint32_t col)
{
	struct cell	*c;

	if (b->ncells >= BOOK_MAX_CELLS)
		return NULL;
	if (s->ncells == s->maxcells) {
		s->maxcells = s->maxcells == 0 ? 64 : s->maxcells * 2;
		s->cells = xreallocarray(s->cells, s->maxcells,
		    sizeof(*s->cells));
	}
	b->ncells++;
	c = &s->cells[s->ncells++];
	memset(c, 0, sizeof(*c));
	c->row = row;
	c->col = col;
	return c;
}

void
book_colname(struct buf *b, uint32_t col)
{
	char	 s[8];
	int	 n = 0, i;

	while (col > 0 && n < 7) {
		s[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = n - 1; i >= 0; i--)
		buf_putc(b, s[i]);
}

bool
book_serial_date(double v, bool date1904, int *y, int *mo, int *d)
{
	long	 days;

	if (!isfinite(v) || v < 1 || v > 200000)
		return false;
	days = (long)floor(v);
	if (date1904)
		days += period_days(1904, 1, 1);
	else {
		if (days == 60)		/* 29 February 1900, Lotus's */
			return false;
		if (days > 60)
			days--;
		days += period_days(1899, 12, 31);
	}
	period_civil(days, y, mo, d);
	return *y >= PERIOD_YEAR_MIN && *y <= PERIOD_YEAR_MAX;
}

/*
 * Messages.
 */

/*
 * Text t as a message shows it, into b: cut at 40 bytes (as json.c cuts
 * keys) and an invisible byte order mark shown as <U+FEFF>.
 */
static void
show(struct buf *b, const char *t)
{
	size_t	 n = 0;

	for (; *t != '\0' && n < 40; t++, n++) {
		if (strncmp(t, "\xef\xbb\xbf", 3) == 0) {
			buf_puts(b, "<U+FEFF>");
			t += 2;
			n += 2;
			continue;
		}
		buf_putc(b, *t);
	}
	if (*t != '\0') {
		while (((unsigned char)*t & 0xc0) == 0x80)
			buf_putc(b, *t++);
		buf_puts(b, "...");
	}
}

/* The place of a cell: "Indicators!F7" into b, or a CSV line:col. */
static void
place_label(const struct gen *g, const struct sheet *sh, uint32_t row,
    uint32_t col, struct buf *b)
{
	const char	*p;
	bool		 quote = false;

	for (p = sh->name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			quote = true;
	(void)g;
	if (quote) {
		buf_putc(b, '\'');
		for (p = sh->name; *p != '\0'; p++) {
			if (*p == '\'')
				buf_putc(b, '\'');
			buf_putc(b, *p);
		}
		buf_putc(b, '\'');
	} else
		buf_puts(b, sh->name);
	buf_putc(b, '!');
	if (col > 0) {
		book_colname(b, col);
		buf_printf(b, "%u", (unsigned)row);
	} else
		buf_printf(b, "%u:%u", (unsigned)row, (unsigned)row);
}

static void	gmsg(struct gen *, enum diag_level, const struct sheet *,
		    const struct cell *, uint32_t, const char *, ...)
		    __attribute__((format(printf, 6, 7)));

/* A message at cell c of sh (or at row of sh when c is NULL). */
static void
gmsg(struct gen *g, enum diag_level lvl, const struct sheet *sh,
    const struct cell *c, uint32_t row, const char *fmt, ...)
{
	struct buf	 file, text;
	va_list		 ap;
	int		 line = 0, col = 0;

	buf_init(&file);
	buf_init(&text);
	buf_puts(&file, g->name);
	if (sh != NULL && g->b->text) {
		if (c != NULL) {
			line = c->line;
			col = c->lcol;
		} else {
			line = (int)row;
			col = 1;
		}
	} else if (sh != NULL) {
		BUF_PUTSL(&file, ": ");
		place_label(g, sh, c != NULL ? c->row : row,
		    c != NULL ? c->col : 0, &file);
	}
	va_start(ap, fmt);
	buf_vprintf(&text, fmt, ap);
	va_end(ap);
	diag_msg(g->d, lvl, file.data, line, col, "%s", text.data);
	if (lvl == DIAG_ERROR)
		g->nerr++;
	buf_release(&text);
	buf_release(&file);
}

/* json.c's places into ours. */
static bool
where(void *arg, int jline, int jcol, int *line, int *col,
    struct buf *label)
{
	struct gen		*g = arg;
	const struct loc	*l;

	(void)jcol;
	if (jline < 1 || (size_t)jline > g->nlocs)
		return false;
	l = &g->locs[jline - 1];
	if (l->sh == NULL)
		return false;
	if (g->b->text) {
		*line = l->line;
		*col = l->lcol;
	} else
		place_label(g, l->sh, l->row, l->col, label);
	return true;
}

/*
 * Writing the JSON text.
 */

/* Starts a new line of JSON text from place l. */
static void
nl(struct gen *g, const struct loc *l)
{
	static const struct loc	 none;

	if (g->nlocs > 0)
		buf_putc(&g->j, '\n');
	if (g->nlocs == g->maxlocs) {
		g->maxlocs = g->maxlocs == 0 ? 256 : g->maxlocs * 2;
		g->locs = xreallocarray(g->locs, g->maxlocs,
		    sizeof(*g->locs));
	}
	g->locs[g->nlocs++] = l != NULL ? *l : none;
}

static struct loc
at(const struct gen *g, const struct sheet *sh, const struct cell *c,
    uint32_t row)
{
	struct loc	 l;

	(void)g;
	memset(&l, 0, sizeof(l));
	l.sh = sh;
	if (c != NULL) {
		l.row = c->row;
		l.col = c->col;
		l.line = c->line;
		l.lcol = c->lcol;
	} else {
		l.row = row;
		l.line = (int)row;
		l.lcol = 1;
	}
	return l;
}

/* Appends the shortest text that reads back as v. */
static void
put_num(struct buf *b, double v)
{
	char	 s[40];

	if (v == 0)
		v = 0;
	snprintf(s, sizeof(s), "%.15g", v);
	if (strtod(s, NULL) != v)
		snprintf(s, sizeof(s), "%.17g", v);
	buf_puts(b, s);
}

/* Appends "key": on a new line from place l; *n counts members. */
static void
key(struct gen *g, const struct loc *l, const char *k, int *n)
{
	if ((*n)++ > 0)
		buf_putc(&g->j, ',');
	nl(g, l);
	buf_putjson(&g->j, k);
	buf_putc(&g->j, ':');
}

/*
 * Cells.
 */

static int
cell_cmp(const void *a, const void *b)
{
	const struct cell	*x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* Whether c holds nothing. */
static bool
blank(const struct cell *c)
{
	const char	*p;

	if (c == NULL || c->type == CELL_EMPTY)
		return true;
	if (c->type != CELL_TEXT)
		return false;
	for (p = c->text; *p != '\0'; p++)
		if (!isspace((unsigned char)*p))
			return false;
	return true;
}

/* c's text without surrounding white space into g->s; NULL if blank. */
static const char *
trimmed(struct gen *g, const char *t)
{
	const char	*e;

	while (isspace((unsigned char)*t))
		t++;
	e = t + strlen(t);
	while (e > t && isspace((unsigned char)e[-1]))
		e--;
	buf_reset(&g->s);
	buf_put(&g->s, t, (size_t)(e - t));
	return g->s.data;
}

/* Whether a and b are the same name, case and outer spaces aside. */
static bool
same_name(const char *a, const char *b)
{
	size_t	 n;

	while (isspace((unsigned char)*a))
		a++;
	n = strlen(a);
	while (n > 0 && isspace((unsigned char)a[n - 1]))
		n--;
	return strlen(b) == n && strncasecmp(a, b, n) == 0;
}

/*
 * A number written as text: optional sign, digits (commas between
 * groups of three allowed), optional fraction and exponent.
 */
static bool
text_num(const char *s, double *v)
{
	char		 buf[64];
	size_t		 n = 0;
	const char	*p = s;
	int		 digits = 0, group = -1;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		buf[n++] = *p++;
	for (; *p != '\0' && n < sizeof(buf) - 1; p++) {
		if (isdigit((unsigned char)*p)) {
			buf[n++] = *p;
			digits++;
			if (group >= 0)
				group++;
		} else if (*p == ',' && digits > 0 &&
		    (group == -1 ? digits <= 3 : group == 3))
			group = 0;
		else
			break;
	}
	if (digits == 0 || (group >= 0 && group != 3))
		return false;
	if (*p == '.') {
		buf[n++] = *p++;
		while (isdigit((unsigned char)*p) && n < sizeof(buf) - 1)
			buf[n++] = *p++;
	}
	if ((*p == 'e' || *p == 'E') && n < sizeof(buf) - 3) {
		buf[n++] = *p++;
		if (*p == '-' || *p == '+')
			buf[n++] = *p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p) && n < sizeof(buf) - 1)
			buf[n++] = *p++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0' || n >= sizeof(buf) - 1)
		return false;
	buf[n] = '\0';
	*v = strtod(buf, NULL);
	return isfinite(*v);
}

/* A cell as text for a text field, into g->s; NULL if it has none. */
static const char *
cell_text(struct gen *g, const struct cell *c)
{
	char	 s[40];
	int	 y, mo, d;

	if (blank(c))
		return NULL;
	switch (c->type) {
	case CELL_TEXT:
		return trimmed(g, c->text);
	case CELL_NUMBER:
		if ((c->fmt == FMT_MONTH || c->fmt == FMT_DAY) &&
		    book_serial_date(c->num, g->b->date1904, &y, &mo, &d)) {
			if (c->fmt == FMT_MONTH)
				snprintf(s, sizeof(s), "%04d-%02d", y, mo);
			else
				snprintf(s, sizeof(s), "%04d-%02d-%02d", y,
				    mo, d);
		} else
			snprintf(s, sizeof(s), "%.15g", c->num);
		buf_reset(&g->s);
		buf_puts(&g->s, s);
		return g->s.data;
	case CELL_BOOL:
		buf_reset(&g->s);
		buf_puts(&g->s, c->num != 0 ? "TRUE" : "FALSE");
		return g->s.data;
	case CELL_EMPTY:
	case CELL_ERROR:
	case CELL_NOCACHE:
		break;
	}
	return NULL;
}

/*
 * Reports a cell no value can come from: an error value or a formula
 * with no cached value.  Returns true if it did.
 */
static bool
bad_cell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	if (c == NULL)
		return false;
	if (c->type == CELL_ERROR) {
		buf_reset(&g->s);
		buf_putjson(&g->s, c->text != NULL ? c->text : "");
		gmsg(g, DIAG_ERROR, sh, c, 0, "the cell holds the error %s; "
		    "correct the formula or type the value", g->s.data);
		return true;
	}
	if (c->type == CELL_NOCACHE) {
		gmsg(g, DIAG_ERROR, sh, c, 0, "a formula with no value "
		    "saved; open the workbook in Excel or LibreOffice and "
		    "save it again, so that its values are stored");
		return true;
	}
	return false;
}

/*
 * Writes cell c as a JSON string (or the number it shows as text): for
 * a word (an id, a unit) without the spaces around it, for free text
 * (raw) as it is, so that text goes through a workbook unchanged.
 */
static void
put_cell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool raw)
{
	const char	*t;

	if (bad_cell(g, sh, c) || (t = cell_text(g, c)) == NULL)
		buf_puts(&g->j, "\"\"");
	else if (raw && c->type == CELL_TEXT)
		buf_putjson(&g->j, c->text);
	else
		buf_putjson(&g->j, t);
}

static void
put_textcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	put_cell(g, sh, c, false);
}

static void
put_rawcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	put_cell(g, sh, c, true);
}

/* Writes cell c as a JSON number, or as a string json.c refuses. */
static void
put_numcell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool percent)
{
	const char	*t;
	double		 v;
	char		 s[40];

	if (bad_cell(g, sh, c)) {
		buf_puts(&g->j, "null");
		return;
	}
	if (c->type == CELL_NUMBER) {
		v = c->num;
		if (percent && c->fmt == FMT_PERCENT) {
			snprintf(s, sizeof(s), "%.15g", v * 100);
			v = strtod(s, NULL);
		}
		if (isfinite(v)) {
			put_num(&g->j, v);
			return;
		}
	}
	if ((t = cell_text(g, c)) != NULL && text_num(t, &v))
		put_num(&g->j, v);
	else
		buf_putjson(&g->j, t != NULL ? t : "");
}

/*
 * Periods.
 */

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
static bool
cell_period(struct gen *g, const struct cell *c, struct period *p)
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

/* Writes a period cell: its canonical form, or its text for json.c. */
static void
put_periodcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	struct period	 p;
	char		 s[32];

	if (c != NULL && cell_period(g, c, &p))
		buf_putjson(&g->j, period_canon(&p, s, sizeof(s)));
	else
		put_textcell(g, sh, c);
}

/*
 * Sheets.
 */

/* Where row r (its first cell) is, as "row 7" or, in CSV, "line 9". */
static const char *
rowref(struct gen *g, const struct irow *r)
{
	buf_reset(&g->s);
	if (g->b->text)
		buf_printf(&g->s, "line %d", g->inds->cells[r->first].line);
	else
		buf_printf(&g->s, "row %u", (unsigned)r->row);
	return g->s.data;
}

/* The cells of row r of sh from index *i on: [*i, end). */
static size_t
row_end(const struct sheet *sh, size_t i)
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
static const struct cell *
row_cell(const struct sheet *sh, size_t i, size_t e, uint32_t col)
{
	size_t	 m;

	while (i < e) {
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

static bool
row_blank(const struct sheet *sh, size_t i, size_t e)
{
	for (; i < e; i++)
		if (!blank(&sh->cells[i]))
			return false;
	return true;
}

/*
 * Reads the heading row of a table sheet (the first non-blank row):
 * sets col[k] to the column named names[k] (0 if none).  Headings not
 * named are warned about unless period columns are wanted (pc != NULL),
 * where they are periods or errors.  Returns the index of the first
 * cell after the heading row.
 */
static size_t
headings(struct gen *g, const struct sheet *sh, const char *const *names,
    size_t nnames, uint32_t *col, struct pcol **pc, size_t *npc)
{
	size_t		 i = 0, e, k, j;
	const struct cell *c;
	struct period	 p;
	struct buf	 shown;
	const char	*t;

	memset(col, 0, nnames * sizeof(*col));
	while (i < sh->ncells && row_blank(sh, i, row_end(sh, i)))
		i = row_end(sh, i);
	if (i == sh->ncells)
		return i;
	e = row_end(sh, i);
	for (; i < e; i++) {
		c = &sh->cells[i];
		if (blank(c))
			continue;
		t = c->type == CELL_TEXT ? c->text : NULL;
		for (k = 0; t != NULL && k < nnames; k++)
			if (same_name(t, names[k]))
				break;
		if (t != NULL && k < nnames) {
			if (col[k] != 0)
				gmsg(g, DIAG_ERROR, sh, c, 0, "a second "
				    "\"%s\" column", names[k]);
			else
				col[k] = c->col;
			continue;
		}
		if (pc == NULL) {
			gmsg(g, DIAG_WARN, sh, c, 0, "column heading not "
			    "known, column ignored");
			continue;
		}
		if (bad_cell(g, sh, c))
			continue;
		if (!cell_period(g, c, &p)) {
			buf_reset(&g->s);
			t = cell_text(g, c);
			buf_init(&shown);
			if (t != NULL)
				show(&shown, t);
			gmsg(g, DIAG_ERROR, sh, c, 0, "heading %s%s%s is "
			    "neither a field (id, code, title, section, "
			    "unit, better, target, amber, commentary, chart, "
			    "comparator) nor a period (2022-01, Jan 2022, "
			    "2021/22 Q2, 2021/22, 2020, 2022-02-15, or a "
			    "date)", t != NULL ? "\"" : "", shown.data,
			    t != NULL ? "\"" : "");
			buf_release(&shown);
			continue;
		}
		for (j = 0; j < *npc; j++)
			if (period_eq(&(*pc)[j].p, &p))
				break;
		if (j < *npc) {
			buf_reset(&g->s);
			book_colname(&g->s, (*pc)[j].col);
			gmsg(g, DIAG_ERROR, sh, c, 0, "a second column for "
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
	}
	return e;
}

bool
book_reads(const char *sheet)
{
	static const char *const known[] = { "report", "comparators",
	    "indicators", "breakdowns", "details", NULL };
	size_t	 k;

	for (k = 0; known[k] != NULL; k++)
		if (same_name(sheet, known[k]))
			return true;
	return false;
}

static const struct sheet *
find_sheet(struct gen *g, const char *name)
{
	size_t	 i;

	for (i = 0; i < g->b->nsheets; i++)
		if (same_name(g->b->sheets[i].name, name))
			return &g->b->sheets[i];
	return NULL;
}

/* The Report sheet and the options into "report". */
static void
gen_report(struct gen *g, const struct book_opts *o, struct pcol *pc,
    size_t npc)
{
	static const char *const names[] = { "title", "organisation",
	    "period", "published", "introduction", "contact", NULL };
	const struct sheet *sh = g->report;
	const struct cell *f[6], *v;
	const char	*opt[6];
	struct loc	 l;
	size_t		 i, e, k;
	int		 n = 0;
	char		 latest[32];

	memset(f, 0, sizeof(f));
	memset(opt, 0, sizeof(opt));
	opt[0] = o->title;
	opt[1] = o->organisation;
	opt[2] = o->period;
	for (i = 0; sh != NULL && i < sh->ncells; i = e) {
		e = row_end(sh, i);
		if (row_blank(sh, i, e))
			continue;
		v = row_cell(sh, i, e, 1);
		if (v == NULL || v->type != CELL_TEXT || blank(v)) {
			gmsg(g, DIAG_WARN, sh, NULL, sh->cells[i].row,
			    "no field name in column A; row ignored");
			continue;
		}
		for (k = 0; names[k] != NULL; k++)
			if (same_name(v->text, names[k]))
				break;
		if (names[k] == NULL) {
			if (same_name(v->text, "suppression"))
				continue;	/* gen_suppression() */
			if (!same_name(v->text, "field"))
				gmsg(g, DIAG_WARN, sh, v, 0, "field %s not "
				    "known, row ignored", trimmed(g, v->text));
			continue;
		}
		if (f[k] != NULL) {
			gmsg(g, DIAG_ERROR, sh, v, 0, "\"%s\" given twice "
			    "(first in row %u)", names[k], f[k]->row);
			continue;
		}
		f[k] = row_cell(sh, i, e, 2);
		if (f[k] == NULL || blank(f[k])) {
			f[k] = NULL;
			continue;
		}
	}
	/* A CSV file's reporting period: its latest period column. */
	if (opt[2] == NULL && f[2] == NULL && g->b->text && npc > 0) {
		for (i = 1, k = 0; i < npc; i++)
			if (period_cmp(&pc[i].p, &pc[k].p) > 0)
				k = i;
		opt[2] = period_canon(&pc[k].p, latest, sizeof(latest));
	}
	l = at(g, sh, NULL, 1);
	key(g, sh != NULL ? &l : NULL, "report", &(int){ 0 });
	buf_putc(&g->j, '{');
	for (k = 0; names[k] != NULL; k++) {
		if (opt[k] != NULL) {
			key(g, NULL, names[k], &n);
			buf_putjson(&g->j, opt[k]);
		} else if (f[k] != NULL) {
			l = at(g, sh, f[k], 0);
			key(g, &l, names[k], &n);
			if (k == 2 || k == 3)
				put_periodcell(g, sh, f[k]);
			else
				put_rawcell(g, sh, f[k]);
		} else if (k < 3 && g->b->text) {
			/* Said here in the user's terms, not json.c's. */
			gmsg(g, DIAG_ERROR, NULL, NULL, 0, "no report %s: a "
			    "CSV file holds the indicators only; give it "
			    "with --%s", names[k], names[k]);
			key(g, NULL, names[k], &n);
			buf_putjson(&g->j, k == 2 ? "2000" : "-");
		}
	}
	buf_putc(&g->j, '}');
}

/* The Report sheet's "suppression" row (an extension). */
static void
gen_suppression(struct gen *g)
{
	const struct sheet *sh = g->report;
	const struct cell *v, *c;
	struct loc	 l;
	size_t		 i, e;
	const char	*t;
	double		 x;

	for (i = 0; sh != NULL && i < sh->ncells; i = e) {
		e = row_end(sh, i);
		v = row_cell(sh, i, e, 1);
		if (v == NULL || v->type != CELL_TEXT ||
		    !same_name(v->text, "suppression"))
			continue;
		c = row_cell(sh, i, e, 2);
		if (blank(c) || bad_cell(g, sh, c))
			return;
		l = at(g, sh, c, 0);
		key(g, &l, "suppression", &(int){ 1 });
		t = cell_text(g, c);
		if (c->type == CELL_BOOL)
			buf_puts(&g->j, c->num != 0 ? "true" : "false");
		else if (same_name(t, "off") || same_name(t, "false") ||
		    same_name(t, "no"))
			buf_puts(&g->j, "false");
		else if (same_name(t, "on") || same_name(t, "true") ||
		    same_name(t, "yes"))
			buf_puts(&g->j, "true");
		else if (text_num(t, &x)) {
			buf_puts(&g->j, "{\"threshold\":");
			put_num(&g->j, x);
			buf_putc(&g->j, '}');
		} else
			buf_putjson(&g->j, t);
		return;
	}
}

/* The Comparators sheet into "comparators". */
static void
gen_comparators(struct gen *g)
{
	const struct sheet *sh = g->comps;
	const struct cell *id, *label;
	struct loc	 l;
	size_t		 i, e;
	int		 n = 0;
	bool		 first = true;

	if (sh == NULL)
		return;
	l = at(g, sh, NULL, 1);
	key(g, &l, "comparators", &(int){ 1 });
	buf_putc(&g->j, '{');
	for (i = 0; i < sh->ncells; i = e) {
		e = row_end(sh, i);
		if (row_blank(sh, i, e))
			continue;
		id = row_cell(sh, i, e, 1);
		label = row_cell(sh, i, e, 2);
		if (first && id != NULL && id->type == CELL_TEXT &&
		    same_name(id->text, "id")) {
			first = false;
			continue;		/* the heading row */
		}
		first = false;
		if (blank(id)) {
			gmsg(g, DIAG_ERROR, sh, NULL, sh->cells[i].row,
			    "no comparator id in column A");
			continue;
		}
		if (bad_cell(g, sh, id))
			continue;
		l = at(g, sh, id, 0);
		key(g, &l, cell_text(g, id), &n);
		if (label == NULL)
			l = at(g, sh, NULL, id->row);
		else
			l = at(g, sh, label, 0);
		nl(g, &l);
		if (label == NULL)
			buf_puts(&g->j, "\"\"");
		else
			put_rawcell(g, sh, label);
	}
	buf_putc(&g->j, '}');
}

/*
 * A value cell into a point: number, [x] (or x, ..) for null, a number
 * followed by [p] for provisional, empty for no point.  Returns false
 * when there is no point; reports what is neither.
 */
static bool
value_cell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool percent, struct buf *out)
{
	const char	*t;
	size_t		 n;
	double		 v;
	char		*s;

	if (blank(c))
		return false;
	if (bad_cell(g, sh, c))
		return false;
	if (c->type == CELL_NUMBER) {
		BUF_PUTSL(out, "\"value\":");
		if (percent && c->fmt == FMT_PERCENT) {
			char	 num[40];

			snprintf(num, sizeof(num), "%.15g", c->num * 100);
			v = strtod(num, NULL);
		} else
			v = c->num;
		put_num(out, v);
		return true;
	}
	t = cell_text(g, c);
	if (t != NULL && (strcasecmp(t, "[x]") == 0 || strcasecmp(t, "x") ==
	    0 || strcmp(t, "..") == 0)) {
		BUF_PUTSL(out, "\"value\":null");
		return true;
	}
	if (t != NULL && c->type == CELL_TEXT) {
		s = xstrdup(t);
		n = strlen(s);
		if (n >= 3 && strcasecmp(s + n - 3, "[p]") == 0) {
			s[n - 3] = '\0';
			if (text_num(s, &v)) {
				BUF_PUTSL(out, "\"value\":");
				put_num(out, v);
				BUF_PUTSL(out, ",\"provisional\":true");
				free(s);
				return true;
			}
		} else if (text_num(s, &v) || (n > 1 && s[n - 1] == '%' &&
		    (s[n - 1] = '\0', text_num(s, &v)))) {
			/* "9.8%" as typed in CSV means 9.8. */
			BUF_PUTSL(out, "\"value\":");
			put_num(out, v);
			free(s);
			return true;
		}
		free(s);
	}
	{
		struct buf	 shown;

		buf_init(&shown);
		show(&shown, t != NULL ? t : "");
		buf_reset(&g->s);
		buf_putjson(&g->s, shown.data);
		buf_release(&shown);
	}
	gmsg(g, DIAG_ERROR, sh, c, 0, "expected a number, [x] or an empty "
	    "cell, found %s", g->s.data);
	return false;
}

/* Orders Details rows by id, comparator (none first) and period. */
static int
dkey_cmp(const char *id, const char *comp, const struct period *p,
    const struct drow *d)
{
	int	 c;

	if ((c = strcmp(id, d->idt)) != 0)
		return c;
	if ((comp == NULL) != (d->compt == NULL))
		return comp == NULL ? -1 : 1;
	if (comp != NULL && (c = strcmp(comp, d->compt)) != 0)
		return c;
	if (p->kind != d->p.kind)
		return p->kind < d->p.kind ? -1 : 1;
	if (p->year != d->p.year)
		return p->year < d->p.year ? -1 : 1;
	if (p->month != d->p.month)
		return p->month < d->p.month ? -1 : 1;
	if (p->day != d->p.day)
		return p->day < d->p.day ? -1 : 1;
	if (p->quarter != d->p.quarter)
		return p->quarter < d->p.quarter ? -1 : 1;
	return 0;
}

/* Sorts the index of Details rows: by key, then in sheet order. */
static int
dix_cmp(const void *a, const void *b)
{
	const struct drow *x = *(struct drow *const *)a;
	const struct drow *y = *(struct drow *const *)b;
	int	 c;

	if ((c = dkey_cmp(x->idt, x->compt, &x->p, y)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * The Details row for a point (the first in the sheet, if several), or
 * NULL: a binary search of the index read_details() sorted.
 */
static struct drow *
detail(struct gen *g, const char *id, const char *comp,
    const struct period *p)
{
	size_t	 lo = 0, hi = g->ndix, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (dkey_cmp(id, comp, p, g->dix[m]) > 0)
			lo = m + 1;
		else
			hi = m;
	}
	if (lo < g->ndix && dkey_cmp(id, comp, p, g->dix[lo]) == 0)
		return g->dix[lo];
	return NULL;
}

/* One series: the value cells of row r under the period columns. */
static void
gen_series(struct gen *g, const struct irow *r, const struct pcol *pc,
    size_t npc, bool percent, const char *id, const char *comp)
{
	const struct sheet *sh = g->inds;
	const struct cell *c;
	struct drow	*dr;
	struct buf	 v;
	struct loc	 l;
	size_t		 k;
	int		 n = 0, pn;
	char		*cid, *ccomp;

	cid = xstrdup(id);
	ccomp = comp != NULL ? xstrdup(comp) : NULL;
	buf_init(&v);
	buf_putc(&g->j, '[');
	for (k = 0; k < npc; k++) {
		c = row_cell(sh, r->first, r->first + r->n, pc[k].col);
		buf_reset(&v);
		if (!value_cell(g, sh, c, percent, &v))
			continue;
		if (n++ > 0)
			buf_putc(&g->j, ',');
		l = at(g, sh, c, 0);
		nl(g, &l);
		buf_putc(&g->j, '{');
		pn = 1;
		l = at(g, sh, pc[k].head, 0);
		nl(g, &l);
		buf_puts(&g->j, "\"period\":");
		buf_putjson(&g->j, pc[k].canon);
		l = at(g, sh, c, 0);
		key(g, &l, "value", &pn);
		buf_puts(&g->j, v.data + strlen("\"value\":"));
		if ((dr = detail(g, cid, ccomp, &pc[k].p)) != NULL) {
			dr->used = true;
			if (!blank(dr->note)) {
				l = at(g, g->details, dr->note, 0);
				key(g, &l, "note", &pn);
				put_rawcell(g, g->details, dr->note);
			}
			if (!blank(dr->num)) {
				l = at(g, g->details, dr->num, 0);
				key(g, &l, "numerator", &pn);
				put_numcell(g, g->details, dr->num, false);
			}
			if (!blank(dr->den)) {
				l = at(g, g->details, dr->den, 0);
				key(g, &l, "denominator", &pn);
				put_numcell(g, g->details, dr->den, false);
			}
		}
		buf_putc(&g->j, '}');
	}
	buf_putc(&g->j, ']');
	buf_release(&v);
	free(cid);
	free(ccomp);
}

/* The Breakdowns rows of indicator id into "breakdown", if any. */
static int
idix_cmp(const void *a, const void *b)
{
	const struct idix *x = a, *y = b;
	int	 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The first entry of ix[0..n) (sorted by idix_cmp()) for id, or n. */
static size_t
idix_find(const struct idix *ix, size_t n, const char *id)
{
	size_t	 lo = 0, hi = n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (strcmp(ix[m].id, id) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && strcmp(ix[lo].id, id) == 0 ? lo : n;
}

static void
gen_breakdown(struct gen *g, const char *id, int *n)
{
	const struct sheet *sh = g->bds;
	const struct cell *title = NULL, *period = NULL, *unit = NULL;
	struct buf	 v;
	struct loc	 l;
	size_t		 i, x, x0, first = SIZE_MAX;
	int		 bn = 0, in = 0;

	/* The rows of id, in sheet order, from the index. */
	x0 = idix_find(g->bix, g->nbix, id);
	for (x = x0; x < g->nbix && strcmp(g->bix[x].id, id) == 0; x++) {
		i = g->bix[x].i;
		if (g->br[i].id == NULL)
			continue;
		if (first == SIZE_MAX)
			first = i;
		if (title == NULL && !blank(g->br[i].title))
			title = g->br[i].title;
		if (period == NULL && !blank(g->br[i].period))
			period = g->br[i].period;
		if (unit == NULL && !blank(g->br[i].unit))
			unit = g->br[i].unit;
	}
	if (first == SIZE_MAX)
		return;
	l = at(g, sh, g->br[first].first, 0);
	key(g, &l, "breakdown", n);
	buf_putc(&g->j, '{');
	if (title != NULL) {
		l = at(g, sh, title, 0);
		key(g, &l, "title", &bn);
		put_rawcell(g, sh, title);
	}
	if (period != NULL) {
		l = at(g, sh, period, 0);
		key(g, &l, "period", &bn);
		put_periodcell(g, sh, period);
	}
	if (unit != NULL) {
		l = at(g, sh, unit, 0);
		key(g, &l, "unit", &bn);
		put_textcell(g, sh, unit);
	}
	key(g, &l, "items", &bn);
	buf_putc(&g->j, '[');
	buf_init(&v);
	for (x = x0; x < g->nbix && strcmp(g->bix[x].id, id) == 0; x++) {
		i = g->bix[x].i;
		if (g->br[i].id == NULL)
			continue;
		g->br[i].id = NULL;		/* used */
		if (in++ > 0)
			buf_putc(&g->j, ',');
		l = at(g, sh, g->br[i].first, 0);
		nl(g, &l);
		buf_putc(&g->j, '{');
		bn = 0;
		if (!blank(g->br[i].label)) {
			l = at(g, sh, g->br[i].label, 0);
			key(g, &l, "label", &bn);
			put_rawcell(g, sh, g->br[i].label);
		}
		buf_reset(&v);
		if (value_cell(g, sh, g->br[i].value, false, &v)) {
			l = at(g, sh, g->br[i].value, 0);
			if (bn++ > 0)
				buf_putc(&g->j, ',');
			nl(g, &l);
			buf_puts(&g->j, v.data);
		}
		buf_putc(&g->j, '}');
	}
	buf_release(&v);
	buf_puts(&g->j, "]}");
}

/* Reads a table sheet's rows: for each, the cells of the named columns. */
static size_t
table(struct gen *g, const struct sheet *sh, const char *const *names,
    size_t nnames, const struct cell ***rows)
{
	uint32_t	 col[8];
	size_t		 i, e, k, n = 0;

	assert(nnames <= 8);
	*rows = NULL;
	if (sh == NULL)
		return 0;
	i = headings(g, sh, names, nnames, col, NULL, NULL);
	for (; i < sh->ncells; i = e) {
		e = row_end(sh, i);
		if (row_blank(sh, i, e))
			continue;
		if ((n & (n - 1)) == 0)		/* doubled, as above */
			*rows = xreallocarray(*rows, (n == 0 ? 1 : n * 2) *
			    (nnames + 1), sizeof(**rows));
		for (k = 0; k < nnames; k++)
			(*rows)[n * (nnames + 1) + k] = col[k] == 0 ? NULL :
			    row_cell(sh, i, e, col[k]);
		(*rows)[n * (nnames + 1) + nnames] = &sh->cells[i];
		n++;
	}
	return n;
}

static void
read_details(struct gen *g)
{
	static const char *const names[] = { "id", "comparator", "period",
	    "note", "numerator", "denominator" };
	const struct cell **r;
	size_t		 i, n;

	n = table(g, g->details, names, 6, &r);
	g->dr = xcalloc(n + 1, sizeof(*g->dr));
	for (i = 0; i < n; i++) {
		struct drow	*d = &g->dr[i];

		d->id = r[i * 7];
		d->comp = r[i * 7 + 1];
		d->period = r[i * 7 + 2];
		d->note = r[i * 7 + 3];
		d->num = r[i * 7 + 4];
		d->den = r[i * 7 + 5];
		d->first = r[i * 7 + 6];
		if (blank(d->id) || blank(d->period)) {
			gmsg(g, DIAG_ERROR, g->details, NULL, d->first->row,
			    "a Details row needs an id and a period");
			d->used = true;
			continue;
		}
		if (!bad_cell(g, g->details, d->period) &&
		    !(d->has_p = cell_period(g, d->period, &d->p))) {
			gmsg(g, DIAG_ERROR, g->details, d->period, 0,
			    "expected a period (2022-01, Jan 2022, 2021/22 "
			    "Q2, 2021/22, 2020, 2022-02-15, or a date)");
			d->used = true;
		}
	}
	g->ndr = n;
	free(r);
	/* An index, so that each point finds its row in log n. */
	g->dix = xcalloc(n + 1, sizeof(*g->dix));
	for (i = 0; i < n; i++) {
		struct drow	*d = &g->dr[i];
		const char	*t;

		if (!d->has_p || (t = cell_text(g, d->id)) == NULL)
			continue;
		d->idt = xstrdup(t);
		if ((t = cell_text(g, d->comp)) != NULL)
			d->compt = xstrdup(t);
		g->dix[g->ndix++] = d;
	}
	qsort(g->dix, g->ndix, sizeof(*g->dix), dix_cmp);
}

static void
read_breakdowns(struct gen *g)
{
	static const char *const names[] = { "id", "title", "period",
	    "label", "value", "unit" };
	const struct cell **r;
	size_t		 i, n;

	n = table(g, g->bds, names, 6, &r);
	g->br = xcalloc(n + 1, sizeof(*g->br));
	for (i = 0; i < n; i++) {
		g->br[i].id = r[i * 7];
		g->br[i].title = r[i * 7 + 1];
		g->br[i].period = r[i * 7 + 2];
		g->br[i].label = r[i * 7 + 3];
		g->br[i].value = r[i * 7 + 4];
		g->br[i].unit = r[i * 7 + 5];
		g->br[i].first = r[i * 7 + 6];
		if (blank(g->br[i].id)) {
			gmsg(g, DIAG_ERROR, g->bds, NULL, g->br[i].first->row,
			    "a Breakdowns row with no indicator id");
			g->br[i].id = NULL;
		}
	}
	g->nbr = n;
	free(r);
	/* An index by id, so that each indicator finds its rows fast. */
	g->bix = xcalloc(n + 1, sizeof(*g->bix));
	for (i = 0; i < n; i++) {
		const char	*t;

		if (g->br[i].id == NULL ||
		    (t = cell_text(g, g->br[i].id)) == NULL)
			continue;
		g->br[i].idt = xstrdup(t);
		g->bix[g->nbix].id = g->br[i].idt;
		g->bix[g->nbix++].i = i;
	}
	qsort(g->bix, g->nbix, sizeof(*g->bix), idix_cmp);
}

/*
 * The Indicators sheet (from index start, after its headings).  Returns
 * false, having reported it, if it has more rows than indicators allowed.
 */
static bool
gen_indicators(struct gen *g, size_t start, const uint32_t *col,
    const struct pcol *pc, size_t npc)
{
	const struct sheet *sh = g->inds;
	struct irow	*r = NULL;
	char		*seen = NULL;
	struct idix	*ix;
	struct loc	 l;
	size_t		 nr = 0, nix = 0, nown = 0, i, e, k, own, j, x;
	int		 n, cn, in = 0;
	const char	*t;
	char		*id, *comp;

	seen = xcalloc(BOOK_MAX_COL + 1, 1);
	for (k = 0; k < F__MAX; k++)
		if (col[k] <= BOOK_MAX_COL)
			seen[col[k]] = 1;
	for (k = 0; k < npc; k++)
		seen[pc[k].col] = 1;
	for (i = 0; i < start; i++)	/* headings reported already */
		if (sh->cells[i].row == sh->cells[start > 0 ?
		    start - 1 : 0].row && sh->cells[i].col <= BOOK_MAX_COL)
			seen[sh->cells[i].col] = 1;
	for (i = start; i < sh->ncells; i = e) {
		e = row_end(sh, i);
		if (row_blank(sh, i, e))
			continue;
		r = xreallocarray(r, nr + 1, sizeof(*r));
		memset(&r[nr], 0, sizeof(r[nr]));
		r[nr].row = sh->cells[i].row;
		r[nr].first = i;
		r[nr].n = e - i;
		r[nr].nextcomp = r[nr].lastcomp = SIZE_MAX;
		for (k = 0; k < F__MAX; k++)
			if (col[k] != 0) {
				r[nr].f[k] = row_cell(sh, i, e, col[k]);
				if (blank(r[nr].f[k]))
					r[nr].f[k] = NULL;
			}
		for (j = i; j < e; j++)
			if (sh->cells[j].col <= BOOK_MAX_COL &&
			    !seen[sh->cells[j].col] && !blank(&sh->cells[j])) {
				seen[sh->cells[j].col] = 1;
				gmsg(g, DIAG_ERROR, sh, &sh->cells[j], 0,
				    "a value in a column with no heading");
			}
		if (r[nr].f[F_COMPARATOR] == NULL &&
		    ++nown > JSON_MAX_INDICATORS) {
			/* Checked before anything costs more than a row. */
			gmsg(g, DIAG_ERROR, sh, NULL, r[nr].row, "too many "
			    "indicators (the limit is %d)",
			    JSON_MAX_INDICATORS);
			free(seen);
			free(r);
			return false;
		}
		nr++;
	}
	free(seen);

	/*
	 * Own rows (no comparator) by id, then row: the first of an id is
	 * its indicator's own row.
	 */
	ix = xcalloc(nr + 1, sizeof(*ix));
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL ||
		    (t = cell_text(g, r[i].f[F_ID])) == NULL)
			continue;
		ix[nix].id = xstrdup(t);
		ix[nix++].i = i;
	}
	qsort(ix, nix, sizeof(*ix), idix_cmp);

	/* One own row an indicator. */
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL ||
		    (t = cell_text(g, r[i].f[F_ID])) == NULL)
			continue;
		id = xstrdup(t);
		own = ix[idix_find(ix, nix, id)].i;
		if (own < i) {
			gmsg(g, DIAG_ERROR, sh, r[i].f[F_ID], 0, "a second "
			    "row for indicator \"%s\" (the first is %s); "
			    "a comparator's row names the comparator in the "
			    "comparator column", id, rowref(g, &r[own]));
			r[i].skip = true;
		}
		free(id);
	}
	/* Comparator rows join the own row of the same id above them. */
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] == NULL)
			continue;
		t = cell_text(g, r[i].f[F_ID]);
		id = t != NULL ? xstrdup(t) : NULL;
		own = i;
		if (id != NULL && (x = idix_find(ix, nix, id)) < nix &&
		    ix[x].i < i)
			own = ix[x].i;
		if (g->b->text) {
			gmsg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a CSV file cannot hold comparators (they are "
			    "declared in a workbook's Comparators sheet); "
			    "remove the row or use a workbook");
			free(id);
			continue;
		}
		if (id == NULL || own == i) {
			gmsg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a comparator row needs the id of an indicator "
			    "whose own row (with no comparator) is above it");
			free(id);
			continue;
		}
		comp = xstrdup(cell_text(g, r[i].f[F_COMPARATOR]));
		for (j = r[own].nextcomp; j != SIZE_MAX; j = r[j].nextcomp)
			if (strcmp(cell_text(g, r[j].f[F_COMPARATOR]),
			    comp) == 0)
				break;
		if (j != SIZE_MAX)
			gmsg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a second row for comparator \"%s\" of \"%s\" "
			    "(the first is %s)", comp, id, rowref(g, &r[j]));
		else {
			if (r[own].lastcomp == SIZE_MAX)
				r[own].nextcomp = i;
			else
				r[r[own].lastcomp].nextcomp = i;
			r[own].lastcomp = i;
		}
		for (k = 0; k < F__MAX; k++)
			if (k != F_ID && k != F_COMPARATOR &&
			    r[i].f[k] != NULL) {
				gmsg(g, DIAG_WARN, sh, r[i].f[k], 0, "ignored: "
				    "a comparator row takes its %s from the "
				    "indicator's own row", fields[k]);
			}
		free(comp);
		free(id);
	}

	l = at(g, sh, NULL, 1);
	key(g, &l, "indicators", &(int){ 1 });
	buf_putc(&g->j, '[');
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL || r[i].skip)
			continue;
		if (in++ > 0)
			buf_putc(&g->j, ',');
		l = at(g, sh, NULL, r[i].row);
		nl(g, &l);
		buf_putc(&g->j, '{');
		n = 0;
		t = cell_text(g, r[i].f[F_UNIT]);
		r[i].percent = t != NULL && strcmp(t, "percent") == 0;
		for (k = 0; k < F__MAX; k++) {
			if (r[i].f[k] == NULL || k == F_TARGET ||
			    k == F_AMBER || k == F_COMPARATOR)
				continue;
			l = at(g, sh, r[i].f[k], 0);
			key(g, &l, fields[k], &n);
			put_cell(g, sh, r[i].f[k], k == F_TITLE ||
			    k == F_SECTION || k == F_COMMENTARY);
		}
		if (r[i].f[F_TARGET] != NULL && r[i].f[F_AMBER] == NULL) {
			l = at(g, sh, r[i].f[F_TARGET], 0);
			key(g, &l, "target", &n);
			put_numcell(g, sh, r[i].f[F_TARGET], r[i].percent);
		} else if (r[i].f[F_AMBER] != NULL) {
			cn = 0;
			l = at(g, sh, r[i].f[F_AMBER], 0);
			key(g, &l, "target", &n);
			buf_putc(&g->j, '{');
			if (r[i].f[F_TARGET] != NULL) {
				l = at(g, sh, r[i].f[F_TARGET], 0);
				key(g, &l, "value", &cn);
				put_numcell(g, sh, r[i].f[F_TARGET],
				    r[i].percent);
			}
			l = at(g, sh, r[i].f[F_AMBER], 0);
			key(g, &l, "amber", &cn);
			put_numcell(g, sh, r[i].f[F_AMBER], r[i].percent);
			buf_putc(&g->j, '}');
		}
		t = cell_text(g, r[i].f[F_ID]);
		id = xstrdup(t != NULL ? t : "");
		l = at(g, sh, NULL, r[i].row);
		key(g, &l, "series", &n);
		gen_series(g, &r[i], pc, npc, r[i].percent, id, NULL);
		if (r[i].nextcomp != SIZE_MAX) {
			key(g, &l, "comparators", &n);
			buf_putc(&g->j, '{');
			cn = 0;
			for (j = r[i].nextcomp; j != SIZE_MAX;
			    j = r[j].nextcomp) {
				comp = xstrdup(cell_text(g,
				    r[j].f[F_COMPARATOR]));
				l = at(g, sh, r[j].f[F_COMPARATOR], 0);
				key(g, &l, comp, &cn);
				gen_series(g, &r[j], pc, npc, r[i].percent, id,
				    comp);
				free(comp);
			}
			buf_putc(&g->j, '}');
		}
		gen_breakdown(g, id, &n);
		free(id);
		buf_putc(&g->j, '}');
	}
	buf_putc(&g->j, ']');

	for (i = 0; i < g->nbr; i++)
		if (g->br[i].id != NULL)
			gmsg(g, DIAG_ERROR, g->bds, g->br[i].id, 0, "no "
			    "indicator with this id in the Indicators sheet");
	for (i = 0; i < g->ndr; i++)
		if (!g->dr[i].used)
			gmsg(g, DIAG_ERROR, g->details, g->dr[i].first, 0,
			    "no such point: the Indicators sheet has no "
			    "value for this id%s and period",
			    blank(g->dr[i].comp) ? "" : ", comparator");
	for (x = 0; x < nix; x++)
		free((char *)ix[x].id);
	free(ix);
	free(r);
	return true;
}

bool
book_load(struct model *m, const char *name, struct book *b,
    const struct book_opts *o, struct diag *d)
{
	static const struct book_opts none;
	struct gen	 g;
	struct json_where w;
	struct model	*t, swap;
	struct pcol	*pc = NULL;
	uint32_t	 col[F__MAX];
	size_t		 i, npc = 0, start = 0;
	bool		 ok = false;

	if (o == NULL)
		o = &none;
	memset(&g, 0, sizeof(g));
	g.name = name;
	g.b = b;
	g.d = d;
	buf_init(&g.j);
	buf_init(&g.s);
	for (i = 0; i < b->nsheets; i++)
		if (b->sheets[i].ncells > 1)
			qsort(b->sheets[i].cells, b->sheets[i].ncells,
			    sizeof(struct cell), cell_cmp);
	if (b->text && b->nsheets == 1)
		g.inds = &b->sheets[0];
	else {
		g.report = find_sheet(&g, "report");
		g.comps = find_sheet(&g, "comparators");
		g.inds = find_sheet(&g, "indicators");
		g.bds = find_sheet(&g, "breakdowns");
		g.details = find_sheet(&g, "details");
		for (i = 0; i < b->nsheets; i++) {
			if (!book_reads(b->sheets[i].name) &&
			    !b->sheets[i].hidden) {
				buf_reset(&g.s);
				buf_putjson(&g.s, b->sheets[i].name);
				gmsg(&g, DIAG_WARN, NULL, NULL, 0, "sheet %s "
				    "not read (scorecard reads Report, "
				    "Comparators, Indicators, Breakdowns and "
				    "Details)", g.s.data);
			}
		}
	}
	if (g.inds == NULL) {
		gmsg(&g, DIAG_ERROR, NULL, NULL, 0, "no sheet named "
		    "\"Indicators\": the workbook's indicators go in a sheet "
		    "of that name (see scorecard(1), SPREADSHEETS)");
		goto out;
	}
	read_details(&g);
	read_breakdowns(&g);
	start = headings(&g, g.inds, fields, F__MAX, col, &pc, &npc);

	nl(&g, NULL);
	buf_putc(&g.j, '{');
	gen_report(&g, o, pc, npc);
	gen_suppression(&g);
	gen_comparators(&g);
	if (!gen_indicators(&g, start, col, pc, npc))
		goto out;
	nl(&g, NULL);
	buf_puts(&g.j, "}\n");

	w.arg = &g;
	w.place = where;
	t = model_new();
	ok = json_load_where(t, name, g.j.data, g.j.len, &w, d) &&
	    g.nerr == 0;
	if (ok) {
		swap = *m;
		*m = *t;
		*t = swap;
	}
	model_free(t);
out:
	free(pc);
	free(g.locs);
	for (i = 0; i < g.ndr; i++) {
		free(g.dr[i].idt);
		free(g.dr[i].compt);
	}
	free(g.dix);
	free(g.dr);
	for (i = 0; i < g.nbr; i++)
		free(g.br[i].idt);
	free(g.bix);
	free(g.br);
	buf_release(&g.j);
	buf_release(&g.s);
	return ok;
}
