/*
 * tell: reads the folder as written, rather than keeping a list of what
 * a render makes, so that the line stays true as outputs are added.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "tell.h"
#include "util.h"

bool
tell_tty(FILE *fp)
{
	return isatty(fileno(fp)) == 1;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir other than "." and "..", sorted; NULL on error. */
static char **
entries(const char *dir, size_t *pn)
{
	DIR		*dp;
	struct dirent	*e;
	char		**v = NULL;
	size_t		 n = 0, max = 0;

	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == max) {
			max = max == 0 ? 16 : max * 2;
			v = xreallocarray(v, max, sizeof(*v));
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(v, n, sizeof(*v), name_cmp);
	*pn = n;
	return v;
}

char *
tell_contents(const char *dir)
{
	struct buf	 b, p;
	struct stat	 st;
	char		**v, **sub, *s;
	size_t		 n = 0, i, j, ns, files, nfiles = 0, pass;

	if ((v = entries(dir, &n)) == NULL)
		return NULL;
	buf_init(&b);
	buf_init(&p);
	/* Files first, then folders with what they hold. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			buf_reset(&p);
			buf_printf(&p, "%s/%s", dir, v[i]);
			if (lstat(p.data, &st) == -1 ||
			    S_ISDIR(st.st_mode) != (pass == 1))
				continue;
			if (b.len > 0)
				BUF_PUTSL(&b, "\x01");
			buf_puts(&b, v[i]);
			nfiles++;
			if (pass == 0)
				continue;
			ns = files = 0;
			if ((sub = entries(p.data, &ns)) != NULL) {
				files = ns;
				for (j = 0; j < ns; j++)
					free(sub[j]);
				free(sub);
			}
			buf_printf(&b, "/ (%zu %s)", files, files == 1 ?
			    "file" : "files");
		}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	/* The separators: ", " and a last " and ". */
	buf_reset(&p);
	for (i = 0, j = 0; i < b.len; i++) {
		if (b.data[i] != '\x01') {
			buf_put(&p, &b.data[i], 1);
			continue;
		}
		j++;
		if (j + 1 == nfiles)
			BUF_PUTSL(&p, " and ");
		else
			BUF_PUTSL(&p, ", ");
	}
	if (p.len == 0)
		BUF_PUTSL(&p, "nothing");
	s = buf_detach(&p, NULL);
	buf_release(&p);
	buf_release(&b);
	return s;
}
