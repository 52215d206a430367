"""The 方案 (plan) tab: the event's basic information."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from desktop_app.services.events import EventInfo

from .basic_info import BasicInfoForm


class PlanTab(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.basic_info = BasicInfoForm(self)
        self.setWidget(self.basic_info)

    def set_event(self, info: EventInfo | None) -> None:
        self.basic_info.set_event(info)

    def flush(self) -> None:
        self.basic_info.flush()
