/*
 * rfile: opening a file the program is told to read without ever
 * blocking on it.  A named pipe opened for reading waits for a writer,
 * for ever if none comes, and a device may never end: only a regular
 * file is read, except the input itself, which may also be a pipe
 * ("-" for standard input, or a named pipe given by its path), waited
 * for as the user asked.
 */
#ifndef RFILE_H
#define RFILE_H

#include <stdbool.h>

/*
 * Opens path for reading (close-on-exec; with nofollow, not through a
 * symbolic link).  Accepts a regular file; with pipes, also "-"
 * (standard input, whatever it is) and a named pipe or pipe.  Anything
 * else is refused before a byte is read, without blocking.  Returns a
 * blocking descriptor, or -1 with *why set to a static message:
 * strerror(errno), or "is a folder", "is a pipe", "is a device",
 * "is a socket", each followed by what it must be.
 */
int	rfile_open(const char *path, bool pipes, bool nofollow,
	    const char **why);

#endif
