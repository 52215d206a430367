"""Shared fixtures: Qt offscreen, a private data folder per test, an open workspace on a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """The QApplication exists before any test draws text (charts for documents make a QGuiApplication when
    there is none, and Qt allows one application per process)."""
    return qapp


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Nothing a test does reaches the real data folder (logs, device id)."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(path))
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "openday.sqlite3"


@pytest.fixture
def workspace(db_path):
    from desktop_app.workspace import open_workspace

    ws = open_workspace(db_path)
    yield ws
    ws.close()


@pytest.fixture
def demo_db(tmp_path) -> Path:
    """A database holding the demo event on 2026-12-20, made by the CLI and closed again."""
    path = tmp_path / "demo.sqlite3"
    result = run_cli("demo", "--db", str(path), "--date", "2026-12-20")
    assert result.returncode == 0, result.stderr
    return path


def run_cli(*args: str, stdin: str | None = None, env: dict | None = None, timeout: float = 60):
    """``python -m desktop_app ARGS`` in a subprocess; returns the CompletedProcess (text)."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=full_env, cwd=ROOT, timeout=timeout)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> list[tuple[str, str, str]]:
    """No message box blocks a test: each is recorded as (kind, title, text) and answered Yes/OK. A test that
    needs another answer patches the widget's own ``ask_…`` entry point."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def box(kind, answer):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return staticmethod(show)

    for kind, answer in (("question", QMessageBox.StandardButton.Yes), ("warning", QMessageBox.StandardButton.Ok),
                         ("information", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok)):
        monkeypatch.setattr(QMessageBox, kind, box(kind, answer))
    return shown
