/*
 * eml: the parts and headers of report.eml.  The chart parts borrow the
 * PNGs' bytes from the ofiles, so report.eml is built in a buffer of
 * its own and only then added (adding a file may move the others).
 * Content-IDs are the PNG's file name @scorecard, as the template's
 * cid: URLs (bind.c's chart_cid) say; the Message-ID is made from the
 * HTML's SHA-256, so the same report gives the same message.
 *
 * Size: a chart's PNG is some 46 KB (62 KB in base64), so a report of
 * 1,000 indicators (gen.py's lac-1000.json) makes a message of 67 MB
 * (97 MB with report.pdf attached), which mail servers refuse.  A
 * message above the limit (EML_LIMIT unless given) gets a warning that
 * names what makes it big and the option that leaves it out; with
 * --mail-no-charts the charts' places say that the chart is in the full
 * report, linked to the indicator there with --mail-link.
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

const char *
eml_check_link(const char *url)
{
	const char	*p, *host;

	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return "expected the report's address, http:// or https://";
	if (*host == '\0' || *host == '/')
		return "expected a host after //";
	if (strlen(url) > 2000)
		return "expected at most 2000 bytes";
	for (p = url; *p != '\0'; p++) {
		if (*p == '#')
			return "expected an address without # (the email adds "
			    "#ind-<id> to link to each indicator)";
		if (*p <= ' ' || *p >= 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\')
			return "expected printable ASCII with no space, quote, "
			    "<, > or \\ (write others as %XX)";
	}
	return NULL;
}

/*
 * The email's own keys in c: report_url, and on each indicator with a
 * chart in the email template's list (sections, then indicators),
 * chart_left_out and chart_url.
 */
static void
eml_keys(const struct eml_opts *mo, struct tmpl_ctx *c)
{
	struct tmpl_ctx	*sec, *ic;
	const char	*anchor;
	struct buf	 url;
	size_t		 i, j;

	if (mo->link != NULL)
		tmpl_ctx_text(c, "report_url", mo->link);
	if (mo->link == NULL && !mo->no_charts)
		return;
	buf_init(&url);
	for (i = 0; (sec = tmpl_ctx_item(c, "sections", i)) != NULL; i++)
		for (j = 0; (ic = tmpl_ctx_item(sec, "indicators", j)) !=
		    NULL; j++) {
			if (tmpl_ctx_get_text(ic, "chart_cid") == NULL)
				continue;
			if (mo->no_charts)
				tmpl_ctx_bool(ic, "chart_left_out", true);
			if (mo->link != NULL && (anchor =
			    tmpl_ctx_get_text(ic, "anchor")) != NULL) {
				buf_reset(&url);
				buf_printf(&url, "%s#%s", mo->link, anchor);
				tmpl_ctx_text(ic, "chart_url", url.data);
			}
		}
	buf_release(&url);
}

/*
 * Warns through d if the message of len bytes is above mo's limit,
 * naming the parts that make it big (nimg charts' images of imgb bytes
 * and report.pdf of pdfb bytes, in base64) and what leaves them out.
 */
static void
eml_warn_size(const struct eml_opts *mo, size_t len, size_t nimg,
    size_t imgb, size_t pdfb, struct diag *d)
{
	size_t		 limit = mo->limit != 0 ? mo->limit : EML_LIMIT;
	struct buf	 parts, todo;

	if (len <= limit)
		return;
	buf_init(&parts);
	buf_init(&todo);
	if (imgb > 0)
		buf_printf(&parts, "its %zu chart%s %.1f MB", nimg,
		    nimg == 1 ? "" : "s", imgb / 1e6);
	if (pdfb > 0) {
		buf_printf(&parts, "%sreport.pdf %.1f MB", imgb > 0 ?
		    " and " : "its ", pdfb / 1e6);
		buf_puts(&todo, "render it without --mail-attach-pdf");
	}
	if (imgb > 0)
		buf_printf(&todo, "%s --mail-no-charts (and --mail-link URL, "
		    "the address report.html will have, to link to each "
		    "chart)", pdfb > 0 ? " and with" : "render it with");
	if (todo.len == 0)
		buf_puts(&todo, "split the report into smaller ones, or "
		    "publish report.html and send its address");
	diag_out(d, DIAG_WARN, "report.eml", "the message is %.1f MB"
	    "%s%s%s, above %s%zu MB%s: %s, or give your server's limit with "
	    "--mail-limit MB", len / 1e6, parts.len > 0 ? " (" : "",
	    parts.len > 0 ? parts.data : "", parts.len > 0 ? " of it)" : "",
	    mo->limit != 0 ? "the limit of " : "", limit / 1000000,
	    mo->limit != 0 ? " (--mail-limit)" : ", the limit of many mail "
	    "servers (Exchange Server's default; Gmail's is 25 MB, Exchange "
	    "Online's 35 MB)", todo.data);
	buf_release(&todo);
	buf_release(&parts);
}

bool
eml_make(const struct eml_opts *mo, const char *assets,
    const struct model *m, const struct figures *figs,
    const struct figcounts *prev, struct tmpl_ctx *c, struct ofiles *of,
    struct diag *d)
{
	struct tmpl	 *t;
	struct buf	  html, text, subj, name, cid, *out;
	struct mail_image *img;
	struct mail_head  h;
	size_t		  i, j, nimg = 0, imgb = 0;
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
	eml_keys(mo, c);
	if (!tmpl_render(t, c, &html, d))
		goto out;
	words_text_report(&text, m, figs, prev);
	if (mo->link != NULL)
		buf_printf(&text, "\nThe full report, with its charts: %s\n",
		    mo->link);
	/* The PNG parts, in report order; names live in of until freed. */
	for (i = 0; i < m->ninds && !mo->no_charts; i++) {
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
		imgb += mail_body_size(img[nimg].len);
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
		eml_warn_size(mo, eml.len, nimg, imgb, h.pdf != NULL ?
		    mail_body_size(h.pdflen) : 0, d);
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
