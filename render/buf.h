/*
 * buf: the one output buffer type.  Every producer (summary, SVG, PNG
 * bytes, report) appends to a struct buf the caller owns.  Appends
 * cannot fail (the x* allocators exit on OOM).  buf does no I/O.
 */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char	*data;	/* never NULL after buf_init(); always NUL-terminated */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

/* Makes b an empty buffer.  Release with buf_release(). */
void	 buf_init(struct buf *b);
/* Frees b's storage; b may be buf_init()ed again.  NULL is fine. */
void	 buf_release(struct buf *b);
/* Empties b, keeping its storage. */
void	 buf_reset(struct buf *b);
/*
 * Makes room for n more bytes at once, so that a buffer whose size is
 * known ahead is not grown by doubling: a doubled buffer of 139 MB (an
 * email of 1,000 charts) held 256 MB of address space, which a memory
 * limit counts.
 */
void	 buf_reserve(struct buf *b, size_t n);
void	 buf_put(struct buf *b, const void *p, size_t n);
void	 buf_putc(struct buf *b, char c);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
		__attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap)
		__attribute__((format(printf, 2, 0)));
/*
 * The one number formatter for machine-readable output (SVG
 * coordinates, summary.json): "%.15g" (exact for any figure of up to
 * 15 significant digits; it keeps binary noise, 9.8 - 10 prints
 * -0.199999999999999, so differences are snapped before they come
 * here), with -0 written as 0.
 * The number must be finite (asserted).
 */
void	 buf_putnum(struct buf *b, double v);
/* Appends s as a JSON string literal, quotes included. */
void	 buf_putjson(struct buf *b, const char *s);
/*
 * JSON spread over lines, two spaces a level (summary.json and the
 * normalised input): buf_jsonindent() appends the indent of level;
 * buf_jsonkey() starts member k of an object at level (a comma first
 * if *n, the members so far, is not 0; then a newline, the indent and
 * "k": ) and counts it in *n.
 */
void	 buf_jsonindent(struct buf *b, int level);
void	 buf_jsonkey(struct buf *b, int level, const char *k, int *n);
/* Appends s escaped for XML text and attribute values (& < > "). */
void	 buf_putxml(struct buf *b, const char *s);
/* Appends the base64 encoding of n bytes of p, with no line breaks. */
void	 buf_putbase64(struct buf *b, const void *p, size_t n);
/* Returns b's data, which the caller now frees; b is left empty. */
char	*buf_detach(struct buf *b, size_t *len);

#define	 BUF_PUTSL(b, lit)	buf_put((b), (lit), sizeof(lit) - 1)

#endif
