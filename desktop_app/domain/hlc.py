"""The hybrid logical clock of the check-in log (Kulkarni et al., "Logical Physical Clocks", 2014).

A stamp is (physical milliseconds, counter, device). A device stamps an action with the larger of its own clock
and the largest stamp it holds (its own and every one received), adding one to the counter when that does not
move on, so an entry is always stamped after everything its device had seen, whatever its clock says: a laptop
whose date is a year behind, once it has exchanged with the hub, stamps its scans with the venue's day. The text
form sorts as the stamps do (13 digits of milliseconds last until the year 2286), so the database orders and
compares them as text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EPOCH = dt.datetime(1970, 1, 1)
_TEXT = re.compile(r"^(\d{13})\.(\d{6})\.([0-9A-Za-z_-]{0,64})$")


@dataclass(frozen=True, order=True)
class Stamp:
    physical_ms: int
    counter: int
    device: str

    @property
    def text(self) -> str:
        return f"{self.physical_ms:013d}.{self.counter:06d}.{self.device}"

    @property
    def time(self) -> dt.datetime:
        """The physical part as a naive UTC time."""
        return EPOCH + dt.timedelta(milliseconds=self.physical_ms)


def parse(text: str) -> Stamp | None:
    """The stamp of its text form; None for anything else."""
    found = _TEXT.match(text or "")
    if found is None:
        return None
    return Stamp(int(found[1]), int(found[2]), found[3])


def milliseconds(utc: dt.datetime) -> int:
    """A naive UTC time in milliseconds since 1970 (never negative)."""
    return max(0, (utc - EPOCH) // dt.timedelta(milliseconds=1))


def tick(last: Stamp | None, now: dt.datetime, device: str) -> Stamp:
    """The stamp of a new action at ``now`` (naive UTC, the device's clock as corrected) after ``last``, the
    largest stamp the device holds."""
    physical = milliseconds(now)
    if last is None or physical > last.physical_ms:
        return Stamp(physical, 0, device)
    return Stamp(last.physical_ms, last.counter + 1, device)


def at(utc: dt.datetime, device: str, counter: int = 0) -> Stamp:
    """The stamp of an action known only by its time (a check-in made before the log existed)."""
    return Stamp(milliseconds(utc), counter, device)
