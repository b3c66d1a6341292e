/*
 * mail: an RFC 5322 message that every mail client opens: report.eml.
 * Mail clients show neither SVG nor data: URIs, so the message is
 *
 *	multipart/alternative
 *	  text/plain		the report as plain text
 *	  multipart/related
 *	    text/html		email-safe HTML: <img src="cid:...">
 *	    image/png ...	each chart, Content-ID, inline
 *
 * with every body in base64 lines of 76 characters.  Pure: appends to a
 * buf; the caller writes the file.
 */
#ifndef MAIL_H
#define MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct mail_image {
	const char	*cid;		/* Content-ID without <>: "x@scorecard" */
	const char	*filename;	/* "x.png" */
	const void	*data;		/* PNG bytes (borrowed) */
	size_t		 len;
};

struct mail_head {
	const char	*from;		/* "Name <addr>" or "addr" */
	const char	*to;
	const char	*subject;	/* any UTF-8 text */
	long long	 date;		/* seconds since the epoch, UTC */
	const char	*msgid;		/* without <>, e.g. "hex@scorecard" */
	const void	*pdf;		/* report.pdf to attach, or NULL:
					   then the message is
					   multipart/mixed of the above and
					   an application/pdf attachment */
	size_t		 pdflen;
};

/*
 * Returns NULL if s may go in a From or To header (printable, no CR or
 * LF, at most 998 bytes), else what is wrong with it.
 */
const char	*mail_check_address(const char *s);

/* The bytes a body of n bytes takes in the message: base64 lines. */
size_t		 mail_body_size(size_t n);

/* Appends the whole message. */
void		 mail_write(struct buf *out, const struct mail_head *h,
		    const char *text, const char *html,
		    const struct mail_image *img, size_t nimg);

#endif
