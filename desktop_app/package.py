"""The filing package (归档包): one folder of numbered documents, the photos and ``manifest.json``, written into a
temporary folder beside the target, flushed, renamed into place when complete, then read back and verified.
A package of the same name is never overwritten; a failure leaves no folder that looks complete."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__, signing
from .documents import export
from .documents import kinds as registry
from .documents.gongwen import write_docx
from .documents.model import KIND_PREFIX, Document
from .domain.plan import DocFonts, PlanSnapshot
from .domain.record import problems as problems_of_record
from .domain.roster import RosterSnapshot
from .errors import UserError
from .files import fsync_dir, fsync_file, in_progress, sweep_leftovers
from .i18n import QT_TRANSLATE_NOOP

MANIFEST = "manifest.json"
RECORD = "record.json"  # the record of the day's figures (domain.record), for a district office to read
RECORD_KIND = "record"
PHOTOS_DIR = "照片"
FORMAT = 3  # 2: each file's kind recorded; 3: record.json

NO_FOLDER = QT_TRANSLATE_NOOP("core", "{path} is not a folder. Choose the folder that holds the package.")
NO_MANIFEST = QT_TRANSLATE_NOOP("core", "{path} holds no {manifest}: it is not a complete filing package.")
BAD_MANIFEST = QT_TRANSLATE_NOOP("core", "The {manifest} of {path} cannot be read: {error}.")
VERIFY_FAILED = QT_TRANSLATE_NOOP("core", "The package was written but does not read back the same ({count} "
                                          "file(s) differ): the stick may be failing. Write it again to another "
                                          "stick.")


@dataclass(frozen=True)
class PackageItem:
    """One numbered entry: the document kind, its name in the package, and the kinds of the files it writes (a
    document kind can write several: the 活动流程 and the 讲解人工作卡, a 报名表 as .docx and .xlsx)."""

    number: int
    kind: str
    name: str
    files: tuple[str, ...] = ()

    @property
    def file_kinds(self) -> tuple[str, ...]:
        return self.files or (self.kind,)


# The order of the archive (DOMAIN.md "Documents that get filed"), as the document kinds declare it.
ITEMS: tuple[PackageItem, ...] = tuple(PackageItem(k.filed, k.key, k.package_name, k.files) for k in registry.FILED)
PHOTO_KIND = "photo"
MASKED_KINDS = tuple(k.key for k in registry.FILED if k.masked_name)  # their files say 脱敏 when masked
COVER = PackageItem(0, "cover", "归档目录")
# Every file kind a complete package holds (photos only when the event has some).
REQUIRED_KINDS: frozenset[str] = frozenset({COVER.kind, *(k for item in ITEMS for k in item.file_kinds)})
# Files that carry no identifier of their own: their kind is known by their item and their type.
PICTURE_KINDS = {"survey-chart": ".png", PHOTO_KIND: ""}


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
    record: object = None  # domain.record.DayRecord: written as record.json
    dates: dict = field(default_factory=dict)  # kind -> the 成文日期 chosen for it


@dataclass(frozen=True)
class PackageResult:
    folder: Path
    files: int
    bytes: int
    swept: tuple[str, ...] = ()  # leftovers of an interrupted export removed from the target folder

    def as_json(self) -> dict:
        return {"folder": str(self.folder), "files": self.files, "bytes": self.bytes, "swept": list(self.swept)}


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    files: int
    mismatched: list[str]  # size or checksum differ from the manifest
    missing: list[str]  # listed, not there
    extra: list[str]  # there, not listed
    wrong_kind: list[str] = field(default_factory=list)  # does not open as its type, or is another document
    kinds_missing: list[str] = field(default_factory=list)  # kinds a complete package holds that none is
    # ok | missing | invalid | other-key (not the fingerprint asked for) | unknown-key (neither this installation's
    # nor a trusted key, and not named by --key) | cover-differs (not the fingerprint the package's 目录 prints)
    signature: str = "missing"
    fingerprint: str = ""  # of the key that signed the manifest
    signer: str = ""  # this-installation | trusted | unknown ("" when the signature does not hold)
    signer_name: str = ""  # the trusted key's name
    cover_fingerprint: str = ""  # as the package's 归档目录 prints it
    draft: bool = False  # written before the day or with facts missing: its documents marked 草稿

    @property
    def problems(self) -> list[str]:
        return (self.mismatched + self.missing + self.extra + self.wrong_kind + self.kinds_missing
                + ([] if self.signature == "ok" else [f"signature {self.signature}"]))

    def as_json(self) -> dict:
        return {"ok": self.ok, "files": self.files, "mismatched": self.mismatched, "missing": self.missing,
                "extra": self.extra, "wrong_kind": self.wrong_kind, "kinds_missing": self.kinds_missing,
                "signature": self.signature, "fingerprint": self.fingerprint, "signer": self.signer,
                "signer_name": self.signer_name, "draft": self.draft}


def folder_name(unit: str, date: dt.date | None, *, draft: bool = False) -> str:
    what = "政府开放日归档" + (f"_{export.DRAFT_MARK}" if draft else "")
    return export.unit_stem(date.isoformat() if date else "未定日期", unit, what)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _stems(item: PackageItem, masked: bool) -> Callable[[str], str]:
    """File stems of one item: its first document takes the item's number and name (06_活动流程), each further
    one a letter and its own name (06b_讲解人工作卡), so no file of an item overwrites another."""
    name = item.name + ("_脱敏" if item.kind in MASKED_KINDS and masked else "")
    stems: dict[str, str] = {}

    def stem(what: str) -> str:
        if what not in stems:
            stems[what] = (f"{item.number:02d}_{name}" if not stems
                           else f"{item.number:02d}{chr(ord('a') + len(stems))}_{what}")
        return stems[what]

    return stem


def _file_kind(item: PackageItem, path: Path) -> str:
    kind = content_kind(path)
    if kind is None and path.suffix.lower() == ".png" and "survey-chart" in item.file_kinds:
        kind = "survey-chart"
    if kind not in item.file_kinds:
        raise RuntimeError(f"{path.name} of {item.kind} reads back as {kind!r}, not one of {item.file_kinds}")
    return kind


def write_package_in_child(db: Path, event_id: int, out_dir: Path | str, *, masked: bool = True,
                           draft: bool = False, overwrite: bool = False) -> PackageResult:
    """``write_package`` of the event in database ``db`` (on today's date), run as ``openday export package``
    in a child process (see ``desktop_app.child``): this process only waits for it. The child's refusals are
    raised here as they were raised there."""
    from . import child

    args = ["export", "package", "--db", str(db), "--event", str(event_id), "--out", str(out_dir), "--json"]
    try:
        outcome = child.run(*args, *(["--internal"] if not masked else []), *(["--draft"] if draft else []),
                            *(["--overwrite"] if overwrite else []))
    except child.ChildFailed:
        sweep_leftovers(Path(out_dir))  # a child that died mid-way left its hidden folder (full ID numbers)
        raise
    return PackageResult(folder=Path(outcome["folder"]), files=int(outcome["files"]), bytes=int(outcome["bytes"]),
                         swept=tuple(outcome.get("swept", ())))


def write_package(s: PackageSnapshot, out_dir: Path | str, *, masked: bool = True, today: dt.date | None = None,
                  progress: Callable[[int, int, str], None] | None = None, draft: bool = False,
                  pages: bool = False, overwrite: bool = False) -> PackageResult:
    """Write the package into ``out_dir``; ``masked`` (the default) gives the 邀请名单 without ID numbers and full
    phones; ``draft`` marks every document 草稿 (a package written before the event day), and the names of the
    folder and its files. A package of the same name is refused (``export.FilesExist``) unless ``overwrite``:
    then the old one is replaced only once the new one is complete.
    ``progress(done, total, name)`` is called as files are written (from the calling thread); ``pages``: the
    归档文件目录's 页数 counted by LibreOffice where it is installed (some seconds: ``openday export package`` and
    the window, which runs it, ask for it)."""
    today = today or dt.date.today()
    if not draft and (refusal := export.too_early("package", s.date, today)) is not None:
        raise refusal
    out = Path(out_dir)
    target = out / folder_name(s.unit, s.date, draft=draft)
    if target.exists() and not overwrite:
        raise export.FilesExist([target])
    total = len(ITEMS) + len(s.photos) + 3  # + the 目录, the manifest, the verification
    out.mkdir(parents=True, exist_ok=True)
    swept = sweep_leftovers(out)  # an interrupted earlier package: its hidden folder held full ID numbers
    temp = out / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
    temp.mkdir(parents=True)
    with in_progress(temp):  # never swept by another export of this process while it is written
        try:
            done = 0
            kinds: dict[str, str] = {}  # path in the package -> file kind
            for item in ITEMS:
                stem = _stems(item, masked)
                if progress:
                    progress(done, total, item.name)
                written = export.export(item.kind, s.plan, s.fonts, temp, today=today, roster=s.roster,
                                        masked=masked and not registry.get(item.kind).public, summary=s.summary,
                                        naming=stem, draft=draft, dated=s.dates.get(item.kind), **s.extra)
                for path in written:
                    kinds[path.name] = _file_kind(item, path)
                done += 1
            if s.photos:
                photo_dir = temp / f"{len(ITEMS) + 1:02d}_{PHOTOS_DIR}"
                photo_dir.mkdir()
                for photo in s.photos:
                    if progress:
                        progress(done, total, photo.name)
                    (photo_dir / photo.name).write_bytes(photo.data)
                    kinds[f"{photo_dir.name}/{photo.name}"] = PHOTO_KIND
                    done += 1
            if s.record is not None:
                (temp / RECORD).write_text(json.dumps(s.record.as_json(), ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
                kinds[RECORD] = RECORD_KIND
            if progress:
                progress(done, total, COVER.name)
            fingerprint = signing.installation_fingerprint()  # refused when the key made here is gone
            cover = _cover(s, kinds, fingerprint, draft, today, temp, pages, signing.unprinted_change())
            cover_name = f"{COVER.number:02d}_{COVER.name}" + (f"_{export.DRAFT_MARK}" if draft else "")
            cover_path = write_docx(cover, temp / f"{cover_name}.docx", s.fonts)
            kinds[cover_path.name] = COVER.kind
            if progress:
                progress(done, total, MANIFEST)
            entries = []
            for rel in _files(temp):
                path = temp / rel
                fsync_file(path)
                entries.append({"path": rel, "kind": kinds[rel], "size": path.stat().st_size,
                                "sha256": _sha256(path)})
            manifest = {"format": FORMAT, "app": "Open Day Desk", "app_version": __version__,
                        "event_uuid": s.event_uuid, "event_date": s.date.isoformat() if s.date else None,
                        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                        "masked": masked, "draft": draft, "files": entries}
            manifest = signing.sign(manifest)
            (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
            fsync_file(temp / MANIFEST)
            for folder in {temp, *(p for p in temp.rglob("*") if p.is_dir())}:
                fsync_dir(folder)
            old = None
            if target.exists():
                if not overwrite:  # made by someone else meanwhile
                    raise export.FilesExist([target])
                old = out / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"  # swept if we stop before it goes
                os.rename(target, old)
            try:
                os.rename(temp, target)
            except OSError:
                if old is not None:
                    os.rename(old, target)  # the old package back as it was
                raise
            fsync_dir(out)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    if progress:
        progress(total - 1, total, target.name)
    report = verify_package(target)
    if not report.ok:
        raise UserError(VERIFY_FAILED, count=len(report.problems))
    signing.mark_change_printed(fingerprint)
    return PackageResult(target, len(entries), sum(e["size"] for e in entries), tuple(p.name for p in swept))


def _cover(s: PackageSnapshot, kinds: dict[str, str], fingerprint: str, draft: bool, today: dt.date,
           folder: Path, pages: bool, key_change: dict | None = None) -> Document:
    """The 归档文件目录: one row per item (件) with its 成文日期 and its pages, and the fingerprint of the key that
    signed the package (and, on the first package after a lost key was replaced, the change)."""
    from .documents import catalogue
    from .domain import docdates

    known = export.known_dates(s.plan, s.date, today)
    entries = []
    for item in ITEMS:
        files = sorted((path for path, kind in kinds.items() if kind in item.file_kinds),
                       key=lambda path: (not path.endswith((".docx", ".xlsx")), path))  # the document first
        if not files:
            continue
        spec = registry.get(item.kind)
        day = (s.dates.get(item.kind) or docdates.default_date(item.kind, known)) if spec.dated else s.date
        notes = ["脱敏"] if spec.masked_name and "脱敏" in files[0] else []
        notes += [f"另附{_also(files[0], f)}" for f in files[1:]]
        entries.append(catalogue.Entry(item.number, s.unit, s.plan.notice.doc_number.strip() if spec.numbered
                                       else "", _core_title(folder / files[0]) or f"{s.unit}“政府开放日”活动{item.name}", day, tuple(files),
                                       "，".join(notes)))
    photos = sum(1 for kind in kinds.values() if kind == PHOTO_KIND)
    if photos:
        entries.append(catalogue.Entry(len(ITEMS) + 1, s.unit, "", f"{s.unit}“政府开放日”活动照片", s.date, (),
                                       f"{photos}张"))
    if RECORD in kinds:
        entries.append(catalogue.Entry(len(ITEMS) + 1 + bool(photos), s.unit, "", "活动数据（record.json）", s.date,
                                       (), ""))
    counted = catalogue.count_pages(folder, [f for e in entries for f in e.files[:1]]) if pages else {}
    return catalogue.build_catalogue(s.unit, s.date, entries, counted, fingerprint, MANIFEST, draft=draft,
                                     key_change=key_change)


def _also(first: str, other: str) -> str:
    """A further file of an item as the 备注 names it: the same document in another format (XLSX), or its own
    name (讲解人工作卡)."""
    if Path(other).stem == Path(first).stem:
        return Path(other).suffix.lstrip(".").upper()
    return Path(other).stem.split("_", 1)[-1].removesuffix(f"_{export.DRAFT_MARK}")


_TITLE = re.compile(rb"<dc:title(?:\s[^>]*)?>([^<]*)</dc:title>")


def _core_title(path: Path) -> str:
    """The title a .docx or .xlsx written by the app carries in its core properties ("" when none)."""
    if path.suffix.lower() not in _MAIN_PART:
        return ""
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml") if "docProps/core.xml" in z.namelist() else b""
    found = _TITLE.search(core)
    from html import unescape

    return unescape(found.group(1).decode("utf-8")) if found else ""


def record_problems(path: Path) -> list[str]:
    """What is wrong with a package's record.json (empty: present and well-formed)."""
    try:
        return problems_of_record(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        return [str(exc)]


_IDENTIFIER = re.compile(rb"<dc:identifier(?:\s[^>]*)?>([^<]*)</dc:identifier>")
_MAIN_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
_SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


def content_kind(path: Path) -> str | None:
    """The document kind a .docx or .xlsx written by the app carries in its core properties; None for another
    type of file. Raises ``ValueError`` when the file does not open as its type."""
    suffix = path.suffix.lower()
    if suffix in _SIGNATURES:
        with open(path, "rb") as fh:
            if fh.read(len(_SIGNATURES[suffix])) != _SIGNATURES[suffix]:
                raise ValueError(f"not a {suffix} picture")
        return None
    if suffix not in _MAIN_PART:
        return None
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if _MAIN_PART[suffix] not in names or "[Content_Types].xml" not in names:
                raise ValueError(f"not a {suffix} document")
            core = z.read("docProps/core.xml") if "docProps/core.xml" in names else b""
    except zipfile.BadZipFile as exc:
        raise ValueError(str(exc)) from None
    found = _IDENTIFIER.search(core)
    value = found.group(1).decode("utf-8") if found else ""
    return value[len(KIND_PREFIX):] if value.startswith(KIND_PREFIX) else ""


def verify_package(folder: Path | str, *, key: str | None = None) -> VerifyReport:
    """Read every file of the package back and compare it with ``manifest.json``: each file present with its
    size and checksum, opening as its type and holding the kind the manifest names, every kind a complete
    package holds present, and the manifest signed (by the key with fingerprint ``key``, when given)."""
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
    mismatched, wrong_kind = [], []
    for rel in sorted(set(listed) & present):
        entry, path = listed[rel], folder / rel
        if path.stat().st_size != entry.get("size") or _sha256(path) != entry.get("sha256"):
            mismatched.append(rel)
            continue
        expected = entry.get("kind")
        if expected == RECORD_KIND:
            if rel != RECORD or record_problems(path):
                wrong_kind.append(rel)
            continue
        try:
            kind = content_kind(path)
        except (ValueError, OSError):
            wrong_kind.append(rel)
            continue
        if kind is None:  # a picture: its kind is its type
            ok = expected in PICTURE_KINDS
        else:
            ok = kind == expected
        if not ok:
            wrong_kind.append(rel)
    kinds_found = Counter(e.get("kind") for rel, e in listed.items() if rel not in wrong_kind)
    required = REQUIRED_KINDS | ({RECORD_KIND} if manifest.get("format", 0) >= 3 else set())
    kinds_missing = sorted(required - set(kinds_found))
    signature, fingerprint = signing.check(manifest)
    cover = next((folder / rel for rel, e in listed.items() if e.get("kind") == COVER.kind
                  and rel in present and rel not in mismatched + wrong_kind), None)
    report = VerifyReport(False, len(listed), mismatched, missing, extra, wrong_kind, kinds_missing, signature,
                          fingerprint, cover_fingerprint=cover_fingerprint(cover) if cover is not None else "",
                          draft=manifest.get("draft") is True)
    return judged(report, key=key)


def judged(report: VerifyReport, *, key: str | None = None) -> VerifyReport:
    """``report`` with its signer and verdict as the keys known now say (again after a key was trusted): a
    good signature is not enough when the signer is unknown (unless ``key`` names it), is not the key ``key``
    names, or is not the key the package's own 目录 prints."""
    signature = "ok" if report.signature in ("ok", "other-key", "unknown-key", "cover-differs") else report.signature
    signer = signing.signer_of(report.fingerprint) if signature == "ok" else signing.Signer("")
    if signature == "ok":
        if key is not None:
            if signing.normalise_fingerprint(key) != signing.normalise_fingerprint(report.fingerprint):
                signature = "other-key"
        elif signer.kind == "unknown":
            signature = "unknown-key"
        printed = report.cover_fingerprint  # an unknown signer of a package whose 目录 prints another key: not
        # someone to trust, the package was signed again after it was written
        if signature in ("ok", "unknown-key") and printed and \
                signing.normalise_fingerprint(printed) != signing.normalise_fingerprint(report.fingerprint):
            signature = "cover-differs"
    files_ok = not (report.missing or report.extra or report.mismatched or report.wrong_kind
                    or report.kinds_missing)
    return replace(report, ok=files_ok and signature == "ok", signature=signature, signer=signer.kind,
                   signer_name=signer.name)


_PRINTED_FINGERPRINT = re.compile(r"密钥指纹：([0-9A-F]{4}(?: [0-9A-F]{4}){7})")


_PARAGRAPH = re.compile(rb"<w:p[ >].*?</w:p>", re.S)
_RUN_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def cover_fingerprint(path: Path) -> str:
    """The fingerprint the package's 归档目录 prints, or "" (none found, or the file does not open). Its
    paragraphs' text is read from the document part as it is stored, without building the document: a district
    office checks hundreds of packages on a worker, and building each 目录 held the window's thread for tens of
    milliseconds at a time."""
    from html import unescape

    try:
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""  # a damaged 目录 is already a wrong-kind or mismatched file
    text = "\n".join(unescape(b"".join(_RUN_TEXT.findall(paragraph)).decode("utf-8", "replace"))
                     for paragraph in _PARAGRAPH.findall(body))
    found = _PRINTED_FINGERPRINT.search(text)
    return found.group(1) if found else ""


