"""Which figure is displayed when several sources give the same region, period and flow.

The rule is data (``PREFERENCES``), so the sentence that explains it on the pages is generated from
the same list that sorts the figures (texts.displayed_rule) and the two cannot drift apart. The
others stay in the table as alternatives.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from turnover.i18n import N_
from turnover.vocabulary import SOURCE_KINDS, TOTAL_COVERAGES

TOTAL_SLOT = "total"  # goods and goods-and-services compete for one slot: both are total trade
SLOT = ["region", "year", "months", "flow", "total_or_coverage"]
QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2}
SOURCE_KIND_RANK = {kind: rank for rank, kind in enumerate(SOURCE_KINDS)}  # official statistics first, video last; unknown after all


@dataclass(frozen=True)
class Preference:
    """One step of the rule: figures with the smaller ``key`` win (or the larger, when not ``ascending``)."""

    name: str
    description: str  # an English phrase marked for translation; texts.displayed_rule translates it
    key: Callable[[pd.DataFrame], pd.Series]
    ascending: bool = True


PREFERENCES = (
    Preference("exact", N_("exact over approximate"), lambda f: f["qualifier"].map(QUALIFIER_RANK)),
    Preference("dollars", N_("dollars over converted roubles"), lambda f: f["converted"]),
    Preference("stated statistics", N_("stated statistics over speeches"), lambda f: f["stats"] == ""),
    Preference("goods", N_("goods over goods-and-services"), lambda f: f["coverage"] != "goods"),
    Preference("source kind", N_("official statistics over government over news agencies over other media over aggregators over video"), lambda f: f["source_kind"].map(SOURCE_KIND_RANK).fillna(len(SOURCE_KINDS))),
    Preference("newest", N_("newest first"), lambda f: f["source_published"].fillna(""), ascending=False),
)


BASIS = ("currency", "coverage", "stats")  # the aspects two figures must share to be joined or compared


def basis_differs(first, second) -> dict:
    """The basis rule, aspect by aspect: whether two figures differ in it (``True``), for two figures given as
    mappings of their columns, or element-wise for two aligned tables.

    ``currency``: both in dollars as published, or both converted (``converted``); ``coverage``: goods, or
    goods and services; ``stats``: whose statistics, where both state it (a blank matches either).
    """
    return {
        "currency": first["converted"] != second["converted"],
        "coverage": first["coverage"] != second["coverage"],
        "stats": (first["stats"] != "") & (second["stats"] != "") & (first["stats"] != second["stats"]),
    }


def basis_differences(first: Mapping, second: Mapping) -> list[str]:
    """The aspects of ``BASIS`` in which two figures differ: empty when they may be joined by a line or a change."""
    differs = basis_differs(first, second)
    return [aspect for aspect in BASIS if bool(differs[aspect])]


def same_basis(first, second):
    """Whether two figures (or, element-wise, the rows of two aligned tables) share their basis: only then does a
    change, a line or a comparison join them."""
    differs = basis_differs(first, second)
    apart = differs["currency"] | differs["coverage"] | differs["stats"]
    return ~apart if isinstance(apart, pd.Series) else not apart


def coverage_slot(coverage: str) -> str:
    """The slot a coverage competes in: every total-trade coverage shares one; a subset has its own."""
    return TOTAL_SLOT if coverage in TOTAL_COVERAGES else coverage


def slot_key(row: Mapping) -> tuple:
    """The slot of one figure given as a mapping of its columns (``add`` checks new rows with it)."""
    return (*(str(row[name]) for name in SLOT[:-1]), coverage_slot(row["coverage"]))


def mark_displayed(figures: pd.DataFrame) -> pd.DataFrame:
    """Add ``total_or_coverage``, ``displayed`` (one per slot) and ``alternatives`` (how many other figures share the slot).

    Only the few columns that decide are sorted, never the whole table (a million rows stay cheap).
    """
    slot = figures["coverage"].map({coverage: coverage_slot(coverage) for coverage in figures["coverage"].unique()})
    keys = pd.DataFrame({name: figures[name] for name in SLOT[:-1]}).assign(total_or_coverage=slot)
    ordering = [f"_{i}" for i in range(len(PREFERENCES))]
    keys = keys.assign(**{column: preference.key(figures) for column, preference in zip(ordering, PREFERENCES)})
    ranked = keys.sort_values(ordering, ascending=[p.ascending for p in PREFERENCES], kind="stable")
    displayed = (~ranked.duplicated(subset=SLOT, keep="first")).reindex(figures.index)
    size = keys.groupby(SLOT, sort=False)["year"].transform("size")
    return figures.assign(total_or_coverage=slot, displayed=displayed, alternatives=size - 1)


def displayed_totals(figures: pd.DataFrame, flow: str | None = None) -> pd.DataFrame:
    """The figures charts, rankings and sums use: the displayed one of each slot, total trade only, of ``flow`` (any when None)."""
    chosen = figures["displayed"] & figures["total"]
    if flow is not None:
        chosen &= figures["flow"] == flow
    return figures[chosen]
