#!/usr/bin/env python3
"""Checks a report.eml with an independent MIME parser (Python's email
package): the structure mail clients need, every cid: resolved, every
image a PNG that decodes (zlib stream complete), base64 lines of at most
76 characters, and an HTML part under 100 KB (Gmail clips larger).
Prints one line per failed check; exits 1 if any failed."""
import email, email.policy, re, struct, sys, zlib

def png_ok(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "not a PNG signature"
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]:
            return "bad CRC in %s" % kind
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    if len(raw) != h * (1 + w * 3):
        return "decoded %d bytes, expected %d" % (len(raw), h * (1 + w * 3))
    return None

def main(path):
    bad = []
    raw = open(path, "rb").read()
    for i, line in enumerate(raw.split(b"\r\n")):
        if len(line) > 998:
            bad.append("line %d longer than 998" % (i + 1))
        elif re.fullmatch(rb"[A-Za-z0-9+/=]{77,}", line):
            bad.append("line %d: base64 over 76 characters" % (i + 1))
    if b"\n" in raw.replace(b"\r\n", b""):
        bad.append("a bare LF: lines must end in CRLF")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        if msg[h] is None:
            bad.append("no %s header" % h)
    # Exactly the headers scorecard writes: text from the input (the title
    # in Subject) must never end a header and start another.
    for h in msg.keys():
        if h not in ("From", "To", "Subject", "Date", "Message-ID",
                     "MIME-Version", "Content-Type"):
            bad.append("unexpected header %s (injected?)" % h)
    if msg.get_content_type() == "multipart/mixed":
        # --mail-attach-pdf: the message, then report.pdf attached.
        top = msg.get_payload()
        if len(top) != 2 or top[1].get_content_type() != "application/pdf" \
                or top[1].get_filename() != "report.pdf" \
                or not top[1].get_content().startswith(b"%PDF-"):
            bad.append("mixed holds %s" % [p.get_content_type() for p in top])
            print("\n".join(bad)); return 1
        msg = top[0]
    if msg.get_content_type() != "multipart/alternative":
        bad.append("top is %s" % msg.get_content_type())
        print("\n".join(bad)); return 1
    parts = msg.get_payload()
    if [p.get_content_type() for p in parts] != ["text/plain", "multipart/related"]:
        bad.append("alternative holds %s" % [p.get_content_type() for p in parts])
        print("\n".join(bad)); return 1
    text = parts[0].get_content()
    if "Summary" not in text:
        bad.append("text part has no summary")
    rel = parts[1].get_payload()
    if rel[0].get_content_type() != "text/html":
        bad.append("related starts with %s" % rel[0].get_content_type())
    html = rel[0].get_content()
    if len(html.encode()) >= 100 * 1024:
        bad.append("HTML part is %d bytes, over 100 KB" % len(html.encode()))
    if re.search(r"<svg|<script|data:", html, re.I):
        bad.append("HTML part has SVG, script or a data: URI")
    cids = {}
    for p in rel[1:]:
        if p.get_content_type() != "image/png":
            bad.append("related part %s" % p.get_content_type())
            continue
        if p["Content-Disposition"] is None or not str(p["Content-Disposition"]).startswith("inline"):
            bad.append("image not inline")
        cid = str(p["Content-ID"]).strip("<>")
        try:
            why = png_ok(p.get_content())
        except Exception as e:
            why = "does not decode: %s" % e
        if why:
            bad.append("image %s: %s" % (cid, why))
        cids[cid] = p
    used = re.findall(r'src="cid:([^"]+)"', html)
    for c in used:
        if c not in cids:
            bad.append("cid:%s does not resolve" % c)
    if not used and cids:
        bad.append("HTML uses none of the images")
    for c in cids:
        if c not in used:
            bad.append("image %s is not used" % c)
    print("\n".join(bad))
    return 1 if bad else 0

try:
    sys.exit(main(sys.argv[1]))
except Exception as e:
    print("cannot parse %s: %s" % (sys.argv[1], e))
    sys.exit(1)
