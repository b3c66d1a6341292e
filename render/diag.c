/*
 * diag: format and count messages.  The whole message is built in a
 * buf and written with one fwrite so that lines from batch's worker
 * processes, which share standard error, never interleave.
 */
#include <stdarg.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

void
diag_init(struct diag *d, FILE *out, const char *prog)
{
	d->out = out;
	d->prog = prog;
	d->nwarn = d->nerr = 0;
}

void
diag_take(struct diag *d, struct diag *from)
{
	d->nerr += from->nerr;
	d->nwarn += from->nwarn;
	from->nerr = from->nwarn = 0;
}

void
diag_msg(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (lvl == DIAG_ERROR)
		d->nerr++;
	else
		d->nwarn++;
	if (d->out == NULL)
		return;
	buf_init(&b);
	buf_printf(&b, "%s: ", d->prog);
	if (file != NULL) {
		buf_puts(&b, file);
		if (line > 0)
			buf_printf(&b, ":%d:%d", line, col);
		BUF_PUTSL(&b, ": ");
	}
	buf_puts(&b, lvl == DIAG_ERROR ? "error: " : "warning: ");
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, d->out);
	fflush(d->out);
	buf_release(&b);
}
