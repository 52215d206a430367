"""Translations: zh_CN.ts covers every string of the code, each is finished, and the .qm is built from it."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from .conftest import ROOT

TS = ROOT / "resources" / "i18n" / "zh_CN.ts"
QM = TS.with_suffix(".qm")


def load_tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts_path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation")
            for c in root.iter("context") for m in c.iter("message")}


def test_every_entry_is_translated():
    found = messages(TS)
    assert len(found) > 50
    def texts(t):
        forms = t.findall("numerusform")
        return [f.text for f in forms] if forms else [t.text]

    unfinished = [key for key, t in found.items()
                  if t is None or t.get("type") or not all((text or "").strip() for text in texts(t))]
    assert unfinished == []


def test_placeholders_survive_translation():
    for (context, source), translation in messages(TS).items():
        fields = lambda text: sorted(re.findall(r"\{\w*\}", text))  # noqa: E731
        assert fields(source) == fields(translation.text), (context, source)


def test_ts_covers_every_string_in_the_code(tmp_path):
    tool = load_tool()
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    tool.lupdate(fresh)
    assert set(messages(fresh)) == set(messages(TS)), "run scripts/update_translations.py and translate"


def test_qm_is_built_from_the_current_ts(tmp_path):
    tool = load_tool()
    rebuilt = tmp_path / "zh_CN.qm"
    tool.lrelease(TS, rebuilt)
    assert rebuilt.read_bytes() == QM.read_bytes(), "the .qm is stale: run scripts/update_translations.py"


@pytest.mark.parametrize("language, expected", [("zh_CN", "政府开放日工作台"), ("en", "Open Day Desk")])
def test_gui_language_follows_the_setting(qapp, language, expected):
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import install_translators

    install_translators(qapp, language)
    try:
        assert QCoreApplication.translate("MainWindow", "Open Day Desk") == expected
    finally:
        install_translators(qapp, "zh_CN")


def test_core_messages_are_translated_without_qt():
    from desktop_app import i18n
    from desktop_app.errors import EventNotFound

    i18n.set_language("zh_CN")
    assert str(EventNotFound(7)).startswith("数据库中没有编号为 7 的活动")


def test_the_window_reads_core_messages_from_its_compiled_catalogue(qapp):
    """With the translators installed, core messages come from the loaded .qm (the .ts is not parsed again) and
    read exactly as the .ts says; English has none."""
    from desktop_app import i18n
    from ui.i18n import install_translators

    catalogue = dict(i18n._catalog("zh_CN"))
    assert catalogue
    install_translators(qapp, "zh_CN")
    try:
        assert i18n._translator["lookup"] is not None
        assert {source: i18n._translation(source) for source in catalogue} == catalogue
        assert i18n._translation("Not a message of the catalogue") is None
        install_translators(qapp, "en")
        assert i18n._translator["lookup"] is None
        assert i18n.text(next(iter(catalogue))) == next(iter(catalogue))
    finally:
        install_translators(qapp, "zh_CN")
