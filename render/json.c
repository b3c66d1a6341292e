/*
 * json: read indicator JSON, check it against the input contract
 * (scorecard-input(5)) and copy it into a struct model; the entry
 * points of the json module, whose files share json-int.h:
 *
 *	json.c		loading: size, byte order mark, UTF-16/32, the
 *			stages below in order, emptying the model on failure
 *	jsonscan.[ch]	the strict scanner: syntax, encoding, depth,
 *			duplicate keys, size limits, places; it builds
 *			the cJSON tree (the only parse)
 *	jsonmsg.[ch]	messages collected, sorted by place, written;
 *			JSON paths and quoted values for them
 *	jsonfield.c	one field of an object: present, kind, range, copy
 *	jsoncheck.c	the contract's objects, from the top
 *
 * It deliberately does not compute anything (figures.c does), nor
 * keep anything of cJSON: the tree is freed before json_load() returns
 * and every string in the model is our own copy.
 *
 * IMPLEMENTATION NOTES
 *
 * Text flows through these stages, each on the whole file:
 *
 * 1. scan: the strict scanner (jsonscan.c) walks the bytes once,
 *    reports every problem of syntax and encoding, records the place
 *    of every value (and of its key), and, for a clean text, builds
 *    the cJSON tree with cJSON's create and add functions (cJSON's
 *    own parser is never called: jsonscan.c says why, with numbers).
 * 2. places: a node's line and column come from a side table keyed by
 *    the node (jsonscan_place_of()); nothing is stored in cJSON's
 *    fields but what they are for.
 * 3. check: the tree is walked against the contract (jsoncheck.c).
 *    Every problem is recorded, with the JSON path and the value's
 *    place, and checking goes on; values that pass are copied into the
 *    model.
 * 4. report: messages are collected, not printed, as they are found
 *    (checks run in contract order, not file order).  At the end they
 *    are sorted by place and handed to diag (jsonmsg.c); on any error
 *    the model is emptied again (model_clear()).
 */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "file.h"
#include "json.h"
#include "json-int.h"
#include "jsonmsg.h"
#include "jsonscan.h"
#include "model.h"
#include "util.h"

/*
 * The encoding of a file in UTF-16 or UTF-32, by its byte order mark or,
 * without one, by where the NUL bytes of its first ASCII characters
 * fall (JSON text starts with an ASCII character); NULL for anything
 * else.  UTF-32's marks are tested first: FF FE 00 00 starts with
 * UTF-16's.
 */
static const char *
wide_encoding(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;

	if (len >= 4 && memcmp(u, "\x00\x00\xfe\xff", 4) == 0)
		return "UTF-32 (big-endian)";
	if (len >= 4 && memcmp(u, "\xff\xfe\x00\x00", 4) == 0)
		return "UTF-32 (little-endian)";
	if (len >= 2 && memcmp(u, "\xfe\xff", 2) == 0)
		return "UTF-16 (big-endian)";
	if (len >= 2 && memcmp(u, "\xff\xfe", 2) == 0)
		return "UTF-16 (little-endian)";
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] != 0)
		return "UTF-32 (big-endian)";
	if (len >= 4 && u[0] != 0 && u[1] == 0 && u[2] == 0 && u[3] == 0)
		return "UTF-32 (little-endian)";
	if (len >= 2 && u[0] == 0 && u[1] != 0)
		return "UTF-16 (big-endian)";
	if (len >= 2 && u[0] != 0 && u[1] == 0)
		return "UTF-16 (little-endian)";
	return NULL;
}


/* Frees what the load's context holds (not c->m). */
static void
ctx_release(struct ctx *c)
{
	size_t	 i;

	jsonmsg_release(&c->mc);
	jsonscan_places_free(c->places);
	for (i = 0; i < c->nseen; i++)
		free(c->seen[i].key);
}

bool
json_load_mem(struct model *m, const char *name, const char *text,
    size_t len, struct diag *d)
{
	return json_load_where(m, name, text, len, NULL, d);
}

bool
json_load_where(struct model *m, const char *name, const char *text,
    size_t len, const struct json_where *where, struct diag *d)
{
	struct ctx	 c;
	cJSON		*root = NULL;
	const char	*enc;
	bool		 ok, bom = false;

	assert(m->ninds == 0 && m->ncomps == 0);
	memset(&c, 0, sizeof(c));
	jsonmsg_init(&c.mc, name, where);
	c.m = m;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;			/* UTF-8 byte order mark */
		len -= 3;
		bom = true;
	}
	if (len == 0 && bom)
		jsonmsg_add(&c.mc, DIAG_ERROR, 1, 2, NULL, "unexpected end of "
		    "file after the byte order mark, expected a value");
	else if (len == 0)
		jsonmsg_add(&c.mc, DIAG_ERROR, 0, 0, NULL, "file is empty");
	else if (len > JSON_MAX_BYTES)
		jsonmsg_add(&c.mc, DIAG_ERROR, 0, 0, NULL, "file too large "
		    "(the limit is %u MiB)", JSON_MAX_BYTES / (1024 * 1024));
	else if ((enc = wide_encoding(text, len)) != NULL)
		jsonmsg_add(&c.mc, DIAG_ERROR, 1, 1, NULL,
		    "file is %s; save it as UTF-8", enc);
	else if ((root = jsonscan(&c.mc, text, len, &c.places)) != NULL)
		json_check_top(&c, root);
	cJSON_Delete(root);

	ok = c.mc.nerr == 0;
	if (!ok)
		model_clear(m);
	jsonmsg_flush(&c.mc, d);
	ctx_release(&c);
	return ok;
}

bool
json_load(struct model *m, const char *path, struct diag *d)
{
	struct buf	 b;
	bool		 ok;

	/* A snapshot's input.json (input.c reads what users give); a
	 * byte order mark does not count against the limit. */
	buf_init(&b);
	ok = file_read(path, JSON_MAX_BYTES + 3, false, &b, d) &&
	    json_load_mem(m, path, b.data, b.len, d);
	buf_release(&b);
	return ok;
}

bool
json_load_snapshot(struct snapshot *s, const char *path, struct diag *d)
{
	struct ctx	 c;
	struct model	*m;
	struct buf	 b;
	cJSON		*root = NULL;
	bool		 ok;

	memset(s, 0, sizeof(*s));
	/* A snapshot's file: a pipe planted there is refused, unread. */
	buf_init(&b);
	if (!file_read(path, JSON_MAX_BYTES, false, &b, d)) {
		buf_release(&b);
		return false;
	}
	m = model_new();	/* the checks' context wants one */
	memset(&c, 0, sizeof(c));
	jsonmsg_init(&c.mc, path, NULL);
	c.m = m;
	if (b.len == 0)
		jsonmsg_add(&c.mc, DIAG_ERROR, 0, 0, NULL, "file is empty");
	else if ((root = jsonscan(&c.mc, b.data, b.len, &c.places)) != NULL)
		json_check_snapshot(&c, root, s);
	cJSON_Delete(root);
	ok = c.mc.nerr == 0;
	if (!ok)
		figures_snapshot_release(s);
	jsonmsg_flush(&c.mc, d);
	ctx_release(&c);
	buf_release(&b);
	model_free(m);
	return ok;
}
