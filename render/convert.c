/*
 * convert: load, then write back.  The workbook goes through a
 * temporary file beside the destination (mkstemp(), given the mode a
 * new file would get), renamed into place; what may be replaced is
 * checked first, as render -o checks its folder.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "convert.h"
#include "diag.h"
#include "input.h"
#include "jsonout.h"
#include "model.h"
#include "report.h"
#include "xlsxwrite.h"

enum report_status
convert_json(const struct report_opts *o, struct buf *out, struct diag *d)
{
	struct model	*m;
	struct input	 in;
	enum report_status rc = REPORT_INPUT;

	m = model_new();
	if (input_read(&in, o->input, d) && input_load(m, &in, &o->sheet, d)) {
		jsonout_model(out, m);
		rc = REPORT_OK;
	}
	input_release(&in);
	model_free(m);
	return rc;
}

/*
 * Whether convert may write its workbook at path: a new file, or a
 * regular file that already holds a zip (an earlier workbook), never
 * the input itself.  A symbolic link, a device, a folder or any other
 * file is refused, as render -o refuses what is not an earlier render:
 * a mistyped -o must not destroy an officer's data.
 */
static bool
xlsx_dest_ok(const char *path, const char *input, struct diag *d)
{
	struct stat	 st, ist;
	char		 magic[4];
	int		 fd;
	ssize_t		 n;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return true;
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is a symbolic link; "
		    "give the path of the workbook itself");
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "exists and is not a "
		    "regular file; give a new file name ending .xlsx");
		return false;
	}
	if (input != NULL && strcmp(input, "-") != 0 &&
	    stat(input, &ist) == 0 && ist.st_dev == st.st_dev &&
	    ist.st_ino == st.st_ino) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is the input file; "
		    "give a new file name for the workbook");
		return false;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return false;
	}
	n = read(fd, magic, sizeof(magic));
	close(fd);
	if (n != (ssize_t)sizeof(magic) || memcmp(magic, "PK\3\4", 4) != 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "exists and is not a "
		    "workbook; convert replaces only an earlier .xlsx: "
		    "give a new file name or remove it first");
		return false;
	}
	return true;
}

enum report_status
convert_xlsx(const struct report_opts *o, const char *path,
    struct diag *d)
{
	struct model	*m;
	struct input	 in;
	struct buf	 tmp;
	enum report_status rc = REPORT_INPUT;
	mode_t		 mask;
	int		 fd;

	m = model_new();
	buf_init(&tmp);
	if (!input_read(&in, o->input, d) || !input_load(m, &in, &o->sheet, d))
		goto out;
	/* A text too long for a cell is the input's problem: exit 1. */
	if (!xlsxwrite_fits(m, o->input, d))
		goto out;
	rc = REPORT_OUTPUT;
	if (!xlsx_dest_ok(path, o->input, d))
		goto out;
	/* A temporary file beside the destination, renamed into place. */
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp.data)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		goto out;
	}
	/* mkstemp() makes 0600; a workbook is shared as render's files are. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);
	if (!xlsxwrite_model(m, tmp.data, path, d)) {
		unlink(tmp.data);
		goto out;
	}
	if (rename(tmp.data, path) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot rename into "
		    "place: %s", strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = REPORT_OK;
out:
	input_release(&in);
	buf_release(&tmp);
	model_free(m);
	return rc;
}
