"""Periods in a sentence: years ("in 2023", "за 2023 год"), relative years ("last year", "im vergangenen Jahr", "в
прошлом году": need the publication date), months covered from January ("first nine months", "Januar–September",
"в первом полугодии", "Q1"), and references back ("in the same period", "im Vorjahreszeitraum"). Years after
"compared with", "gegenüber", "по сравнению с", "since", "by" are comparisons or targets, not periods."""

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from turnover.extract.flags import Flag, Flagged
from turnover.extract.lexicon import any_language, lexicon

I = re.IGNORECASE
_RANGE_DASH = rf"\s*(?:[-–—]|{any_language('MONTH_RANGE_WORDS')})\s*"
# A day before a month name makes it a date ("20 November 2024", "20. November", "20 ноября").
_DATE_BEFORE = re.compile(r"\d{1,2}\.?\s*$")


@dataclass
class Period:
    start: int
    end: int
    year: int | None = None
    months: int | None = None
    kind: str = "absolute"  # absolute | same (the period just named) | year_before (that period a year earlier)
    note: str = ""
    flags: tuple[Flagged, ...] = ()
    has_year: bool = False  # the mention itself names (or resolves) a year
    has_months: bool = False  # the mention itself says which months


def _month_count(word: str, lang: str) -> int | None:
    if word.isdigit():
        number = int(word)
        return number if 1 <= number <= 12 else None
    for number, pattern in enumerate(lexicon(lang).MONTH_COUNT_WORDS, start=1):
        if re.fullmatch(pattern, word, I):
            return number
    return None


def _month_index(word: str, lang: str) -> int | None:
    for number, pattern in enumerate(lexicon(lang).MONTH_NAMES, start=1):
        if re.fullmatch(pattern, word, I):
            return number
    return None


@lru_cache(maxsize=None)
def _months_patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    words_of = lexicon(lang)
    counts = "|".join(words_of.MONTH_COUNT_WORDS) + r"|\d{1,2}"
    months = "|".join(f"(?:{m})" for m in words_of.MONTH_NAMES)
    return [(re.compile(pattern.replace("{counts}", counts).replace("{months}", months).replace("{dash}", _RANGE_DASH), I), how)
            for pattern, how in words_of.MONTHS_RULES]


def find_periods(sentence: str, lang: str, published: dt.date | None) -> tuple[list[Period], list[Flagged]]:
    """The periods named in a sentence, and flags on what was ignored (year ranges)."""
    taken: list[tuple[int, int]] = []
    ignored: list[Flagged] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    months_found: list[Period] = []
    for pattern, how in _months_patterns(lang):
        for match in pattern.finditer(sentence):
            if not free(match.start(), match.end()):
                continue
            if how == "range" and _month_index(match.group("from"), lang) != 1 or how == "not_from_january":
                not_representable = Flagged(Flag.MONTHS_NOT_FROM_JANUARY, f"'{match.group(0)}'")
                months_found.append(Period(match.start(), match.end(), flags=(not_representable,), has_months=True))
                taken.append((match.start(), match.end()))
                continue
            if how == "count":
                months = _month_count(match.group("n"), lang)
            elif how == "range":
                months = _month_index(match.group("to"), lang)
            else:
                months = int(how)
            if months and not (how == "1" and _DATE_BEFORE.search(sentence[: match.start()].rstrip())):
                months_found.append(Period(match.start(), match.end(), months=months, has_months=True))
                taken.append((match.start(), match.end()))

    years_found: list[Period] = []
    for match in re.finditer(r"(?<![\d.,])((?:19|20)\d\d)(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)|\s+(?:and|und|и|or|oder|или)\s+(?:19|20)\d\d)(?![\d%])", sentence):
        taken.append((match.start(), match.end()))
        ignored.append(Flagged(Flag.YEAR_RANGE_IGNORED, match.group(0)))
    for pattern, offset, kind in lexicon(lang).RELATIVE_YEARS:
        for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", sentence, I):
            if not free(match.start(), match.end()):
                continue
            taken.append((match.start(), match.end()))
            years_found.append(_relative_year(match, offset, kind, published))
    for match in re.finditer(r"(?<![\d.,$€])((?:19|20)\d\d)(?![\d%]|[.,]\d)", sentence):
        if not free(match.start(), match.end()):
            continue
        before = sentence[max(0, match.start() - 40): match.start()]
        if re.search(lexicon(lang).COMPARISON_BEFORE, before, I) or _is_date(sentence, match.start(), lang):
            continue
        years_found.append(Period(match.start(), match.end(), year=int(match.group(1)), months=12, has_year=True))
        taken.append((match.start(), match.end()))
    return _merge(sentence, months_found, years_found, published), ignored


def _relative_year(match: re.Match, offset: int, kind: str, published: dt.date | None) -> Period:
    start, end = match.start(), match.end()
    phrase = " ".join(match.group(0).split())
    if kind in ("same", "year_before"):
        return Period(start, end, kind=kind, note=phrase)
    months = None if kind == "this_year" else 12
    if published is None:
        return Period(start, end, flags=(Flagged(Flag.YEAR_NEEDS_PUBLICATION_DATE, f"'{phrase}'"),), has_year=True, months=months)
    verb = "from" if kind == "this_year" else "inferred from"
    return Period(start, end, year=published.year + offset, months=months, has_year=True,
                  note=f"year {verb} '{phrase}' in article of {published.isoformat()}")


def _is_date(sentence: str, start: int, lang: str) -> bool:
    """A year inside a date: "20 November 2024", "November 20, 2024", "20.11.2024", "20 ноября 2024 года"."""
    before = sentence[max(0, start - 25): start]
    months = "|".join(f"(?:{m})" for m in lexicon(lang).MONTH_NAMES)
    if re.search(r"\d{1,2}[./]\d{1,2}[./]$", before):
        return True
    if re.search(rf"\d{{1,2}}\.?\s+(?:{months})\w*\s+$", before, I):
        return True
    return bool(re.search(rf"(?:{months})\w*\s+\d{{1,2}},\s*$", before, I))


def _merge(sentence: str, months_found: list[Period], years_found: list[Period], published: dt.date | None) -> list[Period]:
    """Join a months mention to the year next to it ("first nine months of 2024"); resolve lone months."""
    years = sorted(years_found, key=lambda p: p.start)
    used: set[int] = set()
    merged = []
    for months in sorted(months_found, key=lambda p: p.start):
        partner = None
        for index, year in enumerate(years):
            if index in used or not year.has_year:
                continue
            after = year.start >= months.end
            gap = sentence[months.end: year.start] if after else sentence[year.end: months.start]
            if len(gap) <= (16 if after else 6) and not re.search(r"[,;:()]", gap) and not re.search(r"\d", gap):
                partner = index
                break
        if partner is not None:
            used.add(partner)
            year = years[partner]
            merged.append(Period(min(months.start, year.start), max(months.end, year.end), year.year, months.months, "absolute", year.note,
                                 months.flags + year.flags, has_year=True, has_months=True))
        else:
            merged.append(months)
    merged += [year for index, year in enumerate(years) if index not in used]
    result = []
    for period in sorted(merged, key=lambda p: p.start):
        if period.kind == "absolute" and period.has_months and not period.has_year and period.months:
            period = _year_from_publication(period, published)
        elif period.kind == "absolute" and period.has_year and not period.has_months and period.months is None and not period.flags:
            period = replace(period, flags=period.flags + (Flagged(Flag.MONTHS_OF_THIS_YEAR_NOT_STATED),))
        result.append(period)
    return result


def _year_from_publication(period: Period, published: dt.date | None) -> Period:
    """"в январе–сентябре" with no year: the latest such period complete at publication."""
    if published is None:
        return replace(period, flags=period.flags + (Flagged(Flag.YEAR_NEEDS_PUBLICATION_DATE, "not stated, and"),))
    year = published.year if published.month > period.months else published.year - 1
    return replace(period, year=year, has_year=True, note=f"year from the publication date ({published.isoformat()})",
                   flags=period.flags + (Flagged(Flag.YEAR_FROM_PUBLICATION_DATE, str(year)),))


def publication_flags(year: int | None, months: int | None, published: dt.date | None) -> tuple[int | None, list[Flagged]]:
    """A period checked against the publication date: the months (None when a full year was not over yet) and flags."""
    if published is None or year is None:
        return months, []
    if year > published.year:
        return months, [Flagged(Flag.YEAR_AFTER_PUBLICATION, str(year))]
    if year == published.year and months == 12:
        return None, [Flagged(Flag.YEAR_NOT_OVER, str(year))]
    if year == published.year and months and months >= published.month:
        return months, [Flagged(Flag.PERIOD_NOT_OVER, f"Jan–{months} {year}")]
    return months, []
