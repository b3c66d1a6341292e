#!/bin/sh
# Limits: big inputs either fail fast with a message naming the limit or
# render in time that grows linearly.  Renders one indicator of N daily
# points (N = 1,000, 10,000 and 100,000; as a line and as columns) and
# files of N indicators of 24 monthly points (N = 10, 100 and 1,000),
# a breakdown of the most items allowed, and comparator names full of
# sentence ends (N = 10,000 and 100,000 bytes), a figures table of
# 144,000 cells (the limit is 200,000), and prints the times;
# then checks that ten times the input never
# takes more than 25 times as long (linear is 10, quadratic 100), and
# that inputs over the limits (scorecard-input(5), LIMITS) fail within 5 seconds
# with a message naming the limit.  Ends with "N passed, N failed".
# Not part of make ci (about a minute): run it with make limits.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C TZ=UTC FONTCONFIG_FILE=$PWD/tests/fonts.conf
export LC_ALL TZ FONTCONFIG_FILE
SC=$PWD/scorecard
T=$PWD/tests/build/limits
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
now_ms() { date +%s%3N; }
rm -rf "$T"
mkdir -p "$T"

# gen KIND N FILE: "points" (one indicator, N daily points from 1900,
# CHART line or column), "indicators" (N indicators of 24 months).
gen() {
	python3 - "$@" <<'EOF'
import datetime, json, sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
chart = sys.argv[4] if len(sys.argv) > 4 else "line"
doc = {"report": {"title": "Limits", "organisation": "Northfield",
                  "period": "2022-01"}, "indicators": []}
if kind == "points":
    d0 = datetime.date(1900, 1, 1)
    pts = [{"period": (d0 + datetime.timedelta(days=i)).isoformat(),
            "value": 100 + (i * 37) % 91} for i in range(n)]
    doc["indicators"].append({"id": "big", "title": "Big", "unit": "count",
        "better": "lower", "target": 120, "chart": chart, "series": pts})
elif kind == "indicators":
    for k in range(n):
        doc["indicators"].append({"id": "i%d" % k, "title": "Indicator %d" % k,
            "unit": "percent", "better": "higher",
            "target": {"value": 60, "amber": 50},
            "series": [{"period": "%04d-%02d" % (2020 + m // 12, m % 12 + 1),
                        "value": 40 + (k + m * 7) % 40} for m in range(24)]})
elif kind == "labels":
    # Labels of the longest strings allowed: one word, many one-letter
    # words, and one letter under 45,000 combining marks (0 px wide).
    big, words, marks = "x" * 99000, " ".join(["w"] * 49000), \
        "a" + "\u0301" * 45000
    doc["report"]["organisation"] = marks
    doc["comparators"] = {"sn": words, "en": big}
    doc["indicators"].append({"id": "l", "title": words, "unit": "count",
        "target": 5, "series": [{"period": "2021-12", "value": 10},
                                {"period": "2022-01", "value": 12}],
        "comparators": {"sn": [{"period": "2022-01", "value": 3}],
                        "en": [{"period": "2022-01", "value": 4}]},
        "breakdown": {"items": [{"label": (big, words, marks)[i % 3],
                                 "value": i} for i in range(n)]}})
    json.dump(doc, open(path, "w"), ensure_ascii=False)
    sys.exit(0)
elif kind == "sentences":
    # Comparator names of N bytes made of "St. ": a sentence end every
    # four bytes, where the chart's description is cut (it was cut a
    # sentence at a time, counting the whole text again each time).
    doc["comparators"] = {"sn": "St. " * (n // 4), "en": "England. " * (n // 9)}
    doc["indicators"].append({"id": "s", "title": "S", "unit": "count",
        "target": 5, "series": [{"period": "2021-12", "value": 10},
                                {"period": "2022-01", "value": 12}],
        "comparators": {"sn": [{"period": "2022-01", "value": 3}],
                        "en": [{"period": "2022-01", "value": 4}]}})
elif kind == "table":
    # N comparators of 4,000 daily points each, on days no other series
    # uses: a figures table of (N + 1) x 4,000 rows and N + 1 columns.
    doc["comparators"] = {"c%d" % k: "Area %d" % k for k in range(n)}
    d0 = datetime.date(1900, 1, 1)
    def days(k):
        return [{"period": (d0 + datetime.timedelta(days=k * 4000 + i)).isoformat(),
                 "value": i % 50} for i in range(4000)]
    doc["indicators"].append({"id": "t", "title": "T", "unit": "count",
        "series": days(n), "comparators": {"c%d" % k: days(k) for k in range(n)}})
elif kind == "items":
    doc["indicators"].append({"id": "b", "title": "B", "unit": "count",
        "series": [{"period": "2022-01", "value": 1}],
        "breakdown": {"items": [{"label": ("part %d " % i) + "of a long "
            "label that wraps onto three lines and more " * 3, "value": i}
            for i in range(n)]}})
json.dump(doc, open(path, "w"))
EOF
}

# run NAME ARGS...: renders, prints and records the time in ms.
run() {
	name=$1
	shift
	t0=$(now_ms)
	"$SC" render "$@" -o "$T/out-$name" --no-pdf 2>"$T/$name.err"
	rc=$?
	ms=$(( $(now_ms) - t0 ))
	echo "$ms" >"$T/$name.ms"
	printf '  %-22s %8d ms  exit %d  %s\n' "$name" "$ms" "$rc" \
	    "$(head -c 100 "$T/$name.err" | head -n 1)"
	rm -rf "$T/out-$name"
	return $rc
}

# linear A B: B (ten times the input of A) took at most 25 times as long.
linear() {
	a=$(cat "$T/$1.ms")
	b=$(cat "$T/$2.ms")
	[ "$a" -gt 0 ] || a=1
	if [ $((b)) -le $((a * 25)) ]; then ok
	else bad "$2 took $b ms, more than 25 times $1 ($a ms)"; fi
}

echo "limits: one indicator of N daily points (render, no PDF)"
for chart in line column; do
	for n in 1000 10000 100000; do
		gen points $n "$T/p$n-$chart.json" $chart
		if run "points-$chart-$n" "$T/p$n-$chart.json"; then ok; else bad "points $n"; fi
	done
	linear points-$chart-1000 points-$chart-10000
	linear points-$chart-10000 points-$chart-100000
done
echo "limits: N indicators of 24 monthly points"
for n in 10 100 1000; do
	gen indicators $n "$T/i$n.json"
	if run "indicators-$n" "$T/i$n.json"; then ok; else bad "indicators $n"; fi
done
linear indicators-10 indicators-100
linear indicators-100 indicators-1000
echo "limits: a breakdown of the most items, each label three lines"
gen items 50 "$T/b50.json"
if run items-50 "$T/b50.json"; then ok; else bad "a breakdown of 50 items"; fi
echo "limits: labels of 100,000 bytes (a render took 110 s before they were cut)"
gen labels 50 "$T/labels.json"
if run labels "$T/labels.json" && [ "$(cat "$T/labels.ms")" -lt 10000 ]; then ok
else bad "labels of 100,000 bytes: failed or took 10 s or more"; fi
echo "limits: the same with report.pdf (Pango took minutes over such a label)"
t0=$(now_ms)
"$SC" render "$T/labels.json" -o "$T/out-labels-pdf" 2>"$T/labels-pdf.err"
rc=$?
ms=$(( $(now_ms) - t0 ))
printf '  %-22s %8d ms  exit %d\n' labels-pdf "$ms" "$rc"
if [ $rc = 0 ] && [ -f "$T/out-labels-pdf/report.pdf" ] && [ "$ms" -lt 10000 ]; then ok
else bad "labels of 100,000 bytes with report.pdf: failed or took 10 s or more"; fi
rm -rf "$T/out-labels-pdf"
echo "limits: comparator names of N bytes, a sentence end every 4 bytes"
for n in 10000 100000; do
	gen sentences $n "$T/s$n.json"
	if run "sentences-$n" "$T/s$n.json"; then ok; else bad "sentences $n"; fi
done
linear sentences-10000 sentences-100000
echo "limits: a figures table under the limit (24,000 rows of 6 columns)"
gen table 5 "$T/t5.json"
if run table-5 "$T/t5.json"; then ok; else bad "a table of 144,000 cells"; fi
echo "limits: over the limits"
gen points 100001 "$T/p100001.json"
gen indicators 1001 "$T/i1001.json"
gen items 51 "$T/b51.json"
gen table 7 "$T/t7.json"		# 8 x 4,000 rows x 8 columns: 256,000
for c in p100001:"too many points" i1001:"too many indicators" \
    b51:"too many items" t7:"cells"; do
	f=${c%%:*}
	run "over-$f" "$T/$f.json"
	rc=$?
	if [ $rc = 1 ] && grep -q "${c#*:} (the limit is" "$T/over-$f.err" &&
	    [ "$(cat "$T/over-$f.ms")" -lt 5000 ]; then ok
	else bad "$f: exit $rc, or no message naming the limit, or slow"; fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
