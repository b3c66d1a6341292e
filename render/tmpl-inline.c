/*
 * tmpl-inline: data-sc-inline on <link rel="stylesheet" href="F">,
 * carried out when the template is loaded: F is found beside the
 * template or among the assets, confined to those folders twice (by
 * the text of the path, so that nothing outside is looked at, then by
 * the real path, so that a symbolic link cannot lead out), read once
 * under TMPL_MAX_BYTES (file_load(), which never blocks on a pipe or
 * a device) and put in a <style> without its comments and redundant
 * white space (cssmin()): the stylesheet is written once, readable,
 * and goes into every report.
 */
#ifndef _XOPEN_SOURCE
#define	_XOPEN_SOURCE 700	/* realpath() is XSI, not in POSIX.1 base */
#endif

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cssmin.h"
#include "diag.h"
#include "file.h"
#include "tmpl-int.h"
#include "util.h"

/* Is path inside (below) the folder dir?  Both are real paths. */
static bool
path_inside(const char *path, const char *dir)
{
	size_t	 n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return path[0] == '/' && path[1] != '\0';
	return strncmp(path, dir, n) == 0 && path[n] == '/' &&
	    path[n + 1] != '\0';
}

/*
 * The absolute path that dir/rel names, worked out from the text alone:
 * "." and empty parts dropped, ".." taking off the last part (never past
 * "/").  dir is a real path.  Lets an escape be refused before anything
 * outside is looked at, whether or not it exists: realpath() alone says
 * "No such file" for a missing target, and so would answer differently
 * depending on how deep the template folder is.
 */
static char *
path_lexical(const char *dir, const char *rel)
{
	size_t	 n = strlen(dir), cap = n + 1 + strlen(rel) + 1, len;
	char	*out = xmalloc(cap);
	const char *p, *e;

	memcpy(out, dir, n + 1);
	len = (n == 1 && dir[0] == '/') ? 0 : n;
	for (p = rel; *p != '\0'; p = *e == '\0' ? e : e + 1) {
		if ((e = strchr(p, '/')) == NULL)
			e = p + strlen(p);
		if (e == p || (e - p == 1 && p[0] == '.'))
			continue;
		if (e - p == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		out[len++] = '/';
		memcpy(out + len, p, (size_t)(e - p));
		len += (size_t)(e - p);
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	return out;
}

/* One place data-sc-inline looks: a path, its folder, how to show it. */
struct look {
	char		*path;		/* absolute, lexical */
	char		*shown;		/* for messages */
};

/* dir/rel for messages: dir as the user gave it ("" for "."). */
static char *
shown_path(const char *dir, const char *rel)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	if (dir[0] != '\0' && strcmp(dir, ".") != 0)
		buf_printf(&b, "%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/");
	buf_puts(&b, rel);
	s = buf_detach(&b, NULL);
	buf_release(&b);
	return s;
}

/*
 * Where data-sc-inline="" href="F" looks, in order: F itself, if its
 * path stays in the template's folder or the assets folder (the default
 * template's "../assets/report.css"); then F's file name beside the
 * template; then among the assets (installed, or bundled with the
 * source).  A path leading out is never followed: only its file name
 * is looked for, in those two folders.  Returns how many went in l[].
 */
static size_t
inline_looks(const struct tmpl *t, const char *href, bool *outside,
    struct look l[3])
{
	const char	*base;
	char		*tdir, *slash;
	size_t		 n = 0, i;

	tdir = xstrdup(t->path);
	if ((slash = strrchr(tdir, '/')) != NULL)
		slash[1] = '\0';
	else
		tdir[0] = '\0';
	l[n].path = path_lexical(t->dir, href);
	*outside = !path_inside(l[n].path, t->dir) && (t->assets == NULL ||
	    !path_inside(l[n].path, t->assets));
	if (*outside)
		free(l[n].path);
	else
		l[n++].shown = shown_path(tdir, href);
	base = strrchr(href, '/') != NULL ? strrchr(href, '/') + 1 : href;
	if (*base != '\0' && strcmp(base, ".") != 0 && strcmp(base, "..") != 0) {
		l[n].path = path_lexical(t->dir, base);
		l[n].shown = shown_path(tdir, base);
		for (i = 0; i < n && strcmp(l[i].path, l[n].path) != 0; i++)
			continue;
		if (i < n) {
			free(l[n].path);
			free(l[n].shown);
		} else
			n++;
		if (t->assets != NULL) {
			l[n].path = path_lexical(t->assets, base);
			l[n].shown = shown_path(t->assets_arg, base);
			for (i = 0; i < n && strcmp(l[i].path, l[n].path) != 0;
			    i++)
				continue;
			if (i < n) {
				free(l[n].path);
				free(l[n].shown);
			} else
				n++;
		}
	}
	free(tdir);
	return n;
}

/*
 * data-sc-inline: replaces the <link rel="stylesheet" href="F"> l with
 * a <style> holding F, found by inline_looks() and confined to the
 * template's folder and the assets: checked twice, by the text of the
 * path, so that nothing outside is looked at, then by the real path,
 * so that a symbolic link inside cannot lead out.
 */
bool
do_inline(struct tmpl *t, xmlNodePtr l, struct diag *d)
{
	const char	*href, *rel, *why;
	char		*real = NULL, *css = NULL;
	size_t		 len, nlook = 0, i;
	long		 r;
	xmlAttrPtr	 a;
	xmlNodePtr	 st;
	bool		 ok = false, outside;
	struct buf	 what, tried, text, min;
	struct look	 look[3];

	buf_init(&what);
	buf_init(&tried);
	buf_init(&text);
	buf_init(&min);
	if (!is_html(l, "link")) {
		node_err(d, t->path, l, "data-sc-inline: only <link "
		    "rel=\"stylesheet\"> can be inlined, not <%s>", l->name);
		goto out;
	}
	rel = attr_val(l, "rel");
	href = attr_val(l, "href");
	if (rel == NULL || strcasecmp(rel, "stylesheet") != 0 ||
	    href == NULL || href[0] == '\0') {
		node_err(d, t->path, l, "data-sc-inline: the <link> needs "
		    "rel=\"stylesheet\" and an href");
		goto out;
	}
	buf_printf(&what, "data-sc-inline: \"%s\"", href);
	if (href[0] == '/' || strchr(href, ':') != NULL ||
	    strchr(href, '\\') != NULL) {
		node_err(d, t->path, l, "%s must be a relative path, not a "
		    "URL or an absolute path", what.data);
		goto out;
	}
	nlook = inline_looks(t, href, &outside, look);
	for (i = 0; i < nlook; i++) {
		if ((real = realpath(look[i].path, NULL)) != NULL)
			break;
		if (errno != ENOENT && errno != ENOTDIR) {
			node_err(d, t->path, l, "%s: %s: %s", what.data,
			    look[i].shown, strerror(errno));
			goto out;
		}
		buf_printf(&tried, "%s%s", tried.len == 0 ? "" :
		    i + 1 == nlook ? " and " : ", ", look[i].shown);
	}
	if (real == NULL) {
		if (outside)
			buf_printf(&what, " is outside the template folder%s, "
			    "so only its file name was looked for", t->assets !=
			    NULL ? " and assets" : "");
		else
			BUF_PUTSL(&what, " not found");
		if (nlook == 0)
			node_err(d, t->path, l, "%s; put the stylesheet beside "
			    "the template and name it there", what.data);
		else
			node_err(d, t->path, l, "%s, as %s; put the stylesheet "
			    "beside the template (\"scorecard template -o "
			    "FILE\" writes a copy of the default template with "
			    "its stylesheet)", what.data, tried.data);
		goto out;
	}
	if (!path_inside(real, t->dir) &&
	    (t->assets == NULL || !path_inside(real, t->assets))) {
		node_err(d, t->path, l, "%s is outside the template folder%s "
		    "(%s leads out through a symbolic link)", what.data,
		    t->assets != NULL ? " and assets" : "", look[i].shown);
		goto out;
	}
	if (!file_load(real, TMPL_MAX_BYTES, true, &text, &why)) {
		if (errno == EFBIG)
			node_err(d, t->path, l, "%s is larger than %u bytes",
			    what.data, TMPL_MAX_BYTES);
		else
			node_err(d, t->path, l, "%s: %s", what.data, why);
		goto out;
	}
	css = buf_detach(&text, &len);
	if ((r = text_check(css, len)) != -1) {
		text_err(d, t->path, l, what.data, r);
		goto out;
	}
	if (strchr(css, '<') != NULL || strchr(css, '&') != NULL ||
	    strstr(css, "]]>") != NULL) {
		node_err(d, t->path, l, "%s holds '<', '&' or \"]]>\", which "
		    "an inline <style> cannot carry in XHTML", what.data);
		goto out;
	}

	st = nonnull(xmlNewDocNode(t->doc, l->ns, BAD_CAST "style", NULL));
	st->line = l->line;
	for (a = l->properties; a != NULL; a = a->next) {
		const char	*nm = (const char *)a->name;

		if (a->ns == NULL && (strcmp(nm, "rel") == 0 ||
		    strcmp(nm, "href") == 0 || strcmp(nm, "type") == 0 ||
		    strcmp(nm, "crossorigin") == 0 ||
		    strcmp(nm, "integrity") == 0 ||
		    strcmp(nm, "referrerpolicy") == 0 ||
		    strcmp(nm, "hreflang") == 0 ||
		    strcmp(nm, "data-sc-inline") == 0))
			continue;
		nonnull(xmlNewNsProp(st, a->ns, a->name,
		    a->children != NULL ? a->children->content : BAD_CAST ""));
	}
	cssmin(css, len, &min);
	if (min.len > 0)
		xmlAddChild(st, nonnull(xmlNewDocTextLen(t->doc,
		    BAD_CAST min.data, (int)min.len)));
	xmlReplaceNode(l, st);
	xmlFreeNode(l);
	ok = true;
out:
	for (i = 0; i < nlook; i++) {
		free(look[i].path);
		free(look[i].shown);
	}
	buf_release(&min);
	buf_release(&text);
	buf_release(&tried);
	buf_release(&what);
	free(css);
	free(real);
	return ok;
}
