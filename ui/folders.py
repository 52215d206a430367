"""Choosing the folder a filing package goes to: it starts in the last one used, else on a USB stick, and a
folder typed that does not exist yet is made."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def removable_drives() -> list[Path]:
    """Mounted removable drives (USB sticks), best guess per platform; empty when none is found."""
    if sys.platform == "win32":
        import ctypes
        import string

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        mask = kernel.GetLogicalDrives()
        return [Path(f"{letter}:\\") for n, letter in enumerate(string.ascii_uppercase)
                if mask >> n & 1 and kernel.GetDriveTypeW(f"{letter}:\\") == 2]  # DRIVE_REMOVABLE
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    roots = [Path("/Volumes")] if sys.platform == "darwin" else [Path("/media") / user, Path("/run/media") / user,
                                                                  Path("/media")]
    found: list[Path] = []
    for root in roots:
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue
        for child in children:
            if child not in found and os.path.ismount(child):
                found.append(child)
    return found


def start_folder(*remembered: str | None) -> Path:
    """Where the picker opens: the first remembered folder that still exists, else a removable drive, else the
    home folder."""
    for value in remembered:
        if value and Path(value).is_dir():
            return Path(value)
    drives = removable_drives()
    return drives[0] if drives else Path.home()


class FolderDialog(QFileDialog):
    """A folder picker that takes a folder that does not exist yet (typed in the name field) and makes it."""

    def __init__(self, parent: QWidget | None, title: str, start: Path):
        super().__init__(parent, title, str(start))
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # the native one refuses a new name
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        drives = [QUrl.fromLocalFile(str(p)) for p in removable_drives()]
        if drives:
            self.setSidebarUrls(self.sidebarUrls() + drives)

    def accept(self) -> None:  # noqa: D401 - Qt's name
        chosen = self.selectedFiles()
        if chosen:
            path = Path(chosen[0])
            if not path.exists():
                try:
                    path.mkdir(parents=True)
                except OSError as exc:
                    QMessageBox.warning(self, self.windowTitle(), self.tr(
                        "The folder {path} cannot be made: {reason}").format(path=path, reason=exc.strerror or exc))
                    return
                self.setDirectory(str(path.parent))
                self.selectFile(path.name)
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, start: Path) -> Path | None:
        """The folder chosen (made if it was new), or None."""
        dialog = cls(parent, title, start)
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None
