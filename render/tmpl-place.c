/*
 * tmpl-place: would an HTML parser build the tree we have?  Refuses
 * trees that an HTML parser would build differently from an XML
 * parser, so that the output means one thing to both: HTML inside SVG
 * or MathML outside <foreignObject>, SVG or MathML outside <svg> and
 * <math>, the frame of html, head and body broken, blocks inside <p>,
 * table parts out of place, text where HTML would move it.  Not the
 * whole HTML tree construction algorithm: the rules a template or a
 * chart is likely to break, from the HTML standard's "in head", "in
 * body", "in table" and "in foreign content" insertion modes.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "tmpl-int.h"

/*
 * Not the whole HTML tree construction algorithm: the rules a template
 * or a chart is likely to break, from the HTML standard's "in head",
 * "in body", "in table" and "in foreign content" insertion modes.
 */
static const char *const head_elems[] = {
	"base", "basefont", "bgsound", "link", "meta", "noframes",
	"noscript", "script", "style", "template", "title", NULL
};
/* Start tags that close an open <p> ("close a p element"). */
static const char *const closes_p[] = {
	"address", "article", "aside", "blockquote", "center", "dd",
	"details", "dialog", "dir", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "li", "listing", "main",
	"menu", "nav", "ol", "p", "plaintext", "pre", "search", "section",
	"summary", "table", "ul", "xmp", NULL
};
/* HTML elements that bound "button scope". */
static const char *const button_scope[] = {
	"applet", "button", "caption", "html", "marquee", "object", "table",
	"td", "template", "th", NULL
};
/* Start tags that end SVG or MathML content. */
static const char *const breakout[] = {
	"b", "big", "blockquote", "body", "br", "center", "code", "dd",
	"div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5",
	"h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta",
	"nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
	"strike", "sub", "sup", "table", "tt", "u", "ul", "var", NULL
};
/* What the parts of a table may hold; NULL: anything. */
static const char *const in_table[] = {
	"caption", "colgroup", "thead", "tbody", "tfoot", "script",
	"template", "style", NULL
};
static const char *const in_tsection[] = {
	"tr", "script", "template", "style", NULL
};
static const char *const in_tr[] = {
	"td", "th", "script", "template", "style", NULL
};
static const char *const in_colgroup[] = { "col", "template", NULL };

/* SVG and MathML elements whose children an HTML parser reads as HTML. */
static bool
is_html_point(const xmlNode *n)
{
	const char	*enc;

	if (is_elem(n, NS_SVG, "foreignObject") || is_elem(n, NS_SVG, "desc") ||
	    is_elem(n, NS_SVG, "title"))
		return true;
	if (is_elem(n, NS_MATHML, "annotation-xml"))
		return (enc = attr_val((xmlNodePtr)n, "encoding")) != NULL &&
		    (strcasecmp(enc, "text/html") == 0 ||
		    strcasecmp(enc, "application/xhtml+xml") == 0);
	return false;
}

static bool
is_mathml_text_point(const xmlNode *n)
{
	return is_elem(n, NS_MATHML, "mi") || is_elem(n, NS_MATHML, "mo") ||
	    is_elem(n, NS_MATHML, "mn") || is_elem(n, NS_MATHML, "ms") ||
	    is_elem(n, NS_MATHML, "mtext");
}

/* The table rule for children of parent, or NULL if it has none. */
const char *const *
table_rule(const xmlNode *parent)
{
	if (parent->type != XML_ELEMENT_NODE || !is_ns(parent, NS_XHTML))
		return NULL;
	if (is_html(parent, "table"))
		return in_table;
	if (is_html(parent, "thead") || is_html(parent, "tbody") ||
	    is_html(parent, "tfoot"))
		return in_tsection;
	if (is_html(parent, "tr"))
		return in_tr;
	if (is_html(parent, "colgroup"))
		return in_colgroup;
	return NULL;
}

/*
 * The parent a table part needs (tbody standing for thead and tfoot
 * too), or NULL if n is not one.
 */
static const char *
table_parent(const xmlNode *n)
{
	static const char *const parts[][2] = {
		{ "caption", "table" }, { "colgroup", "table" },
		{ "thead", "table" }, { "tbody", "table" },
		{ "tfoot", "table" }, { "tr", "tbody" }, { "td", "tr" },
		{ "th", "tr" }, { "col", "colgroup" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strcmp((const char *)n->name, parts[i][0]) == 0)
			return parts[i][1];
	return NULL;
}

/*
 * Checks that an HTML parser would leave the text node n (not blank)
 * under parent.  Reports at the line of at.
 */
bool
check_text_place(struct diag *d, const char *file, xmlNodePtr parent,
    xmlNodePtr n, xmlNodePtr at, const char *what)
{
	if (is_blank(n->content) || parent->type != XML_ELEMENT_NODE)
		return true;
	if (is_html(parent, "html") || is_html(parent, "head")) {
		node_err(d, file, at, "%stext directly inside <%s>, which "
		    "HTML would move into <body>", what, parent->name);
		return false;
	}
	if (table_rule(parent) != NULL) {
		node_err(d, file, at, "%stext directly inside <%s>, which "
		    "HTML would move out of the table", what, parent->name);
		return false;
	}
	return true;
}

/*
 * Checks that an HTML parser would put the element n under parent
 * (an element or the document) in the namespace the tree gives it.
 * Reports at the line of at.
 */
bool
check_place(struct diag *d, const char *file, xmlNodePtr parent,
    xmlNodePtr n, xmlNodePtr at, const char *what)
{
	const char *const	*rule;
	const char		*pp;
	const xmlNode		*a;
	bool			 html_ctx, svg = is_ns(n, NS_SVG),
				 math = is_ns(n, NS_MATHML),
				 html = is_ns(n, NS_XHTML);

	if (!((n->name[0] >= 'a' && n->name[0] <= 'z') ||
	    (n->name[0] >= 'A' && n->name[0] <= 'Z'))) {
		node_err(d, file, at, "%selement <%s>: HTML tag names start "
		    "with a letter", what, n->name);
		return false;
	}
	html_ctx = parent->type != XML_ELEMENT_NODE ||
	    is_ns(parent, NS_XHTML) || is_html_point(parent) ||
	    (is_mathml_text_point(parent) && !(math &&
	    (strcmp((const char *)n->name, "mglyph") == 0 ||
	    strcmp((const char *)n->name, "malignmark") == 0)));

	if (!html_ctx) {
		/* In SVG or MathML content. */
		if (is_elem(parent, NS_MATHML, "annotation-xml") && svg &&
		    strcmp((const char *)n->name, "svg") == 0)
			return true;
		if (html || in_list(breakout, n->name) ||
		    (strcmp((const char *)n->name, "font") == 0 &&
		    (attr_val(n, "color") != NULL ||
		    attr_val(n, "face") != NULL ||
		    attr_val(n, "size") != NULL))) {
			node_err(d, file, at, "%s<%s> inside <%s>: HTML would "
			    "end the %s there (put HTML in <foreignObject>)",
			    what, n->name, parent->name,
			    is_ns(parent, NS_SVG) ? "SVG" : "MathML");
			return false;
		}
		if (parent->ns == NULL || n->ns == parent->ns ||
		    xmlStrEqual(n->ns->href, parent->ns->href))
			return true;
		node_err(d, file, at, "%s<%s> inside <%s>: HTML would read it "
		    "in the namespace of <%s>", what, n->name, parent->name,
		    parent->name);
		return false;
	}

	if (html && (strcmp((const char *)n->name, "svg") == 0 ||
	    strcmp((const char *)n->name, "math") == 0)) {
		node_err(d, file, at, "%s<%s> in the XHTML namespace: HTML "
		    "would read it as %s", what, n->name, n->name[0] == 's' ?
		    "SVG" : "MathML");
		return false;
	}
	if (svg && strcmp((const char *)n->name, "svg") != 0) {
		node_err(d, file, at, "%s<%s> outside <svg>: HTML would read "
		    "it as an HTML element", what, n->name);
		return false;
	}
	if (math && strcmp((const char *)n->name, "math") != 0) {
		node_err(d, file, at, "%s<%s> outside <math>: HTML would read "
		    "it as an HTML element", what, n->name);
		return false;
	}

	/* The document's frame: html > head, body. */
	if (html && strcmp((const char *)n->name, "html") == 0 &&
	    parent->type == XML_ELEMENT_NODE) {
		node_err(d, file, at, "%s<html> inside <%s>", what,
		    parent->name);
		return false;
	}
	if (html && (strcmp((const char *)n->name, "head") == 0 ||
	    strcmp((const char *)n->name, "body") == 0) &&
	    !is_html(parent, "html")) {
		node_err(d, file, at, "%s<%s> can only be a child of <html>",
		    what, n->name);
		return false;
	}
	if (is_html(parent, "html") && !is_html(n, "head") &&
	    !is_html(n, "body")) {
		node_err(d, file, at, "%s<%s> directly inside <html>: HTML "
		    "would put it in <head> or <body>", what, n->name);
		return false;
	}
	if (is_html(parent, "html"))
		for (a = n->prev; a != NULL; a = a->prev)
			if (a->type == XML_ELEMENT_NODE &&
			    (is_html(n, "head") || is_html(a, "body"))) {
				node_err(d, file, at, "%s<%s> after <%s>: "
				    "<html> holds one <head>, then one <body>",
				    what, n->name, a->name);
				return false;
			}
	if (is_html(parent, "head") &&
	    (!html || !in_list(head_elems, n->name))) {
		node_err(d, file, at, "%s<%s> cannot go in <head>: HTML would "
		    "start the <body> there", what, n->name);
		return false;
	}

	if ((rule = table_rule(parent)) != NULL &&
	    (!html || !in_list(rule, n->name))) {
		if (is_html(parent, "table") && is_html(n, "tr"))
			node_err(d, file, at, "%s<tr> directly inside <table>: "
			    "HTML would put it in a <tbody>", what);
		else
			node_err(d, file, at, "%s<%s> cannot go in <%s>: HTML "
			    "would move it", what, n->name, parent->name);
		return false;
	}

	if (html && (pp = table_parent(n)) != NULL && !is_html(parent, pp) &&
	    !(strcmp(pp, "tbody") == 0 && (is_html(parent, "thead") ||
	    is_html(parent, "tfoot")))) {
		node_err(d, file, at, "%s<%s> outside <%s>: HTML would drop "
		    "or move it", what, n->name, pp);
		return false;
	}
	if (html && in_list(closes_p, n->name))
		for (a = parent; a != NULL && a->type == XML_ELEMENT_NODE;
		    a = a->parent) {
			if (is_html(a, "p")) {
				node_err(d, file, at, "%s<%s> inside <p>: HTML "
				    "would close the <p> first", what,
				    n->name);
				return false;
			}
			if ((is_ns(a, NS_XHTML) &&
			    in_list(button_scope, a->name)) ||
			    is_html_point(a) || is_mathml_text_point(a) ||
			    is_elem(a, NS_MATHML, "annotation-xml"))
				break;
		}
	return true;
}
