"""Operations: the one path every change of the GUI takes — run the service call (on the worker when it can be
slow), show a refusal as its own message, and announce what changed on one signal that the tabs subscribe to."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import UserError

AREAS = frozenset({"roster", "checkin", "route", "feedback", "plan", "photos", "settings", "events"})
"""What a change can touch. A tab lists the areas it shows and reloads when one of them changed."""


class ChangeBus(QObject):
    sig_changed = Signal(object, object, object)
    """Data changed: (event id or None, frozenset of areas, the widget that made the change or None)."""

    def announce(self, event_id: int | None, areas: Iterable[str], source: QObject | None = None) -> None:
        areas = frozenset(areas)
        unknown = areas - AREAS
        if unknown:
            raise ValueError(f"unknown change areas: {sorted(unknown)}")
        if areas:
            self.sig_changed.emit(event_id, areas, source)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The application's change bus (one per process)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def show_refusal(parent: QWidget | None, exc: UserError, title: str | None = None) -> None:
    """A refusal the user can act on: its own message, never the crash dialog."""
    QMessageBox.warning(parent, title or QCoreApplication.translate("Ops", "Not possible"), str(exc))


def run_op(parent: QWidget | None, op: Callable[[], object], on_done: Callable[[object], None] | None = None, *,
           event_id: int | None, areas: Iterable[str], title: str | None = None, slow: bool = False,
           label: str = "", on_refused: Callable[[UserError], None] | None = None) -> object:
    """Run the service call ``op()``. A ``UserError`` is shown to the user (or handed to ``on_refused``); on
    success ``on_done(result)`` runs and the change to ``areas`` of ``event_id`` is announced once.

    With ``slow`` the call runs on the window's worker thread (progress after ~600 ms) and this returns None at
    once; otherwise it runs here and returns the result (None when refused). Unexpected exceptions are not
    caught: they reach the log and the error dialog."""
    areas = frozenset(areas)

    def refused(exc: UserError) -> None:
        if on_refused is not None:
            on_refused(exc)
        else:
            show_refusal(parent, exc, title)

    def done(result: object) -> object:
        if on_done is not None:
            on_done(result)
        bus().announce(event_id, areas, parent)
        return result

    if not slow:
        try:
            result = op()
        except UserError as exc:
            refused(exc)
            return None
        return done(result)

    worker = getattr(parent.window(), "worker", None) if parent is not None else None
    if worker is None:  # a widget outside the main window (tests): run here, same contract
        return run_op(parent, op, on_done, event_id=event_id, areas=areas, title=title, on_refused=on_refused)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError):
            refused(exc)
        else:
            raise exc

    worker.run(op, done, failed, parent=parent, label=label)
    return None


LOAD_ON_WORKER = 3000
"""People from which a tab reads its event's roster on the worker (a tenth of a second and more on the GUI
thread); a smaller one is read at once."""


class Subscriber:
    """Mixin for a tab: reloads when a change touches one of ``WATCHES``; while hidden it only marks itself stale
    and reloads when shown. ``apply_change`` may update in place instead (the default reloads)."""

    WATCHES: frozenset[str] = frozenset()

    def subscribe(self) -> None:
        self._stale = False
        bus().sig_changed.connect(self._on_bus_changed)

    def current_event_id(self) -> int | None:
        return getattr(self, "_event_id", None)

    def _on_bus_changed(self, event_id, areas, source) -> None:
        if source is self or not (areas & self.WATCHES):
            return
        if event_id is not None and event_id != self.current_event_id():
            return
        if self.isVisible():
            self.apply_change(areas)
        else:
            self._stale = True

    def apply_change(self, areas: frozenset[str]) -> None:
        self.reload()

    def load(self, read: Callable[[], object], loaded: Callable[[object], None], *, large: bool,
             failed: Callable[[], None] | None = None) -> bool:
        """Read what the tab shows: ``read()`` then ``loaded(result)`` — at once, or with ``large`` on the
        window's worker (returns True then). A result that a newer load overtook is dropped. When the read on
        the worker fails, ``failed()`` puts the tab right, then a refusal is shown and a bug goes to the error
        hook."""
        self._load_generation = generation = getattr(self, "_load_generation", 0) + 1
        worker = getattr(self.window(), "worker", None)
        if worker is None or not large:
            loaded(read())
            return False

        def done(result: object) -> None:
            if generation == self._load_generation:
                loaded(result)

        def refused(exc: BaseException) -> None:
            if failed is not None:
                failed()
            if not isinstance(exc, UserError):
                raise exc
            show_refusal(self, exc)

        worker.run(read, done, refused)
        return True

    def defer_event(self, event_id: int | None) -> None:
        """Another event is now shown while this tab is hidden: load it when the tab is shown or asked for
        (``apply_deferred_event``), not now — switching events then reads only what is on screen."""
        if getattr(self, "_deferred", None) is None and event_id == self.current_event_id():
            return
        self._deferred = (event_id,)

    def apply_deferred_event(self) -> bool:
        deferred, self._deferred = getattr(self, "_deferred", None), None
        if deferred is None:
            return False
        self._stale = False
        self.set_event(deferred[0])
        return True

    def reload_if_stale(self) -> None:
        if self.apply_deferred_event():
            return
        if getattr(self, "_stale", False):
            self._stale = False
            self.reload()
