/*
 * jsonout: a model written back as indicator JSON in one normal form
 * (two-space indentation, contract key order, defaults left out, series
 * in time order).  json_load() of the text gives the same model.
 */
#ifndef JSONOUT_H
#define JSONOUT_H

#include "buf.h"
#include "model.h"

/*
 * Appends m as JSON to b.  m must be as json_load() left it (before
 * model_suppress()).  Borrows both; cannot fail.
 */
void	jsonout_model(struct buf *b, const struct model *m);

#endif
