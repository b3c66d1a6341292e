/*
 * eml: report.eml's assembly.  Fills the email template from the same
 * context as the report, writes the report as plain text (words.c),
 * gathers each trend chart's PNG as a part, and works out the headers
 * (From, To, Subject, Date, Message-ID) when they are not given; then
 * mail.c writes the MIME.  The Date rule is also the PDF's creation
 * date (eml_date()).
 */
#ifndef EML_H
#define EML_H

#include <stdbool.h>

#include "diag.h"
#include "figures.h"
#include "model.h"
#include "ofiles.h"
#include "tmpl.h"

/* What the command line says of report.eml. */
struct eml_opts {
	const char	*template;	/* XHTML for its HTML (NULL: no
					   report.eml) */
	const char	*from;		/* From: (NULL: a default) */
	const char	*to;		/* To: (NULL: undisclosed recipients) */
	const char	*subject;	/* NULL: "<title>: <period>" */
	bool		 attach_pdf;	/* attach report.pdf, if made */
	bool		 no_charts;	/* leave the charts' PNGs out */
	const char	*link;		/* where report.html is published
					   (http or https, no #): linked
					   to, and each chart left out to
					   its indicator there (NULL:
					   none; see eml_check_link()) */
	size_t		 limit;		/* warn of a message above this
					   many bytes (0: EML_LIMIT) */
	long long	 date;		/* Date: seconds since the epoch */
	bool		 has_date;	/* else report.published, else
					   SOURCE_DATE_EPOCH, else the day
					   after the period: never the clock */
};

/*
 * The size above which report.eml gets a warning unless the command line
 * says another: Exchange Server's default limit (10 MB), the lowest of
 * the common ones (Gmail and Outlook.com take 25 and 20 MB, Exchange
 * Online 35 MB, each counting the base64 the images are sent in).
 */
#define	EML_LIMIT	(10u * 1000 * 1000)

/*
 * Returns NULL if url may be the report's address (--mail-link): http://
 * or https:// and a host, printable ASCII with no space, quote, < or >,
 * no # (the email adds #ind-<id> for each indicator), at most 2000
 * bytes; else what was expected ("expected ...").
 */
const char	*eml_check_link(const char *url);

/* The Date: of the email, in seconds since the epoch, by the rule above. */
long long	eml_date(const struct eml_opts *mo, const struct model *m);

/*
 * Adds report.eml to of: the template mo->template (data-sc-inline
 * reading from assets) filled from c, the report as text from m, figs
 * and prev, and every trend chart's PNG already in of (charts/<id>.png,
 * in report order, unless mo->no_charts), with report.pdf attached if
 * asked for and in of.  Adds the email's keys to c first: report_url
 * (mo->link) at the top, and on each item of sections' indicators that
 * has chart_cid, chart_left_out (mo->no_charts) and chart_url (its
 * anchor at mo->link).  Warns through d, naming what makes it big and
 * what to do, of a message above mo->limit.  Returns false after
 * reporting through d if the template cannot be loaded or filled.
 */
bool		eml_make(const struct eml_opts *mo, const char *assets,
		    const struct model *m, const struct figures *figs,
		    const struct figcounts *prev, struct tmpl_ctx *c,
		    struct ofiles *of, struct diag *d);

#endif
