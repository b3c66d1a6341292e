/*
 * draw: the Cairo backend.  A scene is drawn item by item in order; the
 * scene has already decided every position, colour and word, so this
 * file only translates.  Text goes through one Pango context (created
 * once per struct draw, as Pango wants one font map per thread) with
 * metrics hinting off, so that the widths layout measured are the widths
 * drawn.
 *
 * The module is four files sharing draw-int.h: here the context, the
 * measure of words (with its cache), scenes drawn on a Cairo surface and
 * a chart's one-page PDF; drawpng.c the PNGs (encoded by pngenc.c on a
 * second thread); drawtext.c the texts of documents; drawdoc.c the
 * documents (report.pdf's pages, tags, links and outline).  Bytes go to a
 * buf; only outdir.c writes files.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "scene.h"
#include "diag.h"
#include "draw.h"
#include "draw-int.h"
#include "util.h"

struct draw *
draw_new(void)
{
	struct draw		*dr;
	cairo_font_options_t	*fo;
	PangoAttrList		*al;

	dr = xcalloc(1, sizeof(*dr));
	dr->fm = pango_cairo_font_map_new();
	dr->ctx = pango_font_map_create_context(dr->fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(dr->ctx, fo);
	dr->tctx = pango_font_map_create_context(dr->fm);
	pango_cairo_context_set_font_options(dr->tctx, fo);
	cairo_font_options_destroy(fo);
	/*
	 * A chart's words are measured here and drawn two ways: by this
	 * context's layout (text that is not simple) and by drawtext.c's
	 * glyphs (simple text, in PNGs and PDFs alike: see tbatch_add()),
	 * which places each glyph at its font's advance.  So that measure
	 * and drawing give one width, Pango neither rounds positions to
	 * whole pixels nor kerns nor makes ligatures here ("iii" was 9 px
	 * measured, 10 drawn; "AV" 17 and 16.4).  Documents' texts (tctx)
	 * keep kerning: they are measured and drawn by the one layout.
	 */
	pango_context_set_round_glyph_positions(dr->ctx, FALSE);
	dr->layout = pango_layout_new(dr->ctx);
	al = pango_attr_list_new();
	pango_attr_list_insert(al, pango_attr_font_features_new(
	    "kern 0, liga 0"));
	pango_layout_set_attributes(dr->layout, al);
	pango_attr_list_unref(al);
	pthread_mutex_init(&dr->lock, NULL);
	pthread_cond_init(&dr->work, NULL);
	pthread_cond_init(&dr->done, NULL);
	dr->regular = pango_font_description_from_string(DRAW_FONT);
	dr->bold = pango_font_description_copy(dr->regular);
	pango_font_description_set_weight(dr->bold, PANGO_WEIGHT_BOLD);
	return dr;
}

void
draw_free(struct draw *dr)
{
	if (dr == NULL)
		return;
	for (size_t i = 0; i < dr->cap; i++)
		free(dr->cache[i].text);
	free(dr->cache);
	for (size_t i = 0; i < dr->nsfonts; i++) {
		if (dr->sfonts[i]->font != NULL)
			g_object_unref(dr->sfonts[i]->font);
		else
			cairo_scaled_font_destroy(dr->sfonts[i]->sf);
		free(dr->sfonts[i]->lut);
		free(dr->sfonts[i]);
	}
	free(dr->sfonts);
	pango_font_description_free(dr->regular);
	pango_font_description_free(dr->bold);
	g_object_unref(dr->layout);
	g_object_unref(dr->ctx);
	g_object_unref(dr->tctx);
	g_object_unref(dr->fm);
	if (dr->threaded) {
		pthread_mutex_lock(&dr->lock);
		dr->quit = true;
		pthread_cond_signal(&dr->work);
		pthread_mutex_unlock(&dr->lock);
		pthread_join(dr->thread, NULL);
	}
	pthread_mutex_destroy(&dr->lock);
	pthread_cond_destroy(&dr->work);
	pthread_cond_destroy(&dr->done);
	for (size_t i = 0; i < dr->njobs; i++)
		buf_release(&dr->jobs[i].out);
	free(dr->jobs);
	free(dr->pix[0].data);
	free(dr->pix[1].data);
	free(dr);
}

void
draw_cleanup(void)
{
	/*
	 * Only for leak checkers (SCORECARD_LEAK_CHECK set): freeing
	 * Cairo's and fontconfig's static data asserts that no font is still
	 * alive, and Pango 1.50 loads fonts on a thread of its own, so in a
	 * normal run this could abort a render that has already succeeded
	 * (seen once in the tests).  The process is exiting anyway.
	 */
	if (getenv("SCORECARD_LEAK_CHECK") == NULL)
		return;
	cairo_debug_reset_static_data();
	FcFini();
}

/* Sets the layout to text at size px; returns the layout. */
static PangoLayout *
setup(struct draw *dr, const char *s, double size, bool bold)
{
	PangoFontDescription	*fd = bold ? dr->bold : dr->regular;

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(dr->layout, fd);
	pango_layout_set_text(dr->layout, s, -1);
	return dr->layout;
}

static size_t
whash(const char *s, double size, bool bold)
{
	size_t	 h = 1469598103934665603u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	h = (h ^ (size_t)(size * 16)) * 1099511628211u;
	return (h ^ (bold ? 1u : 2u)) * 1099511628211u;
}

static struct wentry *
wfind(struct wentry *t, size_t cap, const char *s, double size, bool bold)
{
	size_t	 i = whash(s, size, bold) & (cap - 1);

	while (t[i].text != NULL && (t[i].size != size ||
	    t[i].bold != bold || strcmp(t[i].text, s) != 0))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

double
draw_measure_width(void *arg, const char *s, double size, bool bold)
{
	struct draw	*dr = arg;
	struct wentry	*e, *old;
	PangoRectangle	 logical;
	size_t		 i, oldcap;

	if (dr->used * 2 >= dr->cap) {
		old = dr->cache;
		oldcap = dr->cap;
		dr->cap = oldcap == 0 ? 256 : oldcap * 2;
		dr->cache = xcalloc(dr->cap, sizeof(*dr->cache));
		for (i = 0; i < oldcap; i++)
			if (old[i].text != NULL)
				*wfind(dr->cache, dr->cap, old[i].text,
				    old[i].size, old[i].bold) = old[i];
		free(old);
	}
	e = wfind(dr->cache, dr->cap, s, size, bold);
	if (e->text != NULL)
		return e->width;
	pango_layout_get_extents(setup(dr, s, size, bold), NULL, &logical);
	e->text = xstrdup(s);
	e->size = size;
	e->bold = bold;
	e->width = (double)logical.width / PANGO_SCALE;
	dr->used++;
	return e->width;
}

void
draw_measure(struct draw *dr, struct measure *ms)
{
	ms->arg = dr;
	ms->width = draw_measure_width;
}

void
draw_colour(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, (c >> 16 & 0xFF) / 255.0,
	    (c >> 8 & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

/* Sets the dash of d, its lengths times k. */
static void
dash(cairo_t *cr, enum sc_dash d, double k)
{
	static const double dashed[] = { 6, 4 };
	static const double dotted[] = { 0.1, 4 };
	static const double dashdot[] = { 8, 3, 2, 3 };
	const double	*v = NULL;
	double		 sv[4];
	int		 n = 0, i;

	switch (d) {
	case SC_SOLID:
		break;
	case SC_DASHED:
		v = dashed;
		n = 2;
		break;
	case SC_DOTTED:
		v = dotted;
		n = 2;
		break;
	case SC_DASHDOT:
		v = dashdot;
		n = 4;
		break;
	}
	for (i = 0; i < n; i++)
		sv[i] = v[i] * k;
	cairo_set_dash(cr, n > 0 ? sv : NULL, n, 0);
	cairo_set_line_cap(cr, d == SC_DOTTED ? CAIRO_LINE_CAP_ROUND :
	    CAIRO_LINE_CAP_BUTT);
}

/*
 * Fills and strokes the path of it.  With vector, for a PDF, a stroke
 * under a uniform scale is made in device space, its width and dashes
 * scaled instead: the same stroke, but Cairo's PDF surface then writes
 * it without a "q ... cm ... Q" of its own around each (a matrix of six
 * numbers printed, a tenth of a chart's PDF).
 */
static void
fill_stroke(cairo_t *cr, const struct sc_item *it, bool vector)
{
	cairo_matrix_t	 m;
	double		 k = 1;

	if (it->fill != SC_NONE) {
		draw_colour(cr, it->fill);
		if (it->stroke != SC_NONE)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (it->stroke != SC_NONE) {
		draw_colour(cr, it->stroke);
		cairo_get_matrix(cr, &m);
		vector = vector && m.xy == 0 && m.yx == 0 && m.xx == m.yy &&
		    m.xx > 0;
		if (vector) {
			k = m.xx;
			/* The path is held in device space already. */
			cairo_identity_matrix(cr);
		}
		cairo_set_line_width(cr, it->width * k);
		dash(cr, it->dash, k);
		cairo_stroke(cr);
		if (vector)
			cairo_set_matrix(cr, &m);
	}
	cairo_new_path(cr);
}

/*
 * Whether b, drawn right after a, may join a's path in a PDF: one
 * "S" or "f" for both instead of one each.  Cairo's PDF surface has a
 * cost for each drawing operation, recorded, analysed and written
 * (several times that of a short line's numbers), and a chart's
 * gridlines, ticks and marks come in runs of one style.  Only
 * shapes of one paint, stroked or filled but not both (so that no
 * fill comes to lie over another's stroke); of fills, only circles,
 * all drawn in one direction, so that overlapping ones are their
 * union under the nonzero rule, as when filled one by one.  A stroke
 * of several subpaths is the strokes of each: dashes and caps start
 * again at each subpath, in Cairo and in PDF alike.  The colours are
 * opaque, so a shape painted once or twice over itself looks the same.
 */
static bool
joins(const struct sc_item *a, const struct sc_item *b)
{
	if (a->kind == SC_TEXT || b->kind == SC_TEXT ||
	    (b->kind == SC_PATH && b->npts < 2) ||
	    a->fill != b->fill || a->stroke != b->stroke)
		return false;
	if (a->fill != SC_NONE)
		return a->stroke == SC_NONE && a->kind == SC_CIRCLE &&
		    b->kind == SC_CIRCLE;
	return a->stroke != SC_NONE && a->width == b->width &&
	    a->dash == b->dash;
}

/*
 * A chart's texts waiting to be shown: the glyphs of a run of texts in
 * one font and colour (a chart's tick labels, the lines of a legend's
 * label), given to Cairo in one call.  Simple text (drawtext.c) is set
 * from the font's own glyphs and advances, in a PNG as in a PDF: Pango's
 * layout of each label, for a PNG, was a seventh of a chart's drawing,
 * and the two now place every glyph alike.  Like a stroke, each call
 * costs Cairo's PDF surface more than the words in it; the page says the
 * same (Cairo writes consecutive texts in one font into one BT ... ET,
 * each moved to its place, whether they came in one call or several),
 * and each glyph keeps its own character for a reader's copy and search.
 */
struct tbatch {
	cairo_scaled_font_t	*sf;
	uint32_t		 colour;
	struct buf		 utf8;		/* the glyphs' characters */
	cairo_glyph_t		*g;
	cairo_text_cluster_t	*c;		/* one a glyph */
	size_t			 n, max;
};

/* Shows the glyphs held in b, if any, and empties it. */
static void
tbatch_flush(cairo_t *cr, struct tbatch *b)
{
	if (b->n == 0)
		return;
	draw_colour(cr, b->colour);
	cairo_set_scaled_font(cr, b->sf);
	cairo_show_text_glyphs(cr, b->utf8.data, (int)b->utf8.len, b->g,
	    (int)b->n, b->c, (int)b->n, 0);
	b->n = 0;
	buf_reset(&b->utf8);
}

/*
 * Adds the glyphs of text item it to b, as simple() sets them, on its
 * baseline with its start, middle or end at its anchor, showing what b
 * held first when its font or colour differs; returns false, having
 * added nothing, when it is not simple text (see drawtext.c) and so
 * left to Pango.
 */
static bool
tbatch_add(struct draw *dr, cairo_t *cr, struct tbatch *b,
    const struct sc_item *it)
{
	struct draw_span	 sp;
	struct draw_text	*t;
	const struct srun	*r;
	uint32_t		 colour = it->fill == SC_NONE ? 0 : it->fill;
	double			 x = it->x;

	if (strchr(it->text, '\n') != NULL)
		return false;
	memset(&sp, 0, sizeof(sp));
	sp.end = strlen(it->text);
	sp.bold = it->bold;
	t = draw_text_new(dr, it->text, &sp, 1, it->size, -1, DRAW_LEFT);
	if (!t->simple) {
		draw_text_free(t);
		return false;
	}
	if (it->anchor == SC_MIDDLE)
		x -= t->width / 2;
	else if (it->anchor == SC_END)
		x -= t->width;
	for (size_t k = 0; k < t->nruns; k++) {
		r = &t->runs[k];
		if (r->ng == 0)
			continue;
		if (b->n > 0 && (b->sf != r->font->sf || b->colour != colour))
			tbatch_flush(cr, b);
		b->sf = r->font->sf;
		b->colour = colour;
		if (b->n + r->ng > b->max) {
			b->max = (b->n + r->ng) * 2;
			b->g = xreallocarray(b->g, b->max, sizeof(*b->g));
			b->c = xreallocarray(b->c, b->max, sizeof(*b->c));
		}
		draw_text_glyphs(t, r, x, it->y, b->g + b->n, b->c + b->n);
		buf_put(&b->utf8, t->text + r->start, r->end - r->start);
		b->n += r->ng;
	}
	draw_text_free(t);
	return true;
}

void
draw_scene(struct draw *dr, cairo_t *cr, const struct scene *s, bool paint,
    bool vector)
{
	const struct sc_item	*it;
	PangoLayout		*l;
	PangoRectangle		 logical;
	struct tbatch		 tb;
	size_t			 i, j;
	double			 x;

	if (paint) {
		draw_colour(cr, 0xFFFFFF);
		cairo_paint(cr);
	}
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	/*
	 * The context keeps the identity matrix it was measured with:
	 * no pango_cairo_update_context(cr) or _update_layout().  Pango
	 * sizes the box it draws for a character no font has (its hex
	 * code) by the device scale, so a layout made for cr's matrix set
	 * an emoji 12 px wide measured 7 px in a PNG (x2) and 15 px in a
	 * PDF (x0.75), and a label laid out to fit ran off the chart.
	 * Cairo still renders the glyphs for cr's own matrix, and with
	 * metrics unhinted nothing else depends on it.
	 */
	memset(&tb, 0, sizeof(tb));
	buf_init(&tb.utf8);
	for (i = 0; i < s->n; i++) {
		it = &s->items[i];
		if (it->kind == SC_TEXT && tbatch_add(dr, cr, &tb, it))
			continue;
		tbatch_flush(cr, &tb);
		switch (it->kind) {
		case SC_PATH:
			if (it->npts < 2)
				continue;
			cairo_move_to(cr, it->pts[0], it->pts[1]);
			for (j = 1; j < it->npts; j++)
				cairo_line_to(cr, it->pts[2 * j],
				    it->pts[2 * j + 1]);
			break;
		case SC_RECT:
			cairo_rectangle(cr, it->x, it->y, it->w, it->h);
			break;
		case SC_CIRCLE:
			cairo_new_sub_path(cr);
			cairo_arc(cr, it->x, it->y, it->r, 0, 2 * 3.14159265358979323846);
			break;
		case SC_TEXT:
			/* Not simple text: Pango's. */
			draw_colour(cr, it->fill == SC_NONE ? 0 : it->fill);
			l = setup(dr, it->text, it->size, it->bold);
			pango_layout_get_extents(l, NULL, &logical);
			x = it->x;
			switch (it->anchor) {
			case SC_START:
				break;
			case SC_MIDDLE:
				x -= (double)logical.width / PANGO_SCALE / 2;
				break;
			case SC_END:
				x -= (double)logical.width / PANGO_SCALE;
				break;
			}
			cairo_move_to(cr, x, it->y -
			    (double)pango_layout_get_baseline(l) / PANGO_SCALE);
			pango_cairo_show_layout(cr, l);
			cairo_new_path(cr);
			continue;
		}
		/* A shape: painted now, or with the next in a PDF. */
		if (!vector || i + 1 == s->n || !joins(it, &s->items[i + 1]))
			fill_stroke(cr, it, vector);
	}
	tbatch_flush(cr, &tb);
	buf_release(&tb.utf8);
	free(tb.g);
	free(tb.c);
}

cairo_status_t
draw_tobuf(void *arg, const unsigned char *data, unsigned int len)
{
	buf_put(arg, data, len);
	return CAIRO_STATUS_SUCCESS;
}

bool
draw_pdf(struct draw *dr, const struct scene *s, const char *file,
    struct buf *out, struct diag *d)
{
	cairo_surface_t	*surf;
	cairo_t		*cr;
	cairo_status_t	 st;

	surf = cairo_pdf_surface_create_for_stream(draw_tobuf, out, s->w * 0.75,
	    s->h * 0.75);
	/* Cairo 1.16 ignores SOURCE_DATE_EPOCH: fix the date ourselves. */
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
	    "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
	    "scorecard");
	cr = cairo_create(surf);
	cairo_scale(cr, 0.75, 0.75);
	draw_scene(dr, cr, s, true, true);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_out(d, DIAG_ERROR, file, "cannot write PDF: %s",
		    cairo_status_to_string(st));
		return false;
	}
	return true;
}
