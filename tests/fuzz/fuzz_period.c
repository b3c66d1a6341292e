/*
 * libFuzzer harness: periods and numbers written for people.
 *
 * The bytes up to the first NUL (at most 64) are a string for
 * period_parse(); a parsed period must survive every function of
 * period.h: it is written back canonically as the same string, its start
 * is not after its end, days convert to the civil date and back, and the
 * reader forms fit any destination size without overflow (ASan checks
 * the bounds of a destination exactly as large as the size passed).
 * The bytes after the NUL are read as doubles for fmt.h: every function
 * must write a NUL-free, grouped number that reads back as the value
 * rounded to the places asked for.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fmt.h"
#include "model.h"
#include "period.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* Every reader form into destinations of every size up to 40 bytes. */
static void
writers(const struct period *p)
{
	char	*(*fn[3])(const struct period *, char *, size_t) =
	    { period_long, period_short, period_canon };
	char	 full[64], *dst;
	size_t	 f, sz, len;

	for (f = 0; f < 3; f++) {
		fn[f](p, full, sizeof(full));
		len = strlen(full);
		CHECK(len > 0 && len < 32);
		for (sz = 0; sz <= 40; sz++) {
			dst = xmalloc(sz == 0 ? 1 : sz);
			CHECK(fn[f](p, dst, sz) == dst);
			if (sz > 0) {
				CHECK(strlen(dst) < sz);
				CHECK(strncmp(dst, full, strlen(dst)) == 0);
				if (sz > len)
					CHECK(strcmp(dst, full) == 0);
			}
			free(dst);
		}
	}
}

static void
periods(const char *s)
{
	struct period	 p, q, y;
	char		 canon[32];
	long		 a, b, d;
	int		 yy, mm, dd;

	if (!period_parse(s, &p))
		return;
	CHECK(p.year >= PERIOD_YEAR_MIN && p.year <= PERIOD_YEAR_MAX);
	period_canon(&p, canon, sizeof(canon));
	CHECK(strcmp(canon, s) == 0);		/* one way to write each */
	CHECK(period_parse(canon, &q) && period_eq(&p, &q));
	CHECK(period_cmp(&p, &q) == 0);
	a = period_start(&p);
	b = period_end(&p);
	CHECK(a <= b && b - a < 366);
	for (d = a; d <= b; d += b - a > 40 ? 37 : 1) {
		period_civil(d, &yy, &mm, &dd);
		CHECK(period_days(yy, mm, dd) == d);
	}
	writers(&p);
	if (period_year_before(&p, &y)) {
		CHECK(y.kind == p.kind && y.year == p.year - 1);
		CHECK(period_cmp(&y, &p) < 0 && period_cmp(&p, &y) > 0);
		writers(&y);
	}
}

/* Reads the value a fmt.c string writes: "-1,234.5%" is -1234.5. */
static double
readback(const char *s)
{
	char	 tmp[600];
	size_t	 n = 0;

	for (; *s != '\0' && n < sizeof(tmp) - 1; s++)
		if (*s != ',' && *s != '+')
			tmp[n++] = *s;
	tmp[n] = '\0';
	return strtod(tmp, NULL);
}

/* A sign only before a number that is not zero: never "-0" or "+0.0". */
static bool
signed_ok(const char *s)
{
	if (*s != '-' && *s != '+')
		return true;
	for (s++; (*s >= '0' && *s <= '9') || *s == ',' || *s == '.'; s++)
		if (*s >= '1' && *s <= '9')
			return true;
	return false;
}

/* A finite double from 8 bytes, pulled into fmt.h's range if need be. */
static double
number(const uint8_t *p)
{
	double	 v;

	memcpy(&v, p, sizeof(v));
	if (!isfinite(v))
		v = (double)(int64_t)(p[0] | p[1] << 8) / 100;
	return v;
}

static void
numbers(const uint8_t *p, size_t n)
{
	static const enum unit units[] = { UNIT_COUNT, UNIT_PERCENT,
	    UNIT_RATE10K, UNIT_DAYS, UNIT_WEEKS, UNIT_NUMBER };
	struct buf	 b;
	double		 v, step, got, tol;
	int		 dp;
	size_t		 u;

	buf_init(&b);
	for (; n >= 10; p += 10, n -= 10) {
		v = number(p);
		dp = p[8] % 21;
		u = p[9] % 6;

		buf_reset(&b);
		fmt_num(&b, v, dp, p[9] & 0x80);
		CHECK(strlen(b.data) == b.len && b.len > 0);
		CHECK(signed_ok(b.data));
		if (fabs(v) < 1e15) {
			/* Rounded at dp places on 15 significant digits. */
			got = readback(b.data);
			tol = pow(10, -dp) / 2 + fabs(v) * 1e-14 + 1e-300;
			CHECK(fabs(got - v) <= tol);
		}
		buf_reset(&b);
		fmt_value(&b, v, units[u]);
		CHECK(strlen(b.data) == b.len);
		buf_reset(&b);
		fmt_value_unit(&b, v, units[u]);
		buf_reset(&b);
		fmt_change(&b, v, units[u]);
		CHECK(signed_ok(b.data));
		buf_reset(&b);
		fmt_pct(&b, v);
		buf_reset(&b);
		step = (double)(p[8] & 0x7f) / (double)(1 + (p[9] & 0x3f));
		fmt_axis(&b, v, (p[8] & 0x80) ? -step : step, units[u]);
		CHECK(strlen(b.data) == b.len);
	}
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;
	size_t	 n;

	for (n = 0; n < size && n < 64 && data[n] != 0; n++)
		continue;
	s = xstrndup((const char *)data, n);
	periods(s);
	free(s);
	if (n < size)
		numbers(data + n + 1, size - n - 1);
	return 0;
}
