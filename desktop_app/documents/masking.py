"""Masking for documents that leave the office: ID and mobile numbers inside any free text (单位, 职务, 备注,
suggestions, replies, notes, the summary's texts, captions). The finding is ``domain.masking``'s, shared with the
log's redaction and the file names."""

from __future__ import annotations

from ..domain.masking import mask_text

__all__ = ["mask_text"]
