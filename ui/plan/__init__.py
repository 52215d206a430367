"""The 方案 (plan) tab."""
