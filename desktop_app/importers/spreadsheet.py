"""Reading a spreadsheet into a plain ``Table``: the header row found below any title rows, then every non-empty row
under it with its sheet row number; and reading cell values as text and dates. The formats (.xlsx, .xlsm, .xlsb,
.xls, .ods, HTML tables and Excel 2003 XML named .xls, CSV/TSV in UTF-8, UTF-16 or GB18030) are told apart by
content in ``formats``; survey-platform layouts are recognised in ``survey``. A file that cannot be read is refused
with a ``UserError`` saying what to do; nothing here touches the database."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import formats, survey
from .formats import BAD_TEXT, DAMAGED, ENCRYPTED, MIXED_TEXT, NOT_SPREADSHEET, TOO_LARGE  # noqa: F401 - re-exported

HEADER_SCAN_ROWS = 15  # the header row is looked for in this many rows from the top

NOT_FOUND = QT_TRANSLATE_NOOP("core", "The file {path} does not exist. Check the path.")
EMPTY = QT_TRANSLATE_NOOP("core", "{path} is empty: there are no rows to import.")
MAX_ROWS = 200_000  # far more than any sign-up sheet; a full-height sheet (1,048,575 rows) took minutes and GBs
TOO_MANY_ROWS = QT_TRANSLATE_NOOP("core", "The sheet “{sheet}” of {path} has {rows} rows, more than the {limit} a "
                                          "sign-up sheet can have (perhaps formatting reaches the sheet's last row): "
                                          "copy the rows with people into a new workbook and import that.")
NO_SUCH_SHEET = QT_TRANSLATE_NOOP("core", "{path} has no sheet named “{sheet}”; its sheets: {sheets}.")
NO_HEADER_IN_SHEET = QT_TRANSLATE_NOOP("core", "No header row with a name column was found in the first {rows} rows "
                                               "of the sheet “{sheet}” of {path} (looked for: {names}). Choose "
                                               "another sheet, or put one of these headers above the names.")
NO_ROWS = QT_TRANSLATE_NOOP("core", "{path} has a header row (row {row}) but no people below it.")
NO_HEADER = QT_TRANSLATE_NOOP("core", "No header row with a name column was found in the first {rows} rows of "
                              "{path} (looked for: {names}). Put one of these headers above the names and import "
                              "the file again.")


class Row(NamedTuple):
    """One row under the header: its row number in the sheet (as Excel shows it) and its cell values.

    Values are as the file holds them: ``str``, ``int``/``float`` (a cell typed as a number), ``datetime``,
    ``bool`` or ``None`` (a workbook's empty cell may also read as ``""``). A text file's row holds only ``str``
    and ``None``.
    """

    number: int
    values: tuple

    def get(self, column: int):
        return self.values[column] if 0 <= column < len(self.values) else None

    def is_number(self, column: int) -> bool:
        """The cell held a number, not text (Excel may have rounded a long ID number typed into it)."""
        value = self.get(column)
        return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True)
class Table:
    path: Path
    sheet: str  # the worksheet's name; "" for a CSV file
    header_row: int  # sheet row number of the header
    headers: tuple[str, ...]  # one per column, "" where the header cell is empty
    rows: tuple[Row, ...]
    kind: str = ""  # what the content is: "xlsx", "xls", "xlsb", "ods", "html", "csv"
    platform: str = ""  # a survey.PLATFORM_LABELS key, or ""
    questions: tuple[int, ...] = ()  # survey question columns: unmapped ones go into 备注
    sheets: tuple[str, ...] = ()  # every worksheet of the workbook, in its order ("" names none: a CSV file)
    hidden_sheets: frozenset[str] = frozenset()  # those hidden in the workbook
    hidden_rows: frozenset[int] = frozenset()  # numbers of the rows (under the header) the workbook hides


_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|<.*?>|〔.*?〕")


def header_key(value) -> str:
    """A header cell reduced to what identifies it: full-width forms, spaces, asterisks, bracketed hints
    ("身份证号码（必填）"), a trailing colon, a survey's question numbering ("1、", "Q3_", "第4题") and polite
    wording ("您的", "请填写", "是？") removed."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    text = "".join(_BRACKETED.sub("", text).split())
    text = survey.strip_numbering(text).strip("*:#").replace("*", "")
    return survey.strip_wording(text) if text else text


def read_table(path: Path | str, *, aliases: Mapping[str, Collection[str]], required: str,
               sheet_name: str | None = None) -> Table:
    """Read ``path``; the header row is the row among the first ``HEADER_SCAN_ROWS`` with most cells naming a
    field of ``aliases`` (field -> header names) and one naming the ``required`` field. The visible sheets are
    read in the file's order and the first one with such a header is the table (a hidden sheet is what Excel
    does not show: it is read only when ``sheet_name`` names it); ``sheet_name`` reads that sheet alone. A sheet
    of more than ``MAX_ROWS`` rows is refused before its rows are read. The table names the workbook's sheets and
    the rows under its header that the workbook hides (a filter): they are in ``rows``, the importer decides."""
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            raise UserError(EMPTY, path=str(path))
        source = formats.open_source(path)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise UserError(NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise UserError(NOT_SPREADSHEET, path=str(path)) from exc
    known = {header_key(name): field for field, names in aliases.items() for name in names}
    required_names = aliases[required]
    try:
        no_header: UserError | None = None
        names: list[str] = [name for name, _hidden in source.names]
        for sheet in source.sheets:
            if sheet.name not in names:
                names.append(sheet.name)
            if sheet_name is not None and sheet.name != sheet_name:
                continue
            if sheet_name is None and sheet.hidden:
                continue
            if sheet.height is not None and sheet.height > MAX_ROWS:
                raise UserError(TOO_MANY_ROWS, path=str(path), sheet=sheet.name, rows=sheet.height, limit=MAX_ROWS)
            numbered = _fill_merged(sheet.rows, sheet.merged)
            try:
                table = _build(path, sheet.name, numbered, known, required, required_names)
            except UserError as exc:
                if exc.message != NO_HEADER:
                    raise
                no_header = no_header or exc
                continue
            if table is not None:
                hidden = sheet.find_hidden_rows()
                hidden_rows = frozenset(r.number for r in table.rows if r.number in hidden) if hidden else frozenset()
                return _recognise(replace(table, kind=source.kind, sheets=tuple(names), hidden_rows=hidden_rows,
                                          hidden_sheets=frozenset(n for n, hidden in source.names if hidden)))
        if sheet_name is not None and sheet_name not in names:
            raise UserError(NO_SUCH_SHEET, path=str(path), sheet=sheet_name, sheets="、".join(names) or "—")
        if sheet_name and no_header is not None:
            raise UserError(NO_HEADER_IN_SHEET, path=str(path), sheet=sheet_name, rows=HEADER_SCAN_ROWS,
                            names="、".join(required_names))
        raise no_header or UserError(EMPTY, path=str(path))
    finally:
        if source.close is not None:
            source.close()


def _recognise(table: Table) -> Table:
    keys = [header_key(h) for h in table.headers]
    platform = survey.recognise(keys)
    questions = survey.question_columns(platform, table.headers, keys)
    if not platform and questions:
        platform = "survey"
    return replace(table, platform=platform, questions=questions) if platform else table


# -- cell values --------------------------------------------------------------------------------------------------

def cell_text(value) -> str:
    """A cell as text; a whole number typed as a number shows its digits (6.40422E+17 → 640422000000000000)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) else value.date().isoformat()
    return str(value)


def code_text(value) -> str:
    """An ID number or phone cell as text, without the marks people type to keep Excel from making it a number:
    a leading apostrophe, or a CSV export's ="…"."""
    text = cell_text(value).strip()
    if text.startswith(("'", "`", "‘")):
        text = text[1:]
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return text


# The whole cell must be a date (and perhaps a time): 2024-01-02 09:30, 2024/1/2, 2024.1.2, 2024年1月2日 9时30分,
# 20240102. Forms that could be read two ways (1/2/2024: January or February? 24-1-2: which century?) are not
# dates here: first come, first served is decided on this field, so it is never guessed.
_TIME = r"(?:[\sT]*(?:上午|下午)?\s*(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})\s*秒?)?\s*分?)?"
_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME)
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})" + _TIME)
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_DATE_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})日")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _cn_number(text: str) -> int | None:
    """一 to 三十一 (the months and days of a date written in Chinese numerals); None otherwise."""
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in _CN_DIGITS) or (units and units not in _CN_DIGITS):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _chinese_numerals(text: str) -> str | None:
    """二〇二四年一月十二日 as 2024年1月12日, or None."""
    found = _CN_DATE_RE.fullmatch(text)
    if not found:
        return None
    year = "".join(str(_CN_DIGITS[c]) for c in found.group(1))
    month, day = _cn_number(found.group(2)), _cn_number(found.group(3))
    return f"{year}年{month}月{day}日" if month and day else None


def parse_when(value) -> dt.datetime | None:
    """A registration time from a datetime, a date, an Excel serial number, a number like 20240102, or text
    (2026-09-01 08:30, 2026/9/1, 2026.9.1, 2026年9月1日, 20260901, 二〇二六年九月一日); None when it cannot be
    read without a guess."""
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000:  # 1954 to 2119 as Excel serial days
            when = _EXCEL_EPOCH + dt.timedelta(days=float(value))
            return (when + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
        if value == int(value) and 19_000_101 <= value <= 21_001_231:  # 20240102 typed as a number
            value = str(int(value))
        else:
            return None
    text = " ".join(unicodedata.normalize("NFKC", str(value)).split())
    text = _chinese_numerals(text) or text
    match = _DATE_RE.fullmatch(text) or _COMPACT_RE.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute, _second = (int(g) if g else 0 for g in match.groups())
    if "下午" in text and hour < 12:
        hour += 12
    try:
        return dt.datetime(year, month, day, hour, minute)
    except ValueError:
        return None


# -- finding the header -----------------------------------------------------------------------------------------------

def _is_blank(values: Iterable) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _width(values: tuple) -> int:
    """The number of columns up to the last cell holding a value."""
    n = len(values)
    while n and (values[n - 1] is None or (isinstance(values[n - 1], str) and not values[n - 1].strip())):
        n -= 1
    return n


def _header_index(top: list[tuple[int, tuple]], known: dict[str, str], required: str) -> int | None:
    """Index into ``top`` of the header row, or None."""
    best, best_score = None, 0
    for i, (_number, values) in enumerate(top):
        fields = {known.get(header_key(v)) for v in values if v is not None}
        if required not in fields:
            continue
        score = len(fields - {None})
        if score > best_score:
            best, best_score = i, score
    return best


def _build(path: Path, sheet: str, numbered: Iterator[tuple[int, tuple]], known: dict[str, str], required: str,
           required_names: Collection[str]) -> Table | None:
    """The table of one sheet: None when the sheet is empty; ``UserError`` when it has rows but no header."""
    top: list[tuple[int, tuple]] = []
    for number, values in numbered:
        if not _is_blank(values):
            top.append((number, values))
        if number >= HEADER_SCAN_ROWS:
            break
    if not top:
        if all(_is_blank(v) for _n, v in numbered):
            return None  # an empty sheet: _read_xlsx looks at the other sheets
        raise UserError(NO_HEADER, path=str(path), rows=HEADER_SCAN_ROWS, names="、".join(required_names))
    index = _header_index(top, known, required)
    if index is None:
        raise UserError(NO_HEADER, path=str(path), rows=HEADER_SCAN_ROWS, names="、".join(required_names))
    header_row, header_values = top[index]
    rows = [Row(n, v) for n, v in top[index + 1:]]
    rows.extend(Row(n, v) for n, v in numbered if not _is_blank(v))
    if not rows:
        raise UserError(NO_ROWS, path=str(path), row=header_row)
    width = max(_width(header_values), max(_width(r.values) for r in rows))
    headers = tuple("" if v is None else " ".join(str(v).split()) for v in header_values[:width])
    headers += ("",) * (width - len(headers))
    return Table(path, sheet, header_row, headers, tuple(rows))


# -- merged cells ------------------------------------------------------------------------------------------------

def _fill_merged(numbered: Iterator[tuple[int, tuple]], ranges: list[tuple[int, int, int]]
                 ) -> Iterator[tuple[int, tuple]]:
    """Give every row of a vertically merged range the value of its first cell (a 类别 or 单位 merged over the
    rows of a group), as Excel shows it. A row left blank in the file stays blank."""
    if not ranges:
        yield from numbered
        return
    starts = [r[1] for r in ranges]
    active: list[tuple[int, int, object]] = []  # (column, last row, value)
    for number, values in numbered:
        active = [a for a in active if a[1] >= number]
        blank = _is_blank(values)
        if active and not blank:
            row = list(values)
            for column, _last, value in active:
                if column >= len(row):
                    row.extend([None] * (column + 1 - len(row)))
                if row[column] is None or row[column] == "":
                    row[column] = value
            values = tuple(row)
        lo, hi = bisect.bisect_left(starts, number), bisect.bisect_right(starts, number)
        for column, _first, last in ranges[lo:hi]:
            active.append((column, last, values[column] if column < len(values) else None))
        yield number, values
