/*
 * csv: RFC 4180 text into cells, by a small state machine of our own
 * (one pass, no library: the format is a page long, and a reader of our
 * own gives every field its line and column for messages).
 *
 * A field is quoted when its first character is '"'; inside, "" is a
 * quote and anything else (commas, line breaks) is text.  A quote in
 * an unquoted field, or anything but a comma or a line end after a
 * closing quote, is an error, as is a quote left open at the end.  The
 * column of a field counts characters (UTF-8 code points) from 1.
 * Blank records are kept as empty rows (the book module skips them).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "book.h"
#include "buf.h"
#include "csv.h"
#include "diag.h"
#include "json.h"
#include "utf8.h"
#include "util.h"

struct rd {
	const unsigned char	*p, *end;
	int			 line, col;	/* of *p */
};

/* Steps over one byte, keeping line and column. */
static void
step(struct rd *r)
{
	if (*r->p == '\n' || (*r->p == '\r' && (r->p + 1 == r->end ||
	    r->p[1] != '\n'))) {
		r->line++;
		r->col = 1;
	} else if (*r->p != '\r')
		r->col += (int)utf8_count((const char *)r->p, 1);
	r->p++;
}

static bool
at_eol(const struct rd *r)
{
	return r->p == r->end || *r->p == '\n' || *r->p == '\r';
}

bool
csv_read(struct book *b, const char *name, const char *text, size_t len,
    struct diag *d)
{
	struct rd	 r;
	struct sheet	*sh;
	struct cell	*c;
	struct buf	 f;
	uint32_t	 row = 1, col = 1;
	int		 fline, fcol;
	bool		 ok = false, quoted;

	b->text = true;
	if (len > JSON_MAX_BYTES) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "file too large (the "
		    "limit is %u MiB)", JSON_MAX_BYTES / (1024 * 1024));
		return false;
	}
	if (len >= 2 && (memcmp(text, "\xff\xfe", 2) == 0 ||
	    memcmp(text, "\xfe\xff", 2) == 0)) {
		diag_msg(d, DIAG_ERROR, name, 1, 1, "file is UTF-16; save "
		    "it as UTF-8 (CSV UTF-8 in Excel's Save As)");
		return false;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (len == 0) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "file is empty");
		return false;
	}
	r.p = (const unsigned char *)text;
	r.end = r.p + len;
	r.line = r.col = 1;
	sh = book_sheet(b, "Indicators", false);
	buf_init(&f);
	while (r.p < r.end) {
		buf_reset(&f);
		fline = r.line;
		fcol = r.col;
		quoted = *r.p == '"';
		if (quoted) {
			step(&r);
			for (;;) {
				if (r.p == r.end) {
					diag_msg(d, DIAG_ERROR, name, fline,
					    fcol, "quote not closed: a quoted "
					    "field runs to the end of the "
					    "file");
					goto out;
				}
				if (*r.p == '"') {
					step(&r);
					if (r.p < r.end && *r.p == '"') {
						buf_putc(&f, '"');
						step(&r);
						continue;
					}
					break;
				}
				if (*r.p == '\0')
					break;
				buf_putc(&f, (char)*r.p);
				step(&r);
			}
			if (r.p < r.end && *r.p != ',' && !at_eol(&r) &&
			    *r.p != '\0') {
				diag_msg(d, DIAG_ERROR, name, r.line, r.col,
				    "expected a comma or a line end after "
				    "the closing quote");
				goto out;
			}
		} else
			while (r.p < r.end && *r.p != ',' && !at_eol(&r) &&
			    *r.p != '\0') {
				if (*r.p == '"') {
					diag_msg(d, DIAG_ERROR, name, r.line,
					    r.col, "a quote inside a field "
					    "that does not start with one; "
					    "put the whole field in quotes "
					    "and double the quote");
					goto out;
				}
				buf_putc(&f, (char)*r.p);
				step(&r);
			}
		if (r.p < r.end && *r.p == '\0') {
			diag_msg(d, DIAG_ERROR, name, r.line, r.col,
			    "a NUL byte: this is not a text file");
			goto out;
		}
		if (col > BOOK_MAX_COL || row > BOOK_MAX_ROW) {
			diag_msg(d, DIAG_ERROR, name, fline, fcol, "too many "
			    "%s (the limit is %u)", col > BOOK_MAX_COL ?
			    "columns" : "rows", col > BOOK_MAX_COL ?
			    BOOK_MAX_COL : BOOK_MAX_ROW);
			goto out;
		}
		if (f.len > 0 || quoted) {
			if ((c = book_cell(b, sh, row, col)) == NULL) {
				diag_msg(d, DIAG_ERROR, name, fline, fcol,
				    "too many cells (the limit is %u)",
				    BOOK_MAX_CELLS);
				goto out;
			}
			c->type = f.len > 0 ? CELL_TEXT : CELL_EMPTY;
			c->text = f.len > 0 ? xstrndup(f.data, f.len) : NULL;
			c->line = fline;
			c->lcol = fcol;
		}
		if (r.p == r.end)
			break;
		if (*r.p == ',') {
			step(&r);
			col++;
			if (r.p == r.end)
				break;
			continue;
		}
		/* A line end: \r\n, \n or \r. */
		if (*r.p == '\r' && r.p + 1 < r.end && r.p[1] == '\n')
			r.p++;
		step(&r);
		row++;
		col = 1;
	}
	ok = true;
out:
	buf_release(&f);
	return ok;
}
