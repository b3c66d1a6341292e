/*
 * input: reads a file once, tells its kind by content, and hands it to
 * the loader of that kind.  The bytes stay in struct input so that an
 * archive keeps exactly what was rendered.
 */
#include <string.h>
#include <strings.h>

#include "book.h"
#include "buf.h"
#include "csv.h"
#include "diag.h"
#include "file.h"
#include "input.h"
#include "json.h"
#include "model.h"
#include "xlsx.h"

enum input_kind
input_kind(const char *p, size_t len)
{
	size_t	 i = 0;

	if (len >= 4 && memcmp(p, "PK", 2) == 0 &&
	    (memcmp(p + 2, "\3\4", 2) == 0 || memcmp(p + 2, "\5\6", 2) == 0 ||
	    memcmp(p + 2, "\7\10", 2) == 0))
		return INPUT_XLSX;
	if (len >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return INPUT_XLSX;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	/* UTF-16 (either order): json.c names it, if it is JSON at all. */
	if (len >= 2 && (memcmp(p, "\xff\xfe", 2) == 0 ||
	    memcmp(p, "\xfe\xff", 2) == 0)) {
		for (i = 2; i + 1 < len && (p[i] == ' ' || p[i] == '\n' ||
		    p[i] == '\r' || p[i] == '\t' || p[i] == '\0'); i++)
			continue;
		return i < len && (p[i] == '{' || p[i] == '[') ? INPUT_JSON :
		    INPUT_CSV;
	}
	/* NUL bytes too: UTF-16 or UTF-32 without a mark, which json.c
	 * names, if it is JSON at all. */
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r' || p[i] == '\0'))
		i++;
	/* An empty file: json.c says so; so does it of a top-level array,
	 * which is JSON, if not the contract's. */
	return i == len || p[i] == '{' || p[i] == '[' ? INPUT_JSON :
	    INPUT_CSV;
}

const char *
input_ext(enum input_kind k)
{
	switch (k) {
	case INPUT_JSON:
		return "json";
	case INPUT_XLSX:
		return "xlsx";
	case INPUT_CSV:
		return "csv";
	}
	return "json";
}

bool
input_read(struct input *in, const char *path, struct diag *d)
{
	bool	 ok;

	/* Standard input is named in messages as GCC names it. */
	in->name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	in->kind = INPUT_JSON;
	buf_init(&in->data);
	/* A regular file, or a pipe ("-" too): never a device or folder. */
	ok = file_read(path, JSON_MAX_BYTES, true, &in->data, d);
	in->kind = input_kind(in->data.data, in->data.len);
	return ok;
}

void
input_release(struct input *in)
{
	buf_release(&in->data);
}

bool
input_load(struct model *m, const struct input *in,
    const struct book_opts *o, struct diag *d)
{
	static const struct book_opts none;
	struct book	 b;
	bool		 ok = false;

	if (o == NULL)
		o = &none;
	book_init(&b);
	switch (in->kind) {
	case INPUT_JSON:
		if (o->title != NULL || o->organisation != NULL ||
		    o->period != NULL) {
			diag_msg(d, DIAG_ERROR, in->name, 0, 0, "--title, "
			    "--organisation and --period are for "
			    "spreadsheets; a JSON file gives its own report "
			    "fields");
			break;
		}
		ok = json_load_mem(m, in->name, in->data.data, in->data.len,
		    d);
		break;
	case INPUT_XLSX:
		ok = xlsx_read(&b, in->name, in->data.data, in->data.len,
		    d) && book_load(m, in->name, &b, o, d);
		break;
	case INPUT_CSV:
		ok = csv_read(&b, in->name, in->data.data, in->data.len,
		    d) && book_load(m, in->name, &b, o, d);
		break;
	}
	/* The content decides the kind; a .csv name read as JSON is told. */
	if (!ok && in->kind == INPUT_JSON && strlen(in->name) > 4 &&
	    strcasecmp(in->name + strlen(in->name) - 4, ".csv") == 0)
		diag_msg(d, DIAG_WARN, in->name, 0, 0, "read as JSON because "
		    "it begins with { or [ (or holds no text); a CSV file "
		    "begins with its heading row (id,title,unit,...)");
	book_release(&b);
	return ok;
}
