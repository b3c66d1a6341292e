/*
 * bookloc: where book_load()'s words point.  Messages at a cell
 * ("Indicators!F7", or a CSV line:col) or a row, text shown in a
 * message cut and made visible, and the JSON text as it is written: one
 * value a line, each line recorded with the cell it came from, so that
 * the json module's messages about a line name that cell (bk_where()).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "book-int.h"
#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"

/*
 * Text t as a message shows it, into b: cut at 40 bytes (as jsonmsg.c cuts
 * keys) and an invisible byte order mark shown as <U+FEFF>.
 */
void
bk_show(struct buf *b, const char *t)
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
		/* The rest of a character cut into. */
		buf_put(b, t, utf8_cut_after(t, 0));
		buf_puts(b, "...");
	}
}

void
book_quote(struct buf *b, const char *t)
{
	size_t	 len = strnlen(t, 41), cut = len;
	char	*s;

	if (cut > 40)
		cut = utf8_cut(t, 40);
	s = xstrndup(t, cut);
	buf_putjson(b, s);
	free(s);
	if (cut < len) {
		b->len--;			/* the closing quote */
		BUF_PUTSL(b, "...\"");
	}
}

/* The place of a cell: "Indicators!F7" into b, or a CSV line:col. */
void
bk_place(const struct gen *g, const struct sheet *sh, uint32_t row,
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


/* A message at cell c of sh (or at row of sh when c is NULL). */
void
bk_msg(struct gen *g, enum diag_level lvl, const struct sheet *sh,
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
		bk_place(g, sh, c != NULL ? c->row : row,
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

/* The json module's places into ours (jsonmsg.c asks, by json_where). */
bool
bk_where(void *arg, int jline, int jcol, int *line, int *col,
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
		bk_place(g, l->sh, l->row, l->col, label);
	return true;
}

/*
 * The JSON text, and where each of its lines came from.
 */

/* Starts a new line of JSON text from place l. */
void
bk_nl(struct gen *g, const struct loc *l)
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

struct loc
bk_at(const struct gen *g, const struct sheet *sh, const struct cell *c,
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
void
bk_putnum(struct buf *b, double v)
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
void
bk_key(struct gen *g, const struct loc *l, const char *k, int *n)
{
	if ((*n)++ > 0)
		buf_putc(&g->j, ',');
	bk_nl(g, l);
	buf_putjson(&g->j, k);
	buf_putc(&g->j, ':');
}
