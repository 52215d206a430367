"""Writes an event's documents into a folder: the file names, and no half-written file left behind."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from ..domain import docdates
from ..domain.dates import cn_date
from ..domain.masking import mask_text
from ..domain.plan import DocFonts, PlanSnapshot
from ..domain.roster import RosterSnapshot
from ..errors import UserError
from ..files import in_progress, sweep_leftovers, temp_files_in
from ..i18n import QT_TRANSLATE_NOOP
from . import kinds as registry

KINDS = registry.KEYS
# Documents that report on the day: before it they could only state what has not happened.
POST_EVENT_KINDS = tuple(k.key for k in registry.KINDS if k.on_the_day)
DRAFT_MARK = "草稿"  # in the names of a draft's files and folders
NOT_YET = QT_TRANSLATE_NOOP(
    "core", "The {what} reports on the day of the event ({date}), which has not come yet: it can be written from "
            "that day on. To see how it will look, write it as a draft (marked 草稿).")
NO_DATE_YET = QT_TRANSLATE_NOOP(
    "core", "The {what} reports on the day of the event, and the event has no date yet: set the date in the "
            "Plan tab. To see how it will look, write it as a draft (marked 草稿).")
MISSING_FACTS = QT_TRANSLATE_NOOP(
    "core", "The {what} is published, and it would lack: {facts}. Fill them in first, or write it as a draft "
            "(marked 草稿).")
FILE_EXISTS = QT_TRANSLATE_NOOP(
    "core", "{path} already exists and was left as it is. Move it away first, or write again and replace it "
            "(openday export … --overwrite).")
PACKAGE_NAME = "归档包"


class FilesExist(UserError):
    """Files a write would replace, refused: ``paths`` name them (the window asks, the CLI needs --overwrite)."""

    def __init__(self, paths: list[Path]):
        super().__init__(FILE_EXISTS, path=", ".join(str(p) for p in paths))
        self.paths = list(paths)


def kind_name(kind: str) -> str:
    """A kind (or "package") as people name it: 活动实施情况, 归档包."""
    return PACKAGE_NAME if kind == "package" else registry.get(kind).name


def too_early(kind: str, date: dt.date | None, today: dt.date) -> UserError | None:
    """Why ``kind`` cannot be written yet for an event on ``date`` (a refusal to raise), or None."""
    if kind != "package" and not registry.get(kind).on_the_day:
        return None
    if date is None:
        return UserError(NO_DATE_YET, what=kind_name(kind))
    if today < date:
        return UserError(NOT_YET, what=kind_name(kind), date=cn_date(date))
    return None


def missing_facts(kind: str, context: registry.Context) -> UserError | None:
    """Why the published ``kind`` cannot be written from ``context``: the facts it would lack, or None."""
    missing = registry.get(kind).missing(context)
    return UserError(MISSING_FACTS, what=kind_name(kind), facts="、".join(missing)) if missing else None


ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120  # characters; keeps the full path well under Windows' 260
# Bytes (UTF-8, as Linux and a stick's exFAT count them; a Chinese character is 3): a name must fit 255 with its
# suffix, and a package folder's hidden ".<name>.<8 hex>.partial" while it is written.
MAX_STEM_BYTES = 200


def safe_name(text: str) -> str:
    """Drop the characters Windows refuses in a file name; no trailing dots or spaces, no reserved names; ID and
    mobile numbers masked (with ＊: Windows refuses *), as in a public document."""
    name = ILLEGAL.sub("", mask_text(text, star="＊")).strip().rstrip(". ")  # a caption may hold a phone number
    if name.upper().split(".")[0] in RESERVED:
        name = "_" + name
    return cut_to_bytes(name[:MAX_STEM], MAX_STEM_BYTES).rstrip(". ") or "未命名"


def cut_to_bytes(text: str, limit: int) -> str:
    """``text`` cut at a character boundary to at most ``limit`` UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def unit_stem(day: str, unit: str, what: str) -> str:
    """``<day>_<unit>_<what>`` as a file name; a long unit is cut, never the date or what the file is."""
    fixed = len(f"{day}__{what}".encode())
    return safe_name(f"{day}_{cut_to_bytes(unit, max(MAX_STEM_BYTES - fixed, 0))}_{what}")


def default_stem(snapshot, what: str) -> str:
    return unit_stem(snapshot.date.isoformat() if snapshot.date else "未定日期", snapshot.unit, what)


def export(kind: str, snapshot: PlanSnapshot | None, fonts: DocFonts, out_dir, *,
           today: dt.date | None = None, roster: RosterSnapshot | None = None,
           masked: bool = False, summary=None, feedback=None, route=None, attendance=None,
           naming: Callable[[str], str] | None = None, draft: bool = False, swept: list[Path] | None = None,
           dated: dt.date | None = None, overwrite: bool = False) -> list[Path]:
    """Write ``kind``'s files into ``out_dir`` (created if missing) and return their paths.

    Each kind is declared in ``documents.kinds``: the snapshot it reads (``roster=``, ``summary=``, ``feedback=``,
    ``route=``, ``attendance=``; the plan ``snapshot`` for the plan's kinds) names its files by its date and unit.
    Unless ``draft``, a kind that reports on the day is refused (``UserError``) before the day, and a published
    one that would lack a fact it needs is refused with the list; ``draft`` marks the Word documents 草稿 in their
    header and the file names. An existing file is never replaced unless ``overwrite``: ``FilesExist`` names it,
    and nothing is written. What an interrupted export left in ``out_dir`` (hidden ``.partial`` files and
    folders) is removed first and added to ``swept``.

    ``dated`` is the 成文日期 chosen for a dated kind; without it the kind's rule gives it (the 实施情况: the day
    after the event; the plan and the 公告: never after the event). File names are ``<date>_<unit>_<what>``;
    ``naming`` maps ``what`` (实施方案, 签到表 …) to another stem (the filing package numbers them instead).
    ``masked`` gives an internal kind's copy with ID numbers and phones masked.
    """
    spec = registry.get(kind)
    given = dict(zip(registry.SOURCES, (roster, summary, feedback, route, attendance), strict=True))
    if spec.reads != "plan" and given[spec.reads] is None:
        raise ValueError(f"the document kind {kind!r} is written from the {spec.reads}: pass {spec.reads}=…")
    source = snapshot if spec.reads == "plan" else given[spec.reads]
    today = today or dt.date.today()
    signed = dated or docdates.default_date(kind, known_dates(snapshot, source.date, today))
    context = registry.Context(snapshot, fonts, today, signed, dated, masked, draft, **given)
    if not draft:
        refusal = too_early(kind, source.date, today) or missing_facts(kind, context)
        if refusal is not None:
            raise refusal

    def file_stem(what: str) -> str:  # every document of one event: one date, one unit
        mark = f"_{DRAFT_MARK}" if draft else ""
        return safe_name(naming(what) + mark) if naming else default_stem(source, what + mark)

    jobs = spec.build(context, file_stem)
    out = Path(out_dir)
    if not overwrite and (existing := [out / name for name, _write in jobs if (out / name).exists()]):
        raise FilesExist(existing)
    out.mkdir(parents=True, exist_ok=True)
    removed = sweep_leftovers(out)
    if swept is not None:
        swept.extend(removed)
    return [_write_atomically(out / name, write) for name, write in jobs]


def known_dates(plan: PlanSnapshot | None, event_date: dt.date | None, today: dt.date) -> docdates.Known:
    """What the date rules read: the plan's 印发, filing and announcement dates when the plan is at hand."""
    if plan is None:
        return docdates.Known(event_date, today)
    return docdates.Known(event_date, today, plan.notice.date, plan.filing_date, plan.announcement_date)


# Errors that a full, read-only or removed USB stick gives, whatever file they name.
TARGET_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EIO}


def is_target_error(exc: OSError, out_dir) -> bool:
    """Whether ``exc`` is the target folder's fault (full, read-only, missing, not writable) rather than a
    problem inside the app (a missing template file, say)."""
    if exc.errno in TARGET_ERRNOS:
        return True
    names = [n for n in (exc.filename, exc.filename2) if n]
    if not names:
        return True
    out = Path(out_dir).absolute()
    return any(out == Path(n).absolute() or out in Path(n).absolute().parents for n in names)


def _write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Write to a temporary file beside ``target``, then rename it over ``target`` in one step."""
    # A fresh name rather than mkstemp: the writers create the file with the user's usual permissions.
    temp = target.with_name(f".~{uuid.uuid4().hex[:12]}.partial")
    disk = None
    try:
        with in_progress(temp), temp_files_in(target.parent):  # openpyxl's worksheet files: here, not in /tmp
            write(temp)
            os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        disk = _disk_error(exc)
        if disk is None:
            raise
        quiet = _QuietUnraisable()  # the writer the disk stopped is freed with this exception: silently
    if disk is not None:
        quiet.close()
        raise OSError(disk, os.strerror(disk), str(target))
    return target


def _disk_error(exc: BaseException) -> int | None:
    """The errno of a full or failing disk that a writer reported in its own way: lxml (under openpyxl) raises a
    SerialisationError "IO_ENOSPC" rather than an OSError."""
    if isinstance(exc, OSError):
        return None  # already the folder's error, as it is
    text = str(exc)
    for name in ("ENOSPC", "EROFS", "EDQUOT", "EIO"):
        if type(exc).__name__ == "SerialisationError" and f"IO_{name}" in text:
            return getattr(errno, name)
    return None


class _QuietUnraisable:
    """openpyxl leaves a worksheet writer half-way when the disk fills; its own close fails the same way and
    would print an "Exception ignored" traceback when it is freed. Until ``close()``, such reports are dropped;
    ``close()`` collects what is left and restores the hook."""

    def __init__(self) -> None:
        import sys

        self._previous = sys.unraisablehook
        sys.unraisablehook = lambda _unraisable: None

    def close(self) -> None:
        import gc
        import sys

        try:
            gc.collect()
        finally:
            sys.unraisablehook = self._previous
