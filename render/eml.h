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
	long long	 date;		/* Date: seconds since the epoch */
	bool		 has_date;	/* else report.published, else
					   SOURCE_DATE_EPOCH, else the day
					   after the period: never the clock */
};

/* The Date: of the email, in seconds since the epoch, by the rule above. */
long long	eml_date(const struct eml_opts *mo, const struct model *m);

/*
 * Adds report.eml to of: the template mo->template (data-sc-inline
 * reading from assets) filled from c, the report as text from m, figs
 * and prev, and every trend chart's PNG already in of (charts/<id>.png,
 * in report order), with report.pdf attached if asked for and in of.
 * Returns false after reporting through d if the template cannot be
 * loaded or filled.
 */
bool		eml_make(const struct eml_opts *mo, const char *assets,
		    const struct model *m, const struct figures *figs,
		    const struct figcounts *prev, const struct tmpl_ctx *c,
		    struct ofiles *of, struct diag *d);

#endif
