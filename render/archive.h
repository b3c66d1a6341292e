/*
 * archive: scorecard archive: the month's render kept as a snapshot,
 * never overwritten, and the archive's index.html.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stdbool.h>

#include "diag.h"
#include "report.h"

/*
 * Archives one render: makes everything report_render() makes, plus
 * input.json (the input byte for byte; for a workbook or CSV file, its
 * JSON equivalent, with the file itself kept byte for byte as
 * input.xlsx or input.csv) and MANIFEST.sha256 (sha256sum -c
 * format), as the new folder archive/<period> ("2022-01", "2021-22-Q2"),
 * then rewrites archive/index.html (from the template index_template)
 * listing every snapshot, newest first.  The last report is the
 * archive's latest snapshot before this one, unless o->history names
 * another archive.
 * A snapshot is never overwritten: if archive/<period> exists the run
 * fails, unless replace is set, and then the new one is swapped in with
 * one atomic exchange and the old one is renamed <period>.replaced-N.
 * One run at a time (the archive folder is locked).  A failed or
 * interrupted run leaves the period's snapshot in place and whole; a
 * replaced one set aside by a killed run is kept by the next run, and
 * the index is at worst one snapshot behind until then.
 */
enum report_status archive_snapshot(const struct report_opts *o,
		    const char *archive, const char *index_template,
		    bool replace, struct diag *d);

#endif
