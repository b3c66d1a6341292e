/*
 * json: read indicator JSON, check it against the input contract
 * (scorecard-input(5)) and copy it into a struct model.
 *
 * It deliberately does not compute anything (figures.c does), nor
 * keep anything of cJSON: the tree is freed before json_load() returns
 * and every string in the model is our own copy.
 *
 * IMPLEMENTATION NOTES
 *
 * Text flows through four stages, each on the whole file:
 *
 * 1. scan: a strict recursive-descent scanner of our own walks the
 *    bytes.  cJSON 1.7.15 is lax and silent (invalid UTF-8, 007, 1.,
 *    raw control characters pass; \u0000 and bad escapes truncate
 *    strings; duplicate keys are both kept), so the scanner is where
 *    syntax, encoding, depth, duplicate keys and the size limits are
 *    enforced, with a line and column for each problem.  It also
 *    records the place of every value in pre-order (and of its key).
 * 2. parse: only a clean text reaches cJSON_ParseWithLengthOpts().
 *    cJSON keeps members and elements in document order, so the k-th
 *    node of a pre-order walk is the k-th value the scanner saw.  The
 *    walk stamps k into each node's valueint, which we never read as a
 *    number (valuedouble is the value), so that any node can give its
 *    line and column in O(1).
 * 3. check: the tree is walked against the contract.  Every problem is
 *    recorded, with the JSON path and the value's place, and checking
 *    goes on; values that pass are copied into the model.
 * 4. report: messages are collected, not printed, as they are found
 *    (checks run in contract order, not file order).  At the end they
 *    are sorted by place and handed to diag; on any error the model is
 *    emptied again.
 *
 * Object members are visited with cJSON_ArrayForEach and matched
 * against the known names (unknown ones are warnings); arrays are
 * walked with cJSON_ArrayForEach only: cJSON_GetArrayItem() and
 * cJSON_GetArraySize() walk the list each time.
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "period.h"
#include "rfile.h"
#include "util.h"

/* Where a value is: its own place and, for a member, its key's. */
struct jpos {
	int		 line, col;
	int		 kline, kcol;	/* 0: not an object member */
};

/* A message waiting to be sorted and written. */
struct msg {
	int		 line, col;	/* line 0: no position */
	enum diag_level	 lvl;
	size_t		 seq;		/* for a stable sort */
	char		*text;		/* "PATH: message", ours */
	size_t		 plen;		/* bytes of "PATH: " in text */
};

/* Kinds of object, for unknown-field warnings. */
enum kind {
	KIND_TOP,
	KIND_REPORT,
	KIND_TARGET,
	KIND_INDICATOR,
	KIND_POINT,
	KIND_BREAKDOWN,
	KIND_ITEM
};

/* An unknown field already warned about, to count repeats. */
struct seen {
	enum kind	 kind;
	char		*key;
	size_t		 msg;		/* index into ctx.msgs */
	size_t		 more;		/* times seen since */
};

/* A message index for one counted but not kept (JSON_MAX_MESSAGES). */
#define	NO_MSG	SIZE_MAX

/* Beyond this many, every unknown field warns. */
#define	SEEN_MAX	64

struct ctx {
	const char	*name;		/* file name for messages */
	const struct json_where *where;	/* places in another file, or NULL */
	struct model	*m;
	struct msg	*msgs;
	size_t		 nmsgs, maxmsgs;
	size_t		 nerr;		/* errors, shown or not */
	size_t		 nunshown;	/* messages past JSON_MAX_MESSAGES */
	size_t		 nunshown_err;	/* of them, errors */
	struct jpos	*pos;		/* every value, in pre-order */
	size_t		 npos, maxpos;
	struct buf	 path;		/* path of the value checked */
	struct buf	 q;		/* scratch for quoted() */
	struct seen	 seen[SEEN_MAX];
	size_t		 nseen;
	bool		 comps_ok;	/* can comparator references be
					   checked against m->comps? */
	bool		 vcheck;	/* figures checked against vunit */
	enum unit	 vunit;		/* the unit of the figures being read */
	bool		 vwhole;	/* and a count must be whole */
};

/* One open array or object in the scanner. */
struct keyent {
	size_t		 off;		/* into frame.keys */
	int		 line, col;	/* of the key, for duplicates */
	size_t		 slot;		/* in frame.tab */
};

struct frame {
	bool		 obj;
	size_t		 n;		/* members or elements done */
	size_t		 curkey;	/* offset of the current key */
	struct buf	 keys;		/* decoded, NUL-separated */
	struct keyent	*ents;		/* distinct keys */
	size_t		 nents, maxents;
	size_t		*tab;		/* ents index + 1, or 0 */
	size_t		 tabsz;		/* power of 2 (or 0) */
};

struct scan {
	struct ctx		*c;
	const unsigned char	*start, *p, *end;
	int			 line, col;	/* of *p */
	struct frame		 fr[JSON_MAX_DEPTH];
	int			 depth;		/* frames open */
	int			 nfr;		/* frames initialised */
	size_t			 nbadutf8;	/* bad UTF-8 bytes */
	size_t			 badutf8msg;	/* its message */
};

/* Flags for the field getters. */
#define	F_REQ		0x01	/* report a missing field */
#define	F_NONEMPTY	0x02	/* string must not be blank */

/* An enumeration of the contract: its words and values. */
struct word {
	const char	*name;
	int		 val;
};

static const struct word units[] = {
	{ "count", UNIT_COUNT },
	{ "percent", UNIT_PERCENT },
	{ "rate10k", UNIT_RATE10K },
	{ "days", UNIT_DAYS },
	{ "weeks", UNIT_WEEKS },
	{ "number", UNIT_NUMBER },
	{ NULL, 0 }
};

static const struct word betters[] = {
	{ "higher", BETTER_HIGHER },
	{ "lower", BETTER_LOWER },
	{ "neither", BETTER_NEITHER },
	{ NULL, 0 }
};

static const struct word charts[] = {
	{ "line", CHART_LINE },
	{ "column", CHART_COLUMN },
	{ "none", CHART_NONE },
	{ NULL, 0 }
};

/* 2^53: whole numbers below it are exact in a double. */
#define	WHOLE_LIMIT	9007199254740992.0

#define	PERIOD_FORMS	\
	"YYYY-MM-DD, YYYY-MM, YYYY/YY Qn, YYYY/YY or YYYY"

/*
 * Messages.
 */

static size_t
vaddmsg(struct ctx *c, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));
static size_t
addmsg(struct ctx *c, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void	cmsg(struct ctx *, enum diag_level, const cJSON *, bool,
		    const char *, ...) __attribute__((format(printf, 5, 6)));
static void	cerr(struct ctx *, const cJSON *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	serr(struct scan *, int, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static bool	valid_id(const char *);

/*
 * Whether another message can be kept; if not, counts one of level lvl
 * as vaddmsg() would, so that a caller can skip working out its text.
 */
static bool
msg_room(struct ctx *c, enum diag_level lvl)
{
	if (c->nmsgs < JSON_MAX_MESSAGES)
		return true;
	if (lvl == DIAG_ERROR)
		c->nerr++, c->nunshown_err++;
	c->nunshown++;
	return false;
}

static size_t
vaddmsg(struct ctx *c, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, va_list ap)
{
	struct buf	 b;
	struct msg	*mm;
	size_t		 plen;

	/* Counted, not kept: a bad file cannot fill the memory or the
	 * terminal with messages. */
	if (!msg_room(c, lvl))
		return NO_MSG;
	if (lvl == DIAG_ERROR)
		c->nerr++;
	buf_init(&b);
	if (path != NULL && *path != '\0')
		buf_printf(&b, "%s: ", path);
	plen = b.len;
	buf_vprintf(&b, fmt, ap);
	if (c->nmsgs == c->maxmsgs) {
		c->maxmsgs = c->maxmsgs == 0 ? 16 : c->maxmsgs * 2;
		c->msgs = xreallocarray(c->msgs, c->maxmsgs, sizeof(*c->msgs));
	}
	mm = &c->msgs[c->nmsgs];
	mm->line = line;
	mm->col = col;
	mm->lvl = lvl;
	mm->seq = c->nmsgs;
	mm->text = buf_detach(&b, NULL);
	mm->plen = plen;
	buf_release(&b);
	return c->nmsgs++;
}

static size_t
addmsg(struct ctx *c, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 i;

	va_start(ap, fmt);
	i = vaddmsg(c, lvl, line, col, path, fmt, ap);
	va_end(ap);
	return i;
}

/* Appends to message i's text. */
static void
msg_append(struct ctx *c, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
msg_append(struct ctx *c, size_t i, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (i == NO_MSG)
		return;
	buf_init(&b);
	buf_puts(&b, c->msgs[i].text);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(c->msgs[i].text);
	c->msgs[i].text = buf_detach(&b, NULL);
	buf_release(&b);
}

static int
msg_cmp(const void *a, const void *b)
{
	const struct msg	*x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Writes message mm at the place in the source file that c->where gives
 * for its line and column of the JSON text, without the JSON path when
 * the place says enough.
 */
static void
msg_where(struct ctx *c, const struct msg *mm, struct diag *d)
{
	struct buf	 label, file;
	int		 line = 0, col = 0;
	bool		 nopath;

	buf_init(&label);
	buf_init(&file);
	nopath = c->where->place(c->where->arg, mm->line, mm->col, &line,
	    &col, &label);
	if (label.len > 0)
		buf_printf(&file, "%s: %s", c->name, label.data);
	else
		buf_puts(&file, c->name);
	diag_msg(d, mm->lvl, file.data, line, col, "%s",
	    mm->text + (nopath ? mm->plen : 0));
	buf_release(&file);
	buf_release(&label);
}

/* Sorts the messages by place and writes them through d. */
static void
msg_flush(struct ctx *c, struct diag *d)
{
	size_t	 i;

	if (c->nmsgs > 1)
		qsort(c->msgs, c->nmsgs, sizeof(*c->msgs), msg_cmp);
	for (i = 0; i < c->nmsgs; i++)
		if (c->where != NULL && c->msgs[i].line > 0)
			msg_where(c, &c->msgs[i], d);
		else
			diag_msg(d, c->msgs[i].lvl, c->name, c->msgs[i].line,
			    c->msgs[i].col, "%s", c->msgs[i].text);
	if (c->nunshown > 0)
		diag_msg(d, c->nunshown_err > 0 ? DIAG_ERROR : DIAG_WARN,
		    c->name, 0, 0, "%zu more %s not shown (%zu errors in "
		    "all; only the first %d messages are shown)", c->nunshown,
		    c->nunshown == 1 ? "message" : "messages", c->nerr,
		    JSON_MAX_MESSAGES);
}

/*
 * Message for node v at its place (or its key's, if atkey and it has
 * one), prefixed with the current path.
 */
static void
cmsg(struct ctx *c, enum diag_level lvl, const cJSON *v, bool atkey,
    const char *fmt, ...)
{
	const struct jpos	*p;
	va_list			 ap;
	int			 line, col;

	assert(v->valueint >= 0 && (size_t)v->valueint < c->npos);
	p = &c->pos[v->valueint];
	line = p->line;
	col = p->col;
	if (atkey && p->kline > 0) {
		line = p->kline;
		col = p->kcol;
	}
	va_start(ap, fmt);
	vaddmsg(c, lvl, line, col, c->path.data, fmt, ap);
	va_end(ap);
}

static void
cerr(struct ctx *c, const cJSON *v, const char *fmt, ...)
{
	const struct jpos	*p;
	va_list			 ap;

	assert(v->valueint >= 0 && (size_t)v->valueint < c->npos);
	p = &c->pos[v->valueint];
	va_start(ap, fmt);
	vaddmsg(c, DIAG_ERROR, p->line, p->col, c->path.data, fmt, ap);
	va_end(ap);
}

/*
 * Returns s as a JSON string literal for a message, cut at about 40
 * bytes (on a character boundary) with "..." if longer.  The result
 * lives in c->q until the next call.
 */
static const char *
quoted(struct ctx *c, const char *s)
{
	size_t	 len, cut;
	char	*t;

	len = strnlen(s, 41);		/* all that matters: over 40? */
	cut = len;
	if (cut > 40) {
		cut = 40;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	t = xstrndup(s, cut);
	buf_reset(&c->q);
	buf_putjson(&c->q, t);
	free(t);
	if (cut < len) {
		c->q.len--;			/* the closing quote */
		BUF_PUTSL(&c->q, "...\"");
	}
	return c->q.data;
}

/*
 * Paths.
 */

static bool
path_plain(const char *k)
{
	const char	*p;

	if (!(*k == '_' || (*k >= 'a' && *k <= 'z') ||
	    (*k >= 'A' && *k <= 'Z')))
		return false;
	for (p = k; *p != '\0'; p++)
		if (!(*p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

static void
path_key(struct ctx *c, struct buf *b, const char *k)
{
	/* A long key is cut (by quoted()): a path stays short. */
	if (strnlen(k, 41) <= 40 && path_plain(k)) {
		if (b->len > 0)
			buf_putc(b, '.');
		buf_puts(b, k);
	} else
		buf_printf(b, "[%s]", quoted(c, k));
}

/* Appends key k to c->path; returns the mark to restore with pop(). */
static size_t
push(struct ctx *c, const char *k)
{
	size_t	 mark = c->path.len;

	path_key(c, &c->path, k);
	return mark;
}

static size_t
push_index(struct ctx *c, size_t i)
{
	size_t	 mark = c->path.len;

	buf_printf(&c->path, "[%zu]", i);
	return mark;
}

/*
 * After an indicator's index, the id its author gave it, if it is a
 * valid one: "indicators[2] (id \"cla-rate\").series[5].value".  The
 * index finds the place; the id is the name the author knows.
 */
static void
push_id(struct ctx *c, const cJSON *ind)
{
	const cJSON	*id;

	if (!cJSON_IsObject(ind))
		return;
	id = cJSON_GetObjectItemCaseSensitive(ind, "id");
	if (cJSON_IsString(id) && valid_id(id->valuestring))
		buf_printf(&c->path, " (id %s)", quoted(c, id->valuestring));
}

static void
pop(struct ctx *c, size_t mark)
{
	c->path.len = mark;
	c->path.data[mark] = '\0';
}

/*
 * Scanner: stage 1.  Functions return false after a problem that
 * stops the scan (broken structure); problems it can step over are
 * recorded and the scan goes on.
 */

static void
serr(struct scan *s, int line, int col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vaddmsg(s->c, DIAG_ERROR, line, col, NULL, fmt, ap);
	va_end(ap);
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (p[0] < 0xc2)
		return 0;
	else if (p[0] < 0xe0)
		n = 2;
	else if (p[0] < 0xf0) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;		/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;		/* surrogates */
	} else if (p[0] < 0xf5) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;		/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;		/* above U+10FFFF */
	} else
		return 0;
	if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

static void
utf8_put(struct buf *b, unsigned long cp)
{
	char	 u[4];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, u, 4);
	}
}

static void
scan_ws(struct scan *s)
{
	for (; s->p < s->end; s->p++) {
		if (*s->p == '\n') {
			s->line++;
			s->col = 1;
		} else if (*s->p == ' ' || *s->p == '\t' || *s->p == '\r')
			s->col++;
		else
			break;
	}
}

static bool
scan_nul(struct scan *s)
{
	serr(s, s->line, s->col, "NUL byte in the file (is it UTF-16? "
	    "save it as UTF-8)");
	return false;
}

/*
 * Reports what is at s->p when want was expected, and stops.
 */
static bool
scan_unexpected(struct scan *s, const char *want)
{
	unsigned long	 cp;
	size_t		 i, n;

	if (s->p == s->end) {
		serr(s, s->line, s->col,
		    "unexpected end of file, expected %s", want);
		return false;
	}
	if (*s->p == '\0')
		return scan_nul(s);
	if (*s->p == '/')
		serr(s, s->line, s->col,
		    "expected %s (JSON does not allow comments)", want);
	else if (*s->p == '\'')
		serr(s, s->line, s->col,
		    "expected %s (strings take double quotes)", want);
	else if (s->p > s->start && s->p[-1] == '"' &&
	    ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z') ||
	    (*s->p >= '0' && *s->p <= '9')))
		serr(s, s->line, s->col, "expected %s (is a string before "
		    "this missing its closing '\"'?)", want);
	else if (*s->p > 0x20 && *s->p < 0x7f)
		serr(s, s->line, s->col, "expected %s", want);
	else if (*s->p < 0x80)
		serr(s, s->line, s->col,
		    "expected %s, found control character U+%04X",
		    want, *s->p);
	else if ((n = utf8_len(s->p, s->end)) == 0)
		serr(s, s->line, s->col, "expected %s, found byte 0x%02X "
		    "(not UTF-8: save the file as UTF-8)", want, *s->p);
	else {
		cp = s->p[0] & (0xff >> (n + 1));
		for (i = 1; i < n; i++)
			cp = cp << 6 | (s->p[i] & 0x3f);
		serr(s, s->line, s->col, "expected %s, found U+%04lX",
		    want, cp);
	}
	return false;
}

/* An invalid UTF-8 byte inside a string: reported once, then counted. */
static void
scan_badutf8(struct scan *s)
{
	if (s->nbadutf8++ == 0)
		s->badutf8msg = addmsg(s->c, DIAG_ERROR, s->line, s->col,
		    NULL, "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
		    *s->p);
	s->p++;
	s->col++;
}

static int
hexval(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Reads 4 hex digits at p into *cp; false if there are not 4. */
static bool
hex4(const unsigned char *p, const unsigned char *end, unsigned long *cp)
{
	int	 i, h;

	if (end - p < 4)
		return false;
	for (*cp = 0, i = 0; i < 4; i++) {
		if ((h = hexval(p[i])) < 0)
			return false;
		*cp = *cp << 4 | (unsigned long)h;
	}
	return true;
}

/*
 * The escape at s->p (a backslash) in a string opened at sline:scol.
 * Decodes it into out, if not NULL.
 */
static bool
scan_escape(struct scan *s, struct buf *out, int sline, int scol)
{
	unsigned long	 cp, lo;
	int		 line = s->line, col = s->col;
	char		 ch;

	s->p++;
	s->col++;
	if (s->p == s->end) {
		serr(s, sline, scol, "unterminated string");
		return false;
	}
	switch (*s->p) {
	case '"':
	case '\\':
	case '/':
		ch = (char)*s->p;
		break;
	case 'b':
		ch = '\b';
		break;
	case 'f':
		ch = '\f';
		break;
	case 'n':
		ch = '\n';
		break;
	case 'r':
		ch = '\r';
		break;
	case 't':
		ch = '\t';
		break;
	case 'u':
		s->p++;
		s->col++;
		if (!hex4(s->p, s->end, &cp)) {
			serr(s, line, col, "invalid escape: \\u must be "
			    "followed by 4 hex digits");
			return true;	/* the loop reads on after 'u' */
		}
		s->p += 4;
		s->col += 4;
		if (cp >= 0xd800 && cp <= 0xdbff && s->end - s->p >= 6 &&
		    s->p[0] == '\\' && s->p[1] == 'u' &&
		    hex4(s->p + 2, s->end, &lo) &&
		    lo >= 0xdc00 && lo <= 0xdfff) {
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			s->p += 6;
			s->col += 6;
		} else if (cp >= 0xd800 && cp <= 0xdfff) {
			serr(s, line, col, "invalid escape: unpaired "
			    "surrogate \\u%04lX", cp);
			return true;
		}
		if (cp == 0)
			serr(s, line, col,
			    "\\u0000 (NUL) is not allowed in a string");
		else if (out != NULL)
			utf8_put(out, cp);
		return true;
	default:
		if (*s->p > 0x20 && *s->p < 0x7f) {
			serr(s, line, col, "invalid escape '\\%c' (write a "
			    "backslash as \\\\)", *s->p);
			s->p++;
			s->col++;
		} else
			serr(s, line, col, "invalid escape: '\\' must be "
			    "followed by one of \" \\ / b f n r t u");
		return true;
	}
	if (out != NULL)
		buf_putc(out, ch);
	s->p++;
	s->col++;
	return true;
}

/*
 * The string at s->p (the opening quote); its decoded bytes go to out
 * if that is not NULL (keys are needed for duplicates and paths).
 */
static bool
scan_string(struct scan *s, struct buf *out)
{
	const unsigned char	*start;
	int			 line = s->line, col = s->col;
	bool			 toolong = false;
	size_t			 n;

	s->p++;
	s->col++;
	start = s->p;
	for (;;) {
		if (s->p == s->end) {
			serr(s, line, col, "unterminated string");
			return false;
		}
		if (!toolong && (size_t)(s->p - start) > JSON_MAX_STRING) {
			serr(s, line, col, "string too long (the limit is "
			    "%d bytes)", JSON_MAX_STRING);
			toolong = true;
		}
		if (*s->p == '"')
			break;
		if (*s->p == '\\') {
			if (!scan_escape(s, out, line, col))
				return false;
			continue;
		}
		if (*s->p == '\0')
			return scan_nul(s);
		if (*s->p == '\n') {
			serr(s, s->line, s->col, "line break inside a "
			    "string (close the string with '\"', or write "
			    "the break as \\n)");
			if (out != NULL)
				buf_putc(out, '\n');
			s->p++;
			s->line++;
			s->col = 1;
			continue;
		}
		if (*s->p < 0x20) {
			if (*s->p == '\t')
				serr(s, s->line, s->col, "tab inside a "
				    "string (write it as \\t)");
			else
				serr(s, s->line, s->col, "control character "
				    "U+%04X inside a string (write it as "
				    "\\u%04X)", *s->p, *s->p);
			n = 1;
		} else if (*s->p < 0x80)
			n = 1;
		else if ((n = utf8_len(s->p, s->end)) == 0) {
			scan_badutf8(s);
			continue;
		}
		if (out != NULL)
			buf_put(out, s->p, n);
		s->p += n;
		s->col++;
	}
	s->p++;
	s->col++;
	return true;
}

/* Why tok (len bytes) is not a JSON number, or NULL if it is one. */
static const char *
number_fault(const char *tok, size_t len)
{
	const char	*p = tok, *end = tok + len;

#define	DIGIT(q)	((q) < end && *(q) >= '0' && *(q) <= '9')
	if (p < end && *p == '+')
		return ": JSON numbers have no '+' sign";
	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '.')
		return ": write a digit before the '.'";
	if (!DIGIT(p))
		return *tok == '-' ? ": a digit must follow the '-'" : "";
	if (*p == '0' && DIGIT(p + 1))
		return ": JSON numbers have no leading zeros";
	while (DIGIT(p))
		p++;
	if (p < end && *p == '.') {
		p++;
		if (!DIGIT(p))
			return ": a digit must follow the '.'";
		while (DIGIT(p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!DIGIT(p))
			return ": a digit must follow the exponent";
		while (DIGIT(p))
			p++;
	}
#undef	DIGIT
	return p == end ? NULL : "";
}

/*
 * A number at s->p.  The token is everything that could belong to one
 * (so "007", "1.2.3" and "0x1F" are reported whole), checked against
 * the JSON grammar and for overflow.
 */
static void
scan_number(struct scan *s)
{
	const unsigned char	*start = s->p;
	const char		*why;
	char			*tok;
	size_t			 len;

	while (s->p < s->end && (*s->p == '+' || *s->p == '-' ||
	    *s->p == '.' || (*s->p >= '0' && *s->p <= '9') ||
	    (*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z')))
		s->p++;
	len = (size_t)(s->p - start);
	tok = xstrndup((const char *)start, len);
	if ((why = number_fault(tok, len)) != NULL)
		serr(s, s->line, s->col, "invalid number '%.20s%s'%s",
		    tok, len > 20 ? "..." : "", why);
	else if (!isfinite(strtod(tok, NULL)))
		serr(s, s->line, s->col, "number '%.20s%s' is out of range",
		    tok, len > 20 ? "..." : "");
	free(tok);
	s->col += (int)len;
}

/* true, false, null, or a word that JSON does not have. */
static bool
scan_word(struct scan *s)
{
	const unsigned char	*start = s->p;
	size_t			 len;

	while (s->p < s->end && ((*s->p >= 'a' && *s->p <= 'z') ||
	    (*s->p >= 'A' && *s->p <= 'Z') || (*s->p >= '0' && *s->p <= '9') ||
	    *s->p == '_'))
		s->p++;
	len = (size_t)(s->p - start);
	if ((len == 4 && memcmp(start, "true", 4) == 0) ||
	    (len == 5 && memcmp(start, "false", 5) == 0) ||
	    (len == 4 && memcmp(start, "null", 4) == 0)) {
		s->col += (int)len;
		return true;
	}
	serr(s, s->line, s->col, "expected a value, found '%.*s%s' (JSON's "
	    "words are true, false and null; strings take double quotes)",
	    (int)(len > 20 ? 20 : len), (const char *)start,
	    len > 20 ? "..." : "");
	return false;
}

static bool	scan_value(struct scan *, int, int);

/* Opens a frame for an array or object; false if too deep. */
static struct frame *
frame_push(struct scan *s, bool obj)
{
	struct frame	*f;
	size_t		 i;

	if (s->depth == JSON_MAX_DEPTH) {
		serr(s, s->line, s->col, "nesting too deep (the limit is "
		    "%d levels)", JSON_MAX_DEPTH);
		return NULL;
	}
	f = &s->fr[s->depth];
	if (s->depth == s->nfr) {
		memset(f, 0, sizeof(*f));
		buf_init(&f->keys);
		s->nfr++;
	}
	for (i = 0; i < f->nents; i++)
		f->tab[f->ents[i].slot] = 0;
	f->nents = 0;
	buf_reset(&f->keys);
	f->obj = obj;
	f->n = 0;
	f->curkey = 0;
	s->depth++;
	s->p++;
	s->col++;
	return f;
}

/* The path of frames below `upto', as the checker writes it. */
static void
scan_path(struct scan *s, int upto)
{
	int	 i;

	buf_reset(&s->c->path);
	for (i = 0; i < upto; i++) {
		if (s->fr[i].obj)
			path_key(s->c, &s->c->path,
			    s->fr[i].keys.data + s->fr[i].curkey);
		else
			buf_printf(&s->c->path, "[%zu]", s->fr[i].n);
	}
}

static size_t
key_hash(const char *k)
{
	size_t	 h = 2166136261u;

	for (; *k != '\0'; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

/* Records the current key of f, reporting it if it is a duplicate. */
static void
scan_dupkey(struct scan *s, struct frame *f, int line, int col)
{
	const char	*k = f->keys.data + f->curkey;
	struct keyent	*e;
	size_t		 i, j, mask;

	if (2 * (f->nents + 1) > f->tabsz) {
		f->tabsz = f->tabsz == 0 ? 16 : 2 * f->tabsz;
		free(f->tab);
		f->tab = xcalloc(f->tabsz, sizeof(*f->tab));
		mask = f->tabsz - 1;
		for (j = 0; j < f->nents; j++) {
			i = key_hash(f->keys.data + f->ents[j].off) & mask;
			while (f->tab[i] != 0)
				i = (i + 1) & mask;
			f->tab[i] = j + 1;
			f->ents[j].slot = i;
		}
	}
	mask = f->tabsz - 1;
	for (i = key_hash(k) & mask; f->tab[i] != 0; i = (i + 1) & mask) {
		e = &f->ents[f->tab[i] - 1];
		if (strcmp(f->keys.data + e->off, k) == 0) {
			if (!msg_room(s->c, DIAG_ERROR))
				return;
			scan_path(s, s->depth - 1);
			if (e->line == line)
				addmsg(s->c, DIAG_ERROR, line, col,
				    s->c->path.data, "duplicate key %s (first "
				    "at column %d)", quoted(s->c, k), e->col);
			else
				addmsg(s->c, DIAG_ERROR, line, col,
				    s->c->path.data, "duplicate key %s (first "
				    "at line %d)", quoted(s->c, k), e->line);
			buf_reset(&s->c->path);
			return;
		}
	}
	if (f->nents == f->maxents) {
		f->maxents = f->maxents == 0 ? 16 : 2 * f->maxents;
		f->ents = xreallocarray(f->ents, f->maxents, sizeof(*f->ents));
	}
	f->ents[f->nents].off = f->curkey;
	f->ents[f->nents].line = line;
	f->ents[f->nents].col = col;
	f->ents[f->nents].slot = i;
	f->tab[i] = ++f->nents;
}

/*
 * After a ',' in an array or object: a closing bracket here is the
 * trailing comma JSON forbids.
 */
static bool
scan_trailing(struct scan *s, char close, int line, int col)
{
	if (s->p < s->end && *s->p == close) {
		serr(s, line, col, "trailing ',' before '%c' (JSON does "
		    "not allow one)", close);
		return false;
	}
	return true;
}

static bool
scan_object(struct scan *s)
{
	struct frame	*f;
	int		 kline, kcol, cline, ccol;

	if ((f = frame_push(s, true)) == NULL)
		return false;
	scan_ws(s);
	if (s->p < s->end && *s->p == '}')
		goto close;
	for (;;) {
		if (s->p == s->end || *s->p != '"')
			return scan_unexpected(s, f->n == 0 ?
			    "a key in double quotes or '}'" :
			    "a key in double quotes");
		kline = s->line;
		kcol = s->col;
		f->curkey = f->keys.len;
		if (!scan_string(s, &f->keys))
			return false;
		buf_putc(&f->keys, '\0');
		scan_dupkey(s, f, kline, kcol);
		scan_ws(s);
		if (s->p == s->end || *s->p != ':')
			return scan_unexpected(s, "':' after the key");
		s->p++;
		s->col++;
		scan_ws(s);
		if (!scan_value(s, kline, kcol))
			return false;
		f->n++;
		scan_ws(s);
		if (s->p < s->end && *s->p == ',') {
			cline = s->line;
			ccol = s->col;
			s->p++;
			s->col++;
			scan_ws(s);
			if (!scan_trailing(s, '}', cline, ccol))
				return false;
			continue;
		}
		if (s->p < s->end && *s->p == '}')
			break;
		return scan_unexpected(s, "',' or '}'");
	}
close:
	s->p++;
	s->col++;
	s->depth--;
	return true;
}

static bool
scan_array(struct scan *s)
{
	struct frame	*f;
	int		 cline, ccol;

	if ((f = frame_push(s, false)) == NULL)
		return false;
	scan_ws(s);
	if (s->p < s->end && *s->p == ']')
		goto close;
	for (;;) {
		if (!scan_value(s, 0, 0))
			return false;
		f->n++;
		scan_ws(s);
		if (s->p < s->end && *s->p == ',') {
			cline = s->line;
			ccol = s->col;
			s->p++;
			s->col++;
			scan_ws(s);
			if (!scan_trailing(s, ']', cline, ccol))
				return false;
			continue;
		}
		if (s->p < s->end && *s->p == ']')
			break;
		return scan_unexpected(s, "',' or ']'");
	}
close:
	s->p++;
	s->col++;
	s->depth--;
	return true;
}

/* A value at s->p, a member's if kline > 0 (its key's place). */
static bool
scan_value(struct scan *s, int kline, int kcol)
{
	struct ctx	*c = s->c;
	struct jpos	*p;
	unsigned char	 ch;

	if (s->p == s->end)
		return scan_unexpected(s, "a value");
	ch = *s->p;
	if (!(ch == '{' || ch == '[' || ch == '"' || ch == '-' ||
	    ch == '+' || ch == '.' || (ch >= '0' && ch <= '9') ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
		return scan_unexpected(s, "a value");
	if (c->npos == JSON_MAX_VALUES) {
		serr(s, s->line, s->col, "too many values (the limit is "
		    "%d)", JSON_MAX_VALUES);
		return false;
	}
	if (c->npos == c->maxpos) {
		c->maxpos = c->maxpos == 0 ? 256 : 2 * c->maxpos;
		c->pos = xreallocarray(c->pos, c->maxpos, sizeof(*c->pos));
	}
	p = &c->pos[c->npos++];
	p->line = s->line;
	p->col = s->col;
	p->kline = kline;
	p->kcol = kcol;

	switch (ch) {
	case '{':
		return scan_object(s);
	case '[':
		return scan_array(s);
	case '"':
		return scan_string(s, NULL);
	case '-':
	case '+':
	case '.':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		scan_number(s);
		return true;
	default:
		return scan_word(s);
	}
}

/*
 * Scans len bytes of text.  Returns true if the text is clean, strict
 * JSON within our limits; c->pos then holds every value's place.
 */
static bool
scan(struct ctx *c, const char *text, size_t len)
{
	struct scan	 s;
	size_t		 nerr = c->nerr;
	int		 i;
	bool		 ok;

	memset(&s, 0, sizeof(s));
	s.c = c;
	s.start = s.p = (const unsigned char *)text;
	s.end = s.p + len;
	s.line = s.col = 1;
	scan_ws(&s);
	ok = scan_value(&s, 0, 0);
	if (ok) {
		scan_ws(&s);
		if (s.p < s.end) {
			if (*s.p == '\0')
				scan_nul(&s);
			else
				serr(&s, s.line, s.col, "expected end of "
				    "file after the top-level value");
		}
	}
	if (s.nbadutf8 > 1)
		msg_append(c, s.badutf8msg, " (%zu invalid bytes in all)",
		    s.nbadutf8);
	for (i = 0; i < s.nfr; i++) {
		buf_release(&s.fr[i].keys);
		free(s.fr[i].ents);
		free(s.fr[i].tab);
	}
	buf_reset(&c->path);
	return c->nerr == nerr;
}

/*
 * Parse: stage 2.  Stamps each node with its pre-order index into
 * c->pos (see the notes at the top); returns the next index.
 */
static size_t
stamp(cJSON *v, size_t i)
{
	cJSON	*e;

	v->valueint = (int)i++;
	if (cJSON_IsArray(v) || cJSON_IsObject(v))
		cJSON_ArrayForEach(e, v)
			i = stamp(e, i);
	return i;
}

/*
 * Check: stage 3.
 */

/* One warning per unknown field name and kind of object. */
static void
unknown(struct ctx *c, const cJSON *v, enum kind k)
{
	size_t	 i, mark, n;

	for (i = 0; i < c->nseen; i++)
		if (c->seen[i].kind == k && strcmp(c->seen[i].key,
		    v->string) == 0) {
			c->seen[i].more++;
			return;
		}
	mark = push(c, v->string);
	n = c->nmsgs;
	cmsg(c, DIAG_WARN, v, true, "unknown field, ignored");
	pop(c, mark);
	if (c->nseen < SEEN_MAX) {
		c->seen[c->nseen].kind = k;
		c->seen[c->nseen].key = xstrdup(v->string);
		c->seen[c->nseen].msg = c->nmsgs > n ? c->nmsgs - 1 : NO_MSG;
		c->seen[c->nseen].more = 0;
		c->nseen++;
	}
}

/* What objects of kind k are called; plural adds "s". */
static const char *
kind_name(enum kind k)
{
	switch (k) {
	case KIND_TOP:
		return "top-level object";
	case KIND_REPORT:
		return "report object";
	case KIND_TARGET:
		return "target";
	case KIND_INDICATOR:
		return "indicator";
	case KIND_POINT:
		return "point";
	case KIND_BREAKDOWN:
		return "breakdown";
	case KIND_ITEM:
		return "breakdown item";
	}
	abort();
}

/*
 * Sorts the members of obj into out[] by names[] (NULL-terminated);
 * members not named are warned about as unknown fields.
 */
static void
members(struct ctx *c, const cJSON *obj, enum kind k,
    const char *const *names, const cJSON **out)
{
	const cJSON	*v;
	size_t		 i;

	for (i = 0; names[i] != NULL; i++)
		out[i] = NULL;
	cJSON_ArrayForEach(v, obj) {
		for (i = 0; names[i] != NULL; i++)
			if (strcmp(v->string, names[i]) == 0)
				break;
		if (names[i] != NULL)
			out[i] = v;	/* the scanner refused duplicates */
		else
			unknown(c, v, k);
	}
}

static size_t
count(const cJSON *arr)
{
	const cJSON	*e;
	size_t		 n = 0;

	cJSON_ArrayForEach(e, arr)
		n++;
	return n;
}

static bool
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/*
 * The first character of s (valid UTF-8: the scanner saw to it) that a
 * published report cannot carry (cp_unfit()), or 0: a control written
 * as an escape (\u0007) gets here.  tmpl.c refuses them too, but could
 * only name the template.
 */
static unsigned long
bad_char(const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned long		 cp;
	size_t			 n, i;

	for (; *s != '\0'; s += n) {
		n = *s < 0x80 ? 1 : *s < 0xe0 ? 2 : *s < 0xf0 ? 3 : 4;
		cp = n == 1 ? *s : (unsigned long)(*s & (0x7f >> n));
		for (i = 1; i < n; i++)
			cp = cp << 6 | (s[i] & 0x3f);
		if (cp_unfit(cp))
			return cp;
	}
	return 0;
}

/*
 * A copy of s with each CR LF, and each CR alone, made one LF: HTML
 * reads them so anyway, but writes a CR it must keep as "&#13;", which
 * it calls a parse error.
 */
static char *
textdup(const char *s)
{
	char	*t, *q;

	q = t = xstrdup(s);
	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			*q++ = '\n';
			if (s[1] == '\n')
				s++;
		} else
			*q++ = *s;
	}
	*q = '\0';
	return t;
}

/* Is the text of string node v fit to publish?  Reports it if not. */
static bool
text_ok(struct ctx *c, const cJSON *v)
{
	unsigned long	 cp;

	if ((cp = bad_char(v->valuestring)) == 0)
		return true;
	cerr(c, v, "holds the character U+%04lX, which a report cannot "
	    "show (a control character or a noncharacter; \\t, \\n and "
	    "\\r are fine)", cp);
	return false;
}

/* What a field is expected to hold, for found(). */
enum want {
	W_STRING,		/* text */
	W_NUMBER,		/* a figure */
	W_VALUE,		/* a figure or null */
	W_WHOLE,		/* a whole number */
	W_BOOL,			/* true or false */
	W_WORD			/* one of a list of words */
};

/*
 * Writes "found X" for the refused value v into b, with a hint when one
 * helps ("found \"n/a\": write null for a missing value"): the user sees
 * what was read, not only what was wanted.
 */
static void
found(struct ctx *c, struct buf *b, const cJSON *v, enum want w)
{
	const char	*s, *hint = NULL;
	char		*end;

	BUF_PUTSL(b, "found ");
	if (cJSON_IsString(v)) {
		s = v->valuestring;
		buf_puts(b, quoted(c, s));
		if (w == W_BOOL && (strcmp(s, "true") == 0 ||
		    strcmp(s, "false") == 0))
			hint = "write true or false without quotes";
		else if (w == W_BOOL)
			hint = "write true or false";
		else if (w != W_STRING && w != W_WORD) {
			errno = 0;
			(void)strtod(s, &end);
			if (end != s && *end == '\0' && !blank(s))
				hint = "write the number without quotes";
			else if (end != s)
				hint = "write the number alone, without "
				    "quotes, units or separators";
			else if (w == W_VALUE)
				hint = "write null for a missing value";
			else
				hint = "write a number";
		}
	} else if (cJSON_IsNumber(v)) {
		buf_printf(b, "%.15g", v->valuedouble);
		if (w == W_STRING || w == W_WORD)
			hint = "put text in double quotes";
		else if (w == W_BOOL)
			hint = "write true or false";
	} else if (cJSON_IsBool(v)) {
		buf_puts(b, cJSON_IsTrue(v) ? "true" : "false");
		if (w == W_STRING || w == W_WORD)
			hint = "put text in double quotes";
	} else if (cJSON_IsNull(v)) {
		BUF_PUTSL(b, "null");
		if (w == W_STRING)
			hint = "leave the field out when there is no text";
		else if (w != W_VALUE)
			hint = "leave the field out when there is none";
	} else if (cJSON_IsArray(v))
		BUF_PUTSL(b, "an array");
	else
		BUF_PUTSL(b, "an object");
	if (hint != NULL)
		buf_printf(b, ": %s", hint);
}

/* Reports v as not the kind of value expected: "EXPECTED; found ...". */
static void
wrong(struct ctx *c, const cJSON *v, enum want w, const char *expected)
{
	struct buf	 b;

	buf_init(&b);
	found(c, &b, v, w);
	cerr(c, v, "%s; %s", expected, b.data);
	buf_release(&b);
}

/* Is field v (of obj) there?  Reports it missing if required. */
static bool
present(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    int flags)
{
	if (v != NULL)
		return true;
	if (flags & F_REQ)
		cerr(c, obj, "missing required field \"%s\"", name);
	return false;
}

/* A string field: copied to *dst when present and valid. */
static bool
get_string(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, char **dst)
{
	size_t	 mark;
	bool	 ok = false;

	if (!present(c, obj, v, name, flags))
		return false;
	mark = push(c, name);
	if (!cJSON_IsString(v))
		wrong(c, v, W_STRING, "expected a string");
	else if ((flags & F_NONEMPTY) && blank(v->valuestring))
		cerr(c, v, "must not be empty");
	else if (text_ok(c, v)) {
		*dst = textdup(v->valuestring);
		ok = true;
	}
	pop(c, mark);
	return ok;
}

/* A period field: the string in *pstr, the period in *p. */
static bool
get_period(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, char **pstr, struct period *p)
{
	size_t	 mark;

	if (!get_string(c, obj, v, name, flags, pstr))
		return false;
	if (period_parse(*pstr, p))
		return true;
	mark = push(c, name);
	cerr(c, v, "%s is not a period (use " PERIOD_FORMS ")",
	    quoted(c, *pstr));
	pop(c, mark);
	return false;
}

/*
 * Is the number v a figure the program can compute with and write?
 * Finite (the scanner saw to it) and within JSON_MAX_VALUE, so that
 * changes, percentages and axes never overflow.  Reports it if not.
 */
static bool
figure_ok(struct ctx *c, const cJSON *v)
{
	double		 x = v->valuedouble;
	const char	*want = NULL;

	if (!isfinite(x) || fabs(x) > JSON_MAX_VALUE) {
		cerr(c, v, "out of range (a figure must be between -1e15 "
		    "and 1e15)");
		return false;
	}
	if (!c->vcheck)
		return true;
	/* What each unit can be (see "Units" in scorecard(1)). */
	switch (c->vunit) {
	case UNIT_COUNT:
		if (c->vwhole && (x < 0 || x != floor(x)))
			want = "a count must be a whole number, 0 or more";
		else if (x < 0)
			want = "a count must be 0 or more";
		break;
	case UNIT_PERCENT:
		if (x < 0 || x > 100)
			want = "a percentage must be from 0 to 100";
		break;
	case UNIT_RATE10K:
		if (x < 0)
			want = "a rate must be 0 or more";
		break;
	case UNIT_DAYS:
	case UNIT_WEEKS:
		if (x < 0)
			want = c->vunit == UNIT_DAYS ? "a number of days must "
			    "be 0 or more" : "a number of weeks must be 0 or "
			    "more";
		break;
	case UNIT_NUMBER:
		break;
	}
	if (want == NULL)
		return true;
	cerr(c, v, "%s; found %.15g", want, x);
	return false;
}

static bool
get_number(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, double *out)
{
	size_t	 mark;
	bool	 ok = false;

	if (!present(c, obj, v, name, flags))
		return false;
	mark = push(c, name);
	if (!cJSON_IsNumber(v))
		wrong(c, v, W_NUMBER, "expected a number");
	else if (figure_ok(c, v)) {
		*out = v->valuedouble;
		ok = true;
	}
	pop(c, mark);
	return ok;
}

/* A required "value": a number or null (*has false). */
static void
get_value(struct ctx *c, const cJSON *obj, const cJSON *v, bool *has,
    double *out)
{
	size_t	 mark;

	*has = false;
	if (v == NULL) {
		cerr(c, obj, "missing required field \"value\" (write null "
		    "when there is no figure)");
		return;
	}
	mark = push(c, "value");
	if (cJSON_IsNumber(v)) {
		if (figure_ok(c, v)) {
			*has = true;
			*out = v->valuedouble;
		}
	} else if (!cJSON_IsNull(v))
		wrong(c, v, W_VALUE, "expected a number or null");
	pop(c, mark);
}

/* A whole number 0 (or 1, if positive) to 2^53 - 1. */
static bool
get_whole(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, bool positive, long long *out)
{
	size_t	 mark;
	double	 x;
	bool	 ok = false;

	if (!present(c, obj, v, name, 0))
		return false;
	mark = push(c, name);
	x = cJSON_IsNumber(v) ? v->valuedouble : -1;
	if (!isfinite(x) || x != floor(x) || x < (positive ? 1 : 0))
		wrong(c, v, W_WHOLE, positive ?
		    "expected a whole number, 1 or more" :
		    "expected a whole number, 0 or more");
	else if (x >= WHOLE_LIMIT)
		cerr(c, v, "too large (the limit is 9007199254740991)");
	else {
		*out = (long long)x;
		ok = true;
	}
	pop(c, mark);
	return ok;
}

static bool
get_bool(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    bool *out)
{
	size_t	 mark;
	bool	 ok = false;

	if (!present(c, obj, v, name, 0))
		return false;
	mark = push(c, name);
	if (!cJSON_IsBool(v))
		wrong(c, v, W_BOOL, "expected true or false");
	else {
		*out = cJSON_IsTrue(v);
		ok = true;
	}
	pop(c, mark);
	return ok;
}

/* One of the words in ws. */
static bool
get_word(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    int flags, const struct word *ws, int *out)
{
	struct buf	 list;
	size_t		 i, mark;

	if (!present(c, obj, v, name, flags))
		return false;
	if (cJSON_IsString(v))
		for (i = 0; ws[i].name != NULL; i++)
			if (strcmp(v->valuestring, ws[i].name) == 0) {
				*out = ws[i].val;
				return true;
			}
	buf_init(&list);
	BUF_PUTSL(&list, "expected one of ");
	for (i = 0; ws[i].name != NULL; i++)
		buf_printf(&list, "%s%s", i == 0 ? "" : ", ", ws[i].name);
	mark = push(c, name);
	for (i = 0; cJSON_IsString(v) && ws[i].name != NULL; i++)
		if (strcasecmp(v->valuestring, ws[i].name) == 0)
			break;
	if (cJSON_IsString(v) && ws[i].name != NULL)
		cerr(c, v, "%s; found %s: write \"%s\" (lower case)",
		    list.data, quoted(c, v->valuestring), ws[i].name);
	else
		wrong(c, v, W_WORD, list.data);
	pop(c, mark);
	buf_release(&list);
	return false;
}

/* [a-z0-9][a-z0-9-]*, at most JSON_MAX_ID bytes. */
static bool
valid_id(const char *s)
{
	size_t	 i;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (i = 1; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return i <= JSON_MAX_ID;
}

#define	ID_RULE	"use a-z, 0-9 and '-', not starting with '-', " \
		"at most 64 characters"

static void
check_report(struct ctx *c, const cJSON *top, const cJSON *v)
{
	static const char *const names[] = { "title", "organisation",
	    "period", "published", "introduction", "contact", NULL };
	enum { R_TITLE, R_ORG, R_PERIOD, R_PUB, R_INTRO, R_CONTACT };
	struct report_meta	*r = &c->m->report;
	const cJSON		*f[7];
	size_t			 mark;

	if (!present(c, top, v, "report", F_REQ))
		return;
	mark = push(c, "report");
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object");
		goto out;
	}
	members(c, v, KIND_REPORT, names, f);
	get_string(c, v, f[R_TITLE], "title", F_REQ | F_NONEMPTY, &r->title);
	get_string(c, v, f[R_ORG], "organisation", F_REQ | F_NONEMPTY,
	    &r->organisation);
	get_period(c, v, f[R_PERIOD], "period", F_REQ, &r->pstr, &r->period);
	get_period(c, v, f[R_PUB], "published", 0, &r->published,
	    &r->pubperiod);
	get_string(c, v, f[R_INTRO], "introduction", 0, &r->introduction);
	get_string(c, v, f[R_CONTACT], "contact", 0, &r->contact);
out:
	pop(c, mark);
}

static void
check_comparators(struct ctx *c, const cJSON *v)
{
	struct comparator	*cp;
	const cJSON		*e;
	size_t			 n, mark, emark;

	c->comps_ok = true;
	if (v == NULL)
		return;
	mark = push(c, "comparators");
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object (comparator id to label)");
		c->comps_ok = false;
		goto out;
	}
	if ((n = count(v)) > JSON_MAX_COMPARATORS) {
		cerr(c, v, "too many comparators (the limit is %d)",
		    JSON_MAX_COMPARATORS);
		c->comps_ok = false;
		goto out;
	}
	c->m->comps = xcalloc(n, sizeof(*c->m->comps));
	cJSON_ArrayForEach(e, v) {
		cp = &c->m->comps[c->m->ncomps++];
		cp->id = xstrdup(e->string);
		emark = push(c, e->string);
		if (!valid_id(e->string))
			cmsg(c, DIAG_ERROR, e, true, "%s is not a valid "
			    "comparator id (" ID_RULE ")",
			    quoted(c, e->string));
		if (!cJSON_IsString(e))
			cerr(c, e, "expected a string (the label shown to "
			    "readers)");
		else if (blank(e->valuestring))
			cerr(c, e, "must not be empty");
		else if (text_ok(c, e))
			cp->label = textdup(e->valuestring);
		pop(c, emark);
	}
out:
	pop(c, mark);
}

static void
check_target(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind, bool better_ok)
{
	static const char *const names[] = { "value", "amber", NULL };
	struct target	*t = &ind->target;
	const cJSON	*f[3];
	size_t		 mark, amark;

	if (!present(c, obj, v, "target", 0))
		return;
	mark = push(c, "target");
	if (cJSON_IsNumber(v)) {
		if ((t->set = figure_ok(c, v)))
			t->value = v->valuedouble;
		goto out;
	}
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected a number or an object with \"value\" "
		    "and \"amber\"");
		goto out;
	}
	members(c, v, KIND_TARGET, names, f);
	t->set = get_number(c, v, f[0], "value", F_REQ, &t->value);
	t->has_amber = get_number(c, v, f[1], "amber", 0, &t->amber);
	if (!t->set || !t->has_amber || !better_ok)
		goto out;
	amark = push(c, "amber");
	if (ind->better == BETTER_HIGHER && t->amber > t->value)
		cerr(c, f[1], "%.10g is above the target value %.10g; with "
		    "better \"higher\" amber must not be above it",
		    t->amber, t->value);
	else if (ind->better == BETTER_LOWER && t->amber < t->value)
		cerr(c, f[1], "%.10g is below the target value %.10g; with "
		    "better \"lower\" amber must not be below it",
		    t->amber, t->value);
	pop(c, amark);
out:
	pop(c, mark);
}

/* A point; returns whether its period is valid, *pnode its node. */
static bool
check_point(struct ctx *c, const cJSON *v, struct point *pt,
    const cJSON **pnode)
{
	static const char *const names[] = { "period", "value", "numerator",
	    "denominator", "note", "provisional", NULL };
	enum { P_PERIOD, P_VALUE, P_NUM, P_DEN, P_NOTE, P_PROV };
	const cJSON	*f[7];
	bool		 ok;

	*pnode = NULL;
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object with \"period\" and \"value\"");
		return false;
	}
	members(c, v, KIND_POINT, names, f);
	ok = get_period(c, v, f[P_PERIOD], "period", F_REQ, &pt->pstr,
	    &pt->period);
	*pnode = f[P_PERIOD];
	get_value(c, v, f[P_VALUE], &pt->has_value, &pt->value);
	pt->has_numerator = get_whole(c, v, f[P_NUM], "numerator", false,
	    &pt->numerator);
	pt->has_denominator = get_whole(c, v, f[P_DEN], "denominator", true,
	    &pt->denominator);
	get_string(c, v, f[P_NOTE], "note", 0, &pt->note);
	get_bool(c, v, f[P_PROV], "provisional", &pt->provisional);
	return ok;
}

/* A point's place in time order, for sorting. */
struct ord {
	const struct period	*p;
	size_t			 i;	/* index in the input */
};

static int
ord_cmp(const void *a, const void *b)
{
	const struct ord	*x = a, *y = b;
	int			 r;

	if ((r = period_cmp(x->p, y->p)) != 0)
		return r;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Puts the points of s in time order (stable); two points of the same
 * period are an error, reported at the later one.  label names the
 * array in messages ("series", or the comparator id).
 */
static void
sort_series(struct ctx *c, struct series *s, const cJSON **pnode,
    const bool *pok, const char *label)
{
	struct ord	*o;
	struct point	*pts;
	size_t		 i, n, first, mark;
	bool		 dup = false;

	o = xcalloc(s->npts, sizeof(*o));
	for (n = i = 0; i < s->npts; i++)
		if (pok[i]) {
			o[n].p = &s->pts[i].period;
			o[n++].i = i;
		}
	qsort(o, n, sizeof(*o), ord_cmp);
	for (first = 0, i = 1; i < n; i++) {
		if (period_cmp(o[i - 1].p, o[i].p) != 0) {
			first = i;
			continue;
		}
		dup = true;
		mark = push_index(c, o[i].i);
		path_key(c, &c->path, "period");
		cerr(c, pnode[o[i].i], "duplicate period %s (also %s[%zu], "
		    "line %d)", quoted(c, s->pts[o[i].i].pstr),
		    label, o[first].i,
		    c->pos[pnode[o[first].i]->valueint].line);
		pop(c, mark);
	}
	if (!dup && n == s->npts) {
		pts = xcalloc(n, sizeof(*pts));
		for (i = 0; i < n; i++)
			pts[i] = s->pts[o[i].i];
		free(s->pts);
		s->pts = pts;
	}
	free(o);
}

/* A series at v (path already pushed), into s. */
static void
check_series(struct ctx *c, const cJSON *v, struct series *s,
    const char *label)
{
	const cJSON	*e, **pnode;
	bool		*pok;
	size_t		 n, mark;

	if (!cJSON_IsArray(v)) {
		cerr(c, v, "expected an array");
		return;
	}
	if ((n = count(v)) == 0) {
		cerr(c, v, "expected at least one point");
		return;
	}
	if (n > JSON_MAX_POINTS) {
		cerr(c, v, "too many points (the limit is %d)",
		    JSON_MAX_POINTS);
		return;
	}
	s->pts = xcalloc(n, sizeof(*s->pts));
	pnode = xcalloc(n, sizeof(*pnode));
	pok = xcalloc(n, sizeof(*pok));
	cJSON_ArrayForEach(e, v) {
		mark = push_index(c, s->npts);
		pok[s->npts] = check_point(c, e, &s->pts[s->npts],
		    &pnode[s->npts]);
		s->npts++;
		pop(c, mark);
	}
	sort_series(c, s, pnode, pok, label);
	free(pnode);
	free(pok);
}

static int
cs_cmp(const void *a, const void *b)
{
	const struct cseries	*x = a, *y = b;

	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

/* An indicator's comparator series: ids declared at the top level. */
static void
check_cseries(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind)
{
	const cJSON	*e;
	struct cseries	*cs;
	size_t		 j, mark, emark;

	if (!present(c, obj, v, "comparators", 0))
		return;
	mark = push(c, "comparators");
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object (comparator id to series)");
		goto out;
	}
	ind->cs = xcalloc(count(v), sizeof(*ind->cs));
	cJSON_ArrayForEach(e, v) {
		emark = push(c, e->string);
		for (j = 0; j < c->m->ncomps; j++)
			if (strcmp(c->m->comps[j].id, e->string) == 0)
				break;
		if (j == c->m->ncomps && c->comps_ok)
			cmsg(c, DIAG_ERROR, e, true, "comparator %s is not "
			    "declared in the top-level comparators",
			    quoted(c, e->string));
		cs = &ind->cs[ind->ncs++];
		cs->comp = j;
		check_series(c, e, &cs->s, e->string);
		pop(c, emark);
	}
	qsort(ind->cs, ind->ncs, sizeof(*ind->cs), cs_cmp);
out:
	pop(c, mark);
}

static void
check_item(struct ctx *c, const cJSON *v, struct bitem *it)
{
	static const char *const names[] = { "label", "value", NULL };
	const cJSON	*f[3];

	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object with \"label\" and \"value\"");
		return;
	}
	members(c, v, KIND_ITEM, names, f);
	get_string(c, v, f[0], "label", F_REQ | F_NONEMPTY, &it->label);
	get_value(c, v, f[1], &it->has_value, &it->value);
}

static void
check_breakdown(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind)
{
	static const char *const names[] = { "title", "period", "items",
	    "unit", NULL };
	struct breakdown	*b;
	const cJSON		*f[5], *e;
	size_t			 n, mark, imark, emark;
	int			 w;
	bool			 uok;

	if (!present(c, obj, v, "breakdown", 0))
		return;
	mark = push(c, "breakdown");
	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object");
		goto out;
	}
	b = ind->breakdown = xcalloc(1, sizeof(*b));
	members(c, v, KIND_BREAKDOWN, names, f);
	get_string(c, v, f[0], "title", 0, &b->title);
	get_period(c, v, f[1], "period", 0, &b->pstr, &b->period);
	/* Extension: the parts' unit; a split into parts is a count. */
	b->unit = UNIT_COUNT;
	uok = f[3] == NULL;
	if (get_word(c, v, f[3], "unit", 0, units, &w)) {
		b->unit = (enum unit)w;
		uok = true;
	}
	/* Items checked against the unit only when it is known. */
	c->vcheck = false;
	if (uok) {
		c->vcheck = true;
		c->vunit = b->unit;
		c->vwhole = true;
	}
	if (!present(c, v, f[2], "items", F_REQ))
		goto out;
	imark = push(c, "items");
	if (!cJSON_IsArray(f[2]))
		cerr(c, f[2], "expected an array");
	else if ((n = count(f[2])) == 0)
		cerr(c, f[2], "expected at least one item");
	else if (n > JSON_MAX_ITEMS)
		cerr(c, f[2], "too many items (the limit is %d)",
		    JSON_MAX_ITEMS);
	else {
		b->items = xcalloc(n, sizeof(*b->items));
		cJSON_ArrayForEach(e, f[2]) {
			emark = push_index(c, b->nitems);
			check_item(c, e, &b->items[b->nitems++]);
			pop(c, emark);
		}
	}
	pop(c, imark);
out:
	c->vcheck = c->vwhole = false;
	pop(c, mark);
}

/* Indicator i at v, into ind; idnode[] holds earlier indicators' ids. */
/*
 * The figures table of an indicator has a row for every period of its
 * series and comparators and a column for each: JSON_MAX_CELLS bounds
 * it, as rows times columns grows with the square of the comparators.
 */
static void
check_table(struct ctx *c, const cJSON *v, const struct indicator *ind)
{
	size_t	 total, rows, i;

	total = ind->series.npts;
	for (i = 0; i < ind->ncs; i++)
		total += ind->cs[i].s.npts;
	if (total * (ind->ncs + 1) <= JSON_MAX_CELLS)
		return;		/* even if no two periods are the same */
	free(model_periods(ind, &rows));
	if (rows * (ind->ncs + 1) > JSON_MAX_CELLS)
		cerr(c, v, "its figures table would have %zu rows (periods) "
		    "of %zu columns, %zu cells (the limit is %d): give fewer "
		    "points or comparators", rows, ind->ncs + 1,
		    rows * (ind->ncs + 1), JSON_MAX_CELLS);
}

static void
check_indicator(struct ctx *c, const cJSON *v, size_t i,
    const cJSON **idnode)
{
	static const char *const names[] = { "id", "code", "title",
	    "section", "unit", "better", "target", "series", "comparators",
	    "breakdown", "commentary", "chart", NULL };
	enum { I_ID, I_CODE, I_TITLE, I_SECTION, I_UNIT, I_BETTER, I_TARGET,
	    I_SERIES, I_COMPS, I_BREAKDOWN, I_COMMENTARY, I_CHART };
	struct indicator	*ind = &c->m->inds[i];
	const cJSON		*f[13];
	size_t			 j, mark;
	int			 w;
	bool			 better_ok;

	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object");
		return;
	}
	members(c, v, KIND_INDICATOR, names, f);

	if (get_string(c, v, f[I_ID], "id", F_REQ, &ind->id)) {
		mark = push(c, "id");
		if (!valid_id(ind->id))
			cerr(c, f[I_ID], "%s is not a valid id (" ID_RULE ")",
			    quoted(c, ind->id));
		else {
			for (j = 0; j < i; j++)
				if (idnode[j] != NULL &&
				    strcmp(c->m->inds[j].id, ind->id) == 0)
					break;
			if (j < i)
				cerr(c, f[I_ID], "duplicate id %s, first used "
				    "by indicators[%zu] at line %d",
				    quoted(c, ind->id), j,
				    c->pos[idnode[j]->valueint].line);
			else
				idnode[i] = f[I_ID];
		}
		pop(c, mark);
	}
	get_string(c, v, f[I_CODE], "code", 0, &ind->code);
	get_string(c, v, f[I_TITLE], "title", F_REQ | F_NONEMPTY,
	    &ind->title);
	get_string(c, v, f[I_SECTION], "section", 0, &ind->section);
	if (get_word(c, v, f[I_UNIT], "unit", F_REQ, units, &w)) {
		ind->unit = (enum unit)w;
		/* Figures in the unit's range; a count of children whole. */
		c->vcheck = true;
		c->vunit = ind->unit;
	}
	ind->better = BETTER_NEITHER;
	better_ok = f[I_BETTER] == NULL;
	if (get_word(c, v, f[I_BETTER], "better", 0, betters, &w)) {
		ind->better = (enum better)w;
		better_ok = true;
	}
	check_target(c, v, f[I_TARGET], ind, better_ok);
	if (present(c, v, f[I_SERIES], "series", F_REQ)) {
		mark = push(c, "series");
		c->vwhole = true;
		check_series(c, f[I_SERIES], &ind->series, "series");
		c->vwhole = false;
		pop(c, mark);
	}
	/* Other areas' averages of a count need not be whole. */
	check_cseries(c, v, f[I_COMPS], ind);
	c->vcheck = false;
	check_table(c, v, ind);
	check_breakdown(c, v, f[I_BREAKDOWN], ind);
	get_string(c, v, f[I_COMMENTARY], "commentary", 0, &ind->commentary);
	ind->chart = CHART_AUTO;
	if (get_word(c, v, f[I_CHART], "chart", 0, charts, &w))
		ind->chart = (enum chart_kind)w;
}

/*
 * Every name the output will use is known now: two ids that would make
 * the same file or element id are refused here, before anything is
 * drawn, at the later id.  idnode[i] is indicator i's valid, first-used
 * id or NULL.
 */
static void
check_made_names(struct ctx *c, const cJSON **idnode)
{
	struct model_clash *cl;
	size_t		 n, k, a, b, mark;

	n = model_name_clashes(c->m, &cl);
	for (k = 0; k < n; k++) {
		a = cl[k].first;
		b = cl[k].second;
		/* A duplicate id is reported already. */
		if (idnode[a] == NULL || idnode[b] == NULL)
			continue;
		mark = push_index(c, b);
		buf_printf(&c->path, " (id %s)", quoted(c, c->m->inds[b].id));
		path_key(c, &c->path, "id");
		/* Ids are [a-z0-9-]: nothing to escape or cut. */
		cerr(c, idnode[b], "\"%s\" and indicators[%zu] (id \"%s\", "
		    "line %d) would both make %s \"%s\"; rename one",
		    c->m->inds[b].id, a, c->m->inds[a].id,
		    c->pos[idnode[a]->valueint].line, cl[k].what, cl[k].name);
		pop(c, mark);
	}
	model_clashes_free(cl, n);
}

static void
check_indicators(struct ctx *c, const cJSON *top, const cJSON *v)
{
	const cJSON	*e, **idnode;
	size_t		 n, mark, emark;

	if (!present(c, top, v, "indicators", F_REQ))
		return;
	mark = push(c, "indicators");
	if (!cJSON_IsArray(v))
		cerr(c, v, "expected an array");
	else if ((n = count(v)) == 0)
		cerr(c, v, "expected at least one indicator");
	else if (n > JSON_MAX_INDICATORS)
		cerr(c, v, "too many indicators (the limit is %d)",
		    JSON_MAX_INDICATORS);
	else {
		c->m->inds = xcalloc(n, sizeof(*c->m->inds));
		idnode = xcalloc(n, sizeof(*idnode));
		cJSON_ArrayForEach(e, v) {
			emark = push_index(c, c->m->ninds);
			push_id(c, e);
			check_indicator(c, e, c->m->ninds++, idnode);
			pop(c, emark);
		}
		check_made_names(c, idnode);
		free(idnode);
	}
	pop(c, mark);
}

/*
 * Extension: "suppression": false (an internal report: nothing hidden),
 * true, or { "threshold": n } with n a whole number from 1 to 100.  The
 * default is on, with a threshold of 5.
 */
static void
check_suppression(struct ctx *c, const cJSON *v)
{
	static const char *const names[] = { "threshold", NULL };
	const cJSON	*f[2];
	size_t		 mark;
	double		 t;

	c->m->suppress = true;
	c->m->threshold = MODEL_THRESHOLD;
	if (v == NULL)
		return;
	mark = push(c, "suppression");
	if (cJSON_IsBool(v))
		c->m->suppress = cJSON_IsTrue(v);
	else if (!cJSON_IsObject(v))
		cerr(c, v, "expected true, false or an object with "
		    "\"threshold\"");
	else {
		members(c, v, KIND_TOP, names, f);
		if (get_number(c, v, f[0], "threshold", 0, &t)) {
			if (t != floor(t) || t < 1 || t > 100) {
				size_t	 m2 = push(c, "threshold");

				cerr(c, f[0], "expected a whole number from "
				    "1 to 100");
				pop(c, m2);
			} else
				c->m->threshold = (int)t;
		}
	}
	pop(c, mark);
}

static void
check_top(struct ctx *c, const cJSON *v)
{
	static const char *const names[] = { "report", "comparators",
	    "indicators", "suppression", NULL };
	const cJSON	*f[5];
	size_t		 i;

	if (!cJSON_IsObject(v)) {
		cerr(c, v, "expected an object with \"report\" and "
		    "\"indicators\" at the top level");
		return;
	}
	members(c, v, KIND_TOP, names, f);
	check_report(c, v, f[0]);
	check_comparators(c, f[1]);
	check_indicators(c, v, f[2]);
	check_suppression(c, f[3]);
	for (i = 0; i < c->nseen; i++)
		if (c->seen[i].more > 0)
			msg_append(c, c->seen[i].msg, " (also in %zu other "
			    "%s%s)", c->seen[i].more,
			    kind_name(c->seen[i].kind),
			    c->seen[i].more == 1 ? "" : "s");
}

/*
 * Emptying the model after a failure.
 */

static void
series_clear(struct series *s)
{
	size_t	 i;

	for (i = 0; i < s->npts; i++) {
		free(s->pts[i].pstr);
		free(s->pts[i].note);
	}
	free(s->pts);
	s->pts = NULL;
	s->npts = 0;
}

static void
indicator_clear(struct indicator *ind)
{
	size_t	 i;

	free(ind->id);
	free(ind->code);
	free(ind->title);
	free(ind->section);
	free(ind->commentary);
	series_clear(&ind->series);
	for (i = 0; i < ind->ncs; i++)
		series_clear(&ind->cs[i].s);
	free(ind->cs);
	if (ind->breakdown != NULL) {
		free(ind->breakdown->title);
		free(ind->breakdown->pstr);
		for (i = 0; i < ind->breakdown->nitems; i++)
			free(ind->breakdown->items[i].label);
		free(ind->breakdown->items);
		free(ind->breakdown);
	}
}

/* Frees what the loader put in m and leaves m as model_new() made it. */
static void
model_clear(struct model *m)
{
	struct report_meta	*r = &m->report;
	size_t			 i;

	free(r->title);
	free(r->organisation);
	free(r->pstr);
	free(r->published);
	free(r->introduction);
	free(r->contact);
	memset(r, 0, sizeof(*r));
	for (i = 0; i < m->ncomps; i++) {
		free(m->comps[i].id);
		free(m->comps[i].label);
	}
	free(m->comps);
	m->comps = NULL;
	m->ncomps = 0;
	for (i = 0; i < m->ninds; i++)
		indicator_clear(&m->inds[i]);
	free(m->inds);
	m->inds = NULL;
	m->ninds = 0;
}

/*
 * The encoding of a file in UTF-16 or UTF-32, by its byte order mark or,
 * without one, by where the NUL bytes of its first ASCII characters
 * fall (JSON text starts with an ASCII character); NULL for anything
 * else.  UTF-32's marks are tested first: FF FE 00 00 starts with
 * UTF-16's.
 */
static const char *
wide_encoding(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;

	if (len >= 4 && memcmp(u, "\x00\x00\xfe\xff", 4) == 0)
		return "UTF-32 (big-endian)";
	if (len >= 4 && memcmp(u, "\xff\xfe\x00\x00", 4) == 0)
		return "UTF-32 (little-endian)";
	if (len >= 2 && memcmp(u, "\xfe\xff", 2) == 0)
		return "UTF-16 (big-endian)";
	if (len >= 2 && memcmp(u, "\xff\xfe", 2) == 0)
		return "UTF-16 (little-endian)";
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] != 0)
		return "UTF-32 (big-endian)";
	if (len >= 4 && u[0] != 0 && u[1] == 0 && u[2] == 0 && u[3] == 0)
		return "UTF-32 (little-endian)";
	if (len >= 2 && u[0] == 0 && u[1] != 0)
		return "UTF-16 (big-endian)";
	if (len >= 2 && u[0] != 0 && u[1] == 0)
		return "UTF-16 (little-endian)";
	return NULL;
}

/* Line and column of byte off in text, counted as the scanner does. */
static void
offset_pos(const char *text, size_t off, int *line, int *col)
{
	size_t	 i;

	*line = *col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

bool
json_load_mem(struct model *m, const char *name, const char *text,
    size_t len, struct diag *d)
{
	return json_load_where(m, name, text, len, NULL, d);
}

bool
json_load_where(struct model *m, const char *name, const char *text,
    size_t len, const struct json_where *where, struct diag *d)
{
	struct ctx	 c;
	cJSON		*root = NULL;
	const char	*end = NULL, *enc;
	size_t		 i;
	int		 line, col;
	bool		 ok, bom = false;

	assert(m->ninds == 0 && m->ncomps == 0);
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.where = where;
	c.m = m;
	buf_init(&c.path);
	buf_init(&c.q);

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;			/* UTF-8 byte order mark */
		len -= 3;
		bom = true;
	}
	if (len == 0 && bom)
		addmsg(&c, DIAG_ERROR, 1, 2, NULL, "unexpected end of file "
		    "after the byte order mark, expected a value");
	else if (len == 0)
		addmsg(&c, DIAG_ERROR, 0, 0, NULL, "file is empty");
	else if (len > JSON_MAX_BYTES)
		addmsg(&c, DIAG_ERROR, 0, 0, NULL, "file too large (the "
		    "limit is %u MiB)", JSON_MAX_BYTES / (1024 * 1024));
	else if ((enc = wide_encoding(text, len)) != NULL)
		addmsg(&c, DIAG_ERROR, 1, 1, NULL,
		    "file is %s; save it as UTF-8", enc);
	else if (scan(&c, text, len)) {
		root = cJSON_ParseWithLengthOpts(text, len, &end, false);
		if (root == NULL) {
			/* Only out of memory, once the scanner passed. */
			offset_pos(text, end != NULL && end >= text ?
			    (size_t)(end - text) : 0, &line, &col);
			addmsg(&c, DIAG_ERROR, line, col, NULL,
			    "cJSON cannot parse the file (out of memory?)");
		} else if (stamp(root, 0) != c.npos)
			addmsg(&c, DIAG_ERROR, 0, 0, NULL, "internal error: "
			    "scanner and cJSON disagree about the values");
		else
			check_top(&c, root);
	}
	cJSON_Delete(root);

	ok = c.nerr == 0;
	if (!ok)
		model_clear(m);
	msg_flush(&c, d);

	for (i = 0; i < c.nmsgs; i++)
		free(c.msgs[i].text);
	free(c.msgs);
	free(c.pos);
	for (i = 0; i < c.nseen; i++)
		free(c.seen[i].key);
	buf_release(&c.path);
	buf_release(&c.q);
	return ok;
}

bool
json_load(struct model *m, const char *path, struct diag *d)
{
	struct buf	 b;
	FILE		*f;
	char		 chunk[65536];
	size_t		 n;
	bool		 ok = false;

	const char	*why;
	int		 fd;

	/* A snapshot's input.json (input.c reads what users give). */
	if ((fd = rfile_open(path, false, false, &why)) == -1 ||
	    (f = fdopen(fd, "rb")) == NULL) {
		if (fd != -1) {
			why = strerror(errno);
			close(fd);
		}
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", why);
		return false;
	}
	buf_init(&b);
	while (b.len <= JSON_MAX_BYTES + 3 &&
	    (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	ok = json_load_mem(m, path, b.data, b.len, d);
out:
	fclose(f);
	buf_release(&b);
	return ok;
}

/*
 * An archived summary.json: the report's period and each indicator's
 * published status.  Only what the last report said is read; anything
 * else in it (which a later scorecard may add) is left alone.
 */
static void
check_snapshot(struct ctx *c, const cJSON *root, struct snapshot *s)
{
	const cJSON	*rep, *per, *inds, *it, *id, *st;
	size_t		 mark, mk2, n, i, k;
	static const char *const sts[] = { "none", "green", "amber", "red" };

	if (!cJSON_IsObject(root)) {
		cerr(c, root, "expected an object: a summary.json");
		return;
	}
	rep = cJSON_GetObjectItemCaseSensitive(root, "report");
	per = cJSON_GetObjectItemCaseSensitive(rep, "period");
	inds = cJSON_GetObjectItemCaseSensitive(root, "indicators");
	mark = push(c, "report");
	if (!cJSON_IsObject(rep))
		cerr(c, rep != NULL ? rep : root, rep != NULL ?
		    "expected an object" : "missing \"report\"");
	else {
		mk2 = push(c, "period");
		if (!cJSON_IsString(per) ||
		    !period_parse(per->valuestring, &s->period))
			cerr(c, per != NULL ? per : rep, "expected a period");
		else
			s->pstr = xstrdup(per->valuestring);
		pop(c, mk2);
	}
	pop(c, mark);
	mark = push(c, "indicators");
	if (!cJSON_IsArray(inds)) {
		cerr(c, inds != NULL ? inds : root, "expected an array");
		pop(c, mark);
		return;
	}
	n = (size_t)cJSON_GetArraySize(inds);
	if (n > JSON_MAX_INDICATORS) {
		cerr(c, inds, "more than %d indicators",
		    JSON_MAX_INDICATORS);
		pop(c, mark);
		return;
	}
	s->inds = xcalloc(n > 0 ? n : 1, sizeof(*s->inds));
	i = 0;
	cJSON_ArrayForEach(it, inds) {
		mk2 = push_index(c, i++);
		id = cJSON_GetObjectItemCaseSensitive(it, "id");
		st = cJSON_GetObjectItemCaseSensitive(it, "status");
		if (!cJSON_IsString(id) || !cJSON_IsString(st)) {
			cerr(c, it, "expected an object with \"id\" and "
			    "\"status\"");
			pop(c, mk2);
			continue;
		}
		for (k = 0; k < 4; k++)
			if (strcmp(st->valuestring, sts[k]) == 0)
				break;
		if (k == 4) {
			size_t	 m3 = push(c, "status");

			cerr(c, st, "expected \"red\", \"amber\", \"green\" "
			    "or \"none\"");
			pop(c, m3);
		} else {
			s->inds[s->ninds].id = xstrdup(id->valuestring);
			s->inds[s->ninds++].status = k == 0 ? STATUS_NONE :
			    k == 1 ? STATUS_GREEN : k == 2 ? STATUS_AMBER :
			    STATUS_RED;
		}
		pop(c, mk2);
	}
	pop(c, mark);
}

bool
json_load_snapshot(struct snapshot *s, const char *path, struct diag *d)
{
	struct ctx	 c;
	struct model	*m;
	struct buf	 b;
	cJSON		*root = NULL;
	const char	*end = NULL, *why;
	FILE		*f;
	char		 chunk[65536];
	size_t		 i, n;
	bool		 ok;
	int		 fd;

	memset(s, 0, sizeof(*s));
	/* A snapshot's file: a pipe planted there is refused, unread. */
	if ((fd = rfile_open(path, false, false, &why)) == -1 ||
	    (f = fdopen(fd, "rb")) == NULL) {
		if (fd != -1) {
			why = strerror(errno);
			close(fd);
		}
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", why);
		return false;
	}
	buf_init(&b);
	while (b.len <= JSON_MAX_BYTES && (n = fread(chunk, 1,
	    sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		fclose(f);
		buf_release(&b);
		return false;
	}
	fclose(f);
	m = model_new();	/* the scanner's context wants one */
	memset(&c, 0, sizeof(c));
	c.name = path;
	c.m = m;
	buf_init(&c.path);
	buf_init(&c.q);
	if (b.len == 0)
		addmsg(&c, DIAG_ERROR, 0, 0, NULL, "file is empty");
	else if (b.len > JSON_MAX_BYTES)
		addmsg(&c, DIAG_ERROR, 0, 0, NULL, "file too large (the "
		    "limit is %u MiB)", JSON_MAX_BYTES / (1024 * 1024));
	else if (scan(&c, b.data, b.len)) {
		root = cJSON_ParseWithLengthOpts(b.data, b.len, &end, false);
		if (root == NULL || stamp(root, 0) != c.npos)
			addmsg(&c, DIAG_ERROR, 0, 0, NULL, "cJSON cannot "
			    "parse the file");
		else
			check_snapshot(&c, root, s);
	}
	cJSON_Delete(root);
	ok = c.nerr == 0;
	if (!ok)
		figures_snapshot_release(s);
	msg_flush(&c, d);
	for (i = 0; i < c.nmsgs; i++)
		free(c.msgs[i].text);
	free(c.msgs);
	free(c.pos);
	for (i = 0; i < c.nseen; i++)
		free(c.seen[i].key);
	buf_release(&c.path);
	buf_release(&c.q);
	buf_release(&b);
	model_free(m);
	return ok;
}
