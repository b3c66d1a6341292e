/*
 * libFuzzer harness: a workbook from arbitrary bytes through zipread,
 * xlsx_read() and book_load().  Input starting with "PK" or the OLE2
 * magic is the whole file.  Anything else is the parts that matter,
 * split at NUL bytes: the Indicators sheet's XML, then the shared
 * strings, then the styles, then the Report sheet; the harness puts
 * them in a zip of its own (stored, with a fixed workbook), so that
 * mutations reach the XML and the sheet layout rather than dying on a
 * checksum.  Either the load fails with an error reported and the model
 * empty, or the model holds at least one indicator.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "sheetfuzz.h"
#include "xlsx.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
le16(struct buf *b, unsigned v)
{
	buf_putc(b, (char)(v & 0xff));
	buf_putc(b, (char)((v >> 8) & 0xff));
}

static void
le32(struct buf *b, unsigned long v)
{
	le16(b, (unsigned)(v & 0xffff));
	le16(b, (unsigned)((v >> 16) & 0xffff));
}

struct part {
	const char	*name;
	const char	*data;
	size_t		 len;
};

/* A stored (uncompressed) zip of the parts. */
static void
zip(struct buf *z, const struct part *p, size_t n)
{
	struct buf	 cd;
	unsigned long	 crc, off[8];
	size_t		 i, start;

	buf_init(&cd);
	for (i = 0; i < n; i++) {
		crc = crc32(0, (const Bytef *)p[i].data, (uInt)p[i].len);
		off[i] = z->len;
		le32(z, 0x04034b50);
		le16(z, 20), le16(z, 0), le16(z, 0), le16(z, 0), le16(z, 0);
		le32(z, crc), le32(z, p[i].len), le32(z, p[i].len);
		le16(z, (unsigned)strlen(p[i].name)), le16(z, 0);
		buf_puts(z, p[i].name);
		buf_put(z, p[i].data, p[i].len);
		le32(&cd, 0x02014b50);
		le16(&cd, 20), le16(&cd, 20), le16(&cd, 0), le16(&cd, 0);
		le16(&cd, 0), le16(&cd, 0);
		le32(&cd, crc), le32(&cd, p[i].len), le32(&cd, p[i].len);
		le16(&cd, (unsigned)strlen(p[i].name)), le16(&cd, 0);
		le16(&cd, 0), le16(&cd, 0), le16(&cd, 0), le32(&cd, 0);
		le32(&cd, off[i]);
		buf_puts(&cd, p[i].name);
	}
	start = z->len;
	buf_put(z, cd.data, cd.len);
	le32(z, 0x06054b50);
	le16(z, 0), le16(z, 0), le16(z, (unsigned)n), le16(z, (unsigned)n);
	le32(z, cd.len), le32(z, start), le16(z, 0);
	buf_release(&cd);
}

#define	NS	"http://schemas.openxmlformats.org/"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char rels[] = "<Relationships xmlns=\"" NS
	    "package/2006/relationships\"><Relationship Id=\"r\" Type=\""
	    NS "officeDocument/2006/relationships/officeDocument\" "
	    "Target=\"xl/workbook.xml\"/></Relationships>";
	static const char wb[] = "<workbook xmlns=\"" NS
	    "spreadsheetml/2006/main\" xmlns:r=\"" NS
	    "officeDocument/2006/relationships\"><sheets><sheet name=\""
	    "Indicators\" sheetId=\"1\" r:id=\"s1\"/><sheet name=\"Report\" "
	    "sheetId=\"2\" r:id=\"s2\"/></sheets></workbook>";
	static const char wbrels[] = "<Relationships xmlns=\"" NS
	    "package/2006/relationships\"><Relationship Id=\"s1\" Type=\""
	    NS "x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"s2\" Type=\"" NS "x/worksheet\" Target=\""
	    "worksheets/sheet2.xml\"/><Relationship Id=\"t\" Type=\"" NS
	    "x/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship "
	    "Id=\"y\" Type=\"" NS "x/styles\" Target=\"styles.xml\"/>"
	    "</Relationships>";
	static const char *const names[] = { "xl/worksheets/sheet1.xml",
	    "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml" };
	struct part	 p[8];
	struct sheetfuzz f;
	struct buf	 z;
	const char	*s = (const char *)data, *e;
	size_t		 n = 0, k;
	bool		 ok;

	buf_init(&z);
	if (size >= 2 && (memcmp(data, "PK", 2) == 0 ||
	    (size >= 8 && memcmp(data, "\xd0\xcf\x11\xe0", 4) == 0)))
		buf_put(&z, data, size);
	else {
		p[n++] = (struct part){ "_rels/.rels", rels, sizeof(rels) - 1 };
		p[n++] = (struct part){ "xl/workbook.xml", wb, sizeof(wb) - 1 };
		p[n++] = (struct part){ "xl/_rels/workbook.xml.rels", wbrels,
		    sizeof(wbrels) - 1 };
		for (k = 0; k < 4; k++) {
			e = memchr(s, '\0', size - (size_t)(s - (const char *)data));
			if (e == NULL)
				e = (const char *)data + size;
			p[n++] = (struct part){ names[k], s, (size_t)(e - s) };
			if (e == (const char *)data + size)
				break;
			s = e + 1;
		}
		zip(&z, p, n);
	}
	sheetfuzz_begin(&f);
	ok = xlsx_read(&f.b, "fuzz.xlsx", z.data, z.len, &f.d) &&
	    book_load(f.m, "fuzz.xlsx", &f.b, NULL, &f.d);
	sheetfuzz_check(&f, ok);
	sheetfuzz_end(&f);
	buf_release(&z);
	return 0;
}
