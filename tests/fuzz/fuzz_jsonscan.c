/*
 * fuzz_jsonscan: the strict scanner against cJSON's own parser.  Any
 * text the scanner accepts, cJSON must parse to the same tree (types,
 * keys, strings byte for byte, numbers bit for bit, order): the scanner
 * builds the tree the checks walk (issue 16), so a difference would be
 * a value read wrong.  Every node must have a place inside the text.
 * A refused text must give no tree, no table and at least one error.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "jsonmsg.h"
#include "jsonscan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* Checks that a is b, and that each node of a has a place. */
static void
same(struct jsonscan_places *pl, const cJSON *a, const cJSON *b,
    int lines)
{
	const struct jsonscan_place *p;
	const cJSON	*x, *y;

	CHECK((a->type & 0xFF) == (b->type & 0xFF));
	CHECK((a->string == NULL) == (b->string == NULL));
	if (a->string != NULL)
		CHECK(strcmp(a->string, b->string) == 0);
	if (cJSON_IsString(a))
		CHECK(strcmp(a->valuestring, b->valuestring) == 0);
	if (cJSON_IsNumber(a))
		CHECK(memcmp(&a->valuedouble, &b->valuedouble,
		    sizeof(double)) == 0);
	p = jsonscan_place_of(pl, a);
	CHECK(p->line >= 1 && p->line <= lines && p->col >= 1);
	CHECK((p->kline > 0) == (a->string != NULL));
	for (x = a->child, y = b->child; x != NULL && y != NULL;
	    x = x->next, y = y->next)
		same(pl, x, y, lines);
	CHECK(x == NULL && y == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jsonmsg		 mc;
	struct jsonscan_places	*pl;
	cJSON			*mine, *theirs;
	const char		*text = (const char *)data;
	size_t			 i;
	int			 lines = 1;

	for (i = 0; i < size; i++)
		if (text[i] == '\n')
			lines++;
	jsonmsg_init(&mc, "fuzz.json", NULL);
	mine = jsonscan(&mc, text, size, &pl);
	if (mine == NULL)
		CHECK(pl == NULL && mc.nerr > 0);
	else {
		CHECK(pl != NULL && mc.nerr == 0);
		theirs = cJSON_ParseWithLengthOpts(text, size, NULL, 0);
		CHECK(theirs != NULL);
		same(pl, mine, theirs, lines);
		cJSON_Delete(theirs);
	}
	cJSON_Delete(mine);
	jsonscan_places_free(pl);
	jsonmsg_release(&mc);
	return 0;
}
