/*
 * Unit tests for tmpl: every instruction, each nested in each, scope
 * lookup, escaping, the serialiser's HTML rules, namespaces, hostile
 * templates (entities, DTDs, XInclude, escapes from the template
 * folder, depth) and the golden cases in tests/tmpl/<case>/.
 *
 * Usage: test_tmpl [--regen] [DIR]	DIR defaults to tests/tmpl
 *
 * Template files are written to a mkdtemp() folder, which is the
 * working directory while the tests run (so messages name "t.xhtml"),
 * and removed at the end.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../harness.h"
#include "buf.h"
#include "diag.h"
#include "tmpl.h"
#include "../tnodecmp.h"

#define	XHTML	"http://www.w3.org/1999/xhtml"
#define	SVG	"http://www.w3.org/2000/svg"
#define	XLINK	"http://www.w3.org/1999/xlink"

/* A template whose body is b, on one line, and what it renders to. */
#define	T(b)	"<html xmlns=\"" XHTML "\"><body>" b "</body></html>"
#define	E(b)	"<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"><body>" b \
		"</body></html>\n"

static char	 tmpdir[] = "/tmp/test_tmpl.XXXXXX";
static int	 topfd = -1;		/* where we started */
static char	*made[64];		/* files and folders to remove */
static size_t	 nmade;
static char	*g_out;			/* last run's output, or NULL */
static char	*g_err;			/* last run's messages */

static void
remember(const char *name)
{
	size_t	 i;

	for (i = 0; i < nmade; i++)
		if (strcmp(made[i], name) == 0)
			return;
	if (nmade == sizeof(made) / sizeof(made[0])) {
		fprintf(stderr, "test_tmpl: too many temporary files\n");
		exit(1);
	}
	made[nmade++] = strdup(name);
}

static void
write_len(const char *name, const char *text, size_t len)
{
	FILE	*f;

	remember(name);
	if ((f = fopen(name, "wb")) == NULL ||
	    fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(name);
		exit(1);
	}
}

static void
write_file(const char *name, const char *text)
{
	write_len(name, text, strlen(text));
}

static void
make_dir(const char *name)
{
	if (mkdir(name, 0700) == -1 && errno != EEXIST) {
		perror(name);
		exit(1);
	}
	remember(name);
}

static void
make_link(const char *target, const char *name)
{
	unlink(name);
	if (symlink(target, name) == -1) {
		perror(name);
		exit(1);
	}
	remember(name);
}

static void
cleanup(void)
{
	struct stat	 st;

	while (nmade > 0) {
		nmade--;
		if (lstat(made[nmade], &st) == 0 && S_ISDIR(st.st_mode))
			rmdir(made[nmade]);
		else
			unlink(made[nmade]);
		free(made[nmade]);
	}
	if (fchdir(topfd) == -1)
		perror("fchdir");
	if (rmdir(tmpdir) == -1)
		perror(tmpdir);
	close(topfd);
	free(g_out);
	free(g_err);
}

/*
 * Loads the template file path and renders it against c, leaving the
 * output (or NULL) in g_out and the messages in g_err.  Returns
 * whether it rendered.
 */
static bool
run_file(const char *path, const struct tctx *c, const char *assets)
{
	struct diag	 d;
	struct buf	 b;
	struct tmpl	*t;
	FILE		*ef;
	size_t		 elen;
	bool		 ok = false;

	free(g_out);
	free(g_err);
	g_out = g_err = NULL;
	if ((ef = open_memstream(&g_err, &elen)) == NULL) {
		perror("open_memstream");
		exit(1);
	}
	diag_init(&d, ef, "scorecard");
	buf_init(&b);
	if ((t = tmpl_load(path, assets, &d)) != NULL)
		ok = tmpl_render(t, c, &b, &d);
	if (ok) {
		/*
		 * The tree the PDF typesetter is handed is the output as
		 * it reads back: tmpl_render_tree() against tmpl_tree().
		 */
		struct buf	 b2;
		struct tnode	*direct = NULL, *parsed;

		buf_init(&b2);
		OK(tmpl_render_tree(t, c, &b2, &direct, &d));
		OK(b2.len == b.len && memcmp(b2.data, b.data, b.len) == 0);
		parsed = tmpl_tree(b.data, b.len, &d);
		OK(parsed != NULL && direct != NULL);
		OK(tnode_same(direct, parsed));
		tnode_free(direct);
		tnode_free(parsed);
		buf_release(&b2);
	}
	tmpl_free(t);
	fclose(ef);
	if (ok)
		g_out = buf_detach(&b, NULL);
	buf_release(&b);
	/* A failure is always reported, a success never with an error. */
	OK(ok == (d.nerr == 0));
	return ok;
}

static bool
run(const char *src, const struct tctx *c)
{
	write_file("t.xhtml", src);
	return run_file("t.xhtml", c, NULL);
}

/* Renders src and expects exactly want with no messages. */
#define	RENDERS(src, c, want) do {					\
	OK(run((src), (c)));						\
	STR_EQ(g_out, (want));						\
	STR_EQ(g_err, "");						\
} while (0)

/* Fails to render src with exactly the message msg. */
#define	FAILS(src, c, msg) do {						\
	OK(!run((src), (c)));						\
	OK(g_out == NULL);						\
	STR_EQ(g_err, (msg));						\
} while (0)

static bool
contains(const char *hay, const char *needle)
{
	return hay != NULL && strstr(hay, needle) != NULL;
}

/* ---------------------------------------------------------------- */

static void
test_text(void)
{
	struct tctx	*c = tctx_new();

	tctx_text(c, "t", "a & b < c > d \"e\" 'f' <script>alert(1)</script>");
	tctx_text(c, "u", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\x88 &amp;");
	tctx_text(c, "empty", "");
	RENDERS(T("<p data-sc-text=\"t\">placeholder <b>x</b></p>"), c,
	    E("<p>a &amp; b &lt; c &gt; d \"e\" 'f' "
	    "&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
	RENDERS(T("<p data-sc-text=\"u\">x</p>"), c,
	    E("<p>caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\x88 &amp;amp;</p>"));
	RENDERS(T("<p data-sc-text=\"empty\">x</p>"), c, E("<p></p>"));

	/* Later sets replace; tctx_text copies. */
	tctx_text(c, "t", "second");
	RENDERS(T("<p data-sc-text=\"t\"/>"), c, E("<p>second</p>"));

	/* Carriage returns survive a round trip through an XML parser. */
	tctx_text(c, "t", "a\r\nb\tc");
	RENDERS(T("<p data-sc-text=\"t\"/>"), c, E("<p>a&#13;\nb\tc</p>"));
	tctx_free(c);
}

static void
test_text_errors(void)
{
	struct tctx	*c = tctx_new();

	tctx_bool(c, "b", true);
	tctx_markup(c, "m", "<b>x</b>");
	tctx_list(c, "l");
	tctx_text(c, "bad", "a\xff");
	tctx_text(c, "ctl", "bell\x07");
	tctx_text(c, "c1", "x\xc2\x85");
	tctx_text(c, "ovl", "\xc0\xaf");
	tctx_text(c, "sur", "\xed\xa0\x80");
	tctx_text(c, "ffff", "\xef\xbf\xbf");

	FAILS("<html xmlns=\"" XHTML "\">\n<body>\n"
	    "<p data-sc-text=\"name\">x</p>\n</body></html>\n", c,
	    "scorecard: t.xhtml:3:1: error: data-sc-text: \"name\" is not "
	    "set\n");
	FAILS(T("<p data-sc-text=\"b\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"b\" is a bool, "
	    "not text\n");
	FAILS(T("<p data-sc-text=\"m\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"m\" is markup, "
	    "not text\n");
	FAILS(T("<p data-sc-text=\"l\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"l\" is a list, "
	    "not text\n");
	FAILS(T("<p data-sc-text=\"bad\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"bad\" is not "
	    "valid UTF-8\n");
	FAILS(T("<p data-sc-text=\"ovl\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"ovl\" is not "
	    "valid UTF-8\n");
	FAILS(T("<p data-sc-text=\"sur\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"sur\" is not "
	    "valid UTF-8\n");
	FAILS(T("<p data-sc-text=\"ctl\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"ctl\" holds the "
	    "character U+0007, which HTML does not allow\n");
	FAILS(T("<p data-sc-text=\"c1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"c1\" holds the "
	    "character U+0085, which HTML does not allow\n");
	FAILS(T("<p data-sc-text=\"ffff\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"ffff\" holds the "
	    "character U+FFFF, which HTML does not allow\n");

	/* Checked at load time. */
	FAILS(T("<p data-sc-text=\"a b\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"a b\" is not a "
	    "valid name\n");
	FAILS(T("<p data-sc-text=\"\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text: \"\" is not a "
	    "valid name\n");
	FAILS(T("<br data-sc-text=\"b\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text cannot fill <br>\n");
	FAILS(T("<script data-sc-text=\"b\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text cannot fill "
	    "<script>\n");
	FAILS(T("<p data-sc-text=\"a\" data-sc-markup=\"m\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-text and data-sc-markup "
	    "cannot be used on one element\n");
	tctx_free(c);
}

static void
test_scopes(void)
{
	struct tctx	*c = tctx_new(), *a, *b;

	tctx_text(c, "x", "root-x");
	tctx_text(c, "y", "root-y");
	a = tctx_add(c, "outer");
	tctx_text(a, "x", "outer-x");
	b = tctx_add(a, "inner");
	tctx_text(b, "z", "inner-z");
	b = tctx_add(a, "inner");
	tctx_text(b, "x", "inner-x");
	tctx_text(b, "z", "inner-z2");

	/* Inner first, then the scope it was added under, then the root. */
	RENDERS(T("<div data-sc-each=\"outer\"><i data-sc-each=\"inner\">"
	    "<b data-sc-text=\"x\"/><b data-sc-text=\"y\"/>"
	    "<b data-sc-text=\"z\"/></i></div>"), c,
	    E("<div><i><b>outer-x</b><b>root-y</b><b>inner-z</b></i>"
	    "<i><b>inner-x</b><b>root-y</b><b>inner-z2</b></i></div>"));
	/* A name of an inner scope is not visible outside it. */
	FAILS(T("<div data-sc-each=\"outer\"><b data-sc-text=\"z\"/></div>"),
	    c, "scorecard: t.xhtml:1:76: error: data-sc-text: \"z\" is not "
	    "set\n");

	/* tctx_list() keeps an existing list; a text set replaces it. */
	tctx_list(c, "outer");
	RENDERS(T("<p data-sc-each=\"outer\">o</p>"), c, E("<p>o</p>"));
	tctx_text(c, "outer", "now text");
	RENDERS(T("<p data-sc-text=\"outer\"/>"), c, E("<p>now text</p>"));
	/* tctx_add() on a text starts a fresh list. */
	tctx_add(c, "outer");
	tctx_add(c, "outer");
	RENDERS(T("<p data-sc-each=\"outer\">o</p>"), c,
	    E("<p>o</p><p>o</p>"));
	tctx_free(c);
	tctx_free(NULL);
}

static void
test_each(void)
{
	struct tctx	*c = tctx_new(), *i, *j;
	int		 k;
	char		 s[16];

	for (k = 1; k <= 3; k++) {
		i = tctx_add(c, "rows");
		snprintf(s, sizeof(s), "r%d", k);
		tctx_text(i, "name", s);
		tctx_bool(i, "odd", k % 2 == 1);
		for (int m = 0; m < k; m++) {
			j = tctx_add(i, "cells");
			snprintf(s, sizeof(s), "%d.%d", k, m);
			tctx_text(j, "v", s);
		}
	}
	tctx_list(c, "none");
	tctx_text(c, "txt", "t");

	RENDERS(T("<ul><li data-sc-each=\"rows\" data-sc-text=\"name\">x"
	    "</li></ul>"), c,
	    E("<ul><li>r1</li><li>r2</li><li>r3</li></ul>"));
	/* The copies lose data-sc-each; other attributes stay. */
	RENDERS(T("<p data-sc-each=\"rows\" class=\"k\">-</p>"), c,
	    E("<p class=\"k\">-</p><p class=\"k\">-</p>"
	    "<p class=\"k\">-</p>"));
	/* Nested lists. */
	RENDERS(T("<table><tbody><tr data-sc-each=\"rows\"><th data-sc-text="
	    "\"name\"/><td data-sc-each=\"cells\" data-sc-text=\"v\"/></tr>"
	    "</tbody></table>"),
	    c, E("<table><tbody><tr><th>r1</th><td>1.0</td></tr>"
	    "<tr><th>r2</th><td>2.0</td><td>2.1</td></tr>"
	    "<tr><th>r3</th><td>3.0</td><td>3.1</td><td>3.2</td></tr>"
	    "</tbody></table>"));
	/* An empty list removes the element. */
	RENDERS(T("<ul><li data-sc-each=\"none\">x</li></ul>"), c,
	    E("<ul></ul>"));
	/* data-sc-if on the same element is tested per item. */
	RENDERS(T("<i data-sc-each=\"rows\" data-sc-if=\"odd\" "
	    "data-sc-text=\"name\"/>"), c, E("<i>r1</i><i>r3</i>"));
	RENDERS(T("<i data-sc-each=\"rows\" data-sc-unless=\"odd\" "
	    "data-sc-text=\"name\"/>"), c, E("<i>r2</i>"));

	FAILS(T("<p data-sc-each=\"nope\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-each: \"nope\" is not "
	    "set\n");
	FAILS(T("<p data-sc-each=\"txt\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-each: \"txt\" is text, "
	    "not a list\n");
	/* An error inside an item is reported once, at its line. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n<p data-sc-each=\"rows\">\n"
	    "<b data-sc-text=\"missing\"/></p></body></html>", c,
	    "scorecard: t.xhtml:3:1: error: data-sc-text: \"missing\" is not "
	    "set\n");
	tctx_free(c);
}

static void
test_if(void)
{
	struct tctx	*c = tctx_new();
	static const struct {
		const char	*name;
		bool		 truth;
	} cases[] = {
		{ "unset", false }, { "t", true }, { "f", false },
		{ "text", true }, { "empty", false }, { "list", true },
		{ "nolist", false }, { "markup", true },
	};
	size_t	 i;
	char	 src[256], want[256];

	tctx_bool(c, "t", true);
	tctx_bool(c, "f", false);
	tctx_text(c, "text", "x");
	tctx_text(c, "empty", "");
	tctx_add(c, "list");
	tctx_list(c, "nolist");
	tctx_markup(c, "markup", "<b/>");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(src, sizeof(src), T("<p data-sc-if=\"%s\">y</p>"
		    "<p data-sc-unless=\"%s\">n</p>"), cases[i].name,
		    cases[i].name);
		snprintf(want, sizeof(want), E("%s"),
		    cases[i].truth ? "<p>y</p>" : "<p>n</p>");
		RENDERS(src, c, want);
	}
	/* Both on one element: both must pass. */
	RENDERS(T("<p data-sc-if=\"t\" data-sc-unless=\"f\">a</p>"
	    "<p data-sc-if=\"t\" data-sc-unless=\"t\">b</p>"), c,
	    E("<p>a</p>"));
	/* A removed element's instructions are not carried out. */
	RENDERS(T("<p data-sc-if=\"f\" data-sc-text=\"unset\">a</p>"), c,
	    E(""));
	tctx_free(c);
}

#define	URLONLY	"takes only a relative URL, a fragment or an http, https, " \
		"mailto or cid URL\n"

static void
test_attr(void)
{
	struct tctx	*c = tctx_new();

	tctx_text(c, "href", "https://example.org/?a=1&b=\"2\"<>");
	tctx_text(c, "cls", "k1 k2");
	tctx_text(c, "js", "  JaVa\tScRiPt:alert(1)");
	tctx_text(c, "vb", "vbscript:x");
	tctx_text(c, "frag", "#chart-1");
	tctx_text(c, "lang", "en-GB");
	tctx_text(c, "nl", "a\nb\tc");
	tctx_bool(c, "b", true);

	RENDERS(T("<a href=\"old\" data-sc-attr=\"href:href; class:cls;\">"
	    "x</a>"), c,
	    E("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;"
	    "&lt;&gt;\" class=\"k1 k2\">x</a>"));
	/* An unset name removes the attribute. */
	RENDERS(T("<a href=\"old\" title=\"t\" data-sc-attr=\"href: unset ;"
	    "title:unset\">x</a>"), c, E("<a>x</a>"));
	/* Template attributes are escaped too. */
	RENDERS(T("<p title=\"&quot;&amp;&lt;&gt;&#10;\">x</p>"), c,
	    E("<p title=\"&quot;&amp;&lt;&gt;&#10;\">x</p>"));
	RENDERS(T("<p data-sc-attr=\"title:nl\">x</p>"), c,
	    E("<p title=\"a&#10;b&#9;c\">x</p>"));
	/* Prefixed attributes use the namespace in scope. */
	RENDERS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><use "
	    "data-sc-attr=\"xlink:href:frag\"/></svg><p data-sc-attr=\""
	    "xml:lang:lang\">x</p>"), c,
	    E("<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><use "
	    "xlink:href=\"#chart-1\" /></svg><p xml:lang=\"en-GB\">x</p>"));
	/* xmlns:xlink on HTML ancestors, twice: made again once on SVG. */
	RENDERS(T("<div xmlns:xlink=\"" XLINK "\"><div xmlns:xlink=\"" XLINK
	    "\"><svg xmlns=\"" SVG "\"><use data-sc-attr=\"xlink:href:frag\""
	    "/></svg></div></div>"), c,
	    E("<div><div><svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><use "
	    "xlink:href=\"#chart-1\" /></svg></div></div>"));
	/* A javascript: URL may go in an attribute that is not a URL. */
	RENDERS(T("<p data-sc-attr=\"title:js\">x</p>"), c,
	    E("<p title=\"  JaVa&#9;ScRiPt:alert(1)\">x</p>"));

	FAILS(T("<a data-sc-attr=\"href:js\">x</a>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"js\": href "
	    URLONLY);
	FAILS(T("<img alt=\"\" data-sc-attr=\"src:vb\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"vb\": src "
	    URLONLY);
	FAILS(T("<img alt=\"\" data-sc-attr=\"SRC:vb\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute SRC: HTML "
	    "would read the name in another case\n");
	FAILS(T("<svg xmlns=\"" SVG "\" data-sc-attr=\"viewbox:vb\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute viewbox: "
	    "HTML would read the name in another case\n");
	/* SVG attributes keep their case. */
	RENDERS(T("<svg xmlns=\"" SVG "\" data-sc-attr=\"viewBox:vb\"/>"), c,
	    E("<svg xmlns=\"" SVG "\" viewBox=\"vbscript:x\" />"));
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"urn:x\"><use "
	    "data-sc-attr=\"xlink:href:frag\"/></svg>"), c,
	    "scorecard: t.xhtml:1:110: error: data-sc-attr: attribute "
	    "xlink:href: HTML reads only xml:lang, xml:space and, on SVG and "
	    "MathML, xlink:href and its kin in \"" XLINK "\"\n");
	FAILS(T("<a xmlns:xlink=\"" XLINK "\" data-sc-attr=\"xlink:href:frag"
	    "\">x</a>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute "
	    "xlink:href: HTML reads only xml:lang, xml:space and, on SVG and "
	    "MathML, xlink:href and its kin in \"" XLINK "\"\n");
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><a "
	    "data-sc-attr=\"xlink:href:js\"/></svg>"), c,
	    "scorecard: t.xhtml:1:133: error: data-sc-attr: \"js\": "
	    "xlink:href " URLONLY);
	FAILS(T("<p data-sc-attr=\"title:b\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"b\" is a bool, "
	    "not text\n");

	/* Checked at load time. */
	FAILS(T("<p data-sc-attr=\"onclick:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: event handler "
	    "attributes such as \"onclick\" cannot be set\n");
	FAILS(T("<svg xmlns=\"" SVG "\" data-sc-attr=\"ONLOAD:cls\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: event handler "
	    "attributes such as \"ONLOAD\" cannot be set\n");
	FAILS(T("<p data-sc-attr=\"title\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"title\" should "
	    "be \"attribute:name\"\n");
	FAILS(T("<p data-sc-attr=\"\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: no "
	    "\"attribute:name\" given\n");
	FAILS(T("<p data-sc-attr=\" ; ;\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: no "
	    "\"attribute:name\" given\n");
	FAILS(T("<p data-sc-attr=\"1x:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"1x\" is not a "
	    "valid attribute name\n");
	FAILS(T("<p data-sc-attr=\"a&quot;b:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"a\"b\" is not a "
	    "valid attribute name\n");
	FAILS(T("<p data-sc-attr=\":cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"\" is not a "
	    "valid attribute name\n");
	FAILS(T("<p data-sc-attr=\"title:\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"\" is not a "
	    "valid name\n");
	FAILS(T("<p data-sc-attr=\"title:a b\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"a b\" is not a "
	    "valid name\n");
	FAILS(T("<p data-sc-attr=\"xmlns:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: namespace "
	    "declarations cannot be set\n");
	FAILS(T("<p data-sc-attr=\"xmlns:x:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: namespace "
	    "declarations cannot be set\n");
	FAILS(T("<p data-sc-attr=\"data-sc-text:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"data-sc-text\" "
	    "cannot be set\n");
	FAILS(T("<iframe data-sc-attr=\"srcdoc:cls\">x</iframe>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"srcdoc\" cannot "
	    "be set\n");
	FAILS(T("<p data-sc-attr=\"title:cls;title:href\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute "
	    "\"title\" is set twice\n");
	FAILS(T("<p data-sc-attr=\"foo:bar:cls\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: namespace prefix "
	    "\"foo\" is not declared\n");
	tctx_free(c);
}

/*
 * The red team's second round: script and data URLs through every
 * attribute a browser follows, animation and refresh.  Decided by
 * what the attribute is: an allow-list of schemes in URL attributes,
 * no input text at all where it would animate, refresh or load code.
 */
static void
test_attr_urls(void)
{
	static const struct { const char *name, *value; bool ok; } v[] = {
		{ "ok1", "https://example.org/a?b#c", true },
		{ "ok2", "HTTP://example.org", true },
		{ "ok3", "mailto:team@example.org", true },
		{ "ok4", "#anchor", true },
		{ "ok5", "report.html", true },
		{ "ok6", "../2022-01/report.html?x=a:b", true },
		{ "ok7", "/abs/path", true },
		{ "ok8", "cid:chart-1.png", true },
		{ "ok9", "", true },
		{ "bad1", "data:text/html,<script>alert(1)</script>", false },
		{ "bad2", "  JaVa\tScRiPt:alert(1)", false },
		{ "bad3", "java\nscript:alert(1)", false },
		{ "bad4", "\x01javascript:alert(1)", false },
		{ "bad5", "vbscript:x", false },
		{ "bad6", "file:///etc/passwd", false },
		{ "bad7", "blob:https://e.org/x", false },
		{ "bad8", "aaaaaaaaaaaaaaaaaaaaaaaaaa:x", false },
		{ "bad9", "ftp://example.org/", false },
	};
	static const char *const attrs[] = {
		"<a data-sc-attr=\"href:%s\">x</a>",
		"<form data-sc-attr=\"action:%s\"><p>x</p></form>",
		"<form><button data-sc-attr=\"formaction:%s\">x</button>"
		    "</form>",
		"<img alt=\"\" data-sc-attr=\"src:%s\"/>",
		"<video data-sc-attr=\"poster:%s\">x</video>",
		"<blockquote data-sc-attr=\"cite:%s\">x</blockquote>",
		"<table data-sc-attr=\"background:%s\"><tbody><tr><td>x"
		    "</td></tr></tbody></table>",
		"<a href=\"#\" data-sc-attr=\"ping:%s\">x</a>",
		"<img alt=\"\" data-sc-attr=\"srcset:%s\"/>",
		"<svg xmlns=\"" SVG "\"><a data-sc-attr=\"href:%s\"/></svg>",
		"<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><image "
		    "data-sc-attr=\"xlink:href:%s\"/></svg>",
	};
	struct tctx	*c = tctx_new();
	char		 src[1024], body[512];
	size_t		 i, j;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		tctx_text(c, v[i].name, v[i].value);
	tctx_text(c, "srcset_ok", "a.png 1x, b.png 2x,c.png 3x");
	tctx_text(c, "srcset_bad", "a.png 1x, javascript:alert(1) 2x");
	tctx_text(c, "srcset_data", "data:image/png;base64,AAAA 1x");
	tctx_text(c, "ping_bad", "https://e.org/p javascript:x");
	tctx_text(c, "s", "http://example.org/");

	for (j = 0; j < sizeof(attrs) / sizeof(attrs[0]); j++)
		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			/* attrs[j] holds one "%s": v[i].name goes there. */
			const char *at = strstr(attrs[j], "%s");

			snprintf(body, sizeof(body), "%.*s%s%s",
			    (int)(at - attrs[j]), attrs[j], v[i].name, at + 2);
			snprintf(src, sizeof(src), T("%s"), body);
			if (run(src, c) == v[i].ok)
				OK(true);
			else {
				OK(false);
				fprintf(stderr, "  %s with %s: %s\n", body,
				    v[i].value, g_err);
			}
		}
	RENDERS(T("<img alt=\"\" data-sc-attr=\"srcset:srcset_ok\"/>"), c,
	    E("<img alt=\"\" srcset=\"a.png 1x, b.png 2x,c.png 3x\" />"));
	FAILS(T("<img alt=\"\" data-sc-attr=\"srcset:srcset_bad\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"srcset_bad\": "
	    "srcset " URLONLY);
	FAILS(T("<img alt=\"\" data-sc-attr=\"srcset:srcset_data\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"srcset_data\": "
	    "srcset " URLONLY);
	FAILS(T("<a href=\"#\" data-sc-attr=\"ping:ping_bad\">x</a>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: \"ping_bad\": "
	    "ping " URLONLY);

	/* Animation: whatever the value, refused when the template loads. */
	FAILS(T("<svg xmlns=\"" SVG "\"><a><animate attributeName=\"href\" "
	    "data-sc-attr=\"values:s\"/></a></svg>"), c,
	    "scorecard: t.xhtml:1:93: error: data-sc-attr: attribute values of "
	    "<animate> animates another attribute: it cannot take input "
	    "text\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><a><set attributeName=\"href\" "
	    "data-sc-attr=\"to:s\"/></a></svg>"), c,
	    "scorecard: t.xhtml:1:93: error: data-sc-attr: attribute to of "
	    "<set> animates another attribute: it cannot take input text\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><a><set to=\"x\" "
	    "data-sc-attr=\"attributeName:s\"/></a></svg>"), c,
	    "scorecard: t.xhtml:1:93: error: data-sc-attr: attribute "
	    "attributeName of <set> animates another attribute: it cannot "
	    "take input text\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><a><animate attributeName=\"href\" "
	    "data-sc-attr=\"from:s; by:s\"/></a></svg>"), c,
	    "scorecard: t.xhtml:1:93: error: data-sc-attr: attribute from of "
	    "<animate> animates another attribute: it cannot take input "
	    "text\n"
	    "scorecard: t.xhtml:1:93: error: data-sc-attr: attribute by of "
	    "<animate> animates another attribute: it cannot take input "
	    "text\n");
	/* Refresh. */
	FAILS("<html xmlns=\"" XHTML "\"><head><meta http-equiv=\"refresh\" "
	    "data-sc-attr=\"content:s\"/></head><body></body></html>", c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute content "
	    "of <meta http-equiv> can refresh or redirect the page: it cannot "
	    "take input text\n");
	FAILS("<html xmlns=\"" XHTML "\"><head><meta content=\"0\" "
	    "data-sc-attr=\"http-equiv:s\"/></head><body></body></html>", c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute "
	    "http-equiv of <meta http-equiv> can refresh or redirect the "
	    "page: it cannot take input text\n");
	/* A <meta name> may take input text in its content. */
	RENDERS("<html xmlns=\"" XHTML "\"><head><meta name=\"description\" "
	    "data-sc-attr=\"content:ok5\"/></head><body></body></html>", c,
	    "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"><head><meta "
	    "name=\"description\" content=\"report.html\" /></head><body>"
	    "</body></html>\n");
	/* Elements that load code or frames: no input URL at all. */
	FAILS(T("<iframe title=\"t\" data-sc-attr=\"src:ok1\"></iframe>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute src of "
	    "<iframe> loads code, a frame or a stylesheet, or changes every "
	    "link: it cannot take input text\n");
	FAILS(T("<object data-sc-attr=\"data:ok1\">x</object>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute data of "
	    "<object> loads code, a frame or a stylesheet, or changes every "
	    "link: it cannot take input text\n");
	FAILS(T("<embed data-sc-attr=\"src:ok1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute src of "
	    "<embed> loads code, a frame or a stylesheet, or changes every "
	    "link: it cannot take input text\n");
	FAILS(T("<script data-sc-attr=\"src:ok1\"></script>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute src of "
	    "<script> loads code, a frame or a stylesheet, or changes every "
	    "link: it cannot take input text\n");
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><script "
	    "data-sc-attr=\"xlink:href:ok1\"/></svg>"), c,
	    "scorecard: t.xhtml:1:133: error: data-sc-attr: attribute "
	    "xlink:href of <script> loads code, a frame or a stylesheet, or "
	    "changes every link: it cannot take input text\n");
	tctx_free(c);
}

static void
test_markup(void)
{
	struct tctx	*c = tctx_new();

	tctx_markup(c, "svg", "<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK
	    "\" viewBox=\"0 0 10 10\" role=\"img\"><title>A &amp; B</title>"
	    "<g><path d=\"M0 0L1 1\"/><circle r=\"1\"></circle>"
	    "<use xlink:href=\"#p\"/><text>1 &lt; 2</text></g></svg>");
	tctx_markup(c, "html", "text <b class=\"x\">bold</b> <br/>"
	    "<table><tbody><tr><td>1</td></tr></tbody></table> tail");
	tctx_markup(c, "mixed", "<p>a</p><svg xmlns=\"" SVG "\"><rect/>"
	    "</svg><p>b</p>");
	tctx_markup(c, "inert", "<span data-sc-text=\"x\">kept</span>");
	tctx_markup(c, "broken", "<b>x</i>");
	tctx_markup(c, "prefixed", "<h:b xmlns:h=\"" XHTML "\">x</h:b>");
	tctx_markup(c, "nons", "<b xmlns=\"\">x</b>");
	tctx_markup(c, "ent", "<!DOCTYPE x [<!ENTITY e \"x\">]><b>&e;</b>");
	tctx_markup(c, "undef", "<b>&nbsp;</b>");
	tctx_markup(c, "escape", "</div><div>x");
	tctx_markup(c, "xi", "<xi:include xmlns:xi="
	    "\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>");
	tctx_markup(c, "brchild", "<br>x</br>");
	tctx_text(c, "txt", "t");

	RENDERS(T("<figure data-sc-markup=\"svg\">placeholder</figure>"), c,
	    E("<figure><svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\" "
	    "viewBox=\"0 0 10 10\" role=\"img\"><title>A &amp; B</title>"
	    "<g><path d=\"M0 0L1 1\" /><circle r=\"1\" />"
	    "<use xlink:href=\"#p\" /><text>1 &lt; 2</text></g></svg>"
	    "</figure>"));
	/* Unprefixed elements land in XHTML with no new declaration. */
	RENDERS(T("<div data-sc-markup=\"html\"/>"), c,
	    E("<div>text <b class=\"x\">bold</b> <br />"
	    "<table><tbody><tr><td>1</td></tr></tbody></table> tail</div>"));
	RENDERS(T("<div data-sc-markup=\"mixed\"/>"), c,
	    E("<div><p>a</p><svg xmlns=\"" SVG "\"><rect /></svg><p>b</p>"
	    "</div>"));
	/* Inserted markup is never searched for instructions. */
	RENDERS(T("<div data-sc-markup=\"inert\"/>"), c,
	    E("<div><span data-sc-text=\"x\">kept</span></div>"));
	/* Inside SVG, XHTML markup declares its namespace. */
	RENDERS(T("<svg xmlns=\"" SVG "\"><foreignObject data-sc-markup="
	    "\"html\"/></svg>"), c,
	    E("<svg xmlns=\"" SVG "\"><foreignObject>text <b xmlns=\"" XHTML
	    "\" class=\"x\">bold</b> <br xmlns=\"" XHTML "\" />"
	    "<table xmlns=\"" XHTML "\"><tbody><tr><td>1</td></tr></tbody>"
	    "</table> tail"
	    "</foreignObject></svg>"));
	OK(!contains(g_out, "default:") && !contains(g_out, "ns0:"));

	FAILS(T("<div data-sc-markup=\"broken\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"broken\" is "
	    "not well-formed XML (fragment line 1): opening and ending tag "
	    "mismatch: b line 1 and i\n");
	FAILS(T("<div data-sc-markup=\"escape\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"escape\" is "
	    "not well-formed XML (fragment line 1): extra content at the end "
	    "of the document\n");
	FAILS(T("<div data-sc-markup=\"ent\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"ent\" is "
	    "not well-formed XML (fragment line 1): StartTag: invalid element "
	    "name\n");
	FAILS(T("<div data-sc-markup=\"undef\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"undef\" is "
	    "not well-formed XML (fragment line 1): entity 'nbsp' not "
	    "defined\n");
	FAILS(T("<div data-sc-markup=\"prefixed\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"prefixed\": "
	    "element <h:b> has a namespace prefix, which HTML parsers do not "
	    "read; declare xmlns=\"" XHTML "\" on it instead\n");
	FAILS(T("<div data-sc-markup=\"nons\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"nons\": "
	    "element <b> is in no namespace\n");
	FAILS(T("<div data-sc-markup=\"xi\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"xi\": XInclude "
	    "is not allowed\n");
	/* Serialiser errors in markup point at the data-sc-markup line. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n\n<div data-sc-markup="
	    "\"brchild\"/></body></html>", c,
	    "scorecard: t.xhtml:3:1: error: <br> must be empty\n");
	FAILS(T("<div data-sc-markup=\"txt\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"txt\" is text, "
	    "not markup\n");
	FAILS(T("<div data-sc-markup=\"unset\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"unset\" is not "
	    "set\n");
	tctx_free(c);
}

static void
test_remove(void)
{
	struct tctx	*c = tctx_new();

	RENDERS(T("<p>a</p><p data-sc-remove=\"\">preview "
	    "<b data-sc-text=\"unset\"/></p><p>b</p>"), c,
	    E("<p>a</p><p>b</p>"));
	/* Remove comes first: nothing else on the element runs. */
	RENDERS(T("<p data-sc-remove=\"1\" data-sc-each=\"unset\" "
	    "data-sc-text=\"unset\"/>"), c, E(""));
	tctx_free(c);
}

static void
test_unwrap(void)
{
	struct tctx	*c = tctx_new(), *i;

	tctx_text(c, "t", "a & b");
	tctx_text(c, "n", "5");
	tctx_bool(c, "yes", true);
	tctx_markup(c, "m", "<b>x</b> y");
	i = tctx_add(c, "rows");
	tctx_text(i, "v", "r1");
	i = tctx_add(c, "rows");
	tctx_text(i, "v", "r2");

	/* The text of data-sc-text with no element around it. */
	RENDERS(T("<p>Now <span data-sc-text=\"n\" data-sc-unwrap=\"\">0"
	    "</span> red</p>"), c, E("<p>Now 5 red</p>"));
	RENDERS(T("<p><span data-sc-text=\"t\" data-sc-unwrap=\"\"/></p>"), c,
	    E("<p>a &amp; b</p>"));
	/* Its content, elements too, in its place; with if, each, markup. */
	RENDERS(T("<p>x<span data-sc-if=\"yes\" data-sc-unwrap=\"\">, on "
	    "<time>y</time></span>.</p>"), c, E("<p>x, on <time>y</time>.</p>"));
	RENDERS(T("<p><span data-sc-if=\"no\" data-sc-unwrap=\"\">gone</span>"
	    "kept</p>"), c, E("<p>kept</p>"));
	RENDERS(T("<p><span data-sc-each=\"rows\" data-sc-unwrap=\"\">"
	    "<span data-sc-text=\"v\" data-sc-unwrap=\"\"/>; </span>.</p>"), c,
	    E("<p>r1; r2; .</p>"));
	/* A copy made by each declares its namespace on itself; the
	 * elements inside it still name that declaration once it has
	 * gone (read after free until unwrap() kept it). */
	RENDERS(T("<p><span data-sc-each=\"rows\" data-sc-unwrap=\"\">"
	    "<b data-sc-text=\"v\">x</b> </span></p>"), c,
	    E("<p><b>r1</b> <b>r2</b> </p>"));
	RENDERS(T("<p><span data-sc-markup=\"m\" data-sc-unwrap=\"\"/></p>"),
	    c, E("<p><b>x</b> y</p>"));
	RENDERS(T("<p>a<span data-sc-unwrap=\"\"/>b<span data-sc-unwrap=\"\">"
	    "</span></p>"), c, E("<p>ab</p>"));
	/* Indentation beside it is still written as one line break. */
	RENDERS(T("<p>\n  <span data-sc-text=\"n\" data-sc-unwrap=\"\"/>\n"
	    "</p>"), c, E("<p>\n5\n</p>"));

	/* Only a <span> with no attributes of its own, checked at load. */
	FAILS(T("<p data-sc-unwrap=\"\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-unwrap: only a <span> "
	    "can be unwrapped, not <p>\n");
	FAILS(T("<p><span class=\"k\" data-sc-if=\"no\" data-sc-unwrap=\"\">"
	    "x</span></p>"), c,
	    "scorecard: t.xhtml:1:53: error: data-sc-unwrap: the <span> has "
	    "the attribute class, which would be lost; unwrap only a <span> "
	    "with no attributes but data-sc-*\n");
	FAILS(T("<p><span xml:lang=\"cy\" data-sc-unwrap=\"\">x</span></p>"), c,
	    "scorecard: t.xhtml:1:53: error: data-sc-unwrap: the <span> has "
	    "the attribute xml:lang, which would be lost; unwrap only a <span> "
	    "with no attributes but data-sc-*\n");
	FAILS(T("<p><span data-sc-attr=\"title:t\" data-sc-unwrap=\"\">x"
	    "</span></p>"), c,
	    "scorecard: t.xhtml:1:53: error: data-sc-unwrap: data-sc-attr would "
	    "set attributes on a <span> that is not written\n");
	tctx_free(c);
}

/* Each instruction inside each other one. */
static void
test_nesting(void)
{
	struct tctx	*c = tctx_new(), *i;

	tctx_bool(c, "yes", true);
	tctx_bool(c, "no", false);
	tctx_text(c, "t", "T");
	tctx_markup(c, "m", "<b>M</b>");
	i = tctx_add(c, "l");
	tctx_text(i, "t", "T1");
	tctx_bool(i, "yes", false);
	i = tctx_add(c, "l");
	tctx_text(i, "t", "T2");

	/* inside each */
	RENDERS(T("<div data-sc-each=\"l\"><i data-sc-if=\"yes\">y</i>"
	    "<i data-sc-unless=\"yes\">n</i><i data-sc-text=\"t\"/>"
	    "<i data-sc-markup=\"m\"/><i data-sc-attr=\"title:t\"/>"
	    "<i data-sc-remove=\"\"/><i data-sc-each=\"l\" data-sc-text=\"t\""
	    "/></div>"), c,
	    E("<div><i>n</i><i>T1</i><i><b>M</b></i><i title=\"T1\"></i>"
	    "<i>T1</i><i>T2</i></div>"
	    "<div><i>y</i><i>T2</i><i><b>M</b></i><i title=\"T2\"></i>"
	    "<i>T1</i><i>T2</i></div>"));
	/* inside if and unless */
	RENDERS(T("<div data-sc-if=\"yes\"><i data-sc-each=\"l\" "
	    "data-sc-text=\"t\"/><i data-sc-if=\"no\">x</i><i data-sc-unless="
	    "\"no\" data-sc-attr=\"title:t\" data-sc-markup=\"m\"/></div>"
	    "<div data-sc-unless=\"no\"><i data-sc-text=\"t\"/></div>"), c,
	    E("<div><i>T1</i><i>T2</i><i title=\"T\"><b>M</b></i></div>"
	    "<div><i>T</i></div>"));
	/* inside attr (attr then the children), text replaces children */
	RENDERS(T("<div data-sc-attr=\"id:t\"><i data-sc-each=\"l\" "
	    "data-sc-attr=\"title:t\"/></div><p data-sc-text=\"t\"><i "
	    "data-sc-each=\"nope\"/></p><p data-sc-markup=\"m\"><i "
	    "data-sc-text=\"nope\"/></p>"), c,
	    E("<div id=\"T\"><i title=\"T1\"></i><i title=\"T2\"></i></div>"
	    "<p>T</p><p><b>M</b></p>"));
	/* inside remove: nothing runs */
	RENDERS(T("<div data-sc-remove=\"\"><i data-sc-each=\"nope\"/></div>"),
	    c, E(""));
	/* on the root only attr is allowed */
	RENDERS("<html xmlns=\"" XHTML "\" data-sc-attr=\"lang:t\"><body/>"
	    "</html>", c, "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\" "
	    "lang=\"T\"><body></body></html>\n");
	FAILS("<html xmlns=\"" XHTML "\" data-sc-if=\"yes\"><body/></html>",
	    c, "scorecard: t.xhtml:1:1: error: data-sc-if cannot be used on "
	    "<html>\n");
	tctx_free(c);
}

static void
test_serialise(void)
{
	struct tctx	*c = tctx_new();
	struct buf	 b;
	int		 i;

	/* Void elements as "<br />", every other HTML element closed. */
	RENDERS(T("<br/><hr></hr><img src=\"a.png\" alt=\"\"/><input/>"
	    "<meta name=\"x\" content=\"y\"/><wbr/><div/><p></p><script/>"
	    "<span/><textarea/><a/><video/><iframe/>"), c,
	    E("<br /><hr /><img src=\"a.png\" alt=\"\" /><input />"
	    "<meta name=\"x\" content=\"y\" /><wbr /><div></div><p></p>"
	    "<script></script><span></span><textarea></textarea><a></a>"
	    "<video></video><iframe></iframe>"));
	FAILS(T("<br>x</br>"), c,
	    "scorecard: t.xhtml:1:50: error: <br> must be empty\n");
	FAILS(T("<img alt=\"\"><b/></img>"), c,
	    "scorecard: t.xhtml:1:50: error: <img> must be empty\n");
	/* Comments and PIs inside a void element are dropped. */
	RENDERS(T("<br><!-- c --></br>"), c, E("<br />"));
	/* Empty SVG and MathML elements self-close; non-empty ones don't. */
	RENDERS(T("<svg xmlns=\"" SVG "\" viewBox=\"0 0 1 1\"><g/><path "
	    "d=\"M0 0\"></path><text>t</text></svg>"
	    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi>"
	    "<mspace/></math>"), c,
	    E("<svg xmlns=\"" SVG "\" viewBox=\"0 0 1 1\"><g /><path "
	    "d=\"M0 0\" /><text>t</text></svg><math xmlns=\"http://www.w3."
	    "org/1998/Math/MathML\"><mi>x</mi><mspace /></math>"));
	/* Comments and PIs dropped, CDATA escaped, char refs as UTF-8. */
	RENDERS(T("<!-- note --><?php echo 1; ?><p><![CDATA[a < b && c]]>"
	    "&#160;&#x2014;&lt;&amp;&gt;&quot;&apos;</p>"), c,
	    E("<p>a &lt; b &amp;&amp; c\xc2\xa0\xe2\x80\x94&lt;&amp;&gt;\"'"
	    "</p>"));
	/* <style> and <script> are written raw ... */
	RENDERS(T("<style>a > b { content: \"x\" }</style>"
	    "<script>if (a &gt; b) f(\"x\");</script>"
	    "<style><![CDATA[p > q {}]]></style>"), c,
	    E("<style>a > b { content: \"x\" }</style>"
	    "<script>if (a > b) f(\"x\");</script><style>p > q {}</style>"));
	/* ... so they may not hold '<' or '&' (</style, </script). */
	FAILS("<html xmlns=\"" XHTML "\">\n<head><style>\n"
	    "a::after { content: \"&lt;/style&gt;\" }</style></head>"
	    "</html>", c,
	    "scorecard: t.xhtml:2:7: error: <style> holds '<', '&' or "
	    "\"]]>\", which cannot be written as raw text\n");
	FAILS(T("<style>a { b: c } &lt; d</style>"), c,
	    "scorecard: t.xhtml:1:50: error: <style> holds '<', '&' or "
	    "\"]]>\", which cannot be written as raw text\n");
	FAILS(T("<script>x = \"&lt;/SCRIPT&gt;\";</script>"), c,
	    "scorecard: t.xhtml:1:50: error: <script> holds '<', '&' or "
	    "\"]]>\", which cannot be written as raw text\n");
	FAILS(T("<script><![CDATA[if (a && b) f();]]></script>"), c,
	    "scorecard: t.xhtml:1:50: error: <script> holds '<', '&' or "
	    "\"]]>\", which cannot be written as raw text\n");
	FAILS(T("<style><b/></style>"), c,
	    "scorecard: t.xhtml:1:50: error: <style> may hold only text\n");
	/* So are HTML's other raw text elements; <plaintext> is refused. */
	RENDERS(T("<iframe>a > b</iframe><xmp>c</xmp>"), c,
	    E("<iframe>a > b</iframe><xmp>c</xmp>"));
	FAILS(T("<xmp>&lt;/xmp&gt;&lt;script&gt;</xmp>"), c,
	    "scorecard: t.xhtml:1:50: error: <xmp> holds '<', '&' or "
	    "\"]]>\", which cannot be written as raw text\n");
	FAILS(T("<plaintext>x</plaintext>"), c,
	    "scorecard: t.xhtml:1:50: error: <plaintext> is not allowed: HTML "
	    "would read the rest of the page as text\n");
	/* SVG <style> is not raw text in HTML: it is escaped as usual. */
	RENDERS(T("<svg xmlns=\"" SVG "\"><style>a &gt; b {}</style></svg>"),
	    c, E("<svg xmlns=\"" SVG "\"><style>a &gt; b {}</style></svg>"));
	/* "]]>" in text is escaped; whitespace and UTF-8 kept. */
	RENDERS(T("<pre>  a]]&gt;b\n\t\xc3\xa9  </pre>"), c,
	    E("<pre>  a]]&gt;b\n\t\xc3\xa9  </pre>"));
	/*
	 * Indentation is one line break; none more where it follows
	 * indentation across what is not written, kept in <pre>.
	 */
	RENDERS(T("<ul>\n  <li>a</li>\n\n  <!-- c -->\n  <li data-sc-remove="
	    "\"\"/>\n  <li data-sc-if=\"no\"/>\n</ul>\n<p>b\n</p>\n"), c,
	    E("<ul>\n<li>a</li>\n</ul>\n<p>b\n</p>\n"));
	RENDERS(T("<pre>a<!-- c -->\n  <b data-sc-if=\"no\"/>\n  </pre>"), c,
	    E("<pre>a\n  \n  </pre>"));
	/* An XML declaration and <!DOCTYPE html> are replaced by ours. */
	RENDERS("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>"
	    "\n<html xmlns=\"" XHTML "\"/>\n", c,
	    "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"></html>\n");
	RENDERS("<!DOCTYPE HTML><html xmlns=\"" XHTML "\"/>", c,
	    "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"></html>\n");
	/* Another encoding is written as UTF-8. */
	RENDERS("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	    T("<p>caf\xe9</p>"), c, E("<p>caf\xc3\xa9</p>"));
	RENDERS("<?xml version=\"1.0\" encoding=\"windows-1252\"?>"
	    T("<p>\x93" "caf\xe9\x94</p>"), c,
	    E("<p>\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d</p>"));
	/*
	 * Not one in which bytes below 0x80 are ASCII: refused, as the
	 * attribute count (most_attrs()) reads bytes.  A UTF-16 '"' byte
	 * in U+4E22 hid 100,000 attributes from it.
	 */
	write_len("t.xhtml", "\xff\xfe<\0p\0/\0>\0", 10);
	OK(!run_file("t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: t.xhtml:1:1: error: template is in "
	    "UTF-16; it must be in UTF-8 (or ASCII, ISO 8859, Windows-125x or "
	    "KOI8)\n");
	write_len("t.xhtml", "<\0?\0x\0m\0l\0", 10);
	OK(!run_file("t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: t.xhtml:1:1: error: template is in "
	    "UTF-16; it must be in UTF-8 (or ASCII, ISO 8859, "
	    "Windows-125x or KOI8)\n");
	/* UTF-32, with or without a mark, is not called UTF-16. */
	write_len("t.xhtml", "\xff\xfe\0\0<\0\0\0p\0\0\0", 12);
	OK(!run_file("t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: t.xhtml:1:1: error: template is in "
	    "UTF-32; it must be in UTF-8 (or ASCII, ISO 8859, "
	    "Windows-125x or KOI8)\n");
	write_len("t.xhtml", "\0\0\0<\0\0\0p", 8);
	OK(!run_file("t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: t.xhtml:1:1: error: template is in "
	    "UTF-32; it must be in UTF-8 (or ASCII, ISO 8859, "
	    "Windows-125x or KOI8)\n");
	FAILS("\x4c\x6f\xa7\x94\x93", c, "scorecard: t.xhtml:1:1: error: template "
	    "is in EBCDIC; it must be in UTF-8 (or ASCII, ISO 8859, "
	    "Windows-125x or KOI8)\n");
	FAILS("<?xml version=\"1.0\"\n   encoding = 'UTF-7'?>" T("<p/>"), c,
	    "scorecard: t.xhtml:1:1: error: template is in UTF-7; it must "
	    "be in UTF-8 (or ASCII, ISO 8859, Windows-125x or KOI8)\n");
	buf_init(&b);
	BUF_PUTSL(&b, "<?xml version=\"1.0\"");
	for (i = 0; i < 2000; i++)
		buf_putc(&b, ' ');
	BUF_PUTSL(&b, "encoding=\"ebcdic-cp-us\"?>" T("<p/>"));
	OK(!run(b.data, c));
	OK(contains(g_err, "error: template is in ebcdic-cp-us; it must be"));
	buf_release(&b);
	tctx_free(c);
}

static void
test_namespaces(void)
{
	struct tctx	*c = tctx_new(), *i;

	i = tctx_add(c, "l");
	tctx_text(i, "u", "#a");
	i = tctx_add(c, "l");
	tctx_text(i, "u", "#b");
	tctx_markup(c, "m", "<p>x</p>");

	/*
	 * Copies made for data-sc-each carry their own namespace
	 * declarations in libxml2's tree; none are written twice.
	 */
	RENDERS("<html xmlns=\"" XHTML "\" xmlns:xlink=\"" XLINK "\" "
	    "lang=\"en\"><body><svg xmlns=\"" SVG "\"><use data-sc-each=\"l\" "
	    "data-sc-attr=\"xlink:href:u\"/></svg><ul><li data-sc-each=\"l\" "
	    "data-sc-markup=\"m\"/></ul></body></html>", c,
	    "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\" lang=\"en\"><body>"
	    "<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><use "
	    "xlink:href=\"#a\" /><use xlink:href=\"#b\" /></svg><ul><li><p>x"
	    "</p></li><li><p>x</p></li></ul></body></html>\n");
	OK(!contains(g_out, "default") && !contains(g_out, "ns0") &&
	    !contains(g_out, "<p xmlns"));

	/*
	 * HTML allows xmlns:xlink only on SVG and MathML: it moves to each
	 * SVG root below, and to where a rebinding ends.  Declarations no
	 * output can use are dropped.
	 */
	RENDERS("<html xmlns=\"" XHTML "\" xmlns:xlink=\"" XLINK "\" "
	    "xmlns:foo=\"urn:foo\"><body><svg xmlns=\"" SVG "\"><g><use "
	    "xlink:href=\"#a\"/></g></svg><p>x</p><svg xmlns=\"" SVG "\" "
	    "xmlns:bar=\"urn:bar\"/></body></html>", c,
	    "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"><body><svg xmlns=\""
	    SVG "\" xmlns:xlink=\"" XLINK "\"><g><use xlink:href=\"#a\" />"
	    "</g></svg><p>x</p><svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK
	    "\" /></body></html>\n");
	RENDERS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"urn:other\"><g "
	    "xmlns:xlink=\"" XLINK "\"><use xlink:href=\"#a\"/></g><g/>"
	    "</svg>"), c,
	    E("<svg xmlns=\"" SVG "\"><g xmlns:xlink=\"" XLINK "\"><use "
	    "xlink:href=\"#a\" /></g><g /></svg>"));

	/* Element prefixes and elements in no namespace are refused. */
	FAILS("<h:html xmlns:h=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:1: error: element <h:html> has a namespace "
	    "prefix, which HTML parsers do not read; declare xmlns=\"" XHTML
	    "\" on it instead\n");
	FAILS("<html/>", c,
	    "scorecard: t.xhtml:1:1: error: element <html> is in no "
	    "namespace\n");
	FAILS(T("<p xmlns=\"\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: element <p> is in no "
	    "namespace\n");
	FAILS(T("<svg xmlns=\"http://www.w3.org/2000/svg/\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: element <svg> is in the namespace "
	    "\"http://www.w3.org/2000/svg/\", which HTML does not know\n");
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xl=\"" XLINK "\"><use "
	    "xl:href=\"#a\"/></svg>"), c,
	    "scorecard: t.xhtml:1:130: error: attribute xl:href: HTML reads only "
	    "xml:lang, xml:space and, on SVG and MathML, xlink:href and its "
	    "kin in \"" XLINK "\"\n");
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"urn:x\"><use "
	    "xlink:href=\"#a\"/></svg>"), c,
	    "scorecard: t.xhtml:1:110: error: attribute xlink:href: HTML reads "
	    "only xml:lang, xml:space and, on SVG and MathML, xlink:href and "
	    "its kin in \"" XLINK "\"\n");
	FAILS(T("<svg xmlns=\"" SVG "\" xmlns:xlink=\"" XLINK "\"><use "
	    "xlink:foo=\"#a\"/></svg>"), c,
	    "scorecard: t.xhtml:1:133: error: attribute xlink:foo: HTML reads "
	    "only xml:lang, xml:space and, on SVG and MathML, xlink:href and "
	    "its kin in \"" XLINK "\"\n");
	FAILS(T("<a xmlns:xlink=\"" XLINK "\" xlink:href=\"#a\">x</a>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute xlink:href: HTML reads "
	    "only xml:lang, xml:space and, on SVG and MathML, xlink:href and "
	    "its kin in \"" XLINK "\"\n");
	FAILS(T("<p xml:base=\"/\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute xml:base: HTML reads "
	    "only xml:lang, xml:space and, on SVG and MathML, xlink:href and "
	    "its kin in \"" XLINK "\"\n");
	/* Text HTML would move out of <head>. */
	FAILS("<html xmlns=\"" XHTML "\"><head>\n<title>t</title>x</head>"
	    "</html>", c,
	    "scorecard: t.xhtml:1:44: error: text directly inside <head>, "
	    "which HTML would move into <body>\n");
	FAILS("<html xmlns=\"" XHTML "\">x<body/></html>", c,
	    "scorecard: t.xhtml:1:1: error: text directly inside <html>, "
	    "which HTML would move into <body>\n");
	FAILS("<svg xmlns=\"" SVG "\"/>", c,
	    "scorecard: t.xhtml:1:1: error: the root element must be "
	    "<html xmlns=\"" XHTML "\">\n");
	FAILS(T("<p><x:y/></p>"), c,
	    "scorecard: t.xhtml:1:57: error: namespace prefix x on y is not "
	    "defined\n");
	tctx_free(c);
}

/* Trees an HTML parser would build differently are refused. */
static void
test_placement(void)
{
	struct tctx	*c = tctx_new();

#define	MATHML	"http://www.w3.org/1998/Math/MathML"
	tctx_markup(c, "block", "<div>x</div>");
	tctx_markup(c, "inline", "<b>x</b> <svg xmlns=\"" SVG "\"><g/></svg>");
	tctx_markup(c, "rect", "<rect xmlns=\"" SVG "\"/>");
	tctx_markup(c, "html", "<b>x</b>");

	/* Allowed: HTML in SVG's integration points, SVG in MathML's. */
	RENDERS(T("<svg xmlns=\"" SVG "\"><foreignObject><div xmlns=\"" XHTML
	    "\">a</div><svg><desc><p xmlns=\"" XHTML "\">b</p></desc></svg>"
	    "</foreignObject></svg><math xmlns=\"" MATHML "\"><mi><b xmlns=\""
	    XHTML "\">c</b><mglyph/></mi><annotation-xml encoding=\"text/html"
	    "\"><p xmlns=\"" XHTML "\">d</p></annotation-xml>"
	    "<annotation-xml><svg xmlns=\"" SVG "\"/></annotation-xml></math>"
	    "<p><b data-sc-markup=\"inline\"/></p>"), c,
	    E("<svg xmlns=\"" SVG "\"><foreignObject><div xmlns=\"" XHTML
	    "\">a</div><svg><desc><p xmlns=\"" XHTML "\">b</p></desc></svg>"
	    "</foreignObject></svg><math xmlns=\"" MATHML "\"><mi><b xmlns=\""
	    XHTML "\">c</b><mglyph /></mi><annotation-xml encoding=\"text/html"
	    "\"><p xmlns=\"" XHTML "\">d</p></annotation-xml><annotation-xml>"
	    "<svg xmlns=\"" SVG "\" /></annotation-xml></math>"
	    "<p><b><b>x</b> <svg xmlns=\"" SVG "\"><g /></svg></b></p>"));

	/* Foreign content: the XML namespace must be the one HTML infers. */
	FAILS(T("<svg xmlns=\"" SVG "\"><foreignObject><div>a</div>"
	    "</foreignObject></svg>"), c,
	    "scorecard: t.xhtml:1:105: error: <div> outside <svg>: HTML would "
	    "read it as an HTML element\n");
	FAILS(T("<math xmlns=\"" MATHML "\"><mi><b>c</b></mi></math>"), c,
	    "scorecard: t.xhtml:1:103: error: <b> outside <math>: HTML would "
	    "read it as an HTML element\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><g><p xmlns=\"" XHTML "\">x</p></g>"
	    "</svg>"), c,
	    "scorecard: t.xhtml:1:93: error: <p> inside <g>: HTML would end "
	    "the SVG there (put HTML in <foreignObject>)\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><u/></svg>"), c,
	    "scorecard: t.xhtml:1:90: error: <u> inside <svg>: HTML would end "
	    "the SVG there (put HTML in <foreignObject>)\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><font color=\"red\"/></svg>"), c,
	    "scorecard: t.xhtml:1:90: error: <font> inside <svg>: HTML would "
	    "end the SVG there (put HTML in <foreignObject>)\n");
	RENDERS(T("<svg xmlns=\"" SVG "\"><font/></svg>"), c,
	    E("<svg xmlns=\"" SVG "\"><font /></svg>"));
	FAILS(T("<svg xmlns=\"" SVG "\"><g data-sc-markup=\"html\"/></svg>"),
	    c, "scorecard: t.xhtml:1:90: error: data-sc-markup: \"html\": <b> "
	    "inside <g>: HTML would end the SVG there (put HTML in "
	    "<foreignObject>)\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><math xmlns=\"" MATHML "\"/></svg>"),
	    c, "scorecard: t.xhtml:1:90: error: <math> inside <svg>: HTML "
	    "would read it in the namespace of <svg>\n");
	FAILS(T("<rect xmlns=\"" SVG "\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: <rect> outside <svg>: HTML would "
	    "read it as an HTML element\n");
	FAILS(T("<p data-sc-markup=\"rect\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"rect\": <rect> "
	    "outside <svg>: HTML would read it as an HTML element\n");
	FAILS(T("<mi xmlns=\"" MATHML "\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: <mi> outside <math>: HTML would "
	    "read it as an HTML element\n");
	FAILS(T("<math xmlns=\"" MATHML "\"><annotation-xml><p xmlns=\""
	    XHTML "\"/></annotation-xml></math>"), c,
	    "scorecard: t.xhtml:1:115: error: <p> inside <annotation-xml>: HTML "
	    "would end the MathML there (put HTML in <foreignObject>)\n");

	/* Block elements close an open <p>, even through inline ones. */
	FAILS(T("<p><span><div>x</div></span></p>"), c,
	    "scorecard: t.xhtml:1:59: error: <div> inside <p>: HTML would "
	    "close the <p> first\n");
	FAILS(T("<p data-sc-markup=\"block\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"block\": <div> "
	    "inside <p>: HTML would close the <p> first\n");
	RENDERS(T("<p><button><div>x</div></button><object><ul/></object>"
	    "</p>"), c, E("<p><button><div>x</div></button><object><ul></ul>"
	    "</object></p>"));

	/* Tables. */
	FAILS(T("<table><tr><td/></tr></table>"), c,
	    "scorecard: t.xhtml:1:57: error: <tr> directly inside <table>: "
	    "HTML would put it in a <tbody>\n");
	FAILS(T("<table><tbody><tr><div/></tr></tbody></table>"), c,
	    "scorecard: t.xhtml:1:68: error: <div> cannot go in <tr>: HTML "
	    "would move it\n");
	FAILS(T("<table><tbody>x</tbody></table>"), c,
	    "scorecard: t.xhtml:1:57: error: text directly inside <tbody>, "
	    "which HTML would move out of the table\n");
	tctx_markup(c, "table", "<table><tr><td>1</td></tr></table>");
	FAILS(T("<div data-sc-markup=\"table\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"table\": <tr> "
	    "directly inside <table>: HTML would put it in a <tbody>\n");
	FAILS(T("<p><tr/></p>"), c,
	    "scorecard: t.xhtml:1:53: error: <tr> outside <tbody>: HTML would "
	    "drop or move it\n");
	FAILS(T("<div><td>x</td></div>"), c,
	    "scorecard: t.xhtml:1:55: error: <td> outside <tr>: HTML would "
	    "drop or move it\n");
	FAILS(T("<table><col/></table>"), c,
	    "scorecard: t.xhtml:1:57: error: <col> cannot go in <table>: HTML "
	    "would move it\n");
	RENDERS(T("<table><tfoot><tr><td>f</td></tr></tfoot></table>"), c,
	    E("<table><tfoot><tr><td>f</td></tr></tfoot></table>"));
	RENDERS(T("<table>\n<caption>c</caption><colgroup><col/></colgroup>"
	    "<thead><tr><th>h</th></tr></thead>\n</table>"), c,
	    E("<table>\n<caption>c</caption><colgroup><col /></colgroup>"
	    "<thead><tr><th>h</th></tr></thead>\n</table>"));

	/* The frame: html > head, body; what <head> may hold. */
	FAILS("<html xmlns=\"" XHTML "\"><head><div/></head></html>", c,
	    "scorecard: t.xhtml:1:50: error: <div> cannot go in <head>: HTML "
	    "would start the <body> there\n");
	FAILS("<html xmlns=\"" XHTML "\"><p/></html>", c,
	    "scorecard: t.xhtml:1:44: error: <p> directly inside <html>: HTML "
	    "would put it in <head> or <body>\n");
	FAILS("<html xmlns=\"" XHTML "\"><body/><body/></html>", c,
	    "scorecard: t.xhtml:1:51: error: <body> after <body>: <html> holds "
	    "one <head>, then one <body>\n");
	FAILS("<html xmlns=\"" XHTML "\"><body/><head/></html>", c,
	    "scorecard: t.xhtml:1:51: error: <head> after <body>: <html> holds "
	    "one <head>, then one <body>\n");
	FAILS(T("<div><body/></div>"), c,
	    "scorecard: t.xhtml:1:55: error: <body> can only be a child of "
	    "<html>\n");
	FAILS(T("<div><svg/></div>"), c,
	    "scorecard: t.xhtml:1:55: error: <svg> in the XHTML namespace: "
	    "HTML would read it as SVG\n");
	FAILS("<html xmlns=\"" XHTML "\"><head data-sc-text=\"x\"/></html>",
	    c, "scorecard: t.xhtml:1:44: error: data-sc-text cannot fill "
	    "<head>\n");
	FAILS(T("<table data-sc-markup=\"x\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup cannot fill "
	    "<table>\n");
	FAILS("<html xmlns=\"" XHTML "\"><body data-sc-each=\"x\" "
	    "data-sc-if=\"y\" data-sc-text=\"t\" data-sc-attr=\"class:c\"/>"
	    "</html>", c,
	    "scorecard: t.xhtml:1:44: error: data-sc-each cannot be used on "
	    "<body>\n"
	    "scorecard: t.xhtml:1:44: error: data-sc-if cannot be used on "
	    "<body>\n");
	FAILS(T("<p\xc3\xa9/>"), c,
	    "scorecard: t.xhtml:1:50: error: element <p\xc3\xa9>: names must be "
	    "ASCII letters, digits, '-', '_' and '.'\n");
	FAILS(T("<p data-\xc3\xa9=\"1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute data-\xc3\xa9: names must "
	    "be ASCII letters, digits, '-', '_' and '.'\n");
	FAILS(T("<_x/>"), c,
	    "scorecard: t.xhtml:1:50: error: element <_x>: HTML tag names start "
	    "with a letter\n");
#undef MATHML
	tctx_free(c);
}

/* Messages name the line and column where the element's start tag begins. */
static void
test_columns(void)
{
	struct tctx	*c = tctx_new();

	tctx_text(c, "t", "x");
	tctx_add(c, "l");
	tctx_add(c, "l");
	/* The second <p> of a line, not the first. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n<p>a</p> <p data-sc-txet="
	    "\"t\">b</p></body></html>", c,
	    "scorecard: t.xhtml:2:10: error: unknown instruction "
	    "data-sc-txet\n");
	/* A start tag over three lines: where it begins. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n  <div>\u00e9 <p\n"
	    "  class=\"a\"\n  data-sc-text=\"zz\">x</p></div></body></html>",
	    c, "scorecard: t.xhtml:2:10: error: data-sc-text: \"zz\" is not "
	    "set\n");
	/* In a repeated element, at render: still its place in the file. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n<ul><li>a</li>"
	    "<li data-sc-each=\"l\"><b data-sc-text=\"zz\">x</b></li>"
	    "</ul></body></html>", c,
	    "scorecard: t.xhtml:2:36: error: data-sc-text: \"zz\" is not "
	    "set\n");
	tctx_free(c);
}

static void
test_inline(void)
{
	struct tctx	*c = tctx_new();

	make_dir("tpl");
	make_dir("tpl/css");
	make_dir("assets");
	make_dir("outside");
	write_file("tpl/css/a.css", "body { color: #333 }\np > q {}\n");
	write_file("assets/b.css", "h1 { margin: 0 }\n");
	write_file("outside/secret.css", "SECRET\n");
	write_file("tpl/lt.css", "a::after { content: \"</style>\" }\n");
	write_file("tpl/amp.css", "a { &:hover { color: red } }\n");
	write_file("tpl/cdata.css", "/* ]]> */\n");
	write_len("tpl/nul.css", "a{}\0b{}", 7);
	write_file("tpl/empty.css", "");
	make_link("../outside/secret.css", "tpl/link.css");
	make_link("../outside", "tpl/linkdir");
	make_link("css/a.css", "tpl/inlink.css");

#define	LINK(h)	"<html xmlns=\"" XHTML "\"><head>\n<link rel=\"stylesheet\" " \
		"href=\"" h "\" media=\"print\" data-sc-inline=\"\"/>"	\
		"</head></html>"
#define	STYLE(s) "<!DOCTYPE html>\n<html xmlns=\"" XHTML "\"><head>\n"	\
		"<style media=\"print\">" s "</style></head></html>\n"

	write_file("tpl/t.xhtml", LINK("css/a.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("body{color: #333}p > q{}"));
	/* A symlink that stays inside is fine. */
	write_file("tpl/t.xhtml", LINK("inlink.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("body{color: #333}p > q{}"));
	write_file("tpl/t.xhtml", LINK("empty.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE(""));
	/* Inlined without comments and redundant white space (cssmin). */
	write_file("tpl/c.css", "/* Why the rule is so. */\na ,\nb {\n  b: c ;\n}"
	    "\n/*! Notice */\n");
	write_file("tpl/t.xhtml", LINK("c.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("a,b{b: c}/*! Notice */"));
	/* The assets folder is allowed when given. */
	write_file("tpl/t.xhtml", LINK("../assets/b.css"));
	OK(run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_out, STYLE("h1{margin: 0}"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"../assets/b.css\" is outside the template folder, so only its "
	    "file name was looked for, as tpl/b.css; put the stylesheet beside "
	    "the template (\"scorecard template -o FILE\" writes a copy of "
	    "the default template with its stylesheet)\n");
	/* Its file name beside the template, then among the assets. */
	write_file("tpl/b.css", "p { margin: 1px }\n");
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("p{margin: 1px}"));
	unlink("tpl/b.css");
	write_file("tpl/t.xhtml", LINK("../elsewhere/b.css"));
	OK(run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_out, STYLE("h1{margin: 0}"));
	write_file("tpl/t.xhtml", LINK("css/b.css"));
	OK(run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_out, STYLE("h1{margin: 0}"));
	write_file("tpl/t.xhtml", LINK("css/nowhere.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"css/nowhere.css\" not found, as tpl/css/nowhere.css, "
	    "tpl/nowhere.css and assets/nowhere.css; put the stylesheet "
	    "beside the template (\"scorecard template -o FILE\" writes a "
	    "copy of the default template with its stylesheet)\n");
	/* Escapes: by their file name, only inside; never followed. */
	write_file("tpl/secret.css", "p { margin: 2px }\n");
	write_file("tpl/t.xhtml", LINK("../outside/secret.css"));
	OK(run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_out, STYLE("p{margin: 2px}"));
	unlink("tpl/secret.css");

	/* Escapes. */
	write_file("tpl/t.xhtml", LINK("../../../../../../../etc/passwd"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"../../../../../../../etc/passwd\" is outside the template "
	    "folder and assets, so only its file name was looked for, as "
	    "tpl/passwd and assets/passwd; put the stylesheet beside the "
	    "template (\"scorecard template -o FILE\" writes a copy of the "
	    "default template with its stylesheet)\n");
	write_file("tpl/t.xhtml", LINK("../outside/secret.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "error: data-sc-inline: \"../outside/secret.css\" "
	    "is outside the template folder and assets, so only its file name "
	    "was looked for, as tpl/secret.css and assets/secret.css; "));
	/*
	 * Refused by the text of the path, before anything is looked up:
	 * the same answer whether the target exists or not, and however
	 * deep the template folder is (CI copies the tree deeper).
	 */
	write_file("tpl/t.xhtml", LINK("../outside/missing.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "error: data-sc-inline: \"../outside/missing.css\" "
	    "is outside the template folder and assets, so only its file name "
	    "was looked for, as tpl/missing.css and assets/missing.css; "));
	write_file("tpl/t.xhtml", LINK("css/../../outside/secret.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "is outside the template folder and assets"));
	write_file("tpl/t.xhtml", LINK("../../../../../../../../../../../../"
	    "../../../../../../../../../../../../../../../../../nowhere/x"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "is outside the template folder and assets"));
	/* Up and back in, "." and doubled slashes: as a browser reads them. */
	write_file("tpl/t.xhtml", LINK("../tpl/./css//a.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("body{color: #333}p > q{}"));
	/* ".." after a link is taken from the text, as a URL is. */
	write_file("tpl/t.xhtml", LINK("linkdir/../css/a.css"));
	OK(run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_out, STYLE("body{color: #333}p > q{}"));
	write_file("tpl/t.xhtml", LINK("css/missing.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "\"css/missing.css\" not found, as "
	    "tpl/css/missing.css, tpl/missing.css and assets/missing.css; "));
	write_file("tpl/t.xhtml", LINK("link.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"link.css\" is outside the template folder and assets "
	    "(tpl/link.css leads out through a symbolic link)\n");
	write_file("tpl/t.xhtml", LINK("linkdir/secret.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"linkdir/secret.css\" is outside the template folder and "
	    "assets (tpl/linkdir/secret.css leads out through a symbolic "
	    "link)\n");
	write_file("tpl/t.xhtml", LINK("/etc/passwd"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"/etc/passwd\" must be a relative path, not a URL or an "
	    "absolute path\n");
	write_file("tpl/t.xhtml", LINK("file:///etc/passwd"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"file:///etc/passwd\" must be a relative path, not a URL or an "
	    "absolute path\n");
	write_file("tpl/t.xhtml", LINK("https://example.org/a.css"));
	OK(!run_file("tpl/t.xhtml", c, "assets"));
	OK(contains(g_err, "must be a relative path"));
	OK(!contains(g_out, "SECRET") && !contains(g_out, "root:"));

	/* Content an inline <style> cannot carry. */
	write_file("tpl/t.xhtml", LINK("lt.css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"lt.css\" holds '<', '&' or \"]]>\", which an inline <style> "
	    "cannot carry in XHTML\n");
	write_file("tpl/t.xhtml", LINK("amp.css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	OK(contains(g_err, "\"amp.css\" holds '<', '&'"));
	write_file("tpl/t.xhtml", LINK("cdata.css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	OK(contains(g_err, "\"cdata.css\" holds '<', '&'"));
	write_file("tpl/t.xhtml", LINK("nul.css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"nul.css\" holds the character U+0000, which HTML does not "
	    "allow\n");
	write_file("tpl/t.xhtml", LINK("missing.css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"missing.css\" not found, as tpl/missing.css; put the "
	    "stylesheet beside the template (\"scorecard template -o FILE\" "
	    "writes a copy of the default template with its stylesheet)\n");
	write_file("tpl/t.xhtml", LINK("css"));
	OK(!run_file("tpl/t.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml:2:1: error: data-sc-inline: "
	    "\"css\": is a folder, not a regular file\n");

	/* Only on <link rel="stylesheet" href>. */
	FAILS(T("<p data-sc-inline=\"\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-inline: only <link "
	    "rel=\"stylesheet\"> can be inlined, not <p>\n");
	FAILS(T("<link rel=\"icon\" href=\"a.css\" data-sc-inline=\"\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-inline: the <link> needs "
	    "rel=\"stylesheet\" and an href\n");
	/* A bad assets folder is reported at load. */
	write_file("tpl/t.xhtml", LINK("css/a.css"));
	OK(!run_file("tpl/t.xhtml", c, "no-such-assets"));
	STR_EQ(g_err, "scorecard: no-such-assets: error: cannot use assets "
	    "folder: No such file or directory\n");
	OK(!run_file("tpl/t.xhtml", c, "tpl/t.xhtml"));
	STR_EQ(g_err, "scorecard: tpl/t.xhtml: error: cannot use assets "
	    "folder: Not a directory\n");
#undef LINK
#undef STYLE
	tctx_free(c);
}

static void
test_hostile(void)
{
	struct tctx	*c = tctx_new();
	struct buf	 b;
	int		 i;

	/* External entity: refused at its declaration, never read. */
	FAILS("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
	    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
	    "<html xmlns=\"" XHTML "\"><p>&xxe;</p></html>", c,
	    "scorecard: t.xhtml:3:41: error: entity declarations are not "
	    "allowed in templates\n");
	/* External parameter entity. */
	FAILS("<!DOCTYPE html [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">"
	    "\n%p;\n]>\n<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:2:41: error: entity declarations are not "
	    "allowed in templates\n");
	/* Billion laughs. */
	FAILS("<!DOCTYPE html [\n<!ENTITY a \"aaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n"
	    "<html xmlns=\"" XHTML "\"><p>&d;&d;&d;&d;&d;&d;</p></html>", c,
	    "scorecard: t.xhtml:2:24: error: entity declarations are not "
	    "allowed in templates\n");
	/* Quadratic blow-up: one 50 KB entity referenced 5,000 times. */
	buf_init(&b);
	BUF_PUTSL(&b, "<!DOCTYPE html [<!ENTITY x \"");
	for (i = 0; i < 50000; i++)
		buf_putc(&b, 'x');
	BUF_PUTSL(&b, "\">]><html xmlns=\"" XHTML "\"><p>");
	for (i = 0; i < 5000; i++)
		BUF_PUTSL(&b, "&x;");
	BUF_PUTSL(&b, "</p></html>");
	OK(!run(b.data, c));
	OK(contains(g_err, "t.xhtml:1:") &&
	    contains(g_err, "error: entity declarations are not allowed in "
	    "templates\n"));
	buf_release(&b);
	/* Any other DOCTYPE. */
	FAILS("<!DOCTYPE html SYSTEM \"file:///etc/passwd\">\n"
	    "<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:43: error: only <!DOCTYPE html> is allowed "
	    "in templates, without SYSTEM or PUBLIC identifiers\n");
	FAILS("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
	    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
	    "<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:109: error: only <!DOCTYPE html> is allowed "
	    "in templates, without SYSTEM or PUBLIC identifiers\n");
	FAILS("<!DOCTYPE svg><html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:14: error: only <!DOCTYPE html> is allowed "
	    "in templates, without SYSTEM or PUBLIC identifiers\n");
	FAILS("<!DOCTYPE html [\n]>\n<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:1: error: a DOCTYPE with an internal "
	    "subset is not allowed in templates\n");
	FAILS("<!DOCTYPE html [\n<!ATTLIST p class CDATA \"x\">\n]>\n"
	    "<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:2:28: error: DTD declarations are not "
	    "allowed in templates\n");
	FAILS("<!DOCTYPE html [\n<!ELEMENT p ANY>\n]>\n"
	    "<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:2:17: error: DTD declarations are not "
	    "allowed in templates\n");
	FAILS("<!DOCTYPE html [<!NOTATION n SYSTEM \"x\">]>"
	    "<html xmlns=\"" XHTML "\"/>", c,
	    "scorecard: t.xhtml:1:41: error: DTD declarations are not "
	    "allowed in templates\n");
	/* Undefined entities (there is no DTD to define &nbsp;). */
	FAILS(T("<p>&nbsp;</p>"), c,
	    "scorecard: t.xhtml:1:59: error: entity 'nbsp' not defined\n");

	/* XInclude is never processed, and refused. */
	FAILS("<html xmlns=\"" XHTML "\">\n<body>\n<xi:include xmlns:xi="
	    "\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" "
	    "parse=\"text\"/>\n</body></html>", c,
	    "scorecard: t.xhtml:3:1: error: XInclude is not allowed\n");
	FAILS(T("<include xmlns=\"http://www.w3.org/2003/XInclude\" "
	    "href=\"/etc/passwd\" parse=\"text\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: XInclude is not allowed\n");
	OK(!contains(g_out, "root:"));

	/* Malformed XML: libxml2's message with line and column. */
	FAILS("<html xmlns=\"" XHTML "\">\n<body>\n<p>unclosed\n</body>\n"
	    "</html>\n", c,
	    "scorecard: t.xhtml:4:8: error: opening and ending tag mismatch: "
	    "p line 3 and body\n");
	FAILS("", c, "scorecard: t.xhtml:1:1: error: document is empty\n");
	FAILS("<html xmlns=\"" XHTML "\"><p a=\"1\" a=\"2\"/></html>", c,
	    "scorecard: t.xhtml:1:58: error: attribute a redefined\n");
	FAILS("<html xmlns=\"" XHTML "\">\x01</html>", c,
	    "scorecard: t.xhtml:1:44: error: PCDATA invalid Char value "
	    "1\n");

	/* libxml2's warnings are passed on; they do not stop the render. */
	OK(run("<?xml version=\"1.1\"?>" T("<p>x</p>"), c));
	STR_EQ(g_out, E("<p>x</p>"));
	STR_EQ(g_err, "scorecard: t.xhtml:1:20: warning: unsupported version "
	    "'1.1'\n");

	/* Characters XML allows but HTML does not, wherever they are. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n<p>&#x10FFFF;</p></body>"
	    "</html>", c,
	    "scorecard: t.xhtml:2:1: error: text holds the character "
	    "U+10FFFF, which HTML does not allow\n");
	FAILS(T("<p title=\"&#x85;\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: text holds the character U+0085, "
	    "which HTML does not allow\n");
	FAILS(T("<p><![CDATA[\xef\xb7\x90]]></p>"), c,
	    "scorecard: t.xhtml:1:50: error: text holds the character U+FDD0, "
	    "which HTML does not allow\n");
	tctx_markup(c, "m1", "<b>&#xFDD0;</b>");
	tctx_markup(c, "m2", "<b title=\"&#x9F;\"/>");
	FAILS(T("<p data-sc-markup=\"m1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"m1\": text "
	    "holds the character U+FDD0, which HTML does not allow\n");
	FAILS(T("<p data-sc-markup=\"m2\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"m2\": text "
	    "holds the character U+009F, which HTML does not allow\n");

	/* Unknown instructions, reported together with their lines. */
	FAILS("<html xmlns=\"" XHTML "\"><body>\n<p data-sc-foo=\"x\"/>\n"
	    "<p data-sc-TEXT=\"x\"/>\n"
	    "<p data-sc-texts=\"x\"/></body></html>", c,
	    "scorecard: t.xhtml:2:1: error: unknown instruction "
	    "data-sc-foo\n"
	    "scorecard: t.xhtml:3:1: error: attribute data-sc-TEXT: HTML "
	    "would read the name in another case\n"
	    "scorecard: t.xhtml:4:1: error: unknown instruction "
	    "data-sc-texts\n");
	/* HTML lower-cases names on its elements: XML must agree. */
	FAILS(T("<P>x</P>"), c,
	    "scorecard: t.xhtml:1:50: error: element <P>: HTML would read the "
	    "name in another case\n");
	FAILS(T("<p Data-sc-text=\"x\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute Data-sc-text: HTML "
	    "would read the name in another case\n");
	tctx_markup(c, "m3", "<B>x</B>");
	FAILS(T("<p data-sc-markup=\"m3\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-markup: \"m3\": element "
	    "<B>: HTML would read the name in another case\n");
	/* SVG and MathML keep the mixed-case names HTML knows, no others. */
	RENDERS(T("<svg xmlns=\"" SVG "\" viewBox=\"0 0 1 1\" "
	    "preserveAspectRatio=\"none\"><linearGradient "
	    "gradientUnits=\"userSpaceOnUse\"/><foreignObject/></svg>"
	    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" "
	    "definitionURL=\"u\"/>"), c,
	    E("<svg xmlns=\"" SVG "\" viewBox=\"0 0 1 1\" "
	    "preserveAspectRatio=\"none\"><linearGradient "
	    "gradientUnits=\"userSpaceOnUse\" /><foreignObject /></svg>"
	    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" "
	    "definitionURL=\"u\" />"));
	FAILS(T("<svg xmlns=\"" SVG "\"><Rect/></svg>"), c,
	    "scorecard: t.xhtml:1:90: error: element <Rect>: HTML would read "
	    "the name in another case\n");
	FAILS(T("<svg xmlns=\"" SVG "\" strokeWidth=\"1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute strokeWidth: HTML would "
	    "read the name in another case\n");
	FAILS(T("<svg xmlns=\"" SVG "\" viewbox=\"0 0 1 1\"/>"), c,
	    "scorecard: t.xhtml:1:50: error: attribute viewbox: HTML would "
	    "read the name in another case\n");
	FAILS(T("<svg xmlns=\"" SVG "\"><foreignobject/></svg>"), c,
	    "scorecard: t.xhtml:1:90: error: element <foreignobject>: HTML "
	    "would read the name in another case\n");
	/* Other data-* attributes pass through. */
	RENDERS(T("<p data-indicator=\"a\" data-sc=\"b\" data-scx=\"c\"/>"), c,
	    E("<p data-indicator=\"a\" data-sc=\"b\" data-scx=\"c\"></p>"));

	/* Depth: TMPL_MAX_DEPTH levels are fine, one more is not. */
	buf_init(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body>");
	for (i = 2; i < TMPL_MAX_DEPTH; i++)
		BUF_PUTSL(&b, "<i>");
	for (i = 2; i < TMPL_MAX_DEPTH; i++)
		BUF_PUTSL(&b, "</i>");
	BUF_PUTSL(&b, "</body></html>");
	OK(run(b.data, c));
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body>");
	for (i = 1; i < TMPL_MAX_DEPTH; i++)
		BUF_PUTSL(&b, "<i>");
	for (i = 1; i < TMPL_MAX_DEPTH; i++)
		BUF_PUTSL(&b, "</i>");
	BUF_PUTSL(&b, "</body></html>");
	FAILS(b.data, c, "scorecard: t.xhtml:1:812: error: elements are "
	    "nested more than 256 deep\n");
	/* Far deeper: libxml2's own limit, with our message. */
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\">");
	for (i = 0; i < 100000; i++)
		BUF_PUTSL(&b, "<i>");
	OK(!run(b.data, c));
	OK(contains(g_err, "error: elements are nested more than 256 deep\n"));
	INT_EQ(strchr(g_err, '\n') - g_err + 1, strlen(g_err));

	/*
	 * Attributes of one element: TMPL_MAX_ATTRS are fine, one more
	 * is not, counted before libxml2 sees them; a
	 * '>' or '=' inside a quoted value or a comment is not counted.
	 */
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body><!-- <p a=\"1\" b=\"2\"> -->\n"
	    "<p title=\"a > b = c\"");
	for (i = 1; i < TMPL_MAX_ATTRS; i++)
		buf_printf(&b, " data-a%d=\"\"", i);
	BUF_PUTSL(&b, "/></body></html>");
	OK(run(b.data, c));
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body>\n  <p title=\"a\"");
	for (i = 1; i <= TMPL_MAX_ATTRS; i++)
		buf_printf(&b, " data-a%d=\"\"", i);
	BUF_PUTSL(&b, "/></body></html>");
	FAILS(b.data, c, "scorecard: t.xhtml:2:3: error: an element has 1001 "
	    "attributes (the limit is 1000)\n");
	/* Pairs in one data-sc-attr. */
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body><p data-sc-attr=\"");
	for (i = 0; i < TMPL_MAX_PAIRS; i++)
		buf_printf(&b, "data-a%d:x;", i);
	BUF_PUTSL(&b, "\"/></body></html>");
	OK(run(b.data, c));
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><body><p data-sc-attr=\"");
	for (i = 0; i <= TMPL_MAX_PAIRS; i++)
		buf_printf(&b, "data-a%d:x;", i);
	BUF_PUTSL(&b, "\"/></body></html>");
	FAILS(b.data, c, "scorecard: t.xhtml:1:50: error: data-sc-attr: more "
	    "than 256 \"attribute:name\" pairs\n");

	/* Size cap. */
	buf_reset(&b);
	BUF_PUTSL(&b, "<html xmlns=\"" XHTML "\"><!--");
	while (b.len < TMPL_MAX_BYTES - 10)
		buf_putc(&b, '.');
	BUF_PUTSL(&b, "--></html>");
	INT_EQ(b.len, TMPL_MAX_BYTES);
	RENDERS(b.data, c, "<!DOCTYPE html>\n<html xmlns=\"" XHTML
	    "\"></html>\n");
	buf_putc(&b, '\n');
	FAILS(b.data, c, "scorecard: t.xhtml: error: template is larger "
	    "than 4194304 bytes\n");
	buf_release(&b);

	/* Files that are not there or not files. */
	OK(!run_file("missing.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: missing.xhtml: error: cannot read "
	    "template: No such file or directory\n");
	make_dir("adir");
	OK(!run_file("adir", c, NULL));
	STR_EQ(g_err, "scorecard: adir: error: cannot read template: is a "
	    "folder, not a regular file\n");
	/* A named pipe: refused at once, never waited on. */
	remember("fifo.xhtml");
	OK(mkfifo("fifo.xhtml", 0600) == 0);
	OK(!run_file("fifo.xhtml", c, NULL));
	STR_EQ(g_err, "scorecard: fifo.xhtml: error: cannot read template: "
	    "is a pipe; only a regular file can be read here\n");
	tctx_free(c);
}

/* ---------------------------------------------------------------- */
/* Golden cases: DIR/<case>/template.xhtml against expected.html or, */
/* for a failure, expected.stderr.                                   */
/* ---------------------------------------------------------------- */

static struct tctx *
golden_ctx(void)
{
	struct tctx	*c = tctx_new(), *i, *p;

	tctx_text(c, "title", "Children's services: <Q1> & \"more\"");
	tctx_text(c, "organisation", "Example Council");
	tctx_text(c, "lang", "en-GB");
	tctx_bool(c, "draft", true);
	tctx_list(c, "notes");

	i = tctx_add(c, "indicators");
	tctx_text(i, "id", "cla-count");
	tctx_text(i, "name", "Children looked after");
	tctx_text(i, "status", "green");
	tctx_text(i, "latest", "500");
	tctx_markup(i, "chart", "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 100 50\" role=\"img\" aria-labelledby=\"c1-t\">"
	    "<title id=\"c1-t\">Children looked after: 500</title>"
	    "<path d=\"M0 50L50 25L100 30\" fill=\"none\" stroke=\"#000\"/>"
	    "<text x=\"0\" y=\"10\">500 &lt; 586</text></svg>");
	p = tctx_add(i, "points");
	tctx_text(p, "period", "2021-02");
	tctx_text(p, "value", "586");
	p = tctx_add(i, "points");
	tctx_text(p, "period", "2022-01");
	tctx_text(p, "value", "500");

	i = tctx_add(c, "indicators");
	tctx_text(i, "id", "cin-rate");
	tctx_text(i, "name", "Children in need <per 10,000>");
	tctx_text(i, "status", "none");
	tctx_text(i, "latest", "");
	tctx_markup(i, "chart", "<p>No chart: <em>too few points</em></p>");
	tctx_list(i, "points");
	return c;
}

static char *
slurp(const char *path)
{
	FILE	*f;
	char	*s;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(s);
		return NULL;
	}
	s[n] = '\0';
	fclose(f);
	return s;
}

static void
regen(const char *dir, const char *name, const char *want, const char *have)
{
	FILE	*f;

	if (want != NULL && strcmp(want, have) == 0) {
		printf("same      %s/%s\n", dir, name);
		return;
	}
	if ((f = fopen(name, "wb")) == NULL ||
	    fputs(have, f) == EOF || fclose(f) != 0) {
		perror(name);
		harness_fail++;
		return;
	}
	printf("%s  %s/%s\n", want == NULL ? "created " : "replaced", dir,
	    name);
}

static int
case_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_golden(const char *dir, bool rewrite)
{
	struct tctx	*c = golden_ctx();
	DIR		*dp;
	struct dirent	*de;
	char		*names[256], *want_out, *want_err;
	size_t		 n = 0, i;
	int		 dfd;
	bool		 ok;

	if (fchdir(topfd) == -1 || (dp = opendir(dir)) == NULL ||
	    (dfd = open(dir, O_RDONLY | O_DIRECTORY)) == -1) {
		fprintf(stderr, "test_tmpl: %s: %s (run from the top folder "
		    "or name the golden folder)\n", dir, strerror(errno));
		harness_fail++;
		if (chdir(tmpdir) == -1)
			perror(tmpdir);
		tctx_free(c);
		return;
	}
	while ((de = readdir(dp)) != NULL && n < 256)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(dp);
	qsort(names, n, sizeof(names[0]), case_cmp);
	for (i = 0; i < n; i++) {
		if (fchdir(dfd) == -1 || chdir(names[i]) == -1) {
			free(names[i]);
			continue;
		}
		want_out = slurp("expected.html");
		want_err = slurp("expected.stderr");
		ok = run_file("template.xhtml", c, NULL);
		if (rewrite) {
			if (ok)
				regen(names[i], "expected.html", want_out,
				    g_out);
			else
				regen(names[i], "expected.stderr", want_err,
				    g_err);
		} else if (ok != (want_out != NULL) ||
		    (want_out == NULL) == (want_err == NULL) ||
		    strcmp(ok ? want_out : want_err, ok ? g_out : g_err)
		    != 0) {
			fprintf(stderr, "golden %s/%s: FAIL\n--- expected\n"
			    "%s--- got\n%s%s", dir, names[i],
			    want_out != NULL ? want_out : want_err != NULL ?
			    want_err : "(nothing)\n", ok ? g_out : "",
			    g_err != NULL ? g_err : "");
			harness_fail++;
		} else
			harness_pass++;
		free(want_out);
		free(want_err);
		free(names[i]);
	}
	close(dfd);
	if (chdir(tmpdir) == -1)
		perror(tmpdir);
	tctx_free(c);
}

/*
 * A style attribute is CSS, which can load URLs: data-sc-attr may not
 * set it on any element, whatever the value, and the template is
 * refused when it loads.  A style written in the template stays.
 */
static void
test_attr_style(void)
{
	struct tctx	*c = tctx_new();

	tctx_text(c, "s", "background: url(https://e.org/track.png)");
	tctx_text(c, "t", "note");
	FAILS(T("<p data-sc-attr=\"style:s\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute style of "
	    "<p> holds CSS, which can load URLs and change how the page "
	    "looks: it cannot take input text\n");
	/* Not set in the context: refused all the same. */
	FAILS(T("<p data-sc-attr=\"style:nothing\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute style of "
	    "<p> holds CSS, which can load URLs and change how the page "
	    "looks: it cannot take input text\n");
	/* In any case, beside an attribute that may be set. */
	FAILS(T("<p title=\"a\" data-sc-attr=\"title:t; Style:s\">x</p>"), c,
	    "scorecard: t.xhtml:1:50: error: data-sc-attr: attribute Style of "
	    "<p> holds CSS, which can load URLs and change how the page "
	    "looks: it cannot take input text\n");
	/* SVG and MathML elements too. */
	FAILS(T("<svg xmlns=\"" SVG "\"><rect data-sc-attr=\"style:s\"/>"
	    "</svg>"), c,
	    "scorecard: t.xhtml:1:90: error: data-sc-attr: attribute style of "
	    "<rect> holds CSS, which can load URLs and change how the page "
	    "looks: it cannot take input text\n");
	FAILS(T("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi "
	    "data-sc-attr=\"style:s\">x</mi></math>"), c,
	    "scorecard: t.xhtml:1:99: error: data-sc-attr: attribute style "
	    "of <mi> holds CSS, which can load URLs and change how the page "
	    "looks: it cannot take input text\n");
	/* The template's own style, and other attributes, as before. */
	RENDERS(T("<p style=\"color: red\" data-sc-attr=\"title:t\">x</p>"),
	    c, E("<p style=\"color: red\" title=\"note\">x</p>"));
	tctx_free(c);
}

int
main(int argc, char *argv[])
{
	const char	*golden = "tests/tmpl";
	bool		 rewrite = false;

	if (argc > 1 && strcmp(argv[1], "--regen") == 0) {
		rewrite = true;
		argc--;
		argv++;
	}
	if (argc > 1)
		golden = argv[1];
	if ((topfd = open(".", O_RDONLY | O_DIRECTORY)) == -1 ||
	    mkdtemp(tmpdir) == NULL || chdir(tmpdir) == -1) {
		perror("test_tmpl: temporary folder");
		return 1;
	}
	test_text();
	test_text_errors();
	test_scopes();
	test_each();
	test_if();
	test_attr();
	test_attr_urls();
	test_attr_style();
	test_markup();
	test_remove();
	test_nesting();
	test_serialise();
	test_namespaces();
	test_placement();
	test_columns();
	test_inline();
	test_unwrap();
	test_hostile();
	test_golden(golden, rewrite);
	cleanup();
	return harness_done();
}
