"""Masking on what a reader sees: ID and mobile numbers written in any width, grouping, separator or bracket are
found in free text, file names, captions and log lines (domain.masking), property-tested with hypothesis."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain import idcard

# Separators people and input methods put between digit groups; an invisible one is no separator to a reader.
SEPARATORS = ["", " ", "  ", "\u3000", "\u00a0", "\u202f", "-", " - ", "－", "—", "–", "‐", "‑", "−", "﹣", ".",
              "．", "·", "・", "。", "\u200b", "\u2060", "\ufeff", "\u3000\u3000", "\t"]
AROUND = list("请回电我的身份证号码是联系人单位现场座谈会，。：；！、abcdeABC ")
CHECK_FORMS = {"X": ("X", "x", "Ｘ", "ｘ")}


def _oracle(text: str) -> str:
    """The text as a reader reads the digits: NFKC, every space, dash, dot, bracket and invisible character
    dropped (independent of the code under test: by Unicode category)."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(ch)
        if category in ("Zs", "Cf", "Pd", "Ps", "Pe") or ch.isspace() or ch in ".·・。−":
            continue
        out.append(ch.upper())
    return "".join(out)


def _leaks(number: str, text: str) -> bool:
    return number in _oracle(text)


@st.composite
def ids(draw) -> str:
    area = draw(st.sampled_from(["110105", "640422", "130102", "320106", "810000", "830000", "654028"]))
    birth = draw(st.dates(dt.date(1930, 1, 1), dt.date(2008, 12, 31)))
    number = idcard.make(area, birth, draw(st.integers(0, 999)))
    assert isinstance(idcard.parse(number, today=dt.date(2026, 1, 1)), idcard.IdInfo)
    return number


@st.composite
def mobiles(draw) -> str:
    return "1" + draw(st.sampled_from("3456789")) + "".join(draw(st.lists(st.sampled_from("0123456789"),
                                                                               min_size=9, max_size=9)))


@st.composite
def rendering(draw, number: str) -> str:
    """``number`` as someone may type it: each digit ASCII or full-width, split into groups at up to four places,
    each gap a separator, the first group of a mobile perhaps in brackets, +86 in front."""
    wide = draw(st.lists(st.booleans(), min_size=len(number), max_size=len(number)))
    chars = []
    for ch, w in zip(number, wide, strict=True):
        if ch == "X":
            chars.append(draw(st.sampled_from(CHECK_FORMS["X"])))
        else:
            chars.append(chr(0xFF10 + int(ch)) if w else ch)
    cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=4)))
    groups = [chars[a:b] for a, b in zip([0, *cuts], [*cuts, len(number)], strict=True)]
    text = "".join(groups[0])
    if len(number) == 11 and cuts[:1] == [3] and draw(st.booleans()):
        opening, closing = draw(st.sampled_from([("(", ")"), ("（", "）"), ("【", "】"), ("[", "]")]))
        text = opening + text + closing
    for group in groups[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + "".join(group)
    if len(number) == 11 and draw(st.booleans()):
        text = draw(st.sampled_from(["+86", "+86 ", "0086-", "＋８６ "])) + text
    return text


@st.composite
def typed_texts(draw) -> tuple[str, str, str, str]:
    """(prefix, rendering, suffix, number): a number typed inside a sentence."""
    number = draw(st.one_of(ids(), mobiles()))
    prefix = draw(st.text(alphabet=st.sampled_from(AROUND), max_size=8))
    suffix = draw(st.text(alphabet=st.sampled_from(AROUND), max_size=8))
    return prefix, draw(rendering(number)), suffix, number


@settings(max_examples=600, deadline=None)
@given(typed_texts())
def test_no_rendering_of_an_id_or_mobile_survives_masking_file_names_or_the_log(typed):
    from desktop_app.documents.export import safe_name
    from desktop_app.documents.masking import mask_text
    from desktop_app.logs import redact

    prefix, shown, suffix, number = typed
    text = prefix + shown + suffix
    assert _leaks(number, text)  # the oracle sees the number in what was typed
    masked = mask_text(text)
    assert not _leaks(number, masked), masked
    assert masked.startswith(prefix) and masked.endswith(suffix), masked  # the rest as typed
    assert not _leaks(number, redact(text)), redact(text)
    name = safe_name(text)
    assert not _leaks(number, name) and "*" not in name, name


@pytest.mark.parametrize("typed", [
    "请回电１３８１２３４５６７８，我的身份证１１０１０５１９４９１２３１００２Ｘ", "138　1234　5678", "138－1234－5678",
    "(138)1234-5678", "110105 19491231 0029", "座谈会现场 联系13912345678", "139\u200b1234\u20605678"])
def test_the_attacks_typed_are_masked(typed):
    from desktop_app.documents.masking import mask_text

    masked = mask_text(typed)
    assert "****" in masked and not re.search(r"\d{7}", _oracle(masked)), masked


def test_masking_leaves_ordinary_numbers_and_text_as_typed():
    from desktop_app.documents.masking import mask_text

    for text in ("2024年10月12日9:00，会议室301，共25人", "联系电话：0954-3018118", "第１２３４５６条", "王\u3000五"):
        assert mask_text(text) == text


# -- every public document, file name and the manifest of a masked package ---------------------------------------

def _all_text(folder) -> list[tuple[str, str]]:
    """(where, text) of every document paragraph, table cell, header, sheet cell, file name and the manifest."""
    from docx import Document as Docx
    from openpyxl import load_workbook

    found = []
    for path in sorted(folder.rglob("*")):
        where = path.relative_to(folder).as_posix()
        found.append((where, where))
        if path.suffix == ".docx":
            doc = Docx(str(path))
            parts = [p.text for p in doc.paragraphs]
            parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
            parts += [p.text for s in doc.sections for p in s.header.paragraphs]
            found += [(where, text) for text in parts]
        elif path.suffix == ".xlsx":
            found += [(where, str(c.value)) for ws in load_workbook(path) for r in ws.iter_rows() for c in r
                      if c.value is not None]
        elif path.suffix == ".json":
            found.append((where, json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)))
    return found


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(typed_texts(), min_size=12, max_size=12))
def test_a_masked_package_shows_no_rendering_anywhere(workspace, tmp_path_factory, typed):
    """Numbers typed every way into a suggestion, its reply, a meeting note, a unit, a position, the 实施情况 and a
    photo caption: none in any document, file name or the manifest of the masked package."""
    from PySide6.QtGui import QColor, QImage

    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import feedback, photos, roster, summary

    held = create_demo_event(held=True)  # one event per example: the examples share the database
    texts = ["".join(t[:3]) for t in typed]
    numbers = [t[3] for t in typed]
    s = feedback.add_suggestion(held.id, content="建议：" + texts[0])
    feedback.update_suggestion(s.id, status="answered", department="综合办公室", reply="已答复，" + texts[1],
                               reply_channel="phone", adoption="explained")
    feedback.add_note(held.id, texts[2] + "，" + texts[3])
    person = roster.add_invitee(held.id, InviteeDraft(
        name="号码丁", organisation=texts[4][:60], position_title=texts[5][:60], category="企业及群众代表",
        phone="13700005555", id_number=idcard.make("640422", dt.date(1986, 3, 4), 377), notes=texts[6]))
    roster.set_status([person.id], "confirmed")
    summary.save_implementation(held.id, "活动情况。" + texts[7] + "。" + texts[8])
    summary.save_report_part(held.id, "存在问题", texts[9])
    folder = tmp_path_factory.mktemp("photo")
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(folder / "p.jpg"))
    photos.add_photo_file(held.id, folder / "p.jpg", caption="座谈会现场 联系" + texts[10])
    photos.add_photo_file(held.id, folder / "p.jpg", caption=texts[11])
    result = package.write_package(summary.package_snapshot(held.id), tmp_path_factory.mktemp("usb"))
    for where, text in _all_text(result.folder):
        for number in numbers:
            assert not _leaks(number, text), (where, text)


# -- names that fit ---------------------------------------------------------------------------------------------------

def test_an_80_character_unit_writes_its_documents_and_package_with_names_under_255_bytes(workspace, tmp_path):
    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.documents import export
    from desktop_app.services import events, plan, summary

    held = create_demo_event(held=True)
    unit = "宁夏回族自治区固原市西吉县人民政府办公室政务公开与政务服务管理局审批服务管理局综合办公室" * 2
    unit = unit[:80]
    events.update_event(held.id, unit=unit)
    written = export.export("plan", plan.snapshot(held.id), plan.doc_fonts(), tmp_path / "docs")
    assert written and all(len(p.name.encode()) <= 255 for p in written)
    assert written[0].name.endswith("_实施方案.docx") and written[0].name.startswith(str(held.date))
    result = package.write_package(summary.package_snapshot(held.id), tmp_path / "usb")
    assert result.folder.name.endswith("_政府开放日归档") and len(result.folder.name.encode()) <= 255 - 19
    assert all(len(part.encode()) <= 255 for p in result.folder.rglob("*") for part in p.relative_to(tmp_path).parts)
    assert package.verify_package(result.folder).ok
