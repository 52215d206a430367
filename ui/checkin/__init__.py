"""The 签到 (check-in) tab."""
