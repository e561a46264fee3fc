"""Column rules for each CSV as pandera schemas over the raw strings.

Every column is checked as text, so each bad cell yields one clear reason (no cascade of dtype
errors); ``validate.check_table`` turns pandera's failure cases into ``path:line: column: reason``.
"""

import datetime as dt

import pandas as pd
import pandera.pandas as pa

from turnover import vocabulary as v
from turnover.i18n import N_

NUMBER = r"[0-9]+(\.[0-9]+)?"  # ASCII digits only: Python's \d (and float()) also take Arabic-Indic and other digits
MAX_DIGITS = 15  # a float holds 15 significant digits; no published figure needs more
# Plausible annual averages per US dollar: roubles since the 1998 redenomination (5.8 in 1997's new roubles,
# about 100 at the 2022 peak), Belarusian roubles since the 2016 redenomination (BYN; 2000's 876 BYR are 0.09 BYN).
FX_BANDS = {"RUB": (1.0, 500.0), "BYN": (0.01, 20.0)}


CHECK_MESSAGES: dict[str, tuple[str, tuple[tuple[str, object], ...]]] = {}


def _error(message: str, **params) -> str:
    """The English error pandera reports for a failed check, remembered in CHECK_MESSAGES with its untranslated
    message and values so the problem can be read in any language."""
    text = message.format(**params) if params else message
    CHECK_MESSAGES[text] = (message, tuple(params.items()))
    return text


def _one_of(values, what: str) -> pa.Check:
    expected = ", ".join(x for x in values if x)
    if "" in values:
        return pa.Check.isin(list(values), error=_error(N_("unknown {what}; expected {expected} or blank"), what=what, expected=expected))
    return pa.Check.isin(list(values), error=_error(N_("unknown {what}; expected {expected}"), what=what, expected=expected))


def _required(what: str) -> pa.Check:
    return pa.Check.str_length(min_value=1, error=_error(N_("{what} is empty"), what=what))


def _matches(pattern: str, message: str) -> pa.Check:
    return pa.Check(lambda s: s.str.fullmatch(pattern), error=_error(message))


def _text(*checks: pa.Check) -> pa.Column:
    return pa.Column(str, checks=list(checks), nullable=False)


def _ascii_check(what: str) -> pa.Check:
    return pa.Check(lambda s: ~s.str.contains(r"[^\x00-\x7f]"), error=_error(N_("{what} holds characters other than ASCII (write digits as 0-9)"), what=what))


def _digits_check(what: str) -> pa.Check:
    return pa.Check(lambda s: s.str.count(r"[0-9]") <= MAX_DIGITS, error=_error(N_("{what} has more than {digits} digits; no published figure has that many"), what=what, digits=MAX_DIGITS))


def fx_outside_band(fx: pd.DataFrame) -> tuple[pd.Series, str, str]:
    """Which rates (numeric ``per_usd``) lie outside their currency's plausible band, the reason to give and its ``{bands}``."""
    low = fx["currency"].map(lambda c: FX_BANDS.get(c, (0.0, float("inf")))[0])
    high = fx["currency"].map(lambda c: FX_BANDS.get(c, (0.0, float("inf")))[1])
    bands = "; ".join(f"{c} {low:g} to {high:g}" for c, (low, high) in FX_BANDS.items())
    return ~fx["per_usd"].between(low, high), N_("per_usd is outside the plausible band per US dollar ({bands}; rates before a redenomination in the new units)"), bands


def _not_after_today() -> pa.Check:
    def fine(s):
        today = dt.date.today().isoformat()
        return (s == "") | (s.str.slice(0, 10) <= today)

    return pa.Check(fine, error=_error(N_("published is in the future")))


def _year_check() -> pa.Check:
    last = dt.date.today().year
    return pa.Check(
        lambda s: s.str.fullmatch(r"[0-9]{4}") & s.where(s.str.fullmatch(r"[0-9]{4}"), "0").astype(int).between(v.FIRST_YEAR, last),
        element_wise=False,
        error=_error(N_("year must be a number from {first} to {last}"), first=v.FIRST_YEAR, last=last),
    )


def _published_amount() -> dict[str, pa.Column]:
    """The value as published, its currency, scale and qualifier: the same checks in figures.csv and undated.csv."""
    return {
        "value": _text(
            pa.Check(lambda s: ~s.str.startswith("-"), error=_error(N_("value is negative"))),
            _matches(rf"-?{NUMBER}", N_("value is not a number (use digits and a dot, e.g. 4.4)")),
            _ascii_check("value"),
            _digits_check("value"),
        ),
        "currency": _text(_one_of(v.CURRENCIES, "currency")),
        "scale": _text(_one_of(tuple(v.SCALES), "scale")),
        "qualifier": _text(_one_of(v.QUALIFIERS, "qualifier")),
    }


FIGURES = pa.DataFrameSchema(
    {
        "region": _text(_required("region")),
        "year": _text(_year_check()),
        "months": _text(pa.Check.isin([str(m) for m in range(1, 13)], error=_error(N_("months must be a whole number from 1 to 12")))),
        "flow": _text(_one_of(v.FLOWS, "flow")),
        **_published_amount(),
        "coverage": _text(_one_of(v.COVERAGES, "coverage")),
        "stats": _text(_one_of(v.STATS, "stats")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)

SOURCES = pa.DataFrameSchema(
    {
        "id": _text(_required("id"), _matches(r"[A-Za-z0-9][A-Za-z0-9_.-]*", N_("id may hold only letters, digits, '-', '_' and '.'"))),
        "publisher": _text(_required("publisher")),
        "title": _text(_required("title")),
        "url": _text(_matches(r"(https?://\S+)?", N_("url must be blank or start with http:// or https://"))),
        "published": _text(
            _matches(r"([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?", N_("published must be a date: YYYY-MM-DD, YYYY-MM or YYYY, or blank when unknown")),
            _not_after_today(),
        ),
        "language": _text(_one_of(v.LANGUAGES, "language")),
        "kind": _text(_one_of(v.SOURCE_KINDS, "kind")),
    },
    strict=False,
)

FX = pa.DataFrameSchema(
    {
        "year": _text(_year_check()),
        "currency": _text(_one_of(tuple(c for c in v.CURRENCIES if c != "USD"), "currency")),
        "per_usd": _text(_matches(NUMBER, N_("per_usd is not a positive number")), pa.Check(lambda s: s.str.strip("0.") != "", error=_error(N_("per_usd is zero"))), _digits_check("per_usd")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)

UNDATED = pa.DataFrameSchema(
    {
        "region": _text(_required("region")),
        "period_text": _text(_required("period_text")),
        **_published_amount(),
        "flow": _text(_one_of(v.FLOWS, "flow")),
        "coverage": _text(_one_of(v.COVERAGES, "coverage")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)

REGIONS = pa.DataFrameSchema(
    {
        "id": _text(_required("id")),
        "name_en": _text(_required("name_en")),
        "name_ru": _text(_required("name_ru")),
        "kind": _text(_one_of(v.KINDS, "kind")),
        "country": _text(_one_of(("RU", "BY", "UA"), "country")),
    },
    strict=False,
)

COLUMNS = {
    "figures": ["region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "coverage", "stats", "source_id"],
    "sources": ["id", "publisher", "title", "url", "published", "language", "kind"],
    "fx": ["year", "currency", "per_usd", "source_id"],
    "regions": ["id", "name_en", "name_ru", "kind", "country"],
    "undated": ["region", "period_text", "value", "currency", "scale", "qualifier", "flow", "coverage", "source_id"],
}
OPTIONAL = {
    "figures": ("note",),
    "sources": (),
    "fx": (),
    "regions": ("name_de", "federal_district", "aliases"),
    "undated": ("note",),
}
SCHEMAS = {"figures": FIGURES, "sources": SOURCES, "fx": FX, "regions": REGIONS, "undated": UNDATED}

# --- ranks.csv: published ordinal statements (a place, or membership of a top group) -------------------------

_ORDINAL = r"([1-9]\d*)?"


def _share_check() -> pa.Check:
    return pa.Check(
        lambda s: s.eq("") | (s.str.fullmatch(NUMBER) & s.where(s.str.fullmatch(NUMBER), "0").astype(float).le(100)),
        element_wise=False,
        error=_error(N_("group_share_pct must be blank or a number from 0 to 100")),
    )


RANKS = pa.DataFrameSchema(
    {
        "region": _text(_required("region")),
        "year": _text(_year_check()),
        "months": _text(pa.Check.isin([str(m) for m in range(1, 13)], error=_error(N_("months must be a whole number from 1 to 12")))),
        "flow": _text(_one_of(v.FLOWS, "flow")),
        "rank": _text(_matches(_ORDINAL, N_("rank must be blank or a whole number from 1 (3 for '3rd')"))),
        "top": _text(_matches(_ORDINAL, N_("top must be blank or a whole number from 1 (10 for 'top 10')"))),
        "out_of": _text(_matches(_ORDINAL, N_("out_of must be blank or a whole number from 1"))),
        "group_share_pct": _text(_share_check()),
        "group_share_qualifier": _text(_one_of(("", *v.QUALIFIERS), "group_share_qualifier")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)
COLUMNS["ranks"] = ["region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier", "source_id"]
OPTIONAL["ranks"] = ("note",)
SCHEMAS["ranks"] = RANKS
