"""What the 区县汇总 window shows: the units with their trusted key and events of a year, the packages received."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from db import models

from ..signing import formatted_fingerprint
from .figures import ordered_units
from .packages import MANIFEST


@dataclass(frozen=True)
class UnitRow:
    name: str
    expected: bool
    fingerprint: str  # as printed (groups of four), "" when none is trusted
    events: int  # current packages of events in the year


@dataclass(frozen=True)
class PackageRow:
    unit: str
    title: str
    date: dt.date | None
    received: dt.datetime  # local time
    replaced: bool


@dataclass(frozen=True)
class Overview:
    units: list[UnitRow]
    packages: list[PackageRow]
    expected: int
    reported: int  # units on the list with a package of the year
    events: int
    reporting: int = 0  # units with a package of the year, on the list or not


def overview(year: int) -> Overview:
    from ..services.values import local_time

    U, P = models.DistrictUnit, models.UnitPackage
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = dict(P.select(P.unit, models.fn.COUNT(P.id))
                  .where(P.replaced_by.is_null() & (P.event_date >= start) & (P.event_date <= end))
                  .group_by(P.unit).tuples())
    units = [UnitRow(u.name, bool(u.expected), formatted_fingerprint(u.fingerprint) if u.fingerprint else "", counts.get(u.id, 0))
             for u in ordered_units()]
    rows = [PackageRow(name, title, day, local_time(received), replaced is not None)
            for name, title, day, received, replaced in
            P.select(U.name, P.event_title, P.event_date, P.received_at, P.replaced_by).join(U)
            .order_by(P.received_at.desc(), P.id.desc()).limit(500).tuples()]
    return Overview(units, rows, sum(1 for u in units if u.expected),
                    sum(1 for u in units if u.expected and u.events), sum(counts.values()),
                    sum(1 for u in units if u.events))


def fingerprint_of(source: str | Path) -> str:
    """The fingerprint a package's manifest names as its signer (a folder; "" for a zip or an unreadable one):
    what the window asks the coordinator to compare with the unit's paper."""
    try:
        manifest = json.loads((Path(source) / MANIFEST).read_text(encoding="utf-8"))
        return formatted_fingerprint(str(manifest["signature"]["fingerprint"]))
    except (OSError, ValueError, KeyError, TypeError):
        return ""
