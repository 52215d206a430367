"""The package's 00_归档目录 as a 归档文件目录 in the manner of DA/T 22-2015: one row per item (件) — 件号, 责任者,
文号, 题名, 日期 (the 成文日期, 8 digits), 页数, 备注 — and the pages counted by LibreOffice where it is installed
(otherwise left blank for the clerk, and the table says so)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .model import Document, Paragraph, Table, Title

COLUMNS = ("件号", "责任者", "文号", "题名", "日期", "页数", "备注")
WIDTHS_MM = (10.0, 22.0, 24.0, 48.0, 22.0, 10.0, 20.0)  # 156 mm; 8 digits of 日期 on one line
PAGES_BLANK = "页数栏于打印后填写。"  # no LibreOffice to lay the pages out: the clerk counts them
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


@dataclass(frozen=True)
class Entry:
    """One item (件) of the package."""

    number: int
    author: str  # 责任者
    doc_number: str  # 文号
    title: str  # 题名
    date: dt.date | None  # 成文日期
    files: tuple[str, ...]  # its files in the package, the first the one whose pages are counted
    note: str = ""


def date8(day: dt.date | None) -> str:
    return f"{day:%Y%m%d}" if day else ""


# Writer's PDF export keeps the blank pages it inserts (a 版记 on an even page) when told so: set in the profile
# LibreOffice starts with, so that the Word and Excel files are converted in one run (one start, not two).
_KEEP_BLANK_PAGES = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="IsSkipEmptyPages" oor:op="fuse">\
<value>false</value></prop></item>
</oor:items>
"""


def _convert(command: list[str], timeout: float) -> None:
    """Run LibreOffice's conversion; past ``timeout`` (or on any failure) end it whole. ``soffice`` is a launcher
    that starts ``soffice.bin``: ending the launcher alone left the converter running, a core busy for as long as
    the computer stayed on. It runs as a process group of its own, which is ended as one."""
    posix = os.name == "posix"
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"}, start_new_session=posix,
                            creationflags=0 if posix else subprocess.CREATE_NEW_PROCESS_GROUP)
    try:
        proc.wait(timeout=timeout)
    finally:
        if posix:
            import signal

            try:
                os.killpg(proc.pid, signal.SIGKILL)  # (after a clean end: any helper it left behind)
            except (ProcessLookupError, PermissionError):
                pass
        elif proc.poll() is None:
            proc.kill()
        proc.wait()


def count_pages(folder: Path, names: list[str], *, timeout: float = 180) -> dict[str, int]:
    """Pages of each .docx/.xlsx in ``names`` as LibreOffice lays them out (blank pages it inserts included), or
    {} when LibreOffice is not installed or fails: the count is a help for the clerk, never a reason to fail."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    office = [n for n in names if n.endswith((".docx", ".xlsx"))]
    if not soffice or not office:
        return {}
    with tempfile.TemporaryDirectory(prefix="openday-pages-") as tmp:
        user = Path(tmp, "profile", "user")  # its own profile: a LibreOffice the user has open is not disturbed
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_KEEP_BLANK_PAGES, encoding="utf-8")
        out, given = Path(tmp, "pdf"), Path(tmp, "in")
        given.mkdir()
        inputs = {}  # each file under a name of its own: 报名表.docx and 报名表.xlsx would give one 报名表.pdf
        try:
            for n, name in enumerate(office):
                inputs[name] = given / f"{n}{Path(name).suffix}"
                shutil.copyfile(folder / name, inputs[name])
            _convert([soffice, f"-env:UserInstallation={user.parent.as_uri()}", "--headless", "--norestore",
                      "--convert-to", "pdf", "--outdir", str(out), *map(str, inputs.values())], timeout)
        except (OSError, subprocess.SubprocessError):
            return {}
        found: dict[str, int] = {}
        for name, path in inputs.items():
            pdf = out / (path.stem + ".pdf")
            if pdf.is_file():
                found[name] = len(_PAGE.findall(pdf.read_bytes()))
        return found


def build_catalogue(unit: str, event_date: dt.date | None, entries: list[Entry], pages: dict[str, int],
                    fingerprint: str, manifest: str, *, draft: bool, key_change: dict | None = None) -> Document:
    rows = []
    for e in entries:
        counted = pages.get(e.files[0]) if e.files else None
        rows.append((str(e.number), e.author, e.doc_number, e.title, date8(e.date),
                     str(counted) if counted else "", e.note))
    day = f"{event_date.year}年{event_date.month}月{event_date.day}日" if event_date else ""
    blocks = [Title(f"{unit}\n“政府开放日”活动归档文件目录")]
    if day:
        blocks.append(Paragraph(f"活动日期：{day}", role="recipients"))
    blocks += [
        Table(COLUMNS, tuple(rows), WIDTHS_MM, font_size_pt=9, left_columns=(3,)),  # one page for 14 items
        *([] if pages else [Paragraph(PAGES_BLANK, role="note")]),
        Paragraph(f"本归档包附文件清单（{manifest}），载明各文件的校验值，并经本单位签名密钥签名，"
                  f"密钥指纹：{fingerprint}。", role="note"),
    ]
    if key_change:  # the first package after a lost key was replaced says so, for the register of fingerprints
        made = dt.datetime.fromisoformat(key_change["made_at"]).date() if key_change.get("made_at") else None
        when = f"已于{made.year}年{made.month}月{made.day}日" if made else "已"
        blocks.append(Paragraph(f"本单位的签名密钥{when}更换，此前的归档包以原密钥签名（原指纹 "
                                f"{key_change['replaces']}）。请在登记的指纹处注明此次更换。", role="note"))
    return Document(title=f"{unit}“政府开放日”活动归档文件目录", blocks=tuple(blocks), page_numbers=False,
                    meta={"kind": "cover", "author": unit}, draft=draft)
