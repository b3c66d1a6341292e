/*
 * A minimal unit-test harness.  Each check prints a line on failure and
 * counts; harness_done() prints "N passed, N failed" and returns the
 * exit status.  Include once per test program.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static unsigned harness_pass, harness_fail;

#define	OK(cond) do {							\
	if (cond) harness_pass++;					\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
	}								\
} while (0)

#define	INT_EQ(a, b) do {						\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a == _b) harness_pass++;					\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s == %lld, expected %lld\n", \
		    __FILE__, __LINE__, #a, _a, _b);			\
	}								\
} while (0)

#define	STR_EQ(a, b) do {						\
	const char *_a = (a), *_b = (b);				\
	if (_a != NULL && _b != NULL && strcmp(_a, _b) == 0) harness_pass++; \
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s == \"%s\", expected \"%s\"\n", \
		    __FILE__, __LINE__, #a, _a ? _a : "(null)",		\
		    _b ? _b : "(null)");				\
	}								\
} while (0)

#define	DBL_NEAR(a, b, eps) do {					\
	double _a = (a), _b = (b);					\
	if (fabs(_a - _b) <= (eps)) harness_pass++;			\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s == %.17g, expected %.17g\n", \
		    __FILE__, __LINE__, #a, _a, _b);			\
	}								\
} while (0)

static inline int
harness_done(void)
{
	printf("%u passed, %u failed\n", harness_pass, harness_fail);
	return harness_fail == 0 ? 0 : 1;
}

#endif
