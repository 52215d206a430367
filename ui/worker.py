"""One background worker for long work (documents, imports, packages): snapshots in, results out. Callbacks
run on the GUI thread; a progress dialog appears only when the work takes longer than ~600 ms.

Threading policy:
- Widgets are touched on the GUI thread only; a worker function never receives a widget and never calls Qt
  widget code. Its result comes back through ``on_done``/``on_error``, delivered on the GUI thread.
- There is one worker thread (``max_workers=1``): long work runs one piece at a time, in the order submitted,
  so two writes of the database from the worker never race each other. peewee keeps one connection per thread;
  SQLite's WAL mode lets the GUI thread read while the worker writes.
- Every change goes through ``ui.ops.run_op``: quick service calls run on the GUI thread, calls that can take
  longer than a frame run here with ``slow=True``; either way the change is announced once on ``ui.ops.bus()``.
- A long operation reports progress through the modal progress dialog shown after ``PROGRESS_DELAY_MS``; the
  window stays responsive meanwhile. Work that can be cancelled checks a flag it was given between steps.
- A thread shares the interpreter with the window: a long call into C that holds it (parsing a large JSON text,
  lxml serialising a large document, a key derivation) or the collector's passes over millions of objects
  freeze the window although the work is on the worker. Such work calls libraries that let go of the
  interpreter (``hashlib.scrypt``), or runs in a child process: the filing package is written by ``openday
  export package`` (``desktop_app.child``), which the worker starts and waits for. Large JSON is read and
  written a row at a time (``desktop_app.bundle.container._loads``/``_dumps``); many rows go into one statement, not
  one each (a thread that lets go of the interpreter thousands of times a second starves the other).
- While the worker runs Python, the GUI thread waits for the interpreter at each of its own Python calls: up to
  the interpreter's switch interval each time (5 ms by default; showing a dialog makes a dozen such calls).
  The worker sets it to ``SWITCH_INTERVAL_S``, so the window waits a millisecond at most. The garbage
  collector is paused while a job runs (``_collector_paused``): its full passes over a job's many objects
  hold the interpreter.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600
SWITCH_INTERVAL_S = 0.001


class _Bridge(QObject):
    sig_finished = Signal(object, object, object)
    """(future, on_done, on_error) — emitted from the worker thread, delivered on the GUI thread."""


def _collector_paused(func: Callable):
    """``func()`` with the cyclic garbage collector paused: a job holds many objects at once (a bundle's rows,
    a roster), and each of the collector's full passes over them held the interpreter 80 ms, several times in a
    merge. Refcounting frees the job's objects as usual; the collector resumes when it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return func()
    finally:
        if was_enabled:
            gc.enable()


class Worker(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)  # the window's turn comes sooner while the worker computes
        self._executor: ThreadPoolExecutor | None = None  # started with the first job, not with the window
        self._closed = False
        self._bridge = _Bridge()
        self._bridge.sig_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(self, func: Callable, on_done: Callable, on_error: Callable[[BaseException], None], *,
            parent: QWidget | None = None, label: str = "") -> Future:
        """Run ``func()`` on the worker thread; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        future = self._pool().submit(_collector_paused, func)  # refused once the window closed
        self._running += 1
        dialog = None
        state = {"done": False}
        if parent is not None:
            from PySide6.QtWidgets import QProgressDialog

            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))  # not the app's name
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            QTimer.singleShot(PROGRESS_DELAY_MS, lambda: None if state["done"] else dialog.show())

        def finished_on_gui(result=None, error=None):
            state["done"] = True
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if error is not None:
                on_error(error)
            else:
                on_done(result)

        future.add_done_callback(lambda f: self._bridge.sig_finished.emit(f, finished_on_gui, None))
        return future

    def _deliver(self, future: Future, finished_on_gui, _unused) -> None:
        self._running -= 1
        error = future.exception()
        if error is not None:
            if not isinstance(error, OSError | ValueError):
                log.error("background work failed", exc_info=(type(error), error, error.__traceback__))
            finished_on_gui(error=error)
        else:
            finished_on_gui(result=future.result())

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="openday-worker")
            if self._closed:
                self._executor.shutdown()  # a job after closing is refused, as before
        return self._executor

    def shutdown(self) -> None:
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)
