#!/bin/sh
# Faults: what a render does to the output folder when things go wrong
# around it.  Ends with "N passed, N failed".
#
# 1. Killed: renders the example and another input in turn into one
#    folder, each killed with SIGKILL after a random delay (0 to 1.2
#    times a render's time, or near its end, when the files are written
#    and swapped in); after every kill the folder must be the old render
#    or the new one, byte for byte.  KILLS (40) sets the count;
#    FAULT_SEED replays a run's delays.
# 2. A full disk: a 64 KiB tmpfs (root only; skipped with a message
#    otherwise) holding an earlier render.  A render that does not fit
#    exits 3 with a message naming the error, and leaves the earlier
#    render, a missing folder or an empty folder exactly as they were,
#    with nothing beside them.
# 3. Symbolic links planted in an earlier render or beside the output
#    are never followed out: what they point to is left alone.
# 4. archive --replace killed at random points: the period's snapshot
#    is always there and whole, and every one replaced is kept.
# 5. A batch killed at random, its workers with it: every folder is
#    the old render or the new one, whole, and the next batch removes
#    the staging folder it left.
# 6. Charts that fail on the chart worker thread (tests/faultcairo.so,
#    preloaded, makes chosen charts' PDFs fail as when memory runs out):
#    each message names the chart's file, they come in the charts'
#    order, the exit status is 3 and no output folder is made.
# 7. report.pdf failing (FAULT_REPORT_PDF, the same library) after the
#    render has written its other files, which it does while report.pdf
#    is finished: the exit status is 3, and a missing folder is still
#    missing with its parents, an earlier render is as it was, with
#    nothing beside either.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C TZ=UTC FONTCONFIG_FILE=$PWD/tests/fonts.conf
export LC_ALL TZ FONTCONFIG_FILE
SC=$PWD/scorecard
T=$PWD/tests/build/faults.$$		# removed when every test passed
pass=0
fail=0
mnt=""

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	mnt=""
}
trap cleanup EXIT
trap 'cleanup; exit 2' INT TERM

[ -x "$SC" ] || { echo "faults: $SC missing (make scorecard)"; exit 2; }
rm -rf "$T"
mkdir -p "$T"

# Same tree, same bytes, symbolic links not followed?
same() { diff -r --no-dereference "$1" "$2" >/dev/null 2>&1; }
# Temporary folders left beside $1.
leftovers() { ls -d "$1".tmp-* 2>/dev/null | wc -l | tr -d ' '; }
now_ms() { date +%s%3N; }

A=input/example.json
B=tests/golden/rag/input.json
"$SC" render "$A" -o "$T/ref-a" 2>"$T/err" &&
    "$SC" render "$B" -o "$T/ref-b" 2>>"$T/err" ||
    { cat "$T/err"; echo "faults: cannot render the references"; exit 1; }

# ---------------------------------------------------------------- 1
kills=${KILLS:-40}
seed=${FAULT_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
dest=$T/kill/out
mkdir -p "$T/kill"
t0=$(now_ms)
"$SC" render "$A" -o "$dest" 2>/dev/null
took=$(( $(now_ms) - t0 ))
[ "$took" -gt 0 ] || took=1
# The delays, one per line, from the seed: half anywhere in the render,
# half near its end, where the files are written and swapped in.
awk -v seed="$seed" -v n="$kills" -v ms="$took" 'BEGIN { srand(seed);
    for (i = 0; i < n; i++) {
	f = i % 2 ? 0.8 + rand() * 0.3 : rand() * 1.2
	printf "%.3f\n", f * ms / 1000
    } }' >"$T/delays"
cur=a
nold=0
nnew=0
broken=0
while read -r delay; do
	if [ $cur = a ]; then in=$B; new=b; else in=$A; new=a; fi
	"$SC" render "$in" -o "$dest" 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	if same "$dest" "$T/ref-$cur"; then
		nold=$((nold + 1))
	elif same "$dest" "$T/ref-$new"; then
		nnew=$((nnew + 1))
		cur=$new
	else
		broken=$((broken + 1))
		bad "killed after ${delay} s: $dest is neither the old nor" \
		    "the new render (FAULT_SEED=$seed)"
		diff -r --no-dereference "$dest" "$T/ref-$cur" 2>&1 | head -n 5
		break
	fi
done <"$T/delays"
if [ $broken = 0 ] && [ $((nold + nnew)) != "$kills" ]; then
	bad "killed: $((nold + nnew)) renders of $kills were run"
elif [ $broken = 0 ] && [ "$(leftovers "$dest")" -gt 1 ]; then
	# Each run removes the folders earlier killed runs left: at most
	# the last one's is left.
	bad "killed: $(leftovers "$dest") temporary folders left beside" \
	    "$dest; each run should remove those of killed runs"
elif [ $broken = 0 ]; then
	ok
	echo "faults: $kills renders killed at random (a render takes" \
	    "${took} ms; FAULT_SEED=$seed): $nold left the old render," \
	    "$nnew the new one, whole; $(leftovers "$dest") temporary" \
	    "folders left beside it"
fi
# Left-over temporary folders do not stop the next render.
if "$SC" render "$A" -o "$dest" 2>"$T/err" && same "$dest" "$T/ref-a"; then ok
else bad "a render after the kills failed"; cat "$T/err"; fi

# ---------------------------------------------------------------- 2
small=tests/golden/minimal/input.json
if [ "$(id -u)" != 0 ]; then
	echo "faults: full disk skipped: mounting a tmpfs needs root"
elif ! mkdir -p "$T/disk" || ! mount -t tmpfs -o size=64k,mode=0755 \
    tmpfs "$T/disk" 2>"$T/err"; then
	echo "faults: full disk skipped: cannot mount a tmpfs:" \
	    "$(cat "$T/err")"
else
	mnt=$T/disk
	if "$SC" render "$small" -o "$mnt/out" 2>"$T/err"; then ok
	else bad "full disk: the first render did not fit"; cat "$T/err"; fi
	cp -R "$mnt/out" "$T/disk-before"
	mkdir "$mnt/empty"
	used=$(df -k "$mnt" | awk 'NR == 2 { print $3 }')
	for case in out new empty; do
		"$SC" render "$A" -o "$mnt/$case" 2>"$T/err"
		rc=$?
		if [ $rc = 3 ] && grep -q "No space left on device" "$T/err"
		then ok
		else bad "full disk, $case: exit $rc, expected 3 and" \
		    "\"No space left on device\""; cat "$T/err"; fi
		case $case in
		out)	same "$mnt/out" "$T/disk-before" ;;
		new)	[ ! -e "$mnt/new" ] ;;
		empty)	[ -d "$mnt/empty" ] && [ -z "$(ls -A "$mnt/empty")" ] ;;
		esac
		if [ $? = 0 ]; then ok
		else bad "full disk, $case: the destination changed"; fi
		if [ "$(leftovers "$mnt/$case")" = 0 ]; then ok
		else bad "full disk, $case: temporary folders left behind"; fi
	done
	if [ "$(df -k "$mnt" | awk 'NR == 2 { print $3 }')" = "$used" ]; then ok
	else bad "full disk: space not given back"; df -k "$mnt"; fi
	echo "faults: full disk: $(sed -n 1p "$T/err")"
	cleanup
fi

# ---------------------------------------------------------------- 3
V=$T/victim
mkdir -p "$V/sub"
echo "not ours" >"$V/keep.txt"
echo "not ours either" >"$V/sub/keep.txt"
cp -R "$V" "$T/victim-before"
victim_ok() {
	if same "$V" "$T/victim-before"; then ok
	else bad "symlinks: $1: what the link points to changed"; fi
}
s=$T/links
mkdir -p "$s"

# An earlier render whose charts/ and report.html are links out.
"$SC" render "$small" -o "$s/r1" 2>/dev/null
rm -rf "$s/r1/charts" "$s/r1/report.html"
ln -s "$V" "$s/r1/charts"
ln -s "$V/keep.txt" "$s/r1/report.html"
cp -R "$s/r1" "$s/r1-before"
# A failed render first: nothing changes, on either side of the links.
"$SC" render tests/errors/several-errors.json -o "$s/r1" 2>/dev/null
if same "$s/r1" "$s/r1-before"; then ok
else bad "symlinks: a failed render changed the earlier render"; fi
victim_ok "a failed render over links"
"$SC" render "$A" -o "$s/r1" 2>"$T/err"
rc=$?
if [ $rc = 0 ] && [ ! -L "$s/r1/charts" ] && same "$s/r1" "$T/ref-a"; then ok
else bad "symlinks: rendering over an earlier render with links (exit $rc)"
	cat "$T/err"; fi
victim_ok "a render over links"

# The destination itself a link to a folder: refused, nothing written.
"$SC" render "$small" -o "$s/real" 2>/dev/null
cp -R "$s/real" "$s/real-before"
ln -s "$s/real" "$s/link"
"$SC" render "$A" -o "$s/link" 2>"$T/err"
rc=$?
if [ $rc = 3 ] && [ -L "$s/link" ] && same "$s/real" "$s/real-before"; then ok
else bad "symlinks: a destination that is a link (exit $rc)"; cat "$T/err"; fi

# The archive: a snapshot folder and the index planted as links.
ar=$T/archive
mkdir -p "$ar"
ln -s "$V" "$ar/2022-01"
ln -s "$V/keep.txt" "$ar/index.html"
"$SC" archive "$A" --into "$ar" 2>"$T/err"
rc=$?
if [ $rc = 3 ] && [ -L "$ar/2022-01" ]; then ok
else bad "symlinks: archive over a planted snapshot link (exit $rc)"
	cat "$T/err"; fi
victim_ok "the archive, refused"
"$SC" archive "$A" --into "$ar" --replace 2>"$T/err"
rc=$?
if [ $rc = 0 ] && [ -d "$ar/2022-01" ] && [ ! -L "$ar/2022-01" ] &&
    [ -L "$ar/2022-01.replaced-1" ] && [ ! -L "$ar/index.html" ] &&
    (cd "$ar/2022-01" && sha256sum -c --quiet MANIFEST.sha256); then ok
else bad "symlinks: archive --replace over planted links (exit $rc)"
	cat "$T/err"; fi
victim_ok "the archive, replaced"

# ---------------------------------------------------------------- 4
# archive --replace killed at random: the period's snapshot is always
# there and whole (the old one or the new one), and once the next run
# has tidied up, every snapshot that was ever current is kept, whole,
# as the current one or a <period>.replaced-N.
ka=$T/karchive
A2=$T/example-corrected.json
sed '3s/scorecard"/scorecard (corrected)"/' "$A" >"$A2"
"$SC" archive "$A" --into "$T/kref-a" 2>/dev/null &&
    "$SC" archive "$A2" --into "$T/kref-b" 2>/dev/null &&
    ! same "$T/kref-a/2022-01" "$T/kref-b/2022-01" ||
    { echo "faults: cannot archive the references"; exit 1; }
"$SC" archive "$A" --into "$ka" 2>/dev/null
t0=$(now_ms)
"$SC" archive "$A2" --into "$T/ktime" 2>/dev/null
took=$(( $(now_ms) - t0 ))
[ "$took" -gt 0 ] || took=1
# Snapshot whole: one of the two references, byte for byte.
which_ref() {
	if same "$1" "$T/kref-a/2022-01"; then echo a
	elif same "$1" "$T/kref-b/2022-01"; then echo b
	else echo broken; fi
}
awk -v seed="$seed" -v n="$kills" -v ms="$took" 'BEGIN { srand(seed + 1);
    for (i = 0; i < n; i++) {
	f = i % 2 ? 0.7 + rand() * 0.5 : rand() * 1.2
	printf "%.3f\n", f * ms / 1000
    } }' >"$T/kdelays"
cur=a
swaps=0
broken=0
while read -r delay; do
	if [ $cur = a ]; then in=$A2; new=b; else in=$A; new=a; fi
	"$SC" archive "$in" --into "$ka" --replace 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	# The period is there and whole even before anything tidies up
	# (a .retired mark aside, which the next run takes away).
	if [ ! -d "$ka/2022-01" ]; then
		broken=1
		bad "archive killed after ${delay} s: 2022-01 is missing" \
		    "(FAULT_SEED=$seed)"
		break
	fi
	rm -rf "$T/kview" && cp -R "$ka/2022-01" "$T/kview" &&
	    rm -f "$T/kview/.retired"
	now=$(which_ref "$T/kview")
	if [ "$now" = broken ]; then
		broken=1
		bad "archive killed after ${delay} s: 2022-01 is neither" \
		    "snapshot (FAULT_SEED=$seed)"
		break
	fi
	[ "$now" != $cur ] && swaps=$((swaps + 1))
	cur=$now
done <"$T/kdelays"
# A run that is refused still tidies up: keeps what was set aside.
"$SC" archive "$A" --into "$ka" 2>"$T/err"
kept=$(ls -d "$ka"/2022-01.replaced-* 2>/dev/null | wc -l | tr -d ' ')
whole=1
for r in "$ka"/2022-01.replaced-*; do
	[ -e "$r" ] || continue
	[ "$(which_ref "$r")" = broken ] && whole=0
done
left=$(ls -a "$ka" | grep -c '^\.[^.]')
if [ $broken = 1 ]; then :
elif [ "$kept" != "$swaps" ] || [ $whole = 0 ] || [ "$left" != 0 ] ||
    [ "$(which_ref "$ka/2022-01")" != $cur ]; then
	bad "archive killed $kills times: $swaps replaced, $kept kept" \
	    "(all whole: $whole), $left hidden entries left (FAULT_SEED=$seed)"
	cat "$T/err"
else
	ok
	echo "faults: $kills archive --replace runs killed at random (one" \
	    "takes ${took} ms): $swaps swapped in, and each one replaced" \
	    "kept whole; nothing left over"
fi

# ---------------------------------------------------------------- 5
# A batch killed at random (its workers with it): each DIR/<name> is the
# old render or the new one, whole, and the next batch removes the
# staging folder it left.  Two sets of inputs swap A's and B's contents
# under the same names, so that every batch that finishes changes both.
bd=$T/kbatch/out
mkdir -p "$T/kbatch/1" "$T/kbatch/2"
cp "$A" "$T/kbatch/1/x.json" && cp "$B" "$T/kbatch/1/y.json" &&
    cp "$B" "$T/kbatch/2/x.json" && cp "$A" "$T/kbatch/2/y.json"
t0=$(now_ms)
"$SC" render "$T/kbatch/1/x.json" "$T/kbatch/1/y.json" -o "$bd" -j 2 \
    2>/dev/null
took=$(( $(now_ms) - t0 ))
[ "$took" -gt 0 ] || took=1
n=$(( ${KILLS:-40} / 2 ))
awk -v seed="$seed" -v n="$n" -v ms="$took" 'BEGIN { srand(seed + 5);
    for (i = 0; i < n; i++) {
	f = i % 2 ? 0.8 + rand() * 0.3 : rand() * 1.2
	printf "%.3f\n", f * ms / 1000
    } }' >"$T/bdelays"
set=1
broken=0
kept=0
while read -r delay; do
	if [ $set = 1 ]; then next=2; else next=1; fi
	setsid "$SC" render "$T/kbatch/$next/x.json" "$T/kbatch/$next/y.json" \
	    -o "$bd" -j 2 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -KILL -$pid 2>/dev/null
	wait $pid 2>/dev/null
	# Its workers too: a worker still exiting holds the staging
	# folder's lock, and the next batch rightly leaves a locked folder
	# alone (2 at once, a failure of this test, not of the batch).
	i=0
	while kill -0 -$pid 2>/dev/null && [ $i -lt 500 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	for nm in x y; do
		if same "$bd/$nm" "$T/ref-a" || same "$bd/$nm" "$T/ref-b"; then
			:
		else
			broken=1
		fi
	done
	if [ $broken = 1 ]; then
		bad "batch killed after ${delay} s: $bd/x or $bd/y is" \
		    "neither render (FAULT_SEED=$seed)"
		break
	fi
	# Both swapped in: this set is now the current one.
	same "$bd/x" "$T/ref-$( [ $next = 1 ] && echo a || echo b)" &&
	    same "$bd/y" "$T/ref-$( [ $next = 1 ] && echo b || echo a)" &&
	    set=$next
	k=$(ls -d "$bd"/.tmp-* 2>/dev/null | wc -l | tr -d ' ')
	[ "$k" -gt "$kept" ] && kept=$k
done <"$T/bdelays"
"$SC" render "$T/kbatch/1/x.json" "$T/kbatch/1/y.json" -o "$bd" -j 2 \
    2>"$T/err"
rc=$?
left=$(ls -A "$bd" | tr '\n' ' ')
if [ $broken = 1 ]; then :
elif [ $rc != 0 ] || [ "$left" != "x y " ] ||
    ! same "$bd/x" "$T/ref-a" || ! same "$bd/y" "$T/ref-b" ||
    [ "$kept" -gt 1 ]; then
	bad "batch killed $n times: the next batch exit $rc, left" \
	    "\"$left\" (at most $kept staging folders at once;" \
	    "FAULT_SEED=$seed)"
	cat "$T/err"
else
	ok
	echo "faults: $n batches killed at random (one takes ${took} ms):" \
	    "every folder the old render or the new one, whole; at most" \
	    "$kept staging folder left, removed by the next batch"
fi

# ---------------------------------------------------------------- 6
# The example's 2nd and 5th charts are cla-rate and ps-long-term.
cf=$T/chartfail/out
FC=$PWD/tests/faultcairo.so
if [ ! -f "$FC" ]; then
	bad "$FC missing (make tests/faultcairo.so)"
else
	printf '%s\n' \
	    "scorecard: charts/cla-rate.pdf: error: cannot write PDF: out of memory" \
	    "scorecard: charts/ps-long-term.pdf: error: cannot write PDF: out of memory" \
	    >"$T/cf.want"
	# Under ASan (a build of make SANITIZE=1) the preloaded library
	# comes before the sanitizer's runtime.
	LD_PRELOAD=$FC FAULT_CHART_PDF="5 2" \
	    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
	    "$SC" render "$A" -o "$cf" 2>"$T/cf.err"
	rc=$?
	if [ $rc = 3 ] && [ ! -e "$cf" ] && cmp -s "$T/cf.want" "$T/cf.err"
	then ok
	else
		bad "two charts' PDFs failing: exit $rc (expected 3)," \
		    "$cf $( [ -e "$cf" ] && echo made || echo not made), messages:"
		diff -u "$T/cf.want" "$T/cf.err"
	fi
fi

# ---------------------------------------------------------------- 7
rf=$T/pdffail
mkdir -p "$rf"
cp -R "$T/ref-b" "$rf/old"
if [ -f "$FC" ]; then
	echo "scorecard: report.pdf: error: cannot write: out of memory" \
	    >"$T/rf.want"
	for dest in "$rf/new/out" "$rf/old"; do
		LD_PRELOAD=$FC FAULT_REPORT_PDF=1 \
		    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
		    "$SC" render "$A" -o "$dest" 2>"$T/rf.err"
		rc=$?
		if [ "$dest" = "$rf/old" ]; then
			same "$dest" "$T/ref-b"
		else
			[ ! -e "$rf/new" ]
		fi
		kept=$?
		if [ $rc = 3 ] && [ $kept = 0 ] &&
		    [ "$(leftovers "$dest")" = 0 ] &&
		    cmp -s "$T/rf.want" "$T/rf.err"
		then ok
		else
			bad "report.pdf failing into $dest: exit $rc" \
			    "(expected 3), folder kept as it was: $kept (0:" \
			    "yes), $(leftovers "$dest") left beside, messages:"
			diff -u "$T/rf.want" "$T/rf.err"
		fi
	done
fi

[ $fail = 0 ] && rm -rf "$T"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
