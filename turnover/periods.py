"""Period and date labels: a figure covers ``months`` months of ``year`` counted from January.

Month names come from CLDR (Babel) in their stand-alone form (``январь``, not ``января``); how a month and
a year combine is a message, so a language can order them its own way.
"""

import datetime as dt

from babel.dates import format_date, get_month_names

from turnover.i18n import gettext_for

WIDTHS = {"short": "abbreviated", "long": "wide"}  # Jan / January; янв. / январь


def period_label(year: int, months: int, lang: str = "en", width: str = "short") -> str:
    """``2023`` for a full year, ``Jan 2024`` for one month, ``Jan–Sep 2024`` for a partial year.

    Russian: ``янв.–сент. 2024`` (short), ``январь–сентябрь 2024`` (long).
    """
    if months == 12:
        return str(year)
    _ = gettext_for(lang)
    names = get_month_names(WIDTHS[width], context="stand-alone", locale=lang)
    if months == 1:
        return _("{month} {year}").format(month=names[1], year=year)
    return _("{first}–{last} {year}").format(first=names[1], last=names[months], year=year)


def date_label(iso: str, lang: str = "en") -> str:
    """A publication date: English keeps ``2024-11-18`` as today; Russian ``18 ноября 2024 г.`` (CLDR long).

    Anything that is not an ISO date (an empty cell, a year alone) is returned as it is.
    """
    if lang == "en":
        return iso
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, format="long", locale=lang)
