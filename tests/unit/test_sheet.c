/*
 * Unit tests of the spreadsheet readers: Excel date serials, column
 * names, the CSV reader's quoting and line ends, the sheet layout's
 * cells (date and percentage formats, typed periods, [x], [p]) and its
 * messages, the kind of an input by its content, and the normal form of
 * JSON (jsonout) read back to the same text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book.h"
#include "buf.h"
#include "csv.h"
#include "diag.h"
#include "harness.h"
#include "input.h"
#include "json.h"
#include "jsonout.h"
#include "model.h"

/* Messages of one call, for comparison. */
struct cap {
	char	*text;
	size_t	 len;
	FILE	*fp;
	struct diag d;
};

static void
cap_open(struct cap *c)
{
	c->text = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->text, &c->len);
	diag_init(&c->d, c->fp, "scorecard");
}

static const char *
cap_text(struct cap *c)
{
	fflush(c->fp);
	return c->text;
}

static void
cap_close(struct cap *c)
{
	fclose(c->fp);
	free(c->text);
}

static void
test_serial(void)
{
	int	 y, m, d;

	/* 1900 system: 1 is 1900-01-01, 60 the 29 February that never was. */
	OK(book_serial_date(1, false, &y, &m, &d));
	OK(y == 1900 && m == 1 && d == 1);
	OK(!book_serial_date(60, false, &y, &m, &d));
	OK(book_serial_date(61, false, &y, &m, &d));
	OK(y == 1900 && m == 3 && d == 1);
	OK(book_serial_date(44562, false, &y, &m, &d));
	OK(y == 2022 && m == 1 && d == 1);
	OK(book_serial_date(44562.75, false, &y, &m, &d));	/* a time */
	OK(y == 2022 && m == 1 && d == 1);
	/* 1904 system: 0 would be 1904-01-01; 43100 is 2022-01-01. */
	OK(book_serial_date(43100, true, &y, &m, &d));
	OK(y == 2022 && m == 1 && d == 1);
	OK(!book_serial_date(0, false, &y, &m, &d));
	OK(!book_serial_date(-5, true, &y, &m, &d));
	OK(!book_serial_date(1e300, false, &y, &m, &d));
}

static void
test_colname(void)
{
	struct buf	 b;

	buf_init(&b);
	book_colname(&b, 1);
	STR_EQ(b.data, "A");
	buf_reset(&b);
	book_colname(&b, 26);
	STR_EQ(b.data, "Z");
	buf_reset(&b);
	book_colname(&b, 27);
	STR_EQ(b.data, "AA");
	buf_reset(&b);
	book_colname(&b, 16384);
	STR_EQ(b.data, "XFD");
	buf_release(&b);
}

/* The text of cell (row, col) of the only sheet, or NULL. */
static const char *
celltext(const struct book *b, uint32_t row, uint32_t col)
{
	size_t	 i;

	for (i = 0; i < b->sheets[0].ncells; i++)
		if (b->sheets[0].cells[i].row == row &&
		    b->sheets[0].cells[i].col == col)
			return b->sheets[0].cells[i].text != NULL ?
			    b->sheets[0].cells[i].text : "";
	return NULL;
}

static void
test_csv(void)
{
	static const char text[] = "\xef\xbb\xbf" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
	    "\"two\nlines\",,\"\"\rlast,x";
	struct book	 b;
	struct cap	 c;

	cap_open(&c);
	book_init(&b);
	OK(csv_read(&b, "t.csv", text, sizeof(text) - 1, &c.d));
	STR_EQ(celltext(&b, 1, 1), "a");
	STR_EQ(celltext(&b, 1, 2), "b,c");
	STR_EQ(celltext(&b, 1, 3), "say \"hi\"");
	STR_EQ(celltext(&b, 2, 1), "two\nlines");
	OK(celltext(&b, 2, 2) == NULL);		/* empty: no cell */
	STR_EQ(celltext(&b, 2, 3), "");		/* "": an empty cell */
	STR_EQ(celltext(&b, 3, 1), "last");	/* after a lone CR */
	STR_EQ(celltext(&b, 3, 2), "x");
	/* Places: the field's first character, counted in characters. */
	INT_EQ(b.sheets[0].cells[2].line, 1);
	INT_EQ(b.sheets[0].cells[2].lcol, 9);
	book_release(&b);
	STR_EQ(cap_text(&c), "");
	cap_close(&c);

	cap_open(&c);
	book_init(&b);
	OK(!csv_read(&b, "t.csv", "a,\"b\"x\n", 7, &c.d));
	STR_EQ(cap_text(&c), "scorecard: t.csv:1:6: error: expected a "
	    "comma or a line end after the closing quote\n");
	book_release(&b);
	cap_close(&c);

	cap_open(&c);
	book_init(&b);
	OK(!csv_read(&b, "t.csv", "a\0b", 3, &c.d));
	STR_EQ(cap_text(&c), "scorecard: t.csv:1:2: error: a NUL byte: "
	    "this is not a text file\n");
	book_release(&b);
	cap_close(&c);
}

/* A one-sheet workbook "Indicators" from (row, col, type, fmt, num, text). */
struct spec {
	uint32_t	 row, col;
	enum cell_type	 type;
	enum cell_fmt	 fmt;
	double		 num;
	const char	*text;
};

static void
make_book(struct book *b, const struct spec *s, size_t n)
{
	struct sheet	*sh, *rep;
	struct cell	*c;
	size_t		 i;

	book_init(b);
	rep = book_sheet(b, "Report", false);
	c = book_cell(b, rep, 1, 1), c->type = CELL_TEXT,
	    c->text = strdup("title");
	c = book_cell(b, rep, 1, 2), c->type = CELL_TEXT, c->text = strdup("T");
	c = book_cell(b, rep, 2, 1), c->type = CELL_TEXT,
	    c->text = strdup("organisation");
	c = book_cell(b, rep, 2, 2), c->type = CELL_TEXT, c->text = strdup("O");
	c = book_cell(b, rep, 3, 1), c->type = CELL_TEXT,
	    c->text = strdup("period");
	c = book_cell(b, rep, 3, 2), c->type = CELL_NUMBER, c->fmt = FMT_MONTH,
	    c->num = 44562;
	sh = book_sheet(b, " INDICATORS ", false);
	for (i = 0; i < n; i++) {
		c = book_cell(b, sh, s[i].row, s[i].col);
		c->type = s[i].type;
		c->fmt = s[i].fmt;
		c->num = s[i].num;
		c->text = s[i].text != NULL ? strdup(s[i].text) : NULL;
	}
}

static void
test_layout(void)
{
	static const struct spec good[] = {
		/* Cells in any order: book_load() sorts them. */
		{ 2, 5, CELL_NUMBER, FMT_PERCENT, 0.098, NULL },
		{ 1, 1, CELL_TEXT, FMT_PLAIN, 0, " Id " },
		{ 1, 2, CELL_TEXT, FMT_PLAIN, 0, "title" },
		{ 1, 3, CELL_TEXT, FMT_PLAIN, 0, "unit" },
		{ 1, 4, CELL_NUMBER, FMT_MONTH, 44531, NULL },	/* Dec 2021 */
		{ 1, 5, CELL_NUMBER, FMT_DAY, 44562, NULL },	/* 1 Jan 2022 */
		{ 1, 6, CELL_TEXT, FMT_PLAIN, 0, "Q4 2021/22" },
		{ 1, 7, CELL_NUMBER, FMT_PLAIN, 2023, NULL },	/* a year */
		{ 1, 8, CELL_TEXT, FMT_PLAIN, 0, "Sept-22" },
		{ 2, 1, CELL_TEXT, FMT_PLAIN, 0, "rate" },
		{ 2, 2, CELL_TEXT, FMT_PLAIN, 0, " Stable " },
		{ 2, 3, CELL_TEXT, FMT_PLAIN, 0, "percent" },
		{ 2, 4, CELL_TEXT, FMT_PLAIN, 0, " [X] " },
		{ 2, 6, CELL_TEXT, FMT_PLAIN, 0, "12.5 [p]" },
		{ 2, 7, CELL_NUMBER, FMT_PLAIN, 40, NULL },
		{ 2, 8, CELL_TEXT, FMT_PLAIN, 0, " 99.5 " },
	};
	static const struct spec bad[] = {
		{ 1, 1, CELL_TEXT, FMT_PLAIN, 0, "id" },
		{ 1, 2, CELL_TEXT, FMT_PLAIN, 0, "title" },
		{ 1, 3, CELL_TEXT, FMT_PLAIN, 0, "unit" },
		{ 1, 4, CELL_TEXT, FMT_PLAIN, 0, "Jan 2022" },
		{ 1, 5, CELL_TEXT, FMT_PLAIN, 0, "2022-13" },
		{ 2, 1, CELL_TEXT, FMT_PLAIN, 0, "a" },
		{ 2, 2, CELL_TEXT, FMT_PLAIN, 0, "A" },
		{ 2, 3, CELL_TEXT, FMT_PLAIN, 0, "count" },
		{ 2, 4, CELL_BOOL, FMT_PLAIN, 1, NULL },
		{ 3, 1, CELL_TEXT, FMT_PLAIN, 0, "b" },
		{ 3, 2, CELL_TEXT, FMT_PLAIN, 0, "B" },
		{ 3, 3, CELL_TEXT, FMT_PLAIN, 0, "count" },
		{ 3, 4, CELL_NOCACHE, FMT_PLAIN, 0, NULL },
	};
	struct model	*m;
	struct book	 b;
	struct cap	 c;
	struct buf	 j;

	cap_open(&c);
	make_book(&b, good, sizeof(good) / sizeof(good[0]));
	m = model_new();
	OK(book_load(m, "b.xlsx", &b, NULL, &c.d));
	STR_EQ(cap_text(&c), "");
	buf_init(&j);
	jsonout_model(&j, m);
	STR_EQ(j.data, "{\n"
	    "  \"report\": {\n"
	    "    \"title\": \"T\",\n"
	    "    \"organisation\": \"O\",\n"
	    "    \"period\": \"2022-01\"\n"
	    "  },\n"
	    "  \"indicators\": [\n"
	    "    {\n"
	    "      \"id\": \"rate\",\n"
	    "      \"title\": \" Stable \",\n"
	    "      \"unit\": \"percent\",\n"
	    "      \"series\": [\n"
	    "        {\"period\": \"2021-12\", \"value\": null},\n"
	    "        {\"period\": \"2022-01-01\", \"value\": 9.8},\n"
	    "        {\"period\": \"2021/22 Q4\", \"value\": 12.5, "
	    "\"provisional\": true},\n"
	    "        {\"period\": \"2022-09\", \"value\": 99.5},\n"
	    "        {\"period\": \"2023\", \"value\": 40}\n"
	    "      ]\n"
	    "    }\n"
	    "  ]\n"
	    "}\n");
	buf_release(&j);
	model_free(m);
	book_release(&b);
	cap_close(&c);

	/* Every problem, at its cell; nothing in the model. */
	cap_open(&c);
	make_book(&b, bad, sizeof(bad) / sizeof(bad[0]));
	m = model_new();
	OK(!book_load(m, "b.xlsx", &b, NULL, &c.d));
	OK(m->ninds == 0 && m->report.title == NULL);
	STR_EQ(cap_text(&c), "scorecard: b.xlsx: ' INDICATORS '!E1: error: "
	    "heading \"2022-13\" is neither a field (id, code, title, section, "
	    "unit, better, target, amber, commentary, chart, comparator) nor "
	    "a period (2022-01, Jan 2022, 2021/22 Q2, 2021/22, 2020, "
	    "2022-02-15, or a date)\n"
	    "scorecard: b.xlsx: ' INDICATORS '!D2: error: expected a number, "
	    "[x] or an empty cell, found \"TRUE\"\n"
	    "scorecard: b.xlsx: ' INDICATORS '!D3: error: a formula with no "
	    "value saved; open the workbook in Excel or LibreOffice and save "
	    "it again, so that its values are stored\n"
	    "scorecard: b.xlsx: ' INDICATORS '!2:2: error: expected at least "
	    "one point\n"
	    "scorecard: b.xlsx: ' INDICATORS '!3:3: error: expected at least "
	    "one point\n");
	model_free(m);
	book_release(&b);
	cap_close(&c);
}

/* A text cell of sh, or an empty one (text NULL). */
static void
put(struct book *b, struct sheet *sh, uint32_t row, uint32_t col,
    const char *text)
{
	struct cell	*c = book_cell(b, sh, row, col);

	c->type = text != NULL ? CELL_TEXT : CELL_EMPTY;
	c->text = text != NULL ? strdup(text) : NULL;
}

/*
 * The lookups of book_load() for a book of NIND indicators of nday daily
 * points, each point with a note in a Details sheet whose rows run in
 * the opposite order; checks the notes found.
 */
static unsigned long
scale_details(uint32_t nday)
{
	enum { NIND = 4 };
	struct model	*m;
	struct book	 b;
	struct sheet	*ind, *det;
	struct cell	*c;
	struct cap	 cp;
	unsigned long	 before, n;
	uint32_t	 k, d, r;
	char		 id[16];

	make_book(&b, NULL, 0);
	ind = &b.sheets[1];
	put(&b, ind, 1, 1, "id");
	put(&b, ind, 1, 2, "title");
	put(&b, ind, 1, 3, "unit");
	for (d = 0; d < nday; d++) {
		c = book_cell(&b, ind, 1, 4 + d);
		c->type = CELL_NUMBER, c->fmt = FMT_DAY, c->num = 36526 + d;
	}
	for (k = 0; k < NIND; k++) {
		snprintf(id, sizeof(id), "i%u", k);
		put(&b, ind, 2 + k, 1, id);
		put(&b, ind, 2 + k, 2, "T");
		put(&b, ind, 2 + k, 3, "count");
		for (d = 0; d < nday; d++) {
			c = book_cell(&b, ind, 2 + k, 4 + d);
			c->type = CELL_NUMBER, c->num = k * 10 + d % 7;
		}
	}
	det = book_sheet(&b, "Details", false);
	put(&b, det, 1, 1, "id");
	put(&b, det, 1, 2, "period");
	put(&b, det, 1, 3, "note");
	for (r = 0, k = 0; k < NIND; k++)
		for (d = 0; d < nday; d++, r++) {
			snprintf(id, sizeof(id), "i%u", k);
			put(&b, det, 2 + r, 1, id);
			c = book_cell(&b, det, 2 + r, 2);
			c->type = CELL_NUMBER, c->fmt = FMT_DAY,
			    c->num = 36526 + (nday - 1 - d);
			snprintf(id, sizeof(id), "n%u", d);
			put(&b, det, 2 + r, 3, id);
		}
	cap_open(&cp);
	m = model_new();
	before = book_lookups();
	OK(book_load(m, "b.xlsx", &b, NULL, &cp.d));
	n = book_lookups() - before;
	STR_EQ(cap_text(&cp), "");
	OK(m->ninds == NIND && m->inds[NIND - 1].series.npts == nday);
	if (m->ninds == NIND && m->inds[NIND - 1].series.npts == nday) {
		/* The last point's note is the Details row of its date. */
		STR_EQ(m->inds[NIND - 1].series.pts[nday - 1].note, "n0");
		snprintf(id, sizeof(id), "n%u", nday - 1);
		STR_EQ(m->inds[0].series.pts[0].note, id);
	}
	model_free(m);
	book_release(&b);
	cap_close(&cp);
	return n;
}

/*
 * The lookups of book_load() for NWIDE rows of wide cells, all empty
 * but the last (no value each, so no JSON limit), under as many period
 * headings.
 */
static unsigned long
scale_wide(uint32_t wide)
{
	enum { NWIDE = 40 };
	struct model	*m;
	struct book	 b;
	struct sheet	*ind;
	struct cell	*c;
	struct cap	 cp;
	unsigned long	 before, n;
	uint32_t	 k, d;
	char		 id[16];

	make_book(&b, NULL, 0);
	ind = &b.sheets[1];
	put(&b, ind, 1, 1, "id");
	put(&b, ind, 1, 2, "title");
	put(&b, ind, 1, 3, "unit");
	for (d = 0; d < wide; d++) {
		c = book_cell(&b, ind, 1, 4 + d);
		c->type = CELL_NUMBER, c->fmt = FMT_DAY, c->num = 36526 + d;
	}
	for (k = 0; k < NWIDE; k++) {
		snprintf(id, sizeof(id), "w%u", k);
		put(&b, ind, 2 + k, 1, id);
		put(&b, ind, 2 + k, 2, "T");
		put(&b, ind, 2 + k, 3, "count");
		for (d = 0; d < wide - 1; d++)
			put(&b, ind, 2 + k, 4 + d, "");
		c = book_cell(&b, ind, 2 + k, 4 + d);
		c->type = CELL_NUMBER, c->num = k;
	}
	cap_open(&cp);
	m = model_new();
	before = book_lookups();
	OK(book_load(m, "b.xlsx", &b, NULL, &cp.d));
	n = book_lookups() - before;
	STR_EQ(cap_text(&cp), "");
	OK(m->ninds == NWIDE && m->inds[NWIDE - 1].series.npts == 1);
	model_free(m);
	book_release(&b);
	cap_close(&cp);
	return n;
}

/*
 * Lookups that scanned made the work grow with the square of the input:
 * each point's Details row (48,000 points, 48,000 rows: 3.4 s before
 * the index) and each period column's cell in rows of 16,384 cells (40
 * rows: 2 s before), and the period headings compared pairwise.  The
 * guard counts book_load()'s comparisons (book_lookups()), not time,
 * so a loaded machine cannot fail it: four times the input must cost
 * at most six times the comparisons (n log n gives about 4.7, a scan 16).
 */
static void
test_scale(void)
{
	enum { NDAY = 12000, WIDE = 16381 };
	unsigned long	 n, n4;

	n = scale_details(NDAY / 4);
	n4 = scale_details(NDAY);
	OK(n > 0 && n4 <= 6 * n);
	if (!(n > 0 && n4 <= 6 * n))
		fprintf(stderr, "Details lookup: %lu comparisons for %d "
		    "points, %lu for %d\n", n, NDAY, n4, NDAY * 4);
	n = scale_wide(WIDE / 4);
	n4 = scale_wide(WIDE);
	OK(n > 0 && n4 <= 6 * n);
	if (!(n > 0 && n4 <= 6 * n))
		fprintf(stderr, "wide rows: %lu comparisons for %d columns, "
		    "%lu for %d\n", n, WIDE / 4, n4, WIDE);
}

/*
 * A workbook whose JSON equivalent passes JSON's 64 MiB: refused naming
 * that, not json.c's "file too large" for a file that is not.
 */
static void
test_toobig(void)
{
	enum { NIND = 600, LEN = 60000 };
	struct model	*m;
	struct book	 b;
	struct sheet	*ind;
	struct cell	*c;
	struct cap	 cp;
	char		*big, id[16];
	uint32_t	 k;

	big = malloc(LEN + 1);
	memset(big, 'w', LEN);
	big[LEN] = '\0';
	make_book(&b, NULL, 0);
	ind = &b.sheets[1];
	put(&b, ind, 1, 1, "id");
	put(&b, ind, 1, 2, "title");
	put(&b, ind, 1, 3, "unit");
	put(&b, ind, 1, 4, "commentary");
	put(&b, ind, 1, 5, "2022-01");
	for (k = 0; k < NIND; k++) {
		snprintf(id, sizeof(id), "i%u", k);
		put(&b, ind, 2 + k, 1, id);
		put(&b, ind, 2 + k, 2, big);
		put(&b, ind, 2 + k, 3, "count");
		put(&b, ind, 2 + k, 4, big);
		c = book_cell(&b, ind, 2 + k, 5);
		c->type = CELL_NUMBER, c->num = 1;
	}
	free(big);
	cap_open(&cp);
	m = model_new();
	OK(!book_load(m, "b.xlsx", &b, NULL, &cp.d));
	STR_EQ(cap_text(&cp), "scorecard: b.xlsx: error: the indicators, "
	    "report fields and notes of this file come to 68 MiB as JSON, "
	    "more than a report may hold (the limit is 64 MiB)\n");
	model_free(m);
	book_release(&b);
	cap_close(&cp);
}

static void
test_kind(void)
{
	INT_EQ(input_kind("PK\3\4", 4), INPUT_XLSX);
	INT_EQ(input_kind("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), INPUT_XLSX);
	INT_EQ(input_kind("\xef\xbb\xbf \n{", 6), INPUT_JSON);
	INT_EQ(input_kind("  [1]", 5), INPUT_JSON);
	INT_EQ(input_kind("", 0), INPUT_JSON);
	INT_EQ(input_kind("id,title", 8), INPUT_CSV);
	INT_EQ(input_kind("\xff\xfe{\0", 4), INPUT_JSON);
	INT_EQ(input_kind("\xff\xfei\0d\0", 6), INPUT_CSV);
}

/* jsonout's text of a model reads back to the same text. */
static void
test_jsonout(void)
{
	static const char in[] = "{\"report\": {\"title\": \"T\", "
	    "\"organisation\": \"O\", \"period\": \"2022-01\"}, "
	    "\"suppression\": {\"threshold\": 9}, "
	    "\"comparators\": {\"sn\": \"SN\"}, \"indicators\": [{\"id\": "
	    "\"a\", \"title\": \"A\", \"unit\": \"rate10k\", \"target\": 0.1, "
	    "\"series\": [{\"period\": \"2022-01\", \"value\": "
	    "0.30000000000000004, \"note\": \"n\\u00e9\"}, {\"period\": "
	    "\"2021-12\", \"value\": null, \"numerator\": 1, \"denominator\": "
	    "3}], \"comparators\": {\"sn\": [{\"period\": \"2022-01\", "
	    "\"value\": 2}]}, \"breakdown\": {\"items\": [{\"label\": \"x\", "
	    "\"value\": 1}]}, \"chart\": \"column\"}]}";
	struct model	*m, *m2;
	struct buf	 a, b;
	struct cap	 c;

	cap_open(&c);
	m = model_new();
	m2 = model_new();
	buf_init(&a);
	buf_init(&b);
	OK(json_load_mem(m, "t.json", in, sizeof(in) - 1, &c.d));
	jsonout_model(&a, m);
	OK(strstr(a.data, "0.30000000000000004") != NULL);
	OK(strstr(a.data, "\"suppression\": {\"threshold\": 9}") != NULL);
	OK(json_load_mem(m2, "a.json", a.data, a.len, &c.d));
	jsonout_model(&b, m2);
	STR_EQ(a.data, b.data);
	STR_EQ(cap_text(&c), "");
	buf_release(&a);
	buf_release(&b);
	model_free(m);
	model_free(m2);
	cap_close(&c);
}

int
main(void)
{
	test_serial();
	test_colname();
	test_csv();
	test_layout();
	test_scale();
	test_toobig();
	test_kind();
	test_jsonout();
	return harness_done();
}
