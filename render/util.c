/*
 * util: the x* allocators.  Out of memory is not an input error: there
 * is nothing useful to report with a position, so the process says so
 * and exits (as sblg, mandoc and cmark do).  Then the rule on
 * characters and the count of attributes in XML text that util.h
 * describes.
 */
#include <sys/resource.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Under a memory limit the estimates of memlimit.h should have refused
 * the render first; if memory ran out all the same, the limit is what
 * to change.  Nothing here allocates (stderr is unbuffered).
 */
static void
oom(void)
{
	struct rlimit	 rl;

	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		fprintf(stderr, "scorecard: out of memory under the memory "
		    "limit (ulimit -v: %llu MB); raise it, or render with "
		    "--no-pdf or a smaller report\n",
		    (unsigned long long)rl.rlim_cur / (1024 * 1024));
	else
		fputs("scorecard: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if ((p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	void	*q;

	if (size != 0 && nmemb > SIZE_MAX / size)
		oom();
	if ((q = realloc(p, nmemb * size == 0 ? 1 : nmemb * size)) == NULL)
		oom();
	return q;
}

char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
cp_unfit(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	    (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

size_t
xml_most_attrs(const char *data, size_t len, int *pline, int *pcol)
{
	const char	*p = data, *end = data + len, *q, *lstart = data;
	const char	*tstart;
	size_t		 n, most = 0;
	int		 line = 1, tline;
	char		 quote;

	*pline = 1;
	if (pcol != NULL)
		*pcol = 1;
	while ((q = memchr(p, '<', (size_t)(end - p))) != NULL) {
		for (; p < q; p++)
			if (*p == '\n')
				line++, lstart = p + 1;
		p = q + 1;
		if (p < end && (*p == '!' || *p == '?')) {
			const char *close = *p == '?' ? "?>" :
			    (end - p >= 3 && memcmp(p, "!--", 3) == 0) ?
			    "-->" : (end - p >= 8 &&
			    memcmp(p, "![CDATA[", 8) == 0) ? "]]>" : ">";
			size_t	 cl = strlen(close);

			while (p < end && ((size_t)(end - p) < cl ||
			    memcmp(p, close, cl) != 0)) {
				if (*p == '\n')
					line++, lstart = p + 1;
				p++;
			}
			continue;
		}
		/* The tag is placed where it starts, the lines it spans. */
		tline = line;
		tstart = lstart;
		n = 0;
		quote = '\0';
		for (; p < end && (quote != '\0' || *p != '>'); p++) {
			if (*p == '\n')
				line++, lstart = p + 1;
			if (quote != '\0') {
				if (*p == quote)
					quote = '\0';
			} else if (*p == '"' || *p == '\'')
				quote = *p;
			else if (*p == '=')
				n++;
		}
		if (n > most) {
			most = n;
			*pline = tline;
			if (pcol != NULL)
				*pcol = (int)(q - tstart) + 1;
		}
	}
	return most;
}
