"""Use cases: one module per area; each call runs in one transaction and returns plain immutable records.

The records read on the way to the window's first check (here, in ``domain`` and in ``db``) are ``NamedTuple``s:
Python 3.11 writes and compiles six methods for each frozen dataclass, about 0.6 ms a class against 0.1–0.3 ms,
and some forty of them load at every start (``tests/test_first_start.py`` keeps it so). Elsewhere they are frozen
dataclasses. Change one with ``record._replace(...)``."""
