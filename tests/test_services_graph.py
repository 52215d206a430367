"""The services depend on each other one way only (no circle such as events ↔ plan ↔ feedback, even through an
import inside a function), take the live event from services/live.py rather than from another service's private
function, and filter deleted rows and confirmed invitees through the models' named filters."""

from __future__ import annotations

import re

from .conftest import ROOT

SERVICES = ROOT / "desktop_app" / "services"


def _imports() -> dict[str, set[str]]:
    names = {p.stem for p in SERVICES.glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in names:
        source = (SERVICES / f"{name}.py").read_text(encoding="utf-8")
        found = set(re.findall(r"^\s*from \.(\w+) import", source, re.M))
        for group in re.findall(r"^\s*from \. import ([\w, ]+)", source, re.M):
            found |= {n.strip() for n in group.split(",")}
        graph[name] = (found & names) - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_services_import_each_other_one_way():
    assert _cycle(_imports()) == []


def test_no_service_reads_another_ones_private_functions():
    for path in [*SERVICES.glob("*.py"), *(ROOT / "desktop_app").glob("*.py")]:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"from \.+(?:services\.)?\w+ import _\w+", source), path.name


def test_deleted_rows_and_confirmed_invitees_are_filtered_by_name():
    for path in (ROOT / "desktop_app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "deleted == False" not in source, path
        assert not re.search(r'[A-Z]\w*\.status == "confirmed"', source), path
