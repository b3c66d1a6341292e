/*
 * test_cssmin: what goes from a stylesheet and what must stay: white
 * space that separates, strings, escapes, url(), notices, and the
 * tokens a dropped comment would join.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cssmin.h"

#include "../harness.h"

static char	 got[4096];

/* cssmin of s, appended to a buffer that already holds "x". */
static const char *
min(const char *s)
{
	struct buf	 b;

	buf_init(&b);
	buf_puts(&b, "x");
	cssmin(s, strlen(s), &b);
	snprintf(got, sizeof(got), "%s", b.data + 1);
	OK(b.data[0] == 'x' && strlen(b.data) == b.len);
	buf_release(&b);
	return got;
}

static void
test_space(void)
{
	STR_EQ(min(""), "");
	STR_EQ(min("  \n\t "), "");
	STR_EQ(min("a { color: red; }\n"), "a{color: red}");
	STR_EQ(min("h1 ,\n h2  {\n  margin : 0  auto ;\n  padding: 0;\n}\n"),
	    "h1,h2{margin : 0 auto;padding: 0}");
	/* Separating white space stays, one space. */
	STR_EQ(min(".a  .b\t\n>  p { }"), ".a .b > p{}");
	STR_EQ(min("a :hover{}"), "a :hover{}");
	STR_EQ(min("x{margin:calc(100% - 2rem)}"), "x{margin:calc(100% - 2rem)}");
	STR_EQ(min("@media print {\n  a { b: c; }\n}\n@page :first { x: y }"),
	    "@media print{a{b: c}}@page :first{x: y}");
	/* Only the last ';' of a block goes. */
	STR_EQ(min("a{b:c;;d:e;}f;"), "a{b:c;;d:e}f;");
	STR_EQ(min("a{b:c ; }"), "a{b:c}");
}

static void
test_comments(void)
{
	STR_EQ(min("/* head */\na { b: c } /* tail */"), "a{b: c}");
	STR_EQ(min("a{b:c/* x */;d:e}"), "a{b:c;d:e}");
	/* Between two tokens that would join, an empty comment. */
	STR_EQ(min("a/**/b{}"), "a/**/b{}");
	STR_EQ(min("x{margin:1px/* */2px}"), "x{margin:1px/**/2px}");
	STR_EQ(min("a /* x */ b{}"), "a b{}");
	STR_EQ(min("a:/* x */hover{}"), "a:hover{}");
	/* Notices stay whole. */
	STR_EQ(min("/*! (c) Council  2022 */\na{}"),
	    "/*! (c) Council  2022 */ a{}");
	/* Unclosed: a comment to the end. */
	STR_EQ(min("a{} /* open"), "a{}");
	STR_EQ(min("a{}/*/ b{}"), "a{}");
	/* "]]" and ">" joined by a dropped comment: the sheet as it is. */
	STR_EQ(min("a[x=\"]\"]]/* */> b {}"), "a[x=\"]\"]]/* */> b {}");
}

static void
test_kept(void)
{
	/* Strings as they are, whatever they hold. */
	STR_EQ(min("a::after { content: \"  /* not */  ;} \" }"),
	    "a::after{content: \"  /* not */  ;} \"}");
	STR_EQ(min("a{content:'it\\'s  ; ok'}"), "a{content:'it\\'s  ; ok'}");
	STR_EQ(min("a{content:\"a\\\nb  c\"}"), "a{content:\"a\\\nb  c\"}");
	STR_EQ(min("a{content:\"\\a0\" ; }"), "a{content:\"\\a0\"}");
	/* A bad string ends at the line break, which is white space. */
	STR_EQ(min("a{content:\"x\n  y}"), "a{content:\"x y}");
	/* The white space that ends a hex escape belongs to it. */
	STR_EQ(min(".\\31  a{}"), ".\\31  a{}");
	STR_EQ(min(".\\31\r\n\r\na{}"), ".\\31\r\n a{}");
	STR_EQ(min(".a\\ b{}"), ".a\\ b{}");
	STR_EQ(min(".a\\;{x:y;}"), ".a\\;{x:y}");
	/* Unquoted url() as it is; quoted ones are strings. */
	STR_EQ(min("a{background:url(a/*b*/c;d.png) ; }"),
	    "a{background:url(a/*b*/c;d.png)}");
	STR_EQ(min("a{background:URL( x.png )}"), "a{background:URL( x.png )}");
	STR_EQ(min("a{b:url( \"x .png\" ) ; }"), "a{b:url( \"x .png\" )}");
	STR_EQ(min("a{b:myurl(a /* c */ b)}"), "a{b:myurl(a b)}");
}

int
main(void)
{
	test_space();
	test_comments();
	test_kept();
	return harness_done();
}
