#!/usr/bin/env python3
"""Checks report.eml's size warning and --mail-no-charts (tests/run.sh).

  mailsize.py EML ERR charts|charts+pdf TAIL
      ERR (scorecard's standard error) is exactly one line,
      "scorecard: report.eml: warning: the message is X MB (its N charts
      Y MB[ and report.pdf Z MB] of it), TAIL" (TAIL a regular
      expression), where X is EML's size, N its PNG parts and Y, Z what
      they and the PDF take in it, in MB to 0.1.
  mailsize.py EML - nocharts IDS [URL]
      EML has no image part and no cid: URL; its HTML says of each
      indicator of the file IDS (one id a line) that its chart is in the
      full report, linked to URL#ind-<id> if URL is given (and links to
      URL at the top, and its text ends with it), else with no link.
Prints what is wrong; exits 1 if anything is."""
import email, email.policy, re, sys


def mb(n):
    return "%.1f" % (n / 1e6)


def body_size(n):
    # base64 in lines of 76 characters (57 bytes) and CRLF, then the rest
    r = n % 57
    return n // 57 * 78 + ((r + 2) // 3 * 4 + 2 if r else 0)


def parts(msg):
    imgs = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    pdfs = [p for p in msg.walk() if p.get_content_type() == "application/pdf"]
    return imgs, pdfs


def warn(raw, msg, err, kind, tail):
    bad = []
    lines = open(err).read().splitlines()
    if len(lines) != 1:
        return ["expected one line of warning, got %d" % len(lines)]
    imgs, pdfs = parts(msg)
    ib = sum(body_size(len(p.get_content())) for p in imgs)
    want = "its %d charts %s MB" % (len(imgs), mb(ib))
    if kind == "charts+pdf":
        if len(pdfs) != 1:
            bad.append("expected report.pdf attached")
        else:
            want += " and report.pdf %s MB" % mb(body_size(len(pdfs[0].get_content())))
    pat = ("scorecard: report\\.eml: warning: the message is %s MB \\(%s of "
           "it\\), %s$" % (re.escape(mb(len(raw))), re.escape(want), tail))
    if not re.match(pat, lines[0]):
        bad.append("warning:\n  %s\nexpected to match:\n  %s" % (lines[0], pat))
    return bad


def nocharts(msg, ids, url):
    bad = []
    imgs, _ = parts(msg)
    if imgs:
        bad.append("%d image parts" % len(imgs))
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    if "cid:" in html:
        bad.append("a cid: URL in the HTML")
    n = len(re.findall(r"The chart of [^<]* is in the full report", html))
    if n != len(ids):
        bad.append("%d charts said to be in the full report, expected %d"
                   % (n, len(ids)))
    for i in ids:
        link = 'href="%s#ind-%s"' % (url, i)
        if url and link not in html:
            bad.append("no link %s" % link)
    if url:
        if 'href="%s"' % url not in html:
            bad.append("no link to the report at the top")
        if not text.endswith("The full report, with its charts: %s\n" % url):
            bad.append("the text does not end with the report's address")
    else:
        if re.search(r'href="https?:', html) or "The full report" in text:
            bad.append("a link to the report without --mail-link")
    return bad


def main(argv):
    raw = open(argv[1], "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    if argv[2] != "-":
        bad = warn(raw, msg, argv[2], argv[3], argv[4])
    else:
        ids = open(argv[4]).read().split()
        if not ids:
            bad = ["no ids"]
        else:
            bad = nocharts(msg, ids, argv[5] if len(argv) > 5 else "")
    print("\n".join(bad))
    return 1 if bad else 0


sys.exit(main(sys.argv))
