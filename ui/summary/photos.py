"""The photo strip of the 归档 tab: thumbnails with captions, added by the file dialog or by dropping JPEG/PNG
files; the tick chooses a photo for the 活动实施情况; Delete removes one (undo from the status bar's message)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import images, settings
from desktop_app.errors import UserError
from desktop_app.services import photos


class PhotoList(QListWidget):
    sig_files_dropped = Signal(list)
    """Local JPEG/PNG files dropped on the list."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(150, 110))
        self.setGridSize(QSize(176, 160))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setWordWrap(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)

    @staticmethod
    def _paths(event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in images.SUFFIXES]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.sig_files_dropped.emit(paths)


class PhotoPanel(QWidget):
    sig_changed = Signal()
    """Photos were added, removed, recaptioned or (un)chosen."""
    sig_message = Signal(str, object)
    """(text, undo callable or None) for the status bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._event_id: int | None = None
        self._filling = False
        self.list = PhotoList(self)
        self.list.setObjectName("photo_list")
        self.list.sig_files_dropped.connect(self.add_files)
        self.list.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(self.tr("&Add photos…"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.delete_button = QPushButton(self.tr("Remove"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_selected, whatsThis=self.tr("Remove the photo"))
        self.list.setToolTip(self.tr("Drop JPEG or PNG photos here. Double-click a caption to edit it; tick the "
                                     "photos the implementation report shows."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self._filling = True
        self.list.clear()
        for row in photos.list_photos(self._event_id) if self._event_id is not None else []:
            pixmap = QPixmap()
            pixmap.loadFromData(row.thumbnail)
            item = QListWidgetItem(QIcon(pixmap), row.caption)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.chosen else Qt.CheckState.Unchecked)
            item.setToolTip(f"{row.width}×{row.height}")
            self.list.addItem(item)
        self._filling = False

    def choose_files(self) -> None:
        start = settings.get("last_photo_dir") or str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), start,
                                                self.tr("Photos (*.jpg *.jpeg *.png)"))
        if names:
            settings.set("last_photo_dir", str(Path(names[0]).parent))
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Resize the photos on the worker (large photos take a moment each), then store them."""
        if self._event_id is None or not paths:
            return
        event_id = self._event_id
        worker = self.window().worker

        def prepare():
            prepared, refused = [], []
            for path in paths:
                try:
                    prepared.append((path, images.prepare(path)))
                except UserError as exc:
                    refused.append(str(exc))
            return prepared, refused

        def done(result) -> None:
            prepared, refused = result
            for path, image in prepared:
                photos.add_photo(event_id, image, caption=path.stem)
            self.refresh()
            self.sig_changed.emit()
            text = self.tr("{count} photo(s) added.").format(count=len(prepared))
            if refused:
                text += " " + " ".join(refused)
            self.sig_message.emit(text, None)

        worker.run(prepare, done, lambda error: self.sig_message.emit(str(error), None), parent=self,
                   label=self.tr("Preparing {count} photo(s)…").format(count=len(paths)))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            photos.set_caption(photo_id, item.text())
            photos.set_chosen(photo_id, item.checkState() == Qt.CheckState.Checked)
        except UserError as exc:
            self.sig_message.emit(str(exc), None)
            self.refresh()
            return
        self.sig_changed.emit()

    def delete_selected(self) -> None:
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        for photo_id in ids:
            photos.delete_photo(photo_id)
        if ids:
            self.refresh()
            self.sig_changed.emit()

            def undo() -> None:
                for photo_id in ids:
                    photos.restore_photo(photo_id)
                self.refresh()
                self.sig_changed.emit()

            self.sig_message.emit(self.tr("{count} photo(s) removed.").format(count=len(ids)), undo)
