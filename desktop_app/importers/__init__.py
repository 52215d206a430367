"""Spreadsheet import: reading .xlsx/.csv files into a plain table, column mapping, preview and commit."""
