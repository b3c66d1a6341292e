/* Unit tests of buf: growth, formatting, escaping, base64, detach. */
#include <stdlib.h>

#include "buf.h"
#include "harness.h"

static void
test_put(void)
{
	struct buf	 b;
	size_t		 i, len;
	char		*p;

	buf_init(&b);
	OK(b.data != NULL && b.len == 0 && b.data[0] == '\0');
	for (i = 0; i < 1000; i++)
		BUF_PUTSL(&b, "abc");
	INT_EQ(b.len, 3000);
	INT_EQ(b.data[3000], '\0');
	buf_reset(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	STR_EQ(b.data, "42-x");
	p = buf_detach(&b, &len);
	STR_EQ(p, "42-x");
	INT_EQ(len, 4);
	OK(b.data != NULL && b.len == 0);
	free(p);
	buf_release(&b);
	buf_release(NULL);
}

static void
test_num(void)
{
	struct buf	 b;

	buf_init(&b);
	buf_putnum(&b, -0.0);
	STR_EQ(b.data, "0");
	buf_reset(&b);
	buf_putnum(&b, 1234567890.125);
	STR_EQ(b.data, "1234567890.125");
	buf_reset(&b);
	buf_putnum(&b, 1e9);
	STR_EQ(b.data, "1000000000");
	buf_reset(&b);
	buf_putnum(&b, 0.001);
	STR_EQ(b.data, "0.001");
	buf_reset(&b);
	buf_putnum(&b, 702);
	STR_EQ(b.data, "702");
	buf_release(&b);
}

static void
test_escape(void)
{
	struct buf	 b;

	buf_init(&b);
	buf_putjson(&b, "a\"b\\c\n\x01");
	STR_EQ(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
	buf_reset(&b);
	buf_putxml(&b, "<script>&\"x\"");
	STR_EQ(b.data, "&lt;script&gt;&amp;&quot;x&quot;");
	buf_release(&b);
}

static void
test_base64(void)
{
	struct buf	 b;

	buf_init(&b);
	buf_putbase64(&b, "", 0);
	STR_EQ(b.data, "");
	buf_putbase64(&b, "f", 1);
	STR_EQ(b.data, "Zg==");
	buf_reset(&b);
	buf_putbase64(&b, "fo", 2);
	STR_EQ(b.data, "Zm8=");
	buf_reset(&b);
	buf_putbase64(&b, "foobar", 6);
	STR_EQ(b.data, "Zm9vYmFy");
	buf_release(&b);
}

int
main(void)
{
	test_put();
	test_num();
	test_escape();
	test_base64();
	return harness_done();
}
