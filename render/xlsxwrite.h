/*
 * xlsxwrite: a model as a workbook in the sheet layout scorecard reads
 * (scorecard(1), SPREADSHEETS); read back, it gives the same model.
 */
#ifndef XLSXWRITE_H
#define XLSXWRITE_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/*
 * Writes m (as loaded, before model_suppress()) as a workbook to the
 * file path, created or replaced (the caller writes to a temporary name
 * and renames); messages name name.  Returns false, having reported why through d.  Warns
 * (naming the path) when points have fields the Indicators sheet has no
 * cell for: they go in the Details sheet.
 */
bool	xlsxwrite_model(const struct model *m, const char *path,
	    const char *name, struct diag *d);
/*
 * Whether every text of m fits a workbook cell (Excel's 32,767
 * characters); if not, reports the first that does not (the indicator
 * and the field) against name and returns false.  xlsxwrite_model()
 * checks it too, before writing anything.
 */
bool	xlsxwrite_fits(const struct model *m, const char *name,
	    struct diag *d);

#endif
