"""The official-document font names (GB/T 9704 roles). Names, not files: Word and WPS substitute a font that is
not installed, so the coordinator picks the names the office's machines have."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.domain.plan import DocFonts


class FontSettingsDialog(QDialog):
    def __init__(self, parent, current: DocFonts):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document fonts"))
        labels = {
            "title": self.tr("Title (2号):"),
            "body": self.tr("Body text (3号):"),
            "heading1": self.tr("Level-1 headings 一、:"),
            "heading2": self.tr("Level-2 headings （一）:"),
            "page_number": self.tr("Page numbers (4号):"),
        }
        installed = sorted(QFontDatabase.families())
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for name in DocFonts._fields:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(installed)
            combo.setCurrentText(getattr(current, name))
            combo.setMinimumContentsLength(18)
            self.combos[name] = combo
            form.addRow(labels[name], combo)
        hint = QLabel(self.tr("Word and WPS use another font where a name is not installed (Windows often lacks "
                              "仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体; 仿宋, 楷体 and 宋体 are there)."), self)
        hint.setWordWrap(True)
        defaults = QPushButton(self.tr("Defaults"), self)
        defaults.clicked.connect(self._defaults)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _defaults(self) -> None:
        for name, combo in self.combos.items():
            combo.setCurrentText(getattr(DocFonts(), name))

    def fonts(self) -> DocFonts:
        return DocFonts(**{name: combo.currentText().strip() or getattr(DocFonts(), name)
                           for name, combo in self.combos.items()})

    @classmethod
    def ask(cls, parent, current: DocFonts) -> DocFonts | None:
        dialog = cls(parent, current)
        return dialog.fonts() if dialog.exec() == QDialog.DialogCode.Accepted else None
