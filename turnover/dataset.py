"""Load the curated CSVs into one typed, validated data set with the derived columns the views need."""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from turnover import cache, paths
from turnover.boundaries import BOUNDARY_FILES, check_boundaries
from turnover.conflicts import partial_above_full
from turnover.formatting import format_published, format_usd_mn, with_qualifier
from turnover.i18n import N_, gettext_for
from turnover.periods import period_label
from turnover.aggregate import federal_subjects
from turnover.problems import WARNING, Problem, display_path
from turnover.ranks import load_ranks, published_ranks
from turnover.regions import Registry, load_registry
from turnover.schemas import fx_outside_band
from turnover.selection import displayed_totals, mark_displayed
from turnover.validate import FIGURE_KEY, UNKNOWN_SOURCE, check_unique, read_table, reject
from turnover.texts.tables import conversion_note
from turnover.vocabulary import SCALES, TOTAL_COVERAGES

CLOSEST_BUDGET = 50  # distinct unknown region names for which the closest known names are searched
MAX_USD_MN = 1_000_000  # US$ 1 trillion: more than Russia's whole foreign trade; a figure above it is refused
SOURCE_MISSING = N_("source missing (sources.csv could not be read)")  # publisher and title of figures whose source is unknown
REGIONAL_FACTOR = 1.5  # a regional figure above this multiple of the year's national total is flagged


@dataclass
class Dataset:
    """The loaded data, with indexes built once so a view never scans the whole table on a widget change."""

    figures: pd.DataFrame
    sources: pd.DataFrame  # indexed by id
    fx: pd.DataFrame
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    undated: pd.DataFrame = field(default_factory=pd.DataFrame)  # statements with no clean period, validated, never charted
    ranks: pd.DataFrame = field(default_factory=pd.DataFrame)  # published places and top groups (data/ranks.csv)
    _languages: dict[str, "Dataset"] = field(default_factory=dict, repr=False, compare=False)  # every language's instance, shared by them

    def in_language(self, lang: str) -> "Dataset":
        """The same rows with the words derived for display (period, figures, conversion, region names, "source missing") in ``lang``.

        The loaded data set is the English one. Another language is derived from it once and kept: a data set
        does not change after loading, so every page of a session reuses it. Any language's instance answers
        for all of them (``in_language("ru").in_language("en")`` is the loaded data set).
        """
        languages = self._languages
        if not languages:
            languages["en"] = self
        if lang not in languages:
            english = languages["en"]
            figures = english.figures.assign(**_display_columns(english.figures, lang), region_name=english._region_names(english.figures["region"], lang))
            if english.sources.empty:  # sources.csv unreadable: every figure says its source is missing
                missing = gettext_for(lang)(SOURCE_MISSING)
                figures = figures.assign(source_publisher=missing, source_title=missing)
            ranks = english.ranks
            if "region_name" in ranks:
                ranks = ranks.assign(region_name=english._region_names(ranks["region"], lang))
            languages[lang] = replace(english, figures=figures, ranks=ranks, _languages=languages)
        return languages[lang]

    def _region_names(self, regions: pd.Series, lang: str) -> pd.Series:
        """The registry's names in ``lang`` (``name_ru``), English where the registry has no such column or name."""
        table = self.registry.table
        english = regions.map(table["name_en"])
        return regions.map(table["name_" + lang]).fillna(english) if "name_" + lang in table else english

    @cached_property
    def _by_region(self) -> dict[str, pd.DataFrame]:
        return dict(tuple(self.figures.groupby("region", sort=False)))

    @cached_property
    def _chosen_by_year(self) -> dict[int, pd.DataFrame]:
        chosen = displayed_totals(self.figures)
        return dict(tuple(chosen.groupby("year", sort=False)))

    @cached_property
    def _published_ranks(self) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        published = published_ranks(self.ranks, self.sources)
        return published.iloc[0:0], dict(tuple(published.groupby("region", sort=False)))

    def published_ranks_of(self, region: str) -> pd.DataFrame:
        """One region's published rank statements with their source (``ranks.published_ranks``), built once for all regions."""
        none, by_region = self._published_ranks
        return by_region.get(region, none)

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


def load_dataset(data_dir: Path | None = None, geo_dir: Path | None = None) -> Dataset:  # pragma: no mutate block
    """Read, validate and derive. Bad rows are left out and listed in ``problems``; good rows all stay.

    No input file, however broken, raises: a file that cannot be read at all is one problem, and every
    table that does not depend on it still loads (without sources.csv the figures stay, marked "source
    missing"; a broken boundary file is reported here and stops only the maps).
    """
    data_dir = Path(data_dir or paths.data_dir())
    geo_dir = Path(geo_dir or paths.geo_dir())
    registry, problems = load_registry(geo_dir / "regions.csv")
    sources, more = _load_sources(data_dir / "sources.csv")
    problems += more
    sources_readable = not sources.empty  # with no source at all, figures stay and say 'source missing'
    fx, more = _load_fx(data_dir / "fx.csv", sources, sources_readable)
    problems += more
    undated, more = _load_undated(data_dir / "undated.csv", registry, sources, sources_readable)
    problems += more
    figures_csv = data_dir / "figures.csv"
    inputs = [figures_csv, data_dir / "sources.csv", data_dir / "fx.csv", geo_dir / "regions.csv"]
    figures, more = cache.figures_cached(figures_csv, inputs, lambda: _load_figures(figures_csv, registry, sources, fx, sources_readable))
    problems += more
    ranks, more = load_ranks(data_dir / "ranks.csv", registry, sources)
    problems += more
    for name in BOUNDARY_FILES:
        problems += check_boundaries(geo_dir / name, registry)
    return Dataset(figures, sources, fx, registry, sorted(problems, key=lambda p: (p.path, p.line, p.column, p.reason)), undated, ranks)


def _load_sources(path: Path) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    sources, problems = read_table(path, "sources")
    sources, repeats = check_unique(sources, ["id"], display_path(path), N_("duplicate source id: same {key} as line {first}"))
    return sources.set_index("id", drop=False), problems + repeats


def _unknown_sources(frame: pd.DataFrame, sources: pd.DataFrame, sources_readable: bool, shown: str) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    """Rows citing a source sources.csv lacks are left out; when sources.csv itself is unreadable they stay ("source missing")."""
    if not sources_readable:
        return frame, []
    return reject(frame, ~frame["source_id"].isin(sources.index), shown, "source_id", UNKNOWN_SOURCE)


def _load_fx(path: Path, sources: pd.DataFrame, sources_readable: bool) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    fx, problems = read_table(path, "fx")
    shown = display_path(path)
    fx, more = _unknown_sources(fx, sources, sources_readable, shown)
    problems += more
    fx, more = check_unique(fx, ["year", "currency"], shown, N_("duplicate rate: same {key} as line {first}"))
    problems += more
    fx = fx.assign(year=fx["year"].astype(int), per_usd=fx["per_usd"].astype(float))
    outside, reason, bands = fx_outside_band(fx)
    fx, more = reject(fx, outside, shown, "per_usd", reason, bands=bands, got=fx["per_usd"])
    return fx, problems + more


def _load_undated(path: Path, registry: Registry, sources: pd.DataFrame, sources_readable: bool) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    undated, problems = read_table(path, "undated")
    shown = display_path(path)
    unknown = ~undated["region"].isin(registry.table.index)
    undated, more = reject(undated, unknown, shown, "region", N_("unknown region {name!r} (not an id in regions.csv)"), name=undated["region"])
    problems += more
    undated, more = _unknown_sources(undated, sources, sources_readable, shown)
    return undated, problems + more


def _load_figures(path: Path, registry: Registry, sources: pd.DataFrame, fx: pd.DataFrame, sources_readable: bool) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    figures, problems = read_table(path, "figures")
    shown = display_path(path)
    unknown = ~figures["region"].isin(registry.table.index)
    messages, details = _unknown_region_reasons(registry, figures.loc[unknown, "region"])
    figures, more = reject(figures, unknown, shown, "region", messages, name=figures["region"], detail=details)
    problems += more
    figures, more = _unknown_sources(figures, sources, sources_readable, shown)
    problems += more
    figures, more = check_unique(figures, FIGURE_KEY, shown, N_("duplicate figure: same {key} as line {first}"))
    problems += more
    figures = _typed(figures)
    figures, more = reject(figures, _period_not_over(figures), shown, "months", N_("the period {year}, months 1-{months} has not ended yet (a date in the future)"), year=figures["year"], months=figures["months"])
    problems += more
    figures = _convert_to_usd(figures, fx)
    no_rate = figures["usd_mn"].isna()
    figures, more = reject(figures, no_rate, shown, "currency", N_("{currency}/USD rate for {year} missing in fx.csv"), currency=figures["currency"], year=figures["year"])
    problems += more
    huge = figures["usd_mn"] > MAX_USD_MN
    figures, more = reject(figures, huge, shown, "value", N_("value is more than US$ {trillions:,} trillion, beyond any trade between Belarus and Russia; check the scale"), trillions=MAX_USD_MN // 10**6)
    problems += more
    problems += _above_national_total(figures, shown)
    figures = _describe(figures, registry, sources)
    problems += _full_below_partial(figures, shown)
    return mark_displayed(figures).reset_index(drop=True), problems


def _period_not_over(figures: pd.DataFrame) -> pd.Series:  # pragma: no mutate block
    """A period ends with its last month; one ending this month or later has not ended."""
    today = dt.date.today()
    return figures["year"] * 12 + figures["months"] >= today.year * 12 + today.month


def _above_national_total(figures: pd.DataFrame, shown: str) -> list[Problem]:  # pragma: no mutate block
    """A warning (the row stays) for each regional figure above REGIONAL_FACTOR × the year's national total."""
    national = figures[(figures["region"] == "RU") & (figures["months"] == 12) & (figures["flow"] == "turnover") & figures["coverage"].isin(TOTAL_COVERAGES)]
    if national.empty:
        return []
    top = national.sort_values("usd_mn").groupby("year").tail(1).set_index("year")
    regional = figures[figures["region"] != "RU"]
    total = regional["year"].map(top["usd_mn"])
    above = regional[total.notna() & (regional["usd_mn"] > REGIONAL_FACTOR * total)]
    return [
        Problem(shown, int(row.line), "value", N_("US$ {value:,.0f} million is more than {factor:g}× the national total of {year} "
                "(US$ {total:,.0f} million, line {line}); check the value and its scale"), WARNING,
                (("value", row.usd_mn), ("factor", REGIONAL_FACTOR), ("year", row.year), ("total", top.at[row.year, "usd_mn"]), ("line", int(top.at[row.year, "line"]))))
        for row in above.itertuples()
    ]


def _full_below_partial(figures: pd.DataFrame, shown: str) -> list[Problem]:  # pragma: no mutate block
    """A warning (both rows stay) for each full-year figure below a partial-year figure of the same year, flow and basis."""
    pairs = partial_above_full(figures)
    columns = ["line", "shown", "year", "period_part", "shown_part", "line_part"]
    return [
        Problem(shown, int(line), "value", N_("the full-year figure {figure} for {year} is below the {part} figure {part_figure} (line {line}) "
                "of the same region, flow and basis; one of them is wrong"), WARNING,
                (("figure", figure), ("year", year), ("part", part), ("part_figure", part_figure), ("line", int(part_line))))
        for line, figure, year, part, part_figure, part_line in zip(*(pairs[c].tolist() for c in columns))
    ]


def _unknown_region_reasons(registry: Registry, names: pd.Series) -> tuple[pd.Series, pd.Series]:  # pragma: no mutate block
    """Why each name is unknown, as messages and their ``{detail}``; the closest known names are searched for the
    first CLOSEST_BUDGET distinct names only (fast when thousands of rows are bad)."""
    distinct = names.drop_duplicates()
    reasons = {name: registry.why_unknown(name) for name in distinct.head(CLOSEST_BUDGET)}
    beyond = N_("unknown region {name!r} (not a region id; closest names are listed for the first {detail:,} unknown names only)")
    reasons.update({name: (beyond, CLOSEST_BUDGET) for name in distinct.iloc[CLOSEST_BUDGET:]})
    return names.map({name: message for name, (message, _) in reasons.items()}), names.map({name: detail for name, (_, detail) in reasons.items()})


def _typed(figures: pd.DataFrame) -> pd.DataFrame:  # pragma: no mutate block
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
    usd_mn = figures["value"] * figures["scale"].map(SCALES).astype(float) / 1e6 / per_usd
    return figures.assign(usd_mn=usd_mn, fx_rate=np.where(figures["currency"] == "USD", np.nan, per_usd), converted=figures["currency"] != "USD")


def _per_distinct(figures: pd.DataFrame, columns: list[str], make) -> pd.Series:
    """``make(*row)`` for every row, computed once per distinct combination of ``columns`` (a million rows repeat a lot)."""
    distinct = figures[columns].drop_duplicates()
    texts = [make(*values) for values in zip(*(distinct[c].tolist() for c in columns))]
    lookup = pd.Series(texts, index=pd.MultiIndex.from_frame(distinct))
    return pd.Series(lookup.reindex(pd.MultiIndex.from_frame(figures[columns])).to_numpy(), index=figures.index)


def _display_columns(figures: pd.DataFrame, lang: str) -> dict[str, pd.Series]:
    """The words shown for each figure in ``lang``: its period, the figure as published and in dollars, its conversion."""
    period = _per_distinct(figures, ["year", "months"], lambda year, months: period_label(year, months, lang))
    published = _per_distinct(figures, ["value", "currency", "scale"], lambda value, currency, scale: format_published(value, currency, scale, lang))
    shown = _per_distinct(figures, ["usd_mn", "qualifier"], lambda usd, qualifier: with_qualifier(format_usd_mn(usd, lang), qualifier, lang))
    mask = figures["converted"].to_numpy()
    conversion = np.full(len(figures), "", dtype=object)
    if mask.any():
        converted, columns = figures[mask].assign(published_text=published[mask]), ["published_text", "fx_rate", "currency", "year"]
        conversion[mask] = _per_distinct(converted, columns, lambda text, rate, currency, year: conversion_note(text, rate, currency, year, lang)).to_numpy()
    return {"period": period, "published_text": published, "shown": shown, "conversion": conversion}


def _describe(figures: pd.DataFrame, registry: Registry, sources: pd.DataFrame) -> pd.DataFrame:
    regions = registry.table
    source = sources.reindex(figures["source_id"])
    source = source.assign(publisher=source["publisher"].fillna(SOURCE_MISSING), title=source["title"].fillna(SOURCE_MISSING), url=source["url"].fillna(""), published=source["published"].fillna(""), kind=source["kind"].fillna(""))
    return figures.assign(
        **_display_columns(figures, "en"),
        full_year=figures["months"] == 12,
        approximate=figures["qualifier"] != "exact",
        total=figures["coverage"].isin(TOTAL_COVERAGES),
        region_name=figures["region"].map(regions["name_en"]),
        region_name_ru=figures["region"].map(regions["name_ru"]),
        region_kind=figures["region"].map(regions["kind"]),
        federal_subject=figures["region"].map(federal_subjects(regions)).fillna(False).astype(bool),
        federal_district=figures["region"].map(regions["federal_district"]).fillna(""),
        source_publisher=source["publisher"].to_numpy(),
        source_title=source["title"].to_numpy(),
        source_url=source["url"].to_numpy(),
        source_published=source["published"].to_numpy(),
        source_kind=source["kind"].to_numpy(),
    )
