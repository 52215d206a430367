"""Refresh resources/i18n/*.ts from the sources (pyside6-lupdate) and compile them to .qm (pyside6-lrelease).

Run after changing user-visible strings, then translate the entries marked unfinished (Qt Linguist:
``pyside6-linguist resources/i18n/zh_CN.ts``) and run it again to compile.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
SOURCE_DIRS = ("desktop_app", "ui")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def main() -> int:
    for language in LANGUAGES:
        ts = I18N / f"{language}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(ts.relative_to(ROOT), "and", ts.with_suffix(".qm").name, "updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
