"""Property: whatever state an event is in — arrivals and early check-ins, notes by staff and by participants,
suggestions in every state with and without replies, forms, an agenda with or without actual times, dates
recorded or not, past or future — every document of its package, read back with python-docx and openpyxl, states
each figure as a count made here in SQL, the same figure wherever it is stated, no software wording, and nothing
of the day as done before the day."""

from __future__ import annotations

import datetime as dt
import json
import re

from docx import Document as Docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_record import SOFTWARE_WORDS, docx_text, sql, xlsx_rows

SUGGESTION_STATES = ("pending", "assigned", "overdue", "replied_on_time", "replied_late", "done_no_reply")

states = st.fixed_dictionaries({
    "offset": st.sampled_from([-12, -3, -1, 0, 5, 20]),  # the event's date against today
    "arrivals": st.integers(0, 12),
    "early": st.integers(0, 3),
    "staff_notes": st.integers(0, 3),
    "participant_notes": st.integers(0, 4),
    "suggestions": st.lists(st.sampled_from(SUGGESTION_STATES), max_size=6),
    "forms": st.integers(0, 6),
    "actual_times": st.booleans(),
    "filed": st.booleans(),
    "announced": st.booleans(),
})


def _make(state) -> int:
    """An event in ``state``, made through the services as the app makes it."""
    from db import models
    from desktop_app.demo import create_demo_event
    from desktop_app.services import checkin, feedback

    today = dt.date.today()
    day = today + dt.timedelta(days=state["offset"])
    event = create_demo_event(day)
    E = models.Event
    E.update(filing_date=day - dt.timedelta(days=20) if state["filed"] else None,
             announcement_date=day - dt.timedelta(days=16) if state["announced"] else None
             ).where(E.id == event.id).execute()
    confirmed = [p.id for p in models.Invitee.select().where((models.Invitee.event == event.id)
                                                             & (models.Invitee.status == "confirmed"))
                 .order_by(models.Invitee.id)]
    held = day <= today
    arriving = confirmed[:state["arrivals"]] if held else []
    for n, person in enumerate(arriving):
        checkin.check_in(event.id, person, scanned_at=dt.datetime.combine(day, dt.time(4, n)))
    for person in confirmed[len(arriving):len(arriving) + state["early"]]:  # a rehearsal the evening before
        checkin.check_in(event.id, person, scanned_at=dt.datetime.combine(day - dt.timedelta(days=1),
                                                                         dt.time(4, 0)))
    if held:
        staff = models.Staff.select().where(models.Staff.event == event.id).first()
        for n in range(state["staff_notes"]):
            feedback.add_note(event.id, f"工作人员说明第{n + 1}点。", staff_id=staff.id,
                              noted_at=dt.datetime.combine(day, dt.time(10, 30 + n)))
        speakers = arriving or confirmed
        for n in range(state["participant_notes"]):
            feedback.add_note(event.id, f"参加人员建议第{n + 1}条。", invitee_id=speakers[n % len(speakers)],
                              noted_at=dt.datetime.combine(day, dt.time(10, 40 + n)))
        if state["actual_times"]:
            A = models.AgendaItem
            first, meeting = A.select().where(A.event == event.id).order_by(A.position).first(), \
                A.select().where((A.event == event.id) & (A.kind == "meeting")).first()
            A.update(actual_start=dt.datetime.combine(day, dt.time(9, 5))).where(A.id == first.id).execute()
            A.update(actual_start=dt.datetime.combine(day, dt.time(10, 25)),
                     actual_end=dt.datetime.combine(day, dt.time(11, 20))).where(A.id == meeting.id).execute()
        feedback.ensure_questionnaire(event.id)
        scale = sum(1 for q in feedback.questions(event.id) if q.kind == "scale")
        for n in range(state["forms"]):
            feedback.add_response(event.id, [n % 5] * scale)
    assigned = day + dt.timedelta(days=1)
    for n, kind in enumerate(state["suggestions"] if held else []):
        made = feedback.add_suggestion(event.id, content=f"意见建议第{n + 1}条内容。", today=assigned)
        values: dict = {}
        if kind != "pending":
            values = {"department": "综合办公室", "assigned_at": assigned, "status": "in_progress",
                      "due_date": assigned + dt.timedelta(days=2 if kind == "overdue" else 15)}
        if kind == "done_no_reply":
            values["status"] = "done"
        if kind.startswith("replied"):
            late = kind == "replied_late"
            values.update(status="answered", reply="已按建议办理。", reply_channel="phone", adoption="adopted",
                          due_date=assigned + dt.timedelta(days=1 if late else 15),
                          replied_at=min(assigned + dt.timedelta(days=3), today) if late else assigned)
        if values:
            feedback.update_suggestion(made.id, today=assigned, **values)
    return event.id


def _counts(event_id: int) -> dict:
    """The figures, counted here in SQL by the definitions of domain/record.py."""
    today = dt.date.today().isoformat()
    day = sql("select date from event where id=?", event_id)
    live_reply = "trim(reply)!='' and replied_at is not null"
    return {
        "arrived": sql("select count(distinct c.invitee_id) from check_in c join invitee i on i.id=c.invitee_id "
                       "where c.event_id=? and c.deleted=0 and c.undone_at is null and i.deleted=0 "
                       "and date(c.scanned_at)>=date(?)", event_id, day),
        "staff": sql("select count(*) from meeting_note where event_id=? and deleted=0 and speaker_staff_id is not "
                     "null", event_id),
        "notes": sql("select count(*) from meeting_note where event_id=? and deleted=0", event_id),
        "forms": sql("select count(*) from survey_response where event_id=? and deleted=0", event_id),
        "received": sql("select count(*) from suggestion where event_id=? and deleted=0", event_id),
        "replied": sql(f"select count(*) from suggestion where event_id=? and deleted=0 and {live_reply}", event_id),
        "on_time": sql(f"select count(*) from suggestion where event_id=? and deleted=0 and {live_reply} and "
                       "(due_date is null or replied_at<=due_date)", event_id),
        "overdue": sql(f"select count(*) from suggestion where event_id=? and deleted=0 and not ({live_reply}) "
                       "and due_date<?", event_id, today),
        "held": day <= today,
    }


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(state=states)
def test_every_document_states_the_records_figures(workspace, tmp_path_factory, state):
    from desktop_app import package
    from desktop_app.services import summary

    event_id = _make(state)
    c = _counts(event_id)
    out = tmp_path_factory.mktemp("package")
    folder = package.write_package(summary.package_snapshot(event_id), out, draft=True).folder
    texts = {p.name: docx_text(p) for p in folder.glob("*.docx")}
    sheets = {p.name: "\n".join(str(v) for row in xlsx_rows(p) for v in row if v is not None)
              for p in folder.glob("*.xlsx")}

    def doc(stem: str) -> str:
        return next(text for name, text in texts.items() if name.startswith(stem))

    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    assert record["arrived"] == c["arrived"] and record["forms"] == c["forms"]
    assert record["speeches"] == {"participants": c["notes"] - c["staff"], "staff": c["staff"]}
    assert {k: record["suggestions"][k] for k in ("received", "replied", "replied_on_time", "overdue")} == {
        "received": c["received"], "replied": c["replied"], "replied_on_time": c["on_time"], "overdue": c["overdue"]}

    implementation, report = doc("12_"), doc("13_")
    attendance = Docx(str(next(folder.glob("06_*.docx"))))
    listed = len(attendance.tables[0].rows) - 1 if attendance.tables else 0
    assert listed == c["arrived"]
    stated = docx_text(next(folder.glob("06_*.docx")))
    assert (f"实到{c['arrived']}人" in stated) if c["held"] and c["arrived"] else ("实到" not in stated)
    if c["held"]:
        assert "定于" not in implementation + report
        if c["arrived"]:
            assert f"共有{c['arrived']}名" in implementation and f"实际到场{c['arrived']}人" in report
        else:
            assert "未留存到场签到记录" in implementation and "未留存到场签到记录" in report
        participants = c["notes"] - c["staff"]
        for text in (implementation, report, doc("08_")):
            spoken = re.findall(r"参加人员发言(\d+)人次", text)
            assert all(int(n) == participants for n in spoken), spoken
            by_staff = re.findall(r"工作人员发言(\d+)人次", text)
            assert all(int(n) == c["staff"] for n in by_staff), by_staff
            # every count of speeches is labelled: who spoke is never left to the reader
            assert len(re.findall(r"发言\d+人次", text)) == len(spoken) + len(by_staff)
        if c["forms"]:
            assert f"回收满意度测评表{c['forms']}份" in implementation + report
            assert f"收回测评表{c['forms']}份" in sheets[next(n for n in sheets if n.startswith("11_"))]
        if c["received"]:
            feedback_report = doc("10_")
            assert f"共收集意见建议{c['received']}条" in feedback_report + report
            stated = re.findall(r"已(?:按期)?答复(\d+)条", feedback_report + report)
            assert stated and all(int(n) == c["replied"] for n in stated), stated
            overdue = re.findall(r"(\d+)条已超过答复期限", feedback_report + report)
            assert all(int(n) == c["overdue"] for n in overdue) and (bool(overdue) == bool(c["overdue"]))
    else:
        # Before the day: planned, never reported as done.
        assert "定于" in implementation and "举办了" not in implementation
        for claim in ("实际到场", "发言", "回收满意度测评表", "未发现突出问题", "已答复"):
            assert claim not in implementation + report, claim
    for name, text in {**texts, **sheets}.items():
        for word in SOFTWARE_WORDS:
            assert word not in text, (name, word)
