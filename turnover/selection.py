"""Which figure is displayed when several sources give the same region, period and flow.

The rule is data (``PREFERENCES``), so the sentence that explains it on the pages is generated from
the same list that sorts the figures (texts.displayed_rule) and the two cannot drift apart. The
others stay in the table as alternatives.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
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
BASIS_COLUMNS = ["converted", "coverage", "stats"]  # the columns the basis rule reads


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


POSITION = "_position"  # where ``rows`` keeps a row's position in its frame (for ``frame.iloc``)
PANDAS_ABOVE = 2000  # rows: a frame this large (a synthetic million's region) is filtered and read with vectorised operations


def rows(frame: pd.DataFrame, columns: Sequence[str], positions: Sequence[int] | None = None) -> list[dict]:
    """The rows of ``frame`` (those at ``positions``, in that order) as plain dicts of ``columns``, each with its
    position in the frame under ``POSITION``.

    A view reads one region's or one year's figures, a few dozen: plain Python filters, sorts and groups that
    many times faster than pandas, whose fixed cost per operation (tens of microseconds, each string column
    its own Arrow array) is all there is on so few rows. Only the columns asked for are read.
    """
    if positions is None:
        positions = range(len(frame))
    names = (POSITION, *columns)
    return [dict(zip(names, row)) for row in zip(positions, *read_columns(frame, columns, positions))]


def read_columns(frame: pd.DataFrame, columns: Sequence[str], positions: Sequence[int]) -> list[list]:
    """The values of ``columns`` at ``positions``, as lists (``rows``)."""
    if isinstance(positions, range) and len(positions) == len(frame):
        return [frame[column].tolist() for column in columns]
    if len(frame) > PANDAS_ABOVE:
        return [frame[column].take(positions).tolist() for column in columns]
    return [[values[i] for i in positions] for values in (frame[column].tolist() for column in columns)]


def total_rows(figures: pd.DataFrame, columns: Sequence[str], flow: str, region: str | None = None, among: Callable[[pd.DataFrame], pd.Series | np.ndarray] | None = None) -> list[dict]:
    """The total-trade figures of ``flow`` (of ``region`` where given) as ``rows`` of ``columns``, in the frame's order.

    ``among``: of a large frame, which figures (a boolean column of it) are all the caller looks at, so that only those
    rows are read (a synthetic region's thousands of figures, of which a view wants a few hundred); not applied to a
    small frame, whose plain-Python reading costs less than the mask."""
    if len(figures) > PANDAS_ABOVE:
        wanted = figures["total"] & (figures["flow"] == flow) & ((figures["region"] == region) if region is not None else True)
        if among is not None:
            wanted &= among(figures)
        return rows(figures, columns, np.flatnonzero(wanted.to_numpy()).tolist())
    keep = [total and figure_flow == flow for total, figure_flow in zip(figures["total"].tolist(), figures["flow"].tolist())]
    if region is not None:
        keep = [kept and figure_region == region for kept, figure_region in zip(keep, figures["region"].tolist())]
    return rows(figures, columns, [i for i, kept in enumerate(keep) if kept])


def displayed_series(totals: list[dict]) -> list[dict]:
    """Of one region's ``total_rows`` of one flow (with ``displayed``, ``year`` and ``months``), the displayed ones, oldest first."""
    return sorted((row for row in totals if row["displayed"]), key=lambda row: (row["year"], row["months"]))


def displayed_totals(figures: pd.DataFrame, flow: str | None = None) -> pd.DataFrame:
    """The figures charts, rankings and sums use: the displayed one of each slot, total trade only, of ``flow`` (any when None)."""
    chosen = figures["displayed"] & figures["total"]
    if flow is not None:
        chosen &= figures["flow"] == flow
    return figures[chosen]
