/*
 * drawpng: charts as PNG.  PNG is encoded by pngenc.c, not by Cairo's
 * writer or libpng: see pngenc.h for why.  Drawing and encoding run on
 * the caller's thread, one chart after the other: a render draws its
 * charts on a worker thread of their own (worker.h, chartfiles.c).  The
 * pHYs chunk gives the physical size: 96 CSS pixels an inch, times the
 * scale.
 */
#define _DEFAULT_SOURCE		/* madvise() */
#include <sys/mman.h>

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "buf.h"
#include "scene.h"
#include "diag.h"
#include "draw.h"
#include "draw-int.h"
#include "pngenc.h"
#include "util.h"

/*
 * A pixel buffer.  On Linux, in 2 MiB huge pages where the kernel
 * allows them (transparent_hugepage "madvise", Debian's default): a
 * 1600x900 chart is 1,400 pages of 4 KiB, each a page fault on first
 * touch, and in a virtual machine a fault costs microseconds (perf:
 * these faults were a tenth of a report's time).
 */
static unsigned char *
pixels_alloc(size_t n)
{
	void	*p;

#ifdef MADV_HUGEPAGE
	if (n >= HUGEPAGE && posix_memalign(&p, HUGEPAGE, n) == 0) {
		(void)madvise(p, n, MADV_HUGEPAGE);
		return p;
	}
#endif
	p = xmalloc(n);
	return p;
}

bool
draw_png(struct draw *dr, const struct scene *s, double scale,
    struct buf *out, struct diag *d)
{
	cairo_surface_t	*surf;
	cairo_t		*cr;
	size_t		 need;
	int		 w, h, stride;

	w = (int)ceil(s->w * scale);
	h = (int)ceil(s->h * scale);
	if (w < 1 || h < 1 || w > 8000 || h > 8000) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0,
		    "chart of %dx%d pixels is out of range", w, h);
		return false;
	}
	stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
	need = (size_t)stride * (size_t)h;
	if (need > dr->pixcap) {
		free(dr->pix);
		dr->pix = pixels_alloc(need);
		dr->pixcap = need;
	}
	surf = cairo_image_surface_create_for_data(dr->pix,
	    CAIRO_FORMAT_RGB24, w, h, stride);
	cr = cairo_create(surf);
	cairo_scale(cr, scale, scale);
	draw_scene(dr, cr, s, true, false);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot draw chart: %s",
		    cairo_status_to_string(cairo_status(cr)));
		cairo_destroy(cr);
		cairo_surface_destroy(surf);
		return false;
	}
	cairo_surface_flush(surf);
	cairo_destroy(cr);
	cairo_surface_destroy(surf);
	/* 96 CSS px an inch, times the scale: pixels per metre. */
	if (!pngenc_rgb(dr->pix, w, h, (size_t)stride,
	    (uint32_t)lround(96.0 * scale / 0.0254), out)) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot encode PNG");
		return false;
	}
	return true;
}
