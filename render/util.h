/*
 * util: allocation that cannot fail.  Each x* function prints
 * "scorecard: out of memory" and exits with status 3 when the system
 * allocator fails, so callers never check for NULL.  Knows nothing of
 * the domain.
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

#endif
