/*
 * tmpl-node: what the other files of the module share about libxml2's
 * nodes: predicates (namespace, HTML element, void, raw text), an
 * attribute's value, dropping nodes, the names of the instructions and
 * of the context, the check of the characters a page may hold, and the
 * place of an element in the template's text for messages: libxml2
 * keeps a node's line, where its start tag ends; node_pos() finds
 * where the tag starts, line and column, in the text.
 */
#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"
#include "utf8.h"
#include "util.h"

const char *const instr_names[IN__MAX] = {
	"data-sc-text",
	"data-sc-markup",
	"data-sc-each",
	"data-sc-if",
	"data-sc-unless",
	"data-sc-attr",
	"data-sc-remove",
	"data-sc-inline",
	"data-sc-unwrap",
};

static const char *const void_elems[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input",
	"link", "meta", "source", "track", "wbr", NULL
};

/* The libxml2 tree calls return NULL only when out of memory. */
void *
nonnull(void *p)
{
	if (p == NULL) {
		/* As util.c's x* allocators do. */
		fputs("scorecard: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static int
node_line(xmlNodePtr n)
{
	long	 l;

	for (; n != NULL && n->type != XML_DOCUMENT_NODE; n = n->parent)
		if ((l = xmlGetLineNo(n)) > 0)
			return l > INT_MAX ? INT_MAX : (int)l;
	return 0;
}

/* The offset of the start of line (from 1) in src, or (size_t)-1. */
static size_t
line_start(struct tsrc *src, int line)
{
	size_t	 off;
	int	 l;

	if (src->cline < 1 || src->cline > line) {
		src->cline = 1;
		src->coff = 0;
	}
	for (l = src->cline, off = src->coff; l < line; off++) {
		if (off >= src->len)
			return (size_t)-1;
		if (src->text[off] == '\n')
			l++;
	}
	src->cline = line;
	src->coff = off;
	return off;
}

/* Is there a start tag "<name" at text[p]? */
static bool
tag_at(const struct tsrc *src, size_t p, const char *name, size_t nlen)
{
	char	 c;

	if (src->text[p] != '<' || src->len - p - 1 < nlen ||
	    memcmp(src->text + p + 1, name, nlen) != 0)
		return false;
	if (p + 1 + nlen == src->len)
		return true;
	c = src->text[p + 1 + nlen];
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' ||
	    c == '>';
}

/*
 * Where element n's start tag begins in the template's text, into
 * *line and *col (characters from 1).  Its line in the tree is where
 * the tag ends; the tag is the k-th "<name" ending on that line, k the
 * elements of that name and line before n in document order.  Leaves
 * *line and *col alone when the text is not known.
 */
static void
node_pos(xmlNodePtr n, int *line, int *col)
{
	struct tsrc	*src;
	xmlNodePtr	 e, p;
	struct buf	 qn;
	size_t		 lo, ls, hi, at, k = 0, steps = 0, i;
	size_t		 found = (size_t)-1;
	long		 l;
	int		 ln;

	for (e = n; e != NULL && e->type != XML_ELEMENT_NODE; e = e->parent)
		if (e->type == XML_DOCUMENT_NODE)
			return;
	if (e == NULL || e->doc == NULL || (src = e->doc->_private) == NULL ||
	    (l = xmlGetLineNo(e)) <= 0 || l > INT_MAX)
		return;
	/* Same-named elements ending on the same line, before e. */
	for (p = e; steps < 100000; steps++) {
		if (p->prev != NULL) {
			p = p->prev;
			while (p->type == XML_ELEMENT_NODE && p->last != NULL)
				p = p->last;
		} else if ((p = p->parent) == NULL ||
		    p->type != XML_ELEMENT_NODE)
			break;
		if (p->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(p) < l)
			break;
		if (xmlGetLineNo(p) == l && p->ns == e->ns &&
		    xmlStrEqual(p->name, e->name))
			k++;
	}
	buf_init(&qn);
	if (e->ns != NULL && e->ns->prefix != NULL)
		buf_printf(&qn, "%s:", (const char *)e->ns->prefix);
	buf_puts(&qn, (const char *)e->name);
	if ((ls = lo = line_start(src, (int)l)) == (size_t)-1)
		goto out;
	for (hi = lo; hi < src->len && src->text[hi] != '\n'; hi++)
		continue;
	/* A start tag ending on line l may begin on an earlier line. */
	while (lo > 0 && src->text[lo - 1] != '>')
		lo--;
	for (i = 0, at = lo; at < hi; at++)
		if (tag_at(src, at, qn.data, qn.len)) {
			found = at;
			if (i++ == k)
				break;
		}
	if (found == (size_t)-1)
		goto out;
	/* Back from the tag to its line's start, counting lines. */
	for (ln = (int)l, at = found; at > 0 && src->text[at - 1] != '\n';
	    at--)
		continue;
	for (i = at; i < ls; i++)
		if (src->text[i] == '\n')
			ln--;
	*line = ln;
	*col = 1 + (int)utf8_count(src->text + at, found - at);
out:
	buf_release(&qn);
}

/* Reports an error at the start tag of n (or of its element). */
void
node_err(struct diag *d, const char *file, xmlNodePtr n, const char *fmt,
    ...)
{
	struct buf	 b;
	va_list		 ap;
	int		 line, col;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	line = node_line(n);
	col = line > 0 ? 1 : 0;
	node_pos(n, &line, &col);
	diag_msg(d, DIAG_ERROR, file, line, col, "%s", b.data);
	buf_release(&b);
}

bool
is_ns(const xmlNode *n, const char *href)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, href) == 0;
}

bool
is_html(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && is_ns(n, NS_XHTML) &&
	    strcmp((const char *)n->name, name) == 0;
}

bool
is_void(const xmlNode *n)
{
	size_t	 i;

	if (n->type != XML_ELEMENT_NODE || !is_ns(n, NS_XHTML))
		return false;
	for (i = 0; void_elems[i] != NULL; i++)
		if (strcmp((const char *)n->name, void_elems[i]) == 0)
			return true;
	return false;
}

bool
is_blank(const xmlChar *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/*
 * Elements whose content an HTML parser reads as raw text: <style>,
 * <script> and the legacy xmp, iframe, noembed and noframes.
 */
bool
is_rawtext(const xmlNode *n)
{
	return is_html(n, "style") || is_html(n, "script") ||
	    is_html(n, "xmp") || is_html(n, "iframe") ||
	    is_html(n, "noembed") || is_html(n, "noframes");
}

bool
keeps_space(const xmlNode *n)
{
	return is_html(n, "pre") || is_html(n, "textarea") ||
	    is_html(n, "listing");
}

bool
is_indent(const xmlChar *text)
{
	bool	 nl = false;

	for (; *text != '\0'; text++) {
		if (*text == '\n')
			nl = true;
		else if (*text != ' ' && *text != '\t' && *text != '\r')
			return false;
	}
	return nl;
}

/* The value of n's attribute name in no namespace, or NULL. */
const char *
attr_val(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	 a;

	if ((a = xmlHasNsProp(n, BAD_CAST name, NULL)) == NULL ||
	    a->type != XML_ATTRIBUTE_NODE)
		return NULL;
	if (a->children == NULL)
		return "";
	/* Parsed and set attributes hold one text node. */
	assert(a->children->type == XML_TEXT_NODE && a->children->next == NULL);
	return (const char *)a->children->content;
}

bool
is_instr_attr(const xmlAttr *a)
{
	return a->ns == NULL &&
	    strncasecmp((const char *)a->name, INSTR_PREFIX,
	    sizeof(INSTR_PREFIX) - 1) == 0;
}

void
drop_children(xmlNodePtr n)
{
	xmlNodePtr	 ch;

	while ((ch = n->children) != NULL) {
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
}

void
drop_node(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* A context name: [A-Za-z_][A-Za-z0-9_.-]*. */
bool
valid_name(const char *s)
{
	if (!(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') ||
	    (s[0] >= 'a' && s[0] <= 'z')))
		return false;
	for (s++; *s != '\0'; s++)
		if (!(*s == '_' || *s == '.' || *s == '-' ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

/*
 * Checks that n bytes of s are UTF-8 holding only characters that XML
 * 1.0 allows and HTML does not call a parse error (no C0 or C1
 * controls other than tab, newline and carriage return, no
 * noncharacters).  Returns -1 if so, -2 for bad UTF-8, or the code
 * point of the first refused character.
 */
long
text_check(const char *s, size_t n)
{
	size_t		 i, len;
	unsigned long	 cp;

	for (i = 0; i < n; i += len) {
		if ((len = utf8_decode(s + i, n - i, &cp)) == 0)
			return -2;
		if (cp_unfit(cp))
			return (long)cp;
	}
	return -1;
}

/* Reports text_check()'s verdict r on what. */
void
text_err(struct diag *d, const char *file, xmlNodePtr n, const char *what,
    long r)
{
	if (r == -2)
		node_err(d, file, n, "%s is not valid UTF-8", what);
	else
		node_err(d, file, n, "%s holds the character U+%04lX, "
		    "which HTML does not allow", what, (unsigned long)r);
}

bool
in_list(const char *const *list, const xmlChar *name)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], (const char *)name) == 0)
			return true;
	return false;
}

bool
is_elem(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && is_ns(n, ns) &&
	    strcmp((const char *)n->name, name) == 0;
}
