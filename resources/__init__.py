"""Data shipped with the app: translations, document boilerplate, demo data."""
