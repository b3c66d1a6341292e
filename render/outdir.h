/*
 * outdir: writing a render's files (ofiles) as a folder, atomically.
 * outdir_commit() is the whole of it for render -o: every file is
 * written under a new temporary folder beside the destination, which
 * then replaces the destination in one rename, so that a failed run,
 * at any point, leaves the destination as it was.  The other functions
 * are a batch's staging (batch.c) and the pieces archive.c builds its
 * snapshots from.  Every function
 * reports its own errors through d (naming the path) and returns
 * failure; none exits.
 */
#ifndef OUTDIR_H
#define OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "ofiles.h"

/*
 * The one rule for symbolic links, for render -o and archive --into: the
 * folder named is never a link (those in the path above it are followed
 * as usual).  A render swaps a new folder in for it, which would replace
 * the link, not what it leads to; an archive would write somewhere its
 * name does not say.  The message, after the folder's name.
 */
#define	OUTDIR_LINK_REFUSED	"is a symbolic link; give the folder it " \
			"leads to (scorecard does not write through a link)"

/*
 * --replace swaps the new snapshot in with one atomic exchange, which
 * leaves the old one under the new one's temporary name until it is
 * renamed <period>.replaced-N.  Before the exchange the old one gets
 * this empty file, so that a run killed in between leaves a temporary
 * folder that says it holds a published snapshot: the next archive run
 * keeps it (archive.c) instead of outdir_tmp_sweep() sweeping it away.
 */
#define	OUTDIR_RETIRED	".retired"

/* The folders outdir_mkparents() made, to be taken away if the run fails. */
struct outdir_made {
	char	**v;
	size_t	  n;
};

/*
 * Writes the files of of into a new folder beside outdir and swaps it in
 * for outdir, which must be missing, empty or an earlier render
 * (report.html and summary.json), and never a symbolic link.  Makes
 * the missing parent folders, and takes them away again if it fails;
 * first sweeps the temporary folders of killed runs (with a warning
 * each).  On failure outdir is as it was.
 */
bool	outdir_commit(const char *outdir, const struct ofiles *of,
	    struct diag *d);

/*
 * outdir_commit() in three steps, for a render that writes the files it
 * has made while it makes its last (report.pdf).  outdir_open() does
 * the checks, the sweep and the temporary folder (locked) of
 * outdir_commit(): false after reporting, with nothing left to undo;
 * true, and then outdir_close() must follow.  outdir_put() writes file
 * i of of into the temporary folder (each file once).  outdir_close()
 * with ok swaps the folder in for outdir as outdir_commit() does;
 * without ok (or if that fails) it removes the folder and the parents
 * made, so that outdir is as it was.  Returns whether the folder was
 * swapped in.
 */
struct outdir_tx {
	char		*dir;		/* outdir without trailing slashes */
	struct buf	 tmp;		/* the temporary folder */
	struct outdir_made md;
	bool		 exists;	/* outdir is there to be replaced */
	int		 lock;		/* on tmp */
};

bool	outdir_open(struct outdir_tx *tx, const char *outdir,
	    struct diag *d);
bool	outdir_put(struct outdir_tx *tx, const struct ofiles *of, size_t i,
	    struct diag *d);
bool	outdir_close(struct outdir_tx *tx, bool ok, struct diag *d);

/*
 * Many renders put in place together, all or none (batch.c): their
 * files are written first into a staging folder inside outdir, and only
 * once every one is there is each swapped in for outdir/<name>.
 *
 * outdir_stage() makes outdir (and its missing parents, noted in *md)
 * and the staging folder outdir/.tmp-XXXXXX, its name in stage, locked
 * as outdir_tmp_make() locks; first it sweeps those of killed runs.
 * Returns the lock (close it when the staging folder is gone), or -2
 * after reporting.  Each render goes into stage/<name> with
 * outdir_write_new(); outdir_swap() then puts each in place.  Finally
 * outdir_rm_tree(stage) takes away what is left (the renders replaced)
 * and outdir_made_release(md, nothing swapped in) the folders made.
 */
int	outdir_stage(const char *outdir, struct buf *stage,
	    struct outdir_made *md, struct diag *d);

/*
 * Makes the folder dir, which must not exist, and writes every file of
 * of into it; on failure, removes it again.
 */
bool	outdir_write_new(const char *dir, const struct ofiles *of,
	    struct diag *d);

/*
 * Swaps the complete folder staged in for outdir, as outdir_commit()
 * swaps its own (outdir missing, empty or an earlier render, never a
 * link; parents made as needed; the same messages).  Afterwards staged
 * holds what outdir held, if anything.  On failure outdir is as it was.
 */
bool	outdir_swap(const char *staged, const char *outdir, struct diag *d);

/*
 * Writes every file of of into the new, empty folder dir (making
 * dir/charts); durable: each file and folder synced to the disk before
 * it returns.
 */
bool	outdir_write_tree(const char *dir, const struct ofiles *of,
	    bool durable, struct diag *d);

/* Writes all of data to path (new file, mode 0644), checking every step. */
bool	outdir_write_file(const char *path, const struct buf *data,
	    bool durable, struct diag *d);

/*
 * Makes the entries of folder path (a file written into it, a rename)
 * survive a power cut.  Reports and returns false if it cannot.
 */
bool	outdir_fsync(const char *path, struct diag *d);

/*
 * A temporary folder: made with mkdtemp() from tmp (ending in XXXXXX)
 * and locked (flock) for as long as the run that made it lives, so
 * that a later run can tell one left by a killed run (unlocked) from
 * one being written (locked).  Returns the lock's descriptor (close it
 * when done with the folder), -1 with errno set if mkdtemp() failed
 * (the caller says so), or -2 after reporting.
 */
int	outdir_tmp_make(struct buf *tmp, struct diag *d);

/*
 * Removes the temporary folders in parent named prefix + six characters
 * (as outdir_tmp_make() makes them) that no live run holds: a run
 * killed before it could swap its folder in leaves one.  Says so for
 * each (a warning).  One with the OUTDIR_RETIRED mark holds a published
 * snapshot and is kept.  A folder made but not yet locked by another
 * run in the microseconds between its mkdtemp() and flock() could be
 * taken for one: that run then fails cleanly when it writes (nothing of
 * the destination is touched before its folder is complete).
 */
void	outdir_tmp_sweep(const char *parent, const char *prefix,
	    struct diag *d);

/*
 * Removes a folder tree; symbolic links are removed, never followed
 * (the walk is by file descriptor, each folder opened from its parent
 * with O_NOFOLLOW).  Gives up below 64 levels.  Silent.
 */
void	outdir_rm_tree(const char *path);

/*
 * Makes every missing parent folder of path (not path itself), noting
 * each in *md (start it { NULL, 0 }).  A path, or a part of it, too long
 * for the system (with room for ".tmp-XXXXXX" beside it) is refused
 * before anything is made.
 */
bool	outdir_mkparents(const char *path, struct outdir_made *md,
	    struct diag *d);

/*
 * Forgets the folders outdir_mkparents() made; with undo, first removes
 * them, innermost first (rmdir(): only while they are still empty).
 */
void	outdir_made_release(struct outdir_made *md, bool undo);

#endif
