"""GB/T 9704-2012 page geometry in twips, and the table conventions the Word writer and the preview share.

Pure numbers, no python-docx: the preview, the builders and the tests import them without loading Word code.
"""

from __future__ import annotations

import math

TWIPS_PER_MM = 1440 / 25.4


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


# A4 and the margins that give the 156 × 225 mm text block (版心).
PAGE_WIDTH = mm_to_twips(210)  # 11906
PAGE_HEIGHT = mm_to_twips(297)  # 16838
MARGIN_TOP = mm_to_twips(37)  # 2098
MARGIN_BOTTOM = mm_to_twips(35)  # 1984
MARGIN_LEFT = mm_to_twips(28)  # 1587
MARGIN_RIGHT = mm_to_twips(26)  # 1474
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 = 156.0 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 = 225.0 mm
TEXT_WIDTH_MM = 156.0

HEADER_DISTANCE = mm_to_twips(15)
# The page number's line (14 pt, about 6 mm high) sits with its centre about 7 mm below the text block, whose
# lower edge is 35 mm above the paper's edge: 35 - 7 - 3 = 25 mm from the paper's edge to the footer's bottom.
FOOTER_DISTANCE = mm_to_twips(25)

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
MASTHEAD_PT = 42  # 初号: the 发文机关标志 at most; a longer one is set smaller to stay on one line
RED = "FF0000"  # the 版头's mark and rule (GB/T 9704 7.2.4, 7.2.6)
PAGE_NUMBER_PT = 14  # 4号
TABLE_PT = 14
NOTE_PT = 12  # 小四

# Line pitch: 22 lines must fit the 225 mm block, so round down: 12756 // 22 = 579 twips = 28.95 pt.
LINE_PITCH = TEXT_HEIGHT // LINES_PER_PAGE

# Character pitch: Word's w:charSpace is the pitch's difference from the Normal style's font size, in 1/4096 pt.
# 28 characters across 8845 twips → 8845 / 20 / 28 = 15.7946 pt per character, i.e. 16 pt - 0.2054 pt:
# charSpace = floor((15.7946 - 16) × 4096) = -842, the value Chinese 公文 templates carry. Rounded down so the
# 28th character never spills onto the next line.
CHAR_SPACE = math.floor((TEXT_WIDTH / 20 / CHARS_PER_LINE - BODY_PT) * 4096)

# Grid snapping is not portable: LibreOffice puts every 16 pt character into two 15.79 pt grid cells (14 per
# line) where Word compresses it into one. So paragraphs do not snap to the grid, and the Normal style tightens
# its characters instead. A 28-character line may take 8845 / 28 = 315.9 twips per character; Word and WPS fit
# 28 characters of 320 - 5 twips, but LibreOffice then breaks after 27 (rendered: 27 a line with -5, 28 with -6;
# it loses a fraction of a point per character to its layout rounding). So one twentieth more: -6 (-0.3 pt), 28
# characters of 314 twips = 8792 twips in Word, WPS and LibreOffice alike (29 would need 9106, more than 8845).
CHAR_SPACING = math.floor(TEXT_WIDTH / CHARS_PER_LINE) - BODY_PT * 20 - 1

# One character of body text (16 pt = 320 twips); indents are given both in characters (w:firstLineChars,
# hundredths of a character) and in twips as a fallback for readers that ignore the character units.
CHAR_TWIPS = BODY_PT * 20

# A table cell whose text is SPAN continues the cell to its left (a horizontal merge): the form layouts need it
# and the block model has no other way to say so. Never shown to a user.
SPAN = "\x00span"


def fit_widths(widths_mm: tuple[float, ...] | list[float], total_mm: float = TEXT_WIDTH_MM) -> list[int]:
    """Column widths in twips, scaled down proportionally if they would overflow the text block."""
    widths = [max(float(w), 1.0) for w in widths_mm]
    scale = min(1.0, total_mm / sum(widths)) if widths else 1.0
    return [mm_to_twips(w * scale) for w in widths]


MM_PER_PT = 25.4 / 72
CELL_MARGIN_MM = 1.5  # each side (gongwen.CELL_MARGIN)


def text_units(text: str) -> float:
    """Width in characters: a Chinese character or full-width mark is one, a digit or Latin letter half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def header_widths(columns, widths_mm, font_pt: float) -> list[float]:
    """``widths_mm`` with every column at least as wide as its header on one line (序号 never breaks into 序/号);
    what a column needs is taken from the columns with room to spare, widest first. A header that cannot fit
    even so keeps the width it was given."""
    widths = [float(w) for w in widths_mm]
    need = [text_units(max(str(c).split("\n"), key=text_units)) * font_pt * MM_PER_PT + 2 * CELL_MARGIN_MM + 0.6
            for c in columns]
    for i, wanted in enumerate(need):
        short = wanted - widths[i]
        if short <= 0:
            continue
        donors = sorted((j for j in range(len(widths)) if j != i and widths[j] > need[j]),
                        key=lambda j: widths[j] - need[j], reverse=True)
        room = sum(widths[j] - need[j] for j in donors)
        if room < short:
            continue
        for j in donors:
            give = min(short, widths[j] - need[j])
            widths[j] -= give
            widths[i] += give
            short -= give
            if short <= 0:
                break
    return widths


SHORT_CELL = 12  # characters


def centred_columns(rows, ncols: int) -> set[int]:
    """Columns of short single-line entries (序号, 姓名, 时间, a form's labels) are centred; text is left-aligned."""
    centred = set()
    for c in range(ncols):
        cells = [str(r[c]) for r in rows if c < len(r) and r[c] != SPAN]
        if all(len(text) <= SHORT_CELL and "\n" not in text for text in cells):
            centred.add(c)
    return centred
