/*
 * report: one render, end to end.  Loads the input (json), derives the
 * figures, lays out and draws every chart, binds it all into the
 * template's context, and writes the output folder atomically: every
 * file is made in memory and written to a new folder beside the
 * destination, which then replaces the destination in one rename.  A
 * run that fails, at any point, leaves the destination as it was.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>

#include "book.h"
#include "buf.h"
#include "diag.h"

enum report_status {
	REPORT_OK,		/* written (warnings allowed) */
	REPORT_INPUT,		/* the input or template is wrong */
	REPORT_OUTPUT		/* the output could not be written */
};

struct report_opts {
	const char	*input;		/* JSON, workbook or CSV path */
	struct book_opts sheet;		/* report fields for a spreadsheet */
	const char	*outdir;	/* destination folder */
	const char	*template;	/* XHTML template path */
	const char	*assets;	/* folder data-sc-inline may read */
	bool		 pdf;		/* report.pdf and charts/<id>.pdf
					   (the default) */
	const char	*email_template; /* XHTML for report.eml's HTML */
	const char	*mail_from;	/* From: (NULL: a default) */
	const char	*mail_to;	/* To: (NULL: undisclosed recipients) */
	const char	*mail_subject;	/* NULL: "<title>: <period>" */
	bool		 mail_pdf;	/* attach report.pdf to report.eml */
	long long	 mail_date;	/* Date: seconds since the epoch */
	bool		 has_mail_date;	/* else report.published, else
					   SOURCE_DATE_EPOCH, else the day
					   after the period: never the clock */
	const char	*history;	/* an archive: the last report is its
					   latest snapshot before this one
					   (NULL: worked out from the series) */
	bool		 history_optional; /* a missing archive folder is
					   no snapshot, not an error */
	bool		 check_only;	/* report_render(): make everything
					   but the PNG and PDF charts in
					   memory, write nothing */
	bool		 checked;	/* checked so already: the input's
					   and template's warnings are not
					   shown again */
};

/*
 * Renders one input per o, reporting every problem through d.  With
 * o->check_only, does every check a render does (the input, the
 * template filled in memory, the email) and writes nothing: a
 * REPORT_OK then means that a render can fail only in writing.
 */
enum report_status report_render(const struct report_opts *o,
		    struct diag *d);

/*
 * Archives one render: makes everything report_render() makes, plus
 * input.json (the input byte for byte; for a workbook or CSV file, its
 * JSON equivalent, with the file itself kept byte for byte as
 * input.xlsx or input.csv) and MANIFEST.sha256 (sha256sum -c
 * format), as the new folder archive/<period> ("2022-01", "2021-22-Q2"),
 * then rewrites archive/index.html listing every snapshot, newest first.
 * A snapshot is never overwritten: if archive/<period> exists the run
 * fails, unless replace is set, and then the new one is swapped in with
 * one atomic exchange and the old one is renamed <period>.replaced-N.
 * One run at a time (the archive folder is locked).  A failed or
 * interrupted run leaves the period's snapshot in place and whole; a
 * replaced one set aside by a killed run is kept by the next run, and
 * the index is at worst one snapshot behind until then.
 */
enum report_status report_archive(const struct report_opts *o,
		    const char *archive, const char *index_template,
		    bool replace, struct diag *d);

/*
 * Loads input and appends the layout of every chart as text (see
 * scene_dump()) to out, measuring text as 0.6 em a character so that
 * the result does not depend on fonts: the golden test of layout.
 */
enum report_status report_layout(const struct report_opts *o,
		    struct buf *out, struct diag *d);

/*
 * Loads o->input (any kind) and appends its JSON equivalent, in the
 * normal form of jsonout.c, to out.
 */
enum report_status report_convert(const struct report_opts *o,
		    struct buf *out, struct diag *d);

/*
 * Loads o->input (any kind) and writes it as a workbook in the sheet
 * layout to the file path (through a temporary file beside it, renamed
 * into place: a failed run leaves path as it was).
 */
enum report_status report_to_xlsx(const struct report_opts *o,
		    const char *path, struct diag *d);

#endif
