/*
 * tell: what scorecard says on standard error when a run succeeds and a
 * person is watching (standard error a terminal): one line naming the
 * folder and what is in it.  Silent otherwise, as Unix tools are.
 */
#ifndef TELL_H
#define TELL_H

#include <stdbool.h>
#include <stdio.h>

/* Whether fp is a terminal a person reads. */
bool	tell_tty(FILE *fp);

/*
 * Returns what folder dir holds, sorted, folders with a '/' and their
 * file count: "report.eml, report.html, summary.json and charts/ (36
 * files)"; NULL if dir cannot be read.  The caller frees.
 */
char	*tell_contents(const char *dir);

#endif
