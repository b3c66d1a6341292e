/*
 * batch: many inputs in one run, on every core.  Each input renders into
 * its own folder DIR/<name> (the file name without ".json"), exactly as
 * a single render would.  All or nothing: every input is rendered
 * before any is put in place, so one bad input or template leaves
 * every folder as it was.
 */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>

#include "diag.h"
#include "report.h"

/*
 * Renders inputs[0..n) per base (whose input, outdir and stage are
 * ignored) into outdir/<name>, with jobs worker processes (0: one per
 * online CPU).  Renders them all into a staging folder inside outdir
 * first (report_opts.stage) and puts none in place unless every one
 * passes.  Shows a progress line on standard error when it is a
 * terminal, and ends with a line naming the inputs rendered and those
 * that failed (on success, only on a terminal).  Returns the worst
 * status of all the inputs: REPORT_INPUT means nothing was written;
 * REPORT_OUTPUT from putting them in place leaves each folder as it
 * was or wholly replaced.
 */
enum report_status batch_render(const struct report_opts *base,
		    char *const *inputs, size_t n, const char *outdir,
		    int jobs, struct diag *d);

#endif
