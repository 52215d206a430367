"""The result of verifying a filing package, in words: whether every file is as the manifest lists it, and who
signed it (this installation, a trusted key by its name, or an unknown key), with a way to trust a signer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserError

MAX_NAMES = 5  # files named per problem; the rest are counted


class VerifyDialog(QDialog):
    sig_trusted = Signal(str)
    """The user trusted the signer's key (its fingerprint)."""

    def __init__(self, parent: QWidget | None, folder: Path, report):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a filing package"))
        self.setObjectName("verify_dialog")
        self.report = report
        self.folder = folder
        self.headline = QLabel(self)
        self.headline.setObjectName("verify_headline")
        self.headline.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("verify_details")
        self.details.setWordWrap(True)
        self.details.setMinimumWidth(560)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.trust_button = QPushButton(self.tr("&Trust this key…"), self)
        self.trust_button.setObjectName("trust_button")
        self.trust_button.clicked.connect(self.trust_signer)
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.show_report(report)

    def show_report(self, report) -> None:
        self.report = report
        colour = "#2e7d32" if report.ok else "#c62828"
        headline = (self.tr("The package verifies: every file is as its signed list says.") if report.ok
                    else self.tr("The package does NOT verify."))
        self.headline.setText(f"<b style='color:{colour}'>{headline}</b>")
        self.details.setText("\n\n".join(self.words(report)))
        # a key is offered for trust only when nothing says it is not the unit's (its 目录 printing another)
        self.trust_button.setVisible(report.signer == "unknown" and report.signature == "unknown-key")

    def text(self) -> str:
        return self.headline.text() + "\n" + self.details.text()

    def words(self, report) -> list[str]:
        lines = [self.tr("Folder: {folder}\nFiles listed: {files}").format(folder=self.folder, files=report.files)]
        for names, what in (
                (report.mismatched, self.tr("Changed since it was signed")),
                (report.missing, self.tr("Listed but missing")),
                (report.extra, self.tr("Not in the signed list")),
                (report.wrong_kind, self.tr("Does not open as the document it should be")),
                (report.kinds_missing, self.tr("Documents a complete package holds that are missing"))):
            if names:
                shown = "、".join(names[:MAX_NAMES])
                more = self.tr(" and {n} more").format(n=len(names) - MAX_NAMES) if len(names) > MAX_NAMES else ""
                lines.append(f"{what}：{shown}{more}")
        lines.append(self.signer_words(report))
        if report.draft:
            lines.append(self.tr("It is a draft: its documents are marked 草稿, not for filing."))
        return lines

    def signer_words(self, report) -> str:
        fingerprint = report.fingerprint
        if report.signature == "missing":
            return self.tr("The list of files carries no signature: nobody vouches for it.")
        if report.signature == "invalid":
            return self.tr("The signature does not match the list of files: something was changed after it was "
                           "signed.")
        if report.signature == "cover-differs":
            return self.tr("Signed by the key {fingerprint}, but the package's 归档目录 prints {printed}: the "
                           "package was signed again by someone else after it was written. Do not file it; ask "
                           "the unit for its package again.").format(fingerprint=fingerprint,
                                                                     printed=report.cover_fingerprint)
        if report.signer == "this-installation":
            return self.tr("Signed by this installation's key ({fingerprint}).").format(fingerprint=fingerprint)
        if report.signer == "trusted":
            return self.tr("Signed by the trusted key “{name}” ({fingerprint}).").format(
                name=report.signer_name, fingerprint=fingerprint)
        return self.tr("Signed by an unknown key ({fingerprint}): neither this installation's nor one it trusts. "
                       "Compare the fingerprint with the one the unit registered; if it is theirs, trust the key "
                       "under the unit's name and verify again.").format(fingerprint=fingerprint)

    def ask_name(self, fingerprint: str) -> str | None:
        name, ok = QInputDialog.getText(self, self.tr("Trust this key"), self.tr(
            "Whose key is {fingerprint}? (the unit or installation, as it will be named when its packages are "
            "verified)").format(fingerprint=fingerprint))
        return name if ok and name.strip() else None

    def trust_signer(self) -> None:
        from desktop_app.services import keys

        name = self.ask_name(self.report.fingerprint)
        if name is None:
            return
        try:
            keys.trust(self.report.fingerprint, name)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.sig_trusted.emit(self.report.fingerprint)
        self.show_report(keys.judged(self.report))
