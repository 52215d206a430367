"""The 路线 (route and day programme) tab."""
