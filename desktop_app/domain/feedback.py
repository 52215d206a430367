"""Feedback (意见建议): the suggestion's status flow and what each step requires, reply deadlines, the state of
each deadline on a given day, and the masking of names for publication. Pure: no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP
from . import workdays
from .rules import Finding

# -- the suggestion ------------------------------------------------------------------------------------------------

# Stored codes, in the order a suggestion goes through them: 待交办 → 办理中 → 已办结 → 已反馈.
STATUSES = ("pending", "in_progress", "done", "answered")
DONE_STATUSES = ("done", "answered")  # 已办结 counts the answered ones too, as the documents do
ANSWERED_STATUSES = ("answered",)  # 已反馈
STATUS_LABELS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("core", "To assign"),
    "in_progress": QT_TRANSLATE_NOOP("core", "In progress"),
    "done": QT_TRANSLATE_NOOP("core", "Handled"),
    "answered": QT_TRANSLATE_NOOP("core", "Answered"),
}

SOURCES: dict[str, str] = {
    "meeting": QT_TRANSLATE_NOOP("core", "Meeting"),  # 座谈会
    "form": QT_TRANSLATE_NOOP("core", "Comment form"),  # 征求意见表
    "survey": QT_TRANSLATE_NOOP("core", "Survey form"),  # 问卷
    "phone": QT_TRANSLATE_NOOP("core", "Follow-up call"),  # 电话回访
    "onsite": QT_TRANSLATE_NOOP("core", "On site"),  # 现场
    "online": QT_TRANSLATE_NOOP("core", "Online"),  # 线上
}

REPLY_CHANNELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("core", "By phone"),  # 电话
    "letter": QT_TRANSLATE_NOOP("core", "In writing"),  # 书面
    "in_person": QT_TRANSLATE_NOOP("core", "In person"),  # 当面
    "website": QT_TRANSLATE_NOOP("core", "Published on the website"),  # 网站公开
}

ADOPTIONS: dict[str, str] = {
    "adopted": QT_TRANSLATE_NOOP("core", "Adopted"),  # 采纳
    "partly": QT_TRANSLATE_NOOP("core", "Partly adopted"),  # 部分采纳
    "not_adopted": QT_TRANSLATE_NOOP("core", "Not adopted for now"),  # 暂不采纳（说明理由）
    "explained": QT_TRANSLATE_NOOP("core", "Explained"),  # 已解释说明
}

# The Chinese the published documents print, whatever the interface language.
STATUS_CN = {"pending": "待交办", "in_progress": "办理中", "done": "已办结", "answered": "已反馈"}
SOURCE_CN = {"meeting": "座谈会", "form": "征求意见表", "survey": "问卷", "phone": "电话回访", "onsite": "现场",
             "online": "线上"}
CHANNEL_CN = {"phone": "电话", "letter": "书面", "in_person": "当面", "website": "网站公开"}
ADOPTION_CN = {"adopted": "采纳", "partly": "部分采纳", "not_adopted": "暂不采纳", "explained": "已解释说明"}

NEEDS_CONTENT = QT_TRANSLATE_NOOP("core", "Type what was suggested (the content) before saving.")
NEEDS_DEPARTMENT = QT_TRANSLATE_NOOP(
    "core", "Choose the department (科室/窗口) that handles it before it can be assigned.")
NEEDS_REPLY = QT_TRANSLATE_NOOP(
    "core", "Type the reply, its date and how it was given before marking the suggestion answered.")
NEEDS_ADOPTION = QT_TRANSLATE_NOOP(
    "core", "Say whether the suggestion was adopted before marking it answered.")
NEEDS_REASON = QT_TRANSLATE_NOOP(
    "core", "A suggestion not adopted for now needs the reason, which is published with the reply.")
UNKNOWN_STATUS = QT_TRANSLATE_NOOP("core", "'{status}' is not a suggestion status.")


class SuggestionFacts(NamedTuple):
    """What the status rules look at."""

    content: str = ""
    department: str = ""
    reply: str = ""
    replied_at: dt.date | None = None
    reply_channel: str = ""
    adoption: str = ""
    adoption_reason: str = ""


def refusal(target: str, s: SuggestionFacts) -> str | None:
    """Why a suggestion with ``s`` cannot be in status ``target`` (a core source string), or None.

    Each status requires what the ones before it required: going back (reopening) is always allowed, going
    forward past several steps at once is allowed when everything they need is there.
    """
    if target not in STATUSES:
        return UNKNOWN_STATUS
    if not s.content.strip():
        return NEEDS_CONTENT
    rank = STATUSES.index(target)
    if rank >= 1 and not s.department.strip():
        return NEEDS_DEPARTMENT
    if rank >= 3:
        if not s.reply.strip() or s.replied_at is None or not s.reply_channel:
            return NEEDS_REPLY
        if s.adoption not in ADOPTIONS:
            return NEEDS_ADOPTION
        if s.adoption == "not_adopted" and not s.adoption_reason.strip():
            return NEEDS_REASON
    return None


def due_date(assigned: dt.date, days: int, *, working: bool,
             overrides: Mapping[dt.date, bool] | None = None) -> workdays.DueDate:
    """The reply deadline: ``days`` (15 by default) calendar or working days after the day it was assigned."""
    return workdays.add_days(assigned, days, working=working, overrides=overrides)


DUE_SOON_DAYS = 3


def due_state(status: str, due: dt.date | None, today: dt.date) -> str:
    """``answered`` once answered; else ``overdue`` past the due date, ``due_soon`` within 3 days of it,
    ``open`` before that, ``undated`` when not assigned yet."""
    if status == "answered":
        return "answered"
    if due is None:
        return "undated"
    left = (due - today).days
    if left < 0:
        return "overdue"
    return "due_soon" if left <= DUE_SOON_DAYS else "open"


class DueItem(NamedTuple):
    """One suggestion as the rule check sees it."""

    topic: str
    status: str
    due: dt.date | None


OVERDUE = QT_TRANSLATE_NOOP(
    "core", "{count} suggestion(s) are past their reply deadline without an answer (the earliest: “{topic}”, due "
            "{date}). Reply and record it in the Feedback tab.")
DUE_SOON = QT_TRANSLATE_NOOP(
    "core", "{count} suggestion(s) must be answered within {days} days (the first: “{topic}”, due {date}).")


def check(items: Iterable[DueItem], *, today: dt.date) -> list[Finding]:
    """``feedback_overdue`` (error) and ``feedback_due_soon`` (warning)."""

    findings: list[Finding] = []
    by_state: dict[str, list[DueItem]] = {}
    for item in items:
        by_state.setdefault(due_state(item.status, item.due, today), []).append(item)
    for state, code, severity, text in (("overdue", "feedback_overdue", "error", OVERDUE),
                                        ("due_soon", "feedback_due_soon", "warning", DUE_SOON)):
        rows = sorted(by_state.get(state, []), key=lambda i: i.due)
        if rows:
            first = rows[0]
            findings.append(Finding(code, severity, text, {
                "count": len(rows), "topic": first.topic or "—", "date": first.due,
                "days": DUE_SOON_DAYS}, page="feedback", field="ledger.table", due=first.due))
    return findings


def all_answered_on(statuses_and_dates: Sequence[tuple[str, dt.date | None]]) -> dt.date | None:
    """The day the last suggestion was answered when every one is, else None (also with no suggestions)."""
    if not statuses_and_dates or any(status != "answered" for status, _ in statuses_and_dates):
        return None
    days = [day for _, day in statuses_and_dates if day is not None]
    return max(days) if days else None


# -- publication -----------------------------------------------------------------------------------------------------

def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: the surname's first character and one star per other character."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)
