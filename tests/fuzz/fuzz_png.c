/*
 * libFuzzer harness: the PNG encoder (pngenc.h) round trip.
 *
 * Byte 0 and 1 give the width (1-256) and height (1-64); byte 2 the
 * number of colours (1-8) of a palette read from the next bytes, then
 * each byte picks a pixel's colour (its low bits) and, from its top
 * bit, junk in the unused top byte.  Few colours make runs, rows equal
 * to the one above and repeated pairs: every kind of match.  Widths
 * above 256 come from byte 0's top bit as 10,923 (rows one byte longer
 * than DEFLATE's window, where no match with the row above is allowed).
 * The PNG must hold exactly the pixels, by zlib (which checks the
 * Adler-32) and by the chunk CRCs.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "pngenc.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	 pal[8], *px;
	unsigned char	*raw, *want, *idat = NULL;
	const unsigned char *p, *end;
	struct buf	 b;
	size_t		 i, n, rowlen, nidat = 0, len;
	uLongf		 got;
	unsigned	 w, h, ncol, c;
	uint8_t		 v;

	if (size < 3)
		return 0;
	w = (data[0] & 0x80) ? 10923 : (unsigned)(data[0] & 0x7f) * 2 + 1 +
	    (data[1] >> 7);
	h = (data[1] & 0x3f) + 1;
	if (w > 256)
		h = h > 3 ? 3 : h;
	ncol = data[2] % 8 + 1;
	data += 3;
	size -= 3;
	for (c = 0; c < ncol; c++) {
		pal[c] = 0;
		for (i = 0; i < 3; i++)
			pal[c] = pal[c] << 8 | (size > 0 ? (size--, *data++) : 0);
	}
	n = (size_t)w * h;
	px = xreallocarray(NULL, n, sizeof(*px));
	rowlen = 1 + 3 * (size_t)w;
	want = xmalloc(rowlen * h);
	for (i = 0; i < n; i++) {
		v = size > 0 ? data[i % size] : 0;
		/* Past the input, the pixels repeat it. */
		px[i] = pal[(v & 7) % ncol] | ((v & 0x80) ? 0xab000000u : 0);
	}
	for (i = 0; i < n; i++) {
		unsigned char *q = want + (i / w) * rowlen + 1 + 3 * (i % w);

		if (i % w == 0)
			q[-1] = 0;
		q[0] = (unsigned char)(px[i] >> 16);
		q[1] = (unsigned char)(px[i] >> 8);
		q[2] = (unsigned char)px[i];
	}

	buf_init(&b);
	CHECK(pngenc_rgb(px, (int)w, (int)h, 4 * (size_t)w, 3780, &b));
	CHECK(b.len > 8 && memcmp(b.data, "\x89PNG\r\n\x1a\n", 8) == 0);
	p = (unsigned char *)b.data + 8;
	end = (unsigned char *)b.data + b.len;
	while (p < end) {
		CHECK(end - p >= 12);
		len = be32(p);
		CHECK((size_t)(end - p) >= 12 + len);
		CHECK(crc32(0, p + 4, (uInt)len + 4) == be32(p + 8 + len));
		if (memcmp(p + 4, "IDAT", 4) == 0) {
			idat = xreallocarray(idat, nidat + len + 1, 1);
			memcpy(idat + nidat, p + 8, len);
			nidat += len;
		}
		p += 12 + len;
	}
	raw = xmalloc(rowlen * h + 1);
	got = rowlen * h + 1;
	CHECK(uncompress(raw, &got, idat, nidat) == Z_OK);
	CHECK(got == rowlen * h);
	CHECK(memcmp(raw, want, got) == 0);
	buf_release(&b);
	free(raw);
	free(want);
	free(idat);
	free(px);
	return 0;
}
