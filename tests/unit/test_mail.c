/*
 * Unit tests of mail: the headers of report.eml hold text from the
 * input (the subject is the report's title), which must never end a
 * header and start another, nor make a line longer than RFC 5322's 998
 * bytes; the golden tests check whole messages with tests/mailcheck.py.
 * Also what report.eml's size warning counts a part as (mail_body_size())
 * and eml's check of --mail-link.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "eml.h"
#include "harness.h"
#include "mail.h"

/* The message with subject subj; b is reset first. */
static void
message(struct buf *b, const char *subj)
{
	struct mail_head h;

	memset(&h, 0, sizeof(h));
	h.from = "Performance team <performance@example.invalid>";
	h.to = "undisclosed-recipients:;";
	h.subject = subj;
	h.date = 1643673600;
	h.msgid = "x@scorecard";
	buf_reset(b);
	mail_write(b, &h, "text\n", "<p>html</p>", NULL, 0);
}

/* The header block: up to the first empty line. */
static size_t
head_len(const struct buf *b)
{
	const char	*e = strstr(b->data, "\r\n\r\n");

	return e == NULL ? b->len : (size_t)(e - b->data) + 2;
}

/* Counts header lines that start with name (at a line start). */
static int
count_header(const struct buf *b, const char *name)
{
	size_t	 i, n = head_len(b), len = strlen(name);
	int	 k = 0;

	for (i = 0; i < n; i++)
		if ((i == 0 || b->data[i - 1] == '\n') &&
		    strncmp(b->data + i, name, len) == 0)
			k++;
	return k;
}

/* Every line of the header block ends in CR LF and fits 998 bytes;
 * continuation lines start with a space. */
static int
lines_ok(const struct buf *b)
{
	size_t	 i, start = 0, n = head_len(b);

	for (i = 0; i < n; i++) {
		if (b->data[i] == '\r' && b->data[i + 1] != '\n')
			return 0;
		if (b->data[i] == '\n') {
			if (i == 0 || b->data[i - 1] != '\r' ||
			    i - start > 998 + 1)
				return 0;
			start = i + 1;
		}
	}
	return 1;
}

static void
test_injection(void)
{
	struct buf	 b;

	buf_init(&b);
	message(&b, "Scorecard");
	OK(strstr(b.data, "\r\nSubject: Scorecard\r\nDate: ") != NULL);
	INT_EQ(count_header(&b, "Subject:"), 1);

	/* CR LF and a header of the input's choosing: one Subject still. */
	message(&b, "Scorecard\r\nBcc: victim@example.org\r\n\r\nbody");
	INT_EQ(count_header(&b, "Bcc:"), 0);
	INT_EQ(count_header(&b, "Subject:"), 1);
	OK(strstr(b.data, "Subject: Scorecard  Bcc: victim@example.org    "
	    "body\r\nDate: ") != NULL);
	OK(lines_ok(&b));
	/* A bare LF, CR or other control character too. */
	message(&b, "a\nBcc: x\rCc: y\tz\x1b[1m");
	INT_EQ(count_header(&b, "Bcc:"), 0);
	INT_EQ(count_header(&b, "Cc:"), 0);
	OK(strstr(b.data, "Subject: a Bcc: x Cc: y z [1m\r\n") != NULL);
	/* Non-ASCII with a line break: encoded words, no break. */
	message(&b, "caf\xc3\xa9\r\nBcc: x");
	INT_EQ(count_header(&b, "Bcc:"), 0);
	OK(strstr(b.data, "Subject: =?UTF-8?B?Y2Fmw6kgIEJjYzogeA==?=\r\n") !=
	    NULL);
	buf_release(&b);
}

static void
test_long(void)
{
	struct buf	 b, s;
	int		 i;

	buf_init(&b);
	buf_init(&s);
	/* 3,000 bytes of ASCII: folded into encoded words, never one line. */
	for (i = 0; i < 100; i++)
		buf_puts(&s, "A title that goes on and on ");
	message(&b, s.data);
	OK(lines_ok(&b));
	INT_EQ(count_header(&b, "Subject:"), 1);
	OK(strstr(b.data, "Subject: =?UTF-8?B?") != NULL);
	/* Just short enough stays as it is. */
	buf_reset(&s);
	for (i = 0; i < 900; i++)
		buf_putc(&s, 'x');
	message(&b, s.data);
	OK(lines_ok(&b));
	OK(strstr(b.data, "Subject: xxxx") != NULL);
	buf_putc(&s, 'x');
	message(&b, s.data);
	OK(lines_ok(&b));
	OK(strstr(b.data, "Subject: =?UTF-8?B?") != NULL);
	buf_release(&s);
	buf_release(&b);
}

static void
test_addresses(void)
{
	OK(mail_check_address("Team <team@example.org>") == NULL);
	OK(mail_check_address("") != NULL);
	OK(mail_check_address("a@b\r\nBcc: c@d") != NULL);
	OK(mail_check_address("a@b\n") != NULL);
	OK(mail_check_address("a\x7f@b") != NULL);
}

/* mail_body_size(n) is what an image of n bytes adds to the message. */
static void
test_body_size(void)
{
	static const size_t ns[] = { 1, 2, 3, 56, 57, 58, 114, 1000, 5700 };
	struct mail_head h;
	struct mail_image img;
	struct buf	 b;
	unsigned char	*png;
	size_t		 i, base;

	buf_init(&b);
	png = calloc(1, 5700);
	memset(&h, 0, sizeof(h));
	h.from = h.to = h.subject = "x";
	h.msgid = "x@scorecard";
	img.cid = "c@scorecard";
	img.filename = "c.png";
	img.data = png;
	img.len = 0;
	mail_write(&b, &h, "text\n", "<p>html</p>", &img, 1);
	base = b.len;
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		img.len = ns[i];
		buf_reset(&b);
		mail_write(&b, &h, "text\n", "<p>html</p>", &img, 1);
		OK(b.len - base == mail_body_size(ns[i]));
	}
	free(png);
	buf_release(&b);
}

static void
test_links(void)
{
	char	 long_url[2100];

	OK(eml_check_link("https://www.example.gov.uk/board/report.html") ==
	    NULL);
	OK(eml_check_link("http://intranet/board/report.html?v=2") == NULL);
	OK(eml_check_link("ftp://example.org/r.html") != NULL);
	OK(eml_check_link("www.example.org/r.html") != NULL);
	OK(eml_check_link("https://") != NULL);
	OK(eml_check_link("https:///r.html") != NULL);
	OK(eml_check_link("https://example.org/r.html#top") != NULL);
	OK(eml_check_link("https://example.org/a b.html") != NULL);
	OK(eml_check_link("https://example.org/\"onclick=x") != NULL);
	OK(eml_check_link("https://example.org/<b>") != NULL);
	OK(eml_check_link("https://example.org/caf\xc3\xa9") != NULL);
	OK(eml_check_link("https://example.org/\x7f") != NULL);
	memset(long_url, 'a', sizeof(long_url) - 1);
	long_url[sizeof(long_url) - 1] = '\0';
	memcpy(long_url, "https://", 8);
	OK(eml_check_link(long_url) != NULL);
	long_url[2000] = '\0';
	OK(eml_check_link(long_url) == NULL);
}

int
main(void)
{
	test_injection();
	test_long();
	test_addresses();
	test_body_size();
	test_links();
	return harness_done();
}
