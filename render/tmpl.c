/*
 * tmpl: XHTML templates driven by data-sc-* attributes, carried out on
 * libxml2's tree, and our own serialiser for the result.  This file
 * holds the entry points, tmpl_load() and tmpl_render(); the module's
 * other files, one job each, are listed in tmpl-int.h, the one header
 * of the program that includes libxml2's.
 *
 * IMPLEMENTATION NOTES
 *
 * Data flows in three steps.
 *
 * 1. tmpl_load() reads the file itself (capped at TMPL_MAX_BYTES) and
 *    parses it from memory with safe_parse() (tmpl-parse.c), which
 *    loads nothing, expands no entity and refuses any DTD declaration.
 *    Only a bare <!DOCTYPE html> survives the parse, and it is dropped.
 *    A walk over the tree (tmpl-check.c) then checks every data-sc-*
 *    attribute, refuses XInclude and entity references, caps the
 *    depth, drops data-sc-remove elements and carries out
 *    data-sc-inline (tmpl-inline.c: the stylesheet is read once, here,
 *    and confined to the template's folder or the assets folder).
 *    What is left needs only the context.
 *
 *    The same walk refuses trees that an HTML parser would build
 *    differently from an XML parser (tmpl-place.c), so that the output
 *    means one thing to both: names in a case or namespace HTML would
 *    change, element prefixes, HTML inside SVG outside
 *    <foreignObject>, blocks inside <p>, table parts out of place,
 *    misplaced text, and characters HTML calls errors.  Inserted
 *    markup gets the same checks where it lands.
 *
 * 2. tmpl_render() counts the work the render will do and refuses it
 *    if it passes the limits (tmpl-cost.c), then copies the tree and
 *    carries out each element's instructions in the order tmpl.h
 *    gives, top down (tmpl-exec.c).  Values from the context only ever
 *    enter the tree as text nodes or attribute values, except markup,
 *    which is parsed with the same safe parser and never searched for
 *    instructions.
 *
 * 3. The serialiser (tmpl-xhtml.c) writes the tree as XHTML that an
 *    HTML parser reads the same way.
 *
 * It deliberately knows nothing of indicators or of the report: values
 * come from a struct tmpl_ctx, a tree of scopes (tmpl-ctx.c).
 *
 * Not thread safe: the entity loader libxml2 consults is process-wide.
 */
#ifndef _XOPEN_SOURCE
#define	_XOPEN_SOURCE 700	/* realpath() is XSI, not in POSIX.1 base */
#endif

#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "file.h"
#include "tmpl-int.h"
#include "util.h"

struct tmpl *
tmpl_load(const char *path, const char *assets, struct diag *d)
{
	struct tmpl	*t;
	struct pstate	 ps;
	struct stat	 st;
	struct buf	 text;
	const char	*why;
	char		*data = NULL, *real = NULL, *slash;
	size_t		 len;
	xmlNodePtr	 dtd;
	bool		 ok = false;

	buf_init(&text);
	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	if (!file_load(path, TMPL_MAX_BYTES, false, &text, &why)) {
		if (errno == EFBIG)
			diag_msg(d, DIAG_ERROR, path, 0, 0, "template is "
			    "larger than %u bytes", TMPL_MAX_BYTES);
		else
			diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read "
			    "template: %s", why);
		goto out;
	}
	data = buf_detach(&text, &len);
	if ((real = realpath(path, NULL)) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read template: %s",
		    strerror(errno));
		goto out;
	}
	slash = strrchr(real, '/');
	assert(slash != NULL);
	t->dir = slash == real ? xstrdup("/") :
	    xstrndup(real, (size_t)(slash - real));
	if (assets != NULL) {
		if ((t->assets = realpath(assets, NULL)) == NULL ||
		    stat(t->assets, &st) == -1) {
			diag_msg(d, DIAG_ERROR, assets, 0, 0, "cannot use "
			    "assets folder: %s", strerror(errno));
			goto out;
		}
		if (!S_ISDIR(st.st_mode)) {
			diag_msg(d, DIAG_ERROR, assets, 0, 0, "cannot use "
			    "assets folder: %s", strerror(ENOTDIR));
			goto out;
		}
		t->assets_arg = xstrdup(assets);
	}

	memset(&ps, 0, sizeof(ps));
	ps.d = d;
	ps.file = path;
	if ((t->doc = safe_parse(data, len, path, &ps)) == NULL)
		goto out;
	t->src.text = data;
	t->src.len = len;
	data = NULL;
	t->doc->_private = &t->src;

	/* The only DOCTYPE left is a plain <!DOCTYPE html>: drop it. */
	if ((dtd = (xmlNodePtr)t->doc->intSubset) != NULL) {
		xmlUnlinkNode(dtd);
		xmlFreeDtd((xmlDtdPtr)dtd);
	}
	if (xmlDocGetRootElement(t->doc) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "template has no root "
		    "element");
		goto out;
	}
	ok = check_tree(t, (xmlNodePtr)t->doc, 1, d);
out:
	buf_release(&text);
	free(real);
	free(data);
	if (!ok) {
		tmpl_free(t);
		return NULL;
	}
	return t;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	if (t->doc != NULL)
		xmlFreeDoc(t->doc);
	free(t->src.text);
	free(t->assets_arg);
	free(t->assets);
	free(t->dir);
	free(t->path);
	free(t);
}

bool
tmpl_render(const struct tmpl *t, const struct tmpl_ctx *c, struct buf *out,
    struct diag *d)
{
	return tmpl_render_tree(t, c, out, NULL, d);
}

bool
tmpl_render_tree(const struct tmpl *t, const struct tmpl_ctx *c,
    struct buf *out, struct tnode **tree, struct diag *d)
{
	struct render	 r;
	xmlNodePtr	 root;
	bool		 ok = false;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.d = d;
	r.doc = nonnull(xmlCopyDoc(t->doc, 1));
	r.doc->_private = t->doc->_private;
	root = xmlDocGetRootElement(r.doc);
	assert(root != NULL);
	if (!cost_check(&r, root, c) || !exec_elem(&r, root, c))
		goto out;
	/* The root carries no instruction that could remove it. */
	root = xmlDocGetRootElement(r.doc);
	assert(root != NULL);

	ok = ser_doc(&r, root, out);
	if (ok && tree != NULL)
		*tree = tree_conv(root);
out:
	xmlFreeDoc(r.doc);
	if (r.kept != NULL)
		xmlFreeNsList(r.kept);
	return ok;
}
