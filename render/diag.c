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
	d->within = NULL;
}

void
diag_init_from(struct diag *d, const struct diag *parent)
{
	diag_init(d, parent->out, parent->prog);
	d->within = parent->within;
}

void
diag_take(struct diag *d, struct diag *from)
{
	d->nerr += from->nerr;
	d->nwarn += from->nwarn;
	from->nerr = from->nwarn = 0;
}

static void
vmsg(struct diag *d, enum diag_level lvl, const char *within,
    const char *file, int line, int col, const char *fmt, va_list ap)
{
	struct buf	 b;

	if (lvl == DIAG_ERROR)
		d->nerr++;
	else
		d->nwarn++;
	if (d->out == NULL)
		return;
	buf_init(&b);
	buf_printf(&b, "%s: ", d->prog);
	if (file != NULL) {
		if (within != NULL)
			buf_printf(&b, "%s/", within);
		buf_puts(&b, file);
		if (line > 0)
			buf_printf(&b, ":%d:%d", line, col);
		BUF_PUTSL(&b, ": ");
	}
	buf_puts(&b, lvl == DIAG_ERROR ? "error: " : "warning: ");
	buf_vprintf(&b, fmt, ap);
	buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, d->out);
	fflush(d->out);
	buf_release(&b);
}

void
diag_msg(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	vmsg(d, lvl, NULL, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_out(struct diag *d, enum diag_level lvl, const char *file,
    const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	vmsg(d, lvl, d->within, file, 0, 0, fmt, ap);
	va_end(ap);
}
