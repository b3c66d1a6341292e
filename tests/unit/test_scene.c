/*
 * test_scene: the scene's adders (defaults, copies, clamping of every
 * position to a finite +-1e5), its release, and the exact text of its
 * dump, which the layout goldens depend on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "scene.h"

#include "../harness.h"

static void
test_clamp(void)
{
	DBL_NEAR(scene_clamp(12.5), 12.5, 0);
	DBL_NEAR(scene_clamp(-1e9), -1e5, 0);
	DBL_NEAR(scene_clamp(1e9), 1e5, 0);
	DBL_NEAR(scene_clamp(NAN), 0, 0);
	DBL_NEAR(scene_clamp(INFINITY), 0, 0);
	DBL_NEAR(scene_clamp(-INFINITY), 0, 0);
}

static void
test_adders(void)
{
	struct scene	 s;
	struct sc_item	*it;
	char		 text[] = "Target 90%";
	size_t		 i;

	scene_init(&s);
	OK(s.n == 0 && s.items == NULL && s.w == 0 && s.h == 0);
	it = scene_add(&s, SC_PATH, SC_ROLE_SERIES);
	OK(s.n == 1 && it == &s.items[0]);
	OK(it->stroke == SC_NONE && it->fill == SC_NONE &&
	    it->dash == SC_SOLID && it->pts == NULL && it->text == NULL &&
	    it->npts == 0 && it->width == 0);
	scene_text(&s, SC_ROLE_LABEL, NAN, 1e9, SC_END, 14, true, 0x0B0C0C,
	    text);
	text[0] = 'X';				/* the scene has a copy */
	it = &s.items[1];
	OK(it->kind == SC_TEXT && it->x == 0 && it->y == 1e5 &&
	    it->anchor == SC_END && it->bold && it->fill == 0x0B0C0C);
	STR_EQ(it->text, "Target 90%");
	scene_rect(&s, SC_ROLE_BAR, 1, 2, INFINITY, -1e7, 0x12436D);
	it = &s.items[2];
	OK(it->kind == SC_RECT && it->x == 1 && it->y == 2 && it->w == 0 &&
	    it->h == -1e5 && it->fill == 0x12436D && it->stroke == SC_NONE);
	scene_line(&s, SC_ROLE_TARGET, 0, 1, 2e6, 3, 0x3D3D3D, 1.5,
	    SC_DASHED);
	it = &s.items[3];
	OK(it->kind == SC_PATH && it->npts == 2 && it->pts[2] == 1e5 &&
	    it->pts[3] == 3 && it->dash == SC_DASHED && it->width == 1.5);
	scene_circle(&s, 5, 6, 4, 0x12436D, 0xFFFFFF, 2);
	it = &s.items[4];
	OK(it->kind == SC_CIRCLE && it->role == SC_ROLE_MARK && it->r == 4);
	/* Growth keeps what is there. */
	for (i = 0; i < 100; i++)
		scene_circle(&s, (double)i, 0, 3, SC_NONE, 0, 0);
	OK(s.n == 105 && s.items[104].x == 99);
	STR_EQ(s.items[1].text, "Target 90%");
	scene_release(&s);
	OK(s.n == 0 && s.items == NULL);
	scene_release(NULL);
	scene_release(&s);			/* twice is harmless */
}

static void
test_dump(void)
{
	struct scene	 s;
	struct buf	 b;

	scene_init(&s);
	s.w = 800;
	s.h = 450;
	scene_line(&s, SC_ROLE_GRID, 10, -0.0, 20.25, 30, 0xDDDDDD, 1,
	    SC_DOTTED);
	scene_rect(&s, SC_ROLE_BAND, 1, 2, 3, 4, 0xFCE8DA);
	scene_circle(&s, 5, 6, 4, 0x12436D, SC_NONE, 2);
	scene_text(&s, SC_ROLE_TICKLABEL, 7, 8, SC_MIDDLE, 13, false, 0x505A5F,
	    "Jan \"22\"");
	buf_init(&b);
	scene_dump(&s, &b);
	STR_EQ(b.data,
	    "scene 800.0 450.0\n"
	    "path grid #DDDDDD 1.0 dotted 10.0,0.0 20.2,30.0\n"
	    "rect band #FCE8DA 1.0 2.0 3.0 4.0\n"
	    "circle mark 5.0 6.0 4.0 none #12436D\n"
	    "text ticklabel middle 13 7.0 8.0 \"Jan \\\"22\\\"\"\n");
	buf_release(&b);
	scene_release(&s);
}

int
main(void)
{
	test_clamp();
	test_adders();
	test_dump();
	return harness_done();
}
