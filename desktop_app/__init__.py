"""Open Day Desk application core: domain rules, services, documents and the ``openday`` command."""

from __future__ import annotations

APP_NAME = "openday-desk"
DISPLAY_NAME = "政府开放日工作台"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, KeyError, ValueError):
            return "0+unknown"


def __getattr__(name: str):
    # Computed on first use: importlib.metadata scans the whole path, which every command would pay at startup.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(name)
