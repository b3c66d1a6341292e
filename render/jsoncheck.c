/*
 * jsoncheck: the input contract (scorecard-input(5)) object by object:
 * which fields each has, how they relate (targets and amber bands,
 * comparators declared before use, periods distinct, ids unique and
 * making distinct names), walked over the tree from the top; every
 * problem is reported and checking goes on, and what passes is copied
 * into the model.  Checks run in contract order; jsonmsg sorts the
 * messages into file order.  Also an archived summary.json's statuses.
 * Moved out of json.c (issue 16).
 *
 * Object members are visited with cJSON_ArrayForEach and matched
 * against the known names (unknown ones are warnings); arrays are
 * walked with cJSON_ArrayForEach only: cJSON_GetArrayItem() and
 * cJSON_GetArraySize() walk the list each time.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "json.h"
#include "json-int.h"
#include "jsonmsg.h"
#include "model.h"
#include "period.h"
#include "util.h"

static const struct word units[] = {
	{ "count", UNIT_COUNT },
	{ "percent", UNIT_PERCENT },
	{ "rate10k", UNIT_RATE10K },
	{ "days", UNIT_DAYS },
	{ "weeks", UNIT_WEEKS },
	{ "number", UNIT_NUMBER },
	{ NULL, 0 }
};

static const struct word betters[] = {
	{ "higher", BETTER_HIGHER },
	{ "lower", BETTER_LOWER },
	{ "neither", BETTER_NEITHER },
	{ NULL, 0 }
};

static const struct word charts[] = {
	{ "line", CHART_LINE },
	{ "column", CHART_COLUMN },
	{ "none", CHART_NONE },
	{ NULL, 0 }
};

static void
check_report(struct ctx *c, const cJSON *top, const cJSON *v)
{
	static const char *const names[] = { "title", "organisation",
	    "period", "published", "introduction", "contact", NULL };
	enum { R_TITLE, R_ORG, R_PERIOD, R_PUB, R_INTRO, R_CONTACT };
	struct report_meta	*r = &c->m->report;
	const cJSON		*f[7];
	size_t			 mark;

	if (!json_present(c, top, v, "report", F_REQ))
		return;
	mark = push(c, "report");
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object");
		goto out;
	}
	json_members(c, v, KIND_REPORT, names, f);
	json_get_string(c, v, f[R_TITLE], "title", F_REQ | F_NONEMPTY,
	    &r->title);
	json_get_string(c, v, f[R_ORG], "organisation", F_REQ | F_NONEMPTY,
	    &r->organisation);
	json_get_period(c, v, f[R_PERIOD], "period", F_REQ, &r->pstr,
	    &r->period);
	json_get_period(c, v, f[R_PUB], "published", 0, &r->published,
	    &r->pubperiod);
	json_get_string(c, v, f[R_INTRO], "introduction", 0, &r->introduction);
	json_get_string(c, v, f[R_CONTACT], "contact", 0, &r->contact);
out:
	pop(c, mark);
}

static void
check_comparators(struct ctx *c, const cJSON *v)
{
	struct comparator	*cp;
	const cJSON		*e;
	size_t			 n, mark, emark;

	c->comps_ok = true;
	if (v == NULL)
		return;
	mark = push(c, "comparators");
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object (comparator id to label)");
		c->comps_ok = false;
		goto out;
	}
	if ((n = json_count(v)) > JSON_MAX_COMPARATORS) {
		json_cerr(c, v, "too many comparators (the limit is %d)",
		    JSON_MAX_COMPARATORS);
		c->comps_ok = false;
		goto out;
	}
	c->m->comps = xcalloc(n, sizeof(*c->m->comps));
	cJSON_ArrayForEach(e, v) {
		cp = &c->m->comps[c->m->ncomps++];
		cp->id = xstrdup(e->string);
		emark = push(c, e->string);
		if (!json_valid_id(e->string))
			json_cmsg(c, DIAG_ERROR, e, true, "%s is not a valid "
			    "comparator id (" ID_RULE ")",
			    quoted(c, e->string));
		if (!cJSON_IsString(e))
			json_cerr(c, e, "expected a string (the label shown to "
			    "readers)");
		else if (json_blank(e->valuestring))
			json_cerr(c, e, "must not be empty");
		else if (json_text_ok(c, e))
			cp->label = json_textdup(e->valuestring);
		pop(c, emark);
	}
out:
	pop(c, mark);
}

static void
check_target(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind, bool better_ok)
{
	static const char *const names[] = { "value", "amber", NULL };
	struct target	*t = &ind->target;
	const cJSON	*f[3];
	size_t		 mark, amark;

	if (!json_present(c, obj, v, "target", 0))
		return;
	mark = push(c, "target");
	if (cJSON_IsNumber(v)) {
		if ((t->set = json_figure_ok(c, v)))
			t->value = v->valuedouble;
		goto out;
	}
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected a number or an object with \"value\" "
		    "and \"amber\"");
		goto out;
	}
	json_members(c, v, KIND_TARGET, names, f);
	t->set = json_get_number(c, v, f[0], "value", F_REQ, &t->value);
	t->has_amber = json_get_number(c, v, f[1], "amber", 0, &t->amber);
	if (!t->set || !t->has_amber || !better_ok)
		goto out;
	amark = push(c, "amber");
	if (ind->better == BETTER_HIGHER && t->amber > t->value)
		json_cerr(c, f[1], "%.10g is above the target value %.10g; "
		    "with better \"higher\" amber must not be above it",
		    t->amber, t->value);
	else if (ind->better == BETTER_LOWER && t->amber < t->value)
		json_cerr(c, f[1], "%.10g is below the target value %.10g; "
		    "with better \"lower\" amber must not be below it",
		    t->amber, t->value);
	pop(c, amark);
out:
	pop(c, mark);
}

/* A point; returns whether its period is valid, *pnode its node. */
static bool
check_point(struct ctx *c, const cJSON *v, struct point *pt,
    const cJSON **pnode)
{
	static const char *const names[] = { "period", "value", "numerator",
	    "denominator", "note", "provisional", NULL };
	enum { P_PERIOD, P_VALUE, P_NUM, P_DEN, P_NOTE, P_PROV };
	const cJSON	*f[7];
	bool		 ok;

	*pnode = NULL;
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object with \"period\" and "
		    "\"value\"");
		return false;
	}
	json_members(c, v, KIND_POINT, names, f);
	ok = json_get_period(c, v, f[P_PERIOD], "period", F_REQ, &pt->pstr,
	    &pt->period);
	*pnode = f[P_PERIOD];
	json_get_value(c, v, f[P_VALUE], &pt->has_value, &pt->value);
	pt->has_numerator = json_get_whole(c, v, f[P_NUM], "numerator", false,
	    &pt->numerator);
	pt->has_denominator = json_get_whole(c, v, f[P_DEN], "denominator",
	    true, &pt->denominator);
	json_get_string(c, v, f[P_NOTE], "note", 0, &pt->note);
	json_get_bool(c, v, f[P_PROV], "provisional", &pt->provisional);
	return ok;
}

/* A point's place in time order, for sorting. */
struct ord {
	const struct period	*p;
	size_t			 i;	/* index in the input */
};

static int
ord_cmp(const void *a, const void *b)
{
	const struct ord	*x = a, *y = b;
	int			 r;

	if ((r = period_cmp(x->p, y->p)) != 0)
		return r;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Puts the points of s in time order (stable); two points of the same
 * period are an error, reported at the later one.  label names the
 * array in messages ("series", or the comparator id).
 */
static void
sort_series(struct ctx *c, struct series *s, const cJSON **pnode,
    const bool *pok, const char *label)
{
	struct ord	*o;
	struct point	*pts;
	size_t		 i, n, first, mark;
	bool		 dup = false;

	o = xcalloc(s->npts, sizeof(*o));
	for (n = i = 0; i < s->npts; i++)
		if (pok[i]) {
			o[n].p = &s->pts[i].period;
			o[n++].i = i;
		}
	qsort(o, n, sizeof(*o), ord_cmp);
	for (first = 0, i = 1; i < n; i++) {
		if (period_cmp(o[i - 1].p, o[i].p) != 0) {
			first = i;
			continue;
		}
		dup = true;
		mark = push_index(c, o[i].i);
		jsonmsg_key(&c->mc, "period");
		json_cerr(c, pnode[o[i].i], "duplicate period %s (also "
		    "%s[%zu], line %d)", quoted(c, s->pts[o[i].i].pstr),
		    label, o[first].i,
		    json_place(c, pnode[o[first].i])->line);
		pop(c, mark);
	}
	if (!dup && n == s->npts) {
		pts = xcalloc(n, sizeof(*pts));
		for (i = 0; i < n; i++)
			pts[i] = s->pts[o[i].i];
		free(s->pts);
		s->pts = pts;
	}
	free(o);
}

/* A series at v (path already pushed), into s. */
static void
check_series(struct ctx *c, const cJSON *v, struct series *s,
    const char *label)
{
	const cJSON	*e, **pnode;
	bool		*pok;
	size_t		 n, mark;

	if (!cJSON_IsArray(v)) {
		json_cerr(c, v, "expected an array");
		return;
	}
	if ((n = json_count(v)) == 0) {
		json_cerr(c, v, "expected at least one point");
		return;
	}
	if (n > JSON_MAX_POINTS) {
		json_cerr(c, v, "too many points (the limit is %d)",
		    JSON_MAX_POINTS);
		return;
	}
	s->pts = xcalloc(n, sizeof(*s->pts));
	pnode = xcalloc(n, sizeof(*pnode));
	pok = xcalloc(n, sizeof(*pok));
	cJSON_ArrayForEach(e, v) {
		mark = push_index(c, s->npts);
		pok[s->npts] = check_point(c, e, &s->pts[s->npts],
		    &pnode[s->npts]);
		s->npts++;
		pop(c, mark);
	}
	sort_series(c, s, pnode, pok, label);
	free(pnode);
	free(pok);
}

static int
cs_cmp(const void *a, const void *b)
{
	const struct cseries	*x = a, *y = b;

	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

/* An indicator's comparator series: ids declared at the top level. */
static void
check_cseries(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind)
{
	const cJSON	*e;
	struct cseries	*cs;
	size_t		 j, mark, emark;

	if (!json_present(c, obj, v, "comparators", 0))
		return;
	mark = push(c, "comparators");
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object (comparator id to series)");
		goto out;
	}
	ind->cs = xcalloc(json_count(v), sizeof(*ind->cs));
	cJSON_ArrayForEach(e, v) {
		emark = push(c, e->string);
		for (j = 0; j < c->m->ncomps; j++)
			if (strcmp(c->m->comps[j].id, e->string) == 0)
				break;
		if (j == c->m->ncomps && c->comps_ok)
			json_cmsg(c, DIAG_ERROR, e, true, "comparator %s is "
			    "not declared in the top-level comparators",
			    quoted(c, e->string));
		cs = &ind->cs[ind->ncs++];
		cs->comp = j;
		check_series(c, e, &cs->s, e->string);
		pop(c, emark);
	}
	qsort(ind->cs, ind->ncs, sizeof(*ind->cs), cs_cmp);
out:
	pop(c, mark);
}

static void
check_item(struct ctx *c, const cJSON *v, struct bitem *it)
{
	static const char *const names[] = { "label", "value", NULL };
	const cJSON	*f[3];

	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object with \"label\" and "
		    "\"value\"");
		return;
	}
	json_members(c, v, KIND_ITEM, names, f);
	json_get_string(c, v, f[0], "label", F_REQ | F_NONEMPTY, &it->label);
	json_get_value(c, v, f[1], &it->has_value, &it->value);
}

static void
check_breakdown(struct ctx *c, const cJSON *obj, const cJSON *v,
    struct indicator *ind)
{
	static const char *const names[] = { "title", "period", "items",
	    "unit", NULL };
	struct breakdown	*b;
	const cJSON		*f[5], *e;
	size_t			 n, mark, imark, emark;
	int			 w;
	bool			 uok;

	if (!json_present(c, obj, v, "breakdown", 0))
		return;
	mark = push(c, "breakdown");
	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object");
		goto out;
	}
	b = ind->breakdown = xcalloc(1, sizeof(*b));
	json_members(c, v, KIND_BREAKDOWN, names, f);
	json_get_string(c, v, f[0], "title", 0, &b->title);
	json_get_period(c, v, f[1], "period", 0, &b->pstr, &b->period);
	/* Extension: the parts' unit; a split into parts is a count. */
	b->unit = UNIT_COUNT;
	uok = f[3] == NULL;
	if (json_get_word(c, v, f[3], "unit", 0, units, &w)) {
		b->unit = (enum unit)w;
		uok = true;
	}
	/* Items checked against the unit only when it is known. */
	c->vcheck = false;
	if (uok) {
		c->vcheck = true;
		c->vunit = b->unit;
		c->vwhole = true;
	}
	if (!json_present(c, v, f[2], "items", F_REQ))
		goto out;
	imark = push(c, "items");
	if (!cJSON_IsArray(f[2]))
		json_cerr(c, f[2], "expected an array");
	else if ((n = json_count(f[2])) == 0)
		json_cerr(c, f[2], "expected at least one item");
	else if (n > JSON_MAX_ITEMS)
		json_cerr(c, f[2], "too many items (the limit is %d)",
		    JSON_MAX_ITEMS);
	else {
		b->items = xcalloc(n, sizeof(*b->items));
		cJSON_ArrayForEach(e, f[2]) {
			emark = push_index(c, b->nitems);
			check_item(c, e, &b->items[b->nitems++]);
			pop(c, emark);
		}
	}
	pop(c, imark);
out:
	c->vcheck = c->vwhole = false;
	pop(c, mark);
}

/* Indicator i at v, into ind; idnode[] holds earlier indicators' ids. */
/*
 * The figures table of an indicator has a row for every period of its
 * series and comparators and a column for each: JSON_MAX_CELLS bounds
 * it, as rows times columns grows with the square of the comparators.
 */
static void
check_table(struct ctx *c, const cJSON *v, const struct indicator *ind)
{
	size_t	 total, rows, i;

	total = ind->series.npts;
	for (i = 0; i < ind->ncs; i++)
		total += ind->cs[i].s.npts;
	if (total * (ind->ncs + 1) <= JSON_MAX_CELLS)
		return;		/* even if no two periods are the same */
	free(model_periods(ind, &rows));
	if (rows * (ind->ncs + 1) > JSON_MAX_CELLS)
		json_cerr(c, v, "its figures table would have %zu rows "
		    "(periods) of %zu columns, %zu cells (the limit is %d): "
		    "give fewer points or comparators", rows, ind->ncs + 1,
		    rows * (ind->ncs + 1), JSON_MAX_CELLS);
}

static void
check_indicator(struct ctx *c, const cJSON *v, size_t i,
    const cJSON **idnode)
{
	static const char *const names[] = { "id", "code", "title",
	    "section", "unit", "better", "target", "series", "comparators",
	    "breakdown", "commentary", "chart", NULL };
	enum { I_ID, I_CODE, I_TITLE, I_SECTION, I_UNIT, I_BETTER, I_TARGET,
	    I_SERIES, I_COMPS, I_BREAKDOWN, I_COMMENTARY, I_CHART };
	struct indicator	*ind = &c->m->inds[i];
	const cJSON		*f[13];
	size_t			 j, mark;
	int			 w;
	bool			 better_ok;

	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object");
		return;
	}
	json_members(c, v, KIND_INDICATOR, names, f);

	if (json_get_string(c, v, f[I_ID], "id", F_REQ, &ind->id)) {
		mark = push(c, "id");
		if (!json_valid_id(ind->id))
			json_cerr(c, f[I_ID], "%s is not a valid id ("
			    ID_RULE ")", quoted(c, ind->id));
		else {
			for (j = 0; j < i; j++)
				if (idnode[j] != NULL &&
				    strcmp(c->m->inds[j].id, ind->id) == 0)
					break;
			if (j < i)
				json_cerr(c, f[I_ID], "duplicate id %s, first "
				    "used by indicators[%zu] at line %d",
				    quoted(c, ind->id), j,
				    json_place(c, idnode[j])->line);
			else
				idnode[i] = f[I_ID];
		}
		pop(c, mark);
	}
	json_get_string(c, v, f[I_CODE], "code", 0, &ind->code);
	json_get_string(c, v, f[I_TITLE], "title", F_REQ | F_NONEMPTY,
	    &ind->title);
	json_get_string(c, v, f[I_SECTION], "section", 0, &ind->section);
	if (json_get_word(c, v, f[I_UNIT], "unit", F_REQ, units, &w)) {
		ind->unit = (enum unit)w;
		/* Figures in the unit's range; a count of children whole. */
		c->vcheck = true;
		c->vunit = ind->unit;
	}
	ind->better = BETTER_NEITHER;
	better_ok = f[I_BETTER] == NULL;
	if (json_get_word(c, v, f[I_BETTER], "better", 0, betters, &w)) {
		ind->better = (enum better)w;
		better_ok = true;
	}
	check_target(c, v, f[I_TARGET], ind, better_ok);
	if (json_present(c, v, f[I_SERIES], "series", F_REQ)) {
		mark = push(c, "series");
		c->vwhole = true;
		check_series(c, f[I_SERIES], &ind->series, "series");
		c->vwhole = false;
		pop(c, mark);
	}
	/* Other areas' averages of a count need not be whole. */
	check_cseries(c, v, f[I_COMPS], ind);
	c->vcheck = false;
	check_table(c, v, ind);
	check_breakdown(c, v, f[I_BREAKDOWN], ind);
	json_get_string(c, v, f[I_COMMENTARY], "commentary", 0,
	    &ind->commentary);
	ind->chart = CHART_AUTO;
	if (json_get_word(c, v, f[I_CHART], "chart", 0, charts, &w))
		ind->chart = (enum chart_kind)w;
}

/*
 * Every name the output will use is known now: two ids that would make
 * the same file or element id are refused here, before anything is
 * drawn, at the later id.  idnode[i] is indicator i's valid, first-used
 * id or NULL.
 */
static void
check_made_names(struct ctx *c, const cJSON **idnode)
{
	struct model_clash *cl;
	size_t		 n, k, a, b, mark;

	n = model_name_clashes(c->m, &cl);
	for (k = 0; k < n; k++) {
		a = cl[k].first;
		b = cl[k].second;
		/* A duplicate id is reported already. */
		if (idnode[a] == NULL || idnode[b] == NULL)
			continue;
		mark = push_index(c, b);
		buf_printf(&c->mc.path, " (id %s)",
		    quoted(c, c->m->inds[b].id));
		jsonmsg_key(&c->mc, "id");
		/* Ids are [a-z0-9-]: nothing to escape or cut. */
		json_cerr(c, idnode[b], "\"%s\" and indicators[%zu] (id "
		    "\"%s\", line %d) would both make %s \"%s\"; rename one",
		    c->m->inds[b].id, a, c->m->inds[a].id,
		    json_place(c, idnode[a])->line, cl[k].what, cl[k].name);
		pop(c, mark);
	}
	model_clashes_free(cl, n);
}

static void
check_indicators(struct ctx *c, const cJSON *top, const cJSON *v)
{
	const cJSON	*e, **idnode;
	size_t		 n, mark, emark;

	if (!json_present(c, top, v, "indicators", F_REQ))
		return;
	mark = push(c, "indicators");
	if (!cJSON_IsArray(v))
		json_cerr(c, v, "expected an array");
	else if ((n = json_count(v)) == 0)
		json_cerr(c, v, "expected at least one indicator");
	else if (n > JSON_MAX_INDICATORS)
		json_cerr(c, v, "too many indicators (the limit is %d)",
		    JSON_MAX_INDICATORS);
	else {
		c->m->inds = xcalloc(n, sizeof(*c->m->inds));
		idnode = xcalloc(n, sizeof(*idnode));
		cJSON_ArrayForEach(e, v) {
			emark = push_index(c, c->m->ninds);
			json_push_id(c, e);
			check_indicator(c, e, c->m->ninds++, idnode);
			pop(c, emark);
		}
		check_made_names(c, idnode);
		free(idnode);
	}
	pop(c, mark);
}

/*
 * Extension: "suppression": false (an internal report: nothing hidden),
 * true, or { "threshold": n } with n a whole number from 1 to 100.  The
 * default is on, with a threshold of 5.
 */
static void
check_suppression(struct ctx *c, const cJSON *v)
{
	static const char *const names[] = { "threshold", NULL };
	const cJSON	*f[2];
	size_t		 mark;
	double		 t;

	c->m->suppress = true;
	c->m->threshold = MODEL_THRESHOLD;
	if (v == NULL)
		return;
	mark = push(c, "suppression");
	if (cJSON_IsBool(v))
		c->m->suppress = cJSON_IsTrue(v);
	else if (!cJSON_IsObject(v))
		json_cerr(c, v, "expected true, false or an object with "
		    "\"threshold\"");
	else {
		json_members(c, v, KIND_TOP, names, f);
		if (json_get_number(c, v, f[0], "threshold", 0, &t)) {
			if (t != floor(t) || t < 1 || t > 100) {
				size_t	 m2 = push(c, "threshold");

				json_cerr(c, f[0], "expected a whole number "
				    "from 1 to 100");
				pop(c, m2);
			} else
				c->m->threshold = (int)t;
		}
	}
	pop(c, mark);
}

void
json_check_top(struct ctx *c, const cJSON *v)
{
	static const char *const names[] = { "report", "comparators",
	    "indicators", "suppression", NULL };
	const cJSON	*f[5];

	if (!cJSON_IsObject(v)) {
		json_cerr(c, v, "expected an object with \"report\" and "
		    "\"indicators\" at the top level");
		return;
	}
	json_members(c, v, KIND_TOP, names, f);
	check_report(c, v, f[0]);
	check_comparators(c, f[1]);
	check_indicators(c, v, f[2]);
	check_suppression(c, f[3]);
	json_seen_flush(c);
}


/*
 * An archived summary.json: the report's period and each indicator's
 * published status.  Only what the last report said is read; anything
 * else in it (which a later scorecard may add) is left alone.
 */
void
json_check_snapshot(struct ctx *c, const cJSON *root, struct snapshot *s)
{
	const cJSON	*rep, *per, *inds, *it, *id, *st;
	size_t		 mark, mk2, n, i, k;
	static const char *const sts[] = { "none", "green", "amber", "red" };

	if (!cJSON_IsObject(root)) {
		json_cerr(c, root, "expected an object: a summary.json");
		return;
	}
	rep = cJSON_GetObjectItemCaseSensitive(root, "report");
	per = cJSON_GetObjectItemCaseSensitive(rep, "period");
	inds = cJSON_GetObjectItemCaseSensitive(root, "indicators");
	mark = push(c, "report");
	if (!cJSON_IsObject(rep))
		json_cerr(c, rep != NULL ? rep : root, rep != NULL ?
		    "expected an object" : "missing \"report\"");
	else {
		mk2 = push(c, "period");
		if (!cJSON_IsString(per) ||
		    !period_parse(per->valuestring, &s->period))
			json_cerr(c, per != NULL ? per : rep,
			    "expected a period");
		else
			s->pstr = xstrdup(per->valuestring);
		pop(c, mk2);
	}
	pop(c, mark);
	mark = push(c, "indicators");
	if (!cJSON_IsArray(inds)) {
		json_cerr(c, inds != NULL ? inds : root, "expected an array");
		pop(c, mark);
		return;
	}
	n = (size_t)cJSON_GetArraySize(inds);
	if (n > JSON_MAX_INDICATORS) {
		json_cerr(c, inds, "more than %d indicators",
		    JSON_MAX_INDICATORS);
		pop(c, mark);
		return;
	}
	s->inds = xcalloc(n > 0 ? n : 1, sizeof(*s->inds));
	i = 0;
	cJSON_ArrayForEach(it, inds) {
		mk2 = push_index(c, i++);
		id = cJSON_GetObjectItemCaseSensitive(it, "id");
		st = cJSON_GetObjectItemCaseSensitive(it, "status");
		if (!cJSON_IsString(id) || !cJSON_IsString(st)) {
			json_cerr(c, it, "expected an object with \"id\" and "
			    "\"status\"");
			pop(c, mk2);
			continue;
		}
		for (k = 0; k < 4; k++)
			if (strcmp(st->valuestring, sts[k]) == 0)
				break;
		if (k == 4) {
			size_t	 m3 = push(c, "status");

			json_cerr(c, st, "expected \"red\", \"amber\", "
			    "\"green\" or \"none\"");
			pop(c, m3);
		} else {
			s->inds[s->ninds].id = xstrdup(id->valuestring);
			s->inds[s->ninds++].status = k == 0 ? STATUS_NONE :
			    k == 1 ? STATUS_GREEN : k == 2 ? STATUS_AMBER :
			    STATUS_RED;
		}
		pop(c, mk2);
	}
	pop(c, mark);
}

