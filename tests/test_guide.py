"""The user guide: Help ▸ User guide opens it in the interface's language with its pictures, every picture it
names exists (made by scripts/screenshot.py --guide at 1366×768), and the frozen build bundles it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from desktop_app import paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_picture_the_guide_names_is_there_at_1366_by_768(language):
    guide = paths.guide_file(language)
    text = guide.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 15
    for picture in pictures:
        path = guide.parent / picture
        assert path.is_file(), picture
        assert f"images/{language}/" in picture, picture
        image = QImage(str(path))
        assert not image.isNull(), picture
        if picture.rsplit("/", 1)[-1] not in ("new-event.png", "date-calendar.png", "shortcuts.png"):
            assert (image.width(), image.height()) == (1366, 768), picture
    for topic in ("问卷星", "verify-package", "backups/", "F11", "Ctrl+Enter", "Ctrl+B"):
        assert topic in text, topic


def test_help_opens_the_guide_with_its_pictures(workspace, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.guide_action.trigger()
    guide = window._guide_window
    assert guide.isVisible()
    document = guide.browser.document()
    assert "Open Day" in document.toPlainText() or "开放日" in document.toPlainText()
    first = re.search(r"!\[[^\]]*\]\(([^)]+)\)", guide.path.read_text(encoding="utf-8")).group(1)
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(first))
    assert image is not None and not image.isNull(), "the pictures load from docs/ beside the guide"


def test_the_frozen_build_bundles_the_guide():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"docs/guide.md", "docs/guide.en.md"' in spec and 'rglob("*")' in spec


def test_the_readme_links_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/guide.md" in readme and "docs/guide.en.md" in readme
