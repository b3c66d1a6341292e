/*
 * chartbench: scorecard's own chart path in a loop, timed from inside,
 * as the peers' batch scripts time their render loops.  Built by
 * `make bench` against render/libscorecard.a; used by tests/bench/bench.py.
 *
 * usage: chartbench -f png|svg|layout [-s SCALE] [-o DIR] FILE.json
 *
 * Loads FILE.json exactly as `scorecard render` does (json_load,
 * model_suppress, figures_compute), then for every indicator with a
 * trend chart: chart_trend() (layout, text measured with Pango) and
 *   png:    draw_png() at SCALE (default 2, as the render writes): Cairo
 *           raster + libpng encode
 *   svg:    svg_write() (text as <text>)
 *   layout: nothing more
 * writing DIR/<id>.png or .svg when -o is given (as the peers write their
 * files).  The loop timer covers the first chart too (font loading), like
 * the peers' loop timers.  Prints to stderr:
 *   charts=N loop_ms=T per_chart_ms=T/N layout_ms=L output_ms=O
 *   write_ms=W first_ms=F load_ms=J bytes=B
 * (per chart: L layout, O drawing and encoding into memory, W writing the
 * file; F: the first chart, all in; J: reading and checking the JSON).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "figures.h"
#include "json.h"
#include "model.h"
#include "svg.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
usage(void)
{
	fputs("usage: chartbench -f png|svg|layout [-s SCALE] [-o DIR] "
	    "FILE.json\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct model	*m;
	struct diag	 d;
	struct draw	*dr;
	struct measure	 ms;
	struct chart_opts opts;
	struct figures	 f;
	struct scene	 s;
	struct buf	 out, path;
	const char	*fmt = "png", *outdir = NULL;
	double		 scale = 2, t0, t1, t2, t3, tl = 0, to = 0, tw = 0;
	double		 first = 0;
	double		 tload, tloop;
	size_t		 i, n = 0, bytes = 0;
	int		 ch;
	FILE		*fp;

	while ((ch = getopt(argc, argv, "f:s:o:")) != -1)
		switch (ch) {
		case 'f':
			fmt = optarg;
			break;
		case 's':
			scale = atof(optarg);
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			usage();
		}
	if (optind != argc - 1 || (strcmp(fmt, "png") != 0 &&
	    strcmp(fmt, "svg") != 0 && strcmp(fmt, "layout") != 0))
		usage();

	diag_init(&d, stderr, "chartbench");
	t0 = now_ms();
	m = model_new();
	if (!json_load(m, argv[optind], &d))
		return 1;
	model_suppress(m);
	tload = now_ms() - t0;

	t0 = now_ms();
	dr = draw_new();
	draw_measure(dr, &ms);
	chart_defaults(&opts);
	opts.ownlabel = m->report.organisation;
	buf_init(&out);
	buf_init(&path);
	scene_init(&s);
	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];

		t1 = now_ms();
		figures_compute(ind, &f);
		if (!chart_trend(&s, m, ind, &f, &ms, &opts))
			continue;
		t2 = now_ms();
		tl += t2 - t1;
		buf_reset(&out);
		if (strcmp(fmt, "png") == 0) {
			if (!draw_png(dr, &s, scale, NULL, &out, &d))
				return 1;
		} else if (strcmp(fmt, "svg") == 0)
			svg_write(&s, ind->id, ind->title, "A line chart.",
			    NULL, &out);
		t3 = now_ms();
		to += t3 - t2;
		if (outdir != NULL && out.len > 0) {
			buf_reset(&path);
			buf_printf(&path, "%s/%s.%s", outdir, ind->id, fmt);
			if ((fp = fopen(path.data, "wb")) == NULL ||
			    fwrite(out.data, 1, out.len, fp) != out.len ||
			    fclose(fp) != 0) {
				perror(path.data);
				return 1;
			}
		}
		scene_release(&s);
		tw += now_ms() - t3;
		bytes += out.len;
		if (n++ == 0)
			first = now_ms() - t0;
	}
	tloop = now_ms() - t0;
	if (n == 0) {
		fputs("chartbench: no trend chart in the input\n", stderr);
		return 1;
	}
	fprintf(stderr, "charts=%zu loop_ms=%.3f per_chart_ms=%.4f "
	    "layout_ms=%.4f output_ms=%.4f write_ms=%.4f first_ms=%.3f "
	    "load_ms=%.3f bytes=%zu\n", n, tloop, tloop / n, tl / n, to / n,
	    tw / n, first, tload, bytes);
	buf_release(&out);
	buf_release(&path);
	draw_free(dr);
	model_free(m);
	draw_cleanup();
	return 0;
}
