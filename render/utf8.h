/*
 * utf8: the one reader of UTF-8 bytes: decode a character strictly
 * (RFC 3629), count the characters of a valid string, and find where a
 * string may be cut without splitting a character or where its k-th
 * character starts, and tell a string that shows nothing.  Knows nothing of the domain and allocates
 * nothing.  Used by chart.c, mail.c, words.c, csv.c, xlsx.c,
 * xlsxwrite.c, the book (bookloc.c), the json module, the template
 * module (tmpl-node.c), bind.c, the draw module (drawtext.c) and the
 * pdf module (pdfwalk.c): no other file of render/ decodes or counts
 * UTF-8 itself.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Decodes the character at s, of at most n bytes: returns its length
 * (1 to 4) and sets *cp, or returns 0 (cp untouched) when the bytes are
 * not well-formed UTF-8: a continuation or invalid lead byte, a
 * truncated sequence, an overlong form, a surrogate (U+D800 to U+DFFF)
 * or a code point above U+10FFFF.  n 0 returns 0.  NUL is a character.
 */
size_t	utf8_decode(const char *s, size_t n, unsigned long *cp);

/*
 * Returns the number of characters in n bytes of s, which should be
 * valid UTF-8: the bytes that are not continuation bytes (10xxxxxx).
 */
size_t	utf8_count(const char *s, size_t n);

/*
 * Returns where s may be cut at or before byte i without splitting a
 * character: the start of the character that byte i belongs to (i
 * itself when s[i] starts one).  s must have at least i + 1 bytes, or
 * exactly i before its NUL.  Returns 0 at most: never past the start.
 */
size_t	utf8_cut(const char *s, size_t i);

/*
 * Returns where the NUL-terminated s may be cut at or after byte i
 * without splitting a character: i moved past the continuation bytes
 * (10xxxxxx) of the character it falls in, to the start of the next one
 * or to the NUL.  i itself when s[i] starts a character.
 */
size_t	utf8_cut_after(const char *s, size_t i);

/*
 * Writes code point cp (at most U+10FFFF, not a surrogate) as UTF-8
 * into u; returns its length, 1 to 4.
 */
size_t	utf8_encode(unsigned long cp, char u[4]);

/*
 * Returns the byte offset of character k (counting from 0) of the
 * NUL-terminated s, or of its NUL if s has k characters or fewer;
 * characters are counted as utf8_count() counts them.  Reads s no
 * further than that, so that a long string costs no more than k.
 */
size_t	utf8_skip(const char *s, size_t k);

/*
 * Whether the NUL-terminated s shows nothing to a reader: every
 * character is white space (Unicode's White_Space property: U+0020,
 * U+3000, U+2028 and the rest) or one that draws nothing (a format or
 * other default-ignorable character such as U+200B, U+00AD, U+FEFF,
 * U+034F, a variation selector or a tag, or U+2800 BRAILLE PATTERN
 * BLANK).  True for "".  Bytes that are not well-formed UTF-8 count as
 * visible.
 */
bool	utf8_is_blank(const char *s);

/*
 * Whether cp ends a line, as Unicode's line breaking rules say (UAX #14
 * classes BK, CR, LF, NL): LF, VT, FF, CR, NEL, LINE SEPARATOR and
 * PARAGRAPH SEPARATOR.  Pango breaks a line at each.
 */
bool	utf8_is_break(unsigned long cp);

#endif
