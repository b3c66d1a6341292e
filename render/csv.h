/*
 * csv: a CSV file (RFC 4180: comma-separated, fields in double quotes
 * may hold commas, doubled quotes and line breaks; CRLF, LF or CR line
 * ends; UTF-8 with or without a byte order mark) into a one-sheet book
 * of text cells, each with the line and column where it starts.  What
 * the cells mean is book.c's business.
 */
#ifndef CSV_H
#define CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "book.h"
#include "diag.h"

/*
 * Reads len bytes of text into b (empty, from book_init()), as one
 * sheet.  Returns false, having reported the problem through d with
 * file name name and its line:col, for text that is not CSV (a quote
 * left open, text after a closing quote, a NUL byte, UTF-16) or over a
 * limit of book.h.
 */
bool	csv_read(struct book *b, const char *name, const char *text,
	    size_t len, struct diag *d);

#endif
