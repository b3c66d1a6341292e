/*
 * tcopy: "scorecard template -o FILE", a copy of the default template
 * for a user to edit, with its stylesheet beside it.
 */
#ifndef TCOPY_H
#define TCOPY_H

#include "diag.h"
#include "report.h"

/*
 * Writes a copy of the template at tpl to path, and the stylesheet at
 * css beside it under its own file name, the copy's <link> pointing to
 * it there, so that the copy renders as the original does and previews
 * styled in a browser.  Never overwrites: if either file exists, writes
 * nothing.  On failure reports through d, leaves nothing behind and
 * returns REPORT_OUTPUT (REPORT_INPUT if tpl or css cannot be read).
 * On success *csspath (when not NULL) is the stylesheet's path (the
 * caller frees).
 */
enum report_status tcopy_write(const char *tpl, const char *css,
		    const char *path, char **csspath, struct diag *d);

#endif
