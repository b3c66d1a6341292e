/*
 * tmpl-check: the walk over a loaded template (check_tree()) and over
 * markup a render inserts (check_fragment()).  Every element and
 * attribute name must mean the same to an HTML parser as to an XML
 * one (namespaces, prefixes, case), text must hold only characters a
 * page may, entities and XInclude are refused, the depth is capped,
 * and every data-sc-* attribute is checked: known, a valid name, its
 * combination allowed, data-sc-attr's pairs (tmpl-attr.c).  Placement
 * is tmpl-place.c's.  The walk also drops data-sc-remove elements and
 * carries out data-sc-inline (tmpl-inline.c), so that what is left
 * needs only the context.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"

/*
 * Is s an ASCII name?  XML 1.0 editions disagree on the others, and no
 * HTML, SVG or MathML name needs them.
 */
static bool
is_ascii_name(const xmlChar *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return false;
	return true;
}

static bool
has_upper(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			return true;
	return false;
}

/*
 * The mixed-case names an HTML parser restores in SVG and MathML (the
 * HTML standard's "adjust SVG attributes" and tag name tables).  It
 * lower-cases every other name, as it does on HTML elements.
 */
static const char *const svg_elems[] = {
	"altGlyph", "altGlyphDef", "altGlyphItem", "animateColor",
	"animateMotion", "animateTransform", "clipPath", "feBlend",
	"feColorMatrix", "feComponentTransfer", "feComposite",
	"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
	"feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
	"feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge",
	"feMergeNode", "feMorphology", "feOffset", "fePointLight",
	"feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
	"foreignObject", "glyphRef", "linearGradient", "radialGradient",
	"textPath", NULL
};
static const char *const svg_attrs[] = {
	"attributeName", "attributeType", "baseFrequency", "baseProfile",
	"calcMode", "clipPathUnits", "diffuseConstant", "edgeMode",
	"filterUnits", "glyphRef", "gradientTransform", "gradientUnits",
	"kernelMatrix", "kernelUnitLength", "keyPoints", "keySplines",
	"keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight",
	"markerUnits", "markerWidth", "maskContentUnits", "maskUnits",
	"numOctaves", "pathLength", "patternContentUnits",
	"patternTransform", "patternUnits", "pointsAtX", "pointsAtY",
	"pointsAtZ", "preserveAlpha", "preserveAspectRatio",
	"primitiveUnits", "refX", "refY", "repeatCount", "repeatDur",
	"requiredExtensions", "requiredFeatures", "specularConstant",
	"specularExponent", "spreadMethod", "startOffset", "stdDeviation",
	"stitchTiles", "surfaceScale", "systemLanguage", "tableValues",
	"targetX", "targetY", "textLength", "viewBox", "viewTarget",
	"xChannelSelector", "yChannelSelector", "zoomAndPan", NULL
};
static const char *const mathml_attrs[] = { "definitionURL", NULL };

/*
 * Would an HTML parser read name, the name of the element n or (attr)
 * of one of its attributes in no namespace, with the same case?  It
 * lower-cases a name, then restores the case of the names above.
 */
static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool
name_case_ok(const xmlNode *n, const char *name, bool attr)
{
	const char *const	*list = NULL;
	size_t			 i;
	int			 c0;

	if (is_ns(n, NS_SVG))
		list = attr ? svg_attrs : svg_elems;
	else if (is_ns(n, NS_MATHML) && attr)
		list = mathml_attrs;
	/* The first letters first: every chart's SVG comes this way, and
	 * strcasecmp() down the lists was a tenth of a report's filling. */
	c0 = ascii_lower((unsigned char)name[0]);
	for (i = 0; list != NULL && list[i] != NULL; i++)
		if (ascii_lower((unsigned char)list[i][0]) == c0 &&
		    strcasecmp(name, list[i]) == 0)
			return strcmp(name, list[i]) == 0;
	return !has_upper(name);
}

/*
 * Would an HTML parser give the attribute ns:local on n the same
 * namespace?  It knows xml:lang and xml:space, and xlink:href and its
 * kin on SVG and MathML elements only.
 */
bool
ns_html_ok(const xmlNode *n, const xmlNs *ns, const char *local)
{
	static const char *const xlink[] = { "actuate", "arcrole", "href",
	    "role", "show", "title", "type", NULL };
	size_t	 i;

	if (ns->prefix == NULL || ns->href == NULL)
		return false;
	if (strcmp((const char *)ns->prefix, "xml") == 0)
		return strcmp(local, "lang") == 0 ||
		    strcmp(local, "space") == 0;
	if (strcmp((const char *)ns->prefix, "xlink") != 0 ||
	    strcmp((const char *)ns->href, NS_XLINK) != 0 ||
	    n->ns == NULL || is_ns(n, NS_XHTML))
		return false;
	for (i = 0; xlink[i] != NULL; i++)
		if (strcmp(local, xlink[i]) == 0)
			return true;
	return false;
}

/*
 * data-sc-unwrap: only on a <span>, whose content an HTML parser puts
 * wherever it puts the <span> itself (phrasing content, in no table
 * part, <head> or foreign element), so that what the template checks
 * passed under the <span> stays true under its parent; and only on one
 * with no attributes of its own, which would be lost.
 */
static bool
check_unwrap(struct tmpl *t, xmlNodePtr n, bool attr, struct diag *d)
{
	xmlAttrPtr	 a;

	if (!is_html(n, "span")) {
		node_err(d, t->path, n, "data-sc-unwrap: only a <span> can be "
		    "unwrapped, not <%s>", n->name);
		return false;
	}
	if (attr) {
		node_err(d, t->path, n, "data-sc-unwrap: data-sc-attr would set "
		    "attributes on a <span> that is not written");
		return false;
	}
	for (a = n->properties; a != NULL; a = a->next) {
		if (is_instr_attr(a))
			continue;
		node_err(d, t->path, n, "data-sc-unwrap: the <span> has the "
		    "attribute %s%s%s, which would be lost; unwrap only a "
		    "<span> with no attributes but data-sc-*",
		    a->ns != NULL && a->ns->prefix != NULL ?
		    (const char *)a->ns->prefix : "",
		    a->ns != NULL && a->ns->prefix != NULL ? ":" : "",
		    a->name);
		return false;
	}
	return true;
}

/* Checks n's data-sc-* attributes.  Reports every problem. */
static bool
check_instrs(struct tmpl *t, xmlNodePtr n, bool root, struct diag *d)
{
	xmlAttrPtr	 a;
	const char	*val;
	bool		 have[IN__MAX] = { false };
	bool		 ok = true;
	struct apair	*pv;
	size_t		 pn, i;
	struct buf	 err;
	int		 k;

	for (a = n->properties; a != NULL; a = a->next) {
		if (!is_instr_attr(a))
			continue;
		for (k = 0; k < IN__MAX; k++)
			if (strcmp((const char *)a->name, instr_names[k]) == 0)
				break;
		if (k == IN__MAX) {
			node_err(d, t->path, n, "unknown instruction %s",
			    a->name);
			ok = false;
			continue;
		}
		have[k] = true;
		val = attr_val(n, instr_names[k]);
		switch ((enum instr)k) {
		case IN_TEXT:
		case IN_MARKUP:
		case IN_EACH:
		case IN_IF:
		case IN_UNLESS:
			if (!valid_name(val)) {
				node_err(d, t->path, n, "%s: \"%s\" is not "
				    "a valid name", instr_names[k], val);
				ok = false;
			}
			break;
		case IN_ATTR:
			buf_init(&err);
			if (!attrspec_parse(val, &pv, &pn, &err)) {
				node_err(d, t->path, n, "data-sc-attr: %s",
				    err.data);
				ok = false;
			} else {
				for (i = 0; i < pn; i++)
					if (!check_attr_target(t, n, &pv[i],
					    d))
						ok = false;
				apairs_free(pv, pn);
			}
			buf_release(&err);
			break;
		case IN_REMOVE:
		case IN_INLINE:
		case IN_UNWRAP:
		case IN__MAX:
			break;
		}
	}
	if (have[IN_UNWRAP] && !check_unwrap(t, n, have[IN_ATTR], d))
		ok = false;
	if (have[IN_TEXT] && have[IN_MARKUP]) {
		node_err(d, t->path, n, "data-sc-text and data-sc-markup "
		    "cannot be used on one element");
		ok = false;
	}
	if ((have[IN_TEXT] || have[IN_MARKUP]) &&
	    (is_void(n) || is_rawtext(n) || is_html(n, "head") ||
	    table_rule(n) != NULL)) {
		node_err(d, t->path, n, "%s cannot fill <%s>",
		    have[IN_TEXT] ? "data-sc-text" : "data-sc-markup",
		    n->name);
		ok = false;
	}
	/* <html>, <head> and <body> are there once, with their content. */
	if (root || is_html(n, "head") || is_html(n, "body"))
		for (k = 0; k < IN__MAX; k++) {
			if (!have[k] || k == IN_ATTR || (!root &&
			    (k == IN_TEXT || k == IN_MARKUP)))
				continue;
			node_err(d, t->path, n, "%s cannot be used on <%s>",
			    instr_names[k], n->name);
			ok = false;
		}
	return ok;
}

/*
 * Element and attribute names must mean the same to an HTML parser,
 * which knows three namespaces and two attribute prefixes: no element
 * prefixes, XHTML, SVG or MathML for elements, xlink: and xml: (with
 * their own namespaces) for attributes.  Problems with n are reported
 * at the line of at.
 */
static bool
check_elem_name(struct diag *d, const char *file, xmlNodePtr n,
    xmlNodePtr at, const char *what)
{
	xmlAttrPtr	 a;

	if (is_ns(n, NS_XINCLUDE) || is_ns(n, NS_XINCLUDE_OLD)) {
		node_err(d, file, at, "%sXInclude is not allowed", what);
		return false;
	}
	if (n->ns == NULL || n->ns->href == NULL || n->ns->href[0] == '\0') {
		node_err(d, file, at, "%selement <%s> is in no namespace",
		    what, n->name);
		return false;
	}
	if (n->ns->prefix != NULL) {
		node_err(d, file, at, "%selement <%s:%s> has a namespace "
		    "prefix, which HTML parsers do not read; declare "
		    "xmlns=\"%s\" on it instead", what, n->ns->prefix,
		    n->name, n->ns->href);
		return false;
	}
	if (!is_ns(n, NS_XHTML) && !is_ns(n, NS_SVG) && !is_ns(n, NS_MATHML)) {
		node_err(d, file, at, "%selement <%s> is in the namespace "
		    "\"%s\", which HTML does not know", what, n->name,
		    n->ns->href);
		return false;
	}
	if (!is_ascii_name(n->name)) {
		node_err(d, file, at, "%selement <%s>: names must be ASCII "
		    "letters, digits, '-', '_' and '.'", what, n->name);
		return false;
	}
	for (a = n->properties; a != NULL; a = a->next)
		if (!is_ascii_name(a->name) || (a->ns != NULL &&
		    a->ns->prefix != NULL && !is_ascii_name(a->ns->prefix))) {
			node_err(d, file, at, "%sattribute %s: names must be "
			    "ASCII letters, digits, '-', '_' and '.'", what,
			    a->name);
			return false;
		}
	if (!name_case_ok(n, (const char *)n->name, false)) {
		node_err(d, file, at, "%selement <%s>: HTML would read the "
		    "name in another case", what, n->name);
		return false;
	}
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns == NULL) {
			if (name_case_ok(n, (const char *)a->name, true))
				continue;
			node_err(d, file, at, "%sattribute %s: HTML would read "
			    "the name in another case", what, a->name);
			return false;
		}
		if (ns_html_ok(n, a->ns, (const char *)a->name))
			continue;
		node_err(d, file, at, "%sattribute %s:%s: HTML reads only "
		    "xml:lang, xml:space and, on SVG and MathML, xlink:href "
		    "and its kin in \"%s\"", what,
		    a->ns->prefix != NULL ? (const char *)a->ns->prefix : "",
		    a->name, NS_XLINK);
		return false;
	}
	return true;
}

/*
 * Checks the text or CDATA node ch with text_check(), reporting at the
 * line of at.
 */
static bool
check_chars(struct diag *d, const char *file, xmlNodePtr at, xmlNodePtr ch,
    const char *what)
{
	long	 r;

	if (ch->content == NULL ||
	    (r = text_check((const char *)ch->content,
	    strlen((const char *)ch->content))) == -1)
		return true;
	if (r == -2)
		node_err(d, file, at, "%stext is not valid UTF-8", what);
	else
		node_err(d, file, at, "%stext holds the character U+%04lX, "
		    "which HTML does not allow", what, (unsigned long)r);
	return false;
}

/*
 * Leaves each attribute of n holding one text node (or none), which
 * attr_val() relies on; an entity reference in a value is refused.
 */
static bool
check_attrs(struct tmpl *t, xmlNodePtr n, struct diag *d)
{
	xmlAttrPtr	 a;
	xmlNodePtr	 ch;
	xmlChar		*v;

	for (a = n->properties; a != NULL; a = a->next) {
		for (ch = a->children; ch != NULL; ch = ch->next) {
			if (ch->type != XML_TEXT_NODE) {
				node_err(d, t->path, n, "entity declarations "
				    "are not allowed in templates");
				return false;
			}
			if (!check_chars(d, t->path, n, ch, ""))
				return false;
		}
		if (a->children == NULL || a->children->next == NULL)
			continue;
		v = nonnull(xmlNodeListGetString(t->doc, a->children, 1));
		xmlFreeNodeList(a->children);
		a->children = a->last = NULL;
		ch = nonnull(xmlNewDocText(t->doc, v));
		xmlFree(v);
		ch->parent = (xmlNodePtr)a;
		a->children = a->last = ch;
	}
	return true;
}

/*
 * Walks the children of parent: checks every element, drops
 * data-sc-remove, carries out data-sc-inline.  Reports every problem.
 */
bool
check_tree(struct tmpl *t, xmlNodePtr parent, int depth, struct diag *d)
{
	xmlNodePtr	 n, next;
	bool		 ok = true;

	for (n = parent->children; n != NULL; n = next) {
		next = n->next;
		switch (n->type) {
		case XML_ENTITY_REF_NODE:
		case XML_ENTITY_DECL:
		case XML_ENTITY_NODE:
			node_err(d, t->path, n, "entity declarations are not "
			    "allowed in templates");
			ok = false;
			continue;
		case XML_XINCLUDE_START:
		case XML_XINCLUDE_END:
			node_err(d, t->path, n, "XInclude is not allowed");
			ok = false;
			continue;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!check_chars(d, t->path, parent, n, "") ||
			    !check_text_place(d, t->path, parent, n, parent,
			    ""))
				ok = false;
			continue;
		case XML_ELEMENT_NODE:
			break;
		default:
			continue;
		}
		if (depth > TMPL_MAX_DEPTH) {
			node_err(d, t->path, n, "elements are nested more "
			    "than %d deep", TMPL_MAX_DEPTH);
			return false;
		}
		if (!check_elem_name(d, t->path, n, n, "") ||
		    !check_attrs(t, n, d)) {
			ok = false;
			continue;
		}
		if (!check_place(d, t->path, parent, n, n, "")) {
			ok = false;
			continue;
		}
		if (is_html(n, "plaintext")) {
			node_err(d, t->path, n, "<plaintext> is not allowed: "
			    "HTML would read the rest of the page as text");
			ok = false;
			continue;
		}
		if (depth == 1 && !is_html(n, "html")) {
			node_err(d, t->path, n, "the root element must be "
			    "<html xmlns=\"%s\">", NS_XHTML);
			ok = false;
		}
		if (!check_instrs(t, n, depth == 1, d)) {
			ok = false;
			continue;
		}
		if (attr_val(n, "data-sc-remove") != NULL) {
			drop_node(n);
			continue;
		}
		if (attr_val(n, "data-sc-inline") != NULL) {
			if (!do_inline(t, n, d))
				ok = false;
			continue;	/* a <style> with text only */
		}
		if (!check_tree(t, n, depth + 1, d))
			ok = false;
	}
	return ok;
}

/*
 * Checks markup copied into the tree as check_tree() checks a
 * template, reporting at the line of at, the data-sc-markup element.
 */
bool
check_fragment(struct render *r, xmlNodePtr at, xmlNodePtr list,
    const char *what)
{
	xmlNodePtr	 n;
	xmlAttrPtr	 a;

	for (n = list; n != NULL; n = n->next) {
		if (n->type == XML_ENTITY_REF_NODE ||
		    n->type == XML_XINCLUDE_START ||
		    n->type == XML_XINCLUDE_END) {
			node_err(r->d, r->t->path, at, "%s holds an entity or "
			    "an XInclude", what);
			return false;
		}
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) &&
		    (!check_chars(r->d, r->t->path, at, n, what) ||
		    (n->parent->type == XML_ELEMENT_NODE &&
		    !check_text_place(r->d, r->t->path, n->parent, n, at,
		    what))))
			return false;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!check_elem_name(r->d, r->t->path, n, at, what) ||
		    !check_place(r->d, r->t->path, n->parent, n, at, what))
			return false;
		for (a = n->properties; a != NULL; a = a->next)
			if (a->children != NULL &&
			    !check_fragment(r, at, a->children, what))
				return false;
		if (!check_fragment(r, at, n->children, what))
			return false;
	}
	return true;
}
