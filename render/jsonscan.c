/*
 * jsonscan: the strict scanner, a recursive descent over the bytes
 * (jsonscan.h says what it enforces), which also builds the cJSON tree
 * of a clean text: the only parse of the input.  cJSON 1.7.15's own
 * parser is lax and silent (invalid UTF-8, 007, 1., raw control
 * characters pass; \u0000 and bad escapes truncate strings; duplicate
 * keys are both kept), so it is not used: the scanner decodes strings
 * and numbers itself and makes each node with cJSON_Create*() and
 * cJSON_AddItemTo*().  cJSON stays the tree the checks walk (the design
 * names it; the checks use its accessors).  Character decoding is
 * utf8.c's.  Moved out of json.c and made the one parse in issue 16.
 *
 * Functions return false after a problem that stops the scan (broken
 * structure); problems it can step over are recorded and the scan goes
 * on.  Once any problem is found, no more nodes are made, and the tree
 * is thrown away at the end.  Duplicate keys are found with one
 * open-addressing hash table of the keys of each open object, kept per
 * depth and reused; a key in it is its member's node's (cJSON's copy),
 * not a second copy, while the tree is built (struct keyent).
 *
 * WHY THE SCANNER BUILDS THE TREE
 *
 * Until issue 16 the scanner checked the text, then cJSON parsed it
 * again and a pre-order walk stamped each node's index into cJSON's
 * valueint (a field meant for the value) to find its place.  The two
 * ways of giving up valueint were measured (callgrind instruction
 * counts of tests/bench/loadbench -n 1, which loads the file twice, and
 * peak RSS; gen.py's report-40.json, its lac-N.json with --n 1000 (3 MB,
 * 1000 indicators) and a 6.4 MB file of one 100,000-point series):
 *
 *	instructions	report-40  lac-1000  big100k	peak RSS, MB
 *	before		   35.15M   1263.6M  2833.1M	37.0, 78.2
 *	cJSON parses	   34.87M   1247.5M  2798.2M	36.9, 78.1
 *	scanner builds	   34.79M   1112.9M  2493.6M	35.3, 74.7
 *
 * ("before": stamping valueint; the other two: the side table below,
 * made on the first message; peak RSS of lac-1000 and big100k.)
 * Building the tree here drops cJSON's second tokenising of every
 * string and number, 11% of the whole load of a large file and less
 * memory, so the scanner builds it.  Places are kept in pre-order in an
 * array (the scanner sees them in that order); a message asks for a
 * node's place through a side table keyed by the node's address, made
 * by a pre-order walk as far as the node asked for.  A clean file, the
 * usual case, never asks, and pays nothing for the table.
 *
 * Memory (red team 2, F08): the scanner's tables now live beside the
 * tree, where cJSON's parser ran after the scan had freed them.  Peak
 * RSS of `render --no-pdf` (/usr/bin/time), 1,990,000 keys of 25 bytes
 * in one object / 1,999,980 numbers / 1,999,980 strings:
 *
 *	cJSON parses (f7ff5d9^)		353 / 206 / 349 MB
 *	scanner builds, first version	483 / 272 / 415 MB
 *	keys held once, index walked	401 / 206 / 349 MB
 *
 * The first version held every key twice (the tree's and a buffer of
 * the object's keys, 52 MB here), with 24 bytes a key and an 8-byte
 * slot for the duplicate table, and a message about one node indexed
 * every node (67 MB of 16-byte slots).  What is left over cJSON is the
 * duplicate table (16 bytes a key and 4-byte slots, at most half full:
 * 50 MB here) while the object is open.
 *
 * WHY ONE FILE OF SOME 1,000 LINES
 *
 * Its parts are the lexer (white space, strings and their escapes,
 * numbers, words: some 400 lines), the open frames and their duplicate
 * key tables (170), the recursive descent that makes the nodes (250)
 * and the places of messages (70), on top of this comment.  All but the
 * last run once a value or once a byte, on the one struct scan, and are
 * static so that the compiler may inline them into the descent: split
 * into files, they would share struct scan through a header and call
 * each other across files.  The cost of that, measured as an upper
 * bound by marking every static function here noinline (callgrind,
 * tests/bench/loadbench -n 1 of gen.py's lac-1000.json and
 * report-40.json, which loads each twice): jsonscan() 512.8M
 * instructions against 531.1M, 3.6% more, the whole load 1.6% more
 * (1139.2M against 1157.4M).  That is the load of every render, for no
 * gain to a reader: the parts are in the order above, each after the
 * comment that says what it does.  Only the places (jsonscan_place_of()
 * and its walk) could go without that cost; they need the scanner's
 * struct jsonscan_places and are 70 lines, so they stay with it.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "jsonmsg.h"
#include "jsonscan.h"
#include "utf8.h"
#include "util.h"


/*
 * A distinct key of an open object.  Its text is its member's node's
 * key (cJSON's copy) while the tree is built, so that a key is held once;
 * after the first problem no node is made, and keys from then on are
 * the frame's own copies: ents[nbuilt..nents) of the frame.  Its place
 * is its member value's (places.pos[vidx]), which holds the key's.
 */
struct keyent {
	const char	*key;
	uint32_t	 vidx;		/* its value's index in pos[] */
	uint32_t	 slot;		/* in frame.tab */
};

/* One open array or object in the scanner. */
struct frame {
	bool		 obj;
	size_t		 n;		/* members or elements done */
	struct buf	 key;		/* the current key, decoded */
	const char	*built;		/* its member's node's key, or NULL */
	struct keyent	*ents;		/* distinct keys */
	size_t		 nents, maxents;
	size_t		 nbuilt;	/* ents whose key is a node's */
	uint32_t	*tab;		/* ents index + 1, or 0 */
	size_t		 tabsz;		/* power of 2 (or 0) */
	cJSON		*node;		/* its node, NULL if not built */
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
	size_t			 nvalues;	/* values seen */
	size_t			 nerr0;		/* mc->nerr at the start */
	cJSON			*root;		/* the tree built */
	struct jsonscan_places	*places;	/* each node's place */
	struct buf		 str;		/* a string value, decoded */
};

/* Whether the tree is being built: only while the text is clean. */
#define	BUILDING(s)	((s)->mc->nerr == (s)->nerr0)


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
static double
scan_number(struct scan *s)
{
	const unsigned char	*start = s->p;
	const char		*why;
	char			*tok, small[64];
	size_t			 len;
	double			 x = 0;

	while (s->p < s->end && (*s->p == '+' || *s->p == '-' ||
	    *s->p == '.' || (*s->p >= '0' && *s->p <= '9') ||
	    (*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z')))
		s->p++;
	len = (size_t)(s->p - start);
	/* Most numbers are short: no allocation for them. */
	if (len < sizeof(small)) {
		memcpy(small, start, len);
		small[len] = '\0';
		tok = small;
	} else
		tok = xstrndup((const char *)start, len);
	if ((why = number_fault(tok, len)) != NULL)
		serr(s, s->line, s->col, "invalid number '%.20s%s'%s",
		    tok, len > 20 ? "..." : "", why);
	else if (!isfinite(x = strtod(tok, NULL)))
		serr(s, s->line, s->col, "number '%.20s%s' is out of range",
		    tok, len > 20 ? "..." : "");
	if (tok != small)
		free(tok);
	s->col += (int)len;
	return x;
}

/*
 * true, false, null (*w set to 't', 'f' or 'n'), or a word that JSON
 * does not have.
 */
static bool
scan_word(struct scan *s, char *w)
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
		*w = (char)*start;
		s->col += (int)len;
		return true;
	}
	serr(s, s->line, s->col, "expected a value, found '%.*s%s' (JSON's "
	    "words are true, false and null; strings take double quotes)",
	    (int)(len > 20 ? 20 : len), (const char *)start,
	    len > 20 ? "..." : "");
	return false;
}

/*
 * The side table of places.  The scanner writes the place of every
 * value in pre-order into pos[], which is all a clean file needs: no
 * message asks for a place.  jsonscan_place_of() walks the tree in
 * pre-order (the order the scanner made the nodes in), only as far as
 * the node asked for, keeping each node met in nodes[] (its index there
 * is its index in pos[]) and that index in an open-addressing table over
 * a power of two of slots, at most half full, Fibonacci hashing of the
 * address.  A message about a node near the top (an unknown field
 * before a large value) indexes a few nodes, not the file; and the
 * whole index is 16 to 24 bytes a value (it was a 16-byte slot, 32 to
 * 64: 67 MB for 2,000,000 values).
 */
struct jsonscan_places {
	const cJSON		*root;
	struct jsonscan_place	*pos;		/* every value, in pre-order */
	size_t			 npos, maxpos;
	const cJSON		**nodes;	/* the first nwalked, in pre-order */
	size_t			 nwalked;
	uint32_t		*tab;		/* nodes index + 1, or 0; NULL:
						   no walk yet */
	unsigned int		 bits;
	const cJSON		*next;		/* the walk's next node */
	const cJSON		*up[JSON_MAX_DEPTH + 1]; /* its ancestors */
	int			 nup;
};

static bool	scan_value(struct scan *, int, int);

/* The place of the next value in pre-order. */
static void
places_add(struct jsonscan_places *t, const struct jsonscan_place *p)
{
	if (t->npos == t->maxpos) {
		t->maxpos = t->maxpos == 0 ? 256 : 2 * t->maxpos;
		t->pos = xreallocarray(t->pos, t->maxpos, sizeof(*t->pos));
	}
	t->pos[t->npos++] = *p;
}

/* Forgets the keys of f, freeing its own copies. */
static void
frame_clear(struct frame *f)
{
	size_t	 i;

	for (i = 0; i < f->nents; i++) {
		f->tab[f->ents[i].slot] = 0;
		if (i >= f->nbuilt)
			free((char *)f->ents[i].key);
	}
	f->nents = f->nbuilt = 0;
}

/* Opens a frame for an array or object; false if too deep. */
static struct frame *
frame_push(struct scan *s, bool obj, cJSON *node)
{
	struct frame	*f;

	if (s->depth == JSON_MAX_DEPTH) {
		serr(s, s->line, s->col, "nesting too deep (the limit is "
		    "%d levels)", JSON_MAX_DEPTH);
		return NULL;
	}
	f = &s->fr[s->depth];
	if (s->depth == s->nfr) {
		memset(f, 0, sizeof(*f));
		buf_init(&f->key);
		s->nfr++;
	}
	frame_clear(f);
	buf_reset(&f->key);
	f->obj = obj;
	f->node = node;
	f->n = 0;
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
			jsonmsg_key(s->mc, s->fr[i].key.data);
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

/*
 * Looks the current key of f up among its object's keys, reporting it
 * if it is a duplicate.  Returns the free slot of f->tab where it goes
 * (key_add()), or SIZE_MAX for a duplicate.
 */
static size_t
scan_dupkey(struct scan *s, struct frame *f, int line, int col)
{
	const char		*k = f->key.data;
	const struct keyent	*e;
	const struct jsonscan_place *first;
	size_t			 i, j, mask;

	if (2 * (f->nents + 1) > f->tabsz) {
		f->tabsz = f->tabsz == 0 ? 16 : 2 * f->tabsz;
		free(f->tab);
		f->tab = xcalloc(f->tabsz, sizeof(*f->tab));
		mask = f->tabsz - 1;
		for (j = 0; j < f->nents; j++) {
			i = key_hash(f->ents[j].key) & mask;
			while (f->tab[i] != 0)
				i = (i + 1) & mask;
			f->tab[i] = (uint32_t)j + 1;
			f->ents[j].slot = (uint32_t)i;
		}
	}
	mask = f->tabsz - 1;
	for (i = key_hash(k) & mask; f->tab[i] != 0; i = (i + 1) & mask) {
		e = &f->ents[f->tab[i] - 1];
		if (strcmp(e->key, k) != 0)
			continue;
		if (!jsonmsg_room(s->mc, DIAG_ERROR))
			return SIZE_MAX;
		first = &s->places->pos[e->vidx];
		scan_path(s, s->depth - 1);
		if (first->kline == line)
			jsonmsg_add(s->mc, DIAG_ERROR, line, col,
			    s->mc->path.data, "duplicate key %s (first "
			    "at column %d)", jsonmsg_quoted(s->mc, k),
			    first->kcol);
		else
			jsonmsg_add(s->mc, DIAG_ERROR, line, col,
			    s->mc->path.data, "duplicate key %s (first "
			    "at line %d)", jsonmsg_quoted(s->mc, k),
			    first->kline);
		buf_reset(&s->mc->path);
		return SIZE_MAX;
	}
	return i;
}

/*
 * Adds the current key of f, its member's value being value vidx, at
 * slot (from scan_dupkey()): the key of the member's node if one was
 * made, else a copy.
 */
static void
key_add(struct frame *f, size_t slot, size_t vidx)
{
	struct keyent	*e;

	if (f->nents == f->maxents) {
		f->maxents = f->maxents == 0 ? 16 : 2 * f->maxents;
		f->ents = xreallocarray(f->ents, f->maxents, sizeof(*f->ents));
	}
	e = &f->ents[f->nents];
	if (f->built != NULL) {
		/* Nodes are made only before the first problem. */
		assert(f->nbuilt == f->nents);
		e->key = f->built;
		f->nbuilt++;
	} else
		e->key = xstrdup(f->key.data);
	e->vidx = (uint32_t)vidx;
	e->slot = (uint32_t)slot;
	f->tab[slot] = (uint32_t)++f->nents;
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
scan_object(struct scan *s, cJSON *node)
{
	struct frame	*f;
	int		 kline, kcol, cline, ccol;
	size_t		 slot, vidx;

	if ((f = frame_push(s, true, node)) == NULL)
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
		buf_reset(&f->key);
		if (!scan_string(s, &f->key))
			return false;
		slot = scan_dupkey(s, f, kline, kcol);
		scan_ws(s);
		if (s->p == s->end || *s->p != ':')
			return scan_unexpected(s, "':' after the key");
		s->p++;
		s->col++;
		scan_ws(s);
		vidx = s->places->npos;		/* the member's value */
		f->built = NULL;
		if (!scan_value(s, kline, kcol))
			return false;
		if (slot != SIZE_MAX)
			key_add(f, slot, vidx);
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
scan_array(struct scan *s, cJSON *node)
{
	struct frame	*f;
	int		 cline, ccol;

	if ((f = frame_push(s, false, node)) == NULL)
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

/*
 * Adds node v (NULL: out of memory) made at place p to the tree: as the
 * root, or as the next element or member (under the current key) of the
 * innermost open array or object, and its place to the side table.
 */
static bool
scan_attach(struct scan *s, cJSON *v, const struct jsonscan_place *p)
{
	struct frame	*f;
	bool		 ok = v != NULL;

	if (ok && s->depth == 0)
		s->root = v;
	else if (ok) {
		f = &s->fr[s->depth - 1];
		assert(f->node != NULL);
		ok = f->obj ? cJSON_AddItemToObject(f->node, f->key.data,
		    v) : cJSON_AddItemToArray(f->node, v);
		if (!ok)
			cJSON_Delete(v);
		else if (f->obj)
			f->built = v->string;
	}
	if (!ok) {
		serr(s, p->line, p->col,
		    "cJSON cannot parse the file (out of memory?)");
		return false;
	}
	return true;
}

/*
 * A value at s->p, a member's if kline > 0 (its key's place): checked
 * and, while the text is clean, made a node of the tree.
 */
static bool
scan_value(struct scan *s, int kline, int kcol)
{
	struct jsonscan_place	 p;
	cJSON			*v = NULL;
	unsigned char		 ch;
	double			 x;
	char			 w;
	bool			 build = BUILDING(s);

	if (s->p == s->end)
		return scan_unexpected(s, "a value");
	ch = *s->p;
	if (!(ch == '{' || ch == '[' || ch == '"' || ch == '-' ||
	    ch == '+' || ch == '.' || (ch >= '0' && ch <= '9') ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
		return scan_unexpected(s, "a value");
	if (s->nvalues == JSON_MAX_VALUES) {
		serr(s, s->line, s->col, "too many values (the limit is "
		    "%d)", JSON_MAX_VALUES);
		return false;
	}
	s->nvalues++;
	p.line = s->line;
	p.col = s->col;
	p.kline = kline;
	p.kcol = kcol;
	places_add(s->places, &p);

	switch (ch) {
	case '{':
	case '[':
		if (build) {
			v = ch == '{' ? cJSON_CreateObject() :
			    cJSON_CreateArray();
			if (!scan_attach(s, v, &p))
				return false;
		}
		return ch == '{' ? scan_object(s, v) : scan_array(s, v);
	case '"':
		buf_reset(&s->str);
		if (!scan_string(s, build ? &s->str : NULL))
			return false;
		if (build && BUILDING(s))
			return scan_attach(s, cJSON_CreateString(s->str.data),
			    &p);
		return true;
	case '-':
	case '+':
	case '.':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		x = scan_number(s);
		if (build && BUILDING(s))
			return scan_attach(s, cJSON_CreateNumber(x), &p);
		return true;
	default:
		if (!scan_word(s, &w))
			return false;
		if (build && BUILDING(s))
			return scan_attach(s, w == 't' ? cJSON_CreateTrue() :
			    w == 'f' ? cJSON_CreateFalse() :
			    cJSON_CreateNull(), &p);
		return true;
	}
}

cJSON *
jsonscan(struct jsonmsg *mc, const char *text, size_t len,
    struct jsonscan_places **places)
{
	struct scan	 s;
	int		 i;
	bool		 ok;

	memset(&s, 0, sizeof(s));
	s.mc = mc;
	s.nerr0 = mc->nerr;
	s.places = xcalloc(1, sizeof(*s.places));
	buf_init(&s.str);
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
		frame_clear(&s.fr[i]);
		buf_release(&s.fr[i].key);
		free(s.fr[i].ents);
		free(s.fr[i].tab);
	}
	buf_release(&s.str);
	buf_reset(&mc->path);
	if (!BUILDING(&s)) {
		cJSON_Delete(s.root);
		jsonscan_places_free(s.places);
		s.root = NULL;
		s.places = NULL;
	}
	if (s.places != NULL)
		s.places->root = s.root;
	*places = s.places;
	return s.root;
}

static size_t
slot_of(const struct jsonscan_places *t, const cJSON *node)
{
	uint64_t	 h = (uint64_t)(uintptr_t)node;

	return (size_t)((h * 0x9E3779B97F4A7C15u) >> (64 - t->bits));
}

/* The walk's next node in pre-order (and a step on), or NULL. */
static const cJSON *
places_walk(struct jsonscan_places *t)
{
	const cJSON	*v = t->next, *w;

	if (v == NULL)
		return NULL;
	if (v->child != NULL) {
		assert(t->nup < (int)(sizeof(t->up) / sizeof(t->up[0])));
		t->up[t->nup++] = v;
		t->next = v->child;
		return v;
	}
	for (w = v; w->next == NULL && t->nup > 0; )
		w = t->up[--t->nup];
	t->next = t->nup > 0 ? w->next : NULL;
	return v;
}

const struct jsonscan_place *
jsonscan_place_of(struct jsonscan_places *t, const cJSON *node)
{
	const cJSON	*v;
	size_t		 i, k, mask;

	if (t->tab == NULL) {
		for (t->bits = 4; ((size_t)1 << t->bits) < 2 * t->npos;
		    t->bits++)
			continue;
		/* Untouched pages cost nothing: only what is walked. */
		t->tab = xcalloc((size_t)1 << t->bits, sizeof(*t->tab));
		t->nodes = xreallocarray(NULL, t->npos, sizeof(*t->nodes));
		t->next = t->root;
	}
	mask = ((size_t)1 << t->bits) - 1;
	for (i = slot_of(t, node); t->tab[i] != 0; i = (i + 1) & mask)
		if (t->nodes[t->tab[i] - 1] == node)
			return &t->pos[t->tab[i] - 1];
	/* Not met yet: walk on to it. */
	while ((v = places_walk(t)) != NULL) {
		k = t->nwalked++;
		assert(k < t->npos);
		t->nodes[k] = v;
		for (i = slot_of(t, v); t->tab[i] != 0; i = (i + 1) & mask)
			continue;
		t->tab[i] = (uint32_t)k + 1;
		if (v == node)
			return &t->pos[k];
	}
	abort();	/* node is not in the tree */
}

void
jsonscan_places_free(struct jsonscan_places *t)
{
	if (t == NULL)
		return;
	free(t->pos);
	free(t->nodes);
	free(t->tab);
	free(t);
}
