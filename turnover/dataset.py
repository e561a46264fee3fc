"""Load the curated CSVs into one typed, validated data set with the derived columns the views need."""

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from turnover import cache, paths
from turnover.formatting import format_published, format_usd_mn, with_qualifier
from turnover.periods import period_label
from turnover.problems import Problem, display_path
from turnover.aggregate import federal_subjects
from turnover.ranks import load_ranks
from turnover.regions import Registry, load_registry
from turnover.selection import displayed_totals, mark_displayed
from turnover.validate import FIGURE_KEY, check_unique, read_table, reject
from turnover.vocabulary import SCALES, TOTAL_COVERAGES


@dataclass
class Dataset:
    """The loaded data, with indexes built once so a view never scans the whole table on a widget change."""

    figures: pd.DataFrame
    sources: pd.DataFrame  # indexed by id
    fx: pd.DataFrame
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    ranks: pd.DataFrame = field(default_factory=pd.DataFrame)  # published places and top groups (data/ranks.csv)

    @cached_property
    def _by_region(self) -> dict[str, pd.DataFrame]:
        return dict(tuple(self.figures.groupby("region", sort=False)))

    @cached_property
    def _chosen_by_year(self) -> dict[int, pd.DataFrame]:
        chosen = displayed_totals(self.figures)
        return dict(tuple(chosen.groupby("year", sort=False)))

    def for_region(self, region: str) -> pd.DataFrame:
        """Every figure of one region: displayed, alternatives, subsets."""
        return self._by_region.get(region, self.figures.iloc[0:0])

    def for_year(self, year: int) -> pd.DataFrame:
        """The displayed total-trade figures of one year, every region and flow (the input of rankings and sums)."""
        return self._chosen_by_year.get(year, self.figures.iloc[0:0])

    def for_regions(self, regions: list[str]) -> pd.DataFrame:
        parts = [self.for_region(region) for region in regions]
        return pd.concat(parts) if parts else self.figures.iloc[0:0]

    @cached_property
    def regions(self) -> list[str]:
        """Regions with at least one figure, by English name."""
        return sorted(self._by_region, key=self.registry.name)

    @cached_property
    def subjects_per_year(self) -> dict[int, int]:
        """How many Russian regions have a full-year figure, per year."""
        subjects = self.figures[self.figures["full_year"] & self.figures["federal_subject"]]
        return subjects.groupby("year")["region"].nunique().to_dict()

    @cached_property
    def federal_subjects(self) -> list[str]:
        """Russian federal subjects with at least one figure, by English name (the regions one compares)."""
        subject = federal_subjects(self.registry.table)
        return [region for region in self.regions if subject.get(region, False)]

    @cached_property
    def years(self) -> list[int]:
        """Years with a displayed figure, newest first."""
        return sorted(self._chosen_by_year, reverse=True)


def load_dataset(data_dir: Path | None = None, geo_dir: Path | None = None) -> Dataset:
    """Read, validate and derive. Bad rows are left out and listed in ``problems``; good rows all stay."""
    data_dir = Path(data_dir or paths.data_dir())
    geo_dir = Path(geo_dir or paths.geo_dir())
    registry, problems = load_registry(geo_dir / "regions.csv")
    sources, more = _load_sources(data_dir / "sources.csv")
    problems += more
    fx, more = _load_fx(data_dir / "fx.csv", sources)
    problems += more
    figures_csv = data_dir / "figures.csv"
    inputs = [figures_csv, data_dir / "sources.csv", data_dir / "fx.csv", geo_dir / "regions.csv"]
    figures, more = cache.figures_cached(figures_csv, inputs, lambda: _load_figures(figures_csv, registry, sources, fx))
    problems += more
    ranks, more = load_ranks(data_dir / "ranks.csv", registry, sources)
    problems += more
    return Dataset(figures, sources, fx, registry, sorted(problems), ranks)


def _load_sources(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    sources, problems = read_table(path, "sources")
    sources, repeats = check_unique(sources, ["id"], display_path(path), "source id")
    return sources.set_index("id", drop=False), problems + repeats


def _load_fx(path: Path, sources: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    fx, problems = read_table(path, "fx")
    shown = display_path(path)
    fx, more = reject(fx, ~fx["source_id"].isin(sources.index), shown, "source_id", "unknown source_id (not in sources.csv)")
    problems += more
    fx, more = check_unique(fx, ["year", "currency"], shown, "rate")
    fx = fx.assign(year=fx["year"].astype(int), per_usd=fx["per_usd"].astype(float))
    return fx, problems + more


def _load_figures(path: Path, registry: Registry, sources: pd.DataFrame, fx: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    figures, problems = read_table(path, "figures")
    shown = display_path(path)
    unknown = ~figures["region"].isin(registry.table.index)
    figures, more = reject(figures, unknown, shown, "region", figures.loc[unknown, "region"].map(registry.why_unknown))
    problems += more
    figures, more = reject(figures, ~figures["source_id"].isin(sources.index), shown, "source_id", "unknown source_id (not in sources.csv)")
    problems += more
    figures, more = check_unique(figures, FIGURE_KEY, shown, "figure")
    problems += more
    figures = _typed(figures)
    figures = _convert_to_usd(figures, fx)
    no_rate = figures["usd_mn"].isna()
    figures, more = reject(figures, no_rate, shown, "currency", figures["currency"] + "/USD rate for " + figures["year"].astype(str) + " missing in fx.csv")
    problems += more
    figures = _describe(figures, registry, sources)
    return mark_displayed(figures).reset_index(drop=True), problems


def _typed(figures: pd.DataFrame) -> pd.DataFrame:
    return figures.assign(
        year=figures["year"].astype(int),
        months=figures["months"].astype(int),
        value=figures["value"].astype(float),
        note=figures["note"].fillna(""),
    )


def _convert_to_usd(figures: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """USD millions for every figure; rouble (or BYN) figures at the year's average rate, disclosed."""
    rates = fx.set_index(["year", "currency"])["per_usd"]
    keys = pd.MultiIndex.from_arrays([figures["year"], figures["currency"]])
    per_usd = np.where(figures["currency"] == "USD", 1.0, rates.reindex(keys).to_numpy())
    usd_mn = figures["value"] * figures["scale"].map(SCALES) / 1e6 / per_usd
    return figures.assign(usd_mn=usd_mn, fx_rate=np.where(figures["currency"] == "USD", np.nan, per_usd), converted=figures["currency"] != "USD")


def _per_distinct(figures: pd.DataFrame, columns: list[str], make) -> pd.Series:
    """``make(*row)`` for every row, computed once per distinct combination (a million rows repeat a lot)."""
    distinct = figures[columns].drop_duplicates()
    texts = [make(*values) for values in zip(*(distinct[c].tolist() for c in columns))]
    keys = pd.MultiIndex.from_frame(distinct) if len(columns) > 1 else pd.Index(distinct[columns[0]])
    lookup = pd.Series(texts, index=keys)
    wanted = pd.MultiIndex.from_frame(figures[columns]) if len(columns) > 1 else pd.Index(figures[columns[0]])
    return pd.Series(lookup.reindex(wanted).to_numpy(), index=figures.index)


def _describe(figures: pd.DataFrame, registry: Registry, sources: pd.DataFrame) -> pd.DataFrame:
    regions = registry.table
    period = _per_distinct(figures, ["year", "months"], period_label)
    published = _per_distinct(figures, ["value", "currency", "scale"], format_published)
    shown = _per_distinct(figures, ["usd_mn", "qualifier"], lambda usd, qualifier: with_qualifier(format_usd_mn(usd), qualifier))
    conversion = np.where(
        figures["converted"],
        "converted from " + published + " at " + figures["fx_rate"].round(2).astype(str) + " " + figures["currency"] + "/USD (" + figures["year"].astype(str) + " average)",
        "",
    )
    source = sources.reindex(figures["source_id"])
    return figures.assign(
        period=period,
        full_year=figures["months"] == 12,
        approximate=figures["qualifier"] != "exact",
        total=figures["coverage"].isin(TOTAL_COVERAGES),
        published_text=published,
        shown=shown,
        conversion=conversion,
        region_name=figures["region"].map(regions["name_en"]),
        region_name_ru=figures["region"].map(regions["name_ru"]),
        region_kind=figures["region"].map(regions["kind"]),
        federal_subject=figures["region"].map(federal_subjects(regions)).fillna(False).astype(bool),
        federal_district=figures["region"].map(regions["federal_district"]).fillna(""),
        source_publisher=source["publisher"].to_numpy(),
        source_title=source["title"].to_numpy(),
        source_url=source["url"].to_numpy(),
        source_published=source["published"].to_numpy(),
    )
