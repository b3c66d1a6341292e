/*
 * chartfiles: from a chart's scene to its files.  The PNGs are
 * collected at the end, so that their encoding overlaps the layout
 * and drawing of the charts after them; a ticket notes which file each
 * goes to (by index: adding files may move the array).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartfiles.h"
#include "diag.h"
#include "draw.h"
#include "ofiles.h"
#include "pdf.h"
#include "scene.h"
#include "svg.h"
#include "util.h"

void
chartfiles_init(struct chartfiles *ch, const char *ownlabel, bool pdf)
{
	ch->dr = draw_new();
	draw_measure(ch->dr, &ch->ms);
	chart_defaults(&ch->opts);
	ch->opts.ownlabel = ownlabel;
	ch->pdf = pdf;
}

void
chartfiles_release(struct chartfiles *ch)
{
	draw_free(ch->dr);
	pdf_figures_release(&ch->figs);
	free(ch->pend);
	memset(ch, 0, sizeof(*ch));
}

bool
chartfiles_collect(struct chartfiles *ch, struct ofiles *of, struct diag *d)
{
	size_t	 i;
	bool	 ok = true;

	for (i = 0; i < ch->npend; i++)
		if (!draw_png_collect(ch->dr, ch->pend[i].ticket,
		    &of->f[ch->pend[i].file].data, d))
			ok = false;
	ch->npend = 0;
	return ok;
}

bool
chartfiles_emit(struct chartfiles *ch, struct ofiles *of, struct scene *s,
    const char *name, const char *title, const char *desc,
    const char *tableid, struct buf *svg, struct diag *d)
{
	struct buf	 path;
	struct buf	*out;
	int		 ticket;

	buf_init(&path);
	buf_reset(svg);
	svg_write(s, name, title, desc, tableid, svg);
	buf_printf(&path, "charts/%s.svg", name);
	out = ofiles_add(of, path.data);
	buf_put(out, svg->data, svg->len);
	buf_reset(&path);
	buf_printf(&path, "charts/%s.png", name);
	/* Filled in by chartfiles_collect(): the encoding runs meanwhile. */
	ofiles_add(of, path.data);
	if ((ticket = draw_png_start(ch->dr, s, 2, d)) < 0)
		goto fail;
	if (ch->npend == ch->maxpend) {
		ch->maxpend = ch->maxpend == 0 ? 64 : ch->maxpend * 2;
		ch->pend = xreallocarray(ch->pend, ch->maxpend,
		    sizeof(*ch->pend));
	}
	ch->pend[ch->npend].ticket = ticket;
	ch->pend[ch->npend++].file = of->n - 1;
	if (ch->pdf) {
		buf_reset(&path);
		buf_printf(&path, "charts/%s.pdf", name);
		if (!draw_pdf(ch->dr, s, ofiles_add(of, path.data), d))
			goto fail;
		/* Kept for report.pdf; s is left empty. */
		pdf_figures_add(&ch->figs, name, s);
	}
	buf_release(&path);
	return true;
fail:
	buf_release(&path);
	return false;
}
