"""What an empty database shows: create a new event, or open the demo event."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    sig_new_event = Signal()
    """The user asked for a new event."""
    sig_demo_event = Signal()
    """The user asked for the demo event."""
    sig_held_demo_event = Signal()
    """The user asked for the demo of an event that took place."""
    sig_open_bundle = Signal()
    """The user asked to open an event brought on a USB stick (a bundle file)."""
    sig_open_database = Signal()
    """The user asked to open another database file."""
    sig_join_network = Signal()
    """The user asked to join the venue network of another computer (its hub)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Open Day Desk"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(self.tr("There is no event in this database yet. Start a new Open Day, or look around in "
                               "the demo event first."), self)
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.new_button = QPushButton(self.tr("&New event…"), self)
        self.demo_button = QPushButton(self.tr("Open the &demo event"), self)
        self.held_demo_button = QPushButton(self.tr("Demo of a held &event"), self)
        self.held_demo_button.setToolTip(self.tr("The demo event as it looks 10 days after the day: check-ins, "
                                                 "meeting notes, suggestions and survey forms"))
        self.open_button = QPushButton(self.tr("&Open another database…"), self)
        self.open_button.setFlat(True)
        self.bundle_button = QPushButton(self.tr("Open an event brought on a USB stick (&bundle file)…"), self)
        self.bundle_button.setFlat(True)
        self.bundle_button.clicked.connect(self.sig_open_bundle)
        self.join_button = QPushButton(self.tr("Join the venue network of another computer (&pairing code)…"), self)
        self.join_button.setFlat(True)
        self.join_button.clicked.connect(self.sig_join_network)
        for button in (self.new_button, self.demo_button, self.held_demo_button):
            button.setMinimumSize(220, 48)
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.sig_new_event)
        self.demo_button.clicked.connect(self.sig_demo_event)
        self.held_demo_button.clicked.connect(self.sig_held_demo_event)
        self.open_button.clicked.connect(self.sig_open_database)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.demo_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.held_demo_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(intro)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addWidget(self.bundle_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
