"""Reusable widgets: editable row tables, the worker, small helpers."""
