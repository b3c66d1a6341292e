/*
 * tmpl-cost: the work a render will do, counted before any of it is
 * done: elements and texts, and bytes of output, against limits that
 * grow with the context (TMPL_MAX_NODES, TMPL_MAX_OUTPUT and
 * TMPL_PER_INPUT in tmpl.h), so that a hostile template's nested
 * data-sc-each is refused in time bounded by the limit.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tmpl-int.h"
#include "util.h"

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

void
tmpl_measure(const struct tmpl *t, const struct tmpl_ctx *c, size_t *nodes,
    size_t *bytes)
{
	struct cost	 k;
	size_t		 values = 0, vbytes = 0;
	xmlNodePtr	 root = xmlDocGetRootElement(t->doc);

	ctx_size(c, &values, &vbytes);
	memset(&k, 0, sizeof(k));
	k.maxnodes = TMPL_MAX_NODES + TMPL_PER_INPUT * values;
	k.maxbytes = TMPL_MAX_OUTPUT + TMPL_PER_INPUT * vbytes;
	if (root != NULL)
		(void)cost_elem(&k, root, c);
	*nodes = k.nodes < k.maxnodes ? k.nodes : k.maxnodes;
	*bytes = k.bytes < k.maxbytes ? k.bytes : k.maxbytes;
}

/*
 * Refuses a render of root against c that would make more than
 * TMPL_MAX_NODES elements and texts, or more output than
 * TMPL_MAX_OUTPUT, each plus TMPL_PER_INPUT times what c holds.
 */
bool
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
