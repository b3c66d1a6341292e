/*
 * xmlpull: a hardened pull reader of XML held in memory, one node at a
 * time, for modules that read XML other than templates (xlsx.c reads
 * a workbook's parts with it).  Part of the template module, which
 * keeps libxml2 to itself: no libxml2 type or header reaches the
 * caller.  Built on libxml2's xmlTextReader with XML_PARSE_NONET and
 * none of NOENT, DTDLOAD, DTDATTR or XINCLUDE, so nothing outside the
 * text is ever read and no entity expanded; a document type
 * declaration or an entity reference is refused outright.  libxml2's
 * messages go to a handler of the reader's own (no global state), and
 * the first one is kept for the caller to report in its own words:
 * this module reports nothing.
 *
 * The text is not counted for attributes here: a caller that takes
 * untrusted text refuses one with too many first (xml_most_attrs()).
 */
#ifndef XMLPULL_H
#define XMLPULL_H

#include <stdbool.h>
#include <stddef.h>

struct xmlpull;

/* What xmlpull_next() returns. */
#define	XMLPULL_REFUSED		(-2)	/* a document type or an entity */
#define	XMLPULL_BAD		(-1)	/* not well-formed: xmlpull_error() */
#define	XMLPULL_END		0	/* the end of the text */
#define	XMLPULL_ELEMENT		1	/* a start tag, or an empty element */
#define	XMLPULL_END_ELEMENT	2	/* an end tag */
#define	XMLPULL_TEXT		3	/* text, CDATA or white space */
#define	XMLPULL_OTHER		4	/* a comment, processing instruction... */

/*
 * Returns a new reader of the len bytes of data, which it borrows until
 * xmlpull_free() (name, for libxml2's messages, is copied).  Returns
 * NULL when len is more than INT_MAX or memory ran out.
 */
struct xmlpull	*xmlpull_new(const char *data, size_t len, const char *name);
/* Frees p (NULL: nothing). */
void		 xmlpull_free(struct xmlpull *p);

/*
 * Moves to the next node and returns its kind, one of the XMLPULL_
 * values: XMLPULL_END at the end, XMLPULL_BAD (and for ever after) when
 * the text is not well-formed, XMLPULL_REFUSED on a document type
 * declaration or an entity.
 */
int		 xmlpull_next(struct xmlpull *p);
/*
 * After XMLPULL_BAD: libxml2's first message (trailing white space cut,
 * at most 159 bytes), or "" if it gave none, and its line in *line.
 * Owned by p.
 */
const char	*xmlpull_error(const struct xmlpull *p, int *line);

/*
 * The local name of the current element or attribute (no prefix), or
 * NULL; and the value of the current text or attribute, or NULL.  Both
 * are owned by p and change when it moves.
 */
const char	*xmlpull_name(struct xmlpull *p);
const char	*xmlpull_value(struct xmlpull *p);
/* Whether the current element is empty (<a/>): no end tag follows. */
bool		 xmlpull_empty(struct xmlpull *p);

/*
 * The current element's attributes, one at a time: xmlpull_attr_first()
 * moves to the first (false: it has none), xmlpull_attr_next() to the
 * next (false: no more); xmlpull_attr_done() moves back to the element.
 */
bool		 xmlpull_attr_first(struct xmlpull *p);
bool		 xmlpull_attr_next(struct xmlpull *p);
void		 xmlpull_attr_done(struct xmlpull *p);

#endif
