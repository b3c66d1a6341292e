/*
 * file: read a whole file, capped.  In 64 KiB chunks: the size from
 * fstat() cannot be trusted for pipes, /proc or a file still growing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "file.h"
#include "rfile.h"

bool
file_read(const char *path, size_t max, bool pipes, struct buf *b,
    struct diag *d)
{
	FILE		*fp;
	const char	*why;
	char		 chunk[65536];
	size_t		 n, start = b->len;
	int		 fd, err;
	bool		 ok;

	if ((fd = rfile_open(path, pipes, false, &why)) == -1 ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		if (fd != -1) {
			why = strerror(errno);
			close(fd);
		}
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", why);
		return false;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf_put(b, chunk, n);
		if (b->len - start > max)
			break;
	}
	ok = !ferror(fp);
	err = errno;
	fclose(fp);
	if (!ok)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(err));
	else if (b->len - start > max) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "file too large (the limit "
		    "is %zu MiB)", max / (1024 * 1024));
		ok = false;
	}
	return ok;
}

bool
file_load(const char *path, size_t max, bool nofollow, struct buf *b,
    const char **why)
{
	FILE		*fp;
	char		 chunk[65536];
	size_t		 n, start = b->len;
	int		 fd, err;
	bool		 ok;

	if ((fd = rfile_open(path, false, nofollow, why)) == -1) {
		errno = 0;
		return false;
	}
	if ((fp = fdopen(fd, "rb")) == NULL) {
		err = errno;
		*why = strerror(err);
		close(fd);
		errno = err;
		return false;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf_put(b, chunk, n);
		if (b->len - start > max)
			break;
	}
	ok = !ferror(fp);
	err = errno;
	fclose(fp);
	if (!ok) {
		*why = strerror(err);
		errno = err;
		return false;
	}
	if (b->len - start > max) {
		*why = strerror(EFBIG);
		errno = EFBIG;
		return false;
	}
	return true;
}
