/*
 * pdfpost: what Cairo 1.16 cannot write into a tagged PDF, added with
 * libqpdf (the only module that includes qpdf's headers, and zlib's,
 * which compresses the page contents it rewrites): the document
 * language, a Figure's alternative text, the title shown in the window
 * title, the tab order of pages with links, the scope of table header
 * cells, well-formed dates, and content marked as an artifact (running
 * heads, repeated table headers) taken out of the structure tree, and
 * the document's XMP metadata (title, author, subject, language, dates),
 * which PDF/UA asks for beside the Info dictionary.
 * Writes with a deterministic /ID, so that the same input gives the
 * same bytes.
 */
#ifndef PDFPOST_H
#define PDFPOST_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct pdfpost {
	const char	*lang;		/* "en-GB" */
	const char	*title;		/* for the XMP metadata (or NULL) */
	const char	*author;
	const char	*subject;
	const char	*date;		/* "YYYY-MM-DD": CreationDate */
	const char *const *alts;	/* each Figure's alt, in order */
	size_t		 nalts;
	const char	*links;		/* each link annotation's text, in
					   order, NUL after each */
	size_t		 linkslen;	/* bytes */
	/* Called (unless NULL) with ready_arg once out holds the whole
	   file, before qpdf's memory is freed, which takes a while: a
	   caller waiting for the file can go on meanwhile. */
	void		(*ready)(void *);
	void		*ready_arg;
};

/*
 * Appends in (len bytes of Cairo's PDF) with p's additions to out.
 * Returns false after reporting through d.
 */
bool	pdfpost_fix(const char *in, size_t len, const struct pdfpost *p,
	    struct buf *out, struct diag *d);

#endif
