/*
 * tmpl-tree: a filled template as a plain tree of struct tnode, for
 * readers that are not libxml2's (the PDF typesetter): tree_conv() from
 * the filled tree itself (tmpl_render_tree()), or tmpl_tree() from the
 * output parsed again (with the same refusals).  test_tmpl checks that
 * the two agree.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tmpl-int.h"
#include "util.h"

/*
 * n as a tree; pre: inside a keeps_space() element.  Texts are taken
 * as the serialiser writes them (tmpl-xhtml.c): the template's
 * indentation as one line break, or none straight after another.
 */
static struct tnode *
conv(xmlNodePtr n, bool pre)
{
	struct tnode	*t, *k, **tail;
	xmlAttrPtr	 a;
	xmlChar		*v;
	const char	*text;
	size_t		 na = 0, i = 0, klen, more;
	bool		 raw, nl = false;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup((const char *)n->name);
	t->svg = is_ns(n, "http://www.w3.org/2000/svg");
	for (a = n->properties; a != NULL; a = a->next)
		na++;
	t->attr = xcalloc(2 * na + 1, sizeof(*t->attr));
	for (a = n->properties; a != NULL; a = a->next) {
		v = nonnull(xmlNodeListGetString(n->doc, a->children, 1));
		/* xml:lang and lang alike: the local name. */
		t->attr[i++] = xstrdup((const char *)a->name);
		t->attr[i++] = xstrdup((const char *)v);
		xmlFree(v);
	}
	tail = &t->kid;
	k = NULL;
	klen = 0;
	pre = pre || keeps_space(n);
	raw = is_rawtext(n);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			k = conv(c, pre);
			klen = 0;
			nl = false;
			*tail = k;
			tail = &k->next;
			continue;
		}
		if ((c->type != XML_TEXT_NODE &&
		    c->type != XML_CDATA_SECTION_NODE) || c->content == NULL)
			continue;
		text = (const char *)c->content;
		if (!pre && !raw && is_indent(c->content)) {
			if (nl)
				continue;
			text = "\n";
			nl = true;
		} else if (text[0] != '\0')
			nl = false;
		if ((more = strlen(text)) == 0)
			continue;	/* nothing written, nothing read */
		if (k != NULL && k->name == NULL) {
			/* Text beside text (a filled tree has such, a parsed
			 * one never): one node, as a parser reads it. */
			k->text = xreallocarray(k->text, klen + more + 1, 1);
			memcpy(k->text + klen, text, more + 1);
			klen += more;
			continue;
		}
		k = xcalloc(1, sizeof(*k));
		k->text = xstrdup(text);
		klen = more;
		*tail = k;
		tail = &k->next;
	}
	return t;
}

struct tnode *
tree_conv(xmlNodePtr n)
{
	return conv(n, false);
}

struct tnode *
tmpl_tree(const char *xhtml, size_t len, struct diag *d)
{
	struct pstate	 ps;
	xmlDocPtr	 doc;
	struct tnode	*t;

	memset(&ps, 0, sizeof(ps));
	ps.d = d;
	ps.file = "report.html";
	if ((doc = safe_parse(xhtml, len, "report.html", &ps)) == NULL)
		return NULL;
	t = tree_conv(xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	return t;
}

void
tnode_free(struct tnode *n)
{
	struct tnode	*next;

	for (; n != NULL; n = next) {
		next = n->next;
		tnode_free(n->kid);
		if (n->attr != NULL)
			for (size_t i = 0; n->attr[i] != NULL; i++)
				free(n->attr[i]);
		free(n->attr);
		free(n->name);
		free(n->text);
		free(n);
	}
}

const char *
tnode_attr(const struct tnode *n, const char *name)
{
	if (n->attr == NULL)
		return NULL;
	for (size_t i = 0; n->attr[i] != NULL; i += 2)
		if (strcmp(n->attr[i], name) == 0)
			return n->attr[i + 1];
	return NULL;
}
