/*
 * tmpl-exec: carrying out a template's instructions on a render's copy
 * of the tree, in the order tmpl.h gives (each, if/unless, attr,
 * text/markup, unwrap), top down.  Values from the context only ever enter the
 * tree as text nodes or attribute values (xmlNewDocText, xmlSetNsProp:
 * both copy, neither parses), checked for the characters a page may
 * hold and, in URL attributes, for the URLs allowed; except markup,
 * which is parsed with the same safe parser inside a wrapper that puts
 * unprefixed elements in the XHTML namespace, copied in and checked
 * where it lands.  Inserted markup is never searched for instructions.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"

/* Looks up the name an instruction needs set, reporting if it is not. */
static const struct tval *
need(struct render *r, xmlNodePtr n, const struct tmpl_ctx *c, enum instr k,
    const char *name)
{
	const struct tval	*v;

	if ((v = ctx_lookup(c, name)) == NULL)
		node_err(r->d, r->t->path, n, "%s: \"%s\" is not set",
		    instr_names[k], name);
	return v;
}

static void
wrong_kind(struct render *r, xmlNodePtr n, enum instr k, const char *name,
    const struct tval *v, const char *want)
{
	node_err(r->d, r->t->path, n, "%s: \"%s\" is %s, not %s",
	    instr_names[k], name, tkind_name(v->kind), want);
}

static bool
exec_attr(struct render *r, xmlNodePtr n, const struct tmpl_ctx *c,
    const char *spec)
{
	struct apair		*pv = NULL;
	size_t			 pn = 0, i;
	const struct tval	*v;
	xmlNsPtr		 ns;
	struct buf		 err, what;
	bool			 ok = false;
	long			 chk;
	enum urlkind		 uk;

	buf_init(&err);
	buf_init(&what);
	if (!attrspec_parse(spec, &pv, &pn, &err))
		abort();	/* checked by tmpl_load() */
	for (i = 0; i < pn; i++) {
		ns = NULL;
		if (pv[i].prefix != NULL)
			ns = nonnull(xmlSearchNs(r->doc, n,
			    BAD_CAST pv[i].prefix));
		if ((v = ctx_lookup(c, pv[i].name)) == NULL) {
			xmlUnsetNsProp(n, ns, BAD_CAST pv[i].local);
			continue;
		}
		if (v->kind != TK_TEXT) {
			wrong_kind(r, n, IN_ATTR, pv[i].name, v, "text");
			goto out;
		}
		buf_reset(&what);
		buf_printf(&what, "data-sc-attr: \"%s\"", pv[i].name);
		if ((chk = text_check(v->s, strlen(v->s))) != -1) {
			text_err(r->d, r->t->path, n, what.data, chk);
			goto out;
		}
		if ((uk = url_kind(&pv[i])) != URL_NONE &&
		    !url_value_ok(uk, v->s)) {
			node_err(r->d, r->t->path, n, "%s: %s%s%s takes only "
			    "a relative URL, a fragment or an http, https, "
			    "mailto or cid URL", what.data,
			    pv[i].prefix != NULL ? pv[i].prefix : "",
			    pv[i].prefix != NULL ? ":" : "", pv[i].local);
			goto out;
		}
		nonnull(xmlSetNsProp(n, ns, BAD_CAST pv[i].local,
		    BAD_CAST v->s));
	}
	ok = true;
out:
	buf_release(&what);
	buf_release(&err);
	apairs_free(pv, pn);
	return ok;
}

static void
set_lines(xmlNodePtr n, unsigned short line)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		n->line = line;
		set_lines(n->children, line);
	}
}

/* Replaces n's content with the parsed markup xml. */
static bool
exec_markup(struct render *r, xmlNodePtr n, const char *name,
    const char *xml)
{
	static const char	 open[] = "<div xmlns=\"" NS_XHTML "\">";
	static const char	 close[] = "</div>";
	struct buf		 src, err, what;
	struct pstate		 ps;
	xmlDocPtr		 frag;
	xmlNodePtr		 root, ch, cp;
	bool			 ok = false;

	buf_init(&src);
	buf_init(&err);
	buf_init(&what);
	buf_printf(&what, "data-sc-markup: \"%s\": ", name);
	BUF_PUTSL(&src, open);
	buf_puts(&src, xml);
	BUF_PUTSL(&src, close);
	memset(&ps, 0, sizeof(ps));
	ps.d = r->d;
	ps.file = r->t->path;
	ps.capture = &err;
	if ((frag = safe_parse(src.data, src.len, NULL, &ps)) == NULL) {
		node_err(r->d, r->t->path, n, "data-sc-markup: \"%s\" is not "
		    "well-formed XML (fragment line %d): %s", name, ps.line,
		    err.data);
		goto out;
	}
	root = xmlDocGetRootElement(frag);
	drop_children(n);
	for (ch = root->children; ch != NULL; ch = ch->next) {
		/* Copy: the fragment's strings live in its own dictionary. */
		cp = nonnull(xmlDocCopyNode(ch, r->doc, 1));
		set_lines(cp, n->line);
		xmlAddChild(n, cp);
	}
	/* Checked in place, where the parents are the real ones. */
	ok = check_fragment(r, n, n->children, what.data);
out:
	if (frag != NULL)
		xmlFreeDoc(frag);
	buf_release(&what);
	buf_release(&err);
	buf_release(&src);
	return ok;
}

/* Removes n's instruction attributes. */
static void
strip_instrs(xmlNodePtr n)
{
	xmlAttrPtr	 a, next;

	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (is_instr_attr(a))
			xmlRemoveProp(a);
	}
}

/*
 * data-sc-unwrap: n's children take its place, n goes.  Spliced by
 * hand: xmlAddPrevSibling() would merge a text child into a text node
 * before n, and a template's indentation merged with text is written
 * whole rather than as one line break (tmpl-xhtml.c).  n's namespace
 * declarations outlive it in r->kept: its children may name them (a
 * copy made by data-sc-each declares its namespace on itself), and
 * freed with n they were read after free (fuzz_tmpl).
 */
static void
unwrap(struct render *r, xmlNodePtr n)
{
	xmlNodePtr	 first = n->children, last = n->last, ch;
	xmlNsPtr	 ns;

	if (n->nsDef != NULL) {
		for (ns = n->nsDef; ns->next != NULL; ns = ns->next)
			;
		ns->next = r->kept;
		r->kept = n->nsDef;
		n->nsDef = NULL;
	}

	if (first != NULL) {
		for (ch = first; ch != NULL; ch = ch->next)
			ch->parent = n->parent;
		first->prev = n->prev;
		if (n->prev != NULL)
			n->prev->next = first;
		else
			n->parent->children = first;
		last->next = n;
		n->prev = last;
		n->children = n->last = NULL;
	}
	drop_node(n);
}

/* Carries out everything after data-sc-each on n, then its children. */
static bool
exec_body(struct render *r, xmlNodePtr n, const struct tmpl_ctx *c)
{
	const char		*name, *spec;
	const struct tval	*v;
	xmlNodePtr		 ch, next;
	long			 chk;
	bool			 unwrapped = attr_val(n, "data-sc-unwrap") != NULL;

	if ((name = attr_val(n, "data-sc-if")) != NULL &&
	    !tval_true(ctx_lookup(c, name))) {
		drop_node(n);
		return true;
	}
	if ((name = attr_val(n, "data-sc-unless")) != NULL &&
	    tval_true(ctx_lookup(c, name))) {
		drop_node(n);
		return true;
	}
	if ((spec = attr_val(n, "data-sc-attr")) != NULL &&
	    !exec_attr(r, n, c, spec))
		return false;

	if ((name = attr_val(n, "data-sc-text")) != NULL) {
		if ((v = need(r, n, c, IN_TEXT, name)) == NULL)
			return false;
		if (v->kind != TK_TEXT) {
			wrong_kind(r, n, IN_TEXT, name, v, "text");
			return false;
		}
		if ((chk = text_check(v->s, strlen(v->s))) != -1) {
			struct buf	 what;

			buf_init(&what);
			buf_printf(&what, "data-sc-text: \"%s\"", name);
			text_err(r->d, r->t->path, n, what.data, chk);
			buf_release(&what);
			return false;
		}
		drop_children(n);
		if (v->s[0] != '\0')
			xmlAddChild(n, nonnull(xmlNewDocText(r->doc,
			    BAD_CAST v->s)));
		strip_instrs(n);
		if (unwrapped)
			unwrap(r, n);
		return true;
	}
	if ((name = attr_val(n, "data-sc-markup")) != NULL) {
		if ((v = need(r, n, c, IN_MARKUP, name)) == NULL)
			return false;
		if (v->kind != TK_MARKUP) {
			wrong_kind(r, n, IN_MARKUP, name, v, "markup");
			return false;
		}
		if (!exec_markup(r, n, name, v->s))
			return false;
		strip_instrs(n);
		if (unwrapped)
			unwrap(r, n);
		return true;
	}
	strip_instrs(n);
	for (ch = n->children; ch != NULL; ch = next) {
		next = ch->next;
		if (ch->type == XML_ELEMENT_NODE && !exec_elem(r, ch, c))
			return false;
	}
	if (unwrapped)
		unwrap(r, n);
	return true;
}

/* Carries out n's instructions; n may be repeated or removed. */
bool
exec_elem(struct render *r, xmlNodePtr n, const struct tmpl_ctx *c)
{
	const char		*name;
	const struct tval	*v;
	xmlNodePtr		 cp;
	size_t			 i;

	if ((name = attr_val(n, "data-sc-each")) == NULL)
		return exec_body(r, n, c);
	if ((v = need(r, n, c, IN_EACH, name)) == NULL)
		return false;
	if (v->kind != TK_LIST) {
		wrong_kind(r, n, IN_EACH, name, v, "a list");
		return false;
	}
	for (i = 0; i < v->nitems; i++) {
		cp = nonnull(xmlDocCopyNode(n, r->doc, 1));
		xmlUnsetNsProp(cp, NULL, BAD_CAST "data-sc-each");
		xmlAddPrevSibling(n, cp);
		if (!exec_body(r, cp, v->items[i]))
			return false;
	}
	drop_node(n);
	return true;
}
