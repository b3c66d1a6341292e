/*
 * test_file: file_read() on an empty, a small and a capped file, a file
 * at and just over the cap, an endless pipe, a missing file, a folder
 * and a device, with the exact message of each failure.
 */
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "file.h"

#include "../harness.h"

static char	 dir[] = "/tmp/test_file.XXXXXX";
static char	 msg[512];

/* Reads path capped at max into b (emptied first); the message in msg. */
static bool
rd(const char *path, size_t max, bool pipes, struct buf *b)
{
	struct diag	 d;
	FILE		*f;
	size_t		 n;
	bool		 ok;

	buf_reset(b);
	if ((f = tmpfile()) == NULL)
		return false;
	diag_init(&d, f, "scorecard");
	ok = file_read(path, max, pipes, b, &d);
	rewind(f);
	n = fread(msg, 1, sizeof(msg) - 1, f);
	msg[n] = '\0';
	fclose(f);
	OK(d.nerr == (ok ? 0 : 1));
	return ok;
}

static void
put(const char *path, const char *s, size_t n)
{
	FILE	*f;

	f = fopen(path, "wb");
	OK(f != NULL);
	if (f == NULL)
		return;
	OK(fwrite(s, 1, n, f) == n);
	fclose(f);
}

/* Standard input as a pipe a child fills for ever; file_read() on "-". */
static void
test_endless(struct buf *b, size_t mib)
{
	static const char zero[4096];
	int	 p[2], saved, status;
	pid_t	 pid;

	if (pipe(p) == -1 || (saved = dup(STDIN_FILENO)) == -1) {
		perror("test_file: pipe");
		harness_fail++;
		return;
	}
	if ((pid = fork()) == 0) {
		close(p[0]);
		signal(SIGPIPE, SIG_DFL);
		while (write(p[1], zero, sizeof(zero)) > 0)
			continue;
		_exit(0);
	}
	close(p[1]);
	dup2(p[0], STDIN_FILENO);
	close(p[0]);
	OK(!rd("-", mib, true, b));
	OK(b->len > mib && b->len <= mib + 65536);
	STR_EQ(msg, "scorecard: -: error: file too large (the limit is 1 "
	    "MiB)\n");
	/* Without pipes, "-" is only a name. */
	OK(!rd("-", mib, false, b));
	dup2(saved, STDIN_FILENO);
	close(saved);
	if (pid > 0)
		waitpid(pid, &status, 0);
}

/*
 * file_load(): the same reading, in the caller's words: nothing
 * reported, *why and errno saying what failed; with nofollow, a
 * symbolic link is refused.
 */
static void
test_load(void)
{
	char		 tdir[] = "/tmp/test_file_load.XXXXXX";
	char		 p[256], q[256], *big;
	const char	*why;
	struct buf	 b;
	size_t		 mib = 1024 * 1024;

	if (mkdtemp(tdir) == NULL) {
		perror(tdir);
		harness_fail++;
		return;
	}
	buf_init(&b);

	snprintf(p, sizeof(p), "%s/small", tdir);
	put(p, "a\0b\n", 4);
	why = NULL;
	OK(file_load(p, 10, false, &b, &why) && b.len == 4 &&
	    memcmp(b.data, "a\0b\n", 5) == 0 && why == NULL);
	/* Appends; at the cap is fine, one over is EFBIG. */
	OK(file_load(p, 4, true, &b, &why) && b.len == 8 &&
	    memcmp(b.data, "a\0b\na\0b\n", 9) == 0);
	buf_reset(&b);
	errno = 0;
	OK(!file_load(p, 3, false, &b, &why));
	INT_EQ(errno, EFBIG);
	STR_EQ(why, strerror(EFBIG));

	/* Over the cap past a chunk: stops soon after it. */
	big = calloc(1, 3 * mib);
	OK(big != NULL);
	if (big != NULL) {
		snprintf(q, sizeof(q), "%s/big", tdir);
		put(q, big, 3 * mib);
		buf_reset(&b);
		OK(!file_load(q, mib, false, &b, &why));
		INT_EQ(errno, EFBIG);
		OK(b.len > mib && b.len <= mib + 65536);
		buf_reset(&b);
		OK(file_load(q, 3 * mib, false, &b, &why) &&
		    b.len == 3 * mib);
		free(big);
		unlink(q);
	}

	/* Not opened: errno 0, rfile_open()'s reason. */
	snprintf(q, sizeof(q), "%s/missing", tdir);
	errno = ENOENT;
	OK(!file_load(q, 10, false, &b, &why));
	INT_EQ(errno, 0);
	STR_EQ(why, "No such file or directory");
	buf_reset(&b);
	OK(!file_load(tdir, 10, false, &b, &why) && b.len == 0);
	STR_EQ(why, "is a folder, not a regular file");
	OK(!file_load("/dev/zero", 10, false, &b, &why) && b.len == 0);
	STR_EQ(why, "is a device; it must be a regular file");
	/* Never a pipe, not even standard input. */
	OK(!file_load("-", 10, false, &b, &why));
	STR_EQ(why, "No such file or directory");

	/* A symbolic link: followed, or refused with nofollow. */
	snprintf(q, sizeof(q), "%s/link", tdir);
	OK(symlink(p, q) == 0);
	buf_reset(&b);
	OK(file_load(q, 10, false, &b, &why) && b.len == 4);
	buf_reset(&b);
	OK(!file_load(q, 10, true, &b, &why) && b.len == 0);
	STR_EQ(why, "is a symbolic link; it must be a regular file");
	INT_EQ(errno, 0);

	unlink(q);
	unlink(p);
	rmdir(tdir);
	buf_release(&b);
}

int
main(void)
{
	struct buf	 b;
	char		 p[256], want[512], *big;
	size_t		 mib = 1024 * 1024;

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	buf_init(&b);

	snprintf(p, sizeof(p), "%s/empty", dir);
	put(p, "", 0);
	OK(rd(p, 10, false, &b) && b.len == 0 && msg[0] == '\0');

	snprintf(p, sizeof(p), "%s/small", dir);
	put(p, "a\0b\n", 4);
	OK(rd(p, 10, false, &b) && b.len == 4 &&
	    memcmp(b.data, "a\0b\n", 5) == 0);
	OK(rd(p, 4, true, &b) && b.len == 4);	/* at the cap */
	OK(!rd(p, 3, false, &b));		/* one over */
	snprintf(want, sizeof(want), "scorecard: %s: error: file too large "
	    "(the limit is 0 MiB)\n", p);
	STR_EQ(msg, want);

	/* Appends to what b holds. */
	buf_reset(&b);
	BUF_PUTSL(&b, "xy");
	{
		struct diag	 d;

		diag_init(&d, NULL, "scorecard");
		OK(file_read(p, 4, false, &b, &d) && b.len == 6 &&
		    memcmp(b.data, "xya\0b\n", 7) == 0);
	}

	/* Over the cap by one byte, past a chunk: refused. */
	big = calloc(1, 2 * mib + 1);
	OK(big != NULL);
	if (big != NULL) {
		snprintf(p, sizeof(p), "%s/big", dir);
		put(p, big, 2 * mib);
		OK(rd(p, 2 * mib, false, &b) && b.len == 2 * mib);
		OK(!rd(p, 2 * mib - 1, false, &b));
		snprintf(want, sizeof(want), "scorecard: %s: error: file too "
		    "large (the limit is 1 MiB)\n", p);
		STR_EQ(msg, want);
		free(big);
		unlink(p);
	}

	test_endless(&b, mib);

	snprintf(p, sizeof(p), "%s/missing", dir);
	OK(!rd(p, 10, false, &b));
	snprintf(want, sizeof(want), "scorecard: %s: error: cannot open: "
	    "No such file or directory\n", p);
	STR_EQ(msg, want);

	/* Refused unread: a folder, a device. */
	OK(!rd(dir, 10, false, &b) && b.len == 0);
	snprintf(want, sizeof(want), "scorecard: %s: error: cannot open: "
	    "is a folder, not a regular file\n", dir);
	STR_EQ(msg, want);
	OK(!rd("/dev/zero", 10, true, &b) && b.len == 0);
	STR_EQ(msg, "scorecard: /dev/zero: error: cannot open: is a device; "
	    "it must be a regular file or a pipe\n");

	snprintf(p, sizeof(p), "%s/empty", dir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/small", dir);
	unlink(p);
	rmdir(dir);
	buf_release(&b);
	test_load();
	return harness_done();
}
