/*
 * tnodecmp.h: for tests, whether two struct tnode trees are the same
 * (tmpl.h): the tree the PDF typesetter is handed against the output
 * read back.  Static: each test that includes it gets its own copy.
 */
#ifndef TNODECMP_H
#define TNODECMP_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tmpl.h"

/* Are trees a and b the same: names, SVG-ness, attributes, texts? */
static bool
tnode_same(const struct tnode *a, const struct tnode *b)
{
	size_t	 i;

	for (; a != NULL && b != NULL; a = a->next, b = b->next) {
		if ((a->name == NULL) != (b->name == NULL) ||
		    (a->name != NULL && strcmp(a->name, b->name) != 0) ||
		    (a->text == NULL) != (b->text == NULL) ||
		    (a->text != NULL && strcmp(a->text, b->text) != 0) ||
		    a->svg != b->svg ||
		    (a->attr == NULL) != (b->attr == NULL))
			return false;
		for (i = 0; a->attr != NULL && a->attr[i] != NULL; i++)
			if (b->attr[i] == NULL ||
			    strcmp(a->attr[i], b->attr[i]) != 0)
				return false;
		if (a->attr != NULL && b->attr[i] != NULL)
			return false;
		if (!tnode_same(a->kid, b->kid))
			return false;
	}
	return a == NULL && b == NULL;
}

#endif
