"""The document kinds, one declaration each: its name, its files, whether it is published or stays in the office
(and is then masked when it leaves), whether it reports on the day, the facts a published one cannot do
without, and how it is written from the snapshots. The CLI's export, the window's export menus, the 归档 tab and
the filing package iterate ``KINDS``; no other module lists them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..domain.plan import DocFonts, PlanSnapshot
from ..i18n import QT_TRANSLATE_NOOP
from .model import Document

# The snapshots a kind is written from, beyond the plan and the fonts every kind has (services.exports reads them).
SOURCES = ("roster", "summary", "feedback", "route", "attendance")

Writer = Callable[[Path], object]


class Context(NamedTuple):
    """What a kind's ``build`` receives: the snapshots read for it, and how this copy is written."""

    plan: PlanSnapshot | None
    fonts: DocFonts
    today: dt.date
    signed: dt.date  # the 成文日期 (a dated kind's chosen date, else its rule's)
    dated: dt.date | None  # the 成文日期 as chosen (None: the rule's)
    masked: bool
    draft: bool
    roster: object = None  # domain.roster.RosterSnapshot
    summary: object = None  # documents.summary_docs.SummarySnapshot
    feedback: object = None  # documents.feedback_docs.FeedbackSnapshot
    route: object = None  # documents.route_docs.RouteSnapshot
    attendance: object = None  # documents.attendance.AttendanceSnapshot

    def mark(self, doc: Document) -> Document:
        """A Word document as this copy is written: marked 草稿 in its header when a draft."""
        return replace(doc, draft=True) if self.draft else doc


Jobs = list[tuple[str, Writer]]  # file name -> the function writing it at a path


@dataclass(frozen=True)
class Kind:
    """One document kind.

    ``reads`` names the snapshot (in ``SOURCES``) whose date and unit name the files, or "plan". ``files`` are the
    identifiers its files carry (the package checks each file's by reading it back). ``public``: published or
    handed out as it is; otherwise it stays in the office, and the copy that leaves (the masked package) has ID
    numbers and phones masked (``masked_name``: the file then says 脱敏). ``on_the_day``: it reports on the day,
    refused before it unless a draft. ``needs``: the facts a public document states, as their names, of those
    the snapshots lack (a document missing one is refused unless a draft). ``filed``: its number in the filing
    package (None: not filed), under ``filed_name`` when that differs from ``name``. ``label``: its entry in
    the window's export menu (context "MainWindow"), ``group`` the menu section, ``tabs`` the tabs whose own
    menu or buttons offer it. ``masked_label``: a second menu entry for the masked copy."""

    key: str
    name: str
    label: str
    build: Callable[[Context, Callable[[str], str]], Jobs]
    reads: str = "plan"
    files: tuple[str, ...] = ()
    public: bool = True
    masked_name: bool = False
    on_the_day: bool = False
    dated: bool = False
    needs: Callable[[Context], list[str]] | None = None
    filed: int | None = None
    filed_name: str = ""
    group: str = "plan"
    tabs: tuple[str, ...] = ()
    masked_label: str = ""
    numbered: bool = False  # it carries the plan's 文号 (the 归档文件目录 prints it)
    tab_label: str = ""  # its button in a tab (context "SummaryTab"), where the tab has buttons rather than a menu

    @property
    def file_kinds(self) -> tuple[str, ...]:
        return self.files or (self.key,)

    @property
    def package_name(self) -> str:
        return self.filed_name or self.name

    def missing(self, c: Context) -> list[str]:
        """The facts this document needs that ``c`` lacks (always none for an internal one)."""
        return list(self.needs(c)) if self.needs is not None and self.public else []


# -- how each kind is written ---------------------------------------------------------------------------------------

def _word(c: Context, doc: Document) -> Writer:
    from .gongwen import write_docx

    return lambda path: write_docx(doc, path, c.fonts)


def _plan(c: Context, stem) -> Jobs:
    from .plan import build_plan

    return [(stem("实施方案") + ".docx", _word(c, c.mark(build_plan(c.plan, today=c.signed))))]


def _announcement(c: Context, stem) -> Jobs:
    from .announcement import build_announcement

    plan = replace(c.plan, announcement_date=None) if c.dated else c.plan
    return [(stem("活动公告") + ".docx", _word(c, c.mark(build_announcement(plan, today=c.signed))))]


def _announcement_needs(c: Context) -> list[str]:
    from ..domain.rules import missing_announcement_items

    return missing_announcement_items(c.plan)


def _signup_form(c: Context, stem) -> Jobs:
    from .signup_form import build_signup_form
    from .signup_xlsx import write_signup_xlsx

    name = stem("报名表")
    return [(name + ".docx", _word(c, c.mark(build_signup_form(c.plan)))),
            (name + ".xlsx", lambda path: write_signup_xlsx(c.plan, path, c.fonts))]


def _roster(c: Context, stem) -> Jobs:
    from .roster_xlsx import write_roster_xlsx

    return [(stem("邀请名单_脱敏" if c.masked else "邀请名单") + ".xlsx",
             lambda path: write_roster_xlsx(c.roster, path, masked=c.masked, fonts=c.fonts))]


def _signin_sheet(c: Context, stem) -> Jobs:
    from .roster_xlsx import write_signin_xlsx
    from .signin import build_signin_sheet

    name = stem("签到表")
    return [(name + ".docx", _word(c, c.mark(build_signin_sheet(c.roster)))),
            (name + ".xlsx", lambda path: write_signin_xlsx(c.roster, path, c.fonts))]


def _passes(c: Context, stem) -> Jobs:
    from .passes import write_passes_docx

    return [(stem("参观证") + ".docx", lambda path: write_passes_docx(c.roster, path, c.fonts))]


def _attendance(c: Context, stem) -> Jobs:
    from .attendance import build_attendance

    return [(stem("签到记录_脱敏" if c.masked else "签到记录") + ".docx",
             _word(c, c.mark(build_attendance(c.attendance, masked=c.masked))))]


def _route(c: Context, stem) -> Jobs:
    from .route_docs import (
        CARDS_WHAT,
        ROUTE_WHAT,
        build_guide_cards,
        build_route,
        timeline_png,
        timeline_spec,
    )

    programme = c.mark(build_route(c.route, timeline_png(timeline_spec(c.route))))
    cards = c.mark(build_guide_cards(c.route))
    return [(stem(ROUTE_WHAT) + ".docx", _word(c, programme)), (stem(CARDS_WHAT) + ".docx", _word(c, cards))]


def _notes(c: Context, stem) -> Jobs:
    from .feedback_docs import build_notes

    return [(stem("座谈会记录") + ".docx", _word(c, c.mark(build_notes(c.feedback))))]


def _ledger(c: Context, stem) -> Jobs:
    from .feedback_docs import write_ledger_xlsx

    return [(stem("意见建议台账") + ".xlsx",
             lambda path: write_ledger_xlsx(c.feedback, path, c.fonts, today=c.today, masked=c.masked))]


def _feedback_report(c: Context, stem) -> Jobs:
    from .feedback_docs import build_feedback_report

    doc = c.mark(build_feedback_report(replace(c.feedback, signed=c.signed)))
    return [(stem("意见建议办理反馈情况") + ".docx", _word(c, doc))]


def _survey(c: Context, stem) -> Jobs:
    from .feedback_docs import write_survey_chart, write_survey_xlsx

    name = stem("满意度测评统计")
    return [(name + ".xlsx", lambda path: write_survey_xlsx(c.feedback, path, c.fonts)),
            (name + ".png", lambda path: write_survey_chart(c.feedback, path))]


def _survey_form(c: Context, stem) -> Jobs:
    from .feedback_docs import build_comment_form, build_survey_form

    return [(stem("满意度测评表") + ".docx", _word(c, c.mark(build_survey_form(c.feedback)))),
            (stem("征求意见表") + ".docx", _word(c, c.mark(build_comment_form(c.feedback))))]


def _implementation(c: Context, stem) -> Jobs:
    from .summary_docs import build_implementation

    return [(stem("活动实施情况") + ".docx", _word(c, c.mark(build_implementation(c.summary, today=c.signed))))]


def _summary(c: Context, stem) -> Jobs:
    from .summary_docs import build_report

    return [(stem("总结评估报告") + ".docx", _word(c, c.mark(build_report(c.summary, today=c.signed))))]


def _day_facts(c: Context) -> list[str]:
    """A report on the day names the day and the place."""
    s = c.summary
    return [name for name, present in (("活动日期", s.date is not None), ("活动地点", bool(s.facts.venue.strip())))
            if not present]


# -- the registry, in the order of the archive (DOMAIN.md "Documents that get filed") ---------------------------

MENU = "MainWindow"  # the context of the menu labels
KINDS: tuple[Kind, ...] = (
    Kind("plan", "实施方案", QT_TRANSLATE_NOOP("MainWindow", "&Plan (Word)…"), _plan, dated=True, filed=1,
         numbered=True),
    Kind("announcement", "活动公告", QT_TRANSLATE_NOOP("MainWindow", "&Announcement (Word)…"), _announcement,
         dated=True, filed=2, needs=_announcement_needs),
    Kind("signup-form", "报名表", QT_TRANSLATE_NOOP("MainWindow", "&Registration form (Word and Excel)…"),
         _signup_form, files=("signup-form", "signup-form-xlsx"), filed=3),
    Kind("roster", "邀请名单", QT_TRANSLATE_NOOP("MainWindow", "&Invitee list (Excel, internal)…"), _roster,
         reads="roster", public=False, masked_name=True, filed=4, group="roster",
         masked_label=QT_TRANSLATE_NOOP("MainWindow", "Invitee list (Excel, &masked)…")),
    Kind("signin-sheet", "签到表", QT_TRANSLATE_NOOP("MainWindow", "&Sign-in sheet (Word and Excel)…"),
         _signin_sheet, reads="roster", files=("signin-sheet", "signin-sheet-xlsx"), filed=5, group="roster"),
    Kind("passes", "参观证", QT_TRANSLATE_NOOP("MainWindow", "Passes (&Word)…"), _passes, reads="roster",
         group="roster"),
    Kind("attendance", "签到记录", QT_TRANSLATE_NOOP("MainWindow", "Arrivals re&cord (Word, internal)…"),
         _attendance, reads="attendance", public=False, masked_name=True, on_the_day=True, filed=6,
         group="roster"),
    Kind("route", "活动流程", QT_TRANSLATE_NOOP("MainWindow", "Programme and guide car&ds (Word)…"), _route,
         reads="route", files=("route", "guide-cards"), filed=7, group="day"),
    Kind("notes", "座谈会记录", QT_TRANSLATE_NOOP("MainWindow", "Meeting &notes (Word)…"), _notes,
         reads="feedback", on_the_day=True, filed=8, group="day", tabs=("feedback",)),
    Kind("feedback-ledger", "意见建议台账", QT_TRANSLATE_NOOP("MainWindow", "Suggestions &ledger (Excel, internal)…"),
         _ledger, reads="feedback", public=False, filed=9, group="day", tabs=("feedback",)),
    Kind("feedback-report", "意见建议办理反馈情况",
         QT_TRANSLATE_NOOP("MainWindow", "Replies to su&ggestions (Word, for publication)…"), _feedback_report,
         reads="feedback", on_the_day=True, dated=True, filed=10, filed_name="意见反馈情况", group="day",
         tabs=("feedback",)),
    Kind("survey", "满意度测评统计", QT_TRANSLATE_NOOP("MainWindow", "Sur&vey statistics (Excel and chart)…"),
         _survey, reads="feedback", files=("survey", "survey-chart"), filed=11, group="day", tabs=("feedback",)),
    Kind("survey-form", "满意度测评表", QT_TRANSLATE_NOOP("MainWindow", "Blank survey and comment &forms (Word)…"),
         _survey_form, reads="feedback", group="day", tabs=("feedback",)),
    Kind("implementation", "活动实施情况", QT_TRANSLATE_NOOP("MainWindow", "Implemen&tation report (Word)…"),
         _implementation, reads="summary", on_the_day=True, dated=True, needs=_day_facts, filed=12,
         group="report", tabs=("summary",),
         tab_label=QT_TRANSLATE_NOOP("SummaryTab", "Export &implementation…")),
    Kind("summary", "总结评估报告", QT_TRANSLATE_NOOP("MainWindow", "Summary and &evaluation (Word)…"), _summary,
         reads="summary", on_the_day=True, dated=True, filed=13, group="report", tabs=("summary",),
         tab_label=QT_TRANSLATE_NOOP("SummaryTab", "Export &summary…")),
)
BY_KEY: dict[str, Kind] = {k.key: k for k in KINDS}
KEYS: tuple[str, ...] = tuple(BY_KEY)
FILED: tuple[Kind, ...] = tuple(sorted((k for k in KINDS if k.filed is not None), key=lambda k: k.filed))
DATED_KEYS: tuple[str, ...] = tuple(k.key for k in KINDS if k.dated)


def get(key: str) -> Kind:
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown document kind {key!r}; choose from {', '.join(KEYS)}") from None
