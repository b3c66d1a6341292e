/*
 * ofiles: the files of one render, made in memory before anything is
 * written: each a name relative to the output folder ("report.html",
 * "charts/x.png") and its bytes.  The list owns every name and buffer;
 * outdir.c writes them, archive.c adds its own and sorts them for the
 * manifest.  Cannot fail (allocation failure exits, as util.c's).
 */
#ifndef OFILES_H
#define OFILES_H

#include <stddef.h>

#include "buf.h"

/* One file of the output, made in memory before anything is written. */
struct ofile {
	char		*name;		/* relative: "charts/x.png" */
	struct buf	 data;
};

struct ofiles {
	struct ofile	*f;
	size_t		 n, max;
};

/*
 * Adds an empty file named name (copied) and returns its buffer, to be
 * filled.  The pointer is good until the next ofiles_add(), which may
 * move every file; the file's index (o->n - 1 just after) stays.
 */
struct buf	*ofiles_add(struct ofiles *o, const char *name);

/*
 * Moves the bytes in b into file i (added empty earlier, its place kept
 * while its bytes were made elsewhere); b is left empty.
 */
void		 ofiles_fill(struct ofiles *o, size_t i, struct buf *b);

/* Frees every file and empties o (which may then be used again). */
void		 ofiles_release(struct ofiles *o);

/* Orders files by name (strcmp), for qsort(). */
int		 ofiles_cmp(const void *a, const void *b);

#endif
