#!/bin/sh
# make ci: what .ci/run runs after sh setup.sh --tests.  Every test three ways (make
# check; make SANITIZE=1 check, with ASan and UBSan; make valgrind), each
# fuzzer for CI_FUZZ_SECONDS (make fuzz), the fault tests (make faults)
# and a few renders under ThreadSanitizer (make tsan), in two lanes at
# once so that the whole takes minutes, not ten:
#
#	lane 1:	check, then valgrind	(both use the tree's build and tests/out)
#	lane 2:	sanitize, fuzz, faults, tsan	(tests/build/sanitize.PID,
#		tests/build/fuzz, tests/build/faults.PID, tests/build/tsan.PID)
#
# The Makefile builds everything first, and lane 2 runs its scripts
# directly rather than through make, so the lanes never build or write
# the same file.  Each step's output goes to tests/build/ci/<step>.log; a line is shown as
# each step ends, and for a failed step its failures.  Ends with the sum of
# every step's "N passed, N failed"; fails if any step failed.
set -u
cd "$(dirname "$0")/.." || exit 2
L=tests/build/ci
rm -rf "$L"
mkdir -p "$L"
secs=${CI_FUZZ_SECONDS:-20}
now() { date +%s; }

# step NAME COMMAND...: runs the command, records status and time.
step() {
	name=$1
	shift
	t0=$(now)
	"$@" >"$L/$name.log" 2>&1
	rc=$?
	echo "$rc $(( $(now) - t0 ))" >"$L/$name.status"
	line=$(tail -n 1 "$L/$name.log")
	if [ $rc = 0 ]; then
		echo "ci: $name: $line ($(( $(now) - t0 )) s)"
	else
		echo "ci: $name FAILED (status $rc after $(( $(now) - t0 )) s):"
		grep -E '^FAIL|ERROR|error:|runtime error' "$L/$name.log" |
		    head -n 40 | sed 's/^/    /'
		echo "    (the whole log: $L/$name.log)"
	fi
	return $rc
}

t0=$(now)
{ step check make --no-print-directory check
    step valgrind make --no-print-directory valgrind; } &
lane1=$!
{ step sanitize sh tests/sanitize.sh
    step fuzz sh tests/fuzz/run.sh "$secs" json jsonscan period tmpl chart png xlsx csv
    step faults sh tests/faults.sh
    step tsan sh tests/tsan.sh; } &
lane2=$!
wait $lane1
wait $lane2

pass=0
fail=0
bad=0
for name in check valgrind sanitize fuzz faults tsan; do
	if [ ! -f "$L/$name.status" ] || [ "$(cut -d' ' -f1 "$L/$name.status")" != 0 ]
	then
		bad=$((bad + 1))
	fi
	line=$(tail -n 1 "$L/$name.log" 2>/dev/null)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		fail=$((fail + 1))	# a step that ended without a summary
	else
		pass=$((pass + p))
		fail=$((fail + f))
	fi
done
echo "ci: check, valgrind, sanitize, fuzz, faults and tsan in $(( $(now) - t0 )) s"
echo "$pass passed, $fail failed"
[ $bad = 0 ] && [ $fail = 0 ]
