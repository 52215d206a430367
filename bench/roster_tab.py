"""Roster tab with 20,000 people: how long filling the tab and filtering on a keystroke take.

    python bench/roster_tab.py [--people 20000] [--shot roster.png]

Makes a temporary database with the demo event plus generated people (valid ID numbers, unique phones), opens
the main window offscreen, and measures (median of 5): ``fill_s`` — loading the roster into the tab (service
call, model reset, category bars), ``search_s`` — applying one search text to the whole list (pinyin initials,
a name character, phone digits, a pass-code-like string), ``first_search_s`` — the first search, which builds
the pinyin cache. Prints one JSON object. A keystroke that takes more than ~0.1 s is a visible stall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--shot", type=Path, default=None, help="also save a PNG of the window after the searches")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="openday-bench-"))
    os.environ["OPENDAY_DATA_DIR"] = str(tmp)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from desktop_app.demo import create_demo_event
    from desktop_app.domain import idcard
    from desktop_app.domain.roster import InviteeDraft
    from desktop_app.services import roster
    from desktop_app.workspace import open_workspace

    ws = open_workspace(tmp / "bench.sqlite3", lock=True)
    event = create_demo_event(dt.date(2026, 12, 20))
    rng = random.Random(7)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志文斌海龙德学庆东立新成林"
    drafts = []
    for i in range(args.people):
        birth = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
        drafts.append(InviteeDraft(
            name=rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2)))),
            id_number=idcard.make("640422", birth, 100 + (i // 600) % 899), phone=f"13{i:09d}",
            category="企业及群众代表", organisation="某单位"))
    seen, unique = set(), []
    for d in drafts:  # generated ID numbers can repeat; keep the first
        if d.id_number not in seen:
            seen.add(d.id_number)
            unique.append(d)
    roster.import_drafts(event.id, unique)

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(ws)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(1)
    app.processEvents()
    tab = window.roster_tab

    fills = []
    for _ in range(5):
        start = time.perf_counter()
        tab.reload()
        app.processEvents()
        fills.append(time.perf_counter() - start)

    queries = ["wl", "张", "1300001", "zhangwei", "w", "单"]
    first_start = time.perf_counter()
    tab.search.setText(queries[0])
    tab._apply_filter()
    first = time.perf_counter() - first_start
    searches = []
    for _ in range(5):
        for query in queries:
            start = time.perf_counter()
            tab.search.setText(query)
            tab._apply_filter()
            app.processEvents()
            searches.append(time.perf_counter() - start)
    if args.shot is not None:
        tab.search.setText("")
        tab._apply_filter()
        app.processEvents()
        window.grab().save(str(args.shot))
    window.close()
    ws.close()
    print(json.dumps({"people": tab.model.rowCount(), "fill_s": round(statistics.median(fills), 4),
                      "search_s": round(statistics.median(searches), 4),
                      "search_max_s": round(max(searches), 4), "first_search_s": round(first, 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
