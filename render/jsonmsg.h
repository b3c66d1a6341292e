/*
 * jsonmsg: the messages of one JSON load (json.c, jsonscan.c and the
 * checks), collected as they are found, then sorted by their place in
 * the file and written through diag at the end; also the JSON path
 * that begins a message and a value quoted for one.  Knows no JSON
 * library and nothing of the contract.
 *
 * At most JSON_MAX_MESSAGES are kept; the rest are counted and summed
 * up in one last message ("N more messages not shown ...").  A message
 * is "PATH: TEXT" (or TEXT alone at the top level) at a line and column
 * of the JSON text; line 0 has no place.  With a json_where, places are
 * written in the terms of the file the JSON text was made from.
 */
#ifndef JSONMSG_H
#define JSONMSG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "json.h"

/* One message waiting to be sorted and written. */
struct jsonmsg_ent {
	int		 line, col;	/* line 0: no position */
	enum diag_level	 lvl;
	size_t		 seq;		/* for a stable sort */
	char		*text;		/* "PATH: message", ours */
	size_t		 plen;		/* bytes of "PATH: " in text */
};

/* The index of a message counted but not kept. */
#define	JSONMSG_NONE	SIZE_MAX

struct jsonmsg {
	const char		*name;	/* file name for messages, borrowed */
	const struct json_where	*where;	/* places in another file, or NULL */
	struct jsonmsg_ent	*msgs;
	size_t			 nmsgs, maxmsgs;
	size_t			 nerr;	/* errors, shown or not */
	size_t			 nunshown;	/* past JSON_MAX_MESSAGES */
	size_t			 nunshown_err;	/* of them, errors */
	struct buf		 path;	/* path of the value in hand */
	struct buf		 q;	/* jsonmsg_quoted()'s result */
};

/* Starts an empty collection for file name (borrowed, as is where). */
void	jsonmsg_init(struct jsonmsg *mc, const char *name,
	    const struct json_where *where);
/* Frees every message and buffer of mc. */
void	jsonmsg_release(struct jsonmsg *mc);

/*
 * Whether another message can be kept; if not, counts one of level lvl
 * as jsonmsg_add() would, so that a caller can skip working out its text.
 */
bool	jsonmsg_room(struct jsonmsg *mc, enum diag_level lvl);

/*
 * Adds a message at line:col, prefixed with "PATH: " when path is not
 * NULL or empty.  Returns its index (for jsonmsg_append()), or
 * JSONMSG_NONE when it was only counted.
 */
size_t	jsonmsg_add(struct jsonmsg *mc, enum diag_level lvl, int line,
	    int col, const char *path, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
size_t	jsonmsg_vadd(struct jsonmsg *mc, enum diag_level lvl, int line,
	    int col, const char *path, const char *fmt, va_list ap)
	    __attribute__((format(printf, 6, 0)));

/* Appends to message i's text (nothing for JSONMSG_NONE). */
void	jsonmsg_append(struct jsonmsg *mc, size_t i, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Sorts the messages by place (stable) and writes them through d, then
 * the count of those not shown.  The messages stay in mc.
 */
void	jsonmsg_flush(struct jsonmsg *mc, struct diag *d);

/*
 * Returns s as a JSON string literal for a message, cut at about 40
 * bytes (on a character boundary) with "..." if longer.  The result
 * lives in mc->q until the next call.
 */
const char *jsonmsg_quoted(struct jsonmsg *mc, const char *s);

/*
 * Paths, written as in jq into mc->path.  jsonmsg_key() appends ".key"
 * for a key of letters, digits, '_' and '-' (not starting with a digit
 * or '-') of at most 40 bytes, ["key"] (quoted) for others.
 * jsonmsg_push() and jsonmsg_push_index() ("[N]") return the mark that
 * jsonmsg_pop() goes back to.
 */
void	jsonmsg_key(struct jsonmsg *mc, const char *k);
size_t	jsonmsg_push(struct jsonmsg *mc, const char *k);
size_t	jsonmsg_push_index(struct jsonmsg *mc, size_t i);
void	jsonmsg_pop(struct jsonmsg *mc, size_t mark);

#endif
