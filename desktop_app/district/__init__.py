"""The district's view: the 政务公开办 collects every unit's signed filing package, trusts each unit's signing key
once, and reports the year in figures read from the packages' record.json (never their Word files).

``packages`` adds packages (a folder, a zip, or a folder or stick holding many), ``figures`` sums the year,
``report`` writes the 汇总表 (.xlsx), the charts (.png) and the 情况报告 (.docx)."""
