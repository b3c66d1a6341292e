/*
 * diag: where every input and environment problem is reported, once,
 * where it is found.  Messages are GNU/mandoc style, lower case, no
 * final period:
 *
 *	scorecard: input/x.json:12:7: error: expected ',' or '}'
 *	scorecard: input/x.json: error: indicators[2].series[5].value: expected a number
 *
 * A line of 0 leaves ":line:col" out; a NULL file leaves the file out.
 * diag never exits: callers return failure up the stack.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level {
	DIAG_WARN,
	DIAG_ERROR
};

struct diag {
	FILE		*out;	/* where messages go (stderr); NULL: count only */
	const char	*prog;	/* "scorecard" */
	size_t		 nwarn;	/* warnings so far */
	size_t		 nerr;	/* errors so far */
};

/* Sets d to write to out with the name prog; counts start at zero. */
void	diag_init(struct diag *d, FILE *out, const char *prog);
/*
 * Adds from's counts to d's and zeroes them: a thread's job reports
 * through a diag of its own (its messages go out as found) and the
 * thread that waited for it takes the counts.
 */
void	diag_take(struct diag *d, struct diag *from);
void	diag_msg(struct diag *d, enum diag_level lvl, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

#endif
