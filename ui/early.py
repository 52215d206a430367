"""One question before a document that reports on the day (座谈会记录, 意见反馈情况, 实施情况, 总结, the filing
package): before the event day it can only be written as a draft (marked 草稿); a package with open rule errors
is written only when the coordinator says so, once. Tests answer through ``EarlyQuestion.ask``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.i18n import QT_TRANSLATE_NOOP

FINAL, DRAFT = "final", "draft"


STILL_ERRORS = QT_TRANSLATE_NOOP("EarlyQuestion", "The rule check still finds {n} error(s); a filed package should "
                                                  "have none:")
TITLE = QT_TRANSLATE_NOOP("EarlyQuestion", "Before writing")
AS_DRAFT = QT_TRANSLATE_NOOP("EarlyQuestion", "Write as a &draft (草稿)")
ANYWAY = QT_TRANSLATE_NOOP("EarlyQuestion", "&Write anyway")
# What the refusal calls each document, in the interface's language (the documents' own names are Chinese).
KIND_NAMES = {"attendance": QT_TRANSLATE_NOOP("EarlyQuestion", "attendance record"),
              "notes": QT_TRANSLATE_NOOP("EarlyQuestion", "meeting notes"),
              "feedback-report": QT_TRANSLATE_NOOP("EarlyQuestion", "report on the suggestions"),
              "implementation": QT_TRANSLATE_NOOP("EarlyQuestion", "implementation report"),
              "summary": QT_TRANSLATE_NOOP("EarlyQuestion", "summary and evaluation"),
              "package": QT_TRANSLATE_NOOP("EarlyQuestion", "filing package")}


def tr(text: str) -> str:
    return QCoreApplication.translate("EarlyQuestion", text)


def situation(event_id: int, kind: str, today: dt.date) -> tuple[str | None, list[str]]:
    """What the question is about, read on the worker: why ``kind`` can only be written as a draft (before the
    day for a document of the day; facts missing from a published one), or None; and the open rule errors (for
    the package only)."""
    # Here, on the worker: the documents' libraries load when one is written.
    from desktop_app.services import checks, events, exports

    date = events.get_summary(event_id).date
    refusal = exports.refusal(kind, event_id, today)
    errors = ([f.text() for f in checks.run_checks(event_id, today=today) if f.severity == "error"]
              if kind == "package" else [])
    return (refusal_text(refusal, kind, date) if refusal is not None else None), errors


def refusal_text(refusal, kind: str, date: dt.date | None) -> str:
    """The refusal in the interface's language: the document named as the interface names it and the date as
    the interface writes dates (the core's text names the document by its Chinese title)."""
    from desktop_app import i18n
    from ui.widgets.fields import shown_date

    params = dict(refusal.params)
    if kind in KIND_NAMES:
        params["what"] = tr(KIND_NAMES[kind])
    if date is not None and "date" in params:
        params["date"] = shown_date(date)
    return i18n.text(refusal.message, **params)


def then_write(window, kind: str, event_id: int, today: dt.date, start, on_error) -> None:
    """The one way a document or the package is begun: the event's state read on ``window``'s worker (where
    the documents' libraries load: on the GUI thread that took a third of a second), the question asked once
    when there is one, then ``start(draft)`` — unless the user cancels or another event was chosen meanwhile."""

    def answered(state: tuple[str | None, list[str]]) -> None:
        answer = EarlyQuestion.ask(window, refusal=state[0], errors=state[1])
        if answer is not None and event_id == window.current_event_id:
            start(answer == DRAFT)

    window.worker.run(lambda: situation(event_id, kind, today), answered, on_error)


class EarlyQuestion:
    @staticmethod
    def ask(parent: QWidget | None, *, refusal: str | None, errors: list[str]) -> str | None:
        """``FINAL`` to write as usual, ``DRAFT`` to write marked 草稿, None to write nothing."""
        if refusal is None and not errors:
            return FINAL
        parts = []
        if refusal is not None:
            parts.append(refusal)
        if errors:
            parts.append(tr(STILL_ERRORS).format(n=len(errors)))
        box = QMessageBox(QMessageBox.Icon.Warning, tr(TITLE), "\n\n".join(parts),
                          QMessageBox.StandardButton.Cancel, parent)
        if errors:
            box.setInformativeText("\n".join(f"• {e}" for e in errors[:8])
                                   + (f"\n… (+{len(errors) - 8})" if len(errors) > 8 else ""))
        if refusal is not None:
            go = box.addButton(tr(AS_DRAFT), QMessageBox.ButtonRole.AcceptRole)
        else:
            go = box.addButton(tr(ANYWAY), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not go:
            return None
        return DRAFT if refusal is not None else FINAL
