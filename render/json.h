/*
 * json: indicator JSON (scorecard-input(5)) into a struct model, checked
 * against the whole contract before anything is drawn.  The only module
 * that includes <cJSON.h>; the cJSON tree dies inside the call.
 *
 * Messages.  Every problem is reported through diag, not just the first,
 * and messages come out in the order of their place in the file.  Lines
 * and columns count from 1; a column counts characters (UTF-8 code
 * points, a tab is one), not bytes.
 *
 *	file:	"FILE: error: cannot open: No such file or directory"
 *		"FILE: error: file is empty"
 *	syntax:	"FILE:LINE:COL: error: expected ',' or '}'"
 *		"FILE:LINE:COL: error: unterminated string"
 *		"FILE:LINE:COL: error: indicators[0]: duplicate key \"title\"
 *		 (first at line 4)"
 *	meaning: "FILE:LINE:COL: error: PATH: MESSAGE", where LINE:COL is
 *		the place of the value PATH names (of its key for an unknown
 *		or undeclared key, of the enclosing object for a missing
 *		field), e.g.
 *		"FILE:30:18: error: indicators[2] (id \"cla-rate\").series[5].
 *		 value: expected a number or null; found \"611\": write the
 *		 number without quotes"
 *		"FILE:12:5: error: indicators[0]: missing required field \"id\""
 *	warning: "FILE:LINE:COL: warning: indicators[0].colour: unknown
 *		field, ignored"; the same unknown field in many objects of
 *		one kind is reported once, with "(also in N other points)".
 *
 * A path is written as in jq: ".key" for keys made of letters, digits,
 * '_' and '-' (not starting with a digit or '-'), ["key"] for others,
 * [N] for array elements; the top level has no path.  An indicator's
 * index is followed by its id when it has a valid one:
 * "indicators[2] (id \"cla-rate\").series[5].value".
 *
 * A value of the wrong kind is quoted, with a hint where one helps:
 *	"...value: expected a number or null; found \"n/a\": write null
 *	 for a missing value"
 *
 * Syntax and encoding are checked by a strict scanner of our own, which
 * builds cJSON's tree itself (cJSON's parser accepts invalid UTF-8, 007
 * and 1., and truncates strings at \u0000).  The scanner reports every
 * problem it can step over (bad escapes, control characters, invalid
 * numbers, duplicate keys, over-long strings; invalid UTF-8 once, with
 * a count) and stops at the first broken structure.  The contract is only
 * checked once the syntax is clean; then every problem is reported.
 *
 * Accepted beyond the bare contract: a UTF-8 byte order mark (skipped);
 * "published" in any of the five period forms.  In text, CR LF and CR
 * alone are read as LF.  Not accepted: comments,
 * trailing commas, NaN and Infinity, numbers that overflow a double,
 * figures beyond JSON_MAX_VALUE either side of zero, numbers written as
 * strings, raw control characters or line breaks inside strings, and
 * control characters other than tab, LF and CR (and noncharacters) even
 * when escaped, which no report can show.
 */
#ifndef JSON_H
#define JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "model.h"

/* Limits on hostile input; each error message names the limit. */
#define	JSON_MAX_BYTES		(64u * 1024 * 1024)	/* file size */
#define	JSON_MAX_DEPTH		64	/* nesting of arrays and objects */
#define	JSON_MAX_VALUES		2000000	/* values in one file */
#define	JSON_MAX_STRING		100000	/* bytes in a string or key, as
					   written between the quotes */
#define	JSON_MAX_INDICATORS	1000	/* indicators in one file */
#define	JSON_MAX_COMPARATORS	100	/* declared comparators */
#define	JSON_MAX_POINTS		100000	/* points in one series */
#define	JSON_MAX_CELLS		200000	/* an indicator's figures table:
					   periods x (1 + comparators) */
#define	JSON_MAX_ITEMS		50	/* items in one breakdown: rows of
					   up to three lines, in draw.c's
					   limit of 8000 px for a PNG at 2x */
#define	JSON_MAX_ID		64	/* bytes in an indicator or
					   comparator id */
#define	JSON_MAX_MESSAGES	200	/* errors and warnings shown for
					   one file; the rest are counted */
#define	JSON_MAX_VALUE		1e15	/* |figure|: values, targets and
					   amber limits (fmt.c writes 15
					   significant digits, scale.h
					   takes |values| up to 1e15) */

/*
 * Reads and checks the file at path into m (empty, from model_new()).
 * Returns true on success (warnings allowed).  On failure every problem
 * has been reported through d and m is left as it came: no report
 * fields, no comparators, no indicators.  Borrows path for the call;
 * everything m holds afterwards is m's own.
 */
bool	json_load(struct model *m, const char *path, struct diag *d);

/*
 * As json_load(), from len bytes of text (need not be NUL-terminated);
 * name is used in messages.  A len over JSON_MAX_BYTES is an error.
 */
bool	json_load_mem(struct model *m, const char *name, const char *text,
	    size_t len, struct diag *d);

/*
 * Where a place in text made from another file (a workbook, a CSV file)
 * is in that file, for messages in the user's terms.  place() is given
 * the line and column of the JSON text and sets either *line and *col
 * (a place in a text file) or appends a label such as "Indicators!F7"
 * to label (messages then read "NAME: LABEL: error: ..."); it returns
 * true when the place says enough and the JSON path is left out.
 */
struct json_where {
	void	*arg;
	bool	(*place)(void *arg, int jline, int jcol, int *line, int *col,
		    struct buf *label);
};

/*
 * As json_load_mem(), for JSON text made from another file: every
 * message with a place is placed through where (borrowed for the call;
 * NULL: as json_load_mem()).
 */
bool	json_load_where(struct model *m, const char *name, const char *text,
	    size_t len, const struct json_where *where, struct diag *d);

/*
 * Reads the statuses a report published from its summary.json at path
 * (scorecard(1), SUMMARY): report.period and each indicator's id and status, into
 * *s (free with figures_snapshot_release()).  The text is checked as
 * strictly as an input's.  Returns false, every problem reported
 * through d and *s empty, if it cannot be read.
 */
bool	json_load_snapshot(struct snapshot *s, const char *path,
	    struct diag *d);

#endif
