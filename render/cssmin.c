/*
 * cssmin: comments and white space out of a stylesheet (cssmin.h).
 * One pass over the bytes, reading them as CSS Syntax Level 3
 * tokenises them only as far as it must: where strings, escapes,
 * comments and unquoted url() start and end.  White space, a dropped
 * comment and a ';' are held back, and written or not when the next
 * character shows what they sit between.  The report's stylesheet
 * (assets/report.css, readable, with its reasons in comments) goes
 * into every report.html this way: 10,478 bytes become 7,600 or so.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cssmin.h"

struct min {
	struct buf	*out;
	char		 last;		/* last byte written; 0: none yet */
	bool		 space;		/* white space pending */
	bool		 comment;	/* a dropped comment pending */
	bool		 semi;		/* a ';' pending */
};

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* Could c end an identifier (so that "url(" after it is not a url)? */
static bool
is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	    (unsigned char)c >= 0x80;
}

/* A token on its own: nothing before or after joins it. */
static bool
alone(char c)
{
	return c != '\0' && strchr("{}()[];,:", c) != NULL;
}

/* White space before or after it means nothing. */
static bool
bare(char c)
{
	return c != '\0' && strchr("{};,", c) != NULL;
}

static void
put(struct min *m, const char *s, size_t n)
{
	if (n == 0)
		return;
	buf_put(m->out, s, n);
	m->last = s[n - 1];
}

/* Writes what is pending before a token that starts with c. */
static void
flush(struct min *m, char c)
{
	if (m->semi) {
		m->semi = false;
		if (c != '}')
			put(m, ";", 1);
	}
	if (m->space) {
		if (m->last != '\0' && !bare(m->last) && !bare(c))
			put(m, " ", 1);
	} else if (m->comment) {
		if (m->last != '\0' && !alone(m->last) && !alone(c))
			put(m, "/**/", 4);
	}
	m->space = m->comment = false;
}

/* The end of the comment that starts at i. */
static size_t
comment_end(const char *css, size_t n, size_t i)
{
	size_t	 j;

	for (j = i + 2; j + 1 < n; j++)
		if (css[j] == '*' && css[j + 1] == '/')
			return j + 2;
	return n;	/* unclosed: it runs to the end */
}

/* The end of the string that starts at i: its quote, or a line break. */
static size_t
string_end(const char *css, size_t n, size_t i)
{
	size_t	 j;

	for (j = i + 1; j < n; j++) {
		if (css[j] == css[i])
			return j + 1;
		if (css[j] == '\n' || css[j] == '\r' || css[j] == '\f')
			return j;	/* a bad string ends before it */
		if (css[j] == '\\' && j + 1 < n) {
			j++;
			if (css[j] == '\r' && j + 1 < n && css[j + 1] == '\n')
				j++;
		}
	}
	return n;
}

/*
 * The end of the escape that starts at i: up to six hex digits and the
 * one white space character (CR LF counting as one) that may end them,
 * or one character.
 */
static size_t
escape_end(const char *css, size_t n, size_t i)
{
	size_t	 j = i + 1;

	if (j >= n)
		return n;
	if (!is_hex(css[j]))
		return j + 1;
	while (j < n && j < i + 7 && is_hex(css[j]))
		j++;
	if (j < n && is_ws(css[j]))
		j += css[j] == '\r' && j + 1 < n && css[j + 1] == '\n' ? 2 : 1;
	return j;
}

/* The end of the unquoted url( at i, past its ')'; or i if quoted. */
static size_t
url_end(const char *css, size_t n, size_t i)
{
	size_t	 j = i + 4;

	while (j < n && is_ws(css[j]))
		j++;
	if (j < n && (css[j] == '"' || css[j] == '\''))
		return i;
	for (; j < n && css[j] != ')'; j++)
		if (css[j] == '\\' && j + 1 < n)
			j++;
	return j < n ? j + 1 : n;
}

void
cssmin(const char *css, size_t n, struct buf *out)
{
	struct min	 m;
	size_t		 i = 0, j, start = out->len;
	char		 c;

	memset(&m, 0, sizeof(m));
	m.out = out;
	while (i < n) {
		c = css[i];
		j = i + 1;
		if (is_ws(c)) {
			m.space = true;
		} else if (c == '/' && j < n && css[j] == '*') {
			j = comment_end(css, n, i);
			if (i + 2 < n && css[i + 2] == '!') {
				flush(&m, c);
				put(&m, css + i, j - i);
			} else
				m.comment = true;
		} else if (c == '"' || c == '\'') {
			flush(&m, c);
			j = string_end(css, n, i);
			put(&m, css + i, j - i);
		} else if (c == '\\') {
			flush(&m, c);
			j = escape_end(css, n, i);
			put(&m, css + i, j - i);
		} else if ((c == 'u' || c == 'U') && n - i >= 4 &&
		    strncasecmp(css + i, "url(", 4) == 0 &&
		    (i == 0 || !is_name(css[i - 1])) &&
		    (j = url_end(css, n, i)) > i) {
			flush(&m, c);
			put(&m, css + i, j - i);
		} else if (c == ';') {
			flush(&m, c);
			m.semi = true;
			j = i + 1;
		} else {
			flush(&m, c);
			put(&m, &c, 1);
			j = i + 1;
		}
		i = j;
	}
	if (m.semi)
		put(&m, ";", 1);
	/*
	 * A dropped comment may have joined "]]" and ">": the one thing
	 * this could make that an inline <style> cannot carry in XHTML.
	 * Such a sheet goes as it is.
	 */
	if (strstr(out->data + start, "]]>") != NULL) {
		out->len = start;
		out->data[start] = '\0';
		buf_put(out, css, n);
	}
}
