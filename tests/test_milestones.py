"""desktop_app/domain/workdays.py and milestones.py: working days over Chinese public holidays, and the Open
Day's deadlines with their states."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import milestones, workdays
from desktop_app.domain.plan import Thresholds

from .conftest import ROOT
from .test_rules import good_snapshot

FIRST_YEAR, LAST_YEAR = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
covered_dates = st.dates(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=dt.date(LAST_YEAR, 10, 31))

# -- working days --------------------------------------------------------------------------------------------


def test_the_library_knows_national_day_2025():
    # What the tests below rely on, as the installed calendar says it.
    assert all(not chinese_calendar.is_workday(dt.date(2025, 10, d)) for d in range(1, 9))
    assert chinese_calendar.is_workday(dt.date(2025, 9, 28))  # a Sunday, worked
    assert chinese_calendar.is_workday(dt.date(2025, 10, 11))  # a Saturday, worked
    assert not chinese_calendar.is_workday(dt.date(2025, 9, 27))


def test_is_workday_follows_the_library_within_its_data():
    assert workdays.is_workday(dt.date(2025, 9, 28))
    assert not workdays.is_workday(dt.date(2025, 10, 6))
    assert workdays.is_workday(dt.date(2025, 10, 11))
    assert not workdays.is_workday(dt.date(2025, 10, 12))


def test_working_days_skip_national_day_and_count_make_up_weekends():
    start = dt.date(2025, 9, 30)
    assert workdays.add_days(start, 1, working=True) == workdays.DueDate(dt.date(2025, 10, 9), False)
    assert workdays.add_days(start, 3, working=True).date == dt.date(2025, 10, 11)  # the worked Saturday
    assert workdays.add_days(dt.date(2025, 9, 26), 1, working=True).date == dt.date(2025, 9, 28)  # worked Sunday


def test_calendar_days_ignore_holidays():
    assert workdays.add_days(dt.date(2025, 9, 30), 3, working=False) == workdays.DueDate(dt.date(2025, 10, 3))


def test_an_override_holiday_moves_the_deadline():
    overrides = {dt.date(2025, 10, 9): False}
    assert not workdays.is_workday(dt.date(2025, 10, 9), overrides)
    assert workdays.add_days(dt.date(2025, 9, 30), 1, working=True, overrides=overrides).date == dt.date(2025, 10, 10)


def test_an_override_working_day_wins_over_the_library():
    overrides = {dt.date(2025, 10, 8): True}
    assert workdays.is_workday(dt.date(2025, 10, 8), overrides)
    assert workdays.add_days(dt.date(2025, 9, 30), 1, working=True, overrides=overrides).date == dt.date(2025, 10, 8)


def test_beyond_the_data_monday_to_friday_is_assumed_and_said():
    assert workdays.data_years()[1] < 2027  # the installed data ends before 2027
    assert workdays.is_workday(dt.date(2027, 1, 1))  # a Friday; really New Year's Day, which is the point
    assert not workdays.is_workday(dt.date(2027, 1, 2))
    friday = dt.date(2027, 1, 8)
    assert workdays.add_days(friday, 1, working=True) == workdays.DueDate(dt.date(2027, 1, 11), True)
    assert workdays.add_days(dt.date(2026, 12, 30), 2, working=True) == workdays.DueDate(dt.date(2027, 1, 1), True)
    assert workdays.add_days(friday, 1, working=False).beyond_data is False


def test_beyond_the_data_overrides_still_count():
    overrides = {dt.date(2027, 1, 1): False, dt.date(2027, 1, 9): True}
    assert not workdays.is_workday(dt.date(2027, 1, 1), overrides)
    assert workdays.add_days(dt.date(2026, 12, 31), 1, working=True, overrides=overrides).date == dt.date(2027, 1, 4)
    due = workdays.add_days(dt.date(2027, 1, 8), 1, working=True, overrides=overrides)
    assert due.date == dt.date(2027, 1, 9)
    assert due.beyond_data is False  # the override decided it, not a guess


def test_a_count_inside_the_data_is_not_flagged():
    assert workdays.add_days(dt.date(2026, 12, 1), 15, working=True).beyond_data is False


def test_data_years_match_the_library():
    assert workdays.data_years() == (FIRST_YEAR, LAST_YEAR)


def test_zero_and_negative_working_days():
    assert workdays.add_days(dt.date(2025, 10, 4), 0, working=True).date == dt.date(2025, 10, 4)
    assert workdays.add_days(dt.date(2025, 10, 9), -1, working=True).date == dt.date(2025, 9, 30)


def test_overrides_json_round_trip_and_damaged_entries():
    items = [{"date": "2026-10-08", "workday": True}, {"date": "2026-10-09", "workday": "false"},
             {"date": "not a date", "workday": True}, "junk", {"workday": True}]
    overrides = workdays.parse_overrides(items)
    assert overrides == {dt.date(2026, 10, 8): True, dt.date(2026, 10, 9): False}
    assert workdays.overrides_to_list(overrides) == [{"date": "2026-10-08", "workday": True},
                                                     {"date": "2026-10-09", "workday": False}]
    assert workdays.parse_overrides(workdays.overrides_to_list(overrides)) == overrides
    assert workdays.parse_overrides(None) == {} and workdays.overrides_to_list(None) == []


def test_importing_workdays_does_not_load_the_holiday_tables():
    code = ("import sys, desktop_app.domain.workdays, desktop_app.domain.milestones, desktop_app.domain.rules; "
            "print('chinese_calendar' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@given(start=st.dates(), days=st.integers(-400, 400))
def test_calendar_add_days_is_plain_addition(start, days):
    try:
        expected = start + dt.timedelta(days=days)
    except OverflowError:
        return
    assert workdays.add_days(start, days, working=False) == workdays.DueDate(expected, False)


@given(start=covered_dates, days=st.integers(1, 30))
def test_working_add_days_lands_on_the_nth_working_day_after_start(start, days):
    due = workdays.add_days(start, days, working=True)
    assert due.date > start
    assert chinese_calendar.is_workday(due.date)
    between = [start + dt.timedelta(days=i) for i in range(1, (due.date - start).days + 1)]
    assert sum(chinese_calendar.is_workday(d) for d in between) == days
    assert not due.beyond_data


@given(start=st.dates(min_value=dt.date(LAST_YEAR + 1, 1, 1), max_value=dt.date(2100, 1, 1)),
       days=st.integers(1, 30))
def test_working_add_days_beyond_the_data_counts_weekdays(start, days):
    due = workdays.add_days(start, days, working=True)
    assert due.beyond_data and due.date > start and due.date.weekday() < 5
    assert sum((start + dt.timedelta(days=i)).weekday() < 5 for i in range(1, (due.date - start).days + 1)) == days


# -- milestones ----------------------------------------------------------------------------------------------

CODES = ["filing", "announcement", "registration_deadline", "event_day", "publish", "summary", "feedback", "report"]


def by_code(items) -> dict[str, milestones.Milestone]:
    return {m.code: m for m in items}


def test_codes_come_in_workflow_order_with_labels():
    items = milestones.compute(good_snapshot(), today=dt.date(2026, 8, 1))
    assert [m.code for m in items] == CODES
    assert all(m.label == milestones.LABELS[m.code] for m in items)


def test_due_dates_in_calendar_days():
    items = by_code(milestones.compute(good_snapshot(), today=dt.date(2026, 8, 1)))
    assert items["announcement"].due == dt.date(2026, 9, 13)  # 15 days before 28 September
    assert items["announcement"].planned == dt.date(2026, 9, 8)
    assert items["filing"].due == dt.date(2026, 9, 8)  # 5 days before the announcement's due date
    assert items["filing"].planned == dt.date(2026, 9, 1)
    assert items["registration_deadline"].due == dt.date(2026, 9, 21)
    assert items["event_day"].due == dt.date(2026, 9, 28)
    assert items["publish"].due == dt.date(2026, 10, 1)
    assert [items[c].due for c in ("summary", "feedback", "report")] == [dt.date(2026, 10, 13)] * 3
    assert not any(m.beyond_data for m in items.values())


def test_due_dates_in_working_days_skip_national_day_2026():
    # 28 September 2026 is a Monday; the library has 1–7 October off and 10 October worked.
    snapshot = good_snapshot(thresholds=Thresholds(working_days=True, summary_days=5))
    items = by_code(milestones.compute(snapshot, today=dt.date(2026, 8, 1)))
    expected_publish = workdays.add_days(dt.date(2026, 9, 28), 3, working=True).date
    assert expected_publish == dt.date(2026, 10, 8)
    assert items["publish"].due == expected_publish
    assert chinese_calendar.is_workday(dt.date(2026, 10, 10))  # a Saturday, worked
    assert items["summary"].due == dt.date(2026, 10, 10)  # 29 and 30 September, 8, 9 and 10 October


def test_working_days_past_the_data_are_flagged():
    snapshot = good_snapshot(date=dt.date(2026, 12, 20), announcement_date=dt.date(2026, 12, 1),
                             filing_date=dt.date(2026, 11, 25), registration_deadline=dt.date(2026, 12, 15),
                             thresholds=Thresholds(working_days=True))
    items = by_code(milestones.compute(snapshot, today=dt.date(2026, 12, 1)))
    assert items["publish"].due == dt.date(2026, 12, 23) and not items["publish"].beyond_data
    assert items["summary"].due.year == 2027 and items["summary"].beyond_data
    assert not items["event_day"].beyond_data


def test_overrides_reach_the_milestones():
    snapshot = good_snapshot(thresholds=Thresholds(working_days=True))
    items = by_code(milestones.compute(snapshot, overrides={dt.date(2026, 10, 8): False}, today=dt.date(2026, 8, 1)))
    assert items["publish"].due == dt.date(2026, 10, 9)


@pytest.mark.parametrize("today, state, days_left", [
    (dt.date(2026, 9, 29), "overdue", -1),
    (dt.date(2026, 9, 28), "due_today", 0),
    (dt.date(2026, 9, 27), "due_soon", 1),
    (dt.date(2026, 9, 21), "due_soon", 7),
    (dt.date(2026, 9, 20), "upcoming", 8),
])
def test_event_day_state_by_today(today, state, days_left):
    event = by_code(milestones.compute(good_snapshot(), today=today))["event_day"]
    assert (event.state, event.days_left) == (state, days_left)
    assert milestones.STATE_LABELS[state]


def test_done_wins_over_overdue():
    done = {"announcement": dt.date(2026, 9, 8)}
    items = by_code(milestones.compute(good_snapshot(), done=done, today=dt.date(2026, 10, 1)))
    assert items["announcement"].state == "done" and items["announcement"].done_on == dt.date(2026, 9, 8)
    assert items["filing"].state == "overdue" and items["filing"].done_on is None


def test_an_undated_event_leaves_its_milestones_undated():
    snapshot = good_snapshot(date=None, registration_deadline=None)
    items = milestones.compute(snapshot, done={"filing": dt.date(2026, 9, 1)}, today=dt.date(2026, 9, 1))
    states = {m.code: m.state for m in items}
    assert states == {"filing": "done", **{code: "undated" for code in CODES[1:]}}
    assert all(m.days_left is None for m in items)
    assert by_code(items)["announcement"].planned == dt.date(2026, 9, 8)


def test_a_missing_registration_deadline_is_undated():
    item = by_code(milestones.compute(good_snapshot(registration_deadline=None), today=dt.date(2026, 9, 1)))
    assert item["registration_deadline"].state == "undated"
    assert item["event_day"].state == "upcoming"


def test_state_labels_cover_every_state():
    assert set(milestones.STATE_LABELS) == set(milestones.STATES)
    assert milestones.STATE_LABELS["done"].format(date="2026年9月1日") == "done on 2026年9月1日"
    assert milestones.STATE_LABELS["overdue"].format(days=3) == "overdue by 3 days"


@given(today=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_state_agrees_with_days_left(today):
    for m in milestones.compute(good_snapshot(thresholds=Thresholds(working_days=True)), today=today):
        left = m.days_left
        expected = ("overdue" if left < 0 else "due_today" if left == 0 else "due_soon" if left <= 7 else "upcoming")
        assert m.state == expected
