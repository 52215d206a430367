"""The route (路线): timing with pins, overruns and overlaps, groups in rotation, the checks, reordering, the
service, the documents read back, the table model and the tab."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import route as rules
from desktop_app.domain.route import Groups, Step, check, clock, timetables

DAY = dt.date(2027, 9, 28)  # in the future, so the demo records nothing of the day itself
NINE = 9 * 60


def step(n: int, kind: str = "stop", minutes: int = 10, pinned: str | None = None, guide: str = "",
         place: str = "") -> Step:
    pin = rules.minutes(dt.time.fromisoformat(pinned)) if pinned else None
    return Step(n, kind, f"项目{n}", place, guide, f"text:{guide}" if guide else "", minutes, pin)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def times(table) -> list[tuple[str, str]]:
    return [(clock(s.start), clock(s.end)) for s in table]


# -- timing ---------------------------------------------------------------------------------------------------------

def test_cascade_follows_durations_from_the_start_time():
    steps = [step(1, "gather", 10), step(2, "stop", 15, guide="王"), step(3, "transfer", 5), step(4, "meeting", 40)]
    [table] = timetables(NINE, steps)
    assert times(table) == [("9:00", "9:10"), ("9:10", "9:25"), ("9:25", "9:30"), ("9:30", "10:10")]
    assert all(s.gap is None for s in table)


def test_a_pin_fixes_the_start_and_shows_slack_or_overrun():
    steps = [step(1, "gather", 10), step(2, "stop", 30, guide="王"), step(3, "meeting", 40, pinned="10:00"),
             step(4, "survey", 10)]
    [table] = timetables(NINE, steps)
    assert times(table)[2:] == [("10:00", "10:40"), ("10:40", "10:50")]
    assert table[2].gap == 20 and table[2].natural == 9 * 60 + 40  # 20 minutes to spare
    longer = [steps[0], step(2, "stop", 65, guide="王"), *steps[2:]]
    [table] = timetables(NINE, longer)
    assert table[2].start == 600 and table[2].gap == -15  # the meeting keeps its time; 15 minutes overrun
    findings = check(longer, [table], day_start=NINE, day_end=12 * 60)
    [overrun] = [f for f in findings if f.code == "overrun"]
    assert overrun.items == (3,) and overrun.params == {"item": "项目3", "pinned": "10:00", "natural": "10:15",
                                                        "minutes": 15}


def test_a_pinned_first_item_may_begin_before_the_start_time():
    steps = [step(1, "gather", 10, pinned="08:50"), step(2, "stop", 10, guide="王"), step(3, "meeting", 30)]
    [table] = timetables(NINE, steps)
    assert times(table)[0] == ("8:50", "9:00") and table[0].gap is None
    assert "overrun" not in codes(check(steps, [table], day_start=NINE, day_end=None))
    later = [step(1, "gather", 10, pinned="09:15"), *steps[1:]]
    assert timetables(NINE, later)[0][0].gap == 15


def test_no_start_time_gives_no_times_until_a_pin():
    steps = [step(1, "gather"), step(2, "stop", guide="王"), step(3, "meeting", 30, pinned="10:00"), step(4, "survey")]
    [table] = timetables(None, steps)
    assert [s.start for s in table] == [None, None, 600, 630]
    assert table[2].gap is None
    assert "no_start" in codes(check(steps, [table], day_start=None, day_end=None))


def test_the_plan_prints_the_programme_as_the_route_times_it(demo):
    from desktop_app.services import plan, route

    route.update_item(route.list_items(demo.id)[1].id, duration_min=25)  # the cascade moves what follows
    programme = route.plan(demo.id)
    assert [a.start for a in plan.snapshot(demo.id).agenda] == [rules.to_time(t.start) for t in programme.timing]


def test_programme_ending_after_the_end_time_is_reported():
    steps = [step(1, "gather", 30), step(2, "stop", 60, guide="王"), step(3, "meeting", 45)]
    tables = timetables(NINE, steps)
    findings = check(steps, tables, day_start=NINE, day_end=11 * 60)
    [late] = [f for f in findings if f.code == "ends_late"]
    assert late.params == {"end": "11:15", "minutes": 15, "limit": "11:00"} and late.items == (3,)
    assert "ends_late" not in codes(check(steps, tables, day_start=NINE, day_end=11 * 60 + 15))


def test_overlapping_pins_and_a_guide_in_two_places_at_once():
    steps = [step(1, "gather", 10), step(2, "stop", 30, pinned="09:30", guide="王芳"),
             step(3, "stop", 20, pinned="09:45", guide="王芳"), step(4, "meeting", 30)]
    findings = check(steps, timetables(NINE, steps), day_start=NINE, day_end=None)
    [overlap] = [f for f in findings if f.code == "pin_overlap"]
    assert overlap.items == (2, 3) and overlap.params["first_time"] == "9:30-10:00"
    [busy] = [f for f in findings if f.code == "guide_busy"]
    assert busy.params["guide"] == "王芳" and busy.items == (2, 3)
    apart = [steps[0], step(2, "stop", 30, pinned="09:30", guide="王芳"), step(3, "stop", 20, guide="王芳"),
             steps[3]]
    assert not {"pin_overlap", "guide_busy"} & set(codes(check(apart, timetables(NINE, apart), day_start=NINE,
                                                               day_end=None)))


def test_stop_without_guide_missing_meeting_or_survey_and_no_duration():
    steps = [step(1, "gather", 10), step(2, "stop", 10), step(3, "stop", 0, guide="李")]
    findings = check(steps, timetables(NINE, steps), day_start=NINE, day_end=None)
    assert codes(findings).count("no_guide") == 1 and [f for f in findings if f.code == "no_guide"][0].items == (2,)
    assert "no_interaction" in codes(findings) and "no_duration" in codes(findings)
    assert "no_interaction" not in codes(check(steps + [step(4, "survey")], timetables(NINE, steps + [step(4, "survey")]),
                                               day_start=NINE, day_end=None))
    assert all(f.text() for f in findings)


# -- groups ---------------------------------------------------------------------------------------------------------

def hall(stops: int, minutes: int = 10) -> list[Step]:
    return ([step(0, "gather", 10)] + [step(n, "stop", minutes, guide=f"讲解{n}") for n in range(1, stops + 1)]
            + [step(99, "meeting", 30)])


def test_rotation_of_three_groups_over_four_stops():
    steps = hall(4)
    tables = timetables(NINE, steps, Groups(3, 0, True))
    assert len(tables) == 3
    tour = [[steps[s.step].id for s in table if steps[s.step].kind == "stop"] for table in tables]
    assert tour == [[1, 2, 3, 4], [2, 3, 4, 1], [3, 4, 1, 2]]
    for table in tables:
        assert times(table)[0] == ("9:00", "9:10") and times(table)[-1] == ("9:50", "10:20")
    assert "group_clash" not in codes(check(steps, tables, day_start=NINE, day_end=None))


def test_groups_share_the_meeting_which_waits_for_the_last_group():
    steps = hall(2)
    tables = timetables(NINE, steps, Groups(2, 15, False))  # same order, 15 minutes apart
    assert times(tables[0])[1:3] == [("9:10", "9:20"), ("9:20", "9:30")]
    assert times(tables[1])[1:3] == [("9:25", "9:35"), ("9:35", "9:45")]
    assert times(tables[0])[-1] == times(tables[1])[-1] == ("9:45", "10:15")
    assert "group_clash" not in codes(check(steps, tables, day_start=NINE, day_end=None))


def test_two_groups_at_one_stop_are_reported():
    steps = hall(2)
    tables = timetables(NINE, steps, Groups(2, 5, False))  # 5 minutes apart at 10-minute stops
    clashes = [f for f in check(steps, tables, day_start=NINE, day_end=None) if f.code == "group_clash"]
    assert [c.items for c in clashes] == [(1,), (2,)]
    assert clashes[0].params == {"first": 1, "second": 2, "item": "项目1", "start": "9:15", "end": "9:20"}


def test_transfers_travel_with_the_stop_before_them_and_lead_in_transfers_come_first():
    steps = [step(0, "gather"), step(1, "transfer", 20), step(2, "stop", guide="a"), step(3, "transfer", 5),
             step(4, "stop", guide="b"), step(5, "meeting", 30)]
    lead, legs = rules.legs(steps, range(1, 5))
    assert lead == (1,) and [leg.steps for leg in legs] == [(2, 3), (4,)]
    assert rules.group_order(steps, Groups(2), 2) == [0, 1, 4, 2, 3, 5]


@given(groups=st.integers(1, 6), stops=st.integers(1, 6), minutes=st.integers(1, 30))
def test_rotation_visits_every_stop_once_and_clashes_only_with_more_groups_than_stops(groups, stops, minutes):
    steps = hall(stops, minutes)
    tables = timetables(NINE, steps, Groups(groups, 0, True))
    assert len(tables) == groups
    for n, table in enumerate(tables):
        visited = [steps[s.step].id for s in table if steps[s.step].kind == "stop"]
        assert sorted(visited) == list(range(1, stops + 1))
        assert visited[0] == n % stops + 1  # group n+1 starts at stop n+1, wrapping round
        assert [s.start for s in table] == sorted(s.start for s in table)
    clash = "group_clash" in codes(check(steps, tables, day_start=NINE, day_end=None))
    assert clash == (groups > stops)


def test_group_count_from_a_size_limit():
    assert rules.group_count(42, 15) == 3 and rules.group_count(15, 15) == 1 and rules.group_count(30, 0) == 1
    assert rules.group_count(31, 15) == 3


# -- reordering, clock input, cards, plan and actual -----------------------------------------------------------------

def test_reorder_helpers():
    assert rules.moved("abcd", 0, 2) == list("bcad")
    assert rules.moved("abcd", 3, 0) == list("dabc")
    assert rules.moved("abcd", 1, 99) == list("acdb")
    # Qt drops "before row r": dragging row 0 below row 2 drops before row 3 and lands at index 2.
    assert rules.drop_target(0, 3, 4) == 2 and rules.drop_target(3, 0, 4) == 0 and rules.drop_target(1, -1, 4) == 3


@pytest.mark.parametrize("text, expected", [("11:00", "11:00"), ("11：00", "11:00"), ("9.30", "09:30"),
                                            ("930", "09:30"), ("9点30分", "09:30"), ("14点", "14:00"), ("", None)])
def test_clock_times_as_typed(text, expected):
    value = rules.parse_clock(text)
    assert (value.strftime("%H:%M") if value else None) == expected


@pytest.mark.parametrize("text", ["24:00", "9:75", "abc", "12345"])
def test_clock_times_refused(text):
    with pytest.raises(ValueError):
        rules.parse_clock(text)


def test_guide_cards_and_the_deviation_sentence():
    steps = [step(1, "gather", 10, guide="刘"), step(2, "stop", 15, guide="马"), step(3, "stop", 10, guide="刘"),
             step(4, "meeting", 30)]
    cards = rules.guide_cards(steps, timetables(NINE, steps), {"text:刘": ("刘晓梅", "主任")})
    assert [(c.name, c.title, [d.title for d in c.duties]) for c in cards] == [
        ("刘晓梅", "主任", ["项目1", "项目3"]), ("马", "", ["项目2"])]
    devs = [rules.Deviation(1, "集合", "gather", 540, 550, 543, 552),
            rules.Deviation(2, "座谈会", "meeting", 600, 640, 605, 655)]
    assert devs[1].start_delay == 5 and devs[1].duration_delta == 10 and devs[0].end_delay == 2
    assert rules.deviation_summary(devs) == ("活动实际于9:03开始（较计划推迟3分钟开始），10:55结束（较计划推迟15分钟"
                                             "结束）；座谈会超出计划10分钟。")
    assert rules.deviation_summary([rules.Deviation(1, "集合", "gather", 540, 550, None, None)]) == ""


# -- the service ---------------------------------------------------------------------------------------------------

@pytest.fixture
def demo(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(DAY)


def test_demo_programme_times_and_no_findings(demo):
    from desktop_app.services import route

    plan = route.plan(demo.id)
    assert [clock(t.start) for t in plan.timing] == ["9:00", "9:10", "9:20", "9:35", "9:40", "9:55", "10:00",
                                                     "10:20", "11:10"]
    meeting = next(i for i, r in enumerate(plan.items) if r.kind == "meeting")
    assert plan.timing[meeting].gap == 5 and plan.timing[meeting].pinned
    assert plan.findings == () and clock(plan.end) == "11:20"
    assert plan.items[1].guide == "马文斌（政务服务中心主任）"


def test_edit_move_duplicate_delete_restore(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import audit, route

    items = route.list_items(demo.id)
    first_stop = items[1]
    route.update_item(first_stop.id, duration_min=25)
    plan = route.plan(demo.id)
    assert clock(plan.timing[2].start) == "9:35" and plan.timing[7].gap == -10
    assert "overrun" in codes(plan.findings)
    route.move_item(first_stop.id, 6)  # the 24小时 stop last on the tour
    plan = route.plan(demo.id)
    assert plan.items[6].id == first_stop.id and clock(plan.timing[1].start) == "9:10"
    assert plan.items[1].title == "税务专区、公安专区" and clock(plan.timing[6].start) == "10:05"
    assert plan.timing[7].gap == -10
    copy = route.duplicate_item(first_stop.id)
    rows = route.list_items(demo.id)
    assert rows[7].id == copy.id and copy.title == first_stop.title and copy.guide_id == first_stop.guide_id
    assert route.delete_item(copy.id) == 7 and copy.id not in [r.id for r in route.list_items(demo.id)]
    route.restore_item(copy.id, 7)
    assert route.list_items(demo.id)[7].id == copy.id
    with pytest.raises(UserError, match="party"):
        route.update_item(copy.id, kind="party")
    with pytest.raises(UserError):
        route.update_item(copy.id, duration_min="ten")
    actions = {e.action for e in audit.entries(demo.id)}
    assert {"route.item.edit", "route.item.move", "route.item.add", "route.item.delete",
            "route.item.restore"} <= actions


def test_pins_guides_and_common_stops(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import route

    items = route.list_items(demo.id)
    meeting = next(r for r in items if r.kind == "meeting")
    assert route.update_item(meeting.id, pinned_start="10点30分").pinned_start == dt.time(10, 30)
    assert route.update_item(meeting.id, pinned_start="").pinned_start is None
    with pytest.raises(UserError, match="11:00"):
        route.update_item(meeting.id, pinned_start="半小时后")
    linked = route.update_item(items[1].id, guide="张海燕(党组成员、副局长)")
    assert linked.guide_id is not None and linked.guide == "张海燕（党组成员、副局长）"
    free = route.update_item(items[1].id, guide="  王 大夫 ")
    assert free.guide_id is None and free.guide == "王 大夫"
    added = route.add_common_stops(demo.id, ["escalator", "property"], at=2)
    rows = route.list_items(demo.id)
    assert [r.id for r in rows[2:4]] == [a.id for a in added]
    assert rows[2].full_title == "前往二楼（自动扶梯）" and rows[3].title == "不动产专区"
    assert any(f.code == "no_guide" and f.items == (rows[3].id,) for f in route.plan(demo.id).findings)
    with pytest.raises(UserError):
        route.add_common_stops(demo.id, ["nowhere"])


def test_groups_settings_and_members(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import route

    assert route.group_info(demo.id).count == 1
    route.set_group_settings(demo.id, route.GroupSettings(size=10, offset=0))
    info = route.group_info(demo.id)
    assert info.people == 25 and info.people_confirmed and info.count == 3 and info.unassigned == 25
    plan = route.plan(demo.id)
    assert len(plan.tables) == 3 and len(plan.lanes) == 3
    assert "group_clash" in codes(plan.findings)  # the stops take 10 and 15 minutes
    assert route.assign_groups(demo.id) == (9, 8, 8)
    member = route.members(demo.id)[0]
    route.set_member_group([member.id], 3)
    assert route.group_info(demo.id).members == (8, 8, 9)
    with pytest.raises(UserError):
        route.set_member_group([member.id], 4)
    with pytest.raises(UserError):
        route.set_group_settings(demo.id, route.GroupSettings(count=0))
    route.set_group_settings(demo.id, route.GroupSettings(count=2, offset=20, rotate=False))
    assert route.group_settings(demo.id) == route.GroupSettings(count=2, offset=20, rotate=False)
    assert route.group_info(demo.id).unassigned == 9  # group 3 is gone


def test_actual_start_and_end_and_the_difference(demo):
    from desktop_app.errors import UserError
    from desktop_app.services import route

    gather, stop = route.list_items(demo.id)[:2]
    with pytest.raises(UserError):
        route.end_item(gather.id)
    route.start_item(gather.id, at=dt.datetime.combine(DAY, dt.time(9, 2)))
    started = route.start_item(stop.id, at=dt.datetime.combine(DAY, dt.time(9, 14)))
    assert route.get_item(gather.id).actual_end == dt.datetime.combine(DAY, dt.time(9, 14))  # moved on
    assert started.actual_start.time() == dt.time(9, 14) and started.actual_end is None
    route.end_item(stop.id, at=dt.datetime.combine(DAY, dt.time(9, 30)))
    devs = route.deviations(demo.id)
    assert (devs[0].start_delay, devs[0].duration_delta) == (2, 2)
    assert (devs[1].start_delay, devs[1].duration_delta) == (4, 6)
    corrected = route.update_item(stop.id, actual_end="9:25")
    assert corrected.actual_end.time() == dt.time(9, 25)
    with pytest.raises(UserError):
        route.update_item(stop.id, actual_end="9:00")
    assert route.clear_actual(stop.id).actual_start is None


# -- the documents -----------------------------------------------------------------------------------------------

def test_route_documents_read_back(demo, qapp, tmp_path):
    from desktop_app.documents import export
    from desktop_app.services import plan, route

    route.set_group_settings(demo.id, route.GroupSettings(count=2, offset=15, rotate=True))
    snapshot = route.route_snapshot(demo.id)
    files = export.export("route", None, plan.doc_fonts(), tmp_path, route=snapshot)
    assert [f.name for f in files] == ["2027-09-28_西吉县审批服务管理局_活动流程.docx",
                                       "2027-09-28_西吉县审批服务管理局_讲解人工作卡.docx"]
    document = docx.Document(str(files[0]))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["时间", "项目", "地点", "讲解（负责）人", "内容"]
    body = table.rows[1:]
    assert len(body) == len(snapshot.rows) == 9
    starts_ = [rules.parse_clock(row.cells[0].text.split("-")[0]) for row in body]
    assert starts_ == sorted(starts_) and starts_[0] == dt.time(9, 0)
    assert body[7].cells[1].text == "座谈会" and body[1].cells[3].text == "马文斌（政务服务中心主任）"
    assert len(document.inline_shapes) == 1
    blip = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blip].blob[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(document.tables) == 3  # the programme and one timetable per group
    cards = docx.Document(str(files[1]))
    names = [p.text for p in cards.paragraphs if p.text.startswith("讲解人：")]
    assert len(names) == len(snapshot.guides) == 6 and names[0] == "讲解人：刘晓梅（综合办公室主任）"
    assert "第1组" in cards.tables[1].rows[1].cells[0].text  # a tour stop: each group's time
    # Several cards to a page, each kept whole, a cut line between them (no page break per card).
    assert not any(p.paragraph_format.page_break_before for p in cards.paragraphs)
    assert sum("沿此线剪开" in p.text for p in cards.paragraphs) == len(snapshot.guides) - 1
    assert all(p.paragraph_format.keep_with_next for t in cards.tables for r in t.rows for c in r.cells
               for p in c.paragraphs)
    # The guides arrive before the visitors gather (8:50 here), not at the same time.
    gathering = snapshot.gathering
    from desktop_app.documents.route_docs import arrival

    for card in snapshot.guides:
        assert arrival(snapshot, card) < gathering
    arrivals = [p.text for p in cards.paragraphs if p.text.startswith("请于")]
    assert arrivals and all(rules.parse_clock(t[2:].split("前")[0]) < dt.time(gathering // 60, gathering % 60)
                            for t in arrivals)


def test_timeline_png_fits_its_words(qapp):
    from PySide6.QtGui import QImage

    from desktop_app.documents import route_docs

    long = "十二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
    lane = rules.Lane(1, (rules.Bar(1, "stop", long, "三楼东侧", 540, 545), rules.Bar(2, "meeting", "座谈会", "", 545, 600)))
    spec = route_docs.TimelineSpec((lane,), 540, 600, ("全体",))
    layout = route_docs.layout_timeline(spec, 400)
    short, roomy = layout.bars
    assert short.inside == [] and long in short.label_text and short.label.width() <= 400
    assert roomy.inside and roomy.label is None
    image = QImage.fromData(route_docs.timeline_png(spec, 400))
    scale = route_docs.PICTURE_SCALE
    assert image.width() == 400 * scale and image.height() == round(layout.height * scale)


# -- the table model and the tab ---------------------------------------------------------------------------------

def test_table_model_passes_the_model_tester(qtmodeltester, demo):
    from desktop_app.services import route
    from ui.route.model import RouteTableModel

    model = RouteTableModel()
    model.set_plan(route.plan(demo.id))
    qtmodeltester.check(model)


@pytest.fixture
def tab(qtbot, demo):
    from ui.route.tab import RouteTab

    widget = RouteTab()
    widget.report_error = lambda text: pytest.fail(f"unexpected error box: {text}")
    qtbot.addWidget(widget)
    widget.resize(1366, 800)
    widget.set_event(demo.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def start_texts(tab) -> list[str]:
    from ui.route.model import COL_START

    return [tab.model.index(r, COL_START).data() for r in range(tab.model.rowCount())]


def test_drop_moves_an_item_and_the_times_follow(tab, qtbot, demo):
    from PySide6.QtCore import QModelIndex, Qt

    from desktop_app.services import route

    model = tab.model
    moving = model.item_at(1).id  # 24小时自助服务区, 10 minutes
    data = model.mimeData([model.index(1, 0)])
    with qtbot.waitSignal(tab.sig_changed, timeout=2000):
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 4, 0, QModelIndex())  # before row 4
    assert model.item_at(3).id == moving
    assert not model.removeRows(3, 1)  # after a drop the view "removes" the dragged row: a no-op here
    assert [r.id for r in route.list_items(demo.id)][3] == moving
    assert start_texts(tab)[1:5] == ["9:10", "9:25", "9:30", "9:40"]
    assert tab.timeline.spec.lanes[0].bars[3].step_id == moving


def test_keyboard_move_duplicate_delete_and_undo(tab, qtbot, demo):
    from PySide6.QtCore import Qt

    from desktop_app.services import route

    tab.select_row(1)
    tab.view.setFocus()
    moving = tab.current_item().id
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.item_at(2).id == moving and tab.current_item().id == moving
    assert route.list_items(demo.id)[2].id == moving
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 10 and tab.model.item_at(3).title == "24小时自助服务区"
    copy = tab.current_item().id
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert copy not in [r.id for r in tab.model.items()] and "Ctrl+Z" in tab.message.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.item_at(3).id == copy


def test_editing_cells_recomputes_and_warns(tab):
    from ui.route.model import COL_DURATION, COL_GAP, COL_PIN

    model = tab.model
    meeting = next(r for r in range(model.rowCount()) if model.item_at(r).kind == "meeting")
    assert model.index(meeting, COL_GAP).data() == "+5"
    assert model.setData(model.index(1, COL_DURATION), 20)
    assert model.index(meeting, COL_GAP).data() == "−5"
    assert any(f.code == "overrun" for f in tab.plan.findings)
    assert tab.findings.item(0).text().startswith("“座谈会”")
    assert model.setData(model.index(meeting, COL_PIN), "")
    assert start_texts(tab)[meeting] == "10:25" and model.index(meeting, COL_GAP).data() == ""
    errors = []
    tab.report_error = errors.append
    assert model.setData(model.index(meeting, COL_PIN), "下午")
    assert errors and "11:00" in errors[0]


def test_add_items_and_common_stops(tab, monkeypatch):
    tab.select_row(0)
    item = tab.add_item("transfer")
    assert tab.model.item_at(1).id == item.id and item.transfer_mode == "步行"
    tab.ask_common_stops = lambda parent, stops: ["tax", "police"]
    tab.add_common_stops()
    assert [tab.model.item_at(r).title for r in (2, 3)] == ["税务专区", "公安专区"]
    assert "2" in tab.message.text()


def test_f9_records_start_then_end(tab, qtbot):
    from PySide6.QtCore import Qt

    from ui.route.model import COL_ACTUAL_END, COL_ACTUAL_START

    tab.select_row(0)
    assert "F9" in tab.record_button.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_F9)
    assert tab.model.index(0, COL_ACTUAL_START).data() != "" and tab.model.item_at(0).actual_end is None
    qtbot.keyClick(tab.view, Qt.Key.Key_F9)
    assert tab.model.index(0, COL_ACTUAL_END).data() != "" and tab.current_row() == 1


def test_group_settings_in_the_tab(tab):
    tab.groups_by_size.setChecked(True)
    tab.groups_size.setValue(10)
    assert len(tab.plan.lanes) == 3 and "3" in tab.groups_info.text()
    tab.groups_offset.setValue(30)
    tab.groups_rotate.setChecked(False)
    assert not any(f.code == "group_clash" for f in tab.plan.findings)
    tab.assign_groups()
    assert tab.plan.groups.members == (9, 8, 8)
    assert tab.timeline.layout_now().height > 200
    tab.groups_by_count.setChecked(True)
    tab.groups_count.setValue(1)
    assert len(tab.plan.lanes) == 1


def test_timeline_click_selects_the_item(tab, qtbot):
    from PySide6.QtCore import QPoint, Qt

    placed = tab.timeline.layout_now().bars[7]
    centre = placed.rect.center()
    qtbot.mouseClick(tab.timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert tab.current_item().id == placed.bar.step_id
    from desktop_app.documents import route_docs

    png = io.BytesIO(route_docs.timeline_png(tab.timeline.spec))  # what the documents carry of what is shown
    assert png.getvalue()[:4] == b"\x89PNG"
