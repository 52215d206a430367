"""Help ▸ User guide: the guide of docs/ (Markdown with its screenshots) in a window of its own, offline, in the
interface's language; from the frozen build too (build.spec bundles docs/)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app import i18n, paths


class GuideWindow(QDialog):
    """The guide, scrolled with the keyboard (Page Up/Down, Home/End, Ctrl+F is not needed: it is short)."""

    def __init__(self, parent: QWidget | None, path):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self.path = path
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.resize(1000, 700)
        self.browser.setFocus()

    @classmethod
    def show_for(cls, parent: QWidget) -> GuideWindow | None:
        path = paths.guide_file(i18n.language())
        if not path.is_file():
            QMessageBox.warning(parent, cls.tr("User guide"), cls.tr(
                "The user guide is not on this computer ({path}). It is in the docs folder of the program's "
                "source and of the installed build.").format(path=path))
            return None
        window = getattr(parent, "_guide_window", None)
        if window is None:
            window = parent._guide_window = cls(parent, path)
        window.show()
        window.raise_()
        window.activateWindow()
        return window
