#!/bin/sh
# make SANITIZE=1 check: every test with scorecard, the unit tests and
# the helpers built with AddressSanitizer and UndefinedBehaviorSanitizer
# (-fno-sanitize-recover=all), in a fresh copy of the tree under
# tests/build/sanitize.PID (removed when every test passed), so that the
# normal build in the tree, and any other run, are left alone.
# Any report fails: a sanitizer stops the program with status 86 and
# its report on standard error, which the error tests compare and the
# golden tests treat as a failed render.  Leaks are reported at exit.
# The publishable checkers read the same bytes as in `make check`, so
# they are not run again.  Ends with "N passed, N failed".
set -eu
cd "$(dirname "$0")/.."
top=$PWD
B=tests/build/sanitize.$$
rm -rf "$B"
# The sources and tests as they are now, tracked or not.
sh tests/copytree.sh "$B"
ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0:symbolize=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
SKIP_PUBLISHABLE=1
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS SKIP_PUBLISHABLE
jobs=$(nproc 2>/dev/null || echo 2)
# Built quietly: only warnings and errors show.
make -C "$B" -j"$jobs" SANITIZE=1 SANITIZE_COPY=1 scorecard tests/pngcheck \
    $(cd "$B" && ls tests/unit/test_*.c | sed 's/\.c$//') >"$B.log" 2>&1 ||
    { cat "$B.log"; exit 1; }
grep -i 'warning\|error' "$B.log" || true
echo "sanitize: built in $B with ASan and UBSan"
if make -C "$B" --no-print-directory SANITIZE=1 SANITIZE_COPY=1 check; then
	rm -rf "$B" "$B.log"
else
	echo "sanitize: the build and its tests/out are left in $B"
	exit 1
fi
