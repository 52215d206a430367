"""Errors a user can act on: the message names what was wrong and what to do."""

from __future__ import annotations

from . import i18n


class UserError(Exception):
    """Refused input. ``message`` is a core source string (translated when shown), ``params`` fill it in."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return i18n.text(self.message, **self.params)


class EventNotFound(UserError):
    def __init__(self, event_id):
        super().__init__(
            i18n.QT_TRANSLATE_NOOP("core", "There is no event with id {event_id} in this database. "
                                   "Run 'openday events --json' to list the events."),
            event_id=event_id,
        )
