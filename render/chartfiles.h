/*
 * chartfiles: a render's chart files.  Each chart's scene becomes
 * charts/<name>.svg (the same SVG goes inline in the report),
 * charts/<name>.png (encoded on draw's second thread while the next
 * chart is laid out) and, with pdf, charts/<name>.pdf, whose scene is
 * kept for report.pdf.
 */
#ifndef CHARTFILES_H
#define CHARTFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "ofiles.h"
#include "pdf.h"
#include "scene.h"

/*
 * The drawing state of one render.  Zero it, then chartfiles_init();
 * chartfiles_release() frees it (also when zeroed only).
 */
struct chartfiles {
	struct draw	*dr;
	struct measure	 ms;
	struct chart_opts opts;
	bool		 pdf;
	struct pdf_figures figs;	/* every scene, for report.pdf */
	/* PNGs being encoded: the draw ticket and the file it goes to. */
	struct pending {
		int	 ticket;
		size_t	 file;		/* index into the ofiles */
	}		*pend;
	size_t		 npend, maxpend;
};

/*
 * Starts drawing: a drawing context, its measure, the default chart
 * options with ownlabel (the authority's series label).
 */
void	chartfiles_init(struct chartfiles *ch, const char *ownlabel,
	    bool pdf);
void	chartfiles_release(struct chartfiles *ch);

/*
 * Draws scene s as charts/<name>.{png,svg[,pdf]} into of, and sets svg
 * to the SVG (title, desc and tableid as svg_write() takes them).  The
 * PNG's file is empty until chartfiles_collect().  With ch->pdf, s is
 * left empty (its items kept for report.pdf).  Returns false after
 * reporting through d.
 */
bool	chartfiles_emit(struct chartfiles *ch, struct ofiles *of,
	    struct scene *s, const char *name, const char *title,
	    const char *desc, const char *tableid, struct buf *svg,
	    struct diag *d);

/*
 * Puts every PNG still being encoded into its file.  Returns false
 * after reporting through d.
 */
bool	chartfiles_collect(struct chartfiles *ch, struct ofiles *of,
	    struct diag *d);

#endif
