#!/bin/sh
# Sweeps public test suites that nobody on this project wrote through
# scorecard built with AddressSanitizer and UndefinedBehaviorSanitizer
# (in a copy of the tree under tests/build/sweep, as make SANITIZE=1
# check builds it): JSONTestSuite's parsing cases as inputs, and
# html5lib-tests' tokenizer strings placed in every text field of an
# input.  What each case must do is in tests/sweep.py.  The suites are
# not part of the project: fetch them yourself, e.g.
#
#	git clone https://github.com/nst/JSONTestSuite
#	git clone https://github.com/html5lib/html5lib-tests
#	sh tests/sweep.sh JSONTestSuite/test_parsing html5lib-tests/tokenizer
#
# Either folder may be "-" to skip that suite.  Not part of make ci: on
# two shared cores the ASan build takes about 4 minutes, the sweep about
# 6 (JSONTestSuite 40 s, html5lib 300 s; measured 2026-12-06).
# Ends with "N held, N failed"; exit status 1 if anything failed.
set -eu
[ $# = 2 ] || { echo "usage: sh tests/sweep.sh JSON-DIR|- HTML5LIB-TOKENIZER-DIR|-" >&2; exit 2; }
jdir=$1
hdir=$2
[ "$jdir" = - ] || jdir=$(cd "$jdir" && pwd)
[ "$hdir" = - ] || hdir=$(cd "$hdir" && pwd)
cd "$(dirname "$0")/.."
top=$PWD
B=tests/build/sweep
sh tests/copytree.sh "$B"
make -C "$B" -j"$(nproc 2>/dev/null || echo 2)" SANITIZE=1 \
    SANITIZE_COPY=1 scorecard >"$B.log" 2>&1 || { cat "$B.log"; exit 1; }
echo "sweep: scorecard built in $B with ASan and UBSan"
ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0:symbolize=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
LC_ALL=C.UTF-8 TZ=UTC FONTCONFIG_FILE=$top/tests/fonts.conf
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS LC_ALL TZ FONTCONFIG_FILE
set -- "$B/scorecard" "$B/out"
[ "$jdir" = - ] || set -- "$@" --json "$jdir"
[ "$hdir" = - ] || set -- "$@" --html5lib "$hdir"
python3 tests/sweep.py "$@"
