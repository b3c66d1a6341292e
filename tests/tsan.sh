#!/bin/sh
# make tsan: the threads of a render under ThreadSanitizer.  A render
# draws its charts' PNGs on one worker thread and typesets report.pdf on
# another while the main thread draws the charts' PDFs and the email
# (render/worker.c, chartfiles.c, report.c).  This builds scorecard and
# the unit tests of the threads with clang-14 -fsanitize=thread -O1 -g in
# a fresh copy of the tree under tests/build/tsan.PID (removed when every
# check passed; the normal build is left alone), then runs a few renders
# that take every path of the threads, each checked for its exit status,
# its message and no ThreadSanitizer report:
#
#	the example (charts, report.pdf, the email while it is drawn);
#	with --mail-attach-pdf; with --no-pdf; the gallery (every kind of
#	chart); chart words no font has (tests/pdflimits/missing-glyphs);
#	report.pdf refused past its page limit; a template failing after
#	the charts were queued; the email failing while report.pdf is
#	drawn; an archive; a batch of two (-j 2, processes of threads)
#
# Glib, fontconfig, Cairo, HarfBuzz and Pango are not built with
# ThreadSanitizer: their own locks (GLib's on futexes), atomics and
# lock-free pools are invisible to it, so what their code reads and
# writes through the calls it intercepts (memcpy, strcmp, memset and
# malloc called from inside a library) raced in every render (181 to
# 355 reports in 27 renders, as the code moved, every one of them
# between two accesses made by a library's code).  ignore_noninstrumented_modules=1 leaves out
# exactly those accesses, made by a library's own code; every access
# of ours and every lock is still checked.  No suppressions file.
# What it cannot see: two accesses of ours ordered only because both
# threads took a lock inside a library between them (Cairo's and
# fontconfig's, taken all the time).  Tried: a wait taken out of
# chartfiles_collect() fails every render here; one taken out of
# report.pdf's page check (pdf_fits()) failed only the batch, by its
# exit status.
#
# If the kernel's address randomisation is too wide for clang 14's
# runtime ("unexpected memory mapping"), each program is run again with
# randomisation off (setarch -R) when the system allows it.
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
top=$PWD
CC_TSAN=${TSANCC:-clang-14}
B=tests/build/tsan.$$
rm -rf "$B"
sh tests/copytree.sh "$B"
jobs=$(nproc 2>/dev/null || echo 2)
UNITS="tests/unit/test_worker tests/unit/test_chartfiles"
if ! CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
    LDFLAGS="-fsanitize=thread" make -C "$B" -j"$jobs" CC="$CC_TSAN" \
    scorecard $UNITS >"$B.log" 2>&1; then
	cat "$B.log"
	echo "tsan: the build failed (clang-14 and libclang-rt-14-dev installed?)"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "tsan: built in $B with ThreadSanitizer"

LC_ALL=C TZ=UTC FONTCONFIG_FILE=$top/tests/fonts.conf
TSAN_OPTIONS="ignore_noninstrumented_modules=1 halt_on_error=0 exitcode=66 second_deadlock_stack=1"
export LC_ALL TZ FONTCONFIG_FILE TSAN_OPTIONS
cd "$B" || exit 2
O=out
mkdir -p "$O"
pass=0
fail=0
noaslr=

# run NAME STATUS PROGRAM ARG...: runs a program, its standard error in
# $O/NAME.err; passes if it exits STATUS with no ThreadSanitizer report.
# Sets rc.
run() {
	name=$1
	want=$2
	shift 2
	$noaslr "$@" >"$O/$name.out" 2>"$O/$name.err"
	rc=$?
	if [ -z "$noaslr" ] &&
	    grep -q 'unexpected memory mapping' "$O/$name.err" &&
	    setarch "$(uname -m)" -R true 2>/dev/null; then
		noaslr="setarch $(uname -m) -R"
		echo "tsan: address randomisation too wide for the runtime: run with $noaslr"
		$noaslr "$@" >"$O/$name.out" 2>"$O/$name.err"
		rc=$?
	fi
	if grep -q 'ThreadSanitizer' "$O/$name.err"; then
		fail=$((fail + 1))
		echo "FAIL: tsan $name: ThreadSanitizer says (exit $rc):"
		cat "$O/$name.err"
	elif [ "$rc" != "$want" ]; then
		fail=$((fail + 1))
		echo "FAIL: tsan $name: exit $rc, expected $want"
		head -n 20 "$O/$name.err"
	else
		pass=$((pass + 1))
	fi
}

# verdict NAME WHAT: one more check on a run, passed if the command
# just before it succeeded.
verdict() {
	if [ $? = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: tsan $1: $2"
		head -n 20 "$O/$1.err"
	fi
}

for t in $UNITS; do
	run "$(basename "$t")" 0 "./$t"
done

run example 0 ./scorecard render input/example.json -o "$O/example"
[ -s "$O/example/report.pdf" ] && [ -s "$O/example/report.eml" ] &&
    [ -s "$O/example/charts/ad-entry-to-placement.png" ]
verdict example "report.pdf, report.eml or a chart's PNG missing"
run attach 0 ./scorecard render input/example.json -o "$O/attach" \
    --mail-attach-pdf
run nopdf 0 ./scorecard render input/example.json -o "$O/nopdf" --no-pdf
[ ! -e "$O/nopdf/report.pdf" ]
verdict nopdf "report.pdf written with --no-pdf"
run gallery 0 ./scorecard render tests/golden/gallery/input.json \
    -o "$O/gallery"
run glyphs 0 ./scorecard render tests/pdflimits/missing-glyphs/input.json \
    -o "$O/glyphs"

# report.pdf past its 2,000 pages (as in tests/run.sh): refused, exit 3.
python3 - "$O/pages.json" <<'EOF'
import json, sys
doc = {"report": {"title": "Long", "organisation": "Northfield",
                  "period": "2022-01"}, "indicators": []}
for k in range(8):
    doc["indicators"].append({"id": "i%d" % k, "title": "I%d" % k,
        "unit": "count", "commentary": "\n\n".join(["a"] * 19000),
        "series": [{"period": "2021-12", "value": 1},
                   {"period": "2022-01", "value": 2}]})
json.dump(doc, open(sys.argv[1], "w"))
EOF
run pages 3 ./scorecard render "$O/pages.json" -o "$O/pages"
[ ! -e "$O/pages" ] && [ "$(cat "$O/pages.err")" = "scorecard: report.pdf: error: would have more than 2000 pages (the limit); render with --no-pdf to leave the PDFs out" ]
verdict pages "not refused as it should be, or something written"

# A template that fails when filled, after every chart was queued.
run template 1 ./scorecard render tests/errors/template-each-bytes.json \
    -o "$O/template" --template tests/errors/template-each-bytes.xhtml
[ ! -e "$O/template" ] &&
    [ "$(cat "$O/template.err")" = "$(cat tests/errors/template-each-bytes.stderr)" ]
verdict template "its message, or something written"

# The email failing while report.pdf is drawn: scorecard beside a
# templates/ folder (which it then uses) whose email template is wrong.
dd=$O/datadir
mkdir -p "$dd/templates" "$dd/assets"
cp templates/report.xhtml templates/archive.xhtml "$dd/templates/"
cp assets/* "$dd/assets/"
cp scorecard "$dd/scorecard"
printf '%s\n' '<html xmlns="http://www.w3.org/1999/xhtml"><body><p data-sc-text="no_such_name">x</p></body></html>' \
    >"$dd/templates/email.xhtml"
run email 1 "$dd/scorecard" render input/example.json -o "$O/email"
[ ! -e "$O/email" ] && [ "$(cat "$O/email.err")" = "scorecard: $PWD/$dd/templates/email.xhtml:1:50: error: data-sc-text: \"no_such_name\" is not set" ]
verdict email "its message, or something written"

run archive 0 ./scorecard archive input/example.json --into "$O/archive"
run batch 0 ./scorecard render input/example.json \
    tests/golden/minimal/input.json -o "$O/batch" -j 2
[ -s "$O/batch/example/report.pdf" ] && [ -s "$O/batch/input/report.pdf" ]
verdict batch "a report.pdf missing"

cd "$top" || exit 2
if [ $fail = 0 ]; then
	rm -rf "$B" "$B.log"
else
	echo "tsan: the build and its output are left in $B"
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
