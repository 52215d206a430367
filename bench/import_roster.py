"""Importing a roster workbook as the coordinator runs it, against merely reading the same file.

    python bench/import_roster.py [--rows 10000] [--large-rows 50000] [--runs 5]

Writes an .xlsx of valid people (unique ID numbers and phones, a title row above the header, strings in the shared
string table as Excel saves them) into a temporary folder, then measures whole processes (median of ``--runs``,
wall clock from start to exit, so interpreter start and imports count on both sides):

* ``seconds`` — ``openday import-roster --db … --event … FILE --json`` (read, map, check every row, commit in one
  transaction) into a fresh copy of a database holding the demo event;
* ``openpyxl_read_seconds`` — a bare script that only reads every row with openpyxl (``read_only=True,
  values_only=True``);
* ``calamine_read_seconds`` — a bare script that only reads every row with python-calamine.

``ratio`` = seconds / openpyxl_read_seconds (target ≤ 1.0); ``calamine_ratio`` = seconds / calamine_read_seconds.
The same import of ``--large-rows`` rows gives ``large.seconds`` and ``large.peak_mib`` (the import process's peak
resident memory; target ≤ 150 MiB) and ``growth`` = large seconds / seconds (for 5× the rows). Prints one JSON
object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.0
TARGET_PEAK_MIB = 150
HEADER = ("序号", "姓名", "性别", "身份证号码", "手机号码", "工作单位", "职务", "人员类别", "报名时间", "备注")

OPENPYXL_READ = """
import sys
from openpyxl import load_workbook
workbook = load_workbook(sys.argv[1], read_only=True, data_only=True)
count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
workbook.close()
assert count > 0
"""
CALAMINE_READ = """
import sys
from python_calamine import CalamineWorkbook
workbook = CalamineWorkbook.from_path(sys.argv[1])
count = sum(1 for _ in workbook.get_sheet_by_index(0).iter_rows())
workbook.close()
assert count > 0
"""


def people(rows: int):
    """The rows of the bench file: valid people with unique ID numbers and phones."""
    from desktop_app.domain import idcard

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国志文斌海龙德学庆东立新成林"
    start = dt.date(1950, 1, 1)
    for i in range(rows):
        birth = start + dt.timedelta(days=(i * 7) % 18_000)
        sequence = 1 + (i * 7) // 18_000 * 2 + i % 2  # a new sequence each time the birth dates come round
        number = idcard.make("110105", birth, sequence)
        name = surnames[i % len(surnames)] + given[(i // 7) % len(given)] + given[(i // 3) % len(given)]
        registered = dt.datetime(2026, 9, 1, 8, 0) + dt.timedelta(minutes=i)
        yield [i + 1, name, "男" if sequence % 2 else "女", number, f"13{i:09d}", "西吉县某单位", "职员",
               "企业及群众代表" if i % 3 else "政务公开义务监督员", registered, None]


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"


def write_workbook(path: Path, rows: int) -> None:
    """An .xlsx as Excel saves it: every text in the shared string table (UTF-8), numbers and date serials in
    the cells, the title merged over the columns. (openpyxl writes inline strings, which Excel never does.)"""
    from xml.sax.saxutils import escape

    strings: dict[str, int] = {}
    epoch = dt.datetime(1899, 12, 30)

    def cell(ref: str, value) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return f'<c r="{ref}" s="1"><v>{(value - epoch).total_seconds() / 86400!r}</v></c>'
        if isinstance(value, int | float):
            return f'<c r="{ref}"><v>{value}</v></c>'
        index = strings.setdefault(value, len(strings))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    letters = "ABCDEFGHIJ"
    body = [f'<row r="1">{cell("A1", "2026年“政府开放日”活动报名汇总表")}</row>',
            '<row r="2">' + "".join(cell(f"{letters[c]}2", h) for c, h in enumerate(HEADER)) + "</row>"]
    for r, values in enumerate(people(rows), start=3):
        body.append(f'<row r="{r}">' + "".join(cell(f"{letters[c]}{r}", v) for c, v in enumerate(values))
                    + "</row>")
    total = sum(1 for _ in strings)
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    sheet = (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:J{rows + 2}"/>'
             f'<sheetData>{"".join(body)}</sheetData><mergeCells count="1"><mergeCell ref="A1:J1"/></mergeCells>'
             "</worksheet>")
    parts = {
        "[Content_Types].xml": f'{_XML}<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name="报名表" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/styles.xml": f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
        'formatCode="yyyy/m/d h:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font>'
        '</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1">'
        '<border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
        'xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        "xl/sharedStrings.xml": f'{_XML}<sst xmlns="{_MAIN}" count="{total}" uniqueCount="{total}">{shared}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))


def run(args: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, peak resident MiB, stdout) of one process."""
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{args[:4]} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return elapsed, 0.0, out.decode("utf-8")


def run_measured(args: list[str], env: dict) -> tuple[float, float, str]:
    """Like ``run``, with the process's own peak resident memory (wait4's rusage, Linux/macOS)."""
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{args[:4]} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    peak_kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return elapsed, peak_kib / 1024, out.decode("utf-8")


def demo_database(folder: Path, env: dict) -> tuple[Path, int]:
    db = folder / "demo.sqlite3"
    _t, _m, out = run([sys.executable, "-m", "desktop_app", "demo", "--db", str(db), "--date", "2026-12-20"], env)
    return db, int(out.strip())


def time_import(path: Path, template: Path, event: int, folder: Path, run_no: int, rows: int,
                env: dict) -> tuple[float, float]:
    db = folder / f"bench-{path.stem}-{run_no}.sqlite3"
    shutil.copyfile(template, db)
    elapsed, peak, out = run_measured([sys.executable, "-m", "desktop_app", "import-roster", "--db", str(db),
                                       "--event", str(event), str(path), "--json"], env)
    report = json.loads(out)
    if report["imported"] != rows:
        raise SystemExit(f"expected {rows} imported, got {report['imported']}: {report['rejected'][:3]}")
    db.unlink()
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--large-rows", type=int, default=50_000, help="0: skip the large file")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="openday-bench-import-"))
    env = {**os.environ, "OPENDAY_DATA_DIR": str(folder / "data"), "QT_QPA_PLATFORM": "offscreen"}
    os.environ["OPENDAY_DATA_DIR"] = env["OPENDAY_DATA_DIR"]
    try:
        template, event = demo_database(folder, env)
        path = folder / "roster.xlsx"
        write_workbook(path, args.rows)
        bare_openpyxl = [sys.executable, "-c", OPENPYXL_READ, str(path)]
        bare_calamine = [sys.executable, "-c", CALAMINE_READ, str(path)]
        reads, calamines, imports = [], [], []
        for i in range(args.runs):  # interleaved, so that a busy machine slows all three alike
            reads.append(run(bare_openpyxl, env)[0])
            calamines.append(run(bare_calamine, env)[0])
            imports.append(time_import(path, template, event, folder, i, args.rows, env))
        read, calamine = statistics.median(reads), statistics.median(calamines)
        seconds = statistics.median(t for t, _m in imports)
        result = {"rows": args.rows, "seconds": round(seconds, 3), "peak_mib": round(max(m for _t, m in imports), 1),
                  "openpyxl_read_seconds": round(read, 3), "calamine_read_seconds": round(calamine, 3),
                  "ratio": round(seconds / read, 2), "calamine_ratio": round(seconds / calamine, 2),
                  "target_ratio": TARGET_RATIO}
        if args.large_rows:
            large = folder / "roster-large.xlsx"
            write_workbook(large, args.large_rows)
            runs, large_reads = [], []
            for i in range(max(1, args.runs - 1)):
                large_reads.append(run([sys.executable, "-c", OPENPYXL_READ, str(large)], env)[0])
                runs.append(time_import(large, template, event, folder, i, args.large_rows, env))
            large_seconds = statistics.median(t for t, _m in runs)
            large_read = statistics.median(large_reads)
            result["large"] = {"rows": args.large_rows, "seconds": round(large_seconds, 3),
                               "peak_mib": round(max(m for _t, m in runs), 1),
                               "openpyxl_read_seconds": round(large_read, 3),
                               "ratio": round(large_seconds / large_read, 2), "target_peak_mib": TARGET_PEAK_MIB}
            result["growth"] = round(large_seconds / seconds, 2)
        print(json.dumps(result))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
