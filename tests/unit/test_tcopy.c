/*
 * test_tcopy: tcopy_write(), the copy "scorecard template -o" makes: a
 * copy with its link pointing beside it and the stylesheet copied whole;
 * a template or stylesheet over the cap a render reads them under
 * refused with nothing written (a stylesheet was once copied cut short);
 * a named pipe refused without waiting for a writer; a missing file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "tcopy.h"
#include "tmpl.h"

#include "../harness.h"

static char	 dir[] = "/tmp/test_tcopy.XXXXXX";
static char	 msg[1024];

static const char tpl_text[] = "<html><head><link rel=\"stylesheet\" "
    "href=\"../assets/style.css\"/></head><body/></html>\n";
static const char tpl_copy[] = "<html><head><link rel=\"stylesheet\" "
    "href=\"style.css\"/></head><body/></html>\n";

/* dir/name into b (emptied first). */
static const char *
at(struct buf *b, const char *name)
{
	buf_reset(b);
	buf_printf(b, "%s/%s", dir, name);
	return b->data;
}

/* Writes n bytes of s to path, or n bytes of 'x' when s is NULL. */
static void
put(const char *path, const char *s, size_t n)
{
	FILE	*f;
	size_t	 i;

	f = fopen(path, "wb");
	OK(f != NULL);
	if (f == NULL)
		return;
	if (s != NULL)
		OK(fwrite(s, 1, n, f) == n);
	else
		for (i = 0; i < n; i++)
			putc('x', f);
	OK(fclose(f) == 0);
}

/* Whether the file at path holds exactly the n bytes of s. */
static bool
holds(const char *path, const char *s, size_t n)
{
	struct buf	 b;
	FILE		*f;
	char		 chunk[4096];
	size_t		 k;
	bool		 same;

	if ((f = fopen(path, "rb")) == NULL)
		return false;
	buf_init(&b);
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, k);
	fclose(f);
	same = b.len == n && memcmp(b.data, s, n) == 0;
	buf_release(&b);
	return same;
}

/* tcopy_write() with its message in msg; *csspath freed. */
static enum report_status
copy(const char *tpl, const char *css, const char *path, char **csspath)
{
	enum report_status rc;
	struct diag	 d;
	FILE		*f;
	size_t		 n;

	msg[0] = '\0';
	if ((f = tmpfile()) == NULL) {
		OK(0);
		return REPORT_OUTPUT;
	}
	diag_init(&d, f, "scorecard");
	rc = tcopy_write(tpl, css, path, csspath, &d);
	rewind(f);
	n = fread(msg, 1, sizeof(msg) - 1, f);
	msg[n] = '\0';
	fclose(f);
	OK(d.nerr == (rc == REPORT_OK ? 0 : 1));
	return rc;
}

static void
test_copy(void)
{
	static const char css_text[] = "body { color: #0b0c0c; }\n";
	struct buf	 t, c, o, oc;
	char		*cpath = NULL;

	buf_init(&t), buf_init(&c), buf_init(&o), buf_init(&oc);
	mkdir(at(&o, "ok"), 0755);
	put(at(&t, "tpl.xhtml"), tpl_text, sizeof(tpl_text) - 1);
	put(at(&c, "style.css"), css_text, sizeof(css_text) - 1);
	INT_EQ(copy(t.data, c.data, at(&o, "ok/mine.xhtml"), &cpath),
	    REPORT_OK);
	STR_EQ(msg, "");
	STR_EQ(cpath, at(&oc, "ok/style.css"));
	OK(holds(o.data, tpl_copy, sizeof(tpl_copy) - 1));
	OK(holds(oc.data, css_text, sizeof(css_text) - 1));
	free(cpath);
	buf_release(&t), buf_release(&c), buf_release(&o), buf_release(&oc);
}

/*
 * Over the cap by more than a read's chunk: the old reader stopped
 * there and copied the stylesheet cut short, saying nothing.
 */
static void
test_cap(void)
{
	struct buf	 t, c, big, o, want;

	buf_init(&t), buf_init(&c), buf_init(&big), buf_init(&o);
	buf_init(&want);
	mkdir(at(&o, "cap"), 0755);
	put(at(&t, "tpl.xhtml"), tpl_text, sizeof(tpl_text) - 1);
	put(at(&c, "style.css"), "p {}\n", 5);
	put(at(&big, "big.css"), NULL, TMPL_MAX_BYTES + 200000);

	INT_EQ(copy(t.data, big.data, at(&o, "cap/mine.xhtml"), NULL),
	    REPORT_INPUT);
	buf_printf(&want, "scorecard: %s: error: stylesheet is larger than "
	    "%u bytes\n", big.data, TMPL_MAX_BYTES);
	STR_EQ(msg, want.data);
	OK(access(o.data, F_OK) == -1 && errno == ENOENT);
	OK(access(at(&o, "cap/big.css"), F_OK) == -1 && errno == ENOENT);

	/* A template over the cap, as before. */
	INT_EQ(copy(big.data, c.data, at(&o, "cap/mine.xhtml"), NULL),
	    REPORT_INPUT);
	buf_reset(&want);
	buf_printf(&want, "scorecard: %s: error: template is larger than "
	    "%u bytes\n", big.data, TMPL_MAX_BYTES);
	STR_EQ(msg, want.data);
	OK(access(o.data, F_OK) == -1 && errno == ENOENT);

	/* At the cap exactly: copied whole. */
	put(big.data, NULL, TMPL_MAX_BYTES);
	INT_EQ(copy(t.data, big.data, at(&o, "cap/mine.xhtml"), NULL),
	    REPORT_OK);
	OK(access(at(&o, "cap/big.css"), F_OK) == 0);
	unlink(big.data);
	buf_release(&t), buf_release(&c), buf_release(&big);
	buf_release(&o), buf_release(&want);
}

/* A named pipe with no writer: refused at once (the alarm: not waited). */
static void
test_pipe(void)
{
	struct buf	 t, p, o, want;

	buf_init(&t), buf_init(&p), buf_init(&o), buf_init(&want);
	mkdir(at(&o, "pipe"), 0755);
	put(at(&t, "tpl.xhtml"), tpl_text, sizeof(tpl_text) - 1);
	OK(mkfifo(at(&p, "fifo.css"), 0644) == 0);
	alarm(20);
	INT_EQ(copy(t.data, p.data, at(&o, "pipe/mine.xhtml"), NULL),
	    REPORT_INPUT);
	alarm(0);
	buf_printf(&want, "scorecard: %s: error: cannot open: is a pipe; "
	    "only a regular file can be read here\n", p.data);
	STR_EQ(msg, want.data);
	OK(access(o.data, F_OK) == -1 && errno == ENOENT);
	unlink(p.data);

	/* A missing template. */
	INT_EQ(copy(at(&p, "none.xhtml"), t.data, o.data, NULL),
	    REPORT_INPUT);
	buf_reset(&want);
	buf_printf(&want, "scorecard: %s: error: cannot open: %s\n", p.data,
	    strerror(ENOENT));
	STR_EQ(msg, want.data);
	OK(access(o.data, F_OK) == -1 && errno == ENOENT);
	buf_release(&t), buf_release(&p), buf_release(&o);
	buf_release(&want);
}

int
main(void)
{
	char	 cmd[64];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_copy();
	test_cap();
	test_pipe();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return harness_done();
}
