#!/bin/sh
# Runs each libFuzzer harness named (json, period, tmpl, chart) for
# SECONDS, from its committed seeds in tests/fuzz/corpus/<name> (every
# one of which is run first, so a crash found earlier and kept there is
# a regression test) and the inputs found by earlier runs in
# tests/build/fuzz/corpus/<name>, where new ones go.  Any crash, leak, timeout,
# out-of-memory or sanitizer report fails: the log is shown and the input
# is left in tests/build/fuzz as crash-*, leak-*, timeout-* or oom-*, to be
# copied into tests/fuzz/corpus/<name> once fixed.  Ends with
# "N passed, N failed".
#
#	sh tests/fuzz/run.sh SECONDS NAME...
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?usage: run.sh SECONDS NAME...}
shift
D=tests/build/fuzz
pass=0
fail=0
LC_ALL=C TZ=UTC FONTCONFIG_FILE=$PWD/tests/fonts.conf
export LC_ALL TZ FONTCONFIG_FILE
# Leaks are reported at exit and per input; UBSan stops at the first.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:allocator_may_return_null=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS
for name in "$@"; do
	bin=$D/fuzz_$name
	seeds=tests/fuzz/corpus/$name
	found=$D/corpus/$name
	mkdir -p "$found"
	dict=""
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	start=$(date +%s)
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 $dict \
	    -artifact_prefix="$D/$name-" "$found" "$seeds" \
	    >"$D/$name.log" 2>&1
	rc=$?
	took=$(( $(date +%s) - start ))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$D/$name.log")
	cov=$(grep -o 'cov: [0-9]*' "$D/$name.log" | tail -n 1)
	if [ $rc = 0 ] && ! grep -q 'ERROR: \|runtime error:' "$D/$name.log"
	then
		pass=$((pass + 1))
		echo "fuzz_$name: ${runs:-?} runs in ${took} s, ${cov:-cov: ?}," \
		    "$(ls "$seeds" | wc -l) seeds + $(ls "$found" | wc -l) found: ok"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz_$name (status $rc after ${took} s); log $D/$name.log:"
		grep -A 30 'ERROR: \|runtime error:\|invariant failed\|Assertion' \
		    "$D/$name.log" | head -n 60
		ls -1 "$D/$name-"* 2>/dev/null | sed 's/^/  input: /'
	fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
