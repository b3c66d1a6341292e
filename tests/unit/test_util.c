/*
 * test_util: xml_most_attrs(), the count of attributes that templates
 * and xlsx parts pass before libxml2 reads them; cp_unfit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "../harness.h"

/* xml_most_attrs() over a C string. */
static size_t
most(const char *s, int *line, int *col)
{
	return xml_most_attrs(s, strlen(s), line, col);
}

static void
test_most_attrs(void)
{
	int	 line = 0, col = 0;

	/* Nothing to count: 0, at 1:1. */
	INT_EQ(most("", &line, &col), 0);
	INT_EQ(line, 1);
	INT_EQ(col, 1);
	INT_EQ(most("just text, a = b", &line, &col), 0);
	INT_EQ(most("<a><b/></a>", &line, &col), 0);
	INT_EQ(line, 1);
	INT_EQ(col, 1);

	/* The tag with the most, and where its '<' is. */
	INT_EQ(most("<a x=\"1\">\n  <b y=\"1\" z='2' w=\"3\"/>\n"
	    "<c v=\"1\" u=\"2\"/></a>", &line, &col), 3);
	INT_EQ(line, 2);
	INT_EQ(col, 3);
	/* The first of two equal counts. */
	INT_EQ(most("<a x=\"1\"/>\n<b y=\"1\"/>", &line, &col), 1);
	INT_EQ(line, 1);
	INT_EQ(col, 1);
	/* Namespace declarations are attributes to libxml2. */
	INT_EQ(most("<a xmlns=\"u\" xmlns:p=\"v\" p:x=\"1\"/>", &line,
	    &col), 3);

	/* '=' and '>' inside quotes are values, not attributes or ends. */
	INT_EQ(most("<a x=\"=>=\" y='a=b'/>", &line, &col), 2);
	INT_EQ(most("<a x='\"=\"'/>", &line, &col), 1);
	/* A tag over several lines is placed where it starts. */
	INT_EQ(most("<r>\n<a\n x=\"1\"\n y=\"2\"/></r>", &line, &col), 2);
	INT_EQ(line, 2);
	INT_EQ(col, 1);

	/* Skipped: comments, CDATA, processing instructions, DOCTYPE. */
	INT_EQ(most("<!-- <a x=1 y=2 z=3> --><b/>", &line, &col), 0);
	INT_EQ(most("<r><![CDATA[<a x=1 y=2>]]></r>", &line, &col), 0);
	INT_EQ(most("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>",
	    &line, &col), 0);
	INT_EQ(most("<!DOCTYPE html><r/>", &line, &col), 0);
	/* A '>' inside a comment does not end it early. */
	INT_EQ(most("<!-- a > b --><r a=\"1\"/>", &line, &col), 1);
	/* The lines inside skipped parts still count. */
	INT_EQ(most("<!--\n\n--><r a=\"1\"/>", &line, &col), 1);
	INT_EQ(line, 3);
	INT_EQ(col, 4);

	/* Cut short, the text is still read to its end, no further. */
	INT_EQ(xml_most_attrs("<a x=\"1\" y=\"2\"/>", 8, &line, &col), 1);
	INT_EQ(most("<a x=\"1", &line, &col), 1);
	INT_EQ(most("<!-- unclosed <a x=1>", &line, &col), 0);

	/* Column wanted or not: the count and line are the same. */
	INT_EQ(most("<r>\n\n<a x=\"1\" y=\"2\"/></r>", &line, NULL), 2);
	INT_EQ(line, 3);
}

/* Many attributes on one element are counted in one pass. */
static void
test_most_attrs_many(void)
{
	size_t	 n = 300000, i, len;
	char	*s, *p;
	int	 line, col;

	s = malloc(n * 8 + 16);
	OK(s != NULL);
	if (s == NULL)
		return;
	p = s;
	p += sprintf(p, "\n <e");
	for (i = 0; i < n; i++)
		p += sprintf(p, " a%zu=\"\"", i % 10);
	p += sprintf(p, "/>");
	len = (size_t)(p - s);
	INT_EQ(xml_most_attrs(s, len, &line, &col), n);
	INT_EQ(line, 2);
	INT_EQ(col, 2);
	free(s);
}

static void
test_cp_unfit(void)
{
	OK(!cp_unfit('\t'));
	OK(!cp_unfit('\n'));
	OK(!cp_unfit('\r'));
	OK(!cp_unfit(' '));
	OK(!cp_unfit(0xe9));
	OK(cp_unfit(0));
	OK(cp_unfit(0x0c));
	OK(cp_unfit(0x7f));
	OK(cp_unfit(0x85));
	OK(cp_unfit(0xfdd0));
	OK(cp_unfit(0xfffe));
	OK(cp_unfit(0x10ffff));
	OK(!cp_unfit(0x10fffd));
}

int
main(void)
{
	test_most_attrs();
	test_most_attrs_many();
	test_cp_unfit();
	return harness_done();
}
