"""What the extractor could not decide, or took from elsewhere: a closed set of flags, each about one field.

Logic reads a flag's kind (``Flag``) and the field it is about; the text a reviewer sees is the flag's template
filled with the detail of the case ("region: the sentence also names RU-BRY").
"""

from dataclasses import dataclass
from enum import Enum


class Flag(Enum):
    # (field it is about, message template; {} takes the detail)
    PERIOD_NOT_STATED = ("period", "year and months: not stated")
    PERIOD_AMBIGUOUS = ("period", "period: several in the sentence, none next to the amount")
    PERIOD_INHERITED = ("period", "period taken from an earlier sentence")
    YEAR_NOT_STATED = ("year", "year: not stated")
    YEAR_NEEDS_PUBLICATION_DATE = ("year", "year: {} needs the publication date (--published)")
    YEAR_FROM_PUBLICATION_DATE = ("year", "year {} taken from the publication date")
    YEAR_AFTER_PUBLICATION = ("year", "year {} is after the publication date")
    YEAR_RANGE_IGNORED = ("year", "year range {} ignored")
    MONTHS_NOT_STATED = ("months", "months: not stated")
    MONTHS_NOT_FROM_JANUARY = ("months", "months: {} does not start in January: not representable")
    MONTHS_OF_THIS_YEAR_NOT_STATED = ("months", "months: 'this year' without the months covered")
    YEAR_NOT_OVER = ("months", "months: {} was not over when published (year to date?)")
    PERIOD_NOT_OVER = ("months", "months: {} was not over when published")
    REGION_NOT_NAMED = ("region", "region: not named")
    REGION_ONLY_AS_PLACE = ("region", "region: only named as a place ({})")
    REGION_OTHERS_NAMED = ("region", "region: the sentence also names {}")
    REGION_INHERITED = ("region", "region taken from an earlier sentence")
    FLOW_INHERITED = ("flow", "flow taken from an earlier sentence")
    FLOW_SIDE_UNKNOWN = ("flow", "flow: '{}' without saying whose (Belarus' or the region's)")
    FLOW_NOT_STATED = ("flow", "flow: not stated")
    CURRENCY_INHERITED = ("currency", "currency taken from the amount before it")
    CURRENCY_OUTSIDE_MODEL = ("currency", "currency: {} is not in the data model (USD, RUB, BYN)")
    CURRENCY_NOT_STATED = ("currency", "currency: not stated")
    SERVICES_ONLY = ("coverage", "coverage: services only, not in the data model")
    AGRI_FOOD_ONLY = ("coverage", "coverage: agri-food products only?")
    FORECAST = ("value", "a forecast or target? (future or plan wording)")
    SEVERAL_VALUES = ("value", "another figure for the same region, period and flow in this article (a conversion? the add step keeps one per source)")

    def __init__(self, field: str, template: str):
        self.field = field
        self.template = template


@dataclass(frozen=True)
class Flagged:
    """One flag raised on one candidate, with the detail of the case."""

    flag: Flag
    detail: str = ""

    def __str__(self) -> str:
        return self.flag.template.format(self.detail) if "{}" in self.flag.template else self.flag.template


def about(flags: list[Flagged], *fields: str) -> bool:
    """Whether any of ``flags`` is about one of ``fields`` ('year', 'months', ...)."""
    return any(f.flag.field in fields for f in flags)


def has(flags: list[Flagged], flag: Flag) -> bool:
    return any(f.flag is flag for f in flags)
