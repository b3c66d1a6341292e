/*
 * zipread: the parts of a zip file (an .xlsx) held in memory, read
 * with every size checked before anything is inflated.  The only
 * module that includes <zip.h> (libzip).  Says what a file is when it
 * is not a readable zip: an old .xls, a password-protected workbook, an
 * OpenDocument spreadsheet, a damaged zip, a zip bomb.
 */
#ifndef ZIPREAD_H
#define ZIPREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Limits on hostile input, checked against the central directory
 * before inflating and again while inflating. */
#define	ZIP_MAX_ENTRIES	10000			/* parts in one file */
#define	ZIP_MAX_PART	(64u * 1024 * 1024)	/* one part, inflated */
#define	ZIP_MAX_TOTAL	(256u * 1024 * 1024)	/* all parts, inflated */
#define	ZIP_MAX_RATIO	200	/* inflated/compressed, for parts over
				   ZIP_RATIO_FROM bytes */
#define	ZIP_RATIO_FROM	(1024u * 1024)

struct zipread;

/*
 * Opens the len bytes at data (borrowed until zipread_free()) as a zip
 * of an Office Open XML spreadsheet.  Returns NULL, having said what
 * the file is and what to do through d (file name name), when it is
 * not one.
 */
struct zipread	*zipread_open(const char *data, size_t len, const char *name,
		    struct diag *d);
/*
 * Appends part path (case as written; a leading '/' is ignored) to b.
 * Returns 1 when read, 0 when there is no such part (nothing said), -1
 * when it cannot be read (said through d).
 */
int		 zipread_part(struct zipread *z, const char *path,
		    struct buf *b, struct diag *d);
/* Frees z.  NULL is fine. */
void		 zipread_free(struct zipread *z);

#endif
