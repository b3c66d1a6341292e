/*
 * file: the one reader of a whole input file, under a cap, so that a
 * huge or endless file (/dev/zero) is refused after reading little more
 * than the cap rather than exhausting memory.  json_load() (json.c) and
 * the archive's slurp() (report.c) still read with their own copies of
 * this loop, to be replaced by file_read().
 */
#ifndef FILE_H
#define FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

/*
 * Appends the whole file at path to b.  Returns false after reporting
 * through d, naming path with no line: "cannot open: <reason>",
 * "cannot read: <reason>", or, when the file holds more than max bytes,
 * "file too large (the limit is N MiB)", N being max in whole MiB; it
 * then stops reading soon after max bytes.  b may hold part of the file
 * after a failure: the caller discards it.
 */
bool	file_read(const char *path, size_t max, struct buf *b,
	    struct diag *d);

#endif
