/*
 * convert: scorecard convert: an input of any kind (JSON, workbook,
 * CSV) as its JSON equivalent, or as a workbook in the sheet layout.
 */
#ifndef CONVERT_H
#define CONVERT_H

#include "buf.h"
#include "diag.h"
#include "report.h"

/*
 * Loads o->input (any kind; o->sheet for a spreadsheet's report fields)
 * and appends its JSON equivalent, in the normal form of jsonout.c, to
 * out.  REPORT_INPUT after reporting through d.
 */
enum report_status convert_json(const struct report_opts *o,
		    struct buf *out, struct diag *d);

/*
 * Loads o->input (any kind) and writes it as a workbook in the sheet
 * layout to the file path (through a temporary file beside it, renamed
 * into place: a failed run leaves path as it was).  path must be a new
 * file or an earlier workbook, never a link, another kind of file or
 * the input itself.  REPORT_INPUT if the input is wrong or holds a text
 * too long for a cell, REPORT_OUTPUT if path cannot be written.
 */
enum report_status convert_xlsx(const struct report_opts *o,
		    const char *path, struct diag *d);

#endif
