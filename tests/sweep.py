#!/usr/bin/env python3
"""Sweep public test suites that nobody on this project wrote through
scorecard (tests/sweep.sh builds it with ASan and UBSan and runs this).

  sweep.py SCORECARD OUTDIR [--json DIR] [--html5lib DIR] [-j N]

--json DIR: every file of JSONTestSuite's test_parsing folder is rendered
as the input, and again spliced in as the value of an unknown field of a
valid input.  y_ files are valid JSON (but not the input contract), n_
files are not JSON, i_ files are either: each must end with exit 0 or
exit 1, never a crash, a sanitizer report, a hang (30 s) or another
status; exit 1 must come with a located "scorecard: FILE...: error:"
message and no output folder; an n_ file must never render.

--html5lib DIR: every "input" string of html5lib-tests' tokenizer/*.test
is placed in every text field of a valid input (title, organisation,
introduction, contact, comparator label, indicator title, section,
code, commentary, point notes, breakdown title and labels).  Strings go
25 to a file, one an indicator; a file refused as a whole is split and
each of its strings rendered alone.  A render must end with exit 0 or
exit 1 (with a located message: the string holds a character a page
cannot carry), and an exit 0 render must give a report.html that is
well-formed XML with no element a benign render lacks (input text never
becomes markup), and a summary.json that carries the title as given.

Prints one line per finding and ends "N held, N failed" with the time
taken; exit status 1 if anything failed.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

TIMEOUT = 30
GROUP = 25
SAN = ("AddressSanitizer", "UndefinedBehaviorSanitizer", "LeakSanitizer",
       "runtime error:")


def run(sc, args):
    """Runs scorecard; returns (status, stderr, seconds)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([sc] + args, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, err = "timeout", ""
    return rc, err, time.monotonic() - t0


def verdict(rc, err, out, path):
    """What is wrong with a run, or None if it held."""
    if rc == "timeout":
        return "no answer within %d s" % TIMEOUT
    if any(s in err for s in SAN):
        return "sanitizer report: " + err.strip().splitlines()[0][:200]
    if rc not in (0, 1):
        return "exit %s: %s" % (rc, err.strip()[:200])
    if rc == 1:
        if os.path.exists(out):
            return "exit 1 but %s was written" % out
        if not err.startswith("scorecard: " + path):
            return "exit 1 without a message naming the file: " + err[:200]
        for line in err.splitlines():
            if not line.startswith("scorecard: "):
                return "a message not in the form of the others: " + line
    return None


EMBED_HEAD = (b'{"report": {"title": "T", "organisation": "O", '
              b'"period": "2022-01"},\n"indicators": [{"id": "a", '
              b'"title": "A", "unit": "count", "series": [{"period": '
              b'"2022-01", "value": 10}]}],\n"suite": ')
EMBED_TAIL = b"\n}\n"


def json_case(sc, outroot, path):
    """The file as the input, then as the value of an unknown field of a
    valid input (its bytes spliced in: y_ must then render, with a
    warning, unless the contract refuses what it holds; n_ must be
    refused, at a place inside it)."""
    name = os.path.basename(path)
    results = []
    with open(path, "rb") as f:
        raw = f.read()
    emb = os.path.join(outroot, "json", "embedded-" + name)
    with open(emb, "wb") as f:
        f.write(EMBED_HEAD + raw + EMBED_TAIL)
    for p in (path, emb):
        out = os.path.join(outroot, "json", os.path.basename(p) + ".out")
        rc, err, secs = run(sc, ["render", p, "-o", out, "--no-pdf"])
        bad = verdict(rc, err, out, p)
        if bad is None and rc == 0 and name.startswith("n_"):
            bad = "not JSON, yet rendered"
        m = re.match(r"scorecard: [^:]*:(\d+):\d+: error", err)
        if bad is None and rc == 1 and p == emb and \
                name.startswith("n_") and (m is None or int(m.group(1)) < 3):
            bad = "refused, but not at a place inside the value: " + \
                err.strip().splitlines()[0][:200]
        shutil.rmtree(out, ignore_errors=True)
        results.append(("embedded " if p == emb else "") + name)
        results.append((rc, bad, secs))
    os.unlink(emb)
    return results


TEXT = object()


def document(strings):
    """A valid input with strings[i] in every text field of indicator i."""
    s0 = strings[0]
    doc = {
        "report": {"title": s0, "organisation": s0, "period": "2022-01",
                   "introduction": s0, "contact": s0},
        "comparators": {"en": s0},
        "indicators": [],
    }
    for i, s in enumerate(strings):
        doc["indicators"].append({
            "id": "s%d" % i, "title": s, "unit": "count", "section": s,
            "code": s, "commentary": s, "target": 40,
            "chart": "line" if i == 0 else "none",
            "series": [
                {"period": "2021-12", "value": 30, "note": s},
                {"period": "2022-01", "value": 42, "note": s}],
            "comparators": {"en": [{"period": "2022-01", "value": 35.5}]},
            "breakdown": {"title": s, "items": [
                {"label": s, "value": 20}, {"label": s + " ", "value": 22}]},
        })
    return doc


def tags(path):
    return {el.tag for el in ET.parse(path).getroot().iter()}


def html_group(sc, outroot, key, strings, allowed):
    """Renders strings as one file; returns a list of (key, rc, bad)."""
    d = os.path.join(outroot, "html5lib", key)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "in.json")
    # A lone surrogate (the suite has them) can only be written as an
    # escape, which scorecard must refuse.
    lone = any(0xd800 <= ord(c) <= 0xdfff for s in strings for c in s)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document(strings), f, ensure_ascii=lone)
    out = os.path.join(d, "out")
    rc, err, secs = run(sc, ["render", path, "-o", out, "--no-pdf"])
    bad = verdict(rc, err, out, path)
    if bad is None and rc == 0:
        try:
            extra = tags(os.path.join(out, "report.html")) - allowed
            if extra:
                bad = "input text became markup: %s" % sorted(extra)
            with open(os.path.join(out, "summary.json"),
                      encoding="utf-8") as f:
                title = json.load(f).get("report", {}).get("title")
            if title is not None and title != strings[0].replace(
                    "\r\n", "\n").replace("\r", "\n"):
                bad = "the title was changed: %r" % title[:80]
        except (ET.ParseError, OSError, ValueError) as e:
            bad = "report.html or summary.json unreadable: %s" % e
    shutil.rmtree(d, ignore_errors=True)
    if rc == 1 and bad is None and len(strings) > 1:
        # Refused as a whole: find which strings, each on its own.
        res = []
        for i, s in enumerate(strings):
            res += html_group(sc, outroot, "%s.%d" % (key, i), [s], allowed)
        return res
    return [(key, rc, bad, secs)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scorecard")
    ap.add_argument("outdir")
    ap.add_argument("--json")
    ap.add_argument("--html5lib")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    sc = os.path.abspath(a.scorecard)
    shutil.rmtree(a.outdir, ignore_errors=True)
    os.makedirs(a.outdir)
    held = failed = 0
    t0 = time.monotonic()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=a.j)

    if a.json:
        files = sorted(glob.glob(os.path.join(a.json, "*.json")))
        os.makedirs(os.path.join(a.outdir, "json"))
        counts = {}
        for res in pool.map(lambda p: json_case(sc, a.outdir, p), files):
            for name, (rc, bad, secs) in zip(res[0::2], res[1::2]):
                k = (name[:11] if name.startswith("embedded")
                     else name[:2], rc)
                counts[k] = counts.get(k, 0) + 1
                if bad:
                    failed += 1
                    print("FAIL: JSONTestSuite %s: %s" % (name, bad))
                else:
                    held += 1
        print("JSONTestSuite: %d files in %.0f s; exit status by kind: %s"
              % (len(files), time.monotonic() - t0,
                 ", ".join("%s%s: %d" % (k[0], k[1], v)
                           for k, v in sorted(counts.items(),
                                              key=lambda kv: str(kv[0])))))

    if a.html5lib:
        t1 = time.monotonic()
        strings = []
        for f in sorted(glob.glob(os.path.join(a.html5lib, "*.test"))):
            with open(f, encoding="utf-8") as fp:
                d = json.load(fp)
            for key in d:
                for t in d[key]:
                    s = t.get("input", "")
                    if t.get("doubleEscaped"):
                        s = s.encode("utf-8", "surrogatepass").decode(
                            "unicode_escape")
                    if s.strip():
                        strings.append(s)
        # What a benign render is made of.
        base = os.path.join(a.outdir, "base")
        with open(base + ".json", "w") as fp:
            json.dump(document(["Children looked after"] * 2), fp)
        rc, err, _ = run(sc, ["render", base + ".json", "-o", base,
                              "--no-pdf"])
        if rc != 0:
            print("FAIL: the benign render failed: " + err)
            return 1
        allowed = tags(os.path.join(base, "report.html"))
        groups = [strings[i:i + GROUP] for i in range(0, len(strings),
                                                      GROUP)]
        nrc = {}
        for res in pool.map(
                lambda g: html_group(sc, a.outdir, "g%d" % g[0], g[1],
                                     allowed), enumerate(groups)):
            for key, rc, bad, secs in res:
                nrc[rc] = nrc.get(rc, 0) + 1
                if bad:
                    failed += 1
                    print("FAIL: html5lib %s: %s" % (key, bad))
                else:
                    held += 1
        print("html5lib tokenizer: %d strings in %d files, %d renders "
              "(exit status: %s) in %.0f s" % (
                  len(strings), len(groups), sum(nrc.values()),
                  ", ".join("%s: %d" % kv for kv in sorted(
                      nrc.items(), key=lambda kv: str(kv[0]))),
                  time.monotonic() - t1))
    pool.shutdown()
    print("%d held, %d failed in %.0f s" % (held, failed,
                                            time.monotonic() - t0))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
