/*
 * test_svg: the SVG a scene becomes, exactly: lines as H, V or L
 * paths with no fill, a polyline's points relative to the one before
 * and adding up to the rounded absolute points, a run of markers as
 * one path of dots, colours as #RGB where that is the same colour,
 * shared attributes on a <g>, the frame with its title and desc.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "scene.h"
#include "svg.h"

#include "../harness.h"

#define	HEAD	"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " \
		"100 50\" width=\"100\" height=\"50\" role=\"img\" "	\
		"aria-labelledby=\"c-desc\" aria-describedby=\"tbl-c\">\n" \
		"<title id=\"c-title\">T &amp; U</title>\n"		\
		"<desc id=\"c-desc\">D</desc>\n"			\
		"<rect width=\"100%\" height=\"100%\" fill=\"#FFF\"/>\n" \
		"<g font-family=\"" SVG_FONTS "\">\n"
#define	TAIL	"</g>\n</svg>\n"

static char	*got;

static const char *
svg(const struct scene *s)
{
	struct buf	 b;

	free(got);
	buf_init(&b);
	svg_write(s, "c", "T & U", "D", "tbl-c", &b);
	got = buf_detach(&b, NULL);
	buf_release(&b);
	return got;
}

/* Appends a path through n points of xy. */
static void
path(struct scene *s, const double *xy, size_t n, uint32_t stroke,
    double width)
{
	struct sc_item	*it = scene_add(s, SC_PATH, SC_ROLE_SERIES);

	it->pts = malloc(2 * n * sizeof(double));
	memcpy(it->pts, xy, 2 * n * sizeof(double));
	it->npts = n;
	it->stroke = stroke;
	it->width = width;
}

static void
test_lines(void)
{
	struct scene	 s;

	scene_init(&s);
	s.w = 100;
	s.h = 50;
	STR_EQ(svg(&s), HEAD TAIL);
	/* Straight lines as H and V, others as L; never a fill. */
	scene_line(&s, SC_ROLE_TARGET, 36, 320.84, 631, 320.75, 0x3D3D3D, 1.5,
	    SC_DASHED);
	scene_line(&s, SC_ROLE_AXIS, 172.44, 419, 172.4, 424, 0x505A5F, 1,
	    SC_SOLID);
	scene_line(&s, SC_ROLE_SERIES, 593.8, 80.5, 619, 82.5, 0x12436D, 2.25,
	    SC_DOTTED);
	scene_line(&s, SC_ROLE_SERIES, -1, -2.5, -1, -2.5, 0xDDDDDD, 1,
	    SC_DASHDOT);
	STR_EQ(svg(&s), HEAD
	    "<path d=\"M36 320.8H631\" stroke=\"#3D3D3D\" stroke-width=\"1.5\""
	    " stroke-dasharray=\"6 4\"/>\n"
	    "<path d=\"M172.4 419V424\" stroke=\"#505A5F\"/>\n"
	    "<path d=\"M593.8 80.5L619 82.5\" stroke=\"#12436D\" "
	    "stroke-width=\"2.3\" stroke-dasharray=\"0.1 4\" "
	    "stroke-linecap=\"round\"/>\n"
	    "<path d=\"M-1-2.5H-1\" stroke=\"#DDD\" stroke-dasharray=\"8 3 2 3\"/>\n"
	    TAIL);
	scene_release(&s);

	/* Lines alike share their attributes on a <g>. */
	scene_init(&s);
	s.w = 100;
	s.h = 50;
	scene_line(&s, SC_ROLE_GRID, 0, 10, 90, 10, 0xDDDDDD, 1, SC_SOLID);
	scene_line(&s, SC_ROLE_GRID, 0, 20, 90, 20, 0xDDDDDD, 1, SC_SOLID);
	STR_EQ(svg(&s), HEAD "<g stroke=\"#DDD\">\n<path d=\"M0 10H90\"/>\n"
	    "<path d=\"M0 20H90\"/>\n</g>\n" TAIL);
	scene_release(&s);
}

static void
test_polyline(void)
{
	static const double	 xy[] = { 48, 153.74, 73.16, 151.26, 97.6,
	    151.3, 122.8, 136, 122.8, 160.05, 0.04, -0.04 };
	struct scene		 s;

	scene_init(&s);
	s.w = 100;
	s.h = 50;
	/* Each point from the rounded one before: no drift, "-" parts. */
	path(&s, xy, 6, 0x12436D, 3);
	s.items[0].fill = SC_NONE;
	STR_EQ(svg(&s), HEAD "<path d=\"M48 153.7l25.2-2.4 24.4 0 25.2-15.3 "
	    "0 24.1-122.8-160.1\" fill=\"none\" stroke=\"#12436D\" "
	    "stroke-width=\"3\"/>\n" TAIL);
	/* A polyline has an inside: its fill is written. */
	s.items[0].fill = 0xFFCC00;
	STR_EQ(svg(&s), HEAD "<path d=\"M48 153.7l25.2-2.4 24.4 0 25.2-15.3 "
	    "0 24.1-122.8-160.1\" fill=\"#FC0\" stroke=\"#12436D\" "
	    "stroke-width=\"3\"/>\n" TAIL);
	scene_release(&s);
}

static void
test_marks(void)
{
	struct scene	 s;

	scene_init(&s);
	s.w = 100;
	s.h = 50;
	scene_circle(&s, 48, 153.7, 3, SC_NONE, 0x12436D, 0);
	scene_circle(&s, 73.2, 151.3, 3, SC_NONE, 0x12436D, 0);
	scene_circle(&s, 70, 160, 3, SC_NONE, 0x12436D, 0);
	/* A mark of another kind ends the run and is a circle. */
	scene_circle(&s, 619, 82.5, 4, 0x12436D, 0xFFFFFF, 2);
	STR_EQ(svg(&s), HEAD "<path d=\"M48 153.7h0m25.2-2.4h0m-3.2 8.7h0\" "
	    "stroke=\"#12436D\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n"
	    "<circle cx=\"619\" cy=\"82.5\" r=\"4\" fill=\"#FFF\" "
	    "stroke=\"#12436D\" stroke-width=\"2\"/>\n" TAIL);
	scene_release(&s);
}

static void
test_colours(void)
{
	struct scene	 s;

	scene_init(&s);
	s.w = 100;
	s.h = 50;
	scene_rect(&s, SC_ROLE_BAND, 0, 0, 10, 5, 0xFCE8DA);
	scene_rect(&s, SC_ROLE_BAR, 0, 5, 10, 5, 0x001100);
	scene_rect(&s, SC_ROLE_BAR, 0, 10, 10, 5, 0x000000);
	scene_text(&s, SC_ROLE_LABEL, 1, 2, SC_START, 14, true, 0xAABBCC,
	    "a<b");
	scene_text(&s, SC_ROLE_LABEL, 1, 2, SC_MIDDLE, 13, false, 0, "c");
	STR_EQ(svg(&s), HEAD
	    "<rect x=\"0\" y=\"0\" width=\"10\" height=\"5\" fill=\"#FCE8DA\"/>\n"
	    "<rect x=\"0\" y=\"5\" width=\"10\" height=\"5\" fill=\"#010\"/>\n"
	    "<rect x=\"0\" y=\"10\" width=\"10\" height=\"5\" fill=\"#000\"/>\n"
	    "<text x=\"1\" y=\"2\" font-size=\"14\" font-weight=\"bold\" "
	    "fill=\"#ABC\">a&lt;b</text>\n"
	    "<text x=\"1\" y=\"2\" font-size=\"13\" text-anchor=\"middle\">c"
	    "</text>\n" TAIL);
	scene_release(&s);
}

int
main(void)
{
	test_lines();
	test_polyline();
	test_marks();
	test_colours();
	free(got);
	return harness_done();
}
