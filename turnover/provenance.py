"""Tables for the Sources page: every figure with its provenance, search, and conflicts between sources."""

import re
from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from turnover.selection import PANDAS_ABOVE, SLOT, read_columns
from turnover.texts import labels, tables

PROVENANCE = [  # what the table reads of each figure; it is sorted by the first three
    *["region_name", "year", "months", "period", "flow", "published_text", "qualifier", "usd_mn", "coverage", "stats", "displayed"],
    *["source_publisher", "source_kind", "source_published", "source_title", "source_url", "note", "conversion"],
]
LINK = re.compile(r"https?://")


def provenance_table(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every figure with its source, by region, newest period first; the words in ``lang``.

    Built in plain Python from the columns it reads: on a region's few dozen figures pandas' fixed cost per
    operation is all there is (``selection.rows``). A larger table (a synthetic region's thousands) finds each
    column's words once per distinct value (``_by_value``)."""
    order = _newest_first(figures)
    if len(figures) > PANDAS_ABOVE:
        order = np.array(order)
        text, amounts = partial(_by_value, figures, order), read_columns(figures, ["usd_mn"], order)[0]
    else:
        columns = dict(zip(PROVENANCE, read_columns(figures, PROVENANCE, order)))
        text, amounts = partial(_by_row, columns), columns["usd_mn"]

    def words_for(words: dict) -> Callable:
        return lambda value: words.get(value, np.nan)

    headers = tables.provenance_headers(lang)
    return pd.DataFrame(
        {
            headers["region"]: text(["region_name"]),
            headers["period"]: text(["period"]),
            headers["flow"]: text(["flow"], words_for(labels.flow_labels(lang))),
            headers["published"]: text(["published_text"]),
            headers["qualifier"]: text(["qualifier"], words_for(labels.qualifier_labels(lang))),
            headers["usd_mn"]: np.round(np.array(amounts, dtype=float), 1),
            headers["coverage"]: text(["coverage"], words_for(labels.coverage_labels(lang))),
            headers["stats"]: text(["stats"], words_for(labels.stats_labels(lang))),
            headers["status"]: text(["displayed"], words_for(labels.status_labels(lang))),
            headers["publisher"]: text(["source_publisher"]),
            headers["kind"]: text(["source_kind"], words_for(labels.source_kind_labels(lang))),
            headers["date"]: text(["source_published"]),
            headers["title"]: text(["source_title"], lambda title: tables.source_title(title, lang)),
            headers["link"]: text(["source_url"], lambda url: url if LINK.match(url) else None),
            headers["note"]: text(["note", "conversion"], lambda note, conversion: f"{note} {conversion}".strip()),
        },
        index=figures.index[order],
    )


def _by_row(columns: dict[str, list], names: list[str], shown: Callable | None = None) -> pd.api.extensions.ExtensionArray:
    """A text column of the table from the ``columns`` read in the table's order: ``shown`` of the values of ``names``
    (the one column's values as they are without it), row by row; text also when there is no row, or no link."""
    values = [columns[name] for name in names]
    return pd.array(values[0] if shown is None else list(map(shown, *values)), dtype="str")


def _by_value(figures: pd.DataFrame, order: np.ndarray, names: list[str], shown: Callable | None = None) -> pd.api.extensions.ExtensionArray:
    """``_by_row`` on the table's own arrays: a column as it is taken in ``order``; ``shown`` applied once per
    distinct combination of values (thousands of figures have a few dozen publishers, kinds or notes), the column
    then taken from those."""
    if shown is None:
        return pd.array(figures[names[0]].array.take(order), dtype="str")
    combined = np.zeros(len(order), dtype=np.int64)
    distinct = []
    for name in names:
        codes, values = pd.factorize(figures[name], use_na_sentinel=False)
        codes = codes[order]
        combined = combined * len(values) + codes
        distinct.append((codes, values.tolist()))
    _, first, at = np.unique(combined, return_index=True, return_inverse=True)
    combinations = [[values[codes[row]] for codes, values in distinct] for row in first.tolist()]
    return pd.array([shown(*values) for values in combinations], dtype="str")[at.reshape(-1)]


def _newest_first(figures: pd.DataFrame) -> list[int]:
    """Positions of the figures by region name, then newest year and months first (ties in the frame's order)."""
    if len(figures) > PANDAS_ABOVE:
        keys = figures[PROVENANCE[:3]].reset_index(drop=True)
        return keys.sort_values(PROVENANCE[:3], ascending=[True, False, False]).index.tolist()
    names, years, months = (figures[name].tolist() for name in PROVENANCE[:3])
    return sorted(range(len(figures)), key=lambda i: (names[i], -years[i], -months[i]))


MAX_WORDS = 10  # words of a query looked at; each costs one pass over the figures
NUMBER = re.compile(r"\$?([0-9]+(?:\.[0-9]+)?)(bn|billion|b|mn|million|m)?")  # "4.4", "$4.4bn", "4400", "900m"
UNIT = {"bn": 1000.0, "billion": 1000.0, "b": 1000.0, "mn": 1.0, "million": 1.0, "m": 1.0}
DASHES = re.compile(r"[\u2010-\u2015]")


def _folded(text: pd.Series) -> pd.Series:
    """Lower case, every dash a hyphen, ё as е: "Jan–Sep" and "jan-sep" alike."""
    return text.str.casefold().str.replace(DASHES, "-", regex=True).str.replace("ё", "е", regex=False)


def _number_matches(figures: pd.DataFrame, word: str) -> pd.Series | None:
    """Where a number in the query ("4.4", "$4.4bn", "4400", "2023") is the figure's value, in US$ billion or
    million or as published (to the query's decimals), or its year; None when ``word`` is not a number."""
    match = NUMBER.fullmatch(word.replace(",", ""))
    if not match:
        return None
    number, unit = float(match[1]), match[2]
    decimals = len(match[1].partition(".")[2])
    if unit:
        return pd.Series(np.round(figures["usd_mn"].to_numpy() / UNIT[unit], decimals) == number, index=figures.index)
    hits = (np.round(figures["usd_mn"].to_numpy() / 1000, decimals) == number) | (np.round(figures["usd_mn"].to_numpy(), decimals) == number)
    hits |= np.round(figures["value"].to_numpy(dtype=float), decimals) == number
    return pd.Series(hits | (figures["year"].to_numpy() == number), index=figures.index)


def search_figures(figures: pd.DataFrame, query: str, only_conflicts: bool) -> pd.DataFrame:
    """Figures that match every word of ``query``: a number by value or year (``_number_matches``), any other
    word by region (English or Russian), period, figure, publisher, kind of source, title or note (case-insensitive)."""
    found = figures[figures["alternatives"] > 0] if only_conflicts else figures
    words = _folded(pd.Series(query.split()[:MAX_WORDS], dtype=str))
    if words.empty or found.empty:
        return found
    columns = ["region_name", "region_name_ru", "period", "shown", "published_text", "source_publisher", "source_kind", "source_title", "note"]
    text = found[columns[0]].astype(str)
    for column in columns[1:]:
        text = text + " " + found[column].fillna("").astype(str)
    text = _folded(text.str.replace("_", " ", regex=False))  # "news_agency" found as "news agency"
    keep = pd.Series(True, index=found.index)
    for word in words:
        by_number = _number_matches(found, word)
        keep &= by_number if by_number is not None else text.str.contains(word, regex=False)
    return found[keep]


def conflicting(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures of slots where sources disagree (different US$ values to a tenth of a million), by region and period."""
    clashing = figures[figures["alternatives"] > 0]
    spread = clashing.assign(rounded=clashing["usd_mn"].round(1)).groupby(SLOT)["rounded"].transform("nunique")
    return clashing[spread > 1].sort_values(["region_name", "year", "months", "displayed"], ascending=[True, False, False, False])


def conflict_count(figures: pd.DataFrame) -> int:
    """How many slots (region, period, flow, coverage) have sources that disagree: counted on the data, not on display text."""
    return len(conflicting(figures).drop_duplicates(SLOT))


def conflicts(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Region-periods where sources disagree (different US$ values), each figure on its own line."""
    clashing = conflicting(figures)
    headers = tables.conflict_headers(lang)
    flows = labels.flow_labels(lang)
    return pd.DataFrame(
        {
            headers["slot"]: [tables.conflict_slot(r, p, flows[f], lang) for r, p, f in zip(clashing["region_name"], clashing["period"], clashing["flow"])],
            headers["figure"]: clashing["shown"],
            headers["published"]: clashing["published_text"],
            headers["status"]: clashing["displayed"].map(labels.status_labels(lang)),
            headers["stats"]: clashing["stats"].map(labels.stats_labels(lang)),
            headers["source"]: [labels.cited_source(p, d, lang) for p, d in zip(clashing["source_publisher"], clashing["source_published"])],
        },
        index=clashing.index,
    )
