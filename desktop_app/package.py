"""The filing package (归档包): one folder of numbered documents, the photos and ``manifest.json``, written into a
temporary folder beside the target, flushed, renamed into place when complete, then read back and verified.
A package of the same name is never overwritten; a failure leaves no folder that looks complete."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .documents import export
from .documents.export import safe_name
from .domain.plan import DocFonts, PlanSnapshot
from .domain.roster import RosterSnapshot
from .errors import UserError
from .files import fsync_dir, fsync_file
from .i18n import QT_TRANSLATE_NOOP

MANIFEST = "manifest.json"
PHOTOS_DIR = "照片"
FORMAT = 1

EXISTS = QT_TRANSLATE_NOOP("core", "{path} already exists: a package is never overwritten. Choose another "
                                   "folder, or move the old package away first.")
NO_FOLDER = QT_TRANSLATE_NOOP("core", "{path} is not a folder. Choose the folder that holds the package.")
NO_MANIFEST = QT_TRANSLATE_NOOP("core", "{path} holds no {manifest}: it is not a complete filing package.")
BAD_MANIFEST = QT_TRANSLATE_NOOP("core", "The {manifest} of {path} cannot be read: {error}.")
VERIFY_FAILED = QT_TRANSLATE_NOOP("core", "The package was written but does not read back the same ({count} "
                                          "file(s) differ): the stick may be failing. Write it again to another "
                                          "stick.")


@dataclass(frozen=True)
class PackageItem:
    """One numbered entry: the document kind and its name in the package."""

    number: int
    kind: str
    name: str


# The order of the archive (DOMAIN.md "Documents that get filed"); a kind the app cannot write yet is skipped.
ITEMS: tuple[PackageItem, ...] = (
    PackageItem(1, "plan", "实施方案"),
    PackageItem(2, "announcement", "活动公告"),
    PackageItem(3, "signup-form", "报名表"),
    PackageItem(4, "roster", "邀请名单"),
    PackageItem(5, "signin-sheet", "签到表"),
    PackageItem(6, "route", "活动流程"),
    PackageItem(7, "notes", "座谈会记录"),
    PackageItem(8, "feedback-ledger", "意见建议台账"),
    PackageItem(9, "feedback-report", "意见反馈情况"),
    PackageItem(10, "survey", "满意度测评统计"),
    PackageItem(11, "implementation", "活动实施情况"),
    PackageItem(12, "summary", "总结评估报告"),
)


@dataclass(frozen=True)
class PackageSnapshot:
    """Everything the package holds, read on the GUI thread or by the CLI; the writer runs without the database."""

    event_uuid: str
    unit: str
    date: dt.date | None
    fonts: DocFonts
    plan: PlanSnapshot
    roster: RosterSnapshot
    summary: object  # documents.summary_docs.SummarySnapshot
    photos: tuple = ()  # services.photos.PhotoData
    extra: dict = field(default_factory=dict)  # further snapshots by keyword for export.export (route, feedback …)


@dataclass(frozen=True)
class PackageResult:
    folder: Path
    files: int
    bytes: int

    def as_json(self) -> dict:
        return {"folder": str(self.folder), "files": self.files, "bytes": self.bytes}


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    files: int
    mismatched: list[str]
    missing: list[str]
    extra: list[str]

    def as_json(self) -> dict:
        return {"ok": self.ok, "files": self.files, "mismatched": self.mismatched, "missing": self.missing,
                "extra": self.extra}


def folder_name(unit: str, date: dt.date | None) -> str:
    return safe_name(f"{date.isoformat() if date else '未定日期'}_{unit}_政府开放日归档")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_package(s: PackageSnapshot, out_dir: Path | str, *, masked: bool = True, today: dt.date | None = None,
                  progress: Callable[[int, int, str], None] | None = None,
                  kinds: tuple[str, ...] | None = None) -> PackageResult:
    """Write the package into ``out_dir``; ``masked`` (the default) gives the 邀请名单 without ID numbers and full
    phones. ``progress(done, total, name)`` is called as files are written (from the calling thread)."""
    out = Path(out_dir)
    target = out / folder_name(s.unit, s.date)
    if target.exists():
        raise UserError(EXISTS, path=str(target))
    available = kinds if kinds is not None else export.KINDS
    items = [i for i in ITEMS if i.kind in available]
    total = len(items) + len(s.photos) + 2  # + manifest + verification
    temp = out / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
    temp.mkdir(parents=True)
    try:
        done = 0
        for item in items:
            name = item.name + ("_脱敏" if item.kind == "roster" and masked else "")
            if progress:
                progress(done, total, name)
            export.export(item.kind, s.plan, s.fonts, temp, today=today, roster=s.roster,
                          masked=masked and item.kind in ("roster", "feedback-ledger"), summary=s.summary,
                          naming=lambda _what, n=f"{item.number:02d}_{name}": n, **s.extra)
            done += 1
        if s.photos:
            photo_dir = temp / f"{len(ITEMS) + 1:02d}_{PHOTOS_DIR}"
            photo_dir.mkdir()
            for photo in s.photos:
                if progress:
                    progress(done, total, photo.name)
                (photo_dir / photo.name).write_bytes(photo.data)
                done += 1
        if progress:
            progress(done, total, MANIFEST)
        entries = []
        for rel in _files(temp):
            path = temp / rel
            fsync_file(path)
            entries.append({"path": rel, "size": path.stat().st_size, "sha256": _sha256(path)})
        manifest = {"format": FORMAT, "app": "Open Day Desk", "app_version": __version__,
                    "event_uuid": s.event_uuid, "created_at": dt.datetime.now().astimezone().isoformat(
                        timespec="seconds"), "masked": masked, "files": entries}
        (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        fsync_file(temp / MANIFEST)
        for folder in {temp, *(p for p in temp.rglob("*") if p.is_dir())}:
            fsync_dir(folder)
        if target.exists():  # made by someone else meanwhile
            raise UserError(EXISTS, path=str(target))
        os.rename(temp, target)
        fsync_dir(out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if progress:
        progress(total - 1, total, target.name)
    report = verify_package(target)
    if not report.ok:
        raise UserError(VERIFY_FAILED, count=len(report.mismatched) + len(report.missing) + len(report.extra))
    return PackageResult(target, len(entries), sum(e["size"] for e in entries))


def verify_package(folder: Path | str) -> VerifyReport:
    """Read every file of the package back and compare it with ``manifest.json``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(NO_FOLDER, path=str(folder))
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise UserError(NO_MANIFEST, path=str(folder), manifest=MANIFEST)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = {e["path"]: e for e in manifest["files"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(BAD_MANIFEST, path=str(folder), manifest=MANIFEST, error=str(exc)) from None
    present = set(_files(folder)) - {MANIFEST}
    missing = sorted(set(listed) - present)
    extra = sorted(present - set(listed))
    mismatched = sorted(rel for rel in set(listed) & present
                        if (folder / rel).stat().st_size != listed[rel].get("size")
                        or _sha256(folder / rel) != listed[rel].get("sha256"))
    return VerifyReport(not (missing or extra or mismatched), len(listed), mismatched, missing, extra)
