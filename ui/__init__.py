"""Qt presentation: the main window, one sub-package per tab, dialogs; calls desktop_app services only.

Importing it loads Qt and spares PySide6's source scan of each module imported after it (``ui.feature_scan``)."""

from . import feature_scan

feature_scan.install()
