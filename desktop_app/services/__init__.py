"""Use cases: one module per area; each call runs in one transaction and returns plain dataclasses."""
