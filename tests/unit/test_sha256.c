/*
 * test_sha256: the digests of FIPS 180-4's examples and of inputs that
 * cross the 64-byte block and padding boundaries, checked against
 * values computed independently (sha256sum).
 */
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

#include "../harness.h"

static const char *
hex_of(const char *s, size_t n)
{
	static char	 hex[65];

	memset(hex, 'x', sizeof(hex));
	sha256_hex(s, n, hex);
	return hex;
}

int
main(void)
{
	char	*a;
	size_t	 i;

	STR_EQ(hex_of("", 0),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	STR_EQ(hex_of("abc", 3),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	STR_EQ(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56),
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* 55, 56 and 64 bytes: one block, two blocks of padding. */
	a = malloc(1000000);
	OK(a != NULL);
	if (a == NULL)
		return harness_done();
	memset(a, 'a', 1000000);
	STR_EQ(hex_of(a, 55),
	    "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	STR_EQ(hex_of(a, 56),
	    "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	STR_EQ(hex_of(a, 64),
	    "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
	STR_EQ(hex_of(a, 1000000),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* Bytes, not a string: a NUL inside counts. */
	for (i = 0; i < 256; i++)
		a[i] = (char)i;
	STR_EQ(hex_of(a, 256),
	    "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
	free(a);
	return harness_done();
}
