/*
 * jsonscan: the strict scanner, a recursive descent over the bytes
 * (jsonscan.h says what it enforces).  cJSON 1.7.15 is lax and silent
 * (invalid UTF-8, 007, 1., raw control characters pass; \u0000 and bad
 * escapes truncate strings; duplicate keys are both kept), so syntax is
 * checked here, before any tree is made.  Moved out of json.c (issue
 * 16); the character decoding is utf8.c's.
 *
 * Functions return false after a problem that stops the scan (broken
 * structure); problems it can step over are recorded and the scan goes
 * on.  Duplicate keys are found with one open-addressing hash table of
 * the keys of each open object, kept per depth and reused.
 */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "jsonmsg.h"
#include "jsonscan.h"
#include "utf8.h"
#include "util.h"


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
	struct jsonmsg		*mc;
	const unsigned char	*start, *p, *end;
	int			 line, col;	/* of *p */
	struct frame		 fr[JSON_MAX_DEPTH];
	int			 depth;		/* frames open */
	int			 nfr;		/* frames initialised */
	size_t			 nbadutf8;	/* bad UTF-8 bytes */
	size_t			 badutf8msg;	/* its message */
	struct jsonscan_place	*pos;		/* every value, in pre-order */
	size_t			 npos, maxpos;
};


static void	serr(struct scan *, int, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

static void
serr(struct scan *s, int line, int col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	jsonmsg_vadd(s->mc, DIAG_ERROR, line, col, NULL, fmt, ap);
	va_end(ap);
}

/* Length of the valid UTF-8 character at s->p (not ASCII), or 0. */
static size_t
scan_utf8(const struct scan *s, unsigned long *cp)
{
	return utf8_decode((const char *)s->p, (size_t)(s->end - s->p), cp);
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
	else if (scan_utf8(s, &cp) == 0)
		serr(s, s->line, s->col, "expected %s, found byte 0x%02X "
		    "(not UTF-8: save the file as UTF-8)", want, *s->p);
	else
		serr(s, s->line, s->col, "expected %s, found U+%04lX",
		    want, cp);
	return false;
}

/* An invalid UTF-8 byte inside a string: reported once, then counted. */
static void
scan_badutf8(struct scan *s)
{
	if (s->nbadutf8++ == 0)
		s->badutf8msg = jsonmsg_add(s->mc, DIAG_ERROR, s->line, s->col,
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
	char		 ch, u[4];

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
			buf_put(out, u, utf8_encode(cp, u));
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
	unsigned long		 cp;
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
		else if ((n = scan_utf8(s, &cp)) == 0) {
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

	buf_reset(&s->mc->path);
	for (i = 0; i < upto; i++) {
		if (s->fr[i].obj)
			jsonmsg_key(s->mc,
			    s->fr[i].keys.data + s->fr[i].curkey);
		else
			buf_printf(&s->mc->path, "[%zu]", s->fr[i].n);
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
			if (!jsonmsg_room(s->mc, DIAG_ERROR))
				return;
			scan_path(s, s->depth - 1);
			if (e->line == line)
				jsonmsg_add(s->mc, DIAG_ERROR, line, col,
				    s->mc->path.data, "duplicate key %s (first "
				    "at column %d)", jsonmsg_quoted(s->mc, k),
				    e->col);
			else
				jsonmsg_add(s->mc, DIAG_ERROR, line, col,
				    s->mc->path.data, "duplicate key %s (first "
				    "at line %d)", jsonmsg_quoted(s->mc, k),
				    e->line);
			buf_reset(&s->mc->path);
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
	struct jsonscan_place	*p;
	unsigned char	 ch;

	if (s->p == s->end)
		return scan_unexpected(s, "a value");
	ch = *s->p;
	if (!(ch == '{' || ch == '[' || ch == '"' || ch == '-' ||
	    ch == '+' || ch == '.' || (ch >= '0' && ch <= '9') ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
		return scan_unexpected(s, "a value");
	if (s->npos == JSON_MAX_VALUES) {
		serr(s, s->line, s->col, "too many values (the limit is "
		    "%d)", JSON_MAX_VALUES);
		return false;
	}
	if (s->npos == s->maxpos) {
		s->maxpos = s->maxpos == 0 ? 256 : 2 * s->maxpos;
		s->pos = xreallocarray(s->pos, s->maxpos, sizeof(*s->pos));
	}
	p = &s->pos[s->npos++];
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

bool
jsonscan(struct jsonmsg *mc, const char *text, size_t len,
    struct jsonscan_place **pos, size_t *npos)
{
	struct scan	 s;
	size_t		 nerr = mc->nerr;
	int		 i;
	bool		 ok;

	memset(&s, 0, sizeof(s));
	s.mc = mc;
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
		jsonmsg_append(mc, s.badutf8msg, " (%zu invalid bytes in all)",
		    s.nbadutf8);
	for (i = 0; i < s.nfr; i++) {
		buf_release(&s.fr[i].keys);
		free(s.fr[i].ents);
		free(s.fr[i].tab);
	}
	buf_reset(&mc->path);
	if (mc->nerr != nerr) {
		free(s.pos);
		s.pos = NULL;
		s.npos = 0;
	}
	*pos = s.pos;
	*npos = s.npos;
	return mc->nerr == nerr;
}
