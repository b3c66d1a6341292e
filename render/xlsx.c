/*
 * xlsx: the parts of an .xlsx that hold cells, streamed with the
 * template module's pull reader (xmlpull.h, on libxml2's xmlTextReader)
 * into a struct book.
 *
 * IMPLEMENTATION NOTES
 *
 * Parts are found as the package says, not by fixed names: _rels/.rels
 * gives the workbook, its relationships give each sheet, the shared
 * strings and the styles.  Sheets are taken in the workbook's order,
 * with their names and state (hidden sheets are read like any other).
 * Only sheets book.c reads are parsed.
 *
 * libxml2 stays behind the template module: the templates build a tree,
 * this streams a sheet through xmlpull, which for a large sheet is
 * several times faster and holds one node at a time.  The hardening is
 * the reader's: XML_PARSE_NONET, none of XML_PARSE_NOENT, DTDLOAD,
 * DTDATTR or XINCLUDE, and a document type declaration or an entity
 * reference refused outright (no spreadsheet program writes one), so no
 * entity is ever expanded and nothing outside the zip is ever read.
 * libxml2's first message is reported here with the part's name and
 * line.
 *
 * Number formats: a cell's style (s) indexes cellXfs, whose numFmtId is
 * built in (9 and 10 are percentages; 14 to 17, 22, 27 to 36 and 50 to
 * 58 are dates, 17 mmm-yy without the day) or defined in numFmts, whose
 * format code is looked at outside quotes, brackets and escapes: '%'
 * makes a percentage; y, d, or m not beside h or s, a date; d, its day.
 *
 * Arrays read from a part (relationships, sheets, number formats,
 * cellXfs) grow by doubling: one element at a time is quadratic where
 * realloc() always moves.
 *
 * Kept whole at about 1,100 lines, over the project's 1,000: it has one
 * job, a workbook's parts into cells, done as one pipeline that
 * xlsx_read() runs in order (package relationships, workbook, shared
 * strings, styles, sheets), and every step shares struct xlsx and the
 * part reader struct xr.  Split, each piece of 200 to 300 lines would
 * need a private header exposing both.  The reader itself is xmlpull's;
 * what is left of xr_* is this module's words for its failures.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"
#include "xlsx.h"
#include "xmlpull.h"
#include "zipread.h"

/* Text that cells copy from shared strings, all told (scorecard(1)). */
#define	XLSX_MAX_SSTTEXT	(64u << 20)

/* Attributes of one element of a part, before libxml2 sees it. */
#define	XLSX_MAX_ATTRS	1000


struct sheetref {
	char		*name;
	char		*rid;
	bool		 hidden;
};

struct rel {
	char		*id;
	char		*type;		/* last path segment of Type */
	char		*target;	/* resolved part name */
};

struct xlsx {
	const char	*name;		/* file name for messages */
	struct diag	*d;
	struct zipread	*z;
	struct book	*b;
	char		**sst;		/* shared strings */
	size_t		 nsst, maxsst;
	size_t		 sstbytes;	/* copied into cells so far */
	enum cell_fmt	*xf;		/* cellXfs index to format */
	size_t		 nxf, maxxf;
	struct sheetref	*sh;
	size_t		 nsh, maxsh;
	struct rel	*rels;
	size_t		 nrels, maxrels;
	char		*wbpath;	/* "xl/workbook.xml" */
};

/* One part being read. */
struct xr {
	struct xlsx	*x;
	const char	*part;
	struct xmlpull	*r;
	struct buf	 data;
};

/* Opens part; returns 1, 0 when the part is absent, -1 on error. */
static int
xr_open(struct xr *xr, struct xlsx *x, const char *part)
{
	size_t	 most;
	int	 rc, line;

	memset(xr, 0, sizeof(*xr));
	xr->x = x;
	xr->part = part;
	buf_init(&xr->data);
	if ((rc = zipread_part(x->z, part, &xr->data, x->d)) != 1)
		return rc;
	if (xr->data.len > INT32_MAX)
		return -1;
	if ((most = xml_most_attrs(xr->data.data, xr->data.len, &line,
	    NULL)) > XLSX_MAX_ATTRS) {
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "the part %s has "
		    "an element with %zu attributes at its line %d (the limit "
		    "is %d), which no spreadsheet program writes; not read",
		    part, most, line, XLSX_MAX_ATTRS);
		return -1;
	}
	xr->r = xmlpull_new(xr->data.data, xr->data.len, part);
	if (xr->r == NULL) {
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "cannot read the "
		    "part %s (out of memory?)", part);
		return -1;
	}
	return 1;
}

static void
xr_close(struct xr *xr)
{
	xmlpull_free(xr->r);
	xr->r = NULL;
	buf_release(&xr->data);
}

/* The next node's type, 0 at the end, -1 on an error (reported). */
static int
xr_next(struct xr *xr)
{
	const char	*err;
	int		 t, eline;

	if ((t = xmlpull_next(xr->r)) == XMLPULL_REFUSED) {
		diag_msg(xr->x->d, DIAG_ERROR, xr->x->name, 0, 0,
		    "the part %s has a document type or an entity, "
		    "which no spreadsheet program writes; not read",
		    xr->part);
		return -1;
	}
	if (t != XMLPULL_BAD)
		return t;
	err = xmlpull_error(xr->r, &eline);
	diag_msg(xr->x->d, DIAG_ERROR, xr->x->name, 0, 0, "not a readable "
	    "workbook: the part %s is not well-formed XML (line %d: %s); "
	    "save the workbook again", xr->part, eline,
	    err[0] != '\0' ? err : "error");
	return -1;
}

static const char *
xr_name(struct xr *xr)
{
	const char	*n = xmlpull_name(xr->r);

	return n != NULL ? n : "";
}

static bool
xr_is(struct xr *xr, const char *name)
{
	return strcmp(xr_name(xr), name) == 0;
}

/*
 * Copies the attributes named in names (local names) into vals (each
 * a new string or NULL; the caller frees).  Leaves the reader on the
 * element.
 */
static void
xr_attrs(struct xr *xr, const char *const *names, char **vals, size_t n)
{
	const char	*an, *av;
	size_t		 i;

	for (i = 0; i < n; i++)
		vals[i] = NULL;
	if (!xmlpull_attr_first(xr->r))
		return;
	do {
		an = xmlpull_name(xr->r);
		av = xmlpull_value(xr->r);
		if (an == NULL || av == NULL)
			continue;
		for (i = 0; i < n; i++)
			if (vals[i] == NULL &&
			    strcmp(an, names[i]) == 0)
				vals[i] = xstrdup(av);
	} while (xmlpull_attr_next(xr->r));
	xmlpull_attr_done(xr->r);
}

/*
 * As xr_attrs() for short values, into fixed buffers of 32 bytes.
 * Returns which were there (bit i for names[i]), so that an empty value
 * (r="") is told from none.
 */
static unsigned
xr_attrs_short(struct xr *xr, const char *const *names, char (*vals)[32],
    size_t n)
{
	const char	*an, *av;
	size_t		 i;
	unsigned	 found = 0;

	for (i = 0; i < n; i++)
		vals[i][0] = '\0';
	if (!xmlpull_attr_first(xr->r))
		return 0;
	do {
		an = xmlpull_name(xr->r);
		av = xmlpull_value(xr->r);
		if (an == NULL || av == NULL)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(an, names[i]) == 0) {
				snprintf(vals[i], 32, "%s", av);
				found |= 1u << i;
			}
	} while (xmlpull_attr_next(xr->r));
	xmlpull_attr_done(xr->r);
	return found;
}

static bool
is_text(int t)
{
	return t == XMLPULL_TEXT;
}

static void
xr_text(struct xr *xr, struct buf *b)
{
	const char	*v = xmlpull_value(xr->r);

	if (v != NULL)
		buf_puts(b, v);
}

/*
 * Part names.
 */

/* dir (ending in '/', or "") joined with target, "." and ".." resolved. */
static char *
resolve(const char *dir, const char *target)
{
	struct buf	 b;
	const char	*p, *seg;
	char		*s;
	size_t		 n;

	buf_init(&b);
	if (target[0] != '/')
		buf_puts(&b, dir);
	for (p = target; *p != '\0'; p += n + (p[n] == '/')) {
		while (*p == '/')
			p++;
		seg = p;
		n = strcspn(p, "/");
		if (n == 0)
			break;
		if (n == 1 && seg[0] == '.')
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (b.len > 0)
				b.len--;
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
			b.data[b.len] = '\0';
			continue;
		}
		buf_put(&b, seg, n);
		if (seg[n] == '/')
			buf_putc(&b, '/');
	}
	s = xstrndup(b.data, b.len);
	buf_release(&b);
	return s;
}

/* The folder of part p, with its '/', as a new string. */
static char *
dirof(const char *p)
{
	const char	*s = strrchr(p, '/');

	return xstrndup(p, s == NULL ? 0 : (size_t)(s - p + 1));
}

/* Reads a .rels part; returns -1 on error. */
static int
read_rels(struct xlsx *x, const char *part, const char *base)
{
	static const char *const names[] = { "Id", "Type", "Target",
	    "TargetMode" };
	struct xr	 xr;
	char		*v[4], *dir, *slash;
	int		 t, rc;

	if ((rc = xr_open(&xr, x, part)) != 1) {
		xr_close(&xr);
		return rc;
	}
	dir = dirof(base);
	while ((t = xr_next(&xr)) > 0) {
		if (t != XMLPULL_ELEMENT || !xr_is(&xr, "Relationship"))
			continue;
		xr_attrs(&xr, names, v, 4);
		if (v[0] != NULL && v[1] != NULL && v[2] != NULL &&
		    (v[3] == NULL || strcmp(v[3], "External") != 0) &&
		    x->nrels < 10000) {
			if (x->nrels == x->maxrels) {
				x->maxrels = x->maxrels == 0 ? 16 :
				    x->maxrels * 2;
				x->rels = xreallocarray(x->rels, x->maxrels,
				    sizeof(*x->rels));
			}
			slash = strrchr(v[1], '/');
			x->rels[x->nrels].id = xstrdup(v[0]);
			x->rels[x->nrels].type = xstrdup(slash != NULL ?
			    slash + 1 : v[1]);
			x->rels[x->nrels].target = resolve(dir, v[2]);
			x->nrels++;
		}
		free(v[0]);
		free(v[1]);
		free(v[2]);
		free(v[3]);
	}
	free(dir);
	xr_close(&xr);
	return t < 0 ? -1 : 1;
}

static void
free_rels(struct xlsx *x)
{
	size_t	 i;

	for (i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].type);
		free(x->rels[i].target);
	}
	free(x->rels);
	x->rels = NULL;
	x->nrels = x->maxrels = 0;
}

static const char *
rel_by_type(const struct xlsx *x, const char *type)
{
	size_t	 i;

	for (i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].type, type) == 0)
			return x->rels[i].target;
	return NULL;
}

static const char *
rel_by_id(const struct xlsx *x, const char *id)
{
	size_t	 i;

	for (i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return x->rels[i].target;
	return NULL;
}

/*
 * Workbook, shared strings, styles.
 */

/* Returns 1, 0 when there is no workbook part, -1 on an error. */
static int
read_workbook(struct xlsx *x)
{
	static const char *const snames[] = { "name", "state", "id" };
	static const char *const pnames[] = { "date1904" };
	struct xr	 xr;
	char		*v[3], pv[1][32];
	int		 t;

	if ((t = xr_open(&xr, x, x->wbpath)) != 1) {
		xr_close(&xr);
		return t;
	}
	while ((t = xr_next(&xr)) > 0) {
		if (t != XMLPULL_ELEMENT)
			continue;
		if (xr_is(&xr, "workbookPr")) {
			xr_attrs_short(&xr, pnames, pv, 1);
			x->b->date1904 = strcmp(pv[0], "1") == 0 ||
			    strcasecmp(pv[0], "true") == 0;
		} else if (xr_is(&xr, "sheet")) {
			if (x->nsh >= BOOK_MAX_SHEETS) {
				diag_msg(x->d, DIAG_ERROR, x->name, 0, 0,
				    "too many sheets (the limit is %d)",
				    BOOK_MAX_SHEETS);
				t = -1;
				break;
			}
			xr_attrs(&xr, snames, v, 3);
			if (x->nsh == x->maxsh) {
				x->maxsh = x->maxsh == 0 ? 8 : x->maxsh * 2;
				x->sh = xreallocarray(x->sh, x->maxsh,
				    sizeof(*x->sh));
			}
			x->sh[x->nsh].name = v[0] != NULL ? v[0] : xstrdup("");
			x->sh[x->nsh].hidden = v[1] != NULL &&
			    strcmp(v[1], "visible") != 0;
			x->sh[x->nsh].rid = v[2];
			free(v[1]);
			x->nsh++;
		}
	}
	xr_close(&xr);
	return t == 0 ? 1 : -1;
}

static bool
read_sst(struct xlsx *x, const char *part)
{
	struct xr	 xr;
	struct buf	 s;
	int		 t, rc, rph = 0;
	bool		 in_t = false, in_si = false;

	if ((rc = xr_open(&xr, x, part)) != 1) {
		xr_close(&xr);
		return rc == 0;
	}
	buf_init(&s);
	while ((t = xr_next(&xr)) > 0) {
		if (t == XMLPULL_ELEMENT) {
			if (xr_is(&xr, "si")) {
				buf_reset(&s);
				in_si = !xmlpull_empty(xr.r);
				if (in_si)
					continue;
			} else if (xr_is(&xr, "rPh"))
				rph += !xmlpull_empty(xr.r);
			else if (xr_is(&xr, "t") && in_si && rph == 0)
				in_t = !xmlpull_empty(xr.r);
			if (!xr_is(&xr, "si"))
				continue;
		} else if (is_text(t)) {
			if (in_t)
				xr_text(&xr, &s);
			continue;
		} else if (t == XMLPULL_END_ELEMENT) {
			if (xr_is(&xr, "t"))
				in_t = false;
			else if (xr_is(&xr, "rPh") && rph > 0)
				rph--;
			if (!xr_is(&xr, "si"))
				continue;
			in_si = false;
		} else
			continue;
		/* The end of an <si>, or an empty one. */
		if (x->nsst >= BOOK_MAX_CELLS) {
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "too many "
			    "shared strings (the limit is %u)",
			    BOOK_MAX_CELLS);
			t = -1;
			break;
		}
		if (x->nsst == x->maxsst) {
			x->maxsst = x->maxsst == 0 ? 256 : x->maxsst * 2;
			x->sst = xreallocarray(x->sst, x->maxsst,
			    sizeof(*x->sst));
		}
		x->sst[x->nsst++] = xstrndup(s.data, s.len);
		buf_reset(&s);
	}
	buf_release(&s);
	xr_close(&xr);
	return t == 0;
}

/* What a number format code shows. */
static enum cell_fmt
code_fmt(const char *c)
{
	bool	 date = false, day = false, m = false, hs = false;
	const char *p;

	for (p = c; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] == '"')
				p++;
			continue;
		case '[':
			while (p[1] != '\0' && p[1] != ']')
				p++;
			if (p[1] == ']')
				p++;
			continue;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			continue;
		case '%':
			return FMT_PERCENT;
		default:
			break;
		}
		switch (tolower((unsigned char)*p)) {
		case 'y':
			date = true;
			break;
		case 'd':
			date = day = true;
			break;
		case 'm':
			m = true;
			break;
		case 'h':
		case 's':
			hs = true;
			break;
		default:
			break;
		}
	}
	if (m && !hs)
		date = true;
	if (!date)
		return FMT_PLAIN;
	return day ? FMT_DAY : FMT_MONTH;
}

static enum cell_fmt
builtin_fmt(long id)
{
	if (id == 9 || id == 10)
		return FMT_PERCENT;
	if (id == 17)
		return FMT_MONTH;
	if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return FMT_DAY;
	return FMT_PLAIN;
}

static bool
read_styles(struct xlsx *x, const char *part)
{
	static const char *const fnames[] = { "numFmtId", "formatCode" };
	struct xr	 xr;
	char		*v[2];
	long		*ids = NULL;
	enum cell_fmt	*fmts = NULL;
	size_t		 nf = 0, maxnf = 0, i;
	int		 t, rc;
	bool		 in_xfs = false;
	long		 id;

	if ((rc = xr_open(&xr, x, part)) != 1) {
		xr_close(&xr);
		return rc == 0;
	}
	while ((t = xr_next(&xr)) > 0) {
		if (t == XMLPULL_END_ELEMENT && xr_is(&xr, "cellXfs"))
			in_xfs = false;
		if (t != XMLPULL_ELEMENT)
			continue;
		if (xr_is(&xr, "cellXfs"))
			in_xfs = !xmlpull_empty(xr.r);
		else if (xr_is(&xr, "numFmt") && nf < 1000) {
			xr_attrs(&xr, fnames, v, 2);
			if (v[0] != NULL && v[1] != NULL) {
				if (nf == maxnf) {
					maxnf = maxnf == 0 ? 16 : maxnf * 2;
					ids = xreallocarray(ids, maxnf,
					    sizeof(*ids));
					fmts = xreallocarray(fmts, maxnf,
					    sizeof(*fmts));
				}
				ids[nf] = strtol(v[0], NULL, 10);
				fmts[nf] = code_fmt(v[1]);
				nf++;
			}
			free(v[0]);
			free(v[1]);
		} else if (xr_is(&xr, "xf") && in_xfs && x->nxf < 100000) {
			xr_attrs(&xr, fnames, v, 1);
			id = v[0] != NULL ? strtol(v[0], NULL, 10) : 0;
			free(v[0]);
			if (x->nxf == x->maxxf) {
				x->maxxf = x->maxxf == 0 ? 64 : x->maxxf * 2;
				x->xf = xreallocarray(x->xf, x->maxxf,
				    sizeof(*x->xf));
			}
			x->xf[x->nxf] = builtin_fmt(id);
			for (i = 0; i < nf; i++)
				if (ids[i] == id)
					x->xf[x->nxf] = fmts[i];
			x->nxf++;
		}
	}
	free(ids);
	free(fmts);
	xr_close(&xr);
	return t == 0;
}

/*
 * Sheets.
 */

/* "AB12" into column and row; false if it is not a cell reference. */
static bool
cellref(const char *s, uint32_t *row, uint32_t *col)
{
	uint64_t	 c = 0, r = 0;

	/* As Excel writes them: "B7", capitals, no '$', no leading 0. */
	if (*s < 'A' || *s > 'Z')
		return false;
	for (; *s >= 'A' && *s <= 'Z' && c <= BOOK_MAX_COL; s++)
		c = c * 26 + (uint64_t)(*s - 'A' + 1);
	if (*s < '1' || *s > '9')
		return false;
	for (; isdigit((unsigned char)*s) && r <= BOOK_MAX_ROW; s++)
		r = r * 10 + (uint64_t)(*s - '0');
	if (*s != '\0' || c == 0 || c > BOOK_MAX_COL || r == 0 ||
	    r > BOOK_MAX_ROW)
		return false;
	*row = (uint32_t)r;
	*col = (uint32_t)c;
	return true;
}

/*
 * A sheet's name for messages into b (initialised here): quoted as in a
 * formula ('My sheet') if it is not one word, cut at 40 bytes as
 * jsonmsg.c cuts keys.
 */
static void
sheetname(struct buf *b, const char *sheet)
{
	const char	*p;
	size_t		 n = strlen(sheet), i;
	bool		 quote = false;

	buf_init(b);
	for (p = sheet; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			quote = true;
	if (n > 40)
		n = utf8_cut(sheet, 40);
	if (quote)
		buf_putc(b, '\'');
	for (i = 0; i < n; i++) {
		if (quote && sheet[i] == '\'')
			buf_putc(b, '\'');
		buf_putc(b, sheet[i]);
	}
	if (n < strlen(sheet))
		buf_puts(b, "...");
	if (quote)
		buf_putc(b, '\'');
}

/* "Sheet!B7" into b (initialised here), as sheetname() gives it. */
static void
place(struct buf *b, const char *sheet, uint32_t row, uint32_t col)
{
	sheetname(b, sheet);
	buf_putc(b, '!');
	book_colname(b, col);
	buf_printf(b, "%u", row);
}

/* A row number as Excel writes it (1 to 1048576, no sign, no 0 first). */
static bool
rownum(const char *s, uint32_t *row)
{
	uint32_t	 r = 0;

	if (*s < '1' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9' && r <= BOOK_MAX_ROW; s++)
		r = r * 10 + (uint32_t)(*s - '0');
	if (*s != '\0' || r > BOOK_MAX_ROW)
		return false;
	*row = r;
	return true;
}

static int
place_cmp(const void *a, const void *b)
{
	const struct cell	*x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* The cell being read. */
struct cur {
	char		 r[32], t[32], s[32];
	bool		 has_v, has_f, has_is;
	struct buf	 v, is;
};

static bool
end_cell(struct xlsx *x, struct sheet *sh, struct cur *c, uint32_t row,
    uint32_t col)
{
	struct cell	*cl;
	unsigned long	 idx, si;
	size_t		 n;
	char		*end;

	if (!c->has_v && !c->has_is && !c->has_f)
		return true;
	if ((cl = book_cell(x->b, sh, row, col)) == NULL) {
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "too many cells "
		    "(the limit is %u)", BOOK_MAX_CELLS);
		return false;
	}
	si = c->s[0] != '\0' ? strtoul(c->s, NULL, 10) : 0;
	cl->fmt = si < x->nxf ? x->xf[si] : FMT_PLAIN;
	/* openpyxl writes a formula it cannot work out with an empty <v>. */
	if (!c->has_is && (!c->has_v || (c->has_f && c->v.len == 0))) {
		cl->type = CELL_NOCACHE;
		return true;
	}
	if (strcmp(c->t, "inlineStr") == 0) {
		cl->type = CELL_TEXT;
		cl->text = xstrndup(c->is.data, c->is.len);
	} else if (strcmp(c->t, "s") == 0) {
		if (c->v.len > 0 && !isdigit((unsigned char)c->v.data[0])) {
			/* strtoul() takes " 0" and "+0"; Excel writes 0. */
			struct buf	 cn, v;

			place(&cn, sh->name, row, col);
			buf_init(&v);
			book_quote(&v, c->v.data);
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "not a "
			    "readable workbook: %s names its shared string "
			    "%s, not a number as Excel writes it (digits "
			    "only); save the workbook again", cn.data, v.data);
			buf_release(&v);
			buf_release(&cn);
			return false;
		}
		errno = 0;
		idx = strtoul(c->v.data, &end, 10);
		if (errno != 0 || *end != '\0' || end == c->v.data ||
		    idx >= x->nsst) {
			struct buf	 cn;

			place(&cn, sh->name, row, col);
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "not a "
			    "readable workbook: %s refers to a shared string "
			    "that is not there; save the workbook again",
			    cn.data);
			buf_release(&cn);
			return false;
		}
		/*
		 * Each cell gets its own copy: one long string named by
		 * many cells would otherwise ask for gigabytes.
		 */
		n = strlen(x->sst[idx]);
		if (n > XLSX_MAX_SSTTEXT - x->sstbytes) {
			struct buf	 cn;

			place(&cn, sh->name, row, col);
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "%s: "
			    "the cells that repeat shared strings hold more "
			    "than %u MiB of text together (the limit); not "
			    "read", cn.data, XLSX_MAX_SSTTEXT >> 20);
			buf_release(&cn);
			return false;
		}
		x->sstbytes += n;
		cl->type = CELL_TEXT;
		cl->text = xstrdup(x->sst[idx]);
	} else if (strcmp(c->t, "str") == 0 || strcmp(c->t, "d") == 0) {
		cl->type = CELL_TEXT;
		cl->text = xstrndup(c->v.data, c->v.len);
	} else if (strcmp(c->t, "b") == 0) {
		cl->type = CELL_BOOL;
		cl->num = strcmp(c->v.data, "1") == 0 ||
		    strcasecmp(c->v.data, "true") == 0;
	} else if (strcmp(c->t, "e") == 0) {
		cl->type = CELL_ERROR;
		cl->text = xstrndup(c->v.data, c->v.len);
	} else if (c->t[0] != '\0' && strcmp(c->t, "n") != 0) {
		struct buf	 cn;

		place(&cn, sh->name, row, col);
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "not a readable "
		    "workbook: %s has the cell type \"%s\", which Excel "
		    "does not write; save the workbook again", cn.data, c->t);
		buf_release(&cn);
		return false;
	} else {
		cl->type = CELL_NUMBER;
		cl->num = strtod(c->v.data, &end);
		/*
		 * Decimal and finite only: strtod() also reads "0x10",
		 * "nan" and "inf", and 1e999 as infinity; kept as text,
		 * they get the sheet's "expected a number" at the cell.
		 */
		if (end == c->v.data || *end != '\0' || !isfinite(cl->num) ||
		    strspn(c->v.data, "0123456789+-.eE") != c->v.len) {
			/* Not a number after all: kept as its text. */
			cl->type = CELL_TEXT;
			cl->text = xstrndup(c->v.data, c->v.len);
		}
	}
	return true;
}

static bool
read_sheet(struct xlsx *x, struct sheet *sh, const char *part)
{
	static const char *const rnames[] = { "r" };
	static const char *const cnames[] = { "r", "t", "s" };
	struct xr	 xr;
	struct cur	 c;
	char		 rv[1][32];
	uint32_t	 row = 0, col = 0, r, k;
	int		 t, rc, rph = 0;
	bool		 in_c = false, in_v = false, in_t = false;
	bool		 ok = false;
	struct buf	 sname;
	size_t		 i;

	if ((rc = xr_open(&xr, x, part)) != 1) {
		if (rc == 0)
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "not a "
			    "readable workbook: the sheet %s has no part %s; "
			    "save the workbook again", sh->name, part);
		xr_close(&xr);
		return false;
	}
	memset(&c, 0, sizeof(c));
	buf_init(&c.v);
	buf_init(&c.is);
	sheetname(&sname, sh->name);
	while ((t = xr_next(&xr)) > 0) {
		if (t == XMLPULL_ELEMENT) {
			const char *n = xr_name(&xr);
			bool	 empty = xmlpull_empty(xr.r);

			if (strcmp(n, "row") == 0) {
				/* r="" is no row number, not "the next". */
				if (xr_attrs_short(&xr, rnames, rv, 1) & 1) {
					if (!rownum(rv[0], &r)) {
						diag_msg(x->d, DIAG_ERROR,
						    x->name, 0, 0, "not a "
						    "readable workbook: %s "
						    "has a row numbered \"%s\" "
						    "(rows are 1 to 1048576)",
						    sname.data, rv[0]);
						goto out;
					}
					row = r;
				} else
					row++;
				col = 0;
			} else if (strcmp(n, "c") == 0) {
				if (xr_attrs_short(&xr, cnames, &c.r, 3) & 1) {
					if (!cellref(c.r, &r, &k)) {
						diag_msg(x->d, DIAG_ERROR,
						    x->name, 0, 0, "not a "
						    "readable workbook: %s "
						    "row %u has a cell named "
						    "\"%s\", not a cell "
						    "(A1 to XFD1048576)",
						    sname.data, row + (row == 0),
						    c.r);
						goto out;
					}
					row = r;
					col = k;
				} else
					col++;
				if (row == 0 || row > BOOK_MAX_ROW ||
				    col == 0 || col > BOOK_MAX_COL) {
					struct buf	 cn;

					place(&cn, sh->name, row == 0 ? 1 :
					    row, col > BOOK_MAX_COL ?
					    BOOK_MAX_COL : col);
					diag_msg(x->d, DIAG_ERROR, x->name, 0,
					    0, "not a readable workbook: a "
					    "cell after %s is out of Excel's "
					    "range", cn.data);
					buf_release(&cn);
					goto out;
				}
				c.has_v = c.has_f = c.has_is = false;
				buf_reset(&c.v);
				buf_reset(&c.is);
				in_c = !empty;
			} else if (in_c && strcmp(n, "v") == 0) {
				c.has_v = true;
				in_v = !empty;
			} else if (in_c && strcmp(n, "f") == 0)
				c.has_f = true;
			else if (in_c && strcmp(n, "is") == 0)
				c.has_is = true;
			else if (in_c && strcmp(n, "rPh") == 0)
				rph += !empty;
			else if (in_c && c.has_is && rph == 0 &&
			    strcmp(n, "t") == 0)
				in_t = !empty;
		} else if (is_text(t)) {
			if (in_v)
				xr_text(&xr, &c.v);
			else if (in_t)
				xr_text(&xr, &c.is);
		} else if (t == XMLPULL_END_ELEMENT) {
			const char *n = xr_name(&xr);

			if (strcmp(n, "v") == 0)
				in_v = false;
			else if (strcmp(n, "t") == 0)
				in_t = false;
			else if (strcmp(n, "rPh") == 0 && rph > 0)
				rph--;
			else if (strcmp(n, "c") == 0 && in_c) {
				in_c = false;
				if (!end_cell(x, sh, &c, row, col))
					goto out;
			}
		}
	}
	ok = t == 0;
	/* A cell given twice: which one did the author mean? */
	if (ok && sh->ncells > 1) {
		qsort(sh->cells, sh->ncells, sizeof(*sh->cells), place_cmp);
		for (i = 1; i < sh->ncells; i++) {
			struct buf	 cn;

			if (place_cmp(&sh->cells[i - 1], &sh->cells[i]) != 0)
				continue;
			place(&cn, sh->name, sh->cells[i].row,
			    sh->cells[i].col);
			diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "not a "
			    "readable workbook: %s is given twice; save the "
			    "workbook again", cn.data);
			buf_release(&cn);
			ok = false;
			break;
		}
	}
out:
	buf_release(&sname);
	buf_release(&c.v);
	buf_release(&c.is);
	xr_close(&xr);
	return ok;
}

/* Says what a zip that is not a workbook is. */
static void
not_workbook(struct xlsx *x)
{
	struct buf	 m;

	buf_init(&m);
	if (zipread_part(x->z, "mimetype", &m, x->d) == 1 &&
	    strstr(m.data, "opendocument.spreadsheet") != NULL)
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "this is an "
		    "OpenDocument spreadsheet (.ods), which scorecard does "
		    "not read; in LibreOffice, save it as an Excel Workbook "
		    "(.xlsx) with File > Save As, and try again");
	else
		diag_msg(x->d, DIAG_ERROR, x->name, 0, 0, "a zip file, but "
		    "not an Excel workbook (it has no workbook part); save "
		    "the spreadsheet as an Excel Workbook (.xlsx) and try "
		    "again");
	buf_release(&m);
}

bool
xlsx_read(struct book *b, const char *name, const char *data, size_t len,
    struct diag *d)
{
	struct xlsx	 x;
	struct sheet	*sh;
	const char	*p;
	char		*wbrels = NULL, *dir;
	size_t		 i;
	bool		 ok = false;

	memset(&x, 0, sizeof(x));
	x.name = name;
	x.d = d;
	x.b = b;
	if ((x.z = zipread_open(data, len, name, d)) == NULL)
		return false;
	if (read_rels(&x, "_rels/.rels", "") < 0)
		goto out;
	p = rel_by_type(&x, "officeDocument");
	x.wbpath = xstrdup(p != NULL ? p : "xl/workbook.xml");
	free_rels(&x);
	switch (read_workbook(&x)) {
	case 0:
		not_workbook(&x);
		goto out;
	case -1:
		goto out;
	default:
		break;
	}
	dir = dirof(x.wbpath);
	wbrels = xmalloc(strlen(dir) + strlen(x.wbpath) + 16);
	sprintf(wbrels, "%s_rels/%s.rels", dir, x.wbpath + strlen(dir));
	free(dir);
	if (read_rels(&x, wbrels, x.wbpath) < 0)
		goto out;
	if ((p = rel_by_type(&x, "sharedStrings")) != NULL &&
	    !read_sst(&x, p))
		goto out;
	if ((p = rel_by_type(&x, "styles")) != NULL && !read_styles(&x, p))
		goto out;
	for (i = 0; i < x.nsh; i++) {
		sh = book_sheet(b, x.sh[i].name, x.sh[i].hidden);
		if (!book_reads(x.sh[i].name))
			continue;
		p = x.sh[i].rid != NULL ? rel_by_id(&x, x.sh[i].rid) : NULL;
		if (p == NULL) {
			diag_msg(d, DIAG_ERROR, name, 0, 0, "not a readable "
			    "workbook: the sheet %s has no part; save the "
			    "workbook again", x.sh[i].name);
			goto out;
		}
		if (!read_sheet(&x, sh, p))
			goto out;
	}
	ok = true;
out:
	for (i = 0; i < x.nsst; i++)
		free(x.sst[i]);
	free(x.sst);
	free(x.xf);
	for (i = 0; i < x.nsh; i++) {
		free(x.sh[i].name);
		free(x.sh[i].rid);
	}
	free(x.sh);
	free_rels(&x);
	free(x.wbpath);
	free(wbrels);
	zipread_free(x.z);
	return ok;
}
