/*
 * xmlpull: the hardened pull reader of xmlpull.h, on libxml2's
 * xmlTextReader.  Reaches libxml2 through tmpl-int.h, the template
 * module's private header, so that libxml2 stays behind one module:
 * templates build a tree (tmpl-parse.c), this streams, which for a
 * large spreadsheet part is several times faster and holds one node at
 * a time.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl-int.h"
#include "util.h"
#include "xmlpull.h"

/* No network, no entities, no DTD, no warnings; big line numbers. */
#define	PULL_OPTS	(XML_PARSE_NONET | XML_PARSE_BIG_LINES | \
			 XML_PARSE_NOWARNING)

struct xmlpull {
	xmlTextReaderPtr r;
	char		 err[160];	/* libxml2's first message */
	int		 eline;
};

static void
pull_error(void *arg, xmlErrorPtr e)
{
	struct xmlpull	*p = arg;
	size_t		 n;

	if (e == NULL || p->err[0] != '\0')
		return;
	snprintf(p->err, sizeof(p->err), "%s", e->message != NULL ?
	    e->message : "error");
	n = strlen(p->err);
	while (n > 0 && (p->err[n - 1] == '\n' || p->err[n - 1] == ' '))
		p->err[--n] = '\0';
	p->eline = e->line;
}

struct xmlpull *
xmlpull_new(const char *data, size_t len, const char *name)
{
	struct xmlpull	*p;

	if (len > INT_MAX)
		return NULL;
	p = xcalloc(1, sizeof(*p));
	if ((p->r = xmlReaderForMemory(data, (int)len, name, NULL,
	    PULL_OPTS)) == NULL) {
		free(p);
		return NULL;
	}
	xmlTextReaderSetStructuredErrorHandler(p->r, pull_error, p);
	return p;
}

void
xmlpull_free(struct xmlpull *p)
{
	if (p == NULL)
		return;
	xmlFreeTextReader(p->r);
	free(p);
}

int
xmlpull_next(struct xmlpull *p)
{
	int	 rc;

	if ((rc = xmlTextReaderRead(p->r)) == 1)
		switch (xmlTextReaderNodeType(p->r)) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			return XMLPULL_REFUSED;
		case XML_READER_TYPE_ELEMENT:
			return XMLPULL_ELEMENT;
		case XML_READER_TYPE_END_ELEMENT:
			return XMLPULL_END_ELEMENT;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			return XMLPULL_TEXT;
		default:
			return XMLPULL_OTHER;
		}
	/* libxml2 may end the text quietly after an error. */
	if (rc == 0 && p->err[0] == '\0')
		return XMLPULL_END;
	return XMLPULL_BAD;
}

const char *
xmlpull_error(const struct xmlpull *p, int *line)
{
	*line = p->eline;
	return p->err;
}

const char *
xmlpull_name(struct xmlpull *p)
{
	return (const char *)xmlTextReaderConstLocalName(p->r);
}

const char *
xmlpull_value(struct xmlpull *p)
{
	return (const char *)xmlTextReaderConstValue(p->r);
}

bool
xmlpull_empty(struct xmlpull *p)
{
	return xmlTextReaderIsEmptyElement(p->r) == 1;
}

bool
xmlpull_attr_first(struct xmlpull *p)
{
	return xmlTextReaderMoveToFirstAttribute(p->r) == 1;
}

bool
xmlpull_attr_next(struct xmlpull *p)
{
	return xmlTextReaderMoveToNextAttribute(p->r) == 1;
}

void
xmlpull_attr_done(struct xmlpull *p)
{
	xmlTextReaderMoveToElement(p->r);
}
