/*
 * history: one pass over an archive's folders, reading each current
 * snapshot's summary.json and keeping the latest before the period
 * asked for.  A snapshot folder is never written here.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "history.h"
#include "json.h"
#include "period.h"

enum history_status
history_last(const char *archive, const struct period *p, bool must_exist,
    struct snapshot *s, struct diag *d)
{
	struct diag	 quiet;
	struct snapshot	 cand;
	struct dirent	*de;
	struct buf	 path;
	DIR		*dir;
	bool		 found = false;

	memset(s, 0, sizeof(*s));
	if ((dir = opendir(archive)) == NULL) {
		if (errno == ENOENT && !must_exist)
			return HISTORY_NONE;
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot read the "
		    "archive: %s", strerror(errno));
		return HISTORY_ERROR;
	}
	buf_init(&path);
	diag_init(&quiet, NULL, "scorecard");
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' ||
		    strstr(de->d_name, ".replaced-") != NULL)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s/summary.json", archive, de->d_name);
		if (access(path.data, F_OK) != 0)
			continue;
		if (!json_load_snapshot(&cand, path.data, &quiet)) {
			diag_msg(d, DIAG_WARN, path.data, 0, 0, "cannot be "
			    "read; left out of the comparison with the last "
			    "report");
			continue;
		}
		if (period_cmp(&cand.period, p) < 0 && (!found ||
		    period_cmp(&cand.period, &s->period) > 0)) {
			figures_snapshot_release(s);
			*s = cand;
			found = true;
		} else
			figures_snapshot_release(&cand);
	}
	closedir(dir);
	buf_release(&path);
	return found ? HISTORY_FOUND : HISTORY_NONE;
}
