"""The one text boundary: every text a person or a file supplies (names, units, notes, suggestions, replies,
captions, plan fields, bundle values) passes ``clean`` before it is stored, and every document writer passes it
again before writing (rows stored by an older version may still hold such characters). Invisible control
characters and Unicode non-characters are what Excel and Word refuse to write (openpyxl's IllegalCharacterError,
python-docx's "XML compatible" ValueError): one of them in one name used to block every roster document."""

from __future__ import annotations

import re

_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
# C0 controls but tab, line feed and carriage return, DEL, C1 controls, non-characters, lone surrogates.
CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff{_NONCHARACTERS}]")
# Invisible format characters (Unicode category Cf: zero-width spaces and joiners U+200B–U+200D, the word joiner
# U+2060, the byte-order mark U+FEFF, soft hyphens, direction marks and overrides, tags): a reader sees none of
# them, so "王\u200b五" must be 王五 to the search, the duplicate check and the documents. Listed as ranges (a
# regex cannot ask for a category); tests/test_safety.py checks the list against ``unicodedata``.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
# Spaces a reader takes for a space: the ideographic space U+3000, no-break spaces, the thin and en/em spaces.
SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def clean(text) -> str:
    """``text`` as a string without control characters, non-characters and invisible format characters (tab,
    line feed and carriage return are kept: a multi-line note keeps its lines)."""
    if text is None:
        return ""
    text = str(text)
    if CONTROL.search(text):
        text = CONTROL.sub("", text)
    return INVISIBLE.sub("", text) if not text.isascii() and INVISIBLE.search(text) else text


def one_line(text) -> str:
    """A name, an ID number, a phone or a search as a reader sees it: ``clean``, every kind of space a plain
    space, trimmed."""
    text = clean(text)
    return SPACES.sub(" ", text).strip() if not text.isascii() else text.strip()


def control_in(text: str) -> str | None:
    """The first control character or non-character in ``text`` (for a refusal naming it), or None."""
    found = CONTROL.search(text or "")
    return found.group(0) if found else None
