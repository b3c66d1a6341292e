/*
 * tmpl: XHTML templates driven by data-sc-* attributes, carried out on
 * libxml2's tree, and our own serialiser for the result.  The only file
 * in the program that includes libxml2 headers.
 *
 * IMPLEMENTATION NOTES
 *
 * Data flows in three steps.
 *
 * 1. tmpl_load() reads the file itself (capped at TMPL_MAX_BYTES) and
 *    parses it from memory with XML_PARSE_NONET and none of the options
 *    that load or substitute anything (NOENT, DTDLOAD, DTDATTR), with
 *    XInclude never run.  Around the parse it installs a deny-all
 *    external entity loader and a structured error handler (libxml2
 *    2.9 has no per-context handler), and restores both after.  SAX
 *    hooks on the parser context stop the parse at the first DTD
 *    declaration, so an entity is refused before it is ever expanded
 *    (billion laughs, quadratic blow-up, file:// entities).  Only a
 *    bare <!DOCTYPE html> survives the parse, and it is dropped.  A
 *    walk over the tree then checks every data-sc-* attribute, refuses
 *    XInclude and entity references, caps the depth, drops
 *    data-sc-remove elements and carries out data-sc-inline (the
 *    stylesheet is read once, here, and confined to the template's
 *    folder or the assets folder).  What is left needs only the
 *    context.
 *
 *    The same walk refuses trees that an HTML parser would build
 *    differently from an XML parser, so that the output means one
 *    thing to both: names in a case or namespace HTML would change,
 *    element prefixes, HTML inside SVG outside <foreignObject>, blocks
 *    inside <p>, table parts out of place, misplaced text, and
 *    characters HTML calls errors.  It is not the whole HTML tree
 *    construction algorithm, only the parts a template or a chart is
 *    likely to break.  Inserted markup gets the same checks where it
 *    lands.
 *
 * 2. tmpl_render() copies the tree and carries out each element's
 *    instructions in the order tmpl.h gives, top down.  Values from the
 *    context only ever enter the tree as text nodes or attribute
 *    values (xmlNewDocText, xmlSetNsProp: both copy, neither parses),
 *    except markup, which is parsed with the same safe parser inside a
 *    wrapper that puts unprefixed elements in the XHTML namespace, and
 *    copied in.  Inserted markup is never searched for instructions.
 *
 * 3. The serialiser writes the tree as XHTML that an HTML parser reads
 *    the same way: void elements as "<br />", every other HTML element
 *    with an end tag, empty SVG/MathML elements self-closed, raw text
 *    in <style> and <script> checked rather than escaped, comments and
 *    processing instructions dropped, CDATA written as escaped text.
 *    It tracks the namespaces in scope, so a declaration the tree
 *    repeats (libxml2's copies add them) is written once.  libxml2's
 *    own serialisers are not used: with <!DOCTYPE html> they
 *    self-close <div/> and <script/>, which HTML reads as unclosed; in
 *    XHTML mode they add a <meta http-equiv> beside <meta charset> and
 *    escape '>' in <style>; as HTML they write <br></br> and turn CDATA
 *    into live markup.
 *
 * It deliberately knows nothing of indicators or of the report: values
 * come from a struct tmpl_ctx, a tree of scopes.
 *
 * Not thread safe: the entity loader libxml2 consults is process-wide.
 */
#ifndef _XOPEN_SOURCE
#define	_XOPEN_SOURCE 700	/* realpath() is XSI, not in POSIX.1 base */
#endif

#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/entities.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "diag.h"
#include "rfile.h"
#include "tmpl.h"
#include "util.h"

#define	NS_XHTML	"http://www.w3.org/1999/xhtml"
#define	NS_SVG		"http://www.w3.org/2000/svg"
#define	NS_MATHML	"http://www.w3.org/1998/Math/MathML"
#define	NS_XLINK	"http://www.w3.org/1999/xlink"
#define	NS_XINCLUDE	"http://www.w3.org/2001/XInclude"
#define	NS_XINCLUDE_OLD	"http://www.w3.org/2003/XInclude"
#define	INSTR_PREFIX	"data-sc-"

/*
 * Parser options: no network, no entity substitution, no DTD loading,
 * line numbers past 65535 kept where libxml2 can.
 */
#define	PARSE_OPTS	(XML_PARSE_NONET | XML_PARSE_BIG_LINES)

enum tkind {
	TK_TEXT,
	TK_BOOL,
	TK_MARKUP,
	TK_LIST
};

struct tval {
	char		 *name;
	enum tkind	  kind;
	char		 *s;		/* TK_TEXT, TK_MARKUP */
	bool		  b;		/* TK_BOOL */
	struct tmpl_ctx	**items;	/* TK_LIST: owned scopes */
	size_t		  nitems;
	size_t		  maxitems;
};

struct tmpl_ctx {
	struct tmpl_ctx	*parent;	/* scope this one was added under */
	struct tval	*vals;
	size_t		 nvals;
	size_t		 maxvals;
};

/*
 * The template's text, for the column of an element in messages: its
 * trees (t->doc and each render's copy) point to it by doc->_private.
 * libxml2 keeps a node's line (where its start tag ends), not its
 * column; node_pos() finds the start tag in the text.
 */
struct tsrc {
	char		*text;
	size_t		 len;
	int		 cline;		/* a line whose start is known */
	size_t		 coff;		/* its offset */
};

struct tmpl {
	char		*path;		/* as given, for messages */
	char		*dir;		/* real path of the template's folder */
	char		*assets;	/* real path of the assets folder or NULL */
	char		*assets_arg;	/* the assets folder as given */
	xmlDocPtr	 doc;		/* checked; instructions pending */
	struct tsrc	 src;
};

enum instr {
	IN_TEXT,
	IN_MARKUP,
	IN_EACH,
	IN_IF,
	IN_UNLESS,
	IN_ATTR,
	IN_REMOVE,
	IN_INLINE,
	IN__MAX
};

static const char *const instr_names[IN__MAX] = {
	"data-sc-text",
	"data-sc-markup",
	"data-sc-each",
	"data-sc-if",
	"data-sc-unless",
	"data-sc-attr",
	"data-sc-remove",
	"data-sc-inline",
};

/* One "attribute:name" item of data-sc-attr. */
struct apair {
	char	*prefix;	/* "xlink" of "xlink:href", or NULL */
	char	*local;		/* "href" */
	char	*name;		/* context name */
};

/* State of one parse, reached from the parser context's _private. */
struct pstate {
	struct diag	*d;
	const char	*file;		/* for messages */
	struct buf	*capture;	/* not NULL: keep the first error here */
	int		 line;		/* capture: first error's line */
	bool		 subset;	/* the DOCTYPE has an internal subset */
	int		 subsetline;
	size_t		 nerr;
};

/* State of one render. */
struct render {
	const struct tmpl	*t;
	struct diag		*d;
	xmlDocPtr		 doc;	/* the copy being filled */
};

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
};

static const char *const void_elems[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input",
	"link", "meta", "source", "track", "wbr", NULL
};

/*
 * Attributes whose value a browser may follow as a URL, on any element
 * (HTML's, SVG's and the legacy ones browsers still read); ping and
 * archive hold several, space-separated, srcset a comma-separated list.
 */
static const char *const url_attrs[] = {
	"action", "archive", "background", "cite", "classid", "code",
	"codebase", "data", "dynsrc", "formaction", "href", "icon",
	"itemtype", "longdesc", "lowsrc", "manifest", "ping", "poster",
	"profile", "src", "srcset", "usemap", NULL
};
/* The schemes input text may give a URL attribute. */
static const char *const url_schemes[] = {
	"http", "https", "mailto", "cid", NULL
};
/*
 * Elements whose URL attributes load code, a frame or a stylesheet, or
 * change what every other link means: no input text in them at all.
 */
static const char *const code_elems[] = {
	"applet", "base", "embed", "frame", "iframe", "link", "object",
	"portal", "script", NULL
};
/* SVG elements that animate another element's attributes. */
static const char *const anim_elems[] = {
	"animate", "animateColor", "animateMotion", "animateTransform",
	"discard", "set", NULL
};
/* Their attributes that name the attribute animated or give it values. */
static const char *const anim_attrs[] = {
	"attributeName", "attributeType", "by", "from", "to", "values",
	NULL
};

/* The libxml2 tree calls return NULL only when out of memory. */
static void *
nonnull(void *p)
{
	if (p == NULL) {
		/* As util.c's x* allocators do. */
		fputs("scorecard: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

/* ---------------------------------------------------------------- */
/* The context.                                                      */
/* ---------------------------------------------------------------- */

struct tmpl_ctx *
tmpl_ctx_new(void)
{
	return xcalloc(1, sizeof(struct tmpl_ctx));
}

static void	ctx_free_scope(struct tmpl_ctx *);

static void
tval_clear(struct tval *v)
{
	size_t	 i;

	free(v->s);
	v->s = NULL;
	for (i = 0; i < v->nitems; i++)
		ctx_free_scope(v->items[i]);
	free(v->items);
	v->items = NULL;
	v->nitems = v->maxitems = 0;
	v->b = false;
}

static void
ctx_free_scope(struct tmpl_ctx *c)
{
	size_t	 i;

	for (i = 0; i < c->nvals; i++) {
		tval_clear(&c->vals[i]);
		free(c->vals[i].name);
	}
	free(c->vals);
	free(c);
}

void
tmpl_ctx_free(struct tmpl_ctx *c)
{
	if (c == NULL)
		return;
	assert(c->parent == NULL);	/* item scopes belong to the root */
	ctx_free_scope(c);
}

static struct tval *
ctx_find(const struct tmpl_ctx *c, const char *name)
{
	size_t	 i;

	for (i = 0; i < c->nvals; i++)
		if (strcmp(c->vals[i].name, name) == 0)
			return &c->vals[i];
	return NULL;
}

/* Returns name's slot in c, emptied, with kind set. */
static struct tval *
ctx_slot(struct tmpl_ctx *c, const char *name, enum tkind kind)
{
	struct tval	*v;

	assert(c != NULL && name != NULL);
	if ((v = ctx_find(c, name)) != NULL)
		tval_clear(v);
	else {
		if (c->nvals == c->maxvals) {
			c->maxvals = c->maxvals == 0 ? 8 : c->maxvals * 2;
			c->vals = xreallocarray(c->vals, c->maxvals,
			    sizeof(c->vals[0]));
		}
		v = &c->vals[c->nvals++];
		memset(v, 0, sizeof(*v));
		v->name = xstrdup(name);
	}
	v->kind = kind;
	return v;
}

void
tmpl_ctx_text(struct tmpl_ctx *c, const char *name, const char *text)
{
	assert(text != NULL);
	ctx_slot(c, name, TK_TEXT)->s = xstrdup(text);
}

void
tmpl_ctx_bool(struct tmpl_ctx *c, const char *name, bool v)
{
	ctx_slot(c, name, TK_BOOL)->b = v;
}

void
tmpl_ctx_markup(struct tmpl_ctx *c, const char *name, const char *xml)
{
	assert(xml != NULL);
	ctx_slot(c, name, TK_MARKUP)->s = xstrdup(xml);
}

void
tmpl_ctx_list(struct tmpl_ctx *c, const char *name)
{
	struct tval	*v;

	if ((v = ctx_find(c, name)) != NULL && v->kind == TK_LIST)
		return;
	ctx_slot(c, name, TK_LIST);
}

struct tmpl_ctx *
tmpl_ctx_add(struct tmpl_ctx *c, const char *name)
{
	struct tval	*v;
	struct tmpl_ctx	*item;

	tmpl_ctx_list(c, name);
	v = ctx_find(c, name);
	if (v->nitems == v->maxitems) {
		v->maxitems = v->maxitems == 0 ? 8 : v->maxitems * 2;
		v->items = xreallocarray(v->items, v->maxitems,
		    sizeof(v->items[0]));
	}
	item = tmpl_ctx_new();
	item->parent = c;
	v->items[v->nitems++] = item;
	return item;
}

/* Looks name up in c, then in the scopes c was added under. */
static const struct tval *
ctx_lookup(const struct tmpl_ctx *c, const char *name)
{
	const struct tval	*v;

	for (; c != NULL; c = c->parent)
		if ((v = ctx_find(c, name)) != NULL)
			return v;
	return NULL;
}

static const char *
tkind_name(enum tkind k)
{
	switch (k) {
	case TK_TEXT:
		return "text";
	case TK_BOOL:
		return "a bool";
	case TK_MARKUP:
		return "markup";
	case TK_LIST:
		return "a list";
	}
	abort();
}

static bool
tval_true(const struct tval *v)
{
	if (v == NULL)
		return false;
	switch (v->kind) {
	case TK_TEXT:
		return v->s[0] != '\0';
	case TK_BOOL:
		return v->b;
	case TK_MARKUP:
		return true;
	case TK_LIST:
		return v->nitems > 0;
	}
	abort();
}

/* ---------------------------------------------------------------- */
/* Small helpers.                                                    */
/* ---------------------------------------------------------------- */

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
	*col = 1;
	for (i = at; i < found; i++)
		if (((unsigned char)src->text[i] & 0xc0) != 0x80)
			(*col)++;
out:
	buf_release(&qn);
}

/* Reports an error at the start tag of n (or of its element). */
static void
node_err(struct diag *d, const char *file, xmlNodePtr n, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
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

static bool
is_ns(const xmlNode *n, const char *href)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, href) == 0;
}

static bool
is_html(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && is_ns(n, NS_XHTML) &&
	    strcmp((const char *)n->name, name) == 0;
}

static bool
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

static bool
is_blank(const xmlChar *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

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
static bool
name_case_ok(const xmlNode *n, const char *name, bool attr)
{
	const char *const	*list = NULL;
	size_t			 i;

	if (is_ns(n, NS_SVG))
		list = attr ? svg_attrs : svg_elems;
	else if (is_ns(n, NS_MATHML) && attr)
		list = mathml_attrs;
	for (i = 0; list != NULL && list[i] != NULL; i++)
		if (strcasecmp(name, list[i]) == 0)
			return strcmp(name, list[i]) == 0;
	return !has_upper(name);
}

/*
 * Would an HTML parser give the attribute ns:local on n the same
 * namespace?  It knows xml:lang and xml:space, and xlink:href and its
 * kin on SVG and MathML elements only.
 */
static bool
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
 * Elements whose content an HTML parser reads as raw text: <style>,
 * <script> and the legacy xmp, iframe, noembed and noframes.
 */
static bool
is_rawtext(const xmlNode *n)
{
	return is_html(n, "style") || is_html(n, "script") ||
	    is_html(n, "xmp") || is_html(n, "iframe") ||
	    is_html(n, "noembed") || is_html(n, "noframes");
}

/* The value of n's attribute name in no namespace, or NULL. */
static const char *
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

static bool
is_instr_attr(const xmlAttr *a)
{
	return a->ns == NULL &&
	    strncasecmp((const char *)a->name, INSTR_PREFIX,
	    sizeof(INSTR_PREFIX) - 1) == 0;
}

static void
drop_children(xmlNodePtr n)
{
	xmlNodePtr	 ch;

	while ((ch = n->children) != NULL) {
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
}

static void
drop_node(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* A context name: [A-Za-z_][A-Za-z0-9_.-]*. */
static bool
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

/* An attribute name or prefix without a colon. */
static bool
valid_ncname(const char *s)
{
	return valid_name(s);
}

/*
 * Checks that n bytes of s are UTF-8 holding only characters that XML
 * 1.0 allows and HTML does not call a parse error (no C0 or C1
 * controls other than tab, newline and carriage return, no
 * noncharacters).  Returns -1 if so, -2 for bad UTF-8, or the code
 * point of the first refused character.
 */
static long
text_check(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, k, len;
	unsigned long		 cp, min;

	while (i < n) {
		if (s[i] < 0x80) {
			cp = s[i];
			len = 1;
			min = 0;
		} else if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			cp = s[i] & 0x1f;
			len = 2;
			min = 0x80;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			cp = s[i] & 0x0f;
			len = 3;
			min = 0x800;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			cp = s[i] & 0x07;
			len = 4;
			min = 0x10000;
		} else
			return -2;
		if (n - i < len)
			return -2;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return -2;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return -2;
		if (cp_unfit(cp))
			return (long)cp;
		i += len;
	}
	return -1;
}

/* Reports text_check()'s verdict r on what. */
static void
text_err(struct diag *d, const char *file, xmlNodePtr n, const char *what,
    long r)
{
	if (r == -2)
		node_err(d, file, n, "%s is not valid UTF-8", what);
	else
		node_err(d, file, n, "%s holds the character U+%04lX, "
		    "which HTML does not allow", what, (unsigned long)r);
}

/* ---------------------------------------------------------------- */
/* data-sc-attr specifications.                                      */
/* ---------------------------------------------------------------- */

static void
apairs_free(struct apair *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(p[i].prefix);
		free(p[i].local);
		free(p[i].name);
	}
	free(p);
}

static char *
trimdup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

enum urlkind {
	URL_NONE,
	URL_ONE,	/* one URL */
	URL_SPACED,	/* URLs separated by spaces: ping, archive */
	URL_SRCSET	/* "URL descriptor, URL descriptor" */
};

static enum urlkind
url_kind(const struct apair *p)
{
	size_t	 i;

	if (p->prefix != NULL)
		return strcmp(p->prefix, "xlink") == 0 &&
		    strcmp(p->local, "href") == 0 ? URL_ONE : URL_NONE;
	for (i = 0; url_attrs[i] != NULL; i++)
		if (strcasecmp(p->local, url_attrs[i]) == 0)
			break;
	if (url_attrs[i] == NULL)
		return URL_NONE;
	if (strcasecmp(p->local, "srcset") == 0)
		return URL_SRCSET;
	if (strcasecmp(p->local, "ping") == 0 ||
	    strcasecmp(p->local, "archive") == 0)
		return URL_SPACED;
	return URL_ONE;
}

static bool
is_url_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	    ch == '\f';
}

/*
 * Is s[0..n) a URL input text may give: a fragment, a relative path or
 * one of url_schemes?  Read as a browser's URL parser reads it: leading
 * and trailing controls and spaces dropped, tabs and line breaks dropped
 * anywhere, and a scheme being whatever comes before a ':' that is
 * before any '/', '?' or '#' (stricter than the parser, which reads
 * "a b:c" as a path: no colon there at all).
 */
static bool
url_ok(const char *s, size_t n)
{
	char	 scheme[16];
	size_t	 i, k = 0;

	while (n > 0 && (unsigned char)*s <= 0x20)
		s++, n--;
	while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] == '/' || s[i] == '?' || s[i] == '#' ||
		    s[i] == '\\')
			return true;
		if (s[i] == ':')
			break;
		/* Longer than any allowed scheme: kept short, never equal. */
		if (k < sizeof(scheme) - 1)
			scheme[k] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i]);
		k++;
	}
	if (i == n)
		return true;
	if (k >= sizeof(scheme) - 1)
		return false;
	scheme[k] = '\0';
	for (i = 0; url_schemes[i] != NULL; i++)
		if (strcmp(scheme, url_schemes[i]) == 0)
			return true;
	return false;
}

/*
 * Checks every URL of the value s of an attribute of kind k.  In a
 * srcset every word between spaces and commas is checked, descriptors
 * too (they hold no colon): stricter than the srcset parser, simpler.
 */
static bool
url_value_ok(enum urlkind k, const char *s)
{
	const char	*e;

	if (k == URL_ONE)
		return url_ok(s, strlen(s));
	for (;;) {
		while (is_url_space(*s) || (k == URL_SRCSET && *s == ','))
			s++;
		if (*s == '\0')
			return true;
		for (e = s; *e != '\0' && !is_url_space(*e) &&
		    (k != URL_SRCSET || *e != ','); e++)
			continue;
		if (!url_ok(s, (size_t)(e - s)))
			return false;
		s = e;
	}
}

/*
 * Parses spec ("a:name; xlink:href:name2"; empty items are skipped)
 * into *pv and *pn.  On failure returns false with a message in err.
 */
static bool
attrspec_parse(const char *spec, struct apair **pv, size_t *pn,
    struct buf *err)
{
	struct apair	*v = NULL, *p;
	size_t		 n = 0, i;
	const char	*item, *end, *colon, *c;
	char		*attr = NULL;

	for (item = spec; ; item = end + 1) {
		if ((end = strchr(item, ';')) == NULL)
			end = item + strlen(item);
		free(attr);
		attr = trimdup(item, (size_t)(end - item));
		if (attr[0] != '\0') {
			colon = NULL;
			for (c = attr; *c != '\0'; c++)
				if (*c == ':')
					colon = c;
			if (colon == NULL) {
				buf_printf(err, "\"%s\" should be "
				    "\"attribute:name\"", attr);
				goto fail;
			}
			/* Each pair is checked against those before it. */
			if (n == TMPL_MAX_PAIRS) {
				buf_printf(err, "more than %d \"attribute:"
				    "name\" pairs", TMPL_MAX_PAIRS);
				goto fail;
			}
			v = xreallocarray(v, n + 1, sizeof(v[0]));
			p = &v[n++];
			memset(p, 0, sizeof(*p));
			p->name = trimdup(colon + 1, strlen(colon + 1));
			p->local = trimdup(attr, (size_t)(colon - attr));
			if ((c = strchr(p->local, ':')) != NULL) {
				p->prefix = xstrndup(p->local,
				    (size_t)(c - p->local));
				memmove(p->local, c + 1, strlen(c + 1) + 1);
			}
			if ((p->prefix != NULL && !valid_ncname(p->prefix)) ||
			    !valid_ncname(p->local)) {
				buf_printf(err, "\"%.*s\" is not a valid "
				    "attribute name", (int)(colon - attr), attr);
				goto fail;
			}
			if (!valid_name(p->name)) {
				buf_printf(err, "\"%s\" is not a valid name",
				    p->name);
				goto fail;
			}
			if ((p->prefix != NULL &&
			    strcmp(p->prefix, "xmlns") == 0) ||
			    (p->prefix == NULL &&
			    strcmp(p->local, "xmlns") == 0)) {
				buf_printf(err, "namespace declarations "
				    "cannot be set");
				goto fail;
			}
			if (p->prefix == NULL &&
			    strncasecmp(p->local, "on", 2) == 0) {
				buf_printf(err, "event handler attributes "
				    "such as \"%s\" cannot be set", p->local);
				goto fail;
			}
			if (p->prefix == NULL &&
			    (strncasecmp(p->local, INSTR_PREFIX,
			    sizeof(INSTR_PREFIX) - 1) == 0 ||
			    strcasecmp(p->local, "srcdoc") == 0)) {
				buf_printf(err, "\"%s\" cannot be set",
				    p->local);
				goto fail;
			}
			for (i = 0; i + 1 < n; i++)
				if (strcmp(v[i].local, p->local) == 0 &&
				    (v[i].prefix == NULL) ==
				    (p->prefix == NULL) &&
				    (p->prefix == NULL ||
				    strcmp(v[i].prefix, p->prefix) == 0)) {
					buf_printf(err, "attribute \"%.*s\" "
					    "is set twice", (int)(colon - attr),
					    attr);
					goto fail;
				}
		}
		if (*end == '\0')
			break;
	}
	free(attr);
	if (n == 0) {
		buf_printf(err, "no \"attribute:name\" given");
		apairs_free(v, n);
		return false;
	}
	*pv = v;
	*pn = n;
	return true;
fail:
	free(attr);
	apairs_free(v, n);
	return false;
}

/* ---------------------------------------------------------------- */
/* The safe parser.                                                  */
/* ---------------------------------------------------------------- */

static struct pstate *
pstate_of(void *ctx)
{
	xmlParserCtxtPtr	 ctxt = ctx;

	return ctxt == NULL ? NULL : ctxt->_private;
}

/*
 * Records an error of the parse at line and col, if it is the first:
 * into ps->capture when set, else through ps->d.
 */
static void
ps_refuse(struct pstate *ps, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
ps_refuse(struct pstate *ps, int line, int col, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (ps->nerr++ > 0)
		return;
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (ps->capture != NULL) {
		buf_puts(ps->capture, b.data);
		ps->line = line;
	} else
		diag_msg(ps->d, DIAG_ERROR, ps->file, line, col, "%s", b.data);
	buf_release(&b);
}

/* Reports msg at the parser's position and stops the parse. */
static void
parse_refuse(xmlParserCtxtPtr ctxt, int line, const char *msg)
{
	struct pstate	*ps = ctxt->_private;
	int		 col = 1;

	if (line == 0 && ctxt->input != NULL) {
		line = ctxt->input->line;
		col = ctxt->input->col;
	}
	ps_refuse(ps, line, col, "%s", msg);
	xmlStopParser(ctxt);
}

static void
sax_internal_subset(void *ctx, const xmlChar *name, const xmlChar *extid,
    const xmlChar *sysid)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct pstate		*ps = pstate_of(ctx);

	if (extid != NULL || sysid != NULL || name == NULL ||
	    strcasecmp((const char *)name, "html") != 0) {
		parse_refuse(ctxt, 0, "only <!DOCTYPE html> is allowed in "
		    "templates, without SYSTEM or PUBLIC identifiers");
		return;
	}
	if (ctxt->input != NULL && ctxt->input->cur != NULL &&
	    *ctxt->input->cur == '[') {
		ps->subset = true;
		ps->subsetline = ctxt->input->line;
	}
	xmlSAX2InternalSubset(ctx, name, extid, sysid);
}

/* Called after the internal subset: refuse one even if it was empty. */
static void
sax_external_subset(void *ctx, const xmlChar *name, const xmlChar *extid,
    const xmlChar *sysid)
{
	struct pstate	*ps = pstate_of(ctx);

	(void)name;
	(void)extid;
	(void)sysid;
	if (ps->subset)
		parse_refuse(ctx, ps->subsetline, "a DOCTYPE with an internal "
		    "subset is not allowed in templates");
	/* Never load an external subset. */
}

static void
sax_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *pubid, const xmlChar *sysid, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pubid;
	(void)sysid;
	(void)content;
	parse_refuse(ctx, 0, "entity declarations are not allowed in "
	    "templates");
}

static void
sax_unparsed_entity_decl(void *ctx, const xmlChar *name,
    const xmlChar *pubid, const xmlChar *sysid, const xmlChar *notation)
{
	(void)name;
	(void)pubid;
	(void)sysid;
	(void)notation;
	parse_refuse(ctx, 0, "entity declarations are not allowed in "
	    "templates");
}

static void
sax_element_decl(void *ctx, const xmlChar *name, int type,
    xmlElementContentPtr content)
{
	(void)name;
	(void)type;
	(void)content;
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

static void
sax_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *fullname,
    int type, int def, const xmlChar *defval, xmlEnumerationPtr tree)
{
	(void)elem;
	(void)fullname;
	(void)type;
	(void)def;
	(void)defval;
	xmlFreeEnumeration(tree);	/* the callback owns it */
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

static void
sax_notation_decl(void *ctx, const xmlChar *name, const xmlChar *pubid,
    const xmlChar *sysid)
{
	(void)name;
	(void)pubid;
	(void)sysid;
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

/* Only the five predefined entities exist. */
static xmlEntityPtr
sax_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static xmlEntityPtr
sax_get_pentity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

static xmlParserInputPtr
sax_resolve_entity(void *ctx, const xmlChar *pubid, const xmlChar *sysid)
{
	(void)pubid;
	(void)sysid;
	parse_refuse(ctx, 0, "external entities are not allowed in "
	    "templates");
	return NULL;
}

/* Installed for the length of a parse: nothing is ever loaded. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	if (ctxt != NULL && ctxt->sax != NULL &&
	    ctxt->sax->getEntity == sax_get_entity)
		parse_refuse(ctxt, 0, "templates may not load files or "
		    "URLs");
	return NULL;
}

/*
 * Copies libxml2's message: trailing space trimmed, a capital
 * lowered if the first word is an ordinary one ("Opening", not
 * "StartTag"), the misleading XML_PARSE_HUGE hint replaced.
 */
static void
put_xml_msg(struct buf *b, const xmlError *e)
{
	static const char	 depth[] = "Excessive depth in document";
	const char		*m;
	size_t			 n, i;
	bool			 lower = true;

	m = e->message != NULL ? e->message : "parse error";
	n = strlen(m);
	if (strncmp(m, depth, sizeof(depth) - 1) == 0) {
		buf_printf(b, "elements are nested more than %d deep",
		    TMPL_MAX_DEPTH);
		return;
	}
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' ' ||
	    m[n - 1] == '\r' || m[n - 1] == '\t'))
		n--;
	for (i = 1; i < n && m[i] != ' ' && m[i] != ':'; i++)
		if (m[i] >= 'A' && m[i] <= 'Z')
			lower = false;
	if (n > 0 && lower && m[0] >= 'A' && m[0] <= 'Z') {
		buf_putc(b, (char)(m[0] - 'A' + 'a'));
		buf_put(b, m + 1, n - 1);
	} else
		buf_put(b, m, n);
}

static void
parse_error(void *arg, xmlErrorPtr e)
{
	struct pstate	*ps = arg;
	struct buf	 b;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	if (e->level == XML_ERR_WARNING) {
		if (ps->nerr > 0 || ps->capture != NULL)
			return;
		buf_init(&b);
		put_xml_msg(&b, e);
		diag_msg(ps->d, DIAG_WARN, ps->file, e->line,
		    e->int2 > 0 ? e->int2 : 1, "%s", b.data);
		buf_release(&b);
		return;
	}
	/* Report the first error only: later ones are its echoes. */
	if (ps->nerr++ > 0)
		return;
	if (ps->capture != NULL) {
		put_xml_msg(ps->capture, e);
		ps->line = e->line;
		return;
	}
	buf_init(&b);
	put_xml_msg(&b, e);
	diag_msg(ps->d, DIAG_ERROR, ps->file, e->line,
	    e->int2 > 0 ? e->int2 : 1, "%s", b.data);
	buf_release(&b);
}

/*
 * Whether data is in an encoding in which every byte below 0x80 is that
 * ASCII character, so that most_attrs() reads its tags right: UTF-8,
 * ASCII, ISO 8859, Windows 125x or KOI8.  libxml2 also reads UTF-16,
 * UTF-32, EBCDIC and more, found from a byte order mark, the first
 * bytes or the XML declaration; those are refused (their '"' or '='
 * bytes are not ours to count).  If not, names the encoding in name.
 */
static bool
ascii_compatible(const char *data, size_t len, struct buf *name)
{
	static const char *const exact[] = { "UTF-8", "UTF8", "US-ASCII",
	    "ASCII", "LATIN1", "LATIN-1", NULL };
	static const char *const prefix[] = { "ISO-8859-", "ISO8859-",
	    "ISO_8859-", "WINDOWS-125", "CP125", "KOI8-", NULL };
	const unsigned char *u = (const unsigned char *)data;
	const char	*p, *e, *q;
	size_t		 i, n, k;

	buf_reset(name);
	/* UTF-32's marks first: FF FE 00 00 starts with UTF-16's. */
	if (len >= 4 && (memcmp(u, "\x00\x00\xfe\xff", 4) == 0 ||
	    memcmp(u, "\xff\xfe\x00\x00", 4) == 0))
		BUF_PUTSL(name, "UTF-32");
	else if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		BUF_PUTSL(name, "UTF-16");
	/* No mark: where the NUL bytes of "<" fall. */
	else if (len >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0) ||
	    (u[1] == 0 && u[2] == 0 && u[3] == 0)))
		BUF_PUTSL(name, "UTF-32");
	else if (len >= 2 && (u[0] == 0 || u[1] == 0))
		BUF_PUTSL(name, "UTF-16");
	else if (len >= 4 && (u[2] == 0 || u[3] == 0))
		BUF_PUTSL(name, "UTF-16 or UTF-32");
	else if (len >= 4 && memcmp(u, "\x4c\x6f\xa7\x94", 4) == 0)
		BUF_PUTSL(name, "EBCDIC");
	if (name->len > 0)
		return false;
	p = data;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* The XML declaration, if any: it ends at the first "?>". */
	n = len - (size_t)(p - data);
	if (n < 5 || memcmp(p, "<?xml", 5) != 0)
		return true;
	for (e = p; e + 1 < p + n && (e[0] != '?' || e[1] != '>'); e++)
		continue;
	if (e + 1 >= p + n)
		return true;		/* malformed: libxml2 says so */
	for (q = p; q + 8 <= e && memcmp(q, "encoding", 8) != 0; q++)
		continue;
	if (q + 8 > e)
		return true;
	for (q += 8; q < e && strchr(" \t\r\n=", *q) != NULL; q++)
		continue;
	if (q >= e || (*q != '"' && *q != '\''))
		return true;		/* malformed: libxml2 says so */
	for (k = 1; q + k < e && q[k] != *q; k++)
		continue;
	buf_put(name, q + 1, k - 1);
	for (i = 0; exact[i] != NULL; i++)
		if (strcasecmp(name->data, exact[i]) == 0)
			return true;
	for (i = 0; prefix[i] != NULL; i++) {
		n = strlen(prefix[i]);
		if (name->len > n && strncasecmp(name->data, prefix[i], n) == 0)
			return true;
	}
	return false;
}

/*
 * Parses len bytes of data with every loading feature off and the DTD
 * hooks above in place.  Returns the document, or NULL after reporting
 * through ps.  Restores libxml2's global handlers before returning.
 */
static xmlDocPtr
safe_parse(const char *data, size_t len, const char *url, struct pstate *ps)
{
	xmlParserCtxtPtr		 ctxt = NULL;
	xmlDocPtr			 doc = NULL;
	xmlExternalEntityLoader		 oldloader;
	xmlStructuredErrorFunc		 oldserr;
	void				*oldsctx;
	size_t				 most;
	int				 line, col;
	struct buf			 enc;

	if (len > INT_MAX) {
		ps->nerr++;
		if (ps->capture != NULL)
			buf_puts(ps->capture, "too large");
		else
			diag_msg(ps->d, DIAG_ERROR, ps->file, 0, 0,
			    "too large to parse");
		return NULL;
	}
	buf_init(&enc);
	if (!ascii_compatible(data, len, &enc))
		ps_refuse(ps, 1, 1, "template is in %s; it must be in UTF-8 "
		    "(or ASCII, ISO 8859, Windows-125x or KOI8)", enc.data);
	else if ((most = xml_most_attrs(data, len, &line, &col)) >
	    TMPL_MAX_ATTRS)
		ps_refuse(ps, line, col, "an element has %zu attributes (the "
		    "limit is %d)", most, TMPL_MAX_ATTRS);
	buf_release(&enc);
	if (ps->nerr > 0)
		return NULL;
	xmlInitParser();
	oldloader = xmlGetExternalEntityLoader();
	oldserr = xmlStructuredError;
	oldsctx = xmlStructuredErrorContext;
	xmlSetExternalEntityLoader(deny_loader);
	xmlSetStructuredErrorFunc(ps, parse_error);

	ctxt = nonnull(xmlNewParserCtxt());
	ctxt->_private = ps;
	ctxt->sax->internalSubset = sax_internal_subset;
	ctxt->sax->externalSubset = sax_external_subset;
	ctxt->sax->entityDecl = sax_entity_decl;
	ctxt->sax->unparsedEntityDecl = sax_unparsed_entity_decl;
	ctxt->sax->elementDecl = sax_element_decl;
	ctxt->sax->attributeDecl = sax_attribute_decl;
	ctxt->sax->notationDecl = sax_notation_decl;
	ctxt->sax->getEntity = sax_get_entity;
	ctxt->sax->getParameterEntity = sax_get_pentity;
	ctxt->sax->resolveEntity = sax_resolve_entity;
	ctxt->sax->reference = NULL;

	doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, PARSE_OPTS);
	if (doc != NULL && (ps->nerr > 0 || !ctxt->wellFormed ||
	    !ctxt->nsWellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && ps->nerr == 0) {
		/* libxml2 failed without saying why. */
		ps->nerr++;
		if (ps->capture != NULL)
			buf_puts(ps->capture, "cannot be parsed");
		else
			diag_msg(ps->d, DIAG_ERROR, ps->file, 0, 0,
			    "cannot be parsed");
	}
	xmlFreeParserCtxt(ctxt);
	xmlSetStructuredErrorFunc(oldsctx, oldserr);
	xmlSetExternalEntityLoader(oldloader);
	return doc;
}

/* ---------------------------------------------------------------- */
/* Loading and checking.                                             */
/* ---------------------------------------------------------------- */

/*
 * Reads the regular file at path, if it holds at most max bytes, into
 * *pdata (NUL-terminated; the caller frees) and *plen.  Never blocks on
 * a named pipe or a device: anything but a regular file is refused
 * unread (rfile_open()).  On failure returns false with *why saying
 * why; errno is EFBIG for a file that is too large.
 */
static bool
read_file(const char *path, size_t max, bool nofollow, char **pdata,
    size_t *plen, const char **why)
{
	struct stat	 st;
	char		*data = NULL;
	size_t		 len = 0, cap;
	ssize_t		 r;
	int		 fd, e;

	*pdata = NULL;
	*plen = 0;
	if ((fd = rfile_open(path, false, nofollow, why)) == -1) {
		errno = 0;
		return false;
	}
	if (fstat(fd, &st) == -1)
		goto fail;
	if ((uintmax_t)st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	cap = (size_t)st.st_size + 1;
	data = xmalloc(cap);
	/* The file may change while we read: never hold more than max. */
	for (;;) {
		if (len == cap) {
			if (len > max) {
				errno = EFBIG;
				goto fail;
			}
			cap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
			data = xreallocarray(data, cap, 1);
		}
		if ((r = read(fd, data + len, cap - len)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > max) {
		errno = EFBIG;
		goto fail;
	}
	close(fd);
	data[len] = '\0';
	*pdata = data;
	*plen = len;
	return true;
fail:
	e = errno;
	*why = strerror(e);
	free(data);
	close(fd);
	errno = e;
	return false;
}

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
static bool
do_inline(struct tmpl *t, xmlNodePtr l, struct diag *d)
{
	const char	*href, *rel, *why;
	char		*real = NULL, *css = NULL;
	size_t		 len, nlook = 0, i;
	long		 r;
	xmlAttrPtr	 a;
	xmlNodePtr	 st;
	bool		 ok = false, outside;
	struct buf	 what, tried;
	struct look	 look[3];

	buf_init(&what);
	buf_init(&tried);
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
	if (!read_file(real, TMPL_MAX_BYTES, true, &css, &len, &why)) {
		if (errno == EFBIG)
			node_err(d, t->path, l, "%s is larger than %u bytes",
			    what.data, TMPL_MAX_BYTES);
		else
			node_err(d, t->path, l, "%s: %s", what.data, why);
		goto out;
	}
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
	if (len > 0)
		xmlAddChild(st, nonnull(xmlNewDocTextLen(t->doc, BAD_CAST css,
		    (int)len)));
	xmlReplaceNode(l, st);
	xmlFreeNode(l);
	ok = true;
out:
	for (i = 0; i < nlook; i++) {
		free(look[i].path);
		free(look[i].shown);
	}
	buf_release(&tried);
	buf_release(&what);
	free(css);
	free(real);
	return ok;
}

/* ---------------------------------------------------------------- */
/* Placement: would an HTML parser build the tree we have?           */
/* ---------------------------------------------------------------- */

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

static bool
in_list(const char *const *list, const xmlChar *name)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], (const char *)name) == 0)
			return true;
	return false;
}

static bool
is_elem(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && is_ns(n, ns) &&
	    strcmp((const char *)n->name, name) == 0;
}

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
static const char *const *
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
static bool
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
static bool
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

/* Can data-sc-attr set p on n?  The same rules as check_elem_name(). */
static bool
check_attr_target(struct tmpl *t, xmlNodePtr n, const struct apair *p,
    struct diag *d)
{
	xmlNsPtr	 ns;

	if (p->prefix == NULL && is_ns(n, NS_SVG) &&
	    in_list(anim_elems, n->name) && in_list(anim_attrs,
	    BAD_CAST p->local)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s of <%s> "
		    "animates another attribute: it cannot take input text",
		    p->local, n->name);
		return false;
	}
	if (p->prefix == NULL && is_html(n, "meta") &&
	    (strcasecmp(p->local, "http-equiv") == 0 ||
	    (strcasecmp(p->local, "content") == 0 &&
	    attr_val(n, "http-equiv") != NULL))) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s of <meta "
		    "http-equiv> can refresh or redirect the page: it cannot "
		    "take input text", p->local);
		return false;
	}
	if (url_kind(p) != URL_NONE && n->ns != NULL &&
	    in_list(code_elems, n->name)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s%s%s of "
		    "<%s> loads code, a frame or a stylesheet, or changes "
		    "every link: it cannot take input text",
		    p->prefix != NULL ? p->prefix : "",
		    p->prefix != NULL ? ":" : "", p->local, n->name);
		return false;
	}
	if (p->prefix == NULL) {
		if (name_case_ok(n, p->local, true))
			return true;
		node_err(d, t->path, n, "data-sc-attr: attribute %s: HTML "
		    "would read the name in another case", p->local);
		return false;
	}
	if ((ns = xmlSearchNs(t->doc, n, BAD_CAST p->prefix)) == NULL) {
		node_err(d, t->path, n, "data-sc-attr: namespace prefix "
		    "\"%s\" is not declared", p->prefix);
		return false;
	}
	if (!ns_html_ok(n, ns, p->local)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s:%s: HTML "
		    "reads only xml:lang, xml:space and, on SVG and MathML, "
		    "xlink:href and its kin in \"%s\"", p->prefix, p->local,
		    NS_XLINK);
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
		case IN__MAX:
			break;
		}
	}
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
static bool
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

struct tmpl *
tmpl_load(const char *path, const char *assets, struct diag *d)
{
	struct tmpl	*t;
	struct pstate	 ps;
	struct stat	 st;
	const char	*why;
	char		*data = NULL, *real = NULL, *slash;
	size_t		 len;
	xmlNodePtr	 dtd;
	bool		 ok = false;

	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	if (!read_file(path, TMPL_MAX_BYTES, false, &data, &len, &why)) {
		if (errno == EFBIG)
			diag_msg(d, DIAG_ERROR, path, 0, 0, "template is "
			    "larger than %u bytes", TMPL_MAX_BYTES);
		else
			diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read "
			    "template: %s", why);
		goto out;
	}
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

/* ---------------------------------------------------------------- */
/* Rendering.                                                        */
/* ---------------------------------------------------------------- */

static bool	exec_elem(struct render *, xmlNodePtr, const struct tmpl_ctx *);

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

/*
 * Checks markup copied into the tree as check_tree() checks a
 * template, reporting at the line of at, the data-sc-markup element.
 */
static bool
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

/* Carries out everything after data-sc-each on n, then its children. */
static bool
exec_body(struct render *r, xmlNodePtr n, const struct tmpl_ctx *c)
{
	const char		*name, *spec;
	const struct tval	*v;
	xmlNodePtr		 ch, next;
	long			 chk;

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
		return true;
	}
	strip_instrs(n);
	for (ch = n->children; ch != NULL; ch = next) {
		next = ch->next;
		if (ch->type == XML_ELEMENT_NODE && !exec_elem(r, ch, c))
			return false;
	}
	return true;
}

/* Carries out n's instructions; n may be repeated or removed. */
static bool
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

/* ---------------------------------------------------------------- */
/* The work a render will do, counted before any of it is done.      */
/* ---------------------------------------------------------------- */

/*
 * A template is untrusted: data-sc-each nested k deep over lists of m
 * items asks for m^k copies.  cost_elem() walks the template against
 * the context as exec_elem() will, without copying anything, adding up
 * the elements and texts the output will hold and its bytes (names,
 * attributes and text, before escaping), and stops as soon as either
 * passes its limit: so a refusal takes time bounded by the limit, not
 * by the expansion asked for.
 */
struct cost {
	size_t		 nodes, bytes;
	size_t		 maxnodes, maxbytes;
	xmlNodePtr	 each;		/* the outermost data-sc-each under way */
};

static bool	cost_elem(struct cost *, xmlNodePtr, const struct tmpl_ctx *);

static bool
cost_add(struct cost *k, size_t nodes, size_t bytes)
{
	k->nodes += nodes;
	k->bytes += bytes;
	return k->nodes <= k->maxnodes && k->bytes <= k->maxbytes;
}

/* The length of the text value named by s[0..n), if there is one. */
static size_t
cost_value(const struct tmpl_ctx *c, const char *s, size_t n)
{
	const struct tval	*v;
	char			 name[128], *big = NULL;
	size_t			 len = 0;

	if (n < sizeof(name)) {
		memcpy(name, s, n);
		name[n] = '\0';
	} else
		big = xstrndup(s, n);
	v = ctx_lookup(c, big != NULL ? big : name);
	if (v != NULL && (v->kind == TK_TEXT || v->kind == TK_MARKUP))
		len = strlen(v->s);
	free(big);
	return len;
}

/* The bytes data-sc-attr="spec" adds: names and values, read in place. */
static size_t
cost_attr(const struct tmpl_ctx *c, const char *spec)
{
	const char	*item, *end, *colon, *s, *e;
	size_t		 bytes = 0;

	for (item = spec; ; item = end + 1) {
		if ((end = strchr(item, ';')) == NULL)
			end = item + strlen(item);
		colon = NULL;
		for (s = item; s < end; s++)
			if (*s == ':')
				colon = s;
		if (colon != NULL) {
			for (s = colon + 1; s < end && strchr(" \t\r\n", *s)
			    != NULL && *s != '\0'; s++)
				continue;
			for (e = end; e > s && strchr(" \t\r\n", e[-1])
			    != NULL; e--)
				continue;
			bytes += (size_t)(colon - item) + 4 +
			    cost_value(c, s, (size_t)(e - s));
		}
		if (*end == '\0')
			break;
	}
	return bytes;
}

/* As exec_body(): n's element, its attributes, then its content. */
static bool
cost_body(struct cost *k, xmlNodePtr n, const struct tmpl_ctx *c)
{
	const char	*name;
	xmlAttrPtr	 a;
	xmlNodePtr	 ch;
	size_t		 bytes;

	if ((name = attr_val(n, "data-sc-if")) != NULL &&
	    !tval_true(ctx_lookup(c, name)))
		return true;
	if ((name = attr_val(n, "data-sc-unless")) != NULL &&
	    tval_true(ctx_lookup(c, name)))
		return true;
	bytes = 2 * xmlStrlen(n->name) + 5;
	for (a = n->properties; a != NULL; a = a->next)
		if (!is_instr_attr(a))
			bytes += (size_t)xmlStrlen(a->name) + 4 +
			    (a->children != NULL ?
			    (size_t)xmlStrlen(a->children->content) : 0);
	if ((name = attr_val(n, "data-sc-attr")) != NULL)
		bytes += cost_attr(c, name);
	if (!cost_add(k, 1, bytes))
		return false;
	if ((name = attr_val(n, "data-sc-text")) != NULL ||
	    (name = attr_val(n, "data-sc-markup")) != NULL)
		return cost_add(k, 1, cost_value(c, name, strlen(name)));
	for (ch = n->children; ch != NULL; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE) {
			if (!cost_elem(k, ch, c))
				return false;
		} else if (!cost_add(k, 1, (size_t)xmlStrlen(ch->content)))
			return false;
	return true;
}

/* As exec_elem(): n once, or once an item of its data-sc-each list. */
static bool
cost_elem(struct cost *k, xmlNodePtr n, const struct tmpl_ctx *c)
{
	const struct tval	*v;
	const char		*name;
	size_t			 i;
	bool			 outer;

	if ((name = attr_val(n, "data-sc-each")) == NULL)
		return cost_body(k, n, c);
	/* Not set, or not a list: exec_elem() says so. */
	if ((v = ctx_lookup(c, name)) == NULL || v->kind != TK_LIST)
		return true;
	if ((outer = k->each == NULL))
		k->each = n;
	for (i = 0; i < v->nitems; i++)
		if (!cost_body(k, n, v->items[i]))
			return false;
	if (outer)
		k->each = NULL;
	return true;
}

/* The text, markup and values in c and its lists, to scale the limits. */
static void
ctx_size(const struct tmpl_ctx *c, size_t *values, size_t *bytes)
{
	size_t	 i, j;

	for (i = 0; i < c->nvals; i++) {
		(*values)++;
		if (c->vals[i].s != NULL)
			*bytes += strlen(c->vals[i].s);
		for (j = 0; j < c->vals[i].nitems; j++)
			ctx_size(c->vals[i].items[j], values, bytes);
	}
}

/*
 * Refuses a render of root against c that would make more than
 * TMPL_MAX_NODES elements and texts, or more output than
 * TMPL_MAX_OUTPUT, each plus TMPL_PER_INPUT times what c holds.
 */
static bool
cost_check(struct render *r, xmlNodePtr root, const struct tmpl_ctx *c)
{
	struct cost	 k;
	size_t		 values = 0, bytes = 0;
	xmlNodePtr	 at;

	ctx_size(c, &values, &bytes);
	memset(&k, 0, sizeof(k));
	k.maxnodes = TMPL_MAX_NODES + TMPL_PER_INPUT * values;
	k.maxbytes = TMPL_MAX_OUTPUT + TMPL_PER_INPUT * bytes;
	if (cost_elem(&k, root, c))
		return true;
	at = k.each != NULL ? k.each : root;
	if (k.each != NULL)
		node_err(r->d, r->t->path, at, "data-sc-each=\"%s\": the "
		    "output would pass %zu %s, the limit for this input",
		    attr_val(k.each, "data-sc-each"), k.nodes > k.maxnodes ?
		    k.maxnodes : k.maxbytes, k.nodes > k.maxnodes ?
		    "elements and texts" : "bytes");
	else
		node_err(r->d, r->t->path, at, "the output would pass %zu %s, "
		    "the limit for this input", k.nodes > k.maxnodes ?
		    k.maxnodes : k.maxbytes, k.nodes > k.maxnodes ?
		    "elements and texts" : "bytes");
	return false;
}

/* ---------------------------------------------------------------- */
/* The serialiser.                                                   */
/* ---------------------------------------------------------------- */

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

/*
 * Whether text is only the indentation of the template: white space
 * with a line break in it.  Outside <pre> and <textarea> it is written
 * as one line break, which renders the same (a run of white space
 * between words or elements is one space, and none at the edges of a
 * block) and took 45 KB of a 40-indicator report.  A template that
 * sets white-space: pre on other elements keeps only the line break.
 */
static bool
indent(const xmlChar *text)
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
	pre = html && (xmlStrEqual(n->name, BAD_CAST "pre") ||
	    xmlStrEqual(n->name, BAD_CAST "textarea") ||
	    xmlStrEqual(n->name, BAD_CAST "listing"));
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
				if (s->pre == 0 && indent(ch->content))
					buf_putc(s->out, '\n');
				else
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
tmpl_render(const struct tmpl *t, const struct tmpl_ctx *c, struct buf *out,
    struct diag *d)
{
	struct render	 r;
	struct ser	 s;
	xmlNodePtr	 root;
	size_t		 start;
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

	memset(&s, 0, sizeof(s));
	s.r = &r;
	s.out = out;
	start = out->len;
	BUF_PUTSL(out, "<!DOCTYPE html>\n");
	ok = ser_elem(&s, root);
	free(s.ns);
	free(s.def);
	if (ok)
		buf_putc(out, '\n');
	if (ok)
		ok = charset_early(&r, root, out, start);
out:
	xmlFreeDoc(r.doc);
	return ok;
}

/* ---------------------------------------------------------------- */
/* The output as a plain tree (tmpl_tree).                           */
/* ---------------------------------------------------------------- */

static struct tnode *
tree_conv(xmlNodePtr n)
{
	struct tnode	*t, *k, **tail;
	xmlAttrPtr	 a;
	xmlChar		*v;
	size_t		 na = 0, i = 0;

	t = xcalloc(1, sizeof(*t));
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		t->text = xstrdup(n->content != NULL ?
		    (const char *)n->content : "");
		return t;
	}
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
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE && c->type != XML_TEXT_NODE &&
		    c->type != XML_CDATA_SECTION_NODE)
			continue;
		k = tree_conv(c);
		*tail = k;
		tail = &k->next;
	}
	return t;
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

void
tmpl_cleanup(void)
{
	xmlCleanupParser();
}
