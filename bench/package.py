"""The filing package of a large event: 1,000 invitees, 300 suggestions, 300 survey forms, 20 photos.

    python bench/package.py [--people 1000] [--suggestions 300] [--forms 300] [--photos 20] [--runs 3]

Builds the event in a temporary database (the demo event, held, made larger), then times what the 归档 tab's
"生成归档包" does: the snapshot read on the GUI thread, and the package written, flushed, renamed and verified on
the worker. Prints one JSON object ``{"seconds", "snapshot_s", "write_s", "files", "bytes", "runs"}`` with the
median of the runs (target: under 3 s on a 2-core machine, also with ``--runs 1``: the first package of a
fresh process, which loads the document libraries).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _photo(rng: random.Random, n: int) -> bytes:
    """A 4000×3000 camera-sized JPEG with some texture, so resizing and encoding cost what real photos cost."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    painter = QPainter(image)
    for _ in range(400):
        painter.fillRect(QRect(rng.randrange(4000), rng.randrange(3000), rng.randrange(20, 400),
                               rng.randrange(20, 400)), QColor(rng.randrange(256), rng.randrange(256), n % 256))
    painter.end()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(array.data())


def build(args) -> int:
    from db import models
    from desktop_app.demo import create_demo_event
    from desktop_app.domain import idcard, roster
    from desktop_app.services import feedback, photos

    rng = random.Random(8)
    event = create_demo_event(dt.date.today() - dt.timedelta(days=10), held=True)
    categories = list(models.InviteeCategory.select().where(models.InviteeCategory.event == event.id))
    taken = {p.pass_code for p in models.Invitee.select() if p.pass_code}
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚"
    with models.database.atomic():
        for i in range(args.people - models.Invitee.select().count()):
            code = roster.new_pass_code(taken)
            taken.add(code)
            models.Invitee.create(
                event=event.id, name=rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                id_number=idcard.make("640422", dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28), 100 + i % 899),
                phone=f"139{i:08d}", organisation="某单位", category=rng.choice(categories), status="confirmed",
                pass_code=code, registered_at=dt.datetime(2026, 1, 1, 9))
        for i in range(args.suggestions - len(feedback.suggestions(event.id))):
            s = feedback.add_suggestion(event.id, content=f"第{i + 1}条意见建议：建议进一步优化办事流程，减少群众跑腿次数。",
                                        topic=f"意见{i + 1}")
            if i % 2:
                feedback.update_suggestion(s.id, status="answered", department="政务服务中心",
                                           reply="已研究采纳，正在落实。", reply_channel="phone", adoption="adopted")
    counts = [len(q.options) for q in feedback.questions(event.id) if q.kind == "scale"]
    with models.database.atomic():
        for _ in range(args.forms - feedback.survey_stats(event.id).responses):
            feedback.add_response(event.id, [rng.randrange(n) for n in counts])
    folder = Path(tempfile.mkdtemp(prefix="openday-photos-"))
    try:
        for n in range(args.photos):
            path = folder / f"photo{n}.jpg"
            path.write_bytes(_photo(rng, n))
            row = photos.add_photo_file(event.id, path, caption=f"活动现场{n + 1}")
            if n < 6:
                photos.set_chosen(row.id, True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return event.id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--suggestions", type=int, default=300)
    parser.add_argument("--forms", type=int, default=300)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - text in charts needs it
    from desktop_app import package
    from desktop_app.services import summary
    from desktop_app.workspace import open_workspace

    work = Path(tempfile.mkdtemp(prefix="openday-bench-"))
    try:
        workspace = open_workspace(work / "bench.sqlite3", auto_backup=False)
        event_id = build(args)
        snaps, writes, result = [], [], None
        for run in range(args.runs):
            out = work / f"out{run}"
            out.mkdir()
            start = time.perf_counter()
            snapshot = summary.package_snapshot(event_id)
            snaps.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = package.write_package(snapshot, out)
            writes.append(time.perf_counter() - start)
        workspace.close()
        del snapshot
        totals = [a + b for a, b in zip(snaps, writes, strict=True)]
        print(json.dumps({"seconds": round(statistics.median(totals), 2),
                          "snapshot_s": round(statistics.median(snaps), 2),
                          "write_s": round(statistics.median(writes), 2),
                          "files": result.files, "bytes": result.bytes, "runs": args.runs}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.flush()
    # Leave without tearing the Qt application down under the garbage collector (PySide6 may crash there).
    os._exit(0)


if __name__ == "__main__":
    main()
