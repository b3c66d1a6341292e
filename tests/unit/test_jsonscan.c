/*
 * test_jsonscan: the tree the scanner builds is the tree cJSON's own
 * parser makes of the same clean text (types, keys, strings byte for
 * byte, numbers bit for bit, order), for hand-made documents and for
 * every file of the JSON fuzz corpus and the golden inputs that the
 * scanner accepts; and the places it gives.  Run from the top of the
 * source tree (as tests/run.sh does).
 */
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "jsonmsg.h"
#include "jsonscan.h"

#include "../harness.h"

static size_t	 ncompared;

/* Whether trees a and b are the same, exactly. */
static int
same(const cJSON *a, const cJSON *b)
{
	const cJSON	*x, *y;

	if ((a->type & 0xFF) != (b->type & 0xFF))
		return 0;
	if ((a->string == NULL) != (b->string == NULL) ||
	    (a->string != NULL && strcmp(a->string, b->string) != 0))
		return 0;
	if (cJSON_IsString(a) && strcmp(a->valuestring, b->valuestring) != 0)
		return 0;
	if (cJSON_IsNumber(a) && memcmp(&a->valuedouble, &b->valuedouble,
	    sizeof(double)) != 0)
		return 0;
	for (x = a->child, y = b->child; x != NULL && y != NULL;
	    x = x->next, y = y->next)
		if (!same(x, y))
			return 0;
	return x == NULL && y == NULL;
}

/*
 * Scans len bytes of text; if the scanner accepts it, its tree must be
 * cJSON's.  Returns whether it was accepted.
 */
static int
check(const char *name, const char *text, size_t len)
{
	struct jsonmsg		 mc;
	struct jsonscan_places	*pl;
	cJSON			*mine, *theirs;
	int			 ok;

	jsonmsg_init(&mc, name, NULL);
	mine = jsonscan(&mc, text, len, &pl);
	OK((mine == NULL) == (mc.nerr > 0));
	OK((mine == NULL) == (pl == NULL));
	if (mine != NULL) {
		theirs = cJSON_ParseWithLengthOpts(text, len, NULL, 0);
		OK(theirs != NULL);
		if (theirs != NULL) {
			ok = same(mine, theirs);
			if (!ok)
				fprintf(stderr, "%s: trees differ\n", name);
			OK(ok);
			ncompared++;
		}
		cJSON_Delete(theirs);
	}
	cJSON_Delete(mine);
	jsonscan_places_free(pl);
	jsonmsg_release(&mc);
	return mine != NULL;
}

static void
test_documents(void)
{
	static const char *const docs[] = {
		"0", "-0", "-0.0", "1e5", "1E-7", "123456789012345678901234",
		"0.1", "2.2250738585072014e-308", "4.9e-324",
		"1.7976931348623157e308",
		"3.14159265358979323846264338327950288419716939937510582097",
		"true", "false", "null", "\"\"", "[]", "{}", "[[]]",
		"{\"\":{}}",
		"\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
		"\"\\u00e9\\u20AC\\ud83d\\ude00 caf\xc3\xa9 "
		"\xf0\x9f\x98\x80\"",
		"{\"k\\u00e9y\": [1, \"two\", {\"three\": [true, false, "
		"null]}], \"b\": -1.5e-3}",
		"  \r\n\t[ 1 ,\n 2 ]\n ",
	};
	size_t	 i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
		OK(check(docs[i], docs[i], strlen(docs[i])));
	/* Refused: no tree, no table. */
	OK(!check("bad", "[1,]", 4));
	OK(!check("bad", "{\"a\":1,\"a\":2}", 13));
	OK(!check("bad", "[\"\\u0000\"]", 10));
}

/* Each file dir/NAME (or dir/NAME/sub): compared if accepted. */
static void
test_dir(const char *dir, const char *sub)
{
	DIR		*d;
	struct dirent	*e;
	struct buf	 path, text;
	FILE		*f;
	char		 chunk[65536];
	size_t		 n;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		harness_fail++;
		return;
	}
	buf_init(&path);
	buf_init(&text);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, e->d_name);
		if (sub != NULL)
			buf_printf(&path, "/%s", sub);
		if ((f = fopen(path.data, "rb")) == NULL)
			continue;
		buf_reset(&text);
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_put(&text, chunk, n);
		fclose(f);
		check(path.data, text.data, text.len);
	}
	closedir(d);
	buf_release(&path);
	buf_release(&text);
}

/* The places of nodes: values and, for members, their keys. */
static void
test_places(void)
{
	const char		*doc = "{\"a\": [1,\n  {\"b\": \"\xc3\xa9\", "
				    "\"c\": null}],\n\"d\": true}";
	struct jsonmsg		 mc;
	struct jsonscan_places	*pl;
	const struct jsonscan_place *p;
	cJSON			*root, *a, *one, *obj, *c, *d;

	jsonmsg_init(&mc, "t.json", NULL);
	root = jsonscan(&mc, doc, strlen(doc), &pl);
	OK(root != NULL);
	if (root == NULL)
		return;
	a = cJSON_GetObjectItemCaseSensitive(root, "a");
	one = a->child;
	obj = one->next;
	c = cJSON_GetObjectItemCaseSensitive(obj, "c");
	d = cJSON_GetObjectItemCaseSensitive(root, "d");
	/* Asked out of order: the table is made on the first request. */
	p = jsonscan_place_of(pl, c);
	OK(p->line == 2 && p->col == 19 && p->kline == 2 && p->kcol == 14);
	p = jsonscan_place_of(pl, root);
	OK(p->line == 1 && p->col == 1 && p->kline == 0);
	p = jsonscan_place_of(pl, a);
	OK(p->line == 1 && p->col == 7 && p->kline == 1 && p->kcol == 2);
	p = jsonscan_place_of(pl, one);
	OK(p->line == 1 && p->col == 8 && p->kline == 0);
	p = jsonscan_place_of(pl, obj);
	OK(p->line == 2 && p->col == 3 && p->kline == 0);
	p = jsonscan_place_of(pl, d);
	OK(p->line == 3 && p->col == 6 && p->kline == 3 && p->kcol == 1);
	cJSON_Delete(root);
	jsonscan_places_free(pl);
	jsonmsg_release(&mc);
}

/* A number of kB from /proc/self/status ("VmHWM:", "VmRSS:"), or -1. */
static long
status_kb(const char *field)
{
	FILE	*f;
	char	 line[256];
	long	 kb = -1;

	if ((f = fopen("/proc/self/status", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, field, strlen(field)) == 0)
			kb = strtol(line + strlen(field), NULL, 10);
	fclose(f);
	return kb;
}

/*
 * How much the resident set grows at its peak (kB) while, in a child
 * process, text is read by the scanner (how 0: then the place of the
 * root's first member is asked for, as a message about an unknown field
 * does) or by cJSON's own parser (how 1); -1 if it cannot be measured.
 */
static long
peak_growth(const char *text, size_t len, int how)
{
	struct jsonmsg		 mc;
	struct jsonscan_places	*pl;
	cJSON			*root;
	long			 base, kb = -1;
	int			 fd[2], st, clr;
	pid_t			 pid;

	if (pipe(fd) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		/* Resets VmHWM to the present resident set (Linux 4.0). */
		if ((clr = open("/proc/self/clear_refs", O_WRONLY)) >= 0) {
			if (write(clr, "5", 1) != 1)
				_exit(1);
			close(clr);
		}
		base = status_kb("VmHWM:");
		if (how == 0) {
			jsonmsg_init(&mc, "big.json", NULL);
			root = jsonscan(&mc, text, len, &pl);
			if (root != NULL && root->child != NULL)
				(void)jsonscan_place_of(pl, root->child);
		} else
			root = cJSON_ParseWithLength(text, len);
		if (root != NULL && base > 0)
			kb = status_kb("VmHWM:") - base;
		if (write(fd[1], &kb, sizeof(kb)) != sizeof(kb))
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (pid < 0 || read(fd[0], &kb, sizeof(kb)) != sizeof(kb))
		kb = -1;
	close(fd[0]);
	if (pid > 0)
		waitpid(pid, &st, 0);
	return kb;
}

/*
 * Memory (red team 2, F08): an object of 500,000 keys.  The scanner
 * builds the tree cJSON's parser would, and needs its places and the
 * keys seen so far besides; it needed 1.65 times cJSON's peak when the
 * keys were held twice (the tree's and the scanner's copies) and asking
 * one place indexed every node (now 1.32).  Skipped under ASan and valgrind, whose
 * allocators change the sizes.
 */
static void
test_memory(void)
{
	struct buf	 text;
	const char	*pre = getenv("LD_PRELOAD");
	long		 mine, theirs;
	int		 i;

#if defined(__SANITIZE_ADDRESS__)
	return;
#endif
	if (pre != NULL && strstr(pre, "vgpreload") != NULL)
		return;
	buf_init(&text);
	buf_puts(&text, "{\"x\": {");
	for (i = 0; i < 500000; i++)
		buf_printf(&text, "%s\"%025d\": 0", i > 0 ? ", " : "", i);
	buf_puts(&text, "}}");
	mine = peak_growth(text.data, text.len, 0);
	theirs = peak_growth(text.data, text.len, 1);
	fprintf(stderr, "test_jsonscan: 500,000 keys: scanner %ld kB, cJSON "
	    "%ld kB at their peaks\n", mine, theirs);
	OK(mine > 0 && theirs > 0);
	OK(mine < theirs * 3 / 2);
	buf_release(&text);
}

int
main(void)
{
	size_t	 before;

	test_documents();
	before = ncompared;
	test_dir("tests/fuzz/corpus/json", NULL);
	OK(ncompared > before + 10);	/* the corpus has clean files */
	before = ncompared;
	test_dir("tests/golden", "input.json");
	OK(ncompared > before + 5);
	test_places();
	test_memory();
	return harness_done();
}
