"""Charts drawn with QPainter (QtGui only): the same painting serves the screen (a widget's paintEvent) and the
documents (a PNG), so what is filed is what was seen. ``ensure_gui`` gives the CLI and tests the
QGuiApplication that text drawing needs."""

from __future__ import annotations

import os
import sys

from ..domain.survey import SurveyStats, rate_text

# One colour per option of a 5-point scale, from 满意 (deep green) to 不满意 (red); longer scales reuse them.
SCALE_COLOURS = ("#2e7d32", "#81c784", "#bdbdbd", "#ffb74d", "#e53935", "#8d6e63", "#5c6bc0", "#26a69a", "#ab47bc")

_app = {"instance": None}


def ensure_gui():
    """A QGuiApplication for drawing text off screen (the CLI has none); the running one when there is one."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app["instance"] = QGuiApplication(["openday"])
    return app


LEGEND_ROW = 28


def _options(stats: SurveyStats) -> tuple[str, ...]:
    return max((q.options for q in stats.questions), key=len, default=())


def _legend_items(metrics, options, start: float, width: float) -> list[tuple[float, int, str]]:
    """(x, line, name) of each legend entry, wrapping onto further lines when ``width`` is too narrow."""
    out, x, line = [], start, 0
    for name in options:
        w = 18 + metrics.horizontalAdvance(name) + 18
        if x + w > width and x > start:
            x, line = start, line + 1
        out.append((x, line, name))
        x += w
    return out


def survey_chart_height(stats: SurveyStats | None, row: int = 46, *, headline: bool = True,
                        legend_lines: int = 1) -> int:
    rows = len(stats.questions) if stats else 1
    return (36 if headline else 4) + row * max(rows, 1) + LEGEND_ROW * legend_lines + 6


def legend_lines(metrics, stats: SurveyStats | None, width: float) -> int:
    """How many lines the legend needs at ``width`` (the widget sets its height from it)."""
    if not stats or not stats.questions:
        return 1
    start = _label_width(width) if width >= 560 else 0
    return 1 + max((line for _, line, _ in _legend_items(metrics, _options(stats), start, width)), default=0)


def _label_width(width: float) -> float:
    return min(max(width * 0.42, 160), 420)


def paint_survey_chart(painter, width: int, height: int, stats: SurveyStats | None, *, text_colour=None,
                       empty_text: str = "", row: int = 46, headline: bool = True) -> None:
    """Per rating question a bar split by option (share of its answers), the question at the left, its
    satisfaction rate ((满意 + 比较满意) / answers) at the right; the overall rate on top; a legend below."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    text_colour = text_colour or QColor("#212121")
    painter.setPen(text_colour)
    metrics = painter.fontMetrics()
    if not stats or not stats.questions or not stats.answers:
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, empty_text)
        return
    if headline:  # the screen shows the rate above the chart in the interface's language
        painter.drawText(QRectF(0, 0, width, 30), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"总体满意率 {rate_text(stats.satisfaction)}（{stats.responses} 份测评表）")
    label_w = _label_width(width)
    top = 36 if headline else 4
    number_w = metrics.horizontalAdvance("100.0%") + 16
    bar_w = max(width - label_w - number_w - 8, 60)
    for n, q in enumerate(stats.questions):
        y = top + n * row
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, y, label_w - 10, row - 6),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         f"{n + 1}. {q.text}")
        x = label_w
        painter.setPen(Qt.PenStyle.NoPen)
        for i, count in enumerate(q.counts):
            if not q.answers or not count:
                continue
            w = bar_w * count / q.answers
            painter.setBrush(QColor(SCALE_COLOURS[i % len(SCALE_COLOURS)]))
            painter.drawRect(QRectF(x, y + 8, w, row - 22))
            if w > metrics.horizontalAdvance("00") + 6:
                painter.setPen(QColor("white") if i in (0, 4) else QColor("#212121"))
                painter.drawText(QRectF(x, y + 8, w, row - 22), Qt.AlignmentFlag.AlignCenter, str(count))
                painter.setPen(Qt.PenStyle.NoPen)
            x += w
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.drawRect(QRectF(label_w, y + 8, bar_w, row - 22))
        painter.setPen(text_colour)
        share = rate_text(q.satisfaction)
        painter.drawText(QRectF(label_w + bar_w + 8, y, number_w, row - 6),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, share)
    legend_top = top + len(stats.questions) * row + 4
    start = label_w if width >= 560 else 0
    for i, (x, line, name) in enumerate(_legend_items(metrics, _options(stats), start, width)):
        y = legend_top + line * LEGEND_ROW
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SCALE_COLOURS[i % len(SCALE_COLOURS)]))
        painter.drawRect(QRectF(x, y + 6, 14, 14))
        painter.setPen(text_colour)
        painter.drawText(QRectF(x + 18, y, 200, 26), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name)


def survey_chart_png(stats: SurveyStats | None, width: int = 900, scale: float = 2.0) -> bytes:
    """The chart as a PNG (``width`` logical pixels, drawn at ``scale`` for print)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QImage, QPainter

    ensure_gui()
    height = survey_chart_height(stats)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    paint_survey_chart(painter, width, height, stats, empty_text="未收回满意度测评表")
    painter.end()
    from ..images import PNG_SPEED, encode

    return encode(image, "PNG", PNG_SPEED)
