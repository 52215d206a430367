"""Check-in at the venue: the search index behind the one search field, and the outcome of admitting a person.

The index is built once per event (a few hundred milliseconds for 20,000 people, most of it pinyin) and then
answers a keystroke by ``str.find`` over one joined string per kind of key, so a query costs about the same
whatever the roster's size: the same rules as ``domain.search.matches``, precomputed. Pinyin keys are found
by their start only (a newline and the query), which is how a match is held to the start of a syllable."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import NamedTuple

from ..i18n import QT_TRANSLATE_NOOP
from .plan import PlanSnapshot
from .rules import Finding
from .search import _is_han, normalise_query, syllable_keys
from .text import INVISIBLE, clean

OUTCOMES = ("ok", "again", "decide", "unknown")
ADMITTED_STATUS = "confirmed"
NO_SHOW = "no_show"  # 未到 (视为放弃): a confirmed person who never came


def is_early(scanned_local: dt.datetime | None, event_date: dt.date | None) -> bool:
    """A check-in made (local time) before the event day: a rehearsal or a test, not an arrival unless the
    coordinator counts it."""
    return scanned_local is not None and event_date is not None and scanned_local.date() < event_date


class Entry(NamedTuple):
    """What the index knows of one person."""

    id: int
    name: str
    phone: str = ""
    id_number: str = ""
    pass_code: str = ""


class _Joined:
    """Strings joined by newlines, with each one's start offset, to map a hit back to its owner."""

    def __init__(self, pieces: list[tuple[int, str]]):
        self.starts: list[int] = []
        self.owners: list[int] = []
        parts: list[str] = [""]  # the text begins with a newline, so every string follows one
        offset = 1
        for owner, text in pieces:
            self.starts.append(offset)
            self.owners.append(owner)
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)

    def find(self, query: str, *, suffix: bool = False, prefix: bool = False):
        """Owners whose string contains ``query`` (or ends with it, or begins with it), in index order, each
        once per string."""
        if not query or "\n" in query:
            return
        text, start, skip = self.text, 0, 0
        if prefix:
            query, skip = "\n" + query, 1
        while True:
            at = text.find(query, start)
            if at < 0:
                return
            at += skip
            slot = bisect.bisect_right(self.starts, at) - 1
            end = self.starts[slot + 1] - 1 if slot + 1 < len(self.starts) else len(text)
            if not suffix or at + len(query) == end:
                yield self.owners[slot]
            start = end + 1 - skip  # one hit per string is enough: go on with the next string (its newline)


class SearchIndex:
    """``find(query)`` → ids of the people the query finds, in roster order: a pass code alone when it is one;
    else part of a name (one character is enough), pinyin initials or full pinyin over every reading, the last
    digits of a phone (or any part of it), the last 4–6 characters of an ID number. ``matching(query)``: the
    same people, all of them, as a set (the roster's filter).

    ``find`` stops at its limit, so the entrance's first 50 cost little; ``matching`` must name every one of
    20,000 people, and does it without a Python step per hit: pinyin keys sorted once (``complete`` sorts them
    when the index is built, best on the worker; else at the first ``matching``), a query's keys one slice."""

    def __init__(self, entries: list[Entry], *, complete: bool = False):
        # A name stored by an older version may still hold an invisible character: the search sees what a
        # reader sees, as the query does (``normalise_query``).
        entries = [e if e.name.isascii() or not INVISIBLE.search(e.name) else e._replace(name=clean(e.name))
                   for e in entries]
        self.entries = {e.id: e for e in entries}
        self._order = {e.id: n for n, e in enumerate(entries)}
        self._codes = {e.pass_code.upper(): e.id for e in entries if e.pass_code}
        pieces = [(e.id, key) for e in entries for key in syllable_keys(e.name)]
        self._names = _Joined([(e.id, e.name) for e in entries])
        self._keys = _Joined(pieces)
        self._phones = _Joined([(e.id, e.phone) for e in entries if e.phone])
        self._ids = _Joined([(e.id, e.id_number.lower()) for e in entries if e.id_number])
        self._sorted: tuple[list[str], list[int]] | None = None
        if complete:
            self._sort_keys(pieces)

    def _sort_keys(self, pieces: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
        pieces = sorted(pieces, key=lambda piece: piece[1])
        self._sorted = ([key for _, key in pieces], [owner for owner, _ in pieces])
        return self._sorted

    def _key_owners(self, prefix: str) -> list[int]:
        """Owners of the pinyin keys that begin with ``prefix``: one slice of the sorted keys."""
        keys, owners = self._sorted or self._sort_keys(list(zip(self._keys.owners, self._keys.text[1:].split("\n"), strict=False)))
        return owners[bisect.bisect_left(keys, prefix):bisect.bisect_left(keys, prefix + "\uffff")]

    def matching(self, query: str) -> set[int]:
        """Every id ``find`` would give without a limit."""
        q = normalise_query(query)
        if not q:
            return set()
        exact = self.by_code(q)
        if exact is not None:
            return {exact}
        people = self.entries.values()
        if any(_is_han(c) for c in q):
            return {e.id for e in people if q in e.name}
        if q.isdigit():
            found = {e.id for e in people if q in e.phone}
            if len(q) >= 4:
                found.update(e.id for e in people if e.id_number.endswith(q))
            return found
        found = set(self._key_owners(q))
        if q[-1] == "x":  # an ID number's check character, or pinyin with an x in it
            found.update(e.id for e in people if e.id_number.lower().endswith(q))
        return found

    def by_code(self, code: str) -> int | None:
        return self._codes.get(normalise_query(code).upper())

    def find(self, query: str, limit: int = 50) -> tuple[list[int], bool]:
        """(ids, more): at most ``limit`` ids, and whether more people match."""
        q = normalise_query(query)
        if not q:
            return [], False
        exact = self.by_code(q)
        if exact is not None:
            return [exact], False
        if any(_is_han(c) for c in q):
            hits = self._names.find(q)
        elif q.isdigit():
            hits = self._chain(self._phones.find(q), self._ids.find(q, suffix=True) if len(q) >= 4 else ())
        elif q[-1] == "x":  # an ID number's check character, or pinyin with an x in it
            hits = self._chain(self._ids.find(q, suffix=True), self._keys.find(q, prefix=True))
        else:
            hits = self._keys.find(q, prefix=True)
        found: dict[int, None] = {}
        for owner in hits:
            found[owner] = None
            if len(found) > limit:
                break
        ids = sorted(found, key=self._order.__getitem__)
        return ids[:limit], len(ids) > limit

    @staticmethod
    def _chain(*iterables):
        for iterable in iterables:
            yield from iterable


def outcome_for(status: str, already_in: bool) -> str:
    """What admitting a person means: ``ok`` for a confirmed person not yet in, ``again`` when already in,
    ``decide`` when the person is not confirmed (registered, waitlisted, not selected, cancelled, no-show) and
    someone must say whether to admit them."""
    if already_in:
        return "again"
    return "ok" if status == ADMITTED_STATUS else "decide"


ATTENDANCE_SHORT = QT_TRANSLATE_NOOP(
    "core", "Only {arrived} people checked in; the event needed at least {minimum}. Say why in the summary "
            "(总结评估) and invite more people next time.")


def check_attendance(plan: PlanSnapshot, checked_in: int, *, today: dt.date) -> list[Finding]:
    """``attendance_short``: after the day, fewer people checked in than the minimum (a warning)."""
    minimum = plan.thresholds.min_invitees
    if plan.date is None or today <= plan.date or checked_in >= minimum:
        return []
    return [Finding("attendance_short", "warning", ATTENDANCE_SHORT, {"arrived": checked_in, "minimum": minimum},
                    page="summary", field="report_edits.存在问题")]
