/*
 * rfile: a file opened with O_NONBLOCK and checked with fstat() before
 * anything is read, so that a named pipe, a device or a folder put in
 * place of a template, an asset or an input is refused at once instead
 * of hanging the render.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "rfile.h"

static const char *
not_regular(mode_t m, bool pipes)
{
	if (S_ISDIR(m))
		return pipes ? "is a folder, not a file" :
		    "is a folder, not a regular file";
	if (S_ISFIFO(m))
		return "is a pipe; only a regular file can be read here";
	if (S_ISCHR(m) || S_ISBLK(m))
		return pipes ? "is a device; it must be a regular file or a "
		    "pipe" : "is a device; it must be a regular file";
	if (S_ISSOCK(m))
		return pipes ? "is a socket; it must be a regular file or a "
		    "pipe" : "is a socket; it must be a regular file";
	return "is not a regular file";
}

int
rfile_open(const char *path, bool pipes, bool nofollow, const char **why)
{
	struct stat	 st;
	int		 fd, fl, flags = O_RDONLY | O_CLOEXEC;

	if (nofollow)
		flags |= O_NOFOLLOW;
	if (pipes && strcmp(path, "-") == 0) {
		if ((fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)) == -1)
			*why = strerror(errno);
		return fd;
	}
	/* A pipe the user named as the input: wait for its writer. */
	if (pipes && stat(path, &st) == 0 && S_ISFIFO(st.st_mode)) {
		if ((fd = open(path, flags)) == -1)
			*why = strerror(errno);
		return fd;
	}
	if ((fd = open(path, flags | O_NONBLOCK)) == -1) {
		*why = errno == ELOOP && nofollow ? "is a symbolic link; "
		    "it must be a regular file" : strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) && !(pipes && S_ISFIFO(st.st_mode))) {
		*why = not_regular(st.st_mode, pipes);
		close(fd);
		return -1;
	}
	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	return fd;
}
