"""The route documents: the 活动流程 (time / item / place / guide / content, each group's timetable, and the
timeline picture) and one 讲解人工作卡 per guide; and the timeline picture itself, drawn with QPainter.

The picture is drawn here rather than in ``ui`` so the CLI and the worker thread can make it: QtGui only
(QImage + QPainter), imported when a picture is drawn; ``charts.ensure_gui`` gives the CLI its QGuiApplication.
The 路线 tab's timeline widget paints with the same ``layout_timeline`` / ``paint_timeline``, so the screen and
the document never disagree. Chinese text is never cut: a label that does not fit inside its block goes below
the lane, into the first free row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..domain.route import KIND_WORDS, Bar, GuideCard, Lane, ProgrammeRow, RouteSnapshot, clock, span, to_time
from .model import Block, Document, Heading, Paragraph, Picture, Table, Title, number_headings
from .wording import EVENT_NAME, TBD, balanced_title, day_text, half_day

PICTURE_WIDTH_MM = 156.0
# Logical pixels across the picture: 13 px type over 156 mm prints at about 7.5 pt; drawn PICTURE_SCALE times
# over (about 370 dpi) so it stays sharp.
PICTURE_WIDTH = 760
PICTURE_SCALE = 3
ROUTE_WHAT = "活动流程"
CARDS_WHAT = "讲解人工作卡"
ARRIVE_EARLY = 10  # minutes a guide is asked to be in place before their first item
NO_GUIDES = "本次活动未安排讲解人员。"
NO_ITEMS = "活动流程另行通知。"

# Fill and outline of each kind (the same in the tab and the documents).
KIND_COLOURS = {
    "gather": ("#ffe0b2", "#e65100"),
    "stop": ("#bbdefb", "#1565c0"),
    "transfer": ("#eceff1", "#607d8b"),
    "meeting": ("#c8e6c9", "#2e7d32"),
    "survey": ("#f8bbd0", "#ad1457"),
    "experience": ("#d1c4e9", "#4527a0"),
    "other": ("#fff9c4", "#f57f17"),
}
END_COLOUR = "#c62828"
# Fonts with Chinese glyphs on Windows, macOS and Linux; Qt takes the first one installed.
FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "SimHei", "SimSun", "sans-serif"]


# -- the timeline picture ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineSpec:
    """What the timeline shows and the words it uses (the tab passes translated ones, documents Chinese)."""

    lanes: tuple[Lane, ...]
    day_start: int | None = None
    day_end: int | None = None
    lane_names: tuple[str, ...] = ()
    kind_names: dict[str, str] = field(default_factory=lambda: dict(KIND_WORDS))
    start_label: str = "开始"
    end_label: str = "结束"
    pinned_label: str = "固定时间"
    empty_text: str = "流程时间另行通知"
    font_px: int = 13


# Printed, the picture is PICTURE_WIDTH logical pixels across PICTURE_WIDTH_MM: one pixel is 0.58 pt, so the
# smallest words (the details, 0.85 of the font) need a 15 px font to print at 7.5 pt or more.
PRINT_FONT_PX = 15


def timeline_spec(snapshot: RouteSnapshot) -> TimelineSpec:
    """The documents' timeline: one lane (全体) or one per group (第1组 …), Chinese words, print-sized."""
    names = ("全体",) if len(snapshot.lanes) <= 1 else tuple(f"第{lane.group}组" for lane in snapshot.lanes)
    return TimelineSpec(snapshot.lanes, snapshot.day_start, snapshot.day_end, names, font_px=PRINT_FONT_PX)


@dataclass
class PlacedBar:
    bar: Bar
    lane: int
    rect: object  # QRectF of the block
    inside: list[tuple[str, bool, int]]  # what is drawn inside: (text, is the title, drawText flags)
    label: object | None = None  # QRectF of the label below the lane, when the words do not fit inside
    label_text: str = ""
    label_lines: list[tuple[str, int, float]] = field(default_factory=list)  # (text, drawText flags, height)


@dataclass
class TimelineLayout:
    spec: TimelineSpec
    width: float
    height: float
    left: float
    t0: int
    t1: int
    axis_top: float
    axis_bottom: float
    lane_tops: list[float]
    lane_bottoms: list[float]
    bar_height: float
    bars: list[PlacedBar]
    legend: list[tuple[object, str, str]]  # (QRectF of the swatch, kind or "pinned", text)
    fonts: tuple

    def x(self, minute: float) -> float:
        return self.left + (minute - self.t0) * (self.width - self.left - RIGHT) / max(self.t1 - self.t0, 1)

    def bar_at(self, x: float, y: float) -> PlacedBar | None:
        for placed in self.bars:
            if placed.rect.contains(x, y) or (placed.label is not None and placed.label.contains(x, y)):
                return placed
        return None


PAD = 4.0
RIGHT = 14.0
LANE_GAP = 10.0
LABEL_GAP = 6.0
TICK = 10  # minutes between grid lines


def _fonts(spec: TimelineSpec):
    from PySide6.QtGui import QFont

    title = QFont()
    title.setFamilies(FONT_FAMILIES)
    title.setPixelSize(spec.font_px)
    detail = QFont(title)
    detail.setPixelSize(max(round(spec.font_px * 0.85), 8))
    lane = QFont(title)
    lane.setBold(True)
    return title, detail, lane


def _wrap(metrics, text: str, width: float) -> tuple[float, int]:
    """(height, drawText flags) of ``text`` wrapped into ``width``: at the line-break opportunities of Chinese
    text (no line starts with 、 or ）) when every piece fits, else anywhere; infinite when it cannot fit."""
    from PySide6.QtCore import QRectF, Qt

    if width <= 1:
        return math.inf, 0
    for wrap in (Qt.TextFlag.TextWordWrap, Qt.TextFlag.TextWrapAnywhere):
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | wrap)
        rect = metrics.boundingRect(QRectF(0, 0, width, 100000), flags, text)
        if rect.width() <= width + 0.5:
            return rect.height(), flags
    return math.inf, 0


def layout_timeline(spec: TimelineSpec, width: float) -> TimelineLayout:
    """Where everything goes at ``width`` logical pixels; the height follows from the labels."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    if not any(lane.bars for lane in spec.lanes):
        spec = TimelineSpec((), None, None, (), spec.kind_names, empty_text=spec.empty_text, font_px=spec.font_px)
    fonts = _fonts(spec)
    title_font, detail_font, lane_font = fonts
    tm, dm, lm = QFontMetricsF(title_font), QFontMetricsF(detail_font), QFontMetricsF(lane_font)
    names = list(spec.lane_names) + [str(lane.group) for lane in spec.lanes[len(spec.lane_names):]]
    left = max((lm.horizontalAdvance(n) for n in names), default=0) + 3 * PAD
    times = [t for lane in spec.lanes for bar in lane.bars for t in (bar.start, bar.end)]
    # The axis spans the programme (and its announced start); an announced end long after the last item is
    # marked at the axis's end instead of drawing an empty stretch of time.
    times += [t for t in (spec.day_start,) if t is not None]
    if spec.day_end is not None and (not times or spec.day_end <= max(times) + TICK):
        times.append(spec.day_end)
    t0 = (min(times) // TICK) * TICK if times else 9 * 60
    t1 = -(-max(times) // TICK) * TICK if times else t0 + 60
    t1 = max(t1, t0 + TICK)
    axis_top = PAD
    axis_bottom = axis_top + dm.height() * 2 + 2 * PAD if spec.lanes else axis_top
    bar_height = math.ceil(tm.height() * 2 + dm.height() * 2 + 2 * PAD)
    layout = TimelineLayout(spec, width, 0, left, t0, t1, axis_top, axis_bottom, [], [], bar_height, [], [], fonts)
    avail = max(width - left - RIGHT, 40)
    y = axis_bottom
    for index, lane in enumerate(spec.lanes):
        layout.lane_tops.append(y)
        label_rows: list[tuple[list[tuple[float, float]], float]] = []
        placed_labels: list[tuple[PlacedBar, float, float, int]] = []
        for bar in lane.bars:
            x0, x1 = layout.x(bar.start), layout.x(bar.end)
            top = y + (bar_height * 0.25 if bar.kind == "transfer" else 0)
            height = bar_height * (0.5 if bar.kind == "transfer" else 1)
            rect = QRectF(x0, top, max(x1 - x0, 2), height)
            inner_w, inner_h = rect.width() - 2 * PAD, rect.height() - 2 * PAD
            when = span(bar.start, bar.end)
            place = bar.place if bar.place and bar.place not in bar.title else ""
            details = [when] + ([place] if place else [])
            title_h, title_flags = _wrap(tm, bar.title, inner_w)
            wrapped = [_wrap(dm, d, inner_w) for d in details]
            if title_h + sum(h for h, _f in wrapped) <= inner_h:
                inside = [(bar.title, True, title_flags)] + [(d, False, f) for d, (_h, f) in zip(details, wrapped,
                                                                                                   strict=True)]
                outside = ""
            elif title_h <= inner_h:
                inside, outside = [(bar.title, True, title_flags)], " ".join(details)
            else:
                inside, outside = [], bar.title + "\n" + " ".join(details)
            placed = PlacedBar(bar, index, rect, inside)
            layout.bars.append(placed)
            if outside:
                lines = outside.split("\n")
                text_w = min(max(dm.horizontalAdvance(line) for line in lines) + 2 * PAD + 1, avail)
                placed.label_lines = [(line, *reversed(_wrap(dm, line, text_w - 2 * PAD))) for line in lines]
                text_h = sum(h for _t, _f, h in placed.label_lines) + PAD
                centre = (x0 + x1) / 2
                lx = min(max(centre - text_w / 2, left), width - RIGHT - text_w)
                row = next((n for n, (spans, _h) in enumerate(label_rows)
                            if all(lx + text_w + LABEL_GAP <= a or lx >= b + LABEL_GAP for a, b in spans)), None)
                if row is None:
                    label_rows.append(([], 0))
                    row = len(label_rows) - 1
                spans, row_h = label_rows[row]
                spans.append((lx, lx + text_w))
                label_rows[row] = (spans, max(row_h, text_h))
                placed.label_text = outside
                placed_labels.append((placed, lx, text_w, row))
        row_tops = []
        row_y = y + bar_height + LABEL_GAP
        for _spans, row_h in label_rows:
            row_tops.append(row_y)
            row_y += row_h + LABEL_GAP / 2
        for placed, lx, text_w, row in placed_labels:
            placed.label = QRectF(lx, row_tops[row], text_w, label_rows[row][1])
        bottom = (row_y if label_rows else y + bar_height) + LANE_GAP / 2
        if not lane.bars:
            bottom = y + dm.height() + 2 * PAD
        layout.lane_bottoms.append(bottom)
        y = bottom + LANE_GAP / 2
    if not spec.lanes:
        y += dm.height() + 2 * PAD
    # The legend: the kinds shown, then the fixed-time sample; wrapped to the width.
    kinds = [k for k in KIND_COLOURS if any(b.kind == k for lane in spec.lanes for b in lane.bars)]
    entries = [(k, spec.kind_names.get(k, k)) for k in kinds]
    if any(b.pinned for lane in spec.lanes for b in lane.bars):
        entries.append(("pinned", spec.pinned_label))
    x, y = left, y + PAD
    swatch = dm.height()
    for kind, text in entries:
        w = swatch + PAD + dm.horizontalAdvance(text) + 3 * PAD
        if x + w > width - RIGHT and x > left:
            x, y = left, y + swatch + PAD
        layout.legend.append((QRectF(x, y, swatch * 1.6, swatch), kind, text))
        x += w + swatch * 0.6
    layout.height = math.ceil(y + swatch + 2 * PAD)
    return layout


def paint_timeline(painter, layout: TimelineLayout, *, selected: int | None = None) -> None:
    """Draw ``layout`` with ``painter`` (a widget's or an image's); ``selected`` outlines that item's blocks."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen

    spec = layout.spec
    title_font, detail_font, lane_font = layout.fonts
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    painter.setRenderHint(painter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor("white"))
    last = layout.lane_bottoms[-1] if layout.lane_bottoms else layout.axis_bottom
    painter.setFont(detail_font)
    metrics = painter.fontMetrics()
    line_h = metrics.height()
    if not spec.lanes:
        painter.setPen(QColor("#78909c"))
        painter.drawText(QRectF(PAD, PAD, layout.width - 2 * PAD, line_h + 2 * PAD),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, spec.empty_text)
        painter.restore()
        return
    step = TICK if layout.x(layout.t0 + TICK) - layout.x(layout.t0) > metrics.horizontalAdvance("00:00") + 10 else 30
    for n, lane_top in enumerate(layout.lane_tops):
        if n % 2:
            painter.fillRect(QRectF(0, lane_top - LANE_GAP / 2, layout.width, layout.lane_bottoms[n] - lane_top
                                    + LANE_GAP), QColor("#f7f9fa"))
    label_right = -math.inf  # a tick's time is written only where it does not touch the one before
    for minute in range(layout.t0, layout.t1 + 1, TICK):
        x = layout.x(minute)
        major = minute % 30 == 0
        painter.setPen(QPen(QColor("#b0bec5" if major else "#e3e8eb"), 1))
        painter.drawLine(QPointF(x, layout.axis_bottom - PAD), QPointF(x, last))
        if minute % step == 0:
            w = metrics.horizontalAdvance(clock(minute)) + PAD
            lx = min(max(x - w / 2, 0), layout.width - w)
            if lx >= label_right + PAD:
                painter.setPen(QColor("#37474f"))
                painter.drawText(QRectF(lx, layout.axis_top + line_h + PAD, w, line_h), Qt.AlignmentFlag.AlignCenter,
                                 clock(minute))
                label_right = lx + w
    for minute, label, colour in ((spec.day_start, spec.start_label, "#2e7d32"),
                                  (spec.day_end, spec.end_label, END_COLOUR)):
        if minute is None:
            continue
        beyond = minute > layout.t1  # the announced end after the axis: marked at its end, with an arrow
        x = layout.x(min(minute, layout.t1))
        painter.setPen(QPen(QColor(colour), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, layout.axis_top + line_h), QPointF(x, last))
        text = f"{label} {clock(minute)}" + (" →" if beyond else "")
        w = metrics.horizontalAdvance(text) + 2 * PAD
        tx = min(max(x - w / 2, 0), layout.width - w)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(tx, layout.axis_top, w, line_h), Qt.AlignmentFlag.AlignCenter, text)
    painter.setFont(lane_font)
    names = list(spec.lane_names)
    for n, lane in enumerate(spec.lanes):
        name = names[n] if n < len(names) else str(lane.group)
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(PAD, layout.lane_tops[n], layout.left - 2 * PAD, layout.bar_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        if not lane.bars:
            painter.setFont(detail_font)
            painter.setPen(QColor("#78909c"))
            painter.drawText(QRectF(layout.left, layout.lane_tops[n], layout.width - layout.left - RIGHT,
                                    layout.lane_bottoms[n] - layout.lane_tops[n]),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, spec.empty_text)
            painter.setFont(lane_font)
    for placed in layout.bars:
        bar = placed.bar
        fill, line = KIND_COLOURS.get(bar.kind, KIND_COLOURS["other"])
        chosen = selected is not None and bar.step_id == selected
        painter.setPen(QPen(QColor("#000000" if chosen else line), 3 if chosen else (2 if bar.pinned else 1)))
        painter.setBrush(QBrush(QColor(fill)))
        painter.drawRoundedRect(placed.rect, 3, 3)
        if bar.pinned:
            corner = placed.rect.topLeft()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(line))
            painter.drawPolygon([corner, corner + QPointF(9, 0), corner + QPointF(0, 9)])
        y = placed.rect.top() + PAD
        inner_w = placed.rect.width() - 2 * PAD
        for text, is_title, flags in placed.inside:
            painter.setFont(title_font if is_title else detail_font)
            painter.setPen(QColor("#1a1a1a" if is_title else "#37474f"))
            box = QFontMetricsF(painter.font()).boundingRect(QRectF(0, 0, inner_w, 100000), flags, text)
            painter.drawText(QRectF(placed.rect.left() + PAD, y, inner_w + 0.5, box.height() + 1), flags, text)
            y += box.height()
        if placed.label is not None:
            label = placed.label
            anchor_x = min(max(placed.rect.center().x(), label.left() + 2), label.right() - 2)
            painter.setPen(QPen(QColor(line), 1))
            painter.drawLine(QPointF(placed.rect.center().x(), placed.rect.bottom()), QPointF(anchor_x, label.top()))
            painter.setBrush(QColor("white"))
            painter.setPen(QPen(QColor("#000000" if chosen else line), 2 if chosen else 1))
            painter.drawRect(label)
            painter.setFont(detail_font)
            painter.setPen(QColor("#1a1a1a"))
            y = label.top() + PAD / 2
            for text, flags, height in placed.label_lines:
                painter.drawText(QRectF(label.left() + PAD, y, label.width() - 2 * PAD + 0.5, height + 1), flags, text)
                y += height
    painter.setFont(detail_font)
    for rect, kind, text in layout.legend:
        if kind == "pinned":
            fill, line = "#ffffff", "#37474f"
        else:
            fill, line = KIND_COLOURS[kind]
        painter.setPen(QPen(QColor(line), 2 if kind == "pinned" else 1))
        painter.setBrush(QColor(fill))
        painter.drawRect(rect)
        if kind == "pinned":
            corner = rect.topLeft()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(line))
            painter.drawPolygon([corner, corner + QPointF(7, 0), corner + QPointF(0, 7)])
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(rect.right() + PAD, rect.top() - 2, layout.width, rect.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


_state: dict = {}


def timeline_png(spec: TimelineSpec, width: int = PICTURE_WIDTH, scale: int = PICTURE_SCALE) -> bytes:
    """The timeline as PNG bytes, ``width`` logical pixels across drawn ``scale`` times over."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from .charts import ensure_gui

    ensure_gui()
    layout = layout_timeline(spec, width)
    image = QImage(round(width * scale), round(layout.height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dots = round(scale * 96 / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_timeline(painter, layout)
    painter.end()
    from ..images import PNG_SPEED, encode

    return encode(image, "PNG", PNG_SPEED)


# -- the documents --------------------------------------------------------------------------------------------------

def _when(s: RouteSnapshot) -> str:
    """2026年12月20日（星期日）上午9:00至11:40."""
    text = day_text(s.date)
    start, end = to_time(s.day_start), to_time(s.day_end)
    if start is not None:
        text += f"{half_day(start)}{clock(s.day_start)}"
        if end is not None:
            text += f"至{'' if half_day(end) == half_day(start) else half_day(end)}{clock(s.day_end)}"
    return text


def programme_table(rows: Sequence[ProgrammeRow], *, with_content: bool = True) -> Table:
    """时间 / 项目 / 地点 / 讲解（负责）人 / 内容: one row per item, in programme order."""
    if with_content:
        cells = tuple((span(r.start, r.end), r.title, r.place, r.guide, r.content) for r in rows)
        return Table(("时间", "项目", "地点", "讲解（负责）人", "内容"), cells, (29, 35, 24, 30, 38),
                     font_size_pt=12)
    cells = tuple((span(r.start, r.end), r.title, r.place, r.guide) for r in rows)
    return Table(("时间", "项目", "地点", "讲解（负责）人"), cells, (29, 53, 36, 38), font_size_pt=12)


def build_route(s: RouteSnapshot, picture: bytes | None) -> Document:
    """The 活动流程: time and place, the programme table, each group's timetable, the timeline picture."""
    blocks: list[Block] = [Title(balanced_title("", s.unit, f"{EVENT_NAME}活动流程"))]
    blocks.append(Paragraph(_when(s) + "。", bold_lead="活动时间："))
    blocks.append(Paragraph((s.venue.strip() or TBD) + "。", bold_lead="活动地点："))
    if not s.rows:
        blocks.append(Paragraph(NO_ITEMS))
    else:
        if s.group_count > 1:
            blocks.append(Paragraph(f"参加人员分为{s.group_count}组，分组轮换参观各点位，下表为第1组时间，"
                                    "各组时间见分组时间表。", bold_lead="分组安排："))
        blocks.append(Heading(1, "活动流程"))
        blocks.append(programme_table(s.rows))
        if s.group_count > 1 and s.group_rows:
            blocks.append(Heading(1, "分组时间表"))
            for n, rows in enumerate(s.group_rows, start=1):
                blocks.append(Paragraph("", bold_lead=f"第{n}组"))
                blocks.append(programme_table(rows, with_content=False))
        if picture:
            blocks.append(Heading(1, "流程时间轴"))
            blocks.append(Picture(picture, PICTURE_WIDTH_MM, "活动流程时间轴（按颜色区分集合、参观、转场、座谈等环节）"))
    return Document(title=f"{s.unit}{EVENT_NAME}活动流程", blocks=number_headings(blocks),
                    meta={"kind": "route", "author": s.unit, "event": s.event_uuid})


def _times(duty, groups: int) -> str:
    """9:10—9:20, or one line per group (第1组 9:10—9:20) when the groups come at different times."""
    distinct = {(start, end) for _g, start, end in duty.times}
    if groups <= 1 or len(distinct) <= 1:
        start, end = duty.times[0][1:] if duty.times else (None, None)
        return span(start, end)
    return "\n".join(f"第{g}组 {span(start, end)}" for g, start, end in duty.times)


CUT_LINE = "✂ " + "-" * 30 + " 沿此线剪开 " + "-" * 30


def arrival(s: RouteSnapshot, card: GuideCard) -> int | None:
    """When a guide is asked to be in place: before their first item, and before the visitors gather."""
    first = card.first_start
    if first is None:
        return None
    times = [first - ARRIVE_EARLY] + ([s.gathering - ARRIVE_EARLY] if s.gathering is not None else [])
    return max(min(times), 0)


def _card(s: RouteSnapshot, card: GuideCard) -> list[Block]:
    """One card, kept whole on its page."""
    name = f"{card.name}（{card.title}）" if card.title else card.name
    rows = tuple((_times(d, s.group_count), d.title, d.place, d.content) for d in card.duties)
    blocks: list[Block] = [
        Title("讲解人工作卡"),
        Paragraph(name, bold_lead="讲解人：", keep_with_next=True),
        Paragraph(f"{s.title or s.unit + EVENT_NAME + '活动'}，{_when(s)}，{s.venue.strip() or TBD}。",
                  bold_lead="活动：", keep_with_next=True),
        Table(("时间", "项目", "地点", "讲解内容"), rows, (38, 40, 30, 48), font_size_pt=12, keep_together=True),
    ]
    arrive = arrival(s, card)
    if arrive is not None:
        duty = card.duties[0]
        where = duty.place or duty.title
        blocks.append(Paragraph(f"请于{clock(arrive)}前到达{where}做好准备。", role="note"))
    return blocks


def build_guide_cards(s: RouteSnapshot) -> Document:
    """One card per guide — their items, places, times (per group) and what they explain — several to a page,
    each kept whole, with a cut line between them."""
    blocks: list[Block] = []
    for n, card in enumerate(s.guides):
        if n:
            blocks.append(Paragraph(CUT_LINE, role="note", align="center"))
        blocks += _card(s, card)
    if not blocks:
        blocks = [Title("讲解人工作卡"), Paragraph(NO_GUIDES)]
    return Document(title=f"{s.unit}{EVENT_NAME}{CARDS_WHAT}", blocks=tuple(blocks), page_numbers=False,
                    meta={"kind": "guide-cards", "author": s.unit, "event": s.event_uuid})
