"""The 名单 (roster) tab."""
