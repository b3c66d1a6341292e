/*
 * jsonscan: the strict JSON scanner.  Walks JSON text once and is where
 * syntax (RFC 8259, nothing more: no comments, trailing commas, NaN,
 * 007, 1., single quotes), encoding (UTF-8 only, checked strictly, no
 * NUL, no raw control characters in strings), nesting depth, duplicate
 * keys and the size limits of json.h (JSON_MAX_DEPTH, JSON_MAX_VALUES,
 * JSON_MAX_STRING, numbers that overflow a double) are enforced, with
 * a line and column for each problem: lines and columns count from 1,
 * a column counts characters (a tab is one, CR is one), not bytes.
 *
 * It reports every problem it can step over (bad escapes, control
 * characters, invalid numbers, duplicate keys, over-long strings;
 * invalid UTF-8 once, with a count) and stops at the first broken
 * structure.  It does not skip a byte order mark or recognise UTF-16:
 * json.c does that before.
 */
#ifndef JSONSCAN_H
#define JSONSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "jsonmsg.h"

/* Where a value is: its own place and, for a member, its key's. */
struct jsonscan_place {
	int		 line, col;
	int		 kline, kcol;	/* 0: not an object member */
};

struct jsonscan_places;

/*
 * Scans len bytes of text (need not be NUL-terminated) and builds its
 * tree with cJSON's create and add functions.  Every problem is added
 * to mc as an error (at the top level: no path, except for a duplicate
 * key, whose message names the object's path).  When the text is clean,
 * strict JSON within the limits, returns the tree (free it with
 * cJSON_Delete()) and sets *places to a new table of the place of each
 * of its nodes (free it with jsonscan_places_free()); members and
 * elements are in document order.  Otherwise returns NULL, *places NULL.
 */
cJSON	*jsonscan(struct jsonmsg *mc, const char *text, size_t len,
	    struct jsonscan_places **places);

/*
 * Returns the place of node, a node of the tree jsonscan() returned with
 * t, valid until t is freed.  Calls index the tree in pre-order as far
 * as the node asked for (linear time over all calls); a node already
 * indexed takes constant time.
 */
const struct jsonscan_place *jsonscan_place_of(struct jsonscan_places *t,
	    const cJSON *node);
/* Frees t; NULL does nothing. */
void	jsonscan_places_free(struct jsonscan_places *t);

#endif
