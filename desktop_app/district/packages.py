"""Adding units' filing packages to the district database: each verified like ``verify-package`` (checksums,
kinds, signature), its record.json read and checked against the manifest, its signer checked against the key
trusted for its unit. A refused package is named with its reason and changes nothing.

Trust: the first package of a unit is refused until its signer's fingerprint is trusted (``trust``: the CLI's
``--trust``, or the window asking once, the fingerprint compared with what the unit reported on paper); later
packages of that unit must be signed by that key. A newer package of an event replaces the older one (by the
manifest's time of writing); the older stays as history."""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db import models

from .. import i18n
from ..domain import record as record_rules
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..signing import formatted_fingerprint as _fp
from ..signing import normalise_fingerprint

MANIFEST, RECORD = "manifest.json", "record.json"
ZIP_LIMIT = 512 * 1024 * 1024  # what a package's zip may inflate to
SCAN_DEPTH = 3  # folders below a source searched for packages (a stick: 区县/单位/年份/包)

REASONS = {
    "not_a_package": QT_TRANSLATE_NOOP("core", "not a filing package (no manifest.json)"),
    "unreadable": QT_TRANSLATE_NOOP("core", "cannot be read: {detail}"),
    "tampered": QT_TRANSLATE_NOOP("core", "files differ from the manifest ({detail}): changed after it was signed"),
    "unsigned": QT_TRANSLATE_NOOP("core", "not signed"),
    "bad_signature": QT_TRANSLATE_NOOP("core", "the signature does not match the manifest"),
    "cover_differs": QT_TRANSLATE_NOOP("core", "signed by key {fingerprint}, but its own 归档目录 prints another "
                                               "fingerprint: re-signed after it was written"),
    "draft": QT_TRANSLATE_NOOP("core", "a draft (written before the event day), not the filed record"),
    "no_record": QT_TRANSLATE_NOOP("core", "holds no record.json (written by an older version): ask the unit for "
                                           "a package from the current version"),
    "bad_record": QT_TRANSLATE_NOOP("core", "its record.json is not well-formed ({detail})"),
    "record_mismatch": QT_TRANSLATE_NOOP("core", "its record.json names another event than its manifest"),
    "untrusted": QT_TRANSLATE_NOOP("core", "signed by key {fingerprint}, not yet trusted for {unit}: compare it "
                                           "with the fingerprint the unit reported on paper, then trust it"),
    "other_signer": QT_TRANSLATE_NOOP("core", "signed by key {fingerprint}, but {unit} signs with {trusted}: "
                                              "refused (ask the unit whether its key changed)"),
    "older": QT_TRANSLATE_NOOP("core", "older than the package of this event already received ({created})"),
}
NOTHING_FOUND = QT_TRANSLATE_NOOP("core", "No filing package was found in {path}.")


@dataclass(frozen=True)
class Added:
    unit: str
    event: str  # the event's title
    date: dt.date | None
    source: str

    def as_json(self) -> dict:
        return {"unit": self.unit, "event": self.event, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Refused:
    source: str
    code: str
    reason: str  # in the interface's language

    def as_json(self) -> dict:
        return {"source": self.source, "reason": self.reason, "code": self.code}


@dataclass
class AddReport:
    added: list[Added] = field(default_factory=list)
    replaced: list[Added] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"added": [a.as_json() for a in self.added], "replaced": [a.as_json() for a in self.replaced],
                "refused": [r.as_json() for r in self.refused]}


class _Refusal(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


# -- finding packages -----------------------------------------------------------------------------------------------


def find_packages(source: Path, depth: int = SCAN_DEPTH) -> list[Path]:
    """The package folders and zips in ``source``: itself when it is one, else those below it."""
    if source.is_file():
        return [source] if zipfile.is_zipfile(source) else []
    if (source / MANIFEST).is_file():
        return [source]
    found: list[Path] = []
    if depth <= 0:
        return found
    try:
        children = sorted(source.iterdir())
    except OSError:
        return found
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir() or child.suffix.lower() == ".zip":
            found += find_packages(child, depth - 1)
    return found


def _unzipped(path: Path, into: Path) -> Path:
    """The package folder inside the zip ``path``, extracted into ``into`` (names checked: nothing lands outside
    it; sizes bounded)."""
    with zipfile.ZipFile(path) as archive:
        total = 0
        for info in archive.infolist():
            target = (into / info.filename).resolve()
            if not str(target).startswith(str(into.resolve())):
                raise _Refusal("unreadable", detail=f"unsafe name {info.filename[:60]}")
            total += info.file_size
            if total > ZIP_LIMIT:
                raise _Refusal("unreadable", detail="too large")
        archive.extractall(into)
    manifests = sorted(into.rglob(MANIFEST), key=lambda p: len(p.parts))
    if not manifests:
        raise _Refusal("not_a_package")
    return manifests[0].parent


# -- checking one package -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    unit: str
    event_uuid: str
    title: str
    date: dt.date | None
    created_at: str
    signer: str
    record: dict


def _check(folder: Path) -> _Checked:
    """The package's verification, its manifest and its record.json; raises ``_Refusal``."""
    from ..package import verify_package

    try:
        report = verify_package(folder)
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except UserError as exc:
        raise _Refusal("unreadable", detail=str(exc)) from None
    except (OSError, ValueError) as exc:
        raise _Refusal("unreadable", detail=type(exc).__name__) from None
    if RECORD not in {e.get("path") for e in manifest.get("files", []) if isinstance(e, dict)}:
        raise _Refusal("no_record")
    changed = report.mismatched + report.missing + report.extra + report.wrong_kind + report.kinds_missing
    if changed:
        raise _Refusal("tampered", detail=", ".join(changed[:3]) + (" …" if len(changed) > 3 else ""))
    if report.signature == "missing":
        raise _Refusal("unsigned")
    if report.signature == "cover-differs":  # its own 归档目录 names another key: re-signed by someone else
        raise _Refusal("cover_differs", fingerprint=_fp(report.fingerprint))
    if report.signature not in ("ok", "unknown-key", "other-key"):  # a signature that holds, whoever made it
        raise _Refusal("bad_signature")
    printed = normalise_fingerprint(getattr(report, "cover_fingerprint", "") or "")
    if printed and printed != normalise_fingerprint(report.fingerprint):
        raise _Refusal("cover_differs", fingerprint=_fp(report.fingerprint))
    if manifest.get("draft"):
        raise _Refusal("draft")
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _Refusal("bad_record", detail=type(exc).__name__) from None
    problems = record_rules.problems(data)
    if problems:
        raise _Refusal("bad_record", detail="; ".join(problems[:2]))
    event = data["event"]
    if event["uuid"] != manifest.get("event_uuid") or (event.get("date") or None) != manifest.get("event_date"):
        raise _Refusal("record_mismatch")
    return _Checked(unit=" ".join(event["unit"].split()), event_uuid=event["uuid"], title=event["title"],
                    date=dt.date.fromisoformat(event["date"]) if event.get("date") else None,
                    created_at=str(manifest.get("created_at") or ""), signer=normalise_fingerprint(report.fingerprint),
                    record=data)


def _newer(a: str, b: str) -> bool:
    """Whether the manifest time ``a`` is later than ``b`` (ISO with offsets; text when unreadable)."""
    try:
        return dt.datetime.fromisoformat(a) > dt.datetime.fromisoformat(b)
    except ValueError:
        return a > b


def _store(checked: _Checked, source: str, trust: set[str], report: AddReport) -> None:
    U, P = models.DistrictUnit, models.UnitPackage
    with models.database.atomic():
        unit = U.get_or_none(U.name == checked.unit)
        trusted = unit.fingerprint if unit is not None else ""
        if trusted and trusted != checked.signer:
            raise _Refusal("other_signer", fingerprint=_fp(checked.signer), unit=checked.unit, trusted=_fp(trusted))
        if not trusted and checked.signer not in trust:
            raise _Refusal("untrusted", fingerprint=_fp(checked.signer), unit=checked.unit)
        current = (P.select().where((P.event_uuid == checked.event_uuid) & P.replaced_by.is_null()).first()
                   if unit is not None else None)
        if current is not None and not _newer(checked.created_at, current.created_at):
            raise _Refusal("older", created=current.created_at[:16].replace("T", " "))
        if unit is None:
            unit = U.create(name=checked.unit, expected=False, position=U.select().count(), fingerprint="")
        if not trusted:
            unit.fingerprint, unit.trusted_at = checked.signer, models.utcnow()
            unit.save()
        added = P.create(unit=unit, event_uuid=checked.event_uuid, event_title=checked.title,
                         event_date=checked.date, created_at=checked.created_at, signer=checked.signer,
                         record=json.dumps(checked.record, ensure_ascii=False), source=source)
        item = Added(checked.unit, checked.title, checked.date, source)
        if current is not None:
            current.replaced_by = added.id
            current.save()
            report.replaced.append(item)
        else:
            report.added.append(item)


def add_packages(sources: Iterable[Path | str], *, trust: Iterable[str] = (),
                 progress: Callable[[int, int, str], None] | None = None) -> AddReport:
    """Add every package found in ``sources``; ``trust``: fingerprints to trust for a unit's first package.
    Raises ``UserError`` only when a source holds no package at all."""
    trusted = {normalise_fingerprint(t) for t in trust}
    report = AddReport()
    found: list[Path] = []
    for source in sources:
        source = Path(source).expanduser()
        packages = find_packages(source)
        if not packages:
            raise UserError(NOTHING_FOUND, path=str(source))
        found += packages
    for done, path in enumerate(found):
        if progress is not None:
            progress(done, len(found), path.name)
        scratch = None
        try:
            folder = path
            if path.is_file():
                scratch = Path(tempfile.mkdtemp(prefix="openday-district-"))
                folder = _unzipped(path, scratch)
            _store(_check(folder), str(path), trusted, report)
        except _Refusal as refusal:
            report.refused.append(Refused(str(path), refusal.code, i18n.text(REASONS[refusal.code],
                                                                             **refusal.params)))
        except (OSError, zipfile.BadZipFile) as exc:
            report.refused.append(Refused(str(path), "unreadable", i18n.text(REASONS["unreadable"],
                                                                             detail=type(exc).__name__)))
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)  # an internal package holds full ID numbers
            # The documents opened to check their kind leave cycles (lxml's proxies); collected young, package by
            # package, they never pile up into one long full pass that would hold the window (the window's worker
            # pauses the automatic collector while a job runs).
            gc.collect(1)
    if progress is not None:
        progress(len(found), len(found), "")
    return report


# -- the units' list ------------------------------------------------------------------------------------------------


def set_expected_units(names: Iterable[str]) -> int:
    """The office's list of units expected to report, in this order; units known only from packages stay (not
    expected). Returns how many are expected."""
    U = models.DistrictUnit
    clean = []
    for name in names:
        name = " ".join(str(name).split())
        if name and name not in clean:
            clean.append(name)
    with models.database.atomic():
        U.update(expected=False).execute()
        for position, name in enumerate(clean):
            unit = U.get_or_none(U.name == name)
            if unit is None:
                U.create(name=name, expected=True, position=position, fingerprint="")
            else:
                unit.expected, unit.position = True, position
                unit.save()
    return len(clean)


def add_expected_unit(name: str) -> bool:
    """Put ``name`` on the office's list (at its end); False when it was on it already or is empty."""
    U = models.DistrictUnit
    name = " ".join(str(name).split())
    if not name:
        return False
    with models.database.atomic():
        unit = U.get_or_none(U.name == name)
        if unit is not None and unit.expected:
            return False
        position = (U.select(models.fn.MAX(U.position)).where(U.expected == True).scalar() or 0) + 1  # noqa: E712
        if unit is None:
            U.create(name=name, expected=True, position=position, fingerprint="")
        else:
            unit.expected, unit.position = True, position
            unit.save()
    return True


def remove_expected_unit(name: str) -> None:
    """Take ``name`` off the office's list; what it sent (and its trusted key) stays."""
    U = models.DistrictUnit
    U.update(expected=False).where(U.name == name).execute()


UNIT_HEADERS = ("单位", "单位名称", "部门", "部门名称", "名称", "unit")


def read_unit_names(path: Path) -> list[str]:
    """Unit names from a spreadsheet (the column headed 单位, 单位名称, 部门 …), as ``import-roster`` reads one."""
    from ..importers.spreadsheet import header_key, read_table

    table = read_table(Path(path), aliases={"unit": UNIT_HEADERS}, required="unit")
    keys = {header_key(name) for name in UNIT_HEADERS}
    column = next(i for i, header in enumerate(table.headers) if header_key(header) in keys)
    return [str(row.get(column)).strip() for row in table.rows if str(row.get(column) or "").strip()]
