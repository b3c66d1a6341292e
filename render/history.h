/*
 * history: the last report, from an archive (scorecard archive) of
 * earlier snapshots: the latest snapshot whose report period is before
 * this one, as its summary.json published it, so that a target changed
 * since is judged as it was then.
 */
#ifndef HISTORY_H
#define HISTORY_H

#include <stdbool.h>

#include "diag.h"
#include "figures.h"
#include "period.h"

enum history_status {
	HISTORY_FOUND,		/* *s holds the last report */
	HISTORY_NONE,		/* no snapshot before p */
	HISTORY_ERROR		/* the archive cannot be read (reported) */
};

/*
 * Looks in archive/<name>/summary.json for every current snapshot (not
 * a <period>.replaced-N, not a hidden folder) and keeps the one with
 * the latest period before p in *s (free with
 * figures_snapshot_release()).  A summary.json that cannot be read is
 * left out with a warning.  A missing archive folder is an error if
 * must_exist, else there is no snapshot.
 */
enum history_status history_last(const char *archive,
		    const struct period *p, bool must_exist,
		    struct snapshot *s, struct diag *d);

#endif
