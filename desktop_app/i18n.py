"""Translating the core's own messages without Qt, so CLI commands start fast.

Core strings are marked ``QT_TRANSLATE_NOOP("core", "...")`` so ``pyside6-lupdate`` collects them into
``resources/i18n/zh_CN.ts`` beside the GUI's; at run time the "core" context of that file is the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from . import paths

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
CORE_CONTEXT = "core"

_state = {"language": DEFAULT_LANGUAGE}
# The window's compiled catalogue (a QTranslator's lookup, installed by ui.i18n): it answers core messages there,
# so the window never parses the 180 KB .ts file; the CLI, which has no Qt, reads the .ts.
_translator: dict[str, Callable[[str], str] | None] = {"lookup": None}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def set_language(language: str, lookup: Callable[[str], str] | None = None) -> None:
    """Core messages in ``language`` from now on; ``lookup`` (source -> translation, "" when it has none) is the
    catalogue of that language already loaded by the window, used instead of the .ts file."""
    _state["language"] = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _translator["lookup"] = lookup if _state["language"] != "en" else None


def language() -> str:
    return _state["language"]


@lru_cache(maxsize=4)
def _catalog(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    import xml.etree.ElementTree as ET  # only when a core message is shown

    ts = paths.resource("i18n", f"{language}.ts")
    try:
        root = ET.parse(ts).getroot()
    except (OSError, ET.ParseError):
        return {}
    catalog: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CORE_CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source and node is not None and node.text and node.get("type") not in ("unfinished", "obsolete"):
                catalog[source] = node.text
    return catalog


def _translation(source: str) -> str | None:
    """The current language's translation of a core string, or None where the catalogue has none."""
    if _state["language"] == "en":
        return None
    lookup = _translator["lookup"]
    if lookup is not None:
        return lookup(source) or None
    return _catalog(_state["language"]).get(source)


def text(source: str, **params) -> str:
    """The translation of a core string in the current language, with ``{name}`` fields filled in."""
    translated = _translation(source) or source
    return translated.format(**params) if params else translated


_HALF_WIDTH = {"：": ": ", "，": ", ", "；": "; ", "、": ", ", "（": " (", "）": ")"}


def punct(mark: str) -> str:
    """A Chinese punctuation mark (：，；、（）) as the interface's language writes it: half-width, with its
    space, in English."""
    return _HALF_WIDTH.get(mark, mark) if _state["language"] == "en" else mark


def value_text(source: str, chinese: str) -> str:
    """The name of a stored value (a status, a sex, a kind) in the current language: the marked English
    ``source`` translated; in Chinese, while the catalogue has no entry for it, the Chinese word the documents
    print (``chinese``), never the English."""
    if _state["language"] == "en":
        return source
    return _translation(source) or chinese
