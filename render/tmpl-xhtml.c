/*
 * tmpl-xhtml: the serialiser.  Writes a filled tree as XHTML that an
 * HTML parser reads the same way: void elements as "<br />", every
 * other HTML element with an end tag, empty SVG/MathML elements
 * self-closed, raw text in <style> and <script> checked rather than
 * escaped, comments and processing instructions dropped, CDATA written
 * as escaped text, indentation made one line break.  It tracks the
 * namespaces in scope, so a declaration the tree repeats (libxml2's
 * copies add them) is written once.  libxml2's own serialisers are not
 * used: with <!DOCTYPE html> they self-close <div/> and <script/>,
 * which HTML reads as unclosed; in XHTML mode they add a <meta
 * http-equiv> beside <meta charset> and escape '>' in <style>; as HTML
 * they write <br></br> and turn CDATA into live markup.  Last, the
 * <meta charset> must end in the first 1,024 bytes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"
#include "util.h"

struct nsbind {
	const xmlChar	*prefix;	/* NULL: the default namespace */
	const xmlChar	*href;		/* "" for no namespace */
};

struct ser {
	struct render	 *r;
	struct buf	 *out;
	struct nsbind	 *ns;		/* written and in scope, innermost last */
	size_t		  nns;
	size_t		  maxns;
	const xmlChar	**def;		/* xlink declared on HTML elements */
	size_t		  ndef;
	size_t		  maxdef;
	unsigned	  pre;		/* inside <pre> or <textarea> */
	size_t		  nl;		/* out->len after the last indentation */
};

static void
put_escaped(struct buf *b, const char *s, bool attr)
{
	const char	*run;

	for (run = s; *s != '\0'; s++) {
		const char	*rep;

		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\r':
			rep = "&#13;";
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		buf_put(b, run, (size_t)(s - run));
		buf_puts(b, rep);
		run = s + 1;
	}
	buf_put(b, run, (size_t)(s - run));
}

/* The namespace bound to prefix in scope, or NULL. */
static const xmlChar *
ns_lookup(const struct ser *s, const xmlChar *prefix)
{
	size_t	 i;

	for (i = s->nns; i > 0; i--) {
		if (prefix == NULL ? s->ns[i - 1].prefix == NULL :
		    (s->ns[i - 1].prefix != NULL &&
		    xmlStrEqual(s->ns[i - 1].prefix, prefix)))
			return s->ns[i - 1].href;
	}
	return prefix == NULL ? BAD_CAST "" : NULL;
}

/* Writes a declaration binding prefix to href unless already in scope. */
static void
ns_declare(struct ser *s, const xmlChar *prefix, const xmlChar *href)
{
	const xmlChar	*cur;

	if (href == NULL)
		href = BAD_CAST "";
	if (prefix != NULL && xmlStrEqual(prefix, BAD_CAST "xml"))
		return;
	if ((cur = ns_lookup(s, prefix)) != NULL && xmlStrEqual(cur, href))
		return;
	if (s->nns == s->maxns) {
		s->maxns = s->maxns == 0 ? 8 : s->maxns * 2;
		s->ns = xreallocarray(s->ns, s->maxns, sizeof(s->ns[0]));
	}
	s->ns[s->nns].prefix = prefix;
	s->ns[s->nns].href = href;
	s->nns++;
	BUF_PUTSL(s->out, " xmlns");
	if (prefix != NULL) {
		buf_putc(s->out, ':');
		buf_puts(s->out, (const char *)prefix);
	}
	BUF_PUTSL(s->out, "=\"");
	put_escaped(s->out, (const char *)href, true);
	buf_putc(s->out, '"');
}

static void
put_qname(struct buf *b, const xmlNs *ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		buf_puts(b, (const char *)ns->prefix);
		buf_putc(b, ':');
	}
	buf_puts(b, (const char *)name);
}

/* Writes the text of <style> or <script> n unescaped, if it is safe. */
static bool
ser_rawtext(struct ser *s, xmlNodePtr n)
{
	struct buf	 text;
	xmlNodePtr	 ch;
	bool		 ok = false;

	buf_init(&text);
	for (ch = n->children; ch != NULL; ch = ch->next) {
		switch (ch->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (ch->content != NULL)
				buf_puts(&text, (const char *)ch->content);
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
			break;
		default:
			node_err(s->r->d, s->r->t->path, n, "<%s> may hold "
			    "only text", n->name);
			goto out;
		}
	}
	/*
	 * HTML reads this text raw and XML reads it escaped; only text
	 * without '<' and '&' reads the same in both.  '<' also covers
	 * "</style" and "</script".
	 */
	if (strchr(text.data, '<') != NULL || strchr(text.data, '&') != NULL ||
	    strstr(text.data, "]]>") != NULL) {
		node_err(s->r->d, s->r->t->path, n, "<%s> holds '<', '&' or "
		    "\"]]>\", which cannot be written as raw text", n->name);
		goto out;
	}
	buf_put(s->out, text.data, text.len);
	ok = true;
out:
	buf_release(&text);
	return ok;
}

static bool
ser_elem(struct ser *s, xmlNodePtr n)
{
	xmlNsPtr	 ns;
	xmlAttrPtr	 a;
	xmlNodePtr	 ch;
	size_t		 mark = s->nns, dmark = s->ndef, i;
	bool		 empty = true, ok = false, html = is_ns(n, NS_XHTML);
	bool		 pre = false;

	buf_putc(s->out, '<');
	put_qname(s->out, n->ns, n->name);
	/*
	 * The only prefix the output can use is xlink: (tmpl_load() and
	 * check_fragment() refuse the others), and HTML allows xmlns:xlink
	 * only on SVG and MathML elements.  So other prefixed declarations
	 * are dropped, and xmlns:xlink made on an HTML element is made
	 * again on each SVG or MathML element below it that lacks it.  A
	 * prefix in use is always declared by the fix-ups below.
	 */
	for (ns = n->nsDef; ns != NULL; ns = ns->next) {
		if (ns->prefix == NULL) {
			ns_declare(s, ns->prefix, ns->href);
			continue;
		}
		if (!xmlStrEqual(ns->prefix, BAD_CAST "xlink") ||
		    !xmlStrEqual(ns->href, BAD_CAST NS_XLINK))
			continue;
		if (!html) {
			ns_declare(s, ns->prefix, ns->href);
			continue;
		}
		/* Once is enough: each element below looks each one up. */
		for (i = 0; i < s->ndef; i++)
			if (xmlStrEqual(s->def[i], ns->prefix))
				break;
		if (i < s->ndef)
			continue;
		if (s->ndef == s->maxdef) {
			s->maxdef = s->maxdef == 0 ? 8 : s->maxdef * 2;
			s->def = xreallocarray(s->def, s->maxdef,
			    sizeof(s->def[0]));
		}
		s->def[s->ndef++] = ns->prefix;
	}
	if (!html)
		for (i = 0; i < s->ndef; i++)
			if ((ns = xmlSearchNs(n->doc, n, s->def[i])) != NULL)
				ns_declare(s, ns->prefix, ns->href);
	/* Fix-up: a namespace used here but declared nowhere in scope. */
	ns_declare(s, n->ns != NULL ? n->ns->prefix : NULL,
	    n->ns != NULL ? n->ns->href : NULL);
	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns != NULL && a->ns->prefix != NULL)
			ns_declare(s, a->ns->prefix, a->ns->href);
	for (a = n->properties; a != NULL; a = a->next) {
		buf_putc(s->out, ' ');
		put_qname(s->out, a->ns, a->name);
		BUF_PUTSL(s->out, "=\"");
		for (ch = a->children; ch != NULL; ch = ch->next)
			if (ch->type == XML_TEXT_NODE && ch->content != NULL)
				put_escaped(s->out, (const char *)ch->content,
				    true);
		buf_putc(s->out, '"');
	}
	for (ch = n->children; ch != NULL; ch = ch->next)
		if (ch->type != XML_COMMENT_NODE && ch->type != XML_PI_NODE)
			empty = false;

	if (is_void(n)) {
		if (!empty) {
			node_err(s->r->d, s->r->t->path, n, "<%s> must be "
			    "empty", n->name);
			goto out;
		}
		BUF_PUTSL(s->out, " />");
		ok = true;
		goto out;
	}
	if (empty && !html) {
		/* Foreign elements (SVG, MathML) may self-close in HTML. */
		BUF_PUTSL(s->out, " />");
		ok = true;
		goto out;
	}
	buf_putc(s->out, '>');
	pre = keeps_space(n);
	if (pre)
		s->pre++;
	if (is_rawtext(n)) {
		if (!ser_rawtext(s, n))
			goto out;
	} else {
		for (ch = n->children; ch != NULL; ch = ch->next) {
			switch (ch->type) {
			case XML_ELEMENT_NODE:
				if (!ser_elem(s, ch))
					goto out;
				break;
			case XML_TEXT_NODE:
			case XML_CDATA_SECTION_NODE:
				if (ch->content == NULL)
					break;
				/* The template's indentation (is_indent()). */
				if (s->pre == 0 && is_indent(ch->content)) {
					if (s->out->len != s->nl)
						buf_putc(s->out, '\n');
					s->nl = s->out->len;
				} else
					put_escaped(s->out,
					    (const char *)ch->content, false);
				break;
			case XML_COMMENT_NODE:
			case XML_PI_NODE:
			case XML_XINCLUDE_START:
			case XML_XINCLUDE_END:
				break;
			default:
				node_err(s->r->d, s->r->t->path, n, "cannot "
				    "write node of type %d", (int)ch->type);
				goto out;
			}
		}
	}
	BUF_PUTSL(s->out, "</");
	put_qname(s->out, n->ns, n->name);
	buf_putc(s->out, '>');
	ok = true;
out:
	if (pre && s->pre > 0)
		s->pre--;
	s->nns = mark;
	s->ndef = dmark;
	return ok;
}

/* The first element child of n named name, or NULL. */
static xmlNodePtr
child_named(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

/*
 * A browser looks for the character encoding in the first 1,024 bytes
 * of a page (HTML's prescan), and the Nu checker requires the <meta
 * charset> to end within them.  A long start tag of <html> (data-*
 * attributes bound to long values) can push it out: that is an error,
 * at the template's <meta>.  Output with no <meta charset> (a fragment)
 * is left alone.
 */
static bool
charset_early(struct render *r, xmlNodePtr root, const struct buf *out,
    size_t start)
{
	const char	*p = out->data + start, *m, *gt, *head, *q;
	xmlNodePtr	 n;

	if ((head = strstr(p, "</head>")) == NULL)
		return true;
	for (m = strstr(p, "<meta"); m != NULL && m < head;
	    m = strstr(gt, "<meta")) {
		if ((gt = strchr(m, '>')) == NULL)
			return true;
		for (q = m; q + 7 <= gt; q++)
			if (strncmp(q, "charset", 7) == 0)
				break;
		if (q + 7 > gt)
			continue;
		if ((size_t)(gt + 1 - p) <= 1024)
			return true;
		for (n = child_named(child_named(root, "head"), "meta");
		    n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    xmlHasProp(n, (const xmlChar *)"charset") != NULL)
				break;
		node_err(r->d, r->t->path, n != NULL ? n : root,
		    "the <meta charset> ends at byte %zu of the output, "
		    "after the first 1024 bytes, where browsers look for "
		    "the character encoding: put it first in <head> and "
		    "keep the start tag of <html> short (bind long values "
		    "with the _short names)", (size_t)(gt + 1 - p));
		return false;
	}
	return true;
}

bool
ser_doc(struct render *r, xmlNodePtr root, struct buf *out)
{
	struct ser	 s;
	size_t		 start;
	bool		 ok;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.out = out;
	s.nl = (size_t)-1;
	start = out->len;
	BUF_PUTSL(out, "<!DOCTYPE html>\n");
	ok = ser_elem(&s, root);
	free(s.ns);
	free(s.def);
	if (ok)
		buf_putc(out, '\n');
	if (ok)
		ok = charset_early(r, root, out, start);
	return ok;
}
