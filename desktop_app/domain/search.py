"""Finding people by what a coordinator types: part of a name, pinyin initials or full pinyin over every
reading of a polyphonic character (单 as dan or shan), digits of a phone or ID number, or a pass code.

Pinyin matches start at a syllable: "zw" (initials), "zhangw" or "wei" (whole syllables, the last one
perhaps unfinished) find 张伟, but "han" does not find 张 (zhang) or 占 (zhan) — only 韩, 汉 …"""

from __future__ import annotations

import itertools
import os
import unicodedata
from functools import cache, lru_cache

from .text import one_line

MAX_VARIANTS = 16  # readings multiply for names full of polyphonic characters; a few are enough to match


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@cache
def char_readings(ch: str) -> tuple[str, ...]:
    """Every pinyin reading of one character, without tones (a non-Chinese character reads as itself)."""
    if not _is_han(ch):
        return (ch.lower(),)
    readings = _pinyin()(ch, heteronym=True)[0]
    return tuple(dict.fromkeys(r.lower().replace("ü", "v") for r in readings if r)) or (ch,)


@cache
def _pinyin():
    """pypinyin's ``pinyin`` without tones, loaded with the first Chinese name, not at start-up, and without its
    dictionary of phrases: one character at a time reads the same from the characters' dictionary alone
    (tests/test_search.py compares the two), and parsing the phrases (2.5 MB of JSON in one call that holds
    the interpreter) froze the window for 60 ms when the 名单 tab was first opened."""
    from functools import partial

    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")  # no custom dictionary is loaded: no copy needed
    from pypinyin import Style, pinyin

    return partial(pinyin, style=Style.NORMAL)


def _variants(name: str):
    """Readings of the whole name, one tuple of syllables per combination of the characters' readings."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return ()
    return itertools.islice(itertools.product(*(char_readings(c) for c in chars)), MAX_VARIANTS)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """Full-pinyin and initials spellings of ``name`` (e.g. 单伟 → danwei, shanwei, dw, sw …)."""
    keys: dict[str, None] = {}
    for combo in _variants(name):
        keys["".join(combo)] = None
        keys["".join(r[0] for r in combo)] = None
    return tuple(keys)


@lru_cache(maxsize=65536)
def syllable_keys(name: str) -> tuple[str, ...]:
    """The spellings a pinyin query must begin: the full pinyin and the initials from each syllable on
    (张小伟 → zhangxiaowei, xiaowei, wei, zxw, xw; the last initial is left out, ``wei`` begins with it)."""
    keys: dict[str, None] = {}
    for combo in _variants(name):
        for start in range(len(combo)):
            keys["".join(combo[start:])] = None
        for start in range(len(combo) - 1):
            keys["".join(r[0] for r in combo[start:])] = None
    return tuple(keys)


def normalise_query(text: str) -> str:
    """What the search looks for: the text as stored names are (``domain.text.one_line``, full-width digits and
    letters half-width), without spaces, lower case."""
    return "".join(unicodedata.normalize("NFKC", one_line(text)).split()).lower()


def matches(query: str, name: str, *, phone: str = "", id_number: str = "", pass_code: str = "") -> bool:
    """Whether a normalised ``query`` finds this person."""
    if not query:
        return True
    if any(_is_han(c) for c in query):
        return query in name
    if query.isdigit():
        return query in phone or (len(query) >= 4 and id_number.endswith(query))
    if pass_code and query.upper() == pass_code:
        return True
    if query[-1:] == "x" and id_number.lower().endswith(query):
        return True
    return any(key.startswith(query) for key in syllable_keys(name))
