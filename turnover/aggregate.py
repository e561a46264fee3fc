"""Series, rankings, federal-district sums and national shares over the displayed figures.

Only figures of total trade (goods, or goods and services) are compared; subsets stay in the tables.
Rankings and shares use full years only: a partial year is never ranked as if it were a full one.
"""

from collections.abc import Mapping
from functools import reduce

import numpy as np
import pandas as pd

from turnover.regions import Registry
from turnover.selection import BASIS_COLUMNS, POSITION, basis_differences, displayed_series, displayed_totals, rows, same_basis, total_rows
from turnover.vocabulary import is_federal_subject


def federal_subjects(regions: pd.DataFrame) -> pd.Series:
    """Which rows of the registry table (or any table with ``country`` and ``kind``) are Russian federal subjects."""
    return pd.Series([is_federal_subject(c, k) for c, k in zip(regions["country"], regions["kind"])], index=regions.index, dtype=bool)


def region_series(figures: pd.DataFrame, region: str, flow: str = "turnover") -> pd.DataFrame:
    """The displayed figures of one region and flow, oldest first; full and partial years both."""
    series = displayed_series(total_rows(figures, ["displayed", "year", "months"], flow, region, among=lambda frame: frame["displayed"]))
    return figures.iloc[[row[POSITION] for row in series]]


SIDES = ("BY", "RU")  # whose statistics: Belarus's and Russia's


def both_sides(figures: pd.DataFrame, region: str, flow: str = "turnover") -> pd.DataFrame:
    """The total-trade figures of one region and flow for the periods where Belarusian and Russian statistics (``stats``
    BY and RU) both give one: those of the two sides (displayed or not), oldest first."""
    paired = paired_sides(total_rows(figures, ["stats", "year", "months", "source_published"], flow, region, among=stated_by_both))
    return figures.iloc[[row[POSITION] for row in paired]]


def stated_by_both(figures: pd.DataFrame) -> np.ndarray:
    """Which of ``figures`` are one side's statistics (``stats`` in ``SIDES``) for a period (year and months) of which
    every side gives a figure among them: of one region's total-trade figures of one flow, the ones ``paired_sides``
    keeps; of a larger frame, a superset of them. Vectorised, for a large frame (a synthetic region's thousands)."""
    periods = figures["year"].to_numpy() * 100 + figures["months"].to_numpy()
    stats = figures["stats"].to_numpy()
    every_side = reduce(np.intersect1d, [periods[stats == side] for side in SIDES])
    return np.isin(periods, every_side) & np.isin(stats, SIDES)


def paired_sides(totals: list[dict]) -> list[dict]:
    """``both_sides`` of one region's ``total_rows`` of one flow (with ``stats``, ``year``, ``months`` and
    ``source_published``): ordered by period, side and publication date, so a side's newest figure comes last."""
    stated = [row for row in totals if row["stats"] in SIDES]
    sides: dict[tuple, set] = {}
    for row in stated:
        sides.setdefault((row["year"], row["months"]), set()).add(row["stats"])
    paired = [row for row in stated if len(sides[row["year"], row["months"]]) == len(SIDES)]
    return sorted(paired, key=lambda row: (row["year"], row["months"], row["stats"], row["source_published"]))


def subject_figures(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Full-year figures of Russian federal subjects for one year (the map's and ranking's input)."""
    chosen = displayed_totals(figures, flow)
    return chosen[chosen["full_year"] & (chosen["year"] == year) & chosen["federal_subject"]]


def ranking(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Russian regions by full-year figure for ``year``, largest first, with ``rank`` (ties share a rank): the profile's "n of m"."""
    return map_figures(figures, year, flow, bounds=False, tolerance=0)


def rank_in(table: pd.DataFrame, region: str) -> tuple[int, int] | None:
    """(rank, number of regions ranked) in a ``ranking`` table, or None when the region is not in it."""
    regions = table["region"].tolist()
    return (int(table["rank"].iloc[regions.index(region)]), len(table)) if region in regions else None


BEFORE = ["usd_mn", "period", "qualifier", *BASIS_COLUMNS]  # what a change reads of the year before, as ``{name}_before``
LOWER_BOUND = "at_least"  # "over $1bn": the figure may be any amount above, so no change is computed to or from it


def change_differences(row: Mapping, previous: Mapping) -> list[str]:
    """Why no like-for-like change joins two figures: the basis aspects they differ in (``selection.basis_differences``),
    and ``bound`` when either is a lower bound ("over $1bn" twice is not a change of 0 %)."""
    bound = LOWER_BOUND in (row.get("qualifier"), previous.get("qualifier"))
    return basis_differences(row, previous) + (["bound"] if bound else [])


def change_on_previous(series: pd.DataFrame) -> pd.DataFrame:
    """Like-for-like change: each figure against the same months of the year before, where that exists on the same
    basis (``selection.same_basis``); ``differences`` lists the aspects that kept a change from being computed."""
    columns = list(series.columns)
    changes = pd.DataFrame(changes_on_previous(rows(series, columns)), columns=[*columns, *(f"{name}_before" for name in BEFORE), "change_pct", "differences"])
    texts = {f"{name}_before": series[name].dtype for name in ("period", "qualifier", "coverage", "stats") if name in series.columns}
    converted = object if changes["converted_before"].isna().any() else bool  # True, False or NaN where a year before is missing
    return changes.astype({**series.dtypes, **texts, "usd_mn_before": float, "converted_before": converted, "change_pct": float})  # as a merge types them


def changes_on_previous(series: list[dict]) -> list[dict]:
    """``change_on_previous`` of a series given as ``rows`` (oldest first, with ``year``, ``months`` and ``BEFORE``):
    each row with ``{name}_before`` (NaN without a figure the year before), ``change_pct`` and ``differences``."""
    before = {(row["year"] + 1, row["months"]): row for row in series}
    changes = []
    for row in series:
        previous = before.get((row["year"], row["months"]))
        differences = change_differences(row, previous) if previous else []
        change = _percent_change(row["usd_mn"], previous["usd_mn"]) if previous and not differences else np.nan
        values = {f"{name}_before": previous.get(name, np.nan) if previous else np.nan for name in BEFORE}
        changes.append(row | values | {"change_pct": change, "differences": differences})
    return changes


def _percent_change(now: float, before: float) -> float:
    """As pandas divides: a zero before gives an infinite change, not an error."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float((np.float64(now) / before - 1) * 100)


def basis_runs(full: pd.DataFrame) -> pd.Series:
    """A label shared by consecutive full years of one basis: the series' line breaks at a missing year and
    wherever the basis changes (dollars to converted roubles, goods to goods and services, one side's statistics to the other's)."""
    labels, run, last = [""] * len(full), 0, None
    for row in sorted(rows(full, ["year", *BASIS_COLUMNS]), key=lambda row: row["year"]):
        if last is None or row["year"] - last["year"] != 1 or not same_basis(row, last):
            run += 1
        labels[row[POSITION]], last = str(run), row
    return pd.Series(labels, index=full.index)


def district_totals(figures: pd.DataFrame, registry: Registry, year: int, flow: str = "turnover", lang: str = "en") -> pd.DataFrame:
    """Per federal district (named in ``lang``): the sum of its regions' full-year figures and how many of its regions have one."""
    regions = registry.table
    subjects = regions[federal_subjects(regions) & (regions["federal_district"] != "")]
    counts = subjects.groupby("federal_district")["id"].count().rename("regions")
    chosen = subject_figures(figures, year, flow)
    sums = chosen.groupby("federal_district").agg(usd_mn=("usd_mn", "sum"), with_data=("region", "count"), approximate=("approximate", "any"))
    published = displayed_totals(figures, flow)
    published = published[published["full_year"] & (published["year"] == year) & (published["region_kind"] == "federal_district")]
    table = pd.concat([counts, sums], axis=1).fillna({"usd_mn": 0.0, "with_data": 0, "approximate": False})
    table = table.assign(
        with_data=table["with_data"].astype(int),
        name=[registry.name(district, lang) for district in table.index],
        published_usd_mn=table.index.map(published.set_index("region")["usd_mn"]),
    )
    return table.rename_axis("district").reset_index().sort_values("usd_mn", ascending=False)


SHARE_DIRECTION = {"exact": 0, "approx": 0, "at_least": 1, "at_most": -1}  # which way a bound moves a ratio's numerator


def share_qualifier(region: str, national: str) -> str:
    """How a share of two marked figures is marked: "over $5bn" of exactly $40bn is over 12.5%, $5bn of "almost
    $40bn" is over 12.5% too (a smaller total, a larger share); approximate when either is, or when the bounds pull
    opposite ways ("over" of "over" is bounded neither way)."""
    if "approx" in (region, national):
        return "approx"
    direction = SHARE_DIRECTION[region] - SHARE_DIRECTION[national]
    if direction:
        return "at_least" if direction > 0 else "at_most"
    return "exact" if region == national == "exact" else "approx"


def national_shares(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Each region's full-year figure as a share of the displayed national (RU) total of the same year, with
    ``share_qualifier`` marking a share that rests on an approximate or bound figure."""
    chosen = displayed_totals(figures, flow)
    national = chosen[chosen["full_year"] & (chosen["year"] == year) & (chosen["region"] == "RU")]
    table = ranking(figures, year, flow)
    if national.empty:
        return table.assign(share_pct=float("nan"), share_qualifier="", national_usd_mn=float("nan"), national_shown="", national_source="")
    row = national.iloc[0]
    return table.assign(
        share_pct=table["usd_mn"] / row["usd_mn"] * 100,
        share_qualifier=[share_qualifier(q, row["qualifier"]) for q in table["qualifier"]],
        national_usd_mn=row["usd_mn"],
        national_shown=row["shown"],
        national_source=f"{row['source_publisher']}, {row['source_published']}",
    )


MAX_TOLERANCE = 5  # years back a map may reach for a region's latest full year


def map_figures(figures: pd.DataFrame, year: int, flow: str = "turnover", bounds: bool = True, tolerance: int = 0) -> pd.DataFrame:
    """What the map and the ranking draw for ``year``: one figure per Russian region, largest first, with ``rank``.

    ``basis`` says what each figure is: ``full`` (the year's full-year figure), ``bound`` (no full year, but
    with ``bounds`` the year's longest partial figure stands as a lower bound of the full year, ranked by
    that bound) or ``earlier`` (within ``tolerance`` years before, the latest full year; partial years are
    never used for that). The year's own figures come first, then earlier years. ``ranking`` (the profile's
    "n of m") stays full years of ``year`` only.
    """
    columns = ["displayed", "federal_subject", "full_year", "region", "year", "months", "usd_mn"]
    based = []
    for row in total_rows(figures, columns, flow):
        basis = _map_basis(row, year, bounds) if row["displayed"] and row["federal_subject"] and year - tolerance <= row["year"] <= year else None
        if basis:
            based.append((basis, row))
    shown: dict[str, tuple] = {}  # per region, the first in this order: its year's full year, then bound, then the latest earlier year
    for basis, row in sorted(based, key=lambda pair: (MAP_BASES.index(pair[0]), -pair[1]["year"], -pair[1]["months"])):
        shown.setdefault(row["region"], (basis, row))
    table = sorted(shown.values(), key=lambda pair: -pair[1]["usd_mn"])  # largest first; ties keep that order
    bases = pd.array([basis for basis, _ in table], dtype="str")
    return figures.iloc[[row[POSITION] for _, row in table]].assign(basis=bases, rank=_shared_ranks([row["usd_mn"] for _, row in table]))


MAP_BASES = ("full", "bound", "earlier")  # what a map figure is, the preferred first


def _map_basis(figure: dict, year: int, bounds: bool) -> str | None:
    """What a displayed figure within the map's years would stand for (``MAP_BASES``), or None when the map never uses it."""
    if figure["full_year"]:
        return "full" if figure["year"] == year else "earlier"
    return "bound" if bounds and figure["year"] == year else None


def _shared_ranks(largest_first: list[float]) -> np.ndarray:
    """1, 2, 2, 4 ...: the rank of each value of a list sorted largest first, equal values sharing the best."""
    ranks: list[int] = []
    for i, value in enumerate(largest_first):
        ranks.append(ranks[-1] if i and value == largest_first[i - 1] else i + 1)
    return np.array(ranks, dtype=int)
