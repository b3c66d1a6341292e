/*
 * bookcell: one cell of a book as the JSON text wants it: blank or not,
 * its text (dates as the contract writes them), a number typed as text,
 * a cell that holds an error or a formula with no value (reported),
 * and a cell written as a JSON string, a number, or a point's value
 * (number, [x], a number with [p], or empty).
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
#include "util.h"

/* Whether c holds nothing. */
bool
bk_blank(const struct cell *c)
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
const char *
bk_trimmed(struct gen *g, const char *t)
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
bool
bk_same_name(const char *a, const char *b)
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
bool
bk_text_num(const char *s, double *v)
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
const char *
bk_cell_text(struct gen *g, const struct cell *c)
{
	char	 s[40];
	int	 y, mo, d;

	if (bk_blank(c))
		return NULL;
	switch (c->type) {
	case CELL_TEXT:
		return bk_trimmed(g, c->text);
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
bool
bk_bad_cell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	if (c == NULL)
		return false;
	if (c->type == CELL_ERROR) {
		buf_reset(&g->s);
		buf_putjson(&g->s, c->text != NULL ? c->text : "");
		bk_msg(g, DIAG_ERROR, sh, c, 0, "the cell holds the error %s; "
		    "correct the formula or type the value", g->s.data);
		return true;
	}
	if (c->type == CELL_NOCACHE) {
		bk_msg(g, DIAG_ERROR, sh, c, 0, "a formula with no value "
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
void
bk_put_cell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool raw)
{
	const char	*t;

	if (bk_bad_cell(g, sh, c) || (t = bk_cell_text(g, c)) == NULL)
		buf_puts(&g->j, "\"\"");
	else if (raw && c->type == CELL_TEXT)
		buf_putjson(&g->j, c->text);
	else
		buf_putjson(&g->j, t);
}

void
bk_put_textcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	bk_put_cell(g, sh, c, false);
}

void
bk_put_rawcell(struct gen *g, const struct sheet *sh, const struct cell *c)
{
	bk_put_cell(g, sh, c, true);
}

/* Writes cell c as a JSON number, or a string the json module refuses. */
void
bk_put_numcell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool percent)
{
	const char	*t;
	double		 v;
	char		 s[40];

	if (bk_bad_cell(g, sh, c)) {
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
			bk_putnum(&g->j, v);
			return;
		}
	}
	if ((t = bk_cell_text(g, c)) != NULL && bk_text_num(t, &v))
		bk_putnum(&g->j, v);
	else
		buf_putjson(&g->j, t != NULL ? t : "");
}

/*
 * A value cell into a point: number, [x] (or x, ..) for null, a number
 * followed by [p] for provisional, empty for no point.  Returns false
 * when there is no point; reports what is neither.
 */
bool
bk_value_cell(struct gen *g, const struct sheet *sh, const struct cell *c,
    bool percent, struct buf *out)
{
	const char	*t;
	size_t		 n;
	double		 v;
	char		*s;

	if (bk_blank(c))
		return false;
	if (bk_bad_cell(g, sh, c))
		return false;
	if (c->type == CELL_NUMBER) {
		BUF_PUTSL(out, "\"value\":");
		if (percent && c->fmt == FMT_PERCENT) {
			char	 num[40];

			snprintf(num, sizeof(num), "%.15g", c->num * 100);
			v = strtod(num, NULL);
		} else
			v = c->num;
		bk_putnum(out, v);
		return true;
	}
	t = bk_cell_text(g, c);
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
			if (bk_text_num(s, &v)) {
				BUF_PUTSL(out, "\"value\":");
				bk_putnum(out, v);
				BUF_PUTSL(out, ",\"provisional\":true");
				free(s);
				return true;
			}
		} else if (bk_text_num(s, &v) || (n > 1 && s[n - 1] == '%' &&
		    (s[n - 1] = '\0', bk_text_num(s, &v)))) {
			/* "9.8%" as typed in CSV means 9.8. */
			BUF_PUTSL(out, "\"value\":");
			bk_putnum(out, v);
			free(s);
			return true;
		}
		free(s);
	}
	{
		struct buf	 shown;

		buf_init(&shown);
		bk_show(&shown, t != NULL ? t : "");
		buf_reset(&g->s);
		buf_putjson(&g->s, shown.data);
		buf_release(&shown);
	}
	bk_msg(g, DIAG_ERROR, sh, c, 0, "expected a number, [x] or an empty "
	    "cell, found %s", g->s.data);
	return false;
}
