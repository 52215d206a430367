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


def clean(text) -> str:
    """``text`` as a string without control characters and non-characters (tab, line feed and carriage return
    are kept: a multi-line note keeps its lines)."""
    if text is None:
        return ""
    text = str(text)
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def control_in(text: str) -> str | None:
    """The first control character or non-character in ``text`` (for a refusal naming it), or None."""
    found = CONTROL.search(text or "")
    return found.group(0) if found else None
