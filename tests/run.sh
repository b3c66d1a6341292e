#!/bin/sh
# Runs every test of scorecard: unit tests, golden renders (summary.json,
# report.html, chart layout, PNG decode), and error cases (exact stderr
# and exit status, output folder untouched).  Ends with the line
# "N passed, N failed".  With --regen, rewrites the expected files of the
# golden and error tests instead, printing created/replaced/same, for
# review with git diff.  VALGRIND, if set, prefixes every program run.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C TZ=UTC FONTCONFIG_FILE=$PWD/tests/fonts.conf
export LC_ALL TZ FONTCONFIG_FILE
regen=0
[ "${1:-}" = --regen ] && regen=1
V=${VALGRIND:-}
pass=0
fail=0
OUT=tests/out
rm -rf "$OUT"
mkdir -p "$OUT/golden" "$OUT/errors"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Compares actual file $1 with expected $2 (or regenerates $2).
compare() {
	if [ $regen = 1 ]; then
		if [ ! -f "$2" ]; then echo "created $2"
		elif cmp -s "$1" "$2"; then echo "same $2"
		else echo "replaced $2"; fi
		cp "$1" "$2"
		return
	fi
	if [ ! -f "$2" ]; then
		bad "$2 is missing (run make regen and review)"
	elif diff -u "$2" "$1" >"$OUT/diff" 2>&1; then
		ok
	else
		bad "$1 differs from $2"
		head -n 40 "$OUT/diff"
	fi
}

# Workbooks for the spreadsheet tests, made by openpyxl and a raw writer
# (tests/sheets/make.py) into $OUT/sheets: error cases and goldens use them.
if ! /usr/bin/python3 tests/sheets/make.py "$OUT/sheets" >"$OUT/sheets.log" 2>&1
then
	bad "tests/sheets/make.py failed (python3-openpyxl installed?)"
	cat "$OUT/sheets.log"
fi

# Unit tests: each prints "N passed, N failed" last.
if [ $regen = 0 ]; then
	for t in tests/unit/test_*; do
		case $t in *.c|*.d) continue ;; esac
		[ -x "$t" ] || continue
		$V "./$t" >"$OUT/unit.out" 2>"$OUT/unit.err"
		rc=$?
		line=$(tail -n 1 "$OUT/unit.out")
		p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$p" ]; then
			bad "$t crashed or printed no summary (status $rc)"
			tail -n 20 "$OUT/unit.err"
			continue
		fi
		pass=$((pass + p))
		fail=$((fail + f))
		if [ "$f" != 0 ] || [ $rc != 0 ]; then
			[ "$f" = 0 ] && bad "$t exited $rc"
			echo "FAIL: $t: $line"
			cat "$OUT/unit.err"
		fi
	done
fi

# Golden renders.  A case is a folder with input.json (or a file "input"
# naming the input), optional template.xhtml, and expected-* files.
for dir in tests/golden/*/; do
	case=$(basename "$dir")
	in=$dir/input.json
	[ -f "$dir/input" ] && in=$(cat "$dir/input")
	[ -f "$in" ] || continue
	set -- render "$in" -o "$OUT/golden/$case"
	[ -f "$dir/template.xhtml" ] && set -- "$@" --template "$dir/template.xhtml"
	if ! $V ./scorecard "$@" 2>"$OUT/golden/$case.err"; then
		bad "golden $case: render failed"
		cat "$OUT/golden/$case.err"
		continue
	fi
	compare "$OUT/golden/$case/summary.json" "$dir/expected-summary.json"
	compare "$OUT/golden/$case/report.html" "$dir/expected-report.html"
	$V ./scorecard layout "$in" >"$OUT/golden/$case.layout" 2>&1
	compare "$OUT/golden/$case.layout" "$dir/expected-layout.txt"
	# report.eml's HTML part, decoded (its charts are cid: parts,
	# checked below by tests/mailcheck.py).
	if python3 -c 'import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
    policy=email.policy.default)
sys.stdout.write(m.get_body(("html",)).get_content())' \
	    "$OUT/golden/$case/report.eml" >"$OUT/golden/$case.email.html" \
	    2>"$OUT/email.err"
	then compare "$OUT/golden/$case.email.html" "$dir/expected-email.html"
	else bad "golden $case: no HTML part in report.eml"; cat "$OUT/email.err"
	fi
	# report.pdf, read by Debian's PDF tools (tests/pdfcheck.py): its
	# invariants checked, its structure summed up for the golden file.
	if python3 tests/pdfcheck.py "$OUT/golden/$case/report.pdf" \
	    "$OUT/golden/$case/report.html" tests/pngcheck \
	    >"$OUT/golden/$case.pdf.txt" 2>"$OUT/pdf.err"; then
		[ $regen = 1 ] || ok
	else
		bad "golden $case: report.pdf"; cat "$OUT/pdf.err"
		# Never regenerate a golden from a checker that failed: its
		# output is empty or partial.
		[ $regen = 1 ] && continue
	fi
	compare "$OUT/golden/$case.pdf.txt" "$dir/expected-pdf.txt"
	[ $regen = 1 ] && continue
	# The email, read by an independent MIME parser.
	if python3 tests/mailcheck.py "$OUT/golden/$case/report.eml" >"$OUT/mail.out" 2>&1
	then ok; else bad "golden $case: report.eml"; cat "$OUT/mail.out"; fi
	# Reproducible: the same input gives the same bytes, PDFs included.
	./scorecard render "$in" -o "$OUT/golden/$case.again" \
	    $( [ -f "$dir/template.xhtml" ] && echo --template "$dir/template.xhtml") 2>/dev/null
	if diff -r "$OUT/golden/$case" "$OUT/golden/$case.again" >/dev/null
	then ok; else bad "golden $case: a second render differs"; fi
	rm -rf "$OUT/golden/$case.again"
	# Every chart is there as SVG, PDF and a decodable PNG at 2x.
	for svg in "$OUT/golden/$case"/charts/*.svg; do
		[ -f "$svg" ] || continue
		png=${svg%.svg}.png
		# Semantic SVG stays small: text as text, coordinates to 0.1 px.
		size=$(wc -c <"$svg")
		[ "$size" -le 8192 ] && ok || bad "$svg is $size bytes, over 8 KB"
		if head -c 5 "${svg%.svg}.pdf" 2>/dev/null | grep -q '%PDF-'
		then ok; else bad "${svg%.svg}.pdf missing or not a PDF"; fi
		dim=$(tests/pngcheck "$png" 2>&1)
		w=$(sed -n 's/.*width="\([0-9.]*\)".*/\1/p' "$svg" | head -n 1)
		h=$(sed -n 's/.*height="\([0-9.]*\)" role.*/\1/p' "$svg" | head -n 1)
		want=$(awk -v w="$w" -v h="$h" 'function c(x) { return x == int(x) ? x : int(x) + 1 }
		    BEGIN { printf "%dx%d 192", c(w * 2), c(h * 2) }')
		if [ "$dim" = "$want" ]; then ok
		else bad "$png: decoded as '$dim', expected $want"; fi
	done
done

# report.pdf at its limits (tests/pdflimits/*/input.json): inputs whose
# tables cannot be set as a grid within a page, or whose chart words no
# font has.  Only the PDF is checked (tests/pdfcheck.py: no word off the
# page, in the side margins or below the body, every table row's header
# cell in the text) and summed up; their report.html
# goes to the browser checks below with the golden reports'.
mkdir -p "$OUT/pdflimits"
for dir in tests/pdflimits/*/; do
	case=$(basename "$dir")
	out=$OUT/pdflimits/$case
	if ! $V ./scorecard render "$dir/input.json" -o "$out" \
	    2>"$out.err"; then
		bad "pdflimits $case: render failed"; cat "$out.err"
		continue
	fi
	if python3 tests/pdfcheck.py "$out/report.pdf" "$out/report.html" \
	    >"$out.pdf.txt" 2>"$OUT/pdf.err"; then
		[ $regen = 1 ] || ok
	else
		bad "pdflimits $case: report.pdf"; head -n 20 "$OUT/pdf.err"
		[ $regen = 1 ] && continue
	fi
	compare "$out.pdf.txt" "$dir/expected-pdf.txt"
done

# A name typed over several lines (Alt+Enter in a cell, or U+2028) is one
# line in the running heads: the HTML's print attributes and report.pdf's
# footer say all of it, not its first line.
if [ $regen = 0 ]; then
	ol=$OUT/oneline
	mkdir -p "$ol"
	sed 's/"organisation": "[^"]*"/"organisation": "Northfield\\u2028Borough\\nCouncil"/' \
	    input/example.json >"$ol/input.json"
	if grep -q 'u2028Borough' "$ol/input.json" &&
	    ./scorecard render "$ol/input.json" -o "$ol/out" 2>"$ol/err" &&
	    grep -q 'data-organisation="Northfield Borough Council"' "$ol/out/report.html" &&
	    pdftotext -f 2 -l 2 "$ol/out/report.pdf" - | grep -q '^Northfield Borough Council$'
	then ok; else bad "a name over several lines is not one line in the running heads"; cat "$ol/err"; fi
fi

# Error cases: exact stderr and exit status; the output folder untouched.
# A case is NAME.json (the input), or NAME.args (a command line in which
# @IN@ is a valid input, @OUT@ the output folder): NAME.stderr, and
# NAME.status if the exit status is not 1.
for name in $(ls tests/errors/*.json tests/errors/*.args 2>/dev/null |
    sed 's/\.[a-z]*$//' | sort -u); do
	json=$name.json
	[ -f "$json" ] || json=tests/golden/minimal/input.json
	case=$(basename "$name")
	out=$OUT/errors/$case
	want=1
	[ -f "$name.status" ] && want=$(cat "$name.status")
	if [ -f "$name.args" ]; then
		# shellcheck disable=SC2046
		set -- $(sed "s|@IN@|$json|g; s|@OUT@|$out|g; s|@DIR@|tests/errors|g" "$name.args")
	else
		set -- render "$json" -o "$out"
	fi
	$V ./scorecard "$@" >/dev/null 2>"$out.raw"
	rc=$?
	# The bundled assets are named by their absolute path: the tree's
	# place is left out, so that the catalogue holds in any checkout.
	sed "s|$PWD/||g" "$out.raw" >"$out.stderr"
	rm -f "$out.raw"
	if [ $regen = 1 ]; then
		compare "$out.stderr" "$name.stderr"
		continue
	fi
	[ "$rc" = "$want" ] && ok || bad "error $case: exit $rc, expected $want"
	compare "$out.stderr" "$name.stderr"
	[ -e "$out" ] && bad "error $case: $out was created" || ok
done

# The usage shows exactly the options each command takes.  Every option
# of main.c's longopts is given to each command; the command's lines of
# the usage (or, for a sheet option, its [SHEET OPTIONS] and the SHEET
# OPTIONS line) show it, by its long name or its short one, if and only
# if the command did not refuse it as "not an option of" it.
uo=$OUT/usage
mkdir -p "$uo"
./scorecard --help | sed -n '1,/^SHEET OPTIONS:/p' >"$uo/usage"
shorts=$(sed -n 's/.*getopt_long(argc, argv, command ? "\([^"]*\)".*/\1/p' \
    render/main.c | tr -d ':')
sed -n 's/^	{ "\([a-z-]*\)", \([a-z_]*\), NULL, \([^ ]*\) }.*/\1 \2 \3/p' \
    render/main.c >"$uo/opts"
[ -n "$shorts" ] && [ "$(wc -l <"$uo/opts")" -gt 10 ] && ok ||
    bad "usage test: cannot read the options of render/main.c"
for cmd in render archive convert layout template; do
	# The command's first line and those indented under it.
	awk -v c="scorecard $cmd " 'index($0, c) == 1 || index($0, c) == 8 {
	    on = 1; print; next } on && /^                    / { print; next }
	    { on = 0 }' "$uo/usage" >"$uo/$cmd"
	[ -s "$uo/$cmd" ] || bad "usage: no line for $cmd"
	while read -r name has val; do
		case $name in help|version) continue ;; esac
		arg=
		[ "$has" = required_argument ] && arg=x
		# template with -o and no operand would write the file.
		op=
		[ "$cmd" = template ] && op=operand
		# shellcheck disable=SC2086
		(cd "$uo" && "$OLDPWD/scorecard" $cmd "--$name" $arg $op) \
		    >/dev/null 2>"$uo/err"
		if grep -q "is not an option of $cmd" "$uo/err"; then
			takes=no
		else
			takes=yes
		fi
		c=$(echo "$val" | sed -n "s/^'\(.\)'$/\1/p")
		case $name in
		title|organisation|period)
			grep -q '\[SHEET OPTIONS\]' "$uo/$cmd" &&
			    grep '^SHEET OPTIONS:' "$uo/usage" |
			    grep -Eq -- "\[--$name[] ]" ;;
		*)
			grep -Eq -- "(^|[[ ])--$name([] ]|$)" "$uo/$cmd" || {
			    [ -n "$c" ] && case $shorts in *"$c"*) true ;;
			    *) false ;; esac &&
			    grep -Eq -- "(^|[[ ])-$c([] ]|$)" "$uo/$cmd"; } ;;
		esac && shown=yes || shown=no
		if [ $takes = $shown ]; then ok
		else bad "usage: $cmd takes --$name: $takes; its usage shows it: $shown"
		fi
	done <"$uo/opts"
done

# A workbook that cannot be written (the file-size limit, as a full disk
# would do): our words, not libxlsxwriter's or libzip's ("Zip generic
# error ZIP_ERRNO"), exit 3, nothing left beside the destination.
wf=$OUT/errors/sheet-write-fail
rm -rf "$wf" && mkdir -p "$wf"
(trap '' XFSZ; ulimit -f 4; exec ./scorecard convert input/example.json \
    --to xlsx -o "$wf/out.xlsx") >/dev/null 2>"$wf.stderr"
rc=$?
compare "$wf.stderr" tests/errors/sheet-write-fail.stderr
if [ $regen = 0 ]; then
	[ $rc = 3 ] && ok || bad "error sheet-write-fail: exit $rc, expected 3"
	[ -z "$(ls -A "$wf")" ] && ok ||
	    bad "error sheet-write-fail: left behind: $(ls -A "$wf")"
fi

# Spreadsheets.  A case NAME has tests/sheets/NAME.expected.json, what
# `scorecard convert` makes of the input ($OUT/sheets/NAME.xlsx made by
# make.py, or tests/sheets/NAME.xlsx or NAME.csv, committed), with the
# options in NAME.args, and NAME.expected.stderr (its warnings).  The
# input and its JSON equivalent render the same report, byte for byte.
for exp in tests/sheets/*.expected.json; do
	case=$(basename "$exp" .expected.json)
	in=
	for f in "$OUT/sheets/$case.xlsx" "tests/sheets/$case.xlsx" \
	    "tests/sheets/$case.csv"; do
		[ -f "$f" ] && in=$f && break
	done
	if [ -z "$in" ]; then bad "sheets $case: no input"; continue; fi
	args=
	[ -f "tests/sheets/$case.args" ] && args=$(cat "tests/sheets/$case.args")
	# shellcheck disable=SC2086
	$V ./scorecard convert "$in" $args >"$OUT/sheets/$case.json" \
	    2>"$OUT/sheets/$case.stderr"
	compare "$OUT/sheets/$case.json" "$exp"
	compare "$OUT/sheets/$case.stderr" "tests/sheets/$case.expected.stderr"
	[ $regen = 1 ] && continue
	# shellcheck disable=SC2086
	if ./scorecard render "$in" $args -o "$OUT/sheets/$case.a" 2>/dev/null &&
	    ./scorecard render "$OUT/sheets/$case.json" -o "$OUT/sheets/$case.b" &&
	    diff -r "$OUT/sheets/$case.a" "$OUT/sheets/$case.b" >/dev/null
	then ok; else bad "sheets $case: renders differently from its JSON"; fi
done

# Round trips: every golden input to a workbook and back is the same
# JSON (convert --to xlsx, then convert).
if [ $regen = 0 ]; then
	for in in tests/golden/*/input.json input/example.json \
	    tests/sheets/digits.json; do
		rt=$OUT/sheets/rt-$(basename "$(dirname "$in")")
		if $V ./scorecard convert "$in" >"$rt.json" 2>/dev/null &&
		    $V ./scorecard convert "$in" --to xlsx -o "$rt.xlsx" 2>"$rt.err" &&
		    $V ./scorecard convert "$rt.xlsx" >"$rt.back.json" 2>>"$rt.err" &&
		    cmp -s "$rt.json" "$rt.back.json"
		then ok; else bad "round trip of $in through xlsx differs"
			diff -u "$rt.json" "$rt.back.json" | head -n 20; cat "$rt.err"; fi
	done
	# convert -o replaces only an earlier workbook: never the input, a
	# symbolic link, a pipe, a folder or a file that is not a zip; the
	# workbook is made readable by others (umask 022: 0644).
	cv=$OUT/sheets/dest
	mkdir -p "$cv/dir"
	cp input/example.json "$cv/board.json"
	printf 'keep me\n' >"$cv/notes.txt"
	ln -s notes.txt "$cv/link.xlsx"
	mkfifo "$cv/fifo.xlsx"
	for dst in board.json link.xlsx fifo.xlsx dir notes.txt; do
		if (umask 022; $V ./scorecard convert "$cv/board.json" --to xlsx \
		    -o "$cv/$dst" 2>"$cv/err"); then
			bad "convert -o $dst: replaced"
		elif ! grep -q "^scorecard: $cv/$dst: error: " "$cv/err"; then
			bad "convert -o $dst: no located message"; cat "$cv/err"
		elif ls "$cv" | grep -q '\.tmp-'; then
			bad "convert -o $dst: a temporary file was left"
		else ok; fi
	done
	if cmp -s "$cv/board.json" input/example.json &&
	    [ "$(cat "$cv/notes.txt")" = "keep me" ] && [ -L "$cv/link.xlsx" ] &&
	    [ -p "$cv/fifo.xlsx" ] && [ -d "$cv/dir" ]
	then ok; else bad "convert -o: a refused destination was changed"; fi
	if (umask 022; ./scorecard convert "$cv/board.json" --to xlsx \
	    -o "$cv/new.xlsx" 2>/dev/null) && (umask 022; ./scorecard convert \
	    "$cv/board.json" --to xlsx -o "$cv/new.xlsx" 2>/dev/null) &&
	    [ "$(stat -c %a "$cv/new.xlsx")" = 644 ]
	then ok; else bad "convert -o: an earlier workbook is not replaced, or not 0644"; fi
	# The bundled workbook stays in step with the bundled JSON: the same
	# JSON equivalent, the same report.
	if ./scorecard convert input/example.xlsx >"$OUT/sheets/ex-x.json" &&
	    ./scorecard convert input/example.json >"$OUT/sheets/ex-j.json" &&
	    cmp -s "$OUT/sheets/ex-x.json" "$OUT/sheets/ex-j.json" &&
	    ./scorecard render input/example.xlsx -o "$OUT/sheets/ex-x" &&
	    ./scorecard render input/example.json -o "$OUT/sheets/ex-j" &&
	    diff -r "$OUT/sheets/ex-x" "$OUT/sheets/ex-j" >/dev/null
	then ok; else bad "input/example.xlsx is out of step with input/example.json (make example-xlsx)"; fi
	# An archive keeps the workbook byte for byte and its JSON beside it,
	# listed in the manifest; the JSON renders again on its own.
	ar=$OUT/sheets/archive
	if ./scorecard archive "$OUT/sheets/openpyxl.xlsx" --into "$ar" 2>/dev/null &&
	    cmp -s "$ar/2022-01/input.xlsx" "$OUT/sheets/openpyxl.xlsx" &&
	    cmp -s "$ar/2022-01/input.json" tests/sheets/openpyxl.expected.json &&
	    grep -q '  input.xlsx$' "$ar/2022-01/MANIFEST.sha256" &&
	    (cd "$ar/2022-01" && sha256sum -c --quiet MANIFEST.sha256) &&
	    ./scorecard render "$ar/2022-01/input.json" -o "$OUT/sheets/again" &&
	    diff "$OUT/sheets/again/report.html" "$ar/2022-01/report.html" >/dev/null
	then ok; else bad "archive of a workbook: input.xlsx, input.json or the manifest"; fi
	# Several inputs of every kind in one batch, named by file.
	if ./scorecard render "$OUT/sheets/raw.xlsx" tests/sheets/csv.csv \
	    input/example.json -o "$OUT/sheets/batch" --title Batch \
	    --organisation Org 2>/dev/null; then
		bad "batch: --title taken with a JSON input"
	elif ./scorecard render "$OUT/sheets/raw.xlsx" tests/sheets/csv.csv \
	    -o "$OUT/sheets/batch" --title Batch --organisation Org \
	    2>"$OUT/sheets/batch.err" &&
	    grep -q '<title>Batch' "$OUT/sheets/batch/raw/report.html" &&
	    grep -q '<title>Batch' "$OUT/sheets/batch/csv/report.html"
	then ok; else bad "batch render of a workbook and a CSV file"; cat "$OUT/sheets/batch.err"; fi
fi

# The template cases (tests/tmpl/<case>/expected.html or expected.stderr)
# are compared by test_tmpl among the unit tests; it rewrites them too.
if [ $regen = 1 ]; then
	$V ./tests/unit/test_tmpl --regen >"$OUT/tmpl.out" 2>&1
	rc=$?
	sed -En 's#^(same|created|replaced) +#\1 tests/tmpl/#p' "$OUT/tmpl.out"
	if [ $rc != 0 ]; then
		echo "FAIL: tests/unit/test_tmpl --regen exited $rc:"
		grep -Ev '^(same|created|replaced) ' "$OUT/tmpl.out"
		exit 1
	fi
fi
# A regeneration that met a failure (a checker that failed, whose golden
# was left as it was) says so with its status.
if [ $regen = 1 ]; then
	[ $fail = 0 ] || echo "regen: $fail failed; their golden files were left as they were"
	[ $fail = 0 ]; exit
fi

# A refusal takes no longer than the limit, whatever the expansion asked
# for: sections nested 20 deep (4^20 copies) are refused, not expanded.
# A CPU-time limit (not a wall clock, which a loaded machine stretches)
# kills a run that expands instead: 5 s of CPU, against 0.05 s measured
# for the refusal and 23 s before the bound.
(ulimit -t 5; exec ./scorecard render tests/errors/template-each-nested.json \
    -o "$OUT/nested" --template tests/errors/template-each-nested.xhtml) \
    2>/dev/null
rc=$?
if [ $rc = 1 ]; then ok
else bad "nested data-sc-each: exit $rc (expected 1; 152 is the CPU limit: it expanded)"; fi

# File-system states: a render replaces an earlier render whole; a failed
# render leaves it byte for byte; nothing is left beside it.
st=$OUT/states
mkdir -p "$st"
if ./scorecard render tests/golden/minimal/input.json -o "$st/out" 2>/dev/null &&
    ./scorecard render input/example.json -o "$st/out" 2>/dev/null &&
    [ -f "$st/out/charts/cla-count.png" ]; then ok
else bad "states: a second render did not replace the first"; fi
cp -R "$st/out" "$st/before"
if ./scorecard render tests/errors/several-errors.json -o "$st/out" 2>/dev/null; then
	bad "states: a bad input rendered"
elif diff -r "$st/before" "$st/out" >/dev/null; then ok
else bad "states: a failed render changed the earlier output"; fi
if ./scorecard render input/example.json -o "$st/out" \
    --template tests/errors/template-unset.xhtml 2>/dev/null; then
	bad "states: a bad template rendered"
elif diff -r "$st/before" "$st/out" >/dev/null; then ok
else bad "states: a failed template changed the earlier output"; fi
if [ "$(ls -a "$st" | grep -c tmp)" = 0 ]; then ok
else bad "states: temporary folders left behind: $(ls -a "$st")"; fi
# Trailing slash, missing parents, and an empty folder are fine.
mkdir -p "$st/empty"
if ./scorecard render tests/golden/minimal/input.json -o "$st/empty/" 2>/dev/null &&
    ./scorecard render tests/golden/minimal/input.json -o "$st/a/b/c" 2>/dev/null &&
    [ -f "$st/empty/report.html" ] && [ -f "$st/a/b/c/summary.json" ]; then ok
else bad "states: empty folder, trailing slash or missing parents refused"; fi
# An unwritable parent: exit 3, a message, nothing made.
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$st/ro" && chmod 555 "$st/ro"
	./scorecard render tests/golden/minimal/input.json -o "$st/ro/out" 2>"$st/ro.err"
	rc=$?
	[ $rc = 3 ] && grep -q "cannot create" "$st/ro.err" && ok ||
	    bad "states: unwritable folder gave exit $rc"
	chmod 755 "$st/ro"
fi
# An unwritable disk (a full tmpfs needs root: see the fault tests).
# A temporary folder left by a killed run is removed by the next run,
# with a warning; one a live run holds (locked) is left alone.
if command -v flock >/dev/null 2>&1; then
	sw=$st/sweep
	mkdir -p "$sw/out.tmp-Ab12Cd/charts" "$sw/out.tmp-Live00" "$sw/out.tmp-toolong1"
	: >"$sw/out.tmp-Ab12Cd/charts/a.png"
	flock "$sw/out.tmp-Live00" sleep 30 &
	lockpid=$!
	sleep 0.2
	./scorecard render tests/golden/minimal/input.json -o "$sw/out" 2>"$sw.err"
	rc=$?
	if [ $rc = 0 ] && [ ! -e "$sw/out.tmp-Ab12Cd" ] &&
	    [ -d "$sw/out.tmp-Live00" ] && [ -d "$sw/out.tmp-toolong1" ] &&
	    [ "$(cat "$sw.err")" = "scorecard: $sw/out.tmp-Ab12Cd: warning: removed: left by an interrupted run" ]; then ok
	else bad "states: stale temporary folders (exit $rc)"; cat "$sw.err"; ls -a "$sw"; fi
	kill $lockpid 2>/dev/null
	wait $lockpid 2>/dev/null
fi

# --no-pdf leaves out every PDF: report.pdf and charts/<id>.pdf.
np=$OUT/nopdf
if ./scorecard render tests/golden/minimal/input.json -o "$np" --no-pdf 2>/dev/null &&
    [ -f "$np/report.html" ] && [ -z "$(find "$np" -name '*.pdf')" ] &&
    ./scorecard render tests/golden/minimal/input.json -o "$np.with" 2>/dev/null &&
    [ -f "$np.with/report.pdf" ] && head -c 5 "$np.with/report.pdf" | grep -q '%PDF-'; then ok
else bad "--no-pdf: a PDF was written, or report.pdf was missing without it"; fi

# report.pdf has at most 2,000 pages (scorecard(1), Limits): a report
# past it (eight indicators of 19,000 one-word paragraphs of commentary,
# about 2,500 pages) is refused in a few seconds of CPU, before a page is
# drawn, naming the limit and --no-pdf, exit 3, nothing written; with
# --no-pdf it renders.
lp=$OUT/pdfpages
python3 - "$lp.json" <<'EOF'
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
# (A CPU limit of 10 s, 120 s under valgrind: 17 s measured there.)
cpu=10
[ -n "$V" ] && cpu=120
(ulimit -t $cpu; exec $V ./scorecard render "$lp.json" -o "$lp") 2>"$lp.err"
rc=$?
if [ $rc = 3 ] && [ ! -e "$lp" ] && [ "$(cat "$lp.err")" = "scorecard: report.pdf: error: would have more than 2000 pages (the limit); render with --no-pdf to leave the PDFs out" ] &&
    ./scorecard render "$lp.json" -o "$lp.nopdf" --no-pdf 2>/dev/null &&
    [ -f "$lp.nopdf/report.html" ]; then ok
else bad "report.pdf past 2,000 pages: exit $rc, or not refused as it should be"; cat "$lp.err"; fi

# The same refusal within 1 GiB of address space (red team 2, F07): 1,000
# indicators with 4,000 bytes of commentary and a 500-byte note on each
# of 12 months (2,065 pages, past the limit only when laid out whole)
# took 1.5 GB, then "out of memory", before simple texts kept 12 bytes
# a character until drawn (480 MB now).  Not under valgrind or ASan,
# whose address space a limit cannot fit.
if [ -z "$V" ] && [ -z "${ASAN_OPTIONS:-}" ]; then
	lm=$OUT/pdfpagesmem
	python3 - "$lm.json" <<'EOF'
import json, sys
inds = [{"id": "i%d" % k, "title": "Indicator %d" % k,
         "section": "S%d" % (k // 10), "unit": "count",
         "series": [{"period": "2021-%02d" % m, "value": 500 + m,
                     "note": "note " * 100} for m in range(1, 13)],
         "commentary": "word " * 800} for k in range(1000)]
json.dump({"report": {"title": "S", "organisation": "C",
                      "period": "2021-12"}, "indicators": inds},
          open(sys.argv[1], "w"))
EOF
	(ulimit -v 1048576; ulimit -t 30; exec ./scorecard render "$lm.json" \
	    -o "$lm") 2>"$lm.err"
	rc=$?
	if [ $rc = 3 ] && [ ! -e "$lm" ] && [ "$(cat "$lm.err")" = "scorecard: report.pdf: error: would have more than 2000 pages (the limit); render with --no-pdf to leave the PDFs out" ]; then ok
	else bad "report.pdf past 2,000 pages in 1 GiB: exit $rc"; cat "$lm.err"; fi
fi

# The email failing while report.pdf is typeset on its worker thread:
# scorecard beside a templates/ folder (which it then reads) whose email
# template is wrong.  The template's error once, exit 1, nothing
# written; valgrind and ASan check that the worker's document and the
# charts are freed.
ed=$OUT/emaildata
mkdir -p "$ed/templates" "$ed/assets"
cp templates/report.xhtml templates/archive.xhtml "$ed/templates/"
cp assets/* "$ed/assets/"
cp scorecard "$ed/scorecard"
printf '%s\n' '<html xmlns="http://www.w3.org/1999/xhtml"><body><p data-sc-text="no_such_name">x</p></body></html>' \
    >"$ed/templates/email.xhtml"
$V "$ed/scorecard" render input/example.json -o "$OUT/emailfail" 2>"$ed.err"
rc=$?
if [ $rc = 1 ] && [ ! -e "$OUT/emailfail" ] && [ "$(cat "$ed.err")" = "scorecard: $PWD/$ed/templates/email.xhtml:1:50: error: data-sc-text: \"no_such_name\" is not set" ]; then ok
else bad "the email failing while report.pdf is drawn: exit $rc, or its message"; cat "$ed.err"; fi

# tests/copytree.sh, the tree that make SANITIZE=1 check, make tsan and
# tests/sweep.sh build in: every tracked file, and no build product.  In
# a tree that is not a git checkout (such as that copy), every source,
# script, template and page stands in for the tracked files.
ct=$OUT/copytree
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$PWD" ]; then
	git ls-files >"$ct.tracked"
else
	find . \( -path ./tests/build -o -path ./tests/out -o -path ./output \
	    -o -name node_modules -o -path ./.git -o -path ./render/config.h \) \
	    -prune -o -type f \
	    \( -name '*.[ch15]' -o -name '*.sh' -o -name '*.py' -o \
	    -name '*.xhtml' -o -name '*.css' -o -name '*.json' -o \
	    -name Makefile \) -print | sed 's|^\./||' >"$ct.tracked"
fi
if sh tests/copytree.sh "$ct" && [ -s "$ct.tracked" ]; then
	missing=$(while read -r f; do
		[ -e "$f" ] && [ ! -e "$ct/$f" ] && echo "$f"
	done <"$ct.tracked" | grep -v '^tests/bench/data/' | head -n 5)
	extra=$(cd "$ct" && find . -name '*.o' -o -name '*.a' -o -name '*.d' \
	    -o -path ./scorecard -o -path ./render/config.h \
	    -o -path ./tests/out -o -path ./tests/build -o -name node_modules |
	    head -n 5)
	if [ -z "$missing" ] && [ -z "$extra" ] && [ -f "$ct/Makefile" ]; then ok
	else bad "tests/copytree.sh: missing $missing; build products $extra"; fi
else
	bad "tests/copytree.sh failed, or no file list to check it by"
fi
rm -rf "$ct"

# The template fuzzer's seeds tests/fuzz/corpus/tmpl/templates-NAME.xhtml
# are copies of templates/NAME.xhtml: one that has fallen behind fuzzes
# a template no one ships (and misses what the shipped one does).
for t in templates/*.xhtml; do
	s=tests/fuzz/corpus/tmpl/templates-$(basename "$t")
	if cmp -s "$t" "$s"; then ok
	else bad "$s is not a copy of $t: cp $t $s"; fi
done

# report.pdf has at most 200,000 tagged elements (scorecard(1), Limits):
# one figures table of 68,000 daily points (204,000 rows and cells, some
# 400 pages; Cairo and qpdf held about 3 KB each: 750 MB) is refused
# before a cell is measured, exit 3, nothing written.
tg=$OUT/pdftags
python3 - "$tg.json" <<'EOF'
import datetime, json, sys
d0 = datetime.date(1905, 1, 1)
pts = [{"period": (d0 + datetime.timedelta(days=i)).isoformat(),
        "value": i % 997} for i in range(68000)]
json.dump({"report": {"title": "S", "organisation": "C",
                      "period": "2021-12"},
           "indicators": [{"id": "a", "title": "A", "unit": "count",
                           "series": pts}]}, open(sys.argv[1], "w"))
EOF
(ulimit -t $cpu; exec $V ./scorecard render "$tg.json" -o "$tg") 2>"$tg.err"
rc=$?
if [ $rc = 3 ] && [ ! -e "$tg" ] && [ "$(cat "$tg.err")" = "scorecard: report.pdf: error: would have more than 200000 tagged elements (table cells, paragraphs, list items; the limit); render with --no-pdf to leave the PDFs out" ]; then ok
else bad "report.pdf past 200,000 tagged elements: exit $rc"; cat "$tg.err"; fi

# Under a memory limit (scorecard(1), LIMITS) a render either finishes or
# is refused with a message naming the limit, exit 3, nothing written;
# never a signal.  qpdf threw std::bad_alloc inside its own error handler
# (SIGABRT) at 700 MB for 66,000 daily points, libxml2 crashed or
# reported a wrong template error at 300 to 500 MB, and GLib aborted
# when it could not start a thread at 80 MB.  First 66,000 points in
# 450 MB: refused before report.html is filled (the estimate's refusal:
# some 330 MB needed where about 250 MB are left, on any machine whose
# libraries are within 70 MB of Debian 12's).  Then 10,000 points under
# limits that pass that check but not qpdf's (on this machine), and one
# that passes both.  Not under valgrind or ASan, whose address space a
# limit cannot fit.
if [ -z "$V" ] && [ -z "${ASAN_OPTIONS:-}" ]; then
	ml=$OUT/memlimit
	python3 - "$ml" <<'EOF2'
import datetime, json, sys
d0 = datetime.date(1905, 1, 1)
for n in (66000, 10000):
    pts = [{"period": (d0 + datetime.timedelta(days=i)).isoformat(),
            "value": i % 997} for i in range(n)]
    json.dump({"report": {"title": "S", "organisation": "C",
                          "period": "2021-12"},
               "indicators": [{"id": "a", "title": "A", "unit": "count",
                               "series": pts}]},
              open("%s-%d.json" % (sys.argv[1], n), "w"))
EOF2
	(ulimit -v 460800; ulimit -t 30; exec ./scorecard render \
	    "$ml-66000.json" -o "$ml.big") 2>"$ml.big.err"
	rc=$?
	if [ $rc = 3 ] && [ ! -e "$ml.big" ] && grep -qx "scorecard: $ml-66000.json: error: this render, before report.pdf is drawn, needs about [0-9]* MB more memory, but the memory limit (ulimit -v: 450 MB) leaves [0-9]* MB; render it with --no-pdf (about [0-9]* MB more), split it into smaller reports, or raise the limit" "$ml.big.err" &&
	    [ "$(wc -l <"$ml.big.err")" = 1 ]; then ok
	else bad "66,000 points in 450 MB: exit $rc, or not refused as it should be"; cat "$ml.big.err"; fi
	for lim in 204800 245760 307200; do
		(ulimit -v $lim; ulimit -t 30; exec ./scorecard render \
		    "$ml-10000.json" -o "$ml.$lim") 2>"$ml.$lim.err"
		rc=$?
		if [ $rc = 0 ] && [ -s "$ml.$lim/report.pdf" ] &&
		    [ -s "$ml.$lim/report.html" ] && [ ! -s "$ml.$lim.err" ]; then ok
		elif [ $rc = 3 ] && [ ! -e "$ml.$lim" ] &&
		    [ "$(wc -l <"$ml.$lim.err")" = 1 ] &&
		    grep -q "needs about [0-9]* MB more memory, but the memory limit (ulimit -v: [0-9]* MB) leaves [0-9]* MB; .*raise the limit$" "$ml.$lim.err"; then ok
		else bad "10,000 points in $lim KiB of address space: exit $rc (neither rendered nor refused cleanly)"; cat "$ml.$lim.err"; fi
	done
fi

# --mail-attach-pdf: report.eml carries report.pdf, byte for byte.
ma=$OUT/mailpdf
if ./scorecard render tests/golden/minimal/input.json -o "$ma" --mail-attach-pdf 2>/dev/null &&
    python3 tests/mailcheck.py "$ma/report.eml" >"$OUT/mail.out" 2>&1 &&
    python3 -c 'import email,email.policy,sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
sys.exit(m.get_payload()[1].get_content() != open(sys.argv[2], "rb").read())' \
    "$ma/report.eml" "$ma/report.pdf"; then ok
else bad "--mail-attach-pdf: report.eml without report.pdf"; cat "$OUT/mail.out"; fi

# report.eml's size (--mail-limit, --mail-no-charts, --mail-link): a
# message above the limit is written with one warning that gives its
# size and its charts' (checked against the file), what makes it big and
# what to do; under the limit, nothing is said.  tests/mailsize.py reads
# the message and the warning.
mz=$OUT/mailsize
mkdir -p "$mz"
./scorecard render input/example.json -o "$mz/limit1" --no-pdf \
    --mail-limit 1 2>"$mz/limit1.err"
rc=$?
if [ $rc = 0 ] && python3 tests/mailsize.py "$mz/limit1/report.eml" \
    "$mz/limit1.err" charts 'above the limit of 1 MB \(--mail-limit\): render it with --mail-no-charts \(and --mail-link URL, the address report.html will have, to link to each chart\), or give your server.s limit with --mail-limit MB' \
    >"$mz/out" 2>&1; then ok
else bad "--mail-limit 1: exit $rc, or its warning"; cat "$mz/out" "$mz/limit1.err"; fi
if ./scorecard render input/example.json -o "$mz/limit2" --no-pdf \
    --mail-limit 2 2>"$mz/limit2.err" && [ -s "$mz/limit2/report.eml" ] &&
    [ ! -s "$mz/limit2.err" ]; then ok
else bad "--mail-limit 2: a 1.3 MB report.eml warned of"; cat "$mz/limit2.err"; fi
# report.pdf attached: named, and the option that leaves it out.
./scorecard render input/example.json -o "$mz/pdf" --mail-attach-pdf \
    --mail-limit 1 2>"$mz/pdf.err"
rc=$?
if [ $rc = 0 ] && python3 tests/mailsize.py "$mz/pdf/report.eml" \
    "$mz/pdf.err" charts+pdf 'above the limit of 1 MB \(--mail-limit\): render it without --mail-attach-pdf and with --mail-no-charts \(and --mail-link URL, the address report.html will have, to link to each chart\), or give your server.s limit with --mail-limit MB' \
    >"$mz/out" 2>&1; then ok
else bad "--mail-attach-pdf --mail-limit 1: exit $rc, or its warning"; cat "$mz/out" "$mz/pdf.err"; fi
# Several inputs at once: each warning names its own report's folder.
cp input/example.json "$mz/other.json"
./scorecard render input/example.json "$mz/other.json" -o "$mz/batch" \
    --no-pdf --mail-limit 1 2>"$mz/batch.err"
rc=$?
if [ $rc = 0 ] && [ "$(wc -l <"$mz/batch.err")" -eq 2 ] &&
    grep -q "^scorecard: $mz/batch/example/report.eml: warning: the message is 1\.[0-9] MB" "$mz/batch.err" &&
    grep -q "^scorecard: $mz/batch/other/report.eml: warning: the message is 1\.[0-9] MB" "$mz/batch.err"
then ok
else bad "a batch's report.eml warnings: exit $rc, or not named by folder"; ls "$mz/batch"; cat "$mz/batch.err"; fi
# The default limit, 10 MB: 200 indicators' charts make some 13 MB.
if /usr/bin/python3 tests/bench/gen.py --out "$mz/gen" --n 200 \
    --authorities 1 >/dev/null 2>&1; then
	./scorecard render "$mz/gen/lac-200.json" -o "$mz/big" --no-pdf \
	    2>"$mz/big.err"
	rc=$?
	if [ $rc = 0 ] && python3 tests/mailsize.py "$mz/big/report.eml" \
	    "$mz/big.err" charts "above 10 MB, the limit of many mail servers \(Exchange Server.s default; Gmail.s is 25 MB, Exchange Online.s 35 MB\): render it with --mail-no-charts .*" \
	    >"$mz/out" 2>&1; then ok
	else bad "200 indicators: exit $rc, or no warning of a 13 MB report.eml"
		cat "$mz/out" "$mz/big.err"; fi
	# The same without the images, linked: a few hundred KB, no warning.
	url=https://www.example.gov.uk/board/2022-12/report.html
	if ./scorecard render "$mz/gen/lac-200.json" -o "$mz/small" \
	    --no-pdf --mail-no-charts --mail-link "$url" 2>"$mz/small.err" &&
	    [ ! -s "$mz/small.err" ] &&
	    [ "$(wc -c <"$mz/small/report.eml")" -lt 1000000 ]; then ok
	else bad "200 indicators, --mail-no-charts: a warning or over 1 MB"
		cat "$mz/small.err"; ls -l "$mz/small/report.eml"; fi
else
	bad "tests/bench/gen.py --n 200 failed"
fi
# Without the images: no PNG part, and in each chart's place a link to
# the indicator in the report at --mail-link's address (or, without it,
# words); the text ends with the address.
ls "$mz/limit2/charts/"*.png | sed -n 's|.*/\([^/]*\)\.png$|\1|p' |
    grep -v -- '-breakdown$' >"$mz/ids"
url=https://www.example.gov.uk/board/2022-01/report.html
for how in link nolink; do
	set -- --mail-no-charts
	u=
	[ $how = link ] && u=$url && set -- "$@" --mail-link "$url"
	if ./scorecard render input/example.json -o "$mz/$how" --no-pdf "$@" \
	    2>"$mz/$how.err" && [ ! -s "$mz/$how.err" ] &&
	    python3 tests/mailcheck.py "$mz/$how/report.eml" >"$mz/out" 2>&1 &&
	    python3 tests/mailsize.py "$mz/$how/report.eml" - nocharts \
	    "$mz/ids" $u >>"$mz/out" 2>&1; then ok
	else bad "--mail-no-charts ($how): the message"; cat "$mz/out" "$mz/$how.err"; fi
done

# Only regular files are read: a named pipe as the template or as an
# inlined stylesheet is refused at once, never waited on; the input may
# be a pipe, named or "-" (standard input).
ff=$OUT/fifo
mkdir -p "$ff"
mkfifo "$ff/p" "$ff/in"
printf '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title><link rel="stylesheet" href="p" data-sc-inline="" /></head><body></body></html>\n' >"$ff/t.xhtml"
timeout 10 ./scorecard render tests/golden/minimal/input.json -o "$ff/o1" \
    --template "$ff/t.xhtml" 2>"$ff.err"
rc=$?
if [ $rc = 1 ] && [ "$(cat "$ff.err")" = "scorecard: $ff/t.xhtml:1:66: error: data-sc-inline: \"p\": is a pipe; only a regular file can be read here" ]; then ok
else bad "fifo: an inlined named pipe (exit $rc)"; cat "$ff.err"; fi
timeout 10 ./scorecard render tests/golden/minimal/input.json -o "$ff/o2" \
    --template "$ff/p" 2>"$ff.err"
rc=$?
if [ $rc = 1 ] && [ "$(cat "$ff.err")" = "scorecard: $ff/p: error: cannot read template: is a pipe; only a regular file can be read here" ]; then ok
else bad "fifo: a named pipe as the template (exit $rc)"; cat "$ff.err"; fi
(sleep 0.3; cat tests/golden/minimal/input.json >"$ff/in") &
if timeout 10 ./scorecard render "$ff/in" -o "$ff/o3" 2>"$ff.err" &&
    [ -f "$ff/o3/report.html" ]; then ok
else bad "fifo: a named pipe as the input"; cat "$ff.err"; fi
wait
if timeout 10 ./scorecard render - -o "$ff/o4" <tests/golden/minimal/input.json 2>"$ff.err" &&
    cmp -s "$ff/o3/summary.json" "$ff/o4/summary.json"; then ok
else bad "fifo: standard input as the input"; cat "$ff.err"; fi
[ ! -e "$ff/o1" ] && [ ! -e "$ff/o2" ] && ok || bad "fifo: a refused render wrote"

# Several inputs in one run: a folder each, all or nothing: one bad
# input and nothing is written, nor an earlier render replaced.
bt=$OUT/batch
./scorecard render input/example.json tests/golden/minimal/input.json \
    tests/errors/several-errors.json -o "$bt" -j 2 2>"$OUT/batch.err"
rc=$?
if [ $rc = 1 ] && [ ! -e "$bt" ] &&
    grep -q "several-errors.json:19:41: error" "$OUT/batch.err" &&
    [ "$(tail -n 1 "$OUT/batch.err")" = "scorecard: rendered none of 3 inputs; failed: tests/errors/several-errors.json; passed the check, not written: input/example.json, tests/golden/minimal/input.json" ] &&
    [ "$(grep -c rendered "$OUT/batch.err")" = 1 ]; then ok
else bad "batch: exit $rc, or folders or messages wrong"; cat "$OUT/batch.err"; fi
if ./scorecard render input/example.json tests/golden/minimal/input.json \
    -o "$bt" -j 2 2>"$OUT/batch.err" && [ -f "$bt/example/report.html" ] &&
    [ -f "$bt/input/report.html" ] && [ ! -s "$OUT/batch.err" ]; then ok
else bad "batch: two good inputs"; cat "$OUT/batch.err"; fi
cp -R "$bt" "$bt.before"
./scorecard render tests/golden/rag/input.json tests/golden/minimal/input.json \
    tests/errors/template-url-data.json -o "$bt" -j 2 \
    --template tests/errors/template-url-data.xhtml 2>"$OUT/batch.err"
rc=$?
if [ $rc = 1 ] && diff -r "$bt.before" "$bt" >/dev/null && [ ! -e "$bt/rag" ] &&
    [ "$(grep -c error "$OUT/batch.err")" = 1 ]; then ok
else bad "batch: a template error in one input changed the others (exit $rc)"; cat "$OUT/batch.err"; fi
# Warnings are shown once, though every input is read twice.
sed 's/"cla-count"/"cla-count", "colour": "red"/' tests/golden/minimal/input.json >"$OUT/warn.json"
./scorecard render "$OUT/warn.json" input/example.json -o "$bt.w3" 2>"$OUT/batch.err"
rc=$?
if [ $rc = 0 ] && [ "$(grep -c 'warning: .*colour: unknown field' "$OUT/batch.err")" = 1 ]; then ok
else bad "batch: a warning not shown exactly once (exit $rc)"; cat "$OUT/batch.err"; fi
if ./scorecard render input/example.json tests/golden/minimal/input.json \
    tests/golden/rag/input.json -o "$bt.dup" 2>"$OUT/batch.err"; then
	bad "batch: two inputs named input.json were both accepted"
elif grep -q "would render into" "$OUT/batch.err" && [ ! -e "$bt.dup" ]; then ok
else bad "batch: duplicate names"; cat "$OUT/batch.err"; fi

# A batch renders each input once, into a staging folder inside the
# output folder, and leaves none behind; one left by a killed batch goes.
bs=$OUT/batch.stage
rm -rf "$bs"
mkdir -p "$bs/.tmp-Kk1Ll2/input"
if ./scorecard render tests/golden/rag/input.json input/example.json \
    -o "$bs" -j 2 --no-pdf 2>"$bs.err" &&
    [ "$(cat "$bs.err")" = "scorecard: $bs/.tmp-Kk1Ll2: warning: removed: left by an interrupted run" ] &&
    [ -f "$bs/input/report.html" ] && [ -f "$bs/example/report.html" ] &&
    [ "$(ls -A "$bs" | tr '\n' ' ')" = "example input " ]; then ok
else bad "batch: the staging folder"; ls -A "$bs"; cat "$bs.err"; fi

# A snapshot's temporary folder left by a killed archive run goes.
as=$OUT/archive.sweep
mkdir -p "$as/.2022-01.tmp-Zz9Yy8"
: >"$as/.2022-01.tmp-Zz9Yy8/input.json"
if ./scorecard archive input/example.json --into "$as" 2>"$as.err" &&
    [ ! -e "$as/.2022-01.tmp-Zz9Yy8" ] && [ -f "$as/2022-01/report.html" ] &&
    grep -q "^scorecard: $as/.2022-01.tmp-Zz9Yy8: warning: removed: left by an interrupted run$" "$as.err"; then ok
else bad "archive: a stale temporary folder was not removed"; cat "$as.err"; fi

# The monthly archive: snapshots never overwritten, reproducible, checked.
ar=$OUT/archive
if ./scorecard archive input/example.json --into "$ar" 2>/dev/null &&
    [ -f "$ar/index.html" ] && [ -f "$ar/2022-01/report.html" ] &&
    cmp -s input/example.json "$ar/2022-01/input.json" &&
    (cd "$ar/2022-01" && sha256sum -c --quiet MANIFEST.sha256); then ok
else bad "archive: first snapshot"; fi
cp -R "$ar" "$OUT/archive.before"
./scorecard archive input/example.json --into "$ar" 2>"$OUT/archive.err"
rc=$?
if [ $rc = 3 ] && grep -q "never overwritten" "$OUT/archive.err" &&
    diff -r "$OUT/archive.before" "$ar" >/dev/null; then ok
else bad "archive: a second snapshot of a period was not refused cleanly (exit $rc)"; fi
if ./scorecard archive tests/errors/several-errors.json --into "$ar" 2>/dev/null; then
	bad "archive: a bad input was archived"
elif diff -r "$OUT/archive.before" "$ar" >/dev/null; then ok
else bad "archive: a failed run changed the archive"; fi
./scorecard archive input/example.json --into "$OUT/archive2" 2>/dev/null
if diff -r "$ar/2022-01" "$OUT/archive2/2022-01" >/dev/null &&
    cmp -s "$ar/index.html" "$OUT/archive2/index.html"; then ok
else bad "archive: the same input did not give the same bytes"; fi
if ./scorecard archive input/example.json --into "$ar" --replace 2>/dev/null &&
    diff -r "$OUT/archive.before/2022-01" "$ar/2022-01.replaced-1" >/dev/null &&
    [ "$(grep -c 'replaced by a later version' "$ar/index.html")" = 1 ]; then ok
else bad "archive: --replace did not keep the old snapshot"; fi
if ./scorecard archive tests/golden/rag/input.json --into "$ar" --replace 2>/dev/null &&
    ./scorecard archive tests/golden/minimal/input.json --into "$ar" --replace 2>/dev/null &&
    [ "$(ls -a "$ar" | grep -c tmp)" = 0 ]; then ok
else bad "archive: more snapshots"; fi

# archive --replace killed after its swap: the old snapshot sits under
# the temporary name with the .retired mark.  The next run keeps it as
# <period>.replaced-N and lists it, whatever it then does itself.
ak=$OUT/archive.killed
./scorecard archive input/example.json --into "$ak" 2>/dev/null
cp -R "$ak/2022-01" "$ak/.2022-01.tmp-Kk7Jj6"
: >"$ak/.2022-01.tmp-Kk7Jj6/.retired"
mkdir "$ak/.2022-01.tmp-Aa1Bb2"	# killed while writing: no mark
: >"$ak/.index.html.Qq5Rr4"		# killed while writing the index
./scorecard archive input/example.json --into "$ak" 2>"$ak.err"
rc=$?
if [ $rc = 3 ] && grep -q "never overwritten" "$ak.err" &&
    grep -q "^scorecard: $ak/2022-01.replaced-1: warning: kept: an interrupted --replace had set it aside as $ak/.2022-01.tmp-Kk7Jj6$" "$ak.err" &&
    diff -r "$ak/2022-01" "$ak/2022-01.replaced-1" >/dev/null &&
    [ ! -e "$ak/2022-01.replaced-1/.retired" ] &&
    [ "$(ls -a "$ak" | grep -c '^\.[^.]')" = 0 ] &&
    grep -q '2022-01.replaced-1/report.html' "$ak/index.html"; then ok
else bad "archive: a snapshot set aside by a killed --replace was not kept (exit $rc)"; cat "$ak.err"; fi
# Killed after the mark, before the swap: the mark goes, nothing else.
: >"$ak/2022-01/.retired"
cp -R "$ak" "$ak.before"
rm "$ak.before/2022-01/.retired"
./scorecard archive input/example.json --into "$ak" 2>/dev/null
if diff -r "$ak.before" "$ak" >/dev/null; then ok
else bad "archive: a mark left in the current snapshot was not taken away"; fi
# No name left for the old one (999 kept): --replace refuses before it
# swaps anything; and a marked folder it cannot keep is never swept.
af=$OUT/archive.full
./scorecard archive input/example.json --into "$af" 2>/dev/null
i=1
while [ $i -le 999 ]; do mkdir "$af/2022-01.replaced-$i"; i=$((i + 1)); done
cp -R "$af" "$af.before"
./scorecard archive tests/golden/rag/input.json --into "$af" --replace 2>"$af.err"
rc=$?
if [ $rc = 3 ] && grep -q "999 earlier snapshots are kept beside it" "$af.err" &&
    diff -r "$af.before" "$af" >/dev/null; then ok
else bad "archive: --replace with no name left changed the archive (exit $rc)"; cat "$af.err"; fi
cp -R "$af/2022-01" "$af/.2022-01.tmp-Mm3Nn4"
: >"$af/.2022-01.tmp-Mm3Nn4/.retired"
./scorecard archive input/example.json --into "$af" 2>"$af.err"
if [ -f "$af/.2022-01.tmp-Mm3Nn4/.retired" ] &&
    diff -r "$af/2022-01" "$af/.2022-01.tmp-Mm3Nn4" -x .retired >/dev/null &&
    grep -q "999 earlier snapshots" "$af.err" && ! grep -q "removed" "$af.err"; then ok
else bad "archive: a marked snapshot that could not be kept was swept"; cat "$af.err"; fi
rm -rf "$af" "$af.before"

# One run at a time: a second one is refused while the first holds the
# archive (flock(1), from util-linux, holds it here).
if command -v flock >/dev/null; then
	flock "$ak" sh -c "./scorecard archive tests/golden/rag/input.json --into '$ak' 2>'$ak.err'"
	rc=$?
	if [ $rc = 3 ] && grep -q "^scorecard: $ak: error: another scorecard run is archiving into it; try again when it has finished$" "$ak.err"; then ok
	else bad "archive: a second run at once was not refused (exit $rc)"; cat "$ak.err"; fi
fi

# The last report from an archive: the snapshot before this period, as
# its summary.json published it (a later one and a replaced one are
# not it; one that cannot be read is left out with a warning).
hi=$OUT/history
mkdir -p "$hi/2021-11" "$hi/2021-12" "$hi/2021-12.replaced-1" "$hi/2022-02" "$hi/2021-10"
printf '{"report":{"period":"2021-11"},"indicators":[]}\n' >"$hi/2021-11/summary.json"
printf '{"report":{"period":"2021-12"},"indicators":[{"id":"cla-count","status":"green"},{"id":"gone","status":"red"}]}\n' >"$hi/2021-12/summary.json"
printf '{"report":{"period":"2021-12"},"indicators":[]}\n' >"$hi/2021-12.replaced-1/summary.json"
printf '{"report":{"period":"2022-02"},"indicators":[]}\n' >"$hi/2022-02/summary.json"
printf '{"report":{"period":"2021-10"},"indicators":[{"id":"x","status":"blue"}]}\n' >"$hi/2021-10/summary.json"
if ./scorecard render input/example.json -o "$hi.out" --archive "$hi" 2>"$hi.err" &&
    python3 - "$hi.out/summary.json" <<'PY' &&
import json, sys
s = json.load(open(sys.argv[1]))
p = s["counts_previous"]
assert p == {"period": "2021-12", "red": 1, "amber": 0, "green": 1, "none": 0}, p
st = {i["id"]: i["previous_status"] for i in s["indicators"]}
assert st["cla-count"] == "green" and st["cla-rate"] is None, st
PY
    grep -q "Children looked after has moved from green to red" "$hi.out/report.html" &&
    [ "$(cat "$hi.err")" = "scorecard: $hi/2021-10/summary.json: warning: cannot be read; left out of the comparison with the last report" ]
then ok; else bad "render --archive: the last report"; cat "$hi.err"; fi
# archive always compares with its own last snapshot: February's with
# January's, whose status for cla-count was red (450 is now its target).
python3 -c '
import json, sys
d = json.load(open("input/example.json"))
d["report"]["period"] = "2022-02"
d["indicators"][0]["target"] = {"value": 500, "amber": 520}
json.dump(d, open(sys.argv[1], "w"))' "$hi.feb.json"
if ./scorecard archive input/example.json --into "$hi.ar" 2>/dev/null &&
    ./scorecard archive "$hi.feb.json" --into "$hi.ar" 2>"$hi.err" &&
    python3 - "$hi.ar/2022-02/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["counts_previous"]["period"] == "2022-01", s["counts_previous"]
i = s["indicators"][0]
assert i["id"] == "cla-count" and i["status"] == "green" and i["previous_status"] == "red", i
PY
then ok; else bad "archive: the last report is the archive's"; cat "$hi.err"; fi

# A user's own template: a copy of the default in another folder renders
# as the original does (its stylesheet found among the assets), and so
# does the copy "scorecard template -o" writes, with its stylesheet
# beside it; it never overwrites.  "-" reads standard input.
ut=$OUT/usertpl
mkdir -p "$ut/a/b"
cp templates/report.xhtml "$ut/a/b/copy.xhtml"
$V ./scorecard render tests/golden/rag/input.json -o "$ut/default" 2>"$ut.err"
$V ./scorecard render tests/golden/rag/input.json -o "$ut/copied" \
    --template "$ut/a/b/copy.xhtml" 2>>"$ut.err"
if cmp -s "$ut/default/report.html" "$ut/copied/report.html"; then ok
else bad "template: a copy elsewhere renders differently"; cat "$ut.err"; fi
if $V ./scorecard template -o "$ut/mine.xhtml" 2>>"$ut.err" &&
    cmp -s assets/report.css "$ut/report.css" &&
    grep -q 'href="report.css"' "$ut/mine.xhtml" &&
    $V ./scorecard render tests/golden/rag/input.json -o "$ut/mine" \
    --template "$ut/mine.xhtml" 2>>"$ut.err" &&
    cmp -s "$ut/default/report.html" "$ut/mine/report.html"; then ok
else bad "template -o: the copy or its render is wrong"; cat "$ut.err"; fi
echo "/* mine */" >"$ut/report.css"
if ./scorecard template -o "$ut/mine.xhtml" 2>"$ut.err"; then
	bad "template -o: overwrote a file"
elif [ "$(cat "$ut/report.css")" = "/* mine */" ] &&
    grep -q "already exists" "$ut.err"; then ok
else bad "template -o: refusal"; cat "$ut.err"; fi
if $V ./scorecard render - -o "$ut/stdin" <tests/golden/rag/input.json \
    2>"$ut.err" && cmp -s "$ut/default/report.html" "$ut/stdin/report.html"
then ok; else bad "render -: standard input"; cat "$ut.err"; fi
# On a terminal (script(1) makes one), one line says where the output
# went; elsewhere a render is silent (every golden above).
if command -v script >/dev/null 2>&1; then
	script -qec "./scorecard render tests/golden/rag/input.json -o $ut/tty" \
	    /dev/null </dev/null >"$ut.tty" 2>&1
	if tr -d '\r' <"$ut.tty" | grep -q "^scorecard: wrote $ut/tty/: .*report.eml, report.html, .*summary.json and charts/ ([0-9]* files)$"
	then ok; else bad "render on a terminal: no line naming the folder"; cat "$ut.tty"; fi
fi
if echo '{"report": 1}' | ./scorecard render - -o "$ut/stdin2" 2>"$ut.err"
then bad "render -: a bad input passed"
elif grep -q '^scorecard: <stdin>:1:12: error: report: expected an object$' "$ut.err"
then ok; else bad "render -: message"; cat "$ut.err"; fi

# Under sanitizers or valgrind (make SANITIZE=1 check, make valgrind)
# the checkers below would read the same bytes again: skipped.
if [ "${SKIP_PUBLISHABLE:-0}" = 1 ]; then
	echo "$pass passed, $fail failed"
	[ $fail = 0 ]
	exit
fi

# Publishable: the example's report and every golden report pass the
# checkers a council is audited with.  The Nu HTML Checker (vnu.jar, on
# Debian's Java, once over all files), then axe-core (WCAG 2.0/2.1 A and
# AA, 2.2 AA) and the contract's structural rules in Debian's Chromium
# (tests/browser/check.js, one browser for all files).  A missing tool is
# a failure, never a skip: sh setup.sh --tests installs them all.
BROWSER=tests/browser
VNU=$BROWSER/node_modules/vnu-jar/build/dist/vnu.jar
reports=""
if $V ./scorecard render input/example.json -o output/example \
    2>"$OUT/example.err"; then
	reports=output/example/report.html
else
	bad "render output/example failed"; cat "$OUT/example.err"
fi
for r in "$OUT"/golden/*/report.html; do
	[ -f "$r" ] && reports="$reports $r"
done
# The reports at the PDF's limits too: their tables are wider than the
# page and scroll in a wrapper that must take the keyboard focus.
for r in "$OUT"/pdflimits/*/report.html; do
	[ -f "$r" ] && reports="$reports $r"
done
if [ ! -d "$BROWSER/node_modules" ] && command -v npm >/dev/null 2>&1; then
	npm ci --prefix "$BROWSER" --ignore-scripts --no-audit --no-fund \
	    >"$OUT/npm.out" 2>&1 || { echo "npm ci failed:"; tail -n 20 "$OUT/npm.out"; }
fi
if [ -z "$reports" ]; then
	bad "publishable: no report to check"
elif ! command -v java >/dev/null 2>&1; then
	bad "Nu HTML Checker: java not found (sh setup.sh --tests installs default-jre-headless)"
elif [ ! -f "$VNU" ]; then
	bad "Nu HTML Checker: $VNU missing (npm ci --prefix $BROWSER)"
else
	# shellcheck disable=SC2086
	java -jar "$VNU" --errors-only --format gnu $reports >"$OUT/vnu.out" 2>&1
	rc=$?
	for r in $reports; do
		n=$(grep -c "/${r#./}\":" "$OUT/vnu.out")
		if [ "$n" = 0 ]; then ok
		else bad "Nu HTML Checker: $r: $n error(s)"
			grep "/${r#./}\":" "$OUT/vnu.out" | head -n 10; fi
	done
	if [ $rc != 0 ] && [ ! -s "$OUT/vnu.out" ] || [ $rc -gt 1 ]; then
		bad "Nu HTML Checker exited $rc"; head -n 20 "$OUT/vnu.out"
	fi
fi
if [ -n "$reports" ]; then
	if ! command -v node >/dev/null 2>&1; then
		bad "axe-core and structure: node not found (sh setup.sh --tests installs it)"
	else
		# shellcheck disable=SC2086
		node "$BROWSER/check.js" $reports >"$OUT/browser.out" 2>&1
		rc=$?
		line=$(tail -n 1 "$OUT/browser.out")
		p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$p" ]; then
			bad "tests/browser/check.js printed no summary (status $rc)"
			tail -n 20 "$OUT/browser.out"
		else
			pass=$((pass + p))
			fail=$((fail + f))
			[ "$f" = 0 ] && [ $rc != 0 ] && bad "tests/browser/check.js exited $rc"
			grep -v '^[0-9]* passed, [0-9]* failed$' "$OUT/browser.out"
		fi
	fi
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
