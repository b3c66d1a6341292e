/*
 * ofiles: a growable array of named buffers, doubled as it fills.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ofiles.h"
#include "util.h"

struct buf *
ofiles_add(struct ofiles *o, const char *name)
{
	if (o->n == o->max) {
		o->max = o->max == 0 ? 16 : o->max * 2;
		o->f = xreallocarray(o->f, o->max, sizeof(*o->f));
	}
	o->f[o->n].name = xstrdup(name);
	buf_init(&o->f[o->n].data);
	return &o->f[o->n++].data;
}

void
ofiles_fill(struct ofiles *o, size_t i, struct buf *b)
{
	buf_release(&o->f[i].data);
	o->f[i].data = *b;
	buf_init(b);
}

void
ofiles_release(struct ofiles *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++) {
		free(o->f[i].name);
		buf_release(&o->f[i].data);
	}
	free(o->f);
	o->f = NULL;
	o->n = o->max = 0;
}

int
ofiles_cmp(const void *a, const void *b)
{
	const struct ofile *x = a, *y = b;

	return strcmp(x->name, y->name);
}
