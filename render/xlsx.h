/*
 * xlsx: an Office Open XML workbook (.xlsx, as Excel, LibreOffice and
 * Google Sheets save it) into a book of cells: sheet names and
 * visibility, shared and inline strings (rich text runs joined,
 * phonetic runs left out), numbers with what their number format shows
 * (a date with or without its day, a percentage; the 1900 and 1904 date
 * systems), booleans, error values, and formulas by their cached value.
 * Merged cells hold their value in the top-left cell, as the file does.
 * What the cells mean is book.c's business.
 */
#ifndef XLSX_H
#define XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "book.h"
#include "diag.h"

/*
 * Reads the len bytes at data into b (empty, from book_init()).
 * Returns false, having said what the file is and what to do through d
 * (file name name), when it is not a workbook scorecard can read.
 * Only the sheets book.c reads are parsed; the others are named.
 */
bool	xlsx_read(struct book *b, const char *name, const char *data,
	    size_t len, struct diag *d);

#endif
