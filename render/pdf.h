/*
 * pdf: report.pdf, the agenda pack's copy of the report, typeset by
 * scorecard from the filled template (the same tree as report.html, so
 * that a custom template changes the PDF as it changes the HTML).  A4
 * portrait, tagged (PDF structure tags), with an outline, links, running
 * heads and footers, and each chart drawn as vectors from the same
 * scene as its PNG and SVG.  What the typesetter makes of each element
 * is in scorecard(1), TEMPLATES AND THE PDF.
 *
 * Data flows: report.html's bytes -> tmpl_tree() -> blocks measured
 * with draw -> page (breaks) -> draw (Cairo's PDF surface) -> pdfpost
 * (what Cairo 1.16 cannot write: alt text, language, ...) -> out.
 */
#ifndef PDF_H
#define PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "tmpl.h"

/* The charts of a render, by the name their SVG's ids carry. */
struct pdf_figure {
	char		*name;		/* "cla-count", "x-breakdown" */
	const struct scene *s;		/* the caller's, read only */
};

struct pdf_figures {
	struct pdf_figure *f;
	size_t		 n, max;
};

/* Adds s (not copied: it must outlive pf) under name (copied). */
void	pdf_figures_add(struct pdf_figures *pf, const char *name,
	    const struct scene *s);
void	pdf_figures_release(struct pdf_figures *pf);

struct pdf_meta {
	const char	*subject;	/* NULL: none */
	const char	*date;		/* creation date, "YYYY-MM-DD" */
	void		(*ready)(void *); /* NULL, or called with ready_arg
					   once pdf_typeset()'s out is
					   complete, before it frees what
					   it used */
	void		*ready_arg;
};

/*
 * Typesets report.html, as the tree root that tmpl_render_tree() gives
 * with it, with the charts in pf, in two steps, so that a caller knows
 * early whether the pages fit the limit.  pdf_layout() walks root into
 * blocks and breaks them into pages: a new document, or NULL after
 * reporting through d (more pages or tagged elements than the limits).  root, pf and meta must outlive it.
 * pdf_typeset() draws it, completes it, appends the PDF to out and
 * frees it, on the thread that laid it out (dr's); false after
 * reporting through d.  pdf_doc_free() frees one not typeset.
 */
struct pdf_doc;
struct pdf_doc	*pdf_layout(struct draw *dr, const struct tnode *root,
		    const struct pdf_figures *pf, const struct pdf_meta *meta,
		    struct diag *d);
bool		 pdf_typeset(struct pdf_doc *pd, struct buf *out,
		    struct diag *d);
void		 pdf_doc_free(struct pdf_doc *pd);

#endif
