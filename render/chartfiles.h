/*
 * chartfiles: a render's chart files.  Each chart's scene becomes
 * charts/<name>.svg here (the same SVG goes inline in the report), and
 * charts/<name>.png and, with pdf, charts/<name>.pdf on a worker thread
 * (worker.h; without the PDFs, the PNG encoded on that draw's own
 * thread) while the main thread goes on with the next chart and the
 * template.  The scenes are kept until chartfiles_release(), for
 * report.pdf (ch->figs).  A chart's messages name its file
 * (charts/<name>.png) and are held until chartfiles_collect(), which
 * writes them in the charts' order, whichever thread found them when.
 */
#ifndef CHARTFILES_H
#define CHARTFILES_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "ofiles.h"
#include "pdf.h"
#include "scene.h"
#include "worker.h"

/* One chart's files being drawn: the worker's, until it is waited for. */
struct chartjob {
	struct scene	 s;		/* owned; read by report.pdf too */
	bool		 pdf;		/* make its PDF too */
	size_t		 png, pdffile;	/* indexes into the ofiles */
	char		*pngname;	/* owned: charts/<name>.png */
	char		*pdfname;	/* owned: charts/<name>.pdf */
	int		 ticket;	/* the PNG being encoded, or -1 */
	struct buf	 pngout, pdfout;
	struct diag	 d;		/* the job's messages and counts */
	FILE		*msgf;		/* d.out until collected, or NULL */
	char		*msgs;		/* what msgf holds (open_memstream) */
	size_t		 msglen;
	bool		 ok;
	bool		 claimed;	/* being drawn, or drawn (ch->lock) */
	struct chartfiles *ch;
};

/*
 * The drawing state of one render.  Zero it, then chartfiles_init();
 * chartfiles_release() frees it (also when zeroed only).
 */
struct chartfiles {
	struct draw	*dr;		/* the main thread's: measures */
	struct measure	 ms;
	struct chart_opts opts;
	bool		 pdf;
	struct diag	 d0;		/* where jobs' messages go */
	struct worker	*w;		/* started at the first chart */
	struct chartjob	**jobs;		/* each its own: the worker
					   holds pointers */
	size_t		 njobs, maxjobs;
	struct pdf_figures figs;	/* every scene, for report.pdf */
	pthread_mutex_t	 lock;		/* the jobs' claimed, and busy */
	pthread_cond_t	 idle;		/* busy went down */
	bool		 lockinit;
	size_t		 busy;		/* charts chartfiles_help() draws */
};

/*
 * Starts drawing: a drawing context, its measure, the default chart
 * options with ownlabel (the authority's series label).  Messages of
 * the charts drawn on the worker go where d's go.
 */
void	chartfiles_init(struct chartfiles *ch, const char *ownlabel,
	    bool pdf, const struct diag *d);
/*
 * Stops the worker (charts not yet drawn are dropped), writes what the
 * charts drawn but not collected said, and frees ch.
 */
void	chartfiles_release(struct chartfiles *ch);

/*
 * Makes scene s charts/<name>.svg in of and sets svg to the SVG (title,
 * desc and tableid as svg_write() takes them); queues its PNG (and,
 * with ch->pdf, its PDF) to the worker, whose files stay empty until
 * chartfiles_collect().  s is taken and left empty.  Cannot fail: a
 * chart's failure is reported when it is drawn and counted at
 * chartfiles_collect().
 */
void	chartfiles_emit(struct chartfiles *ch, struct ofiles *of,
	    struct scene *s, const char *name, const char *title,
	    const char *desc, const char *tableid, struct buf *svg);

/*
 * On a thread other than the worker's, with a drawing context of its
 * own (dr): draws the charts the worker has not started, the last
 * first, until none is left, as the worker would (the PNG encoded
 * there).  report.pdf's worker calls it once report.pdf is made: the
 * charts are then the render's longest chain.  Every chart must have
 * been emitted before.  Returns how many it drew.
 */
size_t	chartfiles_help(struct chartfiles *ch, struct draw *dr);

/*
 * Waits for the worker (and chartfiles_help()) and puts every chart's
 * PNG and PDF into its file.
 * Returns false if any failed (each reported where it failed, its
 * messages written now in the charts' order; the counts are added to
 * d).
 */
bool	chartfiles_collect(struct chartfiles *ch, struct ofiles *of,
	    struct diag *d);

#endif
