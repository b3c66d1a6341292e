/*
 * diag: where every input and environment problem is reported, once,
 * where it is found.  Messages are GNU/mandoc style, lower case, no
 * final period:
 *
 *	scorecard: input/x.json:12:7: error: expected ',' or '}'
 *	scorecard: input/x.json: error: indicators[2].series[5].value: expected a number
 *
 * A line of 0 leaves ":line:col" out; a NULL file leaves the file out.
 * A file a render writes (report.pdf, charts/x.png) is named by
 * diag_out(), within the folder of the batch's render that wrote it:
 *
 *	scorecard: out/lac-1/report.eml: warning: the message is 13.4 MB ...
 *
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
	const char	*within; /* NULL, or the folder the render's files
				    go to, where it is one of a batch's */
};

/* Sets d to write to out with the name prog; counts start at zero;
 * within NULL. */
void	diag_init(struct diag *d, FILE *out, const char *prog);
/* Sets d as a thread's diag for what parent reports: its stream, name
 * and within; counts start at zero. */
void	diag_init_from(struct diag *d, const struct diag *parent);
/*
 * Adds from's counts to d's and zeroes them: a thread's job reports
 * through a diag of its own (its messages go out as found) and the
 * thread that waited for it takes the counts.
 */
void	diag_take(struct diag *d, struct diag *from);
void	diag_msg(struct diag *d, enum diag_level lvl, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
/* As diag_msg(), of file, a name in the render's output folder
 * ("report.pdf", "charts/x.png"): shown within d->within if set. */
void	diag_out(struct diag *d, enum diag_level lvl, const char *file,
	    const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

#endif
