"""Importing people from a spreadsheet: which column holds what, a preview with every problem of every row (the one
check, ``domain.roster.check``, plus duplicates within the file), the commit of the valid rows in one transaction,
and the workbook of the refused rows for the coordinator to fix and import again.

Decisions:
- When some rows are refused, the valid rows are still imported, all in one transaction (``import_drafts`` adds all
  of them or none), and the refused ones are reported; the CLI also writes them to ``<stem>_未导入.xlsx`` next to
  the input, the dialog offers to save that file.
- ``duplicate_in_file``: the later row of a pair is refused and names the earlier row; every row with a well-formed
  ID number or phone counts, refused or not (the two rows are one person: the coordinator decides which stays).
- A cell that held a number sets ``id_was_number``: anything longer than 15 digits lost its last digits in Excel
  and is refused as ``id_precision_lost``; it is never "repaired".
- A 报名时间 that cannot be read is left empty with a warning; it does not refuse the row. A survey platform's
  submission time (提交答卷时间, 结束答题时间, 提交时间) is the 报名时间 when the file has no 报名时间 column.
- Text from the file: a control character (C0/C1) or a non-character (U+FFFE, U+FFFF, …) in a name, ID number or
  phone refuses the row naming the field (``control_character``: what Excel shows is not what is stored, so the
  coordinator retypes it); in free text (单位, 职务, 类别, 性别, 备注) it is removed. Full-width digits and letters are
  read as their ASCII forms (NFKC); other digits (Arabic-Indic, Tai Tham …) are refused by the ID and phone checks
  for that row only.
- A survey export: question columns mapped to no field go into 备注 as "问题：答案", after the 备注 column's own text.
  A question asking for 意见 or 建议 ("8、您对本次活动有何意见建议？") is the 备注 column when the file has no 备注
  column: its answer is the 备注 as written, without the question.
- Rows the workbook hides (a filter, or hidden by hand) are named and not imported unless ``include_hidden`` (the
  dialog's check box, the CLI's ``--include-hidden-rows``); imported, each carries the warning ``hidden_row``.
- A 类别 value that is none of the event's categories can be mapped to one (``categories``: the dialog's choice per
  value, the CLI's ``--category 值=类别``); the dialog remembers the choices, as it remembers the column mapping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import i18n
from ..domain import roster as roster_domain
from ..domain import text as text_rules
from ..domain.dates import cn_date
from ..domain.roster import InviteeDraft, Problem, RosterContext
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import spreadsheet, survey
from .spreadsheet import Table, cell_text, code_text, header_key, parse_when

FIELDS = ("name", "gender", "id_number", "phone", "organisation", "position_title", "category", "registered_at",
          "notes")
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("core", "Name"),
    "gender": QT_TRANSLATE_NOOP("core", "Sex"),
    "id_number": QT_TRANSLATE_NOOP("core", "ID number"),
    "phone": QT_TRANSLATE_NOOP("core", "Phone number"),
    "organisation": QT_TRANSLATE_NOOP("core", "Work unit"),
    "position_title": QT_TRANSLATE_NOOP("core", "Position"),
    "category": QT_TRANSLATE_NOOP("core", "Category"),
    "registered_at": QT_TRANSLATE_NOOP("core", "Registered at"),
    "notes": QT_TRANSLATE_NOOP("core", "Notes"),
}
# The header names coordinators use, matched after ``header_key`` (full-width, spaces, "（必填）" and "*" removed);
# when a file has two of a field's names, the one listed first is taken.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字"),
    "gender": ("性别",),
    "id_number": ("身份证号码", "身份证号", "公民身份号码", "证件号码", "身份证", "证件号"),
    "phone": ("手机号码", "手机号", "手机", "联系电话", "电话号码", "电话", "联系方式"),
    "organisation": ("单位", "工作单位", "所在单位", "单位名称"),
    "position_title": ("职务", "职业"),
    "category": ("类别", "代表类别", "人员类别"),
    "registered_at": ("报名时间", "报名日期", "提交答卷时间", "结束答题时间", "提交时间"),
    "notes": ("备注",),
}
# The field names ``--column 表头=field`` takes (the CLI's words; "position" is the position_title field).
CLI_FIELDS = {"name": "name", "gender": "gender", "id_number": "id_number", "phone": "phone",
              "organisation": "organisation", "position": "position_title", "position_title": "position_title",
              "category": "category", "registered_at": "registered_at", "notes": "notes"}
# Second chance for a header none of the names matched: a part it contains ("身份证号（18位）", "本人手机").
_STEMS = {"name": ("姓名",), "id_number": ("身份证", "证件号"), "phone": ("手机", "电话"), "organisation": ("单位",),
          "position_title": ("职务",), "category": ("类别",), "registered_at": ("报名时间", "报名日期"),
          "gender": ("性别",), "notes": ("备注", "意见", "建议")}

WARNINGS = {
    "gender_mismatch": roster_domain.GENDER_MISMATCH,
    "registered_after_deadline": QT_TRANSLATE_NOOP("core", "Registered on {date}, after the registration deadline "
                                                   "({deadline})."),
    "registered_after_event": QT_TRANSLATE_NOOP("core", "Registered on {date}, after the day of the event "
                                                "({event}): check the date in the file."),
    "hidden_row": QT_TRANSLATE_NOOP("core", "The row is hidden in the sheet (filtered out or hidden by hand); it is "
                                            "imported because the hidden rows were chosen."),
}
# Reasons the importer adds to the domain's (stable codes, printed by the CLI).
IMPORT_REASONS = {
    "control_character": QT_TRANSLATE_NOOP("core", "The {field} holds an invisible control character (U+{code}) "
                                           "that documents cannot print: retype the {field} in the file and "
                                           "import it again."),
    "registered_at_unreadable": QT_TRANSLATE_NOOP(
        "core", "The registration time “{value}” cannot be read without a guess (write it as 2024-01-02 09:30, "
                "2024年1月2日 or 20240102; 1/2/2024 could be January or February). First come, first served is "
                "decided on it: correct it in the file and import the row again."),
}
ROW_REF = QT_TRANSLATE_NOOP("core", "row {row}")
ROW_AND_NAME = QT_TRANSLATE_NOOP("core", "row {row} ({name})")
HIDDEN_SKIPPED = QT_TRANSLATE_NOOP("core", "{count} rows of the sheet are hidden (filtered out or hidden by hand) "
                                           "and are not imported: {rows}.")
HIDDEN_SKIPPED_CLI = QT_TRANSLATE_NOOP("core", "{count} rows of the sheet are hidden (filtered out or hidden by "
                                               "hand) and were not imported: {rows}. Give --include-hidden-rows to "
                                               "import them too.")
HIDDEN_INCLUDED = QT_TRANSLATE_NOOP("core", "{count} rows of the sheet are hidden (filtered out or hidden by hand) "
                                            "and are imported too: {rows}.")
AND_MORE = QT_TRANSLATE_NOOP("core", "{rows} and {more} more")
HIDDEN_NAMED = 20  # hidden rows named one by one; the rest are counted
NO_SUCH_CATEGORY = QT_TRANSLATE_NOOP("core", "--category {value}={category}: “{category}” is not one of this "
                                             "event's categories ({categories}). Name one of them, or add it in "
                                             "the Plan tab.")
NO_SUCH_HEADER = QT_TRANSLATE_NOOP("core", "{path} has no column headed “{header}” (its headers: {headers}); give "
                                   "--column with a header of the file.")
NO_NAME_MAPPED = QT_TRANSLATE_NOOP("core", "Choose the column that holds the names.")
BAD_COLUMN = QT_TRANSLATE_NOOP("core", "The file has no column {column}; choose the columns again.")
CANNOT_WRITE = QT_TRANSLATE_NOOP("core", "Cannot write {path}: {error}. Close the file if it is open in Excel or "
                                 "WPS, or choose a folder you can write to.")
REJECTED_TITLE = QT_TRANSLATE_NOOP("core", "Rows of {file} not imported ({count}): correct them and import this "
                                   "file again")
PROBLEMS_HEADER = QT_TRANSLATE_NOOP("core", "Problems")
ROW_PROBLEMS = QT_TRANSLATE_NOOP("core", "Row {row}: {problems}")
SUMMARY = QT_TRANSLATE_NOOP("core", "{rows} rows: {imported} imported, {rejected} refused.")
DRY_RUN_SUMMARY = QT_TRANSLATE_NOOP("core", "{rows} rows: {valid} can be imported, {rejected} refused (dry run: "
                                    "nothing was imported).")
REJECTED_FILE = QT_TRANSLATE_NOOP("core", "The refused rows, with their problems, are in {path}.")
REJECTED_SUFFIX = "_未导入"
PLATFORM_NOTE = QT_TRANSLATE_NOOP("core", "{file} is {platform}: question numbers and wording were removed to find "
                                  "the columns, the submission time is the registration time, and the answers to "
                                  "other questions are kept in the notes.")


def hidden_note(report: ImportReport, *, cli: bool = False) -> str:
    """What the preview and the CLI say about the rows the workbook hides; "" when it hides none."""
    if not report.hidden:
        return ""
    named = [i18n.text(ROW_AND_NAME, row=n, name=name) if name else i18n.text(ROW_REF, row=n)
             for n, name in report.hidden[:HIDDEN_NAMED]]
    rows = ("、" if i18n.language().startswith("zh") else ", ").join(named)
    if len(report.hidden) > HIDDEN_NAMED:
        rows = i18n.text(AND_MORE, rows=rows, more=len(report.hidden) - HIDDEN_NAMED)
    source = HIDDEN_INCLUDED if report.include_hidden else HIDDEN_SKIPPED_CLI if cli else HIDDEN_SKIPPED
    return i18n.text(source, count=len(report.hidden), rows=rows)


def platform_note(table: Table) -> str:
    """What the preview and the CLI say about a recognised survey export; "" for any other file."""
    if not table.platform:
        return ""
    return i18n.text(PLATFORM_NOTE, file=table.path.name,
                     platform=i18n.text(survey.PLATFORM_LABELS[table.platform]))

COMMIT_CHUNK = 25_000  # people added per savepoint: the model objects of a chunk are freed before the next
_ID_FIELD_ERRORS = frozenset({"id_format", "id_checksum", "id_precision_lost", "control_character"})
_NO_CODES: frozenset[str] = frozenset()
_CONTROL = text_rules.CONTROL  # the one text boundary's characters (domain/text.py)


@dataclass(frozen=True)
class ImportProblem(Problem):
    """A reason of the importer's own (``IMPORT_REASONS``); it refuses the row."""

    @property
    def is_error(self) -> bool:
        return True

    @property
    def message(self) -> str:
        return IMPORT_REASONS[self.code]


def read_roster(path: Path | str, columns: Mapping[str, str] | None = None, sheet: str | None = None) -> Table:
    """The table of a roster spreadsheet; refused (``UserError``) when it has no recognisable name column.
    ``columns`` (header text -> field, the CLI's ``--column``) names more headers to look for."""
    aliases: Mapping[str, tuple[str, ...]] = COLUMN_ALIASES
    if columns:
        aliases = dict(COLUMN_ALIASES)
        for header, field_name in columns.items():
            name = CLI_FIELDS.get(field_name, field_name)
            aliases[name] = (header, *aliases.get(name, ()))
    return spreadsheet.read_table(path, aliases=aliases, required="name", sheet_name=sheet)


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """field -> column index, for the fields whose column the headers name; each column is used once."""
    keys = [header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for field_name in FIELDS:  # the first alias wins: 手机号码 before 电话 when a file has both
        for alias in COLUMN_ALIASES[field_name]:
            column = next((i for i, k in enumerate(keys) if k == header_key(alias) and i not in used), None)
            if column is not None:
                mapping[field_name] = column
                used.add(column)
                break
    for field_name in FIELDS:
        if field_name in mapping:
            continue
        column = next((i for i, k in enumerate(keys)
                       if i not in used and k and any(s in k for s in _STEMS[field_name])), None)
        if column is not None:
            mapping[field_name] = column
            used.add(column)
    return mapping


def mapping_with_columns(table: Table, columns: Mapping[str, str]) -> dict[str, int]:
    """The guessed mapping with ``columns`` (header text -> field, the CLI's ``--column 表头=field``) put over it:
    a header matches as written (spaces aside) or as ``header_key`` reduces it; a column given to a field is taken
    from any field the guess gave it to."""
    mapping = guess_mapping(table.headers)
    plain = [" ".join(h.split()) for h in table.headers]
    keys = [header_key(h) for h in table.headers]
    for header, field_name in columns.items():
        wanted = " ".join(str(header).split())
        column = next((i for i, h in enumerate(plain) if h == wanted), None)
        if column is None:
            column = next((i for i, k in enumerate(keys) if k and k == header_key(wanted)), None)
        if column is None:
            raise UserError(NO_SUCH_HEADER, path=str(table.path), header=wanted,
                            headers="、".join(h for h in plain if h))
        mapping = {f: c for f, c in mapping.items() if c != column}
        mapping[CLI_FIELDS.get(field_name, field_name)] = column
    return mapping


def _headers_key(headers: Sequence[str]) -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    return "import.mapping." + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def remembered_mapping(headers: Sequence[str]) -> dict[str, int] | None:
    """The mapping last chosen for a file with these headers (any event), or None."""
    from .. import settings

    saved = settings.get(_headers_key(headers))
    if not isinstance(saved, dict):
        return None
    return {f: c for f, c in saved.items() if f in FIELDS and isinstance(c, int) and 0 <= c < len(headers)}


def remember_mapping(headers: Sequence[str], mapping: Mapping[str, int]) -> None:
    """Keep ``mapping`` for the next file with the same headers (the GUI; a guess that was not changed is not
    stored)."""
    from .. import settings

    key = _headers_key(headers)
    clean = {f: c for f, c in mapping.items() if f in FIELDS and c is not None and c >= 0}
    if clean == guess_mapping(headers):
        if settings.get(key) is not None:
            settings.set(key, None)
        return
    settings.set(key, clean)


CATEGORIES_KEY = "import.categories"


def remembered_categories(ctx: RosterContext) -> dict[str, str]:
    """The 类别 values mapped to a category in an earlier import (any event), for the ones whose category this
    event has."""
    from .. import settings

    saved = settings.get(CATEGORIES_KEY)
    if not isinstance(saved, dict):
        return {}
    return {v: c for v, c in saved.items() if isinstance(v, str) and c in ctx.categories}


def remember_categories(values: Sequence[str], categories: Mapping[str, str]) -> None:
    """Keep the choice made for each of ``values`` (a category, or none: a remembered one is forgotten) for the
    next import; other values' choices stay."""
    from .. import settings

    saved = settings.get(CATEGORIES_KEY)
    kept = dict(saved) if isinstance(saved, dict) else {}
    chosen = {category_key(v): c for v, c in categories.items() if c}
    for value in values:
        key = category_key(value)
        if key in chosen:
            kept[key] = chosen[key]
        else:
            kept.pop(key, None)
    if kept != (saved or {}):
        settings.set(CATEGORIES_KEY, kept or None)


def unknown_categories(table: Table, mapping: Mapping[str, int], ctx: RosterContext) -> tuple[str, ...]:
    """The 类别 values of the file (as ``category_key`` reads them) that are none of the event's categories, in
    the order they first appear."""
    column = mapping.get("category")
    if column is None or column < 0:
        return ()
    found: dict[str, None] = {}
    for row in table.rows:
        text = row.get(column)
        if text is None or text == "":
            continue
        key = category_key(_CONTROL.sub("", cell_text(text)))
        if key and key not in ctx.categories and key not in found:
            found[key] = None
    return tuple(found)


def check_mapping(table: Table, mapping: Mapping[str, int]) -> dict[str, int]:
    """The mapping without unmapped fields; refused when no column holds the names or a column does not exist."""
    clean = {f: c for f, c in mapping.items() if f in FIELDS and c is not None and c >= 0}
    if "name" not in clean:
        raise UserError(NO_NAME_MAPPED)
    for column in clean.values():
        if column >= len(table.headers):
            raise UserError(BAD_COLUMN, column=column + 1)
    return clean


# -- preview ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreviewRow:
    """One row as it would be imported: the normalised draft, the reason codes that refuse it, the warning
    codes that do not, every problem with its parameters, and the row's original cells."""

    row_number: int
    draft: InviteeDraft
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    values: tuple = ()

    @property
    def ok(self) -> bool:
        return not self.reasons

    def messages(self, *, errors_only: bool = False) -> list[str]:
        return [problem_text(p) for p in self.problems if p.is_error or not errors_only]

    def describe(self, *, errors_only: bool = False) -> str:
        return join_sentences(self.messages(errors_only=errors_only))


def join_sentences(texts: Sequence[str]) -> str:
    """Messages one after another: Chinese sentences end in 。 and need no separator, English ones a space."""
    out = ""
    for text in texts:
        if out:
            out += "" if out.endswith(("。", "！", "？", "；")) else " " if out.endswith((".", "!", "?")) else "；"
        out += text
    return out


def problem_text(problem: Problem) -> str:
    source = roster_domain.REASONS.get(problem.code) or WARNINGS.get(problem.code) or problem.message
    return i18n.text(source, **problem.params)


def category_key(value: str) -> str:
    """A 类别 value as the mapping of values to categories matches it (full-width, spaces)."""
    return " ".join(unicodedata.normalize("NFKC", text_rules.one_line(value)).split())


def preview(table: Table, mapping: Mapping[str, int], ctx: RosterContext,
            categories: Mapping[str, str] | None = None, *, include_hidden: bool = False) -> list[PreviewRow]:
    """Every row of ``table`` checked against ``ctx`` and the rows above it, in file order. ``categories`` maps
    a 类别 value of the file (a survey form's 群众代表) to one of the event's categories (市民代表). Rows the
    workbook hides are left out unless ``include_hidden``, which checks them with the warning ``hidden_row``."""
    category_map = {category_key(k): v for k, v in (categories or {}).items()}
    mapping = check_mapping(table, mapping)
    unmapped = 1 << 30  # beyond any row: the cell reads as empty
    columns = [mapping.get(f, unmapped) for f in FIELDS]
    taken = set(mapping.values())
    questions = [(c, survey.question_label(table.headers[c])) for c in table.questions if c not in taken]
    skipped = survey.SKIPPED if table.platform else None
    seen_ids: dict[str, int] = {}
    seen_phones: dict[str, int] = {}
    check = roster_domain.check
    control = _CONTROL.search
    hidden = table.hidden_rows
    out: list[PreviewRow] = []
    for row in table.rows:  # kept lean: 10,000 rows should cost less than openpyxl's reading of them
        if hidden and row.number in hidden and not include_hidden:
            continue
        values = row.values
        if skipped is not None:
            values = tuple(None if type(v) is str and v.strip() in skipped else v for v in values)
        n = len(values)
        name, gender, id_number, phone, org, position, category, raw_when, notes = (
            values[c] if c < n else None for c in columns)
        when = parse_when(raw_when) if raw_when is not None and raw_when != "" else None
        name, id_text, phone_text = cell_text(name), code_text(id_number), code_text(phone)
        notes = cell_text(notes)
        if questions:
            notes = _with_answers(notes, values, questions)
        texts = [cell_text(gender), cell_text(org), cell_text(position), cell_text(category), notes]
        if category_map and texts[3]:
            texts[3] = category_map.get(category_key(texts[3]), texts[3])
        refused = None
        if control(name) or control(id_text) or control(phone_text):
            refused = [_control_problem(f, t) for f, t in (("name", name), ("id_number", id_text),
                                                             ("phone", phone_text)) if control(t)]
        for i, text in enumerate(texts):
            if text and control(text):
                texts[i] = _CONTROL.sub("", text)
        draft = InviteeDraft(
            name=name, gender=texts[0], id_number=id_text, phone=phone_text, organisation=texts[1],
            position_title=texts[2], category=texts[3], registered_at=when, notes=texts[4],
            id_was_number=isinstance(id_number, int | float) and not isinstance(id_number, bool))
        checked = check(draft, ctx)
        problems = list(checked.problems)
        if refused:
            problems.extend(refused)
        codes = {p.code for p in problems} if problems else _NO_CODES
        clean = checked.draft
        earlier, which = None, ""
        if clean.id_number and not codes & _ID_FIELD_ERRORS:
            first = seen_ids.setdefault(clean.id_number, row.number)
            if first != row.number:
                earlier, which = first, "id_number"
        if clean.phone and "phone_format" not in codes:
            first = seen_phones.setdefault(clean.phone, row.number)
            if earlier is None and first != row.number:
                earlier, which = first, "phone"
        if earlier is not None:
            problems.append(Problem(which, "duplicate_in_file", {"other": i18n.text(ROW_REF, row=earlier)}))
        if when is None and raw_when is not None and str(raw_when).strip():
            problems.append(ImportProblem("registered_at", "registered_at_unreadable",
                                          {"value": cell_text(raw_when).strip()}))
        elif when is not None:
            if ctx.event_date and when.date() > ctx.event_date:
                problems.append(Problem("registered_at", "registered_after_event",
                                        {"date": cn_date(when.date()), "event": cn_date(ctx.event_date)}))
            elif ctx.registration_deadline and when.date() > ctx.registration_deadline:
                problems.append(Problem("registered_at", "registered_after_deadline", {
                    "date": cn_date(when.date()), "deadline": cn_date(ctx.registration_deadline)}))
        if hidden and row.number in hidden:
            problems.append(Problem("", "hidden_row", {}))
        if problems:
            out.append(PreviewRow(
                row.number, clean, tuple(p.code for p in problems if p.is_error),
                tuple(p.code for p in problems if not p.is_error), tuple(problems), row.values))
        else:  # most rows: no problem at all
            out.append(PreviewRow(row.number, clean, (), (), (), row.values))
    return out


def _control_problem(field_name: str, text: str) -> ImportProblem:
    found = _CONTROL.search(text)
    return ImportProblem(field_name, "control_character", {"field": i18n.text(FIELD_LABELS[field_name]),
                                                           "code": f"{ord(found.group()):04X}"})


def _with_answers(notes: str, values: tuple, questions: list[tuple[int, str]]) -> str:
    """备注 with the answers of the survey questions that map to no field, as "问题：答案"."""
    parts = [notes.strip()] if notes.strip() else []
    n = len(values)
    for column, label in questions:
        value = values[column] if column < n else None
        text = cell_text(value).strip() if value is not None else ""
        if text:
            parts.append(f"{label}：{survey.answer_text(text)}")
    return "；".join(parts)


# -- import -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportReport:
    """The outcome of checking (``dry_run``) or importing a file."""

    table: Table
    mapping: dict[str, int]
    rows: tuple[PreviewRow, ...]
    imported: int = 0
    dry_run: bool = True
    rejected_file: Path | None = None
    ctx: RosterContext | None = field(default=None, repr=False, compare=False)  # what the rows were checked against
    categories: dict[str, str] = field(default_factory=dict)  # 类别 values of the file -> the event's categories
    unknown_categories: tuple[str, ...] = ()  # 类别 values of the file that are none of the event's categories
    hidden: tuple[tuple[int, str], ...] = ()  # (row, name) of the rows the workbook hides
    include_hidden: bool = False  # the hidden rows are checked and imported with the others
    valid_rows: tuple[PreviewRow, ...] = field(init=False, repr=False)
    rejected_rows: tuple[PreviewRow, ...] = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "valid_rows", tuple(r for r in self.rows if r.ok))
        object.__setattr__(self, "rejected_rows", tuple(r for r in self.rows if not r.ok))

    def as_json(self) -> dict:
        data = {"rows": len(self.rows), "valid": len(self.valid_rows), "imported": self.imported,
                "rejected": [{"row": r.row_number, "name": r.draft.name or None, "reasons": list(r.reasons)}
                             for r in self.rejected_rows]}
        if self.rejected_file is not None:
            data["rejected_file"] = str(self.rejected_file)
        if self.table.platform:
            data["platform"] = self.table.platform
        if self.hidden:
            data["hidden_rows"] = [{"row": n, "name": name or None} for n, name in self.hidden]
            data["hidden_rows_imported"] = self.include_hidden
        return data


def check_file(table: Table, mapping: Mapping[str, int] | None, ctx: RosterContext,
               categories: Mapping[str, str] | None = None, *, include_hidden: bool = False) -> ImportReport:
    """The preview of ``table`` as a dry-run report (no database access: ``ctx`` is a snapshot)."""
    mapping = check_mapping(table, guess_mapping(table.headers) if mapping is None else mapping)
    rows = preview(table, mapping, ctx, categories, include_hidden=include_hidden)
    hidden = ()
    if table.hidden_rows:
        names = mapping["name"]
        hidden = tuple((r.number, text_rules.one_line(cell_text(r.get(names))).strip()) for r in table.rows
                       if r.number in table.hidden_rows)
    return ImportReport(table, mapping, tuple(rows), ctx=ctx, categories=dict(categories or {}),
                        unknown_categories=unknown_categories(table, mapping, ctx), hidden=hidden,
                        include_hidden=include_hidden)


def check_categories(categories: Mapping[str, str], ctx: RosterContext) -> None:
    """Refuse a mapping of 类别 values to a category the event does not have."""
    for value, category in categories.items():
        if category not in ctx.categories:
            raise UserError(NO_SUCH_CATEGORY, value=value, category=category,
                            categories="、".join(sorted(ctx.categories)) or "—")


def commit(event_id: int, report: ImportReport) -> ImportReport:
    """Add the valid rows of ``report`` in one transaction (all or none: ``services.roster.import_drafts`` checks
    each again against the roster as it is now, and raises ``RosterRefused`` if one no longer passes).

    May run on a worker thread: that thread's database connection is closed again afterwards.
    """
    from db import models

    from ..services import roster as roster_service

    try:
        drafts = [r.draft for r in report.valid_rows]
        imported = 0
        with models.database.atomic():  # the chunks are savepoints of one transaction: all rows or none
            checked = report.ctx
            for start in range(0, len(drafts), COMMIT_CHUNK):
                chunk = drafts[start:start + COMMIT_CHUNK]
                imported += roster_service.import_drafts(event_id, chunk, checked_against=checked)
                checked = _with_added(checked, chunk)
    finally:
        _close_thread_connection()
    return replace(report, imported=imported, dry_run=False)


def _with_added(ctx: RosterContext | None, drafts: Sequence[InviteeDraft]) -> RosterContext | None:
    """The context the roster has once ``drafts`` (checked against ``ctx``) are added to it, as
    ``services.roster.context`` reads it: the next chunk is then trusted instead of checked again."""
    if ctx is None:
        return None
    ids, phones = dict(ctx.existing_ids), dict(ctx.existing_phones)
    for draft in drafts:
        if draft.id_number:
            ids[draft.id_number] = draft.name
        if draft.phone:
            phones[draft.phone] = draft.name
    return replace(ctx, existing_ids=ids, existing_phones=phones)


def _lean(report: ImportReport) -> ImportReport:
    """``report`` without what the commit no longer needs once the refused rows are written: the table's rows
    and the cells of the valid rows (half the memory of a 50,000-row file)."""
    rows = tuple(r if r.reasons else PreviewRow(r.row_number, r.draft, (), r.warnings, r.problems)
                 for r in report.rows)
    return replace(report, table=replace(report.table, rows=()), rows=rows)


def _close_thread_connection() -> None:
    if threading.current_thread() is threading.main_thread():
        return
    from db import models

    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()


def rejected_path(source: Path | str) -> Path:
    source = Path(source)
    return source.with_name(f"{source.stem}{REJECTED_SUFFIX}.xlsx")


def run_import(event_id: int, path: Path | str, *, mapping: Mapping[str, int] | None = None, dry_run: bool = False,
               save_rejected: bool = False, columns: Mapping[str, str] | None = None,
               sheet: str | None = None, categories: Mapping[str, str] | None = None,
               include_hidden: bool = False) -> ImportReport:
    """Read ``path``, check every row, and (unless ``dry_run``) import the valid ones in one transaction.

    ``columns`` (header text -> field, the CLI's ``--column``) corrects the guessed mapping; ``mapping`` (field ->
    column index) replaces it. Rows the workbook hides are named in the report and imported only with
    ``include_hidden``. With ``save_rejected`` (the CLI) and some rows refused, they are written to
    ``<stem>_未导入.xlsx`` beside ``path`` first; if that file cannot be written nothing is imported, and if the
    import fails it is removed.
    """
    from ..services import roster as roster_service

    ctx = roster_service.context(event_id)  # an unknown event is refused before the file is read
    if categories:
        check_categories(categories, ctx)
    table = read_roster(path, columns, sheet)
    if mapping is None and columns:
        mapping = mapping_with_columns(table, columns)
    report = check_file(table, mapping, ctx, categories, include_hidden=include_hidden)
    if dry_run:
        return report
    target = None
    if save_rejected and report.rejected_rows:
        target = write_rejected_xlsx(report, rejected_path(path))
    report = _lean(report)
    del table
    try:
        done = commit(event_id, report)
    except BaseException:
        if target is not None:
            target.unlink(missing_ok=True)
        raise
    return replace(done, rejected_file=target)


def write_rejected_xlsx(report: ImportReport, path: Path | str) -> Path:
    """The refused rows with their original columns and a last column naming each row's problems, under a
    title row and a frozen header; ID number and phone columns are text, so Excel cannot round them."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    table = report.table
    text_columns = {report.mapping[f] for f in ("id_number", "phone") if f in report.mapping}
    width = len(table.headers)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "未导入"
    sheet.append([i18n.text(REJECTED_TITLE, file=table.path.name, count=len(report.rejected_rows))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([*table.headers, i18n.text(PROBLEMS_HEADER)])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in report.rejected_rows:
        values = list(row.values[:width]) + [None] * max(width - len(row.values), 0)
        cells = []
        for column, value in enumerate(values):
            if column in text_columns and value is not None:
                value = code_text(value) if not isinstance(value, str) else value
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cells.append(value)
        sheet.append([*cells, i18n.text(ROW_PROBLEMS, row=row.row_number,
                                        problems=row.describe(errors_only=True))])
        for column, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            if column in text_columns:
                cell.number_format = "@"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
        sheet.cell(sheet.max_row, width + 1).alignment = Alignment(wrap_text=True, vertical="top")
    for column in range(1, width + 2):
        header = str(sheet.cell(2, column).value or "")
        wide = 22 if column - 1 in text_columns else 60 if column == width + 1 else max(10, 2 * len(header) + 4)
        sheet.column_dimensions[get_column_letter(column)].width = wide
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(CANNOT_WRITE, path=str(path), error=exc.strerror or type(exc).__name__) from None
    return path
