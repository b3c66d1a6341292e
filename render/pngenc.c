/*
 * pngenc: PNG with our own DEFLATE for flat-colour images (pngenc.h).
 *
 * The image goes out as one zlib stream of PNG rows with filter 0
 * ("none": a filter byte 0, then R, G, B for each pixel).  The matcher
 * walks the pixels, not the bytes.  At each pixel it extends the match
 * it has, or starts the longer of two: the run of pixels equal to the
 * pixel above (a DEFLATE match at a distance of one row) and the run
 * equal to the pixel to the left (distance 3), preferring the left once
 * it is LONGRUN pixels long (its distance code has no extra bits).
 * Where neither gives two pixels, it tries the diagonals above and the
 * last place the same pair of pixels was seen (hash2: glyphs repeat
 * along a row).  A pixel with no match goes out as three literals.  A
 * match from above may run on through the end of a row into the next
 * (its filter byte equals the one above), so rows like the ones above
 * them go out as a few 258-byte matches.
 *
 * Symbols are collected for a block of up to BLOCK of them, then written
 * with Huffman codes built for that block (RFC 1951 section 3.2.7,
 * lengths limited to 15 bits, and 7 for the code-length code).  The
 * Adler-32 of the rows is summed a row at a time in closed form
 * (reused for a row equal to the one above), never byte by byte.
 *
 * Measured on the example's charts at 2x (1600x900), against libpng
 * and zlib at level 3 with no filter (what draw.c used before): see
 * the commit that added this file and tests/bench/RESULTS.md.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pngenc.h"
#include "util.h"

#define	PIXMASK		0x00ffffffu	/* the top byte of a pixel is unused */
#define	BLOCK		(1u << 14)	/* symbols a DEFLATE block */
#define	WINDOW		32768u		/* DEFLATE's longest distance */
#define	MAXMATCH	258u
#define	ADLER		65521u
#define	LONGRUN		86u		/* pixels: one longest match */

/* A symbol: a literal byte, or MATCH | length << 16 | distance. */
#define	MATCH		0x80000000u

static const uint16_t lbase[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43,
	51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
static const uint8_t lextra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
	4, 4, 5, 5, 5, 5, 0
};
static const uint16_t dbase[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
	513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385,
	24577
};
static const uint8_t dextra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
	10, 10, 11, 11, 12, 12, 13, 13
};
/* The order code-length code lengths are sent in. */
static const uint8_t clorder[19] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
};

/* Bits go out least significant first, 32 at a time. */
struct bits {
	struct buf	*out;
	uint64_t	 acc;
	unsigned	 n;
};

struct enc {
	struct bits	 bits;
	uint32_t	*sym;		/* this block's symbols */
	size_t		 nsym;
	uint32_t	 lfreq[286];
	uint32_t	 dfreq[30];
	uint8_t		 lcode[256];	/* length - 3 -> length code - 257 */
	uint8_t		 dcode[512];	/* see dist_code() */
	uint32_t	 pend_dist;	/* the match being extended, or 0 */
	uint32_t	 pend_len;	/* its length so far, in bytes */
	uint32_t	 pend_dy;	/* where it reads from: rows up */
	int32_t		 pend_dx;	/* and pixels to the left */
};

/* v's low n bits (n <= 32; at most 31 bits may be pending). */
static inline void
bits_put(struct bits *b, uint32_t v, unsigned n)
{
	unsigned char	 c[4];

	b->acc |= (uint64_t)v << b->n;
	b->n += n;
	if (b->n >= 32) {
		c[0] = (unsigned char)b->acc;
		c[1] = (unsigned char)(b->acc >> 8);
		c[2] = (unsigned char)(b->acc >> 16);
		c[3] = (unsigned char)(b->acc >> 24);
		buf_put(b->out, c, 4);
		b->acc >>= 32;
		b->n -= 32;
	}
}

/* Writes what is left, padded with zero bits to a byte. */
static void
bits_flush(struct bits *b)
{
	while (b->n > 0) {
		buf_putc(b->out, (char)(unsigned char)b->acc);
		b->acc >>= 8;
		b->n = b->n >= 8 ? b->n - 8 : 0;
	}
	b->acc = 0;
}

/*
 * The distance code of d, from a table as zlib keeps it: by d - 1 up
 * to 256, then by (d - 1) / 128, as every code from 16 on spans whole
 * multiples of 128.
 */
static unsigned
dist_code(const struct enc *e, uint32_t d)
{
	assert(d >= 1 && d <= WINDOW);
	return e->dcode[d <= 256 ? d - 1 : 256 + ((d - 1) >> 7)];
}

static uint32_t
reverse(uint32_t code, unsigned len)
{
	uint32_t	 r = 0;

	while (len-- > 0) {
		r = (r << 1) | (code & 1);
		code >>= 1;
	}
	return r;
}

struct hsym {
	uint32_t	 freq;
	uint16_t	 sym;
};

static int
hsym_cmp(const void *a, const void *b)
{
	const struct hsym *x = a, *y = b;

	if (x->freq != y->freq)
		return x->freq < y->freq ? -1 : 1;
	return x->sym < y->sym ? -1 : x->sym > y->sym;
}

/*
 * Sets len[0..n) and code[0..n) to a canonical Huffman code for freq
 * with no code longer than maxbits; code[] is bit-reversed, ready for
 * bits_put().  At least two symbols get a code (zlib's inflate refuses
 * an incomplete code-length code), so unused ones may have one too.
 */
static void
huff_build(const uint32_t *freq, unsigned n, unsigned maxbits,
    uint8_t *len, uint16_t *code)
{
	struct hsym	 s[286];
	uint32_t	 w[2 * 286];
	uint16_t	 parent[2 * 286], depth[2 * 286];
	unsigned	 cnt[2 * 286 + 1], next[16];
	unsigned	 m = 0, i, j, k, a, b, d, total, bl;

	assert(n <= 286 && n >= 2 && maxbits <= 15);
	for (i = 0; i < n; i++)
		if (freq[i] > 0)
			s[m++] = (struct hsym){ freq[i], (uint16_t)i };
	for (i = 0; m < 2 && i < n; i++)
		if (freq[i] == 0)
			s[m++] = (struct hsym){ 0, (uint16_t)i };
	qsort(s, m, sizeof(s[0]), hsym_cmp);

	/* Leaves 0..m-1 in order of weight; internal nodes m..2m-2 are made
	 * in order of weight too, so two queues give the two lightest. */
	for (i = 0; i < m; i++)
		w[i] = s[i].freq;
	i = 0;
	j = k = m;
	while (k < 2 * m - 1) {
		a = (i < m && (j >= k || w[i] <= w[j])) ? i++ : j++;
		b = (i < m && (j >= k || w[i] <= w[j])) ? i++ : j++;
		w[k] = w[a] + w[b];
		parent[a] = parent[b] = (uint16_t)k;
		k++;
	}
	depth[2 * m - 2] = 0;
	memset(cnt, 0, sizeof(cnt));
	for (i = 2 * m - 2; i-- > 0; ) {
		depth[i] = depth[parent[i]] + 1;
		if (i < m)
			cnt[depth[i]]++;
	}

	/* Too deep: fold the deep leaves into maxbits, then lengthen the
	 * shallowest codes that can be until the code is complete again. */
	for (d = maxbits + 1; d <= 2 * m; d++) {
		cnt[maxbits] += cnt[d];
		cnt[d] = 0;
	}
	total = 0;
	for (d = 1; d <= maxbits; d++)
		total += cnt[d] << (maxbits - d);
	while (total > (1u << maxbits)) {
		cnt[maxbits]--;
		for (d = maxbits - 1; d > 0; d--)
			if (cnt[d] > 0) {
				cnt[d]--;
				cnt[d + 1] += 2;
				break;
			}
		total--;
	}

	/* The least frequent symbols get the longest codes. */
	memset(len, 0, n);
	i = 0;
	for (d = maxbits; d > 0; d--)
		for (k = 0; k < cnt[d]; k++)
			len[s[i++].sym] = (uint8_t)d;
	assert(i == m);

	next[0] = 0;
	bl = 0;
	for (d = 1; d <= maxbits; d++) {
		bl = (bl + cnt[d - 1] * (d > 1)) << 1;
		next[d] = bl;
	}
	for (i = 0; i < n; i++)
		code[i] = len[i] ?
		    (uint16_t)reverse(next[len[i]]++, len[i]) : 0;
}

/* Writes the collected symbols as one dynamic-Huffman block. */
static void
block_write(struct enc *e, bool final)
{
	uint8_t		 llen[286], dlen[30], clen[19], all[316];
	uint16_t	 lc[286], dc[30], cc[19];
	uint32_t	 cfreq[19], rle[316];
	unsigned	 nl, nd, nall, nrle = 0, ncl, i, r, run;
	size_t		 s;
	uint32_t	 v, len, dist, c;

	e->lfreq[256]++;
	huff_build(e->lfreq, 286, 15, llen, lc);
	huff_build(e->dfreq, 30, 15, dlen, dc);
	for (nl = 286; nl > 257 && llen[nl - 1] == 0; nl--)
		continue;
	for (nd = 30; nd > 1 && dlen[nd - 1] == 0; nd--)
		continue;
	memcpy(all, llen, nl);
	memcpy(all + nl, dlen, nd);
	nall = nl + nd;

	/* The code lengths, run-length coded: 16 repeats the previous
	 * length 3-6 times, 17 and 18 give 3-10 and 11-138 zeros.  An
	 * entry is symbol | extra bits << 8. */
	memset(cfreq, 0, sizeof(cfreq));
	for (i = 0; i < nall; i += run) {
		for (run = 1; i + run < nall && all[i + run] == all[i]; run++)
			continue;
		r = run;
		if (all[i] == 0) {
			while (r >= 11) {
				v = r > 138 ? 138 : r;
				rle[nrle++] = 18 | (v - 11) << 8;
				r -= v;
			}
			if (r >= 3) {
				rle[nrle++] = 17 | (r - 3) << 8;
				r = 0;
			}
		} else {
			rle[nrle++] = all[i];
			r--;
			while (r >= 3) {
				v = r > 6 ? 6 : r;
				rle[nrle++] = 16 | (v - 3) << 8;
				r -= v;
			}
		}
		while (r-- > 0)
			rle[nrle++] = all[i];
	}
	for (i = 0; i < nrle; i++)
		cfreq[rle[i] & 0xff]++;
	huff_build(cfreq, 19, 7, clen, cc);
	for (ncl = 19; ncl > 4 && clen[clorder[ncl - 1]] == 0; ncl--)
		continue;

	bits_put(&e->bits, final, 1);
	bits_put(&e->bits, 2, 2);
	bits_put(&e->bits, nl - 257, 5);
	bits_put(&e->bits, nd - 1, 5);
	bits_put(&e->bits, ncl - 4, 4);
	for (i = 0; i < ncl; i++)
		bits_put(&e->bits, clen[clorder[i]], 3);
	for (i = 0; i < nrle; i++) {
		c = rle[i] & 0xff;
		bits_put(&e->bits, cc[c], clen[c]);
		if (c == 16)
			bits_put(&e->bits, rle[i] >> 8, 2);
		else if (c == 17)
			bits_put(&e->bits, rle[i] >> 8, 3);
		else if (c == 18)
			bits_put(&e->bits, rle[i] >> 8, 7);
	}

	for (s = 0; s < e->nsym; s++) {
		v = e->sym[s];
		if (!(v & MATCH)) {
			bits_put(&e->bits, lc[v], llen[v]);
			continue;
		}
		len = (v >> 16) & 0x1ff;
		dist = v & 0xffff;
		if (dist == 0)
			dist = WINDOW;
		/* A code and its extra bits in one put: at most 15 + 13. */
		c = e->lcode[len - 3];
		bits_put(&e->bits, lc[257 + c] | (len - lbase[c]) <<
		    llen[257 + c], llen[257 + c] + lextra[c]);
		c = dist_code(e, dist);
		bits_put(&e->bits, dc[c] | (dist - dbase[c]) << dlen[c],
		    dlen[c] + dextra[c]);
	}
	bits_put(&e->bits, lc[256], llen[256]);

	e->nsym = 0;
	memset(e->lfreq, 0, sizeof(e->lfreq));
	memset(e->dfreq, 0, sizeof(e->dfreq));
}

static void
put_literal(struct enc *e, unsigned byte)
{
	if (e->nsym == BLOCK)
		block_write(e, false);
	e->sym[e->nsym++] = byte;
	e->lfreq[byte]++;
}

/* One DEFLATE match: 3 <= len <= 258, 1 <= dist <= 32768. */
static void
put_match(struct enc *e, uint32_t len, uint32_t dist)
{
	assert(len >= 3 && len <= MAXMATCH && dist >= 1 && dist <= WINDOW);
	if (e->nsym == BLOCK)
		block_write(e, false);
	/* 32768 does not fit in 16 bits with the flag: it is stored as 0. */
	e->sym[e->nsym++] = MATCH | len << 16 | (dist & 0xffff);
	e->lfreq[257 + e->lcode[len - 3]]++;
	e->dfreq[dist_code(e, dist)]++;
}

/* Writes the pending match as matches of at most 258 bytes. */
static void
pend_flush(struct enc *e)
{
	uint32_t	 len = e->pend_len, n;

	if (e->pend_dist == 0)
		return;
	/* Only a match of the filter byte alone is shorter than a pixel:
	 * that byte is 0. */
	if (len < 3) {
		assert(len == 1);
		put_literal(e, 0);
	}
	while (len >= 3) {
		n = len > MAXMATCH ? MAXMATCH : len;
		if (len - n > 0 && len - n < 3)
			n = len - 3;
		put_match(e, n, e->pend_dist);
		len -= n;
	}
	e->pend_dist = e->pend_len = 0;
}

static void
pend_start(struct enc *e, uint32_t dist, uint32_t len)
{
	pend_flush(e);
	e->pend_dist = dist;
	e->pend_len = len;
}

/*
 * The number of pixels, up to n, from p and q on that are equal.  Four
 * at a time as two 64-bit words while it can (the hottest loop of the
 * encoder: most pixels are compared here once or twice).
 */
static uint32_t
same_run(const uint32_t *p, const uint32_t *q, uint32_t n)
{
	const uint64_t	 mask = (uint64_t)PIXMASK << 32 | PIXMASK;
	uint64_t	 a[2], b[2];
	uint32_t	 k = 0;

	while (k + 4 <= n) {
		memcpy(a, p + k, sizeof(a));
		memcpy(b, q + k, sizeof(b));
		if ((((a[0] ^ b[0]) | (a[1] ^ b[1])) & mask) != 0)
			break;
		k += 4;
	}
	while (k < n && ((p[k] ^ q[k]) & PIXMASK) == 0)
		k++;
	return k;
}

/*
 * Pixels from x on equal to the pixel above, stopping where LONGRUN
 * pixels in a row each equal the one to their left begin: a long run
 * costs fewer bits as matches at distance 3 (no extra bits) than at
 * distance one row (11 extra bits for rows of 4,097 to 6,144 bytes),
 * so the caller switches there, told so by *cut.
 */
static uint32_t
up_run(const uint32_t *p, const uint32_t *up, uint32_t x, uint32_t w,
    bool *cut)
{
	uint32_t	 k = 0, n, s = x + 1, j, t;

	*cut = false;
	do {
		/* The run above, a chunk at a time, so that a cut found
		 * early does not cost a scan of the whole row. */
		n = w - x - k < 128 ? w - x - k : 128;
		k += (j = same_run(p + x + k, up + x + k, n));
		/*
		 * A run of LONGRUN pixels each equal to the one before it,
		 * starting at s in (x, x + k - LONGRUN]: look at the last
		 * pixel of the window from s; scanning back, the first pixel
		 * unequal to its left neighbour rules out every window
		 * holding it, so s moves past it (most windows are ruled out
		 * by their last pixel or two).
		 */
		for (; s + LONGRUN <= x + k; s = t + 1) {
			for (t = s + LONGRUN - 1; t >= s &&
			    ((p[t] ^ p[t - 1]) & PIXMASK) == 0; t--)
				continue;
			if (t < s) {
				*cut = true;
				return s - x;
			}
		}
	} while (j == n && x + k < w);
	return k;
}

/*
 * The image as the matcher sees it: row y, and the hash table of recent
 * pairs of literal pixels (glyphs of the same text repeat along a row).
 */
struct img {
	const unsigned char *base;
	size_t		 stride;
	uint32_t	 w, h, rowlen;
	uint32_t	 hash[4096];	/* y << 16 | x + 1, or 0 */
};

static const uint32_t *
row(const struct img *im, uint32_t y)
{
	return (const uint32_t *)(const void *)(im->base + y * im->stride);
}

static unsigned
hash2(uint32_t a, uint32_t b)
{
	uint32_t	 v = ((a & PIXMASK) * 0x9e3779b1u) ^
			    ((b & PIXMASK) * 0x85ebca77u);

	return v >> 20;
}

/*
 * Matches one row.  Returns true if every pixel equals the one above.
 * A match is kept as its distance and where it reads from, dy rows up
 * and dx pixels to the left; only the match with the row above (dy 1,
 * dx 0) goes on into the next row.
 */
static bool
match_row(struct enc *e, struct img *im, uint32_t y)
{
	/* Other places a pixel may repeat, tried where neither the pixel
	 * to the left nor the one above does: the diagonals of a sloping
	 * line.  (Two rows up, two pixels to the left and the knight's
	 * moves were tried too: 0.1% smaller, 15% slower.) */
	static const int8_t	 cand[][2] = {
		{ 1, 1 }, { 1, -1 }
	};
	const uint32_t	*p = row(im, y), *up, *q;
	uint32_t	 w = im->w, rowlen = im->rowlen, x = 0, ku, kl, k,
			 best, bdist, bdy, uptotal = 0, d, cx, cy, v;
	int32_t		 bdx, dx;
	uint64_t	 d64;
	unsigned	 i, hh;
	bool		 upok = y > 0 && rowlen <= WINDOW, cut;

	up = upok ? row(im, y - 1) : NULL;
	/* The filter byte: 0, as in the row above. */
	if (upok && e->pend_dist == rowlen)
		e->pend_len++;
	else if (upok)
		pend_start(e, rowlen, 1);
	else {
		pend_flush(e);
		put_literal(e, 0);
	}
	e->pend_dy = 1;
	e->pend_dx = 0;
	while (x < w) {
		/* A match read from elsewhere than the row above goes on
		 * while it can; the one from above is weighed again below. */
		if (e->pend_dist != 0 && e->pend_dist != rowlen) {
			cy = y - e->pend_dy;
			cx = x - (uint32_t)e->pend_dx;
			q = row(im, cy);
			k = cx < w ? same_run(p + x, q + cx,
			    w - (x > cx ? x : cx)) : 0;
			if (k > 0) {
				e->pend_len += 3 * k;
				x += k;
				continue;
			}
		}
		kl = x > 0 ? same_run(p + x, p + x - 1, w - x) : 0;
		cut = false;
		ku = up != NULL && kl < LONGRUN ? up_run(p, up, x, w, &cut) : 0;
		if (kl >= LONGRUN || kl > ku) {
			best = kl;
			bdist = 3;
			bdy = 0;
			bdx = 1;
		} else {
			best = ku;
			bdist = rowlen;
			bdy = 1;
			bdx = 0;
		}
		if (best < 2 && !cut && x + 1 < w) {
			for (i = 0; i < sizeof(cand) / sizeof(cand[0]); i++) {
				dx = cand[i][1];
				if (cand[i][0] > (int)y || (int64_t)x < dx ||
				    (int64_t)x - dx >= w)
					continue;
				d = cand[i][0] * rowlen + 3 * (uint32_t)dx;
				if (d > WINDOW)
					continue;
				cx = (uint32_t)((int64_t)x - dx);
				k = same_run(p + x, row(im, y - cand[i][0]) + cx,
				    w - (x > cx ? x : cx));
				if (k >= 2 && k > best) {
					best = k;
					bdist = d;
					bdy = (uint32_t)cand[i][0];
					bdx = dx;
				}
			}
			hh = hash2(p[x], p[x + 1]);
			v = im->hash[hh];
			if (v != 0) {
				cy = v >> 16;
				cx = (v & 0xffff) - 1;
				d64 = (uint64_t)(y - cy) * rowlen + 3 * (uint64_t)x -
				    3 * (uint64_t)cx;
				if ((cy < y || cx < x) && d64 <= WINDOW) {
					d = (uint32_t)d64;
					q = row(im, cy);
					k = same_run(p + x, q + cx,
					    w - (x > cx ? x : cx));
					if (k >= 2 && k > best) {
						best = k;
						bdist = d;
						bdy = y - cy;
						bdx = (int32_t)(x - cx);
					}
				}
			}
			if (w <= 0xfffe)
				im->hash[hh] = y << 16 | (x + 1);
		}
		if (best > 0 && bdist == e->pend_dist) {
			e->pend_len += 3 * best;
			if (bdist == rowlen)
				uptotal += best;
			x += best;
		} else if (best > 0) {
			pend_start(e, bdist, 3 * best);
			e->pend_dy = bdy;
			e->pend_dx = bdx;
			if (bdist == rowlen)
				uptotal += best;
			x += best;
		} else {
			pend_flush(e);
			v = p[x++];
			put_literal(e, (v >> 16) & 0xff);
			put_literal(e, (v >> 8) & 0xff);
			put_literal(e, v & 0xff);
		}
	}
	return uptotal == w;
}

/*
 * The Adler-32 sums of one row (filter byte 0, then R, G, B a pixel):
 * s, the sum of its bytes, and t, the sum of each byte times the number
 * of bytes from it to the end of the row, so that appending the row to
 * a checksum (a, b) gives (a + s, b + rowlen * a + t).
 */
static void
row_sums(const uint32_t *p, uint32_t w, uint64_t rowlen, uint64_t *s,
    uint64_t *t)
{
	uint64_t	 sp = 0, sxp = 0, sq = 0;
	uint32_t	 cp, cxp, cq, r, g, b, v, x, i, n;

	/* In chunks of 256 pixels, so that the sums of a chunk fit in 32
	 * bits and the loop of fixed length is vectorised. */
	for (x = 0; x < w; x += n) {
		n = w - x < 256 ? w - x : 256;
		cp = cxp = cq = 0;
		if (n == 256) {
			for (i = 0; i < 256; i++) {
				v = p[x + i];
				r = (v >> 16) & 0xff;
				g = (v >> 8) & 0xff;
				b = v & 0xff;
				cp += r + g + b;
				cxp += i * (r + g + b);
				cq += g + 2 * b;
			}
		} else {
			for (i = 0; i < n; i++) {
				v = p[x + i];
				r = (v >> 16) & 0xff;
				g = (v >> 8) & 0xff;
				b = v & 0xff;
				cp += r + g + b;
				cxp += i * (r + g + b);
				cq += g + 2 * b;
			}
		}
		sp += cp;
		sxp += (uint64_t)x * cp + cxp;
		sq += cq;
	}
	/* Byte j (0 the filter byte) weighs rowlen - j; pixel x's red is
	 * byte 1 + 3x. */
	*s = sp;
	*t = (rowlen - 1) * sp - 3 * sxp - sq;
}

static void
put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t
crc32_of(const uint32_t *table, const unsigned char *p, size_t n)
{
	uint32_t	 c = 0xffffffffu;

	while (n-- > 0)
		c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

/* Appends a chunk of type type (4 letters) and n bytes of data. */
static void
chunk(struct buf *out, const uint32_t *table, const char *type,
    const unsigned char *data, size_t n)
{
	unsigned char	 b[4];
	size_t		 off;

	put_be32(b, (uint32_t)n);
	buf_put(out, b, 4);
	off = out->len;
	buf_put(out, type, 4);
	buf_put(out, data, n);
	put_be32(b, crc32_of(table, (unsigned char *)out->data + off, n + 4));
	buf_put(out, b, 4);
}

bool
pngenc_rgb(const void *pixels, int w, int h, size_t stride, uint32_t ppm,
    struct buf *out)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	uint32_t	 table[256], c, a = 1, b = 0;
	unsigned char	 hdr[13], len4[4];
	const uint32_t	*p;
	struct enc	*e;
	struct img	*im;
	uint64_t	 rowlen, s = 0, t = 0;
	size_t		 off;
	bool		 same;
	int		 i, k, y;

	if (w < 1 || h < 1 || w > 100000 || h > 100000 ||
	    stride < 4 * (size_t)w)
		return false;
	for (i = 0; i < 256; i++) {
		c = (uint32_t)i;
		for (k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	rowlen = 1 + 3 * (uint64_t)w;

	buf_put(out, sig, sizeof(sig));
	put_be32(hdr, (uint32_t)w);
	put_be32(hdr + 4, (uint32_t)h);
	hdr[8] = 8;		/* bits a sample */
	hdr[9] = 2;		/* RGB */
	hdr[10] = hdr[11] = hdr[12] = 0;
	chunk(out, table, "IHDR", hdr, 13);
	if (ppm != 0) {
		put_be32(hdr, ppm);
		put_be32(hdr + 4, ppm);
		hdr[8] = 1;	/* the unit is the metre */
		chunk(out, table, "pHYs", hdr, 9);
	}

	/* IDAT: its length is filled in when known. */
	buf_put(out, "\0\0\0\0IDAT", 8);
	off = out->len - 4;
	e = xcalloc(1, sizeof(*e));
	e->sym = xreallocarray(NULL, BLOCK, sizeof(e->sym[0]));
	e->bits.out = out;
	for (i = 0; i < 29; i++)
		for (k = lbase[i]; k < (i < 28 ? lbase[i + 1] : 259); k++)
			e->lcode[k - 3] = (uint8_t)i;
	e->lcode[MAXMATCH - 3] = 28;
	for (i = 0; i < 30; i++)
		for (k = dbase[i]; k < (i < 29 ? dbase[i + 1] : 32769);
		    k += k <= 256 ? 1 : 128)
			e->dcode[k <= 256 ? k - 1 : 256 + ((k - 1) >> 7)] =
			    (uint8_t)i;
	buf_put(out, "\x78\x01", 2);	/* deflate, 32 KiB window */

	im = xcalloc(1, sizeof(*im));
	im->base = pixels;
	im->stride = stride;
	im->w = (uint32_t)w;
	im->h = (uint32_t)h;
	im->rowlen = (uint32_t)rowlen;
	for (y = 0; y < h; y++) {
		p = row(im, (uint32_t)y);
		same = match_row(e, im, (uint32_t)y);
		if (!same)
			row_sums(p, (uint32_t)w, rowlen, &s, &t);
		b = (uint32_t)((b + rowlen % ADLER * a + t % ADLER) % ADLER);
		a = (uint32_t)((a + s % ADLER) % ADLER);
	}
	free(im);
	pend_flush(e);
	block_write(e, true);
	bits_flush(&e->bits);
	put_be32(len4, b << 16 | a);
	buf_put(out, len4, 4);
	free(e->sym);
	free(e);

	put_be32((unsigned char *)out->data + off - 4,
	    (uint32_t)(out->len - off - 4));
	put_be32(len4, crc32_of(table, (unsigned char *)out->data + off,
	    out->len - off));
	buf_put(out, len4, 4);
	chunk(out, table, "IEND", NULL, 0);
	return true;
}
