"""Importing a 10,000-row roster workbook, against reading the same file with openpyxl.

    python bench/import_roster.py [--rows 10000] [--runs 3]

Writes an .xlsx of valid people (unique ID numbers and phones, a title row above the header) into a temporary
folder, then measures (median of ``--runs``): ``openpyxl_read_seconds`` — ``load_workbook(read_only=True)`` and
every row's values; ``seconds`` — ``importers.roster.run_import`` (read, map, check every row, commit in one
transaction) into a fresh database holding the demo event each run. Prints one JSON object; the target is
``ratio`` = seconds / openpyxl_read_seconds ≤ 2.0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_RATIO = 2.0
HEADER = ("序号", "姓名", "性别", "身份证号码", "手机号码", "工作单位", "职务", "人员类别", "报名时间", "备注")


def write_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from desktop_app.domain import idcard

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国志文斌海龙德学庆东立新成林"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("报名表")
    sheet.append(["2026年“政府开放日”活动报名汇总表"])
    sheet.append(list(HEADER))
    start = dt.date(1950, 1, 1)
    for i in range(rows):
        birth = start + dt.timedelta(days=(i * 7) % 18_000)
        sequence = 1 + (i * 7) // 18_000 * 2 + i % 2  # a new sequence each time the birth dates come round
        number = idcard.make("110105", birth, sequence)
        name = surnames[i % len(surnames)] + given[(i // 7) % len(given)] + given[(i // 3) % len(given)]
        registered = dt.datetime(2026, 9, 1, 8, 0) + dt.timedelta(minutes=i)
        sheet.append([i + 1, name, "男" if sequence % 2 else "女", number, f"13{i:09d}", "西吉县某单位",
                      "职员", "企业及群众代表" if i % 3 else "政务公开义务监督员", registered, ""])
    workbook.save(path)


def time_openpyxl_read(path: Path) -> float:
    from openpyxl import load_workbook

    began = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    elapsed = time.perf_counter() - began
    assert count > 0
    return elapsed


def time_import(path: Path, folder: Path, run: int, rows: int) -> float:
    from desktop_app.demo import create_demo_event
    from desktop_app.importers import roster as importer
    from desktop_app.workspace import open_workspace

    workspace = open_workspace(folder / f"bench-{run}.sqlite3")
    try:
        event = create_demo_event(dt.date(2026, 12, 20))
        began = time.perf_counter()
        report = importer.run_import(event.id, path)
        elapsed = time.perf_counter() - began
    finally:
        workspace.close()
    if report.imported != rows:
        raise SystemExit(f"expected {rows} imported, got {report.imported}: {report.as_json()['rejected'][:3]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="openday-bench-import-"))
    os.environ["OPENDAY_DATA_DIR"] = str(folder)
    path = folder / "roster.xlsx"
    write_workbook(path, args.rows)
    read = statistics.median(time_openpyxl_read(path) for _ in range(args.runs))
    imported = statistics.median(time_import(path, folder, run, args.rows) for run in range(args.runs))
    print(json.dumps({"rows": args.rows, "seconds": round(imported, 3), "openpyxl_read_seconds": round(read, 3),
                      "ratio": round(imported / read, 2), "target_ratio": TARGET_RATIO}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
