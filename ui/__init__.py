"""Qt presentation: the main window, one sub-package per tab, dialogs; calls desktop_app services only."""
