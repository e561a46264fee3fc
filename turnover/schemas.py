"""Column rules for each CSV as pandera schemas over the raw strings.

Every column is checked as text, so each bad cell yields one clear reason (no cascade of dtype
errors); ``validate.check_table`` turns pandera's failure cases into ``path:line: column: reason``.
"""

import datetime as dt

import pandera.pandas as pa

from turnover import vocabulary as v

NUMBER = r"\d+(\.\d+)?"


def _one_of(values, what: str) -> pa.Check:
    shown = ", ".join(x for x in values if x) + (" or blank" if "" in values else "")
    return pa.Check.isin(list(values), error=f"unknown {what}; expected {shown}")


def _required(what: str) -> pa.Check:
    return pa.Check.str_length(min_value=1, error=f"{what} is empty")


def _matches(pattern: str, error: str) -> pa.Check:
    return pa.Check(lambda s: s.str.fullmatch(pattern), error=error)


def _text(*checks: pa.Check) -> pa.Column:
    return pa.Column(str, checks=list(checks), nullable=False)


def _year_check() -> pa.Check:
    last = dt.date.today().year
    return pa.Check(
        lambda s: s.str.fullmatch(r"\d{4}") & s.where(s.str.fullmatch(r"\d{4}"), "0").astype(int).between(v.FIRST_YEAR, last),
        element_wise=False,
        error=f"year must be a number from {v.FIRST_YEAR} to {last}",
    )


FIGURES = pa.DataFrameSchema(
    {
        "region": _text(_required("region")),
        "year": _text(_year_check()),
        "months": _text(pa.Check.isin([str(m) for m in range(1, 13)], error="months must be a whole number from 1 to 12")),
        "flow": _text(_one_of(v.FLOWS, "flow")),
        "value": _text(
            pa.Check(lambda s: ~s.str.startswith("-"), error="value is negative"),
            _matches(rf"-?{NUMBER}", "value is not a number (use digits and a dot, e.g. 4.4)"),
        ),
        "currency": _text(_one_of(v.CURRENCIES, "currency")),
        "scale": _text(_one_of(tuple(v.SCALES), "scale")),
        "qualifier": _text(_one_of(v.QUALIFIERS, "qualifier")),
        "coverage": _text(_one_of(v.COVERAGES, "coverage")),
        "stats": _text(_one_of(v.STATS, "stats")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)

SOURCES = pa.DataFrameSchema(
    {
        "id": _text(_required("id"), _matches(r"[A-Za-z0-9][A-Za-z0-9_.-]*", "id may hold only letters, digits, '-', '_' and '.'")),
        "publisher": _text(_required("publisher")),
        "title": _text(_required("title")),
        "url": _text(_matches(r"(https?://\S+)?", "url must be blank or start with http:// or https://")),
        "published": _text(_matches(r"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?", "published must be a date: YYYY-MM-DD, YYYY-MM or YYYY, or blank when unknown")),
        "language": _text(_one_of(v.LANGUAGES, "language")),
    },
    strict=False,
)

FX = pa.DataFrameSchema(
    {
        "year": _text(_year_check()),
        "currency": _text(_one_of(tuple(c for c in v.CURRENCIES if c != "USD"), "currency")),
        "per_usd": _text(_matches(NUMBER, "per_usd is not a positive number"), pa.Check(lambda s: s.str.strip("0.") != "", error="per_usd is zero")),
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
    "sources": ["id", "publisher", "title", "url", "published", "language"],
    "fx": ["year", "currency", "per_usd", "source_id"],
    "regions": ["id", "name_en", "name_ru", "kind", "country"],
}
OPTIONAL = {
    "figures": ("note",),
    "sources": (),
    "fx": (),
    "regions": ("name_de", "federal_district", "aliases"),
}
SCHEMAS = {"figures": FIGURES, "sources": SOURCES, "fx": FX, "regions": REGIONS}

# --- ranks.csv: published ordinal statements (a place, or membership of a top group) -------------------------

_ORDINAL = r"([1-9]\d*)?"


def _share_check() -> pa.Check:
    return pa.Check(
        lambda s: s.eq("") | (s.str.fullmatch(NUMBER) & s.where(s.str.fullmatch(NUMBER), "0").astype(float).le(100)),
        element_wise=False,
        error="group_share_pct must be blank or a number from 0 to 100",
    )


RANKS = pa.DataFrameSchema(
    {
        "region": _text(_required("region")),
        "year": _text(_year_check()),
        "months": _text(pa.Check.isin([str(m) for m in range(1, 13)], error="months must be a whole number from 1 to 12")),
        "flow": _text(_one_of(v.FLOWS, "flow")),
        "rank": _text(_matches(_ORDINAL, "rank must be blank or a whole number from 1 (3 for '3rd')")),
        "top": _text(_matches(_ORDINAL, "top must be blank or a whole number from 1 (10 for 'top 10')")),
        "out_of": _text(_matches(_ORDINAL, "out_of must be blank or a whole number from 1")),
        "group_share_pct": _text(_share_check()),
        "group_share_qualifier": _text(_one_of(("", *v.QUALIFIERS), "group_share_qualifier")),
        "source_id": _text(_required("source_id")),
    },
    strict=False,
)
COLUMNS["ranks"] = ["region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier", "source_id"]
OPTIONAL["ranks"] = ("note",)
SCHEMAS["ranks"] = RANKS
