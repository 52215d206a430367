"""Masking for documents that leave the office: ID and mobile numbers inside any free text (单位, 职务, 备注,
suggestions, replies, notes, the summary's texts, captions), by the patterns the log's redaction uses."""

from __future__ import annotations

from ..domain import phones
from ..domain.roster import mask_id
from ..domain.text import ID_IN_TEXT, MOBILE_IN_TEXT, digits_of


def mask_text(text: str) -> str:
    """Free text with every ID number and mobile number in it masked (a 备注 like “本人电话13812345678”, also
    written 138.1234.5678 or 640422 19741021 4513)."""
    text = ID_IN_TEXT.sub(lambda m: mask_id(digits_of(m.group(0)).upper()), text or "")
    return MOBILE_IN_TEXT.sub(lambda m: phones.mask(digits_of(m.group(1))), text)
