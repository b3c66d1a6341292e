/*
 * loadbench: reading and checking an input, timed from inside, as
 * `scorecard render` does it before anything is drawn: input_read()
 * (the file from the page cache) and input_load() (for a workbook: zip,
 * XML, the sheet layout and json.c's checks; for JSON: json.c).  Built
 * by `make bench`; used by tests/bench/bench.py.
 *
 * usage: loadbench [-n N] FILE...
 *
 * Loads each FILE N times (default 200) after one warm-up load and
 * prints, per file:
 *   file=F kind=K bytes=B median_ms=M min_ms=L
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "model.h"

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
dcmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One load; returns its time in ms, or -1 if the input is bad. */
static double
load(const char *path, struct diag *d, enum input_kind *k, size_t *len)
{
	struct model	*m;
	struct input	 in;
	double		 t0, t;
	bool		 ok;

	m = model_new();
	t0 = now_ms();
	ok = input_read(&in, path, d) && input_load(m, &in, NULL, d);
	t = now_ms() - t0;
	*k = in.kind;
	*len = in.data.len;
	input_release(&in);
	model_free(m);
	return ok ? t : -1;
}

int
main(int argc, char *argv[])
{
	struct diag	 d;
	enum input_kind	 k;
	double		*t;
	size_t		 len;
	int		 ch, n = 200, i, f;

	while ((ch = getopt(argc, argv, "n:")) != -1)
		switch (ch) {
		case 'n':
			n = atoi(optarg);
			break;
		default:
			goto usage;
		}
	if (optind == argc || n < 1)
		goto usage;
	diag_init(&d, stderr, "loadbench");
	t = calloc((size_t)n, sizeof(*t));
	if (t == NULL)
		return 3;
	for (f = optind; f < argc; f++) {
		if (load(argv[f], &d, &k, &len) < 0)
			return 1;
		for (i = 0; i < n; i++)
			t[i] = load(argv[f], &d, &k, &len);
		qsort(t, (size_t)n, sizeof(*t), dcmp);
		printf("file=%s kind=%s bytes=%zu median_ms=%.3f min_ms=%.3f\n",
		    argv[f], input_ext(k), len, t[n / 2], t[0]);
	}
	free(t);
	return 0;
usage:
	fputs("usage: loadbench [-n N] FILE...\n", stderr);
	return 2;
}
