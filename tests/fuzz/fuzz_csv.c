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
#include <string.h>

#include "csv.h"
#include "sheetfuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct book_opts o = { "Title", "Organisation", NULL };
	struct sheetfuzz f;
	bool		 ok;

	sheetfuzz_begin(&f);
	ok = csv_read(&f.b, "fuzz.csv", (const char *)data, size, &f.d) &&
	    book_load(f.m, "fuzz.csv", &f.b, &o, &f.d);
	sheetfuzz_check(&f, ok);
	if (ok)
		CHECK(strcmp(f.m->report.title, "Title") == 0);
	sheetfuzz_end(&f);
	return 0;
}
