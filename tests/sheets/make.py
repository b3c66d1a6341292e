#!/usr/bin/python3
"""Workbooks for the spreadsheet tests, written into OUTDIR.

Made at test time, not committed: openpyxl (Debian's python3-openpyxl)
writes them as other software does, and a raw writer below makes the parts
openpyxl never writes (inline strings, rich text runs with phonetic runs,
formulas with cached values, cells without references, a prefixed
namespace) and the hostile files (a zip bomb, names with ../, a DTD, a
truncated zip).  tests/run.sh checks what scorecard makes of each against
the expected files in tests/sheets/ and tests/errors/.

usage: make.py OUTDIR
"""
import datetime
import io
import os
import sys
import warnings
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def report_sheet(wb, title="Corporate Parenting Board", period="2022-01"):
    ws = wb.create_sheet("Report")
    ws.append(["title", title])
    ws.append(["organisation", "Northfield Borough Council"])
    ws.append(["period", period])
    ws.append(["published", datetime.date(2022, 2, 15)])
    ws["B4"].number_format = "d mmmm yyyy"
    ws.append(["introduction", "First paragraph.\n\nSecond paragraph."])
    # A merged range: the value is in its top-left cell.
    ws.merge_cells("B5:D5")
    return ws


def openpyxl_book(path, epoch1904=False):
    """The usual workbook: date headings, percentages, merged cells,
    a hidden sheet, an unknown sheet, sheets in an odd order."""
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ind = wb.active
    ind.title = "Indicators"
    months = [datetime.date(2021, m, 1) for m in (10, 11, 12)] + \
        [datetime.date(2022, 1, 1)]
    ind.append(["ID", " Title ", "unit", "better", "target", "amber",
                "comparator", "Section"] + months + ["commentary"])
    for i, cell in enumerate(ind[1][8:12]):
        cell.number_format = "mmm-yy" if i % 2 == 0 else "mmmm yyyy"
        cell.font = Font(bold=True)
    ind.append(["cla-count", "Children looked after", "count", "lower",
                450, 480, None, "Demand", 531, 517, None, "500 [p]",
                "Falling since September 2020."])
    ind.append(["cla-count", None, None, None, None, None, "sn", None,
                99.5, 100.25, 101, 102])
    ind.append(["stability", "Placement stability", "percent", "higher",
                0.7, None, None, "Stability", 0.681, 0.69, "[x]", 0.7])
    for c in ind[4][8:12]:
        c.number_format = "0.0%"
    ind["E4"].number_format = "0%"
    ind.append([])          # a blank row is skipped
    ind.append(["care-leavers", "Care leavers in touch", "number",
                None, None, None, None, "Leaving care", 12, "x", "..", 15])
    rep = report_sheet(wb)
    wb.move_sheet(rep, offset=-1)       # Report after Indicators? first.
    cmp = wb.create_sheet("Comparators")
    cmp.append(["id", "label"])
    cmp.append(["sn", "Statistical neighbours"])
    bd = wb.create_sheet("Breakdowns")
    bd.append(["id", "title", "period", "label", "value"])
    bd.append(["cla-count", "Why children left care", "Jan 2022",
               "Adopted", 4])
    bd.append(["cla-count", None, None, "Turned 18", 8])
    hid = wb.create_sheet("Lookup")
    hid.sheet_state = "hidden"
    hid.append(["anything", 1])
    notes = wb.create_sheet("Notes")
    notes.append(["not read, with a warning"])
    det = wb.create_sheet("Details")
    det.append(["id", "comparator", "period", "note", "numerator",
                "denominator"])
    det.append(["stability", None, "2021-10", "Revised", 68, 100])
    wb.save(path)


def errors_book(path):
    """Every kind of cell problem, each at a known cell."""
    wb = openpyxl.Workbook()
    ind = wb.active
    ind.title = "Indicators"
    ind.append(["id", "title", "unit", "target", "Jan 2022", "Feb 2022",
                "Feb-22", "Sales", "2022-03"])
    ind.append(["a", "A", "count", "high", 1, "n/a", None, None, "=1+1"])
    ind.append(["b", "B", "furlongs", 3, 1, 2, None, None, 5])
    ind.append(["b", None, None, None, 1, 2, None, None, 3])
    ind.append(["c", None, "count", None, None, None, None, None, None])
    ind.append(["Bad Id", "D", "count", None, 1, None, None, None, None])
    ind.append(["e", "E", "count", None, "#N/A", None, None, None, None])
    ind["E7"].data_type = "e"
    ind.append([None, None, None, None, None, None, None, None, None])
    ind["J2"] = "stray"
    rep = wb.create_sheet("Report")
    rep.append(["title", "T"])
    rep.append(["organisation", "O"])
    rep.append(["period", "Smarch 2022"])
    bd = wb.create_sheet("Breakdowns")
    bd.append(["id", "label", "value"])
    bd.append(["zzz", "x", 1])
    wb.save(path)


# The raw writer: every part as text, for what openpyxl never writes.

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/'
      'xml"/><Default Extension="rels" ContentType="application/vnd.'
      'openxmlformats-package.relationships+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" '
        'Target="book/main.xml"/></Relationships>')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def raw_zip(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in parts:
            z.writestr(name, data)


def raw_parts(sheets, sst, styles=None, date1904=False, workbook=None):
    """sheets: (name, state, xml body of sheetData) in workbook order."""
    wb = ['<?xml version="1.0" encoding="UTF-8"?>\n'
          '<x:workbook xmlns:x="%s" xmlns:r="%s">' % (NS, R)]
    if date1904:
        wb.append('<x:workbookPr date1904="true"/>')
    wb.append('<x:sheets>')
    rels = ['<?xml version="1.0"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">']
    parts = []
    for i, (name, state, body) in enumerate(sheets):
        st = ' state="%s"' % state if state else ''
        wb.append('<x:sheet name="%s" sheetId="%d"%s r:id="rS%d"/>' %
                  (name, i + 1, st, i))
        rels.append('<Relationship Id="rS%d" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/'
                    'worksheet" Target="../sheets/s%d.xml"/>' % (i, i))
        parts.append(("sheets/s%d.xml" % i,
                      '<?xml version="1.0"?>\n<x:worksheet xmlns:x="%s">'
                      '<x:sheetData>%s</x:sheetData></x:worksheet>' %
                      (NS, body)))
    wb.append('</x:sheets></x:workbook>')
    rels.append('<Relationship Id="rSST" Type="http://schemas.openxmlformats'
                '.org/officeDocument/2006/relationships/sharedStrings" '
                'Target="/book/strings.xml"/>')
    if styles:
        rels.append('<Relationship Id="rSty" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/'
                    'styles" Target="styles.xml"/>')
    rels.append('</Relationships>')
    sstxml = '<?xml version="1.0"?>\n<sst xmlns="%s">%s</sst>' % (
        NS, "".join(sst))
    out = [("[Content_Types].xml", CT), ("_rels/.rels", RELS),
           ("book/main.xml", workbook or "".join(wb)),
           ("book/_rels/main.xml.rels", "".join(rels)),
           ("book/strings.xml", sstxml)] + parts
    if styles:
        out.append(("book/styles.xml", styles))
    return out


STYLES = ('<?xml version="1.0"?>\n<styleSheet xmlns="%s"><numFmts count="2">'
          '<numFmt numFmtId="164" formatCode="[$-809]mmm\\-yy;@"/>'
          '<numFmt numFmtId="165" formatCode="&quot;day &quot;dd/mm/yyyy"/>'
          '</numFmts><cellStyleXfs count="1"><xf numFmtId="10"/>'
          '</cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/>'
          '<xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="165"/>'
          '<xf numFmtId="17"/></cellXfs></styleSheet>' % NS)


def raw_book(path):
    """Shared strings with rich runs and phonetic runs, inline strings,
    formulas with cached values, cells with no r, 1904 dates, sheets in
    an odd order, a very hidden sheet."""
    sst = ['<si><t>id</t></si>',                                  # 0
           '<si><r><t>ti</t></r><r><rPr><b/></rPr><t>tle</t></r></si>',
           '<si><t>unit</t></si>',                                # 2
           '<si><t xml:space="preserve">rate</t><rPh sb="0" eb="1">'
           '<t>IGNORED</t></rPh><t>10k</t></si>',                 # 3
           '<si><r><t xml:space="preserve">Rate of </t></r><r><t>'
           'referrals &amp; re-referrals</t></r></si>',           # 4
           '<si><t>Q3 2021/22</t></si>',                          # 5
           '<si/>']                                               # 6
    # 1904 system: 2021-12-01 is serial 43069, 2022-01-01 43100.
    ind = ('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>'
           '<x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c>'
           '<x:c r="D1" s="1"><x:v>43069</x:v></x:c>'
           '<x:c s="4"><x:v>43100</x:v></x:c>'
           '<x:c t="s"><x:v>5</x:v></x:c>'
           '<x:c r="G1" s="3"><x:v>43101</x:v></x:c>'
           '<x:c r="H1" t="inlineStr"><x:is><x:t>code</x:t></x:is></x:c>'
           '</x:row>'
           '<x:row><x:c r="A2" t="inlineStr"><x:is><x:t>ref</x:t></x:is>'
           '</x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c>'
           '<x:c r="C2" t="s"><x:v>3</x:v></x:c>'
           '<x:c r="D2"><x:f>1+2</x:f><x:v>3.5</x:v></x:c>'
           '<x:c r="E2" t="inlineStr"><x:is><x:r><x:t>4</x:t></x:r><x:r>'
           '<x:t xml:space="preserve"> [p]</x:t></x:r></x:is></x:c>'
           '<x:c r="F2" t="s"><x:v>6</x:v></x:c>'
           '<x:c r="G2"><x:v>7</x:v></x:c>'
           '<x:c r="H2" t="str"><x:f>UPPER("rf1")</x:f><x:v>RF1</x:v>'
           '</x:c></x:row>')
    rep = ('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Title</x:t>'
           '</x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Raw</x:t>'
           '</x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr">'
           '<x:is><x:t>organisation</x:t></x:is></x:c><x:c r="B2" '
           't="inlineStr"><x:is><x:t>Org</x:t></x:is></x:c></x:row>'
           '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>period</x:t>'
           '</x:is></x:c><x:c r="B3" s="1"><x:v>43100</x:v></x:c></x:row>')
    raw_zip(path, raw_parts([("Secret", "veryHidden", ""),
                             ("indicators ", None, ind),
                             ("REPORT", None, rep)], sst, STYLES,
                            date1904=True))


def hostile(out):
    """Files that are not workbooks scorecard reads."""
    good = os.path.join(out, "good.xlsx")
    openpyxl_book(good)
    data = open(good, "rb").read()
    open(os.path.join(out, "truncated.xlsx"), "wb").write(
        data[:len(data) // 2])
    # Bytes changed inside the first part's deflated data: a CRC error.
    bad = bytearray(data)
    at = data.index(b"xl/worksheets/sheet1.xml") + 40
    for i in range(at, at + 30):
        bad[i] ^= 0x55
    open(os.path.join(out, "corrupt.xlsx"), "wb").write(bytes(bad))
    # A zip bomb: 64 MiB of one byte, a ratio of about 1000.
    with zipfile.ZipFile(os.path.join(out, "bomb.xlsx"), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for name, d in raw_parts([("Indicators", None, "")], []):
            z.writestr(name, d)
        z.writestr("xl/worksheets/sheet9.xml", b"\0" * (64 << 20))
    raw_zip(os.path.join(out, "escape.xlsx"),
            raw_parts([("Indicators", None, "")], []) +
            [("../../etc/cron.d/evil", "x")])
    raw_zip(os.path.join(out, "absolute.xlsx"),
            raw_parts([("Indicators", None, "")], []) +
            [("/tmp/evil", "x")])
    raw_zip(os.path.join(out, "ods.xlsx"),
            [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
             ("content.xml", "<office:document-content/>")],
            zipfile.ZIP_STORED)
    raw_zip(os.path.join(out, "notbook.xlsx"), [("readme.txt", "hello")])
    dtd = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM '
           '"file:///etc/passwd">]><workbook xmlns="%s"><sheets><sheet '
           'name="&e;"/></sheets></workbook>' % NS)
    raw_zip(os.path.join(out, "xxe.xlsx"),
            raw_parts([("Indicators", None, "")], [], workbook=dtd))
    # One shared string of 1 MiB (varied, so the ratio stays under 200)
    # named by 70 cells: 70 MiB of copies, past the 64 MiB cap.
    big = "".join("A" * 120 + "%08d" % i for i in range(8192))
    rows = "".join('<x:row r="%d"><x:c r="A%d" t="s"><x:v>0</x:v></x:c>'
                   '</x:row>' % (r, r) for r in range(1, 71))
    raw_zip(os.path.join(out, "sstamp.xlsx"),
            raw_parts([("Indicators", None, rows)],
                      ["<si><t>%s</t></si>" % big]))
    # A shared string index past the end.
    raw_zip(os.path.join(out, "sstoob.xlsx"),
            raw_parts([("Indicators", None, '<x:row r="2"><x:c r="C2" '
                        't="s"><x:v>5</x:v></x:c></x:row>')], []))
    raw_zip(os.path.join(out, "badxml.xlsx"),
            raw_parts([("Indicators", None, "<x:row><x:c>")], []))
    # OLE2 compound files: an old .xls, and Office's encrypted package
    # (what Excel saves with a password), told apart by the stream name.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    open(os.path.join(out, "old.xls"), "wb").write(
        ole + "Workbook".encode("utf-16-le") + b"\0" * 1000)
    open(os.path.join(out, "password.xlsx"), "wb").write(
        ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 +
        "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)


def _c(ref, v):
    """A raw cell: text inline, numbers as numbers, None left out."""
    if v is None:
        return ""
    if isinstance(v, str):
        return '<x:c r="%s" t="inlineStr"><x:is><x:t>%s</x:t></x:is></x:c>' % (
            ref, v)
    return '<x:c r="%s"><x:v>%s</x:v></x:c>' % (ref, v)


def _col(j):
    s = ""
    while j > 0:
        j, m = divmod(j - 1, 26)
        s = chr(65 + m) + s
    return s


def _rows(rows, first=1):
    return "".join('<x:row r="%d">%s</x:row>' % (
        i, "".join(_c("%s%d" % (_col(j), i), v)
                   for j, v in enumerate(row, 1)))
        for i, row in enumerate(rows, first))


def scans(out):
    """Workbooks past a limit that must be refused before any costly
    work."""
    rep = _rows([["title", "Scan"], ["organisation", "O"],
                 ["period", "2022-01"]])
    # Cell references Excel never writes, a cell given twice, a row
    # number past Excel's.
    for name, body in [
            ("ref-lower", '<x:row r="2"><x:c r="d2"><x:v>1</x:v></x:c>'
                          '</x:row>'),
            ("ref-range", '<x:row r="2"><x:c r="XFE2"><x:v>1</x:v></x:c>'
                          '</x:row>'),
            ("ref-twice", '<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c>'
                          '<x:c r="C2"><x:v>2</x:v></x:c></x:row>'
                          '<x:row r="2"><x:c r="B2"><x:v>3</x:v></x:c>'
                          '</x:row>'),
            ("ref-row", '<x:row r="4294967298"><x:c><x:v>1</x:v></x:c>'
                        '</x:row>')]:
        raw_zip(os.path.join(out, name + ".xlsx"),
                raw_parts([("Indicators", None, body)], []))
    # Number cells strtod() reads but Excel never writes, and a cell
    # type Excel does not have.
    head = ('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t>'
            '</x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>title</x:t>'
            '</x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>2022-01'
            '</x:t></x:is></x:c></x:row>')
    for name, cell in [("num-nan", '<x:c r="C2"><x:v>nan</x:v></x:c>'),
                       ("num-hex", '<x:c r="C2"><x:v>0x10</x:v></x:c>'),
                       ("num-huge", '<x:c r="C2"><x:v>1e999</x:v></x:c>'),
                       ("type-zz", '<x:c r="C2" t="zz"><x:v>1</x:v></x:c>')]:
        raw_zip(os.path.join(out, name + ".xlsx"),
                raw_parts([("Indicators", None, head + '<x:row r="2">'
                            '<x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t>'
                            '</x:is></x:c>' + cell + '</x:row>')], []))
    # A comparator id given twice.
    raw_zip(os.path.join(out, "comp-twice.xlsx"),
            raw_parts([("Comparators", None, _rows(
                [["id", "label"], ["sn", "Neighbours"], ["sn", "Again"]])),
                       ("Indicators", None, _rows(
                           [["id", "title", "unit", "2022-01"],
                            ["a", "A", "count", 1]]))], []))
    # An element of 1,001 attributes (libxml2 compares them pairwise).
    raw_zip(os.path.join(out, "attrs.xlsx"),
            raw_parts([("Indicators", None, '<x:row r="1" %s/>' % " ".join(
                'a%d="1"' % i for i in range(1000)))], []))
    # 1,001 indicators: refused at the row past the limit.
    raw_zip(os.path.join(out, "many.xlsx"),
            raw_parts([("Report", None, rep), ("Indicators", None, _rows(
                [["id", "title", "unit", "2022-01"]] +
                [["i%d" % k, "T", "count", 1] for k in range(1001)]))], []))


def leftovers(out):
    """Workbooks for what the red team of issue 12 left: messages in our
    words, names cut, dates shown as dates, names that clash."""
    rep = _rows([["title", "Leftovers"], ["organisation", "O"],
                 ["period", "2022-01"]])
    ind = _rows([["id", "title", "unit", "2022-01"], ["a", "A", "count", 1]])
    # A sheet of 101 bytes of name: the warning cuts it at 40 bytes,
    # between characters (byte 40 is inside an e acute).
    raw_zip(os.path.join(out, "long-name.xlsx"),
            raw_parts([("Report", None, rep), ("Indicators", None, ind),
                       ("Notes for the board: " + "\u00e9" * 40, None,
                        "")], []))
    # Date headings and a date report period that are no period: shown
    # in messages as the dates Excel shows (9999-12-31, Lotus's
    # 1900-02-29), not as serial numbers.  Styles: 1 is mmm-yy, 3 a day.
    def d(ref, serial, style):
        return '<x:c r="%s" s="%d"><x:v>%d</x:v></x:c>' % (ref, style, serial)
    dind = ('<x:row r="1">%s%s%s%s%s%s</x:row>' % (
        _c("A1", "id"), _c("B1", "title"), _c("C1", "unit"),
        d("D1", 2958465, 3), d("E1", 60, 1), d("F1", 44562, 1)) +
        _rows([["a", "A", "count", 1, 2, 3]], 2))
    drep = _rows([["title", "Dates"], ["organisation", "O"]]) + (
        '<x:row r="3">%s%s</x:row>' % (_c("A3", "period"), d("B3", 60, 3)))
    raw_zip(os.path.join(out, "date-serials.xlsx"),
            raw_parts([("Report", None, drep), ("Indicators", None, dind)],
                      [], STYLES))
    # Two sheets whose names match but for case and spaces: the first is
    # read, the second warned about (the twin's value would differ).
    twin = _rows([["id", "title", "unit", "2022-01"], ["a", "B", "count", 2]])
    raw_zip(os.path.join(out, "twin-sheets.xlsx"),
            raw_parts([("Report", None, rep), ("Indicators", None, ind),
                       (" indicators ", None, twin)], []))
    # Two parts whose names differ only in case (one part to Excel), and
    # two of the same name (libzip's "File already exists").
    parts = raw_parts([("Report", None, rep), ("Indicators", None, ind)], [])
    raw_zip(os.path.join(out, "zip-case.xlsx"),
            parts + [("SHEETS/S1.XML", dict(parts)["sheets/s1.xml"])])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # zipfile: "Duplicate name"
        raw_zip(os.path.join(out, "zip-twice.xlsx"),
                parts + [("sheets/s1.xml", dict(parts)["sheets/s1.xml"])])
    # Shared-string indexes strtoul() reads but Excel never writes.
    for name, v in [("sst-space", " 0"), ("sst-plus", "+0")]:
        raw_zip(os.path.join(out, name + ".xlsx"),
                raw_parts([("Report", None, rep), ("Indicators", None,
                           _rows([["id", "title", "unit", "2022-01"]]) +
                           '<x:row r="2">%s<x:c r="B2" t="s"><x:v>%s</x:v>'
                           '</x:c>%s%s</x:row>' % (_c("A2", "a"), v,
                                                   _c("C2", "count"),
                                                   _c("D2", 1)))],
                          ["<si><t>A</t></si>"]))
    # An empty cell reference (r=""), and an empty row number: refused as
    # other bad references are, not read as "the next cell" or row.
    for name, row in [("ref-empty", '<x:row r="2">%s<x:c r=""><x:v>1</x:v>'
                                    '</x:c></x:row>'),
                      ("row-empty", '<x:row r="">%s<x:c r="D2"><x:v>1'
                                    '</x:v></x:c></x:row>')]:
        raw_zip(os.path.join(out, name + ".xlsx"),
                raw_parts([("Report", None, rep), ("Indicators", None,
                           _rows([["id", "title", "unit", "2022-01"]]) +
                           row % "".join((_c("A2", "a"), _c("B2", "A"),
                                          _c("C2", "count"))))], []))
    # A comparator cell holding an error value (#N/A) named no
    # comparator and crashed the reader: now reported at its cell.
    raw_zip(os.path.join(out, "comp-error.xlsx"),
            raw_parts([("Report", None, rep),
                       ("Comparators", None, _rows([["id", "label"],
                                                    ["sn", "SN"]])),
                       ("Indicators", None, _rows(
                           [["id", "title", "unit", "comparator", "2022-01"],
                            ["a", "A", "count", None, 1]]) +
                        '<x:row r="3">%s<x:c r="D3" t="e"><x:v>#N/A</x:v>'
                        '</x:c>%s</x:row>' % (_c("A3", "a"), _c("E3", 2)))],
                      []))
    # Comparator rows given twice for one indicator (the first named,
    # whatever the spaces), the same comparator for another indicator
    # (not twice), and a period heading given three times (both later
    # ones name the first): found by index and hash, as before by scans.
    cmp = _rows([["id", "label"], ["sn", "SN"], ["eng", "England"]])
    twice = _rows([["id", "title", "unit", "comparator", "2022-01",
                    "Jan 2022", "2022-02", "2022-01"],
                   ["a", "A", "count", None, 1, None, 2],
                   ["a", None, None, "sn", 3, None, 4],
                   ["b", "B", "count", None, 5, None, 6],
                   ["a", None, None, "eng", 7, None, 8],
                   ["b", None, None, "sn", 9, None, 10],
                   ["a", None, None, " sn ", 11, None, 12],
                   ["a", None, None, "eng", 13, None, 14]])
    raw_zip(os.path.join(out, "comp-rows-twice.xlsx"),
            raw_parts([("Report", None, rep), ("Comparators", None, cmp),
                       ("Indicators", None, twice)], []))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    openpyxl_book(os.path.join(out, "openpyxl.xlsx"))
    openpyxl_book(os.path.join(out, "openpyxl-1904.xlsx"), epoch1904=True)
    raw_book(os.path.join(out, "raw.xlsx"))
    errors_book(os.path.join(out, "errors.xlsx"))
    hostile(out)
    scans(out)
    leftovers(out)


if __name__ == "__main__":
    main()
