/*
 * Unit tests for fmt.c: rounding half away from zero in decimal (the
 * values binary cannot hold), grouping, no "-0", decimals by unit,
 * unit words, signed changes and percentages, and axis labels.
 */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "fmt.h"
#include "model.h"

#include "../harness.h"

static struct buf	 B;	/* reset by each helper; freed in main */

static const char *
num(double v, int d, bool trim)
{
	buf_reset(&B);
	fmt_num(&B, v, d, trim);
	return B.data;
}

static const char *
val(double v, enum unit u)
{
	buf_reset(&B);
	fmt_value(&B, v, u);
	return B.data;
}

static const char *
cell(double v, enum unit u)
{
	buf_reset(&B);
	fmt_cell(&B, v, u);
	return B.data;
}

static const char *
valu(double v, enum unit u)
{
	buf_reset(&B);
	fmt_value_unit(&B, v, u);
	return B.data;
}

static const char *
chg(double v, enum unit u)
{
	buf_reset(&B);
	fmt_change(&B, v, u);
	return B.data;
}

static const char *
pct(double v)
{
	buf_reset(&B);
	fmt_pct(&B, v);
	return B.data;
}

static const char *
axis(double v, double step, enum unit u)
{
	buf_reset(&B);
	fmt_axis(&B, v, step, u);
	return B.data;
}

static void
test_round(void)
{
	/* Decimal halves, exact in binary or not, go away from zero. */
	STR_EQ(num(28.75, 1, false), "28.8");
	STR_EQ(num(-28.75, 1, false), "-28.8");
	STR_EQ(num(28.85, 1, false), "28.9");
	STR_EQ(num(0.05, 1, false), "0.1");
	STR_EQ(num(-0.05, 1, false), "-0.1");
	STR_EQ(num(0.15, 1, false), "0.2");
	STR_EQ(num(0.25, 1, false), "0.3");
	STR_EQ(num(0.35, 1, false), "0.4");
	STR_EQ(num(0.45, 1, false), "0.5");
	STR_EQ(num(1.005, 2, false), "1.01");
	STR_EQ(num(2.675, 2, false), "2.68");
	STR_EQ(num(1.45, 1, false), "1.5");
	STR_EQ(num(0.5, 0, false), "1");
	STR_EQ(num(-0.5, 0, false), "-1");
	STR_EQ(num(1.5, 0, false), "2");
	STR_EQ(num(2.5, 0, false), "3");	/* not banker's rounding */
	STR_EQ(num(-2.5, 0, false), "-3");
	STR_EQ(num(0.00005, 4, false), "0.0001");
	STR_EQ(num(0.000049999, 4, false), "0.0000");

	/* Just below a half stays down. */
	STR_EQ(num(28.749, 1, false), "28.7");
	STR_EQ(num(0.0499, 1, false), "0.0");
	STR_EQ(num(999.94, 1, false), "999.9");
	STR_EQ(num(999.4999, 0, false), "999");

	/* Carries through every digit, and into grouping. */
	STR_EQ(num(999.95, 1, false), "1,000.0");
	STR_EQ(num(999.95, 1, true), "1,000");
	STR_EQ(num(999.5, 0, false), "1,000");
	STR_EQ(num(-999.5, 0, false), "-1,000");
	STR_EQ(num(9.95, 1, true), "10");
	STR_EQ(num(99999.96, 1, false), "100,000.0");
	STR_EQ(num(0.96, 1, false), "1.0");
	STR_EQ(num(0.096, 2, false), "0.10");

	/* Noise from arithmetic disappears. */
	STR_EQ(num(0.1 + 0.2, 2, false), "0.30");
	STR_EQ(num(0.1 + 0.2, 2, true), "0.3");
	STR_EQ(num(9.8 - 10, 1, false), "-0.2");
	STR_EQ(num(1.1 * 3, 1, false), "3.3");
	STR_EQ(num(-202.0 / 702 * 100, 1, false), "-28.8");
}

static void
test_zero(void)
{
	STR_EQ(num(0, 0, false), "0");
	STR_EQ(num(0, 1, false), "0.0");
	STR_EQ(num(0, 1, true), "0");
	STR_EQ(num(0, 2, false), "0.00");
	STR_EQ(num(-0.0, 0, false), "0");
	STR_EQ(num(-0.0, 1, false), "0.0");
	/* Negatives that round to zero have no sign. */
	STR_EQ(num(-0.04, 1, true), "0");
	STR_EQ(num(-0.04, 1, false), "0.0");
	STR_EQ(num(-0.4, 0, false), "0");
	STR_EQ(num(-0.004, 2, true), "0");
	STR_EQ(num(-1e-300, 1, false), "0.0");
	STR_EQ(num(1e-300, 0, false), "0");
	STR_EQ(num(4e-324, 2, false), "0.00");	/* subnormal */
	STR_EQ(num(0.001, 2, false), "0.00");
	STR_EQ(num(0.001, 2, true), "0");
}

static void
test_group(void)
{
	STR_EQ(num(1, 0, false), "1");
	STR_EQ(num(12, 0, false), "12");
	STR_EQ(num(123, 0, false), "123");
	STR_EQ(num(999, 0, false), "999");
	STR_EQ(num(1000, 0, false), "1,000");
	STR_EQ(num(1234, 0, false), "1,234");
	STR_EQ(num(12345, 0, false), "12,345");
	STR_EQ(num(123456, 0, false), "123,456");
	STR_EQ(num(1234567, 0, false), "1,234,567");
	STR_EQ(num(-1234567, 0, false), "-1,234,567");
	STR_EQ(num(1234567.891, 2, false), "1,234,567.89");
	STR_EQ(num(1000000, 1, true), "1,000,000");
	STR_EQ(num(1e15, 0, false), "1,000,000,000,000,000");
	STR_EQ(num(9007199254740992.0, 0, false),
	    "9,007,199,254,740,990");		/* 15 significant digits */
	STR_EQ(num(1e20, 0, false), "100,000,000,000,000,000,000");
	/* The largest double fits: 309 digits and 102 commas. */
	INT_EQ(strlen(num(1.7976931348623157e308, 0, false)), 309 + 102);
	OK(strncmp(num(-1.7976931348623157e308, 2, false),
	    "-179,769,313,486,232,000,", 25) == 0);
	OK(B.len > 7 && strcmp(B.data + B.len - 7, ",000.00") == 0);
}

static void
test_trim(void)
{
	STR_EQ(num(10, 1, true), "10");
	STR_EQ(num(10, 1, false), "10.0");
	STR_EQ(num(10.1, 2, true), "10.1");
	STR_EQ(num(10.1, 2, false), "10.10");
	STR_EQ(num(10.01, 2, true), "10.01");
	STR_EQ(num(1234.5, 2, true), "1,234.5");
	STR_EQ(num(100, 2, true), "100");	/* zeros before the point stay */
	STR_EQ(num(0.1, 20, false), "0.10000000000000000000");
	STR_EQ(num(0.1, 20, true), "0.1");
}

static void
test_value(void)
{
	INT_EQ(fmt_decimals(UNIT_COUNT), 0);
	INT_EQ(fmt_decimals(UNIT_PERCENT), 1);
	INT_EQ(fmt_decimals(UNIT_RATE10K), 1);
	INT_EQ(fmt_decimals(UNIT_DAYS), 0);
	INT_EQ(fmt_decimals(UNIT_WEEKS), 1);
	INT_EQ(fmt_decimals(UNIT_NUMBER), 2);

	/* The table in fmt.h. */
	STR_EQ(val(9000, UNIT_COUNT), "9,000");
	STR_EQ(val(7.4, UNIT_PERCENT), "7.4%");
	STR_EQ(val(16.66, UNIT_RATE10K), "16.7");
	STR_EQ(val(412, UNIT_DAYS), "412");
	STR_EQ(val(0.345, UNIT_NUMBER), "0.35");

	STR_EQ(val(0, UNIT_COUNT), "0");
	STR_EQ(val(-3, UNIT_COUNT), "-3");
	STR_EQ(val(702, UNIT_COUNT), "702");
	STR_EQ(val(2.5, UNIT_COUNT), "2.5");	/* not whole: one decimal */
	STR_EQ(val(2.04, UNIT_COUNT), "2");
	STR_EQ(val(2.96, UNIT_COUNT), "3");
	STR_EQ(val(1234.56, UNIT_COUNT), "1,234.6");

	STR_EQ(val(10, UNIT_PERCENT), "10%");
	STR_EQ(val(9.8, UNIT_PERCENT), "9.8%");
	STR_EQ(val(9.75, UNIT_PERCENT), "9.8%");
	STR_EQ(val(9.95, UNIT_PERCENT), "10%");
	STR_EQ(val(99.95, UNIT_PERCENT), "100%");
	STR_EQ(val(33.3333, UNIT_PERCENT), "33.3%");
	STR_EQ(val(0, UNIT_PERCENT), "0%");
	STR_EQ(val(-0.01, UNIT_PERCENT), "0%");

	STR_EQ(val(16.65, UNIT_RATE10K), "16.7");
	STR_EQ(val(16, UNIT_RATE10K), "16");
	STR_EQ(val(1234.56, UNIT_RATE10K), "1,234.6");

	STR_EQ(val(412.5, UNIT_DAYS), "413");
	STR_EQ(val(412.4, UNIT_DAYS), "412");
	STR_EQ(val(1, UNIT_DAYS), "1");

	STR_EQ(val(12, UNIT_WEEKS), "12");
	STR_EQ(val(12.25, UNIT_WEEKS), "12.3");

	STR_EQ(val(1.5, UNIT_NUMBER), "1.5");
	STR_EQ(val(2, UNIT_NUMBER), "2");
	STR_EQ(val(1234.5678, UNIT_NUMBER), "1,234.57");
	STR_EQ(val(-0.001, UNIT_NUMBER), "0");
}

static void
test_value_unit(void)
{
	STR_EQ(valu(9000, UNIT_COUNT), "9,000");
	STR_EQ(valu(9.8, UNIT_PERCENT), "9.8%");
	STR_EQ(valu(16.66, UNIT_RATE10K), "16.7 per 10,000");
	STR_EQ(valu(10000, UNIT_RATE10K), "10,000 per 10,000");
	STR_EQ(valu(412, UNIT_DAYS), "412 days");
	STR_EQ(valu(1, UNIT_DAYS), "1 day");
	STR_EQ(valu(0.6, UNIT_DAYS), "1 day");	/* reads as 1 */
	STR_EQ(valu(1.4, UNIT_DAYS), "1 day");
	STR_EQ(valu(-1, UNIT_DAYS), "-1 day");
	STR_EQ(valu(0, UNIT_DAYS), "0 days");
	STR_EQ(valu(2, UNIT_DAYS), "2 days");
	STR_EQ(valu(1001, UNIT_DAYS), "1,001 days");
	STR_EQ(valu(12, UNIT_WEEKS), "12 weeks");
	STR_EQ(valu(1, UNIT_WEEKS), "1 week");
	STR_EQ(valu(1.04, UNIT_WEEKS), "1 week");
	STR_EQ(valu(0.96, UNIT_WEEKS), "1 week");
	STR_EQ(valu(1.5, UNIT_WEEKS), "1.5 weeks");
	STR_EQ(valu(0.5, UNIT_WEEKS), "0.5 weeks");
	STR_EQ(valu(11, UNIT_WEEKS), "11 weeks");
	STR_EQ(valu(0.345, UNIT_NUMBER), "0.35");
}

static void
test_change(void)
{
	STR_EQ(chg(12, UNIT_COUNT), "+12");
	STR_EQ(chg(-202, UNIT_COUNT), "-202");
	STR_EQ(chg(0, UNIT_COUNT), "0");
	STR_EQ(chg(-0.0, UNIT_COUNT), "0");
	STR_EQ(chg(1234, UNIT_COUNT), "+1,234");
	STR_EQ(chg(0.5, UNIT_COUNT), "+0.5");
	STR_EQ(chg(-0.04, UNIT_COUNT), "0");	/* rounds to zero: no sign */

	STR_EQ(chg(1.5, UNIT_PERCENT), "+1.5 pts");
	STR_EQ(chg(-0.2, UNIT_PERCENT), "-0.2 pts");
	STR_EQ(chg(9.8 - 10, UNIT_PERCENT), "-0.2 pts");
	STR_EQ(chg(1, UNIT_PERCENT), "+1 pt");
	STR_EQ(chg(-1, UNIT_PERCENT), "-1 pt");
	STR_EQ(chg(1.04, UNIT_PERCENT), "+1 pt");
	STR_EQ(chg(1.05, UNIT_PERCENT), "+1.1 pts");
	STR_EQ(chg(10, UNIT_PERCENT), "+10 pts");
	STR_EQ(chg(0, UNIT_PERCENT), "0 pts");
	STR_EQ(chg(0.04, UNIT_PERCENT), "0 pts");
	STR_EQ(chg(-0.04, UNIT_PERCENT), "0 pts");

	STR_EQ(chg(1.25, UNIT_RATE10K), "+1.3");
	STR_EQ(chg(-0.04, UNIT_RATE10K), "0");
	STR_EQ(chg(-14, UNIT_DAYS), "-14");
	STR_EQ(chg(0.5, UNIT_WEEKS), "+0.5");
	STR_EQ(chg(0.005, UNIT_NUMBER), "+0.01");
	STR_EQ(chg(-0.004, UNIT_NUMBER), "0");
}

static void
test_pct(void)
{
	STR_EQ(pct(3.2), "+3.2%");
	STR_EQ(pct(-28.8), "-28.8%");
	STR_EQ(pct(-202.0 / 702 * 100), "-28.8%");
	STR_EQ(pct(0), "0%");
	STR_EQ(pct(-0.0), "0%");
	STR_EQ(pct(-0.04), "0%");
	STR_EQ(pct(0.04), "0%");
	STR_EQ(pct(0.05), "+0.1%");
	STR_EQ(pct(-0.05), "-0.1%");
	STR_EQ(pct(3), "+3%");
	STR_EQ(pct(100), "+100%");
	STR_EQ(pct(-100), "-100%");
	STR_EQ(pct(1234.5), "+1,234.5%");
}

static void
test_axis(void)
{
	/* The table in fmt.h. */
	STR_EQ(axis(7.5, 0.5, UNIT_PERCENT), "7.5%");

	/* Every label of an axis has the decimals its step needs. */
	STR_EQ(axis(7, 0.5, UNIT_PERCENT), "7.0%");
	STR_EQ(axis(0, 0.5, UNIT_PERCENT), "0.0%");
	STR_EQ(axis(5, 2.5, UNIT_COUNT), "5.0");
	STR_EQ(axis(7.5, 2.5, UNIT_COUNT), "7.5");
	STR_EQ(axis(0.5, 0.25, UNIT_NUMBER), "0.50");
	STR_EQ(axis(0.75, 0.25, UNIT_NUMBER), "0.75");
	STR_EQ(axis(0.15, 0.05, UNIT_NUMBER), "0.15");
	STR_EQ(axis(0.002, 0.001, UNIT_NUMBER), "0.002");
	STR_EQ(axis(12000, 1000, UNIT_COUNT), "12,000");
	STR_EQ(axis(100, 20, UNIT_COUNT), "100");
	STR_EQ(axis(15, 5, UNIT_RATE10K), "15");
	STR_EQ(axis(40, 10, UNIT_PERCENT), "40%");
	STR_EQ(axis(-10, 5, UNIT_NUMBER), "-10");

	/* Steps and ticks that carry binary noise. */
	STR_EQ(axis(0.1 * 3, 0.1, UNIT_PERCENT), "0.3%");
	STR_EQ(axis(0.6, 0.1 * 3, UNIT_NUMBER), "0.6");
	STR_EQ(axis(0.1 + 0.2, 0.1, UNIT_NUMBER), "0.3");
	STR_EQ(axis(-1e-17, 0.2, UNIT_NUMBER), "0.0");	/* never -0 */
	STR_EQ(axis(-1e-13, 1, UNIT_COUNT), "0");

	/* No usable step: as the value would be written. */
	STR_EQ(axis(16.66, 0, UNIT_RATE10K), "16.7");
	STR_EQ(axis(50, 0, UNIT_PERCENT), "50%");
	STR_EQ(axis(3, -1, UNIT_COUNT), "3");
}

/* Table cells keep their places, so a column lines up. */
static void
test_cell(void)
{
	STR_EQ(cell(12, UNIT_PERCENT), "12.0%");
	STR_EQ(cell(12.1, UNIT_PERCENT), "12.1%");
	STR_EQ(cell(9.75, UNIT_PERCENT), "9.8%");
	STR_EQ(cell(-0.04, UNIT_PERCENT), "0.0%");
	STR_EQ(cell(16, UNIT_RATE10K), "16.0");
	STR_EQ(cell(0.5, UNIT_NUMBER), "0.50");
	STR_EQ(cell(9000, UNIT_COUNT), "9,000");
	STR_EQ(cell(2.5, UNIT_COUNT), "2.5");
	STR_EQ(cell(412, UNIT_DAYS), "412");
	STR_EQ(cell(12, UNIT_WEEKS), "12.0");
}

int
main(void)
{
	buf_init(&B);
	test_round();
	test_zero();
	test_group();
	test_trim();
	test_value();
	test_value_unit();
	test_change();
	test_pct();
	test_axis();
	test_cell();
	buf_release(&B);
	return harness_done();
}
