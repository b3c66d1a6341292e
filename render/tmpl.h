/*
 * tmpl: XHTML templates whose instructions are attributes of their own
 * elements (as sblg's data-sblg-* and TAL), carried out on libxml2's
 * tree, and our own serialiser for the result.  The only module that
 * includes libxml2 headers (through its private tmpl-int.h; other
 * modules read XML with its pull reader, xmlpull.h).  It knows nothing
 * of indicators: the caller hands it a context (struct tmpl_ctx), a
 * tree of named values.
 *
 * Instructions (each removed from the output):
 *
 *	data-sc-text="name"	replace the element's content with the
 *				text value of name (always as text)
 *	data-sc-markup="name"	replace the element's content with the
 *				markup value of name (an XML fragment the
 *				program generated, e.g. an SVG chart)
 *	data-sc-each="name"	repeat the element once per item of the
 *				list name; inside, names are looked up in
 *				the item first, then outwards
 *	data-sc-if="name"	keep the element only if name is set and
 *				not empty/false; data-sc-unless: the opposite
 *	data-sc-attr="a:name; b:name2"
 *				set attribute a to the text value of name
 *				(an unset name removes attribute a)
 *	data-sc-remove		drop the element (preview-only content)
 *	data-sc-inline		on <link rel="stylesheet" href="F">:
 *				replace with <style> holding the file F,
 *				resolved against the template's folder and
 *				confined to it or the assets folder
 *	data-sc-unwrap		on a <span> with no attributes of its own:
 *				write its content in its place, without
 *				the element (the text of data-sc-text
 *				placed with no wrapper)
 *
 * Order on one element: remove, each, if/unless, attr, text/markup,
 * unwrap.
 * An unknown data-sc-* attribute, a name that is not set where a text
 * is needed, or a value of the wrong kind is an error naming the
 * template file and line.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stdbool.h>

#include "buf.h"
#include "diag.h"

struct tmpl;
struct tmpl_ctx;

/* Limits on hostile templates. */
#define	TMPL_MAX_BYTES	(4u * 1024 * 1024)
#define	TMPL_MAX_DEPTH	256
#define	TMPL_MAX_ATTRS	1000	/* attributes of one element */
#define	TMPL_MAX_PAIRS	256	/* attribute:name pairs in data-sc-attr */
/*
 * The work of one render, counted before it is done: elements and texts
 * made, and bytes of output, each at most the first limit plus
 * TMPL_PER_INPUT times the values (or bytes of text and markup) that
 * the context holds.
 */
#define	TMPL_MAX_NODES	1000000
#define	TMPL_MAX_OUTPUT	(16u * 1024 * 1024)
#define	TMPL_PER_INPUT	16

/*
 * Returns a new context scope; free the root with tmpl_ctx_free(), which
 * frees every scope added beneath it.
 */
struct tmpl_ctx	*tmpl_ctx_new(void);
void		 tmpl_ctx_free(struct tmpl_ctx *c);
/* Sets name to a copy of text (later sets of the same name replace). */
void		 tmpl_ctx_text(struct tmpl_ctx *c, const char *name,
		    const char *text);
/* Sets name to true or false. */
void		 tmpl_ctx_bool(struct tmpl_ctx *c, const char *name, bool v);
/*
 * Sets name to a copy of xml, a well-formed fragment (one or more
 * elements and text) that tmpl_render() parses and inserts.  Elements
 * without a namespace declaration are in the XHTML namespace.
 */
void		 tmpl_ctx_markup(struct tmpl_ctx *c, const char *name,
		    const char *xml);
/*
 * Appends a new item scope to the list name (creating an empty list on
 * first use) and returns it; it is owned by c.  Use tmpl_ctx_list() to
 * make a list that may stay empty.
 */
struct tmpl_ctx	*tmpl_ctx_add(struct tmpl_ctx *c, const char *name);
void		 tmpl_ctx_list(struct tmpl_ctx *c, const char *name);
/*
 * For a caller that adds to a context another module built (eml.c: the
 * email's own keys on each indicator): the item n (from 0) of the list
 * name in c itself, owned by c, or NULL if there is none; and the text
 * name in c itself (not outwards), borrowed from c, or NULL if it is not
 * set or not text.
 */
struct tmpl_ctx	*tmpl_ctx_item(struct tmpl_ctx *c, const char *name,
		    size_t n);
const char	*tmpl_ctx_get_text(const struct tmpl_ctx *c,
		    const char *name);

/*
 * The context's names before it took the module's prefix, kept only for
 * tests/unit/test_tmpl.c and tests/fuzz/fuzz_tmpl.c, whose existing code
 * stays as it is (tests only grow).  New code uses the tmpl_ctx names.
 */
#define	tctx		tmpl_ctx
#define	tctx_new	tmpl_ctx_new
#define	tctx_free	tmpl_ctx_free
#define	tctx_text	tmpl_ctx_text
#define	tctx_bool	tmpl_ctx_bool
#define	tctx_markup	tmpl_ctx_markup
#define	tctx_add	tmpl_ctx_add
#define	tctx_list	tmpl_ctx_list

/*
 * Loads and checks the template at path.  assets is the folder that
 * data-sc-inline may also read from (NULL: the template's folder only).
 * Refuses DTDs, entity declarations, external entities, XInclude and
 * network or file loads.  Returns NULL after reporting through d.
 */
struct tmpl	*tmpl_load(const char *path, const char *assets,
		    struct diag *d);
void		 tmpl_free(struct tmpl *t);

/*
 * Carries out t's instructions against c on a copy of the tree and
 * appends the result to out as HTML5-compatible XHTML: "<!DOCTYPE
 * html>", void elements as "<br />", every other element with an end
 * tag (SVG elements may self-close), raw text in <style> checked.
 * Returns false after reporting through d; out may then hold part of
 * the output, which the caller discards.
 */
bool		 tmpl_render(const struct tmpl *t, const struct tmpl_ctx *c,
		    struct buf *out, struct diag *d);

/*
 * A filled template as a plain tree, for readers of the output that are
 * not libxml2's (the PDF typesetter).  Elements carry their local name,
 * whether they are SVG, and their attributes; text nodes their text
 * (whitespace kept); comments are left out.
 */
struct tnode {
	char		*name;		/* element's local name; NULL: text */
	char		*text;		/* a text node's text */
	char		**attr;		/* name, value, ..., NULL */
	struct tnode	*kid;		/* first child */
	struct tnode	*next;		/* next sibling */
	bool		 svg;		/* in the SVG namespace */
};

/*
 * Parses len bytes of tmpl_render()'s output into a new tree (free it
 * with tnode_free()), with the same refusals as tmpl_load().  Returns
 * NULL after reporting through d.
 */
struct tnode	*tmpl_tree(const char *xhtml, size_t len, struct diag *d);
/*
 * tmpl_render(), and on success sets *tree to the output as tmpl_tree()
 * would read it back, made from the filled tree without writing and
 * parsing it again.
 */
bool		 tmpl_render_tree(const struct tmpl *t,
		    const struct tmpl_ctx *c, struct buf *out,
		    struct tnode **tree, struct diag *d);
void		 tnode_free(struct tnode *n);
/*
 * Counts what tmpl_render() of t against c would make, without making
 * it: *nodes elements and texts, and *bytes of output (names,
 * attributes and text, before escaping), as the limits above count
 * them; a count past its limit (tmpl_render() then refuses) is given
 * as the limit.  For an estimate of the memory a render needs.
 */
void		 tmpl_measure(const struct tmpl *t, const struct tmpl_ctx *c,
		    size_t *nodes, size_t *bytes);
/* Returns the value of n's attribute name, or NULL. */
const char	*tnode_attr(const struct tnode *n, const char *name);

/*
 * Frees libxml2's global state at exit, after the last tmpl and the
 * last xmlpull reader are freed (main() calls it once).
 */
void		 tmpl_cleanup(void);

#endif
