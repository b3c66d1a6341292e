/*
 * tcopy: both files are read whole first (file_load(), under the cap a
 * render reads them under), then made with O_EXCL, so that an existing
 * file is never touched and a failure removes what this run made.  The
 * copy's href is the one text edit: the default template's
 * "../assets/NAME" becomes "NAME".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "file.h"
#include "report.h"
#include "tcopy.h"
#include "tmpl.h"
#include "util.h"

/*
 * Reads the file at path (what: "template" or "stylesheet") whole into
 * b through file.c's capped reader, at most TMPL_MAX_BYTES as a render
 * reads either; reports through d if it cannot.
 */
static bool
readall(const char *path, const char *what, struct buf *b,
    struct diag *d)
{
	const char	*why;

	if (file_load(path, TMPL_MAX_BYTES, false, b, &why))
		return true;
	if (errno == EFBIG)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "%s is larger than %u "
		    "bytes", what, TMPL_MAX_BYTES);
	else
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot %s: %s",
		    errno == 0 ? "open" : "read", why);
	return false;
}

/* Makes path (which must not exist) holding b; reports if it cannot. */
static bool
create(const char *path, const struct buf *b, struct diag *d)
{
	size_t	 off = 0;
	ssize_t	 w;
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, errno == EEXIST ?
		    "already exists: scorecard template never overwrites a "
		    "file; give another name, or move it away" :
		    "cannot create: %s", strerror(errno));
		return false;
	}
	while (off < b->len) {
		if ((w = write(fd, b->data + off, b->len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)w;
	}
	if (off < b->len || close(fd) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		if (off < b->len)
			close(fd);
		unlink(path);
		return false;
	}
	return true;
}

enum report_status
tcopy_write(const char *tpl, const char *css, const char *path,
    char **csspath, struct diag *d)
{
	enum report_status rc = REPORT_INPUT;
	struct buf	 t, c, out, cpath, from;
	const char	*name, *slash, *at;

	buf_init(&t);
	buf_init(&c);
	buf_init(&out);
	buf_init(&cpath);
	buf_init(&from);
	if (!readall(tpl, "template", &t, d) ||
	    !readall(css, "stylesheet", &c, d))
		goto done;
	rc = REPORT_OUTPUT;
	name = (slash = strrchr(css, '/')) != NULL ? slash + 1 : css;
	if ((slash = strrchr(path, '/')) != NULL)
		buf_put(&cpath, path, (size_t)(slash - path) + 1);
	buf_puts(&cpath, name);
	if (strcmp(cpath.data, path) == 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is the stylesheet's "
		    "name: give the template another name");
		goto done;
	}
	/* href="../assets/NAME" (as the default has it) becomes "NAME". */
	buf_printf(&from, "href=\"../assets/%s\"", name);
	if ((at = strstr(t.data, from.data)) != NULL) {
		buf_put(&out, t.data, (size_t)(at - t.data));
		buf_printf(&out, "href=\"%s\"", name);
		buf_puts(&out, at + from.len);
	} else
		buf_put(&out, t.data, t.len);
	if (access(path, F_OK) == 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "already exists: "
		    "scorecard template never overwrites a file; give another "
		    "name, or move it away");
		goto done;
	}
	if (access(cpath.data, F_OK) == 0) {
		diag_msg(d, DIAG_ERROR, cpath.data, 0, 0, "already exists: "
		    "scorecard template never overwrites a file; write the "
		    "copy into another folder, or move it away");
		goto done;
	}
	if (!create(path, &out, d))
		goto done;
	if (!create(cpath.data, &c, d)) {
		unlink(path);
		goto done;
	}
	if (csspath != NULL)
		*csspath = xstrdup(cpath.data);
	rc = REPORT_OK;
done:
	buf_release(&t);
	buf_release(&c);
	buf_release(&out);
	buf_release(&cpath);
	buf_release(&from);
	return rc;
}
