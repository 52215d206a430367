"""The demo event (seed 002, 西吉县审批服务管理局) with fictional people, from ``resources/demo/demo_event.json``."""

from __future__ import annotations

import datetime as dt
import json
import random

from db import models

from . import paths
from .bundle import log
from .domain import dates, idcard, phones, roster, workdays
from .services import audit
from .services.events import EventInfo, get_event


def load_demo_data() -> dict:
    return json.loads(paths.resource("demo", "demo_event.json").read_text(encoding="utf-8"))


def default_demo_date(today: dt.date | None = None) -> dt.date:
    """The first working day 30 days or more from today (an Open Day is held on a working day)."""
    return workdays.next_workday((today or dt.date.today()) + dt.timedelta(days=30))


def held_demo_date(today: dt.date | None = None) -> dt.date:
    """The last working day at least ``HELD_DAYS_AGO`` days ago."""
    day = (today or dt.date.today()) - dt.timedelta(days=HELD_DAYS_AGO)
    while workdays.day_off(day) is not None:
        day -= dt.timedelta(days=1)
    return day


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


HELD_DAYS_AGO = 10  # a held demo event: its replies are due in a few days, one short deadline is already past


def create_demo_event(day: dt.date | None = None, *, held: bool = False) -> EventInfo:
    """Add the demo event on ``day`` and return it. By default it is being prepared (30 days from today);
    ``held`` gives an event that took place (10 days ago unless ``day`` says otherwise) with the day's records:
    check-ins, meeting notes, suggestions in every status, survey forms."""
    day = day or (held_demo_date() if held else default_demo_date())
    data = load_demo_data()
    spec = data["event"]
    fill = {"year": day.year, "date": dates.cn_date(day), "venue": spec["venue"], "theme": spec["theme"]}
    with models.database.atomic():
        event = models.Event(
            unit=spec["unit"],
            title=spec["title"].format(**fill),
            theme=spec["theme"],
            basis_title=spec["basis_title"],
            basis_number=spec["basis_number"],
            date=day,
            start_time=_time(spec["start_time"]),
            end_time=_time(spec["end_time"]),
            venue=spec["venue"],
            gathering_place=spec["gathering_place"],
            gathering_time=_time(spec["gathering_time"]),
            forms=json.dumps(spec["forms"], ensure_ascii=False),
            registration_channels=json.dumps(spec["registration_channels"], ensure_ascii=False),
            registration_deadline=day - dt.timedelta(days=spec["registration_deadline_days_before"]),
            announcement_date=day - dt.timedelta(days=spec["announcement_days_before"]),
            filing_date=day - dt.timedelta(days=spec["filing_days_before"]),
            selection_rule=spec["selection_rule"],
            registration_phone=spec["registration_phone"],
            registration_email=spec["registration_email"],
            undersubscribed_rule=spec["undersubscribed_rule"],
            experiences=json.dumps(spec["experiences"], ensure_ascii=False),
            plan_options=json.dumps(_plan_options(spec["plan_options"], day), ensure_ascii=False),
            contact_person=spec["contact_person"],
            contact_phone=spec["contact_phone"],
            contact_email=spec["contact_email"],
            reminders=spec["reminders"],
        )
        event.save()
        staff = {}
        for row in data["staff"]:
            member = models.Staff(event=event, name=row["name"], title=row["title"], department=row["department"])
            member.save()
            staff[row["key"]] = member
        for pos, row in enumerate(data["leading_group"]):
            person = staff[row["staff"]]
            models.LeadingGroupMember(event=event, position=pos, role=row["role"], staff=person, name=person.name,
                                      title=person.title).save()
        for pos, row in enumerate(data["duties"]):
            leader = staff[row["leader"]]
            models.Duty(event=event, position=pos, task=row["task"], leader=leader, leader_text=leader.name,
                        responsible=row["responsible"]).save()
        for pos, row in enumerate(data["plan_sections"]):
            models.PlanSection(event=event, position=pos, kind=row["kind"], heading=row["heading"],
                               body=row["body"].format(**fill)).save()
        for pos, row in enumerate(data["agenda"]):
            guide = staff.get(row.get("guide", ""))
            models.AgendaItem(
                event=event, position=pos, kind=row["kind"], title=row["title"], place=row.get("place", ""),
                guide=guide, guide_text=guide.name if guide else "", content=row.get("content", ""),
                transfer_mode=row.get("transfer_mode", ""), duration_min=row["duration_min"],
                pinned_start=_time(row.get("pinned_start")),
            ).save()
        options = json.dumps(data["survey_options"], ensure_ascii=False)
        for pos, row in enumerate(data["survey"]):
            models.SurveyQuestion(event=event, position=pos, kind=row["kind"], text=row["text"],
                                  options=options if row["kind"] == "scale" else "[]").save()
        categories = []
        for pos, row in enumerate(data["categories"]):
            category = models.InviteeCategory(event=event, position=pos, name=row["name"], quota=row["quota"],
                                              counts_as_public=row["counts_as_public"])
            category.save()
            categories.append((category, row["quota"]))
        _add_people(event, categories, data["people"])
        if held:
            _add_day(event, staff, data["day"], data["survey_options"])
        audit.record("event.demo", event_id=event.id, target="event", target_uuid=event.uuid, summary=event.title)
    return get_event(event.id)


def _plan_options(options: dict, day: dt.date) -> dict:
    notice = dict(options["notice"])
    written = day - dt.timedelta(days=notice.pop("date_days_before"))
    notice["doc_number"] = notice["doc_number"].format(year=written.year)  # the year of the 成文日期
    notice["date"] = written.isoformat()
    return {**options, "notice": notice}


def _add_people(event: models.Event, categories, people: dict) -> None:
    """Fictional invitees with valid ID numbers; the same people every time (fixed seed). Every category is
    filled to its quota and confirmed with a pass; the public category has more registrations than places, so
    the demo also shows a waiting list, a cancellation and late registrations."""
    rng = random.Random(2021)
    surnames = people["surnames"]
    used_names: set[str] = set()
    deadline = event.registration_deadline
    supervisors, organisations = people["supervisors"], people["organisations"]
    extra = people.get("extra_public", ("waitlisted", "waitlisted", "cancelled", "registered", "registered"))
    taken_codes: set[str] = set()
    serial = 0
    for category, quota in categories:
        public = category.counts_as_public
        statuses = ["confirmed"] * quota + (list(extra) if public else [])
        # Registration times rise with the list, so first come first served gives exactly these statuses.
        times = sorted(dt.datetime.combine(deadline - dt.timedelta(days=rng.randint(1, 12)),
                                           dt.time(rng.randint(8, 17), rng.randint(0, 59)))
                       for _ in statuses)
        for i, (status, registered) in enumerate(zip(statuses, times, strict=True)):
            serial += 1
            male = rng.random() < 0.55
            while True:
                name = rng.choice(surnames) + rng.choice(people["given_male" if male else "given_female"])
                if name not in used_names:
                    used_names.add(name)
                    break
            birth = dt.date(rng.randint(1962, 2000), rng.randint(1, 12), rng.randint(1, 28))
            sequence = rng.randrange(1, 999, 2) if male else rng.randrange(2, 999, 2)
            code = ""
            if status == "confirmed":
                code = roster.new_pass_code(taken_codes)
                taken_codes.add(code)
            models.Invitee(
                event=event,
                name=name,
                gender="男" if male else "女",
                id_number=idcard.make(people["area_code"], birth, sequence),
                phone=_assigned_mobile(rng.choice("35789"), rng.randint(0, 9), rng.randint(10_000_000, 99_999_999)),
                organisation=organisations[i % len(organisations)] if public else supervisors[i % len(supervisors)],
                position_title="" if public else "政务公开义务监督员",
                category=category,
                source="公开报名" if public else "定向邀请",
                channel=("电话", "邮件", "现场")[serial % 3] if public else "电话",
                registered_at=registered,
                status=status,
                pass_code=code,
                pledge_signed=True,
                confirmed_at=registered + dt.timedelta(days=1) if status == "confirmed" else None,
                confirmed_by="刘晓梅" if status == "confirmed" else "",
            ).save()


def _at(day: dt.date, clock: dt.time, minutes: int = 0) -> dt.datetime:
    """A local time of the day as the naive UTC timestamp the database stores."""
    local = dt.datetime.combine(day, clock) + dt.timedelta(minutes=minutes)
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _add_day(event: models.Event, staff: dict, day: dict, scale: list[str]) -> None:
    """The day as it went, for an event dated today or earlier: about 4 in 5 of the confirmed checked in
    before the start, the 座谈会 notes, suggestions in every status (one past its reply deadline) and ~25
    survey forms; the same every time (fixed seed)."""
    from .services import feedback, plan

    for code, done_on in (("filing", event.filing_date), ("announcement", event.announcement_date),
                          ("registration_deadline", event.registration_deadline), ("event_day", event.date)):
        plan.mark_milestone(event.id, code, done_on)
    rng = random.Random(2022)
    start = event.start_time or dt.time(9, 0)
    confirmed = list(models.Invitee.select().where((models.Invitee.event == event.id)
                                                   & models.Invitee.confirmed()).order_by(models.Invitee.id))
    arrived = [p for p in confirmed if rng.random() < day["arrival_share"]]
    for person in arrived:
        scanned = _at(event.date, start, -rng.randint(0, 30))
        log.append(event.id, log.ENTRY, person.uuid, at=scanned)
    began = _record_programme(event, rng)
    meeting = next((i for i in models.AgendaItem.select().where(models.AgendaItem.event == event.id)
                    if i.kind == "meeting"), None)
    # the remarks follow the meeting's recorded start (the 座谈会记录 gives both: a remark before it would not do)
    clock = began or (meeting.pinned_start if meeting and meeting.pinned_start else dt.time(10, 30))
    speakers = iter(rng.sample(arrived, k=min(len(arrived), len(day["notes"]))))
    notes = []
    for n, row in enumerate(day["notes"]):
        who = row["speaker"]
        kwargs = ({"staff_id": staff[who.split(":", 1)[1]].id} if who.startswith("staff:")
                  else {"invitee_id": next(speakers).id})
        noted = dt.datetime.combine(event.date, clock) + dt.timedelta(minutes=3 + 5 * n)
        notes.append(feedback.add_note(event.id, row["remark"], noted_at=noted, **kwargs))
    assigned = event.date + dt.timedelta(days=1)
    for row in day["suggestions"]:
        if "note" in row:
            made = feedback.note_to_suggestion(notes[row["note"]].id)
        else:
            made = feedback.add_suggestion(event.id, source=row["source"], content=row["content"],
                                           topic=row["topic"], today=assigned)
        values = {"topic": row["topic"], "department": row["department"], "assignee": row["assignee"]}
        if row["status"] != "pending":
            values["assigned_at"] = assigned
            if "due_days" in row:  # a suggestion given a short deadline: past it, unanswered
                values["due_date"] = assigned + dt.timedelta(days=row["due_days"])
        if row["status"] == "answered":
            values.update(reply=row["reply"], reply_channel=row["channel"], adoption=row["adoption"],
                          adoption_reason=row.get("reason", ""),
                          replied_at=min(assigned + dt.timedelta(days=row["replied_days"]), dt.date.today()))
        feedback.update_suggestion(made.id, status=row["status"], today=assigned, **values)
    questions = feedback.questions(event.id)
    scale_count = sum(1 for q in questions if q.kind == "scale")
    open_question = next((q for q in questions if q.kind == "open"), None)
    answers = iter(day["open_answers"])
    weights = day["survey_weights"][:len(scale)]
    for n in range(min(day["survey_forms"], len(arrived))):  # one form per person who came, at most
        choices = [rng.choices(range(len(weights)), weights)[0] if rng.random() > 0.03 else None
                   for _ in range(scale_count)]
        text = next(answers, "") if open_question and n % 5 == 2 else ""
        feedback.add_response(event.id, choices, {open_question.id: text} if text else {})


def _record_programme(event: models.Event, rng: random.Random) -> dt.time | None:
    """Actual start and end of each programme item as the 路线 tab records them on the day: a few minutes late
    at the gathering, the meeting running over a little. Returns when the meeting began (None: no meeting)."""
    from .services import route

    timing = route.plan(event.id).timing
    drift = 5  # minutes late at the gathering
    began = None
    for item, planned in zip(route.list_items(event.id), timing, strict=True):
        if planned.start is None or planned.end is None:
            continue
        start = planned.start + drift
        if item.kind == "meeting":
            began = began or dt.time(start // 60, start % 60)
            drift += rng.randint(5, 10)
        end = planned.end + drift
        day = event.date
        route.start_item(item.id, at=dt.datetime.combine(day, dt.time(start // 60, start % 60)))
        route.end_item(item.id, at=dt.datetime.combine(day, dt.time(end // 60, end % 60)))
    return began


def _assigned_mobile(second: str, third: int, rest: int) -> str:
    """A mobile number from the random draws; a prefix no carrier was given (154, 174 …) becomes 13x, so the
    people of the demo have numbers the roster's check accepts and the draws (and the rest of the demo) stay."""
    number = f"1{second}{third}{rest}"
    if isinstance(phones.parse(number), phones.PhoneError):
        number = f"13{third}{rest}"
    return number


def add_crowd(event_id: int, count: int) -> list[str]:
    """``count`` made-up people (valid ID numbers, distinct phones) added to the event's 企业及群众代表, and
    everyone of the event without a pass confirmed with one: the large venue of the benches and the venue tests.
    Returns the pass codes of the confirmed people in the roster's order."""
    from .domain.roster import InviteeDraft
    from .services import roster as roster_service

    seen, drafts = set(), []
    for i in range(count):
        number = idcard.make("640422", dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28), 100 + (i // 600) % 899)
        if number not in seen:
            seen.add(number)
            drafts.append(InviteeDraft(name="张" + "伟芳娜秀英敏"[i % 6] + "明超"[i % 2], id_number=number,
                                       phone=f"13{i:09d}", category="企业及群众代表"))
    roster_service.import_drafts(event_id, drafts)
    I = models.Invitee  # noqa: E741
    taken = {c for (c,) in I.select(I.pass_code).where(I.pass_code != "").tuples()}
    with models.database.atomic():
        for (person_id,) in I.select(I.id).where((I.event == event_id) & I.alive() & (I.pass_code == "")).tuples():
            code = roster.new_pass_code(taken)
            taken.add(code)
            I.update(pass_code=code, status="confirmed").where(I.id == person_id).execute()
    confirmed = (I.event == event_id) & I.alive() & I.confirmed() & (I.pass_code != "")
    return [c for (c,) in I.select(I.pass_code).where(confirmed).order_by(I.id).tuples()]
