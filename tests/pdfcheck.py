#!/usr/bin/python3
"""Checks report.pdf against report.html with Debian's own PDF tools
(poppler-utils: pdfinfo, pdffonts, pdftotext, pdftoppm; qpdf), and
prints a summary of its structure for a golden file: independent of
Cairo's bytes, it changes only when what a reader gets changes.

    pdfcheck.py report.pdf report.html [pngcheck] >summary

Exit 1 (with the reasons on stderr) when the PDF is not tagged, not A4,
has a font not embedded, fails qpdf --check, lacks the language, the
title in the window title, alt text on a figure, a header cell in a
table, the running head or the footer on a page after the first, has
a word off the page, in the side margins or below the body but the
footer's, paints anything outside marked content that is neither a
structure element's (an /MCID) nor an /Artifact, or leaves out a sentence, a [c] or a table row's header cell of the HTML,
or reads (in its structure tree) what the HTML hides from a screen
reader with aria-hidden (a status's symbol beside its word) or two
words of the HTML as one ("-12.5in"), or has a
heading or paragraph of the HTML not as one element of the structure
tree (over a page break, say), or a parent tree entry of a marked
content that is not its element's.
"""
import collections
import difflib
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
errors = []


def run(*args):
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def bad(msg):
    errors.append(msg)


def covered():
    """The characters some font has (fc-list, under the caller's
    FONTCONFIG_FILE): Pango draws any other as a box of hex digits."""
    rc, out, _ = run("fc-list", "--format", "%{charset}\n")
    chars = set()
    for r in out.split():
        a, _, b = r.partition("-")
        chars.update(range(int(a, 16), int(b or a, 16) + 1))
    return chars


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


# Content-stream operators that put something on the page.
PAINT = {b"Tj", b"TJ", b"'", b'"', b"f", b"F", b"f*", b"B", b"B*", b"b",
         b"b*", b"S", b"s", b"sh", b"Do", b"BI"}
DELIM = b"()<>[]{}/%"
SPACE = b" \t\r\n\f\0"


def content_tokens(data):
    """The tokens of a content stream: (kind, bytes), kind one of
    "op", "str", "name", "num", "punct" (enough to follow marked content,
    not a full PDF lexer: inline image data is not expected)."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in b" \t\r\n\f\0":
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, j = 0, i
            while j < n:
                d = data[j:j + 1]
                if d == b"\\":
                    j += 2
                    continue
                if d == b"(":
                    depth += 1
                elif d == b")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            yield "str", data[i:j + 1]
            i = j + 1
        elif data[i:i + 2] in (b"<<", b">>"):
            yield "punct", data[i:i + 2]
            i += 2
        elif c == b"<":
            j = data.index(b">", i)
            yield "str", data[i:j + 1]
            i = j + 1
        elif c in b"[]{}":
            yield "punct", c
            i += 1
        else:
            j = i + 1
            while j < n and data[j:j + 1] not in SPACE and data[j:j + 1] not in DELIM:
                j += 1
            tok = data[i:j]
            if c == b"/":
                yield "name", tok
            elif re.fullmatch(rb"[-+]?(\d+\.?\d*|\.\d+)", tok):
                yield "num", tok
            else:
                yield "op", tok
            i = j


def untagged(pdf):
    """What each page paints outside marked content that is either real
    content (a BDC with an /MCID: a structure element's) or an
    Artifact: [(page, what)].  PDF/UA (ISO 14289-1, 7.1): all content
    is one or the other, or a screen reader never reads it."""
    found = []
    with tempfile.TemporaryDirectory() as d:
        q = d + "/q.pdf"
        rc, _, err = run("qpdf", "--qdf", "--object-streams=disable",
                         "--decode-level=generalized", pdf, q)
        if rc not in (0, 3):
            return [(0, "qpdf --qdf: " + err)]
        data = open(q, "rb").read()
    parts = re.split(rb"%% Contents for page (\d+)\n", data)
    for k in range(1, len(parts), 2):
        page = int(parts[k])
        m = re.search(rb"stream\n(.*?)\nendstream", parts[k + 1], re.S)
        if not m:
            continue
        stack, operands, last = [], [], b""
        for kind, tok in content_tokens(m.group(1)):
            if kind != "op":
                operands.append((kind, tok))
                if kind == "str":
                    last = tok
                continue
            if tok in (b"BDC", b"BMC"):
                tag = next((t for k2, t in operands if k2 == "name"), b"")
                mcid = any(t == b"/MCID" for k2, t in operands)
                stack.append(tag == b"/Artifact" or mcid)
            elif tok == b"EMC":
                if stack:
                    stack.pop()
            elif tok in PAINT and not any(stack):
                what = last.decode("latin-1")[:40] if tok in (b"Tj", b"TJ", b"'", b'"') else tok.decode()
                found.append((page, what))
            operands = []
    return found


# Elements a browser shows as blocks: their words are apart.
BLOCKS = set("html body header main footer section article div p h1 h2 h3 "
             "h4 h5 h6 ul ol li dl dt dd table caption thead tbody tfoot tr "
             "th td figure figcaption details nav aside blockquote address "
             "hr pre br".split())
BLOCK_CLASSES = {"when", "reason", "sentence"}


def html_words(doc):
    """The words of report.html a screen reader reads, in order, as the
    PDF is made of them (render/pdfwalk.c): no head, summary, hidden,
    .skip, .no-pdf; a chart's SVG is its figure's alt text, not words;
    and the texts of its aria-hidden elements, which it leaves out."""
    out, hidden = [], set()

    def walk(e):
        tag = e.tag.replace(XHTML, "")
        cls = (e.get("class") or "").split()
        if e.get("aria-hidden") == "true":
            hidden.update(norm("".join(e.itertext())).split())
            return
        if (tag in ("head", "script", "style", "template", "summary",
                    "noscript") or e.tag.startswith(SVG)
                or e.get("hidden") is not None
                or "skip" in cls or "no-pdf" in cls):
            return
        if tag == "img":
            out.append(" %s " % e.get("alt", ""))
            return
        sep = " " if tag in BLOCKS or BLOCK_CLASSES & set(cls) else ""
        out.append(sep + (e.text or ""))
        for k in e:
            walk(k)
            out.append(k.tail or "")
        out.append(sep)
    walk(doc)
    return "".join(out).split(), hidden


def struct_read(st):
    """The structure tree as pdfinfo -struct-text gives it, read once:
    its elements in order, [type, text (its own and its kids', joined)],
    and its texts in order, each with the types of the elements it is
    in."""
    elems, texts, stack = [], [], []
    for line in st.splitlines():
        ind = len(line) - len(line.lstrip(" "))
        s = line.strip()
        while stack and stack[-1][0] >= ind:
            stack.pop()
        m = re.fullmatch(r'"(.*)"', s)
        if m:
            for _, e in stack:
                e[1] += " " + m.group(1)
            texts.append((m.group(1), [e[0] for _, e in stack]))
            continue
        m = re.match(r"([A-Za-z0-9]+)", s)
        if m and not s.startswith("/") and not s.startswith("Object "):
            e = [m.group(1), ""]
            elems.append(e)
            stack.append((ind, e))
    for e in elems:
        e[1] = norm(e[1].replace("\ufb01", "fi").replace("\ufb02", "fl"))
    return elems, texts


def struct_words(texts):
    """The words of the structure tree's texts (struct_read()), in its
    order, but a Figure's (its alt text stands for them) and a Lbl's (a
    list item's bullet or number)."""
    out = [" " + t + " " for t, types in texts
           if not any(x in ("Figure", "Lbl") for x in types)]
    return "".join(out).replace("\ufb01", "fi").replace("\ufb02", "fl").split()


def read_aloud(doc, pw):
    """What the structure tree reads that the HTML hides from a screen
    reader, and words it reads glued: [(words before, what)].  The two
    texts are aligned word by word (difflib); a word the PDF has and the
    HTML has not there, that is the text of an aria-hidden element, is
    one; a word of the PDF that is two of the HTML run together too."""
    hw, hidden = html_words(doc)
    found = []
    sm = difflib.SequenceMatcher(None, [w.lower() for w in hw],
                                 [w.lower() for w in pw], autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op in ("insert", "replace"):
            extra = collections.Counter(pw[b1:b2]) - collections.Counter(hw[a1:a2])
            for w in extra:
                if w in hidden:
                    found.append((" ".join(hw[max(0, a1 - 5):a1]),
                                  "reads '%s' (aria-hidden in the HTML)" % w))
        if op == "replace":
            # Words glued: two words of the HTML one of the PDF's.
            for i in range(a1, a2 - 1):
                if hw[i] + hw[i + 1] in pw[b1:b2]:
                    found.append((" ".join(hw[max(0, i - 5):i]),
                                  "reads '%s%s' for '%s %s'" % (
                                      hw[i], hw[i + 1], hw[i], hw[i + 1])))
    return found


def visible_text(e):
    """An element's text without what is aria-hidden."""
    if e.get("aria-hidden") == "true":
        return ""
    t = [e.text or ""]
    for k in e:
        t.append(visible_text(k))
        t.append(k.tail or "")
    return "".join(t)


def whole_blocks(doc, elems, fonts):
    """Headings and paragraphs of the HTML that are not each one element
    of the structure tree (a paragraph over a page break read as two,
    a heading as two headings): [message].  Headings: the same texts
    at the same levels in the same order.  A paragraph (<p>): its text
    is the text of one element.  Text with a character no font has is
    left out (it is drawn as a box of hex digits)."""
    found = []
    ok = lambda t: all(ord(c) in fonts or c.isspace() for c in t)
    # (compared without spaces: a word longer than a line is broken,
    # and a break reads as a space)
    bare = lambda t: "".join(t.split())
    hh = [(e.tag[len(XHTML):].upper(), norm(visible_text(e)))
          for e in doc.iter() if re.fullmatch(XHTML + "h[1-6]", e.tag)]
    ph = [(e[0], e[1]) for e in elems if re.fullmatch(r"H[1-6]", e[0])]
    if len(hh) == len(ph):
        for a, b in zip(hh, ph):
            if ok(a[1]) and (a[0], bare(a[1])) != (b[0], bare(b[1])):
                found.append("heading %s '%s' in the HTML is %s '%s' in "
                             "the PDF" % (a[0], a[1][:60], b[0], b[1][:60]))
    else:
        found.append("%d headings in the HTML, %d in the structure tree"
                     % (len(hh), len(ph)))
    texts = set(bare(e[1]) for e in elems)
    for p in doc.iter(XHTML + "p"):
        t = norm(visible_text(p))
        if t and ok(t) and len(t) < 4000 and bare(t) not in texts:
            found.append("paragraph not one element: " + t[:70])
    return found


def main():
    pdf, html = sys.argv[1], sys.argv[2]
    pngcheck = sys.argv[3] if len(sys.argv) > 3 else None
    out = []

    # pdfinfo: tagged, A4, pages, title.
    rc, info, err = run("pdfinfo", pdf)
    if rc != 0:
        print("pdfinfo failed: " + err, file=sys.stderr)
        sys.exit(1)
    fields = dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", info, re.M))
    pages = int(fields.get("Pages", "0"))
    if fields.get("Tagged") != "yes":
        bad("not tagged")
    if not fields.get("Page size", "").startswith("595.276 x 841.89 pts (A4)"):
        bad("page size is " + fields.get("Page size", "?"))
    out.append("pages: %d" % pages)
    out.append("title: " + fields.get("Title", ""))
    out.append("author: " + fields.get("Author", ""))
    out.append("subject: " + fields.get("Subject", ""))

    # The XMP metadata (PDF/UA): well-formed, its title the Info title.
    rc, meta, _ = run("pdfinfo", "-meta", pdf)
    try:
        x = ET.fromstring(meta[meta.index("<x:xmpmeta"):meta.rindex("</x:xmpmeta>") + 12])
        ns = {"dc": "http://purl.org/dc/elements/1.1/",
              "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
        t = x.find(".//dc:title/rdf:Alt/rdf:li", ns)
        # (pdfinfo prints the title's first line only)
        if t is None or (t.text or "").split("\n")[0] != fields.get("Title", ""):
            bad("XMP dc:title is not the document's title")
    except (ValueError, ET.ParseError) as e:
        bad("no well-formed XMP metadata: %s" % e)

    # pdffonts: every font embedded.
    rc, fonts, _ = run("pdffonts", pdf)
    for line in fonts.splitlines()[2:]:
        cols = line.split()
        if len(cols) >= 5 and cols[-5] != "yes":
            bad("font not embedded: " + line)

    # qpdf --check.
    rc, chk, err = run("qpdf", "--check", pdf)
    if rc != 0 or "No syntax or stream encoding errors" not in chk:
        bad("qpdf --check: " + chk + err)

    # Every mark on a page is tagged content or an artifact.
    loose = untagged(pdf)
    for page, what in loose[:5]:
        bad("page %d: painted outside tags and artifacts: %s" % (page, what))
    if len(loose) > 5:
        bad("%d more things painted outside tags and artifacts" % (len(loose) - 5))

    # The catalogue and the structure tree, through qpdf --json.
    rc, js, err = run("qpdf", "--json", pdf)
    objs = json.loads(js)["qpdf"][1]

    def obj(ref):
        if isinstance(ref, str) and ref.endswith(" R"):
            o = objs.get("obj:" + ref, {})
            return o.get("value", o.get("stream", {}).get("dict"))
        return ref

    def text(v):
        v = obj(v)
        if isinstance(v, str) and v.startswith("u:"):
            return v[2:]
        return v if isinstance(v, str) else ""

    trailer = objs["trailer"]["value"]
    root = obj(trailer["/Root"])
    out.append("lang: " + text(root.get("/Lang")))
    if text(root.get("/Lang")) == "":
        bad("no /Lang")
    if obj(root.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        bad("no /DisplayDocTitle")
    if obj(root.get("/MarkInfo", {})).get("/Marked") is not True:
        bad("no /MarkInfo /Marked true")

    # Links: each has its text as /Contents and goes to a named
    # destination that exists (a name tree, as Cairo writes it).
    names = set()
    def nametree(node, depth=0):
        node = obj(node)
        if not isinstance(node, dict) or depth > 32:
            return
        arr = obj(node.get("/Names", []))
        for i in range(0, len(arr), 2):
            names.add(text(arr[i]))
        for k in obj(node.get("/Kids", [])):
            nametree(k, depth + 1)
    nametree(obj(root.get("/Names", {})).get("/Dests"))
    nlinks = 0
    for key, o in objs.items():
        v = o.get("value") if isinstance(o, dict) else None
        if isinstance(v, dict) and v.get("/Subtype") == "/Link":
            nlinks += 1
            if not text(v.get("/Contents")):
                bad("a link without /Contents")
            dest = text(v.get("/Dest"))
            if dest and dest not in names:
                bad("a link to a destination that is not there: " + dest)
    out.append("links: %d" % nlinks)

    # Outline.
    out.append("outline:")
    def outline(node, depth):
        k = obj(node.get("/First")) if node else None
        while k:
            out.append("  " * depth + "- " + text(k.get("/Title")))
            outline(k, depth + 1)
            k = obj(k.get("/Next"))
    outline(obj(root.get("/Outlines")), 1)

    # Structure: tables summed up, figures with their alt text.
    tree = obj(root.get("/StructTreeRoot"))
    if not tree:
        bad("no structure tree")
        tree = {}
    alts = []
    counts = {}

    def kids(e):
        k = obj(e.get("/K"))
        if isinstance(k, list):
            return [obj(x) for x in k]
        return [k] if k is not None else []

    def walk(e, depth):
        if not isinstance(e, dict) or "/S" not in e:
            return
        s = e["/S"][1:]
        counts[s] = counts.get(s, 0) + 1
        if s == "Private":
            bad("a Private element left in the structure tree")
        if s == "NonStruct":
            bad("a NonStruct element left in the structure tree (the rest "
                "of a paragraph on the next page, not merged)")
        if s == "Figure":
            alt = text(e.get("/Alt"))
            if not alt:
                bad("a Figure without alt text")
            alts.append(alt)
        if s == "Table":
            rows = [r for r in kids(e) if isinstance(r, dict) and r.get("/S") == "/TR"]
            th = sum(1 for r in rows for c in kids(r) if isinstance(c, dict) and c.get("/S") == "/TH")
            scopes = set(obj(c.get("/A", {})).get("/Scope", "") for r in rows
                         for c in kids(r) if isinstance(c, dict) and c.get("/S") == "/TH")
            if th == 0:
                bad("a Table without TH")
            if "" in scopes:
                bad("a TH without a scope")
            out.append("  " * depth + "Table: %d rows, %d TH" % (len(rows), th))
            return
        if depth <= 2 or s in ("H1", "H2", "H3", "H4", "Figure"):
            out.append("  " * depth + s)
        for k in kids(e):
            walk(k, depth + 1)

    out.append("structure:")
    for k in kids(tree):
        walk(k, 1)

    # The parent tree: each marked content's entry is its element (what
    # a reader finds from a word on the page), and each element's /P
    # its parent.
    ptree = {}

    def numtree(n, depth=0):
        n = obj(n)
        if not isinstance(n, dict) or depth > 32:
            return
        nums = obj(n.get("/Nums", []))
        for i in range(0, len(nums) - 1, 2):
            ptree[nums[i]] = obj(nums[i + 1])
        for k in obj(n.get("/Kids", [])):
            numtree(k, depth + 1)
    numtree(tree.get("/ParentTree"))
    spkey = {}
    for key, o in objs.items():
        v = o.get("value") if isinstance(o, dict) else None
        if isinstance(v, dict) and v.get("/Type") == "/Page":
            spkey[key[4:]] = v.get("/StructParents")
    wrong = []

    linkorder, linkann = [], []

    def ptwalk(ref, parent, depth):
        e = obj(ref)
        if not isinstance(e, dict) or "/S" not in e or depth > 64:
            return
        if e["/S"] == "/Link":
            linkorder.append(ref)
        if parent is not None and e.get("/P") != parent:
            wrong.append("%s %s: /P is not its parent" % (e["/S"], ref))
        k = e.get("/K")
        for x in (k if isinstance(k, list) else [] if k is None else [k]):
            mc = obj(x)
            if isinstance(x, int):
                pg, m = e.get("/Pg"), x
            elif isinstance(mc, dict) and "/MCID" in mc:
                pg, m = mc.get("/Pg", e.get("/Pg")), mc["/MCID"]
            elif isinstance(mc, dict) and "/Obj" in mc:
                # An annotation's: its key's entry is this element.
                key = obj(mc["/Obj"]).get("/StructParent")
                if e["/S"] == "/Link":
                    linkann.append((len(linkorder) - 1,
                                    text(obj(mc["/Obj"]).get("/Contents"))))
                if ptree.get(key) != ref and obj(ptree.get(key)) != e:
                    wrong.append("%s %s: its annotation's entry in the "
                                 "parent tree is another element"
                                 % (e["/S"], ref))
                continue
            else:
                ptwalk(x, ref, depth + 1)
                continue
            arr = ptree.get(spkey.get(pg))
            if not isinstance(arr, list) or m >= len(arr) or arr[m] != ref:
                wrong.append("%s %s: MCID %s of page %s has another "
                             "element in the parent tree" % (e["/S"], ref, m, pg))
    tk = tree.get("/K")
    for x in (tk if isinstance(tk, list) else [] if tk is None else [tk]):
        ptwalk(x, None, 0)
    for w in wrong[:5]:
        bad(w)
    out.append("counts: " + " ".join("%s=%d" % (k, counts[k]) for k in sorted(counts)))
    out.append("figures:")
    out.extend("  " + a for a in alts)

    # The text: every page after the first has the running head and
    # footer; the first has neither.
    rc, txt, _ = run("pdftotext", "-layout", pdf, "-")
    ptexts = txt.split("\f")
    title = fields.get("Title", "")
    for i in range(pages):
        t = ptexts[i] if i < len(ptexts) else ""
        foot = "Page %d of %d" % (i + 1, pages)
        if i == 0 and "Page 1 of" in t:
            bad("page 1 has a footer")
        if i > 0 and foot not in t:
            bad("page %d: no '%s'" % (i + 1, foot))

    # Pages held together: none but the last is left more than half
    # empty, unless what comes next could not fit on any page (it then
    # fills the next page to its foot).  How far down a page's body is
    # used: the lowest word between the running head and the footer (a
    # chart ends in its axis labels, a table in its last row).
    body_top, body_h = 62.0, 841.89 - 54.0 - 62.0
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True
                          ).stdout.decode("utf-8", "replace")
    fill = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S):
        low = body_top
        for y0, y1 in re.findall(r'<word [^>]*yMin="([\d.]+)" [^>]*yMax="([\d.]+)"', page):
            if float(y0) > 50 and float(y1) < 841.89 - 50:
                low = max(low, float(y1))
        fill.append((low - body_top) / body_h)
    # Nothing outside the page, and in the body's bottom margin only the
    # footer (the line of "Page N of M"): a word below the body is lost.
    body_bottom = 841.89 - 54.0
    for n, page in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S)):
        words = re.findall(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                           r'xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>', page)
        foot = [float(w[1]) for w in words if w[4] == "Page"
                and float(w[1]) > body_bottom]
        for x0, y0, x1, y1, w in words:
            x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
            if x0 < -0.5 or y0 < -0.5 or x1 > 595.276 + 0.5 or y1 > 841.89 + 0.5:
                bad("page %d: '%s' at x %.1f-%.1f y %.1f-%.1f is off the page"
                    % (n + 1, w[:20], x0, x1, y0, y1))
            elif x0 < 51.0 - 0.5 or x1 > 595.276 - 51.0 + 0.5:
                # The side margins (18 mm) are empty: a chart's words
                # stay in its box, the body's width.
                bad("page %d: '%s' at x %.1f-%.1f is in the side margin"
                    % (n + 1, w[:20], x0, x1))
            elif y1 > body_bottom + 1 and not any(abs(y0 - f) < 1 for f in foot):
                bad("page %d: '%s' at y %.1f-%.1f is below the body"
                    % (n + 1, w[:20], y0, y1))
    for i in range(len(fill) - 1):
        if fill[i] < 0.5 and fill[i + 1] < 0.9:
            bad("page %d is %d%% empty, and what follows fits a page"
                % (i + 1, round(100 * (1 - fill[i]))))

    # The HTML's words: each sentence and each [c] is in the PDF.
    doc = ET.parse(html).getroot()
    # A chart's words are drawn in the PDF too; its title and
    # description are its alt text, not text on the page.
    for svg in doc.iter(SVG + "svg"):
        for e in list(svg):
            if e.tag in (SVG + "title", SVG + "desc"):
                svg.remove(e)
    for tag in ("head", "summary"):
        for e in doc.iter(XHTML + tag):
            e.clear()
    htmltext = norm(" ".join(doc.itertext()))
    rc, raw, _ = run("pdftotext", pdf, "-")
    furniture = set([title[:40], fields.get("Author", "")])
    lines = [l for l in raw.splitlines()
             if not re.match(r"^Page \d+ of \d+$", l.strip())]
    pdftext = norm(" ".join(lines)).replace("\ufb01", "fi").replace("\ufb02", "fl")
    # The text of the structure tree, what a screen reader reads: each
    # element's text as pdfinfo gives it, joined.
    rc, st, _ = run("pdfinfo", "-struct-text", pdf)
    elems, texts = struct_read(st)
    tagged = norm(" ".join(t for t, _ in texts))
    hdoc = ET.parse(html).getroot()  # (doc above has been pruned)
    fonts = covered()
    # What the HTML hides from a screen reader, the PDF does not read.
    loud = read_aloud(hdoc, struct_words(texts))
    for before, w in loud[:5]:
        bad("the structure tree %s after '%s'" % (w, before))
    if len(loud) > 5:
        bad("%d more words read that the HTML hides or glued"
            % (len(loud) - 5))
    for m in whole_blocks(hdoc, elems, fonts)[:10]:
        bad(m)
    # Each link of the HTML (to a place in it) is one Link element, a
    # link's text over a page break too.
    hids = set(e.get("id") for e in hdoc.iter() if e.get("id"))
    hl = 0

    def links(e):
        cls = (e.get("class") or "").split()
        if (e.tag in (XHTML + "head", XHTML + "summary") or
                e.tag.startswith(SVG) or e.get("hidden") is not None or
                "skip" in cls or "no-pdf" in cls):
            return 0
        h = e.get("href") or "" if e.tag == XHTML + "a" else ""
        return (h.startswith("#") and h[1:] in hids) + sum(links(k) for k in e)
    hl = links(hdoc)
    plinks = [e[1] for e in elems if e[0] == "Link"]
    if hl != len(plinks):
        bad("%d links in the HTML, %d Link elements in the PDF"
            % (hl, len(plinks)))
    # Each annotation of a link has the link's whole text as /Contents
    # (a link over a page break has two annotations).
    elif len(plinks) == len(linkorder):
        for i, c in linkann:
            if "".join(c.split()) != "".join(plinks[i].split()):
                bad("a link's annotation has '%s' as /Contents, its text "
                    "is '%s'" % (c[:40], plinks[i][:40]))
                break
    nsent = 0
    want = collections.Counter()
    for e in doc.iter():
        if "sentence" in (e.get("class") or "").split():
            s = norm("".join(e.itertext()))
            nsent += 1
            if s and s not in pdftext:
                # A paragraph over a page break has the head between.
                if s[:60] not in pdftext:
                    bad("sentence missing: " + s[:80])
            if s:
                want[s[:60]] += 1
    # (as often as the HTML has it: the summary's lists repeat a
    # section's sentence)
    for s, k in sorted(want.items()):
        if tagged.count(s) < k:
            bad("sentence %d times in the HTML, %d in the structure tree: %s"
                % (k, tagged.count(s), s))
    # Every row of a table: its header cell (a period) is in the PDF.
    # A character no font has is drawn as a box of its code's hex
    # digits: the letters and digits either side of it are looked for.
    flat = "".join(c for c in pdftext if c.isalnum())
    for t in doc.iter(XHTML + "table"):
        for tb in t.iter(XHTML + "tbody"):
            for tr in tb.iter(XHTML + "tr"):
                for th in tr.iter(XHTML + "th"):
                    # (a cell is cut at 600 bytes, a long word broken,
                    # an emoji may be drawn as a box: letters and digits)
                    s = "".join(c if ord(c) in fonts else " "
                                for c in "".join(th.itertext()))
                    s = "".join(c for c in s if c.isalnum() or c == " ")
                    for piece in s[:40].split():
                        if piece not in flat:
                            bad("table row missing: " + s[:80])
                            break
                    break
    # Every figure of a table is whole in the PDF: a number is never
    # broken over two lines of its cell ("52.0" as "52" and ".0").
    # Counted: the PDF has each figure at least as often as the tables.
    pdfwords = collections.Counter(
        w.strip(";,:()") for w in re.findall(r'<word [^>]*>([^<]*)</word>', bbox))
    figs = collections.Counter()
    for t in doc.iter(XHTML + "table"):
        for tb in t.iter(XHTML + "tbody"):
            for td in tb.iter(XHTML + "td"):
                v = "".join(td.itertext()).strip()
                if re.fullmatch(r"-?[\d,]*\d(\.\d+)?%?", v) and len(v) > 1:
                    figs[v] += 1
    for v, k in sorted(figs.items()):
        if pdfwords[v] < k:
            bad("figure %s: %d times in the tables, %d whole in the PDF"
                % (v, k, pdfwords[v]))
    nc_html = htmltext.count("[c]")
    nc_pdf = pdftext.count("[c]")
    out.append("sentences: %d, [c]: %d" % (nsent, nc_pdf))
    if nc_html != nc_pdf:
        bad("[c] %d times in the HTML, %d in the PDF" % (nc_html, nc_pdf))

    # Pages as a reader's viewer draws them: decoded, A4 at 36 dpi.
    if pngcheck:
        with tempfile.TemporaryDirectory() as d:
            rc, _, err = run("pdftoppm", "-r", "36", "-png", pdf, d + "/p")
            if rc != 0:
                bad("pdftoppm: " + err)
            for i in range(1, pages + 1):
                name = "%s/p-%0*d.png" % (d, len(str(pages)), i)
                rc, dim, err = run(pngcheck, name)
                if not dim.startswith("298x421"):
                    bad("page %d renders as %s%s" % (i, dim.strip(), err.strip()))

    print("\n".join(out))
    for e in errors:
        print("pdfcheck: %s: %s" % (pdf, e), file=sys.stderr)
    sys.exit(1 if errors else 0)


main()
