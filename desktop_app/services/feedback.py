"""The 意见 area: meeting notes typed live, the suggestions ledger with its reply deadlines and status flow, and
the satisfaction survey (questions, keyed-in paper forms, statistics)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from db import models

from .. import settings
from ..domain import feedback as rules
from ..domain.survey import DEFAULT_SCALE
from ..domain.text import clean
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit, record
from .counts import survey_stats as _survey_stats
from .live import live_event
from .values import local_time, text_value

GONE = QT_TRANSLATE_NOOP("core", "That entry no longer exists (it was deleted). The list is reloaded.")
EMPTY_REMARK = QT_TRANSLATE_NOOP("core", "Type the remark before adding the note.")
EMPTY_ANSWER = QT_TRANSLATE_NOOP("core", "This answer is empty; there is nothing to turn into a suggestion.")
NO_SCALE = QT_TRANSLATE_NOOP("core", "The questionnaire has no rating question; add one before entering forms.")
BAD_OPTIONS = QT_TRANSLATE_NOOP("core", "A rating question needs 2 to 9 options.")
EMPTY_QUESTION = QT_TRANSLATE_NOOP("core", "Type the question before saving it.")
BAD_DATE_ORDER = QT_TRANSLATE_NOOP("core", "The due date ({due}) is before the day it was assigned ({assigned}).")

DEPARTMENTS_KEY = "feedback.departments"

DEFAULT_QUESTIONS = (
    ("scale", "您对本次活动的组织安排是否满意？"),
    ("scale", "您对工作人员的讲解介绍是否满意？"),
    ("scale", "您对座谈交流环节是否满意？"),
    ("scale", "您对我单位的政务服务是否满意？"),
    ("open", "您对我单位的工作还有哪些意见和建议？"),
)


def _utc(local: dt.datetime) -> dt.datetime:
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _alive(model, row_id: int):
    row = model.get_or_none((model.id == row_id) & model.alive())
    if row is None:
        raise UserError(GONE)
    return row


# -- meeting notes ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NoteRow:
    id: int
    noted_at: dt.datetime  # local
    speaker: str  # as the record prints it: 张三（市民代表） / 王局长 / free text
    invitee_id: int | None
    staff_id: int | None
    speaker_text: str
    remark: str
    suggestion_id: int | None  # the suggestion made from it, if any


@dataclass(frozen=True)
class Speaker:
    """Someone who may speak at the meeting: a staff member (``kind`` "staff") or an invitee."""

    kind: str
    id: int
    name: str
    detail: str  # title, or the invitee's category


def _speaker_label(note: models.MeetingNote, invitees: Mapping[int, tuple[str, str]],
                   staff: Mapping[int, tuple[str, str]]) -> str:
    if note.speaker_invitee_id and note.speaker_invitee_id in invitees:
        name, category = invitees[note.speaker_invitee_id]
        return f"{name}（{category}）" if category else name
    if note.speaker_staff_id and note.speaker_staff_id in staff:
        name, title = staff[note.speaker_staff_id]
        return f"{name}（{title}）" if title else name
    return note.speaker_text


def _names(event_id: int) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    Inv, Cat = models.Invitee, models.InviteeCategory
    cats = dict(Cat.select(Cat.id, Cat.name).where(Cat.event == event_id).tuples())
    N = models.MeetingNote
    spoken = N.select(N.speaker_invitee).where((N.event == event_id) & N.speaker_invitee.is_null(False))
    invitees = {i: (name, cats.get(c, "")) for i, name, c in
                Inv.select(Inv.id, Inv.name, Inv.category).where(Inv.id.in_(spoken)).tuples()}
    S = models.Staff
    staff = {i: (name, title) for i, name, title in
             S.select(S.id, S.name, S.title).where(S.event == event_id).tuples()}
    return invitees, staff


def notes(event_id: int) -> list[NoteRow]:
    N = models.MeetingNote
    with models.database.atomic():
        invitees, staff = _names(event_id)
        made = {note_id: sid for sid, note_id in models.Suggestion.select(models.Suggestion.id, models.Suggestion.note)
                .where((models.Suggestion.event == event_id) & models.Suggestion.alive()
                       & models.Suggestion.note.is_null(False)).tuples()}
        return [NoteRow(n.id, local_time(n.noted_at), _speaker_label(n, invitees, staff), n.speaker_invitee_id,
                        n.speaker_staff_id, n.speaker_text, n.remark, made.get(n.id))
                for n in N.select().where((N.event == event_id) & N.alive())
                .order_by(N.noted_at, N.id)]


def staff_speakers(event_id: int) -> list[Speaker]:
    S = models.Staff
    return [Speaker("staff", s.id, s.name, s.title) for s in
            S.select().where((S.event == event_id) & S.alive()).order_by(S.id)]


def add_note(event_id: int, remark: str, *, invitee_id: int | None = None, staff_id: int | None = None,
             speaker_text: str = "", noted_at: dt.datetime | None = None) -> NoteRow:
    """A remark made at the meeting; ``noted_at`` is local time (default now)."""
    if not remark.strip():
        raise UserError(EMPTY_REMARK)
    with models.database.atomic():
        live_event(event_id)
        note = models.MeetingNote.create(
            event=event_id, noted_at=_utc(noted_at) if noted_at else models.utcnow(),
            speaker_invitee=invitee_id, speaker_staff=staff_id if not invitee_id else None,
            speaker_text="" if (invitee_id or staff_id) else clean(speaker_text).strip(), remark=clean(remark).strip())
        audit.record("feedback.note.add", event_id=event_id, target="meeting_note", target_uuid=note.uuid)
    return next(n for n in notes(event_id) if n.id == note.id)


def update_note(note_id: int, *, remark: str | None = None, speaker_text: str | None = None) -> None:
    with models.database.atomic():
        note = _alive(models.MeetingNote, note_id)
        if remark is not None:
            if not remark.strip():
                raise UserError(EMPTY_REMARK)
            note.remark = clean(remark).strip()
        if speaker_text is not None:
            note.speaker_text, note.speaker_invitee, note.speaker_staff = clean(speaker_text).strip(), None, None
        note.save()
        audit.record("feedback.note.edit", event_id=note.event_id, target="meeting_note", target_uuid=note.uuid,
                     coalesce=True)


def _set_deleted(model, row_id: int, deleted: bool, action: str) -> None:
    """Delete a row (soft, so it can be undone, and travels in bundles) or bring it back."""
    with models.database.atomic():
        row = model.get_by_id(row_id)
        row.deleted = deleted
        row.save()
        audit.record(f"{action}.{'delete' if deleted else 'restore'}", event_id=row.event_id,
                     target=model._meta.table_name, target_uuid=row.uuid)


def set_note_deleted(note_id: int, deleted: bool = True) -> None:
    _set_deleted(models.MeetingNote, note_id, deleted, "feedback.note")


def note_to_suggestion(note_id: int) -> SuggestionRow:
    """A suggestion from a meeting remark, linked to it (and to the speaker, when an invitee); a note already
    turned into one gives that one."""
    with models.database.atomic():
        note = _alive(models.MeetingNote, note_id)
        existing = models.Suggestion.get_or_none((models.Suggestion.note == note.id)
                                                 & models.Suggestion.alive())
        if existing is not None:
            return suggestion(existing.id)
        row = add_suggestion(note.event_id, source="meeting", invitee_id=note.speaker_invitee_id,
                             note_id=note.id, content=note.remark)
    return row


def _topic(text: str, width: int = 16) -> str:
    """The topic a suggestion gets unless one is typed: its first sentence, or as much of it as fits ``width``
    (up to the last comma inside, when there is one), never with a “…” that would be saved as part of it."""
    first = text.strip().replace("\n", " ").split("。")[0].strip()
    if len(first) <= width + width // 4:  # a sentence a little longer is kept whole, not cut before its last word
        return first
    cut = max(first.rfind(mark, 0, width + 1) for mark in "，、；,;")
    if cut >= width // 2:
        return first[:cut].strip()
    if _inside_a_word(first, width):  # “Saturday opening” is not cut to “Saturday ope”
        space = first.rfind(" ", 0, width + 1)
        if space >= width // 2:
            return first[:space].strip()
    return first[:width].strip()


def _inside_a_word(text: str, at: int) -> bool:
    """Whether a cut at ``at`` splits a run of Latin letters or digits (Chinese may be cut between any two)."""
    return 0 < at < len(text) and all(c.isascii() and c.isalnum() for c in (text[at - 1], text[at]))


# -- suggestions -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SuggestionRow:
    id: int
    uuid: str
    source: str  # rules.SOURCES code
    invitee_id: int | None
    person: str  # the invitee's name (internal screens only)
    note_id: int | None
    topic: str
    content: str
    department: str
    assignee: str
    assigned_at: dt.date | None
    due_date: dt.date | None
    status: str  # rules.STATUSES code
    adoption: str
    adoption_reason: str
    reply: str
    reply_channel: str
    replied_at: dt.date | None

    def due_state(self, today: dt.date) -> str:
        return rules.due_state(self.status, self.due_date, today)


FIELDS = ("source", "invitee_id", "note_id", "topic", "content", "department", "assignee", "assigned_at",
          "due_date", "status", "adoption", "adoption_reason", "reply", "reply_channel", "replied_at")
_COLUMNS = {"invitee_id": "invitee", "note_id": "note"}
_DATES = ("assigned_at", "due_date", "replied_at")


def _row(s: models.Suggestion, names: Mapping[int, str]) -> SuggestionRow:
    return SuggestionRow(s.id, s.uuid, s.source, s.invitee_id, names.get(s.invitee_id, "") if s.invitee_id else "",
                         s.note_id, s.topic, s.content, s.department, s.assignee, s.assigned_at, s.due_date,
                         s.status, s.adoption, s.adoption_reason, s.reply, s.reply_channel, s.replied_at)


def _invitee_names(event_id: int) -> dict[int, str]:
    """The names of the people who made a suggestion of the event (a few), not of the whole roster."""
    Inv, S = models.Invitee, models.Suggestion
    authors = S.select(S.invitee).where((S.event == event_id) & S.invitee.is_null(False))
    return dict(Inv.select(Inv.id, Inv.name).where(Inv.id.in_(authors)).tuples())


def suggestions(event_id: int) -> list[SuggestionRow]:
    S = models.Suggestion
    with models.database.atomic():
        names = _invitee_names(event_id)
        return [_row(s, names) for s in S.select().where((S.event == event_id) & S.alive())
                .order_by(S.id)]


def suggestion(suggestion_id: int) -> SuggestionRow:
    s = models.Suggestion.get_by_id(suggestion_id)
    return _row(s, _invitee_names(s.event_id))


def reply_days(event_id: int) -> tuple[int, bool]:
    """(days, working) of the event's reply deadline: 15 calendar days unless the plan's thresholds say other."""
    from . import plan

    t = plan.get_plan(event_id).thresholds
    return t.feedback_days, t.working_days


def due_for(event_id: int, assigned: dt.date) -> rules.workdays.DueDate:
    from . import plan

    days, working = reply_days(event_id)
    return rules.due_date(assigned, days, working=working, overrides=plan.holiday_overrides())


def _coerce(field: str, value):
    if field in _DATES:
        if value in (None, ""):
            return None
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if field in ("invitee_id", "note_id"):
        return int(value) if value not in (None, "") else None
    return text_value(value).strip()


def add_suggestion(event_id: int, *, today: dt.date | None = None, **values) -> SuggestionRow:
    """A new suggestion (status 待交办 and a topic from the start of its content unless given); refused when the
    status asks for what is missing."""
    values.setdefault("status", "pending")
    values.setdefault("source", "onsite")
    values.setdefault("topic", _topic(str(values.get("content") or "")))
    with models.database.atomic():
        live_event(event_id)
        s = models.Suggestion(event=event_id)
        _apply(s, values, today or dt.date.today())
        s.save()
        audit.record("feedback.suggestion.add", event_id=event_id, target="suggestion", target_uuid=s.uuid,
                     summary=rules.STATUS_CN.get(s.status, s.status))
    return suggestion(s.id)


def update_suggestion(suggestion_id: int, *, today: dt.date | None = None, **values) -> SuggestionRow:
    """Change fields of a suggestion. Moving it to 办理中 fills in the day it was assigned (today) and its due
    date (the event's reply deadline after it) unless they are given; refused when the new status asks for what
    is missing (a department, a reply, a reason), and then nothing is changed."""
    with models.database.atomic():
        s = _alive(models.Suggestion, suggestion_id)
        before = {f: getattr(s, _COLUMNS.get(f, f) + ("_id" if f in _COLUMNS else "")) for f in FIELDS}
        _apply(s, values, today or dt.date.today())
        after = {f: getattr(s, _COLUMNS.get(f, f) + ("_id" if f in _COLUMNS else "")) for f in FIELDS}
        changed = [f for f in FIELDS if before[f] != after[f]]
        if not changed:
            return suggestion(s.id)
        s.save()
        for f in changed:
            audit.record("feedback.suggestion.edit", event_id=s.event_id, target="suggestion", target_uuid=s.uuid,
                         field=f, summary=rules.STATUS_CN.get(s.status, "") if f == "status" else "",
                         coalesce=f != "status")
    return suggestion(s.id)


def _apply(s: models.Suggestion, values: Mapping, today: dt.date) -> None:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown suggestion fields: {sorted(unknown)}")
    for field, value in values.items():
        column = _COLUMNS.get(field, field)
        setattr(s, column + ("_id" if field in _COLUMNS else ""), _coerce(field, value))
    if s.status != "pending" and s.assigned_at is None:
        s.assigned_at = today
    if s.assigned_at is not None and ("assigned_at" in values or s.due_date is None) and "due_date" not in values:
        s.due_date = due_for(s.event_id, s.assigned_at).date
    if s.assigned_at and s.due_date and s.due_date < s.assigned_at:
        from ..domain.dates import cn_date

        raise UserError(BAD_DATE_ORDER, due=cn_date(s.due_date), assigned=cn_date(s.assigned_at))
    if s.status == "answered" and s.replied_at is None and s.reply.strip():
        s.replied_at = today
    problem = rules.refusal(s.status, rules.SuggestionFacts(
        s.content, s.department, s.reply, s.replied_at, s.reply_channel, s.adoption, s.adoption_reason))
    if problem:
        raise UserError(problem, status=s.status)


RECORDER_KEY = "feedback.recorder"


def recorder(event_id: int) -> str:
    """Who took the meeting's notes (记录人), as recorded; "" when nobody was named."""
    return str(settings.get(RECORDER_KEY, event_id) or "")


def set_recorder(event_id: int, name: str) -> None:
    live_event(event_id)
    name = text_value(name).strip()
    if name == recorder(event_id):
        return
    settings.set(RECORDER_KEY, name, event_id)
    audit.record("feedback.recorder", event_id=event_id, field="recorder", summary=name)


def set_suggestion_deleted(suggestion_id: int, deleted: bool = True) -> None:
    _set_deleted(models.Suggestion, suggestion_id, deleted, "feedback.suggestion")


@dataclass(frozen=True)
class LedgerCounts:
    total: int
    by_status: dict[str, int]
    by_department: dict[str, int]
    overdue: int
    due_soon: int

    def reported(self) -> dict[str, int]:
        """The counts by status as the record of the day and the documents give them: 已办结 counts the answered
        ones too (已办结1条，已反馈1条), so every screen shows the same figure for the same word."""
        return {code: (sum(self.by_status.get(s, 0) for s in rules.DONE_STATUSES) if code == "done" else
                       sum(self.by_status.get(s, 0) for s in rules.ANSWERED_STATUSES) if code == "answered" else n)
                for code, n in self.by_status.items()}


def counts(rows: Sequence[SuggestionRow], today: dt.date) -> LedgerCounts:
    states = Counter(r.due_state(today) for r in rows)
    return LedgerCounts(len(rows), {code: sum(1 for r in rows if r.status == code) for code in rules.STATUSES},
                        dict(Counter(r.department or "" for r in rows).most_common()),
                        states["overdue"], states["due_soon"])


def departments(event_id: int) -> list[str]:
    """The managed list of 科室/窗口: the one kept for the event, else the staff's departments; plus any a
    suggestion names that the list lacks."""
    kept = settings.get(DEPARTMENTS_KEY, event_id)
    if kept is None:
        S = models.Staff
        kept = [d for (d,) in S.select(S.department).where((S.event == event_id) & S.alive()
                                                            & (S.department != "")).distinct().tuples()]
    used = [d for (d,) in models.Suggestion.select(models.Suggestion.department)
            .where((models.Suggestion.event == event_id) & (models.Suggestion.department != "")).distinct().tuples()]
    return list(dict.fromkeys([*kept, *sorted(used)]))


def set_departments(event_id: int, names: Sequence[str]) -> None:
    settings.set(DEPARTMENTS_KEY, list(dict.fromkeys(n.strip() for n in names if n.strip())), event_id)
    audit.record("feedback.departments", event_id=event_id, summary=f"{len(names)}")


# -- the survey ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    id: int
    position: int
    kind: str  # scale | open
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class ResponseRow:
    id: int
    form_no: int | None
    entered_at: dt.datetime  # local
    keyed: str  # the rating answers as typed: 1–9, 0 for blank
    open_text: str


def _live_questions(event_id: int):
    Q = models.SurveyQuestion
    return Q.select().where((Q.event == event_id) & Q.alive()).order_by(Q.position, Q.id)


def questions(event_id: int) -> list[Question]:
    return [Question(q.id, q.position, q.kind, q.text, tuple(json.loads(q.options or "[]")))
            for q in _live_questions(event_id)]


def ensure_questionnaire(event_id: int) -> list[Question]:
    """The event's questions; an event without any gets the default questionnaire (5-point scale)."""
    with models.database.atomic():
        if not _live_questions(event_id).exists():
            options = json.dumps(DEFAULT_SCALE, ensure_ascii=False)
            for pos, (kind, text) in enumerate(DEFAULT_QUESTIONS):
                models.SurveyQuestion.create(event=event_id, position=pos, kind=kind, text=text,
                                             options=options if kind == "scale" else "[]")
            audit.record("feedback.survey.template", event_id=event_id, target="survey_question")
    return questions(event_id)


def save_question(event_id: int, question_id: int | None, *, kind: str, text: str,
                  options: Sequence[str] = DEFAULT_SCALE) -> Question:
    """Add (``question_id`` None) or change a question."""
    if not text.strip():
        raise UserError(EMPTY_QUESTION)
    options = [o.strip() for o in options if o.strip()] if kind == "scale" else []
    if kind == "scale" and not 2 <= len(options) <= 9:
        raise UserError(BAD_OPTIONS)
    with models.database.atomic():
        if question_id is None:
            q = models.SurveyQuestion(event=event_id, position=len(questions(event_id)))
        else:
            q = _alive(models.SurveyQuestion, question_id)
        q.kind, q.text, q.options = kind, text.strip(), json.dumps(options, ensure_ascii=False)
        q.save()
        audit.record("feedback.survey.question", event_id=event_id, target="survey_question", target_uuid=q.uuid)
    return next(x for x in questions(event_id) if x.id == q.id)


def delete_question(question_id: int) -> None:
    with models.database.atomic():
        q = _alive(models.SurveyQuestion, question_id)
        q.deleted = True
        q.save()
        for pos, other in enumerate(_live_questions(q.event_id)):
            if other.position != pos:
                other.position = pos
                other.save()
        audit.record("feedback.survey.question.delete", event_id=q.event_id, target="survey_question",
                     target_uuid=q.uuid)


def move_question(question_id: int, to_index: int) -> None:
    with models.database.atomic():
        q = _alive(models.SurveyQuestion, question_id)
        rows = [r for r in _live_questions(q.event_id) if r.id != q.id]
        rows.insert(max(0, min(to_index, len(rows))), q)
        for pos, row in enumerate(rows):
            if row.position != pos:
                row.position = pos
                row.save()
        audit.record("feedback.survey.question.move", event_id=q.event_id, target="survey_question",
                     target_uuid=q.uuid, coalesce=True)


def add_response(event_id: int, choices: Sequence[int | None], open_texts: Mapping[int, str] | None = None,
                 *, form_no: int | None = None) -> ResponseRow:
    """One paper form: ``choices`` in the order of the rating questions (None: left blank), ``open_texts``
    by question id. Numbered on from the last form unless ``form_no`` is given."""
    with models.database.atomic():
        qs = questions(event_id)
        scale = [q for q in qs if q.kind == "scale"]
        if not scale and choices:
            raise UserError(NO_SCALE)
        if form_no is None:
            R = models.SurveyResponse
            last = (R.select(models.fn.MAX(R.form_no)).where((R.event == event_id) & R.alive())
                    .scalar())
            form_no = (last or 0) + 1
        response = models.SurveyResponse.create(event=event_id, form_no=form_no)
        for q, choice in zip(scale, choices, strict=False):
            if choice is not None and not 0 <= choice < len(q.options):
                raise ValueError(f"choice {choice} out of range for question {q.id}")
            models.SurveyAnswer.create(response=response, question=q.id, choice=choice)
        for q in qs:
            text = (open_texts or {}).get(q.id, "").strip()
            if q.kind == "open" and text:
                models.SurveyAnswer.create(response=response, question=q.id, text=text)
        audit.record("feedback.survey.response", event_id=event_id, target="survey_response",
                     target_uuid=response.uuid, summary=f"No.{form_no}")
    return next(r for r in responses(event_id) if r.id == response.id)


def responses(event_id: int) -> list[ResponseRow]:
    R, A = models.SurveyResponse, models.SurveyAnswer
    with models.database.atomic():
        qs = questions(event_id)
        scale_ids = [q.id for q in qs if q.kind == "scale"]
        rows = list(R.select().where((R.event == event_id) & R.alive()).order_by(R.form_no, R.id))
        answers: dict[int, dict[int, A]] = {}
        for a in A.select().where(A.response.in_([r.id for r in rows]) & A.alive()):
            answers.setdefault(a.response_id, {})[a.question_id] = a
        out = []
        for r in rows:
            mine = answers.get(r.id, {})
            keyed = "".join(str(mine[q].choice + 1) if q in mine and mine[q].choice is not None else "0"
                            for q in scale_ids)
            text = " / ".join(a.text for q, a in mine.items() if q not in scale_ids and a.text)
            out.append(ResponseRow(r.id, r.form_no, local_time(r.entered_at), keyed, text))
        return out


def set_response_deleted(response_id: int, deleted: bool = True) -> None:
    _set_deleted(models.SurveyResponse, response_id, deleted, "feedback.survey.response")


survey_stats = _survey_stats  # the survey counted: one place, which the record of the day reads too


def answer_to_suggestion(answer_id: int) -> SuggestionRow:
    """An open answer of the survey as a suggestion (source 问卷)."""
    with models.database.atomic():
        a = _alive(models.SurveyAnswer, answer_id)
        if not a.text.strip():
            raise UserError(EMPTY_ANSWER)
        event_id = a.response.event_id
        existing = (models.Suggestion.select().where((models.Suggestion.event == event_id)
                                                     & (models.Suggestion.source == "survey")
                                                     & (models.Suggestion.content == a.text.strip())
                                                     & models.Suggestion.alive()).first())
        if existing is not None:
            return suggestion(existing.id)
        return add_suggestion(event_id, source="survey", content=a.text)


# -- documents -------------------------------------------------------------------------------------------------------

def feedback_snapshot(event_id: int, *, day=None, signed: dt.date | None = None):
    """Everything the feedback documents need, read in one transaction (the writers then run on a worker); their
    figures from the record of the day (``day``, when read already); ``signed``: the 成文日期 chosen."""
    from ..documents.feedback_docs import FeedbackSnapshot, MeetingInfo

    with models.database.atomic():
        e = live_event(event_id)
        A = models.AgendaItem
        meeting = (A.select().where((A.event == e.id) & A.alive() & (A.kind == "meeting"))
                   .order_by(A.position).first())
        from . import plan

        start = next((r.start for r in plan.agenda_rows(e) if r.kind == "meeting"), None)
        info = MeetingInfo(place=meeting.place if meeting else e.venue, start=start,
                           host=(meeting.guide.name if meeting and meeting.guide_id else
                                 meeting.guide_text if meeting else ""), recorder=recorder(event_id))
        return FeedbackSnapshot(
            event_uuid=e.uuid, unit=e.unit, title=e.title, date=e.date, venue=e.venue, meeting=info,
            notes=tuple(notes(event_id)), suggestions=tuple(suggestions(event_id)),
            questions=tuple(questions(event_id)) or default_questions(), stats=survey_stats(event_id),
            record=day or record.build(event_id), signed=signed)


def default_questions() -> tuple[Question, ...]:
    """The default questionnaire as the blank 测评表 prints it for an event that has no questions yet (nothing is
    stored: the questions are added when the first form is entered)."""
    return tuple(Question(0, pos, kind, text, tuple(DEFAULT_SCALE) if kind == "scale" else ())
                 for pos, (kind, text) in enumerate(DEFAULT_QUESTIONS))
