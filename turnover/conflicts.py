"""Figures that contradict each other: a full year below a part of the same year (same region, flow and basis)."""

import pandas as pd

from turnover.selection import same_basis

PAIR = ["region", "year", "flow"]
BASIS_COLUMNS = ["converted", "coverage", "stats"]


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
