/*
 * Unit tests for json.c: documents loaded from memory, the model they
 * give, and the exact messages for bad ones.  Each group is one
 * function called from main().  Messages go to an open_memstream.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "period.h"

/* The top of a valid document; a test adds "indicators" and "}". */
#define	HEAD	"{\"report\": {\"title\": \"T\", " \
		"\"organisation\": \"O\", \"period\": \"2022-01\"},\n"
/* A valid indicator with id X. */
#define	IND(x)	"{\"id\": \"" x "\", \"title\": \"A\", " \
		"\"unit\": \"count\", " \
		"\"series\": [{\"period\": \"2022-01\", \"value\": 1}]}"

struct run {
	struct model	*m;
	bool		 ok;
	char		*out;		/* everything diag wrote */
	size_t		 nwarn, nerr;
};

/* Loads len bytes of text as "t.json" into r (free with done()). */
static void
load_len(struct run *r, const char *text, size_t len)
{
	struct diag	 d;
	FILE		*f;
	size_t		 n;

	r->out = NULL;
	if ((f = open_memstream(&r->out, &n)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	diag_init(&d, f, "scorecard");
	r->m = model_new();
	r->ok = json_load_mem(r->m, "t.json", text, len, &d);
	fclose(f);
	r->nwarn = d.nwarn;
	r->nerr = d.nerr;
}

static void
load(struct run *r, const char *text)
{
	load_len(r, text, strlen(text));
}

static void
done(struct run *r)
{
	model_free(r->m);
	free(r->out);
}

/* A document whose only message should be msg (without the newline). */
static void
bad(const char *text, const char *msg, int line)
{
	struct run	 r;
	char		 want[1024];

	load(&r, text);
	snprintf(want, sizeof(want), "scorecard: t.json%s\n", msg);
	if (strcmp(r.out, want) != 0)
		fprintf(stderr, "test_json.c:%d: message differs\n", line);
	STR_EQ(r.out, want);
	OK(!r.ok);
	INT_EQ(r.m->ninds, 0);
	done(&r);
}

#define	BAD(text, msg)	bad((text), (msg), __LINE__)

static void
test_good(void)
{
	static const char	*doc =
	    "{\n"
	    "  \"report\": {\n"
	    "    \"title\": \"Corporate Parenting Board\",\n"
	    "    \"organisation\": \"Middlesbrough Council\",\n"
	    "    \"period\": \"2022-01\",\n"
	    "    \"published\": \"2022-02-15\",\n"
	    "    \"introduction\": \"Intro \\u00e9\\n\\npara 2\",\n"
	    "    \"contact\": \"Team\"\n"
	    "  },\n"
	    "  \"comparators\": { \"sn\": \"Statistical neighbours\",\n"
	    "    \"region\": \"North East\", \"england\": \"England\" },\n"
	    "  \"indicators\": [ {\n"
	    "    \"id\": \"cla-count\", \"code\": \"CLA1\",\n"
	    "    \"title\": \"Children looked after\",\n"
	    "    \"section\": \"Demand\",\n"
	    "    \"unit\": \"count\", \"better\": \"lower\",\n"
	    "    \"target\": { \"value\": 450, \"amber\": 480 },\n"
	    "    \"series\": [\n"
	    "      { \"period\": \"2022-01\", \"value\": 500, "
	    "\"provisional\": true },\n"
	    "      { \"period\": \"2020-09\", \"value\": 702 },\n"
	    "      { \"period\": \"2021-03\", \"value\": null },\n"
	    "      { \"period\": \"2021-02\", \"value\": 586, "
	    "\"note\": \"Migrated\", \"numerator\": 586, "
	    "\"denominator\": 1000 }\n"
	    "    ],\n"
	    "    \"comparators\": {\n"
	    "      \"england\": [ { \"period\": \"2022-01\",\n"
	    "                   \"value\": 67 } ],\n"
	    "      \"sn\": [ { \"period\": \"2022-01\", \"value\": 134 },\n"
	    "              { \"period\": \"2021-01\", \"value\": 130 } ]\n"
	    "    },\n"
	    "    \"breakdown\": { \"title\": \"Why\",\n"
	    "      \"period\": \"2022-01\",\n"
	    "      \"items\": [ { \"label\": \"Adopted\", \"value\": 4 },\n"
	    "                 { \"label\": \"Other\", \"value\": null } ] },\n"
	    "    \"commentary\": \"Plain <b>text</b>\",\n"
	    "    \"chart\": \"column\"\n"
	    "  }, {\n"
	    "    \"id\": \"2\", \"title\": \"Second\", \"unit\": \"number\",\n"
	    "    \"target\": 12.5,\n"
	    "    \"series\": [ { \"period\": \"2021/22 Q2\",\n"
	    "      \"value\": -0.5 } ]\n"
	    "  } ]\n"
	    "}\n";
	struct run		 r;
	struct indicator	*ind;
	struct point		*p;

	load(&r, doc);
	OK(r.ok);
	STR_EQ(r.out, "");
	INT_EQ(r.nerr, 0);
	INT_EQ(r.nwarn, 0);
	STR_EQ(r.m->report.title, "Corporate Parenting Board");
	STR_EQ(r.m->report.organisation, "Middlesbrough Council");
	STR_EQ(r.m->report.pstr, "2022-01");
	INT_EQ(r.m->report.period.kind, PERIOD_MONTH);
	INT_EQ(r.m->report.period.year, 2022);
	INT_EQ(r.m->report.period.month, 1);
	STR_EQ(r.m->report.published, "2022-02-15");
	INT_EQ(r.m->report.pubperiod.kind, PERIOD_DAY);
	INT_EQ(r.m->report.pubperiod.day, 15);
	STR_EQ(r.m->report.introduction, "Intro \xc3\xa9\n\npara 2");
	STR_EQ(r.m->report.contact, "Team");

	INT_EQ(r.m->ncomps, 3);
	STR_EQ(r.m->comps[0].id, "sn");
	STR_EQ(r.m->comps[0].label, "Statistical neighbours");
	STR_EQ(r.m->comps[1].id, "region");
	STR_EQ(r.m->comps[2].id, "england");
	STR_EQ(r.m->comps[2].label, "England");

	INT_EQ(r.m->ninds, 2);
	ind = &r.m->inds[0];
	STR_EQ(ind->id, "cla-count");
	STR_EQ(ind->code, "CLA1");
	STR_EQ(ind->title, "Children looked after");
	STR_EQ(ind->section, "Demand");
	INT_EQ(ind->unit, UNIT_COUNT);
	INT_EQ(ind->better, BETTER_LOWER);
	OK(ind->target.set);
	DBL_NEAR(ind->target.value, 450, 0);
	OK(ind->target.has_amber);
	DBL_NEAR(ind->target.amber, 480, 0);
	INT_EQ(ind->chart, CHART_COLUMN);
	STR_EQ(ind->commentary, "Plain <b>text</b>");

	/* Sorted into time order; nulls, notes and flags kept. */
	INT_EQ(ind->series.npts, 4);
	p = ind->series.pts;
	STR_EQ(p[0].pstr, "2020-09");
	DBL_NEAR(p[0].value, 702, 0);
	OK(p[0].has_value);
	OK(!p[0].provisional);
	OK(p[0].note == NULL);
	OK(!p[0].has_numerator);
	STR_EQ(p[1].pstr, "2021-02");
	STR_EQ(p[1].note, "Migrated");
	OK(p[1].has_numerator && p[1].numerator == 586);
	OK(p[1].has_denominator && p[1].denominator == 1000);
	STR_EQ(p[2].pstr, "2021-03");
	OK(!p[2].has_value);
	STR_EQ(p[3].pstr, "2022-01");
	OK(p[3].provisional);
	DBL_NEAR(p[3].value, 500, 0);

	/* Comparator series in the order of model.comps, sorted too. */
	INT_EQ(ind->ncs, 2);
	INT_EQ(ind->cs[0].comp, 0);		/* sn */
	INT_EQ(ind->cs[0].s.npts, 2);
	STR_EQ(ind->cs[0].s.pts[0].pstr, "2021-01");
	STR_EQ(ind->cs[0].s.pts[1].pstr, "2022-01");
	INT_EQ(ind->cs[1].comp, 2);		/* england */
	DBL_NEAR(ind->cs[1].s.pts[0].value, 67, 0);

	OK(ind->breakdown != NULL);
	STR_EQ(ind->breakdown->title, "Why");
	STR_EQ(ind->breakdown->pstr, "2022-01");
	INT_EQ(ind->breakdown->nitems, 2);
	STR_EQ(ind->breakdown->items[0].label, "Adopted");
	OK(ind->breakdown->items[0].has_value);
	DBL_NEAR(ind->breakdown->items[0].value, 4, 0);
	OK(!ind->breakdown->items[1].has_value);

	/* Defaults and the plain-number target. */
	ind = &r.m->inds[1];
	STR_EQ(ind->id, "2");
	OK(ind->code == NULL && ind->section == NULL &&
	    ind->commentary == NULL && ind->breakdown == NULL);
	INT_EQ(ind->unit, UNIT_NUMBER);
	INT_EQ(ind->better, BETTER_NEITHER);
	INT_EQ(ind->chart, CHART_AUTO);
	OK(ind->target.set && !ind->target.has_amber);
	DBL_NEAR(ind->target.value, 12.5, 0);
	INT_EQ(ind->ncs, 0);
	INT_EQ(ind->series.pts[0].period.kind, PERIOD_QUARTER);
	DBL_NEAR(ind->series.pts[0].value, -0.5, 0);
	done(&r);
}

/* Mixed period forms, placed in time order (period_cmp). */
static void
test_sort(void)
{
	struct run	 r;
	struct point	*p;

	load(&r, HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", "
	    "\"unit\": \"days\", \"series\": ["
	    "{\"period\": \"2021/22\", \"value\": 1},"
	    "{\"period\": \"2022-01\", \"value\": 2},"
	    "{\"period\": \"2021/22 Q3\", \"value\": 3},"
	    "{\"period\": \"2021\", \"value\": 4},"
	    "{\"period\": \"2021-12-31\", \"value\": 5},"
	    "{\"period\": \"2019/20\", \"value\": 6}]}]}");
	OK(r.ok);
	STR_EQ(r.out, "");
	p = r.m->inds[0].series.pts;
	INT_EQ(r.m->inds[0].series.npts, 6);
	STR_EQ(p[0].pstr, "2019/20");
	STR_EQ(p[1].pstr, "2021");		/* ends 31 Dec, longest */
	STR_EQ(p[2].pstr, "2021/22 Q3");	/* ends 31 Dec */
	STR_EQ(p[3].pstr, "2021-12-31");	/* ends 31 Dec, shortest */
	STR_EQ(p[4].pstr, "2022-01");
	STR_EQ(p[5].pstr, "2021/22");
	DBL_NEAR(p[0].value, 6, 0);
	DBL_NEAR(p[5].value, 1, 0);
	done(&r);
}

/* Warnings alone succeed; the same unknown field is reported once. */
static void
test_warnings(void)
{
	struct run	 r;

	load(&r, HEAD "\"extra\": 1,\n\"indicators\": [\n"
	    "{\"id\": \"a\", \"title\": \"A\", \"unit\": \"count\", "
	    "\"colour\": \"red\", \"series\": [\n"
	    "{\"period\": \"2022-01\", \"value\": 1, \"rag\": \"red\"},\n"
	    "{\"period\": \"2022-02\", \"value\": 1, \"rag\": \"red\"},\n"
	    "{\"period\": \"2022-03\", \"value\": 1, \"rag\": \"red\", "
	    "\"x y\": 0}]},\n"
	    IND("b") "]}");
	OK(r.ok);
	INT_EQ(r.nerr, 0);
	INT_EQ(r.nwarn, 4);
	INT_EQ(r.m->ninds, 2);
	STR_EQ(r.out,
	    "scorecard: t.json:2:1: warning: extra: unknown field, ignored\n"
	    "scorecard: t.json:4:44: warning: indicators[0] (id \"a\").colour: unknown "
	    "field, ignored\n"
	    "scorecard: t.json:5:35: warning: indicators[0] (id \"a\").series[0].rag: "
	    "unknown field, ignored (also in 2 other points)\n"
	    "scorecard: t.json:7:49: warning: indicators[0] (id \"a\").series[2][\"x y\"]"
	    ": unknown field, ignored\n");
	done(&r);

	/* A target's amber on the wrong side needs "better" to know. */
	load(&r, HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", "
	    "\"unit\": \"count\", \"better\": \"neither\", \"target\": "
	    "{\"value\": 1, \"amber\": 5}, \"series\": "
	    "[{\"period\": \"2022-01\", \"value\": 1}]}]}");
	OK(r.ok);
	STR_EQ(r.out, "");
	done(&r);
}

/* Syntax: one message, with line and column. */
static void
test_syntax(void)
{
	BAD("", ": error: file is empty");
	BAD("\xef\xbb\xbf", ":1:2: error: unexpected end of file after the "
	    "byte order mark, expected a value");
	BAD("  \n", ":2:1: error: unexpected end of file, expected a value");
	BAD("\xff\xfe{", ":1:1: error: file is UTF-16 (little-endian); save "
	    "it as UTF-8");
	BAD("{\"a\": 1 \"b\": 2}", ":1:9: error: expected ',' or '}'");
	BAD("[1 2]", ":1:4: error: expected ',' or ']'");
	BAD("{\"a\" 1}", ":1:6: error: expected ':' after the key");
	BAD("{\"a\": 1,}", ":1:8: error: trailing ',' before '}' (JSON does "
	    "not allow one)");
	BAD("[1,\n ]", ":1:3: error: trailing ',' before ']' (JSON does not "
	    "allow one)");
	BAD("{\n  \"a\": [1, 2", ":2:13: error: unexpected end of file, "
	    "expected ',' or ']'");
	BAD("{\"a\": \"abc", ":1:7: error: unterminated string");
	BAD("{\"a\": \"abc\\", ":1:7: error: unterminated string");
	BAD("{a: 1}", ":1:2: error: expected a key in double quotes or '}'");
	BAD("{\"a\": 1, 'b': 2}", ":1:10: error: expected a key in double "
	    "quotes (strings take double quotes)");
	BAD("{} {}", ":1:4: error: expected end of file after the top-level "
	    "value");
	BAD("{\"a\": tru}", ":1:7: error: expected a value, found 'tru' "
	    "(JSON's words are true, false and null; strings take double "
	    "quotes)");
	BAD("[Infinity]", ":1:2: error: expected a value, found 'Infinity' "
	    "(JSON's words are true, false and null; strings take double "
	    "quotes)");
	BAD("[\xc2\xa0""1]", ":1:2: error: expected a value, found U+00A0");
	BAD("[\xe9]", ":1:2: error: expected a value, found byte 0xE9 (not "
	    "UTF-8: save the file as UTF-8)");
	BAD("[\x01]", ":1:2: error: expected a value, found control "
	    "character U+0001");
	BAD("[1, /* x */ 2]", ":1:5: error: expected a value (JSON does not "
	    "allow comments)");
	BAD("[\"a\", \"b\"c]", ":1:10: error: expected ',' or ']' (is a "
	    "string before this missing its closing '\"'?)");

	/* NUL bytes: cJSON would stop there and see a shorter file. */
	{
		struct run	 r;

		load_len(&r, "[1,\0 2]", 7);
		STR_EQ(r.out, "scorecard: t.json:1:4: error: NUL byte in the "
		    "file (is it UTF-16? save it as UTF-8)\n");
		OK(!r.ok);
		done(&r);
		load_len(&r, "[\"a\0b\"]", 7);
		STR_EQ(r.out, "scorecard: t.json:1:4: error: NUL byte in the "
		    "file (is it UTF-16? save it as UTF-8)\n");
		done(&r);
		load_len(&r, "{}\0", 3);
		STR_EQ(r.out, "scorecard: t.json:1:3: error: NUL byte in the "
		    "file (is it UTF-16? save it as UTF-8)\n");
		done(&r);
	}
}

/* Strings, escapes and UTF-8: what cJSON would let through. */
static void
test_strings(void)
{
	struct run	 r;

	BAD("[\"a\\u0000b\"]", ":1:4: error: \\u0000 (NUL) is not allowed in "
	    "a string");
	BAD("[\"\\x\"]", ":1:3: error: invalid escape '\\x' (write a "
	    "backslash as \\\\)");
	BAD("[\"\\uZZZZ\"]", ":1:3: error: invalid escape: \\u must be "
	    "followed by 4 hex digits");
	BAD("[\"\\ud800x\"]", ":1:3: error: invalid escape: unpaired "
	    "surrogate \\uD800");
	BAD("[\"\\udc00\"]", ":1:3: error: invalid escape: unpaired "
	    "surrogate \\uDC00");
	BAD("[\"a\tb\"]", ":1:4: error: tab inside a string (write it as "
	    "\\t)");
	BAD("[\"a\x1b\"]", ":1:4: error: control character U+001B inside "
	    "a string (write it as \\u001B)");
	BAD("[\"a\nb\"]", ":1:4: error: line break inside a string (close "
	    "the string with '\"', or write the break as \\n)");
	BAD("[\"caf\xe9\"]", ":1:6: error: invalid UTF-8 (byte 0xE9): save "
	    "the file as UTF-8");
	BAD("[\"\xe9\", \"\x92\x93\"]", ":1:3: error: invalid UTF-8 (byte "
	    "0xE9): save the file as UTF-8 (3 invalid bytes in all)");
	BAD("[\"\xc0\xaf\"]", ":1:3: error: invalid UTF-8 (byte 0xC0): save "
	    "the file as UTF-8 (2 invalid bytes in all)");
	BAD("[\"\xed\xa0\x80\"]", ":1:3: error: invalid UTF-8 (byte 0xED): "
	    "save the file as UTF-8 (3 invalid bytes in all)");
	BAD("[\"\xf4\x90\x80\x80\"]", ":1:3: error: invalid UTF-8 (byte "
	    "0xF4): save the file as UTF-8 (4 invalid bytes in all)");
	BAD("[\"\xe2\x82\"]", ":1:3: error: invalid UTF-8 (byte 0xE2): save "
	    "the file as UTF-8 (2 invalid bytes in all)");

	/* Several problems in strings are all reported, in order. */
	load(&r, "[\"\\q\",\n \"\\u0000\", \"\t\"]");
	STR_EQ(r.out,
	    "scorecard: t.json:1:3: error: invalid escape '\\q' (write a "
	    "backslash as \\\\)\n"
	    "scorecard: t.json:2:3: error: \\u0000 (NUL) is not allowed in a "
	    "string\n"
	    "scorecard: t.json:2:13: error: tab inside a string (write it as "
	    "\\t)\n");
	done(&r);

	/* Escapes are decoded; columns count characters, not bytes. */
	load(&r, HEAD "\"indicators\": [{\"id\": \"a\", \"title\": "
	    "\"\\u00e9\\ud83d\\ude00\\/\\\"\\\\\\n\\r\\t \xe2\x82\xac\", "
	    "\"unit\": \"count\", \"series\": [{\"period\": \"2022-01\", "
	    "\"value\": 1}]}]}");
	OK(r.ok);
	/* ... and a CR, alone or before LF, is read as LF, as HTML would. */
	STR_EQ(r.m->inds[0].title,
	    "\xc3\xa9\xf0\x9f\x98\x80/\"\\\n\n\t \xe2\x82\xac");
	done(&r);
	/* \b and \f decode, but to characters no report can show. */
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"a\\b\\f\", "
	    "\"unit\": \"count\", \"series\": [{\"period\": \"2022-01\", "
	    "\"value\": 1}]}]}", ":2:37: error: indicators[0] (id \"a\").title: holds the "
	    "character U+0008, which a report cannot show (a control character "
	    "or a noncharacter; \\t, \\n and \\r are fine)");
	BAD("{\"\xc3\xa9\xc3\xa9\": 1, \"k\": x}", ":1:16: error: expected a "
	    "value, found 'x' (JSON's words are true, false and null; strings "
	    "take double quotes)");
}

static void
test_numbers(void)
{
	struct run	 r;

	BAD("[007]", ":1:2: error: invalid number '007': JSON numbers have "
	    "no leading zeros");
	BAD("[-01]", ":1:2: error: invalid number '-01': JSON numbers have "
	    "no leading zeros");
	BAD("[1.]", ":1:2: error: invalid number '1.': a digit must follow "
	    "the '.'");
	BAD("[-.5]", ":1:2: error: invalid number '-.5': write a digit "
	    "before the '.'");
	BAD("[.5]", ":1:2: error: invalid number '.5': write a digit before "
	    "the '.'");
	BAD("[+1]", ":1:2: error: invalid number '+1': JSON numbers have no "
	    "'+' sign");
	BAD("[-]", ":1:2: error: invalid number '-': a digit must follow the "
	    "'-'");
	BAD("[1e]", ":1:2: error: invalid number '1e': a digit must follow "
	    "the exponent");
	BAD("[1e+]", ":1:2: error: invalid number '1e+': a digit must follow "
	    "the exponent");
	BAD("[0x1F]", ":1:2: error: invalid number '0x1F'");
	BAD("[1e309]", ":1:2: error: number '1e309' is out of range");
	BAD("[-1e309]", ":1:2: error: number '-1e309' is out of range");
	BAD("[123456789012345678901234567890e300]", ":1:2: error: number "
	    "'12345678901234567890...' is out of range");

	/* Good numbers, including ones near the edges. */
	load(&r, HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", "
	    "\"unit\": \"number\", \"series\": ["
	    "{\"period\": \"2021\", \"value\": -0, \"numerator\": 0, "
	    "\"denominator\": 9007199254740991},"
	    "{\"period\": \"2022\", \"value\": 1E-400, \"numerator\": 1e2, "
	    "\"denominator\": 1.0},"
	    "{\"period\": \"2023\", \"value\": -1e15}]}]}");
	OK(r.ok);
	STR_EQ(r.out, "");
	if (r.ok) {
		struct point *p = r.m->inds[0].series.pts;

		DBL_NEAR(p[0].value, 0, 0);
		OK(p[0].numerator == 0);
		OK(p[0].denominator == 9007199254740991LL);
		DBL_NEAR(p[1].value, 0, 0);
		OK(p[1].numerator == 100 && p[1].denominator == 1);
		OK(p[2].value == -1e15);
	}
	done(&r);

	/*
	 * A double, but not a figure: beyond 1e15 changes and axes could
	 * overflow (1e308 and -1e308 made an infinite change).
	 */
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", "
	    "\"unit\": \"count\", \"target\": 1.7976931348623157e308, "
	    "\"series\": [{\"period\": \"2021\", \"value\": 1.000001e15}]}]}",
	    ":2:69: error: indicators[0] (id \"a\").target: out of range (a figure must "
	    "be between -1e15 and 1e15)\n"
	    "scorecard: t.json:2:132: error: indicators[0] (id \"a\").series[0].value: "
	    "out of range (a figure must be between -1e15 and 1e15)");
}

/* Duplicate keys: cJSON keeps both and returns the first. */
static void
test_dupkeys(void)
{
	BAD("{\"a\": 1,\n \"a\": 2}", ":2:2: error: duplicate key \"a\" "
	    "(first at line 1)");
	BAD("{\"a\": 1, \"\\u0061\": 2}", ":1:10: error: duplicate key \"a\" "
	    "(first at column 2)");
	BAD("{\"x\": [{}, {\"b\": {\"c\": 1, \"c\": 2}}]}", ":1:27: error: "
	    "x[1].b: duplicate key \"c\" (first at column 19)");
	BAD("{\"x y\": {\"c\": 1, \"c\": 2}}", ":1:18: error: [\"x y\"]: "
	    "duplicate key \"c\" (first at column 10)");
	/* Case matters, as it does for the contract's names. */
	BAD("{\"report\": 1, \"Report\": 2, \"report\": 3}", ":1:28: error: "
	    "duplicate key \"report\" (first at column 2)");
	/* After a first problem no node is made: the keys from there on
	 * are the scanner's own copies, the earlier ones the tree's. */
	BAD("{\"a\": \"\\q\", \"b\": 1,\n \"a\": 2, \"b\": 3}", ":1:8: error: "
	    "invalid escape '\\q' (write a backslash as \\\\)\n"
	    "scorecard: t.json:2:2: error: duplicate key \"a\" (first at "
	    "line 1)\n"
	    "scorecard: t.json:2:10: error: duplicate key \"b\" (first at "
	    "line 1)");
	BAD("{\"a\": 1, \"b\": \"\\q\", \"a\": 2, \"b\": [{\"b\": 1, \"b\": 2}]}",
	    ":1:16: error: invalid escape '\\q' (write a backslash as \\\\)\n"
	    "scorecard: t.json:1:21: error: duplicate key \"a\" (first at "
	    "column 2)\n"
	    "scorecard: t.json:1:29: error: duplicate key \"b\" (first at "
	    "column 10)\n"
	    "scorecard: t.json:1:44: error: b[0]: duplicate key \"b\" (first "
	    "at column 36)");
}

/* The contract: messages with path and place. */
static void
test_contract(void)
{
	struct run	 r;

	BAD("[]", ":1:1: error: expected an object with \"report\" and "
	    "\"indicators\" at the top level");
	BAD(HEAD "\"indicators\": [\n" IND("a") ",\n"
	    "{\"id\": \"b\", \"title\": \"B\", \"unit\": \"count\", "
	    "\"series\": [{\"period\": \"2022-01\", \"value\": \"1\"}]}]}",
	    ":4:86: error: indicators[1] (id \"b\").series[0].value: expected a number "
	    "or null; found \"1\": write the number without quotes");
	BAD(HEAD "\"indicators\": [{\"title\": \"A\", \"unit\": \"count\", "
	    "\"series\": [{\"period\": \"2022-01\", \"value\": 1}]}]}",
	    ":2:16: error: indicators[0]: missing required field \"id\"");
	BAD(HEAD "\"indicators\": [" IND("a") ", " IND("b") ", " IND("a")
	    "]}", ":2:205: error: indicators[2] (id \"a\").id: duplicate id \"a\", "
	    "first used by indicators[0] at line 2");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"series\": [{\"period\": \"2022-01\", \"value\": 1}, "
	    "{\"period\": \"2021-12\", \"value\": 1}, "
	    "{\"period\": \"2022-01\", "
	    "\"value\": 1}]}]}", ":2:151: error: indicators[0] (id \"a\").series[2]."
	    "period: duplicate period \"2022-01\" (also series[0], line 2)");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"series\": [{\"period\": \"2022-01\", \"value\": 1}], "
	    "\"comparators\": {\"xx\": [{\"period\": \"2022-01\", \"value\": "
	    "1}]}}]}", ":2:122: error: indicators[0] (id \"a\").comparators.xx: "
	    "comparator \"xx\" is not declared in the top-level comparators");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"better\": \"higher\", \"target\": {\"value\": 90, "
	    "\"amber\": 95}, \"series\": [{\"period\": \"2022-01\", \"value\": "
	    "1}]}]}", ":2:112: error: indicators[0] (id \"a\").target.amber: 95 is above "
	    "the target value 90; with better \"higher\" amber must not be "
	    "above it");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"better\": \"lower\", \"target\": {\"value\": 450, "
	    "\"amber\": 400}, \"series\": [{\"period\": \"2022-01\", "
	    "\"value\": "
	    "1}]}]}", ":2:112: error: indicators[0] (id \"a\").target.amber: 400 is below "
	    "the target value 450; with better \"lower\" amber must not be "
	    "below it");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"Count\", \"series\": [{\"period\": \"2022-01\", "
	    "\"value\": 1}]}]}",
	    ":2:50: error: indicators[0] (id \"a\").unit: expected one of count, percent, "
	    "rate10k, days, weeks, number; found \"Count\": write \"count\" (lower case)");
	BAD(HEAD "\"indicators\": []}", ":2:15: error: indicators: expected "
	    "at least one indicator");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"series\": []}]}",
	    ":2:69: error: indicators[0] (id \"a\").series: "
	    "expected at least one point");
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"series\": [{\"period\": \"2022-01\", \"value\": 1, "
	    "\"provisional\": 1}]}]}", ":2:119: error: indicators[0] (id \"a\").series[0]"
	    ".provisional: expected true or false; found 1: write true or false");

	/* Every problem is reported, in file order; the model is empty. */
	load(&r, "{\"indicators\": [{\"id\": \"A\", \"unit\": \"count\",\n"
	    "\"series\": [{\"period\": \"2022-13\", \"value\": 1}]}],\n"
	    "\"comparators\": {\"sn\": \"SN\"},\n"
	    "\"report\": {\"title\": \"T\", \"organisation\": \"O\", "
	    "\"period\": \"2022-01\"}}");
	OK(!r.ok);
	INT_EQ(r.nerr, 3);
	STR_EQ(r.out,
	    "scorecard: t.json:1:17: error: indicators[0]: missing required "
	    "field \"title\"\n"
	    "scorecard: t.json:1:24: error: indicators[0].id: \"A\" is not a "
	    "valid id (use a-z, 0-9 and '-', not starting with '-', at most "
	    "64 characters)\n"
	    "scorecard: t.json:2:23: error: indicators[0].series[0].period: "
	    "\"2022-13\" is not a period (use YYYY-MM-DD, YYYY-MM, YYYY/YY Qn, "
	    "YYYY/YY or YYYY)\n");
	INT_EQ(r.m->ninds, 0);
	INT_EQ(r.m->ncomps, 0);
	OK(r.m->inds == NULL && r.m->comps == NULL);
	OK(r.m->report.title == NULL && r.m->report.pstr == NULL);
	done(&r);

	/* A long value is cut in messages. */
	BAD(HEAD "\"indicators\": [{\"id\": \"a\", \"title\": \"A\", \"unit\": "
	    "\"count\", \"series\": [{\"period\": \"" "\xc3\xa9"
	    "123456789012345678901234567890123456789\", \"value\": 1}]}]}",
	    ":2:81: error: indicators[0] (id \"a\").series[0].period: \"\xc3\xa9"
	    "12345678901234567890123456789012345678...\" is not a period (use "
	    "YYYY-MM-DD, YYYY-MM, YYYY/YY Qn, YYYY/YY or YYYY)");
}

/* Steps *y-*m-*d back one day. */
static void
day_before(int *y, int *m, int *d)
{
	static const int	 mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (--*d > 0)
		return;
	if (--*m == 0) {
		*m = 12;
		--*y;
	}
	*d = mdays[*m - 1];
	if (*m == 2 && *y % 4 == 0 && (*y % 100 != 0 || *y % 400 == 0))
		*d = 29;
}

/*
 * Builds a document with n indicators of npts points each, one a day,
 * latest first (so that sorting has work to do).
 */
static void
gen(struct buf *b, size_t n, size_t npts)
{
	size_t	 i, j;
	int	 y, m, d;

	buf_reset(b);
	buf_puts(b, HEAD "\"indicators\": [\n");
	for (i = 0; i < n; i++) {
		buf_printf(b, "%s{\"id\": \"i%zu\", \"title\": \"T\", "
		    "\"unit\": \"count\", \"series\": [", i ? "," : "", i);
		y = 2199;
		m = 12;
		d = 31;
		for (j = 0; j < npts; j++) {
			buf_printf(b, "%s{\"period\": \"%04d-%02d-%02d\", "
			    "\"value\": %zu}", j ? "," : "", y, m, d, j);
			day_before(&y, &m, &d);
		}
		buf_puts(b, "]}\n");
	}
	buf_puts(b, "]}");
}

static void
test_limits(void)
{
	struct run	 r;
	struct buf	 b;
	size_t		 i;

	buf_init(&b);

	/* Depth: 64 levels pass, 65 do not. */
	for (i = 0; i < 64; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 64; i++)
		buf_putc(&b, ']');
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:1:1: error: expected an object with "
	    "\"report\" and \"indicators\" at the top level\n");
	done(&r);
	buf_reset(&b);
	for (i = 0; i < 65; i++)
		buf_putc(&b, '[');
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:1:65: error: nesting too deep (the "
	    "limit is 64 levels)\n");
	done(&r);

	/* String length, as written. */
	buf_reset(&b);
	buf_puts(&b, "[\"");
	for (i = 0; i < JSON_MAX_STRING; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\"]");
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:1:1: error: expected an object with "
	    "\"report\" and \"indicators\" at the top level\n");
	done(&r);
	b.data[b.len - 2] = 'x';
	buf_puts(&b, "\"]");
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:1:2: error: string too long (the "
	    "limit is 100000 bytes)\n");
	done(&r);

	/* Ids. */
	buf_reset(&b);
	buf_puts(&b, HEAD "\"indicators\": [{\"id\": \"");
	for (i = 0; i < JSON_MAX_ID; i++)
		buf_putc(&b, 'a');
	buf_puts(&b, "\", \"title\": \"A\", \"unit\": \"count\", \"series\": "
	    "[{\"period\": \"2022-01\", \"value\": 1}]}]}");
	load(&r, b.data);
	OK(r.ok);
	done(&r);
	buf_reset(&b);
	buf_puts(&b, HEAD "\"indicators\": [{\"id\": \"");
	for (i = 0; i < JSON_MAX_ID + 1; i++)
		buf_putc(&b, 'a');
	buf_puts(&b, "\", \"title\": \"A\", \"unit\": \"count\", \"series\": "
	    "[{\"period\": \"2022-01\", \"value\": 1}]}]}");
	load(&r, b.data);
	OK(!r.ok);
	INT_EQ(r.nerr, 1);
	done(&r);

	/* Points per series: the limit passes (sorted), one more fails. */
	gen(&b, 1, JSON_MAX_POINTS);
	load(&r, b.data);
	OK(r.ok);
	if (r.ok) {
		struct series *s = &r.m->inds[0].series;

		INT_EQ(s->npts, JSON_MAX_POINTS);
		STR_EQ(s->pts[s->npts - 1].pstr, "2199-12-31");
		DBL_NEAR(s->pts[0].value, JSON_MAX_POINTS - 1, 0);
		for (i = 1; i < s->npts; i++)
			if (period_cmp(&s->pts[i - 1].period,
			    &s->pts[i].period) >= 0)
				break;
		INT_EQ(i, JSON_MAX_POINTS);
	}
	done(&r);
	gen(&b, 1, JSON_MAX_POINTS + 1);
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:3:55: error: indicators[0] (id \"i0\").series: "
	    "too many points (the limit is 100000)\n");
	done(&r);

	/* Indicators per file. */
	gen(&b, JSON_MAX_INDICATORS, 1);
	load(&r, b.data);
	OK(r.ok);
	INT_EQ(r.m->ninds, JSON_MAX_INDICATORS);
	done(&r);
	gen(&b, JSON_MAX_INDICATORS + 1, 1);
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:2:15: error: indicators: too many "
	    "indicators (the limit is 1000)\n");
	done(&r);

	/* Comparators declared. */
	buf_reset(&b);
	buf_puts(&b, HEAD "\"comparators\": {");
	for (i = 0; i <= JSON_MAX_COMPARATORS; i++)
		buf_printf(&b, "%s\"c%zu\": \"C\"", i ? ", " : "", i);
	buf_puts(&b, "}, \"indicators\": [" IND("a") "]}");
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:2:16: error: comparators: too many "
	    "comparators (the limit is 100)\n");
	done(&r);

	/* Values in the file. */
	buf_reset(&b);
	buf_putc(&b, '[');
	for (i = 0; i < JSON_MAX_VALUES; i++)
		buf_puts(&b, "0,");
	buf_puts(&b, "0]");
	load(&r, b.data);
	STR_EQ(r.out, "scorecard: t.json:1:4000000: error: too many values "
	    "(the limit is 2000000)\n");
	done(&r);

	/* File size: checked before anything is read. */
	load_len(&r, b.data, (size_t)JSON_MAX_BYTES + 1);
	STR_EQ(r.out, "scorecard: t.json: error: file too large (the limit "
	    "is 64 MiB)\n");
	done(&r);

	buf_release(&b);
}

/* Text that is not NUL-terminated (ASan checks the reads). */
static void
test_unterminated(void)
{
	static const char	 doc[] =
	    HEAD "\"indicators\": [" IND("a") "]}";
	struct run		 r;
	char			*p;
	size_t			 len = sizeof(doc) - 1;

	p = malloc(len);
	memcpy(p, doc, len);
	load_len(&r, p, len);
	OK(r.ok);
	done(&r);
	load_len(&r, p, len - 1);	/* cut inside the last '}' */
	STR_EQ(r.out, "scorecard: t.json:2:106: error: unexpected end of "
	    "file, expected ',' or '}'\n");
	done(&r);
	free(p);
}

static void
test_bom(void)
{
	struct run	 r;

	load(&r, "\xef\xbb\xbf" HEAD "\"indicators\": [" IND("a") "]}");
	OK(r.ok);
	STR_EQ(r.out, "");
	done(&r);
	BAD("\xef\xbb\xbf{\n\"a\" 1}", ":2:5: error: expected ':' after the "
	    "key");
	BAD("\xfe\xff\x00{", ":1:1: error: file is UTF-16 (big-endian); save "
	    "it as UTF-8");
}

static void
test_file(void)
{
	struct diag	 d;
	struct model	*m;
	char		*out = NULL, path[] = "/tmp/test_json.XXXXXX";
	size_t		 n;
	FILE		*f, *mem;
	int		 fd;

	mem = open_memstream(&out, &n);
	diag_init(&d, mem, "scorecard");
	m = model_new();
	OK(!json_load(m, "/nonexistent/x.json", &d));
	fflush(mem);
	STR_EQ(out, "scorecard: /nonexistent/x.json: error: cannot open: "
	    "No such file or directory\n");

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	fputs(HEAD "\"indicators\": [" IND("from-file") "]}", f);
	fclose(f);
	OK(json_load(m, path, &d));
	INT_EQ(m->ninds, 1);
	if (m->ninds == 1)
		STR_EQ(m->inds[0].id, "from-file");
	remove(path);
	fclose(mem);
	free(out);
	model_free(m);
}

/*
 * A model a load failed to fill is empty again (model_clear()), and
 * takes the next load.
 */
static void
test_reuse(void)
{
	struct diag	 d;
	struct model	*m;
	const char	*good = HEAD "\"comparators\": {\"sn\": \"SN\"},\n"
			    "\"indicators\": [" IND("a") "]}";
	char		*bad, *out = NULL;
	size_t		 n;
	FILE		*mem;

	mem = open_memstream(&out, &n);
	diag_init(&d, mem, "scorecard");
	m = model_new();
	/* Everything but the last indicator is read before it fails. */
	bad = malloc(strlen(good) + 64);
	snprintf(bad, strlen(good) + 64, HEAD "\"comparators\": "
	    "{\"sn\": \"SN\"},\n\"indicators\": [" IND("a") ", 7]}");
	OK(!json_load_mem(m, "t.json", bad, strlen(bad), &d));
	OK(m->report.title == NULL);
	OK(m->comps == NULL);
	INT_EQ(m->ncomps, 0);
	OK(m->inds == NULL);
	INT_EQ(m->ninds, 0);
	OK(json_load_mem(m, "t.json", good, strlen(good), &d));
	INT_EQ(m->ninds, 1);
	INT_EQ(m->ncomps, 1);
	if (m->report.title != NULL)
		STR_EQ(m->report.title, "T");
	else
		OK(m->report.title != NULL);
	free(bad);
	fclose(mem);
	free(out);
	model_free(m);
}

/*
 * Places deep in a large tree: an error at the 1,501st of 2,000 points
 * and a duplicate period naming the line of its first use (the places
 * of two nodes far apart).
 */
static void
test_places_late(void)
{
	struct run	 r;
	struct buf	 b, want;
	size_t		 i;
	int		 col;

	buf_init(&b);
	buf_init(&want);
	buf_puts(&b, HEAD "\"indicators\": [{\"id\": \"a\", \"title\": "
	    "\"A\", \"unit\": \"count\", \"series\": [\n");
	for (i = 0; i < 2000; i++) {
		if (i == 1500)
			buf_puts(&b, "  {\"period\": \"2099-12\", "
			    "\"value\": \"x\"},\n");
		else if (i == 1999)
			buf_printf(&b, "{\"period\": \"%04zu-%02zu\", "
			    "\"value\": 1}\n", (size_t)1900, (size_t)6);
		else
			buf_printf(&b, "{\"period\": \"%04zu-%02zu\", "
			    "\"value\": 1},\n", 1900 + i / 12, i % 12 + 1);
	}
	buf_puts(&b, "]}]}");
	load(&r, b.data);
	col = (int)strlen("  {\"period\": \"2099-12\", \"value\": ") + 1;
	buf_printf(&want, "scorecard: t.json:%d:%d: error: indicators[0] "
	    "(id \"a\").series[1500].value: expected a number or null; "
	    "found \"x\": write null for a missing value\n", 3 + 1500, col);
	buf_printf(&want, "scorecard: t.json:%d:12: error: indicators[0] "
	    "(id \"a\").series[1999].period: duplicate period \"1900-06\" "
	    "(also series[5], line %d)\n", 3 + 1999, 3 + 5);
	STR_EQ(r.out, want.data);
	OK(!r.ok);
	done(&r);
	buf_release(&b);
	buf_release(&want);
}

int
main(void)
{
	test_good();
	test_sort();
	test_warnings();
	test_syntax();
	test_strings();
	test_numbers();
	test_dupkeys();
	test_contract();
	test_limits();
	test_unterminated();
	test_bom();
	test_file();
	test_reuse();
	test_places_late();
	return harness_done();
}
