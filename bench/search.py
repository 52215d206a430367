"""Check-in search with 20,000 invitees: time per keystroke over a realistic query mix.

    python bench/search.py [--people 20000]

Builds the event's search index once (as the 签到 tab does when it opens), then times ``find`` for queries as
people at the entrance type them: 1–3 Chinese characters, pinyin initials and full pinyin, the last 4 digits of a
phone, the last 4–6 characters of an ID number, pass codes. Prints one JSON object:
``{"invitees", "queries", "p50_ms", "p95_ms", "index_s"}`` (target: p95 ≤ 5 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args()

    from desktop_app.domain import idcard
    from desktop_app.domain.checkin import Entry, SearchIndex
    from desktop_app.domain.search import name_keys

    rng = random.Random(5)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚单"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国志文斌海龙德学庆东立新成林"
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    entries = []
    for i in range(args.people):
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
        birth = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
        entries.append(Entry(i, name, f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}",
                             idcard.make("640422", birth, 100 + i % 899),
                             "".join(rng.choice(alphabet) for _ in range(6))))
    start = time.perf_counter()
    index = SearchIndex(entries)
    index_s = time.perf_counter() - start

    queries = []
    for _ in range(400):
        e = rng.choice(entries)
        kind = rng.randrange(6)
        if kind == 0:
            queries += [e.name[:1], e.name[:2], e.name]  # typing a name, one keystroke at a time
        elif kind == 1:
            key = name_keys(e.name)[1]
            queries += [key[:n] for n in range(1, len(key) + 1)]  # initials: z, zs
        elif kind == 2:
            key = name_keys(e.name)[0]
            queries += [key[:n] for n in range(2, len(key) + 1)]  # full pinyin
        elif kind == 3:
            queries += [e.phone[-4:]]
        elif kind == 4:
            queries += [e.id_number[-n:] for n in (4, 5, 6)]
        else:
            queries += [e.pass_code]
    times = []
    for query in queries:
        start = time.perf_counter()
        index.find(query, 50)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({"invitees": args.people, "queries": len(queries),
                      "p50_ms": round(statistics.median(times), 3),
                      "p95_ms": round(times[int(len(times) * 0.95) - 1], 3), "index_s": round(index_s, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
