/*
 * tmpl-parse: the hardened parse of a template, of markup from the
 * context and of the output read back, and libxml2's global state.
 * safe_parse() parses from memory with XML_PARSE_NONET and none of the
 * options that load or substitute anything (NOENT, DTDLOAD, DTDATTR),
 * XInclude never run.  Before libxml2 sees the text it refuses an
 * encoding whose bytes below 0x80 are not ASCII and an element of more
 * than TMPL_MAX_ATTRS attributes (xml_most_attrs()).  Around the parse
 * it installs a deny-all external entity loader and a structured error
 * handler (libxml2 2.9 has no per-context handler), and restores both
 * after.  SAX hooks on the parser context stop the parse at the first
 * DTD declaration, so an entity is refused before it is ever expanded
 * (billion laughs, quadratic blow-up, file:// entities).  libxml2's
 * first error is forwarded to diag with its line and column (or kept
 * for the caller: markup is reported at its element).
 *
 * Not thread safe: the entity loader libxml2 consults is process-wide.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"
#include "util.h"

static struct pstate *
pstate_of(void *ctx)
{
	xmlParserCtxtPtr	 ctxt = ctx;

	return ctxt == NULL ? NULL : ctxt->_private;
}

/*
 * Records an error of the parse at line and col, if it is the first:
 * into ps->capture when set, else through ps->d.
 */
static void
ps_refuse(struct pstate *ps, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
ps_refuse(struct pstate *ps, int line, int col, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (ps->nerr++ > 0)
		return;
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (ps->capture != NULL) {
		buf_puts(ps->capture, b.data);
		ps->line = line;
	} else
		diag_msg(ps->d, DIAG_ERROR, ps->file, line, col, "%s", b.data);
	buf_release(&b);
}

/* Reports msg at the parser's position and stops the parse. */
static void
parse_refuse(xmlParserCtxtPtr ctxt, int line, const char *msg)
{
	struct pstate	*ps = ctxt->_private;
	int		 col = 1;

	if (line == 0 && ctxt->input != NULL) {
		line = ctxt->input->line;
		col = ctxt->input->col;
	}
	ps_refuse(ps, line, col, "%s", msg);
	xmlStopParser(ctxt);
}

static void
sax_internal_subset(void *ctx, const xmlChar *name, const xmlChar *extid,
    const xmlChar *sysid)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct pstate		*ps = pstate_of(ctx);

	if (extid != NULL || sysid != NULL || name == NULL ||
	    strcasecmp((const char *)name, "html") != 0) {
		parse_refuse(ctxt, 0, "only <!DOCTYPE html> is allowed in "
		    "templates, without SYSTEM or PUBLIC identifiers");
		return;
	}
	if (ctxt->input != NULL && ctxt->input->cur != NULL &&
	    *ctxt->input->cur == '[') {
		ps->subset = true;
		ps->subsetline = ctxt->input->line;
	}
	xmlSAX2InternalSubset(ctx, name, extid, sysid);
}

/* Called after the internal subset: refuse one even if it was empty. */
static void
sax_external_subset(void *ctx, const xmlChar *name, const xmlChar *extid,
    const xmlChar *sysid)
{
	struct pstate	*ps = pstate_of(ctx);

	(void)name;
	(void)extid;
	(void)sysid;
	if (ps->subset)
		parse_refuse(ctx, ps->subsetline, "a DOCTYPE with an internal "
		    "subset is not allowed in templates");
	/* Never load an external subset. */
}

static void
sax_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *pubid, const xmlChar *sysid, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pubid;
	(void)sysid;
	(void)content;
	parse_refuse(ctx, 0, "entity declarations are not allowed in "
	    "templates");
}

static void
sax_unparsed_entity_decl(void *ctx, const xmlChar *name,
    const xmlChar *pubid, const xmlChar *sysid, const xmlChar *notation)
{
	(void)name;
	(void)pubid;
	(void)sysid;
	(void)notation;
	parse_refuse(ctx, 0, "entity declarations are not allowed in "
	    "templates");
}

static void
sax_element_decl(void *ctx, const xmlChar *name, int type,
    xmlElementContentPtr content)
{
	(void)name;
	(void)type;
	(void)content;
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

static void
sax_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *fullname,
    int type, int def, const xmlChar *defval, xmlEnumerationPtr tree)
{
	(void)elem;
	(void)fullname;
	(void)type;
	(void)def;
	(void)defval;
	xmlFreeEnumeration(tree);	/* the callback owns it */
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

static void
sax_notation_decl(void *ctx, const xmlChar *name, const xmlChar *pubid,
    const xmlChar *sysid)
{
	(void)name;
	(void)pubid;
	(void)sysid;
	parse_refuse(ctx, 0, "DTD declarations are not allowed in templates");
}

/* Only the five predefined entities exist. */
static xmlEntityPtr
sax_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static xmlEntityPtr
sax_get_pentity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

static xmlParserInputPtr
sax_resolve_entity(void *ctx, const xmlChar *pubid, const xmlChar *sysid)
{
	(void)pubid;
	(void)sysid;
	parse_refuse(ctx, 0, "external entities are not allowed in "
	    "templates");
	return NULL;
}

/* Installed for the length of a parse: nothing is ever loaded. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	if (ctxt != NULL && ctxt->sax != NULL &&
	    ctxt->sax->getEntity == sax_get_entity)
		parse_refuse(ctxt, 0, "templates may not load files or "
		    "URLs");
	return NULL;
}

/*
 * Copies libxml2's message: trailing space trimmed, a capital
 * lowered if the first word is an ordinary one ("Opening", not
 * "StartTag"), the misleading XML_PARSE_HUGE hint replaced.
 */
static void
put_xml_msg(struct buf *b, const xmlError *e)
{
	static const char	 depth[] = "Excessive depth in document";
	const char		*m;
	size_t			 n, i;
	bool			 lower = true;

	m = e->message != NULL ? e->message : "parse error";
	n = strlen(m);
	if (strncmp(m, depth, sizeof(depth) - 1) == 0) {
		buf_printf(b, "elements are nested more than %d deep",
		    TMPL_MAX_DEPTH);
		return;
	}
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' ' ||
	    m[n - 1] == '\r' || m[n - 1] == '\t'))
		n--;
	for (i = 1; i < n && m[i] != ' ' && m[i] != ':'; i++)
		if (m[i] >= 'A' && m[i] <= 'Z')
			lower = false;
	if (n > 0 && lower && m[0] >= 'A' && m[0] <= 'Z') {
		buf_putc(b, (char)(m[0] - 'A' + 'a'));
		buf_put(b, m + 1, n - 1);
	} else
		buf_put(b, m, n);
}

static void
parse_error(void *arg, xmlErrorPtr e)
{
	struct pstate	*ps = arg;
	struct buf	 b;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	if (e->level == XML_ERR_WARNING) {
		if (ps->nerr > 0 || ps->capture != NULL)
			return;
		buf_init(&b);
		put_xml_msg(&b, e);
		diag_msg(ps->d, DIAG_WARN, ps->file, e->line,
		    e->int2 > 0 ? e->int2 : 1, "%s", b.data);
		buf_release(&b);
		return;
	}
	/* Report the first error only: later ones are its echoes. */
	if (ps->nerr++ > 0)
		return;
	if (ps->capture != NULL) {
		put_xml_msg(ps->capture, e);
		ps->line = e->line;
		return;
	}
	buf_init(&b);
	put_xml_msg(&b, e);
	diag_msg(ps->d, DIAG_ERROR, ps->file, e->line,
	    e->int2 > 0 ? e->int2 : 1, "%s", b.data);
	buf_release(&b);
}

/*
 * Whether data is in an encoding in which every byte below 0x80 is that
 * ASCII character, so that most_attrs() reads its tags right: UTF-8,
 * ASCII, ISO 8859, Windows 125x or KOI8.  libxml2 also reads UTF-16,
 * UTF-32, EBCDIC and more, found from a byte order mark, the first
 * bytes or the XML declaration; those are refused (their '"' or '='
 * bytes are not ours to count).  If not, names the encoding in name.
 */
static bool
ascii_compatible(const char *data, size_t len, struct buf *name)
{
	static const char *const exact[] = { "UTF-8", "UTF8", "US-ASCII",
	    "ASCII", "LATIN1", "LATIN-1", NULL };
	static const char *const prefix[] = { "ISO-8859-", "ISO8859-",
	    "ISO_8859-", "WINDOWS-125", "CP125", "KOI8-", NULL };
	const unsigned char *u = (const unsigned char *)data;
	const char	*p, *e, *q;
	size_t		 i, n, k;

	buf_reset(name);
	/* UTF-32's marks first: FF FE 00 00 starts with UTF-16's. */
	if (len >= 4 && (memcmp(u, "\x00\x00\xfe\xff", 4) == 0 ||
	    memcmp(u, "\xff\xfe\x00\x00", 4) == 0))
		BUF_PUTSL(name, "UTF-32");
	else if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		BUF_PUTSL(name, "UTF-16");
	/* No mark: where the NUL bytes of "<" fall. */
	else if (len >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0) ||
	    (u[1] == 0 && u[2] == 0 && u[3] == 0)))
		BUF_PUTSL(name, "UTF-32");
	else if (len >= 2 && (u[0] == 0 || u[1] == 0))
		BUF_PUTSL(name, "UTF-16");
	else if (len >= 4 && (u[2] == 0 || u[3] == 0))
		BUF_PUTSL(name, "UTF-16 or UTF-32");
	else if (len >= 4 && memcmp(u, "\x4c\x6f\xa7\x94", 4) == 0)
		BUF_PUTSL(name, "EBCDIC");
	if (name->len > 0)
		return false;
	p = data;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* The XML declaration, if any: it ends at the first "?>". */
	n = len - (size_t)(p - data);
	if (n < 5 || memcmp(p, "<?xml", 5) != 0)
		return true;
	for (e = p; e + 1 < p + n && (e[0] != '?' || e[1] != '>'); e++)
		continue;
	if (e + 1 >= p + n)
		return true;		/* malformed: libxml2 says so */
	for (q = p; q + 8 <= e && memcmp(q, "encoding", 8) != 0; q++)
		continue;
	if (q + 8 > e)
		return true;
	for (q += 8; q < e && strchr(" \t\r\n=", *q) != NULL; q++)
		continue;
	if (q >= e || (*q != '"' && *q != '\''))
		return true;		/* malformed: libxml2 says so */
	for (k = 1; q + k < e && q[k] != *q; k++)
		continue;
	buf_put(name, q + 1, k - 1);
	for (i = 0; exact[i] != NULL; i++)
		if (strcasecmp(name->data, exact[i]) == 0)
			return true;
	for (i = 0; prefix[i] != NULL; i++) {
		n = strlen(prefix[i]);
		if (name->len > n && strncasecmp(name->data, prefix[i], n) == 0)
			return true;
	}
	return false;
}

/*
 * Parses len bytes of data with every loading feature off and the DTD
 * hooks above in place.  Returns the document, or NULL after reporting
 * through ps.  Restores libxml2's global handlers before returning.
 */
xmlDocPtr
safe_parse(const char *data, size_t len, const char *url, struct pstate *ps)
{
	xmlParserCtxtPtr		 ctxt = NULL;
	xmlDocPtr			 doc = NULL;
	xmlExternalEntityLoader		 oldloader;
	xmlStructuredErrorFunc		 oldserr;
	void				*oldsctx;
	size_t				 most;
	int				 line, col;
	struct buf			 enc;

	if (len > INT_MAX) {
		ps->nerr++;
		if (ps->capture != NULL)
			buf_puts(ps->capture, "too large");
		else
			diag_msg(ps->d, DIAG_ERROR, ps->file, 0, 0,
			    "too large to parse");
		return NULL;
	}
	buf_init(&enc);
	if (!ascii_compatible(data, len, &enc))
		ps_refuse(ps, 1, 1, "template is in %s; it must be in UTF-8 "
		    "(or ASCII, ISO 8859, Windows-125x or KOI8)", enc.data);
	else if ((most = xml_most_attrs(data, len, &line, &col)) >
	    TMPL_MAX_ATTRS)
		ps_refuse(ps, line, col, "an element has %zu attributes (the "
		    "limit is %d)", most, TMPL_MAX_ATTRS);
	buf_release(&enc);
	if (ps->nerr > 0)
		return NULL;
	xmlInitParser();
	oldloader = xmlGetExternalEntityLoader();
	oldserr = xmlStructuredError;
	oldsctx = xmlStructuredErrorContext;
	xmlSetExternalEntityLoader(deny_loader);
	xmlSetStructuredErrorFunc(ps, parse_error);

	ctxt = nonnull(xmlNewParserCtxt());
	ctxt->_private = ps;
	ctxt->sax->internalSubset = sax_internal_subset;
	ctxt->sax->externalSubset = sax_external_subset;
	ctxt->sax->entityDecl = sax_entity_decl;
	ctxt->sax->unparsedEntityDecl = sax_unparsed_entity_decl;
	ctxt->sax->elementDecl = sax_element_decl;
	ctxt->sax->attributeDecl = sax_attribute_decl;
	ctxt->sax->notationDecl = sax_notation_decl;
	ctxt->sax->getEntity = sax_get_entity;
	ctxt->sax->getParameterEntity = sax_get_pentity;
	ctxt->sax->resolveEntity = sax_resolve_entity;
	ctxt->sax->reference = NULL;

	doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, PARSE_OPTS);
	if (doc != NULL && (ps->nerr > 0 || !ctxt->wellFormed ||
	    !ctxt->nsWellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && ps->nerr == 0) {
		/* libxml2 failed without saying why. */
		ps->nerr++;
		if (ps->capture != NULL)
			buf_puts(ps->capture, "cannot be parsed");
		else
			diag_msg(ps->d, DIAG_ERROR, ps->file, 0, 0,
			    "cannot be parsed");
	}
	xmlFreeParserCtxt(ctxt);
	xmlSetStructuredErrorFunc(oldsctx, oldserr);
	xmlSetExternalEntityLoader(oldloader);
	return doc;
}

/* libxml2's global state, which every parse of the module shares. */
void
tmpl_cleanup(void)
{
	xmlCleanupParser();
}
