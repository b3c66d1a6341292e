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

#include "jsonmsg.h"

/* Where a value is: its own place and, for a member, its key's. */
struct jsonscan_place {
	int		 line, col;
	int		 kline, kcol;	/* 0: not an object member */
};

/*
 * Scans len bytes of text (need not be NUL-terminated).  Every problem
 * is added to mc as an error (at the top level: no path, except for a
 * duplicate key, whose message names the object's path).  Returns true
 * when the text is clean, strict JSON within the limits: *pos is then a
 * new array (free() it) of the place of every value in pre-order (a
 * member's value after its object, in document order), *npos long.
 * Returns false otherwise, *pos NULL and *npos 0.
 */
bool	jsonscan(struct jsonmsg *mc, const char *text, size_t len,
	    struct jsonscan_place **pos, size_t *npos);

#endif
