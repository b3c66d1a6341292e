/*
 * report: one render, end to end.  Loads the input (any kind), derives
 * the figures, lays out and draws every chart, binds it all into the
 * template's context, fills the templates, and writes the output
 * folder atomically (outdir.c): every file is made in memory and
 * written to a new folder beside the destination, which then replaces
 * the destination in one rename.  A run that fails, at any point,
 * leaves the destination as it was.  Also the options every command
 * shares, and the status they all return.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "eml.h"
#include "input.h"
#include "model.h"
#include "ofiles.h"

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
	struct eml_opts	 mail;		/* report.eml (mail.template NULL:
					   none) */
	const char	*history;	/* an archive: the last report is its
					   latest snapshot before this one
					   (NULL: worked out from the series) */
	bool		 history_optional; /* a missing archive folder is
					   no snapshot, not an error */
	const char	*stage;		/* report_render() for batch.c: write
					   the files into this new folder
					   (see outdir_stage()), not in
					   place of outdir */
};

/*
 * Renders one input per o, reporting every problem through d, and puts
 * it in place of o->outdir (or, with o->stage, only writes it there).
 */
enum report_status report_render(const struct report_opts *o,
		    struct diag *d);

/*
 * Makes every file of a render into of, in memory, from the input in,
 * read once by the caller (so that what the archive keeps is what it
 * rendered): the checks, the template filled, the charts, report.pdf
 * and report.eml as o asks.  On success m holds the model, and equiv,
 * if not NULL, the input's JSON equivalent (before small numbers are
 * hidden).  REPORT_INPUT or REPORT_OUTPUT after reporting through d;
 * of may then hold part of the files: the caller frees them.
 */
enum report_status report_build(const struct report_opts *o,
		    const struct input *in, struct model *m,
		    struct ofiles *of, struct buf *equiv, struct diag *d);

/*
 * Loads input and appends the layout of every chart as text (see
 * scene_dump()) to out, measuring text as 0.6 em a character so that
 * the result does not depend on fonts: the golden test of layout.
 */
enum report_status report_layout(const struct report_opts *o,
		    struct buf *out, struct diag *d);

#endif
