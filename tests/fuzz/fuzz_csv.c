/*
 * libFuzzer harness: a CSV file from arbitrary bytes through csv_read()
 * and book_load() (so through json.c's checks), with report fields as
 * the command line would give them.  Either it fails with at least one
 * error reported and nothing in the model, or the model holds at least
 * one indicator and the report fields given.  Any violation aborts.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "csv.h"
#include "diag.h"
#include "model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static FILE	*devnull;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct book_opts o = { "Title", "Organisation", NULL };
	struct model	*m;
	struct book	 b;
	struct diag	 d;
	bool		 ok;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	m = model_new();
	book_init(&b);
	diag_init(&d, devnull, "scorecard");
	ok = csv_read(&b, "fuzz.csv", (const char *)data, size, &d) &&
	    book_load(m, "fuzz.csv", &b, &o, &d);
	if (!ok) {
		CHECK(d.nerr > 0);
		CHECK(m->ninds == 0 && m->report.title == NULL);
	} else {
		CHECK(d.nerr == 0);
		CHECK(m->ninds > 0);
		CHECK(strcmp(m->report.title, "Title") == 0);
	}
	book_release(&b);
	model_free(m);
	return 0;
}
