"""Writes an event's documents into a folder: the file names, and no half-written file left behind."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..domain import docdates
from ..domain.dates import cn_date
from ..domain.masking import mask_text
from ..domain.plan import DocFonts, PlanSnapshot
from ..domain.roster import RosterSnapshot
from ..errors import UserError
from ..files import in_progress, sweep_leftovers, temp_files_in
from ..i18n import QT_TRANSLATE_NOOP
from .announcement import build_announcement
from .attendance import AttendanceSnapshot, build_attendance
from .feedback_docs import (
    FeedbackSnapshot,
    build_comment_form,
    build_feedback_report,
    build_notes,
    build_survey_form,
    write_ledger_xlsx,
    write_survey_chart,
    write_survey_xlsx,
)
from .gongwen import write_docx
from .model import Document
from .passes import write_passes_docx
from .plan import build_plan
from .roster_xlsx import write_roster_xlsx, write_signin_xlsx
from .route_docs import (
    CARDS_WHAT,
    ROUTE_WHAT,
    RouteSnapshot,
    build_guide_cards,
    build_route,
    timeline_png,
    timeline_spec,
)
from .signin import build_signin_sheet
from .signup_form import build_signup_form
from .signup_xlsx import write_signup_xlsx
from .summary_docs import SummarySnapshot, build_implementation, build_report

PLAN_KINDS = ("plan", "announcement", "signup-form")
ROSTER_KINDS = ("roster", "signin-sheet", "passes")  # these need a RosterSnapshot (``export(..., roster=…)``)
SUMMARY_KINDS = ("implementation", "summary")  # these need a SummarySnapshot (``export(..., summary=…)``)
ROUTE_KINDS = ("route",)  # ``route=RouteSnapshot``
FEEDBACK_KINDS = ("notes", "feedback-ledger", "feedback-report", "survey", "survey-form")  # ``feedback=…``
ATTENDANCE_KINDS = ("attendance",)  # ``attendance=AttendanceSnapshot``
KINDS = PLAN_KINDS + ROSTER_KINDS + ATTENDANCE_KINDS + ROUTE_KINDS + FEEDBACK_KINDS + SUMMARY_KINDS
# Documents that report on the day: before it they could only state what has not happened.
POST_EVENT_KINDS = ("attendance", "notes", "feedback-report", "implementation", "summary")
NOT_YET = QT_TRANSLATE_NOOP(
    "core", "The {what} reports on the day of the event ({date}), which has not come yet: it can be written from "
            "that day on. To see how it will look, write it as a draft (marked 草稿).")
NO_DATE_YET = QT_TRANSLATE_NOOP(
    "core", "The {what} reports on the day of the event, and the event has no date yet: set the date in the "
            "Plan tab. To see how it will look, write it as a draft (marked 草稿).")
KIND_NAMES = {"attendance": "签到记录", "notes": "座谈会记录", "feedback-report": "意见建议办理反馈情况", "implementation": "活动实施情况",
              "summary": "总结评估报告", "package": "归档包"}


def too_early(kind: str, date: dt.date | None, today: dt.date) -> UserError | None:
    """Why ``kind`` cannot be written yet for an event on ``date`` (a refusal to raise), or None."""
    if kind not in POST_EVENT_KINDS and kind != "package":
        return None
    if date is None:
        return UserError(NO_DATE_YET, what=KIND_NAMES[kind])
    if today < date:
        return UserError(NOT_YET, what=KIND_NAMES[kind], date=cn_date(date))
    return None
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


def default_stem(snapshot: PlanSnapshot | RosterSnapshot | SummarySnapshot, what: str) -> str:
    return unit_stem(snapshot.date.isoformat() if snapshot.date else "未定日期", snapshot.unit, what)


def export(kind: str, snapshot: PlanSnapshot | None, fonts: DocFonts, out_dir, *,
           today: dt.date | None = None, roster: RosterSnapshot | None = None,
           masked: bool = False, summary: SummarySnapshot | None = None, feedback: FeedbackSnapshot | None = None,
           route: RouteSnapshot | None = None, attendance: AttendanceSnapshot | None = None, naming: Callable[[str], str] | None = None,
           draft: bool = False, swept: list[Path] | None = None, dated: dt.date | None = None) -> list[Path]:
    """Write ``kind``'s files into ``out_dir`` (created if missing) and return their paths.

    The kinds in ``POST_EVENT_KINDS`` are refused (``UserError``) before the event's day unless ``draft``;
    ``draft`` marks the Word documents 草稿 in their header. What an interrupted export left in ``out_dir``
    (hidden ``.partial`` files and folders) is removed first and added to ``swept``.

    ``dated`` is the 成文日期 chosen for a dated kind (``domain.docdates.DATED_KINDS``); without it the kind's
    rule gives it (the 实施情况: the day after the event; the plan and the 公告: never after the event).

    File names are ``<date>_<unit>_<what>``; ``naming`` maps ``what`` (实施方案, 签到表 …) to another stem (the
    filing package numbers them instead).

    The kinds in ``ROSTER_KINDS`` are written from ``roster`` (required; their names take its date and unit) and
    do not read ``snapshot``; ``masked`` gives the 邀请名单 and the 签到记录 with ID numbers and phones masked.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; choose from {', '.join(KINDS)}")
    if kind in ROSTER_KINDS and roster is None:
        raise ValueError(f"the document kind {kind!r} is written from the roster: pass roster=RosterSnapshot")
    if kind in SUMMARY_KINDS and summary is None:
        raise ValueError(f"the document kind {kind!r} is written from the summary: pass summary=SummarySnapshot")
    if kind in FEEDBACK_KINDS and feedback is None:
        raise ValueError(f"the document kind {kind!r} is written from the feedback: pass feedback=FeedbackSnapshot")
    if kind in ATTENDANCE_KINDS and attendance is None:
        raise ValueError(f"the document kind {kind!r} is written from the check-ins: pass attendance=…")
    if kind in ROUTE_KINDS and route is None:
        raise ValueError(f"the document kind {kind!r} is written from the programme: pass route=RouteSnapshot")
    source = (roster if kind in ROSTER_KINDS else summary if kind in SUMMARY_KINDS
              else attendance if kind in ATTENDANCE_KINDS
              else feedback if kind in FEEDBACK_KINDS else route if kind in ROUTE_KINDS else snapshot)
    today = today or dt.date.today()
    if not draft and (refusal := too_early(kind, source.date, today)) is not None:
        raise refusal
    signed = dated or docdates.default_date(kind, known_dates(snapshot, source.date, today))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    removed = sweep_leftovers(out)
    if swept is not None:
        swept.extend(removed)

    def marked(doc: Document) -> Document:
        return replace(doc, draft=True) if draft else doc

    def file_stem(_snapshot, what: str) -> str:  # every document of one event: one date, one unit
        return safe_name(naming(what)) if naming else default_stem(source, what)

    jobs: list[tuple[str, Callable[[Path], object]]]
    if kind == "plan":
        doc = marked(build_plan(snapshot, today=signed))
        jobs = [(file_stem(snapshot, "实施方案") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "announcement":
        doc = marked(build_announcement(replace(snapshot, announcement_date=None) if dated else snapshot,
                                            today=signed))
        jobs = [(file_stem(snapshot, "活动公告") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "signup-form":
        doc = marked(build_signup_form(snapshot))
        stem = file_stem(snapshot, "报名表")
        jobs = [(stem + ".docx", lambda p: write_docx(doc, p, fonts)),
                (stem + ".xlsx", lambda p: write_signup_xlsx(snapshot, p, fonts))]
    elif kind == "roster":
        name = file_stem(roster, "邀请名单_脱敏" if masked else "邀请名单") + ".xlsx"
        jobs = [(name, lambda p: write_roster_xlsx(roster, p, masked=masked, fonts=fonts))]
    elif kind == "signin-sheet":
        doc = marked(build_signin_sheet(roster))
        stem = file_stem(roster, "签到表")
        jobs = [(stem + ".docx", lambda p: write_docx(doc, p, fonts)),
                (stem + ".xlsx", lambda p: write_signin_xlsx(roster, p, fonts))]
    elif kind == "attendance":
        doc = marked(build_attendance(attendance, masked=masked))
        jobs = [(file_stem(attendance, "签到记录_脱敏" if masked else "签到记录") + ".docx",
                 lambda p: write_docx(doc, p, fonts))]
    elif kind == "passes":
        jobs = [(file_stem(roster, "参观证") + ".docx", lambda p: write_passes_docx(roster, p, fonts))]
    elif kind == "implementation":
        doc = marked(build_implementation(summary, today=signed))
        jobs = [(file_stem(summary, "活动实施情况") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "summary":
        doc = marked(build_report(summary, today=signed))
        jobs = [(file_stem(summary, "总结评估报告") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "route":
        programme = marked(build_route(route, timeline_png(timeline_spec(route))))
        cards = marked(build_guide_cards(route))
        jobs = [(file_stem(route, ROUTE_WHAT) + ".docx", lambda p: write_docx(programme, p, fonts)),
                (file_stem(route, CARDS_WHAT) + ".docx", lambda p: write_docx(cards, p, fonts))]
    elif kind == "notes":
        doc = marked(build_notes(feedback))
        jobs = [(file_stem(feedback, "座谈会记录") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "feedback-ledger":
        jobs = [(file_stem(feedback, "意见建议台账") + ".xlsx",
                 lambda p: write_ledger_xlsx(feedback, p, fonts, today=today, masked=masked))]
    elif kind == "feedback-report":
        doc = marked(build_feedback_report(replace(feedback, signed=signed)))
        jobs = [(file_stem(feedback, "意见建议办理反馈情况") + ".docx", lambda p: write_docx(doc, p, fonts))]
    elif kind == "survey":
        stem = file_stem(feedback, "满意度测评统计")
        jobs = [(stem + ".xlsx", lambda p: write_survey_xlsx(feedback, p, fonts)),
                (stem + ".png", lambda p: write_survey_chart(feedback, p))]
    else:
        form, comments = marked(build_survey_form(feedback)), marked(build_comment_form(feedback))
        jobs = [(file_stem(feedback, "满意度测评表") + ".docx", lambda p: write_docx(form, p, fonts)),
                (file_stem(feedback, "征求意见表") + ".docx", lambda p: write_docx(comments, p, fonts))]
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
