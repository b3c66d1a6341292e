/*
 * file: the one reader of a whole input file, under a cap, so that a
 * huge or endless input is refused after reading little more than the
 * cap rather than exhausting memory; opened through rfile, so that a
 * device, folder or socket is refused unread.  input.c reads what users
 * give with it, json.c a snapshot's input.json and summary.json, and
 * the template module a template and its stylesheet (file_load()), as
 * tcopy.c the default ones it copies.
 */
#ifndef FILE_H
#define FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

/*
 * Appends the whole file at path to b.  pipes as for rfile_open(): also
 * accept "-" (standard input) and pipes, waiting for their writer.
 * Returns false after reporting through d, naming path with no line:
 * "cannot open: <reason>" (rfile_open()'s), "cannot read: <reason>",
 * or, when the file holds more than max bytes, "file too large (the
 * limit is N MiB)", N being max in whole MiB; it then stops reading
 * soon after max bytes.  b may hold part of the file after a failure:
 * the caller discards it.
 */
bool	file_read(const char *path, size_t max, bool pipes, struct buf *b,
	    struct diag *d);

/*
 * As file_read() for a caller that says what failed in its own words
 * (the template module, for a template and a stylesheet): appends the
 * regular file at path (with nofollow, not reached through a symbolic
 * link) to b, or returns false with *why set to a static message
 * (rfile_open()'s, or strerror()'s) and errno set: EFBIG when the file
 * holds more than max bytes (reading then stops soon after max), 0
 * when it could not be opened.  Reports nothing.  b may hold part of
 * the file after a failure: the caller discards it.
 */
bool	file_load(const char *path, size_t max, bool nofollow, struct buf *b,
	    const char **why);

#endif
