/*
 * input: the one door into the model.  Reads an input file, tells its
 * kind by its content (a zip or OLE2 file is a workbook, text starting
 * with '{' (or '[') after optional white space and byte order mark is
 * JSON,
 * anything else CSV), and loads it through the module of that kind:
 * json.c, or xlsx.c/csv.c and then book.c, which ends in json.c's
 * checks.  A new format is one new module and one case here.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "model.h"

enum input_kind {
	INPUT_JSON,
	INPUT_XLSX,	/* any zip or OLE2 file: xlsx.c says what it is */
	INPUT_CSV
};

struct input {
	const char	*name;		/* for messages; borrowed */
	struct buf	 data;		/* the file, byte for byte */
	enum input_kind	 kind;
};

/* The kind of the len bytes at p. */
enum input_kind	 input_kind(const char *p, size_t len);

/*
 * Reads the file at path (at most JSON_MAX_BYTES) into in, which is
 * then released with input_release() whatever this returns.  Returns
 * false, having reported why, if the file cannot be read or is too
 * large.  Borrows path until input_release().
 */
bool		 input_read(struct input *in, const char *path,
		    struct diag *d);
void		 input_release(struct input *in);

/*
 * Loads in into m (empty, from model_new()), with report fields from o
 * (NULL: none) overriding a workbook's and giving a CSV file's.  Returns
 * true on success (warnings allowed); else every problem has been
 * reported and m is empty.  For a JSON input, o must be NULL or empty.
 */
bool		 input_load(struct model *m, const struct input *in,
		    const struct book_opts *o, struct diag *d);

/* "json", "xlsx" or "csv": the file name extension of a kind. */
const char	*input_ext(enum input_kind k);

#endif
