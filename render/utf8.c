/*
 * utf8: decode, count, cut, encode.  The decoder follows RFC 3629's table of
 * well-formed byte sequences (Unicode 15, table 3-7), so overlongs and
 * surrogates are refused by the range of the second byte rather than
 * by checking the code point afterwards.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "utf8.h"

/* Whether byte c is a continuation byte, 10xxxxxx. */
#define	CONT(c)	(((unsigned char)(c) & 0xC0) == 0x80)

size_t
utf8_decode(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned char		 lo = 0x80, hi = 0xBF;
	unsigned long		 c;
	size_t			 len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xC2)
		return 0;		/* continuation, or overlong 2-byte */
	else if (s[0] < 0xE0)
		len = 2;
	else if (s[0] < 0xF0) {
		len = 3;
		if (s[0] == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (s[0] == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (s[0] < 0xF5) {
		len = 4;
		if (s[0] == 0xF0)
			lo = 0x90;	/* overlong */
		else if (s[0] == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	c = s[0] & (0xFF >> (len + 1));
	for (i = 1; i < len; i++) {
		if (!CONT(s[i]))
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	*cp = c;
	return len;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		if (!CONT(s[i]))
			k++;
	return k;
}

size_t
utf8_cut(const char *s, size_t i)
{
	while (i > 0 && CONT(s[i]))
		i--;
	return i;
}

size_t
utf8_encode(unsigned long cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
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

size_t
utf8_cut_after(const char *s, size_t i)
{
	while (CONT(s[i]))
		i++;
	return i;
}

size_t
utf8_skip(const char *s, size_t k)
{
	size_t	 i, n = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (!CONT(s[i]) && n++ == k)
			break;
	return i;
}

/*
 * The characters that show nothing, as ranges of code points, in order:
 * White_Space (PropList.txt) and Default_Ignorable_Code_Point
 * (DerivedCoreProperties.txt) of Unicode 15, merged, and U+2800.
 */
static const unsigned long blank[][2] = {
	{ 0x0009, 0x000D }, { 0x0020, 0x0020 }, { 0x0085, 0x0085 },
	{ 0x00A0, 0x00A0 }, { 0x00AD, 0x00AD }, { 0x034F, 0x034F },
	{ 0x061C, 0x061C }, { 0x115F, 0x1160 }, { 0x1680, 0x1680 },
	{ 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x2000, 0x200F },
	{ 0x2028, 0x202F }, { 0x205F, 0x206F }, { 0x2800, 0x2800 },
	{ 0x3000, 0x3000 }, { 0x3164, 0x3164 }, { 0xFE00, 0xFE0F },
	{ 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFF8 },
	{ 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
};

static bool
is_blank(unsigned long cp)
{
	size_t	 lo = 0, hi = sizeof(blank) / sizeof(blank[0]), mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < blank[mid][0])
			hi = mid;
		else if (cp > blank[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool
utf8_is_break(unsigned long cp)
{
	return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029;
}

bool
utf8_is_blank(const char *s)
{
	unsigned long	 cp;
	size_t		 n, len;

	for (len = strlen(s); len > 0; s += n, len -= n)
		if ((n = utf8_decode(s, len, &cp)) == 0 || !is_blank(cp))
			return false;
	return true;
}
