/*
 * libFuzzer harness: templates from arbitrary bytes.  tmpl_load() takes
 * a path, so each input is written to t.xhtml in a private folder made
 * once (beside a harmless a.css for data-sc-inline).  A template that
 * loads is rendered against a fixed context holding every kind of value
 * under the names the seed templates use, some of them hostile (markup
 * characters, script and data URLs, a control character, empty strings
 * and lists, four "sections" that nested repetition multiplies).  Load and render must never fault, must report every failure,
 * and must leave libxml2's process-wide entity loader as they found it;
 * a render that succeeds must be a well-formed XML document starting
 * "<!DOCTYPE html>" with no NUL, and rendering twice must give the same
 * bytes.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "buf.h"
#include "diag.h"
#include "tmpl.h"
#include "util.h"
#include "../tnodecmp.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static char		 dir[64];
static char		 path[96];
static struct tctx	*ctx;
static FILE		*devnull;

static const char svg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" "
    "width=\"10\" height=\"10\" role=\"img\"><title>t &amp; u</title>"
    "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"
    "<text x=\"1\" y=\"2\">&lt;b&gt;</text></svg>";

static void
cleanup(void)
{
	char	 css[96];

	snprintf(css, sizeof(css), "%s/a.css", dir);
	unlink(css);
	unlink(path);
	rmdir(dir);
	tctx_free(ctx);
}

/* Sets the names of the seed templates, and a few more, in scope c. */
static void
fill(struct tctx *c, int depth)
{
	struct tctx	*it;
	int		 i;

	tctx_text(c, "title", "Children <looked> after & \"safe\"");
	tctx_text(c, "organisation", "Northfield");
	tctx_text(c, "name", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\x88");
	tctx_text(c, "id", "cla-count");
	tctx_text(c, "status", "red");
	tctx_text(c, "lang", "en");
	tctx_text(c, "href", "#ind-cla-count");
	tctx_text(c, "url", "javascript:alert(1)");
	tctx_text(c, "datauri", "data:text/html,<script>alert(1)</script>");
	tctx_text(c, "jsurl", " \tjava\nscript:alert(1)");
	tctx_text(c, "srcset", "a.png 1x, javascript:alert(1) 2x");
	tctx_text(c, "heading", "Section");
	tctx_text(c, "latest", "500");
	tctx_text(c, "period", "January 2022");
	tctx_text(c, "value", "1,234.5%");
	tctx_text(c, "empty", "");
	tctx_text(c, "ctl", "bell\x07");
	tctx_text(c, "t", "a\r\nb\tc ]]> </style>");
	tctx_bool(c, "yes", true);
	tctx_bool(c, "no", false);
	tctx_bool(c, "draft", depth == 0);
	tctx_markup(c, "chart", svg);
	tctx_markup(c, "m", "<b>x</b> and <i>y</i>");
	tctx_markup(c, "para", "<p>a</p>");
	tctx_list(c, "none");
	if (depth >= 2)
		return;
	/* Four sections, found from inside each other: nesting
	 * data-sc-each="sections" k deep asks for 4^k copies. */
	for (i = 0; depth == 0 && i < 4; i++)
		tctx_text(tctx_add(c, "sections"), "heading", "Section");
	for (i = 0; i < 2; i++) {
		it = tctx_add(c, "indicators");
		fill(it, depth + 1);
		it = tctx_add(c, "points");
		tctx_text(it, "period", "2020-01");
		tctx_text(it, "value", "1");
		it = tctx_add(c, "items");
		fill(it, depth + 1);
		it = tctx_add(c, "notes");
		tctx_text(it, "text", "note");
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*tmp;
	char		 css[96];
	FILE		*fp;

	(void)argc;
	(void)argv;
	tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/fuzz_tmpl.XXXXXX",
	    tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/t.xhtml", dir);
	snprintf(css, sizeof(css), "%s/a.css", dir);
	if ((fp = fopen(css, "w")) == NULL)
		abort();
	fputs("body { color: #0b0c0c; }\n", fp);
	fclose(fp);
	ctx = tctx_new();
	fill(ctx, 0);
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	atexit(cleanup);
	return 0;
}

/* Whether the size bytes at p hold the string s. */
static bool
holds(const uint8_t *p, size_t size, const char *s)
{
	size_t	 n = strlen(s), i;

	for (i = 0; i + n <= size; i++)
		if (memcmp(p + i, s, n) == 0)
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlExternalEntityLoader	 loader;
	xmlDocPtr	 doc;
	struct tmpl	*t;
	struct diag	 d;
	struct buf	 a, b;
	struct tnode	*direct = NULL, *parsed;
	bool		 ok;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (size > 0 && write(fd, data, size) != (ssize_t)size) ||
	    close(fd) == -1)
		abort();
	loader = xmlGetExternalEntityLoader();
	diag_init(&d, devnull, "scorecard");
	t = tmpl_load(path, NULL, &d);
	CHECK(xmlGetExternalEntityLoader() == loader);
	if (t == NULL) {
		CHECK(d.nerr > 0);
		return 0;
	}
	CHECK(d.nerr == 0);
	buf_init(&a);
	buf_init(&b);
	ok = tmpl_render(t, ctx, &a, &d);
	CHECK(xmlGetExternalEntityLoader() == loader);
	if (!ok)
		CHECK(d.nerr > 0);
	else {
		CHECK(d.nerr == 0);
		CHECK(strlen(a.data) == a.len);
		CHECK(strncmp(a.data, "<!DOCTYPE html>\n", 16) == 0);
		/* The work of a render is bounded (cost_check()): the
		 * context holds well under 64 KiB, escaping at most
		 * sextuples a byte. */
		CHECK(a.len <= 6 * ((size_t)TMPL_MAX_OUTPUT +
		    TMPL_PER_INPUT * 65536));
		/* No hostile context URL reaches an attribute whole.  A
		 * template's own text may hold the same words (the
		 * dictionary offers them), so only a template that does
		 * not can tell that the context's value got through. */
		if (!holds(data, size, "data:text/html,"))
			CHECK(strstr(a.data, "=\"data:text/html,") == NULL);
		if (!holds(data, size, "javascript:"))
			CHECK(strstr(a.data, "1x, javascript:") == NULL);
		/* What we write is well-formed XML, whatever came in. */
		doc = xmlReadMemory(a.data, (int)a.len, "out.html", NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING | XML_PARSE_HUGE);
		CHECK(doc != NULL);
		xmlFreeDoc(doc);
		/* Again, with the tree the PDF typesetter is handed: the
		 * same bytes, and the tree they read back as. */
		CHECK(tmpl_render_tree(t, ctx, &b, &direct, &d));
		CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
		if ((parsed = tmpl_tree(a.data, a.len, &d)) != NULL)
			CHECK(tnode_same(direct, parsed));
		tnode_free(parsed);
		tnode_free(direct);
	}
	buf_release(&a);
	buf_release(&b);
	tmpl_free(t);
	return 0;
}
