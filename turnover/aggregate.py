"""Series, rankings, federal-district sums and national shares over the displayed figures.

Only figures of total trade (goods, or goods and services) are compared; subsets stay in the tables.
Rankings and shares use full years only: a partial year is never ranked as if it were a full one.
"""

import pandas as pd

from turnover.regions import Registry
from turnover.selection import basis_differences, displayed_totals, same_basis
from turnover.vocabulary import is_federal_subject


def federal_subjects(regions: pd.DataFrame) -> pd.Series:
    """Which rows of the registry table (or any table with ``country`` and ``kind``) are Russian federal subjects."""
    return pd.Series([is_federal_subject(c, k) for c, k in zip(regions["country"], regions["kind"])], index=regions.index, dtype=bool)


def region_series(figures: pd.DataFrame, region: str, flow: str = "turnover") -> pd.DataFrame:
    """The displayed figures of one region and flow, oldest first; full and partial years both."""
    series = displayed_totals(figures, flow)
    return series[series["region"] == region].sort_values(["year", "months"])


def both_sides(figures: pd.DataFrame, region: str, flow: str = "turnover") -> pd.DataFrame:
    """The total-trade figures of one region and flow for the periods where Belarusian and Russian statistics (``stats``
    BY and RU) both give one: those of the two sides (displayed or not), oldest first."""
    stated = figures[(figures["region"] == region) & (figures["flow"] == flow) & figures["total"] & figures["stats"].isin(["BY", "RU"])]
    if stated["stats"].nunique() < 2:  # most regions: one side's statistics at most, nothing to pair (and no grouping to pay for)
        return stated.iloc[0:0]
    sides = stated.groupby(["year", "months"])["stats"].transform("nunique")
    return stated[sides == 2].sort_values(["year", "months", "stats", "source_published"])


def subject_figures(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Full-year figures of Russian federal subjects for one year (the map's and ranking's input)."""
    chosen = displayed_totals(figures, flow)
    return chosen[chosen["full_year"] & (chosen["year"] == year) & chosen["federal_subject"]]


def ranking(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Russian regions by full-year figure for ``year``, largest first, with ``rank`` (ties share a rank): the profile's "n of m"."""
    return map_figures(figures, year, flow, bounds=False, tolerance=0)


def rank_in(table: pd.DataFrame, region: str) -> tuple[int, int] | None:
    """(rank, number of regions ranked) in a ``ranking`` table, or None when the region is not in it."""
    row = table[table["region"] == region]
    return (int(row["rank"].iloc[0]), len(table)) if len(row) else None


def change_on_previous(series: pd.DataFrame) -> pd.DataFrame:
    """Like-for-like change: each figure against the same months of the year before, where that exists on the same
    basis (``selection.same_basis``); ``differences`` lists the aspects that kept a change from being computed."""
    basis = ["converted", "coverage", "stats"]
    previous = series[["year", "months", "usd_mn", "period", *basis]].assign(year=series["year"] + 1)
    joined = series.merge(previous, on=["year", "months"], how="left", suffixes=("", "_before"))
    differences = [
        [] if pd.isna(row["usd_mn_before"]) else basis_differences(row, {name: row[f"{name}_before"] for name in basis})
        for _, row in joined.iterrows()
    ]
    change = (joined["usd_mn"] / joined["usd_mn_before"] - 1) * 100
    comparable = pd.Series([not d for d in differences], index=joined.index)
    return joined.assign(change_pct=change.where(comparable), differences=differences)


def basis_runs(full: pd.DataFrame) -> pd.Series:
    """A label shared by consecutive full years of one basis: the series' line breaks at a missing year and
    wherever the basis changes (dollars to converted roubles, goods to goods and services, one side's statistics to the other's)."""
    ordered = full.sort_values("year")
    records = ordered.to_dict("records")
    breaks = [i == 0 or row["year"] - records[i - 1]["year"] != 1 or not same_basis(row, records[i - 1]) for i, row in enumerate(records)]
    return pd.Series(pd.Series(breaks).cumsum().astype(str).to_numpy(), index=ordered.index).reindex(full.index)


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


def national_shares(figures: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Each region's full-year figure as a share of the displayed national (RU) total of the same year."""
    chosen = displayed_totals(figures, flow)
    national = chosen[chosen["full_year"] & (chosen["year"] == year) & (chosen["region"] == "RU")]
    table = ranking(figures, year, flow)
    if national.empty:
        return table.assign(share_pct=float("nan"), national_usd_mn=float("nan"), national_shown="", national_source="")
    row = national.iloc[0]
    return table.assign(
        share_pct=table["usd_mn"] / row["usd_mn"] * 100,
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
    chosen = displayed_totals(figures, flow)
    chosen = chosen[chosen["federal_subject"] & chosen["year"].between(year - tolerance, year)]
    full = chosen[chosen["full_year"]].assign(basis=lambda t: t["year"].map(lambda y: "full" if y == year else "earlier"))
    parts = [full]
    if bounds:
        parts.append(chosen[~chosen["full_year"] & (chosen["year"] == year)].assign(basis="bound"))
    order = {"full": 0, "bound": 1, "earlier": 2}
    table = pd.concat(parts)
    table = table.assign(_order=table["basis"].map(order)).sort_values(["_order", "year", "months"], ascending=[True, False, False], kind="stable")
    table = table.drop_duplicates("region").drop(columns="_order").sort_values("usd_mn", ascending=False, kind="stable")
    return table.assign(rank=table["usd_mn"].rank(ascending=False, method="min").astype(int))
