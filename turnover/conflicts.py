"""Figures that contradict each other: a full year below a part of the same year (same region, flow and basis)."""

import math

import pandas as pd

from turnover.selection import BASIS_COLUMNS, same_basis

PAIR = ["region", "year", "flow"]
PAIRABLE = [*PAIR, *BASIS_COLUMNS, "full_year", "usd_mn"]  # the columns ``pairable`` reads


def partial_above_full(figures: pd.DataFrame) -> pd.DataFrame:
    """Each full-year total-trade figure below a partial-year figure of the same region, year and flow on the same
    basis (``selection.same_basis``), against the largest such partial year: one row per full year, its columns
    plain, the partial year's with ``_part``. Only a few columns are joined, so a million figures stay cheap."""
    totals = figures.loc[figures["total"], [*PAIR, *BASIS_COLUMNS, "full_year", "usd_mn", "line", "period", "shown", "source_publisher"]]
    full, partial = totals[totals["full_year"]], totals[~totals["full_year"]]
    largest = partial.sort_values("usd_mn").groupby([*PAIR, *BASIS_COLUMNS], sort=False).tail(1)  # the one to beat, per exact basis
    pairs = full.merge(largest, on=PAIR, suffixes=("", "_part"))
    pairs = pairs[pairs["usd_mn"] < pairs["usd_mn_part"]]
    pairs = pairs[same_basis(pairs, pairs[[f"{c}_part" for c in BASIS_COLUMNS]].set_axis(BASIS_COLUMNS, axis=1))]
    return pairs.sort_values("usd_mn_part").groupby("line", sort=False).tail(1).sort_values("line").reset_index(drop=True)


def pairable(totals: pd.DataFrame) -> pd.Series:
    """Which of a view's total-trade figures ``partial_above_full_rows`` can pair: every full year, and each partial
    year that is the largest of its year on its exact basis (the largest above a full year on its basis is one of
    those, whichever way a blank ``stats`` matches). Lets a large view read a few of its thousands of figures."""
    partial = ~totals["full_year"]
    largest = totals["usd_mn"].where(partial).groupby([totals[c] for c in [*PAIR, *BASIS_COLUMNS]], dropna=False).transform("max")
    return totals["full_year"] | (partial & (totals["usd_mn"] == largest))


def partial_above_full_rows(totals: list[dict]) -> list[tuple[dict, dict]]:
    """``partial_above_full`` for the total-trade figures of a view, given as ``selection.rows`` (with ``PAIR``,
    ``BASIS_COLUMNS``, ``full_year``, ``usd_mn`` and ``line``): (full year, largest such partial year) pairs, by
    the full year's line. Plain Python: on a region's few dozen figures pandas' merges cost a hundred times more.

    Each year's partial years are looked at largest first (of equal ones, the later first), so a full year stops
    at the first on its basis: a synthetic region's thousands of figures are not compared pair by pair."""
    partials: dict[tuple, list[dict]] = {}
    for row in reversed(totals):
        if not row["full_year"] and not math.isnan(row["usd_mn"]):
            partials.setdefault(tuple(row[c] for c in PAIR), []).append(row)
    for parts in partials.values():
        parts.sort(key=lambda part: part["usd_mn"], reverse=True)  # stable: the later of equal ones stays first
    pairs = []
    for full in (row for row in totals if row["full_year"]):
        for part in partials.get(tuple(full[c] for c in PAIR), []):
            if not full["usd_mn"] < part["usd_mn"]:
                break
            if same_basis(full, part):
                pairs.append((full, part))
                break
    return sorted(pairs, key=lambda pair: pair[0]["line"])
