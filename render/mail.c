/*
 * mail: MIME by hand.  Boundaries are fixed strings that base64 bodies
 * can never contain ("=_" cannot occur in base64 text, where "=" is only
 * trailing padding), so the message is deterministic: the same report
 * gives the same bytes.  Non-ASCII in the subject and display names goes
 * in RFC 2047 encoded words, split at character boundaries.
 */
#include <string.h>
#include <time.h>

#include "buf.h"
#include "mail.h"
#include "utf8.h"

#define	ALT	"=_scorecard_alternative"
#define	REL	"=_scorecard_related"
#define	MIX	"=_scorecard_mixed"

/* Appends p in base64 lines of 76 characters, each ended by CRLF. */
static void
body64(struct buf *out, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t	 i;

	for (i = 0; i < n; i += 57) {
		buf_putbase64(out, s + i, n - i < 57 ? n - i : 57);
		BUF_PUTSL(out, "\r\n");
	}
}

static bool
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/*
 * Appends s as RFC 2047 encoded words (=?UTF-8?B?...?=), each at most 75
 * characters, never splitting a UTF-8 character; words are separated by
 * a folded line (CRLF space).
 */
static void
encwords(struct buf *out, const char *s)
{
	size_t	 n = strlen(s), i = 0, len;

	while (i < n) {
		len = n - i < 45 ? n - i : 45;
		len = utf8_cut(s + i, len);
		if (i > 0)
			BUF_PUTSL(out, "\r\n ");
		BUF_PUTSL(out, "=?UTF-8?B?");
		buf_putbase64(out, s + i, len);
		BUF_PUTSL(out, "?=");
		i += len;
	}
}

/*
 * A header value: as is if it is ASCII and fits a line (RFC 5322: 998
 * bytes), else encoded words, which fold.  Control characters become
 * spaces first: the subject is the report's title, which may hold a
 * line break, and a CR LF in it would end the header and start another
 * ("Bcc: ...") of the input's choosing.
 */
static void
hvalue(struct buf *out, const char *s)
{
	struct buf		 v;
	const unsigned char	*p;

	buf_init(&v);
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		buf_putc(&v, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
	if (ascii(v.data) && v.len <= 900)
		buf_puts(out, v.data);
	else
		encwords(out, v.data);
	buf_release(&v);
}

/* "Name <addr>": the display name encoded if need be. */
static void
address(struct buf *out, const char *s)
{
	const char	*lt = strrchr(s, '<');

	if (ascii(s) || lt == NULL) {
		buf_puts(out, s);
		return;
	}
	{
		struct buf	 name;
		size_t		 n = (size_t)(lt - s);

		while (n > 0 && s[n - 1] == ' ')
			n--;
		buf_init(&name);
		buf_put(&name, s, n);
		encwords(out, name.data);
		buf_release(&name);
	}
	buf_putc(out, ' ');
	buf_puts(out, lt);
}

const char *
mail_check_address(const char *s)
{
	const unsigned char *p;

	if (*s == '\0')
		return "is empty";
	if (strlen(s) > 998)
		return "is longer than 998 bytes";
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F)
			return "has a control character (a line break?)";
	return NULL;
}

size_t
mail_body_size(size_t n)
{
	size_t	 r = n % 57;

	/* body64(): 76 characters and CRLF a 57 bytes, then the rest. */
	return n / 57 * 78 + (r > 0 ? (r + 2) / 3 * 4 + 2 : 0);
}

void
mail_write(struct buf *out, const struct mail_head *h, const char *text,
    const char *html, const struct mail_image *img, size_t nimg)
{
	struct tm	 tm;
	time_t		 t = (time_t)h->date;
	char		 date[64];
	size_t		 i, size;

	/* At most what is written, reserved at once (buf_reserve()): the
	 * headers, the text with a CR before each LF, the parts. */
	size = 4096 + 4 * strlen(h->from) + 4 * strlen(h->to) +
	    4 * strlen(h->subject) + strlen(h->msgid) +
	    mail_body_size(2 * strlen(text)) + mail_body_size(strlen(html)) +
	    mail_body_size(h->pdf != NULL ? h->pdflen : 0);
	for (i = 0; i < nimg; i++)
		size += 256 + 2 * strlen(img[i].filename) +
		    strlen(img[i].cid) + mail_body_size(img[i].len);
	buf_reserve(out, size);
	gmtime_r(&t, &tm);
	/* LC_TIME is "C": English day and month names, as RFC 5322 wants. */
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	BUF_PUTSL(out, "From: ");
	address(out, h->from);
	BUF_PUTSL(out, "\r\nTo: ");
	address(out, h->to);
	BUF_PUTSL(out, "\r\nSubject: ");
	hvalue(out, h->subject);
	buf_printf(out, "\r\nDate: %s\r\n", date);
	buf_printf(out, "Message-ID: <%s>\r\n", h->msgid);
	BUF_PUTSL(out, "MIME-Version: 1.0\r\n");
	if (h->pdf != NULL)
		BUF_PUTSL(out, "Content-Type: multipart/mixed; boundary=\""
		    MIX "\"\r\n"
		    "\r\n"
		    "This is a message in MIME format.\r\n"
		    "\r\n--" MIX "\r\n");
	BUF_PUTSL(out,
	    "Content-Type: multipart/alternative; boundary=\"" ALT "\"\r\n"
	    "\r\n"
	    "This is a message in MIME format.\r\n"
	    "\r\n--" ALT "\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n");
	/* Text is sent in canonical form: every line ends in CRLF. */
	{
		struct buf	 crlf;
		const char	*p;

		buf_init(&crlf);
		for (p = text; *p != '\0'; p++) {
			if (*p == '\n' && (p == text || p[-1] != '\r'))
				buf_putc(&crlf, '\r');
			buf_putc(&crlf, *p);
		}
		body64(out, crlf.data, crlf.len);
		buf_release(&crlf);
	}
	BUF_PUTSL(out, "\r\n--" ALT "\r\n"
	    "Content-Type: multipart/related; boundary=\"" REL "\";"
	    " type=\"text/html\"\r\n"
	    "\r\n--" REL "\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n");
	body64(out, html, strlen(html));
	for (i = 0; i < nimg; i++) {
		BUF_PUTSL(out, "\r\n--" REL "\r\n");
		buf_printf(out, "Content-Type: image/png; name=\"%s\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "Content-ID: <%s>\r\n"
		    "Content-Disposition: inline; filename=\"%s\"\r\n\r\n",
		    img[i].filename, img[i].cid, img[i].filename);
		body64(out, img[i].data, img[i].len);
	}
	BUF_PUTSL(out, "\r\n--" REL "--\r\n\r\n--" ALT "--\r\n");
	if (h->pdf != NULL) {
		BUF_PUTSL(out, "\r\n--" MIX "\r\n"
		    "Content-Type: application/pdf; name=\"report.pdf\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
		    "\r\n");
		body64(out, h->pdf, h->pdflen);
		BUF_PUTSL(out, "\r\n--" MIX "--\r\n");
	}
}
