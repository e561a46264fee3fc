"""Period labels: a figure covers ``months`` months of ``year`` counted from January."""

import calendar

MONTH_ABBR = list(calendar.month_abbr)  # ['', 'Jan', ..., 'Dec'] in the C locale


def period_label(year: int, months: int) -> str:
    """``2023`` for a full year, ``Jan 2024`` for one month, ``Jan–Sep 2024`` for a partial year."""
    if months == 12:
        return str(year)
    if months == 1:
        return f"Jan {year}"
    return f"Jan–{MONTH_ABBR[months]} {year}"
