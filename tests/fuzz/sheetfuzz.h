/*
 * What fuzz_csv.c and fuzz_xlsx.c share: the invariant check, and one
 * load of a book into a model with messages thrown away, checked the
 * same way for both readers: either the load failed with at least one
 * error reported and nothing in the model, or it succeeded with no
 * error and at least one indicator.  Any violation aborts.  Static
 * functions: each harness is one translation unit.
 */
#ifndef SHEETFUZZ_H
#define SHEETFUZZ_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "book.h"
#include "diag.h"
#include "model.h"

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* One load: the model, the book and the messages. */
struct sheetfuzz {
	struct model	*m;
	struct book	 b;
	struct diag	 d;
};

/* Starts a load: an empty model and book, messages to /dev/null. */
static void
sheetfuzz_begin(struct sheetfuzz *f)
{
	static FILE	*devnull;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	f->m = model_new();
	book_init(&f->b);
	diag_init(&f->d, devnull, "scorecard");
}

/* Checks the outcome ok of the load against what it left. */
static void
sheetfuzz_check(const struct sheetfuzz *f, bool ok)
{
	if (!ok) {
		CHECK(f->d.nerr > 0);
		CHECK(f->m->ninds == 0 && f->m->report.title == NULL);
	} else {
		CHECK(f->d.nerr == 0);
		CHECK(f->m->ninds > 0);
	}
}

static void
sheetfuzz_end(struct sheetfuzz *f)
{
	book_release(&f->b);
	model_free(f->m);
}

#endif
