/*
 * buf: a growable, NUL-terminated byte buffer with the few formatters
 * every output needs.  Numbers for machines go through buf_putnum();
 * numbers for people go through fmt.c, which writes into a buf too.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

void
buf_init(struct buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void
buf_release(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t n)
{
	size_t	 want;

	if (n < b->cap - b->len)
		return;
	want = b->cap;
	while (n >= want - b->len) {
		if (want > ((size_t)-1) / 2)
			want = b->len + n + 1;
		else
			want *= 2;
	}
	b->data = xreallocarray(b->data, want, 1);
	b->cap = want;
}

void
buf_reserve(struct buf *b, size_t n)
{
	if (n < b->cap - b->len)
		return;
	if (n > ((size_t)-1) - b->len - 1)
		n = ((size_t)-1) - b->len - 1;	/* xreallocarray then fails */
	b->data = xreallocarray(b->data, b->len + n + 1, 1);
	b->cap = b->len + n + 1;
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	assert(n >= 0);
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_putnum(struct buf *b, double v)
{
	assert(isfinite(v));
	if (v == 0)
		v = 0;		/* -0 prints as 0 */
	buf_printf(b, "%.15g", v);
}

void
buf_jsonindent(struct buf *b, int level)
{
	int	 i;

	for (i = 0; i < level; i++)
		BUF_PUTSL(b, "  ");
}

void
buf_jsonkey(struct buf *b, int level, const char *k, int *n)
{
	if ((*n)++ > 0)
		buf_putc(b, ',');
	buf_putc(b, '\n');
	buf_jsonindent(b, level);
	buf_putjson(b, k);
	BUF_PUTSL(b, ": ");
}

void
buf_putjson(struct buf *b, const char *s)
{
	const unsigned char	*p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			BUF_PUTSL(b, "\\\"");
			break;
		case '\\':
			BUF_PUTSL(b, "\\\\");
			break;
		case '\n':
			BUF_PUTSL(b, "\\n");
			break;
		case '\r':
			BUF_PUTSL(b, "\\r");
			break;
		case '\t':
			BUF_PUTSL(b, "\\t");
			break;
		default:
			if (*p < 0x20)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, (char)*p);
			break;
		}
	}
	buf_putc(b, '"');
}

void
buf_putxml(struct buf *b, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			BUF_PUTSL(b, "&amp;");
			break;
		case '<':
			BUF_PUTSL(b, "&lt;");
			break;
		case '>':
			BUF_PUTSL(b, "&gt;");
			break;
		case '"':
			BUF_PUTSL(b, "&quot;");
			break;
		default:
			buf_putc(b, *p);
			break;
		}
	}
}

void
buf_putbase64(struct buf *b, const void *p, size_t n)
{
	static const char	 tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*s = p;
	char			 q[4];
	size_t			 i;
	unsigned long		 v;

	buf_grow(b, (n + 2) / 3 * 4);
	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		q[0] = tab[v >> 18 & 63];
		q[1] = tab[v >> 12 & 63];
		q[2] = tab[v >> 6 & 63];
		q[3] = tab[v & 63];
		buf_put(b, q, 4);
	}
	if (i < n) {
		v = (unsigned long)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)s[i + 1] << 8;
		q[0] = tab[v >> 18 & 63];
		q[1] = tab[v >> 12 & 63];
		q[2] = i + 1 < n ? tab[v >> 6 & 63] : '=';
		q[3] = '=';
		buf_put(b, q, 4);
	}
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char	*p = b->data;

	if (len != NULL)
		*len = b->len;
	buf_init(b);
	return p;
}
