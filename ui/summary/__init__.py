"""The 归档 (summary and filing) tab."""
