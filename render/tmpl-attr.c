/*
 * tmpl-attr: data-sc-attr="a:name; xlink:href:name2": its pairs parsed
 * and checked when a template is loaded, and which attributes may take
 * input text at all: no event handlers, no instruction or srcdoc, no
 * namespace declaration, no style (CSS), nothing that animates another
 * attribute or refreshes the page, no URL attribute of an element that
 * loads code, a frame or a stylesheet.  And the URLs input text may give the other
 * URL attributes (url_value_ok(), checked when a render sets them):
 * relative, a fragment, or http, https, mailto or cid.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "tmpl-int.h"
#include "util.h"

/*
 * Attributes whose value a browser may follow as a URL, on any element
 * (HTML's, SVG's and the legacy ones browsers still read); ping and
 * archive hold several, space-separated, srcset a comma-separated list.
 */
static const char *const url_attrs[] = {
	"action", "archive", "background", "cite", "classid", "code",
	"codebase", "data", "dynsrc", "formaction", "href", "icon",
	"itemtype", "longdesc", "lowsrc", "manifest", "ping", "poster",
	"profile", "src", "srcset", "usemap", NULL
};
/* The schemes input text may give a URL attribute. */
static const char *const url_schemes[] = {
	"http", "https", "mailto", "cid", NULL
};
/*
 * Elements whose URL attributes load code, a frame or a stylesheet, or
 * change what every other link means: no input text in them at all.
 */
static const char *const code_elems[] = {
	"applet", "base", "embed", "frame", "iframe", "link", "object",
	"portal", "script", NULL
};
/* SVG elements that animate another element's attributes. */
static const char *const anim_elems[] = {
	"animate", "animateColor", "animateMotion", "animateTransform",
	"discard", "set", NULL
};
/* Their attributes that name the attribute animated or give it values. */
static const char *const anim_attrs[] = {
	"attributeName", "attributeType", "by", "from", "to", "values",
	NULL
};

/* An attribute name or prefix without a colon. */
static bool
valid_ncname(const char *s)
{
	return valid_name(s);
}

void
apairs_free(struct apair *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(p[i].prefix);
		free(p[i].local);
		free(p[i].name);
	}
	free(p);
}

static char *
trimdup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

enum urlkind
url_kind(const struct apair *p)
{
	size_t	 i;

	if (p->prefix != NULL)
		return strcmp(p->prefix, "xlink") == 0 &&
		    strcmp(p->local, "href") == 0 ? URL_ONE : URL_NONE;
	for (i = 0; url_attrs[i] != NULL; i++)
		if (strcasecmp(p->local, url_attrs[i]) == 0)
			break;
	if (url_attrs[i] == NULL)
		return URL_NONE;
	if (strcasecmp(p->local, "srcset") == 0)
		return URL_SRCSET;
	if (strcasecmp(p->local, "ping") == 0 ||
	    strcasecmp(p->local, "archive") == 0)
		return URL_SPACED;
	return URL_ONE;
}

static bool
is_url_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	    ch == '\f';
}

/*
 * Is s[0..n) a URL input text may give: a fragment, a relative path or
 * one of url_schemes?  Read as a browser's URL parser reads it: leading
 * and trailing controls and spaces dropped, tabs and line breaks dropped
 * anywhere, and a scheme being whatever comes before a ':' that is
 * before any '/', '?' or '#' (stricter than the parser, which reads
 * "a b:c" as a path: no colon there at all).
 */
static bool
url_ok(const char *s, size_t n)
{
	char	 scheme[16];
	size_t	 i, k = 0;

	while (n > 0 && (unsigned char)*s <= 0x20)
		s++, n--;
	while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] == '/' || s[i] == '?' || s[i] == '#' ||
		    s[i] == '\\')
			return true;
		if (s[i] == ':')
			break;
		/* Longer than any allowed scheme: kept short, never equal. */
		if (k < sizeof(scheme) - 1)
			scheme[k] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i]);
		k++;
	}
	if (i == n)
		return true;
	if (k >= sizeof(scheme) - 1)
		return false;
	scheme[k] = '\0';
	for (i = 0; url_schemes[i] != NULL; i++)
		if (strcmp(scheme, url_schemes[i]) == 0)
			return true;
	return false;
}

/*
 * Checks every URL of the value s of an attribute of kind k.  In a
 * srcset every word between spaces and commas is checked, descriptors
 * too (they hold no colon): stricter than the srcset parser, simpler.
 */
bool
url_value_ok(enum urlkind k, const char *s)
{
	const char	*e;

	if (k == URL_ONE)
		return url_ok(s, strlen(s));
	for (;;) {
		while (is_url_space(*s) || (k == URL_SRCSET && *s == ','))
			s++;
		if (*s == '\0')
			return true;
		for (e = s; *e != '\0' && !is_url_space(*e) &&
		    (k != URL_SRCSET || *e != ','); e++)
			continue;
		if (!url_ok(s, (size_t)(e - s)))
			return false;
		s = e;
	}
}

/*
 * Parses spec ("a:name; xlink:href:name2"; empty items are skipped)
 * into *pv and *pn.  On failure returns false with a message in err.
 */
bool
attrspec_parse(const char *spec, struct apair **pv, size_t *pn,
    struct buf *err)
{
	struct apair	*v = NULL, *p;
	size_t		 n = 0, i;
	const char	*item, *end, *colon, *c;
	char		*attr = NULL;

	for (item = spec; ; item = end + 1) {
		if ((end = strchr(item, ';')) == NULL)
			end = item + strlen(item);
		free(attr);
		attr = trimdup(item, (size_t)(end - item));
		if (attr[0] != '\0') {
			colon = NULL;
			for (c = attr; *c != '\0'; c++)
				if (*c == ':')
					colon = c;
			if (colon == NULL) {
				buf_printf(err, "\"%s\" should be "
				    "\"attribute:name\"", attr);
				goto fail;
			}
			/* Each pair is checked against those before it. */
			if (n == TMPL_MAX_PAIRS) {
				buf_printf(err, "more than %d \"attribute:"
				    "name\" pairs", TMPL_MAX_PAIRS);
				goto fail;
			}
			v = xreallocarray(v, n + 1, sizeof(v[0]));
			p = &v[n++];
			memset(p, 0, sizeof(*p));
			p->name = trimdup(colon + 1, strlen(colon + 1));
			p->local = trimdup(attr, (size_t)(colon - attr));
			if ((c = strchr(p->local, ':')) != NULL) {
				p->prefix = xstrndup(p->local,
				    (size_t)(c - p->local));
				memmove(p->local, c + 1, strlen(c + 1) + 1);
			}
			if ((p->prefix != NULL && !valid_ncname(p->prefix)) ||
			    !valid_ncname(p->local)) {
				buf_printf(err, "\"%.*s\" is not a valid "
				    "attribute name", (int)(colon - attr), attr);
				goto fail;
			}
			if (!valid_name(p->name)) {
				buf_printf(err, "\"%s\" is not a valid name",
				    p->name);
				goto fail;
			}
			if ((p->prefix != NULL &&
			    strcmp(p->prefix, "xmlns") == 0) ||
			    (p->prefix == NULL &&
			    strcmp(p->local, "xmlns") == 0)) {
				buf_printf(err, "namespace declarations "
				    "cannot be set");
				goto fail;
			}
			if (p->prefix == NULL &&
			    strncasecmp(p->local, "on", 2) == 0) {
				buf_printf(err, "event handler attributes "
				    "such as \"%s\" cannot be set", p->local);
				goto fail;
			}
			if (p->prefix == NULL &&
			    (strncasecmp(p->local, INSTR_PREFIX,
			    sizeof(INSTR_PREFIX) - 1) == 0 ||
			    strcasecmp(p->local, "srcdoc") == 0)) {
				buf_printf(err, "\"%s\" cannot be set",
				    p->local);
				goto fail;
			}
			for (i = 0; i + 1 < n; i++)
				if (strcmp(v[i].local, p->local) == 0 &&
				    (v[i].prefix == NULL) ==
				    (p->prefix == NULL) &&
				    (p->prefix == NULL ||
				    strcmp(v[i].prefix, p->prefix) == 0)) {
					buf_printf(err, "attribute \"%.*s\" "
					    "is set twice", (int)(colon - attr),
					    attr);
					goto fail;
				}
		}
		if (*end == '\0')
			break;
	}
	free(attr);
	if (n == 0) {
		buf_printf(err, "no \"attribute:name\" given");
		apairs_free(v, n);
		return false;
	}
	*pv = v;
	*pn = n;
	return true;
fail:
	free(attr);
	apairs_free(v, n);
	return false;
}

/* Can data-sc-attr set p on n?  The same rules as check_elem_name(). */
bool
check_attr_target(struct tmpl *t, xmlNodePtr n, const struct apair *p,
    struct diag *d)
{
	xmlNsPtr	 ns;

	if (p->prefix == NULL && is_ns(n, NS_SVG) &&
	    in_list(anim_elems, n->name) && in_list(anim_attrs,
	    BAD_CAST p->local)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s of <%s> "
		    "animates another attribute: it cannot take input text",
		    p->local, n->name);
		return false;
	}
	if (p->prefix == NULL && is_html(n, "meta") &&
	    (strcasecmp(p->local, "http-equiv") == 0 ||
	    (strcasecmp(p->local, "content") == 0 &&
	    attr_val(n, "http-equiv") != NULL))) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s of <meta "
		    "http-equiv> can refresh or redirect the page: it cannot "
		    "take input text", p->local);
		return false;
	}
	/*
	 * CSS can load URLs (url(), image-set()) and restyle or cover the
	 * page: a style attribute takes no input text, on any element.
	 */
	if (p->prefix == NULL && strcasecmp(p->local, "style") == 0) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s of <%s> "
		    "holds CSS, which can load URLs and change how the page "
		    "looks: it cannot take input text", p->local, n->name);
		return false;
	}
	if (url_kind(p) != URL_NONE && n->ns != NULL &&
	    in_list(code_elems, n->name)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s%s%s of "
		    "<%s> loads code, a frame or a stylesheet, or changes "
		    "every link: it cannot take input text",
		    p->prefix != NULL ? p->prefix : "",
		    p->prefix != NULL ? ":" : "", p->local, n->name);
		return false;
	}
	if (p->prefix == NULL) {
		if (name_case_ok(n, p->local, true))
			return true;
		node_err(d, t->path, n, "data-sc-attr: attribute %s: HTML "
		    "would read the name in another case", p->local);
		return false;
	}
	if ((ns = xmlSearchNs(t->doc, n, BAD_CAST p->prefix)) == NULL) {
		node_err(d, t->path, n, "data-sc-attr: namespace prefix "
		    "\"%s\" is not declared", p->prefix);
		return false;
	}
	if (!ns_html_ok(n, ns, p->local)) {
		node_err(d, t->path, n, "data-sc-attr: attribute %s:%s: HTML "
		    "reads only xml:lang, xml:space and, on SVG and MathML, "
		    "xlink:href and its kin in \"%s\"", p->prefix, p->local,
		    NS_XLINK);
		return false;
	}
	return true;
}
