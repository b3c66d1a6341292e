/*
 * faultcairo: a library preloaded into scorecard (LD_PRELOAD) by
 * tests/faults.sh to make chosen charts' PDFs fail as Cairo fails when
 * memory runs out, which no input can do.  FAULT_CHART_PDF="2 5" fails
 * the 2nd and the 5th chart PDF made: counted as the chart worker makes
 * them, in the charts' order; a surface of A4 width (report.pdf's) is
 * not counted, and fails when FAULT_REPORT_PDF is set.  The surface is
 * made and drawn as usual, but
 * cairo_surface_status() of it, as scorecard asks once it is finished
 * (draw_pdf()), says CAIRO_STATUS_NO_MEMORY.  Only calls from outside
 * Cairo come here: Cairo calls its own functions directly.
 *
 * Test code only: never linked into scorecard.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <cairo-pdf.h>

#define	MAXFAIL	16

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static long		 fail[MAXFAIL];	/* the charts to fail, from 1 */
static size_t		 nfail;
static long		 made;		/* chart PDF surfaces so far */
static cairo_surface_t	*failing[MAXFAIL]; /* made and not destroyed */
static int		 ready;
static int		 report;	/* fail report.pdf's */

typedef cairo_surface_t *(*create_fn)(cairo_write_func_t, void *, double,
    double);
typedef cairo_status_t	(*status_fn)(cairo_surface_t *);
typedef void		(*destroy_fn)(cairo_surface_t *);

/* FAULT_CHART_PDF read once; under the lock. */
static void
setup(void)
{
	const char	*s;
	char		*end;
	long		 n;

	if (ready)
		return;
	ready = 1;
	report = getenv("FAULT_REPORT_PDF") != NULL;
	if ((s = getenv("FAULT_CHART_PDF")) == NULL)
		return;
	while (nfail < MAXFAIL) {
		n = strtol(s, &end, 10);
		if (end == s)
			break;
		fail[nfail++] = n;
		s = end;
	}
}

cairo_surface_t *
cairo_pdf_surface_create_for_stream(cairo_write_func_t write_func,
    void *closure, double width, double height)
{
	create_fn	 real;
	cairo_surface_t	*surf;
	size_t		 i, k;
	int		 hit = 0;

	real = (create_fn)dlsym(RTLD_NEXT,
	    "cairo_pdf_surface_create_for_stream");
	surf = real(write_func, closure, width, height);
	pthread_mutex_lock(&lock);
	setup();
	if (fabs(width - 595.2756) < 0.5) {	/* A4: report.pdf */
		hit = report;
	} else {
		made++;
		for (i = 0; i < nfail; i++)
			if (fail[i] == made)
				hit = 1;
	}
	for (k = 0; hit && k < MAXFAIL; k++)
		if (failing[k] == NULL) {
			failing[k] = surf;
			break;
		}
	pthread_mutex_unlock(&lock);
	return surf;
}

cairo_status_t
cairo_surface_status(cairo_surface_t *surf)
{
	status_fn	 real;
	size_t		 k;
	int		 hit = 0;

	pthread_mutex_lock(&lock);
	for (k = 0; k < MAXFAIL; k++)
		if (surf != NULL && failing[k] == surf)
			hit = 1;
	pthread_mutex_unlock(&lock);
	if (hit)
		return CAIRO_STATUS_NO_MEMORY;
	real = (status_fn)dlsym(RTLD_NEXT, "cairo_surface_status");
	return real(surf);
}

void
cairo_surface_destroy(cairo_surface_t *surf)
{
	destroy_fn	 real;
	size_t		 k;

	pthread_mutex_lock(&lock);
	for (k = 0; k < MAXFAIL; k++)
		if (surf != NULL && failing[k] == surf)
			failing[k] = NULL;
	pthread_mutex_unlock(&lock);
	real = (destroy_fn)dlsym(RTLD_NEXT, "cairo_surface_destroy");
	real(surf);
}
