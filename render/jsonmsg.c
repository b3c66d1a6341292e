/*
 * jsonmsg: the messages of one JSON load, kept until the load ends and
 * then written in the order of their place in the file; the JSON paths
 * they begin with.  Moved out of json.c (issue 16) unchanged.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "jsonmsg.h"
#include "utf8.h"
#include "util.h"

void
jsonmsg_init(struct jsonmsg *mc, const char *name,
    const struct json_where *where)
{
	memset(mc, 0, sizeof(*mc));
	mc->name = name;
	mc->where = where;
	buf_init(&mc->path);
	buf_init(&mc->q);
}

void
jsonmsg_release(struct jsonmsg *mc)
{
	size_t	 i;

	for (i = 0; i < mc->nmsgs; i++)
		free(mc->msgs[i].text);
	free(mc->msgs);
	buf_release(&mc->path);
	buf_release(&mc->q);
	memset(mc, 0, sizeof(*mc));
}

bool
jsonmsg_room(struct jsonmsg *mc, enum diag_level lvl)
{
	if (mc->nmsgs < JSON_MAX_MESSAGES)
		return true;
	if (lvl == DIAG_ERROR)
		mc->nerr++, mc->nunshown_err++;
	mc->nunshown++;
	return false;
}

size_t
jsonmsg_vadd(struct jsonmsg *mc, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, va_list ap)
{
	struct buf	 b;
	struct jsonmsg_ent	*mm;
	size_t		 plen;

	/* Counted, not kept: a bad file cannot fill the memory or the
	 * terminal with messages. */
	if (!jsonmsg_room(mc, lvl))
		return JSONMSG_NONE;
	if (lvl == DIAG_ERROR)
		mc->nerr++;
	buf_init(&b);
	if (path != NULL && *path != '\0')
		buf_printf(&b, "%s: ", path);
	plen = b.len;
	buf_vprintf(&b, fmt, ap);
	if (mc->nmsgs == mc->maxmsgs) {
		mc->maxmsgs = mc->maxmsgs == 0 ? 16 : mc->maxmsgs * 2;
		mc->msgs = xreallocarray(mc->msgs, mc->maxmsgs,
		    sizeof(*mc->msgs));
	}
	mm = &mc->msgs[mc->nmsgs];
	mm->line = line;
	mm->col = col;
	mm->lvl = lvl;
	mm->seq = mc->nmsgs;
	mm->text = buf_detach(&b, NULL);
	mm->plen = plen;
	buf_release(&b);
	return mc->nmsgs++;
}

size_t
jsonmsg_add(struct jsonmsg *mc, enum diag_level lvl, int line, int col,
    const char *path, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 i;

	va_start(ap, fmt);
	i = jsonmsg_vadd(mc, lvl, line, col, path, fmt, ap);
	va_end(ap);
	return i;
}

void
jsonmsg_append(struct jsonmsg *mc, size_t i, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (i == JSONMSG_NONE)
		return;
	buf_init(&b);
	buf_puts(&b, mc->msgs[i].text);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(mc->msgs[i].text);
	mc->msgs[i].text = buf_detach(&b, NULL);
	buf_release(&b);
}

static int
msg_cmp(const void *a, const void *b)
{
	const struct jsonmsg_ent	*x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Writes message mm at the place in the source file that mc->where
 * gives for its line and column of the JSON text, without the JSON path
 * when the place says enough.
 */
static void
msg_where(struct jsonmsg *mc, const struct jsonmsg_ent *mm, struct diag *d)
{
	struct buf	 label, file;
	int		 line = 0, col = 0;
	bool		 nopath;

	buf_init(&label);
	buf_init(&file);
	nopath = mc->where->place(mc->where->arg, mm->line, mm->col, &line,
	    &col, &label);
	if (label.len > 0)
		buf_printf(&file, "%s: %s", mc->name, label.data);
	else
		buf_puts(&file, mc->name);
	diag_msg(d, mm->lvl, file.data, line, col, "%s",
	    mm->text + (nopath ? mm->plen : 0));
	buf_release(&file);
	buf_release(&label);
}

/* Sorts the messages by place and writes them through d. */
void
jsonmsg_flush(struct jsonmsg *mc, struct diag *d)
{
	size_t	 i;

	if (mc->nmsgs > 1)
		qsort(mc->msgs, mc->nmsgs, sizeof(*mc->msgs), msg_cmp);
	for (i = 0; i < mc->nmsgs; i++)
		if (mc->where != NULL && mc->msgs[i].line > 0)
			msg_where(mc, &mc->msgs[i], d);
		else
			diag_msg(d, mc->msgs[i].lvl, mc->name,
			    mc->msgs[i].line, mc->msgs[i].col, "%s",
			    mc->msgs[i].text);
	if (mc->nunshown > 0)
		diag_msg(d, mc->nunshown_err > 0 ? DIAG_ERROR : DIAG_WARN,
		    mc->name, 0, 0, "%zu more %s not shown (%zu errors in "
		    "all; only the first %d messages are shown)", mc->nunshown,
		    mc->nunshown == 1 ? "message" : "messages", mc->nerr,
		    JSON_MAX_MESSAGES);
}

const char *
jsonmsg_quoted(struct jsonmsg *mc, const char *s)
{
	size_t	 len, cut;
	char	*t;

	len = strnlen(s, 41);		/* all that matters: over 40? */
	cut = len;
	if (cut > 40)
		cut = utf8_cut(s, 40);
	t = xstrndup(s, cut);
	buf_reset(&mc->q);
	buf_putjson(&mc->q, t);
	free(t);
	if (cut < len) {
		mc->q.len--;			/* the closing quote */
		BUF_PUTSL(&mc->q, "...\"");
	}
	return mc->q.data;
}

/*
 * Paths.
 */

static bool
path_plain(const char *k)
{
	const char	*p;

	if (!(*k == '_' || (*k >= 'a' && *k <= 'z') ||
	    (*k >= 'A' && *k <= 'Z')))
		return false;
	for (p = k; *p != '\0'; p++)
		if (!(*p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

void
jsonmsg_key(struct jsonmsg *mc, const char *k)
{
	struct buf	*b = &mc->path;

	/* A long key is cut (by jsonmsg_quoted()): a path stays short. */
	if (strnlen(k, 41) <= 40 && path_plain(k)) {
		if (b->len > 0)
			buf_putc(b, '.');
		buf_puts(b, k);
	} else
		buf_printf(b, "[%s]", jsonmsg_quoted(mc, k));
}

/* Appends key k to mc->path; returns the mark for jsonmsg_pop(). */
size_t
jsonmsg_push(struct jsonmsg *mc, const char *k)
{
	size_t	 mark = mc->path.len;

	jsonmsg_key(mc, k);
	return mark;
}

size_t
jsonmsg_push_index(struct jsonmsg *mc, size_t i)
{
	size_t	 mark = mc->path.len;

	buf_printf(&mc->path, "[%zu]", i);
	return mark;
}

void
jsonmsg_pop(struct jsonmsg *mc, size_t mark)
{
	mc->path.len = mark;
	mc->path.data[mark] = '\0';
}
