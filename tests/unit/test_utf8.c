/*
 * test_utf8: decoding against every code point and the ill-formed
 * sequences of Unicode's table 3-7; counting; cutting at a character
 * boundary.
 */
#include <stdio.h>
#include <string.h>

#include "utf8.h"

#include "../harness.h"

/* The reference encoder: the shortest form of cp into u; its length. */
static size_t
enc(unsigned long cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Whether decoding n bytes of s is refused. */
static int
refused(const char *s, size_t n)
{
	unsigned long	 cp = 12345;

	return utf8_decode(s, n, &cp) == 0 && cp == 12345;
}

static void
test_decode_all(void)
{
	unsigned long	 cp, got;
	size_t		 n, bad = 0, ntrunc = 0;
	char		 u[4];

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = enc(cp, u);
		got = 0xFFFFFFFF;
		if (utf8_decode(u, n, &got) != n || got != cp)
			bad++;
		/* Every shorter prefix is truncated. */
		while (--n > 0)
			if (!refused(u, n))
				ntrunc++;
	}
	INT_EQ(bad, 0);
	INT_EQ(ntrunc, 0);
}

static void
test_decode_bad(void)
{
	unsigned long	 cp, c;
	size_t		 nok;
	char		 u[4];
	unsigned	 a, b;

	OK(refused("", 0));
	OK(refused("a", 0));
	OK(utf8_decode("\0x", 2, &cp) == 1 && cp == 0);
	OK(utf8_decode("\xC3\xA9", 2, &cp) == 2 && cp == 0xE9);
	OK(utf8_decode("\xE2\x80\xA6", 3, &cp) == 3 && cp == 0x2026);
	OK(utf8_decode("\xF0\x9F\x98\x80", 4, &cp) == 4 && cp == 0x1F600);
	OK(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp) == 4 && cp == 0x10FFFF);
	/* Only the first character is decoded. */
	OK(utf8_decode("\xC3\xA9\xC3\xA9", 4, &cp) == 2 && cp == 0xE9);
	OK(refused("\x80", 1));			/* continuation */
	OK(refused("\xBF", 1));
	OK(refused("\xC0\xAF", 2));		/* overlong '/' */
	OK(refused("\xC1\xBF", 2));
	OK(refused("\xE0\x9F\xBF", 3));		/* overlong */
	OK(refused("\xF0\x8F\xBF\xBF", 4));	/* overlong */
	OK(refused("\xED\xA0\x80", 3));		/* U+D800 */
	OK(refused("\xED\xBF\xBF", 3));		/* U+DFFF */
	OK(refused("\xF4\x90\x80\x80", 4));	/* U+110000 */
	OK(refused("\xF5\x80\x80\x80", 4));
	OK(refused("\xFF", 1));
	OK(refused("\xC3(", 2));		/* not a continuation */
	OK(refused("\xE2\x80(", 3));
	OK(refused("\xF0\x9F\x98(", 4));
	OK(refused("\xE2\x80", 3));		/* NUL ends it early */
	/* Exactly the 1,920 well-formed two-byte sequences, of 65,536. */
	nok = 0;
	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			u[0] = (char)a;
			u[1] = (char)b;
			if (utf8_decode(u, 2, &c) == 2)
				nok++;
		}
	INT_EQ(nok, 1920);
}

static void
test_count(void)
{
	const char	*s = "Caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80!";

	INT_EQ(utf8_count("", 0), 0);
	INT_EQ(utf8_count("abc", 3), 3);
	INT_EQ(utf8_count(s, strlen(s)), 9);
	INT_EQ(utf8_count(s, 5), 4);		/* "Caf" and a lead byte */
	INT_EQ(utf8_count("a\0b", 3), 3);	/* NUL counts */
}

static void
test_cut(void)
{
	const char	*s = "a\xC3\xA9" "b\xF0\x9F\x98\x80";
	size_t		 i;

	INT_EQ(utf8_cut(s, 0), 0);
	INT_EQ(utf8_cut(s, 1), 1);
	INT_EQ(utf8_cut(s, 2), 1);		/* inside the e acute */
	INT_EQ(utf8_cut(s, 3), 3);
	INT_EQ(utf8_cut(s, 4), 4);
	for (i = 5; i <= 7; i++)
		INT_EQ(utf8_cut(s, i), 4);	/* inside the emoji */
	INT_EQ(utf8_cut(s, 8), 8);		/* at the NUL */
	INT_EQ(utf8_cut("\x80\x80\x80", 2), 0);	/* never before s */
}

/* Encoding: known bytes, and every code point back through the decoder. */
static void
test_encode(void)
{
	char		 u[4];
	unsigned long	 cp, back;
	size_t		 n, bad = 0;

	INT_EQ(utf8_encode(0x41, u), 1);
	OK(u[0] == 'A');
	INT_EQ(utf8_encode(0xE9, u), 2);
	OK(memcmp(u, "\xC3\xA9", 2) == 0);
	INT_EQ(utf8_encode(0x20AC, u), 3);
	OK(memcmp(u, "\xE2\x82\xAC", 3) == 0);
	INT_EQ(utf8_encode(0x1F600, u), 4);
	OK(memcmp(u, "\xF0\x9F\x98\x80", 4) == 0);
	INT_EQ(utf8_encode(0, u), 1);
	OK(u[0] == '\0');
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp == 0xD800)
			cp = 0xE000;
		n = utf8_encode(cp, u);
		if (utf8_decode(u, n, &back) != n || back != cp)
			bad++;
	}
	INT_EQ(bad, 0);
}

/* Cutting at or after a byte: forward past continuation bytes only. */
static void
test_cut_after(void)
{
	const char	*s = "a\xC3\xA9" "b\xF0\x9F\x98\x80";
	size_t		 i;

	INT_EQ(utf8_cut_after(s, 0), 0);
	INT_EQ(utf8_cut_after(s, 1), 1);
	INT_EQ(utf8_cut_after(s, 2), 3);	/* inside the e acute */
	INT_EQ(utf8_cut_after(s, 3), 3);
	INT_EQ(utf8_cut_after(s, 4), 4);
	for (i = 5; i <= 7; i++)
		INT_EQ(utf8_cut_after(s, i), 8);	/* to the NUL */
	INT_EQ(utf8_cut_after(s, 8), 8);
	INT_EQ(utf8_cut_after("\x80\x80x", 0), 2);	/* stray bytes */
}

static void
test_skip(void)
{
	const char	*s = "a\xC3\xA9" "b\xF0\x9F\x98\x80" "c";

	INT_EQ(utf8_skip(s, 0), 0);
	INT_EQ(utf8_skip(s, 1), 1);
	INT_EQ(utf8_skip(s, 2), 3);		/* after the e acute */
	INT_EQ(utf8_skip(s, 3), 4);
	INT_EQ(utf8_skip(s, 4), 8);		/* after the emoji */
	INT_EQ(utf8_skip(s, 5), 9);		/* five characters: the NUL */
	INT_EQ(utf8_skip(s, 6), 9);
	INT_EQ(utf8_skip(s, (size_t)-1), 9);
	INT_EQ(utf8_skip("", 0), 0);
	INT_EQ(utf8_skip("", 3), 0);
	/* A stray continuation byte belongs to the character before. */
	INT_EQ(utf8_skip("ab\x80\x80" "c", 2), 4);
}

static void
test_is_break(void)
{
	static const unsigned long yes[] = { 0x0A, 0x0B, 0x0C, 0x0D, 0x85,
	    0x2028, 0x2029 };
	static const unsigned long no[] = { 0x09, 0x20, 0x00, 0x0E, 0x84,
	    0x86, 0xA0, 0x2027, 0x202A, 0x200B, 0x3000, 'a' };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		OK(utf8_is_break(yes[i]));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		OK(!utf8_is_break(no[i]));
}

static void
test_is_blank(void)
{
	static const char *const yes[] = { "", " ", "\t\n\r", "\xc2\xa0",
	    "\xe2\x80\x8b", "\xc2\xad", "\xef\xbb\xbf", "\xe2\x80\xa8",
	    "\xe2\x80\xa9", "\xe3\x80\x80", "\xcd\x8f", "\xe2\xa0\x80",
	    "\xe2\x81\xa0", "\xef\xb8\x8f", "\xf3\xa0\x80\x81",
	    " \xe2\x80\x8b\xc2\xad\xef\xbb\xbf\xe3\x80\x80 " };
	static const char *const no[] = { "a", " a ", "\xe2\x80\x8b" "b",
	    "\xc2\xa9", "\xe2\xa0\x81", "\xe3\x80\x81", "\xcd\x8e",
	    "\xe2\x80\x90", "\xef\xbf\xbd", "\xe2\x80\xa7", "\xe2\x81\xb0",
	    "\x80", " \xe2\x80", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf" };
	size_t	 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		OK(utf8_is_blank(yes[i]));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		OK(!utf8_is_blank(no[i]));
}

int
main(void)
{
	test_decode_all();
	test_decode_bad();
	test_count();
	test_cut();
	test_encode();
	test_cut_after();
	test_skip();
	test_is_break();
	test_is_blank();
	return harness_done();
}
