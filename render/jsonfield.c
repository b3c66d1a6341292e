/*
 * jsonfield: reading one field of an object of the input, as the
 * contract's checks (jsoncheck.c) ask: present or not, of the right
 * kind, in range, copied; a refused value is quoted back with a hint
 * ("found \"n/a\": write null for a missing value").  Also the
 * unknown-field warnings and the place of a node.  Moved out of
 * json.c (issue 16).
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "json-int.h"
#include "jsonmsg.h"
#include "model.h"
#include "period.h"
#include "utf8.h"
#include "util.h"

/* 2^53: whole numbers below it are exact in a double. */
#define	WHOLE_LIMIT	9007199254740992.0

#define	PERIOD_FORMS	\
	"YYYY-MM-DD, YYYY-MM, YYYY/YY Qn, YYYY/YY or YYYY"

/* Where node v is. */
const struct jsonscan_place *
json_place(const struct ctx *c, const cJSON *v)
{
	return jsonscan_place_of(c->places, v);
}

/*
 * Message for node v at its place (or its key's, if atkey and it has
 * one), prefixed with the current path.
 */
void
json_cmsg(struct ctx *c, enum diag_level lvl, const cJSON *v, bool atkey,
    const char *fmt, ...)
{
	const struct jsonscan_place *p;
	va_list			 ap;
	int			 line, col;

	p = json_place(c, v);
	line = p->line;
	col = p->col;
	if (atkey && p->kline > 0) {
		line = p->kline;
		col = p->kcol;
	}
	va_start(ap, fmt);
	jsonmsg_vadd(&c->mc, lvl, line, col, c->mc.path.data, fmt, ap);
	va_end(ap);
}

void
json_cerr(struct ctx *c, const cJSON *v, const char *fmt, ...)
{
	const struct jsonscan_place *p;
	va_list			 ap;

	p = json_place(c, v);
	va_start(ap, fmt);
	jsonmsg_vadd(&c->mc, DIAG_ERROR, p->line, p->col, c->mc.path.data,
	    fmt, ap);
	va_end(ap);
}

/*
 * After an indicator's index, the id its author gave it, if it is a
 * valid one: "indicators[2] (id \"cla-rate\").series[5].value".  The
 * index finds the place; the id is the name the author knows.
 */
void
json_push_id(struct ctx *c, const cJSON *ind)
{
	const cJSON	*id;

	if (!cJSON_IsObject(ind))
		return;
	id = cJSON_GetObjectItemCaseSensitive(ind, "id");
	if (cJSON_IsString(id) && json_valid_id(id->valuestring))
		buf_printf(&c->mc.path, " (id %s)", quoted(c, id->valuestring));
}


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
	n = c->mc.nmsgs;
	json_cmsg(c, DIAG_WARN, v, true, "unknown field, ignored");
	pop(c, mark);
	if (c->nseen < SEEN_MAX) {
		c->seen[c->nseen].kind = k;
		c->seen[c->nseen].key = xstrdup(v->string);
		c->seen[c->nseen].msg = c->mc.nmsgs > n ? c->mc.nmsgs - 1 :
		    JSONMSG_NONE;
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
void
json_members(struct ctx *c, const cJSON *obj, enum kind k,
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

size_t
json_count(const cJSON *arr)
{
	const cJSON	*e;
	size_t		 n = 0;

	cJSON_ArrayForEach(e, arr)
		n++;
	return n;
}

bool
json_blank(const char *s)
{
	return utf8_is_blank(s);
}

/*
 * The first character of s (valid UTF-8: the scanner saw to it) that a
 * published report cannot carry (cp_unfit()), or 0: a control written
 * as an escape (\u0007) gets here.  tmpl-node.c refuses them too, but could
 * only name the template.
 */
static unsigned long
bad_char(const char *s)
{
	unsigned long	 cp;
	size_t		 n, len;

	for (len = strlen(s); len > 0; s += n, len -= n) {
		if ((unsigned char)*s < 0x80) {
			cp = (unsigned char)*s;	/* most text: no call */
			n = 1;
		} else
			n = utf8_decode(s, len, &cp);
		assert(n > 0);
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
char *
json_textdup(const char *s)
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
bool
json_text_ok(struct ctx *c, const cJSON *v)
{
	unsigned long	 cp;

	if ((cp = bad_char(v->valuestring)) == 0)
		return true;
	json_cerr(c, v, "holds the character U+%04lX, which a report cannot "
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
			if (end != s && *end == '\0' && !json_blank(s))
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
	json_cerr(c, v, "%s; %s", expected, b.data);
	buf_release(&b);
}

/* Is field v (of obj) there?  Reports it missing if required. */
bool
json_present(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    int flags)
{
	if (v != NULL)
		return true;
	if (flags & F_REQ)
		json_cerr(c, obj, "missing required field \"%s\"", name);
	return false;
}

/* A string field: copied to *dst when present and valid. */
bool
json_get_string(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, char **dst)
{
	size_t	 mark;
	bool	 ok = false;

	if (!json_present(c, obj, v, name, flags))
		return false;
	mark = push(c, name);
	if (!cJSON_IsString(v))
		wrong(c, v, W_STRING, "expected a string");
	else if ((flags & F_NONEMPTY) && json_blank(v->valuestring))
		json_cerr(c, v, "must not be empty");
	else if (json_text_ok(c, v)) {
		*dst = json_textdup(v->valuestring);
		ok = true;
	}
	pop(c, mark);
	return ok;
}

/* A period field: the string in *pstr, the period in *p. */
bool
json_get_period(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, char **pstr, struct period *p)
{
	size_t	 mark;

	if (!json_get_string(c, obj, v, name, flags, pstr))
		return false;
	if (period_parse(*pstr, p))
		return true;
	mark = push(c, name);
	json_cerr(c, v, "%s is not a period (use " PERIOD_FORMS ")",
	    quoted(c, *pstr));
	pop(c, mark);
	return false;
}

/*
 * Is the number v a figure the program can compute with and write?
 * Finite (the scanner saw to it) and within JSON_MAX_VALUE, so that
 * changes, percentages and axes never overflow.  Reports it if not.
 */
bool
json_figure_ok(struct ctx *c, const cJSON *v)
{
	double		 x = v->valuedouble;
	const char	*want = NULL;

	if (!isfinite(x) || fabs(x) > JSON_MAX_VALUE) {
		json_cerr(c, v, "out of range (a figure must be between -1e15 "
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
	json_cerr(c, v, "%s; found %.15g", want, x);
	return false;
}

bool
json_get_number(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, int flags, double *out)
{
	size_t	 mark;
	bool	 ok = false;

	if (!json_present(c, obj, v, name, flags))
		return false;
	mark = push(c, name);
	if (!cJSON_IsNumber(v))
		wrong(c, v, W_NUMBER, "expected a number");
	else if (json_figure_ok(c, v)) {
		*out = v->valuedouble;
		ok = true;
	}
	pop(c, mark);
	return ok;
}

/* A required "value": a number or null (*has false). */
void
json_get_value(struct ctx *c, const cJSON *obj, const cJSON *v, bool *has,
    double *out)
{
	size_t	 mark;

	*has = false;
	if (v == NULL) {
		json_cerr(c, obj, "missing required field \"value\" (write "
		    "null when there is no figure)");
		return;
	}
	mark = push(c, "value");
	if (cJSON_IsNumber(v)) {
		if (json_figure_ok(c, v)) {
			*has = true;
			*out = v->valuedouble;
		}
	} else if (!cJSON_IsNull(v))
		wrong(c, v, W_VALUE, "expected a number or null");
	pop(c, mark);
}

/* A whole number 0 (or 1, if positive) to 2^53 - 1. */
bool
json_get_whole(struct ctx *c, const cJSON *obj, const cJSON *v,
    const char *name, bool positive, long long *out)
{
	size_t	 mark;
	double	 x;
	bool	 ok = false;

	if (!json_present(c, obj, v, name, 0))
		return false;
	mark = push(c, name);
	x = cJSON_IsNumber(v) ? v->valuedouble : -1;
	if (!isfinite(x) || x != floor(x) || x < (positive ? 1 : 0))
		wrong(c, v, W_WHOLE, positive ?
		    "expected a whole number, 1 or more" :
		    "expected a whole number, 0 or more");
	else if (x >= WHOLE_LIMIT)
		json_cerr(c, v, "too large (the limit is 9007199254740991)");
	else {
		*out = (long long)x;
		ok = true;
	}
	pop(c, mark);
	return ok;
}

bool
json_get_bool(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    bool *out)
{
	size_t	 mark;
	bool	 ok = false;

	if (!json_present(c, obj, v, name, 0))
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
bool
json_get_word(struct ctx *c, const cJSON *obj, const cJSON *v, const char *name,
    int flags, const struct word *ws, int *out)
{
	struct buf	 list;
	size_t		 i, mark;

	if (!json_present(c, obj, v, name, flags))
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
		json_cerr(c, v, "%s; found %s: write \"%s\" (lower case)",
		    list.data, quoted(c, v->valuestring), ws[i].name);
	else
		wrong(c, v, W_WORD, list.data);
	pop(c, mark);
	buf_release(&list);
	return false;
}

/* [a-z0-9][a-z0-9-]*, at most JSON_MAX_ID bytes. */
bool
json_valid_id(const char *s)
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



/* After the checks: "(also in N other points)" on repeated warnings. */
void
json_seen_flush(struct ctx *c)
{
	size_t	 i;

	for (i = 0; i < c->nseen; i++)
		if (c->seen[i].more > 0)
			jsonmsg_append(&c->mc, c->seen[i].msg, " (also in %zu "
			    "other %s%s)", c->seen[i].more,
			    kind_name(c->seen[i].kind),
			    c->seen[i].more == 1 ? "" : "s");
}
