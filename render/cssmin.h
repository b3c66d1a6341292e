/*
 * cssmin: a stylesheet without what no browser reads, for the <style>
 * that data-sc-inline makes.  Knows nothing of the domain, does no I/O.
 */
#ifndef CSSMIN_H
#define CSSMIN_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends the n bytes of the stylesheet css to out with its comments
 * and redundant white space taken out, the same rules in a browser:
 *
 *  - a comment goes, unless its text starts with '!' (the convention
 *    for a licence or copyright notice, kept whole);
 *  - a run of white space becomes one space, and none at all at the
 *    start and end or next to '{', '}', ';' or ',';
 *  - the ';' before a '}' goes.
 *
 * Strings, escapes (with the white space that ends a hex escape) and
 * unquoted url() are copied as they are.  A comment between two
 * characters that would otherwise join into one token is written as
 * an empty one.  The text is not parsed beyond that, so it needs no
 * particular CSS level and never fails: bad CSS comes out as bad in
 * the same way.
 */
void	 cssmin(const char *css, size_t n, struct buf *out);

#endif
