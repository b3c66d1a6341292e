/*
 * util: allocation that cannot fail.  Each x* function prints
 * "scorecard: out of memory" and exits with status 3 when the system
 * allocator fails, so callers never check for NULL.  And the one rule
 * on characters that both the input (json.c) and templates (tmpl.c)
 * apply.  Knows nothing of the domain.
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

#endif
