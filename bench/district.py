"""The district's view at scale: 40 units × 5 years × 2 events = 400 signed packages added, then a year reported.

    python bench/district.py [--units 40] [--years 5] [--per-year 2] [--keep DIR]

One real package is written from the held demo; the others are made from it as each unit would send its own:
record.json with the unit, the event and varied figures, the manifest's checksums, signed with that unit's own
key. Prints one JSON line::

    {"packages": …, "add_s": …, "report_s": …, "per_package_ms": …, "window_stall_ms": …,
     "targets": {"add_s": 60, "report_s": 5, "window_stall_ms": 100}}

``window_stall_ms`` is the longest gap between two ticks of a 5 ms timer on the GUI thread while the 区县汇总
window adds the same packages again into a second database (on its worker, with progress), offscreen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

UNIT_NAMES = ("审批服务管理局", "医疗保障局", "自然资源局", "市场监督管理局", "人力资源和社会保障局", "住房和城乡建设局",
              "交通运输局", "水务局", "农业农村局", "卫生健康局", "教育局", "民政局", "司法局", "财政局",
              "生态环境局", "应急管理局", "文化旅游广电局", "税务局", "公安局", "退役军人事务局")


def unit_names(count: int) -> list[str]:
    names = [f"县{name}" for name in UNIT_NAMES]
    extra = 1
    while len(names) < count:
        names.append(f"第{extra}乡镇人民政府")
        extra += 1
    return names[:count]


def template_package(root: Path) -> Path:
    """One real package of the held demo (masked), written in a scratch data folder."""
    from desktop_app import package
    from desktop_app.demo import create_demo_event
    from desktop_app.services import summary
    from desktop_app.workspace import open_workspace

    os.environ["OPENDAY_DATA_DIR"] = str(root / "template-data")
    ws = open_workspace(root / "template.sqlite3")
    try:
        event = create_demo_event(None, held=True)
        snapshot = summary.package_snapshot(event.id)
    finally:
        ws.close()
    return package.write_package(snapshot, root / "template").folder


def clone(template: Path, target: Path, unit: str, day: dt.date, rng: random.Random, key_home: Path) -> Path:
    """``template`` as ``unit``'s package of an event on ``day``, signed with the key in ``key_home``."""
    from desktop_app import signing

    shutil.copytree(template, target)
    record = json.loads((target / "record.json").read_text(encoding="utf-8"))
    event_uuid = uuid.UUID(int=rng.getrandbits(128)).hex
    record["event"] = {"uuid": event_uuid, "unit": unit, "title": f"{day.year}年“政府开放日”活动", "date": day.isoformat()}
    invited = rng.randint(20, 60)
    arrived = rng.randint(10, invited)
    public = rng.randint(arrived // 3, arrived)
    received = rng.randint(0, 12)
    replied = rng.randint(0, received)
    record.update(invited=invited, confirmed=invited, arrived=arrived, public_arrived=public, forms=arrived,
                  walk_ins=rng.randint(0, 3), satisfaction=round(rng.uniform(0.8, 1.0), 4))
    record["suggestions"].update(received=received, replied=replied, replied_on_time=replied,
                                 overdue=received - replied, adopted=rng.randint(0, replied), partly_adopted=0)
    (target / "record.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    previous = os.environ.get("OPENDAY_DATA_DIR")
    os.environ["OPENDAY_DATA_DIR"] = str(key_home)
    try:
        own = signing.installation_fingerprint()
    finally:
        os.environ["OPENDAY_DATA_DIR"] = previous or ""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    old = manifest["signature"]["fingerprint"]
    cover = next(target.glob("00_*.docx"))  # the 归档目录 prints the unit's own fingerprint
    _replace_in_docx(cover, old, own)
    manifest.update(event_uuid=event_uuid, event_date=day.isoformat(),
                    created_at=dt.datetime.combine(day + dt.timedelta(days=3), dt.time(10)).astimezone().isoformat())
    for entry in manifest["files"]:
        if entry["path"] in ("record.json", cover.name):
            data = (target / entry["path"]).read_bytes()
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    manifest.pop("signature", None)
    os.environ["OPENDAY_DATA_DIR"] = str(key_home)
    try:
        signed = signing.sign(manifest)
    finally:
        os.environ["OPENDAY_DATA_DIR"] = previous or ""
    (target / "manifest.json").write_text(json.dumps(signed, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def _replace_in_docx(path: Path, old: str, new: str) -> None:
    """``old`` replaced by ``new`` in the document's text (the parts rewritten, the others copied)."""
    import zipfile

    temp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(old.encode("utf-8"), new.encode("utf-8"))
            target.writestr(info, data)
    temp.replace(path)


def make_district(root: Path, units: int, years: int, per_year: int, seed: int = 7) -> tuple[Path, set[str]]:
    """The stick: a folder per unit holding its packages; and the units' fingerprints."""
    from desktop_app import signing

    rng = random.Random(seed)
    template = template_package(root)
    stick = root / "stick"
    fingerprints = set()
    last = dt.date.today().year
    for number, unit in enumerate(unit_names(units)):
        key_home = root / "keys" / f"{number:03d}"
        os.environ["OPENDAY_DATA_DIR"] = str(key_home)
        fingerprints.add(signing.installation_fingerprint())
        for year in range(last - years + 1, last + 1):
            for n in range(per_year):
                day = dt.date(year, 3 + n * 5 + rng.randint(0, 3), rng.randint(1, 28))
                clone(template, stick / unit / f"{day:%Y%m%d}_{n}", unit, day, rng, key_home)
    return stick, fingerprints


def window_stall(root: Path, stick: Path, fingerprints: set[str]) -> float:
    """The GUI thread's longest stall while the window adds the packages (the keys trusted up front)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.workspace import open_workspace
    from ui.district import DistrictDialog
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    QMessageBox.information = staticmethod(lambda *a, **k: None)  # the result box would wait for a click
    ws = open_workspace(root / "window.sqlite3", lock=True)
    window = MainWindow(ws)
    dialog = DistrictDialog(window)
    dialog.show()
    clock, gaps = QElapsedTimer(), [0.0]
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    loop = QEventLoop()
    finished = []
    shown = dialog.show_result
    dialog.show_result = lambda report: finished.append(report) or shown(report)
    dialog.add_packages([stick], tuple(fingerprints))
    while not finished:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    ticker.stop()
    dialog.close()
    window.close()
    ws.close()
    app.processEvents()
    return round(max(gaps), 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--per-year", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="write into this folder and keep it")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # first: the charts would otherwise make a QGuiApplication, and the window needs this
    root = args.keep or Path(tempfile.mkdtemp(prefix="openday-district-"))
    root.mkdir(parents=True, exist_ok=True)
    stick, fingerprints = make_district(root, args.units, args.years, args.per_year)
    os.environ["OPENDAY_DATA_DIR"] = str(root / "district-data")
    from desktop_app.district import figures, packages
    from desktop_app.district import report as district_report
    from desktop_app.services import plan
    from desktop_app.workspace import open_workspace

    ws = open_workspace(root / "district.sqlite3")
    try:
        packages.set_expected_units(unit_names(args.units + 2))  # two units that never report
        start = time.perf_counter()
        added = packages.add_packages([stick], trust=fingerprints)
        add_s = time.perf_counter() - start
        start = time.perf_counter()
        year = figures.year_figures(dt.date.today().year)
        files = district_report.write_report(year, root / "report", plan.doc_fonts())
        report_s = time.perf_counter() - start
    finally:
        ws.close()
    stall = window_stall(root, stick, fingerprints)
    count = len(added.added) + len(added.replaced)
    print(json.dumps({"packages": count, "refused": len(added.refused), "add_s": round(add_s, 2),
                      "per_package_ms": round(add_s * 1000 / max(count, 1), 1), "report_s": round(report_s, 2),
                      "files": len(files), "window_stall_ms": stall,
                      "targets": {"add_s": 60, "report_s": 5, "window_stall_ms": 100}}))
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
