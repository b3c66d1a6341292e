/*
 * file: read a whole file, capped.  In 64 KiB chunks: the size from
 * fstat() cannot be trusted for pipes, /proc or a file still growing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "file.h"

bool
file_read(const char *path, size_t max, struct buf *b, struct diag *d)
{
	FILE	*fp;
	char	 chunk[65536];
	size_t	 n, start = b->len;
	int	 err;
	bool	 ok;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
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
