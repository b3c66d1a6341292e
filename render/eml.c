/*
 * eml: the parts and headers of report.eml.  The chart parts borrow the
 * PNGs' bytes from the ofiles, so report.eml is built in a buffer of
 * its own and only then added (adding a file may move the others).
 * Content-IDs are the PNG's file name @scorecard, as the template's
 * cid: URLs (bind.c's chart_cid) say; the Message-ID is made from the
 * HTML's SHA-256, so the same report gives the same message.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "eml.h"
#include "figures.h"
#include "mail.h"
#include "model.h"
#include "ofiles.h"
#include "period.h"
#include "sha256.h"
#include "tmpl.h"
#include "util.h"
#include "words.h"

long long
eml_date(const struct eml_opts *mo, const struct model *m)
{
	const char	*sde;
	char		*end;
	long long	 t;

	if (mo->has_date)
		return mo->date;
	if (m->report.published != NULL)
		return (long long)period_start(&m->report.pubperiod) * 86400;
	if ((sde = getenv("SOURCE_DATE_EPOCH")) != NULL) {
		t = strtoll(sde, &end, 10);
		if (*sde != '\0' && *end == '\0' && t >= 0)
			return t;
	}
	/* Never the clock: the day after the reporting period ends. */
	return ((long long)period_end(&m->report.period) + 1) * 86400;
}

bool
eml_make(const struct eml_opts *mo, const char *assets,
    const struct model *m, const struct figures *figs,
    const struct figcounts *prev, const struct tmpl_ctx *c, struct ofiles *of,
    struct diag *d)
{
	struct tmpl	 *t;
	struct buf	  html, text, subj, name, cid, *out;
	struct mail_image *img;
	struct mail_head  h;
	size_t		  i, j, nimg = 0;
	char		  hex[65], tmp[32];
	bool		  ok = false;

	if ((t = tmpl_load(mo->template, assets, d)) == NULL)
		return false;
	buf_init(&html);
	buf_init(&text);
	buf_init(&subj);
	buf_init(&name);
	buf_init(&cid);
	img = xcalloc(m->ninds, sizeof(*img));
	if (!tmpl_render(t, c, &html, d))
		goto out;
	words_text_report(&text, m, figs, prev);
	/* The PNG parts, in report order; names live in of until freed. */
	for (i = 0; i < m->ninds; i++) {
		buf_reset(&name);
		buf_printf(&name, "charts/%s.png", m->inds[i].id);
		for (j = 0; j < of->n; j++)
			if (strcmp(of->f[j].name, name.data) == 0)
				break;
		if (j == of->n)
			continue;
		img[nimg].filename = of->f[j].name + strlen("charts/");
		img[nimg].data = of->f[j].data.data;
		img[nimg].len = of->f[j].data.len;
		nimg++;
	}
	/* Content-IDs: the file name @scorecard, as the template's cid:. */
	for (i = 0; i < nimg; i++) {
		buf_printf(&cid, "%s@scorecard", img[i].filename);
		buf_putc(&cid, '\0');
	}
	for (i = 0, j = 0; i < nimg; i++) {
		img[i].cid = cid.data + j;
		j += strlen(cid.data + j) + 1;
	}
	buf_printf(&subj, "%s: %s", m->report.title,
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	sha256_hex(html.data, html.len, hex);
	hex[32] = '\0';
	buf_reset(&name);
	buf_printf(&name, "%s@scorecard", hex);
	h.from = mo->from != NULL ? mo->from :
	    "Performance team <performance@example.invalid>";
	h.to = mo->to != NULL ? mo->to : "undisclosed-recipients:;";
	h.subject = mo->subject != NULL ? mo->subject : subj.data;
	h.date = eml_date(mo, m);
	h.msgid = name.data;
	h.pdf = NULL;
	h.pdflen = 0;
	if (mo->attach_pdf)
		for (j = 0; j < of->n; j++)
			if (strcmp(of->f[j].name, "report.pdf") == 0) {
				h.pdf = of->f[j].data.data;
				h.pdflen = of->f[j].data.len;
			}
	/* Adding a file may move of->f: write into a buf of our own first. */
	{
		struct buf	 eml;

		buf_init(&eml);
		mail_write(&eml, &h, text.data, html.data, img, nimg);
		out = ofiles_add(of, "report.eml");
		buf_release(out);
		*out = eml;
	}
	ok = true;
out:
	free(img);
	buf_release(&cid);
	buf_release(&name);
	buf_release(&subj);
	buf_release(&text);
	buf_release(&html);
	tmpl_free(t);
	return ok;
}
