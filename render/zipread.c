/*
 * zipread: libzip over a buffer, behind a small interface: open, read
 * a part, free.  libzip (Debian's libzip-dev) rather than minizip: it
 * reads from memory without a callback layer of our own, checks the
 * central directory against the local headers (ZIP_CHECKCONS), reports
 * encryption per entry, and verifies each part's CRC as it is read.
 *
 * What a zip bomb or a hostile archive could do is checked on open,
 * from the central directory, before any byte is inflated: the number
 * of entries, each part's inflated size and ratio, the total, names
 * that climb out with "../" or start at "/", encrypted entries, and
 * two parts whose names are the same or differ only in case (Office
 * Open XML compares part names as case-insensitive ASCII, so which one
 * Excel would take is not clear: refused, as Excel refuses it).
 * While a part is read, more bytes than its directory entry promised
 * is an error too, so a lying directory gains nothing.  Nothing is ever
 * written to disk.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "util.h"
#include "zipread.h"

struct zipread {
	zip_t		*za;
	const char	*name;		/* for messages */
	uint64_t	 total;		/* inflated so far */
};

#define	WHAT_TO_DO_XLSX	"save it as an Excel Workbook (.xlsx) in Excel " \
	"or LibreOffice (File > Save As) and try again"

/* Whether the OLE2 file holds an encrypted Office package. */
static bool
ole2_encrypted(const char *data, size_t len)
{
	static const char	 pkg[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0"
	    "a\0c\0k\0a\0g\0e\0";
	size_t			 i;

	for (i = 0; i + sizeof(pkg) - 1 <= len; i++)
		if (data[i] == 'E' && memcmp(data + i, pkg,
		    sizeof(pkg) - 1) == 0)
			return true;
	return false;
}

/* Orders names as Office Open XML compares them: ASCII, case aside. */
static int
name_cmp(const void *a, const void *b)
{
	const unsigned char *x = *(const unsigned char *const *)a;
	const unsigned char *y = *(const unsigned char *const *)b;
	int	 cx, cy;

	for (;; x++, y++) {
		cx = *x >= 'A' && *x <= 'Z' ? *x - 'A' + 'a' : *x;
		cy = *y >= 'A' && *y <= 'Z' ? *y - 'A' + 'a' : *y;
		if (cx != cy || cx == '\0')
			return cx - cy;
	}
}

/* As name_cmp(), then byte by byte: an order that does not vary. */
static int
name_order(const void *a, const void *b)
{
	int	 c;

	if ((c = name_cmp(a, b)) != 0)
		return c;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Whether two of the n names (sorted here) are one part name to Excel:
 * reports the first such pair.
 */
static bool
names_clash(char **names, size_t n, const char *name, struct diag *d)
{
	struct buf	 a, b;
	size_t		 i;

	qsort(names, n, sizeof(*names), name_order);
	for (i = 1; i < n; i++) {
		if (name_cmp(&names[i - 1], &names[i]) != 0)
			continue;
		buf_init(&a);
		buf_init(&b);
		buf_putjson(&a, names[i - 1]);
		buf_putjson(&b, names[i]);
		diag_msg(d, DIAG_ERROR, name, 0, 0, "not a readable "
		    "workbook: the zip file holds two parts whose names "
		    "differ only in case, %s and %s; Excel takes them for "
		    "one part, so which one is meant is not clear; save the "
		    "workbook again", a.data, b.data);
		buf_release(&a);
		buf_release(&b);
		return true;
	}
	return false;
}

/* A name that would leave a folder it was extracted into. */
static bool
escapes(const char *n)
{
	const char	*p;

	if (n[0] == '/' || n[0] == '\\' || (n[0] != '\0' && n[1] == ':'))
		return true;
	for (p = n; *p != '\0'; p++)
		if (p[0] == '.' && p[1] == '.' && (p == n || p[-1] == '/' ||
		    p[-1] == '\\') && (p[2] == '\0' || p[2] == '/' ||
		    p[2] == '\\'))
			return true;
	return false;
}

/*
 * What went wrong, in our words, from libzip's error code: its own
 * strings ("Not a zip archive", "Zlib error: data error") name the
 * library's parts, not what the reader can do about it.
 */
static const char *
why(int ze)
{
	switch (ze) {
	case ZIP_ER_NOZIP:
		return "its table of contents, at the end of the file, is "
		    "missing";
	case ZIP_ER_INCONS:
		return "its table of contents does not match its parts";
	case ZIP_ER_ZLIB:
	case ZIP_ER_COMPRESSED_DATA:
		return "its compressed data is damaged";
	case ZIP_ER_CRC:
		return "its data does not match its check sum";
	case ZIP_ER_EOF:
	case ZIP_ER_READ:
	case ZIP_ER_SEEK:
		return "it ends too early";
	case ZIP_ER_COMPNOTSUPP:
		return "it is compressed in a way no spreadsheet program "
		    "uses";
	case ZIP_ER_ENCRNOTSUPP:
		return "it is encrypted";
	case ZIP_ER_MEMORY:
		return "there was not memory enough to read it";
	default:
		return "it cannot be read as a zip file";
	}
}

static void
password(struct diag *d, const char *name)
{
	diag_msg(d, DIAG_ERROR, name, 0, 0, "this workbook is "
	    "password-protected (encrypted), so it cannot be read; open it "
	    "in Excel, remove the password (File > Info > Protect Workbook "
	    "> Encrypt with Password), save it and try again");
}

struct zipread *
zipread_open(const char *data, size_t len, const char *name, struct diag *d)
{
	struct zipread	*z = NULL;
	zip_source_t	*src;
	zip_error_t	 ze;
	zip_stat_t	 st;
	zip_int64_t	 n, i;
	zip_t		*za = NULL;
	uint64_t	 total = 0;
	struct buf	 b;
	char		**names = NULL;
	bool		 clash;

	if (len >= 8 && memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	    8) == 0) {
		if (ole2_encrypted(data, len))
			password(d, name);
		else
			diag_msg(d, DIAG_ERROR, name, 0, 0, "this is an Excel "
			    "97-2003 workbook (.xls) or another old Office "
			    "file, which scorecard does not read; "
			    WHAT_TO_DO_XLSX);
		return NULL;
	}
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		if (zip_error_code_zip(&ze) == ZIP_ER_EXISTS)
			/* libzip's words: "File already exists". */
			diag_msg(d, DIAG_ERROR, name, 0, 0, "not a readable "
			    "workbook: the zip file holds two parts of the "
			    "same name, which no spreadsheet program writes; "
			    "save the workbook again");
		else
			diag_msg(d, DIAG_ERROR, name, 0, 0, "not a readable "
			    "workbook: the zip file is damaged or incomplete "
			    "(%s); save the workbook again, or copy it again "
			    "if it came by email or download",
			    why(zip_error_code_zip(&ze)));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(za, 0);
	if (n > ZIP_MAX_ENTRIES) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "the zip file holds %lld "
		    "parts (the limit is %d); not a workbook scorecard "
		    "reads", (long long)n, ZIP_MAX_ENTRIES);
		goto fail;
	}
	names = xcalloc((size_t)n + 1, sizeof(*names));
	for (i = 0; i < n; i++) {
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME) ||
		    !(st.valid & ZIP_STAT_SIZE) ||
		    !(st.valid & ZIP_STAT_COMP_SIZE)) {
			diag_msg(d, DIAG_ERROR, name, 0, 0, "not a readable "
			    "workbook: the zip file's directory is damaged; "
			    "save the workbook again");
			goto fail;
		}
		if (escapes(st.name)) {
			buf_init(&b);
			buf_putjson(&b, st.name);
			diag_msg(d, DIAG_ERROR, name, 0, 0, "the zip file "
			    "holds a part named %s, which points outside "
			    "it; no spreadsheet program writes that, and the "
			    "file is not read", b.data);
			buf_release(&b);
			goto fail;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			password(d, name);
			goto fail;
		}
		if (st.size > ZIP_MAX_PART || (st.size > ZIP_RATIO_FROM &&
		    st.size / (st.comp_size > 0 ? st.comp_size : 1) >
		    ZIP_MAX_RATIO)) {
			buf_init(&b);
			buf_putjson(&b, st.name);
			diag_msg(d, DIAG_ERROR, name, 0, 0, "the part %s "
			    "would inflate from %llu to %llu bytes, more "
			    "than a workbook needs (the limits are %u MiB a "
			    "part and a ratio of %d); not read", b.data,
			    (unsigned long long)st.comp_size,
			    (unsigned long long)st.size,
			    ZIP_MAX_PART / (1024 * 1024), ZIP_MAX_RATIO);
			buf_release(&b);
			goto fail;
		}
		total += st.size;
		names[i] = xstrdup(st.name);
	}
	clash = names_clash(names, (size_t)n, name, d);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	names = NULL;
	if (clash)
		goto fail;
	if (total > ZIP_MAX_TOTAL) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "the zip file would "
		    "inflate to %llu bytes (the limit is %u MiB); not read",
		    (unsigned long long)total, ZIP_MAX_TOTAL / (1024 * 1024));
		goto fail;
	}
	z = xcalloc(1, sizeof(*z));
	z->za = za;
	z->name = name;
	return z;
fail:
	if (names != NULL)
		for (i = 0; i < n; i++)
			free(names[i]);
	free(names);
	zip_discard(za);
	return NULL;
}

int
zipread_part(struct zipread *z, const char *path, struct buf *b,
    struct diag *d)
{
	zip_int64_t	 i, got;
	zip_stat_t	 st;
	zip_file_t	*f;
	char		 chunk[65536];
	uint64_t	 n = 0;
	int		 rc = -1;

	while (*path == '/')
		path++;
	if ((i = zip_name_locate(z->za, path, 0)) < 0)
		return 0;
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0)
		return 0;
	if ((f = zip_fopen_index(z->za, (zip_uint64_t)i, 0)) == NULL) {
		if (zip_error_code_zip(zip_get_error(z->za)) ==
		    ZIP_ER_NOPASSWD)
			password(d, z->name);
		else
			diag_msg(d, DIAG_ERROR, z->name, 0, 0, "cannot read "
			    "the part %s of the zip file (%s); save the "
			    "workbook again", path,
			    why(zip_error_code_zip(zip_get_error(z->za))));
		return -1;
	}
	while ((got = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		n += (uint64_t)got;
		z->total += (uint64_t)got;
		if (n > st.size || z->total > ZIP_MAX_TOTAL) {
			diag_msg(d, DIAG_ERROR, z->name, 0, 0, "the part %s "
			    "inflates to more than its directory says; the "
			    "zip file is damaged or hostile, and not read",
			    path);
			goto out;
		}
		buf_put(b, chunk, (size_t)got);
	}
	if (got < 0) {
		diag_msg(d, DIAG_ERROR, z->name, 0, 0, "not a readable "
		    "workbook: the part %s cannot be read (%s); save the "
		    "workbook again", path,
		    why(zip_error_code_zip(zip_file_get_error(f))));
		goto out;
	}
	rc = 1;
out:
	zip_fclose(f);
	return rc;
}

void
zipread_free(struct zipread *z)
{
	if (z == NULL)
		return;
	zip_discard(z->za);
	free(z);
}
