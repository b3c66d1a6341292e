/*
 * tmpl-int.h: what the files of the template module share, and nothing
 * outside it may include (as lowdown's extern.h).  The one header of
 * the program that includes libxml2's: every file of the module reaches
 * libxml2 through it, and no other module reaches libxml2 at all.
 *
 * The module's files, each with one job (tmpl.c's first comment tells
 * how the data flows through them):
 *
 *	tmpl.c		the entry points: tmpl_load(), tmpl_render()
 *	tmpl-ctx.c	the context: a tree of named values
 *	tmpl-parse.c	the hardened parse: SAX hooks, the deny-all
 *			loader, libxml2's errors forwarded to diag;
 *			libxml2's cleanup at exit
 *	tmpl-node.c	what the others share: node predicates, an
 *			element's line:col for messages, the characters
 *			a page may hold, the instruction names
 *	tmpl-check.c	the walk over a loaded template: names,
 *			namespaces, attributes and instructions checked
 *	tmpl-place.c	would an HTML parser build the tree we have?
 *	tmpl-attr.c	data-sc-attr: its pairs, which attributes may
 *			take input text, the URLs they may hold
 *	tmpl-inline.c	data-sc-inline: a stylesheet read, confined to
 *			the template's folder and the assets
 *	tmpl-cost.c	the work of a render, counted before it is done
 *	tmpl-exec.c	carrying out the instructions on a copy
 *	tmpl-xhtml.c	the serialiser: XHTML an HTML parser reads alike
 *	tmpl-tree.c	the output read back as a plain tree (tmpl_tree)
 *	xmlpull.c	a hardened pull reader for other modules' XML
 *			(xlsx.c), its contract xmlpull.h: no libxml2
 *			type reaches its callers
 *
 * Errors follow the module's rule (tmpl.h): each is reported once,
 * through diag, where it is found, with the template's file and the
 * element's line:col (node_err()); a function then returns false or
 * NULL and its callers pass that up without reporting again.
 */
#ifndef TMPL_INT_H
#define TMPL_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/entities.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "buf.h"
#include "diag.h"
#include "tmpl.h"

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
	IN_UNWRAP,
	IN__MAX
};

/* The attribute names of the instructions, by enum instr. */
extern const char *const instr_names[IN__MAX];

/* One "attribute:name" item of data-sc-attr. */
struct apair {
	char	*prefix;	/* "xlink" of "xlink:href", or NULL */
	char	*local;		/* "href" */
	char	*name;		/* context name */
};

enum urlkind {
	URL_NONE,
	URL_ONE,	/* one URL */
	URL_SPACED,	/* URLs separated by spaces: ping, archive */
	URL_SRCSET	/* "URL descriptor, URL descriptor" */
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
	xmlNsPtr		 kept;	/* declarations of unwrapped
					   elements, still in use */
};

/* tmpl-ctx.c */

/* Looks name up in c, then in the scopes c was added under; or NULL. */
const struct tval *ctx_lookup(const struct tmpl_ctx *c, const char *name);
/* "text", "a bool", "markup" or "a list", for messages. */
const char	*tkind_name(enum tkind k);
/* Whether v is set and not empty or false (data-sc-if). */
bool		 tval_true(const struct tval *v);

/* tmpl-parse.c */

/*
 * Parses len bytes of data with every loading feature off and the DTD
 * hooks in place.  Returns the document (free it with xmlFreeDoc()), or
 * NULL after reporting through ps: to ps->d, or the first error's text
 * into ps->capture when that is set.  Restores libxml2's global
 * handlers before returning.
 */
xmlDocPtr	 safe_parse(const char *data, size_t len, const char *url,
		    struct pstate *ps);

/* tmpl-node.c */

/* Returns p; exits as util.c's x* allocators do when it is NULL. */
void		*nonnull(void *p);
/* Reports an error at the start tag of n (or of its element). */
void		 node_err(struct diag *d, const char *file, xmlNodePtr n,
		    const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
bool		 is_ns(const xmlNode *n, const char *href);
/* Is n the HTML element name? */
bool		 is_html(const xmlNode *n, const char *name);
/* Is n an element named name in the namespace ns? */
bool		 is_elem(const xmlNode *n, const char *ns, const char *name);
/* Is n an HTML void element (<br />)? */
bool		 is_void(const xmlNode *n);
/* Is s only spaces, tabs and line breaks (or NULL)? */
bool		 is_blank(const xmlChar *s);
/* Is n an element whose content HTML reads as raw text? */
bool		 is_rawtext(const xmlNode *n);
/* Is n <pre>, <textarea> or <listing>, whose white space is kept? */
bool		 keeps_space(const xmlNode *n);
/*
 * Is text only the template's indentation: white space with a line
 * break in it?  Outside keeps_space() elements the serialiser writes it
 * as one line break, which renders the same (a run of white space
 * between words or elements is one space, and none at the edges of a
 * block) and took 45 KB of a 40-indicator report; and indentation
 * straight after indentation (around an element or comment that is not
 * written) as nothing.  A template that sets white-space: pre on other
 * elements keeps only the line break.  tree_conv() follows the same
 * rules.
 */
bool		 is_indent(const xmlChar *text);
/* Is name in the NULL-terminated list? */
bool		 in_list(const char *const *list, const xmlChar *name);
/* The value of n's attribute name in no namespace, or NULL. */
const char	*attr_val(xmlNodePtr n, const char *name);
/* Is a a data-sc-* attribute (in any case)? */
bool		 is_instr_attr(const xmlAttr *a);
void		 drop_children(xmlNodePtr n);
void		 drop_node(xmlNodePtr n);
/* A context name: [A-Za-z_][A-Za-z0-9_.-]*. */
bool		 valid_name(const char *s);
/*
 * Checks that n bytes of s are UTF-8 holding only characters a page
 * may hold (cp_unfit()).  Returns -1 if so, -2 for bad UTF-8, or the
 * code point of the first refused character.
 */
long		 text_check(const char *str, size_t n);
/* Reports text_check()'s verdict r on what, at n. */
void		 text_err(struct diag *d, const char *file, xmlNodePtr n,
		    const char *what, long r);

/* tmpl-check.c */

/*
 * Walks the children of parent in t's tree: checks every element,
 * drops data-sc-remove, carries out data-sc-inline.  Reports every
 * problem; returns false if there was one.
 */
bool		 check_tree(struct tmpl *t, xmlNodePtr parent, int depth,
		    struct diag *d);
/*
 * Checks markup copied into a render's tree as check_tree() checks a
 * template, reporting the first problem at the line of at.
 */
bool		 check_fragment(struct render *r, xmlNodePtr at,
		    xmlNodePtr list, const char *what);
/*
 * Would an HTML parser read name, the name of the element n or (attr)
 * of one of its attributes in no namespace, with the same case?
 */
bool		 name_case_ok(const xmlNode *n, const char *name, bool attr);
/* Would an HTML parser give the attribute ns:local on n that namespace? */
bool		 ns_html_ok(const xmlNode *n, const xmlNs *ns,
		    const char *local);

/* tmpl-place.c */

/*
 * Checks that an HTML parser would put the element n under parent in
 * the namespace the tree gives it; reports at the line of at, the
 * message starting with what.
 */
bool		 check_place(struct diag *d, const char *file,
		    xmlNodePtr parent, xmlNodePtr n, xmlNodePtr at,
		    const char *what);
/* The same for the text node n (not blank). */
bool		 check_text_place(struct diag *d, const char *file,
		    xmlNodePtr parent, xmlNodePtr n, xmlNodePtr at,
		    const char *what);
/* What the table part parent may hold, or NULL if it is not one. */
const char *const *table_rule(const xmlNode *parent);

/* tmpl-attr.c */

/*
 * Parses spec ("a:name; xlink:href:name2") into *pv and *pn (free them
 * with apairs_free()).  On failure returns false with a message in err.
 */
bool		 attrspec_parse(const char *spec, struct apair **pv,
		    size_t *pn, struct buf *err);
void		 apairs_free(struct apair *p, size_t n);
/* Can data-sc-attr set p on n?  Reports why not. */
bool		 check_attr_target(struct tmpl *t, xmlNodePtr n,
		    const struct apair *p, struct diag *d);
/* Whether p's attribute holds URLs, and how. */
enum urlkind	 url_kind(const struct apair *p);
/* Whether every URL of s, the value of a kind k attribute, may be set. */
bool		 url_value_ok(enum urlkind k, const char *s);

/* tmpl-inline.c */

/*
 * data-sc-inline: replaces the <link rel="stylesheet" href="F"> l in
 * t's tree with a <style> holding F.  Reports and returns false when F
 * cannot be found, read or inlined, or lies outside the template's
 * folder and the assets.
 */
bool		 do_inline(struct tmpl *t, xmlNodePtr l, struct diag *d);

/* tmpl-cost.c */

/*
 * Refuses, reporting, a render of root against c that would make more
 * than TMPL_MAX_NODES elements and texts, or more output than
 * TMPL_MAX_OUTPUT, each plus TMPL_PER_INPUT times what c holds.
 */
bool		 cost_check(struct render *r, xmlNodePtr root,
		    const struct tmpl_ctx *c);

/* tmpl-exec.c */

/*
 * Carries out n's instructions against c in r's tree; n may be
 * repeated or removed.  Returns false after reporting.
 */
bool		 exec_elem(struct render *r, xmlNodePtr n,
		    const struct tmpl_ctx *c);

/* tmpl-xhtml.c */

/*
 * Appends root, the filled tree of r, to out as tmpl_render() says.
 * Returns false after reporting; out may then hold part of it.
 */
bool		 ser_doc(struct render *r, xmlNodePtr root, struct buf *out);

/* tmpl-tree.c */

/* Element n (and all under it) as a new struct tnode tree. */
struct tnode	*tree_conv(xmlNodePtr n);

#endif
