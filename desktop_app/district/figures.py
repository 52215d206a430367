"""The year in figures, summed from the record.json of each unit's newest package of each event held that year.

Definitions (each a sum over the unit's events of the record's figure of the same name):
- ``events``: events held in the year (by the event's date); ``dates`` their dates;
- ``invited``: people on the roster confirmed or invited (record ``invited``); ``arrived``: people who arrived on
  the day (record ``arrived``, walk-ins included); ``public_arrived``: of them, in a category counted as 群众代表;
  ``public_share``: public_arrived / arrived (None without arrivals);
- ``received``: suggestions received; ``replied_on_time``: replied within their deadline; ``overdue``: not
  replied and past their deadline (on the day the package was written); ``adopted``: 采纳 and 部分采纳;
- ``forms``: satisfaction forms collected; ``satisfaction``: the share of satisfied answers, the units' shares
  weighted by their forms (None without forms).
Quarters are the calendar quarters of the events' dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from db import models


@dataclass
class Figures:
    events: int = 0
    invited: int = 0
    arrived: int = 0
    public_arrived: int = 0
    received: int = 0
    replied_on_time: int = 0
    overdue: int = 0
    adopted: int = 0
    forms: int = 0
    satisfied_weight: float = 0.0  # satisfaction × forms, summed
    dates: list[dt.date] = field(default_factory=list)

    @property
    def public_share(self) -> float | None:
        return self.public_arrived / self.arrived if self.arrived else None

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied_weight / self.forms if self.forms else None

    def add(self, record: dict, day: dt.date | None) -> None:
        suggestions = record.get("suggestions") or {}
        self.events += 1
        self.invited += int(record.get("invited") or 0)
        self.arrived += int(record.get("arrived") or 0)
        self.public_arrived += int(record.get("public_arrived") or sum(
            int(c.get("arrived") or 0) for c in record.get("by_category") or () if c.get("public")))
        self.received += int(suggestions.get("received") or 0)
        self.replied_on_time += int(suggestions.get("replied_on_time") or 0)
        self.overdue += int(suggestions.get("overdue") or 0)
        self.adopted += int(suggestions.get("adopted") or 0) + int(suggestions.get("partly_adopted") or 0)
        forms = int(record.get("forms") or 0)
        if record.get("satisfaction") is not None and forms:
            self.forms += forms
            self.satisfied_weight += float(record["satisfaction"]) * forms
        if day is not None:
            self.dates.append(day)


@dataclass
class UnitYear:
    unit: str
    expected: bool
    figures: Figures


@dataclass
class Year:
    year: int
    units: list[UnitYear]  # the office's list in its order, then units known only from packages
    total: Figures
    quarters: list[Figures]  # four
    missing: list[str]  # expected units with no event that year

    @property
    def reporting(self) -> list[UnitYear]:
        return [u for u in self.units if u.figures.events]


_DIGITS = re.compile(r"(\d+)")


def ordered_units() -> list:
    """The district's units as every table lists them: the expected list in its order, then the others by
    name, numbers by their value (第2乡镇 before 第10乡镇, as a clerk counts them)."""
    def natural(name: str) -> tuple:
        return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(name))

    U = models.DistrictUnit
    return sorted(U.select(), key=lambda u: (not u.expected, (u.position or 0) if u.expected else 0, natural(u.name)))


def year_figures(year: int) -> Year:
    """The year's figures from the newest package of each event dated in ``year``."""
    P = models.UnitPackage
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    units = ordered_units()
    by_unit = {u.id: UnitYear(u.name, bool(u.expected), Figures()) for u in units}
    total, quarters = Figures(), [Figures() for _ in range(4)]
    query = (P.select(P.unit, P.event_date, P.record)
             .where(P.replaced_by.is_null() & (P.event_date >= start) & (P.event_date <= end))
             .order_by(P.event_date).tuples())
    for unit_id, day, text in query:
        record = json.loads(text)
        by_unit[unit_id].figures.add(record, day)
        total.add(record, day)
        quarters[(day.month - 1) // 3].add(record, day)
    listed = [by_unit[u.id] for u in units if u.expected or by_unit[u.id].figures.events]
    missing = [u.unit for u in listed if u.expected and not u.figures.events]
    return Year(year, listed, total, quarters, missing)
