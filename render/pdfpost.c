/*
 * pdfpost: the tagged PDF Cairo 1.16 writes, completed with libqpdf's C
 * API (qpdf/qpdf-c.h: object handles are enough for what is done here,
 * so no C++).  Cairo writes the structure tree, the marked content and
 * the outline, but ignores alt text on a Figure, has no call for the
 * document language or viewer preferences, writes its date without the
 * "D:" prefix, and has no artifacts: content drawn inside an "Artifact"
 * tag.  pdf.c draws running heads, rules and repeated table headers
 * inside a "Private" tag (a name Cairo accepts); here those structure
 * elements are taken out of the tree, their entries in the parent tree
 * set to null, and their marked content "/Private << /MCID n >> BDC"
 * in each page's content stream becomes "/Artifact BMC", what PDF
 * (14.8.2.2) and PDF/UA call an artifact.  The page's content is then
 * compressed again with zlib (this is the only module that includes
 * zlib.h).
 *
 * qpdf writes with a deterministic /ID (a hash of the content), so the
 * same input gives the same bytes.
 *
 * qpdf 11's C API cannot fail cleanly when memory runs out: it catches
 * std::bad_alloc, then throws again making its error, and the process
 * ends with SIGABRT.  So what it will need is estimated from the
 * objects and pages Cairo wrote, before it reads more than the cross-
 * reference table, and the PDF is refused (memlimit.h) if that does not
 * fit under the process's memory limits.
 */
#include <assert.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "memlimit.h"
#include "pdfpost.h"
#include "util.h"

/* An array of the parent tree: a page's elements by MCID. */
struct ptpage {
	int	 key;		/* the page's /StructParents */
	qpdf_oh	 arr;
	int	 n;		/* items */
};

struct post {
	qpdf_data		 q;
	const struct pdfpost	*p;
	size_t			 fig;		/* next alt */
	int			*gone;		/* object ids taken out */
	size_t			 ngone, maxgone;
	qpdf_oh			 scope[2];	/* a TH's /A: column, row */
	struct ptpage		*pt;		/* the parent tree's arrays */
	size_t			 npt, maxpt;
	int			*mcid;		/* a page's Private MCIDs */
	size_t			 nmcid, maxmcid;
	qpdf_oh			 str;		/* the StructTreeRoot */
	qpdf_oh			(*pair)[2];	/* annotations of a link */
	size_t			 npair, maxpair;
	struct moved		*mv;		/* MCIDs of continuations */
	size_t			 nmv, maxmv;
	z_stream		 z;		/* page contents' compressor */
	bool			 zinit;
};

/* An MCID of a page whose element (in the parent tree) is now to: a
 * continuation's, merged into the element it continues. */
struct moved {
	qpdf_oh	 page;		/* 0: mcid is an annotation's key */
	int	 mcid;
	qpdf_oh	 to;
};

/*
 * The walk below asks qpdf as little as it can: each call of the C API
 * costs a few thousand instructions (a handle table, error trapping),
 * and a report has thousands of structure elements.
 */

/* A kid of a structure element: its handle and its structure type
 * without the slash ("TH"), "" when it is not an element (a
 * marked-content reference, an MCID). */
struct kid {
	qpdf_oh	 oh;
	char	 t[32];
};

/* Sets k->t: three calls of the C API. */
static void
kid_type(struct post *ps, struct kid *k)
{
	qpdf_oh		 s;
	const char	*name;
	size_t		 len;

	k->t[0] = '\0';
	s = qpdf_oh_get_key_if_dict(ps->q, k->oh, "/S");
	if (qpdf_oh_get_value_as_name(ps->q, s, &name, &len) && len > 1 &&
	    name[0] == '/') {
		len = len - 1 < sizeof(k->t) ? len - 1 : sizeof(k->t) - 1;
		memcpy(k->t, name + 1, len);
		k->t[len] = '\0';
	}
	qpdf_oh_release(ps->q, s);
}

static void	fix_elem(struct post *, qpdf_oh, const char *, int);

static void
gone_add(struct post *ps, qpdf_oh c)
{
	if (ps->ngone == ps->maxgone) {
		ps->maxgone = ps->maxgone ? ps->maxgone * 2 : 64;
		ps->gone = xreallocarray(ps->gone, ps->maxgone,
		    sizeof(*ps->gone));
	}
	ps->gone[ps->ngone++] = qpdf_oh_get_object_id(ps->q, c);
}

static void
moved_add(struct post *ps, qpdf_oh page, int mcid, qpdf_oh to)
{
	if (ps->nmv == ps->maxmv) {
		ps->maxmv = ps->maxmv ? ps->maxmv * 2 : 16;
		ps->mv = xreallocarray(ps->mv, ps->maxmv, sizeof(*ps->mv));
	}
	ps->mv[ps->nmv].page = page == 0 ? 0 :
	    qpdf_oh_new_object(ps->q, page);
	ps->mv[ps->nmv].mcid = mcid;
	ps->mv[ps->nmv++].to = qpdf_oh_new_object(ps->q, to);
}

/* The first annotation of link element l, or 0 (the caller releases
 * it). */
static qpdf_oh
link_annot(struct post *ps, qpdf_oh l)
{
	qpdf_oh	 k, item, an, r = 0;
	int	 i, n;

	k = qpdf_oh_get_key(ps->q, l, "/K");
	n = qpdf_oh_is_array(ps->q, k) ? qpdf_oh_get_array_n_items(ps->q, k) : 0;
	for (i = 0; i < n && r == 0; i++) {
		item = qpdf_oh_get_array_item(ps->q, k, i);
		an = qpdf_oh_get_key_if_dict(ps->q, item, "/Obj");
		if (qpdf_oh_is_dictionary(ps->q, an))
			r = an;
		else
			qpdf_oh_release(ps->q, an);
		qpdf_oh_release(ps->q, item);
	}
	qpdf_oh_release(ps->q, k);
	return r;
}

/* The destination of link element l's annotation, or NULL (the
 * caller frees it). */
static char *
link_dest(struct post *ps, qpdf_oh l)
{
	qpdf_oh	 an, d;
	char	*r = NULL;

	if ((an = link_annot(ps, l)) == 0)
		return NULL;
	d = qpdf_oh_get_key(ps->q, an, "/Dest");
	if (qpdf_oh_is_string(ps->q, d))
		r = xstrdup(qpdf_oh_get_utf8_value(ps->q, d));
	qpdf_oh_release(ps->q, d);
	qpdf_oh_release(ps->q, an);
	return r;
}

/* Two annotations of one link: the second's text is joined to the
 * first's, and the whole given to both (fix_links()). */
static void
pair_add(struct post *ps, qpdf_oh a, qpdf_oh b)
{
	if (a == 0 || b == 0) {
		if (a != 0)
			qpdf_oh_release(ps->q, a);
		if (b != 0)
			qpdf_oh_release(ps->q, b);
		return;
	}
	if (ps->npair == ps->maxpair) {
		ps->maxpair = ps->maxpair ? ps->maxpair * 2 : 4;
		ps->pair = xreallocarray(ps->pair, ps->maxpair,
		    sizeof(*ps->pair));
	}
	ps->pair[ps->npair][0] = a;
	ps->pair[ps->npair++][1] = b;
}

/* Is e (a kid) a Link element? */
static bool
is_link(struct post *ps, qpdf_oh e)
{
	struct kid	 k;

	k.oh = e;
	kid_type(ps, &k);
	return strcmp(k.t, "Link") == 0;
}

/* Are the Link elements a and b links to the same place: a link's
 * text over a page break, drawn as two? */
static bool
same_link(struct post *ps, qpdf_oh a, qpdf_oh b)
{
	char	*da, *db;
	bool	 r;

	if (!is_link(ps, a) || !is_link(ps, b))
		return false;
	da = link_dest(ps, a);
	db = link_dest(ps, b);
	r = da != NULL && db != NULL && strcmp(da, db) == 0;
	free(da);
	free(db);
	return r;
}

/*
 * Merges c, a "NonStruct" element that pdfdraw.c opens for the rest of
 * a paragraph or heading on the next page, into to, the element of its
 * first page: one paragraph for a screen reader, not two.  c's marked
 * content becomes to's (a reference with c's page), its parent tree
 * entries are set to to (pt_fix_moved()), its kids' parent is to.  A
 * Link that c begins with, to the place of the Link that to ends with,
 * is merged into that one the same way: one link for a screen reader.
 */
static void
merge_into(struct post *ps, qpdf_oh to, qpdf_oh c)
{
	qpdf_oh	 k, tk, pg, item, mcr, v, an, sp, prev;
	int	 i, n, last;
	bool	 array;

	pg = qpdf_oh_get_key(ps->q, c, "/Pg");
	k = qpdf_oh_get_key(ps->q, c, "/K");
	array = qpdf_oh_is_array(ps->q, k);
	n = array ? qpdf_oh_get_array_n_items(ps->q, k) :
	    qpdf_oh_is_null(ps->q, k) ? 0 : 1;
	tk = qpdf_oh_get_key(ps->q, to, "/K");
	if (!qpdf_oh_is_array(ps->q, tk)) {
		v = qpdf_oh_new_array(ps->q);
		if (!qpdf_oh_is_null(ps->q, tk))
			qpdf_oh_append_item(ps->q, v, tk);
		qpdf_oh_replace_key(ps->q, to, "/K", v);
		qpdf_oh_release(ps->q, tk);
		tk = v;
	}
	last = qpdf_oh_get_array_n_items(ps->q, tk);
	prev = last > 0 ? qpdf_oh_get_array_item(ps->q, tk, last - 1) : 0;
	for (i = 0; i < n; i++) {
		item = array ? qpdf_oh_get_array_item(ps->q, k, i) :
		    qpdf_oh_new_object(ps->q, k);
		if (qpdf_oh_is_integer(ps->q, item)) {
			/* An MCID on c's page. */
			mcr = qpdf_oh_parse(ps->q, "<< /Type /MCR >>");
			qpdf_oh_replace_key(ps->q, mcr, "/Pg", pg);
			qpdf_oh_replace_key(ps->q, mcr, "/MCID", item);
			moved_add(ps, pg, qpdf_oh_get_int_value_as_int(ps->q,
			    item), to);
			qpdf_oh_append_item(ps->q, tk, mcr);
			qpdf_oh_release(ps->q, mcr);
		} else if (qpdf_oh_has_key(ps->q, item, "/MCID")) {
			v = qpdf_oh_get_key(ps->q, item, "/Pg");
			mcr = qpdf_oh_get_key(ps->q, item, "/MCID");
			moved_add(ps, qpdf_oh_is_null(ps->q, v) ? pg : v,
			    qpdf_oh_get_int_value_as_int(ps->q, mcr), to);
			qpdf_oh_release(ps->q, mcr);
			qpdf_oh_release(ps->q, v);
			qpdf_oh_append_item(ps->q, tk, item);
		} else if (i == 0 && prev != 0 && same_link(ps, prev, item)) {
			/* The rest of a link's text: one Link, its
			 * annotations both in it. */
			pair_add(ps, link_annot(ps, prev),
			    link_annot(ps, item));
			merge_into(ps, prev, item);
		} else {
			/* An element (a Span, a Link): now to's; an
			 * annotation's reference: its key in the parent
			 * tree now to's too. */
			if (qpdf_oh_has_key(ps->q, item, "/S"))
				qpdf_oh_replace_key(ps->q, item, "/P", to);
			an = qpdf_oh_get_key_if_dict(ps->q, item, "/Obj");
			sp = qpdf_oh_get_key_if_dict(ps->q, an, "/StructParent");
			if (qpdf_oh_is_integer(ps->q, sp))
				moved_add(ps, 0, qpdf_oh_get_int_value_as_int(
				    ps->q, sp), to);
			qpdf_oh_release(ps->q, sp);
			qpdf_oh_release(ps->q, an);
			qpdf_oh_append_item(ps->q, tk, item);
		}
		qpdf_oh_release(ps->q, item);
	}
	if (prev != 0)
		qpdf_oh_release(ps->q, prev);
	qpdf_oh_release(ps->q, tk);
	qpdf_oh_release(ps->q, k);
	qpdf_oh_release(ps->q, pg);
}

/*
 * Fixes the kids of element e, each read once.  In a table row (tr)
 * the TH cells get scope 1 (column) when the row holds only TH cells, 2
 * (row) when not; elsewhere scope is passed on.  Private kids are taken
 * out: the /K array is made again without them (erasing items one by
 * one makes qpdf copy the rest each time).
 */
static void
fix_kids(struct post *ps, qpdf_oh e, bool tr, int scope)
{
	struct kid	*kids = NULL;
	qpdf_oh		 k, nk;
	int		 i, j, n = 0, ngone = 0;
	bool		 array;

	k = qpdf_oh_get_key(ps->q, e, "/K");
	switch (qpdf_oh_get_type_code(ps->q, k)) {
	case ot_array:
		n = qpdf_oh_get_array_n_items(ps->q, k);
		array = true;
		break;
	case ot_dictionary:	/* one kid */
		n = 1;
		array = false;
		break;
	default:
		array = false;
		break;
	}
	if (n > 0)
		kids = xcalloc((size_t)n, sizeof(*kids));
	for (i = 0; i < n; i++) {
		kids[i].oh = array ? qpdf_oh_get_array_item(ps->q, k, i) :
		    qpdf_oh_new_object(ps->q, k);
		kid_type(ps, &kids[i]);
	}
	if (tr) {
		scope = 1;
		for (i = 0; i < n; i++)
			if (kids[i].t[0] != '\0' &&
			    strcmp(kids[i].t, "TH") != 0)
				scope = 2;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(kids[i].t, "Private") == 0) {
			gone_add(ps, kids[i].oh);
			ngone++;
		} else if (kids[i].t[0] != '\0')
			fix_elem(ps, kids[i].oh, kids[i].t, scope);
		if (strcmp(kids[i].t, "NonStruct") == 0 && array) {
			/* The rest of the last element before it. */
			for (j = i - 1; j >= 0; j--)
				if (kids[j].t[0] != '\0' &&
				    strcmp(kids[j].t, "Private") != 0 &&
				    strcmp(kids[j].t, "NonStruct") != 0)
					break;
			if (j >= 0) {
				merge_into(ps, kids[j].oh, kids[i].oh);
				gone_add(ps, kids[i].oh);
				/* Left out of the new /K, as a Private
				 * element is. */
				strcpy(kids[i].t, "Private");
				ngone++;
			}
		}
	}
	if (ngone > 0 && array) {
		nk = qpdf_oh_new_array(ps->q);
		for (i = 0; i < n; i++)
			if (strcmp(kids[i].t, "Private") != 0)
				qpdf_oh_append_item(ps->q, nk, kids[i].oh);
		qpdf_oh_replace_key(ps->q, e, "/K", nk);
		qpdf_oh_release(ps->q, nk);
	} else if (ngone > 0)
		qpdf_oh_remove_key(ps->q, e, "/K");
	for (i = 0; i < n; i++)
		qpdf_oh_release(ps->q, kids[i].oh);
	free(kids);
	qpdf_oh_release(ps->q, k);
}

/*
 * Is t an element that holds content only: its kids marked content,
 * links and spans, never a Figure or a table row, and a Private
 * element only with them (pdf.c opens those outside text and figures)?
 * Its kids need a visit only when they are an array (kids_array()):
 * half the elements of a report are table cells, most with one MCID.
 */
static bool
leaf(const char *t)
{
	static const char *const leaves[] = { "TD", "TH", "P", "Lbl",
	    "LBody", "Link", "Caption", "Figure", "H1", "H2", "H3", "H4",
	    "H5", "H6" };

	for (size_t i = 0; i < sizeof(leaves) / sizeof(leaves[0]); i++)
		if (strcmp(t, leaves[i]) == 0)
			return true;
	return false;
}

/*
 * Does e have an array of kids?  A leaf's content on one page is one
 * MCID; an array is marked content over pages, or kids: a Link, a
 * Span, a Private element (what is aria-hidden in the HTML, drawn in
 * a paragraph or a cell) to take out.
 */
static bool
kids_array(struct post *ps, qpdf_oh e)
{
	qpdf_oh	 k = qpdf_oh_get_key(ps->q, e, "/K");
	bool	 r = qpdf_oh_is_array(ps->q, k);

	qpdf_oh_release(ps->q, k);
	return r;
}

/* Fixes element e of structure type t. */
static void
fix_elem(struct post *ps, qpdf_oh e, const char *t, int scope)
{
	qpdf_oh	 v;
	const char *alt;

	if (strcmp(t, "Figure") == 0) {
		alt = ps->fig < ps->p->nalts ? ps->p->alts[ps->fig] : "";
		ps->fig++;
		v = qpdf_oh_new_unicode_string(ps->q, alt);
		qpdf_oh_replace_key(ps->q, e, "/Alt", v);
		qpdf_oh_release(ps->q, v);
	} else if (strcmp(t, "TH") == 0) {
		/* One direct dictionary for all: written out in each. */
		qpdf_oh_replace_key(ps->q, e, "/A",
		    ps->scope[scope == 1 ? 0 : 1]);
	}
	if (!leaf(t) || kids_array(ps, e))
		fix_kids(ps, e, strcmp(t, "TR") == 0, scope);
}

static int
intcmp(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* Was object id (0: a direct object) taken out?  ps->gone is sorted by
 * then. */
static bool
gone(const struct post *ps, int id)
{
	return id > 0 && ps->ngone > 0 &&
	    bsearch(&id, ps->gone, ps->ngone, sizeof(*ps->gone), intcmp) != NULL;
}

/* Called by pt_walk() with an entry of a number tree: its key, and the
 * array /Nums that holds its value at i. */
typedef void	(*pt_fn)(struct post *, qpdf_oh nums, int i, int key,
		    void *arg);

/* Calls fn for each entry of the number tree under node (depth levels
 * down) whose key is an integer. */
static void
pt_walk(struct post *ps, qpdf_oh node, int depth, pt_fn fn, void *arg)
{
	qpdf_oh	 nums, kids, v;
	int	 i, n, key;

	if (depth > 32 || !qpdf_oh_is_dictionary(ps->q, node))
		return;
	nums = qpdf_oh_get_key(ps->q, node, "/Nums");
	n = qpdf_oh_is_array(ps->q, nums) ?
	    qpdf_oh_get_array_n_items(ps->q, nums) : 0;
	for (i = 1; i < n; i += 2) {
		v = qpdf_oh_get_array_item(ps->q, nums, i - 1);
		if (qpdf_oh_get_value_as_int(ps->q, v, &key))
			fn(ps, nums, i, key, arg);
		qpdf_oh_release(ps->q, v);
	}
	qpdf_oh_release(ps->q, nums);
	kids = qpdf_oh_get_key(ps->q, node, "/Kids");
	n = qpdf_oh_is_array(ps->q, kids) ?
	    qpdf_oh_get_array_n_items(ps->q, kids) : 0;
	for (i = 0; i < n; i++) {
		v = qpdf_oh_get_array_item(ps->q, kids, i);
		pt_walk(ps, v, depth + 1, fn, arg);
		qpdf_oh_release(ps->q, v);
	}
	qpdf_oh_release(ps->q, kids);
}

/*
 * Keeps in ps->pt an array of the parent tree: a page's elements by
 * MCID.  Its other values, the elements of annotations, are not kept.
 */
static void
pt_keep(struct post *ps, qpdf_oh nums, int i, int key, void *arg)
{
	qpdf_oh	 v = qpdf_oh_get_array_item(ps->q, nums, i);

	(void)arg;
	if (!qpdf_oh_is_array(ps->q, v)) {
		qpdf_oh_release(ps->q, v);
		return;
	}
	if (ps->npt == ps->maxpt) {
		ps->maxpt = ps->maxpt ? ps->maxpt * 2 : 64;
		ps->pt = xreallocarray(ps->pt, ps->maxpt, sizeof(*ps->pt));
	}
	ps->pt[ps->npt].key = key;
	ps->pt[ps->npt].arr = v;
	ps->pt[ps->npt++].n = qpdf_oh_get_array_n_items(ps->q, v);
}

/*
 * Sets to null the page's entries in the parent tree of the MCIDs that
 * fix_content() made artifacts (ps->mcid), where they refer to an
 * element taken out.  Only those: a walk of the whole tree asked qpdf
 * about each of its thousands of entries.
 */
static void
pt_fix_page(struct post *ps, qpdf_oh page)
{
	const struct ptpage	*pp = NULL;
	qpdf_oh			 v, nul;
	size_t			 i;
	int			 key;

	if (ps->nmcid == 0 || ps->ngone == 0)
		return;
	v = qpdf_oh_get_key(ps->q, page, "/StructParents");
	if (qpdf_oh_get_value_as_int(ps->q, v, &key))
		for (i = 0; i < ps->npt && pp == NULL; i++)
			if (ps->pt[i].key == key)
				pp = &ps->pt[i];
	qpdf_oh_release(ps->q, v);
	if (pp == NULL)
		return;
	nul = qpdf_oh_new_null(ps->q);
	for (i = 0; i < ps->nmcid; i++) {
		if (ps->mcid[i] >= pp->n)
			continue;
		v = qpdf_oh_get_array_item(ps->q, pp->arr, ps->mcid[i]);
		if (gone(ps, qpdf_oh_get_object_id(ps->q, v)))
			qpdf_oh_set_array_item(ps->q, pp->arr, ps->mcid[i],
			    nul);
		qpdf_oh_release(ps->q, v);
	}
	qpdf_oh_release(ps->q, nul);
}

/* The entry of the parent tree to set, and its new value. */
struct ptset {
	int	 key;
	qpdf_oh	 v;
};

/* Sets the entry whose key is arg's to arg's value (an annotation's
 * element). */
static void
pt_put(struct post *ps, qpdf_oh nums, int i, int key, void *arg)
{
	const struct ptset	*set = arg;

	if (key == set->key)
		qpdf_oh_set_array_item(ps->q, nums, i, set->v);
}

/* Sets the parent tree's entry of each MCID of a continuation merged
 * away (ps->mv) to the element it is now part of. */
static void
pt_fix_moved(struct post *ps)
{
	qpdf_oh	 v;
	size_t	 i, j;
	int	 key;

	for (i = 0; i < ps->nmv; i++) {
		if (ps->mv[i].page == 0) {
			struct ptset set = { ps->mv[i].mcid, ps->mv[i].to };

			v = qpdf_oh_get_key(ps->q, ps->str, "/ParentTree");
			pt_walk(ps, v, 0, pt_put, &set);
			qpdf_oh_release(ps->q, v);
			continue;
		}
		v = qpdf_oh_get_key(ps->q, ps->mv[i].page, "/StructParents");
		if (qpdf_oh_get_value_as_int(ps->q, v, &key))
			for (j = 0; j < ps->npt; j++)
				if (ps->pt[j].key == key && ps->mv[i].mcid >= 0 &&
				    ps->mv[i].mcid < ps->pt[j].n) {
					qpdf_oh_set_array_item(ps->q,
					    ps->pt[j].arr, ps->mv[i].mcid,
					    ps->mv[i].to);
					break;
				}
		qpdf_oh_release(ps->q, v);
	}
}

static voidpf
zalloc(voidpf arg, uInt n, uInt size)
{
	(void)arg;
	return xcalloc(n, size);
}

static void
zfree(voidpf arg, voidpf p)
{
	(void)arg;
	free(p);
}

/*
 * Returns b's bytes compressed as /FlateDecode reads them (a zlib
 * stream), *len bytes; free() it.  The writer then copies the stream as
 * it is, where it would compress it at zlib's default level (6).  Level
 * 3, the last of zlib's fast levels: on the 40-indicator report 39%
 * fewer instructions than 6 for 2% more bytes in the file (level 1:
 * another 3% fewer instructions for another 1% more bytes).
 */
static unsigned char *
deflate_buf(struct post *ps, const struct buf *b, size_t *len)
{
	unsigned char	*out;
	uLong		 max;

	if (!ps->zinit) {
		ps->z.zalloc = zalloc;
		ps->z.zfree = zfree;
		if (deflateInit(&ps->z, 3) != Z_OK)
			abort();	/* only out of memory, which exits */
		ps->zinit = true;
	} else if (deflateReset(&ps->z) != Z_OK)
		abort();
	assert(b->len <= UINT_MAX / 2);	/* a page's content: far less */
	max = deflateBound(&ps->z, b->len);
	out = xmalloc(max);
	ps->z.next_in = (Bytef *)b->data;
	ps->z.avail_in = (uInt)b->len;
	ps->z.next_out = out;
	ps->z.avail_out = (uInt)max;
	/* All in one call: the output has room for the worst case. */
	if (deflate(&ps->z, Z_FINISH) != Z_STREAM_END)
		abort();
	*len = (size_t)ps->z.total_out;
	return out;
}

static void
mcid_add(struct post *ps, int mcid)
{
	if (ps->nmcid == ps->maxmcid) {
		ps->maxmcid = ps->maxmcid ? ps->maxmcid * 2 : 64;
		ps->mcid = xreallocarray(ps->mcid, ps->maxmcid,
		    sizeof(*ps->mcid));
	}
	ps->mcid[ps->nmcid++] = mcid;
}

/*
 * Rewrites the page's content: each "/Private << /MCID n >> BDC" (as
 * Cairo writes the marked content of a Private element) becomes
 * "/Artifact BMC", and n goes into ps->mcid.  Returns false on a qpdf
 * error.
 */
static bool
fix_content(struct post *ps, qpdf_oh page)
{
	static const char	 pat[] = "/Private << /MCID ";
	unsigned char		*data = NULL;
	size_t			 len, i, j;
	int			 mcid;
	struct buf		 b;
	unsigned char		*z;
	size_t			 zlen;
	qpdf_oh			 st, nul, flate;

	if (qpdf_oh_get_page_content_data(ps->q, page, &data, &len) &
	    QPDF_ERRORS)
		return false;
	ps->nmcid = 0;
	buf_init(&b);
	for (i = 0; i < len; ) {
		const unsigned char *p = memchr(data + i, '/', len - i);
		size_t	 k = p == NULL ? len : (size_t)(p - data);

		buf_put(&b, data + i, k - i);
		i = k;
		if (i == len)
			break;
		if (len - i > sizeof(pat) - 1 &&
		    memcmp(data + i, pat, sizeof(pat) - 1) == 0) {
			j = i + sizeof(pat) - 1;
			mcid = 0;
			while (j < len && data[j] >= '0' && data[j] <= '9') {
				if (mcid <= (INT_MAX - 9) / 10)
					mcid = mcid * 10 + (data[j] - '0');
				j++;
			}
			if (len - j >= 7 && memcmp(data + j, " >> BDC", 7) == 0) {
				BUF_PUTSL(&b, "/Artifact BMC");
				mcid_add(ps, mcid);
				i = j + 7;
				continue;
			}
		}
		buf_putc(&b, (char)data[i++]);
	}
	free(data);
	z = deflate_buf(ps, &b, &zlen);
	buf_release(&b);
	/*
	 * Cairo writes one content stream a page: its data is replaced
	 * where it is.  A new stream object costs qpdf a scan of every
	 * object of the file (QPDF::newStream() counts them), once a page.
	 */
	st = qpdf_oh_get_key(ps->q, page, "/Contents");
	if (!qpdf_oh_is_stream(ps->q, st)) {
		qpdf_oh_release(ps->q, st);
		st = qpdf_oh_new_stream(ps->q);
		qpdf_oh_replace_key(ps->q, page, "/Contents", st);
	}
	nul = qpdf_oh_new_null(ps->q);
	flate = qpdf_oh_new_name(ps->q, "/FlateDecode");
	qpdf_oh_replace_stream_data(ps->q, st, z, zlen, flate, nul);
	qpdf_oh_release(ps->q, flate);
	qpdf_oh_release(ps->q, nul);
	qpdf_oh_release(ps->q, st);
	free(z);
	return !qpdf_has_error(ps->q);
}

/*
 * Gives each link annotation of the page its text as /Contents (PDF/UA:
 * an annotation's alternative description), from p->links in order;
 * *at is the offset of the next.
 */
static void
fix_annots(struct post *ps, qpdf_oh page, size_t *at)
{
	qpdf_oh	 an, a, st, v;
	int	 i, n;

	an = qpdf_oh_get_key(ps->q, page, "/Annots");
	if (qpdf_oh_is_array(ps->q, an)) {
		n = qpdf_oh_get_array_n_items(ps->q, an);
		for (i = 0; i < n; i++) {
			a = qpdf_oh_get_array_item(ps->q, an, i);
			st = qpdf_oh_get_key(ps->q, a, "/Subtype");
			if (qpdf_oh_is_name_and_equals(ps->q, st, "/Link") &&
			    *at < ps->p->linkslen) {
				const char *text = ps->p->links + *at;

				*at += strlen(text) + 1;
				v = qpdf_oh_new_unicode_string(ps->q, text);
				qpdf_oh_replace_key(ps->q, a, "/Contents", v);
				qpdf_oh_release(ps->q, v);
			}
			qpdf_oh_release(ps->q, st);
			qpdf_oh_release(ps->q, a);
		}
	}
	qpdf_oh_release(ps->q, an);
}

/*
 * Gives each annotation of a link over a page break the link's whole
 * text as /Contents: fix_annots() gave each the part drawn on its page.
 */
static void
fix_links(struct post *ps)
{
	qpdf_oh		 a, b, v;
	struct buf	 t;
	size_t		 i;

	buf_init(&t);
	/* The first annotation gathers the text, in order... */
	for (i = 0; i < ps->npair; i++) {
		a = ps->pair[i][0];
		b = ps->pair[i][1];
		buf_reset(&t);
		v = qpdf_oh_get_key(ps->q, a, "/Contents");
		if (qpdf_oh_is_string(ps->q, v))
			buf_puts(&t, qpdf_oh_get_utf8_value(ps->q, v));
		qpdf_oh_release(ps->q, v);
		v = qpdf_oh_get_key(ps->q, b, "/Contents");
		if (qpdf_oh_is_string(ps->q, v))
			buf_puts(&t, qpdf_oh_get_utf8_value(ps->q, v));
		qpdf_oh_release(ps->q, v);
		v = qpdf_oh_new_unicode_string(ps->q, t.len > 0 ? t.data : "");
		qpdf_oh_replace_key(ps->q, a, "/Contents", v);
		qpdf_oh_release(ps->q, v);
	}
	/* ...then gives it to the others. */
	for (i = 0; i < ps->npair; i++) {
		v = qpdf_oh_get_key(ps->q, ps->pair[i][0], "/Contents");
		qpdf_oh_replace_key(ps->q, ps->pair[i][1], "/Contents", v);
		qpdf_oh_release(ps->q, v);
	}
	buf_release(&t);
}

static void	set(struct post *, qpdf_oh, const char *, const char *);

/*
 * Sets the catalogue's /Metadata: an XMP packet of what Info says.  Its
 * texts come from report.html's tree, which XML allows no control
 * character but tab and line ends, so escaping markup is enough.
 */
static void
set_xmp(struct post *ps, qpdf_oh root)
{
	const struct pdfpost	*p = ps->p;
	struct buf		 x;
	qpdf_oh			 st, dict, nul;

	buf_init(&x);
	BUF_PUTSL(&x, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	if (p->title != NULL) {
		BUF_PUTSL(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		buf_putxml(&x, p->title);
		BUF_PUTSL(&x, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (p->author != NULL) {
		BUF_PUTSL(&x, "<dc:creator><rdf:Seq><rdf:li>");
		buf_putxml(&x, p->author);
		BUF_PUTSL(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (p->subject != NULL) {
		BUF_PUTSL(&x, "<dc:description><rdf:Alt><rdf:li "
		    "xml:lang=\"x-default\">");
		buf_putxml(&x, p->subject);
		BUF_PUTSL(&x, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	BUF_PUTSL(&x, "<dc:language><rdf:Bag><rdf:li>");
	buf_putxml(&x, p->lang);
	BUF_PUTSL(&x, "</rdf:li></rdf:Bag></dc:language>\n");
	if (p->date != NULL && strlen(p->date) == 10) {
		BUF_PUTSL(&x, "<xmp:CreateDate>");
		buf_putxml(&x, p->date);
		BUF_PUTSL(&x, "T00:00:00Z</xmp:CreateDate>\n<xmp:ModifyDate>");
		buf_putxml(&x, p->date);
		BUF_PUTSL(&x, "T00:00:00Z</xmp:ModifyDate>\n");
	}
	BUF_PUTSL(&x, "<xmp:CreatorTool>scorecard</xmp:CreatorTool>\n"
	    "<pdf:Producer>scorecard with Cairo and qpdf</pdf:Producer>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	st = qpdf_oh_new_stream(ps->q);
	nul = qpdf_oh_new_null(ps->q);
	qpdf_oh_replace_stream_data(ps->q, st, (unsigned char *)x.data, x.len,
	    nul, nul);
	dict = qpdf_oh_get_dict(ps->q, st);
	set(ps, dict, "/Type", "/Metadata");
	set(ps, dict, "/Subtype", "/XML");
	qpdf_oh_replace_key(ps->q, root, "/Metadata", st);
	qpdf_oh_release(ps->q, dict);
	qpdf_oh_release(ps->q, nul);
	qpdf_oh_release(ps->q, st);
	buf_release(&x);
}

static void
set(struct post *ps, qpdf_oh dict, const char *key, const char *pdf)
{
	qpdf_oh	 v = qpdf_oh_parse(ps->q, pdf);

	qpdf_oh_replace_key(ps->q, dict, key, v);
	qpdf_oh_release(ps->q, v);
}

/*
 * What qpdf needs to finish a PDF, beyond what the process holds when
 * it starts: so much an object (each object it reads, the tables that
 * write it, the copies of the PDF written) and so much a page.
 * Measured in a process of its own, where no memory freed earlier
 * could be taken again, with one malloc arena (memlimit.h): 489 MB for
 * 201,841 objects in 374 pages (a figures table of 66,000 rows), 225 MB
 * for 91,811 objects in 171 pages, 76 MB for 30,681 objects in 58
 * pages, 310 MB for 109,787 objects in 1,098 pages (1,000 indicators),
 * 57 MB for 22,023 objects in 220 pages; these figures give 8% to 18%
 * more.
 */
#define	QPDF_BASE	(8u * MEMLIMIT_MB)
#define	QPDF_OBJECT	2662u
#define	QPDF_PAGE	(64u * 1024u)

/* The objects Cairo wrote: /Size in the trailer at the end of in, or 0. */
static unsigned long
pdf_objects(const char *in, size_t len)
{
	static const char	 key[] = "/Size ";
	const char		*t = NULL;
	size_t			 o;

	for (o = len > 4096 ? len - 4096 : 0; o + sizeof(key) - 1 < len; o++)
		if (memcmp(in + o, key, sizeof(key) - 1) == 0)
			t = in + o + sizeof(key) - 1;
	if (t == NULL)
		return 0;
	return strtoul(t, NULL, 10);
}

/*
 * Whether qpdf, having read the cross-reference table of in, can finish
 * it under the memory limits; if not, says so.
 */
static bool
fits(struct post *ps, const char *in, size_t len, struct diag *d)
{
	unsigned long	 nobj = pdf_objects(in, len);
	int		 npages = qpdf_get_num_pages(ps->q);
	uint64_t	 need;
	char		 what[128];

	if (npages < 0)
		npages = 0;
	/* No /Size: as many objects as a byte of every 100 could make. */
	if (nobj == 0)
		nobj = (unsigned long)(len / 100);
	need = QPDF_BASE + (uint64_t)QPDF_OBJECT * nobj +
	    (uint64_t)QPDF_PAGE * (uint64_t)npages;
	snprintf(what, sizeof(what), "finishing report.pdf (%d pages, "
	    "%lu objects)", npages, nobj);
	return memlimit_check(need, NULL, what, "render with --no-pdf to "
	    "leave the PDFs out, split the report into smaller ones, or "
	    "raise the limit", d);
}

bool
pdfpost_fix(const char *in, size_t len, const struct pdfpost *p,
    struct buf *out, struct diag *d)
{
	struct post	 ps;
	qpdf_oh		 root, str, v, page;
	char		 date[64];
	size_t		 link = 0, j;
	int		 i, n;
	bool		 ok = false;

	memset(&ps, 0, sizeof(ps));
	ps.p = p;
	ps.q = qpdf_init();
	qpdf_silence_errors(ps.q);
	qpdf_set_suppress_warnings(ps.q, QPDF_TRUE);
	if (qpdf_read_memory(ps.q, "report.pdf", in, len, NULL) &
	    QPDF_ERRORS)
		goto fail;
	if (!fits(&ps, in, len, d))
		goto out;
	root = qpdf_get_root(ps.q);
	v = qpdf_oh_new_unicode_string(ps.q, p->lang);
	qpdf_oh_replace_key(ps.q, root, "/Lang", v);
	qpdf_oh_release(ps.q, v);
	set(&ps, root, "/ViewerPreferences", "<< /DisplayDocTitle true >>");
	set(&ps, root, "/MarkInfo", "<< /Marked true >>");
	set_xmp(&ps, root);
	str = qpdf_oh_get_key(ps.q, root, "/StructTreeRoot");
	ps.str = str;
	if (qpdf_oh_is_dictionary(ps.q, str)) {
		ps.scope[0] = qpdf_oh_parse(ps.q,
		    "<< /O /Table /Scope /Column >>");
		ps.scope[1] = qpdf_oh_parse(ps.q,
		    "<< /O /Table /Scope /Row >>");
		fix_kids(&ps, str, false, 0);
		if (ps.ngone > 0) {
			qsort(ps.gone, ps.ngone, sizeof(*ps.gone), intcmp);
			v = qpdf_oh_get_key(ps.q, str, "/ParentTree");
			pt_walk(&ps, v, 0, pt_keep, NULL);
			qpdf_oh_release(ps.q, v);
			pt_fix_moved(&ps);
		}
	}
	qpdf_oh_release(ps.q, str);
	/* Pages with links are read in the order of the structure. */
	n = qpdf_get_num_pages(ps.q);
	for (i = 0; i < n; i++) {
		page = qpdf_get_page_n(ps.q, (size_t)i);
		set(&ps, page, "/Tabs", "/S");
		fix_annots(&ps, page, &link);
		if (!fix_content(&ps, page)) {
			qpdf_oh_release(ps.q, page);
			goto fail;
		}
		pt_fix_page(&ps, page);
		qpdf_oh_release(ps.q, page);
	}
	fix_links(&ps);
	/* Dates as PDF writes them: D:YYYYMMDDHHmmSSZ. */
	if (p->date != NULL && strlen(p->date) == 10) {
		snprintf(date, sizeof(date), "D:%.4s%.2s%.2s000000Z",
		    p->date, p->date + 5, p->date + 8);
		qpdf_set_info_key(ps.q, "/CreationDate", date);
		qpdf_set_info_key(ps.q, "/ModDate", date);
	}
	qpdf_set_info_key(ps.q, "/Producer", "scorecard with Cairo and qpdf");
	if (qpdf_has_error(ps.q))
		goto fail;
	if (qpdf_init_write_memory(ps.q) & QPDF_ERRORS)
		goto fail;
	qpdf_set_deterministic_ID(ps.q, QPDF_TRUE);
	qpdf_set_object_stream_mode(ps.q, qpdf_o_preserve);
	/* Cairo's streams (fonts, images) are copied as they are, not
	 * decoded and compressed again, and so are the page contents made
	 * here, compressed by deflate_buf(). */
	qpdf_set_decode_level(ps.q, qpdf_dl_none);
	if (qpdf_write(ps.q) & QPDF_ERRORS)
		goto fail;
	buf_put(out, qpdf_get_buffer(ps.q),
	    (size_t)qpdf_get_buffer_length(ps.q));
	ok = true;
	if (p->ready != NULL)
		p->ready(p->ready_arg);
	goto out;
fail:
	diag_out(d, DIAG_ERROR, "report.pdf", "cannot finish: %s",
	    qpdf_has_error(ps.q) ? qpdf_get_error_full_text(ps.q,
	    qpdf_get_error(ps.q)) : "qpdf failed");
out:
	if (ps.zinit)
		deflateEnd(&ps.z);
	free(ps.gone);
	for (j = 0; j < ps.npt; j++)
		qpdf_oh_release(ps.q, ps.pt[j].arr);
	free(ps.pt);
	free(ps.mcid);
	for (j = 0; j < ps.nmv; j++) {
		if (ps.mv[j].page != 0)
			qpdf_oh_release(ps.q, ps.mv[j].page);
		qpdf_oh_release(ps.q, ps.mv[j].to);
	}
	free(ps.mv);
	for (j = 0; j < ps.npair; j++) {
		qpdf_oh_release(ps.q, ps.pair[j][0]);
		qpdf_oh_release(ps.q, ps.pair[j][1]);
	}
	free(ps.pair);
	qpdf_cleanup(&ps.q);
	return ok;
}
