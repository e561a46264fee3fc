"""Figures that contradict each other: a full year below a part of the same year (same region, flow and basis)."""

import pandas as pd

from turnover.selection import same_basis

PAIR = ["region", "year", "flow"]
BASIS_COLUMNS = ["converted", "coverage", "stats"]


def partial_above_full(figures: pd.DataFrame) -> pd.DataFrame:
    """Each (full year, partial year) pair of total-trade figures of one region, year and flow, on the same basis,
    where the full year is the smaller: one row per pair, the full year's columns plain, the partial year's with ``_part``."""
    totals = figures[figures["total"]]
    full, partial = totals[totals["full_year"]], totals[~totals["full_year"]]
    pairs = full.merge(partial, on=PAIR, suffixes=("", "_part"))
    pairs = pairs[pairs["usd_mn"] < pairs["usd_mn_part"]]
    same = [same_basis(row, {c: row[f"{c}_part"] for c in BASIS_COLUMNS}) for _, row in pairs.iterrows()]
    return pairs[pd.Series(same, index=pairs.index, dtype=bool)].reset_index(drop=True)
