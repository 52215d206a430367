"""The block model as simple HTML for the on-screen preview (a QTextBrowser): the same blocks and the same text
as the Word file, laid out on a white A4-wide sheet."""

from __future__ import annotations

import base64
import html

from ..domain.plan import DocFonts
from . import layout
from .model import Document, Heading, PageBreak, Paragraph, Picture, Table, Title

PAGE_PX = 794  # A4 width at 96 dpi
MARGIN_PX = 102  # 28 mm on the left; the preview keeps the sheet symmetric
PX_PER_MM = PAGE_PX / 210
# Qt's rich text takes indents and margins in pixels only: one 3号 character is about 21 px at 96 dpi.


def _esc(text: str) -> str:
    return html.escape(str(text)).replace("\n", "<br/>")


def _font(name: str, size_pt: float, scale: float) -> str:
    return f"font-family:'{html.escape(name)}'; font-size:{size_pt * scale:.1f}pt;"


def _px(value: float, scale: float) -> int:
    return max(round(value * scale), 0)


def _paragraph(block: Paragraph, fonts: DocFonts, k: float) -> str:
    body = _font(fonts.body, layout.BODY_PT, k)
    align = block.align or {"signature": "right", "date": "right", "recipients": "left",
                            "attachment_label": "left", "attachment_note": "left", "note": "left"}.get(block.role,
                                                                                                   "justify")
    style = body + f" text-align:{'justify' if align == 'justify' else align}; margin-top:0; " \
                   f"margin-bottom:{_px(6, k)}px;"
    style += " white-space:pre-wrap;"  # keep the full-width spaces that line names up
    if block.role in ("body", "lead") and align not in ("center", "right"):
        style += f" text-indent:{_px(43, k)}px;"
    elif block.role in ("signature", "date"):
        style += f" margin-right:{_px(85, k)}px;"
    elif block.role == "attachment_note":
        style += f" margin-left:{_px(107, k)}px; text-indent:-{_px(64, k)}px;"
    elif block.role == "attachment_label":
        style = _font(fonts.heading1, layout.BODY_PT, k) + \
            f" text-align:left; margin-top:0; margin-bottom:{_px(21, k)}px;"
    elif block.role == "imprint":
        style = _font(fonts.body, layout.PAGE_NUMBER_PT, k) + \
            f" text-align:left; margin-top:{_px(43, k)}px; border-top:1px solid black; border-bottom:1px solid black;"
        return f'<p style="{style}">{_esc(block.text.replace(chr(9), "　　"))}</p>'
    elif block.role == "masthead":
        return (f'<p style="{_font(fonts.title, layout.TITLE_PT * 1.5, k)} color:#{layout.RED}; text-align:center;'
                f' margin-bottom:{_px(21, k)}px;">{_esc(block.text)}</p>')
    elif block.role == "doc_number":
        return (f'<p style="{body} text-align:center; padding-bottom:{_px(11, k)}px; border-bottom:2px solid '
                f'#{layout.RED}; margin-bottom:{_px(43, k)}px;">{_esc(block.text) or "&nbsp;"}</p>')
    elif block.role == "note":
        style = _font(fonts.body, layout.NOTE_PT, k) + \
            f" text-align:left; margin-top:{_px(6, k)}px; margin-bottom:0;"
    if block.role == "signature":
        style += f" margin-top:{_px(43, k)}px;"
    lead = f"<span style=\"font-family:'{html.escape(fonts.heading2)}';\">{_esc(block.bold_lead)}</span>" \
        if block.bold_lead else ""
    return f'<p style="{style}">{lead}{_esc(block.text) or ("" if lead else "&nbsp;")}</p>'


def _heading(block: Heading, fonts: DocFonts, k: float) -> str:
    font = {1: fonts.heading1, 2: fonts.heading2}.get(block.level, fonts.body)
    # <p>, not <h1>…: Qt's rich text gives heading tags their own sizes over the style's.
    tag = "p"
    style = _font(font, layout.BODY_PT, k) + f" font-weight:normal; text-indent:{_px(43, k)}px; " \
        f"margin-top:{_px(4, k)}px; margin-bottom:{_px(4, k)}px;"
    return f'<{tag} style="{style}">{_esc(block.full_text)}</{tag}>'


def _table(block: Table, fonts: DocFonts, k: float) -> str:
    ncols = len(block.columns) or max((len(r) for r in block.rows), default=1)
    widths = layout.fit_widths(tuple(block.widths_mm[:ncols]) + (20.0,) * (ncols - len(block.widths_mm)))
    total = sum(widths)
    cell_font = _font(fonts.body, block.font_size_pt, k)
    centred = layout.centred_columns(block.rows, ncols)
    out = [f'<table border="1" cellspacing="0" cellpadding="4" width="100%" '
           f'style="border-collapse:collapse; {cell_font}">']
    rows = ([(tuple(block.columns), True)] if block.header else []) + [(tuple(r), False) for r in block.rows]
    # Qt's rich text has no row height: padding above and below the line gives a tall row its height.
    line_mm = block.font_size_pt * 25.4 / 72 * 1.2  # one line of the table font
    pad = _px(max((block.row_height_mm or 0) - line_mm, 0) / 2 * PX_PER_MM, k)
    tall = f" padding-top:{pad}px; padding-bottom:{pad}px;" if pad else ""
    for values, header in rows:
        out.append("<tr>")
        c = 0
        while c < ncols:
            span = 1
            while c + span < ncols and c + span < len(values) and values[c + span] == layout.SPAN:
                span += 1
            text = values[c] if c < len(values) and values[c] != layout.SPAN else ""
            width = round(100 * sum(widths[c:c + span]) / total)
            tag = "th" if header else "td"
            align = "center" if header or (c in centred and span == 1) else "left"
            out.append(f'<{tag} colspan="{span}" width="{width}%" align="{align}" valign="middle" '
                       f'style="font-weight:normal;{"" if header else tall}">{_esc(text) or "&nbsp;"}</{tag}>')
            c += span
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _picture(block: Picture, k: float) -> str:
    mime = "image/png" if block.data[:4] == b"\x89PNG" else "image/jpeg"
    data = base64.b64encode(block.data).decode("ascii")
    width = round(min(block.width_mm, layout.TEXT_WIDTH_MM) * PX_PER_MM * k)
    caption = f'<p align="center">{_esc(block.caption)}</p>' if block.caption else ""
    return f'<p align="center"><img src="data:{mime};base64,{data}" width="{width}"/></p>{caption}'


def html_preview(document: Document, fonts: DocFonts, *, scale: float = 1.0) -> str:
    """An HTML page showing ``document`` as it will print (fonts by name; the viewer substitutes as Word does),
    at ``scale`` times A4's size on a 96 dpi screen (the preview fits the sheet to its panel)."""
    k = scale
    parts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Title):
            style = _font(fonts.title, layout.TITLE_PT, k) + \
                f" text-align:center; margin-top:0; margin-bottom:{_px(21, k)}px;"
            parts.append(f'<p style="{style}">{_esc(block.text)}</p>')
        elif isinstance(block, Heading):
            parts.append(_heading(block, fonts, k))
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block, fonts, k))
        elif isinstance(block, Table):
            parts.append(_table(block, fonts, k))
        elif isinstance(block, PageBreak):
            parts.append('<hr style="border-top:1px dashed #999999;"/>')
        elif isinstance(block, Picture):
            parts.append(_picture(block, k))
    body = "\n".join(parts)
    return (
        "<html><head><meta charset=\"utf-8\"/>"
        f"<title>{html.escape(document.title)}</title></head>"
        '<body style="background-color:#e6e6e6;">'
        f'<table align="center" width="{_px(PAGE_PX, k)}" cellpadding="{_px(MARGIN_PX, k)}" cellspacing="0" '
        'bgcolor="#ffffff" '
        f'style="background-color:#ffffff; color:#000000;"><tr><td>{body}</td></tr></table>'
        "</body></html>"
    )
