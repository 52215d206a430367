"""ID and mobile numbers inside free text, found on what a reader sees rather than on the characters typed: the
one place that finds them, for the public documents, file names, photo captions, the package's manifest and the
log's redaction.

A Chinese input method in full-width mode types １３８１２３４５６７８ and ＸХ; people group numbers with spaces,
ideographic spaces (U+3000), no-break spaces, hyphens and dashes of every width, dots and brackets:
"138　1234　5678", "138－1234－5678", "(138)1234-5678", "110105 19491231 002X". The patterns run on a view of the
text normalised per character (NFKC, then every such separator folded to one ASCII form) that keeps, for each
character of the view, the index of the character it came from; a match is masked in the original text, so the
rest of the text stays exactly as typed."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

# Between two digit groups: whitespace of any kind (NFKC makes U+3000 and NBSP a space), dashes of every width
# (Unicode category Pd, the minus sign, the katakana prolonged sound mark an IME gives for "ー"), dots (the
# ideographic full stop and middle dots too), brackets, and invisible format characters (a zero-width space
# between digits hides nothing from a reader).
_DOTS = ".\u00b7\u2022\u2027\u2219\u30fb\u3002\uff61"
_OPENING = "([{\u3010\u3014\u3016\u3018\u301a"
_CLOSING = ")]}\u3011\u3015\u3017\u3019\u301b"
_DASHES = "\u2212\u30fc\u2053"
SEP = "[ .\\-()]{0,4}"  # a short run of what separators become in the view, so two numbers apart stay two


@functools.lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    """One original character as the view shows it: possibly several characters (NFKC), or none (invisible)."""
    if ch.isascii():
        return " " if ch.isspace() else "(" if ch in "[{" else ")" if ch in "]}" else ch
    if unicodedata.category(ch) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return folded
    category = unicodedata.category(folded)
    if folded.isspace() or category.startswith("Z"):
        return " "
    if category == "Pd" or folded in _DASHES:
        return "-"
    if folded in _DOTS:
        return "."
    if folded in _OPENING:
        return "("
    if folded in _CLOSING:
        return ")"
    if folded.isdigit() and not folded.isascii():
        digit = unicodedata.digit(folded, None)
        return str(digit) if digit is not None else folded
    return folded


class View(NamedTuple):
    """``text`` as a reader sees it and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]


def view(text: str) -> View:
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold(ch)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return View("".join(chars), tuple(origin))


_D = "[0-9]"
# 17 digits and a check digit (or X), or a legacy 15-digit number; any group may be set apart. Letters may touch
# a number (ID110101…), digits may not (a longer number is no ID).
ID_RE = re.compile(rf"(?<![0-9])(?:{_D}(?:{SEP}{_D}){{16}}{SEP}[0-9Xx](?![0-9Xx])|{_D}(?:{SEP}{_D}){{14}}(?![0-9]))")
# 1[3-9] and nine digits, perhaps after +86, 86 or 0086 (which go with it: the mask is the number alone).
MOBILE_RE = re.compile(rf"(?:(?<![0-9])\+?(?:00)?86{SEP}|(?<![0-9]))(?P<number>1{SEP}[3-9](?:{SEP}{_D}){{9}})(?![0-9])")
# 0, an area code of 2–3 digits and a local number of 7–8 digits (for the log only: a landline published by the
# office is meant to be read).
LANDLINE_RE = re.compile(rf"(?<![0-9])0{_D}{{2,3}}{SEP}{_D}{{3,4}}{SEP}{_D}{{4}}(?![0-9])")


class Found(NamedTuple):
    """A number in the original text: ``text[start:end]``, its kind and its digits (X upper-case)."""

    start: int
    end: int
    kind: str  # "id" | "mobile" | "landline"
    digits: str


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx").upper()


FEWEST_DIGITS = 10  # a landline's (0, an area code of 2, a local number of 7); a mobile has 11, an ID 15 or 18


def _too_few_digits(text: str) -> bool:
    """Whether ``text`` shows fewer digits than any number found holds (most names, units and notes): no view
    needed. A character counts as the digits the view shows for it (１, ①)."""
    rest = _NO_DIGIT.sub("", text)
    if rest.isascii():
        return sum(ch.isdigit() for ch in rest) < FEWEST_DIGITS
    return sum(sum(c.isdigit() for c in _fold(ch)) for ch in rest) < FEWEST_DIGITS


# Characters the view never shows as a digit: letters, the common CJK ideographs and punctuation.
_NO_DIGIT = re.compile("[A-Za-z\u4e00-\u9fff\u3001\u3002\uff0c\uff1a\uff1b\u201c\u201d]+")


def find(text: str, *, landlines: bool = False) -> list[Found]:
    """Every ID number and mobile number (and landline, when asked) in ``text``, in order, not overlapping."""
    if not text or _too_few_digits(text):
        return []
    seen = view(text)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    patterns = [("id", ID_RE), ("mobile", MOBILE_RE)] + ([("landline", LANDLINE_RE)] if landlines else [])
    for kind, pattern in patterns:
        for match in pattern.finditer(seen.text):
            digits = match.group("number" if "number" in pattern.groupindex else 0)
            first, last = match.start(), match.end()
            if any(first < end and start < last for start, end in taken):
                continue
            if match.group(0).count(")") > match.group(0).count("(") and seen.text[first - 1:first] == "(":
                first -= 1  # (138)1234-5678: the bracket goes with the number
            taken.append((first, last))
            found.append(Found(seen.origin[first], seen.origin[last - 1] + 1, kind, _digits(digits)))
    return sorted(found)


def replace_numbers(text: str, render: Callable[[Found], str], *, landlines: bool = False) -> str:
    """``text`` with each number found replaced by ``render(found)``."""
    text = text or ""
    parts, last = [], 0
    for number in find(text, landlines=landlines):
        parts += [text[last:number.start], render(number)]
        last = number.end
    return "".join(parts) + text[last:] if parts else text


def mask_id(number: str, star: str = "*") -> str:
    """The first 6 and last 4 characters: enough to tell two people apart, not enough to misuse."""
    if len(number) <= 10:
        return star * len(number)
    return number[:6] + star * (len(number) - 10) + number[-4:]


def mask_mobile(digits: str, star: str = "*") -> str:
    return digits[:3] + star * 4 + digits[-4:]


def mask_text(text: str, star: str = "*") -> str:
    """Free text with every ID number and mobile number in it masked, however it was written (a 备注 like
    “本人电话１３８－１２３４－５６７８”, a caption, a unit typed as “(138)1234-5678”)."""
    return replace_numbers(text, lambda n: mask_id(n.digits, star) if n.kind == "id" else mask_mobile(n.digits, star))


def redact(text: str) -> str:
    """For the log: ID numbers, mobiles and landlines replaced by a word."""
    return replace_numbers(text, lambda n: "<id-number>" if n.kind == "id" else "<phone>", landlines=True)
