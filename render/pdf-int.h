/*
 * pdf-int.h: what the files of the pdf module share (pdf.c, pdfwalk.c,
 * pdftable.c, pdfdraw.c): the page's measures, the blocks the walk over
 * the report's tree makes and the typesetter draws, and the functions
 * one file calls in another.  Private: nothing outside the module
 * includes it.  Blocks own their texts (pdf.c's block_free() frees them);
 * spans' links and a block's scene are borrowed from the tree and the
 * figures, which outlive the blocks.  Nothing here reports errors but
 * through the struct ts's diag.
 */
#ifndef PDF_INT_H
#define PDF_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "draw.h"
#include "page.h"
#include "pdf.h"
#include "tmpl.h"

/* A4 portrait, in points. */
#define	PAGE_W		595.276
#define	PAGE_H		841.89
#define	MARGIN_X	51.0		/* 18 mm */
#define	BODY_TOP	62.0		/* below the running head */
#define	BODY_BOTTOM	(PAGE_H - 54.0)	/* above the footer */
#define	BODY_W		(PAGE_W - 2 * MARGIN_X)
#define	BODY_H		(BODY_BOTTOM - BODY_TOP)

#define	SIZE_BODY	9.5
#define	SIZE_SMALL	8.0
#define	SIZE_TABLE	8.0
#define	SIZE_DATA	7.5		/* figures tables: set compactly */
#define	CHART_SCALE	0.5		/* points a chart pixel: 400 x 225 */
#define	CHART_MIN	0.8		/* a chart may shrink to this */
#define	CELL_PAD_X	7.0
#define	PDF_MAX_PARA	4000		/* bytes of a paragraph (cap_text) */
#define	PDF_MAX_CELL	600		/* bytes of a table cell */
#define	PDF_MIN_COL	18.0		/* points: a table column's least text width */
#define	PDF_MAX_PAGES	2000		/* pages of report.pdf */
/* Tagged elements of report.pdf (paragraphs, list items, table rows
 * and cells, figures): Cairo and qpdf hold each, about 3 KB, until the
 * file is written.  The 1,000 indicators of two years allowed take
 * about 100,000. */
#define	PDF_MAX_TAGS	200000
#define	CELL_PAD_Y	1.6
#define	ACROSS_GAP	18.0

#define	INK		0x0B0C0Cu
#define	MUTED		0x505A5Fu
#define	RULE		0xB1B4B6u
#define	LINK		0x1D70B8u
#define	BRAND		0x12436Du

enum bkind {
	B_TEXT,		/* a heading or paragraph */
	B_ROW,		/* a short list, its items side by side */
	B_TABLE,
	B_FIGURE
};

struct cell {
	struct draw_text *t;
	bool		 th;
	bool		 num;
	double		 dx;		/* set right: the offset */
};

struct trow {
	struct cell	*c;
	size_t		 n;
	double		 h;
};

struct block {
	enum bkind	 kind;
	const char	*tag;		/* B_TEXT: "H2", "P", "LBody" */
	int		 level;		/* headings: 1-6 */
	struct draw_text *t;		/* B_TEXT */
	double		 indent;
	char		 bullet[8];	/* list item: its marker */
	bool		 li;		/* a list item's body */
	int		 lopen, lclose;	/* lists opened before, closed after */
	uint32_t	 box;		/* a border around it, or SC_NONE */
	bool		 rule;		/* a rule above (a section, an
					   indicator) */
	char		**dests;	/* ids that name this block */
	size_t		 ndests;
	char		*outline;	/* text of an outline entry */
	int		 olevel;	/* 1 or 2 */
	/* B_ROW */
	struct draw_text **items;
	size_t		 nitems;
	/* B_TABLE */
	struct draw_text *caption;
	struct trow	*rows;
	size_t		 nrows, nhead, ncols;
	double		*colw;
	double		 tw;		/* table width */
	size_t		 across;
	/* B_FIGURE */
	const struct scene *scene;
	char		*alt;
	/* For page.c */
	double		 before;
	bool		 keep;
	double		*rowh;
	size_t		 nrowh;
	size_t		 minrows;
};

struct ts {
	struct draw		*dr;
	const struct pdf_figures *pf;
	struct diag		*d;
	struct block		*b;
	size_t			 n, max;
	/* The paragraph being collected. */
	struct buf		 text;
	struct draw_span	*sp;
	size_t			 nsp, maxsp;
	bool			 space;		/* text ends in a space */
	/* Ids waiting for the next block; every id in the tree. */
	char			**pend;
	size_t			 npend, maxpend;
	char			**ids;
	size_t			 nids, maxids;
	size_t			 nheads;	/* for generated dests */
	int			 lists;		/* lists opened, not yet
						   given to a block */
	bool			 in_article;
	bool			 article_fig;	/* its first figure seen */
	size_t			 article_first;	/* its first block */
	bool			 rule_next;
	bool			 in_footer;	/* small print */
	/* A lower bound of the height set so far (blocks counted .. n
	 * not yet): past PDF_MAX_PAGES pages, the walk stops. */
	double			 least;
	size_t			 counted;
	bool			 toolong;
	/* Tagged elements of the blocks counted: past PDF_MAX_TAGS, the
	 * walk stops too (toolong and toomany set). */
	size_t			 tags;
	bool			 toomany;
	const char		*title, *org, *period, *lang;
};

struct style {
	bool		 bold;
	double		 size;		/* 0: the paragraph's */
	uint32_t	 colour;
	const char	*link;
	bool		 artifact;	/* aria-hidden: an artifact */
};

struct dctx {
	struct draw	*dr;
	struct draw_doc	*doc;
	const struct ts	*ts;
	size_t		 npages;
	int		 outline1;	/* the last level-1 outline entry */
	const char	**alts;		/* each figure's alt, in order */
	size_t		 nalts;
};

/* pdfwalk.c: the tree into blocks. */
bool		 pdf_has_class(const struct tnode *, const char *);
bool		 pdf_is(const struct tnode *, const char *);
bool		 pdf_skipped(const struct tnode *);
int		 pdf_strpcmp(const void *, const void *);
void		 pdf_collect_ids(struct ts *, const struct tnode *);
void		 pdf_pend_id(struct ts *, const struct tnode *);
struct block	*pdf_block_add(struct ts *, enum bkind);
void		 pdf_put_text(struct ts *, const char *, const struct style *);
void		 pdf_inline_walk(struct ts *, const struct tnode *,
		    struct style, bool);
void		 pdf_para_reset(struct ts *);
void		 pdf_cap_text(struct ts *, size_t);
struct draw_text *pdf_para_text(struct ts *, double, double,
		    enum draw_align);
struct style	 pdf_base_style(uint32_t);
struct block	*pdf_para_block(struct ts *, const char *, double, uint32_t,
		    bool, const struct tnode *, double);
void		 pdf_flush_inline(struct ts *, double, uint32_t);
void		 pdf_walk(struct ts *, const struct tnode *);
bool		 pdf_too_long(struct ts *);
double		 pdf_text_h(const struct draw_text *, size_t, size_t);

/* pdftable.c: a table into a block. */
void		 pdf_table(struct ts *, const struct tnode *);

/* pdfdraw.c: the blocks on their pages. */
void		 pdf_furniture(struct dctx *, size_t);
void		 pdf_draw_page(struct dctx *, struct ts *, struct pblock *,
		    size_t, size_t);

#endif
