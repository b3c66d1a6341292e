/*
 * json-int.h: private to the files of the json module (json.c, the
 * entry points; jsonfield.c, reading one field of an object with its
 * messages; jsoncheck.c, the contract's objects).  With jsonscan.[ch],
 * which builds the tree, they are the only files that include
 * <cJSON.h>.  Not for other modules: json.h is the contract.
 *
 * Every function here takes the load's context: its messages (mc, with
 * the JSON path of the value in hand), the model being filled and the
 * place of every value.  A checking function reports each problem
 * once, at the value's place, and goes on; values that pass are copied
 * into c->m.
 */
#ifndef JSON_INT_H
#define JSON_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "diag.h"
#include "figures.h"
#include "jsonmsg.h"
#include "jsonscan.h"
#include "model.h"
#include "period.h"

/* Kinds of object, for unknown-field warnings. */
enum kind {
	KIND_TOP,
	KIND_REPORT,
	KIND_TARGET,
	KIND_INDICATOR,
	KIND_POINT,
	KIND_BREAKDOWN,
	KIND_ITEM
};

/* An unknown field already warned about, to count repeats. */
struct seen {
	enum kind	 kind;
	char		*key;
	size_t		 msg;		/* index into mc.msgs */
	size_t		 more;		/* times seen since */
};

/* Beyond this many, every unknown field warns. */
#define	SEEN_MAX	64

struct ctx {
	struct jsonmsg	 mc;		/* messages, and the path */
	struct model	*m;
	struct jsonscan_places *places;	/* each node's place */
	struct seen	 seen[SEEN_MAX];
	size_t		 nseen;
	bool		 comps_ok;	/* can comparator references be
					   checked against m->comps? */
	bool		 vcheck;	/* figures checked against vunit */
	enum unit	 vunit;		/* the unit of the figures being read */
	bool		 vwhole;	/* and a count must be whole */
};

/* Flags for the field getters. */
#define	F_REQ		0x01	/* report a missing field */
#define	F_NONEMPTY	0x02	/* string must not be blank */

/* An enumeration of the contract: its words and values. */
struct word {
	const char	*name;
	int		 val;
};

#define	ID_RULE	"use a-z, 0-9 and '-', not starting with '-', " \
		"at most 64 characters"

/* The path of the value in hand (jsonmsg.h); marks for pop(). */
static inline size_t
push(struct ctx *c, const char *k)
{
	return jsonmsg_push(&c->mc, k);
}

static inline size_t
push_index(struct ctx *c, size_t i)
{
	return jsonmsg_push_index(&c->mc, i);
}

static inline void
pop(struct ctx *c, size_t mark)
{
	jsonmsg_pop(&c->mc, mark);
}

/* s quoted for a message (jsonmsg_quoted()). */
static inline const char *
quoted(struct ctx *c, const char *s)
{
	return jsonmsg_quoted(&c->mc, s);
}

/* jsonfield.c: where node v is in the text. */
const struct jsonscan_place *json_place(const struct ctx *c,
	    const cJSON *v);

/*
 * jsonfield.c: messages at node v, prefixed with the current path;
 * json_cmsg() at the key's place if atkey and v is a member.
 */
void	json_cmsg(struct ctx *c, enum diag_level lvl, const cJSON *v,
	    bool atkey, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	json_cerr(struct ctx *c, const cJSON *v, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Appends " (id \"ID\")" to the path if indicator ind has a valid id. */
void	json_push_id(struct ctx *c, const cJSON *ind);

/*
 * Sorts the members of obj into out[] by names[] (NULL-terminated);
 * members not named are warned about as unknown fields of kind k.
 */
void	json_members(struct ctx *c, const cJSON *obj, enum kind k,
	    const char *const *names, const cJSON **out);
/* After the checks: "(also in N other ...)" on repeated warnings. */
void	json_seen_flush(struct ctx *c);

size_t	json_count(const cJSON *arr);	/* elements or members */
bool	json_blank(const char *s);	/* shows nothing (utf8_is_blank)? */
bool	json_valid_id(const char *s);	/* [a-z0-9][a-z0-9-]*, short */
/* A new copy of s with CR LF and CR made LF. */
char	*json_textdup(const char *s);
/* Is the text of string node v fit to publish?  Reports it if not. */
bool	json_text_ok(struct ctx *c, const cJSON *v);
/* Is field v (of obj) there?  Reports it missing if F_REQ. */
bool	json_present(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, int flags);
/* Is number v a figure within JSON_MAX_VALUE and c's unit's range? */
bool	json_figure_ok(struct ctx *c, const cJSON *v);

/*
 * The getters of one field v (NULL: absent) of object obj, named name:
 * true and the value stored when it is present and valid; otherwise
 * reported (when absent, only if F_REQ) and false.
 */
bool	json_get_string(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, int flags, char **dst);
bool	json_get_period(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, int flags, char **pstr, struct period *p);
bool	json_get_number(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, int flags, double *out);
/* A required "value": a number or null (*has false). */
void	json_get_value(struct ctx *c, const cJSON *obj, const cJSON *v,
	    bool *has, double *out);
/* A whole number 0 (or 1, if positive) to 2^53 - 1. */
bool	json_get_whole(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, bool positive, long long *out);
bool	json_get_bool(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, bool *out);
/* One of the words of ws (NULL-terminated). */
bool	json_get_word(struct ctx *c, const cJSON *obj, const cJSON *v,
	    const char *name, int flags, const struct word *ws, int *out);

/* jsoncheck.c: the input contract from the top-level value v. */
void	json_check_top(struct ctx *c, const cJSON *v);
/* jsoncheck.c: an archived summary.json's statuses into s. */
void	json_check_snapshot(struct ctx *c, const cJSON *root,
	    struct snapshot *s);

#endif
