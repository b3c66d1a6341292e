/*
 * tmpl-ctx: the context a template is filled from, a tree of scopes of
 * named values (text, bool, markup, list of item scopes), built by the
 * caller with tmpl_ctx_*() and read by the rest of the module with
 * ctx_lookup().  It has no libxml2 in it; it includes tmpl-int.h only
 * for its types.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl-int.h"
#include "util.h"

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

struct tmpl_ctx *
tmpl_ctx_item(struct tmpl_ctx *c, const char *name, size_t n)
{
	const struct tval	*v = ctx_find(c, name);

	return v != NULL && v->kind == TK_LIST && n < v->nitems ?
	    v->items[n] : NULL;
}

const char *
tmpl_ctx_get_text(const struct tmpl_ctx *c, const char *name)
{
	const struct tval	*v = ctx_find(c, name);

	return v != NULL && v->kind == TK_TEXT ? v->s : NULL;
}

/* Looks name up in c, then in the scopes c was added under. */
const struct tval *
ctx_lookup(const struct tmpl_ctx *c, const char *name)
{
	const struct tval	*v;

	for (; c != NULL; c = c->parent)
		if ((v = ctx_find(c, name)) != NULL)
			return v;
	return NULL;
}

const char *
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

bool
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
