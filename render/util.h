/*
 * util: allocation that cannot fail.  Each x* function prints
 * "scorecard: out of memory" and exits with status 3 when the system
 * allocator fails, so callers never check for NULL.  And the one rule
 * on characters that both the input (json.c) and templates (tmpl-node.c)
 * apply, and the one count of attributes that both readers of XML
 * (templates and xlsx.c) make before libxml2 sees a text.  Knows
 * nothing of the domain.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

/* Returns n bytes; never NULL (exits on failure).  Caller frees. */
void	*xmalloc(size_t n);
/* Returns nmemb * size zeroed bytes; exits on overflow or failure. */
void	*xcalloc(size_t nmemb, size_t size);
/* Resizes p to nmemb * size bytes; exits on overflow or failure. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);
/* Returns a copy of s (NULL gives NULL).  Caller frees. */
char	*xstrdup(const char *s);
/* Returns a copy of the first n bytes of s, NUL-terminated. */
char	*xstrndup(const char *s, size_t n);

/*
 * Whether code point cp cannot stand in a published page: the C0
 * controls other than tab, line feed and carriage return, the C1
 * controls and the noncharacters, which XML refuses or HTML calls a
 * parse error.
 */
int	 cp_unfit(unsigned long cp);

/*
 * Returns the most attributes (namespace declarations included) in one
 * start tag of the len bytes of XML text data, and sets *line and *col
 * (from 1; col in bytes, NULL: not wanted) to where that tag's '<' is,
 * or to 1 and 1 when there is no attribute.  libxml2 2.9 adds each
 * attribute by walking the element's list (and its reader compares them
 * pairwise), so an element of 300,000 attributes takes minutes: callers
 * refuse a text whose count passes their limit before libxml2 sees it.
 * Read from the text alone, in linear time: comments, CDATA sections,
 * processing instructions and declarations are skipped, and the '='
 * outside quotes inside a tag counted, which is the number of
 * attributes when the tag is well-formed (when it is not, the parser
 * says so).  data is read as ASCII-compatible (UTF-8 and the like).
 */
size_t	 xml_most_attrs(const char *data, size_t len, int *line, int *col);

#endif
