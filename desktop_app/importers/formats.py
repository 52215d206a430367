"""Telling a spreadsheet's format from its content (never from its name) and reading its sheets as rows: workbooks
(.xlsx, .xlsm, .xlsb, .xls, .ods) with python-calamine, HTML tables that web systems save as ".xls" with the
standard library's html.parser, and delimited text (CSV, TSV, Excel's "Unicode text") in UTF-8, UTF-16 or GB18030.

Each reader gives ``Sheet`` objects: a name, the rows numbered as the file shows them, the vertically merged
ranges, and the rows hidden in the workbook (filtered out or hidden by hand: read from the sheet's XML for .xlsx,
.xlsm and .ods and by xlrd for .xls, as calamine does not tell them; an .xlsb, HTML table or CSV file is taken
as showing every row). Files that are no spreadsheet, are password-protected, too large once unpacked, damaged, or
mix two text encodings are refused with a ``UserError`` naming the file and what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import logging
import posixpath
import re
import xml.etree.ElementTree as ET  # noqa: N817 - the usual name
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # a Compound File: an encrypted .xlsx, or an old .xls
ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
NOT_WORKBOOK_OLE = ("WordDocument".encode("utf-16-le"), "PowerPoint Document".encode("utf-16-le"))
# Other documents people pick by mistake: PDF, PNG, JPEG, GIF, RTF, 7z, RAR.
OTHER_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf", b"7z\xbc\xaf", b"Rar!")
CSV_DELIMITERS = (",", "\t", ";")
UNPACKED_CEILING = 500 * 1024 * 1024  # a sign-up sheet of 100,000 people unpacks to well under 100 MB
SCAN_LINES = 15

NOT_SPREADSHEET = QT_TRANSLATE_NOOP("core", "{path} is not a spreadsheet: choose an Excel workbook (.xlsx or .xls), "
                                    "an OpenDocument spreadsheet (.ods) or a CSV file (.csv).")
ENCRYPTED = QT_TRANSLATE_NOOP("core", "{path} is password-protected: open it in Excel or WPS, remove the password, "
                              "save it and import it again.")
DAMAGED = QT_TRANSLATE_NOOP("core", "{path} cannot be read as a spreadsheet (it may be damaged): open it in Excel "
                            "or WPS, save it again as .xlsx and import that file.")
TOO_LARGE = QT_TRANSLATE_NOOP("core", "{path} would unpack to {size} MB, more than the {limit} MB a sign-up sheet "
                              "can need (it may be damaged or built to exhaust the computer): open it in Excel or "
                              "WPS, copy only the sign-up rows into a new workbook and import that file.")
BAD_TEXT = QT_TRANSLATE_NOOP("core", "{path} is not a text file in UTF-8 or GBK: save it again as CSV (UTF-8) or as "
                             ".xlsx.")
MIXED_TEXT = QT_TRANSLATE_NOOP("core", "{path} mixes two text encodings: line {line} is not in the encoding of the "
                               "lines above it (GBK and UTF-8 pasted together). Open it in Excel or WPS, save it "
                               "again as CSV (UTF-8) or .xlsx and import that file.")


MAX_CELL = 1_000_000  # characters in one CSV cell: far beyond any 备注, well short of exhausting memory
CELL_TOO_LONG = QT_TRANSLATE_NOOP("core", "Line {line} of {path} holds a cell longer than {limit} characters (a "
                                          "quotation mark left open?): correct that line and import the file again.")


@dataclass
class Sheet:
    name: str
    rows: Iterator[tuple[int, tuple]]  # (row number as the file shows it, cell values)
    merged: list[tuple[int, int, int]] = field(default_factory=list)  # (column, first row, last row), by first row
    hidden: bool = False  # hidden in the workbook (Excel shows the other sheets)
    height: int | None = None  # rows, when known before they are read
    # the row numbers Excel does not show (a filter, or hidden by hand); looked up only for the sheet read
    find_hidden_rows: Callable[[], frozenset[int]] = frozenset


@dataclass
class Source:
    kind: str  # "xlsx", "xls", "ods", "xlsb", "html", "csv"
    sheets: Iterator[Sheet]
    close: object = None
    names: tuple[tuple[str, bool], ...] = ()  # every worksheet as (name, hidden), in the file's order


def open_source(path: Path) -> Source:
    """The sheets of ``path`` by what its bytes are; ``path`` exists and is not empty."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        return _zip_workbook(path)
    if head == OLE_MAGIC:
        if _contains(path, (ENCRYPTED_MARKER,)):
            raise UserError(ENCRYPTED, path=str(path))
        return _calamine(path, "xls")
    if head.startswith(OTHER_MAGIC):
        raise UserError(NOT_SPREADSHEET, path=str(path))
    return _text(path)


def _contains(path: Path, markers: tuple[bytes, ...]) -> bool:
    """A Compound File keeps its stream names (UTF-16) in a directory, usually near the start."""
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    return any(m in data for m in markers)


# -- workbooks ---------------------------------------------------------------------------------------------------

def _zip_workbook(path: Path) -> Source:
    try:
        with zipfile.ZipFile(path) as archive:
            items = archive.infolist()
            names = {item.filename for item in items}
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        raise UserError(DAMAGED, path=str(path)) from None
    unpacked = sum(item.file_size for item in items)
    if unpacked > UNPACKED_CEILING:
        raise UserError(TOO_LARGE, path=str(path), size=unpacked // (1 << 20), limit=UNPACKED_CEILING // (1 << 20))
    if "xl/workbook.xml" in names:
        kind = "xlsx"
    elif "xl/workbook.bin" in names:
        kind = "xlsb"
    elif b"opendocument.spreadsheet" in mimetype:
        kind = "ods"
    elif "content.xml" in names or "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise UserError(NOT_SPREADSHEET, path=str(path))  # a text document or presentation
    else:
        raise UserError(DAMAGED, path=str(path))
    return _calamine(path, kind)


def _calamine(path: Path, kind: str) -> Source:
    from python_calamine import (
        CalamineError,
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    fh = open(path, "rb")  # noqa: SIM115 - closed by the Source's close
    try:
        workbook = CalamineWorkbook.from_filelike(fh)  # by content: an .xlsx named .xls is read as what it is
    except PasswordError:
        fh.close()
        raise UserError(ENCRYPTED, path=str(path)) from None
    except (CalamineError, OSError, ValueError, TypeError) as exc:
        fh.close()
        log.warning("cannot open %s as a workbook (%s): %s", path.name, kind, type(exc).__name__)
        if kind == "xls" and _contains(path, NOT_WORKBOOK_OLE):
            raise UserError(NOT_SPREADSHEET, path=str(path)) from None
        raise UserError(DAMAGED, path=str(path)) from None

    worksheets = [(meta.name, meta.visible != SheetVisibleEnum.Visible) for meta in workbook.sheets_metadata
                  if meta.typ == SheetTypeEnum.WorkSheet]  # not a chart, macro or dialog sheet

    def sheets() -> Iterator[Sheet]:
        try:
            for name, hidden in worksheets:
                sheet = workbook.get_sheet_by_name(name)  # read by calamine; turned into rows when used
                yield Sheet(name, _calamine_rows(sheet), _merged(sheet), hidden=hidden, height=sheet.height,
                            find_hidden_rows=functools.partial(_hidden_rows, path, kind, name))
        except (CalamineError, OSError, ValueError) as exc:
            log.warning("cannot read %s: %s", path.name, type(exc).__name__)
            raise UserError(DAMAGED, path=str(path)) from None

    def close() -> None:
        workbook.close()
        fh.close()

    return Source(kind, sheets(), close, tuple(worksheets))


def _calamine_rows(sheet) -> Iterator[tuple[int, tuple]]:
    """Rows numbered from 1 (calamine starts at the sheet's first row, but at its first used column: the columns
    before it are put back so that column letters stay as the file shows them). Non-ASCII texts are shared
    between rows; ID numbers and phones (ASCII, each different) are not looked up."""
    start = sheet.start
    pad = (None,) * start[1] if start and start[1] else ()
    shared = {}.setdefault  # one object for each repeated text (单位, 类别, 性别…): a third less memory
    for number, values in enumerate(sheet.iter_rows(), start=1):
        row = tuple([shared(v, v) if type(v) is str and not v.isascii() else v for v in values])
        for value in row:
            if type(value) is dt.datetime and value.microsecond:  # a serial's float noise: 07:59:59.712
                row = tuple(_round_time(v) for v in row)
                break
        yield number, pad + row if pad else row


def _round_time(value):
    if type(value) is dt.datetime and value.microsecond:
        return (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    return value


def _merged(sheet) -> list[tuple[int, int, int]]:
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:  # noqa: BLE001 - a format without merged ranges
        return []
    out = [(c0, r0 + 1, r1 + 1) for (r0, c0), (r1, _c1) in ranges if r1 > r0]
    return sorted(out, key=lambda r: r[1])


# -- hidden rows ---------------------------------------------------------------------------------------------------

_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])[^>]*")
_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d+)")
_ROW_HIDDEN = re.compile(rb"\shidden\s*=\s*[\"'](?:1|true)[\"']")
_CHUNK = 1 << 20
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _hidden_rows(path: Path, kind: str, sheet: str) -> frozenset[int]:
    """The numbers of the rows of ``sheet`` that the workbook hides; empty when the format does not say."""
    try:
        if kind == "xlsx":
            return _xlsx_hidden_rows(path, sheet)
        if kind == "ods":
            return _ods_hidden_rows(path, sheet)
        if kind == "xls":
            return _xls_hidden_rows(path, sheet)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ET.ParseError) as exc:
        log.warning("cannot read the hidden rows of %s: %s", path.name, type(exc).__name__)
    return frozenset()


def _xlsx_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The archive member holding the worksheet named ``sheet`` (xl/workbook.xml and its relationships)."""
    book = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rid = next((el.get(f"{{{_REL_NS}}}id") for el in book.iter() if el.tag.endswith("}sheet")
                and el.get("name") == sheet), None)
    target = next((el.get("Target") for el in rels.iter() if el.get("Id") == rid), None) if rid else None
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _xlsx_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """Rows whose <row> says hidden="1" (what a filter or "Hide" writes), read as bytes without building the
    sheet: a tag is only looked at once the chunk holds its end."""
    hidden: set[int] = set()
    with zipfile.ZipFile(path) as archive:
        part = _xlsx_part(archive, sheet)
        if part is None:
            return frozenset()
        with archive.open(part) as stream:
            tail, number = b"", 0
            while True:
                chunk = stream.read(_CHUNK)
                data = tail + chunk
                cut = data.rfind(b"<") if chunk else len(data)
                if cut < 0:
                    cut = len(data)
                for tag in _ROW_TAG.finditer(data, 0, cut):
                    found = _ROW_NUMBER.search(tag.group())
                    number = int(found.group(1)) if found else number + 1  # r is optional: the next row
                    if _ROW_HIDDEN.search(tag.group()):
                        hidden.add(number)
                tail = data[cut:]
                if not chunk:
                    break
    return frozenset(hidden)


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """Rows of the table named ``sheet`` whose table:visibility is "collapse" or "filter" (repeated rows
    counted as the file repeats them)."""
    hidden: set[int] = set()
    inside, number = False, 0
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        for event, el in ET.iterparse(stream, events=("start", "end")):
            if el.tag == _ODS_TABLE + "table":
                if event == "start":
                    inside = el.get(_ODS_TABLE + "name") == sheet
                elif inside:
                    break
            elif inside and event == "start" and el.tag == _ODS_TABLE + "table-row":
                repeat = min(int(el.get(_ODS_TABLE + "number-rows-repeated") or 1), 1 << 20)
                if el.get(_ODS_TABLE + "visibility") in ("collapse", "filter"):
                    hidden.update(range(number + 1, number + repeat + 1))
                number += repeat
            if event == "end" and el.tag != _ODS_TABLE + "table":
                el.clear()
    return frozenset(hidden)


def _xls_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """Rows of an Excel 97-2003 sheet whose ROW record says hidden, read by xlrd (calamine gives the cells, not
    the rows' formatting). A file xlrd cannot read this way is taken as showing every row: calamine read it."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO())
    except Exception as exc:  # noqa: BLE001 - a hostile or odd file: its rows were read by calamine already
        log.warning("cannot read the row formatting of %s: %s", path.name, type(exc).__name__)
        return frozenset()
    try:
        rows = book.sheet_by_name(sheet).rowinfo_map
        return frozenset(number + 1 for number, info in rows.items() if info.hidden)
    except Exception as exc:  # noqa: BLE001 - as above
        log.warning("cannot read the row formatting of %s: %s", path.name, type(exc).__name__)
        return frozenset()
    finally:
        book.release_resources()


# -- text: HTML tables and delimited text --------------------------------------------------------------------------

def _text(path: Path) -> Source:
    data = path.read_bytes()
    text = decode(path, data)
    probe = text[:4096].lstrip("\ufeff \r\n\t").lower()
    if probe.startswith(("<!doctype html", "<html", "<table", "<?xml", "<meta", "<head", "<body", "<style")) \
            or "<table" in probe:
        sheets = _html_sheets(path, text)
        return Source("html", iter(sheets), names=tuple((s.name, False) for s in sheets))
    return Source("csv", iter([Sheet("", _delimited_rows(path, text))]))


def decode(path: Path, data: bytes) -> str:
    """Text in UTF-16 (with its BOM), UTF-8 (with or without BOM) or GB18030 (a superset of GBK: 䶮 and 𠇔 need
    it); a file whose lines are in two encodings is refused with the first line that differs."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(BAD_TEXT, path=str(path)) from None
    if b"\x00" in data:
        raise UserError(NOT_SPREADSHEET, path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    line = _first_line_in_other_encoding(data)
    if line is not None:
        raise UserError(MIXED_TEXT, path=str(path), line=line)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UserError(BAD_TEXT, path=str(path)) from None


def _first_line_in_other_encoding(data: bytes) -> int | None:
    """For a file that is not UTF-8 as a whole: the number of the first line whose encoding differs from the first
    non-ASCII line's, where a line counts as UTF-8 when it decodes as UTF-8 and holds a CJK character so decoded
    (a GBK line almost never does)."""
    first: bool | None = None
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.isascii():
            continue
        try:
            decoded = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            is_utf8 = any("\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f" for c in decoded)
        except UnicodeDecodeError:
            is_utf8 = False
        if first is None:
            first = is_utf8
        elif is_utf8 != first:
            return number
    return None


def _delimiter(text: str) -> str:
    sample = text[:65536].splitlines()[:SCAN_LINES]
    counts = {d: sum(line.count(d) for line in sample) for d in CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _delimited_rows(path: Path, text: str) -> Iterator[tuple[int, tuple]]:
    """Rows of delimited text numbered by their first line (a quoted cell may span lines). A cell is read up to
    ``MAX_CELL`` characters (the csv module's own bound, 131,072, made a long 备注 refuse the whole file as "not
    a spreadsheet"); a longer one is a refusal naming its line."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 1
    try:
        for record in reader:
            if any(len(v) > MAX_CELL for v in record):
                raise UserError(CELL_TOO_LONG, path=str(path), line=number, limit=MAX_CELL)
            yield number, tuple(v if v.strip() else None for v in record)
            number = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than" in str(exc):
            raise UserError(CELL_TOO_LONG, path=str(path), line=number, limit=MAX_CELL) from None
        raise UserError(NOT_SPREADSHEET, path=str(path)) from None


class _TableParser(HTMLParser):
    """Every <table> as rows of cell texts, as Excel opens such a file: a colspan leaves the spanned cells empty,
    a rowspan is also a merged range (filled downwards like a merged cell). Excel 2003 XML ("SpreadsheetML", also
    saved as .xls) is read too: its <Row>/<Cell> are rows and cells, ss:Index skips to a column, ss:MergeAcross and
    ss:MergeDown span."""

    ALIASES = {"row": "tr", "cell": "td"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list], list[tuple[int, int, int]]]] = []
        self._stack: list[tuple[list[list], list[tuple[int, int, int]], dict[int, int]]] = []
        self._row: list | None = None
        self._new: set[int] = set()  # columns whose rowspan starts in this row
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._skip = 0  # inside <script> or <style>
        self._sheet = ""

    def handle_starttag(self, tag, attrs):
        tag = self.ALIASES.get(tag, tag)
        values = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "worksheet":
            self._sheet = values.get("ss:name") or ""
        elif tag == "table":
            self._stack.append(([], [], {}))
        elif not self._stack:
            return
        elif tag == "tr":
            self._end_row()
            self._row, self._new = [], set()
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row, self._new = [], set()
            index = _int(values.get("ss:index"), 0)
            if index > len(self._row):
                self._row.extend([None] * (index - 1 - len(self._row)))
            self._span = (_int(values.get("colspan"), 1) + _int(values.get("ss:mergeacross"), 0),
                          _int(values.get("rowspan"), 1) + _int(values.get("ss:mergedown"), 0))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_startendtag(self, tag, attrs):
        if self.ALIASES.get(tag, tag) in ("td", "th"):  # an empty <Cell ss:Index="3"/>
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        tag = self.ALIASES.get(tag, tag)
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif not self._stack:
            return
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            rows, merged, _pending = self._stack.pop()
            self.tables.append((self._sheet, rows, sorted(merged, key=lambda r: r[1])))

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell.append(data)

    def _skip_covered(self, pending: dict[int, int]) -> None:
        while len(self._row) in pending and len(self._row) not in self._new:
            self._row.append(None)

    def _end_cell(self):
        if self._cell is None or self._row is None:
            return
        rows, merged, pending = self._stack[-1]
        text = " ".join("".join(self._cell).split())
        self._cell = None
        self._skip_covered(pending)
        column = len(self._row)
        colspan, rowspan = self._span
        self._row.append(text or None)
        self._row.extend([None] * (colspan - 1))
        if rowspan > 1:
            merged.append((column, len(rows) + 1, len(rows) + rowspan))
            for c in range(column, column + colspan):
                pending[c] = rowspan - 1
                self._new.add(c)

    def _end_row(self):
        self._end_cell()
        if self._row is None or not self._stack:
            return
        rows, _merged, pending = self._stack[-1]
        self._skip_covered(pending)
        for column in list(pending):
            if column not in self._new:
                pending[column] -= 1
                if pending[column] <= 0:
                    del pending[column]
        rows.append(self._row)
        self._row = None

    def close(self):
        super().close()
        while self._stack:
            self.handle_endtag("table")


def _int(value, default: int) -> int:
    try:
        return max(default, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return default


def _html_sheets(path: Path, text: str) -> list[Sheet]:
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):
        raise UserError(NOT_SPREADSHEET, path=str(path)) from None
    if not parser.tables:
        raise UserError(NOT_SPREADSHEET, path=str(path))
    return [Sheet(name or f"table {i}", ((n, tuple(r)) for n, r in enumerate(rows, start=1)), merged)
            for i, (name, rows, merged) in enumerate(parser.tables, start=1)]
