/*
 * test_xmlpull: the hardened pull reader: node kinds in order, names,
 * values and attributes, empty elements; a document type and entities
 * refused; libxml2's first message and line on a text that is not
 * well-formed; nothing loaded from outside.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "xmlpull.h"

#include "../harness.h"

static struct xmlpull *
open_str(const char *s)
{
	return xmlpull_new(s, strlen(s), "t.xml");
}

/* Reads s to its end or first failure; returns the last xmlpull_next(). */
static int
drain(const char *s)
{
	struct xmlpull	*p;
	int		 t;

	if ((p = open_str(s)) == NULL)
		return 99;
	while ((t = xmlpull_next(p)) > 0)
		continue;
	xmlpull_free(p);
	return t;
}

static void
test_walk(void)
{
	struct xmlpull	*p;
	const char	*v;
	int		 n;

	p = open_str("<?xml version=\"1.0\"?>\n"
	    "<r xmlns:x=\"urn:x\" a=\"1\" x:b=\"&lt;2&gt;\">"
	    "<!-- c --><e/><t>A&amp;B</t> <![CDATA[<c>]]></r>");
	OK(p != NULL);
	if (p == NULL)
		return;
	INT_EQ(xmlpull_next(p), XMLPULL_ELEMENT);
	STR_EQ(xmlpull_name(p), "r");
	OK(!xmlpull_empty(p));
	/* Attributes in order, local names, values unescaped. */
	OK(xmlpull_attr_first(p));
	n = 0;
	do {
		v = xmlpull_name(p);
		if (v != NULL && strcmp(v, "a") == 0) {
			STR_EQ(xmlpull_value(p), "1");
			n++;
		} else if (v != NULL && strcmp(v, "b") == 0) {
			STR_EQ(xmlpull_value(p), "<2>");
			n++;
		}
	} while (xmlpull_attr_next(p));
	INT_EQ(n, 2);
	xmlpull_attr_done(p);
	STR_EQ(xmlpull_name(p), "r");

	INT_EQ(xmlpull_next(p), XMLPULL_OTHER);		/* the comment */
	INT_EQ(xmlpull_next(p), XMLPULL_ELEMENT);
	STR_EQ(xmlpull_name(p), "e");
	OK(xmlpull_empty(p));
	OK(!xmlpull_attr_first(p));
	INT_EQ(xmlpull_next(p), XMLPULL_ELEMENT);
	STR_EQ(xmlpull_name(p), "t");
	INT_EQ(xmlpull_next(p), XMLPULL_TEXT);
	STR_EQ(xmlpull_value(p), "A&B");
	INT_EQ(xmlpull_next(p), XMLPULL_END_ELEMENT);
	STR_EQ(xmlpull_name(p), "t");
	INT_EQ(xmlpull_next(p), XMLPULL_TEXT);		/* white space */
	STR_EQ(xmlpull_value(p), " ");
	INT_EQ(xmlpull_next(p), XMLPULL_TEXT);		/* CDATA */
	STR_EQ(xmlpull_value(p), "<c>");
	INT_EQ(xmlpull_next(p), XMLPULL_END_ELEMENT);
	INT_EQ(xmlpull_next(p), XMLPULL_END);
	xmlpull_free(p);
	xmlpull_free(NULL);
}

static void
test_refused(void)
{
	/* A document type, even an empty one, and any entity. */
	INT_EQ(drain("<!DOCTYPE r><r/>"), XMLPULL_REFUSED);
	INT_EQ(drain("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>"),
	    XMLPULL_REFUSED);
	INT_EQ(drain("<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>"),
	    XMLPULL_REFUSED);
	/* An undeclared entity is not well-formed. */
	INT_EQ(drain("<r>&nope;</r>"), XMLPULL_BAD);
	/* The predefined ones are text. */
	INT_EQ(drain("<r>&lt;&#65;</r>"), XMLPULL_END);
}

static void
test_bad(void)
{
	struct xmlpull	*p;
	const char	*msg;
	int		 line = 0, t;

	p = open_str("<r>\n<a>\n</b></r>");
	OK(p != NULL);
	if (p == NULL)
		return;
	while ((t = xmlpull_next(p)) > 0)
		continue;
	INT_EQ(t, XMLPULL_BAD);
	msg = xmlpull_error(p, &line);
	OK(strstr(msg, "mismatch") != NULL);
	INT_EQ(line, 3);
	/* No trailing line break or space. */
	OK(msg[0] != '\0' && msg[strlen(msg) - 1] != '\n' &&
	    msg[strlen(msg) - 1] != ' ');
	OK(strlen(msg) < 160);
	/* Stays failed. */
	OK(xmlpull_next(p) < 0);
	xmlpull_free(p);

	INT_EQ(drain(""), XMLPULL_BAD);
	INT_EQ(drain("<r>"), XMLPULL_BAD);
	INT_EQ(drain("<r/><s/>"), XMLPULL_BAD);
	/* Too long for libxml2's int: refused before it reads a byte. */
	OK(xmlpull_new("<r/>", (size_t)INT_MAX + 1, "t.xml") == NULL);
}

int
main(void)
{
	test_walk();
	test_refused();
	test_bad();
	return harness_done();
}
