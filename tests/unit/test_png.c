/*
 * pngenc.c against the reference decoders: every image is encoded, then
 * read back with libpng (pixels) and with zlib (the stream: its
 * checksum, and a filter byte 0 on every row), and must come back pixel
 * for pixel.  The images are made to reach each path of the encoder:
 * runs, rows equal to the one above, diagonals, repeated glyphs, noise
 * over many blocks, skewed literal counts that need the code lengths
 * limited, rows longer than DEFLATE's window.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "buf.h"
#include "harness.h"
#include "pngenc.h"

static uint32_t	 rng = 2463534242u;

static uint32_t
xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

struct img {
	uint32_t	*px;
	int		 w, h;
	size_t		 stride;	/* in bytes */
};

static struct img
img_new(int w, int h, int pad)
{
	struct img	 im;
	size_t		 i, n;

	im.w = w;
	im.h = h;
	im.stride = 4 * ((size_t)w + (size_t)pad);
	n = im.stride / 4 * (size_t)h;
	im.px = malloc(n * 4);
	/* Padding and the unused top byte hold junk: neither may show. */
	for (i = 0; i < n; i++)
		im.px[i] = xorshift();
	return im;
}

static uint32_t *
at(struct img *im, int x, int y)
{
	return im->px + (size_t)y * (im->stride / 4) + (size_t)x;
}

static void
set(struct img *im, int x, int y, uint32_t rgb)
{
	/* Junk in the top byte. */
	*at(im, x, y) = (rgb & 0xffffff) | (xorshift() & 0xff000000u);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/*
 * Encodes im and checks the result.  Returns the PNG's size, or 0 on a
 * failure (already counted).
 */
static size_t
check(const char *name, struct img *im, uint32_t ppm)
{
	struct buf	 b;
	png_image	 pi;
	unsigned char	*rgb, *raw = NULL, *idat = NULL;
	const unsigned char *p, *end;
	size_t		 nidat = 0, rawlen, rowlen, i;
	uLongf		 got;
	uint32_t	 len, v;
	int		 x, y, bad = 0, phys = 0;
	unsigned	 failed = harness_fail;
	size_t		 size;

	buf_init(&b);
	OK(pngenc_rgb(im->px, im->w, im->h, im->stride, ppm, &b));

	/* The chunks: each CRC right; IDATs joined. */
	OK(b.len > 8 && memcmp(b.data, "\x89PNG\r\n\x1a\n", 8) == 0);
	p = (unsigned char *)b.data + 8;
	end = (unsigned char *)b.data + b.len;
	while (p + 12 <= end) {
		len = be32(p);
		if ((size_t)(end - p) < 12 + (size_t)len)
			break;
		if (crc32(0, p + 4, len + 4) != be32(p + 8 + len)) {
			fprintf(stderr, "%s: bad CRC in %.4s\n", name, p + 4);
			bad++;
		}
		if (memcmp(p + 4, "IDAT", 4) == 0) {
			idat = realloc(idat, nidat + len + 1);
			memcpy(idat + nidat, p + 8, len);
			nidat += len;
		} else if (memcmp(p + 4, "pHYs", 4) == 0) {
			phys = len == 9 && be32(p + 8) == ppm &&
			    be32(p + 12) == ppm && p[16] == 1;
		}
		p += 12 + len;
	}
	OK(p == end);
	INT_EQ(bad, 0);
	INT_EQ(phys, ppm != 0);

	/* zlib: the stream and its Adler-32; filter byte 0 everywhere. */
	rowlen = 1 + 3 * (size_t)im->w;
	rawlen = rowlen * (size_t)im->h;
	raw = malloc(rawlen + 1);
	got = rawlen + 1;
	INT_EQ(uncompress(raw, &got, idat, nidat), Z_OK);
	INT_EQ(got, rawlen);
	for (y = 0, bad = 0; y < im->h && got == rawlen; y++)
		bad += raw[(size_t)y * rowlen] != 0;
	INT_EQ(bad, 0);

	/* libpng: the pixels. */
	memset(&pi, 0, sizeof(pi));
	pi.version = PNG_IMAGE_VERSION;
	OK(png_image_begin_read_from_memory(&pi, b.data, b.len));
	INT_EQ(pi.width, im->w);
	INT_EQ(pi.height, im->h);
	pi.format = PNG_FORMAT_RGB;
	rgb = malloc(PNG_IMAGE_SIZE(pi));
	OK(png_image_finish_read(&pi, NULL, rgb, 0, NULL));
	for (y = 0, bad = 0; y < im->h; y++)
		for (x = 0; x < im->w; x++) {
			v = *at(im, x, y);
			i = 3 * ((size_t)y * (size_t)im->w + (size_t)x);
			if (rgb[i] != ((v >> 16) & 0xff) ||
			    rgb[i + 1] != ((v >> 8) & 0xff) ||
			    rgb[i + 2] != (v & 0xff)) {
				if (bad++ == 0)
					fprintf(stderr, "%s: pixel %d,%d "
					    "differs\n", name, x, y);
			}
		}
	INT_EQ(bad, 0);
	png_image_free(&pi);
	free(rgb);
	free(raw);
	free(idat);
	size = harness_fail == failed ? b.len : 0;
	if (size > 0)
		printf("%s: %zu bytes\n", name, size);
	buf_release(&b);
	return size;
}

/* Filled with one colour. */
static void
fill(struct img *im, uint32_t rgb)
{
	int	 x, y;

	for (y = 0; y < im->h; y++)
		for (x = 0; x < im->w; x++)
			set(im, x, y, rgb);
}

/* A chart-like picture: white, grid lines, a sloping line, "text". */
static void
chartlike(struct img *im)
{
	static uint32_t	 glyph[4][8][6];
	int		 x, y, g, i, j;
	double		 t;

	fill(im, 0xffffff);
	for (y = 20; y < im->h; y += 37)
		for (x = 0; x < im->w; x++)
			set(im, x, y, 0xd0d0d0);
	for (x = 0; x < im->w; x++) {
		t = (double)x / im->w;
		y = (int)(im->h * (0.8 - 0.6 * t * t));
		for (j = -2; j <= 2; j++)
			if (y + j >= 0 && y + j < im->h)
				set(im, x, y + j, j == -2 || j == 2 ?
				    0x8899bb : 0x12436d);
	}
	for (g = 0; g < 4; g++)
		for (i = 0; i < 8; i++)
			for (j = 0; j < 6; j++)
				glyph[g][i][j] = xorshift() % 3 == 0 ?
				    0xffffff : 0x0b0c0c + 0x101010 * (xorshift() % 8);
	for (x = 4; x + 6 < im->w && x < 600; x += 7)
		for (i = 0; i < 8 && i + 2 < im->h; i++)
			for (j = 0; j < 6; j++)
				set(im, x + j, 2 + i, glyph[(x / 7) % 4][i][j]);
}

static void
noise(struct img *im, uint32_t mask)
{
	int	 x, y;

	for (y = 0; y < im->h; y++)
		for (x = 0; x < im->w; x++)
			set(im, x, y, xorshift() & mask);
}

int
main(void)
{
	struct img	 im;
	struct buf	 b;
	size_t		 n, k, i, total;
	unsigned char	*bytes;
	uint32_t	 fib[24], s;
	int		 x, y;

	/* The smallest image, with and without a physical size. */
	im = img_new(1, 1, 0);
	fill(&im, 0x123456);
	OK(check("1x1", &im, 0) > 0);
	OK(check("1x1 ppm", &im, 7559) > 0);
	free(im.px);

	/* One colour: all matches, through row ends; small. */
	im = img_new(1600, 900, 0);
	fill(&im, 0xffffff);
	n = check("white 1600x900", &im, 7559);
	OK(n > 0 && n < 8000);
	chartlike(&im);
	n = check("chart-like 1600x900", &im, 7559);
	OK(n > 0 && n < 120000);
	free(im.px);

	/* Padding between rows, and a width of 2 (rows of 7 bytes). */
	im = img_new(2, 50, 3);
	noise(&im, 0x010101);
	OK(check("2x50 padded", &im, 0) > 0);
	free(im.px);
	im = img_new(77, 31, 5);
	chartlike(&im);
	OK(check("77x31 padded", &im, 0) > 0);
	free(im.px);

	/* Noise: literals over several blocks of 65,536 symbols; and
	 * noise of few colours: short matches of every kind. */
	im = img_new(300, 300, 0);
	noise(&im, 0xffffff);
	OK(check("noise 300x300", &im, 0) > 0);
	noise(&im, 0x030103);
	OK(check("few-colour noise 300x300", &im, 0) > 0);
	free(im.px);

	/* Rows longer than the window: no match with the row above. */
	im = img_new(11000, 3, 0);
	chartlike(&im);
	OK(check("11000x3", &im, 0) > 0);
	free(im.px);
	/* Just inside it: rows of 32,767 bytes. */
	im = img_new(10922, 3, 0);
	chartlike(&im);
	OK(check("10922x3", &im, 0) > 0);
	free(im.px);

	/* Literal counts in Fibonacci proportion: a Huffman code for them
	 * is 23 bits deep, and must be cut to 15. */
	fib[0] = fib[1] = 1;
	for (i = 2; i < 24; i++)
		fib[i] = fib[i - 1] + fib[i - 2];
	for (total = 0, i = 0; i < 23; i++)
		total += fib[i];
	bytes = malloc(total);
	for (k = 0, i = 0; i < 23; i++)
		for (s = 0; s < fib[i]; s++)
			bytes[k++] = (unsigned char)(i * 11);
	for (k = total; k > 1; k--) {
		i = xorshift() % k;
		s = bytes[k - 1];
		bytes[k - 1] = bytes[i];
		bytes[i] = (unsigned char)s;
	}
	im = img_new(200, (int)(total / 600), 0);
	for (k = 0, y = 0; y < im.h; y++)
		for (x = 0; x < im.w; x++, k += 3)
			set(&im, x, y, (uint32_t)bytes[k] << 16 |
			    (uint32_t)bytes[k + 1] << 8 | bytes[k + 2]);
	OK(check("Fibonacci literals", &im, 0) > 0);
	free(im.px);
	free(bytes);

	/* The same image gives the same bytes. */
	im = img_new(120, 80, 0);
	chartlike(&im);
	{
		struct buf	 c;

		buf_init(&b);
		buf_init(&c);
		OK(pngenc_rgb(im.px, im.w, im.h, im.stride, 0, &b));
		OK(pngenc_rgb(im.px, im.w, im.h, im.stride, 0, &c));
		OK(b.len == c.len && memcmp(b.data, c.data, b.len) == 0);
		buf_release(&c);
		buf_release(&b);
	}

	/* Refused, appending nothing. */
	buf_init(&b);
	OK(!pngenc_rgb(im.px, 0, 1, 4, 0, &b));
	OK(!pngenc_rgb(im.px, 1, 0, 4, 0, &b));
	OK(!pngenc_rgb(im.px, 100001, 1, 400004, 0, &b));
	OK(!pngenc_rgb(im.px, 120, 80, 479, 0, &b));
	INT_EQ(b.len, 0);
	buf_release(&b);
	free(im.px);
	return harness_done();
}
